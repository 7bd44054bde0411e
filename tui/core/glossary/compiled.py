"""A glossary file's checked entries, kept as JSON in the cache and keyed by the file's content.

Reading the built-in glossary's YAML and checking every entry takes several times longer than
building the matcher from entries already checked. So once a file has been read, its entries
are written to the cache under the SHA-256 of its bytes (and zhread's version, since the
schema may change with it). The next read of the same bytes validates that JSON with
pydantic's compiled validator and skips the YAML and the checks across entries, which the
file passed when it was written. Any other content misses the cache; a damaged or
unreadable cache file is only a miss, and a cache that cannot be written only costs the next
start the slow read.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from pathlib import Path

from pydantic import TypeAdapter, ValidationError

import tui
from tui.core.glossary.entries import Entry, Glossary
from tui.core.glossary.loader import parse_bytes, read_bytes
from tui.core.safefiles import atomic_path

__all__ = ["load_compiled"]

#: Raised when what a cache file holds changes shape.
FORMAT = 1

_ENTRIES = TypeAdapter(list[Entry])


def load_compiled(path: Path, cache_dir: Path, *, known_ids: Iterable[str] = ()) -> Glossary:
    """The glossary in ``path``, from the cache when its content was read before."""
    data = read_bytes(path)
    key = hashlib.sha256(data).hexdigest()[:32]
    folder = cache_dir / "glossary"
    prefix = hashlib.sha256(str(path.resolve()).encode()).hexdigest()[:12]
    cached = folder / f"{prefix}-{key}-{tui.__version__}-{FORMAT}.json"
    try:
        return Glossary(_ENTRIES.validate_json(cached.read_bytes()))
    except (OSError, ValueError, ValidationError):
        pass
    glossary = parse_bytes(data, path, known_ids=known_ids)
    _store(cached, glossary, prefix)
    return glossary


def _store(cached: Path, glossary: Glossary, prefix: str) -> None:
    """Write the entries and drop this file's older versions; a failure is silent."""
    try:
        cached.parent.mkdir(parents=True, exist_ok=True)
        with atomic_path(cached) as tmp:
            tmp.write_bytes(_ENTRIES.dump_json(list(glossary.entries.values())))
        for old in cached.parent.glob(f"{prefix}-*.json"):
            if old != cached:
                old.unlink(missing_ok=True)
    except OSError:
        pass
