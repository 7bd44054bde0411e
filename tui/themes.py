"""zhread's two themes, and the colours its stylesheet takes from whichever theme is on.

The article's highlights must stay readable on a light background as well as a dark one: a
glossary term in the theme's warning orange is fine on black and faint on white, and Pleco's
tone blue (#1510f0) is the other way round. So the stylesheet names these colours as
variables (``$zhread-term``, ``$tone-pleco-3`` …); a theme may set them (zhread's do), and
for every other theme :func:`variable_defaults` picks the dark or the light set by the
theme's ``dark`` flag.
"""

from __future__ import annotations

from collections.abc import Mapping

from textual.theme import Theme

#: Tone colours per scheme and tone 1-5: Pleco's and MDBG's own, made lighter on dark
#: backgrounds and darker on light ones where the original is hard to read.
TONES_DARK = {
    "pleco": ("#ff5a5a", "#3ccf4e", "#6b8cff", "#c070f0", "#a0a0a0"),
    "mdbg": ("#f2393e", "#ff9b00", "#2fc257", "#5c8fff", "#a0a0a0"),
}
TONES_LIGHT = {
    "pleco": ("#d00000", "#00861a", "#1510f0", "#8900bf", "#666666"),
    "mdbg": ("#d61f25", "#b86200", "#0c812b", "#1f5ce0", "#6a6a6a"),
}


def tone_variables(tones: Mapping[str, tuple[str, ...]]) -> dict[str, str]:
    return {
        f"tone-{scheme}-{number}": colour
        for scheme, colours in tones.items() for number, colour in enumerate(colours, 1)
    }


ZHREAD_DARK = Theme(
    name="zhread-dark",
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
    variables={"zhread-term": "#e9c46a", "zhread-regional": "#9fd18b",
               **tone_variables(TONES_DARK)},
)

ZHREAD_LIGHT = Theme(  # paper and ink: a reading theme for a light terminal
    name="zhread-light",
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
    variables={"zhread-term": "#8a4b00", "zhread-regional": "#1e6b2a",
               **tone_variables(TONES_LIGHT)},
)

THEMES = (ZHREAD_DARK, ZHREAD_LIGHT)

#: The app's rules that use these variables (the app's ``CSS``, so that zhread.tcss parses
#: in any Textual app, such as one that shows a single screen in a test).
THEMED_CSS = """
ArticleView > .article--term {
    color: $zhread-term;
    text-style: underline;
}
ArticleView > .article--regional {
    color: $zhread-regional;
    text-style: bold underline;
}
#sidebar {
    width: $sidebar-width;
}
""" + "".join(
    f"ArticleView > .article--tone-{scheme}-{tone} {{ color: $tone-{scheme}-{tone}; }}\n"
    for scheme in ("pleco", "mdbg") for tone in range(1, 6)
)


def variable_defaults(theme: Theme) -> dict[str, str]:
    """The zhread variables for a theme that does not set them: the theme's own warning and
    success colours on a dark background, their darker text variants on a light one."""
    colours = theme.to_color_system().generate()
    if theme.dark:
        return {"zhread-term": colours["warning"], "zhread-regional": colours["success"],
                **tone_variables(TONES_DARK)}
    return {"zhread-term": colours["text-warning"], "zhread-regional": colours["text-success"],
            **tone_variables(TONES_LIGHT)}
