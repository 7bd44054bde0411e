"""Rich text broken into lines by the article's rules, for every list that wraps.

Rich wraps at spaces only, so a line of Chinese with no space in it is folded wherever the
width runs out: ``通過D`` / ``eepSeek-R1``, or a line that starts with ``。``. The article
breaks lines with :func:`tui.layout.wrap` (between Han characters, never inside a Latin word
or number, no closing punctuation first on a line); :class:`Wrapped` gives any Rich
``Text`` the same breaks at whatever width the widget showing it has, so lists, option
prompts and panes re-wrap by those rules when the terminal is resized.
"""

from __future__ import annotations

from collections.abc import Iterator

from rich.console import Console, ConsoleOptions
from rich.measure import Measurement
from rich.text import Text

from tui.layout import atoms, cells, wrap


class Wrapped:
    """A Rich renderable: ``text`` laid out by :func:`tui.layout.wrap` at the width given."""

    def __init__(self, text: Text) -> None:
        self.text = text

    def __str__(self) -> str:
        return self.text.plain

    def lines(self, width: int) -> list[Text]:
        """The visual lines at ``width`` cells; a newline in the text always ends one."""
        out: list[Text] = []
        for paragraph in self.text.split("\n", allow_blank=True):
            plain = paragraph.plain
            if not plain:
                out.append(paragraph)
                continue
            lines = wrap(plain, 0, len(plain), width, words=_narrow_runs(plain))
            breaks = [line.end for line in lines][:-1]
            for piece in paragraph.divide(breaks):
                piece.rstrip()  # the spaces a line may hang past the edge
                out.append(piece)
        return out

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> Iterator[Text]:
        for line in self.lines(options.max_width):
            line.no_wrap, line.overflow, line.end = True, "crop", "\n"
            yield line

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        """At least the widest unbreakable stretch, at most the longest paragraph."""
        paragraphs = self.text.plain.split("\n")
        widest = max(
            (
                a.cells
                for p in paragraphs
                for a in atoms(p, 0, len(p), _narrow_runs(p))
                if not a.space
            ),
            default=1,
        )
        longest = max(Text(p).cell_len for p in paragraphs)
        return Measurement(min(widest, longest), longest).clamp(max_width=options.max_width)


def _narrow_runs(text: str) -> dict[int, int]:
    """Start -> end of each run of narrow characters between spaces and Chinese: a word of a
    Latin script with whatever it holds (``[@click=app.quit]``, ``U.S.-China``, ``e.g.,``)
    breaks only where a space or a Chinese character would let English or Chinese break,
    as the article's own rules break only inside runs of letters and digits."""
    runs: dict[int, int] = {}
    start = None
    for at, ch in enumerate(text + " "):
        if not ch.isspace() and cells(ch) <= 1:
            start = at if start is None else start
        elif start is not None:
            if at - start > 1:
                runs[start] = at
            start = None
    return runs
