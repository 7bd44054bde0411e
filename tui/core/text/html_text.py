"""Readable text from HTML: the article of a page saved from the web, or an EPUB chapter.

A saved page is mostly not the article: menus, headers, footers, "related stories", cookie
notices. Telling them apart is a craft of its own, so it is left to trafilatura, a maintained
extraction library that scores the page's blocks (text density, link density, tags). What
it cannot handle (a page too small or too odd for its heuristics) falls back to
:func:`block_text`, which keeps every block of the body except the obvious page furniture.

EPUB chapters are the opposite case: the whole file is the text, so they go straight to
:func:`block_text`, which keeps every paragraph, heading and list item on a line of its own.

Bytes are decoded by :func:`tui.core.text.loading.decode`, with the charset the page declares
taken first (see :func:`declared_charset`): a GBK page that says so is never guessed at.
"""

from __future__ import annotations

import codecs
import copy
import logging
import re
from dataclasses import dataclass
from typing import Any

from tui.core.errors import ZhreadError
from tui.core.text.loading import Loaded, decode

__all__ = [
    "HtmlText",
    "block_text",
    "declared_charset",
    "decode_html",
    "extract",
    "fold_spaces",
    "load_html",
    "looks_like_html",
    "parse",
    "with_title",
]

#: Where the charset declaration must be, by the HTML standard's prescan: the first 1024 bytes.
_PRESCAN = 1024
#: Encodings a page may declare that browsers read as a superset (the WHATWG label table).
_SUPERSETS = {
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "euc-cn": "gb18030",
    "x-gbk": "gb18030",
    "big5": "big5hkscs",
    "ascii": "utf-8",
    "iso-8859-1": "cp1252",
    "latin-1": "cp1252",
}
_META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]+)", re.IGNORECASE)
_XML_ENCODING = re.compile(rb"^<\?xml[^>]+encoding\s*=\s*[\"']([A-Za-z0-9_.:-]+)")
#: The first tags of an HTML document, to tell curl output from text on standard input.
_HTML_START = re.compile(
    rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*"
    rb"<(?:!doctype\s+html|html|head|body|meta|title|link|script|style|article|div|p)[\s>/]",
    re.IGNORECASE | re.DOTALL,
)

#: Tags whose text is never article text.
_SKIP = frozenset(
    {
        "script",
        "style",
        "noscript",
        "template",
        "head",
        "svg",
        "math",
        "button",
        "select",
        "iframe",
        "object",
        "canvas",
        "form",
    }
)
#: Page furniture: dropped by the fallback when a page has a body of its own besides.
_FURNITURE = frozenset({"nav", "header", "footer", "aside", "menu"})
#: Tags that start a new line of text.
_BLOCKS = frozenset(
    {
        "address",
        "article",
        "blockquote",
        "body",
        "br",
        "caption",
        "dd",
        "div",
        "dl",
        "dt",
        "figcaption",
        "figure",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "hr",
        "li",
        "main",
        "ol",
        "p",
        "pre",
        "section",
        "table",
        "td",
        "th",
        "tr",
        "ul",
        *_FURNITURE,
    }
)
#: Runs of HTML whitespace; an ideographic space (U+3000) is text, not layout, and stays.
_SPACES = re.compile(r"[ \t\n\r\f\v]+")
_CJK = r"\u2e80-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef"
#: A line break the source's wrapping put between two Chinese characters: not a word gap
#: (a browser shows it as a space, which in Chinese reads as a pause).
_WRAP_BREAK = re.compile(rf"(?<=[{_CJK}])[ \t\r\f\v]*\n[ \t\n\r\f\v]*(?=[{_CJK}])")


@dataclass(frozen=True, slots=True)
class HtmlText:
    """The readable text of a page and its title (empty when the page has none)."""

    text: str
    title: str


def looks_like_html(data: bytes) -> bool:
    """Whether bytes (from a pipe or a file without a telling suffix) are an HTML document."""
    head = data[: _PRESCAN * 4].removeprefix(codecs.BOM_UTF8)
    return _HTML_START.match(head) is not None


def declared_charset(data: bytes) -> str | None:
    """The encoding a page names for itself (``<meta charset>``, ``http-equiv``, or an XML
    declaration), as the codec a browser would use for it; ``None`` when it names none or
    one Python does not know."""
    head = data[:_PRESCAN]
    match = _XML_ENCODING.match(head) or _META_CHARSET.search(head)
    if match is None:
        return None
    name = match.group(1).decode("ascii", "replace").lower()
    name = _SUPERSETS.get(name, name)
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def decode_html(data: bytes, source: str, encoding: str | None = None) -> Loaded:
    """Decode a page: the user's encoding, else a byte-order mark, else the page's declared
    charset, else detection. A declaration the bytes contradict (pages often say gb2312 and
    hold UTF-8) is not believed, since detection reads it right."""
    if encoding is not None or data.startswith(
        (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
    ):
        return decode(data, encoding=encoding, source=source)
    declared = declared_charset(data)
    if declared is not None and declared not in ("utf-16", "utf-16-le", "utf-16-be"):
        try:
            return decode(data, encoding=declared, source=source)
        except ZhreadError:
            pass  # the declaration is wrong: fall through to detection
    return decode(data, source=source)


def load_html(data: bytes, source: str, encoding: str | None = None) -> Loaded:
    """A web page's article as a :class:`Loaded`, its title on the first line."""
    loaded = decode_html(data, source, encoding)
    page = extract(loaded.text)
    if not page.text.strip():
        raise ZhreadError("no readable text found in this HTML page", source)
    return Loaded(with_title(page.text, page.title), loaded.encoding, source, page.title or None)


def with_title(text: str, title: str) -> str:
    """The text with its title as the first line, unless it already starts with it (an
    article's own heading usually repeats the page title)."""
    first = next((line.strip() for line in text.splitlines() if line.strip()), "")
    if not title or (first and title.startswith(first)):
        return text
    return f"{title}\n{text}"


def extract(markup: str) -> HtmlText:
    """The article of a page: trafilatura's extraction, or every body block if it finds none."""
    tree = parse(markup)
    if tree is None:
        return HtmlText("", "")
    page = _trafilatura(_without_furniture(copy.deepcopy(tree)))
    if page is not None and page.text.strip():
        return page
    title = fold_spaces(tree.findtext(".//title") or "")
    return HtmlText(block_text(tree, drop_furniture=True), title)


def parse(markup: str) -> Any:
    """An lxml HTML tree of decoded markup, or ``None`` when there is nothing to parse.

    The markup goes in as UTF-8 bytes with the encoding stated: lxml refuses a ``str`` that
    still carries an XML declaration naming its (former) encoding, as XHTML does.
    """
    from lxml import etree, html

    try:
        return html.document_fromstring(
            markup.encode("utf-8", "surrogatepass"), parser=html.HTMLParser(encoding="utf-8")
        )
    except (etree.ParserError, ValueError, UnicodeError):
        return None


def _without_furniture(tree: Any) -> Any:
    """The page less its navigation, sidebars and footers, which HTML5 pages mark as such.

    trafilatura finds these by itself on a full page, but on a short one it may keep
    everything; a page header is kept inside an article, where it holds the headline.
    """
    for element in list(tree.iter(*_FURNITURE)):
        if _tag(element) == "header" and any(
            _tag(parent) in ("article", "main") for parent in element.iterancestors()
        ):
            continue
        parent = element.getparent()
        if parent is not None:
            element.drop_tree()
    return tree


def _trafilatura(tree: Any) -> HtmlText | None:
    """trafilatura on an already parsed tree (it would otherwise parse the page again)."""
    import trafilatura

    _quiet()
    try:
        result = trafilatura.bare_extraction(
            tree,
            include_comments=False,
            include_tables=True,
            favor_recall=True,
            with_metadata=True,
            deduplicate=False,
        )
    except Exception:  # noqa: BLE001 - a heuristic library must not take the reader down
        return None
    if result is None or isinstance(result, dict):  # a dict only when asked for one
        return None
    text = "\n".join(fold_spaces(line) for line in (result.text or "").splitlines())
    return HtmlText(text.strip("\n"), fold_spaces(result.title or ""))


def _quiet() -> None:
    """trafilatura and its helpers log their doubts as warnings; on a TUI that would be
    noise over the screen, and the fallback covers what they give up on."""
    for name in ("trafilatura", "htmldate", "courlan", "justext", "readability"):
        logging.getLogger(name).setLevel(logging.CRITICAL)


def block_text(root: Any, *, drop_furniture: bool = False) -> str:
    """Every text block under ``root`` (an lxml element) on a line of its own, whitespace
    folded the way a browser folds it, but without the spaces that only wrap Chinese."""
    lines: list[str] = []
    current: list[str] = []

    def flush() -> None:
        line = fold_spaces("".join(current))
        if line:
            lines.append(line)
        current.clear()

    def walk(element: Any) -> None:
        tag = _tag(element)
        if tag in _SKIP or (drop_furniture and tag in _FURNITURE) or tag == "#comment":
            return
        block = tag in _BLOCKS
        if block:
            flush()
        if tag == "img" and element.get("alt"):
            current.append(element.get("alt"))
        current.append(element.text or "")
        for child in element:
            walk(child)
            current.append(child.tail or "")
        if block:
            flush()

    walk(root)
    flush()
    return "\n".join(lines)


def _tag(element: Any) -> str:
    """The local tag name in lower case; comments and processing instructions are marked."""
    tag = getattr(element, "tag", "")
    if not isinstance(tag, str):
        return "#comment"
    return tag.rsplit("}", 1)[-1].lower()


def fold_spaces(text: str) -> str:
    """Whitespace folded to single spaces as a browser folds it, except that a line break
    between two Chinese characters is dropped; no space at the ends."""
    return _SPACES.sub(" ", _WRAP_BREAK.sub("", text)).strip()
