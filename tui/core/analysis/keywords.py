"""What a document is about: its words ranked by TF-IDF.

Term frequency comes from the document's own words (in Simplified, so both scripts count
together); inverse document frequency from the table jieba ships for its own keyword
extraction, so a word common everywhere (发展, 问题) ranks below one this text keeps coming
back to (蒸馏). Glossary terms are favoured: someone chose them as worth knowing.

Grammar is no keyword: a Chinese word is left out by its class in jieba's dictionary
(adverbs, pronouns, numerals with classifiers, …), which no list of examples can keep up
with; an English one by a short list of function words; and the page around the story
(captions, credits, copyright lines) is not read at all.
"""

from __future__ import annotations

import re
import statistics
from collections import defaultdict
from collections.abc import Collection
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from tui.core.analysis.boilerplate import is_boilerplate, lead_in
from tui.core.model.chars import NAME_DOTS, Kind, is_han
from tui.core.model.document import Document, Token

if TYPE_CHECKING:
    from tui.core.glossary.entries import Glossary

__all__ = ["GLOSSARY_BOOST", "Keyword", "keywords"]

#: How much more a glossary term weighs than another word of the same TF-IDF.
GLOSSARY_BOOST = 1.5

#: jieba's dictionary tags for words that carry grammar, not subject matter, by first letter:
#: conjunctions, adverbs, interjections, numerals (一位, 两家), onomatopoeia, prepositions,
#: classifiers, pronouns (这位, 该), auxiliaries and modal particles. IDF alone leaves many
#: of these high, because jieba's table was built on documents where they are rare.
FUNCTION_TAGS = frozenset("cdemopqruy")

#: Words jieba's dictionary files under one of those classes but news uses as subjects.
NOT_FUNCTION = frozenset(
    "反对 立法 首都 首相 进步 更新 高速 真相 比分 互动 同步 暂停 进度 难度 终点 相机 大连 约旦 "
    "首尔 美方 美元 英镑 马里 少年 两会 十四五 一线 二手 多边 本土".split()
)

#: Grammar the tags miss (Simplified): time words, verbs of saying, the page's own words.
STOP_WORDS = frozenset(
    "正在 目前 今年 去年 明年 本月 日前 近日 近期 此前 当天 当时 现在 如今 今天 昨天 明天 "
    "表示 认为 指出 强调 透露 称 据悉 据报道 报道 进行 成为 使用 包括 相关 有关 上述 所谓 "
    "所有 整个 没有 可能 是否 也是 例如 比如 这一 方面 问题 情况 时候 起来 出来 之后 以来 目标 "
    "授权 不得 转载 独家 稿件 系".split()
)

#: Characters a numeral-and-classifier phrase is made of before its classifier (一位, 这名,
#: 另一名, 数十人) ...
NUMERALS = frozenset("一二三四五六七八九十百千万亿零两几数多半每各这那该此某首另第")
#: ... and classifiers that end one: phrases the dictionary does not list all of.
CLASSIFIERS = frozenset("个位名家款种件条项起次场批台辆架艘座所间份篇则群人股套类部届轮只张段片层")

#: English function words, for the English a Chinese text quotes or names (lower case).
LATIN_STOP_WORDS = frozenset(
    """a an the and or but nor so yet if then else than as of at by for from in into on onto
    to with within without about above below over under between among through during before
    after since until upon via per against across along around off out up down again once
    i me my mine we us our ours you your yours he him his she her hers it its they them their
    theirs this that these those there here who whom whose which what when where why how
    is am are was were be been being do does did done have has had having will would shall
    should can could may might must not no yes very too also just only even still already
    more most less least much many some any all each every both either neither other another
    such same own ever never now said says say etc vs don doesn didn isn aren wasn weren
    hasn haven hadn won wouldn couldn shouldn ll ve re""".split()
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
    So are the words of captions, credits and copyright lines: the page's, not the story's.
    """
    groups: dict[str, list[Token]] = defaultdict(list)
    skipped = frozenset(skip) | _boilerplate_starts(document)
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


def _boilerplate_starts(document: Document) -> frozenset[int]:
    """Where the tokens of the document's captions, credits and copyright lines start, and
    those of a byline ahead of a story (the outlet and reporter of a wire story's lede)."""
    text, simplified = document.text, document.shadow or None
    starts: set[int] = set()
    for paragraph in document.paragraphs:
        span = slice(paragraph.start, paragraph.end)
        line, simple = text[span], simplified[span] if simplified else None
        whole = is_boilerplate(line, simple)
        end = paragraph.end if whole else paragraph.start + lead_in(line, simple)
        if end > paragraph.start:
            tokens = document.paragraph_tokens(paragraph)
            starts.update(t.start for t in tokens if t.start < end)
    return frozenset(starts)


def _as_name(word: str) -> tuple[bool, int]:
    """The Chinese spelling of a term before its Latin alias, the full one before a short."""
    return any(is_han(ch) for ch in word), len(word)


def _key(document: Document, token: Token) -> str | None:
    """What the token is counted as, or None when it is no keyword (particles, numbers,
    punctuation, single characters, stop words)."""
    if token.term is not None:
        return f"term:{token.term}"
    if token.kind is Kind.LATIN:
        return _latin_key(token.text)
    if token.kind is not Kind.HAN:
        return None
    word = document.shadow[token.start : token.end] if document.shadow else token.text
    if len(word) < 2 or word in STOP_WORDS or not _han_or_dots(word) or _grammar(word):
        return None
    return word


def _latin_key(text: str) -> str | None:
    """A Latin word, unless it is a letter, a number or an English function word; an
    acronym spelt like one (US, IT) is kept."""
    if len(text) < 2 or not any(ch.isalpha() for ch in text):
        return None
    key = text.casefold()
    return key if key not in LATIN_STOP_WORDS or text.isupper() else None


def _grammar(word: str) -> bool:
    """Whether jieba's dictionary files the word under a function class, or it is a
    numeral or demonstrative with a classifier (这名, 两人) that the dictionary lacks."""
    if word in NOT_FUNCTION:
        return False
    if word[-1] in CLASSIFIERS and all(ch in NUMERALS for ch in word[:-1]):
        return True
    return word in _function_words()


@lru_cache(maxsize=1 << 16)
def _han_or_dots(word: str) -> bool:
    """Asked of every word of a long text, which repeats most of them."""
    return all(is_han(ch) or ch in NAME_DOTS for ch in word)


@lru_cache(maxsize=1)
def _function_words() -> frozenset[str]:
    """The words of jieba's dictionary tagged with one of :data:`FUNCTION_TAGS` (some 17,000
    of its 350,000). Read once per process, in a tenth of a second."""
    from tui.core.readings.lexicons import jieba_dict_path

    try:
        text = jieba_dict_path().read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return frozenset()  # without the tags, the stop words alone keep grammar out
    tags = "".join(sorted(FUNCTION_TAGS))
    return frozenset(re.findall(rf"^(\S+) \d+ [{tags}][a-z]*\r?$", text, re.MULTILINE))


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
