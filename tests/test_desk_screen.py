"""Pilot tests for the desk: `D` in the library builds it in a thread, a person named in two
stories is listed as such, Enter on a person lists their quotes, Enter on a quote opens the
story at it, and Escape closes the desk at once even while it is still being built."""

from __future__ import annotations

import shutil
import threading
from collections.abc import Callable, Sequence
from pathlib import Path

from textual.widgets import Input, OptionList, ProgressBar, TabbedContent

from tests.apps import until, until_segmented
from tui.app import ZhreadApp
from tui.core.analysis.desk import Appearance, Desk, DeskDocument, DeskEntity, DeskQuote, DeskTerm
from tui.core.glossary.bundled import builtin_glossary_path
from tui.core.glossary.loader import load_glossary
from tui.reader.library import LIBRARY_PLACEHOLDER, LIBRARY_SOURCE
from tui.screens.desk import DeskScreen
from tui.screens.library import LibraryScreen
from tui.store.library import expand_paths
from tui.widgets.article import ArticleView

NEWS = Path(__file__).parent / "data" / "news"
STORIES = ("cn-chip-export.txt", "tw-chip-dresden-plant.txt", "hk-housing-budget.txt")
#: Said by 张雅婷 in the Taiwanese story.
QUOTE = "客戶最後還是會買單，但毛利率恐怕回不去了。"


def stories(tmp_path: Path) -> Path:
    root = tmp_path / "stories"
    root.mkdir()
    for name in STORIES:
        shutil.copy(NEWS / name, root / name)
    return root


def library_app(root: Path) -> ZhreadApp:
    app = ZhreadApp(LIBRARY_PLACEHOLDER, LIBRARY_SOURCE, load_glossary(builtin_glossary_path()))
    app.use_library(expand_paths([str(root)]))
    return app


def hand_desk(sources: Sequence[str]) -> Desk:
    """A desk of the stories as the core reports one: the President in two of them, under
    the name each region gives him, and a quote, found in the real texts."""
    texts = [Path(source).read_text(encoding="utf-8") for source in sources]
    documents = tuple(
        DeskDocument(source, text.splitlines()[0], source.split("/")[-1][:2], None, str(i))
        for i, (source, text) in enumerate(zip(sources, texts, strict=True))
    )
    chip, dresden = (sources.index(next(s for s in sources if s.endswith(n))) for n in STORIES[:2])
    trump = DeskEntity(
        "特朗普",
        "person",
        "Trump",
        ("特朗普", "川普"),
        (
            Appearance(chip, 1, texts[chip].index("特朗普")),
            Appearance(dresden, 1, texts[dresden].index("川普")),
        ),
    )
    analyst = DeskEntity(
        "张雅婷",
        "person",
        None,
        ("張雅婷",),
        (Appearance(dresden, 1, texts[dresden].index("張雅婷")),),
    )
    start = texts[dresden].index(QUOTE)
    quote = DeskQuote(QUOTE, "张雅婷", dresden, start, start + len(QUOTE), 19)
    term = DeskTerm("芯片", "chip", {"cn": ("芯片",), "tw": ("晶片",)}, (chip, dresden))
    return Desk(documents, (trump, analyst), (quote,), (term,), ())


def paced(gate: threading.Event | None = None) -> Callable[..., Desk]:
    """Builds :func:`hand_desk`, reporting each document; with ``gate``, the build waits on
    it after the first document (as a long build would)."""

    def build(sources: Sequence[str], glossary: object, *, progress=None, workers=None) -> Desk:
        for done, source in enumerate(sources, 1):
            if progress is not None:
                progress(done, len(sources), source)
            if gate is not None:
                gate.wait(10)
        return hand_desk(sources)

    return build


async def open_desk(pilot, app: ZhreadApp, build: Callable[..., Desk] | None) -> DeskScreen:
    await until(pilot, lambda: isinstance(app.screen, LibraryScreen), "the library")
    library = app.screen
    assert isinstance(library, LibraryScreen)
    if build is None:
        await pilot.press("D")
    else:  # the same push the key makes, with the build given
        app.push_screen(
            DeskScreen([e.path for e in library.entries], build=build), library._desk_jump
        )
    await pilot.pause()
    screen = app.screen
    assert isinstance(screen, DeskScreen)
    return screen


def options(screen: DeskScreen, section: str) -> list[str]:
    listing = screen.query_one(f"#desk-{section}", OptionList)
    return [str(listing.get_option_at_index(i).prompt) for i in range(listing.option_count)]


async def test_the_desk_lists_a_person_in_two_stories_and_opens_a_quote(tmp_path: Path) -> None:
    app = library_app(stories(tmp_path))
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_desk(pilot, app, paced())
        await until(pilot, lambda: screen.desk is not None, "the desk", 120)
        bar = screen.query_one(ProgressBar)
        assert bar.progress == bar.total == 3
        people = options(screen, "people")
        trump = next(row for row in people if row.startswith("特朗普"))
        assert "in 2 of 3 documents" in trump and "2 mentions" in trump
        assert any("晶片" in row and "芯片" in row for row in options(screen, "terms"))

        await pilot.press("enter")  # on 特朗普: no quotes of his
        assert screen.query_one(TabbedContent).active == "desk-tab-quotes"
        assert screen.query_one("#desk-filter", Input).value == "特朗普"
        await pilot.press("left", "left", "left", "down", "enter")  # people, then 张雅婷
        assert screen.query_one("#desk-filter", Input).value == "张雅婷"
        assert [row.split("\n")[1] for row in options(screen, "quotes")] == [f"「{QUOTE}」"]

        await pilot.press("enter")
        await until(pilot, lambda: app.reader.document.source.endswith(STORIES[1]), "the story")
        await until_segmented(pilot)
        assert not isinstance(app.screen, (DeskScreen, LibraryScreen))
        view = app.query_one("#article", ArticleView)
        text = app.reader.document.text
        assert view.cursor == app.reader.document.token_index_at(text.index(QUOTE))


async def test_typing_filters_quotes_by_speaker(tmp_path: Path) -> None:
    app = library_app(stories(tmp_path))
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_desk(pilot, app, paced())
        await until(pilot, lambda: screen.desk is not None, "the desk", 120)
        await pilot.press("slash", "陈")
        assert screen.query_one(TabbedContent).active == "desk-tab-quotes"
        assert options(screen, "quotes") == ["None found."]
        await pilot.press("backspace", "张")
        assert len(options(screen, "quotes")) == 1


async def test_escape_closes_at_once_while_the_desk_is_built(tmp_path: Path) -> None:
    gate = threading.Event()
    app = library_app(stories(tmp_path))
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_desk(pilot, app, paced(gate))
        await until(pilot, lambda: screen.query_one(ProgressBar).progress == 1, "one story")
        assert len(options(screen, "documents")) == 1  # what is read is listed
        await pilot.press("escape")
        assert isinstance(app.screen, LibraryScreen)
        gate.set()  # the build goes on to its next document, and stops there
        await pilot.pause(0.2)
        assert isinstance(app.screen, LibraryScreen)


async def test_d_builds_the_real_desk(tmp_path: Path) -> None:
    app = library_app(stories(tmp_path))
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_desk(pilot, app, None)
        await until(pilot, lambda: screen.desk is not None, "the desk", 180)
        desk = screen.desk
        assert desk is not None and len(desk.documents) == 3
        assert any(len(e.appearances) >= 2 for e in desk.entities)
        assert len(options(screen, "quotes")) == len(desk.quotes)
