"""A web page reads the same through every way in: each subcommand given the file, a pipe
(what `curl` gives), a page saved under a `.txt` name, an EPUB, and the reader itself.
These run the installed `zhread` command, so they are the smoke tests of a fresh install:
every one imports the whole HTML stack (lxml, lxml_html_clean, justext, trafilatura)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.apps import until_segmented
from tests.documents import ARTICLE, ARTICLE_TITLE, CHAPTERS, FOOTER, NAVIGATION, epub, web_page

ZHREAD = str(Path(sys.executable).with_name("zhread"))

pytestmark = pytest.mark.smoke


def zhread(*args: str, stdin: str | None = None) -> str:
    result = subprocess.run(
        [ZHREAD, *args], input=stdin, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    return result.stdout


def joined(segmented: str) -> str:
    return segmented.replace(" ", "")


def assert_article_only(text: str) -> None:
    for paragraph in ARTICLE:
        assert paragraph in text
    for boilerplate in (*NAVIGATION, FOOTER, "<"):
        assert boilerplate not in text


@pytest.fixture
def page(tmp_path: Path) -> Path:
    path = tmp_path / "page.html"
    path.write_text(web_page(), encoding="utf-8")
    return path


def test_segment_a_page(page: Path) -> None:
    lines = zhread("segment", str(page)).splitlines()
    assert joined(lines[0]) == ARTICLE_TITLE
    assert_article_only(joined("\n".join(lines)))


def test_segment_a_page_from_a_pipe() -> None:
    assert_article_only(joined(zhread("segment", "-", stdin=web_page())))


def test_a_page_saved_as_txt_is_still_a_page(tmp_path: Path) -> None:
    path = tmp_path / "page.txt"
    path.write_text(web_page(), encoding="utf-8")
    assert_article_only(joined(zhread("segment", str(path))))


def test_skim_a_page(page: Path) -> None:
    report = json.loads(zhread("skim", str(page), "--json"))
    outline = "\n".join(item["text"] for item in report["outline"])
    assert ARTICLE[0].split("。")[0] in outline
    assert not any(word in outline for word in (*NAVIGATION, FOOTER, "<"))


def test_gloss_a_page(page: Path) -> None:
    report = json.loads(zhread("gloss", str(page), "--json"))
    assert set(report) >= {"terms", "candidates"}


def test_convert_a_page(page: Path) -> None:
    converted = zhread("convert", str(page), "--to", "hans")
    assert converted.splitlines()[0] == "银行业的长期计划"
    assert "<" not in converted


def test_segment_a_book(tmp_path: Path) -> None:
    book = tmp_path / "book.epub"
    book.write_bytes(epub())
    text = joined(zhread("segment", str(book)))
    assert [text.index(chapter[2]) for chapter in CHAPTERS] == sorted(
        text.index(chapter[2]) for chapter in CHAPTERS
    )


async def test_the_reader_opens_a_page(page: Path) -> None:
    """`zhread page.html`: the document as the command line loads it, in the app."""
    from tui.app import ZhreadApp
    from tui.cli.options import load
    from tui.core.glossary.bundled import builtin_glossary_path
    from tui.core.glossary.loader import load_glossary

    loaded = load(str(page), None)
    app = ZhreadApp(loaded.text, loaded.source, load_glossary(builtin_glossary_path()))
    async with app.run_test(size=(100, 30)) as pilot:
        await until_segmented(pilot)
        assert app.title == ARTICLE_TITLE
        assert_article_only(app.reader.document.text)
