"""Glossary candidates: Chinese terms a document glosses in English in parentheses, and the
entries made from them."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tui.core.glossary.candidates import (
    Candidate,
    CandidateKind,
    english_for,
    entry_for,
    find_candidates,
)
from tui.core.glossary.entries import Glossary
from tui.core.glossary.layers import builtin_glossary
from tui.core.glossary.loader import load_glossary
from tui.core.words.segment import segment
from tui.store.userglossary import add_entry

SIMPLIFIED = (
    "研究人员使用了知识蒸馏(knowledge distillation)技术。该公司的「混合专家」（Mixture of "
    "Experts，MoE）架构很有名。\n"
    "英国学者约翰·史密斯（John Smith，音）认为，大语言模型(LLM)会改变一切。这一年(2024)，"
    "美方（美方）表示，第(ii)点很重要。\n"
    "他们还研究了检索增强生成 (Retrieval-Augmented Generation) 与“思维树”（Tree of Thoughts）。"
    "知识蒸馏很常见。\n"
)


def candidates_in(text: str, glossary: Glossary | None, splitter) -> list[Candidate]:
    return find_candidates(segment(text, glossary, splitter, "t.txt"), glossary)


@pytest.fixture(scope="module")
def sample_candidates(sample_text: str, glossary: Glossary, splitter) -> list[Candidate]:
    return candidates_in(sample_text, glossary, splitter)


def test_the_sample_glosses_names_and_terms(sample_candidates: list[Candidate]) -> None:
    found = {c.term: c.english for c in sample_candidates}
    assert found["漢娜·多門"] == "Hanna Dohmen"
    assert found["戴維·林"] == "David Lin"  # the ",音" (transliterated) marker is dropped
    assert found["克里夫·西姆斯"] == "Cliff Sims"
    assert found["芯粒封裝"] == "chiplet packaging"
    assert found["長鏈式思維"] == "CoT"
    assert not any("美方" in c.term or "美方" in c.english for c in sample_candidates)
    assert not any("音" in c.english for c in sample_candidates)


def test_candidates_locate_and_count_their_term(
    sample_text: str, sample_candidates: list[Candidate]
) -> None:
    pairs = [c for c in sample_candidates if c.kind is CandidateKind.PAIR]
    starts = [c.start for c in pairs]
    assert starts == sorted(starts)
    assert len({c.term for c in sample_candidates}) == len(sample_candidates)
    for c in pairs:
        assert sample_text[c.start : c.end] == c.term
        assert sample_text.find(c.term) == c.start
        assert c.count == sample_text.count(c.term) >= 1


def test_known_terms_name_their_entry(sample_candidates: list[Candidate]) -> None:
    known = {c.term: c.known_id for c in sample_candidates}
    assert known["漢娜·多門"] == "person-hanna-dohmen"
    assert known["芯粒封裝"] == "chiplet-packaging"


def test_without_a_glossary_nothing_is_known(sample_text: str, glossary, splitter) -> None:
    document = segment(sample_text, glossary, splitter)
    assert all(c.known_id is None for c in find_candidates(document, None))
    assert {c.term for c in find_candidates(document, Glossary())} >= {"漢娜·多門", "芯粒封裝"}


def test_a_simplified_text(glossary: Glossary, splitter) -> None:
    candidates = candidates_in(SIMPLIFIED, glossary, splitter)
    found = {c.term: c.english for c in candidates}
    assert found == {
        "知识蒸馏": "knowledge distillation",
        "混合专家": "Mixture of Experts, MoE",  # quoted: the quotes decide; full-width normalised
        "约翰·史密斯": "John Smith",
        "大语言模型": "LLM",
        "检索增强生成": "Retrieval-Augmented Generation",
        "思维树": "Tree of Thoughts",
    }
    distillation = next(c for c in candidates if c.term == "知识蒸馏")
    assert distillation.count == 2 and distillation.known_id == "knowledge-distillation"


@pytest.mark.parametrize(
    "text",
    [
        "這一年(2024)很重要。",
        "他們（美方）表示。",
        "第(ii)點。",
        "所謂(a)項。",
        "說了一句(很長的話)。",
        "「(在矽谷)」",
        "(Hanna Dohmen)開頭沒有中文。",
        "的(the)",
    ],
)
def test_parentheses_that_are_not_english_glosses(text: str, splitter) -> None:
    assert candidates_in(text, None, splitter) == []


@pytest.mark.parametrize(
    ("text", "term", "english"),
    [
        ("採用『小晶片』（chiplets）設計", "小晶片", "chiplets"),
        ("他提到“芯粒”(chiplet)。", "芯粒", "chiplet"),
        ("分析師托尼·彭 (Tony Peng, 音) 說", "托尼·彭", "Tony Peng"),
        ("使用ＡＩ晶片（ＡＩ ｃｈｉｐｓ）", "晶片", "AI chips"),
        ("來自風險投資(VC)的錢", "風險投資", "VC"),  # capitals are never a list marker
    ],
)
def test_quotes_dots_and_full_width_forms(text: str, term: str, english: str, splitter) -> None:
    [candidate] = candidates_in(text, None, splitter)
    assert (candidate.term, candidate.english) == (term, english)


# --- entries ---------------------------------------------------------------------------


def candidate(term: str, english: str) -> Candidate:
    return Candidate(term, english, 0, len(term), 1, None)


def test_entry_for_a_simplified_name() -> None:
    entry = entry_for(candidate("约翰·史密斯", "John Smith"), "/home/me/news/story.txt")
    assert entry.id == "person-john-smith"
    assert (entry.hant, entry.hans) == ("約翰·史密斯", "约翰·史密斯")
    assert entry.pinyin == "yuē hàn shǐ mì sī"
    assert entry.category == "person" and entry.en == "John Smith"
    assert "story.txt" in entry.definition and "John Smith" in entry.definition
    assert "/home/me" not in entry.definition


def test_entry_for_a_traditional_term_keeps_it_as_written() -> None:
    entry = entry_for(candidate("芯粒封裝", "chiplet packaging"), "<stdin>", taken=())
    assert (entry.hant, entry.hans, entry.id) == ("芯粒封裝", "芯粒封装", "chiplet-packaging")
    assert entry.category == "other" and entry.pinyin == "xīn lì fēng zhuāng"
    assert "standard input" in entry.definition


def test_entry_ids_are_unique() -> None:
    assert entry_for(candidate("晶片", "chip"), "a.txt").id == "chip-2"  # built-in has 'chip'
    taken = {"ai-chips", "ai-chips-2"}
    assert entry_for(candidate("AI晶片", "AI chips"), "a.txt", taken=taken).id == "ai-chips-3"
    mixed = entry_for(candidate("GPT4模型", "GPT-4 model"), "a.txt", taken=())
    assert mixed.pinyin == "GPT mó xíng"  # Latin copied, digits dropped (not tone numbers)


def test_entries_from_the_sample_can_be_added(
    sample_candidates: list[Candidate], tmp_path: Path
) -> None:
    taken = set(builtin_glossary().entries)
    path = tmp_path / "glossary.yaml"
    for c in sample_candidates:
        entry = entry_for(c, "sample.txt", taken=taken)
        taken.add(entry.id)
        if c.known_id is None:
            add_entry(entry, path)
    assert len(load_glossary(path, known_ids=builtin_glossary().entries)) >= 1


_ENGLISH = st.text(
    st.characters(codec="utf-8", categories=("L", "N", "P", "S", "Zs")), min_size=1, max_size=30
).filter(lambda s: s.strip())


@settings(max_examples=60, deadline=None)
@given(english=_ENGLISH, term=st.sampled_from(["芯粒", "約翰·史密斯", "大语言模型", "ＡＩ芯片"]))
def test_any_english_is_written_as_yaml_that_reads_back(english: str, term: str) -> None:
    entry = entry_for(candidate(term, english), "a: b #c.txt", taken=())
    with tempfile.TemporaryDirectory() as directory:
        path = Path(directory) / "glossary.yaml"
        add_entry(entry, path, known_ids=())
        assert load_glossary(path).get(entry.id) == entry


# --- acronyms and repeated words ---------------------------------------------------------

FIELD_TEXT = (
    "新一代HBM3E显存由台积电的CoWoS封装。HBM3E的带宽更高，NVLink连接多块GPU。\n"
    "第IV章讲液冷机柜。液冷机柜的功耗很高，液冷机柜需要改造。他们说你好。你好，你好！\n"
)


@pytest.fixture(scope="module")
def field_candidates(glossary: Glossary, splitter) -> list[Candidate]:
    """A glossary that knows three of the text's acronyms, as a growing one always will."""
    known = Glossary(glossary.get(i) for i in ("cowos", "nvlink", "gpu", "tsmc"))
    return candidates_in(FIELD_TEXT, known, splitter)


def test_unknown_acronyms_are_candidates_with_count_and_context(
    field_candidates: list[Candidate],
) -> None:
    acronyms = {c.term: c for c in field_candidates if c.kind is CandidateKind.ACRONYM}
    assert "HBM3E" in acronyms and acronyms["HBM3E"].count == 2
    assert "HBM3E显存" in acronyms["HBM3E"].context
    assert FIELD_TEXT[acronyms["HBM3E"].start : acronyms["HBM3E"].end] == "HBM3E"
    assert "IV" not in acronyms  # a Roman numeral
    assert not {"CoWoS", "NVLink", "GPU"} & acronyms.keys()  # the glossary knows them


def test_repeated_unknown_nouns_are_candidates(field_candidates: list[Candidate]) -> None:
    repeated = {c.term: c.count for c in field_candidates if c.kind is CandidateKind.REPEATED}
    assert not {"你好", "他们"} & repeated.keys()  # common words: in the HSK lists
    for term, count in repeated.items():
        assert count >= 3 and FIELD_TEXT.count(term) >= 3, term


def test_an_english_text_offers_no_candidates(glossary: Glossary, splitter) -> None:
    assert candidates_in("The HBM3E stacks on CoWoS. HBM3E again.", glossary, splitter) == []


def test_an_acronym_entry_has_no_reading() -> None:
    acronym = Candidate("HBM3E", "", 0, 5, 2, None, CandidateKind.ACRONYM, "HBM3E显存")
    entry = entry_for(acronym, "a.txt", taken=(), english="HBM3E memory")
    assert (entry.hans, entry.pinyin, entry.en) == ("HBM3E", "", "HBM3E memory")
    assert "acronym" in entry.definition and "first draft" in entry.definition


def test_english_comes_from_the_dictionary(dictionary) -> None:
    assert english_for("显存", dictionary)  # a dictionary word: its first sense
    assert " + " in english_for("液冷机柜", dictionary)  # pieces: liquid cooling + cabinet
    assert english_for("ABC", dictionary) == ""
    repeated = Candidate("液冷机柜", "", 0, 4, 3, None, CandidateKind.REPEATED, "液冷机柜")
    entry = entry_for(repeated, "a.txt", taken=(), english=english_for("液冷机柜", dictionary))
    assert entry.en == english_for("液冷机柜", dictionary)
    assert entry.pinyin == "yè lěng jī guì"
