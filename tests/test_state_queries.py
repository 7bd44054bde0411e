"""A text's words by learning state: the counts, the known share, the ranges tinted and the
new words moved past, on documents segmented by the real jieba and converted by OpenCC."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import SAMPLE
from tui.core.learning.states import State
from tui.core.model.chars import Kind
from tui.core.model.document import Document
from tui.core.queries.known import (
    TINTABLE,
    StateIndex,
    passed_new_words,
    state_count,
    state_ranges,
)
from tui.core.scripts.convert import aligned
from tui.core.words.segment import provisional, segment

TEXT = "我喜歡學習中文。\n\n我的朋友在銀行工作。\nHello 123 朋友\n他很忙，我也很忙。"


@pytest.fixture(scope="module")
def document(glossary, splitter) -> Document:
    return segment(TEXT, glossary, splitter, "<test>")


@pytest.fixture(scope="module")
def sample(glossary, splitter) -> Document:
    return segment(SAMPLE.read_text(encoding="utf-8"), glossary, splitter, str(SAMPLE))


def forms(document: Document) -> list[str]:
    """Every Han word as written, in Simplified."""
    return [document.shadow[t.start : t.end] for t in document.tokens if t.kind is Kind.HAN]


def test_a_word_without_a_state_is_new_and_the_ignored_count_as_known(document) -> None:
    assert forms(document)[:4] == ["我", "喜欢", "学习", "中文"]
    states = {"我": State.KNOWN, "朋友": State.IGNORED, "银行": State.LEARNING_2}
    count = state_count(document, states)
    assert count.words == 18
    assert count.tokens[State.KNOWN] == 3 and count.tokens[State.IGNORED] == 2
    assert count.known == 5 and count.share == pytest.approx(5 / 18)
    assert count.tokens[State.LEARNING_2] == 1 and count.distinct[State.LEARNING_2] == 1
    assert count.distinct[State.NEW] == len(set(forms(document))) - 3
    assert state_count(document, {}).share == 0.0


def test_states_hold_in_either_script(glossary, splitter) -> None:
    simplified = segment(aligned(TEXT, "t2s"), glossary, splitter, "<test>")
    states = {"喜欢": State.LEARNING_1, "银行": State.KNOWN}
    for text in (simplified, segment(TEXT, glossary, splitter, "<test>")):
        ranges = state_ranges(text, states)
        assert [text.text[s:e] for s, e in ranges[State.LEARNING_1]] in (["喜歡"], ["喜欢"])
    assert state_count(simplified, states) == state_count(
        segment(TEXT, glossary, splitter, "<test>"), states
    )


def test_nothing_is_counted_tinted_or_passed_before_the_text_is_segmented() -> None:
    document = provisional(TEXT)
    assert state_count(document, {}).words == 0
    assert all(not spans for spans in state_ranges(document, {}).values())
    assert passed_new_words(document, 0, len(TEXT), {}) == []


def test_words_moved_past_are_the_new_ones_begun_in_the_stretch(document) -> None:
    text = document.text
    start, end = text.index("我的"), text.index("工作")
    passed = passed_new_words(document, start, end, {"在": State.KNOWN, "朋友": State.SEEN})
    assert passed == ["我", "的", "银行"]  # each once, in order; 工作 is where the cursor is
    assert passed_new_words(document, end, start, {}) == []
    assert passed_new_words(document, start + 1, end, {}) == ["的", "朋友", "在", "银行"]


state_choice = st.sampled_from(list(State))


@settings(max_examples=60, deadline=None)
@given(data=st.data())
def test_ranges_and_counts_agree_with_a_token_by_token_count(sample, data) -> None:
    """Whatever states the words have: each Han token is in the ranges of its own state
    alone, the tinted states' ranges are sorted, and the counts match a plain count."""
    words = sorted(set(forms(sample)))
    chosen = data.draw(st.dictionaries(st.sampled_from(words), state_choice, max_size=60))
    states = {word: state for word, state in chosen.items() if state is not State.NEW}
    tinted = data.draw(st.sets(st.sampled_from(TINTABLE)))
    index = StateIndex(sample)
    ranges = index.ranges(states, tinted)
    assert set(ranges) == tinted
    by_token: dict[tuple[int, int], State] = {}
    for token in (t for t in sample.tokens if t.kind is Kind.HAN):
        by_token[(token.start, token.end)] = states.get(
            sample.shadow[token.start : token.end], State.NEW
        )
    for state, spans in ranges.items():
        assert spans == sorted(span for span, s in by_token.items() if s is state)
    count = index.count(states)
    assert count.words == len(by_token)
    for state in State:
        assert count.tokens.get(state, 0) == sum(s is state for s in by_token.values())
    assert count.share == pytest.approx(
        sum(s.counts_known for s in by_token.values()) / len(by_token)
    )


@settings(max_examples=60, deadline=None)
@given(st.integers(0, 7000), st.integers(0, 600))
def test_passed_words_are_new_and_begin_within_the_stretch(sample, start, length) -> None:
    end = min(start + length, len(sample.text))
    states = {"的": State.KNOWN, "美国": State.SEEN}
    passed = passed_new_words(sample, start, end, states)
    assert len(passed) == len(set(passed))
    begun = {
        sample.shadow[t.start : t.end]
        for t in sample.tokens
        if t.kind is Kind.HAN and start <= t.start < end
    }
    assert set(passed) == begun - set(states)
