"""The skim report's core: entities with English and roles, quotes with speakers, keywords,
outline and stats, on the sample article (read by hand for the expected answers) and on
small texts for each sentence structure."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import SAMPLE
from tui.core.analysis.entities import find_entities
from tui.core.analysis.quotes import find_quotes, is_statement, quote_spans
from tui.core.analysis.skim import as_json, outline, skim
from tui.core.analysis.stats import document_stats
from tui.core.glossary.entries import Glossary
from tui.core.scripts.convert import shadow
from tui.core.words.segment import segment


@pytest.fixture(scope="module")
def document(glossary, splitter):
    text = SAMPLE.read_text(encoding="utf-8")
    return segment(text, glossary, splitter, str(SAMPLE), shadow(text))


@pytest.fixture(scope="module")
def report(document, glossary, splitter):
    return skim(document, glossary, splitter)


def people(report) -> dict[str, tuple[str | None, str | None]]:
    return {p.name: (p.english, p.role) for p in report.people}


#: Everyone quoted in the sample, with the English the text or the glossary gives.
QUOTED = {
    "漢娜·多門": "Hanna Dohmen",
    "戴維·林": "David Lin",
    "盧茨·芬格": "Lutz Finger",
    "戴維·尹": "David Yin",
}

#: Every direct quote of the sample, by its opening words, and who said it.
QUOTES = [
    ("隨著這些庫存在未來幾年內耗盡", "漢娜·多門"),  # 漢娜·多門…在其發言中稱，…「…」
    ("繞過管制進行創新", "漢娜·多門"),  # 她也認為，…會導致中國企業有更多動力「…」。
    ("我們還必須考慮中國自身的創新能力", "漢娜·多門"),  # 「…」多門說，
    ("通過限制中國獲得晶元和半導體製造設備", "漢娜·多門"),  # 多門說，「…」
    ("到2030年,中國的目標是成為『世界主要AI創新中心』", "戴維·林"),  # 「…」戴維·林…寫道
    ("有著悠久歷史", "戴維·林"),  # 戴維·林…宣稱中國在「竊取」…方面「…」，: words ending his clause
    ("但中國所做的是,通過其強大的製造實力", "戴維·林"),  # 在他看來，…「…」
    ("已經處於並駕齊驅的狀態", "戴維·林"),  # 戴維·林…也表示，中美在AI發展上「…」。
    ("如果你在三個月前問我", "戴維·林"),  # 他坦言：「…」
    ("在AI領域的雄心壯志", "戴維·林"),  # 戴維·林…強調，…表明了中國「…」。
    ("這是一個關於爭奪先發優勢的問題", "戴維·林"),  # after 戴維·林指出，….
    ("要知道,ChatGPT在訓練過程中", "盧茨·芬格"),  # 「…」…講師、…的盧茨·芬格說
    ("(在矽谷)當有人想給你數千億美元時", "戴維·尹"),  # 「…」。他說，
    ("也許中國的參與者不擅長『從零到一』的創新", "戴維·尹"),  # 他說，「…」
]

#: Quoted terms and names of the sample: none of them is a quotation.
TERMS = [
    "蒸餾",
    "迭代",
    "芯粒封裝",
    "美中經濟與安全評估委員會",
    "十大突破性技術",
    "沒有計劃",
    "虛偽和諷刺",
    "世界主要AI創新中心",
    "從零到一",
    "核電站",
    "教師模型",
    "最先進",
]


# --- people, organisations, places -----------------------------------------------------


def test_everyone_quoted_is_found_with_the_english_name(report) -> None:
    found = people(report)
    for name, english in QUOTED.items():
        assert found[name][0] == english


def test_roles_are_the_titles_before_the_names(report) -> None:
    found = people(report)
    # the employer is part of the role the text gives (華為副董事長, 美國國務卿)
    assert found["漢娜·多門"][1] == "美國喬治敦大學安全與新興技術中心研究分析員"
    assert found["戴維·林"][1] == "前美國國務院外交官"
    assert found["克里夫·西姆斯"][1] == "前特朗普政府官員"
    assert found["托尼·彭"][1] == "前AI條線記者"
    assert found["盧茨·芬格"][1] == "康奈爾大學高級訪問講師"  # an apposition before 的…


def test_short_forms_count_for_the_person(report, document) -> None:
    dohmen = next(p for p in report.people if p.name == "漢娜·多門")
    assert dohmen.count == 5  # once in full, four times as 多門; not the English echo
    assert {document.text[s:e] for s, e in dohmen.occurrences} == {"漢娜·多門", "多門"}
    sims = next(p for p in report.people if p.name == "克里夫·西姆斯")
    assert sims.count == 4


def test_organisations_and_places(report) -> None:
    organisations = {o.name: o.english for o in report.organisations}
    places = {p.name for p in report.places}
    assert organisations["南華早報"] == "South China Morning Post"
    assert organisations["康奈爾大學"] == "Cornell University"
    assert {"中國", "美國", "新加坡", "矽谷"} <= places
    names = set(organisations) | places | {p.name for p in report.people}
    assert not names & {"中美", "波及", "努力實現", "最新進展", "十大突破性技術", "條線記者"}


def test_without_a_glossary_the_text_gives_names_and_english(splitter, sample_text) -> None:
    document = segment(sample_text, None, splitter, "<test>", shadow(sample_text))
    found = people(skim(document, Glossary(), splitter))
    for name, english in QUOTED.items():
        assert found[name][0] == english
    assert found["漢娜·多門"][1].endswith("研究分析員")


def test_a_document_without_its_shadow_is_skimmed_on_one_made_for_it(splitter) -> None:
    """Made from tokens alone, with no shadow, the quote is still found on a shadow."""
    from tui.core.model.document import Document

    text = "經濟學家約翰·史密斯到場。他坦言：「這次真的不一樣。」"
    document = Document(text, segment(text, None, splitter, "<test>").tokens)
    assert not document.shadow
    report = skim(document, Glossary(), splitter)
    assert [text[q.start : q.end] for q in report.quotes] == ["這次真的不一樣。"]


def test_every_entity_occurrence_is_in_the_text(report, document) -> None:
    for entity in (*report.people, *report.organisations, *report.places):
        assert entity.count == len(entity.occurrences) >= 1
        for start, end in entity.occurrences:
            assert 0 <= start < end <= len(document.text)


# --- quotes ----------------------------------------------------------------------------


def test_every_quote_is_found_with_its_speaker(report, document) -> None:
    found = [(q.text, q.speaker) for q in report.quotes]
    assert len(found) == len(QUOTES)
    for (text, speaker), (opening, expected) in zip(found, QUOTES, strict=True):
        assert text.startswith(opening) and speaker == expected
    for quote in report.quotes:
        assert document.text[quote.start : quote.end] == quote.text


def test_no_scare_quoted_term_is_a_quote(report) -> None:
    texts = {q.text for q in report.quotes}
    assert not texts & set(TERMS)
    assert all(not is_statement(term) for term in TERMS)


def quotes_of(text: str, splitter) -> list[tuple[str, str | None]]:
    document = segment(text, None, splitter, "<test>", shadow(text))
    return [(q.text, q.speaker) for q in skim(document, None, splitter).quotes]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "約翰·史密斯表示，「我們會繼續努力，直到成功。」",
            [("我們會繼續努力，直到成功。", "約翰·史密斯")],
        ),
        ("「市場還在變，我們要快。」約翰·史密斯說。", [("市場還在變，我們要快。", "約翰·史密斯")]),
        (
            "「第一，價格太高。」約翰·史密斯說，「第二，供應不足。」",
            [("第一，價格太高。", "約翰·史密斯"), ("第二，供應不足。", "約翰·史密斯")],
        ),
        (
            "經濟學家約翰·史密斯到場。他坦言：「這次真的不一樣。」",
            [("這次真的不一樣。", "約翰·史密斯")],
        ),
        ("瑪麗·瓊斯對記者表示，「我們不會退讓，絕不。」", [("我們不會退讓，絕不。", "瑪麗·瓊斯")]),
        (
            "有人在網上寫了「這是一個好問題，值得討論。」這句話。",
            [("這是一個好問題，值得討論。", None)],
        ),
        ("他們把這叫做「蒸餾」，也叫「知識遷移」。", []),
        ("“我们必须行动，”约翰·史密斯说。", [("我们必须行动，", "约翰·史密斯")]),
    ],
)
def test_sentence_structures(text: str, expected, splitter) -> None:
    assert quotes_of(text, splitter) == expected


def test_nested_quotes_belong_to_the_outer_one() -> None:
    text = "他說：「她告訴我『不要走，等我。』，我就等了。」"
    spans = quote_spans(text)
    assert [text[s:e] for s, e in spans] == ["她告訴我『不要走，等我。』，我就等了。"]


def test_an_unclosed_quote_runs_to_the_end_of_its_paragraph() -> None:
    text = "「第一段，還沒完\n「第二段。」"
    assert [text[s:e] for s, e in quote_spans(text)] == ["第一段，還沒完", "第二段。"]


QUOTE_ALPHABET = st.sampled_from(list("「」『』“”，。說表示他她約翰·史密斯\n 好的ab"))


@settings(max_examples=200, deadline=None)
@given(st.text(QUOTE_ALPHABET, max_size=60) | st.text(max_size=60))
def test_quote_offsets_always_point_at_the_quote(text: str) -> None:
    document = segment(text)  # one character a word: no jieba needed for the property
    entities, mentions = find_entities(document, None, None)
    for quote in find_quotes(document, mentions, entities):
        assert 0 <= quote.start <= quote.end <= len(text)
        assert text[quote.start : quote.end] == quote.text
    for start, end in quote_spans(text):
        assert 0 <= start <= end <= len(text)
    for entity in entities:
        for start, end in entity.occurrences:
            assert 0 <= start < end <= len(text)


# --- keywords, outline, stats ----------------------------------------------------------


def test_keywords_favour_the_subject_and_skip_grammar(report, document) -> None:
    words = [k.word for k in report.keywords]
    assert "蒸餾" in words and "晶元" in words
    assert not set(words) & {"我們", "已經", "表示", "的", "，"}
    assert not set(words) & set(QUOTED)  # people have their own list
    scores = [k.score for k in report.keywords]
    assert scores == sorted(scores, reverse=True)
    for keyword in report.keywords:
        assert keyword.count == len(keyword.occurrences)
        for start, end in keyword.occurrences:
            assert document.text[start:end]


def test_outline_is_the_first_sentence_of_each_paragraph(report, document) -> None:
    items = report.outline
    # the writer's credit and the copyright line are not the story
    assert items[0].text == "中國企業DeepSeek近期推出的AI模型引發美國的高度關注。"
    assert len(items) == report.stats.paragraphs - 2
    assert not any(o.text.startswith(("【文/", "本文系")) for o in items)
    quoted = next(o for o in items if o.text.startswith("「到2030年"))
    # the 。 inside the quote does not end the sentence: it runs on to who wrote it
    assert quoted.text.endswith("一大步。」戴維·林在書面證詞中寫道。")
    for item in items:
        assert document.text[item.start : item.end] == item.text
    assert outline(segment("")) == []


def test_stats_are_the_stats_screens(report, document) -> None:
    assert report.stats == document_stats(document)
    stats = as_json(report)["stats"]
    assert stats["characters"] == report.stats.characters
    assert stats["reading_time"]["native"].startswith("about")
    assert stats["hsk_level"] == report.stats.grade.label
