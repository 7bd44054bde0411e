"""Time to first frame and to a fully segmented article, and the app's peak memory.

Each measurement is a fresh process (imports included, as a user would see it), timed from
the moment it is spawned. Two floors are measured in the same run, interleaved with zhread
so that machine noise hits all alike:

- first frame: a bare Textual app showing the *sample* text in a ``Static`` (a short text:
  a bare app cannot show a novel at all, which is the point of the comparison);
- fully annotated: the raw work, a process that imports OpenCC and jieba (nothing else),
  converts TEXT with ``t2s`` and cuts it with ``jieba.lcut`` (jieba's own dictionary cache
  included).

Peak RSS is ``ru_maxrss`` of the zhread process once annotated and its worker done (it
loads the readings' tables after the annotated text is shown).

    python benchmarks/startup.py [TEXT] [--runs N]
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


def child(kind: str, path: str) -> None:
    """Run one app headless and print wall-clock stamps: 'first' and, for zhread, 'ready'.
    The raw work imports only what it needs (OpenCC and jieba): Textual would add a fifth
    to its time and flatter zhread's ratio."""
    text = Path(path).read_text(encoding="utf-8")

    def stamp(label: str) -> None:
        print(f"{label} {time.time():.6f}", flush=True)

    if kind == "raw":
        import jieba
        import opencc

        jieba.setLogLevel(60)
        jieba.lcut(opencc.OpenCC("t2s").convert(text))
        stamp("ready")
        return

    if kind == "bare":
        from textual.app import App
        from textual.widgets import Static

        class Bare(App[None]):
            def compose(self):
                yield Static(text, markup=False)

            def _display(self, screen, update) -> None:
                super()._display(screen, update)
                stamp("first")
                self.exit()

        Bare().run(headless=True, size=(100, 30))
        return

    from tui.app import ZhreadApp
    from tui.reader.screen import ReaderScreen

    class TimedReader(ReaderScreen):
        def _annotated(self, annotation) -> None:
            super()._annotated(annotation)
            self.call_after_refresh(self.app._done)  # type: ignore[attr-defined]

    class Timed(ZhreadApp):
        first = True
        Reader = TimedReader

        def _display(self, screen, update) -> None:
            super()._display(screen, update)
            if self.first:
                self.first = False
                stamp("first")

        def _done(self) -> None:
            stamp("ready")
            self._settled()

        def _settled(self) -> None:
            """Peak memory once the worker has finished what it does after annotating (it
            loads the readings' tables next)."""
            import resource

            if any(w.group == "segment" and not w.is_finished for w in self.workers):
                self.set_timer(0.05, self._settled)
                return
            print(f"rss {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024}", flush=True)
            self.exit()

    Timed(text, path).run(headless=True, size=(100, 30))  # the glossary loads as in `zhread`


def measure(kind: str, path: str) -> dict[str, float]:
    started = time.time()
    out = subprocess.run(
        [sys.executable, __file__, "--child", kind, path],
        capture_output=True,
        text=True,
        check=True,
        timeout=600,
    ).stdout
    stamps = dict(line.split() for line in out.splitlines())
    return {k: float(v) if k == "rss" else float(v) - started for k, v in stamps.items()}


SAMPLE = str(ROOT / "seeds" / "000_5c73e60e87bd33d6.txt")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("text", nargs="?", default=SAMPLE)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--child", choices=("bare", "zhread", "raw"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child, args.text)
        return
    # an installed wheel has byte-compiled modules (pip compiles them); a checkout run with
    # PYTHONDONTWRITEBYTECODE would recompile zhread's own modules on every start
    compileall.compile_dir(str(ROOT / "tui"), quiet=1)
    measure("zhread", args.text)  # warm the jieba cache and the OS file cache
    measure("raw", args.text)
    bare, raw, first, ready, rss = [], [], [], [], []
    for _ in range(args.runs):
        bare.append(measure("bare", SAMPLE)["first"])
        raw.append(measure("raw", args.text)["ready"])
        stamps = measure("zhread", args.text)
        first.append(stamps["first"])
        ready.append(stamps["ready"])
        rss.append(stamps["rss"])
    floor, work = statistics.median(bare), statistics.median(raw)
    size = Path(args.text).stat().st_size
    print(f"text: {args.text} ({size:,} bytes), {args.runs} runs, medians")
    print(f"floor: bare Textual app, sample in a Static:   {floor * 1000:7.0f} ms   1.00x")
    print(
        f"zhread first frame:                           {statistics.median(first) * 1000:7.0f} ms"
        f"   {statistics.median(first) / floor:.2f}x"
    )
    print(f"raw work: t2s + jieba.lcut, own process:      {work * 1000:7.0f} ms   1.00x")
    print(
        f"zhread fully segmented and annotated:         {statistics.median(ready) * 1000:7.0f} ms"
        f"   {statistics.median(ready) / work:.2f}x"
    )
    print(f"zhread peak RSS:                              {max(rss) / 2**20:7.1f} MB")


if __name__ == "__main__":
    main()
