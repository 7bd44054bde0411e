"""Work run in a process of its own, ended with the process that started it.

A first run builds two caches: the summary of jieba's dictionary (a second) and the index
of CC-CEDICT (a few). Built in the reader's own process they would hold its interpreter
against the keys, in single steps of up to a tenth of a second each (a set of 300,000 words
growing, a list of them sorted), and quitting would wait for them. In a child they take
the other core, the reader answers every key, and quitting ends them at once.

The child is a module of this package run as a program (``python -m``): it reports on
stdout, one line at a time, and a failure as one line on stderr.
"""

from __future__ import annotations

import atexit
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

__all__ = ["Stopped", "lower_priority", "run"]

#: Children running, with the file each leaves half-written if it is ended.
_children: dict[subprocess.Popen[str], Path | None] = {}


class Stopped(Exception):
    """The work was stopped before it finished; nothing was written."""


def run(
    module: str,
    args: list[str],
    on_line: Callable[[str], None],
    cancelled: Callable[[], bool],
    leftover: Path | None = None,
) -> None:
    """Run ``python -m module *args``, handing each line it prints to ``on_line``.

    Raises :class:`Stopped` when ``cancelled()`` says so (asked at each line), and OSError
    with the child's last word when it fails. ``leftover``: the file the child writes,
    removed when it is ended half-way, here or as this process ends.
    """
    package_root = str(Path(__file__).resolve().parents[2])  # wherever tui was found
    paths = [package_root, *filter(None, [os.environ.get("PYTHONPATH")])]
    child = subprocess.Popen(
        [sys.executable, "-m", module, *args],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": os.pathsep.join(paths)},
    )
    _children[child] = leftover
    try:
        assert child.stdout is not None
        assert child.stderr is not None
        for line in child.stdout:
            if cancelled():
                raise Stopped
            on_line(line)
        problem = child.stderr.read().strip().splitlines()
        if child.wait() != 0:
            raise OSError(problem[-1] if problem else f"{module} ended with {child.returncode}")
    finally:
        _end(child)


def lower_priority() -> None:
    """For the child: background work, so the reader's own process comes first for the CPU."""
    if hasattr(os, "nice"):
        os.nice(10)


def _end(child: subprocess.Popen[str]) -> None:
    """Stop ``child`` if it still runs; its half-written file goes with it."""
    finished = child.poll() is not None
    if not finished:
        child.kill()
    child.wait()
    for stream in (child.stdout, child.stderr):
        if stream is not None:
            stream.close()
    leftover = _children.pop(child, None)
    if leftover is not None and not finished:
        leftover.unlink(missing_ok=True)


@atexit.register
def _end_all() -> None:
    """Work still running as the reader quits is ended, whatever its threads are doing."""
    for child in list(_children):
        _end(child)
