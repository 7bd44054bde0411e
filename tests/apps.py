"""Small helpers to build and drive the app in Pilot and snapshot tests."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

from textual.app import App
from textual.screen import Screen

from tests.conftest import SAMPLE
from tui.app import ZhreadApp
from tui.core.glossary.bundled import builtin_glossary_path
from tui.core.glossary.loader import load_glossary
from tui.themes import ZhreadStyles


def sample_app() -> ZhreadApp:
    return ZhreadApp(
        SAMPLE.read_text(encoding="utf-8"), str(SAMPLE), load_glossary(builtin_glossary_path())
    )


def text_app(text: str) -> ZhreadApp:
    return ZhreadApp(text, "<test>", load_glossary(builtin_glossary_path()))


async def until(pilot, condition, what: str, timeout: float = 30.0) -> None:
    """Wait for work the app does in a thread (segmenting, aligning, readings) to show."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not condition():
        assert loop.time() < deadline, f"{what} did not happen"
        await pilot.pause(0.05)
    await pilot.pause()


async def entry_text(pilot) -> str:
    """The sidebar's text once it describes the word under the cursor (it follows the
    cursor a frame later)."""
    from tui.widgets.entry import EntryPanel

    await entry_settled(pilot)
    return pilot.app.query_one(EntryPanel).text.plain


async def until_segmented(pilot, timeout: float = 30.0) -> None:
    """Wait for the segmentation worker; the first frame comes before it by design."""
    await until(pilot, lambda: pilot.app.reader.segmented, "segmentation", timeout)


async def until_ready(pilot, timeout: float = 60.0) -> None:
    """Segmented and with the dictionary open: nothing left to change the screen by itself.
    The first run of a session builds the dictionary's index, hence the longer wait."""
    await until_segmented(pilot)
    await until(pilot, lambda: pilot.app.dictionary is not None, "the dictionary", timeout)
    await entry_settled(pilot)


async def entry_settled(pilot) -> None:
    """The sidebar describes the word under the cursor (it follows the cursor a frame
    later): wait for it before a snapshot or a look at the sidebar."""
    await until(pilot, lambda: not pilot.app.reader.entry_pending, "the sidebar entry")


class Host(ZhreadStyles, App[None]):
    """Nothing but the screen under test, styled as in zhread; ``closed_with`` is what it
    was dismissed with."""

    CSS_PATH = Path(ZhreadApp.CSS_PATH)

    def __init__(self, screen: Screen[Any] | None = None) -> None:
        super().__init__()
        self.pushed = screen
        self.closed_with: object = None

    def on_mount(self) -> None:
        if self.pushed is not None:
            self.push_screen(self.pushed, self._keep_result)

    def _keep_result(self, result: object) -> None:
        self.closed_with = result
