"""The zhread Textual app: article, sidebar, header and footer, with segmentation in a worker.

The first frame shows the article with provisional one-character words and the glossary
terms already marked; jieba (half a second to load) runs in a thread and the article is
swapped for the segmented one when it is ready, the cursor staying on the same character.
"""

from __future__ import annotations

from textual import work
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import Footer, Header

from tui.core.convert import Script, detect_script, other_script_config
from tui.core.document import Document
from tui.core.glossary import Glossary
from tui.core.sanitize import visible
from tui.core.segment import segment, shared_splitter
from tui.core.userdirs import cache_dir
from tui.screens.help import HelpScreen, binding_rows
from tui.widgets.article import ArticleView
from tui.widgets.entry import EntryPanel

_SCRIPT_NAMES = {"t2s": Script.SIMPLIFIED, "s2t": Script.TRADITIONAL}


class ZhreadApp(App[None]):
    """Reads one document."""

    CSS_PATH = "zhread.tcss"
    TITLE = "zhread"
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (70, "-wide")]  # the sidebar folds away below 70
    BINDINGS = [
        Binding("q", "quit", "Quit", id="quit"),
        Binding("question_mark,f1", "help", "Help", id="help"),
        Binding("s", "toggle_script", "Script", id="toggle-script"),
    ]

    def __init__(self, text: str, source: str, glossary: Glossary | None = None) -> None:
        super().__init__()
        self.glossary = glossary
        self.script = detect_script(text)
        self.document: Document = segment(text, glossary, source=source)
        self.segmented = False
        self.title = visible(self.document.title)[:200]

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="panes"):
            yield ArticleView(self.document, id="article")
            yield EntryPanel(id="sidebar")
        yield Footer()

    def on_mount(self) -> None:
        self._update_status("segmenting…")
        self.query_one(ArticleView).focus()
        self._segment()

    @work(thread=True, exclusive=True, group="segment")
    def _segment(self) -> None:
        """Load jieba and pypinyin off the UI thread, then segment the whole text."""
        words = frozenset(self.glossary.han_forms()) if self.glossary else frozenset()
        splitter = shared_splitter(words, cache_dir())
        document = segment(
            self.document.text, self.glossary, splitter, self.document.source, self.document.shadow
        )
        from tui.core.reading import pinyin

        pinyin("预热")  # loads pypinyin's tables here rather than on the first cursor move
        self.call_from_thread(self._segmented, document)

    def _segmented(self, document: Document) -> None:
        self.document = document
        self.segmented = True
        self.query_one(ArticleView).set_document(document)
        self._update_status()

    def _update_status(self, extra: str = "") -> None:
        view = self.query_one(ArticleView)
        shown = _SCRIPT_NAMES.get(view.script_config or "", self.script)
        words = sum(1 for t in self.document.tokens if t.kind.is_word)
        terms = self.document.terms()
        distinct = len({t.term for t in terms})
        parts = [f"{shown}" + ("" if view.script_config is None else " (converted)")]
        parts.append(extra or f"{words} words · {distinct} glossary terms ({len(terms)} uses)")
        self.sub_title = " · ".join(parts)

    def on_article_view_cursor_moved(self, message: ArticleView.CursorMoved) -> None:
        panel = self.query_one(EntryPanel)
        panel.show(message.token, message.view.document, self.glossary)

    def action_toggle_script(self) -> None:
        view = self.query_one(ArticleView)
        view.set_script(None if view.script_config else other_script_config(self.script))
        self._update_status("" if self.segmented else "segmenting…")

    def action_help(self) -> None:
        bindings = [  # only zhread's own bindings: those are the ones with ids
            (self.get_key_display(active.binding), active.binding)
            for active in self.screen.active_bindings.values()
            if active.binding.id
        ]
        self.push_screen(HelpScreen(binding_rows(bindings)))
