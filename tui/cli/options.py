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
            help="a document (text, Markdown, HTML, EPUB), an http(s):// address, or - "
            "for standard input (the default when input is piped; otherwise the sample "
            "article)",
        )
    parser.add_argument(
        "--encoding", metavar="NAME", help="decode with this encoding instead of detecting it"
    )
    parser.add_argument(
        "--timeout",
        metavar="SECONDS",
        type=_seconds,
        default=None,
        help="give up fetching a web page after this long (default: 20)",
    )


def _seconds(value: str) -> float:
    try:
        seconds = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of seconds: {value!r}") from None
    if not 0 < seconds < 3600:
        raise argparse.ArgumentTypeError(f"not between 0 and 3600 seconds: {value!r}")
    return seconds


def load(
    file: str | None,
    encoding: str | None,
    *,
    timeout: float | None = None,
    keep: bool = False,
) -> Loaded:
    """A document of any supported format (text, Markdown, HTML, EPUB; standard input is
    sniffed; a web page fetched), as the text the reader shows: offsets everywhere count in
    that text. A kept page's file shows its address as its source."""
    from dataclasses import replace

    from tui.core.glossary.bundled import sample_path
    from tui.core.text import sources
    from tui.core.text.fetch import is_url

    if file == "-":
        return sources.load_stdin_source(encoding=encoding)
    if is_url(file):
        return _load_url(file, encoding, timeout, keep)
    from tui.store.fetched import source_for

    path = file if file else sample_path()
    loaded = sources.load_source(path, encoding=encoding)
    source = source_for(path)
    return loaded if source == loaded.source else replace(loaded, source=source)


def _load_url(url: str, encoding: str | None, timeout: float | None, keep: bool) -> Loaded:
    """Fetch and read a page; with ``keep``, also write it to the kept pages and say where."""
    from tui.core.text.fetch import DEFAULT_TIMEOUT, load_url

    loaded, fetched = load_url(url, timeout=timeout or DEFAULT_TIMEOUT, encoding=encoding)
    if keep:
        from tui.store.fetched import keep as keep_page

        page = keep_page(
            loaded.text,
            loaded.source,
            fetched.fetched_at,
            title=loaded.title,
            encoding=loaded.encoding,
        )
        print(f"zhread: kept the page in {page.path}", file=sys.stderr)
    return loaded


def layered_glossary(extra: Sequence[str]) -> Glossary:
    from tui.core.glossary.layers import load_layers

    return load_layers(extra)


def annotated(args: argparse.Namespace) -> Annotation:
    """The input as the reader annotates it: cut into words with the layered glossary,
    whose terms stay whole, as it applies to this text (with the notes written about it;
    no terms without Chinese), with the terms it uses and the ones it explains."""
    from tui.core.pipeline import read
    from tui.core.words.segment import provisional

    loaded = load(args.file, args.encoding, timeout=getattr(args, "timeout", None))
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
