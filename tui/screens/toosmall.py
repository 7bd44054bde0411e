"""What the reader shows in a terminal too small for any readable layout.

Below :data:`MIN_WIDTH` x :data:`MIN_HEIGHT` the header, the footer and one line of text no
longer fit, so instead of a broken layout the app covers every screen with one message and
takes it away again as soon as the terminal is big enough. It is a *system* modal screen:
the app's own queries (the article, the sidebar) still find the screen beneath it, so work
that finishes meanwhile (segmenting, the dictionary) lands where it belongs.
"""

from __future__ import annotations

from rich.text import Text
from textual import events
from textual.app import App, ComposeResult
from textual.geometry import Size
from textual.screen import SystemModalScreen
from textual.widgets import Static

from tui.keys import textual_bindings

__all__ = ["MIN_HEIGHT", "MIN_WIDTH", "TooSmallScreen", "follow_size", "too_small"]

MIN_WIDTH = 20
MIN_HEIGHT = 6


def too_small(size: Size) -> bool:
    return size.width < MIN_WIDTH or size.height < MIN_HEIGHT


def message(size: Size) -> str:
    return (
        f"Terminal too small ({size.width}x{size.height}): zhread needs "
        f"{MIN_WIDTH}x{MIN_HEIGHT}. Enlarge it, or q to quit."
    )


class TooSmallScreen(SystemModalScreen[None]):
    """The one message, wrapped to whatever width there is."""

    BINDINGS = textual_bindings("toosmall")

    def __init__(self, size: Size) -> None:
        super().__init__()
        self._size = size

    def compose(self) -> ComposeResult:
        yield Static(Text(message(self._size)), id="too-small")

    def on_resize(self, event: events.Resize) -> None:
        self.query_one("#too-small", Static).update(Text(message(event.size)))

    def on_screen_resume(self) -> None:
        """Back on top after a screen opened over it: the terminal may have grown since."""
        if not too_small(self.app.size):
            self.dismiss()


def follow_size(app: App[object], size: Size) -> None:
    """Cover the app when ``size`` is too small, uncover it when it is big enough again."""
    covered = [screen for screen in app.screen_stack if isinstance(screen, TooSmallScreen)]
    if too_small(size) and not covered:
        app.push_screen(TooSmallScreen(size))
    elif not too_small(size) and covered and app.screen is covered[-1]:
        app.pop_screen()
