"""Inline glosses: the English put after a term's first use, where it tells the reader
something the page does not already say.

A gloss belongs to the term, so it goes right after it: before the sentence's punctuation
(聽證會(hearing)。, not 聽證會。(hearing)), and after a quote mark only when the marks
enclose the term itself (「芯粒封裝」(chiplet packaging)). No gloss is added where the text
already gives the English in brackets beside the term (漢娜·多門(Hanna Dohmen)), nor where
the term is written in Latin letters already (DeepSeek): the reader would read it twice.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Mapping
from typing import Protocol

from tui.core.model.chars import contains_han

__all__ = ["BRACKETS", "QUOTES", "gloss_offset", "inline_glosses", "said_names"]

#: Brackets a text puts an explanation in, opening -> closing.
BRACKETS = {
    "(": ")",
    "（": "）",
    "[": "]",
    "［": "］",
    "【": "】",
    "〔": "〕",
    "〖": "〗",
    "{": "}",
    "｛": "｝",
    "〘": "〙",
    "〚": "〛",
}
#: Quote marks that may enclose a term, opening -> closing.
QUOTES = {
    "「": "」",
    "『": "』",
    "“": "”",
    "‘": "’",
    "《": "》",
    "〈": "〉",
    '"': '"',
    "'": "'",
    "«": "»",
    "‹": "›",
}
#: How far the text's own explanation may start from the term: a space or a quote mark.
GAP = 3
#: Longest explanation looked at; a longer bracket is a passage, not a gloss.
MAX_EXPLANATION = 120
#: A name shorter than this must match a piece exactly; a longer one may sit inside it
#: (chips (semiconductor chips) still says "chip").
MIN_CONTAINED = 4

_PIECES = re.compile(r"[,，;；、/／|:：]")
_PARTS = re.compile(r"[(),;，；（）]")


class _Term(Protocol):
    """What is needed of a token: where it is and which glossary entry it is."""

    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def term(self) -> str | None: ...


def _key(text: str) -> str:
    """A name as compared: case, spaces and punctuation do not matter (U.S.-China = US China)."""
    return "".join(ch for ch in text.casefold() if ch.isalnum())


def said_names(english: str, aliases: Iterable[str] = ()) -> frozenset[str]:
    """Every way a text could already give a term's English: the gloss, each part of it
    ("artificial intelligence (AI)" gives both), and the term's Latin aliases."""
    names = {english, *aliases, *_PARTS.split(english)}
    return frozenset(key for key in map(_key, names) if key)


def _says(piece: str, names: Collection[str]) -> bool:
    key = _key(piece)
    if not key:
        return False
    for name in names:
        if key == name:
            return True
        short, long = (key, name) if len(key) < len(name) else (name, key)
        if len(short) >= MIN_CONTAINED and short in long:
            return True
    return False


def gloss_offset(text: str, start: int, end: int) -> int:
    """Where the gloss of ``text[start:end]`` goes: right after it, or after the closing
    mark of quotes that enclose exactly the term."""
    if start > 0 and end < len(text) and QUOTES.get(text[start - 1]) == text[end]:
        return end + 1
    return end


def _explained_after(text: str, at: int, names: Collection[str]) -> bool:
    """Whether a bracket opening within ``GAP`` characters of ``at`` gives the English."""
    pos, closers = at, " \t" + "".join(QUOTES.values())
    while pos < len(text) and pos - at < GAP and text[pos] in closers:
        pos += 1
    if pos >= len(text) or text[pos] not in BRACKETS:
        return False
    close = text.find(BRACKETS[text[pos]], pos + 1, pos + 2 + MAX_EXPLANATION)
    inside = text[pos + 1 : close] if close >= 0 else ""
    return "\n" not in inside and any(_says(p, names) for p in _PIECES.split(inside))


def _latin_side(ch: str) -> bool:
    """Part of the English a text may write before a bracketed term."""
    return ch != "\n" and ch not in BRACKETS.values() and not contains_han(ch)


def _explained_before(text: str, start: int, names: Collection[str]) -> bool:
    """Whether the term sits in brackets right after its English: Hanna Dohmen（漢娜·多門）."""
    pos = start - 1
    while pos >= 0 and start - pos <= GAP and text[pos] in QUOTES:
        pos -= 1
    if pos < 0 or text[pos] not in BRACKETS:
        return False
    lead = pos
    while lead > 0 and pos - lead < MAX_EXPLANATION and _latin_side(text[lead - 1]):
        lead -= 1
    before = _key(text[lead:pos])
    return any(before == n or (len(n) >= MIN_CONTAINED and before.endswith(n)) for n in names)


def inline_glosses(
    text: str,
    terms: Iterable[_Term],
    english: Mapping[str, str],
    said: Mapping[str, Collection[str]] | None = None,
) -> dict[int, str]:
    """Offset -> "(English)" for the first use of each term written in Chinese.

    ``english`` is the gloss of each term id; ``said`` its :func:`said_names` (the gloss's
    own parts when missing). A use the text explains itself counts as the first use, so the
    term is not glossed later either; a use in Latin letters does not count.
    """
    notes: dict[int, str] = {}
    done: set[str] = set()
    for token in terms:
        term = token.term
        if term is None or term in done or term not in english:
            continue
        if not contains_han(text[token.start : token.end]):
            continue  # written in Latin letters: the English is on the page
        done.add(term)
        names = (said or {}).get(term) or said_names(english[term])
        at = gloss_offset(text, token.start, token.end)
        if _explained_after(text, at, names) or _explained_before(text, token.start, names):
            continue
        notes[at] = f"({english[term]})"
    return notes
