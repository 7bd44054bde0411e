"""Character classes for Chinese text: what is Han, what is punctuation that must not start
or end a line, what joins a name. Pure ``unicodedata``; shared by segmentation and wrapping."""

from __future__ import annotations

import re
import unicodedata
from enum import StrEnum
from functools import lru_cache


class Kind(StrEnum):
    """What a token is, as far as moving, wrapping and styling care."""

    HAN = "han"
    LATIN = "latin"
    NUMBER = "number"
    PUNCT = "punct"
    SPACE = "space"
    OTHER = "other"

    @property
    def is_word(self) -> bool:
        """Words are where the cursor stops; punctuation, space and symbols are skipped."""
        return self in (Kind.HAN, Kind.LATIN, Kind.NUMBER)


#: The dots that join the parts of a transliterated name (漢娜·多門, 克麗歐‧歐德薩), in every
#: form writers and input methods produce: the middle dot U+00B7 (mainland), the hyphenation
#: point U+2027 (Taiwan's Big5 A1 45), the katakana middle dot U+30FB and its half-width form
#: U+FF65 (Japanese input methods), the bullet U+2022, the full-width full stop U+FF0E, and the
#: dot and bullet operators U+22C5 and U+2219 that look the same. Between Han characters each
#: of them joins a name; anywhere else it is plain punctuation.
NAME_DOTS = frozenset("\u00b7\u2027\u30fb\uff65\u2022\uff0e\u22c5\u2219")

_ONE_DOT = str.maketrans(dict.fromkeys(NAME_DOTS, "\u00b7"))


def unify_name_dots(text: str) -> str:
    """``text`` with every name dot written as U+00B7, same length: for matching, so that a
    glossary's 漢娜·多門 is found in a Taiwan text's 漢娜‧多門 and the other way round."""
    return text.translate(_ONE_DOT)


#: Closing punctuation that may not begin a line (Chinese and Western).
NO_LINE_START = frozenset("。，、；：？！」』）》〉】〕〗〙〛”’…—.,;:?!)]}%‰℃·・･‧．～〜ー")

#: Opening punctuation that may not end a line.
NO_LINE_END = frozenset("「『（《〈【〔〖〘〚“‘([{")

_HAN_RANGES = (
    (0x3400, 0x4DBF),
    (0x4E00, 0x9FFF),
    (0xF900, 0xFAFF),
    (0x20000, 0x2FA1F),
    (0x30000, 0x323AF),
)
_JOINERS = frozenset("\u200d\ufe0e\ufe0f")


def is_han(ch: str) -> bool:
    """A CJK ideograph in any block, including the extensions jieba does not know."""
    cp = ord(ch)
    return ch == "〇" or any(lo <= cp <= hi for lo, hi in _HAN_RANGES)


def is_mark(ch: str) -> bool:
    """Combining marks and joiners belong to the character before them, never alone."""
    return ch in _JOINERS or unicodedata.category(ch) in ("Mn", "Mc", "Me")


@lru_cache(maxsize=4096)
def char_kind(ch: str) -> Kind:
    """The token kind a single character starts."""
    if is_han(ch):
        return Kind.HAN
    if ch.isspace():
        return Kind.SPACE
    category = unicodedata.category(ch)
    if category == "Nd" or ch.isdigit():
        return Kind.NUMBER
    if category[0] == "L" or category[0] == "N":
        return Kind.LATIN
    if category[0] == "P":
        return Kind.PUNCT
    return Kind.OTHER


_ANY_HAN = re.compile("[〇" + "".join(f"{chr(lo)}-{chr(hi)}" for lo, hi in _HAN_RANGES) + "]")


def contains_han(text: str) -> bool:
    """Whether ``text`` holds any Han character: one scan in C, cheap on a whole novel
    (and cheaper still on plain ASCII, the usual text without Chinese)."""
    return not text.isascii() and _ANY_HAN.search(text) is not None
