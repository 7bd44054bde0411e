"""The widget's own Rich style, worked out once per style change instead of once per line.

``Widget.rich_style`` walks every ancestor to blend backgrounds: a fraction of a millisecond
each time, which line-API widgets would otherwise pay for every line of every frame. Textual
invalidates its own component-style cache on :meth:`notify_style_update`; this one follows it.
"""

from __future__ import annotations

from rich.style import Style
from textual.widget import Widget


class BaseStyle(Widget):
    """Mixed into line-API widgets that draw with their base style on every line."""

    _base_style: Style | None = None

    @property
    def base_style(self) -> Style:
        if self._base_style is None:
            self._base_style = self.rich_style
        return self._base_style

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._base_style = None
