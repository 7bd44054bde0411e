"""The reader's learner keys: saving words (``a``), tone colours (``t``), the reading line
(``p``), HSK levels and tints (``H``), and the screens that show the learner's data
(dictionary, word list, stats). Learning states (``1``-``5``, ``W``, ``x``, ``U``) are in
:mod:`tui.reader.states`.

A controller the :class:`~tui.reader.screen.ReaderScreen` owns, and the one writer of the
screen's ``reading_mode`` and ``hsk_tint``. The word list itself is the
app's (the user's store, opened once per run); every change to it is committed before the
screen says so, so what the reader saw confirmed survives a crash.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from textual.worker import get_current_worker

from tui.core.errors import ZhreadError
from tui.core.model.chars import Kind
from tui.core.model.document import Document, Token
from tui.core.readings.levels import HskStandard
from tui.core.scripts.convert import Script, aligned
from tui.core.text.sanitize import visible
from tui.store.settings import Reading, Tones
from tui.widgets.entry import EntryPanel

if TYPE_CHECKING:
    from tui.reader.screen import ReaderScreen
    from tui.store.wordlist import WordList

#: What `t` steps through.
TONE_SCHEMES: tuple[Tones | None, ...] = Tones.cycle()

#: What `H` steps through: no tint, then tint the words above HSK 2, 4, 6.
HSK_TINTS: tuple[int | None, ...] = (None, 2, 4, 6)

#: What `p` steps through: no reading line, pinyin, zhuyin.
READING_MODES: tuple[Reading | None, ...] = Reading.cycle()


class Learning:
    """`a`, `t`, `p`, `H`, `d`, `L` and `I`."""

    def __init__(self, reader: ReaderScreen) -> None:
        self.reader = reader

    # -- the word under the cursor ---------------------------------------------------------

    def word_forms(self, token: Token) -> tuple[str, str]:
        """(Traditional, Simplified) of a word as the document writes it."""
        reader = self.reader
        hans = reader.document.shadow[token.start : token.end] or token.text
        hant = aligned(token.text, "s2t") if reader.script is Script.SIMPLIFIED else token.text
        return hant, hans

    def _han_word_at_cursor(self) -> Token | None:
        """The Han word under the cursor, provisional (one character) while its part of the
        text is being segmented; the bell when the cursor is on anything else."""
        token = self.reader.article.token
        if token is None or token.kind is not Kind.HAN:
            self.reader.app.bell()
            return None
        return token

    def reading(self, hant: str, hans: str) -> str:
        """A word's reading in context: by the dictionary once it is open, else pypinyin's."""
        from tui.core.readings.dictionary import reading_in_context
        from tui.core.readings.reading import pinyin

        dictionary = self.reader.zhread.dictionary
        return reading_in_context(hant, hans, dictionary) if dictionary else pinyin(hans)

    def definition(self, token: Token, hans: str) -> str:
        """The glossary's English for a term, else CC-CEDICT's first entry's."""
        glossary, dictionary = self.reader.glossary, self.reader.zhread.dictionary
        if token.term and glossary is not None and token.term in glossary.entries:
            return glossary.get(token.term).en
        if dictionary is None:
            return ""
        entries = dictionary.lookup(token.text) or dictionary.lookup(hans)
        return "; ".join(entries[0].definitions) if entries else ""

    # -- the word list -----------------------------------------------------------------------

    def add_word(self) -> None:
        """Save the word with its reading, definition and the sentence it came from; pressed
        before its part of the text is segmented or the dictionary open, once they are."""
        token = self._han_word_at_cursor()
        if token is not None:
            self.reader.when_word_ready(token, self._add_word, "Saving", dictionary=True)

    def _add_word(self, token: Token) -> None:
        app = self.reader.zhread
        words = app.word_list()
        if words is None:
            return
        try:
            new = self.save(words, token)
        except ZhreadError as error:
            app.notify(str(error), title="Not saved", severity="error", timeout=8)
            return
        verb = "Added" if new else "Updated"
        app.notify(f"{verb} {visible(token.text)} in your word list", timeout=3)
        if new:
            self.reader.states.word_saved(self.word_forms(token)[1])

    def save(self, words: WordList, token: Token) -> bool:
        """Save the word with its reading, definition and the sentence it stands in (raises
        ZhreadError when the store cannot be written); returns whether it is new."""
        from tui.core.model.sentences import sentence_at

        document = self.reader.document
        hant, hans = self.word_forms(token)
        start, end = sentence_at(document.text, token.start)
        return words.add(
            hant,
            hans,
            self.reading(hant, hans),
            self.definition(token, hans),
            document.text[start:end],
            document.source,
        )

    # -- tones and the reading line ------------------------------------------------------

    def cycle_tones(self) -> None:
        """Tone colours: off, Pleco's scheme, MDBG's scheme."""
        article = self.reader.article
        scheme = TONE_SCHEMES[(TONE_SCHEMES.index(article.tones) + 1) % len(TONE_SCHEMES)]
        article.set_tones(scheme, self.tones_of)
        self.reader.app.notify(f"Tone colours: {scheme or 'off'}", timeout=2)
        self.reader.settings_changed()

    def tones_of(self, token: Token) -> str:
        """One tone digit per character of a Han word, from its reading in context."""
        from tui.core.readings.reading import numbered

        hant, hans = self.word_forms(token)
        syllables = numbered(self.reading(hant, hans)).split()
        digits = "".join(s[-1] if s[-1:].isdigit() else "5" for s in syllables)
        return digits if len(digits) == len(token.text) else ""

    def redraw_tones(self) -> None:
        """After (re-)segmenting: tone colours from the words' readings in context, including
        the scheme remembered from last time."""
        article = self.reader.article
        if article.tones:
            article.set_tones(article.tones, self.tones_of)

    def cycle_reading(self) -> None:
        """The line over the text: none, pinyin, zhuyin. While the text is segmented, the
        words found so far get theirs; all of them once it is (see ``redraw``)."""
        reader = self.reader
        at = READING_MODES.index(reader.reading_mode)
        reader.reading_mode = READING_MODES[(at + 1) % len(READING_MODES)]
        if reader.reading_mode is None:
            reader.article.set_readings({})
        else:
            self.compute_readings()
        reader.settings_changed()

    def compute_readings(self) -> None:
        """Every Han word's reading for the document as it is now, in a thread."""
        reader = self.reader
        assert reader.reading_mode is not None
        work = partial(self._compute_readings, reader.document, reader.reading_mode)
        reader.run_worker(
            work, name="_compute_readings", group="readings", exclusive=True, thread=True
        )

    def _compute_readings(self, document: Document, mode: Reading) -> None:
        """Every Han word's reading in context (a dictionary lookup each), off the UI thread."""
        from tui.core.readings.reading import numbered, zhuyin

        worker = get_current_worker()
        readings: dict[int, str] = {}
        for index, token in enumerate(document.tokens):
            if index % 4096 == 0 and worker.is_cancelled:
                return  # a newer document's readings are on their way
            if token.kind is Kind.HAN:
                marked = self.reading(*self.word_forms(token))
                readings[token.start] = (
                    zhuyin(numbered(marked)) if mode == Reading.ZHUYIN else marked
                )
        self.reader.zhread.from_worker(self._show_readings, document, mode, readings)

    def _show_readings(self, document: Document, mode: Reading, readings: dict[int, str]) -> None:
        # a step of the segmenter since leaves the readings where they were: the same text
        if self.reader.reads(document) and mode == self.reader.reading_mode:
            self.reader.article.set_readings(readings)

    # -- HSK -----------------------------------------------------------------------------

    def set_hsk(self, standard: HskStandard) -> None:
        """Give HSK levels by another syllabus (2025, 2021 or 2.0)."""
        self.reader.query_one(EntryPanel).standard = standard
        self.reader.show_entry_now()
        self.reader.app.notify(f"HSK levels by the {standard} syllabus", timeout=2)
        self.reader.settings_changed()

    def cycle_hsk_tint(self) -> None:
        """Tint the words above an HSK level (off, above 2, above 4, above 6)."""
        reader = self.reader
        at = HSK_TINTS.index(reader.hsk_tint)
        reader.hsk_tint = HSK_TINTS[(at + 1) % len(HSK_TINTS)]
        self.show_hsk_tint()
        limit = reader.hsk_tint
        reader.app.notify(
            "HSK tint off" if limit is None else f"Tinted: words above HSK {limit}", timeout=2
        )

    def show_hsk_tint(self) -> None:
        """Mark the words above the chosen HSK level in the current document."""
        from tui.core.queries.known import above_level_ranges

        reader = self.reader
        standard, limit = reader.query_one(EntryPanel).standard, reader.hsk_tint
        above = [] if limit is None else above_level_ranges(reader.document, limit, standard)
        reader.article.set_marks("above-level", above)

    # -- screens -------------------------------------------------------------------------

    def lookup(self) -> None:
        """The dictionary: the word under the cursor to start with, anything typed after;
        pressed before that word's part of the text is segmented, once it is."""
        token = self.reader.article.token
        if token is not None and token.kind.is_word:
            self.reader.when_word_ready(token, self._lookup, "Looking up")
        else:
            self._lookup(None)

    def _lookup(self, token: Token | None) -> None:
        from tui.screens.lookup import LookupScreen

        app, glossary = self.reader.zhread, self.reader.glossary
        query = visible(token.text) if token is not None and token.kind.is_word else ""
        if not app.is_screen_installed("lookup"):
            app.install_screen(LookupScreen(app.dictionary, glossary, query), "lookup")
        else:
            screen = app.get_screen("lookup")
            assert isinstance(screen, LookupScreen)
            screen.reopen(query, app.dictionary, glossary)
        app.push_screen("lookup")

    def word_list(self) -> None:
        from tui.screens.wordlist import WordListScreen

        words = self.reader.zhread.word_list()
        if words is not None:
            self.reader.app.push_screen(WordListScreen(words))

    def stats(self) -> None:
        from tui.screens.stats import StatsScreen

        app = self.reader.zhread
        app.word_list()  # while segmenting, the screen counts what is found and says so
        standard = self.reader.query_one(EntryPanel).standard
        states = app.states if app.words is not None else None  # (an empty list is falsy)
        app.push_screen(StatsScreen(self.reader.document, standard=standard, states=states))
