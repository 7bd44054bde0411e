"""Pilot tests for the learner's sidebar: every CC-CEDICT entry of the word under the cursor,
its reading in context, its HSK level and its characters' own readings."""

from __future__ import annotations

from tests.apps import text_app, until_ready


def sidebar_text(app) -> str:
    return str(app.query_one("#entry-body").render())


async def test_sidebar_shows_dictionary_entries_levels_and_characters() -> None:
    app = text_app("銀行的長期計劃")
    async with app.run_test(size=(100, 40)) as pilot:
        await until_ready(pilot)
        shown = sidebar_text(app)
        assert "yín háng" in shown and "bank" in shown
        assert "HSK " in shown
        assert "Characters" in shown and "háng" in shown.split("Characters")[1]
        assert "xíng" in shown.split("Characters")[1]  # 行 keeps both its readings
        await pilot.press("w", "w")
        shown = sidebar_text(app)
        assert "長期" in shown and "cháng qī" in shown


async def test_glossary_entry_comes_before_the_dictionary() -> None:
    app = text_app("這是蒸餾。")
    async with app.run_test(size=(100, 40)) as pilot:
        await until_ready(pilot)
        await pilot.press("right_square_bracket")
        shown = sidebar_text(app)
        assert shown.index("distillation") < shown.index("HSK")
        assert "zhēng liú" in shown
