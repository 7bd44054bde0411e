"""A one-line question in a box: the path to open, the file to export to.

Dismissed with the typed text on Enter, or with ``None`` on Esc, so the caller's callback
decides what to do and the screen knows nothing about files.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from tui.keys import textual_bindings


class PromptScreen(ModalScreen[str | None]):
    """Asks for one line of text."""

    BINDINGS = textual_bindings("prompt")

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
