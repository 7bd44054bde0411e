"""Pilot tests for the glossary in the reader: inline glosses, the terms pane, search through
a term's uses, hover tooltips, and adding a candidate to the user's glossary."""

from __future__ import annotations

import yaml

from tests.apps import entry_text, sample_app, text_app, until, until_segmented
from tests.conftest import SAMPLE
from tui.app import ZhreadApp
from tui.core.glossary.candidates import CandidateKind
from tui.core.glossary.layers import builtin_glossary, user_glossary_path
from tui.widgets.article import ArticleView
from tui.widgets.terms import TermsPane


def rendered(view: ArticleView) -> str:
    return "\n".join(view.render_line(y).text for y in range(view.scrollable_content_region.height))


async def test_inline_glosses_follow_first_use_only_and_keep_wrapping() -> None:
    app = text_app("蒸餾很重要。學生模型透過蒸餾學習。\n第二段也談蒸餾。")
    async with app.run_test(size=(100, 30)) as pilot:
        await until_segmented(pilot)
        view = app.query_one(ArticleView)
        assert "(distillation)" not in rendered(view)
        await pilot.press("i")
        screen = rendered(view)
        assert screen.count("(distillation)") == 1
        assert screen.index("蒸餾") < screen.index("(distillation)") < screen.index("很重要")
        await pilot.press("i")
        assert "(distillation)" not in rendered(view)


async def test_inline_glosses_sit_after_the_term_and_never_repeat_the_text() -> None:
    app = text_app("美國參議院昨天召開聽證會。研究員漢娜·多門(Hanna Dohmen)與DeepSeek的代表出席。")
    async with app.run_test(size=(160, 30)) as pilot:
        await until_segmented(pilot)
        view = app.query_one(ArticleView)
        await pilot.press("i")
        line = view.render_line(0).text
        assert "召開聽證會(hearing)。研究員" in line  # not 聽證會。(hearing)
        assert line.count("Hanna Dohmen") == 1  # the text gives it already
        screen = rendered(view)
        assert "DeepSeek的代表" in screen and "DeepSeek(" not in screen  # not glossed with itself


async def test_the_sidebar_and_terms_pane_show_the_form_the_text_uses() -> None:
    app = text_app("国内企业正在为人工智能赶制芯片，但这些芯片的算力仍有差距。")
    async with app.run_test(size=(100, 30)) as pilot:
        await until_segmented(pilot)
        view, pane = app.query_one(ArticleView), app.query_one(TermsPane)
        rows = [str(pane.get_option_at_index(i).prompt) for i in range(len(pane.uses))]
        assert rows[0].startswith("人工智能 人工智慧 ×1 ")
        assert rows[1].startswith("芯片 晶片 晶元 ×2 ")
        view.move_to(next(i for i, t in enumerate(app.reader.document.tokens) if t.text == "芯片"))
        entry = await entry_text(pilot)
        assert entry.startswith("芯片  晶片  晶元\nxīn piàn\n(semiconductor) chip\n")
        assert "In this text" not in entry


async def test_notes_on_the_sample_show_with_the_sample_only() -> None:
    app = sample_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await until_segmented(pilot)
        view = app.query_one(ArticleView)
        tokens = app.reader.document.tokens
        view.move_to(next(i for i, t in enumerate(tokens) if t.text == "聽證會"))
        assert "In this text: The USCC's hearing" in await entry_text(pilot)
    app = text_app("美國參議院昨天召開聽證會，研究員多門出席。")
    async with app.run_test(size=(100, 30)) as pilot:
        await until_segmented(pilot)
        view = app.query_one(ArticleView)
        tokens = app.reader.document.tokens
        view.move_to(next(i for i, t in enumerate(tokens) if t.text == "聽證會"))
        entry = await entry_text(pilot)
        assert entry.startswith("聽證會") and "In this text" not in entry


async def test_an_english_text_gets_no_chinese_terms() -> None:
    app = text_app(
        "Chip makers race to meet demand for AI accelerators. Analysts say compute is\n"
        "scarce, and SFT and RL pipelines at OpenAI and DeepSeek need ever more chips."
    )
    async with app.run_test(size=(100, 30)) as pilot:
        await until_segmented(pilot)
        assert not app.query_one(TermsPane).uses
        assert not [t for t in app.reader.document.tokens if t.term]
        assert "No glossary terms" not in await entry_text(pilot)  # an ordinary word entry


async def test_inline_glosses_at_narrow_width_never_overflow() -> None:
    app = sample_app()
    async with app.run_test(size=(50, 20)) as pilot:
        await until_segmented(pilot)
        view = app.query_one(ArticleView)
        await pilot.press("i")
        width = view.scrollable_content_region.width
        for y in range(len(view.lines)):
            view.scroll_to(y=y, animate=False, immediate=True)
            assert view.render_line(0).cell_length == width
        await pilot.press("G", "g", "j", "j", "space")
        assert view.token.kind.is_word


async def test_terms_pane_lists_terms_in_order_with_counts() -> None:
    app = sample_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await until_segmented(pilot)
        pane = app.query_one(TermsPane)
        firsts = [use.occurrences[0][0] for use in pane.uses]
        assert firsts == sorted(firsts)
        by_id = {use.entry.id: use for use in pane.uses}
        assert by_id["distillation"].count == sum(
            1 for t in app.reader.document.tokens if t.term == "distillation"
        )


async def test_choosing_a_term_jumps_and_n_walks_its_uses() -> None:
    app = sample_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await until_segmented(pilot)
        pane = app.query_one(TermsPane)
        view = app.query_one(ArticleView)
        await pilot.press("l")
        assert pane.has_focus
        row = next(i for i, use in enumerate(pane.uses) if use.entry.id == "distillation")
        pane.highlighted = row
        await pilot.press("enter")
        assert view.has_focus
        use = pane.uses[row]
        assert view.token.start == use.occurrences[0][0]
        visited = [view.token.start]
        for _ in range(use.count):
            await pilot.press("n")
            visited.append(view.token.start)
        assert visited[1:-1] == [start for start, _ in use.occurrences[1:]]
        assert visited[-1] == use.occurrences[0][0]  # wraps around
        await pilot.press("N")
        assert view.token.start == use.occurrences[-1][0]
        await pilot.press("right_square_bracket")
        assert view.token.term is not None  # ] still walks every term


async def test_hover_on_a_term_sets_its_tooltip() -> None:
    app = text_app("這是蒸餾。")
    async with app.run_test(size=(100, 30)) as pilot:
        await until_segmented(pilot)
        view = app.query_one(ArticleView)
        x = view.content_region.x - view.region.x + 4
        await pilot.hover(ArticleView, offset=(x + 1, view.content_region.y - view.region.y))
        assert view.tooltip is not None and "distillation" in str(view.tooltip)
        await pilot.hover(ArticleView, offset=(x - 3, view.content_region.y - view.region.y))
        assert view.tooltip is None


async def test_plus_adds_a_candidate_to_the_user_glossary() -> None:
    app = text_app("研究員瑪麗·居禮(Marie Curie)發現鐳。瑪麗·居禮後來得獎。")
    async with app.run_test(size=(100, 30)) as pilot:
        await until_segmented(pilot)
        pane = app.query_one(TermsPane)
        assert [c.term for c in pane.candidates] == ["瑪麗·居禮"]
        await pilot.press("l")
        pane.highlighted = next(
            i for i in range(pane.option_count) if pane.get_option_at_index(i).id == "cand-0"
        )
        await pilot.press("plus")
        await until_segmented(pilot)
        saved = yaml.safe_load(user_glossary_path().read_text(encoding="utf-8"))
        assert any(t["en"] == "Marie Curie" for t in saved["terms"])
        marked = [t.text for t in app.reader.document.tokens if t.term]
        assert marked.count("瑪麗·居禮") == 2
        assert not app.query_one(TermsPane).candidates


async def test_broken_user_glossary_is_reported_and_the_built_in_one_used() -> None:
    path = user_glossary_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("terms:\n  - id: Bad Id\n", encoding="utf-8")
    app = ZhreadApp(SAMPLE.read_text(encoding="utf-8"), str(SAMPLE))  # layers load in the worker
    async with app.run_test(size=(100, 30)) as pilot:
        await until_segmented(pilot)
        assert list(app.reader.glossary.entries) == list(builtin_glossary().entries)
        messages = [n.message for n in app._notifications]
        assert any(m.startswith(f"{path}:2:") for m in messages), messages
        assert app.is_running
    assert path.read_text(encoding="utf-8") == "terms:\n  - id: Bad Id\n"  # left as it was


async def test_plus_on_a_repeated_word_saves_it_with_the_dictionarys_english(dictionary) -> None:
    app = text_app("他愛吃茴香豆。茴香豆要用黃酒配。店裡的茴香豆賣完了。")
    async with app.run_test(size=(100, 30)) as pilot:
        await until_segmented(pilot)
        await until(pilot, lambda: app.dictionary is not None, "the dictionary")
        pane = app.query_one(TermsPane)
        [candidate] = [c for c in pane.candidates if c.term == "茴香豆"]
        assert candidate.kind is CandidateKind.REPEATED and candidate.count == 3
        await pilot.press("l")
        pane.highlighted = next(
            i
            for i in range(pane.option_count)
            if pane.get_option_at_index(i).id == f"cand-{pane.candidates.index(candidate)}"
        )
        await pilot.press("plus")
        await until_segmented(pilot)
        saved = yaml.safe_load(user_glossary_path().read_text(encoding="utf-8"))
        [entry] = [t for t in saved["terms"] if t["hant"] == "茴香豆"]
        assert entry["en"] and entry["en"] != "茴香豆"  # CC-CEDICT's sense, to be checked
        assert "first draft" in entry["definition"]
        assert "茴香豆" not in [c.term for c in app.query_one(TermsPane).candidates]
