"""A short English gloss for each word, for the line the reader draws under the text.

A glossary term is glossed by its entry: the text's own vocabulary wins over a general
dictionary. Other words take one CC-CEDICT sense. An entry lists its senses with the
commonest first, but a word used as a verb in the text should not read "development" when
"to develop" is listed too, so the word's part of speech (jieba's tag for it) picks the
first sense of its kind: one that reads like a verb ("to ...") for a verb, one that does
not for a noun or an adjective. Senses that say nothing about the meaning (a pointer to
another form, a family name, a measure word list, "used in ...") are passed over; a word
whose entries hold nothing else is glossed by the form they point to.

A gloss is one sense as the dictionary writes it, its notes in brackets dropped: under a
word there is room for a few cells, and the whole entry is one key away in the sidebar.
:func:`cut_gloss` fits it to those cells.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

from tui.core.model.chars import Kind
from tui.core.model.document import CODE, Document
from tui.core.readings import lexicons, reading

if TYPE_CHECKING:
    from tui.core.model.document import Chunk
    from tui.core.readings.dictionary import DictEntry, Dictionary

__all__ = ["Glosser", "cell_width", "cut_gloss", "word_gloss", "word_tags"]

#: jieba's tags of verbs, and of the words that name or describe: nouns, times, places,
#: adjectives, and verbs used as nouns (``vn``: 發展 "development", 管理 "management").
_VERB_TAGS = frozenset({"v", "vd", "vg", "vi", "vq"})
_NOT_VERB_TAGS = frozenset(
    {"n", "ng", "nr", "nrfg", "nrt", "ns", "nt", "nz", "t", "s", "a", "an", "vn"}
)
#: Tags of names: a capitalised (proper-noun) entry comes first for them, last for others.
_NAME_TAGS = frozenset({"nr", "nrfg", "nrt", "ns", "nt", "nz"})
#: Tags of particles, which are read in the neutral tone.
_PARTICLE_TAGS = frozenset({"u", "ud", "ug", "uj", "ul", "uv", "uz", "y", "e"})
_KINDS = _VERB_TAGS | _NOT_VERB_TAGS

#: Senses that say nothing of the meaning: skipped.
_EMPTY = re.compile(
    r"^(?:CL:|used in |used as |also pr\.|also written |(?:Taiwan |old )?pr\. |"
    r"\S+ pr\. |erhua variant|[\w-]+ surname [A-Z]|surname [A-Z])",
    re.IGNORECASE,
)
#: A sense that points to another form: "variant of 裡|里[li3]", "see 好[hao3]".
_POINTER = re.compile(r"^(?:[\w-]+ )*variant of |^see (?:also )?", re.IGNORECASE)
#: Senses kept only when nothing better is listed: an abbreviation's expansion, a radical.
_WEAK = re.compile(r"^abbr\. (?:for|of) |Kangxi radical|^radical ", re.IGNORECASE)
#: "說|说[shuo1]": a form in both scripts, then its reading.
_BOTH_FORMS = re.compile(r"[^\s|\[\]();,]+\|([^\s|\[\]();,]+)")
#: A form named alone: "好[hao3]".
_FORM = re.compile(r"[\u3400-\u9fff\U00020000-\U0003ffff]+")
_BRACKETS = re.compile(r"\[[^\[\]]*\]")
_NOTE = re.compile(r"\s*\([^()]*\)\s*")
_SPACES = re.compile(r"\s+")
#: What a gloss loses first when it does not fit.
_LEADING = ("to ", "a ", "an ", "the ")


def word_gloss(
    text: str,
    hans: str,
    pos: str | None,
    dictionary: Dictionary | None,
    english: str | None = None,
) -> str:
    """The gloss of a word written ``text`` (``hans`` in Simplified), tagged ``pos`` by
    jieba (None: not known); ``english`` is the glossary's English when the word is a term.
    "" when neither the glossary nor the dictionary knows the word (nor the words it is
    made of)."""
    if english and english.strip():
        return _SPACES.sub(" ", english).strip()
    if dictionary is None:
        return ""
    return _dictionary_gloss(text, hans, pos, dictionary, follow=True) or _compound_gloss(
        hans, dictionary
    )


def _compound_gloss(hans: str, dictionary: Dictionary) -> str:
    """A word the dictionary lacks, glossed by the words it is made of when each is a word
    of two characters or more: 最新進展 is "latest make headway". Single characters
    are left out: their first senses, strung together, mislead more than they tell."""
    parts: list[str] = []
    at = 0
    while at < len(hans):
        word = dictionary.longest_at(hans, at, max_len=len(hans) - 1)
        if word is None or len(word) < 2:
            return ""
        parts.append(word)
        at += len(word)
    glosses = [_dictionary_gloss(part, part, None, dictionary, follow=True) for part in parts]
    if len(parts) < 2 or not all(glosses):
        return ""
    return " ".join(g.removeprefix("to ") for g in glosses)


def _dictionary_gloss(
    text: str, hans: str, pos: str | None, dictionary: Dictionary, follow: bool
) -> str:
    senses = [
        sense
        for entry in _ordered(_entries(text, hans, dictionary), pos)
        for sense in entry.definitions
    ]
    kept = [s for s in senses if not _EMPTY.match(s) and not _POINTER.match(s)]
    chosen = _of_kind([s for s in kept if not _WEAK.search(s)], pos) or _of_kind(kept, pos)
    if chosen:
        return _clean(chosen)
    pointed = next((_pointed(s) for s in senses if _POINTER.match(s) and _pointed(s)), None)
    if follow and pointed and pointed != (text, hans):
        return _dictionary_gloss(*pointed, pos, dictionary, follow=False)
    return ""


def _ordered(entries: list[DictEntry], pos: str | None) -> list[DictEntry]:
    """Proper-noun entries first for a name, last for anything else. Of a character's
    readings, a particle's neutral tone first (了, 得, 地), else the reading with the most
    senses of the word's kind (长 as a verb is zhǎng's "to grow", as an adjective
    cháng's)."""
    proper = [e for e in entries if e.pinyin[:1].isupper()]
    common = [e for e in entries if not e.pinyin[:1].isupper()]
    if pos in _PARTICLE_TAGS:
        common.sort(key=lambda e: not e.pinyin.endswith("5"))
    elif len(common) > 1 and len(common[0].simplified) == 1 and pos in _KINDS:
        verb = pos in _VERB_TAGS
        common.sort(key=lambda e: -sum(_verb_like(d) == verb for d in e.definitions))
    return proper + common if pos in _NAME_TAGS else common + proper


def _of_kind(senses: list[str], pos: str | None) -> str:
    """The first sense of the kind ``pos`` asks for, else the first sense with words."""
    senses = [s for s in senses if _clean(s)]
    if not senses:
        return ""
    if pos in _VERB_TAGS:
        return next((s for s in senses if _verb_like(s)), senses[0])
    if pos in _NOT_VERB_TAGS:
        return next((s for s in senses if not _verb_like(s)), senses[0])
    return senses[0]


def _verb_like(sense: str) -> bool:
    """Whether a sense reads as a verb: "to go", or "can; to know how to" (a line of
    the dictionary may give several near senses, split by semicolons)."""
    return any(_NOTE.sub(" ", part).strip().startswith("to ") for part in sense.split(";"))


def _entries(text: str, hans: str, dictionary: Dictionary) -> list[DictEntry]:
    """The word's entries as :func:`~tui.core.readings.dictionary.reading_in_context` finds
    them, those of the reading it gives first (the reading line shows it): for a word of
    several characters, pypinyin's phrase tables see the word and the others go; a single
    character keeps them all, behind, for its part of speech to choose from (行 as a verb
    is xíng's "to walk", as a particle 得 is de's)."""
    entries = [] if text == hans else dictionary.lookup(text, "hant")
    entries = [e for e in entries if e.simplified == hans] or _by_senses(
        dictionary.lookup(hans, "hans")
    )
    if len({e.pinyin.lower() for e in entries}) > 1:
        said = reading.pinyin(hans).lower()
        here = [e for e in entries if e.pinyin_marks.lower() == said]
        others = [e for e in entries if e.pinyin_marks.lower() != said]
        entries = here + others if len(hans) == 1 or not here else here
    return entries


def _by_senses(entries: list[DictEntry]) -> list[DictEntry]:
    """Entries of a Simplified form written several ways in Traditional (后: 後 and 后,
    里: 裡 and 里), the form with the most senses first: the everyday one, as a rule."""
    senses: dict[str, int] = {}
    for entry in entries:
        senses[entry.traditional] = senses.get(entry.traditional, 0) + len(entry.definitions)
    return sorted(entries, key=lambda e: -senses[e.traditional])


def _clean(sense: str) -> str:
    """The sense's first part, without notes: "(of sb) to express; to state" -> "to
    express". A sense that is all note ("(completed action marker)") keeps its words."""
    sense = _BRACKETS.sub("", _BOTH_FORMS.sub(r"\1", sense))
    first = sense.split(";")[0]
    bare = _SPACES.sub(" ", _NOTE.sub(" ", first)).replace(" ,", ",").strip(" ,")
    if not bare:
        bare = _SPACES.sub(" ", first.replace("(", " ").replace(")", " ")).strip(" ,")
    return bare


def _pointed(sense: str) -> tuple[str, str] | None:
    """The form a pointer sense names, as (as written, Simplified): "variant of 裡|里[li3]"
    -> (裡, 里), "see 好[hao3]" -> (好, 好)."""
    rest = _POINTER.sub("", sense, count=1)
    both = _BOTH_FORMS.match(rest)
    if both:
        return both.group(0).split("|")[0], both.group(1)
    form = _FORM.match(rest)
    return (form.group(0), form.group(0)) if form else None


# -- fitting a gloss under a word ---------------------------------------------------------


def cell_width(text: str) -> int:
    """Terminal cells ``text`` takes: two for a wide character, none for a combining one."""
    if text.isascii() and text.isprintable():
        return len(text)
    return sum(_char_cells(ch) for ch in text)


def _char_cells(ch: str) -> int:
    if unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Me", "Cf"):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


@lru_cache(maxsize=1 << 14)
def cut_gloss(gloss: str, cells: int) -> str:
    """``gloss`` in at most ``cells`` terminal cells (a wide character counts two).

    A verb's "to " (or a noun's article) goes first: under a word the verb shows itself.
    Then the gloss is cut after its last whole word that fits with an ellipsis, unless
    that leaves less than half the room, when it is cut inside a word. Kept for each gloss
    and width asked: a text repeats its words, and the reader cuts every one's gloss."""
    if cell_width(gloss) <= cells:
        return gloss
    lead = next((word for word in _LEADING if gloss.startswith(word)), "")
    if lead and len(gloss) > len(lead):
        gloss = gloss[len(lead) :]
        if cell_width(gloss) <= cells:
            return gloss
    if cells <= 0:
        return ""
    room = cells - 1  # for the ellipsis
    kept, used = 0, 0
    for index, ch in enumerate(gloss):
        width = _char_cells(ch)
        if used + width > room:
            break
        kept, used = index + 1, used + width
    head = gloss[:kept]
    space = head.rfind(" ") if kept < len(gloss) and not _breaks(gloss, kept) else kept
    if 0 < space < len(head) and cell_width(head[:space]) * 2 >= room:
        head = head[:space]
    return head.rstrip(" ,;:-") + "…"


# -- a text's words ---------------------------------------------------------------------


def _breaks(text: str, at: int) -> bool:
    """Whether ``text`` may be cut before ``at`` without cutting a word: at a space, or
    between two wide characters (Chinese has no spaces between words)."""
    return text[at] == " " or (_char_cells(text[at]) == 2 and _char_cells(text[at - 1]) == 2)


def word_tags(text: str) -> dict[str, str]:
    """jieba's part-of-speech tag of every word its dictionary spells with the characters
    of ``text`` (give the Simplified shadow): one read of the dictionary for a whole text,
    and a word's tag then costs a lookup. A tag from the dictionary is the word's
    commonest use, which is what jieba's tagger gives any word it lists."""
    return lexicons.jieba_tags(set(text))


@dataclass
class Glosser:
    """The glosses of a text's words, each different word worked out once: a novel uses
    a few thousand words a hundred thousand times."""

    dictionary: Dictionary | None
    tags: Mapping[str, str]
    english: Mapping[str, str]  # term id -> the glossary's English
    _memo: dict[tuple[str, str, str | None], str] = field(default_factory=dict)

    def chunk(self, document: Document, chunk: Chunk) -> dict[int, str]:
        """Token start -> gloss, for the Han words and the terms of a segmented chunk."""
        text, shadow = document.text, document.shadow
        kinds, terms = chunk.kinds(text), chunk.terms
        han = CODE[Kind.HAN]
        found: dict[int, str] = {}
        for local in range(len(chunk)):
            start, end = chunk.bounds(local)
            term = terms.get(start) if terms else None
            if kinds[local] != han and term is None:
                continue
            gloss = self.gloss(text[start:end], shadow[start:end] or text[start:end], term)
            if gloss:
                found[start] = gloss
        return found

    def gloss(self, text: str, hans: str, term: str | None = None) -> str:
        english = self.english.get(term) if term else None
        key = (text, hans, english)
        gloss = self._memo.get(key)
        if gloss is None:
            pos = self.tags.get(hans)
            gloss = self._memo[key] = word_gloss(text, hans, pos, self.dictionary, english)
        return gloss
