"""The reader's library and reading positions: several documents in one window, each
reopened where it was left.

:class:`Library` is the documents of this run (the app holds it: it is set before the app
runs, from the command line); :class:`LibraryControl` is the controller the
:class:`~tui.reader.screen.ReaderScreen` owns for ``B`` and for saving and restoring places.

The place is tracked from the article's cursor messages together with the document they
belong to, so what is saved when the app closes (its widgets already gone) or switches
documents is always a place in the right text.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import partial
from typing import TYPE_CHECKING

from textual.app import SystemCommand

from tui.core.errors import ZhreadError
from tui.core.plurals import plural
from tui.store.library import Entry
from tui.widgets.article import ArticleView

if TYPE_CHECKING:
    from tui.core.text.loading import Loaded
    from tui.reader.screen import ReaderScreen
    from tui.screens.desk import DeskJump
    from tui.screens.library import LibraryScreen

#: The source of the placeholder the app shows behind the library until a document is
#: chosen: never remembered, never listed.
LIBRARY_SOURCE = "<library>"
LIBRARY_PLACEHOLDER = (
    "zhread library\nChoose a document in the library (Enter), or press q to quit."
)


class Library:
    """The documents of this run, what is known about each, and which one is open."""

    def __init__(self, paths: Sequence[str], encoding: str | None = None) -> None:
        self.entries = [Entry(path) for path in paths]
        self.encoding = encoding
        self.current: int | None = None


class LibraryControl:
    """``B`` and the palette's "Library"; saving and restoring reading positions."""

    def __init__(self, reader: ReaderScreen) -> None:
        self.reader = reader
        self._place: tuple[str, str, int] | None = None  # (text, source, offset) of the cursor

    @property
    def library(self) -> Library | None:
        return self.reader.zhread.library

    def mounted(self) -> None:
        """Put the cursor on the remembered place, say what went wrong reading the places,
        and open over the reader with the library when this run has one."""
        reader = self.reader
        if reader.start_offset:
            article = reader.article
            article.open(reader.document, reader.start_offset)
            # scrolling needs the laid-out height, which the first refresh gives
            reader.call_after_refresh(lambda: article.move_to(article.cursor))
        for note in reader.zhread.start_notes:
            reader.app.notify(note, title="Reading positions", severity="warning", timeout=10)
        if self.library is not None:
            self._show_library()

    def cursor_moved(self, message: ArticleView.CursorMoved) -> None:
        """Track the place; the first report from another document means the reader
        switched (by the library, the palette or anything else): the old place is saved."""
        if message.token is None:
            return
        document = message.view.document
        if self._place is not None and self._place[0] != document.text:
            self.remember_place()
        self._place = (document.text, document.source, message.token.start)

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

    def toggle(self) -> None:
        """``B``: the library over the reader, or back to the reader from it."""
        if self.library is None:
            return
        if self._on_library():
            self.leave()
            return
        self.remember_place()
        self._show_library()

    def _show_library(self) -> None:
        library = self.library
        assert library is not None
        self.reader.app.push_screen(
            _library_screen()(library.entries, library.encoding, library.current)
        )

    def _on_library(self) -> bool:
        """Whether the library's screen is on top (never, in a run without a library)."""
        stack = self.reader.app.screen_stack  # empty while the app starts
        return self.library is not None and bool(stack) and isinstance(stack[-1], _library_screen())

    def leave(self) -> None:
        """Back to the reader, once a document is open in it."""
        if self.library is None or self.library.current is None:
            self.reader.app.notify("Choose a document with Enter, or press q to quit.", timeout=3)
            return
        if self._on_library():
            self.reader.app.pop_screen()

    def chosen(self, message: LibraryScreen.Chosen) -> None:
        if message.entry.error is not None:
            self.reader.app.notify(
                f"{message.entry.path}: {message.entry.error}",
                title="Cannot open",
                severity="error",
                timeout=8,
            )
            return
        work = partial(self._load_entry, message.index, message.entry.path, message.offset)
        self.reader.run_worker(
            work, name="_load_entry", group="library-open", exclusive=True, thread=True
        )

    def _load_entry(self, index: int, path: str, at: int | None = None) -> None:
        """Read the file again (it may have changed since it was listed) off the UI thread:
        extracting a page or a book takes a moment. ``at`` (from the desk) wins over the
        remembered place."""
        from tui.core.text.sources import load_source
        from tui.store.positions import recalled

        app = self.reader.zhread
        encoding = self.library.encoding if self.library else None
        try:
            loaded = load_source(path, encoding=encoding)
        except ZhreadError as error:
            app.call_from_thread(
                app.notify, str(error), title="Cannot open", severity="error", timeout=8
            )
            return
        offset, note = recalled(loaded.text, loaded.source)
        if at is not None and 0 <= at <= len(loaded.text):
            offset, note = at, None
        app.from_worker(self._open_entry, index, loaded, offset, note)

    def _open_entry(self, index: int, loaded: Loaded, offset: int, note: str | None) -> None:
        assert self.library is not None
        app = self.reader.app
        self.remember_place()
        self.library.current = index
        while self._on_library():
            app.pop_screen()
        self._place = None  # until the new document's cursor reports in
        self.reader.open_document(loaded.text, loaded.source, offset)
        self.reader.refresh_bindings()
        if note:
            app.notify(note, title="Reading positions", severity="warning", timeout=10)

    def commands(self) -> Iterable[SystemCommand]:
        """The palette's entry for the library, when this run has one."""
        if self.library is not None:
            count = len(self.library.entries)
            keys = self.reader.zhread.keys_for("library")
            yield SystemCommand(
                "Library", f"The {plural(count, 'document')} of this session ({keys})", self.toggle
            )
            yield SystemCommand(
                "Desk",
                f"Who appears in which of the {plural(count, 'document')}, and who said what "
                f"({self.reader.zhread.keys_for('desk')} in the library)",
                self.desk,
            )

    def desk(self) -> None:
        """The palette's "Desk": the desk over whatever is shown; Enter opens a document."""
        from tui.screens.desk import DeskScreen

        library = self.library
        if library is None:
            return
        paths = [entry.path for entry in library.entries]
        self.reader.app.push_screen(DeskScreen(paths, self.reader.glossary), self._desk_jump)

    def _desk_jump(self, jump: DeskJump | None) -> None:
        from tui.screens.library import LibraryScreen, entry_index

        library = self.library
        if jump is None or library is None:
            return
        index = entry_index(library.entries, jump.source)
        if index is not None:
            self.chosen(LibraryScreen.Chosen(index, library.entries[index], jump.offset))


def _library_screen() -> type[LibraryScreen]:
    """The library's screen, imported once there is a library: it brings in DataTable."""
    from tui.screens.library import LibraryScreen

    return LibraryScreen
