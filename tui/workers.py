"""The threads the app's workers run in: none of them can hold up quitting.

Textual runs a thread worker in the event loop's default executor, a thread pool that
``asyncio.run`` and the interpreter both wait for on the way out. A worker in the middle of
a long step (segmenting a chunk, reading a dictionary) would then keep the reader waiting
after ``q`` for as long as the step takes. Here each worker gets a daemon thread and
shutting down waits for none: a worker has saved nothing half-way (user data is written on
the UI thread, or by atomic replacement), so stopping it mid-step loses only work that the
next start redoes.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any, TypeVar

__all__ = ["DaemonThreads"]

T = TypeVar("T")


class DaemonThreads(ThreadPoolExecutor):
    """An executor that runs each call in a daemon thread of its own and never waits.

    A ``ThreadPoolExecutor`` only because asyncio takes no other kind as the default; none
    of the pool's own threads is ever started."""

    def submit(self, fn: Callable[..., T], /, *args: Any, **kwargs: Any) -> Future[T]:
        future: Future[T] = Future()

        def run() -> None:
            if not future.set_running_or_notify_cancel():
                return
            try:
                result = fn(*args, **kwargs)
            except BaseException as error:  # noqa: BLE001 - handed to whoever awaits it
                future.set_exception(error)
            else:
                future.set_result(result)

        threading.Thread(target=run, name="zhread-worker", daemon=True).start()
        return future

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
        """Nothing to wait for: the threads are daemons, and end with the process."""
