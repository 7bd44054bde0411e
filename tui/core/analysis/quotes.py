"""Direct quotations and who said them.

Chinese news quotes in 「」 (Traditional), “” (Simplified), 『』 or ‘’, and uses the same marks
for terms (「蒸餾」) and names; a quotation is told from a term by reading like a sentence: it
has clause punctuation inside, or is long, or a speaker says it right there (多門說：「不會。」,
「不會。」他說). Nested marks (『世界主要AI創新中心』 inside a quote) belong to the outer
quote. ‘ and ’ are quote marks only around Han text: ’ is also the apostrophe of don’t.

The speaker is found the way a reader finds it, nearest cue first:

1. after the quote, a short clause ending in a speech verb: 「…」多門說 / 「…」。他說，
2. before it, in the same sentence: 戴維·林指出，「…」 / 他坦言：「…」 / 在他看來，…「…」
3. after it, the rest of its sentence ending in one: 「…」8日，在論壇上，司馬卓說。
4. a quote standing alone continues the previous sentence's speaker in the paragraph.

In the words that lead up to the speech verb, the speaker is, in this order: whoever is cited
(路透社引述一名官員說 → 一名官員); an unnamed source as written, when no name follows it
(一名不願具名的官員, 外交部發言人); the first person or pronoun (他/她 → the first person
of the nearest sentence before that names one, 他們 → the people or organisation it names,
對方 → the last person named); a media outlet, as its organisation or, when none is named,
its 《》 title without the marks (《環球時報》社評指 → 環球時報, and 社評/該報 after it).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from tui.core.analysis.entities import ORGANISATION, PERSON, Entity, Mention
from tui.core.model.chars import is_han
from tui.core.model.document import Document
from tui.core.scripts import convert

__all__ = ["Quote", "find_quotes", "is_statement", "quote_spans"]

_PAIRS = {"「": "」", "『": "』", "“": "”", "‘": "’"}
_CLOSERS = frozenset(_PAIRS.values())
#: Marks that end a sentence (outside quotes).
_SENTENCE_ENDS = frozenset("。！？!?；;\n")
#: Marks that end a clause: the search for a speaker never crosses them.
_CLAUSE_ENDS = _SENTENCE_ENDS | frozenset("，,：:")
#: Punctuation that makes quoted words a sentence rather than a term.
_CLAUSE_PUNCT = frozenset("，。！？；：…")
_ASCII_PUNCT = frozenset(",.!?;:")
#: What ends words said as a sentence of their own: 「不會。」
_FINAL_PUNCT = frozenset("。！？!?…")
#: An unpunctuated quote at least this long is still a quotation, not a term.
MIN_UNPUNCTUATED = 20
#: Characters before quoted words that make them the name of a thing (的「蒸馏」, 为「…」,
#: 是「…」, 而非「…」), not words said.
_NAMING = frozenset("的为是非成作叫")
#: Speech verbs of news copy, in Simplified (they are matched on the shadow), as whole words.
_SPEECH_VERBS = (
    *("说", "说道", "讲", "直说", "笑说", "表示", "表明", "表态", "指", "指出", "指称"),
    *("直指", "称", "声称", "宣称", "笑称", "辩称", "写道", "认为", "强调", "重申"),
    *("透露", "坦言", "坦承", "承认", "直言", "提到", "提及", "谈到", "谈及", "声明", "宣布"),
    *("补充", "补充说", "解释", "形容", "分析", "警告", "呼吁", "喊话", "告诉", "问道"),
    *("反问", "追问", "质疑", "回应", "回答", "答道", "回复", "答复", "反驳", "驳斥", "否认"),
    *("批评", "抨击", "痛批", "怒批", "狠批", "炮轰", "砲轰", "怒斥", "斥责", "谴责", "回呛"),
    *("感叹", "感慨", "发文", "撰文", "贴文", "留言", "报道", "报导", "看来"),
)
_VERBS = frozenset(_SPEECH_VERBS)
#: Characters jieba glues onto a verb that still leave it the verb: adverbs (又称, 也表示,
#: 續指, 開門見山地說) and the end of "in/at/when ..." (在发言中称, 在会上说, 采访时表示).
#: Glued after a pronoun they leave it the pronoun (他續/指).
_ADVERBS = frozenset("也又还则曾就并更再均亦都续另地中上时后里")
#: Pronouns that can stand for a speaker, in Simplified.
_PRONOUNS = frozenset({"他", "她", "他们", "她们", "对方"})
_PLURALS = frozenset({"他们", "她们"})
_PRONOUN_SEARCH = re.compile("[他她]|对方")
#: Words that open a clause without being its subject: 據新華社報道, 但一名官員說.
_LEADS = ("根据", "据", "但是", "但", "而且", "而", "不过", "然而", "另外", "此外", "同时", "其中")
#: Words citing a source: what follows them is who said it (路透社引述一名官員說).
_CITING = frozenset({"引述", "援引", "转述"})


def _lookahead(words: frozenset[str]) -> re.Pattern[str]:
    """Finds where any of ``words`` starts, the longest there first, overlaps included
    (the class of first characters first: it makes the search five times faster)."""
    firsts = "".join(sorted({word[0] for word in words}))
    alternatives = "|".join(sorted(words, key=len, reverse=True))
    return re.compile(f"(?=[{firsts}])(?=({alternatives}))")


_VERB_SEARCH = _lookahead(_VERBS)
_CITING_SEARCH = _lookahead(_CITING)
#: Words ending an unnamed source: 一名官員, 有關發言人, 消息人士, 警方.
_SOURCE_HEADS = (
    *("发言人", "人士", "官员", "官方", "当局", "警方", "高层", "高官", "负责人", "人员"),
    *("代表", "专家", "学者", "分析师", "研究员", "消息来源", "知情者", "目击者", "证人"),
    *("网友", "网民", "民众", "居民", "村民", "市民", "议员", "立委", "律师", "医生", "医师"),
    *("教授", "主管", "经理", "顾问", "幕僚", "助手", "助理", "职员", "员工", "外交官"),
    *("业者", "家长", "乘客", "游客", "选民", "店主", "老板", "司机", "工人", "农民", "渔民"),
    *("学生", "老师", "教师", "球迷", "观众", "受害者", "受访者", "当事人", "住户", "街坊"),
)
#: After 一名/一位/某, any word ending like a person is the source: 一名…體育工作者.
_PERSON_ENDINGS = frozenset("员官师家者人长监管任士生民友众层户主手匠工子女")
_COUNTED = re.compile("[一两二三四五六七八九十几数多这那该][名位家个]|某")
#: Words after an unnamed source that are not part of it (一名官員對記者說, 發言人週二表示).
_AFTER_SOURCE = frozenset(
    {
        *("对", "向", "跟", "在", "于", "给", "从", "当", "以", "为", "接受", "受访", "透过"),
        *("通过", "面对", "则", "也", "亦", "更", "还", "都", "均", "并", "又", "曾", "已"),
        *("再", "即", "就", "却", "续", "另", "私下", "公开", "匿名", "强烈", "明确", "直接"),
        *("首先", "最后", "进一步", "一再", "再次", "多次", "早前", "日前", "近日", "稍早"),
        *("稍后", "随后", "其后", "事后", "会后", "当晚", "当天", "当日", "同日", "同时"),
        *("此前", "之前", "之后", "目前", "昨日", "昨天", "今日", "今天", "今早", "今晨"),
        *("昨晚", "今晚", "周末", "本周", "上周", "早上", "上午", "下午", "晚上", "晚间"),
        *("的话", "的说法", "说法", "对此"),
    }
)
_DATE = re.compile(r"(?:周|星期|礼拜)[一二三四五六日天]|[\d一二三四五六七八九十]+[月日号]")
#: What a title does not follow when it is a clause's subject (在接受《紐約時報》訪問時).
_NOT_BEFORE_TITLE = frozenset("在对向于给跟与和替为接从受")
#: Words standing for the outlet last named: 該報社評亦直言 / 社論寫道.
_OUTLET_WORDS = ("该报", "该社", "该刊", "社评", "社论")
#: Last characters of an institution's name (衛生局, 立法院, 民進黨), in words of three or more.
_BODY_ENDINGS = frozenset("部局署院处厅会府党社台")
#: Words pointing back to a source named before: 這名主管, 該名男子.
_BACK = re.compile("[这该此那][名位]")
#: How far back a source pointed back to is looked for.
_LOOKBACK = 2000
#: An unnamed source longer than this is a clause, not a name.
_MAX_SOURCE = 30


@dataclass(frozen=True, slots=True)
class Quote:
    """Quoted words (without the marks, ``text == document.text[start:end]``) and who said
    them, when the text says."""

    text: str
    speaker: str | None
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class _Span:
    open: int  # the opening mark
    close: int  # the closing mark, or where the paragraph ends when it is never closed

    @property
    def start(self) -> int:
        return self.open + 1


def quote_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of the words inside every outermost pair of quote marks."""
    return [(span.start, span.close) for span in _outer_spans(text)]


def _outer_spans(text: str) -> list[_Span]:
    """Outermost quotes. A quote left open runs to the end of its paragraph (the Chinese
    way of quoting several paragraphs); a stray closing mark is ignored."""
    singles = _single_quotes(text) if "‘" in text else frozenset()
    spans: list[_Span] = []
    stack: list[tuple[int, str]] = []
    for index, ch in enumerate(text):
        if ch in "‘’" and index not in singles:
            continue
        if ch == "\n":
            if stack:
                spans.append(_Span(stack[0][0], index))
                stack.clear()
        elif stack and ch == stack[-1][1]:
            opened = stack.pop()[0]
            if not stack:
                spans.append(_Span(opened, index))
        elif ch in _PAIRS:
            stack.append((index, _PAIRS[ch]))
        elif ch in _CLOSERS and any(closer == ch for _, closer in stack):
            while stack[-1][1] != ch:  # close the inner quotes left open
                stack.pop()
            opened = stack.pop()[0]
            if not stack:
                spans.append(_Span(opened, index))
    if stack:
        spans.append(_Span(stack[0][0], len(text)))
    return spans


def _single_quotes(text: str) -> frozenset[int]:
    """Where ‘ and ’ are quote marks: a ‘ and the next ’ in its paragraph that is no
    apostrophe (don’t), with Han between them. Any other ‘ or ’ is left alone, so a stray
    one never swallows the rest of a paragraph."""
    marks: set[int] = set()
    opened, han = -1, False
    for index, ch in enumerate(text):
        if ch == "‘":
            opened, han = index, False
        elif ch == "’" and opened >= 0 and not _apostrophe(text, index):
            if han:
                marks.update((opened, index))
            opened = -1
        elif ch == "\n":
            opened = -1
        elif opened >= 0 and not han and is_han(ch):
            han = True
    return frozenset(marks)


def _apostrophe(text: str, index: int) -> bool:
    """’ between two Latin letters (don’t, Trump’s) joins a word; it closes nothing."""
    return 0 < index < len(text) - 1 and _latin(text[index - 1]) and _latin(text[index + 1])


def _latin(ch: str) -> bool:
    return ch.isascii() and ch.isalpha()


def is_statement(words: str) -> bool:
    """Whether quoted words are said rather than named: 「蒸餾」 and 「美中經濟與安全評估
    委員會」 are terms; a quotation has clause punctuation inside or runs long."""
    solid = "".join(words.split())
    if len(solid) < 4:
        return False
    if any(ch in _CLAUSE_PUNCT for ch in solid):
        return True
    if any(
        ch in _ASCII_PUNCT and (i + 1 == len(words) or words[i + 1].isspace())
        for i, ch in enumerate(words)
    ):
        return True
    return len(solid) >= MIN_UNPUNCTUATED


def find_quotes(
    document: Document, mentions: Sequence[Mention], entities: Sequence[Entity]
) -> list[Quote]:
    """Every quotation in text order, with its speaker's name (None when not said)."""
    finder = _Finder(document, mentions, entities)
    quotes = []
    for span in finder.spans:
        words = document.text[span.start : span.close]
        if is_statement(words):
            quotes.append(Quote(words, finder.speaker(span), span.start, span.close))
        elif (speaker := finder.said(span)) is not None:
            quotes.append(Quote(words, speaker, span.start, span.close))
    return quotes


class _Finder:
    """The text cut into sentences and clauses (quotes kept whole) with its people,
    organisations, 《》 titles, pronouns and speech verbs."""

    def __init__(
        self, document: Document, mentions: Sequence[Mention], entities: Sequence[Entity]
    ) -> None:
        self.text = document.text
        self.shadow = document.shadow or convert.shadow(document.text)
        self.spans = _outer_spans(self.text)
        self.span_opens = [span.open for span in self.spans]
        self.quoted = bytearray(len(self.text))
        for span in self.spans:
            self.quoted[span.open : span.close + 1] = b"\1" * (span.close + 1 - span.open)
        sentences, self.clause_starts = self._cut()
        self.sentences = sentences or [(0, 0)]
        self.sentence_starts = [start for start, _ in self.sentences]
        self.tokens = [(t.start, t.end) for t in document.tokens]
        self.token_starts = [start for start, _ in self.tokens]
        self.starts = frozenset(self.token_starts)
        self.ends = frozenset(end for _, end in self.tokens)
        self.verbs = self._words(_VERBS, _VERB_SEARCH)
        self.verb_starts = [start for start, _ in self.verbs]
        self.citings = self._words(_CITING, _CITING_SEARCH)
        names = {}
        for entity in entities:
            for occurrence in entity.occurrences:
                names[occurrence] = entity.name
        # Only what stands outside quotes can be a speaker: kept sorted, each lookup is a
        # bisection however many names a long quote holds.
        self.people = [
            (m.start, names[(m.start, m.end)])
            for m in mentions
            if m.kind == PERSON and (m.start, m.end) in names and not self.quoted[m.start]
        ]
        self.organisations = [
            (m.start, names[(m.start, m.end)])
            for m in mentions
            if m.kind == ORGANISATION and (m.start, m.end) in names and not self.quoted[m.start]
        ]
        self.pronoun_ends = self._pronouns()
        self.pronouns = sorted(self.pronoun_ends)
        self.titles = [
            (match.start(), match.end() - 1)
            for match in re.finditer("《([^《》\n]+)》", self.text)
            if not self.quoted[match.start()]
        ]

    def _cut(self) -> tuple[list[tuple[int, int]], list[int]]:
        """Sentences, and where each clause starts: after a clause mark outside quotes, or
        after a quote (「…」他說 starts anew after the mark)."""
        sentences, clauses, start = [], [0], 0
        for index, ch in enumerate(self.text):
            if ch in _CLAUSE_ENDS and not self.quoted[index]:
                clauses.append(index + 1)
                if ch in _SENTENCE_ENDS:
                    sentences.append((start, index + 1))
                    start = index + 1
        if start < len(self.text):
            sentences.append((start, len(self.text)))
        clauses.extend(span.close + 1 for span in self.spans)
        return sentences, sorted(clauses)

    def _sentence_of(self, offset: int) -> int:
        return max(0, bisect_right(self.sentence_starts, offset) - 1)

    def _clause_start(self, offset: int) -> int:
        return self.clause_starts[bisect_right(self.clause_starts, offset) - 1]

    def speaker(self, span: _Span) -> str | None:
        found = self._after(span)
        if found is None:
            found = self._before(span)
        if found is None:
            found = self._rest_of_sentence(span)
        if found is None:
            found = self._previous_sentence(span)
        return found

    def said(self, span: _Span) -> str | None:
        """Who says words too short to read as a sentence (「不會。」), where they stand as
        a statement does: led by a speech verb and closing the clause (多門說：「不會。」),
        or opening a clause that a speaker follows (「不會。」他說), or ending a clause of a
        sentence a speaker's verb leads (房屋局表示，計劃「整體目標維持不變」。). A term sits
        inside its clause (所謂「新質生產力」, 被稱為「晶片法案」的法律, 稱「沒有計劃」起訴)."""
        words = self.text[span.start : span.close].strip()
        if not words or span.close >= len(self.text) or self.text[span.close] not in _CLOSERS:
            return None
        final = words[-1] in _FINAL_PUNCT
        led = self._led_by_verb(span.open)
        if led is not None and (led or final) and (final or self._ends_clause(span.close + 1)):
            return self._before(span)
        if self._opens_clause(span.open):
            return self._after(span)
        if (final or self._ends_clause(span.close + 1)) and not self._named_thing(span):
            return self._before(span)  # X表示，…「整体目标维持不变」。: the end of what X said
        return None

    def _named_thing(self, span: _Span) -> bool:
        """Quoted words that name a thing rather than say something: after 的, 为, 是, 非
        (对ChatGPT的「蒸馏」, 分为「竞争领域」而非「美国领先」), or one word alone."""
        at = self._skip_space_back(span.open)
        if at > 0 and self.shadow[at - 1] in _NAMING:
            return True
        index = bisect_left(self.token_starts, span.start)
        return index < len(self.tokens) and self.tokens[index] == (
            span.start,
            span.close,
        )  # one word of the segmenter (a glossary term among them): 「芯粒封装」

    # -- the places a speaker is named ----------------------------------------------------

    def _after(self, span: _Span) -> str | None:
        """「…」多門說 / 「…」。他說，「…」: a clause right after the quote ending in a verb."""
        at = span.close + 1
        while at < len(self.text) and self.text[at] in "。，,. \u3000":
            at += 1
        end = at
        while (
            end < len(self.text)
            and self.text[end] not in _CLAUSE_ENDS
            and self.text[end] not in _PAIRS
        ):
            end += 1
        while end > at and self.text[end - 1].isspace():
            end -= 1
        verb = self._last_verb(at, end)
        if verb is None or verb[1] != end:
            return None
        return self._speaker_in(at, verb[0])

    def _before(self, span: _Span) -> str | None:
        """戴維·林指出，「…」 / 他坦言：「…」: a speech verb earlier in the same sentence."""
        start = self.sentences[self._sentence_of(span.open)][0]
        verb = self._last_verb(start, span.open)
        if verb is None:
            return None
        return self._speaker_in(start, verb[0])

    def _rest_of_sentence(self, span: _Span) -> str | None:
        """「…」8日，在論壇上，院長司馬卓開門見山地說。: the sentence the quote opens goes
        on to end in a speech verb, with no other quote in between."""
        at = span.close + 1
        if at >= len(self.text) or self.text[at] in _SENTENCE_ENDS:
            return None
        end = self.sentences[self._sentence_of(at)][1]
        while end > at and (self.text[end - 1] in _SENTENCE_ENDS or self.text[end - 1].isspace()):
            end -= 1
        following = bisect_right(self.span_opens, span.open)
        if following < len(self.span_opens) and self.span_opens[following] < end:
            return None
        verb = self._last_verb(at, end)
        if verb is None or verb[1] != end:
            return None
        return self._speaker_in(at, verb[0])

    def _previous_sentence(self, span: _Span) -> str | None:
        """A quote on its own after 戴維·林指出，… continues what he was saying."""
        index = self._sentence_of(span.open)
        start = self.sentences[index][0]
        if index == 0 or self.text[start - 1] == "\n" or self._last_verb(start, span.open):
            return None
        before_start, before_end = self.sentences[index - 1]
        verb = self._last_verb(before_start, before_end)
        return self._speaker_in(before_start, verb[0]) if verb else None

    # -- verbs -----------------------------------------------------------------------------

    def _last_verb(self, start: int, end: int) -> tuple[int, int] | None:
        """The last speech verb in ``[start, end)``, found by bisection among the verbs of
        the whole text: a long sentence with many quotes is not read again for each."""
        index = bisect_left(self.verb_starts, end) - 1
        while index >= 0 and self.verbs[index][0] >= start:
            verb = self.verbs[index]
            if verb[1] <= end and (
                self.shadow[verb[0] : verb[1]] != "看来" or self._in_view(start, verb[0])
            ):
                return verb
            index -= 1
        return None

    def _words(self, words: frozenset[str], pattern: re.Pattern[str]) -> list[tuple[int, int]]:
        """Where any of ``words`` (found by ``pattern``) stands as a whole word outside
        quotes, in text order; where the longest one at a place is not a word there, a
        shorter one may be (說道理: 說)."""
        found: list[tuple[int, int]] = []
        for match in pattern.finditer(self.shadow):
            start, longest = match.start(), match.group(1)
            if (found and start < found[-1][1]) or self.quoted[start]:
                continue
            for end in range(start + len(longest), start, -1):
                if self.shadow[start:end] in words and self._whole_word(start, end):
                    found.append((start, end))
                    break
        return found

    def _pronouns(self) -> dict[int, int]:
        """Where each pronoun outside quotes starts and ends: a word that is one, or one
        with an adverb glued on (他續/指)."""
        found = {}
        for match in _PRONOUN_SEARCH.finditer(self.shadow):
            start = match.start()
            if start not in self.starts or self.quoted[start]:
                continue
            end = self.tokens[bisect_left(self.token_starts, start)][1]
            word = self.shadow[start:end]
            if word in _PRONOUNS:
                found[start] = end
            elif word[:-1] in _PRONOUNS and word[-1] in _ADVERBS:
                found[start] = end - 1
        return found

    def _whole_word(self, start: int, end: int) -> bool:
        begins = start in self.starts or (
            start - 1 in self.starts and self.shadow[start - 1] in _ADVERBS
        )
        return begins and end in self.ends

    def _in_view(self, start: int, verb: int) -> bool:
        """看來 is "in X's view" only as 在X看來; alone it is "it seems"."""
        clause = verb
        while clause > start and self.text[clause - 1] not in _CLAUSE_ENDS:
            clause -= 1
        return self.shadow.startswith("在", clause)

    def _led_by_verb(self, opening: int) -> bool | None:
        """Whether a speech verb ends right before the quote: True with a colon or comma
        between (多門說：「), False with nothing between (多門說「), None without one."""
        at = self._skip_space_back(opening)
        marked = at > 0 and self.text[at - 1] in "：:，,"
        if marked:
            at = self._skip_space_back(at - 1)
        if at == 0:
            return None
        verb = self._last_verb(self._clause_start(at - 1), at)
        return marked if verb is not None and verb[1] == at else None

    def _opens_clause(self, opening: int) -> bool:
        at = self._skip_space_back(opening)
        return at == 0 or self.text[at - 1] in _CLAUSE_ENDS

    def _ends_clause(self, at: int) -> bool:
        while at < len(self.text) and self.text[at] in " \u3000\t":
            at += 1
        return at == len(self.text) or self.text[at] in _CLAUSE_ENDS

    def _skip_space_back(self, at: int) -> int:
        while at > 0 and self.text[at - 1] in " \u3000\t":
            at -= 1
        return at

    # -- who the words before a verb name --------------------------------------------------

    def _speaker_in(self, start: int, end: int) -> str | None:
        """The speaker of the verb at ``end``, named in ``text[start:end]``: whoever is
        cited; the unnamed source or the pronoun the verb's clause opens with (the subject
        of the verb, where a person named earlier in the sentence may not be); else the
        first person or pronoun; else a media outlet leading the clause; else the first
        organisation."""
        start = self._cited(start, end)
        lead = self._lead(start, end)
        source = self._source(*lead)
        if source is not None:
            return " ".join(self.text[source[0] : source[1]].split())
        pronoun = self._pronoun_at(lead[0])
        if pronoun is not None:
            return self._referent(pronoun)
        if not self._names_anyone(start, end):
            outlet = self._outlet(*lead)
            if outlet is not None:
                return outlet
        return self._subject(start, end)

    def _cited(self, start: int, end: int) -> int:
        """After the last 引述/援引 before the verb: 路透社引述一名官員說 quotes the
        official."""
        index = bisect_left(self.citings, (end, end)) - 1
        if index >= 0 and self.citings[index][0] >= start and self.citings[index][1] <= end:
            return self.citings[index][1]
        return start

    def _lead(self, start: int, end: int) -> tuple[int, int]:
        """The clause that names who speaks: the verb's own, past the words that open a
        clause without naming anyone (據, 但); the one before when the verb opens its clause
        (一名官員昨日受訪，指「…」)."""
        begin = self._skip_leads(max(start, self._clause_start(end)), end)
        if begin > start and all(ch in _ADVERBS or ch.isspace() for ch in self.shadow[begin:end]):
            stop = self._clause_start(end) - 1
            if stop > start:
                return self._skip_leads(max(start, self._clause_start(stop - 1)), stop), stop
        return begin, end

    def _skip_leads(self, begin: int, end: int) -> int:
        while begin < end:
            if self.text[begin].isspace():
                begin += 1
                continue
            lead = next(
                (
                    word
                    for word in _LEADS
                    if self.shadow.startswith(word, begin) and begin + len(word) in self.starts
                ),
                None,
            )
            if lead is None:
                break
            begin += len(lead)
        return begin

    def _pronoun_at(self, at: int) -> int | None:
        index = bisect_left(self.pronouns, at)
        return at if index < len(self.pronouns) and self.pronouns[index] == at else None

    def _names_anyone(self, start: int, end: int) -> bool:
        """Whether a person or pronoun stands in ``[start, end)``."""
        at = bisect_left(self.pronouns, start)
        pronoun = at < len(self.pronouns) and self.pronouns[at] < end
        return pronoun or self._first(self.people, start, end) is not None

    def _source(self, begin: int, stop: int) -> tuple[int, int] | None:
        """An unnamed source opening the clause, as written: 一名不願具名的官員, 有關發言人,
        外交部發言人, or an institution jieba does not name (衛生局). It ends at the verb or
        at a word that cannot be part of it (對, 在, 週二, 也, 的話, 回應稱); a name after it
        (外交部發言人毛寧) is the speaker instead. 這名主管 is the 主管 named before."""
        last, word = self._source_end(begin, stop)
        if last is None:
            return None
        phrase = self.shadow[begin:last]
        head = phrase[:-1] if phrase.endswith("们") else phrase
        if head.endswith(_SOURCE_HEADS) or (head[-1:] in _PERSON_ENDINGS and _COUNTED.search(head)):
            if _BACK.match(phrase):
                return self._earlier_source(word, begin) or (begin, last)
            return begin, last
        if (
            len(word) >= 3
            and word[-1] in _BODY_ENDINGS
            and self._first(self.organisations, begin, last) is None
        ):
            return begin, last
        return None

    def _source_end(self, begin: int, stop: int) -> tuple[int | None, str]:
        """Where the words that may name a source end, and the last of them, before a 的
        that leads to 說法 or a speech verb the verb at ``stop`` follows."""
        at = bisect_left(self.token_starts, begin)
        words: list[tuple[int, str]] = []
        while at < len(self.tokens):
            token_start, token_end = self.tokens[at]
            if token_end > stop or self.quoted[token_start]:
                break
            if token_end - begin > _MAX_SOURCE:
                return None, ""
            word = self.shadow[token_start:token_end]
            if word in _AFTER_SOURCE or _DATE.fullmatch(word):
                break
            if not word.isspace():
                words.append((token_end, word))
            at += 1
        while words and (words[-1][1] == "的" or words[-1][1] in _VERBS):
            words.pop()  # 援引消息人士的說法, 發言人回應稱
        return words[-1] if words else (None, "")

    def _earlier_source(self, word: str, before: int) -> tuple[int, int] | None:
        """The source ending in ``word`` named shortly before: 一名…主管 for 這名主管."""
        at = self.shadow.rfind(word, max(0, before - _LOOKBACK), before)
        if at < 0 or self.quoted[at]:
            return None
        begin = self._skip_leads(self._clause_start(at), at)
        if begin >= at or _BACK.match(self.shadow, begin):  # one step back, never a chain
            return None
        found = self._source(begin, at + len(word))
        return found if found is not None and found[1] == at + len(word) else None

    def _outlet(self, begin: int, stop: int) -> str | None:
        """A media outlet opening the clause: 《環球時報》社評指 (its organisation when one
        is named inside the marks, else the title as written), or 該報/社論 standing for
        the last one named."""
        title = self._title_at(begin, stop)
        if title is None and self.shadow.startswith(_OUTLET_WORDS, begin):
            index = bisect_left(self.titles, (begin, begin)) - 1
            title = self.titles[index] if index >= 0 else None
        if title is None:
            return None
        organisation = self._first(self.organisations, title[0], title[1])
        if organisation is not None:
            return organisation[1]
        return " ".join(self.text[title[0] + 1 : title[1]].split())

    def _title_at(self, begin: int, stop: int) -> tuple[int, int] | None:
        """A 《》 title the clause opens with, a country or kind before it at most
        (美國《紐約時報》, 港媒《明報》), not one it mentions (在接受《紐約時報》訪問時)."""
        index = bisect_left(self.titles, (begin, begin))
        if index == len(self.titles) or self.titles[index][1] >= stop:
            return None
        title = self.titles[index]
        before = self.shadow[begin : title[0]]
        if len(before) > 4 or not all(is_han(ch) and ch not in _NOT_BEFORE_TITLE for ch in before):
            return None
        return title

    def _subject(self, start: int, end: int) -> str | None:
        """The first person or pronoun outside quotes in ``[start, end)``, else the first
        organisation."""
        person = self._first(self.people, start, end)
        at = bisect_left(self.pronouns, start)
        pronoun = self.pronouns[at] if at < len(self.pronouns) else None
        if pronoun is not None and pronoun >= end:
            pronoun = None
        if pronoun is not None and (person is None or pronoun < person[0]):
            return self._referent(pronoun)
        if person is not None:
            return person[1]
        organisation = self._first(self.organisations, start, end)
        return organisation[1] if organisation else None

    def _first(self, found: list[tuple[int, str]], start: int, end: int) -> tuple[int, str] | None:
        index = bisect_left(found, (start, ""))
        if index < len(found) and found[index][0] < end:
            return found[index]
        return None

    # -- pronouns --------------------------------------------------------------------------

    def _referent(self, pronoun: int) -> str | None:
        word = self.shadow[pronoun : self.pronoun_ends[pronoun]]
        if word in _PLURALS:
            return self._group(pronoun)
        if word == "对方":  # the other side: the last person named, not the subject
            index = bisect_left(self.people, (pronoun, "")) - 1
            return self.people[index][1] if index >= 0 else None
        return self._antecedent(pronoun)

    def _antecedent(self, pronoun: int) -> str | None:
        """他/她: the first person named in the nearest sentence before the pronoun (or in
        its own sentence before it) that names one: the sentence's subject, usually."""
        start = self.sentences[self._sentence_of(pronoun)][0]
        found = self._first(self.people, start, pronoun)
        if found is None:  # the last person before this sentence marks the nearest one
            before = bisect_left(self.people, (start, "")) - 1
            if before < 0:
                return None
            sentence = self.sentences[self._sentence_of(self.people[before][0])]
            found = self._first(self.people, sentence[0], sentence[1])
        return found[1] if found else None

    def _group(self, pronoun: int) -> str | None:
        """他們: the people the nearest sentence naming anyone names (王小明、李華), else
        its organisation, else its one person."""
        start = self.sentences[self._sentence_of(pronoun)][0]
        window = (start, pronoun)
        if not (self._first(self.people, *window) or self._first(self.organisations, *window)):
            person = bisect_left(self.people, (start, "")) - 1
            body = bisect_left(self.organisations, (start, "")) - 1
            last = max(
                self.people[person][0] if person >= 0 else -1,
                self.organisations[body][0] if body >= 0 else -1,
            )
            if last < 0:
                return None
            window = self.sentences[self._sentence_of(last)]
        low = bisect_left(self.people, (window[0], ""))
        high = bisect_left(self.people, (window[1], ""))
        names = list(dict.fromkeys(name for _, name in self.people[low : min(high, low + 20)]))
        if len(names) >= 2:
            return "、".join(names)
        organisation = self._first(self.organisations, *window)
        if organisation is not None:
            return organisation[1]
        return names[0] if names else None
