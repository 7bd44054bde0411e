"""What the library lists about each document: title, script, length and HSK grade.

The list is meant to be read at a glance and filled in quickly, so nothing here segments:
the grade is the character coverage of :func:`tui.core.readings.levels.grade` (the level at which a
reader knows 95% of the characters), which needs no words, on the Simplified shadow so the
script does not matter. Script and grade are judged on the first :data:`SAMPLE` characters,
which decide them as well as a whole book would.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from tui.core.errors import ZhreadError
from tui.core.model.chars import is_han
from tui.core.readings.levels import grade
from tui.core.scripts.convert import Script, detect_script, shadow
from tui.core.text.loading import Loaded
from tui.core.text.sources import documents_in

__all__ = ["SAMPLE", "Entry", "Summary", "expand_paths", "summarize", "title_of"]

SAMPLE = 200_000
_TITLE_CELLS = 80


@dataclass(frozen=True, slots=True)
class Summary:
    """One row of the library."""

    title: str
    script: Script
    characters: int  # Han characters: how Chinese texts are measured (字數)
    level: int | None  # HSK level by character coverage; None: beyond the scale


@dataclass(slots=True)
class Entry:
    """A document of the library: its path, then its summary or why it cannot be read."""

    path: str
    summary: Summary | None = None
    error: str | None = None

    @property
    def done(self) -> bool:
        return self.summary is not None or self.error is not None


def summarize(loaded: Loaded) -> Summary:
    text = loaded.text
    sample = text[:SAMPLE]
    characters = sum(1 for ch in text if is_han(ch))
    level = grade(shadow(sample)).level if characters else None
    return Summary(title_of(loaded), detect_script(sample), characters, level)


def title_of(loaded: Loaded) -> str:
    """The document's own title, else its first line, else its file name."""
    title = loaded.title or next(
        (line.strip() for line in loaded.text.splitlines() if line.strip()), ""
    )
    title = title or Path(loaded.source).name
    return title if len(title) <= _TITLE_CELLS else title[: _TITLE_CELLS - 1] + "…"


def expand_paths(paths: Sequence[str]) -> list[str]:
    """The documents named on the command line, each folder replaced by the documents in it.

    A file named explicitly is always listed (a missing one too: the library shows why it
    cannot be opened instead of refusing the rest); standard input cannot share a library.
    """
    if "-" in paths:
        raise ZhreadError("standard input (-) cannot be listed with other files or folders")
    found: list[str] = []
    for path in paths:
        if Path(path).is_dir():
            found.extend(str(entry) for entry in documents_in(path))
        else:
            found.append(path)
    return list(_unique(found))


def _unique(paths: Iterable[str]) -> Iterable[str]:
    seen: set[Path] = set()
    for path in paths:
        key = Path(path).resolve()
        if key not in seen:
            seen.add(key)
            yield path
