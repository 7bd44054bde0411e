"""How long and how hard a document is: counts, reading time and HSK grade.

Shared by the statistics screen and the skim report (screen and command line), so it lives in
the core. Counts come from the segmented document; the grade works on the Simplified shadow,
so the script the article is written in makes no difference.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from tui.core.model.chars import is_han
from tui.core.model.document import Document, Token
from tui.core.model.chars import Kind
from tui.core.readings.levels import Grade, grade

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
    known: int | None = None  # Han word tokens the reader knows, when that was asked


def document_stats(document: Document, known: set[str] | None = None,
                   standard: str = "2025") -> DocumentStats:
    """Every figure the front ends show, as a plain function of the document."""
    words = [t for t in document.tokens if t.kind.is_word]
    han = [_simplified(document, t) for t in words if t.kind is Kind.HAN]
    unique = {_simplified(document, t) if t.kind is Kind.HAN else t.text.casefold()
              for t in words}
    paragraphs = sum(1 for p in document.paragraphs if document.text[p.start:p.end].strip())
    known_count = None
    if known is not None:
        keys = _known_keys(known)
        known_count = sum(1 for word in han if word in keys)
    return DocumentStats(
        characters=sum(1 for ch in document.text if is_han(ch)),
        words=len(words), unique_words=len(unique), paragraphs=paragraphs,
        han_words=len(han), grade=grade(han, standard), standard=standard, known=known_count,
    )


def _simplified(document: Document, token: Token) -> str:
    """The token in Simplified, the form the HSK lists and the known words are kept in."""
    return document.shadow[token.start : token.end] or token.text


def _known_keys(known: set[str]) -> frozenset[str]:
    """Known words as given and in Simplified, so a set in either script works."""
    from tui.core.scripts.convert import shadow

    return frozenset(known) | frozenset(shadow(word) for word in known)


def reading_time(characters: int, rate: int) -> str:
    """Rounded up to whole minutes: an estimate, so false precision would only mislead."""
    minutes = characters / rate
    if minutes < 1:
        return "under a minute"
    whole = math.ceil(minutes)
    if whole < 60:
        return f"about {whole} min"
    return f"about {whole // 60} h {whole % 60:02d} min"
