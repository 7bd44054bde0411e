"""zhread's two themes, and the colours its stylesheet takes from whichever theme is on.

The article's highlights must stay readable on a light background as well as a dark one: a
glossary term in the theme's warning orange is fine on black and faint on white, and Pleco's
tone blue (#1510f0) is the other way round. So the stylesheet names these colours as
variables (``$zhread-term``, ``$tone-pleco-3`` …); a theme may set them (zhread's do), and
for every other theme :func:`variable_defaults` picks the dark or the light set by the
theme's ``dark`` flag.

The highlights (the cursor, search hits, the tints of words above the reader's HSK level,
unknown words and ambiguous characters) are solid backgrounds worked out per theme by
:func:`highlight_variables`: a tint of one of the theme's own colours over its background,
each standing apart from the background and from the highlights chosen before it, also
once a 256-colour terminal has rounded them to its palette, and each with a text colour
that reads on it. A stylesheet alpha such as ``$accent 50%`` would not do: a component
style reaches the article without its alpha, so the tint became the full colour.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from textual.color import Color
from textual.theme import Theme

from tui import themenames as names
from tui.contrast import AA, BLACK, RGB, WHITE, View, difference, mix, readable, views, worst
from tui.store.settings import TONES_DARK, TONES_LIGHT, Settings

if TYPE_CHECKING:
    from textual.app import App

    _AppBase = App[object]
else:
    _AppBase = object


def tone_variables(tones: Mapping[str, tuple[str, ...]]) -> dict[str, str]:
    return {
        f"tone-{scheme}-{number}": colour
        for scheme, colours in tones.items()
        for number, colour in enumerate(colours, 1)
    }


ZHREAD_DARK = Theme(
    name=names.ZHREAD_DARK,
    primary="#5fa8d3",
    secondary="#8ab17d",
    accent="#e0a458",
    warning="#e9c46a",
    error="#e76f51",
    success="#8ab17d",
    foreground="#e6e1d6",
    background="#181a1f",
    surface="#21242a",
    panel="#2b2f36",
    dark=True,
    variables={
        "zhread-term": "#e9c46a",
        "zhread-regional": "#9fd18b",
        **tone_variables(TONES_DARK),
    },
)

ZHREAD_LIGHT = Theme(  # paper and ink: a reading theme for a light terminal
    name=names.ZHREAD_LIGHT,
    primary="#2a6f97",
    secondary="#4d7c3a",
    accent="#b5651d",
    warning="#c77700",
    error="#b3261e",
    success="#2e7d32",
    foreground="#1f1b16",
    background="#fbf7ef",
    surface="#f3ede2",
    panel="#e6dccb",
    dark=False,
    variables={
        "zhread-term": "#8a4b00",
        "zhread-regional": "#1e6b2a",
        **tone_variables(TONES_LIGHT),
    },
)

THEMES = (ZHREAD_DARK, ZHREAD_LIGHT)


@dataclass(frozen=True)
class Highlight:
    """A background the article draws under words: the theme colours it may be a tint of,
    best first, and how strong a tint to try, weakest first."""

    name: str
    roles: tuple[str, ...]
    strengths: tuple[float, ...]
    tint: bool = True  # marks words while reading (not the cursor, not a search)
    contrast: float = AA  # what black or white text should reach on it, if it can
    ansi: tuple[str, str, str] = ("ansi_default", "ansi_default", "ansi_default")


#: In the order they are chosen: each must stand apart from those before it. The cursor is
#: the strongest, a hit lighter, the tints light enough to read through.
#: ``ansi`` gives (background on a dark terminal, on a light one, text): pairs that read in
#: every common palette (under an ANSI theme the terminal's own colours are unknown).
HIGHLIGHTS = (
    Highlight(
        "cursor",
        ("accent", "primary", "secondary", "success", "warning", "error"),
        (0.55, 0.7, 0.85),
        tint=False,
        contrast=7.0,
    ),
    Highlight(
        "match",
        ("warning", "success", "secondary", "primary", "accent", "error"),
        (0.35, 0.5, 0.65),
        tint=False,
        ansi=("ansi_bright_yellow", "ansi_bright_yellow", "ansi_black"),
    ),
    Highlight(
        "above-level",
        ("warning", "secondary", "success", "error", "primary", "accent"),
        (0.2, 0.3, 0.4, 0.5),
        ansi=("ansi_bright_cyan", "ansi_bright_cyan", "ansi_black"),
    ),
    Highlight(
        "unknown",
        ("primary", "secondary", "success", "accent", "warning", "error"),
        (0.2, 0.3, 0.4, 0.5),
        ansi=("ansi_bright_green", "ansi_bright_green", "ansi_black"),
    ),
    Highlight(
        "ambiguous",
        ("error", "accent", "secondary", "success", "primary", "warning"),
        (0.25, 0.35, 0.45, 0.55),
        ansi=("ansi_white", "ansi_bright_magenta", "ansi_black"),
    ),
)

#: How far apart (redmean distance, see :func:`tui.contrast.difference`) two highlights,
#: or a highlight and the background, must be to be told apart at a glance.
APART = 45.0


def highlight_variables(
    colours: Mapping[str, str], dark: bool, ansi: bool, no_color: bool = False
) -> dict[str, str]:
    """``zhread-NAME`` and ``zhread-NAME-text`` for each highlight, from a theme's
    generated colours. Under NO_COLOR what counts is the grey Textual draws for each."""
    if ansi:
        return {
            key: value
            for h in (*HIGHLIGHTS, *STATE_HIGHLIGHTS)
            for key, value in (
                (f"zhread-{h.name}", h.ansi[0 if dark else 1]),
                (f"zhread-{h.name}-text", h.ansi[2]),
            )
        }
    roles = tuple((role, colours[role]) for role in ROLES)
    chosen = _choose(colours["background"], colours["foreground"], roles, no_color)
    states = _choose_states(colours["background"], colours["foreground"], roles, no_color)
    return {key: Color(*value).hex for key, value in {**chosen, **states}.items()}


ROLES = ("primary", "secondary", "accent", "warning", "error", "success")


@lru_cache(64)
def _choose(
    background: str, foreground: str, roles: tuple[tuple[str, str], ...], no_color: bool
) -> dict[str, RGB]:
    """Greedily, in :data:`HIGHLIGHTS` order, each highlight's tint (see :func:`_pick`),
    and the theme's text colour made to read on it."""
    seen = views(no_color)
    base, text = _rgb(Color.parse(background)), _rgb(Color.parse(foreground))
    chosen: dict[str, RGB] = {}
    taken: set[str] = set()
    for highlight in HIGHLIGHTS:
        against = [
            base,
            *(
                chosen[h.name]
                for h in HIGHLIGHTS
                if h.name in chosen and not (no_color and h.tint and highlight.tint)
            ),
        ]
        tint, role = _pick(
            highlight, Color.parse(background), dict(roles), against, taken, seen, no_color
        )
        chosen[highlight.name] = tint
        taken.add(role)
    texts = {f"{h.name}-text": readable(text, chosen[h.name], seen, h.contrast) for h in HIGHLIGHTS}
    return {f"zhread-{name}": tint for name, tint in {**chosen, **texts}.items()}


def _pick(
    highlight: Highlight,
    background: Color,
    palette: Mapping[str, str],
    against: Sequence[RGB],
    taken: set[str],
    seen: Sequence[View],
    no_color: bool,
) -> tuple[RGB, str]:
    """The first tint (by role, roles not yet taken first, then by strength) that stands
    :data:`APART` from ``against`` and on which black or white text reaches the
    highlight's contrast, else AA; failing all, the tint that comes nearest. Under
    NO_COLOR stronger tints are tried too: greys are fewer than colours."""
    strengths = highlight.strengths + ((0.6, 0.75) if no_color else ())
    best: tuple[float, RGB, str] | None = None
    for role in sorted(highlight.roles, key=lambda role: role in taken):
        for ratio in dict.fromkeys((highlight.contrast, AA)):
            for strength in strengths:
                tint = _rgb(background.blend(Color.parse(palette[role]), strength))
                legible = any(worst(end, tint, seen) >= ratio for end in (BLACK, WHITE))
                score = _apartness(tint, against, seen) if legible else 0.0
                if score >= APART:
                    return tint, role
                if best is None or score > best[0]:
                    best = (score, tint, role)
    assert best is not None
    return best[1], best[2]


def _rgb(colour: Color) -> RGB:
    return colour.r, colour.g, colour.b


# -- the learning states' tints ------------------------------------------------------------

#: The tints of the learning states (``zhread-state-NAME``), as LingQ and Lute tint: a new
#: word in the unknown tint's colour, a seen one fainter, learning 1-4 in another colour
#: graded from strong (1, just met) to faint (4, nearly known). Only the ``ansi`` pairs are
#: used as they are; the other colours are worked out by :func:`_choose_states`. An ANSI
#: palette has no shades: there the grades are two yellows.
STATE_HIGHLIGHTS = (
    Highlight("state-new", (), (), ansi=("ansi_bright_green", "ansi_bright_green", "ansi_black")),
    Highlight("state-seen", (), (), ansi=("ansi_green", "ansi_green", "ansi_black")),
    Highlight(
        "state-learning1",
        ("warning", "accent", "error", "secondary", "success", "primary"),
        (0.3, 0.4, 0.5, 0.6),
        ansi=("ansi_bright_yellow", "ansi_bright_yellow", "ansi_black"),
    ),
    Highlight(
        "state-learning2", (), (), ansi=("ansi_bright_yellow", "ansi_bright_yellow", "ansi_black")
    ),
    Highlight("state-learning3", (), (), ansi=("ansi_yellow", "ansi_yellow", "ansi_black")),
    Highlight("state-learning4", (), (), ansi=("ansi_yellow", "ansi_yellow", "ansi_black")),
)

#: How much of learning 1's tint learning 2, 3 and 4 keep.
LEARNING_GRADES = (0.7, 0.5, 0.35)

#: How far (redmean) a faint tint (seen, learning 4) must stand from the background to be
#: seen at all, also once rounded to a 256-colour palette.
FAINT = 18.0


@lru_cache(64)
def _choose_states(
    background: str, foreground: str, roles: tuple[tuple[str, str], ...], no_color: bool
) -> dict[str, RGB]:
    """The learning states' tints and their text colours (see :data:`STATE_HIGHLIGHTS`):
    learning 1 stands :data:`APART` from the background, the cursor, a search hit and the
    new and seen tints; the fainter ones (seen, learning 2-4) are blends towards the
    background that stay at least :data:`FAINT` from it."""
    seen = views(no_color)
    chosen = _choose(background, foreground, roles, no_color)
    base, text = _rgb(Color.parse(background)), _rgb(Color.parse(foreground))
    new = chosen["zhread-unknown"]
    tints = {"state-new": new, "state-seen": _faint(base, new, 0.5, seen)}
    against = [base, chosen["zhread-cursor"], chosen["zhread-match"], *tints.values()]
    learning, _ = _pick(
        STATE_HIGHLIGHTS[2], Color.parse(background), dict(roles), against, set(), seen, no_color
    )
    tints["state-learning1"] = learning
    for grade, share in enumerate(LEARNING_GRADES, 2):
        tints[f"state-learning{grade}"] = _faint(base, learning, share, seen)
    texts = {f"{name}-text": readable(text, tint, seen) for name, tint in tints.items()}
    return {f"zhread-{name}": colour for name, colour in {**tints, **texts}.items()}


def _faint(base: RGB, tint: RGB, share: float, seen: Sequence[View]) -> RGB:
    """``tint`` faded ``share`` of the way from the background, or less faded where that
    would vanish into the background (a 256-colour palette has few dark shades)."""
    for step in range(round(share * 20), 21):
        faded = mix(base, tint, step / 20)
        if _apartness(faded, [base], seen) >= FAINT:
            return faded
    return tint


def _apartness(tint: RGB, others: Sequence[RGB], seen: Sequence[View]) -> float:
    return min(difference(view(tint), view(other)) for other in others for view in seen)


#: zhread's one stylesheet.
STYLESHEET = Path(__file__).with_name("zhread.tcss")


class ZhreadStyles(_AppBase):
    """Mixed into an app that loads :data:`STYLESHEET`: the variables the stylesheet uses
    beyond Textual's, for whichever theme is on (Textual will not parse a stylesheet that
    names a variable it does not know). ZhreadApp's preferences change the sidebar's width;
    an app that shows a single screen, in a test, keeps the default."""

    _sidebar_width = Settings().sidebar_width

    def get_theme_variable_defaults(self) -> dict[str, str]:
        """The highlight and tone colours for themes that do not set them, and the
        sidebar's width (a variable, so that the narrow-screen rules can still override it)."""
        return {
            **variable_defaults(self.current_theme, self.no_color),
            "sidebar-width": str(self._sidebar_width),
        }


#: A glossary term's and a regional word's colours under an ANSI theme, on a light
#: terminal and on a dark one.
ANSI_TERMS = {
    False: ("ansi_blue", "ansi_magenta"),
    True: ("ansi_bright_yellow", "ansi_bright_green"),
}


def variable_defaults(theme: Theme, no_color: bool = False) -> dict[str, str]:
    """The zhread variables for a theme that does not set them: the theme's own warning and
    success colours on a dark background, their darker text variants on a light one; and
    the highlights (see :func:`highlight_variables`)."""
    colours = theme.to_color_system().generate()
    highlights = highlight_variables(colours, theme.dark, theme.ansi, no_color)
    if theme.ansi:  # colours that read in every common palette, as the highlights'
        term, regional = ANSI_TERMS[theme.dark]
        tones = tone_variables(TONES_DARK if theme.dark else TONES_LIGHT)
        return {"zhread-term": term, "zhread-regional": regional, **tones, **highlights}
    if theme.dark:
        return {
            "zhread-term": colours["warning"],
            "zhread-regional": colours["success"],
            **tone_variables(TONES_DARK),
            **highlights,
        }
    return {
        "zhread-term": colours["text-warning"],
        "zhread-regional": colours["text-success"],
        **tone_variables(TONES_LIGHT),
        **highlights,
    }
