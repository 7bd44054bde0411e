"""The zhread Textual app: article, sidebar (entry and terms), search line, header, footer.

The first frame shows the article with provisional one-character words and nothing else
loaded. The glossary, the converters and jieba (together most of a second) load in a thread,
which then segments the text a chunk at a time, the part at the cursor first (see
:mod:`tui.core.words.progressive`); each step replaces the article's document, the cursor staying
on the same character. Each group of keys lives in a mixin of its own module: scripts,
learning, search, palette, preferences, library.
"""

from __future__ import annotations

import asyncio
import gc
import sys
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual import events, work
from textual.app import App, ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import Horizontal
from textual.notifications import SeverityLevel
from textual.screen import Screen
from textual.widgets import Footer
from textual.worker import WorkerFailed, get_current_worker

from tui.core.scripts.convert import (
    TARGET_NAMES,
    Region,
    Script,
)
from tui.core.model.document import Document, Token
from tui.core.glossary.inline_glosses import said_names
from tui.core.errors import ZhreadError, describe_import_error
from tui.core.plurals import plural
from tui.core.pipeline import Annotation, annotate, warm_readings
from tui.core.words.progressive import ANNOTATE_LIMIT, Step, segmented_at
from tui.core.text.sanitize import visible
from tui.core.words.segment import provisional
from tui.learning import LearnerActions
from tui.library import LibraryActions
from tui.palette import PaletteActions
from tui.preferences import LINE_LENGTHS, Preferences
from tui.screens.help import HelpScreen, binding_rows
from tui.screens.toosmall import follow_size
from tui.scripts import SCRIPT_CYCLE, ScriptActions
from tui.searching import SearchActions
from tui.widgets.article import ArticleView
from tui.widgets.entry import EntryPanel
from tui.widgets.header import TitleBar
from tui.widgets.parallel import ParallelView
from tui.widgets.searchbar import SearchBar
from tui.widgets.sidebar import Sidebar
from tui.widgets.terms import TermsPane
from tui.waiting import Waiting
from tui.workers import DaemonThreads

if TYPE_CHECKING:  # the glossary modules (pydantic, YAML) load in the worker
    from tui.core.compare.align import Alignment
    from tui.core.glossary.candidates import Candidate
    from tui.core.readings.dictionary import Dictionary
    from tui.core.glossary.model import Glossary
    from tui.screens.skim import Jump

#: Seconds a thread holds the interpreter before another that waits for it gets it.
SWITCH_INTERVAL = 0.001

#: How long after a cursor move the sidebar describes the new word: long enough for the
#: frame with the moved cursor to go out first (a move draws in a few milliseconds).
ENTRY_DELAY = 0.008


class ZhreadApp(ScriptActions, LearnerActions, SearchActions, PaletteActions, Preferences,
                LibraryActions, App[None]):
    """Reads one document."""

    CSS_PATH = Path(__file__).with_name("zhread.tcss")  # absolute, so subclasses elsewhere work
    TITLE = "zhread"
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (70, "-wide")]  # the sidebar folds away below 70
    BINDINGS = [  # in footer order: what a reader looks for first comes first
        Binding("f1,h", "help", "Help", id="help"),
        Binding("slash", "search", "Search", id="search"),
        Binding("question_mark", "search(True)", "Search back", id="search-backward",
                show=False),
        Binding("o", "skim", "Skim", id="skim"),
        Binding("s", "cycle_script", "Script", id="cycle-script"),
        Binding("p", "cycle_reading", "Pinyin", id="cycle-reading"),
        Binding("d,colon", "lookup", "Dictionary", id="lookup"),
        Binding("l", "focus_terms", "Terms", id="focus-terms"),
        Binding("v,S", "toggle_parallel", "Side by side", id="toggle-parallel"),
        Binding("i", "toggle_inline", "Glosses", id="toggle-inline"),
        Binding("a", "add_word", "Add word", id="add-word"),
        Binding("B", "library", "Library", id="library"),
        Binding("q", "quit", "Quit", id="quit"),
        Binding("y", "copy_word", "Copy word", id="copy-word", show=False),
        Binding("Y", "copy_sentence", "Copy sentence", id="copy-sentence", show=False),
        Binding("W", "toggle_known", "Known", id="toggle-known", show=False),
        Binding("U", "tint_unknown", "Tint unknown", id="tint-unknown", show=False),
        Binding("t", "cycle_tones", "Tones", id="cycle-tones", show=False),
        Binding("L", "word_list", "Word list", id="word-list", show=False),
        Binding("H", "cycle_hsk_tint", "HSK tint", id="cycle-hsk-tint", show=False),
        Binding("I", "stats", "Stats", id="stats", show=False),
    ]

    def __init__(
        self,
        text: str,
        source: str,
        glossary: Glossary | None = None,
        glossary_files: Sequence[str] = (),
        offset: int = 0,
    ) -> None:
        """``glossary`` given: use it; otherwise the layers are read (with ``glossary_files``
        on top) in the worker, and a broken named file ends the app with :attr:`fatal`.
        ``offset``: the character the cursor starts on (the remembered reading position)."""
        super().__init__()
        self.start_offset = offset
        self.glossary = glossary
        self._reread_glossary = glossary is None  # the worker reads the layers when set
        self.glossary_files = list(glossary_files)  # re-read after the user adds a term
        self.script: Script | None = None
        self.region = Region.UNKNOWN
        self.target: str | None = None  # the script shown in the article; None: as written
        self.alignment: Alignment | None = None
        self.dictionary: Dictionary | None = None  # CC-CEDICT, opened beside the segmenter
        self._dictionary_status = ""  # how far the index is built, on a first run
        self.dictionary_settled = False  # opened, or failed to: nothing more to wait for
        self._waiting = Waiting()  # keys pressed before what they act on was known
        self._copied_sentence: tuple[int, int] | None = None  # a second Y copies the paragraph
        self.document: Document = provisional(text, source)
        self.segmented = False
        self._progress = "segmenting…"  # the status while the worker runs: how far it is
        self._focus = 0  # where the reader is: the worker segments from here first
        self._entry_due = False  # a sidebar entry is scheduled for after the next frame
        self.fatal: str | None = None  # set when the app had to stop on bad input
        self.title = visible(self.document.title)[:200]

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

    def exit(self, result: None = None, return_code: int = 0,
             message: Any = None) -> None:
        """Stop every worker first: one still segmenting would compete with the UI
        thread for the interpreter all the way out."""
        self.workers.cancel_all()
        super().exit(result, return_code, message)

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with Horizontal(id="panes"):
            yield ArticleView(self.document, id="article")
            yield ParallelView(id="parallel")
            with Sidebar(id="sidebar"):
                yield EntryPanel(id="entry")
                yield TermsPane(id="terms")
        yield SearchBar(id="search")
        yield Footer()

    def on_load(self) -> None:
        """Workers run in daemon threads, so that quitting never waits for one to finish
        what it is doing (see :mod:`tui.workers`)."""
        asyncio.get_running_loop().set_default_executor(DaemonThreads())

    def on_mount(self) -> None:
        article = self.query_one("#article", ArticleView)
        article.focus()
        article.on_move = self._cursor_moved
        self.watch(article, "scroll_y", self._scroll_parallel, init=False)
        self._update_status("segmenting…")
        # after the first frame: the worker's imports would otherwise hold the GIL against it
        self.call_after_refresh(self._start_segmenting)
        self.call_after_refresh(self._open_dictionary)

    def open_document(self, text: str, source: str, offset: int = 0) -> None:
        """Read another document in this window, the cursor at ``offset``. The reader's
        settings (script, reading line, tones, glosses, tints) carry over; everything worked
        out from the old text is dropped and worked out again for the new one."""
        self.document = provisional(text, source)
        self.script, self.region, self.alignment = None, Region.UNKNOWN, None
        self._copied_sentence = None
        if self._waiting.clear():
            self.notify("Keys still waiting for the last text's words were dropped: "
                        "another text was opened.", timeout=4)
        self.title = visible(self.document.title)[:200]
        self.query_one("#article", ArticleView).open(self.document, offset)
        self.query_one(TermsPane).show([], [], [])
        self._start_segmenting()

    def _start_segmenting(self) -> None:
        self.segmented = False
        self._progress = "segmenting…"
        self._update_status()
        self.query_one("#article", ArticleView).set_wrap_ahead(False)
        self._annotate()

    @work(thread=True, exclusive=True, group="segment")
    def _annotate(self) -> None:
        """Load the glossary, converters, jieba and pypinyin off the UI thread, then segment
        and annotate the text chunk by chunk, the part at the cursor first, handing each
        step to the UI thread (at most four a second) so the article improves as it is read."""
        worker = get_current_worker()

        def publish(annotation: Annotation, step: Step | None) -> None:
            if not worker.is_cancelled:
                self.from_worker(self._progressed, annotation, step)

        try:
            annotation = annotate(
                self.document, self._glossary_for_worker(), publish,
                lambda: self._focus, lambda: worker.is_cancelled,
            )
        except ZhreadError as error:
            self.call_from_thread(self._stop, str(error))
            return
        if annotation is not None and not worker.is_cancelled:
            self.from_worker(self._annotated, annotation)
            warm_readings(annotation.document.text)

    def _progressed(self, annotation: Annotation, step: Step | None) -> None:
        """A step of the worker: the glossary and script first (``step`` None), then the
        text as far as it is segmented, with the terms found so far."""
        if annotation.document.text is not self.document.text:
            return  # another document was opened meanwhile
        if self.glossary is not annotation.glossary or self.script is None:
            self.glossary, self.script, self.region = (
                annotation.glossary, annotation.script, annotation.region)
            self._share_term_info()
        if step is not None:
            self.document = annotation.document
            self.query_one("#article", ArticleView).set_document(annotation.document)
            self.query_one(TermsPane).show(annotation.uses)
            self._progress = f"segmenting… {step.percent}%"
        self._update_status()
        self._waiting.run_ready()

    def _glossary_for_worker(self) -> tuple[Glossary, str | None]:
        if not self._reread_glossary and self.glossary is not None:
            return self.glossary, None
        from tui.core.glossary.layers import load_for_reader

        return load_for_reader(self.glossary_files)

    def _stop(self, message: str) -> None:
        self.fatal = message
        self.exit(return_code=2)

    def _handle_exception(self, error: Exception) -> None:
        """A library that fails to import where a worker first needs it (pinyin, HSK tables)
        is a broken install, said in one line with exit code 2 like any bad input."""
        cause = error.error if isinstance(error, WorkerFailed) else error
        if isinstance(cause, ImportError):
            self._stop(describe_import_error(cause))
        elif isinstance(cause, ZhreadError):
            self._stop(str(cause))
        else:
            super()._handle_exception(error)

    def _annotated(self, annotation: Annotation) -> None:
        if annotation.document.text is not self.document.text:
            return  # another document was opened meanwhile
        self._progress = "segmenting…"
        self.document, self.glossary = annotation.document, annotation.glossary
        self.script, self.region = annotation.script, annotation.region
        self.segmented = True
        self._share_term_info()
        article = self.query_one("#article", ArticleView)
        article.set_document(annotation.document)
        article.set_wrap_ahead(True)
        self._redraw_settings()
        self.query_one(TermsPane).show(annotation.uses, annotation.candidates)
        self._update_status()
        if annotation.warning:
            self.notify(annotation.warning, title="Your glossary", severity="warning", timeout=10)
        if annotation.cache_note:
            self.notify(annotation.cache_note, title="Cache", severity="warning", timeout=10)
        if annotation.limited:
            self.notify(
                f"Words are found in the first {ANNOTATE_LIMIT:,} characters; past them the "
                "text is shown one character at a time, without glossary terms.",
                title="A very long text", severity="warning", timeout=10)
        self._waiting.run_ready()

    def _redraw_settings(self) -> None:
        """Work out again, for the newly segmented text, what the reader's settings draw."""
        if self.target is not None:
            self.show_script(self.target)
        if self.query_one(ParallelView).display:
            self._align()
        if self.reading_mode is not None:
            self._compute_readings(self.document, self.reading_mode)
        if self.tint_unknown and self.words is not None:
            self._show_known()
        if self.hsk_tint is not None:
            self.show_hsk_tint()
        self.redraw_tones()

    @work(thread=True, exclusive=True, group="dictionary")
    def _open_dictionary(self) -> None:
        """Open CC-CEDICT beside the segmenter. The first run builds its index (seconds) in
        a process of its own, so that every key still answers; how far it has got is in
        the header, and quitting ends it."""
        from tui.core.readings.dictindex import BuildCancelled
        from tui.core.readings.dictionary import Dictionary

        worker = get_current_worker()

        def progress(done: int, total: int) -> None:
            percent = 100 * done // max(total, 1)
            self.from_worker(self._dictionary_building, f"building the dictionary index… "
                             f"{percent}%")

        try:
            dictionary = Dictionary.open(progress, apart=True,
                                         cancelled=lambda: worker.is_cancelled)
        except BuildCancelled:
            return
        except ZhreadError as error:
            self.from_worker(self._dictionary_failed, str(error))
            return
        self.from_worker(self._dictionary_opened, dictionary)

    def _dictionary_building(self, status: str) -> None:
        self._dictionary_status = status
        self._update_status()

    def _dictionary_failed(self, message: str) -> None:
        self._dictionary_status, self.dictionary_settled = "", True
        self._update_status()
        self.notify(message, title="Dictionary", severity="error")
        self._waiting.run_ready()

    def _dictionary_opened(self, dictionary: Dictionary) -> None:
        self.dictionary = dictionary
        self._dictionary_status, self.dictionary_settled = "", True
        self._update_status()
        if dictionary.note:
            self.notify(dictionary.note, title="Dictionary", severity="warning", timeout=10)
        article = self.query_one("#article", ArticleView)
        self.query_one(EntryPanel).show(article.token, self.document, self.glossary, dictionary)
        if self.is_screen_installed("lookup") and self.get_screen("lookup").is_current:
            self.get_screen("lookup").dictionary_opened()  # type: ignore[attr-defined]
        self._waiting.run_ready()

    # -- keys pressed before what they act on is known -------------------------------------

    def segmented_at(self, offset: int) -> bool:
        """Whether the words around character ``offset`` are found."""
        return segmented_at(self.document, offset)

    def when_ready(self, ready: Callable[[], bool], run: Callable[[], None],
                   notice: str) -> None:
        """Run ``run`` now if ``ready()``; else say ``notice`` and run it as soon as it is
        (see :mod:`tui.waiting`)."""
        if ready():
            run()
            return
        self._waiting.add(ready, run)
        self.notify(notice, timeout=3)

    def when_word_ready(self, token: Token, run: Callable[[Token], None], doing: str,
                        dictionary: bool = False) -> None:
        """Run ``run`` on the word at ``token`` (a provisional one, perhaps) once its
        boundaries are found, and the dictionary open or given up on when ``dictionary``;
        ``doing`` says what for the notice ("Saving", "Copying")."""
        at = token.start

        def ready() -> bool:
            return self.segmented_at(at) and (self.dictionary_settled or not dictionary)

        def run_on_word() -> None:
            run(self.document.tokens[self.document.token_index_at(at)])

        shown = visible(token.text)
        notice = (f"{doing} {shown} once the dictionary is open…" if self.segmented_at(at)
                  else f"{doing} the word at {shown} once the text there is segmented…")
        self.when_ready(ready, run_on_word, notice)

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
        if not self._shutting_down:
            callback(*args)

    @property
    def _shutting_down(self) -> bool:
        return self._exit or not self.screen_stack or not self.screen.is_attached

    def _share_term_info(self) -> None:
        self.query_one(EntryPanel).script = self.script
        entries = self.glossary.entries.values() if self.glossary else ()
        english = {e.id: e.en for e in entries}
        # per term, not per use: the English and every form, not one form's reading
        tips = {e.id: " · ".join((e.en, " ".join(e.other_forms(())))) for e in entries}
        said = {e.id: said_names(e.en, (a.text for a in e.aliases)) for e in entries}
        self.query_one("#article", ArticleView).set_term_info(english, tips, said)

    def _update_status(self, extra: str = "") -> None:
        written = "…" if self.script is None else str(self.script)
        if self.region is not Region.UNKNOWN:
            written += f", {self.region} phrasing"
        shown = f"shown as {TARGET_NAMES[self.target]}" if self.target else ""
        if not extra and not self.segmented:
            extra = self._progress
        counts = ""
        if not extra and not self._dictionary_status:  # per chunk: only new chunks cost
            words, terms = self.document.word_count(), self.document.terms()
            counts = (f"{plural(words, 'word')} · {plural(len({t.term for t in terms}), 'term')} "
                      f"({plural(len(terms), 'use')})")
        share = self.known_share()
        known = f"{share:.0%} known" if share is not None else ""
        # what the reader is busy with comes first: the title bar cuts the end of a long one
        busy = " · ".join(p for p in (extra, self._dictionary_status) if p)
        parts = (busy, written, shown, known) if busy else (written, shown, counts, known)
        status = " · ".join(p for p in parts if p)
        bar = self.query_one(TitleBar)
        if status != self.sub_title or bar.keep_status != bool(busy):
            # set quietly and repaint the title bar alone: setting ``sub_title`` the usual
            # way repaints the whole screen, on every step of the segmenter and many keys
            self.set_reactive(App.sub_title, status)
            bar.keep_status = bool(busy)
            bar.refresh()

    # -- messages from the panes ---------------------------------------------------------

    def on_resize(self, event: events.Resize) -> None:
        """Below 20x6 no layout is readable: a message covers the app until it grows."""
        follow_size(self, event.size)

    def on_article_view_cursor_moved(self, message: ArticleView.CursorMoved) -> None:
        if message.view.on_move is None:  # a move before on_mount set the listener
            self._cursor_moved(message.view, message.token)

    def _cursor_moved(self, view: ArticleView, token: Token | None) -> None:
        """Called by the article as the cursor moves. The side-by-side view follows in the
        same frame; the sidebar entry just after it (see :meth:`_show_entry`)."""
        if token is not None:
            self._focus = token.start  # read by the worker: segment here next
        if self._shutting_down:
            return  # a move queued as the app closes: the panes may already be gone
        if not self._entry_due:
            self._entry_due = True
            self.set_timer(ENTRY_DELAY, self._show_entry)
        parallel = self.query_one(ParallelView)
        if token is not None and parallel.display:
            parallel.follow(token.start)
        if token is None or not self._copied_sentence or not (
            self._copied_sentence[0] <= token.start < self._copied_sentence[1]
        ):
            self._copied_sentence = None

    @property
    def entry_pending(self) -> bool:
        """Whether the sidebar is about to describe the word the cursor moved to."""
        return self._entry_due

    def _show_entry(self) -> None:
        """Describe the word under the cursor a frame after the cursor moved there.
        Building and drawing an entry costs several times the move itself, so the cursor
        is drawn first; keys held down move it at full speed, and the entry catches up with
        the word they rest on, once per frame however many moves came in between."""
        self._entry_due = False
        if self._shutting_down:
            return
        view = self.query_one("#article", ArticleView)
        self.query_one(EntryPanel).show(view.token, view.document, self.glossary, self.dictionary)

    def on_parallel_view_word_clicked(self, message: ParallelView.WordClicked) -> None:
        article = self.query_one("#article", ArticleView)
        index = self.document.token_index_at(message.offset)
        article.move_to(index)

    def on_terms_pane_regional_chosen(self, message: TermsPane.RegionalChosen) -> None:
        view = self.query_one("#article", ArticleView)
        view.set_matches(message.word.occurrences)
        view.move_to(self.document.token_index_at(message.word.occurrences[0][0]))
        self.on_terms_pane_leave()

    def on_terms_pane_term_chosen(self, message: TermsPane.TermChosen) -> None:
        view = self.query_one("#article", ArticleView)
        view.set_matches(message.use.occurrences)
        view.move_to(self.document.token_index_at(message.use.occurrences[0][0]))
        self.on_terms_pane_leave()
        use = message.use
        self.notify(f"{plural(use.count, 'use')} of {visible(use.headword)}: n / N "
                    "go through them", timeout=3)

    def on_terms_pane_candidate_chosen(self, message: TermsPane.CandidateChosen) -> None:
        view = self.query_one("#article", ArticleView)
        view.move_to(self.document.token_index_at(message.candidate.start))
        if message.add:
            self._add_candidate(message.candidate)
        else:
            self.on_terms_pane_leave()

    def on_terms_pane_leave(self) -> None:
        self.screen.remove_class("-terms-open")
        self.query_one("#article", ArticleView).focus()

    def _add_candidate(self, candidate: Candidate) -> None:
        """Save the candidate to the user's glossary; the worker re-reads the layers (off the
        UI thread) and re-annotates."""
        from tui.core.glossary.candidates import entry_for
        from tui.store.userglossary import add_entry

        try:
            taken = self.glossary.entries.keys() if self.glossary else ()
            path = add_entry(entry_for(candidate, self.document.source, taken=taken))
        except ZhreadError as error:
            self.notify(str(error), title="Not added", severity="error", timeout=8)
            return
        self.notify(f"{visible(candidate.term)} added to {path}", title="Glossary")
        self._reread_glossary = True
        self._start_segmenting()

    # -- actions -------------------------------------------------------------------------

    def action_toggle_inline(self) -> None:
        view = self.query_one("#article", ArticleView)
        view.set_inline(not view.inline)
        self.settings_changed()

    def action_focus_terms(self) -> None:
        """Toggle the keyboard between article and terms; a narrow screen shows one at a time."""
        terms = self.query_one(TermsPane)
        if terms.has_focus:
            self.on_terms_pane_leave()
        else:
            self.screen.add_class("-terms-open")
            token = self.query_one("#article", ArticleView).token
            terms.enter(token.start if token else None)

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

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """The command palette: Textual's own commands, then every script and pane by name."""
        yield from super().get_system_commands(screen)
        for target in SCRIPT_CYCLE:
            name = TARGET_NAMES[target] if target else "as written"
            yield SystemCommand(f"Script: {name}", f"Show the article {'in ' if target else ''}"
                                f"{name} ({self.keys_for('cycle-script')} cycles)", lambda t=target: self.show_script(t))
        yield SystemCommand("Side by side", "The other script and region next to the article "
                            f"({self.keys_for('toggle-parallel')})", self.action_toggle_parallel)
        yield SystemCommand("Inline glosses", "English after each term's first use "
                            f"({self.keys_for('toggle-inline')})",
                            self.action_toggle_inline)
        yield SystemCommand("Terms pane", "The document's glossary terms, candidates and "
                            f"regional words ({self.keys_for('focus-terms')})", self.action_focus_terms)
        for standard in ("2025", "2021", "2.0"):
            yield SystemCommand(f"HSK standard: {standard}", "Levels in the sidebar and the "
                                "stats by this syllabus", lambda s=standard: self.set_hsk(s))
        for cells in LINE_LENGTHS:
            yield SystemCommand(
                f"Line length: {cells // 2} characters" if cells else "Line length: no limit",
                f"Article lines up to {cells} cells, centred" if cells else
                "Article lines as wide as the pane", lambda c=cells: self.set_max_line_width(c))
        yield SystemCommand("Dictionary", "Look up hanzi, pinyin or English "
                            f"({self.keys_for('lookup')})", self.action_lookup)
        yield SystemCommand("Word list", "Your saved words: edit, remove "
                            f"({self.keys_for('word-list')})", self.action_word_list)
        yield SystemCommand("Stats", "Length, HSK grade and level curve "
                            f"({self.keys_for('stats')})", self.action_stats)
        yield SystemCommand("Skim", "People, quotes and speakers, keywords, outline "
                            f"({self.keys_for('skim')})", self.action_skim)
        yield SystemCommand("Keys", f"Every key as bound ({self.keys_for('help')})",
                            self.action_help)
        yield from self.zhread_commands()
        yield from self.library_commands()

    def action_skim(self) -> None:
        """The skim report; it waits for segmentation itself, so the key always answers."""
        from tui.screens.skim import SkimScreen

        self.push_screen(SkimScreen(
            lambda: (self.document, self.glossary) if self.segmented else None
        ), self._skim_jump)

    def _skim_jump(self, jump: Jump | None) -> None:
        """Go where the skim screen's Enter pointed; several mentions become n / N stops."""
        if jump is None:
            return
        view = self.query_one("#article", ArticleView)
        if len(jump.occurrences) > 1:
            view.set_matches(jump.occurrences)
            mentions = plural(len(jump.occurrences), "mention")
            self.notify(f"{mentions} of {visible(jump.label)}: n / N go through them", timeout=3)
        view.move_to(self.document.token_index_at(jump.offset))

    def action_help(self) -> None:
        bindings = [  # only zhread's own bindings: those are the ones with ids
            (self.get_key_display(active.binding), active.binding)
            for active in self.screen.active_bindings.values()
            if active.binding.id
        ]
        self.push_screen(HelpScreen(binding_rows(bindings)))
