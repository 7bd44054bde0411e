"""Pilot tests for the skim screen: `o` opens it from the reader, Enter on an item puts the
article's cursor there, and it waits for segmentation when opened too early."""

from __future__ import annotations

import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import NamedTuple

from textual.app import App
from textual.pilot import Pilot
from textual.widgets import OptionList, Static, TabbedContent

from tests.apps import Host, sample_app, until, until_segmented
from tests.conftest import SAMPLE
from tui.core.analysis.skim import skim_parts
from tui.core.model.document import Document
from tui.core.scripts.convert import shadow
from tui.core.words.segment import segment
from tui.screens.skim import SkimScreen
from tui.widgets.article import ArticleView


async def open_skim(pilot) -> SkimScreen:
    await pilot.press("o")
    screen = pilot.app.screen
    assert isinstance(screen, SkimScreen)
    await until(pilot, lambda: screen.report is not None, "the skim report", 60)
    return screen


async def test_o_opens_the_report_and_enter_jumps_to_a_person() -> None:
    app = sample_app()
    async with app.run_test(size=(110, 35)) as pilot:
        await until_segmented(pilot)
        assert any(b.id == "skim" and b.show for b in app.reader.BINDINGS)  # in the footer
        screen = await open_skim(pilot)
        first = screen.report.people[0]
        assert app.screen.focused.id == "skim-people"
        await pilot.press("enter")
        assert not isinstance(app.screen, SkimScreen)
        view = app.query_one("#article", ArticleView)
        assert view.cursor == app.reader.document.token_index_at(first.start)
        assert len(view.matches) == first.count  # n / N go through every mention
        await pilot.press("n")
        assert view.cursor == app.reader.document.token_index_at(first.occurrences[1][0])


async def test_enter_on_a_quote_jumps_to_it_and_escape_closes() -> None:
    app = sample_app()
    async with app.run_test(size=(110, 35)) as pilot:
        await until_segmented(pilot)
        screen = await open_skim(pilot)
        await pilot.press("right", "right", "right")  # people → orgs → places → quotes
        tabs = screen.query_one("#skim-tabs", TabbedContent)
        assert tabs.active == "skim-tab-quotes"
        assert app.screen.focused.id == "skim-quotes"
        await pilot.press("down", "enter")
        quote = screen.report.quotes[1]
        view = app.query_one("#article", ArticleView)
        assert view.cursor == app.reader.document.token_index_at(quote.start)

        screen = await open_skim(pilot)  # the report is kept: ready at once
        await pilot.press("escape")
        assert not isinstance(app.screen, SkimScreen)


async def test_waits_for_segmentation(glossary, splitter) -> None:
    text = "約翰·史密斯表示，「我們會繼續努力，直到成功。」"
    ready: list = []
    screen = SkimScreen(lambda: ready[0] if ready else None)
    app = Host()
    async with app.run_test(size=(100, 30)) as pilot:
        app.push_screen(screen)
        await pilot.pause(0.3)
        assert "Waiting" in str(screen.query_one("#skim-status", Static).render())
        assert screen.report is None
        ready.append((segment(text, glossary, splitter, "<test>", shadow(text)), glossary))
        await until(pilot, lambda: screen.report is not None, "the skim report", 60)
        quotes = screen.query_one("#skim-quotes", OptionList)
        assert "約翰·史密斯" in str(quotes.get_option_at_index(0).prompt)


async def test_hostile_text_is_shown_not_obeyed(glossary, splitter) -> None:
    text = "[bold]約翰·史密斯[/bold]表示，「\x1b[31m我們會繼續，直到成功。」"
    screen = SkimScreen(lambda: (segment(text, glossary, splitter, "<t>", shadow(text)), glossary))
    app = Host()
    async with app.run_test(size=(100, 30)) as pilot:
        app.push_screen(screen)
        await until(pilot, lambda: screen.report is not None, "the skim report", 60)
        await pilot.press("right", "right", "right")
        prompt = str(screen.query_one("#skim-quotes", OptionList).get_option_at_index(0).prompt)
        assert "\x1b" not in prompt and "␛" in prompt


# Not the sample: a sentence with Latin names inside a run of Chinese with no space in it,
# which Rich's wrapping folds wherever the width runs out (`通過D` / `eepSeek-R1`).
REPORT = (
    "研究人員在週三發表的報告中指出，通過DeepSeek-R1和Qwen2.5等開源模型，小型企業也能以"
    "很低的成本建立自己的客服系統，而這在兩年前幾乎是不可能的。\n"
)
LATIN = ("DeepSeek-R1", "Qwen2.5")


async def test_lists_break_lines_between_words_not_inside_them(glossary, splitter) -> None:
    from tests.regions import widget_lines
    from tui.core.model.chars import NO_LINE_START

    screen = SkimScreen(
        lambda: (segment(REPORT, glossary, splitter, "<t>", shadow(REPORT)), glossary)
    )
    app = Host()
    async with app.run_test(size=(60, 30)) as pilot:
        app.push_screen(screen)
        await until(pilot, lambda: screen.report is not None, "the skim report", 60)
        await pilot.press(*["right"] * 5)  # people → … → outline
        outline = screen.query_one("#skim-outline", OptionList)
        for width in range(34, 80):
            await pilot.resize_terminal(width, 30)
            await pilot.pause()
            lines = [line.strip() for line in widget_lines(app, outline) if line.strip()]
            assert "".join(lines) == REPORT.strip(), width
            for word in LATIN:
                assert any(word in line for line in lines), (width, lines)
            for line in lines[1:]:
                assert line[0] not in NO_LINE_START, (width, lines)


def held_after_first(splitter, go_on: threading.Event):
    """The real report's parts, the later ones held until ``go_on`` is set."""

    def parts(document, glossary):
        made = skim_parts(document, glossary, splitter)
        yield next(made)
        assert go_on.wait(120), "the held parts were never let go"
        yield from made

    return parts


class Held(NamedTuple):
    app: App[None]
    pilot: Pilot[None]
    screen: SkimScreen
    go_on: threading.Event
    document: Document


def held_skim(glossary, splitter) -> tuple[SkimScreen, threading.Event, Document]:  # type: ignore[no-untyped-def]
    """A skim screen of the sample (and its document) whose parts after the first wait for
    the event."""
    text = SAMPLE.read_text(encoding="utf-8")
    document = segment(text, glossary, splitter, str(SAMPLE), shadow(text))
    go_on = threading.Event()
    screen = SkimScreen(lambda: (document, glossary), held_after_first(splitter, go_on))
    return screen, go_on, document


@asynccontextmanager
async def outline_shown(glossary, splitter) -> AsyncIterator[Held]:  # type: ignore[no-untyped-def]
    """The held skim screen pushed over a bare app, once its outline (the first part) shows;
    the held parts are let go on the way out whatever happened."""
    screen, go_on, document = held_skim(glossary, splitter)
    app = Host()
    try:
        async with app.run_test(size=(100, 30)) as pilot:
            await app.push_screen(screen)
            outline = screen.query_one("#skim-outline", OptionList)
            await until(pilot, lambda: outline.option_count > 1, "the outline")
            yield Held(app, pilot, screen, go_on, document)
    finally:
        go_on.set()


def prompt(listing: OptionList) -> str:
    return str(listing.get_option_at_index(0).prompt)


async def test_first_part_shows_while_the_rest_is_worked_out(glossary, splitter) -> None:
    async with outline_shown(glossary, splitter) as (app, pilot, screen, go_on, _):
        outline = screen.query_one("#skim-outline", OptionList)
        assert screen.query_one("#skim-tabs").display
        status = str(screen.query_one("#skim-status", Static).render())
        assert "Still finding people" in status and "outline" not in status
        assert "Still being worked out" in prompt(screen.query_one("#skim-people", OptionList))
        assert screen.report is None
        await pilot.press(*["right"] * 5)  # keys answer: people → … → outline
        assert screen.query_one("#skim-tabs", TabbedContent).active == "skim-tab-outline"
        assert app.screen.focused is outline

        go_on.set()
        await until(pilot, lambda: screen.report is not None, "the skim report", 60)
        assert not screen.query_one("#skim-status").display
        first = prompt(screen.query_one("#skim-people", OptionList))
        assert screen.report.people[0].name in first


async def test_escape_closes_at_once_while_parts_are_pending(glossary, splitter) -> None:
    import tui.screens.skim as skim_screen

    async with outline_shown(glossary, splitter) as (app, pilot, screen, go_on, document):
        await pilot.press("escape")
        assert app.screen is not screen
        go_on.set()  # the report is finished all the same, and kept for next time
        await until(
            pilot,
            lambda: skim_screen._last is not None and skim_screen._last[0] is document,
            "the kept report",
            60,
        )
