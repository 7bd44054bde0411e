"""``zhread glossary``: list the merged glossary, check a file, show where yours lives."""

from __future__ import annotations

import argparse

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
        "'.[].id'\n  zhread glossary check my-glossary.yaml\n  $EDITOR \"$(zhread "
        'glossary path)"',
    )
    sub = built.add_subparsers(dest="action", required=True, metavar="ACTION")
    check = sub.add_parser("check", help="validate a glossary file (default: the built-in one)")
    check.add_argument(
        "file", nargs="?", help="glossary YAML; it may refer (see_also) to built-in ids"
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
    print(f"{args.file or 'built-in glossary'}: {plural(len(glossary.entries), 'entry')}, ok")
    return 0


def _list(args: argparse.Namespace) -> int:
    glossary = layered_glossary(args.glossary)
    if args.json:
        write_json([entry.model_dump(mode="json") for entry in glossary.entries.values()])
        return 0
    for entry in glossary.entries.values():
        print(f"{entry.id}  {entry.hant}  {entry.hans}  {entry.pinyin or '-'}  {entry.en}")
    return 0


def _path(args: argparse.Namespace) -> int:
    from tui.core.glossary.layers import user_glossary_path

    print(user_glossary_path())
    return 0
