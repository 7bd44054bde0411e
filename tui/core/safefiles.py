"""File operations that never lose what was there: atomic replacement, and moving a damaged
file aside instead of deleting it.

A file written through :func:`atomic_path` is either the old one or the complete new one,
whatever happens in between (a crash, a full disk, an exception in the writer), because the
new content goes to a temporary file in the same directory that is flushed to disk and then
renamed over the target.
"""

from __future__ import annotations

import os
import secrets
import sys
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

if sys.platform == "win32":  # no advisory locks; a lone writer is still atomic
    fcntl = None
else:
    import fcntl

__all__ = ["atomic_path", "locked", "move_aside", "sync_directory"]


@contextmanager
def atomic_path(path: Path) -> Iterator[Path]:
    """Yield a temporary path to write ``path``'s new content to; on a clean exit it is
    flushed and renamed over ``path``, on an exception it is removed and ``path`` untouched.

    Raises OSError (the caller words it for the user).
    """
    target = Path(path)
    tmp = _new_file(target)
    try:
        yield tmp
        with open(tmp, "rb+") as stream:
            os.fsync(stream.fileno())
        os.replace(tmp, target)
        sync_directory(target.parent)
    finally:
        tmp.unlink(missing_ok=True)


def _new_file(target: Path) -> Path:
    """An empty file next to ``target``, created with the mode a plain ``open`` would give
    (mkstemp's 0600 would hide an export from the user's other programs)."""
    while True:
        tmp = target.with_name(f".{target.name}.{secrets.token_hex(4)}.tmp")
        try:
            os.close(os.open(tmp, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o666))
        except FileExistsError:
            continue
        return tmp


def move_aside(path: Path, companions: Iterable[str] = ()) -> Path:
    """Rename a damaged ``path`` to ``path.corrupt-<time>`` and return the new name.

    ``companions`` are suffixes of files that belong with it (SQLite's ``-wal``, which may
    hold the last writes): each moves along under the same new name plus its suffix.
    Raises OSError.
    """
    stamp = time.strftime("%Y%m%dT%H%M%S")
    aside = path.with_name(f"{path.name}.corrupt-{stamp}")
    number = 1
    while aside.exists():
        aside = path.with_name(f"{path.name}.corrupt-{stamp}-{number}")
        number += 1
    os.replace(path, aside)
    for suffix in companions:
        companion = path.with_name(path.name + suffix)
        if companion.exists():
            os.replace(companion, aside.with_name(aside.name + suffix))
    return aside


def sync_directory(directory: Path) -> None:
    """Make a rename durable; some platforms cannot open a directory, which is fine."""
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


@contextmanager
def locked(path: Path) -> Iterator[None]:
    """Hold an exclusive lock on ``path``'s lock file (``.NAME.lock`` beside it) while a
    read-modify-write of ``path`` runs.

    Atomic replacement alone lets two writers each read the old file and the last rename
    win, losing the other's change; with the lock the second reads the first's result. The
    lock file is removed while still held, so none is left behind; a waiter that then gets
    the lock of a removed file sees that and locks the current one instead. Raises OSError.
    """
    lock = path.with_name(f".{path.name}.lock")
    fd = _lock_file(lock)
    try:
        yield
    finally:
        if fcntl is None:  # Windows cannot remove an open file
            os.close(fd)
        try:
            lock.unlink(missing_ok=True)
        except OSError:
            pass  # left behind, it is only an empty file
        finally:
            if fcntl is not None:
                os.close(fd)  # closing releases the lock


def _lock_file(lock: Path) -> int:
    """An open descriptor of ``lock`` holding its exclusive lock, the file still in place."""
    while True:
        fd = os.open(lock, os.O_CREAT | os.O_RDWR, 0o644)
        if fcntl is None:
            return fd
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
            if os.path.samestat(os.fstat(fd), os.stat(lock)):
                return fd
        except FileNotFoundError:
            pass  # removed by the holder we waited for: lock the next one
        except BaseException:
            os.close(fd)
            raise
        os.close(fd)
