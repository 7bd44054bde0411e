"""Segmentation: the text cut into tokens that tile it exactly.

jieba's dictionary is Simplified, so Han runs are segmented on the length-preserving
Simplified shadow and the boundaries mapped straight back. Glossary terms are matched first
and kept whole (they are also added to jieba, so both agree), and names joined with a middle
dot (漢娜·多門) are rejoined after jieba has split them.
"""

from __future__ import annotations

import logging
import re
import threading
from array import array
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tui.core.errors import imports_for
from tui.core.model import chars
from tui.core.model.chars import Kind
from tui.core.model.chunks import chunk_bounds
from tui.core.model.document import CODE, Chunk, Document
from tui.core.readings import lexicons
from tui.core.scripts.convert import shadow as make_shadow
from tui.core.words import fastcut, jiebacache

if TYPE_CHECKING:  # pydantic and YAML stay unloaded until a glossary is actually read
    from tui.core.glossary.entries import Glossary

#: Splits a Han run (given as its Simplified shadow) into word lengths.
HanSplitter = Callable[[str], list[int]]


#: What ``jieba.Tokenizer.cut`` treats as one Han block (its ``re_han_default``, letters aside).
_JIEBA_HAN = re.compile("[\u4e00-\u9fd5]+")


def per_character(run: str) -> list[int]:
    """The splitter for the quick first layout: every Han character its own token."""
    return [1] * len(run)


class JiebaSplitter:
    """A private jieba tokenizer, so glossary words never leak into the global one.

    Its table holds only the dictionary's entries made of characters it has been shown
    (:meth:`admit`), weighed against the whole dictionary's total: that cuts those
    characters' text exactly as the whole table would (see :mod:`tui.core.readings.lexicons`), in a
    fraction of its memory. A run with characters not yet shown is admitted before it is
    cut, but each admission reads the dictionary file, so a caller that has the whole text
    admits its characters once first (:func:`alphabet`).

    When jieba-rs is installed (:mod:`tui.core.words.fastcut`) it cuts instead, over jieba's
    whole dictionary; the table is then filled only once a part-of-speech tagger is asked
    for, with the characters admitted until then read at once.
    """

    def __init__(
        self, words: Iterable[str] = (), cache_dir: Path | None = None, *, fast: bool = True
    ) -> None:
        with imports_for("cut the text into words"):
            import jieba

            jieba.setLogLevel(logging.WARNING)
            summary, note = jiebacache.load_summary(cache_dir)
        #: set when a damaged cache was moved aside: the user is told where
        self.note = note
        self._prefixes = summary.prefixes
        self._tokenizer = jieba.Tokenizer()
        self._tokenizer.FREQ, self._tokenizer.total = {}, summary.total
        self._tokenizer.initialized = True
        self._cut_block = getattr(self._tokenizer, "_Tokenizer__cut_DAG", self._tokenizer.cut)
        self._admitted: frozenset[str] = frozenset()
        self._admit_lock = threading.Lock()
        self._tags: dict[str, str] | None = None  # read when a tagger is first asked for
        self._pos: Any = None
        self._pos_lock = threading.Lock()
        #: jieba-rs cutting as jieba does, when installed; then the table is filled only
        #: for the part-of-speech tagger, which is jieba's own
        self._fast = fastcut.load() if fast else None
        self._table_wanted = self._fast is None
        self._deferred: set[str] = set()  # characters shown while the table was not wanted
        terms = sorted(w for w in words if w and all(chars.is_han(ch) for ch in w))
        self._weights, self._tokenizer.total = jiebacache.term_weights(cache_dir, terms, summary)
        if self._fast is not None:  # it holds the whole dictionary: a few words more cost nothing
            self._fast.add_words((w, *self._weights[w]) for w in terms)
        #: glossary words, and their prefixes, not yet in the table: see :meth:`_add_terms`
        self._pending = sorted({t[:end] for t in terms for end in range(1, len(t) + 1)})
        self._shown: set[str] = set()  # every character admit() was given

    def __call__(self, run: str) -> list[int]:
        if self._fast is not None:
            return self._fast(run)
        if not self._admitted.issuperset(run):
            self.admit(run)
        # a run of jieba's own Han range is one block of its cut(): skip the generator layers
        pieces = self._cut_block(run) if _JIEBA_HAN.fullmatch(run) else self._tokenizer.cut(run)
        lengths = [len(piece) for piece in pieces]
        return lengths if sum(lengths) == len(run) else per_character(run)

    def admit(self, text: str, *, always: bool = False) -> None:
        """Add the dictionary's entries made of the characters admitted so far and those of
        ``text``, and the glossary's words those characters can spell; safe while other
        threads cut text already admitted. The table is left alone when jieba-rs cuts and
        no tagger (nor ``always``) wants it."""
        self._admit_table(text, always)
        if self._pending and not self._shown.issuperset(text):
            self._add_terms(text)

    def _add_terms(self, text: str) -> None:
        """Put in the table the glossary's words (and their prefixes) whose characters have
        all been shown, weighed by :func:`~tui.core.words.jiebacache.term_weights`. A word
        with a character no text shows cannot occur in one, and reading the table for all of
        a field glossary's characters would take tens of megabytes for the few words a text
        uses."""
        with self._admit_lock:
            self._shown.update(text)
            shown = self._shown
            ready = [word for word in self._pending if shown.issuperset(word)]
            if not ready:
                return
            freq, weights = self._tokenizer.FREQ, self._weights
            for word in ready:
                if word in weights:
                    freq[word] = weights[word][0]
                else:
                    freq.setdefault(word, 0)  # a prefix, as jieba's add_word marks it
            taken = set(ready)
            self._pending = [word for word in self._pending if word not in taken]

    def _admit_table(self, text: str, always: bool) -> None:
        if not (self._table_wanted or always):
            with self._admit_lock:  # read at once if a tagger comes to want them
                self._deferred.update(text)
            return
        if self._admitted.issuperset(text):
            return
        with self._admit_lock, lexicons.collection_paused():
            known = self._admitted
            new = set(text) - known
            if not new:
                return
            freq = self._tokenizer.FREQ
            counts = lexicons.jieba_counts(new, known)
            kept = {word: freq[word] for word in counts.keys() & freq.keys() if freq[word]}
            counts.update(kept)  # a glossary word keeps the count add_word gave it
            freq.update(counts)
            prefixes = set(lexicons.jieba_prefixes(self._prefixes, new, known))
            freq.update(dict.fromkeys(prefixes.difference(freq), 0))
            if self._tags is not None:
                self._tags.update(lexicons.jieba_tags(new, known))
            self._admitted = known | new  # last: a reader that sees it finds the entries

    def pos_tokenizer(self) -> Any:
        """jieba's part-of-speech tagger over this splitter's table, glossary words
        included, so tagging cuts words as segmentation does; text it tags is admitted
        first. Built on first use."""
        with self._pos_lock:
            if self._pos is None:
                from tui.core.words import postagger

                self._table_wanted = True
                with self._admit_lock:
                    deferred = "".join(self._deferred)
                    self._deferred.clear()
                self.admit(deferred)  # one read of the dictionary
                with self._admit_lock:
                    self._tags = lexicons.jieba_tags(self._admitted)
                self._pos = postagger.tagger(self._tokenizer, self._tags, self.admit)
            return self._pos


def alphabet(text: str) -> str:
    """The characters of ``text`` and their Simplified forms, one a line: what to
    :meth:`~JiebaSplitter.admit` for its shadow. A phrase may still convert to a character
    neither holds; admitting it when it is met costs milliseconds."""
    own = "\n".join(sorted(set(text)))
    return own + "\n" + make_shadow(own)


#: Characters from which jieba-rs cuts (when installed). It holds jieba's whole dictionary,
#: about 28 MB; below this jieba with the text's own table is as quick to the reader's eye
#: (a short text is segmented before the first keys) and takes a fraction of the memory.
FAST_FROM = 100_000


def fast_for(length: int) -> bool:
    """Whether a text of ``length`` characters is cut by jieba-rs (see :data:`FAST_FROM`)."""
    return length >= FAST_FROM


@lru_cache(maxsize=4)
def shared_splitter(
    words: frozenset[str], cache_dir: Path | None, fast: bool = True
) -> JiebaSplitter:
    """One splitter per glossary and kind per process: building one costs most of a second."""
    return JiebaSplitter(words, cache_dir, fast=fast)


def segment(
    text: str,
    glossary: Glossary | None = None,
    splitter: HanSplitter = per_character,
    source: str = "<text>",
    shadow: str | None = None,
) -> Document:
    """Build the :class:`Document` for ``text``; pass a :class:`JiebaSplitter` for real words."""
    shadow = make_shadow(text) if shadow is None else shadow
    if isinstance(splitter, JiebaSplitter):
        splitter.admit(shadow)  # all at once: one read of jieba's dictionary
    chunk = segment_chunk(text, shadow, 0, len(text), glossary, splitter)
    chunk.segmented = splitter is not per_character
    return Document.from_chunks(text, [chunk], source, shadow)


def provisional(text: str, source: str = "<text>") -> Document:
    """The document for the first frame: one token per character, no glossary, no shadow.
    It costs nothing per character until a chunk is read, so the article appears at once
    however long the text; :func:`tui.core.model.chunks.chunk_bounds` cuts the chunks."""
    return Document.from_chunks(text, [Chunk(s, e) for s, e in chunk_bounds(text)], source)


def segment_chunk(
    text: str,
    shadow: str,
    start: int,
    end: int,
    glossary: Glossary | None,
    splitter: HanSplitter,
) -> Chunk:
    """Segment ``text[start:end]`` (``shadow`` covers the same range) into a compact chunk.

    ``start`` and ``end`` must be where no run, term or name crosses: the text's ends, just
    after a newline or after a sentence-ending mark (see ``chunks.chunk_bounds``).
    """
    piece = text[start:end]
    shadow_piece = shadow[start:end] if len(shadow) == len(text) else shadow
    matches = glossary.match(piece, shadow_piece) if glossary is not None and piece else []
    build = _ChunkBuilder(piece, shadow_piece, splitter)
    pos = 0
    for match in matches:
        build.plain(pos, match.start)
        build.term(match.start, match.end, match.entry_id)
        pos = match.end
    build.plain(pos, len(piece))
    return build.chunk(start, end)


#: Run codes, one per character (see ``_RunTable``): Han, Latin, digit, punctuation,
#: the two marks a number may contain (``.`` ``,``), space, newline, other, combining mark.
_RUN = re.compile(r"N|H[HM]*|S[SM]*|D(?:[DM]|C(?=D))*|L[LDM]*|[PC]M*|[OM]+")
_RUN_KIND = {
    "H": Kind.HAN,
    "L": Kind.LATIN,
    "D": Kind.NUMBER,
    "P": Kind.PUNCT,
    "C": Kind.PUNCT,
    "S": Kind.SPACE,
    "N": Kind.SPACE,
    "O": Kind.OTHER,
    "M": Kind.OTHER,
}
_CODE_OF_RUN = {letter: CODE[kind] for letter, kind in _RUN_KIND.items()}


class _RunTable(dict[int, str]):
    """``str.translate`` table to run codes, filled one character at a time as met."""

    def __missing__(self, cp: int) -> str:
        ch = chr(cp)
        if ch == "\n":
            code = "N"
        elif chars.is_mark(ch):
            code = "M"
        elif ch in ".,":
            code = "C"
        else:
            code = {
                Kind.HAN: "H",
                Kind.LATIN: "L",
                Kind.NUMBER: "D",
                Kind.PUNCT: "P",
                Kind.SPACE: "S",
                Kind.OTHER: "O",
            }[chars.char_kind(ch)]
        self[cp] = code
        return code


_RUN_TABLE = _RunTable()


class _ChunkBuilder:
    """Appends tokens of one chunk into arrays; offsets are the chunk's own until the end."""

    def __init__(self, text: str, shadow: str, splitter: HanSplitter) -> None:
        self.text, self.shadow, self.splitter = text, shadow, splitter
        self.codes = text.translate(_RUN_TABLE)
        self.starts = array("i")
        self.kinds = bytearray()
        self.terms: dict[int, str] = {}

    def plain(self, start: int, end: int) -> None:
        """Tokens of ``text[start:end]``: runs, Han runs split into words, names rejoined."""
        starts, kinds, han = self.starts, self.kinds, CODE[Kind.HAN]
        first = len(starts)  # names are rejoined only within this stretch
        for run in _RUN.finditer(self.codes, start, end):
            run_start, run_end = run.span()
            letter = self.codes[run_start]
            if letter != "H":
                starts.append(run_start)
                kinds.append(_CODE_OF_RUN[letter])
                continue
            pos = run_start
            for length in self.splitter(self.shadow[run_start:run_end]):
                if (
                    len(starts) - first >= 2
                    and kinds[-2] == han
                    and pos - starts[-1] == 1
                    and self.text[pos - 1] in chars.NAME_DOTS
                ):  # the token before is that one dot, whatever its kind (⋅ is a symbol)
                    starts.pop()  # WORD·WORD: the dot and this word join the word before
                    kinds.pop()
                else:
                    starts.append(pos)
                    kinds.append(han)
                pos += length

    def term(self, start: int, end: int, entry_id: str) -> None:
        piece = self.text[start:end]
        kind = Kind.HAN if any(chars.is_han(ch) for ch in piece) else Kind.LATIN
        self.starts.append(start)
        self.kinds.append(CODE[kind])
        self.terms[start] = entry_id

    def chunk(self, offset: int, end: int) -> Chunk:
        starts = self.starts
        if offset:
            starts = array("i", [s + offset for s in starts])
        terms = {s + offset: i for s, i in self.terms.items()}
        return Chunk(offset, end, starts, bytes(self.kinds), terms, True)


def runs(text: str, start: int, end: int) -> Iterator[tuple[int, int, Kind]]:
    """Maximal runs of one kind; a newline is always a run of its own, marks stick left."""
    codes = text[start:end].translate(_RUN_TABLE)
    for run in _RUN.finditer(codes):
        yield start + run.start(), start + run.end(), _RUN_KIND[codes[run.start()]]
