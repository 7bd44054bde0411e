"""Segmentation: the text cut into tokens that tile it exactly.

jieba's dictionary is Simplified, so Han runs are segmented on the length-preserving
Simplified shadow and the boundaries mapped straight back. Glossary terms are matched first
and kept whole (they are also added to jieba, so both agree), and names joined with a middle
dot (漢娜·多門) are rejoined after jieba has split them.
"""

from __future__ import annotations

import logging
import os
import pickle
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tui.core import chars
from tui.core.convert import shadow as make_shadow
from tui.core.document import Document, Kind, Paragraph, Token
from tui.core.safefiles import atomic_path

if TYPE_CHECKING:  # pydantic and YAML stay unloaded until a glossary is actually read
    from tui.core.glossary import Glossary, TermMatch

#: Splits a Han run (given as its Simplified shadow) into word lengths.
HanSplitter = Callable[[str], list[int]]


def per_character(run: str) -> list[int]:
    """The splitter for the quick first layout: every Han character its own token."""
    return [1] * len(run)


class JiebaSplitter:
    """A private jieba tokenizer, so glossary words never leak into the global one."""

    def __init__(self, words: Iterable[str] = (), cache_dir: Path | None = None) -> None:
        import jieba

        jieba.setLogLevel(logging.WARNING)
        self._tokenizer = jieba.Tokenizer()
        _load_frequencies(self._tokenizer, cache_dir)
        for word in sorted(words):
            if word and all(chars.is_han(ch) for ch in word):
                self._tokenizer.add_word(word)

    def __call__(self, run: str) -> list[int]:
        lengths = [len(piece) for piece in self._tokenizer.cut(run, HMM=True)]
        return lengths if sum(lengths) == len(run) else per_character(run)


@lru_cache(maxsize=4)
def shared_splitter(words: frozenset[str], cache_dir: Path | None) -> JiebaSplitter:
    """One splitter per glossary per process: building one costs most of a second."""
    return JiebaSplitter(words, cache_dir)


def _load_frequencies(tokenizer: Any, cache_dir: Path | None) -> None:
    """Fill jieba's frequency table from a pickle (about 4x faster than jieba's own cache).

    The pickle is keyed by jieba's version and dictionary file, so an upgrade rebuilds it;
    a damaged one is rebuilt too, since it is only a cache.
    """
    import jieba

    if cache_dir is None:
        tokenizer.initialize()
        return
    with tokenizer.get_dict_file() as handle:
        stat = os.stat(handle.name)
    path = cache_dir / f"jieba-{jieba.__version__}-{stat.st_size}-{int(stat.st_mtime)}.pickle"
    try:
        with path.open("rb") as handle:
            tokenizer.FREQ, tokenizer.total = pickle.load(handle)
        tokenizer.initialized = True
        return
    except (OSError, pickle.UnpicklingError, EOFError, ValueError, TypeError):
        pass
    tokenizer.FREQ, tokenizer.total = tokenizer.gen_pfdict(tokenizer.get_dict_file())
    tokenizer.initialized = True
    _write_atomically(path, pickle.dumps((tokenizer.FREQ, tokenizer.total), protocol=5))


def _write_atomically(path: Path, data: bytes) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with atomic_path(path) as tmp:
            tmp.write_bytes(data)
    except OSError:
        pass  # a read-only cache directory only costs speed


def segment(
    text: str,
    glossary: Glossary | None = None,
    splitter: HanSplitter = per_character,
    source: str = "<text>",
    shadow: str | None = None,
) -> Document:
    """Build the :class:`Document` for ``text``; pass a :class:`JiebaSplitter` for real words."""
    shadow = make_shadow(text) if shadow is None else shadow
    matches = glossary.match(text, shadow) if glossary is not None else []
    tokens = list(_tokens(text, shadow, matches, splitter))
    return Document(
        text=text,
        tokens=tuple(tokens),
        paragraphs=paragraphs_of(text, tokens),
        source=source,
        shadow=shadow,
        segmented=splitter is not per_character,
    )


def provisional(text: str, source: str = "<text>") -> Document:
    """The document for the first frame: one token per Han character, no glossary, no
    shadow. It costs one pass over the text, so the article appears before anything loads."""
    tokens = list(_plain_tokens(text, text, 0, len(text), per_character))
    return Document(text, tuple(tokens), paragraphs_of(text, tokens), source, "", segmented=False)


def _tokens(
    text: str, shadow: str, matches: list[TermMatch], splitter: HanSplitter
) -> Iterator[Token]:
    pos = 0
    for match in matches:
        yield from _plain_tokens(text, shadow, pos, match.start, splitter)
        piece = text[match.start : match.end]
        kind = Kind.HAN if any(chars.is_han(ch) for ch in piece) else Kind.LATIN
        yield Token(piece, match.start, match.end, kind, match.entry_id)
        pos = match.end
    yield from _plain_tokens(text, shadow, pos, len(text), splitter)


def _plain_tokens(
    text: str, shadow: str, start: int, end: int, splitter: HanSplitter
) -> Iterator[Token]:
    pieces: list[Token] = []
    for run_start, run_end, kind in runs(text, start, end):
        if kind is Kind.HAN:
            pos = run_start
            for length in splitter(shadow[run_start:run_end]):
                pieces.append(Token(text[pos : pos + length], pos, pos + length, kind))
                pos += length
        else:
            pieces.append(Token(text[run_start:run_end], run_start, run_end, kind))
    yield from join_names(pieces)


def runs(text: str, start: int, end: int) -> Iterator[tuple[int, int, Kind]]:
    """Maximal runs of one kind; a newline is always a run of its own, marks stick left."""
    pos = start
    while pos < end:
        kind = chars.char_kind(text[pos])
        stop = pos + 1
        if text[pos] != "\n":
            while stop < end and _continues(text, stop, kind):
                stop += 1
        yield pos, stop, kind
        pos = stop


def _continues(text: str, pos: int, kind: Kind) -> bool:
    ch = text[pos]
    if ch == "\n":
        return False
    if chars.is_mark(ch):
        return True
    this = chars.char_kind(ch)
    if kind in (Kind.LATIN, Kind.NUMBER):
        if this in (Kind.LATIN, Kind.NUMBER):
            return kind is Kind.LATIN or this is Kind.NUMBER
        return ch in ".," and kind is Kind.NUMBER and _digit_at(text, pos + 1)
    if kind is Kind.PUNCT:
        return False  # one token per punctuation mark, so 」「 wrap independently
    return this is kind


def _digit_at(text: str, pos: int) -> bool:
    return pos < len(text) and chars.char_kind(text[pos]) is Kind.NUMBER


def join_names(tokens: list[Token]) -> list[Token]:
    """Rejoin ``WORD·WORD`` (a transliterated name that jieba splits at the dot)."""
    out: list[Token] = []
    for token in tokens:
        if (
            len(out) >= 2
            and token.kind is Kind.HAN
            and token.term is None
            and out[-1].text in chars.NAME_DOTS
            and out[-2].kind is Kind.HAN
            and out[-2].term is None
        ):
            dot, left = out.pop(), out.pop()
            out.append(Token(left.text + dot.text + token.text, left.start, token.end, Kind.HAN))
        else:
            out.append(token)
    return out


def paragraphs_of(text: str, tokens: list[Token]) -> tuple[Paragraph, ...]:
    """Paragraphs are the newline-separated lines; the newline tokens belong to none."""
    paragraphs: list[Paragraph] = []
    para_start, first = 0, 0
    for index, token in enumerate(tokens):
        if token.text == "\n":
            paragraphs.append(Paragraph(para_start, token.start, first, index))
            para_start, first = token.end, index + 1
    paragraphs.append(Paragraph(para_start, len(text), first, len(tokens)))
    return tuple(paragraphs)
