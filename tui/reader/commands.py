"""The reader's commands in the command palette: each script and pane by name, opening a
file or a sample, exporting the word list, jumping to a term, and every other key's action.

The app's :meth:`~tui.app.ZhreadApp.get_system_commands` lists Textual's own commands and
then these, which the :class:`~tui.reader.screen.ReaderScreen` gives through this
controller. Each command shows its keys as they are bound now
(:meth:`~tui.app.ZhreadApp.keys_for`), so a remapped key shows its new name here as in the
help screen. Everything the palette offers can also be done from the keyboard.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual.app import SystemCommand
from textual.binding import Binding, BindingType
from textual.markup import escape

from tui.core.errors import ZhreadError
from tui.core.plurals import plural
from tui.core.readings.levels import HskStandard
from tui.core.scripts.convert import TARGET_NAMES
from tui.core.text.sanitize import visible
from tui.preferences import LINE_LENGTHS
from tui.reader.scripts import SCRIPT_CYCLE
from tui.screens.prompt import PromptScreen
from tui.widgets.article import ArticleView
from tui.widgets.terms import TermsPane

if TYPE_CHECKING:
    from tui.core.glossary.gloss_report import TermUse
    from tui.reader.screen import ReaderScreen

#: Bindings the palette's list already names (with their keys).
LISTED = frozenset(
    {
        "quit",
        "help",
        "cycle-script",
        "toggle-parallel",
        "toggle-inline",
        "focus-terms",
        "lookup",
        "word-list",
        "stats",
        "library",
    }
)

#: Better titles and help than a footer's short description, by binding id.
TITLES: dict[str, tuple[str, str]] = {
    "copy-word": ("Copy word", "The word under the cursor, in the script shown"),
    "copy-sentence": ("Copy sentence", "The sentence under the cursor; again: its paragraph"),
    "add-word": ("Add word", "Save the word with its reading, definition and sentence"),
    "toggle-known": ("Mark known", "Mark the word known; again: its state before"),
    "toggle-ignored": ("Ignore word", "Leave the word out of learning (a name); again: undo"),
    "tint-unknown": ("Tint by learning state", "New, seen and learning words tinted; again: off"),
    "review": ("Review saved words", "The words due for review, scheduled by FSRS"),
    "toggle-english": ("English line", "A short English gloss under each word"),
    "state-learning-1": ("Learning 1", "Set the word's learning state; saves it for review"),
    "state-learning-2": ("Learning 2", "Set the word's learning state; saves it for review"),
    "state-learning-3": ("Learning 3", "Set the word's learning state; saves it for review"),
    "state-learning-4": ("Learning 4", "Set the word's learning state; saves it for review"),
    "state-known": ("Known", "Mark the word known"),
    "next-sentence": ("Next sentence", "The first word of the next sentence"),
    "previous-sentence": ("Previous sentence", "The start of this sentence, or of the one before"),
    "open-sentence": ("Sentence view", "The sentence's words, readings, glosses and HSK level"),
    "cycle-tones": ("Tone colours", "Pleco's scheme, MDBG's, off"),
    "cycle-reading": ("Reading line", "Pinyin, zhuyin or nothing over the text"),
    "cycle-hsk-tint": ("HSK tint", "Tint the words above HSK 2, 4, 6, or nothing"),
    "next-term": ("Next term", "The next glossary term in the text"),
    "previous-term": ("Previous term", "The previous glossary term in the text"),
    "next-match": ("Next match", "The next use of the term chosen in the terms pane"),
    "previous-match": ("Previous match", "The previous use of the chosen term"),
    "top": ("First word", "The start of the text"),
    "bottom": ("Last word", "The end of the text"),
}


class Commands:
    """What the reader adds to the command palette, and the commands only it offers."""

    def __init__(self, reader: ReaderScreen) -> None:
        from tui.reader.links import Links

        self.reader = reader
        self.links = Links(reader)

    def system_commands(self) -> Iterator[SystemCommand]:
        """Every script and pane by name, then the palette-only commands and the library."""
        reader = self.reader
        keys = reader.zhread.keys_for
        for target in SCRIPT_CYCLE:
            name = TARGET_NAMES[target] if target else "as written"
            yield SystemCommand(
                f"Script: {name}",
                f"Show the article {'in ' if target else ''}{name} ({keys('cycle-script')} cycles)",
                partial(reader.scripts.show_script, target),
            )
        yield SystemCommand(
            "Side by side",
            f"The other script and region next to the article ({keys('toggle-parallel')})",
            reader.action_toggle_parallel,
        )
        yield SystemCommand(
            "Inline glosses",
            f"English after each term's first use ({keys('toggle-inline')})",
            reader.action_toggle_inline,
        )
        yield SystemCommand(
            "Terms pane",
            f"The document's glossary terms, candidates and regional words ({keys('focus-terms')})",
            reader.action_focus_terms,
        )
        yield from self._setting_commands()
        yield SystemCommand(
            "Dictionary",
            f"Look up hanzi, pinyin or English ({keys('lookup')})",
            reader.action_lookup,
        )
        yield SystemCommand(
            "Word list",
            f"Your saved words: edit, remove ({keys('word-list')})",
            reader.action_word_list,
        )
        yield SystemCommand(
            "Stats", f"Length, HSK grade and level curve ({keys('stats')})", reader.action_stats
        )
        yield SystemCommand(
            "Skim",
            f"People, quotes and speakers, keywords, outline ({keys('skim')})",
            reader.action_skim,
        )
        yield SystemCommand("Keys", f"Every key as bound ({keys('help')})", reader.action_help)
        yield from self._zhread_commands()
        yield from reader.library.commands()

    def _setting_commands(self) -> Iterator[SystemCommand]:
        reader = self.reader
        for standard in HskStandard:
            yield SystemCommand(
                f"HSK standard: {standard}",
                "Levels in the sidebar and the stats by this syllabus",
                partial(reader.learning.set_hsk, standard),
            )
        for cells in LINE_LENGTHS:
            yield SystemCommand(
                f"Line length: {cells // 2} characters" if cells else "Line length: no limit",
                f"Article lines up to {cells} cells, centred"
                if cells
                else "Article lines as wide as the pane",
                partial(reader.set_max_line_width, cells),
            )

    def _zhread_commands(self) -> Iterator[SystemCommand]:
        """Open file, open a sample, export, every other key, and jump to each term."""
        yield SystemCommand("Open file…", "Read another text file in this window", self.open_file)
        yield from self.links.commands()
        yield from self._sample_commands()
        yield SystemCommand(
            "Export word list…",
            "Your word list as an Anki deck, TSV or CSV (by the file's suffix)",
            self.export,
        )
        yield from self._binding_commands()
        for use in self.reader.query_one(TermsPane).uses:
            entry = use.entry
            yield SystemCommand(
                escape(f"Jump to term: {visible(use.headword)} {visible(entry.en)}"),
                escape(f"{plural(use.count, 'use')}; n / N go through them"),
                partial(self.jump_to_term, use),
                discover=False,
            )

    def _binding_commands(self) -> Iterator[SystemCommand]:
        reader = self.reader
        article = reader.article
        scopes: list[tuple[list[BindingType], ReaderScreen | ArticleView]] = [
            (list(type(reader).BINDINGS), reader),
            (list(ArticleView.BINDINGS), article),
        ]
        for bindings, target in scopes:
            for binding in bindings:
                if not isinstance(binding, Binding) or not binding.id or binding.id in LISTED:
                    continue
                title, help_text = TITLES.get(binding.id, (binding.description, ""))
                keys = reader.zhread.keys_for(binding.id)
                help_text = f"{help_text} ({keys})" if help_text else f"({keys})"
                run = partial(reader.app.run_action, binding.action, target)
                yield SystemCommand(escape(title), escape(help_text), run)

    def _sample_commands(self) -> Iterator[SystemCommand]:
        from tui.core.glossary.bundled import seeds_dir

        try:
            samples = sorted(seeds_dir().glob("*.txt"))
        except OSError:
            return
        for path in samples:
            yield SystemCommand(
                escape(f"Open sample: {path.name}"),
                "A sample text shipped with zhread",
                partial(self.load_file, str(path)),
            )

    def jump_to_term(self, use: TermUse) -> None:
        """As if chosen in the terms pane: to its first use, with n / N through the rest."""
        self.reader.post_message(TermsPane.TermChosen(use))

    def open_file(self) -> None:
        """Ask for a path, then read it (encoding detected as on the command line)."""

        def chosen(path: str | None) -> None:
            if path:
                self.load_file(path)

        self.reader.app.push_screen(
            PromptScreen(
                "Open file",
                hint="A text file: UTF-8/16, GB18030, Big5 … Enter opens it, Esc cancels.",
            ),
            chosen,
        )

    def load_file(self, path: str) -> None:
        """Read and decode off the UI thread (a large file takes a moment)."""
        self.reader.run_worker(
            partial(self._load_file, path),
            name="_load_file",
            group="open-file",
            exclusive=True,
            thread=True,
        )

    def _load_file(self, path: str) -> None:
        from tui.core.text.sources import load_source
        from tui.store.fetched import source_for
        from tui.store.positions import recalled

        app = self.reader.zhread
        try:
            loaded = load_source(Path(path).expanduser())
        except ZhreadError as error:
            app.call_from_thread(
                app.notify, str(error), title="Not opened", severity="error", timeout=8
            )
            return
        source = source_for(loaded.source)  # a kept web page shows its address
        offset, _ = recalled(loaded.text, source)  # a damaged store was noted at start
        app.from_worker(self.reader.open_document, loaded.text, source, offset)

    def export(self) -> None:
        """Ask for a file name, then write the word list to it (replaced atomically)."""

        def chosen(path: str | None) -> None:
            if path:
                self._export_to(path)

        self.reader.app.push_screen(
            PromptScreen(
                "Export the word list to",
                "words.apkg",
                hint=".apkg (Anki), .tsv or .csv. Enter writes it, Esc cancels.",
            ),
            chosen,
        )

    def _export_to(self, path: str) -> None:
        from tui.store.export import format_for

        app = self.reader.zhread
        words = app.word_list()
        if words is None:
            return
        output = Path(path).expanduser()
        try:
            kind = format_for(output, None)
        except ZhreadError as error:
            app.notify(str(error), title="Not exported", severity="error", timeout=8)
            return
        entries = words.entries()
        if not entries:
            app.notify(
                f"Your word list is empty: add words with {app.keys_for('add-word')} first.",
                title="Not exported",
            )
            return
        self.reader.run_worker(
            partial(self._write_export, entries, kind, output),
            name="_write_export",
            group="export",
            exclusive=True,
            thread=True,
        )

    def _write_export(self, entries: list[Any], kind: str, output: Path) -> None:
        from tui.store.export import export

        app = self.reader.zhread
        try:
            count = export(entries, kind, output)
        except ZhreadError as error:
            app.call_from_thread(
                app.notify, str(error), title="Not exported", severity="error", timeout=8
            )
            return
        app.call_from_thread(
            app.notify,
            f"{plural(count, 'word')} written to {output} ({kind})",
            title="Exported",
            timeout=5,
        )
