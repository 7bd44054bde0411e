"""The title bar: the document's title, the status, which changes as the reader works, and
the learner's progress in the text at its right end.

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

#: Blank cells between the status and the progress.
GAP = 2


class TitleBar(Widget):
    """One row at the top: ``title — status``, then ``progress`` flush right, repainted
    (never laid out) as they change."""

    #: Set by the app while the status says what is still being worked out (segmenting,
    #: building the dictionary's index): then the status shows whole, the title cut to
    #: the room left (it can be a whole novel's first line); otherwise the title comes first.
    keep_status = False

    #: How far the learner is in this text (``known 71% (+2.1) · 38 new``), or nothing: kept
    #: at the right end, whole, the title and status cut to make room for it; it goes only
    #: when the bar is too narrow for it and a few cells of title.
    progress = ""

    def on_mount(self) -> None:
        self.watch(self.app, "title", self._changed, init=False)
        self.watch(self.app, "sub_title", self._changed, init=False)

    def _changed(self) -> None:
        self.refresh()

    def render(self) -> RenderResult:
        width = self.size.width
        progress = Content(self.progress)
        if progress and progress.cell_length + GAP + MIN_TITLE > width:
            progress = Content("")
        left = self._title_and_status(width - (progress.cell_length + GAP if progress else 0))
        if not progress:
            return left
        pad = max(GAP, width - left.cell_length - progress.cell_length)
        return Content.assemble(left, " " * pad, progress.stylize("dim"))

    def _title_and_status(self, width: int) -> Content:
        title, status = Content(self.app.title), Content(self.app.sub_title)
        room = width - status.cell_length - len(SEPARATOR)
        if self.keep_status and status and title.cell_length > room:
            title = title.truncate(max(room, MIN_TITLE), ellipsis=True)
        line = self.app.format_title(title.plain, status.plain)
        if self.progress and line.cell_length > width:  # the progress stays whole
            line = line.truncate(max(width, 0), ellipsis=True)
        return line
