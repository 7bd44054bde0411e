"""Pilot tests for the learner's sidebar: every CC-CEDICT entry of the word under the cursor,
its reading in context, its HSK level and its characters' own readings."""

from __future__ import annotations

from tests.apps import entry_text, text_app, until, until_ready


async def test_sidebar_shows_dictionary_entries_levels_and_characters() -> None:
    app = text_app("銀行的長期計劃")
    async with app.run_test(size=(100, 40)) as pilot:
        await until_ready(pilot)
        shown = await entry_text(pilot)
        assert "yín háng" in shown and "bank" in shown
        assert "HSK " in shown
        assert "Characters" in shown and "háng" in shown.split("Characters")[1]
        assert "xíng" in shown.split("Characters")[1]  # 行 keeps both its readings
        await pilot.press("w", "w")
        shown = await entry_text(pilot)
        assert "長期" in shown and "cháng qī" in shown


async def test_glossary_entry_comes_before_the_dictionary() -> None:
    app = text_app("這是蒸餾。")
    async with app.run_test(size=(100, 40)) as pilot:
        await until_ready(pilot)
        await pilot.press("right_square_bracket")
        shown = await entry_text(pilot)
        assert shown.index("distillation") < shown.index("HSK")
        assert "zhēng liú" in shown


async def test_a_saves_the_word_with_reading_definition_and_sentence() -> None:
    from tui.store.wordlist import WordList

    app = text_app("他去銀行了。銀行很大。")
    async with app.run_test(size=(100, 40)) as pilot:
        await until_ready(pilot)
        await pilot.press("w", "w")
        assert app.query_one("#article").token.text == "銀行"
        await pilot.press("a")
        await pilot.pause()
    with WordList.open() as words:  # a fresh connection: what the app committed is on disk
        saved = {w.hant: w for w in words.entries()}
    assert saved["銀行"].hans == "银行" and saved["銀行"].pinyin == "yín háng"
    assert "bank" in saved["銀行"].definition
    assert saved["銀行"].sentence == "他去銀行了。"


async def test_known_words_count_and_the_rest_can_be_tinted() -> None:
    app = text_app("銀行很大")
    async with app.run_test(size=(100, 40)) as pilot:
        await until_ready(pilot)
        article = app.query_one("#article")
        bar = app.query_one("TitleBar")
        await pilot.press("W")  # the first mark opens the word list: the tints come on
        assert not article.marks["state-new"].covers(0)
        assert article.marks["state-new"].covers(2)
        assert bar.progress.startswith("known 50%")  # 銀行 of 銀行 很大
        await pilot.press("U")
        assert not article.marks["state-new"]
        await pilot.press("U", "W")
        assert article.marks["state-new"].covers(0)
        assert bar.progress.startswith("known 0%")  # follows the states, not a stale count


async def test_t_cycles_tone_colour_schemes() -> None:
    app = text_app("銀行很大")
    async with app.run_test(size=(100, 40)) as pilot:
        await until_ready(pilot)
        article = app.query_one("#article")
        await pilot.press("t")
        assert article.tones == "pleco"
        assert article._tone_digits(article.token) == "22"  # yín háng
        strip = article.render_line(0)
        colours = {seg.style.color.name for seg in strip if seg.text.strip() and seg.style.color}
        assert len(colours) >= 3  # 銀行 (2nd tone), 很 (3rd), 大 (4th)
        await pilot.press("t")
        assert article.tones == "mdbg"
        await pilot.press("t")
        assert article.tones is None


async def test_p_puts_pinyin_then_zhuyin_over_each_word_without_breaking_wrapping() -> None:
    from tests.apps import sample_app

    app = sample_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await until_ready(pilot)
        article = app.query_one("#article")
        await pilot.press("p")
        await until(pilot, lambda: article.readings, "the reading line")
        assert article.rows == 2
        width = article.scrollable_content_region.width
        for index, line in enumerate(article.lines):
            reading = article._render_reading_line(index)
            text = article._render_text_line(line, -1)
            assert reading.cell_length <= width and text.cell_length <= width, index
        china = next(t for t in app.reader.document.tokens if t.text == "中國")
        line = article.line_of(china.start)
        x = article._x_of(line, china.start)
        reading_row = article._render_reading_line(line).text
        assert reading_row[x:].startswith("Zhōng guó")
        await pilot.press("j", "space", "G", "g")
        assert article.token.kind.is_word
        await pilot.press("p")

        def china_line() -> str:  # zhuyin is wider than pinyin: the lines wrap anew
            return article._render_reading_line(article.line_of(china.start)).text

        await until(pilot, lambda: "ㄓㄨㄥ" in china_line(), "zhuyin")
        assert "ㄓㄨㄥ ㄍㄨㄛˊ" in china_line()
        await pilot.press("p")
        assert article.rows == 1 and not article.readings


async def test_d_opens_the_dictionary_on_the_word_and_l_the_word_list() -> None:
    from tui.screens.lookup import LookupScreen
    from tui.screens.stats import StatsScreen
    from tui.screens.wordlist import WordListScreen

    app = text_app("他去銀行了。")
    async with app.run_test(size=(100, 40)) as pilot:
        await until_ready(pilot)
        await pilot.press("w", "w", "a", "d")
        assert isinstance(app.screen, LookupScreen)
        await pilot.press("escape", "L")
        assert isinstance(app.screen, WordListScreen)
        await pilot.press("escape", "I")
        assert isinstance(app.screen, StatsScreen)


async def test_the_dictionary_opens_again_on_the_new_word_with_fresh_hits() -> None:
    """One lookup screen serves every ``d``: each opening starts from the word under the
    cursor, with nothing left of the last search."""
    from textual.widgets import Input

    from tui.screens.lookup import LookupScreen

    app = text_app("他去銀行了。")
    async with app.run_test(size=(100, 40)) as pilot:
        await until_ready(pilot)
        await pilot.press("w", "w", "d")  # 銀行
        first = app.screen
        assert isinstance(first, LookupScreen)
        await until(pilot, lambda: first.hits.query == "銀行", "hits for 銀行")
        await pilot.press("down", "enter")
        assert first.shown is not None
        await pilot.press("escape", "escape", "b", "d")  # 去
        assert app.screen is first
        assert first.query_one("#lookup-input", Input).value == "去"
        assert first.shown is None
        await until(pilot, lambda: first.hits.query == "去", "hits for 去")
        assert any(entry.simplified == "去" for entry in first.hits.dictionary)


async def test_hsk_standard_can_be_changed_from_the_palette() -> None:
    app = text_app("銀行很大")
    async with app.run_test(size=(100, 40)) as pilot:
        await until_ready(pilot)
        assert "HSK 2025:" in (await entry_text(pilot))
        commands = app.get_system_commands(app.screen)
        next(c for c in commands if c.title == "HSK standard: 2.0").callback()
        await pilot.pause()
        assert "HSK 2.0:" in (await entry_text(pilot))


async def test_readings_take_tone_colours_too() -> None:
    app = text_app("銀行很大")
    async with app.run_test(size=(100, 40)) as pilot:
        await until_ready(pilot)
        article = app.query_one("#article")
        await pilot.press("t", "p")
        await until(pilot, lambda: article.readings, "the reading line")
        strip = article._render_reading_line(0)
        colours = {
            seg.style.color.name
            for seg in strip
            if seg.text.strip() and seg.style and seg.style.color
        }
        assert len(colours) >= 3


async def test_h_tints_words_above_an_hsk_level() -> None:
    app = text_app("我們研究半導體")
    async with app.run_test(size=(100, 40)) as pilot:
        await until_ready(pilot)
        article = app.query_one("#article")
        await pilot.press("H")
        tinted = {app.reader.document.text[s:e] for s, e in article.marks["above-level"].spans}
        assert "半導體" in tinted and "我們" not in tinted
        for _ in range(3):
            await pilot.press("H")
        assert not article.marks["above-level"]
