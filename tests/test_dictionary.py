"""CC-CEDICT in SQLite: every entry kept, lookups by script, longest match, search in every
spelling of pinyin and in English, and an index that rebuilds itself when the data changes
or the file is damaged."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tui.core.errors import ZhreadError
from tui.core.readings import cedict, dictindex, reading
from tui.core.readings.dictionary import DictEntry, Dictionary


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


def first(entries: list[DictEntry], *words: str) -> list[str]:
    """``words`` in the order the search ranked them (by Simplified form)."""
    order = [e.simplified for e in entries]
    return sorted(words, key=lambda word: order.index(word) if word in order else len(order))


def test_english_ranks_the_headword_meaning_first(dictionary: Dictionary) -> None:
    """What a word means before what it is also used for: 芯片 "computer chip" is a chip
    and the common word for one; 碎片 "chip; fragment" is also one; 脆片 "chip" is rare;
    "chip shot (golf)" is no chip at all."""
    chip = dictionary.search("chip", 10)
    assert chip[0].simplified == "芯片"
    assert first(chip, "碎片", "脆片") == ["碎片", "脆片"]
    assert first(dictionary.search("chip", 50), "脆片", "起扑") == ["脆片", "起扑"]
    assert dictionary.search("computer", 5)[0].simplified == "电脑"  # HSK 1 before HSK 5
    assert dictionary.search("to walk", 3)[0].simplified == "走"
    assert dictionary.search("tea", 3)[0].simplified == "茶"


def test_a_negated_meaning_is_no_kind_of_the_word(dictionary: Dictionary) -> None:
    """ "not bad" (不错) is not a kind of bad, however common it is."""
    assert first(dictionary.search("bad", 50), "坏", "不错") == ["坏", "不错"]


def test_a_variant_comes_after_the_word_it_points_to(dictionary: Dictionary) -> None:
    """昰 "variant of 是" shares 是's Simplified form, and so its count and level."""
    assert first(dictionary.search("shi", 20), "是", "昰") == ["是", "昰"]
    assert dictionary.search("shi4", 1)[0].traditional == "是"


@pytest.mark.parametrize("query", ["chángqī", "chang2qi1", "chang2 qi1", "changqi"])
def test_pinyin_ranks_the_exact_syllables_first(dictionary: Dictionary, query: str) -> None:
    """長期 is cháng qī; 長期性 begins with those syllables; 常青 (cháng qīng) only with
    their letters. Toneless, 長崎 (Cháng qí) is as exact as 長期, the commoner first."""
    found = dictionary.search(query, 50)
    assert found[0].traditional == "長期"
    order = [e.traditional for e in found]
    if "常青" in order:
        assert order.index("長期性") < order.index("常青")
    exact = [e for e in found if e.pinyin.replace(" ", "").lower() in ("chang2qi1", "chang2qi2")]
    assert found[: len(exact)] == exact


def test_pinyin_candidates_are_whole_syllables_before_letters(dictionary: Dictionary) -> None:
    """For marked pinyin every hit carries the marks; those whose syllables begin with the
    query's come before those where the query ends inside a syllable."""
    found = dictionary.search("nǐ", 100)
    whole = [e.pinyin.lower().split(" ")[0] == "ni3" for e in found]
    assert whole[0] and whole == sorted(whole, reverse=True)


READINGS = [
    "yin2 hang2 jia1",
    "chang2 qi1 xing4",
    "zhong1 guo2 ren2",
    "dian4 nao3 zhuo1",
    "xue2 sheng1 hui4",
    "shi2 jian1 biao3",
    "peng2 you5 men5",
]


@settings(max_examples=40, deadline=None)
@given(
    st.sampled_from(READINGS),
    st.integers(1, 3),
    st.sampled_from(["numbers", "marks", "none"]),
    st.integers(0, 3),
)
def test_whole_syllables_always_come_before_letters(
    dictionary: Dictionary, numbered: str, syllables: int, tones: str, cut: int
) -> None:
    """Any prefix of a real reading, typed any way (without tones, possibly cut short):
    hits whose syllables are exactly the query's come first, then those that begin with
    them, then those where the query ends inside a syllable."""
    parts = numbered.split(" ")[:syllables]
    if tones == "marks":
        parts = reading.marks(" ".join(parts)).split(" ")
    elif tones == "none":
        parts = [part.rstrip("12345") for part in parts]
    query = "".join(parts)
    query = query[: max(len(query) - cut, 1)] if tones == "none" else query
    key = cedict.toneless_key(query)
    found = dictionary.search(query, 40)
    pinyin = [e for e in found if cedict.toneless_key(e.pinyin).startswith(key)]
    classes = [_syllables_match(e.pinyin, key) for e in pinyin]
    if tones == "none":  # English hits may come between the exact and the longer words
        assert not classes or (classes[0] == 0) == (0 in classes)
    else:
        assert pinyin == found  # tones given: nothing but pinyin hits
        assert classes == sorted(classes)


def _syllables_match(numbered: str, key: str) -> int:
    spelt, ends = "", set()
    for part in numbered.split(" "):
        spelt += cedict.toneless_key(part)
        ends.add(len(spelt))
    return 0 if spelt == key else 1 if len(key) in ends else 2


@pytest.mark.parametrize(
    ("query", "problem"),
    [
        ("ni3hao9", "ni3hao9: 9 is not a tone (1–5)"),
        ("ni3 hao7", "ni3 hao7: 7 is not a tone (1–5)"),
        ("ni3hqo3", "ni3hqo3: hqo is not a pinyin syllable"),
        ("nǐ hqǒ", "nǐ hqǒ: hqo is not a pinyin syllable"),
    ],
)
def test_impossible_pinyin_says_why(dictionary: Dictionary, query: str, problem: str) -> None:
    assert dictionary.search(query) == []
    assert dictionary.problem(query) == problem


@pytest.mark.parametrize("query", ["ni3hao3", "ni3zh", "nǐ h", "lv4", "lu:4", "nihao", "bank"])
def test_possible_pinyin_and_english_have_no_problem(dictionary: Dictionary, query: str) -> None:
    assert dictionary.problem(query) is None


def test_numbers_that_are_not_tones_search_english(dictionary: Dictionary) -> None:
    """G7 and COVID-19 have numbers but are not pinyin; they are searched as English."""
    assert "新冠肺炎" in {e.simplified for e in dictionary.search("covid-19", 10)}
    assert "七国集团" in {e.simplified for e in dictionary.search("g7", 10)}
    assert dictionary.problem("covid-19") is None


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
        with Dictionary.open(
            lambda done, total: reported.append((done, total)), cache_dir=session_cache / "zhread"
        ) as again:
            assert again.note is None
            assert again.lookup("銀行") == dictionary.lookup("銀行")
    after = index.stat()
    assert reported == []
    assert (after.st_ino, after.st_size, after.st_mtime_ns) == (
        before.st_ino,
        before.st_size,
        before.st_mtime_ns,
    )


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
        len(calls) >= 2
        and done[0] == 0
        and done == sorted(done)
        and len({t for _, t in calls}) == 1
        and calls[-1][0] == calls[-1][1]
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
