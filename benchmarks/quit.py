"""How long `q` takes to end zhread while it is busy, measured from outside; and the first
run's time to a usable screen.

zhread runs as a user runs it (``python -m tui``, which is the ``zhread`` command, with this
checkout first on the path) in a tmux session of its own, 100x30. Once the screen shows that
the heavy work is under way, ``q`` is sent and the time until the process has ended is
taken (a pidfd on it becomes readable). Cases:

- *novel*: segmenting TEXT (a long novel; the cache warm);
- *index*: building the dictionary's index, the first run's step (a fresh cache holding
  only jieba's summary);
- *single line*: a file of about 2 million characters on one line with no sentence end,
  made from TEXT (its newlines and sentence ends turned into commas), being opened and
  segmented (``q`` is sent a few seconds after the first frame);
- *first run*: a fresh cache, the first seconds (jieba's summary being built).

The floor is a bare Textual app quitting on ``q``, timed the same way in the same run; each
case is printed with its ratio to it. *idle* is zhread on the sample with nothing left to
load: what quitting costs zhread itself (saving the place, closing its panes).

Then the first run, with empty cache, config and data folders: the time from spawn to the
first frame (the text on screen), and to a screen with nothing left to load (words counted
and the dictionary open).

    python benchmarks/quit.py TEXT [--runs N] [--single-line FILE]
"""

from __future__ import annotations

import argparse
import os
import re
import select
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "seeds" / "000_5c73e60e87bd33d6.txt"

#: A bare Textual app: the floor.
BARE = """
from textual.app import App
from textual.widgets import Static
class Bare(App):
    BINDINGS = [("q", "quit", "Quit")]
    def compose(self):
        yield Static("bare app ready")
Bare().run()
"""

#: The words counted in the status (the text is segmented), and a numbered definition in the
#: sidebar (the dictionary is open).
COUNTED = re.compile(r"\d+ words · \d+ terms")
DEFINED = re.compile(r"▏ 1\. ")


class Session:
    """One program in a detached tmux session on a private server; its pid is the pane's."""

    def __init__(self, argv: list[str], env: dict[str, str]) -> None:
        self.socket = f"zhread-quit-{uuid.uuid4().hex[:8]}"
        settings = " ".join(f"{k}={shlex.quote(v)}" for k, v in env.items())
        line = f"exec env {settings} {shlex.join(argv)}"
        self.started = time.perf_counter()
        self.tmux(
            "-f",
            "/dev/null",
            "new-session",
            "-d",
            "-s",
            "main",
            "-x",
            "100",
            "-y",
            "30",
            line,
            ";",
            "set-option",
            "-t",
            "main",
            "remain-on-exit",
            "on",
        )
        self.pid = int(self.tmux("display", "-p", "-t", "main", "#{pane_pid}"))
        self.pidfd = os.pidfd_open(self.pid)

    def tmux(self, *args: str) -> str:
        env = {**os.environ, "TERM": "xterm-256color"}
        return subprocess.run(
            ["tmux", "-L", self.socket, *args], capture_output=True, text=True, env=env
        ).stdout

    def screen(self) -> str:
        return self.tmux("capture-pane", "-p", "-t", "main")

    def wait(self, seen: Callable[[str], bool], timeout: float = 120.0) -> float:
        """Seconds from spawn until the screen satisfies ``seen``."""
        deadline = time.perf_counter() + timeout
        while time.perf_counter() < deadline:
            if seen(self.screen()):
                return time.perf_counter() - self.started
            if self.exited(0):
                raise RuntimeError(f"the program ended early; screen:\n{self.screen()}")
            time.sleep(0.02)
        raise RuntimeError(f"timed out; screen was:\n{self.screen()}")

    def exited(self, timeout: float) -> bool:
        return bool(select.select([self.pidfd], [], [], timeout)[0])

    def quit(self) -> float:
        """Seconds from sending ``q`` until the process has ended."""
        sent = time.perf_counter()
        self.tmux("send-keys", "-t", "main", "q")
        if not self.exited(120):
            raise RuntimeError("the program did not end within two minutes of q")
        return time.perf_counter() - sent

    def close(self) -> None:
        self.tmux("kill-server")
        os.close(self.pidfd)


def dirs(base: Path, cache: Path | None = None) -> dict[str, str]:
    """Empty config and data folders under ``base``; ``cache`` or an empty one."""
    names = {"XDG_CONFIG_HOME": "config", "XDG_DATA_HOME": "data", "XDG_CACHE_HOME": "cache"}
    env = {}
    for var, name in names.items():
        path = base / name
        path.mkdir(parents=True, exist_ok=True)
        env[var] = str(path)
    if cache is not None:
        env["XDG_CACHE_HOME"] = str(cache)
    return {**env, "PYTHONPATH": str(ROOT)}


def zhread(path: Path) -> list[str]:
    return [sys.executable, "-m", "tui", str(path)]


def quit_case(
    argv: list[str],
    env: dict[str, str],
    busy: Callable[[str], bool],
    delay: float,
    still: Callable[[str], bool] | None = None,
) -> float:
    """Start, wait until ``busy`` shows, ``delay`` more seconds, check it is ``still`` busy
    (by default: ``busy`` still shows), then time ``q``."""
    session = Session(argv, env)
    try:
        session.wait(busy)
        time.sleep(delay)
        if not (still or busy)(session.screen()):
            raise RuntimeError("the work ended before q was sent: raise the text's size")
        return session.quit()
    finally:
        session.close()


def single_line(text: Path, out: Path, size: int = 2_000_000) -> Path:
    body = re.sub(r"[。！？；!?;.\n]+", "，", text.read_text(encoding="utf-8"))
    out.write_text((body * (size // len(body) + 1))[:size], encoding="utf-8")
    return out


def warm_cache(base: Path) -> tuple[Path, Path]:
    """A cache with jieba's summary and the dictionary index, and a copy with the summary
    alone (what a first run has once the summary is built)."""
    full = base / "warm-cache"
    env = dirs(base / "warm", full)
    subprocess.run(
        [sys.executable, "-m", "tui", "lookup", "你好"],
        env={**os.environ, **env},
        check=True,
        capture_output=True,
    )
    subprocess.run(
        [sys.executable, "-m", "tui", "segment", str(SAMPLE)],
        env={**os.environ, **env},
        check=True,
        capture_output=True,
    )
    summary = base / "summary-cache"
    shutil.copytree(full, summary, ignore=shutil.ignore_patterns("cedict-*"))
    return full, summary


def is_segmenting(screen: str) -> bool:
    return "segmenting…" in screen


def is_drawn(screen: str) -> bool:
    return bool(screen.strip())


def is_settled(screen: str) -> bool:
    return bool(COUNTED.search(screen) and DEFINED.search(screen))


def is_stepping(screen: str) -> bool:
    return re.search(r"segmenting… \d+%", screen) is not None


def is_indexing(screen: str) -> bool:
    return "building the dictionary index" in screen


def measure(args: argparse.Namespace, base: Path) -> None:
    full, summary = warm_cache(base)
    line = args.single_line or single_line(args.text, base / "single-line.txt")
    results: dict[str, list[float]] = {
        k: [] for k in ("floor", "idle", "novel", "index", "single line", "first run")
    }
    for run in range(args.runs):
        here = base / f"run{run}"
        results["floor"].append(
            quit_case(
                [sys.executable, "-c", BARE],
                dirs(here / "bare"),
                lambda s: "bare app ready" in s,
                args.delay,
            )
        )
        results["idle"].append(quit_case(zhread(SAMPLE), dirs(here / "z", full), is_settled, 0.5))
        results["novel"].append(
            quit_case(zhread(args.text), dirs(here / "n", full), is_stepping, args.delay)
        )
        fresh = here / "index-cache"
        shutil.copytree(summary, fresh)
        results["index"].append(
            quit_case(zhread(SAMPLE), dirs(here / "i", fresh), is_indexing, 0.3)
        )
        # timed from the first frame: a UI thread stuck wrapping the line draws no status
        results["single line"].append(
            quit_case(
                zhread(line), dirs(here / "s", full), is_drawn, args.line_delay, lambda s: True
            )
        )
        results["first run"].append(quit_case(zhread(SAMPLE), dirs(here / "f"), is_segmenting, 0.5))
    floor = statistics.median(results["floor"])
    print(
        f"text: {args.text}; single line: {line}; {args.runs} runs, medians; q at "
        f"{args.delay:.1f} s into the novel's segmenting, {args.line_delay:.1f} s into the "
        "single line's, 0.3 s into the index build, 0.5 s into the first run"
    )
    for name, samples in results.items():
        median = statistics.median(samples)
        print(
            f"q to exit, {name:12} {median * 1000:8.0f} ms  {median / floor:7.2f}x"
            f"   (max {max(samples) * 1000:.0f} ms)"
        )
    first_run(args.runs, base)


def first_run(runs: int, base: Path) -> None:
    """Spawn to first frame and to a settled screen, fresh folders; the floor's first frame."""
    bare, first, settled = [], [], []
    for run in range(runs):
        here = base / f"first{run}"
        session = Session([sys.executable, "-c", BARE], dirs(here / "bare"))
        bare.append(session.wait(lambda s: "bare app ready" in s))
        session.close()
        session = Session(zhread(SAMPLE), dirs(here / "z"))
        try:
            first.append(session.wait(lambda s: "DeepSeek" in s))
            settled.append(session.wait(is_settled))
            session.quit()
        finally:
            session.close()
    floor = statistics.median(bare)
    print(f"first run (fresh cache, config, data), sample text, {runs} runs, medians")
    for name, samples in (
        ("floor: bare app frame", bare),
        ("zhread first frame", first),
        ("zhread all loaded", settled),
    ):
        median = statistics.median(samples)
        print(f"{name:24} {median * 1000:8.0f} ms  {median / floor:7.2f}x")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("text", type=Path, help="a long text (a novel)")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument(
        "--delay", type=float, default=1.0, help="seconds into the novel's segmenting to send q"
    )
    parser.add_argument(
        "--line-delay",
        type=float,
        default=3.0,
        help="seconds after the single line's first frame to send q",
    )
    parser.add_argument("--single-line", type=Path, help="the single-line file (else made)")
    args = parser.parse_args()
    if shutil.which("tmux") is None:
        sys.exit("quit.py: tmux is needed")
    with tempfile.TemporaryDirectory(prefix="zhread-quit-") as base:
        measure(args, Path(base))


if __name__ == "__main__":
    main()
