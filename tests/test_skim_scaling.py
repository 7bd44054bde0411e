"""The skim's lookups that keep it linear on a long text give what their plain definitions
give: the English of a dotted name found by its ending, and the speaker of a quote found by
bisection (the nearest person before a pronoun without walking back sentence by sentence).
And the report made a part at a time is the report."""

from __future__ import annotations

from bisect import bisect_left

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import SAMPLE
from tui.core.analysis.entities import ORGANISATION, PERSON, Tagger, _DottedEnglish, find_entities
from tui.core.analysis.skim import PARTS, SkimReport, skim, skim_parts
from tui.core.analysis.speakers import Finder
from tui.core.analysis.speechwords import PRONOUNS
from tui.core.scripts.convert import shadow
from tui.core.words.segment import segment

# --- the English of a name the segmenter glued a word onto --------------------------------


def english_by_scan(names: set[str], english: dict[str, str]) -> str | None:
    """The definition: the first term of the table that ends with one of the dotted names."""
    for term, given_english in english.items():
        if any(
            term.endswith("·" + name.split("·", 1)[-1]) and term.endswith(name)
            for name in names
            if "·" in name
        ):
            return given_english
    return None


NAMES = st.text(alphabet="克里夫西姆斯·", min_size=1, max_size=7)


@given(
    st.dictionaries(NAMES, st.text(alphabet="abc", max_size=3), max_size=12),
    st.sets(NAMES, max_size=5),
)
def test_english_by_ending_is_the_first_term_ending_so(
    english: dict[str, str], names: set[str]
) -> None:
    found = _DottedEnglish(english).ending_with(name for name in names if "·" in name)
    assert found == english_by_scan(names, english)


# --- speakers ---------------------------------------------------------------------------


class ByScan(Finder):
    """The speaker search as first written: every lookup scans, pronouns walk back."""

    def __init__(self, document, mentions, entities) -> None:
        super().__init__(document, mentions, entities)
        names = {span: e.name for e in entities for span in e.occurrences}
        self.every = {
            kind: [
                (m.start, names[(m.start, m.end)])
                for m in mentions
                if m.kind == kind and (m.start, m.end) in names
            ]
            for kind in (PERSON, ORGANISATION)
        }
        self.every_pronoun = [
            t.start for t in document.tokens if self.shadow[t.start : t.end] in PRONOUNS
        ]

    def _first(self, found, start, end):
        listed = self.every[PERSON if found is self.people else ORGANISATION]
        for at, name in listed[bisect_left(listed, (start, "")) :]:
            if at >= end:
                break
            if not self.quoted[at]:
                return at, name
        return None

    def _subject(self, start, end):
        person = self._first(self.people, start, end)
        pronoun = next(
            (
                p
                for p in self.every_pronoun[bisect_left(self.every_pronoun, start) :]
                if p < end and not self.quoted[p]
            ),
            None,
        )
        if pronoun is not None and (person is None or pronoun < person[0]):
            return self._antecedent(pronoun)
        if person is not None:
            return person[1]
        organisation = self._first(self.organisations, start, end)
        return organisation[1] if organisation else None

    def _antecedent(self, pronoun):
        index = self._sentence_of(pronoun)
        start = self.sentences[index][0]
        found = self._first(self.people, start, pronoun)
        while found is None and index > 0:
            index -= 1
            start, end = self.sentences[index]
            found = self._first(self.people, start, end)
        return found[1] if found else None


PIECES = (
    "約翰·史密斯",
    "王小明",
    "李華",
    "谷歌公司",
    "他",
    "她",
    "表示",
    "說",
    "指出",
    "認為",
    "今天",
    "在會上",
    "，",
    "。",
    "：",
    "\n",
    "「我們會繼續努力，直到成功。」",
    "「他說，王小明會來。」",
    "「",
    "」",
)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=40))
def test_speakers_are_those_of_the_plain_search(glossary, splitter, pieces: list[str]) -> None:
    text = "".join(pieces)
    document = segment(text, glossary, splitter, "<test>", shadow(text))
    entities, mentions = find_entities(document, glossary, Tagger(splitter.pos_tokenizer()))
    fast, plain = Finder(document, mentions, entities), ByScan(document, mentions, entities)
    assert [fast.speaker(s) for s in fast.spans] == [plain.speaker(s) for s in plain.spans]


# --- the report a part at a time ----------------------------------------------------------


def test_the_parts_make_the_report(glossary, splitter) -> None:
    text = SAMPLE.read_text(encoding="utf-8")
    document = segment(text, glossary, splitter, str(SAMPLE), shadow(text))
    parts = list(skim_parts(document, glossary, splitter))
    assert tuple(name for name, _ in parts) == PARTS
    assert SkimReport(**dict(parts)) == skim(document, glossary, splitter)
