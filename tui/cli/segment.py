"""``zhread segment``: the text cut into words."""

from __future__ import annotations

import argparse
import sys

from tui.cli.options import (
    add_glossary_option, add_input_options, command_parser, segmented, write_json,
)

SUMMARY = "print the text cut into words"


def parser() -> argparse.ArgumentParser:
    built = command_parser(
        "zhread segment",
        "Cut a text into words: one output line per input line, words separated by one\n"
        "space. With --json, every token with offsets into the decoded text.",
        "examples:\n  zhread segment story.txt\n  zhread segment story.txt --json | jq "
        "'.tokens[0]'\n  curl -s URL | zhread segment -",
    )
    add_input_options(built)
    built.add_argument("--json", action="store_true", help="print tokens as JSON")
    add_glossary_option(built)
    return built


def run(args: argparse.Namespace) -> int:
    document, _ = segmented(args)
    if args.json:
        write_json({"tokens": [
            {"text": t.text, "start": t.start, "end": t.end, "kind": t.kind.value, "term": t.term}
            for t in document.tokens
        ]})
        return 0
    for paragraph in document.paragraphs:
        words = [t.text for t in document.paragraph_tokens(paragraph) if not t.text.isspace()]
        sys.stdout.write(" ".join(words) + "\n")
    return 0
