"""Every key pressed while the text is still being segmented acts, or says it will and acts
once what it needs is there: nothing the reader types is dropped.

The segmenter is held after its first chunk (the ``held_segmenter`` fixture in conftest), so
what these tests see mid-segmentation is there however fast the machine is.
"""

from __future__ import annotations

import threading

import pytest

from tests.apps import text_app, until, until_segmented
from tests.conftest import SAMPLE
from tests.test_progressive import long_text
from tui.core.model.chars import Kind
from tui.core.scripts.convert import shadow
from tui.screens.lookup import LookupScreen
from tui.screens.skim import SkimScreen
from tui.screens.stats import StatsScreen
from tui.store.wordlist import WordList
from tui.widgets.article import ArticleView

COPIES = 150  # of the sample in the long text


def messages(app) -> list[str]:
    return [n.message for n in app._notifications]


def first_term(app) -> str:
    """The first glossary term of two characters or more in the part segmented first."""
    terms = app.reader.document.terms()
    return next(t for t in terms if t.kind is Kind.HAN and len(t.text) > 1).text


async def to_unsegmented_copy(pilot, word: str) -> int:
    """Put the cursor on ``word`` (found in the first copy of the sample) in the last copy,
    a chunk the held segmenter has not done; its offset there."""
    app = pilot.app
    view = app.query_one(ArticleView)
    copy = len(SAMPLE.read_text("utf-8")) + 1
    offset = app.reader.document.text.index(word) + (COPIES - 1) * copy
    assert app.reader.document.text[offset : offset + len(word)] == word
    assert not app.reader.segmented_at(offset)
    view.move_to(app.reader.document.token_index_at(offset))
    await pilot.pause()
    assert view.token.text == word[0]  # one character to a word, for now
    return offset


async def test_word_keys_wait_for_the_words_and_then_act(
    glossary, held_segmenter: threading.Event
) -> None:
    """a, W and y on a word whose chunk is not segmented yet, then d: each says it will
    act, nothing is saved early, and once the chunk is segmented each acts on the whole word."""
    app = text_app(long_text(COPIES))
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await until(pilot, lambda: app.reader.document.chunks[0].segmented, "the first chunk")
        term = first_term(app)
        offset = await to_unsegmented_copy(pilot, term)
        await pilot.press("a", "W", "y", "d")
        waiting = [m for m in messages(app) if "once the text there is segmented" in m]
        assert len(waiting) == 4, messages(app)
        assert waiting[0].startswith(f"Saving the word at {term[0]} once")
        assert not isinstance(app.screen, LookupScreen)  # d waits too
        with WordList.open() as words:
            assert len(words) == 0  # nothing half-known saved
        held_segmenter.set()
        await until(pilot, lambda: isinstance(app.screen, LookupScreen), "d acted", 120)
        await until(
            pilot, lambda: any(m.startswith("Added") for m in messages(app)), "a acted", 120
        )
        assert app.reader.document.tokens[app.reader.document.token_index_at(offset)].text == term
        assert app.clipboard == term
        assert app.screen.query_one("#lookup-input").value == term
        assert shadow(term) in app.known  # known by its Simplified form
    with WordList.open() as words:
        assert [w.hant for w in words.entries()] == [term]
        assert words.entries()[0].definition  # with the glossary's English


async def test_word_keys_act_at_once_where_the_words_are_found(
    glossary, held_segmenter: threading.Event
) -> None:
    app = text_app(long_text(COPIES))
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await until(pilot, lambda: app.reader.document.chunks[0].segmented, "the first chunk")
        await until(pilot, lambda: app.dictionary_settled, "the dictionary", 120)
        view = app.query_one(ArticleView)
        term = first_term(app)
        view.move_to(app.reader.document.token_index_at(app.reader.document.text.index(term)))
        await pilot.press("y", "W", "a")
        assert not app.reader.segmented
        assert app.clipboard == term and shadow(term) in app.known
        await until(pilot, lambda: any(m.startswith("Added") for m in messages(app)), "saved")
        assert not any("once" in m for m in messages(app))


async def test_reading_keys_act_on_the_words_found_so_far(
    glossary, held_segmenter: threading.Event
) -> None:
    """/ finds, p reads, v aligns, i glosses, I counts and o waits on screen: all while the
    rest of the text is still being segmented."""
    app = text_app(long_text(40))
    async with app.run_test(size=(120, 30), notifications=True) as pilot:
        await until(pilot, lambda: app.reader.document.chunks[0].segmented, "the first chunk")
        view = app.query_one(ArticleView)
        await pilot.press("slash", *"DeepSeek", "enter")
        await until(pilot, lambda: len(view.matches) > 0, "search hits")
        await pilot.press("p")
        await until(pilot, lambda: bool(view.readings), "readings")
        await pilot.press("v")
        await until(pilot, lambda: app.reader.alignment is not None, "the side-by-side view")
        await pilot.press("i")
        assert view.inline
        await pilot.press("I")
        assert isinstance(app.screen, StatsScreen)
        await pilot.press("escape", "o")
        assert isinstance(app.screen, SkimScreen)
        assert not app.reader.segmented  # all of it before the rest was segmented
        held_segmenter.set()
        await until_segmented(pilot, timeout=120)


async def test_script_key_waits_for_the_script(glossary, monkeypatch: pytest.MonkeyPatch) -> None:
    """s before the text's script is known switches once it is, and says so."""
    import tui.core.pipeline

    go_on = threading.Event()
    detect = tui.core.pipeline.detect_script

    def held(text: str):
        go_on.wait(120)
        return detect(text)

    monkeypatch.setattr(tui.core.pipeline, "detect_script", held)
    app = text_app(long_text(2))
    try:
        async with app.run_test(size=(100, 30), notifications=True) as pilot:
            await pilot.press("s")
            assert app.reader.script is None and app.reader.target is None
            assert any("once the text's own is known" in m for m in messages(app))
            go_on.set()
            await until(pilot, lambda: app.reader.target == "hans", "the script switched")
    finally:
        go_on.set()
