"""``zhread skim``: who is in a story, what they said, what it is about, how long it is."""

from __future__ import annotations

import argparse
import sys

from tui.cli.options import (
    add_glossary_option,
    add_input_options,
    annotated,
    command_parser,
    open_dictionary,
    write_json,
)

SUMMARY = "a reporter's skim: people, organisations, places, quotes, keywords, outline"


def parser() -> argparse.ArgumentParser:
    built = command_parser(
        "zhread skim",
        "Skim a story: the people, organisations and places it names (with their\n"
        "English names and roles where the text or the glossary gives them), every\n"
        "direct quote and who said it, its keywords, the first sentence of each\n"
        "paragraph, and its length, reading time and HSK level.",
        "examples:\n  zhread skim story.txt\n  zhread skim story.txt --md > story-skim.md\n"
        "  zhread skim story.txt --json | jq '.quotes[] | [.speaker, .text]'\n"
        "  cat story.txt | zhread skim -",
    )
    add_input_options(built)
    style = built.add_mutually_exclusive_group()
    style.add_argument(
        "--json",
        action="store_true",
        help="the report as JSON: people, "
        "organisations, places, quotes, keywords, outline, stats, with offsets "
        "into the decoded text",
    )
    style.add_argument("--md", action="store_true", help="a Markdown report")
    add_glossary_option(built)
    return built


def run(args: argparse.Namespace) -> int:
    from tui.core.analysis.skim import as_json, as_markdown, as_text, skim

    annotation = annotated(args)
    document = annotation.document
    report = skim(
        document, annotation.glossary, region=annotation.region, dictionary=open_dictionary()
    )
    if args.json:
        write_json(as_json(report))
    elif args.md:
        source = "standard input" if document.source == "<stdin>" else document.source
        sys.stdout.write(as_markdown(report, title=document.title, source=source))
    else:
        sys.stdout.write(as_text(report))
    return 0
