"""The sidebar (entry and terms panes), whose left border is a handle: drag it to resize.

The border is the splitter, so the layout does not spend a column on a separate widget.
While dragging, the width is set on the widget itself so it follows the mouse; on release
the app is told the new width and makes it the stylesheet's ``$sidebar-width``, so the
narrow-screen rules (which give the sidebar the whole width) keep working.
"""

from __future__ import annotations

from textual import events
from textual.containers import Vertical
from textual.message import Message

#: Never narrower than this, and always leave the article this much.
MIN_WIDTH = 16
MIN_ARTICLE = 20


class Sidebar(Vertical):
    """A :class:`Vertical` with a draggable left edge."""

    class Resized(Message):
        """The reader dragged the sidebar to ``width`` cells."""

        def __init__(self, width: int) -> None:
            super().__init__()
            self.width = width

    dragging = False

    def _on_handle(self, event: events.MouseEvent) -> bool:
        return event.x == 0 and not self.screen.has_class("-narrow")

    def on_mouse_down(self, event: events.MouseDown) -> None:
        if event.button == 1 and self._on_handle(event):
            self.dragging = True
            self.add_class("-dragging")
            self.capture_mouse()
            event.stop()

    def on_mouse_move(self, event: events.MouseMove) -> None:
        self.set_class(self._on_handle(event), "-handle-hover")
        if self.dragging:
            self.styles.width = self._width_at(event.screen_x)

    def on_mouse_up(self, event: events.MouseUp) -> None:
        if not self.dragging:
            return
        self.dragging = False
        self.remove_class("-dragging")
        self.capture_mouse(False)
        width = self._width_at(event.screen_x)
        self.post_message(self.Resized(width))
        event.stop()

    def on_leave(self, event: events.Leave) -> None:
        self.remove_class("-handle-hover")

    def _width_at(self, screen_x: int) -> int:
        """The width that puts the left edge at ``screen_x``, within bounds."""
        right = self.region.right
        widest = max(MIN_WIDTH, self.screen.size.width - MIN_ARTICLE)
        return max(MIN_WIDTH, min(widest, right - screen_x))

    def settle(self) -> None:
        """Drop the width set while dragging: the stylesheet has it now."""
        self.styles.width = None
