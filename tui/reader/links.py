"""The palette's web commands: *Open link…* reads a page by its address in this window,
and *Keep this page* writes the page shown to zhread's data directory, to open offline.

The fetch runs in a worker thread (a slow server must never freeze the keys), with a notice
while it runs; a page that cannot be fetched is said in a notice and the document shown
stays. A page opens with its address as its source, so its reading position and the
sentences saved from it name the page.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial
from typing import TYPE_CHECKING

from textual.app import SystemCommand

from tui.core.errors import ZhreadError
from tui.core.text.fetch import DEFAULT_TIMEOUT, fetched_at, is_url
from tui.screens.prompt import PromptScreen

if TYPE_CHECKING:
    from tui.reader.screen import ReaderScreen


class Links:
    """Opening and keeping web pages from the reader."""

    def __init__(self, reader: ReaderScreen, timeout: float = DEFAULT_TIMEOUT) -> None:
        self.reader = reader
        self.timeout = timeout

    def commands(self) -> Iterator[SystemCommand]:
        yield SystemCommand("Open link…", "Read a web page (http:// or https://)", self.open_link)
        if is_url(self.reader.document.source):
            yield SystemCommand(
                "Keep this page",
                "Save the page's text with its address, to open it without the network",
                self.keep_page,
            )

    def open_link(self) -> None:
        """Ask for an address, then fetch it (a bare host gets https:// in front)."""

        def chosen(address: str | None) -> None:
            if address:
                self.load_link(address if is_url(address) else f"https://{address}")

        self.reader.app.push_screen(
            PromptScreen(
                "Open link",
                hint="A web page's address. Enter fetches it, Esc cancels.",
            ),
            chosen,
        )

    def load_link(self, url: str) -> None:
        """Fetch off the UI thread; a second address replaces one still loading."""
        self.reader.zhread.notify(f"Fetching {url} …", title="Open link", timeout=3)
        self.reader.run_worker(
            partial(self._load_link, url),
            name="_load_link",
            group="open-link",
            exclusive=True,
            thread=True,
        )

    def _load_link(self, url: str) -> None:
        from tui.core.text.fetch import load_url
        from tui.store.positions import recalled

        app = self.reader.zhread
        try:
            loaded, _ = load_url(url, timeout=self.timeout)
        except ZhreadError as error:
            app.call_from_thread(
                app.notify, str(error), title="Not opened", severity="error", timeout=8
            )
            return
        offset, _ = recalled(loaded.text, loaded.source)
        app.from_worker(self.reader.open_document, loaded.text, loaded.source, offset)

    def keep_page(self) -> None:
        """Write the shown page (its text as extracted) beside the other kept pages."""
        document = self.reader.document
        self.reader.run_worker(
            partial(self._keep, document.text, document.source),
            name="_keep_page",
            group="keep-page",
            exclusive=True,
            thread=True,
        )

    def _keep(self, text: str, url: str) -> None:
        from datetime import UTC, datetime

        from tui.store.fetched import keep

        app = self.reader.zhread
        when = fetched_at(url) or datetime.now(UTC).replace(microsecond=0)
        try:
            page = keep(text, url, when)
        except ZhreadError as error:
            app.call_from_thread(
                app.notify, str(error), title="Not kept", severity="error", timeout=8
            )
            return
        app.call_from_thread(app.notify, f"Kept in {page.path}", title="Page kept", timeout=5)
