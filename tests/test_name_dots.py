"""Every dot writers put between the parts of a transliterated name joins it into one word:
the mainland's middle dot, Taiwan's hyphenation point (Big5 A1 45), the katakana middle dot
of Japanese input methods, the bullet, the full-width full stop, and their look-alikes. The
glossary finds its names whichever dot the text uses. Elsewhere a dot is punctuation."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tui.core.model.chars import NAME_DOTS, is_han, unify_name_dots
from tui.core.words.segment import segment

#: The dots the user-facing text names, by code point (several look alike on screen).
DOTS = ["\u00b7", "\u2027", "\u30fb", "\u2022", "\uff0e", "\uff65", "\u22c5", "\u2219"]


def words(text: str, splitter, glossary=None) -> list[str]:
    return [token.text for token in segment(text, glossary, splitter).tokens]


def test_every_dot_is_a_name_dot() -> None:
    assert set(DOTS) == NAME_DOTS


@pytest.mark.parametrize("dot", DOTS)
def test_a_dot_between_han_joins_the_name(dot: str, splitter) -> None:
    text = f"他說約翰{dot}甘迺迪來了，瑪麗{dot}居禮也來了。"
    found = words(text, splitter)
    assert f"約翰{dot}甘迺迪" in found
    assert f"瑪麗{dot}居禮" in found
    assert dot not in found


@pytest.mark.parametrize("dot", DOTS)
def test_the_glossary_finds_its_name_whatever_the_dot(dot: str, splitter, glossary) -> None:
    """The built-in glossary writes 漢娜·多門 with U+00B7; a Taiwan text has U+2027."""
    text = f"研究員漢娜{dot}多門指出，晶片管制有效。"
    document = segment(text, glossary, splitter)
    name = next(token for token in document.tokens if token.text.startswith("漢娜"))
    assert name.text == f"漢娜{dot}多門"
    assert name.term == "person-hanna-dohmen"


@pytest.mark.parametrize("dot", DOTS)
@pytest.mark.parametrize(
    "around", ["3{}5", "A{}B", "台北{} 高雄", "{}台北", "台北{}", "台北{}{}高雄"]
)
def test_a_dot_not_between_two_han_characters_stays_apart(dot: str, around: str, splitter) -> None:
    text = around.format(dot, dot)
    assert not any(dot in word and any(map(is_han, word)) for word in words(text, splitter))


def test_unifying_keeps_every_offset() -> None:
    text = "".join(f"漢{dot}a" for dot in DOTS)
    unified = unify_name_dots(text)
    assert len(unified) == len(text) and set(unified) == {"漢", "\u00b7", "a"}


NAME_PARTS = st.text(alphabet="約翰甘迺迪瑪麗居禮克歐德薩說了的是台北", min_size=0, max_size=6)
AROUND = st.text(alphabet="約翰說了，。 A3\n", max_size=4)


@given(before=AROUND, left=NAME_PARTS, right=NAME_PARTS, after=AROUND, dot=st.sampled_from(DOTS))
@settings(max_examples=200, deadline=None)
def test_tokens_tile_and_every_dot_cuts_alike(
    before: str, left: str, right: str, after: str, dot: str, splitter, glossary
) -> None:
    """Whatever the dot, the text is tiled exactly, and the words start and end at the same
    places as with the middle dot: the dot's form never changes a boundary."""
    text = before + left + dot + right + after
    document = segment(text, glossary, splitter)
    assert "".join(token.text for token in document.tokens) == text
    position = 0
    for token in document.tokens:
        assert token.start == position and text[token.start : token.end] == token.text
        position = token.end
    assert position == len(text)
    middle = segment(unify_name_dots(text), glossary, splitter)
    assert [(t.start, t.end) for t in document.tokens] == [(t.start, t.end) for t in middle.tokens]
    if left and right:  # a name: the dot is inside a word, never a token of its own
        assert dot not in [token.text for token in document.tokens]
