"""`q` ends the real program at once whatever it is busy with: segmenting a novel written on
a single line, or building the dictionary's index on a first run. How fast is measured by
benchmarks/quit.py; these tests prove that quitting does not wait for the work to finish."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from tests.conftest import SAMPLE
from tests.terminal import needs_tmux

pytestmark = [pytest.mark.tmux, needs_tmux]

#: Seconds to wait for the program to end after `q`: a deadline, not a measure of speed.
DEADLINE = 10.0


def one_line_novel(path: Path, size: int = 3_000_000) -> Path:
    """The sample, its line breaks and sentence ends turned into commas, repeated to ``size``
    characters on one line: a paragraph the segmenter takes far longer than DEADLINE over."""
    body = re.sub(r"[。！？；\n]+", "，", SAMPLE.read_text(encoding="utf-8"))
    path.write_text((body * (size // len(body) + 1))[:size], encoding="utf-8")
    return path


def wait_screen(term, pattern: str, timeout: float = 90.0) -> str:
    return term.until(lambda screen: re.search(pattern, screen), f"{pattern!r} on screen", timeout)


def test_q_ends_the_program_while_a_one_line_novel_is_segmented(terminal, tmp_path) -> None:
    term = terminal(str(one_line_novel(tmp_path / "novel.txt")))
    screen = wait_screen(term, r"segmenting… \d+%")  # the status shows, however long the title
    percent = int(re.search(r"segmenting… (\d+)%", screen).group(1))  # type: ignore[union-attr]
    assert percent < 50
    term.keys("j", "j", "q")
    screen = term.wait_for("EXIT=0", timeout=DEADLINE)
    assert "Traceback" not in screen


def test_q_ends_the_program_while_the_dictionary_index_is_built(terminal, tmp_path) -> None:
    """A first run: the index is being built (the header says how far); `q` ends the program
    and the build with it, leaving no index, no half-built file and no builder behind."""
    cache = tmp_path / "fresh-cache"
    term = terminal(str(SAMPLE), env={"XDG_CACHE_HOME": str(cache)})
    wait_screen(term, r"building the dictionary index… \d+%")
    term.keys("w", "q")  # a key still answers, and the quit
    screen = term.wait_for("EXIT=0", timeout=DEADLINE)
    assert "Traceback" not in screen
    assert not list(cache.rglob("cedict-*.sqlite3"))  # the build did not finish first
    assert not list(cache.rglob(".cedict-*.tmp"))
    builders = subprocess.run(
        ["pgrep", "-f", f"tui.core.readings.dictindex.*{cache}"], capture_output=True, text=True
    ).stdout
    assert builders == ""
