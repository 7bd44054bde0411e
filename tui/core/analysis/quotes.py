"""Direct quotations and who said them.

Chinese news quotes in 「」 (Traditional), “” (Simplified) or 『』, and uses the same marks for
terms (「蒸餾」) and names; a quotation is told from a term by reading like a sentence: it has
clause punctuation inside, or is long. Nested marks (『世界主要AI創新中心』 inside a quote)
belong to the outer quote.

The speaker is found the way a reader finds it, nearest cue first:

1. after the quote, a short clause ending in a speech verb: 「…」多門說 / 「…」。他說，
2. before it, in the same sentence: 戴維·林指出，「…」 / 他坦言：「…」 / 在他看來，…「…」
3. a quote standing alone continues the previous sentence's speaker in the paragraph.

The speaker of a clause is its first person (or pronoun, resolved to the first person of the
nearest sentence before that names one), else its first organisation.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from tui.core.analysis.entities import ORGANISATION, PERSON, Entity, Mention
from tui.core.model.document import Document
from tui.core.scripts import convert

__all__ = ["Quote", "find_quotes", "is_statement", "quote_spans"]

_PAIRS = {"「": "」", "『": "』", "“": "”"}
_CLOSERS = frozenset(_PAIRS.values())
#: Marks that end a sentence (outside quotes).
_SENTENCE_ENDS = frozenset("。！？!?；;\n")
#: Marks that end a clause: the search for a speaker never crosses them.
_CLAUSE_ENDS = _SENTENCE_ENDS | frozenset("，,：:")
#: Punctuation that makes quoted words a sentence rather than a term.
_CLAUSE_PUNCT = frozenset("，。！？；：…")
_ASCII_PUNCT = frozenset(",.!?;:")
#: An unpunctuated quote at least this long is still a quotation, not a term.
MIN_UNPUNCTUATED = 20
#: Speech verbs, in Simplified (they are matched on the shadow), as whole words.
_VERBS = re.compile(
    "说道|说|表示|指出|声称|宣称|称|写道|认为|坦言|强调|警告|提到|透露|直言|问道|回应|补充说|"
    "补充|解释|质疑|呼吁|承认|告诉|看来"
)
#: Characters jieba glues onto a verb that still leave it the verb: adverbs (又称, 也表示)
#: and the end of "in/at/when ..." (在发言中称, 在会上说, 采访时表示).
_ADVERBS = frozenset("也又还则曾就并更再均亦都中上时后里")
_PRONOUNS = frozenset({"他", "她"})


@dataclass(frozen=True, slots=True)
class Quote:
    """Quoted words (without the marks, ``text == document.text[start:end]``) and who said
    them, when the text says."""

    text: str
    speaker: str | None
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class _Span:
    open: int  # the opening mark
    close: int  # the closing mark, or where the paragraph ends when it is never closed

    @property
    def start(self) -> int:
        return self.open + 1


def quote_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of the words inside every outermost pair of quote marks."""
    return [(span.start, span.close) for span in _outer_spans(text)]


def _outer_spans(text: str) -> list[_Span]:
    """Outermost quotes. A quote left open runs to the end of its paragraph (the Chinese
    way of quoting several paragraphs); a stray closing mark is ignored."""
    spans: list[_Span] = []
    stack: list[tuple[int, str]] = []
    for index, ch in enumerate(text):
        if ch == "\n":
            if stack:
                spans.append(_Span(stack[0][0], index))
                stack.clear()
        elif stack and ch == stack[-1][1]:
            opened = stack.pop()[0]
            if not stack:
                spans.append(_Span(opened, index))
        elif ch in _PAIRS:
            stack.append((index, _PAIRS[ch]))
        elif ch in _CLOSERS and any(closer == ch for _, closer in stack):
            while stack[-1][1] != ch:  # close the inner quotes left open
                stack.pop()
            opened = stack.pop()[0]
            if not stack:
                spans.append(_Span(opened, index))
    if stack:
        spans.append(_Span(stack[0][0], len(text)))
    return spans


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


def find_quotes(
    document: Document, mentions: Sequence[Mention], entities: Sequence[Entity]
) -> list[Quote]:
    """Every quotation in text order, with its speaker's name (None when not said)."""
    finder = _Finder(document, mentions, entities)
    quotes = []
    for span in finder.spans:
        words = document.text[span.start : span.close]
        if is_statement(words):
            quotes.append(Quote(words, finder.speaker(span), span.start, span.close))
    return quotes


class _Finder:
    """The text cut into sentences (quotes kept whole) with its people and speech verbs."""

    def __init__(
        self, document: Document, mentions: Sequence[Mention], entities: Sequence[Entity]
    ) -> None:
        self.text = document.text
        self.shadow = document.shadow or convert.shadow(document.text)
        self.spans = _outer_spans(self.text)
        self.quoted = bytearray(len(self.text))
        for span in self.spans:
            self.quoted[span.open : span.close + 1] = b"\1" * (span.close + 1 - span.open)
        self.sentences = self._sentences() or [(0, 0)]
        self.sentence_starts = [start for start, _ in self.sentences]
        tokens = [(t.start, t.end) for t in document.tokens]
        self.starts = frozenset(start for start, _ in tokens)
        self.ends = frozenset(end for _, end in tokens)
        names = {}
        for entity in entities:
            for occurrence in entity.occurrences:
                names[occurrence] = entity.name
        # Only what stands outside quotes can be a speaker: kept sorted, each lookup is a
        # bisection however many names a long quote holds.
        self.people = [
            (m.start, names[(m.start, m.end)])
            for m in mentions
            if m.kind == PERSON and (m.start, m.end) in names and not self.quoted[m.start]
        ]
        self.organisations = [
            (m.start, names[(m.start, m.end)])
            for m in mentions
            if m.kind == ORGANISATION and (m.start, m.end) in names and not self.quoted[m.start]
        ]
        self.pronouns = [
            start
            for start, end in tokens
            if end - start == 1 and self.shadow[start] in _PRONOUNS and not self.quoted[start]
        ]

    def _sentences(self) -> list[tuple[int, int]]:
        sentences, start = [], 0
        for index, ch in enumerate(self.text):
            if ch in _SENTENCE_ENDS and not self.quoted[index]:
                sentences.append((start, index + 1))
                start = index + 1
        if start < len(self.text):
            sentences.append((start, len(self.text)))
        return sentences

    def _sentence_of(self, offset: int) -> int:
        return max(0, bisect_right(self.sentence_starts, offset) - 1)

    def speaker(self, span: _Span) -> str | None:
        found = self._after(span)
        if found is None:
            found = self._before(span)
        if found is None:
            found = self._previous_sentence(span)
        return found

    # -- the three places a speaker is named ---------------------------------------------

    def _after(self, span: _Span) -> str | None:
        """「…」多門說 / 「…」。他說，「…」: a clause right after the quote ending in a verb."""
        at = span.close + 1
        while at < len(self.text) and self.text[at] in "。，,. \u3000":
            at += 1
        end = at
        while (
            end < len(self.text)
            and self.text[end] not in _CLAUSE_ENDS
            and self.text[end] not in _PAIRS
        ):
            end += 1
        while end > at and self.text[end - 1].isspace():
            end -= 1
        verb = self._last_verb(at, end)
        if verb is None or verb[1] != end:
            return None
        return self._subject(at, verb[0])

    def _before(self, span: _Span) -> str | None:
        """戴維·林指出，「…」 / 他坦言：「…」: a speech verb earlier in the same sentence."""
        start = self.sentences[self._sentence_of(span.open)][0]
        verb = self._last_verb(start, span.open)
        if verb is None:
            return None
        return self._subject(start, verb[0])

    def _previous_sentence(self, span: _Span) -> str | None:
        """A quote on its own after 戴維·林指出，… continues what he was saying."""
        index = self._sentence_of(span.open)
        start = self.sentences[index][0]
        if index == 0 or self.text[start - 1] == "\n" or self._last_verb(start, span.open):
            return None
        before_start, before_end = self.sentences[index - 1]
        verb = self._last_verb(before_start, before_end)
        return self._subject(before_start, verb[0]) if verb else None

    # -- verbs and subjects --------------------------------------------------------------

    def _last_verb(self, start: int, end: int) -> tuple[int, int] | None:
        found = None
        for match in _VERBS.finditer(self.shadow, start, end):
            if self.quoted[match.start()] or not self._whole_word(match.start(), match.end()):
                continue
            if match.group() == "看来" and not self._in_view(start, match.start()):
                continue
            found = (match.start(), match.end())
        return found

    def _whole_word(self, start: int, end: int) -> bool:
        begins = start in self.starts or (
            start - 1 in self.starts and self.shadow[start - 1] in _ADVERBS
        )
        return begins and end in self.ends

    def _in_view(self, start: int, verb: int) -> bool:
        """看來 is "in X's view" only as 在X看來; alone it is "it seems"."""
        clause = verb
        while clause > start and self.text[clause - 1] not in _CLAUSE_ENDS:
            clause -= 1
        return self.shadow.startswith("在", clause)

    def _subject(self, start: int, end: int) -> str | None:
        """The first person or pronoun outside quotes in ``[start, end)``, else the first
        organisation."""
        person = self._first(self.people, start, end)
        at = bisect_left(self.pronouns, start)
        pronoun = self.pronouns[at] if at < len(self.pronouns) else None
        if pronoun is not None and pronoun >= end:
            pronoun = None
        if pronoun is not None and (person is None or pronoun < person[0]):
            return self._antecedent(pronoun)
        if person is not None:
            return person[1]
        organisation = self._first(self.organisations, start, end)
        return organisation[1] if organisation else None

    def _first(self, found: list[tuple[int, str]], start: int, end: int) -> tuple[int, str] | None:
        index = bisect_left(found, (start, ""))
        if index < len(found) and found[index][0] < end:
            return found[index]
        return None

    def _antecedent(self, pronoun: int) -> str | None:
        """他/她: the first person named in the nearest sentence before the pronoun (or in
        its own sentence before it) that names one: the sentence's subject, usually."""
        start = self.sentences[self._sentence_of(pronoun)][0]
        found = self._first(self.people, start, pronoun)
        if found is None:  # the last person before this sentence marks the nearest one
            before = bisect_left(self.people, (start, "")) - 1
            if before < 0:
                return None
            sentence = self.sentences[self._sentence_of(self.people[before][0])]
            found = self._first(self.people, sentence[0], sentence[1])
        return found[1] if found else None
