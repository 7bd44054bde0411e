"""The mentions found in a text so far, each character claimed by at most one, and the
evidence that decides whether a word is a name: jieba's tags, the dictionary, the family
names it lists and the titles before a name."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from tui.core.analysis.boilerplate import is_boilerplate
from tui.core.analysis.evidence import Evidence, dictionary_evidence, family_names
from tui.core.analysis.kinds import COMMON
from tui.core.analysis.mentions import NAME_TAGS, ORGANISATION, PERSON, PLACE, Mention, Tagger
from tui.core.analysis.roles import TITLE_ENDINGS
from tui.core.analysis.spotting import split_titles, surname_names
from tui.core.analysis.transliteration import TRANSLITERATION
from tui.core.model.chars import is_han
from tui.core.model.document import Document
from tui.core.scripts import convert

if TYPE_CHECKING:
    from tui.core.readings.dictionary import Dictionary

__all__ = ["Claims"]

#: The longest name looked up in the dictionary at each word (中華人民共和國 is seven).
_LONGEST_NAME = 7
#: Last characters of the names of places (Simplified): a district, a county, a street.
_PLACE_ENDINGS = tuple("区县市省州镇乡村街路岛湾邦")


#: A short form given in brackets after a name: （下称“晶曜半导体”）, （简称港府）, （台积电）.
_SHORT_FORM = re.compile(
    r"\s*[（(]\s*(?:以下简称|下称|简称|以下称)?\s*[“「\"]?([^”」\"（）()，,]{2,12}?)[”」\"]?\s*[）)]"
)


class Claims:
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
            self.tags = split_titles(self.shadow, list(tagger.tags(self.shadow)))
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
            if start > 0 and self.shadow[start - 1].isdigit():
                continue  # 8日电 in a dateline is no NEC
            for length in range(_LONGEST_NAME, 1, -1):
                word = self.shadow[start : start + length]
                if start + length not in ends or word not in proper:
                    continue
                evidence = self.evidence(word)
                tagged = (
                    NAME_TAGS.get(self._tag_at(start)) if length == self._length_at(start) else None
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
            (self._common, self._person, self._ordinary),
            (self._vouched, self._titled),
            lambda index: self._tag_at(index).startswith(("v", "p", "d", "c", "i", "l")),
        )
        return (name for name in found if self._may_start(name[0]))

    def transliterated_names(self) -> Iterator[tuple[int, int, str]]:
        """Foreign names spelt out without a middle dot, after a title or in a list of
        people (众议员莫顿、馨森、西曼尼兹): a word spelt mostly in the characters
        transliteration uses, up to a punctuation mark or a verb."""
        listed = -1  # where the last name found ends: a list goes on after its 、
        for index, (start, word_end, _) in enumerate(self.tags):
            comma = self.shadow[start:word_end] == "、"
            if comma and not self._after_name(start, listed):
                continue
            if not (comma or self._title_word(index)):
                continue
            end = word_end
            while end < len(self.shadow) and self.shadow[end] in " \u3000":
                end += 1
            stop = end
            while stop - end < 7 and not self._cue(stop) and is_han(self.shadow[stop]):
                stop += 1
            name = self.shadow[end:stop]
            spelt = 2 * sum(ch in TRANSLITERATION for ch in name) >= len(name)
            if len(name) >= 2 and spelt and self._cue(stop) and not self._ordinary(name):
                listed = stop
                yield end, stop, PERSON

    def _after_name(self, comma: int, listed: int) -> bool:
        """A 、 right after a name, or after the English a name is given in brackets
        (史密斯（Adrian Smith）、莫顿): the list it opens goes on with people."""
        at = comma
        if at > 0 and self.shadow[at - 1] in ")）":
            opening = max(self.shadow.rfind("(", 0, at), self.shadow.rfind("（", 0, at))
            at = opening if comma - opening <= 40 else at
        return at == listed or self.is_claimed(at - 1, at)

    def _cue(self, index: int) -> bool:
        return (
            index >= len(self.shadow)
            or self.shadow[index] in "、，。：；（(等"
            or self._tag_at(index).startswith(("v", "p", "d", "c"))
        )

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

    def _ordinary(self, word: str) -> bool:
        return self.evidence(word).kind == COMMON

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
        after_noun = word > 0 and self.tags[word - 1][2].startswith("n")
        if self.shadow[end - 1] not in TITLE_ENDINGS:
            return False
        if not tag.startswith("n"):  # 党团/总召: a title the tagger calls a verb
            return tag.startswith("v") and end - start == 2 and after_noun
        return end - start >= 2 or after_noun

    def short_forms(self) -> Iterator[Mention]:
        """The short form an organisation is given in brackets when first named, wherever
        it is used after: 合肥晶曜半导体有限公司（下称“晶曜半导体”）, then 晶曜半导体."""
        for mention in list(self.mentions):
            if mention.kind != ORGANISATION:
                continue
            found = _SHORT_FORM.match(self.shadow, mention.end)
            short = found.group(1) if found is not None else ""
            if len(short) < 2 or not all(map(is_han, short)):
                continue
            at = self.shadow.find(short, found.end() if found else 0)
            while at >= 0:
                yield Mention(at, at + len(short), mention.key, ORGANISATION)
                at = self.shadow.find(short, at + len(short))

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
