"""The word list: saving, refreshing, forgetting and knowing words, durable across crashes
and shared by two processes, with a damaged file moved aside rather than lost."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tui.core import userdirs
from tui.store.wordlist import Word, WordList


@pytest.fixture
def words(tmp_path: Path):
    with WordList.open(tmp_path / "words.sqlite3") as opened:
        yield opened


def test_the_default_place_is_the_data_directory() -> None:
    with WordList.open() as opened:
        assert opened.path == userdirs.data_dir() / "wordlist.sqlite3"
        assert opened.path.exists() and opened.note is None


def test_add_then_add_again_refreshes_without_duplicating(words: WordList) -> None:
    assert words.add("銀行", "银行", "yín háng", "bank", "我去銀行。", "news.txt") is True
    assert words.add("銀行", "银行", "", "bank; CL:家", "", "") is False
    (word,) = words.entries()
    assert isinstance(word, Word)
    assert (word.hant, word.hans, word.pinyin, word.definition, word.sentence, word.source) == (
        "銀行",
        "银行",
        "yín háng",
        "bank; CL:家",
        "我去銀行。",
        "news.txt",
    )
    assert word.added <= word.updated
    assert words.add("乾", "干", "gān", "dry") is True  # another word, though 干 is shared
    assert [w.hant for w in words.entries()] == ["銀行", "乾"] and len(words) == 2


def test_update_and_remove(words: WordList) -> None:
    words.add("長期", "长期", "cháng qī", "long term", "長期計劃")
    assert words.update("長期", "长期", sentence="", definition="long-term") is True
    (word,) = words.entries()
    assert (word.definition, word.sentence, word.pinyin) == ("long-term", "", "cháng qī")
    assert words.update("不在", "不在", definition="x") is False
    assert words.remove("長期", "长期") is True
    assert words.remove("長期", "长期") is False
    assert words.entries() == []


def test_an_empty_word_is_refused(words: WordList) -> None:
    with pytest.raises(ValueError, match="must not be empty"):
        words.add("  ", "")


def test_known_words_in_either_script(words: WordList) -> None:
    assert words.mark_known("銀行") is True
    assert words.mark_known("银行") is False  # the same word
    assert words.is_known("銀行") and words.is_known("银行")
    assert words.known_words() == {"银行"}
    assert words.unmark_known("銀行") is True
    assert not words.is_known("银行") and words.known_words() == set()


def test_everything_survives_reopening_and_the_file_is_wal(tmp_path: Path) -> None:
    path = tmp_path / "words.sqlite3"
    with WordList.open(path) as first:
        first.add("你好", "你好", "nǐ hǎo", "hello")
        first.mark_known("謝謝")
    with WordList.open(path) as second:
        assert [w.hans for w in second.entries()] == ["你好"]
        assert second.known_words() == {"谢谢"}
    with sqlite3.connect(path) as raw:
        assert raw.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_a_damaged_file_is_moved_aside_and_a_new_list_started(tmp_path: Path) -> None:
    path = tmp_path / "words.sqlite3"
    damaged = b"SQLite format 3\x00" + os.urandom(4080)
    path.write_bytes(damaged)
    with WordList.open(path) as words:
        assert words.note and "moved to" in words.note
        assert words.entries() == []
        words.add("新", "新")
    (aside,) = tmp_path.glob("words.sqlite3.corrupt-*")
    assert aside.read_bytes() == damaged and aside.name in words.note


def test_a_file_that_is_not_a_database_is_kept_too(tmp_path: Path) -> None:
    path = tmp_path / "words.sqlite3"
    path.write_text("my notes, not a database\n" * 200)
    with WordList.open(path) as words:
        assert words.note
    (aside,) = tmp_path.glob("words.sqlite3.corrupt-*")
    assert aside.read_text().startswith("my notes")


# --- several processes ---------------------------------------------------------------------

WRITER = """
import sys, time
from pathlib import Path
from tui.store.wordlist import WordList
path, prefix, count, together = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
with WordList.open(path) as words:
    ready = Path(path).with_name("ready-" + prefix)
    ready.touch()
    deadline = time.monotonic() + 30
    while len(list(ready.parent.glob("ready-*"))) < together and time.monotonic() < deadline:
        time.sleep(0.005)  # start writing only when the other writer is ready too
    for i in range(count):
        words.add(f"{prefix}{i}", f"{prefix}{i}", sentence="x" * 100)
        if i % 3 == 0:
            words.mark_known(f"{prefix}{i}")
        print(i, flush=True)  # only after the commit has returned
"""


def writer(path: Path, prefix: str, count: int, together: int = 1) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", WRITER, str(path), prefix, str(count), str(together)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_two_processes_writing_at_once_lose_nothing(tmp_path: Path) -> None:
    path = tmp_path / "words.sqlite3"
    WordList.open(path).close()
    procs = [writer(path, prefix, 300, together=2) for prefix in ("甲", "乙")]
    for proc in procs:
        _, err = proc.communicate(timeout=60)
        assert proc.returncode == 0, err
    with WordList.open(path) as words:
        saved = {w.hant for w in words.entries()}
        assert saved == {f"{p}{i}" for p in ("甲", "乙") for i in range(300)}
        assert len(words.known_words()) == 2 * 100


def test_a_killed_process_loses_nothing_it_confirmed(tmp_path: Path) -> None:
    path = tmp_path / "words.sqlite3"
    confirmed: set[str] = set()
    for round_number in range(5):
        prefix = f"殺{round_number}-"
        proc = writer(path, prefix, 100_000)
        assert proc.stdout is not None
        for lines, line in enumerate(proc.stdout, start=1):
            confirmed.add(f"{prefix}{int(line)}")
            if lines >= 20 + 7 * round_number:
                break
        proc.send_signal(signal.SIGKILL)
        proc.communicate(timeout=30)
        assert proc.returncode == -signal.SIGKILL
        with WordList.open(path) as words:
            assert words.note is None
            saved = {w.hant for w in words.entries()}
        assert confirmed <= saved
