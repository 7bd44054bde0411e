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

from tui.core.model.document import Chunk, Document, newline_offsets
from tui.core.scripts.convert import shadow as make_shadow
from tui.core.words.segment import HanSplitter, segment_chunk

if TYPE_CHECKING:
    from tui.core.glossary.entries import Glossary

#: Characters segmented at most. Past this the text is still read whole, but one character
#: to a token: about 4 million characters (12 MB of Chinese in UTF-8, a few novels) take
#: half a minute of jieba and 2 bytes a character of shadow.
ANNOTATE_LIMIT = 4_000_000


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
        self,
        document: Document,
        glossary: Glossary | None,
        splitter: HanSplitter,
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
        piece_shadow = make_shadow(self.text[chunk.start : chunk.end])
        self.chunks[at] = segment_chunk(
            self.text, piece_shadow, chunk.start, chunk.end, self.glossary, self.splitter
        )
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
            self.text, list(self.chunks), self.source, list(self.shadows), self.newlines
        )

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
