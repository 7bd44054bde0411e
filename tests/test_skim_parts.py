"""The skim report's keywords and outline on short news texts written for the purpose, in
both scripts: grammar is no keyword (Chinese function words by their dictionary class,
English ones by a short list), and the outline leaves out what a news page wraps around
its story (captions, credits, pleas to subscribe, copyright lines)."""

from __future__ import annotations

import pytest

from tui.core.analysis.boilerplate import SHORT, is_boilerplate, lead_in
from tui.core.analysis.keywords import _grammar, _latin_key, keywords
from tui.core.analysis.skim import outline
from tui.core.model.document import Document
from tui.core.scripts.convert import convert, shadow
from tui.core.words.segment import segment

STORY = (
    "（中央社记者王小明北京7日电）一位正在调查此案的官员表示，该公司相关负责人已被警方带走。\n"
    "这位官员说，该公司一名高管涉嫌非法集资，涉案金额高达数亿元。两家银行已冻结该公司账户。\n"
    "图：警方在该公司门口拉起警戒线。（资料图片）\n"
    "警方表示，此案涉及多家银行和一位前官员，相关部门将进一步调查非法集资的资金去向。\n"
    "记者 李四 报道\n"
    "责任编辑：张三\n"
    "关注我们，获取更多资讯\n"
    "版权所有，未经授权不得转载。\n"
)

#: The story's first sentences, after the byline of its lede.
OUTLINE = [
    "一位正在调查此案的官员表示，该公司相关负责人已被警方带走。",
    "这位官员说，该公司一名高管涉嫌非法集资，涉案金额高达数亿元。",
    "警方表示，此案涉及多家银行和一位前官员，相关部门将进一步调查非法集资的资金去向。",
]

GRAMMAR = {"正在", "一位", "一名", "这位", "该", "相关", "进一步", "表示", "两家", "多家", "此案"}


def traditional(text: str) -> str:
    return convert(text, "s2t")


def document_of(text: str, glossary, splitter) -> Document:
    return segment(text, glossary, splitter, "<test>", shadow(text))


def keyword_words(document: Document, glossary, limit: int = 30) -> list[str]:
    """The keywords, in Simplified whatever the script they are written in."""
    return [shadow(k.word) for k in keywords(document, glossary, limit=limit)]


# --- keywords ---------------------------------------------------------------------------


@pytest.mark.parametrize("script", ["simplified", "traditional"])
def test_function_words_are_no_keywords(script: str, glossary, splitter) -> None:
    text = STORY if script == "simplified" else traditional(STORY)
    words = keyword_words(document_of(text, glossary, splitter), glossary)
    assert not set(words) & GRAMMAR
    assert {"高管", "集资", "警方", "官员", "银行"} <= set(words)


def test_the_page_around_the_story_gives_no_keywords(glossary, splitter) -> None:
    words = keyword_words(document_of(STORY, glossary, splitter), glossary)
    assert not set(words) & {"责任编辑", "张三", "李四", "版权所有", "警戒线", "资料", "中央社"}
    assert "王小明" not in words  # the lede's byline is the wire's, not the story's


#: Function words the dictionary lists, then numeral-and-classifier phrases it may not.
GRAMMAR_WORDS = (
    "一位 一名 这位 该 两家 进一步 已经 我们 通过 因为 的 许多",
    "这名 另一名 两人 数十名 这起",
)


@pytest.mark.parametrize("word", " ".join(GRAMMAR_WORDS).split())
def test_grammar_by_dictionary_class_or_by_shape(word: str) -> None:
    assert _grammar(word)


@pytest.mark.parametrize("word", ["集资", "警方", "晶元", "两会", "首都", "立法", "美方", "多门"])
def test_subject_words_are_not_grammar(word: str) -> None:
    assert not _grammar(word)


def test_english_function_words_are_no_keywords(glossary, splitter) -> None:
    text = (
        "高管曾对外表示“It is very important that we keep the trust of the investors”。"
        "投资者说：“This is not what the US and the IT industry want.”"
    )
    keys = {k.word for k in keywords(document_of(text, glossary, splitter), glossary, limit=50)}
    assert not keys & {"It", "is", "very", "that", "we", "the", "of", "This", "not", "and"}
    assert {"important", "trust", "investors", "US", "IT"} <= keys  # acronyms are kept


@pytest.mark.parametrize(
    ("text", "key"),
    [("The", None), ("it", None), ("US", "us"), ("Qwen", "qwen"), ("a", None), ("R1", "r1")],
)
def test_latin_key(text: str, key: str | None) -> None:
    assert _latin_key(text) == key


@pytest.mark.parametrize("script", ["simplified", "traditional"])
def test_glossary_terms_are_kept_whatever_their_dictionary_class(
    script: str, glossary, splitter
) -> None:
    """对齐 and 实时 are adverbs to jieba's dictionary, and terms to the glossary."""
    text = "研究人员认为，模型对齐仍是难题。对齐需要大量数据，实时推理也需要算力。"
    text = text if script == "simplified" else traditional(text)
    document = document_of(text, glossary, splitter)
    found = {shadow(k.word): k.english for k in keywords(document, glossary)}
    assert found["对齐"] == "alignment"
    assert found["实时"] is not None


# --- boilerplate ------------------------------------------------------------------------

BOILERPLATE = [
    "【文/觀察者網 楊蓉】",
    "文｜本报记者 田雨萌　图｜受访者供图",
    "記者蔡宜庭、黃俊凱／桃園報導",
    "圖：美國國會在華盛頓舉行聽證會。",
    "【圖】市民在街頭排隊",
    "多門在聽證會上發言（資料圖片）",
    "市民在街頭排隊。（圖／路透社）",
    "▲台北市長今出席活動。（圖／記者王小明攝）",
    "圖片來源：路透社",
    "图/文 王小明",
    "摄影：王小明",
    "記者王小明／攝影",
    "记者 王小明 报道",
    "本報記者 王小明",
    "（中央社記者王小明台北7日電）",
    "責任編輯：李四",
    "编辑：张三",
    "來源：新華社",
    "訂閱電子報，掌握最新消息",
    "追蹤我們的Facebook",
    "关注我们，获取更多资讯",
    "点击这里下载App",
    "加入會員，享受更多優惠",
    "按讚加入粉絲團",
    "扫码关注我们的公众号",
    "版權所有，未經授權不得轉載",
    "本文系觀察者網獨家稿件,未經授權,不得轉載。",
    "© 2024 Example News",
    "Copyright 2024 Example. All rights reserved.",
]

STORY_LINES = [
    "記者趕到現場時，火勢已經撲滅。",
    "他告訴本報記者，情況很糟。",
    "記者問他是否報道過此事。",
    "他們派出了記者團隊。",
    "資金來源不明。",
    "他從小喜歡攝影。",
    "他未經同意就拿走了錢。",
    "點擊率創下新高。",
    "下載量突破一億次。",
    "訂閱人數持續增加。",
    "越來越多人加入會員制倉儲。",
    "掃描二維碼付款成為日常。",
    "多門在聽證會上發言",
    "（中央社記者王小明台北7日電）行政院今天宣布調整基本工資。",
    "消息來源指出，美方將在下週宣布新的出口管制措施，涉及多家中國企業和兩家研究機構，"
    "記者王小明／攝影的現場照片也在社交媒體上廣為流傳。",
]


@pytest.mark.parametrize("line", BOILERPLATE)
def test_boilerplate_in_either_script(line: str) -> None:
    assert is_boilerplate(line)
    assert is_boilerplate(convert(line, "t2s"))
    assert is_boilerplate(traditional(line))


@pytest.mark.parametrize("line", STORY_LINES)
def test_story_lines_that_mention_reporters_or_sources(line: str) -> None:
    assert not is_boilerplate(line)
    assert not is_boilerplate(convert(line, "t2s"))


def test_a_marker_inside_counts_only_in_a_short_line() -> None:
    caption = "市民在街頭排隊。（資料圖片）"
    assert is_boilerplate(caption)
    story = "市民" + "在街頭排隊，" * (SHORT // 6) + "（資料圖片）"
    assert not is_boilerplate(story)
    assert is_boilerplate("圖：" + story)  # a caption's marker at the start counts at any length


def test_the_simplified_form_given_is_the_one_judged() -> None:
    line = "責任編輯：李四"
    assert is_boilerplate(line, convert(line, "t2s"))
    assert not is_boilerplate(line, "行政院今天開會。")


@pytest.mark.parametrize(
    ("line", "rest"),
    [
        ("（中央社記者王小明台北7日電）行政院今天開會。", "行政院今天開會。"),
        ("  【記者王小明／台北報導】 行政院今天開會。", "行政院今天開會。"),
        ("【文/觀察者網 楊蓉】行政院今天開會。", "行政院今天開會。"),
        ("（中央社記者王小明台北7日電）", "（中央社記者王小明台北7日電）"),
        ("行政院今天開會。", "行政院今天開會。"),
        ("", ""),
    ],
)
def test_lead_in_is_a_bracketed_byline_before_the_story(line: str, rest: str) -> None:
    assert line[lead_in(line) :] == rest


# --- outline ----------------------------------------------------------------------------


@pytest.mark.parametrize("script", ["simplified", "traditional"])
def test_outline_leaves_out_the_page_around_the_story(script: str, glossary, splitter) -> None:
    text = STORY if script == "simplified" else traditional(STORY)
    document = document_of(text, glossary, splitter)
    items = outline(document)
    assert [shadow(item.text) for item in items] == OUTLINE
    for item in items:
        assert text[item.start : item.end] == item.text


def test_outline_of_a_document_without_its_shadow(splitter) -> None:
    text = traditional(STORY)
    document = Document(text, segment(text, None, splitter, "<test>").tokens)
    assert not document.shadow
    assert [shadow(item.text) for item in outline(document)] == OUTLINE


def test_outline_leaves_out_a_writers_credit_alone_on_its_line(splitter) -> None:
    text = "【文/觀察者網 楊蓉】\n中國企業近期推出的AI模型引發美國的高度關注。\n"
    items = outline(segment(text, None, splitter, "<test>", shadow(text)))
    assert [item.text for item in items] == ["中國企業近期推出的AI模型引發美國的高度關注。"]
