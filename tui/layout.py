"""CJK-aware line wrapping, measured in terminal cells.

Rich wraps only at spaces and lets a line start with 。; Chinese needs breaks between Han
characters, whole Latin words and numbers, and the kinsoku rules (no closing punctuation at
the start of a line, no opening punctuation at its end). Widths come from Rich's cell tables
because characters such as ``·`` are ambiguous and ``len`` is wrong for all wide ones.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from time import perf_counter
from typing import overload

from rich.cells import cell_len, get_character_cell_size

from tui.core.model import chars
from tui.core.model.chars import Kind
from tui.core.readings.glosses import cut_gloss

_CONNECTORS = frozenset("-.'_/&+#%’")

#: Characters of one paragraph wrapped at a time (a few milliseconds): a novel on one line
#: is wrapped as far as it is read, a piece at a time, like any other.
PIECE = 512


@dataclass(frozen=True, slots=True)
class Atom:
    """A stretch that is never broken, with its width and whether it may hang past the edge.

    A note (an inline gloss) is laid out like any other atom so that wrapping stays right
    with glosses on: an atom of no text (``start == end``) of its own, or, when it falls
    inside an atom (before the 。 glued to a term), part of that atom, so that no line
    starts with the punctuation. ``notes`` are (offset, words) pairs.
    """

    start: int
    end: int
    cells: int
    space: bool
    notes: tuple[tuple[int, str], ...] = ()


@dataclass(frozen=True, slots=True)
class Line:
    """One visual line: ``text[start:end]`` with notes drawn before the offsets they carry.

    A spacer line between paragraphs has ``start == end`` and no notes.
    """

    start: int
    end: int
    notes: tuple[tuple[int, str], ...] = ()


def cells(ch: str) -> int:
    """Cell width of one (already sanitised) character."""
    return get_character_cell_size(ch)


#: How far a word's English may reach past the word, in cells (before the gap after it).
ENGLISH_OVERHANG = 2


def column(own: int, reading: str = "", english: str = "") -> tuple[int, str]:
    """The blank cells to draw after a word ``own`` cells wide so that its reading (over
    it) and its English (under it) fit in its column, and the English as shown there.

    The reading line makes a word as wide as its reading plus a gap. The English is cut
    to the word's width plus :data:`ENGLISH_OVERHANG` cells (or to the reading's width when
    that is wider: the column is that wide anyway), and the column then makes room for it
    and a gap: a word grows by at most three cells for its English, and no English runs
    under the next word. Its whole entry is in the sidebar."""
    width = own
    if reading:
        width = max(width, cell_len(reading) + 1)
    if english:
        english = cut_gloss(english, max(own + ENGLISH_OVERHANG, width - 1))
        if english:
            width = max(width, cell_len(english) + 1)
    return width - own, english


def wrap(
    text: str,
    start: int,
    end: int,
    width: int,
    notes: Mapping[int, str] | None = None,
    words: Mapping[int, int] | None = None,
    pads: Mapping[int, int] | None = None,
) -> list[Line]:
    """Break ``text[start:end]`` into lines no wider than ``width`` cells (spaces may hang).

    ``notes`` maps an offset to words shown right after the character before it (an inline
    gloss after a term), exactly there, even before punctuation glued to that character. ``words``
    maps a start offset to an end offset that must stay on one line, and ``pads`` an end
    offset to blank cells drawn after it: with a reading line, each word is as wide as the
    wider of itself and its reading, so the reading sits over it.
    """
    width = max(width, 2)
    lines: list[Line] = []
    line_start, used = start, 0
    line_notes: list[tuple[int, str]] = []
    for atom in _with_notes(atoms(text, start, end, words, pads), notes or {}, width):
        if used + atom.cells <= width or (atom.notes and not used):
            used += atom.cells
            line_notes.extend(atom.notes)
            continue
        if atom.space:
            lines.append(Line(line_start, atom.end, tuple(line_notes)))
            line_start, used, line_notes = atom.end, 0, []
            continue
        if used:
            lines.append(Line(line_start, atom.start, tuple(line_notes)))
            line_start, used, line_notes = atom.start, 0, []
        if atom.notes:
            used, line_notes = atom.cells, list(atom.notes)
        elif atom.cells <= width:
            used = atom.cells
        else:
            line_start, used = _hard_split(text, atom, width, lines)
    lines.append(Line(line_start, end, tuple(line_notes)))
    return lines


def _with_notes(units: list[Atom], notes: Mapping[int, str], width: int) -> list[Atom]:
    """Put each note where it belongs, cut to the width: inside the atom holding its offset
    when that atom has room for it, else after the atom."""
    if not notes:
        return units
    out: list[Atom] = []
    for unit in units:
        inside = [(at, notes[at]) for at in range(unit.start + 1, unit.end) if notes.get(at)]
        room = width - unit.cells
        atom = unit
        if len(inside) == 1 and room >= 2:
            at, note = inside[0]
            note = note if cell_len(note) <= room else _truncate(note, room)
            atom, inside = replace(unit, cells=unit.cells + cell_len(note), notes=((at, note),)), []
        out.append(atom)
        after = [note for _, note in inside] + ([notes[atom.end]] if notes.get(atom.end) else [])
        for whole in after:
            note = whole if cell_len(whole) <= width else _truncate(whole, width)
            out.append(Atom(atom.end, atom.end, cell_len(note), False, ((atom.end, note),)))
    return out


def _truncate(note: str, width: int) -> str:
    cut = ""
    for ch in note:
        if cell_len(cut + ch) > width - 1:
            break
        cut += ch
    return cut + "…"


def _hard_split(text: str, atom: Atom, width: int, lines: list[Line]) -> tuple[int, int]:
    """Cut an atom wider than the line by characters; returns the open line's start and width.

    The cut moves one character back when it would put closing punctuation first on the next
    line or leave opening punctuation last on this one.
    """
    line_start, used = atom.start, 0
    pos = atom.start
    while pos < atom.end:
        w = cells(text[pos])
        if used + w > width and used:
            cut = pos
            if (text[cut] in chars.NO_LINE_START or text[cut - 1] in chars.NO_LINE_END) and (
                cut - 1 > line_start
            ):
                cut -= 1
            cut = _word_break(text, line_start, cut)
            lines.append(Line(line_start, cut))
            line_start, used, pos = cut, 0, cut
            continue
        used += w
        pos += 1
    return line_start, used


def _word_break(text: str, line_start: int, cut: int) -> int:
    """A cut moved back out of a Latin word or number, to the last connector before it
    (``DeepSeek-`` / ``R1``), when the line has one: only a word wider than the line is cut."""
    at = cut
    while at - 1 > line_start and _is_narrow_alnum(text[at - 1]) and _is_narrow_alnum(text[at]):
        at -= 1
    return at if at - 1 > line_start and text[at - 1] not in chars.NO_LINE_END else cut


def atoms(
    text: str,
    start: int,
    end: int,
    words: Mapping[int, int] | None = None,
    pads: Mapping[int, int] | None = None,
) -> list[Atom]:
    """Group characters into unbreakable atoms, then glue punctuation to its neighbours."""
    raw: list[list[int]] = []  # [start, end] pairs, mutable while merging
    pos = start
    while pos < end:
        stop = max(_unit_end(text, pos, end), min((words or {}).get(pos, pos), end))
        raw.append([pos, stop])
        pos = stop
    glued = _glue(text, raw)
    pads = pads or {}
    return [Atom(s, e, _width(text, s, e, pads), text[s:e].isspace()) for s, e in glued]


def _width(text: str, start: int, end: int, pads: Mapping[int, int]) -> int:
    """Cells of ``text[start:end]`` plus the blank cells drawn after any word inside it."""
    width = sum(cells(ch) for ch in text[start:end])
    if pads:
        width += sum(pads.get(i, 0) for i in range(start + 1, end + 1))
    return width


def _unit_end(text: str, pos: int, end: int) -> int:
    """End of the smallest unit starting at ``pos``: a char with its marks, a word, a space run."""
    ch = text[pos]
    stop = pos + 1
    if ch.isspace():
        while stop < end and text[stop].isspace():
            stop += 1
        return stop
    if _is_narrow_alnum(ch):
        while stop < end and (
            _is_narrow_alnum(text[stop])
            or chars.is_mark(text[stop])
            or (text[stop] in _CONNECTORS and stop + 1 < end and _is_narrow_alnum(text[stop + 1]))
        ):
            stop += 1
        return stop
    while stop < end and chars.is_mark(text[stop]):
        stop += 1
    return stop


def _is_narrow_alnum(ch: str) -> bool:
    return chars.char_kind(ch) in (Kind.LATIN, Kind.NUMBER) and cells(ch) == 1


def _glue(text: str, units: list[list[int]]) -> list[tuple[int, int]]:
    """Closing punctuation joins the unit before it; opening punctuation the unit after it."""
    out: list[list[int]] = []
    pending_open: int | None = None
    for s, e in units:
        single_open = e - s == 1 and text[s] in chars.NO_LINE_END
        if text[s] in chars.NO_LINE_START and out and pending_open is None:
            if not text[out[-1][0]].isspace():
                out[-1][1] = e
                continue
            if len(out) >= 2:  # "word 」": the space and the mark both stay with the word
                out[-2][1] = e
                out.pop()
                continue
        start = s
        if pending_open is not None:
            if text[s].isspace():
                continue  # the opener waits for the word it opens, across any spaces
            start, pending_open = pending_open, None
        if single_open:
            pending_open = start
            continue
        out.append([start, e])
    if pending_open is not None:
        out.append([pending_open, units[-1][1]])
    return [(s, e) for s, e in out]


class Layout(Sequence[Line]):
    """The visual lines of a whole text, wrapped paragraph by paragraph as far as asked.

    A novel takes seconds to wrap, so nothing waits for all of it: the view asks for the
    lines it shows (:meth:`through_offset`, :meth:`through_line`) and wraps the rest in
    small slices (:meth:`grow`). Lines are kept as two ``array('i')`` of offsets (8 bytes a
    line) with the rare inline notes in a dict; :class:`Line` objects are made when read.
    A spacer line separates two paragraphs that both have text.

    Opened at a remembered place (``anchor``), it starts wrapping at the paragraph holding
    it and guesses how many lines come before (:attr:`base`): a line's index is then that
    guess plus its place among the lines held. The paragraphs before are wrapped backwards
    as they are asked for (scrolling up) or in idle slices, which makes the guess exact
    line by line; where it proves wrong (the text's start reached with lines still
    guessed, or more lines than guessed) every index moves by the error at once, and
    ``on_shift`` is told by how much, so that a view can scroll by as much.
    """

    def __init__(
        self,
        text: str,
        width: int,
        notes: Mapping[int, str] | None = None,
        words: Mapping[int, int] | None = None,
        pads: Mapping[int, int] | None = None,
        source: str | None = None,
        anchor: int = 0,
    ) -> None:
        """``source`` is the text whose newlines end paragraphs, when ``text`` (what is
        shown) has them replaced by visible placeholders; ``anchor`` the character whose
        paragraph is wrapped first."""
        self.text, self.width = text, width
        self.source = text if source is None else source
        self._notes, self._words, self._pads = notes or None, words or None, pads or None
        self.starts = array("i")  # the lines from the anchor's paragraph on
        self.ends = array("i")
        self.line_notes: dict[int, tuple[tuple[int, str], ...]] = {}
        first = self.source.rfind("\n", 0, min(anchor, len(text))) + 1 if anchor > 0 else 0
        self.first = first  # where wrapping started: 0, or the anchor's paragraph
        self._pos = first  # where the next paragraph starts; > len(text) once all is wrapped
        self._paragraph_end: int | None = None  # the end of a paragraph wrapped in part
        self._newlines_left = self.source.count("\n", first)  # paragraphs still to wrap, less one
        # the lines before the anchor's paragraph, wrapped backwards: last line first
        self.back_starts = array("i")
        self.back_ends = array("i")
        self.back_notes: dict[int, tuple[tuple[int, str], ...]] = {}
        self._back_pos = first  # where the lines held begin; 0 once all before is wrapped
        self._newlines_before = self.source.count("\n", 0, first)
        self._had_text = first > 0 and self._has_text(self._paragraph_before(first))
        self.base = self._guess_before()  # the index of the first line held
        self.on_shift: Callable[[int], None] | None = None

    @property
    def complete(self) -> bool:
        return self._pos > len(self.text) and not self._back_pos

    @property
    def held_from(self) -> int:
        """The first character of the lines held (0 once all before them is wrapped)."""
        return self._back_pos

    @property
    def _forward_done(self) -> bool:
        return self._pos > len(self.text)

    @property
    def wrapped_to(self) -> int:
        """Offset up to which the text is wrapped."""
        return min(self._pos, len(self.text))

    def __len__(self) -> int:
        return self.base + len(self.back_starts) + len(self.starts)

    @overload
    def __getitem__(self, index: int) -> Line: ...
    @overload
    def __getitem__(self, index: slice) -> list[Line]: ...
    def __getitem__(self, index: int | slice) -> Line | list[Line]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError("line index out of range")
        if index < self.base:
            self.back_to(index)
            index = min(index, len(self) - 1)  # the guess before was wrong: indices moved
        held = index - self.base
        back = len(self.back_starts)
        if held < back:
            at = back - 1 - held
            return Line(self.back_starts[at], self.back_ends[at], self.back_notes.get(at, ()))
        at = held - back
        return Line(self.starts[at], self.ends[at], self.line_notes.get(at, ()))

    def estimated_total(self) -> int:
        """Lines so far plus a guess for the rest (two cells a character, as Chinese is)."""
        if self._forward_done:
            return len(self)
        rest = len(self.text) - self._pos
        return len(self) + 2 * rest // max(self.width, 1) + 2 * self._newlines_left + 1

    def through_offset(self, offset: int) -> None:
        """Wrap at least as far as the paragraph holding ``offset``."""
        while not self._forward_done and self._pos <= offset:
            self._next_paragraph()
        while self._back_pos > offset:
            self._previous_paragraph()

    def through_line(self, index: int) -> None:
        """Wrap until line ``index`` exists (or the text ends)."""
        while not self._forward_done and len(self) <= index:
            self._next_paragraph()

    def back_to(self, index: int) -> None:
        """Wrap backwards until line ``index`` is held (or the text's start is reached)."""
        while self.base > index and self._back_pos:
            self._previous_paragraph()

    def grow(self, budget: float) -> bool:
        """Wrap paragraphs for about ``budget`` seconds, after the anchor first, then
        before it; whether anything is left."""
        deadline = perf_counter() + budget
        while not self.complete and perf_counter() < deadline:
            for _ in range(8):
                if not self._forward_done:
                    self._next_paragraph()
                elif self._back_pos:
                    self._previous_paragraph()
        return not self.complete

    def line_of(self, offset: int) -> int:
        """Index of the visual line holding character ``offset`` (spacers skipped)."""
        self.through_offset(offset)
        while self.starts or self.back_starts:
            if self.starts and offset >= self.starts[0]:
                held = len(self.back_starts) + max(0, bisect_right(self.starts, offset) - 1)
            else:
                at = bisect_left(self.back_starts, -offset, key=_negative)
                held = len(self.back_starts) - 1 - min(at, len(self.back_starts) - 1)
            while held > 0 and self._is_spacer(held):
                held -= 1
            if held or not self._back_pos or not self._is_spacer(0):
                return self.base + held
            self._previous_paragraph()
        return self.base

    def _is_spacer(self, held: int) -> bool:
        back = len(self.back_starts)
        if held < back:
            return self.back_starts[back - 1 - held] == self.back_ends[back - 1 - held]
        return self.starts[held - back] == self.ends[held - back]

    def _guess_before(self) -> int:
        """A guess at the lines before those held, as :meth:`estimated_total` guesses."""
        if not self._back_pos:
            return 0
        return 2 * self._back_pos // max(self.width, 1) + 2 * self._newlines_before

    def _paragraph_before(self, start: int) -> tuple[int, int]:
        """The bounds of the paragraph ending just before ``start`` (a paragraph's start)."""
        end = start - 1
        return self.source.rfind("\n", 0, end) + 1, end

    def _has_text(self, bounds: tuple[int, int]) -> bool:
        start, end = bounds
        return end > start and not self.text[start:end].isspace()

    def _previous_paragraph(self) -> None:
        """Wrap the paragraph before those held and put its lines in front of them, with
        the spacer :meth:`_next_paragraph` would have put before it."""
        if not self._back_pos:
            return
        start, end = self._paragraph_before(self._back_pos)
        if end == start:
            lines = [Line(start, start)]
        else:
            lines = wrap(self.text, start, end, self.width, self._notes, self._words, self._pads)
        before = self._paragraph_before(start) if start else None
        if before and self._has_text((start, end)) and self._has_text(before):
            lines.insert(0, Line(start, start))
        for line in reversed(lines):
            if line.notes:
                self.back_notes[len(self.back_starts)] = line.notes
            self.back_starts.append(line.start)
            self.back_ends.append(line.end)
        self._back_pos, self._newlines_before = start, self._newlines_before - 1
        self.base -= len(lines)
        if not start and self.base:
            self._shift(-self.base)
        elif self.base < 0:
            self._shift(self._guess_before() - self.base)

    def _shift(self, delta: int) -> None:
        """Move every index by ``delta``: the guess of the lines before was wrong."""
        self.base += delta
        if self.on_shift is not None:
            self.on_shift(delta)

    def _next_paragraph(self) -> None:
        """Wrap the next paragraph, or the next piece of a long one (see :meth:`_piece`)."""
        text, start = self.text, self._pos
        if start > len(text):
            return
        if self._paragraph_end is None:
            end = self.source.find("\n", start)
            end = len(text) if end < 0 else end
            self._newlines_left -= end < len(text)
            has_text = end > start and not text[start:end].isspace()
            if has_text and self._had_text:
                self._add(Line(start, start))
            self._had_text = has_text
            if end == start:
                self._add(Line(start, start))
                self._pos = end + 1
                return
            self._paragraph_end = end
        end = self._paragraph_end
        resume = self._piece(start, end) if end - start > PIECE else None
        if resume is None:
            for line in wrap(text, start, end, self.width, self._notes, self._words, self._pads):
                self._add(line)
            self._pos, self._paragraph_end = end + 1, None
        else:
            self._pos = resume

    def _piece(self, start: int, end: int) -> int | None:
        """Wrap about :data:`PIECE` characters of the paragraph ending at ``end``, from
        ``start``; where to go on from, or None to wrap the rest whole.

        A paragraph can be a whole novel on one line, seconds of wrapping that would hold
        every key. The piece ends between two Han characters, where no atom, glue, word or
        note crosses, so its atoms are those of the whole paragraph; every line but the
        last (still open at the cut) is then final. The next piece starts where that last
        line does, when that too is such a place (a wrap from there goes on exactly as the
        whole would), else at the start of an earlier line that is."""
        cut = next(
            (at for at in range(start + PIECE, start + PIECE // 2, -1) if self._clean(at)), None
        )
        if cut is None:
            return None
        lines = wrap(self.text, start, cut, self.width, self._notes, self._words, self._pads)
        resume = next((line.start for line in reversed(lines[1:]) if self._clean(line.start)), None)
        if resume is None:
            return None
        for line in lines:
            if line.start > resume or (line.start == resume and line.end > resume):
                break
            self._add(line)  # a line of notes alone at ``resume`` belongs to the unit before
        return resume

    def _clean(self, at: int) -> bool:
        """Whether a wrap may start or stop at ``at``: between two Han characters, with no
        note there and no word (kept whole under its reading) across it."""
        text = self.text
        if not (chars.is_han(text[at - 1]) and chars.is_han(text[at])):
            return False
        if self._notes and at in self._notes:
            return False
        words = self._words
        return not words or not any(words.get(s, s) > at for s in range(max(at - 64, 0), at))

    def _add(self, line: Line) -> None:
        if line.notes:
            self.line_notes[len(self.starts)] = line.notes
        self.starts.append(line.start)
        self.ends.append(line.end)


def _negative(value: int) -> int:
    return -value
