"""What the line-API panes (the article, the sidebar entry) share: cheap frames.

``Widget.rich_style`` walks every ancestor to blend backgrounds, a fraction of a millisecond
each time, which a pane drawing line by line would pay on every line of every frame; it is
worked out once per style change instead (Textual clears its own component-style cache on
:meth:`notify_style_update` too). And setting ``virtual_size`` asks the whole screen for a
layout, tens of milliseconds with every pane, when a pane that draws its own lines only
needs its scrollbars told: :meth:`set_scroll_size` does just that.
"""

from __future__ import annotations

from rich.style import Style
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.widget import Widget


class LinePane(ScrollView):
    """A scroll view that draws its own lines and owns its scrollable size."""

    _base_style: Style | None = None

    @property
    def base_style(self) -> Style:
        """The pane's own style, under every line it draws."""
        if self._base_style is None:
            self._base_style = self.rich_style
        return self._base_style

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._base_style = None

    def set_scroll_size(self, size: Size) -> None:
        """Make ``size`` the scrollable size without laying the screen out again. The
        pane's own size does not change with its content, so nothing else moves; the
        stylesheet keeps its scrollbars' widths fixed for the same reason."""
        if size != self.virtual_size:
            self.set_reactive(Widget.virtual_size, size)
            self._scroll_update(size)
