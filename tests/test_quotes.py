"""Quotes and their speakers in the patterns of ordinary news copy, mainland, Taiwan and Hong
Kong, each in Traditional and in Simplified, on short sentences written for the pattern.

Most cases go through the whole skim (segmenter, tagger, entities); where the rule under test
is about whose mention is the speaker, the mentions are given by hand, so the case says what
the quote finder does with them whatever the tagger makes of the names."""

from __future__ import annotations

import time
from dataclasses import dataclass

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tui.core.analysis.entities import ORGANISATION, PERSON, Mention, find_entities
from tui.core.analysis.quotes import find_quotes, quote_spans
from tui.core.analysis.skim import skim
from tui.core.model.chars import is_han
from tui.core.scripts.convert import shadow
from tui.core.words.segment import segment

SAID = "這件事很重要，我們要做。"
SAID_HANS = "这件事很重要，我们要做。"


def quotes_of(text: str, splitter) -> list[tuple[str, str | None]]:
    document = segment(text, None, splitter, "<test>", shadow(text))
    return [(q.text, q.speaker) for q in skim(document, None, splitter).quotes]


@dataclass(frozen=True)
class Named:
    """What the quote finder reads of an entity: its name, where it is mentioned, and its
    role (none here)."""

    name: str
    kind: str
    occurrences: tuple[tuple[int, int], ...]
    role: str | None = None


def quotes_with(text: str, splitter, **named: str) -> list[tuple[str, str | None]]:
    """The quotes of ``text`` when exactly the words given are named, as ``word=kind``:
    each occurrence of the word is a mention of one entity of that name."""
    document = segment(text, None, splitter, "<test>", shadow(text))
    mentions, entities = [], []
    for word, kind in named.items():
        spans = []
        at = text.find(word)
        while at >= 0:
            spans.append((at, at + len(word)))
            mentions.append(Mention(at, at + len(word), f"name:{word}", kind))
            at = text.find(word, at + 1)
        entities.append(Named(word, kind, tuple(spans)))
    mentions.sort(key=lambda m: m.start)
    return [(q.text, q.speaker) for q in find_quotes(document, mentions, entities)]  # type: ignore[arg-type]


# --- quote marks ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("opening", "closing"), [("「", "」"), ("『", "』"), ("“", "”"), ("‘", "’")]
)
@pytest.mark.parametrize(("name", "said"), [("約翰·史密斯說", SAID), ("约翰·史密斯说", SAID_HANS)])
def test_every_pair_of_marks_quotes(opening, closing, name, said, splitter) -> None:
    text = f"{name}：{opening}{said}{closing}"
    assert quotes_of(text, splitter) == [(said, name[:-1])]


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        ("He said ‘I don’t know’ and left.", []),  # Latin inside: no quote
        ("他回了一句‘don’t worry，沒事’。", ["don’t worry，沒事"]),  # don’t does not close
        ("特朗普的說法是 Trump’s plan。", []),  # a lone apostrophe opens nothing
        ("‘未完的話\n下一段「好的，走吧。」", ["好的，走吧。"]),  # ‘ never closed: left alone
        ("“她说‘不要走’，我就等了。”", ["她说‘不要走’，我就等了。"]),  # nested: the outer one
        ("‘AI’和‘人工智能’", ["人工智能"]),
    ],
)
def test_single_curly_quotes_hold_han_text(text: str, spans: list[str]) -> None:
    assert [text[s:e] for s, e in quote_spans(text)] == spans


@settings(max_examples=200, deadline=None)
@given(st.text(st.sampled_from(list("‘’「」“”ab 't好說\n")), max_size=40))
def test_a_single_quote_pair_always_holds_han(text: str) -> None:
    for start, end in quote_spans(text):
        assert 0 < start <= end <= len(text)
        if text[start - 1] == "‘" and end < len(text) and text[end] == "’":
            assert any(is_han(ch) for ch in text[start:end])


# --- speech verbs ---------------------------------------------------------------------------

#: Speech verbs of news copy, as Taiwan and Hong Kong write them and as the mainland does.
VERBS = [
    ("表示", "表示"),
    ("說", "说"),
    ("指", "指"),
    ("稱", "称"),
    ("強調", "强调"),
    ("透露", "透露"),
    ("回應", "回应"),
    ("坦言", "坦言"),
    ("直言", "直言"),
    ("指出", "指出"),
    ("認為", "认为"),
    ("批評", "批评"),
    ("警告", "警告"),
    ("寫道", "写道"),
    ("重申", "重申"),
    ("質疑", "质疑"),
    ("反駁", "反驳"),
    ("坦承", "坦承"),
    ("形容", "形容"),
    ("聲稱", "声称"),
    ("呼籲", "呼吁"),
    ("承認", "承认"),
    ("解釋", "解释"),
    ("痛批", "痛批"),
    ("砲轟", "炮轰"),
    ("喊話", "喊话"),
]


@pytest.mark.parametrize(("hant", "hans"), VERBS)
def test_each_speech_verb_names_its_speaker(hant: str, hans: str, splitter) -> None:
    assert quotes_of(f"約翰·史密斯{hant}：「{SAID}」", splitter) == [(SAID, "約翰·史密斯")]
    assert quotes_of(f"约翰·史密斯{hans}：“{SAID_HANS}”", splitter) == [(SAID_HANS, "约翰·史密斯")]


@pytest.mark.parametrize(
    "text",
    [
        "約翰·史密斯到場。他續指，「這件事很重要，我們要做。」",  # Hong Kong: 續指
        "約翰·史密斯到場。他又稱：「這件事很重要，我們要做。」",
        "約翰·史密斯到場。他亦指出：「這件事很重要，我們要做。」",
    ],
)
def test_a_verb_with_its_adverb_glued_on(text: str, splitter) -> None:
    assert quotes_of(text, splitter) == [(SAID, "約翰·史密斯")]


# --- where the speaker stands ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 「…」X說
        (f"「{SAID}」約翰·史密斯說。", [(SAID, "約翰·史密斯")]),
        (f"“{SAID_HANS}”约翰·史密斯说。", [(SAID_HANS, "约翰·史密斯")]),
        # X在…中說，「…」
        (f"約翰·史密斯在聲明中說，「{SAID}」", [(SAID, "約翰·史密斯")]),
        (f"约翰·史密斯在记者会上表示：“{SAID_HANS}”", [(SAID_HANS, "约翰·史密斯")]),
        (f"約翰·史密斯接受訪問時表示，「{SAID}」", [(SAID, "約翰·史密斯")]),
        # the rest of the sentence ends in the verb
        (f"「{SAID}」8日，在論壇上，約翰·史密斯開門見山地說。", [(SAID, "約翰·史密斯")]),
    ],
)
def test_speaker_before_and_after(text: str, expected, splitter) -> None:
    assert quotes_of(text, splitter) == expected


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("約翰·史密斯到場。「第一，價格太高，」他說，「第二，供應不足。」", "約翰·史密斯"),
        ("约翰·史密斯到场。“第一，价格太高，”他说，“第二，供应不足。”", "约翰·史密斯"),
        ("「第一，價格太高。」約翰·史密斯說。「第二，供應不足。」", "約翰·史密斯"),
    ],
)
def test_a_quote_split_around_who_says_it(text: str, name: str, splitter) -> None:
    found = quotes_of(text, splitter)
    assert [speaker for _, speaker in found] == [name, name]
    assert found[0][0].startswith("第一") and found[1][0].startswith("第二")


# --- sources: outlets, citations, unnamed people ----------------------------------------------


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (f"據新華社報道，「{SAID}」", "新華社"),
        (f"据新华社报道，“{SAID_HANS}”", "新华社"),
        (f"據美聯社報導，「{SAID}」", "美聯社"),
        (f"據《赤崁時報》報導，「{SAID}」", "赤崁時報"),
        (f"据《海峡经济时报》报道，“{SAID_HANS}”", "海峡经济时报"),
        (f"路透社引述一位消息人士說：「{SAID}」", "一位消息人士"),
        (f"路透社援引一名官员的话说：“{SAID_HANS}”", "一名官员"),
        (f"英國廣播公司援引消息人士的說法指，「{SAID}」", "消息人士"),
        (f"據新華社報道，一名官員說：「{SAID}」", "一名官員"),
    ],
)
def test_reported_by_and_cited(text: str, speaker: str, splitter) -> None:
    assert [s for _, s in quotes_of(text, splitter)] == [speaker]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (f"《環球時報》社評指，「{SAID}」", "環球時報"),
        (f"《环球时报》社评指出，“{SAID_HANS}”", "环球时报"),
        (f"英國《金融時報》報導稱：「{SAID}」", "金融時報"),
        (f"《人民日報》評論員文章寫道：「{SAID}」", "人民日報"),
        (f"《港聞日報》昨日發表社論。該報社論亦直言：「{SAID}」", "港聞日報"),
        (f"《环亚观察报》当天发表社论。社论写道：“{SAID_HANS}”", "环亚观察报"),
    ],
)
def test_an_outlet_or_its_editorial_speaks(text: str, speaker: str, splitter) -> None:
    assert [s for _, s in quotes_of(text, splitter)] == [speaker]


def test_an_outlet_is_its_organisation_when_one_is_named_in_the_marks(splitter) -> None:
    text = f"《環球時報》社評指，「{SAID}」"
    # the entity's name, however it is written (the longest form it is mentioned by)
    document = segment(text, None, splitter, "<test>", shadow(text))
    mention = Mention(1, 5, "id:global-times", ORGANISATION)
    outlet = Named("環球時報社", ORGANISATION, ((1, 5),))
    found = find_quotes(document, [mention], [outlet])  # type: ignore[list-item]
    assert [q.speaker for q in found] == ["環球時報社"]
    # without a mention, the title as written, without its marks
    assert quotes_with(text, splitter) == [(SAID, "環球時報")]


def test_a_title_the_clause_only_mentions_does_not_speak(splitter) -> None:
    text = f"約翰·史密斯到場。接受《紐約時報》訪問時，他表示：「{SAID}」"
    assert quotes_with(text, splitter, 約翰·史密斯=PERSON) == [(SAID, "約翰·史密斯")]
    text = f"在接受《紐約時報》訪問時表示：「{SAID}」"
    assert quotes_with(text, splitter) == [(SAID, None)]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (f"一名官員表示：「{SAID}」", "一名官員"),
        (f"一名官员表示：“{SAID_HANS}”", "一名官员"),
        (f"一位消息人士透露，「{SAID}」", "一位消息人士"),
        (f"有關發言人說：「{SAID}」", "有關發言人"),
        (f"有关发言人说：“{SAID_HANS}”", "有关发言人"),
        (f"外交部發言人週二表示：「{SAID}」", "外交部發言人"),
        (f"外交部发言人在例行记者会上表示：“{SAID_HANS}”", "外交部发言人"),
        (f"一名不願具名的官員對記者說：「{SAID}」", "一名不願具名的官員"),
        (f"但一名警方消息人士私下透露，「{SAID}」", "一名警方消息人士"),
        (f"一位不愿透露姓名的体育工作者直言：“{SAID_HANS}”", "一位不愿透露姓名的体育工作者"),
        (f"「{SAID}」一名官員說。", "一名官員"),
        (f"對此，衛生局回應：「{SAID}」", "衛生局"),
        # Hong Kong and Taiwan copy
        (f"港府發言人回應稱，「{SAID}」", "港府發言人"),
        (f"一名港府消息人士向本報透露，「{SAID}」", "一名港府消息人士"),
        (f"行政院發言人昨晚發出書面聲明指出：「{SAID}」", "行政院發言人"),
    ],
)
def test_an_unnamed_speaker_as_written(text: str, speaker: str, splitter) -> None:
    assert [s for _, s in quotes_of(text, splitter)] == [speaker]


def test_a_name_after_the_title_is_the_speaker(splitter) -> None:
    for text, name in [
        (f"國務院發言人約翰·史密斯表示：「{SAID}」", "約翰·史密斯"),
        (f"国务院发言人约翰·史密斯表示：“{SAID_HANS}”", "约翰·史密斯"),
    ]:
        assert [s for _, s in quotes_of(text, splitter)] == [name]
    text = f"外交部發言人毛寧表示，「{SAID}」"
    assert quotes_with(text, splitter, 毛寧=PERSON, 外交部=ORGANISATION) == [(SAID, "毛寧")]


def test_this_source_is_the_one_named_before(splitter) -> None:
    text = f"一名熟悉供應鏈的設備商主管透露，工廠進度落後。這名主管說：「{SAID}」"
    assert quotes_of(text, splitter) == [(SAID, "一名熟悉供應鏈的設備商主管")]


# --- pronouns -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # the subject of the sentence before, not the person it met
        (f"約翰·史密斯會見了瑪麗·瓊斯。他說：「{SAID}」", "約翰·史密斯"),
        (f"约翰·史密斯会见了玛丽·琼斯。她说：“{SAID_HANS}”", "约翰·史密斯"),
        (f"約翰·史密斯會見瑪麗·瓊斯後，他表示：「{SAID}」", "約翰·史密斯"),
        # the nearest sentence that names anyone, past one that names nobody
        (f"約翰·史密斯到場。會議開了三個小時。他說：「{SAID}」", "約翰·史密斯"),
        # they: the people named
        (f"約翰·史密斯與瑪麗·瓊斯昨天到場。他們表示：「{SAID}」", "約翰·史密斯、瑪麗·瓊斯"),
        (f"约翰·史密斯与玛丽·琼斯昨天到场。她们表示：“{SAID_HANS}”", "约翰·史密斯、玛丽·琼斯"),
        # the other side: the last person named
        (f"約翰·史密斯致電瑪麗·瓊斯，對方表示：「{SAID}」", "瑪麗·瓊斯"),
        (f"记者联络了约翰·史密斯，对方表示：“{SAID_HANS}”", "约翰·史密斯"),
    ],
)
def test_pronouns(text: str, speaker: str, splitter) -> None:
    assert [s for _, s in quotes_of(text, splitter)] == [speaker]


def test_they_stands_for_an_organisation(splitter) -> None:
    text = f"谷歌公司昨日發表聲明。他們表示：「{SAID}」"
    assert quotes_with(text, splitter, 谷歌公司=ORGANISATION) == [(SAID, "谷歌公司")]


def test_a_pronoun_without_anyone_before_has_no_speaker(splitter) -> None:
    assert quotes_of(f"他指，「{SAID}」", splitter) == [(SAID, None)]


# --- short quotes and terms -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("約翰·史密斯說：「不會。」", [("不會。", "約翰·史密斯")]),
        ("约翰·史密斯说：“不会。”", [("不会。", "约翰·史密斯")]),
        ("「不會。」約翰·史密斯說。", [("不會。", "約翰·史密斯")]),
        ("約翰·史密斯到場。「好」，他說。", [("好", "約翰·史密斯")]),
        ("约翰·史密斯回答：“不可能”。", [("不可能", "约翰·史密斯")]),
        ("約翰·史密斯說「不會。」就走了。", [("不會。", "約翰·史密斯")]),
    ],
)
def test_short_words_a_named_speaker_says_are_quotes(text: str, expected, splitter) -> None:
    assert quotes_of(text, splitter) == expected


@pytest.mark.parametrize(
    "text",
    [
        "他們把這叫做「蒸餾」。",
        "他们把这叫做“蒸馏”。",
        "所謂「新質生產力」，約翰·史密斯說，是新的方向。",
        "所谓“新质生产力”，就是新的方向。",
        "被稱為「晶片法案」的法律已經通過。",
        "被称为“芯片法案”的法律已经通过。",
        "約翰·史密斯稱「沒有計劃」起訴對方。",
        "約翰·史密斯寫了《我的故事》一書。",
        "約翰·史密斯說，《我的故事》很好看。",
        "有人說：「不會。」",  # nobody named says it
        "約翰·史密斯說：「不會」的時候，大家都笑了。",
    ],
)
def test_terms_and_titles_are_not_quotes(text: str, splitter) -> None:
    assert quotes_of(text, splitter) == []


# --- speed ----------------------------------------------------------------------------------


def test_one_long_sentence_of_many_quotes_is_read_in_linear_time() -> None:
    """Every quote's speaker is sought in its sentence: a sentence of thousands of quotes
    must not be read again for each."""

    def seconds(count: int) -> float:
        text = "約翰·史密斯說，" + "「這是，好的」，然後" * count + "。"
        document = segment(text)  # one character a word: the cost is the finder's
        entities, mentions = find_entities(document, None, None)
        best = float("inf")
        for _ in range(3):
            began = time.perf_counter()
            found = find_quotes(document, mentions, entities)
            best = min(best, time.perf_counter() - began)
        assert len(found) == count
        return best

    small, large = seconds(300), seconds(2400)
    assert large < 24 * small  # 8 times the text; reading it again per quote is 64 times


# --- any text -------------------------------------------------------------------------------

PIECES = (
    *("約翰·史密斯", "瑪麗·瓊斯", "新華社", "《環球時報》", "社評", "該報", "一名官員"),
    *("外交部發言人", "這名官員", "他", "她們", "對方", "據", "引述", "報導", "說", "表示"),
    *("指", "續", "在會上", "週二", "的話", "，", "。", "：", "\n", "「", "」", "“", "”"),
    *("‘", "’", "don’t", "不會。", "我們會繼續努力，直到成功。", "蒸餾"),
)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=30))
def test_any_text_gives_quotes_at_their_offsets_by_speakers_it_names(
    splitter, pieces: list[str]
) -> None:
    text = "".join(pieces)
    document = segment(text, None, splitter, "<test>", shadow(text))
    for quote in skim(document, None, splitter).quotes:
        assert text[quote.start : quote.end] == quote.text
        for name in (quote.speaker or "").split("、"):
            assert name in text
