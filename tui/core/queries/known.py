"""What a learner knows of a text: its words counted by learning state, the share of the
running words known, the stretches to tint by state or by HSK level, and the new words the
reader has moved past.

The header's share, the statistics screen's counts and the article's tints all come from
here, so they agree. Words are compared in Simplified, on the document's shadow: a word
known in one script is known in the other, and the word store keys states the same way.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Iterator, Mapping
from dataclasses import dataclass, field

from tui.core.learning.states import State
from tui.core.model.chars import Kind
from tui.core.model.document import Document, Token
from tui.core.readings.levels import HskStandard, level
from tui.core.words.progressive import segmented_at

__all__ = [
    "TINTABLE",
    "StateCount",
    "StateIndex",
    "above_level_ranges",
    "passed_new_words",
    "state_count",
    "state_ranges",
]

#: Where a word is tinted in the article: ``(start, end)`` offsets into the text.
Range = tuple[int, int]

#: The states the article can tint; known and ignored words are left as they are.
TINTABLE: tuple[State, ...] = tuple(state for state in State if not state.counts_known)


@dataclass(frozen=True, slots=True)
class StateCount:
    """A text's Han words by learning state: running words (``tokens``, every time a word is
    written) and distinct words (``distinct``, each Simplified form once)."""

    tokens: Mapping[State, int] = field(default_factory=dict)
    distinct: Mapping[State, int] = field(default_factory=dict)

    @property
    def words(self) -> int:
        return sum(self.tokens.values())

    @property
    def known(self) -> int:
        """Running words known, the ignored among them: a name set aside is not a word the
        reader is stuck on (see :attr:`State.counts_known`)."""
        return sum(n for state, n in self.tokens.items() if state.counts_known)

    @property
    def share(self) -> float:
        """The share of running words known (known and ignored); 0 without Chinese words."""
        return self.known / self.words if self.words else 0.0


class StateIndex:
    """A document's Han words by Simplified form, each with where it is written: built once
    per document (one pass over its tokens), after which counting or tinting by state costs a
    pass over the distinct words, not over the text. Empty before the text is segmented."""

    def __init__(self, document: Document) -> None:
        self.document = document
        self.spans: dict[str, list[Range]] = {}
        if document.shadow:
            for token in _han_tokens(document):
                self.spans.setdefault(_word(document, token), []).append((token.start, token.end))

    def count(self, states: Mapping[str, State]) -> StateCount:
        tokens: Counter[State] = Counter()
        distinct: Counter[State] = Counter()
        for word, spans in self.spans.items():
            state = states.get(word, State.NEW)
            tokens[state] += len(spans)
            distinct[state] += 1
        return StateCount(dict(tokens), dict(distinct))

    def ranges(
        self, states: Mapping[str, State], tinted: Collection[State] = TINTABLE
    ) -> dict[State, list[Range]]:
        """Where each state in ``tinted`` is written, sorted; every state of ``tinted`` is a
        key, with no ranges when no word is in it."""
        found: dict[State, list[Range]] = {state: [] for state in tinted}
        for word, spans in self.spans.items():
            into = found.get(states.get(word, State.NEW))
            if into is not None:
                into.extend(spans)
        for spans in found.values():
            spans.sort()
        return found


def state_count(document: Document, states: Mapping[str, State]) -> StateCount:
    """The document's Han words by state (``states``: Simplified form -> state, a word not
    in it new); nothing before the document is segmented."""
    return StateIndex(document).count(states)


def state_ranges(
    document: Document, states: Mapping[str, State], tinted: Collection[State] = TINTABLE
) -> dict[State, list[Range]]:
    """Where the words in each of the ``tinted`` states are written."""
    return StateIndex(document).ranges(states, tinted)


def passed_new_words(
    document: Document, start: int, end: int, states: Mapping[str, State]
) -> list[str]:
    """The new Han words (Simplified, each once, in order) of the tokens that begin in
    ``[start, end)``: the words a reader moved past. Words in a part of the text not yet
    segmented are left out: a provisional token is a single character, not a word."""
    if not document.shadow or end <= start:
        return []
    tokens = document.tokens
    found: dict[str, None] = {}
    index = document.token_index_at(start)
    while index < len(tokens) and tokens[index].start < end:
        token = tokens[index]
        index += 1
        if token.kind is not Kind.HAN or token.start < start:
            continue
        word = _word(document, token)
        if states.get(word, State.NEW) is State.NEW and segmented_at(document, token.start):
            found[word] = None
    return list(found)


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
