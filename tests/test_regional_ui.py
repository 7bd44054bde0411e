"""Pilot tests: the side-by-side view rewrites only known regional words, and the terms pane
lists OpenCC's other proposals apart, under a label that says whose they are."""

from __future__ import annotations

from tests.apps import text_app, until_segmented
from tests.test_scripts_ui import until_aligned
from tui.widgets.article import ArticleView
from tui.widgets.parallel import ParallelView
from tui.widgets.terms import TermsPane

TEXT = "工程師執行測試之後，把日誌複製到共用資料夾。\n這台筆電的記憶體不夠，軟體跑不動。"


async def test_opencc_proposals_are_labelled_and_not_written_into_the_text() -> None:
    app = text_app(TEXT)
    async with app.run_test(size=(120, 30)) as pilot:
        await until_segmented(pilot)
        await pilot.press("v")
        await until_aligned(pilot)
        shown = app.query_one(ParallelView).document.text
        assert "工程师执行测试" in shown and "复制" in shown
        assert "运行" not in shown and "拷贝" not in shown
        assert "内存" in shown and "软件" in shown and "文件夹" in shown
        pane = app.query_one(TermsPane)
        assert {(w.original, w.converted) for w in pane.regional} >= {
            ("記憶體", "内存"),
            ("軟體", "软件"),
            ("資料夾", "文件夹"),
        }
        assert ("執行", "运行") in {(w.original, w.converted) for w in pane.suggested}
        assert not {w.original for w in pane.regional} & {"執行", "複製到"}
        prompts = [str(pane.get_option_at_index(i).prompt) for i in range(pane.option_count)]
        assert "OpenCC suggests (not verified)" in prompts
        assert prompts.index("Regional words") < prompts.index("OpenCC suggests (not verified)")


async def test_choosing_a_suggestion_goes_to_its_word() -> None:
    app = text_app(TEXT)
    async with app.run_test(size=(120, 30)) as pilot:
        await until_segmented(pilot)
        await pilot.press("v")
        await until_aligned(pilot)
        pane = app.query_one(TermsPane)
        await pilot.press("l")
        index = next(i for i, w in enumerate(pane.suggested) if w.original == "執行")
        pane.highlighted = next(
            i
            for i in range(pane.option_count)
            if pane.get_option_at_index(i).id == f"suggest-{index}"
        )
        await pilot.press("enter")
        assert app.query_one("#article", ArticleView).token.text == "執行"
