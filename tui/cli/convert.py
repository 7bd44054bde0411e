"""``zhread convert``: the text in another script, streamed a block of lines at a time."""

from __future__ import annotations

import argparse
import itertools
import sys
from collections.abc import Iterator

from tui.cli.options import add_input_options, command_parser

SUMMARY = "print the text converted by an OpenCC config"

#: The regions with a Traditional standard of their own, as ``--to`` names them.
REGIONS = ("tw", "hk")


def parser() -> argparse.ArgumentParser:
    from tui.core.scripts.convert import CONFIGS, TARGETS

    built = command_parser(
        "zhread convert",
        "Convert a text between Chinese scripts with OpenCC. The output is what OpenCC\n"
        "gives for the whole text, line ends kept; large inputs are read a line at a time.",
        "configs: " + ", ".join(CONFIGS) + "\ntargets: hans (Simplified), tw (Taiwan), hk "
        "(Hong Kong), hant (Traditional as your region\nwrites it: Taiwan's unless --region hk "
        "or your script setting is hk); the source script\nis detected. OpenCC's own "
        "Traditional standard (爲, 裏) is --config s2t.\n\n"
        "examples:\n  zhread convert story.txt --to hans\n  zhread convert story.txt --to tw "
        "--phrases    # 算法 -> 演算法 too\n  zhread convert story.txt --config tw2sp\n"
        "  curl -s URL | zhread convert - --to hant",
    )
    add_input_options(built)
    how = built.add_mutually_exclusive_group(required=True)
    how.add_argument("--config", metavar="NAME", help="an OpenCC config by name")
    how.add_argument("--to", choices=TARGETS, help="a target script; the source is detected")
    built.add_argument(
        "--phrases",
        action="store_true",
        help="with --to: convert regional vocabulary as well (演算法 <-> 算法)",
    )
    built.add_argument(
        "--region",
        choices=REGIONS,
        help="with --to hant: whose Traditional standard to write (default: "
        "the script setting when it is tw or hk, else tw)",
    )
    return built


def run(args: argparse.Namespace) -> int:
    from tui.core.scripts.convert import convert
    from tui.core.text.fetch import is_url
    from tui.core.text.streaming import text_lines

    if args.config:
        convert("", args.config)  # an unknown config fails before any input is read
    extracted = _fetched(args) if is_url(args.file) else _extracted(args.file, args.encoding)
    if extracted is None:
        lines = text_lines(args.file, args.encoding)
    else:
        lines = iter(extracted.splitlines(keepends=True))
    config = args.config
    if config is None:
        target = _own_traditional(args.region) if args.to == "hant" else args.to
        config, lines = _config_from_head(lines, target, args.phrases)
    binary = getattr(sys.stdout, "buffer", None)  # bytes as they are: no newline translation
    for block in _blocks(lines):
        converted = convert(block, config)
        if binary is None:
            sys.stdout.write(converted)
        else:
            binary.write(converted.encode("utf-8"))
    sys.stdout.flush()
    return 0


def _own_traditional(region: str | None) -> str:
    """The target ``hant`` stands for: the Traditional standard the user reads, named by
    ``--region`` or else by the reader's script setting (config, then what the reader
    last chose); Taiwan's when neither says, since OpenCC's own standard (爲, 裏, 羣) is
    what no region prints."""
    if region is not None:
        return region
    from tui.store.config import load_config
    from tui.store.settings import load_remembered

    config = load_config()
    script = config.script
    if config.remember:
        script = load_remembered().values.get("script", script)
    return script if script in REGIONS else "tw"


def _fetched(args: argparse.Namespace) -> str:
    """A web page's text, as the reader shows it: fetched whole, as a saved page is read."""
    from tui.cli.options import load

    return load(args.file, args.encoding, timeout=args.timeout).text


def _extracted(file: str | None, encoding: str | None) -> str | None:
    """An HTML page's article or an EPUB's chapters, as the reader shows them; ``None`` for
    text and Markdown, which are converted as written (markup and line ends kept), streamed.

    A page converted as markup would keep its ``<meta charset>`` while the output is UTF-8,
    and a book is a zip archive: the text is the useful output, and it is what the other
    commands' offsets count in.
    """
    from tui.core.text.sources import Format, format_of, from_bytes, sniff

    if file in (None, "-"):
        stream = sys.stdin.buffer
        peek = getattr(stream, "peek", None)
        kind = sniff(peek(4096)[:4096]) if peek is not None else Format.TEXT
        source = "<stdin>"
    else:
        kind, source = format_of(file, _head(file)), file
    if kind not in (Format.HTML, Format.EPUB):
        return None
    from tui.core.text.loading import read_path, read_stdin

    data = read_stdin() if source == "<stdin>" else read_path(source)
    text = from_bytes(data, source, kind, encoding=encoding).text
    return text if text.endswith("\n") else text + "\n"


def _head(file: str) -> bytes:
    """The first bytes, to sniff a file without a telling suffix; a file that cannot be read
    gives none, and the streaming reader then says why."""
    try:
        with open(file, "rb") as handle:
            return handle.read(4096)
    except (OSError, ValueError):
        return b""


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
    from tui.core.scripts.convert import config_for, detect_region, detect_script

    head: list[str] = []
    for line in lines:
        head.append(line)
        if sum(map(len, head)) > 20_000:
            break
    sample = "".join(head)
    script = detect_script(sample)
    config = config_for(target, script, phrases, detect_region(sample, script))
    return config, itertools.chain(head, lines)
