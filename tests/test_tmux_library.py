"""The real program in tmux: a folder opens the library, a pipe still leaves the keyboard to
the reader, and the place in a document survives a restart."""

from __future__ import annotations

import shutil

import pytest

from tests.conftest import SAMPLE
from tests.documents import ARTICLE_TITLE, BOOK_TITLE, epub, web_page
from tests.terminal import needs_tmux

pytestmark = [pytest.mark.tmux, needs_tmux]


def test_piped_document_still_takes_keys_from_the_terminal(shell) -> None:
    term = shell(f"cat {SAMPLE} | ZHREAD -")
    term.wait_for("terms (")
    term.keys("s")
    term.wait_for("观察者网")
    term.keys("q")
    term.wait_for("EXIT=0", timeout=10)


def test_piped_web_page_shows_its_article(shell, tmp_path) -> None:
    page = tmp_path / "page.html"
    page.write_text(web_page(), encoding="utf-8")
    term = shell(f"cat {page} | ZHREAD -")
    screen = term.wait_for(ARTICLE_TITLE)
    assert "首頁導航" not in screen and "<" not in screen.split("EXIT")[0].replace("←", "")
    term.keys("q")
    term.wait_for("EXIT=0", timeout=10)


def test_folder_opens_the_library_then_a_document(shell, tmp_path) -> None:
    root = tmp_path / "articles"
    root.mkdir()
    (root / "page.html").write_text(web_page(), encoding="utf-8")
    (root / "book.epub").write_bytes(epub())
    shutil.copy(SAMPLE, root / "sample.txt")
    term = shell(f"ZHREAD {root}", width=120)
    screen = term.wait_for(BOOK_TITLE)
    term.wait_for(ARTICLE_TITLE)
    assert "book.epub" in screen and "Title" in screen
    term.keys("Enter")  # the first row: book.epub, by name
    screen = term.wait_for("terms (")
    assert "第一章" in screen
    term.keys("B")
    term.wait_for("Characters")
    term.keys("q")
    term.wait_for("EXIT=0", timeout=10)


def test_the_place_survives_a_restart(shell) -> None:
    ending = SAMPLE.read_text(encoding="utf-8").strip().splitlines()[-1]  # one short line
    term = shell(f"ZHREAD {SAMPLE}")
    term.wait_for("terms (")
    term.keys("G")  # the last word
    term.wait_for(ending)
    term.keys("q")
    term.wait_for("EXIT=0", timeout=10)
    again = shell(f"ZHREAD {SAMPLE}")
    again.wait_for("terms (")
    screen = again.wait_for(ending)  # opens at the end, where the reader left it
    assert "【文/觀察者網" not in screen.split("\n", 1)[1]  # the first line scrolled off
    again.keys("q")
    again.wait_for("EXIT=0", timeout=10)
