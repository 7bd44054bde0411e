"""The reader's script keys: the article's script (``s``), the side-by-side view (``v``) and
copying in the script shown (``y``, ``Y``).

A controller the :class:`~tui.reader.screen.ReaderScreen` owns. It is the one writer of the
screen's ``target`` (the script shown) and ``alignment`` (the side-by-side pairs); the
text's own script and region it only reads, since the annotation sets them.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from textual.worker import get_current_worker

from tui.core.model.document import Document, Token
from tui.core.scripts.convert import Script, aligned, config_for, detect_script
from tui.core.text.sanitize import visible
from tui.store.settings import ScriptChoice
from tui.widgets.parallel import ParallelView
from tui.widgets.terms import TermsPane

if TYPE_CHECKING:
    from tui.core.compare.align import Alignment
    from tui.core.glossary.entries import Glossary
    from tui.reader.screen import ReaderScreen

#: What `s` steps through: the text as written, then these targets (character configs only,
#: so every offset, and the cursor, stays put).
SCRIPT_CYCLE: tuple[ScriptChoice | None, ...] = ScriptChoice.cycle()

#: Characters the script is guessed from for the first frame, before the worker judges it
#: on more (a few milliseconds, most of them OpenCC's start, which drawing needs anyway).
FIRST_GUESS = 2_000


class Scripts:
    """`s`, `v`, `y`, `Y` and the palette's script commands."""

    def __init__(self, reader: ReaderScreen) -> None:
        self.reader = reader
        self._copied_sentence: tuple[int, int] | None = None  # a second Y copies the paragraph

    def cycle_script(self) -> None:
        """As written -> Simplified -> Taiwan -> Hong Kong, skipping what changes nothing.
        Pressed before the text's script is known (the first moment), once it is."""
        reader = self.reader
        if reader.script is None:
            reader.when_ready(
                lambda: reader.script is not None,
                self.cycle_script,
                "Switching the script once the text's own is known…",
            )
            return
        at = SCRIPT_CYCLE.index(reader.target)
        for step in range(1, len(SCRIPT_CYCLE)):
            target = SCRIPT_CYCLE[(at + step) % len(SCRIPT_CYCLE)]
            if not (target == "hans" and reader.script is Script.SIMPLIFIED):  # nothing to show
                self.show_script(target)
                return

    def show_script(self, target: ScriptChoice | None) -> None:
        """Show the article in ``target`` (``None``: as written); the cursor stays put."""
        reader = self.reader
        if reader.script is None:
            return
        reader.target = target
        reader.article.set_script(self._config(target) if target else None)
        reader.update_status()  # while segmenting, that shows how far it has got
        reader.settings_changed()

    def draw_target(self) -> None:
        """Draw the remembered script from the first frame: the article is converted
        lazily, a screen at a time, so nothing waits for the segmenter. Until the worker
        has judged the text's own script (and its region), it is guessed from the start of
        the text; the worker's verdict then redraws the article if it differs."""
        reader = self.reader
        if reader.target is None:
            return
        script = reader.script or detect_script(reader.document.text[:FIRST_GUESS])
        config = config_for(reader.target, script, False, reader.text_region)
        if reader.article.script_config != config:
            reader.article.set_script(config)

    def _config(self, target: str, phrases: bool = False) -> str:
        assert self.reader.script is not None
        return config_for(target, self.reader.script, phrases, self.reader.text_region)

    def toggle_parallel(self) -> None:
        parallel = self.reader.query_one(ParallelView)
        parallel.display = not parallel.display
        if parallel.display:
            self.align()

    def align(self) -> None:
        """Fill the side-by-side view for the document as it is now (in a thread)."""
        reader = self.reader
        if reader.script is None:
            parallel = reader.query_one(ParallelView)
            reader.when_ready(
                lambda: reader.script is not None,
                lambda: self.align() if parallel.display else None,
                "The side-by-side view fills once the text's script is known…",
            )
            return
        target = "tw" if reader.script is Script.SIMPLIFIED else "hans"
        work = partial(
            self._compute_alignment,
            reader.document,
            self._config(target, phrases=True),
            reader.glossary,
        )
        reader.run_worker(
            work, name="_compute_alignment", group="align", exclusive=True, thread=True
        )

    def _compute_alignment(
        self, document: Document, config: str, glossary: Glossary | None
    ) -> None:
        from tui.core.compare.align import align
        from tui.core.compare.regional import RegionalTrust

        # the glossary's regional forms (芯片 / 晶片) count as known regional words too
        alignment = align(document, config, RegionalTrust(glossary))
        if not get_current_worker().is_cancelled:  # else a newer one is on its way
            self.reader.zhread.from_worker(self._aligned, document, alignment)

    def _aligned(self, document: Document, alignment: Alignment) -> None:
        reader = self.reader
        if not reader.reads(document):
            return  # another text was opened (a step of the segmenter since moves no offset)
        reader.alignment = alignment
        parallel = reader.query_one(ParallelView)
        parallel.show_alignment(document, alignment)
        article = reader.article
        article.set_marks("regional", [(p.start, p.end) for p in alignment.pairs if p.regional])
        if article.token is not None:
            parallel.follow(article.token.start)
        reader.query_one(TermsPane).show(
            regional=alignment.regional_list(document.text),
            suggested=alignment.suggested_list(document.text),
        )

    def scroll_parallel(self) -> None:
        """Keep the side-by-side view's top line with the article's as it scrolls."""
        article = self.reader.article
        parallel = self.reader.query_one(ParallelView)
        top = round(article.scroll_offset.y) // article.rows
        if parallel.display and article.lines and top < len(article.lines):
            parallel.scroll_with(article.lines[top].start)

    def cursor_moved(self, token: Token | None) -> None:
        """The side-by-side view follows in the cursor's frame; a move out of the sentence
        just copied makes the next Y copy a sentence again."""
        parallel = self.reader.query_one(ParallelView)
        if token is not None and parallel.display:
            parallel.follow(token.start)
        copied = self._copied_sentence
        if token is None or not copied or not copied[0] <= token.start < copied[1]:
            self._copied_sentence = None

    def forget(self) -> None:
        """Another text was opened: a Y there copies a sentence first."""
        self._copied_sentence = None

    def copy_word(self) -> None:
        """The word under the cursor; pressed before its part of the text is segmented,
        once it is (a provisional word is one character)."""
        token = self.reader.article.token
        if token is not None:
            self.reader.when_word_ready(
                token, lambda word: self._copy(word.start, word.end, "word"), "Copying"
            )

    def copy_sentence(self) -> None:
        """The sentence at the cursor; pressed again on the same sentence, its paragraph."""
        from tui.core.model.sentences import sentence_at

        token = self.reader.article.token
        if token is None:
            return
        document, copied = self.reader.document, self._copied_sentence
        if copied and copied[0] <= token.start < copied[1]:
            paragraph = next(p for p in document.paragraphs if p.start <= token.start <= p.end)
            self._copy(paragraph.start, paragraph.end, "paragraph")
            self._copied_sentence = None
            return
        start, end = sentence_at(document.text, token.start)
        self._copy(start, end, "sentence")
        self._copied_sentence = (start, end)

    def _copy(self, start: int, end: int, what: str) -> None:
        """Copy in the script shown (OSC 52 through the terminal), and say what was copied."""
        view = self.reader.article
        text = self.reader.document.text[start:end]
        if view.script_config:
            text = aligned(text, view.script_config)
        # the terminal gets it as UTF-8: half a surrogate pair from a bad decode cannot be
        self.reader.app.copy_to_clipboard(text.encode("utf-8", "replace").decode("utf-8"))
        preview = visible(text if len(text) <= 30 else text[:29] + "…")
        self.reader.app.notify(f"Copied the {what}: {preview}", timeout=3)
