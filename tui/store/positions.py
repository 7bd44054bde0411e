"""Where the reader left each document, so the next run opens there.

A position is remembered under the document's *content* (a hash of its text) and, for a
file, its absolute path. Opening the same text finds its place however it arrived (the same
file, a copy, standard input). A file that has changed since is found by its path, and its
old place is kept if it still lies inside the text (a typo fixed or a paragraph appended
moves little); an offset past the new end is clamped to it.

The store is SQLite in WAL mode in zhread's data directory: each save is one small
transaction, two zhread processes can save at once, and a store SQLite cannot read is moved
aside (never deleted) and a fresh one started, with a note saying so. Losing the last
position to a power cut costs the reader a scroll, so ``synchronous=NORMAL`` is enough.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from tui.core import userdirs
from tui.core.errors import ZhreadError
from tui.core.sqlitefiles import UserStore

__all__ = ["PositionStore", "content_key", "default_path", "path_of", "recalled"]

_SCHEMA = 1
_BUSY_TIMEOUT_MS = 5_000
#: Positions kept; the least recently read beyond this are forgotten.
KEEP = 5_000


def default_path() -> Path:
    return userdirs.data_dir() / "positions.sqlite3"


def content_key(text: str) -> str:
    """The text's identity: equal texts share a position whatever their file name."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:32]


def path_of(source: str) -> str | None:
    """The absolute path of a document's source, or ``None`` for ``<stdin>`` and other
    sources that are not files."""
    if not source or source.startswith("<"):
        return None
    return os.path.abspath(source)


class PositionStore(UserStore):
    """The open store; safe to share between threads."""

    what = "the reading positions"
    afresh = "positions start afresh"

    @classmethod
    def default_path(cls) -> Path:
        return default_path()

    @staticmethod
    def connect(path: Path) -> sqlite3.Connection:
        return _connect(path)

    def recall(self, text: str, source: str) -> int | None:
        """Where the reader left this text (a character offset), or ``None`` if never read."""
        with self._lock:
            row = self._conn.execute(
                "SELECT offset FROM positions WHERE key = ?", (content_key(text),)
            ).fetchone()
            path = path_of(source)
            if row is None and path is not None:
                row = self._conn.execute(
                    "SELECT offset FROM positions WHERE path = ? ORDER BY updated DESC LIMIT 1",
                    (path,),
                ).fetchone()
        if row is None:
            return None
        return max(0, min(int(row[0]), max(len(text) - 1, 0)))

    def remember(self, text: str, source: str, offset: int) -> None:
        """Save the reader's place in this text; older entries past :data:`KEEP` go."""
        now = datetime.now(UTC).isoformat(timespec="milliseconds")
        with self._lock, self._conn:
            self._conn.execute(
                "INSERT INTO positions(key, path, offset, length, updated) VALUES (?, ?, ?, ?, ?)"
                " ON CONFLICT(key) DO UPDATE SET path = COALESCE(excluded.path, path),"
                " offset = excluded.offset, updated = excluded.updated",
                (content_key(text), path_of(source), max(0, offset), len(text), now),
            )
            self._conn.execute(
                "DELETE FROM positions WHERE key NOT IN "
                "(SELECT key FROM positions ORDER BY updated DESC LIMIT ?)",
                (KEEP,),
            )


def _connect(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(
        path, isolation_level="IMMEDIATE", check_same_thread=False, timeout=_BUSY_TIMEOUT_MS / 1000
    )
    try:
        conn.execute(f"PRAGMA busy_timeout = {_BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if version > _SCHEMA:
            raise sqlite3.OperationalError("written by a newer zhread; upgrade zhread")
        with conn:
            conn.execute(
                "CREATE TABLE IF NOT EXISTS positions(key TEXT PRIMARY KEY, path TEXT,"
                " offset INTEGER NOT NULL, length INTEGER NOT NULL, updated TEXT NOT NULL)"
            )
            conn.execute("CREATE INDEX IF NOT EXISTS positions_path ON positions(path, updated)")
            conn.execute(f"PRAGMA user_version = {_SCHEMA}")
        problem = conn.execute("PRAGMA quick_check").fetchone()[0]
        if problem != "ok":
            raise sqlite3.DatabaseError(problem)
    except BaseException:
        conn.close()
        raise
    return conn


def recalled(text: str, source: str) -> tuple[int, str | None]:
    """Where to open a document (0 when it was never read) and a note for the user when the
    store had to be moved aside. A store that cannot be opened at all costs only the place,
    never the reading, so that becomes the note instead of an error."""
    try:
        store = PositionStore.open()
    except ZhreadError as error:
        return 0, str(error)
    try:
        return store.recall(text, source) or 0, store.note
    except sqlite3.Error as error:
        return 0, f"cannot read the reading positions: {error}"
    finally:
        store.close()
