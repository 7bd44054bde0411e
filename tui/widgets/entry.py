"""The sidebar: what the word under the cursor is.

Everything shown is built as Rich ``Text`` pieces, never as markup, because it quotes the
document and the glossary, and either may contain brackets.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.containers import VerticalScroll
from textual.widgets import Static

from tui.core.convert import aligned
from tui.core.document import Document, Kind, Token
from tui.core.reading import pinyin
from tui.core.sanitize import visible

if TYPE_CHECKING:  # the glossary loads in the worker, after the first frame
    from tui.core.glossary import Entry, Glossary


class EntryPanel(VerticalScroll, can_focus=False):
    """Shows the glossary entry for a term, or the word in both scripts with its pinyin."""

    def compose(self):  # type: ignore[override]
        yield Static(id="entry-body")

    def show(self, token: Token | None, document: Document, glossary: Glossary | None) -> None:
        """Describe ``token``; the text is rebuilt on every move, which costs microseconds."""
        body = self.query_one("#entry-body", Static)
        if token is None:
            body.update(Text("No words in this document.", style="italic"))
        elif token.term and glossary is not None and token.term in glossary.entries:
            body.update(describe_term(glossary.get(token.term), visible(token.text)))
        else:
            body.update(describe_word(token, document))
        self.scroll_home(animate=False)


def describe_term(entry: Entry, as_written: str) -> Text:
    """A glossary entry: both scripts, pinyin, English, definition, note, see-also."""
    text = Text()
    text.append(visible(entry.hant), style="bold")
    if entry.hans != entry.hant:
        text.append("  ")
        text.append(visible(entry.hans), style="bold")
    text.append("\n")
    if entry.pinyin:
        text.append(visible(entry.pinyin) + "\n", style="italic")
    text.append(visible(entry.en) + "\n", style="bold")
    text.append(f"{entry.category}\n", style="dim")
    if as_written not in (entry.hant, entry.hans):
        text.append(f"written here as {as_written}\n", style="dim")
    text.append("\n" + visible(entry.definition) + "\n")
    if entry.note:
        text.append("\n" + visible(entry.note) + "\n", style="dim")
    if entry.see_also:
        text.append("\nsee also: " + ", ".join(entry.see_also) + "\n", style="dim")
    return text


def describe_word(token: Token, document: Document) -> Text:
    """A plain word: itself in both scripts and, for Han words, its pinyin."""
    text = Text()
    original = visible(token.text)
    text.append(original, style="bold")
    if token.kind is Kind.HAN and not document.segmented:
        # converters and pinyin tables load with the segmenter, off the first frame's path
        text.append("\n(segmenting… word boundaries are provisional)\n", style="dim")
    elif token.kind is Kind.HAN:
        simplified = document.shadow[token.start : token.end] or token.text
        traditional = aligned(token.text, "s2t")
        others = [s for s in dict.fromkeys((simplified, traditional)) if s != token.text]
        for other in others:
            text.append("  ")
            text.append(visible(other), style="bold")
        text.append("\n" + pinyin(simplified) + "\n", style="italic")
    else:
        text.append(f"\n{token.kind.value}\n", style="dim")
    text.append("\nnot in the glossary\n", style="dim")
    return text
