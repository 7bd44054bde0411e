"""Markdown as the text a reader sees: headings, paragraphs and list items, no markup.

The syntax is parsed by markdown-it-py (CommonMark, plus tables and strikethrough) rather
than stripped with patterns: emphasis, links, images and code spans nest and escape in ways
only a parser gets right, and a stray ``*`` in a Chinese sentence must stay. Each block
becomes one line, as paragraphs are in a plain text file; link text stays and its URL goes;
an image leaves its alt text; code blocks are kept as they are written.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from tui.core.model.chars import is_han

if TYPE_CHECKING:
    from markdown_it.token import Token

__all__ = ["MARKDOWN_SUFFIXES", "markdown_text", "strip_front_matter"]

MARKDOWN_SUFFIXES = frozenset({".md", ".markdown", ".mdown", ".mkd", ".mkdn"})

#: Blocks whose text is kept as written, line by line.
_CODE = frozenset({"fence", "code_block"})
_CELLS = frozenset({"th_open", "td_open"})


def markdown_text(source: str) -> tuple[str, str | None]:
    """The readable text of a Markdown document and its first heading (its title, if any)."""
    from markdown_it import MarkdownIt

    parser = MarkdownIt("commonmark").enable(["table", "strikethrough"])
    tokens = parser.parse(strip_front_matter(source))
    lines: list[str] = []
    title: str | None = None
    prefix = ""  # a list item's marker, put before the item's first line
    row: list[str] | None = None  # the cells of the table row being read
    for index, token in enumerate(tokens):
        if token.type == "list_item_open":
            prefix = f"{token.info}. " if token.info else "- "
        elif token.type == "tr_open":
            row = []
        elif token.type == "tr_close" and row is not None:
            lines.append("  ".join(cell for cell in row if cell))
            row = None
        elif token.type == "inline":
            text = _inline(token.children or ())
            if row is not None and index and tokens[index - 1].type in _CELLS:
                row.append(text)
                continue
            if title is None and index and tokens[index - 1].type == "heading_open" and text:
                title = text
            if text:
                lines.append(prefix + text)
                prefix = ""
        elif token.type in _CODE:
            lines.extend(line for line in token.content.splitlines() if line.strip())
        elif token.type == "html_block":
            lines.extend(_html_lines(token.content))
    return "\n".join(line for line in lines if line.strip()), title


def strip_front_matter(source: str) -> str:
    """Drop a YAML front-matter block (``---`` ... ``---`` at the very top, as static-site
    generators write posts): it is metadata, and CommonMark would show it as a heading."""
    if not source.startswith("---\n"):
        return source
    end = source.find("\n---\n", 4)
    if end < 0:
        return source
    return source[end + len("\n---\n") :]


def _inline(children: Sequence[Token]) -> str:
    """An inline run's text: markers and URLs dropped, line breaks joined as Chinese is."""
    parts: list[str] = []
    for child in children:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type == "image":
            parts.append(_inline(child.children or ()))  # the alt text
        elif child.type == "softbreak":
            parts.append("\x00")  # decided below, once both neighbours are known
        elif child.type == "hardbreak":
            parts.append("\n")
    return _join_breaks("".join(parts)).strip()


def _join_breaks(text: str) -> str:
    """A wrapped line joins its neighbour with a space in English, with nothing in Chinese
    (a space between two hanzi would be read as a word gap)."""
    pieces = text.split("\x00")
    joined = pieces[0]
    for piece in pieces[1:]:
        left, right = joined.rstrip()[-1:], piece.lstrip()[:1]
        glue = "" if (left and is_han(left)) or (right and is_han(right)) else " "
        joined = joined.rstrip() + glue + piece.lstrip()
    return joined


def _html_lines(markup: str) -> list[str]:
    """Raw HTML inside Markdown (a centred heading, a details block): its text blocks."""
    from lxml import etree, html

    from tui.core.text.html_text import block_text

    try:
        fragment = html.fragment_fromstring(markup, create_parent="div")
    except (etree.ParserError, ValueError):
        return []
    return block_text(fragment).splitlines()
