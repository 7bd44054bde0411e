"""``zhread [FILE|-]``: open the reader."""

from __future__ import annotations

import argparse
import sys

from tui import __version__
from tui.cli.options import add_glossary_option, add_input_options, load, reattach_keyboard

EXAMPLES = """\
glossaries: the built-in one, then yours (`zhread glossary path`), then each --glossary
FILE in order; a later entry replaces an earlier one with the same id.

examples:
  zhread                         open the sample article
  zhread story.txt               open a file (encoding detected: UTF-8/16, GB18030, Big5)
  zhread --encoding big5 a.txt   force an encoding
  cat story.txt | zhread -       read standard input
  zhread story.txt --glossary team.yaml --glossary mine.yaml
  zhread segment story.txt --json
  zhread convert story.txt --config s2twp
  zhread gloss story.txt --md > story-terms.md
  zhread glossary list --json
  zhread glossary check my-glossary.yaml
  zhread lookup 銀行
  zhread lookup nihao --json
  zhread export -o words.apkg
"""


def parser(commands: str = "") -> argparse.ArgumentParser:
    built = argparse.ArgumentParser(
        prog="zhread",
        description="A terminal reader for Chinese text with word-level navigation, an inline "
        "glossary and Traditional/Simplified conversion.",
        epilog=(f"commands (run `zhread COMMAND --help` for each):\n{commands}\n\n"
                if commands else "") + EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    built.add_argument("--version", action="version", version=f"zhread {__version__}")
    built.add_argument("file", nargs="?", help="text file to read, or - for standard input "
                       "(default: the sample article)")
    add_input_options(built, file_arg=False)
    add_glossary_option(built)
    return built


def run(args: argparse.Namespace) -> int:
    """Open the reader. Files named with --glossary are checked before the screen opens
    (the user just asked for them); otherwise the glossary loads after the first frame."""
    loaded = load(args.file, args.encoding)
    glossary = None
    if args.glossary:
        from tui.core.layers import load_for_reader

        glossary, warning = load_for_reader(args.glossary)
        if warning:
            print(f"zhread: {warning}", file=sys.stderr)
    if args.file == "-":
        reattach_keyboard()
    from tui.app import ZhreadApp

    # the app re-reads the layers (with these files) after the user adds a term
    app = ZhreadApp(loaded.text, loaded.source, glossary, glossary_files=args.glossary)
    app.run()
    if app.fatal:
        print(f"zhread: {app.fatal}", file=sys.stderr)
    return app.return_code or 0
