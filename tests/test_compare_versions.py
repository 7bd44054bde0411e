"""Two versions of one story lined up: script never counts, regional words and names are
told from rewording, and every place points into the text as written."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import SAMPLE
from tui.core.compare.versions import Basis, Comparison, Kind, Span, compare_versions
from tui.core.glossary.entries import Glossary, entry_from
from tui.core.scripts.convert import aligned, convert

DATA = Path(__file__).parent / "data" / "compare"
MAINLAND = (DATA / "mainland.txt").read_text(encoding="utf-8")
TAIWAN = (DATA / "taiwan.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def story(glossary, splitter) -> Comparison:
    return compare_versions(MAINLAND, TAIWAN, glossary, splitter=splitter)


def pairs(found: Comparison) -> set[tuple[str, str, Kind]]:
    return {(d.a.text, d.b.text, d.kind) for d in found.differences()}


def test_the_bundled_glossary_knows_trump_by_both_names(glossary) -> None:
    entry = glossary.get("person-donald-trump")
    assert {"特朗普", "川普"} <= set(entry.written())


def test_each_difference_beyond_script_and_nothing_else(story: Comparison) -> None:
    assert pairs(story) == {
        ("特朗普", "川普", Kind.NAME),
        ("软件", "軟體", Kind.REGIONAL),
        ("信息", "資訊", Kind.REGIONAL),
        ("没有", "並未", Kind.WORDING),
    }
    assert len(story.differences()) == 6  # 特朗普 and 软件 twice each
    assert story.differing == 4


def test_each_says_on_what_grounds(story: Comparison) -> None:
    grounds = {(d.a.text, d.basis) for d in story.differences()}
    assert grounds == {
        ("特朗普", Basis.GLOSSARY),
        ("软件", Basis.LIST),
        ("信息", Basis.LIST),
        ("没有", Basis.NONE),
    }


def test_characters_the_shadow_leaves_apart_are_still_one_script_away(splitter) -> None:
    # t2s keeps 著 in 隨著, where the mainland writes 随着
    found = compare_versions("隨著時間過去。", "随着时间过去。", splitter=splitter)
    assert found.differences() == []
    assert len(found.paragraphs) == 1


def test_a_whole_story_against_its_mainland_phrasing_has_no_rewording(glossary, splitter) -> None:
    text = SAMPLE.read_text(encoding="utf-8")
    found = compare_versions(text, convert(text, "tw2sp"), glossary, splitter=splitter)
    assert found.only_a == found.only_b == ()
    assert found.differences()
    assert {d.kind for d in found.differences()} <= {Kind.REGIONAL, Kind.NAME}
    opencc = {(d.a.text, d.b.text) for d in found.differences() if d.basis is Basis.OPENCC}
    assert ("執行", "运行") in opencc  # OpenCC's software rewrite, not the vetted list


def test_script_and_quote_marks_alone_are_no_difference(story: Comparison) -> None:
    quoted = [s for p in story.paragraphs for s in p.sentences if "未来" in s.a.text]
    assert len(quoted) == 1
    assert quoted[0].b.text == "他說：「這是為了美國的未來。」"
    assert quoted[0].differences == ()
    last = story.paragraphs[-1]
    assert last.a.text.startswith("市场") and last.b.text.startswith("市場")
    assert all(not s.differences for s in last.sentences)


def test_the_dropped_paragraph_is_only_in_a(story: Comparison) -> None:
    assert [s.text for s in story.only_a] == ["一位不愿具名的官员说，政府已经为此准备了半年。"]
    assert story.only_b == ()
    assert len(story.paragraphs) == 5


def test_the_added_sentence_is_only_in_b(story: Comparison) -> None:
    only_b = [s.text for p in story.paragraphs for s in p.only_b]
    assert only_b == ["業者預計價格將在年底前上漲。"]
    assert all(not p.only_a for p in story.paragraphs)


def spans(found: Comparison) -> list[tuple[Span, str]]:
    """Every span reported, with the text it belongs to."""
    out: list[tuple[Span, str]] = [(s, MAINLAND) for s in found.only_a]
    out += [(s, TAIWAN) for s in found.only_b]
    for paragraph in found.paragraphs:
        out += [(paragraph.a, MAINLAND), (paragraph.b, TAIWAN)]
        out += [(s, MAINLAND) for s in paragraph.only_a] + [(s, TAIWAN) for s in paragraph.only_b]
        for pair in paragraph.sentences:
            out += [(pair.a, MAINLAND), (pair.b, TAIWAN)]
            for difference in pair.differences:
                out += [(difference.a, MAINLAND), (difference.b, TAIWAN)]
    return out


def test_offsets_point_into_the_texts_as_written(story: Comparison) -> None:
    for span, text in spans(story):
        assert text[span.start : span.end] == span.text
    trump = [d for d in story.differences() if d.kind is Kind.NAME]
    assert [(d.a.start, d.b.start) for d in trump] == [
        (MAINLAND.index("特朗普"), TAIWAN.index("川普")),
        (MAINLAND.index("特朗普", 10), TAIWAN.index("川普", 10)),
    ]


def test_a_glossary_made_for_the_test_names_one_person_twice(splitter) -> None:
    entry = entry_from(
        {
            "id": "person-example",
            "hans": "乔伊",
            "hant": "喬伊",
            "tw": "裘依",
            "pinyin": "qiáo yī",
            "en": "Joy",
            "category": "person",
            "definition": "A person known by two transliterations.",
        }
    )
    found = compare_versions(
        "记者乔伊今天抵达北京。", "記者裘依今天抵達北京。", Glossary([entry]), splitter=splitter
    )
    assert pairs(found) == {("乔伊", "裘依", Kind.NAME)}
    without = compare_versions(
        "记者乔伊今天抵达北京。", "記者裘依今天抵達北京。", splitter=splitter
    )
    assert {d.kind for d in without.differences()} == {Kind.WORDING}


def test_a_caller_may_say_which_spellings_are_one_name(splitter) -> None:
    found = compare_versions(
        "记者乔伊今天抵达。", "記者裘依今天抵達。", same_name=lambda a, b: True, splitter=splitter
    )
    assert {d.kind for d in found.differences()} == {Kind.NAME}


def test_a_sentence_missing_words_reports_the_empty_side_where_they_would_be(splitter) -> None:
    found = compare_versions("他今天很高兴。", "他今天非常非常很高興。", splitter=splitter)
    (difference,) = found.differences()
    assert difference.kind is Kind.WORDING
    assert difference.a.text == "" and difference.a.start == difference.a.end
    assert "非常" in difference.b.text


def test_texts_with_nothing_in_common_share_no_paragraph(splitter) -> None:
    found = compare_versions("今天下雨。\n", "Completely different.\n", splitter=splitter)
    assert found.paragraphs == ()
    assert len(found.only_a) == len(found.only_b) == 1


WORDS = [
    "软件", "信息", "网络", "打印机", "公司", "发布", "我们", "今天", "政府", "学校",
    "的", "了", "在", "说", "新", "数据", "程序", "视频", "质量", "服务器",
    "，", "。", "\n",
]  # fmt: skip


@settings(
    max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(words=st.lists(st.sampled_from(WORDS), min_size=1, max_size=40))
def test_a_text_and_its_own_conversion_differ_only_regionally(splitter, words: list[str]) -> None:
    text = "".join(words)
    for other in (aligned(text, "s2twp"), aligned(aligned(text, "s2t"), "t2s")):
        found = compare_versions(text, other, splitter=splitter)
        assert found.only_a == found.only_b == ()
        assert all(d.kind is Kind.REGIONAL for d in found.differences()), found.differences()
    traditional = aligned(text, "s2t")
    assert (
        compare_versions(traditional, aligned(traditional, "t2s"), splitter=splitter).differences()
        == []
    )
