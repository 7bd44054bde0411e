"""Pinyin as a learner types it: which queries are pinyin with tone numbers, which tone
numbers are impossible, and which letters no syllable spells. The syllables here are a
handful given by the test; the dictionary's own are used in tests/test_dictionary.py."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tui.core.readings.reading import is_numbered_query, syllable_problem, tone_problem

SYLLABLES = {"ni", "hao", "zhong", "guo", "xi", "an", "lv", "chang", "qi", "e", "er"}


def is_syllable(letters: str) -> bool:
    return letters in SYLLABLES


def begins_syllable(letters: str) -> bool:
    return any(s.startswith(letters) for s in SYLLABLES)


def problem(query: str) -> str | None:
    return syllable_problem(query, is_syllable, begins_syllable)


@pytest.mark.parametrize(
    "query",
    ["ni3hao3", "Ni3 Hao3", "ni3hao", "lu:4", "lü4", "lv4", "ni3hao9", "xi1'an1", "ni3 hao3 "],
)
def test_numbered_queries(query: str) -> None:
    assert is_numbered_query(query)


@pytest.mark.parametrize("query", ["covid-19", "2024", "nihao", "nǐ hǎo", "3d", "ni 3", ""])
def test_not_numbered_queries(query: str) -> None:
    assert not is_numbered_query(query)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("ni3hao9", "ni3hao9: 9 is not a tone (1–5)"),
        ("ni3hao3", None),
        ("ni0", None),
        ("ma5", None),
        ("ni6 hao3", "ni6 hao3: 6 is not a tone (1–5)"),
        ("ni33", "ni33: 33 is not a tone (1–5)"),
    ],
)
def test_tone_problem(query: str, expected: str | None) -> None:
    assert tone_problem(query) == expected


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("ni3hqo3", "ni3hqo3: hqo is not a pinyin syllable"),
        ("nǐ hqǒ", "nǐ hqǒ: hqo is not a pinyin syllable"),
        ("zhong1guox2", "zhong1guox2: x is not a pinyin syllable"),
        ("nǐhao", None),
        ("ni3zh", None),
        ("nǐ h", None),
        ("xi1an1", None),
        ("lü4", None),
        ("ni3 zhx", "ni3 zhx: zhx is not a pinyin syllable"),
    ],
)
def test_syllable_problem(query: str, expected: str | None) -> None:
    assert problem(query) == expected


@given(
    st.lists(
        st.tuples(st.sampled_from(sorted(SYLLABLES)), st.sampled_from("12345")),
        min_size=1,
        max_size=5,
    ),
    st.sampled_from(["", " ", "'"]),
)
def test_every_spelling_of_real_syllables_is_readable(
    syllables: list[tuple[str, str]], separator: str
) -> None:
    numbered = separator.join(letters + tone for letters, tone in syllables)
    assert is_numbered_query(numbered)
    assert tone_problem(numbered) is None
    assert problem(numbered) is None
    assert problem(" ".join(letters for letters, _ in syllables)) is None
