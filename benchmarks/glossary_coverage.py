"""How much of a field's vocabulary the built-in glossary explains, on texts it was not written
for, and what loading and matching it costs.

Each text in the manifest (by default ``tests/data/texts/manifest.yaml``) may carry
``field_terms``: every term of the field that occurs in it, annotated by hand and by domain,
without looking at the glossary. A term counts as explained when the glossary's matcher, as
the reader runs it, covers one of its occurrences: with the term itself, or with a longer
term that holds it. The tables give the share per domain and overall, then every miss: one
for the texts the glossary was measured on while it was written, one for held-out texts.

The cost lines time the glossary read three ways (the YAML checked entry by entry, as on a
first run; the cached compiled entries, as on every later run; the glossary as it was before
it grew, when ``--before`` names that file), and matching over every text against the floor of
OpenCC converting the same text, which matching needs anyway. Memory is the traced size of
the loaded glossary with its matcher.

    python benchmarks/glossary_coverage.py [--manifest FILE] [--glossary FILE] [--before FILE]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
import tracemalloc
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tui.core.glossary.bundled import builtin_glossary_path
from tui.core.glossary.compiled import load_compiled
from tui.core.glossary.entries import Glossary
from tui.core.glossary.loader import load_glossary
from tui.core.scripts.convert import shadow

DOMAINS = ("ai", "semiconductors", "computing", "policy", "organisation", "person", "media")


def explained(glossary: Glossary, text: str, term: str) -> bool:
    """Whether a match covers one occurrence of ``term`` in ``text``."""
    spans = [(m.start, m.end) for m in glossary.match(text)]
    start = text.find(term)
    while start >= 0:
        end = start + len(term)
        if any(s <= start and end <= e for s, e in spans):
            return True
        start = text.find(term, start + 1)
    return False


def coverage(glossary: Glossary, manifest: Path) -> None:
    """One table for the texts the glossary was measured on while it was written, then one
    per held-out set (``heldout: true``, ``heldout_set``), each annotated by someone who
    had not seen the glossary; the latest set, measured before anyone saw what it missed,
    is the honest figure."""
    texts = yaml.safe_load(manifest.read_text(encoding="utf-8"))["texts"]
    sets = sorted({_set_of(t) for t in texts if t.get("field_terms")})
    for number in sets:
        title = f"held-out set {number}" if number else "texts measured while writing"
        found: dict[str, list[tuple[str, str, bool]]] = defaultdict(list)
        chosen = [t for t in texts if t.get("field_terms") and _set_of(t) == number]
        for item in chosen:
            text = (manifest.parent / item["file"]).read_text(encoding="utf-8")
            for domain, words in item["field_terms"].items():
                for word in words:
                    found[domain].append((item["file"], word, explained(glossary, text, word)))
        if found:
            print(f"{title} ({len(chosen)}):")
            _table(found)
            _misses(found)
            print()


def _set_of(text: dict[str, Any]) -> int:
    """0 for a text measured while the glossary was written, else its held-out set."""
    return int(text.get("heldout_set", 1)) if text.get("heldout") else 0


def _table(found: dict[str, list[tuple[str, str, bool]]]) -> None:
    print(f"{'domain':14} {'occur':>6} {'explained':>10} {'share':>7}")
    total = hits = 0
    for domain in [d for d in DOMAINS if d in found] + sorted(set(found) - set(DOMAINS)):
        rows = found[domain]
        n, k = len(rows), sum(ok for *_, ok in rows)
        total, hits = total + n, hits + k
        print(f"{domain:14} {n:6d} {k:10d} {k / n:7.1%}")
    if total:
        print(f"{'all':14} {total:6d} {hits:10d} {hits / total:7.1%}")


def _misses(found: dict[str, list[tuple[str, str, bool]]]) -> None:
    print("\nnot explained:")
    for domain, rows in found.items():
        missed = sorted({word for _, word, ok in rows if not ok})
        if missed:
            print(f"  {domain}: {'  '.join(missed)}")


def _best(run: Callable[[], Any], runs: int) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        run()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def costs(path: Path, before: Path | None, manifest: Path, runs: int) -> Glossary:
    cache = Path(tempfile.mkdtemp(prefix="zhread-glossary-"))
    cold = _best(lambda: load_glossary(path), runs)
    load_compiled(path, cache)  # writes the cache
    warm = _best(lambda: load_compiled(path, cache), runs)
    tracemalloc.start()
    glossary = load_compiled(path, cache)
    glossary.han_forms()
    size = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    print(f"glossary: {len(glossary)} entries, {path.stat().st_size / 1024:.0f} KB of YAML")
    print(f"  read and check the YAML (first run)   {cold * 1000:7.1f} ms")
    print(f"  read the cached compiled entries      {warm * 1000:7.1f} ms")
    if before is not None:
        old = _best(lambda: load_glossary(before), runs)
        ratio = warm / old
        label = "--before, from its YAML"
        print(f"  {label:37} {old * 1000:7.1f} ms   cached/it {ratio:.2f}x")
    print(f"  memory of glossary and matcher        {size / 1e6:7.1f} MB")
    texts = [p.read_text(encoding="utf-8") for p in sorted(manifest.parent.glob("*.txt"))]
    joined = "\n".join(texts) * 10
    floor = _best(lambda: shadow(joined), runs)
    match = _best(lambda: glossary.match(joined, shadow(joined)), runs)
    print(
        f"  match {len(joined):,} chars (shadow included) {match * 1000:7.1f} ms,"
        f" {match / floor:.2f}x OpenCC's conversion alone ({floor * 1000:.1f} ms)\n"
    )
    return glossary


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    manifest = ROOT / "tests" / "data" / "texts" / "manifest.yaml"
    parser.add_argument("--manifest", type=Path, default=manifest)
    parser.add_argument("--glossary", type=Path, default=builtin_glossary_path())
    parser.add_argument("--before", type=Path, help="an older glossary file to compare loading")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    glossary = costs(args.glossary, args.before, args.manifest, args.runs)
    coverage(glossary, args.manifest)


if __name__ == "__main__":
    main()
