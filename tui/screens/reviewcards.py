"""What a review card shows: its front (the word, or the sentence with the word blanked),
its back (reading in tone colours, definitions, the sentence with the word marked), the
rating keys with their intervals, and the summary. Each page is a Rich ``Text`` built from
the word's fields as data, never parsed as markup; ``style`` gives the theme's style of each
part, so a change of theme recolours a page."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

import fsrs
from rich.cells import cell_len
from rich.style import Style
from rich.text import Text

from tui.core.learning.intervals import interval_label, when
from tui.core.plurals import plural
from tui.core.readings.reading import numbered
from tui.core.text.sanitize import visible
from tui.store.wordlist import Word

__all__ = [
    "RATINGS",
    "StyleOf",
    "Summary",
    "answer_hint",
    "back",
    "closing_hint",
    "find_word",
    "front_of",
    "rating_bar",
    "sentence_of",
    "summary_page",
]

#: The ratings in key order, with the style each is drawn in.
RATINGS: tuple[tuple[fsrs.Rating, str], ...] = (
    (fsrs.Rating.Again, "again"),
    (fsrs.Rating.Hard, "hard"),
    (fsrs.Rating.Good, "good"),
    (fsrs.Rating.Easy, "easy"),
)

_BLANK = "＿"  # a blank as wide as each character it hides: the sentence keeps its shape

StyleOf = Callable[[str], Style]


@dataclass
class Summary:
    """What one review did: how many cards were rated, and how."""

    ratings: Counter[fsrs.Rating] = field(default_factory=Counter)

    @property
    def reviewed(self) -> int:
        return sum(self.ratings.values())


def names(word: Word) -> str:
    """The word in both scripts when they differ, Traditional first as in the word list."""
    return visible(word.hant if word.hant == word.hans else f"{word.hant}  {word.hans}")


def sentence_of(word: Word) -> str:
    """The sentence the word was saved from, on one line, as it is shown."""
    return visible(" ".join(word.sentence.split()))


def find_word(word: Word, sentence: str) -> tuple[int, int] | None:
    """Where the word is in ``sentence`` (either script), or None: no sentence, or one
    that does not contain it (edited, or saved from another form)."""
    for form in (word.hant, word.hans):
        at = sentence.find(form) if form else -1
        if at >= 0:
            return at, at + len(form)
    return None


def front_of(word: Word, cloze: tuple[str, int, int] | None, style: StyleOf) -> Text:
    """The word; in cloze mode the sentence with the word blanked, if it has one."""
    if cloze is None:
        return Text(names(word), style=style("word"))
    sentence, start, end = cloze
    text = Text(sentence[:start])
    blank = "".join(_BLANK if cell_len(ch) == 2 else "_" for ch in sentence[start:end])
    text.append(blank, style=style("blank"))
    text.append(sentence[end:])
    return text


def back(word: Word, tones: str, style: StyleOf) -> Text:
    """The word, its reading in tone colours, the definitions, the sentence with the word
    marked and where it came from."""
    text = Text(names(word), style=style("word"))
    syllables = word.pinyin.split()
    if syllables:
        text.append("\n")
        for number, syllable in enumerate(syllables):
            text.append(" " if number else "")
            text.append(visible(syllable), style=style(f"tone-{tones}-{_tone(syllable)}"))
    definitions = [d.strip() for d in word.definition.split(";") if d.strip()]
    if definitions:
        text.append("\n\n")
        text.append("\n".join(visible(d) for d in definitions))
    if sentence_of(word):
        text.append("\n\n")
        text.append_text(marked_sentence(word, style))
    if word.source:
        text.append(f"\n{visible(word.source)}", style=style("muted"))
    return text


def marked_sentence(word: Word, style: StyleOf) -> Text:
    sentence = sentence_of(word)
    text = Text(sentence)
    found = find_word(word, sentence)
    if found is not None:
        text.stylize(style("mark"), *found)
    return text


def _tone(syllable: str) -> str:
    """A syllable's tone digit, 5 for the neutral tone or one the reading does not give."""
    last = numbered(syllable)[-1:]
    return last if last and last in "12345" else "5"


def rating_bar(intervals: dict[fsrs.Rating, timedelta], style: StyleOf) -> Text:
    """``1 Again <1m   2 Hard 6m   3 Good 10m   4 Easy 8d``, each in its colour."""
    text = Text()
    for number, (rating, name) in enumerate(RATINGS, start=1):
        text.append("    " if number > 1 else "")
        text.append(f"{number} {name.capitalize()}", style=style(name))
        text.append(f" {interval_label(intervals[rating])}", style=style("muted"))
    return text


def answer_hint(style: StyleOf) -> Text:
    return Text("space or enter shows the answer", style=style("muted"))


def closing_hint(style: StyleOf) -> Text:
    return Text("Esc or q closes", style=style("muted"))


def summary_page(
    summary: Summary, saved: int, next_due: datetime | None, now: datetime, style: StyleOf
) -> Text:
    """What was reviewed and when the next card is due; with nothing reviewed, why."""
    if not saved:
        text = Text("No saved words yet.\n\n", style=style("word"))
        text.append("Press a on a word in the reader to save it; it is due for review at once.")
        return text
    if summary.reviewed:
        text = Text(f"{plural(summary.reviewed, 'card')} reviewed\n\n", style=style("word"))
        for number, (rating, name) in enumerate(RATINGS):
            text.append("    " if number else "")
            text.append(f"{name.capitalize()} {summary.ratings[rating]}", style=style(name))
        text.append("\n\n")
    else:
        text = Text("Nothing to review now.\n\n", style=style("word"))
    if next_due is not None:
        text.append(f"The next card is due {when(next_due, now)}.")
    return text
