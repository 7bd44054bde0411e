"""A library that does not import (missing, or broken by a release of one of its own
dependencies) is a one-line error naming it, with exit code 2, wherever it is first needed:
in a subcommand, before the reader opens, and inside the reader's workers.

Each case runs zhread in a new process with the named modules blocked in ``sys.modules``,
which makes importing them fail exactly as a missing package does."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.conftest import SAMPLE

#: zhread's entry point with modules blocked; ``--headless`` runs the reader without a
#: terminal, so its workers' failures can be seen.
WRAPPER = """
import sys
blocked, headless, args = sys.argv[1], sys.argv[2] == "headless", sys.argv[3:]
for name in filter(None, blocked.split(",")):
    sys.modules[name] = None
if headless:
    from textual.app import App
    run = App.run
    App.run = lambda self, *a, **k: run(self, *a, **{**k, "headless": True})
from tui.cli import main
sys.exit(main(args))
"""

PAGE = (
    "<!doctype html><html><head><meta charset='utf-8'><title>晶片</title></head><body>"
    "<article><p>台灣的半導體產業在全球佔有重要地位。</p></article></body></html>"
)


def zhread(blocked: str, *args: str, headless: bool = False) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", WRAPPER, blocked, "headless" if headless else "-", *args],
        capture_output=True,
        text=True,
        timeout=120,
        stdin=subprocess.DEVNULL,
    )


def assert_one_line(result: subprocess.CompletedProcess[str], *words: str) -> None:
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr and result.stderr.count("\n") == 1, result.stderr
    assert result.stderr.startswith("zhread: ")
    for word in words:
        assert word in result.stderr


@pytest.fixture
def page(tmp_path: Path) -> Path:
    path = tmp_path / "page.html"
    path.write_text(PAGE, encoding="utf-8")
    return path


@pytest.mark.smoke
@pytest.mark.parametrize(
    "command", [["segment"], ["skim"], ["gloss"], ["convert", "--to", "hans"], []]
)
def test_html_without_lxml_html_clean(page: Path, command: list[str]) -> None:
    """What a fresh install with an old pip met: justext imports lxml.html.clean, which
    is a package of its own since lxml 5.2. The empty command is the reader, which reads
    the document before its screen opens."""
    result = zhread("lxml_html_clean", *command, str(page))
    assert_one_line(result, "cannot read HTML documents", "lxml_html_clean")


def test_html_without_trafilatura_from_standard_input() -> None:
    result = subprocess.run(
        [sys.executable, "-c", WRAPPER, "trafilatura", "-", "segment", "-"],
        input=PAGE,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert_one_line(result, "cannot read HTML documents", "trafilatura")


def test_epub_without_lxml(tmp_path: Path) -> None:
    book = tmp_path / "book.epub"
    with zipfile.ZipFile(book, "w") as archive:
        archive.writestr("mimetype", "application/epub+zip")
        archive.writestr("META-INF/container.xml", "<container/>")
    assert_one_line(zhread("lxml", "segment", str(book)), "cannot read EPUB documents", "lxml")


def test_text_without_the_segmenter() -> None:
    assert_one_line(
        zhread("jieba", "segment", str(SAMPLE)), "cannot cut the text into words", "jieba"
    )


def test_a_library_imported_at_start_up() -> None:
    """OpenCC is imported with the conversion module itself, outside any task's guard:
    the command line's own handler says it the same way."""
    assert_one_line(zhread("opencc", "convert", str(SAMPLE), "--to", "hans"), "opencc")


@pytest.mark.parametrize("module", ["pypinyin", "jieba"])
def test_the_reader_stops_in_one_line_when_a_worker_cannot_import(module: str) -> None:
    """The reader opens first and loads pinyin and the segmenter in threads afterwards;
    a failure there ends it like bad input, not with a traceback over the terminal."""
    assert_one_line(zhread(module, str(SAMPLE), headless=True), module)
