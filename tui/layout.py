"""CJK-aware line wrapping, measured in terminal cells.

Rich wraps only at spaces and lets a line start with 。; Chinese needs breaks between Han
characters, whole Latin words and numbers, and the kinsoku rules (no closing punctuation at
the start of a line, no opening punctuation at its end). Widths come from Rich's cell tables
because characters such as ``·`` are ambiguous and ``len`` is wrong for all wide ones.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from rich.cells import cell_len, get_character_cell_size

from tui.core import chars
from tui.core.document import Kind

_CONNECTORS = frozenset("-.'_/&+#%’")


@dataclass(frozen=True, slots=True)
class Atom:
    """A stretch that is never broken, with its width and whether it may hang past the edge.

    A note (an inline gloss) is an atom of no text (``start == end``) that carries its own
    words; it is laid out like any other atom so that wrapping stays right with glosses on.
    """

    start: int
    end: int
    cells: int
    space: bool
    note: str = ""


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
    gloss after a term); a note follows any punctuation glued to that character. ``words``
    maps a start offset to an end offset that must stay on one line, and ``pads`` an end
    offset to blank cells drawn after it: with a reading line, each word is as wide as the
    wider of itself and its reading, so the reading sits over it.
    """
    width = max(width, 2)
    lines: list[Line] = []
    line_start, used = start, 0
    line_notes: list[tuple[int, str]] = []
    for atom in _with_notes(atoms(text, start, end, words, pads), notes or {}, width):
        if used + atom.cells <= width or (atom.note and not used):
            used += atom.cells
            if atom.note:
                line_notes.append((atom.start, atom.note))
            continue
        if atom.space:
            lines.append(Line(line_start, atom.end, tuple(line_notes)))
            line_start, used, line_notes = atom.end, 0, []
            continue
        if used:
            lines.append(Line(line_start, atom.start, tuple(line_notes)))
            line_start, used, line_notes = atom.start, 0, []
        if atom.note:
            used, line_notes = atom.cells, [(atom.start, atom.note)]
        elif atom.cells <= width:
            used = atom.cells
        else:
            line_start, used = _hard_split(text, atom, width, lines)
    lines.append(Line(line_start, end, tuple(line_notes)))
    return lines


def _with_notes(units: list[Atom], notes: Mapping[int, str], width: int) -> list[Atom]:
    """Put each note after the atom holding the character it follows, cut to the width."""
    if not notes:
        return units
    out: list[Atom] = []
    for atom in units:
        out.append(atom)
        for offset in range(atom.start + 1, atom.end + 1):
            note = notes.get(offset)
            if note:
                note = note if cell_len(note) <= width else _truncate(note, width)
                out.append(Atom(atom.end, atom.end, cell_len(note), False, note))
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
            lines.append(Line(line_start, cut))
            line_start, used, pos = cut, 0, cut
            continue
        used += w
        pos += 1
    return line_start, used


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
    return [
        Atom(s, e, _width(text, s, e, pads), text[s:e].isspace())
        for s, e in glued
    ]


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
        if pending_open is not None:
            if text[s].isspace():
                continue  # the opener waits for the word it opens, across any spaces
            s, pending_open = pending_open, None
        if single_open:
            pending_open = s
            continue
        out.append([s, e])
    if pending_open is not None:
        out.append([pending_open, units[-1][1]])
    return [(s, e) for s, e in out]
