"""Sentence boundaries in Chinese (and mixed) text, for copying and for example sentences."""

from __future__ import annotations

_ENDS = frozenset("。！？!?；;…\n")
_CLOSERS = frozenset("」』”’）)》】")


def sentence_at(text: str, offset: int) -> tuple[int, int]:
    """The sentence around ``offset``: after the previous end mark, through the next one and
    any closing quotes after it (「…。」 stays whole)."""
    start = offset
    while start > 0 and text[start - 1] not in _ENDS:
        start -= 1
    end = offset
    while end < len(text) and text[end] not in _ENDS:
        end += 1
    while end < len(text) and text[end] in _ENDS and text[end] != "\n":
        end += 1
    while end < len(text) and text[end] in _CLOSERS:
        end += 1
    while start < end and text[start] in _CLOSERS | {" ", "\u3000"}:
        start += 1
    return start, end
