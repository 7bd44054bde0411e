"""Control sequences in a document never reach the terminal; offsets never move."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from tui.core.text.sanitize import visible


@given(st.text())
def test_same_length_and_nothing_unsafe(text: str) -> None:
    out = visible(text)
    assert len(out) == len(text)
    for ch in out:
        assert ord(ch) >= 0x20 and ord(ch) != 0x7F and not 0x80 <= ord(ch) <= 0x9F
        assert ch not in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"


def test_escape_sequences_become_placeholders() -> None:
    assert visible("\x1b[31mred\x1b]52;c;aGk=\x07") == "␛[31mred␛]52;c;aGk=␇"


def test_plain_chinese_is_untouched() -> None:
    text = "中國「最先進」AI模型"
    assert visible(text) is text
