"""The skim on the sentences of ordinary news copy, in all three regions' usage: who is a
person, an organisation or a place; their English and where it comes from; their roles; and
who said what. Each example is written for the behaviour it shows; the figures on whole
articles are the benchmark's (benchmarks/skim_quality.py)."""

from __future__ import annotations

import pytest

from tui.core.analysis.skim import SkimReport, as_json, english_label, skim
from tui.core.scripts.convert import shadow
from tui.core.words.segment import segment


@pytest.fixture(scope="module")
def read(glossary, splitter, dictionary):
    def skimmed(text: str, region: str | None = None) -> SkimReport:
        document = segment(text, glossary, splitter, "<test>", shadow(text))
        return skim(document, glossary, splitter, region=region, dictionary=dictionary)

    return skimmed


def names(report: SkimReport, kind: str) -> list[str]:
    return [entity.name for entity in getattr(report, kind)]


def person(report: SkimReport, name: str):
    return next(p for p in report.people if p.name == name)


# --- people, organisations and places ------------------------------------------------------


def test_a_company_is_no_person_and_a_name_is_not_glued_to_its_title(read) -> None:
    report = read("華為副董事長兼首席財務官孟晚舟周一表示，公司不會退讓。孟晚舟說：「不會。」")
    assert names(report, "people") == ["孟晚舟"]
    assert names(report, "organisations") == ["華為"]
    assert person(report, "孟晚舟").role == "華為副董事長兼首席財務官"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("美國國務卿蓬佩奧週二會晤韋德寧。韋德寧指，合作會繼續。", "韋德寧"),  # not 韋德
        ("局長林宛臻（Lin Wan-chen）表示，防疫不能鬆懈。", "林宛臻"),
        ("賽事運營公司總經理邵啟航坦言，今年人數創新高。", "邵啟航"),  # 啟航 is also a word
        ("东湖研究院院长司马卓开门见山地说，合作要务实。", "司马卓"),  # a two-character family name
        ("民眾黨團總召周映彤則說：「有所保留。」", "周映彤"),
        ("意大利学者露琪亚·费拉里说，这里很好。", "露琪亚·费拉里"),  # 露/琪/亚: cut by the tagger
    ],
)
def test_a_name_is_found_whole(read, text: str, name: str) -> None:
    assert name in names(read(text), "people")


def test_people_the_dictionary_knows_are_found_and_words_are_not_people(read) -> None:
    report = read("1972年，周恩来总理在北京会见了美国国家安全顾问基辛格。谢谢大家的崇高文明。")
    assert names(report, "people") == ["周恩来", "基辛格"]
    assert {"北京", "美国"} <= set(names(report, "places"))
    assert person(report, "周恩来").role == "总理"  # a title after the name
    assert person(report, "基辛格").role == "美国国家安全顾问"


def test_a_family_name_alone_is_the_person_named_in_full(read) -> None:
    report = read("公司首席技术官欧阳若溪指出，风险可控。欧阳认为，明年会更好。")
    assert names(report, "people") == ["欧阳若溪"]
    assert person(report, "欧阳若溪").count == 2


@pytest.mark.parametrize(
    ("text", "organisation"),
    [
        ("总部位于合肥市的合肥晶曜半导体有限公司称，影响可控。", "合肥晶曜半导体有限公司"),
        ("美国智库太平洋技术政策中心研究员称，限制会加码。", "太平洋技术政策中心"),
        ("房屋局發言人表示，計劃不變。", "房屋局"),
        ("基層住屋權益關注組總幹事施嘉敏指，家庭輪候太久。", "基層住屋權益關注組"),
        ("立法會財務委員會今日通過撥款。", "立法會財務委員會"),
        ("另一方面，Lionrock Realty研究部主管則預期租金上升。", "Lionrock Realty"),
        ("據《沪上财经晚报》报道，订单增加。", "沪上财经晚报"),
    ],
)
def test_institutions_are_organisations_whole(read, text: str, organisation: str) -> None:
    assert organisation in names(read(text), "organisations")


def test_a_word_that_only_ends_like_an_institution_is_none(read) -> None:
    report = read("表決前朝野協商破局，主板上市公司股價下跌，市中心一片冷清。")
    assert names(report, "organisations") == []


def test_a_city_with_and_without_its_suffix_is_one_place(read) -> None:
    report = read("合肥市政府表示，合肥的产业会继续扩张，合肥将加大投入。")
    assert names(report, "places").count("合肥") == 1
    assert "合肥市" not in names(report, "places")


def test_nobody_named_only_in_a_byline_or_caption_is_in_the_report(read) -> None:
    report = read("（記者：區詠欣、劉卓軒）\n局長黃家明表示，租金太貴。\n▲市民排隊。記者 鄭曉嵐 攝")
    assert names(report, "people") == ["黃家明"]


# --- English --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "written",
    ["羅金（Josh Rogin）", "羅金(Josh Rogin)", "羅金 (Josh Rogin)", "羅金（Josh Rogin，音譯）"],
)
def test_the_texts_own_english_comes_first_in_every_bracket_style(read, written: str) -> None:
    report = read(f"美國作家{written}上月表示，制裁會繼續。")
    rogin = person(report, "羅金")
    assert (rogin.english, rogin.english_source) == ("Josh Rogin", "text")


def test_the_dictionary_gives_the_english_of_people_and_places(read) -> None:
    report = read("1972年，周恩来总理在北京会见了基辛格。")
    assert person(report, "周恩来").english == "Zhou Enlai"
    assert person(report, "周恩来").english_source == "dictionary"
    assert next(p for p in report.places if p.name == "北京").english == "Beijing"


def test_a_mainland_name_is_romanised_family_name_first(read) -> None:
    report = read("公司首席技术官欧阳若溪指出，风险可控。", region="mainland")
    ouyang = person(report, "欧阳若溪")
    assert (ouyang.english, ouyang.english_source, ouyang.english_note) == (
        "Ouyang Ruoxi",
        "pinyin",
        None,
    )


def test_a_taiwan_name_is_read_as_its_passport_would_write_it_and_marked_a_guess(read) -> None:
    report = read("局長林宛臻表示，防疫不能鬆懈。", region="Taiwan")
    lin = person(report, "林宛臻")
    assert (lin.english, lin.english_source) == ("Lin Wan-chen", "wade-giles")
    assert lin.english_note and english_label(lin) == "Lin Wan-chen, a guess"


def test_a_hong_kong_name_is_read_in_cantonese_and_marked_a_guess(read) -> None:
    report = read("立法會議員麥子聰（）批評政府。", region="Hong Kong")
    mak = person(report, "麥子聰")
    assert (mak.english, mak.english_source) == ("Mak Tsz-chung", "cantonese")
    assert english_label(mak) == "Mak Tsz-chung, a guess"


def test_a_transliterated_name_no_source_knows_is_marked_not_invented(read) -> None:
    report = read("經濟部次長安德烈亞斯·霍夫曼表示，補助照撥。", region="Taiwan")
    hoffmann = person(report, "安德烈亞斯·霍夫曼")
    assert hoffmann.english is None and hoffmann.english_note
    assert english_label(hoffmann) == "transliterated; original not given"
    entity = as_json(report)["people"][0]
    assert entity["english_source"] == "none" and entity["english_note"]


# --- roles ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        ("美國國務卿蓬佩奧週二表示，談判結束。", "蓬佩奧", "美國國務卿"),
        ("鼎衡證券首席分析師沈佳怡認為，需求回暖。", "沈佳怡", "鼎衡證券首席分析師"),
        ("美國前副助理國務卿丹尼爾·沃特曼說，都有底線。", "丹尼爾·沃特曼", "美國前副助理國務卿"),
        ("疾管署署長林俊宏（Lin Chun-hung）指出，病例增加。", "林俊宏", "疾管署署長"),
        ("「臺灣日本關係協會」秘書長范振國表示，合作。", "范振國", "「臺灣日本關係協會」秘書長"),
        ("駐美國大使蕭美琴（Hsiao Bi-khim）說，很感謝。", "蕭美琴", "駐美國大使"),
    ],
)
def test_the_role_is_the_title_written_before_the_name(read, text, name, role) -> None:
    assert person(read(text), name).role == role


@pytest.mark.parametrize(
    "text",
    [
        "外交部指華為創辦人任正非上月表示，會繼續投資。",  # not 指華為創辦人
        "副總統上月會晤美國商務部長雷蒙多，雙方談及出口。",  # not 會晤美國商務部長
    ],
)
def test_no_role_starts_with_a_verb(read, text: str) -> None:
    people = read(text).people
    assert people  # 任正非, 雷蒙多: the roles below are theirs
    for someone in people:
        assert someone.role is None or not someone.role.startswith(("指", "會晤", "是"))


# --- quotes and speakers --------------------------------------------------------------------


def quotes(report: SkimReport) -> list[tuple[str, str | None]]:
    return [(quote.text, quote.speaker) for quote in report.quotes]


def test_the_speaker_before_a_quote_wins_over_the_next_sentences_subject(read) -> None:
    report = read("立法院長韓國瑜表示，「預算要審。」民眾黨團總召周映彤則說：「有所保留。」")
    assert quotes(report) == [("預算要審。", "韓國瑜"), ("有所保留。", "周映彤")]


def test_words_ending_a_speakers_clause_are_a_quote_and_a_named_thing_is_not(read) -> None:
    report = read("房屋局發言人表示，簡約公屋計劃「整體目標維持不變」。他們把這叫做「蒸餾」。")
    assert quotes(report) == [("整體目標維持不變", "房屋局發言人")]


def test_an_editorial_and_an_unnamed_official_are_speakers(read) -> None:
    report = read("《環球時報》社評稱，「這是霸凌，不可接受。」一名官員表示：「我們會回應。」")
    assert quotes(report) == [("這是霸凌，不可接受。", "環球時報"), ("我們會回應。", "一名官員")]


def test_a_title_alone_names_the_one_person_who_holds_it(read) -> None:
    report = read("國防部長顧立雄今天視察部隊。部長表示：「國軍會堅守崗位。」")
    assert quotes(report) == [("國軍會堅守崗位。", "顧立雄")]


def test_an_employer_written_before_a_name_is_no_title(read) -> None:
    """谷歌公司約翰·史密斯 names John Smith by his employer: the firm speaking later is the firm."""
    report = read("谷歌公司約翰·史密斯「我們會繼續努力，直到成功。」谷歌公司表示")
    assert [speaker for _, speaker in quotes(report)] == ["谷歌公司"]
