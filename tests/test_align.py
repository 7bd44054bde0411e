"""Side-by-side alignment: pairs tile both texts in order, under every config, including the
phrase configs that change lengths; vocabulary changes are found and counted, only known
regional words are rewritten, and no rewrite cuts a word."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from tui.core.compare.align import _PLAIN, align, ambiguous
from tui.core.compare.regional import RegionalTrust
from tui.core.scripts.convert import CONFIGS, PHRASE_CONFIGS, aligned, convert
from tui.core.words.segment import segment

PIECES = st.lists(
    st.one_of(
        st.sampled_from(
            [
                "演算法",
                "軟體",
                "泡麵",
                "方便面",
                "計程車",
                "出租车",
                "資訊",
                "人工智慧",
                "矽谷",
                "晶片",
                "執行長",
                "发",
                "干",
                "后",
                "頭髮",
                "。",
                "，",
                "\n",
                " ",
                "DeepSeek",
                "2024",
                "「",
                "」",
                "首席執行官",
                "執行",
                "複製",
                "理論核心",
                "記憶體",
                "硬碟",
                "内存",
                "芯片",
                "的士兵",
                "奔驰",
                "运行",
            ]
        ),
        st.characters(codec="utf-8"),
    ),
    max_size=30,
).map("".join)


def check_tiles(document, alignment, trust: RegionalTrust | None = None) -> None:
    """Pairs tile both sides in order, each on whole tokens; under a phrase config every pair
    is either the text converted character by character or a rewrite ``trust`` accepts, and
    every suggestion covers whole tokens too."""
    text, converted, config = document.text, alignment.converted, alignment.config
    edges = {0, len(text)} | {t.start for t in document.tokens}
    start = cstart = 0
    for pair in alignment.pairs:
        assert (pair.start, pair.cstart) == (start, cstart)
        assert pair.end > pair.start and pair.cend > pair.cstart
        assert {pair.start, pair.end} <= edges
        start, cstart = pair.end, pair.cend
    assert (start, cstart) == (len(text), len(converted))
    if config not in PHRASE_CONFIGS:
        assert converted == aligned(text, config)
        return
    plain = aligned(text, _PLAIN[config])
    for pair in alignment.pairs:
        piece = converted[pair.cstart : pair.cend]
        if pair.regional:
            cuts = sorted(edge - pair.start for edge in edges if pair.start < edge < pair.end)
            assert (trust or RegionalTrust()).trusts(
                text[pair.start : pair.end], piece, config, cuts
            )
        else:
            assert piece == plain[pair.start : pair.end]
    for suggestion in alignment.suggestions:
        assert {suggestion.start, suggestion.end} <= edges


@given(text=PIECES, config=st.sampled_from(CONFIGS))
@settings(max_examples=300, deadline=None)
def test_pairs_tile_both_texts_in_order(text: str, config: str) -> None:
    document = segment(text)
    check_tiles(document, align(document, config))


@given(text=PIECES, config=st.sampled_from(sorted(PHRASE_CONFIGS)))
@settings(max_examples=200, deadline=None)
def test_display_conversion_keeps_tokens_aligned(
    text: str, config: str, glossary, splitter
) -> None:
    """Each token is shown by exactly one contiguous piece of the converted text, the pieces
    in order make up the whole of it, and only a known regional word spans several tokens."""
    document = segment(text, glossary, splitter)
    trust = RegionalTrust(glossary)
    alignment = align(document, config, trust)
    check_tiles(document, alignment, trust)
    pieces = [alignment.converted[p.cstart : p.cend] for p in alignment.pairs]
    assert "".join(pieces) == alignment.converted
    for token in document.tokens:
        holding = [p for p in alignment.pairs if p.start <= token.start and token.end <= p.end]
        assert len(holding) == 1
        if (holding[0].start, holding[0].end) != (token.start, token.end):
            assert holding[0].regional


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
            converted = alignment.converted[pair.cstart : pair.cend]
            assert len(text[pair.start : pair.end]) == len(converted)


def test_sample_aligns_under_taiwan_to_mainland_phrases(
    sample_text: str, glossary, splitter
) -> None:
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


# OpenCC's phrase tables rewrite these, but the words are used on both sides of the strait
NOT_REGIONAL = (
    "董事會昨天宣布，新任首席執行官將於下月正式上任。\n"
    "工程師執行測試之後，把日誌複製到共用資料夾。\n"
    "這篇論文檢驗了該理論核心的假設是否成立。"
)


def test_opencc_suggestions_are_not_shown_as_regional_words(glossary, splitter) -> None:
    document = segment(NOT_REGIONAL, glossary, splitter)
    alignment = align(document, "tw2sp", RegionalTrust(glossary))
    check_tiles(document, alignment, RegionalTrust(glossary))
    shown = alignment.converted
    assert "首席执行官" in shown and "工程师执行测试" in shown and "复制" in shown
    assert "理论核心" in shown
    assert not {"运行", "拷贝", "内核"} & {shown[i : i + 2] for i in range(len(shown))}
    regional = {w.original for w in alignment.regional_list(NOT_REGIONAL)}
    assert not regional & {"首席執行官", "執行", "複製", "核心", "理論核心"}
    suggested = {(w.original, w.converted) for w in alignment.suggested_list(NOT_REGIONAL)}
    assert {("首席執行官", "首席运行官"), ("執行", "运行"), ("核心", "内核")} <= suggested
    assert any(
        original.startswith("複製") and "拷贝" in converted for original, converted in suggested
    )


def test_a_phrase_is_never_split_across_tokens(glossary, splitter) -> None:
    """OpenCC writes 理論核心 as 理论内核: the change is not cut into 理论内 + 核."""
    text = "這篇論文檢驗了該理論核心的假設是否成立。"
    document = segment(text, glossary, splitter)
    alignment = align(document, "tw2sp")
    shown = {text[p.start : p.end]: alignment.converted[p.cstart : p.cend] for p in alignment.pairs}
    assert shown["理論"] == "理论" and shown["核心"] == "核心"
    suggestion = next(s for s in alignment.suggestions if text[s.start : s.end] == "核心")
    assert suggestion.text == "内核"


def test_known_regional_words_stay_regional_both_ways(glossary, splitter) -> None:
    taiwan = "這台筆電的記憶體只有八GB，晶片是前年的，軟體更新後就變慢了。"
    mainland = "这台笔记本的内存只有八GB，芯片是前年的，软件更新后就变慢了。"
    for text, config, expected in (
        (taiwan, "tw2sp", {("記憶體", "内存"), ("晶片", "芯片"), ("軟體", "软件")}),
        (mainland, "s2twp", {("内存", "記憶體"), ("芯片", "晶片"), ("软件", "軟體")}),
    ):
        document = segment(text, glossary, splitter)
        alignment = align(document, config, RegionalTrust(glossary))
        check_tiles(document, alignment, RegionalTrust(glossary))
        assert expected <= set(alignment.regional_words(text))
        for _, converted in expected:
            assert converted in alignment.converted


def test_the_mainland_word_for_a_taiwan_one_is_regional(splitter) -> None:
    """A mainland 首席执行官 is a Taiwan 執行長 (a vetted word), although a Taiwan
    首席執行官 is no 首席运行官."""
    text = "公司的首席执行官推动数字化。"
    document = segment(text, None, splitter)
    alignment = align(document, "s2twp")
    words = alignment.regional_words(text)
    assert ("首席执行官", "執行長") in words
    assert "執行長" in alignment.converted


def test_real_taiwan_texts_keep_the_words_both_sides_use(glossary, splitter) -> None:
    """On the corpus's Taiwan texts (written for neither rule), 執行, 程序 (a procedure) and
    資料 stay as they are, while 程式 and 軟體 become the mainland's 程序 and 软件."""
    from tests.conftest import ROOT

    texts = sorted((ROOT / "tests" / "data" / "texts").glob("taiwan-*.txt"))
    assert texts
    regional: set[tuple[str, str]] = set()
    for path in texts:
        text = path.read_text(encoding="utf-8")
        document = segment(text, glossary, splitter)
        alignment = align(document, "tw2sp", RegionalTrust(glossary))
        check_tiles(document, alignment, RegionalTrust(glossary))
        regional |= set(alignment.regional_words(text))
        for word, kept in (("執行", "执行"), ("複製", "复制"), ("核心", "核心")):
            assert alignment.converted.count(kept) >= text.count(word)
    assert not {original for original, _ in regional} & {"執行", "程序", "資料", "核心"}
    assert {("程式", "程序"), ("軟體", "软件")} <= regional
