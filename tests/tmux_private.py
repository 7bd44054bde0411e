"""The real `zhread` in a tmux server of its own, for tests that change server options
(OSC 52 clipboard writes accepted), resize the window, or read the pane's title: a private
socket keeps them from touching any other tmux session, a developer's included."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

ZHREAD = str(Path(sys.executable).with_name("zhread"))

needs_tmux = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")


class PrivateTerminal:
    """A detached session on a private tmux server, running one command with ``env``."""

    def __init__(self, command: list[str], width: int, height: int, env: dict[str, str],
                 clipboard: bool = False) -> None:
        self.socket = f"zhread-test-{uuid.uuid4().hex[:8]}"
        settings = " ".join(f"{k}={shlex.quote(v)}" for k, v in env.items())
        line = f"env {settings} {shlex.join(command)}; echo EXIT=$?; sleep 60"
        self.tmux("-f", "/dev/null", "new-session", "-d", "-s", "main", "-x", str(width),
                  "-y", str(height), line, check=True)
        self.tmux("set", "-g", "window-size", "manual")
        if clipboard:
            self.tmux("set", "-s", "set-clipboard", "on")  # let the program set the buffer

    def tmux(self, *args: str, check: bool = False) -> str:
        environment = {**os.environ, "TERM": "xterm-256color"}
        return subprocess.run(["tmux", "-L", self.socket, *args], capture_output=True,
                              text=True, check=check, env=environment).stdout

    def screen(self) -> str:
        return self.tmux("capture-pane", "-p", "-t", "main")

    def title(self) -> str:
        return self.tmux("display", "-p", "-t", "main", "#{pane_title}").strip()

    def buffers(self) -> str:
        return self.tmux("list-buffers", "-F", "#{buffer_sample}")

    def keys(self, *keys: str) -> None:
        for key in keys:
            self.tmux("send-keys", "-t", "main", key, check=True)
            time.sleep(0.15)

    def resize(self, width: int, height: int) -> None:
        self.tmux("resize-window", "-t", "main", "-x", str(width), "-y", str(height), check=True)

    def wait_for(self, text: str, timeout: float = 30.0) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            screen = self.screen()
            if text in screen:
                return screen
            time.sleep(0.2)
        raise AssertionError(f"{text!r} never appeared; screen was:\n{self.screen()}")

    def close(self) -> None:
        self.tmux("kill-server")


@pytest.fixture
def private_terminal(tmp_path, session_cache):
    """``open(*args, width=, height=, env=, clipboard=)`` runs zhread with isolated dirs."""
    opened: list[PrivateTerminal] = []

    def open_terminal(*args: str, width: int = 100, height: int = 30,
                      env: dict[str, str] | None = None, clipboard: bool = False):
        base = {"XDG_CACHE_HOME": str(session_cache),
                "XDG_CONFIG_HOME": str(tmp_path / "config"),
                "XDG_DATA_HOME": str(tmp_path / "data")}
        term = PrivateTerminal([ZHREAD, *args], width, height, {**base, **(env or {})},
                               clipboard)
        opened.append(term)
        return term

    yield open_terminal
    for term in opened:
        term.close()
