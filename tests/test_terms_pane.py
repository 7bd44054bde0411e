"""The terms pane takes the keyboard with a row highlighted (the term used nearest the
article's cursor), and j/k move in it as the arrows do, at every width."""

from __future__ import annotations

import pytest

from tests.apps import entry_settled, until_segmented
from tests.test_terminals import sample_app
from tui.widgets.article import ArticleView
from tui.widgets.terms import TermsPane


def chosen_use(terms: TermsPane):
    option = terms.highlighted_option
    assert option is not None and option.id is not None and option.id.startswith("term-")
    return terms.uses[int(option.id.removeprefix("term-"))]


@pytest.mark.parametrize("size", [(100, 30), (60, 20)])
async def test_l_highlights_the_term_at_the_cursor_and_j_k_move(size: tuple[int, int]) -> None:
    app = sample_app()
    async with app.run_test(size=size) as pilot:
        await until_segmented(pilot)
        view = app.query_one(ArticleView)
        terms = app.query_one(TermsPane)
        await pilot.press(*["right_square_bracket"] * 3)  # to the third term
        await entry_settled(pilot)
        at = view.token.start
        await pilot.press("l")
        assert terms.has_focus and terms.highlighted is not None
        assert any(start <= at < end for start, end in chosen_use(terms).occurrences)
        first = terms.highlighted
        await pilot.press("j", "j")
        assert terms.highlighted == first + 2
        await pilot.press("k")
        assert terms.highlighted == first + 1
        await pilot.press("down", "up", "up")
        assert terms.highlighted == first
        use = chosen_use(terms)
        await pilot.press("enter")
        assert view.has_focus and view.token.start == use.occurrences[0][0]


async def test_l_at_the_start_highlights_the_first_use_nearest() -> None:
    app = sample_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await until_segmented(pilot)
        terms = app.query_one(TermsPane)
        await pilot.press("l")
        nearest = min(terms.uses, key=lambda use: use.occurrences[0][0])
        assert chosen_use(terms) is nearest
        await pilot.press("escape", "G", "l")  # from the end: the term used last
        at = app.query_one(ArticleView).token.start
        distance = min(abs(start - at) for start, _ in chosen_use(terms).occurrences)
        assert all(min(abs(s - at) for s, _ in use.occurrences) >= distance for use in terms.uses)
