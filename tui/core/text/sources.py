"""Every kind of document zhread opens, turned into one plain text with its title.

A file's format is told by its suffix (``.txt``, ``.md``, ``.html``, ``.epub``); a file
with any other suffix, and standard input, are sniffed: an EPUB by its zip signature and
``mimetype`` member, an HTML page by its first tag (what ``curl`` prints), and anything else
is plain text. Each format has its own module; this one only dispatches, so that the reader
and every subcommand open the same documents the same way.
"""

from __future__ import annotations

import os
from enum import StrEnum
from pathlib import Path
from typing import BinaryIO

from tui.core.errors import ZhreadError, imports_for
from tui.core.text.loading import Loaded, decode, read_path, read_stdin
from tui.core.text.markdown_text import MARKDOWN_SUFFIXES

__all__ = [
    "SUFFIXES",
    "Format",
    "documents_in",
    "format_of",
    "from_bytes",
    "load_source",
    "load_stdin_source",
    "sniff",
]


class Format(StrEnum):
    TEXT = "text"
    MARKDOWN = "Markdown"
    HTML = "HTML"
    EPUB = "EPUB"


#: What each suffix means; a folder lists only files with one of these.
SUFFIXES: dict[str, Format] = {
    ".txt": Format.TEXT,
    ".text": Format.TEXT,
    **dict.fromkeys(MARKDOWN_SUFFIXES, Format.MARKDOWN),
    ".html": Format.HTML,
    ".htm": Format.HTML,
    ".xhtml": Format.HTML,
    ".shtml": Format.HTML,
    ".epub": Format.EPUB,
}


def load_source(path: str | Path, *, encoding: str | None = None) -> Loaded:
    """Read a document of any supported format from a file."""
    source = os.fspath(path)
    data = read_path(path)
    return from_bytes(data, source, format_of(path, data), encoding=encoding)


def load_stdin_source(stream: BinaryIO | None = None, *, encoding: str | None = None) -> Loaded:
    """Read standard input, sniffing whether it is an HTML page, an EPUB or text."""
    data = read_stdin(stream)
    return from_bytes(data, "<stdin>", sniff(data), encoding=encoding)


def format_of(path: str | Path, data: bytes) -> Format:
    """The format a suffix names, or the one the bytes look like when it names none or
    names plain text: a page saved as ``.txt`` (or by a tool that names everything so) is
    still a page."""
    kind = SUFFIXES.get(Path(path).suffix.lower())
    return sniff(data) if kind in (None, Format.TEXT) else kind


def sniff(data: bytes) -> Format:
    from tui.core.text.epub_text import looks_like_epub
    from tui.core.text.html_text import looks_like_html

    if looks_like_epub(data):
        return Format.EPUB
    return Format.HTML if looks_like_html(data) else Format.TEXT


def from_bytes(data: bytes, source: str, kind: Format, *, encoding: str | None = None) -> Loaded:
    """Decode and convert ``data`` as ``kind``; the extraction libraries load only when a
    document of their format is opened, so a broken one (trafilatura needs justext, which
    needs lxml_html_clean, ...) shows here, and is said as such, naming the format."""
    with imports_for(f"read {kind} documents"):
        return _converted(data, source, kind, encoding)


def _converted(data: bytes, source: str, kind: Format, encoding: str | None) -> Loaded:
    if kind is Format.EPUB:
        from tui.core.text.epub_text import load_epub

        return load_epub(data, source)
    if kind is Format.HTML:
        from tui.core.text.html_text import load_html

        return load_html(data, source, encoding)
    loaded = decode(data, encoding=encoding, source=source)
    if kind is Format.MARKDOWN:
        from tui.core.text.markdown_text import markdown_text

        text, title = markdown_text(loaded.text)
        if not text.strip():
            raise ZhreadError("no readable text in this Markdown file", source)
        return Loaded(text, loaded.encoding, source, title)
    return loaded


def documents_in(folder: str | Path) -> list[Path]:
    """The documents directly in ``folder`` (not in its subfolders: a home directory given
    by mistake must not be walked), by name; hidden files are left out."""
    root = Path(folder)
    try:
        entries = list(root.iterdir())
    except PermissionError:
        raise ZhreadError("permission denied", root) from None
    except OSError as error:
        raise ZhreadError(f"cannot list the folder ({error.strerror or error})", root) from None
    found = [
        entry
        for entry in entries
        if not entry.name.startswith(".") and entry.suffix.lower() in SUFFIXES and entry.is_file()
    ]
    return sorted(found, key=lambda entry: (entry.name.casefold(), entry.name))
