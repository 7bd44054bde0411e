"""A first run against a warm one: the dictionary index, the annotated text, peak memory.

A first run starts with empty cache, data and config directories (``XDG_*_HOME`` pointed at
new temporary directories, which platformdirs reads): it builds the CC-CEDICT index and
jieba's summary before it can show lookups. The warm run is the second run with the same
directories. Each measurement is a fresh process, timed from the moment it is spawned:

- index: ``Dictionary.open`` alone, as the reader calls it (built in a process of its own);
- app: the reader, headless, until TEXT is annotated and the dictionary is open.

Peak memory is ``ru_maxrss`` of the measured process itself and of the largest process it
started (the builders), so that the one that holds the memory is named; the builders' CPU
seconds are printed too, as the wall-clock time of a build in a lowered-priority process
depends on whatever else the machine runs.

    python benchmarks/firstrun.py [TEXT] [--runs N]
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SAMPLE = str(ROOT / "seeds" / "000_5c73e60e87bd33d6.txt")
#: Stamps that are amounts, not moments.
AMOUNTS = {"rss", "child_rss", "child_cpu"}


def peaks() -> str:
    """Peak RSS in bytes of this process and of its largest child, and the CPU seconds of
    its children (the builders: a figure the machine's other load barely changes), as
    stamp lines."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = children.ru_utime + children.ru_stime
    return f"rss {own.ru_maxrss * 1024}\nchild_rss {children.ru_maxrss * 1024}\nchild_cpu {cpu}"


def stamp(label: str) -> None:
    print(f"{label} {time.time():.6f}", flush=True)


def index_child() -> None:
    from tui.core.readings.dictionary import Dictionary

    Dictionary.open(apart=True).close()
    stamp("ready")
    print(peaks(), flush=True)


def app_child(path: str) -> None:
    from tui.app import ZhreadApp
    from tui.reader.screen import ReaderScreen

    text = Path(path).read_text(encoding="utf-8")

    class TimedReader(ReaderScreen):
        def _annotated(self, annotation) -> None:
            super()._annotated(annotation)
            stamp("annotated")
            self.app.annotated = True  # type: ignore[attr-defined]
            self.call_after_refresh(self.app._check)  # type: ignore[attr-defined]

    class Timed(ZhreadApp):
        Reader = TimedReader
        annotated = False
        reported = False

        def _dictionary_opened(self, dictionary) -> None:
            super()._dictionary_opened(dictionary)
            stamp("dictionary")
            self._check()

        def _check(self) -> None:
            """Exit once annotated, the dictionary open and the segmenting worker done."""
            busy = any(w.group == "segment" and not w.is_finished for w in self.workers)
            if self.reported:
                return
            if busy or not self.annotated or self.dictionary is None:
                self.set_timer(0.05, self._check)
                return
            self.reported = True
            print(peaks(), flush=True)
            self.exit()

    Timed(text, path).run(headless=True, size=(100, 30))


def measure(kind: str, text: str, home: Path) -> dict[str, float]:
    env = {**os.environ}
    for name in ("CACHE", "DATA", "CONFIG"):
        env[f"XDG_{name}_HOME"] = str(home / name.lower())
    started = time.time()
    out = subprocess.run(
        [sys.executable, __file__, text, "--child", kind],
        capture_output=True,
        text=True,
        check=True,
        timeout=600,
        env=env,
    ).stdout
    stamps = dict(line.split() for line in out.splitlines() if line[:1].isalpha())
    return {k: float(v) if k in AMOUNTS else float(v) - started for k, v in stamps.items()}


def pair(kind: str, text: str) -> tuple[dict[str, float], dict[str, float]]:
    """A first run in new directories, then a warm run in the same ones."""
    home = Path(tempfile.mkdtemp(prefix="zhread-firstrun-"))
    try:
        return measure(kind, text, home), measure(kind, text, home)
    finally:
        shutil.rmtree(home, ignore_errors=True)


def mb(value: float) -> str:
    return f"{value / 2**20:6.0f} MB"


def report(kind: str, runs: list[tuple[dict[str, float], dict[str, float]]]) -> None:
    def median(which: int, key: str) -> float:
        return statistics.median(run[which].get(key, 0.0) for run in runs)

    keys = ["ready"] if kind == "index" else ["annotated", "dictionary"]
    for key in keys:
        first, warm = median(0, key), median(1, key)
        ratio = f"{first / warm:5.2f}x" if warm > 0 else "    -"
        print(
            f"{kind:5} {key:10}  first {first * 1000:7.0f} ms   warm {warm * 1000:7.0f} ms"
            f"   {ratio}"
        )
    first, warm = median(0, "child_cpu"), median(1, "child_cpu")
    print(f"{kind:5} builders' cpu  first {first * 1000:7.0f} ms   warm {warm * 1000:7.0f} ms")
    for key in ("rss", "child_rss"):
        first, warm = median(0, key), median(1, key)
        ratio = f"{first / warm:5.2f}x" if warm else "    -"
        print(f"{kind:5} peak {key:9}  first {mb(first)}   warm {mb(warm)}   {ratio}")
    peak_first = max(median(0, "rss"), median(0, "child_rss"))
    peak_warm = max(median(1, "rss"), median(1, "child_rss"))
    print(
        f"{kind:5} peak of any process  first {mb(peak_first)}   warm {mb(peak_warm)}"
        f"   {peak_first / peak_warm:5.2f}x"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("text", nargs="?", default=SAMPLE)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--only", choices=("index", "app"), help="measure one case")
    parser.add_argument("--child", choices=("index", "app"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child == "index":
        index_child()
        return
    if args.child == "app":
        app_child(args.text)
        return
    size = Path(args.text).stat().st_size
    print(f"text: {args.text} ({size:,} bytes), {args.runs} first/warm pairs, medians")
    for kind in ("index", "app"):
        if args.only in (None, kind):
            report(kind, [pair(kind, args.text) for _ in range(args.runs)])


if __name__ == "__main__":
    main()
