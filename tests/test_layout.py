"""CJK wrapping: lines tile the paragraph, fit the width, and obey the punctuation rules."""

from __future__ import annotations

from itertools import pairwise

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from tui.core.model import chars
from tui.layout import atoms, cells, wrap

TEXT = st.lists(
    st.one_of(
        st.sampled_from(list("中國人工智慧蒸餾晶片漢娜·多門「」『』，。、（）《》“” ")),
        st.sampled_from(["DeepSeek", "R1", "2024", "3.5", "chiplet", "packaging"]),
    ),
    max_size=60,
).map("".join)


def spans(text: str, width: int) -> list[tuple[int, int]]:
    return [(line.start, line.end) for line in wrap(text, 0, len(text), width)]


def width_of(text: str) -> int:
    return sum(cells(ch) for ch in text)


@given(TEXT, st.integers(min_value=2, max_value=50))
@settings(max_examples=400, deadline=None)
def test_lines_tile_and_fit(text: str, width: int) -> None:
    lines = [(line.start, line.end) for line in wrap(text, 0, len(text), width)]
    assert lines[0][0] == 0 and lines[-1][1] == len(text)
    for (s1, e1), (s2, _) in pairwise(lines):
        assert e1 == s2 and s1 <= e1
    for s, e in lines:
        assert width_of(text[s:e].rstrip(" ")) <= width


@given(TEXT, st.integers(min_value=12, max_value=50))
@settings(max_examples=400, deadline=None)
def test_punctuation_rules(text: str, width: int) -> None:
    assume(all(atom.cells <= width for atom in atoms(text, 0, len(text))))
    lines = [(line.start, line.end) for line in wrap(text, 0, len(text), width)]
    for index, (s, e) in enumerate(lines):
        line = text[s:e]
        if index and line:
            assert line[0] not in chars.NO_LINE_START, (line, lines)
        if index < len(lines) - 1 and line.rstrip(" "):
            assert line.rstrip(" ")[-1] not in chars.NO_LINE_END, (line, lines)


def test_breaks_between_han_characters() -> None:
    text = "中國企業近期推出的模型引發美國的高度關注"
    lines = [(line.start, line.end) for line in wrap(text, 0, len(text), 10)]
    assert [text[s:e] for s, e in lines] == ["中國企業近", "期推出的模", "型引發美國", "的高度關注"]


def test_never_breaks_inside_a_latin_word_or_number() -> None:
    text = "中國中國DeepSeek-R1在2024年"
    lines = [text[s:e] for s, e in spans(text, 12)]
    assert "DeepSeek-R1" in "".join(lines)
    assert any("DeepSeek-R1" in line for line in lines)
    assert any("2024" in line for line in lines)


def test_closing_punctuation_moves_with_its_character() -> None:
    text = "一二三四五。六七"
    lines = [text[s:e] for s, e in spans(text, 10)]
    assert lines == ["一二三四", "五。六七"]


def test_opening_punctuation_moves_to_the_next_line() -> None:
    text = "一二三四「五六」"
    lines = [text[s:e] for s, e in spans(text, 10)]
    assert lines == ["一二三四", "「五六」"]


def test_ambiguous_middle_dot_is_measured_in_cells() -> None:
    text = "漢娜·多門"
    assert width_of(text) == 9


def test_overlong_word_is_cut_rather_than_overflowing() -> None:
    text = "a" * 25
    lines = [(line.start, line.end) for line in wrap(text, 0, len(text), 10)]
    assert [e - s for s, e in lines] == [10, 10, 5]


def test_overlong_latin_word_is_not_cut_before_closing_punctuation() -> None:
    text = "DeepSeekDeepSeek」"
    lines = [text[s:e] for s, e in spans(text, 16)]
    assert lines == ["DeepSeekDeepSee", "k」"]


def test_notes_stay_at_their_offset_and_count_in_the_width() -> None:
    text = "多門提到「芯粒封裝」等技術，召開聽證會。會上"
    notes = {text.index("」") + 1: "(chiplet packaging)", text.index("。"): "(hearing)"}
    for width in (12, 20, 30, 60):
        lines = wrap(text, 0, len(text), width, notes)
        flat = [(text[line.start : line.end], line.notes) for line in lines]
        assert "".join(part for part, _ in flat) == text
        placed = sorted(at for _, line_notes in flat for at, _ in line_notes)
        assert placed == sorted(notes), width  # before the 。 glued to 會, not after it
        for line in lines:
            used = width_of(text[line.start : line.end]) + sum(width_of(n) for _, n in line.notes)
            assert used <= width
            assert text[line.start] not in chars.NO_LINE_START


@given(TEXT, st.integers(min_value=4, max_value=40), st.data())
@settings(max_examples=200, deadline=None)
def test_notes_never_break_tiling(text: str, width: int, data) -> None:
    offsets = data.draw(st.sets(st.integers(min_value=1, max_value=max(1, len(text)))))
    notes = {offset: "(gloss)" for offset in offsets if offset <= len(text)}
    lines = wrap(text, 0, len(text), width, notes)
    assert "".join(text[line.start : line.end] for line in lines) == text
    assert sum(len(line.notes) for line in lines) == len(notes) if text else True
    for line in lines:
        notes = sum(width_of(n) for _, n in line.notes)
        used = width_of(text[line.start : line.end].rstrip(" ")) + notes
        assert used <= width or line.end - line.start <= 1
