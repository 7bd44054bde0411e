"""The title bar: the document's title and the status, which changes as the reader works.

Textual's ``Header`` shows the title in a ``Static`` that asks the whole screen for a
layout on every change, and the status changes on every step of the segmenter and on many
keys. This bar is one row the width of the screen whatever it says, so it only repaints.
"""

from __future__ import annotations

from textual.app import RenderResult
from textual.widget import Widget


class TitleBar(Widget):
    """One row at the top: ``title — status``, repainted (never laid out) as they change."""

    def on_mount(self) -> None:
        self.watch(self.app, "title", self._changed, init=False)
        self.watch(self.app, "sub_title", self._changed, init=False)

    def _changed(self) -> None:
        self.refresh()

    def render(self) -> RenderResult:
        return self.app.format_title(self.app.title, self.app.sub_title)
