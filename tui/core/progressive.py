"""Segmenting a long text a chunk at a time, the part being read first.

A novel takes seconds to segment; the reader must not wait for it. The text is cut into
chunks at places no word, term or name crosses (after a newline, else after a sentence end),
every chunk starts provisional (one token per character), and :class:`Progressive` replaces
them one by one, always choosing the first chunk still waiting at or after the place the
reader is looking at. Each step is a new immutable :class:`Document` sharing the unchanged
chunks with the one before, so handing it to another thread copies nothing.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from tui.core.convert import shadow as make_shadow
from tui.core.document import Chunk, Document, newline_offsets

if TYPE_CHECKING:
    from tui.core.glossary import Glossary
    from tui.core.segment import HanSplitter

#: Characters in a chunk: about 15 ms of jieba, so the part on screen is ready almost at
#: once, and a worker told to stop (the reader quit, or opened another text) stops as soon.
CHUNK_CHARS = 4096

#: Characters segmented at most. Past this the text is still read whole, but one character
#: to a token: about 4 million characters (12 MB of Chinese in UTF-8, a few novels) take
#: half a minute of jieba and 2 bytes a character of shadow.
ANNOTATE_LIMIT = 4_000_000

#: Where a chunk may end when its stretch has no newline: after a sentence; failing that
#: (a text written without them), after a clause, then at a space.
_SENTENCE_ENDS = "。！？；"
_CLAUSE_ENDS = "，、："


def chunk_bounds(text: str, size: int = CHUNK_CHARS) -> list[tuple[int, int]]:
    """(start, end) of each chunk; together they tile ``text``."""
    bounds: list[tuple[int, int]] = []
    pos, length = 0, len(text)
    while pos < length:
        end = _cut(text, pos, size)
        bounds.append((pos, end))
        pos = end
    return bounds or [(0, 0)]


def _cut(text: str, pos: int, size: int) -> int:
    """End of the chunk starting at ``pos``: after the last newline in its second half, else
    after the last sentence end there, else after a clause or a space, else (one enormous
    run of words) at ``size``: a word cut there is two tokens, and the chunk stays small."""
    target = pos + size
    if target >= len(text):
        return len(text)
    newline = text.rfind("\n", pos + size // 2, target)
    if newline >= 0:
        return newline + 1
    for marks in (_SENTENCE_ENDS, _CLAUSE_ENDS, " \t\u3000"):
        found = max(text.rfind(mark, pos + size // 2, target) for mark in marks)
        if found >= 0:
            return found + 1
    from tui.core.chars import is_mark

    while target < len(text) and is_mark(text[target]):
        target += 1  # never part a character from its combining marks
    return target


def segmented_at(document: Document, offset: int) -> bool:
    """Whether the words around ``offset`` are found: the chunk holding it is segmented."""
    if document.segmented:
        return True
    return any(c.segmented for c in document.chunks if c.start <= offset < c.end)


@dataclass(frozen=True)
class Step:
    """A document on its way: how many of the characters to segment are done."""

    document: Document
    done: int
    total: int

    @property
    def percent(self) -> int:
        return 100 * self.done // max(self.total, 1)


class Progressive:
    """Segments every chunk of a document anew (with this glossary), nearest first."""

    def __init__(
        self, document: Document, glossary: Glossary | None, splitter: HanSplitter,
        limit: int = ANNOTATE_LIMIT,
    ) -> None:
        self.text, self.source = document.text, document.source
        self.glossary, self.splitter = glossary, splitter
        self.chunks: list[Chunk] = list(document.chunks)
        shadow = document.shadow  # a segmented chunk keeps its words until it is redone
        self.shadows = [shadow[c.start : c.end] if c.segmented else "" for c in self.chunks]
        self.newlines = newline_offsets(self.text)
        self.pending = [i for i, c in enumerate(self.chunks) if c.start < limit]
        self.total = sum(len(self.chunks[i]) for i in self.pending)
        self.done = 0
        self.limited = any(c.start >= limit for c in self.chunks)

    def step(self, focus: int) -> bool:
        """Segment the chunk to read next from offset ``focus``; whether any was left."""
        if not self.pending:
            return False
        at = self._next(focus)
        self.pending.remove(at)
        chunk = self.chunks[at]
        from tui.core.segment import segment_chunk

        piece_shadow = make_shadow(self.text[chunk.start : chunk.end])
        self.chunks[at] = segment_chunk(
            self.text, piece_shadow, chunk.start, chunk.end, self.glossary, self.splitter)
        self.shadows[at] = piece_shadow
        self.done += chunk.end - chunk.start
        return True

    def _next(self, focus: int) -> int:
        """The first waiting chunk that ends after ``focus``, else the last one before it."""
        for index in self.pending:  # kept in text order
            if self.chunks[index].end > focus:
                return index
        return self.pending[-1]

    def document(self) -> Document:
        """The document as far as it is segmented (a new object; the chunks are shared)."""
        return Document.from_chunks(
            self.text, list(self.chunks), self.source, list(self.shadows), self.newlines)

    def run(
        self,
        focus: Callable[[], int],
        publish: Callable[[Step], None],
        cancelled: Callable[[], bool] = lambda: False,
        every: float = 0.25,
    ) -> Step | None:
        """Segment every waiting chunk, publishing a step after the first chunk and then at
        most every ``every`` seconds; the last step is returned, not published (``None``
        when cancelled)."""
        last = 0.0
        first = True
        while self.step(focus()):
            if cancelled():
                return None
            now = time.monotonic()
            if self.pending and (first or now - last >= every):
                publish(Step(self.document(), self.done, self.total))
                first, last = False, now
        return Step(self.document(), self.done, self.total)
