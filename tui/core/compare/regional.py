"""Which of OpenCC's regional rewrites are words the regions really write differently.

OpenCC's phrase configs (``s2twp``, ``tw2sp``, ``s2hkp``, ``hk2sp``) rewrite vocabulary from
tables built for converting software texts, not from a dialect dictionary: they turn every
執行 into 运行 and every 複製 into 拷贝, although both words are used on both sides. So a
rewrite is trusted only when its two sides are a row of the vetted list shipped with zhread
(``tui/data/regional.tsv``, which says in which direction each word may be rewritten), such a
row inside a longer word (计算机硬件 -> 計算機硬體), or two spellings of one glossary term.
Everything else OpenCC proposes is only a suggestion.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from tui.core.errors import ZhreadError
from tui.core.model.chars import is_han
from tui.core.scripts.convert import PHRASE_CONFIGS, shadow

if TYPE_CHECKING:
    from tui.core.glossary.entries import Glossary

#: Which column of the vetted list each phrase config reads, and whether it writes the
#: mainland word (``tw2sp``: Taiwan to mainland) or reads it (``s2twp``).
_REGION = {
    "tw2sp": ("taiwan", True),
    "s2twp": ("taiwan", False),
    "hk2sp": ("hong_kong", True),
    "s2hkp": ("hong_kong", False),
}

_NONE = "-"


class Ways(StrEnum):
    """In which direction a vetted word may be rewritten."""

    BOTH = "both"
    TO_MAINLAND = "to-mainland"
    FROM_MAINLAND = "from-mainland"


@dataclass(frozen=True, slots=True)
class VettedWord:
    """One row of the vetted list: the same word as each region writes it."""

    taiwan: str | None
    mainland: str
    hong_kong: str | None
    ways: Ways


def vetted_path() -> Path:
    """The list inside the package, where both a checkout and an installed wheel have it."""
    return Path(__file__).resolve().parents[2] / "data" / "regional.tsv"


def parse_vetted(text: str, source: str) -> tuple[VettedWord, ...]:
    """The rows of a vetted list; a malformed row is an error naming its line."""
    words: list[VettedWord] = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) != 4:
            raise ZhreadError(
                f"line {number}: expected 4 tab-separated fields, got {len(fields)}", source
            )
        taiwan, mainland, hong_kong, ways = (field.strip() for field in fields)
        if ways not in set(Ways):
            raise ZhreadError(
                f"line {number}: ways must be one of {', '.join(Ways)}, not {ways!r}", source
            )
        if not mainland or mainland == _NONE or not taiwan or not hong_kong:
            raise ZhreadError(
                f"line {number}: empty field ({_NONE!r} marks a missing word)", source
            )
        words.append(
            VettedWord(
                None if taiwan == _NONE else taiwan,
                mainland,
                None if hong_kong == _NONE else hong_kong,
                Ways(ways),
            )
        )
    return tuple(words)


@lru_cache(maxsize=1)
def vetted_words() -> tuple[VettedWord, ...]:
    """The shipped list, read once."""
    path = vetted_path()
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise ZhreadError(f"cannot read the list of regional words: {error}", path) from None
    return parse_vetted(text, str(path))


def _reverse(config: str) -> str:
    """The phrase config that rewrites the same column the other way (tw2sp for s2twp)."""
    column, to_mainland = _REGION[config]
    return next(name for name, way in _REGION.items() if way == (column, not to_mainland))


@lru_cache(maxsize=4)
def _vetted_rewrites(config: str) -> dict[str, frozenset[str]]:
    """Each word ``config`` may rewrite, in Simplified, and what it may become."""
    column, to_mainland = _REGION[config]
    allowed = {Ways.BOTH, Ways.TO_MAINLAND if to_mainland else Ways.FROM_MAINLAND}
    rewrites: dict[str, set[str]] = {}
    for word in vetted_words():
        local = getattr(word, column)
        if local is None or word.ways not in allowed:
            continue
        local, mainland = shadow(local), word.mainland
        source, target = (local, mainland) if to_mainland else (mainland, local)
        rewrites.setdefault(source, set()).add(target)
    return {source: frozenset(targets) for source, targets in rewrites.items()}


def _vetted(original: str, proposed: str, config: str, cuts: Collection[int]) -> bool:
    """A vetted rewrite, alone or inside a longer stretch whose other characters stay as
    they are (计算机硬件 -> 計算機硬體 is 硬件 -> 硬體), but never across one of the ``cuts``
    between words (许多|工具 holds 多工, and is not 多任务); both sides in Simplified."""
    rewrites = _vetted_rewrites(config)
    if proposed in rewrites.get(original, ()):
        return True
    lengths = {len(source) for source in rewrites}
    for start in range(len(original)):
        for length in lengths:
            if any(start < cut < start + length for cut in cuts):
                continue
            source = original[start : start + length]
            for target in rewrites.get(source, ()) if len(source) == length else ():
                if original[:start] + target + original[start + length :] == proposed:
                    return True
    return False


class RegionalTrust:
    """Decides whether a rewrite OpenCC proposes is a regional word or only a suggestion."""

    def __init__(self, glossary: Glossary | None = None) -> None:
        self._terms: dict[str, set[str]] = {}  # a Han form, in Simplified -> entry ids
        for entry_id, forms in _glossary_forms(glossary):
            for form in forms:
                self._terms.setdefault(form, set()).add(entry_id)

    def trusts(self, original: str, proposed: str, config: str, cuts: Collection[int] = ()) -> bool:
        """Whether ``config`` may rewrite ``original`` as ``proposed`` (each in its own
        script): a vetted word in that direction, or two spellings of one glossary term
        that the vetted list does not allow only the other way.
        ``cuts`` are the offsets in ``original`` where one word ends and the next begins."""
        if config not in PHRASE_CONFIGS:
            return False
        original, proposed = shadow(original), shadow(proposed)
        if _vetted(original, proposed, config, cuts):
            return True
        if original in _vetted_rewrites(_reverse(config)).get(proposed, ()):
            return False  # the list allows only the other way (资料 is also "materials")
        return bool(self._terms.get(original, set()) & self._terms.get(proposed, set()))


def _glossary_forms(glossary: Glossary | None) -> Iterable[tuple[str, set[str]]]:
    """Each entry's Han spellings in Simplified: the regional forms a glossary records."""
    if glossary is None:
        return
    for entry_id, entry in glossary.entries.items():
        forms = {shadow(form) for form in entry.written() if any(is_han(ch) for ch in form)}
        if len(forms) > 1:
            yield entry_id, forms
