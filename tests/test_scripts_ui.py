"""Pilot tests for scripts in the reader: `s` cycles the article's script with the cursor on
the same word, the side-by-side pane follows the cursor and the scroll through the word
alignment, regional words are marked and listed, and y / Y copy in the script shown."""

from __future__ import annotations

from tests.apps import sample_app, text_app, until, until_segmented
from tui.core.scripts.convert import aligned, convert
from tui.core.text.sanitize import visible
from tui.widgets.article import ArticleView
from tui.widgets.parallel import ParallelView
from tui.widgets.terms import TermsPane


async def until_aligned(pilot) -> None:
    await until(pilot, lambda: pilot.app.reader.alignment is not None, "the side-by-side alignment")


async def test_s_cycles_four_scripts_keeping_the_cursor(sample_text: str) -> None:
    app = sample_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await until_segmented(pilot)
        view = app.query_one("#article", ArticleView)
        await pilot.press("right_square_bracket", "right_square_bracket", "w", "w")
        token = view.token
        seen = []
        for _ in range(4):  # Simplified, Taiwan, Hong Kong, as written
            await pilot.press("s")
            assert view.token == token
            seen.append(view.script_config)
            config = view.script_config
            shown = aligned(sample_text, config) if config else sample_text
            assert str(view.view_text) == visible(shown)
        assert seen == ["tw2s", "t2tw", "t2hk", None]  # the sample is in Taiwan phrasing
        assert "shown as" not in app.sub_title and "Taiwan phrasing" in app.sub_title


async def test_simplified_text_skips_the_simplified_step() -> None:
    app = text_app("中国企业推出的人工智能模型引发关注。")
    async with app.run_test(size=(100, 30)) as pilot:
        await until_segmented(pilot)
        await pilot.press("s")
        assert app.reader.target == "tw" and "Taiwan" in app.sub_title


async def test_side_by_side_follows_cursor_and_marks_regional_words() -> None:
    text = "研究人員改進演算法。\n晶片和軟體都很重要，演算法也是。"
    app = text_app(text)
    async with app.run_test(size=(120, 30)) as pilot:
        await until_segmented(pilot)
        await pilot.press("v")
        await until_aligned(pilot)
        parallel = app.query_one(ParallelView)
        article = app.query_one("#article", ArticleView)
        assert parallel.display and parallel.document.text == convert(text, "tw2sp")
        for _ in range(4):
            await pilot.press("w")
            pair = app.reader.alignment.pairs[parallel.cursor]
            assert pair.start <= article.token.start < pair.end
        regional = {parallel.document.text[s:e] for s, e in parallel.marks["regional"].spans}
        assert {"算法", "芯片", "软件"} <= regional
        assert article.marks["regional"].covers(text.index("演算法"))
        pane = app.query_one(TermsPane)
        words = {(w.original, w.converted): len(w.occurrences) for w in pane.regional}
        assert words[("演算法", "算法")] == 2
        await pilot.press("v")
        assert not parallel.display


async def test_choosing_a_regional_word_walks_its_uses() -> None:
    text = "演算法一。\n演算法二。\n演算法三。"
    app = text_app(text)
    async with app.run_test(size=(120, 30)) as pilot:
        await until_segmented(pilot)
        await pilot.press("v")
        await until_aligned(pilot)
        pane = app.query_one(TermsPane)
        await pilot.press("l")
        pane.highlighted = next(
            i for i in range(pane.option_count) if pane.get_option_at_index(i).id == "regional-0"
        )
        await pilot.press("enter")
        article = app.query_one("#article", ArticleView)
        starts = [article.token.start]
        for _ in range(2):
            await pilot.press("n")
            starts.append(article.token.start)
        assert starts == [0, 6, 12]


async def test_side_by_side_scrolls_with_the_article() -> None:
    app = sample_app()
    async with app.run_test(size=(120, 30)) as pilot:
        await until_segmented(pilot)
        await pilot.press("v")
        await until_aligned(pilot)
        parallel = app.query_one(ParallelView)
        article = app.query_one("#article", ArticleView)
        await pilot.press("space", "space")
        await pilot.pause()
        assert article.scroll_offset.y > 0 and parallel.scroll_offset.y > 0
        top = article.lines[round(article.scroll_offset.y)].start
        pair = app.reader.alignment.pairs[app.reader.alignment.pair_of(top)]
        assert parallel.line_of(pair.cstart) == round(parallel.scroll_offset.y)


async def test_ambiguous_characters_are_flagged_in_the_converted_pane() -> None:
    app = text_app("她的头发干了以后很漂亮。")
    async with app.run_test(size=(120, 30)) as pilot:
        await until_segmented(pilot)
        await pilot.press("v")
        await until_aligned(pilot)
        parallel = app.query_one(ParallelView)
        flagged = "".join(parallel.document.text[s:e] for s, e in parallel.marks["ambiguous"].spans)
        assert "髮" in flagged and "後" in flagged


async def test_copy_word_sentence_and_paragraph_in_the_script_shown() -> None:
    text = "他說：「我們要創新。」她點頭。\n第二段。"
    app = text_app(text)
    async with app.run_test(size=(100, 30)) as pilot:
        await until_segmented(pilot)
        await pilot.press("w", "w")
        assert app.query_one("#article", ArticleView).token.text == "我們"
        await pilot.press("y")
        assert app.clipboard == "我們"
        await pilot.press("Y")
        assert app.clipboard == "他說：「我們要創新。」"
        await pilot.press("Y")
        assert app.clipboard == "他說：「我們要創新。」她點頭。"
        await pilot.press("s", "y")
        assert app.clipboard == "我们"


async def test_palette_offers_every_script() -> None:
    app = sample_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await until_segmented(pilot)
        titles = [command.title for command in app.get_system_commands(app.screen)]
        for name in (
            "Script: as written",
            "Script: Simplified",
            "Script: Traditional (Taiwan)",
            "Script: Traditional (Hong Kong)",
            "Side by side",
            "Inline glosses",
        ):
            assert name in titles
        commands = app.get_system_commands(app.screen)
        next(c for c in commands if c.title == "Script: Simplified").callback()
        await pilot.pause()
        assert app.reader.target == "hans"


async def test_copied_markup_is_reported_literally() -> None:
    app = text_app("[bold]粗體[/bold]。")
    async with app.run_test(size=(100, 30)) as pilot:
        await until_segmented(pilot)
        await pilot.press("Y")
        assert app.clipboard == "[bold]粗體[/bold]。"
        notification = list(app._notifications)[-1]
        assert "[bold]粗體[/bold]" in notification.message and not notification.markup
