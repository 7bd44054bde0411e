"""Sorted, non-overlapping text ranges with fast membership and stepping.

Search hits, regional words and flagged characters are all "some stretches of the text";
the article asks each of them the same two questions for every token it draws and every jump.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable


class Ranges:
    """``[start, end)`` ranges, kept sorted by start."""

    def __init__(self, ranges: Iterable[tuple[int, int]] = ()) -> None:
        self.spans = sorted(ranges)
        self._starts = [start for start, _ in self.spans]

    def __len__(self) -> int:
        return len(self.spans)

    def __bool__(self) -> bool:
        return bool(self.spans)

    def covers(self, offset: int) -> bool:
        """Whether ``offset`` lies inside one of the ranges."""
        at = bisect_right(self._starts, offset) - 1
        return at >= 0 and self.spans[at][0] <= offset < self.spans[at][1]

    def overlaps(self, start: int, end: int) -> bool:
        """Whether any range meets ``[start, end)``."""
        at = bisect_left(self._starts, end) - 1
        return at >= 0 and self.spans[at][1] > start

    def within(self, start: int, end: int) -> list[tuple[int, int]]:
        """The ranges that meet ``[start, end)``, in order: what a line of text shows (the
        ranges not overlapping one another, as every user of this class keeps them)."""
        first = bisect_left(self._starts, start)
        if first and self.spans[first - 1][1] > start:
            first -= 1  # one starting before ``start`` and reaching into it
        spans = self.spans[first : bisect_left(self._starts, end)]
        return [(s, e) for s, e in spans if e > start]

    def after(self, offset: int) -> tuple[int, int] | None:
        """The first range starting after ``offset``, wrapping to the first (as less does)."""
        if not self.spans:
            return None
        return self.spans[bisect_right(self._starts, offset) % len(self.spans)]

    def before(self, offset: int) -> tuple[int, int] | None:
        """The last range starting before ``offset``, wrapping to the last."""
        if not self.spans:
            return None
        return self.spans[(bisect_left(self._starts, offset) - 1) % len(self.spans)]
