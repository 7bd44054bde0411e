"""Reading and validating glossary files.

Every problem in a glossary file is reported as ``FILE:LINE: message`` naming the entry and the
field, because the people who edit these files are translators and readers, not programmers.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError
from yaml.events import Event
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from tui.core.errors import ZhreadError
from tui.core.glossary.entries import Entry, Glossary, entry_from
from tui.core.glossary.matcher import convert_all, has_han

__all__ = [
    "MAX_ENTRIES",
    "MAX_GLOSSARY_BYTES",
    "GlossaryError",
    "load_glossary",
    "parse_bytes",
    "parse_glossary",
    "read_bytes",
]

#: Larger files are refused before they are read: a glossary is hand-written, not a dump.
MAX_GLOSSARY_BYTES = 10 * 1024 * 1024
#: No list in a glossary file (the terms, or one entry's forms) may be longer than this.
MAX_ENTRIES = 100_000


class GlossaryError(ZhreadError):
    """A broken glossary file, located as precisely as the YAML allows.

    ``str()`` is ``FILE:LINE: message`` (``FILE: message`` when the problem is the whole
    file, such as its size), the form editors and ``grep -n`` users jump to.
    """

    path: str  # always a file, where a ZhreadError may have none

    def __init__(self, path: str | Path, line: int | None, message: str) -> None:
        super().__init__(message)
        self.path = str(path)
        self.line = line
        self.message = message
        where = self.path if line is None else f"{self.path}:{line}"
        self.args = (f"{where}: {message}",)


class _Loader(yaml.SafeLoader):
    """SafeLoader that refuses an overlong list while composing it, before the rest is read."""

    def __init__(self, stream: str, source: str) -> None:
        super().__init__(stream)
        self.source = source

    def compose_node(self, parent: Node | None, index: Any) -> Node | None:
        if isinstance(index, int) and index >= MAX_ENTRIES:
            self.check_event()  # parses the next event into current_event, as peek_event does
            event: Event = self.current_event
            line = event.start_mark.line + 1 if event.start_mark is not None else None
            raise GlossaryError(
                self.source, line, f"a list with more than {MAX_ENTRIES:,} items; refusing to load"
            )
        return super().compose_node(parent, index)


def _fast_loader(text: str) -> yaml.CSafeLoader | None:
    """libyaml's loader (ten times faster) for a text that cannot hold an overlong list:
    every item after a list's first follows a ``-`` or a ``,``. Others get :class:`_Loader`,
    which stops at the first item too many, and so does a text libyaml refuses, so that
    every error reads as it always has."""
    fast = getattr(yaml, "CSafeLoader", None)
    if fast is None or text.count("-") + text.count(",") + 1 >= MAX_ENTRIES:
        return None
    try:
        loader: yaml.CSafeLoader = fast(text)
    except UnicodeError:  # a lone surrogate: the checking loader says where
        return None
    return loader


def load_glossary(path: str | Path, *, known_ids: Iterable[str] = ()) -> Glossary:
    """Read, validate and index a glossary file.

    ``known_ids`` are ids defined elsewhere (the built-in glossary, for a user's layer) that
    ``see_also`` may point to.
    """
    return parse_bytes(read_bytes(path), path, known_ids=known_ids)


def read_bytes(path: str | Path) -> bytes:
    """A glossary file's bytes, refused unread when it is too large to be hand-written."""
    return _read_limited(Path(path))


def parse_bytes(data: bytes, path: str | Path, *, known_ids: Iterable[str] = ()) -> Glossary:
    """Decode, validate and index the bytes :func:`read_bytes` gave for ``path``."""
    return parse_glossary(_decode(data, path), str(path), known_ids=known_ids)


def parse_glossary(
    text: str, source: str = "<glossary>", *, known_ids: Iterable[str] = ()
) -> Glossary:
    """Validate glossary YAML given as text; ``source`` names it in error messages."""
    _check_size(text, source)
    try:
        root, data = _load_yaml(text, source)
    except GlossaryError as error:
        raise _on_editor_lines(error, text) from None
    try:
        return _checked(root, data, text, source, known_ids)
    except GlossaryError as error:
        raise _on_editor_lines(error, text) from None


def _checked(
    root: Node | None, data: Any, text: str, source: str, known_ids: Iterable[str]
) -> Glossary:
    parsed = [
        (_build_entry(node, item, number, source), node)
        for number, (node, item) in enumerate(_term_items(root, data, source), start=1)
    ]
    _check_ids(parsed, source)
    _check_spellings(parsed, source)
    _check_see_also(parsed, source, known_ids)
    return Glossary(entry for entry, _ in parsed)


#: What YAML takes for a line break; an editor (and ``grep -n``) counts only ``\n``.
_YAML_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")


def _on_editor_lines(error: GlossaryError, text: str) -> GlossaryError:
    """The error with its line counted as the user's editor counts it, not as YAML does."""
    if error.line is None:
        return error
    return GlossaryError(error.path, _editor_line(text, error.line), error.message)


def _editor_line(text: str, yaml_line: int) -> int:
    """YAML also breaks lines at U+0085, U+2028, U+2029 and a lone CR; editors and
    ``grep -n`` count only ``\\n``."""
    if not re.search("[\r\x85\u2028\u2029]", text):
        return yaml_line
    starts = [0, *(match.end() for match in _YAML_BREAK.finditer(text))]
    return text.count("\n", 0, starts[min(yaml_line, len(starts)) - 1]) + 1


def _read_limited(path: Path) -> bytes:
    """Refuse a huge file from its size alone, and never read more than the limit."""
    try:
        size = path.stat().st_size
        if size <= MAX_GLOSSARY_BYTES:
            with path.open("rb") as stream:
                data = stream.read(MAX_GLOSSARY_BYTES + 1)
            size = len(data)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise GlossaryError(path, None, f"cannot read the glossary: {reason}") from None
    if size > MAX_GLOSSARY_BYTES:
        raise GlossaryError(path, None, _too_big(size))
    return data


def _too_big(size: int) -> str:
    return f"the file is {size:,} bytes, over the {MAX_GLOSSARY_BYTES:,}-byte limit for a glossary"


def _check_size(text: str, source: str) -> None:
    if len(text) * 4 > MAX_GLOSSARY_BYTES:  # encoding is only worth it when it could matter
        size = len(text.encode("utf-8", "surrogatepass"))
        if size > MAX_GLOSSARY_BYTES:
            raise GlossaryError(source, None, _too_big(size))


def _decode(data: bytes, path: str | Path) -> str:
    """UTF-8 only (a BOM is allowed): a glossary in a legacy encoding is a mistake to report."""
    data = data.removeprefix(b"\xef\xbb\xbf")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise GlossaryError(
            path, line, f"not valid UTF-8 (byte 0x{data[exc.start]:02x}); save the file as UTF-8"
        ) from None


def _load_yaml(text: str, source: str) -> tuple[Node | None, Any]:
    """The node tree (for line numbers) and the data built from it with safe semantics."""
    fast = _fast_loader(text)
    if fast is not None:
        try:
            root = fast.get_single_node()
            return root, None if root is None else fast.construct_document(root)
        except (yaml.YAMLError, RecursionError, UnicodeError):
            pass  # read again below, for the messages and lines people know
        finally:
            fast.dispose()
    loader: _Loader | None = None
    try:
        loader = _Loader(text, source)  # this already rejects unprintable characters
        root = loader.get_single_node()
        return root, None if root is None else loader.construct_document(root)
    except yaml.MarkedYAMLError as exc:
        raise _yaml_error(exc, text, source) from None
    except yaml.reader.ReaderError as exc:
        line = len(_YAML_BREAK.findall(text, 0, exc.position)) + 1
        message = f"invalid YAML: character U+{exc.character:04X} is not allowed ({exc.reason})"
        raise GlossaryError(source, line, message) from None
    except yaml.YAMLError as exc:
        raise GlossaryError(source, None, f"invalid YAML: {exc}") from None
    except RecursionError:
        raise GlossaryError(source, None, "invalid YAML: nested too deeply") from None
    finally:
        if loader is not None:
            loader.dispose()


def _yaml_error(exc: yaml.MarkedYAMLError, text: str, source: str) -> GlossaryError:
    """Report the YAML error where the parser noticed it, with what it was parsing."""
    mark = exc.problem_mark or exc.context_mark
    message = f"invalid YAML: {exc.problem or exc.context}"
    if exc.problem and exc.context and exc.context_mark is not None:
        message += f" ({exc.context} at line {_editor_line(text, exc.context_mark.line + 1)})"
    return GlossaryError(source, None if mark is None else mark.line + 1, message)


def _line(node: Node) -> int:
    return node.start_mark.line + 1


def _term_items(root: Node | None, data: Any, source: str) -> list[tuple[Node, Any]]:
    """The ``terms:`` list, each item's node paired with the data built from it."""
    if root is None:
        raise GlossaryError(source, 1, "the file is empty; expected a mapping with a 'terms:' list")
    if not isinstance(root, MappingNode) or not isinstance(data, dict):
        raise GlossaryError(source, _line(root), "the top level must be a mapping with 'terms:'")
    terms: Node | None = None
    for key, value in root.value:
        if not isinstance(key, ScalarNode) or key.value != "terms":
            name = key.value if isinstance(key, ScalarNode) else "?"
            message = f"unknown top-level key {name!r} (the only one is 'terms')"
            raise GlossaryError(source, _line(key), message)
        if terms is not None:
            raise GlossaryError(source, _line(key), "duplicate top-level key 'terms'")
        terms = value
    if terms is None:
        raise GlossaryError(source, _line(root), "missing the top-level 'terms:' list")
    if data["terms"] is None:
        return []
    if not isinstance(terms, SequenceNode) or not isinstance(data["terms"], list):
        raise GlossaryError(source, _line(terms), "'terms' must be a list of entries")
    return list(zip(terms.value, data["terms"], strict=True))


def _build_entry(node: Node, item: Any, number: int, source: str) -> Entry:
    label = _label(item, number)
    if not isinstance(node, MappingNode) or not isinstance(item, dict):
        raise GlossaryError(source, _line(node), f"{label}: expected a mapping of fields")
    _check_keys(node, label, source)
    try:
        return entry_from(item)
    except ValidationError as exc:
        raise _first_problem(exc, node, label, source) from None


def _first_problem(exc: ValidationError, node: Node, label: str, source: str) -> GlossaryError:
    """The topmost problem; a missing field only last, as it is often a misspelt one."""
    problems = sorted(
        (err["type"] in _MISSING, _line_at(node, err["loc"]), _describe(err))
        for err in exc.errors()
    )
    _, line, message = problems[0]
    return GlossaryError(source, line, f"{label}: {message}")


def _label(item: Any, number: int) -> str:
    """Name an entry by its id when it has a usable one, else by its position."""
    entry_id = item.get("id") if isinstance(item, dict) else None
    if isinstance(entry_id, str) and entry_id.strip():
        return f"entry {entry_id.strip()!r}"
    return f"entry #{number}"


def _check_keys(node: MappingNode, label: str, source: str) -> None:
    """Field names must be text and appear once (YAML would silently keep the last)."""
    seen: set[str] = set()
    for key, _ in node.value:
        if not isinstance(key, ScalarNode) or key.tag != "tag:yaml.org,2002:str":
            raise GlossaryError(source, _line(key), f"{label}: a field name must be text")
        if not node.start_mark.index <= key.start_mark.index <= node.end_mark.index:
            continue  # brought in by a '<<' merge, which the entry's own keys may override
        if key.value in seen:
            raise GlossaryError(source, _line(key), f"{label}: duplicate field {key.value!r}")
        seen.add(key.value)


#: pydantic's error types for a field too many and a field missing (entries are dataclasses).
_UNKNOWN = frozenset({"extra_forbidden", "unexpected_keyword_argument"})
_MISSING = frozenset({"missing", "missing_argument", "missing_keyword_only_argument"})


def _describe(error: Any) -> str:
    field = "".join(f"[{part}]" if isinstance(part, int) else f".{part}" for part in error["loc"])
    field = field.removeprefix(".")
    if error["type"] in _UNKNOWN:
        return f"unknown field {field!r}"
    if error["type"] in _MISSING:
        return f"missing required field {field!r}"
    return f"field {field!r}: {error['msg'].removeprefix('Value error, ')}"


def _line_at(node: Node, loc: Sequence[str | int]) -> int:
    """The line of the deepest key or list item along ``loc`` that exists in the file."""
    line = _line(node)
    for part in loc:
        if isinstance(node, MappingNode) and isinstance(part, str):
            pairs = [(k, v) for k, v in node.value if isinstance(k, ScalarNode) and k.value == part]
            if not pairs:
                break
            key, node = pairs[-1]
            line = _line(key)
        elif isinstance(node, SequenceNode) and isinstance(part, int) and part < len(node.value):
            node = node.value[part]
            line = _line(node)
        else:
            break
    return line


def _check_ids(parsed: Sequence[tuple[Entry, Node]], source: str) -> None:
    first: dict[str, int] = {}
    for entry, node in parsed:
        line = _line_at(node, ("id",))
        if entry.id in first:
            message = f"duplicate id {entry.id!r} (first defined at line {first[entry.id]})"
            raise GlossaryError(source, line, f"entry {entry.id!r}: {message}")
        first[entry.id] = line


def _slots(entry: Entry) -> Iterator[tuple[tuple[str, int] | tuple[str], str, bool]]:
    """Each spelling with where it sits in the entry and whether it ignores case."""
    yield ("hant",), entry.hant, False
    yield ("hans",), entry.hans, False
    for field in ("tw", "hk"):
        form = getattr(entry, field)
        if form is not None:
            yield (field,), form, False
    for index, form in enumerate(entry.forms):
        yield ("forms", index), form, False
    for index, alias in enumerate(entry.aliases):
        yield ("aliases", index), alias.text, alias.ignore_case


def _check_spellings(parsed: Sequence[tuple[Entry, Node]], source: str) -> None:
    """Two entries may not share a spelling, or a match would pick one of them arbitrarily.

    Han spellings are compared after normalising to Simplified (蒸餾 and 蒸馏 are the same
    form); Latin ones exactly, or case-insensitively when either side ignores case.
    """
    slots = [(entry, node, *slot) for entry, node in parsed for slot in _slots(entry)]
    han = [text for *_, text, _ in slots if has_han(text)]
    normalised = iter(convert_all(han))
    owners: dict[tuple[str, str], tuple[str, int, str]] = {}
    for entry, node, loc, text, ignore_case in slots:
        line = _line_at(node, loc)
        if has_han(text):
            claims = checks = [("han", next(normalised))]
        elif ignore_case:
            claims, checks = [("ic", text.lower()), ("any", text.lower())], [("any", text.lower())]
        else:
            claims = [("exact", text), ("any", text.lower())]
            checks = [("exact", text), ("ic", text.lower())]
        for key in checks:
            other = owners.get(key)
            if other is not None and other[0] != entry.id:
                raise GlossaryError(source, line, _clash(entry.id, loc[0], text, other))
        for key in claims:
            owners.setdefault(key, (entry.id, line, text))


def _clash(entry_id: str, field: str, text: str, other: tuple[str, int, str]) -> str:
    other_id, other_line, other_text = other
    spelled = "" if other_text == text else f" as {other_text!r}"
    return (
        f"entry {entry_id!r}: field {field!r}: {text!r} is already used by entry {other_id!r}"
        f"{spelled} (line {other_line})"
    )


def _check_see_also(
    parsed: Sequence[tuple[Entry, Node]], source: str, known_ids: Iterable[str]
) -> None:
    ids = {entry.id for entry, _ in parsed} | set(known_ids)
    for entry, node in parsed:
        for index, target in enumerate(entry.see_also):
            if target not in ids:
                raise GlossaryError(
                    source,
                    _line_at(node, ("see_also", index)),
                    f"entry {entry.id!r}: field 'see_also': no entry has the id {target!r}",
                )
