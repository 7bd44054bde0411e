"""CC-CEDICT in SQLite: every entry kept, lookups by script, longest match, search in every
spelling of pinyin and in English, and an index that rebuilds itself when the data changes
or the file is damaged."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from tui.core import cedict, dictindex
from tui.core.dictionary import DictEntry, Dictionary
from tui.core.errors import ZhreadError


def readings(entries: list[DictEntry]) -> set[str]:
    return {e.pinyin_marks for e in entries}


@pytest.mark.parametrize(
    ("word", "expected"),
    [("行", {"xíng", "háng"}), ("長", {"cháng", "zhǎng"}), ("了", {"le", "liǎo"})],
)
def test_every_reading_is_kept(dictionary: Dictionary, word: str, expected: set[str]) -> None:
    assert expected <= readings(dictionary.lookup(word))


def test_entries_carry_both_scripts_both_pinyins_and_all_definitions(dictionary) -> None:
    assert dictionary.lookup("銀行", "hant") == [
        DictEntry("銀行", "银行", "yin2 hang2", "yín háng", ("bank", "CL:家[jia1],個|个[ge4]"))
    ]
    assert dictionary.lookup("银行", "hans") == dictionary.lookup("銀行", "hant")
    assert dictionary.lookup("銀行", "hans") == []


def test_a_character_is_looked_up_in_the_script_asked_for(dictionary: Dictionary) -> None:
    as_traditional = dictionary.lookup("干", "hant")
    assert {e.traditional for e in as_traditional} == {"干"}
    assert not any("to do" in e.definitions or "dry" in e.definitions for e in as_traditional)
    as_simplified = dictionary.lookup("干", "hans")
    assert {"干", "幹", "乾"} <= {e.traditional for e in as_simplified}
    both = dictionary.lookup("干")
    first_other = next(i for i, e in enumerate(both) if e.traditional != "干")
    assert all(e.traditional == "干" for e in both[:first_other])
    assert {e.traditional for e in both} == {e.traditional for e in as_simplified}


def test_taiwan_notes_are_kept_as_written(dictionary: Dictionary) -> None:
    by_reading = {e.pinyin: e for e in dictionary.lookup("行", "hant")}
    assert "Taiwan pr. [xing4] for the behavior-conduct sense" in by_reading["xing2"].definitions
    assert "(Tw) column" in by_reading["hang2"].definitions


def test_the_longest_word_at_a_position(dictionary: Dictionary) -> None:
    text = "我去銀行家裡。中华人民共和国"
    assert dictionary.longest_at(text, 2) == "銀行家"
    assert dictionary.longest_at(text, 2, max_len=2) == "銀行"
    assert dictionary.longest_at(text, 7) == "中华人民共和国"
    assert dictionary.longest_at(text, 6) is None  # 。
    assert dictionary.longest_at(text, len(text)) is None


def test_characters_are_the_fallback_for_an_unknown_word(dictionary: Dictionary) -> None:
    parts = dictionary.characters("銀行卡號碼")
    assert [ch for ch, _ in parts] == list("銀行卡號碼")
    assert all(entries for _, entries in parts)
    assert readings(parts[1][1]) >= {"xíng", "háng"}


@pytest.mark.parametrize(
    "query", ["nihao", "ni3hao3", "ni3 hao3", "Ni3 Hao3", "nǐ hǎo", "nǐhǎo", "ni3hao", "nǐ hao"]
)
def test_pinyin_search_in_every_spelling(dictionary: Dictionary, query: str) -> None:
    found = dictionary.search(query, limit=10)
    assert found[0].simplified == "你好"
    if "3" in query or "ǐ" in query:  # the tone given on ni is kept by every result
        assert all(e.pinyin.lower().startswith("ni3") for e in found)


def test_a_tone_narrows_the_search(dictionary: Dictionary) -> None:
    for query in ("hao3", "hǎo"):
        found = dictionary.search(query, 50)
        assert found[0].pinyin == "hao3"  # the syllable itself, then words it begins
        assert all(e.pinyin.lower().startswith("hao3") for e in found)
    assert {"hao3", "hao4"} <= {e.pinyin for e in dictionary.search("hao", 200)}


@pytest.mark.parametrize("query", ["lv4", "lu:4", "lǜ", "lü4"])
def test_u_umlaut_in_every_spelling(dictionary: Dictionary, query: str) -> None:
    assert "绿" in {e.simplified for e in dictionary.search(query, limit=50)}


def test_hanzi_search_takes_either_script_and_finds_longer_words(dictionary) -> None:
    for query in ("銀行", "银行"):
        found = dictionary.search(query)
        assert found[0].traditional == "銀行"
        assert "銀行家" in {e.traditional for e in found}


def test_english_search(dictionary: Dictionary) -> None:
    assert dictionary.search("bank", 5)[0].simplified == "银行"
    assert "走" in {e.simplified for e in dictionary.search("to walk", 5)}
    assert "电脑" in {e.simplified for e in dictionary.search("computer", 5)}
    assert dictionary.search('"quoted" OR (weird*', 5) is not None  # never an FTS syntax error


def test_nothing_for_nonsense(dictionary: Dictionary) -> None:
    assert dictionary.search("zzzqx") == []
    assert dictionary.search("   ") == []
    assert dictionary.lookup("no such word") == []


def test_reopening_uses_the_built_index(dictionary: Dictionary, session_cache: Path) -> None:
    """An existing index is opened as it is, never rebuilt: no build progress, the file
    untouched, the same answers. (How fast opening and looking up are is measured by
    benchmarks/lookup.py, not asserted here.)"""
    (index,) = (session_cache / "zhread").glob("cedict-*.sqlite3")
    before = index.stat()
    reported: list[tuple[int, int]] = []
    for _ in range(3):
        with Dictionary.open(lambda done, total: reported.append((done, total)),
                             cache_dir=session_cache / "zhread") as again:
            assert again.note is None
            assert again.lookup("銀行") == dictionary.lookup("銀行")
    after = index.stat()
    assert reported == []
    assert (after.st_ino, after.st_size, after.st_mtime_ns) == (
        before.st_ino, before.st_size, before.st_mtime_ns)


# --- the index file -------------------------------------------------------------------------

WORDS = ("行", "長", "了", "銀行", "長期", "你好", "干", "乾", "幹")


@pytest.fixture(scope="module")
def small_source_lines() -> tuple[list[str], list[str]]:
    """The real header and the real lines of a few headwords, for builds in milliseconds."""
    header, lines = [], []
    with gzip.open(cedict.data_file(), "rt", encoding="utf-8") as stream:
        for line in stream:
            if line.startswith("#"):
                header.append(line)
            elif line.split(" ", 1)[0] in WORDS:
                lines.append(line)
    return header, lines


def write_source(path: Path, header: list[str], lines: list[str], date: str | None = None) -> Path:
    if date is not None:
        header = [f"#! date={date}\n" if h.startswith("#! date=") else h for h in header]
    with gzip.open(path, "wt", encoding="utf-8") as stream:
        stream.writelines(header + lines)
    return path


def finished(calls: list[tuple[int, int]]) -> bool:
    """Progress went from 0 to its total, never backwards, with one total throughout."""
    done = [d for d, _ in calls]
    return (
        len(calls) >= 2 and done[0] == 0 and done == sorted(done)
        and len({t for _, t in calls}) == 1 and calls[-1][0] == calls[-1][1]
    )


def test_a_new_edition_rebuilds_the_index(tmp_path: Path, small_source_lines) -> None:
    header, lines = small_source_lines
    source = write_source(tmp_path / "cedict.txt.gz", header, lines)
    cache = tmp_path / "cache"
    calls: list[tuple[int, int]] = []
    with Dictionary.open(lambda *a: calls.append(a), source=source, cache_dir=cache) as d:
        assert readings(d.lookup("行")) == {"xíng", "háng"}
    assert finished(calls)
    first = list(cache.glob("cedict-*.sqlite3"))
    calls.clear()
    Dictionary.open(lambda *a: calls.append(a), source=source, cache_dir=cache).close()
    assert calls == []  # the same edition opens the same index
    write_source(source, header, lines[:-1], date="2099-01-01T00:00:00Z")
    with Dictionary.open(lambda *a: calls.append(a), source=source, cache_dir=cache) as d:
        assert d.lookup("行")
    assert finished(calls)
    second = list(cache.glob("cedict-*.sqlite3"))
    assert len(first) == len(second) == 1 and first != second  # the old edition's index is gone


def test_a_schema_change_rebuilds_the_index(
    tmp_path: Path, small_source_lines, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = write_source(tmp_path / "cedict.txt.gz", *small_source_lines)
    before = dictindex.version_key(source)
    monkeypatch.setattr(dictindex, "SCHEMA", dictindex.SCHEMA + 1)
    assert dictindex.version_key(source) != before


@pytest.mark.parametrize("damage", ["garbage", "truncated"])
def test_a_damaged_index_is_moved_aside_and_rebuilt(
    tmp_path: Path, small_source_lines, damage: str
) -> None:
    source = write_source(tmp_path / "cedict.txt.gz", *small_source_lines)
    cache = tmp_path / "cache"
    Dictionary.open(source=source, cache_dir=cache).close()
    (index,) = cache.glob("cedict-*.sqlite3")
    data = index.read_bytes()
    broken = b"this is not SQLite" * 512 if damage == "garbage" else data[: len(data) // 2]
    index.write_bytes(broken)
    with Dictionary.open(source=source, cache_dir=cache) as d:
        assert d.note and "moved it to" in d.note
        assert readings(d.lookup("長")) == {"cháng", "zhǎng"}
    (aside,) = cache.glob("cedict-*.sqlite3.corrupt-*")
    assert aside.read_bytes() == broken  # kept for a look, not deleted
    assert aside.name in d.note
    with Dictionary.open(source=source, cache_dir=cache) as again:
        assert again.note is None


def test_an_unreadable_source_is_a_user_error(tmp_path: Path) -> None:
    missing = tmp_path / "nothing.gz"
    with pytest.raises(ZhreadError, match="cannot read CC-CEDICT"):
        Dictionary.open(source=missing, cache_dir=tmp_path)
