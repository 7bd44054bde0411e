"""Search in the text the way a reader of Chinese types a query: in either script, in the
other region's words, in pinyin with or without tones, or by English meaning.

Every way ends as ``[start, end)`` ranges of the original text, so the article highlights and
steps through them the same way whatever found them. Han queries are compared on the
Simplified shadow (same length as the text), so 銀行 finds 银行 and the reverse; the query is
also put through OpenCC's regional phrase tables, so 人工智能 finds 人工智慧.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from tui.core.model.chars import is_han
from tui.core.readings.cedict import numbered_key, toneless_key
from tui.core.scripts.convert import convert, shadow

if TYPE_CHECKING:
    from tui.core.glossary.entries import Glossary
    from tui.core.model.document import Document, Token
    from tui.core.readings.dictionary import Dictionary

__all__ = ["Hits", "PinyinIndex", "find"]

#: Regional phrase configs a Han query is also read through (each ends in Simplified).
_VARIANTS = ("s2twp", "s2hkp", "tw2sp", "hk2s")
_TONE_MARKS = {"\u0304": "1", "\u0301": "2", "\u030c": "3", "\u0300": "4"}
_WORD = re.compile(r"[a-z]+")
#: How many dictionary entries an English query may bring in: beyond this, it is noise.
ENGLISH_LIMIT = 40


@dataclass
class Hits:
    """What a query found, by how it was found (the reader is told which)."""

    text: list[tuple[int, int]] = field(default_factory=list)
    term: list[tuple[int, int]] = field(default_factory=list)
    pinyin: list[tuple[int, int]] = field(default_factory=list)
    english: list[tuple[int, int]] = field(default_factory=list)

    def ranges(self) -> list[tuple[int, int]]:
        """All hits in text order, a range inside or overlapping an earlier one dropped."""
        merged: list[tuple[int, int]] = []
        for start, end in sorted(set(self.text + self.term + self.pinyin + self.english)):
            if merged and start < merged[-1][1]:
                continue
            merged.append((start, end))
        return merged

    def summary(self) -> str:
        """``3 as written, 2 by pinyin``: the ways that found something."""
        parts = [
            (len(self.text), "as written"),
            (len(self.term), "as the glossary term"),
            (len(self.pinyin), "by pinyin"),
            (len(self.english), "by English meaning"),
        ]
        return ", ".join(f"{count} {how}" for count, how in parts if count)


def find(
    document: Document,
    query: str,
    glossary: Glossary | None = None,
    dictionary: Dictionary | None = None,
    pinyin_index: PinyinIndex | None = None,
) -> Hits:
    """Every place ``query`` is found in ``document``, each way it can be read."""
    query = unicodedata.normalize("NFC", query).strip()
    hits = Hits()
    if not query:
        return hits
    simplified = document.shadow or shadow(document.text)
    hits.term = _named_term_hits(glossary, query, simplified)
    if any(is_han(ch) for ch in query):
        hits.text = _han_hits(simplified, query)
        return hits
    hits.text = sorted(set(_occurrences(document.text, query, ignore_case=True)))
    if toneless_key(query):
        index = pinyin_index or PinyinIndex(simplified)
        hits.pinyin = index.find(query)
    if dictionary is not None or glossary is not None:
        hits.english = _english_hits(document, simplified, query, glossary, dictionary)
    return hits


def _han_hits(simplified: str, query: str) -> list[tuple[int, int]]:
    """The query and its regional variants, all in Simplified, found in the shadow."""
    forms = {shadow(query)}
    for config in _VARIANTS:
        forms.add(shadow(convert(query, config)))
    return sorted({hit for form in forms if form for hit in _occurrences(simplified, form)})


def _named_term_hits(
    glossary: Glossary | None, query: str, simplified: str
) -> list[tuple[int, int]]:
    """Every use of the glossary term the whole query names (監督微調 for SFT, or for 监督微调)."""
    if glossary is None:
        return []
    matches = glossary.match(query)
    if not matches or (matches[0].start, matches[0].end) != (0, len(query)):
        return []
    return _term_hits(glossary, matches[0].entry_id, simplified)


def _term_hits(glossary: Glossary, entry_id: str, simplified: str) -> list[tuple[int, int]]:
    return [(m.start, m.end) for m in glossary.match(simplified) if m.entry_id == entry_id]


def _occurrences(text: str, query: str, ignore_case: bool = False) -> Iterator[tuple[int, int]]:
    haystack, needle = (text.casefold(), query.casefold()) if ignore_case else (text, query)
    if ignore_case and len(haystack) != len(text):  # casefold changed lengths (ß): be exact
        haystack, needle = text, query
    at = haystack.find(needle)
    while at >= 0 and needle:
        yield at, at + len(needle)
        at = haystack.find(needle, at + len(needle))


def _english_hits(
    document: Document,
    simplified: str,
    query: str,
    glossary: Glossary | None,
    dictionary: Dictionary | None,
) -> list[tuple[int, int]]:
    """Words whose English gloss matches: the glossary's ``en`` and CC-CEDICT's definitions.
    Whole words of the document only, so "bank" finds 銀行 but not 銀 inside another word."""
    words = set(_WORD.findall(query.lower()))
    if not words:
        return []
    found: list[tuple[int, int]] = []
    if glossary is not None:
        for entry in glossary.entries.values():
            if words <= set(_WORD.findall(entry.en.lower())):
                found += _term_hits(glossary, entry.id, simplified)
    if dictionary is not None:
        heads = {
            e.simplified
            for e in dictionary.search(query, limit=ENGLISH_LIMIT)
            if _defined_by(e.definitions, words)
        }
        found += [
            (t.start, t.end) for t in _words(document) if simplified[t.start : t.end] in heads
        ]
    return sorted(set(found))


def _defined_by(definitions: Iterable[str], words: set[str]) -> bool:
    """Whether one definition holds every word of the query (not just a pinyin hit)."""
    return any(words <= set(_WORD.findall(d.lower())) for d in definitions)


def _words(document: Document) -> Iterator[Token]:
    from tui.core.model.chars import Kind

    return (t for t in document.tokens if t.kind is Kind.HAN)


class PinyinIndex:
    """The text's Han characters read in pinyin, as letters laid end to end.

    Three strings of one letter per code point: toneless (``v`` for ü), marked (``ǘ``), and a
    tone per syllable end. A query's letters are found in the toneless string; hits must start
    and end on syllable boundaries and agree with whatever tones the query gives.
    """

    def __init__(self, simplified: str) -> None:
        self.toneless: list[str] = []
        self.marked: list[str] = []
        self.tones: dict[int, str] = {}  # letter index of a syllable's last letter -> tone
        self.starts: set[int] = set()  # letter indexes where a syllable begins
        self.offsets: list[int] = []  # letter index -> character offset in the text
        for offset, marked in _readings(simplified):
            self._add(offset, marked)
        self._joined = "".join(self.toneless)

    def _add(self, offset: int, marked: str) -> None:
        tone, letters, bare = "5", [], []
        for ch in unicodedata.normalize("NFC", marked.lower()):
            decomposed = unicodedata.normalize("NFD", ch)
            tone = next((_TONE_MARKS[c] for c in decomposed if c in _TONE_MARKS), tone)
            base = decomposed[0]
            if not ("a" <= base <= "z" or base == "ü"):
                return  # not a pinyin syllable (pypinyin gave the character back)
            letters.append(ch)
            bare.append("v" if base == "ü" else base)
        self.starts.add(len(self.toneless))
        self.toneless += bare
        self.marked += letters
        self.offsets += [offset] * len(bare)
        self.tones[len(self.toneless) - 1] = tone

    def find(self, query: str) -> list[tuple[int, int]]:
        """Character ranges whose reading is the query (tones optional, spaces optional)."""
        key = toneless_key(query)
        if not key:
            return []
        hits, at = [], self._joined.find(key)
        while at >= 0:
            end = at + len(key)
            if (
                at in self.starts
                and (end in self.starts or end == len(self.toneless))
                and self._tones_agree(query, at, end)
            ):
                hits.append((self.offsets[at], self.offsets[end - 1] + 1))
            at = self._joined.find(key, at + 1)
        return hits

    def _tones_agree(self, query: str, start: int, end: int) -> bool:
        """Tones the query gives (numbers or marks) must be the text's; none given: any."""
        numbered = numbered_key(query)
        if any(ch.isdigit() for ch in numbered):
            return self._numbers_agree(numbered, start)
        typed = [ch for ch in unicodedata.normalize("NFC", query.lower()) if ch.isalpha()]
        typed = ["ü" if ch == "v" else ch for ch in typed]
        return all(
            want == have or want == _strip(have)
            for want, have in zip(typed, self.marked[start:end], strict=False)
        )

    def _numbers_agree(self, numbered: str, start: int) -> bool:
        """``ren2gong1``: a digit must follow a syllable's last letter and equal its tone."""
        index = start - 1
        for ch in numbered:
            if ch.isdigit():
                if self.tones.get(index) != ch:
                    return False
            elif "a" <= ch <= "z":
                index += 1
        return True


def _strip(ch: str) -> str:
    decomposed = unicodedata.normalize("NFD", ch)
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _TONE_MARKS))


def _readings(simplified: str) -> Iterator[tuple[int, str]]:
    """(offset, tone-marked syllable) for each Han character, read a run at a time so that
    pypinyin's phrase table settles polyphones by their neighbours (银行 háng, 行走 xíng)."""
    from tui.core.readings import pinyintables

    pinyintables.admit(simplified)
    pypinyin = pinyintables.pypinyin()
    pinyin, tone = pypinyin.pinyin, pypinyin.Style.TONE
    start = None
    for offset, ch in enumerate(simplified + "\n"):
        if is_han(ch):
            start = offset if start is None else start
            continue
        if start is not None:
            run = simplified[start:offset]
            syllables = pinyin(run, style=tone, errors=lambda chars: [[c] for c in chars])
            if len(syllables) == len(run):
                yield from ((start + i, s[0]) for i, s in enumerate(syllables))
            start = None
