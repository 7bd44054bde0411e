"""Adding entries to the user's own glossary file without disturbing what the user wrote.

The file is hand-edited, so it is never re-dumped: the new entry is appended as text and
everything before it (comments, order, quoting) stays byte for byte. The result is validated
as a whole before it replaces the file, and it replaces it atomically, so neither a bad entry
nor a crash nor a full disk can leave the user with a broken or truncated glossary. Two zhread
processes adding at the same moment take turns on a lock, so neither entry is lost.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import Any

import yaml
from yaml.nodes import MappingNode, ScalarNode, SequenceNode

from tui.core.errors import ZhreadError
from tui.core.glossary.entries import Entry, entry_data
from tui.core.glossary.layers import builtin_glossary, user_glossary_path
from tui.core.glossary.loader import GlossaryError, parse_glossary
from tui.core.safefiles import atomic_path, locked

__all__ = ["HEADER", "add_entry"]

#: What a new user glossary starts with: enough to find the way to the field list.
HEADER = """\
# Your own zhread glossary. It is read after the built-in one, so an entry here with the
# same id as a built-in entry replaces it. Fields are described in zhread's README and at
# the top of its built-in glossary.yaml. Check this file with:  zhread glossary check FILE

terms:
"""

_BOM = b"\xef\xbb\xbf"
_NEW_FILE_MODE = 0o644


def add_entry(
    entry: Entry, path: Path | None = None, *, known_ids: Iterable[str] | None = None
) -> Path:
    """Append ``entry`` to the user's glossary (creating it if needed); returns the path.

    ``known_ids`` are the ids ``see_also`` may point to outside this file (default: the
    built-in glossary's). Raises GlossaryError, leaving the file as it was, if the file is
    broken or would be with the entry (a duplicate id or spelling); ZhreadError if it cannot
    be written.
    """
    path = user_glossary_path() if path is None else path
    known = set(builtin_glossary().entries if known_ids is None else known_ids)
    with _exclusive(path):  # another zhread adding at the same moment waits its turn
        _append(entry, path, known)
    return path


def _append(entry: Entry, path: Path, known: set[str]) -> None:
    """Read, extend, validate and replace the file: the whole read-modify-write."""
    old = _read(path)
    text = _decode(old, path) if old is not None else HEADER
    before = parse_glossary(text, str(path), known_ids=known)  # the file's own problems first
    new_text = _with_entry(text, entry, path)
    try:
        after = parse_glossary(new_text, str(path), known_ids=known)
    except GlossaryError as error:
        raise GlossaryError(path, None, f"not added: {error.message}") from None
    expected = {**before.entries, entry.id: entry}
    if after.entries != expected:  # what was there, plus the entry exactly as given
        raise ZhreadError(f"entry {entry.id!r} would not read back as given; not added", path)
    bom = _BOM if old is not None and old.startswith(_BOM) else b""
    _write_atomically(path, bom + new_text.encode("utf-8"))


@contextmanager
def _exclusive(path: Path) -> Iterator[None]:
    """The glossary's lock held for the body (see :func:`safefiles.locked`)."""
    held = ExitStack()
    try:
        target = path.resolve()
        target.parent.mkdir(parents=True, exist_ok=True)
        held.enter_context(locked(target))
    except OSError as error:
        raise ZhreadError(f"cannot save the glossary: {error.strerror or error}", path) from None
    with held:
        yield


def _read(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as error:
        raise ZhreadError(f"cannot read the glossary: {error.strerror or error}", path) from None


def _decode(data: bytes, path: Path) -> str:
    try:
        return data.removeprefix(_BOM).decode("utf-8")
    except UnicodeDecodeError:
        raise GlossaryError(path, None, "not valid UTF-8; save the file as UTF-8") from None


# --- the text to append ----------------------------------------------------------------


def _with_entry(text: str, entry: Entry, path: Path) -> str:
    """``text`` with the entry added at the end of its ``terms:`` list, as block YAML.

    ``terms`` is the only top-level key, so the list runs to the end of the file and an
    item appended at the list's indentation joins it. An empty list written inline
    (``terms: []``) is the one thing replaced rather than appended to.
    """
    terms = _terms_node(text)
    newline = "\r\n" if "\r\n" in text else "\n"  # keep a Windows file's line ends
    if isinstance(terms, SequenceNode) and not terms.flow_style:
        item = _entry_yaml(entry, terms.start_mark.column).replace("\n", newline)
        body = text if text.endswith("\n") else text + newline
        return body + newline + item
    if _is_empty(terms):
        item = _entry_yaml(entry, 2).replace("\n", newline)
        start, end = terms.start_mark.index, terms.end_mark.index
        return text[:start].rstrip(" ") + newline + item + text[end:].lstrip("\r\n")
    raise GlossaryError(
        path,
        terms.start_mark.line + 1,
        "'terms' is written inline ([...]); write it as a list of '- id: ...' items so "
        "entries can be added",
    )


def _terms_node(text: str) -> Any:
    """The node of the ``terms:`` value (the file has been validated, so it is there)."""
    root = yaml.compose(text, Loader=yaml.SafeLoader)
    assert isinstance(root, MappingNode)
    return next(value for key, value in root.value if key.value == "terms")


def _is_empty(node: Any) -> bool:
    """``terms:`` with nothing after it, ``terms: []``, ``terms: ~`` or ``terms: null``."""
    if isinstance(node, SequenceNode):
        return not node.value
    return isinstance(node, ScalarNode) and node.tag == "tag:yaml.org,2002:null"


def _entry_yaml(entry: Entry, indent: int) -> str:
    """The entry as one block list item; safe_dump decides the quoting of every value."""
    data = entry_data(entry, exclude_defaults=True)
    if "aliases" in data:  # a bare string is how people write a case-sensitive alias
        data["aliases"] = [a["text"] if len(a) == 1 else a for a in data["aliases"]]
    dumped = yaml.safe_dump(
        [data], allow_unicode=True, sort_keys=False, default_flow_style=False, width=88
    )
    pad = " " * indent
    return "".join(pad + line if line.strip() else line for line in dumped.splitlines(True))


# --- writing ---------------------------------------------------------------------------


def _write_atomically(path: Path, data: bytes) -> None:
    """Replace the file through :func:`safefiles.atomic_path`, keeping its permissions.

    A symlinked glossary (kept in a dotfiles repository, say) is written through, so the
    link survives. On any failure the old file is intact.
    """
    target = path.resolve()
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        mode = target.stat().st_mode & 0o7777 if target.exists() else _NEW_FILE_MODE
        with atomic_path(target) as tmp:
            tmp.write_bytes(data)
            os.chmod(tmp, mode)
    except OSError as error:
        raise ZhreadError(f"cannot save the glossary: {error.strerror or error}", path) from None
