"""Where a learner stands with each word: the states LingQ and Lute use, as zhread keeps them.

A word no one has marked is ``new``; moving past it can make it ``seen``; the learner sets
``learning1``..``learning4``, ``known`` or ``ignored`` (names, numbers, anything not worth
learning) by key. Once a word is reviewed, its state follows how long the memory is expected
to last (FSRS's stability), so the tints in the reader show what review has taught.

The values are the strings stored in the word store: readable in the SQLite file, and stable
across releases.
"""

from __future__ import annotations

from enum import StrEnum

__all__ = ["KEY_STATES", "State", "from_stability"]


class State(StrEnum):
    NEW = "new"
    SEEN = "seen"
    LEARNING_1 = "learning1"
    LEARNING_2 = "learning2"
    LEARNING_3 = "learning3"
    LEARNING_4 = "learning4"
    KNOWN = "known"
    IGNORED = "ignored"

    @property
    def label(self) -> str:
        """As the reader shows it: "learning 2", "known"."""
        return self.value.replace("learning", "learning ")

    @property
    def learning(self) -> bool:
        return self in _LEARNING

    @property
    def counts_known(self) -> bool:
        """Known for the header's share: a word learnt, or one set aside as not to learn
        (a name) is not one the reader is stuck on."""
        return self in (State.KNOWN, State.IGNORED)


_LEARNING = (State.LEARNING_1, State.LEARNING_2, State.LEARNING_3, State.LEARNING_4)

#: What the digit keys set.
KEY_STATES: dict[str, State] = {
    "1": State.LEARNING_1,
    "2": State.LEARNING_2,
    "3": State.LEARNING_3,
    "4": State.LEARNING_4,
    "5": State.KNOWN,
}

#: Days of FSRS stability (the interval at which recall falls to 90%) from which a reviewed
#: word is in each state: under three days it is new to memory; from two months on, a word
#: recalled at 90% after two months is one the learner knows.
_STABILITY_DAYS: tuple[tuple[float, State], ...] = (
    (60.0, State.KNOWN),
    (21.0, State.LEARNING_4),
    (7.0, State.LEARNING_3),
    (3.0, State.LEARNING_2),
)


def from_stability(stability_days: float | None) -> State:
    """The learning state a reviewed word is in, by its FSRS stability in days."""
    if stability_days is None:
        return State.LEARNING_1
    for floor, state in _STABILITY_DAYS:
        if stability_days >= floor:
            return state
    return State.LEARNING_1
