"""Names written with middle dots (漢娜·多門), the way Chinese writes a foreign person's
name, and the surnames that stand for them later in the text (多門)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator

from tui.core.analysis.mentions import PERSON, PHRASE_TAGS, Mention, all_han
from tui.core.analysis.roles import TITLE_ENDINGS
from tui.core.analysis.transliteration import TRANSLITERATION
from tui.core.model.chars import NAME_DOTS, is_han

__all__ = ["dotted_names", "surnames"]


def dotted_names(
    shadow: str, words: list[tuple[int, int, str]], common: Callable[[str], bool]
) -> Iterator[Mention]:
    """Han words joined by middle dots (汉娜·多门): the way Chinese writes a foreign person's
    name. Built from the tagger's words, whose edges are better than the segmenter's here
    (it keeps 林 apart from the 在 after it)."""
    index = 0
    while index < len(words):
        end = index
        while (
            end + 2 < len(words)
            and shadow[words[end + 1][0] : words[end + 1][1]] in NAME_DOTS
            and _is_han_word(shadow, words[end])
            and _is_han_word(shadow, words[end + 2])
        ):
            end += 2
        if end > index:
            first = _spelt_before(shadow, words, index, common)
            start, stop = words[first][0], _name_end(shadow, words, end, common)
            yield Mention(start, stop, f"name:{_dots_unified(shadow[start:stop])}", PERSON)
        index = end + 1


def _spelt(shadow: str, word: tuple[int, int, str], common: Callable[[str], bool]) -> bool:
    """Whether a word next to a dotted name is more of it: spelt in transliteration's
    characters and no common word (蒂奇 after 彼得·基罗, not 日前)."""
    text = shadow[word[0] : word[1]]
    if word[2] == "nrt":
        return True  # jieba's own tag for a transliterated name
    return all(ch in TRANSLITERATION for ch in text) and not common(text)


#: Characters that end a title or carry grammar: never the start of a foreign given name.
_NOT_IN_NAME_CHARS = TITLE_ENDINGS | frozenset(
    "的了在是说表指称和与对也都就将会已被把向从为等及其这那之而于以或并则亦曾由请让给跟同"
)
#: The longest first part of a dotted name, in characters (克里斯蒂亚诺 is six).
_LONGEST_FIRST_NAME = 6


def _spelt_before(
    shadow: str, words: list[tuple[int, int, str]], index: int, common: Callable[[str], bool]
) -> int:
    """The first word of a dotted name: 安德烈亚 before 斯·霍夫曼, 露/琪 before 亚·费拉里,
    when the tagger cut there. Single characters count unless they are grammar or end a
    title (学者露琪亚: 者 ends the title); longer words must be spelt like a name."""
    first = index
    while first > 0 and words[first - 1][1] == words[first][0]:
        start, end, _ = words[first - 1]
        text = shadow[start:end]
        single = end - start == 1 and is_han(text) and text not in _NOT_IN_NAME_CHARS
        if not (_spelt(shadow, words[first - 1], common) or single):
            break
        if words[index][1] - start > _LONGEST_FIRST_NAME:
            break
        first -= 1
    return first


def _name_end(
    shadow: str, words: list[tuple[int, int, str]], last: int, common: Callable[[str], bool]
) -> int:
    """Where a dotted name ends: its last word, and the next character too when the tagger
    left a one-character surname and a lone character after it that is no particle or
    preposition (多/门: 门 belongs to the name; 林/在: 在 does not)."""
    start, end, _ = words[last]
    if end - start == 1 and last + 1 < len(words):
        after_start, after_end, tag = words[last + 1]
        if (
            after_end - after_start == 1
            and _is_han_word(shadow, words[last + 1])
            and not tag.startswith(PHRASE_TAGS)
        ):
            return after_end
    while (
        last + 1 < len(words)
        and words[last + 1][0] == end
        and _spelt(shadow, words[last + 1], common)
    ):
        last += 1
        end = words[last][1]
    return end


def _is_han_word(shadow: str, word: tuple[int, int, str]) -> bool:
    return all_han(shadow[word[0] : word[1]])


def _dots_unified(name: str) -> str:
    return "·".join(_split_dotted(name))


def _is_dotted(word: str) -> bool:
    parts = _split_dotted(word)
    return len(parts) >= 2 and all(parts) and all(is_han(ch) for part in parts for ch in part)


def _split_dotted(word: str) -> list[str]:
    for dot in NAME_DOTS:
        word = word.replace(dot, "·")
    return word.split("·")


def surnames(shadow: str, dotted: list[Mention]) -> Iterator[Mention]:
    """After 克里夫·西姆斯, a bare 西姆斯 is the same person (when no other name ends so).
    Found by plain search: the segmenter often glues a foreign surname to its neighbour."""
    by_surname: dict[str, set[str]] = defaultdict(set)
    for mention in dotted:
        surname = _split_dotted(shadow[mention.start : mention.end])[-1]
        if len(surname) >= 2:
            by_surname[surname].add(mention.key)
    for surname, keys in by_surname.items():
        if len(keys) != 1:
            continue
        key = next(iter(keys))
        at = shadow.find(surname)
        while at >= 0:
            yield Mention(at, at + len(surname), key, PERSON)
            at = shadow.find(surname, at + len(surname))
