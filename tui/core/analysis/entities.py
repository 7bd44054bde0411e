"""People, organisations and places named in a document, with their English and roles.

A reporter skimming a story wants who is in it, who they are and where each is mentioned.
Three sources are combined, most trusted first, and a span claimed by one is never claimed
again: the glossary (its people and organisations always count), names joined with a middle
dot (漢娜·多門, which only transliterated personal names use), and jieba's part-of-speech
tags (nr, ns, nt) on the Simplified shadow, cleaned of the tags jieba's dictionary gets
wrong (努力实现/nr, 波及/ns). The English comes from the glossary or from the text itself
(漢娜·多門(Hanna Dohmen)); the role is the title the text puts before the name
(研究分析員漢娜·多門).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from tui.core.analysis.claims import Claims
from tui.core.analysis.dotted import dotted_names, surnames
from tui.core.analysis.mentions import ORGANISATION, PERSON, PLACE, Mention, Tagger, all_han
from tui.core.analysis.names import EnglishName, bracketed_english, english_name
from tui.core.analysis.roles import RoleSpans, role_after, role_before
from tui.core.analysis.spotting import latin_organisations, media_titles, suffixed_names
from tui.core.analysis.tagged import glossary_kind, glossary_mentions, tagger_mentions
from tui.core.model.chars import is_han
from tui.core.model.document import Document
from tui.core.scripts import convert

if TYPE_CHECKING:
    from tui.core.glossary.entries import Entry, Glossary
    from tui.core.readings.dictionary import Dictionary

__all__ = [
    "ORGANISATION",
    "PERSON",
    "PLACE",
    "Entity",
    "Mention",
    "Tagger",
    "find_entities",
    "glossary_kind",
]

#: What a city, province or county adds to its name (合肥市 is 合肥).
_ADMINISTRATIVE = tuple("市省县")


@dataclass(frozen=True, slots=True)
class Entity:
    """A person, organisation or place, with every place the text mentions it."""

    name: str
    kind: str
    english: str | None
    role: str | None
    occurrences: tuple[tuple[int, int], ...]
    #: Where the English comes from: "text", "glossary", "dictionary", "pinyin" (read from
    #: the characters) or "none"; the note says why a reading is only a guess, or missing.
    english_source: str = "none"
    english_note: str | None = None

    @property
    def count(self) -> int:
        return len(self.occurrences)

    @property
    def start(self) -> int:
        return self.occurrences[0][0]


def find_entities(
    document: Document,
    glossary: Glossary | None,
    tagger: Tagger | None,
    english: dict[str, str] | None = None,
    region: str = "",
    dictionary: Dictionary | None = None,
) -> tuple[list[Entity], list[Mention]]:
    """The entities (most mentioned first) and all their mentions in text order.

    ``english`` maps a name's Simplified shadow to the English the text gives it (from
    :func:`tui.core.glossary.candidates.find_candidates`); ``region`` is whose usage the text
    follows (a :class:`~tui.core.scripts.convert.Region` value), for how names are spelt;
    ``dictionary`` (CC-CEDICT) tells names from common words and gives English.
    """
    finder = Claims(document, tagger, dictionary)
    entries = glossary.entries if glossary is not None else {}
    finder.claim(glossary_mentions(document, entries))
    finder.claim(finder.found(media_titles(finder.shadow)))
    finder.claim(finder.found(latin_organisations(finder.text)))
    dotted = list(dotted_names(finder.shadow, finder.tags, finder.common_word))
    finder.claim(dotted)
    finder.claim(surnames(finder.shadow, dotted))
    institutions = suffixed_names(finder.shadow, finder.tags, finder.is_name, finder.common_word)
    finder.claim_over(finder.found(institutions))
    finder.claim(finder.short_forms())
    finder.claim(finder.found(finder.chinese_names()))
    finder.claim(finder.found(finder.transliterated_names()))
    finder.claim(finder.repeated())  # before 永康 in 邓永康 can pass for a place
    finder.claim(finder.dictionary_names())
    if tagger is not None:
        finder.claim(finder.evidenced(tagger_mentions(finder.shadow, finder.tags, tagger)))
    finder.claim(finder.repeated())
    mentions = _without_echoes(document.text, sorted(finder.mentions, key=lambda m: m.start))
    mentions = _short_forms(finder.shadow, mentions, finder.families())
    mentions = _places_by_stem(finder.shadow, mentions)
    shadow = finder.shadow
    spelling = _REGIONS.get(region) or _script_region(document.text)
    sources = _Sources(entries, _DottedEnglish(english or {}), spelling, dictionary)
    entities = _group(document, mentions, sources, (shadow, finder.tags))
    return entities, mentions


def _short_forms(shadow: str, mentions: list[Mention], families: frozenset[str]) -> list[Mention]:
    """A family name alone (欧阳, 司马), or with a form of address (麦官, 陈生, 老蓝), is the
    one person the text has named in full with it, when there is one: a reporter's second
    mention."""
    full: dict[str, set[str]] = defaultdict(set)
    for mention in mentions:
        word = shadow[mention.start : mention.end]
        if mention.kind == PERSON and len(word) >= 3 and all_han(word):
            family = word[:2] if word[:2] in families else word[:1]
            full[family].add(mention.key)
    merged = []
    for mention in mentions:
        keys = full.get(_family_of(shadow[mention.start : mention.end]), set())
        single = mention.kind == PERSON and len(keys) == 1
        merged.append(replace(mention, key=next(iter(keys))) if single else mention)
    return merged


#: Forms of address after a family name (麦官 "Judge Mak", 陈生, 王太) or before it (老蓝).
_ADDRESS_AFTER = ("先生", "女士", "小姐", "太太", "师傅", "老师", "医生", "教授", "官", "生", "太")
_ADDRESS_BEFORE = ("老", "小", "阿")


def _family_of(word: str) -> str:
    for address in _ADDRESS_AFTER:
        if word.endswith(address) and len(word) > len(address):
            return word[: -len(address)]
    if word.startswith(_ADDRESS_BEFORE) and 2 <= len(word) <= 3:
        return word[1:]
    return word


def _places_by_stem(shadow: str, mentions: list[Mention]) -> list[Mention]:
    """合肥市 and 合肥, 台南 and 台南市: one place, whether the text adds what it is."""
    stems = {}
    for mention in mentions:
        word = shadow[mention.start : mention.end]
        if mention.kind == PLACE and len(word) >= 3 and word.endswith(_ADMINISTRATIVE):
            stems[word[:-1]] = mention.key
    return [
        replace(m, key=stems[word])
        if m.kind == PLACE and (word := shadow[m.start : m.end]) in stems
        else m
        for m in mentions
    ]


def _without_echoes(text: str, mentions: list[Mention]) -> list[Mention]:
    """Drop the English that glosses a name in parentheses: 漢娜·多門(Hanna Dohmen) is one
    mention, not two."""
    kept: list[Mention] = []
    for mention in mentions:
        before = mention.start - 1
        if kept and before >= 0 and text[before] in "(（":
            before -= 1
            while before >= 0 and text[before] in "」』”》 ":
                before -= 1
            if kept[-1].key == mention.key and kept[-1].end == before + 1:
                continue
        kept.append(mention)
    return kept


# --- grouping, names, English and roles ---------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Sources:
    """What names an entity in English, most trusted first."""

    entries: dict[str, Entry]
    given: _DottedEnglish  # the text's own 中文（English） pairs
    region: str  # "cn", "tw", "hk" or "", for how a romanised name is written
    dictionary: Dictionary | None


#: The reader's regions as :func:`tui.core.analysis.names.romanised` names them.
_REGIONS = {"mainland": "cn", "Taiwan": "tw", "Hong Kong": "hk"}


def _script_region(text: str) -> str:
    """A text whose region cannot be told: "hant" when written in Traditional (a name there
    is Taiwan's or Hong Kong's, spelt otherwise than in Pinyin), else none."""
    script = convert.detect_script(text[:_SCRIPT_SAMPLE])
    return "hant" if script == convert.Script.TRADITIONAL else ""


#: Characters the script of a text is judged on.
_SCRIPT_SAMPLE = 20_000


def _group(
    document: Document,
    mentions: Sequence[Mention],
    sources: _Sources,
    tagged: tuple[str, list[tuple[int, int, str]]],
) -> list[Entity]:
    text = document.text
    shadow, tags = tagged
    groups: dict[str, list[Mention]] = defaultdict(list)
    for mention in mentions:
        groups[mention.key].append(mention)
    people = RoleSpans(
        frozenset(m.start for m in mentions if m.kind == PERSON),
        {m.end: m.start for m in mentions if m.kind != PERSON},
    )
    entities = []
    for key, found in groups.items():
        kind = Counter(m.kind for m in found).most_common(1)[0][0]
        spans = tuple((m.start, m.end) for m in found)
        name = _shown_name(text, spans, kind)
        english = _english(text, shadow, key, kind, spans, sources)
        role = _role(text, shadow, tags, spans, name, people) if kind == PERSON else None
        entity = Entity(" ".join(name.split()), kind, english.text, role, spans)
        entities.append(replace(entity, english_source=english.source, english_note=english.note))
    return sorted(entities, key=lambda e: (-e.count, e.start))


def _shown_name(text: str, spans: Sequence[tuple[int, int]], kind: str) -> str:
    """The fullest Chinese form a person or organisation is given (孟晚舟 over 孟); for a
    place, the form the text uses most (合肥 over one 合肥市)."""
    forms = [text[s:e] for s, e in spans]
    if kind == PLACE:
        counts = Counter(forms)
        return max(forms, key=lambda w: (any(map(is_han, w)), counts[w], -len(w)))
    return max(forms, key=lambda w: (any(map(is_han, w)), len(w)))


def _english(
    text: str,
    shadow: str,
    key: str,
    kind: str,
    spans: tuple[tuple[int, int], ...],
    sources: _Sources,
) -> EnglishName:
    entry = sources.entries.get(key[3:]) if key.startswith("id:") else None
    given = next(filter(None, (bracketed_english(text, end) for _, end in spans)), None)
    if given is not None and kind == PERSON and not any(ch.islower() for ch in given):
        given = None  # 某人（AI）: an abbreviation in brackets is not their name
    if entry is None and given is None:
        given = _english_of(spans, shadow, sources.given)
    name = shadow[spans[0][0] : spans[0][1]]
    longest = max((shadow[s:e] for s, e in spans), key=len)
    return english_name(
        longest if len(longest) > len(name) else name,
        kind,
        sources.region,
        given=given,
        glossary_english=entry.en if entry is not None else None,
        dictionary=sources.dictionary,
    )


def _english_of(
    spans: Iterable[tuple[int, int]], shadow: str, english: _DottedEnglish
) -> str | None:
    for start, end in spans:
        found = english.given.get(shadow[start:end])
        if found:
            return found
    names = {shadow[start:end] for start, end in spans}
    return english.ending_with(name for name in names if "·" in name)


class _DottedEnglish:
    """The English the text gives its terms, also found by the end of a term: the segmenter
    may have glued a word on the front of a dotted name (说克里夫·西姆斯). Every ending of
    every term is indexed once, so each entity's lookup costs its own names, not the whole
    table."""

    def __init__(self, given: dict[str, str]) -> None:
        self.given = given
        self._first_ending: dict[str, int] = {}
        self._values = list(given.values())
        for order, term in enumerate(given):
            if "·" not in term:
                continue
            for cut in range(len(term)):
                self._first_ending.setdefault(term[cut:], order)

    def ending_with(self, names: Iterable[str]) -> str | None:
        """The English of the first term (in the table's order) that ends with one of
        ``names``."""
        orders = [self._first_ending[n] for n in names if n in self._first_ending]
        return self._values[min(orders)] if orders else None


def _role(
    text: str,
    shadow: str,
    tags: list[tuple[int, int, str]],
    spans: Sequence[tuple[int, int]],
    name: str,
    people: RoleSpans,
) -> str | None:
    """The role at the first mention by full name that has one, else at the first that has
    one at all (a name the tagger cut short at its first mention); it holds for the rest."""
    ordered = sorted(spans, key=lambda span: text[span[0] : span[1]] != name)
    for start, end in ordered:
        role = role_before(text, shadow, tags, start, people) or role_after(text, shadow, tags, end)
        if role:
            return role
    return None
