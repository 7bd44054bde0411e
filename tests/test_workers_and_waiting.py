"""The two small pieces that keep keys and quitting responsive: worker threads that never
hold up the exit, and keys kept until what they act on is known."""

from __future__ import annotations

import threading

import pytest

from tui.waiting import Waiting
from tui.workers import DaemonThreads


def test_workers_run_in_daemon_threads_and_shutting_down_waits_for_none() -> None:
    pool = DaemonThreads()
    assert pool.submit(lambda a, b: a + b, 2, b=3).result(timeout=10) == 5
    with pytest.raises(ValueError, match="bad"):
        pool.submit(lambda: (_ for _ in ()).throw(ValueError("bad"))).result(timeout=10)
    release, seen = threading.Event(), []
    running = pool.submit(
        lambda: seen.append(threading.current_thread().daemon) or release.wait(60)
    )
    pool.shutdown(wait=True)  # as asyncio.run does on the way out
    assert not running.done()  # shutting down did not wait for the running job
    release.set()
    assert running.result(timeout=10) and seen == [True]


def test_waiting_actions_run_in_order_once_ready_and_never_twice() -> None:
    waiting, ran, ready = Waiting(), [], {"words": False, "script": False}
    waiting.add(lambda: ready["words"], lambda: ran.append("a"))
    waiting.add(lambda: ready["script"], lambda: ran.append("s"))
    waiting.add(lambda: ready["words"], lambda: ran.append("y"))
    waiting.run_ready()
    assert ran == [] and len(waiting) == 3
    ready["words"] = True
    waiting.run_ready()
    assert ran == ["a", "y"] and len(waiting) == 1
    waiting.run_ready()
    assert ran == ["a", "y"]
    assert waiting.clear() == 1 and len(waiting) == 0


def test_an_action_that_waits_again_is_kept_for_later() -> None:
    waiting, ran = Waiting(), []

    def again() -> None:
        ran.append("first")
        waiting.add(lambda: False, lambda: ran.append("never"))

    waiting.add(lambda: True, again)
    waiting.run_ready()
    assert ran == ["first"] and len(waiting) == 1
