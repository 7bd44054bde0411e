"""Two versions of one story, lined up: what each has that the other lacks, and which words
differ beyond script.

A mainland outlet and a Taiwan outlet often run the same wire story, one in Simplified and
one in Traditional, with regional words (软件 / 軟體), the local name of a person (特朗普 /
川普), a paragraph cut and a sentence added. Both texts are matched through their Simplified
shadows, which keep the originals' offsets, so every place reported points into the text as
written and script alone never counts as a difference.

Paragraphs, and then the sentences of each matched pair of paragraphs, are lined up by a
dynamic programme that keeps the order of both texts and maximises the summed similarity of
the pairs it makes (a pair must be at least :data:`THRESHOLD` alike, by difflib's ratio of
the shadows with regional words made one: :func:`_key_of`). difflib's SequenceMatcher over
paragraphs would need them equal to match, and two versions of a paragraph are rarely
equal; the programme is quadratic in the number of units, a few hundred pairs for a story.

Words are then diffed within each pair of sentences, token by token in Simplified; a run
of punctuation alone is left out, since 「」 against “” is how each region prints quotes.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from enum import StrEnum
from functools import lru_cache
from typing import TYPE_CHECKING

from tui.core.compare.regional import RegionalTrust
from tui.core.model.chars import is_han, unify_name_dots
from tui.core.model.sentences import sentence_at
from tui.core.scripts.convert import convert, shadow

if TYPE_CHECKING:
    from tui.core.glossary.entries import Glossary
    from tui.core.model.document import Document
    from tui.core.words.segment import HanSplitter

#: How alike (difflib's ratio of the shadows) two paragraphs or sentences must be to pair.
THRESHOLD = 0.45

#: Whether two spellings name one person or thing; the CLI passes the skim's test for
#: transliterated names, which lives above the comparison in the core.
SameName = Callable[[str, str], bool]

#: Phrase configs tried both ways on a changed word: which side is Taiwan's or Hong Kong's is
#: not known beforehand.
_FROM_MAINLAND = ("s2twp", "s2hkp")
_TO_MAINLAND = ("tw2sp", "hk2sp")

#: Glossary categories whose forms are names of one person or thing, not words.
_NAMED = frozenset({"person", "organisation", "place", "media", "model"})


class Kind(StrEnum):
    """Why two words differ."""

    REGIONAL = "regional"
    NAME = "name"
    WORDING = "wording"


class Basis(StrEnum):
    """What a difference was classified by: the vetted list of regional words, a glossary
    entry's forms, OpenCC's phrase tables, or two spellings that both read as
    transliterated names; nothing for rewording."""

    LIST = "regional list"
    GLOSSARY = "glossary"
    OPENCC = "OpenCC"
    TRANSLITERATION = "transliteration"
    NONE = ""


@dataclass(frozen=True, slots=True)
class Span:
    """``[start, end)`` of one original text, and what is written there."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Difference:
    """Words of A written otherwise in B; an empty side is where the other side's words
    are missing."""

    kind: Kind
    a: Span
    b: Span
    basis: Basis = Basis.NONE


@dataclass(frozen=True, slots=True)
class SentencePair:
    """A sentence of A and its counterpart in B, with the words that differ."""

    a: Span
    b: Span
    differences: tuple[Difference, ...]


@dataclass(frozen=True, slots=True)
class ParagraphPair:
    """A paragraph of A matched with one of B, and the sentences each has alone."""

    a: Span
    b: Span
    sentences: tuple[SentencePair, ...]
    only_a: tuple[Span, ...] = ()
    only_b: tuple[Span, ...] = ()


@dataclass(frozen=True)
class Comparison:
    """Everything two versions share and do not share, in the order of A."""

    paragraphs: tuple[ParagraphPair, ...]
    only_a: tuple[Span, ...] = ()
    only_b: tuple[Span, ...] = ()
    differing: int = field(init=False)

    def __post_init__(self) -> None:
        count = sum(1 for p in self.paragraphs for s in p.sentences if s.differences)
        object.__setattr__(self, "differing", count)

    def differences(self) -> list[Difference]:
        return [d for p in self.paragraphs for s in p.sentences for d in s.differences]


def compare_versions(
    a: str,
    b: str,
    glossary: Glossary | None = None,
    *,
    same_name: SameName | None = None,
    splitter: HanSplitter | None = None,
) -> Comparison:
    """Line up ``a`` and ``b`` and tell what differs beyond script.

    Words are cut by jieba (``splitter``, by default the shared one, with the glossary's
    terms kept whole); a changed word is ``regional`` when the vetted list or OpenCC's
    phrase tables turn one side into the other, ``name`` when both are forms of one glossary
    entry or ``same_name`` says so, else ``wording``.
    """
    docs = _segmented(a, b, glossary, splitter)
    classify = _Classifier(glossary, same_name)
    pairs: list[ParagraphPair] = []
    only_a: list[Span] = []
    only_b: list[Span] = []
    paras_a, paras_b = _paragraphs(a), _paragraphs(b)
    for i, j in _align(
        [_key_of(docs[0].shadow[s:e]) for s, e in paras_a],
        [_key_of(docs[1].shadow[s:e]) for s, e in paras_b],
    ):
        if i is not None and j is not None:
            pairs.append(_paragraph_pair(docs, paras_a[i], paras_b[j], classify))
        elif i is not None:
            only_a.append(_span(a, paras_a[i]))
        elif j is not None:
            only_b.append(_span(b, paras_b[j]))
    return Comparison(tuple(pairs), tuple(only_a), tuple(only_b))


def _segmented(
    a: str, b: str, glossary: Glossary | None, splitter: HanSplitter | None
) -> tuple[Document, Document]:
    """Both texts cut into words, with their shadows (one splitter for both)."""
    from tui.core.words.segment import segment, shared_splitter

    if splitter is None:
        from tui.core.userdirs import cache_dir

        words = frozenset(glossary.han_forms()) if glossary is not None else frozenset()
        splitter = shared_splitter(words, cache_dir())
    return segment(a, glossary, splitter), segment(b, glossary, splitter)


def _span(text: str, bounds: tuple[int, int]) -> Span:
    return Span(bounds[0], bounds[1], text[bounds[0] : bounds[1]])


def _paragraphs(text: str) -> list[tuple[int, int]]:
    """The lines that hold something, without the space around them."""
    found: list[tuple[int, int]] = []
    start = 0
    for line in text.split("\n"):
        end = start + len(line)
        stripped = line.strip()
        if stripped:
            left = start + len(line) - len(line.lstrip())
            found.append((left, left + len(stripped)))
        start = end + 1
    return found


def _sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The sentences of ``text[start:end]``, as :func:`sentence_at` bounds them."""
    found: list[tuple[int, int]] = []
    at = start
    while at < end:
        if text[at].isspace():
            at += 1
            continue
        first, last = sentence_at(text, at)
        first, last = max(first, start), min(max(last, at + 1), end)
        if text[first:last].strip():
            found.append((first, last))
        at = last
    return found


def _key_of(shadowed: str) -> str:
    """What a paragraph or sentence is matched by: its shadow with Taiwan's words in place
    of the mainland's (信息 and 資訊 both 资讯), so that a line made mostly of regional words
    still finds its counterpart."""
    return shadow(convert(shadowed, "s2twp"))


def _similarity(a: str, b: str) -> float:
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    if matcher.real_quick_ratio() < THRESHOLD or matcher.quick_ratio() < THRESHOLD:
        return 0.0
    return matcher.ratio()


def _align(a: Sequence[str], b: Sequence[str]) -> list[tuple[int | None, int | None]]:
    """Order-keeping pairs of the most summed similarity; ``None`` marks a unit alone.

    ``best[i][j]`` is the best score for the first ``i`` of ``a`` and ``j`` of ``b``; the
    walk back from the end reads the pairs, and units left out are alone, in order."""
    sim = [[_similarity(x, y) for y in b] for x in a]
    best = [[0.0] * (len(b) + 1) for _ in range(len(a) + 1)]
    for i in range(1, len(a) + 1):
        for j in range(1, len(b) + 1):
            paired = best[i - 1][j - 1] + sim[i - 1][j - 1] if sim[i - 1][j - 1] else -1.0
            best[i][j] = max(best[i - 1][j], best[i][j - 1], paired)
    pairs: list[tuple[int | None, int | None]] = []
    i, j = len(a), len(b)
    while i or j:
        if i and j and sim[i - 1][j - 1] and best[i][j] == best[i - 1][j - 1] + sim[i - 1][j - 1]:
            pairs.append((i - 1, j - 1))
            i, j = i - 1, j - 1
        elif i and (not j or best[i][j] == best[i - 1][j]):
            pairs.append((i - 1, None))
            i -= 1
        else:
            pairs.append((None, j - 1))
            j -= 1
    pairs.reverse()
    return pairs


def _paragraph_pair(
    docs: tuple[Document, Document],
    para_a: tuple[int, int],
    para_b: tuple[int, int],
    classify: _Classifier,
) -> ParagraphPair:
    """The sentences of two matched paragraphs lined up, with their differences."""
    doc_a, doc_b = docs
    sents_a = _sentences(doc_a.text, *para_a)
    sents_b = _sentences(doc_b.text, *para_b)
    pairs: list[SentencePair] = []
    only_a: list[Span] = []
    only_b: list[Span] = []
    for i, j in _align(
        [_key_of(doc_a.shadow[s:e]) for s, e in sents_a],
        [_key_of(doc_b.shadow[s:e]) for s, e in sents_b],
    ):
        if i is not None and j is not None:
            found = _differences(doc_a, doc_b, sents_a[i], sents_b[j], classify)
            pairs.append(
                SentencePair(_span(doc_a.text, sents_a[i]), _span(doc_b.text, sents_b[j]), found)
            )
        elif i is not None:
            only_a.append(_span(doc_a.text, sents_a[i]))
        elif j is not None:
            only_b.append(_span(doc_b.text, sents_b[j]))
    return ParagraphPair(
        _span(doc_a.text, para_a),
        _span(doc_b.text, para_b),
        tuple(pairs),
        tuple(only_a),
        tuple(only_b),
    )


def _words(doc: Document, bounds: tuple[int, int]) -> list[tuple[int, int]]:
    """The tokens inside ``bounds``, without spaces."""
    start, end = bounds
    return [
        (t.start, t.end)
        for t in doc.tokens
        if start <= t.start and t.end <= end and doc.text[t.start : t.end].strip()
    ]


def _differences(
    doc_a: Document,
    doc_b: Document,
    sent_a: tuple[int, int],
    sent_b: tuple[int, int],
    classify: _Classifier,
) -> tuple[Difference, ...]:
    """The runs of words that differ between two sentences, compared in Simplified.

    A run of punctuation alone is left out: 「」 against “” is how each region prints
    quotes, not a difference in what the story says."""
    if doc_a.shadow[sent_a[0] : sent_a[1]] == doc_b.shadow[sent_b[0] : sent_b[1]]:
        return ()
    words_a, words_b = _words(doc_a, sent_a), _words(doc_b, sent_b)
    keys_a = [doc_a.shadow[s:e] for s, e in words_a]
    keys_b = [doc_b.shadow[s:e] for s, e in words_b]
    found: list[Difference] = []
    matcher = SequenceMatcher(None, keys_a, keys_b, autojunk=False)
    for tag, a0, a1, b0, b1 in matcher.get_opcodes():
        if tag == "equal":
            continue
        span_a = _run(doc_a.text, words_a, a0, a1, sent_a[1])
        span_b = _run(doc_b.text, words_b, b0, b1, sent_b[1])
        if not _says_something(span_a.text + span_b.text) or _script_only(span_a.text, span_b.text):
            continue
        kind, basis = classify(span_a.text, span_b.text)
        found.append(Difference(kind, span_a, span_b, basis))
    return tuple(found)


def _run(text: str, words: list[tuple[int, int]], first: int, last: int, end: int) -> Span:
    """Words ``first:last`` as one span; an empty run sits before the next word."""
    if first < last:
        return _span(text, (words[first][0], words[last - 1][1]))
    at = words[first][0] if first < len(words) else end
    return Span(at, at, "")


def _says_something(text: str) -> bool:
    return any(ch.isalnum() or is_han(ch) for ch in text)


class _Classifier:
    """Tells a regional word from a name from a rewording, and says on what grounds."""

    def __init__(self, glossary: Glossary | None, same_name: SameName | None) -> None:
        self._trust = RegionalTrust(glossary)
        self._same_name = same_name
        self._entries: dict[str, set[str]] = {}  # a form in Simplified -> entry ids
        self._names: set[str] = set()  # the entries that name someone or something
        for entry_id, entry in glossary.entries.items() if glossary is not None else ():
            if entry.category in _NAMED:
                self._names.add(entry_id)
            for form in entry.spellings():
                self._entries.setdefault(_key(form), set()).add(entry_id)

    def __call__(self, a: str, b: str) -> tuple[Kind, Basis]:
        """A glossary entry's two forms are a name when the entry names someone or
        something (a person, a company, a place), else a regional word (晶片 / 芯片)."""
        if not a or not b:
            return Kind.WORDING, Basis.NONE
        shared = self._entries.get(_key(a), set()) & self._entries.get(_key(b), set())
        if shared & self._names:
            return Kind.NAME, Basis.GLOSSARY
        if self._vetted(a, b) or self._vetted(b, a):
            return Kind.REGIONAL, Basis.LIST
        if shared:
            return Kind.REGIONAL, Basis.GLOSSARY
        if self._phrased(a, b) or self._phrased(b, a):
            return Kind.REGIONAL, Basis.OPENCC
        if self._same_name is not None and self._same_name(a, b):
            return Kind.NAME, Basis.TRANSLITERATION
        return Kind.WORDING, Basis.NONE

    def _vetted(self, mainland: str, local: str) -> bool:
        """Whether the vetted list says ``local`` is how Taiwan or Hong Kong write
        ``mainland``, in either direction the list allows."""
        if any(self._trust.trusts(local, mainland, config) for config in _TO_MAINLAND):
            return True
        return any(self._trust.trusts(mainland, local, config) for config in _FROM_MAINLAND)

    @staticmethod
    def _phrased(mainland: str, local: str) -> bool:
        """Whether OpenCC's phrase tables turn one into the other, compared in Simplified.
        They were made for software texts (执行 -> 运行), so this is weaker ground than the
        list, and the report says which it was."""
        plain, other = shadow(mainland), shadow(local)
        if any(shadow(convert(plain, config)) == other for config in _FROM_MAINLAND):
            return True
        return any(convert(local, config) == plain for config in _TO_MAINLAND)


def _key(form: str) -> str:
    return unify_name_dots(shadow("".join(form.split())))


#: The character configs whose tables say which characters are one character written two
#: ways (著 and 着, 裡 and 裏): each is tried on both sides.
_CHARACTER_CONFIGS = ("s2t", "t2s", "s2tw", "tw2s", "s2hk", "hk2s", "t2tw", "tw2t", "t2hk", "hk2t")


@lru_cache(maxsize=4096)
def _variants(ch: str) -> frozenset[str]:
    return frozenset({ch, *(convert(ch, config) for config in _CHARACTER_CONFIGS)})


def _script_only(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` are one word in two scripts, character by character: the
    shadow leaves some variants apart (隨著 stays 随著, where the mainland writes 随着)."""
    return len(a) == len(b) and all(
        x == y or _variants(x) & _variants(y) for x, y in zip(a, b, strict=True)
    )
