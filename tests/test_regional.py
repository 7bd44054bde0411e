"""The vetted list of regional words and the trust built on it: which of OpenCC's regional
rewrites are shown as regional words, in which direction, and never across two words."""

from __future__ import annotations

import pytest

from tui.core.compare.regional import RegionalTrust, Ways, parse_vetted, vetted_words
from tui.core.errors import ZhreadError
from tui.core.glossary.loader import parse_glossary
from tui.core.scripts.convert import Region, Script, detect_region, shadow


def test_the_shipped_list_reads_and_each_row_is_a_real_difference() -> None:
    words = vetted_words()
    assert len(words) > 100
    rows = set()
    for word in words:
        assert shadow(word.mainland) == word.mainland, word  # written in Simplified
        # Hong Kong often writes the mainland word (軟件): then there is nothing to rewrite
        assert word.taiwan is None or shadow(word.taiwan) != word.mainland, word
        row = (word.taiwan, word.mainland)
        assert row not in rows, row
        rows.add(row)
    pairs = {(w.taiwan, w.mainland) for w in words}
    assert {
        ("軟體", "软件"),
        ("記憶體", "内存"),
        ("晶片", "芯片"),
        ("網路", "网络"),
        ("資訊", "信息"),
        ("程式", "程序"),
        ("影片", "视频"),
        ("滑鼠", "鼠标"),
        ("印表機", "打印机"),
        ("雷射", "激光"),
        ("伺服器", "服务器"),
    } <= pairs


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("軟體\t软件\t軟件\n", "x.tsv: line 1: expected 4 tab-separated fields, got 3"),
        ("# a comment\n\n軟體\t软件\t軟件\tsideways\n", "x.tsv: line 3: ways must be one of"),
        ("軟體\t\t軟件\tboth\n", "x.tsv: line 1: empty field"),
    ],
)
def test_a_malformed_row_is_an_error_naming_its_line(text: str, problem: str) -> None:
    with pytest.raises(ZhreadError) as error:
        parse_vetted(text, "x.tsv")
    assert str(error.value).startswith(problem)


def test_a_missing_word_is_a_dash() -> None:
    (word,) = parse_vetted("韌體\t固件\t-\tboth\n", "x.tsv")
    assert (word.taiwan, word.mainland, word.hong_kong, word.ways) == (
        "韌體",
        "固件",
        None,
        Ways.BOTH,
    )


def test_words_used_on_both_sides_are_not_trusted() -> None:
    trust = RegionalTrust()
    for original, proposed in (
        ("執行", "运行"),
        ("複製", "拷贝"),
        ("核心", "内核"),
        ("首席執行官", "首席运行官"),
        ("截圖", "截屏"),
    ):
        assert not trust.trusts(original, proposed, "tw2sp")
    assert trust.trusts("軟體", "软件", "tw2sp") and trust.trusts("软件", "軟體", "s2twp")
    assert trust.trusts("軟件", "软件", "hk2sp") and trust.trusts("服务器", "伺服器", "s2hkp")


def test_a_word_goes_only_the_ways_it_is_vetted() -> None:
    """資訊 is always 信息 on the mainland, but 信息 is also a Taiwan 訊息 (a message)."""
    trust = RegionalTrust()
    assert trust.trusts("資訊", "信息", "tw2sp")
    assert not trust.trusts("信息", "資訊", "s2twp")
    assert trust.trusts("视频", "影片", "s2twp")
    assert not trust.trusts("影片", "视频", "tw2sp")  # 影片 is a film as well


def test_a_vetted_word_inside_a_longer_word_but_never_across_two() -> None:
    trust = RegionalTrust()
    assert trust.trusts("计算机硬件", "計算機硬體", "s2twp")
    assert trust.trusts("軟體公司", "软件公司", "tw2sp", cuts=[2])
    # 許多|工具 holds 多工 (multitasking) across its two words
    assert not trust.trusts("許多工具", "许多任务具", "tw2sp", cuts=[2])


def test_two_spellings_of_one_glossary_term_are_trusted() -> None:
    glossary = parse_glossary(
        "terms:\n"
        "  - id: reinforcement-learning\n"
        "    hant: 強化學習\n"
        "    hans: 强化学习\n"
        "    forms: [增強式學習]\n"
        "    pinyin: qiáng huà xué xí\n"
        "    en: reinforcement learning\n"
        "    category: ai\n"
        "    definition: Training by reward.\n"
    )
    assert not RegionalTrust().trusts("增強式學習", "强化学习", "tw2sp")
    assert RegionalTrust(glossary).trusts("增強式學習", "强化学习", "tw2sp")
    assert not RegionalTrust(glossary).trusts("增強式學習", "强化学习", "t2s")


def test_a_hong_kong_text_is_told_from_a_taiwan_one_by_its_own_words() -> None:
    """OpenCC's phrase configs know Taiwan's words, not Hong Kong's: its particles,
    character variants and institutions tell it apart."""
    hong_kong = "港府昨日公布預算，特首表示本港經濟穩定。佢話唔會加稅，立法會議員着急。"
    taiwan = "行政院昨日公布預算，總統表示臺灣經濟穩定。計程車司機與捷運乘客都很關心軟體。"
    assert detect_region(hong_kong, Script.TRADITIONAL) is Region.HONG_KONG
    assert detect_region(taiwan, Script.TRADITIONAL) is Region.TAIWAN
