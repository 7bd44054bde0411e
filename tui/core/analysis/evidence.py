"""What the dictionary says a word names, and the family names it lists.

CC-CEDICT marks proper nouns with capitalised pinyin (Zhou1 En1 lai2); their definitions
say what they name. A word that is also an ordinary word (和平, a district and "peace") is
told apart, since a text's names must not be found among its common words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from tui.core.analysis.definitions import POINTS, definition_kind
from tui.core.analysis.kinds import COMMON, ORGANISATION, PERSON, PLACE
from tui.core.model.chars import NAME_DOTS, is_han
from tui.core.scripts import convert

if TYPE_CHECKING:
    from tui.core.readings.dictionary import DictEntry, Dictionary

__all__ = ["Evidence", "dictionary_evidence", "family_names"]


@dataclass(frozen=True, slots=True)
class Evidence:
    """What CC-CEDICT says a word names. ``kind`` is person, place or organisation for a
    proper noun the definitions place, "common" for a word with only lowercase readings,
    None when the dictionary lacks the word or its proper noun is of another sort (a
    dynasty, a festival). ``also_common``: the word is an ordinary word too (和平 is a
    district of Shenyang and "peace")."""

    kind: str | None
    english: str | None
    also_common: bool = False
    #: Every kind the entries name, in their order (华盛顿: a person, then a place).
    senses: tuple[str, ...] = ()


def dictionary_evidence(name: str, dictionary: Dictionary) -> Evidence:
    """What CC-CEDICT's entries for ``name`` (either script) say it names, and its English.

    Proper nouns are the entries with a capitalised syllable (Zhou1 En1 lai2); the first
    of them whose definitions place it decides. A pointer ("abbr. for 國家安全局") is
    followed once.
    """
    word = "".join(name.split())
    for dot in NAME_DOTS:
        word = word.replace(dot, "·")
    return _evidence(word, dictionary, follow=True)


def _evidence(word: str, dictionary: Dictionary, *, follow: bool) -> Evidence:
    entries = dictionary.lookup(word)
    proper = [entry for entry in entries if _is_proper(entry)]
    also_common = len(proper) < len(entries)
    if not proper:
        return Evidence(COMMON if entries else None, None)
    senses = tuple(
        dict.fromkeys(
            kind
            for entry in proper
            for definition in entry.definitions
            if (kind := definition_kind(definition, entry)[0]) in (PERSON, PLACE, ORGANISATION)
        )
    )
    unplaced: str | None = None
    for entry in proper:
        kind, english = _entry_kind(entry, dictionary, follow)
        if kind is not None:
            return Evidence(kind, english, also_common, senses)
        unplaced = unplaced or english
    return Evidence(None, unplaced, also_common, senses)


_PROPER_SYLLABLE = re.compile(r"\b[A-Z][a-z:]*[1-5]\b")


def _is_proper(entry: DictEntry) -> bool:
    """Whether a reading has a capitalised syllable (a lone letter such as the C of 3C
    does not count)."""
    return bool(_PROPER_SYLLABLE.search(entry.pinyin))


def _entry_kind(
    entry: DictEntry, dictionary: Dictionary, follow: bool
) -> tuple[str | None, str | None]:
    english: str | None = None
    for definition in entry.definitions:
        kind, found = definition_kind(definition, entry)
        if kind == POINTS:
            if follow and found:
                evidence = _evidence(found, dictionary, follow=False)
                if evidence.kind not in (None, COMMON):
                    return evidence.kind, evidence.english
            continue
        if kind is not None:
            return kind, found
        english = english or found
    return None, english


# --- family names ------------------------------------------------------------------------


#: A definition that says the word is a family name: "surname Huang or Hwang".
#: A definition that gives a two-character word as a family name: "two-character surname
#: Ouyang", "Yamamoto (Japanese surname)".
_FAMILY = re.compile(r"^(?:[\w-]+ )?surname [A-Z]|^[A-Z][a-z]+ \(Japanese surname\)$")


@lru_cache(maxsize=4)
def family_names(dictionary: Dictionary) -> frozenset[str]:
    """The Simplified family names CC-CEDICT lists: every character some entry gives as one
    ("surname Zhou"), and the two-character ones ("two-character surname Ouyang", "Yamamoto
    (Japanese surname)") that are no ordinary words as well (东方 "east", 百里): a text's
    names are found by them, so a word must not pass for one."""
    found = set(dictionary.family_name_characters())
    for word, entries in dictionary.proper_nouns().items():
        if len(word) != 2 or not any(_FAMILY.match(d) for e in entries for d in e.definitions):
            continue
        if not all(map(is_han, word)) or convert.shadow(word) != word:
            continue
        if not dictionary_evidence(word, dictionary).also_common:
            found.add(word)
    return frozenset(found)


def japanese_family(name: str, dictionary: Dictionary) -> bool:
    """Whether a name opens with a family name CC-CEDICT gives as Japanese (山本, 铃木): its
    English is its Japanese reading, which the characters do not tell."""
    family = convert.shadow(name[:2])
    return any(
        definition.endswith("(Japanese surname)")
        for entry in dictionary.proper_nouns().get(family, ())
        for definition in entry.definitions
    )
