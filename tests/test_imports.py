"""`zhread import`: Pleco and Anki exports read for their words, and the words given a
learning state in the user's real word list."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tui.cli import COMMANDS, commands_help, main
from tui.core.errors import ZhreadError
from tui.core.learning.imports import parse, sniff, word_in
from tui.core.learning.states import State
from tui.store.wordlist import WordList

DATA = Path(__file__).parent / "data" / "imports"
PLECO = DATA / "pleco-flashcards.txt"
ANKI = DATA / "anki-notes.txt"

PLECO_WORDS = ["银行", "你好", "长期", "图书馆", "打招呼", "女儿"]


def text_of(path: Path) -> str:
    return path.read_text(encoding="utf-8")


# --- parsing -------------------------------------------------------------------------------


def test_a_pleco_export() -> None:
    parsed = parse(text_of(PLECO))
    assert parsed.format == "pleco"
    assert parsed.words == PLECO_WORDS  # 银行 twice (two categories), kept once
    assert [(found.word, found.line) for found in parsed.found][:2] == [("银行", 2), ("你好", 3)]
    assert [(item.line, item.reason) for item in parsed.unread] == [
        (7, "no Chinese"),  # English between Pleco's private-use formatting codes
        (8, "no Chinese"),  # an empty headword
        (9, "no single word (a sentence?)"),
    ]
    assert parsed.unread[1].text == "kong1 an empty headword"


def test_an_anki_notes_export_with_headers() -> None:
    """The guid, note type, deck and tags columns are Anki's own: the deck 中文::HSK 3 is
    never taken for a word. A quoted field runs over two lines, so later line numbers
    count both."""
    parsed = parse(text_of(ANKI))
    assert parsed.format == "anki"
    assert parsed.words == ["银行", "圖書館", "打招呼", "讨论", "長期"]
    assert [found.line for found in parsed.found] == [7, 8, 9, 11, 14]
    assert [(item.line, item.reason) for item in parsed.unread] == [
        (12, "no Chinese"),
        (13, "no single word (a sentence?)"),
    ]


def test_an_anki_export_without_headers_is_told_by_its_html() -> None:
    text = text_of(DATA / "anki-notes-no-headers.txt")
    assert sniff(text) == "anki"
    parsed = parse(text)
    assert parsed.words == ["学校", "老师"] and [u.line for u in parsed.unread] == [3]


def test_the_format_can_be_named() -> None:
    """Read as Anki's, Pleco's category lines are lines with no word."""
    parsed = parse(text_of(PLECO), "anki")
    assert parsed.format == "anki" and parsed.words == PLECO_WORDS
    assert [item.line for item in parsed.unread][:2] == [1, 5]
    with pytest.raises(ZhreadError, match="format 'xml'"):
        parse("银行", "xml")


def test_a_separator_named_in_the_header() -> None:
    text = "#separator:semicolon\n#html:false\n#columns:Front;Back\n<b>;银行\n"
    parsed = parse(text)
    assert parsed.format == "anki"
    assert parsed.words == ["银行"] and not parsed.unread  # html:false: <b> is text


def test_plecos_xml_export_is_named() -> None:
    with pytest.raises(ZhreadError, match="Pleco's XML export is not read"):
        parse('<?xml version="1.0" encoding="UTF-8"?>\n<plecoflash formatversion="2">')


@pytest.mark.parametrize(
    ("field", "word"),
    [
        ("银行[銀行]", "银行"),  # Pleco: Simplified[Traditional]
        ("[銀行]", "銀行"),
        ("銀行（银行）", "銀行"),  # zhread's own Anki export
        ("银行 / 銀行", "银行"),
        ("<b>银行</b>", "银行"),
        ('<span style="color: #d00000">銀</span><span>行</span>', "銀行"),
        ("<ruby>銀<rt>yín</rt>行<rt>háng</rt></ruby>", "銀行"),
        ("<ruby>銀行<rp>(</rp><rt>yínháng</rt><rp>)</rp></ruby>", "銀行"),
        ("銀[yín] 行[háng]", "銀行"),  # Anki's ruby syntax
        ("银行[yin2 hang2]", "银行"),
        ("银行 (bank)", "银行"),
        ("&nbsp;银行&nbsp;<br>", "银行"),
        ("<div>银行</div><div>yínháng</div>", "银行"),
        ("银行[sound:yinhang.mp3]", "银行"),
        ("我去{{c1::银行}}存钱。", "银行"),
        ("我们{{c1::讨论::to discuss}}了", "讨论"),
        ("卡拉OK", "卡拉OK"),
        ("马克·吐温", "马克·吐温"),
        ("我去银行存钱。", None),
        ("银行 存钱", None),
        ("bank", None),
        ("", None),
        ("一二三四五六七八九十一二三", None),  # longer than a word
    ],
)
def test_the_word_of_a_field(field: str, word: str | None) -> None:
    assert word_in(field) == word


# --- the command ---------------------------------------------------------------------------


def states() -> dict[str, State]:
    with WordList.open() as words:
        return words.states()


def test_import_marks_the_words_known(capsys) -> None:
    assert main(["import", str(PLECO)]) == 0
    out = capsys.readouterr().out
    assert out.count("\n") == 1
    assert out.startswith("6 words read from the Pleco export, 6 newly known, 0 skipped; ")
    assert "3 lines not understood (line 7: no Chinese: " in out
    assert "line 9: no single word (a sentence?): '我昨天去银行存钱了。" in out
    assert states() == dict.fromkeys(PLECO_WORDS, State.KNOWN)


def test_words_are_kept_by_their_simplified_form() -> None:
    """A Traditional list (Big5, as Pleco can save it) marks the words in both scripts."""
    assert main(["import", str(DATA / "pleco-big5.txt")]) == 0
    assert set(states()) == {"学习", "电脑", "觉得", "台湾"}
    with WordList.open() as words:
        assert words.state_of("學習") is State.KNOWN and words.state_of("学习") is State.KNOWN


def test_a_gb18030_export_is_read(capsys) -> None:
    assert main(["import", str(DATA / "pleco-gb18030.txt"), "--state", "learning3"]) == 0
    assert "3 now learning 3" in capsys.readouterr().out
    assert states() == dict.fromkeys(["学习", "电脑", "觉得"], State.LEARNING_3)


def test_words_in_a_state_are_kept_unless_overwritten(capsys) -> None:
    with WordList.open() as words:
        words.set_state("銀行", State.LEARNING_2)
        words.set_state("图书馆", State.IGNORED)
        words.set_state("你好", State.KNOWN)
        words.set_state("长期", State.SEEN)  # only read past: the import decides
    assert main(["import", str(PLECO)]) == 0
    assert "6 words read from the Pleco export, 3 newly known, 3 skipped (already in a state; " in (
        capsys.readouterr().out
    )
    assert states()["银行"] is State.LEARNING_2 and states()["图书馆"] is State.IGNORED
    assert states()["长期"] is State.KNOWN
    assert main(["import", str(PLECO), "--overwrite"]) == 0
    assert ", 2 newly known, 4 skipped (already known)" in capsys.readouterr().out
    assert set(states().values()) == {State.KNOWN}


def test_a_dry_run_prints_the_changes_and_writes_nothing(capsys) -> None:
    with WordList.open() as words:
        words.set_state("银行", State.LEARNING_1)
    assert main(["import", str(ANKI), "--dry-run", "--state", "learning4"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[:4] == [
        "圖書館\tnew -> learning 4",
        "打招呼\tnew -> learning 4",
        "讨论\tnew -> learning 4",
        "長期\tnew -> learning 4",
    ]
    assert lines[4].startswith(
        "dry run, nothing written: 5 words read from the Anki export, 4 would be learning 4, "
        "1 skipped"
    )
    assert states() == {"银行": State.LEARNING_1}


@pytest.mark.parametrize(
    ("make", "problem"),
    [
        (lambda d: d / "missing.txt", "no such file"),
        (lambda d: d, "is a directory"),
        (lambda d: write(d / "x.bin", bytes(range(256)) * 8), "not a text file (looks binary)"),
        (lambda d: write(d / "e.txt", b""), "file is empty"),
        (lambda d: zipped(d / "deck.apkg"), "a zip archive (an Anki .apkg?)"),
        (lambda d: write(d / "en.txt", b"apple\tpomme\npear\tpoire\n"), "not a Pleco export"),
        (
            lambda d: write(d / "readme.txt", "# Notes\n\nSome words.\n银行\n".encode()),
            "no word on",
        ),
    ],
)
def test_bad_input_is_one_line_naming_the_file(tmp_path: Path, capsys, make, problem) -> None:
    path = make(tmp_path)
    assert main(["import", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"zhread: {path}: ") and problem in err and err.count("\n") == 1
    assert states() == {}


def test_a_wrong_encoding_is_named(capsys) -> None:
    assert main(["import", str(PLECO), "--encoding", "big5"]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"zhread: {PLECO}: does not decode as cp950") and err.count("\n") == 1


def test_the_command_is_listed_with_examples(capsys) -> None:
    assert "import" in COMMANDS and "  import " in commands_help()
    with pytest.raises(SystemExit):
        main(["import", "--help"])
    assert "examples:" in capsys.readouterr().out


def write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def zipped(path: Path) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("collection.anki2", b"SQLite format 3\x00")
    return path


def test_import_loads_no_ui() -> None:
    """Like every subcommand, the import runs where no terminal UI library is wanted."""
    script = (
        "import io, contextlib, sys\n"
        "from tui.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    assert main(['import', {str(PLECO)!r}]) == 0\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich'))\n"
        "assert not bad, bad\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
