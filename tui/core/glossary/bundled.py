"""Where the files zhread ships with live, whether installed from a wheel or run from a checkout.

The wheel force-includes the root-level ``glossary.yaml`` and ``seeds/`` as ``tui/data/...``
(see pyproject.toml); a source checkout keeps them at the project root. Every caller asks here,
so neither layout is guessed anywhere else. Zip imports are not supported: the data must be on
the file system for the loaders to read it.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import tui

#: The sample article that the demo opens and the tests read.
SAMPLE_NAME = "000_5c73e60e87bd33d6.txt"


def _packaged(name: str) -> Path | None:
    """The installed copy under ``tui/data``, if this is an installed package that has one."""
    resource = resources.files("tui") / "data" / name
    if isinstance(resource, Path) and resource.exists():
        return resource
    return None


def _checkout_root() -> Path:
    """The project root of a source checkout: the directory that holds the ``tui`` package."""
    return Path(tui.__file__).resolve().parent.parent


def builtin_glossary_path() -> Path:
    """The glossary that ships with zhread (it may not exist in a broken install)."""
    return _packaged("glossary.yaml") or _checkout_root() / "glossary.yaml"


def seeds_dir() -> Path:
    """The directory of sample texts."""
    return _packaged("seeds") or _checkout_root() / "seeds"


def sample_path() -> Path:
    """The sample article (a Traditional Chinese news story on DeepSeek and US chip policy)."""
    return seeds_dir() / SAMPLE_NAME
