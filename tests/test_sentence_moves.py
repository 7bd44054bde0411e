"""`)` and `(`: the cursor moves a sentence at a time, as vim's do, on the sentences the
reader copies with `Y` (tui/core/model/sentences.py), on a segmented text and on one still
shown a character at a time alike."""

from __future__ import annotations

import threading
from pathlib import Path

from tests.apps import text_app, until, until_segmented
from tui.core.model.sentences import sentence_at
from tui.core.queries.sentences import next_sentence, previous_sentence, sentence_han_words
from tui.core.words.segment import provisional, segment
from tui.widgets.article import ArticleView

KONG_YIJI = (Path(__file__).parent / "data" / "texts" / "novel-kong-yiji.txt").read_text("utf-8")

#: Where the first sentences of the story begin: the title, then its first paragraph's.
FIRST_STARTS = [0, 5, 52, 116]
#: The words those sentences begin with.
FIRST_WORDS = ["孔乙己", "鲁镇", "做工", "倘肯"]


def starts_by_next(document, count: int) -> list[int]:
    """The first ``count`` sentence starts, reached by `)` from the top."""
    index, starts = 0, [0]
    while len(starts) < count:
        found = next_sentence(document, document.tokens[index].start)
        assert found is not None
        index = found
        starts.append(document.tokens[index].start)
    return starts


def test_next_sentence_finds_each_sentences_first_word(glossary, splitter) -> None:
    document = segment(KONG_YIJI, glossary, splitter)
    assert starts_by_next(document, 4) == FIRST_STARTS
    words = [document.tokens[document.token_index_at(at)].text for at in FIRST_STARTS]
    assert words == FIRST_WORDS


def test_a_text_not_yet_segmented_has_the_same_sentences(glossary, splitter) -> None:
    """Sentences end at characters, so the provisional text's moves land where the
    segmented text's do (one character of the same word)."""
    assert starts_by_next(provisional(KONG_YIJI), 12) == starts_by_next(
        segment(KONG_YIJI, glossary, splitter), 12
    )


def start_of(document, index: int | None) -> int | None:
    return None if index is None else document.tokens[index].start


def test_previous_sentence_goes_to_this_ones_start_first(glossary, splitter) -> None:
    document = segment(KONG_YIJI, glossary, splitter)
    middle = KONG_YIJI.index("傍晚")  # in the sentence that begins with 做工
    assert start_of(document, previous_sentence(document, middle)) == 52
    assert start_of(document, previous_sentence(document, 52)) == 5  # there: the one before
    assert start_of(document, previous_sentence(document, 5)) == 0
    assert previous_sentence(document, 0) is None


def test_the_last_sentence_has_no_next(glossary, splitter) -> None:
    document = segment(KONG_YIJI, glossary, splitter)
    last = document.tokens[max(i for i, t in enumerate(document.tokens) if t.kind.is_word)]
    assert next_sentence(document, last.start) is None
    start, _ = sentence_at(KONG_YIJI, last.start)
    first = document.tokens[previous_sentence(document, last.start)]
    assert first.kind.is_word and start <= first.start < last.start


def test_a_sentences_han_words_are_its_words_in_order(glossary, splitter) -> None:
    document = segment(KONG_YIJI, glossary, splitter)
    start, end = sentence_at(KONG_YIJI, KONG_YIJI.index("他身材"))
    assert [t.text for t in sentence_han_words(document, start, end)] == [
        "他",
        "身材",
        "很",
        "高大",
    ]


async def test_the_keys_move_by_sentence_and_the_view_follows(glossary) -> None:
    """`)` from the top through a text longer than the screen: each press lands on the next
    sentence's first word and the view scrolls to keep it in sight; `(` comes back."""
    app = text_app(KONG_YIJI)
    async with app.run_test(size=(80, 16)) as pilot:
        await until_segmented(pilot)
        view = app.query_one(ArticleView)
        for expected in FIRST_STARTS[1:]:
            await pilot.press("right_parenthesis")
            assert view.token.start == expected
        starts = []
        for _ in range(30):
            await pilot.press("right_parenthesis")
            starts.append(view.token.start)
            line = view.line_of(view.token.start) * view.rows
            top = round(view.scroll_offset.y)
            assert top <= line < top + view.scrollable_content_region.height
        assert view.scroll_offset.y > 0  # the text is longer than the screen
        assert starts == sorted(set(starts))  # always forward, never twice on one
        for start in starts[-2::-1]:
            await pilot.press("left_parenthesis")
            assert view.token.start == start
        await pilot.press("right")  # into the sentence: ( goes back to its start
        await pilot.press("left_parenthesis")
        assert view.token.start == starts[0]


async def test_the_keys_work_while_the_text_is_segmented(
    glossary, held_segmenter: threading.Event
) -> None:
    """Far from where segmenting began, the sentences are found on the characters."""
    text = "\n".join([KONG_YIJI] * 8)
    app = text_app(text)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: app.reader.document.chunks[0].segmented, "the first chunk")
        view = app.query_one(ArticleView)
        copy = len(text) - len(KONG_YIJI)  # the last copy, not segmented yet
        assert not app.reader.segmented_at(copy + 52)
        view.move_to(app.reader.document.token_index_at(copy + 60))
        await pilot.press("left_parenthesis")
        assert view.token.start == copy + 52 and view.token.text == "做"
        await pilot.press("right_parenthesis")
        assert view.token.start == copy + 116
        held_segmenter.set()
        await until_segmented(pilot)
        assert view.token.text == "倘肯"  # the cursor stays on the sentence's first word
