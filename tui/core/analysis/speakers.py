"""Who said each quotation, found the way a reader finds it, nearest cue first:

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

from bisect import bisect_left, bisect_right

from tui.core.analysis.clauses import CLAUSE_ENDS, SENTENCE_ENDS, Clauses
from tui.core.analysis.quotemarks import CLOSERS, PAIRS, Span
from tui.core.analysis.speechwords import (
    ADVERBS,
    AFTER_SOURCE,
    BACK,
    BODY_ENDINGS,
    COUNTED,
    DATE,
    LEADS,
    NOT_BEFORE_TITLE,
    OUTLET_WORDS,
    PERSON_ENDINGS,
    PLURALS,
    SOURCE_HEADS,
    VERBS,
)
from tui.core.model.chars import is_han

__all__ = ["Finder"]

#: What ends words said as a sentence of their own: 「不會。」
_FINAL_PUNCT = frozenset("。！？!?…")
#: Characters before quoted words that make them the name of a thing (的「蒸馏」, 为「…」,
#: 是「…」, 而非「…」), not words said.
_NAMING = frozenset("的为是非成作叫")
#: How far back a source pointed back to is looked for.
_LOOKBACK = 2000
#: An unnamed source longer than this is a clause, not a name.
_MAX_SOURCE = 30


class Finder(Clauses):
    """Who says the words of each quote: the speaker named by the nearest cue."""

    def speaker(self, span: Span) -> str | None:
        """Nearest cue first: the clause after the quote, unless a speech verb leads the
        quote itself (韓國瑜表示，「…」周映彤則說：: the first quote is 韓國瑜's)."""
        found = self._before(span) if self._led_by_verb(span.open) else None
        if found is None:
            found = self._after(span)
        if found is None:
            found = self._before(span)
        if found is None:
            found = self._rest_of_sentence(span)
        if found is None:
            found = self._previous_sentence(span)
        return found

    def said(self, span: Span) -> str | None:
        """Who says words too short to read as a sentence (「不會。」), where they stand as
        a statement does: led by a speech verb and closing the clause (多門說：「不會。」),
        or opening a clause that a speaker follows (「不會。」他說), or ending a clause of a
        sentence a speaker's verb leads (房屋局表示，計劃「整體目標維持不變」。). A term sits
        inside its clause (所謂「新質生產力」, 被稱為「晶片法案」的法律, 稱「沒有計劃」起訴)."""
        words = self.text[span.start : span.close].strip()
        if not words or span.close >= len(self.text) or self.text[span.close] not in CLOSERS:
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

    def _named_thing(self, span: Span) -> bool:
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

    # -- the places a speaker is named -----------------------------------------------------

    def _after(self, span: Span) -> str | None:
        """「…」多門說 / 「…」。他說，「…」: a clause right after the quote ending in a verb."""
        at = span.close + 1
        while at < len(self.text) and self.text[at] in "。，,. \u3000":
            at += 1
        end = at
        while (
            end < len(self.text)
            and self.text[end] not in CLAUSE_ENDS
            and self.text[end] not in PAIRS
        ):
            end += 1
        while end > at and self.text[end - 1].isspace():
            end -= 1
        verb = self._last_verb(at, end)
        if verb is None or verb[1] != end:
            return None
        return self._speaker_in(at, verb[0])

    def _before(self, span: Span) -> str | None:
        """戴維·林指出，「…」 / 他坦言：「…」: a speech verb earlier in the same sentence."""
        start = self.sentences[self._sentence_of(span.open)][0]
        verb = self._last_verb(start, span.open)
        if verb is None:
            return None
        return self._speaker_in(self._after_quotes(start, verb[0]), verb[0])

    def _after_quotes(self, start: int, verb: int) -> int:
        """Where the words that can name a verb's speaker begin: after the last quote closed
        before it (「…」民眾黨團總召周映彤則說：names 周映彤, not who said the quote)."""
        index = bisect_right(self.span_opens, verb) - 1
        while index >= 0 and self.spans[index].close >= verb:
            index -= 1
        if index >= 0 and self.spans[index].close >= start:
            return self.spans[index].close + 1
        return start

    def _rest_of_sentence(self, span: Span) -> str | None:
        """「…」8日，在論壇上，院長司馬卓開門見山地說。: the sentence the quote opens goes
        on to end in a speech verb, with no other quote in between."""
        at = span.close + 1
        if at >= len(self.text) or self.text[at] in SENTENCE_ENDS:
            return None
        end = self.sentences[self._sentence_of(at)][1]
        while end > at and (self.text[end - 1] in SENTENCE_ENDS or self.text[end - 1].isspace()):
            end -= 1
        following = bisect_right(self.span_opens, span.open)
        if following < len(self.span_opens) and self.span_opens[following] < end:
            return None
        verb = self._last_verb(at, end)
        if verb is None or verb[1] != end:
            return None
        return self._speaker_in(at, verb[0])

    def _previous_sentence(self, span: Span) -> str | None:
        """A quote on its own after 戴維·林指出，… continues what he was saying."""
        index = self._sentence_of(span.open)
        start = self.sentences[index][0]
        if index == 0 or self.text[start - 1] == "\n" or self._last_verb(start, span.open):
            return None
        before_start, before_end = self.sentences[index - 1]
        verb = self._last_verb(before_start, before_end)
        return self._speaker_in(before_start, verb[0]) if verb else None

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
        if begin > start and all(ch in ADVERBS or ch.isspace() for ch in self.shadow[begin:end]):
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
                    for word in LEADS
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
        if head.endswith(SOURCE_HEADS) or (head[-1:] in PERSON_ENDINGS and COUNTED.search(head)):
            if BACK.match(phrase):
                return self._earlier_source(word, begin) or (begin, last)
            return begin, last
        if (
            len(word) >= 3
            and word[-1] in BODY_ENDINGS
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
            if word in AFTER_SOURCE or DATE.fullmatch(word):
                break
            if not word.isspace():
                words.append((token_end, word))
            at += 1
        while words and (words[-1][1] == "的" or words[-1][1] in VERBS):
            words.pop()  # 援引消息人士的說法, 發言人回應稱
        return words[-1] if words else (None, "")

    def _earlier_source(self, word: str, before: int) -> tuple[int, int] | None:
        """The source ending in ``word`` named shortly before: 一名…主管 for 這名主管."""
        at = self.shadow.rfind(word, max(0, before - _LOOKBACK), before)
        if at < 0 or self.quoted[at]:
            return None
        begin = self._skip_leads(self._clause_start(at), at)
        if begin >= at or BACK.match(self.shadow, begin):  # one step back, never a chain
            return None
        found = self._source(begin, at + len(word))
        return found if found is not None and found[1] == at + len(word) else None

    def _outlet(self, begin: int, stop: int) -> str | None:
        """A media outlet opening the clause: 《環球時報》社評指 (its organisation when one
        is named inside the marks, else the title as written), or 該報/社論 standing for
        the last one named."""
        title = self._title_at(begin, stop)
        if title is None and self.shadow.startswith(OUTLET_WORDS, begin):
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
        if len(before) > 4 or not all(is_han(ch) and ch not in NOT_BEFORE_TITLE for ch in before):
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
        clause = self.shadow[start:end]
        titled = next((name for title, name in self.titled.items() if title in clause), None)
        if titled is not None:
            return titled  # 总统表示: the one person the text has called 总统
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
        if word in PLURALS:
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
