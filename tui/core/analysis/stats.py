"""How long and how hard a document is: counts, reading time and HSK grade.

Shared by the statistics screen and the skim report (screen and command line), so it lives in
the core. Counts come from the segmented document; the grade works on the Simplified shadow,
so the script the article is written in makes no difference.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass

from tui.core.model.chars import Kind, is_han
from tui.core.model.document import Document, Token
from tui.core.readings.levels import Grade, HskStandard, grade

__all__ = ["LEARNER_RATE", "NATIVE_RATE", "DocumentStats", "document_stats", "reading_time"]

#: Characters a minute: a native reader of ordinary prose, and an intermediate learner.
NATIVE_RATE = 400
LEARNER_RATE = 100


@dataclass(frozen=True, slots=True)
class DocumentStats:
    characters: int  # Han characters
    words: int  # word tokens: Han, Latin and numbers
    unique_words: int
    paragraphs: int  # lines with something on them
    han_words: int
    grade: Grade
    standard: str
    #: Han word tokens the reader knows (or has set aside as ignored), when a screen with
    #: the word store asked (:class:`tui.core.queries.known.StateCount`)
    known: int | None = None


def document_stats(document: Document, standard: str = HskStandard.HSK_2025) -> DocumentStats:
    """Every figure the front ends show about the text itself, as a plain function of the
    document; what the reader knows of it is :mod:`tui.core.queries.known`'s."""
    words = [t for t in document.tokens if t.kind.is_word]
    han = [_simplified(document, t) for t in words if t.kind is Kind.HAN]
    unique = {_simplified(document, t) if t.kind is Kind.HAN else t.text.casefold() for t in words}
    paragraphs = sum(1 for p in document.paragraphs if document.text[p.start : p.end].strip())
    return DocumentStats(
        characters=_han_count(document.text),
        words=len(words),
        unique_words=len(unique),
        paragraphs=paragraphs,
        han_words=len(han),
        grade=grade(han, standard),
        standard=standard,
    )


def _han_count(text: str) -> int:
    """Counted by character once: a long text repeats a few thousand characters."""
    return sum(count for ch, count in Counter(text).items() if is_han(ch))


def _simplified(document: Document, token: Token) -> str:
    """The token in Simplified, the form the HSK lists and the known words are kept in."""
    return document.shadow[token.start : token.end] or token.text


def reading_time(characters: int, rate: int) -> str:
    """Rounded up to whole minutes: an estimate, so false precision would only mislead."""
    minutes = characters / rate
    if minutes < 1:
        return "under a minute"
    whole = math.ceil(minutes)
    if whole < 60:
        return f"about {whole} min"
    return f"about {whole // 60} h {whole % 60:02d} min"
