"""SVG snapshots of the lookup and statistics screens. Update with `pytest --snapshot-update`
after an intended change, and look at the report before committing.

The screens are pushed onto a bare app with zhread's stylesheet rather than onto the reader,
so these pictures change when the screens do and not whenever the main screen behind them
does.
"""

from __future__ import annotations

from tests.apps import Host
from tests.conftest import SAMPLE
from tui.core.scripts.convert import shadow
from tui.core.words.segment import segment
from tui.screens.lookup import LookupScreen
from tui.screens.stats import StatsScreen


def test_lookup_screen_100x30(snap_compare, dictionary, glossary) -> None:
    screen = LookupScreen(dictionary, glossary)

    async def search(pilot) -> None:
        await pilot.press(*"yinhang")
        for _ in range(200):
            if screen.hits.query == "yinhang":
                break
            await pilot.pause(0.02)
        await pilot.press("enter")
        await pilot.pause()

    assert snap_compare(Host(screen), terminal_size=(100, 30), run_before=search)


def test_stats_screen_100x30(snap_compare, glossary, splitter) -> None:
    text = SAMPLE.read_text(encoding="utf-8")
    document = segment(text, glossary, splitter, str(SAMPLE), shadow(text))
    assert snap_compare(Host(StatsScreen(document)), terminal_size=(100, 30))


def test_skim_screen_100x30(snap_compare, glossary, splitter) -> None:
    from tui.screens.skim import SkimScreen

    text = SAMPLE.read_text(encoding="utf-8")
    document = segment(text, glossary, splitter, str(SAMPLE), shadow(text))
    screen = SkimScreen(lambda: (document, glossary))

    async def loaded(pilot) -> None:
        for _ in range(1500):
            if screen.report is not None:
                break
            await pilot.pause(0.02)
        await pilot.pause()

    assert snap_compare(Host(screen), terminal_size=(100, 30), run_before=loaded)
