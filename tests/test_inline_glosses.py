"""Which terms get an inline gloss, and where it goes: right after the term, never where the
text already gives the English, never after a term written in Latin letters."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tui.core.glossary.entries import Glossary
from tui.core.glossary.inline_glosses import BRACKETS, QUOTES, inline_glosses, said_names
from tui.core.words.segment import segment


@pytest.fixture(scope="module")
def gloss(glossary: Glossary, splitter):
    english = {e.id: e.en for e in glossary.entries.values()}
    said = {e.id: said_names(e.en, [a.text for a in e.aliases]) for e in glossary.entries.values()}

    def glossed(text: str) -> str:
        """The text as ``i`` shows it: each gloss put in at its offset."""
        view = glossary.for_text(text)
        notes = inline_glosses(text, segment(text, view, splitter).terms(), english, said)
        out, last = [], 0
        for at in sorted(notes):
            out += [text[last:at], notes[at]]
            last = at
        return "".join(out) + text[last:]

    return glossed


def test_a_gloss_goes_right_after_the_term_before_punctuation(gloss) -> None:
    text = "美國參議院昨天召開聽證會。議員們討論了出口管制，也談到晶片。"
    assert gloss(text) == (
        "美國參議院(US Senate)昨天召開聽證會(hearing)。議員(lawmaker (member of a legislature))"
        "們討論了出口管制(export controls)，也談到晶片((semiconductor) chip)。"
    )


def test_a_gloss_follows_quote_marks_that_enclose_the_term(gloss) -> None:
    assert gloss("業者採用「芯粒封裝」技術。") == "業者採用「芯粒封裝」(chiplet packaging)技術。"
    # a quote that holds more than the term is not the term's: the gloss stays inside
    assert gloss("這是「堆算力」的做法。") == "這是「堆算力(computing power (compute))」的做法。"


@pytest.mark.parametrize(
    "text",
    [
        "研究員漢娜·多門(Hanna Dohmen)表示",
        "研究員漢娜·多門（Hanna Dohmen）表示",
        "研究員漢娜·多門 (hanna dohmen) 表示",
        "研究員漢娜·多門【Hanna  Dohmen】表示",
        "研究員漢娜·多門（Hanna Dohmen，音譯）表示",
        "研究員Hanna Dohmen（漢娜·多門）表示",
    ],
)
def test_no_gloss_where_the_text_gives_the_english(gloss, text: str) -> None:
    assert gloss(text) == text


def test_the_text_may_give_an_alias_or_part_of_the_gloss(gloss) -> None:
    for text in (
        "採用「監督微調」(SFT)方法",
        "實現通用人工智慧(AGI)",
        "使用微調數據集(fine-tuning datasets)",
        "採用芯片(semiconductor chips)",
    ):
        assert gloss(text) == text, text


def test_an_explained_term_is_not_glossed_later_either(gloss) -> None:
    text = "他們召開聽證會(hearing)。第二場聽證會在下週。"
    assert gloss(text) == text


def test_other_english_in_brackets_is_not_the_gloss(gloss) -> None:
    assert gloss("召開聽證會(2025年)。") == "召開聽證會(hearing)(2025年)。"


def test_a_term_in_latin_letters_is_not_glossed(gloss) -> None:
    assert gloss("DeepSeek發布了新版本。") == "DeepSeek發布了新版本。"
    # the Chinese spelling after an English first use is the first that needs the gloss
    assert gloss("AI發展很快，人工智能無處不在。") == (
        "AI發展很快，人工智能(artificial intelligence (AI))無處不在。"
    )


def test_only_the_first_use_is_glossed(gloss) -> None:
    assert gloss("蒸餾很重要。學生模型透過蒸餾學習。") == (
        "蒸餾(distillation)很重要。學生模型(student model)透過蒸餾學習。"
    )


# --- properties ---------------------------------------------------------------------------

PIECES = [
    "聽證會",
    "芯片",
    "晶片",
    "蒸餾",
    "DeepSeek",
    "AI",
    "人工智能",
    "漢娜·多門",
    "(Hanna Dohmen)",
    "(hearing)",
    "（芯片）",
    "「",
    "」",
    "。",
    "，",
    " ",
    "的",
    "和",
    "(",
    ")",
    "【",
    "】",
    "\n",
]


@settings(max_examples=300, deadline=None)
@given(text=st.lists(st.sampled_from(PIECES), max_size=30).map("".join))
def test_glosses_sit_at_a_term_and_never_repeat_the_text(
    glossary: Glossary, splitter, text: str
) -> None:
    english = {e.id: e.en for e in glossary.entries.values()}
    said = {e.id: said_names(e.en, [a.text for a in e.aliases]) for e in glossary.entries.values()}
    terms = segment(text, glossary.for_text(text), splitter).terms()
    notes = inline_glosses(text, terms, english, said)
    ends = {t.end for t in terms} | {
        t.end + 1 for t in terms if t.end < len(text) and text[t.end] in QUOTES.values()
    }
    assert set(notes) <= ends
    assert len(notes) == len(set(notes.values())) <= len({t.term for t in terms})
    for at, note in notes.items():
        following = text[at:].lstrip(" " + "".join(QUOTES.values()))
        assert not (following[:1] in BRACKETS and following[1:].startswith(note[1:-1]))
