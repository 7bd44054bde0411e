"""The review of saved words: one card at a time, scheduled by FSRS.

A card shows the word (or, in cloze mode, the sentence it was saved from with the word
blanked); a key turns it over to the reading in tone colours, the definitions and the
sentence with the word marked; 1-4 rate it, each with the interval it would give beside it,
worked out on a copy of the card so that nothing is saved until a key is pressed. Every
rating is committed (:meth:`tui.store.reviews.Reviews.rate`) before the next card shows, so
the review can be left at any moment, or the terminal closed, and nothing rated is lost.

The clock and the scheduler are given, so a whole review can be driven at fixed times; a card
rated Again comes back in the same review once nothing else is due (Anki's learn-ahead), as
its next step is minutes away.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import fsrs
from rich.style import Style
from rich.text import Text
from textual.app import ComposeResult
from textual.color import Color
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Footer, Static

from tui.contrast import readable, views
from tui.core.errors import ZhreadError
from tui.core.text.sanitize import visible
from tui.keys import textual_bindings
from tui.screens.reviewcards import (
    RATINGS,
    StyleOf,
    Summary,
    answer_hint,
    back,
    closing_hint,
    find_word,
    front_of,
    rating_bar,
    sentence_of,
    summary_page,
)
from tui.store.reviews import DueCard, Reviews
from tui.store.settings import Tones
from tui.store.wordlist import Word, WordList

__all__ = ["LEARN_AHEAD", "CardView", "ReviewScreen"]

#: How far ahead a card rated in this review is shown again once nothing else is due: its
#: learning steps are minutes, and waiting them out at an empty screen helps no one.
LEARN_AHEAD = timedelta(minutes=20)

#: Far enough ahead that every card is due by then: FSRS's longest interval is 100 years.
_EVER = timedelta(days=40_000)


class CardView(Widget):
    """One page of the review (a card's front or back, or the summary), drawn with the theme's
    styles each time it renders, so a change of theme recolours it."""

    COMPONENT_CLASSES = {
        "review--word",
        "review--mark",
        "review--blank",
        "review--muted",
        *(f"review--{name}" for _, name in RATINGS),
        *(f"review--tone-{scheme}-{tone}" for scheme in Tones.actives() for tone in range(1, 6)),
    }

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._page: Callable[[StyleOf], Text] = lambda style: Text()

    def show(self, page: Callable[[StyleOf], Text]) -> None:
        self._page = page
        self.refresh(layout=True)

    def style_of(self, name: str) -> Style:
        """A component's style, its colour made readable on the box (as the article's are):
        a theme's tone colours are chosen for its background, and the box is its surface."""
        component = f"review--{name}"
        style = self.get_component_rich_style(component, partial=True)
        styles = self.get_component_styles(component)
        if not styles.has_rule("color"):
            return style
        under, text = self.background_colors[1], styles.color
        if text.ansi is not None:
            return style  # one of the terminal's own colours: not ours to change
        below = self._rgb(under)
        readable_text = readable(_rgb(Color(*below) + text), below, views(self.app.no_color))
        return style + Style(color=Color(*readable_text).rich_color)

    def _rgb(self, colour: Color) -> tuple[int, int, int]:
        """A colour as RGB; one of the terminal's own as Textual's reference palette has it."""
        if colour.ansi is None:
            return _rgb(colour)
        red, green, blue = colour.rich_color.get_truecolor(self.app.ansi_theme, foreground=False)
        return red, green, blue

    def render(self) -> Text:
        return self._page(self.style_of)

    @property
    def text(self) -> Text:
        """What the page says (for tests and the plain-text record)."""
        return self._page(lambda name: Style())


class ReviewScreen(ModalScreen[Summary]):
    """Due cards one by one: space shows the answer, 1-4 rate it; Esc ends with a summary,
    q closes at once. Dismissed with the :class:`Summary` of what was rated."""

    BINDINGS = textual_bindings("review")

    def __init__(
        self,
        words: WordList,
        *,
        scheduler: fsrs.Scheduler | None = None,
        clock: Callable[[], datetime] | None = None,
        cloze: bool = False,
        tones: str | None = None,
    ) -> None:
        """``scheduler``: the store's by default; ``clock`` gives the time of each rating
        (aware UTC; now by default); ``tones`` is the tone colour scheme of the reading (one
        of :class:`Tones`; Pleco's when off: colours are what the reading is for here)."""
        super().__init__()
        self.words = words
        self.reviews = Reviews(words, scheduler)
        self.scheduler = self.reviews.scheduler
        self.clock = clock if clock is not None else _utc_now
        self.cloze = cloze
        scheme = Tones.of(tones)
        self.tones = (Tones.PLECO if scheme is Tones.OFF else scheme).value
        self.summary = Summary()
        self.current: DueCard | None = None
        self.answered = False  # the back of the current card is showing
        self.finished = False  # the summary (or the empty queue) is showing
        self._shown_at: datetime | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="review-box"):
            yield Static(id="review-title")
            yield CardView(id="review-card")
            yield CardView(id="review-ratings")
        yield Footer()

    def on_mount(self) -> None:
        self._next()

    @property
    def card_view(self) -> CardView:
        return self.query_one("#review-card", CardView)

    # -- the queue -----------------------------------------------------------------------------

    def _next(self) -> None:
        """The next card due (a card rated in this review, once it is nearly due, when
        nothing else is), or the summary."""
        now = self.clock()
        try:
            due = self.reviews.due(now, limit=1) or self.reviews.due(now + LEARN_AHEAD, limit=1)
        except ZhreadError as error:
            self._failed(str(error))
            self._finish()
            return
        if not due:
            self._finish()
            return
        self.current, self.answered, self._shown_at = due[0], False, now
        self._draw()

    def _draw(self) -> None:
        current = self.current
        assert current is not None
        front = self._cloze_of(current.word) if self.cloze else None
        if self.answered:
            self.card_view.show(lambda style: back(current.word, self.tones, style))
            self._show_ratings(current)
        else:
            self.card_view.show(lambda style: front_of(current.word, front, style))
            self.query_one("#review-ratings", CardView).show(answer_hint)
        self._title()
        self.refresh_bindings()

    def _cloze_of(self, word: Word) -> tuple[str, int, int] | None:
        """The sentence and where the word is in it; None (the word is shown) without one."""
        sentence = sentence_of(word)
        found = find_word(word, sentence)
        return None if found is None else (sentence, *found)

    def _show_ratings(self, current: DueCard) -> None:
        intervals = self.intervals(current)
        self.query_one("#review-ratings", CardView).show(lambda style: rating_bar(intervals, style))

    def intervals(self, current: DueCard) -> dict[fsrs.Rating, timedelta]:
        """What each rating would give, from the scheduler on a copy of the card (FSRS
        copies it) and without its fuzz, so nothing changes until a key is pressed."""
        now = self.clock()
        preview = fsrs.Scheduler.from_dict(self.scheduler.to_dict())
        preview.enable_fuzzing = False
        return {
            rating: preview.review_card(current.card, rating, now)[0].due - now
            for rating, _ in RATINGS
        }

    def _title(self) -> None:
        title = Text("Review", style="bold")
        if self.cloze:
            title.append("  ·  cloze", style="bold")
        try:
            left = self.reviews.count_due(self.clock() + LEARN_AHEAD)
        except ZhreadError:
            left = 0
        title.append(f"  ·  {left} to go  ·  {self.summary.reviewed} reviewed", style="dim")
        self.query_one("#review-title", Static).update(title)

    # -- keys ----------------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Ratings only once the answer shows; nothing but closing once the review is over."""
        if action == "rate":
            return self.answered and not self.finished
        if action == "show":
            return self.current is not None and not self.answered
        if action == "toggle_cloze":
            return not self.finished
        return True

    def action_show(self) -> None:
        if self.current is not None and not self.answered:
            self.answered = True
            self._draw()

    def action_rate(self, number: int) -> None:
        """Commit the rating, then the next card: a rating that cannot be saved is said and
        the card stays, to be rated again."""
        current = self.current
        if current is None or not self.answered:
            return
        rating = fsrs.Rating(number)
        now = self.clock()
        took = int((now - self._shown_at).total_seconds() * 1000) if self._shown_at else None
        try:
            self.reviews.rate(current, rating, now, took)
        except ZhreadError as error:
            self._failed(str(error))
            return
        self.summary.ratings[rating] += 1
        self._next()

    def action_toggle_cloze(self) -> None:
        self.cloze = not self.cloze
        if self.current is not None:
            self._draw()
        self.app.notify("Cloze: the sentence first" if self.cloze else "The word first", timeout=2)

    def action_finish(self) -> None:
        """Esc: the summary; a second Esc, from the summary, closes."""
        if self.finished:
            self.dismiss(self.summary)
        else:
            self._finish()

    def action_close(self) -> None:
        self.dismiss(self.summary)

    def _finish(self) -> None:
        self.current, self.answered, self.finished = None, False, True
        page = self._closing_page()
        self.card_view.show(page)
        self.query_one("#review-ratings", CardView).show(closing_hint)
        self._title()
        self.refresh_bindings()

    def _closing_page(self) -> Callable[[StyleOf], Text]:
        """The summary of this review, or why there is nothing to review."""
        now = self.clock()
        try:
            saved = len(self.words)
            upcoming = self.reviews.due(now + _EVER, limit=1)
        except ZhreadError as error:
            message = str(error)
            return lambda style: Text(visible(message), style=style("muted"))
        next_due = upcoming[0].card.due if upcoming else None
        summary = self.summary
        return lambda style: summary_page(summary, saved, next_due, now, style)

    def _failed(self, message: str) -> None:
        self.app.notify(message, title="Review", severity="error", timeout=8, markup=False)


def _rgb(colour: Color) -> tuple[int, int, int]:
    return colour.r, colour.g, colour.b


def _utc_now() -> datetime:
    return datetime.now(UTC)
