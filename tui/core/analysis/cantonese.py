"""Hong Kong people's names in English, the way Hong Kong writes them (李家超 Lee Ka-chiu):
the Hong Kong Government's Cantonese romanisation, read from the characters' Jyutping.

The Government style is older than Jyutping and was never a strict system. Its spellings
still carry distinctions Cantonese has since lost (子 Tsz against 志 Chi, 成 Shing against
星 Sing); Mandarin kept them, so the Mandarin initial decides those. Family names keep
their fixed spellings (陳 Chan, 李 Lee, 吳 Ng) and come from a table.

Where two spellings are both common the commoner is given: 君 Kwan (not Kwun), 冠 Koon
(not Kwun), 葉 Yip (not Ip), 羅 Law (not Lo), 古 Koo (not Ku), 岑 and 沈 Shum (not Sham).
Spellings people chose for themselves (Li Ka-shing, Tung Chee-hwa) are beyond any table.
"""

from __future__ import annotations

import re
from functools import cache

from tui.core.model.chars import is_han
from tui.core.readings import pinyintables
from tui.core.scripts import convert

__all__ = ["COMPOUND_FAMILY_NAMES", "FAMILY_NAMES", "hong_kong_spelling", "syllable"]


def _pairs(table: str) -> dict[str, str]:
    words = table.split()
    return dict(zip(words[::2], words[1::2], strict=True))


#: Family names as Hong Kong spells them, in Traditional characters; the Simplified forms
#: are derived.
FAMILY_NAMES: dict[str, str] = _pairs(
    """
    陳 Chan 李 Lee 黃 Wong 王 Wong 汪 Wong 張 Cheung 蔣 Cheung 章 Cheung 梁 Leung 林 Lam
    藍 Lam 劉 Lau 柳 Lau 吳 Ng 伍 Ng 何 Ho 賀 Ho 鄭 Cheng 麥 Mak 郭 Kwok 蔡 Choi 曾 Tsang
    馬 Ma 羅 Law 周 Chow 鄒 Chow 謝 Tse 葉 Yip 許 Hui 蘇 So 朱 Chu 余 Yu 俞 Yu 于 Yu 區 Au
    歐 Au 鄧 Tang 滕 Tang 潘 Poon 袁 Yuen 阮 Yuen 元 Yuen 彭 Pang 譚 Tam 談 Tam 盧 Lo 魯 Lo
    勞 Lo 馮 Fung 丘 Yau 邱 Yau 游 Yau 尤 Yau 胡 Wu 施 Sze 史 Sze 石 Shek 莫 Mok 姚 Yiu 饒 Yiu
    關 Kwan 湯 Tong 唐 Tong 杜 To 陶 To 涂 To 蕭 Siu 邵 Shiu 溫 Wan 尹 Wan 雲 Wan 鍾 Chung
    鐘 Chung 宗 Chung 方 Fong 房 Fong 范 Fan 樊 Fan 江 Kong 高 Ko 古 Koo 顧 Koo 孔 Hung
    洪 Hung 熊 Hung 雷 Lui 呂 Lui 黎 Lai 賴 Lai 徐 Tsui 崔 Tsui 曹 Tso 左 Tso 岑 Shum 沈 Shum
    嚴 Yim 冼 Sin 單 Shin 植 Chik 戚 Chik 祁 Kei 紀 Kei 甘 Kam 金 Kam 簡 Kan 靳 Kan 韋 Wai
    衛 Wai 魏 Ngai 倪 Ngai 顏 Ngan 龐 Pong 白 Pak 柏 Pak 包 Pau 鮑 Pau 卜 Pok 畢 Pat 文 Man
    萬 Man 巫 Mo 毛 Mo 武 Mo 苗 Miu 繆 Mau 牛 Ngau 柯 Or 程 Ching 成 Shing 盛 Shing 田 Tin
    龍 Lung 容 Yung 翁 Yung 楊 Yeung 項 Hong 康 Hong 侯 Hau 夏 Ha 霍 Fok 莊 Chong 殷 Yan
    甄 Yan 任 Yam 陸 Luk 祝 Chuk 連 Lin 練 Lin 廖 Liu 趙 Chiu 招 Chiu 喬 Kiu 姜 Keung 薛 Sit
    向 Heung 孫 Suen 宋 Sung 錢 Chin 秦 Chun 董 Tung 童 Tung 傅 Fu 符 Fu 凌 Ling 車 Che 查 Cha
    卓 Cheuk 利 Lee 葛 Kot 易 Yik 應 Ying 邢 Ying 湛 Cham 詹 Chim 鄺 Kwong 駱 Lok 樂 Lok
    屈 Wat 翟 Chak 聶 Nip 倫 Lun 梅 Mui 岳 Ngok 丁 Ting 段 Tuen 管 Koon 郁 Yuk 蒲 Po 全 Chuen
    商 Sheung 華 Wah 幸 Hang 寧 Ning
    """
)

#: Two-character family names, spelt as one word or hyphenated as Hong Kong does.
COMPOUND_FAMILY_NAMES: dict[str, str] = _pairs(
    """
    歐陽 Au-Yeung 司徒 Szeto 上官 Sheung-kwun 司馬 Sze-ma 諸葛 Chu-kot 端木 Tuen-muk 夏侯 Ha-hau
    皇甫 Wong-po 東方 Tung-fong 公孫 Kung-suen 令狐 Ling-wu 尉遲 Wat-chi
    """
)

_INITIALS: dict[str, str] = _pairs(
    """
    b p  p p  m m  f f  d t  t t  n n  l l  g k  k k  ng ng  h h  gw kw  kw kw  w w  z ch
    c ch  s s  j y
    """
) | {"": ""}

_FINALS: dict[str, str] = _pairs(
    """
    aa a  aai ai  aau au  aam am  aan an  aang ang  aap ap  aat at  aak ak  ai ai  au au
    am am  an an  ang ang  ap ap  at at  ak ak  e e  ei ei  eu eu  em em  eng eng  ep ep
    ek ek  i i  iu iu  im im  in in  ing ing  ip ip  it it  ik ik  o o  oi oi  ou o
    on on  ong ong  ot ot  ok ok  u u  ui ui  un oon  ung ung  ut ut  uk uk  oe eu
    oeng eung  oet eut  oek euk  eoi ui  eon un  eot ut  yu u  yun uen  yut uet
    """
)

#: Finals after which s is written sh whatever the character: 尚 Sheung, 順 Shun, 書 Shu.
_SH_ALWAYS = frozenset({"oeng", "eon", "yu"})
#: Finals after which s is sh only where Mandarin has a retroflex (成 Shing, 星 Sing).
_SH_LIKE_MANDARIN = frozenset({"ing", "eoi", "aan", "am", "ek", "e", "yun", "yut"})
#: Finals after which z and c are ts where Mandarin has z, c or s (子 Tsz, 增 Tsang).
_TS_LIKE_MANDARIN = frozenset({"i", "ang"})

_JYUTPING = re.compile(r"(gw|kw|ng|[bpmfdtnlgkhzcsjw])?([a-z]*)[1-6]")


def hong_kong_spelling(name: str) -> str | None:
    """The name as Hong Kong usually writes it in English (Lee Ka-chiu), read from the
    characters; None when a character has no Cantonese reading.

    Family names come from the table, a compound one (歐陽 Au-Yeung) or a married woman's
    two (林鄭月娥 Lam Cheng Yuet-ngor) included; the given name's syllables are joined by
    hyphens, only the first capitalised. Simplified and Traditional spell alike.
    """
    name = "".join(name.split())
    if not name or not all(is_han(ch) for ch in name):
        return None
    readings = _readings(name)
    if readings is None:
        return None
    family, given = _split(name)
    if family:
        parts = [_family_names()[part] for part in family]
    else:
        parts, given = [readings[0].capitalize()], len(name) - 1
    syllables = readings[len(name) - given :]
    if syllables:
        parts.append("-".join(syllables).capitalize())
    return " ".join(parts)


def syllable(jyutping: str, mandarin: str = "") -> str | None:
    """One Jyutping syllable (gaa1) in the Government spelling (ka); ``mandarin``, the
    character's pinyin, settles ch/ts and s/sh. None when it is not Jyutping."""
    match = _JYUTPING.fullmatch(jyutping)
    if match is None:
        return None
    initial, final = match.group(1) or "", match.group(2)
    if not final:
        return {"ng": "ng", "m": "m"}.get(initial)
    if final not in _FINALS:
        return None
    return _initial(initial, final, mandarin) + _final(initial, final, mandarin)


def _initial(initial: str, final: str, mandarin: str) -> str:
    dental = mandarin[:1] in ("z", "c", "s") and mandarin[1:2] != "h"
    if initial in ("z", "c") and final in _TS_LIKE_MANDARIN and dental:
        return "ts"
    if initial == "s":
        retroflex = mandarin.startswith(("zh", "ch", "sh"))
        if final in _SH_ALWAYS or (final in _SH_LIKE_MANDARIN and retroflex):
            return "sh"
    return _INITIALS[initial]


def _final(initial: str, final: str, mandarin: str) -> str:
    """The vowels, where the consonant before them changes how Hong Kong writes them."""
    if final == "i":
        if initial == "s":
            return "ze"
        if initial in ("z", "c") and _initial(initial, final, mandarin) == "ts":
            return "z"
        return "ee" if initial == "j" else "i"
    if initial in ("z", "c", "s") and final in ("an", "am"):
        return "u" + final[1:]
    if initial == "l" and final == "ei":
        return "ee"
    if initial == "w" and final == "aa":
        return "ah"
    if initial in ("", "ng") and final == "o":
        return "or"
    if initial == "m" and final == "un":
        return "un"
    return _FINALS[final]


def _readings(name: str) -> list[str] | None:
    """Each character's syllable in context. ToJyutping reads Traditional text better
    (容祖儿 comes back jan4 for 儿), so Simplified names are read in Traditional."""
    import ToJyutping  # type: ignore[import-untyped]  # loading takes over half a second

    traditional = convert.aligned(name, "s2hk")
    jyutping = [reading for _, reading in ToJyutping.get_jyutping_list(traditional)]
    module = pinyintables.pypinyin()  # without its whole phrase table: single characters
    mandarin = module.lazy_pinyin(list(name), style=module.Style.NORMAL)
    if len(jyutping) != len(name) or len(mandarin) != len(name):
        return None
    spelt = [syllable(j, m) if j else None for j, m in zip(jyutping, mandarin, strict=True)]
    return None if None in spelt else [s for s in spelt if s is not None]


def _split(name: str) -> tuple[list[str], int]:
    """The family names at the start of ``name`` and how many given-name characters follow."""
    table = _family_names()
    if len(name) > 2 and name[:2] in table:
        return [name[:2]], len(name) - 2
    if len(name) == 4 and name[0] in table and name[1] in table:
        return [name[0], name[1]], 2
    if len(name) > 1 and name[0] in table:
        return [name[0]], len(name) - 1
    return [], len(name) - 1


@cache
def _family_names() -> dict[str, str]:
    """Every family name, compound ones too, under its Traditional and Simplified forms."""
    table = {**FAMILY_NAMES, **COMPOUND_FAMILY_NAMES}
    for traditional, spelling in list(table.items()):
        table.setdefault(convert.shadow(traditional), spelling)
    return table
