"""Glossary candidates: the terms a document uses that no glossary layer explains yet.

Three kinds, most certain first. News and technical writing gloss a new name or term once, in
parentheses, the first time it appears: 漢娜·多門(Hanna Dohmen), 「芯粒封裝」(chiplet
packaging), 長鏈式思維(CoT). Those glosses are exactly what a reader would otherwise look up.
Where the Chinese term starts is a judgement call; quotes and name dots say it outright, and
otherwise the English is the best hint of how many words it covers. Then Latin acronyms
(SerDes, MLPerf), which a field coins faster than any glossary grows; then words the text
repeats that are neither in a layer nor in the HSK lists, which is how a text's own jargon
shows (a common word is in the lists, a field's word is not).
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Callable, Collection, Iterator, Sequence
from dataclasses import dataclass, replace
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import ValidationError

from tui.core.errors import ZhreadError
from tui.core.glossary.entries import Category, Entry, Glossary
from tui.core.glossary.layers import ids_in_use
from tui.core.model.chars import NAME_DOTS, Kind, is_han
from tui.core.model.document import Document, Token
from tui.core.readings.reading import pinyin
from tui.core.scripts import convert

if TYPE_CHECKING:
    from tui.core.readings.dictionary import DictEntry, Dictionary

__all__ = [
    "Candidate",
    "CandidateKind",
    "context_of",
    "english_for",
    "entry_for",
    "find_candidates",
    "pairs_in",
]

#: A Chinese term is at most this many of the document's words, and this many characters
#: (unless a single word is longer): past that it is a phrase, not a term.
MAX_WORDS = 4
MAX_CHARS = 8
#: A quoted stretch longer than this is a quotation, not a term.
MAX_QUOTED = 20
#: An English gloss longer than this is a parenthetical remark.
MAX_ENGLISH_WORDS = 8
#: A word is the text's own vocabulary from this many uses; a list shows at most this many.
MIN_REPEATS = 3
MAX_REPEATED = 20
MAX_ACRONYMS = 20
#: Characters of context either side of a candidate's first use.
CONTEXT = 12

# two capitals or more, as a whole Latin word: HBM3E, NVLink, CoWoS, GPT-4o (not "Chip")
_ACRONYM = re.compile(
    r"(?<![A-Za-z0-9_.-])(?=[A-Za-z0-9]*[A-Z][a-z0-9]*[A-Z])[A-Z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*"
    r"(?![A-Za-z0-9_])"
)
# jieba's tags of the words that can be a field's terms: nouns, organisations, other proper
# nouns, verbal nouns and Latin words; people and places are the skim's, and a word jieba's
# dictionary does not hold was only joined by its model, often from a phrase (看着, 第一个)
_TERM_TAG = re.compile(r"n|nz|nt|vn|eng")
_ROMAN_UPPER = re.compile(r"X{0,3}(?:IX|IV|V?I{0,3})")

_PAREN = re.compile(r"[(（]([^()（）\n]{1,100})[)）]")
# 音 (音譯, "transliterated") marks an English name reconstructed from the Chinese sound
_TRANSLITERATED = re.compile(r"\s*[,，、]\s*音[譯译]?\s*$")
# (i), (ii), (iv): list markers, not words; capitals are left alone (VC, CV, XL are words)
_ROMAN = re.compile(r"x{0,3}(?:ix|iv|v?i{0,3})")
_QUOTE_PAIRS = {"」": "「", "』": "『", "”": "“"}
_QUOTES = frozenset("「」『』“”")
_GAP = " \t\u3000"
_SENTENCE_PUNCT = frozenset("。，、；：？！,;:?!")
_LATIN_RUN = re.compile(r"[A-Za-z]+")
_CAPITAL_AFTER_HYPHEN = re.compile(r"-(?=[A-Z])")

# Words (compared in Simplified) that end a term instead of belonging to it: particles,
# prepositions and the verbs that introduce a term ("uses", "called", "such as").
_STOP_WORDS = frozenset(
    "的 了 着 过 在 是 和 与 及 或 把 被 对 将 从 向 于 为 以 由 这 那 其 该 等 也 都 就 而 并 "
    "又 即 如 称 叫 让 使 给 跟 同 比 个 种 些 之 所 "
    "这种 这些 那些 那种 一种 一个 以及 或者 及其 通过 采用 使用 利用 进行 称为 叫做 被称为 "
    "称作 包括 例如 比如 作为 成为 就是 也是 所谓 即所谓 这个 那个".split()
)


class CandidateKind(StrEnum):
    """Why a term is offered: the text glosses it, it is an acronym, or the text repeats it."""

    PAIR = "pair"
    ACRONYM = "acronym"
    REPEATED = "repeated"


@dataclass(frozen=True)
class Candidate:
    """A Chinese term and the English the document gives for it.

    ``start``/``end`` locate the term's first occurrence, ``count`` its occurrences (in
    either script), and ``known_id`` the glossary entry that already has this term or this
    English, so a front end can say so instead of offering a duplicate.
    """

    term: str
    english: str
    start: int
    end: int
    count: int
    known_id: str | None
    kind: CandidateKind = CandidateKind.PAIR
    context: str = ""


def find_candidates(document: Document, glossary: Glossary | None) -> list[Candidate]:
    """Every term glossed in English in ``document`` by first occurrence, then the unknown
    acronyms and the repeated unknown words, most used first; each term once.

    ``document`` should come from a real segmenter (a JiebaSplitter): its words decide
    where an unquoted term begins.
    """
    if not any(map(is_han, document.text)):
        return []  # an English text's acronyms are not terms of a Chinese text
    pairs = pairs_in(document, glossary)
    taken = {convert.shadow(c.term) for c in pairs} | {c.english for c in pairs}
    acronyms = _acronyms(document, glossary, taken)
    taken |= {c.term for c in acronyms}
    return pairs + acronyms + _repeated(document, taken)


def pairs_in(document: Document, glossary: Glossary | None) -> list[Candidate]:
    """Only the terms the text glosses in English in parentheses (漢娜·多門(Hanna Dohmen)),
    by first occurrence: what the skim needs, without the search for repeated words (which
    reads jieba's dictionary file for every text)."""
    if not any(map(is_han, document.text)):
        return []
    return _pairs(document, glossary)


def _pairs(document: Document, glossary: Glossary | None) -> list[Candidate]:
    """Terms the text glosses in English in parentheses, by first occurrence."""
    text = document.text
    shadow = document.shadow or convert.shadow(text)
    found: dict[str, tuple[str, str]] = {}  # shadow of the term -> (term as written, English)
    for match in _PAREN.finditer(text):
        english = _english(match.group(1))
        if english is None:
            continue
        span = _term_span(document, _before_gap(text, match.start()), english)
        if span is not None:
            found.setdefault(shadow[span[0] : span[1]], (text[span[0] : span[1]], english))
    known = _Known(glossary)
    candidates = [
        _candidate(text, shadow, key, term, english, known)
        for key, (term, english) in found.items()
    ]
    return sorted(candidates, key=lambda c: c.start)


def _candidate(
    text: str, shadow: str, key: str, term: str, english: str, known: _Known
) -> Candidate:
    start = shadow.find(key)
    return Candidate(
        term=term,
        english=english,
        start=start,
        end=start + len(key),
        count=shadow.count(key),
        known_id=known.lookup(term, english),
        context=context_of(text, start, start + len(key)),
    )


def context_of(text: str, start: int, end: int, width: int = CONTEXT) -> str:
    """The term with up to ``width`` characters either side, on one line."""
    around = text[max(0, start - width) : end + width]
    return " ".join(around.split())


# --- acronyms and repeated words --------------------------------------------------------


def _acronyms(document: Document, glossary: Glossary | None, taken: set[str]) -> list[Candidate]:
    """Latin words with two capitals or more (HBM3E, NVLink, CoWoS) that no layer matches."""
    text = document.text
    inside = _term_spans(document)
    found: dict[str, list[int]] = {}
    for match in _ACRONYM.finditer(text):
        word = match.group()
        if word not in taken and not _ROMAN_UPPER.fullmatch(word) and not inside(match.start()):
            found.setdefault(word, []).append(match.start())
    if glossary is not None:
        found = {w: s for w, s in found.items() if not glossary.match(w)}
    ranked = sorted(found.items(), key=lambda item: (-len(item[1]), item[1][0]))
    return [
        Candidate(
            term=word,
            english="",
            start=starts[0],
            end=starts[0] + len(word),
            count=len(starts),
            known_id=None,
            kind=CandidateKind.ACRONYM,
            context=context_of(text, starts[0], starts[0] + len(word)),
        )
        for word, starts in ranked[:MAX_ACRONYMS]
    ]


def _repeated(document: Document, taken: set[str]) -> list[Candidate]:
    """Words of two Han characters or more, outside every term, used at least
    ``MIN_REPEATS`` times, in no HSK list and nouns by jieba's dictionary: the text's own
    vocabulary."""
    from tui.core.readings.levels import level
    from tui.core.readings.lexicons import jieba_tags

    shadow = document.shadow or convert.shadow(document.text)
    spans: dict[str, list[tuple[int, int]]] = {}
    for start, end, kind, term in document.spans():
        if kind is Kind.HAN and term is None and end - start >= 2:
            spans.setdefault(shadow[start:end], []).append((start, end))
    often = {
        key: found
        for key, found in spans.items()
        if len(found) >= MIN_REPEATS and key not in taken and level(key) is None
    }
    tags = jieba_tags(set("".join(often)))
    ranked = sorted(
        ((key, found) for key, found in often.items() if _TERM_TAG.fullmatch(tags.get(key, ""))),
        key=lambda item: (-len(item[1]), item[1][0]),
    )
    return [
        Candidate(
            term=document.text[found[0][0] : found[0][1]],
            english="",
            start=found[0][0],
            end=found[0][1],
            count=len(found),
            known_id=None,
            kind=CandidateKind.REPEATED,
            context=context_of(document.text, *found[0]),
        )
        for key, found in ranked[:MAX_REPEATED]
    ]


def _term_spans(document: Document) -> Callable[[int], bool]:
    """Whether an offset is inside a glossary term the document already shows."""
    terms = [(t.start, t.end) for t in document.terms()]
    starts = [start for start, _ in terms]

    def inside(offset: int) -> bool:
        at = bisect_right(starts, offset) - 1
        return at >= 0 and offset < terms[at][1]

    return inside


# --- the English -----------------------------------------------------------------------


def _english(raw: str) -> str | None:
    """The gloss with the transliteration marker dropped, or None if it is not English.

    NFKC turns the full-width letters and commas that Chinese input methods produce
    (ＡＩ，ＭｏＥ) into the ASCII a glossary is searched with.
    """
    text = unicodedata.normalize("NFKC", _TRANSLITERATED.sub("", raw))
    text = " ".join(re.sub(r"\s*([,;])\s*", r"\1 ", text).split())
    return text if _looks_english(text) else None


def _is_latin_letter(ch: str) -> bool:
    return ch.isascii() or unicodedata.name(ch, "").startswith("LATIN")


def _looks_english(text: str) -> bool:
    """Mostly Latin letters: not a year (2024), a Chinese aside (美方) or a list marker (ii)."""
    if not text or any(is_han(ch) for ch in text) or _ROMAN.fullmatch(text):
        return False
    letters = [ch for ch in text if ch.isalpha()]
    latin = sum(map(_is_latin_letter, letters))
    solid = len(text) - text.count(" ")
    return (
        latin >= 2
        and latin >= 0.8 * len(letters)
        and latin >= 0.5 * solid
        and len(text.split()) <= MAX_ENGLISH_WORDS
    )


def _is_acronym(word: str) -> bool:
    """SFT, CoT, LLMs, GPT-4o: capitals carry the words, one lowercase letter at most."""
    upper = sum(ch.isupper() for ch in word)
    lower = sum(ch.islower() for ch in word)
    return upper >= 2 and lower <= 1


def _target_chars(english: str) -> int:
    """About how many Chinese characters render ``english``: two per English word.

    An acronym counts one word per capital (CoT: chain of thought); only the part before a
    comma counts, since what follows is usually a second name (Mixture of Experts, MoE).
    """
    words: list[str] = re.split(r"[,;]", english)[0].split()
    if len(words) == 1 and _is_acronym(words[0]):
        return 2 * sum(ch.isupper() for ch in words[0])
    # Retrieval-Augmented is two words; fine-tuning is one
    parts = sum(len(_CAPITAL_AFTER_HYPHEN.split(word)) for word in words)
    return 2 * max(parts, 1)


# --- the Chinese term ------------------------------------------------------------------


def _before_gap(text: str, pos: int) -> int:
    """Where the term must end: at the parenthesis, or before spaces in front of it."""
    while pos > 0 and text[pos - 1] in _GAP:
        pos -= 1
    return pos


def _term_span(document: Document, end: int, english: str) -> tuple[int, int] | None:
    """The extent of the term that ends at ``end``: quoted, a dotted name, or a few words."""
    if end == 0:
        return None
    if document.text[end - 1] in _QUOTE_PAIRS:
        return _quoted(document.text, end - 1)
    index = document.token_index_at(end - 1)
    token = document.tokens[index]
    if token.kind is not Kind.HAN or token.end != end or _is_stop_word(document, token):
        return None
    if any(ch in NAME_DOTS for ch in token.text):
        return token.start, token.end
    return _words_before(document, index, _target_chars(english))


def _quoted(text: str, close: int) -> tuple[int, int] | None:
    """The inside of the quotes closed at ``close``, if it reads as a term."""
    opener = text.rfind(_QUOTE_PAIRS[text[close]], max(0, close - MAX_QUOTED - 1), close)
    if opener < 0:
        return None
    start, end = opener + 1, close
    while start < end and (text[start] in _QUOTES or text[start].isspace()):
        start += 1
    while end > start and (text[end - 1] in _QUOTES or text[end - 1].isspace()):
        end -= 1
    inside = text[start:end]
    if not any(is_han(ch) for ch in inside) or any(ch in _SENTENCE_PUNCT for ch in inside):
        return None
    if "\n" in inside or text[close] in inside:
        return None
    return start, end


def _words_before(document: Document, index: int, target: int) -> tuple[int, int]:
    """Take words leftwards from ``index`` until they are about as long as the English."""
    tokens = document.tokens
    start, end = tokens[index].start, tokens[index].end
    words = 1
    for token in _preceding(tokens, index):
        if words >= MAX_WORDS or end - start >= target:
            break
        if not _joins(document, token) or end - token.start > MAX_CHARS:
            break
        start, words = token.start, words + 1
    return start, end


def _preceding(tokens: Sequence[Token], index: int) -> Iterator[Token]:
    for i in range(index - 1, -1, -1):
        yield tokens[i]


def _joins(document: Document, token: Token) -> bool:
    """Whether a word may be the front part of a term: Han, no name dot, no particle."""
    return (
        token.kind is Kind.HAN
        and not any(ch in NAME_DOTS for ch in token.text)
        and not _is_stop_word(document, token)
    )


def _is_stop_word(document: Document, token: Token) -> bool:
    shadow = document.shadow or convert.shadow(document.text)
    return shadow[token.start : token.end] in _STOP_WORDS


# --- what the glossary already has -----------------------------------------------------


class _Known:
    """Finds the entry that already covers a term or its English, if any."""

    def __init__(self, glossary: Glossary | None) -> None:
        self.glossary = glossary
        self.by_english: dict[str, str] = {}
        for entry in glossary.entries.values() if glossary is not None else ():
            for name in (entry.en, re.sub(r"\s*\([^)]*\)$", "", entry.en)):
                self.by_english.setdefault(name.casefold(), entry.id)

    def lookup(self, term: str, english: str) -> str | None:
        if self.glossary is None:
            return None
        for text in (term, english):
            matches = self.glossary.match(text)
            if len(matches) == 1 and (matches[0].start, matches[0].end) == (0, len(text)):
                return matches[0].entry_id
        return self.by_english.get(english.casefold())


# --- a new entry -----------------------------------------------------------------------


def english_for(term: str, dictionary: Dictionary) -> str:
    """A first English for a term the text does not gloss, for the user to edit: CC-CEDICT's
    first sense of the word, else its longest dictionary pieces' joined (大模型: big +
    model); empty when the dictionary knows none of it."""
    simplified = convert.shadow(term)
    found = dictionary.lookup(simplified)
    if found:
        return _first_sense(found[0])
    parts: list[str] = []
    pos = 0
    while pos < len(simplified):
        word = dictionary.longest_at(simplified, pos) or simplified[pos]
        pieces = dictionary.lookup(word) if is_han(word[0]) else []
        parts.append(_first_sense(pieces[0]) if pieces else word)
        pos += len(word)
    return " + ".join(parts) if any(map(is_han, simplified)) else ""


def _first_sense(entry: DictEntry) -> str:
    senses = [d for d in entry.definitions if not d.startswith(("CL:", "see ", "variant of"))]
    return (senses or list(entry.definitions) or [""])[0].split(";")[0].strip()


def entry_for(
    candidate: Candidate,
    source: str,
    *,
    taken: Collection[str] | None = None,
    english: str | None = None,
) -> Entry:
    """A glossary entry for ``candidate``, ready for the user's glossary.

    ``source`` names the document in the definition, so the user can tell later where the
    entry came from. The id is made unique against ``taken`` (default: the built-in and the
    user's glossary), since in the user's file a clash would silently override an entry.
    ``english`` is used where the text gives none (see :func:`english_for`).
    """
    taken = ids_in_use() if taken is None else taken
    candidate = replace(candidate, english=candidate.english or english or candidate.term)
    term = candidate.term
    simplified = convert.shadow(term)
    if convert.detect_script(term) is convert.Script.SIMPLIFIED:
        traditional = convert.aligned(term, "s2t")
    else:
        traditional = term
    person = any(ch in NAME_DOTS for ch in term)
    try:
        return Entry(
            id=_unique(("person-" if person else "") + _slug(candidate.english), taken),
            hant=traditional,
            hans=simplified,
            pinyin=_reading(simplified) if any(map(is_han, simplified)) else "",
            en=candidate.english,
            category=Category.PERSON if person else Category.OTHER,
            definition=_provenance(candidate, source),
        )
    except ValidationError as error:
        problem = error.errors()[0]["msg"].removeprefix("Value error, ")
        raise ZhreadError(f"cannot make a glossary entry for {term!r}: {problem}") from None


def _provenance(candidate: Candidate, source: str) -> str:
    """Where the entry came from, so the user can tell later what to check."""
    name = _source_name(source)
    if candidate.kind is CandidateKind.PAIR:
        return f'Added from {name}, where the text gives the English as "{candidate.english}".'
    how = "an acronym" if candidate.kind is CandidateKind.ACRONYM else "a word it repeats"
    return f"Added from {name}, where it is {how}; the English is a first draft to check."


def _slug(english: str) -> str:
    """A lowercase ASCII slug of the English, as the built-in ids are written."""
    plain = unicodedata.normalize("NFKD", english).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")
    return slug[:60].rstrip("-") or "term"


def _unique(base: str, taken: Collection[str]) -> str:
    candidate, number = base, 2
    while candidate in taken:
        candidate, number = f"{base}-{number}", number + 1
    return candidate


def _reading(simplified: str) -> str:
    """Pinyin of the Han parts, with Latin letters copied as they are (as the built-in
    glossary writes 世界主要AI創新中心). Digits are dropped: pinyin must not look toned
    with numbers."""
    parts: list[str] = []
    pos = 0
    for latin in _LATIN_RUN.finditer(simplified):
        parts += [pinyin(simplified[pos : latin.start()]), latin.group()]
        pos = latin.end()
    parts.append(pinyin(simplified[pos:]))
    return " ".join(part for part in parts if part)


def _source_name(source: str) -> str:
    if source.startswith("<"):
        return "standard input" if source == "<stdin>" else source
    return Path(source).name or source
