"""The real program in a real terminal: tmux runs `zhread`, we type keys and read the screen."""

from __future__ import annotations

import pytest

from tests.terminal import needs_tmux

pytestmark = [pytest.mark.tmux, needs_tmux]


def test_reads_the_sample_moves_and_looks_up_a_term(terminal) -> None:
    term = terminal()
    term.wait_for("觀察者網")
    term.wait_for("terms (")  # segmentation finished: the header counts terms
    term.keys("]")
    screen = term.wait_for("Observer")  # 觀察者網 is the first glossary term; its English shows
    assert "觀察者網" in screen
    term.keys("s")
    screen = term.wait_for("观察者网")
    assert "Simplified" in screen
    term.keys("F1")
    term.wait_for("Next word")
    term.keys("Escape", "q")
    term.wait_for("EXIT=0", timeout=10)


def test_search_by_pinyin_in_the_terminal(terminal) -> None:
    """`/` opens the search line; a pinyin query finds 蒸餾 and n steps through the hits."""
    term = terminal()
    term.wait_for("terms (")
    term.keys("/")
    term.wait_for("search forward")
    term.keys("zhengliu", "Enter")
    term.wait_for("7 matches for zhengliu")
    term.keys("n", "q")
    term.wait_for("EXIT=0", timeout=10)


def test_bad_input_prints_one_line_in_the_terminal(terminal, tmp_path) -> None:
    term = terminal(str(tmp_path / "missing.txt"))
    screen = term.wait_for("EXIT=2")
    assert "no such file" in screen and "missing.txt" in screen
    assert "Traceback" not in screen
