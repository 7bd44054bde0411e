"""Where zhread keeps the user's files, per platform conventions (platformdirs)."""

from __future__ import annotations

from pathlib import Path

from platformdirs import PlatformDirs

_DIRS = PlatformDirs("zhread", appauthor=False)


def cache_dir() -> Path:
    """Rebuildable data: the segmenter's dictionary cache, dictionary indexes."""
    return Path(_DIRS.user_cache_dir)


def config_dir() -> Path:
    """The user's own settings and glossary."""
    return Path(_DIRS.user_config_dir)


def data_dir() -> Path:
    """The user's word list and reading positions: never deleted, written atomically."""
    return Path(_DIRS.user_data_dir)
