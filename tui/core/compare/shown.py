"""The text as the article shows it in another script, converted as the screen reaches it.

Converting a novel with OpenCC takes a good part of a second, and a script switch must
redraw at once; the screen needs a few thousand characters of it. So the text is
converted a chunk at a time, each chunk when a line in it is first drawn, and the chunks
read last are kept. The chunks end where a paragraph or sentence does
(:func:`tui.core.model.chunks.chunk_bounds`), so no phrase is cut in two. The result has
the original's length and offsets, as every length-keeping conversion does
(:func:`tui.core.scripts.convert.aligned`).
"""

from __future__ import annotations

from bisect import bisect_right
from collections import OrderedDict
from typing import overload

from tui.core.scripts.convert import aligned
from tui.core.text.sanitize import visible

#: Characters converted at a time: a few milliseconds of OpenCC.
CHUNK = 8_192

#: Converted chunks kept, the most recently read: what was scrolled past is dropped, so the
#: memory is bounded (about 1 MB) however much of a novel is read in another script.
KEPT = 64


class ShownText:
    """A read-only string-like view of ``visible(aligned(text, config))``: indexing and
    slicing convert only the chunks they touch."""

    def __init__(self, text: str, config: str) -> None:
        from tui.core.model.chunks import chunk_bounds

        self.text, self.config = text, config
        self._bounds = chunk_bounds(text, CHUNK)
        self._starts = [start for start, _ in self._bounds]
        self._done: OrderedDict[int, str] = OrderedDict()

    def __len__(self) -> int:
        return len(self.text)

    @overload
    def __getitem__(self, index: int) -> str: ...
    @overload
    def __getitem__(self, index: slice) -> str: ...
    def __getitem__(self, index: int | slice) -> str:
        if isinstance(index, slice):
            start, stop, step = index.indices(len(self.text))
            if step != 1:
                return "".join(self[i] for i in range(start, stop, step))
            return self._span(start, stop)
        if index < 0:
            index += len(self.text)
        if not 0 <= index < len(self.text):
            raise IndexError("text index out of range")
        return self._span(index, index + 1)

    def __str__(self) -> str:
        return self._span(0, len(self.text))

    def _span(self, start: int, stop: int) -> str:
        if stop <= start:
            return ""
        first = bisect_right(self._starts, start) - 1
        last = bisect_right(self._starts, stop - 1) - 1
        parts = []
        for at in range(first, last + 1):
            chunk_start, chunk_end = self._bounds[at]
            parts.append(
                self._chunk(at)[
                    max(start, chunk_start) - chunk_start : min(stop, chunk_end) - chunk_start
                ]
            )
        return "".join(parts)

    def _chunk(self, at: int) -> str:
        converted = self._done.get(at)
        if converted is None:
            start, end = self._bounds[at]
            converted = self._done[at] = visible(aligned(self.text[start:end], self.config))
            if len(self._done) > KEPT:
                self._done.popitem(last=False)  # the chunk read longest ago
        else:
            self._done.move_to_end(at)
        return converted
