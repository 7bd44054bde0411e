"""The glossary: file validation with exact locations, the built-in glossary against the
sample article, and the matcher's rules (scripts, regional forms, whole Latin words,
leftmost-longest, no overlaps, speed)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tui.core.errors import ZhreadError
from tui.core.glossary import bundled
from tui.core.glossary import loader as glossary_module
from tui.core.glossary.bundled import builtin_glossary_path
from tui.core.glossary.entries import Category, Entry, Glossary
from tui.core.glossary.loader import GlossaryError, load_glossary, parse_glossary
from tui.core.glossary.matcher import TermMatch
from tui.core.model.chars import is_han
from tui.core.scripts import convert

ROOT = Path(__file__).resolve().parent.parent

# Line numbers matter below: each line of GOOD is numbered in the comment on its right.
GOOD = """\
terms:
  - id: sft
    hant: 監督微調
    hans: 监督微调
    aliases: [SFT]
    pinyin: jiān dū wēi tiáo
    en: supervised fine-tuning
    category: ai
    definition: Training on examples of the answers wanted.
  - id: algorithm
    hant: 演算法
    hans: 演算法
    forms:
      - 算法
    pinyin: yǎn suàn fǎ
    en: algorithm
    category: other
    definition: A step-by-step method.
    see_also: [sft]
"""
#  1 terms / 2 id sft / 3 hant / 4 hans / 5 aliases / 6 pinyin / 7 en / 8 category
#  9 definition / 10 id algorithm / 11 hant / 12 hans / 13 forms / 14 - 算法 / 15 pinyin
# 16 en / 17 category / 18 definition / 19 see_also


def edit(old: str, new: str, text: str = GOOD) -> str:
    assert text.count(old) == 1, old
    return text.replace(old, new)


def error_for(text: str) -> GlossaryError:
    with pytest.raises(GlossaryError) as caught:
        parse_glossary(text, "glossary.yaml")
    return caught.value


@pytest.fixture(scope="module")
def builtin() -> Glossary:
    return load_glossary(builtin_glossary_path())


@pytest.fixture(scope="module")
def sample() -> str:
    return bundled.sample_path().read_text(encoding="utf-8")


def found(glossary: Glossary, text: str) -> list[tuple[str, str]]:
    return [(text[m.start : m.end], m.entry_id) for m in glossary.match(text)]


# --- validation -----------------------------------------------------------------------


def test_good_file_parses() -> None:
    glossary = parse_glossary(GOOD)
    assert list(glossary.entries) == ["sft", "algorithm"]
    sft = glossary.get("sft")
    assert sft.aliases[0].text == "SFT" and not sft.aliases[0].ignore_case
    assert sft.category is Category.AI and sft.forms == () and sft.note is None
    assert glossary.get("algorithm").see_also == ("sft",)


def test_error_format_and_attributes() -> None:
    error = error_for(edit("    en: supervised", "    englsh: supervised"))
    assert str(error) == "glossary.yaml:7: entry 'sft': unknown field 'englsh'"
    assert (error.path, error.line) == ("glossary.yaml", 7)
    assert error.message == "entry 'sft': unknown field 'englsh'"
    assert isinstance(error, ZhreadError)


@pytest.mark.parametrize(
    ("text", "line", "parts"),
    [
        pytest.param(
            edit("    category: other\n", ""),
            10,
            ["entry 'algorithm'", "missing required field 'category'"],
            id="missing",
        ),
        pytest.param(
            edit("pinyin: jiān dū wēi tiáo", "pinyin: [jiān]"),
            6,
            ["entry 'sft'", "field 'pinyin'", "valid string"],
            id="wrong-type",
        ),
        pytest.param(
            edit("    forms:\n      - 算法", "    forms: 算法"),
            13,
            ["entry 'algorithm'", "field 'forms'"],
            id="forms-not-a-list",
        ),
        pytest.param(
            edit(
                "    aliases: [SFT]",
                "    aliases:\n      - SFT\n      - text: Sft\n        ignore_case: perhaps",
            ),
            8,
            ["entry 'sft'", "field 'aliases[1].ignore_case'"],
            id="alias-type",
        ),
        pytest.param(
            edit("    aliases: [SFT]", "    aliases:\n      - text: SFT\n        case: x"),
            7,
            ["entry 'sft'", "unknown field 'aliases[0].case'"],
            id="alias-unknown",
        ),
        pytest.param(
            edit("    aliases: [SFT]", "    aliases: [監督]"),
            5,
            ["entry 'sft'", "field 'aliases[0].text'", "Latin"],
            id="alias-han",
        ),
        pytest.param(
            edit("category: other", "category: biology"),
            17,
            ["entry 'algorithm'", "field 'category'", "'semiconductors'"],
            id="category",
        ),
        pytest.param(
            edit("  - id: sft", "  - id: Supervised FT"),
            2,
            ["entry 'Supervised FT'", "field 'id'", "slug"],
            id="id-slug",
        ),
        pytest.param(
            edit("pinyin: jiān dū wēi tiáo", "pinyin: jian1 du1"),
            6,
            ["entry 'sft'", "field 'pinyin'", "tone marks"],
            id="tone-numbers",
        ),
        pytest.param(
            edit("pinyin: jiān dū wēi tiáo", 'pinyin: ""'),
            6,
            ["entry 'sft'", "field 'pinyin'", "must not be empty"],
            id="pinyin-empty",
        ),
        pytest.param(
            edit("    hans: 监督微调\n", "    hans: '   '\n"),
            4,
            ["entry 'sft'", "field 'hans'"],
            id="blank",
        ),
        pytest.param(
            edit("    en: algorithm\n", "    en: algorithm\n    en: again\n"),
            17,
            ["entry 'algorithm'", "duplicate field 'en'"],
            id="duplicate-field",
        ),
        pytest.param(
            edit("  - id: algorithm", "  - id: sft"),
            10,
            ["entry 'sft'", "duplicate id 'sft'", "line 2"],
            id="duplicate-id",
        ),
        pytest.param(
            edit("      - 算法", "      - 監督微调"),
            14,
            ["entry 'algorithm'", "field 'forms'", "'監督微调'", "entry 'sft'", "line 3"],
            id="duplicate-form-other-script",
        ),
        pytest.param(
            edit("    hans: 演算法", "    hans: 监督微调"),
            12,
            ["entry 'algorithm'", "field 'hans'", "entry 'sft'"],
            id="duplicate-hans",
        ),
        pytest.param(
            edit("    see_also: [sft]", "    aliases: [SFT]\n    see_also: [sft]"),
            19,
            ["entry 'algorithm'", "field 'aliases'", "'SFT'", "entry 'sft'"],
            id="duplicate-alias",
        ),
        pytest.param(
            edit(
                "    see_also: [sft]",
                "    aliases: [{text: sft, ignore_case: true}]\n    see_also: [sft]",
            ),
            19,
            ["entry 'algorithm'", "field 'aliases'", "'sft'", "entry 'sft'"],
            id="duplicate-alias-ignoring-case",
        ),
        pytest.param(
            edit("    see_also: [sft]", "    see_also:\n      - sft\n      - Not Slug"),
            21,
            ["entry 'algorithm'", "field 'see_also[1]'", "slug"],
            id="see-also-slug",
        ),
        pytest.param(
            edit("    see_also: [sft]", "    see_also:\n      - sft\n      - nope"),
            21,
            ["entry 'algorithm'", "field 'see_also'", "'nope'"],
            id="see-also",
        ),
        pytest.param(
            edit("    hant: 演算法", "    hant: 演算法: x"),
            11,
            ["invalid YAML", "mapping values are not allowed"],
            id="broken-yaml",
        ),
        pytest.param(
            edit("    en: algorithm", "    en: [algorithm"),
            17,
            ["invalid YAML"],
            id="unclosed-flow",
        ),
        pytest.param(
            edit("    en: algorithm", "    en: !!python/object/apply:os.system [ls]"),
            16,
            ["invalid YAML", "constructor"],
            id="unsafe-tag",
        ),
        pytest.param(
            edit("    hant: 演算法", "    hant: 演算\x07法"),
            11,
            ["invalid YAML", "U+0007"],
            id="control-character",
        ),
        pytest.param("- id: sft\n", 1, ["top level must be a mapping"], id="top-level-list"),
        pytest.param("terms: []\nextra: 1\n", 2, ["unknown top-level key 'extra'"], id="top-key"),
        pytest.param("# nothing\nother: 1\n", 2, ["unknown top-level key 'other'"], id="no-terms"),
        pytest.param("{}\n", 1, ["missing the top-level 'terms:'"], id="no-terms-key"),
        pytest.param("\n\nterms: many\n", 3, ["'terms' must be a list"], id="terms-not-list"),
        pytest.param("terms:\n  - sft\n", 2, ["entry #1", "expected a mapping"], id="entry-str"),
        pytest.param("", 1, ["empty"], id="empty"),
        pytest.param(
            "terms:\n  - id: a\u2028\x85    x: [\n", 3, ["invalid YAML"], id="yaml-only-breaks"
        ),
        pytest.param(
            edit("    en: algorithm", "    en: algorithm\u2028    defintion: x"),
            16,
            ["unknown field 'defintion'"],
            id="line-separator-in-an-entry",
        ),
    ],
)
def test_validation_errors(text: str, line: int, parts: list[str]) -> None:
    error = error_for(text)
    assert error.line == line, str(error)
    assert str(error).startswith(f"glossary.yaml:{line}: ")
    for part in parts:
        assert part in error.message, str(error)


def test_missing_field_loses_to_a_misspelt_one_below_it() -> None:
    error = error_for(edit("    definition: A step", "    defintion: A step"))
    assert (error.line, error.message) == (18, "entry 'algorithm': unknown field 'defintion'")


def test_case_sensitive_aliases_may_differ_only_in_case() -> None:
    text = edit("    see_also: [sft]", "    aliases: [Sft]\n    see_also: [sft]")
    assert found(parse_glossary(text), "SFT Sft") == [("SFT", "sft"), ("Sft", "algorithm")]


def test_see_also_may_point_to_known_ids_of_another_layer() -> None:
    text = edit("see_also: [sft]", "see_also: [sft, distillation]")
    assert error_for(text).line == 19
    assert "algorithm" in parse_glossary(text, known_ids={"distillation"})


def test_null_terms_is_an_empty_glossary() -> None:
    assert len(parse_glossary("terms:\n")) == 0


def test_file_errors(tmp_path: Path) -> None:
    path = tmp_path / "glossary.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + GOOD.encode())  # a BOM is fine
    assert len(load_glossary(path)) == 2

    path.write_bytes(GOOD.encode().replace("演算法".encode(), "演算法".encode("big5"), 1))
    error = _load_error(path)
    assert (error.line, error.path) == (11, str(path))
    assert "UTF-8" in error.message

    error = _load_error(tmp_path / "missing.yaml")
    assert error.line is None and "cannot read" in str(error)
    assert str(error).startswith(f"{tmp_path / 'missing.yaml'}: ")


def _load_error(path: Path) -> GlossaryError:
    with pytest.raises(GlossaryError) as caught:
        load_glossary(path)
    return caught.value


def test_size_limits(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(glossary_module, "MAX_GLOSSARY_BYTES", 200)
    path = tmp_path / "big.yaml"
    path.write_text(GOOD, encoding="utf-8")
    error = _load_error(path)
    assert error.line is None and "limit" in error.message and str(path) in str(error)
    with pytest.raises(GlossaryError, match="limit"):
        parse_glossary(GOOD)


def test_entry_count_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(glossary_module, "MAX_ENTRIES", 1)
    error = error_for(GOOD)
    assert error.line == 10 and "more than 1 items" in error.message


# --- the built-in glossary and the sample article ---------------------------------------

REQUIRED = {
    "chiplet-packaging": "芯粒封裝",
    "chiplet": "芯粒",
    "distillation": "蒸餾",
    "sft": "監督微調",
    "cot": "長鏈式思維",
    "agi": "通用人工智慧",
    "rl": "強化學習",
    "ai": "人工智慧",
    "cold-start": "冷啟動",
    "fine-tuning-dataset": "微調數據集",
    "teacher-model": "教師模型",
    "student-model": "學生模型",
    "model-grading": "模型評分",
    "knowledge-distillation": "知識蒸餾",
    "reasoning-model": "推理模型",
    "open-source-model": "開源模型",  # 開源 inside it is not matched again
    "closed-source": "閉源",
    "export-controls": "出口管制",
    "semiconductor-manufacturing-equipment": "半導體製造設備",
    "chip": "晶片",
    "algorithm": "演算法",
    "computing-power": "算力",
    "intellectual-property": "知識產權",
    "first-mover-advantage": "先發優勢",
    "iterator": "迭代者",
    "imitator": "模仿者",
    "deepseek": "DeepSeek",
    "deepseek-r1": "DeepSeek-R1",
    "r1-zero": "R1-Zero",
    "deepseek-v3": "V3",
    "gpt-o1": "GPT-o1",
    "chatgpt": "ChatGPT",
    "openai": "OpenAI",
    "uscc": "美中經濟與安全評估委員會",
    "scsp": "特殊競爭研究項目",
    "cset": "喬治敦大學安全與新興技術中心",
    "south-china-morning-post": "南華早報",
    "straits-times": "海峽時報",
    "mit-technology-review": "麻省理工科技評論",
    "guancha": "觀察者網",
    "gsr-ventures": "金沙江創業投資",
    "person-hanna-dohmen": "漢娜·多門",
    "person-david-lin": "戴維·林",
    "person-cliff-sims": "克里夫·西姆斯",
    "person-tony-peng": "托尼·彭",
    "person-lutz-finger": "盧茨·芬格",
    "person-david-yin": "戴維·尹",
    "person-sam-altman": "奧爾特曼",
    "hearing": "聽證會",
    "trump-administration": "特朗普政府",
    "us-state-department": "美國國務院",
    "us-congress": "美國國會",
    "silicon-valley": "矽谷",
}
REQUIRED_SPELLINGS = {
    "cot": {"思維鏈", "CoT"},
    "agi": {"通用人工智能", "AGI"},
    "ai": {"人工智能", "AI"},
    "sft": {"SFT"},
    "rl": {"RL"},
    "uscc": {"USCC"},
    "scsp": {"SCSP"},
    "cset": {"CSET"},
    "chip": {"晶元", "芯片"},
    "algorithm": {"算法"},
    "intellectual-property": {"智慧財產權"},
    "gsr-ventures": {"GSR Ventures"},
    "person-hanna-dohmen": {"Hanna Dohmen", "多門"},
    "person-david-lin": {"David Lin"},
    "person-cliff-sims": {"Cliff Sims", "西姆斯"},
    "person-tony-peng": {"Tony Peng"},
    "person-lutz-finger": {"Lutz Finger"},
    "person-david-yin": {"David Yin"},
    "person-sam-altman": {"Sam Altman"},
}
ROLES = {
    "person-hanna-dohmen": ["research analyst", "Georgetown", "CSET"],
    "person-david-lin": ["Special Competitive Studies Project", "State Department"],
    "person-cliff-sims": ["USCC", "Trump administration"],
    "person-tony-peng": ["Baidu", "reporter"],
    "person-lutz-finger": ["Cornell", "Google", "LinkedIn"],
    "person-david-yin": ["GSR Ventures", "Silicon Valley"],
    "person-sam-altman": ["OpenAI"],
}


def spellings(entry: Entry) -> set[str]:
    return set(entry.spellings())


def test_bundled_paths_in_a_checkout() -> None:
    assert builtin_glossary_path() == ROOT / "glossary.yaml"
    assert bundled.seeds_dir() == ROOT / "seeds"
    assert bundled.sample_path().is_file()


def test_builtin_glossary_covers_the_article(builtin: Glossary) -> None:
    assert len(builtin) >= 45
    for entry_id, hant in REQUIRED.items():
        assert hant in builtin.get(entry_id).written()
    for entry_id, wanted in REQUIRED_SPELLINGS.items():
        assert wanted <= spellings(builtin.get(entry_id)), entry_id
    for entry_id, words in ROLES.items():
        entry = builtin.get(entry_id)
        assert entry.category is Category.PERSON
        assert all(word in entry.definition for word in words), entry_id


def test_builtin_entries_are_spelt_in_both_scripts(builtin: Glossary, sample: str) -> None:
    for entry in builtin.entries.values():  # a different word goes under tw or hk
        assert convert.shadow(entry.hans) == convert.shadow(entry.hant), entry.id
    for form in ("多門", "西姆斯", "晶元"):  # forms the article uses on their own
        assert form in sample


def test_builtin_definitions_speak_of_no_one_text(builtin: Glossary) -> None:
    """What one article does with a term is in that article's notes, not in the glossary
    every document reads."""
    about_a_text = re.compile(
        r"\b(this|the) (article|text|hearing)\b|\bHere,|testif|\bin the article|本文|文中"
    )
    for entry in builtin.entries.values():
        for field in (entry.definition, entry.note or ""):
            assert not about_a_text.search(field), (entry.id, field)


def test_builtin_pinyin_reads_every_character(builtin: Glossary) -> None:
    for entry in builtin.entries.values():
        han = [ch for ch in entry.hans if is_han(ch)]
        syllables = [s for s in entry.pinyin.split() if not (s.isascii() and s in entry.hans)]
        assert len(syllables) == len(han), entry.id
        assert bool(han) == bool(entry.pinyin), entry.id


def test_every_entry_is_found_in_the_sample(builtin: Glossary, sample: str) -> None:
    matched = {m.entry_id for m in builtin.match(sample)}
    assert set(REQUIRED) <= matched


def test_simplified_sample_matches_at_the_same_offsets(builtin: Glossary, sample: str) -> None:
    simplified = convert.shadow(sample)
    assert builtin.match(simplified) == builtin.match(sample)
    assert builtin.match(sample, simplified) == builtin.match(sample)


def test_regional_and_script_forms(builtin: Glossary) -> None:
    text = "演算法、算法、晶元、晶片、芯片、智慧財產權、知识产权、通用人工智能、思维链、硅谷"
    assert [entry for _, entry in found(builtin, text)] == [
        "algorithm",
        "algorithm",
        "chip",
        "chip",
        "chip",
        "intellectual-property",
        "intellectual-property",
        "agi",
        "cot",
        "silicon-valley",
    ]


def test_longest_match_wins(builtin: Glossary) -> None:
    text = (
        "通用人工智慧和人工智慧，知識蒸餾和蒸餾，"
        "DeepSeek-R1-Zero、DeepSeek-R1、R1-Zero、R1、DeepSeek。"
    )
    assert found(builtin, text) == [
        ("通用人工智慧", "agi"),
        ("人工智慧", "ai"),
        ("知識蒸餾", "knowledge-distillation"),
        ("蒸餾", "distillation"),
        ("DeepSeek-R1-Zero", "r1-zero"),
        ("DeepSeek-R1", "deepseek-r1"),
        ("R1-Zero", "r1-zero"),
        ("R1", "deepseek-r1"),
        ("DeepSeek", "deepseek"),
    ]


def test_aliases_match_whole_words_only(builtin: Glossary) -> None:
    assert ("SFT", "sft") in found(builtin, "用SFT訓練")
    for text in ("SFTP", "xSFT", "SFT2", "2SFT", "sft", "Sft", "SFTx"):
        assert not any(entry == "sft" for _, entry in found(builtin, text)), text
    assert found(builtin, "(SFT)、SFT-based、SFT。") == [("SFT", "sft")] * 3
    assert found(builtin, "xmRNA疫苗") == []
    assert found(builtin, "如mRNA疫苗") == [("mRNA疫苗", "mrna-vaccine")]


def test_ignore_case_aliases(builtin: Glossary) -> None:
    text = "DEEPSEEK deepseek Deepseek DeepSeeker"
    assert found(builtin, text) == [(w, "deepseek") for w in ("DEEPSEEK", "deepseek", "Deepseek")]


def test_match_edge_cases(builtin: Glossary) -> None:
    assert builtin.match("") == []
    with pytest.raises(ValueError, match="exactly the length of the text"):
        builtin.match("蒸餾", "蒸")
    assert builtin.match("蒸餾") == [TermMatch(0, 2, "distillation")]
    # 'Altman' is longer than the text: a slice cut short by the end must not be looked up
    assert found(builtin, "AGI") == [("AGI", "agi")]


def test_han_forms_cover_both_scripts(builtin: Glossary) -> None:
    forms = builtin.han_forms()
    assert {"蒸餾", "蒸馏", "演算法", "算法", "矽谷", "硅谷", "監督微調", "监督微调"} <= forms
    assert all(any(is_han(ch) for ch in form) for form in forms)
    assert "DeepSeek" not in forms and "SFT" not in forms


def test_merged_layers_override_by_id() -> None:
    base = parse_glossary(GOOD)
    user = parse_glossary(
        edit(
            "      - 算法\n",
            "      - 算法\n      - 監督\n",
            edit("  - id: sft", "  - id: sft-user"),
        )
        .replace("監督微調", "監督學習")
        .replace("监督微调", "监督学习")
        .replace("[SFT]", "[SL]"),
        known_ids={"sft"},
    )
    merged = Glossary.merged([base, user])
    assert list(merged.entries) == ["sft", "algorithm", "sft-user"]
    assert merged.get("algorithm") is user.get("algorithm")
    assert found(merged, "監督微調、監督、SL、SFT") == [
        ("監督微調", "sft"),
        ("監督", "algorithm"),
        ("SL", "sft-user"),
        ("SFT", "sft"),
    ]
    with pytest.raises(KeyError):
        merged.get("nope")


def test_a_later_layer_wins_a_shared_spelling() -> None:
    base = parse_glossary(GOOD)
    user = parse_glossary(edit("  - id: algorithm", "  - id: algo").replace("see_also: [sft]", ""))
    assert found(Glossary.merged([base, user]), "算法") == [("算法", "algo")]
    assert found(Glossary.merged([user, base]), "算法") == [("算法", "algorithm")]


def test_matching_a_large_text_finds_every_copy(builtin: Glossary, sample: str) -> None:
    copies = 50
    once = builtin.match(sample, convert.shadow(sample))
    text = (sample + "\n") * copies
    matches = builtin.match(text, convert.shadow(text))
    assert len(matches) == copies * len(once)


# --- properties -----------------------------------------------------------------------

FILLER = list("的了是在和與。，、「」（） \n-·abxZ019中國美人工智")


@st.composite
def texts(draw: st.DrawFn, forms: list[str]) -> str:
    pieces = draw(st.lists(st.one_of(st.sampled_from(forms), st.sampled_from(FILLER)), max_size=40))
    return "".join(pieces)


def _builtin_for_properties() -> tuple[Glossary, list[str]]:
    glossary = load_glossary(builtin_glossary_path())
    forms = sorted({form for entry in glossary.entries.values() for form in spellings(entry)})
    forms += [convert.shadow(form) for form in forms]
    return glossary, forms


PROPERTY_GLOSSARY, PROPERTY_FORMS = _builtin_for_properties()


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts(PROPERTY_FORMS))
def test_matches_are_sorted_disjoint_and_real(text: str) -> None:
    matches = PROPERTY_GLOSSARY.match(text)
    previous_end = 0
    for match in matches:
        assert previous_end <= match.start < match.end <= len(text)
        previous_end = match.end
        piece = text[match.start : match.end]
        entry = PROPERTY_GLOSSARY.get(match.entry_id)
        known = {convert.shadow(form) for form in spellings(entry)}
        known |= {f[0].upper() + f[1:] for f in known if f[:1].isascii() and f[:1].islower()}
        folded = {alias.text.lower() for alias in entry.aliases if alias.ignore_case}
        latin = [form for form in known if form.isascii()]  # a plural or version may follow
        assert (
            convert.shadow(piece) in known
            or piece.lower() in folded
            or any(piece.startswith(form) for form in latin)
        )
    assert PROPERTY_GLOSSARY.match(convert.shadow(text)) == matches


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(PROPERTY_FORMS), st.sampled_from(["", " ", "。", "的"]))
def test_a_form_on_its_own_is_found_whole(form: str, edge: str) -> None:
    text = f"{edge}{form}{edge}"
    matches = PROPERTY_GLOSSARY.match(text)
    assert [(m.start, m.end) for m in matches if m.start == len(edge)] == [
        (len(edge), len(edge) + len(form))
    ]
