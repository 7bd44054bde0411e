"""Enter on the article: the sentence at the cursor in a view of its own, word by word
(:class:`~tui.screens.sentence.SentenceScreen`), and ``a`` there saving a word with it.

Pressed before the sentence's part of the text is segmented, or before the dictionary is
open, the view says it will come and comes once they are (:meth:`ReaderScreen.when_ready`):
a sentence shown a character at a time would list characters, not words. The words' tags,
readings, glosses and levels are worked out in a thread (jieba's tags cost a read of its
dictionary), and the view opens when they are, unless the reader has moved on to another
screen or text meanwhile.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from textual.worker import get_current_worker

from tui.core.errors import ZhreadError
from tui.core.model.document import Document, Token
from tui.core.model.sentences import sentence_at
from tui.core.queries.sentence_level import NUMERALS, WordLevel, grade_sentence
from tui.core.queries.sentences import sentence_han_words
from tui.core.text.sanitize import visible
from tui.screens.sentence import SentenceReport, SentenceScreen, WordRow
from tui.widgets.entry import EntryPanel

if TYPE_CHECKING:
    from collections.abc import Mapping

    from tui.reader.screen import ReaderScreen

__all__ = ["open_sentence", "save_word", "sentence_report"]


def open_sentence(reader: ReaderScreen, offset: int) -> None:
    """Open the view on the sentence around character ``offset``, at once or once it is
    segmented and the dictionary open."""
    start, end = sentence_at(reader.document.text, offset)
    if not reader.document.text[start:end].strip():
        reader.app.bell()
        return

    def ready() -> bool:
        return _segmented(reader.document, start, end) and reader.zhread.dictionary_settled

    notice = (
        "Opening the sentence once the dictionary is open…"
        if _segmented(reader.document, start, end)
        else "Opening the sentence once the text there is segmented…"
    )
    reader.when_ready(ready, partial(_work_out, reader, start, end), notice)


def _segmented(document: Document, start: int, end: int) -> bool:
    """Whether every chunk the sentence touches is segmented."""
    return document.segmented or all(
        chunk.segmented for chunk in document.chunks if chunk.start < end and chunk.end > start
    )


def _work_out(reader: ReaderScreen, start: int, end: int) -> None:
    document = reader.document
    shown = reader.article.view_text[start:end]
    standard = str(reader.query_one(EntryPanel).standard)
    work = partial(_report_in_thread, reader, document, start, end, shown, standard)
    reader.run_worker(work, name="sentence", group="sentence", exclusive=True, thread=True)


def _report_in_thread(
    reader: ReaderScreen, document: Document, start: int, end: int, shown: str, standard: str
) -> None:
    report = sentence_report(reader, document, start, end, shown, standard)
    if not get_current_worker().is_cancelled:
        reader.zhread.from_worker(_show, reader, document, report)


def _show(reader: ReaderScreen, document: Document, report: SentenceReport) -> None:
    """Open the view, unless another text or screen took the reader's place meanwhile."""
    if reader.reads(document) and reader.app.screen is reader:
        reader.app.push_screen(SentenceScreen(report, partial(save_word, reader)))


def sentence_report(
    reader: ReaderScreen, document: Document, start: int, end: int, shown: str, standard: str
) -> SentenceReport:
    """The sentence at characters ``start``-``end`` as the view shows it (``shown``: in the
    script the article shows), its words graded by ``standard``. Runs in a thread."""
    from tui.core.readings.glosses import word_tags

    tags = word_tags(document.shadow[start:end] or document.text[start:end])
    level = grade_sentence(
        document, start, end, standard, reader.glossary, reader.zhread.dictionary, tags
    )
    tokens = sentence_han_words(document, start, end)
    rows = tuple(
        _row(reader, token, graded, tags, shown[token.start - start : token.end - start])
        for token, graded in zip(tokens, level.words, strict=True)
    )
    return SentenceReport(shown, document.text[start:end], document.source, level, rows)


def _row(
    reader: ReaderScreen, token: Token, graded: WordLevel, tags: Mapping[str, str], shown: str
) -> WordRow:
    from tui.core.readings.glosses import word_gloss

    learning, glossary = reader.learning, reader.glossary
    hant, hans = learning.word_forms(token)
    entry = glossary.entries.get(token.term) if glossary is not None and token.term else None
    english = entry.en if entry is not None else None
    dictionary = reader.zhread.dictionary
    gloss = word_gloss(token.text, hans, tags.get(hans), dictionary, english)
    if not gloss and graded.parts and graded.parts[0] not in NUMERALS:  # 這是: "this + to be"
        glossed = [word_gloss(part, part, tags.get(part), dictionary) for part in graded.parts]
        gloss = " + ".join(glossed) if all(glossed) else ""
    reading = learning.reading(hant, hans)
    return WordRow(
        shown, hant, hans, reading, gloss, learning.definition(token, hans), graded.label
    )


def save_word(reader: ReaderScreen, report: SentenceReport, row: WordRow) -> None:
    """Save ``row``'s word with the report's sentence as its example, and say so."""
    app = reader.zhread
    words = app.word_list()
    if words is None:
        return
    try:
        new = words.add(
            row.hant, row.hans, row.reading, row.definition, report.written, report.source
        )
    except ZhreadError as error:
        app.notify(str(error), title="Not saved", severity="error", timeout=8, markup=False)
        return
    reader.states.word_saved(row.hans)
    verb = "Added" if new else "Updated"
    app.notify(f"{verb} {visible(row.shown)} in your word list", timeout=3, markup=False)
