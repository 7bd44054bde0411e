"""``zhread skim``: who is in a story, what they said, what it is about, how long it is.

Given a folder or several files, the desk: who appears in which stories, who said what
(with the paragraph to check it against), the terms several stories use and how each region
writes them, and when each ran.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tui.cli.options import (
    add_glossary_option,
    add_input_options,
    annotated,
    command_parser,
    open_dictionary,
    write_json,
)
from tui.core.plurals import plural

if TYPE_CHECKING:
    from tui.core.analysis.desk import Desk, DeskEntity, DeskQuote

SUMMARY = "a reporter's skim: people, organisations, places, quotes, keywords, outline"


def parser() -> argparse.ArgumentParser:
    built = command_parser(
        "zhread skim",
        "Skim a story: the people, organisations and places it names (with their\n"
        "English names and roles where the text or the glossary gives them), every\n"
        "direct quote and who said it, its keywords, the first sentence of each\n"
        "paragraph, and its length, reading time and HSK level.",
        "examples:\n  zhread skim story.txt\n  zhread skim story.txt --md > story-skim.md\n"
        "  zhread skim story.txt --json | jq '.quotes[] | [.speaker, .text]'\n"
        "  cat story.txt | zhread skim -\n"
        "  zhread skim stories/ --md > desk.md     (a desk: many stories merged)",
    )
    built.add_argument(
        "file",
        nargs="*",
        default=[] if sys.stdin.isatty() else ["-"],
        help="a document (text, Markdown, HTML, EPUB), or - for standard input (the "
        "default when input is piped; otherwise the sample article); a folder or several "
        "files give the desk: the stories skimmed and merged",
    )
    add_input_options(built, file_arg=False)
    style = built.add_mutually_exclusive_group()
    style.add_argument(
        "--json",
        action="store_true",
        help="the report as JSON: people, "
        "organisations, places, quotes, keywords, outline, stats, with offsets "
        "into the decoded text",
    )
    style.add_argument("--md", action="store_true", help="a Markdown report")
    add_glossary_option(built)
    return built


def run(args: argparse.Namespace) -> int:
    files: list[str] = args.file
    if len(files) > 1 or (files and files[0] != "-" and Path(files[0]).is_dir()):
        return run_desk(args, files)
    args.file = files[0] if files else None
    return run_one(args)


def run_one(args: argparse.Namespace) -> int:
    from tui.core.analysis.skim import as_json, as_markdown, as_text, skim

    annotation = annotated(args)
    document = annotation.document
    report = skim(
        document, annotation.glossary, region=annotation.region, dictionary=open_dictionary()
    )
    if args.json:
        write_json(as_json(report))
    elif args.md:
        source = "standard input" if document.source == "<stdin>" else document.source
        sys.stdout.write(as_markdown(report, title=document.title, source=source))
    else:
        sys.stdout.write(as_text(report))
    return 0


# --- the desk ------------------------------------------------------------------------------


def desk_sources(files: list[str]) -> list[str]:
    """The documents named: each file as given, each folder's documents by name."""
    from tui.core.errors import ZhreadError
    from tui.core.text.sources import documents_in

    sources: list[str] = []
    for name in files:
        if name == "-":
            raise ZhreadError("standard input cannot be part of a desk; name files or a folder")
        path = Path(name)
        sources += [str(p) for p in documents_in(path)] if path.is_dir() else [name]
    if not sources:
        raise ZhreadError("no documents (.txt, .md, .html, .epub) in it", files[0])
    return sources


def run_desk(args: argparse.Namespace, files: list[str]) -> int:
    from tui.cli.options import layered_glossary
    from tui.store.desk import build_desk

    sources = desk_sources(files)
    glossary = layered_glossary(args.glossary)
    desk = build_desk(sources, glossary, progress=_progress if sys.stderr.isatty() else None)
    if sys.stderr.isatty():
        print("\r\033[K", end="", file=sys.stderr, flush=True)
    for source, reason in desk.skipped:
        print(f"zhread: skipped {source}: {reason}", file=sys.stderr)
    if args.json:
        write_json(desk_json(desk))
    elif args.md:
        sys.stdout.write(desk_markdown(desk))
    else:
        sys.stdout.write(desk_text(desk))
    return 0


def _progress(done: int, total: int, source: str) -> None:
    name = Path(source).name if source else ""
    print(f"\r\033[Kzhread: skimmed {done}/{total} {name}", end="", file=sys.stderr, flush=True)


def desk_json(desk: Desk) -> dict[str, Any]:
    """Every field of the desk; ``document`` fields index ``documents``."""
    from dataclasses import asdict

    return {
        "documents": [asdict(d) for d in desk.documents],
        "entities": [{**asdict(e), "count": e.count} for e in desk.entities],
        "quotes": [asdict(q) for q in desk.quotes],
        "terms": [asdict(t) for t in desk.terms],
        "timeline": [{"date": day, "document": i} for day, i in desk.timeline()],
        "skipped": [{"source": s, "reason": r} for s, r in desk.skipped],
    }


_SECTIONS = (("People", "person"), ("Organisations", "organisation"), ("Places", "place"))


def _where(entity: DeskEntity) -> str:
    """Documents by number (1-based, as listed) with their counts: 1 ×3, 4 ×1."""
    return ", ".join(f"{a.document + 1} ×{a.count}" for a in entity.appearances)


def _speaker(quote: DeskQuote) -> str:
    return quote.speaker or "(unattributed)"


def desk_text(desk: Desk) -> str:
    """Plain text for a terminal, one line per item."""
    documents = [f"{i}. {d.title} ({d.date or 'undated'}) {d.source}" for i, d in _numbered(desk)]
    sections: list[tuple[str, list[str]]] = [("Documents", documents)]
    for title, kind in _SECTIONS:
        sections.append(
            (
                title,
                [
                    f"{_named(e)} ×{e.count}, documents {_where(e)}"
                    for e in desk.entities
                    if e.kind == kind
                ],
            )
        )
    quotes = [
        f"{_speaker(q)}: 「{q.text}」 ({q.document + 1}, ¶{q.paragraph})" for q in desk.quotes
    ]
    terms = [
        f"{t.key}: " + "; ".join(f"{r or '?'} {'/'.join(f)}" for r, f in t.forms.items())
        for t in desk.terms
    ]
    timeline = [f"{day}  {desk.documents[i].title}" for day, i in desk.timeline()]
    sections += [("Quotes", quotes), ("Terms", terms), ("Timeline", timeline)]
    out = []
    for title, lines in sections:
        out += [title, *([f"  {line}" for line in lines] or ["  -"]), ""]
    return "\n".join(out)


def _numbered(desk: Desk) -> list[tuple[int, Any]]:
    return list(enumerate(desk.documents, 1))


def _named(entity: DeskEntity) -> str:
    return entity.name + (
        f" ({entity.english})" if entity.english and entity.english != entity.name else ""
    )


def desk_markdown(desk: Desk) -> str:
    """A Markdown desk: every quote verbatim with where to check it."""
    from tui.core.analysis.skim import _md

    out = [f"# Desk: {plural(len(desk.documents), 'document')}", "", "## Documents", ""]
    out += [
        f"{i}. {_md(d.title)} ({d.date or 'undated'}), {_md(d.source)}" for i, d in _numbered(desk)
    ]
    for title, kind in _SECTIONS:
        entities = [e for e in desk.entities if e.kind == kind]
        out += ["", f"## {title}", ""]
        out += (
            ["| name | English | documents | count |", "| --- | --- | --- | ---: |"]
            if entities
            else ["None found."]
        )
        out += [
            f"| {_md(e.name)} | {_md(e.english or '')} | {_where(e)} | {e.count} |"
            for e in entities
        ]
    out += ["", "## Quotes", ""]
    for q in desk.quotes:
        out += [f"> {_md(q.text)}", ">", f"> — {_md(_speaker(q))}, {_place(desk, q)}", ""]
    if not desk.quotes:
        out += ["None found.", ""]
    out += _terms_markdown(desk)
    out += ["", "## Timeline", ""]
    out += [
        f"- {day}: {_md(desk.documents[i].title)} (document {i + 1})" for day, i in desk.timeline()
    ]
    out += ["- None dated."] if not desk.timeline() else []
    return "\n".join(out) + "\n"


def _place(desk: Desk, quote: DeskQuote) -> str:
    """Document and paragraph, and the URL when the story came from one."""
    from tui.core.analysis.skim import _md

    source = desk.documents[quote.document].source
    url = f", {source}" if source.startswith(("http://", "https://")) else ""
    title = _md(desk.documents[quote.document].title)
    return f"document {quote.document + 1} ({title}), paragraph {quote.paragraph}{url}"


def _terms_markdown(desk: Desk) -> list[str]:
    from tui.core.analysis.skim import _md

    regions = sorted({r for t in desk.terms for r in t.forms}, key=lambda r: (r == "", r))
    out = ["## Terms", ""]
    if not desk.terms:
        return [*out, "None in two documents or more."]
    out += ["| term | English | " + " | ".join(r or "other" for r in regions) + " | documents |"]
    out += ["| --- | --- | " + " | ".join("---" for _ in regions) + " | --- |"]
    for t in desk.terms:
        cells = " | ".join(_md(" / ".join(t.forms.get(r, ()))) for r in regions)
        docs = ", ".join(str(d + 1) for d in t.documents)
        out.append(f"| {_md(t.key)} | {_md(t.english or '')} | {cells} | {docs} |")
    return out
