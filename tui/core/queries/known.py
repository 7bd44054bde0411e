"""What a learner knows of a text: the share of its words marked known, and the words to
tint because they are not known yet or are above the level chosen.

The header's share, the statistics screen's count and the article's tints all come from
here, so they agree. Words are compared in Simplified, on the document's shadow: a word
known in one script is known in the other.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator
from dataclasses import dataclass

from tui.core.model.chars import Kind
from tui.core.model.document import Document, Token
from tui.core.readings.levels import HskStandard, level
from tui.core.scripts.convert import shadow as make_shadow

__all__ = ["KnownCount", "above_level_ranges", "known_count", "known_share", "unknown_ranges"]

#: Where a word is tinted in the article: ``(start, end)`` offsets into the text.
Range = tuple[int, int]


@dataclass(frozen=True, slots=True)
class KnownCount:
    """Han word tokens the learner knows, of all the Han word tokens in the text."""

    known: int
    words: int

    @property
    def share(self) -> float:
        """A text without Chinese words has nothing known in it: 0, not a division error."""
        return self.known / self.words if self.words else 0.0


def known_count(document: Document, known: Collection[str]) -> KnownCount:
    """How many of the document's Han word tokens are in ``known`` (either script)."""
    keys = _simplified(known)
    words = [_word(document, token) for token in _han_tokens(document)]
    return KnownCount(sum(word in keys for word in words), len(words))


def known_share(document: Document, known: Collection[str]) -> float | None:
    """The share of Han word tokens known; ``None`` before the document is segmented,
    when there is no Simplified shadow to compare with."""
    if not document.shadow:
        return None
    return known_count(document, known).share


def unknown_ranges(document: Document, known: Collection[str]) -> list[Range]:
    """The Han words not known, to tint; none before the document is segmented, when
    every character would look unknown."""
    if not document.shadow:
        return []
    keys = _simplified(known)
    return [(t.start, t.end) for t in _han_tokens(document) if _word(document, t) not in keys]


def above_level_ranges(
    document: Document, limit: int, standard: str = HskStandard.HSK_2025
) -> list[Range]:
    """The Han words above HSK ``limit`` in ``standard``, a word in no list among them;
    none before the document is segmented."""
    if not document.shadow:
        return []
    return [
        (t.start, t.end)
        for t in _han_tokens(document)
        if (level(_word(document, t), standard) or 99) > limit
    ]


def _han_tokens(document: Document) -> Iterator[Token]:
    return (token for token in document.tokens if token.kind is Kind.HAN)


def _word(document: Document, token: Token) -> str:
    """The token in Simplified, the form the HSK lists and the word list keep."""
    return document.shadow[token.start : token.end] or token.text


def _simplified(words: Collection[str]) -> frozenset[str]:
    """Known words as given and in Simplified, converted in one call (the word list keeps
    them Simplified already, and holds thousands)."""
    listed = [word for word in words if "\n" not in word]
    joined = make_shadow("\n".join(listed))  # length-preserving; no phrase spans a line
    converted, pos = [], 0
    for word in listed:
        converted.append(joined[pos : pos + len(word)])
        pos += len(word) + 1
    return frozenset(words) | frozenset(converted)
