"""What a learner knows of a text: the known share, the unknown words and the words above
an HSK level, on documents segmented by the real jieba and converted by the real OpenCC."""

from __future__ import annotations

import pytest

from tests.conftest import SAMPLE
from tests.documents import ARTICLE
from tui.core.model.chars import Kind
from tui.core.model.document import Document
from tui.core.queries.known import (
    above_level_ranges,
    known_count,
    known_share,
    unknown_ranges,
)
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


def test_nothing_is_counted_or_tinted_before_the_text_is_segmented() -> None:
    document = provisional(TEXT)
    assert known_share(document, {"我"}) is None
    assert unknown_ranges(document, set()) == []
    assert above_level_ranges(document, 1) == []


def test_the_share_counts_han_word_tokens_known_in_either_script(document) -> None:
    assert han_words(document)[:4] == ["我", "喜歡", "學習", "中文"]
    count = known_count(document, {"喜歡", "学习"})  # one Traditional, one Simplified
    assert (count.known, count.words) == (2, 18)
    assert known_share(document, {"喜歡", "学习"}) == pytest.approx(2 / 18)
    assert known_share(document, {"我"}) == pytest.approx(3 / 18)  # every time it is written
    assert known_share(document, set()) == 0.0
    assert known_share(document, set(han_words(document))) == 1.0


def test_unknown_words_are_the_han_words_not_known(document) -> None:
    known = {"我", "喜欢", "很", "忙"}
    unknown = words(document, unknown_ranges(document, known))
    assert unknown == ["學習", "中文", "的", "朋友", "在", "銀行", "工作", "朋友", "他", "也"]
    assert "Hello" not in unknown and "123" not in unknown  # only Chinese words are tinted
    assert len(unknown) == known_count(document, known).words - known_count(document, known).known
    assert unknown_ranges(document, set(han_words(document))) == []


def test_words_above_a_level_are_those_past_it_or_in_no_list(document, splitter) -> None:
    assert words(document, above_level_ranges(document, 2)) == ["銀行"]  # HSK 3
    assert words(document, above_level_ranges(document, 3)) == []
    assert words(document, above_level_ranges(document, 0)) == han_words(document)
    unlisted = segment("他研究半導體光刻。", None, splitter, "<test>")
    assert words(unlisted, above_level_ranges(unlisted, 6)) == ["半導體", "光刻"]  # in no list


def test_a_text_without_chinese_has_no_known_share_to_speak_of(splitter) -> None:
    document = segment("Hello world, 2025.\n", None, splitter, "<test>")
    assert known_share(document, {"我"}) == 0.0
    assert known_count(document, {"我"}).words == 0
    assert unknown_ranges(document, set()) == []


def test_the_same_text_in_either_script_is_known_alike(glossary, splitter) -> None:
    traditional = "\n".join(ARTICLE) + "\n"
    simplified = aligned(traditional, "t2s")
    known = {"今天", "银行", "计划", "政府", "支持", "表示"}
    shares = [
        known_share(segment(text, glossary, splitter, "<test>"), known)
        for text in (traditional, simplified)
    ]
    assert shares[0] == shares[1] and 0 < shares[0] < 1


def test_the_sample_article_counts_and_tints_consistently(glossary, splitter) -> None:
    text = SAMPLE.read_text(encoding="utf-8")
    document = segment(text, glossary, splitter, str(SAMPLE))
    known = {"的", "在", "是", "和", "美国", "中国", "芯片"}
    count = known_count(document, known)
    assert count.words == len(han_words(document)) > 500
    assert 0 < count.known < count.words
    assert known_share(document, known) == count.share
    unknown = unknown_ranges(document, known)
    assert len(unknown) == count.words - count.known
    assert all(document.shadow[start:end] not in known for start, end in unknown)
