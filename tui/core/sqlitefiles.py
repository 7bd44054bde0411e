"""Opening the user's SQLite files (the word list, the reading positions) the same safe way.

A file that is locked or unreadable may be fine, so the user is told and it is left alone; a
file that is not a database, or fails its check, is moved aside (with its WAL companions),
never deleted, and a fresh one started, with a note saying where the old one went.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from collections.abc import Callable
from pathlib import Path
from typing import ClassVar, Self

from tui.core import safefiles
from tui.core.errors import ZhreadError

__all__ = ["UserStore", "open_user_db"]

_log = logging.getLogger(__name__)


def open_user_db(
    path: Path, connect: Callable[[Path], sqlite3.Connection], what: str, afresh: str
) -> tuple[sqlite3.Connection, str | None]:
    """``connect(path)``, or a fresh file after moving a damaged one aside; then the note.

    ``what`` names the file for messages ("the word list"); ``afresh`` says what the user
    gets instead ("a new, empty list started").
    """
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise ZhreadError(
            f"cannot create the folder for {what}: {error.strerror or error}", path.parent
        ) from None
    try:
        return connect(path), None
    except sqlite3.OperationalError as error:  # locked, unreadable: the file may be fine
        raise ZhreadError(f"cannot open {what}: {error}", path) from None
    except sqlite3.DatabaseError as error:  # not a database, or a damaged one
        note = _move_aside(path, error, what, afresh)
    try:
        return connect(path), note
    except sqlite3.Error as error:
        raise ZhreadError(f"cannot open {what}: {error}", path) from None


def _move_aside(path: Path, error: Exception, what: str, afresh: str) -> str:
    try:
        aside = safefiles.move_aside(path, companions=("-wal", "-shm"))
    except OSError as failure:
        raise ZhreadError(
            f"{what} cannot be read ({error}) nor moved aside: {failure.strerror or failure}", path
        ) from None
    note = f"{what} {path} could not be read ({error}); it was moved to {aside.name} and {afresh}"
    _log.info(note)  # the caller shows the note; stderr may be a TUI
    return note


class UserStore:
    """An open user SQLite file, shared between threads behind one lock.

    Subclasses name the file (:attr:`what`, :attr:`afresh` for the messages) and say where it
    lives and how it is opened (:meth:`default_path`, :meth:`connect`); opening, closing and
    the context manager are the same for all of them.
    """

    what: ClassVar[str]
    afresh: ClassVar[str]

    def __init__(self, conn: sqlite3.Connection, path: Path, note: str | None = None) -> None:
        self._conn = conn
        self._lock = threading.Lock()
        self.path = path
        self.note = note  # set when a damaged file was moved aside

    @classmethod
    def default_path(cls) -> Path:
        raise NotImplementedError

    @staticmethod
    def connect(path: Path) -> sqlite3.Connection:
        raise NotImplementedError

    @classmethod
    def open(cls, path: Path | None = None) -> Self:
        """Open (creating if needed) the file at ``path`` (default: :meth:`default_path`)."""
        path = Path(path) if path is not None else cls.default_path()
        conn, note = open_user_db(path, cls.connect, cls.what, cls.afresh)
        return cls(conn, path, note)

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
