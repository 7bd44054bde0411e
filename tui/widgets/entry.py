"""The sidebar: what the word under the cursor is.

The glossary entry comes first, headed by the term as the text writes it (with any note on
the text being read), then every CC-CEDICT entry for the word with all its readings, its HSK
level, and each character with its own readings.
Everything shown is built as Rich ``Text`` pieces, never as markup, because it quotes the
document, the glossary and the dictionary, and any of them may contain brackets.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual import events
from textual.geometry import Size
from textual.strip import Strip

from tui.core.model.chars import Kind
from tui.core.model.document import Document, Token
from tui.core.readings.levels import HskStandard
from tui.core.readings.reading import pinyin
from tui.core.scripts.convert import Script, aligned
from tui.core.text.sanitize import visible
from tui.widgets.linepane import LinePane
from tui.wrapped import Wrapped

if TYPE_CHECKING:  # the glossary and dictionary load in workers, after the first frame
    from tui.core.glossary.entries import Entry, Glossary
    from tui.core.readings.dictionary import DictEntry, Dictionary


class EntryPanel(LinePane, can_focus=False):
    """Shows the glossary entry for a term, or the word in both scripts with its pinyin.

    It is drawn line by line (Textual's line API) and its scroll height is set without a
    screen layout: a new entry on every cursor move must repaint this pane alone, where a
    ``Static`` that changes height lays out every pane again, several times the cost of the
    rest of the move. Its scrollbar is always shown (see the stylesheet), so a longer or
    shorter entry never changes the widths either.
    """

    standard: str = HskStandard.HSK_2025  # the HSK syllabus levels are given in
    script: Script | None = None  # how the document is written, once the app knows

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.text = Text()
        self._lines: list[Strip] = []
        self._width = 0

    def show(
        self,
        token: Token | None,
        document: Document,
        glossary: Glossary | None,
        dictionary: Dictionary | None = None,
    ) -> None:
        """Describe ``token``; rebuilt on every move (a dictionary lookup is well under 1 ms)."""
        if token is None:
            self.set_text(Text("No words in this document.", style="italic"))
            return
        text = Text()
        if token.term and glossary is not None and token.term in glossary.entries:
            text.append_text(
                describe_term(glossary.get(token.term), token.text, glossary.text_note(token.term))
            )
        else:
            text.append_text(describe_word(token, document, dictionary, self.script))
        if dictionary is not None and token.kind is Kind.HAN and document.segmented:
            simplified = document.shadow[token.start : token.end] or token.text
            text.append_text(describe_dictionary(token.text, simplified, dictionary, self.standard))
        self.set_text(text)

    def set_text(self, text: Text) -> None:
        """Show ``text`` from its first line."""
        self.text = text
        self._wrap(self.scrollable_content_region.width)
        self.scroll_to(y=0, animate=False, immediate=True)
        self.refresh()

    def on_resize(self, event: events.Resize) -> None:
        # The frame that gave the pane its size was drawn with the lines of the old width
        # (none, when the pane was hidden): draw again with the new ones.
        self._wrap(self.scrollable_content_region.width)
        self.refresh()

    def _wrap(self, width: int) -> None:
        self._width = width
        if width <= 0:
            self._lines = []
            return
        console, base = self.app.console, self.base_style
        self._lines = [
            Strip(line.render(console)).apply_style(base).adjust_cell_length(width, base)
            for line in Wrapped(self.text).lines(width)  # the article's line breaks
        ]
        self.set_scroll_size(Size(width, len(self._lines)))

    def notify_style_update(self) -> None:
        super().notify_style_update()
        if self.is_mounted:
            self._wrap(self._width)  # the lines carry the old base style

    def render_line(self, y: int) -> Strip:
        index = round(self.scroll_offset.y) + y
        if 0 <= index < len(self._lines):
            return self._lines[index]
        return Strip.blank(self._width, self.base_style)


def describe_term(entry: Entry, as_written: str, text_note: str | None = None) -> Text:
    """A glossary entry headed by the term as the text writes it, the glossary's other
    forms beside it; its reading, English, definition, note, the note on this text (if the
    text has notes), see-also."""
    text = Text()
    text.append(visible(as_written), style="bold")
    for form in entry.other_forms((as_written,)):
        text.append("  " + visible(form))
    text.append("\n")
    reading = entry.reading(as_written)
    if reading:
        text.append(visible(reading) + "\n", style="italic")
    text.append(visible(entry.en) + "\n", style="bold")
    text.append(f"{entry.category}\n", style="dim")
    text.append("\n" + visible(entry.definition) + "\n")
    if entry.note:
        text.append("\n" + visible(entry.note) + "\n", style="dim")
    if text_note:
        text.append("\nIn this text: ", style="bold")
        text.append(visible(text_note) + "\n")
    if entry.see_also:
        text.append("\nsee also: " + ", ".join(entry.see_also) + "\n", style="dim")
    return text


def describe_word(
    token: Token,
    document: Document,
    dictionary: Dictionary | None = None,
    script: Script | None = None,
) -> Text:
    """A plain word: itself in both scripts and, for Han words, its reading in context.
    A Traditional document writes its words the Traditional way already, so OpenCC's
    ``s2t`` (28 MB of phrase tables) is loaded only for other documents."""
    text = Text()
    original = visible(token.text)
    text.append(original, style="bold")
    if token.kind is Kind.HAN and not document.segmented:
        # converters and pinyin tables load with the segmenter, off the first frame's path
        text.append("\n(segmenting… word boundaries are provisional)\n", style="dim")
    elif token.kind is Kind.HAN:
        simplified = document.shadow[token.start : token.end] or token.text
        traditional = token.text if script is Script.TRADITIONAL else aligned(token.text, "s2t")
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
    from tui.core.readings.dictionary import reading_in_context

    return reading_in_context(word, simplified, dictionary)


def describe_dictionary(
    word: str, simplified: str, dictionary: Dictionary, standard: str = HskStandard.HSK_2025
) -> Text:
    """Every CC-CEDICT entry for the word, its HSK level, and its characters' readings."""
    from tui.core.readings.levels import label, level

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
