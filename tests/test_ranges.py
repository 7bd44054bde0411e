"""Ranges drawn over the article: what meets a line, and which words of it each mark covers."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from tui.core.model.ranges import Ranges
from tui.core.scripts.convert import shadow
from tui.core.words.segment import segment
from tui.layout import Line
from tui.widgets.article import ArticleView


@st.composite
def apart(draw: st.DrawFn, limit: int = 200) -> list[tuple[int, int]]:
    """Ranges that do not overlap one another, as the article's marks are."""
    edges = sorted(set(draw(st.lists(st.integers(0, limit), max_size=40))))
    pairs = list(zip(edges[::2], edges[1::2], strict=False))
    return [pair for pair in pairs if draw(st.booleans())]


@given(apart(), st.integers(0, 200), st.integers(0, 60))
def test_within_is_every_range_meeting_the_stretch(spans, start: int, length: int) -> None:
    end = start + length
    meeting = [(s, e) for s, e in spans if s < end and e > start]
    assert Ranges(spans).within(start, end) == meeting


@settings(deadline=None)
@given(apart(limit=60), apart(limit=60), st.integers(0, 59), st.integers(1, 30))
def test_the_marks_of_a_line_are_those_each_word_overlaps(
    splitter, first, second, start, length
) -> None:
    """The article finds a line's marks range by range; a word has a mark exactly when the
    mark's ranges overlap it, as asking each mark about each word would say."""
    text = "人工智慧的發展很快，晶片出口管制也在變。" * 3
    view = ArticleView(segment(text, None, splitter, "<test>", shadow(text)))
    view.marks = {"one": Ranges(first), "two": Ranges(second)}
    line = Line(start, min(start + length, len(text)))
    first_token, words = view._line_tokens(line)
    found = view._marks_on(line, words)
    assert words and words[0] is not None
    for at, token in enumerate(words):
        expected = [
            f"article--{name}"
            for name, ranges in view.marks.items()
            if ranges.overlaps(max(token.start, line.start), min(token.end, line.end))
        ]
        assert found.get(at, []) == expected, (token, line)
    assert first_token + len(words) == len(view.document.tokens) or (
        view.document.tokens[first_token + len(words)].start >= line.end
    )
