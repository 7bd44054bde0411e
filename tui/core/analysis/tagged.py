"""Names from the glossary and from jieba's tags, and the checks a tagged name must pass:
jieba's dictionary has phrases and verbs among its names (努力实现/nr, 波及/ns) and titles
glued to a place (德国总理)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from tui.core.analysis.mentions import (
    NAME_TAGS,
    ORGANISATION,
    PERSON,
    PHRASE_TAGS,
    PLACE,
    Mention,
    Tagger,
)
from tui.core.analysis.roles import is_title
from tui.core.model.chars import is_han
from tui.core.model.document import Document

if TYPE_CHECKING:
    from tui.core.glossary.entries import Entry

__all__ = ["glossary_kind", "glossary_mentions", "tagger_mentions"]

#: One-character country abbreviations: 中美, 美中 name a relation, not a place.
_COUNTRY_ABBREVIATIONS = frozenset("中美俄日英法德欧韩朝印台港澳越")
#: Characters a personal name does not have inside it (权之争, 说了算).
_NOT_IN_NAMES = frozenset("之的地得了着过")
#: Endings of words that name an institution, for tags jieba leaves vague (nz).
_ORGANISATION_ENDINGS = (
    "大学",
    "学院",
    "公司",
    "集团",
    "银行",
    "委员会",
    "协会",
    "基金会",
    "研究所",
    "研究院",
    "中心",
    "政府",
    "国会",
    "议会",
    "部",
    "局",
    "署",
)


def glossary_kind(entry: Entry) -> str | None:
    """What a glossary entry names, if it is an entity at all.

    A media entry is an organisation when its English is a proper name (The Straits Times),
    not when it is a kind of thing (beat reporter) or a title (10 Breakthrough Technologies).
    """
    category = str(entry.category)
    if category in (PERSON, ORGANISATION, PLACE):
        return category
    if category == "media" and entry.en[:1].isupper():
        return ORGANISATION
    return None


def glossary_mentions(document: Document, entries: dict[str, Entry]) -> Iterator[Mention]:
    for token in document.tokens:
        entry = entries.get(token.term) if token.term else None
        kind = glossary_kind(entry) if entry is not None else None
        if kind is not None:
            yield Mention(token.start, token.end, f"id:{token.term}", kind)


def tagger_mentions(
    shadow: str, tags: list[tuple[int, int, str]], tagger: Tagger
) -> Iterator[Mention]:
    for start, end, tag in tags:
        word = shadow[start:end]
        kind = NAME_TAGS.get(tag)
        if kind is None and tag == "nz" and word.endswith(_ORGANISATION_ENDINGS):
            kind = ORGANISATION
        if kind is not None and _plausible(word, kind, tagger):
            yield Mention(start, end, f"name:{word}", kind)


def _plausible(word: str, kind: str, tagger: Tagger) -> bool:
    """Whether a word jieba tags as a name is one: its dictionary has phrases and verbs
    among its names (努力实现/nr, 冷启动/nr, 波及/ns)."""
    if len(word) < 2 or not all(is_han(ch) for ch in word):
        return False
    if len(word) == 2 and all(ch in _COUNTRY_ABBREVIATIONS for ch in word):
        return False
    if kind == PERSON and (
        any(ch in _NOT_IN_NAMES for ch in word[:-1])
        or word.endswith("籍")  # 越南籍: where someone is from
        or (len(word) > 3 and tagger.tag_of(word) is None)
        or _is_office(word, tagger)
    ):
        return False
    return not _is_phrase(word, tagger)


def _is_office(word: str, tagger: Tagger) -> bool:
    """A title the tagger took for a name: a word, then a title of two characters (德国总理,
    not 陈志明)."""
    head, title = word[:-2], word[-2:]
    return (
        len(head) >= 1
        and is_title(title)
        and (tagger.tag_of(title) or "").startswith("n")
        and not (tagger.tag_of(title) or "").startswith("nr")
        and tagger.frequency(head) > 0
    )


def _is_phrase(word: str, tagger: Tagger) -> bool:
    """Two dictionary words, neither a name, one of them a verb, adjective or particle, each
    far more common than the whole: then the whole is a phrase that slipped into the
    dictionary (中国 splits as 中/f 国/n too, but is itself common)."""
    whole = tagger.frequency(word)
    for cut in range(1, len(word)):
        parts = (word[:cut], word[cut:])
        tags = [tag for tag in map(tagger.tag_of, parts) if tag is not None]
        if len(tags) < len(parts) or any(tag.startswith(("nr", "ns", "nt", "nz")) for tag in tags):
            continue
        rarest = min(tagger.frequency(part) for part in parts)
        if any(tag.startswith(PHRASE_TAGS) for tag in tags) and whole * 5 < rarest:
            return True
    return False
