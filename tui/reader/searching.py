"""The reader's search: ``/`` and ``?`` open the search line, ``n``/``N`` step through hits.

A controller the :class:`~tui.reader.screen.ReaderScreen` owns. The query is read every way
it can be (as written in either script, as the glossary term it names, as pinyin, as
English) in a thread, because reading a long text in pinyin the first time takes a moment;
the index is kept per document.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from textual.worker import get_current_worker

from tui.core.model.document import Document
from tui.core.plurals import plural
from tui.core.text.sanitize import visible
from tui.widgets.searchbar import SearchBar

if TYPE_CHECKING:
    from tui.core.queries.search import Hits, PinyinIndex
    from tui.reader.screen import ReaderScreen


class Searching:
    """`/`, `?` and what the search line sends back."""

    def __init__(self, reader: ReaderScreen) -> None:
        self.reader = reader
        self._pinyin_index: tuple[Document, PinyinIndex] | None = None

    def open(self, backward: bool = False) -> None:
        self.reader.query_one(SearchBar).open(backward)

    def closed(self) -> None:
        self.reader.article.focus()

    def search(self, message: SearchBar.Search) -> None:
        """Look for the query in the document as it is now, in a thread."""
        reader = self.reader
        reader.article.focus()
        work = partial(self._search, reader.document, message.query, message.backward)
        reader.run_worker(work, name="_search", group="search", exclusive=True, thread=True)

    def _search(self, document: Document, query: str, backward: bool) -> None:
        from tui.core.queries.search import find

        reader = self.reader
        hits = find(
            document,
            query,
            reader.glossary,
            reader.zhread.dictionary,
            self._index_for(document) if not _has_han(query) else None,
        )
        if not get_current_worker().is_cancelled:  # else a newer search is on its way
            reader.zhread.from_worker(self._found, document, query, backward, hits)

    def _index_for(self, document: Document) -> PinyinIndex:
        """The document read in pinyin, made once per text (the worker's thread): not
        again for each step of the segmenter, which changes words, not characters."""
        from tui.core.queries.search import PinyinIndex
        from tui.core.scripts.convert import shadow

        cached = self._pinyin_index
        if cached is None or cached[0].text is not document.text:
            whole = document.shadow if document.segmented else ""
            cached = (document, PinyinIndex(whole or shadow(document.text)))
            self._pinyin_index = cached
        return cached[1]

    def _found(self, document: Document, query: str, backward: bool, hits: Hits) -> None:
        reader = self.reader
        if not reader.reads(document):
            return  # another text was opened meanwhile (a step of the segmenter moves no hit)
        article = reader.article
        ranges = hits.ranges()
        article.set_matches(ranges, backward=backward)
        shown = visible(query)
        if not ranges:
            reader.app.notify(f"Not found: {shown}", severity="warning", timeout=3)
            return
        article.action_next_match()
        reader.app.notify(
            f"{plural(len(ranges), 'match')} for {shown} ({hits.summary()}); "
            f"n / N for the next and previous",
            timeout=4,
        )


def _has_han(query: str) -> bool:
    from tui.core.model.chars import is_han

    return any(is_han(ch) for ch in query)
