"""The reader's search: ``/`` and ``?`` open the search line, ``n``/``N`` step through hits.

A mixin of :class:`tui.app.ZhreadApp`. The query is read every way it can be (as written in
either script, as the glossary term it names, as pinyin, as English) in a thread, because
reading a long text in pinyin the first time takes a moment; the index is kept per document.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import work
from textual.worker import get_current_worker

from tui.core.model.document import Document
from tui.core.plurals import plural
from tui.core.text.sanitize import visible
from tui.widgets.article import ArticleView
from tui.widgets.searchbar import SearchBar

if TYPE_CHECKING:
    from tui.app import ZhreadApp
    from tui.core.queries.search import Hits, PinyinIndex

    _Base = ZhreadApp
else:
    _Base = object


class SearchActions(_Base):
    """`/`, `?` and what the search line sends back."""

    _pinyin_index: tuple[Document, PinyinIndex] | None = None

    def action_search(self, backward: bool = False) -> None:
        self.query_one(SearchBar).open(backward)

    def on_search_bar_closed(self) -> None:
        self.query_one("#article", ArticleView).focus()

    def on_search_bar_search(self, message: SearchBar.Search) -> None:
        self.query_one("#article", ArticleView).focus()
        self._search(self.document, message.query, message.backward)

    @work(thread=True, exclusive=True, group="search")
    def _search(self, document: Document, query: str, backward: bool) -> None:
        from tui.core.queries.search import find

        hits = find(document, query, self.glossary, self.dictionary,
                    self._index_for(document) if not _has_han(query) else None)
        if not get_current_worker().is_cancelled:  # else a newer search is on its way
            self.from_worker(self._found, document, query, backward, hits)

    def _index_for(self, document: Document) -> PinyinIndex:
        """The document read in pinyin, made once per text (the worker's thread): not
        again for each step of the segmenter, which changes words, not characters."""
        from tui.core.scripts.convert import shadow
        from tui.core.queries.search import PinyinIndex

        cached = self._pinyin_index
        if cached is None or cached[0].text is not document.text:
            whole = document.shadow if document.segmented else ""
            cached = (document, PinyinIndex(whole or shadow(document.text)))
            self._pinyin_index = cached
        return cached[1]

    def _found(self, document: Document, query: str, backward: bool, hits: Hits) -> None:
        if document.text is not self.document.text:
            return  # another text was opened meanwhile (a step of the segmenter moves no hit)
        article = self.query_one("#article", ArticleView)
        ranges = hits.ranges()
        article.set_matches(ranges, backward=backward)
        shown = visible(query)
        if not ranges:
            self.notify(f"Not found: {shown}", severity="warning", timeout=3)
            return
        article.action_next_match()
        self.notify(f"{plural(len(ranges), 'match')} for {shown} ({hits.summary()}); "
                    f"n / N for the next and previous", timeout=4)


def _has_han(query: str) -> bool:
    from tui.core.model.chars import is_han

    return any(is_han(ch) for ch in query)
