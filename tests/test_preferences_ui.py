"""Pilot tests of the reader's preferences: remapped keys (and the help screen showing them),
a broken config, settings remembered between two runs, themes, the command palette, and the
mouse (double click, the sidebar's splitter, the wheel). The config and data directories are
per test (conftest), so two apps in one test share them like two runs of zhread."""

from __future__ import annotations

from pathlib import Path

from textual import events
from textual.widgets import Input

from tests.apps import sample_app, until, until_ready, until_segmented
from tui.screens.help import HelpScreen
from tui.screens.lookup import LookupScreen
from tui.screens.prompt import PromptScreen
from tui.store.config import config_path
from tui.store.settings import settings_path
from tui.widgets.article import ArticleView
from tui.widgets.entry import EntryPanel
from tui.widgets.sidebar import Sidebar


def write_config(text: str) -> Path:
    path = config_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def notices(app) -> list[str]:
    return [notification.message for notification in app._notifications]


def titles(app) -> dict[str, str]:
    return {c.title: c.help for c in app.get_system_commands(app.screen)}


async def test_a_remapped_key_works_and_the_help_screen_shows_it() -> None:
    write_config('[keymap]\nnext-word = "f7"\ncycle-tones = "f5"\n')
    app = sample_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await until_segmented(pilot)
        assert not [n for n in notices(app) if "config.toml" in n]
        view = app.query_one(ArticleView)
        start = view.cursor
        await pilot.press("w")  # no longer bound
        assert view.cursor == start
        await pilot.press("f7")
        assert view.cursor > start
        await pilot.press("f5")
        assert view.tones == "pleco"
        await pilot.press("f1")
        assert isinstance(app.screen, HelpScreen)
        rows = {ident: key for key, _, ident in app.screen._rows}
        assert rows["next-word"] == "f7" and rows["cycle-tones"] == "f5"
        assert rows["previous-word"] == "← b"  # untouched bindings keep their keys


async def test_a_broken_config_is_reported_and_the_defaults_used() -> None:
    path = write_config('theme = "zhread-light"\n[keymap]\nquit = "w"\n')
    app = sample_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await until_segmented(pilot)
        message = next(n for n in notices(app) if "keymap.quit" in n)
        assert message.startswith(f"{path}:3: keymap.quit: 'w' is bound to both")
        assert "next-word" in message and "default settings" in message
        assert app.theme == "textual-dark"  # none of the broken file applies
        view = app.query_one(ArticleView)
        start = view.cursor
        await pilot.press("w")
        assert view.cursor > start and app.is_running


async def test_settings_are_remembered_between_runs() -> None:
    first = sample_app()
    async with first.run_test(size=(100, 30)) as pilot:
        await until_segmented(pilot)
        await pilot.press("s", "t", "i", "p")
        first.reader.learning.set_hsk("2021")
        first.theme = "zhread-light"
        await pilot.pause()
    stored = settings_path().read_text(encoding="utf-8")
    for expected in (
        '"script": "hans"',
        '"tones": "pleco"',
        '"inline-glosses": true',
        '"reading": "pinyin"',
        '"hsk": "2021"',
        '"theme": "zhread-light"',
    ):
        assert expected in stored

    second = sample_app()
    async with second.run_test(size=(100, 30)) as pilot:
        await until_segmented(pilot)
        view = second.query_one(ArticleView)
        assert second.theme == "zhread-light"
        assert (second.reader.target, second.reader.reading_mode) == ("hans", "pinyin")
        assert view.tones == "pleco" and view.inline
        assert second.query_one(EntryPanel).standard == "2021"
        await until(pilot, lambda: view.readings, "the reading line")
        assert view.script_config and "观察者网" in str(view.view_text)


async def test_two_running_readers_remember_each_others_changes() -> None:
    """Each run writes only what was changed in it: B's tone colours survive A's change of
    script, made after B's, though A started before B had changed anything."""
    first, second = sample_app(), sample_app()
    async with first.run_test(size=(100, 30)) as a_pilot:
        await until_segmented(a_pilot)
        async with second.run_test(size=(100, 30)) as b_pilot:
            await until_segmented(b_pilot)
            await b_pilot.press("t")
            await b_pilot.pause()
        await a_pilot.press("s")
        await a_pilot.pause()
    stored = settings_path().read_text(encoding="utf-8")
    assert '"tones": "pleco"' in stored and '"script": "hans"' in stored


async def test_the_config_gives_defaults_and_remembered_values_win() -> None:
    write_config('tones = "mdbg"\nscript = "tw"\n')
    settings_path().parent.mkdir(parents=True)
    settings_path().write_text('{"version": 1, "settings": {"tones": "pleco"}}')
    app = sample_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await until_segmented(pilot)
        assert app.query_one(ArticleView).tones == "pleco"
        assert app.reader.target == "tw"


async def test_remember_false_neither_reads_nor_writes() -> None:
    write_config("remember = false\n")
    settings_path().parent.mkdir(parents=True)
    settings_path().write_text('{"version": 1, "settings": {"tones": "pleco"}}')
    app = sample_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await until_segmented(pilot)
        assert app.query_one(ArticleView).tones is None
        await pilot.press("i")
    assert "inline" not in settings_path().read_text()


async def test_a_damaged_settings_file_is_moved_aside_with_a_notice() -> None:
    settings_path().parent.mkdir(parents=True)
    settings_path().write_text("{oops", encoding="utf-8")
    app = sample_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await until_segmented(pilot)
        assert any("moved aside" in n for n in notices(app))
        assert list(settings_path().parent.glob("settings.json.corrupt-*"))
        await pilot.press("t")
    assert '"tones": "pleco"' in settings_path().read_text()


async def test_the_theme_changes_from_the_palette_and_recolours_terms() -> None:
    app = sample_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await until_segmented(pilot)
        view = app.query_one(ArticleView)
        dark = view.get_component_rich_style("article--term", partial=True).color
        assert "Theme" in titles(app)
        await pilot.press("ctrl+p")
        await pilot.press(*"theme")
        await until(pilot, lambda: _palette_shows(app, "Change the current theme"), "Theme")
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press(*"zhread-light")
        await until(pilot, lambda: _palette_shows(app, "zhread-light"), "the theme's name")
        await pilot.press("enter")
        await until(pilot, lambda: app.theme == "zhread-light", "the theme change")
        await pilot.pause()
        light = view.get_component_rich_style("article--term", partial=True).color
        assert light != dark and light.triplet.hex == "#8a4b00"
    assert '"theme": "zhread-light"' in settings_path().read_text()


def _palette_shows(app, text: str) -> bool:
    from textual.command import CommandList

    lists = app.screen.query(CommandList)
    return bool(lists) and any(text in str(option.prompt) for option in lists.first().options)


async def test_the_palette_lists_every_action_with_its_live_keys() -> None:
    write_config('[keymap]\ncycle-tones = "f5"\ntoggle-parallel = "f6"\n')
    app = sample_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await until_segmented(pilot)
        commands = titles(app)
        for title in (
            "Open file…",
            "Export word list…",
            "Theme",
            "Script: Simplified",
            "Word list",
            "Dictionary",
            "Keys",
            "Copy word",
            "Add word",
            "Next term",
        ):
            assert title in commands, title
        assert not any("Settings" in n for n in notices(app))
        assert commands["Tone colours"].endswith("(f5)")
        assert commands["Side by side"].endswith("(f6)")
        assert commands["Next term"].endswith(r"(])")
        assert any(t.startswith("Open sample: ") for t in commands)
        jumps = [t for t in commands if t.startswith("Jump to term: ")]
        assert jumps
        app.reader.commands.jump_to_term(app.query_one("#terms").uses[1])
        await pilot.pause()
        view = app.query_one(ArticleView)
        assert view.token.term == app.query_one("#terms").uses[1].entry.id


async def test_open_file_from_the_palette(tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_text("銀行的長期計劃很好。\n", encoding="utf-8")
    app = sample_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await until_segmented(pilot)
        app.reader.commands.open_file()
        await pilot.pause()
        assert isinstance(app.screen, PromptScreen)
        app.screen.query_one(Input).value = str(story)
        await pilot.press("enter")
        await until(pilot, lambda: app.reader.document.text.startswith("銀行"), "the new document")
        await until_segmented(pilot)
        app.reader.commands.open_file()
        await pilot.pause()
        app.screen.query_one(Input).value = str(tmp_path / "missing.txt")
        await pilot.press("enter")
        await until(pilot, lambda: any("missing.txt" in n for n in notices(app)), "an error")
        assert app.reader.document.text.startswith("銀行")


async def test_export_from_the_palette(tmp_path: Path) -> None:
    output = tmp_path / "words.csv"
    app = sample_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await until_ready(pilot)
        await pilot.press("a")
        app.reader.commands.export()
        await pilot.pause()
        assert app.screen.query_one(Input).value == "words.apkg"
        app.screen.query_one(Input).value = str(output)
        await pilot.press("enter")
        await until(pilot, output.exists, "the export")
        assert output.read_text(encoding="utf-8").startswith("simplified,traditional")


async def test_double_click_looks_the_word_up() -> None:
    app = sample_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await until_ready(pilot)
        view = app.query_one(ArticleView)
        await pilot.click(ArticleView, offset=(8, 2))
        assert not isinstance(app.screen, LookupScreen)
        word = view.token.text
        await pilot.click(ArticleView, offset=(8, 2), times=2)
        await pilot.pause()
        assert isinstance(app.screen, LookupScreen)
        assert app.screen.query_one(Input).value == word


async def test_dragging_the_splitter_resizes_the_sidebar_and_is_remembered() -> None:
    app = sample_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await until_segmented(pilot)
        sidebar = app.query_one(Sidebar)
        assert sidebar.outer_size.width == 36
        left = sidebar.region.x
        resting = sidebar.styles.border_left
        await pilot.mouse_down(Sidebar, offset=(0, 5))  # on its left border
        await pilot.pause()
        assert sidebar.styles.border_left != resting, "the border shows no sign of the drag"
        await pilot.hover(None, offset=(left - 5, 8))  # screen offsets from here on
        await pilot.hover(None, offset=(left - 10, 8))
        await pilot.mouse_up(None, offset=(left - 10, 8))
        await pilot.pause()
        assert sidebar.outer_size.width == 36 + 10
        assert sidebar.region.x == left - 10
        assert app.query_one(ArticleView).size.width < 100 - 46
        await pilot.hover(None, offset=(left - 20, 8))  # not dragging any more
        await pilot.pause()
        assert sidebar.outer_size.width == 46
    assert '"sidebar-width": 46' in settings_path().read_text()

    again = sample_app()
    async with again.run_test(size=(100, 30)) as pilot:
        await until_segmented(pilot)
        assert again.query_one(Sidebar).outer_size.width == 46
    narrow = sample_app()
    async with narrow.run_test(size=(60, 20)) as pilot:  # narrow: the terms take it all
        await until_segmented(pilot)
        await pilot.press("l")
        await pilot.pause()
        assert narrow.query_one(Sidebar).outer_size.width == 60


async def test_the_wheel_scrolls_the_article() -> None:
    app = sample_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await until_segmented(pilot)
        view = app.query_one(ArticleView)
        assert view.scroll_offset.y == 0
        x, y = view.region.x + 5, view.region.y + 5
        for _ in range(3):
            view.post_message(
                events.MouseScrollDown(
                    view, 5, 5, 0, 1, 0, False, False, False, screen_x=x, screen_y=y
                )
            )
        await until(pilot, lambda: view.scroll_offset.y > 0, "scrolling")
