"""Make document text safe to put on a terminal without changing its length.

A document may hold ESC sequences, OSC clipboard writes, C1 controls or bidirectional
overrides. None of them may reach the terminal; each becomes one visible placeholder
character, so every offset computed on the original text still points at the same place.
"""

from __future__ import annotations

import re
import unicodedata

#: Bidirectional controls are shown, not applied (they can reorder what the reader sees).
_BIDI = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
_C1_PLACEHOLDER = "\u2426"  # ␦
_BIDI_PLACEHOLDER = "\u2194"  # ↔
_BAD_PLACEHOLDER = "\ufffd"  # �


def placeholder(ch: str) -> str:
    """The visible stand-in for one character, or the character itself when it is safe."""
    cp = ord(ch)
    if cp < 0x20:
        return " " if ch == "\t" else chr(0x2400 + cp)  # ␀..␟ (tab shown as a space)
    if cp == 0x7F:
        return "\u2421"  # ␡
    if 0x80 <= cp <= 0x9F:
        return _C1_PLACEHOLDER
    if ch in _BIDI:
        return _BIDI_PLACEHOLDER
    if ch in "\u2028\u2029":
        return " "  # line/paragraph separators would move the cursor on some terminals
    if 0xD800 <= cp <= 0xDFFF or (unicodedata.category(ch) in ("Cs", "Co", "Cn") and cp > 0xFFFF0):
        return _BAD_PLACEHOLDER
    return ch


class _Placeholders(dict[int, str]):
    """``str.translate`` table of :func:`placeholder`, filled one character at a time as met:
    a novel is millions of characters but only thousands of distinct ones."""

    def __missing__(self, cp: int) -> str:
        self[cp] = placeholder(chr(cp))
        return self[cp]


_PLACEHOLDERS = _Placeholders()


def visible(text: str) -> str:
    """``text`` with every unsafe character replaced one for one (same length, same offsets)."""
    if text.isprintable():
        return text
    return _UNSAFE.sub(lambda found: _PLACEHOLDERS[ord(found.group())], text)


#: Every character :func:`placeholder` may replace (and a few it keeps): searched in C, so
#: a novel's newlines cost a call each and its millions of other characters nothing.
_UNSAFE = re.compile(
    "[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029"
    "\ud800-\udfff\U000ffff1-\U0010ffff]"
)
