"""Time to first frame and to a fully segmented article, against a bare Textual app.

Each measurement is a fresh process (imports included, as a user would see it), timed from
the moment it is spawned to the moment the app has drawn. The floor is a bare Textual app that
shows the same text in a ``Static``, measured in the same run, interleaved with zhread so that
machine noise hits both alike.

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
    """Run one app headless and print wall-clock stamps: 'first' and, for zhread, 'ready'."""
    from textual.app import App

    text = Path(path).read_text(encoding="utf-8")

    def stamp(label: str) -> None:
        print(f"{label} {time.time():.6f}", flush=True)

    if kind == "bare":
        from textual.widgets import Static

        class Bare(App[None]):
            def compose(self):
                yield Static(text, markup=False)

            def on_mount(self) -> None:
                self.call_after_refresh(lambda: (stamp("first"), self.exit()))

        Bare().run(headless=True, size=(100, 30))
        return

    from tui.app import ZhreadApp

    class Timed(ZhreadApp):
        def on_mount(self) -> None:
            # queued before the app's own after-refresh work (starting the worker), so the
            # stamp is the frame, not the frame plus a thread start
            self.call_after_refresh(lambda: stamp("first"))
            super().on_mount()

        def _annotated(self, annotation) -> None:  # type: ignore[override]
            super()._annotated(annotation)
            self.call_after_refresh(lambda: (stamp("ready"), self.exit()))

    Timed(text, path).run(headless=True, size=(100, 30))  # the glossary loads as in `zhread`


def measure(kind: str, path: str) -> dict[str, float]:
    started = time.time()
    out = subprocess.run(
        [sys.executable, __file__, "--child", kind, path],
        capture_output=True, text=True, check=True, timeout=120,
    ).stdout
    return {label: float(stamp) - started for label, stamp in (line.split() for line in out.splitlines())}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("text", nargs="?", default=str(ROOT / "seeds" / "000_5c73e60e87bd33d6.txt"))
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--child", choices=("bare", "zhread"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child, args.text)
        return
    # an installed wheel has byte-compiled modules (pip compiles them); a checkout run with
    # PYTHONDONTWRITEBYTECODE would recompile zhread's own modules on every start
    compileall.compile_dir(str(ROOT / "tui"), quiet=1)
    measure("zhread", args.text)  # warm the jieba cache and the OS file cache
    bare, first, ready = [], [], []
    for _ in range(args.runs):
        bare.append(measure("bare", args.text)["first"])
        stamps = measure("zhread", args.text)
        first.append(stamps["first"])
        ready.append(stamps["ready"])
    floor = statistics.median(bare)
    print(f"text: {args.text} ({Path(args.text).stat().st_size:,} bytes), {args.runs} runs, medians")
    print(f"floor (bare Textual app, text in a Static): {floor * 1000:7.0f} ms   1.00x")
    print(f"zhread first frame:                         {statistics.median(first) * 1000:7.0f} ms"
          f"   {statistics.median(first) / floor:.2f}x")
    print(f"zhread fully segmented and annotated:       {statistics.median(ready) * 1000:7.0f} ms"
          f"   {statistics.median(ready) / floor:.2f}x")


if __name__ == "__main__":
    main()
