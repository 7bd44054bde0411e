"""Names the tagger misses or cuts wrong, found the way a reader finds them.

jieba's tagger knows the names in its dictionary and guesses others from two characters
(韋德/寧, 官孟/晚/舟); most people in a day's news are in no dictionary. A reader knows a
Chinese name by its shape and its place: a family name, one or two more characters, and a
title before it or a speech verb or punctuation after it (財政司司長陳大文表示, 林宛臻指). An
institution ends in what it is (有限公司, 研究所, 委員會, 署) after the words that name it;
a newspaper is a title in 《》 that ends like one (日報, 週刊) or is cited (據《…》報道).

Every finder works on the Simplified shadow, so one set of words serves both scripts, and
yields ``(start, end, kind)``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterator

from tui.core.analysis.roles import is_title
from tui.core.model.chars import is_han

__all__ = [
    "MEDIA_ENDINGS",
    "latin_organisations",
    "media_titles",
    "split_titles",
    "suffixed_names",
    "surname_names",
]

_Found = tuple[int, int, str]

#: Speech and action verbs a name is followed by in news copy (Simplified, as on the shadow).
_AFTER = re.compile(
    "说|表示|指出|指|称|强调|透露|回应|坦言|直言|认为|批评|警告|写道|提到|承认|呼吁|解释|"
    "补充|重申|坦承|宣布|告诉|接受|回答|质疑|预计|估计|相信|形容|建议|坚称|声称|透露|"
    "先生|女士|博士|教授|医生|律师|则|也|亦|曾|早前|日前|昨|今|对|向|与|在"
)
#: Characters a given name does not hold: grammar, and verbs that follow names.
_NOT_GIVEN = frozenset(
    "的了在是说表指称和与对也都就将会已被把向从为等及其这那之而于以或并则亦曾个们年月日"
    "时后前上下中内外里不没很更最再又还只该此每各某一"
)
#: Punctuation a name stands before.
_PUNCT_AFTER = frozenset("，。、：；！？（(「『“”」』）),.:;!? \n")


def surname_names(
    shadow: str,
    surnames: Collection[str],
    claimed: Callable[[int, int], bool],
    knowing: tuple[Callable[[str], bool], Callable[[str], bool], Callable[[str], bool]],
    vouched: tuple[Callable[[int], bool], Callable[[int], bool]],
    verb_at: Callable[[int], bool],
) -> Iterator[_Found]:
    """Chinese personal names: a family name (one character or two, 欧阳), then one or two
    characters, and a verb (``verb_at``) or punctuation right after. Something must vouch
    for the name at its start, unless the dictionary knows the whole name: ``vouched`` is
    the tagger or a title taking it for a name's start, and the title alone (``titled``)
    lets a name begin with a word (副主席麦子聪). ``knowing`` says a word is a dictionary
    word that is not a name (周一, 高新, 元朗), that the dictionary knows a person by it
    (韩国瑜, which reads as 韩国 and a character), and that it is an ordinary word, not a
    name of any kind (预算, not 德宁)."""
    initials = frozenset(surname[0] for surname in surnames)
    index = 0
    while index < len(shadow):
        if shadow[index] not in initials:
            index += 1
            continue  # most characters open no family name
        found = _name_at(shadow, index, surnames, knowing, (*vouched, verb_at))
        if found is not None and not claimed(found[0], found[1]):
            yield found
            index = found[1]
        else:
            index += 1


def _name_at(
    shadow: str,
    index: int,
    surnames: Collection[str],
    knowing: tuple[Callable[[str], bool], Callable[[str], bool], Callable[[str], bool]],
    cues: tuple[Callable[[int], bool], Callable[[int], bool], Callable[[int], bool]],
) -> _Found | None:
    known, known_person, ordinary = knowing
    vouched, titled, verb_at = cues
    for family in (2, 1):
        if shadow[index : index + family] not in surnames:
            continue
        for given in (2, 1):
            end = index + family + given
            name = shadow[index:end]
            if len(name) != family + given or not all(map(is_han, name)):
                continue
            if any(ch in _NOT_GIVEN for ch in name[family:]) or known(name):
                continue
            if any(_AFTER.match(shadow, at) for at in range(index + family, end)):
                continue  # 欧阳/认为: a verb where the given name would be
            words = ordinary(name[family:]) or (family == 1 and known(name[:2]))
            if given == 2 and words and not (titled(index) or known_person(name)):
                continue  # 连/预算, 元朗/两: words, unless a title vouches for them (主席麦子聪)
            sure = known_person(name) or family == 2 or vouched(index)  # 欧阳 vouches itself
            if _cue_after(shadow, end, verb_at) and sure:
                return index, end, "person"
    return None


def _cue_after(shadow: str, end: int, verb_at: Callable[[int], bool]) -> bool:
    return (
        end >= len(shadow)
        or verb_at(end)
        or shadow[end] in _PUNCT_AFTER
        or shadow[end] in _NOT_GIVEN
        or _AFTER.match(shadow, end) is not None
    )


#: Last words of an institution's name (Simplified), longest first where one holds another.
ORGANISATION_SUFFIXES = (
    "股份有限公司", "有限公司", "公司", "集团", "控股", "证券", "银行", "保险", "基金会",
    "研究院", "研究所", "研究中心", "中心", "学院", "大学", "中学", "小学", "医院", "委员会",
    "协会", "学会", "商会", "联会", "工会", "总会", "联合会", "关注组", "联盟", "党团", "党",
    "研究会", "促进会", "联谊会", "公会", "合作社", "航空",
    "法院", "法庭", "检察院", "议会", "国会", "政府", "事务所", "办公室", "办事处",
    "署", "局", "部", "处", "厅", "院", "所", "社", "台",
    "图书馆", "博物馆", "美术馆", "纪念馆", "科学馆",
)  # fmt: skip
#: The last characters of the suffixes.
_SUFFIX_ENDS = frozenset(suffix[-1] for suffix in ORGANISATION_SUFFIXES)
#: Suffixes of more than one character: a word ending in one is an institution itself
#: (高等法院 in 高等法院原讼法庭).
_LONG_SUFFIXES = tuple(suffix for suffix in ORGANISATION_SUFFIXES if len(suffix) > 1)
#: Latin names of firms and institutions, by their last word (Harbourline Capital).
_LATIN_ORGANISATION = re.compile(
    r"(?<![A-Za-z])(?:[A-Z][A-Za-z&'.-]*\s){1,4}(?:Capital|Partners|Realty|Holdings|Group|Inc|Ltd|Limited|"
    r"Bank|Securities|Technologies|Technology|Labs|Corporation|Corp|Fund|Ventures|Investments|"
    r"Associates|Advisors|Advisers|Management|Consulting|Institute|University|Foundation)"
    r"(?![A-Za-z])"
)


def latin_organisations(text: str) -> Iterator[_Found]:
    """Firms written only in Latin letters; not the English a text gives a Chinese name in
    brackets (九龙明珠控股（Kowloon Pearl Holdings）), which is that name's English."""
    for match in _LATIN_ORGANISATION.finditer(text):
        before = text[: match.start()].rstrip()
        if before.endswith(("(", "（")) and is_han(before[:-1].rstrip()[-1:] or "a"):
            continue
        yield match.start(), match.end(), "organisation"


#: Titles in 《》 that name a newspaper, magazine, channel or agency rather than a work.
MEDIA_ENDINGS = (
    "报", "日报", "晚报", "时报", "晨报", "周报", "周刊", "月刊", "杂志", "新闻", "电视台",
    "电台", "通讯社", "社", "观察", "晨讯", "快讯", "传媒", "网",
)  # fmt: skip
#: Words right after a title in 《》 that make it the outlet speaking (据《X》报道, 《X》社评).
_CITED = re.compile("报道|报导|社评|社论|评论员|引述|援引|指|称|报|披露|发表")


def media_titles(shadow: str) -> Iterator[_Found]:
    """《X》 where X is an outlet: its name ends like one, or the text cites it."""
    for match in re.finditer("《([^《》\n]{2,20})》", shadow):
        title = match.group(1)
        if title.endswith(MEDIA_ENDINGS) or _CITED.match(shadow, match.end()):
            yield match.start(1), match.end(1), "organisation"


def suffixed_names(
    shadow: str,
    words: list[tuple[int, int, str]],
    is_name: Callable[[int, int], bool],
    is_word: Callable[[str], bool],
) -> Iterator[_Found]:
    """Institutions named by their last word: 房屋局, 合肥晶曜半导体有限公司, 民进党团.

    The name runs back from the suffix over nouns and names, and once it holds a name (of
    a place or person, or a word no dictionary knows: 鼎衡证券) only over more names: the
    common noun before them is an apposition (美国智库/太平洋技术政策中心). It counts when
    it holds a name, or is a government office named by what it does (房屋局, 惩教署), never
    a bare generic (上市公司, 研究中心) nor a word that only ends like one (破局, 邮局)."""
    for index, (_, end, _) in enumerate(words):
        if shadow[end - 1] not in _SUFFIX_ENDS:
            continue  # most words: asked once, not of every suffix
        suffix = next((s for s in ORGANISATION_SUFFIXES if shadow.endswith(s, 0, end)), None)
        if suffix is None:
            continue
        first = index
        while first > 0 and words[first][0] > end - len(suffix):
            first -= 1
        head_start, head_end, head_tag = words[first]
        inside = head_start < end - len(suffix)
        if len(suffix) == 1 and not inside and not head_tag.startswith(("n", "j", "x")):
            continue  # 中国/所/做: a particle, not an institute
        head = shadow[head_start:head_end]
        if inside and not head_tag.startswith("nt") and len(suffix) == 1:
            continue  # 破局, 邮局: a word of its own that ends like an institution
        # 晋南/师范学院: a generic head (师范学院, 上市公司) needs a name before it
        generic_head = inside and not head_tag.startswith("nt") and is_word(head)
        suffix_start = head_start if generic_head else end - len(suffix)
        begin, named = _named_run(shadow, words, (first, suffix_start), is_name)
        office = suffix in _BODIES and end - begin >= len(suffix) + 2
        if generic_head and not named:
            continue
        if end - begin > len(suffix) and (named or office) and not is_word(shadow[begin:end]):
            yield begin, _parent_end(shadow, begin, end), "organisation"


def _parent_end(shadow: str, begin: int, end: int) -> int:
    """A university's school is named as the university (厦门大学能源学院 is 厦门大学)."""
    at = shadow.find("大学", begin, end)
    return at + 2 if at >= 0 and at + 2 < end else end


#: Suffixes of bodies named by what they do, with no name in them: offices (房屋局,
#: 海巡署), committees and groups (房屋委员会, 基层住屋权益关注组), courts.
_BODIES = frozenset(
    (*"局署部处厅", "委员会", "关注组", "协会", "联会", "学会", "商会", "工会", "总会",
     "联合会", "基金会", "研究所", "研究院", "党团", "法院", "法庭")
)  # fmt: skip


def _named_run(
    shadow: str,
    words: list[tuple[int, int, str]],
    suffix: tuple[int, int],
    is_name: Callable[[int, int], bool],
) -> tuple[int, bool]:
    """Where an institution's name begins, running back from the word that holds its
    suffix (``suffix``: that word's index, and where the suffix starts), and whether it
    holds a name."""
    last, suffix_start = suffix
    begin = words[last][0]
    named = begin < suffix_start and is_name(begin, suffix_start)
    back = last - 1
    while back >= 0 and _in_name(shadow, words[back], is_name):
        word_named = is_name(words[back][0], words[back][1])
        nested = shadow[words[back][0] : words[back][1]].endswith(_LONG_SUFFIXES)
        if named and not (word_named or nested or words[back][2].startswith("b")):
            break  # 美国智库/太平洋技术政策中心: a common noun before the name is apposition
        begin, named = words[back][0], named or word_named
        back -= 1
    return begin, named


#: Tags of words that are never part of an institution's name: grammar, numbers, time.
_NOT_IN_NAMES = ("u", "p", "c", "d", "r", "m", "q", "f", "t", "y", "e", "o", "w", "x")


def _in_name(shadow: str, word: tuple[int, int, str], is_name: Callable[[int, int], bool]) -> bool:
    """Whether a word can stand in an institution's name: any noun or name, even one the
    tagger took for a person (晶/nr in 合肥晶曜半导体), a glossary term, and a verb only
    where it is a word no dictionary knows (鼎衡/v, 惩教/v)."""
    start, end, tag = word
    if not all(map(is_han, shadow[start:end])):
        return False
    if tag == "x":
        return True  # a glossary term
    if tag.startswith("v") and not tag.startswith("vn"):
        return is_name(start, end)
    if tag.startswith("m") and end - start == 1:
        return shadow[start] not in _NUMERALS  # 莫纳/许/m 大学: a name's character, not a number
    return not tag.startswith(_NOT_IN_NAMES)


#: Characters that are numbers whatever they stand in.
_NUMERALS = frozenset("一二三四五六七八九十百千万亿两几多少半数每第零〇")


def split_titles(shadow: str, words: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """The tagger's words with an institution cut from the title it heads (外交部长 →
    外交部 / 长, 渔业协会会长 → 协会 / 会长): the text names the institution there too."""
    split: list[tuple[int, int, str]] = []
    for start, end, tag in words:
        cut = _title_cut(shadow[start:end]) if tag.startswith("n") and end - start >= 3 else 0
        if cut:
            split += [(start, start + cut, tag), (start + cut, end, "n")]
        else:
            split.append((start, end, tag))
    return split


def _title_cut(word: str) -> int:
    for cut in range(2, len(word)):
        head, title = word[:cut], word[cut:]
        if head.endswith(ORGANISATION_SUFFIXES) and (title in ("长", "長") or is_title(title)):
            return cut
    return 0
