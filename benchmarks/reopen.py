"""Reopening a text at its remembered place against opening it at the top: time until the
text shows, each in a fresh process timed from the moment it is spawned.

The remembered place is what ``tui.store.positions`` keeps per text and ``zhread`` passes to
the app as ``offset``; here the offset is passed directly. The two cases run interleaved so
that machine noise hits both alike, and the ratio is that of the medians.

    python benchmarks/reopen.py TEXT --offset N [--runs N]
"""

from __future__ import annotations

import argparse
import compileall
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def child(path: str, offset: int) -> None:
    """Run the app headless at ``offset`` and print when the first frame with text shows."""
    text = Path(path).read_text(encoding="utf-8")

    from tui.app import ZhreadApp
    from tui.widgets.article import ArticleView

    class Timed(ZhreadApp):
        shown = False

        def _display(self, screen, update) -> None:
            super()._display(screen, update)
            if self.shown:
                return
            views = self.screen.query(ArticleView)
            if not views or not views.first()._wrap_width or not views.first().token:
                return
            view = views.first()
            token = view.token
            assert token is not None
            top = round(view.scroll_offset.y) // view.rows
            if top <= view.line_of(token.start) < top + view.size.height // view.rows:
                self.shown = True
                print(f"shown {time.time():.6f}", flush=True)
                print(f"cursor {token.start}", flush=True)
                self.exit()

    Timed(text, path, offset=offset).run(headless=True, size=(100, 30))


def measure(path: str, offset: int) -> tuple[float, int]:
    started = time.time()
    out = subprocess.run(
        [sys.executable, __file__, path, "--offset", str(offset), "--child"],
        capture_output=True,
        text=True,
        check=True,
        timeout=600,
    ).stdout
    stamps = dict(line.split() for line in out.splitlines())
    return float(stamps["shown"]) - started, int(stamps["cursor"])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("text")
    parser.add_argument("--offset", type=int, required=True)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.text, args.offset)
        return
    compileall.compile_dir(str(ROOT / "tui"), quiet=1)
    measure(args.text, 0)  # warm the caches (jieba's, the OS's)
    top, there = [], []
    cursor = -1
    for _ in range(args.runs):
        top.append(measure(args.text, 0)[0])
        seconds, cursor = measure(args.text, args.offset)
        there.append(seconds)
    floor, reopen = statistics.median(top), statistics.median(there)
    size = Path(args.text).stat().st_size
    print(f"text: {args.text} ({size:,} bytes), {args.runs} runs, medians")
    print(f"floor: opened at the top, text shown:         {floor * 1000:7.0f} ms   1.00x")
    print(
        f"reopened at character {args.offset:,}, text shown: {reopen * 1000:7.0f} ms"
        f"   {reopen / floor:.2f}x (cursor at {cursor:,})"
    )


if __name__ == "__main__":
    main()
