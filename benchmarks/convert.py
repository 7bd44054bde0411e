"""`zhread convert` throughput against the opencc library converting the same text directly.

Both are measured in this run on the same file: the floor is one call of ``OpenCC.convert``
on the whole decoded text (no I/O, no detection); zhread is the real command, as a process,
reading the file, detecting the encoding, streaming it line by line and writing the output.

    python benchmarks/convert.py PATH [--config t2s] [--runs 5]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

import opencc


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", help="a large text, e.g. OpenCC's zuozhuan.txt (1.9 MB)")
    parser.add_argument("--config", default="s2t")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    data = Path(args.path).read_bytes()
    text = data.decode("utf-8")
    zhread = str(Path(sys.executable).with_name("zhread"))
    import tempfile

    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False, encoding="utf-8") as handle:
        handle.write("汉字\n")
    tiny = handle.name
    floor, floor_convert, ours, fixed = [], [], [], []
    for _ in range(args.runs):
        started = time.perf_counter()
        subprocess.run(
            [zhread, "convert", tiny, "--config", args.config], capture_output=True, check=True
        )
        fixed.append(time.perf_counter() - started)
        started = time.perf_counter()
        converter = opencc.OpenCC(f"{args.config}.json")
        created = time.perf_counter()
        expected = converter.convert(text)
        floor.append(time.perf_counter() - started)
        floor_convert.append(time.perf_counter() - created)
        started = time.perf_counter()
        out = subprocess.run(
            [zhread, "convert", args.path, "--config", args.config], capture_output=True, check=True
        ).stdout
        ours.append(time.perf_counter() - started)
    assert out == expected.encode("utf-8"), "zhread's output differs from OpenCC's"
    mb = len(data) / 1e6
    Path(tiny).unlink()
    f, z, s = statistics.median(floor), statistics.median(ours), statistics.median(fixed)
    fc = statistics.median(floor_convert)
    print(
        f"text: {args.path} ({len(data):,} bytes), config {args.config}, {args.runs} runs, medians"
    )
    print(f"opencc library, load config + convert: {f * 1000:6.0f} ms  {mb / f:6.1f} MB/s  1.00x")
    print(
        f"zhread convert (process, streamed):   {z * 1000:7.0f} ms  {mb / z:6.1f} MB/s  "
        f"{f / z:.2f}x throughput"
    )
    print(f"  of which start-up (a one-line file: process, imports, config): {s * 1000:5.0f} ms")
    print(f"opencc library, convert only:          {fc * 1000:6.0f} ms  {mb / fc:6.1f} MB/s  1.00x")
    past = z - s
    print(
        f"zhread convert, past its start-up:    {past * 1000:7.0f} ms  {mb / past:6.1f} MB/s  "
        f"{fc / past:.2f}x throughput"
    )


if __name__ == "__main__":
    main()
