"""``zhread export``: the word list as an Anki deck, TSV or CSV."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from tui.cli.options import command_parser
from tui.core.errors import ZhreadError
from tui.core.plurals import plural

if TYPE_CHECKING:
    from tui.store.export import NoteKind

SUMMARY = "write your word list as an Anki deck, TSV or CSV"

#: Kept here as well as in tui.store.export so that building the parser (for --help and
#: shell completion) imports nothing from the store.
_NOTE_KINDS: tuple[NoteKind, ...] = ("basic", "cloze")
_TONES = ("pleco", "mdbg", "none")
_ORDERS = ("zhongwen", "pleco")


def parser() -> argparse.ArgumentParser:
    built = command_parser(
        "zhread export",
        "Write your word list to a file: an Anki deck (apkg) with a basic note per word\n"
        "(the word; its pinyin coloured by tone, definition, and sentence on the back) and a\n"
        "cloze note per word saved with a sentence (the word blanked out of it); importing a\n"
        "later export updates the same notes. TSV has no header, in the Zhongwen extension's\n"
        "column order (simplified, traditional, pinyin, definition, sentence) or in Pleco's\n"
        "flashcard import order (简体[繁體], pinyin with tone numbers, definition); CSV has a\n"
        "header. The format defaults to FILE's suffix.",
        "examples:\n  zhread export -o words.apkg\n  zhread export -o words.apkg --notes cloze "
        "--tones mdbg\n  zhread export --format tsv --order pleco -o pleco.txt\n"
        "  zhread export -o words.csv",
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
    built.add_argument(
        "--notes",
        type=_note_kinds,
        metavar="KINDS",
        help="Anki notes to make, comma-separated: basic, cloze (default: basic,cloze)",
    )
    built.add_argument(
        "--tones",
        choices=_TONES,
        help="tone colours of the pinyin on Anki cards (default: pleco)",
    )
    built.add_argument(
        "--order",
        choices=_ORDERS,
        help="columns of TSV and CSV: zhongwen or pleco (default: zhongwen)",
    )
    return built


def _note_kinds(text: str) -> tuple[str, ...]:
    kinds = tuple(dict.fromkeys(part.strip() for part in text.split(",") if part.strip()))
    unknown = [kind for kind in kinds if kind not in _NOTE_KINDS]
    if unknown or not kinds:
        shown = repr(unknown[0]) if unknown else "none"
        raise argparse.ArgumentTypeError(f"{shown}: choose basic, cloze or basic,cloze")
    return kinds


def _check_options(args: argparse.Namespace, kind: str) -> None:
    """An option that does nothing for this format is said, not silently ignored."""
    if kind == "apkg" and args.order is not None:
        raise ZhreadError("--order is for tsv and csv; an Anki deck has its own fields")
    if kind != "apkg":
        given = [f"--{name}" for name in ("notes", "tones") if getattr(args, name) is not None]
        if given:
            raise ZhreadError(f"{' and '.join(given)}: only for Anki decks (apkg), not {kind}")


def run(args: argparse.Namespace) -> int:
    import sys
    from pathlib import Path

    from tui.store.export import export, format_for
    from tui.store.wordlist import WordList

    output = Path(args.output)
    kind = format_for(output, args.format)  # a wrong format fails before anything is read
    _check_options(args, kind)
    with WordList.open() as words:
        if words.note:
            print(f"zhread: {words.note}", file=sys.stderr)
        entries = words.entries()
        where = words.path
    if not entries:
        raise ZhreadError(
            f"your word list is empty, so there is nothing to export (it is kept in {where})"
        )
    count = export(
        entries,
        kind,
        output,
        notes=args.notes or _NOTE_KINDS,
        tones=args.tones or "pleco",
        order=args.order or "zhongwen",
    )
    print(f"{plural(count, 'word')} written to {output} ({_described(kind, args)})")
    return 0


def _described(kind: str, args: argparse.Namespace) -> str:
    if kind == "apkg":
        return f"apkg: {' and '.join(args.notes or _NOTE_KINDS)} notes"
    return f"{kind}, {args.order or 'zhongwen'} order"
