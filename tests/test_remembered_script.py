"""A remembered script is drawn from the first frame, long before the text is segmented:
the article converts lazily, a screen at a time, as the `s` key does."""

from __future__ import annotations

import threading

from tests.apps import text_app, until
from tests.test_preferences_ui import write_config
from tests.test_progressive import long_text
from tui.core.scripts.convert import convert
from tui.widgets.article import ArticleView


async def test_a_remembered_script_shows_before_the_text_is_segmented(
    glossary, held_segmenter: threading.Event
) -> None:
    write_config('script = "hans"\n')
    app = text_app(long_text(150))
    async with app.run_test(size=(100, 30)) as pilot:
        view = app.query_one(ArticleView)
        await pilot.pause()  # the first frame
        assert not app.reader.segmented
        assert view.script_config is not None
        line = view.lines[0]
        source = app.reader.document.text[line.start : line.end]
        drawn = view.render_line(0).text.strip()
        assert drawn == convert(source, view.script_config).strip()
        assert drawn != source.strip()  # the sample is written in Traditional
        await until(pilot, lambda: app.reader.script is not None, "the text's script")
        assert view.script_config == "tw2s"  # the worker's judgement, the same here
        held_segmenter.set()
