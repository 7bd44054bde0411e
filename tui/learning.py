"""The reader's learner actions: the word list, known words, and tone colours.

A mixin of :class:`tui.app.ZhreadApp`. The word list is SQLite in the user's data directory;
every change is committed before the screen says so, so what the reader saw confirmed
survives a crash.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tui.core.convert import Script, aligned
from tui.core.document import Kind, Token
from tui.core.errors import ZhreadError
from tui.core.sanitize import visible
from tui.widgets.article import ArticleView

if TYPE_CHECKING:
    from tui.app import ZhreadApp
    from tui.core.wordlist import WordList

    _Base = ZhreadApp
else:
    _Base = object

#: What `t` steps through.
TONE_SCHEMES: tuple[str | None, ...] = (None, "pleco", "mdbg")


class LearnerActions(_Base):
    """`a`, `W`, `U` and `t`."""

    words: WordList | None = None
    known: set[str] = set()  # Simplified forms, so a word known in one script is in the other
    tint_unknown = False

    def _word_forms(self, token: Token) -> tuple[str, str]:
        """(Traditional, Simplified) of a word as the document writes it."""
        hans = self.document.shadow[token.start : token.end] or token.text
        hant = aligned(token.text, "s2t") if self.script is Script.SIMPLIFIED else token.text
        return hant, hans

    def _word_list(self) -> WordList | None:
        if self.words is None:
            from tui.core.wordlist import WordList

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
        token = self.query_one("#article", ArticleView).token
        if token is None or token.kind is not Kind.HAN or not self.segmented:
            self.bell()
            return None
        return token

    def action_add_word(self) -> None:
        """Save the word with its reading, definition and the sentence it came from."""
        from tui.core.sentences import sentence_at

        token, words = self._han_word_at_cursor(), self._word_list()
        if token is None or words is None:
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
        from tui.core.reading import pinyin, reading_in_context

        return reading_in_context(hant, hans, self.dictionary) if self.dictionary else pinyin(hans)

    def _definition(self, token: Token, hans: str) -> str:
        if token.term and self.glossary is not None and token.term in self.glossary.entries:
            return self.glossary.get(token.term).en
        if self.dictionary is None:
            return ""
        entries = self.dictionary.lookup(token.text) or self.dictionary.lookup(hans)
        return "; ".join(entries[0].definitions) if entries else ""

    def action_toggle_known(self) -> None:
        """Mark the word known (or not known again); known words are never tinted."""
        token, words = self._han_word_at_cursor(), self._word_list()
        if token is None or words is None:
            return
        _, hans = self._word_forms(token)
        try:
            if hans in self.known:
                words.unmark_known(hans)
                self.known.discard(hans)
                message = f"{visible(token.text)} is no longer marked known"
            else:
                words.mark_known(hans)
                self.known.add(hans)
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
        """The share of Han word tokens the reader has marked known (None: no list yet)."""
        if self.words is None or not self.document.shadow:
            return None
        han = [t for t in self.document.tokens if t.kind is Kind.HAN]
        shadow = self.document.shadow
        return sum(shadow[t.start : t.end] in self.known for t in han) / max(len(han), 1)

    def action_cycle_tones(self) -> None:
        """Tone colours: off, Pleco's scheme, MDBG's scheme."""
        article = self.query_one("#article", ArticleView)
        scheme = TONE_SCHEMES[(TONE_SCHEMES.index(article.tones) + 1) % len(TONE_SCHEMES)]
        article.set_tones(scheme, self._tones_of)
        self.notify(f"Tone colours: {scheme or 'off'}", timeout=2)

    def _tones_of(self, token: Token) -> str:
        """One tone digit per character of a Han word, from its reading in context."""
        from tui.core.reading import numbered

        hant, hans = self._word_forms(token)
        syllables = numbered(self._reading(hant, hans)).split()
        digits = "".join(s[-1] if s[-1:].isdigit() else "5" for s in syllables)
        return digits if len(digits) == len(token.text) else ""
