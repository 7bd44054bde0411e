"""A word list written by an older zhread (schema 1, ``tests/data/stores``) opened by this
one: every word, sentence and known word is kept, the known words become the KNOWN state,
every saved word gets a card; and an upgrade that fails half-way leaves the old file as it
was. The tests open copies: the stored file is never changed."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
import threading
from datetime import UTC, datetime
from pathlib import Path

import pytest

from tui.core.errors import ZhreadError
from tui.core.learning.states import State
from tui.store.reviews import Reviews
from tui.store.wordlist import WordList

OLD = Path(__file__).parent / "data" / "stores" / "wordlist-v1.sqlite3"
KNOWN = {"银行", "朋友", "工作", "谢谢"}
WORD_COLUMNS = "hant, hans, pinyin, definition, sentence, source, added, updated, id"


def raw(path: Path, query: str) -> list[tuple[object, ...]]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(query).fetchall()
    finally:
        conn.close()


@pytest.fixture
def old(tmp_path: Path) -> Path:
    copy = tmp_path / "wordlist.sqlite3"
    shutil.copyfile(OLD, copy)
    return copy


def test_the_stored_file_is_what_an_old_zhread_wrote() -> None:
    assert raw(OLD, "PRAGMA user_version") == [(1,)]
    assert {row[0] for row in raw(OLD, "SELECT word FROM known")} == KNOWN
    assert len(raw(OLD, "SELECT * FROM words")) == 6


def test_every_word_sentence_and_known_word_survives(old: Path) -> None:
    saved = raw(old, f"SELECT {WORD_COLUMNS} FROM words ORDER BY id")
    fixture_hash = hashlib.sha256(OLD.read_bytes()).hexdigest()
    with WordList.open(old) as words:
        assert words.note is None
        assert [tuple(vars_of(w)) for w in words.entries()] == saved
        assert ("乾", "干", "") in [(w.hant, w.hans, w.sentence) for w in words.entries()]
        assert words.known_words() == KNOWN
        assert words.is_known("銀行")
    assert hashlib.sha256(OLD.read_bytes()).hexdigest() == fixture_hash
    assert raw(old, "PRAGMA user_version") == [(2,)]
    assert raw(old, "SELECT name FROM sqlite_master WHERE name = 'known'") == []


def vars_of(word: object) -> list[object]:
    return [getattr(word, name.strip()) for name in WORD_COLUMNS.split(",")]


def test_saved_words_are_being_learnt_unless_known_and_all_have_cards(old: Path) -> None:
    before = datetime.now(UTC)
    with WordList.open(old) as words:
        assert words.states() == {
            "银行": State.KNOWN,  # known and saved: stays known
            "学习": State.LEARNING_1,
            "干": State.LEARNING_1,
            "计划": State.LEARNING_1,
            "电脑": State.LEARNING_1,
            "觉得": State.LEARNING_1,
            "朋友": State.KNOWN,
            "工作": State.KNOWN,
            "谢谢": State.KNOWN,
        }
        queue = Reviews(words).due(datetime.now(UTC))
        assert [due.word for due in queue] == words.entries()  # due at once, in saved order
        assert all(before.replace(microsecond=0) <= due.card.due for due in queue)
        assert {due.card.card_id for due in queue} == {w.id for w in words.entries()}
        assert all(due.card.stability is None for due in queue)


def test_the_upgrade_happens_once(old: Path) -> None:
    with WordList.open(old) as words:
        words.set_state("學習", State.LEARNING_3)
        cards = raw(old, "SELECT word_id, due, card FROM cards ORDER BY word_id")
    with WordList.open(old) as words:
        assert words.state_of("学习") is State.LEARNING_3
    assert raw(old, "SELECT word_id, due, card FROM cards ORDER BY word_id") == cards


def test_zhread_opening_the_old_file_at_once_twice_upgrades_it_once(old: Path) -> None:
    start = threading.Barrier(4)
    opened: list[WordList] = []

    def open_it() -> None:
        start.wait()
        opened.append(WordList.open(old))

    threads = [threading.Thread(target=open_it) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(opened) == 4 and all(words.note is None for words in opened)
    assert {len(Reviews(words).due(datetime.now(UTC))) for words in opened} == {6}
    for words in opened:
        words.close()
    assert raw(old, "SELECT count(*) FROM cards") == [(6,)]


def test_an_upgrade_that_fails_half_way_leaves_the_old_file(old: Path) -> None:
    """The known words are moved first; refusing one of them makes the upgrade fail after
    the new tables were created, and all of it is rolled back."""
    with sqlite3.connect(old) as conn:
        conn.execute("CREATE TABLE states(word TEXT PRIMARY KEY, state TEXT, updated TEXT)")
        conn.execute(
            "CREATE TRIGGER refuse BEFORE INSERT ON states WHEN new.word = '谢谢' "
            "BEGIN SELECT RAISE(ABORT, 'refused'); END"
        )
    conn.close()
    words_before = raw(old, "SELECT * FROM words ORDER BY id")
    with pytest.raises(ZhreadError, match="cannot upgrade your word list, left as it was"):
        WordList.open(old)
    assert raw(old, "PRAGMA user_version") == [(1,)]
    assert raw(old, "PRAGMA integrity_check") == [("ok",)]
    assert raw(old, "SELECT * FROM words ORDER BY id") == words_before
    assert {row[0] for row in raw(old, "SELECT word FROM known")} == KNOWN
    assert raw(old, "SELECT count(*) FROM states") == [(0,)]
    assert raw(old, "SELECT name FROM sqlite_master WHERE name IN ('cards', 'reviews')") == []
    assert list(old.parent.glob("*.corrupt-*")) == []  # not taken for a damaged file

    with sqlite3.connect(old) as conn:
        conn.execute("DROP TABLE states")
    conn.close()
    with WordList.open(old) as words:
        assert words.known_words() == KNOWN and len(words) == 6


def test_a_file_from_a_newer_zhread_is_refused_and_left_alone(old: Path) -> None:
    with sqlite3.connect(old) as conn:
        conn.execute("PRAGMA user_version = 3")
    conn.close()
    with pytest.raises(ZhreadError, match="written by a newer zhread"):
        WordList.open(old)
    assert raw(old, "PRAGMA user_version") == [(3,)]
    assert {row[0] for row in raw(old, "SELECT word FROM known")} == KNOWN
