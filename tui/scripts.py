"""The reader's script actions: the article's script, the side-by-side pane, and copying.

A mixin of :class:`tui.app.ZhreadApp`, kept apart so that the app module holds the layout
and the annotation pipeline, and each group of keys lives with its own helpers.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import work
from textual.worker import get_current_worker

from tui.core.scripts.convert import Script, aligned, config_for
from tui.core.model.document import Document
from tui.core.text.sanitize import visible
from tui.widgets.article import ArticleView
from tui.widgets.parallel import ParallelView
from tui.widgets.terms import TermsPane

if TYPE_CHECKING:
    from tui.app import ZhreadApp
    from tui.core.compare.align import Alignment
    from tui.core.glossary.model import Glossary

    _Base = ZhreadApp
else:
    _Base = object

#: What `s` steps through: the text as written, then these targets (character configs only,
#: so every offset, and the cursor, stays put).
SCRIPT_CYCLE: tuple[str | None, ...] = (None, "hans", "tw", "hk")


class ScriptActions(_Base):
    """`s`, `v`, `y`, `Y` and the palette's script commands."""

    def action_cycle_script(self) -> None:
        """As written -> Simplified -> Taiwan -> Hong Kong, skipping what changes nothing.
        Pressed before the text's script is known (the first moment), once it is."""
        if self.script is None:
            self.when_ready(lambda: self.script is not None, self.action_cycle_script,
                            "Switching the script once the text's own is known…")
            return
        at = SCRIPT_CYCLE.index(self.target)
        for step in range(1, len(SCRIPT_CYCLE)):
            target = SCRIPT_CYCLE[(at + step) % len(SCRIPT_CYCLE)]
            if not (target == "hans" and self.script is Script.SIMPLIFIED):  # nothing to show
                self.show_script(target)
                return

    def show_script(self, target: str | None) -> None:
        """Show the article in ``target`` (``None``: as written); the cursor stays put."""
        if self.script is None:
            return
        self.target = target
        self.query_one("#article", ArticleView).set_script(self._config(target) if target else None)
        self._update_status()  # while segmenting, that shows how far it has got
        self.settings_changed()

    def _config(self, target: str, phrases: bool = False) -> str:
        assert self.script is not None
        return config_for(target, self.script, phrases, self.region)

    def action_toggle_parallel(self) -> None:
        parallel = self.query_one(ParallelView)
        parallel.display = not parallel.display
        if parallel.display:
            self._align()

    def _align(self) -> None:
        if self.script is None:
            parallel = self.query_one(ParallelView)
            self.when_ready(lambda: self.script is not None,
                            lambda: self._align() if parallel.display else None,
                            "The side-by-side view fills once the text's script is known…")
            return
        target = "tw" if self.script is Script.SIMPLIFIED else "hans"
        self._compute_alignment(self.document, self._config(target, phrases=True), self.glossary)

    @work(thread=True, exclusive=True, group="align")
    def _compute_alignment(
        self, document: Document, config: str, glossary: Glossary | None
    ) -> None:
        from tui.core.compare.align import align
        from tui.core.compare.regional import RegionalTrust

        # the glossary's regional forms (芯片 / 晶片) count as known regional words too
        alignment = align(document, config, RegionalTrust(glossary))
        if not get_current_worker().is_cancelled:  # else a newer one is on its way
            self.from_worker(self._aligned, document, alignment)

    def _aligned(self, document: Document, alignment: Alignment) -> None:
        if document.text is not self.document.text:
            return  # another text was opened (a step of the segmenter since moves no offset)
        self.alignment = alignment
        parallel = self.query_one(ParallelView)
        parallel.show_alignment(document, alignment)
        article = self.query_one("#article", ArticleView)
        article.set_marks("regional", [(p.start, p.end) for p in alignment.pairs if p.regional])
        if article.token is not None:
            parallel.follow(article.token.start)
        self.query_one(TermsPane).show(regional=alignment.regional_list(document.text),
                                       suggested=alignment.suggested_list(document.text))

    def _scroll_parallel(self) -> None:
        article = self.query_one("#article", ArticleView)
        parallel = self.query_one(ParallelView)
        top = round(article.scroll_offset.y) // article.rows
        if parallel.display and article.lines and top < len(article.lines):
            parallel.scroll_with(article.lines[top].start)

    def action_copy_word(self) -> None:
        """The word under the cursor; pressed before its part of the text is segmented,
        once it is (a provisional word is one character)."""
        token = self.query_one("#article", ArticleView).token
        if token is not None:
            self.when_word_ready(token, lambda word: self._copy(word.start, word.end, "word"),
                                 "Copying")

    def action_copy_sentence(self) -> None:
        """The sentence at the cursor; pressed again on the same sentence, its paragraph."""
        from tui.core.model.sentences import sentence_at

        token = self.query_one("#article", ArticleView).token
        if token is None:
            return
        if self._copied_sentence and self._copied_sentence[0] <= token.start < self._copied_sentence[1]:
            paragraph = next(p for p in self.document.paragraphs if p.start <= token.start <= p.end)
            self._copy(paragraph.start, paragraph.end, "paragraph")
            self._copied_sentence = None
            return
        start, end = sentence_at(self.document.text, token.start)
        self._copy(start, end, "sentence")
        self._copied_sentence = (start, end)

    def _copy(self, start: int, end: int, what: str) -> None:
        """Copy in the script shown (OSC 52 through the terminal), and say what was copied."""
        view = self.query_one("#article", ArticleView)
        text = self.document.text[start:end]
        if view.script_config:
            text = aligned(text, view.script_config)
        # the terminal gets it as UTF-8: half a surrogate pair from a bad decode cannot be
        self.copy_to_clipboard(text.encode("utf-8", "replace").decode("utf-8"))
        preview = visible(text if len(text) <= 30 else text[:29] + "…")
        self.notify(f"Copied the {what}: {preview}", timeout=3)

