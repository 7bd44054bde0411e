"""Learning states in the word list: kept by the Simplified form in one row per word, set one
at a time or a page at a time, and the known words the reader first kept, now the KNOWN
state."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest

from tui.core.errors import ZhreadError
from tui.core.learning.states import State
from tui.store.reviews import Reviews
from tui.store.wordlist import WordList


@pytest.fixture
def words(tmp_path: Path):
    with WordList.open(tmp_path / "words.sqlite3") as opened:
        yield opened


def test_a_word_nobody_marked_is_new_and_not_listed(words: WordList) -> None:
    assert words.state_of("銀行") is State.NEW
    assert words.states() == {}


def test_a_state_set_in_one_script_holds_in_the_other(words: WordList) -> None:
    assert words.set_state("銀行", State.LEARNING_2) is State.NEW
    assert words.state_of("银行") is State.LEARNING_2
    assert words.set_state("银行", State.LEARNING_3) is State.LEARNING_2
    assert words.states() == {"银行": State.LEARNING_3}


def test_setting_new_forgets_the_word(words: WordList, tmp_path: Path) -> None:
    words.set_state("電腦", State.IGNORED)
    assert words.set_state("电脑", State.NEW) is State.IGNORED
    assert words.states() == {}
    with sqlite3.connect(tmp_path / "words.sqlite3") as raw:
        assert raw.execute("SELECT count(*) FROM states").fetchone()[0] == 0


def test_an_empty_word_gets_no_state(words: WordList) -> None:
    with pytest.raises(ValueError, match="must not be empty"):
        words.set_state("  ", State.KNOWN)


def test_a_page_of_words_is_marked_at_once(words: WordList) -> None:
    words.set_state("學習", State.LEARNING_2)
    page = ["我", "喜歡", "學習", "中文", "喜欢", " ", ""]  # 喜歡 twice, in both scripts
    assert words.set_states(page, State.SEEN, only_new=True) == 3
    assert words.states() == {
        "我": State.SEEN,
        "喜欢": State.SEEN,
        "学习": State.LEARNING_2,  # had a state: left as it was
        "中文": State.SEEN,
    }
    assert words.set_states(page, State.SEEN, only_new=True) == 0


def test_an_import_marks_thousands_known_and_counts_only_changes(words: WordList) -> None:
    imported = [f"詞{i}" for i in range(5000)]
    words.set_state("詞7", State.KNOWN)
    words.set_state("詞8", State.LEARNING_1)
    assert words.set_states(imported, State.KNOWN) == 4999  # 词7 was known already
    assert len(words.known_words()) == 5000 and words.state_of("词8") is State.KNOWN
    assert words.set_states(imported[:10], State.NEW) == 10
    assert words.set_states(imported[:10], State.NEW, only_new=True) == 0
    assert len(words.states()) == 4990


def test_a_failed_batch_changes_nothing(words: WordList) -> None:
    words._conn.execute(
        "CREATE TRIGGER refuse BEFORE INSERT ON states WHEN new.word = '坏' "
        "BEGIN SELECT RAISE(ABORT, 'refused'); END"
    )
    with pytest.raises(ZhreadError, match="not saved"):
        words.set_states(["好", "坏", "中"], State.KNOWN)
    assert words.states() == {}


def test_known_words_are_the_known_state(words: WordList) -> None:
    assert words.mark_known("銀行") is True
    assert words.state_of("银行") is State.KNOWN and words.is_known("銀行")
    words.set_state("朋友", State.LEARNING_4)
    assert words.mark_known("朋友") is True  # was being learnt, now known
    assert words.known_words() == {"银行", "朋友"}
    words.set_state("工作", State.LEARNING_2)
    assert words.unmark_known("工作") is False  # not known: left being learnt
    assert words.state_of("工作") is State.LEARNING_2
    assert words.unmark_known("朋友") is True and words.state_of("朋友") is State.NEW


def test_saving_a_word_means_learning_it(words: WordList) -> None:
    words.set_state("銀行", State.SEEN)
    words.set_state("電腦", State.KNOWN)
    words.set_state("計劃", State.LEARNING_3)
    words.set_state("乾", State.IGNORED)
    for hant, hans in [
        ("銀行", "银行"),
        ("電腦", "电脑"),
        ("計劃", "计划"),
        ("乾", "干"),
        ("書", "书"),
    ]:
        assert words.add(hant, hans, sentence=f"{hant}。") is True
    assert words.states() == {
        "银行": State.LEARNING_1,  # was seen
        "电脑": State.KNOWN,
        "计划": State.LEARNING_3,
        "干": State.IGNORED,
        "书": State.LEARNING_1,  # was new
    }
    words.set_state("书", State.LEARNING_2)
    assert words.add("書", "书", definition="book") is False  # saved again: state kept
    assert words.state_of("书") is State.LEARNING_2


def test_a_saved_word_has_a_card_due_at_once(words: WordList) -> None:
    before = datetime.now(UTC)
    words.add("銀行", "银行")
    (due,) = Reviews(words).due(datetime.now(UTC))
    assert (due.word.hant, due.word.hans) == ("銀行", "银行")
    assert due.word.id == words.entries()[0].id > 0
    assert due.card.card_id == due.word.id
    assert before.replace(microsecond=0) <= due.card.due <= datetime.now(UTC)
    assert due.card.stability is None  # never reviewed


def test_removing_a_word_drops_its_card_and_reviews_but_not_its_state(
    words: WordList, tmp_path: Path
) -> None:
    from fsrs import Rating

    words.add("銀行", "银行")
    reviews = Reviews(words)
    now = datetime.now(UTC)
    reviews.rate(reviews.due(now)[0], Rating.Good, now)
    assert words.remove("銀行", "银行") is True
    assert reviews.count_due(datetime(2100, 1, 1, tzinfo=UTC)) == 0
    with sqlite3.connect(tmp_path / "words.sqlite3") as raw:
        assert raw.execute("SELECT count(*) FROM cards").fetchone()[0] == 0
        assert raw.execute("SELECT count(*) FROM reviews").fetchone()[0] == 0
    assert words.state_of("銀行") is State.LEARNING_1
    assert words.add("銀行", "银行") is True  # saved again: a fresh card
    assert reviews.count_due(datetime.now(UTC)) == 1


def test_two_lists_on_one_file_see_each_others_states(tmp_path: Path) -> None:
    path = tmp_path / "words.sqlite3"
    with WordList.open(path) as first, WordList.open(path) as second:
        first.set_state("學習", State.LEARNING_2)
        assert second.state_of("学习") is State.LEARNING_2
        assert second.set_states(["學習", "中文"], State.KNOWN) == 2
        assert first.known_words() == {"学习", "中文"}
    with WordList.open(path) as reopened:
        assert reopened.states() == {"学习": State.KNOWN, "中文": State.KNOWN}
