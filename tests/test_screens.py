"""Pilot tests for the lookup, word list and statistics screens, each pushed onto a reader
app with the real CC-CEDICT index and a real SQLite word list in the test's data directory."""

from __future__ import annotations

from textual.app import App
from textual.widgets import DataTable, Input, OptionList

from tests.apps import text_app, until, until_ready, until_segmented
from tui.core.learning.states import State
from tui.core.readings.levels import grade
from tui.screens.lookup import LookupScreen
from tui.screens.stats import LevelChart, StatsScreen
from tui.screens.wordlist import WordListScreen
from tui.store.wordlist import WordList, default_path


def text_of(screen, selector: str) -> str:
    return str(screen.query_one(selector).render())


# -- lookup ------------------------------------------------------------------------------


async def _search(pilot, screen: LookupScreen, query: str) -> list[str]:
    await pilot.press(*query)
    await until(pilot, lambda: screen.hits.query == query, f"hits for {query}")
    options = screen.query_one("#lookup-hits", OptionList)
    return [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]


async def test_lookup_finds_pinyin_english_and_glossary_terms() -> None:
    app = text_app("銀行")
    async with app.run_test(size=(100, 30)) as pilot:
        await until_ready(pilot)
        screen = LookupScreen(app.dictionary, app.reader.glossary)
        app.push_screen(screen)
        await pilot.pause()
        rows = await _search(pilot, screen, "yinhang")
        assert any("銀行 银行" in row for row in rows[:3])
        await pilot.press("enter")  # in the box: the first hit
        shown = text_of(screen, "#lookup-entry")
        assert "銀行" in shown and "yín háng" in shown and "bank" in shown and "HSK" in shown

        await pilot.press("ctrl+u")
        rows = await _search(pilot, screen, "distillation")
        assert rows[0].startswith("◆ 蒸餾 蒸馏") and "zhēng liú" in rows[0]
        await pilot.press("down", "enter")  # to the list, Enter on its highlighted first hit
        shown = text_of(screen, "#lookup-entry")
        assert "distillation" in shown and "student" in shown  # the glossary's definition

        screen.query_one("#lookup-input", Input).focus()
        await pilot.press("ctrl+u")
        rows = await _search(pilot, screen, "ni3hao3")
        assert rows and rows[0].startswith("你好")
        await pilot.press("escape")
        assert app.screen is not screen


async def test_enter_before_the_search_shows_the_first_hit_when_it_arrives() -> None:
    app = text_app("銀行")
    async with app.run_test(size=(100, 30)) as pilot:
        await until_ready(pilot)
        screen = LookupScreen(app.dictionary, app.reader.glossary, query="")
        app.push_screen(screen)
        await pilot.pause()
        await pilot.press(*"nǐ hǎo", "enter")  # well inside the debounce
        await until(pilot, lambda: screen.shown is not None, "the entry shown")
        assert "hello" in text_of(screen, "#lookup-entry")


async def test_lookup_without_the_dictionary_searches_the_glossary() -> None:
    from tui.core.glossary.bundled import builtin_glossary_path
    from tui.core.glossary.loader import load_glossary

    app: App[None] = App()
    async with app.run_test(size=(100, 30)) as pilot:
        screen = LookupScreen(None, load_glossary(builtin_glossary_path()), query="蒸馏")
        app.push_screen(screen)
        await until(pilot, lambda: screen.hits.query == "蒸馏", "hits for 蒸馏")
        assert "still loading" in text_of(screen, "#lookup-status")
        assert [e.hant for e in screen.hits.glossary][:1] == ["蒸餾"]
        assert not screen.hits.dictionary


# -- word list ---------------------------------------------------------------------------


def _saved_words() -> WordList:
    words = WordList.open()
    words.add("銀行", "银行", "yín háng", "bank", "我的朋友在銀行工作。", "<test>")
    words.add("長期", "长期", "cháng qī", "[bold]long[/bold] term", "", "<test>")
    words.add("朋友", "朋友", "péng you", "friend")
    return words


async def test_word_list_lists_removes_and_edits() -> None:
    words = _saved_words()
    app = text_app("銀行")
    async with app.run_test(size=(100, 30)) as pilot:
        await until_segmented(pilot)
        screen = WordListScreen(words)
        app.push_screen(screen)
        await pilot.pause()
        table = screen.query_one("#wordlist-table", DataTable)
        assert table.row_count == 3
        assert "3 saved words" in text_of(screen, "#wordlist-title")
        assert str(default_path()) in text_of(screen, "#wordlist-title")
        assert "[bold]long[/bold] term" in str(table.get_cell_at((1, 3)))  # not markup

        await pilot.press("x", "down", "x")  # moving away disarms the first press
        assert table.row_count == 3
        with WordList.open() as fresh:
            assert len(fresh) == 3
        await pilot.press("x")
        assert table.row_count == 2
        with WordList.open() as fresh:  # on disk, not just on screen
            assert [w.hant for w in fresh.entries()] == ["銀行", "朋友"]

        await pilot.press("e")
        editor = screen.query_one("#wordlist-editor", Input)
        assert editor.display and editor.has_focus and editor.value == "friend"
        await pilot.press("end", *"; companion", "enter")
        assert not editor.display and table.has_focus
        with WordList.open() as fresh:
            assert fresh.entries()[1].definition == "friend; companion"
        assert "friend; companion" in str(table.get_cell_at((1, 3)))

        await pilot.press("up", "e", *" (changed)", "escape")  # Escape cancels the edit...
        with WordList.open() as fresh:
            assert fresh.entries()[0].definition == "bank"
        assert app.screen is screen
        await pilot.press("q")  # ...and then closes
        assert app.screen is not screen


# -- statistics --------------------------------------------------------------------------

STATS_TEXT = "我喜歡學習中文。\n\n我的朋友在銀行工作。\nHello 123 朋友\n他很忙，我也很忙。"


async def test_stats_counts_levels_and_known_share() -> None:
    app = text_app(STATS_TEXT)
    async with app.run_test(size=(100, 30)) as pilot:
        await until_segmented(pilot)
        states = {"喜欢": State.KNOWN, "学习": State.LEARNING_2}
        screen = StatsScreen(app.reader.document, states=states)
        app.push_screen(screen)
        await pilot.pause()
        stats = screen.stats
        assert (stats.characters, stats.paragraphs) == (25, 4)
        assert (stats.words, stats.unique_words, stats.han_words) == (20, 15, 18)
        assert stats.known == 1
        han = [
            app.reader.document.shadow[t.start : t.end]
            for t in app.reader.document.tokens
            if t.kind.value == "han"
        ]
        assert stats.grade == grade(han)
        summary = text_of(screen, "#stats-summary")
        assert "Characters  25" in summary and "Paragraphs  4" in summary
        assert f"HSK level  {stats.grade.label}" in summary
        assert "Known words  6%  (1 of 18 Chinese word tokens)" in summary
        chart = str(screen.query_one(LevelChart).render())
        assert chart.splitlines()[0].split()[:2] == ["1", str(stats.grade.histogram[1])]
        assert "█" in chart
        reading = text_of(screen, "#stats-reading")
        assert "400 characters a minute" in reading and "100 characters a minute" in reading
        await pilot.press("escape")
        assert app.screen is not screen


async def test_stats_without_known_words_leaves_the_share_out() -> None:
    app = text_app(STATS_TEXT)
    async with app.run_test(size=(100, 30)) as pilot:
        await until_segmented(pilot)
        screen = StatsScreen(app.reader.document, standard="2.0")
        app.push_screen(screen)
        await pilot.pause()
        summary = text_of(screen, "#stats-summary")
        assert "Known words" not in summary
        assert "2.0 standard" in text_of(screen, "#stats-curve-title")
        await pilot.press("q")
        assert app.screen is not screen
