"""Enter on the article opens the sentence view: the sentence, its HSK level, and a table
of its words with their readings, glosses and levels; `a` saves the highlighted word with
this sentence; Esc and q close. Pressed while the text is segmented, it waits and says so."""

from __future__ import annotations

import threading
from pathlib import Path

from textual.widgets import DataTable

from tests.apps import text_app, until, until_ready
from tui.core.learning.states import State
from tui.core.model.sentences import sentence_at
from tui.screens.sentence import SentenceScreen
from tui.store.wordlist import WordList
from tui.widgets.article import ArticleView

TEXTS = Path(__file__).parent / "data" / "texts"
KONG_YIJI = (TEXTS / "novel-kong-yiji.txt").read_text(encoding="utf-8")
XIANGSHAN = (TEXTS / "mainland-news-xiangshan-clarifications.txt").read_text(encoding="utf-8")


def messages(app) -> list[str]:
    return [n.message for n in app._notifications]


def text_of(screen, selector: str) -> str:
    return str(screen.query_one(selector).render())


def table_rows(screen) -> list[list[str]]:
    table = screen.query_one("#sentence-table", DataTable)
    return [[str(cell) for cell in table.get_row_at(row)] for row in range(table.row_count)]


async def open_at(pilot, word: str) -> SentenceScreen:
    """Put the cursor on ``word`` and press Enter; the view once it is open."""
    app = pilot.app
    view = app.query_one(ArticleView)
    view.move_to(app.reader.document.token_index_at(app.reader.document.text.index(word)))
    await pilot.press("enter")
    await until(pilot, lambda: isinstance(app.screen, SentenceScreen), "the sentence view")
    return app.screen


async def test_enter_shows_the_sentence_and_its_words() -> None:
    app = text_app(KONG_YIJI)
    async with app.run_test(size=(100, 30)) as pilot:
        await until_ready(pilot)
        screen = await open_at(pilot, "身材")
        assert text_of(screen, "#sentence-text") == "他身材很高大；"
        assert text_of(screen, "#sentence-title").endswith("HSK 5")
        assert text_of(screen, "#sentence-level") == (
            "Every word is at HSK 5 or below in the HSK 2025 lists."
        )
        rows = table_rows(screen)
        assert [row[0] for row in rows] == ["他", "身材", "很", "高大"]
        assert [row[1] for row in rows] == ["tā", "shēn cái", "hěn", "gāo dà"]
        assert [row[3] for row in rows] == ["1", "5", "1", "5"]
        assert rows[0][2] == "he"  # one sense of CC-CEDICT's, its notes dropped
        assert all(row[2] for row in rows)


async def test_a_glossary_term_takes_the_glossarys_english(glossary) -> None:
    """开源 is CC-CEDICT's "to expand one's financial resources"; the glossary's term
    "open source" is what this text means."""
    app = text_app(XIANGSHAN)
    async with app.run_test(size=(100, 30)) as pilot:
        await until_ready(pilot)
        screen = await open_at(pilot, "香山的核心理念")
        assert text_of(screen, "#sentence-text") == "香山的核心理念是开源、开放"
        english = {row[0]: row[2] for row in table_rows(screen)}
        assert english["开源"] == glossary.get("open-source").en
        assert "1 name (香山)" in text_of(screen, "#sentence-level")


async def test_a_saves_the_highlighted_word_with_this_sentence() -> None:
    app = text_app(KONG_YIJI)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await until_ready(pilot)
        sentence = "孔乙己是站着喝酒而穿长衫的唯一的人。"
        screen = await open_at(pilot, sentence)
        await pilot.press("j", "j", "down", "k")  # 孔乙己 是 站 着 -> 站
        assert screen.current is not None and screen.current.shown == "站"
        await pilot.press("a")
        await until(pilot, lambda: "Added 站 in your word list" in messages(app), "the notice")
        assert isinstance(app.screen, SentenceScreen)  # the view stays open for more
        assert app.states.get("站") is State.LEARNING_1  # tinted as the reader's `a` does
    with WordList.open() as words:
        [saved] = words.entries()
        assert words.state_of("站") is State.LEARNING_1
    assert (saved.hans, saved.pinyin, saved.sentence) == ("站", "zhàn", sentence)
    assert saved.definition and saved.source == "<test>"


async def test_escape_and_q_close_the_view() -> None:
    app = text_app(KONG_YIJI)
    async with app.run_test(size=(100, 30)) as pilot:
        await until_ready(pilot)
        reader = app.screen
        for key in ("escape", "q"):
            await open_at(pilot, "身材")
            await pilot.press(key)
            await pilot.pause()
            assert app.screen is reader
        assert app.is_running  # q closed the view, not the app


async def test_the_sentence_is_shown_as_text_never_as_markup() -> None:
    text = "他说[bold]不是[/bold]这样的。我们走吧。"
    app = text_app(text)
    async with app.run_test(size=(100, 30)) as pilot:
        await until_ready(pilot)
        screen = await open_at(pilot, "不是")
        assert text_of(screen, "#sentence-text") == "他说[bold]不是[/bold]这样的。"


async def test_enter_waits_for_the_sentence_to_be_segmented(
    held_segmenter: threading.Event,
) -> None:
    """In a part of the text not segmented yet the view would list characters: Enter says
    it will open the sentence, and opens it on its words once they are found."""
    text = "\n".join([KONG_YIJI] * 8)
    app = text_app(text)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await until(pilot, lambda: app.reader.document.chunks[0].segmented, "the first chunk")
        await until(pilot, lambda: app.dictionary_settled, "the dictionary", 120)
        offset = len(text) - len(KONG_YIJI) + KONG_YIJI.index("他身材")
        assert not app.reader.segmented_at(offset)
        view = app.query_one(ArticleView)
        view.move_to(app.reader.document.token_index_at(offset + 1))
        await pilot.press("enter")
        assert "Opening the sentence once the text there is segmented…" in messages(app)
        await pilot.pause(0.2)
        assert not isinstance(app.screen, SentenceScreen)
        held_segmenter.set()
        await until(pilot, lambda: isinstance(app.screen, SentenceScreen), "the view", 120)
        assert [row[0] for row in table_rows(app.screen)] == ["他", "身材", "很", "高大"]
        start, end = sentence_at(text, offset)
        assert app.screen.report.written == text[start:end]
