"""The word list written out for other programs: an Anki deck, or TSV or CSV for anything.

Every format is written atomically (see :mod:`tui.core.safefiles`): an export that fails
half-way leaves an earlier file of the same name as it was.

- ``apkg``: an Anki package (genanki) with one note per word: Hanzi, Pinyin, Definition and
  Sentence fields, one card showing the word and asking for its reading and meaning. The
  deck, note type and each note's guid are derived from fixed strings and the word, so
  importing a later export updates the notes of an earlier one instead of duplicating them.
- ``tsv``: the column order of the Zhongwen browser extension's word-list export, which
  Anki and many flashcard tools already accept: simplified, traditional, pinyin,
  definition, then the sentence where Zhongwen puts its notes; no header, CRLF line ends.
- ``csv``: a header row, then the same columns plus the source and the date added.
"""

from __future__ import annotations

import csv
import hashlib
import html
import itertools
import sqlite3
import tempfile
import time
import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import Literal

from tui.core.errors import ZhreadError
from tui.core.safefiles import atomic_path
from tui.store.wordlist import Word

__all__ = ["FORMATS", "Format", "export", "format_for"]

Format = Literal["apkg", "tsv", "csv"]
FORMATS: tuple[Format, ...] = ("apkg", "tsv", "csv")

DECK_NAME = "zhread word list"
CSV_HEADER = ("simplified", "traditional", "pinyin", "definition", "sentence", "source", "added")

_CSS = """\
.card { font-family: sans-serif; font-size: 22px; text-align: center; }
.hanzi { font-size: 56px; }
.pinyin { font-size: 28px; margin: 8px; }
.definition { margin: 8px; }
.sentence { font-size: 24px; color: #555; margin-top: 16px; }
"""
_FRONT = '<div class="hanzi">{{Hanzi}}</div>'
_BACK = (
    '{{FrontSide}}<hr id="answer"><div class="pinyin">{{Pinyin}}</div>'
    '<div class="definition">{{Definition}}</div>'
    '{{#Sentence}}<div class="sentence">{{Sentence}}</div>{{/Sentence}}'
)


def format_for(path: Path, given: str | None) -> Format:
    """The format asked for, or the one the file name's suffix names."""
    name = (given or Path(path).suffix.lstrip(".")).lower()
    if name not in FORMATS:
        shown = f"format {name!r}" if name else "no format"
        raise ZhreadError(f"{shown}: choose one of {', '.join(FORMATS)} (--format)")
    return name


def export(words: Sequence[Word], format: str, path: str | Path) -> int:
    """Write ``words`` to ``path`` in ``format``; returns how many were written."""
    kind = format_for(Path(path), format)
    writer = {"apkg": _write_apkg, "tsv": _write_tsv, "csv": _write_csv}[kind]
    target = Path(path)
    try:
        with atomic_path(target) as tmp:
            writer(words, tmp)
    except (OSError, sqlite3.Error, zipfile.BadZipFile) as error:
        reason = getattr(error, "strerror", None) or error
        raise ZhreadError(f"cannot write the export: {reason}", target) from None
    return len(words)


def _flat(text: str) -> str:
    """One line per word in the text formats: tabs and line breaks become spaces."""
    return " ".join(text.replace("\t", " ").splitlines())


def _write_tsv(words: Sequence[Word], path: Path) -> None:
    with open(path, "w", encoding="utf-8", newline="") as stream:
        for w in words:
            row = (w.hans, w.hant, w.pinyin, w.definition, w.sentence)
            stream.write("\t".join(_flat(field) for field in row) + "\r\n")


def _write_csv(words: Sequence[Word], path: Path) -> None:
    with open(path, "w", encoding="utf-8", newline="") as stream:
        out = csv.writer(stream)
        out.writerow(CSV_HEADER)
        for w in words:
            out.writerow((w.hans, w.hant, w.pinyin, w.definition, w.sentence, w.source, w.added))


def _stable_id(name: str) -> int:
    """An Anki id in genanki's recommended range, the same in every export."""
    digest = int.from_bytes(hashlib.sha256(name.encode()).digest()[:8], "big")
    return (1 << 30) + digest % (1 << 30)


def _hanzi(word: Word) -> str:
    """Traditional, with Simplified after it when the scripts differ: 銀行（银行）."""
    return word.hant if word.hant == word.hans else f"{word.hant}（{word.hans}）"


def _field(text: str) -> str:
    """Anki fields are HTML: escape the text, keep its line breaks."""
    return "<br>".join(html.escape(line) for line in text.splitlines())


def _write_apkg(words: Sequence[Word], path: Path) -> None:
    """Build the collection with genanki's own writer, but in a directory we clean up
    (``Package.write_to_file`` leaves its temporary database behind)."""
    import genanki  # heavy (and only needed here)

    model = genanki.Model(
        _stable_id("zhread note type: hanzi, pinyin, definition, sentence"),
        "zhread word",
        fields=[{"name": name} for name in ("Hanzi", "Pinyin", "Definition", "Sentence")],
        templates=[{"name": "Reading and meaning", "qfmt": _FRONT, "afmt": _BACK}],
        css=_CSS,
    )
    deck = genanki.Deck(_stable_id("zhread deck: word list"), DECK_NAME)
    for w in words:
        fields = [_field(_hanzi(w)), _field(w.pinyin), _field(w.definition), _field(w.sentence)]
        guid = genanki.guid_for(w.hant, w.hans)
        deck.add_note(genanki.Note(model=model, fields=fields, guid=guid))
    now = time.time()
    with tempfile.TemporaryDirectory(prefix="zhread-apkg-") as folder:
        collection = Path(folder) / "collection.anki2"
        conn = sqlite3.connect(collection)
        try:
            ids = itertools.count(int(now * 1000))  # Anki ids are milliseconds
            genanki.Package(deck).write_to_db(conn.cursor(), now, ids)
            conn.commit()
        finally:
            conn.close()
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
            package.write(collection, "collection.anki2")
            package.writestr("media", "{}")
