"""The article pane: a Line-API view of a document with a word cursor.

A ``Static`` holding a whole article re-renders everything on each cursor move; here each
visual line is a cached :class:`Strip`, so moving the cursor redraws only what changed and the
cost does not grow with the document.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Collection, Mapping, Sequence
from itertools import accumulate

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.cache import LRUCache
from textual.geometry import Size
from textual.message import Message
from textual.strip import Strip

from tui.core.compare.shown import ShownText
from tui.core.glossary.inline_glosses import inline_glosses
from tui.core.learning.states import State
from tui.core.model.chars import Kind
from tui.core.model.document import Document, Token
from tui.core.model.ranges import Ranges
from tui.core.queries.sentences import next_sentence, previous_sentence
from tui.core.text.sanitize import visible
from tui.keys import textual_bindings
from tui.layout import Layout, Line, cells, column
from tui.store.settings import Tones
from tui.widgets.linepane import LinePane

#: Texts up to this many characters are wrapped whole at once (a few milliseconds); longer
#: ones as far as the screen shows, the rest in slices between keys.
SYNC_WRAP = 60_000

#: A cursor further into a long text than this is where wrapping starts (the lines before
#: it guessed, then wrapped backwards): a place half-way through a novel shows as fast as
#: its start. Nearer the start, the text is wrapped from the top, exactly.
ANCHOR_AFTER = 8_192


class ArticleView(LinePane, can_focus=True):
    """Shows a :class:`Document` wrapped for Chinese, with a cursor that moves word by word."""

    COMPONENT_CLASSES = {
        "article--term",
        "article--cursor",
        "article--gloss",
        "article--match",
        "article--regional",
        "article--ambiguous",
        "article--unknown",
        "article--reading",
        "article--english",
        "article--above-level",
        *(f"article--state-{s}" for s in State if not s.counts_known),  # tui/reader/states.py
        *(f"article--tone-{scheme}-{tone}" for scheme in Tones.actives() for tone in range(1, 6)),
    }

    BINDINGS = textual_bindings("article")

    class CursorMoved(Message):
        """The cursor is on another token (or the document changed under it)."""

        def __init__(self, view: ArticleView, token: Token | None) -> None:
            super().__init__()
            self.view = view
            self.token = token

    class SentenceRequested(Message):
        """Enter: the reader is asked for the sentence around character ``offset``."""

        def __init__(self, view: ArticleView, offset: int) -> None:
            super().__init__()
            self.view = view
            self.offset = offset

    def __init__(self, document: Document, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.document = document
        self.script_config: str | None = None
        self.plain_text = visible(document.text)  # what is wrapped: every script as wide
        self._plain_of = document.text
        self.view_text: str | ShownText = self.plain_text  # what is drawn
        self.cursor = self._word_at_or_after(0, default=0)
        self.lines = Layout("", 0)  # wrapped as far as shown; the rest in idle slices
        self._wrap_width = 0
        self.measure = 0  # the longest line in cells, centred in a wider pane; 0: no limit
        self._goal_x: int | None = None
        self._strips: LRUCache[tuple[int, int], Strip] = LRUCache(1024)
        self.term_english: Mapping[str, str] = {}  # term id -> the gloss shown inline
        self.term_tooltips: Mapping[str, str] = {}  # term id -> the text shown on hover
        self.term_said: Mapping[str, Collection[str]] = {}  # term id -> English already given
        self.inline = False  # inline gloss mode: English after each term's first use
        self.matches = Ranges()  # the current search: highlighted, n/N step through it
        self.search_backward = False  # n goes towards the start (after ?)
        self.marks: dict[str, Ranges] = {}  # style name -> ranges drawn in that style
        self.readings: Mapping[int, str] = {}  # Han token start -> reading shown above it
        self.english: Mapping[int, str] = {}  # Han word or term start -> English shown under it
        self._english_shown: dict[int, str] = {}  # the same, cut to the word's column
        self._pads: dict[int, int] = {}  # token end -> blank cells so reading and English fit
        self._pad_offsets: list[int] = []  # sorted keys of _pads, to find a line's in O(log n)
        self.tones: str | None = None  # tone colour scheme: None or one of Tones
        self._tones_of: Callable[[Token], str] | None = None
        self._tone_cache: LRUCache[tuple[int, int], str] = LRUCache(4096)
        self._growing = False  # a slice of background wrapping is scheduled
        self._wrap_ahead = True  # wrap past the screen in idle slices (off while segmenting)
        self._hovered: int | None = None
        # the app's listener, called at once on a move (the message follows for others), so
        # the side-by-side view follows in the cursor's frame and the entry is scheduled
        self.on_move: Callable[[ArticleView, Token | None], None] | None = None

    # -- state changes -------------------------------------------------------------------

    @property
    def token(self) -> Token | None:
        """The token under the cursor, or ``None`` for a document without words."""
        return self.document.tokens[self.cursor] if self.document.tokens else None

    def set_document(self, document: Document) -> None:
        """Swap in a re-segmented document, keeping the cursor on the same character."""
        before, old = self.token, self.document
        offset = before.start if before else 0
        same_text = document.text is old.text
        self.document = document
        if not same_text:
            self._set_view_text()
        index = document.token_index_at(offset)
        self.cursor = index if self._is_word(index) else self._word_at_or_after(index, default=0)
        if same_text and not self.inline and not self.readings and not self.english:
            self._strips.clear()  # lines break by characters, not tokens: the wrap still holds
            if any(self._on_screen(start, end) for start, end in _changed(old, document)):
                self.refresh()
        else:
            self._relayout(force=True)
        if self.token != before or document.segmented != old.segmented:
            self._announce()

    def _on_screen(self, start: int, end: int) -> bool:
        """Whether characters ``start``-``end`` are on one of the lines shown."""
        if not self.lines:
            return True
        top = round(self.scroll_offset.y) // self.rows
        last = min(top + self.size.height // self.rows + 1, len(self.lines) - 1)
        top = min(top, last)
        return start < self.lines[last].end and end > self.lines[top].start

    def open(self, document: Document, offset: int = 0) -> None:
        """Show another document: what was drawn over the old text (search, marks, readings,
        tones cached per word, the script) no longer applies to it."""
        self.document = document
        self.script_config = None
        self.matches = Ranges()
        self.marks.clear()
        self.readings, self._pads, self._pad_offsets = {}, {}, []
        self.english, self._english_shown = {}, {}
        self._tone_cache.clear()
        self._goal_x = None
        self._set_view_text()
        index = document.token_index_at(min(offset, max(len(document.text) - 1, 0)))
        self.cursor = index if self._is_word(index) else self._word_at_or_after(index, default=0)
        self._relayout(force=True)
        self._scroll_to_cursor()
        self._announce()

    def set_script(self, config: str | None) -> None:
        """Show the text through a length-keeping OpenCC config (``None``: the original)."""
        self.script_config = config
        self._set_view_text()
        self._strips.clear()
        self.refresh()

    def set_term_info(
        self,
        english: Mapping[str, str],
        tooltips: Mapping[str, str],
        said: Mapping[str, Collection[str]] | None = None,
    ) -> None:
        """What to show for each term id inline and on hover (the view knows no glossary),
        and ``said``: the names of each term that, in brackets beside it, make a gloss
        redundant (see :func:`tui.core.glossary.inline_glosses.said_names`). Glossary text reaches
        the terminal through here, so its control characters become placeholders like the
        document's."""
        self.term_english = {term: visible(text) for term, text in english.items()}
        self.term_tooltips = {term: visible(text) for term, text in tooltips.items()}
        self.term_said = dict(said or {})
        if self.inline:
            self._relayout(force=True)

    def set_measure(self, cells: int) -> None:
        """Lines no longer than ``cells`` (0: as wide as the pane). Lines much longer than
        about 40 Chinese characters are hard to follow from end to start of the next, which
        is why e-readers keep a measure; the text is centred in what is left of the pane."""
        self.measure = max(0, cells)
        self._relayout()
        self.refresh()
        self._scroll_to_cursor()

    def _text_width(self) -> int:
        width = self.scrollable_content_region.width
        return min(width, self.measure) if self.measure else width

    def _margin(self) -> int:
        """Blank cells left of every line: half of what the measure leaves of the pane."""
        return max(0, self.scrollable_content_region.width - self._wrap_width) // 2

    def set_inline(self, inline: bool) -> None:
        """Turn inline glosses on or off; the text is re-wrapped around them."""
        self.inline = inline
        self._relayout(force=True)
        self._scroll_to_cursor()

    def set_matches(self, matches: Sequence[tuple[int, int]], backward: bool = False) -> None:
        """Make ``matches`` the current search: all highlighted, ``n``/``N`` step through them
        (``n`` towards the start of the text after a backward search, as in less and vim)."""
        self.matches = Ranges(matches)
        self.search_backward = backward
        self._strips.clear()
        self.refresh()

    def set_marks(self, name: str, ranges: Sequence[tuple[int, int]]) -> None:
        """Draw ``ranges`` in the ``article--NAME`` style (regional words, flagged characters)."""
        self.marks[name] = Ranges(ranges)
        self._strips.clear()
        self.refresh()

    @property
    def rows(self) -> int:
        """Screen rows per visual line: the text, with a reading line over it and an
        English line under it when they are shown."""
        return 1 + bool(self.readings) + bool(self.english)

    def set_readings(self, readings: Mapping[int, str]) -> None:
        """Show ``readings`` (Han token start -> pinyin or zhuyin) over the words; ``{}`` hides
        them. Each word becomes as wide as the wider of itself and its reading, plus a gap."""
        self.readings = readings
        self._set_columns()

    def set_english(self, english: Mapping[int, str]) -> None:
        """Show ``english`` (word start -> gloss) under the words; ``{}`` hides it. Each gloss
        is cut to its word's column (see :func:`tui.layout.column`), which grows to hold it.
        Dictionary and glossary text reaches the terminal here, so control characters
        become placeholders."""
        self.english = {start: visible(gloss) for start, gloss in english.items()}
        self._set_columns()

    def _set_columns(self) -> None:
        """Every word's blank cells after it, for its reading and English; then re-wrap."""
        readings, english = self.readings, self.english
        self._pads, self._english_shown = {}, {}
        if readings or english:
            for start, end, _, _ in self.document.spans():
                reading, gloss = readings.get(start, ""), english.get(start, "")
                if reading or gloss:
                    own = sum(cells(ch) for ch in self.view_text[start:end])
                    pad, shown = column(own, reading, gloss)
                    if pad > 0:
                        self._pads[end] = pad
                    if shown:
                        self._english_shown[start] = shown
        self._pad_offsets = sorted(self._pads)
        self._relayout(force=True)
        self._scroll_to_cursor()

    def set_tones(self, scheme: str | None, tones_of: Callable[[Token], str] | None) -> None:
        """Colour Han characters by tone; ``tones_of`` gives a word's digits ("25" for 銀行)."""
        self.tones, self._tones_of = scheme, tones_of
        self._tone_cache.clear()
        self._strips.clear()
        self.refresh()

    def _tone_digits(self, token: Token) -> str:
        key = (token.start, token.end)
        if key not in self._tone_cache and self._tones_of is not None:
            self._tone_cache[key] = self._tones_of(token)
        return self._tone_cache.get(key, "")

    def _set_view_text(self) -> None:
        """Convert lazily: a switch draws the screen's lines, not the whole of a novel."""
        if self.document.text is not self._plain_of:
            self.plain_text, self._plain_of = visible(self.document.text), self.document.text
        config = self.script_config
        self.view_text = ShownText(self.document.text, config) if config else self.plain_text

    def move_to(self, index: int) -> None:
        """Put the cursor on token ``index``, scroll it into view and tell the app."""
        if not self.document.tokens:
            return
        before = self.line_of(self.token.start) if self.token else None
        top = self.scroll_offset.y
        self.cursor = max(0, min(index, len(self.document.tokens) - 1))
        self._scroll_to_cursor()
        self._refresh_cursor_lines(before, top)
        self._announce()

    def _refresh_cursor_lines(self, before: int | None, top: float) -> None:
        """Repaint only the lines the cursor left and reached when nothing scrolled: a full
        repaint of the article costs more than the rest of a key together."""
        if before is None or self.scroll_offset.y != top or not self.token:
            self.refresh()
            return
        for line in {before, self.line_of(self.token.start)}:
            self.refresh_lines(line * self.rows, self.rows)

    def _announce(self) -> None:
        if self.on_move is not None:
            self.on_move(self, self.token)
        self.post_message(self.CursorMoved(self, self.token))

    # -- layout --------------------------------------------------------------------------

    def on_resize(self, event: events.Resize) -> None:
        self._relayout()
        self._scroll_to_cursor()

    def on_mount(self) -> None:
        self._relayout()
        self._announce()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._strips.clear()

    def _relayout(self, force: bool = False) -> None:
        width = self._text_width()
        if width <= 0 or (width == self._wrap_width and not force):
            return
        self._wrap_width = width
        words = (
            {
                start: end
                for start, end, _, _ in self.document.spans()
                if start in self.readings or start in self.english
            }
            if (self.readings or self.english)
            else {}
        )
        top, anchored = self._top_offset(), self.lines.first > 0
        here = self.token.start if self.token else 0
        anchor = here if len(self.plain_text) > SYNC_WRAP and here > ANCHOR_AFTER else 0
        self.lines = Layout(
            self.plain_text, width, self._notes(), words, self._pads, self.document.text, anchor
        )
        self.lines.through_offset(here)
        if top is not None and (anchor or anchored):
            self._keep_top(top)  # the lines' indices are new: the same text stays on top
        self.lines.through_line(round(self.scroll_offset.y) // self.rows + 2 * self.size.height)
        if len(self.plain_text) <= SYNC_WRAP:
            self.lines.through_offset(len(self.plain_text))
        self.lines.on_shift = self._shifted
        self._strips.clear()
        self._size_to_layout()
        self.refresh()
        self._schedule_growth()

    def _top_offset(self) -> int | None:
        """The first character on the top line shown, if the lines are of this text."""
        lines = self.lines
        if lines.text is not self.plain_text or not lines.wrapped_to:
            return None
        top = round(self.scroll_offset.y) // self.rows
        return lines[top].start if lines.base <= top < len(lines) else None

    def _keep_top(self, offset: int) -> None:
        """Scroll the new lines so that ``offset`` is on the top line, as it was."""
        self._size_to_layout()
        y = self.lines.line_of(offset) * self.rows
        self.scroll_to(y=y, animate=False, immediate=True)

    def _shifted(self, delta: int) -> None:
        """The lines' indices moved by ``delta`` (the guess of the lines before the place
        first shown settled): scroll by as much, so the same text stays on screen."""
        self._strips.clear()
        self._size_to_layout()
        y = self.scroll_offset.y + delta * self.rows
        self.scroll_to(y=max(0, y), animate=False, immediate=True)
        self.refresh()

    def _size_to_layout(self) -> None:
        width = max(self._wrap_width, 1)
        self.set_scroll_size(Size(width, self.lines.estimated_total() * self.rows))

    def set_wrap_ahead(self, on: bool) -> None:
        """Whether to wrap the text past the screen in idle slices. The app turns it off
        while a thread segments the text: both want the interpreter, and the lines past the
        screen are wrapped on demand anyway, so the segmenter goes first."""
        self._wrap_ahead = on
        self._schedule_growth()

    def _schedule_growth(self) -> None:
        """Wrap the rest of a long text a few milliseconds at a time, between keys."""
        if not self.lines.complete and not self._growing and self._wrap_ahead and self.is_mounted:
            self._growing = True
            self.set_timer(0.02, self._grow_layout)

    def _grow_layout(self) -> None:
        self._growing = False
        if self._wrap_ahead and self.lines.grow(0.004):
            self._schedule_growth()
        self._size_to_layout()

    def _notes(self) -> dict[int, str]:
        """Where inline glosses go: after the first use of each term that needs one."""
        if not self.inline:
            return {}
        return inline_glosses(
            self.document.text, self.document.terms(), self.term_english, self.term_said
        )

    def line_of(self, offset: int) -> int:
        """Index of the visual line holding character ``offset`` (wrapping that far)."""
        wrapped = len(self.lines)
        index = self.lines.line_of(offset)
        if len(self.lines) != wrapped:
            self._size_to_layout()
        return index

    # -- rendering -----------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        index, row = divmod(round(self.scroll_offset.y) + y, self.rows)
        width = self.scrollable_content_region.width
        if index >= len(self.lines) and not self.lines.complete:
            self.lines.through_line(index + self.size.height)  # scrolled past the wrapped part
            self.call_later(self._size_to_layout)
        if index >= len(self.lines):
            return Strip.blank(width, self.base_style)
        reading_row = bool(self.readings) and row == 0
        english_row = bool(self.english) and row == self.rows - 1
        cursor_line = self.line_of(self.token.start) if self.token else -1
        at_cursor = self.cursor if index == cursor_line else -1
        key = (index, -2 if reading_row else -3 if english_row else at_cursor)
        strip = self._strips.get(key)
        if strip is None:
            if reading_row:
                strip = self._render_reading_line(index)
            elif english_row:
                strip = self._render_english_line(index)
            else:
                strip = self._render_text_line(self.lines[index], key[1])
            self._strips[key] = strip
        if margin := self._margin():
            strip = Strip.join([Strip.blank(margin, self.base_style), strip])
        return strip.adjust_cell_length(width, self.base_style)

    def _extras(self, line: Line) -> list[tuple[int, str, bool]]:
        """What is drawn besides the text: (offset, text, is_gloss), in drawing order."""
        offsets = self._pad_offsets
        first, last = bisect_right(offsets, line.start), bisect_right(offsets, line.end)
        pads = [(at, " " * self._pads[at], False) for at in offsets[first:last]]
        notes = [(at, note, True) for at, note in line.notes]
        return sorted(pads + notes, key=lambda extra: (extra[0], extra[2]))

    def _render_reading_line(self, index: int) -> Strip:
        """The reading row: each word's reading at the column where the word starts."""
        line, style = self.lines[index], self.layered_style(("article--reading",))
        segments: list[Segment] = []
        x = 0
        tokens = self.document.tokens
        at = self.document.token_index_at(line.start) if line.end > line.start else len(tokens)
        while at < len(tokens) and tokens[at].start < line.end:
            reading = self.readings.get(tokens[at].start)
            if reading and tokens[at].start >= line.start:
                column = self._x_of(index, tokens[at].start)
                segments.append(Segment(" " * max(0, column - x), self.base_style))
                segments.extend(self._reading_segments(tokens[at], reading, style))
                x = max(x, column) + cell_len(reading)
            at += 1
        return Strip(Segment.simplify(segments))

    def _render_english_line(self, index: int) -> Strip:
        """The English row: each word's gloss, cut to its column, where the word starts."""
        line, style = self.lines[index], self.layered_style(("article--english",))
        shown = self._english_shown
        segments: list[Segment] = []
        x = 0
        tokens = self.document.tokens
        at = self.document.token_index_at(line.start) if line.end > line.start else len(tokens)
        column_of: Callable[[int], int] | None = None
        while at < len(tokens) and tokens[at].start < line.end:
            start = tokens[at].start
            gloss = shown.get(start)
            if gloss and start >= line.start:
                column_of = column_of or self._columns(index)
                place = column_of(start)
                segments.append(Segment(" " * max(0, place - x), self.base_style))
                segments.append(Segment(gloss, style))
                x = max(x, place) + cell_len(gloss)
            at += 1
        return Strip(Segment.simplify(segments))

    def _reading_segments(self, token: Token, reading: str, style: Style) -> list[Segment]:
        """The reading, each syllable in its tone's colour when tone colours are on."""
        digits = self._tone_digits(token) if self.tones else ""
        syllables = reading.split(" ")
        if not digits or len(digits) != len(syllables):
            return [Segment(reading, style)]
        segments: list[Segment] = []
        for number, (syllable, digit) in enumerate(zip(syllables, digits, strict=True)):
            toned = self.layered_style(("article--reading", f"article--tone-{self.tones}-{digit}"))
            segments.append(Segment(("" if number == 0 else " ") + syllable, toned))
        return segments

    def _render_text_line(self, line: Line, cursor: int) -> Strip:
        base, gloss = self.base_style, self.layered_style(("article--gloss",))
        segments: list[Segment] = []
        extras = self._extras(line)

        def extra(item: tuple[int, str, bool]) -> Segment:
            return Segment(item[1], gloss if item[2] else base)

        for start, end, style in self._styled_pieces(line, cursor):
            while extras and extras[0][0] <= start:
                segments.append(extra(extras.pop(0)))
            cut = start
            while extras and extras[0][0] < end:
                item = extras.pop(0)
                segments.append(Segment(self.view_text[cut : item[0]], style))
                segments.append(extra(item))
                cut = item[0]
            segments.append(Segment(self.view_text[cut:end], style))
        segments.extend(extra(item) for item in extras)
        return Strip(Segment.simplify(segments))

    def _styled_pieces(self, line: Line, cursor: int) -> list[tuple[int, int, Style]]:
        """The line cut at token edges, each piece with the style of its token: its layers
        bottom first (term, marks, search hit, cursor, tone), laid over the pane's style."""
        first, words = self._line_tokens(line)
        marked = self._marks_on(line, words) if self.marks else {}
        pieces: list[tuple[int, int, Style]] = []
        for at, token in enumerate(words):
            layers = ["article--term"] if token.term else []
            layers += marked.get(at, ())
            if self.matches.covers(token.start):
                layers.append("article--match")
            if first + at == cursor:
                layers.append("article--cursor")
            start, end = max(line.start, token.start), min(line.end, token.end)
            digits = self._tone_digits(token) if self.tones and token.kind is Kind.HAN else ""
            if digits:  # one piece per character, each in its tone's colour
                for pos in range(start, end):
                    tone = f"article--tone-{self.tones}-{digits[pos - token.start]}"
                    pieces.append((pos, pos + 1, self.layered_style((*layers, tone))))
            else:
                pieces.append((start, end, self.layered_style(tuple(layers))))
        return pieces

    def _line_tokens(self, line: Line) -> tuple[int, list[Token]]:
        """The index of the line's first token, and its tokens: fetched once (each fetch
        from the document finds its chunk)."""
        tokens, count = self.document.tokens, len(self.document.tokens)
        first = self.document.token_index_at(line.start) if line.end > line.start else count
        found: list[Token] = []
        for index in range(first, count):
            token = tokens[index]
            if token.start >= line.end:
                break
            found.append(token)
        return first, found

    def _marks_on(self, line: Line, words: Sequence[Token]) -> dict[int, list[str]]:
        """The mark styles of each of the line's tokens (by place in ``words``), in the
        order the marks were set: found by walking each mark's ranges on the line beside
        the tokens, so that a text tinted word by word (the learning states) costs a
        bisection per mark and line, not per mark and word."""
        found: dict[int, list[str]] = {}
        for name, ranges in self.marks.items():
            style, at = f"article--{name}", 0
            for start, end in ranges.within(line.start, line.end):
                while at < len(words) and words[at].end <= start:
                    at += 1  # the ranges are in order: the words before are done
                meets = at
                while meets < len(words) and words[meets].start < end:
                    styles = found.setdefault(meets, [])
                    if not styles or styles[-1] != style:
                        styles.append(style)
                    meets += 1
        return found

    # -- cursor movement -----------------------------------------------------------------

    def _is_word(self, index: int) -> bool:
        tokens = self.document.tokens
        return 0 <= index < len(tokens) and tokens[index].kind.is_word

    def _word_at_or_after(self, index: int, step: int = 1, default: int | None = None) -> int:
        """The nearest word token from ``index`` in direction ``step``, else ``default``
        (the current cursor: at either end of the text the cursor stays put)."""
        tokens = self.document.tokens
        probe = index
        while 0 <= probe < len(tokens):
            if tokens[probe].kind.is_word:
                return probe
            probe += step
        return self.cursor if default is None else default

    def action_next_word(self) -> None:
        self._goal_x = None
        self.move_to(self._word_at_or_after(self.cursor + 1))

    def action_previous_word(self) -> None:
        self._goal_x = None
        self.move_to(self._word_at_or_after(self.cursor - 1, -1))

    def action_first_word(self) -> None:
        self._goal_x = None
        self.move_to(self._word_at_or_after(0))

    def action_last_word(self) -> None:
        self._goal_x = None
        self.move_to(self._word_at_or_after(len(self.document.tokens) - 1, -1))

    def action_next_term(self) -> None:
        self._jump_term(1)

    def action_previous_term(self) -> None:
        self._jump_term(-1)

    def _jump_term(self, step: int) -> None:
        """By bisection over the document's terms: a scan token by token would make a Token
        for every word between two terms, which in a novel can be a second."""
        here = self.token.start if self.token else 0
        starts = [term.start for term in self.document.terms()]
        at = bisect_right(starts, here) if step > 0 else bisect_left(starts, here) - 1
        if 0 <= at < len(starts):
            self._goal_x = None
            self.move_to(self.document.token_index_at(starts[at]))
            return
        self.app.bell()

    def action_next_match(self) -> None:
        self._step_match(-1 if self.search_backward else 1)

    def action_previous_match(self) -> None:
        self._step_match(1 if self.search_backward else -1)

    def _step_match(self, step: int) -> None:
        if self.token is None:
            self._goto_match(None)
        elif step > 0:
            self._goto_match(self.matches.after(self.token.start))
        else:
            self._goto_match(self.matches.before(self.token.start))

    def _goto_match(self, match: tuple[int, int] | None) -> None:
        if match is None:
            self.app.bell()
            return
        self._goal_x = None
        self.move_to(self.document.token_index_at(match[0]))

    def action_next_sentence(self) -> None:
        """`)`: the first word of the next sentence."""
        self._to_sentence(next_sentence)

    def action_previous_sentence(self) -> None:
        """`(`: the first word of this sentence, or from there of the one before (as vim)."""
        self._to_sentence(previous_sentence)

    def _to_sentence(self, find: Callable[[Document, int], int | None]) -> None:
        index = find(self.document, self.token.start) if self.token else None
        if index is None:
            self.app.bell()
            return
        self._goal_x = None
        self.move_to(index)

    def action_open_sentence(self) -> None:
        if self.token is None:
            self.app.bell()
            return
        self.post_message(self.SentenceRequested(self, self.token.start))

    def action_line_down(self) -> None:
        self._move_lines(1)

    def action_line_up(self) -> None:
        self._move_lines(-1)

    def action_page_down(self) -> None:
        self._move_page(1)

    def action_page_up(self) -> None:
        self._move_page(-1)

    def _move_page(self, step: int) -> None:
        page = max(1, self.scrollable_content_region.height // self.rows)
        before = self.scroll_offset.y
        self.scroll_to(y=before + step * page * self.rows, animate=False, immediate=True)
        shift = round(self.scroll_offset.y - before) // self.rows or step * page
        self._move_lines(shift)

    def _move_lines(self, count: int) -> None:
        """Move ``count`` visual lines, landing on the word nearest the remembered column."""
        if not self.token or not self.lines:
            return
        if count < 0:  # the lines above, wrapped first: their indices may settle
            self.lines.back_to(self.line_of(self.token.start) + count - 1)
        here = self.line_of(self.token.start)
        if self._goal_x is None:
            self._goal_x = self._x_of(here, self.token.start)
        if count > 0:
            self.lines.through_line(here + count + 1)
            self._size_to_layout()
        target = max(0, min(here + count, len(self.lines) - 1))
        step = 1 if count > 0 else -1
        while 0 <= target < len(self.lines):
            index = self._word_in_line(target, self._goal_x)
            if index is not None and index != self.cursor:
                self.move_to(index)
                return
            target += step
        self.app.bell()

    def _x_of(self, line_index: int, offset: int) -> int:
        return self._columns(line_index)(offset)

    def _columns(self, line_index: int) -> Callable[[int], int]:
        """The column of any offset on a line, worked out once for the line: a move to
        another line asks for two columns per word on it."""
        line = self.lines[line_index]
        extras = [(at, cell_len(text)) for at, text, _ in self._extras(line)]
        ats = [at for at, _ in extras]
        before = list(accumulate(width for _, width in extras))
        widths = list(
            accumulate((cells(ch) for ch in self.view_text[line.start : line.end]), initial=0)
        )

        def column(offset: int) -> int:
            placed = bisect_right(ats, offset)  # the extras at or before ``offset``
            return (before[placed - 1] if placed else 0) + widths[offset - line.start]

        return column

    def _word_in_line(self, line_index: int, goal_x: int) -> int | None:
        """The word token on a line closest to column ``goal_x`` (None if the line has none)."""
        line = self.lines[line_index]
        if line.end <= line.start:
            return None
        best: tuple[int, int] | None = None
        tokens = self.document.tokens
        column = self._columns(line_index)
        index = self.document.token_index_at(line.start)
        while index < len(tokens) and tokens[index].start < line.end:
            if tokens[index].kind.is_word:
                x0 = column(max(line.start, tokens[index].start))
                x1 = column(min(line.end, tokens[index].end))
                distance = 0 if x0 <= goal_x < x1 else min(abs(goal_x - x0), abs(goal_x - x1 + 1))
                if best is None or distance < best[0]:
                    best = (distance, index)
            index += 1
        return None if best is None else best[1]

    def _scroll_to_cursor(self) -> None:
        if not self.token or not self.lines:
            return
        first = self.line_of(self.token.start) * self.rows  # the word's reading row, if any
        last = first + self.rows - 1
        top = round(self.scroll_offset.y)
        height = max(1, self.scrollable_content_region.height)
        if first < top:
            self.scroll_to(y=first, animate=False, immediate=True)
        elif last >= top + height:
            self.scroll_to(y=last - height + 1, animate=False, immediate=True)

    # -- mouse ---------------------------------------------------------------------------

    async def on_click(self, event: events.Click) -> None:
        """A click puts the cursor on the word; a double click also looks it up."""
        index = self._token_under(event)
        if index is not None and self._is_word(index):
            self._goal_x = None
            self.move_to(index)
            if event.chain == 2:
                await self.run_action("screen.lookup")

    def on_mouse_move(self, event: events.MouseMove) -> None:
        """A term under the mouse shows its gloss as a tooltip."""
        index = self._token_under(event)
        if index == self._hovered:
            return
        self._hovered = index
        term = self.document.tokens[index].term if index is not None else None
        tip = self.term_tooltips.get(term, "") if term else ""
        self.tooltip = Text(tip) if tip else None

    def _token_under(self, event: events.MouseEvent) -> int | None:
        offset = event.get_content_offset(self)
        if offset is None:
            return None
        line_index = (round(self.scroll_offset.y) + offset.y) // self.rows
        if not 0 <= line_index < len(self.lines):
            return None
        x = offset.x - self._margin()
        char = self._offset_at_x(self.lines[line_index], x) if x >= 0 else None
        return None if char is None else self.document.token_index_at(char)

    def _offset_at_x(self, line: Line, x: int) -> int | None:
        """The character drawn at column ``x``; a click on a gloss means the term before it."""
        used = 0
        extras = self._extras(line)
        for pos in range(line.start, line.end + 1):
            while extras and extras[0][0] == pos:
                used += cell_len(extras.pop(0)[1])
                if used > x:
                    return max(line.start, pos - 1)
            if pos == line.end:
                break
            used += cells(self.view_text[pos])
            if used > x:
                return pos
        return None


def _changed(old: Document, new: Document) -> list[tuple[int, int]]:
    """The stretches of text whose tokens differ: the chunks the two do not share (a step
    of the segmenter replaces a chunk or two and shares the rest)."""
    if len(old.chunks) != len(new.chunks):
        return [(0, len(new.text))]
    return [(b.start, b.end) for a, b in zip(old.chunks, new.chunks, strict=True) if a is not b]


def layout_lines(
    document: Document,
    text: str,
    width: int,
    notes: Mapping[int, str] | None = None,
    words: Mapping[int, int] | None = None,
    pads: Mapping[int, int] | None = None,
) -> list[Line]:
    """Wrap every paragraph, with a spacer line between two paragraphs that have text."""
    layout = Layout(text, width, notes, words, pads, document.text)
    layout.through_offset(len(text))
    return list(layout)
