"""Where quotations are: the words inside quote marks, and whether they read as said.

Chinese news quotes in 「」 (Traditional), “” (Simplified), 『』 or ‘’, and uses the same marks
for terms (「蒸餾」) and names; nested marks belong to the outer quote, and ‘ and ’ are quote
marks only around Han text (’ is also the apostrophe of don’t).
"""

from __future__ import annotations

from dataclasses import dataclass

from tui.core.model.chars import is_han

__all__ = [
    "CLOSERS",
    "MIN_UNPUNCTUATED",
    "PAIRS",
    "Span",
    "is_statement",
    "outer_spans",
    "quote_spans",
]

PAIRS = {"「": "」", "『": "』", "“": "”", "‘": "’"}
CLOSERS = frozenset(PAIRS.values())
#: Punctuation that makes quoted words a sentence rather than a term.
_CLAUSE_PUNCT = frozenset("，。！？；：…")
_ASCII_PUNCT = frozenset(",.!?;:")
#: An unpunctuated quote at least this long is still a quotation, not a term.
MIN_UNPUNCTUATED = 20


@dataclass(frozen=True, slots=True)
class Span:
    open: int  # the opening mark
    close: int  # the closing mark, or where the paragraph ends when it is never closed

    @property
    def start(self) -> int:
        return self.open + 1


def quote_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of the words inside every outermost pair of quote marks."""
    return [(span.start, span.close) for span in outer_spans(text)]


def outer_spans(text: str) -> list[Span]:
    """Outermost quotes. A quote left open runs to the end of its paragraph (the Chinese
    way of quoting several paragraphs); a stray closing mark is ignored."""
    singles = _single_quotes(text) if "‘" in text else frozenset()
    spans: list[Span] = []
    stack: list[tuple[int, str]] = []
    for index, ch in enumerate(text):
        if ch in "‘’" and index not in singles:
            continue
        if ch == "\n":
            if stack:
                spans.append(Span(stack[0][0], index))
                stack.clear()
        elif stack and ch == stack[-1][1]:
            opened = stack.pop()[0]
            if not stack:
                spans.append(Span(opened, index))
        elif ch in PAIRS:
            stack.append((index, PAIRS[ch]))
        elif ch in CLOSERS and any(closer == ch for _, closer in stack):
            while stack[-1][1] != ch:  # close the inner quotes left open
                stack.pop()
            opened = stack.pop()[0]
            if not stack:
                spans.append(Span(opened, index))
    if stack:
        spans.append(Span(stack[0][0], len(text)))
    return spans


def _single_quotes(text: str) -> frozenset[int]:
    """Where ‘ and ’ are quote marks: a ‘ and the next ’ in its paragraph that is no
    apostrophe (don’t), with Han between them. Any other ‘ or ’ is left alone, so a stray
    one never swallows the rest of a paragraph."""
    marks: set[int] = set()
    opened, han = -1, False
    for index, ch in enumerate(text):
        if ch == "‘":
            opened, han = index, False
        elif ch == "’" and opened >= 0 and not _apostrophe(text, index):
            if han:
                marks.update((opened, index))
            opened = -1
        elif ch == "\n":
            opened = -1
        elif opened >= 0 and not han and is_han(ch):
            han = True
    return frozenset(marks)


def _apostrophe(text: str, index: int) -> bool:
    """’ between two Latin letters (don’t, Trump’s) joins a word; it closes nothing."""
    return 0 < index < len(text) - 1 and _latin(text[index - 1]) and _latin(text[index + 1])


def _latin(ch: str) -> bool:
    return ch.isascii() and ch.isalpha()


def is_statement(words: str) -> bool:
    """Whether quoted words are said rather than named: 「蒸餾」 and 「美中經濟與安全評估
    委員會」 are terms; a quotation has clause punctuation inside or runs long."""
    solid = "".join(words.split())
    if len(solid) < 4:
        return False
    if any(ch in _CLAUSE_PUNCT for ch in solid):
        return True
    if any(
        ch in _ASCII_PUNCT and (i + 1 == len(words) or words[i + 1].isspace())
        for i, ch in enumerate(words)
    ):
        return True
    return len(solid) >= MIN_UNPUNCTUATED
