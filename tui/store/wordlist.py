"""The user's word list, learning states and review cards: an SQLite file in zhread's data
directory.

This is the one store of the user's own work, so it is written the careful way: WAL mode,
every change in its own transaction, ``synchronous=FULL`` so that a change reported as done
survives a crash or ``kill -9``, and a busy timeout so that two zhread processes (two
terminals) can write at the same time without an error. A file that SQLite cannot read is
moved aside with its WAL, never deleted, and a fresh list started; the caller gets a note
saying where the old one went.

Schema 2 keeps, beside the saved words, a learning state for any word (keyed by its
Simplified form, so a state set in one script holds in the other) and an FSRS card for each
saved word, with its due time in an indexed column so the review queue is one indexed query.
Reviews themselves are in :mod:`tui.store.reviews`; the card rows are written here because a
saved word gets its card in the same transaction that saves it.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import fsrs

from tui.core import userdirs
from tui.core.errors import ZhreadError
from tui.core.learning.states import State
from tui.core.scripts.convert import shadow
from tui.core.sqlitefiles import UserStore

__all__ = ["Word", "WordList", "decode_card", "default_path", "encode_card", "epoch_ms"]

_SCHEMA = 2
_BUSY_TIMEOUT_MS = 10_000
_FIELDS = ("pinyin", "definition", "sentence", "source")

_TABLES_1 = (
    """CREATE TABLE IF NOT EXISTS words(
        id INTEGER PRIMARY KEY, hant TEXT NOT NULL, hans TEXT NOT NULL,
        pinyin TEXT NOT NULL, definition TEXT NOT NULL, sentence TEXT NOT NULL,
        source TEXT NOT NULL, added TEXT NOT NULL, updated TEXT NOT NULL,
        UNIQUE(hant, hans))""",
    "CREATE TABLE IF NOT EXISTS known(word TEXT PRIMARY KEY, added TEXT NOT NULL) WITHOUT ROWID",
)

#: Schema 2. ``states`` holds every word not NEW; ``cards`` one FSRS card per saved word
#: (``word_id`` is ``words.id`` and the card's own id), ``due`` in epoch milliseconds beside
#: the card's JSON, and ``key`` the word's state key so the queue can skip ignored words
#: without reading the words table; ``reviews`` one row per rating, as FSRS logs it
#: (``card_id`` is ``word_id``).
_TABLES_2 = (
    """CREATE TABLE IF NOT EXISTS states(
        word TEXT PRIMARY KEY, state TEXT NOT NULL, updated TEXT NOT NULL) WITHOUT ROWID""",
    """CREATE TABLE IF NOT EXISTS cards(
        word_id INTEGER PRIMARY KEY, key TEXT NOT NULL, due INTEGER NOT NULL,
        card TEXT NOT NULL)""",
    # (due, word_id) is the queue's order; key makes the index cover the count of the queue
    "CREATE INDEX IF NOT EXISTS cards_by_due ON cards(due, word_id, key)",
    """CREATE TABLE IF NOT EXISTS reviews(
        id INTEGER PRIMARY KEY, word_id INTEGER NOT NULL, reviewed TEXT NOT NULL,
        rating INTEGER NOT NULL, duration_ms INTEGER)""",
    "CREATE INDEX IF NOT EXISTS reviews_by_word ON reviews(word_id, id)",
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
    id: int = 0  # the row (and its card's id) in this file; 0 for a word not read from one


def default_path() -> Path:
    return userdirs.data_dir() / "wordlist.sqlite3"


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _known_key(word: str) -> str:
    """States are kept by the word in Simplified (the reader's shadow script), so a word
    known in one script is known in the other."""
    return shadow(word.strip())


def epoch_ms(moment: datetime) -> int:
    """A UTC moment as the ``due`` column keeps it: integers compare faster than text."""
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError(f"a review time must be timezone-aware (UTC), not {moment.isoformat()}")
    return int(moment.timestamp() * 1000)


def encode_card(card: fsrs.Card) -> tuple[int, str]:
    """(due in epoch ms, JSON) for the ``cards`` row."""
    return epoch_ms(card.due), json.dumps(card.to_dict(), separators=(",", ":"))


def decode_card(text: str) -> fsrs.Card:
    return fsrs.Card.from_dict(json.loads(text))


def _new_card(word_id: int, now: datetime) -> tuple[int, str]:
    """A card for a newly saved word, due at once. Its id is the word's row id: FSRS's
    default (the clock in milliseconds) sleeps a millisecond per card to stay unique."""
    return encode_card(fsrs.Card(card_id=word_id, due=now))


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
        fields given non-empty and keep the others. Returns whether the word is new.

        A new word gets its review card, due at once, and is being learnt (LEARNING_1) unless
        the learner had already given it a state past SEEN: saving a word means learning it.
        """
        hant, hans = _word(hant), _word(hans)
        moment = datetime.now(UTC)
        now = moment.isoformat(timespec="seconds")
        values = (pinyin, definition, sentence, source)
        with self._writing() as conn:
            cursor = conn.execute(
                "INSERT INTO words(hant, hans, pinyin, definition, sentence, source, added, "
                "updated) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(hant, hans) DO NOTHING",
                (hant, hans, *values, now, now),
            )
            if cursor.rowcount:
                assert cursor.lastrowid is not None
                _start_learning(conn, cursor.lastrowid, _known_key(hans), moment)
                return True
            refresh = ", ".join(f"{f} = COALESCE(NULLIF(?, ''), {f})" for f in _FIELDS)
            conn.execute(
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
        """Forget a saved word, its card and its reviews; False if it was not saved. Its
        learning state stays: forgetting a saved word is not forgetting the word."""
        with self._writing() as conn:
            row = conn.execute(
                "DELETE FROM words WHERE hant = ? AND hans = ? RETURNING id", (hant, hans)
            ).fetchone()
            if row is None:
                return False
            conn.execute("DELETE FROM cards WHERE word_id = ?", row)
            conn.execute("DELETE FROM reviews WHERE word_id = ?", row)
        return True

    def entries(self) -> list[Word]:
        """Every saved word, oldest first."""
        with self._reading():
            rows = self._conn.execute(f"SELECT {WORD_COLUMNS} FROM words ORDER BY id").fetchall()
        return [Word(*row) for row in rows]

    def __len__(self) -> int:
        with self._reading():
            count: int = self._conn.execute("SELECT count(*) FROM words").fetchone()[0]
            return count

    # --- learning states --------------------------------------------------------------------

    def states(self) -> dict[str, State]:
        """Every word not NEW, by its Simplified form: look the reader's shadow tokens up here."""
        with self._reading():
            rows = self._conn.execute("SELECT word, state FROM states").fetchall()
        return {word: State(state) for word, state in rows}

    def state_of(self, word: str) -> State:
        with self._reading() as conn:
            return _state(conn, _known_key(word))

    def set_state(self, word: str, state: State) -> State:
        """Give ``word`` (either script) a state; NEW forgets it. Returns the state it had."""
        key = _known_key(_word(word))
        with self._writing() as conn:
            previous = _state(conn, key)
            if state is not previous:
                _put_states(conn, [key], state, only_new=False)
        return previous

    def set_states(self, words: Iterable[str], state: State, *, only_new: bool = False) -> int:
        """Give many words one state in one transaction (a page marked seen, an import marked
        known); blank entries are skipped. ``only_new`` leaves the words that have a state.
        Returns how many words changed."""
        keys = {_known_key(word) for word in words if word.strip()}
        if not keys:
            return 0
        with self._writing() as conn:
            return _put_states(conn, sorted(keys), state, only_new=only_new)

    # --- known words: the KNOWN state, as the reader first kept it --------------------------

    def mark_known(self, word: str) -> bool:
        """Remember that the user knows ``word`` (either script); returns whether it is new."""
        return self.set_state(word, State.KNOWN) is not State.KNOWN

    def unmark_known(self, word: str) -> bool:
        """A known word becomes NEW again; False (and nothing changed) if it was not known."""
        with self._writing() as conn:
            return bool(
                conn.execute(
                    "DELETE FROM states WHERE word = ? AND state = ?",
                    (_known_key(word), State.KNOWN.value),
                ).rowcount
            )

    def is_known(self, word: str) -> bool:
        return self.state_of(word) is State.KNOWN

    def known_words(self) -> set[str]:
        """Every known word, in Simplified: compare the reader's shadow tokens with these."""
        with self._reading() as conn:
            rows = conn.execute("SELECT word FROM states WHERE state = ?", (State.KNOWN.value,))
            return {row[0] for row in rows}


#: The columns of ``words`` in :class:`Word`'s order, for every query that makes one.
WORD_COLUMNS = "hant, hans, pinyin, definition, sentence, source, added, updated, id"


def _word(text: str) -> str:
    text = text.strip()
    if not text:
        raise ValueError("a word must not be empty")
    return text


def _state(conn: sqlite3.Connection, key: str) -> State:
    row = conn.execute("SELECT state FROM states WHERE word = ?", (key,)).fetchone()
    return State(row[0]) if row else State.NEW


def _put_states(conn: sqlite3.Connection, keys: list[str], state: State, *, only_new: bool) -> int:
    """Set the state of ``keys`` inside the caller's transaction; the rows changed."""
    if state is State.NEW:
        if only_new:
            return 0
        return conn.executemany("DELETE FROM states WHERE word = ?", [(k,) for k in keys]).rowcount
    on_conflict = (
        "DO NOTHING"
        if only_new
        else "DO UPDATE SET state = excluded.state, updated = excluded.updated "
        "WHERE state != excluded.state"
    )
    now = _now()
    return conn.executemany(
        "INSERT INTO states(word, state, updated) VALUES (?, ?, ?) "
        f"ON CONFLICT(word) {on_conflict}",
        [(key, state.value, now) for key in keys],
    ).rowcount


def _start_learning(conn: sqlite3.Connection, word_id: int, key: str, now: datetime) -> None:
    """A newly saved word's card, due ``now``; a word NEW or SEEN is now being learnt."""
    due, card = _new_card(word_id, now)
    conn.execute(
        "INSERT INTO cards(word_id, key, due, card) VALUES (?, ?, ?, ?)", (word_id, key, due, card)
    )
    conn.execute(
        "INSERT INTO states(word, state, updated) VALUES (?, ?, ?) ON CONFLICT(word) "
        "DO UPDATE SET state = excluded.state, updated = excluded.updated WHERE state = ?",
        (key, State.LEARNING_1.value, now.isoformat(timespec="seconds"), State.SEEN.value),
    )


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


def _version(conn: sqlite3.Connection) -> int:
    version: int = conn.execute("PRAGMA user_version").fetchone()[0]
    if version > _SCHEMA:
        raise ZhreadError("the word list was written by a newer zhread; upgrade zhread")
    return version


def _create(conn: sqlite3.Connection) -> None:
    """Create the tables, or bring an older file up to date, in one transaction: a failure
    half-way leaves the file as the older zhread wrote it.

    The version is read again once the write lock is held: another zhread may have upgraded
    the file while this one waited for it.
    """
    if _version(conn) == _SCHEMA:
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        version = _version(conn)
        if version < 1:
            for statement in _TABLES_1:
                conn.execute(statement)
        if version < 2:
            _upgrade_to_2(conn)
        conn.execute(f"PRAGMA user_version = {_SCHEMA}")
        conn.commit()
    except sqlite3.IntegrityError as error:  # the file is sound, the upgrade was refused
        conn.rollback()
        raise ZhreadError(f"cannot upgrade your word list, left as it was: {error}") from None
    except BaseException:
        conn.rollback()
        raise


def _upgrade_to_2(conn: sqlite3.Connection) -> None:
    """Schema 1 to 2: the known words become the KNOWN state, and every saved word gets a
    card due now and is being learnt (LEARNING_1) unless it is known."""
    for statement in _TABLES_2:
        conn.execute(statement)
    conn.execute(
        "INSERT INTO states(word, state, updated) SELECT word, ?, added FROM known "
        "WHERE true ON CONFLICT(word) DO NOTHING",
        (State.KNOWN.value,),
    )
    conn.execute("DROP TABLE known")
    moment = datetime.now(UTC)
    now = moment.isoformat(timespec="seconds")
    saved = conn.execute("SELECT id, hans FROM words ORDER BY id").fetchall()
    keyed = [(word_id, _known_key(hans)) for word_id, hans in saved]
    conn.executemany(
        "INSERT INTO cards(word_id, key, due, card) VALUES (?, ?, ?, ?)",
        [(word_id, key, *_new_card(word_id, moment)) for word_id, key in keyed],
    )
    conn.executemany(
        "INSERT INTO states(word, state, updated) VALUES (?, ?, ?) ON CONFLICT(word) DO NOTHING",
        [(key, State.LEARNING_1.value, now) for _, key in keyed],
    )
