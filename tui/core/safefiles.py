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
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

__all__ = ["atomic_path", "move_aside", "sync_directory"]


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
