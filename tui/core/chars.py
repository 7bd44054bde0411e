"""Character classes for Chinese text: what is Han, what is punctuation that must not start
or end a line, what joins a name. Pure ``unicodedata``; shared by segmentation and wrapping."""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from tui.core.document import Kind

#: Middle dots that join the parts of a transliterated name (漢娜·多門).
NAME_DOTS = frozenset("·‧・•")

#: Closing punctuation that may not begin a line (Chinese and Western).
NO_LINE_START = frozenset("。，、；：？！」』）》〉】〕〗〙〛”’…—.,;:?!)]}%‰℃·・‧～〜ー")

#: Opening punctuation that may not end a line.
NO_LINE_END = frozenset("「『（《〈【〔〖〘〚“‘([{")

_HAN_RANGES = (
    (0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF), (0x20000, 0x2FA1F), (0x30000, 0x323AF),
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
