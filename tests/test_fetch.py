"""Reading web pages by their address: the text a saved copy gives, each failure in one
line, and pages kept to open again without the network (a real server on 127.0.0.1)."""

from __future__ import annotations

import json
import socket
from datetime import UTC, datetime

import pytest
from textual.widgets import Input

from tests.apps import sample_app, until, until_segmented
from tests.pageserver import PARAGRAPHS, TITLE, site
from tui import __version__
from tui.core.errors import ZhreadError
from tui.core.text import loading
from tui.core.text.fetch import USER_AGENT, fetch, fetched_at, is_url, load_url
from tui.screens.prompt import PromptScreen
from tui.store.fetched import keep, kept_dir, kept_page, source_for

__all__ = ["site"]  # the fixture, used by name


@pytest.fixture
def small_cap(monkeypatch: pytest.MonkeyPatch) -> int:
    """A size cap the big pages exceed, so the test needs no 64 MB body."""
    monkeypatch.setattr(loading, "MAX_BYTES", 4096)
    return 4096


def test_a_utf8_page_reads_as_its_article(site: str) -> None:
    loaded, fetched = load_url(f"{site}/utf8.html")
    assert loaded.source == f"{site}/utf8.html"
    assert loaded.title == TITLE
    assert loaded.text.splitlines()[0] == TITLE
    assert PARAGRAPHS[0] in loaded.text and PARAGRAPHS[2] in loaded.text
    assert "首頁" not in loaded.text  # the navigation is furniture, as in a saved page
    assert loaded.encoding == "utf-8"
    assert fetched.media_type == "text/html"
    assert fetched_at(loaded.source) == fetched.fetched_at


def test_a_gbk_page_is_read_in_the_charset_its_header_names(site: str) -> None:
    loaded, fetched = load_url(f"{site}/gbk.html")
    assert fetched.charset == "gbk"
    assert loaded.encoding == "gb18030"
    assert "银行的長期計劃很好" in loaded.text


def test_a_big5_page_is_read_in_the_charset_its_meta_names(site: str) -> None:
    loaded, fetched = load_url(f"{site}/big5.html")
    assert fetched.charset is None
    assert loaded.encoding in ("cp950", "big5hkscs")
    assert PARAGRAPHS[1] in loaded.text


def test_a_plain_text_page_is_text(site: str) -> None:
    loaded, _ = load_url(f"{site}/story.txt")
    assert loaded.text.splitlines() == list(PARAGRAPHS)


def test_a_redirect_is_followed_and_the_source_stays_the_address_asked_for(site: str) -> None:
    loaded, fetched = load_url(f"{site}/moved")
    assert fetched.url == f"{site}/utf8.html"
    assert loaded.source == f"{site}/moved"
    assert PARAGRAPHS[0] in loaded.text


def test_the_request_names_zhread_and_its_version(site: str) -> None:
    said = fetch(f"{site}/agent").data.decode()
    assert said == USER_AGENT and said.startswith(f"zhread/{__version__} ")


@pytest.mark.parametrize(
    ("path", "reason"),
    [
        ("/missing", "HTTP 404 Not Found"),
        ("/loop", "too many redirects (more than 10, or a loop)"),
        ("/to-ftp", "redirected to an address that is not http:// or https://"),
        ("/to-file", "redirected to an address that is not http:// or https://"),
        ("/image.png", "not a text or HTML page (image/png)"),
    ],
)
def test_a_failed_fetch_is_one_line_naming_the_address(site: str, path: str, reason: str) -> None:
    with pytest.raises(ZhreadError) as caught:
        fetch(f"{site}{path}")
    assert str(caught.value) == f"{site}{path}: {reason}"


def test_a_slow_server_times_out(site: str) -> None:
    with pytest.raises(ZhreadError) as caught:
        fetch(f"{site}/slow", timeout=0.5)
    assert str(caught.value) == f"{site}/slow: timed out (no answer within 0.5 s)"


@pytest.mark.parametrize("path", ["/big", "/big-unannounced"])
def test_a_page_over_the_size_cap_is_refused(site: str, small_cap: int, path: str) -> None:
    with pytest.raises(ZhreadError) as caught:
        fetch(f"{site}{path}")
    message = str(caught.value)
    assert message.startswith(f"{site}{path}: page is too large (")
    assert f"the limit is {small_cap:,} bytes" in message


def test_a_refused_connection_and_an_unknown_host() -> None:
    with socket.socket() as closed:  # a port nobody listens on
        closed.bind(("127.0.0.1", 0))
        port = closed.getsockname()[1]
    with pytest.raises(ZhreadError, match=r": connection refused$"):
        fetch(f"http://127.0.0.1:{port}/")
    with pytest.raises(ZhreadError, match=r"^http://zhread-test\.invalid/: DNS failure"):
        fetch("http://zhread-test.invalid/", timeout=5)


def test_what_counts_as_a_web_address() -> None:
    assert is_url("https://example.com/a") and is_url("HTTP://example.com")
    assert not is_url("example.com") and not is_url("ftp://x") and not is_url(None)
    assert not is_url("http.txt")


def test_a_kept_page_opens_with_its_address_without_the_server(site: str) -> None:
    loaded, fetched = load_url(f"{site}/utf8.html")
    page = keep(loaded.text, loaded.source, fetched.fetched_at, title=loaded.title)
    assert page.path.parent == kept_dir()
    assert page.path.read_text(encoding="utf-8") == loaded.text
    record = json.loads(page.path.with_suffix(".json").read_text(encoding="utf-8"))
    assert record["url"] == loaded.source and record["title"] == TITLE
    assert datetime.fromisoformat(record["fetched"]) == fetched.fetched_at
    assert kept_page(page.path) == page
    assert source_for(page.path) == loaded.source
    again = keep(loaded.text + "更新", loaded.source, datetime.now(UTC))
    assert again.path == page.path  # keeping the same address again refreshes it
    assert sorted(p.name for p in kept_dir().iterdir()) == sorted(
        [page.path.name, page.path.with_suffix(".json").name]
    )


def test_a_plain_text_file_is_not_a_kept_page(tmp_path) -> None:
    story = tmp_path / "story.txt"
    story.write_text("銀行", encoding="utf-8")
    assert kept_page(story) is None and source_for(story) == str(story)
    story.with_suffix(".json").write_text("[1, 2]", encoding="utf-8")
    assert kept_page(story) is None


def _notices(app) -> list[str]:
    return [notification.message for notification in app._notifications]


def _titles(app) -> set[str]:
    return {command.title for command in app.get_system_commands(app.screen)}


async def test_open_link_and_keep_this_page_from_the_palette(site: str) -> None:
    app = sample_app()
    sample = app.reader.document.source
    async with app.run_test(size=(100, 30)) as pilot:
        await until_segmented(pilot)
        assert "Open link…" in _titles(app) and "Keep this page" not in _titles(app)
        app.reader.commands.links.open_link()
        await pilot.pause()
        assert isinstance(app.screen, PromptScreen)
        app.screen.query_one(Input).value = f"{site}/missing"
        await pilot.press("enter")
        failed = f"{site}/missing: HTTP 404 Not Found"
        await until(pilot, lambda: failed in _notices(app), "the failure's notice")
        assert f"Fetching {site}/missing …" in _notices(app)
        assert app.reader.document.source == sample  # the document shown stays
        app.reader.commands.links.open_link()
        await pilot.pause()
        app.screen.query_one(Input).value = f"{site}/big5.html"
        await pilot.press("enter")
        url = f"{site}/big5.html"
        await until(pilot, lambda: app.reader.document.source == url, "the page")
        await until_segmented(pilot)
        assert app.reader.document.text.startswith(TITLE)
        assert "Keep this page" in _titles(app)
        app.reader.commands.links.keep_page()
        await until(pilot, lambda: any(n.startswith("Kept in ") for n in _notices(app)), "keep")
        [kept] = kept_dir().glob("*.txt")
        assert kept_page(kept).url == url
        assert kept.read_text(encoding="utf-8") == app.reader.document.text
        app.reader.commands.load_file(sample)
        await until(pilot, lambda: app.reader.document.source == sample, "the sample again")
        app.reader.commands.load_file(str(kept))  # offline, under the page's address
        await until(pilot, lambda: app.reader.document.source == url, "the kept page")
