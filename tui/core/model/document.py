"""The document model: immutable paragraphs and tokens holding offsets into the original text.

Every view (another script, a reading line, a glossary pane) is computed from these offsets,
so nothing downstream ever has to re-find a word in the text.

Tokens are stored compactly, because a novel has millions of them: a document is a list of
:class:`Chunk` s, each holding its tokens' start offsets in an ``array('i')`` (4 bytes a
token) and their kinds in ``bytes`` (1 byte a token), with glossary ids in a dict keyed by
offset (terms are rare). A chunk not yet segmented stores nothing at all: it is one token per
character until the segmenter replaces it. :class:`Token` objects are made on demand, so the
cost of a document is about 2 bytes a character for the text plus 5 bytes a token.
"""

from __future__ import annotations

from array import array
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import overload

from tui.core.model.chars import Kind, char_kind

#: Kinds by their one-byte code in a chunk (the order of the enum).
KINDS: tuple[Kind, ...] = tuple(Kind)
CODE: dict[Kind, int] = {kind: code for code, kind in enumerate(KINDS)}
_WORD_CODES = tuple(CODE[k] for k in KINDS if k.is_word)


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


class _KindTable(dict[int, str]):
    """``str.translate`` table: a character to its kind code, worked out once per character."""

    def __missing__(self, cp: int) -> str:
        code = chr(CODE[char_kind(chr(cp))])
        self[cp] = code
        return code


_KIND_TABLE = _KindTable()


def kind_codes(text: str) -> bytes:
    """One kind code per character of ``text``, at the speed of ``str.translate``."""
    return text.translate(_KIND_TABLE).encode("latin-1")


class Chunk:
    """The tokens of ``text[start:end]``; a chunk starts a paragraph or follows a sentence end.

    ``starts`` is ``None`` while the chunk is provisional: one token per character, whose
    kinds are worked out (in one pass of ``str.translate``) only when something asks.
    """

    __slots__ = ("_kinds", "_words", "end", "segmented", "start", "starts", "terms")

    def __init__(
        self,
        start: int,
        end: int,
        starts: array[int] | None = None,
        kinds: bytes | None = None,
        terms: dict[int, str] | None = None,
        segmented: bool = False,
    ) -> None:
        self.start, self.end = start, end
        self.starts, self._kinds = starts, kinds
        self.terms: dict[int, str] = terms or {}
        self.segmented = segmented
        self._words: int | None = None

    def __len__(self) -> int:
        return self.end - self.start if self.starts is None else len(self.starts)

    def kinds(self, text: str) -> bytes:
        if self._kinds is None:  # provisional: one token per character
            self._kinds = kind_codes(text[self.start : self.end])
        return self._kinds

    def bounds(self, local: int) -> tuple[int, int]:
        """Start and end offsets of the chunk's token ``local``."""
        starts = self.starts
        if starts is None:
            return self.start + local, self.start + local + 1
        end = starts[local + 1] if local + 1 < len(starts) else self.end
        return starts[local], end

    def index_at(self, offset: int) -> int:
        """Local index of the token holding ``offset`` (clamped to the chunk)."""
        if self.starts is None:
            local = offset - self.start
        else:
            local = bisect_right(self.starts, offset) - 1
        return max(0, min(local, len(self) - 1))

    def words(self, text: str) -> int:
        """How many of the chunk's tokens are words (cached: a chunk never changes)."""
        if self._words is None:
            kinds = self.kinds(text)
            self._words = sum(kinds.count(code) for code in _WORD_CODES)
        return self._words

    def nbytes(self) -> int:
        """Bytes held for the tokens (the text is the document's)."""
        held = 0 if self.starts is None else self.starts.itemsize * len(self.starts)
        return held + (len(self._kinds) if self._kinds is not None else 0)


class Tokens(Sequence[Token]):
    """A document's tokens as a read-only sequence; each :class:`Token` is made when read."""

    __slots__ = ("_doc",)

    def __init__(self, document: Document) -> None:
        self._doc = document

    def __len__(self) -> int:
        return self._doc._count

    @overload
    def __getitem__(self, index: int) -> Token: ...
    @overload
    def __getitem__(self, index: slice) -> tuple[Token, ...]: ...
    def __getitem__(self, index: int | slice) -> Token | tuple[Token, ...]:
        if isinstance(index, slice):
            return tuple(self._doc._token(i) for i in range(*index.indices(len(self))))
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError("token index out of range")
        return self._doc._token(index)

    def __iter__(self) -> Iterator[Token]:
        doc = self._doc
        for chunk in doc.chunks:
            for start, end, kind, term in doc._chunk_spans(chunk):
                yield Token(doc.text[start:end], start, end, kind, term)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Sequence) and not isinstance(other, str):
            return len(other) == len(self) and all(a == b for a, b in zip(self, other, strict=True))
        return NotImplemented

    def __hash__(self) -> int:
        return hash(tuple(self))

    def __repr__(self) -> str:
        return f"Tokens({len(self)})"


class Document:
    """A whole text, tiled exactly by its tokens and grouped into paragraphs.

    Immutable by contract: the progressive segmenter makes a new document for each step,
    sharing every unchanged chunk with the one before.
    """

    __slots__ = (
        "_chunk_starts",
        "_count",
        "_firsts",
        "_newlines",
        "_paragraphs",
        "_shadow",
        "_shadow_parts",
        "_terms",
        "_tokens",
        "chunks",
        "segmented",
        "source",
        "text",
    )
    _paragraphs: Sequence[Paragraph] | None

    def __init__(
        self,
        text: str,
        tokens: Sequence[Token] = (),
        paragraphs: Sequence[Paragraph] | None = None,
        source: str = "<text>",
        shadow: str = "",
        segmented: bool = True,
    ) -> None:
        """A document from ready-made tokens (tests, the converted side-by-side text)."""
        tokens = list(tokens)
        starts = array("i", (t.start for t in tokens))
        kinds = bytes(CODE[t.kind] for t in tokens)
        terms = {t.start: t.term for t in tokens if t.term is not None}
        chunk = Chunk(0, len(text), starts, kinds, terms, segmented)
        self._setup(text, [chunk], source, segmented, shadow, None)
        self._paragraphs = (
            tuple(paragraphs) if paragraphs is not None else (paragraphs_of(text, tokens))
        )

    @classmethod
    def from_chunks(
        cls,
        text: str,
        chunks: Sequence[Chunk],
        source: str = "<text>",
        shadow: str | Sequence[str] = "",
        newlines: array[int] | None = None,
    ) -> Document:
        """A document over chunks that tile ``text``; ``shadow`` is the whole shadow or one
        piece per chunk (``""`` for a chunk not yet segmented)."""
        document = cls.__new__(cls)
        segmented = all(chunk.segmented for chunk in chunks)
        document._setup(text, list(chunks), source, segmented, shadow, newlines)
        return document

    def _setup(
        self,
        text: str,
        chunks: list[Chunk],
        source: str,
        segmented: bool,
        shadow: str | Sequence[str],
        newlines: array[int] | None,
    ) -> None:
        self.text, self.source, self.segmented, self.chunks = text, source, segmented, chunks
        self._chunk_starts = [chunk.start for chunk in chunks]
        self._firsts: list[int] = []
        count = 0
        for chunk in chunks:
            self._firsts.append(count)
            count += len(chunk)
        self._count = count
        self._tokens = Tokens(self)
        self._paragraphs = None
        self._newlines = newlines
        self._shadow = shadow if isinstance(shadow, str) else None
        self._shadow_parts = None if isinstance(shadow, str) else list(shadow)
        self._terms: list[Token] | None = None

    # -- tokens --------------------------------------------------------------------------

    @property
    def tokens(self) -> Tokens:
        """Indexable, iterable, with ``len``; tokens are made as they are read."""
        return self._tokens

    def _token(self, index: int) -> Token:
        at = bisect_right(self._firsts, index) - 1
        chunk = self.chunks[at]
        local = index - self._firsts[at]
        start, end = chunk.bounds(local)
        kind = KINDS[chunk.kinds(self.text)[local]]
        return Token(self.text[start:end], start, end, kind, chunk.terms.get(start))

    def _chunk_spans(self, chunk: Chunk) -> Iterator[tuple[int, int, Kind, str | None]]:
        kinds, terms = chunk.kinds(self.text), chunk.terms
        if chunk.starts is None:
            for local, code in enumerate(kinds):
                yield chunk.start + local, chunk.start + local + 1, KINDS[code], None
            return
        starts = chunk.starts
        ends = list(starts[1:])
        ends.append(chunk.end)
        for start, end, code in zip(starts, ends, kinds, strict=False):  # empty: no starts
            yield start, end, KINDS[code], terms.get(start) if terms else None

    def spans(self) -> Iterator[tuple[int, int, Kind, str | None]]:
        """(start, end, kind, term) of every token: what bulk readers want, without Tokens."""
        for chunk in self.chunks:
            yield from self._chunk_spans(chunk)

    def token_index_at(self, offset: int) -> int:
        """Index of the token that holds character ``offset`` (clamped to the text)."""
        if not self._count:
            return 0
        at = max(0, bisect_right(self._chunk_starts, offset) - 1)
        while at > 0 and not len(self.chunks[at]):
            at -= 1
        index = self._firsts[at] + self.chunks[at].index_at(offset)
        return max(0, min(index, self._count - 1))

    def word_count(self) -> int:
        """How many tokens are words (counted per chunk, so a new step costs only its own)."""
        return sum(chunk.words(self.text) for chunk in self.chunks)

    def terms(self) -> list[Token]:
        """Tokens that are glossary terms, in text order."""
        if self._terms is None:
            found: list[Token] = []
            for at, chunk in enumerate(self.chunks):
                for start in sorted(chunk.terms):
                    found.append(self._token(self._firsts[at] + chunk.index_at(start)))
            self._terms = found
        return list(self._terms)

    def nbytes(self) -> int:
        """Bytes held for the tokens and paragraphs, the text and shadow not included."""
        lines = self._newlines.itemsize * len(self._newlines) if self._newlines else 0
        return sum(chunk.nbytes() for chunk in self.chunks) + lines

    # -- paragraphs ----------------------------------------------------------------------

    @property
    def paragraphs(self) -> Sequence[Paragraph]:
        """The newline-separated lines, each made when read."""
        if self._paragraphs is None:
            if self._newlines is None:
                self._newlines = newline_offsets(self.text)
            self._paragraphs = _Paragraphs(self, self._newlines)
        return self._paragraphs

    def paragraph_tokens(self, paragraph: Paragraph) -> tuple[Token, ...]:
        """The tokens of one paragraph, newline excluded."""
        return self.tokens[paragraph.first_token : paragraph.last_token]

    def _first_token_from(self, offset: int) -> int:
        """Index of the first token starting at or after ``offset`` (tokens tile the text)."""
        if offset >= len(self.text) or not self._count:
            return self._count
        index = self.token_index_at(offset)
        return index if self._token_start(index) >= offset else index + 1

    def _token_start(self, index: int) -> int:
        at = bisect_right(self._firsts, index) - 1
        return self.chunks[at].bounds(index - self._firsts[at])[0]

    # -- text ----------------------------------------------------------------------------

    @property
    def shadow(self) -> str:
        """The Simplified shadow segmentation ran on (same length as the text); ``""`` before
        any of it is segmented. A chunk still waiting shows its own text in its place."""
        if self._shadow is None:
            parts = self._shadow_parts or []
            if not any(parts):
                self._shadow = ""
            else:
                self._shadow = "".join(
                    part or self.text[chunk.start : chunk.end]
                    for part, chunk in zip(parts, self.chunks, strict=False)
                )
        return self._shadow

    @property
    def title(self) -> str:
        """The first non-blank line, as newspapers and most saved articles put it."""
        pos = 0
        while pos < len(self.text):
            end = self.text.find("\n", pos)
            end = len(self.text) if end < 0 else end
            line = self.text[pos:end].strip()
            if line:
                return line
            pos = end + 1
        return self.source

    def __repr__(self) -> str:
        return f"Document({self.source!r}, {len(self.text)} chars, {self._count} tokens)"


class _Paragraphs(Sequence[Paragraph]):
    """Paragraphs from the newline offsets: 4 bytes each until one is read."""

    __slots__ = ("_doc", "_newlines")

    def __init__(self, document: Document, newlines: array[int]) -> None:
        self._doc, self._newlines = document, newlines

    def __len__(self) -> int:
        return len(self._newlines) + 1

    @overload
    def __getitem__(self, index: int) -> Paragraph: ...
    @overload
    def __getitem__(self, index: slice) -> tuple[Paragraph, ...]: ...
    def __getitem__(self, index: int | slice) -> Paragraph | tuple[Paragraph, ...]:
        if isinstance(index, slice):
            return tuple(self[i] for i in range(*index.indices(len(self))))
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError("paragraph index out of range")
        doc, newlines = self._doc, self._newlines
        start = newlines[index - 1] + 1 if index else 0
        end = newlines[index] if index < len(newlines) else len(doc.text)
        first = doc._first_token_from(start)
        last = doc._first_token_from(end) if index < len(newlines) else len(doc.tokens)
        return Paragraph(start, end, first, last)

    def __iter__(self) -> Iterator[Paragraph]:
        for index in range(len(self)):
            yield self[index]


def newline_offsets(text: str) -> array[int]:
    """Offsets of every ``\\n`` (found by ``str.find``, so in C)."""
    found = array("i")
    pos = text.find("\n")
    while pos >= 0:
        found.append(pos)
        pos = text.find("\n", pos + 1)
    return found


def paragraphs_of(text: str, tokens: list[Token]) -> tuple[Paragraph, ...]:
    """Paragraphs are the newline-separated lines; the newline tokens belong to none."""
    paragraphs: list[Paragraph] = []
    para_start, first = 0, 0
    for index, token in enumerate(tokens):
        if token.text == "\n":
            paragraphs.append(Paragraph(para_start, token.start, first, index))
            para_start, first = token.end, index + 1
    paragraphs.append(Paragraph(para_start, len(text), first, len(tokens)))
    return tuple(paragraphs)
