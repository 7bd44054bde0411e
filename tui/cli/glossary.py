"""``zhread glossary``: list the merged glossary, check a file, show where yours lives."""

from __future__ import annotations

import argparse
import sys

from tui.cli.options import (
    add_glossary_option,
    command_parser,
    layered_glossary,
    write_json,
)
from tui.core.plurals import plural

SUMMARY = "list the glossary, check a glossary file, show where yours lives"


def parser() -> argparse.ArgumentParser:
    built = command_parser(
        "zhread glossary",
        "Work with glossaries: the built-in one, yours, and --glossary files.",
        "examples:\n  zhread glossary list\n  zhread glossary list --json | jq "
        "'.[].id'\n  zhread glossary check my-glossary.yaml\n"
        '  zhread glossary check --audit\n  $EDITOR "$(zhread '
        'glossary path)"',
    )
    sub = built.add_subparsers(dest="action", required=True, metavar="ACTION")
    check = sub.add_parser("check", help="validate a glossary file (default: the built-in one)")
    check.add_argument(
        "file", nargs="?", help="glossary YAML; it may refer (see_also) to built-in ids"
    )
    check.add_argument(
        "--audit",
        action="store_true",
        help="also compare every entry with OpenCC and CC-CEDICT (scripts, regional words, "
        "readings, shared spellings) and list every problem; exit 1 if any",
    )
    listing = sub.add_parser("list", help="print every entry of the merged glossary")
    listing.add_argument("--json", action="store_true", help="a JSON list of entries")
    add_glossary_option(listing)
    sub.add_parser(
        "path", help="print where your own glossary is read from (it need not exist yet)"
    )
    return built


def run(args: argparse.Namespace) -> int:
    return {"check": _check, "list": _list, "path": _path}[args.action](args)


def _check(args: argparse.Namespace) -> int:
    from tui.core.glossary.layers import builtin_glossary
    from tui.core.glossary.loader import load_glossary

    builtin = builtin_glossary()
    glossary = load_glossary(args.file, known_ids=builtin.entries) if args.file else builtin
    name = args.file or "built-in glossary"
    if args.audit:
        from tui.core.glossary.audit import audit

        entries = list(glossary.entries.values())
        if args.file:  # a spelling it shares with the built-in glossary is a problem too
            entries = [e for e in builtin.entries.values() if e.id not in glossary] + entries
        problems = [p for p in audit(entries) if p.entry_id in glossary]
        for problem in problems:
            print(problem)
        if problems:
            print(f"{name}: {plural(len(problems), 'problem')}", file=sys.stderr)
            return 1
    print(f"{name}: {plural(len(glossary.entries), 'entry')}, ok")
    return 0


def _list(args: argparse.Namespace) -> int:
    from tui.core.glossary.entries import entry_data

    glossary = layered_glossary(args.glossary)
    if args.json:
        write_json([entry_data(entry) for entry in glossary.entries.values()])
        return 0
    for entry in glossary.entries.values():
        print(f"{entry.id}  {entry.hant}  {entry.hans}  {entry.pinyin or '-'}  {entry.en}")
    return 0


def _path(args: argparse.Namespace) -> int:
    from tui.core.glossary.layers import user_glossary_path

    print(user_glossary_path())
    return 0
