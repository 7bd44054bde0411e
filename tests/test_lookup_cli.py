"""`zhread lookup` and `zhread export`, run as the user runs them."""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tui.store.wordlist import WordList

ZHREAD = str(Path(sys.executable).with_name("zhread"))


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([ZHREAD, *args], capture_output=True, text=True, timeout=120)


@pytest.fixture
def indexed(dictionary) -> None:
    """The session's index is where the subprocess's XDG_CACHE_HOME points."""


def test_lookup_json_shape(indexed: None) -> None:
    result = run("lookup", "行", "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert set(data) == {"query", "entries", "glossary", "glossary_hits", "hsk"}
    assert data["query"] == "行" and data["glossary"] is None and data["hsk"] == 3
    for entry in data["entries"]:
        assert set(entry) == {"traditional", "simplified", "pinyin", "definitions"}
        assert isinstance(entry["definitions"], list) and entry["definitions"]
    assert {e["pinyin"] for e in data["entries"]} == {"xíng", "háng"}  # tone marks


def test_lookup_shows_the_glossary_entry_and_the_standard_asked_for(indexed: None) -> None:
    data = json.loads(run("lookup", "芯粒封裝", "--json").stdout)
    assert data["glossary"]["id"] == "chiplet-packaging"
    assert data["glossary"]["pinyin"] == "xīn lì fēng zhuāng"
    assert json.loads(run("lookup", "長期", "--json", "--hsk", "2021").stdout)["hsk"] == 3
    assert json.loads(run("lookup", "長期", "--json").stdout)["hsk"] == 5


def test_lookup_plain_and_search(indexed: None) -> None:
    plain = run("lookup", "銀行")
    assert plain.returncode == 0
    first, *rest = plain.stdout.splitlines()
    assert first == "銀行  银行  yín háng  HSK 3" and "  bank" in rest
    found = json.loads(run("lookup", "ni3 hao3", "--json").stdout)
    assert found["entries"][0]["simplified"] == "你好" and found["hsk"] is None


def test_lookup_of_nothing_known_exits_1(indexed: None) -> None:
    result = run("lookup", "zzqqx")
    assert result.returncode == 1 and "nothing found" in result.stderr
    assert json.loads(run("lookup", "zzqqx", "--json").stdout)["entries"] == []


def test_impossible_pinyin_is_a_one_line_error(indexed: None) -> None:
    for query, problem in (
        ("ni3hao9", "9 is not a tone (1–5)"),
        ("ni3hqo3", "hqo is not a pinyin syllable"),
    ):
        result = run("lookup", query)
        assert result.returncode == 2 and result.stdout == ""
        assert result.stderr == f"zhread: {query}: {problem}\n"


def test_english_lookup_ranks_the_headword_meaning_first(indexed: None) -> None:
    found = json.loads(run("lookup", "chip", "--json").stdout)["entries"]
    assert found[0]["simplified"] == "芯片"
    assert (
        json.loads(run("lookup", "chángqī", "--json").stdout)["entries"][0]["traditional"] == "長期"
    )


async def test_the_cli_and_the_lookup_screen_find_the_same_glossary_entries(
    indexed: None,
) -> None:
    """One ranking for both: "Observer" finds 觀察者網 (its English is "Guancha (Observer)")
    in the reader's lookup screen and in `zhread lookup`, and the other hits in one order."""
    from tests.apps import sample_app, until, until_ready
    from tui.screens.lookup import LookupScreen

    for query in ("Observer", "chip", "AI"):
        data = json.loads(run("lookup", query, "--json").stdout)
        listed = [hit["hant"] for hit in data["glossary_hits"]]
        app = sample_app()
        async with app.run_test(size=(100, 30)) as pilot:
            await until_ready(pilot)
            screen = LookupScreen(app.dictionary, app.reader.glossary, query)
            app.push_screen(screen)
            await until(
                pilot,
                lambda screen=screen, query=query: screen.hits.query == query,
                f"hits for {query}",
            )
            assert [entry.hant for entry in screen.hits.glossary] == listed
            assert [e.traditional for e in screen.hits.dictionary][:3] == [
                e["traditional"] for e in data["entries"]
            ][:3]
        if query == "Observer":
            assert listed[0] == "觀察者網"
            assert "glossary: 觀察者網  观察者网" in run("lookup", query).stdout


def test_help_has_examples() -> None:
    for command in ("lookup", "export"):
        helped = run(command, "--help")
        assert helped.returncode == 0 and "examples:" in helped.stdout
    overview = run("--help").stdout
    assert "lookup" in overview and "export" in overview


def test_export_errors() -> None:
    empty = run("export", "-o", "words.apkg")
    assert empty.returncode == 2
    assert empty.stderr.startswith("zhread: your word list is empty")
    assert len(empty.stderr.splitlines()) == 1
    unknown = run("export", "-o", "words.doc")
    assert unknown.returncode == 2 and "choose one of apkg, tsv, csv" in unknown.stderr
    missing = run("export")
    assert missing.returncode == 2 and "-o" in missing.stderr


def test_export_writes_the_users_word_list(tmp_path: Path) -> None:
    with WordList.open() as words:  # the same data directory as the subprocess
        words.add("銀行", "银行", "yín háng", "bank", "我去銀行。")
    deck = tmp_path / "words.apkg"
    result = run("export", "-o", str(deck))
    assert result.returncode == 0, result.stderr
    assert "1 word written" in result.stdout
    assert "collection.anki2" in zipfile.ZipFile(deck).namelist()
    table = tmp_path / "words.txt"
    assert run("export", "--format", "tsv", "-o", str(table)).returncode == 0
    assert table.read_text(encoding="utf-8").startswith("银行\t銀行\tyín háng\tbank\t")
