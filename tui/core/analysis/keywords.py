"""What a document is about: its words ranked by TF-IDF.

Term frequency comes from the document's own words (in Simplified, so both scripts count
together); inverse document frequency from the table jieba ships for its own keyword
extraction, so a word common everywhere (发展, 问题) ranks below one this text keeps coming
back to (蒸馏). Glossary terms are favoured: someone chose them as worth knowing.
"""

from __future__ import annotations

import statistics
from collections import defaultdict
from collections.abc import Collection
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from tui.core.model.chars import NAME_DOTS, Kind, is_han
from tui.core.model.document import Document, Token

if TYPE_CHECKING:
    from tui.core.glossary.entries import Glossary

__all__ = ["GLOSSARY_BOOST", "Keyword", "keywords"]

#: How much more a glossary term weighs than another word of the same TF-IDF.
GLOSSARY_BOOST = 1.5

#: Words that carry grammar, not subject matter (Simplified). IDF alone leaves some of these
#: high, because jieba's table was built on documents where they are rare.
STOP_WORDS = frozenset(
    "我们 你们 他们 她们 它们 自己 这个 那个 这些 那些 这种 那种 这样 那样 这一 一个 一种 "
    "一些 一方面 另一方面 没有 可以 可能 已经 因为 所以 但是 而且 并且 以及 或者 如果 虽然 "
    "尽管 通过 进行 表示 认为 指出 其中 之一 方面 如何 什么 为何 就是 也是 还是 只是 不是 "
    "目前 今年 去年 本月 日前 此外 同时 与此同时 对此 据报道 报道 来说 所谓 一样 非常 更多 "
    "不少 许多 本身 之后 以来 起来 出来 成为 使用 等等 其他 任何 一次 第一 一步 各种 为了 "
    "关于 对于 由于 随着 根据 以及 不过 然而 甚至 例如 比如 包括 目标 问题 方面 情况 时候 "
    "本文 未经 授权 不得 转载 独家 稿件 系".split()
)


@dataclass(frozen=True, slots=True)
class Keyword:
    """A word of the document, how much it matters to it, and where it is."""

    word: str  # as first written in the document
    english: str | None  # the glossary's gloss, for a glossary term
    score: float
    count: int
    occurrences: tuple[tuple[int, int], ...]


def keywords(
    document: Document,
    glossary: Glossary | None = None,
    limit: int = 20,
    skip: Collection[int] = (),
) -> list[Keyword]:
    """The ``limit`` highest-scoring words, best first (ties: first used first).

    Tokens starting at an offset in ``skip`` are left out: the skim report passes the
    people, who have a list of their own and would otherwise crowd out the subject matter.
    """
    groups: dict[str, list[Token]] = defaultdict(list)
    skipped = frozenset(skip)
    for token in document.tokens:
        key = None if token.start in skipped else _key(document, token)
        if key is not None:
            groups[key].append(token)
    total = sum(len(tokens) for tokens in groups.values()) or 1
    idf, median = _idf_table()
    ranked = []
    for key, tokens in groups.items():
        entry = glossary.entries.get(tokens[0].term) if glossary and tokens[0].term else None
        first = tokens[0]
        looked_up = document.shadow[first.start : first.end] or first.text
        weight = idf.get(looked_up if entry else key, median) * len(tokens) / total
        if entry is not None:
            weight *= GLOSSARY_BOOST
        spans = tuple((t.start, t.end) for t in tokens)
        word = max((t.text for t in tokens), key=_as_name) if entry else tokens[0].text
        ranked.append(
            Keyword(word, entry.en if entry else None, round(weight, 6), len(tokens), spans)
        )
    ranked.sort(key=lambda k: (-k.score, k.occurrences[0][0]))
    return ranked[:limit]


def _as_name(word: str) -> tuple[bool, int]:
    """The Chinese spelling of a term before its Latin alias, the full one before a short."""
    return any(is_han(ch) for ch in word), len(word)


def _key(document: Document, token: Token) -> str | None:
    """What the token is counted as, or None when it is no keyword (particles, numbers,
    punctuation, single characters, stop words)."""
    if token.term is not None:
        return f"term:{token.term}"
    if token.kind is Kind.LATIN:
        text = token.text
        return text.casefold() if len(text) >= 2 and any(ch.isalpha() for ch in text) else None
    if token.kind is not Kind.HAN:
        return None
    word = document.shadow[token.start : token.end] if document.shadow else token.text
    if len(word) < 2 or word in STOP_WORDS or not _han_or_dots(word):
        return None
    return word


@lru_cache(maxsize=1 << 16)
def _han_or_dots(word: str) -> bool:
    """Asked of every word of a long text, which repeats most of them."""
    return all(is_han(ch) or ch in NAME_DOTS for ch in word)


@lru_cache(maxsize=1)
def _idf_table() -> tuple[dict[str, float], float]:
    """jieba's IDF table (the one jieba.analyse uses) and its median, the IDF of a word it
    does not list. Read once per process: it is six megabytes."""
    import jieba

    path = Path(jieba.__file__).with_name("analyse") / "idf.txt"
    table: dict[str, float] = {}
    try:
        with path.open(encoding="utf-8") as handle:
            for line in handle:
                word, _, value = line.strip().partition(" ")
                try:
                    table[word] = float(value)
                except ValueError:
                    continue
    except OSError:
        return {}, 10.0  # without the table every word weighs by its frequency alone
    return table, statistics.median(table.values()) if table else 10.0
