"""Reopening a long text at a remembered place wraps from that place, not from the top: the
lines before are guessed, then wrapped backwards as they are shown. What is shown must be
exactly what wrapping the whole text gives."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.apps import until
from tests.test_layout_pieces import TEXT
from tests.test_progressive import long_text
from tui.app import ZhreadApp
from tui.core.glossary.bundled import builtin_glossary_path
from tui.core.glossary.loader import load_glossary
from tui.core.model.chars import is_han
from tui.layout import Layout
from tui.widgets.article import ANCHOR_AFTER, SYNC_WRAP, ArticleView

PARAGRAPHS = st.lists(TEXT, min_size=1, max_size=8).map("\n".join)


def held(lines: Layout) -> list[tuple[int, int, tuple]]:
    return [(line.start, line.end, line.notes) for line in lines[lines.base :]]


@given(PARAGRAPHS, st.integers(min_value=2, max_value=30), st.data())
@settings(max_examples=300, deadline=None)
def test_lines_from_an_anchor_are_the_lines_of_the_whole(text: str, width: int, data) -> None:
    anchor = data.draw(st.integers(min_value=0, max_value=len(text)))
    back = data.draw(st.integers(min_value=0, max_value=anchor))
    whole = Layout(text, width)
    whole.through_offset(len(text))
    full = [(line.start, line.end, line.notes) for line in whole]
    lines = Layout(text, width, anchor=anchor)
    lines.through_offset(anchor)
    lines.through_offset(back)  # scrolled up as far as ``back``
    for offset in (anchor, back):
        index = lines.line_of(offset)  # (which may wrap a paragraph more)
        shown = held(lines)
        first = sum(1 for start, _, _ in full if start < lines.held_from)
        assert shown == full[first : first + len(shown)]
        assert index - lines.base == whole.line_of(offset) - first
    lines.through_offset(len(text))
    lines.through_offset(0)
    assert lines.complete and lines.base == 0
    assert [(line.start, line.end, line.notes) for line in lines] == full


def shown_rows(view: ArticleView) -> list[str]:
    return [view.render_line(y).text.rstrip() for y in range(view.size.height)]


def shown_lines(view: ArticleView) -> tuple[int, int]:
    """The first and last character on the lines shown."""
    top = round(view.scroll_offset.y)
    bottom = min(top + view.size.height, len(view.lines)) - 1
    return view.lines[top].start, view.lines[bottom].end


def squeezed(text: str) -> str:
    return "".join(text.split())


async def test_a_far_place_shows_its_text_and_the_text_before_it() -> None:
    text = long_text(150)
    assert len(text) > SYNC_WRAP
    offset = next(at for at in range(len(text) * 2 // 3, len(text)) if is_han(text[at]))
    assert offset > ANCHOR_AFTER
    app = ZhreadApp(text, "<test>", load_glossary(builtin_glossary_path()), offset=offset)
    async with app.run_test(size=(100, 30)) as pilot:
        view = app.query_one(ArticleView)
        await until(pilot, lambda: view.token is not None and view._wrap_width > 0, "the text")
        await pilot.pause()
        assert view.lines.first > 0  # wrapped from the place, not from the top
        token = view.token
        assert token is not None and token.start <= offset < token.end
        row = view.line_of(token.start) - round(view.scroll_offset.y)
        assert 0 <= row < view.size.height
        line = view.lines[view.line_of(token.start)]
        assert line.start <= token.start < line.end
        assert shown_rows(view)[row] == text[line.start : line.end].rstrip()
        start, end = shown_lines(view)
        assert squeezed("".join(shown_rows(view))) == squeezed(text[start:end])
        for _ in range(4):  # up into the lines wrapped backwards, a page at a time
            await pilot.press("pageup")
            await pilot.pause()
            before, until_there = shown_lines(view)
            assert before < start <= until_there + 1  # the text just before, up to there
            assert squeezed("".join(shown_rows(view))) == squeezed(text[before:until_there])
            assert view.token is not None and view.token.start < token.start
            start, token = before, view.token
        assert view.lines.held_from < view.lines.first


async def test_paging_up_from_a_place_reaches_the_start_of_the_text() -> None:
    """Every page up shows the text just before the last, across the place where the guess
    of the lines before settles, and ends on the text's first line."""
    text = long_text(150)
    offset = next(at for at in range(3 * ANCHOR_AFTER, len(text)) if is_han(text[at]))
    app = ZhreadApp(text, "<test>", load_glossary(builtin_glossary_path()), offset=offset)
    async with app.run_test(size=(100, 30)) as pilot:
        view = app.query_one(ArticleView)
        await until(pilot, lambda: view.token is not None and view._wrap_width > 0, "the text")
        await pilot.pause()
        assert view.lines.first > 0
        start, _ = shown_lines(view)
        for _ in range(200):
            await pilot.press("pageup")
            await pilot.pause()
            before, until_there = shown_lines(view)
            assert squeezed("".join(shown_rows(view))) == squeezed(text[before:until_there])
            assert before <= start <= until_there + 1
            if before == start == 0:
                break
            start = before
        assert round(view.scroll_offset.y) == 0 and view.lines.base == 0
        assert shown_rows(view)[0] == text[: view.lines[0].end].rstrip()
