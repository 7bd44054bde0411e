"""The skim report: what a reporter reads first to decide what a story holds.

Who is in it (people, organisations, places, with English names and roles), what they said
(quotes with speakers), what it is about (keywords), how it runs (the first sentence of each
paragraph) and how long it is. Every item carries offsets into the document's text, so a
front end can jump to it. Shared by ``zhread skim`` and the reader's skim screen.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from tui.core.analysis.entities import ORGANISATION, PERSON, PLACE, Entity, Tagger, find_entities
from tui.core.analysis.keywords import Keyword, keywords
from tui.core.analysis.quotes import Quote, find_quotes, quote_spans
from tui.core.analysis.stats import (
    LEARNER_RATE,
    NATIVE_RATE,
    DocumentStats,
    document_stats,
    reading_time,
)
from tui.core.analysis.transliteration import looks_transliterated
from tui.core.model.document import Document
from tui.core.model.sentences import sentence_at
from tui.core.readings.levels import HskStandard
from tui.core.scripts import convert

if TYPE_CHECKING:
    from tui.core.glossary.entries import Glossary
    from tui.core.readings.dictionary import Dictionary
    from tui.core.words.segment import JiebaSplitter

__all__ = [
    "PARTS",
    "OutlineItem",
    "SkimReport",
    "as_json",
    "as_markdown",
    "as_text",
    "english_label",
    "outline",
    "skim",
    "skim_parts",
]


@dataclass(frozen=True, slots=True)
class OutlineItem:
    """The first sentence of a paragraph."""

    text: str
    start: int
    end: int


@dataclass(frozen=True)
class SkimReport:
    people: tuple[Entity, ...]
    organisations: tuple[Entity, ...]
    places: tuple[Entity, ...]
    quotes: tuple[Quote, ...]
    keywords: tuple[Keyword, ...]
    outline: tuple[OutlineItem, ...]
    stats: DocumentStats


#: The report's parts in the order :func:`skim_parts` gives them: the quick ones first, so a
#: front end has something to show while the text is being tagged.
#: Characters the script is judged on, as the reader judges it.
SAMPLE = 100_000

PARTS = ("outline", "stats", "people", "organisations", "places", "quotes", "keywords")


def skim(
    document: Document,
    glossary: Glossary | None = None,
    splitter: JiebaSplitter | None = None,
    standard: str = HskStandard.HSK_2025,
    *,
    region: str | None = None,
    dictionary: Dictionary | None = None,
) -> SkimReport:
    """The whole report. ``document`` should be segmented with ``splitter`` (a
    :class:`~tui.core.words.segment.JiebaSplitter`); without one the process-wide splitter for
    ``glossary`` is used. Tagging costs about as much as segmenting: call it off the UI
    thread."""
    parts = skim_parts(document, glossary, splitter, standard, region=region, dictionary=dictionary)
    return SkimReport(**dict(parts))


def skim_parts(
    document: Document,
    glossary: Glossary | None = None,
    splitter: JiebaSplitter | None = None,
    standard: str = HskStandard.HSK_2025,
    *,
    region: str | None = None,
    dictionary: Dictionary | None = None,
) -> Iterator[tuple[str, Any]]:
    """The report a part at a time, as ``(field of SkimReport, its value)`` in the order of
    :data:`PARTS`: each is shown as soon as it is known, the outline and the figures long
    before the tagger has been through a long text."""
    from tui.core.glossary.candidates import pairs_in

    if not document.shadow:
        document = _with_shadow(document)
    yield "outline", tuple(outline(document))
    yield "stats", document_stats(document, standard=standard)
    if splitter is None:
        from tui.core.userdirs import cache_dir
        from tui.core.words.segment import fast_for, shared_splitter

        words = frozenset(glossary.han_forms()) if glossary is not None else frozenset()
        splitter = shared_splitter(words, cache_dir(), fast=fast_for(len(document.text)))
    shadow = document.shadow
    english = {shadow[c.start : c.end]: c.english for c in pairs_in(document, glossary)}
    if region is None:
        region = convert.detect_region(document.text, convert.detect_script(document.text[:SAMPLE]))
    entities, mentions = find_entities(
        document, glossary, Tagger(splitter.pos_tokenizer()), english, region, dictionary
    )
    people = tuple(e for e in entities if e.kind == PERSON)
    yield "people", people
    yield "organisations", tuple(e for e in entities if e.kind == ORGANISATION)
    yield "places", tuple(e for e in entities if e.kind == PLACE)
    yield "quotes", tuple(find_quotes(document, mentions, entities))
    skip = {start for person in people for start, _ in person.occurrences}
    yield "keywords", tuple(keywords(document, glossary, skip=skip))


def _with_shadow(document: Document) -> Document:
    return Document.from_chunks(
        document.text, document.chunks, document.source, shadow=convert.shadow(document.text)
    )


def outline(document: Document) -> list[OutlineItem]:
    """The first sentence of every paragraph that has one: the story's skeleton. Captions,
    credits, pleas to subscribe and copyright lines are no part of it."""
    from tui.core.analysis.boilerplate import is_boilerplate, lead_in

    text, simplified = document.text, document.shadow or None
    closes = dict(quote_spans(text))
    items = []
    for paragraph in document.paragraphs:
        span = slice(paragraph.start, paragraph.end)
        if is_boilerplate(text[span], simplified[span] if simplified else None):
            continue
        first = paragraph.start
        while first < paragraph.end and text[first].isspace():
            first += 1
        if first >= paragraph.end:
            continue
        span = slice(first, paragraph.end)
        lead = lead_in(text[span], simplified[span] if simplified else None)
        start, end = sentence_at(text, first + lead)
        start = max(start, first + lead) if lead else start
        close = closes.get(start + 1) if text[start : start + 1] in "「『“" else None
        if close is not None and close >= end:  # 「…。…」: a quoted sentence ends at its mark
            end = sentence_at(text, close)[1]
        start, end = max(start, paragraph.start), min(end, paragraph.end)
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            items.append(OutlineItem(text[start:end], start, end))
    return items


# --- output -----------------------------------------------------------------------------


def as_json(report: SkimReport) -> dict[str, Any]:
    """The report as ``zhread skim --json`` prints it (offsets into the decoded text)."""
    stats = report.stats
    return {
        "people": [_entity_json(e) for e in report.people],
        "organisations": [_entity_json(e) for e in report.organisations],
        "places": [_entity_json(e) for e in report.places],
        "quotes": [
            {"text": q.text, "speaker": q.speaker, "start": q.start, "end": q.end}
            for q in report.quotes
        ],
        "keywords": [
            {
                "word": k.word,
                "english": k.english,
                "score": k.score,
                "count": k.count,
                "occurrences": [list(span) for span in k.occurrences],
            }
            for k in report.keywords
        ],
        "outline": [{"text": o.text, "start": o.start, "end": o.end} for o in report.outline],
        "stats": {
            "characters": stats.characters,
            "words": stats.words,
            "unique_words": stats.unique_words,
            "paragraphs": stats.paragraphs,
            "reading_minutes": {
                "native": round(stats.characters / NATIVE_RATE, 1),
                "learner": round(stats.characters / LEARNER_RATE, 1),
            },
            "reading_time": {
                "native": reading_time(stats.characters, NATIVE_RATE),
                "learner": reading_time(stats.characters, LEARNER_RATE),
            },
            "hsk_level": stats.grade.label,
            "hsk_standard": stats.standard,
        },
    }


def _entity_json(entity: Entity) -> dict[str, Any]:
    return {
        "name": entity.name,
        "english": entity.english,
        "english_source": entity.english_source,
        "english_note": entity.english_note,
        "role": entity.role,
        "count": entity.count,
        "occurrences": [list(span) for span in entity.occurrences],
    }


def stats_rows(stats: DocumentStats) -> list[tuple[str, str]]:
    """The figures as label and value, the same in every front end."""
    return [
        ("Characters", f"{stats.characters:,}"),
        ("Words", f"{stats.words:,}"),
        ("Unique words", f"{stats.unique_words:,}"),
        ("Paragraphs", f"{stats.paragraphs:,}"),
        (
            "Reading time",
            f"{reading_time(stats.characters, NATIVE_RATE)} native, "
            f"{reading_time(stats.characters, LEARNER_RATE)} learner",
        ),
        ("HSK level", f"{stats.grade.label} ({stats.standard} standard)"),
    ]


def entity_line(entity: Entity) -> str:
    """漢娜·多門 (Hanna Dohmen), 研究分析員 ×5"""
    line = entity.name + _english(entity.name, english_label(entity))
    return line + (f", {entity.role}" if entity.role else "") + f" ×{entity.count}"


#: Where an English name is read from the characters rather than found written somewhere.
ROMANISED = frozenset({"pinyin", "wade-giles", "cantonese"})


def english_label(entity: Entity) -> str | None:
    """The English as a reader should take it: as given, marked as a guess where it is
    read from the characters of a Taiwan or Hong Kong name, or why there is none for a
    transliterated name (never an invented spelling)."""
    if entity.english and entity.english_source in ROMANISED and entity.english_note:
        return f"{entity.english}, a guess"
    if entity.english is None and entity.kind == PERSON and entity.english_note:
        if looks_transliterated(entity.name):
            return "transliterated; original not given"
        return "English not given"
    return entity.english


def _english(name: str, english: str | None) -> str:
    """`` (English)``, unless it says nothing new (DeepSeek (DeepSeek))."""
    return f" ({english})" if english and english != name else ""


def as_text(report: SkimReport) -> str:
    """Plain text for a terminal: one section after another, one line per item."""
    sections: list[tuple[str, list[str]]] = [
        ("People", [entity_line(e) for e in report.people]),
        ("Organisations", [entity_line(e) for e in report.organisations]),
        ("Places", [entity_line(e) for e in report.places]),
        ("Quotes", [f"{q.speaker or '(unattributed)'}: 「{q.text}」" for q in report.quotes]),
        ("Keywords", ["  ".join(k.word + _english(k.word, k.english) for k in report.keywords)]),
        ("Outline", [o.text for o in report.outline]),
        ("Stats", [f"{name}: {value}" for name, value in stats_rows(report.stats)]),
    ]
    out = []
    for title, lines in sections:
        shown = [f"  {line}" for line in lines if line]
        out += [title, *(shown or ["  -"]), ""]
    return "\n".join(out)


def as_markdown(report: SkimReport, title: str, source: str) -> str:
    """A Markdown report: who, what they said, what it is about, how it runs."""
    out = [f"# Skim: {_md(title)}", "", f"Source: {_md(source)}", ""]
    for heading, entities in (
        ("People", report.people),
        ("Organisations", report.organisations),
        ("Places", report.places),
    ):
        out += [f"## {heading}", ""]
        if entities:
            out += ["| name | English | role | count |", "| --- | --- | --- | ---: |"]
            out += [
                f"| {_md(e.name)} | {_md(english_label(e) or '')} | {_md(e.role or '')} "
                f"| {e.count} |"
                for e in entities
            ]
        else:
            out.append("None found.")
        out.append("")
    out += ["## Quotes", ""]
    out += [
        f"> {_md(q.text)}\n>\n> — {_md(q.speaker or 'unattributed')}\n" for q in report.quotes
    ] or ["None found.", ""]
    out += [
        "## Keywords",
        "",
        ", ".join(
            _md(k.word) + (f" ({_md(k.english)})" if k.english else "") for k in report.keywords
        )
        or "None found.",
        "",
        "## Outline",
        "",
    ]
    out += [f"{n}. {_md(o.text)}" for n, o in enumerate(report.outline, 1)]
    out += ["", "## Stats", ""]
    out += [f"- {name}: {_md(value)}" for name, value in stats_rows(report.stats)]
    return "\n".join(out) + "\n"


def _md(text: str) -> str:
    """Text from the document, made inert in Markdown (tables, emphasis, links, HTML)."""
    text = " ".join(text.split())
    for ch in "\\`*_[]<>|#":
        text = text.replace(ch, "\\" + ch)
    return text
