"""``zhread lookup``: a word in CC-CEDICT and the glossary, with its HSK level."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from tui.cli.options import (
    add_glossary_option,
    command_parser,
    layered_glossary,
    open_dictionary,
    write_json,
)
from tui.core.errors import ZhreadError
from tui.core.readings.levels import STANDARDS, HskStandard

if TYPE_CHECKING:
    from tui.core.glossary.entries import Entry, Glossary
    from tui.core.readings.dictionary import DictEntry

SUMMARY = "look a word up in CC-CEDICT (and the glossary), with its HSK level"


def parser() -> argparse.ArgumentParser:
    built = command_parser(
        "zhread lookup",
        "Look a word up in CC-CEDICT: every entry (each reading is one), the\n"
        "glossary entry if the word is a glossary term, and its HSK level. WORD may be\n"
        "Traditional or Simplified; if it is not a headword, it is searched for as hanzi,\n"
        "pinyin (nǐ hǎo, ni3hao3, nihao) or English; glossary entries that hold it are\n"
        "listed as in the reader's lookup screen. Exit status 1 when nothing is found, 2 for\n"
        "pinyin that cannot be (ni3hao9: 9 is not a tone).\n"
        "The first run builds the dictionary's index in the cache directory (seconds).",
        "examples:\n  zhread lookup 行\n  zhread lookup 长期 --hsk 2021\n"
        "  zhread lookup 'ni3 hao3'\n  zhread lookup bank\n"
        "  zhread lookup 銀行 --json | jq '.entries[].pinyin'",
    )
    built.add_argument("word", help="a word in either script, pinyin, or English")
    built.add_argument(
        "--json",
        action="store_true",
        help='print {"query", "entries", "glossary", "glossary_hits", "hsk"} as JSON',
    )
    built.add_argument(
        "--hsk",
        default=HskStandard.HSK_2025,
        choices=STANDARDS,
        help=f"the HSK word list for the level (default: {HskStandard.HSK_2025})",
    )
    add_glossary_option(built)
    return built


def run(args: argparse.Namespace) -> int:
    from tui.core.glossary.entries import entry_data
    from tui.core.glossary.matcher import has_han
    from tui.core.queries.lookup import glossary_hits
    from tui.core.readings.levels import level
    from tui.core.scripts.convert import shadow

    query = args.word.strip()
    if not query:
        raise ZhreadError("nothing to look up")
    with open_dictionary() as dictionary:
        entries = dictionary.lookup(query) or dictionary.search(query, limit=20)
        problem = None if entries else dictionary.problem(query)
    glossary = layered_glossary(args.glossary)
    term, hits = _whole_term(glossary, query), glossary_hits(glossary, query)
    if problem and not (term or hits):
        raise ZhreadError(problem)
    result = {
        "query": query,
        "entries": [_entry_json(e) for e in entries],
        "glossary": entry_data(term) if term else None,
        "glossary_hits": [_hit_json(hit) for hit in hits],
        "hsk": level(shadow(query), args.hsk) if has_han(query) else None,
    }
    if args.json:
        write_json(result)
    else:
        _print(result, hits)
    return 0 if entries or term or hits else 1


def _whole_term(glossary: Glossary, query: str) -> Entry | None:
    """The glossary entry the query spells (in either script, or an alias), if any; a term
    that is only part of the query is not what was looked up."""
    matches = glossary.match(query)
    if matches and (matches[0].start, matches[0].end) == (0, len(query)):
        return glossary.get(matches[0].entry_id)
    return None


def _entry_json(entry: DictEntry) -> dict[str, object]:
    return {
        "traditional": entry.traditional,
        "simplified": entry.simplified,
        "pinyin": entry.pinyin_marks,
        "definitions": list(entry.definitions),
    }


def _hit_json(entry: Entry) -> dict[str, object]:
    return {
        "id": entry.id,
        "hant": entry.hant,
        "hans": entry.hans,
        "tw": entry.tw,
        "hk": entry.hk,
        "pinyin": entry.pinyin,
        "en": entry.en,
    }


def _print(result: dict, hits: list[Entry]) -> None:
    """The entries, then the glossary's: the term the query names (if any) first, then the
    other entries that hold the query, in the lookup screen's order."""
    import sys

    hsk = f"  HSK {result['hsk']}" if result["hsk"] else ""
    for number, entry in enumerate(result["entries"]):
        print(
            f"{entry['traditional']}  {entry['simplified']}  {entry['pinyin']}"
            f"{hsk if number == 0 else ''}"
        )
        for definition in entry["definitions"]:
            print(f"  {definition}")
    from tui.core.glossary.entries import entry_data

    term = result["glossary"]
    named = [term["id"]] if term else []
    shown = [term] if term else []
    shown += [entry_data(hit) for hit in hits if hit.id not in named]
    for entry in shown:
        print(
            f"glossary: {entry['hant']}  {entry['hans']}  {entry['pinyin'] or '-'}  {entry['en']}"
        )
        print(f"  {entry['definition']}")
    if not result["entries"] and not shown:
        print(f"zhread: nothing found for {result['query']!r}", file=sys.stderr)
