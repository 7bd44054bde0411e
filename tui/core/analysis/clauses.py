"""A text cut into sentences and clauses, quotes kept whole, with where its people,
organisations, 《》 titles, pronouns and speech verbs stand: what the speaker search reads."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence

from tui.core.analysis.entities import ORGANISATION, PERSON, Entity, Mention
from tui.core.analysis.quotemarks import outer_spans
from tui.core.analysis.speechwords import ADVERBS, CITING, PRONOUNS, VERBS
from tui.core.model.document import Document
from tui.core.scripts import convert

__all__ = ["CLAUSE_ENDS", "SENTENCE_ENDS", "Clauses"]

#: Marks that end a sentence (outside quotes).
SENTENCE_ENDS = frozenset("。！？!?；;\n")
#: Marks that end a clause: the search for a speaker never crosses them.
CLAUSE_ENDS = SENTENCE_ENDS | frozenset("，,：:")


_PRONOUN_SEARCH = re.compile("[他她]|对方")


def _lookahead(words: frozenset[str]) -> re.Pattern[str]:
    """Finds where any of ``words`` starts, the longest there first, overlaps included
    (the class of first characters first: it makes the search five times faster)."""
    firsts = "".join(sorted({word[0] for word in words}))
    alternatives = "|".join(sorted(words, key=len, reverse=True))
    return re.compile(f"(?=[{firsts}])(?=({alternatives}))")


_VERB_SEARCH = _lookahead(VERBS)
_CITING_SEARCH = _lookahead(CITING)


class Clauses:
    """The text cut into sentences and clauses (quotes kept whole) with its people,
    organisations, 《》 titles, pronouns and speech verbs."""

    def __init__(
        self, document: Document, mentions: Sequence[Mention], entities: Sequence[Entity]
    ) -> None:
        self.text = document.text
        self.shadow = document.shadow or convert.shadow(document.text)
        self.spans = outer_spans(self.text)
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
        self.verbs = self._words(VERBS, _VERB_SEARCH)
        self.verb_starts = [start for start, _ in self.verbs]
        self.citings = self._words(CITING, _CITING_SEARCH)
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
        self.titled = _titled_people(entities)
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
            if ch in CLAUSE_ENDS and not self.quoted[index]:
                clauses.append(index + 1)
                if ch in SENTENCE_ENDS:
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
            if word in PRONOUNS:
                found[start] = end
            elif word[:-1] in PRONOUNS and word[-1] in ADVERBS:
                found[start] = end - 1
        return found

    def _whole_word(self, start: int, end: int) -> bool:
        begins = start in self.starts or (
            start - 1 in self.starts and self.shadow[start - 1] in ADVERBS
        )
        return begins and end in self.ends

    def _in_view(self, start: int, verb: int) -> bool:
        """看來 is "in X's view" only as 在X看來; alone it is "it seems"."""
        clause = verb
        while clause > start and self.text[clause - 1] not in CLAUSE_ENDS:
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
        return at == 0 or self.text[at - 1] in CLAUSE_ENDS

    def _ends_clause(self, at: int) -> bool:
        while at < len(self.text) and self.text[at] in " \u3000\t":
            at += 1
        return at == len(self.text) or self.text[at] in CLAUSE_ENDS

    def _skip_space_back(self, at: int) -> int:
        while at > 0 and self.text[at - 1] in " \u3000\t":
            at -= 1
        return at


def _titled_people(entities: Sequence[Entity]) -> dict[str, str]:
    """The titles that name one person alone (总统 for 蔡英文 when the text calls her 蔡英文
    总统 and no one else 总统), in Simplified, longest first: a clause that names no one
    but "the president" names her. A role that is the name of a body or place, or the end
    of one (谷歌公司 约翰 calls him by his employer), is no title: "谷歌公司表示" and
    "公司表示" are the firm's words."""
    bodies = [convert.shadow(e.name) for e in entities if e.kind != PERSON]
    holders: dict[str, set[str]] = {}
    for entity in entities:
        if entity.kind != PERSON or not entity.role:
            continue
        role = convert.shadow(entity.role)
        for title in {role, role[-2:]}:
            if len(title) >= 2 and not any(body.endswith(title) for body in bodies):
                holders.setdefault(title, set()).add(entity.name)
    single = {title: next(iter(names)) for title, names in holders.items() if len(names) == 1}
    return dict(sorted(single.items(), key=lambda item: -len(item[0])))
