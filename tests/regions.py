"""What the screen shows inside a widget, read from Textual's compositor as text: the
frame as it would be drawn, after every layer and every cut, not a widget's own idea of it."""

from __future__ import annotations

from textual.app import App
from textual.geometry import Region
from textual.widget import Widget


def region_lines(app: App, region: Region) -> list[str]:
    """The text of each row of ``region`` on the current screen (a wide character is one
    character, as a terminal shows it)."""
    strips = app.screen._compositor.render_strips()
    return [
        "".join(segment.text for segment in strips[y].crop(region.x, region.right))
        for y in range(region.y, min(region.bottom, len(strips)))
    ]


def widget_lines(app: App, widget: Widget) -> list[str]:
    """The rows of ``widget``'s content (inside its border and padding)."""
    return region_lines(app, widget.content_region)
