"""Finding glossary terms in a text, in whichever script and regional wording it uses.

Every Han form is normalised to Simplified with the same length-preserving conversion the
segmenter uses, and matched on the text's Simplified shadow, so offsets into the shadow are
offsets into the text. Latin aliases (SFT, CoT, OpenAI) match only as whole words.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import accumulate, compress, count
from operator import add, itemgetter

from tui.core.model.chars import is_han, unify_name_dots
from tui.core.scripts import convert

__all__ = ["Matcher", "TermMatch", "convert_all", "has_han"]


def has_han(text: str) -> bool:
    """Whether a form is matched as Chinese (via the shadow) rather than as a Latin word."""
    return any(is_han(ch) for ch in text)


def _is_word_char(ch: str) -> bool:
    """Latin words end where ASCII letters and digits end; everything else is a boundary."""
    return ch.isascii() and ch.isalnum()


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
    """Forms keyed exactly as they are looked up, plus candidate lengths by first character.

    Looking up a handful of slices per candidate position keeps matching linear in the text,
    whatever the glossary's size, where one big alternation regex would not. Each form also
    records whether it starts or ends with a Latin letter, the only case that needs a
    word-boundary check.
    """

    def __init__(self) -> None:
        self.forms: dict[str, tuple[str, bool]] = {}
        self.lengths: dict[str, tuple[int, ...]] = {}

    def add(self, key: str, entry_id: str) -> None:
        # later entries (later layers) win
        self.forms[key] = (entry_id, _is_word_char(key[0]) or _is_word_char(key[-1]))

    def finish(self) -> None:
        lengths: dict[str, set[int]] = {}
        for key in self.forms:
            lengths.setdefault(key[0], set()).add(len(key))
        self.lengths = {ch: tuple(sorted(ls, reverse=True)) for ch, ls in lengths.items()}

    def longest(self, haystack: str, text: str, i: int, best: int = 0) -> _Hit | None:
        """The longest form at ``i`` that is longer than ``best`` and cuts no Latin word."""
        forms, room = self.forms, len(haystack) - i  # a slice past the end would be shorter
        for length in self.lengths.get(haystack[i], ()):
            if length <= best:
                return None
            if length > room:
                continue
            found = forms.get(haystack[i : i + length])
            if found is not None and not (found[1] and _cuts_word(text, i, i + length)):
                return length, found[0]
        return None


class _FoldedTable(_Table):
    """Case-insensitive aliases: keyed lowercased, and looked up lowercased."""

    def add(self, key: str, entry_id: str) -> None:
        super().add(key.lower(), entry_id)

    def longest(self, haystack: str, text: str, i: int, best: int = 0) -> _Hit | None:
        room = len(haystack) - i
        for length in self.lengths.get(haystack[i].lower(), ()):
            if length <= best:
                return None
            if length > room:
                continue
            found = self.forms.get(haystack[i : i + length].lower())
            if found is not None and not (found[1] and _cuts_word(text, i, i + length)):
                return length, found[0]
        return None


def _cuts_word(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` begins or ends in the middle of a Latin word."""
    if start > 0 and _is_word_char(text[start]) and _is_word_char(text[start - 1]):
        return True
    return end < len(text) and _is_word_char(text[end - 1]) and _is_word_char(text[end])


def _char_class(chars: Iterable[str]) -> str:
    """A regex class; many astral characters become one range (sre scans them one by one)."""
    unique = sorted(set(chars))
    astral = [ch for ch in unique if ord(ch) > 0xFFFF]
    if len(astral) > 16:
        unique = [ch for ch in unique if ord(ch) <= 0xFFFF]
        return f"[{''.join(map(re.escape, unique))}{astral[0]}-{astral[-1]}]"
    return f"[{''.join(map(re.escape, unique))}]"


_LATIN_WORD = re.compile(r"([A-Za-z0-9]+)")


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
    return list(compress(starts, wanted))


class Matcher:
    """Leftmost-longest matching of every entry's spellings in a text and its shadow.

    All spellings are looked up normalised, in the shadow (conversion leaves Latin as it
    is). Where the shadow has nothing, Han spellings as written are looked up in the text:
    conversion in context can differ from conversion of the form on its own. Both happen at
    the positions where a normalised form could start. Case-insensitive aliases are looked
    up in the text, lowercased.
    """

    def __init__(self, spellings: Iterable[tuple[str, str, bool]]) -> None:
        """``spellings`` are (text, entry id, whether case is ignored), in the entries'
        order: where two entries share a spelling, the later one is matched."""
        self.main, self.written, self.folded = _Table(), _Table(), _FoldedTable()
        forms: list[tuple[str, str]] = []
        for text, entry_id, ignore_case in spellings:
            if ignore_case:
                self.folded.add(text, entry_id)
            else:
                forms.append((text, entry_id))
        converted = convert_all([form for form, _ in forms])
        for (form, entry_id), normalised in zip(forms, converted, strict=True):
            key = unify_name_dots(normalised)  # as :meth:`Glossary.match` unifies the shadow
            self.main.add(key, entry_id)
            if key != form and has_han(form):
                self.written.add(form, entry_id)
        for table in (self.main, self.written, self.folded):
            table.finish()
        folded = self.folded.lengths
        self.fold_firsts = frozenset(c for first in folded for c in (first, first.upper()))
        firsts = self.fold_firsts | self.main.lengths.keys()
        self.han_starts = _start_pattern(c for c in firsts if not _is_word_char(c))
        self.word_firsts = frozenset(c for c in firsts if _is_word_char(c))

    def scan(self, text: str, shadow: str) -> list[TermMatch]:
        """One pass over the candidate starts in order, skipping those inside the last match:
        that is what makes the result leftmost-longest, sorted and free of overlaps."""
        found: list[TermMatch] = []
        pos = 0
        starts = _positions(self.han_starts, shadow) + _word_starts(text, self.word_firsts)
        main, written, folded = self.main.longest, self.written.longest, self.folded.longest
        written_firsts, fold_firsts = self.written.lengths, self.fold_firsts
        for i in sorted(starts):
            if i < pos:
                continue
            hit = main(shadow, text, i)
            if hit is None and text[i] in written_firsts:
                hit = written(text, text, i)
            if text[i] in fold_firsts:  # a case-insensitive alias must be strictly longer
                hit = folded(text, text, i, hit[0] if hit else 0) or hit
            if hit is not None:
                found.append(TermMatch(i, i + hit[0], hit[1]))
                pos = i + hit[0]
        return found
