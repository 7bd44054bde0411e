"""Pinyin spellings (numbers, marks, zhuyin) and readings in context."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import SAMPLE
from tui.core.readings import cedict, pinyintables
from tui.core.readings.dictionary import reading_in_context
from tui.core.readings.reading import marks, numbered, pinyin, zhuyin


@pytest.fixture(scope="module")
def syllables() -> list[str]:
    """Every distinct numbered syllable CC-CEDICT uses (ü written u:, capitals included)."""
    found = {
        syllable
        for record in cedict.records(cedict.data_file())
        for syllable in record.pinyin.split(" ")
        if re.fullmatch(r"[A-Za-z:]+[1-5]", syllable)
    }
    return sorted(found - {"xx5"})  # CC-CEDICT's placeholder for an unknown reading


@pytest.mark.parametrize(
    ("numbers", "marked"),
    [
        ("yin2 hang2", "yín háng"),
        ("ni3 hao3", "nǐ hǎo"),
        ("lu:4", "lǜ"),
        ("lv4", "lǜ"),
        ("lü4", "lǜ"),
        ("nu:e4", "nüè"),
        ("Lu:3 Xun4", "Lǚ Xùn"),
        ("Zhong1 guo2", "Zhōng guó"),
        ("le5", "le"),
        ("ma0", "ma"),
        ("yi1 dian3 r5", "yī diǎn r"),
        ("gui4 liu2 shou3 zhuo2", "guì liú shǒu zhuó"),
        ("Ou1 zhou1", "Ōu zhōu"),
        ("m2", "ḿ"),
        ("ng4", "ǹg"),
        ("san1 C", "sān C"),
        ("A A zhi4", "A A zhì"),
        ("xi1 , an1", "xī , ān"),
    ],
)
def test_marks(numbers: str, marked: str) -> None:
    assert marks(numbers) == marked


@pytest.mark.parametrize(
    ("marked", "numbers"),
    [
        ("yín háng", "yin2 hang2"),
        ("lǜ", "lu:4"),
        ("Lǚ Xùn", "Lu:3 Xun4"),
        ("le", "le5"),
        ("nüè", "nu:e4"),
        ("ḿ", "m2"),
        ("sān C", "san1 C"),
    ],
)
def test_numbered(marked: str, numbers: str) -> None:
    assert numbered(marked) == numbers


def test_numbered_to_marks_and_back_for_every_syllable(syllables: list[str]) -> None:
    assert len(syllables) > 1500
    for syllable in syllables:
        assert numbered(marks(syllable)) == syllable


@settings(max_examples=200, deadline=None)
@given(data=st.data())
def test_round_trip_of_any_phrase(data: st.DataObject, syllables: list[str]) -> None:
    phrase = " ".join(data.draw(st.lists(st.sampled_from(syllables), min_size=1, max_size=6)))
    assert numbered(marks(phrase)) == phrase
    assert marks(numbered(marks(phrase))) == marks(phrase)


@pytest.mark.parametrize(
    ("numbers", "bopomofo"),
    [
        ("yin2 hang2", "ㄧㄣˊ ㄏㄤˊ"),
        ("ni3 hao3", "ㄋㄧˇ ㄏㄠˇ"),
        ("le5", "˙ㄌㄜ"),
        ("zhi1 chi2 shi3 ri4 zi5", "ㄓ ㄔˊ ㄕˇ ㄖˋ ˙ㄗ"),
        ("ju2 que4 xuan3 yun4", "ㄐㄩˊ ㄑㄩㄝˋ ㄒㄩㄢˇ ㄩㄣˋ"),
        ("lu:4 nu:e4", "ㄌㄩˋ ㄋㄩㄝˋ"),
        ("you3 wei4 wen2 weng1 yong3", "ㄧㄡˇ ㄨㄟˋ ㄨㄣˊ ㄨㄥ ㄩㄥˇ"),
        ("gui4 liu2 dun4", "ㄍㄨㄟˋ ㄌㄧㄡˊ ㄉㄨㄣˋ"),
        ("er4 yi1 dian3 r5", "ㄦˋ ㄧ ㄉㄧㄢˇ ㄦ"),
        ("Zhong1 guo2", "ㄓㄨㄥ ㄍㄨㄛˊ"),
        ("san1 C", "ㄙㄢ C"),
    ],
)
def test_zhuyin(numbers: str, bopomofo: str) -> None:
    assert zhuyin(numbers) == bopomofo


def test_zhuyin_agrees_with_pypinyin_on_a_real_text(sample_text: str) -> None:
    """pypinyin spells zhuyin from the characters; we spell it from the numbered pinyin.

    pypinyin writes the neutral-tone dot last; Taiwan's textbooks (and we) write it first.
    """
    han = sorted({ch for ch in sample_text if "\u4e00" <= ch <= "\u9fff"})
    assert len(han) > 300
    pypinyin = pinyintables.pypinyin()  # as zhread imports it: phrases only when admitted
    numbers = pypinyin.pinyin(han, style=pypinyin.Style.TONE3, neutral_tone_with_five=True)
    expected = pypinyin.pinyin(han, style=pypinyin.Style.BOPOMOFO)
    for ch, [syllable], [listed] in zip(han, numbers, expected, strict=True):
        bopomofo = "˙" + listed[:-1] if listed.endswith("˙") else listed
        assert zhuyin(syllable) == bopomofo, ch


@pytest.mark.parametrize(
    ("hant", "hans", "reading"),
    [
        ("銀行", "银行", "yín háng"),
        ("長期", "长期", "cháng qī"),
        ("行人", "行人", "xíng rén"),
        ("了解", "了解", "liǎo jiě"),
        ("瞭解", "了解", "liǎo jiě"),
        ("乾", "干", "gān"),  # Gan1 (a surname) beside gan1 is still one reading
    ],
)
def test_reading_in_context(dictionary, hant: str, hans: str, reading: str) -> None:
    assert reading_in_context(hant, hans, dictionary) == reading


def test_several_readings_or_none_fall_back_to_pypinyin(dictionary) -> None:
    assert reading_in_context("行", "行", dictionary) == pinyin("行")
    assert reading_in_context("長", "长", dictionary) == pinyin("长")
    assert reading_in_context("芯粒封裝", "芯粒封装", dictionary) == "xīn lì fēng zhuāng"


def test_pinyin_of_a_word_still_works() -> None:
    assert pinyin("银行") == "yín háng"
    assert SAMPLE.exists()
