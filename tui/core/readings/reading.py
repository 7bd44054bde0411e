"""Readings: pinyin for words in context, and the spellings of pinyin a learner meets.

CC-CEDICT writes tone numbers (``yin2 hang2``, ``lu:4``), readers expect tone marks (``yín
háng``, ``lǜ``) and Taiwanese learners read zhuyin (``ㄧㄣˊ ㄏㄤˊ``); all three are derived from
the numbered form here, one syllable at a time, so the dictionary stores only what it ships.
pypinyin is reserved for words the dictionary cannot settle (several readings, or none).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache

__all__ = [
    "is_numbered_query",
    "marks",
    "numbered",
    "pinyin",
    "syllable_problem",
    "tone_problem",
    "zhuyin",
]

#: Combining tone marks by tone number (NFC folds them into precomposed letters).
_TONE_MARKS = {"1": "\u0304", "2": "\u0301", "3": "\u030c", "4": "\u0300"}
_MARK_TONES = {mark: tone for tone, mark in _TONE_MARKS.items()}
_DIAERESIS = "\u0308"
_SYLLABLE = re.compile(r"([A-Za-zü:Ü]+?)([0-5])")
_LETTERS = re.compile(r"[A-Za-zü:Ü]+")
_VOWELS = "aeiouü"


@lru_cache(maxsize=8192)
def pinyin(simplified: str) -> str:
    """Tone-marked pinyin for a word, syllables separated by spaces.

    pypinyin is imported on first use, and given the phrases of the word's characters (the
    reader admits a whole text's at once): the first frame must not wait for either.
    """
    from tui.core.readings import pinyintables

    pinyintables.admit(simplified)
    module = pinyintables.pypinyin()
    syllables = module.lazy_pinyin(simplified, style=module.Style.TONE, errors="ignore")
    return " ".join(s for s in syllables if s)


# --- numbered <-> marked -------------------------------------------------------------------


def marks(numbered_pinyin: str) -> str:
    """``yin2 hang2`` -> ``yín háng``; ``lu:4``/``lv4`` -> ``lǜ``; tone 5 or none stays bare.

    Only letters followed by a tone number are syllables (CC-CEDICT numbers every one, the
    neutral tone as 5); anything else (``,``, ``·``, the ``C`` of 3C) is kept as it is, so
    CC-CEDICT's pinyin converts whole.
    """
    return " ".join(_marked_syllable(part) for part in numbered_pinyin.split(" "))


@lru_cache(maxsize=4096)
def _marked_syllable(syllable: str) -> str:
    match = _SYLLABLE.fullmatch(syllable)
    if match is None:
        return syllable
    letters, tone = _umlaut(match.group(1)), match.group(2)
    if tone not in _TONE_MARKS:  # 0 or 5: the neutral tone has no mark
        return letters
    at = _mark_position(letters.lower())
    if at is None:
        return letters
    return unicodedata.normalize("NFC", letters[: at + 1] + _TONE_MARKS[tone] + letters[at + 1 :])


def _umlaut(letters: str) -> str:
    """CC-CEDICT writes ü as ``u:``, keyboards as ``v``; both mean the same letter."""
    return letters.replace("u:", "ü").replace("U:", "Ü").replace("v", "ü").replace("V", "Ü")


def _mark_position(lower: str) -> int | None:
    """The standard rule: a or e takes the mark, then the o of ou, else the last vowel.

    Syllabic nasals (呣 m2, 嗯 ng2) have no vowel: the mark goes on the m or n.
    """
    for vowel in ("a", "e"):
        if vowel in lower:
            return lower.index(vowel)
    if "ou" in lower:
        return lower.index("ou")
    positions = [i for i, ch in enumerate(lower) if ch in _VOWELS]
    if positions:
        return positions[-1]
    if lower in ("m", "n", "ng", "hm", "hng"):
        return lower.index(lower.lstrip("h")[0])
    return None


def numbered(marked_pinyin: str) -> str:
    """``yín háng`` -> ``yin2 hang2``, the inverse of :func:`marks` (ü is written ``u:``).

    Syllables must be separated by spaces; a syllable with no mark gets tone 5.
    """
    return " ".join(_numbered_syllable(part) for part in marked_pinyin.split(" "))


@lru_cache(maxsize=4096)
def _numbered_syllable(syllable: str) -> str:
    decomposed = unicodedata.normalize("NFD", syllable)
    tone = next((_MARK_TONES[ch] for ch in decomposed if ch in _MARK_TONES), "5")
    bare = "".join(ch for ch in decomposed if ch not in _MARK_TONES)
    bare = unicodedata.normalize("NFC", bare).replace("ü", "u:").replace("Ü", "U:")
    if not _LETTERS.fullmatch(bare) or not _looks_like_syllable(bare.lower()):
        return syllable
    return bare + tone


def _looks_like_syllable(lower: str) -> bool:
    return any(ch in "aeiou" for ch in lower) or lower in ("r", "m", "n", "ng", "hm", "hng")


# --- zhuyin --------------------------------------------------------------------------------

_INITIALS = {
    "b": "ㄅ",
    "p": "ㄆ",
    "m": "ㄇ",
    "f": "ㄈ",
    "d": "ㄉ",
    "t": "ㄊ",
    "n": "ㄋ",
    "l": "ㄌ",
    "g": "ㄍ",
    "k": "ㄎ",
    "h": "ㄏ",
    "j": "ㄐ",
    "q": "ㄑ",
    "x": "ㄒ",
    "zh": "ㄓ",
    "ch": "ㄔ",
    "sh": "ㄕ",
    "r": "ㄖ",
    "z": "ㄗ",
    "c": "ㄘ",
    "s": "ㄙ",
}
_FINALS = {
    "a": "ㄚ",
    "o": "ㄛ",
    "e": "ㄜ",
    "ê": "ㄝ",
    "ai": "ㄞ",
    "ei": "ㄟ",
    "ao": "ㄠ",
    "ou": "ㄡ",
    "an": "ㄢ",
    "en": "ㄣ",
    "ang": "ㄤ",
    "eng": "ㄥ",
    "ong": "ㄨㄥ",
    "er": "ㄦ",
    "i": "ㄧ",
    "ia": "ㄧㄚ",
    "io": "ㄧㄛ",
    "ie": "ㄧㄝ",
    "iao": "ㄧㄠ",
    "iu": "ㄧㄡ",
    "iou": "ㄧㄡ",
    "ian": "ㄧㄢ",
    "in": "ㄧㄣ",
    "iang": "ㄧㄤ",
    "ing": "ㄧㄥ",
    "iong": "ㄩㄥ",
    "u": "ㄨ",
    "ua": "ㄨㄚ",
    "uo": "ㄨㄛ",
    "uai": "ㄨㄞ",
    "ui": "ㄨㄟ",
    "uei": "ㄨㄟ",
    "uan": "ㄨㄢ",
    "un": "ㄨㄣ",
    "uen": "ㄨㄣ",
    "uang": "ㄨㄤ",
    "ueng": "ㄨㄥ",
    "ü": "ㄩ",
    "üe": "ㄩㄝ",
    "üan": "ㄩㄢ",
    "ün": "ㄩㄣ",
}
#: Syllables that are not initial + final: the syllabic nasals of 呣, 嗯, 哼.
_WHOLE = {"m": "ㄇ", "n": "ㄋ", "ng": "ㄫ", "hm": "ㄏㄇ", "hng": "ㄏㄫ"}
_ZHUYIN_TONES = {"1": "", "2": "ˊ", "3": "ˇ", "4": "ˋ"}


def zhuyin(numbered_pinyin: str) -> str:
    """``yin2 hang2`` -> ``ㄧㄣˊ ㄏㄤˊ``; the neutral tone is a leading ``˙`` (``˙ㄌㄜ``).

    The erhua suffix (``r5``) is a toneless ``ㄦ``; tokens that are not numbered pinyin
    syllables are kept as they are.
    """
    return " ".join(_zhuyin_syllable(part) for part in numbered_pinyin.split(" "))


@lru_cache(maxsize=4096)
def _zhuyin_syllable(syllable: str) -> str:
    match = _SYLLABLE.fullmatch(syllable)
    if match is None:
        return syllable
    letters, tone = _umlaut(match.group(1)).lower(), match.group(2)
    if letters == "r":
        return "ㄦ"
    symbols = _WHOLE.get(letters) or _bopomofo(letters)
    if symbols is None:
        return syllable
    return "˙" + symbols if tone in "05" else symbols + _ZHUYIN_TONES[tone]


def _bopomofo(letters: str) -> str | None:
    """Spell out pinyin's orthography (y/w, ju = jü, the empty final of zhi) as sounds."""
    initial = next((i for i in ("zh", "ch", "sh") if letters.startswith(i)), letters[:1])
    if initial in ("y", "w"):
        return _FINALS.get(_medial_final(initial, letters[1:]))
    if initial not in _INITIALS:
        return _FINALS.get(letters)
    final = letters[len(initial) :]
    if initial in ("j", "q", "x") and final.startswith("u"):
        final = "ü" + final[1:]
    if final == "i" and initial in ("zh", "ch", "sh", "r", "z", "c", "s"):
        return _INITIALS[initial]
    finals = _FINALS.get(final)
    return None if finals is None else _INITIALS[initial] + finals


def _medial_final(glide: str, rest: str) -> str:
    """y and w only spell a final that starts with i, ü or u: ya = ia, yu = ü, yue = üe,
    yi = i, you = iou, wu = u, wei = uei."""
    if glide == "w":
        return rest if rest.startswith("u") else "u" + rest
    if rest.startswith("u"):
        return "ü" + rest[1:]
    return rest if rest.startswith("i") else "i" + rest


# --- pinyin as a learner types it ----------------------------------------------------------

#: Pinyin typed with tone numbers: groups of letters, each ending in its number (``ni3hao3``,
#: ``lu:4``, ``Ni3 Hao``); letters after the last number are a syllable still being typed.
#: ``covid-19`` or ``2024`` is not pinyin but English or a number.
_NUMBERED_QUERY = re.compile(r"(?:[a-zü:]+[0-9]+[\s']*)+[a-zü:]*", re.IGNORECASE)
_NUMBERED_GROUP = re.compile(r"([a-zü:]+)([0-9]*)", re.IGNORECASE)
_WORD_BREAKS = re.compile(r"[\s'’-]+")
_LONGEST_SYLLABLE = 6  # zhuang, chuang, shuang


def is_numbered_query(query: str) -> bool:
    """Whether ``query`` is pinyin with tone numbers (``ni3hao3``, ``ni3hao9``)."""
    return _NUMBERED_QUERY.fullmatch(query.strip()) is not None


def tone_problem(query: str) -> str | None:
    """Why pinyin with tone numbers cannot be read, if a number is no tone: ``ni3hao9``.

    0 passes as the neutral tone, as some learners' materials write it.
    """
    for _, number in _NUMBERED_GROUP.findall(query):
        if number and (len(number) > 1 or number not in "012345"):
            return f"{query.strip()}: {number} is not a tone (1–5)"
    return None


def syllable_problem(
    query: str, is_syllable: Callable[[str], bool], begins_syllable: Callable[[str], bool]
) -> str | None:
    """The first letters of pinyin ``query`` that no syllable spells (``ni3hqo3``: ``hqo``).

    ``is_syllable`` and ``begins_syllable`` judge toneless letters as the dictionary's keys
    spell them (ü as v). Each numbered group must be whole syllables; the letters after the
    last number, or the last word of pinyin without numbers, may end in a syllable still
    being typed (``ni3zh``).
    """
    from tui.core.readings.cedict import toneless_key

    if is_numbered_query(query):
        chunks = [(letters, bool(number)) for letters, number in _NUMBERED_GROUP.findall(query)]
    else:
        words = [w for w in _WORD_BREAKS.split(query.strip()) if w]
        chunks = [(word, i < len(words) - 1) for i, word in enumerate(words)]
    for text, whole in chunks:
        letters = toneless_key(text)
        stuck = _unspelt_from(letters, is_syllable, begins_syllable, whole)
        if stuck is not None:
            return f"{query.strip()}: {letters[stuck:]} is not a pinyin syllable"
    return None


def _unspelt_from(
    letters: str,
    is_syllable: Callable[[str], bool],
    begins: Callable[[str], bool],
    whole: bool,
) -> int | None:
    """Where splitting ``letters`` into syllables gets stuck, or None when it does not: the
    ends every split can reach, tried left to right (a syllable is at most six letters)."""
    reached = {0}
    for start in range(len(letters)):
        if start in reached:
            ends = range(start + 1, min(len(letters), start + _LONGEST_SYLLABLE) + 1)
            reached.update(end for end in ends if is_syllable(letters[start:end]))
    if len(letters) in reached or (not whole and any(begins(letters[at:]) for at in reached)):
        return None
    return max(reached)
