"""How long a desk of many news stories takes to build, cold (nothing cached) and warm
(every skim cached), against the floor of raw jieba over the same texts in the same run.

The stories are the given folder's (or file's), copied until there are ``--copies`` of them,
each copy with a line of its own so that no two share a cache entry. The cache lives in a
temporary folder, so the user's is neither used nor touched.

    python benchmarks/desk.py tests/data/news [--copies 200] [--workers N]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def stories(path: Path, copies: int, folder: Path) -> list[str]:
    from tui.core.text.sources import documents_in, load_source

    found = documents_in(path) if path.is_dir() else [path]
    texts = [load_source(p).text for p in found if p.suffix == ".txt" or not path.is_dir()]
    sources = []
    for n in range(copies):
        target = folder / f"story-{n:04}.txt"
        target.write_text(f"{texts[n % len(texts)]}\n\n第{n}版\n", encoding="utf-8")
        sources.append(str(target))
    return sources


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("path", type=Path)
    parser.add_argument("--copies", type=int, default=200)
    parser.add_argument("--workers", type=int, default=None)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as temporary:
        os.environ["XDG_CACHE_HOME"] = str(Path(temporary) / "cache")
        folder = Path(temporary) / "stories"
        folder.mkdir()
        run(stories(args.path, args.copies, folder), args.workers)


def run(sources: list[str], workers: int | None) -> None:
    import jieba

    from tui.core.glossary.layers import load_layers
    from tui.store.desk import build_desk

    glossary = load_layers([])
    texts = [Path(s).read_text(encoding="utf-8") for s in sources]
    jieba.initialize()
    start = time.perf_counter()
    for text in texts:
        jieba.lcut(text)
    floor = time.perf_counter() - start
    timings = {}
    for label in ("cold", "warm"):
        start = time.perf_counter()
        desk = build_desk(sources, glossary, workers=workers)
        timings[label] = time.perf_counter() - start
    chars = sum(map(len, texts))
    print(f"{len(sources)} stories, {chars:,} characters, workers={workers or os.cpu_count()}")
    print(f"{'jieba.lcut (floor)':20} {floor:8.2f} s   1.0x")
    for label, seconds in timings.items():
        print(f"{'desk ' + label:20} {seconds:8.2f} s {seconds / floor:6.1f}x")
    print(f"{len(desk.entities)} entities, {len(desk.quotes)} quotes, {len(desk.terms)} terms")


if __name__ == "__main__":
    main()
