"""The reader: the screen that shows one document with its title bar, article, side-by-side
view, sidebar (entry and terms), search line and footer, and holds what is being read.

The first frame shows the article with provisional one-character words and nothing else
loaded. The glossary, the converters and jieba (together most of a second) load in a thread,
which then segments the text a chunk at a time, the part at the cursor first (see
:mod:`tui.core.pipeline` and :mod:`tui.core.words.progressive`); each step replaces the
document, the cursor staying on the same character.

The screen is the one place that holds the document and the reading state worked out from
it: the glossary for this document, the text's script and region, the script shown, the
reading line, the tints and the side-by-side alignment. The panes are told when the
document changes (:meth:`ReaderScreen._show_document`, :meth:`ReaderScreen.open_document`).
Each group of keys is a small controller the screen owns and its actions hand over to:
:mod:`~tui.reader.scripts`, :mod:`~tui.reader.learning`, :mod:`~tui.reader.states`,
:mod:`~tui.reader.searching`, :mod:`~tui.reader.library` and, for the command palette,
:mod:`~tui.reader.commands`. What
is global to the run (the dictionary, the word list, preferences, themes) is the app's.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, cast

from textual import work
from textual.app import App, ComposeResult
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import Footer
from textual.worker import get_current_worker

from tui.core.errors import ZhreadError
from tui.core.glossary.inline_glosses import said_names
from tui.core.model.document import Document, Token
from tui.core.pipeline import Annotation, annotate, warm_readings
from tui.core.plurals import plural
from tui.core.scripts.convert import TARGET_NAMES, Region, Script
from tui.core.text.sanitize import visible
from tui.core.words.progressive import ANNOTATE_LIMIT, Step, segmented_at
from tui.core.words.segment import provisional
from tui.keys import textual_bindings
from tui.reader.commands import Commands
from tui.reader.english import EnglishLine
from tui.reader.learning import Learning
from tui.reader.library import LibraryControl
from tui.reader.scripts import Scripts
from tui.reader.searching import Searching
from tui.reader.states import StateControl
from tui.store.settings import Reading, ScriptChoice, Settings, Tones
from tui.waiting import Waiting
from tui.widgets.article import ArticleView
from tui.widgets.entry import EntryPanel
from tui.widgets.header import TitleBar
from tui.widgets.parallel import ParallelView
from tui.widgets.searchbar import SearchBar
from tui.widgets.sidebar import Sidebar
from tui.widgets.terms import TermsPane

if TYPE_CHECKING:  # the glossary modules (pydantic, YAML) load in the worker
    from tui.app import ZhreadApp
    from tui.core.compare.align import Alignment
    from tui.core.glossary.candidates import Candidate
    from tui.core.glossary.entries import Glossary
    from tui.screens.skim import Jump

#: How long after a cursor move the sidebar describes the new word: long enough for the
#: frame with the moved cursor to go out first (a move draws in a few milliseconds).
ENTRY_DELAY = 0.008


class ReaderScreen(Screen[None]):
    """Reads one document (another can be opened in its place)."""

    BINDINGS = textual_bindings("reader")

    def __init__(
        self,
        text: str,
        source: str,
        glossary: Glossary | None = None,
        glossary_files: Sequence[str] = (),
        offset: int = 0,
    ) -> None:
        """``glossary`` given: use it; otherwise the layers are read (with ``glossary_files``
        on top) in the worker, and a broken named file ends the app. ``offset``: the
        character the cursor starts on (the remembered reading position)."""
        super().__init__()
        self.start_offset = offset
        self.glossary = glossary
        self._reread_glossary = glossary is None  # the worker reads the layers when set
        self.glossary_files = list(glossary_files)  # re-read after the user adds a term
        self.document: Document = provisional(text, source)
        self.script: Script | None = None  # the text's own, once the worker has found it
        self.text_region = Region.UNKNOWN  # the region its phrasing is from, if known
        self.target: ScriptChoice | None = None  # the script shown; None: as written
        self.alignment: Alignment | None = None
        self.reading_mode: Reading | None = None  # the line over the text, if any
        self.hsk_tint: int | None = None
        self.segmented = False
        self._progress = "segmenting…"  # the status while the worker runs: how far it is
        self._reading_at = 0  # where the reader is: the worker segments from here first
        self._entry_due = False  # a sidebar entry is scheduled for after the next frame
        self._waiting = Waiting()  # keys pressed before what they act on was known
        self.scripts = Scripts(self)
        self.learning = Learning(self)
        self.states = StateControl(self)
        self.searching = Searching(self)
        self.library = LibraryControl(self)
        self.commands = Commands(self)
        self.english = EnglishLine(self)

    @property
    def zhread(self) -> ZhreadApp:
        """The app, as zhread's: its dictionary, word list and preferences."""
        return cast("ZhreadApp", self.app)

    @property
    def article(self) -> ArticleView:
        return self.query_one("#article", ArticleView)

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

    def on_mount(self) -> None:
        """Runs after the app's own mount (themes, config): the settings are known."""
        article = self.article
        article.focus()
        article.on_move = self._cursor_moved
        self.watch(article, "scroll_y", self.scripts.scroll_parallel, init=False)
        self.update_status("segmenting…")
        # after the first frame: the worker's imports would otherwise hold the GIL against it
        self.call_after_refresh(self._start_segmenting)
        self.call_after_refresh(self.zhread.open_dictionary)
        self.apply_settings(self.zhread.prefs.start)
        self.zhread.prefs.ready(self.settings_values)
        self.library.mounted()
        self.states.mounted()

    # -- the document ----------------------------------------------------------------------

    def reads(self, document: Document) -> bool:
        """Whether ``document`` is (a step of segmenting) the text being read: a worker's
        result for another text, opened since, is dropped."""
        return document.text is self.document.text

    def _show_document(self, document: Document) -> None:
        """The one place a step of segmenting replaces the document: the article follows,
        its cursor on the same character."""
        self.document = document
        self.article.set_document(document)
        self.english.document_changed()

    def open_document(self, text: str, source: str, offset: int = 0) -> None:
        """Read another document in this window, the cursor at ``offset``. The reader's
        settings (script, reading line, tones, glosses, tints) carry over; everything worked
        out from the old text is dropped and worked out again for the new one."""
        self.document = provisional(text, source)
        self.script, self.text_region, self.alignment = None, Region.UNKNOWN, None
        self.scripts.forget()
        if self._waiting.clear():
            self.app.notify(
                "Keys still waiting for the last text's words were dropped: "
                "another text was opened.",
                timeout=4,
            )
        self.app.title = visible(self.document.title)[:200]
        self.article.open(self.document, offset)
        self.scripts.draw_target()
        self.query_one(TermsPane).show([], [], [])
        self._start_segmenting()

    def _start_segmenting(self) -> None:
        self.segmented = False
        self._progress = "segmenting…"
        self.update_status()
        self.article.set_wrap_ahead(False)
        self._annotate()

    @work(thread=True, exclusive=True, group="segment")
    def _annotate(self) -> None:
        """Load the glossary, converters, jieba and pypinyin off the UI thread, then segment
        and annotate the text chunk by chunk, the part at the cursor first, handing each
        step to the UI thread (at most four a second) so the article improves as it is read."""
        worker = get_current_worker()
        app = self.zhread

        def publish(annotation: Annotation, step: Step | None) -> None:
            if not worker.is_cancelled:
                app.from_worker(self._progressed, annotation, step)

        try:
            annotation = annotate(
                self.document,
                self._glossary_for_worker(),
                publish,
                lambda: self._reading_at,
                lambda: worker.is_cancelled,
            )
        except ZhreadError as error:
            app.call_from_thread(app.stop, str(error))
            return
        if annotation is not None and not worker.is_cancelled:
            app.from_worker(self._annotated, annotation)
            warm_readings(annotation.document.text)

    def _glossary_for_worker(self) -> tuple[Glossary, str | None]:
        if not self._reread_glossary and self.glossary is not None:
            return self.glossary, None
        from tui.core.glossary.layers import load_for_reader

        return load_for_reader(self.glossary_files)

    def _take_glossary(self, annotation: Annotation) -> None:
        """The glossary and the text's script and region, as the worker found them."""
        first = self.script is None
        self.glossary, self.script = annotation.glossary, annotation.script
        self.text_region = annotation.region
        self._share_term_info()
        if first:
            self.scripts.draw_target()

    def _progressed(self, annotation: Annotation, step: Step | None) -> None:
        """A step of the worker: the glossary and script first (``step`` None), then the
        text as far as it is segmented, with the terms found so far."""
        if not self.reads(annotation.document):
            return  # another document was opened meanwhile
        if self.glossary is not annotation.glossary or self.script is None:
            self._take_glossary(annotation)
        if step is not None:
            self._show_document(annotation.document)
            self.query_one(TermsPane).show(annotation.uses)
            self._progress = f"segmenting… {step.percent}%"
        self.update_status()
        self._waiting.run_ready()

    def _annotated(self, annotation: Annotation) -> None:
        if not self.reads(annotation.document):
            return  # another document was opened meanwhile
        self._progress = "segmenting…"
        self.segmented = True
        self._take_glossary(annotation)
        self._show_document(annotation.document)
        self.article.set_wrap_ahead(True)
        self._redraw_settings()
        self.query_one(TermsPane).show(annotation.uses, annotation.candidates)
        self.update_status()
        self._say_annotated(annotation)
        self._waiting.run_ready()

    def _say_annotated(self, annotation: Annotation) -> None:
        notify = self.app.notify
        if annotation.warning:
            notify(annotation.warning, title="Your glossary", severity="warning", timeout=10)
        if annotation.cache_note:
            notify(annotation.cache_note, title="Cache", severity="warning", timeout=10)
        if annotation.limited:
            notify(
                f"Words are found in the first {ANNOTATE_LIMIT:,} characters; past them the "
                "text is shown one character at a time, without glossary terms.",
                title="A very long text",
                severity="warning",
                timeout=10,
            )

    def _redraw_settings(self) -> None:
        """Work out again, for the newly segmented text, what the reader's settings draw."""
        if self.target is not None:
            self.scripts.show_script(self.target)
        if self.query_one(ParallelView).display:
            self.scripts.align()
        if self.reading_mode is not None:
            self.learning.compute_readings()
        self.states.redraw()
        if self.hsk_tint is not None:
            self.learning.show_hsk_tint()
        self.learning.redraw_tones()

    def _share_term_info(self) -> None:
        self.query_one(EntryPanel).script = self.script
        entries = self.glossary.entries.values() if self.glossary else ()
        english = {e.id: e.en for e in entries}
        # per term, not per use: the English and every form, not one form's reading
        tips = {e.id: " · ".join((e.en, " ".join(e.other_forms(())))) for e in entries}
        said = {e.id: said_names(e.en, (a.text for a in e.aliases)) for e in entries}
        self.article.set_term_info(english, tips, said)

    def run_waiting(self) -> None:
        """Something keys wait for may have come (the app's dictionary): run those ready."""
        self._waiting.run_ready()
        self.english.dictionary_settled()

    # -- the title bar -------------------------------------------------------------------

    def update_status(self, extra: str = "") -> None:
        """The title bar's status: what is still being worked out, the script, the counts."""
        app = self.zhread
        written = "…" if self.script is None else str(self.script)
        if self.text_region is not Region.UNKNOWN:
            written += f", {self.text_region} phrasing"
        shown = f"shown as {TARGET_NAMES[self.target]}" if self.target else ""
        if not extra and not self.segmented:
            extra = self._progress
        counts = ""
        if not extra and not app.dictionary_status:  # per chunk: only new chunks cost
            words, terms = self.document.word_count(), self.document.terms()
            counts = (
                f"{plural(words, 'word')} · {plural(len({t.term for t in terms}), 'term')} "
                f"({plural(len(terms), 'use')})"
            )
        # what the reader is busy with comes first: the title bar cuts the end of a long one
        busy = " · ".join(p for p in (extra, app.dictionary_status) if p)
        parts = (busy, written, shown) if busy else (written, shown, counts)
        status = " · ".join(p for p in parts if p)
        bar, progress = self.query_one(TitleBar), self.states.progress()
        if status != app.sub_title or bar.keep_status != bool(busy) or bar.progress != progress:
            # set quietly and repaint the title bar alone: setting ``sub_title`` the usual
            # way repaints the whole screen, on every step of the segmenter and many keys
            app.set_reactive(App.sub_title, status)
            bar.keep_status, bar.progress = bool(busy), progress
            bar.refresh()

    # -- keys pressed before what they act on is known -------------------------------------

    def segmented_at(self, offset: int) -> bool:
        """Whether the words around character ``offset`` are found."""
        return segmented_at(self.document, offset)

    def when_ready(self, ready: Callable[[], bool], run: Callable[[], None], notice: str) -> None:
        """Run ``run`` now if ``ready()``; else say ``notice`` and run it as soon as it is
        (see :mod:`tui.waiting`)."""
        if ready():
            run()
            return
        self._waiting.add(ready, run)
        self.app.notify(notice, timeout=3)

    def when_word_ready(
        self, token: Token, run: Callable[[Token], None], doing: str, dictionary: bool = False
    ) -> None:
        """Run ``run`` on the word at ``token`` (a provisional one, perhaps) once its
        boundaries are found, and the dictionary open or given up on when ``dictionary``;
        ``doing`` says what for the notice ("Saving", "Copying")."""
        at = token.start

        def ready() -> bool:
            return self.segmented_at(at) and (self.zhread.dictionary_settled or not dictionary)

        def run_on_word() -> None:
            run(self.document.tokens[self.document.token_index_at(at)])

        shown = visible(token.text)
        notice = (
            f"{doing} {shown} once the dictionary is open…"
            if self.segmented_at(at)
            else f"{doing} the word at {shown} once the text there is segmented…"
        )
        self.when_ready(ready, run_on_word, notice)

    # -- the cursor and the sidebar --------------------------------------------------------

    @property
    def closing(self) -> bool:
        """Whether the app is closing (or this screen is gone): the panes may be too."""
        return self.zhread.shutting_down or not self.is_attached

    def on_article_view_cursor_moved(self, message: ArticleView.CursorMoved) -> None:
        if message.view.on_move is None:  # a move before on_mount set the listener
            self._cursor_moved(message.view, message.token)
        self.library.cursor_moved(message)

    def _cursor_moved(self, view: ArticleView, token: Token | None) -> None:
        """Called by the article as the cursor moves. The side-by-side view follows in the
        same frame; the sidebar entry just after it (see :meth:`_show_entry`)."""
        if token is not None:
            self._reading_at = token.start  # read by the worker: segment here next
        if self.closing:
            return  # a move queued as the app closes: the panes may already be gone
        self.states.cursor_moved(token)
        if not self._entry_due:
            self._entry_due = True
            self.app.set_timer(ENTRY_DELAY, self._show_entry)
        self.scripts.cursor_moved(token)

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
        if not self.closing:
            self.show_entry_now()

    def show_entry_now(self) -> None:
        """Describe the word under the cursor in the sidebar."""
        self.query_one(EntryPanel).show(
            self.article.token, self.document, self.glossary, self.zhread.dictionary
        )

    # -- messages from the panes ---------------------------------------------------------

    def on_parallel_view_word_clicked(self, message: ParallelView.WordClicked) -> None:
        self.article.move_to(self.document.token_index_at(message.offset))

    def on_article_view_sentence_requested(self, message: ArticleView.SentenceRequested) -> None:
        from tui.reader.sentences import open_sentence  # the view's modules load when used

        open_sentence(self, message.offset)

    def _go_to_matches(self, occurrences: Sequence[tuple[int, int]]) -> None:
        view = self.article
        view.set_matches(occurrences)
        view.move_to(self.document.token_index_at(occurrences[0][0]))
        self.on_terms_pane_leave()

    def on_terms_pane_regional_chosen(self, message: TermsPane.RegionalChosen) -> None:
        self._go_to_matches(message.word.occurrences)

    def on_terms_pane_term_chosen(self, message: TermsPane.TermChosen) -> None:
        use = message.use
        self._go_to_matches(use.occurrences)
        self.app.notify(
            f"{plural(use.count, 'use')} of {visible(use.headword)}: n / N go through them",
            timeout=3,
        )

    def on_terms_pane_candidate_chosen(self, message: TermsPane.CandidateChosen) -> None:
        self.article.move_to(self.document.token_index_at(message.candidate.start))
        if message.add:
            self._add_candidate(message.candidate)
        else:
            self.on_terms_pane_leave()

    def on_terms_pane_leave(self) -> None:
        self.remove_class("-terms-open")
        self.article.focus()

    def on_search_bar_closed(self) -> None:
        self.searching.closed()

    def on_search_bar_search(self, message: SearchBar.Search) -> None:
        self.searching.search(message)

    def on_sidebar_resized(self, message: Sidebar.Resized) -> None:
        self.zhread.prefs.set_sidebar_width(message.width)
        self.query_one(Sidebar).settle()
        self.settings_changed()

    def _add_candidate(self, candidate: Candidate) -> None:
        """Save the candidate to the user's glossary; the worker re-reads the layers (off the
        UI thread) and re-annotates."""
        from tui.core.glossary.candidates import english_for, entry_for
        from tui.store.userglossary import add_entry

        dictionary = self.zhread.dictionary
        english = None
        if not candidate.english and dictionary is not None:
            english = english_for(candidate.term, dictionary)
        try:
            taken = self.glossary.entries.keys() if self.glossary else ()
            entry = entry_for(candidate, self.document.source, taken=taken, english=english)
            path = add_entry(entry)
        except ZhreadError as error:
            self.app.notify(str(error), title="Not added", severity="error", timeout=8)
            return
        self.app.notify(f"{visible(candidate.term)} added to {path}", title="Glossary")
        self._reread_glossary = True
        self._start_segmenting()

    # -- settings ------------------------------------------------------------------------

    def apply_settings(self, settings: Settings) -> None:
        """Put the reader's part of ``settings`` into effect (the app has put the theme and
        the sidebar's width)."""
        article = self.article
        article.set_measure(settings.max_line_width)
        if settings.inline_glosses:
            article.set_inline(True)
        self.query_one(EntryPanel).standard = settings.hsk
        self.target = settings.script.active
        self.scripts.draw_target()
        self.reading_mode = settings.reading.active
        self.english.apply(settings.english_line)
        self.states.apply(settings)
        # the scheme now, the colours once the words' readings are known (redraw_tones)
        article.set_tones(settings.tones.active, None)

    def settings_values(self) -> dict[str, Any]:
        """The reader's part of the settings in effect, as :class:`Settings` fields."""
        article = self.article
        return {
            "script": ScriptChoice.of(self.target),
            "reading": Reading.of(self.reading_mode),
            "tones": Tones.of(article.tones),
            "inline_glosses": article.inline,
            "english_line": self.english.on,
            "hsk": self.query_one(EntryPanel).standard,
            "max_line_width": article.measure,
            "state_tints": self.states.tints,
            "mark_seen": self.states.mark_seen,
        }

    def settings_changed(self) -> None:
        """A setting changed: the app remembers it."""
        self.zhread.prefs.changed()

    def set_max_line_width(self, cells: int) -> None:
        """The palette's Line length commands: the article's measure, remembered."""
        self.article.set_measure(cells)
        self.settings_changed()
        self.app.notify(
            f"Lines up to {cells} cells ({cells // 2} Chinese characters)"
            if cells
            else "Lines as wide as the pane",
            timeout=2,
        )

    # -- actions -------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """``B`` exists only with a library."""
        if action == "library":
            return self.zhread.library is not None
        return True

    def action_help(self) -> None:
        self.zhread.action_help()

    async def action_quit(self) -> None:
        await self.zhread.action_quit()

    def action_search(self, backward: bool = False) -> None:
        self.searching.open(backward)

    def action_toggle_inline(self) -> None:
        view = self.article
        view.set_inline(not view.inline)
        self.settings_changed()

    def action_focus_terms(self) -> None:
        """Toggle the keyboard between article and terms; a narrow screen shows one at a time."""
        terms = self.query_one(TermsPane)
        if terms.has_focus:
            self.on_terms_pane_leave()
        else:
            self.add_class("-terms-open")
            token = self.article.token
            terms.enter(token.start if token else None)

    def action_skim(self) -> None:
        """The skim report; it waits for segmentation itself, so the key always answers."""
        from tui.screens.skim import SkimScreen

        self.app.push_screen(
            SkimScreen(lambda: (self.document, self.glossary) if self.segmented else None),
            self._skim_jump,
        )

    def _skim_jump(self, jump: Jump | None) -> None:
        """Go where the skim screen's Enter pointed; several mentions become n / N stops."""
        if jump is None:
            return
        view = self.article
        if len(jump.occurrences) > 1:
            view.set_matches(jump.occurrences)
            mentions = plural(len(jump.occurrences), "mention")
            self.app.notify(
                f"{mentions} of {visible(jump.label)}: n / N go through them", timeout=3
            )
        view.move_to(self.document.token_index_at(jump.offset))

    def action_cycle_script(self) -> None:
        self.scripts.cycle_script()

    def action_toggle_parallel(self) -> None:
        self.scripts.toggle_parallel()

    def action_copy_word(self) -> None:
        self.scripts.copy_word()

    def action_copy_sentence(self) -> None:
        self.scripts.copy_sentence()

    def action_toggle_english(self) -> None:
        self.english.toggle()

    def action_cycle_reading(self) -> None:
        self.learning.cycle_reading()

    def action_lookup(self) -> None:
        self.learning.lookup()

    def action_add_word(self) -> None:
        self.learning.add_word()

    def action_set_state(self, state: str) -> None:
        self.states.set_state(state)

    def action_toggle_known(self) -> None:
        self.states.toggle_known()

    def action_toggle_ignored(self) -> None:
        self.states.toggle_ignored()

    def action_tint_unknown(self) -> None:
        self.states.toggle_tints()

    def action_cycle_tones(self) -> None:
        self.learning.cycle_tones()

    def action_word_list(self) -> None:
        self.learning.word_list()

    def action_review(self) -> None:
        self.zhread.open_review()

    def action_cycle_hsk_tint(self) -> None:
        self.learning.cycle_hsk_tint()

    def action_stats(self) -> None:
        self.learning.stats()

    def action_library(self) -> None:
        self.library.toggle()
