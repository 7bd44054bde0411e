"""The review screen, driven with Pilot at fixed times over a real word list: what each side
of a card shows, that every rating is saved before the next card and scheduled as FSRS says,
cloze cards, leaving part-way, the summary, and `R` in the reader.

Words are saved with the real clock (their cards are due from then on), so the reviews
happen at a fixed time after it.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import fsrs
import pytest

from tests.apps import Host, text_app, until
from tui.core.learning.intervals import interval_label
from tui.core.learning.states import State
from tui.screens.review import CardView, ReviewScreen
from tui.store.reviews import Reviews
from tui.store.wordlist import WordList

AT = datetime(2099, 1, 5, 9, 0, tzinfo=UTC)  # a Monday, after any card saved today
SENTENCE = "我今天去銀行存錢。"
SCHEDULER = fsrs.Scheduler(enable_fuzzing=False)  # the intervals exactly as FSRS gives them


class Clock:
    """A clock the test moves by hand."""

    def __init__(self, at: datetime = AT) -> None:
        self.at = at

    def __call__(self) -> datetime:
        return self.at


@pytest.fixture
def words(tmp_path: Path) -> Iterator[WordList]:
    with WordList.open(tmp_path / "words.sqlite3") as opened:
        opened.add("銀行", "银行", "yín háng", "bank; CL:家[jia1]", SENTENCE, "news.txt")
        opened.add("學習", "学习", "xué xí", "to learn; to study", "", "")
        yield opened


def screen_for(words: WordList, clock: Clock | None = None, cloze: bool = False) -> ReviewScreen:
    return ReviewScreen(words, scheduler=SCHEDULER, clock=clock or Clock(), cloze=cloze)


def card(screen: ReviewScreen) -> str:
    return screen.card_view.text.plain


def ratings_line(screen: ReviewScreen) -> str:
    return screen.query_one("#review-ratings", CardView).text.plain


def due_words(words: WordList, at: datetime) -> list[str]:
    return [due.word.hant for due in Reviews(words, SCHEDULER).due(at)]


async def test_the_front_shows_the_word_and_the_back_all_that_was_saved(words) -> None:
    screen = screen_for(words)
    async with Host(screen).run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert card(screen) == "銀行  银行"
        assert "answer" in ratings_line(screen)
        await pilot.press("3")  # no rating before the answer is seen
        assert Reviews(words).history(screen.current.word) == []
        await pilot.press("space")
        back = card(screen)
        for part in ("銀行  银行", "yín háng", "bank\nCL:家[jia1]", SENTENCE, "news.txt"):
            assert part in back
        assert ratings_line(screen) == "1 Again 1m    2 Hard 6m    3 Good 10m    4 Easy 8d"
        assert Reviews(words).history(screen.current.word) == []  # previews save nothing


async def test_the_reading_is_in_tone_colours_and_the_word_marked_in_its_sentence(words) -> None:
    screen = screen_for(words)
    async with Host(screen).run_test(size=(100, 30)) as pilot:
        await pilot.press("enter")
        view = screen.card_view
        drawn = view.render()
        plain = drawn.plain

        def style_at(start: int, end: int) -> set[str]:
            return {str(span.style) for span in drawn.spans if span.start <= start < span.end}

        yin, hang = plain.index("yín"), plain.index("háng")
        assert str(view.style_of("tone-pleco-2")) in style_at(yin, yin + 3)
        assert style_at(yin, yin + 3) == style_at(hang, hang + 4)  # both second tone
        assert view.style_of("tone-pleco-2") != view.style_of("tone-pleco-4")
        word = plain.index("銀行存錢")
        assert str(view.style_of("mark")) in style_at(word, word + 2)
        assert str(view.style_of("mark")) not in style_at(word + 2, word + 3)


async def test_good_is_saved_at_once_and_scheduled_as_fsrs_says(words) -> None:
    screen = screen_for(words)
    async with Host(screen).run_test(size=(100, 30)) as pilot:
        await pilot.press("space", "3")
        assert card(screen) == "學習  学习"  # the next card, after the rating was saved
        log = Reviews(words).history(words.entries()[0])
        assert [(entry.rating, entry.review_datetime) for entry in log] == [(fsrs.Rating.Good, AT)]
    due = AT + SCHEDULER.learning_steps[1]  # a new card rated Good: the second learning step
    assert "銀行" not in due_words(words, AT + timedelta(minutes=5))
    assert "銀行" in due_words(words, due)
    assert "銀行" not in due_words(words, due - timedelta(seconds=1))


async def test_again_brings_the_card_back_in_the_same_review(words) -> None:
    clock = Clock()
    screen = screen_for(words, clock)
    async with Host(screen).run_test(size=(100, 30)) as pilot:
        await pilot.press("space", "1")
        assert "銀行" in due_words(words, AT + SCHEDULER.learning_steps[0])
        await pilot.press("space", "4")  # 學習: Easy, days away
        assert "學習" not in due_words(words, AT + timedelta(days=1))
        assert card(screen) == "銀行  银行"  # due in a minute: nothing else is, so now
        clock.at = AT + timedelta(minutes=2)
        await pilot.press("space", "3")  # the next step is ten minutes away: again now
        assert card(screen) == "銀行  银行"
        await pilot.press("space", "4")
        history = Reviews(words).history(words.entries()[0])
        ratings = [fsrs.Rating.Again, fsrs.Rating.Good, fsrs.Rating.Easy]
        assert [entry.rating for entry in history] == ratings
        assert history[-1].review_datetime == clock.at
        assert card(screen).startswith("4 cards reviewed")  # nothing due within minutes


async def test_escape_ends_with_a_summary_and_a_second_escape_closes(words) -> None:
    host = Host(screen_for(words))
    async with host.run_test(size=(100, 30)) as pilot:
        screen = host.pushed
        await pilot.press("space", "3", "escape")
        summary = card(screen)
        assert summary.startswith("1 card reviewed")
        assert "Again 0    Hard 0    Good 1    Easy 0" in summary
        assert "The next card is due now." in summary  # 學習, not reviewed
        await pilot.press("1", "space")  # nothing to rate or turn over now
        assert Reviews(words).history(words.entries()[1]) == []
        await pilot.press("escape")
        await pilot.pause()
        assert host.screen is not screen
        assert host.closed_with is not None and host.closed_with.reviewed == 1


async def test_q_closes_at_once_keeping_every_rating(words) -> None:
    host = Host(screen_for(words))
    async with host.run_test(size=(100, 30)) as pilot:
        await pilot.press("space", "2", "space", "q")
        await pilot.pause()
        assert host.screen is not host.pushed
    assert [e.rating for e in Reviews(words).history(words.entries()[0])] == [fsrs.Rating.Hard]
    assert Reviews(words).history(words.entries()[1]) == []  # turned over, never rated
    assert due_words(words, AT) == ["學習"]


async def test_cloze_blanks_the_word_in_its_sentence_or_shows_the_word(words) -> None:
    words.add("長期", "长期", "cháng qī", "long term", "這是短期計劃。")  # not in its sentence
    screen = screen_for(words, cloze=True)
    async with Host(screen).run_test(size=(100, 30)) as pilot:
        assert card(screen) == "我今天去＿＿存錢。"
        await pilot.press("space")
        assert "銀行  银行" in card(screen) and "我今天去銀行存錢。" in card(screen)
        await pilot.press("3")
        assert card(screen) == "學習  学习"  # no sentence: the word
        await pilot.press("space", "3")
        assert card(screen) == "長期  长期"  # a sentence without the word: the word
        await pilot.press("c")
        assert not screen.cloze and card(screen) == "長期  长期"


async def test_c_switches_to_cloze_during_the_review(words) -> None:
    screen = screen_for(words)
    async with Host(screen).run_test(size=(100, 30)) as pilot:
        await pilot.press("c")
        assert card(screen) == "我今天去＿＿存錢。"
        assert "cloze" in str(screen.query_one("#review-title").render())


async def test_nothing_due_says_when_the_next_card_is(words) -> None:
    reviews = Reviews(words, SCHEDULER)
    for due in reviews.due(AT):
        reviews.rate(due, fsrs.Rating.Easy, AT)
    screen = screen_for(words)
    async with Host(screen).run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        text = card(screen)
        assert text.startswith("Nothing to review now.")
        assert "The next card is due in 8 days" in text


async def test_no_saved_words_says_how_to_save_one(tmp_path: Path) -> None:
    with WordList.open(tmp_path / "empty.sqlite3") as empty:
        screen = screen_for(empty)
        async with Host(screen).run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            assert card(screen).startswith("No saved words yet.")
            assert "Press a on a word in the reader" in card(screen)


async def test_words_that_look_like_markup_are_shown_as_written(tmp_path: Path) -> None:
    with WordList.open(tmp_path / "odd.sqlite3") as odd:
        odd.add("[b]字", "[b]字", "zì", "[red]character[/red]", "一個[b]字。")
        screen = screen_for(odd)
        async with Host(screen).run_test(size=(100, 30)) as pilot:
            await pilot.press("space")
            assert card(screen) == "[b]字\nzì\n\n[red]character[/red]\n\n一個[b]字。"


async def test_r_in_the_reader_opens_the_review_and_the_reader_comes_back() -> None:
    with WordList.open() as saved:
        saved.add("銀行", "银行", "yín háng", "bank", "我去銀行。", "<test>")
    app = text_app("我去銀行。")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("R")
        await until(pilot, lambda: isinstance(app.screen, ReviewScreen), "the review")
        review = app.screen
        assert isinstance(review, ReviewScreen)
        assert card(review) == "銀行  银行"
        assert app.states.get("银行") is State.LEARNING_1  # saved: being learnt
        await pilot.press("space", "4", "q")
        await until(pilot, lambda: app.screen is app.reader, "the reader back")
        assert app.states.get("银行") is State.LEARNING_3  # Easy: a week's stability
    with WordList.open() as saved:
        assert len(Reviews(saved).history(saved.entries()[0])) == 1
        assert saved.states()["银行"] is State.LEARNING_3


async def test_every_part_of_a_card_reads_in_every_theme(words) -> None:
    """Each style the card uses, tone colours included, reaches AA contrast on the box in
    every theme with colours of its own (an ANSI theme's are the terminal's)."""
    from tui.contrast import AA, contrast
    from tui.themes import THEMES

    host = Host(screen_for(words))
    async with host.run_test(size=(100, 30)) as pilot:
        for theme in THEMES:
            host.register_theme(theme)
        view = host.pushed.card_view
        names = [c.removeprefix("review--") for c in sorted(CardView.COMPONENT_CLASSES)]
        poor = []
        for theme in sorted(t for t in host.available_themes if not t.startswith("ansi")):
            host.theme = theme
            await pilot.pause()
            box = host.pushed.query_one("#review-box").styles.background
            for name in names:
                colour = view.style_of(name).color
                if colour is not None and colour.triplet is not None:
                    ratio = contrast(tuple(colour.triplet), (box.r, box.g, box.b))
                    if ratio < AA:
                        poor.append(f"{theme} {name} {ratio:.1f}")
        assert poor == []


def test_intervals_read_as_anki_writes_them() -> None:
    labels = [
        interval_label(timedelta(seconds=30)),
        interval_label(timedelta(minutes=10)),
        interval_label(timedelta(hours=5)),
        interval_label(timedelta(days=8)),
        interval_label(timedelta(days=75)),
        interval_label(timedelta(days=90)),
        interval_label(timedelta(days=548)),
    ]
    assert labels == ["<1m", "10m", "5h", "8d", "2.5mo", "3mo", "1.5y"]
