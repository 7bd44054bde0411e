"""Every highlight reads, in every theme, and the cursor, a search hit and a tint can be
told apart: measured on what the article actually draws (see tests/highlights.py), in
truecolor, after a 256-colour terminal's downgrade, and under NO_COLOR."""

from __future__ import annotations

from itertools import combinations as pairs

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.highlights import (
    FOREGROUNDS,
    TINTS,
    Drawn,
    _words,
    combinations,
    draw,
    label,
    probe_app,
    ready,
    themes,
)
from tui.contrast import AA, contrast, difference, eight_bit, luminance, readable, views
from tui.core.queries.known import TINTABLE
from tui.themes import FAINT

#: How far apart (redmean) two highlights' backgrounds must be to be told apart.
DISTINCT = 40.0

channels = st.integers(min_value=0, max_value=255)
colours = st.tuples(channels, channels, channels)


# --- the arithmetic -----------------------------------------------------------------------


def test_contrast_is_wcags() -> None:
    assert contrast((0, 0, 0), (255, 255, 255)) == pytest.approx(21.0)
    assert contrast((255, 255, 255), (255, 255, 255)) == pytest.approx(1.0)
    assert contrast((0x77, 0x77, 0x77), (255, 255, 255)) == pytest.approx(4.48, abs=0.01)
    assert luminance((255, 0, 0)) == pytest.approx(0.2126)


@given(colours, colours)
def test_contrast_is_symmetric_and_bounded(first, second) -> None:
    ratio = contrast(first, second)
    assert ratio == pytest.approx(contrast(second, first))
    assert 1.0 <= ratio <= 21.0 + 1e-9


@given(colours, colours, st.booleans())
def test_readable_reaches_aa_wherever_black_or_white_does(text, background, no_color) -> None:
    seen = views(no_color)
    chosen = readable(text, background, seen)
    reachable = max(
        min(contrast(view(end), view(background)) for view in seen)
        for end in ((0, 0, 0), (255, 255, 255))
    )
    reached = min(contrast(view(chosen), view(background)) for view in seen)
    assert reached >= min(AA, reachable) - 1e-9


@given(colours, colours)
def test_readable_keeps_a_colour_that_already_reads(text, background) -> None:
    if contrast(text, background) >= AA and contrast(eight_bit(text), eight_bit(background)) >= AA:
        assert readable(text, background, views(False)) == text


# --- what the article draws ---------------------------------------------------------------


def _illegible(results: dict[str, dict[str, Drawn]]) -> list[str]:
    failures = []
    for theme, drawn in results.items():
        for name, seen in drawn.items():
            exact = contrast(seen.foreground, seen.background)
            palette = contrast(seen.foreground256, seen.background256)
            if min(exact, palette) < AA:
                failures.append(
                    f"{theme} {name}: {exact:.2f} (256 colours: {palette:.2f}) {seen.style}"
                )
    return failures


_drawn: dict[bool, dict[str, dict[str, Drawn]]] = {}


async def _draw_all(no_color: bool = False) -> dict[str, dict[str, Drawn]]:
    """theme -> combination -> what is drawn; drawn once per test run (a few seconds)."""
    if no_color not in _drawn:
        _drawn[no_color] = await _draw_themes(no_color)
    return _drawn[no_color]


async def _draw_themes(no_color: bool) -> dict[str, dict[str, Drawn]]:
    app = probe_app()
    results: dict[str, dict[str, Drawn]] = {}
    async with app.run_test(size=(100, 20)) as pilot:
        view = await ready(pilot)
        assert app.no_color == no_color
        for theme in themes(app):
            app.theme = theme
            await pilot.pause()
            results[theme] = {label(fg, bg): draw(app, view, fg, bg) for fg, bg in combinations()}
    return results


async def test_every_highlight_reads_in_every_theme() -> None:
    """Text on each highlight and each combination (a term, a regional word or a tone
    under the cursor, a hit or a tint, a hit under the cursor...) reaches WCAG AA."""
    results = await _draw_all()
    assert {"zhread-dark", "zhread-light", "textual-dark", "textual-light", "ansi-dark"} <= set(
        results
    )
    failures = _illegible(results)
    assert not failures, f"{len(failures)} illegible:\n" + "\n".join(failures[:40])


async def test_every_highlight_reads_without_colour(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    results = await _draw_all(no_color=True)
    failures = _illegible(results)
    assert not failures, f"{len(failures)} illegible:\n" + "\n".join(failures[:40])
    for theme, drawn in results.items():
        cursor, hit = drawn["plain+cursor"], drawn["plain+match"]
        shapes = {(d.style.reverse, d.style.bold) for d in (cursor, hit)}
        assert len(shapes) == 2 or difference(cursor.background, hit.background) >= DISTINCT, theme
        for tint in TINTS:
            tinted = drawn[f"plain+{tint}"]
            for other in (cursor, hit):
                assert (tinted.style.reverse, tinted.style.bold) != (
                    other.style.reverse,
                    other.style.bold,
                ) or difference(tinted.background, other.background) >= DISTINCT, (theme, tint)


async def test_the_cursor_a_hit_and_the_tints_look_different() -> None:
    """The cursor, a search hit and each tint (and the plain background) differ, also once a
    256-colour terminal has rounded them to its palette."""
    results = await _draw_all()
    failures = []
    for theme, drawn in results.items():
        backgrounds = {
            name: drawn[f"plain+{name}" if name else "plain"]
            for name in ("", "cursor", "match", *TINTS)
        }
        for (a, first), (b, second) in pairs(backgrounds.items(), 2):
            apart = difference(first.background, second.background)
            apart256 = difference(first.background256, second.background256)
            if min(apart, apart256) < DISTINCT:
                failures.append(f"{theme}: {a or 'plain'} and {b} {apart:.0f} / {apart256:.0f}")
    assert not failures, "\n".join(failures)


async def test_a_term_under_the_cursor_is_not_the_cursors_colour() -> None:
    """The defect as first seen: orange text on an orange cursor (#fea62b on #fea62b)."""
    results = await _draw_all()
    for theme, drawn in results.items():
        seen = drawn["term+cursor"]
        assert seen.foreground != seen.background and seen.foreground256 != seen.background256
        assert drawn["plain+match"].background != drawn["plain+cursor"].background, theme


# --- the learning states' tints -----------------------------------------------------------

#: The article's mark of each state it can tint (see tui/reader/states.py).
STATE_TINTS = tuple(f"state-{state}" for state in TINTABLE)

_states_drawn: dict[bool, dict[str, dict[str, Drawn]]] = {}


async def _draw_states(no_color: bool = False) -> dict[str, dict[str, Drawn]]:
    """theme -> combination -> what is drawn, for each state tint under every foreground,
    alone, under a search hit and under the cursor; drawn once per test run."""
    if no_color in _states_drawn:
        return _states_drawn[no_color]
    app = probe_app()
    results: dict[str, dict[str, Drawn]] = {}
    async with app.run_test(size=(100, 20)) as pilot:
        view = await ready(pilot)
        assert app.no_color == no_color
        term, plain, _ = _words(view)
        for theme in themes(app):
            app.theme = theme
            await pilot.pause()
            drawn = results[theme] = {}
            for tint in STATE_TINTS:
                for foreground in FOREGROUNDS:
                    token = view.document.tokens[term if foreground == "term" else plain]
                    view.set_marks(tint, [(token.start, token.end)])
                    for over in ((), ("match",), ("cursor",)):
                        layers = (tint, *over)
                        drawn[label(foreground, layers)] = draw(app, view, foreground, over)
                    view.set_marks(tint, [])
    _states_drawn[no_color] = results
    return results


async def test_every_state_tint_reads_in_every_theme() -> None:
    """Text on each state's tint, coloured or not (a term, a tone), alone or under a hit or
    the cursor, reaches WCAG AA in truecolor and in 256 colours, in every theme."""
    results = await _draw_states()
    assert {"zhread-dark", "zhread-light", "textual-dark", "ansi-dark"} <= set(results)
    failures = _illegible(results)
    assert not failures, f"{len(failures)} illegible:\n" + "\n".join(failures[:40])


async def test_every_state_tint_reads_without_colour(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    failures = _illegible(await _draw_states(no_color=True))
    assert not failures, f"{len(failures)} illegible:\n" + "\n".join(failures[:40])


async def test_state_tints_show_and_the_cursor_stands_out_on_them() -> None:
    """Every state tint differs from the plain background (the faint ones less, by design),
    new and learning 1 as much as the other tints do; the cursor and a hit over a tinted
    word look like the cursor and a hit, not like the tint."""
    plain_drawn = await _draw_all()
    results = await _draw_states()
    failures = []
    for theme, drawn in results.items():
        plain = plain_drawn[theme]["plain"]
        for tint in STATE_TINTS:
            seen = drawn[f"plain+{tint}"]
            needed = DISTINCT if tint in ("state-new", "state-learning1") else FAINT - 1
            apart = difference(seen.background, plain.background)
            apart256 = difference(seen.background256, plain.background256)
            if min(apart, apart256) < needed:
                failures.append(f"{theme} {tint}: {apart:.0f} / {apart256:.0f} from plain")
            for over in ("cursor", "match"):
                expected = plain_drawn[theme][f"plain+{over}"]
                if drawn[f"plain+{tint}+{over}"].background != expected.background:
                    failures.append(f"{theme} {tint} under the {over}")
    assert not failures, "\n".join(failures)
