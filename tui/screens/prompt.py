"""A one-line question in a box: the path to open, the file to export to.

Dismissed with the typed text on Enter, or with ``None`` on Esc, so the caller's callback
decides what to do and the screen knows nothing about files.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static


class PromptScreen(ModalScreen[str | None]):
    """Asks for one line of text."""

    DEFAULT_CSS = """
    PromptScreen {
        align: center middle;
    }
    #prompt-box {
        width: 72;
        max-width: 95%;
        height: auto;
        border: round $accent;
        background: $surface;
        padding: 0 1;
    }
    #prompt-title {
        text-style: bold;
        padding-bottom: 1;
    }
    #prompt-hint {
        color: $text-muted;
    }
    """

    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="cancel-prompt"),
    ]

    def __init__(self, title: str, value: str = "", hint: str = "") -> None:
        super().__init__()
        self._title, self._value, self._hint = title, value, hint

    def compose(self) -> ComposeResult:
        with Vertical(id="prompt-box"):
            yield Static(Text(self._title), id="prompt-title")
            yield Input(self._value, id="prompt-input")
            yield Static(Text(self._hint or "Enter accepts, Esc cancels."), id="prompt-hint")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.dismiss(event.value.strip() or None)

    def action_cancel(self) -> None:
        self.dismiss(None)
