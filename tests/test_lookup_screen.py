"""The lookup screen says why pinyin that cannot be found nothing, and ranks as the
dictionary does (the real CC-CEDICT index)."""

from __future__ import annotations

from textual.widgets import OptionList

from tests.apps import text_app, until, until_ready
from tui.screens.lookup import LookupScreen


async def _typed(pilot, screen: LookupScreen, query: str) -> tuple[list[str], str]:
    """The rows listed and the status line once the search for ``query`` is shown."""
    await pilot.press("ctrl+u", *query)
    await until(pilot, lambda: screen.hits.query == query, f"hits for {query}")
    options = screen.query_one("#lookup-hits", OptionList)
    rows = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
    return rows, str(screen.query_one("#lookup-status").render())


async def test_an_impossible_tone_says_so_instead_of_nothing() -> None:
    app = text_app("你好")
    async with app.run_test(size=(100, 30)) as pilot:
        await until_ready(pilot)
        screen = LookupScreen(app.dictionary, app.reader.glossary)
        app.push_screen(screen)
        await pilot.pause()
        rows, status = await _typed(pilot, screen, "ni3hao9")
        assert rows == [] and "ni3hao9: 9 is not a tone (1–5)" in status
        rows, status = await _typed(pilot, screen, "ni3hqo3")
        assert rows == [] and "hqo is not a pinyin syllable" in status
        rows, status = await _typed(pilot, screen, "nihao")
        assert len(rows) == 1 and rows[0].startswith("你好")
        assert status.startswith("1 hit ·") and "not a" not in status
        rows, _ = await _typed(pilot, screen, "chip")
        first_dictionary_row = next(row for row in rows if not row.startswith("◆"))
        assert first_dictionary_row.startswith("芯片")
