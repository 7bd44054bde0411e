"""The journalist's tools against the raw work they build on, in one process.

- skim report (entities, quotes, keywords, outline, stats) against its floor, jieba's
  part-of-speech tagger run over the same Simplified shadow (``jieba.posseg``, the part no
  report can skip); the first report of a process pays for loading the tag table and the IDF
  file, so the first and the median of the later ones are given apart. The report uses
  CC-CEDICT (names it knows, family names, English), as ``zhread skim`` does; once more
  without it, to show what that costs.
- search (``/``) by each way a query is read, against ``str.find`` of the same query in the
  shadow, the floor for finding anything in the text at all. The pinyin index is built on
  the first Latin query of a document; its cost is given separately.
- with ``--command``, only the whole ``zhread skim --json TEXT`` as a user runs it, against
  the same floor as a program of its own: OpenCC's t2s and ``jieba.posseg`` over the text,
  in a process that imports neither Textual nor zhread. Both are timed from outside,
  interpreter start to exit, alternating, so a busy machine weighs on both alike.

    python benchmarks/skim.py [TEXT] [--runs N] [--command]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SAMPLE = ROOT / "seeds" / "000_5c73e60e87bd33d6.txt"
QUERIES = {  # how the query is read -> a query that the sample answers
    "hanzi, the other script": "蒸馏",
    "hanzi, the other region's word": "人工智能",
    "pinyin without tones": "zhengliu",
    "pinyin with tone marks": "zhēngliú",
    "English": "distillation",
}


#: The floor of ``zhread skim``: what any report on the text must do, and nothing else.
FLOOR = """
import sys
import jieba, jieba.posseg, opencc
jieba.setLogLevel(60)
text = open(sys.argv[1], encoding="utf-8").read()
simplified = opencc.OpenCC("t2s.json").convert(text)
assert "textual" not in sys.modules and "tui" not in sys.modules
sum(1 for _ in jieba.posseg.cut(simplified))
"""


def run_command(argv: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run(argv, cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - started


def command_against_floor(text: str, runs: int) -> None:
    """``zhread skim --json`` against t2s + ``jieba.posseg``, each in a fresh process."""
    skims, floors = [], []
    for _ in range(runs):
        floors.append(run_command([sys.executable, "-c", FLOOR, text]))
        skims.append(run_command([sys.executable, "-m", "tui", "skim", "--json", text]))
        print(f"  run {len(skims)}: floor {floors[-1]:.1f} s, skim {skims[-1]:.1f} s", flush=True)
    floor, spent = statistics.median(floors), statistics.median(skims)
    print(f"text: {text}, {runs} runs, medians")
    print(f"floor: t2s + jieba.posseg, own process  {floor:8.1f} s    1.00x")
    print(f"zhread skim --json                     {spent:8.1f} s    {spent / floor:.2f}x")


def timed(call: Callable[[], object], runs: int) -> list[float]:
    out = []
    for _ in range(runs):
        started = time.perf_counter()
        call()
        out.append(time.perf_counter() - started)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("text", nargs="?", default=str(SAMPLE))
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument(
        "--command", action="store_true", help="only `zhread skim --json` against its floor"
    )
    args = parser.parse_args()
    if args.command:
        command_against_floor(args.text, args.runs)
        return

    from tui.core.analysis.skim import skim
    from tui.core.glossary.layers import builtin_glossary
    from tui.core.queries.search import PinyinIndex, find
    from tui.core.readings.dictionary import Dictionary
    from tui.core.userdirs import cache_dir
    from tui.core.words.segment import segment, shared_splitter

    text = Path(args.text).read_text(encoding="utf-8")
    glossary = builtin_glossary()
    splitter = shared_splitter(frozenset(glossary.han_forms()), cache_dir())
    document = segment(text, glossary, splitter, args.text)
    tagger = splitter.pos_tokenizer()
    print(f"text: {args.text} ({len(text):,} characters), {args.runs} runs, medians")

    dictionary = Dictionary.open()
    first = timed(lambda: skim(document, glossary, splitter, dictionary=dictionary), 1)[0]
    later = statistics.median(
        timed(lambda: skim(document, glossary, splitter, dictionary=dictionary), args.runs)
    )
    bare = statistics.median(timed(lambda: skim(document, glossary, splitter), args.runs))
    floor = statistics.median(timed(lambda: list(tagger.cut(document.shadow)), args.runs))
    print(f"floor: jieba.posseg over the shadow      {floor * 1000:8.1f} ms   1.00x")
    print(f"skim report, first in the process        {first * 1000:8.1f} ms   {first / floor:.2f}x")
    print(f"skim report, later                       {later * 1000:8.1f} ms   {later / floor:.2f}x")
    print(f"skim report, later, without CC-CEDICT    {bare * 1000:8.1f} ms   {bare / floor:.2f}x")

    built = timed(lambda: PinyinIndex(document.shadow), 1)[0]
    index = PinyinIndex(document.shadow)
    find_floor = statistics.median(timed(lambda: document.shadow.find("蒸馏"), args.runs * 20))
    print(f"\npinyin index, built once per document   {built * 1000:8.1f} ms")
    print(f"floor: str.find in the shadow           {find_floor * 1e6:8.1f} µs   1.00x")
    for how, query in QUERIES.items():
        spent = statistics.median(
            timed(lambda q=query: find(document, q, glossary, dictionary, index), args.runs)
        )
        hits = len(find(document, query, glossary, dictionary, index).ranges())
        print(
            f"search, {how:<30} {spent * 1000:8.2f} ms   {spent / find_floor:8.0f}x  "
            f"({hits} hits for {query})"
        )


if __name__ == "__main__":
    main()
