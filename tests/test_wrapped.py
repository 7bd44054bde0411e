"""Rich text broken as the article breaks lines (tui/wrapped.py): what lists and the sidebar
show. The breaking itself is tested in test_layout.py; here, that the renderable keeps the
text, its styles and its newlines, and that Rich's own folding (`通過D` / `eepSeek-R1`) is gone."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len
from rich.console import Console
from rich.text import Text

from tui.core.model.chars import NO_LINE_START
from tui.wrapped import Wrapped

WORDS = ["DeepSeek-R1", "Qwen2.5", "chiplet", "2025", "U.S."]
TEXT = st.lists(
    st.one_of(
        st.sampled_from(list("研究人員指出通過開源模型小型企業，。」「 ")),
        st.sampled_from(WORDS).map(lambda word: word + "的"),
    ),  # words no wider than a line
    min_size=1,
    max_size=50,
).map("".join)


def rendered(renderable: object, width: int) -> list[str]:
    console = Console(width=200, color_system=None)
    lines = console.render_lines(renderable, console.options.update_width(width), pad=False)
    return ["".join(segment.text for segment in line) for line in lines]


@given(TEXT, st.integers(min_value=12, max_value=60))
@settings(max_examples=300, deadline=None)
def test_lines_keep_the_text_fit_and_never_split_a_latin_word(text: str, width: int) -> None:
    lines = rendered(Wrapped(Text(text)), width)
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")
    assert all(cell_len(line) <= width for line in lines)
    for line in lines[1:]:
        assert not line or line[0] not in NO_LINE_START
    for number, line in enumerate(lines[:-1]):
        following = lines[number + 1]
        if line and following:
            joined = line[-1] + following[0]
            assert not (joined.isascii() and joined.isalnum()), (line, following)


def test_rich_alone_breaks_inside_the_word_and_wrapped_does_not() -> None:
    text = "研究人員指出，通過DeepSeek-R1和開源模型，小型企業也能建立系統。"
    assert any(
        line.endswith(("D", "DeepSeek-R"))
        for width in range(14, 30)
        for line in rendered(Text(text), width)
    )
    for width in range(14, 30):
        assert any("DeepSeek-R1" in line for line in rendered(Wrapped(Text(text)), width))


def test_styles_and_newlines_are_kept() -> None:
    text = Text("漢娜·多門", style="bold")
    text.append("\n「我們會繼續努力，直到成功。」", style="italic")
    lines = Wrapped(text).lines(10)
    assert [line.plain for line in lines] == ["漢娜·多門", "「我們會繼", "續努力，直", "到成功。」"]
    assert lines[0].style == "bold" and lines[2].spans[0].style == "italic"
    assert str(Wrapped(text)) == text.plain


def test_a_run_of_latin_characters_breaks_only_at_a_space_or_chinese() -> None:
    """As Rich and English typesetting do: `[@click=app.quit]` or `U.S.-China` is one word."""
    text = Text("see [@click=app.quit]quit[/] and U.S.-China 會談，e.g., (AGI)。")
    for width in range(24, 60):
        lines = [line.plain for line in Wrapped(text).lines(width)]
        for word in ("[@click=app.quit]quit[/]", "U.S.-China", "e.g.,", "(AGI)。"):
            assert any(word in line for line in lines), (width, lines)
