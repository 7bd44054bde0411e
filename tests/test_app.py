"""Pilot tests: the keys of the reader do what the help screen says."""

from __future__ import annotations

from tests.apps import (
    entry_text,
    sample_app,
    text_app,
    until,
    until_ready,
    until_segmented,
)
from tui.core.model.chars import Kind
from tui.screens.help import HelpScreen
from tui.widgets.article import ArticleView


def article(app) -> ArticleView:
    return app.query_one(ArticleView)


async def test_opens_with_title_and_first_word() -> None:
    app = sample_app()
    async with app.run_test(size=(100, 30)) as pilot:
        assert app.title == "【文/觀察者網 楊蓉】"
        await until_segmented(pilot)
        view = article(app)
        assert view.token is not None and view.token.kind.is_word
        assert view.token.text in ("文", "觀察者網")  # the first word after 【
        assert "Traditional" in app.sub_title


async def test_word_keys_skip_punctuation_and_space() -> None:
    app = text_app("甲骨文，「人工智慧」 DeepSeek。")
    async with app.run_test(size=(100, 30)) as pilot:
        await until_segmented(pilot)
        view = article(app)
        seen = [view.token.text]
        for _ in range(4):
            await pilot.press("w")
            seen.append(view.token.text)
        assert seen == ["甲骨文", "人工智慧", "DeepSeek", "DeepSeek", "DeepSeek"]
        await pilot.press("b")
        assert view.token.text == "人工智慧"
        await pilot.press("left")
        assert view.token.text == "甲骨文"
        await pilot.press("right")
        assert view.token.text == "人工智慧"


async def test_line_and_page_keys_move_down_and_back() -> None:
    app = sample_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await until_segmented(pilot)
        view = article(app)
        first_line = view.line_of(view.token.start)
        await pilot.press("j")
        assert view.line_of(view.token.start) > first_line
        await pilot.press("k")
        assert view.line_of(view.token.start) == first_line
        await pilot.press("space")
        paged = view.line_of(view.token.start)
        assert paged >= first_line + view.scrollable_content_region.height - 1
        assert view.scroll_offset.y > 0
        await pilot.press("shift+space")
        assert view.line_of(view.token.start) < paged
        await pilot.press("G")
        assert view.token.end >= len(app.reader.document.text.rstrip()) - 2
        last_scroll = view.scroll_offset.y
        assert last_scroll > 0
        await pilot.press("g")
        assert view.scroll_offset.y == 0
        await pilot.press("ctrl+f")
        assert view.scroll_offset.y > 0
        await pilot.press("ctrl+b")
        assert view.scroll_offset.y == 0


async def test_term_keys_and_sidebar_entry() -> None:
    app = sample_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await until_segmented(pilot)
        view = article(app)
        await pilot.press("right_square_bracket")
        first_term = view.token
        assert first_term.term is not None
        entry = app.reader.glossary.get(first_term.term)
        assert entry.en in (await entry_text(pilot))
        assert entry.hans in (await entry_text(pilot)) and entry.hant in (await entry_text(pilot))
        for _ in range(5):
            await pilot.press("right_square_bracket")
            assert view.token.term is not None
        before = view.cursor
        await pilot.press("left_square_bracket")
        assert view.cursor < before and view.token.term is not None


async def test_every_design_card_term_is_marked_and_explained() -> None:
    app = sample_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await until_segmented(pilot)
        view = article(app)
        first = {}
        for index, token in enumerate(app.reader.document.tokens):
            if token.term:
                first.setdefault(token.text, index)
        for term, english in (
            ("芯粒封裝", "chiplet"),
            ("蒸餾", "istillation"),
            ("監督微調", "SFT"),
            ("長鏈式思維", "CoT"),
            ("通用人工智慧", "AGI"),
            ("強化學習", "RL"),
        ):
            assert term in first, term
            view.move_to(first[term])
            await pilot.pause()
            shown = await entry_text(pilot)
            assert term in shown and english in shown, (term, shown)
            assert view.line_of(view.token.start) - view.scroll_offset.y in range(
                view.scrollable_content_region.height
            )


async def test_plain_word_shows_both_scripts_and_pinyin() -> None:
    app = text_app("銀行的長期計劃")
    async with app.run_test(size=(100, 30)) as pilot:
        await until_segmented(pilot)
        assert article(app).token.text == "銀行"
        shown = await entry_text(pilot)
        assert "银行" in shown and "yín háng" in shown


async def test_script_switch_keeps_cursor_on_the_same_word() -> None:
    app = sample_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await until_segmented(pilot)
        view = article(app)
        await pilot.press("right_square_bracket", "right_square_bracket", "right_square_bracket")
        token = view.token
        await pilot.press("s")
        assert view.cursor == app.reader.document.tokens.index(token)
        shown = view.view_text[token.start : token.end]
        assert shown == app.reader.document.shadow[token.start : token.end]
        assert "觀察者網" not in str(view.view_text) and "观察者网" in str(view.view_text)
        assert "shown as Simplified" in app.sub_title


async def test_click_moves_cursor_to_word() -> None:
    app = text_app("第一行的文字\n\n蒸餾技術")
    async with app.run_test(size=(100, 30)) as pilot:
        await until_segmented(pilot)
        view = article(app)
        text = app.reader.document.text
        line = next(i for i, ln in enumerate(view.lines) if text[ln.start : ln.end] == "蒸餾技術")
        region = view.content_region
        offset = (region.x - view.region.x + 1, region.y - view.region.y + line)
        await pilot.click(ArticleView, offset=offset)
        assert view.token.text == "蒸餾"
        assert "distillation" in (await entry_text(pilot)).lower()


async def test_help_lists_keys_and_closes() -> None:
    app = sample_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("f1")
        assert isinstance(app.screen, HelpScreen)
        table = app.screen.query_one("#help-table")
        rows = [" ".join(str(c) for c in table.get_row_at(i)) for i in range(table.row_count)]
        joined = "\n".join(rows)
        for expected in ("Next word", "Next term", "Script", "Quit", "Page down"):
            assert expected in joined
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)


async def test_q_quits() -> None:
    app = sample_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0


async def test_narrow_terminal_folds_sidebar_and_rewraps() -> None:
    app = sample_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await until_segmented(pilot)
        view = article(app)
        wide_lines = len(view.lines)
        assert app.query_one("#sidebar").display
        await pilot.resize_terminal(50, 20)
        await pilot.pause()
        assert not app.query_one("#sidebar").display
        assert len(view.lines) > wide_lines
        await pilot.resize_terminal(20, 6)
        await pilot.pause()
        await pilot.press("w", "j", "space", "G")
        assert view.token.kind.is_word


async def test_document_markup_and_escapes_are_shown_literally() -> None:
    app = text_app("[bold red]不是粗體[/] \x1b]52;c;aGk=\x07 [@click=app.quit]點[/]")
    async with app.run_test(size=(100, 30)) as pilot:
        await until_segmented(pilot)
        view = article(app)
        assert "[bold red]" in str(view.view_text) and "\x1b" not in str(view.view_text)
        await pilot.click(ArticleView, offset=(30, 0))
        await pilot.pause()
        assert app.is_running


async def test_document_without_words() -> None:
    app = text_app("。。。\n，，")
    async with app.run_test(size=(60, 20)) as pilot:
        await until_segmented(pilot)
        await pilot.press("w", "j", "right_square_bracket", "G", "s")
        assert article(app).token.kind is Kind.PUNCT


async def test_columns_count_every_cell_drawn_before_an_offset() -> None:
    """A move to another line lands by column: a line's columns, worked out once per line,
    are the cells of the text before each offset plus the glosses and reading pads there."""
    from rich.cells import cell_len

    from tui.layout import cells

    app = sample_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await until_ready(pilot)
        await pilot.press("i", "p")  # inline glosses and the reading line: both add cells
        await until(pilot, lambda: article(app).readings, "the reading line")
        view = article(app)
        for index in range(min(len(view.lines), 12)):
            line, column = view.lines[index], view._columns(index)
            extras = view._extras(line)
            for offset in range(line.start, line.end + 1):
                drawn = sum(cells(ch) for ch in str(view.view_text)[line.start : offset])
                drawn += sum(cell_len(text) for at, text, _ in extras if at <= offset)
                assert column(offset) == drawn
