"""Direct quotations and who said them.

Chinese news quotes in 「」 (Traditional), “” (Simplified), 『』 or ‘’, and uses the same marks
for terms (「蒸餾」) and names; a quotation is told from a term by reading like a sentence: it
has clause punctuation inside, or is long, or a speaker says it right there (多門說：「不會。」,
「不會。」他說). Nested marks (『世界主要AI創新中心』 inside a quote) belong to the outer
quote. ‘ and ’ are quote marks only around Han text: ’ is also the apostrophe of don’t.

The speaker is found as :mod:`tui.core.analysis.speakers` describes.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from tui.core.analysis.entities import Entity, Mention
from tui.core.analysis.quotemarks import is_statement, quote_spans
from tui.core.analysis.speakers import Finder
from tui.core.model.document import Document

__all__ = ["Quote", "find_quotes", "is_statement", "quote_spans"]


@dataclass(frozen=True, slots=True)
class Quote:
    """Quoted words (without the marks, ``text == document.text[start:end]``) and who said
    them, when the text says."""

    text: str
    speaker: str | None
    start: int
    end: int


def find_quotes(
    document: Document, mentions: Sequence[Mention], entities: Sequence[Entity]
) -> list[Quote]:
    """Every quotation in text order, with its speaker's name (None when not said)."""
    finder = Finder(document, mentions, entities)
    quotes = []
    for span in finder.spans:
        words = document.text[span.start : span.close]
        if is_statement(words):
            quotes.append(Quote(words, finder.speaker(span), span.start, span.close))
        elif (speaker := finder.said(span)) is not None:
            quotes.append(Quote(words, speaker, span.start, span.close))
    return quotes
