"""An SVG snapshot of the desk, built from three stories. Update with `pytest
--snapshot-update` after an intended change, and look at the report before committing.

The screen is pushed onto a bare app with zhread's stylesheet, and its desk is the one
tests/test_desk_screen.py builds by hand from the stories' real texts, so the picture
changes when the screen does and not when the analysis improves.
"""

from __future__ import annotations

from pathlib import Path

from tests.apps import Host
from tests.test_desk_screen import STORIES, paced
from tui.screens.desk import DeskScreen

#: Relative paths: the picture must not show where the checkout is.
SOURCES = [str(Path("tests") / "data" / "news" / name) for name in STORIES]


def test_desk_screen_100x30(snap_compare) -> None:
    screen = DeskScreen(SOURCES, build=paced())

    async def built(pilot) -> None:
        for _ in range(500):
            if screen.desk is not None:
                break
            await pilot.pause(0.02)
        await pilot.pause()

    assert snap_compare(Host(screen), terminal_size=(100, 30), run_before=built)
