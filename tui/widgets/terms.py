"""The glossary pane: the terms this document uses, with counts, and the candidates it offers.

Terms come in order of first use, as a reader meets them. Choosing one jumps to its first use
and makes its uses the current search (``n``/``N``); ``+`` on a candidate (a term the text
glosses in parentheses, an acronym or a noun it repeats that no layer knows) adds it to the
user's own glossary, with the dictionary's English where the text gives none.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, TypeVar

from rich.text import Text
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from tui.core.text.sanitize import visible
from tui.keys import textual_bindings

if TYPE_CHECKING:  # the glossary modules load in the worker, after the first frame
    from tui.core.compare.align import RegionalWord
    from tui.core.glossary.candidates import Candidate
    from tui.core.glossary.gloss_report import TermUse

T = TypeVar("T")


class TermsPane(OptionList):
    """An option list of :class:`TermUse` rows, then :class:`Candidate` rows."""

    BINDINGS = textual_bindings("terms")

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
        self.suggested: list[RegionalWord] = []
        self._shown = False  # rows were set at least once

    def show(
        self,
        uses: Sequence[TermUse] | None = None,
        candidates: Sequence[Candidate] | None = None,
        regional: Sequence[RegionalWord] | None = None,
        suggested: Sequence[RegionalWord] | None = None,
    ) -> None:
        """Replace the rows of the sections given, keeping the highlighted row where it was.
        ``suggested`` (rewrites OpenCC proposes that are not known regional words) comes
        with ``regional``: regional words given without it clear the suggestions."""
        highlighted = self.highlighted
        if regional is not None and suggested is None:
            suggested = ()
        rows = (
            self.uses if uses is None else list(uses),
            self.candidates
            if candidates is None
            else [c for c in candidates if c.known_id is None],
            self.regional if regional is None else list(regional),
            self.suggested if suggested is None else list(suggested),
        )
        if self._shown and rows == (self.uses, self.candidates, self.regional, self.suggested):
            return  # the segmenter's steps mostly find nothing new: no layout for nothing
        self.uses, self.candidates, self.regional, self.suggested = rows
        self._shown = True
        options: list[Option | None] = [
            Option(_term_row(use), id=f"term-{i}") for i, use in enumerate(self.uses)
        ]
        options += _section(
            "Candidates  (+ adds to my glossary)", "cand", self.candidates, _candidate_row
        )
        options += _section("Regional words", "regional", self.regional, _regional_row)
        # not known to differ between the regions: OpenCC's proposal, labelled as such
        options += _section(
            "OpenCC suggests (not verified)", "suggest", self.suggested, _regional_row
        )
        self.set_options(options)
        self.border_title = f"Terms {len(self.uses)}"
        if highlighted is not None and highlighted < self.option_count:
            self.highlighted = highlighted

    def enter(self, offset: int | None) -> None:
        """Take the keyboard with a row highlighted, so that the first key already moves or
        chooses: the term used nearest ``offset`` (the article's cursor), else the first row."""
        nearest = (
            min(
                (
                    (
                        min(
                            max(start - offset, offset - end + 1, 0)
                            for start, end in use.occurrences
                        ),
                        i,
                    )
                    for i, use in enumerate(self.uses)
                    if use.occurrences
                ),
                default=None,
            )
            if offset is not None
            else None
        )
        if nearest is not None:
            self.highlighted = self.get_option_index(f"term-{nearest[1]}")
        elif self.highlighted is None:
            self.action_first()
        self.focus()
        self.scroll_to_highlight()

    def _chosen(self) -> tuple[str, int] | None:
        """(section, index) of the highlighted row: "term", "cand", "regional" or "suggest"."""
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
        elif chosen and chosen[0] == "suggest":
            self.post_message(self.RegionalChosen(self.suggested[chosen[1]]))
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


def _section(
    title: str, kind: str, items: Sequence[T], row: Callable[[T], Text]
) -> list[Option | None]:
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
    """The term as the text writes it, the glossary's other words for it beside it (晶片 by
    芯片; the same word in the other script is left to the sidebar), count and English."""
    row = Text(no_wrap=True, overflow="ellipsis")
    row.append(visible(use.headword), style="bold")
    for word in use.other_words:
        row.append(" " + visible(word))
    row.append(f" ×{use.count} ", style="dim")
    row.append(visible(use.entry.en))
    return row


def _candidate_row(candidate: Candidate) -> Text:
    row = Text(no_wrap=True, overflow="ellipsis")
    row.append(visible(candidate.term), style="bold")
    row.append(f" ×{candidate.count} ", style="dim")
    if candidate.english:
        row.append(visible(candidate.english), style="italic")
    else:  # an acronym or a repeated word: the words around it say what it is
        row.append(f"…{visible(candidate.context)}…", style="dim")
    return row
