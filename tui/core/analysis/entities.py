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
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from tui.core.model.chars import NAME_DOTS, is_han
from tui.core.model.document import Document
from tui.core.scripts import convert

if TYPE_CHECKING:
    from tui.core.glossary.entries import Entry, Glossary

__all__ = ["ORGANISATION", "PERSON", "PLACE", "Entity", "Mention", "Tagger", "find_entities"]

PERSON, ORGANISATION, PLACE = "person", "organisation", "place"

#: jieba's tags for names, and what each names.
_NAME_TAGS = {"nr": PERSON, "nrfg": PERSON, "nrt": PERSON, "ns": PLACE, "nt": ORGANISATION}
#: Tags of words that make a "name" a phrase when one of its parts carries them.
_PHRASE_TAGS = ("v", "a", "d", "c", "p", "u", "r", "f", "m", "q", "j")
#: One-character country abbreviations: 中美, 美中 name a relation, not a place.
_COUNTRY_ABBREVIATIONS = frozenset("中美俄日英法德欧韩朝印台港澳越")
#: Characters a personal name does not have inside it (权之争, 说了算).
_NOT_IN_NAMES = frozenset("之的地得了着过")
#: Endings of words that name an institution, for tags jieba leaves vague (nz).
_ORGANISATION_ENDINGS = (
    "大学",
    "学院",
    "公司",
    "集团",
    "银行",
    "委员会",
    "协会",
    "基金会",
    "研究所",
    "研究院",
    "中心",
    "政府",
    "国会",
    "议会",
    "部",
    "局",
    "署",
)
#: Last characters of a title or job (分析员, 外交官, 讲师, 记者, 合伙人, 总监, 主管...).
_TITLE_ENDINGS = frozenset(
    "员員官师師家者人长長监監管任授席表问問裁理士生委使统統督编編辑輯将將帅帥导導总總司事手匠工"
)
#: Words ending like a title that are not one (儘管 "although").
_NOT_TITLES = frozenset({"尽管", "儘管", "不管", "只管", "甚至于", "总之"})
#: Stops for the search back from a name to its title.
_ROLE_STOPS = frozenset("，。；：！？「」『』“”《》()（）【】[]\n,;:!?/")
#: Words before a title that belong to the sentence, not the title (其首席执行官).
_ROLE_LEADS = "其该此这那 \u3000"
#: The title of a former office keeps the institution: 前美國國務院外交官.
_FORMER = ("前", "原", "时任", "時任", "现任", "現任")


@dataclass(frozen=True, slots=True)
class Mention:
    """One stretch of text naming an entity; ``key`` groups the mentions of one entity."""

    start: int
    end: int
    key: str
    kind: str


@dataclass(frozen=True, slots=True)
class Entity:
    """A person, organisation or place, with every place the text mentions it."""

    name: str
    kind: str
    english: str | None
    role: str | None
    occurrences: tuple[tuple[int, int], ...]

    @property
    def count(self) -> int:
        return len(self.occurrences)

    @property
    def start(self) -> int:
        return self.occurrences[0][0]


class Tagger:
    """jieba's part-of-speech tagger, giving offsets into the text it tagged."""

    def __init__(self, pos_tokenizer: Any) -> None:
        self._pos = pos_tokenizer

    def tags(self, shadow: str) -> Iterator[tuple[int, int, str]]:
        """``(start, end, tag)`` for every word; words are re-found in order, so offsets
        stay right even where jieba drops or rewrites a character."""
        pos = 0
        for pair in self._pos.cut(shadow):
            word = pair.word
            start = pos if shadow.startswith(word, pos) else shadow.find(word, pos)
            if not word or start < 0:
                continue
            pos = start + len(word)
            yield start, pos, pair.flag

    def tag_of(self, word: str) -> str | None:
        """The dictionary's tag for ``word``, None when jieba does not list it."""
        tag: str | None = self._pos.word_tag_tab.get(word)
        return tag

    def frequency(self, word: str) -> int:
        """How often jieba's dictionary counts ``word`` (0: not a word of its own)."""
        return self._pos.tokenizer.FREQ.get(word) or 0


def find_entities(
    document: Document,
    glossary: Glossary | None,
    tagger: Tagger | None,
    english: dict[str, str] | None = None,
) -> tuple[list[Entity], list[Mention]]:
    """The entities (most mentioned first) and all their mentions in text order.

    ``english`` maps a name's Simplified shadow to the English the text gives it (from
    :func:`tui.core.glossary.candidates.find_candidates`).
    """
    shadow = document.shadow or convert.shadow(document.text)
    claimed = bytearray(len(document.text))
    mentions: list[Mention] = []

    def claim(found: Iterable[Mention]) -> None:
        for mention in found:
            if not any(claimed[mention.start : mention.end]):
                claimed[mention.start : mention.end] = b"\1" * (mention.end - mention.start)
                mentions.append(mention)

    entries = glossary.entries if glossary is not None else {}
    claim(_glossary_mentions(document, entries))
    if tagger is not None:
        tags = list(tagger.tags(shadow))
    else:  # the segmenter's words, untagged: names still come from the glossary and dots
        tags = [(t.start, t.end, "x") for t in document.tokens]
    dotted = list(_dotted_names(shadow, tags))
    claim(dotted)
    claim(_surnames(shadow, dotted))
    if tagger is not None:
        claim(_tagged(shadow, tags, tagger))
    mentions = _without_echoes(document.text, sorted(mentions, key=lambda m: m.start))
    entities = _group(document, mentions, entries, english or {}, shadow)
    return entities, mentions


# --- where mentions come from ----------------------------------------------------------


def glossary_kind(entry: Entry) -> str | None:
    """What a glossary entry names, if it is an entity at all.

    A media entry is an organisation when its English is a proper name (The Straits Times),
    not when it is a kind of thing (beat reporter) or a title (10 Breakthrough Technologies).
    """
    category = str(entry.category)
    if category in (PERSON, ORGANISATION, PLACE):
        return category
    if category == "media" and entry.en[:1].isupper():
        return ORGANISATION
    return None


def _glossary_mentions(document: Document, entries: dict[str, Entry]) -> Iterator[Mention]:
    for token in document.tokens:
        entry = entries.get(token.term) if token.term else None
        kind = glossary_kind(entry) if entry is not None else None
        if kind is not None:
            yield Mention(token.start, token.end, f"id:{token.term}", kind)


def _dotted_names(shadow: str, words: list[tuple[int, int, str]]) -> Iterator[Mention]:
    """Han words joined by middle dots (汉娜·多门): the way Chinese writes a foreign person's
    name. Built from the tagger's words, whose edges are better than the segmenter's here
    (it keeps 林 apart from the 在 after it)."""
    index = 0
    while index < len(words):
        end = index
        while (
            end + 2 < len(words)
            and shadow[words[end + 1][0] : words[end + 1][1]] in NAME_DOTS
            and _is_han_word(shadow, words[end])
            and _is_han_word(shadow, words[end + 2])
        ):
            end += 2
        if end > index:
            start, stop = words[index][0], _name_end(shadow, words, end)
            yield Mention(start, stop, f"name:{_dots_unified(shadow[start:stop])}", PERSON)
        index = end + 1


def _name_end(shadow: str, words: list[tuple[int, int, str]], last: int) -> int:
    """Where a dotted name ends: its last word, and the next character too when the tagger
    left a one-character surname and a lone character after it that is no particle or
    preposition (多/门: 门 belongs to the name; 林/在: 在 does not)."""
    start, end, _ = words[last]
    if end - start == 1 and last + 1 < len(words):
        after_start, after_end, tag = words[last + 1]
        if (
            after_end - after_start == 1
            and _is_han_word(shadow, words[last + 1])
            and not tag.startswith(_PHRASE_TAGS)
        ):
            return after_end
    return end


def _is_han_word(shadow: str, word: tuple[int, int, str]) -> bool:
    return _all_han(shadow[word[0] : word[1]])


@lru_cache(maxsize=1 << 16)
def _all_han(word: str) -> bool:
    """Asked of every word of a long text, which repeats most of them."""
    return all(is_han(ch) for ch in word)


def _dots_unified(name: str) -> str:
    return "·".join(_split_dotted(name))


def _is_dotted(word: str) -> bool:
    parts = _split_dotted(word)
    return len(parts) >= 2 and all(parts) and all(is_han(ch) for part in parts for ch in part)


def _split_dotted(word: str) -> list[str]:
    for dot in NAME_DOTS:
        word = word.replace(dot, "·")
    return word.split("·")


def _surnames(shadow: str, dotted: list[Mention]) -> Iterator[Mention]:
    """After 克里夫·西姆斯, a bare 西姆斯 is the same person (when no other name ends so).
    Found by plain search: the segmenter often glues a foreign surname to its neighbour."""
    by_surname: dict[str, set[str]] = defaultdict(set)
    for mention in dotted:
        surname = _split_dotted(shadow[mention.start : mention.end])[-1]
        if len(surname) >= 2:
            by_surname[surname].add(mention.key)
    for surname, keys in by_surname.items():
        if len(keys) != 1:
            continue
        key = next(iter(keys))
        at = shadow.find(surname)
        while at >= 0:
            yield Mention(at, at + len(surname), key, PERSON)
            at = shadow.find(surname, at + len(surname))


def _tagged(shadow: str, tags: list[tuple[int, int, str]], tagger: Tagger) -> Iterator[Mention]:
    for start, end, tag in tags:
        word = shadow[start:end]
        kind = _NAME_TAGS.get(tag)
        if kind is None and tag == "nz" and word.endswith(_ORGANISATION_ENDINGS):
            kind = ORGANISATION
        if kind is not None and _plausible(word, kind, tagger):
            yield Mention(start, end, f"name:{word}", kind)


def _plausible(word: str, kind: str, tagger: Tagger) -> bool:
    """Whether a word jieba tags as a name is one: its dictionary has phrases and verbs
    among its names (努力实现/nr, 冷启动/nr, 波及/ns)."""
    if len(word) < 2 or not all(is_han(ch) for ch in word):
        return False
    if len(word) == 2 and all(ch in _COUNTRY_ABBREVIATIONS for ch in word):
        return False
    if kind == PERSON and (
        any(ch in _NOT_IN_NAMES for ch in word[:-1])
        or (len(word) > 3 and tagger.tag_of(word) is None)
    ):
        return False
    return not _is_phrase(word, tagger)


def _is_phrase(word: str, tagger: Tagger) -> bool:
    """Two dictionary words, neither a name, one of them a verb, adjective or particle, each
    far more common than the whole: then the whole is a phrase that slipped into the
    dictionary (中国 splits as 中/f 国/n too, but is itself common)."""
    whole = tagger.frequency(word)
    for cut in range(1, len(word)):
        parts = (word[:cut], word[cut:])
        tags = [tag for tag in map(tagger.tag_of, parts) if tag is not None]
        if len(tags) < len(parts) or any(tag.startswith(("nr", "ns", "nt", "nz")) for tag in tags):
            continue
        rarest = min(tagger.frequency(part) for part in parts)
        if any(tag.startswith(_PHRASE_TAGS) for tag in tags) and whole * 5 < rarest:
            return True
    return False


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


# --- grouping, names, English and roles ------------------------------------------------


def _group(
    document: Document,
    mentions: Sequence[Mention],
    entries: dict[str, Entry],
    english: dict[str, str],
    shadow: str,
) -> list[Entity]:
    text = document.text
    groups: dict[str, list[Mention]] = defaultdict(list)
    for mention in mentions:
        groups[mention.key].append(mention)
    starts = {m.start: m for m in mentions}
    dotted_english = _DottedEnglish(english)
    entities = []
    for key, found in groups.items():
        kind = Counter(m.kind for m in found).most_common(1)[0][0]
        spans = tuple((m.start, m.end) for m in found)
        name = max(
            (text[s:e] for s, e in spans), key=lambda w: (any(is_han(ch) for ch in w), len(w))
        )
        entry = entries.get(key[3:]) if key.startswith("id:") else None
        given = entry.en if entry is not None else _english_of(spans, shadow, dotted_english)
        role = _role(text, spans, name, starts) if kind == PERSON else None
        entities.append(Entity(" ".join(name.split()), kind, given, role, spans))
    return sorted(entities, key=lambda e: (-e.count, e.start))


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
    text: str, spans: Sequence[tuple[int, int]], name: str, starts: dict[int, Mention]
) -> str | None:
    """The title before the first mention by full name that has one. ``starts`` maps where
    each mention of the document starts to it, built once for all the people."""
    for start, end in spans:
        if text[start:end] != name:
            continue
        lead = start
        while lead > 0 and text[lead - 1] not in _ROLE_STOPS:
            lead -= 1
        role = _title_in(text, lead, start, starts)
        if role:
            return role
    return None


def _title_in(text: str, lead: int, stop: int, starts: dict[int, Mention]) -> str | None:
    """The last ``、``-separated part of ``text[lead:stop]`` that reads as a title."""
    ends = [stop]
    bounds = [lead] + [i + 1 for i in range(lead, stop) if text[i] == "、"]
    for bound in reversed(bounds):
        end = ends[-1]
        ends.append(bound - 1)
        head = text.rfind("的", bound, end)
        begin = head + 1 if head >= 0 else bound
        while begin < end and text[begin] in _ROLE_LEADS:
            begin += 1
        begin = _after_employer(text, begin, end, starts)
        title = text[begin:end].strip()
        if _is_title(title):
            return title
    return None


def _after_employer(text: str, begin: int, end: int, starts: dict[int, Mention]) -> int:
    """Skip the organisation (and its country) that opens a title: 美國喬治敦大學…中心
    研究分析員 is a 研究分析員 there. After 前 the institution is part of the title."""
    if text.startswith(_FORMER, begin):
        return begin
    while begin < end and (mention := starts.get(begin)) is not None and mention.end < end:
        following = starts.get(mention.end)
        if mention.kind == ORGANISATION or (
            mention.kind == PLACE and following is not None and following.kind == ORGANISATION
        ):
            begin = mention.end
        else:
            break
    return begin


def _is_title(title: str) -> bool:
    if len(title) < 2 or title in _NOT_TITLES:
        return False
    last = title[-1]
    return last in _TITLE_ENDINGS or (last.isascii() and last.isupper() and title.isascii())
