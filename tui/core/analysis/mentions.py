"""What the finders of names share: a mention, jieba's tagger, and its name tags."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from tui.core.analysis.kinds import ORGANISATION, PERSON, PLACE
from tui.core.model.chars import is_han

__all__ = [
    "NAME_TAGS",
    "ORGANISATION",
    "PERSON",
    "PHRASE_TAGS",
    "PLACE",
    "Mention",
    "Tagger",
    "all_han",
]

#: jieba's tags for names, and what each names.
NAME_TAGS = {"nr": PERSON, "nrfg": PERSON, "nrt": PERSON, "ns": PLACE, "nt": ORGANISATION}
#: Tags of words that make a "name" a phrase when one of its parts carries them.
PHRASE_TAGS = ("v", "a", "d", "c", "p", "u", "r", "f", "m", "q", "j")


@dataclass(frozen=True, slots=True)
class Mention:
    """One stretch of text naming an entity; ``key`` groups the mentions of one entity."""

    start: int
    end: int
    key: str
    kind: str


class Tagger:
    """jieba's part-of-speech tagger, giving offsets into the text it tagged."""

    def __init__(self, pos_tokenizer: Any) -> None:
        self._pos = pos_tokenizer

    def tags(self, shadow: str) -> Iterator[tuple[int, int, str]]:
        """``(start, end, tag)`` for every word; words are re-found in order, so offsets
        stay right even where jieba drops or rewrites a character."""
        pos = 0
        for pair in self._pos.cut(shadow):
            word = pair.word
            start = pos if shadow.startswith(word, pos) else shadow.find(word, pos)
            if not word or start < 0:
                continue
            pos = start + len(word)
            yield start, pos, pair.flag

    def tag_of(self, word: str) -> str | None:
        """The dictionary's tag for ``word``, None when jieba does not list it."""
        tag: str | None = self._pos.word_tag_tab.get(word)
        return tag

    def frequency(self, word: str) -> int:
        """How often jieba's dictionary counts ``word`` (0: not a word of its own)."""
        return self._pos.tokenizer.FREQ.get(word) or 0


@lru_cache(maxsize=1 << 16)
def all_han(word: str) -> bool:
    """Asked of every word of a long text, which repeats most of them."""
    return all(is_han(ch) for ch in word)
