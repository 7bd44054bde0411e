"""Dictionary costs: building the index, opening it, and looking a word up at the cursor.

Each figure is printed beside a floor measured in the same run on the same machine, so the
ratio means something where the absolute time would not:

- build: the index of the whole of CC-CEDICT, into a fresh temporary directory; its floor is
  only reading and parsing the data file, which any build has to do;
- cold open: ``Dictionary.open`` on an existing index (version check included), median of N;
  the floor is ``sqlite3.connect`` plus one SELECT on an empty table;
- lookup: ``Dictionary.lookup`` of every word of the sample article as the segmenter cuts
  it, as the reader does when the cursor lands on a word (median and p99); the floor is a
  Python dict lookup of the same words.

    python benchmarks/lookup.py [TEXT] [--opens N]
"""

from __future__ import annotations

import argparse
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tui.core import cedict
from tui.core.readings.dictionary import Dictionary


def timed(action: Callable[[], object]) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def percentile(samples: Sequence[float], share: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def empty_table_floor(folder: Path, runs: int) -> list[float]:
    path = folder / "floor.sqlite3"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE t(x)")
    conn.close()

    def once() -> None:
        conn = sqlite3.connect(path)
        conn.execute("SELECT x FROM t").fetchall()
        conn.close()

    return [timed(once) for _ in range(runs)]


def words_of(text_path: Path) -> list[str]:
    from tui.core.words.segment import JiebaSplitter, segment

    with tempfile.TemporaryDirectory() as cache:
        splitter = JiebaSplitter((), Path(cache))
        document = segment(text_path.read_text(encoding="utf-8"), None, splitter)
    return [t.text for t in document.tokens if t.kind.is_word]


def lookup_times(dictionary: Dictionary, words: list[str]) -> tuple[list[float], list[float]]:
    table = {word: [word] for word in words}
    ours = [timed(lambda w=w: dictionary.lookup(w)) for w in words]
    floor = [timed(lambda w=w: table.get(w)) for w in words]
    return ours, floor


def shown(seconds: float) -> str:
    return f"{seconds * 1e3:.1f} ms" if seconds >= 1e-3 else f"{seconds * 1e6:.2f} µs"


def row(name: str, value: float, floor_name: str, floor: float) -> str:
    return f"| {name} | {shown(value)} | {floor_name} | {shown(floor)} | {value / floor:.1f}x |"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sample = ROOT / "seeds" / "000_5c73e60e87bd33d6.txt"
    parser.add_argument("text", nargs="?", default=str(sample))
    parser.add_argument("--opens", type=int, default=51)
    args = parser.parse_args()
    words = words_of(Path(args.text))
    with tempfile.TemporaryDirectory(prefix="zhread-bench-") as folder:
        cache = Path(folder)
        parse = timed(lambda: cedict.records(cedict.data_file()))
        build = timed(lambda: Dictionary.open(cache_dir=cache).close())
        opens = [timed(lambda: Dictionary.open(cache_dir=cache).close()) for _ in range(args.opens)]
        floor_opens = empty_table_floor(cache, args.opens)
        with Dictionary.open(cache_dir=cache) as dictionary:
            lookup_times(dictionary, words)  # warm the page cache and statement cache
            ours, floor = lookup_times(dictionary, words)
    print(f"{len(words)} words of {Path(args.text).name}; {args.opens} opens\n")
    print("| measure | time | floor | floor time | ratio |")
    print("| --- | ---: | --- | ---: | ---: |")
    print(row("index build (first run)", build, "parse the data file", parse))
    print(
        row(
            "cold open, median",
            statistics.median(opens),
            "connect + SELECT, median",
            statistics.median(floor_opens),
        )
    )
    print(
        row(
            "lookup at the cursor, median",
            statistics.median(ours),
            "dict lookup, median",
            statistics.median(floor),
        )
    )
    print(
        row(
            "lookup at the cursor, p99",
            percentile(ours, 0.99),
            "dict lookup, p99",
            percentile(floor, 0.99),
        )
    )


if __name__ == "__main__":
    main()
