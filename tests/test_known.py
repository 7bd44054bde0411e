"""What a learner knows of a text: its words counted and tinted by learning state, and the
words above an HSK level, on documents segmented by the real jieba and converted by the real
OpenCC. States are keyed by the Simplified form, as the word store keeps them."""

from __future__ import annotations

import pytest

from tests.conftest import SAMPLE
from tests.documents import ARTICLE
from tui.core.learning.states import State
from tui.core.model.chars import Kind
from tui.core.model.document import Document
from tui.core.queries.known import above_level_ranges, state_count, state_ranges
from tui.core.scripts.convert import aligned
from tui.core.words.segment import provisional, segment

TEXT = "我喜歡學習中文。\n\n我的朋友在銀行工作。\nHello 123 朋友\n他很忙，我也很忙。"


@pytest.fixture(scope="module")
def document(glossary, splitter) -> Document:
    return segment(TEXT, glossary, splitter, "<test>")


def words(document: Document, ranges: list[tuple[int, int]]) -> list[str]:
    return [document.text[start:end] for start, end in ranges]


def han_words(document: Document) -> list[str]:
    return [t.text for t in document.tokens if t.kind is Kind.HAN]


def known(*forms: str) -> dict[str, State]:
    return dict.fromkeys(forms, State.KNOWN)


def test_nothing_is_counted_or_tinted_before_the_text_is_segmented() -> None:
    document = provisional(TEXT)
    assert state_count(document, known("我")).words == 0
    assert state_ranges(document, {})[State.NEW] == []
    assert above_level_ranges(document, 1) == []


def test_the_share_counts_han_word_tokens_by_their_simplified_form(document) -> None:
    assert han_words(document)[:4] == ["我", "喜歡", "學習", "中文"]
    count = state_count(document, known("喜欢", "学习"))  # the text writes 喜歡 and 學習
    assert (count.known, count.words) == (2, 18)
    assert count.share == pytest.approx(2 / 18)
    assert state_count(document, known("我")).share == pytest.approx(3 / 18)  # every use
    assert state_count(document, {}).share == 0.0
    everything = known(*(aligned(word, "t2s") for word in han_words(document)))
    assert state_count(document, everything).share == 1.0


def test_new_words_are_the_han_words_with_no_state(document) -> None:
    states = {**known("我", "喜欢", "很"), "忙": State.SEEN}
    new = words(document, state_ranges(document, states)[State.NEW])
    assert new == ["學習", "中文", "的", "朋友", "在", "銀行", "工作", "朋友", "他", "也"]
    assert "Hello" not in new and "123" not in new  # only Chinese words are tinted
    assert words(document, state_ranges(document, states)[State.SEEN]) == ["忙", "忙"]
    count = state_count(document, states)
    assert count.tokens[State.NEW] == len(new) and count.distinct[State.NEW] == 9


def test_ignored_words_count_as_known_and_are_never_tinted(document) -> None:
    states = {**known("我"), "朋友": State.IGNORED, "银行": State.LEARNING_2}
    count = state_count(document, states)
    assert count.known == 3 + 2  # 我 three times, 朋友 twice
    ranges = state_ranges(document, states)
    assert State.IGNORED not in ranges and State.KNOWN not in ranges
    assert words(document, ranges[State.LEARNING_2]) == ["銀行"]


def test_words_above_a_level_are_those_past_it_or_in_no_list(document, splitter) -> None:
    assert words(document, above_level_ranges(document, 2)) == ["銀行"]  # HSK 3
    assert words(document, above_level_ranges(document, 3)) == []
    assert words(document, above_level_ranges(document, 0)) == han_words(document)
    unlisted = segment("他研究半導體光刻。", None, splitter, "<test>")
    assert words(unlisted, above_level_ranges(unlisted, 6)) == ["半導體", "光刻"]  # in no list


def test_a_text_without_chinese_has_no_known_share_to_speak_of(splitter) -> None:
    document = segment("Hello world, 2025.\n", None, splitter, "<test>")
    count = state_count(document, known("我"))
    assert (count.words, count.share) == (0, 0.0)
    assert state_ranges(document, {})[State.NEW] == []


def test_the_same_text_in_either_script_is_known_alike(glossary, splitter) -> None:
    traditional = "\n".join(ARTICLE) + "\n"
    simplified = aligned(traditional, "t2s")
    states = known("今天", "银行", "计划", "政府", "支持", "表示")
    shares = [
        state_count(segment(text, glossary, splitter, "<test>"), states).share
        for text in (traditional, simplified)
    ]
    assert shares[0] == shares[1] and 0 < shares[0] < 1


def test_the_sample_article_counts_and_tints_consistently(glossary, splitter) -> None:
    text = SAMPLE.read_text(encoding="utf-8")
    document = segment(text, glossary, splitter, str(SAMPLE))
    states = known("的", "在", "是", "和", "美国", "中国", "芯片")
    count = state_count(document, states)
    assert count.words == len(han_words(document)) > 500
    assert 0 < count.known < count.words
    new = state_ranges(document, states)[State.NEW]
    assert len(new) == count.words - count.known
    assert all(document.shadow[start:end] not in states for start, end in new)
