"""The ``zhread`` command: the reader by default, and subcommands that never load the TUI.

Subcommands import only ``tui.core`` so that they start fast and run where no terminal is
attached; the Textual app is imported only when the reader is actually opened.
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING

from tui import __version__
from tui.core.errors import ZhreadError

if TYPE_CHECKING:  # only for annotations: subcommands import what they use when they run
    from tui.core.candidates import Candidate
    from tui.core.dictionary import DictEntry, Dictionary
    from tui.core.document import Document
    from tui.core.gloss_report import TermUse
    from tui.core.glossary import Entry, Glossary

EXAMPLES = """\
commands (run `zhread COMMAND --help` for each):
  segment    print the text cut into words
  convert    print the text converted by an OpenCC config
  gloss      list the glossary terms in a text, and the terms it explains in English
  glossary   list the glossary, check a glossary file, show where yours lives
  lookup     look a word up in CC-CEDICT (and the glossary), with its HSK level
  export     write your word list as an Anki deck, TSV or CSV

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
    from tui.core.convert import CONFIGS, TARGETS, convert

    parser = argparse.ArgumentParser(
        prog="zhread convert",
        description="Convert a text between Chinese scripts with OpenCC. The output is what "
        "OpenCC gives for the whole text, line ends kept; large inputs are read a line at a "
        "time.",
        epilog="configs: " + ", ".join(CONFIGS) + "\ntargets: hans (Simplified), hant "
        "(Traditional), tw (Taiwan), hk (Hong Kong); the source script is detected\n\n"
        "examples:\n  zhread convert story.txt --to hans\n  zhread convert story.txt --to tw "
        "--phrases    # 算法 -> 演算法 too\n  zhread convert story.txt --config tw2sp\n"
        "  curl -s URL | zhread convert - --to hant",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    _add_input_options(parser)
    how = parser.add_mutually_exclusive_group(required=True)
    how.add_argument("--config", metavar="NAME", help="an OpenCC config by name")
    how.add_argument("--to", choices=TARGETS, help="a target script; the source is detected")
    parser.add_argument("--phrases", action="store_true",
                        help="with --to: convert regional vocabulary as well (演算法 <-> 算法)")
    args = parser.parse_args(argv)
    if args.config:
        convert("", args.config)  # an unknown config fails before any input is read
    from tui.core.streaming import text_lines

    lines = text_lines(args.file, args.encoding)
    config = args.config
    if config is None:
        config, lines = _config_from_head(lines, args.to, args.phrases)
    binary = getattr(sys.stdout, "buffer", None)  # bytes as they are: no newline translation
    for block in _blocks(lines):
        converted = convert(block, config)
        if binary is None:
            sys.stdout.write(converted)
        else:
            binary.write(converted.encode("utf-8"))
    sys.stdout.flush()
    return 0


def _blocks(lines: Iterator[str], size: int = 1 << 18) -> Iterator[str]:
    """Whole lines joined into blocks of about ``size`` characters: one OpenCC call per block
    instead of per line (no OpenCC phrase spans a line break, so the output is the same)."""
    block: list[str] = []
    length = 0
    for line in lines:
        block.append(line)
        length += len(line)
        if length >= size:
            yield "".join(block)
            block, length = [], 0
    if block:
        yield "".join(block)


def _config_from_head(
    lines: Iterator[str], target: str, phrases: bool
) -> tuple[str, Iterator[str]]:
    """Detect the source script from the first lines, then hand all the lines on."""
    from tui.core.convert import config_for, detect_region, detect_script

    head: list[str] = []
    for line in lines:
        head.append(line)
        if sum(map(len, head)) > 20_000:
            break
    sample = "".join(head)
    script = detect_script(sample)
    config = config_for(target, script, phrases, detect_region(sample, script))
    return config, itertools.chain(head, lines)


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


def _lookup(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="zhread lookup",
        description="Look a word up in CC-CEDICT: every entry (each reading is one), the\n"
        "glossary entry if the word is a glossary term, and its HSK level. WORD may be\n"
        "Traditional or Simplified; if it is not a headword, it is searched for as hanzi,\n"
        "pinyin (nǐ hǎo, ni3hao3, nihao) or English. Exit status 1 when nothing is found.\n"
        "The first run builds the dictionary's index in the cache directory (seconds).",
        epilog="examples:\n  zhread lookup 行\n  zhread lookup 长期 --hsk 2021\n"
        "  zhread lookup 'ni3 hao3'\n  zhread lookup bank\n"
        "  zhread lookup 銀行 --json | jq '.entries[].pinyin'",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("word", help="a word in either script, pinyin, or English")
    parser.add_argument("--json", action="store_true", help='print {"query", "entries", '
                        '"glossary", "hsk"} as JSON')
    parser.add_argument("--hsk", default="2025", choices=("2025", "2021", "2.0"),
                        help="the HSK word list for the level (default: 2025)")
    _add_glossary_option(parser)
    args = parser.parse_args(argv)
    from tui.core.convert import shadow
    from tui.core.glossary import has_han
    from tui.core.levels import level

    query = args.word.strip()
    if not query:
        raise ZhreadError("nothing to look up")
    with _open_dictionary() as dictionary:
        entries = dictionary.lookup(query) or dictionary.search(query, limit=20)
    term = _whole_term(_glossary(args.glossary), query)
    result = {
        "query": query,
        "entries": [_entry_json(e) for e in entries],
        "glossary": term.model_dump(mode="json") if term else None,
        "hsk": level(shadow(query), args.hsk) if has_han(query) else None,
    }
    if args.json:
        json.dump(result, sys.stdout, ensure_ascii=False)
        sys.stdout.write("\n")
    else:
        _print_lookup(result)
    return 0 if entries or term else 1


def _whole_term(glossary: Glossary, query: str) -> Entry | None:
    """The glossary entry the query spells (in either script, or an alias), if any; a term
    that is only part of the query is not what was looked up."""
    matches = glossary.match(query)
    if matches and (matches[0].start, matches[0].end) == (0, len(query)):
        return glossary.get(matches[0].entry_id)
    return None


def _open_dictionary() -> Dictionary:
    """The dictionary, telling the user when the first run has to build its index."""
    from tui.core.dictionary import Dictionary

    shown = False

    def progress(done: int, total: int) -> None:
        nonlocal shown
        if sys.stderr.isatty():
            end = "\n" if done >= total else ""
            print(f"\rzhread: building the dictionary index (first run only): "
                  f"{100 * done // max(total, 1)}%", end=end, file=sys.stderr, flush=True)
        elif not shown:
            print("zhread: building the dictionary index (first run only)", file=sys.stderr)
        shown = True

    dictionary = Dictionary.open(progress)
    if dictionary.note:
        print(f"zhread: {dictionary.note}", file=sys.stderr)
    return dictionary


def _entry_json(entry: DictEntry) -> dict[str, object]:
    return {
        "traditional": entry.traditional,
        "simplified": entry.simplified,
        "pinyin": entry.pinyin_marks,
        "definitions": list(entry.definitions),
    }


def _print_lookup(result: dict) -> None:
    hsk = f"  HSK {result['hsk']}" if result["hsk"] else ""
    for number, entry in enumerate(result["entries"]):
        print(f"{entry['traditional']}  {entry['simplified']}  {entry['pinyin']}"
              f"{hsk if number == 0 else ''}")
        for definition in entry["definitions"]:
            print(f"  {definition}")
    term = result["glossary"]
    if term:
        print(f"glossary: {term['hant']}  {term['hans']}  {term['pinyin'] or '-'}  {term['en']}")
        print(f"  {term['definition']}")
    if not result["entries"] and not term:
        print(f"zhread: nothing found for {result['query']!r}", file=sys.stderr)


def _export(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="zhread export",
        description="Write your word list to a file: an Anki deck (apkg: fields Hanzi,\n"
        "Pinyin, Definition, Sentence; importing a later export updates the same notes),\n"
        "TSV in the Zhongwen extension's column order (simplified, traditional, pinyin,\n"
        "definition, sentence), or CSV with a header. The format defaults to FILE's suffix.",
        epilog="examples:\n  zhread export -o words.apkg\n  zhread export --format tsv -o "
        "words.txt\n  zhread export -o words.csv",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--format", choices=("apkg", "tsv", "csv"),
                        help="apkg, tsv or csv (default: from FILE's suffix)")
    parser.add_argument("-o", "--output", metavar="FILE", required=True,
                        help="the file to write (replaced atomically if it exists)")
    args = parser.parse_args(argv)
    from pathlib import Path

    from tui.core.export import export, format_for
    from tui.core.wordlist import WordList

    output = Path(args.output)
    kind = format_for(output, args.format)  # a wrong format fails before anything is read
    with WordList.open() as words:
        if words.note:
            print(f"zhread: {words.note}", file=sys.stderr)
        entries = words.entries()
        where = words.path
    if not entries:
        raise ZhreadError(f"your word list is empty, so there is nothing to export "
                          f"(it is kept in {where})")
    count = export(entries, kind, output)
    print(f"{count} word{'s' if count != 1 else ''} written to {output} ({kind})")
    return 0


COMMANDS: dict[str, Callable[[list[str]], int]] = {
    "segment": _segment,
    "convert": _convert,
    "gloss": _gloss,
    "glossary": _glossary_command,
    "lookup": _lookup,
    "export": _export,
}
