"""When a story was published, read from the document itself.

A desk orders its stories by date, so each document's date is taken from the most explicit
place that carries one: a Markdown file's front matter, an HTML page's meta tags, then the
story's own dateline near its start. A dateline without a year (（中央社台北5日電）, 3月5日)
is dated only when a year is known from elsewhere in the first lines; otherwise it gives no
date rather than a guessed one, since a wrong year would put the story in the wrong place on
the timeline.
"""

from __future__ import annotations

import re
from datetime import date

__all__ = ["document_date", "front_matter_date", "html_date", "text_date"]

#: How far into a text its dateline may be: the headline, a byline and the first paragraph.
HEAD = 2000
#: The non-blank lines a dateline may open, and how far into its line it may be.
LINES = 5
DATELINE = 40

_ISO = re.compile(r"(?<!\d)(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)")
_CHINESE = re.compile(r"(?<!\d)(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号號]")
_MONTH_DAY = re.compile(r"(?<![\d年])(\d{1,2})\s*月\s*(\d{1,2})\s*[日号號]")
_YEAR = re.compile(r"(?<!\d)(\d{4})\s*年")
_FRONT = re.compile(r"\A---[ \t]*\n(.*?)\n---[ \t]*(?:\n|\Z)", re.S)
_FRONT_DATE = re.compile(r"^(?:date|published|pubdate)\s*:\s*['\"]?([^'\"\n]+)", re.M | re.I)
_META_NAMES = (
    "article:published_time",
    "og:published_time",
    "datepublished",
    "pubdate",
    "publishdate",
    "date",
    "dc.date",
    "dcterms.date",
)
_META = re.compile(r"<meta\b[^>]*>", re.I)
_ATTR = re.compile(r"""([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""")


def _iso(year: int, month: int, day: int) -> str | None:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def _first_iso(value: str) -> str | None:
    found = _ISO.search(value) or _CHINESE.search(value)
    return _iso(*map(int, found.groups())) if found else None


def front_matter_date(text: str) -> str | None:
    """The ``date:`` of a Markdown file's YAML front matter."""
    block = _FRONT.match(text.lstrip("\ufeff"))
    if block is None:
        return None
    field = _FRONT_DATE.search(block.group(1))
    return _first_iso(field.group(1)) if field else None


def html_date(html: str) -> str | None:
    """The publication date of an HTML page, from its ``<meta>`` tags, the most specific
    name first (``article:published_time`` before a bare ``date``)."""
    found: dict[str, str] = {}
    for tag in _META.findall(html[:200_000]):
        attrs = {
            m.group(1).lower(): m.group(2) or m.group(3) or m.group(4) or ""
            for m in _ATTR.finditer(tag)
        }
        name = (attrs.get("property") or attrs.get("name") or attrs.get("itemprop") or "").lower()
        if name in _META_NAMES and "content" in attrs:
            found.setdefault(name, attrs["content"])
    for name in _META_NAMES:
        if name in found and (day := _first_iso(found[name])):
            return day
    return None


def text_date(text: str, year: int | None = None) -> str | None:
    """The dateline at a story's start: 2024年3月5日 or 2024-03-05 within the first
    characters of one of its first lines, or 3月5日 there when ``year`` is given or written
    in the same place. A year written further on (a history recalled in the lead) is not
    the dateline's, and a day alone (台北5日電) names no month: both give nothing."""
    for line in _head_lines(text):
        if day := _first_iso(line):
            return day
        found = _MONTH_DAY.search(line)
        if found is None:
            continue
        written = _YEAR.search(line)
        known = year if year is not None else int(written.group(1)) if written else None
        return _iso(known, int(found.group(1)), int(found.group(2))) if known else None
    return None


def _head_lines(text: str) -> list[str]:
    """Where a dateline goes: the start of each of the first few non-blank lines."""
    lines = [line.strip() for line in text[:HEAD].split("\n") if line.strip()]
    return [line[:DATELINE] for line in lines[:LINES]]


def document_date(text: str, raw: str | None = None) -> str | None:
    """A document's date, ISO ``YYYY-MM-DD``: front matter or meta tags in ``raw`` (the
    file as read, when it is not the text), then the text's own dateline."""
    for source in (raw, text):
        if source:
            if day := front_matter_date(source):
                return day
            if "<meta" in source[:200_000].lower() and (day := html_date(source)):
                return day
    return text_date(text)
