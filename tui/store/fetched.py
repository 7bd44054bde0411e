"""Web pages the user kept, so they open again without the network.

A kept page is two files in ``pages/`` in zhread's data directory, named after the page's
host and a hash of its address: ``NAME.txt`` holds the text exactly as the reader showed it
(UTF-8), so any tool can read it, and ``NAME.json`` beside it holds where and when it came
from (``url``, ``fetched`` as ISO 8601 UTC, ``title``, ``encoding``). Opening ``NAME.txt``
(``zhread NAME.txt``, the library, *Open file…*) shows the page's address as its source, so
the reading position and the words saved from it are those of the page. Both files are
written atomically, the text first: a ``.txt`` without its ``.json`` is still a readable
text, only without its address.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from urllib.parse import urlsplit

from tui.core import userdirs
from tui.core.errors import ZhreadError
from tui.core.safefiles import atomic_path

__all__ = ["KeptPage", "keep", "kept_dir", "kept_page", "source_for"]

_UNSAFE = re.compile(r"[^A-Za-z0-9.-]+")


@dataclass(frozen=True)
class KeptPage:
    """A kept page's text file and where it came from."""

    path: Path
    url: str
    fetched: str
    title: str | None = None


def kept_dir() -> Path:
    return userdirs.data_dir() / "pages"


def path_for(url: str) -> Path:
    """The same address is always kept in the same file, so keeping again refreshes it."""
    host = _UNSAFE.sub("-", urlsplit(url).hostname or "page").strip("-.") or "page"
    digest = hashlib.sha256(url.encode("utf-8", "surrogatepass")).hexdigest()[:12]
    return kept_dir() / f"{host[:60]}-{digest}.txt"


def keep(
    text: str,
    url: str,
    fetched: datetime,
    *,
    title: str | None = None,
    encoding: str | None = None,
) -> KeptPage:
    """Write the page's text and its address; returns where it is. Raises ZhreadError."""
    path = path_for(url)
    meta = {
        "url": url,
        "fetched": fetched.isoformat(),
        "title": title,
        "encoding": encoding,
    }
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with atomic_path(path) as tmp:
            tmp.write_text(text, encoding="utf-8", newline="\n")
        with atomic_path(path.with_suffix(".json")) as tmp:
            tmp.write_text(json.dumps(meta, ensure_ascii=False, indent=1) + "\n", "utf-8")
    except OSError as error:
        raise ZhreadError(f"cannot keep the page ({error.strerror or error})", path) from None
    return KeptPage(path, url, fetched.isoformat(), title)


def kept_page(path: str | Path) -> KeptPage | None:
    """The kept page a file is, or ``None`` for any other file (or a damaged record)."""
    text_path = Path(path)
    if text_path.suffix != ".txt":
        return None
    try:
        meta = json.loads(text_path.with_suffix(".json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(meta, dict):
        return None
    url, fetched, title = meta.get("url"), meta.get("fetched"), meta.get("title")
    if not isinstance(url, str) or not isinstance(fetched, str):
        return None
    return KeptPage(text_path, url, fetched, title if isinstance(title, str) else None)


def source_for(path: str | Path) -> str:
    """The source to show for a file: a kept page's address, any other file's path."""
    if not os.fspath(path).endswith(".txt"):
        return os.fspath(path)
    page = kept_page(path)
    return page.url if page is not None else os.fspath(path)
