"""The HSK level of a sentence, judged on sentences of the openly licensed texts in
tests/data/texts: every word at the level or below, names and numbers set aside, the words
in no list counted and named."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.core.model.sentences import sentence_at
from tui.core.queries.sentence_level import (
    SentenceLevel,
    Standing,
    grade_sentence,
    sentence_level,
    word_level,
)
from tui.core.readings.glosses import word_tags
from tui.core.words.segment import segment

TEXTS = Path(__file__).parent / "data" / "texts"


def graded(name: str, sentence: str, glossary, splitter, dictionary, standard="2025"):
    """``sentence`` as found in its paragraph of text ``name``, segmented and graded."""
    paragraph = next(
        line for line in (TEXTS / name).read_text(encoding="utf-8").splitlines() if sentence in line
    )
    document = segment(paragraph, glossary, splitter)
    start = paragraph.index(sentence)
    assert sentence_at(paragraph, start) == (start, start + len(sentence))  # a whole sentence
    end = start + len(sentence)
    tags = word_tags(document.shadow[start:end])
    return grade_sentence(document, start, end, standard, glossary, dictionary, tags)


def standings(level: SentenceLevel) -> dict[str, Standing]:
    return {word.word: word.standing for word in level.words}


def test_a_sentence_of_everyday_words_is_at_its_hardest_word(
    glossary, splitter, dictionary
) -> None:
    level = graded("novel-kong-yiji.txt", "他身材很高大；", glossary, splitter, dictionary)
    assert [(w.word, w.level) for w in level.words] == [
        ("他", 1),
        ("身材", 5),
        ("很", 1),
        ("高大", 5),
    ]
    assert level.label == "HSK 5" and level.summary == "HSK 5"
    assert level.explanation() == "Every word is at HSK 5 or below in the HSK 2025 lists."


def test_names_are_set_aside_and_unlisted_words_are_named(glossary, splitter, dictionary) -> None:
    level = graded(
        "novel-kong-yiji.txt",
        "孔乙己是站着喝酒而穿长衫的唯一的人。",
        glossary,
        splitter,
        dictionary,
    )
    assert standings(level)["孔乙己"] is Standing.NAME  # CC-CEDICT reads it with a capital
    assert level.level == 5  # 唯一
    assert level.unlisted == ["喝酒", "长衫"]
    assert level.summary == "HSK 5, 2 words in no list"
    assert level.explanation() == (
        "Every word is at HSK 5 or below in the HSK 2025 lists, except 1 name (孔乙己) "
        "and 2 words in no list (喝酒, 长衫)."
    )


def test_words_the_segmenter_joined_count_as_their_parts(glossary, splitter, dictionary) -> None:
    level = graded(
        "novel-kong-yiji.txt",
        "所以过了几天，掌柜又说我干不了这事。",
        glossary,
        splitter,
        dictionary,
    )
    days = next(word for word in level.words if word.word == "几天")
    assert days.standing is Standing.JOINED and days.parts == ("几", "天")
    assert days.label == "1 (几+天)"
    assert level.level == 3  # 所以 2, 又 3
    assert level.unlisted == ["掌柜", "干不了"]  # a word of its own, not 掌 + 柜


def test_a_place_is_a_name_by_its_tag(glossary, splitter, dictionary) -> None:
    """香山 (the processor) is not read with a capital only, but jieba tags it a place."""
    level = graded(
        "mainland-news-xiangshan-clarifications.txt",
        "对香山的浮夸报道属于揠苗助长，对香山的未来发展很不利。",
        glossary,
        splitter,
        dictionary,
    )
    assert standings(level)["香山"] is Standing.NAME
    assert level.label == "HSK 7-9"  # 揠苗助长
    assert level.explanation().endswith("except 1 name (香山) and 1 word in no list (浮夸).")


def test_numbers_are_set_aside(glossary, splitter, dictionary) -> None:
    level = graded(
        "novel-ah-q-zhengzhuan.txt", "“穿堂一百——一百五十！”", glossary, splitter, dictionary
    )
    assert level.words_that_are(Standing.NUMBER) == ["一百", "一百五十"]
    assert "2 numbers (一百, 一百五十)" in level.explanation()


def test_the_standard_chosen_decides(glossary, splitter, dictionary) -> None:
    """高大 is in the 2025 and 2021 lists, not in the old HSK 2.0's."""
    sentence = "他身材很高大；"
    old = graded("novel-kong-yiji.txt", sentence, glossary, splitter, dictionary, "2.0")
    assert old.level == 5  # 身材
    assert old.explanation() == (
        "Every word is at HSK 5 or below in the HSK 2.0 lists, except 1 word in no list (高大)."
    )


def test_a_sentence_of_names_alone_has_no_level(glossary, splitter, dictionary) -> None:
    level = graded("novel-kong-yiji.txt", "孔乙己", glossary, splitter, dictionary)
    assert level.level is None and level.label == "no HSK level"
    assert level.explanation() == "No word of it is in the HSK 2025 lists: 1 name (孔乙己)."


@pytest.mark.parametrize(
    ("word", "standing", "value"),
    [
        ("中国", Standing.LISTED, 1),  # a place, but a word every learner studies
        ("一个", Standing.JOINED, 1),
        ("看着", Standing.JOINED, 2),
        ("慢慢", Standing.JOINED, 2),  # said twice
        ("脚本", Standing.UNLISTED, None),  # not 脚 + 本
        ("用地", Standing.UNLISTED, None),  # not 用 + the adverb's 地
        ("一百五十", Standing.NUMBER, None),
        ("汉娜·多门", Standing.NAME, None),
    ],
)
def test_word_standings(word: str, standing: Standing, value: int | None) -> None:
    found = word_level(word)
    assert (found.standing, found.level) == (standing, value)


def test_shown_forms_name_the_words_as_the_reader_sees_them() -> None:
    level = sentence_level([word_level("长衫"), word_level("人")])
    assert level.explanation(["長衫", "人"]).endswith("(長衫).")
