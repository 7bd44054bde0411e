"""An SVG snapshot of the sentence view. Update with `pytest --snapshot-update` after an
intended change, and look at the report before committing.

The view is pushed onto a bare app with zhread's stylesheet (as in
tests/test_screens_snapshots.py), so the picture changes when the view does and not when the
reader behind it does. Its report is worked out from the core as the reader works it out.
"""

from __future__ import annotations

from pathlib import Path

from tests.test_screens_snapshots import Host
from tui.core.model.sentences import sentence_at
from tui.core.queries.sentence_level import grade_sentence
from tui.core.queries.sentences import sentence_han_words
from tui.core.readings.dictionary import reading_in_context
from tui.core.readings.glosses import word_gloss, word_tags
from tui.core.scripts.convert import aligned
from tui.core.words.segment import segment
from tui.screens.sentence import SentenceReport, SentenceScreen, WordRow

KONG_YIJI = Path(__file__).parent / "data" / "texts" / "novel-kong-yiji.txt"


def report(sentence: str, glossary, splitter, dictionary) -> SentenceReport:
    text = KONG_YIJI.read_text(encoding="utf-8")
    document = segment(text, glossary, splitter)
    start, end = sentence_at(text, text.index(sentence))
    tags = word_tags(document.shadow[start:end])
    level = grade_sentence(document, start, end, "2025", glossary, dictionary, tags)
    rows = []
    for token, graded in zip(sentence_han_words(document, start, end), level.words, strict=True):
        hans, hant = graded.word, aligned(token.text, "s2t")
        gloss = word_gloss(token.text, hans, tags.get(hans), dictionary)
        reading = reading_in_context(hant, hans, dictionary)
        rows.append(WordRow(token.text, hant, hans, reading, gloss, gloss, graded.label))
    return SentenceReport(text[start:end], text[start:end], str(KONG_YIJI), level, tuple(rows))


def test_sentence_view_100x30(snap_compare, glossary, splitter, dictionary) -> None:
    sentence = report("孔乙己是站着喝酒而穿长衫的唯一的人。", glossary, splitter, dictionary)
    screen = SentenceScreen(sentence, lambda _report, _row: None)
    assert snap_compare(Host(screen), terminal_size=(100, 30), press=["down", "down"])
