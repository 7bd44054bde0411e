"""The cursor and search hits as a 256-colour terminal shows them: the real program in tmux,
the screen read back with its colours (``capture-pane -e``) and the SGR codes at the cursor
and at a hit turned into xterm's RGB. A glossary term under the cursor was once its own
orange on an orange cursor (ESC[38;5;214m ESC[48;5;214m)."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

import pytest

from tests.terminal import needs_tmux
from tui.contrast import AA, contrast, difference

pytestmark = [pytest.mark.tmux, needs_tmux]

#: Two uses of one glossary term (晶片), a line apart.
TEXT = (
    "這家公司的晶片用於強化學習，工程師調整參數以後，我們去公園散步。\n\n"
    "新的晶片比舊的快很多，價格也不高。\n"
)

STARTS = ("這家公司", "新的晶片")
SGR = re.compile(r"\x1b\[([0-9;:]*)m")
Colour = tuple[int, int, int]


def xterm(index: int) -> Colour:
    """xterm's 256-colour palette."""
    system = (
        (0, 0, 0),
        (205, 0, 0),
        (0, 205, 0),
        (205, 205, 0),
        (0, 0, 238),
        (205, 0, 205),
        (0, 205, 205),
        (229, 229, 229),
        (127, 127, 127),
        (255, 0, 0),
        (0, 255, 0),
        (255, 255, 0),
        (92, 92, 255),
        (255, 0, 255),
        (0, 255, 255),
        (255, 255, 255),
    )
    if index < 16:
        return system[index]
    if index < 232:
        levels = (0, 95, 135, 175, 215, 255)
        index -= 16
        return levels[index // 36], levels[index // 6 % 6], levels[index % 6]
    grey = 8 + 10 * (index - 232)
    return grey, grey, grey


@dataclass(frozen=True)
class Cell:
    """The pen a character was drawn with: colours as SGR left them, and attributes."""

    fg: Colour | None = None
    bg: Colour | None = None
    bold: bool = False
    reverse: bool = False

    def seen(self) -> tuple[Colour, Colour]:
        """(text, background) as they appear, reverse video applied."""
        assert self.fg is not None and self.bg is not None, f"default colours: {self}"
        return (self.bg, self.fg) if self.reverse else (self.fg, self.bg)


def _colour(codes: list[int]) -> tuple[Colour, int]:
    """An extended colour (``5;N`` or ``2;R;G;B``) and how many codes it took."""
    if codes[0] == 5:
        return xterm(codes[1]), 2
    return (codes[1], codes[2], codes[3]), 4


def _apply(pen: Cell, params: str) -> Cell:
    codes = [int(code) if code else 0 for code in re.split("[;:]", params)]
    at = 0
    while at < len(codes):
        code = codes[at]
        at += 1
        if code == 0:
            pen = Cell()
        elif code in (1, 22, 7, 27):
            pen = replace(pen, **{"bold" if code in (1, 22) else "reverse": code < 10})
        elif code in (38, 48):
            colour, used = _colour(codes[at:])
            at += used
            pen = replace(pen, **{"fg" if code == 38 else "bg": colour})
        elif 30 <= code <= 37 or 90 <= code <= 97:
            pen = replace(pen, fg=xterm(code - 30 if code < 90 else code - 82))
        elif 40 <= code <= 47 or 100 <= code <= 107:
            pen = replace(pen, bg=xterm(code - 40 if code < 100 else code - 92))
        elif code in (39, 49):
            pen = replace(pen, **{"fg" if code == 39 else "bg": None})
    return pen


def cells_of(screen: str, character: str) -> list[Cell]:
    """The pen of each ``character`` on the text's lines of a screen captured with its
    escape codes: not in the title bar (which shows the text's first line as its title) nor
    in a notification."""
    found = []
    pen = Cell()  # tmux writes a change of pen once, where it happens, across lines
    for row, line in enumerate(screen.splitlines()):
        wanted = row > 0 and any(start in SGR.sub("", line) for start in STARTS)
        at = 0
        for match in SGR.finditer(line + "\x1b[m"):
            if wanted:
                found.extend(pen for ch in line[at : match.start()] if ch == character)
            pen, at = _apply(pen, match.group(1)) if match.end() <= len(line) else pen, match.end()
    return found


def wait_for_cells(term, ready, what: str) -> list[Cell]:  # type: ignore[no-untyped-def]
    """The cells of 晶 once ``ready(cells)`` holds (a key is acted on a frame later)."""
    screen = term.until(
        lambda screen: ready(cells_of(screen, "晶")), what, read=lambda: colour_screen(term)
    )
    return cells_of(screen, "晶")


def legible(cell: Cell) -> float:
    text, background = cell.seen()
    assert text != background, f"text in its background's colour: {cell}"
    return contrast(text, background)


def _open(terminal, tmp_path, theme: str):
    path = tmp_path / "chips.txt"
    path.write_text(TEXT, encoding="utf-8")
    config = tmp_path / "config" / "zhread"
    config.mkdir(parents=True)
    (config / "config.toml").write_text(f'theme = "{theme}"\n', encoding="utf-8")
    term = terminal(
        str(path), width=140, height=16, env={"TERM": "xterm-256color", "COLORTERM": ""}
    )
    term.wait_for("words ·", timeout=30)  # segmented: the header counts the words
    term.resize(60, 16)  # narrow: the article alone, no sidebar repeating the word
    term.until(lambda screen: "▏" not in screen, "the sidebar folding away")  # its border
    term.wait_for("新的晶片比舊的快很多，價格也不高。", timeout=10)
    return term


def colour_screen(term) -> str:
    return term.tmux("capture-pane", "-e", "-p", "-t", "main")


@pytest.mark.parametrize("theme", ["textual-dark", "zhread-light"])
def test_a_term_under_the_cursor_and_a_hit_read_in_256_colours(
    terminal, tmp_path, theme: str
) -> None:
    term = _open(terminal, tmp_path, theme)
    screen = colour_screen(term)
    assert "38;5;" in screen and "48;5;" in screen, "not drawn in 256 colours"
    assert "38;2;" not in screen and "48;2;" not in screen
    plain = cells_of(screen, "晶")
    term.keys("]")  # the cursor to the first term: 晶片
    chips = wait_for_cells(term, lambda cells: any(cell.bold for cell in cells), "the cursor")
    on_cursor = [cell for cell in chips if cell.bold]
    assert len(on_cursor) == 1, chips
    assert legible(on_cursor[0]) >= AA

    term.keys("/", "晶片", "Enter")  # both uses are hits; the cursor stays on one
    chips = wait_for_cells(term, lambda cells: all(c not in plain for c in cells), "the hits")
    cursor = [cell for cell in chips if cell.bold]
    hit = [cell for cell in chips if not cell.bold]
    assert len(cursor) == 1 and len(hit) == 1, chips
    for cell in chips:
        assert legible(cell) >= AA, cell
    assert difference(cursor[0].seen()[1], hit[0].seen()[1]) >= 40, "the hit looks like the cursor"
    term.keys("q")
    term.wait_for("EXIT=0", timeout=15)
