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

from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from tui.core.analysis.boilerplate import is_boilerplate
from tui.core.analysis.names import (
    COMMON,
    TRANSLITERATION,
    EnglishName,
    Evidence,
    bracketed_english,
    dictionary_evidence,
    english_name,
    family_names,
)
from tui.core.analysis.roles import (
    TITLE_ENDINGS,
    RoleSpans,
    is_title,
    role_after,
    role_before,
)
from tui.core.analysis.spotting import (
    latin_organisations,
    media_titles,
    suffixed_names,
    surname_names,
)
from tui.core.model.chars import NAME_DOTS, is_han
from tui.core.model.document import Document
from tui.core.scripts import convert

if TYPE_CHECKING:
    from tui.core.glossary.entries import Entry, Glossary
    from tui.core.readings.dictionary import Dictionary

__all__ = ["ORGANISATION", "PERSON", "PLACE", "Entity", "Mention", "Tagger", "find_entities"]

PERSON, ORGANISATION, PLACE = "person", "organisation", "place"

#: The longest name looked up in the dictionary at each word (中華人民共和國 is seven).
_LONGEST_NAME = 7
#: Last characters of the names of places (Simplified): a district, a county, a street.
_PLACE_ENDINGS = tuple("区县市省州镇乡村街路岛湾邦")
#: What a city, province or county adds to its name (合肥市 is 合肥).
_ADMINISTRATIVE = tuple("市省县")
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
    region: str = "",
    dictionary: Dictionary | None = None,
) -> tuple[list[Entity], list[Mention]]:
    """The entities (most mentioned first) and all their mentions in text order.

    ``english`` maps a name's Simplified shadow to the English the text gives it (from
    :func:`tui.core.glossary.candidates.find_candidates`); ``region`` is whose usage the text
    follows (a :class:`~tui.core.scripts.convert.Region` value), for how names are spelt;
    ``dictionary`` (CC-CEDICT) tells names from common words and gives English.
    """
    finder = _Claims(document, tagger, dictionary)
    entries = glossary.entries if glossary is not None else {}
    finder.claim(_glossary_mentions(document, entries))
    finder.claim(finder.found(media_titles(finder.shadow)))
    finder.claim(finder.found(latin_organisations(finder.text)))
    dotted = list(_dotted_names(finder.shadow, finder.tags, finder.common_word))
    finder.claim(dotted)
    finder.claim(_surnames(finder.shadow, dotted))
    institutions = suffixed_names(finder.shadow, finder.tags, finder.is_name, finder.common_word)
    finder.claim_over(finder.found(institutions))
    finder.claim(finder.found(finder.chinese_names()))
    finder.claim(finder.repeated())  # before 永康 in 邓永康 can pass for a place
    finder.claim(finder.dictionary_names())
    if tagger is not None:
        finder.claim(finder.evidenced(_tagged(finder.shadow, finder.tags, tagger)))
    finder.claim(finder.repeated())
    mentions = _without_echoes(document.text, sorted(finder.mentions, key=lambda m: m.start))
    mentions = _short_forms(finder.shadow, mentions, finder.families())
    mentions = _places_by_stem(finder.shadow, mentions)
    shadow = finder.shadow
    sources = _Sources(entries, _DottedEnglish(english or {}), _REGIONS.get(region, ""), dictionary)
    entities = _group(document, mentions, sources, (shadow, finder.tags))
    return entities, mentions


class _Claims:
    """The text's mentions so far, each character claimed by at most one; boilerplate
    lines (captions, bylines) are claimed before anything, so no name is found in them."""

    def __init__(
        self, document: Document, tagger: Tagger | None, dictionary: Dictionary | None
    ) -> None:
        self.text = document.text
        self.shadow = document.shadow or convert.shadow(document.text)
        self.tagger = tagger
        self.dictionary = dictionary
        self.claimed = bytearray(len(self.text))
        self.mentions: list[Mention] = []
        for paragraph in document.paragraphs:
            if is_boilerplate(self.text[paragraph.start : paragraph.end]):
                self.claimed[paragraph.start : paragraph.end] = b"\1" * (
                    paragraph.end - paragraph.start
                )
        if tagger is not None:
            self.tags = list(tagger.tags(self.shadow))
        else:  # the segmenter's words, untagged: names still come from the glossary and dots
            self.tags = [(t.start, t.end, "x") for t in document.tokens]
        self._evidence: dict[str, Evidence] = {}

    def claim(self, found: Iterable[Mention]) -> None:
        for mention in found:
            if not self.is_claimed(mention.start, mention.end):
                self.claimed[mention.start : mention.end] = b"\1" * (mention.end - mention.start)
                self.mentions.append(mention)

    def claim_over(self, found: Iterable[Mention]) -> None:
        """Claim, taking the place of organisations and places found inside: 立法會財務委員會
        is one committee, not 立法會 and the rest."""
        for mention in found:
            inside = [
                m
                for m in self.mentions
                if mention.start <= m.start and m.end <= mention.end and m.kind != PERSON
            ]
            if inside and self.is_claimed(mention.start, mention.end):
                covered = sum(m.end - m.start for m in inside)
                if covered != sum(self.claimed[mention.start : mention.end]):
                    continue  # something else, a person, is claimed inside
                for m in inside:
                    self.mentions.remove(m)
                self.claimed[mention.start : mention.end] = bytes(mention.end - mention.start)
            self.claim([mention])

    def is_claimed(self, start: int, end: int) -> bool:
        return any(self.claimed[start:end])

    def found(self, spans: Iterable[tuple[int, int, str]]) -> Iterator[Mention]:
        for start, end, kind in spans:
            yield Mention(start, end, f"name:{self.shadow[start:end]}", kind)

    def is_name(self, start: int, end: int) -> bool:
        """Whether the span holds a name: one already found, a word the tagger or the
        dictionary takes for a name, or a word no dictionary knows (鼎衡, 晶曜)."""
        tag = self._tag_at(start)
        if self.is_claimed(start, end) or tag.startswith(("nr", "ns")):
            return True
        word = self.shadow[start:end]
        if len(word) < 2 or self.tagger is None:
            return False
        kind = self.evidence(word).kind
        if tag.startswith("nt") and kind != COMMON:
            return True  # not 上市公司/nt, a kind of company
        return kind in (PERSON, PLACE, ORGANISATION) or (
            kind is None and self.tagger.frequency(word) == 0
        )

    # -- evidence from the dictionary ------------------------------------------------

    def evidence(self, word: str) -> Evidence:
        """What CC-CEDICT says ``word`` names (nothing without a dictionary)."""
        found = self._evidence.get(word)
        if found is None:
            found = (
                dictionary_evidence(word, self.dictionary)
                if self.dictionary is not None
                else Evidence(None, None)
            )
            self._evidence[word] = found
        return found

    def evidenced(self, found: Iterable[Mention]) -> Iterator[Mention]:
        """Names the dictionary does not call common words, of the kind it says they are
        (西雅圖 is a place, whatever the tagger thought)."""
        for mention in found:
            word = self.shadow[mention.start : mention.end]
            evidence = self.evidence(word)
            if evidence.kind == COMMON or (evidence.also_common and len(word) == 2):
                continue  # 武功, 滨海, 西北: a place's name that is also a word, read as the word
            kind = mention.kind if mention.kind in evidence.senses else evidence.kind
            if kind != PLACE and len(word) >= 3 and word.endswith(_PLACE_ENDINGS):
                kind = PLACE  # 高新区 was no person, whatever the tagger thought
            yield Mention(mention.start, mention.end, mention.key, kind or mention.kind)

    def dictionary_names(self) -> Iterator[Mention]:
        """Every name the dictionary knows only as a name, wherever the tagger's words begin
        and end around it, longest first: 周恩來 (a time word to the tagger), 基辛格, 深水埗
        and 將軍澳 (which it cuts in two)."""
        proper = self.dictionary.proper_nouns() if self.dictionary is not None else {}
        starts = {start for start, _, _ in self.tags}
        ends = {end for _, end, _ in self.tags}
        for start in sorted(starts):
            for length in range(_LONGEST_NAME, 1, -1):
                word = self.shadow[start : start + length]
                if start + length not in ends or word not in proper:
                    continue
                evidence = self.evidence(word)
                tagged = (
                    _NAME_TAGS.get(self._tag_at(start))
                    if length == self._length_at(start)
                    else None
                )
                kind = tagged if tagged in evidence.senses else evidence.kind
                if kind in (PERSON, PLACE, ORGANISATION) and self._only_proper(word):
                    yield Mention(start, start + length, f"name:{word}", kind)
                    break

    def _only_proper(self, word: str) -> bool:
        return not self.evidence(word).also_common

    def common_word(self, word: str) -> bool:
        """A word of jieba's dictionary that is not a personal name."""
        if self.tagger is None or self.tagger.frequency(word) == 0:
            return False
        return not (self.tagger.tag_of(word) or "").startswith("nr")

    def chinese_names(self) -> Iterator[tuple[int, int, str]]:
        """Personal names in no dictionary, by their shape and place (see :mod:`spotting`)."""
        if self.dictionary is None or self.tagger is None:
            return iter(())
        found = surname_names(
            self.shadow,
            family_names(self.dictionary),
            self.is_claimed,
            (self._common, self._person),
            (self._vouched, self._titled),
            lambda index: self._tag_at(index).startswith(("v", "p", "d", "c")),
        )
        return (name for name in found if self._may_start(name[0]))

    def _may_start(self, index: int) -> bool:
        """A name starts where a word does, or after a title glued to it; never inside
        another word (辛格 in 基辛格)."""
        return (
            index == 0
            or not is_han(self.shadow[index - 1])
            or bool(self._tag_at(index))
            or self._titled(index)
        )

    def _length_at(self, index: int) -> int:
        found = bisect_left(self.tags, (index, -1, ""))
        if found < len(self.tags) and self.tags[found][0] == index:
            return self.tags[found][1] - index
        return 0

    def _tag_at(self, index: int) -> str:
        """The tag of the word that starts at ``index``; "" inside a word."""
        found = bisect_left(self.tags, (index, -1, ""))
        if found < len(self.tags) and self.tags[found][0] == index:
            return self.tags[found][2]
        return ""

    def _vouched(self, index: int) -> bool:
        """A name may start at ``index``: the tagger starts a name there (邵/nr 启航), or a
        title ends there (局长/林宛臻), or the tagger glued the name to its title (官孟/nr)."""
        tag = self._tag_at(index)
        return tag.startswith("nr") or (
            not tag.startswith(("c", "p", "u", "d", "r")) and self._titled(index)
        )

    def families(self) -> frozenset[str]:
        return family_names(self.dictionary) if self.dictionary is not None else frozenset()

    def _person(self, word: str) -> bool:
        return self.evidence(word).kind == PERSON

    def _common(self, word: str) -> bool:
        if self.evidence(word).kind == PERSON:
            return False
        frequency = self.tagger.frequency(word) if self.tagger is not None else 0
        tag = self.tagger.tag_of(word) if self.tagger is not None else None
        return (frequency > 0 and not (tag or "").startswith("nr")) or self.evidence(word).kind in (
            COMMON,
            PLACE,
            ORGANISATION,
        )

    def _titled(self, index: int) -> bool:
        """A title ends right at ``index``, or the tagger glued one to the name (官孟/nr)."""
        word = bisect_left(self.tags, (index, -1, "")) - 1
        if word < 0:
            return False
        _, end, tag = self.tags[word]
        if end == index:
            return self._title_word(word)
        return end > index and tag.startswith("nr") and self.shadow[index - 1] in TITLE_ENDINGS

    def _title_word(self, word: int) -> bool:
        """A noun ending like a title: 局长, or 官 after a noun (技术/官)."""
        start, end, tag = self.tags[word]
        if self.shadow[end - 1] not in TITLE_ENDINGS or not tag.startswith("n"):
            return False
        return end - start >= 2 or (word > 0 and self.tags[word - 1][2].startswith("n"))

    def repeated(self) -> Iterator[Mention]:
        """Every other place a person's name found once is written: the tagger may have
        cut it differently there (官孟/晚/舟)."""
        names = {
            self.shadow[m.start : m.end]: m.key
            for m in self.mentions
            if m.kind == PERSON and m.end - m.start >= 2 and m.key.startswith("name:")
        }
        for name, key in names.items():
            at = self.shadow.find(name)
            while at >= 0:
                yield Mention(at, at + len(name), key, PERSON)
                at = self.shadow.find(name, at + len(name))


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


def _dotted_names(
    shadow: str, words: list[tuple[int, int, str]], common: Callable[[str], bool]
) -> Iterator[Mention]:
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
            first = _spelt_before(shadow, words, index, common)
            start, stop = words[first][0], _name_end(shadow, words, end, common)
            yield Mention(start, stop, f"name:{_dots_unified(shadow[start:stop])}", PERSON)
        index = end + 1


def _spelt(shadow: str, word: tuple[int, int, str], common: Callable[[str], bool]) -> bool:
    """Whether a word next to a dotted name is more of it: spelt in transliteration's
    characters and no common word (蒂奇 after 彼得·基罗, not 日前)."""
    text = shadow[word[0] : word[1]]
    if word[2] == "nrt":
        return True  # jieba's own tag for a transliterated name
    return all(ch in TRANSLITERATION for ch in text) and not common(text)


def _spelt_before(
    shadow: str, words: list[tuple[int, int, str]], index: int, common: Callable[[str], bool]
) -> int:
    """The first word of a dotted name: 安德烈亚 before 斯·霍夫曼, when the tagger cut there."""
    while (
        index > 0
        and words[index - 1][1] == words[index][0]
        and _spelt(shadow, words[index - 1], common)
    ):
        index -= 1
    return index


def _name_end(
    shadow: str, words: list[tuple[int, int, str]], last: int, common: Callable[[str], bool]
) -> int:
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
    while (
        last + 1 < len(words)
        and words[last + 1][0] == end
        and _spelt(shadow, words[last + 1], common)
    ):
        last += 1
        end = words[last][1]
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
        or _is_office(word, tagger)
    ):
        return False
    return not _is_phrase(word, tagger)


def _is_office(word: str, tagger: Tagger) -> bool:
    """A title the tagger took for a name: a word, then a title of two characters (德国总理,
    not 陈志明)."""
    head, title = word[:-2], word[-2:]
    return (
        len(head) >= 1
        and is_title(title)
        and (tagger.tag_of(title) or "").startswith("n")
        and not (tagger.tag_of(title) or "").startswith("nr")
        and tagger.frequency(head) > 0
    )


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


def _short_forms(shadow: str, mentions: list[Mention], families: frozenset[str]) -> list[Mention]:
    """A family name alone (欧阳, 司马) is the one person the text has named in full with
    it, when there is one: a reporter's second mention."""
    full: dict[str, set[str]] = defaultdict(set)
    for mention in mentions:
        word = shadow[mention.start : mention.end]
        if mention.kind == PERSON and len(word) >= 3 and _all_han(word):
            family = word[:2] if word[:2] in families else word[:1]
            full[family].add(mention.key)
    merged = []
    for mention in mentions:
        keys = full.get(shadow[mention.start : mention.end], set())
        single = mention.kind == PERSON and len(keys) == 1
        merged.append(replace(mention, key=next(iter(keys))) if single else mention)
    return merged


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


# --- grouping, names, English and roles ------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Sources:
    """What names an entity in English, most trusted first."""

    entries: dict[str, Entry]
    given: _DottedEnglish  # the text's own 中文（English） pairs
    region: str  # "cn", "tw", "hk" or "", for how a romanised name is written
    dictionary: Dictionary | None


#: The reader's regions as :func:`tui.core.analysis.names.romanised` names them.
_REGIONS = {"mainland": "cn", "Taiwan": "tw", "Hong Kong": "hk"}


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
