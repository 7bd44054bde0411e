"""The way a text goes through the core, the one the reader and the commands both take:
document → glossary (with the text's own notes) → script and region → segmented chunk by
chunk → terms used and term candidates. The readings' tables are warmed after.

It is a plain function of its inputs, so that a worker thread can run it (:func:`annotate`)
and a command or a test can call it directly (:func:`read`).
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from tui.core.model.document import Document
from tui.core.scripts.convert import Region, Script, detect_region, detect_script
from tui.core.userdirs import cache_dir
from tui.core.words.progressive import ANNOTATE_LIMIT, Progressive, Step
from tui.core.words.segment import JiebaSplitter, alphabet, fast_for, shared_splitter

if TYPE_CHECKING:
    from tui.core.glossary.candidates import Candidate
    from tui.core.glossary.entries import Glossary
    from tui.core.glossary.gloss_report import TermUse


@dataclass
class Annotation:
    """Everything the worker computes, handed to the UI thread in one piece."""

    document: Document
    glossary: Glossary | None
    script: Script
    region: Region = Region.UNKNOWN
    uses: list[TermUse] = field(default_factory=list)
    candidates: list[Candidate] = field(default_factory=list)
    warning: str | None = None  # about the user's glossary
    cache_note: str | None = None  # a damaged cache file was moved aside
    limited: bool = False  # the text is longer than ANNOTATE_LIMIT: the rest stays provisional


#: Characters the script is judged on: enough to be sure, few enough to be instant.
SCRIPT_SAMPLE = 100_000


def warm_readings(text: str) -> None:
    """Load pypinyin and the phrases ``text`` can use, once the text is annotated and
    shown: here, not on the first cursor move that wants a reading (most of a second for
    a novel's characters)."""
    from tui.core.readings import pinyintables

    pinyintables.admit(alphabet(text))


def annotate(
    document: Document,
    loaded: tuple[Glossary, str | None],
    publish: Callable[[Annotation, Step | None], None] | None = None,
    focus: Callable[[], int] = lambda: 0,
    cancelled: Callable[[], bool] = lambda: False,
    *,
    limit: int = ANNOTATE_LIMIT,
    strict: bool = False,
) -> Annotation | None:
    """The worker's whole job, as a plain function of its inputs.

    ``publish`` gets the glossary and script first, then steps of the segmentation; the
    finished annotation is returned (``None`` when ``cancelled`` said stop). Characters
    past ``limit`` stay provisional; ``strict`` makes a broken notes file an error rather
    than a warning.
    """
    from tui.core.glossary.candidates import find_candidates
    from tui.core.glossary.gloss_report import terms_found

    prepared = _prepare(document, loaded, cancelled, strict)
    if prepared is None:
        return None
    base, glossary, splitter = prepared
    if publish is not None:
        publish(base, None)

    def step(done: Step) -> None:
        if publish is not None:
            uses = terms_found(done.document, glossary)
            publish(replace(base, document=done.document, uses=uses), done)

    splitter.admit(alphabet(document.text))  # the dictionary's words for this text, read once
    if cancelled():
        return None
    progressive = Progressive(document, glossary, splitter, limit)
    final = progressive.run(focus, step, cancelled)
    if final is None or cancelled():
        return None
    segmented = final.document
    return replace(
        base,
        document=segmented,
        uses=terms_found(segmented, glossary),
        candidates=find_candidates(segmented, glossary),
        limited=progressive.limited,
    )


def _prepare(
    document: Document,
    loaded: tuple[Glossary, str | None],
    cancelled: Callable[[], bool],
    strict: bool,
) -> tuple[Annotation, Glossary, JiebaSplitter] | None:
    """Everything known before the first word is found: the glossary with the text's own
    notes, the script and region, and a splitter that knows the glossary's terms. Each
    step takes up to a second on a novel, so ``cancelled`` is asked between them."""
    from tui.core import apart
    from tui.core.glossary.textnotes import for_document
    from tui.core.words import jiebacache

    glossary, warning = loaded
    text = document.text
    try:
        jiebacache.prepare(cache_dir(), cancelled)  # a first run: built beside the reader
    except apart.Stopped:
        return None
    glossary, notes_warning = for_document(glossary, text, document.source, strict=strict)
    splitter = shared_splitter(
        frozenset(glossary.han_forms()), cache_dir(), fast=fast_for(len(text))
    )
    cache_note, splitter.note = splitter.note, None  # said once, by the first reader
    if cancelled():
        return None
    script = detect_script(text[:SCRIPT_SAMPLE])
    region = detect_region(text, script)
    base = Annotation(
        document,
        glossary,
        script,
        region,
        warning=warning or notes_warning,
        cache_note=cache_note,
    )
    return None if cancelled() else (base, glossary, splitter)


def read(document: Document, loaded: tuple[Glossary, str | None]) -> Annotation:
    """The pipeline at once, for a command: the glossary, script, region, words, terms and
    candidates the reader gets for the same text. Every character is segmented, since no
    one waits on a first screen, and a broken notes file stops it, since a command has no
    status line to warn in."""
    annotation = annotate(document, loaded, limit=sys.maxsize, strict=True)
    assert annotation is not None  # only ``cancelled`` stops it early
    return annotation
