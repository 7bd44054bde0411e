"""``zhread gloss``: the glossary terms a text uses, and the ones it explains itself."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from tui.cli.options import (
    add_glossary_option,
    add_input_options,
    annotated,
    command_parser,
    write_json,
)

if TYPE_CHECKING:
    from tui.core.glossary.candidates import Candidate
    from tui.core.glossary.gloss_report import TermUse

SUMMARY = "list the glossary terms in a text, and the terms it explains in English"


def parser() -> argparse.ArgumentParser:
    built = command_parser(
        "zhread gloss",
        "List the glossary terms a text uses, in order of first appearance, then\n"
        "the terms the text itself explains in English, such as 漢娜·多門(Hanna Dohmen):\n"
        "candidates for your glossary. Plain output is one line per term: the forms\n"
        "the text writes it in, the glossary's other forms, pinyin, English, ×count.",
        "examples:\n  zhread gloss story.txt\n  zhread gloss story.txt --md > "
        "story-terms.md\n  zhread gloss story.txt --json | jq '.terms[] | [.hant, .count]'",
    )
    add_input_options(built)
    style = built.add_mutually_exclusive_group()
    style.add_argument(
        "--json",
        action="store_true",
        help="terms and candidates as JSON, with offsets into the decoded text",
    )
    style.add_argument("--md", action="store_true", help="a Markdown study sheet")
    add_glossary_option(built)
    return built


def run(args: argparse.Namespace) -> int:
    from tui.core.glossary.gloss_report import as_json, as_markdown

    annotation = annotated(args)
    document, terms, candidates = annotation.document, annotation.uses, annotation.candidates
    if args.json:
        write_json(as_json(terms, candidates))
    elif args.md:
        source = "standard input" if document.source == "<stdin>" else document.source
        sys.stdout.write(as_markdown(terms, candidates, title=document.title, source=source))
    else:
        _print(terms, candidates)
    return 0


def _print(terms: list[TermUse], candidates: list[Candidate]) -> None:
    for use in terms:
        written, others = "/".join(use.written), "/".join(use.other_forms) or "-"
        print(f"{written}  {others}  {use.reading or '-'}  {use.entry.en}  ×{use.count}")
    if candidates:
        print(("\n" if terms else "") + "candidates (explained in the text, acronyms, repeated):")
    for candidate in candidates:
        known = f"  (in glossary: {candidate.known_id})" if candidate.known_id else ""
        english = candidate.english or "-"
        print(
            f"{candidate.term}  {english}  ×{candidate.count}  {candidate.kind.value}  "
            f"…{candidate.context}…{known}"
        )
