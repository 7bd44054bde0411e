"""The desk: stories skimmed one by one, then merged into who, what was said, terms, dates."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from tui.core.analysis.desk import (
    Desk,
    DeskDocument,
    DeskQuote,
    DocumentSkim,
    FoundEntity,
    FoundTerm,
    merge,
    paragraph_number,
    skim_document,
)
from tui.core.glossary.entries import Glossary, entry_from

NEWS = Path(__file__).parent / "data" / "news"
STORIES = [
    "cn-chip-export",
    "hk-huawei-chips",
    "tw-chip-dresden-plant",
    "x-real-tw-furuya",
    "x-real-tw-mccarthy",
    "x-real-tw-rights-day",
]


def found(name: str, *forms: str, kind: str = "person", english: str | None = None) -> FoundEntity:
    return FoundEntity(name, kind, english, "text" if english else "none", (name, *forms), 2, 0)


def story(
    region: str, *entities: FoundEntity, quotes: tuple[DeskQuote, ...] = (), date: str | None = None
) -> DocumentSkim:
    document = DeskDocument(f"{region}.txt", region, region, date, region)
    return DocumentSkim(document, entities, quotes, ())


def names(desk: Desk) -> list[str]:
    return sorted(e.name for e in desk.entities)


def test_one_name_in_two_scripts_is_one_entity() -> None:
    desk = merge(
        [
            story("mainland", found("华为", kind="organisation")),
            story("Taiwan", found("華為", kind="organisation")),
        ],
        None,
    )
    (huawei,) = desk.entities
    assert set(huawei.forms) == {"华为", "華為"}
    assert [(a.document, a.count) for a in huawei.appearances] == [(0, 2), (1, 2)]
    assert huawei.count == 4


def test_glossary_forms_are_one_entity() -> None:
    trump = entry_from(
        {
            "id": "trump",
            "hant": "川普",
            "hans": "特朗普",
            "pinyin": "tè lǎng pǔ",
            "en": "Trump",
            "category": "person",
            "definition": "a US president",
        }
    )
    stories = [story("mainland", found("特朗普")), story("Taiwan", found("川普"))]
    assert len(merge(stories, None).entities) == 2
    assert len(merge(stories, Glossary([trump])).entities) == 1


def test_the_same_english_in_brackets_joins_names() -> None:
    desk = merge(
        [
            story("mainland", found("约什·罗金", english="Josh Rogin")),
            story("Taiwan", found("羅金", english="Josh  Rogin")),
        ],
        None,
    )
    (rogin,) = desk.entities
    assert rogin.english == "Josh Rogin" and set(rogin.forms) == {"约什·罗金", "羅金"}


def test_a_shared_surname_joins_no_people_but_a_short_name_joins_organisations() -> None:
    desk = merge(
        [
            story(
                "Taiwan",
                found("史蒂芬·霍爾", "霍爾"),
                found("台灣積體電路製造", "台積電", kind="organisation"),
            ),
            story("Taiwan", found("布萊恩·霍爾", "霍爾"), found("台積電", kind="organisation")),
        ],
        None,
    )
    assert (
        names(desk) == ["台灣積體電路製造", "史蒂芬·霍爾", "布萊恩·霍爾"] or len(desk.entities) == 3
    )
    tsmc = next(e for e in desk.entities if "台積電" in e.forms)
    assert len(tsmc.appearances) == 2


def test_quotes_are_by_the_merged_name() -> None:
    said = DeskQuote("我們不會退讓", "川普", -1, 10, 16, 2)
    trump = entry_from(
        {
            "id": "trump",
            "hant": "川普",
            "hans": "特朗普",
            "pinyin": "tè lǎng pǔ",
            "en": "Trump",
            "category": "person",
            "definition": "a US president",
        }
    )
    desk = merge(
        [
            story("mainland", found("特朗普"), found("特朗普", kind="person")),
            story("Taiwan", found("川普"), quotes=(said,)),
        ],
        Glossary([trump]),
    )
    (quote,) = desk.quotes_by("川普")
    assert quote.document == 1 and quote.speaker == desk.entities[0].name
    assert desk.quotes_by("特朗普") == [quote]
    assert desk.quotes_by("无名氏") == []


def test_timeline_is_in_date_order_and_leaves_out_undated() -> None:
    desk = merge([story("a", date="2024-03-05"), story("b"), story("c", date="2023-12-31")], None)
    assert desk.timeline() == [("2023-12-31", 2), ("2024-03-05", 0)]


def test_paragraph_numbers_count_non_blank_lines() -> None:
    text = "標題\n\n第一段。\n\n第二段「話」。"
    assert paragraph_number(text, 0) == 1
    assert paragraph_number(text, text.index("第一段")) == 2
    assert paragraph_number(text, text.index("話")) == 3


def test_terms_in_two_documents_with_each_regions_forms() -> None:
    chip = FoundTerm("chip", "chip", ("芯片",))
    stories = [
        DocumentSkim(DeskDocument("a", "a", "mainland", None, "a"), (), (), (chip,)),
        DocumentSkim(
            DeskDocument("b", "b", "Taiwan", None, "b"),
            (),
            (),
            (FoundTerm("chip", "chip", ("晶片",)),),
        ),
        DocumentSkim(
            DeskDocument("c", "c", "Taiwan", None, "c"),
            (),
            (),
            (FoundTerm("once", None, ("一次",)),),
        ),
    ]
    (term,) = merge(stories, None).terms
    assert term.key == "chip" and term.documents == (0, 1)
    assert term.forms == {"mainland": ("芯片",), "Taiwan": ("晶片",)}


# --- on the annotated news ------------------------------------------------------------------


@pytest.fixture(scope="module")
def news(glossary, dictionary, session_cache: Path) -> Desk:
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("XDG_CACHE_HOME", str(session_cache))
        skims = []
        for name in STORIES:
            path = NEWS / f"{name}.txt"
            skims.append(
                skim_document(
                    path.read_text(encoding="utf-8"), str(path), glossary, dictionary=dictionary
                )
            )
    return merge(skims, glossary)


def test_a_skim_pickles_and_is_a_function_of_its_text(news: Desk, glossary) -> None:
    path = NEWS / "x-real-tw-rights-day.txt"
    text = path.read_text(encoding="utf-8")
    first = skim_document(text, str(path), glossary)
    assert pickle.loads(pickle.dumps(first)) == first == skim_document(text, str(path), glossary)
    assert first.document.region == "Taiwan"


def test_a_person_in_two_stories_is_one_entity(news: Desk) -> None:
    tsai = next(e for e in news.entities if e.name == "蔡英文")
    assert [a.document for a in tsai.appearances] == [4, 5]
    for appearance in tsai.appearances:
        text = (NEWS / f"{STORIES[appearance.document]}.txt").read_text(encoding="utf-8")
        assert text[appearance.offset :].startswith("蔡英文")
    trump = next(e for e in news.entities if "川普" in e.forms)
    assert "特朗普" in trump.forms and [a.document for a in trump.appearances] == [0, 2]


def test_entities_most_documents_first(news: Desk) -> None:
    spread = [len(e.appearances) for e in news.entities]
    assert spread == sorted(spread, reverse=True)


def test_quotes_by_a_speaker_across_stories(news: Desk) -> None:
    quotes = news.quotes_by("蔡英文")
    assert {q.document for q in quotes} == {4, 5}
    for quote in quotes:
        text = (NEWS / f"{STORIES[quote.document]}.txt").read_text(encoding="utf-8")
        assert text[quote.start : quote.end] == quote.text
        assert quote.paragraph == paragraph_number(text, quote.start) > 1


def test_a_term_across_regions(news: Desk) -> None:
    chip = next(t for t in news.terms if t.key == "chip")
    assert chip.forms["mainland"] == ("芯片",) and chip.forms["Taiwan"] == ("晶片",)
    assert chip.documents == (0, 1, 2)
    assert all(len(t.documents) >= 2 for t in news.terms)
