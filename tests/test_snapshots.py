"""SVG snapshots of the main screen. Update with `pytest --snapshot-update` after an
intended change, and look at the report before committing."""

from __future__ import annotations

from tests.apps import entry_settled, sample_app, until, until_ready


async def _ready(pilot) -> None:
    await until_ready(pilot)


async def _on_a_term(pilot) -> None:
    await until_ready(pilot)
    await pilot.press("right_square_bracket", "right_square_bracket")
    await entry_settled(pilot)


def test_main_screen_100x30(snap_compare) -> None:
    assert snap_compare(sample_app(), terminal_size=(100, 30), run_before=_ready)


def test_main_screen_on_a_term_100x30(snap_compare) -> None:
    assert snap_compare(sample_app(), terminal_size=(100, 30), run_before=_on_a_term)


def test_main_screen_60x20(snap_compare) -> None:
    assert snap_compare(sample_app(), terminal_size=(60, 20), run_before=_ready)


def test_help_screen(snap_compare) -> None:
    async def open_help(pilot) -> None:
        await until_ready(pilot)
        await pilot.press("f1")

    assert snap_compare(sample_app(), terminal_size=(100, 30), run_before=open_help)


def test_side_by_side_120x30(snap_compare) -> None:
    async def open_parallel(pilot) -> None:
        await until_ready(pilot)
        await pilot.press("v")
        await until(pilot, lambda: pilot.app.reader.alignment is not None, "the alignment")
        await pilot.press("right_square_bracket", "right_square_bracket")
        await entry_settled(pilot)
        await pilot.pause()

    assert snap_compare(sample_app(), terminal_size=(120, 30), run_before=open_parallel)
