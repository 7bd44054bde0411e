"""Counts read as English: ``1 use``, ``2 uses``, ``1 entry``; and no count the reader
sees is written with a fixed plural."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tui.core.plurals import plural, plural_of

ROOT = Path(__file__).resolve().parent.parent / "tui"


@pytest.mark.parametrize(
    ("noun", "many"),
    [
        ("use", "uses"),
        ("entry", "entries"),
        ("match", "matches"),
        ("word", "words"),
        ("hit", "hits"),
        ("day", "days"),
        ("box", "boxes"),
        ("wish", "wishes"),
        ("saved word", "saved words"),
        ("Entry", "Entries"),
        ("person", "people"),
    ],
)
def test_plural_of(noun: str, many: str) -> None:
    assert plural_of(noun) == many


def test_one_is_singular_and_every_other_count_plural() -> None:
    assert plural(1, "use") == "1 use"
    assert plural(0, "match") == "0 matches"
    assert plural(2, "entry") == "2 entries"
    assert plural(21, "saved word") == "21 saved words"
    assert plural(3, "criterion", "criteria") == "3 criteria"


@given(st.integers(min_value=-(10**6), max_value=10**6), st.sampled_from(["use", "entry", "match"]))
def test_the_count_comes_first_and_the_noun_agrees(count: int, noun: str) -> None:
    shown = plural(count, noun)
    number, _, rest = shown.partition(" ")
    assert int(number) == count
    assert (rest == noun) == (count == 1)


#: ``{n} uses``, ``{len(x)} entries``: a count followed by a fixed plural of what is counted.
FIXED_PLURAL = re.compile(
    r"\{(?![A-Z_]+[:}])[^{}]*\} (?:[a-z]+ )?(?:uses|entries|matches|words|terms|hits|mentions|"
    r"documents|candidates|occurrences|sentences|lines)\b"
)
#: Not counts: the kind of document a reader reads.
NOT_COUNTS = {"{kind} documents"}


def test_no_count_in_the_source_has_a_fixed_plural() -> None:
    found = [
        f"{path.relative_to(ROOT.parent)}:{number}: {match.group(0)}"
        for path in sorted(ROOT.rglob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        for match in FIXED_PLURAL.finditer(line)
        if match.group(0) not in NOT_COUNTS
    ]
    assert found == []
