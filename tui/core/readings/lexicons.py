"""The part of jieba's and pypinyin's word tables that a text can use, read from the files
they ship.

Held whole, jieba's frequency table costs about 77 MB of memory and pypinyin's phrase table
about 61 MB, yet neither library ever looks beyond the sentence in hand: jieba's word graph,
its route through it and its HMM fallback look up substrings of the sentence, and so do
pypinyin's forward maximum match and its phrase lookup. The entries made only of the
characters a text holds therefore cut and read that text exactly as the whole tables do,
provided jieba weighs every route against the whole dictionary's total. Two details keep it
exact rather than close:

- jieba's table also lists every prefix of a word, with a count of 0, and both its word
  graph and ``suggest_freq`` (which sizes a glossary word) tell a listed string from an
  unlisted one; the prefixes that are no word of their own are kept, with the total, in a
  small cache (:mod:`tui.core.words.jiebacache`), and taken from it like the words;
- pypinyin's matcher gives up on a stretch that is a prefix of some phrase without holding
  one, so each phrase's longest prefix over the characters is returned as well.

A set of characters is found with one regular expression over the decoded file (a fraction
of a second even for a novel's four thousand characters); a few characters more are found
by searching the file for each, which costs milliseconds. Every function takes the new
characters and the ones taken before, and returns only what the new ones add.
"""

from __future__ import annotations

import gc
import importlib.util
import json
import re
from collections.abc import Iterable, Iterator, Set
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

__all__ = [
    "Phrases",
    "collection_paused",
    "jieba_counts",
    "jieba_counts_of",
    "jieba_dict_path",
    "jieba_prefixes",
    "jieba_summary",
    "jieba_tags",
    "phrases_path",
    "pinyin_phrases",
]

#: Up to this many new characters, each is searched for rather than the file scanned.
_PROBE_LIMIT = 32

#: pypinyin's phrases are all ideographs: nothing below this is in one, and leaving it out
#: keeps pinyin's own letters (ā, ǚ) out of the searches.
_LOWEST_PHRASE_CHAR = 0x2E80

#: A file is read in pieces of about this many bytes, never whole: the memory a whole copy
#: took would stay with the process (the allocator seldom gives it back).
_PIECE = 1 << 18

_PHRASE_VALUE = r"(\[(?:\s*\[[^\[\]]*\]\s*,?)+\s*\])"
_PHRASE_LINE = rf'"([^"\n]+)":\s*{_PHRASE_VALUE}'
#: Where an entry of pypinyin's phrase file ends (its readings are written a line each).
_PHRASE_END = b"\n]\n],\n"
#: What follows the word on a line of jieba's dictionary: its count, or its tag.
_COUNT = r" ([0-9]+)"
_TAG = r" [0-9]+ ([^\s]+)"


@contextmanager
def collection_paused() -> Iterator[None]:
    """No garbage collection while a table loads: a novel's characters admit some 280,000
    words, none of them garbage, and the collector's passes over them as they arrive
    would add a third to the time."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


@dataclass
class Phrases:
    """pypinyin phrases made of the characters, with their readings, and the longest prefix
    over the characters of each phrase that goes beyond them."""

    readings: dict[str, list[list[str]]] = field(default_factory=dict)
    prefixes: list[str] = field(default_factory=list)


def _package_file(package: str, name: str) -> Path:
    spec = importlib.util.find_spec(package)
    if spec is None or spec.origin is None:
        raise FileNotFoundError(f"{package} is not installed")
    return Path(spec.origin).parent / name


def jieba_dict_path() -> Path:
    """jieba's default dictionary (what ``Tokenizer().get_dict_file()`` opens)."""
    return _package_file("jieba", "dict.txt")


def phrases_path() -> Path:
    """pypinyin's phrase table, found without importing pypinyin (which would load it)."""
    return _package_file("pypinyin", "phrases_dict.json")


def jieba_summary(path: Path | None = None) -> tuple[int, str]:
    """The dictionary's total count (every line's, as jieba sums them) and the prefixes of
    its words that are no word themselves, one a line between newlines."""
    total = 0
    words: set[str] = set()
    prefixes: set[str] = set()
    with open(path or jieba_dict_path(), encoding="utf-8") as stream:
        for line in stream:
            word, count = line.split(" ", 2)[:2]
            total += int(count)
            words.add(word)
            prefixes.update(word[:end] for end in range(1, len(word)))
    return total, "\n" + "".join(p + "\n" for p in sorted(prefixes - words))


def jieba_counts(
    new: Set[str], known: Set[str] = frozenset(), path: Path | None = None
) -> dict[str, int]:
    """Dictionary words made of ``new`` and ``known`` characters that use one of ``new``,
    with their counts; a word listed twice keeps its last line's, as jieba does."""
    rows = _rows(path or jieba_dict_path(), _words(new), known, _COUNT)
    if not rows:
        return {}
    words, counts = zip(*rows, strict=True)  # built in C: a novel's characters admit 280,000 words
    return dict(zip(words, map(int, counts), strict=True))


def jieba_counts_of(words: Set[str], path: Path | None = None) -> dict[str, int]:
    """The counts of exactly ``words`` (those the dictionary holds), read in one pass: what
    weighing a few thousand glossary words needs, without the table of all their
    characters' words."""
    found: dict[str, int] = {}
    with open(path or jieba_dict_path(), encoding="utf-8") as stream:
        for line in stream:
            word, _, rest = line.partition(" ")
            if word in words:
                found[word] = int(rest.partition(" ")[0])
    return found


def jieba_tags(
    new: Set[str], known: Set[str] = frozenset(), path: Path | None = None
) -> dict[str, str]:
    """The part-of-speech tags of the words :func:`jieba_counts` gives."""
    return dict(_rows(path or jieba_dict_path(), _words(new), known, _TAG))


def jieba_prefixes(prefixes: str, new: Set[str], known: Set[str] = frozenset()) -> list[str]:
    """Of ``prefixes`` (from :func:`jieba_summary`), those made of ``new`` and ``known``
    characters that use one of ``new``."""
    return _rows(prefixes, _words(new), known, "(?=\n)")


def _words(chars: Set[str]) -> set[str]:
    """The characters a word of the files may hold: no space, no line break, and no half
    of a surrogate pair (a bad decode can leave one in a text; no file holds one)."""
    return {ch for ch in chars if not ch.isspace() and not "\ud800" <= ch <= "\udfff"}


def _rows(source: Path | str, new: set[str], known: Set[str], rest: str) -> list[Any]:
    """The word at the start of each line of ``source`` (a file, or text starting with a
    newline) made of ``new`` and ``known`` characters and using one of ``new``, with the
    groups of ``rest``, the pattern of what follows it on its line: a tuple, or the word
    alone when ``rest`` has no group (as ``re.findall`` gives them)."""
    new = new - set(known)
    if not new:
        return []
    allowed = new | _words(known)
    if _probe(new):
        found = _lines_holding(source, new, rf"([^ \n]+){rest}", b"\n")
        return [
            row
            for row in found
            if allowed.issuperset(_word(row)) and not new.isdisjoint(_word(row))
        ]
    uses_new = rf"(?=[{_char_class(allowed)}]*?[{_char_class(new)}])" if known else ""
    return _scan(source, re.compile(rf"\n{uses_new}([{_char_class(allowed)}]+){rest}"), b"\n")


def _word(row: Any) -> str:
    return row if isinstance(row, str) else row[0]


def _probe(new: Set[str]) -> bool:
    """Few enough characters to search for, and none ASCII (digits are in every line)."""
    return len(new) <= _PROBE_LIMIT and all(ord(ch) > 0x7F for ch in new)


def _pieces(path: Path, boundary: bytes) -> Iterator[bytes]:
    """The file in pieces of about :data:`_PIECE` bytes, each ending just after a
    ``boundary`` (the end of a line, or of an entry), so no piece cuts an entry."""
    with open(path, "rb") as stream:
        carry = b""
        while block := stream.read(_PIECE):
            block = carry + block
            cut = block.rfind(boundary)
            if cut < 0:
                carry = block
                continue
            cut += len(boundary)
            yield block[:cut]
            carry = block[cut:]
        if carry:
            yield carry


def _scan(source: Path | str, pattern: re.Pattern[str], boundary: bytes) -> list[Any]:
    """Everything ``pattern`` finds in ``source``, a file read a piece at a time (each
    decoded with a newline before it, as a text ``source`` starts)."""
    if isinstance(source, str):
        return pattern.findall(source)
    return [
        found
        for piece in _pieces(source, boundary)
        for found in pattern.findall("\n" + piece.decode("utf-8"))
    ]


def _lines_holding(
    source: Path | str, chars: Iterable[str], line: str, boundary: bytes
) -> list[Any]:
    """Groups of the pattern ``line`` (as ``re.findall`` gives them) matched at the start of
    each line of ``source`` that holds any of ``chars``. A file is searched as UTF-8 bytes,
    which need no decoding and never match part of another character."""
    if isinstance(source, str):
        return list(_lines_in(source, list(chars), re.compile(line), "\n"))
    pattern, needles = re.compile(line.encode("utf-8")), [ch.encode("utf-8") for ch in chars]
    return [
        row.decode("utf-8")
        if isinstance(row, bytes)
        else tuple(group.decode("utf-8") for group in row)
        for piece in _pieces(source, boundary)
        for row in _lines_in(piece, needles, pattern, b"\n")
    ]


def _lines_in(data: Any, needles: list[Any], line: re.Pattern[Any], newline: Any) -> Iterator[Any]:
    """Groups of ``line`` at the start of each line of ``data`` holding a needle, once."""
    seen: set[int] = set()
    for needle in needles:
        at = data.find(needle)
        while at >= 0:
            start = data.rfind(newline, 0, at) + 1
            match = line.match(data, start)
            if match is not None and start not in seen:
                seen.add(start)
                yield match.group(1) if line.groups == 1 else match.groups()
            end = data.find(newline, at)
            at = data.find(needle, end) if end >= 0 else -1


def _char_class(chars: Iterable[str]) -> str:
    return "".join(re.escape(ch) for ch in sorted(chars))


def pinyin_phrases(
    new: Set[str], known: Set[str] = frozenset(), path: Path | None = None
) -> Phrases:
    """Phrases made of ``new`` and ``known`` characters that use one of ``new``, and the
    prefixes over both that use one of ``new`` of the phrases that go beyond them."""
    new = {ch for ch in _words(new) if ord(ch) >= _LOWEST_PHRASE_CHAR} - set(known)
    found = Phrases()
    if not new:
        return found
    allowed = new | {ch for ch in _words(known) if ord(ch) >= _LOWEST_PHRASE_CHAR}
    path = path or phrases_path()
    if _probe(new):
        pairs = _lines_holding(path, new, _PHRASE_LINE, _PHRASE_END)
    else:
        scan = re.compile(rf'\n"([{_char_class(allowed)}][^"\n]*)":\s*{_PHRASE_VALUE}')
        pairs = _scan(path, scan, _PHRASE_END)
    for key, value in pairs:
        prefix = _prefix_over(key, allowed)
        if new.isdisjoint(prefix):
            continue
        if prefix == key:
            found.readings[key] = json.loads(value)
        else:
            found.prefixes.append(prefix)
    return found


def _prefix_over(key: str, allowed: Set[str]) -> str:
    """The longest prefix of ``key`` made of ``allowed`` characters."""
    for index, ch in enumerate(key):
        if ch not in allowed:
            return key[:index]
    return key
