"""English for the names a skim report lists.

A reporter reading 任正非 or 基辛格 wants "Ren Zhengfei" and "Kissinger", and wants to know
when a spelling is only a guess. The English comes from the best source that has it: the
text's own pair (華為(Huawei)), the glossary, CC-CEDICT (whose proper nouns carry capitalised
pinyin and definitions that say what they name), and last, for a Chinese personal name,
Hanyu Pinyin. A transliterated foreign name is never spelt back from its characters: 基辛格
could be Kissinger or Kissindscher, and only the text or a dictionary knows which. What
the dictionary says a word names is read in :mod:`tui.core.analysis.evidence`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from tui.core.analysis.cantonese import hong_kong_spelling
from tui.core.analysis.evidence import Evidence, dictionary_evidence, family_names, japanese_family
from tui.core.analysis.kinds import COMMON, ORGANISATION, PERSON, PLACE
from tui.core.analysis.transliteration import (
    COMPOUND_SURNAMES,
    TRANSLITERATION,
    looks_transliterated,
)
from tui.core.model.chars import is_han
from tui.core.readings import pinyintables
from tui.core.scripts import convert

if TYPE_CHECKING:
    from tui.core.readings.dictionary import Dictionary

__all__ = [
    "COMMON",
    "ORGANISATION",
    "PERSON",
    "PLACE",
    "TRANSLITERATION",
    "EnglishName",
    "Evidence",
    "bracketed_english",
    "dictionary_evidence",
    "english_name",
    "family_names",
    "looks_transliterated",
    "romanised",
]


@dataclass(frozen=True, slots=True)
class EnglishName:
    """A name's English, where it came from, and what the reader should know about it."""

    text: str | None  # None when no source knows it
    source: str  # "text" | "glossary" | "dictionary" | "pinyin" | "none"
    note: str | None = None


# --- romanisation ------------------------------------------------------------------------

#: Family names read otherwise than the character usually is: CC-CEDICT's "surname X"
#: readings where pypinyin's reading of the character alone differs, and for characters
#: with two surname readings the commoner (乐 Yue, 翟 Zhai, 覃 Qin).
_SURNAME_READINGS = {
    **dict.fromkeys("么幺", "Yao"),
    "乜": "Nie",
    "仇": "Qiu",
    "匱": "Kui",
    **dict.fromkeys("区區", "Ou"),
    "卜": "Bu",
    "召": "Shao",
    **dict.fromkeys("单單", "Shan"),
    "尨": "Pang",
    "扁": "Pian",
    "曾": "Zeng",
    "朴": "Piao",
    "查": "Zha",
    "沓": "Ta",
    "澹": "Tan",
    "炅": "Gui",
    "番": "Pan",
    "祭": "Zhai",
    **dict.fromkeys("缪繆", "Miao"),
    "耏": "Er",
    "菑": "Zi",
    **dict.fromkeys("盖蓋", "Ge"),
    "蔚": "Yu",
    "薄": "Bo",
    "裨": "Pi",
    "角": "Jue",
    "解": "Xie",
    "賁": "Ben",
    **dict.fromkeys("还還", "Huan"),
    "郗": "Chi",
    "都": "Du",
    "鄚": "Mo",
    "鈄": "Tou",
    "铫": "Yao",
    **dict.fromkeys("镡鐔", "Tan"),
    "阚": "Kan",
    "闞": "Kan",
    "颉": "Xie",
    "頡": "Xie",
    **dict.fromkeys("乐樂", "Yue"),
    "翟": "Zhai",
    "覃": "Qin",
    "乾": "Qian",
    "那": "Na",
    "隗": "Wei",
    "任": "Ren",
    "重": "Chong",
    "种": "Chong",
    "华": "Hua",
    "華": "Hua",
    "纪": "Ji",
    "紀": "Ji",
    "长": "Chang",
    "長": "Chang",
}
_REGION_NOTES = {
    "tw": (
        "Read from the characters in Wade-Giles, as most Taiwan names are written, so only a "
        "guess: many people spell their names their own way (Tsai Ing-wen, Hsiao Bi-khim)."
    ),
    "hk": (
        "Read from the characters in Cantonese, as Hong Kong names are written, so only a "
        "guess: many people spell their names their own way (Li Ka-shing, not Lee Ka-shing)."
    ),
}
_TRADITIONAL_NOTE = (
    "Hanyu Pinyin, only a guess: a name in a Traditional text is usually written otherwise "
    "(Tsai Ing-wen, Lee Ka-chiu), and the text does not say whose usage it follows."
)
_PINYIN_NOTE = (
    "Hanyu Pinyin, only a guess: Hong Kong names are usually written in Cantonese spelling "
    "(Lee Ka-chiu, not Li Jiachao)."
)
_JAPANESE_NOTE = (
    "A Japanese name: it is read in Japanese, which the characters do not tell, and the text "
    "does not give it."
)
_TRANSLITERATED_NOTE = (
    "A transliteration of a foreign name; the text does not give the original spelling, "
    "and one read back from the characters would be invented."
)


def romanised(name: str, region: str, kind: str = PERSON) -> EnglishName:
    """A Chinese personal name in Hanyu Pinyin: family name first, given name as one word
    (任正非 Ren Zhengfei, 歐陽修 Ouyang Xiu), the family name as a family name is read
    (单 Shan, 曾 Zeng); a Taiwan name in the Wade-Giles its passports mostly use (林佳龍 Lin
    Chia-lung), a Hong Kong name in its Cantonese spelling (李家超 Lee Ka-chiu). Taiwan and
    Hong Kong names get a note saying the spelling is only a guess;
    transliterated foreign names, places and organisations get no English."""
    compact = "".join(name.split())
    if kind != PERSON:
        return EnglishName(
            None, "none", f"Neither the text nor the dictionary gives this {kind} in English."
        )
    if looks_transliterated(compact):
        return EnglishName(None, "none", _TRANSLITERATED_NOTE)
    if not compact or not all(is_han(ch) for ch in compact):
        return EnglishName(None, "none", None)
    if region == "tw":
        return EnglishName(_wade_giles(compact), "wade-giles", _REGION_NOTES["tw"])
    if region == "hk" and (spelt := hong_kong_spelling(compact)) is not None:
        return EnglishName(spelt, "cantonese", _REGION_NOTES["hk"])
    family, given = _family_and_given(compact)
    text = " ".join(part for part in (family, given) if part)
    notes = {"hk": _PINYIN_NOTE, "hant": _TRADITIONAL_NOTE}
    return EnglishName(text, "pinyin", notes.get(region))


def _wade_giles(name: str) -> str:
    """A Taiwan name as a passport writes it: Wade-Giles without its apostrophes and
    umlauts, the given name's syllables joined by a hyphen (林佳龍 Lin Chia-lung)."""
    cut = 2 if len(name) >= 3 and name[:2] in COMPOUND_SURNAMES else 1
    family = "".join(_wade_giles_syllables(name[:cut]))
    given = "-".join(_wade_giles_syllables(name[cut:]))
    return " ".join(part[:1].upper() + part[1:] for part in (family, given) if part)


def _wade_giles_syllables(hanzi: str) -> list[str]:
    simplified = convert.shadow(hanzi)
    pinyintables.admit(simplified)
    module = pinyintables.pypinyin()
    read = module.lazy_pinyin(simplified, style=module.Style.WADEGILES)
    return [s.replace("'", "").replace("v", "u").replace("ü", "u") for s in read if s]


def _family_and_given(name: str) -> tuple[str, str]:
    if len(name) >= 3 and name[:2] in COMPOUND_SURNAMES:
        return COMPOUND_SURNAMES[name[:2]], _joined(name[2:])
    family = _SURNAME_READINGS.get(name[0]) or _joined(name[0])
    return family, _joined(name[1:])


def _joined(hanzi: str) -> str:
    """Syllables as one capitalised word, with an apostrophe where a syllable beginning with
    a, o or e would otherwise run into the one before (Jian'an)."""
    if not hanzi:
        return ""
    simplified = convert.shadow(hanzi)
    pinyintables.admit(simplified)
    module = pinyintables.pypinyin()
    syllables = [
        s for s in module.lazy_pinyin(simplified, style=module.Style.NORMAL, v_to_u=True) if s
    ]
    word = syllables[0] if syllables else ""
    for syllable in syllables[1:]:
        word += ("'" if syllable[0] in "aoe" else "") + syllable
    return word[:1].upper() + word[1:]


# --- the order of sources ----------------------------------------------------------------


def english_name(
    name: str,
    kind: str,
    region: str,
    *,
    given: str | None = None,
    glossary_english: str | None = None,
    dictionary: Dictionary | None = None,
) -> EnglishName:
    """The English for a name from the best source that has it: the text's own pair, the
    glossary, the dictionary (when its entry names the same kind of thing, or it cannot
    tell), then, for a person, a romanisation."""
    if given and given.strip():
        return EnglishName(given.strip(), "text")
    if glossary_english and glossary_english.strip():
        return EnglishName(glossary_english.strip(), "glossary")
    if dictionary is not None:
        evidence = dictionary_evidence(name, dictionary)
        if evidence.english and evidence.kind in (kind, None):
            return EnglishName(evidence.english, "dictionary")
        if kind == PERSON and len(name) >= 3 and japanese_family(name, dictionary):
            return EnglishName(None, "none", _JAPANESE_NOTE)
    return romanised(name, region, kind)


# --- the text's own English --------------------------------------------------------------

#: A name in Latin letters in brackets right after the Chinese: 羅金（Josh Rogin）,
#: 戴維·林(David Lin,音), 阮氏秋 (Nguyễn Thị Thu); a note such as 音 or 音譯 after a comma
#: says the characters only follow the sound, and is left out.
_BRACKETED = re.compile(
    r"\s?[(（]\s*([A-Z\u00c0-\u024f][\w\u00c0-\u024f.'’\- ]{0,60}?)\s*"
    r"(?:[,，、;；]\s*[^()（）]{0,6})?[)）]"
)


def bracketed_english(text: str, end: int) -> str | None:
    """The English a text gives the name ending at ``end``, written in brackets after it."""
    match = _BRACKETED.match(text, end)
    if match is None:
        return None
    english = " ".join(match.group(1).split())
    return english if any(ch.isalpha() for ch in english) else None
