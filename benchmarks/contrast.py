"""Contrast of the article's highlights in every theme, as drawn: WCAG 2 ratios of text
against its background (4.5 is the AA floor for text) and how far apart the backgrounds of
the cursor, a search hit and the tints are.

Each column is the lowest ratio among the combinations it names: ``tones`` over the ten
tone colours, ``cur+tone`` the same under the cursor, ``tint`` over the three tints
(above the HSK level, unknown, ambiguous), ``tint+fg`` a term, a regional word or a tone
over any tint, ``cur+hit`` any text on a hit under the cursor; ``min`` over all
{n} combinations, ``min256`` the same after a 256-colour terminal's downgrade, ``mono``
under NO_COLOR. ``Δbg`` is the smallest redmean distance between two of those five
backgrounds, ``Δbg256`` after the downgrade (0: the two look the same), ``Δmono`` under
NO_COLOR (where two tints may share a grey; 765: told apart by reverse video or bold).

    python benchmarks/contrast.py [THEME ...]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
from itertools import combinations as pairs
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.highlights import (
    TINTS,
    TONES,
    Drawn,
    combinations,
    draw,
    probe_app,
    ready,
    themes,
)
from tui.contrast import contrast, difference

COLUMNS = {
    "term": lambda fg, bg: fg == "term" and bg == (),
    "region": lambda fg, bg: fg == "regional" and bg == (),
    "tones": lambda fg, bg: fg in TONES and bg == (),
    "cursor": lambda fg, bg: fg == "plain" and bg == ("cursor",),
    "cur+term": lambda fg, bg: fg == "term" and bg == ("cursor",),
    "cur+tone": lambda fg, bg: fg in TONES and bg == ("cursor",),
    "hit": lambda fg, bg: fg == "plain" and bg == ("match",),
    "hit+term": lambda fg, bg: fg == "term" and bg == ("match",),
    "cur+hit": lambda fg, bg: bg == ("match", "cursor"),
    "tint": lambda fg, bg: fg == "plain" and len(bg) == 1 and bg[0] in TINTS,
    "tint+fg": lambda fg, bg: fg != "plain" and len(bg) == 1 and bg[0] in TINTS,
    "min": lambda fg, bg: True,
}

#: The highlights that must not look alike.
APART = [("plain", (name,)) for name in ("cursor", "match", *TINTS)]


def ratio(drawn: Drawn, downgrade: bool = False) -> float:
    if downgrade:
        return contrast(drawn.foreground256, drawn.background256)
    return contrast(drawn.foreground, drawn.background)


async def measure(names: list[str] | None, no_color: bool) -> dict[str, dict[str, Drawn]]:
    """theme -> combination label -> what was drawn."""
    if no_color:
        os.environ["NO_COLOR"] = "1"  # Textual reads it (and takes it away) as the app starts
    app = probe_app()
    results: dict[str, dict[str, Drawn]] = {}
    async with app.run_test(size=(100, 20)) as pilot:
        view = await ready(pilot)
        for theme in names or themes(app):
            app.theme = theme
            await pilot.pause()
            results[theme] = {
                f"{fg}|{'+'.join(bg)}": draw(app, view, fg, bg) for fg, bg in combinations()
            }
    return results


def table(colour: dict[str, dict[str, Drawn]], mono: dict[str, dict[str, Drawn]]) -> list[str]:
    head = ["theme", *COLUMNS, "min256", "mono", "Δbg", "Δbg256", "Δmono"]
    rows = [head]
    for theme, drawn in colour.items():
        keyed = {tuple(_parse(key)): value for key, value in drawn.items()}
        row = [theme]
        for test in COLUMNS.values():
            row.append(f"{min(ratio(d) for (fg, bg), d in keyed.items() if test(fg, bg)):.1f}")
        row.append(f"{min(ratio(d, True) for d in keyed.values()):.1f}")
        row.append(f"{min(ratio(d) for d in mono[theme].values()):.1f}")
        backs = [keyed[(fg, bg)] for fg, bg in APART]
        for exact in (True, False):
            row.append(f"{min(_apart(a, b, exact) for a, b in pairs(backs, 2)):.0f}")
        row.append(f"{apart_in_grey(mono[theme]):.0f}")
        rows.append(row)
    widths = [max(len(row[i]) for row in rows) for i in range(len(head))]
    return [
        "  ".join(
            cell.rjust(width) if i else cell.ljust(width)
            for i, (cell, width) in enumerate(zip(row, widths, strict=True))
        )
        for row in rows
    ]


def apart_in_grey(drawn: dict[str, Drawn]) -> float:
    """Under NO_COLOR: how far apart the cursor, a hit and each tint are (two tints may
    share a grey), in grey or, for the terminal's own colours, in text style."""
    keyed = {_parse(key): value for key, value in drawn.items()}
    backs = {bg[0]: keyed[(fg, bg)] for fg, bg in APART}
    gaps = []
    for a, b in pairs(backs, 2):
        if a in TINTS and b in TINTS:
            continue
        first, second = backs[a], backs[b]
        styled = _shape(first) != _shape(second)
        gaps.append(765.0 if styled else difference(first.background, second.background))
    return min(gaps)


def _apart(first: Drawn, second: Drawn, exact: bool) -> float:
    if exact:
        return difference(first.background, second.background)
    return difference(first.background256, second.background256)


def _shape(drawn: Drawn) -> tuple[bool | None, bool | None]:
    return drawn.style.reverse, drawn.style.bold


def _parse(key: str) -> tuple[str, tuple[str, ...]]:
    fg, bg = key.split("|")
    return fg, tuple(bg.split("+")) if bg else ()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("themes", nargs="*", help="themes to measure (default: all)")
    args = parser.parse_args()
    colour = asyncio.run(measure(args.themes, no_color=False))
    mono = asyncio.run(measure(args.themes, no_color=True))
    print("\n".join(table(colour, mono)))
    failing = sum(ratio(d) < 4.5 for drawn in colour.values() for d in drawn.values())
    total = sum(len(drawn) for drawn in colour.values())
    print(f"\n{failing} of {total} combinations below 4.5:1 in truecolor")


if __name__ == "__main__":
    main()
