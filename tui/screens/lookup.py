"""The lookup screen: search the glossary and CC-CEDICT for whatever the reader types.

The reader types hanzi in either script, pinyin in any spelling, or English; hits appear as
they type. Searching waits for a pause in the typing and runs in a thread, so a keystroke
never waits on SQLite. Everything shown quotes the dictionary or the glossary, so it is built
as Rich ``Text``, never as markup.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.timer import Timer
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from tui.core.plurals import plural
from tui.core.queries.lookup import DICTIONARY_LIMIT, GLOSSARY_LIMIT, Hits, find_hits, glossary_hits
from tui.core.text.sanitize import visible
from tui.keys import textual_bindings

if TYPE_CHECKING:  # both load in workers; the screen may open before they have
    from tui.core.glossary.entries import Entry, Glossary
    from tui.core.readings.dictionary import DictEntry, Dictionary

__all__ = [
    "DICTIONARY_LIMIT",
    "GLOSSARY_LIMIT",
    "Hits",
    "LookupScreen",
    "describe_entry",
    "find_hits",
    "glossary_hits",
]

#: How long typing must pause before a search: one search per word typed, not per key.
DEBOUNCE_SECONDS = 0.15
PLACEHOLDER = "hanzi in either script, pinyin (nihao, ni3hao3, nǐ hǎo) or English"


class LookupScreen(ModalScreen[str | None]):
    """Look anything up without leaving the article; Escape returns to it."""

    BINDINGS = textual_bindings("lookup")

    def __init__(
        self, dictionary: Dictionary | None, glossary: Glossary | None, query: str = ""
    ) -> None:
        super().__init__()
        self._dictionary = dictionary
        self._glossary = glossary
        self._query = query
        self._timer: Timer | None = None
        self._show_first = False  # Enter came before the hits did: show the first on arrival
        self.hits = Hits("")  # what the list shows; tests wait on ``hits.query``
        self.shown: Entry | DictEntry | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="lookup-box"):
            yield Input(self._query, placeholder=PLACEHOLDER, id="lookup-input")
            with Horizontal(id="lookup-panes"):
                yield OptionList(id="lookup-hits")
                with VerticalScroll(id="lookup-entry-pane"):
                    yield Static(
                        Text("Enter shows a hit in full here.", style="dim"), id="lookup-entry"
                    )
            yield Static(id="lookup-status")

    def on_mount(self) -> None:
        self.query_one("#lookup-input", Input).focus()
        self._set_status()
        if self._query.strip():
            self._start_search(self._query.strip())

    def reopen(self, query: str, dictionary: Dictionary | None, glossary: Glossary | None) -> None:
        """Start afresh on ``query`` before the app shows this screen again. The reader
        keeps one lookup screen: composing its panes costs more than a search does."""
        self._dictionary, self._glossary, self._query = dictionary, glossary, query
        self._show_first = False
        self.shown = None
        if not self.is_mounted:
            return  # on_mount starts the search
        box = self.query_one("#lookup-input", Input)
        with box.prevent(Input.Changed):
            box.value = query
        box.focus()
        self.query_one("#lookup-entry", Static).update(
            Text("Enter shows a hit in full here.", style="dim")
        )
        self.hits = Hits("")
        self.query_one("#lookup-hits", OptionList).clear_options()
        self._set_status()
        if query.strip():
            self._start_search(query.strip())

    def dictionary_opened(self) -> None:
        """The app's dictionary opened while this screen was up: search it too now, rather
        than leave the glossary's hits alone on screen."""
        self._set_status()
        query = self.query_one("#lookup-input", Input).value.strip()
        if query:
            self._start_search(query)

    @property
    def dictionary(self) -> Dictionary | None:
        """The dictionary given, or the app's once it has opened behind this screen."""
        if self._dictionary is None:
            self._dictionary = getattr(self.app, "dictionary", None)
        return self._dictionary

    # -- searching -------------------------------------------------------------------------

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        if self._timer is not None:
            self._timer.stop()
        query = event.value.strip()
        if not query:
            self._show_hits(Hits(""))
            return
        self._timer = self.set_timer(DEBOUNCE_SECONDS, lambda: self._start_search(query))

    def _start_search(self, query: str) -> None:
        """Runs on the UI thread, so the worker gets the dictionary without asking the app."""
        if self._timer is not None:
            self._timer.stop()
        self._search(query, self.dictionary)

    @work(thread=True, exclusive=True, group="lookup")
    def _search(self, query: str, dictionary: Dictionary | None) -> None:
        """Both searches off the UI thread; a newer query makes this one's result moot."""
        hits = find_hits(query, dictionary, self._glossary)
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._show_hits, hits)

    def _show_hits(self, hits: Hits) -> None:
        if not self.is_attached:
            return  # closed while the search ran
        if hits.query != self.query_one("#lookup-input", Input).value.strip():
            return  # typed on since; the newer search is on its way
        self.hits = hits
        options = self.query_one("#lookup-hits", OptionList)
        rows = [_glossary_row(e) for e in hits.glossary]
        rows += [_dictionary_row(e) for e in hits.dictionary]
        options.set_options(Option(row, id=f"hit-{i}") for i, row in enumerate(rows))
        if len(hits):
            options.highlighted = 0
        self._set_status()
        show_first, self._show_first = self._show_first, False
        if show_first and len(hits):
            self._show(0)

    def _set_status(self) -> None:
        status = Text(style="dim")
        if self.dictionary is None:
            status.append("The dictionary is still loading; searching the glossary only. ")
        if self.hits.problem:  # quoted text: the query is the reader's
            status.append(visible(self.hits.problem) + " · ", style="bold")
        elif self.hits.query:
            found = len(self.hits)
            status.append(f"{plural(found, 'hit')} · " if found else "No hits · ")
        status.append("Enter shows the entry · ↓ to the hits · Esc closes")
        self.query_one("#lookup-status", Static).update(status)

    # -- showing an entry ------------------------------------------------------------------

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter in the box shows the first hit, waiting for the search if it is running."""
        event.stop()
        query = event.value.strip()
        if not query:
            return
        if self.hits.query == query:
            if len(self.hits):
                self._show(0)
            return
        self._show_first = True
        self._start_search(query)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self._show(event.option_index)

    def _show(self, index: int) -> None:
        if not 0 <= index < len(self.hits):
            return
        self.shown = self.hits.at(index)
        self.query_one("#lookup-hits", OptionList).highlighted = index
        in_glossary = len(self.hits.glossary)
        if index < in_glossary:
            body = _describe_glossary_hit(self.hits.glossary[index], self.dictionary)
        else:
            body = describe_entry(self.hits.dictionary[index - in_glossary], self.dictionary)
        self.query_one("#lookup-entry", Static).update(body)
        self.query_one("#lookup-entry-pane", VerticalScroll).scroll_home(animate=False)

    def action_focus_hits(self) -> None:
        options = self.query_one("#lookup-hits", OptionList)
        if options.option_count:
            options.focus()


def _glossary_row(entry: Entry) -> Text:
    """A glossary hit, marked ◆ so the reader sees it was written for their articles."""
    row = Text("◆ ", style="bold yellow", no_wrap=True, overflow="ellipsis")
    regional = tuple(form for form in (entry.tw, entry.hk) if form)
    return _row(row, (entry.hant, entry.hans, *regional), entry.pinyin, entry.en)


def _dictionary_row(entry: DictEntry) -> Text:
    row = Text(no_wrap=True, overflow="ellipsis")
    return _row(
        row, (entry.traditional, entry.simplified), entry.pinyin_marks, entry.definitions[0]
    )


def _row(row: Text, forms: tuple[str, ...], reading: str, gloss: str) -> Text:
    """One line: headwords (each once: the scripts often agree), pinyin, the first gloss."""
    row.append(" ".join(visible(f) for f in dict.fromkeys(forms)), style="bold")
    if reading:
        row.append("  " + visible(reading), style="italic")
    row.append("  " + visible(gloss))
    return row


def _describe_glossary_hit(entry: Entry, dictionary: Dictionary | None) -> Text:
    """The glossary's own entry, then what CC-CEDICT says about the same word."""
    from tui.core.glossary.matcher import has_han
    from tui.widgets.entry import describe_dictionary, describe_term

    text = describe_term(entry, entry.hant)
    if dictionary is not None and has_han(entry.hant):
        text.append_text(describe_dictionary(entry.hant, entry.hans, dictionary))
    return text


def describe_entry(entry: DictEntry, dictionary: Dictionary | None = None) -> Text:
    """One CC-CEDICT entry in full, its HSK level, the word's other readings and its
    characters' readings: the sidebar's view, but of the reading that was chosen."""
    from tui.core.readings.levels import label, level

    text = Text()
    text.append(
        "  ".join(visible(f) for f in dict.fromkeys((entry.traditional, entry.simplified))),
        style="bold",
    )
    text.append("  " + visible(entry.pinyin_marks) + "\n", style="italic")
    for number, definition in enumerate(entry.definitions, 1):
        text.append(f"{number}. ", style="dim")
        text.append(visible(definition) + "\n")
    hsk = level(entry.simplified)
    text.append(f"\nHSK {label(hsk)}\n" if hsk else "\nHSK: not in the syllabus\n", style="dim")
    if dictionary is None:
        return text
    others = [e for e in dictionary.lookup(entry.traditional, "hant") if e != entry]
    for other in others:
        text.append("\nalso ", style="dim")
        text.append(visible(other.pinyin_marks), style="italic")
        text.append(": " + visible("; ".join(other.definitions)) + "\n")
    if len(entry.traditional) > 1:
        text.append("\nCharacters\n", style="bold")
        for ch, char_entries in dictionary.characters(entry.traditional, "hant"):
            readings = dict.fromkeys(e.pinyin_marks for e in char_entries)
            text.append(visible(ch), style="bold")
            text.append("  " + (" / ".join(readings) or "?") + "\n", style="italic")
    return text
