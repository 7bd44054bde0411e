"""SVG snapshots of the reader in light themes: terms, the cursor and tone colours must stay
readable on a light background. Update with `pytest --snapshot-update` after an intended
change, and look at the report before committing."""

from __future__ import annotations

from tests.apps import entry_settled, sample_app, until_ready
from tui.store.config import config_path


def use_theme(name: str) -> None:
    config_path().parent.mkdir(parents=True, exist_ok=True)
    config_path().write_text(f'theme = "{name}"\n', encoding="utf-8")


async def _tones_on_a_term(pilot) -> None:
    await until_ready(pilot)  # tone colours after the dictionary: readings in context
    await pilot.press("t", "right_square_bracket", "right_square_bracket")
    await entry_settled(pilot)
    await pilot.pause()


async def _on_a_term(pilot) -> None:
    await until_ready(pilot)
    await pilot.press("right_square_bracket", "right_square_bracket")
    await entry_settled(pilot)
    await pilot.pause()


def test_zhread_light_with_tone_colours_100x30(snap_compare) -> None:
    use_theme("zhread-light")
    assert snap_compare(sample_app(), terminal_size=(100, 30), run_before=_tones_on_a_term)


def test_textual_light_on_a_term_100x30(snap_compare) -> None:
    use_theme("textual-light")
    assert snap_compare(sample_app(), terminal_size=(100, 30), run_before=_on_a_term)
