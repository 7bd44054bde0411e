"""The title bar: the document's title and the status, which changes as the reader works.

Textual's ``Header`` shows the title in a ``Static`` that asks the whole screen for a
layout on every change, and the status changes on every step of the segmenter and on many
keys. This bar is one row the width of the screen whatever it says, so it only repaints.
"""

from __future__ import annotations

from textual.app import RenderResult
from textual.content import Content
from textual.widget import Widget

#: What Textual's ``format_title`` puts between title and status.
SEPARATOR = " — "

#: Cells the title keeps however long the status is.
MIN_TITLE = 8


class TitleBar(Widget):
    """One row at the top: ``title — status``, repainted (never laid out) as they change."""

    #: Set by the app while the status says what is still being worked out (segmenting,
    #: building the dictionary's index): then the status shows whole, the title cut to
    #: the room left (it can be a whole novel's first line); otherwise the title comes first.
    keep_status = False

    def on_mount(self) -> None:
        self.watch(self.app, "title", self._changed, init=False)
        self.watch(self.app, "sub_title", self._changed, init=False)

    def _changed(self) -> None:
        self.refresh()

    def render(self) -> RenderResult:
        title, status = Content(self.app.title), Content(self.app.sub_title)
        room = self.size.width - status.cell_length - len(SEPARATOR)
        if self.keep_status and status and title.cell_length > room:
            title = title.truncate(max(room, MIN_TITLE), ellipsis=True)
        return self.app.format_title(title.plain, status.plain)
