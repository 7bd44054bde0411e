"""Reviewing saved words with the real FSRS scheduler (fuzzing off): the queue, what a rating
does to a card and a word's state, the log, and that a rating is one durable transaction.

A new card is due from the moment its word is saved (the real clock), so the fixed review
times here are years ahead of any clock the tests run on.
"""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from fsrs import Rating, Scheduler
from fsrs import State as CardState
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tui.core.errors import ZhreadError
from tui.core.learning.states import State, from_stability
from tui.store.reviews import DueCard, Reviews
from tui.store.wordlist import WordList

T0 = datetime(2030, 1, 7, 9, 0, tzinfo=UTC)
SAVED = [("銀行", "银行"), ("學習", "学习"), ("電腦", "电脑")]


@pytest.fixture
def words(tmp_path: Path):
    with WordList.open(tmp_path / "words.sqlite3") as opened:
        for hant, hans in SAVED:
            opened.add(hant, hans, definition=f"the word {hans}", sentence=f"{hant}。")
        yield opened


@pytest.fixture
def reviews(words: WordList) -> Reviews:
    return Reviews(words, Scheduler(enable_fuzzing=False))


def first(reviews: Reviews, hant: str, now: datetime = T0) -> DueCard:
    return next(due for due in reviews.due(now) if due.word.hant == hant)


def test_the_queue_is_every_card_due_earliest_first(reviews: Reviews) -> None:
    queue = reviews.due(T0)
    assert [due.word.hant for due in queue] == ["銀行", "學習", "電腦"]  # in the order saved
    assert queue[0].word.sentence == "銀行。" and queue[0].word.definition == "the word 银行"
    assert reviews.count_due(T0) == 3
    assert [due.word.hant for due in reviews.due(T0, limit=2)] == ["銀行", "學習"]
    reviews.rate(queue[0], Rating.Good, T0)  # next due ten minutes on
    assert [due.word.hant for due in reviews.due(T0)] == ["學習", "電腦"]
    later = reviews.due(T0 + timedelta(minutes=10))
    assert [due.word.hant for due in later] == ["學習", "電腦", "銀行"]
    assert reviews.count_due(T0 + timedelta(minutes=10)) == 3


def test_the_queue_knows_the_instant_in_any_zone_and_refuses_a_naive_time(
    reviews: Reviews,
) -> None:
    reviews.rate(first(reviews, "銀行"), Rating.Good, T0)
    taipei = (T0 + timedelta(minutes=10)).astimezone(timezone(timedelta(hours=8)))
    assert reviews.count_due(taipei) == 3
    naive = datetime(2030, 1, 7, 9, 0)
    for call in (
        lambda: reviews.due(naive),
        lambda: reviews.count_due(naive),
        lambda: reviews.rate(first(reviews, "學習"), Rating.Good, naive),
    ):
        with pytest.raises(ValueError, match="timezone-aware"):
            call()
    assert reviews.history(first(reviews, "學習").word) == []


def test_again_keeps_a_card_due_within_minutes(reviews: Reviews, words: WordList) -> None:
    rated = reviews.rate(first(reviews, "學習"), Rating.Again, T0, duration_ms=4200)
    assert T0 < rated.card.due <= T0 + timedelta(minutes=10)
    assert rated.card.state is CardState.Learning
    assert words.state_of("學習") is State.LEARNING_1


def test_good_then_good_again_lengthens_the_interval(reviews: Reviews, words: WordList) -> None:
    due, now, intervals = first(reviews, "電腦"), T0, []
    for _ in range(4):
        due = reviews.rate(due, Rating.Good, now)
        intervals.append(due.card.due - now)
        now = due.card.due
    assert intervals[0] <= timedelta(minutes=10)  # a learning step
    assert intervals[1] >= timedelta(days=1)  # graduated
    assert intervals[1] < intervals[2] < intervals[3]
    assert due.card.state is CardState.Review
    assert words.state_of("电脑") is from_stability(due.card.stability) is not State.LEARNING_1


def test_easy_reviews_make_a_word_known_and_it_stays_in_the_queue(
    reviews: Reviews, words: WordList
) -> None:
    due, now, states = first(reviews, "銀行"), T0, []
    for _ in range(8):
        due = reviews.rate(due, Rating.Easy, now)
        states.append(words.state_of("银行"))
        now = due.card.due
    assert states[-1] is State.KNOWN and "银行" in words.known_words()
    assert states[0] is not State.KNOWN  # it took reviews to get there
    assert due.card.stability is not None and due.card.stability >= 60
    assert [d.word.hant for d in reviews.due(now)][-1] == "銀行"  # known, still reviewed


def test_every_rating_is_logged_oldest_first(reviews: Reviews) -> None:
    due = first(reviews, "學習")
    ratings = [Rating.Again, Rating.Hard, Rating.Good, Rating.Easy]
    times = [T0 + timedelta(minutes=5 * i) for i in range(4)]
    for i, (rating, moment) in enumerate(zip(ratings, times, strict=True)):
        due = reviews.rate(due, rating, moment, duration_ms=1000 + i)
    logs = reviews.history(due.word)
    assert [log.rating for log in logs] == ratings
    assert [log.review_datetime for log in logs] == times
    assert [log.review_duration for log in logs] == [1000, 1001, 1002, 1003]
    assert {log.card_id for log in logs} == {due.word.id}
    assert reviews.history(first(reviews, "電腦").word) == []


def test_ignored_words_keep_their_card_but_leave_the_queue(
    reviews: Reviews, words: WordList
) -> None:
    words.set_state("電腦", State.IGNORED)
    assert [due.word.hant for due in reviews.due(T0)] == ["銀行", "學習"]
    assert reviews.count_due(T0) == 2
    words.set_state("電腦", State.LEARNING_2)
    assert [due.word.hant for due in reviews.due(T0)] == ["銀行", "學習", "電腦"]


def test_a_rating_survives_closing_and_reopening(tmp_path: Path) -> None:
    path = tmp_path / "words.sqlite3"
    with WordList.open(path) as words:
        words.add("銀行", "银行")
        reviews = Reviews(words, Scheduler(enable_fuzzing=False))
        for moment in (T0, T0 + timedelta(minutes=10)):
            rated = reviews.rate(reviews.due(moment)[0], Rating.Good, moment, 900)
    with WordList.open(path) as words:
        reviews = Reviews(words)
        assert reviews.due(T0 + timedelta(minutes=10)) == []
        (again,) = reviews.due(rated.card.due)
        assert again.card.to_dict() == rated.card.to_dict()
        assert len(reviews.history(again.word)) == 2
        assert words.state_of("银行") is from_stability(rated.card.stability)
    with sqlite3.connect(path) as raw:  # the due column is the card's own due
        (due_ms,) = raw.execute("SELECT due FROM cards").fetchone()
    assert due_ms == int(rated.card.due.timestamp() * 1000)


def test_a_rating_that_fails_changes_nothing(reviews: Reviews, words: WordList) -> None:
    due = first(reviews, "銀行")
    words._conn.execute(
        "CREATE TRIGGER refuse BEFORE INSERT ON reviews BEGIN SELECT RAISE(ABORT, 'no'); END"
    )
    with pytest.raises(ZhreadError, match="not saved"):
        reviews.rate(due, Rating.Easy, T0)
    assert first(reviews, "銀行").card.to_dict() == due.card.to_dict()
    assert words.state_of("銀行") is State.LEARNING_1


def test_a_stale_card_is_scheduled_from_the_file(reviews: Reviews) -> None:
    due = first(reviews, "銀行")
    once = reviews.rate(due, Rating.Good, T0)
    twice = reviews.rate(due, Rating.Good, T0 + timedelta(minutes=10))  # the old DueCard
    assert twice.card.state is CardState.Review and twice.card.due > once.card.due
    assert len(reviews.history(due.word)) == 2


def test_a_word_removed_meanwhile_cannot_be_rated(reviews: Reviews, words: WordList) -> None:
    due = first(reviews, "學習")
    words.remove("學習", "学习")
    with pytest.raises(ZhreadError, match="no longer in your word list"):
        reviews.rate(due, Rating.Good, T0)


def test_two_lists_on_one_file_share_the_queue(tmp_path: Path) -> None:
    path = tmp_path / "words.sqlite3"
    with WordList.open(path) as one, WordList.open(path) as other:
        one.add("銀行", "银行")
        mine, theirs = Reviews(one), Reviews(other, Scheduler(enable_fuzzing=False))
        rated = theirs.rate(mine.due(T0)[0], Rating.Easy, T0)
        assert mine.due(T0) == []
        assert mine.due(rated.card.due)[0].card.to_dict() == rated.card.to_dict()
        assert one.state_of("銀行") is from_stability(rated.card.stability)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    steps=st.lists(
        st.tuples(st.sampled_from(list(Rating)), st.integers(min_value=0, max_value=90 * 24 * 60)),
        min_size=1,
        max_size=12,
    )
)
def test_any_ratings_keep_the_card_ahead_and_the_state_its_stability(
    words: WordList, steps: list[tuple[Rating, int]]
) -> None:
    reviews = Reviews(words, Scheduler())  # fuzzing on: the properties hold all the same
    hant = f"詞{len(words)}"
    words.add(hant, hant)
    due, now = first(reviews, hant), T0
    for rating, minutes_late in steps:
        due = reviews.rate(due, rating, now)
        assert due.card.due > now and due.card.last_review == now
        assert words.state_of(hant) is from_stability(due.card.stability)
        now = due.card.due + timedelta(minutes=minutes_late)
    assert [log.rating for log in reviews.history(due.word)] == [r for r, _ in steps]
