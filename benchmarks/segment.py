"""Throughput of `zhread segment` against the raw work, both fresh processes in the same run.

The raw work is what segmenting needs at the least: import OpenCC and jieba, convert the
text with ``t2s`` and cut it with ``jieba.lcut``. `zhread segment` does that plus loading
and detecting the encoding, the glossary, the runs and terms, and writing every word.

    python benchmarks/segment.py TEXT [--runs N]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

RAW = """
import sys, jieba, opencc
jieba.setLogLevel(60)
text = open(sys.argv[1], encoding="utf-8").read()
jieba.lcut(opencc.OpenCC("t2s").convert(text))
"""


def timed(command: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, check=True, timeout=600)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("text")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    raw_cmd = [sys.executable, "-c", RAW, args.text]
    zhread_cmd = [sys.executable, "-m", "tui", "segment", args.text]
    timed(raw_cmd), timed(zhread_cmd)  # warm caches
    raw, ours = [], []
    for _ in range(args.runs):
        raw.append(timed(raw_cmd))
        ours.append(timed(zhread_cmd))
    size = Path(args.text).stat().st_size / 1e6
    r, z = statistics.median(raw), statistics.median(ours)
    print(f"text: {args.text} ({size:.2f} MB), {args.runs} runs, medians")
    print(f"raw t2s + jieba.lcut:  {r * 1000:7.0f} ms  {size / r:5.2f} MB/s  1.00x")
    print(f"zhread segment:        {z * 1000:7.0f} ms  {size / z:5.2f} MB/s  {r / z:.2f}x")


if __name__ == "__main__":
    main()
