"""Pilot tests for the learning states in the reader: the keys that set a word's state, the
tints of every use of it, words marked seen by moving on past them, the header's progress
and the statistics screen's counts. The store is the real SQLite word list, read back
through a connection of its own."""

from __future__ import annotations

import pytest
from textual.color import Color

from tests.apps import text_app, until, until_ready
from tests.conftest import SAMPLE
from tests.terminal import needs_tmux
from tui.app import ZhreadApp
from tui.core.glossary.bundled import builtin_glossary_path
from tui.core.glossary.loader import load_glossary
from tui.core.learning.states import State
from tui.reader.states import SEEN_DELAY
from tui.store.wordlist import WordList

TEXT = "他去銀行了。銀行很大。Hello 我們去公園散步。"
BANK = [(2, 4), (6, 8)]  # 銀行, twice


class BellApp(ZhreadApp):
    """The reader, counting the bell's rings."""

    rings = 0

    def bell(self) -> None:
        self.rings += 1
        super().bell()


def stored() -> dict[str, State]:
    with WordList.open() as words:  # a fresh connection: what the app committed is on disk
        return words.states()


def notices(app: ZhreadApp) -> list[str]:
    return [notification.message for notification in app._notifications]


def tinted(app: ZhreadApp, state: State) -> list[tuple[int, int]]:
    marks = app.query_one("#article").marks.get(f"state-{state}")
    return marks.spans if marks else []


def existing_store(states: dict[str, State] | None = None) -> None:
    with WordList.open() as words:
        for word, state in (states or {}).items():
            words.set_state(word, state)


async def test_the_digit_keys_set_the_state_of_every_use_and_save_the_word() -> None:
    app = text_app(TEXT)
    async with app.run_test(size=(100, 30)) as pilot:
        await until_ready(pilot)
        await pilot.press("w", "w", "2")  # 銀行
        await pilot.pause()
        assert stored()["银行"] is State.LEARNING_2
        assert tinted(app, State.LEARNING_2) == BANK
        assert not any(span in tinted(app, State.NEW) for span in BANK)
        assert (0, 1) in tinted(app, State.NEW)  # 他, never touched
        assert "銀行: learning 2" in notices(app)
        await pilot.press("5")
        assert stored()["银行"] is State.KNOWN
        assert tinted(app, State.LEARNING_2) == [] and "銀行: known" in notices(app)
    with WordList.open() as words:  # saved by `2`, with its sentence, for review
        saved = {word.hant: word for word in words.entries()}
    assert saved["銀行"].sentence == "他去銀行了。" and "bank" in saved["銀行"].definition


async def test_each_learning_key_gives_its_own_grade_of_tint() -> None:
    app = text_app(TEXT)
    async with app.run_test(size=(100, 30)) as pilot:
        await until_ready(pilot)
        await pilot.press("w", "w")
        for key, state in zip(
            "1234",
            (State.LEARNING_1, State.LEARNING_2, State.LEARNING_3, State.LEARNING_4),
            strict=True,
        ):
            await pilot.press(key)
            assert app.states["银行"] is state and tinted(app, state) == BANK
        article = app.query_one("#article")
        styles = {article.layered_style((f"article--state-learning{n}",)) for n in range(1, 5)}
        assert len({style.bgcolor for style in styles}) >= 3  # graded, not one colour


async def test_w_toggles_known_and_x_ignored_back_to_the_state_before() -> None:
    app = text_app(TEXT)
    async with app.run_test(size=(100, 30)) as pilot:
        await until_ready(pilot)
        await pilot.press("w", "w", "3", "W")
        assert stored()["银行"] is State.KNOWN and app.known == {"银行"}
        await pilot.press("W")
        assert stored()["银行"] is State.LEARNING_3 and tinted(app, State.LEARNING_3) == BANK
        await pilot.press("x")
        assert stored()["银行"] is State.IGNORED and tinted(app, State.LEARNING_3) == []
        await pilot.press("x")
        assert stored()["银行"] is State.LEARNING_3
        await pilot.press("w", "W", "W")  # 了: never given a state, so new again
        assert "了" not in stored() and (4, 5) in tinted(app, State.NEW)


async def test_a_state_key_on_a_word_that_is_not_chinese_rings_the_bell() -> None:
    app = BellApp(TEXT, "<test>", load_glossary(builtin_glossary_path()))
    async with app.run_test(size=(100, 30)) as pilot:
        await until_ready(pilot)
        article = app.query_one("#article")
        while article.token.text != "Hello":
            await pilot.press("w")
        for key in ("1", "5", "W", "x"):
            await pilot.press(key)
        assert app.rings == 4
        assert app.words is None or "hello" not in {w.lower() for w in stored()}


async def test_a_key_pressed_while_segmenting_marks_the_whole_word() -> None:
    app = text_app(TEXT)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("w", "w", "5")  # at once: 銀 alone until the text is segmented
        await until(pilot, lambda: app.states.get("银行") is State.KNOWN, "the word marked")
        assert "銀" not in app.states and "银" not in app.states


async def test_tints_show_from_the_start_once_the_store_exists_and_u_turns_them_off() -> None:
    existing_store({"银行": State.LEARNING_1})
    app = text_app(TEXT)
    async with app.run_test(size=(100, 30)) as pilot:
        await until_ready(pilot)
        await until(pilot, lambda: tinted(app, State.LEARNING_1) == BANK, "the tints")
        assert (0, 1) in tinted(app, State.NEW)
        await pilot.press("U")
        assert tinted(app, State.LEARNING_1) == [] and tinted(app, State.NEW) == []
        await pilot.press("U")
        assert tinted(app, State.LEARNING_1) == BANK


async def test_without_a_store_nothing_is_tinted_or_created() -> None:
    app = text_app(TEXT)
    async with app.run_test(size=(100, 30)) as pilot:
        await until_ready(pilot)
        await pilot.press("w", "w", "w", "j")
        await pilot.pause(SEEN_DELAY + 0.2)
        assert app.words is None and not app.query_one("#article").marks
    assert not WordList.default_path().exists()


async def test_the_config_chooses_which_states_are_tinted(tmp_path) -> None:
    write_config(tmp_path, 'state-tints = "learning"\n')
    existing_store({"银行": State.LEARNING_4})
    app = text_app(TEXT)
    async with app.run_test(size=(100, 30)) as pilot:
        await until_ready(pilot)
        await until(pilot, lambda: tinted(app, State.LEARNING_4) == BANK, "the tints")
        assert tinted(app, State.NEW) == []


def write_config(tmp_path, text: str) -> None:
    config = tmp_path / "config" / "zhread"
    config.mkdir(parents=True, exist_ok=True)
    (config / "config.toml").write_text(text, encoding="utf-8")


async def test_moving_on_past_new_words_marks_them_seen() -> None:
    existing_store({"去": State.LEARNING_2})
    app = text_app(TEXT)
    async with app.run_test(size=(100, 30)) as pilot:
        await until_ready(pilot)
        await until(pilot, lambda: app.words is not None, "the store opened")
        await pilot.press("w", "w", "w")  # 他 去 銀行 passed; the cursor on 了
        await until(pilot, lambda: "他" in app.states, "the words marked seen")
        assert stored() == {"他": State.SEEN, "去": State.LEARNING_2, "银行": State.SEEN}
        assert (0, 1) in tinted(app, State.SEEN) and (4, 5) in tinted(app, State.NEW)
        await pilot.press("b", "b")  # back: nothing more is passed
        await pilot.pause(SEEN_DELAY + 0.3)
        assert "了" not in stored()


async def test_a_key_pressed_before_the_seen_words_are_written_is_kept() -> None:
    existing_store()
    app = text_app(TEXT)
    async with app.run_test(size=(100, 30)) as pilot:
        await until_ready(pilot)
        await until(pilot, lambda: app.words is not None, "the store opened")
        await pilot.press("w", "w", "w", "b", "3")  # 銀行 passed, then learning 3 at once
        await pilot.pause(SEEN_DELAY + 0.3)
        await until(pilot, lambda: "他" in app.states, "the words marked seen")
        assert stored()["银行"] is State.LEARNING_3 and app.states["银行"] is State.LEARNING_3


async def test_a_jump_far_ahead_marks_nothing_seen() -> None:
    existing_store()
    app = ZhreadApp(
        SAMPLE.read_text(encoding="utf-8"), str(SAMPLE), load_glossary(builtin_glossary_path())
    )
    async with app.run_test(size=(80, 12)) as pilot:
        await until_ready(pilot)
        await until(pilot, lambda: app.words is not None, "the store opened")
        await pilot.press("G")
        await pilot.pause(SEEN_DELAY + 0.3)
        assert stored() == {}
        await pilot.press("g", "space")  # a page read: its words are seen
        await until(pilot, lambda: bool(app.states), "the page marked seen")
        assert set(stored().values()) == {State.SEEN}


async def test_the_setting_turns_marking_seen_off(tmp_path) -> None:
    write_config(tmp_path, "mark-seen = false\n")
    existing_store()
    app = text_app(TEXT)
    async with app.run_test(size=(100, 30)) as pilot:
        await until_ready(pilot)
        await until(pilot, lambda: app.words is not None, "the store opened")
        await pilot.press("w", "w", "w", "j")
        await pilot.pause(SEEN_DELAY + 0.3)
        assert stored() == {} and app.states == {}


async def test_the_header_shows_the_known_share_its_change_and_the_new_words() -> None:
    existing_store({"他": State.KNOWN})
    app = text_app("他去銀行。銀行很大。")
    async with app.run_test(size=(80, 24)) as pilot:
        await until_ready(pilot)
        bar = app.query_one("TitleBar")
        await until(pilot, lambda: bar.progress, "the progress")
        han = app.reader.states.count()
        assert han is not None
        assert bar.progress == f"known {100 * han.share:.0f}% · {han.distinct[State.NEW]} new"
        await pilot.press("w", "w", "x")  # 銀行 ignored: counted as known
        count = app.reader.states.count()
        change = 100 * (count.share - han.share)
        assert bar.progress == (
            f"known {100 * count.share:.0f}% ({change:+.1f}) · {count.distinct[State.NEW]} new"
        )
        line = bar.render().plain
        assert len(line) <= 80 and line.rstrip().endswith(bar.progress)


async def test_reload_states_follows_the_store() -> None:
    existing_store()
    app = text_app(TEXT)
    async with app.run_test(size=(100, 30)) as pilot:
        await until_ready(pilot)
        await until(pilot, lambda: app.words is not None, "the store opened")
        with WordList.open() as words:  # as a review does
            words.set_state("銀行", State.LEARNING_3)
        app.reload_states()
        assert tinted(app, State.LEARNING_3) == BANK


async def test_the_stats_screen_counts_words_by_state() -> None:
    from tui.screens.stats import StatsScreen

    existing_store({"银行": State.LEARNING_1, "他": State.IGNORED})
    app = text_app(TEXT)
    async with app.run_test(size=(100, 40)) as pilot:
        await until_ready(pilot)
        await until(pilot, lambda: app.words is not None, "the store opened")
        await pilot.press("I")
        screen = app.screen
        assert isinstance(screen, StatsScreen) and screen.by_state is not None
        assert screen.by_state.tokens[State.LEARNING_1] == 2
        shown = str(screen.query_one("#stats-states").render())
        assert "learning 1" in shown and "ignored" in shown
        assert screen.stats.known == 1  # 他, ignored: counted as known


@pytest.mark.tmux
@needs_tmux
@pytest.mark.parametrize("theme", ["textual-dark", "zhread-light"])
def test_a_learning_word_is_tinted_in_a_real_terminal(terminal, tmp_path, theme: str) -> None:
    """The real program in tmux with a store holding a learning word: the screen read back
    with its colours shows the word on the theme's learning 1 tint (as a 256-colour
    terminal shows it), legible, and apart from a new word's tint and a known word's
    plain background."""
    from textual.theme import BUILTIN_THEMES

    from tests.test_tmux_contrast import _open, cells_of, colour_screen, legible
    from tui.contrast import AA, difference, eight_bit
    from tui.themes import THEMES, variable_defaults

    existing_store({"公司": State.LEARNING_1, "工程师": State.KNOWN})
    term = _open(terminal, tmp_path, theme)
    term.until(lambda s: "new" in s, "the progress in the header")
    screen = colour_screen(term)
    company, engineer, this = (cells_of(screen, ch)[0] for ch in "公工這")
    variables = variable_defaults({**BUILTIN_THEMES, **{t.name: t for t in THEMES}}[theme])
    learning = Color.parse(variables["zhread-state-learning1"])
    assert company.seen()[1] == eight_bit((learning.r, learning.g, learning.b))
    assert legible(company) >= AA and legible(this) >= AA
    assert difference(company.seen()[1], this.seen()[1]) >= 40  # learning 1 is not new
    assert difference(company.seen()[1], engineer.seen()[1]) >= 40  # nor a known word
    term.keys("q")
    term.wait_for("EXIT=0", timeout=15)


async def test_u_before_there_is_a_store_starts_one_and_tints() -> None:
    app = text_app(TEXT)
    async with app.run_test(size=(100, 30)) as pilot:
        await until_ready(pilot)
        await pilot.press("U")
        assert app.words is not None and (0, 1) in tinted(app, State.NEW)
        assert "Tinted by state: new, seen, learning" in notices(app)


async def test_saving_a_word_with_a_makes_it_learning_one() -> None:
    app = text_app(TEXT)
    async with app.run_test(size=(100, 30)) as pilot:
        await until_ready(pilot)
        await pilot.press("w", "w", "a")
        await until(pilot, lambda: tinted(app, State.LEARNING_1) == BANK, "the tint")
        assert stored()["银行"] is State.LEARNING_1
