"""The reader's library and reading positions: several documents in one window, each
reopened where it was left.

A mixin of :class:`tui.app.ZhreadApp`. Its event handlers use Textual's private-name form
(``_on_mount``, ``_on_unmount``, ``_on_article_view_cursor_moved``): Textual calls the
handler of every class along the app's MRO, so these run beside the app's own ``on_*``
handlers instead of replacing them.

The place is tracked from the article's cursor messages together with the document they
belong to, so what is saved when the app closes (its widgets already gone) or switches
documents is always a place in the right text.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from textual import work
from textual.app import SystemCommand

from tui.core.errors import ZhreadError
from tui.store.library import Entry
from tui.core.plurals import plural
from tui.widgets.article import ArticleView

if TYPE_CHECKING:
    from tui.app import ZhreadApp
    from tui.core.text.loading import Loaded
    from tui.screens.library import LibraryScreen

    _Base = ZhreadApp
else:
    _Base = object

#: The source of the placeholder the app shows behind the library until a document is
#: chosen: never remembered, never listed.
LIBRARY_SOURCE = "<library>"
LIBRARY_PLACEHOLDER = ("zhread library\n"
                       "Choose a document in the library (Enter), or press q to quit.")
#: Actions that still make sense while the library covers the reader.
_LIBRARY_SAFE = frozenset({"quit", "help", "library", "command_palette"})


class Library:
    """The documents of this run, what is known about each, and which one is open."""

    def __init__(self, paths: Sequence[str], encoding: str | None = None) -> None:
        self.entries = [Entry(path) for path in paths]
        self.encoding = encoding
        self.current: int | None = None


class LibraryActions(_Base):
    """``B`` and the palette's "Library"; saving and restoring reading positions."""

    library: Library | None = None
    start_offset: int = 0  # where the first document opens (its remembered place)
    _place: tuple[str, str, int] | None = None  # (text, source, offset) of the cursor
    _library_notes: list[str] | None = None

    def use_library(self, paths: Sequence[str], encoding: str | None = None) -> None:
        """Open with the library over the reader; call before the app runs."""
        self.library = Library(paths, encoding)

    def note_on_start(self, note: str) -> None:
        """A message to show once the app is up (the reader is not on screen yet)."""
        self._library_notes = [*(self._library_notes or []), note]

    # -- events ----------------------------------------------------------------------------

    def _on_mount(self) -> None:
        if self.start_offset:
            article = self.query_one("#article", ArticleView)
            article.open(self.document, self.start_offset)
            # scrolling needs the laid-out height, which the first refresh gives
            self.call_after_refresh(lambda: article.move_to(article.cursor))
        for note in self._library_notes or ():
            self.notify(note, title="Reading positions", severity="warning", timeout=10)
        if self.library is not None:
            self._show_library()

    def _on_article_view_cursor_moved(self, message: ArticleView.CursorMoved) -> None:
        """Track the place; the first report from another document means the reader
        switched (by the library, the palette or anything else): the old place is saved."""
        if message.token is None:
            return
        document = message.view.document
        if self._place is not None and self._place[0] != document.text:
            self.remember_place()
        self._place = (document.text, document.source, message.token.start)

    def _on_unmount(self) -> None:
        self.remember_place()

    # -- positions -------------------------------------------------------------------------

    def remember_place(self) -> None:
        """Save where the reader is in the open document; a failure costs only the place."""
        place = self._place
        if place is None or place[1] == LIBRARY_SOURCE:
            return
        from tui.store.positions import PositionStore

        try:
            store = PositionStore.open()
        except ZhreadError:
            return
        try:
            store.remember(*place)
        except Exception:  # noqa: BLE001 - sqlite3.Error, or a full disk: not worth a crash
            pass
        finally:
            store.close()

    # -- the library -----------------------------------------------------------------------

    def action_library(self) -> None:
        if self.library is None:
            return
        if self._on_library():
            self._leave_library()
            return
        self.remember_place()
        self._show_library()

    def _show_library(self) -> None:
        assert self.library is not None
        self.push_screen(_library_screen()(self.library.entries, self.library.encoding,
                                           self.library.current))

    def _on_library(self) -> bool:
        """Whether the library's screen is on top (never, in a run without a library)."""
        stack = self.screen_stack  # empty while the app starts
        return self.library is not None and bool(stack) and isinstance(
            stack[-1], _library_screen())

    def _leave_library(self) -> None:
        if self.library is None or self.library.current is None:
            self.notify("Choose a document with Enter, or press q to quit.", timeout=3)
            return
        if self._on_library():
            self.pop_screen()

    def on_library_screen_closed(self) -> None:
        self._leave_library()

    def on_library_screen_chosen(self, message: LibraryScreen.Chosen) -> None:
        if message.entry.error is not None:
            self.notify(f"{message.entry.path}: {message.entry.error}", title="Cannot open",
                        severity="error", timeout=8)
            return
        self._load_entry(message.index, message.entry.path)

    @work(thread=True, exclusive=True, group="library-open")
    def _load_entry(self, index: int, path: str) -> None:
        """Read the file again (it may have changed since it was listed) off the UI thread:
        extracting a page or a book takes a moment."""
        from tui.store.positions import recalled
        from tui.core.text.sources import load_source

        encoding = self.library.encoding if self.library else None
        try:
            loaded = load_source(path, encoding=encoding)
        except ZhreadError as error:
            self.call_from_thread(self.notify, str(error), title="Cannot open",
                                  severity="error", timeout=8)
            return
        offset, note = recalled(loaded.text, loaded.source)
        self.from_worker(self._open_entry, index, loaded, offset, note)

    def _open_entry(self, index: int, loaded: Loaded, offset: int, note: str | None) -> None:
        assert self.library is not None
        self.remember_place()
        self.library.current = index
        while self._on_library():
            self.pop_screen()
        self._place = None  # until the new document's cursor reports in
        self.open_document(loaded.text, loaded.source, offset)
        self.refresh_bindings()
        if note:
            self.notify(note, title="Reading positions", severity="warning", timeout=10)

    def library_commands(self) -> Iterable[SystemCommand]:
        """The palette's entry for the library, when this run has one."""
        if self.library is not None:
            count = len(self.library.entries)
            yield SystemCommand("Library", f"The {plural(count, 'document')} of this session "
                                f"({self.keys_for('library')})", self.action_library)

    def check_action(self, action: str, parameters: tuple[Any, ...]) -> bool | None:
        """``B`` exists only with a library; over the library, the reader's keys rest (they
        would act on the hidden article)."""
        if action == "library":
            return self.library is not None
        if self._on_library() and action not in _LIBRARY_SAFE and self._is_reader_action(action):
            return False
        return super().check_action(action, parameters)

    def _is_reader_action(self, action: str) -> bool:
        return any(str(binding.action).split("(", 1)[0] == action
                   for binding in type(self).BINDINGS if not isinstance(binding, tuple))


def _library_screen() -> type[LibraryScreen]:
    """The library's screen, imported once there is a library: it brings in DataTable."""
    from tui.screens.library import LibraryScreen

    return LibraryScreen
