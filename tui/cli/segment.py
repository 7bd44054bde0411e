"""``zhread segment``: the text cut into words."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable

from tui.cli.options import (
    add_glossary_option,
    add_input_options,
    annotated,
    command_parser,
    write_json,
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
    document = annotated(args).document
    text = document.text
    if args.json:
        write_json(
            {
                "tokens": [
                    {
                        "text": text[start:end],
                        "start": start,
                        "end": end,
                        "kind": kind.value,
                        "term": term,
                    }
                    for start, end, kind, term in document.spans()
                ]
            }
        )
        return 0
    write_lines(text[start:end] for start, end, _, _ in document.spans())
    return 0


def write_lines(words: Iterable[str]) -> None:
    """One output line per input line, each ended by a newline: the last line of a text
    that ends with a newline is that newline's line, not an empty one after it.

    ``words`` are the text's tokens in order, each newline a token of its own; tokens that
    are only whitespace are dropped, so words are separated by exactly one space.
    """
    line: list[str] = []
    open_line = False  # whether anything followed the last newline
    for word in words:  # spans, not Token objects: a novel has millions of words
        if word == "\n":
            sys.stdout.write(" ".join(line) + "\n")
            line, open_line = [], False
        else:
            open_line = True
            if not word.isspace():
                line.append(word)
    if open_line:
        sys.stdout.write(" ".join(line) + "\n")
