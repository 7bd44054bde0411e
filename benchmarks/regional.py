"""How many of OpenCC's regional rewrites the side-by-side view makes in real texts, and how
many it only lists as "OpenCC suggests": a Taiwan or Hong Kong text is aligned with the
mainland phrasing, a Simplified text with the Taiwan phrasing, segmented as the reader does.

Whether a listed pair is right is a judgement this script cannot make: it prints the most
used of each kind, so that a reader who knows both regions can check them.

    python benchmarks/regional.py PATH [PATH ...] [--show N]
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tui.core.compare.align import align
from tui.core.compare.regional import RegionalTrust
from tui.core.glossary.bundled import builtin_glossary_path
from tui.core.glossary.loader import load_glossary
from tui.core.scripts.convert import Region, Script, config_for, detect_region, detect_script
from tui.core.words.segment import JiebaSplitter, segment


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="+", type=Path)
    parser.add_argument("--show", type=int, default=12, help="pairs of each kind to print")
    args = parser.parse_args()
    glossary = load_glossary(builtin_glossary_path())
    splitter = JiebaSplitter(glossary.han_forms(), None)
    trust = RegionalTrust(glossary)
    print(f"{'text':28} {'chars':>8} {'config':7} {'regional':>14} {'suggested':>14} {'align':>7}")
    for path in args.paths:
        text = path.read_text(encoding="utf-8").replace("\r\n", "\n")
        script = detect_script(text[:20_000])
        target = "tw" if script is Script.SIMPLIFIED else "hans"
        region = detect_region(text, script) if script is not Script.SIMPLIFIED else Region.UNKNOWN
        config = config_for(target, script, phrases=True, region=region)
        document = segment(text, glossary, splitter)
        started = time.perf_counter()
        alignment = align(document, config, trust)
        took = time.perf_counter() - started
        regional = alignment.regional_words(text)
        suggested = Counter(
            {(w.original, w.converted): len(w.occurrences) for w in alignment.suggested_list(text)}
        )
        print(
            f"{path.name[:28]:28} {len(text):8d} {config:7} "
            f"{len(regional):5d} / {sum(regional.values()):6d} "
            f"{len(suggested):5d} / {sum(suggested.values()):6d} {took:6.2f}s"
        )
        for name, pairs in (("regional", regional), ("OpenCC suggests", suggested)):
            shown = "  ".join(f"{a}→{b}×{n}" for (a, b), n in pairs.most_common(args.show))
            print(f"    {name}: {shown}")


if __name__ == "__main__":
    main()
