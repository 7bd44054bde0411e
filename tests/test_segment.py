"""Segmentation: tokens tile the text, kinds are right, terms and names stay whole."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from tui.core.model.chars import Kind
from tui.core.words.segment import per_character, segment

# Han, Latin, digits, CJK and Western punctuation, emoji with ZWJ, combining marks, controls.
MIXED = st.lists(
    st.one_of(
        st.sampled_from(list("中國人工智慧蒸餾晶片漢娜·多門「」，。（）、 \n\t\r")),
        st.sampled_from(["DeepSeek", "R1", "3.5", "2024", "e\u0301", "👩\u200d💻", "\x1b[31m"]),
        st.characters(codec="utf-8"),
    ),
    max_size=40,
).map("".join)


def assert_tiles(document, text: str) -> None:
    assert "".join(t.text for t in document.tokens) == text
    position = 0
    for token in document.tokens:
        assert token.start == position and token.end == position + len(token.text)
        assert text[token.start : token.end] == token.text
        position = token.end
    assert position == len(text)


@given(text=MIXED)
@settings(max_examples=300, deadline=None)
def test_tokens_tile_any_text_provisional(text: str) -> None:
    assert_tiles(segment(text), text)


@given(text=MIXED)
@settings(max_examples=150, deadline=None)
def test_tokens_tile_any_text_with_jieba_and_glossary(text: str, glossary, splitter) -> None:
    assert_tiles(segment(text, glossary, splitter), text)


@given(st.text(max_size=40))
@settings(max_examples=200, deadline=None)
def test_paragraphs_cover_every_line(text: str) -> None:
    document = segment(text)
    assert len(document.paragraphs) == text.count("\n") + 1
    for paragraph in document.paragraphs:
        joined = "".join(t.text for t in document.paragraph_tokens(paragraph))
        assert joined == text[paragraph.start : paragraph.end]
        assert "\n" not in joined


def test_sample_tiles_and_is_segmented_into_words(sample_text, glossary, splitter) -> None:
    document = segment(sample_text, glossary, splitter)
    assert_tiles(document, sample_text)
    words = [t.text for t in document.tokens if t.kind is Kind.HAN]
    # Multi-character words exist, and the Traditional fragments jieba makes on its own do not.
    assert "聽證會" in words or "聽證" in words
    assert "證會" not in words and "半導" not in words
    assert document.segmented


def test_glossary_terms_are_single_tokens(sample_text, glossary, splitter) -> None:
    document = segment(sample_text, glossary, splitter)
    terms = {t.text for t in document.tokens if t.term}
    for term in ("芯粒封裝", "蒸餾", "監督微調", "長鏈式思維", "通用人工智慧", "強化學習"):
        assert term in terms, term


def test_names_with_middle_dot_stay_whole(splitter) -> None:
    text = "研究員漢娜·多門說，克里夫·西姆斯質疑。"
    document = segment(text, None, splitter)
    words = [t.text for t in document.tokens]
    assert "漢娜·多門" in words
    assert "克里夫·西姆斯" in words


def test_kinds(splitter) -> None:
    text = "DeepSeek在2024年推出R1，成本3.5%。 "
    kinds = {t.text: t.kind for t in segment(text, None, splitter).tokens}
    assert kinds["DeepSeek"] is Kind.LATIN
    assert kinds["R1"] is Kind.LATIN
    assert kinds["2024"] is Kind.NUMBER
    assert kinds["3.5"] is Kind.NUMBER
    assert kinds["，"] is Kind.PUNCT
    assert kinds[" "] is Kind.SPACE
    assert kinds["推出"] is Kind.HAN


def test_simplified_and_traditional_segment_alike(sample_text, glossary, splitter) -> None:
    from tui.core.scripts.convert import shadow

    traditional = segment(sample_text, glossary, splitter)
    simplified = segment(shadow(sample_text), glossary, splitter)
    assert [(t.start, t.end) for t in traditional.tokens] == [
        (t.start, t.end) for t in simplified.tokens
    ]
    assert [t.term for t in traditional.tokens] == [t.term for t in simplified.tokens]


def test_combining_marks_and_emoji_stick_together() -> None:
    text = "e\u0301 👩\u200d💻"
    tokens = [t.text for t in segment(text).tokens]
    assert "e\u0301" in tokens
    assert "👩\u200d💻" in tokens


def test_per_character_splitter_is_provisional() -> None:
    assert per_character("中國") == [1, 1]
    assert not segment("中國").segmented
