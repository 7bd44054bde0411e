"""A story's date: front matter, HTML meta tags, the dateline; never a guessed year."""

from __future__ import annotations

import pytest

from tui.core.analysis.dates import document_date, front_matter_date, html_date, text_date


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("新华社北京2024年3月5日电 记者王明报道", "2024-03-05"),
        ("標題\n\n2024-03-05 12:00 中央社\n\n正文", "2024-03-05"),
        ("标题\n2024/3/5\n正文", "2024-03-05"),
        ("【本報訊】2023年12月31日 星期日", "2023-12-31"),
        ("本报北京3月5日电（记者 刘雨桐）2024年", "2024-03-05"),
    ],
)
def test_a_dateline_near_the_start_gives_the_date(text: str, expected: str) -> None:
    assert text_date(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "（中央社台北5日電）行政院今天表示",  # a day with no month
        "本报北京7月9日电\n\n1971年7月9日，基辛格秘密访华。",  # the year is history's
        "標題\n\n" + "正文很長。" * 20 + "2024年3月5日",  # far into a paragraph
        "2024年2月30日",  # no such day
        "沒有日期的文字",
    ],
)
def test_no_date_rather_than_a_guess(text: str) -> None:
    assert text_date(text) is None


def test_a_month_and_day_take_a_given_year() -> None:
    assert text_date("（中央社台北3月5日電）", year=2024) == "2024-03-05"


def test_front_matter_date() -> None:
    text = "---\ntitle: 標題\ndate: 2024-03-05T08:00:00+08:00\n---\n正文"
    assert front_matter_date(text) == "2024-03-05"
    assert front_matter_date("date: 2024-03-05\n正文") is None  # not front matter


def test_html_meta_most_specific_first() -> None:
    html = (
        '<html><head><meta name="date" content="2020-01-01">'
        "<meta property='article:published_time' content='2024-03-05T10:00:00Z'>"
        "</head><body>正文</body></html>"
    )
    assert html_date(html) == "2024-03-05"
    assert html_date('<meta name="pubdate" content="20240305">') is None


def test_document_date_prefers_the_raw_file() -> None:
    raw = '<meta name="pubdate" content="2024-03-05">'
    assert document_date("新华社北京2023年1月2日电", raw) == "2024-03-05"
    assert document_date("新华社北京2023年1月2日电") == "2023-01-02"
