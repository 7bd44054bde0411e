"""What the article's highlights look like once drawn: the probe behind the contrast tests
and ``benchmarks/contrast.py``.

A probe runs the real app headless, gives one word of a text the layers under test (a
glossary term or a regional word or a tone for its letters; tints, a search hit, the
cursor beneath), draws that word's line through :meth:`ArticleView.render_line` and
passes the segments through the app's own line filters (the monochrome one under
NO_COLOR; the ANSI-to-RGB one, with Textual's reference palettes, for the ANSI themes), so
what is measured is what Textual sends to the terminal, before the terminal's own colour
downgrade, which :func:`eight_bit` applies as Rich does for a 256-colour terminal.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from rich.color import Color as RichColor
from rich.color import ColorSystem, ColorTriplet
from rich.style import Style
from textual.strip import Strip

from tests.apps import text_app, until_segmented
from tui.app import ZhreadApp
from tui.widgets.article import ArticleView

#: A text written for these tests: glossary terms among everyday words, on one short line.
TEXT = "這家公司的晶片用於強化學習，工程師調整參數以後，我們去公園散步。"

TONES = tuple(f"tone-{scheme}-{tone}" for scheme in ("pleco", "mdbg") for tone in range(1, 6))

#: What colours the letters of the word probed.
FOREGROUNDS = ("plain", "term", "regional", *TONES)

TINTS = ("above-level", "unknown", "ambiguous")

#: What lies beneath the word, bottom first.
BACKGROUNDS: tuple[tuple[str, ...], ...] = (
    (),
    *((tint,) for tint in TINTS),
    ("match",),
    ("cursor",),
    *((tint, "match") for tint in TINTS),
    *((tint, "cursor") for tint in TINTS),
    ("match", "cursor"),
    ("above-level", "match", "cursor"),
)


@dataclass(frozen=True)
class Drawn:
    """A word as drawn: its colours (RGB), as a 256-colour terminal shows them, and its
    text style. Reverse video is applied: these are the colours seen."""

    foreground: ColorTriplet
    background: ColorTriplet
    foreground256: ColorTriplet
    background256: ColorTriplet
    style: Style


def themes(app: ZhreadApp) -> list[str]:
    """Every theme the reader can choose: zhread's and Textual's."""
    return sorted(app.available_themes)


def probe_app() -> ZhreadApp:
    return text_app(TEXT)


async def ready(pilot) -> ArticleView:
    await until_segmented(pilot)
    view = pilot.app.query_one("#article", ArticleView)
    assert any(token.term for token in view.document.tokens), "the text lost its terms"
    return view


def _words(view: ArticleView) -> tuple[int, int, int]:
    """A glossary term, an everyday word and a word far from both, for the cursor."""
    tokens = view.document.tokens
    words = [i for i, token in enumerate(tokens) if token.kind.is_word and len(token.text) > 1]
    term = next(i for i in words if tokens[i].term)
    plain = next(i for i in words if not tokens[i].term)
    return term, plain, words[-1]


def _digit(name: str) -> str:
    return name.rsplit("-", 1)[1]


def draw(app: ZhreadApp, view: ArticleView, foreground: str, layers: tuple[str, ...]) -> Drawn:
    """The first letter of a word with ``foreground`` over ``layers``, as drawn (the view
    draws its lines when asked, so no frame needs to pass)."""
    term, plain, away = _words(view)
    index = term if foreground == "term" else plain
    token = view.document.tokens[index]
    span = [(token.start, token.end)]
    for name in (*TINTS, "regional"):
        view.set_marks(name, span if name in layers or name == foreground else [])
    view.set_matches(span if "match" in layers else [])
    if foreground.startswith("tone-"):
        scheme, digit = foreground.split("-")[1], _digit(foreground)
        view.set_tones(scheme, lambda word: digit * len(word.text))
    else:
        view.set_tones(None, None)
    view.move_to(index if "cursor" in layers else away)
    return _drawn(app, view, token.start)


def _drawn(app: ZhreadApp, view: ArticleView, offset: int) -> Drawn:
    line = view.line_of(offset)
    strip = view.render_line(line * view.rows + view.rows - 1 - round(view.scroll_offset.y))
    background = app.screen.styles.background
    for line_filter in app.get_line_filters():
        strip = strip.apply_filter(line_filter, background)
    style = _style_at(strip, view.view_text[offset], view.lines[line].start, view, offset)
    terminal = app.ansi_theme
    fore = style.color or RichColor.default()
    back = style.bgcolor or RichColor.default()
    if style.reverse:
        fore, back = back, fore
    seen = fore.get_truecolor(terminal, foreground=not style.reverse)
    under = back.get_truecolor(terminal, foreground=bool(style.reverse))
    return Drawn(seen, under, eight_bit(fore, seen), eight_bit(back, under), style)


def _style_at(strip: Strip, letter: str, line_start: int, view: ArticleView, offset: int) -> Style:
    """The style of the segment holding the ``offset``'s letter (the n-th of its kind on
    the line)."""
    nth = view.view_text[line_start:offset].count(letter)
    for segment in strip:
        for character in segment.text:
            if character == letter:
                if nth == 0:
                    return segment.style or Style()
                nth -= 1
    raise AssertionError(f"{letter!r} is not drawn on its line")


def eight_bit(colour: RichColor, seen: ColorTriplet) -> ColorTriplet:
    """The colour a 256-colour terminal shows: an RGB colour as Rich downgrades it, in
    xterm's palette; one of the terminal's own as it is (``seen``)."""
    if colour.triplet is None:
        return seen
    return colour.downgrade(ColorSystem.EIGHT_BIT).get_truecolor()


def combinations() -> Iterator[tuple[str, tuple[str, ...]]]:
    for layers in BACKGROUNDS:
        for foreground in FOREGROUNDS:
            yield foreground, layers


def label(foreground: str, layers: tuple[str, ...]) -> str:
    return "+".join((foreground, *layers))
