"""The document model: immutable paragraphs and tokens holding offsets into the original text.

Every view (another script, a reading line, a glossary pane) is computed from these offsets,
so nothing downstream ever has to re-find a word in the text.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from enum import StrEnum


class Kind(StrEnum):
    """What a token is, as far as moving, wrapping and styling care."""

    HAN = "han"
    LATIN = "latin"
    NUMBER = "number"
    PUNCT = "punct"
    SPACE = "space"
    OTHER = "other"

    @property
    def is_word(self) -> bool:
        """Words are where the cursor stops; punctuation, space and symbols are skipped."""
        return self in (Kind.HAN, Kind.LATIN, Kind.NUMBER)


@dataclass(frozen=True, slots=True)
class Token:
    """A slice ``text[start:end]`` of the original, with what it is and its glossary entry."""

    text: str
    start: int
    end: int
    kind: Kind
    term: str | None = None


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A line of the source (paragraphs are newline-separated), as a range of tokens."""

    start: int
    end: int
    first_token: int
    last_token: int  # exclusive


@dataclass(frozen=True, slots=True)
class Document:
    """A whole text, tiled exactly by its tokens and grouped into paragraphs."""

    text: str
    tokens: tuple[Token, ...]
    paragraphs: tuple[Paragraph, ...]
    source: str = "<text>"
    shadow: str = ""  # the Simplified shadow segmentation ran on (same length as text)
    segmented: bool = True  # False for the quick first layout, before jieba has run
    _starts: tuple[int, ...] = field(default=(), repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_starts", tuple(t.start for t in self.tokens))

    @property
    def title(self) -> str:
        """The first non-blank line, as newspapers and most saved articles put it."""
        for line in self.text.splitlines():
            if line.strip():
                return line.strip()
        return self.source

    def token_index_at(self, offset: int) -> int:
        """Index of the token that holds character ``offset`` (clamped to the text)."""
        if not self.tokens:
            return 0
        return max(0, min(bisect_right(self._starts, offset) - 1, len(self.tokens) - 1))

    def paragraph_tokens(self, paragraph: Paragraph) -> tuple[Token, ...]:
        """The tokens of one paragraph, newline excluded."""
        return self.tokens[paragraph.first_token : paragraph.last_token]

    def terms(self) -> list[Token]:
        """Tokens that are glossary terms, in text order."""
        return [t for t in self.tokens if t.term is not None]
