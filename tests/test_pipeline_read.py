"""The commands' way through the core is the reader's: :func:`pipeline.read` gives what the
worker's :func:`pipeline.annotate` gives, and `zhread gloss` prints what it found."""

from __future__ import annotations

import json

import pytest

from tests.conftest import SAMPLE
from tui.cli import main
from tui.core.errors import ZhreadError
from tui.core.glossary.gloss_report import as_json
from tui.core.glossary.layers import load_layers
from tui.core.glossary.textnotes import NOTES_SUFFIX
from tui.core.pipeline import Annotation, annotate, read
from tui.core.words.segment import provisional


def spans(annotation: Annotation) -> list[tuple]:
    return list(annotation.document.spans())


def test_read_is_what_the_reader_gets(sample_text: str) -> None:
    glossary = load_layers()
    published: list[Annotation] = []
    worker = annotate(
        provisional(sample_text, str(SAMPLE)),
        (glossary, None),
        lambda annotation, step: published.append(annotation),
    )
    command = read(provisional(sample_text, str(SAMPLE)), (glossary, None))
    assert worker is not None and published
    assert spans(command) == spans(worker)
    assert command.document.segmented
    assert (command.script, command.region) == (worker.script, worker.region)
    assert command.glossary.text_notes == worker.glossary.text_notes != {}  # the sample's notes
    assert as_json(command.uses, command.candidates) == as_json(worker.uses, worker.candidates)


def test_gloss_prints_what_read_found(sample_text: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["gloss", str(SAMPLE), "--json"]) == 0
    printed = json.loads(capsys.readouterr().out)
    found = read(provisional(sample_text, str(SAMPLE)), (load_layers(), None))
    assert printed == json.loads(json.dumps(as_json(found.uses, found.candidates)))


def test_read_stops_at_a_broken_notes_file_where_the_reader_warns(tmp_path) -> None:
    story = tmp_path / "story.txt"
    story.write_text("我們去銀行。\n", encoding="utf-8")
    story.with_suffix(NOTES_SUFFIX).write_text("notes:\n  Not An Id: x\n", encoding="utf-8")
    document = provisional(story.read_text(encoding="utf-8"), str(story))
    worker = annotate(document, (load_layers(), None))
    assert worker is not None and "the notes on this text are skipped" in (worker.warning or "")
    with pytest.raises(ZhreadError):
        read(document, (load_layers(), None))
