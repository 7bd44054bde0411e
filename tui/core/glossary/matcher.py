"""Finding glossary terms in a text, in whichever script and regional wording it uses.

Every Han form is normalised to Simplified with the same length-preserving conversion the
segmenter uses, and matched on the text's Simplified shadow, so offsets into the shadow are
offsets into the text. Latin aliases (SFT, CoT, OpenAI) match only as whole words.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from itertools import accumulate, compress, count
from operator import add, itemgetter
from typing import NamedTuple

from tui.core.model.chars import contains_han, unify_name_dots
from tui.core.scripts import convert

__all__ = ["Matcher", "Spelling", "TermMatch", "convert_all", "has_han"]


def has_han(text: str) -> bool:
    """Whether a form is matched as Chinese (via the shadow) rather than as a Latin word."""
    return contains_han(text)


def _is_word_char(ch: str) -> bool:
    """Latin words end where ASCII letters and digits end; everything else is a boundary."""
    return ch.isascii() and ch.isalnum()


class Spelling(NamedTuple):
    """One way an entry is written, as the matcher looks for it."""

    text: str
    entry_id: str
    ignore_case: bool = False
    versioned: bool = False  # a model's name, which a version may follow


@dataclass(frozen=True, slots=True)
class TermMatch:
    """A glossary term found at ``text[start:end]``."""

    start: int
    end: int
    entry_id: str


def convert_all(forms: Sequence[str], config: str = "t2s") -> list[str]:
    """Convert many forms in one OpenCC call (the calls, not the characters, cost time).

    The default is the shadow's own conversion, so forms normalise exactly as texts do.
    """
    joined = convert.aligned("\n".join(forms), config)
    out: list[str] = []
    pos = 0
    for form in forms:
        out.append(joined[pos : pos + len(form)])
        pos += len(form) + 1
    return out


_Hit = tuple[int, str]  # (length, entry id)


class _Table:
    """Forms keyed exactly as they are looked up, plus candidate lengths by their first two
    characters.

    Looking up a handful of slices per candidate position keeps matching linear in the text,
    whatever the glossary's size, where one big alternation regex would not; keying the
    lengths by two characters, not one, means that in a text where most characters begin
    some term, most positions cost one failed lookup. Each form also records whether it
    starts or ends with a Latin letter, the only case that needs a word-boundary check.
    """

    def __init__(self) -> None:
        self.forms: dict[str, tuple[str, bool, bool]] = {}
        self.firsts: frozenset[str] = frozenset()  # where a form may begin
        self.by_pair: dict[str, tuple[int, ...]] = {}

    def add(self, key: str, entry_id: str, versioned: bool = False) -> None:
        # later entries (later layers) win
        latin = _is_word_char(key[0]) or _is_word_char(key[-1])
        self.forms[key] = (entry_id, latin, versioned)

    def finish(self) -> None:
        by_pair: dict[str, set[int]] = {}
        for key in self.forms:
            by_pair.setdefault(key[:2], set()).add(len(key))  # a one-character form by itself
        self.firsts = frozenset(key[0] for key in self.forms)
        for pair, found in by_pair.items():  # a one-character form may begin any pair
            if len(pair) == 2 and 1 in by_pair.get(pair[0], ()):
                found.add(1)
        self.by_pair = {pair: tuple(sorted(ls, reverse=True)) for pair, ls in by_pair.items()}

    def longest(self, haystack: str, text: str, i: int, best: int = 0) -> _Hit | None:
        """The longest form at ``i`` that is longer than ``best`` and cuts no Latin word."""
        return self._longest(haystack, text, i, best, _same)

    def _longest(
        self, haystack: str, text: str, i: int, best: int, fold: Callable[[str], str]
    ) -> _Hit | None:
        forms, room = self.forms, len(haystack) - i  # a slice past the end would be shorter
        lengths = self.by_pair.get(fold(haystack[i : i + 2]))
        if lengths is None:  # no form begins with this pair: one of one character may
            lengths = self.by_pair.get(fold(haystack[i]), ())
        for length in lengths:
            if length <= best:
                return None
            if length > room:
                continue
            found = forms.get(fold(haystack[i : i + length]))
            if found is None:
                continue
            if not found[1]:
                return length, found[0]
            taken = _whole_word(text, i, i + length, found[2])
            if taken is not None:
                return taken, found[0]
        return None


class _FoldedTable(_Table):
    """Case-insensitive aliases: keyed lowercased, and looked up lowercased."""

    def add(self, key: str, entry_id: str, versioned: bool = False) -> None:
        super().add(key.lower(), entry_id, versioned)

    def longest(self, haystack: str, text: str, i: int, best: int = 0) -> _Hit | None:
        return self._longest(haystack, text, i, best, str.lower)


_UNIT_GAP = frozenset("0123456789 ")


def _is_unit(word: str) -> bool:
    """A unit of measure as the field writes it after a number: nm, mm, kw."""
    return len(word) <= 3 and word.isascii() and word.isalpha() and word.islower()


def _number_before(text: str, at: int, floor: int) -> int:
    """Where the number a unit follows begins (the 7 of 7nm, the 3 of 3 nm), so that the
    term is the whole size; ``at`` itself when no number stands right before it."""
    begin = at - 1 if text[at - 1] == " " else at
    while begin > floor and (text[begin - 1].isdigit() or text[begin - 1] == "."):
        begin -= 1
    while begin < at and not text[begin].isdigit():
        begin += 1  # a number starts with a digit, not with a point
    if begin == at or (begin > 0 and _is_word_char(text[begin - 1])):
        return at
    return begin


def _same(key: str) -> str:
    return key


def _whole_word(text: str, start: int, end: int, versioned: bool = False) -> int | None:
    """The length ``text[start:end]`` takes as a whole Latin word, or None where it would cut
    one. The field's own ways of writing count as whole: a lowercase unit right after its
    number (the ``nm`` of 7nm), an English plural (GPUs, H100s, encoders) and, after the name
    of a model, its version and size (Llama 2, Llama-2-7b-chat, Qwen2.5, Yi-6B)."""
    before = text[start - 1] if start > 0 else " "
    unit = before.isdigit() and text[start].islower()
    if _is_word_char(text[start]) and _is_word_char(before) and not unit:
        return None
    if versioned:
        version = _VERSION.match(text, end)
        if (
            version is not None
            and version.end() > end
            and _ends_word(text, version.end())
            and not _NOT_A_VERSION.match(text, end)
        ):
            return version.end() - start
    if _ends_word(text, end):
        return end - start
    plural = text[end] == "s" and text[end - 1] != "s" and text[end - 1].isalnum()
    if plural and _ends_word(text, end + 1):
        return end + 1 - start
    return None


def _ends_word(text: str, end: int) -> bool:
    """Whether a Latin word may end at ``end`` (not in the middle of one)."""
    return end == len(text) or not (_is_word_char(text[end - 1]) and _is_word_char(text[end]))


def _may_ignore(text: str) -> bool:
    """A quick look for what :data:`_IGNORABLE` finds, before the regex runs."""
    return "*" in text or "_" in text or " " in text


def _without(text: str, spans: Sequence[tuple[int, int]]) -> str:
    pieces, pos = [], 0
    for begin, end in spans:
        pieces.append(text[pos:begin])
        pos = end
    pieces.append(text[pos:])
    return "".join(pieces)


def _char_class(chars: Iterable[str]) -> str:
    """A regex class; many astral characters become one range (sre scans them one by one)."""
    unique = sorted(set(chars))
    astral = [ch for ch in unique if ord(ch) > 0xFFFF]
    if len(astral) > 16:
        unique = [ch for ch in unique if ord(ch) <= 0xFFFF]
        return f"[{''.join(map(re.escape, unique))}{astral[0]}-{astral[-1]}]"
    return f"[{''.join(map(re.escape, unique))}]"


_LATIN_WORD = re.compile(r"([A-Za-z0-9]+)")
# a model's version, size and variant after its name: " 2", "-2-7b-chat", "2.5", "-6B"
_VERSION = re.compile(
    r"(?:[ -]?[0-9]+(?:\.[0-9]+)*[a-z]?)?(?:-[0-9]+(?:\.[0-9]+)?[BbMmKk])?"
    r"(?:-(?:[Cc]hat|[Ii]nstruct|[Bb]ase))?"
)
# after a space, a year, a date or a share is no version (DeepSeek 2025年, Llama 70%)
_NOT_A_VERSION = re.compile(r" (?:[0-9]{3}|[0-9.]+[a-z]?[年月日号%])")
# the first letter after the digits that begin a Latin word: the unit of 7nm
_UNIT_AFTER_NUMBER = re.compile(r"(?<![A-Za-z0-9])[0-9]+([a-z])")
# emphasis marks between two Han characters (**監督式**微調): Markdown, not part of the words
_HAN = "\u3400-\u9fff\U00020000-\U0003134f"
# and a single space between Chinese and Latin, as Taiwan's typography sets them (生成式 AI)
_IGNORABLE = re.compile(
    f"(?<=[{_HAN}])[*_]{{1,3}}(?=[{_HAN}])"
    f"|(?<=[{_HAN}]) (?=[A-Za-z0-9])|(?<=[A-Za-z0-9]) (?=[{_HAN}])"
)


def _start_pattern(chars: Iterable[str]) -> re.Pattern[str] | None:
    """A plain character class: sre finds its matches with a fast scan in C."""
    unique = set(chars)
    return re.compile(_char_class(unique)) if unique else None


def _positions(pattern: re.Pattern[str] | None, haystack: str) -> list[int]:
    """Offsets of every match of a one-character pattern, without a match object for each.

    Splitting and summing the piece lengths runs entirely in C; for a dense text it is
    several times faster than ``finditer``.
    """
    if pattern is None:
        return []
    pieces = pattern.split(haystack)
    return list(map(add, accumulate(map(len, pieces[:-1])), count()))


def _word_starts(text: str, firsts: frozenset[str]) -> list[int]:
    """Offsets of the Latin words that begin with one of ``firsts``, found in C.

    A Latin form can only begin a word, so only word starts are candidates; looking at
    each letter instead would make a text full of English slow to scan.
    """
    if not firsts:
        return []
    pieces = _LATIN_WORD.split(text)  # other, word, other, word, ..., other
    starts = list(accumulate(map(len, pieces)))[0:-1:2]
    wanted = map(firsts.__contains__, map(itemgetter(0), pieces[1::2]))
    found = list(compress(starts, wanted))
    units = [m.start(1) for m in _UNIT_AFTER_NUMBER.finditer(text) if m.group(1) in firsts]
    return sorted(found + units) if units else found


class Matcher:
    """Leftmost-longest matching of every entry's spellings in a text and its shadow.

    All spellings are looked up normalised, in the shadow (conversion leaves Latin as it
    is). Where the shadow has nothing, Han spellings as written are looked up in the text:
    conversion in context can differ from conversion of the form on its own. Both happen at
    the positions where a normalised form could start. Case-insensitive aliases are looked
    up in the text, lowercased.
    """

    def __init__(self, spellings: Iterable[Spelling]) -> None:
        """``spellings`` come in the entries' order: where two entries share a spelling, the
        later one is matched. A lowercase English alias (encoder) also matches capitalised
        (Encoder, as a sentence or heading starts), unless that is another entry's spelling."""
        self.main, self.written, self.folded = _Table(), _Table(), _FoldedTable()
        forms: list[Spelling] = []
        for spelling in spellings:
            if spelling.ignore_case:
                self.folded.add(spelling.text, spelling.entry_id)
            else:
                forms.append(spelling)
        for spelling in forms:  # variants first, so that a form as written overrides them
            text = spelling.text
            if has_han(text):
                continue
            if text[:1].isascii() and text[:1].islower():
                self.main.add(text[0].upper() + text[1:], spelling.entry_id, spelling.versioned)
            if spelling.versioned and any(ch.isdigit() for ch in text):  # an API's gpt-4o
                self.main.add(text.lower(), spelling.entry_id, True)
        converted = convert_all([spelling.text for spelling in forms])
        for (form, entry_id, _, versioned), normalised in zip(forms, converted, strict=True):
            key = unify_name_dots(normalised)  # as :meth:`Glossary.match` unifies the shadow
            self.main.add(key, entry_id, versioned)
            if key != form and has_han(form):
                self.written.add(form, entry_id)
        for table in (self.main, self.written, self.folded):
            table.finish()
        folded = self.folded.firsts
        self.fold_firsts = frozenset(c for first in folded for c in (first, first.upper()))
        firsts = self.fold_firsts | self.main.firsts
        self.han_starts = _start_pattern(c for c in firsts if not _is_word_char(c))
        self.word_firsts = frozenset(c for c in firsts if _is_word_char(c))

    def scan(self, text: str, shadow: str) -> list[TermMatch]:
        """Every term, leftmost-longest. What the field writes inside a term without changing
        it is looked through: Markdown emphasis (``**監督式**微調``) and the space Taiwan's
        typography puts between Chinese and Latin (``生成式 AI`` for 生成式AI). The match is
        made without them and covers them."""
        spans = [m.span() for m in _IGNORABLE.finditer(text)] if _may_ignore(text) else []
        if not spans:
            return self._scan(text, shadow)
        removed_at: list[int] = []  # where each character left out was, in the squeezed text
        gone = 0
        for begin, end in spans:
            removed_at += [begin - gone] * (end - begin)
            gone += end - begin
        found = self._scan(_without(text, spans), _without(shadow, spans))

        def original(at: int) -> int:
            return at + bisect_right(removed_at, at)

        return [TermMatch(original(m.start), original(m.end - 1) + 1, m.entry_id) for m in found]

    def _scan(self, text: str, shadow: str) -> list[TermMatch]:
        """One pass over the candidate starts in order, skipping those inside the last match:
        that is what makes the result leftmost-longest, sorted and free of overlaps."""
        found: list[TermMatch] = []
        pos = 0
        starts = _positions(self.han_starts, shadow) + _word_starts(text, self.word_firsts)
        main, written, folded = self.main.longest, self.written.longest, self.folded.longest
        written_firsts, fold_firsts = self.written.firsts, self.fold_firsts
        pairs = self.main.by_pair  # asked here first: most positions begin no term at all
        for i in sorted(starts):
            if i < pos:
                continue
            hit = None
            if shadow[i : i + 2] in pairs or shadow[i] in pairs:
                hit = main(shadow, text, i)
            if hit is None and text[i] in written_firsts:
                hit = written(text, text, i)
            if text[i] in fold_firsts:  # a case-insensitive alias must be strictly longer
                hit = folded(text, text, i, hit[0] if hit else 0) or hit
            if hit is not None:
                begin = i
                if i and text[i - 1] in _UNIT_GAP and _is_unit(text[i : i + hit[0]]):
                    begin = _number_before(text, i, pos)
                found.append(TermMatch(begin, i + hit[0], hit[1]))
                pos = i + hit[0]
        return found
