"""The real `zhread` in a real terminal: a tmux server of its own per test.

A private socket keeps a test's server options (OSC 52 clipboard writes accepted, a window
size set by hand) away from every other tmux session, a developer's included. The fixtures
that open these terminals are in conftest.py: ``terminal`` runs zhread with arguments,
``shell`` a command line with pipes.
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import Callable
from pathlib import Path

import pytest

ZHREAD = str(Path(sys.executable).with_name("zhread"))

#: For tests that need tmux; .ci/run installs it, a developer without it is told, not failed.
needs_tmux = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")


class Terminal:
    """A detached session on a private tmux server running one shell command line; the
    line's exit status is printed as ``EXIT=N`` when it ends."""

    def __init__(
        self, line: str, width: int = 100, height: int = 30, clipboard: bool = False
    ) -> None:
        self.socket = f"zhread-test-{uuid.uuid4().hex[:8]}"
        self.tmux(
            "-f",
            "/dev/null",
            "new-session",
            "-d",
            "-s",
            "main",
            "-x",
            str(width),
            "-y",
            str(height),
            f"{line}; echo EXIT=$?; sleep 60",
            check=True,
        )
        self.tmux("set", "-g", "window-size", "manual")
        if clipboard:
            self.tmux("set", "-s", "set-clipboard", "on")  # let the program set the buffer

    @classmethod
    def running(cls, args: list[str], env: dict[str, str], **options: object) -> Terminal:
        """zhread with ``args``, in the environment ``env`` adds to the test's own."""
        settings = " ".join(f"{k}={shlex.quote(v)}" for k, v in env.items())
        return cls(f"env {settings} {shlex.join([ZHREAD, *args])}", **options)  # type: ignore[arg-type]

    def tmux(self, *args: str, check: bool = False) -> str:
        environment = {**os.environ, "TERM": "xterm-256color"}
        return subprocess.run(
            ["tmux", "-L", self.socket, *args],
            capture_output=True,
            text=True,
            check=check,
            env=environment,
        ).stdout

    def screen(self) -> str:
        return self.tmux("capture-pane", "-p", "-t", "main")

    def title(self) -> str:
        return self.tmux("display", "-p", "-t", "main", "#{pane_title}").strip()

    def buffers(self) -> str:
        return self.tmux("list-buffers", "-F", "#{buffer_sample}")

    def shell_pid(self) -> int:
        """The pane's shell, whose child is the program under test."""
        return int(self.tmux("display", "-p", "-t", "main", "#{pane_pid}", check=True))

    def keys(self, *keys: str) -> None:
        for key in keys:
            self.tmux("send-keys", "-t", "main", key, check=True)
            time.sleep(0.15)

    def resize(self, width: int, height: int) -> None:
        self.tmux("resize-window", "-t", "main", "-x", str(width), "-y", str(height), check=True)

    def wait_for(self, text: str, timeout: float = 30.0) -> str:
        return self.until(lambda screen: text in screen, f"{text!r} appearing", timeout)

    def until(
        self,
        ready: Callable[[str], object],
        what: str,
        timeout: float = 30.0,
        read: Callable[[], str] | None = None,
    ) -> str:
        """The screen (as ``read`` captures it, plain text by default) once ``ready`` holds
        for it. The program sets the pace; ``timeout`` only ends a wait for something that
        never comes, so that a hang fails naming ``what`` rather than stalling the suite."""
        capture = read or self.screen
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            screen = capture()
            if ready(screen):
                return screen
            time.sleep(0.2)
        raise AssertionError(f"{what} never happened; screen was:\n{self.screen()}")

    def close(self) -> None:
        self.tmux("kill-server")


def user_dirs(tmp_path: Path, session_cache: Path) -> dict[str, str]:
    """The test's own config and data folders, and the session's cache, as for the app."""
    return {
        "XDG_CACHE_HOME": str(session_cache),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
    }
