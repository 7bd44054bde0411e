"""Contrast between colours as WCAG 2 defines it, and text colours made to reach it.

A highlight in a terminal is a background behind text whose colour was chosen for another
background (a glossary term's orange, a tone's blue), so legibility cannot be left to the
stylesheet: the article asks :func:`readable` for a text colour that reaches the WCAG AA
ratio for text (4.5:1) against each background it draws, keeping the hue it was given.
Colours are RGB triples of 0-255 so that tests can measure what reached the terminal with
the same arithmetic.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import lru_cache

from rich.color import Color as RichColor
from rich.color import ColorSystem
from textual.color import Color

RGB = tuple[int, int, int]

#: WCAG 2's minimum contrast for body text (level AA).
AA = 4.5


def _linear(channel: int) -> float:
    value = channel / 255
    return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4


def luminance(colour: RGB) -> float:
    """WCAG 2's relative luminance: 0 for black, 1 for white."""
    red, green, blue = (_linear(channel) for channel in colour)
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast(first: RGB, second: RGB) -> float:
    """WCAG 2's contrast ratio, from 1 (the same luminance) to 21 (black and white)."""
    lighter, darker = sorted((luminance(first), luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def mix(colour: RGB, towards: RGB, share: float) -> RGB:
    """``colour`` moved ``share`` (0-1) of the way to ``towards``."""
    red, green, blue = (round(a + (b - a) * share) for a, b in zip(colour, towards, strict=True))
    return red, green, blue


BLACK: RGB = (0, 0, 0)
WHITE: RGB = (255, 255, 255)

#: How a colour may look once it reaches the screen (the exact colour, its nearest in a
#: 256-colour palette, its grey under NO_COLOR): each is checked against the same view of
#: the background.
View = Callable[[RGB], RGB]


@lru_cache(4096)
def eight_bit(colour: RGB) -> RGB:
    """The colour a 256-colour terminal shows: Rich's downgrade, in xterm's palette. Two
    close colours may become one, and a dark tint a much lighter one."""
    red, green, blue = RichColor.from_rgb(*colour).downgrade(ColorSystem.EIGHT_BIT).get_truecolor()
    return red, green, blue


def monochrome(colour: RGB) -> RGB:
    """The grey Textual draws for a colour under NO_COLOR."""
    grey = Color(*colour).monochrome
    return grey.r, grey.g, grey.b


def exact(colour: RGB) -> RGB:
    return colour


def grey_eight_bit(colour: RGB) -> RGB:
    return eight_bit(monochrome(colour))


def views(no_color: bool) -> tuple[View, ...]:
    """How colours reach the screen: as they are or in a 256-colour palette; under
    NO_COLOR as Textual's greys, or those in the palette's."""
    return (monochrome, grey_eight_bit) if no_color else (exact, eight_bit)


def worst(text: RGB, background: RGB, seen: Sequence[View]) -> float:
    """The lowest contrast of ``text`` on ``background`` in any of the ways ``seen``."""
    return min(contrast(view(text), view(background)) for view in seen)


def readable(text: RGB, background: RGB, seen: Sequence[View] = (exact,), ratio: float = AA) -> RGB:
    """``text`` if it reaches ``ratio`` against ``background`` in every view, else the
    nearest colour on its way to white or black that does (the hue kept as long as
    possible), else whichever of the two is better."""
    if worst(text, background, seen) >= ratio:
        return text
    candidates: list[RGB] = []
    for end in (WHITE, BLACK):
        for step in range(1, 21):
            moved = mix(text, end, step / 20)
            if worst(moved, background, seen) >= ratio:
                candidates.append(moved)
                break
    if candidates:
        return min(candidates, key=lambda colour: _distance(colour, text))
    return max((WHITE, BLACK), key=lambda end: worst(end, background, seen))


def _distance(first: RGB, second: RGB) -> float:
    return sum((a - b) ** 2 for a, b in zip(first, second, strict=True)) ** 0.5


def difference(first: RGB, second: RGB) -> float:
    """How far apart two colours look: the "redmean" weighted distance, 0 to about 765,
    which follows the eye better than plain RGB distance at no cost."""
    mean_red = (first[0] + second[0]) / 2
    red, green, blue = (a - b for a, b in zip(first, second, strict=True))
    return (
        (2 + mean_red / 256) * red**2 + 4 * green**2 + (2 + (255 - mean_red) / 256) * blue**2
    ) ** 0.5
