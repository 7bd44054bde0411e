"""Moving through a text a sentence at a time, and the words of one sentence.

Sentences are :func:`tui.core.model.sentences.sentence_at`'s, the same the reader copies
with ``Y`` and saves beside a word, so ``)`` lands where a copied sentence begins. Only
characters decide where a sentence ends, so the moves work the same on a text still shown a
character at a time as on a segmented one: a sentence's first word begins at the same
character either way.
"""

from __future__ import annotations

from tui.core.model.chars import Kind
from tui.core.model.document import Document, Token
from tui.core.model.sentences import sentence_at

__all__ = ["next_sentence", "previous_sentence", "sentence_han_words", "sentence_start"]


def _first_word_from(document: Document, offset: int, before: int | None = None) -> int | None:
    """The index of the first word token starting at or after ``offset`` (and before token
    ``before``, when given), or None."""
    tokens = document.tokens
    index = document.token_index_at(offset)
    if index < len(tokens) and tokens[index].start < offset:
        index += 1  # a token across ``offset`` belongs to what comes before
    stop = len(tokens) if before is None else min(before, len(tokens))
    while index < stop:
        if tokens[index].kind.is_word:
            return index
        index += 1
    return None


def _previous_word(document: Document, index: int) -> int | None:
    tokens = document.tokens
    index -= 1
    while index >= 0:
        if tokens[index].kind.is_word:
            return index
        index -= 1
    return None


def sentence_start(document: Document, offset: int) -> int | None:
    """The index of the first word of the sentence around ``offset``."""
    start, end = sentence_at(document.text, offset)
    return _first_word_from(document, start, document.token_index_at(max(start, end - 1)) + 1)


def next_sentence(document: Document, offset: int) -> int | None:
    """The index of the first word of the sentence after the one around ``offset`` (None at
    the last sentence): what ``)`` moves to."""
    if not document.text:
        return None
    _, end = sentence_at(document.text, offset)
    return _first_word_from(document, end)


def previous_sentence(document: Document, offset: int) -> int | None:
    """What ``(`` moves to, as in vim: the first word of the sentence around ``offset``, or,
    from that word, the first word of the sentence before (None at the first sentence)."""
    if not document.text:
        return None
    here = document.token_index_at(offset)
    first = sentence_start(document, offset)
    if first is not None and first < here:
        return first
    before = _previous_word(document, here if first is None else min(first, here))
    if before is None:
        return None
    return sentence_start(document, document.tokens[before].start)


def sentence_han_words(document: Document, start: int, end: int) -> list[Token]:
    """The Han word tokens of characters ``start``-``end``, in order."""
    tokens = document.tokens
    index = document.token_index_at(start)
    words: list[Token] = []
    while index < len(tokens) and tokens[index].start < end:
        token = tokens[index]
        if token.kind is Kind.HAN and token.end > start:
            words.append(token)
        index += 1
    return words
