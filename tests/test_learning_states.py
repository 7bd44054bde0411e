"""The learning states: what each key sets, and how a reviewed word's state follows FSRS."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from fsrs import Card, Rating, Scheduler
from hypothesis import given
from hypothesis import strategies as st

from tui.core.learning.states import KEY_STATES, State, from_stability


def test_the_digit_keys_set_learning_one_to_four_then_known() -> None:
    assert [KEY_STATES[k] for k in "12345"] == [
        State.LEARNING_1,
        State.LEARNING_2,
        State.LEARNING_3,
        State.LEARNING_4,
        State.KNOWN,
    ]
    assert all(KEY_STATES[k].learning for k in "1234")
    assert not State.KNOWN.learning and not State.SEEN.learning


def test_values_are_the_stored_strings_and_labels_are_readable() -> None:
    assert State("learning3") is State.LEARNING_3
    assert State.LEARNING_3.label == "learning 3"
    assert State.IGNORED.label == "ignored"


def test_known_and_ignored_count_as_known_and_nothing_else_does() -> None:
    assert {s for s in State if s.counts_known} == {State.KNOWN, State.IGNORED}


def test_a_card_never_reviewed_is_learning_one() -> None:
    assert from_stability(None) is State.LEARNING_1
    assert from_stability(0.1) is State.LEARNING_1


@given(st.floats(min_value=0, max_value=36500), st.floats(min_value=0, max_value=36500))
def test_more_stability_never_means_a_lower_state(a: float, b: float) -> None:
    order = list(State)
    low, high = sorted((a, b))
    assert order.index(from_stability(low)) <= order.index(from_stability(high))


def test_a_word_answered_easily_for_months_becomes_known() -> None:
    scheduler = Scheduler(enable_fuzzing=False)
    card, now = Card(), datetime(2026, 1, 5, 9, 0, tzinfo=UTC)
    states = []
    for _ in range(8):
        card, _log = scheduler.review_card(card, Rating.Easy, now)
        states.append(from_stability(card.stability))
        now = card.due + timedelta(minutes=1)
    assert states[0] is not State.KNOWN
    assert states[-1] is State.KNOWN
