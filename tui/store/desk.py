"""Building a desk: load each story, skim the new ones in a process pool, merge.

A skim costs about a second per news story, so each one is kept in the cache under the hash
of its text, zhread's version and the glossary's content: building the same folder again
skims nothing, and a changed story is skimmed alone. The cache holds one JSON file per key,
written atomically; a file that cannot be read back is skimmed again and rewritten, never
an error, since the cache is rebuildable by definition.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import asdict, replace
from multiprocessing import get_context
from pathlib import Path
from typing import TYPE_CHECKING

from tui import __version__
from tui.core.analysis.desk import (
    Desk,
    DeskDocument,
    DeskQuote,
    DocumentSkim,
    FoundEntity,
    FoundTerm,
    digest_of,
    merge,
    prepare,
    skim_document,
)
from tui.core.errors import ZhreadError
from tui.core.safefiles import atomic_path
from tui.core.userdirs import cache_dir

if TYPE_CHECKING:
    from tui.core.glossary.entries import Glossary
    from tui.core.readings.dictionary import Dictionary

__all__ = ["Job", "build_desk", "desk_cache", "glossary_digest", "load_job"]

Progress = Callable[[int, int, str], None]

#: What a worker is given: the source, its text, title and raw form (for the date).
Job = tuple[str, str, str | None, str | None]

#: How much of a raw file is searched for a date (a page's head, a file's front matter).
_RAW = 200_000

#: The most stories a worker skims between reports.
_BATCH = 16

_WORKER_GLOSSARY: Glossary | None = None
_WORKER_DICTIONARY: Dictionary | None = None


def desk_cache() -> Path:
    return cache_dir() / "desk"


def glossary_digest(glossary: Glossary | None) -> str:
    """The glossary's content, hashed: a change to any entry makes every skim stale."""
    from tui.core.glossary.entries import entry_data

    if glossary is None:
        return "none"
    data = [entry_data(e) for e in glossary.entries.values()]
    return hashlib.sha256(json.dumps(data, sort_keys=True, default=str).encode()).hexdigest()


def _key(job: Job, glossary_hash: str) -> str:
    _, text, title, raw = job
    parts = [__version__, glossary_hash, digest_of(text), title or "", digest_of(raw or "")]
    return hashlib.sha256("\0".join(parts).encode()).hexdigest()


def load_job(source: str) -> Job:
    """A story as the other commands read it (a file, or a web page by its address), with
    its raw form when that is HTML or Markdown (where a date may hide). A page kept by
    ``zhread fetch`` is shown by its address, so a note can be checked against the page."""
    from tui.core.text.fetch import is_url, load_url
    from tui.core.text.loading import read_path
    from tui.core.text.sources import Format, format_of, from_bytes
    from tui.store.fetched import source_for

    if is_url(source):
        loaded, fetched = load_url(source)
        data, kind = fetched.data, Format.HTML if "html" in fetched.media_type else Format.TEXT
    else:
        data = read_path(source)
        kind = format_of(source, data)
        loaded = from_bytes(data, source, kind)
        source = source_for(source)
    raw = data[:_RAW].decode("utf-8", "replace") if kind in (Format.HTML, Format.MARKDOWN) else None
    return (source, loaded.text, loaded.title, raw)


# --- the cache -------------------------------------------------------------------------------


def _read_cached(path: Path) -> DocumentSkim | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return DocumentSkim(
            DeskDocument(**data["document"]),
            tuple(FoundEntity(**{**e, "forms": tuple(e["forms"])}) for e in data["entities"]),
            tuple(DeskQuote(**q) for q in data["quotes"]),
            tuple(FoundTerm(**{**t, "written": tuple(t["written"])}) for t in data["terms"]),
        )
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _write_cached(path: Path, skim: DocumentSkim) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with atomic_path(path) as temporary:
            temporary.write_text(json.dumps(asdict(skim), ensure_ascii=False), encoding="utf-8")
    except OSError:
        pass  # a cache that cannot be written only costs the next build time


# --- skimming --------------------------------------------------------------------------------


def _start_worker(glossary: Glossary | None) -> None:
    global _WORKER_GLOSSARY
    _WORKER_GLOSSARY = glossary


def _dictionary() -> Dictionary | None:
    """The dictionary, opened once per process; a skim without it still names everyone."""
    global _WORKER_DICTIONARY
    if _WORKER_DICTIONARY is None:
        from tui.core.readings.dictionary import Dictionary

        try:
            _WORKER_DICTIONARY = Dictionary.open()
        except (OSError, ZhreadError):
            return None
    return _WORKER_DICTIONARY


def _skim_batch(jobs: Sequence[Job]) -> list[DocumentSkim]:
    """A worker's task (top level, so a spawned process can find it): a few stories, their
    words learnt in one read of the dictionary."""
    prepare([text for _, text, _, _ in jobs], _WORKER_GLOSSARY)
    dictionary = _dictionary()
    return [
        skim_document(text, source, _WORKER_GLOSSARY, title=title, raw=raw, dictionary=dictionary)
        for source, text, title, raw in jobs
    ]


def _batches(count: int, workers: int) -> list[range]:
    """``count`` jobs cut in batches: few enough to share each dictionary read, enough to
    keep every worker busy and the progress line moving."""
    size = max(1, min(_BATCH, -(-count // (workers * 4))))
    return [range(start, min(start + size, count)) for start in range(0, count, size)]


def _skim_all(
    jobs: Sequence[Job],
    glossary: Glossary | None,
    workers: int | None,
    done: Callable[[int, DocumentSkim], None],
) -> None:
    """Skim ``jobs`` and hand each result to ``done`` as its batch finishes."""
    count = min(workers or os.cpu_count() or 1, len(jobs))
    batches = _batches(len(jobs), max(count, 1))
    if count <= 1:
        _start_worker(glossary)
        for batch in batches:
            for index, skim in zip(batch, _skim_batch([jobs[i] for i in batch]), strict=True):
                done(index, skim)
        return
    with ProcessPoolExecutor(
        count, mp_context=get_context("spawn"), initializer=_start_worker, initargs=(glossary,)
    ) as pool:
        futures = {pool.submit(_skim_batch, [jobs[i] for i in b]): b for b in batches}
        for future in as_completed(futures):
            for index, skim in zip(futures[future], future.result(), strict=True):
                done(index, skim)


def build_desk(
    sources: Sequence[str],
    glossary: Glossary | None,
    *,
    progress: Progress | None = None,
    workers: int | None = None,
    counts: dict[str, int] | None = None,
) -> Desk:
    """The desk of ``sources``, in the order given; those that cannot be read are left
    out and listed in ``Desk.skipped`` with the reason. ``counts`` receives how many were
    ``skimmed`` and how many came from the cache (``cached``)."""
    jobs, skipped = [], []
    for source in sources:
        try:
            jobs.append(load_job(source))
        except (ZhreadError, OSError) as error:
            skipped.append((source, str(error).removeprefix(f"{source}: ")))
    glossary_hash = glossary_digest(glossary)
    keys = [_key(job, glossary_hash) for job in jobs]
    skims: list[DocumentSkim | None] = [_read_cached(desk_cache() / f"{k}.json") for k in keys]
    for index, skim in enumerate(skims):
        if skim is not None:  # the same text under another name: this name
            skims[index] = replace(skim, document=replace(skim.document, source=jobs[index][0]))
    todo = [i for i, skim in enumerate(skims) if skim is None]
    finished = len(jobs) - len(todo)
    if progress and finished:
        progress(finished, len(jobs), "")

    def done(position: int, skim: DocumentSkim) -> None:
        nonlocal finished
        index = todo[position]
        skims[index] = skim
        _write_cached(desk_cache() / f"{keys[index]}.json", skim)
        finished += 1
        if progress:
            progress(finished, len(jobs), jobs[index][0])

    _skim_all([jobs[i] for i in todo], glossary, workers, done)
    if counts is not None:
        counts.update(skimmed=len(todo), cached=len(jobs) - len(todo))
    desk = merge([s for s in skims if s is not None], glossary)
    return replace(desk, skipped=tuple(skipped))
