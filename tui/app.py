"""The zhread Textual app: what is global to a run, around the reader's screen.

The reader itself (the document, its panes and keys) is :class:`tui.reader.screen.ReaderScreen`,
the app's default screen. The app holds what outlives any one document and what other
screens use too: the theme and preferences (:mod:`tui.preferences`), CC-CEDICT (opened
beside the reader's segmenter, used by the lookup screen), the user's word list and the
library of this run, the screen stack, the help screen and the command palette.
"""

from __future__ import annotations

import asyncio
import gc
import sys
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, ClassVar

from textual import events, work
from textual.app import App, SystemCommand
from textual.filter import LineFilter, Monochrome, NoColor
from textual.notifications import SeverityLevel
from textual.screen import Screen
from textual.worker import WorkerFailed, get_current_worker

from tui.core.errors import ZhreadError, describe_import_error
from tui.core.learning.states import State
from tui.core.text.sanitize import visible
from tui.keys import textual_bindings
from tui.preferences import Preferences
from tui.reader.library import Library
from tui.reader.screen import ReaderScreen
from tui.screens.help import HelpScreen, binding_rows
from tui.screens.toosmall import follow_size
from tui.themes import STYLESHEET, ZhreadStyles
from tui.workers import DaemonThreads

if TYPE_CHECKING:
    from tui.core.glossary.entries import Glossary
    from tui.core.readings.dictionary import Dictionary
    from tui.screens.library import LibraryScreen
    from tui.store.wordlist import WordList

#: Seconds a thread holds the interpreter before another that waits for it gets it.
SWITCH_INTERVAL = 0.001

#: The reader's keys that answer over every screen, the library's among them (the reader's
#: own, the same keys, come first while the reader is shown).
EVERYWHERE = frozenset({"help", "quit"})

_NO_COLOR = NoColor()


class ZhreadApp(ZhreadStyles, App[None]):
    """Reads one document at a time, in the reader's screen."""

    CSS_PATH = STYLESHEET  # absolute, so subclasses elsewhere work
    TITLE = "zhread"
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (70, "-wide")]  # the sidebar folds away below 70
    BINDINGS = [b for b in textual_bindings("reader") if getattr(b, "id", None) in EVERYWHERE]
    #: The reader's screen class (a subclass may time or probe it).
    Reader: ClassVar[type[ReaderScreen]] = ReaderScreen

    def __init__(
        self,
        text: str,
        source: str,
        glossary: Glossary | None = None,
        glossary_files: Sequence[str] = (),
        offset: int = 0,
    ) -> None:
        """The reader's screen is made here, reading ``text`` (see :class:`ReaderScreen`);
        a broken named glossary file ends the app with :attr:`fatal`."""
        super().__init__()
        self.prefs = Preferences(self)
        self.dictionary: Dictionary | None = None  # CC-CEDICT, opened beside the segmenter
        self.dictionary_status = ""  # how far the index is built, on a first run
        self.dictionary_settled = False  # opened, or failed to: nothing more to wait for
        self.words: WordList | None = None  # the user's word list, opened on first use
        # learning states by Simplified form (a word not in it is new), so a state in one
        # script holds in the other; replaced, never mutated, so a cache can tell it changed
        self.states: Mapping[str, State] = {}
        self._known: tuple[Mapping[str, State], frozenset[str]] | None = None
        self.library: Library | None = None  # the documents of this run, if more than one
        self.start_notes: list[str] = []  # said once the reader is up
        self.fatal: str | None = None  # set when the app had to stop on bad input
        self._reader = self.Reader(text, source, glossary, glossary_files, offset)
        self.title = visible(self._reader.document.title)[:200]

    @property
    def reader(self) -> ReaderScreen:
        """The reader's screen (the default one, under any other)."""
        return self._reader

    def get_default_screen(self) -> Screen:
        return self._reader

    def use_library(self, paths: Sequence[str], encoding: str | None = None) -> None:
        """Open with the library over the reader; call before the app runs."""
        self.library = Library(paths, encoding)

    def note_on_start(self, note: str) -> None:
        """A message to show once the app is up (the reader is not on screen yet)."""
        self.start_notes = [*self.start_notes, note]

    # -- running and stopping --------------------------------------------------------------

    def run(self, *args: Any, **kwargs: Any) -> Any:
        """Run the reader; the modules loaded so far are frozen out of garbage collection
        first. They are never garbage, and the first frame allocates enough to set off a
        full collection, which would otherwise walk all of them: tens of milliseconds.

        The interpreter is handed between threads every millisecond rather than five: the UI
        thread waits up to that long each time it wakes while a worker segments, and a key's
        frame wakes it many times."""
        gc.freeze()
        interval = sys.getswitchinterval()
        sys.setswitchinterval(SWITCH_INTERVAL)
        try:
            return super().run(*args, **kwargs)
        finally:
            sys.setswitchinterval(interval)

    def exit(self, result: object = None, return_code: int = 0, message: Any = None) -> None:
        """Stop every worker first: one still segmenting would compete with the UI
        thread for the interpreter all the way out."""
        self.workers.cancel_all()
        super().exit(result, return_code, message)

    def on_load(self) -> None:
        """Workers run in daemon threads, so that quitting never waits for one to finish
        what it is doing (see :mod:`tui.workers`)."""
        asyncio.get_running_loop().set_default_executor(DaemonThreads())

    def on_mount(self) -> None:
        """Before the reader's mount: the preferences it starts with are read here."""
        for note in self.prefs.load():
            self.notify(note, title="Settings", severity="error", timeout=15)
        if self.review_at_start is not None:
            self.open_review(self.review_at_start)

    def on_unmount(self) -> None:
        self.reader.library.remember_place()
        self.reader.states.flush_now()  # the words moved past just before quitting

    def stop(self, message: str) -> None:
        """End the app on bad input, ``message`` saying what (exit code 2)."""
        self.fatal = message
        self.exit(return_code=2)

    def _handle_exception(self, error: Exception) -> None:
        """A library that fails to import where a worker first needs it (pinyin, HSK tables)
        is a broken install, said in one line with exit code 2 like any bad input."""
        cause = error.error if isinstance(error, WorkerFailed) else error
        if isinstance(cause, ImportError):
            self.stop(describe_import_error(cause))
        elif isinstance(cause, ZhreadError):
            self.stop(str(cause))
        else:
            super()._handle_exception(error)

    # -- workers ---------------------------------------------------------------------------

    def from_worker(self, callback: Callable[..., object], *args: object) -> None:
        """Hand a worker's result to ``callback`` on the UI thread. Every worker goes
        through here: a result that arrives as the app closes finds the panes gone, so it
        is dropped rather than each callback checking for itself."""
        self.call_from_thread(self._deliver, callback, *args)

    def call_from_thread(self, callback: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        """As Textual's, but a call that comes once the app is quitting is dropped: a
        worker may outlive the app (see :mod:`tui.workers`), and a call into the closed
        event loop would leave a complaint on the terminal after it is restored."""
        if self._exit or not self.is_running:
            return None
        return super().call_from_thread(callback, *args, **kwargs)

    def _deliver(self, callback: Callable[..., object], *args: object) -> None:
        if not self.shutting_down:
            callback(*args)

    @property
    def shutting_down(self) -> bool:
        """Whether the app is closing: its screens, and their panes, may be gone."""
        return self._exit or not self.screen_stack or not self.screen.is_attached

    # -- the dictionary --------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="dictionary")
    def open_dictionary(self) -> None:
        """Open CC-CEDICT beside the segmenter. The first run builds its index (seconds) in
        a process of its own, so that every key still answers; how far it has got is in
        the header, and quitting ends it."""
        from tui.core.readings.dictindex import BuildCancelled
        from tui.core.readings.dictionary import Dictionary

        worker = get_current_worker()

        def progress(done: int, total: int) -> None:
            percent = 100 * done // max(total, 1)
            self.from_worker(
                self._dictionary_building, f"building the dictionary index… {percent}%"
            )

        try:
            dictionary = Dictionary.open(
                progress, apart=True, cancelled=lambda: worker.is_cancelled
            )
        except BuildCancelled:
            return
        except ZhreadError as error:
            self.from_worker(self._dictionary_failed, str(error))
            return
        self.from_worker(self._dictionary_opened, dictionary)

    def _dictionary_building(self, status: str) -> None:
        self.dictionary_status = status
        self.reader.update_status()

    def _dictionary_failed(self, message: str) -> None:
        self.dictionary_status, self.dictionary_settled = "", True
        self.reader.update_status()
        self.notify(message, title="Dictionary", severity="error")
        self.reader.run_waiting()

    def _dictionary_opened(self, dictionary: Dictionary) -> None:
        self.dictionary = dictionary
        self.dictionary_status, self.dictionary_settled = "", True
        self.reader.update_status()
        if dictionary.note:
            self.notify(dictionary.note, title="Dictionary", severity="warning", timeout=10)
        self.reader.show_entry_now()
        from tui.screens.lookup import LookupScreen  # loaded by now if it is showing

        if isinstance(self.screen, LookupScreen):
            self.screen.dictionary_opened()
        self.reader.run_waiting()

    # -- the user's word list --------------------------------------------------------------

    def word_list(self) -> WordList | None:
        """The word list, opened on first use (None, said, when it cannot be)."""
        if self.words is None:
            from tui.store.wordlist import WordList

            try:
                self.words = WordList.open()
            except ZhreadError as error:
                self.notify(str(error), title="Word list", severity="error", timeout=8)
                return None
            if self.words.note:
                self.notify(self.words.note, title="Word list", severity="warning", timeout=10)
            self.states = self.words.states()
        return self.words

    @property
    def known(self) -> frozenset[str]:
        """The words in the KNOWN state (Simplified), kept until the states change."""
        if self._known is None or self._known[0] is not self.states:
            known = frozenset(w for w, state in self.states.items() if state is State.KNOWN)
            self._known = (self.states, known)
        return self._known[1]

    def reload_states(self) -> None:
        """Read the states again from the store (a review has moved some) and redraw the
        reader's tints and progress."""
        if self.words is None:
            return
        try:
            self.states = self.words.states()
        except ZhreadError as error:
            self.notify(str(error), title="Word list", severity="error", timeout=8)
            return
        if self.reader.is_mounted:
            self.reader.states.redraw()

    # -- the review of saved words ---------------------------------------------------------

    #: Set by :meth:`review_on_start` (``zhread review``): open the review over the reader at
    #: once, with cloze cards when True, and quit when it closes.
    review_at_start: bool | None = None

    def review_on_start(self, cloze: bool = False) -> None:
        """Open with the review and end the app when it closes; call before the app runs."""
        self.review_at_start = cloze

    def open_review(self, cloze: bool = False) -> None:
        """The review of the words due (``R``), its reading in the reader's tone colours."""
        from tui.screens.review import ReviewScreen

        words = self.word_list()
        if words is None:
            if self.review_at_start is not None:
                self.exit(return_code=2)
            return
        reader = self.reader
        tones = reader.article.tones if reader.is_mounted else self.prefs.start.tones.active
        self.push_screen(ReviewScreen(words, cloze=cloze, tones=tones), self._review_closed)

    def _review_closed(self, _summary: object) -> None:
        """The ratings set the words' learning states: the reader's tints follow them."""
        self.reload_states()
        if self.review_at_start is not None:
            self.exit()

    # -- look and keys ---------------------------------------------------------------------

    def get_line_filters(self) -> Sequence[LineFilter]:
        """Under NO_COLOR Textual greys every colour, but a colour of an ANSI theme has no
        RGB to grey and all would be black, text and background alike: those are left to
        the terminal's own two colours instead."""
        filters = super().get_line_filters()
        if self.no_color and self.native_ansi_color:
            return [_NO_COLOR if isinstance(f, Monochrome) else f for f in filters]
        return filters

    def keys_for(self, binding_id: str) -> str:
        """The keys of a binding as they are bound now (remapped or not), for display."""
        return self.prefs.keys_for(binding_id)

    def on_resize(self, event: events.Resize) -> None:
        """Below 20x6 no layout is readable: a message covers the app until it grows."""
        follow_size(self, event.size)

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = False,
    ) -> None:
        """Messages here quote the document, words and file paths: never read as markup."""
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=markup)

    def action_help(self) -> None:
        bindings = [  # only zhread's own bindings: those are the ones with ids
            (self.get_key_display(active.binding), active.binding)
            for active in self.screen.active_bindings.values()
            if active.binding.id
        ]
        self.push_screen(HelpScreen(binding_rows(bindings)))

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """The command palette: Textual's own commands, then the reader's."""
        yield from super().get_system_commands(screen)
        yield from self.reader.commands.system_commands()

    # -- the library's screen (its messages come to the app) -------------------------------

    def on_library_screen_closed(self) -> None:
        self.reader.library.leave()

    def on_library_screen_chosen(self, message: LibraryScreen.Chosen) -> None:
        self.reader.library.chosen(message)
