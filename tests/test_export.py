"""Exports of the word list: an Anki package that Anki's own database format can read, and
TSV/CSV with the columns other tools expect."""

from __future__ import annotations

import csv
import json
import sqlite3
import zipfile
from pathlib import Path

import pytest

from tui.core.errors import ZhreadError
from tui.store.export import CSV_HEADER, DECK_NAME, export, format_for
from tui.store.wordlist import Word, WordList


@pytest.fixture
def words(tmp_path: Path) -> list[Word]:
    with WordList.open(tmp_path / "words.sqlite3") as saved:
        saved.add("銀行", "银行", "yín háng", "bank", "我去<銀行>存錢。\n第二行", "news.txt")
        saved.add("你好", "你好", "nǐ hǎo", "hello; hi")
        saved.add("長期", "长期", "cháng qī", "long\tterm", "長期計劃")
        return saved.entries()


def notes_in(package: Path, tmp_path: Path) -> tuple[list[tuple[str, str]], sqlite3.Connection]:
    with zipfile.ZipFile(package) as archive:
        assert "collection.anki2" in archive.namelist()
        archive.extract("collection.anki2", tmp_path / "unzipped")
    conn = sqlite3.connect(tmp_path / "unzipped" / "collection.anki2")
    return conn.execute("SELECT flds, guid FROM notes ORDER BY id").fetchall(), conn


def test_apkg_holds_one_note_per_word(words: list[Word], tmp_path: Path) -> None:
    target = tmp_path / "deck.apkg"
    assert export(words, "apkg", target) == 3
    notes, conn = notes_in(target, tmp_path)
    fields = [flds.split("\x1f") for flds, _ in notes]
    assert fields[0] == ["銀行（银行）", "yín háng", "bank", "我去&lt;銀行&gt;存錢。<br>第二行"]
    assert fields[1] == ["你好", "nǐ hǎo", "hello; hi", ""]
    assert conn.execute("SELECT count(*) FROM cards").fetchone()[0] == 3
    models = json.loads(conn.execute("SELECT models FROM col").fetchone()[0])
    (model,) = models.values()
    assert [f["name"] for f in model["flds"]] == ["Hanzi", "Pinyin", "Definition", "Sentence"]
    assert "{{Hanzi}}" in model["tmpls"][0]["qfmt"] and "{{Pinyin}}" in model["tmpls"][0]["afmt"]
    decks = json.loads(conn.execute("SELECT decks FROM col").fetchone()[0])
    assert DECK_NAME in {deck["name"] for deck in decks.values()}
    conn.close()


def test_apkg_ids_are_stable_so_a_reimport_updates(words: list[Word], tmp_path: Path) -> None:
    def ids(name: str) -> tuple[object, ...]:
        export(words, "apkg", tmp_path / name)
        notes, conn = notes_in(tmp_path / name, tmp_path / name.replace(".", "-"))
        mid = conn.execute("SELECT DISTINCT mid FROM notes").fetchall()
        did = conn.execute("SELECT DISTINCT did FROM cards").fetchall()
        conn.close()
        return [guid for _, guid in notes], mid, did

    assert ids("first.apkg") == ids("second.apkg")


def test_tsv_has_zhongwen_columns(words: list[Word], tmp_path: Path) -> None:
    target = tmp_path / "words.txt"
    export(words, "tsv", target)
    data = target.read_bytes().decode("utf-8")
    lines = data.split("\r\n")
    assert lines[-1] == "" and len(lines) == 4  # CRLF after each word, no header
    rows = [line.split("\t") for line in lines[:-1]]
    assert rows[0] == ["银行", "銀行", "yín háng", "bank", "我去<銀行>存錢。 第二行"]
    assert rows[2] == ["长期", "長期", "cháng qī", "long term", "長期計劃"]
    assert all(len(row) == 5 for row in rows)


def test_csv_has_a_header_and_keeps_every_field(words: list[Word], tmp_path: Path) -> None:
    target = tmp_path / "words.csv"
    export(words, "csv", target)
    with target.open(encoding="utf-8", newline="") as stream:
        rows = list(csv.reader(stream))
    assert tuple(rows[0]) == CSV_HEADER
    assert rows[1][:6] == [
        "银行",
        "銀行",
        "yín háng",
        "bank",
        "我去<銀行>存錢。\n第二行",
        "news.txt",
    ]
    assert rows[1][6] == words[0].added and len(rows) == 4


def test_the_format_comes_from_the_suffix_when_not_given(tmp_path: Path) -> None:
    assert format_for(tmp_path / "a.APKG", None) == "apkg"
    assert format_for(tmp_path / "a.txt", "tsv") == "tsv"
    with pytest.raises(ZhreadError, match="choose one of apkg, tsv, csv"):
        format_for(tmp_path / "a.txt", None)
    with pytest.raises(ZhreadError, match="'xlsx'"):
        export([], "xlsx", tmp_path / "a.xlsx")


def test_a_failed_export_leaves_no_temporary_file(words: list[Word], tmp_path: Path) -> None:
    target = tmp_path / "taken"
    target.mkdir()  # a directory where the file should go: the final rename fails
    with pytest.raises(ZhreadError, match="cannot write the export"):
        export(words, "csv", target)
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []
    with pytest.raises(ZhreadError, match="cannot write the export"):
        export(words, "tsv", tmp_path / "missing" / "words.txt")


def test_an_export_replaces_an_older_one_whole(words: list[Word], tmp_path: Path) -> None:
    target = tmp_path / "words.csv"
    target.write_text("old content\n")
    export(words[:1], "csv", target)
    assert "old content" not in target.read_text(encoding="utf-8")
    assert len(target.read_text(encoding="utf-8").splitlines()) == 3  # header, 2-line sentence
