"""The sidebar: what the word under the cursor is.

The glossary entry comes first (it is written for this article), then every CC-CEDICT entry
for the word with all its readings, its HSK level, and each character with its own readings.
Everything shown is built as Rich ``Text`` pieces, never as markup, because it quotes the
document, the glossary and the dictionary, and any of them may contain brackets.
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

if TYPE_CHECKING:  # the glossary and dictionary load in workers, after the first frame
    from tui.core.dictionary import DictEntry, Dictionary
    from tui.core.glossary import Entry, Glossary


#: Entry heights are rounded up to this many lines (see :func:`_update_in_place`).
HEIGHT_STEP = 12


class EntryPanel(VerticalScroll, can_focus=False):
    """Shows the glossary entry for a term, or the word in both scripts with its pinyin."""

    standard = "2025"  # the HSK syllabus levels are given in: "2025", "2021" or "2.0"

    def compose(self):  # type: ignore[override]
        yield Static(id="entry-body")

    def show(
        self,
        token: Token | None,
        document: Document,
        glossary: Glossary | None,
        dictionary: Dictionary | None = None,
    ) -> None:
        """Describe ``token``; rebuilt on every move (a dictionary lookup is well under 1 ms)."""
        body = self.query_one("#entry-body", Static)
        if token is None:
            body.update(Text("No words in this document.", style="italic"))
            return
        text = Text()
        if token.term and glossary is not None and token.term in glossary.entries:
            text.append_text(describe_term(glossary.get(token.term), visible(token.text)))
        else:
            text.append_text(describe_word(token, document, dictionary))
        if dictionary is not None and token.kind is Kind.HAN and document.segmented:
            simplified = document.shadow[token.start : token.end] or token.text
            text.append_text(describe_dictionary(token.text, simplified, dictionary, self.standard))
        _update_in_place(body, text)
        self.scroll_home(animate=False)


def _update_in_place(body: Static, text: Text) -> None:
    """Show ``text``, laying the screen out again only when the body's height changes: a
    layout repaints every pane, several times what the rest of a cursor move costs. So an
    entry is padded with blank lines to the panel's height, or a longer one to the next
    multiple of :data:`HEIGHT_STEP`, and most moves keep the height they had."""
    width, height = body.content_size
    panel = body.parent.scrollable_content_region.height if body.parent else 0
    if width and panel:
        lines = len(text.wrap(body.app.console, width))
        target = max(panel, -(-lines // HEIGHT_STEP) * HEIGHT_STEP)
        text.append("\n" * (target - lines))
    body.update(text, layout=False)
    if not width or body.visual.get_height(body.styles, width) != height:
        body.clear_cached_dimensions()
        body.refresh(layout=True)


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


def describe_word(token: Token, document: Document, dictionary: Dictionary | None = None) -> Text:
    """A plain word: itself in both scripts and, for Han words, its reading in context."""
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
        text.append("\n" + _reading(token.text, simplified, dictionary) + "\n", style="italic")
    else:
        text.append(f"\n{token.kind.value}\n", style="dim")
    text.append("\nnot in the glossary\n", style="dim")
    return text


def _reading(word: str, simplified: str, dictionary: Dictionary | None) -> str:
    """The dictionary's reading where it settles it (銀行 yín háng), else pypinyin's."""
    if dictionary is None:
        return pinyin(simplified)
    from tui.core.reading import reading_in_context

    return reading_in_context(word, simplified, dictionary)


def describe_dictionary(
    word: str, simplified: str, dictionary: Dictionary, standard: str = "2025"
) -> Text:
    """Every CC-CEDICT entry for the word, its HSK level, and its characters' readings."""
    from tui.core.levels import label, level

    text = Text("\n")
    hsk = level(simplified, standard)
    name = f"HSK {standard}"
    text.append(f"{name}: {label(hsk)}\n" if hsk else f"{name}: not in the syllabus\n", style="dim")
    entries = dictionary.lookup(word) or dictionary.lookup(simplified)
    if not entries:
        text.append("Not in CC-CEDICT.\n", style="dim")
        longest = dictionary.longest_at(word, 0)
        if longest and longest != word:  # the longest dictionary word the cursor's word begins with
            text.append_text(describe_dictionary(longest, longest, dictionary, standard))
            return text
    for entry in entries:
        text.append_text(_dictionary_entry(entry))
    if len(word) > 1:
        text.append("\nCharacters\n", style="bold")
        for ch, char_entries in dictionary.characters(word):
            readings = dict.fromkeys(e.pinyin_marks for e in char_entries)
            text.append(visible(ch), style="bold")
            text.append("  " + (" / ".join(readings) or "?") + "\n", style="italic")
    return text


def _dictionary_entry(entry: DictEntry) -> Text:
    text = Text("\n")
    forms = dict.fromkeys((entry.traditional, entry.simplified))
    text.append("  ".join(visible(f) for f in forms), style="bold")
    text.append("  " + visible(entry.pinyin_marks) + "\n", style="italic")
    for number, definition in enumerate(entry.definitions, 1):
        text.append(f"{number}. ", style="dim")
        text.append(visible(definition) + "\n")
    return text
