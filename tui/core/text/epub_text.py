"""An EPUB book as one text: its chapters in reading order, each under its title.

An EPUB is a zip archive: ``META-INF/container.xml`` names the package document (the OPF),
whose *spine* lists the chapters in reading order. File names and the manifest's order mean
nothing, so the spine is followed exactly. Each chapter is XHTML, turned into lines by
:func:`tui.core.text.html_text.block_text` (the whole chapter is text: no extraction heuristics).
A chapter's title comes from the book's table of contents (the EPUB 3 navigation document or
the EPUB 2 NCX) and is put before the chapter's text unless the text already starts with it.

The archive is read from memory with every size checked before anything is unpacked, and
the XML is parsed without entities or network access, so a hostile file can cost neither
memory nor a request.
"""

from __future__ import annotations

import io
import posixpath
import zipfile
from dataclasses import dataclass
from typing import Any
from urllib.parse import unquote

from tui.core.errors import ZhreadError
from tui.core.text.html_text import block_text, decode_html, fold_spaces, parse
from tui.core.text.loading import MAX_BYTES, Loaded

__all__ = ["Chapter", "chapters", "load_epub", "looks_like_epub"]

_CONTAINER = "META-INF/container.xml"
_ENCRYPTION = "META-INF/encryption.xml"
_DC = "{http://purl.org/dc/elements/1.1/}"
_XHTML_TYPES = frozenset({"application/xhtml+xml", "text/html", "application/xml", "text/xml"})


@dataclass(frozen=True, slots=True)
class Chapter:
    """A spine document: its path in the archive, its title (may be empty) and its text."""

    path: str
    title: str
    text: str


def looks_like_epub(data: bytes) -> bool:
    """A zip archive whose first member is the EPUB ``mimetype`` file, as the format requires."""
    return data.startswith(b"PK\x03\x04") and b"application/epub+zip" in data[:128]


def load_epub(data: bytes, source: str) -> Loaded:
    """The book as a :class:`Loaded`: its title, then each chapter after a blank line."""
    archive = _open(data, source)
    package = _package_path(archive, source)
    opf = _xml(_member(archive, package, source), package, source)
    title = _first_text(opf, f".//{_DC}title")
    found = chapters(archive, opf, package, source)
    if not any(chapter.text for chapter in found):
        raise ZhreadError("no readable text in this EPUB", source)
    blocks = [_heading_and_text(chapter) for chapter in found if chapter.text]
    head = [title] if title and not blocks[0].startswith(title) else []
    return Loaded("\n\n".join(head + blocks), "utf-8", source, title or None)


def chapters(archive: zipfile.ZipFile, opf: Any, package: str, source: str) -> list[Chapter]:
    """The spine's documents in reading order (``linear="no"`` extras, such as a cover
    image page, are left out), each with its table-of-contents title."""
    manifest = _manifest(opf, package)
    spine = opf.find("{*}spine")
    if spine is None or not len(spine):
        raise ZhreadError("the EPUB's package document has no spine (no reading order)", source)
    encrypted = _encrypted(archive)
    titles = _toc_titles(archive, opf, manifest, package)
    found: list[Chapter] = []
    for itemref in spine.iterfind("{*}itemref"):
        item = manifest.get(itemref.get("idref", ""))
        if item is None or itemref.get("linear") == "no" or item[1] not in _XHTML_TYPES:
            continue
        path = item[0]
        if path in encrypted:
            raise ZhreadError("the EPUB is encrypted (DRM); zhread cannot read it", source)
        found.append(Chapter(path, titles.get(path, ""), _chapter_text(archive, path, source)))
    return found


def _heading_and_text(chapter: Chapter) -> str:
    first = chapter.text.split("\n", 1)[0]
    if not chapter.title or first.startswith(chapter.title) or chapter.title.startswith(first):
        return chapter.text
    return f"{chapter.title}\n{chapter.text}"


# --- the archive -----------------------------------------------------------------------------


def _open(data: bytes, source: str) -> zipfile.ZipFile:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError):
        raise ZhreadError("not an EPUB (not a zip archive)", source) from None
    unpacked = sum(info.file_size for info in archive.infolist())
    if unpacked > 4 * MAX_BYTES:  # a zip bomb; real books are mostly images, all unread here
        raise ZhreadError(f"the EPUB unpacks to {unpacked:,} bytes, too large to read", source)
    return archive


def _member(archive: zipfile.ZipFile, name: str, source: str) -> bytes:
    """One member's bytes; a missing or damaged member is the file's fault, said as such."""
    try:
        info = archive.getinfo(name)
    except KeyError:
        raise ZhreadError(f"not a valid EPUB ({name} is missing)", source) from None
    if info.file_size > MAX_BYTES:
        raise ZhreadError(f"{name} in the EPUB is too large ({info.file_size:,} bytes)", source)
    try:
        return archive.read(info)
    except (zipfile.BadZipFile, NotImplementedError, OSError, EOFError, ValueError) as error:
        raise ZhreadError(f"cannot unpack {name} from the EPUB ({error})", source) from None


def _package_path(archive: zipfile.ZipFile, source: str) -> str:
    container = _xml(_member(archive, _CONTAINER, source), _CONTAINER, source)
    rootfile = container.find(".//{*}rootfile")
    path = rootfile.get("full-path") if rootfile is not None else None
    if not path:
        raise ZhreadError(f"not a valid EPUB ({_CONTAINER} names no package document)", source)
    return unquote(path)


def _xml(data: bytes, name: str, source: str) -> Any:
    from lxml import etree

    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, recover=False, load_dtd=False, huge_tree=False
    )
    try:
        return etree.fromstring(data, parser)
    except etree.XMLSyntaxError as error:
        raise ZhreadError(
            f"not a valid EPUB ({name} is not well-formed XML: {error})", source
        ) from None


# --- the package document --------------------------------------------------------------------


def _manifest(opf: Any, package: str) -> dict[str, tuple[str, str, str]]:
    """Item id -> (path in the archive, media type, properties)."""
    base = posixpath.dirname(package)
    items: dict[str, tuple[str, str, str]] = {}
    for item in opf.iterfind("{*}manifest/{*}item"):
        href = item.get("href")
        if item.get("id") and href:
            items[item.get("id")] = (
                _resolve(base, href),
                item.get("media-type", ""),
                item.get("properties", ""),
            )
    return items


def _resolve(base: str, href: str) -> str:
    """An href relative to the document it is in, as a member name of the archive."""
    return posixpath.normpath(posixpath.join(base, unquote(href.split("#", 1)[0])))


def _first_text(tree: Any, path: str) -> str:
    element = tree.find(path)
    return fold_spaces("".join(element.itertext())) if element is not None else ""


def _encrypted(archive: zipfile.ZipFile) -> set[str]:
    """Members the book lists as encrypted: DRM on chapters (or obfuscated fonts, harmless)."""
    try:
        data = archive.read(_ENCRYPTION)
    except (KeyError, zipfile.BadZipFile, OSError, ValueError, NotImplementedError):
        return set()
    try:
        tree = _xml(data, _ENCRYPTION, "")
    except ZhreadError:
        return set()
    return {unquote(ref.get("URI", "")) for ref in tree.iter("{*}CipherReference")}


def _toc_titles(
    archive: zipfile.ZipFile, opf: Any, manifest: dict[str, tuple[str, str, str]], package: str
) -> dict[str, str]:
    """Chapter path -> its first title in the table of contents; empty when there is none
    (a book without a usable contents still reads, just without headings added)."""
    nav = next((item for item in manifest.values() if "nav" in item[2].split()), None)
    spine = opf.find("{*}spine")
    ncx = manifest.get(spine.get("toc", "")) if spine is not None else None
    for item, entries in ((nav, _nav_entries), (ncx, _ncx_entries)):
        if item is None:
            continue
        try:
            tree = _xml(_member(archive, item[0], ""), item[0], "")
        except ZhreadError:
            continue
        titles: dict[str, str] = {}
        for href, label in entries(tree):
            titles.setdefault(_resolve(posixpath.dirname(item[0]), href), label)
        if titles:
            return titles
    return {}


def _nav_entries(tree: Any) -> list[tuple[str, str]]:
    return [
        (link.get("href", ""), fold_spaces("".join(link.itertext())))
        for link in tree.iter("{*}a")
        if link.get("href")
    ]


def _ncx_entries(tree: Any) -> list[tuple[str, str]]:
    entries: list[tuple[str, str]] = []
    for point in tree.iter("{*}navPoint"):
        content = point.find("{*}content")
        if content is not None and content.get("src"):
            entries.append((content.get("src"), _first_text(point, "{*}navLabel/{*}text")))
    return entries


# --- chapters --------------------------------------------------------------------------------


def _chapter_text(archive: zipfile.ZipFile, path: str, source: str) -> str:
    """A chapter's paragraphs, one a line; an empty or unreadable chapter gives ``""`` so one
    bad page does not lose the book, unless every page is bad (then the caller says so)."""
    data = _member(archive, path, source)
    try:
        text = decode_html(data, f"{source}:{path}").text
    except ZhreadError:
        return ""
    tree = parse(text)
    if tree is None:
        return ""
    body = tree.find("body")
    return block_text(body if body is not None else tree)
