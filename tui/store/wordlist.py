"""The user's word list and known words: an SQLite file in zhread's data directory.

This is the one store of the user's own work, so it is written the careful way: WAL mode,
every change in its own transaction, ``synchronous=FULL`` so that a change reported as done
survives a crash or ``kill -9``, and a busy timeout so that two zhread processes (two
terminals) can write at the same time without an error. A file that SQLite cannot read is
moved aside with its WAL, never deleted, and a fresh list started; the caller gets a note
saying where the old one went.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from tui.core import userdirs
from tui.core.errors import ZhreadError
from tui.core.scripts.convert import shadow
from tui.core.sqlitefiles import UserStore

__all__ = ["Word", "WordList", "default_path"]

_SCHEMA = 1
_BUSY_TIMEOUT_MS = 10_000
_FIELDS = ("pinyin", "definition", "sentence", "source")

_TABLES = (
    """CREATE TABLE IF NOT EXISTS words(
        id INTEGER PRIMARY KEY, hant TEXT NOT NULL, hans TEXT NOT NULL,
        pinyin TEXT NOT NULL, definition TEXT NOT NULL, sentence TEXT NOT NULL,
        source TEXT NOT NULL, added TEXT NOT NULL, updated TEXT NOT NULL,
        UNIQUE(hant, hans))""",
    "CREATE TABLE IF NOT EXISTS known(word TEXT PRIMARY KEY, added TEXT NOT NULL) WITHOUT ROWID",
)


@dataclass(frozen=True, slots=True)
class Word:
    """A saved word, in both scripts, with what the user saw it with."""

    hant: str
    hans: str
    pinyin: str
    definition: str
    sentence: str
    source: str
    added: str  # ISO 8601, UTC
    updated: str


def default_path() -> Path:
    return userdirs.data_dir() / "wordlist.sqlite3"


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _known_key(word: str) -> str:
    """Known words are kept in Simplified (the reader's shadow script), so a word known in
    one script is known in the other."""
    return shadow(word.strip())


class WordList(UserStore):
    """The open word list; safe to share between threads.

    Every method raises ZhreadError when the file cannot be read or written (a full disk, a
    read-only folder): the reader shows it, and the change is not half made.
    """

    what = "your word list"
    afresh = "a new, empty list started"

    @classmethod
    def default_path(cls) -> Path:
        return default_path()

    @staticmethod
    def connect(path: Path) -> sqlite3.Connection:
        return _connect(path)

    @contextmanager
    def _writing(self) -> Iterator[sqlite3.Connection]:
        """One write transaction. A failure (a full disk, a read-only folder, a lock held
        too long) rolls the whole change back, so the file keeps what it had, and becomes a
        message naming the file instead of a traceback."""
        with self._lock:
            try:
                with self._conn:
                    yield self._conn
            except sqlite3.Error as error:
                raise ZhreadError(f"not saved to your word list: {error}", self.path) from None

    @contextmanager
    def _reading(self) -> Iterator[sqlite3.Connection]:
        """A read; an I/O error on the file becomes a message, as for writes."""
        with self._lock:
            try:
                yield self._conn
            except sqlite3.Error as error:
                raise ZhreadError(f"cannot read your word list: {error}", self.path) from None

    # --- words ------------------------------------------------------------------------------

    def add(
        self,
        hant: str,
        hans: str,
        pinyin: str = "",
        definition: str = "",
        sentence: str = "",
        source: str = "",
    ) -> bool:
        """Save a word; if it is already saved (same Traditional and Simplified), refresh the
        fields given non-empty and keep the others. Returns whether the word is new."""
        hant, hans = _word(hant), _word(hans)
        now = _now()
        values = (pinyin, definition, sentence, source)
        with self._writing():
            inserted = self._conn.execute(
                "INSERT INTO words(hant, hans, pinyin, definition, sentence, source, added, "
                "updated) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(hant, hans) DO NOTHING",
                (hant, hans, *values, now, now),
            ).rowcount
            if inserted:
                return True
            refresh = ", ".join(f"{f} = COALESCE(NULLIF(?, ''), {f})" for f in _FIELDS)
            self._conn.execute(
                f"UPDATE words SET {refresh}, updated = ? WHERE hant = ? AND hans = ?",
                (*values, now, hant, hans),
            )
        return False

    def update(
        self,
        hant: str,
        hans: str,
        *,
        pinyin: str | None = None,
        definition: str | None = None,
        sentence: str | None = None,
        source: str | None = None,
    ) -> bool:
        """Set the fields given (an empty string clears one); False if the word is not saved."""
        given = {"pinyin": pinyin, "definition": definition, "sentence": sentence, "source": source}
        changes = {name: value for name, value in given.items() if value is not None}
        assignments = "".join(f"{name} = ?, " for name in changes)
        with self._writing():
            return bool(
                self._conn.execute(
                    f"UPDATE words SET {assignments}updated = ? WHERE hant = ? AND hans = ?",
                    (*changes.values(), _now(), hant, hans),
                ).rowcount
            )

    def remove(self, hant: str, hans: str) -> bool:
        """Forget a saved word; False if it was not saved."""
        with self._writing():
            return bool(
                self._conn.execute(
                    "DELETE FROM words WHERE hant = ? AND hans = ?", (hant, hans)
                ).rowcount
            )

    def entries(self) -> list[Word]:
        """Every saved word, oldest first."""
        with self._reading():
            rows = self._conn.execute(
                "SELECT hant, hans, pinyin, definition, sentence, source, added, updated "
                "FROM words ORDER BY id"
            ).fetchall()
        return [Word(*row) for row in rows]

    def __len__(self) -> int:
        with self._reading():
            count: int = self._conn.execute("SELECT count(*) FROM words").fetchone()[0]
            return count

    # --- known words ------------------------------------------------------------------------

    def mark_known(self, word: str) -> bool:
        """Remember that the user knows ``word`` (either script); returns whether it is new."""
        with self._writing():
            return bool(
                self._conn.execute(
                    "INSERT INTO known(word, added) VALUES (?, ?) ON CONFLICT(word) DO NOTHING",
                    (_known_key(_word(word)), _now()),
                ).rowcount
            )

    def unmark_known(self, word: str) -> bool:
        with self._writing():
            return bool(
                self._conn.execute("DELETE FROM known WHERE word = ?", (_known_key(word),)).rowcount
            )

    def is_known(self, word: str) -> bool:
        with self._reading():
            found = self._conn.execute(
                "SELECT 1 FROM known WHERE word = ?", (_known_key(word),)
            ).fetchone()
        return found is not None

    def known_words(self) -> set[str]:
        """Every known word, in Simplified: compare the reader's shadow tokens with these."""
        with self._reading():
            return {row[0] for row in self._conn.execute("SELECT word FROM known")}


def _word(text: str) -> str:
    text = text.strip()
    if not text:
        raise ValueError("a word must not be empty")
    return text


def _connect(path: Path) -> sqlite3.Connection:
    """Open with the durability settings, create the tables, and check the file is sound.

    ``isolation_level="IMMEDIATE"`` makes each ``with conn:`` block take the write lock at
    its start, so two processes queue on the busy timeout instead of failing mid-way.
    """
    conn = sqlite3.connect(
        path, isolation_level="IMMEDIATE", check_same_thread=False, timeout=_BUSY_TIMEOUT_MS / 1000
    )
    try:
        conn.execute(f"PRAGMA busy_timeout = {_BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = FULL")
        _create(conn)
        problem = conn.execute("PRAGMA quick_check").fetchone()[0]
        if problem != "ok":
            raise sqlite3.DatabaseError(problem)
    except BaseException:
        conn.close()
        raise
    return conn


def _create(conn: sqlite3.Connection) -> None:
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if version > _SCHEMA:
        raise ZhreadError("the word list was written by a newer zhread; upgrade zhread")
    if version == _SCHEMA:
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        for statement in _TABLES:
            conn.execute(statement)
        conn.execute(f"PRAGMA user_version = {_SCHEMA}")
        conn.commit()
    except BaseException:
        conn.rollback()
        raise
