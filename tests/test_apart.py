"""The first run's caches built in a process of their own (so the reader's interpreter is
left to the keys): the same cache as built in the reader's process, and nothing left behind
when the work is stopped."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from tui.core import apart
from tui.core.words import jiebacache


def test_the_jieba_summary_built_apart_is_the_one_built_here(tmp_path: Path) -> None:
    jiebacache.prepare(tmp_path, lambda: False)
    path = jiebacache.cache_path(tmp_path)
    assert path.exists() and apart._children == {}
    built_apart, note = jiebacache.load_summary(tmp_path)
    assert note is None
    assert built_apart == jiebacache.load_summary(None)[0]  # built in this process
    before = path.stat().st_mtime_ns
    jiebacache.prepare(tmp_path, lambda: False)  # there already: nothing to do
    assert path.stat().st_mtime_ns == before


def test_work_apart_reports_lines_and_stops_when_told(tmp_path: Path) -> None:
    """A child that prints forever is ended once ``cancelled`` says so; its file goes."""
    script = tmp_path / "forever.py"
    script.write_text(
        "import itertools, sys\nfor n in itertools.count():\n    print(n, flush=True)\n",
        encoding="utf-8",
    )
    leftover = tmp_path / "half.tmp"
    leftover.write_text("half", encoding="utf-8")
    lines: list[str] = []
    stop = threading.Event()

    def seen(line: str) -> None:
        lines.append(line)
        if len(lines) == 3:
            stop.set()

    with pytest.MonkeyPatch.context() as patch:
        patch.syspath_prepend(str(tmp_path))
        patch.setenv("PYTHONPATH", str(tmp_path))
        with pytest.raises(apart.Stopped):
            apart.run("forever", [], seen, stop.is_set, leftover=leftover)
    assert lines == ["0\n", "1\n", "2\n"]
    assert not leftover.exists() and apart._children == {}


def test_work_apart_that_fails_says_why(tmp_path: Path) -> None:
    with pytest.raises(OSError, match="No module named"):
        apart.run("tui.no_such_module", [], lambda line: None, lambda: False)
    assert apart._children == {}
