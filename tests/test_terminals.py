"""Terminals of every size and none of colour: the reader never crashes, keeps a readable
layout (the sidebar folds away when narrow), survives resizing while it is still reading the
text, and below 20x6 says the terminal is too small instead of drawing a broken layout."""

from __future__ import annotations

import pytest

from tests.apps import until, until_segmented
from tests.conftest import SAMPLE
from tests.terminal import needs_tmux
from tui.app import ZhreadApp
from tui.core.glossary.bundled import builtin_glossary_path
from tui.core.glossary.loader import load_glossary
from tui.screens.toosmall import TooSmallScreen
from tui.widgets.article import ArticleView


def sample_app() -> ZhreadApp:
    """The sample's first paragraphs: enough for every pane, quick to segment."""
    text = SAMPLE.read_text(encoding="utf-8")[:1500]
    return ZhreadApp(text, str(SAMPLE), load_glossary(builtin_glossary_path()))


KEYS = ("w", "w", "j", "space", "bracketright", "l", "escape", "G", "g", "k", "b")


def sidebar_shown(app) -> bool:
    return app.query_one("#sidebar").display and app.query_one("#sidebar").size.width > 0


@pytest.mark.parametrize(
    "size", [(20, 6), (24, 8), (40, 12), (69, 20), (70, 20), (80, 24), (120, 40), (300, 100)]
)
async def test_every_size_lays_out_and_reads(size: tuple[int, int]) -> None:
    app = sample_app()
    async with app.run_test(size=size) as pilot:
        await until_segmented(pilot)
        view = app.query_one(ArticleView)
        for key in KEYS:
            await pilot.press(key)
        await pilot.pause()
        assert not isinstance(app.screen, TooSmallScreen)
        assert view.size.width > 0 and view.size.height > 0 and view.lines
        assert view.token is not None
        assert sidebar_shown(app) == (size[0] >= 70)  # folds away below 70 columns
        for y in range(view.size.height):
            assert view.render_line(y).cell_length <= view.size.width


@pytest.mark.parametrize(
    "size",
    [
        (20, 6),
        (24, 8),
        (32, 10),
        (40, 12),
        (60, 20),
        (69, 20),
        (70, 20),
        (80, 24),
        (120, 40),
        (250, 70),
    ],
)
async def test_every_pane_shown_fills_its_space(size: tuple[int, int]) -> None:
    """What the terminal shows, not what the widgets hold: at 60x20 the sidebar entry was
    drawn blank when `l` first showed it (its lines were made after the frame that sized it),
    and at 20x6 the terms pane was a border with no row under it."""
    from tests.apps import entry_settled
    from tests.regions import widget_lines

    app = sample_app()
    async with app.run_test(size=size) as pilot:
        await until_segmented(pilot)
        await entry_settled(pilot)
        for keys in ((), ("l",), ("escape",), ("l",)):
            await pilot.press(*keys)
            await pilot.pause()
            shown = [app.query_one(pane) for pane in ("#article", "#entry", "#terms")]
            shown = [pane for pane in shown if pane.display and pane.region.area]
            assert shown, (size, keys)
            for pane in shown:
                lines = widget_lines(app, pane)
                assert lines and lines[0].strip(), (size, keys, pane.id, lines)


SIZES = [(20, 6), (300, 100), (10, 3), (71, 30), (69, 30), (19, 6), (20, 5), (150, 12)]


async def test_resizing_again_and_again_while_the_text_is_read() -> None:
    app = sample_app()
    async with app.run_test(size=(100, 30)) as pilot:
        view = app.query_one(ArticleView)
        rounds = 0
        while not app.reader.segmented or rounds < 2:  # during the annotation, and after it
            for size in SIZES:
                await pilot.resize_terminal(*size)
                await pilot.press("w", "j")
            rounds += 1
            assert rounds < 200, "the annotation never finished"
        await pilot.resize_terminal(100, 30)
        await pilot.pause()
        assert not isinstance(app.screen, TooSmallScreen)
        start = view.token.start
        await pilot.press("w")
        assert view.token.start > start and sidebar_shown(app)
        await pilot.press("q")
    assert app.return_code == 0


async def test_below_twenty_by_six_the_reader_says_so() -> None:
    app = sample_app()
    async with app.run_test(size=(19, 6)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, TooSmallScreen), "the message")
        shown = str(app.screen.query_one("#too-small").render())
        assert "Terminal too small (19x6)" in shown and "20x6" in shown
        await until_segmented(pilot)  # the work beneath went on
        await pilot.resize_terminal(40, 12)
        await until(pilot, lambda: not isinstance(app.screen, TooSmallScreen), "the reader")
        await pilot.press("w")
        await pilot.resize_terminal(20, 5)
        await until(pilot, lambda: isinstance(app.screen, TooSmallScreen), "the message again")
        assert "(20x5)" in str(app.screen.query_one("#too-small").render())
        await pilot.resize_terminal(8, 2)
        await pilot.pause()
        assert "(8x2)" in str(app.screen.query_one("#too-small").render())
        await pilot.press("q")
    assert app.return_code == 0


async def test_a_screen_opened_while_too_small_does_not_strand_the_message() -> None:
    app = sample_app()
    async with app.run_test(size=(15, 5)) as pilot:
        await until_segmented(pilot)
        await pilot.press("f1")  # the help opens over the message
        await pilot.resize_terminal(100, 30)
        await pilot.press("escape")
        await until(pilot, lambda: not isinstance(app.screen, TooSmallScreen), "the reader")
        assert app.query_one(ArticleView).size.width > 0


async def test_no_color_keeps_the_cursor_visible(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    app = sample_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await until_segmented(pilot)
        assert app.no_color
        view = app.query_one(ArticleView)
        await pilot.press("w")
        y = view.line_of(view.token.start) - int(view.scroll_y)
        strip = view.render_line(y)
        styled = [segment for segment in strip if segment.text.strip()]
        cursor = [s for s in styled if s.style and (s.style.bold or s.style.reverse)]
        assert cursor and any(view.token.text.startswith(s.text.strip()[:1]) for s in cursor)
        for key in KEYS:
            await pilot.press(key)


# --- the real program in tmux -----------------------------------------------------------


@needs_tmux
def test_tmux_at_twenty_by_six(terminal) -> None:
    term = terminal(width=20, height=6)
    term.wait_for("觀察", timeout=30)
    term.keys("w", "w", "j", "space", "g")
    screen = term.screen()
    assert "too small" not in screen and "Traceback" not in screen
    term.keys("q")
    term.wait_for("EXIT=0", timeout=15)


@needs_tmux
def test_tmux_too_small_then_resized(terminal) -> None:
    term = terminal(width=19, height=5)
    term.wait_for("too small", timeout=30)
    term.resize(80, 24)
    term.wait_for("觀察者網", timeout=15)
    assert "too small" not in term.screen()
    term.keys("w", "q")
    term.wait_for("EXIT=0", timeout=15)


@needs_tmux
@pytest.mark.parametrize("terminal_type", ["dumb", "vt100"])
def test_tmux_without_colour(terminal, terminal_type: str) -> None:
    term = terminal(width=80, height=24, env={"TERM": terminal_type, "NO_COLOR": "1"})
    term.wait_for("觀察者網", timeout=30)
    term.keys("w", "w", "j", "F1")
    term.wait_for("Next word", timeout=10)
    term.keys("escape")
    _wait_gone(term, "Next word")
    term.keys("q")
    screen = term.wait_for("EXIT=0", timeout=15)
    assert "Traceback" not in screen


def _wait_gone(term, text: str, timeout: float = 10.0) -> None:
    term.until(lambda screen: text not in screen, f"{text!r} leaving the screen", timeout)


# A sentence of Chinese only: wherever a notification quoting it begins, some character of
# it lies across the edge of a pane beneath (the article's scrollbar, the sidebar's border).
OUTING = "今天早上我們在公園裡看見很多人正在打太極拳和跳舞，老人和孩子都笑得很開心。\n"


def _notice(screen: str, opening: str) -> str:
    """The text of the notification that starts with ``opening``, its lines joined."""
    lines = screen.splitlines()
    first = next(i for i, line in enumerate(lines) if opening in line)
    body = [lines[first][lines[first].index(opening) :]]
    for line in lines[first + 1 :]:  # the lines after it, right of the notification's edge
        rest = line.partition("▌")[2].strip()
        if not rest:
            break
        body.append(rest)
    return "".join(part.strip() for part in body)


@pytest.mark.tmux
@needs_tmux
@pytest.mark.parametrize("width", [100, 91, 60])
def test_tmux_a_notification_is_drawn_whole(terminal, tmp_path, width: int) -> None:
    """Textual cuts each line at the edges of every widget on it; a notification over the
    sidebar's border lost the character that straddled one (`Copied the word: 戴  ·`)."""
    path = tmp_path / "outing.txt"
    path.write_text("公園\n" + OUTING * 3, encoding="utf-8")  # a short title: room for the counts
    term = terminal(str(path), width=width, height=20)
    term.wait_for(" words", timeout=30)  # segmented: the header counts the words
    term.keys("w", "Y")  # from the title to the sentence
    screen = term.wait_for("Copied the sentence", timeout=10)
    shown, meant = _notice(screen, "Copied the sentence"), f"Copied the sentence: {OUTING[:29]}…"
    assert shown.replace(" ", "") == meant.replace(" ", "")  # lines may break at the space
    term.keys("q")
    term.wait_for("EXIT=0", timeout=15)
