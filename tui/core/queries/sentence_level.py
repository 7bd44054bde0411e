"""The HSK level of one sentence, said so that a learner can check it word by word.

A sentence is at HSK *n* when every word in it is at level *n* or below, apart from names
and numbers (no list holds them, and a learner reads them without having studied them) and
apart from the words in no list at all, which are counted and named instead: a sentence with
one rare word is still an HSK 3 sentence with one word to look up, not an unreadable one.

Character coverage, which :func:`tui.core.readings.levels.grade` uses for a whole document,
says little about twenty characters, so a sentence is graded by its words. A segmenter joins
words the lists keep apart (一个, 不是, 看着, 脸上); such a word counts as its parts when it
is a listed word with numbers, 不 or 没, 这 or 那 before it, or a grammatical ending (了,
着, 过, 的, 上, 在…) after it. Other unlisted words (脚本 is not 脚 + 本) stay unlisted.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from functools import cache

from tui.core.glossary.entries import Category, Entry, Glossary
from tui.core.model.chars import NAME_DOTS
from tui.core.model.document import Document, Token
from tui.core.plurals import plural
from tui.core.queries.sentences import sentence_han_words
from tui.core.readings.dictionary import Dictionary
from tui.core.readings.levels import HskStandard, label, level

__all__ = [
    "SentenceLevel",
    "Standing",
    "WordLevel",
    "grade_sentence",
    "is_name",
    "sentence_level",
    "word_level",
]

#: Characters a number is written with: a word of nothing else is a number.
NUMERALS = frozenset("〇零一二三四五六七八九十百千万亿两壹贰叁肆伍陆柒捌玖拾佰仟")

#: What may come before a listed word in a word the segmenter joined: numbers, negation,
#: demonstratives and a few degree adverbs.
_BEFORE = NUMERALS | frozenset("几多第每这那哪不没很太最更")

#: What may come after it: aspect, complements of direction and result, places, plurals.
_AFTER = frozenset("了着过得的们个上下里中在到出来去起完好成给些")

#: Glossary categories that name someone or something rather than give a word.
_NAMING = frozenset({Category.PERSON, Category.ORGANISATION, Category.PLACE})

#: jieba's tags of people's, places' and organisations' names (its "nz", other proper
#: nouns, holds terms as well, and is left out).
_NAME_TAGS = frozenset({"nr", "nrfg", "nrt", "ns", "nt"})


class Standing(StrEnum):
    """How a word of a sentence stands in the HSK lists."""

    LISTED = "listed"
    JOINED = "joined"  # in no list, but a listed word with a grammatical piece joined to it
    NAME = "name"
    NUMBER = "number"
    UNLISTED = "unlisted"


@dataclass(frozen=True, slots=True)
class WordLevel:
    """One word (in Simplified), its level and how it got it; ``parts``: a joined word's."""

    word: str
    level: int | None
    standing: Standing
    parts: tuple[str, ...] = ()

    @property
    def label(self) -> str:
        """What the sentence view's HSK column shows."""
        if self.standing is Standing.LISTED:
            return label(self.level)
        if self.standing is Standing.JOINED:
            return f"{label(self.level)} ({'+'.join(self.parts)})"
        if self.standing is Standing.UNLISTED:
            return "not listed"
        return str(self.standing)


def _doubled(word: str, standard: HskStandard) -> tuple[str, ...] | None:
    """A listed word said twice (慢慢, 研究研究) as its two halves, or None."""
    half = len(word) // 2
    if half and word[:half] == word[half:] and level(word[:half], standard) is not None:
        return (word[:half], word[half:])
    return None


@cache
def _joined_parts(word: str, standard: HskStandard) -> tuple[str, ...] | None:
    """``word`` as grammatical pieces around one listed word, or None."""
    for first in range(len(word)):
        if first and word[first - 1] not in _BEFORE:
            break
        for last in range(len(word), first, -1):
            if last < len(word) and word[last] not in _AFTER:
                break
            core = word[first:last]
            if core != word and level(core, standard) is not None:
                pieces = (*word[:first], core, *word[last:])
                if all(level(piece, standard) is not None for piece in pieces):
                    return pieces
    return None


def word_level(word: str, standard: str = HskStandard.HSK_2025, name: bool = False) -> WordLevel:
    """How a word (Simplified) counts towards a sentence's level; ``name``: the caller knows
    it for a name (see :func:`is_name`), which a listed word is not taken for (中国 is HSK 1)."""
    standard = HskStandard(standard)
    found = level(word, standard)
    if found is not None:
        return WordLevel(word, found, Standing.LISTED)
    if all(ch in NUMERALS for ch in word):
        return WordLevel(word, None, Standing.NUMBER)
    if name or any(dot in word for dot in NAME_DOTS):
        return WordLevel(word, None, Standing.NAME)
    parts = _doubled(word, standard) or _joined_parts(word, standard)
    if parts is not None:
        highest = max(level(part, standard) or 0 for part in parts)
        return WordLevel(word, highest, Standing.JOINED, parts)
    return WordLevel(word, None, Standing.UNLISTED)


def is_name(
    written: str,
    hans: str,
    dictionary: Dictionary | None,
    category: str | None = None,
    tag: str | None = None,
) -> bool:
    """Whether a word names someone or something: a glossary term for a person, an
    organisation or a place (``category``), a word jieba's dictionary tags as a name
    (``tag``), or a word CC-CEDICT reads only with a capital."""
    if category in _NAMING or tag in _NAME_TAGS:
        return True
    if dictionary is None:
        return False
    entries = dictionary.lookup(written) or dictionary.lookup(hans)
    return bool(entries) and all(entry.pinyin[:1].isupper() for entry in entries)


@dataclass(frozen=True, slots=True)
class SentenceLevel:
    """A sentence's level (None: no word of it is in the lists) and its words' standings."""

    level: int | None
    words: tuple[WordLevel, ...]
    standard: HskStandard

    def words_that_are(self, standing: Standing, shown: Sequence[str] = ()) -> list[str]:
        """The words of one standing, once each, in the order the sentence has them: in
        Simplified, or as ``shown`` (a form for each word, in order) gives them."""
        forms = shown or [word.word for word in self.words]
        return list(
            dict.fromkeys(
                f for w, f in zip(self.words, forms, strict=True) if w.standing is standing
            )
        )

    @property
    def unlisted(self) -> list[str]:
        """The words in no list (neither names nor numbers): the ones to look up."""
        return self.words_that_are(Standing.UNLISTED)

    @property
    def label(self) -> str:
        """``HSK 3``, ``HSK 7-9``, or ``no HSK level``."""
        return "no HSK level" if self.level is None else f"HSK {label(self.level)}"

    @property
    def summary(self) -> str:
        """The label with the count of words in no list: ``HSK 3, 2 words in no list``."""
        unlisted = len(self.unlisted)
        return f"{self.label}, {plural(unlisted, 'word')} in no list" if unlisted else self.label

    def explanation(self, shown: Sequence[str] = ()) -> str:
        """What the level means for this sentence, in one line: ``Every word is at HSK 3 or
        below in the HSK 2025 lists, except 1 name (孔乙己) and 1 word in no list (长衫).``
        The words are named in Simplified, or as ``shown`` gives them (see
        :meth:`words_that_are`)."""
        kinds = (
            (Standing.NAME, "name", ""),
            (Standing.NUMBER, "number", ""),
            (Standing.UNLISTED, "word", " in no list"),
        )
        found = [
            (self.words_that_are(standing, shown), noun, more) for standing, noun, more in kinds
        ]
        parts = [
            f"{plural(len(words), noun)}{more} ({', '.join(words)})"
            for words, noun, more in found
            if words
        ]
        lists = f"the HSK {self.standard} lists"
        if self.level is None:
            return f"No word of it is in {lists}" + (": " + ", ".join(parts) if parts else "") + "."
        said = f"Every word is at HSK {label(self.level)} or below in {lists}"
        if parts:
            said += ", except " + ", ".join(parts[:-1]) + (" and " if parts[1:] else "") + parts[-1]
        return said + "."


def sentence_level(
    words: Iterable[WordLevel], standard: str = HskStandard.HSK_2025
) -> SentenceLevel:
    """The level of a sentence made of ``words``: the highest of its listed (and joined)
    words."""
    words = tuple(words)
    levels = [word.level for word in words if word.level is not None]
    return SentenceLevel(max(levels, default=None), words, HskStandard(standard))


def grade_sentence(
    document: Document,
    start: int,
    end: int,
    standard: str = HskStandard.HSK_2025,
    glossary: Glossary | None = None,
    dictionary: Dictionary | None = None,
    tags: Mapping[str, str] | None = None,
) -> SentenceLevel:
    """The level of the sentence at characters ``start``-``end`` of a segmented document.
    The glossary, the dictionary and jieba's tags (Simplified word -> tag, from
    :func:`tui.core.readings.glosses.word_tags`) tell names; each is optional."""
    signs = _NameSigns(glossary.entries if glossary is not None else {}, dictionary, tags or {})
    return sentence_level(
        (
            _word_level(document, token, standard, signs)
            for token in sentence_han_words(document, start, end)
        ),
        standard,
    )


@dataclass(frozen=True, slots=True)
class _NameSigns:
    entries: Mapping[str, Entry]
    dictionary: Dictionary | None
    tags: Mapping[str, str]


def _word_level(document: Document, token: Token, standard: str, signs: _NameSigns) -> WordLevel:
    """A listed word is graded as listed, whatever it names: the names are looked for
    among the others."""
    hans = document.shadow[token.start : token.end] or token.text
    found = word_level(hans, standard)
    if found.standing is not Standing.UNLISTED and found.standing is not Standing.JOINED:
        return found
    entry = signs.entries.get(token.term) if token.term else None
    category = entry.category if entry is not None else None
    if is_name(token.text, hans, signs.dictionary, category, signs.tags.get(hans)):
        return word_level(hans, standard, name=True)
    return found
