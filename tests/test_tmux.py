"""The real program in a real terminal: tmux runs `zhread`, we type keys and read the screen."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

pytestmark = pytest.mark.tmux

if shutil.which("tmux") is None:  # CI installs it; a developer without tmux is told, not failed
    pytestmark = [pytest.mark.tmux, pytest.mark.skip(reason="tmux is not installed")]

ZHREAD = str(Path(sys.executable).with_name("zhread"))


class Terminal:
    """A detached tmux session of a given size running one command."""

    def __init__(self, command: list[str], width: int = 100, height: int = 30, env=None) -> None:
        self.name = f"zhread-test-{uuid.uuid4().hex[:8]}"
        environment = {**os.environ, **(env or {}), "TERM": "xterm-256color"}
        shell_env = " ".join(f"{k}={v}" for k, v in (env or {}).items())
        subprocess.run(
            ["tmux", "new-session", "-d", "-s", self.name, "-x", str(width), "-y", str(height),
             f"env {shell_env} {' '.join(command)}; echo EXIT=$?; sleep 30"],
            check=True, env=environment,
        )

    def screen(self) -> str:
        return subprocess.run(
            ["tmux", "capture-pane", "-p", "-t", self.name], capture_output=True, text=True
        ).stdout

    def keys(self, *keys: str) -> None:
        for key in keys:
            subprocess.run(["tmux", "send-keys", "-t", self.name, key], check=True)
            time.sleep(0.15)

    def wait_for(self, text: str, timeout: float = 30.0) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            screen = self.screen()
            if text in screen:
                return screen
            time.sleep(0.2)
        raise AssertionError(f"{text!r} never appeared; screen was:\n{self.screen()}")

    def close(self) -> None:
        subprocess.run(["tmux", "kill-session", "-t", self.name], capture_output=True)


@pytest.fixture
def terminal(tmp_path, session_cache):
    opened: list[Terminal] = []
    env = {
        "XDG_CACHE_HOME": str(session_cache),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
    }

    def open_terminal(*args: str, width: int = 100, height: int = 30) -> Terminal:
        term = Terminal([ZHREAD, *args], width, height, env)
        opened.append(term)
        return term

    yield open_terminal
    for term in opened:
        term.close()


def test_reads_the_sample_moves_and_looks_up_a_term(terminal) -> None:
    term = terminal()
    term.wait_for("觀察者網")
    term.wait_for("terms (")  # segmentation finished: the header counts terms
    term.keys("]")
    screen = term.wait_for("Observer")  # 觀察者網 is the first glossary term; its English shows
    assert "觀察者網" in screen
    term.keys("s")
    screen = term.wait_for("观察者网")
    assert "Simplified" in screen
    term.keys("F1")
    term.wait_for("Next word")
    term.keys("Escape", "q")
    term.wait_for("EXIT=0", timeout=10)


def test_search_by_pinyin_in_the_terminal(terminal) -> None:
    """`/` opens the search line; a pinyin query finds 蒸餾 and n steps through the hits."""
    term = terminal()
    term.wait_for("terms (")
    term.keys("/")
    term.wait_for("search forward")
    term.keys("zhengliu", "Enter")
    term.wait_for("7 matches for zhengliu")
    term.keys("n", "q")
    term.wait_for("EXIT=0", timeout=10)


def test_bad_input_prints_one_line_in_the_terminal(terminal, tmp_path) -> None:
    term = terminal(str(tmp_path / "missing.txt"))
    screen = term.wait_for("EXIT=2")
    assert "no such file" in screen and "missing.txt" in screen
    assert "Traceback" not in screen
