"""The library: the documents named on the command line (or found in a folder), one a row.

The screen shows every file at once and fills in each row as a worker reads it (title,
script, length, HSK grade), so a folder of books never keeps the reader waiting for the
list. A file that cannot be read stays in the list with the reason, instead of stopping
the others. Summaries are kept on the entries, so coming back to the library costs nothing.
"""

from __future__ import annotations

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.message import Message
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header

from tui.core.errors import ZhreadError
from tui.core.levels import label
from tui.core.library import Entry, Summary, summarize
from tui.core.sanitize import visible

__all__ = ["COLUMNS", "LibraryScreen"]

#: Column key -> heading.
COLUMNS: dict[str, str] = {
    "title": "Title", "script": "Script", "length": "Characters", "hsk": "HSK", "file": "File",
}
_PENDING = "…"
_TITLE_WIDTH = 48


class LibraryScreen(Screen[None]):
    """Enter opens the document under the cursor; ``B`` or Escape returns to the reader."""

    BINDINGS = [
        Binding("escape,B", "close", "Back to the reader", id="close-library"),
        Binding("j", "move(1)", "Down", show=False, id="library-down"),
        Binding("k", "move(-1)", "Up", show=False, id="library-up"),
        Binding("g,home", "edge(False)", "First", show=False, id="library-first"),
        Binding("G,end", "edge(True)", "Last", show=False, id="library-last"),
    ]

    class Chosen(Message):
        """The reader asked to open ``entry`` (its index in the library)."""

        def __init__(self, index: int, entry: Entry) -> None:
            super().__init__()
            self.index = index
            self.entry = entry

    class Closed(Message):
        """The reader asked to leave the library without choosing."""

    def __init__(self, entries: list[Entry], encoding: str | None = None,
                 current: int | None = None) -> None:
        super().__init__()
        self.entries = entries
        self.encoding = encoding
        self.current = current  # the row of the document open in the reader, if any

    def compose(self) -> ComposeResult:
        yield Header()
        table: DataTable[Text] = DataTable(id="library-table", cursor_type="row",
                                           zebra_stripes=True)
        for key, heading in COLUMNS.items():
            table.add_column(heading, key=key)
        yield table
        yield Footer()

    def on_mount(self) -> None:
        self.title = "Library"
        self.sub_title = f"{len(self.entries)} documents"
        table: DataTable[Text] = self.query_one(DataTable)
        for index, entry in enumerate(self.entries):
            table.add_row(*_cells(entry), key=str(index))
        if self.current is not None and 0 <= self.current < len(self.entries):
            table.move_cursor(row=self.current, animate=False)
        table.focus()
        if not all(entry.done for entry in self.entries):
            self._summarize()

    @work(thread=True, exclusive=True, group="library")
    def _summarize(self) -> None:
        """Read each document not yet read, one at a time, and fill in its row."""
        from tui.core.sources import load_source

        for index, entry in enumerate(self.entries):
            if entry.done:
                continue
            try:
                summary = summarize(load_source(entry.path, encoding=self.encoding))
            except ZhreadError as error:  # the row names the file; the reason is enough
                reason = str(error).removeprefix(f"{error.path}: ") if error.path else str(error)
                self.app.call_from_thread(self._filled, index, None, reason)
                continue
            except Exception as error:  # noqa: BLE001 - one odd file must not end the list
                self.app.call_from_thread(self._filled, index, None, f"cannot read ({error})")
                continue
            self.app.call_from_thread(self._filled, index, summary, None)

    def _filled(self, index: int, summary: Summary | None, error: str | None) -> None:
        entry = self.entries[index]
        entry.summary, entry.error = summary, error
        table: DataTable[Text] = self.query_one(DataTable)
        for key, cell in zip(COLUMNS, _cells(entry), strict=True):
            table.update_cell(str(index), key, cell, update_width=True)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        index = int(str(event.row_key.value))
        self.post_message(self.Chosen(index, self.entries[index]))

    def action_close(self) -> None:
        self.post_message(self.Closed())

    def action_move(self, step: int) -> None:
        table: DataTable[Text] = self.query_one(DataTable)
        table.move_cursor(row=max(0, table.cursor_row + step))

    def action_edge(self, last: bool) -> None:
        table: DataTable[Text] = self.query_one(DataTable)
        table.move_cursor(row=len(self.entries) - 1 if last else 0)


def _cells(entry: Entry) -> tuple[Text, ...]:
    """A row's cells as plain text: titles and paths come from files, never markup."""
    from pathlib import Path

    name = Text(visible(Path(entry.path).name), style="dim")
    if entry.error is not None:
        return (Text(_cut(visible(entry.error), 2 * _TITLE_WIDTH), style="red"),
                Text("—"), Text("—"), Text("—"), name)
    summary = entry.summary
    if summary is None:
        return (Text(_PENDING), Text(_PENDING), Text(_PENDING), Text(_PENDING), name)
    return (
        Text(_cut(visible(summary.title), _TITLE_WIDTH)),
        Text(str(summary.script)),
        Text(f"{summary.characters:,}", justify="right"),
        Text(label(summary.level) if summary.characters else "—"),
        name,
    )


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"
