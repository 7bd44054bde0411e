"""``zhread export``: the word list as an Anki deck, TSV or CSV."""

from __future__ import annotations

import argparse

from tui.cli.options import command_parser
from tui.core.errors import ZhreadError
from tui.core.plurals import plural

SUMMARY = "write your word list as an Anki deck, TSV or CSV"


def parser() -> argparse.ArgumentParser:
    built = command_parser(
        "zhread export",
        "Write your word list to a file: an Anki deck (apkg: fields Hanzi,\n"
        "Pinyin, Definition, Sentence; importing a later export updates the same notes),\n"
        "TSV in the Zhongwen extension's column order (simplified, traditional, pinyin,\n"
        "definition, sentence), or CSV with a header. The format defaults to FILE's suffix.",
        "examples:\n  zhread export -o words.apkg\n  zhread export --format tsv -o "
        "words.txt\n  zhread export -o words.csv",
    )
    built.add_argument(
        "--format",
        choices=("apkg", "tsv", "csv"),
        help="apkg, tsv or csv (default: from FILE's suffix)",
    )
    built.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        required=True,
        help="the file to write (replaced atomically if it exists)",
    )
    return built


def run(args: argparse.Namespace) -> int:
    import sys
    from pathlib import Path

    from tui.store.export import export, format_for
    from tui.store.wordlist import WordList

    output = Path(args.output)
    kind = format_for(output, args.format)  # a wrong format fails before anything is read
    with WordList.open() as words:
        if words.note:
            print(f"zhread: {words.note}", file=sys.stderr)
        entries = words.entries()
        where = words.path
    if not entries:
        raise ZhreadError(
            f"your word list is empty, so there is nothing to export (it is kept in {where})"
        )
    count = export(entries, kind, output)
    print(f"{plural(count, 'word')} written to {output} ({kind})")
    return 0
