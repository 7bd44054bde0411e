"""Terms as the page writes them, notes that belong to one text, and no terms in a text
without Chinese: checked on short texts written for these tests, from the mainland, Taiwan
and Hong Kong, that the glossary was not written for."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tui.core.glossary.bundled import sample_path, seeds_dir
from tui.core.glossary.entries import Glossary
from tui.core.glossary.gloss_report import TermUse, terms_found
from tui.core.glossary.loader import GlossaryError
from tui.core.glossary.textnotes import (
    NOTES_SUFFIX,
    for_document,
    notes_for,
    parse_text_notes,
    text_key,
)
from tui.core.text import sources
from tui.core.words.segment import segment

MAINLAND = (
    "据新华社报道，国内多家企业正在为人工智能加快研发芯片。业内人士表示，这些芯片的算力"
    "仍有差距，但人工智能应用的需求增长很快。"
)
TAIWAN = (
    "根據中央社報導，台積電今年將擴大先進製程產能，以滿足人工智慧對晶片的需求。業者指出，"
    "晶片供應鏈仍然吃緊。"
)
HONG_KONG = "香港科技園公司表示，園區內的初創企業正為人工智能研發晶片，並與大灣區的半導體企業合作。"
ENGLISH = (
    "Chip makers are racing to meet demand for AI accelerators. Analysts say compute is "
    "scarce, and SFT and RL pipelines at OpenAI and DeepSeek need ever more chips; export "
    "controls make it harder."
)
#: Another text about a hearing, with a name the sample's notes speak of.
OTHER_HEARING = "美國參議院昨天召開聽證會，研究員多門出席並回答了議員的提問。"


def uses(text: str, glossary: Glossary, splitter, source: str = "<test>") -> dict[str, TermUse]:
    view = glossary.for_text(text, notes_for(text, source))
    return {use.entry.id: use for use in terms_found(segment(text, view, splitter, source), view)}


@pytest.mark.parametrize(
    ("text", "chip", "ai"),
    [
        (MAINLAND, "芯片", "人工智能"),
        (TAIWAN, "晶片", "人工智慧"),
        (HONG_KONG, "晶片", "人工智能"),
    ],
)
def test_a_term_is_headed_by_the_form_the_text_uses(
    text: str, chip: str, ai: str, glossary: Glossary, splitter
) -> None:
    found = uses(text, glossary, splitter)
    assert found["chip"].headword == chip and found["ai"].headword == ai
    for use in found.values():
        assert use.headword in text
        assert use.headword not in use.other_forms  # the other forms are the glossary's others
        assert set(use.other_forms) <= set(use.entry.spellings())
    assert found["ai"].other_forms == ["人工智慧" if ai == "人工智能" else "人工智能"]


def test_other_words_skip_the_same_word_in_the_other_script(glossary: Glossary, splitter) -> None:
    found = uses(TAIWAN, glossary, splitter)
    assert found["supply-chain"].other_forms == ["供应链"]  # shown in the sidebar
    assert found["supply-chain"].other_words == []  # not a different word
    assert found["advanced-process"].other_words == ["先進工藝"]  # one script of it is enough
    assert found["chip"].other_words == ["芯片", "晶元"]


def test_the_reading_is_of_the_form_on_the_page(glossary: Glossary, splitter) -> None:
    assert uses(MAINLAND, glossary, splitter)["chip"].reading == "xīn piàn"
    assert uses(TAIWAN, glossary, splitter)["chip"].reading == "jīng piàn"
    assert uses(MAINLAND, glossary, splitter)["ai"].reading == "rén gōng zhì néng"
    chip = glossary.get("chip")
    assert chip.reading("芯片") == chip.pinyin  # the entry's own, checked against CC-CEDICT
    assert chip.reading("chips") == ""


def test_several_forms_in_one_text_most_used_first(glossary: Glossary, splitter) -> None:
    text = "大陸稱芯片，台灣稱晶片；兩岸的晶片產業都在擴張，晶片需求大。"
    chip = uses(text, glossary, splitter)["chip"]
    assert chip.written == ("晶片", "芯片") and chip.headword == "晶片"
    assert chip.other_forms == ["晶元"]


def test_a_text_without_chinese_has_no_terms(glossary: Glossary, splitter) -> None:
    assert glossary.match(ENGLISH)  # the aliases are there to be found...
    assert uses(ENGLISH, glossary, splitter) == {}  # ...but an English text has no Chinese terms
    document = segment(ENGLISH, glossary.for_text(ENGLISH), splitter)
    assert not document.terms()
    mixed = ENGLISH + "\n" + MAINLAND
    assert "sft" in uses(mixed, glossary, splitter)  # a Latin alias in a Chinese text counts


def test_a_view_drops_the_notes_of_the_text_before(glossary: Glossary) -> None:
    first = glossary.for_text(MAINLAND, {"chip": "a note on the first text", "no-such": "x"})
    assert first.text_note("chip") == "a note on the first text"
    assert first.text_notes == {"chip": "a note on the first text"}  # unknown ids left out
    second = first.for_text(TAIWAN)
    assert second.text_note("chip") is None and glossary.text_note("chip") is None
    assert second.entries is glossary.entries and second.match(TAIWAN) == glossary.match(TAIWAN)


# --- notes on one text ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def sample() -> str:
    return sources.load_source(sample_path()).text


def test_the_sample_has_its_notes_however_it_arrives(sample: str, tmp_path: Path) -> None:
    by_file = notes_for(sample, str(sample_path()))
    assert "多門" in by_file["person-hanna-dohmen"] and "晶元" in by_file["chip"]
    assert notes_for(sample, "<stdin>") == by_file
    copy = tmp_path / "copy.txt"
    copy.write_text(sample, encoding="utf-8")
    assert notes_for(sample, str(copy)) == by_file


def test_notes_on_the_sample_stay_with_the_sample(
    sample: str, glossary: Glossary, splitter, tmp_path: Path
) -> None:
    other = tmp_path / "hearing.txt"
    other.write_text(OTHER_HEARING, encoding="utf-8")
    found = uses(OTHER_HEARING, glossary, splitter, str(other))
    assert set(found) >= {"hearing", "person-hanna-dohmen"}
    assert all(use.text_note is None for use in found.values())
    edited = sample.replace("召開聽證會", "舉行聽證會")
    assert notes_for(edited, "<stdin>") == {}  # another text now
    in_sample = uses(sample, glossary, splitter, str(sample_path()))
    assert in_sample["hearing"].text_note and in_sample["person-hanna-dohmen"].text_note


def test_the_shipped_notes_name_the_sample_and_known_entries(
    sample: str, glossary: Glossary
) -> None:
    shipped = sorted(seeds_dir().glob("*" + NOTES_SUFFIX))
    assert [p.name for p in shipped] == [sample_path().with_suffix(NOTES_SUFFIX).name]
    notes = parse_text_notes(shipped[0].read_text(encoding="utf-8"), str(shipped[0]))
    assert notes.sha256 == text_key(sample)
    assert set(notes.notes) <= set(glossary.entries)


def test_notes_beside_a_text_belong_to_it(tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_text(TAIWAN, encoding="utf-8")
    notes = tmp_path / "story.notes.yaml"
    notes.write_text("notes:\n  chip: 本文指手機用的晶片。\n", encoding="utf-8")
    assert notes_for(TAIWAN, str(story)) == {"chip": "本文指手機用的晶片。"}
    assert notes_for(TAIWAN, str(tmp_path / "other.txt")) == {}
    notes.write_text(f"sha256: {text_key(MAINLAND)}\nnotes:\n  chip: x\n", encoding="utf-8")
    assert notes_for(TAIWAN, str(story)) == {}  # they name another content: the text changed


@pytest.mark.parametrize(
    ("text", "line", "part"),
    [
        ("notes: [a, b]\n", 1, "'notes' must map entry ids to notes"),
        ("sha256: abc\nnotes: {}\n", 1, "64 hexadecimal digits"),
        ("notes:\n  chip: x\n  Bad Id: y\n", 3, "'Bad Id' is not an entry id"),
        ("notes:\n  chip: x\n  chip: y\n", 3, "duplicate note for 'chip'"),
        ("notes:\n  chip: [a]\n", 2, "the note for 'chip' must be text"),
        ("sha256: " + "0" * 64 + "\n", 1, "missing the top-level 'notes:'"),
        ("notes: {}\nterms: []\n", 2, "unknown top-level key 'terms'"),
        ("notes:\n  chip: a: b\n", 2, "invalid YAML"),
    ],
)
def test_a_broken_notes_file_is_located(text: str, line: int, part: str) -> None:
    with pytest.raises(GlossaryError) as caught:
        parse_text_notes(text, "story.notes.yaml")
    assert str(caught.value).startswith(f"story.notes.yaml:{line}: ")
    assert part in str(caught.value)


def test_the_reader_goes_on_without_a_broken_notes_file(glossary: Glossary, tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_text(TAIWAN, encoding="utf-8")
    (tmp_path / "story.notes.yaml").write_text("notes: [oops]\n", encoding="utf-8")
    view, warning = for_document(glossary, TAIWAN, str(story))
    assert view.text_notes == {} and view.match(TAIWAN)
    assert warning is not None and warning.startswith(f"{tmp_path / 'story.notes.yaml'}:1: ")


def test_a_notes_file_is_read_again_when_it_changes(tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    notes = tmp_path / "story.notes.yaml"
    notes.write_text("notes:\n  chip: one\n", encoding="utf-8")
    assert notes_for(TAIWAN, str(story)) == {"chip": "one"}
    notes.write_text("notes:\n  chip: two, longer\n", encoding="utf-8")
    assert notes_for(TAIWAN, str(story)) == {"chip": "two, longer"}


def test_a_copy_of_the_sample_folder_works_from_anywhere(sample: str, tmp_path: Path) -> None:
    """The notes file travels with its text: a copied seeds folder keeps them together."""
    folder = tmp_path / "seeds"
    shutil.copytree(seeds_dir(), folder)
    copied = folder / sample_path().name
    assert notes_for(sample, str(copied)) == notes_for(sample, str(sample_path()))
