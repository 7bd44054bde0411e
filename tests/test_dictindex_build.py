"""The dictionary index built in a process of its own, as the reader builds it on a first
run, and a build stopped half-way: the same index, and nothing left behind when stopped."""

from __future__ import annotations

import gzip
import sqlite3
import threading
from pathlib import Path

import pytest

from tui.core import apart
from tui.core.errors import ZhreadError
from tui.core.readings import cedict, dictindex, reading
from tui.core.readings.dictionary import Dictionary

WORDS = ("行", "長", "了", "銀行", "長期", "你好", "干", "乾", "幹")


@pytest.fixture(scope="module")
def source(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real header and the real lines of a few headwords, for builds in milliseconds."""
    path = tmp_path_factory.mktemp("cedict") / "cedict.txt.gz"
    with (
        gzip.open(cedict.data_file(), "rt", encoding="utf-8") as data,
        gzip.open(path, "wt", encoding="utf-8") as out,
    ):
        out.writelines(
            line for line in data if line.startswith("#") or line.split(" ", 1)[0] in WORDS
        )
    return path


def leftovers(cache: Path) -> list[Path]:
    return list(cache.glob("cedict-*")) + list(cache.glob(".cedict-*"))


def test_built_apart_it_is_the_index_built_here(source: Path, tmp_path: Path) -> None:
    calls: list[tuple[int, int]] = []
    with (
        Dictionary.open(
            lambda *a: calls.append(a), source=source, cache_dir=tmp_path / "a", apart=True
        ) as separate,
        Dictionary.open(source=source, cache_dir=tmp_path / "b") as here,
    ):
        for word in WORDS:
            assert separate.lookup(word) == here.lookup(word)
        assert separate.search("bank") == here.search("bank")
    done = [d for d, _ in calls]
    assert done[0] == 0 and done == sorted(done) and calls[-1][0] == calls[-1][1]
    assert len({t for _, t in calls}) == 1
    assert apart._children == {}  # the builder process is gone


@pytest.mark.parametrize("separate", [True, False])
def test_a_cancelled_build_leaves_nothing(source: Path, tmp_path: Path, separate: bool) -> None:
    stop = threading.Event()

    def progress(done: int, total: int) -> None:
        stop.set()  # stop once the build is under way

    with pytest.raises(dictindex.BuildCancelled):
        Dictionary.open(
            progress, source=source, cache_dir=tmp_path, apart=separate, cancelled=stop.is_set
        )
    assert leftovers(tmp_path) == []
    assert apart._children == {}
    Dictionary.open(source=source, cache_dir=tmp_path).close()  # and the next run builds it


def test_a_builder_that_fails_says_why_in_one_line(source: Path, tmp_path: Path) -> None:
    """The data file's header reads, its entries do not: the child's error comes back as
    the reader's one-line error, not a traceback."""
    broken = tmp_path / "broken.txt.gz"
    data = source.read_bytes()
    broken.write_bytes(data[: len(data) - 40])  # the gzip stream cut short
    with pytest.raises(ZhreadError, match="cannot build the dictionary index") as error:
        Dictionary.open(source=broken, cache_dir=tmp_path / "cache", apart=True)
    assert "\n" not in str(error.value) and "Traceback" not in str(error.value)
    assert leftovers(tmp_path / "cache") == []


def test_a_data_file_cut_short_is_a_user_error_built_here_too(source: Path, tmp_path: Path) -> None:
    broken = tmp_path / "broken.txt.gz"
    data = source.read_bytes()
    broken.write_bytes(data[: len(data) - 40])
    with pytest.raises(ZhreadError, match="cannot read CC-CEDICT"):
        Dictionary.open(source=broken, cache_dir=tmp_path / "cache")


# --- the content: what the entries say, derived the plain way, entry by entry -----------


def plain_row(number: int, record: cedict.Record, counts: dict[str, int]) -> tuple[object, ...]:
    """A row of ``entries`` as the index defines it, each form derived from the whole reading."""
    return (
        number,
        record.traditional,
        record.simplified,
        record.pinyin,
        reading.marks(record.pinyin),
        "\n".join(record.definitions),
        cedict.toneless_key(record.pinyin),
        cedict.numbered_key(record.pinyin),
        counts.get(record.simplified, 0),
    )


def test_the_pinyin_forms_of_every_reading_are_those_of_the_whole_reading() -> None:
    """The build derives marks and keys a syllable at a time; for every reading CC-CEDICT
    has (ü as u:, 3C, commas, middle dots, capitals) that is what the whole reading gives."""
    forms = dictindex._SyllableForms()
    for pinyin in {record.pinyin for record in cedict.stream(cedict.data_file())}:
        whole = (reading.marks(pinyin), cedict.toneless_key(pinyin), cedict.numbered_key(pinyin))
        assert forms.of(pinyin) == whole, pinyin


def test_the_full_index_holds_every_entry_as_written(
    dictionary: Dictionary, session_cache: Path
) -> None:
    """A sample of the real index's rows (every 101st, and the words whose readings and
    scripts matter most) against the rows derived entry by entry; every headword of
    either script, and nothing else, in the table the longest match reads."""
    (index,) = (session_cache / "zhread").glob("cedict-*.sqlite3")
    counts = dict(dictindex._jieba_counts())
    conn = sqlite3.connect(index.resolve().as_uri() + "?mode=ro", uri=True)
    headwords: set[str] = set()
    try:
        for number, record in enumerate(cedict.stream(cedict.data_file()), 1):
            headwords.update((record.traditional, record.simplified))
            if number % 101 == 0 or record.traditional in WORDS or "u:" in record.pinyin:
                row = conn.execute("SELECT * FROM entries WHERE id = ?", (number,)).fetchone()
                assert row == plain_row(number, record, counts)
        assert conn.execute("SELECT count(*) FROM entries").fetchone()[0] == number
        assert {word for (word,) in conn.execute("SELECT word FROM headwords")} == headwords
    finally:
        conn.close()
    assert dictionary.lookup("銀行")  # the fixture built the index this reads


def test_english_search_finds_what_an_index_built_entry_by_entry_finds(
    source: Path, tmp_path: Path
) -> None:
    """The full-text index filled in one statement ranks as one filled a row at a time."""
    counts = dict(dictindex._jieba_counts())
    plain = sqlite3.connect(tmp_path / "plain.sqlite3")
    plain.execute("CREATE TABLE entries(id INTEGER PRIMARY KEY, defs TEXT NOT NULL)")
    plain.execute(dictindex._ENGLISH)
    for number, record in enumerate(cedict.stream(source), 1):
        row = plain_row(number, record, counts)
        plain.execute("INSERT INTO entries VALUES (?, ?)", (number, row[5]))
        plain.execute("INSERT INTO english(rowid, defs) VALUES (?, ?)", (number, row[5]))
    Dictionary.open(source=source, cache_dir=tmp_path / "cache").close()
    (index,) = (tmp_path / "cache").glob("cedict-*.sqlite3")
    conn = sqlite3.connect(index)
    query = "SELECT rowid, rank FROM english WHERE english MATCH ? ORDER BY rank, rowid"
    try:
        for word in ("dry", "to do", "bank", "long", "row", "concern", "hello"):
            found = conn.execute(query, (word,)).fetchall()
            assert found == plain.execute(query, (word,)).fetchall()
        assert conn.execute(query, ("dry",)).fetchall()  # the sample has 乾 "dry"
    finally:
        conn.close()
        plain.close()


@pytest.mark.parametrize("separate", [True, False])
def test_a_file_that_does_not_say_how_many_entries_it_has_is_counted(
    source: Path, tmp_path: Path, separate: bool
) -> None:
    """Progress needs the number of entries before they are read: the ``#! entries`` line,
    or a count of the lines when the header lacks it."""
    headless = tmp_path / "headless.txt.gz"
    with gzip.open(source, "rt", encoding="utf-8") as data:
        kept = [line for line in data if not line.startswith("#! entries=")]
    with gzip.open(headless, "wt", encoding="utf-8") as out:
        out.writelines(kept)
    entries = sum(1 for line in kept if not line.startswith("#"))
    calls: list[tuple[int, int]] = []
    cache = tmp_path / "cache"
    with Dictionary.open(
        lambda *a: calls.append(a), source=headless, cache_dir=cache, apart=separate
    ) as dictionary:
        assert dictionary.lookup("行")
    assert calls[0] == (0, dictindex._total(entries)) and calls[-1][0] == calls[-1][1]
    assert [done for done, _ in calls] == sorted(done for done, _ in calls)
