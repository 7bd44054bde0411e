"""Sentences for copying: end marks and the quotes that close after them."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from tui.core.model.sentences import sentence_at


def test_sentence_with_closing_quote_stays_whole() -> None:
    text = "他說：「我們要創新。」她點頭。"
    start, end = sentence_at(text, 3)
    assert text[start:end] == "他說：「我們要創新。」"
    start, end = sentence_at(text, text.index("她"))
    assert text[start:end] == "她點頭。"


def test_sentences_stop_at_line_ends() -> None:
    text = "第一行沒有句號\n第二行。"
    assert text[slice(*sentence_at(text, 2))] == "第一行沒有句號"


@given(st.text(max_size=40), st.data())
def test_sentence_contains_offset_or_is_empty(text: str, data) -> None:
    if not text:
        return
    offset = data.draw(st.integers(min_value=0, max_value=len(text) - 1))
    start, end = sentence_at(text, offset)
    assert 0 <= start <= end <= len(text)
    assert start <= offset < end or text[offset] in "。！？!?；;…\n」』”’）)》】 \u3000"
