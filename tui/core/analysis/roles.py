"""A person's role as the text gives it: the title or apposition written against the name.

Chinese news writes who someone is right before the name, with no break: 美國國務卿蓬佩奧,
華為副董事長兼首席財務官孟晚舟, 前美國國務院外交官戴維·林. The role is read backwards from
the name, a word at a time, for as long as the words can make a noun phrase (nouns, names of
organisations and places, 兼 and 與 joining titles, an adjective), and stops at the verb, time
word, particle or punctuation that opens it (會晤, 上月, 的, 指). A role must end like a title
(官, 長, 員, 人, 師…), which keeps a name's neighbouring noun from passing for one. When the
words right before the name are not a title (…科技公司從事AI研究的盧茨·芬格), the
``、``-separated appositions before it are tried, nearest first.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Container, Sequence
from dataclasses import dataclass

from tui.core.model.chars import is_han

__all__ = ["TITLE_ENDINGS", "RoleSpans", "is_title", "role_after", "role_before"]

#: Last characters of a title or job (分析员, 外交官, 讲师, 记者, 合伙人, 总监, 国务卿, 裁判),
#: or of a kinship that stands for one before a name (儿子, 母亲, 丈夫).
TITLE_ENDINGS = frozenset(
    "员員官师師家者人长長监監管任授席表问問裁理士生委使统統督编編辑輯将將帅帥导導总總司事手匠工卿相召首判子亲親夫"
)
#: Words ending like a title that are not one (儘管 "although").
_NOT_TITLES = frozenset({"尽管", "儘管", "不管", "只管", "甚至于", "总之", "他人", "别人", "本人"})
#: Characters a role never runs across.
_STOPS = frozenset("，。；：！？「」『』“”‘’《》()（）【】[]\n,;:!?/、")
#: Tags of words that can stand in a title: nouns and names of every kind, adjectives and
#: distinguishing words (高级, 前任), Latin (AI), abbreviations and set phrases.
_NOUN_TAGS = ("n", "vn", "an", "a", "b", "j", "l", "eng", "ng")
#: Words that join two titles into one role (副董事长兼首席财务官, 安全与新兴技术中心).
_JOINERS = frozenset({"兼", "及", "与", "暨", "和"})
#: A former or acting office opens the role and keeps all of it: 前美國國務院外交官.
_FORMER = frozenset({"前", "原", "时任", "现任", "前任", "候任", "署理", "代理", "驻"})
#: Speech and meeting verbs the tagger may call nouns (指/n): never part of a role.
_VERBS = frozenset({"指", "称", "说", "表示", "会晤", "会见", "接受", "对", "向", "与会"})
#: Words before a title that belong to the sentence (其首席执行官).
_LEADS = "其该此这那 \u3000"
#: Longer than this, a run is a clause that happens to end in a title.
MAX_ROLE = 40

_Word = tuple[int, int, str]


@dataclass(frozen=True, slots=True)
class RoleSpans:
    """What the text names around a role: where people's names start (a role stops at
    another person, except as the head of an administration: 前特朗普政府官員), and where
    each organisation or place named ends, with where it starts (a role takes its employer
    whole, however the tagger cut it: 晶/曜/半导体董事长)."""

    people: Container[int]
    named: dict[int, int]


def role_before(
    text: str, shadow: str, words: Sequence[_Word], start: int, spans: RoleSpans
) -> str | None:
    """The role written right before the name at ``start``, or in an apposition before it.

    ``words`` are the tagger's ``(start, end, tag)`` on the Simplified ``shadow``, in order."""
    clause = start
    while clause > 0 and text[clause - 1] not in _STOPS - {"、"}:
        clause -= 1
    ends = [start] + [i for i in range(start - 1, clause - 1, -1) if text[i] == "、"]
    for end in ends:
        role = _noun_phrase(text, shadow, words, end, spans)
        if role:
            return role
    return None


def role_after(text: str, shadow: str, words: Sequence[_Word], end: int) -> str | None:
    """A title written after the name, as mainland copy often does (周恩来总理在北京): a
    title word right after it, and then no more of the noun phrase."""
    index = bisect_left(words, (end, -1, ""))
    if index >= len(words) or words[index][0] != end:
        return None
    start, stop, tag = words[index]
    title = text[start:stop]
    following = words[index + 1][2] if index + 1 < len(words) else "x"
    if not is_title(title) or following.startswith(("n", "vn")) or len(title) > 3:
        return None
    return title if tag.startswith("n") else None


def _noun_phrase(
    text: str, shadow: str, words: Sequence[_Word], end: int, spans: RoleSpans
) -> str | None:
    index = bisect_left(words, (end, -1, "")) - 1
    begin = end
    after: str | None = None  # the word kept just after the one being read
    while index >= 0:
        start, stop, tag = words[index]
        word = shadow[start : min(stop, end)]
        if text[start : min(stop, end)] in _CLOSING and after is not None:
            begin = _quoted_name(text, start, begin)  # 「臺灣日本關係協會」秘書長
            break
        if any(ch in _STOPS for ch in text[start : min(stop, end)]) or word in _VERBS:
            break
        if word in _FORMER:
            begin = _place_before(words, index, spans)
            break
        named = spans.named.get(min(stop, end))
        if named is not None and named < start + 1 and named not in spans.people:
            begin, after = named, shadow[named : min(stop, end)]
            index = bisect_left(words, (named, -1, "")) - 1
            continue  # an organisation or place, whole: 鼎衡证券 / 半导体行业首席分析师
        if not _belongs(word, tag, after, start in spans.people):
            break
        begin, after = start, word
        index -= 1
    while begin < end and (text[begin] in _LEADS or shadow[begin] in _JOINERS):
        begin += 1
    role = text[begin:end].strip()
    return role if is_title(role) and len(role) <= MAX_ROLE else None


#: Closing marks of a name quoted in a title: 「臺灣日本關係協會」秘書長.
_CLOSING = frozenset("」』》")
_OPENING = {"」": "「", "』": "『", "》": "《"}


def _quoted_name(text: str, close: int, begin: int) -> int:
    """Where a role starts that opens with a quoted name: at its opening mark, when what is
    quoted is a name (short, no clause inside), else where it stood."""
    opening = text.rfind(_OPENING[text[close]], max(0, close - 24), close)
    inside = text[opening + 1 : close]
    if opening < 0 or not inside or any(ch in "，。；：！？,;:!?\n" for ch in inside):
        return begin
    return opening


def _place_before(words: Sequence[_Word], index: int, spans: RoleSpans) -> int:
    """Where a former office's role starts: at 前, or at the country before it
    (美国前副助理国务卿)."""
    start = words[index][0]
    return spans.named.get(start, start)


def _belongs(word: str, tag: str, after: str | None, is_person: bool) -> bool:
    """Whether ``word`` can stand in a title before ``after``: a verb only as the first half
    of a job (访问讲师, 执行董事), a person only as an administration (特朗普政府)."""
    if is_person:
        return after == "政府"
    if word in _JOINERS:
        return after is not None
    if tag.startswith(_NOUN_TAGS) or (tag == "x" and all(map(is_han, word))):
        return True  # untagged Han words are the glossary's terms, nouns all
    if after is None and is_title(word) and len(word) >= 2:
        return True  # a title next to the name, whatever the tagger made of it (署长/v)
    return tag.startswith("v") and after is not None and len(after) <= 2 and is_title(after)


def is_title(title: str) -> bool:
    if len(title) < 2 or title in _NOT_TITLES:
        return False
    last = title[-1]
    return last in TITLE_ENDINGS or (last.isascii() and last.isupper() and title.isascii())
