"""The ``zhread`` command: the reader by default, and subcommands that never load the TUI.

Subcommands import only ``tui.core`` so that they start fast and run where no terminal is
attached; the Textual app is imported only when the reader is actually opened.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from tui import __version__
from tui.core.errors import ZhreadError

if TYPE_CHECKING:  # only for annotations: subcommands import what they use when they run
    from tui.core.candidates import Candidate
    from tui.core.document import Document
    from tui.core.gloss_report import TermUse
    from tui.core.glossary import Glossary

EXAMPLES = """\
commands (run `zhread COMMAND --help` for each):
  segment    print the text cut into words
  convert    print the text converted by an OpenCC config
  gloss      list the glossary terms in a text, and the terms it explains in English
  glossary   list the glossary, check a glossary file, show where yours lives

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
"""


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point; returns the exit code (2 for any problem with the input)."""
    args = list(sys.argv[1:] if argv is None else argv)
    try:
        if args and args[0] in COMMANDS:
            return COMMANDS[args[0]](args[1:])
        return _read(args)
    except ZhreadError as error:
        print(f"zhread: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        sys.stderr.close()  # the reader of our output went away (e.g. `| head`); not an error
        return 0


def _reader_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="zhread",
        description="A terminal reader for Chinese text with word-level navigation, an inline "
        "glossary and Traditional/Simplified conversion.",
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"zhread {__version__}")
    parser.add_argument("file", nargs="?", help="text file to read, or - for standard input "
                        "(default: the sample article)")
    _add_input_options(parser, file_arg=False)
    _add_glossary_option(parser)
    return parser


def _add_glossary_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--glossary", metavar="FILE", action="append", default=[],
                        help="another glossary YAML on top of the built-in one and yours "
                        "(repeatable; later files override earlier ones by id)")


def _add_input_options(parser: argparse.ArgumentParser, file_arg: bool = True) -> None:
    if file_arg:
        parser.add_argument("file", nargs="?", default=None if sys.stdin.isatty() else "-",
                            help="text file, or - for standard input (the default when input "
                            "is piped; otherwise the sample article)")
    parser.add_argument("--encoding", metavar="NAME",
                        help="decode with this encoding instead of detecting it")


def _load(file: str | None, encoding: str | None):  # -> Loaded
    from tui.core import loading
    from tui.core.bundled import sample_path

    if file == "-":
        return loading.load_stdin(encoding=encoding)
    return loading.load_path(file if file else sample_path(), encoding=encoding)


def _glossary(extra: Sequence[str]) -> Glossary:
    from tui.core.layers import load_layers

    return load_layers(extra)


def _read(argv: list[str]) -> int:
    """Open the reader. Files named with --glossary are checked before the screen opens
    (the user just asked for them); otherwise the glossary loads after the first frame."""
    args = _reader_parser().parse_args(argv)
    loaded = _load(args.file, args.encoding)
    glossary = None
    if args.glossary:
        from tui.core.layers import load_for_reader

        glossary, warning = load_for_reader(args.glossary)
        if warning:
            print(f"zhread: {warning}", file=sys.stderr)
    if args.file == "-":
        _reattach_keyboard()
    from tui.app import ZhreadApp

    # the app re-reads the layers (with these files) after the user adds a term
    app = ZhreadApp(loaded.text, loaded.source, glossary, glossary_files=args.glossary)
    app.run()
    if app.fatal:
        print(f"zhread: {app.fatal}", file=sys.stderr)
    return app.return_code or 0


def _reattach_keyboard() -> None:
    """After reading the document from a pipe, take keys from the terminal instead."""
    import os

    try:
        tty = os.open("/dev/tty", os.O_RDONLY)
    except OSError as error:
        raise ZhreadError("no terminal to read keys from after reading standard input") from error
    os.dup2(tty, 0)
    os.close(tty)
    sys.stdin = open(0, closefd=False)  # noqa: SIM115 - fd 0 lives as long as the process


def _segment(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="zhread segment",
        description="Cut a text into words: one output line per input line, words separated "
        "by one space. With --json, every token with offsets into the decoded text.",
        epilog="example:\n  zhread segment story.txt --json | jq '.tokens[0]'",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    _add_input_options(parser)
    parser.add_argument("--json", action="store_true", help="print tokens as JSON")
    _add_glossary_option(parser)
    args = parser.parse_args(argv)
    document, _ = _segmented(args)
    if args.json:
        tokens = [
            {"text": t.text, "start": t.start, "end": t.end, "kind": t.kind.value, "term": t.term}
            for t in document.tokens
        ]
        json.dump({"tokens": tokens}, sys.stdout, ensure_ascii=False)
        sys.stdout.write("\n")
        return 0
    for paragraph in document.paragraphs:
        words = [t.text for t in document.paragraph_tokens(paragraph) if not t.text.isspace()]
        sys.stdout.write(" ".join(words) + "\n")
    return 0


def _segmented(args: argparse.Namespace) -> tuple[Document, Glossary]:
    """The input cut into words with the layered glossary, whose terms stay whole."""
    from tui.core.segment import JiebaSplitter, segment
    from tui.core.userdirs import cache_dir

    loaded = _load(args.file, args.encoding)
    glossary = _glossary(args.glossary)
    splitter = JiebaSplitter(glossary.han_forms(), cache_dir())
    return segment(loaded.text, glossary, splitter, loaded.source), glossary


def _gloss(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="zhread gloss",
        description="List the glossary terms a text uses, in order of first appearance, then\n"
        "the terms the text itself explains in English, such as 漢娜·多門(Hanna Dohmen):\n"
        "candidates for your glossary. Plain output is one line per term: Traditional,\n"
        "Simplified, pinyin, English, ×count.",
        epilog="examples:\n  zhread gloss story.txt\n  zhread gloss story.txt --md > "
        "story-terms.md\n  zhread gloss story.txt --json | jq '.terms[] | [.hant, .count]'",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    _add_input_options(parser)
    style = parser.add_mutually_exclusive_group()
    style.add_argument("--json", action="store_true", help="terms and candidates as JSON, "
                       "with offsets into the decoded text")
    style.add_argument("--md", action="store_true", help="a Markdown study sheet")
    _add_glossary_option(parser)
    args = parser.parse_args(argv)
    from tui.core.candidates import find_candidates
    from tui.core.gloss_report import as_json, as_markdown, terms_found

    document, glossary = _segmented(args)
    terms, candidates = terms_found(document, glossary), find_candidates(document, glossary)
    if args.json:
        json.dump(as_json(terms, candidates), sys.stdout, ensure_ascii=False)
        sys.stdout.write("\n")
    elif args.md:
        source = "standard input" if document.source == "<stdin>" else document.source
        sys.stdout.write(as_markdown(terms, candidates, title=document.title, source=source))
    else:
        _print_gloss(terms, candidates)
    return 0


def _print_gloss(terms: list[TermUse], candidates: list[Candidate]) -> None:
    for use in terms:
        entry = use.entry
        print(f"{entry.hant}  {entry.hans}  {entry.pinyin or '-'}  {entry.en}  ×{use.count}")
    if candidates:
        print(("\n" if terms else "") + "explained in the text:")
    for candidate in candidates:
        known = f"  (in glossary: {candidate.known_id})" if candidate.known_id else ""
        print(f"{candidate.term}  {candidate.english}  ×{candidate.count}{known}")


def _convert(argv: list[str]) -> int:
    from tui.core.convert import CONFIGS, convert

    parser = argparse.ArgumentParser(
        prog="zhread convert",
        description="Convert a text between Chinese scripts with an OpenCC config.",
        epilog="configs: " + ", ".join(CONFIGS) + "\n\nexample:\n  zhread convert story.txt "
        "--config tw2sp",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    _add_input_options(parser)
    parser.add_argument("--config", required=True, metavar="NAME", help="OpenCC config name")
    args = parser.parse_args(argv)
    convert("", args.config)  # an unknown config fails before any input is read
    loaded = _load(args.file, args.encoding)
    sys.stdout.write(convert(loaded.text, args.config))
    return 0


def _glossary_command(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="zhread glossary",
        description="Work with glossaries: the built-in one, yours, and --glossary files.",
        epilog="examples:\n  zhread glossary list\n  zhread glossary list --json | jq "
        "'.[].id'\n  zhread glossary check my-glossary.yaml\n  $EDITOR \"$(zhread "
        "glossary path)\"",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    sub = parser.add_subparsers(dest="action", required=True)
    check = sub.add_parser("check", help="validate a glossary file (default: the built-in one)")
    check.add_argument("file", nargs="?", help="glossary YAML; it may refer (see_also) to "
                       "built-in ids")
    listing = sub.add_parser("list", help="print every entry of the merged glossary")
    listing.add_argument("--json", action="store_true", help="a JSON list of entries")
    _add_glossary_option(listing)
    sub.add_parser("path", help="print where your own glossary is read from (it need not "
                   "exist yet)")
    args = parser.parse_args(argv)
    return {"check": _glossary_check, "list": _glossary_list, "path": _glossary_path}[
        args.action
    ](args)


def _glossary_check(args: argparse.Namespace) -> int:
    from tui.core.glossary import load_glossary
    from tui.core.layers import builtin_glossary

    builtin = builtin_glossary()
    glossary = load_glossary(args.file, known_ids=builtin.entries) if args.file else builtin
    print(f"{args.file or 'built-in glossary'}: {len(glossary.entries)} entries, ok")
    return 0


def _glossary_list(args: argparse.Namespace) -> int:
    glossary = _glossary(args.glossary)
    if args.json:
        entries = [entry.model_dump(mode="json") for entry in glossary.entries.values()]
        json.dump(entries, sys.stdout, ensure_ascii=False)
        sys.stdout.write("\n")
        return 0
    for entry in glossary.entries.values():
        print(f"{entry.id}  {entry.hant}  {entry.hans}  {entry.pinyin or '-'}  {entry.en}")
    return 0


def _glossary_path(args: argparse.Namespace) -> int:
    from tui.core.layers import user_glossary_path

    print(user_glossary_path())
    return 0


COMMANDS: dict[str, Callable[[list[str]], int]] = {
    "segment": _segment,
    "convert": _convert,
    "gloss": _gloss,
    "glossary": _glossary_command,
}
