"""What the loader cannot see: whether a glossary's entries agree with OpenCC and the
dictionaries.

The schema says an entry has the word in both scripts, Taiwan's and Hong Kong's own words where
they differ, and a reading. Only the data can say whether ``hant`` really is ``hans`` in the
other script (a typo makes the term invisible in one half of the texts), whether a regional
word is really another word (if it is only the other script, it is noise), and whether the
reading is the word's (a wrong tone teaches a learner the wrong word). The audit lists every
problem at once, so a glossary of hundreds of entries is fixed in one pass, not one error at a
time; the test suite runs it on the built-in glossary.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from tui.core.glossary.entries import Entry, Glossary
from tui.core.glossary.matcher import convert_all, has_han
from tui.core.model.chars import unify_name_dots
from tui.core.plurals import plural
from tui.core.readings import cedict
from tui.core.readings.reading import marks, pinyin
from tui.core.scripts import convert

__all__ = ["Problem", "Readings", "audit", "main"]

#: A definition is one or two sentences for a newcomer, not an article.
MAX_DEFINITION = 320
_NOT_LETTERS = re.compile(r"[\s·‧・\-'’()（）《》「」]+")
_RUNS = re.compile(r"[\u3400-\u9fff\U00020000-\U0003134f]+|[^\u3400-\u9fff\U00020000-\U0003134f]+")
#: Standard Simplified characters that OpenCC's t2s rewrites all the same (昇腾 -> 升腾); the
#: matcher normalises both sides alike, so only the script check must know them.
_SIMPLIFIED_TOO = frozenset("昇乾著於")
#: Readings tried per word, when several of its pieces have more than one.
_MAX_COMBINATIONS = 64


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with one field of one entry."""

    entry_id: str
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.entry_id}: {self.field}: {self.message}"


class Readings:
    """Every reading CC-CEDICT gives the words asked about and the words inside them.

    A term is often not a dictionary word itself (监督微调), but its parts are (监督, 微调), and
    their readings settle what a character-by-character guess gets wrong (微调 is wēi tiáo,
    not wēi diào). Only the pieces of the glossary's words are kept, so the dictionary is
    streamed once and never held.
    """

    def __init__(self, words: Iterable[str]) -> None:
        wanted = {w[i:j] for w in words for i in range(len(w)) for j in range(i + 1, len(w) + 1)}
        self.cedict: dict[str, set[str]] = {}
        for trad, simp, numbered, _ in cedict.lines(cedict.data_file()):
            for word in {trad, simp} & wanted:
                self.cedict.setdefault(word, set()).add(marks(numbered))
        self.longest = max(map(len, self.cedict), default=1)

    def of(self, hans: str, hant: str) -> set[str]:
        """The readings the word may have: CC-CEDICT's for either script, its pieces' read
        as the longest dictionary words from the left, and pypinyin's."""
        found = self.cedict.get(hans, set()) | self.cedict.get(hant, set())
        pieces = [self._piece(p) for p in self._pieces(hans)]
        combined = [""]
        for options in pieces:
            combined = [f"{a} {b}" for a in combined for b in sorted(options)][:_MAX_COMBINATIONS]
        pypinyin = " ".join(pinyin(p) if has_han(p) else p for p in _RUNS.findall(hans))
        return found | set(combined) | {pypinyin}

    def _pieces(self, word: str) -> list[str]:
        """Latin runs as they are, Han runs cut into the longest dictionary words."""
        pieces: list[str] = []
        for run in _RUNS.findall(word):
            i = 0
            while i < len(run):
                length = next(
                    (
                        n
                        for n in range(min(self.longest, len(run) - i), 1, -1)
                        if run[i : i + n] in self.cedict
                    ),
                    1,
                )
                pieces.append(run[i : i + length])
                i += length
        return pieces

    def _piece(self, piece: str) -> set[str]:
        if not has_han(piece):
            return {piece}
        return self.cedict.get(piece) or {pinyin(piece)}


def _key(reading: str) -> str:
    """Readings compared as letters with tone marks only: case, spaces and dots aside."""
    return _NOT_LETTERS.sub("", unicodedata.normalize("NFC", reading).casefold())


def audit(entries: Sequence[Entry], readings: Readings | None = None) -> list[Problem]:
    """Every problem of every entry, in the entries' order."""
    if readings is None:
        readings = Readings(w for e in entries for w in (e.hans, e.hant) if has_han(w))
    simplified = _simplified(entries)
    problems: list[Problem] = []
    for entry in entries:
        problems += _scripts(entry, simplified)
        problems += _reading(entry, readings)
        if len(entry.definition) > MAX_DEFINITION:
            problems.append(
                Problem(entry.id, "definition", f"longer than {MAX_DEFINITION} characters")
            )
    problems += _shared_forms(entries, simplified)
    return problems


def _simplified(entries: Sequence[Entry]) -> dict[str, str]:
    """Each Han spelling of every entry as the matcher normalises it (one OpenCC call)."""
    forms = sorted({form for entry in entries for form in entry.written() if has_han(form)})
    return {f: unify_name_dots(s) for f, s in zip(forms, convert_all(forms), strict=True)}


def _scripts(entry: Entry, simplified: dict[str, str]) -> list[Problem]:
    """hant must be hans in Traditional; tw, hk and forms must each be another word."""

    def norm(form: str) -> str:
        return simplified.get(form, form)

    problems: list[Problem] = []
    word = norm(entry.hans)
    plain = "".join(ch for ch in entry.hans if ch not in _SIMPLIFIED_TOO)
    if convert.detect_script(plain) is convert.Script.TRADITIONAL:
        problems.append(Problem(entry.id, "hans", f"{entry.hans!r} is in Traditional characters"))
    if norm(entry.hant) != word:
        problems.append(
            Problem(
                entry.id,
                "hant",
                f"{entry.hant!r} is {norm(entry.hant)!r} in Simplified, not hans {entry.hans!r};"
                " write hans in Traditional here and a different word under tw or hk",
            )
        )
    for field in ("tw", "hk"):
        form = getattr(entry, field)
        if form is None:
            continue
        if norm(form) == word:
            problems.append(Problem(entry.id, field, f"{form!r} is only hant in another script"))
        elif convert.detect_script(form) is convert.Script.SIMPLIFIED:
            problems.append(Problem(entry.id, field, f"{form!r} is not in Traditional characters"))
    regional = {norm(f) for f in (entry.hans, entry.tw, entry.hk) if f is not None}
    for form in entry.forms:
        if has_han(form) and norm(form) in regional:
            problems.append(
                Problem(entry.id, "forms", f"{form!r} is another slot in another script")
            )
    return problems


def _reading(entry: Entry, readings: Readings) -> list[Problem]:
    """The reading must be one CC-CEDICT or pypinyin gives the Simplified word."""
    if not has_han(entry.hans):
        return []
    allowed = readings.of(entry.hans, entry.hant)
    if _key(entry.pinyin) in {_key(r) for r in allowed}:
        return []
    known = ", ".join(repr(r) for r in sorted(allowed))
    message = f"{entry.pinyin!r} is not a reading of {entry.hans!r} ({known})"
    return [Problem(entry.id, "pinyin", message)]


def _shared_forms(entries: Sequence[Entry], simplified: dict[str, str]) -> list[Problem]:
    """Two entries may not share an id or claim one spelling (across files too): every
    clash, not only the first."""
    owners: dict[str, str] = {}
    problems: list[Problem] = []
    seen: set[str] = set()
    for entry in entries:
        if entry.id in seen:
            problems.append(Problem(entry.id, "id", "another entry has this id"))
        seen.add(entry.id)
        for form in dict.fromkeys(entry.spellings()):
            key = simplified.get(form, form) if has_han(form) else f"latin:{form}"
            owner = owners.setdefault(key, entry.id)
            if owner != entry.id:
                problems.append(Problem(entry.id, "forms", f"{form!r} is also entry {owner!r}"))
    return problems


def _load(paths: Sequence[Path]) -> list[Entry]:
    """Entries of every file; see_also may point into any of them or the built-in glossary."""
    from tui.core.glossary.bundled import builtin_glossary_path
    from tui.core.glossary.loader import load_glossary

    ids = _ids([*paths, builtin_glossary_path()])
    entries: list[Entry] = []
    for path in paths:
        glossary: Glossary = load_glossary(path, known_ids=ids)
        entries += glossary.entries.values()
    return entries


def _ids(paths: Iterable[Path]) -> set[str]:
    """The ids the files define, read loosely (a file's own errors are reported on its load)."""
    pattern = re.compile(r"^\s*-\s*id:\s*([a-z0-9-]+)\s*$", re.MULTILINE)
    found: set[str] = set()
    for path in paths:
        if path.is_file():
            found.update(pattern.findall(path.read_text(encoding="utf-8")))
    return found


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m tui.core.glossary.audit FILE...``: audit the files together with the
    built-in glossary (default: the built-in glossary alone); exit 1 on any problem."""
    from tui.core.errors import ZhreadError
    from tui.core.glossary.bundled import builtin_glossary_path

    builtin = builtin_glossary_path()
    paths = [Path(p) for p in (argv if argv is not None else sys.argv[1:])]
    try:
        entries = _load([builtin, *(p for p in paths if p.resolve() != builtin.resolve())])
    except ZhreadError as error:
        print(error, file=sys.stderr)
        return 1
    problems = audit(entries)
    for problem in problems:
        print(problem)
    print(f"{plural(len(entries), 'entry')}, {plural(len(problems), 'problem')}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
