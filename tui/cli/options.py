"""Options and loading shared by the reader and the subcommands."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from tui.core.errors import ZhreadError

if TYPE_CHECKING:  # only for annotations: commands import what they use when they run
    from tui.core.glossary.entries import Glossary
    from tui.core.pipeline import Annotation
    from tui.core.readings.dictionary import Dictionary
    from tui.core.text.loading import Loaded


def command_parser(prog: str, description: str, epilog: str) -> argparse.ArgumentParser:
    """A parser whose description and examples keep their line breaks."""
    return argparse.ArgumentParser(
        prog=prog,
        description=description,
        epilog=epilog,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )


def add_glossary_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--glossary",
        metavar="FILE",
        action="append",
        default=[],
        help="another glossary YAML on top of the built-in one and yours "
        "(repeatable; later files override earlier ones by id)",
    )


def add_input_options(parser: argparse.ArgumentParser, file_arg: bool = True) -> None:
    if file_arg:
        parser.add_argument(
            "file",
            nargs="?",
            default=None if sys.stdin.isatty() else "-",
            help="a document (text, Markdown, HTML, EPUB), or - for standard "
            "input (the default when input is piped; otherwise the sample "
            "article)",
        )
    parser.add_argument(
        "--encoding", metavar="NAME", help="decode with this encoding instead of detecting it"
    )


def load(file: str | None, encoding: str | None) -> Loaded:
    """A document of any supported format (text, Markdown, HTML, EPUB; standard input is
    sniffed), as the text the reader shows: offsets everywhere count in that text."""
    from tui.core.glossary.bundled import sample_path
    from tui.core.text import sources

    if file == "-":
        return sources.load_stdin_source(encoding=encoding)
    return sources.load_source(file if file else sample_path(), encoding=encoding)


def layered_glossary(extra: Sequence[str]) -> Glossary:
    from tui.core.glossary.layers import load_layers

    return load_layers(extra)


def annotated(args: argparse.Namespace) -> Annotation:
    """The input as the reader annotates it: cut into words with the layered glossary,
    whose terms stay whole, as it applies to this text (with the notes written about it;
    no terms without Chinese), with the terms it uses and the ones it explains."""
    from tui.core.pipeline import read
    from tui.core.words.segment import provisional

    loaded = load(args.file, args.encoding)
    glossary = layered_glossary(args.glossary)  # a broken layer stops a command
    annotation = read(provisional(loaded.text, loaded.source), (glossary, None))
    if annotation.cache_note:
        print(f"zhread: {annotation.cache_note}", file=sys.stderr)
    return annotation


def open_dictionary() -> Dictionary:
    """The dictionary, telling the user when the first run has to build its index."""
    from tui.core.readings.dictionary import Dictionary

    shown = False

    def progress(done: int, total: int) -> None:
        nonlocal shown
        if sys.stderr.isatty():
            end = "\n" if done >= total else ""
            print(
                f"\rzhread: building the dictionary index (first run only): "
                f"{100 * done // max(total, 1)}%",
                end=end,
                file=sys.stderr,
                flush=True,
            )
        elif not shown:
            print("zhread: building the dictionary index (first run only)", file=sys.stderr)
        shown = True

    dictionary = Dictionary.open(progress)
    if dictionary.note:
        print(f"zhread: {dictionary.note}", file=sys.stderr)
    return dictionary


def write_json(value: object) -> None:
    import json

    json.dump(value, sys.stdout, ensure_ascii=False)
    sys.stdout.write("\n")


def reattach_keyboard() -> None:
    """After reading the document from a pipe, take keys from the terminal instead."""
    import os

    try:
        tty = os.open("/dev/tty", os.O_RDONLY)
    except OSError as error:
        raise ZhreadError("no terminal to read keys from after reading standard input") from error
    os.dup2(tty, 0)
    os.close(tty)
    sys.stdin = open(0, closefd=False)  # noqa: SIM115 - fd 0 lives as long as the process
