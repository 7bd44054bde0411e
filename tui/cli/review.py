"""``zhread review``: the review of saved words, in the terminal, without a document.

The word list is read here first, so that a list with nothing in it, or nothing due yet, is
answered in a line without opening the interface; otherwise the app starts on the review and
ends when it closes.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from tui.cli.options import command_parser
from tui.core.errors import ZhreadError

if TYPE_CHECKING:  # the app loads only when there is something to review
    from tui.app import ZhreadApp

SUMMARY = "review your saved words (FSRS), in the terminal"

#: What the reader shows behind the review: nothing (the review covers it).
_SOURCE = "<review>"


def parser() -> argparse.ArgumentParser:
    built = command_parser(
        "zhread review",
        "Review the words you saved in the reader (`a` on a word): each card shows the\n"
        "word, space shows its reading, definitions and the sentence it came from, and 1-4\n"
        "rate it (Again, Hard, Good, Easy). FSRS schedules the next review; every rating is\n"
        "saved at once, so Esc (a summary) or q (at once) may end the review at any card.",
        "examples:\n  zhread review\n  zhread review --cloze",
    )
    built.add_argument(
        "--cloze",
        action="store_true",
        help="show the sentence with the word blanked first (c switches during the review)",
    )
    return built


def run(args: argparse.Namespace) -> int:
    waiting = _waiting()
    if waiting is not None:
        print(waiting)
        return 0
    from tui.cli import reader

    return reader._run(review_app(cloze=args.cloze))  # as the reader runs: same exit


def review_app(cloze: bool = False) -> ZhreadApp:
    """The app, opening on the review and ending when it closes."""
    from tui.app import ZhreadApp

    app = ZhreadApp("", _SOURCE)
    app.review_on_start(cloze)
    return app


def _waiting() -> str | None:
    """Why there is nothing to review (no saved words, none due yet), or None: review.

    A list that cannot be read, or one found damaged and moved aside, is an error."""
    from datetime import UTC, datetime, timedelta

    from tui.core.learning.intervals import when
    from tui.store.reviews import Reviews
    from tui.store.wordlist import WordList

    now = datetime.now(UTC)
    with WordList.open() as words:
        if words.note:
            raise ZhreadError(words.note)
        if not len(words):
            return (
                "No saved words yet: press a on a word in the reader to save it "
                f"(your word list is kept in {words.path})."
            )
        reviews = Reviews(words)
        if reviews.count_due(now):
            return None
        upcoming = reviews.due(now + timedelta(days=40_000), limit=1)
    if not upcoming:  # every saved word set aside as not to learn
        return "Nothing to review: every saved word is marked ignored."
    return f"Nothing to review now: the next card is due {when(upcoming[0].card.due, now)}."
