"""The article's measure: on a wide terminal its lines stop at ``max-line-width`` cells (80 by
default: 40 Chinese characters, as e-readers set them), centred in the pane, while the
sidebar keeps its place; 0 lets them run the whole width. The setting is read from the
config and the settings file like the others, and the palette changes it."""

from __future__ import annotations

import json

import pytest
from rich.cells import cell_len

from tests.apps import sample_app, until_segmented
from tests.regions import region_lines
from tui.store.config import ConfigError, config_path, default_config_text, parse_config
from tui.store.settings import Settings, _validated, settings_path
from tui.widgets.article import ArticleView


def write_config(text: str) -> None:
    path = config_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def text_lines(app) -> list[str]:
    """The article's rows as drawn, without its scrollbar."""
    region = app.query_one(ArticleView).scrollable_content_region
    return [line for line in region_lines(app, region) if line.strip()]


def left_blank(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


# -- the setting ---------------------------------------------------------------------------


def test_the_default_is_forty_characters_and_zero_is_no_limit() -> None:
    assert Settings().max_line_width == 80
    assert parse_config("").max_line_width == 80
    assert parse_config("max-line-width = 0").settings().max_line_width == 0
    assert "max-line-width = 80" in default_config_text()


@pytest.mark.parametrize("value", ["5", "19", "1001", "-1", "true", '"80"', "80.5"])
def test_a_bad_width_in_the_config_names_the_key(value: str) -> None:
    with pytest.raises(ConfigError, match=r"config.toml:1: max-line-width: "):
        parse_config(f"max-line-width = {value}")


@pytest.mark.parametrize("value", [5, 19, 1001, -1, True, "80", 80.5])
def test_a_bad_remembered_width_is_refused(value: object) -> None:
    with pytest.raises(ValueError, match="max_line_width"):
        _validated({"settings": {"max-line-width": value}})
    assert _validated({"settings": {"max-line-width": 120}}) == {"max_line_width": 120}


# -- the article -----------------------------------------------------------------------------


async def test_wide_lines_stop_at_the_measure_centred_and_the_sidebar_stays() -> None:
    app = sample_app()
    async with app.run_test(size=(200, 40)) as pilot:
        await until_segmented(pilot)
        view = app.query_one(ArticleView)
        sidebar_x = app.query_one("#sidebar").region.x
        lines = text_lines(app)
        assert max(cell_len(line.strip()) for line in lines) <= 80
        assert max(cell_len(line.strip()) for line in lines) >= 76  # the measure is used
        margin = (view.scrollable_content_region.width - 80) // 2
        assert margin > 0 and all(left_blank(line) >= margin for line in lines)
        assert min(left_blank(line) for line in lines) == margin  # centred, not pushed right
        app.reader.set_max_line_width(0)
        await pilot.pause()
        lines = text_lines(app)
        assert max(cell_len(line.strip()) for line in lines) > 120
        assert min(left_blank(line) for line in lines) == 0
        assert app.query_one("#sidebar").region.x == sidebar_x


async def test_a_narrow_pane_is_not_narrowed_further() -> None:
    app = sample_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await until_segmented(pilot)
        view = app.query_one(ArticleView)
        assert view.scrollable_content_region.width < 80
        assert min(left_blank(line) for line in text_lines(app)) == 0


async def test_a_click_in_the_centred_text_finds_the_word_under_it() -> None:
    app = sample_app()
    async with app.run_test(size=(200, 40)) as pilot:
        await until_segmented(pilot)
        view = app.query_one(ArticleView)
        await pilot.press("w", "w", "w", "j", "j")
        token = view.token
        line = view.line_of(token.start)
        x = view._margin() + view._x_of(line, token.start)
        y = line * view.rows - round(view.scroll_offset.y)
        await pilot.press("g")
        assert view.token != token
        await pilot.click(ArticleView, offset=(x + view.styles.padding.left, y))
        assert view.token == token
        start = view.token
        await pilot.click(ArticleView, offset=(1, y))  # in the margin: nothing moves
        assert view.token == start


async def test_the_config_sets_it_and_the_palette_changes_and_remembers_it() -> None:
    write_config("max-line-width = 60\n")
    app = sample_app()
    async with app.run_test(size=(200, 40)) as pilot:
        await until_segmented(pilot)
        assert max(cell_len(line.strip()) for line in text_lines(app)) <= 60
        titles = [c.title for c in app.get_system_commands(app.screen)]
        assert "Line length: 50 characters" in titles and "Line length: no limit" in titles
        command = next(
            c
            for c in app.get_system_commands(app.screen)
            if c.title == "Line length: 50 characters"
        )
        command.callback()
        await pilot.pause()
        assert 90 < max(cell_len(line.strip()) for line in text_lines(app)) <= 100
    saved = json.loads(settings_path().read_text(encoding="utf-8"))["settings"]
    assert saved["max-line-width"] == 100
    again = sample_app()
    async with again.run_test(size=(200, 40)) as pilot:
        await until_segmented(pilot)
        assert again.query_one(ArticleView).measure == 100
