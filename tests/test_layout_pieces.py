"""A long paragraph is wrapped a piece at a time, as far as it is read, into exactly the lines
wrapping it whole gives: a novel on one line must not hold the keys for seconds."""

from __future__ import annotations

from unittest import mock

from hypothesis import given, settings
from hypothesis import strategies as st

from tui import layout
from tui.layout import Layout, wrap

TEXT = st.lists(
    st.one_of(
        st.sampled_from(list("中國人工智慧蒸餾晶片漢娜·多門「」『』，。、（）《》“” \n")),
        st.sampled_from(["DeepSeek", "R1", "2024", "3.5", "chiplet", "packaging"]),
    ),
    max_size=120,
).map("".join)


def whole(text: str, width: int, **extra: object) -> list[tuple[int, int, tuple]]:
    """The lines of each paragraph wrapped whole, with the spacers Layout puts between."""
    with mock.patch.object(layout, "PIECE", 1 << 30):
        lines = Layout(text, width, **extra)  # type: ignore[arg-type]
        lines.through_offset(len(text))
        return [(line.start, line.end, line.notes) for line in lines]


@given(TEXT, st.integers(min_value=2, max_value=30), st.integers(min_value=4, max_value=24))
@settings(max_examples=300, deadline=None)
def test_pieces_give_the_lines_of_the_whole(text: str, width: int, piece: int) -> None:
    with mock.patch.object(layout, "PIECE", piece):
        lines = Layout(text, width)
        lines.through_offset(len(text))
        assert [(line.start, line.end, line.notes) for line in lines] == whole(text, width)


@given(
    TEXT, st.integers(min_value=4, max_value=30), st.integers(min_value=4, max_value=24), st.data()
)
@settings(max_examples=200, deadline=None)
def test_pieces_keep_notes_and_words(text: str, width: int, piece: int, data) -> None:
    """Inline glosses and words held under their readings are never cut by a piece."""
    offsets = st.integers(min_value=1, max_value=max(len(text), 1))
    notes = dict.fromkeys(data.draw(st.lists(offsets, max_size=4)), "(gloss)")
    words = {}
    for start in data.draw(st.lists(st.integers(0, max(len(text) - 2, 0)), max_size=6)):
        words[start] = min(start + data.draw(st.integers(2, 5)), len(text))
    extra = {"notes": notes, "words": words}
    with mock.patch.object(layout, "PIECE", piece):
        lines = Layout(text, width, **extra)
        lines.through_offset(len(text))
        assert [(line.start, line.end, line.notes) for line in lines] == whole(text, width, **extra)


def test_a_note_put_after_its_unit_at_a_cut_stays_with_the_piece_before() -> None:
    """A gloss inside a unit too narrow for it goes after the unit; when the unit ends where
    a piece is cut, the gloss is the piece's, not lost between the two."""
    text, extra = "中中DeepSeek」中中", {"notes": {3: "(gloss)"}, "words": {10: 12}}
    with mock.patch.object(layout, "PIECE", 12):
        lines = Layout(text, 4, **extra)  # type: ignore[arg-type]
        lines.through_offset(len(text))
        assert [(line.start, line.end, line.notes) for line in lines] == whole(text, 4, **extra)


def test_a_novel_on_one_line_wraps_only_as_far_as_it_is_read() -> None:
    text = "中國企業近期推出的模型引發美國的高度關注" * 50_000  # a million characters
    lines = Layout(text, 60)
    lines.through_offset(0)
    assert lines.wrapped_to < 10 * layout.PIECE  # not the whole paragraph
    assert [(line.start, line.end) for line in lines] == [
        (line.start, line.end) for line in wrap(text, 0, 10 * layout.PIECE, 60)
    ][: len(lines)]
    lines.through_offset(500_000)
    assert lines.wrapped_to < 500_000 + 10 * layout.PIECE
    index = lines.line_of(500_000)
    assert lines[index].start <= 500_000 < lines[index].end
