"""The side-by-side pane: the article in the other script, with the other region's words.

It is an article view that never takes the keyboard. The reader's cursor and scroll position
are carried across through the word alignment, so the two panes stay on the same words even
where the conversion changes their length (演算法 -> 算法).
"""

from __future__ import annotations

from textual import events
from textual.message import Message

from tui.core.compare.align import Alignment, ambiguous, converted_document
from tui.core.model.document import Document
from tui.widgets.article import ArticleView


class ParallelView(ArticleView, can_focus=False):
    """Follows an :class:`ArticleView` through an :class:`Alignment`."""

    class WordClicked(Message):
        """A click on a word here means that word in the reader's pane."""

        def __init__(self, offset: int) -> None:
            super().__init__()
            self.offset = offset

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(Document("", (), ()), id=id)
        self.alignment: Alignment | None = None

    def show_alignment(self, original: Document, alignment: Alignment) -> None:
        """Show the converted side, marking vocabulary changes and uncertain characters."""
        self.alignment = alignment
        self.set_document(converted_document(original, alignment))
        self.set_marks("regional", [(p.cstart, p.cend) for p in alignment.pairs if p.regional])
        flagged = ambiguous(original.text, alignment.config)
        pairs = {alignment.pair_of(offset) for offset in flagged}
        spans = [(alignment.pairs[i].cstart, alignment.pairs[i].cend) for i in sorted(pairs)]
        self.set_marks("ambiguous", spans)

    def follow(self, offset: int) -> None:
        """Put the cursor on the word that shows original character ``offset``."""
        if self.alignment is not None and self.document.tokens:
            self.move_to(self.alignment.pair_of(offset))

    def scroll_with(self, offset: int) -> None:
        """Scroll so the line showing original character ``offset`` is at the top."""
        if self.alignment is None or not self.lines:
            return
        pair = self.alignment.pairs[self.alignment.pair_of(offset)]
        self.scroll_to(y=self.line_of(pair.cstart) * self.rows, animate=False, immediate=True)

    def _announce(self) -> None:
        """The reader's sidebar describes the reader's word, not this pane's."""

    async def on_click(self, event: events.Click) -> None:
        event.stop()
        event.prevent_default()  # not the article's own click handling: this pane only follows
        index = self._token_under(event)
        if index is not None and self.alignment is not None and index < len(self.alignment.pairs):
            self.post_message(self.WordClicked(self.alignment.pairs[index].start))
