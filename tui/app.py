"""The zhread Textual app: article, sidebar (entry and terms), header and footer.

The first frame shows the article with provisional one-character words and nothing else
loaded. The glossary, the converters and jieba (together most of a second) load in a thread;
the article is then swapped for the segmented, annotated one, the cursor staying on the same
character.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from textual import work
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Footer, Header

from tui.core.convert import Script, detect_script, other_script_config, shadow
from tui.core.document import Document
from tui.core.errors import ZhreadError
from tui.core.sanitize import visible
from tui.core.segment import provisional, segment, shared_splitter
from tui.core.userdirs import cache_dir
from tui.screens.help import HelpScreen, binding_rows
from tui.widgets.article import ArticleView
from tui.widgets.entry import EntryPanel
from tui.widgets.terms import TermsPane

if TYPE_CHECKING:  # the glossary modules (pydantic, YAML) load in the worker
    from tui.core.candidates import Candidate
    from tui.core.gloss_report import TermUse
    from tui.core.glossary import Glossary

_SCRIPT_NAMES = {"t2s": Script.SIMPLIFIED, "s2t": Script.TRADITIONAL}


@dataclass
class Annotation:
    """Everything the worker computes, handed to the UI thread in one piece."""

    document: Document
    glossary: Glossary | None
    script: Script
    uses: list[TermUse] = field(default_factory=list)
    candidates: list[Candidate] = field(default_factory=list)
    warning: str | None = None


class ZhreadApp(App[None]):
    """Reads one document."""

    CSS_PATH = Path(__file__).with_name("zhread.tcss")  # absolute, so subclasses elsewhere work
    TITLE = "zhread"
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (70, "-wide")]  # the sidebar folds away below 70
    BINDINGS = [
        Binding("q", "quit", "Quit", id="quit"),
        Binding("question_mark,f1", "help", "Help", id="help"),
        Binding("s", "toggle_script", "Script", id="toggle-script"),
        Binding("i", "toggle_inline", "Glosses", id="toggle-inline"),
        Binding("l", "focus_terms", "Terms", id="focus-terms"),
    ]

    def __init__(
        self,
        text: str,
        source: str,
        glossary: Glossary | None = None,
        glossary_files: Sequence[str] = (),
    ) -> None:
        """``glossary`` given: use it; otherwise the layers are read (with ``glossary_files``
        on top) in the worker, and a broken named file ends the app with :attr:`fatal`."""
        super().__init__()
        self.glossary = glossary
        self._glossary_given = glossary is not None
        self.glossary_files = list(glossary_files)  # re-read after the user adds a term
        self.script: Script | None = None
        self.document: Document = provisional(text, source)
        self.segmented = False
        self.fatal: str | None = None  # set when the app had to stop on bad input
        self.title = visible(self.document.title)[:200]

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="panes"):
            yield ArticleView(self.document, id="article")
            with Vertical(id="sidebar"):
                yield EntryPanel(id="entry")
                yield TermsPane(id="terms")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(ArticleView).focus()
        self._update_status("segmenting…")
        # after the first frame: the worker's imports would otherwise hold the GIL against it
        self.call_after_refresh(self._start_segmenting)

    def _start_segmenting(self) -> None:
        self.segmented = False
        self._update_status("segmenting…")
        self._annotate()

    @work(thread=True, exclusive=True, group="segment")
    def _annotate(self) -> None:
        """Load the glossary, converters, jieba and pypinyin off the UI thread, then segment
        and annotate the text."""
        try:
            annotation = annotate(self.document, self._glossary_for_worker())
        except ZhreadError as error:
            self.call_from_thread(self._stop, str(error))
            return
        self.call_from_thread(self._annotated, annotation)

    def _glossary_for_worker(self) -> tuple[Glossary, str | None]:
        if self._glossary_given and self.glossary is not None:
            return self.glossary, None
        from tui.core.layers import load_for_reader

        return load_for_reader(self.glossary_files)

    def _stop(self, message: str) -> None:
        self.fatal = message
        self.exit(return_code=2)

    def _annotated(self, annotation: Annotation) -> None:
        self.document, self.glossary = annotation.document, annotation.glossary
        self.script = annotation.script
        self.segmented = True
        self._share_term_info()
        self.query_one(ArticleView).set_document(annotation.document)
        self.query_one(TermsPane).show(annotation.uses, annotation.candidates)
        self._update_status()
        if annotation.warning:
            self.notify(annotation.warning, title="Your glossary", severity="warning", timeout=10)

    def _share_term_info(self) -> None:
        entries = self.glossary.entries.values() if self.glossary else ()
        english = {e.id: e.en for e in entries}
        tips = {e.id: " · ".join(p for p in (e.hant, e.pinyin, e.en) if p) for e in entries}
        self.query_one(ArticleView).set_term_info(english, tips)

    def _update_status(self, extra: str = "") -> None:
        view = self.query_one(ArticleView)
        shown = _SCRIPT_NAMES.get(view.script_config or "", self.script or "…")
        words = sum(1 for t in self.document.tokens if t.kind.is_word)
        terms = self.document.terms()
        distinct = len({t.term for t in terms})
        parts = [f"{shown}" + ("" if view.script_config is None else " (converted)")]
        parts.append(extra or f"{words} words · {distinct} glossary terms ({len(terms)} uses)")
        self.sub_title = " · ".join(parts)

    # -- messages from the panes ---------------------------------------------------------

    def on_article_view_cursor_moved(self, message: ArticleView.CursorMoved) -> None:
        self.query_one(EntryPanel).show(message.token, message.view.document, self.glossary)

    def on_terms_pane_term_chosen(self, message: TermsPane.TermChosen) -> None:
        view = self.query_one(ArticleView)
        view.set_matches(message.use.occurrences)
        view.move_to(self.document.token_index_at(message.use.occurrences[0][0]))
        self.on_terms_pane_leave()
        self.notify(f"{message.use.count} uses of {visible(message.use.entry.hant)}: n / N "
                    "go through them", timeout=3)

    def on_terms_pane_candidate_chosen(self, message: TermsPane.CandidateChosen) -> None:
        view = self.query_one(ArticleView)
        view.move_to(self.document.token_index_at(message.candidate.start))
        if message.add:
            self._add_candidate(message.candidate)
        else:
            self.on_terms_pane_leave()

    def on_terms_pane_leave(self) -> None:
        self.screen.remove_class("-terms-open")
        self.query_one(ArticleView).focus()

    def _add_candidate(self, candidate: Candidate) -> None:
        """Save the candidate to the user's glossary, then re-read the layers and re-annotate."""
        from tui.core.candidates import entry_for
        from tui.core.layers import load_layers
        from tui.core.userglossary import add_entry

        try:
            taken = self.glossary.entries.keys() if self.glossary else ()
            path = add_entry(entry_for(candidate, self.document.source, taken=taken))
            self.glossary = load_layers(self.glossary_files)
        except ZhreadError as error:
            self.notify(str(error), title="Not added", severity="error", timeout=8)
            return
        self.notify(f"{visible(candidate.term)} added to {path}", title="Glossary")
        self._start_segmenting()

    # -- actions -------------------------------------------------------------------------

    def action_toggle_script(self) -> None:
        if self.script is None:
            self.notify("Still reading the text; try again in a moment.", timeout=2)
            return
        view = self.query_one(ArticleView)
        view.set_script(None if view.script_config else other_script_config(self.script))
        self._update_status("" if self.segmented else "segmenting…")

    def action_toggle_inline(self) -> None:
        view = self.query_one(ArticleView)
        view.set_inline(not view.inline)

    def action_focus_terms(self) -> None:
        """Toggle the keyboard between article and terms; a narrow screen shows one at a time."""
        terms = self.query_one(TermsPane)
        if terms.has_focus:
            self.on_terms_pane_leave()
        else:
            self.screen.add_class("-terms-open")
            terms.focus()

    def action_help(self) -> None:
        bindings = [  # only zhread's own bindings: those are the ones with ids
            (self.get_key_display(active.binding), active.binding)
            for active in self.screen.active_bindings.values()
            if active.binding.id
        ]
        self.push_screen(HelpScreen(binding_rows(bindings)))


def annotate(document: Document, loaded: tuple[Glossary, str | None]) -> Annotation:
    """The worker's whole job, as a plain function of its inputs."""
    from tui.core.candidates import find_candidates
    from tui.core.gloss_report import terms_found
    from tui.core.reading import pinyin

    glossary, warning = loaded
    text = document.text
    words = frozenset(glossary.han_forms())
    splitter = shared_splitter(words, cache_dir())
    segmented = segment(text, glossary, splitter, document.source, shadow(text))
    pinyin("预热")  # loads pypinyin's tables here rather than on the first cursor move
    return Annotation(
        segmented, glossary, detect_script(text), terms_found(segmented, glossary),
        find_candidates(segmented, glossary), warning,
    )
