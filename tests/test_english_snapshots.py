"""SVG snapshot of the reader with the English line under the text and the reading line
over it. Update with `pytest --snapshot-update tests/test_english_snapshots.py` after an
intended change, and look at the report before committing."""

from __future__ import annotations

from tests.apps import entry_settled, sample_app, until, until_ready


def test_english_and_reading_lines_100x30(snap_compare) -> None:
    async def both_lines(pilot) -> None:
        await until_ready(pilot)
        await pilot.press("p", "e")
        view = pilot.app.query_one("#article")
        await until(pilot, lambda: view.english and view.readings, "both lines")
        await pilot.press("w", "w")
        await entry_settled(pilot)
        await pilot.pause()

    assert snap_compare(sample_app(), terminal_size=(100, 30), run_before=both_lines)
