"""Side-by-side alignment: pairs tile both texts in order, under every config, including the
phrase configs that change lengths; vocabulary changes are found and counted."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from tui.core.align import align, ambiguous
from tui.core.convert import CONFIGS, convert
from tui.core.segment import segment

PIECES = st.lists(
    st.one_of(
        st.sampled_from(["演算法", "軟體", "泡麵", "方便面", "計程車", "出租车", "資訊", "人工智慧",
                         "矽谷", "晶片", "執行長", "发", "干", "后", "頭髮", "。", "，", "\n", " ",
                         "DeepSeek", "2024", "「", "」"]),
        st.characters(codec="utf-8"),
    ),
    max_size=30,
).map("".join)


def check_tiles(document, alignment) -> None:
    text, converted = document.text, alignment.converted
    assert converted == convert(text, alignment.config) or alignment.config not in (
        "s2twp", "tw2sp", "s2hkp", "hk2sp")
    start = cstart = 0
    for pair in alignment.pairs:
        assert (pair.start, pair.cstart) == (start, cstart)
        assert pair.end >= pair.start and pair.cend >= pair.cstart
        start, cstart = pair.end, pair.cend
    assert (start, cstart) == (len(text), len(converted))


@given(text=PIECES, config=st.sampled_from(CONFIGS))
@settings(max_examples=300, deadline=None)
def test_pairs_tile_both_texts_in_order(text: str, config: str) -> None:
    document = segment(text)
    check_tiles(document, align(document, config))


@given(text=PIECES)
@settings(max_examples=100, deadline=None)
def test_every_token_maps_into_one_pair(text: str, splitter) -> None:
    document = segment(text, None, splitter)
    alignment = align(document, "tw2sp")
    check_tiles(document, alignment)
    for token in document.tokens:
        assert any(p.start <= token.start and token.end <= p.end for p in alignment.pairs)


def test_phrase_config_changes_are_regional_and_counted(splitter) -> None:
    text = "他寫的演算法很好，演算法也快。\n她吃泡麵。"
    document = segment(text, None, splitter)
    alignment = align(document, "tw2sp")
    assert alignment.converted == convert(text, "tw2sp")
    words = alignment.regional_words(text)
    assert words[("演算法", "算法")] == 2
    assert words[("泡麵", "方便面")] == 1
    for pair in alignment.pairs:
        if not pair.regional:
            assert len(text[pair.start : pair.end]) == len(alignment.converted[pair.cstart : pair.cend])


def test_sample_aligns_under_taiwan_to_mainland_phrases(sample_text: str, glossary, splitter) -> None:
    document = segment(sample_text, glossary, splitter)
    alignment = align(document, "tw2sp")
    check_tiles(document, alignment)
    words = alignment.regional_words(sample_text)
    assert any(original == "演算法" for original, _ in words)


def test_ambiguous_characters_are_flagged_in_the_right_direction() -> None:
    flagged = ambiguous("头发干了以后", "s2t")
    assert set(flagged) == {1, 2, 3, 5}
    assert "髮" in flagged[1] and "乾" in flagged[2]
    assert ambiguous("头发", "t2s") == {}
    assert 0 in ambiguous("乾淨", "t2s")
