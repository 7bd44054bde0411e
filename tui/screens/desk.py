"""The desk: a library read as a whole, who appears in which documents and who said what.

Building the desk reads and tags every document, which takes seconds for a folder of
stories, so it runs in a thread and the progress bar fills a document at a time while the
Documents tab lists what has been read. Closing the screen abandons the build at the next
document (the progress callback refuses to go on), so nothing waits for it when the reader
quits. Enter on a quote (or a place, or a dated document) closes the desk with where to go;
the library opens that document with the cursor there.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual import on
from textual.app import App, ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, ProgressBar, Static, TabbedContent, TabPane
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from tui.core.analysis.kinds import ORGANISATION, PERSON, PLACE
from tui.core.plurals import plural
from tui.core.text.sanitize import visible
from tui.keys import textual_bindings
from tui.wrapped import Wrapped

if TYPE_CHECKING:
    from tui.core.analysis.desk import Desk, DeskEntity, DeskQuote, DeskTerm
    from tui.core.glossary.entries import Glossary

__all__ = ["SECTIONS", "DeskJump", "DeskScreen"]

#: The tabs, in order: (id, title).
SECTIONS: tuple[tuple[str, str], ...] = (
    ("people", "People"),
    ("organisations", "Organisations"),
    ("places", "Places"),
    ("quotes", "Quotes"),
    ("terms", "Terms"),
    ("timeline", "Timeline"),
    ("documents", "Documents"),
)
_KINDS = {"people": PERSON, "organisations": ORGANISATION, "places": PLACE}


@dataclass(frozen=True, slots=True)
class DeskJump:
    """Where Enter asked to go: a document (its source, as the library names it) and an
    offset in its text."""

    source: str
    offset: int


#: What builds the desk: :func:`tui.store.desk.build_desk` unless a caller gives another
#: (to pace the documents, or to show a desk already built).
Build = Callable[..., "Desk"]


class _Abandoned(Exception):
    """Raised from the progress callback once the screen is closed: stops the build."""


class DeskScreen(ModalScreen[DeskJump | None]):
    """Tabs of people, organisations, places, quotes, terms, timeline; Enter goes deeper."""

    BINDINGS = textual_bindings("desk")

    def __init__(
        self, sources: Sequence[str], glossary: Glossary | None = None, build: Build | None = None
    ) -> None:
        super().__init__()
        self.sources = list(sources)
        self.glossary = glossary
        self.build = build
        self.desk: Desk | None = None
        self._abandoned = False
        self._rows: dict[str, list[Any]] = {}  # section -> what each option stands for

    def compose(self) -> ComposeResult:
        with Vertical(id="desk-box"):
            yield Static(Text("Desk", style="bold"), id="desk-title")
            yield ProgressBar(total=len(self.sources) or 1, show_eta=False, id="desk-progress")
            yield Static(id="desk-status")
            yield Input(placeholder="Filter quotes by speaker", id="desk-filter")
            with TabbedContent(id="desk-tabs"):
                for section, title in SECTIONS:
                    with TabPane(title, id=f"desk-tab-{section}"):
                        yield OptionList(id=f"desk-{section}", classes="desk-list")
            yield Static(
                Text(
                    "←/→ section · ↑/↓ choose · Enter go · / filter quotes · Esc close",
                    style="dim",
                ),
                id="desk-hint",
            )

    def on_mount(self) -> None:
        if self.glossary is None:  # the reader's glossary, when the app has a reader
            self.glossary = getattr(getattr(self.app, "reader", None), "glossary", None)
        self.query_one("#desk-filter").display = False
        self._status(f"Reading {plural(len(self.sources), 'document')}…")
        for section, _ in SECTIONS:
            if section != "documents":
                self._list(section).add_option(
                    Option(Text("Still reading the documents…", style="dim"), disabled=True)
                )
        # the app's worker, not the screen's: a closing screen waits for its own workers
        app = self.app
        app.run_worker(
            partial(self._build, app), name="desk", group="desk", exclusive=True, thread=True
        )
        self._focus_list()

    def on_unmount(self) -> None:
        self._abandoned = True

    def _build(self, app: App[Any]) -> None:
        """``app`` is passed in: a closed screen no longer knows it. Once the screen is
        closed (or the app quits), the next document's report stops the build."""
        if self.build is None:
            from tui.store.desk import build_desk
        else:
            build_desk = self.build

        def progress(done: int, total: int, source: str) -> None:
            if self._abandoned or get_current_worker().is_cancelled:
                raise _Abandoned
            app.call_from_thread(self._progress, done, total, source)

        try:
            try:
                desk = build_desk(self.sources, self.glossary, progress=progress)
            except (OSError, ValueError):  # no process pool here (file descriptors taken
                # over by the terminal): the same work in this thread
                desk = build_desk(self.sources, self.glossary, progress=progress, workers=1)
        except _Abandoned:
            return
        except Exception as error:  # noqa: BLE001 - said on the screen, never a traceback
            app.call_from_thread(self._failed, f"The desk could not be built: {error}")
            return
        if not self._abandoned:
            app.call_from_thread(self.show, desk)

    def _progress(self, done: int, total: int, source: str) -> None:
        if not self.is_attached:
            return
        self.query_one(ProgressBar).update(total=total or 1, progress=done)
        if source:
            self._list("documents").add_option(Option(Text(visible(source)), disabled=True))
        self._status(f"Read {done} of {plural(total, 'document')}…")

    def _failed(self, message: str) -> None:
        if self.is_attached:
            self.query_one("#desk-status", Static).update(Text(message, style="bold"))

    def _status(self, message: str) -> None:
        self.query_one("#desk-status", Static).update(Text(message, style="italic"))

    def _list(self, section: str) -> OptionList:
        return self.query_one(f"#desk-{section}", OptionList)

    # -- the desk, once built ---------------------------------------------------------------

    def show(self, desk: Desk) -> None:
        """Fill every tab from ``desk`` (public so a desk already built can be shown)."""
        if not self.is_attached:
            return
        self.desk = desk
        self.query_one(ProgressBar).update(total=len(self.sources) or 1, progress=len(self.sources))
        self.query_one("#desk-status", Static).update(_summary(desk))
        for section in ("people", "organisations", "places"):
            entities = [e for e in desk.entities if e.kind == _KINDS[section]]
            self._fill(
                section, [Wrapped(_entity(e, len(desk.documents))) for e in entities], entities
            )
        self._show_quotes(list(desk.quotes))
        terms = [t for t in desk.terms if len(t.documents) > 1]
        self._fill("terms", [Wrapped(_term(t)) for t in terms], terms)
        timeline = desk.timeline()
        rows = [_dated(date, desk.documents[index].title) for date, index in timeline]
        self._fill(
            "timeline", rows, [index for _, index in timeline], "No document carries a date."
        )
        documents = list(range(len(desk.documents)))
        self._fill("documents", [_document(desk, i) for i in documents], documents)
        for source, reason in desk.skipped:
            self._list("documents").add_option(
                Option(Text(visible(f"{source}: {reason}"), style="dim"), disabled=True)
            )
        self.query_one("#desk-filter").display = True
        self._focus_list()

    def _fill(
        self,
        section: str,
        rows: Sequence[Text | Wrapped],
        items: Sequence[Any],
        empty: str = "None found.",
    ) -> None:
        self._rows[section] = list(items)
        listing = self._list(section)
        listing.clear_options()
        listing.add_options(
            [Option(row) for row in rows] or [Option(Text(empty, style="dim"), disabled=True)]
        )
        if rows:
            listing.highlighted = 0

    def _show_quotes(self, quotes: list[DeskQuote]) -> None:
        assert self.desk is not None
        desk = self.desk
        self._fill(
            "quotes", [Wrapped(_quote(q, desk.documents[q.document].title)) for q in quotes], quotes
        )

    def quotes_for(self, speaker: str) -> list[DeskQuote]:
        """The quotes whose speaker is ``speaker`` (as the desk matches names) or contains it."""
        assert self.desk is not None
        wanted = speaker.strip().casefold()
        if not wanted:
            return list(self.desk.quotes)
        exact = self.desk.quotes_by(speaker.strip())
        loose = [q for q in self.desk.quotes if q.speaker and wanted in q.speaker.casefold()]
        return exact + [q for q in loose if q not in exact]

    # -- keys ------------------------------------------------------------------------------

    @on(Input.Changed, "#desk-filter")
    def _filtered(self, event: Input.Changed) -> None:
        if self.desk is not None:
            self._show_quotes(self.quotes_for(event.value))
            self.query_one("#desk-tabs", TabbedContent).active = "desk-tab-quotes"

    @on(Input.Submitted, "#desk-filter")
    def _filter_done(self) -> None:
        self._list("quotes").focus()

    def action_filter(self) -> None:
        if self.desk is not None:
            self.query_one("#desk-tabs", TabbedContent).active = "desk-tab-quotes"
            self.query_one("#desk-filter", Input).focus()

    def action_close(self) -> None:
        """Escape leaves the filter first, when typing in it; otherwise closes the desk."""
        if (
            self.focused is self.query_one("#desk-filter")
            and self.query_one("#desk-filter", Input).value
        ):
            self.query_one("#desk-filter", Input).value = ""
            self._list("quotes").focus()
            return
        self._abandoned = True
        self.dismiss(None)

    def action_section(self, step: int) -> None:
        tabs = self.query_one("#desk-tabs", TabbedContent)
        ids = [f"desk-tab-{section}" for section, _ in SECTIONS]
        at = ids.index(tabs.active) if tabs.active in ids else 0
        tabs.active = ids[(at + step) % len(ids)]
        self._focus_list()

    def on_key(self, event: Any) -> None:
        """A printable key on a list starts the speaker filter with that character."""
        character = getattr(event, "character", None)
        if (
            self.desk is not None
            and isinstance(self.focused, OptionList)
            and character
            and character.isprintable()
            and not character.isascii()
        ):
            event.stop()
            self.action_filter()
            self.query_one("#desk-filter", Input).insert_text_at_cursor(character)

    @on(TabbedContent.TabActivated)
    def _tab_chosen(self) -> None:
        if not isinstance(self.focused, Input):
            self._focus_list()

    def _focus_list(self) -> None:
        active = self.query_one("#desk-tabs", TabbedContent).active.removeprefix("desk-tab-")
        if active:
            self._list(active).focus()

    @on(OptionList.OptionSelected, ".desk-list")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        section = (event.option_list.id or "").removeprefix("desk-")
        items = self._rows.get(section, [])
        if self.desk is None or not 0 <= event.option_index < len(items):
            return
        item = items[event.option_index]
        if section in ("people", "organisations"):
            self._speaker(item)
        elif section == "quotes":
            self._go(item.document, item.start)
        elif section == "places":
            first = item.appearances[0]
            self._go(first.document, first.offset)
        elif section in ("timeline", "documents"):
            self._go(item, 0)
        elif section == "terms" and item.documents:
            self._go(item.documents[0], 0)

    def _speaker(self, entity: DeskEntity) -> None:
        """Their quotes in every document, in the Quotes tab, the filter naming them."""
        filter_input = self.query_one("#desk-filter", Input)
        with filter_input.prevent(Input.Changed):
            filter_input.value = entity.name
        self._show_quotes(self.quotes_for(entity.name))
        self.query_one("#desk-tabs", TabbedContent).active = "desk-tab-quotes"
        self._list("quotes").focus()
        if not self._rows["quotes"]:
            self.notify(f"No quotes from {visible(entity.name)}.", markup=False, timeout=3)

    def _go(self, document: int, offset: int) -> None:
        assert self.desk is not None
        self._abandoned = True
        self.dismiss(DeskJump(self.desk.documents[document].source, offset))


# --- rows (document text only ever as plain Text) -----------------------------------------


def _summary(desk: Desk) -> Text:
    people = sum(1 for e in desk.entities if e.kind == PERSON)
    line = f"{plural(len(desk.documents), 'document')} · {plural(people, 'person', 'people')} · "
    line += plural(len(desk.quotes), "quote")
    if desk.skipped:
        line += f" · {len(desk.skipped)} skipped"
    return Text(line)


def _entity(entity: DeskEntity, documents: int) -> Text:
    line = Text(visible(entity.name), style="bold")
    if entity.english and entity.english != entity.name:
        line.append(f"  {visible(entity.english)}", style="italic")
    seen = len(entity.appearances)
    line.append(f"  in {seen} of {plural(documents, 'document')} · ", style="dim")
    line.append(plural(entity.count, "mention"), style="dim")
    return line


def _quote(quote: DeskQuote, title: str) -> Text:
    speaker = quote.speaker
    line = Text(
        visible(speaker) if speaker else "unattributed", style="bold" if speaker else "dim italic"
    )
    line.append(f"  {_cut(visible(title), 50)}", style="dim")
    line.append("\n「" + visible(quote.text) + "」")
    return line


def _term(term: DeskTerm) -> Text:
    line = Text(visible(term.key), style="bold")
    if term.english and term.english != term.key:
        line.append(f"  {visible(term.english)}", style="italic")
    line.append(f"  in {plural(len(term.documents), 'document')}", style="dim")
    for region, forms in term.forms.items():
        line.append(f"\n  {visible(region)}: ", style="dim")
        line.append(" · ".join(visible(form) for form in forms))
    return line


def _dated(date: str, title: str) -> Text:
    line = Text(visible(date), style="bold")
    line.append("  " + _cut(visible(title), 70))
    return line


def _document(desk: Desk, index: int) -> Text:
    document = desk.documents[index]
    line = Text(_cut(visible(document.title), 60), style="bold")
    if document.region:
        line.append(f"  {visible(document.region)}", style="dim")
    if document.date:
        line.append(f"  {visible(document.date)}", style="dim")
    line.append(f"  {visible(document.source)}", style="dim")
    return line


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"
