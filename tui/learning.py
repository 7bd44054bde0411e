"""The reader's learner actions: the word list, known words, and tone colours.

A mixin of :class:`tui.app.ZhreadApp`. The word list is SQLite in the user's data directory;
every change is committed before the screen says so, so what the reader saw confirmed
survives a crash.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import work
from textual.worker import get_current_worker

from tui.core.scripts.convert import Script, aligned
from tui.core.model.document import Token
from tui.core.model.chars import Kind
from tui.core.errors import ZhreadError
from tui.core.text.sanitize import visible
from tui.widgets.article import ArticleView
from tui.widgets.entry import EntryPanel

if TYPE_CHECKING:
    from tui.app import ZhreadApp
    from tui.store.wordlist import WordList

    _Base = ZhreadApp
else:
    _Base = object

#: What `t` steps through.
TONE_SCHEMES: tuple[str | None, ...] = (None, "pleco", "mdbg")

#: What `H` steps through: no tint, then tint the words above HSK 2, 4, 6.
HSK_TINTS: tuple[int | None, ...] = (None, 2, 4, 6)

#: What `p` steps through: no reading line, pinyin, zhuyin.
READING_MODES: tuple[str | None, ...] = (None, "pinyin", "zhuyin")


class LearnerActions(_Base):
    """`a`, `W`, `U` and `t`."""

    words: WordList | None = None
    reading_mode: str | None = None
    hsk_tint: int | None = None
    # Simplified forms, so a word known in one script is known in the other; replaced, never
    # mutated, so the class default is never shared
    known: frozenset[str] | set[str] = frozenset()
    tint_unknown = False
    _known_share: tuple[object, object, float] | None = None  # (document, known, share)

    def _word_forms(self, token: Token) -> tuple[str, str]:
        """(Traditional, Simplified) of a word as the document writes it."""
        hans = self.document.shadow[token.start : token.end] or token.text
        hant = aligned(token.text, "s2t") if self.script is Script.SIMPLIFIED else token.text
        return hant, hans

    def _word_list(self) -> WordList | None:
        if self.words is None:
            from tui.store.wordlist import WordList

            try:
                self.words = WordList.open()
            except ZhreadError as error:
                self.notify(str(error), title="Word list", severity="error", timeout=8)
                return None
            if self.words.note:
                self.notify(self.words.note, title="Word list", severity="warning", timeout=10)
            self.known = self.words.known_words()
        return self.words

    def _han_word_at_cursor(self) -> Token | None:
        """The Han word under the cursor, provisional (one character) while its part of the
        text is being segmented; the bell when the cursor is on anything else."""
        token = self.query_one("#article", ArticleView).token
        if token is None or token.kind is not Kind.HAN:
            self.bell()
            return None
        return token

    def action_add_word(self) -> None:
        """Save the word with its reading, definition and the sentence it came from; pressed
        before its part of the text is segmented or the dictionary open, once they are."""
        token = self._han_word_at_cursor()
        if token is not None:
            self.when_word_ready(token, self._add_word, "Saving", dictionary=True)

    def _add_word(self, token: Token) -> None:
        from tui.core.model.sentences import sentence_at

        words = self._word_list()
        if words is None:
            return
        hant, hans = self._word_forms(token)
        start, end = sentence_at(self.document.text, token.start)
        try:
            new = words.add(hant, hans, self._reading(hant, hans), self._definition(token, hans),
                            self.document.text[start:end], self.document.source)
        except ZhreadError as error:
            self.notify(str(error), title="Not saved", severity="error", timeout=8)
            return
        verb = "Added" if new else "Updated"
        self.notify(f"{verb} {visible(token.text)} in your word list", timeout=3)

    def _reading(self, hant: str, hans: str) -> str:
        from tui.core.readings.dictionary import reading_in_context
        from tui.core.readings.reading import pinyin

        return reading_in_context(hant, hans, self.dictionary) if self.dictionary else pinyin(hans)

    def _definition(self, token: Token, hans: str) -> str:
        if token.term and self.glossary is not None and token.term in self.glossary.entries:
            return self.glossary.get(token.term).en
        if self.dictionary is None:
            return ""
        entries = self.dictionary.lookup(token.text) or self.dictionary.lookup(hans)
        return "; ".join(entries[0].definitions) if entries else ""

    def action_toggle_known(self) -> None:
        """Mark the word known (or not known again); known words are never tinted. Pressed
        before its part of the text is segmented, once it is."""
        token = self._han_word_at_cursor()
        if token is not None:
            self.when_word_ready(token, self._toggle_known, "Marking")

    def _toggle_known(self, token: Token) -> None:
        words = self._word_list()
        if words is None:
            return
        _, hans = self._word_forms(token)
        try:
            if hans in self.known:
                words.unmark_known(hans)
                self.known = self.known - {hans}
                message = f"{visible(token.text)} is no longer marked known"
            else:
                words.mark_known(hans)
                self.known = self.known | {hans}
                message = f"{visible(token.text)} marked known"
        except ZhreadError as error:
            self.notify(str(error), title="Not saved", severity="error", timeout=8)
            return
        self.notify(message, timeout=2)
        self._show_known()

    def action_tint_unknown(self) -> None:
        self.tint_unknown = not self.tint_unknown
        if self._word_list() is not None:
            self._show_known()

    def _show_known(self) -> None:
        """Tint the Han words not yet known (when asked), and count the known share."""
        article = self.query_one("#article", ArticleView)
        shadow = self.document.shadow
        unknown = [
            (t.start, t.end) for t in self.document.tokens
            if t.kind is Kind.HAN and shadow[t.start : t.end] not in self.known
        ] if self.tint_unknown and shadow else []
        article.set_marks("unknown", unknown)
        self._update_status()

    def known_share(self) -> float | None:
        """The share of Han word tokens the reader has marked known (None: no list yet, or
        the text still being segmented). The header asks on every status change, a key
        press among them, so the count over the whole text is kept until the document or
        the known set (replaced, never mutated) changes."""
        if self.words is None or not self.segmented or not self.document.shadow:
            return None
        cached = self._known_share
        if cached is None or cached[0] is not self.document or cached[1] is not self.known:
            han = [t for t in self.document.tokens if t.kind is Kind.HAN]
            shadow = self.document.shadow
            share = sum(shadow[t.start : t.end] in self.known for t in han) / max(len(han), 1)
            cached = self._known_share = (self.document, self.known, share)
        return cached[2]

    def action_cycle_tones(self) -> None:
        """Tone colours: off, Pleco's scheme, MDBG's scheme."""
        article = self.query_one("#article", ArticleView)
        scheme = TONE_SCHEMES[(TONE_SCHEMES.index(article.tones) + 1) % len(TONE_SCHEMES)]
        article.set_tones(scheme, self._tones_of)
        self.notify(f"Tone colours: {scheme or 'off'}", timeout=2)
        self.settings_changed()

    def _tones_of(self, token: Token) -> str:
        """One tone digit per character of a Han word, from its reading in context."""
        from tui.core.readings.reading import numbered

        hant, hans = self._word_forms(token)
        syllables = numbered(self._reading(hant, hans)).split()
        digits = "".join(s[-1] if s[-1:].isdigit() else "5" for s in syllables)
        return digits if len(digits) == len(token.text) else ""

    def action_cycle_reading(self) -> None:
        """The line over the text: none, pinyin, zhuyin. While the text is segmented, the
        words found so far get theirs; all of them once it is (see ``_redraw_settings``)."""
        at = READING_MODES.index(self.reading_mode)
        self.reading_mode = READING_MODES[(at + 1) % len(READING_MODES)]
        if self.reading_mode is None:
            self.query_one("#article", ArticleView).set_readings({})
        else:
            self._compute_readings(self.document, self.reading_mode)
        self.settings_changed()

    @work(thread=True, exclusive=True, group="readings")
    def _compute_readings(self, document, mode: str) -> None:  # type: ignore[no-untyped-def]
        """Every Han word's reading in context (a dictionary lookup each), off the UI thread."""
        from tui.core.readings.reading import numbered, zhuyin

        worker = get_current_worker()
        readings: dict[int, str] = {}
        for index, token in enumerate(document.tokens):
            if index % 4096 == 0 and worker.is_cancelled:
                return  # a newer document's readings are on their way
            if token.kind is Kind.HAN:
                marked = self._reading(*self._word_forms(token))
                readings[token.start] = zhuyin(numbered(marked)) if mode == "zhuyin" else marked
        self.from_worker(self._show_readings, document, mode, readings)

    def _show_readings(self, document, mode: str, readings: dict[int, str]) -> None:  # type: ignore[no-untyped-def]
        # a step of the segmenter since leaves the readings where they were: the same text
        if document.text is self.document.text and mode == self.reading_mode:
            self.query_one("#article", ArticleView).set_readings(readings)

    def action_lookup(self) -> None:
        """The dictionary: the word under the cursor to start with, anything typed after;
        pressed before that word's part of the text is segmented, once it is."""
        token = self.query_one("#article", ArticleView).token
        if token is not None and token.kind.is_word:
            self.when_word_ready(token, self._lookup, "Looking up")
        else:
            self._lookup(None)

    def _lookup(self, token: Token | None) -> None:
        from tui.screens.lookup import LookupScreen

        query = visible(token.text) if token is not None and token.kind.is_word else ""
        if not self.is_screen_installed("lookup"):
            self.install_screen(LookupScreen(self.dictionary, self.glossary, query), "lookup")
        else:
            screen = self.get_screen("lookup")
            assert isinstance(screen, LookupScreen)
            screen.reopen(query, self.dictionary, self.glossary)
        self.push_screen("lookup")

    def action_word_list(self) -> None:
        from tui.screens.wordlist import WordListScreen

        words = self._word_list()
        if words is not None:
            self.push_screen(WordListScreen(words))

    def action_stats(self) -> None:
        from tui.screens.stats import StatsScreen

        self._word_list()  # while segmenting, the screen counts what is found and says so
        standard = self.query_one(EntryPanel).standard
        self.push_screen(StatsScreen(self.document, self.known if self.words else None, standard))

    def set_hsk(self, standard: str) -> None:
        """Give HSK levels by another syllabus (2025, 2021 or 2.0)."""
        panel = self.query_one(EntryPanel)
        panel.standard = standard
        article = self.query_one("#article", ArticleView)
        panel.show(article.token, self.document, self.glossary, self.dictionary)
        self.notify(f"HSK levels by the {standard} syllabus", timeout=2)
        self.settings_changed()

    def action_cycle_hsk_tint(self) -> None:
        """Tint the words above an HSK level (off, above 2, above 4, above 6)."""
        at = HSK_TINTS.index(self.hsk_tint)
        self.hsk_tint = HSK_TINTS[(at + 1) % len(HSK_TINTS)]
        self.show_hsk_tint()
        limit = self.hsk_tint
        self.notify("HSK tint off" if limit is None else f"Tinted: words above HSK {limit}",
                    timeout=2)

    def show_hsk_tint(self) -> None:
        """Mark the words above the chosen HSK level in the current document."""
        from tui.core.readings.levels import level

        standard = self.query_one(EntryPanel).standard
        shadow, limit = self.document.shadow, self.hsk_tint
        above = [
            (t.start, t.end) for t in self.document.tokens
            if limit is not None and t.kind is Kind.HAN and shadow
            and (level(shadow[t.start : t.end], standard) or 99) > limit
        ]
        self.query_one("#article", ArticleView).set_marks("above-level", above)
