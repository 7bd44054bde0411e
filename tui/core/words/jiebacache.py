"""jieba's dictionary in brief: its total count and the prefixes of its words that are no
word of their own, kept in the user's cache directory; and the weights of a glossary's words,
kept beside it.

A splitter holds only the words its text can use (see :mod:`tui.core.readings.lexicons`), but must
weigh them against the whole dictionary's total, and needs the prefixes to walk its word
graph as jieba does over the whole table. Both take a pass over all 349,000 lines, over a
second; the cached file (1.4 MB) reads at once. It is keyed by jieba's version and
dictionary file, so an upgrade builds a new one. The cache is rebuildable, but a damaged one
is still moved aside (``*.corrupt-<time>``) rather than overwritten, and the caller gets a
note saying so: a damaged file in the cache can mean a failing disk, which the user should
hear about.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from tui.core import apart, safefiles
from tui.core.errors import imports_for
from tui.core.readings import lexicons

__all__ = ["Summary", "cache_path", "load_summary", "prepare", "term_weights"]

_log = logging.getLogger(__name__)

#: First line of the file; a new layout gets a new number.
_HEADER = "zhread jieba summary 1"


@dataclass(frozen=True)
class Summary:
    """The dictionary's total count, and the prefixes of its words that are no word, one a
    line between newlines (``"\\n一丁\\n一丝不\\n"``) as :func:`lexicons.jieba_prefixes`
    reads them."""

    total: int
    prefixes: str


def cache_path(cache_dir: Path) -> Path:
    """Where the summary of jieba's default dictionary is cached."""
    with imports_for("cut the text into words"):
        import jieba

    stat = os.stat(lexicons.jieba_dict_path())
    return cache_dir / f"jieba-{jieba.__version__}-{stat.st_size}-{int(stat.st_mtime)}.summary"


def load_summary(cache_dir: Path | None) -> tuple[Summary, str | None]:
    """The summary, from the cache when it is sound, and a note for the user when a damaged
    cache was moved aside (and rebuilt)."""
    if cache_dir is None:
        return _build(), None
    path = cache_path(cache_dir)
    note, replace = None, True
    try:
        return _read(path), None
    except FileNotFoundError:
        pass
    except OSError:
        replace = False  # unreadable (permissions, I/O): rebuild in memory, leave it alone
    except ValueError as error:  # damaged: cut short, overwritten, not text
        note = _move_aside(path, error)
        replace = note is not None  # a file that could not be moved is not overwritten
    summary = _build()
    if replace:
        _write(path, _format(summary))
        _remove_stale(cache_dir, path)
    return summary, note


def prepare(cache_dir: Path, cancelled: Callable[[], bool]) -> None:
    """Build the cached summary in a process of its own when there is none (a first run),
    for :func:`load_summary` to read: built in the reader's process it would hold the
    interpreter for a second, in single steps of up to a tenth (a set of 300,000 words
    growing, then sorted; see :mod:`tui.core.apart`). Raises
    :class:`~tui.core.apart.Stopped` when ``cancelled`` says stop; any other failure is left
    to :func:`load_summary`, which then builds it here and says what went wrong."""
    if cache_path(cache_dir).exists():
        return
    with contextlib.suppress(OSError):
        apart.run(__name__, [str(cache_dir)], lambda line: None, cancelled)


def term_weights(
    cache_dir: Path | None, terms: Sequence[str], summary: Summary
) -> tuple[dict[str, tuple[int, int]], int]:
    """What :func:`_weigh` gives for ``terms``, from the cache when this glossary's words
    were weighed before (a pass over the dictionary's 349,000 lines, a fifth of a second)."""
    if cache_dir is None:
        return _weigh(terms, summary)
    key = hashlib.sha256("\n".join([str(summary.total), *terms]).encode()).hexdigest()[:24]
    path = cache_path(cache_dir).with_suffix(f".terms-{key}.json")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        weights = {word: (int(a), int(b)) for word, (a, b) in data["weights"].items()}
        if weights.keys() == set(terms):
            return weights, int(data["total"])
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        pass  # missing or damaged: weighed again, and written again
    weights, total = _weigh(terms, summary)
    _write(path, json.dumps({"total": total, "weights": weights}, ensure_ascii=False))
    for old in cache_dir.glob(f"{cache_path(cache_dir).stem}.terms-*.json"):
        if old != path:
            with contextlib.suppress(OSError):
                old.unlink()
    return weights, total


def _weigh(terms: Sequence[str], summary: Summary) -> tuple[dict[str, tuple[int, int]], int]:
    """The count jieba's ``add_word`` gives each term, added in this order to the whole
    dictionary, with the count the dictionary had for it (0 if none), and the total after.

    ``add_word`` weighs a word by cutting it, which looks only at the dictionary words inside
    it and the prefixes that lead to them; so a table of just those, read from the
    dictionary in one pass, gives the counts the whole table would, and the splitter's cuts
    stay jieba's exactly.
    """
    with imports_for("cut the text into words"):
        import jieba

    inside = {t[i:j] for t in terms for i in range(len(t)) for j in range(i + 1, len(t) + 1)}
    table = jieba.Tokenizer()
    table.FREQ = lexicons.jieba_counts_of(inside)
    for word in list(table.FREQ):  # the prefixes a cut walks through to reach a word
        for end in range(1, len(word)):
            table.FREQ.setdefault(word[:end], 0)
    table.total, table.initialized = summary.total, True
    weights: dict[str, tuple[int, int]] = {}
    for term in terms:
        before = table.FREQ.get(term, 0)
        table.add_word(term)
        weights[term] = (table.FREQ[term], before)
    return weights, table.total


def _build() -> Summary:
    return Summary(*lexicons.jieba_summary())


def _format(summary: Summary) -> str:
    """The header, the total and the number of prefixes, then the prefixes one a line."""
    count = summary.prefixes.count("\n") - 1
    return f"{_HEADER}\n{summary.total} {count}{summary.prefixes}"


def _read(path: Path) -> Summary:
    """The cached summary; ValueError when the file holds something else or is cut short."""
    header, numbers, rest = path.read_text(encoding="utf-8").split("\n", 2)
    total, count = (int(number) for number in numbers.split(" "))
    if header != _HEADER or total <= 0 or count <= 0:
        raise ValueError("it does not hold a dictionary summary")
    lines = rest.count("\n")
    if lines != count or not rest.endswith("\n"):
        raise ValueError(f"it holds {lines} of its {count} prefixes")
    return Summary(total, "\n" + rest)


def _move_aside(path: Path, error: Exception) -> str | None:
    reason = str(error).splitlines()[0] if str(error) else type(error).__name__
    try:
        aside = safefiles.move_aside(path)
    except OSError:
        return None  # it cannot be moved, so it will not be replaced either: nothing is lost
    note = (
        f"the segmenter's cache {path} was damaged ({reason}); "
        f"moved it to {aside.name} and rebuilt it"
    )
    _log.info(note)  # the caller shows the note; stderr may be a TUI
    return note


def _write(path: Path, text: str) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with safefiles.atomic_path(path) as tmp:
            tmp.write_text(text, encoding="utf-8")
    except OSError:
        pass  # a read-only or full cache directory only costs speed


def _remove_stale(cache_dir: Path, keep: Path) -> None:
    """Summaries of other jieba releases, and the whole frequency tables (tens of
    megabytes) that earlier versions cached, are rebuildable and unused."""
    for old in [*cache_dir.glob("jieba-*.summary"), *cache_dir.glob("jieba-*.pickle")]:
        try:
            if old != keep:
                old.unlink()
        except OSError:
            pass  # another process may be removing it too


if __name__ == "__main__":  # the child of prepare()
    apart.lower_priority()
    load_summary(Path(sys.argv[1]))
