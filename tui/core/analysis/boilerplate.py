"""Lines a news page wraps around its story: captions, credits, pleas to subscribe,
copyright notices.

They are not the story, so the skim outline leaves them out. The rules look at the
Simplified form of a paragraph, so one set of patterns serves both scripts. A marker is
trusted in two ways only: at the very start of a paragraph (``图：``, ``责任编辑：``, ``©``),
or anywhere in a short one (``（资料图片）``, ``记者王小明／摄影``). A long paragraph that
merely mentions a reporter or a source (``记者赶到现场时…``, ``消息来源指出…``) is story, and
so is a lede that opens with its byline and runs on.
"""

from __future__ import annotations

import re

from tui.core.scripts.convert import shadow

__all__ = ["SHORT", "is_boilerplate", "lead_in"]

#: The longest paragraph (in characters other than spaces) a marker inside it can make
#: boilerplate: captions and credits are a line or two, story paragraphs run longer.
SHORT = 60

#: What may come before a marker at the start: brackets, bullets, arrows, spaces.
_OPEN = r"^[\s【\[〔［（(「《<〈▲▼△▽►▶➤→↑↓※★☆●■◆◎#＃*•·|｜]*"

_CAPTION = r"图(?:片|说|注|示)?(?:[】\]〕］）)]|\s*[:：/／|｜])|图为|图片来源|图源|资料图|翻摄"
_CREDIT = (
    r"责任编辑|(?:编辑|编审|校对|审核|审校|主编|监制|美编|撰文|采写|整理|编译|来源|稿源|出处"
    r"|摄影|摄)\s*[:：/／|｜]"
)
_COPYRIGHT = r"©|版权所有|copyright|all rights reserved"

#: Markers that make a paragraph boilerplate when it starts with them, however long it is.
_LEADS = re.compile(_OPEN + f"(?:{_CAPTION}|{_CREDIT}|{_COPYRIGHT})", re.IGNORECASE)

_NAME = r"[\u3400-\u9fff]{2,3}"  # a Chinese name: bylines seldom carry others
#: A reporter named where a byline has one: at the start, after a bracket, a slash or the
#: outlet (本报记者, 中央社记者), not inside a sentence (记者问他…).
_BY = (
    r"(?:^|[\s（(【\[〔［/／|｜:：。]|本报|本台|本刊|特约|实习|见习|摄影|[社台网报])\s*"
    rf"(?:记者|通讯员|实习生)\s*{_NAME}(?:\s*[、,，]\s*{_NAME})*"
)
_ASK = r"订阅|追踪|关注|下载|加入|分享|收听|收看|按赞"

#: Markers that make a short paragraph boilerplate wherever they are in it.
_INSIDE = re.compile(
    "|".join(
        (
            # bylines: 记者王小明／摄影, 记者 王小明 报道, （中央社记者王小明台北7日电）
            rf"{_BY}\s*(?:[/／|｜]|报道|摄|采写|整理|编译|综合)",
            rf"{_BY}\S{{0,6}}?\d{{1,2}}日电",
            rf"{_BY}\W*$",
            # a writer's credit: 【文/观察者网 杨蓉】
            r"^(?:[【\[（(]\s*)?(?:文|撰文|图文)\s*[/／:：｜|]",
            # a credit line in brackets: （本报记者 陈思远 发自合肥）, （记者：区咏欣、刘卓轩）
            r"^[（(【\[][^（()）【】\[\]]{0,40}(?:记者|通讯员)[^（()）【】\[\]]{0,40}[）)】\]]$",
            # captions and credits: 图/文, （资料图片）, （图／路透社）, （图片来源：路透社）
            r"图\s*[/／]\s*文|文\s*[/／]\s*图|[/／]\s*摄|摄影\s*[:：/／）)]|[（(]\s*摄\s*[）)]",
            r"[（(【\[]\s*(?:图|图片|照片)\s*(?:[:：/／|｜]|[】\])）])",
            r"资料(?:图|照)|图片(?:来源|提供)|图源|翻摄",
            r"[（(【\[][^）)】\]]{0,20}(?:来源|提供)\s*[:：]",
            _CREDIT,
            _COPYRIGHT,
            r"(?:不得|禁止|请勿|严禁)\S{0,4}?(?:转载|转贴|重制|复制)|转载请",
            # pleas: 追踪我们, 下载App, 加入会员, 请订阅, 扫码关注
            r"追踪我们|关注我们|加入会员(?!制)|下载\s*app",
            rf"(?:请|欢迎|立即|马上|赶快|快来|点此|按此|点击|一键)\s*(?:{_ASK})",
            rf"(?:扫码|扫描|长按)\S{{0,8}}?(?:{_ASK}|阅读)",
        )
    ),
    re.IGNORECASE,
)

#: Pleas open with what they ask for (not 订阅数, 点击率, 下载量: story words).
_PLEA_LEAD = re.compile(
    _OPEN + r"(?:订阅(?![数量户者制人费])|追踪我们|关注我们|点击(?![率量数])|点此|按此"
    r"|下载(?![量数速])|加入会员|按赞|扫码|长按|欢迎(?:订阅|追踪|关注|下载|分享))",
    re.IGNORECASE,
)


def is_boilerplate(paragraph: str, simplified: str | None = None) -> bool:
    """Whether ``paragraph`` is a caption, credit, plea or copyright line rather than story.

    ``simplified`` is its Simplified form when the caller has it (a document's shadow);
    otherwise it is made here. A bracketed byline ahead of the story (the lede of a wire
    story) does not make the story boilerplate: what follows it is judged instead.
    """
    text = (shadow(paragraph) if simplified is None else simplified).strip()
    if not text:
        return False
    if _LEADS.match(text):
        return True
    end = _bracket_end(text)
    if 0 < end < len(text):
        return is_boilerplate(text[end:], text[end:])
    if _length(text) > SHORT:
        return False
    return bool(_PLEA_LEAD.match(text) or _INSIDE.search(text))


def lead_in(paragraph: str, simplified: str | None = None) -> int:
    """How many characters at the start of ``paragraph`` are a bracketed byline ahead of
    its story, as in ``（中央社记者王小明台北7日电）行政院今天…``: 0 when there is none, or
    when nothing follows it (the byline is then the whole line)."""
    text = shadow(paragraph) if simplified is None else simplified
    start = len(text) - len(text.lstrip())
    end = start + _bracket_end(text[start:])
    after = len(text) - len(text[end:].lstrip())
    if end == start or after == len(text) or not is_boilerplate(text[start:end], text[start:end]):
        return 0
    return after


#: The brackets a byline or a caption's credit is put in.
_CLOSES = {"【": "】", "〔": "〕", "［": "］", "[": "]", "（": "）", "(": ")"}


def _bracket_end(text: str) -> int:
    """Where a short bracketed part at the start of ``text`` ends, or 0."""
    close = _CLOSES.get(text[:1])
    at = text.find(close, 1, SHORT) if close else -1
    return at + 1 if at > 0 else 0


def _length(text: str) -> int:
    """Characters other than spaces: Latin words in a line are spaced, Chinese ones not."""
    return len(text) - sum(ch.isspace() for ch in text)
