"""Notes on one particular text, kept apart from the glossary, which speaks of every text.

A glossary entry says what a term is; what one article does with it (who said what at which
hearing, which unusual spelling this writer uses) is true of that article only, and shown
with every other document it would be wrong. Such notes live in a notes file that names its
text, and are attached when that text is open:

- ``story.notes.yaml`` beside ``story.txt`` belongs to ``story.txt``;
- a notes file among the shipped samples belongs to the text whose content it names, however
  that text arrives (the file, a copy, standard input).

A notes file may name its text by the SHA-256 of the text as read (UTF-8, line ends ``\\n``;
for a plain UTF-8 file, what ``sha256sum`` prints); a notes file beside a text that names
another content is left out, since the text has changed under it.

```yaml
sha256: 4dac08d0...      # optional beside a text, required among the samples
notes:
  person-hanna-dohmen: >-
    Testifies that ...
```

Errors are reported as ``FILE:LINE: message``, like the glossary's.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from yaml.nodes import MappingNode, Node, ScalarNode

from tui.core.glossary.bundled import seeds_dir
from tui.core.glossary.entries import _SLUG, Glossary
from tui.core.glossary.loader import GlossaryError, _decode, _line, _load_yaml, _read_limited

__all__ = ["NOTES_SUFFIX", "TextNotes", "for_document", "notes_for", "parse_text_notes", "text_key"]

#: A text's notes file is named after it: story.txt -> story.notes.yaml.
NOTES_SUFFIX = ".notes.yaml"

_HEX = re.compile(r"[0-9a-f]{64}")


@dataclass(frozen=True)
class TextNotes:
    """The notes of one file: entry id -> note, and the content they are about."""

    sha256: str | None
    notes: dict[str, str]


def text_key(text: str) -> str:
    """The SHA-256 a notes file names its text by."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def parse_text_notes(text: str, source: str) -> TextNotes:
    """Validate a notes file given as text; ``source`` names it in error messages."""
    root, _ = _load_yaml(text, source)
    if not isinstance(root, MappingNode):
        line = 1 if root is None else _line(root)
        raise GlossaryError(source, line, "expected a mapping with 'notes:' (and 'sha256:')")
    fields: dict[str, Node] = {}
    for key, value in root.value:
        name = key.value if isinstance(key, ScalarNode) else "?"
        if name not in ("sha256", "notes"):
            message = f"unknown top-level key {name!r} (the keys are 'sha256' and 'notes')"
            raise GlossaryError(source, _line(key), message)
        if name in fields:
            raise GlossaryError(source, _line(key), f"duplicate top-level key {name!r}")
        fields[name] = value
    if "notes" not in fields:
        raise GlossaryError(source, _line(root), "missing the top-level 'notes:' mapping")
    return TextNotes(_sha256(fields.get("sha256"), source), _notes(fields["notes"], source))


def _sha256(node: Node | None, source: str) -> str | None:
    if node is None:
        return None
    if not isinstance(node, ScalarNode) or not _HEX.fullmatch(str(node.value).lower()):
        raise GlossaryError(source, _line(node), "'sha256' must be 64 hexadecimal digits")
    return str(node.value).lower()


def _notes(node: Node, source: str) -> dict[str, str]:
    """Entry id -> note text, each a plain string (YAML scalars, not lists or numbers)."""
    if not isinstance(node, MappingNode):
        raise GlossaryError(source, _line(node), "'notes' must map entry ids to notes")
    notes: dict[str, str] = {}
    for key, value in node.value:
        entry_id = key.value if isinstance(key, ScalarNode) else ""
        if not isinstance(key, ScalarNode) or not _SLUG.fullmatch(entry_id):
            message = f"{entry_id!r} is not an entry id such as 'chiplet-packaging'"
            raise GlossaryError(source, _line(key), message)
        if entry_id in notes:
            raise GlossaryError(source, _line(key), f"duplicate note for {entry_id!r}")
        plain = isinstance(value, ScalarNode) and value.tag == "tag:yaml.org,2002:str"
        if not plain or not str(value.value).strip():
            raise GlossaryError(source, _line(value), f"the note for {entry_id!r} must be text")
        notes[entry_id] = str(value.value).strip()
    return notes


@lru_cache(maxsize=32)
def _load(path: Path, _stamp: tuple[int, int]) -> TextNotes:
    """A notes file, read again only when it changes (``_stamp``: size and mtime)."""
    return parse_text_notes(_decode(_read_limited(path), path), str(path))


def _read(path: Path) -> TextNotes | None:
    try:
        stat = path.stat()
    except OSError:
        return None
    return _load(path, (stat.st_size, stat.st_mtime_ns))


def _beside(source: str) -> Path | None:
    """The notes file a document's own file would have (none for standard input)."""
    if not source or source.startswith("<"):
        return None
    return Path(source).with_suffix(NOTES_SUFFIX)


def notes_for(text: str, source: str) -> dict[str, str]:
    """The notes on this text: the samples' notes that name its content, then those beside
    its file (which win). Raises :class:`GlossaryError` for a broken notes file."""
    beside = _beside(source)
    found: list[tuple[TextNotes, bool]] = []
    try:
        shipped = sorted(seeds_dir().glob("*" + NOTES_SUFFIX))
    except OSError:
        shipped = []
    for path in shipped:
        if beside is None or path.resolve() != beside.resolve():
            notes = _read(path)
            if notes is not None and notes.sha256 is not None:
                found.append((notes, True))
    own = _read(beside) if beside is not None else None
    if own is not None:
        found.append((own, own.sha256 is not None))
    key = text_key(text) if any(needs for _, needs in found) else ""
    merged: dict[str, str] = {}
    for notes, needs in found:
        if not needs or notes.sha256 == key:
            merged |= notes.notes
    return merged


def for_document(
    glossary: Glossary, text: str, source: str, *, strict: bool = False
) -> tuple[Glossary, str | None]:
    """The glossary as it applies to this text (see :meth:`Glossary.for_text`), and a
    warning instead of the notes when its notes file is broken: the reader goes on.
    ``strict`` raises the :class:`GlossaryError` instead, for a command to stop at."""
    try:
        return glossary.for_text(text, notes_for(text, source)), None
    except GlossaryError as error:
        if strict:
            raise
        return glossary.for_text(text), f"{error} (the notes on this text are skipped)"
