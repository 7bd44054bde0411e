"""Search in the text: either script, regional words, glossary terms, pinyin, English."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.apps import sample_app, text_app, until, until_ready, until_segmented
from tui.core.queries.search import Hits, PinyinIndex, find
from tui.core.words.segment import segment
from tui.widgets.article import ArticleView
from tui.widgets.searchbar import SearchBar


@pytest.fixture(scope="module")
def sample_doc(sample_text, glossary, splitter):
    return segment(sample_text, glossary, splitter, "sample")


def texts(document, hits: Hits) -> list[str]:
    return [document.text[a:b] for a, b in hits.ranges()]


def test_a_simplified_query_finds_the_traditional_text(sample_doc) -> None:
    hits = find(sample_doc, "蒸馏")
    assert texts(sample_doc, hits) and set(texts(sample_doc, hits)) == {"蒸餾"}


def test_a_mainland_word_finds_the_taiwan_word(sample_doc) -> None:
    """人工智能 is 人工智慧 in Taiwan: the query is read through the regional phrase tables."""
    assert "人工智慧" in texts(sample_doc, find(sample_doc, "人工智能"))


def test_a_glossary_alias_finds_every_use_of_its_term(sample_doc, glossary) -> None:
    hits = find(sample_doc, "SFT", glossary)
    assert "監督微調" in texts(sample_doc, hits)
    assert "SFT" in texts(sample_doc, hits)


def test_pinyin_with_and_without_tones(sample_doc) -> None:
    bare = find(sample_doc, "zhengliu").pinyin
    assert bare and {sample_doc.text[a:b] for a, b in bare} == {"蒸餾"}
    assert find(sample_doc, "zhēngliú").pinyin == bare
    assert find(sample_doc, "zheng1 liu2").pinyin == bare
    assert find(sample_doc, "zheng4liu2").pinyin == []  # wrong tones find nothing
    assert find(sample_doc, "zhēng liù").pinyin == []


def test_pinyin_hits_start_and_end_on_syllables(sample_doc) -> None:
    """ "eng" is inside zheng but is no syllable of its own here."""
    hits = find(sample_doc, "engliu").pinyin
    assert hits == []


def test_english_finds_words_by_their_gloss(sample_doc, glossary, dictionary) -> None:
    hits = find(sample_doc, "distillation", glossary, dictionary)
    assert "蒸餾" in texts(sample_doc, hits)
    assert hits.english
    research = find(sample_doc, "research", None, dictionary)
    assert "研究" in texts(sample_doc, research)


def test_latin_text_is_found_in_any_case(sample_doc) -> None:
    hits = find(sample_doc, "deepseek")
    assert hits.text and all(sample_doc.text[a:b] == "DeepSeek" for a, b in hits.text)


def test_latin_text_is_found_as_typed_where_case_folding_changes_lengths() -> None:
    """ß folds to ss, so the text is searched exactly: the query as typed, not folded."""
    from tui.core.words.segment import provisional

    document = provisional("Straße 北京 Berlin", "<t>")
    assert [document.text[a:b] for a, b in find(document, "Berlin").text] == ["Berlin"]


def test_nothing_for_an_empty_or_absent_query(sample_doc, dictionary) -> None:
    assert find(sample_doc, "   ").ranges() == []
    assert find(sample_doc, "量子糾纏").ranges() == []
    assert "no" not in find(sample_doc, "xyzzyq", None, dictionary).summary()


@settings(max_examples=60, deadline=None)
@given(
    st.text(alphabet="銀行长期計劃的人工智慧 abcAI，。\n", max_size=60),
    st.text(alphabet="銀行长期人工智能 abAI", min_size=1, max_size=6),
)
def test_hits_lie_inside_the_text_and_do_not_overlap(text, query) -> None:
    from tui.core.words.segment import provisional

    document = provisional(text, "<t>")
    ranges = find(document, query).ranges()
    for (a, b), following in zip(ranges, [*ranges[1:], (len(text), len(text))], strict=False):
        assert 0 <= a < b <= len(text) and b <= following[0]


def test_pinyin_index_letters_map_back_to_characters() -> None:
    index = PinyinIndex("我们去银行。")
    assert "".join(index.toneless) == "womenquyinhang"
    assert [(a, b) for a, b in index.find("yinhang")] == [(3, 5)]
    assert index.find("hang2") == [(4, 5)]


async def test_slash_searches_and_n_steps_through_hits() -> None:
    app = sample_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await until_ready(pilot)
        await pilot.press("slash")
        bar = app.query_one(SearchBar)
        assert bar.display and bar.has_focus
        await pilot.press(*"zhengliu", "enter")
        article = app.query_one("#article", ArticleView)
        await until(pilot, lambda: len(article.matches) == 7, "the search")
        assert not bar.display and article.has_focus
        first = article.token.start
        assert article.document.text[first : first + 2] == "蒸餾"
        await pilot.press("n")
        assert article.token.start > first
        await pilot.press("N")
        assert article.token.start == first


async def test_question_mark_searches_backward() -> None:
    app = sample_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await until_segmented(pilot)
        article = app.query_one("#article", ArticleView)
        await pilot.press("G")
        end = article.token.start
        await pilot.press("question_mark", *"美國", "enter")
        await until(pilot, lambda: bool(article.matches), "the search")
        hit = article.token.start
        assert hit < end and article.document.text[hit : hit + 2] == "美國"
        await pilot.press("n")  # n keeps going backward
        assert article.token.start < hit


async def test_escape_closes_the_search_line_and_a_miss_says_so() -> None:
    app = text_app("銀行的長期計劃。")
    async with app.run_test(size=(80, 20)) as pilot:
        await until_segmented(pilot)
        await pilot.press("slash", "a", "escape")
        assert not app.query_one(SearchBar).display
        assert app.query_one("#article", ArticleView).has_focus
        await pilot.press("slash", *"量子", "enter")
        await until(
            pilot,
            lambda: any("Not found" in str(n.message) for n in app._notifications),
            "the notice",
        )
