"""The word list screen: the reader's saved words, to review, correct and prune.

Every change goes straight to the SQLite word list (each one its own transaction), so
nothing is lost if the terminal closes with the screen open, and another zhread process sees
the change at once. Removing asks for the key a second time: it cannot be undone.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import datetime

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DataTable, Input, Static

from tui.core.errors import ZhreadError
from tui.core.plurals import plural
from tui.core.text.sanitize import visible
from tui.keys import textual_bindings
from tui.store.wordlist import Word, WordList

__all__ = ["WordListScreen"]

COLUMNS = ("Traditional", "Simplified", "Pinyin", "Definition", "Sentence", "Added")
#: Cells are cut to these widths (terminal cells), so one long sentence cannot push the
#: other columns off the screen.
_WIDTHS = {"Definition": 36, "Sentence": 24, "Pinyin": 18}


class WordListScreen(ModalScreen[None]):
    """A table of the saved words; ``x`` twice removes one, ``e`` edits its definition."""

    BINDINGS = textual_bindings("wordlist")

    def __init__(self, words: WordList) -> None:
        super().__init__()
        self.words = words
        self.rows: list[Word] = []  # in table order, so a cursor row is an index here
        self._armed: Word | None = None  # the word a first `x` asked to remove
        self._editing: Word | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="wordlist-box"):
            yield Static(id="wordlist-title")
            table: DataTable[Text] = DataTable(
                id="wordlist-table", cursor_type="row", zebra_stripes=True
            )
            table.add_columns(*COLUMNS)
            yield table
            yield Input(id="wordlist-editor", placeholder="definition")
            yield Static(id="wordlist-status")

    def on_mount(self) -> None:
        self.query_one("#wordlist-editor", Input).display = False
        self._reload()
        self.query_one("#wordlist-table", DataTable).focus()

    # -- the table -------------------------------------------------------------------------

    def _reload(self, cursor: int | None = None) -> None:
        """Read the list afresh (another process may have changed it) and redraw."""
        table: DataTable[Text] = self.query_one("#wordlist-table", DataTable)
        if cursor is None:
            cursor = table.cursor_row
        try:
            self.rows = self.words.entries()
        except (sqlite3.Error, ZhreadError) as error:
            self.notify(f"cannot read the word list: {error}", severity="error", markup=False)
        table.clear()
        for word in self.rows:
            table.add_row(*_cells(word))
        if self.rows:
            table.move_cursor(row=min(max(cursor, 0), len(self.rows) - 1), animate=False)
        self._set_title()
        self._say(_HINT)

    def _set_title(self) -> None:
        count = len(self.rows)
        title = Text(plural(count, "saved word") if count else "No saved words yet", style="bold")
        title.append(f"  ·  stored in {visible(str(self.words.path))}", style="dim")
        self.query_one("#wordlist-title", Static).update(title)

    def _say(self, message: str | Text) -> None:
        text = message if isinstance(message, Text) else Text(message, style="dim")
        self.query_one("#wordlist-status", Static).update(text)

    @property
    def current(self) -> Word | None:
        row = self.query_one("#wordlist-table", DataTable).cursor_row
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        if self._armed is not None and self._armed != self.current:
            self._armed = None
            self._say(_HINT)

    # -- removing --------------------------------------------------------------------------

    def action_remove(self) -> None:
        """The first press names the word; the second, on the same word, removes it."""
        word = self.current
        if word is None or self._editing is not None:
            return
        if self._armed != word:
            self._armed = word
            message = Text("Press x again to remove ", style="bold")
            message.append(_name(word), style="bold reverse")
            message.append(" from your word list; move away to keep it.", style="bold")
            self._say(message)
            return
        self._armed = None
        if self._write(lambda: self.words.remove(word.hant, word.hans)):
            self._reload()
            self.notify(f"Removed {_name(word)}", timeout=3, markup=False)

    def _write(self, change: Callable[[], object]) -> bool:
        """Run one change on the list, reporting a failure instead of raising it."""
        try:
            change()
        except (sqlite3.Error, ZhreadError, ValueError) as error:
            self.notify(
                f"The word list was not changed: {error}", severity="error", timeout=8, markup=False
            )
            return False
        return True

    # -- editing ---------------------------------------------------------------------------

    def action_edit(self) -> None:
        word = self.current
        if word is None:
            return
        self._armed, self._editing = None, word
        editor = self.query_one("#wordlist-editor", Input)
        editor.value = word.definition
        editor.border_title = Text(f"Definition of {_name(word)}")  # a str would be markup
        editor.display = True
        editor.focus()
        self._say("Enter saves · Esc cancels")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        word, self._editing = self._editing, None
        if word is None:
            return
        definition = event.value.strip()
        self._close_editor()
        if self._write(lambda: self.words.update(word.hant, word.hans, definition=definition)):
            self._reload()
            self.notify(f"Saved the definition of {_name(word)}", timeout=3, markup=False)

    def _close_editor(self) -> None:
        self.query_one("#wordlist-editor", Input).display = False
        self.query_one("#wordlist-table", DataTable).focus()
        self._say(_HINT)

    def action_close(self) -> None:
        """Escape cancels an edit in progress; otherwise it closes the screen."""
        if self._editing is not None:
            self._editing = None
            self._close_editor()
            return
        self.dismiss(None)


_HINT = "x x removes the word · e edits its definition · Esc or q closes"


def _name(word: Word) -> str:
    return visible(word.hant if word.hant == word.hans else f"{word.hant} {word.hans}")


def _cells(word: Word) -> list[Text]:
    """Text cells, never str: a definition like "[name]" must not be read as markup."""
    values = dict(
        zip(
            COLUMNS,
            (word.hant, word.hans, word.pinyin, word.definition, word.sentence, _date(word.added)),
            strict=True,
        )
    )
    cells = []
    for column, value in values.items():
        cell = Text(visible(" ".join(value.split())), no_wrap=True)
        if column in _WIDTHS:
            cell.truncate(_WIDTHS[column], overflow="ellipsis")
        cells.append(cell)
    return cells


def _date(stamp: str) -> str:
    """The day the word was added, in the reader's own time zone."""
    try:
        return datetime.fromisoformat(stamp).astimezone().strftime("%Y-%m-%d")
    except ValueError:
        return stamp[:10]
