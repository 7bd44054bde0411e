"""Documents of every format turned into the text the reader shows: web pages (the article,
not the page around it), EPUB books (in spine order), Markdown (no markup), standard input
(sniffed), and broken files refused with one line."""

from __future__ import annotations

import io
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.documents import (
    ARTICLE,
    ARTICLE_TITLE,
    BOOK_TITLE,
    CHAPTERS,
    FOOTER,
    MARKDOWN,
    NAVIGATION,
    epub,
    web_page,
)
from tui.core.errors import ZhreadError
from tui.core.text.html_text import declared_charset, looks_like_html
from tui.core.text.sources import (
    Format,
    documents_in,
    format_of,
    load_source,
    load_stdin_source,
    sniff,
)
from tui.store.library import expand_paths, summarize

ZHREAD = str(Path(sys.executable).with_name("zhread"))


def write(path: Path, data: str | bytes) -> Path:
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


# --- HTML ------------------------------------------------------------------------------------


def test_web_page_keeps_the_article_and_drops_the_page_around_it(tmp_path: Path) -> None:
    loaded = load_source(write(tmp_path / "page.html", web_page()))
    assert loaded.title == ARTICLE_TITLE
    assert loaded.text.splitlines()[0] == ARTICLE_TITLE  # the reader's header shows it
    for paragraph in ARTICLE:
        assert paragraph in loaded.text.splitlines()
    for boilerplate in (*NAVIGATION, FOOTER, "熱門文章", "隱私政策", "追蹤代碼", "color"):
        assert boilerplate not in loaded.text
    assert "<" not in loaded.text


def test_page_in_its_declared_legacy_charset(tmp_path: Path) -> None:
    page = web_page(charset="gb2312").encode("gb18030")  # gb2312 is read as its superset
    loaded = load_source(write(tmp_path / "page.htm", page))
    assert loaded.encoding == "gb18030"
    assert ARTICLE[0] in loaded.text


def test_a_wrong_charset_declaration_is_not_believed(tmp_path: Path) -> None:
    loaded = load_source(write(tmp_path / "page.html", web_page(charset="big5")))  # UTF-8 really
    assert ARTICLE[1] in loaded.text


def test_charset_declarations() -> None:
    assert (
        declared_charset(b'<meta http-equiv="Content-Type" content="text/html; charset=GBK">')
        == "gb18030"
    )
    assert declared_charset(b'<?xml version="1.0" encoding="big5"?><html>') == "big5hkscs"
    assert declared_charset(b"<meta charset=nonsense>") is None
    assert declared_charset(b"<p>no declaration</p>") is None


def test_html_on_stdin_is_sniffed() -> None:
    loaded = load_stdin_source(io.BytesIO(web_page().encode("utf-8")))
    assert loaded.source == "<stdin>" and loaded.title == ARTICLE_TITLE
    assert ARTICLE[2] in loaded.text and NAVIGATION[0] not in loaded.text


def test_text_on_stdin_stays_text() -> None:
    text = "今天我們去銀行。<b>不是標記</b> a < b"
    loaded = load_stdin_source(io.BytesIO(text.encode("utf-8")))
    assert loaded.text == text and loaded.title is None


@pytest.mark.parametrize(
    ("head", "kind"),
    [
        (b"<!DOCTYPE html><html>", Format.HTML),
        (b"\xef\xbb\xbf  <!doctype HTML>\n<html lang=zh>", Format.HTML),
        (b"<?xml version='1.0'?>\n<html xmlns='http://www.w3.org/1999/xhtml'>", Format.HTML),
        (b"<!-- saved from url -->\n<html>", Format.HTML),
        ("今天<html>".encode(), Format.TEXT),
        (b"plain text", Format.TEXT),
        (epub()[:200], Format.EPUB),
    ],
)
def test_sniffing(head: bytes, kind: Format) -> None:
    assert sniff(head) is kind
    assert looks_like_html(head) is (kind is Format.HTML)


@pytest.mark.parametrize("name", ["page.txt", "page.TEXT", "page", "page.dat"])
def test_a_page_or_book_under_a_text_name_is_what_its_bytes_are(name: str) -> None:
    assert format_of(name, web_page().encode()) is Format.HTML
    assert format_of(name, epub()) is Format.EPUB
    assert format_of(name, "今天<html>".encode()) is Format.TEXT
    assert format_of("notes.md", web_page().encode()) is Format.MARKDOWN  # as named


def test_a_page_without_text_is_an_error(tmp_path: Path) -> None:
    path = write(
        tmp_path / "empty.html", "<html><body><nav><a href='/'>首頁</a></nav></body></html>"
    )
    with pytest.raises(ZhreadError, match="no readable text") as raised:
        load_source(path)
    assert str(path) in str(raised.value)


def test_a_small_page_without_semantic_markup_falls_back_to_its_blocks(tmp_path: Path) -> None:
    path = write(tmp_path / "tiny.html", "<html><body><div>短短的一句話。</div></body></html>")
    assert "短短的一句話。" in load_source(path).text


# --- EPUB ------------------------------------------------------------------------------------


def test_epub_chapters_follow_the_spine_with_their_titles(tmp_path: Path) -> None:
    loaded = load_source(write(tmp_path / "book.epub", epub()))
    assert loaded.title == BOOK_TITLE
    lines = [line for line in loaded.text.splitlines() if line]
    expected = [BOOK_TITLE]
    for _name, title, text in CHAPTERS:  # zz-first before aa-second, as the spine says
        expected += [title, text]
    assert lines == expected
    assert "\n\n" in loaded.text  # chapters are set apart by a blank line


def test_epub_is_recognised_without_its_suffix(tmp_path: Path) -> None:
    loaded = load_source(write(tmp_path / "book.bin", epub()))
    assert CHAPTERS[0][2] in loaded.text


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"PK\x03\x04 this is not really a zip", "not an EPUB (not a zip archive)"),
        ("純文字".encode(), "not an EPUB (not a zip archive)"),
        (epub(opf=False), "OEBPS/content.opf is missing"),
        (epub(spine=False), "no spine"),
        (epub(chapters=(("only.xhtml", "空", ""),)), "no readable text"),
    ],
)
def test_broken_epubs_are_errors_naming_the_file(tmp_path: Path, data: bytes, message: str) -> None:
    path = write(tmp_path / "book.epub", data)
    with pytest.raises(ZhreadError, match=re.escape(message)) as raised:
        load_source(path)
    assert str(raised.value).startswith(f"{path}: ")


# --- Markdown --------------------------------------------------------------------------------


def test_markdown_reads_as_text_without_markup(tmp_path: Path) -> None:
    loaded = load_source(write(tmp_path / "notes.md", MARKDOWN))
    assert loaded.title == "簡單的標題"
    assert loaded.text.splitlines() == [
        "簡單的標題",
        "第一段有一個連結和代碼，還有第二行。",
        "- 項目一",
        "- 項目二 圖片說明",
        "1. 第一步",
        "2. 第二步",
        "引用的話。",
    ]


def test_markdown_keeps_a_literal_asterisk(tmp_path: Path) -> None:
    loaded = load_source(write(tmp_path / "math.markdown", "價格是 3 * 4 = 12 元。\n"))
    assert loaded.text == "價格是 3 * 4 = 12 元。"


# --- folders and the library's summaries -----------------------------------------------------


def test_a_folder_lists_its_documents_by_name(tmp_path: Path) -> None:
    for name in ("b.html", "A.txt", "c.md", "d.epub", "notes.pdf", ".hidden.txt"):
        write(tmp_path / name, "x")
    (tmp_path / "sub").mkdir()
    write(tmp_path / "sub" / "deep.txt", "x")
    assert [p.name for p in documents_in(tmp_path)] == ["A.txt", "b.html", "c.md", "d.epub"]
    missing = str(tmp_path / "gone.txt")
    listed = expand_paths([str(tmp_path), str(tmp_path / "c.md"), missing])
    assert [Path(p).name for p in listed] == ["A.txt", "b.html", "c.md", "d.epub", "gone.txt"]


def test_stdin_cannot_join_a_library() -> None:
    with pytest.raises(ZhreadError, match="standard input"):
        expand_paths(["-", "a.txt"])


def test_summary_of_a_page(tmp_path: Path) -> None:
    summary = summarize(load_source(write(tmp_path / "page.html", web_page())))
    assert summary.title == ARTICLE_TITLE
    assert str(summary.script) == "Traditional"
    assert summary.characters == sum(
        len([c for c in t if "\u4e00" <= c <= "\u9fff"]) for t in (ARTICLE_TITLE, *ARTICLE)
    )
    assert summary.level is not None and 1 <= summary.level <= 7


# --- the command line ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("bad.epub", b"not a zip at all", "not an EPUB (not a zip archive)"),
        ("bad.html", b"<html><body><script>x()</script></body></html>", "no readable text"),
    ],
)
def test_bad_documents_are_one_line_and_exit_2(
    tmp_path: Path, name: str, data: bytes, message: str
) -> None:
    path = write(tmp_path / name, data)
    for args in (
        [str(path)],
        ["segment", str(path)],
        ["gloss", str(path)],
        ["convert", str(path), "--to", "hans"],
    ):
        result = subprocess.run([ZHREAD, *args], capture_output=True, timeout=120)
        error = result.stderr.decode()
        assert result.returncode == 2, args
        assert error.startswith(f"zhread: {path}: {message}") and error.count("\n") == 1
        assert "Traceback" not in error


def test_convert_and_segment_read_the_article_of_a_page(tmp_path: Path) -> None:
    path = write(tmp_path / "page.html", web_page())
    converted = subprocess.run(
        [ZHREAD, "convert", str(path), "--to", "hans"], capture_output=True, timeout=120
    )
    assert converted.returncode == 0
    output = converted.stdout.decode()
    assert output.splitlines()[0] == "银行业的长期计划"
    assert "<" not in output and NAVIGATION[0] not in output and "首页导航" not in output
    piped = subprocess.run(
        [ZHREAD, "segment", "-"], input=web_page().encode(), capture_output=True, timeout=120
    )
    assert piped.returncode == 0
    assert piped.stdout.decode().splitlines()[0].replace(" ", "") == ARTICLE_TITLE


def test_convert_keeps_markdown_markup(tmp_path: Path) -> None:
    path = write(tmp_path / "notes.md", "# 標題\n\n[連結](http://example.com)\n")
    result = subprocess.run(
        [ZHREAD, "convert", str(path), "--to", "hans"], capture_output=True, timeout=120
    )
    assert result.stdout.decode() == "# 标题\n\n[连结](http://example.com)\n"


def test_xhtml_with_an_xml_declaration(tmp_path: Path) -> None:
    page = (
        '<?xml version="1.0" encoding="utf-8"?>\n<html xmlns="http://www.w3.org/1999/xhtml">'
        "<head><title>標題</title></head><body><p>一句完整的話。</p></body></html>"
    )
    loaded = load_source(write(tmp_path / "page.xhtml", page))
    assert "一句完整的話。" in loaded.text
