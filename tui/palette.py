"""The command palette's zhread commands beyond the app's own list: opening a file or a
sample, exporting the word list, jumping to a term, and every other key's action.

A mixin of :class:`tui.app.ZhreadApp`. Each command shows its keys as they are bound now
(:meth:`Preferences.keys_for`), so a remapped key shows its new name here as in the help
screen. Everything the palette offers can also be done from the keyboard.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from textual import work
from textual.app import SystemCommand
from textual.binding import Binding
from textual.markup import escape

from tui.core.errors import ZhreadError
from tui.core.plurals import plural
from tui.core.text.sanitize import visible
from tui.screens.prompt import PromptScreen
from tui.widgets.article import ArticleView
from tui.widgets.terms import TermsPane

if TYPE_CHECKING:
    from tui.app import ZhreadApp
    from tui.core.glossary.gloss_report import TermUse

    _Base = ZhreadApp
else:
    _Base = object

#: Bindings the app's own palette list already names (with their keys).
LISTED = frozenset({"quit", "help", "cycle-script", "toggle-parallel", "toggle-inline",
                    "focus-terms", "lookup", "word-list", "stats", "library"})

#: Better titles and help than a footer's short description, by binding id.
TITLES: dict[str, tuple[str, str]] = {
    "copy-word": ("Copy word", "The word under the cursor, in the script shown"),
    "copy-sentence": ("Copy sentence", "The sentence under the cursor; again: its paragraph"),
    "add-word": ("Add word", "Save the word with its reading, definition and sentence"),
    "toggle-known": ("Mark known", "Mark the word known, or not known again"),
    "tint-unknown": ("Tint unknown words", "Tint the words not yet marked known"),
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


class PaletteActions(_Base):
    """Open file, open a sample, export, jump to a term, and every key by name."""

    def zhread_commands(self) -> Iterator[SystemCommand]:
        """The commands added to the app's palette list."""
        yield SystemCommand("Open file…", "Read another text file in this window",
                            self.action_open_file)
        yield from self._sample_commands()
        yield SystemCommand("Export word list…", "Your word list as an Anki deck, TSV or CSV "
                            "(by the file's suffix)", self.action_export)
        yield from self._binding_commands()
        for use in self.query_one(TermsPane).uses:
            entry = use.entry
            yield SystemCommand(
                escape(f"Jump to term: {visible(use.headword)} {visible(entry.en)}"),
                escape(f"{plural(use.count, 'use')}; n / N go through them"),
                partial(self.jump_to_term, use), discover=False)

    def _binding_commands(self) -> Iterator[SystemCommand]:
        article = self.query_one("#article", ArticleView)
        scopes: list[tuple[list[Binding], ArticleView | None]] = [
            (list(type(self).BINDINGS), None), (list(ArticleView.BINDINGS), article),
        ]
        for bindings, target in scopes:
            for binding in bindings:
                if not isinstance(binding, Binding) or not binding.id or binding.id in LISTED:
                    continue
                title, help_text = TITLES.get(binding.id, (binding.description, ""))
                keys = self.keys_for(binding.id)
                help_text = f"{help_text} ({keys})" if help_text else f"({keys})"
                run = partial(self.run_action, binding.action, target)
                yield SystemCommand(escape(title), escape(help_text), run)

    def _sample_commands(self) -> Iterator[SystemCommand]:
        from tui.core.glossary.bundled import seeds_dir

        try:
            samples = sorted(seeds_dir().glob("*.txt"))
        except OSError:
            return
        for path in samples:
            yield SystemCommand(escape(f"Open sample: {path.name}"), "A sample text shipped "
                                "with zhread", partial(self._load_file, str(path)))

    def jump_to_term(self, use: TermUse) -> None:
        """As if chosen in the terms pane: to its first use, with n / N through the rest."""
        self.post_message(TermsPane.TermChosen(use))

    def action_open_file(self) -> None:
        """Ask for a path, then read it (encoding detected as on the command line)."""
        def chosen(path: str | None) -> None:
            if path:
                self._load_file(path)

        self.push_screen(PromptScreen("Open file", hint="A text file: UTF-8/16, GB18030, "
                                      "Big5 … Enter opens it, Esc cancels."), chosen)

    @work(thread=True, exclusive=True, group="open-file")
    def _load_file(self, path: str) -> None:
        """Read and decode off the UI thread (a large file takes a moment)."""
        from tui.store.positions import recalled
        from tui.core.text.sources import load_source

        try:
            loaded = load_source(Path(path).expanduser())
        except ZhreadError as error:
            self.call_from_thread(self.notify, str(error), title="Not opened",
                                  severity="error", timeout=8)
            return
        offset, _ = recalled(loaded.text, loaded.source)  # a damaged store was noted at start
        self.from_worker(self.open_document, loaded.text, loaded.source, offset)

    def action_export(self) -> None:
        """Ask for a file name, then write the word list to it (replaced atomically)."""
        def chosen(path: str | None) -> None:
            if path:
                self._export_to(path)

        self.push_screen(PromptScreen("Export the word list to", "words.apkg", hint=".apkg "
                                      "(Anki), .tsv or .csv. Enter writes it, Esc cancels."),
                         chosen)

    def _export_to(self, path: str) -> None:
        from tui.store.export import format_for

        words = self._word_list()
        if words is None:
            return
        output = Path(path).expanduser()
        try:
            kind = format_for(output, None)
        except ZhreadError as error:
            self.notify(str(error), title="Not exported", severity="error", timeout=8)
            return
        entries = words.entries()
        if not entries:
            self.notify("Your word list is empty: add words with "
                        f"{self.keys_for('add-word')} first.", title="Not exported")
            return
        self._write_export(entries, kind, output)

    @work(thread=True, exclusive=True, group="export")
    def _write_export(self, entries: list, kind: str, output: Path) -> None:  # type: ignore[type-arg]
        from tui.store.export import export

        try:
            count = export(entries, kind, output)
        except ZhreadError as error:
            self.call_from_thread(self.notify, str(error), title="Not exported",
                                  severity="error", timeout=8)
            return
        self.call_from_thread(self.notify, f"{plural(count, 'word')} written to {output} ({kind})",
                              title="Exported", timeout=5)
