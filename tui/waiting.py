"""Keys pressed before what they act on is known: kept, and acted on once it is.

The first frame shows the text one character to a word, and the words come a chunk at a
time (see :mod:`tui.core.words.progressive`); the dictionary may still be opening, its index
being built on a first run. A key that needs any of that (save the word under the cursor,
mark it known, copy it, look it up, switch the script) is therefore never dropped: it
waits here with a test of what it needs, and runs as soon as the test passes. The app
calls :meth:`Waiting.run_ready` whenever something it waits for may have arrived.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

__all__ = ["Waiting"]


@dataclass(frozen=True, eq=False)
class _Waiter:
    ready: Callable[[], bool]
    run: Callable[[], None]


class Waiting:
    """Actions waiting for what they need, run in the order the keys came."""

    def __init__(self) -> None:
        self._waiters: list[_Waiter] = []

    def __len__(self) -> int:
        return len(self._waiters)

    def add(self, ready: Callable[[], bool], run: Callable[[], None]) -> None:
        self._waiters.append(_Waiter(ready, run))

    def clear(self) -> int:
        """Forget every waiting action (another text was opened); how many there were."""
        count, self._waiters = len(self._waiters), []
        return count

    def run_ready(self) -> None:
        """Run each action whose test passes now; an action that adds another (or the same
        key pressed again) is kept for a later call, so this never loops."""
        waiters, self._waiters = self._waiters, []
        ready = [waiter.ready() for waiter in waiters]
        self._waiters = [w for w, now in zip(waiters, ready, strict=True) if not now]
        for waiter, now in zip(waiters, ready, strict=True):
            if now:
                waiter.run()
