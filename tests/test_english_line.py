"""The English line (`e`): a short gloss under each word, wrapped with the text, with the
reading line over it when `p` is on too, legible in every theme, and remembered."""

from __future__ import annotations

from rich.cells import cell_len

from tests.apps import sample_app, text_app, until, until_ready, until_segmented
from tui.contrast import AA, contrast
from tui.layout import ENGLISH_OVERHANG
from tui.store.settings import settings_path
from tui.widgets.article import ArticleView


def article(app) -> ArticleView:
    return app.query_one("#article", ArticleView)


def check_glosses_under_words(view: ArticleView) -> int:
    """Every line: each word's English starts at the word's column, within the word's
    column (so never under the next word), and is its gloss or a cut of it. The number of
    glosses seen."""
    width = view.scrollable_content_region.width
    tokens, seen = view.document.tokens, 0
    for index, line in enumerate(view.lines):
        english = view._render_english_line(index).text
        text = view._render_text_line(line, -1)
        assert cell_len(english) <= width and text.cell_length <= width, index
        column = view._columns(index)
        at = view.document.token_index_at(line.start) if line.end > line.start else len(tokens)
        while at < len(tokens) and tokens[at].start < line.end:
            token, at = tokens[at], at + 1
            shown = view._english_shown.get(token.start)
            if not shown:
                continue
            seen += 1
            x, end = column(token.start), column(token.end)
            assert english[x:].startswith(shown), (index, token, english)
            assert x + cell_len(shown) < end or end == column(line.end), (token, shown)
            whole = view.english[token.start]
            assert shown.endswith("…") or whole.endswith(shown)  # "to go" shown as "go"
    return seen


async def test_e_puts_english_under_each_word() -> None:
    app = sample_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await until_ready(pilot)
        view = article(app)
        assert view.rows == 1 and not view.english
        await pilot.press("e")
        await until(pilot, lambda: view.english, "the English line")
        assert view.rows == 2 and app.reader.english.on
        assert check_glosses_under_words(view) > 100
        hong_kong = next(t for t in view.document.tokens if t.text == "香港")
        assert view.english[hong_kong.start] == "Hong Kong"
        assert view._english_shown[hong_kong.start] == "Hong…"  # 4 cells and 2 more
        # the screen: the text's first line, then its English, then the next line's text
        rows = [view.render_line(y).text.strip() for y in range(3)]
        assert rows[0].startswith("【文") and "Guancha" in rows[1]
        assert rows[2] == ""  # the spacer line after the title has no English either
        await pilot.press("e")
        assert view.rows == 1 and not view.english and not app.reader.english.on


async def test_with_the_reading_line_the_english_goes_below() -> None:
    app = sample_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await until_ready(pilot)
        view = article(app)
        await pilot.press("p", "e")
        await until(pilot, lambda: view.english and view.readings, "both lines")
        assert view.rows == 3
        hong_kong = next(t for t in view.document.tokens if t.text == "香港")
        line = view.line_of(hong_kong.start)
        x = view._x_of(line, hong_kong.start)
        assert view._render_reading_line(line).text[x:].startswith("Xiāng gǎng")
        # the reading makes the column wide enough for the whole English
        assert view._render_english_line(line).text[x:].startswith("Hong Kong")
        view.scroll_to(y=line * 3, animate=False, immediate=True)
        await pilot.pause()
        above, text, below = (view.render_line(y).text for y in range(3))
        assert "Xiāng gǎng" in above and "香港" in text and "Hong Kong" in below
        assert check_glosses_under_words(view) > 100
        await pilot.press("p", "p")  # zhuyin, then off: the English stays
        await until(pilot, lambda: not view.readings, "no reading line")
        assert view.rows == 2 and view.english


async def test_a_narrow_pane_wraps_the_english_with_the_text() -> None:
    app = sample_app()
    async with app.run_test(size=(44, 30)) as pilot:
        await until_ready(pilot)
        view = article(app)
        await pilot.press("e")
        await until(pilot, lambda: view.english, "the English line")
        assert view.scrollable_content_region.width <= 40
        assert check_glosses_under_words(view) > 100
        for start, shown in view._english_shown.items():  # cut to the word plus a little
            token = view.document.tokens[view.document.token_index_at(start)]
            assert cell_len(shown) <= cell_len(token.text) + ENGLISH_OVERHANG
        await pilot.press("space", "space")  # page down keeps whole lines and their English
        top = round(view.scroll_offset.y)
        assert top % view.rows == 0
        await pilot.press("G")
        assert view.token is not None and view.token.kind.is_word


async def test_the_english_line_is_remembered() -> None:
    first = sample_app()
    async with first.run_test(size=(100, 30)) as pilot:
        await until_ready(pilot)
        await pilot.press("e")
        await pilot.pause()
    assert '"english-line": true' in settings_path().read_text(encoding="utf-8")
    second = sample_app()
    async with second.run_test(size=(100, 30)) as pilot:
        view = article(second)
        await until(pilot, lambda: view.english, "the English line", timeout=60)
        assert second.reader.english.on and view.rows == 2


async def test_the_english_reads_in_every_theme() -> None:
    """Its colour reaches WCAG AA on the pane's background in each theme zhread offers."""
    app = sample_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await until_ready(pilot)
        view = article(app)
        for theme in sorted(app.available_themes):
            app.theme = theme
            await pilot.pause()
            style = view.layered_style(("article--english",))
            assert style.italic, theme
            if style.color and style.bgcolor and style.color.triplet and style.bgcolor.triplet:
                ratio = contrast(tuple(style.color.triplet), tuple(style.bgcolor.triplet))
                assert ratio >= AA, (theme, ratio)


async def test_glosses_come_as_the_text_is_segmented(glossary, held_segmenter) -> None:
    """The words of the chunks segmented so far get their English at once; the rest as
    the segmenter reaches them, none for a character that is not a word yet."""
    from tests.test_progressive import long_text

    app = text_app(long_text(40))
    async with app.run_test(size=(100, 30)) as pilot:
        await until(pilot, lambda: app.reader.document.chunks[0].segmented, "the first chunk")
        view = article(app)
        await pilot.press("e")
        await until(pilot, lambda: view.english, "the English line")
        document = app.reader.document
        done = [c for c in document.chunks if c.segmented]
        assert len(done) < len(document.chunks)
        assert all(any(c.start <= s < c.end for c in done) for s in view.english)
        first = len(view.english)
        held_segmenter.set()
        await until_segmented(pilot, timeout=120)
        await until(pilot, lambda: len(view.english) > 10 * first, "the rest", timeout=60)
        check_glosses_under_words(view)
