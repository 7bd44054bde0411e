from tests.apps import sample_app, until_segmented
from tui.widgets.article import ArticleView


async def test_open_document_swaps_text_and_keeps_settings():
    app = sample_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await until_segmented(pilot)
        await pilot.press("s")  # Simplified
        await pilot.press("w", "w")
        app.reader.open_document("銀行的長期計劃很好。我們明天見。", "<other>", offset=3)
        assert not app.reader.segmented
        await until_segmented(pilot)
        article = app.query_one("#article", ArticleView)
        assert article.document.text.startswith("銀行")
        assert article.token.start == 3
        assert app.reader.target == "hans"
        assert str(article.view_text).startswith("银行")
