"""The skim screen: the story's people, quotes, keywords and outline, one key from the text.

The report (:mod:`tui.core.analysis.skim`) tags the whole text with jieba, so it is computed in a
thread, after segmentation if that is still running, and kept for the document so opening the
screen again is instant. It arrives a part at a time: the outline and the figures show at once,
the sections that wait for the tagger say so until they are filled. Enter on any item closes
the screen with where to go; the app moves the article's cursor there.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual import on, work
from textual.app import App, ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import LoadingIndicator, OptionList, Static, TabbedContent, TabPane
from textual.widgets.option_list import Option

from tui.core.model.document import Document
from tui.core.text.sanitize import visible
from tui.keys import textual_bindings
from tui.wrapped import Wrapped

if TYPE_CHECKING:
    from tui.core.analysis.entities import Entity
    from tui.core.analysis.keywords import Keyword
    from tui.core.analysis.quotes import Quote
    from tui.core.analysis.skim import OutlineItem, SkimReport
    from tui.core.analysis.stats import DocumentStats
    from tui.core.glossary.entries import Glossary

__all__ = ["SECTIONS", "Jump", "SkimScreen"]

#: The sections, in tab order: (id, title).
SECTIONS: tuple[tuple[str, str], ...] = (
    ("people", "People"),
    ("organisations", "Organisations"),
    ("places", "Places"),
    ("quotes", "Quotes"),
    ("keywords", "Keywords"),
    ("outline", "Outline"),
    ("stats", "Stats"),
)

#: What the screen needs: the segmented document and its glossary, or None while the text
#: is still being segmented.
Source = Callable[[], "tuple[Document, Glossary | None] | None"]
#: What makes the report's parts: :func:`tui.core.analysis.skim.skim_parts` unless a caller
#: wraps it (to watch or pace the parts).
Parts = Callable[["Document", "Glossary | None"], Iterable[tuple[str, Any]]]


@dataclass(frozen=True, slots=True)
class Jump:
    """Where Enter asked to go: an offset, and every occurrence when there are several."""

    offset: int
    occurrences: tuple[tuple[int, int], ...] = ()
    label: str = ""


#: The last report and the document it was made from: reopening the screen costs nothing.
_last: tuple[Document, SkimReport] | None = None


class SkimScreen(ModalScreen[Jump | None]):
    """Sections in tabs; ←/→ (or [ ]) change section, ↑/↓ choose, Enter jumps."""

    BINDINGS = textual_bindings("skim")

    def __init__(self, source: Source, parts: Parts | None = None) -> None:
        super().__init__()
        self.source = source
        self.parts = parts
        self.report: SkimReport | None = None
        self.document: Document | None = None
        self._jumps: dict[str, list[Jump]] = {}
        self._filled: set[str] = set()

    def compose(self) -> ComposeResult:
        with Vertical(id="skim-box"):
            yield Static(Text("Skim", style="bold"), id="skim-title")
            yield LoadingIndicator(id="skim-loading")
            yield Static(id="skim-status")
            with TabbedContent(id="skim-tabs"):
                for section, title in SECTIONS:
                    with TabPane(title, id=f"skim-tab-{section}"):
                        if section == "stats":
                            yield Static(id="skim-stats")
                        else:
                            yield OptionList(id=f"skim-{section}", classes="skim-list")
            yield Static(
                Text("←/→ section · ↑/↓ choose · Enter go there · Esc close", style="dim"),
                id="skim-hint",
            )

    def on_mount(self) -> None:
        self.query_one("#skim-tabs").display = False
        self._wait()

    def _wait(self) -> None:
        """Start the report once the text is segmented; until then, say what is missing."""
        ready = self.source()
        if ready is None:
            self._status("Waiting for the text to be segmented…")
            self.set_timer(0.2, self._wait)
            return
        document, glossary = ready
        if _last is not None and _last[0] is document:
            self._show(document, _last[1])
            return
        self._status("Finding people, quotes and keywords…")
        self._compute(self.app, document, glossary)

    @work(thread=True, exclusive=True, group="skim")
    def _compute(self, app: App[Any], document: Document, glossary: Glossary | None) -> None:
        """``app`` is passed in: a closed screen no longer knows it, and the report is
        finished and kept all the same."""
        from tui.core.analysis.skim import SkimReport, skim_parts

        # CC-CEDICT tells names from words and gives their English, once it is open
        dictionary = getattr(app, "dictionary", None)
        parts = self.parts or partial(skim_parts, dictionary=dictionary)
        found: dict[str, Any] = {}
        for name, value in parts(document, glossary):
            found[name] = value
            app.call_from_thread(self._part, document, name, value)
        app.call_from_thread(self._show, document, SkimReport(**found))

    def _status(self, message: str) -> None:
        self.query_one("#skim-status", Static).update(Text(message, style="italic"))

    def _part(self, document: Document, section: str, value: Any) -> None:
        """One part of the report is known: show it, and what is still being worked out."""
        if not self.is_attached:
            return
        if not self._filled:
            self._open(document)
            for name, _ in SECTIONS:
                if name != "stats":
                    self.query_one(f"#skim-{name}", OptionList).add_option(
                        Option(Text("Still being worked out…", style="dim"), disabled=True)
                    )
        self._fill(section, value)
        pending = [title.lower() for name, title in SECTIONS if name not in self._filled]
        if pending:
            self._status("Still finding " + ", ".join(pending) + "…")

    def _open(self, document: Document) -> None:
        """The tabs in place of the loading indicator."""
        self.query_one("#skim-loading").display = False
        self.query_one("#skim-title", Static).update(_title(document))
        self.query_one("#skim-tabs").display = True
        self._focus_list()

    def _fill(self, section: str, value: Any) -> None:
        self._filled.add(section)
        if section == "stats":
            self.query_one("#skim-stats", Static).update(_stats(value))
            return
        options, self._jumps[section] = _section(section, value)
        listing = self.query_one(f"#skim-{section}", OptionList)
        listing.clear_options()
        listing.add_options(options or [Option(Text("None found.", style="dim"), disabled=True)])
        if options:
            listing.highlighted = 0

    def _show(self, document: Document, report: SkimReport) -> None:
        global _last
        _last = (document, report)
        if not self.is_attached:  # closed before the report was ready: keep it for next time
            return
        self.document, self.report = document, report
        if not self._filled:  # kept from last time: all of it at once
            self._open(document)
        for section, _ in SECTIONS:
            if section not in self._filled:
                self._fill(section, getattr(report, section))
        self.query_one("#skim-status").display = False

    # -- keys ------------------------------------------------------------------------------

    def action_section(self, step: int) -> None:
        if not self._filled:
            return
        tabs = self.query_one("#skim-tabs", TabbedContent)
        ids = [f"skim-tab-{section}" for section, _ in SECTIONS]
        at = ids.index(tabs.active) if tabs.active in ids else 0
        tabs.active = ids[(at + step) % len(ids)]
        self._focus_list()

    @on(TabbedContent.TabActivated)
    def _tab_chosen(self) -> None:
        self._focus_list()

    def _focus_list(self) -> None:
        active = self.query_one("#skim-tabs", TabbedContent).active.removeprefix("skim-tab-")
        if active != "stats":
            self.query_one(f"#skim-{active}", OptionList).focus()

    @on(OptionList.OptionSelected, ".skim-list")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        section = (event.option_list.id or "").removeprefix("skim-")
        jumps = self._jumps.get(section, [])
        if 0 <= event.option_index < len(jumps):
            self.dismiss(jumps[event.option_index])


# --- what each section shows (document text only ever as plain Text) --------------------


def _title(document: Document) -> Text:
    title = Text("Skim  ", style="bold")
    name = visible(document.title)
    title.append(name if len(name) <= 60 else name[:59] + "…", style="dim")
    return title


def _section(section: str, items: Any) -> tuple[list[Option], list[Jump]]:
    """The rows of a section (its part of the report), broken into lines as the article's
    are (see tui/wrapped.py)."""
    if section in ("people", "organisations", "places"):
        entities: tuple[Entity, ...] = items
        return (
            [Option(Wrapped(_entity(e))) for e in entities],
            [Jump(e.start, e.occurrences, e.name) for e in entities],
        )
    if section == "quotes":
        quotes: tuple[Quote, ...] = items
        return (
            [Option(Wrapped(_quote(q.speaker, q.text))) for q in quotes],
            [Jump(q.start) for q in quotes],
        )
    if section == "keywords":
        words: tuple[Keyword, ...] = items
        return (
            [Option(Wrapped(_keyword(k.word, k.english, k.count))) for k in words],
            [Jump(k.occurrences[0][0], k.occurrences, k.word) for k in words],
        )
    outline: tuple[OutlineItem, ...] = items
    return (
        [Option(Wrapped(Text(visible(o.text)))) for o in outline],
        [Jump(o.start) for o in outline],
    )


def _entity(entity: Entity) -> Text:
    from tui.core.analysis.skim import ROMANISED, english_label

    line = Text(visible(entity.name), style="bold")
    english = english_label(entity)
    if english and english != entity.name:
        sure = entity.english_source not in (*ROMANISED, "none") or not entity.english_note
        line.append(f"  {visible(english)}", style="italic" if sure else "dim italic")
    if entity.role:
        line.append(f"  {visible(entity.role)}", style="dim")
    line.append(f"  ×{entity.count}", style="dim")
    return line


def _quote(speaker: str | None, words: str) -> Text:
    line = Text(
        visible(speaker) if speaker else "unattributed", style="bold" if speaker else "dim italic"
    )
    line.append("\n「" + visible(words) + "」")
    return line


def _keyword(word: str, english: str | None, count: int) -> Text:
    line = Text(visible(word), style="bold")
    if english and english != word:
        line.append(f"  {visible(english)}", style="italic")
    line.append(f"  ×{count}", style="dim")
    return line


def _stats(stats: DocumentStats) -> Text:
    from tui.core.analysis.skim import stats_rows

    text = Text()
    for name, value in stats_rows(stats):
        text.append(f"{name:>14}  ", style="dim")
        text.append(value + "\n", style="bold")
    text.rstrip()
    return text
