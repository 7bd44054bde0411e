"""Exports of the word list: an Anki package that Anki's own database format can read, and
TSV/CSV with the columns other tools expect."""

from __future__ import annotations

import csv
import json
import sqlite3
import zipfile
from datetime import datetime
from pathlib import Path
from typing import Any

import genanki
import pytest

from tui.cli import main
from tui.core.errors import ZhreadError
from tui.store.export import CSV_HEADER, DECK_NAME, PLECO_HEADER, ToneScheme, export, format_for
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


def models_in(conn: sqlite3.Connection) -> dict[str, dict[str, Any]]:
    """The note types of a collection, by name."""
    models = json.loads(conn.execute("SELECT models FROM col").fetchone()[0])
    return {model["name"]: model for model in models.values()}


def fields_by_type(conn: sqlite3.Connection) -> dict[str, list[list[str]]]:
    """Each note type's notes, as lists of fields, oldest word first."""
    names = {int(model["id"]): name for name, model in models_in(conn).items()}
    found: dict[str, list[list[str]]] = {name: [] for name in names.values()}
    for mid, flds in conn.execute("SELECT mid, flds FROM notes ORDER BY id"):
        found[names[mid]].append(flds.split("\x1f"))
    return found


BANK_READING = '<span class="tone2">yín</span> <span class="tone2">háng</span>'


def test_apkg_holds_a_basic_note_per_word(words: list[Word], tmp_path: Path) -> None:
    target = tmp_path / "deck.apkg"
    assert export(words, "apkg", target) == 3
    _, conn = notes_in(target, tmp_path)
    basic = fields_by_type(conn)["zhread word"]
    assert basic[0] == [
        "銀行（银行）",
        BANK_READING,
        "bank",
        '我去&lt;<b class="word">銀行</b>&gt;存錢。<br>第二行',
    ]
    assert basic[1] == [
        "你好",
        '<span class="tone3">nǐ</span> <span class="tone3">hǎo</span>',
        "hello; hi",
        "",
    ]
    model = models_in(conn)["zhread word"]
    assert [f["name"] for f in model["flds"]] == ["Hanzi", "Pinyin", "Definition", "Sentence"]
    assert "{{Hanzi}}" in model["tmpls"][0]["qfmt"] and "{{Pinyin}}" in model["tmpls"][0]["afmt"]
    decks = json.loads(conn.execute("SELECT decks FROM col").fetchone()[0])
    assert DECK_NAME in {deck["name"] for deck in decks.values()}
    conn.close()


def test_apkg_holds_a_cloze_note_per_word_found_in_its_sentence(
    words: list[Word], tmp_path: Path
) -> None:
    """你好 has no sentence and 銀行 is in Simplified in its sentence; 上海 is not in its own."""
    with WordList.open(tmp_path / "more.sqlite3") as saved:
        saved.add("銀行", "银行", "yín háng", "bank", "我去银行{存钱}。")
        saved.add("上海", "上海", "shàng hǎi", "Shanghai", "他住在北京。")
        saved.add("長期", "长期", "cháng qī", "long-term", "長期計劃，长期目标")
        more = saved.entries()
    target = tmp_path / "deck.apkg"
    export(more, "apkg", target)
    _, conn = notes_in(target, tmp_path)
    cloze = fields_by_type(conn)["zhread cloze"]
    assert cloze == [
        ["我去{{c1::银行}}&#123;存钱&#125;。", "銀行（银行）", BANK_READING, "bank"],
        [
            "{{c1::長期}}計劃，{{c1::长期}}目标",
            "長期（长期）",
            '<span class="tone2">cháng</span> <span class="tone1">qī</span>',
            "long-term",
        ],
    ]
    model = models_in(conn)["zhread cloze"]
    assert model["type"] == 1  # Anki's cloze kind: one card per cloze number
    assert [f["name"] for f in model["flds"]] == ["Text", "Hanzi", "Pinyin", "Definition"]
    assert "{{cloze:Text}}" in model["tmpls"][0]["qfmt"]
    cards = conn.execute("SELECT n.mid, c.ord FROM cards c JOIN notes n ON n.id = c.nid")
    assert sorted(ord for _, ord in cards) == [0] * 5  # 3 basic cards, 2 cloze cards
    conn.close()


def test_the_notes_option_chooses_the_note_types(words: list[Word], tmp_path: Path) -> None:
    export(words, "apkg", tmp_path / "cloze.apkg", notes=("cloze",))
    _, conn = notes_in(tmp_path / "cloze.apkg", tmp_path / "a")
    assert {name: len(notes) for name, notes in fields_by_type(conn).items()} == {"zhread cloze": 2}
    conn.close()
    export(words, "apkg", tmp_path / "basic.apkg", notes=("basic",))
    _, conn = notes_in(tmp_path / "basic.apkg", tmp_path / "b")
    assert {name: len(notes) for name, notes in fields_by_type(conn).items()} == {"zhread word": 3}
    conn.close()


@pytest.mark.parametrize(
    ("tones", "first_tone"),
    [("pleco", "#d00000"), ("mdbg", "#d61f25"), ("none", None)],
)
def test_tone_colours_follow_the_scheme(
    words: list[Word], tmp_path: Path, tones: ToneScheme, first_tone: str | None
) -> None:
    export(words, "apkg", tmp_path / "deck.apkg", tones=tones)
    _, conn = notes_in(tmp_path / "deck.apkg", tmp_path)
    css = models_in(conn)["zhread word"]["css"]
    reading = fields_by_type(conn)["zhread word"][0][1]
    conn.close()
    if first_tone is None:
        assert reading == "yín háng" and ".tone1" not in css
    else:
        assert reading == BANK_READING
        assert f".tone1 {{ color: {first_tone}; }}" in css
        assert ".nightMode .tone1" in css  # lighter colours on Anki's dark background


def test_fields_are_escaped_except_zhreads_markup(tmp_path: Path) -> None:
    with WordList.open(tmp_path / "w.sqlite3") as saved:
        saved.add("<b>", "<b>", "", "a & b <i>x</i>", "say <b> & go")
        entries = saved.entries()
    export(entries, "apkg", tmp_path / "deck.apkg")
    _, conn = notes_in(tmp_path / "deck.apkg", tmp_path)
    fields = fields_by_type(conn)
    conn.close()
    assert fields["zhread word"][0] == [
        "&lt;b&gt;",
        "",
        "a &amp; b &lt;i&gt;x&lt;/i&gt;",
        'say <b class="word">&lt;b&gt;</b> &amp; go',
    ]
    assert fields["zhread cloze"][0][0] == "say {{c1::&lt;b&gt;}} &amp; go"


def package_ids(package: Path, tmp_path: Path) -> dict[str, list[Any]]:
    _, conn = notes_in(package, tmp_path)
    ids: dict[str, list[Any]] = {
        "notes": conn.execute("SELECT guid, id, mid FROM notes ORDER BY id").fetchall(),
        "cards": conn.execute("SELECT id, nid, did, ord FROM cards ORDER BY id").fetchall(),
        "definitions": [fields[2] for fields in fields_by_type(conn)["zhread word"]],
    }
    conn.close()
    return ids


def test_a_reexport_updates_the_same_notes(tmp_path: Path) -> None:
    """Anki matches notes by guid: a changed definition must come back under the same guid,
    note id and note type, so the import updates the note (and keeps its reviews)."""
    with WordList.open(tmp_path / "w.sqlite3") as saved:
        saved.add("銀行", "银行", "yín háng", "bank", "我去銀行。")
        saved.add("你好", "你好", "nǐ hǎo", "hello", "你好嗎？")
        export(saved.entries(), "apkg", tmp_path / "first.apkg")
        saved.update("銀行", "银行", definition="bank; financial institution")
        export(saved.entries(), "apkg", tmp_path / "second.apkg")
        added = saved.entries()[0].added
    first = package_ids(tmp_path / "first.apkg", tmp_path / "1")
    second = package_ids(tmp_path / "second.apkg", tmp_path / "2")
    assert first["notes"] == second["notes"] and first["cards"] == second["cards"]
    assert first["definitions"] == ["bank", "hello"]
    assert second["definitions"] == ["bank; financial institution", "hello"]
    notes = second["notes"]
    assert len(notes) == 4  # a basic and a cloze note each
    guids = [guid for guid, _, _ in notes]
    assert len(set(guids)) == 4
    # the basic note keeps the guid earlier zhread versions gave it, so old decks update
    assert genanki.guid_for("銀行", "银行") in guids
    # a note's id is the moment the word was saved: Anki shows it as the date added
    saved_ms = int(datetime.fromisoformat(added).timestamp()) * 1000
    assert all(0 <= note_id - saved_ms < 2000 for _, note_id, _ in notes)


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


def test_tsv_in_plecos_order(words: list[Word], tmp_path: Path) -> None:
    """Pleco's flashcard import: 简体[繁體] when the scripts differ, numbered pinyin."""
    target = tmp_path / "pleco.txt"
    export(words, "tsv", target, order="pleco")
    lines = target.read_bytes().decode("utf-8").split("\r\n")
    assert [line.split("\t") for line in lines[:-1]] == [
        ["银行[銀行]", "yin2hang2", "bank"],
        ["你好", "ni3hao3", "hello; hi"],
        ["长期[長期]", "chang2qi1", "long term"],
    ]


def test_pleco_pinyin_keeps_spaces_around_what_is_not_a_syllable(tmp_path: Path) -> None:
    with WordList.open(tmp_path / "w.sqlite3") as saved:
        saved.add("卡拉OK", "卡拉OK", "kǎ lā OK", "karaoke")
        saved.add("女兒", "女儿", "nǚ ér", "daughter")
        saved.add("了", "了", "le", "(particle)")
        entries = saved.entries()
    export(entries, "tsv", tmp_path / "pleco.txt", order="pleco")
    rows = [line.split("\t") for line in (tmp_path / "pleco.txt").read_text("utf-8").splitlines()]
    assert [row[1] for row in rows] == ["ka3 la1 OK", "nu:3er2", "le5"]


def test_csv_in_plecos_order(words: list[Word], tmp_path: Path) -> None:
    target = tmp_path / "pleco.csv"
    export(words, "csv", target, order="pleco")
    with target.open(encoding="utf-8", newline="") as stream:
        rows = list(csv.reader(stream))
    assert tuple(rows[0]) == PLECO_HEADER
    assert rows[1:] == [
        ["银行[銀行]", "yin2hang2", "bank"],
        ["你好", "ni3hao3", "hello; hi"],
        ["长期[長期]", "chang2qi1", "long\tterm"],
    ]


# --- the command ---------------------------------------------------------------------------


@pytest.fixture
def saved_words() -> None:
    """The user's own word list (the test's data directory), as `zhread export` reads it."""
    with WordList.open() as saved:
        saved.add("銀行", "银行", "yín háng", "bank", "我去銀行。")
        saved.add("你好", "你好", "nǐ hǎo", "hello")


def test_export_command_options(saved_words: None, tmp_path: Path, capsys) -> None:
    deck = tmp_path / "words.apkg"
    assert main(["export", "-o", str(deck), "--notes", "cloze", "--tones", "mdbg"]) == 0
    assert capsys.readouterr().out == f"2 words written to {deck} (apkg: cloze notes)\n"
    _, conn = notes_in(deck, tmp_path)
    assert list(fields_by_type(conn)) == ["zhread cloze"]
    assert "#d61f25" in models_in(conn)["zhread cloze"]["css"]
    conn.close()
    table = tmp_path / "pleco.txt"
    assert main(["export", "--format", "tsv", "--order", "pleco", "-o", str(table)]) == 0
    assert table.read_bytes().decode().startswith("银行[銀行]\tyin2hang2\tbank\r\n")
    assert "(tsv, pleco order)" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["-o", "w.apkg", "--order", "pleco"], "--order is for tsv and csv"),
        (["-o", "w.tsv", "--notes", "basic"], "--notes: only for Anki decks (apkg), not tsv"),
        (["-o", "w.csv", "--tones", "none"], "--tones: only for Anki decks (apkg), not csv"),
    ],
)
def test_options_for_another_format_are_refused(
    saved_words: None, args: list[str], message: str, capsys, tmp_path: Path
) -> None:
    args = [str(tmp_path / arg) if arg.startswith("w.") else arg for arg in args]
    assert main(["export", *args]) == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1
    assert not list(tmp_path.glob("w.*"))  # refused before anything is written


def test_an_unknown_note_kind_is_a_usage_error(capsys, tmp_path: Path) -> None:
    with pytest.raises(SystemExit) as exit:
        main(["export", "-o", str(tmp_path / "w.apkg"), "--notes", "basic,reverse"])
    assert exit.value.code == 2
    assert "'reverse': choose basic, cloze or basic,cloze" in capsys.readouterr().err
