"""The reader's learning states: the tints, the keys that set a word's state, words marked
seen as the reader moves on past them, and the header's progress.

Every word has a state (:class:`~tui.core.learning.states.State`): new until the learner
does something with it, seen once read past, learning 1-4 or known by key, or ignored (a
name, a number). The article tints the states chosen (``state_tints``: new, seen and the
learning grades by default), as LingQ and Lute do, so that what is still to learn stands
out on the page.

A controller the :class:`~tui.reader.screen.ReaderScreen` owns. The states themselves are
the app's (``ZhreadApp.states``, read from the word store and replaced, never mutated, on
every change): a key's change is committed to the store before the reader says so; words
marked seen by moving on are gathered as the keys come and written in one transaction a
moment later, in a thread, so that no key waits for SQLite.
"""

from __future__ import annotations

from collections.abc import Mapping
from contextlib import suppress
from functools import partial
from typing import TYPE_CHECKING

from tui.core.errors import ZhreadError
from tui.core.learning.states import State
from tui.core.model.chars import Kind
from tui.core.model.document import Document, Token
from tui.core.queries.known import TINTABLE, StateCount, StateIndex, passed_new_words
from tui.core.text.sanitize import visible
from tui.store.settings import Settings, StateTints

if TYPE_CHECKING:
    from tui.reader.screen import ReaderScreen
    from tui.store.wordlist import WordList

__all__ = ["SEEN_DELAY", "StateControl"]

#: Seconds after the first move past new words before they are written as seen: the moves
#: of a held key, or of a page read quickly, go in one transaction.
SEEN_DELAY = 0.6


class StateControl:
    """`1`-`5`, `W`, `x` and `U`; the state tints, words marked seen, the header's progress."""

    def __init__(self, reader: ReaderScreen) -> None:
        self.reader = reader
        self.tints = StateTints.ALL  # what the article tints; OFF after `U`
        self._chosen = StateTints.ALL  # what `U` turns back on: the config's, unless off
        self.mark_seen = True
        self._index: StateIndex | None = None  # the current document's words, by form
        self._count: tuple[object, object, StateCount] | None = None  # (document, states, …)
        self._start: tuple[str, float] | None = None  # (text, share) when first counted
        self._before: dict[str, State] = {}  # a word's state before `W` or `x`, to go back to
        self._at: tuple[str, int] | None = None  # (text, offset) of the cursor last seen
        self._passed: list[tuple[Document, int, int]] = []  # moved past, not yet written
        self._flush_due = False

    # -- settings and the store ----------------------------------------------------------

    def apply(self, settings: Settings) -> None:
        self.tints = settings.state_tints
        self._chosen = settings.state_tints if settings.state_tints.active else StateTints.ALL
        self.mark_seen = settings.mark_seen

    def mounted(self) -> None:
        """Once a word store exists, the tints show from the start: it is opened in a
        thread, the first frame not waiting for SQLite."""
        from tui.store.wordlist import default_path

        if self.reader.zhread.words is None and default_path().exists():
            self.reader.run_worker(self._open_store, name="states", group="states", thread=True)

    def _open_store(self) -> None:
        from tui.store.wordlist import WordList

        app = self.reader.zhread
        try:
            words = WordList.open()
            states = words.states()
        except ZhreadError:
            return  # said when a key needs the store: app.word_list() opens it again
        app.from_worker(self._store_opened, words, states)

    def _store_opened(self, words: WordList, states: dict[str, State]) -> None:
        app = self.reader.zhread
        if app.words is not None:  # a key opened it meanwhile
            words.close()
            return
        app.words, app.states = words, states
        if words.note:
            app.notify(words.note, title="Word list", severity="warning", timeout=10)
        self.redraw()

    # -- the tints -----------------------------------------------------------------------

    def index(self) -> StateIndex:
        """The current document's Han words by form, built once per document."""
        document = self.reader.document
        if self._index is None or self._index.document is not document:
            self._index = StateIndex(document)
        return self._index

    def redraw(self) -> None:
        """Tint the words by state (the states chosen, once the text is segmented and a word
        store is open), and say the progress in the header."""
        reader = self.reader
        article = reader.article
        shown = reader.segmented and reader.zhread.words is not None and self.tints.active
        ranges = self.index().ranges(reader.zhread.states, self.tints.states) if shown else {}
        for state in TINTABLE:
            if ranges.get(state) or article.marks.get(f"state-{state}"):
                article.set_marks(f"state-{state}", ranges.get(state, []))
        reader.update_status()

    def toggle_tints(self) -> None:
        """`U`: the state tints off, or on again (the states the config chose). Before
        there is a word store they show nothing, so `U` starts one and shows them."""
        app = self.reader.zhread
        if app.words is not None and self.tints.active:
            self.tints = StateTints.OFF
        else:
            self.tints = self.tints if self.tints.active else self._chosen
            if app.word_list() is None:
                return
        self.redraw()
        app.notify(f"Tinted by state: {_tinted(self.tints)}", timeout=2)
        self.reader.settings_changed()

    # -- the keys ------------------------------------------------------------------------

    def set_state(self, name: str) -> None:
        """`1`-`5`: the word under the cursor learning 1-4 or known; 1-4 also save it to the
        word list, with its sentence, so review finds it (as `a` does)."""
        state = State(name)
        token = self._han_word_at_cursor()
        if token is not None:
            run = partial(self._set, state=state)
            self.reader.when_word_ready(token, run, "Marking", dictionary=state.learning)

    def toggle_known(self) -> None:
        """`W`: known, or back to the state it had (new if none)."""
        self._toggle(State.KNOWN)

    def toggle_ignored(self) -> None:
        """`x`: ignored (a name, a number: never tinted, counted as known), or back."""
        self._toggle(State.IGNORED)

    def _toggle(self, state: State) -> None:
        token = self._han_word_at_cursor()
        if token is not None:
            self.reader.when_word_ready(
                token, partial(self._set, state=state, toggle=True), "Marking"
            )

    def _han_word_at_cursor(self) -> Token | None:
        token = self.reader.article.token
        if token is None or token.kind is not Kind.HAN:
            self.reader.app.bell()
            return None
        return token

    def _set(self, token: Token, state: State, toggle: bool = False) -> None:
        app = self.reader.zhread
        words = app.word_list()
        if words is None:
            return
        hans = self.reader.learning.word_forms(token)[1]
        current = app.states.get(hans, State.NEW)
        if toggle and current is state:
            state = self._before.pop(hans, State.NEW)
        try:
            if state.learning:
                self._save(words, token)
            previous = words.set_state(hans, state)
        except ZhreadError as error:
            app.notify(str(error), title="Not saved", severity="error", timeout=8)
            return
        if state in (State.KNOWN, State.IGNORED) and previous is not state:
            self._before[hans] = previous  # where `W` or `x` goes back to
        app.states = _with(app.states, {hans: state})
        app.notify(f"{visible(token.text)}: {state.label}", timeout=2)
        self.redraw()

    def _save(self, words: WordList, token: Token) -> None:
        """Save the word as `a` does, unless it is saved already (its sentence kept)."""
        hant, hans = self.reader.learning.word_forms(token)
        if not words.update(hant, hans):  # saved already: only its time of change is touched
            self.reader.learning.save(words, token)

    def word_saved(self, hans: str) -> None:
        """`a` saved a word: the store made it learning 1 if it was new or seen."""
        app = self.reader.zhread
        if app.states.get(hans, State.NEW) in (State.NEW, State.SEEN):
            app.states = _with(app.states, {hans: State.LEARNING_1})
            self.redraw()

    # -- moving on past new words ----------------------------------------------------------

    def cursor_moved(self, token: Token | None) -> None:
        """Called on every cursor move, so it only notes where the cursor went: a move
        forward of at most a screenful (a word, a line, a page: reading on, not a jump to
        the end) passes over the words between, which become seen a moment later."""
        if token is None:
            return
        text = self.reader.document.text
        last, self._at = self._at, (text, token.start)
        if last is None or last[0] is not text or not self.mark_seen or token.start <= last[1]:
            return
        if self.reader.zhread.words is None or token.start - last[1] > self._screenful():
            return
        self._passed.append((self.reader.document, last[1], token.start))
        if not self._flush_due:
            self._flush_due = True
            self.reader.set_timer(SEEN_DELAY, self._flush)

    def _screenful(self) -> int:
        size = self.reader.article.size
        return size.width * (size.height + 1)

    def _flush(self) -> None:
        """Write the words moved past as seen, in a thread: the keys go on meanwhile."""
        self._flush_due = False
        passed, self._passed = self._passed, []
        if passed and not self.reader.closing:
            work = partial(self._write_seen, passed, self.reader.zhread.states)
            self.reader.run_worker(work, name="seen", group="seen", thread=True)

    def flush_now(self) -> None:
        """Write what is waiting before the app closes (no thread: it is quitting)."""
        passed, self._passed = self._passed, []
        words = self.reader.zhread.words
        if passed and words is not None:
            seen = self._seen_words(passed, self.reader.zhread.states)
            with suppress(ZhreadError):  # quitting: nowhere left to say it
                words.set_states(seen, State.SEEN, only_new=True)

    def _seen_words(
        self, passed: list[tuple[Document, int, int]], states: Mapping[str, State]
    ) -> list[str]:
        found: dict[str, None] = {}
        for document, start, end in passed:
            latest = self.reader.document  # segmented further since, perhaps
            source = latest if latest.text is document.text else document
            found.update(dict.fromkeys(passed_new_words(source, start, end, states)))
        return list(found)

    def _write_seen(
        self, passed: list[tuple[Document, int, int]], states: Mapping[str, State]
    ) -> None:
        app = self.reader.zhread
        words = app.words
        seen = self._seen_words(passed, states)
        if words is None or not seen:
            return
        try:
            words.set_states(seen, State.SEEN, only_new=True)
        except ZhreadError as error:
            app.from_worker(partial(app.notify, title="Not saved", severity="error"), str(error))
            return
        app.from_worker(self._seen_written, seen)

    def _seen_written(self, seen: list[str]) -> None:
        """Only the words still new: a key may have given one a state since."""
        app = self.reader.zhread
        fresh = {word: State.SEEN for word in seen if word not in app.states}
        if fresh:
            app.states = _with(app.states, fresh)
            self.redraw()

    # -- the header and the statistics -----------------------------------------------------

    def count(self) -> StateCount | None:
        """The document's words by state (None: no word store, or the text still being
        segmented). Asked on every status change, a key among them, so it is kept until the
        document or the states (replaced, never mutated) change."""
        reader, app = self.reader, self.reader.zhread
        document, states = reader.document, app.states
        if app.words is None or not reader.segmented or not document.shadow:
            return None
        cached = self._count
        if cached is None or cached[0] is not document or cached[1] is not states:
            cached = self._count = (document, states, self.index().count(states))
        return cached[2]

    def progress(self) -> str:
        """The header's ``known 71% (+2.1) · 38 new``: the share of running words known (the
        ignored counted as known, see :attr:`StateCount.share`), its change in points since
        the text was first counted in this run, and the distinct new words left."""
        count = self.count()
        if count is None or not count.words:
            return ""
        text, share = self.reader.document.text, 100 * count.share
        if self._start is None or self._start[0] is not text:
            self._start = (text, share)
        change = share - self._start[1]
        moved = f" ({change:+.1f})" if abs(change) >= 0.05 else ""
        return f"known {share:.0f}%{moved} · {count.distinct.get(State.NEW, 0):,} new"


def _with(states: Mapping[str, State], changes: Mapping[str, State]) -> dict[str, State]:
    """``states`` with ``changes`` laid over them, a new mapping (NEW is no entry)."""
    merged = {**states, **changes}
    for word, state in changes.items():
        if state is State.NEW:
            del merged[word]
    return merged


def _tinted(tints: StateTints) -> str:
    return {
        StateTints.OFF: "off",
        StateTints.ALL: "new, seen, learning",
        StateTints.NEW_AND_LEARNING: "new, learning",
        StateTints.LEARNING: "learning",
    }[tints]
