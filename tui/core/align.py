"""Word-level alignment between a text and its conversion, for the side-by-side view.

Character configs keep lengths, so offsets carry over; phrase configs do not (演算法 -> 算法,
泡麵 -> 方便面). Both sides are therefore lined up by paragraph (conversion keeps line breaks)
and, inside a paragraph, by comparing the phrase conversion with the character conversion of
the same text: stretches that match map character for character, and each stretch that differs
is a vocabulary change that maps as a whole, together with every word it touches.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import cached_property, lru_cache

from tui.core.convert import PHRASE_CONFIGS, aligned, convert
from tui.core.document import Document, Paragraph, Token, paragraphs_of

#: Which character-level config shares the character tables of each phrase config.
_PLAIN = {"s2twp": "s2tw", "tw2sp": "tw2s", "s2hkp": "s2hk", "hk2sp": "hk2s"}


@dataclass(frozen=True, slots=True)
class Pair:
    """Original ``[start, end)`` shown as converted ``[cstart, cend)``; ``regional`` when the
    words themselves change, not only their characters."""

    start: int
    end: int
    cstart: int
    cend: int
    regional: bool = False


@dataclass(frozen=True)
class RegionalWord:
    """A word the other region writes differently (演算法 / 算法), with where it is used."""

    original: str
    converted: str
    occurrences: tuple[tuple[int, int], ...]


@dataclass(frozen=True)
class Alignment:
    """The converted text and the pairs that tile both it and the original, in order."""

    config: str
    converted: str
    pairs: tuple[Pair, ...]

    @cached_property
    def _starts(self) -> list[int]:
        return [p.start for p in self.pairs]

    def pair_of(self, offset: int) -> int:
        """Index of the pair holding original character ``offset``."""
        return max(0, bisect_right(self._starts, offset) - 1)

    def regional_list(self, original: str) -> list[RegionalWord]:
        """Each vocabulary change once, in order of first use, with its places in ``original``."""
        places: dict[tuple[str, str], list[tuple[int, int]]] = {}
        for p in self.pairs:
            if p.regional:
                key = (original[p.start : p.end], self.converted[p.cstart : p.cend])
                places.setdefault(key, []).append((p.start, p.end))
        return [RegionalWord(a, b, tuple(spans)) for (a, b), spans in places.items()]

    def regional_words(self, original: str) -> Counter[tuple[str, str]]:
        """(original, converted) vocabulary changes with their counts."""
        return Counter(
            (original[p.start : p.end], self.converted[p.cstart : p.cend])
            for p in self.pairs
            if p.regional
        )


def align(document: Document, config: str) -> Alignment:
    """Align ``document`` with its conversion under ``config`` (any OpenCC config)."""
    pairs: list[Pair] = []
    parts: list[str] = []
    offset = 0
    for index, paragraph in enumerate(document.paragraphs):
        if index:  # the newline between paragraphs maps to itself
            pairs.append(Pair(paragraph.start - 1, paragraph.start, offset, offset + 1))
            parts.append("\n")
            offset += 1
        converted, para_pairs = _align_paragraph(document, paragraph, config, offset)
        pairs.extend(para_pairs)
        parts.append(converted)
        offset += len(converted)
    return Alignment(config, "".join(parts), tuple(pairs))


def _align_paragraph(
    document: Document, paragraph: Paragraph, config: str, offset: int
) -> tuple[str, list[Pair]]:
    text = document.text[paragraph.start : paragraph.end]
    tokens = document.paragraph_tokens(paragraph)
    if config not in PHRASE_CONFIGS:
        converted = aligned(text, config)
        base = paragraph.start
        return converted, [
            Pair(t.start, t.end, offset + t.start - base, offset + t.end - base) for t in tokens
        ]
    plain, phrased = aligned(text, _PLAIN[config]), convert(text, config)
    mapping, changed = _char_map(plain, phrased)
    return phrased, _group(tokens, paragraph.start, offset, mapping, changed)


def _char_map(plain: str, phrased: str) -> tuple[list[int], list[tuple[int, int]]]:
    """``mapping[i]``: where character boundary ``i`` of ``plain`` falls in ``phrased``
    (-1 inside a changed stretch); and the changed stretches of ``plain``."""
    mapping = [-1] * (len(plain) + 1)
    changed: list[tuple[int, int]] = []
    for tag, a0, a1, b0, b1 in SequenceMatcher(None, plain, phrased, autojunk=False).get_opcodes():
        if tag == "equal":
            for k in range(a1 - a0 + 1):
                mapping[a0 + k] = b0 + k
        else:
            mapping[a0], mapping[a1] = b0, b1
            changed.append((a0, a1))
    mapping[0] = 0  # words inserted before the first character belong to the first group
    return mapping, changed


def _group(
    tokens: tuple[Token, ...], base: int, offset: int, mapping: list[int],
    changed: list[tuple[int, int]],
) -> list[Pair]:
    """Merge consecutive tokens until both edges of the group fall on mapped boundaries and
    the converted side is not empty (a deleted character joins the word after it)."""
    pairs: list[Pair] = []
    start: int | None = None
    for index, token in enumerate(tokens):
        if start is None:
            start = token.start - base
        end = token.end - base
        last = index == len(tokens) - 1
        if mapping[end] < 0 or (mapping[end] == mapping[start] and not last):
            continue
        # an insertion at a boundary belongs to the group that ends there (see _char_map)
        regional = any(
            a0 < end and start < a1 or a0 == a1 == end or a0 == a1 == start == 0
            for a0, a1 in changed
        )
        pairs.append(Pair(start + base, end + base, offset + mapping[start],
                          offset + mapping[end], regional))
        start = None
    return pairs


@lru_cache(maxsize=1)
def _one_to_many() -> dict[str, dict[str, tuple[str, ...]]]:
    """Characters OpenCC's tables map to more than one character, by direction."""
    from tui.core.convert import character_table

    tables: dict[str, dict[str, tuple[str, ...]]] = {}
    for direction, name in (("s2t", "STCharacters.txt"), ("t2s", "TSCharacters.txt")):
        table: dict[str, tuple[str, ...]] = {}
        for source, targets in character_table(name).items():
            # rare variants outside the basic CJK block are not a choice a reader meets
            options = tuple(t for t in targets if len(t) == 1 and "\u4e00" <= t <= "\u9fff")
            if len(options) > 1:
                table[source] = options
        tables[direction] = table
    return tables


def ambiguous(text: str, config: str) -> dict[int, tuple[str, ...]]:
    """Offsets in ``text`` of characters with several possible conversions (发 -> 發/髮),
    with the options, for configs in the direction that has that choice."""
    direction = "s2t" if config.startswith("s2") else "t2s" if config.endswith(("2s", "2sp")) else ""
    table = _one_to_many().get(direction, {})
    return {i: table[ch] for i, ch in enumerate(text) if ch in table}


def converted_document(document: Document, alignment: Alignment) -> Document:
    """The converted text as a document whose tokens are the pairs' converted sides, so token
    ``i`` of it is pair ``i``: the cursor maps across with :meth:`Alignment.pair_of`."""
    tokens: list[Token] = []
    for pair in alignment.pairs:
        first = document.tokens[document.token_index_at(pair.start)]
        text = alignment.converted[pair.cstart : pair.cend]
        tokens.append(Token(text, pair.cstart, pair.cend, first.kind, first.term))
    converted = alignment.converted
    return Document(converted, tuple(tokens), paragraphs_of(converted, tokens), document.source,
                    segmented=document.segmented)
