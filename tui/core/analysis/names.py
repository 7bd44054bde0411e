"""English for the names a skim report lists, and what the dictionary says a word names.

A reporter reading 任正非 or 基辛格 wants "Ren Zhengfei" and "Kissinger", and wants to know
when a spelling is only a guess. The English comes from the best source that has it: the
text's own pair (華為(Huawei)), the glossary, CC-CEDICT (whose proper nouns carry capitalised
pinyin and definitions that say what they name), and last, for a Chinese personal name,
Hanyu Pinyin. A transliterated foreign name is never spelt back from its characters: 基辛格
could be Kissinger or Kissindscher, and only the text or a dictionary knows which.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from tui.core.model.chars import NAME_DOTS, is_han
from tui.core.readings import pinyintables
from tui.core.scripts import convert

if TYPE_CHECKING:
    from tui.core.readings.dictionary import DictEntry, Dictionary

__all__ = [
    "COMMON",
    "ORGANISATION",
    "PERSON",
    "PLACE",
    "TRANSLITERATION",
    "EnglishName",
    "Evidence",
    "bracketed_english",
    "dictionary_evidence",
    "english_name",
    "family_names",
    "looks_transliterated",
    "romanised",
]

PERSON, ORGANISATION, PLACE, COMMON = "person", "organisation", "place", "common"


@dataclass(frozen=True, slots=True)
class EnglishName:
    """A name's English, where it came from, and what the reader should know about it."""

    text: str | None  # None when no source knows it
    source: str  # "text" | "glossary" | "dictionary" | "pinyin" | "none"
    note: str | None = None


@dataclass(frozen=True, slots=True)
class Evidence:
    """What CC-CEDICT says a word names. ``kind`` is person, place or organisation for a
    proper noun the definitions place, "common" for a word with only lowercase readings,
    None when the dictionary lacks the word or its proper noun is of another sort (a
    dynasty, a festival). ``also_common``: the word is an ordinary word too (和平 is a
    district of Shenyang and "peace")."""

    kind: str | None
    english: str | None
    also_common: bool = False
    #: Every kind the entries name, in their order (华盛顿: a person, then a place).
    senses: tuple[str, ...] = ()


# --- transliteration ---------------------------------------------------------------------

#: Characters far commoner in transliterated names than in Chinese ones: found in CC-CEDICT,
#: comparing the names it marks "(name)" and the foreign people it dates with the Chinese
#: people it dates (those whose English is their pinyin); a character counts when it is in
#: at least two transliterations and at least twice as common there, per name.
TRANSLITERATION = frozenset(
    "丘丝丽亚亞亨什仑伊伦伯伽但佛佩倫傑儿克兒內兰兹内几切列利加劳勒勞卓博卜卡卢古台史各吉哈"
    "哥因图圖坦埃基堡塔塞多大夫奇契奥奧妥妮姆威娃娅娜婭安密尔尤尼巴布希帕幾庇库底庞庫弗当彼"
    "得德恩惠愛戈扎托拉拔拜拿提摩撒斐斯日昂普更曼朗本杰松果柏查柯柴根格桑梅梵森比氏沁沃泊法"
    "泰洛涅满滿热熱爱爾特狄玛玻珊琳琴琼瑟瑪瓊瓦生當皮盖盧福科穆窝窩笛米約納索紮累絲維繆约纳"
    "维缪罕罗羅美翰耶肯臺艾芬茨茱茲莉莎莫莱菲萊萨蒂蓋蕾薩蘭西託諾诺豪貝費賽贝费赛赫辛辣达迈"
    "迪逊達遜邁都里門闊门阔阿雅雷霍韋韦頓顿高魯鮑鲁鲍鳩鸠麗麥麦黎黑默齊齐龐"
)
#: Family names that open Chinese names in CC-CEDICT's dated people and jieba's Chinese
#: names at least twice: after one of them, a name is transliterated only when everything
#: else in it is (马斯克, not 高晓松).
_FAMILY_NAMES = frozenset(
    "丁万乔习于伍何余俞倪傅关冯凌刘劉区华卢史叶吕吳吴呂周唐商喬夏姚姜孔孙孟季孫宁宋小崔左庄"
    "康张張彭徐戴文方施时易曹曾朱李杜杨林柯柳梁楊欧歐武段毕江汤汪沈湯熊王班田白石祖祝秦程章"
    "罗羅翦聂聶肇胡臧舒艾苏范茅荣華萧葉葛董蒋蔡蔣蕭薄薛蘇袁褚許詹謝譚许谢谭賀賈賴贺贾赖赵趙"
    "邓邵邹郑郭鄒鄧鄭金錢鍾钟钱阎陆陈陳陶陸韓韩顏顧顾颜馬馮马高魏鲁鸣黃黄齐"
)


#: Characters of the transliteration set that Chinese given names use too (twice or more
#: among jieba's Chinese personal names): a given name made only of them is Chinese (蕭美琴).
_GIVEN_NAMES_TOO = frozenset("珊高大兰蘭伯丽麗德琴美")


def looks_transliterated(name: str) -> bool:
    """Whether ``name`` reads as a foreign name spelt out in characters (基辛格, 馬斯克,
    漢娜·多門) rather than a Chinese one (任正非, 李娜).

    A middle dot settles it. Otherwise at least half the characters must be ones
    transliteration favours, and all of them in a two-character name or after a Chinese
    family name. Built from half of CC-CEDICT's names and tried on the other half, it finds
    seven transliterations in ten and takes about one Chinese name in a hundred for one
    (陳伯達, whose 伯 and 達 spell many Western names).
    """
    name = "".join(name.split())
    if any(dot in name for dot in NAME_DOTS):
        parts = [part for part in _split_dots(name) if part]
        return len(parts) >= 2 and all(is_han(ch) for part in parts for ch in part)
    if len(name) < 2 or not all(is_han(ch) for ch in name):
        return False
    return _spelt_out(name) or _spelt_out(convert.shadow(name))


def _spelt_out(name: str) -> bool:
    marked = [ch in TRANSLITERATION for ch in name]
    if name[:2] in _COMPOUND_SURNAMES:
        return False
    if name[0] in _FAMILY_NAMES and len(name) <= 3:
        given = name[1:]
        return len(name) == 3 and all(marked[1:]) and not _GIVEN_NAMES_TOO.issuperset(given)
    if len(name) == 2:
        return all(marked)
    return 2 * sum(marked) >= len(name)


def _split_dots(name: str) -> list[str]:
    for dot in NAME_DOTS:
        name = name.replace(dot, "·")
    return name.split("·")


# --- romanisation ------------------------------------------------------------------------

#: Two-character family names (CC-CEDICT's "two-character surname" entries), with the
#: reading a name gives them.
_COMPOUND_SURNAMES = {
    "万俟": "Moqi",
    "上官": "Shangguan",
    "东方": "Dongfang",
    "東方": "Dongfang",
    "东郭": "Dongguo",
    "東郭": "Dongguo",
    "令狐": "Linghu",
    "公孙": "Gongsun",
    "公孫": "Gongsun",
    "南郭": "Nanguo",
    "司寇": "Sikou",
    "司徒": "Situ",
    "司马": "Sima",
    "司馬": "Sima",
    "宇文": "Yuwen",
    "尉迟": "Yuchi",
    "尉遲": "Yuchi",
    "慕容": "Murong",
    "欧阳": "Ouyang",
    "歐陽": "Ouyang",
    "淳于": "Chunyu",
    "申屠": "Shentu",
    "皇甫": "Huangfu",
    "端木": "Duanmu",
    "西门": "Ximen",
    "西門": "Ximen",
    "诸葛": "Zhuge",
    "諸葛": "Zhuge",
    "谷梁": "Guliang",
    "穀梁": "Guliang",
    "轩辕": "Xuanyuan",
    "軒轅": "Xuanyuan",
    "长孙": "Zhangsun",
    "長孫": "Zhangsun",
    "夏侯": "Xiahou",
    "澹台": "Tantai",
    "澹臺": "Tantai",
    "公羊": "Gongyang",
    "闻人": "Wenren",
    "聞人": "Wenren",
    "赫连": "Helian",
    "赫連": "Helian",
    "钟离": "Zhongli",
    "鍾離": "Zhongli",
    "呼延": "Huyan",
    "拓跋": "Tuoba",
    "鲜于": "Xianyu",
    "鮮于": "Xianyu",
    "司空": "Sikong",
    "左丘": "Zuoqiu",
}
#: Family names read otherwise than the character usually is: CC-CEDICT's "surname X"
#: readings where pypinyin's reading of the character alone differs, and for characters
#: with two surname readings the commoner (乐 Yue, 翟 Zhai, 覃 Qin).
_SURNAME_READINGS = {
    **dict.fromkeys("么幺", "Yao"),
    "乜": "Nie",
    "仇": "Qiu",
    "匱": "Kui",
    **dict.fromkeys("区區", "Ou"),
    "卜": "Bu",
    "召": "Shao",
    **dict.fromkeys("单單", "Shan"),
    "尨": "Pang",
    "扁": "Pian",
    "曾": "Zeng",
    "朴": "Piao",
    "查": "Zha",
    "沓": "Ta",
    "澹": "Tan",
    "炅": "Gui",
    "番": "Pan",
    "祭": "Zhai",
    **dict.fromkeys("缪繆", "Miao"),
    "耏": "Er",
    "菑": "Zi",
    **dict.fromkeys("盖蓋", "Ge"),
    "蔚": "Yu",
    "薄": "Bo",
    "裨": "Pi",
    "角": "Jue",
    "解": "Xie",
    "賁": "Ben",
    **dict.fromkeys("还還", "Huan"),
    "郗": "Chi",
    "都": "Du",
    "鄚": "Mo",
    "鈄": "Tou",
    "铫": "Yao",
    **dict.fromkeys("镡鐔", "Tan"),
    "阚": "Kan",
    "闞": "Kan",
    "颉": "Xie",
    "頡": "Xie",
    **dict.fromkeys("乐樂", "Yue"),
    "翟": "Zhai",
    "覃": "Qin",
    "乾": "Qian",
    "那": "Na",
    "隗": "Wei",
    "任": "Ren",
    "重": "Chong",
    "种": "Chong",
    "华": "Hua",
    "華": "Hua",
    "纪": "Ji",
    "紀": "Ji",
    "长": "Chang",
    "長": "Chang",
}
_REGION_NOTES = {
    "tw": (
        "Hanyu Pinyin, only a guess: Taiwan names are usually written in Wade-Giles or "
        "their owner's own spelling (Tsai Ing-wen, not Cai Yingwen)."
    ),
    "hk": (
        "Hanyu Pinyin, only a guess: Hong Kong names are usually written in Cantonese "
        "spelling (Lee Ka-chiu, not Li Jiachao)."
    ),
}
_TRANSLITERATED_NOTE = (
    "A transliteration of a foreign name; the text does not give the original spelling, "
    "and one read back from the characters would be invented."
)


def romanised(name: str, region: str, kind: str = PERSON) -> EnglishName:
    """A Chinese personal name in Hanyu Pinyin: family name first, given name as one word
    (任正非 Ren Zhengfei, 歐陽修 Ouyang Xiu), the family name as a family name is read
    (单 Shan, 曾 Zeng). Taiwan and Hong Kong names get a note saying the spelling is only a
    guess; transliterated foreign names, places and organisations get none."""
    compact = "".join(name.split())
    if kind != PERSON:
        return EnglishName(
            None, "none", f"Neither the text nor the dictionary gives this {kind} in English."
        )
    if looks_transliterated(compact):
        return EnglishName(None, "none", _TRANSLITERATED_NOTE)
    if not compact or not all(is_han(ch) for ch in compact):
        return EnglishName(None, "none", None)
    family, given = _family_and_given(compact)
    text = " ".join(part for part in (family, given) if part)
    return EnglishName(text, "pinyin", _REGION_NOTES.get(region))


def _family_and_given(name: str) -> tuple[str, str]:
    if len(name) >= 3 and name[:2] in _COMPOUND_SURNAMES:
        return _COMPOUND_SURNAMES[name[:2]], _joined(name[2:])
    family = _SURNAME_READINGS.get(name[0]) or _joined(name[0])
    return family, _joined(name[1:])


def _joined(hanzi: str) -> str:
    """Syllables as one capitalised word, with an apostrophe where a syllable beginning with
    a, o or e would otherwise run into the one before (Jian'an)."""
    if not hanzi:
        return ""
    simplified = convert.shadow(hanzi)
    pinyintables.admit(simplified)
    module = pinyintables.pypinyin()
    syllables = [
        s for s in module.lazy_pinyin(simplified, style=module.Style.NORMAL, v_to_u=True) if s
    ]
    word = syllables[0] if syllables else ""
    for syllable in syllables[1:]:
        word += ("'" if syllable[0] in "aoe" else "") + syllable
    return word[:1].upper() + word[1:]


# --- the order of sources ----------------------------------------------------------------


def english_name(
    name: str,
    kind: str,
    region: str,
    *,
    given: str | None = None,
    glossary_english: str | None = None,
    dictionary: Dictionary | None = None,
) -> EnglishName:
    """The English for a name from the best source that has it: the text's own pair, the
    glossary, the dictionary (when its entry names the same kind of thing, or it cannot
    tell), then, for a person, a romanisation."""
    if given and given.strip():
        return EnglishName(given.strip(), "text")
    if glossary_english and glossary_english.strip():
        return EnglishName(glossary_english.strip(), "glossary")
    if dictionary is not None:
        evidence = dictionary_evidence(name, dictionary)
        if evidence.english and evidence.kind in (kind, None):
            return EnglishName(evidence.english, "dictionary")
    return romanised(name, region, kind)


# --- dictionary evidence -----------------------------------------------------------------


def dictionary_evidence(name: str, dictionary: Dictionary) -> Evidence:
    """What CC-CEDICT's entries for ``name`` (either script) say it names, and its English.

    Proper nouns are the entries with a capitalised syllable (Zhou1 En1 lai2); the first
    of them whose definitions place it decides. A pointer ("abbr. for 國家安全局") is
    followed once.
    """
    word = "".join(name.split())
    for dot in NAME_DOTS:
        word = word.replace(dot, "·")
    return _evidence(word, dictionary, follow=True)


def _evidence(word: str, dictionary: Dictionary, *, follow: bool) -> Evidence:
    entries = dictionary.lookup(word)
    proper = [entry for entry in entries if _is_proper(entry)]
    also_common = len(proper) < len(entries)
    if not proper:
        return Evidence(COMMON if entries else None, None)
    senses = tuple(
        dict.fromkeys(
            kind
            for entry in proper
            for definition in entry.definitions
            if (kind := _definition_kind(definition, entry)[0]) in (PERSON, PLACE, ORGANISATION)
        )
    )
    unplaced: str | None = None
    for entry in proper:
        kind, english = _entry_kind(entry, dictionary, follow)
        if kind is not None:
            return Evidence(kind, english, also_common, senses)
        unplaced = unplaced or english
    return Evidence(None, unplaced, also_common, senses)


_PROPER_SYLLABLE = re.compile(r"\b[A-Z][a-z:]*[1-5]\b")


def _is_proper(entry: DictEntry) -> bool:
    """Whether a reading has a capitalised syllable (a lone letter such as the C of 3C
    does not count)."""
    return bool(_PROPER_SYLLABLE.search(entry.pinyin))


def _entry_kind(
    entry: DictEntry, dictionary: Dictionary, follow: bool
) -> tuple[str | None, str | None]:
    english: str | None = None
    for definition in entry.definitions:
        kind, found = _definition_kind(definition, entry)
        if kind == _POINTS:
            if follow and found:
                evidence = _evidence(found, dictionary, follow=False)
                if evidence.kind not in (None, COMMON):
                    return evidence.kind, evidence.english
            continue
        if kind is not None:
            return kind, found
        english = english or found
    return None, english


# --- reading a definition ----------------------------------------------------------------

#: What :func:`_definition_kind` returns for a definition that only points elsewhere.
_POINTS = "points"
_TAG = re.compile(r"^\((?:[^()]*)\)\s*")
_POINTER = re.compile(
    r"^(?:(?:old|archaic|ancient|erroneous|obsolete|Japanese|Taiwan) )*"
    r"(?:variant of|abbr\. (?:for|of)|abbreviation (?:for|of)|short for|see also|see|"
    r"same as|also written|contraction of) ([^\s\[|,;/(]+)"
)
_SURNAME = re.compile(r"^(?:[\w-]+ )?surname ([A-Z][\w'’-]*)$")
#: A note after the name that says it is one: "(name)", "(Japanese surname and place name)".
_NAME_NOTE = re.compile(r"\s*\(([^()]*\b(?:name|surname)\b[^()]*)\)")
#: Dates after a name: (1898-1976), (1923-), (c. 500 BC, ...), (?-1611?), (born 1950).
_DATED = re.compile(
    r"\((?:(?:c|ca|b|d|fl|r)\.\s*|born\s+|died\s+|circa\s+|active\s+(?:c\.\s*)?)?"
    r"\??\s*\d{1,4}(?!\d|,\d)s?"
    r"(?:\s*(?:BC|BCE|AD|CE))?\s*\??\s*(?:[-–]|\)|,|or\b)|\(\s*\?\s*[-–]"
)
_WORDS = re.compile(r"[A-Za-z]+(?:[-'][A-Za-z]+)*")
_CONNECTORS = frozenset(
    "of and the de del della da di du des la le van von der den al el bin ibn y no & upon".split()
)
#: Last words (or words before "of") of names of places, organisations, and other things.
_PLACE_HEADS = frozenset(
    """District County City Province Prefecture Township Town Village Municipality Region
    Island Islands Isle Isles Mountain Mountains Mount Mt Mt. Peak Range River Lake Sea Ocean
    Bay Gulf Strait Straits Peninsula Desert Plateau Basin Valley Gorge Canyon Plain Plains
    Delta Coast Cape Harbor Harbour Port Canal Falls Pass Archipelago Forest Reservoir Street
    Road Avenue Square Park Palace Temple Mausoleum Tomb Bridge Dam Tower Castle Garden
    Gardens Airport Station Stadium Territory Territories States Kingdom Republic Emirates
    Continent Hill Hills Oasis Glacier Volcano Wall Gate Quarter Borough Banner Zone Area
    Commandery Prefectures Counties Districts Grotto Grottoes Caves Cave Lakes Rivers Pagoda
    Sound Beach Shrine Monastery Cemetery Empire Dominion Sultanate Emirate
    Principality Duchy Colony Federation""".split()
)
_ORGANISATION_HEADS = frozenset(
    """University College Academy Institute Institution School Company Corporation Corp
    Corp. Inc Inc. Ltd Ltd. Co. Group Holdings Bank Ministry Department Bureau Office Agency
    Administration Commission Committee Council Congress Assembly Parliament Senate Party
    Association Society Union League Alliance Foundation Organization Organisation Court
    Army Navy Force Forces Guard Police Press House Times Daily News Post Herald Journal
    Gazette Tribune Magazine Weekly Television TV Radio Network Airlines Airways Motors
    Hospital Museum Library Club Team Service Authority Exchange Fund Cabinet Secretariat
    Government Front Brigade Division Corps Fleet Regiment Tribunal Consortium Studio
    Studios Entertainment Pictures Records Laboratory Laboratories Labs Center Centre
    Federation Nations Commandos Ministries Agencies Reserve Conservatory Seminary Cooperative
    Headquarters""".split()
)
_OTHER_HEADS = frozenset(
    """Dynasty Dynasties War Wars Period Era Age Revolution Rebellion Uprising Incident
    Movement Treaty Reign Expedition Massacre Battle Campaign Olympics Games Cup Festival Day
    Calendar Crisis Restoration Reform Reforms Conference Summit Accord Agreement Pact
    Declaration Act Law Constitution Doctrine Plan Project Program Programme Prize Award
    Book Gospel Sutra Classic Classics Scrolls Language Languages Script Mandarin Dialect
    Syndrome Disease Principle Theorem Effect Equation Conjecture Theory Sect Kingdoms
    States Epistle Chronicles Annals Sutras Stone Bible Testament Eve Night Manifesto""".split()
)
#: Heads that name a building as often as an institution: the description decides first.
_WEAK_HEADS = frozenset({"Center", "Centre", "House", "Tower", "Building", "Hall"})
#: Words in a description that say a name is of another sort of thing.
_OTHER_WORDS = frozenset(
    """novel novella poem book film movie song opera painting story play drama anthology
    constellation star planet comet language dialect dish tea wine liquor festival dynasty
    era period culture religion sect epic treatise classic sutra manifesto ethnic tribe
    people character deity god goddess demon spirit mythical legendary creature animal
    breed species plant software game series symphony ballet album""".split()
)
_PLACE_FIRST_WORDS = frozenset(
    {"Mt", "Mt.", "Mount", "Lake", "Cape", "Port", "Fort", "Gulf", "Isle"}
)
#: Words in a description that say what a name names.
_PLACE_WORDS = frozenset(
    """city cities county district capital town township village province prefecture
    prefecture-level county-level municipality region country state island islands river
    mountain mountains lake sea port suburb neighborhood neighbourhood area banner peninsula
    desert bay strait archipelago valley oasis canal reservoir harbor harbour airport
    station street road square park temple palace mausoleum bridge dam gorge pass plateau
    basin volcano peak kingdom emirate territory colony borough commune commandery
    metropolis seaport resort coast cape gulf ocean waterfall nation republic subdivision
    township-level county-town region-level island-nation landmark monastery pagoda
    grotto grottoes skyscraper building plain grassland prairie""".split()
)
_ORGANISATION_WORDS = frozenset(
    """company companies corporation firm brand manufacturer maker bank newspaper magazine
    journal website airline carrier university college school academy institute party
    organization organisation association agency network channel broadcaster studio
    retailer chain conglomerate publisher team club union alliance federation society
    foundation ministry department bureau commission committee council government
    administration army navy militia hospital museum library exchange consortium operator
    automaker carmaker portal app e-commerce developer supermarket restaurant hotel
    newspapers periodical tabloid daily weekly airlines group think-tank band orchestra
    choir troupe institution""".split()
)
_PERSON_WORDS = frozenset(
    """politician author poet writer president novelist philosopher minister leader founder
    emperor empress actor singer actress diplomat historian mathematician scholar warlord
    director player physicist journalist painter composer dramatist playwright calligrapher
    governor king queen scientist revolutionary statesman translator laureate astronomer
    commander businessman businesswoman economist chemist biologist inventor explorer
    engineer artist sculptor architect musician pianist conductor dictator sociologist
    psychologist theologian astronaut cosmonaut athlete champion footballer chancellor
    premier entrepreneur prophet saint apostle pope mystic reformer thinker critic
    geographer physician doctor surgeon naturalist sinologist missionary admiral marshal
    soldier designer comedian cartoonist filmmaker film-maker producer magnate tycoon
    activist dissident lawyer judge linguist anthropologist archaeologist geologist botanist
    zoologist educator teacher professor priest rapper guitarist violinist tenor soprano
    dancer essayist theorist pioneer khan ruler sultan tsar czar pharaoh consort concubine
    wife husband son daughter mother father brother sister disciple prince princess regent
    shogun eunuch courtier strategist official general chairman ceo mayor senator spy
    assassin rebel hero heroine beauty swimmer boxer gymnast coach sprinter skater
    cyclist cricketer golfer striker goalkeeper host presenter anchor celebrity
    songwriter lyricist novelist poetess monk nun lama abbot bishop cardinal martyr
    chieftain chief master specialist alchemist physician-scholar herbalist courtesan""".split()
)
#: Countries and regions whose capitals CC-CEDICT names ("Muscat, capital of Oman"), with
#: the forms a definition uses for a few that have none: a bare "Oman" is a place.
_REGIONS = frozenset(
    region.strip()
    for region in """Afghanistan;Alaska;Albania;Alberta;Algeria;American Samoa;Andorra;
    Angola;Anguilla;Argentina;Arizona;Armenia;Aruba;Australia;Austria;Azerbaijan;Bahrain;
    Bangladesh;Barbados;
    Bavaria;Belarus;Belgium;Belize;Bermuda;Bhutan;Bolivia;Bosnia and Herzegovina;Botswana;
    Brazil;Brunei;Bulgaria;Burkina Faso;Burundi;Cambodia;Cameroon;Canada;Cape Verde;
    Central African Republic;Chad;Chile;China;Colombia;Comoros;Congo;Cook Islands;Croatia;
    Cuba;Cyprus;Czech Republic;Denmark;Dominica;Dominican Republic;East Timor;Ecuador;Egypt;
    El Salvador;Equatorial Guinea;Eritrea;Estonia;Eswatini;Ethiopia;Faroe Islands;Fiji;Finland;
    Florida;France;French Guiana;French Polynesia;Fujian;Gabon;Gambia;Gansu;Georgia;Germany;
    Ghana;Greece;Greenland;Guangdong;Guinea;Guinea-Bissau;Guizhou;Haiti;Hawaii;Hebei;
    Heilongjiang;Henan;Holy See;Honduras;Hubei;Hunan;Hungary;Iceland;India;Indonesia;
    Inner Mongolia;Iran;Iraq;Ireland;Italy;Ivory Coast;Jamaica;Japan;Jiangsu;Jiangxi;Jilin;
    Jordan;Kazakhstan;Kenya;Kiribati;Korea;Kosovo;Kyrgyzstan;Laos;Latvia;Lebanon;Lesotho;
    Liaoning;Liberia;Libya;Liechtenstein;Lithuania;Madagascar;Malawi;Malaysia;Maldives;Mali;
    Malta;Marshall Islands;Mauritania;Mauritius;Mexico;Moldova;Mongolia;Montenegro;Morocco;
    Mozambique;Myanmar;Namibia;Nauru;Nepal;Netherlands;New Caledonia;New Zealand;Nicaragua;
    Niger;Nigeria;North Korea;North Macedonia;Northern Ireland;Norway;Oman;Pakistan;
    Papua New Guinea;Paraguay;People's Republic of China;Peru;Philippines;Poland;Portugal;
    Puerto Rico;Punjab;Qatar;Qinghai;Quebec;Romania;Russia;Rwanda;Saudi Arabia;Scotland;
    Senegal;Serbia;Seychelles;Shaanxi;Shandong;Shanxi;Sichuan;Sierra Leone;Slovakia;
    Slovenia;Solomon Islands;Somalia;South Africa;South Korea;Spain;Sri Lanka;Sudan;Suriname;
    Sweden;Switzerland;Syria;Taiwan;Tajikistan;Tanzania;Tasmania;Thailand;The Bahamas;Tibet;
    Togo;Tonga;Trinidad and Tobago;Tunisia;Turkey;Turkmenistan;Tuvalu;Uganda;Ukraine;
    United Arab Emirates;United Kingdom;Uruguay;Uzbekistan;Vanuatu;Venezuela;Vietnam;
    Yemen;Yunnan;Zambia;Zhejiang;Zimbabwe;Hong Kong;Macao;Macau;United States;USA;US;UK;
    Britain;Great Britain;England;Wales;Europe;Asia;Africa;Oceania;Antarctica;
    North America;South America;Latin America;Middle East;Xinjiang;Hainan;Anhui;Guangxi;
    Ningxia;Beijing;Shanghai;Tianjin;Chongqing;Singapore;Israel;Palestine;Kuwait;Monaco;
    San Marino;Luxembourg;Samoa;Palau;Micronesia;Grenada;Guatemala;Costa Rica;Panama;
    Djibouti;Benin;South Sudan;Western Sahara;Vatican;Alabama;Arkansas;California;
    Colorado;Connecticut;Delaware;Idaho;Illinois;Indiana;Iowa;Kansas;Kentucky;Louisiana;Maine;
    Maryland;Massachusetts;Michigan;Minnesota;Mississippi;Missouri;Montana;Nebraska;Nevada;
    New Hampshire;New Jersey;New Mexico;New York;North Carolina;North Dakota;Ohio;Oklahoma;
    Oregon;Pennsylvania;Rhode Island;South Carolina;South Dakota;Tennessee;Texas;Utah;
    Vermont;Virginia;West Virginia;Wisconsin;Wyoming""".split(";")
)


def _definition_kind(definition: str, entry: DictEntry) -> tuple[str | None, str | None]:
    """(kind, English) for one definition, (``_POINTS``, headword) for a pointer, and
    (None, English) for a name of another sort or one the definition does not place."""
    text = definition.strip()
    while (tag := _TAG.match(text)) and tag.end() < len(text):
        text = text[tag.end() :]  # "(PRC) Ministry of ...", "(Tw) ..."
    if pointer := _POINTER.match(text):
        target = pointer.group(1)
        return (_POINTS, target) if any(is_han(ch) for ch in target) else (None, None)
    if surname := _SURNAME.match(text):
        return PERSON, surname.group(1)
    if "(idiom)" in text:
        return None, None  # 毛遂自薦 "Mao Sui recommends himself (idiom)"
    if text.startswith("the "):
        text = text[4:]
    name, rest = _split_name(text)
    if not name:
        return None, None
    rest = _REGISTER.sub("", rest)
    names = [name]
    while rest.startswith(" or "):  # "Xikou or Hsikou Township", "Juliet or Juliette (name)"
        other, after = _split_name(rest[4:])
        if not other:
            break
        names.append(other)
        rest = after
    if (note := _NAME_NOTE.match(rest)) is not None:
        return _named_by_note(note.group(1)), name
    if autonomous := _AUTONOMOUS.match(rest):  # "Changbai Korean autonomous county"
        name = f"{name} {autonomous.group(1).title()}"
    kind = _placed(names, rest, entry)
    if kind is None and "·" in entry.simplified:
        kind = PERSON  # only a person's name is written with a middle dot
    return kind, name


#: Notes on where or how a word is used, which say nothing of what it names.
_REGISTER = re.compile(r"\s*\((?:Tw|PRC|HK|Hong Kong|Taiwan|old|dated|coll\.|abbr\.|loanword)\)")
_AUTONOMOUS = re.compile(r"^ (autonomous (?:county|prefecture|region|banner))\b")


def _split_name(text: str) -> tuple[str, str]:
    """The capitalised name that opens a definition, and what follows it: "Heping District
    of Shenyang" and " city, ...". Lowercase connectors (of the, von) join capitalised
    words; a comma ends the name."""
    tokens = list(re.finditer(r"\S+", text))
    words: list[str] = []
    end = 0
    for index, token in enumerate(tokens):
        word = token.group()
        bare = word.rstrip(",;:")
        if _is_name_word(bare):
            words.append(bare)
            end = token.start() + len(bare)
            if bare != word:
                break
        elif bare == word and bare in _CONNECTORS and words and _name_follows(tokens, index):
            words.append(bare)
        else:
            break
    return " ".join(words), text[end:]


def _name_follows(tokens: list[re.Match[str]], index: int) -> bool:
    """Whether connectors from ``index`` on lead to a capitalised word (of the World)."""
    for token in tokens[index + 1 :]:
        word = token.group()
        if word not in _CONNECTORS:
            return _is_name_word(word.rstrip(",;:"))
    return False


def _is_name_word(word: str) -> bool:
    return (
        bool(word)
        and (word[0].isupper() or word[0].isdigit() or bool(_ELIDED.match(word)))
        and not any(ch in "()[]|" or is_han(ch) for ch in word)
    )


_ELIDED = re.compile(r"[a-z]{1,2}['’][A-Z]")  # Jeanne d'Arc


def _named_by_note(note: str) -> str | None:
    words = set(_WORDS.findall(note.lower()))
    if "of" in words:  # "(name of a mountain)": says what, not who
        return None
    if "surname" in words or words & {"person", "given", "male", "female", "personal", "pen"}:
        return PERSON
    if words & {"place", "town", "street", "city", "area", "station"}:
        return PLACE
    if words & {"brand", "company"}:
        return ORGANISATION
    return PERSON


#: What :func:`_head_kind` and :func:`_described` return for a name of another sort.
_OTHER = "other"


def _placed(names: list[str], rest: str, entry: DictEntry) -> str | None:
    """The kind a name is, judged from its own words (or those of another name it has),
    then its dates, then the words that describe it, then its shape."""
    name = names[0]
    if name in _REGIONS and not rest.strip(" ,"):
        return PLACE  # before its words: "United States" is no "Warring States"
    first = _WORDS.match(rest.lstrip())
    if rest.startswith(" ") and first and first.group() in _PERSON_WORDS:
        return None  # "Taiwan spy", "Qin general Meng Tian": the name only qualifies
    head = next((kind for kind in map(_head_kind, names) if kind is not None), None)
    if head is not None and name.split()[-1] in _WEAK_HEADS:
        head = _described(rest) or head
    if head is None:
        head = _by_description(rest)
    if head is not None:
        return None if head == _OTHER else head
    after = rest.strip().lstrip(",").strip().strip("()")
    if after in _REGIONS:
        return PLACE  # "Bournemouth, UK", "Konstanz (Germany)"
    if rest.startswith(",") and _split_name(after) == (after, ""):
        return PLACE  # "Denver, Colorado"
    if _IN_PLACE.match(rest):
        return PLACE  # "Dharamsala in Himachal Pradesh"
    return PERSON if _pinyin_shaped(name, entry) else None


def _by_description(rest: str) -> str | None:
    """The kind the description gives. Words right after the name head its phrase
    ("Chongqing city", "Wuding reign name", "Liangzhu culture"). Dates make a person,
    unless the description is of another sort of thing and names no person ("Liangzhu
    (c. 3400-2250 BC), neolithic culture"); a place word after dates is about the person's
    life ("born in Hunan province")."""
    phrase = re.match(r" [^,(]*", rest)
    if phrase and (kind := _described(phrase.group().replace(" reign ", " era "))):
        return kind
    described = _described(rest)
    if _DATED.search(_lead(rest)):
        names_person = any(word in _PERSON_WORDS for word in _WORDS.findall(rest))
        return _OTHER if described == _OTHER and not names_person else PERSON
    described = described or _described(rest, capitalised=True)
    return described or (PERSON if _DATED.search(rest) else None)


_IN_PLACE = re.compile(r"^,? (?:in|near) (?:the )?[A-Z]")


def _head_kind(name: str) -> str | None:
    """What the name's own words say: its last word, or the word before "of" (District,
    University, Dynasty; Bank of China, Sea of Japan), or a first word such as Mt."""
    words = name.split()
    head = words[words.index("of") - 1] if "of" in words[1:] else words[-1]
    if head in _OTHER_HEADS:
        return _OTHER
    if head in _ORGANISATION_HEADS:
        return ORGANISATION
    if head in _PLACE_HEADS or words[-1] == "State":  # not "The Strange State of ..."
        return PLACE
    return PLACE if words[0] in _PLACE_FIRST_WORDS and len(words) > 1 else None


def _lead(rest: str) -> str:
    """What follows a name up to the first comma outside brackets."""
    depth = 0
    for index, ch in enumerate(rest):
        depth += (ch == "(") - (ch == ")")
        if ch == "," and depth == 0:
            return rest[:index]
    return rest


def _described(rest: str, *, capitalised: bool = False) -> str | None:
    """The kind named by the first lowercase word of the description that names one:
    "city", "company", "poet", or another sort of thing ("novel", "ethnic group"); with
    ``capitalised``, the first capitalised word that heads a name ("Hsikou Township")."""
    for word in _WORDS.findall(rest):
        if capitalised:
            if word in _PLACE_HEADS:
                return PLACE
            if word in _ORGANISATION_HEADS:
                return ORGANISATION
        elif word[0].islower():  # "Song essayist": a dynasty, not a song
            if word in _OTHER_WORDS or "ethnic" in word:
                return _OTHER
            if word in _PLACE_WORDS:
                return PLACE
            if word in _ORGANISATION_WORDS:
                return ORGANISATION
            if word in _PERSON_WORDS:
                return PERSON
    return None


def _pinyin_shaped(name: str, entry: DictEntry) -> bool:
    """Whether the English is the headword's pinyin written as a Chinese personal name:
    family name, then the given name as one word (Peng Bo, Ouyang Xiu)."""
    syllables = [s for s in _toneless(entry.pinyin) if s]
    words = name.lower().replace("ü", "u").replace("-", "").replace("'", "").split()
    if len(words) != 2 or not 2 <= len(syllables) <= 4:
        return False
    return any(words == ["".join(syllables[:cut]), "".join(syllables[cut:])] for cut in (1, 2))


@lru_cache(maxsize=4096)
def _toneless(pinyin: str) -> tuple[str, ...]:
    return tuple(
        re.sub(r"[^a-zü]", "", s.lower().replace("u:", "ü")).replace("ü", "u")
        for s in pinyin.split()
    )


# --- family names ------------------------------------------------------------------------


#: A definition that says the word is a family name: "surname Huang or Hwang".
_FAMILY = re.compile(r"^(?:[\w-]+ )?surname [A-Z]")


@lru_cache(maxsize=4)
def family_names(dictionary: Dictionary) -> frozenset[str]:
    """The Simplified family names CC-CEDICT lists ("surname Zhou", "two-character surname
    Ouyang"), leaving out two-character ones that are also ordinary words (东方 "east",
    百里): a text's names are found by them, so a word must not pass for one."""
    found = set()
    for word, entries in dictionary.proper_nouns().items():
        if not all(map(is_han, word)) or len(word) > 2 or convert.shadow(word) != word:
            continue
        family = any(_FAMILY.match(d) for entry in entries for d in entry.definitions)
        if family and (len(word) == 1 or not dictionary_evidence(word, dictionary).also_common):
            found.add(word)
    return frozenset(found)


# --- the text's own English --------------------------------------------------------------

#: A name in Latin letters in brackets right after the Chinese: 羅金（Josh Rogin）,
#: 戴維·林(David Lin,音), 阮氏秋 (Nguyễn Thị Thu); a note such as 音 or 音譯 after a comma
#: says the characters only follow the sound, and is left out.
_BRACKETED = re.compile(
    r"\s?[(（]\s*([A-Z\u00c0-\u024f][\w\u00c0-\u024f.'’\- ]{0,60}?)\s*"
    r"(?:[,，、;；]\s*[^()（）]{0,6})?[)）]"
)


def bracketed_english(text: str, end: int) -> str | None:
    """The English a text gives the name ending at ``end``, written in brackets after it."""
    match = _BRACKETED.match(text, end)
    if match is None:
        return None
    english = " ".join(match.group(1).split())
    return english if any(ch.isalpha() for ch in english) else None
