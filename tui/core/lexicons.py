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
  small cache (:mod:`tui.core.jiebacache`), and taken from it like the words;
- pypinyin's matcher gives up on a stretch that is a prefix of some phrase without holding
  one, so each phrase's longest prefix over the characters is returned as well.

A set of characters is found with one regular expression over the decoded file (a fraction
of a second even for a novel's four thousand characters); a few characters more are found
by searching the file for each, which costs milliseconds. Every function takes the new
characters and the ones taken before, and returns only what the new ones add.
"""

from __future__ import annotations

import importlib.util
import json
import re
from collections.abc import Iterable, Iterator, Set
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

__all__ = ["Phrases", "jieba_counts", "jieba_dict_path", "jieba_prefixes", "jieba_summary",
           "jieba_tags", "phrases_path", "pinyin_phrases"]

#: Up to this many new characters, each is searched for rather than the file scanned.
_PROBE_LIMIT = 32

#: pypinyin's phrases are all ideographs: nothing below this is in one, and leaving it out
#: keeps pinyin's own letters (ā, ǚ) out of the searches.
_LOWEST_PHRASE_CHAR = 0x2E80

_PHRASE_VALUE = r"(\[(?:\s*\[[^\[\]]*\]\s*,?)+\s*\])"
_PHRASE_LINE = rf'"([^"\n]+)":\s*{_PHRASE_VALUE}'
#: What follows the word on a line of jieba's dictionary: its count, or its tag.
_COUNT = r" ([0-9]+)"
_TAG = r" [0-9]+ ([^\s]+)"


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
    total, words, prefixes = 0, set(), set()
    with open(path or jieba_dict_path(), encoding="utf-8") as stream:
        for line in stream:
            word, count = line.split(" ", 2)[:2]
            total += int(count)
            words.add(word)
            prefixes.update(word[:end] for end in range(1, len(word)))
    return total, "\n" + "".join(p + "\n" for p in sorted(prefixes - words))


def jieba_counts(new: Set[str], known: Set[str] = frozenset(),
                 path: Path | None = None) -> dict[str, int]:
    """Dictionary words made of ``new`` and ``known`` characters that use one of ``new``,
    with their counts; a word listed twice keeps its last line's, as jieba does."""
    rows = _rows(path or jieba_dict_path(), _words(new), known, _COUNT)
    return {word: int(count) for word, count in rows}


def jieba_tags(new: Set[str], known: Set[str] = frozenset(),
               path: Path | None = None) -> dict[str, str]:
    """The part-of-speech tags of the words :func:`jieba_counts` gives."""
    return dict(_rows(path or jieba_dict_path(), _words(new), known, _TAG))


def jieba_prefixes(prefixes: str, new: Set[str], known: Set[str] = frozenset()) -> list[str]:
    """Of ``prefixes`` (from :func:`jieba_summary`), those made of ``new`` and ``known``
    characters that use one of ``new``."""
    return [row[0] for row in _rows(prefixes, _words(new), known, "(?=\n)")]


def _words(chars: Set[str]) -> set[str]:
    """The characters a word of the files may hold: no space, no line break."""
    return {ch for ch in chars if not ch.isspace()}


def _rows(source: Path | str, new: set[str], known: Set[str],
          rest: str) -> list[tuple[str, ...]]:
    """The word at the start of each line of ``source`` (a file, or text starting with a
    newline) made of ``new`` and ``known`` characters and using one of ``new``, with the
    groups of ``rest``, the pattern of what follows it on its line."""
    new = new - set(known)
    if not new:
        return []
    allowed = new | _words(known)
    if _probe(new):
        line = rf"([^ \n]+){rest}"
        found = _lines_holding(source, new, line)
        rows = [row for row in found if allowed.issuperset(row[0])]
    else:
        text = "\n" + source.read_text(encoding="utf-8") if isinstance(source, Path) else source
        scan = re.compile(rf"\n([{_char_class(allowed)}]+){rest}")
        rows = [row if isinstance(row, tuple) else (row,) for row in scan.findall(text)]
    if known:
        rows = [row for row in rows if not new.isdisjoint(row[0])]
    return rows


def _probe(new: Set[str]) -> bool:
    """Few enough characters to search for, and none ASCII (digits are in every line)."""
    return len(new) <= _PROBE_LIMIT and all(ord(ch) > 0x7F for ch in new)


def _lines_holding(source: Path | str, chars: Iterable[str],
                   line: str) -> list[tuple[str, ...]]:
    """Groups of the pattern ``line`` matched at the start of each line of ``source`` that
    holds any of ``chars``. A file is searched as UTF-8 bytes, which need no decoding and
    never match part of another character."""
    if isinstance(source, Path):
        data, pattern = source.read_bytes(), re.compile(line.encode("utf-8"))
        return [tuple(group.decode("utf-8") for group in groups)
                for groups in _lines_in(data, [ch.encode("utf-8") for ch in chars],
                                        pattern, b"\n")]
    return list(_lines_in(source, list(chars), re.compile(line), "\n"))


def _lines_in(data: Any, needles: list[Any], line: re.Pattern[Any],
              newline: Any) -> Iterator[tuple[Any, ...]]:
    """Groups of ``line`` at the start of each line of ``data`` holding a needle, once."""
    seen: set[int] = set()
    for needle in needles:
        at = data.find(needle)
        while at >= 0:
            start = data.rfind(newline, 0, at) + 1
            match = line.match(data, start)
            if match is not None and start not in seen:
                seen.add(start)
                yield match.groups()
            end = data.find(newline, at)
            at = data.find(needle, end) if end >= 0 else -1


def _char_class(chars: Iterable[str]) -> str:
    return "".join(re.escape(ch) for ch in sorted(chars))


def pinyin_phrases(new: Set[str], known: Set[str] = frozenset(),
                   path: Path | None = None) -> Phrases:
    """Phrases made of ``new`` and ``known`` characters that use one of ``new``, and the
    prefixes over both that use one of ``new`` of the phrases that go beyond them."""
    new = {ch for ch in new if ord(ch) >= _LOWEST_PHRASE_CHAR} - set(known)
    found = Phrases()
    if not new:
        return found
    allowed = new | {ch for ch in known if ord(ch) >= _LOWEST_PHRASE_CHAR}
    path = path or phrases_path()
    if _probe(new):
        pairs = _lines_holding(path, new, _PHRASE_LINE)
    else:
        scan = re.compile(rf'\n"([{_char_class(allowed)}][^"\n]*)":\s*{_PHRASE_VALUE}')
        pairs = scan.findall("\n" + path.read_text(encoding="utf-8"))
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
