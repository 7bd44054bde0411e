"""Reviewing saved words: the FSRS queue, ratings and their history, in the word list's file.

A rating is the one change a learner makes many times a minute, so it is one transaction on
the word list's connection (its lock, its ``synchronous=FULL``): the scheduled card, the
review's log row and the word's learning state, which follows the card's stability, are
saved together or not at all. A rating reported done survives a crash.

The queue leaves out the words the learner set IGNORED (names, words not worth learning):
they keep their cards, so setting them back to any other state puts them in the queue
again. A word marked KNOWN by key stays in the queue: its reviews are what keep it known,
and one it fails is shown as being learnt again.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

import fsrs

from tui.core.errors import ZhreadError
from tui.core.learning.states import State, from_stability
from tui.store.wordlist import WORD_COLUMNS, Word, WordList, decode_card, encode_card, epoch_ms

__all__ = ["DueCard", "Reviews"]

_WORD_COLUMNS = ", ".join(f"words.{column.strip()}" for column in WORD_COLUMNS.split(","))

#: The cards due by ``?`` of the words not ignored: one pass down the due index, which holds
#: each card's state key, so counting them reads no card.
_DUE_NOT_IGNORED = (
    "LEFT JOIN states ON states.word = cards.key WHERE cards.due <= ? AND states.state IS NOT ?"
)
#: Those cards with their words, earliest first (then in the order the words were saved).
_DUE = (
    f"SELECT {_WORD_COLUMNS}, cards.card FROM cards JOIN words ON words.id = cards.word_id "
    f"{_DUE_NOT_IGNORED} ORDER BY cards.due, cards.word_id"
)
_COUNT_DUE = f"SELECT count(*) FROM cards {_DUE_NOT_IGNORED}"


@dataclass(frozen=True, slots=True)
class DueCard:
    """A saved word and its card, as the queue hands it out and a rating returns it."""

    word: Word
    card: fsrs.Card


class Reviews:
    """The review side of a :class:`WordList`: same file, same connection, same lock."""

    def __init__(self, words: WordList, scheduler: fsrs.Scheduler | None = None) -> None:
        self.words = words
        self.scheduler = scheduler if scheduler is not None else fsrs.Scheduler()

    def due(self, now: datetime, limit: int | None = None) -> list[DueCard]:
        """The cards due at or before ``now`` (UTC), earliest due first; at most ``limit``."""
        arguments: tuple[object, ...] = (epoch_ms(_utc(now)), State.IGNORED.value)
        query = _DUE
        if limit is not None:
            query += " LIMIT ?"
            arguments += (limit,)
        with self.words._reading() as conn:
            rows = conn.execute(query, arguments).fetchall()
        return [DueCard(Word(*row[:-1]), decode_card(row[-1])) for row in rows]

    def count_due(self, now: datetime) -> int:
        """How many cards :meth:`due` would give without a limit: the review screen's count."""
        with self.words._reading() as conn:
            count: int = conn.execute(
                _COUNT_DUE, (epoch_ms(_utc(now)), State.IGNORED.value)
            ).fetchone()[0]
        return count

    def rate(
        self, due: DueCard, rating: fsrs.Rating, now: datetime, duration_ms: int | None = None
    ) -> DueCard:
        """Rate a card at ``now`` (UTC): schedule it, log the review and set the word's state
        from the card's new stability, in one transaction.

        The card is read again inside the transaction, so a stale :class:`DueCard` (rated
        twice, or rated in another zhread meanwhile) schedules from what the file holds.
        """
        moment = _utc(now)
        with self.words._writing() as conn:
            row = conn.execute(
                "SELECT cards.word_id, cards.card, cards.key FROM cards "
                "JOIN words ON words.id = cards.word_id WHERE words.hant = ? AND words.hans = ?",
                (due.word.hant, due.word.hans),
            ).fetchone()
            if row is None:
                raise ZhreadError(f"{due.word.hant} is no longer in your word list")
            word_id, stored, key = row
            card, log = self.scheduler.review_card(decode_card(stored), rating, moment, duration_ms)
            conn.execute(
                "UPDATE cards SET due = ?, card = ? WHERE word_id = ?",
                (*encode_card(card), word_id),
            )
            conn.execute(
                "INSERT INTO reviews(word_id, reviewed, rating, duration_ms) VALUES (?, ?, ?, ?)",
                (word_id, log.review_datetime.isoformat(), int(log.rating), log.review_duration),
            )
            state = from_stability(card.stability)
            conn.execute(
                "INSERT INTO states(word, state, updated) VALUES (?, ?, ?) ON CONFLICT(word) "
                "DO UPDATE SET state = excluded.state, updated = excluded.updated",
                (key, state.value, log.review_datetime.isoformat(timespec="seconds")),
            )
        return DueCard(due.word, card)

    def history(self, word: Word) -> list[fsrs.ReviewLog]:
        """Every rating of a saved word, oldest first (empty for a word not saved)."""
        with self.words._reading() as conn:
            rows = conn.execute(
                "SELECT reviews.word_id, rating, reviewed, duration_ms FROM reviews "
                "JOIN words ON words.id = reviews.word_id "
                "WHERE words.hant = ? AND words.hans = ? ORDER BY reviews.id",
                (word.hant, word.hans),
            ).fetchall()
        return [
            fsrs.ReviewLog(
                card_id=word_id,
                rating=fsrs.Rating(rating),
                review_datetime=datetime.fromisoformat(reviewed),
                review_duration=duration,
            )
            for word_id, rating, reviewed, duration in rows
        ]


def _utc(now: datetime) -> datetime:
    """``now`` in UTC, as FSRS wants it; a naive time is refused, as it could be any zone."""
    if now.tzinfo is None or now.utcoffset() is None:
        raise ValueError(f"a review time must be timezone-aware (UTC), not {now.isoformat()}")
    return now.astimezone(UTC)
