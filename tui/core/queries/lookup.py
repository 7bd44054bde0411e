"""What looking something up finds: the glossary's entries and CC-CEDICT's, for hanzi in
either script, pinyin in any spelling, or English.

The lookup screen and ``zhread lookup`` both rank through here, so a query finds the same
entries in the same order in both ("Observer" finds 觀察者網 in the glossary either way).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the dictionary opens SQLite, the glossary loads YAML: both are given
    from tui.core.glossary.entries import Entry, Glossary
    from tui.core.readings.dictionary import DictEntry, Dictionary

__all__ = ["DICTIONARY_LIMIT", "GLOSSARY_LIMIT", "Hits", "find_hits", "glossary_hits"]

GLOSSARY_LIMIT = 20
DICTIONARY_LIMIT = 50


@dataclass(frozen=True, slots=True)
class Hits:
    """What one query found: glossary entries first (written for the reader's articles),
    then dictionary entries; ``problem`` says why pinyin that found nothing cannot be
    pinyin (``ni3hao9: 9 is not a tone (1–5)``)."""

    query: str
    glossary: tuple[Entry, ...] = ()
    dictionary: tuple[DictEntry, ...] = ()
    problem: str | None = None

    def __len__(self) -> int:
        return len(self.glossary) + len(self.dictionary)

    def at(self, index: int) -> Entry | DictEntry:
        if index < len(self.glossary):
            return self.glossary[index]
        return self.dictionary[index - len(self.glossary)]


def find_hits(
    query: str,
    dictionary: Dictionary | None,
    glossary: Glossary | None,
    limit: int = DICTIONARY_LIMIT,
) -> Hits:
    """Both searches for one query; either source may be missing (still loading)."""
    query = query.strip()
    if not query:
        return Hits(query)
    found = glossary_hits(glossary, query) if glossary is not None else []
    if dictionary is None:
        return Hits(query, tuple(found))
    entries = dictionary.search(query, limit=limit)
    problem = None if entries else dictionary.problem(query)
    return Hits(query, tuple(found), tuple(entries), problem)


def glossary_hits(glossary: Glossary, query: str, limit: int = GLOSSARY_LIMIT) -> list[Entry]:
    """Entries with a spelling or English gloss containing the query (Latin case-folded),
    exact matches first, then prefixes, then the rest, each group in glossary order.

    A Han query is also tried in Simplified, so 蒸餾 and 蒸馏 find the same entry whatever
    script the entry lists first; Latin letters also match an entry's toneless pinyin.
    """
    from tui.core.glossary.matcher import has_han
    from tui.core.readings.cedict import toneless_key
    from tui.core.scripts.convert import shadow

    needles = {query.casefold()}
    if has_han(query):
        needles.add(shadow(query).casefold())
    letters = toneless_key(query) if query.isascii() else ""
    ranked = []
    for order, entry in enumerate(glossary.entries.values()):
        rank = _rank(entry, needles)
        if letters and letters == toneless_key(entry.pinyin):
            rank = 0
        if rank is not None:
            ranked.append((rank, order, entry))
    ranked.sort(key=lambda item: item[:2])
    return [entry for _, _, entry in ranked[:limit]]


def _rank(entry: Entry, needles: set[str]) -> int | None:
    """0 for a field equal to the query, 1 for one starting with it, 2 for one holding it."""
    fields = (*entry.written(), *(a.text for a in entry.aliases), entry.en)
    best: int | None = None
    for field in fields:
        text = field.casefold()
        for needle in needles:
            rank = 0 if text == needle else 1 if text.startswith(needle) else 2
            if needle in text and (best is None or rank < best):
                best = rank
    return best
