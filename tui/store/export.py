"""The word list written out for other programs: an Anki deck, or TSV or CSV for anything.

Every format is written atomically (see :mod:`tui.core.safefiles`): an export that fails
half-way leaves an earlier file of the same name as it was.

- ``apkg``: an Anki package (genanki) with up to two notes per word. The *basic* note asks
  for the word's reading and meaning (fields Hanzi, Pinyin, Definition, Sentence: the
  pinyin coloured by tone, the word marked in its sentence); the *cloze* note blanks the
  word out of the sentence it was saved with (Anki's cloze note type: Text, Hanzi, Pinyin,
  Definition). The deck, both note types, each note's guid and each note's id are derived
  from fixed strings and the word, so importing a later export updates the notes of an
  earlier one instead of duplicating them, and Anki's "added" date is the day the word was
  saved in zhread.
- ``tsv``: no header, CRLF line ends, in one of two column orders. ``zhongwen`` (the
  default) is the Zhongwen browser extension's word-list export, which Anki and many
  flashcard tools already accept: simplified, traditional, pinyin, definition, then the
  sentence where Zhongwen puts its notes. ``pleco`` is Pleco's flashcard import: the word
  written ``简体[繁體]``, pinyin with tone numbers, definition.
- ``csv``: a header row, then the same columns (in the ``zhongwen`` order, plus the source
  and the date added).
"""

from __future__ import annotations

import csv
import hashlib
import html
import itertools
import re
import sqlite3
import tempfile
import time
import zipfile
from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from tui.core.errors import ZhreadError
from tui.core.readings.reading import numbered
from tui.core.safefiles import atomic_path
from tui.store.settings import TONES_DARK, TONES_LIGHT
from tui.store.wordlist import Word

if TYPE_CHECKING:
    import genanki

__all__ = [
    "FORMATS",
    "NOTE_KINDS",
    "ORDERS",
    "TONE_SCHEMES",
    "Format",
    "NoteKind",
    "Order",
    "ToneScheme",
    "export",
    "format_for",
]

Format = Literal["apkg", "tsv", "csv"]
FORMATS: tuple[Format, ...] = ("apkg", "tsv", "csv")
NoteKind = Literal["basic", "cloze"]
NOTE_KINDS: tuple[NoteKind, ...] = ("basic", "cloze")
ToneScheme = Literal["pleco", "mdbg", "none"]
TONE_SCHEMES: tuple[ToneScheme, ...] = ("pleco", "mdbg", "none")
Order = Literal["zhongwen", "pleco"]
ORDERS: tuple[Order, ...] = ("zhongwen", "pleco")

DECK_NAME = "zhread word list"
CSV_HEADER = ("simplified", "traditional", "pinyin", "definition", "sentence", "source", "added")
PLECO_HEADER = ("hanzi", "pinyin", "definition")

#: A syllable as :func:`numbered` writes it: letters (ü as ``u:``), then the tone.
_NUMBERED = re.compile(r"[A-Za-z:]+[1-5]")

#: Tone colours for tones 1-5, by day and in Anki's night mode: the reader's own.
_TONE_COLOURS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    scheme: (TONES_LIGHT[scheme], TONES_DARK[scheme]) for scheme in TONES_LIGHT
}

_CSS = """\
.card { font-family: sans-serif; font-size: 22px; text-align: center; }
.hanzi { font-size: 56px; }
.pinyin { font-size: 28px; margin: 8px; }
.definition { margin: 8px; }
.sentence { font-size: 24px; margin-top: 16px; }
.sentence .word { font-weight: bold; }
.cloze { font-weight: bold; color: #1f5ce0; }
.nightMode .cloze, .night_mode .cloze { color: #6b8cff; }
.hint { margin-top: 12px; font-size: 18px; }
"""
_FRONT = '<div class="hanzi">{{Hanzi}}</div>'
_BACK = (
    '{{FrontSide}}<hr id="answer"><div class="pinyin">{{Pinyin}}</div>'
    '<div class="definition">{{Definition}}</div>'
    '{{#Sentence}}<div class="sentence">{{Sentence}}</div>{{/Sentence}}'
)
_CLOZE_FRONT = (
    '<div class="sentence">{{cloze:Text}}</div>'
    '{{#Definition}}<div class="hint">{{hint:Definition}}</div>{{/Definition}}'
)
_CLOZE_BACK = (
    '<div class="sentence">{{cloze:Text}}</div><hr id="answer">'
    '<div class="hanzi">{{Hanzi}}</div><div class="pinyin">{{Pinyin}}</div>'
    '<div class="definition">{{Definition}}</div>'
)


def format_for(path: Path, given: str | None) -> Format:
    """The format asked for, or the one the file name's suffix names."""
    name = (given or Path(path).suffix.lstrip(".")).lower()
    if name not in FORMATS:
        shown = f"format {name!r}" if name else "no format"
        raise ZhreadError(f"{shown}: choose one of {', '.join(FORMATS)} (--format)")
    return name


def export(
    words: Sequence[Word],
    format: str,
    path: str | Path,
    *,
    notes: Sequence[NoteKind] = NOTE_KINDS,
    tones: ToneScheme = "pleco",
    order: Order = "zhongwen",
) -> int:
    """Write ``words`` to ``path`` in ``format``; returns how many words were written.

    ``notes`` and ``tones`` shape an Anki deck; ``order`` the columns of TSV and CSV."""
    kind = format_for(Path(path), format)
    writers: dict[str, Callable[[Sequence[Word], Path], None]] = {
        "apkg": lambda ws, tmp: _write_apkg(ws, tmp, notes, tones),
        "tsv": lambda ws, tmp: _write_tsv(ws, tmp, order),
        "csv": lambda ws, tmp: _write_csv(ws, tmp, order),
    }
    target = Path(path)
    try:
        with atomic_path(target) as tmp:
            writers[kind](words, tmp)
    except (OSError, sqlite3.Error, zipfile.BadZipFile) as error:
        reason = getattr(error, "strerror", None) or error
        raise ZhreadError(f"cannot write the export: {reason}", target) from None
    return len(words)


# --- TSV and CSV ---------------------------------------------------------------------------


def _flat(text: str) -> str:
    """One line per word in the text formats: tabs and line breaks become spaces."""
    return " ".join(text.replace("\t", " ").splitlines())


def _zhongwen_row(word: Word) -> tuple[str, ...]:
    return (word.hans, word.hant, word.pinyin, word.definition, word.sentence)


def _pleco_row(word: Word) -> tuple[str, ...]:
    """Pleco's flashcard text format, as its manual describes Import / Export
    (https://www.pleco.com/ipmanual/flash.html, "Import / Export File Format"): one card a
    line, headword, pinyin and definition separated by tabs; a headword in both scripts is
    written Simplified first with the Traditional in square brackets, 银行[銀行]
    (https://plecoforums.com/threads/custom-dictionary-documentation.6302/). Pleco's own
    exports write the pinyin with tone numbers, syllables run together (yin2hang2), and
    that is what its import matches against its dictionaries most reliably."""
    hanzi = word.hans if word.hans == word.hant else f"{word.hans}[{word.hant}]"
    return (hanzi, _pleco_pinyin(word.pinyin), word.definition)


def _pleco_pinyin(marked: str) -> str:
    """``yín háng`` -> ``yin2hang2``; spaces stay where a part is not a syllable (``卡拉OK``)."""
    parts = [_numbered(part) for part in marked.split()]
    if all(part is not None for part in parts):
        return "".join(part for part in parts if part)
    return " ".join(part or original for part, original in zip(parts, marked.split(), strict=True))


def _numbered(part: str) -> str | None:
    """A syllable with its tone number (``háng`` -> ``hang2``), or None for what is not one
    (``OK``: capitals without a tone mark are letters said as letters)."""
    syllable = numbered(part)
    if _NUMBERED.fullmatch(syllable) is None or (syllable.endswith("5") and part.isupper()):
        return None
    return syllable


_ROWS: dict[str, Callable[[Word], tuple[str, ...]]] = {
    "zhongwen": _zhongwen_row,
    "pleco": _pleco_row,
}


def _write_tsv(words: Sequence[Word], path: Path, order: str) -> None:
    row_of = _ROWS[order]
    with open(path, "w", encoding="utf-8", newline="") as stream:
        for w in words:
            stream.write("\t".join(_flat(field) for field in row_of(w)) + "\r\n")


def _write_csv(words: Sequence[Word], path: Path, order: str) -> None:
    with open(path, "w", encoding="utf-8", newline="") as stream:
        out = csv.writer(stream)
        if order == "pleco":
            out.writerow(PLECO_HEADER)
            out.writerows(_pleco_row(w) for w in words)
            return
        out.writerow(CSV_HEADER)
        for w in words:
            out.writerow((*_zhongwen_row(w), w.source, w.added))


# --- Anki: the fields ----------------------------------------------------------------------


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


def _reading(pinyin: str, tones: str) -> str:
    """The pinyin as HTML, each syllable in a ``toneN`` span that the note type's CSS
    colours (``tones`` is the scheme; ``none`` leaves the pinyin plain)."""
    if tones == "none":
        return _field(pinyin)
    return " ".join(_syllable(part) for part in pinyin.split())


def _syllable(part: str) -> str:
    syllable = _numbered(part)
    if syllable is None:
        return html.escape(part)
    return f'<span class="tone{syllable[-1]}">{html.escape(part)}</span>'


def _tone_css(tones: str) -> str:
    """The scheme's colours, by day and in Anki's night mode (``nightMode`` since Anki
    2.1.50, ``night_mode`` before)."""
    if tones not in _TONE_COLOURS:
        return ""
    day, night = _TONE_COLOURS[tones]
    rules = [f".tone{n} {{ color: {colour}; }}" for n, colour in enumerate(day, 1)]
    rules += [
        f".nightMode .tone{n}, .night_mode .tone{n} {{ color: {colour}; }}"
        for n, colour in enumerate(night, 1)
    ]
    return "\n".join(rules) + "\n"


def _forms(word: Word) -> re.Pattern[str]:
    """The word in either script, the longer form first."""
    forms = sorted({word.hant, word.hans}, key=len, reverse=True)
    return re.compile("|".join(re.escape(form) for form in forms))


def _marked(sentence: str, word: Word, mark: Callable[[str], str]) -> str | None:
    """The sentence as HTML with each occurrence of the word (either script) replaced by
    ``mark(escaped word)``; None if the word is not in it. Braces in the text are written as
    entities so that no text of the sentence can read as cloze markup."""
    pattern = _forms(word)
    if not sentence or pattern.search(sentence) is None:
        return None

    def line_html(line: str) -> str:
        pieces, at = [], 0
        for found in pattern.finditer(line):
            pieces += [_text(line[at : found.start()]), mark(html.escape(found.group()))]
            at = found.end()
        return "".join([*pieces, _text(line[at:])])

    return "<br>".join(line_html(line) for line in sentence.splitlines())


def _text(text: str) -> str:
    return html.escape(text).replace("{", "&#123;").replace("}", "&#125;")


# --- Anki: the package ---------------------------------------------------------------------


def _models(tones: str) -> tuple[genanki.Model, genanki.Model]:
    import genanki

    css = _CSS + _tone_css(tones)
    basic = genanki.Model(
        _stable_id("zhread note type: hanzi, pinyin, definition, sentence"),
        "zhread word",
        fields=[{"name": name} for name in ("Hanzi", "Pinyin", "Definition", "Sentence")],
        templates=[{"name": "Reading and meaning", "qfmt": _FRONT, "afmt": _BACK}],
        css=css,
    )
    cloze = genanki.Model(
        _stable_id("zhread cloze note type: text, hanzi, pinyin, definition"),
        "zhread cloze",
        fields=[{"name": name} for name in ("Text", "Hanzi", "Pinyin", "Definition")],
        templates=[{"name": "Word in its sentence", "qfmt": _CLOZE_FRONT, "afmt": _CLOZE_BACK}],
        css=css,
        model_type=genanki.Model.CLOZE,
    )
    return basic, cloze


def _notes(
    word: Word, notes: Sequence[str], tones: str, models: tuple[genanki.Model, genanki.Model]
) -> list[genanki.Note]:
    """The word's notes: the basic one's guid is the one zhread has always given the word,
    so decks exported before the cloze note existed update too."""
    import genanki

    basic, cloze = models
    reading = _reading(word.pinyin, tones)
    made = []
    if "basic" in notes:
        sentence = _marked(word.sentence, word, lambda w: f'<b class="word">{w}</b>')
        fields = [_field(_hanzi(word)), reading, _field(word.definition)]
        fields.append(_field(word.sentence) if sentence is None else sentence)
        made.append(genanki.Note(basic, fields, guid=genanki.guid_for(word.hant, word.hans)))
    text = _marked(word.sentence, word, lambda w: "{{c1::" + w + "}}")
    if "cloze" in notes and text is not None:
        fields = [text, _field(_hanzi(word)), reading, _field(word.definition)]
        guid = genanki.guid_for("cloze", word.hant, word.hans)
        made.append(genanki.Note(cloze, fields, guid=guid))
    return made


def _write_apkg(words: Sequence[Word], path: Path, notes: Sequence[str], tones: str) -> None:
    """Build the collection with genanki's own writer, but in a directory we clean up
    (``Package.write_to_file`` leaves its temporary database behind)."""
    import genanki  # heavy (and only needed here)

    models = _models(tones)
    deck = genanki.Deck(_stable_id("zhread deck: word list"), DECK_NAME)
    added: dict[str, str] = {}
    for w in words:
        for note in _notes(w, notes, tones, models):
            deck.add_note(note)
            added[note.guid] = w.added
    now = time.time()
    with tempfile.TemporaryDirectory(prefix="zhread-apkg-") as folder:
        collection = Path(folder) / "collection.anki2"
        conn = sqlite3.connect(collection)
        try:
            ids = itertools.count(int(now * 1000))  # Anki ids are milliseconds
            genanki.Package(deck).write_to_db(conn.cursor(), now, ids)
            _settle_ids(conn, added)
            conn.commit()
        finally:
            conn.close()
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
            package.write(collection, "collection.anki2")
            package.writestr("media", "{}")


def _settle_ids(conn: sqlite3.Connection, added: dict[str, str]) -> None:
    """Give each note an id of its own that every export repeats (genanki numbers notes
    and cards from the clock): the moment the word was saved, in milliseconds, which is
    what Anki shows as the note's "added" date, plus a few milliseconds from the guid so
    that a word's two notes, or words saved in the same second, differ. A card's id is its
    note's plus its ordinal."""
    conn.execute("UPDATE notes SET id = -id")  # out of the way of the ids given below
    conn.execute("UPDATE cards SET id = -id, nid = -nid")
    taken: set[int] = set()
    for guid, when in added.items():
        note_id = _note_id(guid, when)
        while note_id in taken:
            note_id += 1
        taken.add(note_id)
        (old,) = conn.execute("SELECT id FROM notes WHERE guid = ?", (guid,)).fetchone()
        conn.execute("UPDATE notes SET id = ? WHERE id = ?", (note_id, old))
        conn.execute(
            "UPDATE cards SET nid = ?, id = ? + ord WHERE nid = ?", (note_id, note_id, old)
        )


def _note_id(guid: str, added: str) -> int:
    offset = int.from_bytes(hashlib.sha256(guid.encode()).digest()[:4], "big") % 1000
    try:
        saved = int(datetime.fromisoformat(added).timestamp()) * 1000
    except ValueError:  # a date zhread did not write: a fixed moment instead of the clock
        saved = _stable_id(guid) * 1000
    return saved + offset
