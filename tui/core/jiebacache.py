"""jieba's word-frequency table, kept as a pickle in the user's cache directory.

Building the table from jieba's dictionary costs most of a second; the pickle loads in a
quarter of that. It is keyed by jieba's version and dictionary file, so an upgrade builds a
new one. The cache is rebuildable, but a damaged one is still moved aside
(``*.corrupt-<time>``) rather than overwritten, and the caller gets a note saying so: a
damaged file in the cache can mean a failing disk, which the user should hear about.
"""

from __future__ import annotations

import logging
import os
import pickle
from pathlib import Path
from typing import Any

from tui.core import safefiles

__all__ = ["cache_path", "load_frequencies"]

_log = logging.getLogger(__name__)


def cache_path(tokenizer: Any, cache_dir: Path) -> Path:
    """Where the table of ``tokenizer``'s dictionary is cached."""
    import jieba

    with tokenizer.get_dict_file() as handle:
        stat = os.stat(handle.name)
    return cache_dir / f"jieba-{jieba.__version__}-{stat.st_size}-{int(stat.st_mtime)}.pickle"


def load_frequencies(tokenizer: Any, cache_dir: Path | None) -> str | None:
    """Fill ``tokenizer``'s frequency table, from the cache when it is sound.

    Returns a note for the user when a damaged cache was moved aside (and rebuilt).
    """
    if cache_dir is None:
        tokenizer.initialize()
        return None
    path = cache_path(tokenizer, cache_dir)
    note, replace = None, True
    try:
        tokenizer.FREQ, tokenizer.total = _read(path)
        tokenizer.initialized = True
        return None
    except FileNotFoundError:
        pass
    except OSError:
        replace = False  # unreadable (permissions, I/O): rebuild in memory, leave it alone
    except Exception as error:  # noqa: BLE001 - unpickling damaged bytes raises anything
        note = _move_aside(path, error)
        replace = note is not None  # a file that could not be moved is not overwritten
    tokenizer.FREQ, tokenizer.total = tokenizer.gen_pfdict(tokenizer.get_dict_file())
    tokenizer.initialized = True
    if replace:
        _write(path, pickle.dumps((tokenizer.FREQ, tokenizer.total), protocol=5))
    return note


def _read(path: Path) -> tuple[dict[str, int], int]:
    """The cached table; ValueError when the file holds something else."""
    with path.open("rb") as handle:
        loaded = pickle.load(handle)
    if not (isinstance(loaded, tuple) and len(loaded) == 2 and isinstance(loaded[0], dict)
            and isinstance(loaded[1], int) and loaded[0]):
        raise ValueError("it does not hold a frequency table")
    return loaded


def _move_aside(path: Path, error: Exception) -> str | None:
    reason = str(error).splitlines()[0] if str(error) else type(error).__name__
    try:
        aside = safefiles.move_aside(path)
    except OSError:
        return None  # it cannot be moved, so it will not be replaced either: nothing is lost
    note = (f"the segmenter's cache {path} was damaged ({reason}); "
            f"moved it to {aside.name} and rebuilt it")
    _log.info(note)  # the caller shows the note; stderr may be a TUI
    return note


def _write(path: Path, data: bytes) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with safefiles.atomic_path(path) as tmp:
            tmp.write_bytes(data)
    except OSError:
        pass  # a read-only or full cache directory only costs speed
