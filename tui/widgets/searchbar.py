"""The search line at the foot of the screen, opened by ``/`` (forward) or ``?`` (backward)
as in less and vim."""

from __future__ import annotations

from textual import events
from textual.message import Message
from textual.widgets import Input

from tui.keys import textual_bindings

PLACEHOLDERS = {
    False: "/ search forward: hanzi in either script, pinyin (tones optional) or English",
    True: "? search backward: hanzi in either script, pinyin (tones optional) or English",
}


class SearchBar(Input):
    """A one-line query; Enter searches, Escape gives the keyboard back to the article.
    Up and Down go through earlier queries of this session."""

    BINDINGS = textual_bindings("searchbar")

    class Search(Message):
        """The reader asked for ``query``; ``backward`` after ``?``."""

        def __init__(self, query: str, backward: bool) -> None:
            super().__init__()
            self.query = query
            self.backward = backward

    class Closed(Message):
        """The bar was closed without a search."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, select_on_focus=False)
        self.backward = False
        self.history: list[str] = []
        self._at = 0

    def open(self, backward: bool) -> None:
        self.backward = backward
        self.placeholder = PLACEHOLDERS[backward]
        self.value = ""
        self._at = len(self.history)
        self.display = True
        self.focus()

    def action_close(self) -> None:
        self.display = False
        self.post_message(self.Closed())

    def action_history(self, step: int) -> None:
        if not self.history:
            return
        self._at = max(0, min(self._at + step, len(self.history)))
        self.value = self.history[self._at] if self._at < len(self.history) else ""
        self.cursor_position = len(self.value)

    async def _on_key(self, event: events.Key) -> None:
        if event.key == "enter":
            event.stop()
            event.prevent_default()
            self._submit()
            return
        await super()._on_key(event)

    def _submit(self) -> None:
        query = self.value.strip()
        self.display = False
        if not query:
            self.post_message(self.Closed())
            return
        if not self.history or self.history[-1] != query:
            self.history.append(query)
        self.post_message(self.Search(query, self.backward))
