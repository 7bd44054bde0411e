"""The progressive pipeline: a long text opens at once, the part being read first, and every
key, the terms pane, search and script switching work while the rest is segmented."""

from __future__ import annotations

import random
import re
import threading
from itertools import pairwise

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.apps import text_app, until, until_segmented
from tests.conftest import SAMPLE
from tui.core.model.chunks import CHUNK_CHARS, chunk_bounds
from tui.core.model.document import Document
from tui.core.words.progressive import Progressive
from tui.core.words.segment import per_character, provisional, segment
from tui.widgets.article import ArticleView
from tui.widgets.terms import TermsPane

TEXT = st.text(alphabet="漢娜·多門人工智慧銀行 DeepSeek 3.5%，。！\n\u0301", max_size=300)


def long_text(copies: int = 150) -> str:
    """The sample many times over (about 7 KB each): seconds of jieba."""
    return "\n".join([SAMPLE.read_text(encoding="utf-8")] * copies)


def old_spans(document: Document) -> list[tuple[int, int, str, str | None]]:
    return [(t.start, t.end, t.kind.value, t.term) for t in document.tokens]


@settings(max_examples=60, deadline=None)
@given(TEXT, st.integers(min_value=4, max_value=40))
def test_chunks_tile_the_text_and_segment_as_the_whole(text: str, size: int) -> None:
    bounds = chunk_bounds(text, size)
    assert bounds[0][0] == 0 and bounds[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in pairwise(bounds))


def test_a_text_without_line_or_sentence_ends_is_cut_into_small_chunks() -> None:
    """A novel on one line, even with no punctuation at all, is segmented a few thousand
    characters at a time, each chunk ending after a clause where it can: the worker never
    holds one huge call (and stops between chunks when told to)."""
    clauses = "中國企業近期推出的模型，引發美國的高度關注、" * 2000
    bounds = chunk_bounds(clauses)
    assert len(bounds) > 10
    assert all(end - start <= CHUNK_CHARS for start, end in bounds)
    assert all(clauses[end - 1] in "，、" for _, end in bounds[:-1])
    bare = "中國企業近期推出的模型引發美國的高度關注" * 2000
    bounds = chunk_bounds(bare)
    assert all(end - start == CHUNK_CHARS for start, end in bounds[:-1])
    assert "".join(bare[s:e] for s, e in bounds) == bare


@settings(max_examples=80, deadline=None)
@given(TEXT)
def test_compact_tokens_tile_the_text(text: str) -> None:
    for document in (segment(text), provisional(text)):
        tokens = list(document.tokens)
        assert "".join(t.text for t in tokens) == text
        assert all(a.end == b.start for a, b in pairwise(tokens))
        assert len(tokens) == len(document.tokens)
        assert [document.tokens[i] for i in range(len(tokens))] == tokens
        for index, token in enumerate(tokens):
            assert document.token_index_at(token.start) == index
            assert document.token_index_at(token.end - 1) == index
        assert "".join(text[p.start : p.end] for p in document.paragraphs) == text.replace("\n", "")


@settings(max_examples=40, deadline=None)
@given(TEXT)
def test_progressive_segmentation_equals_the_whole(text: str) -> None:
    whole = segment(text, None, per_character)
    steps = Progressive(provisional(text), None, per_character)
    while steps.step(random.randrange(len(text) + 1)):
        pass
    assert old_spans(steps.document()) == old_spans(whole)


def test_segmented_tokens_are_the_same_as_token_by_token(glossary, splitter, sample_text) -> None:
    document = segment(sample_text, glossary, splitter)
    rebuilt = Document(sample_text, list(document.tokens), None, "<t>", document.shadow)
    assert old_spans(rebuilt) == old_spans(document)
    assert [t.term for t in rebuilt.terms()] == [t.term for t in document.terms()]
    assert rebuilt.paragraphs == tuple(document.paragraphs)


def test_provisional_costs_nothing_per_character() -> None:
    document = provisional(long_text(30))
    assert document.nbytes() < 10_000  # nothing stored until a chunk is read
    assert document.tokens[5].text == document.text[5]


async def test_long_text_opens_provisional_and_reads_while_segmenting(
    glossary, held_segmenter: threading.Event
) -> None:
    app = text_app(long_text())
    async with app.run_test(size=(100, 30)) as pilot:
        view = app.query_one(ArticleView)
        assert view.lines and not app.reader.segmented  # the first frame comes before the words
        await until(
            pilot,
            lambda: re.search(r"segmenting… \d+%", app.sub_title) is not None,
            "progress in the header",
        )
        assert app.reader.document.chunks[0].segmented  # the part on screen comes first
        assert not app.reader.segmented  # the rest is still on its way
        start = view.token.start
        await pilot.press("j", "j", "w")
        assert view.token.start > start  # keys work while the worker runs
        first = view.token
        assert app.reader.document.tokens[view.cursor] == first
        await until(pilot, lambda: len(app.query_one(TermsPane).uses) > 0, "terms so far")
        await pilot.press("s")  # script switching while segmenting
        assert app.reader.target == "hans" and view.script_config is not None
        assert len(view.view_text) == len(app.reader.document.text)
        assert view.token.start == first.start
        use = app.query_one(TermsPane).uses[0]
        view.set_matches(use.occurrences)
        await pilot.press("n")
        assert (view.token.start, view.token.end) in use.occurrences
        assert not app.reader.segmented  # all of it while the rest was still on its way
        held_segmenter.set()
        await until_segmented(pilot, timeout=120)
        assert app.reader.document.segmented and "segmenting" not in app.sub_title
        assert app.reader.document.tokens[view.cursor].start <= view.token.start
        uses = app.query_one(TermsPane).uses
        assert sum(u.count for u in uses) == len(app.reader.document.terms())
        await pilot.press("s")
        assert app.reader.target == "tw"


async def test_layout_wraps_lazily_and_correctly(glossary, held_segmenter: threading.Event) -> None:
    text = long_text(40)
    app = text_app(text)
    async with app.run_test(size=(100, 30)) as pilot:
        view = app.query_one(ArticleView)
        assert not view.lines.complete  # only what is on screen, at first
        await pilot.press("G")  # the end: wrapped as far as needed, at once
        assert view.line_of(view.token.start) < len(view.lines)
        held_segmenter.set()
        await until(pilot, lambda: view.lines.complete, "the whole wrap", 120)
        from tui.widgets.article import layout_lines

        whole = layout_lines(app.reader.document, str(view.view_text), view._wrap_width)
        assert list(view.lines) == whole


async def test_caches_stay_bounded_after_scrolling_everything(glossary) -> None:
    app = text_app(long_text(8))
    async with app.run_test(size=(100, 30)) as pilot:
        await until_segmented(pilot, timeout=120)
        view = app.query_one(ArticleView)
        await pilot.press("t")
        for _ in range(60):
            await pilot.press("space")
        assert len(view._strips) <= view._strips.maxsize
        assert len(view._tone_cache) <= view._tone_cache.maxsize
