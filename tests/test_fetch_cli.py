"""``zhread URL`` and the commands that read a document, given web addresses: the page's
text, one-line errors with exit code 2, ``--timeout``, and a kept page read offline."""

from __future__ import annotations

import json

import pytest

from tests.pageserver import BIG, PARAGRAPHS, TITLE, site
from tui.cli import main
from tui.cli.options import load
from tui.core.text import loading
from tui.store.fetched import kept_dir

__all__ = ["site"]  # the fixture, used by name


def test_segment_reads_a_gbk_page(site: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["segment", f"{site}/gbk.html"]) == 0
    out = capsys.readouterr().out
    assert "银行 的 長期 計劃" in out and "市政府 今年" in out


def test_convert_reads_a_page_as_the_reader_shows_it(
    site: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["convert", f"{site}/big5.html", "--to", "hans"]) == 0
    out = capsys.readouterr().out
    assert "<" not in out and "银行" in out  # the article's text, in Simplified


def test_segment_json_counts_offsets_in_the_big5_page(
    site: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["segment", f"{site}/big5.html", "--json"]) == 0
    tokens = json.loads(capsys.readouterr().out)["tokens"]
    text = "".join(token["text"] for token in tokens)
    assert text.startswith(TITLE) and PARAGRAPHS[1] in text


def test_skim_reads_a_redirected_page(
    site: str, dictionary: object, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["skim", f"{site}/moved", "--md"]) == 0
    report = capsys.readouterr().out
    assert TITLE in report and f"{site}/moved" in report


@pytest.mark.parametrize(
    ("arguments", "reason"),
    [
        (["/missing"], "HTTP 404 Not Found"),
        (["/loop"], "too many redirects (more than 10, or a loop)"),
        (["/image.png"], "not a text or HTML page (image/png)"),
        (["/slow", "--timeout", "0.5"], "timed out (no answer within 0.5 s)"),
        (["/big"], f"page is too large ({len(BIG):,} bytes; the limit is 4,096 bytes)"),
    ],
)
def test_a_failed_fetch_is_one_line_and_exit_2(
    site: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    arguments: list[str],
    reason: str,
) -> None:
    monkeypatch.setattr(loading, "MAX_BYTES", 4096)
    url = f"{site}{arguments[0]}"
    assert main([url, *arguments[1:]]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith(f"zhread: {url}: {reason}")
    assert captured.err.count("\n") == 1


def test_segment_says_a_failed_fetch_the_same_way(
    site: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["segment", f"{site}/missing"]) == 2
    assert capsys.readouterr().err == f"zhread: {site}/missing: HTTP 404 Not Found\n"


def test_a_bad_timeout_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["segment", "http://127.0.0.1/", "--timeout", "soon"])
    assert caught.value.code == 2
    assert "not a number of seconds: 'soon'" in capsys.readouterr().err


def test_a_url_in_a_list_of_files_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["a.txt", "https://example.com/"]) == 2
    assert capsys.readouterr().err == (
        "zhread: https://example.com/: a web address opens on its own, not in the library\n"
    )


def test_a_kept_page_is_read_later_with_its_address(
    site: str, dictionary: object, capsys: pytest.CaptureFixture[str]
) -> None:
    url = f"{site}/utf8.html"
    loaded = load(url, None, keep=True)
    assert capsys.readouterr().err.startswith(f"zhread: kept the page in {kept_dir()}")
    [kept] = kept_dir().glob("*.txt")
    again = load(str(kept), None)
    assert again.text == loaded.text and again.source == url
    assert main(["skim", str(kept), "--md"]) == 0
    assert url in capsys.readouterr().out
