"""Word-level alignment between a text and its conversion, for the side-by-side view.

Character configs keep lengths, so offsets carry over; phrase configs do not (演算法 -> 算法,
泡麵 -> 方便面). Both sides are therefore lined up by paragraph (conversion keeps line breaks)
and, inside a paragraph, by comparing the phrase conversion with the character conversion of
the same text: each stretch that differs is a rewrite OpenCC proposes, widened to whole words
so that no word is ever cut in two (理論核心 is never 理论内 + 核).

OpenCC's phrase tables are not a dialect dictionary (they make 執行 运行 and 首席執行官
首席运行官), so a rewrite is made only where :class:`~tui.core.compare.regional.RegionalTrust`
knows the word as regional; the rest are shown converted character by character and kept as
suggestions, which the reader sees labelled as OpenCC's.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import cache, cached_property, lru_cache

from tui.core.compare.regional import RegionalTrust
from tui.core.model.document import Document, Token, paragraphs_of
from tui.core.scripts.convert import PHRASE_CONFIGS, aligned, convert

#: How many unchanged words on each side a rewrite may take in to cover OpenCC's whole phrase.
_WIDEN = 2
#: Longer runs of changed words are not cut into pieces, and a piece is at most _PIECE words:
#: each cut tried is an OpenCC call.
_MAX_GROUP = 40
_PIECE = 8

#: Which character-level config shares the character tables of each phrase config.
_PLAIN = {"s2twp": "s2tw", "tw2sp": "tw2s", "s2hkp": "s2hk", "hk2sp": "hk2s"}


@dataclass(frozen=True, slots=True)
class Pair:
    """Original ``[start, end)`` shown as converted ``[cstart, cend)``; ``regional`` when the
    words themselves change (a known regional word), not only their characters."""

    start: int
    end: int
    cstart: int
    cend: int
    regional: bool = False


@dataclass(frozen=True, slots=True)
class Suggestion:
    """OpenCC would write original ``[start, end)`` as ``text``, but the word is not known
    to differ between the regions, so the converted side keeps it (converted character by
    character) and the reader is told only that OpenCC suggests ``text``."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class RegionalWord:
    """A word the other region writes differently (演算法 / 算法), or one OpenCC suggests
    rewriting, with where it is used."""

    original: str
    converted: str
    occurrences: tuple[tuple[int, int], ...]


@dataclass(frozen=True)
class Alignment:
    """The converted text and the pairs that tile both it and the original, in order;
    ``suggestions`` are the rewrites OpenCC proposed that were not made."""

    config: str
    converted: str
    pairs: tuple[Pair, ...]
    suggestions: tuple[Suggestion, ...] = ()

    @cached_property
    def _starts(self) -> list[int]:
        return [p.start for p in self.pairs]

    def pair_of(self, offset: int) -> int:
        """Index of the pair holding original character ``offset``."""
        return max(0, bisect_right(self._starts, offset) - 1)

    def regional_list(self, original: str) -> list[RegionalWord]:
        """Each vocabulary change once, in order of first use, with its places in ``original``."""
        return _listed(
            original,
            ((p.start, p.end, self.converted[p.cstart : p.cend]) for p in self.pairs if p.regional),
        )

    def suggested_list(self, original: str) -> list[RegionalWord]:
        """Each rewrite OpenCC suggested but that was not made, like :meth:`regional_list`."""
        return _listed(original, ((s.start, s.end, s.text) for s in self.suggestions))

    def regional_words(self, original: str) -> Counter[tuple[str, str]]:
        """(original, converted) vocabulary changes with their counts."""
        return Counter(
            {(w.original, w.converted): len(w.occurrences) for w in self.regional_list(original)}
        )


def _listed(original: str, spans: Iterable[tuple[int, int, str]]) -> list[RegionalWord]:
    """The (original, converted) words of ``spans`` once each, in order of first use."""
    places: dict[tuple[str, str], list[tuple[int, int]]] = {}
    for start, end, converted in spans:
        places.setdefault((original[start:end], converted), []).append((start, end))
    return [RegionalWord(a, b, tuple(found)) for (a, b), found in places.items()]


def align(document: Document, config: str, trust: RegionalTrust | None = None) -> Alignment:
    """Align ``document`` with its conversion under ``config`` (any OpenCC config).

    Under a phrase config only the rewrites ``trust`` accepts (by default: the vetted list of
    regional words) are made; the others are kept as suggestions (:class:`Suggestion`).
    """
    trust = trust or RegionalTrust()
    pairs: list[Pair] = []
    suggestions: list[Suggestion] = []
    parts: list[str] = []
    offset = 0
    for index, paragraph in enumerate(document.paragraphs):
        if index:  # the newline between paragraphs maps to itself
            pairs.append(Pair(paragraph.start - 1, paragraph.start, offset, offset + 1))
            parts.append("\n")
            offset += 1
        text = document.text[paragraph.start : paragraph.end]
        tokens = document.paragraph_tokens(paragraph)
        if config in PHRASE_CONFIGS:
            converted = _align_phrases(
                text, tokens, paragraph.start, offset, config, trust, pairs, suggestions
            )
        else:
            converted = aligned(text, config)
            pairs.extend(_plain_pairs(tokens, paragraph.start, offset))
        parts.append(converted)
        offset += len(converted)
    return Alignment(config, "".join(parts), tuple(pairs), tuple(suggestions))


def _plain_pairs(tokens: Sequence[Token], base: int, offset: int) -> list[Pair]:
    """Length-keeping conversion: each token maps to the same offsets on the other side."""
    return [Pair(t.start, t.end, offset + t.start - base, offset + t.end - base) for t in tokens]


def _align_phrases(
    text: str,
    tokens: Sequence[Token],
    base: int,
    offset: int,
    config: str,
    trust: RegionalTrust,
    pairs: list[Pair],
    suggestions: list[Suggestion],
) -> str:
    """Convert one paragraph character by character, except the rewrites ``trust`` accepts,
    each of which replaces whole tokens; append its pairs and suggestions."""
    plain = aligned(text, _PLAIN[config])
    bounds = [t.start - base for t in tokens] + [len(text)]
    parts: list[str] = []
    done = 0  # tokens before this index are paired
    cursor = offset
    for first, last, proposed in _rewrites(text, plain, convert(text, config), bounds, config):
        start, end = bounds[first], bounds[last]
        pairs.extend(_plain_pairs(tokens[done:first], base, cursor - bounds[done]))
        parts.append(plain[bounds[done] : start])
        cursor += start - bounds[done]
        cuts = [bound - start for bound in bounds[first + 1 : last]]
        if trust.trusts(text[start:end], proposed, config, cuts):
            pairs.append(Pair(base + start, base + end, cursor, cursor + len(proposed), True))
            parts.append(proposed)
            cursor += len(proposed)
            done = last
            continue
        suggestions.append(Suggestion(base + start, base + end, proposed))
        done = first  # shown character by character, like the words around it
    pairs.extend(_plain_pairs(tokens[done:], base, cursor - bounds[done]))
    parts.append(plain[bounds[done] :])
    return "".join(parts)


def _rewrites(
    text: str, plain: str, phrased: str, bounds: list[int], config: str
) -> list[tuple[int, int, str]]:
    """What the phrase config rewrites, as (first token, end token, proposed text): whole
    tokens each time, as small as the rewrite allows, in order."""
    if plain == phrased:
        return []
    mapping, changed = _char_map(plain, phrased)
    groups = _token_groups(changed, bounds)
    found: list[tuple[int, int, str]] = []
    done = 0  # tokens before this index are spoken for
    index = 0
    while index < len(groups):
        first, last = groups[index]
        after = groups[index + 1][0] if index + 1 < len(groups) else len(bounds) - 1
        proposed = phrased[mapping[bounds[first]] : mapping[bounds[last]]]
        pieces = _pieces(text, bounds, first, last, proposed, config)
        if pieces is None and after - last <= _WIDEN and index + 1 < len(groups):
            # the comparison of characters cut OpenCC's phrase in two: take both parts
            groups[index + 1] = (first, groups[index + 1][1])
            index += 1
            continue
        if pieces is None:
            pieces = _widened(text, plain, bounds, (done, first, last, after), proposed, config)
        found.extend(p for p in pieces if p[2] != plain[bounds[p[0]] : bounds[p[1]]])
        done = pieces[-1][1]
        index += 1
    return found


def _pieces(
    text: str, bounds: list[int], first: int, last: int, proposed: str, config: str
) -> list[tuple[int, int, str]] | None:
    """Tokens ``first:last`` cut into as many runs as possible that each convert on their
    own into the next part of ``proposed`` (理論核心 -> 理论内核 is 理論 -> 理论 and
    核心 -> 内核), or None if no cut gives ``proposed`` (the rewrite needs more context)."""
    if last - first > _MAX_GROUP:
        return None

    @cache
    def runs(start: int, at: int) -> tuple[tuple[int, int, str], ...] | None:
        if start == last:
            return () if at == len(proposed) else None
        best: tuple[tuple[int, int, str], ...] | None = None
        for end in range(start + 1, min(last, start + _PIECE) + 1):
            piece = convert(text[bounds[start] : bounds[end]], config)
            rest = runs(end, at + len(piece)) if proposed.startswith(piece, at) else None
            if rest is not None and (best is None or len(rest) + 1 > len(best)):
                best = ((start, end, piece), *rest)
        return best

    found = runs(first, 0)
    return None if found is None else list(found)


def _widened(
    text: str,
    plain: str,
    bounds: list[int],
    limits: tuple[int, int, int, int],
    proposed: str,
    config: str,
) -> list[tuple[int, int, str]]:
    """The rewrite widened by unchanged neighbouring tokens until it converts on its own.

    A change found by comparing characters may be only part of OpenCC's phrase (硬碟 ->
    硬盘 changes one character; if the segmenter cut 硬|碟 the change touches only 碟).
    ``limits`` is (first free token, first, last, end of the free tokens after). If no
    widening converts the same, the rewrite depends on more context and stays as found.
    """
    free, first, last, after = limits
    for left, right in sorted(
        ((a, b) for a in range(_WIDEN + 1) for b in range(_WIDEN + 1) if a or b), key=sum
    ):
        lo, hi = first - left, last + right
        if lo < free or hi > after:
            continue
        widened = plain[bounds[lo] : bounds[first]] + proposed + plain[bounds[last] : bounds[hi]]
        pieces = _pieces(text, bounds, lo, hi, widened, config)
        if pieces is not None:
            return pieces
    return [(first, last, proposed)]


def _char_map(plain: str, phrased: str) -> tuple[list[int], list[tuple[int, int]]]:
    """``mapping[i]``: where character boundary ``i`` of ``plain`` falls in ``phrased``
    (exact wherever nothing is inserted at ``i``); and the changed stretches of ``plain``."""
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


def _token_groups(changed: list[tuple[int, int]], bounds: list[int]) -> list[tuple[int, int]]:
    """Runs of tokens [first, last) that hold the changes, merged where they share a token.
    Text inserted between two tokens could belong to either, so it takes both: no group
    edge is then an insertion point, and every edge maps exactly."""
    count = len(bounds) - 1
    spans: list[tuple[int, int]] = []
    for a0, a1 in changed:
        first = bisect_right(bounds, a0) - 1
        if a0 < a1:
            last = bisect_right(bounds, a1 - 1)
        else:
            last = first + 1
            if bounds[first] == a0 and first > 0:
                first -= 1
        spans.append((max(0, min(first, count - 1)), max(1, min(last, count))))
    groups: list[tuple[int, int]] = []
    for first, last in sorted(spans):
        if groups and first < groups[-1][1]:
            groups[-1] = (groups[-1][0], max(groups[-1][1], last))
        else:
            groups.append((first, last))
    return groups


@lru_cache(maxsize=1)
def _one_to_many() -> dict[str, dict[str, tuple[str, ...]]]:
    """Characters OpenCC's tables map to more than one character, by direction."""
    from tui.core.scripts.convert import character_table

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
    if config.startswith("s2"):
        direction = "s2t"
    else:
        direction = "t2s" if config.endswith(("2s", "2sp")) else ""
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
    return Document(
        converted,
        tuple(tokens),
        paragraphs_of(converted, tokens),
        document.source,
        segmented=document.segmented,
    )
