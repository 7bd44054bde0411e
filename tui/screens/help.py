"""The help screen: every key as it is actually bound, read from the live bindings."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DataTable, Static

from tui.keys import textual_bindings


class HelpScreen(ModalScreen[None]):
    """Lists the bindings of the screen it was opened from, so remapped keys show correctly."""

    BINDINGS = textual_bindings("help")

    def __init__(self, rows: list[tuple[str, str, str]]) -> None:
        super().__init__()
        self._rows = rows

    def compose(self) -> ComposeResult:
        with Vertical(id="help-box"):
            yield Static("Keys", id="help-title")
            table: DataTable[Text] = DataTable(
                id="help-table", cursor_type="row", zebra_stripes=True
            )
            table.add_columns("Key", "Does", "Id")
            for row in self._rows:  # Text cells: a key such as "[" must not be read as markup
                table.add_row(*(Text(cell) for cell in row))
            yield table
            yield Static("Esc or ? closes this screen.", id="help-hint")


def binding_rows(bindings: list[tuple[str, Binding]]) -> list[tuple[str, str, str]]:
    """(key, description, id) rows, one per action, keys of the same action joined."""
    by_action: dict[str, tuple[list[str], str, str]] = {}
    for key_display, binding in bindings:
        keys, _, _ = by_action.setdefault(
            binding.action, ([], binding.description or binding.action, binding.id or "")
        )
        if key_display not in keys:
            keys.append(key_display)
    return [(" ".join(keys), desc, ident) for keys, desc, ident in by_action.values()]
