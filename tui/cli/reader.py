"""``zhread [FILE|-|FOLDER ...]``: open the reader, or the library for several documents."""

from __future__ import annotations

import argparse
import atexit
import os
import sys
import threading
import time
from pathlib import Path
from typing import TYPE_CHECKING

from tui import __version__
from tui.cli.options import (
    add_glossary_option,
    add_input_options,
    load,
    reattach_keyboard,
)
from tui.core.errors import ZhreadError

if TYPE_CHECKING:  # the app and the glossary load only when the reader opens
    from tui.app import ZhreadApp
    from tui.core.glossary.entries import Glossary

EXAMPLES = """\
glossaries: the built-in one, then yours (`zhread glossary path`), then each --glossary
FILE in order; a later entry replaces an earlier one with the same id.

examples:
  zhread                         open the sample article
  zhread story.txt               open a file (encoding detected: UTF-8/16, GB18030, Big5)
  zhread --encoding big5 a.txt   force an encoding
  cat story.txt | zhread -       read standard input (text or an HTML page)
  zhread page.html book.epub notes.md   a web page's article, a book, Markdown
  zhread ~/articles/             the library: every document in the folder
  zhread https://example.com/a.html --keep   a web page, kept to reopen offline
  zhread story.txt --glossary team.yaml --glossary mine.yaml
  zhread segment story.txt --json
  zhread convert story.txt --config s2twp
  zhread gloss story.txt --md > story-terms.md
  zhread glossary list --json
  zhread glossary check my-glossary.yaml
  zhread lookup 銀行
  zhread lookup nihao --json
  zhread export -o words.apkg
  zhread config init             a commented config file: theme, settings, [keymap]
  zhread completion bash > ~/.local/share/bash-completion/completions/zhread
"""


def parser(commands: str = "") -> argparse.ArgumentParser:
    built = argparse.ArgumentParser(
        prog="zhread",
        description="A terminal reader for Chinese text with word-level navigation, an inline "
        "glossary and Traditional/Simplified conversion.",
        epilog=(
            f"commands (run `zhread COMMAND --help` for each):\n{commands}\n\n" if commands else ""
        )
        + EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    built.add_argument("--version", action="version", version=f"zhread {__version__}")
    built.add_argument(
        "file",
        nargs="*",
        help="a document to read (text, Markdown, HTML, "
        "EPUB), an http(s):// address, or - for standard input; several, or a folder, "
        "open the library (default: the sample article)",
    )
    add_input_options(built, file_arg=False)
    built.add_argument(
        "--keep",
        action="store_true",
        help="also keep a fetched web page in zhread's data directory, to open it "
        "later without the network",
    )
    add_glossary_option(built)
    return built


def run(args: argparse.Namespace) -> int:
    """Open the reader. Files named with --glossary are checked before the screen opens
    (the user just asked for them); otherwise the glossary loads after the first frame."""
    files: list[str] = list(args.file or [])
    if len(files) > 1 or (files and files[0] != "-" and Path(files[0]).is_dir()):
        return _run_library(args, files)
    file = files[0] if files else None
    loaded = load(file, args.encoding, timeout=args.timeout, keep=args.keep)
    glossary = _named_glossary(args)
    if file == "-":
        reattach_keyboard()
    from tui.app import ZhreadApp
    from tui.store.positions import recalled

    offset, note = recalled(loaded.text, loaded.source)
    # the app re-reads the layers (with these files) after the user adds a term
    app = ZhreadApp(
        loaded.text, loaded.source, glossary, glossary_files=args.glossary, offset=offset
    )
    if note:
        app.note_on_start(note)
    return _run(app)


def _run_library(args: argparse.Namespace, files: list[str]) -> int:
    """Several documents, or a folder: the library opens first, and the reader behind it
    starts on a placeholder until a document is chosen."""
    from tui.core.text.fetch import is_url
    from tui.core.text.sources import SUFFIXES
    from tui.store.library import expand_paths

    for file in files:
        if is_url(file):
            raise ZhreadError("a web address opens on its own, not in the library", file)
    paths = expand_paths(files)
    if not paths:
        raise ZhreadError(
            f"a directory without documents to read (looked for {' '.join(sorted(SUFFIXES))})",
            files[0],
        )
    glossary = _named_glossary(args)
    from tui.app import ZhreadApp
    from tui.reader.library import LIBRARY_PLACEHOLDER, LIBRARY_SOURCE

    app = ZhreadApp(LIBRARY_PLACEHOLDER, LIBRARY_SOURCE, glossary, glossary_files=args.glossary)
    app.use_library(paths, args.encoding)
    return _run(app)


def _named_glossary(args: argparse.Namespace) -> Glossary | None:
    glossary = None
    if args.glossary:
        from tui.core.glossary.layers import load_for_reader

        glossary, warning = load_for_reader(args.glossary)
        if warning:
            print(f"zhread: {warning}", file=sys.stderr)
    return glossary


def _run(app: ZhreadApp) -> int:
    app.run()
    if app.fatal:
        print(f"zhread: {app.fatal}", file=sys.stderr)
    code = app.return_code or 0
    _leave_if_working(code)
    return code


#: Seconds the workers, told to stop as the app closed, get to finish what they clean up.
_GRACE = 0.5


def _leave_if_working(code: int) -> None:
    """End the process here while a worker is still busy (segmenting, loading a table,
    writing a cache): a thread inside a library's native code (OpenCC, SQLite, libyaml,
    jieba-rs) while the interpreter tears itself down can crash it on the way out. The exit
    handlers still run (they end a builder's process and remove its files), and the user's
    own files were written as the app closed, on its own thread; a cache a worker leaves
    half-written is only rebuilt."""
    deadline = time.monotonic() + _GRACE  # a cancelled worker cleans up after itself
    for thread in threading.enumerate():
        if thread.daemon and thread.is_alive():
            thread.join(max(deadline - time.monotonic(), 0))
    if any(t.daemon and t.is_alive() for t in threading.enumerate()):
        atexit._run_exitfuncs()
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)
