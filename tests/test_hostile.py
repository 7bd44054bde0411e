"""Hostile and odd text: nothing in a document, a glossary or a word list reaches the
terminal as a control sequence or is read as markup, on any screen; odd scripts and sizes
of text open, wrap, move and quit cleanly."""

from __future__ import annotations

import codecs
import gzip
import re
import unicodedata

import pytest
from rich.text import Text

from tests.apps import until, until_ready, until_segmented
from tests.conftest import SAMPLE
from tests.terminal import needs_tmux
from tui.app import ZhreadApp
from tui.cli import main as zhread_main
from tui.core.glossary.bundled import builtin_glossary_path
from tui.core.glossary.entries import Glossary
from tui.core.glossary.loader import load_glossary, parse_glossary
from tui.store.wordlist import WordList
from tui.widgets.article import ArticleView

#: Escape sequences of every kind a terminal acts on: CSI colours, OSC 0/2 window titles,
#: an OSC 52 clipboard write, a C1 CSI (0x9b), BEL, backspace, a bare CR, bidi overrides.
HOSTILE_LINE = (
    "甲\x1b[31m乙\x1b[0m丙 \x1b]0;PWNED\x07 \x1b]2;PWNED\x1b\\ 丁\x1b]52;c;aGVsbG8=\x07戊"
    "\x9b2J己\x07庚\x08辛\r壬\u202e癸子\u202c丑\u2067寅\u2069卯\x90q\x9c辰"
)
MARKUP_LINE = "[bold red]紅字[/] [link=https://evil.example]連結[/link] [@click=app.quit]按鈕[/]"

#: What no hostile input may put into the byte stream (Textual's own output is CSI only).
_FORBIDDEN = re.compile(
    "\x1b[^\\[]|[\x00-\x09\x0b-\x1a\x1c-\x1f\x7f-\x9f]|"
    "[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]"
)

EVIL_GLOSSARY = """\
terms:
  - id: evil-term
    hant: 測試詞
    hans: 测试词
    pinyin: cè shì cí
    en: "[bold red]evil[/] [@click=app.quit]quit[/] \\e]0;PWNED\\a"
    category: other
    definition: "[link=https://evil.example]click[/link] \\e]52;c;aGk=\\a \\u202eevil"
    note: "[@click=app.bell]ring[/]"
"""


def evil_glossary() -> Glossary:
    builtin = load_glossary(builtin_glossary_path())
    return Glossary.merged([builtin, parse_glossary(EVIL_GLOSSARY, "evil.yaml")])


def terminal_bytes(app: ZhreadApp) -> str:
    """Everything Textual would write to the terminal to draw the current screen afresh."""
    update = app.screen._compositor.render_full_update()
    return update.render_segments(app.console)


def screen_text(app: ZhreadApp) -> str:
    return "\n".join(
        "".join(segment.text for segment in strip)
        for strip in app.screen._compositor.render_strips()
    )


def assert_nothing_leaks(app: ZhreadApp) -> str:
    """No escape but Textual's own CSI, no control or bidi character; returns the screen."""
    out = terminal_bytes(app)
    leaked = _FORBIDDEN.search(out)
    if leaked is not None:
        around = out[max(0, leaked.start() - 40) : leaked.end() + 40]
        raise AssertionError(f"{leaked.group()!r} reached the terminal: {around!r}")
    return screen_text(app)


def hostile_app(text: str) -> ZhreadApp:
    return ZhreadApp(text, "<hostile>", evil_glossary())


# --- control sequences and bidi ---------------------------------------------------------


async def test_control_sequences_are_placeholders_on_the_main_screen() -> None:
    app = hostile_app(f"標題\x1b]0;PWNED\x07{MARKUP_LINE}\n{HOSTILE_LINE}\n測試詞\n")
    async with app.run_test(notifications=True, size=(120, 30)) as pilot:
        await until_segmented(pilot)
        await pilot.pause()
        shown = assert_nothing_leaks(app)
        assert "甲␛[31m乙␛[0m丙" in shown
        assert "␛]52;c;aGVsbG8=␇" in shown and "␛]0;PWNED␇" in shown
        assert "␦2J己␇庚␈辛␍壬↔癸" in shown  # C1 CSI, BEL, backspace, bare CR, RLO
        assert app.title.startswith("標題␛]0;PWNED␇")
        for _ in range(20):  # the cursor crosses every placeholder, the sidebar follows
            await pilot.press("w")
            assert_nothing_leaks(app)


async def test_bidi_overrides_are_shown_not_applied() -> None:
    app = hostile_app("左\u202e右邊的字\u202c完\n")
    async with app.run_test(notifications=True, size=(80, 20)) as pilot:
        await until_segmented(pilot)
        shown = assert_nothing_leaks(app)
        assert "左↔右邊的字↔完" in shown  # in logical order: nothing was reversed


async def test_glossary_text_with_escapes_and_markup_is_shown_literally() -> None:
    """The sidebar, the terms pane, inline glosses and the hover tooltip quote the glossary."""
    app = hostile_app("這是測試詞。\n")
    async with app.run_test(notifications=True, size=(120, 30)) as pilot:
        await until_segmented(pilot)
        await pilot.press("right_square_bracket")  # onto the term
        view = app.query_one(ArticleView)
        assert view.token is not None and view.token.term == "evil-term"
        await pilot.pause()
        shown = assert_nothing_leaks(app)
        assert "[bold red]evil[/]" in shown and "[@click=app.quit]quit[/]" in shown  # sidebar
        assert "[link=https://evil.example]" in shown
        assert "[@click=app.bell]ring[/]" in shown
        await pilot.press("i")  # inline glosses quote the English after the term
        await pilot.pause()
        assert "[bold red]evil" in assert_nothing_leaks(app)
        await pilot.hover(ArticleView, offset=_cell_of(view, view.token.start))
        await until(pilot, lambda: view.tooltip is not None, "the tooltip")
        assert isinstance(view.tooltip, Text) and "[@click=app.quit]" in view.tooltip.plain
        await pilot.pause(1.0)  # tooltips appear after a delay
        assert "[@click=app.quit]quit[/]" in assert_nothing_leaks(app)
        assert app.is_running  # nothing was clicked into action


def _cell_of(view: ArticleView, offset: int) -> tuple[int, int]:
    """Screen offset (inside the view) of the character at ``offset`` on the first line."""
    from tui.layout import cells

    return sum(cells(ch) for ch in view.view_text[:offset]) + 1, 0


# --- markup in every place document text is shown ---------------------------------------


async def test_markup_in_the_document_is_literal_in_the_article_header_and_notifications() -> None:
    app = hostile_app(f"{MARKUP_LINE}\n這句有[bold]粗體[/bold]和[@click=app.quit]按鈕[/]。\n")
    async with app.run_test(notifications=True, size=(120, 30)) as pilot:
        await until_ready(pilot)  # while work goes on, the header shortens the title
        shown = assert_nothing_leaks(app)
        assert MARKUP_LINE in shown  # the article, and the header's title
        assert app.title == MARKUP_LINE
        await pilot.press("j")  # the second line
        await pilot.press("Y")  # copies the sentence: the notification quotes it
        await pilot.pause()
        shown = assert_nothing_leaks(app)
        assert "[bold]粗體[/bold]" in shown and "Copied the sentence" in shown
        assert app.is_running


async def test_markup_and_escapes_on_every_screen(tmp_path) -> None:
    """The word list, the dictionary, stats and help quote saved words and the document."""
    line = f"銀行{HOSTILE_LINE}[@click=app.quit]按[/]。\n"
    app = hostile_app(f"[bold]標題[/bold]\x1b]0;PWNED\x07\n{line}")
    async with app.run_test(notifications=True, size=(120, 30)) as pilot:
        await until_ready(pilot)
        await pilot.press("j")
        assert app.query_one(ArticleView).token.text == "銀行"
        await pilot.press("a")  # saved with its sentence, which holds all of the above
        await pilot.pause()
        assert_nothing_leaks(app)
        with WordList.open() as words:
            (word,) = words.entries()
            words.update(word.hant, word.hans, definition="[@click=app.quit]x[/] \x1b]0;PWNED\x07")
        for key, screen in (
            ("L", "WordListScreen"),
            ("d", "LookupScreen"),
            ("I", "StatsScreen"),
            ("f1", "HelpScreen"),
        ):
            await pilot.press(key)
            await until(pilot, lambda screen=screen: type(app.screen).__name__ == screen, screen)
            await pilot.pause(0.3)
            shown = assert_nothing_leaks(app)
            if screen == "WordListScreen":
                assert "[@click=app.quit]x[/] ␛]0;PWNED␇" in shown
            if screen == "StatsScreen":
                assert "[bold]標題[/bold]␛]0;PWNED␇" in shown
            await pilot.press("escape")
            await until(
                pilot, lambda screen=screen: type(app.screen).__name__ != screen, f"{screen} closed"
            )
        assert app.is_running


# --- odd text ---------------------------------------------------------------------------

ODD_TEXTS = {
    "only punctuation": "，。！？「」『』（）……——、；：" * 40,
    "only latin": "The quick brown fox jumps over the lazy dog. " * 60,
    "japanese": "日本語のテキストです。カタカナとひらがなと漢字が混ざっています。" * 10,
    "emoji with zwj": "家庭👨\u200d👩\u200d👧\u200d👦表情🏳️\u200d🌈和👍🏽還有🇹🇼旗。" * 10,
    "combining marks": ("pi\u0304n yi\u0301n 中\u0301文\u20dd e\u0301\u0302\u0303 Z\u0336a\u0336")
    * 20,
    "unpaired surrogates": "中文\ud800字\udfff尾巴\udc80。" * 20,
    "nul bytes": "中文\x00字\x00\x00尾巴。" * 20,
    "one long word": "a" * 5000,
    "wide run without breaks": "測" * 3000,
}


@pytest.mark.parametrize("name", ODD_TEXTS)
async def test_odd_text_opens_wraps_moves_and_quits(name: str) -> None:
    text = ODD_TEXTS[name]
    app = ZhreadApp(text, f"<{name}>", load_glossary(builtin_glossary_path()))
    async with app.run_test(notifications=True, size=(50, 16)) as pilot:
        await until_segmented(pilot)
        view = app.query_one(ArticleView)
        assert view.lines and len(view.lines) > 1  # wrapped into the width
        for key in ("w", "w", "j", "space", "G", "b", "k", "g", "bracketright", "Y"):
            await pilot.press(key)
        await pilot.pause()
        assert_nothing_leaks(app)
        await pilot.press("q")
    assert app.return_code == 0 and app.fatal is None


async def test_every_visible_character_takes_the_cells_the_layout_gave_it() -> None:
    """Emoji sequences and combining marks are measured as the terminal will draw them:
    no strip of the article is wider than the pane."""
    app = ZhreadApp(
        ODD_TEXTS["emoji with zwj"] + ODD_TEXTS["combining marks"],
        "<wide>",
        load_glossary(builtin_glossary_path()),
    )
    async with app.run_test(notifications=True, size=(40, 12)) as pilot:
        await until_segmented(pilot)
        view = app.query_one(ArticleView)
        width = view.size.width
        for y in range(view.size.height):
            assert view.render_line(y).cell_length <= width


FIVE_MB_TIMEOUT = 600.0


async def test_a_five_megabyte_line_opens_moves_and_quits() -> None:
    """One line of 5 MB, no newline: the first frame comes, the cursor moves, q quits. Slow
    today (the whole line is laid out before the first frame), hence the long wait."""
    base = SAMPLE.read_text(encoding="utf-8").replace("\n", "")
    text = base * (5_000_000 // len(base.encode("utf-8")) + 1)
    assert len(text.encode("utf-8")) >= 5_000_000 and "\n" not in text
    app = ZhreadApp(text, "<5 MB>", load_glossary(builtin_glossary_path()))
    async with app.run_test(notifications=True, size=(100, 30)) as pilot:
        view = app.query_one(ArticleView)
        await until(pilot, lambda: bool(view.lines), "the first frame", FIVE_MB_TIMEOUT)
        first = view.cursor
        await pilot.press("w", "w")
        assert view.cursor > first
        await pilot.press("G")
        assert view.token is not None and view.token.end >= len(text) - 2
        await pilot.press("q")
    assert app.return_code == 0


def test_no_control_character_category_is_passed_through() -> None:
    """The placeholder rule covers every Cc character and every bidi control Unicode names."""
    from tui.core.text.sanitize import visible

    for cp in range(0x110000):
        ch = chr(cp)
        category = unicodedata.category(ch)
        bidi = unicodedata.bidirectional(ch) in (
            "LRE",
            "RLE",
            "LRO",
            "RLO",
            "PDF",
            "LRI",
            "RLI",
            "FSI",
            "PDI",
        )
        if (category == "Cc" and ch not in "\n") or bidi:
            assert visible(ch) != ch, f"U+{cp:04X} passes through"


# --- the real program in a real terminal ------------------------------------------------


@needs_tmux
def test_the_real_terminal_keeps_its_title_and_clipboard(terminal, tmp_path) -> None:
    """tmux acts on title (OSC 0/2) and clipboard (OSC 52) writes: neither happens, and the
    pane shows the placeholders instead."""
    path = tmp_path / "hostile.txt"
    path.write_text(
        "惡意\x1b]0;PWNED\x07標題\x1b]2;PWNED\x1b\\\n"
        "剪貼簿\x1b]52;c;aGVsbG8=\x07寫入\x1b[2J\x1b[H清屏\x9b2J\n"
        "左\u202e右邊的字\u202c完[bold red]紅[/]\n",
        encoding="utf-8",
    )
    term = terminal(str(path), width=100, height=24, clipboard=True)
    screen = term.wait_for("剪貼簿", timeout=30)
    term.keys("w", "w", "j", "j")
    screen = term.wait_for("左↔右邊的字↔完[bold red]紅[/]", timeout=10)
    assert "惡意␛]0;PWNED␇標題␛]2;PWNED␛\\" in screen
    assert "剪貼簿␛]52;c;aGVsbG8=␇寫入␛[2J␛[H清屏␦2J" in screen
    assert "PWNED" not in term.title()
    assert "hello" not in term.buffers()
    term.keys("q")
    term.wait_for("EXIT=0", timeout=15)


async def test_word_list_notifications_quote_words_literally() -> None:
    """A saved word is shown as written even when it looks like markup (the list is a file
    other programs and other zhread versions may have written)."""
    with WordList.open() as words:
        words.add("[@click=app.quit]詞[/]", "[b]词[/b]", "cí", "[link=x]y[/link]")
    app = hostile_app("我們去銀行。\n")
    async with app.run_test(notifications=True, size=(120, 30)) as pilot:
        await until_ready(pilot)
        await pilot.press("L")
        await until(pilot, lambda: type(app.screen).__name__ == "WordListScreen", "the list")
        await pilot.press("x", "x")  # remove it: the notification names it
        await until(
            pilot,
            lambda: any(n.message.startswith("Removed") for n in app._notifications),
            "the notification",
        )
        await pilot.pause(0.3)
        shown = assert_nothing_leaks(app)
        assert "Removed [@click=app.quit]詞[/] [b]词[/b]" in shown
        assert app.is_running


# --- encodings end to end ---------------------------------------------------------------

TRADITIONAL_TEXT = "中國企業近期推出的模型引發美國的高度關注。"
ENCODED_FILES = {
    "gb18030 with four-byte sequences": (
        "中文𠀀字，版權©所有，價格€100。".encode("gb18030"),
        "中文𠀀字，版權©所有，價格€100。",
    ),
    "gbk": (
        "中国企业近期推出的模型引发美国的高度关注。".encode("gbk"),
        "中国企业近期推出的模型引发美国的高度关注。",
    ),
    "big5": (TRADITIONAL_TEXT.encode("big5"), TRADITIONAL_TEXT),
    "big5-hkscs": (
        "佢哋話呢間餐廳啲嘢好好食㗎，我哋今晚去試下啦。".encode("big5hkscs"),
        "佢哋話呢間餐廳啲嘢好好食㗎，我哋今晚去試下啦。",
    ),
    "utf-16-le with bom": (
        codecs.BOM_UTF16_LE + TRADITIONAL_TEXT.encode("utf-16-le"),
        TRADITIONAL_TEXT,
    ),
    "utf-16-be with bom": (
        codecs.BOM_UTF16_BE + TRADITIONAL_TEXT.encode("utf-16-be"),
        TRADITIONAL_TEXT,
    ),
    "utf-16-le without bom": (TRADITIONAL_TEXT.encode("utf-16-le"), TRADITIONAL_TEXT),
    "utf-16-be without bom": (TRADITIONAL_TEXT.encode("utf-16-be"), TRADITIONAL_TEXT),
    "utf-16 with escapes": (
        ("標題\x1b]0;PWNED\x07" + TRADITIONAL_TEXT).encode("utf-16"),
        "標題\x1b]0;PWNED\x07" + TRADITIONAL_TEXT,
    ),
}


@pytest.mark.parametrize("name", ENCODED_FILES)
def test_every_encoding_reads_the_same_words(name: str, tmp_path, capsys) -> None:
    data, text = ENCODED_FILES[name]
    path = tmp_path / "text.txt"
    path.write_bytes(data)
    assert zhread_main(["segment", str(path), "--json"]) == 0
    import json

    tokens = json.loads(capsys.readouterr().out)["tokens"]
    assert "".join(t["text"] for t in tokens) == text


async def test_a_big5_file_opens_in_the_reader(tmp_path) -> None:
    from tui.core.text.loading import load_path

    path = tmp_path / "big5.txt"
    path.write_bytes(ENCODED_FILES["big5"][0])
    loaded = load_path(path)
    app = ZhreadApp(loaded.text, loaded.source, load_glossary(builtin_glossary_path()))
    async with app.run_test(notifications=True, size=(80, 20)) as pilot:
        await until_ready(pilot)
        assert TRADITIONAL_TEXT in assert_nothing_leaks(app)


NOT_TEXT = {
    "gzip": gzip.compress("中文".encode() * 200),
    "png": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)),
    "elf": b"\x7fELF\x02\x01\x01\x00" + bytes(200) + bytes(range(256)),
    "sqlite": b"SQLite format 3\x00" + bytes(range(256)) * 4,
    "zip": b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + bytes(range(256)) * 2,
}


@pytest.mark.parametrize("name", NOT_TEXT)
def test_a_file_that_is_not_text_is_refused_with_one_line(name: str, tmp_path, capsys) -> None:
    path = tmp_path / f"file.{name}"
    path.write_bytes(NOT_TEXT[name])
    assert zhread_main(["segment", str(path)]) == 2
    err = capsys.readouterr().err
    assert err == f"zhread: {path}: not a text file (looks binary)\n"
