"""The ``zhread`` command: the reader by default, and subcommands that never load the TUI.

Subcommands import only ``tui.core`` so that they start fast and run where no terminal is
attached; the Textual app is imported only when the reader is actually opened.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence

from tui import __version__
from tui.core.errors import ZhreadError

EXAMPLES = """\
commands (run `zhread COMMAND --help` for each):
  segment    print the text cut into words
  convert    print the text converted by an OpenCC config
  glossary   check a glossary file

examples:
  zhread                         open the sample article
  zhread story.txt               open a file (encoding detected: UTF-8/16, GB18030, Big5)
  zhread --encoding big5 a.txt   force an encoding
  cat story.txt | zhread -       read standard input
  zhread segment story.txt --json
  zhread convert story.txt --config s2twp
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
    parser.add_argument("--glossary", metavar="FILE", help="glossary YAML to use instead of "
                        "the built-in one")
    return parser


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


def _glossary(path: str | None):  # -> Glossary
    from tui.core.glossary import builtin_glossary_path, load_glossary

    return load_glossary(path or builtin_glossary_path())


def _read(argv: list[str]) -> int:
    args = _reader_parser().parse_args(argv)
    loaded = _load(args.file, args.encoding)
    glossary = _glossary(args.glossary)
    if args.file == "-":
        _reattach_keyboard()
    from tui.app import ZhreadApp

    ZhreadApp(loaded.text, loaded.source, glossary).run()
    return 0


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
    parser.add_argument("--glossary", metavar="FILE", help="glossary YAML (terms stay whole)")
    args = parser.parse_args(argv)
    from tui.core.segment import JiebaSplitter, segment
    from tui.core.userdirs import cache_dir

    loaded = _load(args.file, args.encoding)
    glossary = _glossary(args.glossary)
    splitter = JiebaSplitter(glossary.han_forms(), cache_dir())
    document = segment(loaded.text, glossary, splitter, loaded.source)
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
        description="Work with glossary files.",
        epilog="example:\n  zhread glossary check my-glossary.yaml",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    sub = parser.add_subparsers(dest="action", required=True)
    check = sub.add_parser("check", help="validate a glossary file (default: the built-in one)")
    check.add_argument("file", nargs="?", help="glossary YAML")
    args = parser.parse_args(argv)
    glossary = _glossary(args.file)
    print(f"{args.file or 'built-in glossary'}: {len(glossary.entries)} entries, ok")
    return 0


COMMANDS: dict[str, Callable[[list[str]], int]] = {
    "segment": _segment,
    "convert": _convert,
    "glossary": _glossary_command,
}
