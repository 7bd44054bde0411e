"""``zhread compare``: two versions of one story, lined up, and what differs beyond script."""

from __future__ import annotations

import argparse
import dataclasses
import sys
from typing import TYPE_CHECKING

from tui.cli.options import add_glossary_option, command_parser, layered_glossary, load, write_json
from tui.core.errors import ZhreadError

if TYPE_CHECKING:
    from tui.core.compare.versions import Comparison, Difference, Span

SUMMARY = "line up two versions of a story and show what differs beyond script"


def parser() -> argparse.ArgumentParser:
    built = command_parser(
        "zhread compare",
        "Line up two versions of the same story (say a mainland outlet's in Simplified\n"
        "and a Taiwan outlet's in Traditional) by paragraph and sentence, both read in\n"
        "Simplified, and show the paragraphs and sentences only one has and the words\n"
        "that differ beyond script: regional words (软件 / 軟體), names of one person\n"
        "(特朗普 / 川普) and other wording. Offsets count in each text as decoded.",
        "examples:\n  zhread compare xinhua.txt cna.txt\n"
        "  zhread compare xinhua.txt cna.html --md > differences.md\n"
        "  zhread compare a.txt b.txt --json | jq '.only_b[].text'\n"
        "  curl -s URL | zhread compare mine.txt -",
    )
    built.add_argument("a", help="the first version (a document, or - for standard input)")
    built.add_argument("b", help="the second version (a document, or - for standard input)")
    built.add_argument(
        "--encoding", metavar="NAME", help="decode both with this encoding instead of detecting it"
    )
    style = built.add_mutually_exclusive_group()
    style.add_argument(
        "--json",
        action="store_true",
        help="everything as JSON: matched paragraphs and sentences, their differences, "
        "and what only one version has, with offsets",
    )
    style.add_argument("--md", action="store_true", help="a Markdown report")
    add_glossary_option(built)
    return built


def run(args: argparse.Namespace) -> int:
    from tui.core.analysis.transliteration import looks_transliterated
    from tui.core.compare.versions import compare_versions

    if args.a == "-" and args.b == "-":
        raise ZhreadError("only one of the two versions can be read from standard input")
    a, b = load(args.a, args.encoding), load(args.b, args.encoding)
    glossary = layered_glossary(args.glossary)

    def same_name(x: str, y: str) -> bool:
        return looks_transliterated(x) and looks_transliterated(y)

    comparison = compare_versions(a.text, b.text, glossary, same_name=same_name)
    names = (_name(a.source), _name(b.source))
    if args.json:
        write_json({"a": names[0], "b": names[1], **_as_json(comparison)})
    elif args.md:
        sys.stdout.write(as_markdown(comparison, names))
    else:
        sys.stdout.write(as_text(comparison, names))
    return 0


def _name(source: str) -> str:
    return "standard input" if source == "<stdin>" else source


def _as_json(comparison: Comparison) -> dict[str, object]:
    data = dataclasses.asdict(comparison)
    data["summary"] = _counts(comparison)
    return data


def _counts(comparison: Comparison) -> dict[str, int]:
    paragraphs = comparison.paragraphs
    counts = {
        "paragraphs_matched": len(paragraphs),
        "paragraphs_only_a": len(comparison.only_a),
        "paragraphs_only_b": len(comparison.only_b),
        "sentences_differing": comparison.differing,
        "sentences_only_a": sum(len(p.only_a) for p in paragraphs),
        "sentences_only_b": sum(len(p.only_b) for p in paragraphs),
    }
    for difference in comparison.differences():
        counts[difference.kind.value] = counts.get(difference.kind.value, 0) + 1
    return counts


def summary(comparison: Comparison) -> str:
    """One line: how much the versions share and how much they do not."""
    c = _counts(comparison)
    kinds = ", ".join(f"{c.get(k, 0)} {k}" for k in ("regional", "name", "wording"))
    return (
        f"paragraphs: {c['paragraphs_matched']} matched, {c['paragraphs_only_a']} only in A, "
        f"{c['paragraphs_only_b']} only in B; sentences: {c['sentences_differing']} differing, "
        f"{c['sentences_only_a']} only in A, {c['sentences_only_b']} only in B; "
        f"differences: {kinds}"
    )


def _at(span: Span) -> str:
    return f"{span.start}-{span.end}"


def _side(span: Span) -> str:
    return span.text if span.text else "(nothing)"


def _lines(comparison: Comparison, names: tuple[str, str]) -> list[tuple[str, str]]:
    """The report as (kind of line, text) in the order of A: a front end for text and
    Markdown, which differ only in how each kind is set."""
    out: list[tuple[str, str]] = [("head", f"A: {names[0]}"), ("head", f"B: {names[1]}")]
    out.append(("summary", summary(comparison)))
    out.extend(("only", f"only in A, paragraph at {_at(s)}: {s.text}") for s in comparison.only_a)
    out.extend(("only", f"only in B, paragraph at {_at(s)}: {s.text}") for s in comparison.only_b)
    for paragraph in comparison.paragraphs:
        out.extend(("only", f"only in A, sentence at {_at(s)}: {s.text}") for s in paragraph.only_a)
        out.extend(("only", f"only in B, sentence at {_at(s)}: {s.text}") for s in paragraph.only_b)
        for pair in paragraph.sentences:
            if not pair.differences:
                continue
            out.append(("sentence", f"A {_at(pair.a)}: {pair.a.text}"))
            out.append(("sentence", f"B {_at(pair.b)}: {pair.b.text}"))
            out.extend(("difference", _difference(d)) for d in pair.differences)
    return out


def _difference(difference: Difference) -> str:
    basis = f"  [{difference.basis.value}]" if difference.basis.value else ""
    return (
        f"{difference.kind.value:<8}  {_side(difference.a)} ({_at(difference.a)})  →  "
        f"{_side(difference.b)} ({_at(difference.b)}){basis}"
    )


def as_text(comparison: Comparison, names: tuple[str, str]) -> str:
    lines: list[str] = []
    for kind, text in _lines(comparison, names):
        if kind == "sentence" and text.startswith("A "):
            lines.append("")
        lines.append(f"    {text}" if kind == "difference" else text)
    return "\n".join(lines) + "\n"


def as_markdown(comparison: Comparison, names: tuple[str, str]) -> str:
    lines = [f"# Comparing {_md(names[0])} and {_md(names[1])}", ""]
    for kind, text in _lines(comparison, names):
        if kind == "summary":
            lines.extend([_md(text), ""])
        elif kind == "sentence" and text.startswith("A "):
            lines.extend(["", f"> {_md(text)}", ">"])
        elif kind == "sentence":
            lines.extend([f"> {_md(text)}", ""])
        elif kind != "head":
            lines.append(f"- {_md(text)}")
    return "\n".join(lines) + "\n"


_MARKDOWN = str.maketrans({ch: f"\\{ch}" for ch in "\\`*_[]<>#|"})


def _md(text: str) -> str:
    """Text as written, with Markdown's own marks escaped: a story's ``*`` is not emphasis."""
    return text.translate(_MARKDOWN)
