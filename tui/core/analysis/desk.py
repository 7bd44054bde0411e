"""The desk: many stories skimmed and read as one.

A reporter with a folder of stories wants who appears where, who said what, which terms
recur and how each region writes them, and when each story ran. Each document is skimmed on
its own by :func:`skim_document`, a pure function of its text whose result pickles, so the
skims can run in any pool (or any engine) and be cached by the text's hash; :func:`merge`
then joins them. Two mentions are one entity when their Simplified shadows agree (华为 and
華為), when the glossary makes them forms of one entry (特朗普 and 川普), or when a text
writes them as one (a short form the skim tied to its full name, or the same English name
given in brackets).
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from tui.core.analysis.dates import document_date
from tui.core.analysis.mentions import PERSON
from tui.core.scripts import convert

if TYPE_CHECKING:
    from tui.core.analysis.entities import Entity
    from tui.core.glossary.entries import Glossary
    from tui.core.readings.dictionary import Dictionary

__all__ = [
    "Appearance",
    "Desk",
    "DeskDocument",
    "DeskEntity",
    "DeskQuote",
    "DeskTerm",
    "DocumentSkim",
    "FoundEntity",
    "FoundTerm",
    "digest_of",
    "merge",
    "paragraph_number",
    "prepare",
    "skim_document",
]

#: English names that join entities across documents: those written or vouched for, not
#: those read from the characters (two different people can share a romanisation).
_TRUSTED_ENGLISH = frozenset({"text", "glossary"})


@dataclass(frozen=True, slots=True)
class DeskDocument:
    source: str
    title: str
    region: str
    date: str | None
    digest: str


@dataclass(frozen=True, slots=True)
class Appearance:
    document: int
    count: int
    offset: int


@dataclass(frozen=True, slots=True)
class DeskEntity:
    name: str
    kind: str
    english: str | None
    forms: tuple[str, ...]
    appearances: tuple[Appearance, ...]

    @property
    def count(self) -> int:
        return sum(a.count for a in self.appearances)


@dataclass(frozen=True, slots=True)
class DeskQuote:
    text: str
    speaker: str | None
    document: int
    start: int
    end: int
    paragraph: int


@dataclass(frozen=True, slots=True)
class DeskTerm:
    key: str
    english: str | None
    forms: dict[str, tuple[str, ...]]
    documents: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class FoundEntity:
    """One entity as one document's skim found it, with every form the text wrote."""

    name: str
    kind: str
    english: str | None
    english_source: str
    forms: tuple[str, ...]
    count: int
    offset: int


@dataclass(frozen=True, slots=True)
class FoundTerm:
    key: str
    english: str | None
    written: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class DocumentSkim:
    """What the desk keeps of one document's skim: small, picklable, cacheable by digest.
    Quotes carry ``document=-1`` until :func:`merge` places them."""

    document: DeskDocument
    entities: tuple[FoundEntity, ...]
    quotes: tuple[DeskQuote, ...]
    terms: tuple[FoundTerm, ...]


@dataclass(frozen=True, slots=True)
class Desk:
    documents: tuple[DeskDocument, ...]
    entities: tuple[DeskEntity, ...]
    quotes: tuple[DeskQuote, ...]
    terms: tuple[DeskTerm, ...]
    skipped: tuple[tuple[str, str], ...] = field(default=())

    def timeline(self) -> list[tuple[str, int]]:
        """The dated documents, earliest first; undated ones have no place on it."""
        dated = [(d.date, i) for i, d in enumerate(self.documents) if d.date]
        return sorted(dated)

    def quotes_by(self, name: str) -> list[DeskQuote]:
        """Every quote by the entity ``name`` names (any of its forms), in document order."""
        names = {name}
        for entity in self.entities:
            if name == entity.name or name in entity.forms:
                names.add(entity.name)
        return [q for q in self.quotes if q.speaker in names]


def digest_of(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def paragraph_number(text: str, offset: int) -> int:
    """The 1-based number of the paragraph (non-blank line, the headline first) holding
    ``offset``: what a reader counts when checking a note against the story."""
    before = text[:offset].split("\n")
    return 1 + sum(1 for line in before[:-1] if line.strip())


def skim_document(
    text: str,
    source: str,
    glossary: Glossary | None,
    *,
    title: str | None = None,
    raw: str | None = None,
    dictionary: Dictionary | None = None,
) -> DocumentSkim:
    """One document's part of the desk. ``raw`` is the file as read when it is not the
    text (a page's HTML, a Markdown file's front matter), for the date it may carry."""
    from tui.core.analysis.skim import skim
    from tui.core.glossary.entries import Glossary
    from tui.core.glossary.gloss_report import terms_found
    from tui.core.userdirs import cache_dir
    from tui.core.words.segment import fast_for, segment, shared_splitter

    view = (glossary or Glossary()).for_text(text)
    splitter = shared_splitter(frozenset(view.han_forms()), cache_dir(), fast=fast_for(len(text)))
    document = segment(text, view, splitter, source, convert.shadow(text))
    region = convert.detect_region(text, convert.detect_script(text[:100_000]))
    report = skim(document, view, splitter, region=region, dictionary=dictionary)
    uses = terms_found(document, view)
    desk_document = DeskDocument(
        source,
        title or document.title,
        str(region),
        document_date(text, raw),
        digest_of(text),
    )
    found = [_found(text, e) for e in (*report.people, *report.organisations, *report.places)]
    quotes = [
        DeskQuote(q.text, q.speaker, -1, q.start, q.end, paragraph_number(text, q.start))
        for q in report.quotes
    ]
    terms = [FoundTerm(u.entry.id, u.entry.en, tuple(u.written)) for u in uses]
    return DocumentSkim(desk_document, tuple(found), tuple(quotes), tuple(terms))


def prepare(texts: Sequence[str], glossary: Glossary | None) -> None:
    """Teach this process's splitter the words of all ``texts`` in one read of jieba's
    dictionary, instead of one read per text: skimming a batch costs half as much. It
    changes no result, only when the dictionary is read."""
    from tui.core.glossary.entries import Glossary
    from tui.core.userdirs import cache_dir
    from tui.core.words.segment import fast_for, shared_splitter

    forms = frozenset((glossary or Glossary()).han_forms())
    by_speed: dict[bool, list[str]] = defaultdict(list)
    for text in texts:
        by_speed[fast_for(len(text))].append(text)
    for fast, group in by_speed.items():
        shared_splitter(forms, cache_dir(), fast=fast).admit(convert.shadow("\n".join(group)))


def _found(text: str, entity: Entity) -> FoundEntity:
    forms = dict.fromkeys([entity.name, *(text[s:e] for s, e in entity.occurrences)])
    return FoundEntity(
        entity.name,
        entity.kind,
        entity.english,
        entity.english_source,
        tuple(forms),
        entity.count,
        entity.start,
    )


# --- merging -------------------------------------------------------------------------------


class _Union:
    def __init__(self, size: int) -> None:
        self.parent = list(range(size))

    def find(self, item: int) -> int:
        while self.parent[item] != item:
            self.parent[item] = self.parent[self.parent[item]]
            item = self.parent[item]
        return item

    def join(self, a: int, b: int) -> None:
        a, b = self.find(a), self.find(b)
        if a != b:
            self.parent[max(a, b)] = min(a, b)


def merge(documents: Sequence[DocumentSkim], glossary: Glossary | None) -> Desk:
    """The desk of ``documents``, in the order given."""
    found = [(i, e) for i, skim in enumerate(documents) for e in skim.entities]
    groups = _groups([e for _, e in found], _glossary_keys(glossary))
    entities, renamed = [], {}
    for members in groups:
        entity = _entity([found[m] for m in members])
        entities.append(entity)
        for m in members:
            renamed[(found[m][0], found[m][1].name)] = entity.name
    entities.sort(key=lambda e: (-len(e.appearances), -e.count, e.appearances[0].document, e.name))
    quotes = [
        DeskQuote(
            q.text,
            renamed.get((i, q.speaker), q.speaker) if q.speaker else None,
            i,
            q.start,
            q.end,
            q.paragraph,
        )
        for i, skim in enumerate(documents)
        for q in skim.quotes
    ]
    return Desk(
        tuple(skim.document for skim in documents),
        tuple(entities),
        tuple(quotes),
        tuple(_terms(documents)),
    )


def _glossary_keys(glossary: Glossary | None) -> dict[str, str]:
    """Each Han spelling of a glossary entry, by its Simplified shadow, to the entry's id."""
    if glossary is None:
        return {}
    keys: dict[str, str] = {}
    for entry in glossary.entries.values():
        for form in (*entry.written(), *(a.text for a in entry.aliases)):
            if len(form) > 1:
                keys.setdefault(convert.shadow(form), entry.id)
    return keys


def _keys(entity: FoundEntity, by_form: dict[str, str]) -> Iterable[str]:
    """What ties this entity to others: its name's shadow, a glossary entry any form
    belongs to, a trusted English name, and for an organisation or place its short forms
    (台積電). A person's short forms tie nothing across documents: a surname (霍爾) is shared
    by strangers."""
    for form in entity.forms:
        simplified = convert.shadow(form)
        if simplified in by_form:
            yield "entry:" + by_form[simplified]
        if form == entity.name or (entity.kind != PERSON and len(form) > 1):
            yield "form:" + simplified
    if entity.english and entity.english_source in _TRUSTED_ENGLISH:
        yield "english:" + " ".join(entity.english.casefold().split())


def _groups(found: Sequence[FoundEntity], by_form: dict[str, str]) -> list[list[int]]:
    union = _Union(len(found))
    first: dict[str, int] = {}
    for index, entity in enumerate(found):
        for key in _keys(entity, by_form):
            union.join(first.setdefault(key, index), index)
    groups: dict[int, list[int]] = defaultdict(list)
    for index in range(len(found)):
        groups[union.find(index)].append(index)
    return list(groups.values())


def _entity(members: Sequence[tuple[int, FoundEntity]]) -> DeskEntity:
    """One entity from its mentions across documents: named as most mentions name it."""
    names: Counter[str] = Counter()
    kinds: Counter[str] = Counter()
    by_document: dict[int, tuple[int, int]] = {}
    for document, found in members:
        names[found.name] += found.count
        kinds[found.kind] += found.count
        count, offset = by_document.get(document, (0, found.offset))
        by_document[document] = (count + found.count, min(offset, found.offset))
    ranked = sorted(members, key=lambda m: m[1].english_source not in _TRUSTED_ENGLISH)
    english = next((f.english for _, f in ranked if f.english), None)
    forms = dict.fromkeys(form for _, f in members for form in f.forms)
    return DeskEntity(
        names.most_common(1)[0][0],
        kinds.most_common(1)[0][0],
        english,
        tuple(forms),
        tuple(Appearance(d, c, o) for d, (c, o) in sorted(by_document.items())),
    )


def _terms(documents: Sequence[DocumentSkim]) -> list[DeskTerm]:
    """Glossary terms used in two documents or more, with what each region writes."""
    used: dict[str, list[int]] = defaultdict(list)
    english: dict[str, str | None] = {}
    forms: dict[str, dict[str, dict[str, None]]] = defaultdict(lambda: defaultdict(dict))
    for index, skim in enumerate(documents):
        for term in skim.terms:
            used[term.key].append(index)
            english[term.key] = term.english
            forms[term.key][skim.document.region].update(dict.fromkeys(term.written))
    terms = [
        DeskTerm(key, english[key], {r: tuple(f) for r, f in forms[key].items()}, tuple(docs))
        for key, docs in used.items()
        if len(set(docs)) > 1
    ]
    terms.sort(key=lambda t: (-len(t.documents), t.key))
    return terms
