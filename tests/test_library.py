"""The library screen, and reading positions remembered between runs."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from textual.widgets import DataTable

from tests.apps import until, until_segmented
from tests.documents import ARTICLE_TITLE, BOOK_TITLE, epub, web_page
from tui.app import ZhreadApp
from tui.core.glossary.bundled import builtin_glossary_path
from tui.core.glossary.loader import load_glossary
from tui.reader.library import LIBRARY_PLACEHOLDER, LIBRARY_SOURCE
from tui.screens.library import _NARROWEST, COLUMNS, LibraryScreen, column_widths
from tui.store.library import expand_paths
from tui.store.positions import PositionStore, default_path, recalled
from tui.widgets.article import ArticleView

SIMPLIFIED = "我们今天去银行办事。银行的服务很好，我们很满意。\n明天我们还要去学校上课。\n"
TRADITIONAL = "我們今天去銀行辦事。銀行的服務很好，我們很滿意。\n明天我們還要去學校上課。\n"


def folder(tmp_path: Path) -> Path:
    root = tmp_path / "articles"
    root.mkdir()
    (root / "a-page.html").write_text(web_page(), encoding="utf-8")
    (root / "b-book.epub").write_bytes(epub())
    (root / "c-simple.txt").write_text(SIMPLIFIED, encoding="utf-8")
    (root / "d-broken.epub").write_bytes(b"not a zip")
    return root


def library_app(paths: list[str]) -> ZhreadApp:
    app = ZhreadApp(LIBRARY_PLACEHOLDER, LIBRARY_SOURCE, load_glossary(builtin_glossary_path()))
    app.use_library(expand_paths(paths))
    return app


def rows(app: ZhreadApp) -> list[list[str]]:
    table = app.screen.query_one(DataTable)
    return [[str(cell) for cell in table.get_row_at(row)] for row in range(table.row_count)]


def article(app: ZhreadApp) -> ArticleView:
    return app.query_one("#article", ArticleView)


async def test_folder_opens_the_library_and_enter_opens_a_document(tmp_path: Path) -> None:
    app = library_app([str(folder(tmp_path))])
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)  # at once, before anything is read
        assert len(rows(app)) == 4
        await until(pilot, lambda: all(entry.done for entry in app.library.entries), "rows")
        page, book, simple, broken = rows(app)
        assert page[0] == ARTICLE_TITLE and page[1] == "Traditional" and page[4] == "a-page.html"
        assert int(page[2].replace(",", "")) > 100 and page[3] in {"1", "2", "3", "4", "5", "6"}
        assert book[0] == BOOK_TITLE and book[1] == "Traditional"
        assert simple[1] == "Simplified"
        assert simple[2] == str(sum(1 for ch in SIMPLIFIED if "\u4e00" <= ch <= "\u9fff"))
        assert "not an EPUB" in broken[0] and broken[1:4] == ["—", "—", "—"]

        await pilot.press("j", "enter")  # the book
        await until(pilot, lambda: not isinstance(app.screen, LibraryScreen), "the book opens")
        await until_segmented(pilot)
        assert app.reader.document.source.endswith("b-book.epub")
        assert article(app).document.text.startswith(BOOK_TITLE)
        assert any(b.binding.id == "library" for b in app.screen.active_bindings.values())

        await pilot.press("B")
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)
        assert app.screen.query_one(DataTable).cursor_row == 1  # on the open document
        await pilot.press("s")  # a reader key does nothing over the library
        assert app.reader.target is None
        await pilot.press("B")
        await pilot.pause()
        assert not isinstance(app.screen, LibraryScreen)

        await pilot.press("B", "G", "enter")  # the broken file: says why, stays
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)
        assert app.reader.document.source.endswith("b-book.epub")


async def test_escape_before_choosing_stays_in_the_library(tmp_path: Path) -> None:
    app = library_app([str(folder(tmp_path))])
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)


async def test_library_key_is_hidden_without_a_library() -> None:
    app = ZhreadApp(SIMPLIFIED, "<test>", load_glossary(builtin_glossary_path()))
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        assert not any(
            b.binding.id == "library"
            for b in app.screen.active_bindings.values()
            if app.reader.check_action(b.binding.action, ())
        )
        await pilot.press("B")  # nothing happens
        assert not isinstance(app.screen, LibraryScreen)


async def test_switching_documents_remembers_each_place(tmp_path: Path) -> None:
    root = tmp_path / "two"
    root.mkdir()
    (root / "one.txt").write_text(SIMPLIFIED, encoding="utf-8")
    (root / "two.txt").write_text(TRADITIONAL, encoding="utf-8")
    app = library_app([str(root / "one.txt"), str(root / "two.txt")])
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await until(pilot, lambda: app.reader.document.source.endswith("one.txt"), "one opens")
        await until_segmented(pilot)
        await pilot.press("w", "w", "w")
        place = article(app).token.start
        assert place > 0
        await pilot.press("B", "j", "enter")
        await until(pilot, lambda: app.reader.document.source.endswith("two.txt"), "two opens")
        assert article(app).token.start == 0
        await pilot.press("B", "k", "enter")
        await until(pilot, lambda: app.reader.document.source.endswith("one.txt"), "one again")
        await pilot.pause()
        assert article(app).token.start == place


async def test_position_is_remembered_across_runs(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text(SIMPLIFIED * 30, encoding="utf-8")
    text = path.read_text(encoding="utf-8")
    first = ZhreadApp(text, str(path), load_glossary(builtin_glossary_path()))
    async with first.run_test(size=(80, 20)) as pilot:
        await until_segmented(pilot)
        await pilot.press("space", "space", "j", "w")
        place = article(first).token.start
        assert place > 100
    offset, note = recalled(text, str(path))
    assert (offset, note) == (place, None)
    second = ZhreadApp(text, str(path), load_glossary(builtin_glossary_path()), offset=offset)
    async with second.run_test(size=(80, 20)) as pilot:
        await pilot.pause()
        assert article(second).token.start == place
        await until_segmented(pilot)
        assert article(second).token.start == place
        top = round(article(second).scroll_offset.y)
        assert top <= article(second).line_of(place) < top + article(second).size.height


# --- the store -------------------------------------------------------------------------------


def test_store_recalls_by_content_then_by_path(tmp_path: Path) -> None:
    with_path = str(tmp_path / "a.txt")
    store = PositionStore.open()
    try:
        assert store.recall("文字", with_path) is None
        store.remember("第一版的文字，很長很長。", with_path, 8)
        assert store.recall("第一版的文字，很長很長。", "<stdin>") == 8  # same text, any source
        assert store.recall("改過的文字，很長很長很長。", with_path) == 8  # edited: by path
        assert store.recall("短", with_path) == 0  # clamped into a shorter text
        assert store.recall("別的文字", str(tmp_path / "b.txt")) is None
    finally:
        store.close()


def test_a_damaged_store_is_moved_aside_with_a_note() -> None:
    path = default_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"this is not an SQLite database at all" * 100)
    offset, note = recalled("文字", "<stdin>")
    assert offset == 0 and note is not None and "moved to" in note
    assert list(path.parent.glob("positions.sqlite3.corrupt-*"))
    store = PositionStore.open()
    try:
        store.remember("文字", "<stdin>", 1)
        assert store.recall("文字", "<stdin>") == 1
    finally:
        store.close()


# -- the table fits the terminal ---------------------------------------------------------------


def crowded(tmp_path: Path) -> list[str]:
    """A long title, a long file name, and files that cannot be read."""
    root = tmp_path / "crowded"
    root.mkdir()
    long_name = root / ("深度求索發布開源推理模型之後美國國會舉行聽證會的完整報道與評論" + ".txt")
    long_name.write_text(
        "關於開源推理模型對全球半導體出口管制政策的長期影響的深入分析報告\n" + TRADITIONAL,
        encoding="utf-8",
    )
    (root / "binary-notes.txt").write_bytes(b"\x00\x01\x02\xff\xfe" * 40)
    (root / "short.txt").write_text(SIMPLIFIED, encoding="utf-8")
    return [
        str(long_name),
        str(root / "binary-notes.txt"),
        str(root / "short.txt"),
        str(root / "gone-missing.txt"),
    ]


@pytest.mark.parametrize("width", [60, 80, 120])
async def test_the_table_fits_and_an_unreadable_file_is_named(tmp_path: Path, width: int) -> None:
    from tests.regions import widget_lines

    app = library_app(crowded(tmp_path))
    async with app.run_test(size=(width, 20)) as pilot:
        await until(pilot, lambda: all(entry.done for entry in app.library.entries), "rows")
        await pilot.pause()
        table = app.screen.query_one(DataTable)
        used = sum(column.get_render_width(table) for column in table.columns.values())
        assert used <= table.scrollable_content_region.width
        assert table.virtual_size.width <= table.scrollable_content_region.width
        heading, _, binary, _, missing = widget_lines(app, table)[:5]
        assert "File" in heading and "HSK" in heading  # the last columns are on screen
        assert binary.strip().startswith("binary-notes")  # the file, where its title would be
        assert missing.strip().startswith("gone-miss")
        await pilot.press("j")  # on the unreadable file: its path and reason in full below
        detail = str(app.screen.query_one("#library-detail").render())
        assert detail == f"{app.library.entries[1].path}: not a text file (looks binary)"


@given(st.dictionaries(st.sampled_from(list(COLUMNS)), st.integers(0, 300)), st.integers(0, 400))
def test_column_widths_fit_when_they_can(natural: dict[str, int], room: int) -> None:
    widths = column_widths(natural, room, 2)
    assert set(widths) == set(COLUMNS)
    floor = {
        key: min(max(natural.get(key, 0), len(heading)), _NARROWEST[key])
        for key, heading in COLUMNS.items()
    }
    assert all(widths[key] >= max(1, floor[key]) for key in COLUMNS)
    if sum(max(1, floor[key]) for key in COLUMNS) + 2 * len(COLUMNS) <= room:
        assert sum(widths.values()) + 2 * len(COLUMNS) <= room
    wanted = {key: max(natural.get(key, 0), len(heading), 1) for key, heading in COLUMNS.items()}
    if sum(wanted.values()) + 2 * len(COLUMNS) <= room:
        assert widths == wanted  # nothing is cut that fits
