"""The English line (``e``): a short gloss under each word, the glossary's English for a
term, else the CC-CEDICT sense that fits the word's part of speech
(:mod:`tui.core.readings.glosses`).

A controller the :class:`~tui.reader.screen.ReaderScreen` owns, and the one writer of the
article's English. Glosses are worked out in a thread, a chunk of the text at a time as
the segmenter finishes chunks: a step of the segmenter replaces only the chunks it
segmented and shares the rest with the step before, so the glosses of a chunk are kept as
long as the document holds that same chunk, and each step costs only its new ones. A
provisional chunk (a character to a token) gets none: its characters are about to become
words, and a gloss per character would be wrong for most of them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from time import monotonic
from typing import TYPE_CHECKING

from textual.worker import get_current_worker

#: While the text is segmented, the glosses of new chunks are shown at most this often (in
#: seconds): laying out a long text around them takes the UI thread up to a tenth of a
#: second, and the segmenter's steps come four times a second.
SHOW_EVERY = 1.0

if TYPE_CHECKING:
    from tui.core.glossary.entries import Glossary
    from tui.core.model.document import Chunk, Document
    from tui.core.readings.dictionary import Dictionary
    from tui.core.readings.glosses import Glosser
    from tui.reader.screen import ReaderScreen


@dataclass
class _Glossed:
    """What has been glossed of one text, with one glossary and dictionary."""

    text: str
    sources: tuple[Glossary | None, Dictionary | None]  # what the glosses came from
    glosser: Glosser | None = None  # made in the worker (reading the word tags costs)
    chunks: dict[int, tuple[Chunk, dict[int, str]]] = field(default_factory=dict)


class EnglishLine:
    """``e``: the English line under the text, on or off, remembered with the settings."""

    def __init__(self, reader: ReaderScreen) -> None:
        self.reader = reader
        self.on = False
        self._glossed: _Glossed | None = None
        self._due = False  # glosses are to be shown by a timer
        self._shown_at = 0.0  # when they last were

    def toggle(self) -> None:
        self.apply(not self.on)
        self.reader.app.notify(f"English line {'on' if self.on else 'off'}", timeout=2)
        self.reader.settings_changed()

    def apply(self, on: bool) -> None:
        """Show the line or hide it (the remembered setting, or the key)."""
        if on == self.on:
            return
        self.on = on
        if on:
            self.compute()
        else:
            self._glossed = None
            self.reader.article.set_english({})

    def document_changed(self) -> None:
        """A step of the segmenter, or another text: gloss the chunks segmented since."""
        if self.on:
            self.compute()

    def dictionary_settled(self) -> None:
        """The dictionary opened (or failed to): the words glossed without it, again."""
        if self.on and self._glossed is not None and self._glossed.sources[1] is None:
            self.compute()

    def compute(self) -> None:
        """Gloss, in a thread, the segmented chunks of the document not glossed yet."""
        reader = self.reader
        document = reader.document
        sources: tuple[Glossary | None, Dictionary | None] = (
            reader.glossary,
            reader.zhread.dictionary,
        )
        glossed = self._glossed
        if (
            glossed is None
            or glossed.text is not document.text
            or any(a is not b for a, b in zip(glossed.sources, sources, strict=True))
        ):
            glossed = self._glossed = _Glossed(document.text, sources)
        todo = [chunk for chunk in document.chunks if chunk.segmented and not self._has(chunk)]
        if not todo:
            self._show_known()
            return
        reader.run_worker(
            lambda: self._gloss(glossed, document, todo),
            name="_gloss",
            group="english",
            exclusive=True,
            thread=True,
        )

    def _has(self, chunk: Chunk) -> bool:
        glossed = self._glossed
        done = glossed.chunks.get(chunk.start) if glossed else None
        return done is not None and done[0] is chunk

    def _gloss(self, glossed: _Glossed, document: Document, todo: list[Chunk]) -> None:
        """The glosses of ``todo``'s words, off the UI thread (a dictionary lookup for each
        different word, and jieba's tags read once per text)."""
        worker = get_current_worker()
        if glossed.glosser is None:
            glossed.glosser = self._glosser(glossed, document)
        found: list[tuple[Chunk, dict[int, str]]] = []
        for chunk in todo:
            if worker.is_cancelled:
                return  # a newer step's glosses are on their way
            found.append((chunk, glossed.glosser.chunk(document, chunk)))
        self.reader.zhread.from_worker(self._take, glossed, found)

    def _glosser(self, glossed: _Glossed, document: Document) -> Glosser:
        from tui.core.readings.glosses import Glosser, word_tags

        glossary, dictionary = glossed.sources
        entries = glossary.entries if glossary is not None else {}
        english = {term: entry.en for term, entry in entries.items()}
        return Glosser(dictionary, word_tags(document.shadow), english)

    def _take(self, glossed: _Glossed, found: list[tuple[Chunk, dict[int, str]]]) -> None:
        if glossed is not self._glossed or not self.on:
            return  # another text, glossary or dictionary since, or the line turned off
        for chunk, glosses in found:
            glossed.chunks[chunk.start] = (chunk, glosses)
        if self._due:
            return
        self._due = True
        wait = self._shown_at + SHOW_EVERY - monotonic() if not self.reader.segmented else 0
        if wait > 0:
            self.reader.set_timer(wait, self._show_due)
        else:
            self.reader.call_later(self._show_due)

    def _show_due(self) -> None:
        self._due, self._shown_at = False, monotonic()
        if self.on:
            self._show_known()

    def _show_known(self) -> None:
        """Show the glosses of the chunks the document holds now."""
        glossed = self._glossed
        if glossed is None:
            return
        english: dict[int, str] = {}
        for chunk in self.reader.document.chunks:
            done = glossed.chunks.get(chunk.start)
            if done is not None and done[0] is chunk:
                english.update(done[1])
        article = self.reader.article
        if english != article.english:
            article.set_english(english)
