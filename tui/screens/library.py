"""The library: the documents named on the command line (or found in a folder), one a row.

The screen shows every file at once and fills in each row as a worker reads it (title,
script, length, HSK grade), so a folder of books never keeps the reader waiting for the
list. A file that cannot be read stays in the list, named, with the reason, instead of
stopping the others. Summaries are kept on the entries, so coming back to the library costs
nothing. The columns are sized to the terminal (:func:`column_widths`): a long title or
file name is cut with an ellipsis rather than pushing the last columns off the screen.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.cells import cell_len
from rich.console import JustifyMethod
from rich.text import Text
from textual import events, work
from textual.app import ComposeResult
from textual.message import Message
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static

from tui.core.errors import ZhreadError
from tui.core.plurals import plural
from tui.core.readings.levels import label
from tui.core.text.sanitize import visible
from tui.keys import textual_bindings
from tui.store.library import Entry, Summary, summarize

if TYPE_CHECKING:
    from tui.screens.desk import DeskJump

__all__ = ["COLUMNS", "LibraryScreen", "column_widths", "entry_index"]

#: Column key -> heading.
COLUMNS: dict[str, str] = {
    "title": "Title",
    "script": "Script",
    "length": "Characters",
    "hsk": "HSK",
    "file": "File",
}
_PENDING = "…"
_TITLE_WIDTH = 48
#: How narrow each column may become before the table is allowed to overflow.
_NARROWEST = {"title": 10, "script": 6, "length": 6, "hsk": 3, "file": 6}


class LibraryScreen(Screen[None]):
    """Enter opens the document under the cursor; ``B`` or Escape returns to the reader."""

    BINDINGS = textual_bindings("library")

    class Chosen(Message):
        """The reader asked to open ``entry`` (its index in the library), at ``offset`` if
        given (the desk's Enter) rather than where it was left."""

        def __init__(self, index: int, entry: Entry, offset: int | None = None) -> None:
            super().__init__()
            self.index = index
            self.entry = entry
            self.offset = offset

    class Closed(Message):
        """The reader asked to leave the library without choosing."""

    def __init__(
        self, entries: list[Entry], encoding: str | None = None, current: int | None = None
    ) -> None:
        super().__init__()
        self.entries = entries
        self.encoding = encoding
        self.current = current  # the row of the document open in the reader, if any
        self._widths: dict[str, int] = {}  # the columns' widths as the table has them

    def compose(self) -> ComposeResult:
        yield Header()
        yield DataTable(id="library-table", cursor_type="row", zebra_stripes=True)
        yield Static(id="library-detail")
        yield Footer()

    def on_mount(self) -> None:
        self.title = "Library"
        self.sub_title = plural(len(self.entries), "document")
        table: DataTable[Text] = self.query_one(DataTable)
        self._fit()
        if self.current is not None and 0 <= self.current < len(self.entries):
            table.move_cursor(row=self.current, animate=False)
        table.focus()
        if not all(entry.done for entry in self.entries):
            self._summarize()

    @work(thread=True, exclusive=True, group="library")
    def _summarize(self) -> None:
        """Read each document not yet read, one at a time, and fill in its row."""
        from tui.core.text.sources import load_source

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
        if table.cursor_row == index:
            self._show_detail(index)
        if self._fit():
            return
        for key, cell in zip(COLUMNS, _cells(entry), strict=True):
            table.update_cell(str(index), key, cell)

    def on_resize(self, event: events.Resize) -> None:
        self._fit()

    def _fit(self) -> bool:
        """Give the columns widths that fit the table, building it again when they change
        (a title read, the terminal resized); whether it was built again."""
        table: DataTable[Text] = self.query_one(DataTable)
        room = table.size.width - table.styles.scrollbar_size_vertical
        widths = column_widths(_natural_widths(self.entries), room, 2 * table.cell_padding)
        if widths == self._widths and table.row_count == len(self.entries):
            return False
        self._widths = widths
        row = table.cursor_row
        table.clear(columns=True)
        for key, heading in COLUMNS.items():
            table.add_column(heading, key=key, width=widths[key])
        for index, entry in enumerate(self.entries):
            table.add_row(*_cells(entry), key=str(index))
        table.move_cursor(row=row, animate=False)
        return True

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._show_detail(int(str(event.row_key.value)))

    def _show_detail(self, index: int) -> None:
        """The row under the cursor in full below the table: its cells may be cut short."""
        entry = self.entries[index]
        detail = Text(visible(entry.path), style="bold" if entry.error else "")
        if entry.error is not None:
            detail.append(": " + visible(entry.error), style="red")
        elif entry.summary is not None:
            detail = Text(visible(entry.summary.title) + "  ", style="bold") + detail
        self.query_one("#library-detail", Static).update(detail)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        index = int(str(event.row_key.value))
        self.post_message(self.Chosen(index, self.entries[index]))

    def action_close(self) -> None:
        self.post_message(self.Closed())

    def action_desk(self) -> None:
        """Who appears in which documents, and who said what, across the library."""
        from tui.screens.desk import DeskScreen

        self.app.push_screen(DeskScreen([entry.path for entry in self.entries]), self._desk_jump)

    def _desk_jump(self, jump: DeskJump | None) -> None:
        index = None if jump is None else entry_index(self.entries, jump.source)
        if jump is not None and index is not None:
            self.post_message(self.Chosen(index, self.entries[index], jump.offset))

    def action_move(self, step: int) -> None:
        table: DataTable[Text] = self.query_one(DataTable)
        table.move_cursor(row=max(0, table.cursor_row + step))

    def action_edge(self, last: bool) -> None:
        table: DataTable[Text] = self.query_one(DataTable)
        table.move_cursor(row=len(self.entries) - 1 if last else 0)


def column_widths(natural: dict[str, int], room: int, padding: int) -> dict[str, int]:
    """Column key -> width so that the columns and their ``padding`` fit in ``room`` cells.

    Each column is as wide as its widest cell if all fit; otherwise the title and the file
    name give way first (the wider of the two a cell at a time), then the others, none
    below its narrowest. Only a terminal too narrow even for those makes the table wider.
    """
    widths = {
        key: max(natural.get(key, 0), cell_len(heading), 1) for key, heading in COLUMNS.items()
    }
    excess = sum(widths.values()) + padding * len(widths) - room
    for group in (("title", "file"), ("script", "length", "hsk")):
        while excess > 0:
            key = max(group, key=lambda k: widths[k] - _NARROWEST[k])
            if widths[key] <= _NARROWEST[key]:
                break
            widths[key] -= 1
            excess -= 1
    return widths


def entry_index(entries: list[Entry], source: str) -> int | None:
    """The entry whose path is ``source`` (a desk names documents by the path it was given),
    or that is the same file by another spelling of its path."""
    from pathlib import Path

    for index, entry in enumerate(entries):
        if entry.path == source:
            return index
    for index, entry in enumerate(entries):
        try:
            if Path(entry.path).resolve() == Path(source).resolve():
                return index
        except OSError:
            continue
    return None


def _natural_widths(entries: list[Entry]) -> dict[str, int]:
    """Column key -> the width of its widest cell."""
    widths: dict[str, int] = {}
    for entry in entries:
        for key, cell in zip(COLUMNS, _cells(entry), strict=True):
            widths[key] = max(widths.get(key, 0), cell.cell_len)
    return widths


def _cells(entry: Entry) -> tuple[Text, ...]:
    """A row's cells as plain text: titles and paths come from files, never markup. A file
    that cannot be read is named in the title's place, the reason after it, so that a table
    too narrow for the file column still says which file it is."""
    from pathlib import Path

    name = visible(Path(entry.path).name)
    if entry.error is not None:
        title = _cell(_cut(name, _TITLE_WIDTH), style="bold")
        title.append(": " + _cut(visible(entry.error), 2 * _TITLE_WIDTH), style="red")
        return title, _cell("—"), _cell("—"), _cell("—"), _cell(name, style="dim")
    summary = entry.summary
    if summary is None:
        return (*(_cell(_PENDING) for _ in range(4)), _cell(name, style="dim"))
    return (
        _cell(_cut(visible(summary.title), _TITLE_WIDTH)),
        _cell(str(summary.script)),
        _cell(f"{summary.characters:,}", justify="right"),
        _cell(label(summary.level) if summary.characters else "—"),
        _cell(name, style="dim"),
    )


def _cell(text: str, style: str = "", justify: JustifyMethod | None = None) -> Text:
    """One line, cut with an ellipsis where the column ends."""
    return Text(text, style=style, justify=justify, no_wrap=True, overflow="ellipsis")


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"
