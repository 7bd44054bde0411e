"""The glossary pane: the terms this document uses, with counts, and the candidates it offers.

Terms come in order of first use, as a reader meets them. Choosing one jumps to its first use
and makes its uses the current search (``n``/``N``); ``+`` on a candidate (a Chinese term the
text itself glosses in parentheses) adds it to the user's own glossary.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, TypeVar

from rich.text import Text
from textual.binding import Binding
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from tui.core.sanitize import visible

if TYPE_CHECKING:  # the glossary modules load in the worker, after the first frame
    from tui.core.align import RegionalWord
    from tui.core.candidates import Candidate
    from tui.core.gloss_report import TermUse

T = TypeVar("T")


class TermsPane(OptionList):
    """An option list of :class:`TermUse` rows, then :class:`Candidate` rows."""

    BINDINGS = [
        Binding("plus,equals_sign", "add_candidate", "Add to my glossary", id="add-candidate"),
        Binding("escape", "leave", "Back to article", id="leave-terms"),
    ]

    class TermChosen(Message):
        """The reader picked a term: jump to it and search its uses."""

        def __init__(self, use: TermUse) -> None:
            super().__init__()
            self.use = use

    class CandidateChosen(Message):
        """The reader picked a candidate: jump to it (``add`` is True to save it as well)."""

        def __init__(self, candidate: Candidate, add: bool) -> None:
            super().__init__()
            self.candidate = candidate
            self.add = add

    class RegionalChosen(Message):
        """The reader picked a regional word: jump to it and search its uses."""

        def __init__(self, word: RegionalWord) -> None:
            super().__init__()
            self.word = word

    class Leave(Message):
        """Give the keyboard back to the article."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.uses: list[TermUse] = []
        self.candidates: list[Candidate] = []
        self.regional: list[RegionalWord] = []
        self._shown = False  # rows were set at least once

    def show(
        self,
        uses: Sequence[TermUse] | None = None,
        candidates: Sequence[Candidate] | None = None,
        regional: Sequence[RegionalWord] | None = None,
    ) -> None:
        """Replace the rows of the sections given, keeping the highlighted row where it was."""
        highlighted = self.highlighted
        rows = (
            self.uses if uses is None else list(uses),
            self.candidates if candidates is None else [
                c for c in candidates if c.known_id is None],
            self.regional if regional is None else list(regional),
        )
        if self._shown and rows == (self.uses, self.candidates, self.regional):
            return  # the segmenter's steps mostly find nothing new: no layout for nothing
        self.uses, self.candidates, self.regional = rows
        self._shown = True
        options: list[Option | None] = [
            Option(_term_row(use), id=f"term-{i}") for i, use in enumerate(self.uses)
        ]
        options += _section("Candidates  (+ adds to my glossary)", "cand", self.candidates,
                            _candidate_row)
        options += _section("Regional words", "regional", self.regional, _regional_row)
        self.set_options(options)
        self.border_title = f"Terms {len(self.uses)}"
        if highlighted is not None and highlighted < self.option_count:
            self.highlighted = highlighted

    def _chosen(self) -> tuple[str, int] | None:
        """(section, index) of the highlighted row: "term", "cand" or "regional"."""
        option = self.highlighted_option
        if option is None or option.id is None:
            return None
        kind, _, number = option.id.partition("-")
        return kind, int(number)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        chosen = self._chosen()
        if chosen and chosen[0] == "cand":
            self.post_message(self.CandidateChosen(self.candidates[chosen[1]], add=False))
        elif chosen and chosen[0] == "regional":
            self.post_message(self.RegionalChosen(self.regional[chosen[1]]))
        elif chosen:
            self.post_message(self.TermChosen(self.uses[chosen[1]]))

    def action_add_candidate(self) -> None:
        chosen = self._chosen()
        if chosen and chosen[0] == "cand":
            self.post_message(self.CandidateChosen(self.candidates[chosen[1]], add=True))
        else:
            self.app.bell()

    def action_leave(self) -> None:
        self.post_message(self.Leave())


def _section(title: str, kind: str, items: Sequence[T], row: Callable[[T], Text]) -> list[Option | None]:
    """A titled block of rows after a divider, or nothing when there are no items."""
    if not items:
        return []
    return [None, Option(Text(title, style="dim"), disabled=True)] + [
        Option(row(item), id=f"{kind}-{i}") for i, item in enumerate(items)
    ]


def _regional_row(word: RegionalWord) -> Text:
    row = Text(no_wrap=True, overflow="ellipsis")
    row.append(visible(word.original), style="bold")
    row.append(" → ")
    row.append(visible(word.converted), style="bold")
    row.append(f" ×{len(word.occurrences)}", style="dim")
    return row


def _term_row(use: TermUse) -> Text:
    row = Text(no_wrap=True, overflow="ellipsis")
    row.append(visible(use.entry.hant), style="bold")
    row.append(f" ×{use.count} ", style="dim")
    row.append(visible(use.entry.en))
    return row


def _candidate_row(candidate: Candidate) -> Text:
    row = Text(no_wrap=True, overflow="ellipsis")
    row.append(visible(candidate.term), style="bold")
    row.append(f" ×{candidate.count} ", style="dim")
    row.append(visible(candidate.english), style="italic")
    return row
