"""The built-in glossary as a glossary of the field: broad, consistent across scripts and
regions, with readings the dictionaries agree with, and matched the way the field writes."""

from __future__ import annotations

from collections import Counter
from itertools import pairwise

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tui.core.glossary.audit import Readings, audit
from tui.core.glossary.entries import Category, Entry, Glossary, entry_from
from tui.core.glossary.gloss_report import terms_found
from tui.core.words.segment import segment

#: What a field glossary holds at the least, per domain (issue-independent floors: a domain
#: that shrinks far below its size is a regression, not an edit).
FLOORS = {
    Category.AI: 150,
    Category.SEMICONDUCTORS: 100,
    Category.COMPUTING: 80,
    Category.POLICY: 60,
    Category.ORGANISATION: 100,
    Category.PERSON: 40,
    Category.MODEL: 30,
    Category.MEDIA: 15,
}


def found(glossary: Glossary, text: str) -> list[tuple[str, str]]:
    return [(text[m.start : m.end], m.entry_id) for m in glossary.match(text)]


def entry(**fields: object) -> Entry:
    base: dict[str, object] = {
        "id": "term",
        "hant": "芯片",
        "hans": "芯片",
        "pinyin": "xīn piàn",
        "en": "chip",
        "category": "semiconductors",
        "definition": "A chip.",
    }
    return entry_from(base | fields)


def test_the_glossary_covers_every_domain_of_the_field(glossary: Glossary) -> None:
    assert len(glossary) >= 600
    sizes = Counter(e.category for e in glossary.entries.values())
    for category, floor in FLOORS.items():
        assert sizes[category] >= floor, (category, sizes[category])


def test_every_entry_agrees_with_opencc_and_the_dictionaries(glossary: Glossary) -> None:
    problems = audit(list(glossary.entries.values()))
    assert not problems, "\n".join(map(str, problems[:20]))


@pytest.mark.parametrize(
    ("mainland", "taiwan"),
    [
        ("芯片", "晶片"),
        ("人工智能", "人工智慧"),
        ("算法", "演算法"),
        ("内存", "記憶體"),
        ("英伟达", "輝達"),
        ("光刻", "微影"),
        ("硅", "矽"),
        ("软件", "軟體"),
    ],
)
def test_regional_words_are_one_term(glossary: Glossary, mainland: str, taiwan: str) -> None:
    (_, cn), (_, tw) = found(glossary, mainland) + found(glossary, taiwan)
    assert cn == tw
    entry = glossary.get(cn)
    assert entry.hans == mainland
    assert taiwan in (entry.tw, entry.hk, *entry.forms)


@pytest.mark.parametrize(
    "term",
    [
        "LLM",
        "大语言模型",
        "微调",
        "LoRA",
        "MoE",
        "RLHF",
        "GPU",
        "显存",
        "台积电",
        "实体清单",
        "制裁",
    ],
)
def test_the_terms_a_reader_of_the_field_meets_are_explained(glossary: Glossary, term: str) -> None:
    assert [text for text, _ in found(glossary, term)] == [term]


def test_the_audit_names_each_kind_of_problem() -> None:
    entries = [
        entry(id="a", hant="晶片", hans="芯片"),  # another word where the script belongs
        entry(id="b", hant="內存", hans="内存", tw="內存", pinyin="nèi cún"),  # tw is hant
        entry(id="c", hant="顯存", hans="显存", pinyin="xiǎn zài"),  # a wrong reading
        entry(id="d", hant="算法", hans="算法", hk="算法", pinyin="suàn fǎ"),
        entry(id="e", hant="晶圓", hans="晶圆", forms=("芯片",), pinyin="jīng yuán"),
        entry(id="f", hant="數據", hans="數據", pinyin="shù jù"),  # hans in Traditional
        entry(id="g", hant="硅", hans="硅", tw="硅", pinyin="guī"),
    ]
    readings = Readings(w for e in entries for w in (e.hans, e.hant))
    problems = {(p.entry_id, p.field) for p in audit(entries, readings)}
    assert ("a", "hant") in problems
    assert ("b", "tw") in problems
    assert ("c", "pinyin") in problems
    assert ("d", "hk") in problems
    assert ("e", "forms") in problems  # 芯片 is entry a's (and 'term''s) too
    assert ("f", "hans") in problems
    assert ("g", "tw") in problems


def test_the_audit_reads_a_term_from_its_dictionary_words() -> None:
    """微调 is wēi tiáo in CC-CEDICT although a character-by-character guess says diào."""
    good = entry(id="sft", hant="監督微調", hans="监督微调", pinyin="jiān dū wēi tiáo")
    latin = entry(id="ai-server", hant="AI伺服器", hans="AI伺服器", pinyin="AI sì fú qì")
    assert audit([good, latin]) == []


# --- matching as the field writes ---------------------------------------------------------


@pytest.fixture(scope="module")
def small() -> Glossary:
    return Glossary(
        [
            entry(id="nm", hant="納米", hans="纳米", aliases=("nm",), pinyin="nà mǐ"),
            entry(id="gpu", hant="圖形處理器", hans="图形处理器", aliases=("GPU",), pinyin="x"),
            entry(id="sft", hant="監督式微調", hans="监督式微调", pinyin="x"),
            entry(id="fine-tuning", hant="微調", hans="微调", pinyin="wēi tiáo"),
            entry(id="lora", hant="LoRA", hans="LoRA", pinyin=""),
            entry(id="h100", hant="H100", hans="H100", pinyin=""),
            entry(id="gpt-4o", hant="GPT-4o", hans="GPT-4o", pinyin="", category="model"),
            entry(id="gpt-4", hant="GPT-4", hans="GPT-4", pinyin="", category="model"),
            entry(id="ai-chip", hant="AI晶片", hans="AI晶片", pinyin="AI jīng piàn"),
        ]
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("台積電7nm與3 nm製程", [("7nm", "nm"), ("3 nm", "nm")]),  # the size is the term
        ("1.5nm 與 x7nm", [("1.5nm", "nm")]),
        ("多塊GPUs與H100s", [("GPUs", "gpu"), ("H100s", "h100")]),
        ("H1000 H100X xH100 2GPU", []),
        ("lora LORA Lora LoRA", [("LoRA", "lora")]),
        ("GPT-4o GPT-4 GPT-4oX", [("GPT-4o", "gpt-4o"), ("GPT-4", "gpt-4")]),
        ("**監督式**微調", [("監督式**微調", "sft")]),
        ("監督式__微調與微調", [("監督式__微調", "sft"), ("微調", "fine-tuning")]),
        ("監督式微調", [("監督式微調", "sft")]),  # the shorter 微調 inside is not matched again
        ("a*b 監督式 微調", [("微調", "fine-tuning")]),
        ("監督式微調 GPU", [("監督式微調", "sft"), ("GPU", "gpu")]),
        ("gpt-4o、gpt-4", [("gpt-4o", "gpt-4o"), ("gpt-4", "gpt-4")]),  # an API's model id
        ("Gpt-4o loRA lora", []),
    ],
)
def test_latin_names_units_plurals_and_emphasis(
    small: Glossary, text: str, expected: list[tuple[str, str]]
) -> None:
    assert found(small, text) == expected


@given(
    st.text(alphabet="監督式微調的數據 *_", max_size=30),
    st.sampled_from(["*", "**", "_", "__", "***"]),
)
def test_emphasis_inside_a_term_never_hides_it(small: Glossary, noise: str, mark: str) -> None:
    text = f"{noise}監督式{mark}微調{noise}"
    matches = small.match(text)
    assert any(m.entry_id == "sft" for m in matches)
    ends = [(m.start, m.end) for m in matches]
    assert ends == sorted(ends)
    assert all(a[1] <= b[0] for a, b in pairwise(ends))


@pytest.mark.parametrize(
    ("text", "headword"),
    [("这块芯片很快。", "芯片"), ("這塊晶片很快。", "晶片"), ("這塊芯片很快。", "芯片")],
)
def test_a_gloss_shows_the_form_on_the_page(
    glossary: Glossary, splitter: object, text: str, headword: str
) -> None:
    document = segment(text, glossary, splitter)  # type: ignore[arg-type]
    (use,) = [u for u in terms_found(document, glossary) if u.entry.id == "chip"]
    assert use.headword == headword
    assert headword not in use.other_forms


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("AI 晶片與AI晶片", [("AI 晶片", "ai-chip"), ("AI晶片", "ai-chip")]),
        ("用 Llama 2 與 Llama-2-7b-chat", [("Llama 2", "llama"), ("Llama-2-7b-chat", "llama")]),
        ("Llama 2025年", [("Llama", "llama")]),  # a year is no version
    ],
)
def test_spacing_and_versions(small: Glossary, text: str, expected: list[tuple[str, str]]) -> None:
    llama = entry(id="llama", hant="Llama", hans="Llama", pinyin="", category="model")
    glossary = Glossary([*small.entries.values(), llama])
    assert found(glossary, text) == expected
