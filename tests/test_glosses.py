"""The English line's glosses: the glossary's English for a term, else the CC-CEDICT sense
that fits the word's part of speech, cut to a width in cells. Judged on real CC-CEDICT and
on words of the news and texts in tests/data, each expected sense chosen by reading the
word in its text."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tui.core.readings.dictionary import Dictionary
from tui.core.readings.glosses import Glosser, cell_width, cut_gloss, word_gloss, word_tags
from tui.core.scripts.convert import shadow

DATA = Path(__file__).parent / "data"

#: (text, the word as the text writes it, jieba's tag for it, the sense that fits there)
SENSES = [
    ("news/hk-huawei-chips.txt", "發展", "vn", "development"),
    ("news/hk-housing-budget.txt", "關注", "v", "to pay attention to"),
    ("news/cn-chip-export.txt", "认为", "v", "to believe"),
    ("news/cn-chip-export.txt", "表示", "v", "to express"),
    ("news/cn-chip-export.txt", "管理", "vn", "management"),
    ("news/tw-dengue-ai-hotspots.txt", "模型", "n", "model"),
    ("news/hk-huawei-chips.txt", "數據", "n", "data"),
    ("news/hk-housing-budget.txt", "影響", "vn", "influence"),
    ("news/cn-diplomacy-forum.txt", "研究", "vn", "research"),
    ("news/hk-kowloon-pearl-fraud.txt", "調查", "vn", "investigation"),
    ("news/tw-budget-cut-vote.txt", "政府", "n", "government"),
    ("news/tw-dengue-ai-hotspots.txt", "處理", "v", "to handle"),
    ("texts/hongkong-tech-ai-for-beginners-intro.txt", "變化", "vn", "change"),
    ("news/x-real-tw-rights-day.txt", "損失", "n", "loss"),
    ("news/cn-quanzhou-marathon.txt", "说", "v", "to speak"),
    ("news/tw-budget-cut-vote.txt", "看", "v", "to see"),
    ("news/x-cn-village-football-feature.txt", "走", "v", "to walk"),
    ("news/cn-quanzhou-marathon.txt", "了", "ul", "completed action marker"),
    ("news/hk-kowloon-pearl-fraud.txt", "地", "uv", "-ly"),
    ("news/tw-chip-dresden-plant.txt", "後", "f", "back"),
    ("news/x-cn-village-football-feature.txt", "都", "d", "all"),
    ("texts/mainland-news-xiangshan-clarifications.txt", "芯片", "n", "computer chip"),
    ("news/x-real-tw-furuya.txt", "半導體", "n", "semiconductor"),
    ("news/z-tw-typhoon-taitung.txt", "颱風", "ns", "typhoon"),
    ("news/x-tw-kaohsiung-dengue.txt", "登革熱", "nz", "dengue fever"),
    ("news/y-cn-soybean-spring.txt", "大豆", "n", "soybean"),
    ("news/y-tw-bus-strike.txt", "罷工", "v", "to go on strike"),
    ("news/x-hk-elderly-repair-fraud.txt", "長者", "n", "senior"),
    ("texts/hongkong-tech-ai-for-beginners-intro.txt", "採用", "v", "to adopt"),
    ("texts/mainland-gov-network-data-security.txt", "涉及", "v", "to involve"),
    ("texts/novel-kong-yiji.txt", "掌柜", "n", "shopkeeper"),
    ("texts/novel-ah-q-zhengzhuan.txt", "酒店", "n", "wine shop"),
    ("news/y-hk-film-festival.txt", "香港", "ns", "Hong Kong"),
]


@cache
def text_of(name: str) -> str:
    return (DATA / name).read_text(encoding="utf-8")


@pytest.mark.parametrize(("name", "word", "tag", "sense"), SENSES)
def test_the_sense_that_fits_the_word_in_its_text(
    dictionary: Dictionary, name: str, word: str, tag: str, sense: str
) -> None:
    text = text_of(name)
    assert word in text
    hans = shadow(word)
    assert word_tags(shadow(text)).get(hans) == tag  # the tag the reader gives it there
    assert word_gloss(word, hans, tag, dictionary) == sense


@pytest.mark.parametrize(
    ("word", "as_verb", "as_noun"),
    [
        ("關注", "to pay attention to", "concern"),
        ("發展", "to develop", "development"),
        ("工作", "to work", "job"),
        ("長", "to grow", "length"),  # zhǎng as a verb, cháng otherwise
        ("得", "to obtain", "proper"),  # dé's first sense that is not a verb's
    ],
)
def test_the_part_of_speech_picks_the_sense(
    dictionary: Dictionary, word: str, as_verb: str, as_noun: str
) -> None:
    hans = shadow(word)
    assert word_gloss(word, hans, "v", dictionary) == as_verb
    assert word_gloss(word, hans, "n", dictionary) == as_noun


def test_without_a_part_of_speech_the_first_sense(dictionary: Dictionary) -> None:
    assert word_gloss("發展", "发展", None, dictionary) == "development"
    assert word_gloss("銀行", "银行", None, dictionary) == "bank"  # "CL:家..." never


def test_a_particle_is_read_in_the_neutral_tone(dictionary: Dictionary) -> None:
    assert word_gloss("得", "得", "ud", dictionary).startswith("structural particle")
    assert word_gloss("了", "了", "v", dictionary) == "to finish"  # liǎo


def test_empty_senses_are_skipped_and_pointers_followed(dictionary: Dictionary) -> None:
    assert word_gloss("王", "王", "n", dictionary) != "surname Wang"
    assert word_gloss("衆", "众", None, dictionary) == "crowd"  # "variant of 眾|众[zhong4]"
    assert word_gloss("歎", "叹", "v", dictionary) == "to sigh"


def test_notes_in_brackets_are_dropped(dictionary: Dictionary) -> None:
    assert word_gloss("表示", "表示", None, dictionary) == "to express"  # "(of sb) to express"
    assert word_gloss("了", "了", "ul", dictionary) == "completed action marker"  # all note


def test_the_glossary_comes_first(dictionary: Dictionary) -> None:
    assert word_gloss("模型", "模型", "n", dictionary, "AI model") == "AI model"
    assert word_gloss("蒸餾", "蒸馏", "v", None, " knowledge\n distillation ") == (
        "knowledge distillation"
    )


def test_nothing_known_is_empty(dictionary: Dictionary) -> None:
    assert word_gloss("未莊", "未庄", None, dictionary) == ""  # a village of the novel
    assert word_gloss("銀行", "银行", "n", None) == ""  # no dictionary (yet)


def test_a_word_the_dictionary_lacks_by_its_words(dictionary: Dictionary) -> None:
    assert word_gloss("最新進展", "最新进展", None, dictionary) == "latest make headway"
    assert word_gloss("會上", "会上", None, dictionary) == ""  # single characters: no


def test_a_text_glossed_chunk_by_chunk(dictionary: Dictionary, glossary, splitter) -> None:
    from tui.core.words.segment import segment

    text = text_of("news/tw-budget-cut-vote.txt")
    document = segment(text, glossary, splitter)
    english = {term: entry.en for term, entry in glossary.entries.items()}
    glosser = Glosser(dictionary, word_tags(document.shadow), english)
    found = glosser.chunk(document, document.chunks[0])
    tokens = {t.start: t for t in document.tokens}
    assert len(found) > 50
    for start, gloss in found.items():
        token = tokens[start]
        assert gloss
        if token.term:
            assert gloss == " ".join(glossary.entries[token.term].en.split())
    central = next(t for t in document.tokens if t.text == "中央政府")
    assert found[central.start] == "central government"


# -- cutting --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("gloss", "cells", "shown"),
    [
        ("bank", 6, "bank"),
        ("to go", 4, "go"),  # the verb shows itself
        ("to push out", 6, "push…"),  # at a word boundary
        ("to pay attention to", 6, "pay…"),
        ("an exit", 5, "exit"),
        ("development", 6, "devel…"),  # inside the word: a boundary would leave too little
        ("United States", 9, "United…"),
        ("abbr. for 日本", 12, "abbr. for…"),
        ("abbr. for 日本", 13, "abbr. for 日…"),  # 日 is two cells
        ("中华人民共和国", 7, "中华人…"),
        ("model", 0, ""),
        ("model", 1, "…"),
    ],
)
def test_cut_to_cells(gloss: str, cells: int, shown: str) -> None:
    assert cut_gloss(gloss, cells) == shown


@given(st.text(alphabet=st.sampled_from(list("ab cd-to 中国·é")), max_size=30), st.integers(0, 20))
def test_a_cut_gloss_fits_and_ends_in_an_ellipsis(gloss: str, cells: int) -> None:
    shown = cut_gloss(gloss, cells)
    assert cell_width(shown) <= max(cells, 0)
    if cell_width(gloss) <= cells:
        assert shown == gloss
    elif cells > 0:
        assert shown.endswith("…")
