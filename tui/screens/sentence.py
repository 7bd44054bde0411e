"""The sentence view: one sentence of the article, word by word, opened by Enter.

The sentence heads the view with its HSK level and what that level means for it (see
:mod:`tui.core.queries.sentence_level`); under it a table gives each Han word in order with
its reading in context, a short English gloss and its own level, so that a hard sentence
can be taken apart before it is read again. ``a`` saves the highlighted word with this
sentence as its example, as the reader's ``a`` does.

The view only shows: the reader works the sentence out (:mod:`tui.reader.sentences`) and
saves the words; everything from the text is drawn as :class:`~rich.text.Text`, never as
markup.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DataTable, Static

from tui.core.queries.sentence_level import SentenceLevel
from tui.core.readings.glosses import cut_gloss
from tui.core.text.sanitize import visible
from tui.keys import textual_bindings

__all__ = ["COLUMNS", "GLOSS_CELLS", "SentenceReport", "SentenceScreen", "WordRow"]

COLUMNS = ("Word", "Reading", "English", "HSK")

#: The English column's width in cells: the whole entry is in the dictionary (``d``).
GLOSS_CELLS = 40

_HINT = "a saves the highlighted word with this sentence · Esc or q closes"


@dataclass(frozen=True, slots=True)
class WordRow:
    """One Han word of the sentence, as the table shows it and the word list keeps it."""

    shown: str  # as the article shows it, in the script chosen
    hant: str
    hans: str
    reading: str  # in context, tone marks
    gloss: str  # a short English gloss
    definition: str  # what the word list keeps: the glossary's English, or CC-CEDICT's
    level: str  # the HSK column: "3", "1 (一+个)", "name", "not listed"


@dataclass(frozen=True, slots=True)
class SentenceReport:
    """A sentence worked out for the view."""

    shown: str  # as the article shows it
    written: str  # as the text writes it: the example the word list keeps
    source: str
    level: SentenceLevel
    rows: tuple[WordRow, ...]


class SentenceScreen(ModalScreen[None]):
    """The sentence, its level and a table of its words; ``a`` saves the highlighted one."""

    BINDINGS = textual_bindings("sentence")

    def __init__(
        self, report: SentenceReport, save: Callable[[SentenceReport, WordRow], None]
    ) -> None:
        super().__init__()
        self.report = report
        self._save = save

    def compose(self) -> ComposeResult:
        report = self.report
        with Vertical(id="sentence-box"):
            yield Static(_title(report), id="sentence-title")
            yield Static(Text(_one_line(report.shown)), id="sentence-text")
            shown = [row.shown for row in report.rows]
            yield Static(Text(report.level.explanation(shown)), id="sentence-level")
            table: DataTable[Text] = DataTable(
                id="sentence-table", cursor_type="row", zebra_stripes=True
            )
            table.add_columns(*COLUMNS)
            yield table
            yield Static(Text(_HINT), id="sentence-hint")

    def on_mount(self) -> None:
        table: DataTable[Text] = self.query_one("#sentence-table", DataTable)
        for row in self.report.rows:
            table.add_row(*_cells(row))
        table.focus()

    @property
    def current(self) -> WordRow | None:
        """The highlighted word."""
        row = self.query_one("#sentence-table", DataTable).cursor_row
        rows = self.report.rows
        return rows[row] if 0 <= row < len(rows) else None

    def action_add_word(self) -> None:
        row = self.current
        if row is None:
            self.app.bell()
            return
        self._save(self.report, row)

    def action_move(self, step: int) -> None:
        table = self.query_one("#sentence-table", DataTable)
        table.move_cursor(row=table.cursor_row + step, animate=False)


def _one_line(text: str) -> str:
    """The sentence as one paragraph: a line break inside it is the text's wrapping."""
    return visible(" ".join(text.split()) if "\n" in text else text.strip())


def _title(report: SentenceReport) -> Text:
    title = Text("Sentence  ·  ", style="bold")
    title.append(report.level.summary, style="bold")
    return title


def _cells(row: WordRow) -> list[Text]:
    """Text cells, never str: a gloss like "[name]" must not be read as markup."""
    values = (row.shown, row.reading, cut_gloss(row.gloss, GLOSS_CELLS), row.level)
    return [Text(visible(value), no_wrap=True) for value in values]
