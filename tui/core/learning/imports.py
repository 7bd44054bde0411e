"""Word lists made elsewhere, read for the words in them: a learner arriving with a Pleco
flashcard export or an Anki deck already knows those words, and says so in one command.

Two formats, both tab-separated text:

- Pleco's flashcard export: ``银行[銀行]<TAB>yin2hang2<TAB>bank``, lines beginning ``//``
  naming the category of the cards after them;
- Anki's "Notes in Plain Text" export: fields of HTML, quoted where they hold a tab, a
  quote or a line break, under header lines such as ``#separator:tab``, ``#html:true``,
  ``#columns:...`` and ``#guid column:1`` (those columns are Anki's bookkeeping, not
  fields).

The word of a line is taken from the first field that holds one: HTML and ruby readings
removed, ``简[繁]`` and ``繁（简）`` read as one word in two scripts (the first form is
taken), pinyin in brackets dropped, the answer of a cloze (``{{c1::银行}}``) taken from a
sentence. A field that holds only a sentence is passed over. Parsing is pure: reading the
file and writing states belong to the command.
"""

from __future__ import annotations

import csv
import html
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

from tui.core.errors import ZhreadError

__all__ = ["FORMATS", "Found", "ListFormat", "Parsed", "Unread", "parse", "sniff", "word_in"]

ListFormat = Literal["pleco", "anki"]
FORMATS: tuple[ListFormat, ...] = ("pleco", "anki")

#: Longer than this, a run of characters is a phrase or a sentence, not a word to know.
MAX_WORD = 12

#: Han characters: the unified ideographs and their extensions, compatibility ideographs, 〇.
_HAN_CLASS = "\u3007\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
_HAN = re.compile(f"[{_HAN_CLASS}]")
#: A word as one token: Han characters, with the letters, digits and name dots some words
#: have (卡拉OK, T恤, 马克·吐温).
_WORD = re.compile(f"[{_HAN_CLASS}A-Za-z0-9·‧・]+")
_SENTENCE_MARKS = re.compile(r"[。！？；，、：…!?;]")
#: A second form or a reading after the word: [繁體], （简体）, (yin2hang2), [yínháng].
_BRACKETED = re.compile(r"[\[(（]([^\[\]()（）]*)[\])）]")
_BETWEEN_HAN = re.compile(f"(?<=[{_HAN_CLASS}])\\s+(?=[{_HAN_CLASS}])")
_ALTERNATIVES = re.compile(r"\s*[/／|｜]\s*")
_CLOZE = re.compile(r"\{\{c\d+::(.*?)(?:::[^}]*)?\}\}", re.DOTALL)
_RUBY_TEXT = re.compile(r"<(rt|rp)\b[^>]*>.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
_BREAK = re.compile(r"<br\s*/?>|</(?:div|p|li)\s*>", re.IGNORECASE)
_TAG = re.compile(r"<[^>]*>")
_ELEMENT = re.compile(r"</?[A-Za-z][^>]*>")
_SOUND = re.compile(r"\[sound:[^\]]*\]")
#: Pleco's formatting codes (bold, colour, new line) are private-use characters.
_PRIVATE_USE = re.compile("[\ue000-\uf8ff]")
_HEADER = re.compile(r"#([A-Za-z ]+):(.*)")
_SEPARATORS = {
    "tab": "\t",
    "comma": ",",
    "semicolon": ";",
    "space": " ",
    "pipe": "|",
    "colon": ":",
}
_META_COLUMNS = ("guid", "notetype", "deck", "tags")
_SHOWN = 40  # characters of a line not understood that a report quotes


@dataclass(frozen=True, slots=True)
class Found:
    """A word and the line it was read from (1-based)."""

    word: str
    line: int


@dataclass(frozen=True, slots=True)
class Unread:
    """A line with no word in it, and why."""

    line: int
    text: str
    reason: str


@dataclass(frozen=True, slots=True)
class Parsed:
    format: ListFormat
    found: tuple[Found, ...]
    unread: tuple[Unread, ...]

    @property
    def words(self) -> list[str]:
        """Each word once, in the order first met."""
        return list(dict.fromkeys(found.word for found in self.found))


def parse(text: str, format: str | None = None) -> Parsed:
    """The words of a Pleco or Anki export; ``format`` None tells it from the content.

    Raises :class:`ZhreadError` for an unknown format or a file that is neither (Pleco's
    XML export)."""
    if format is not None and format not in FORMATS:
        raise ZhreadError(f"format {format!r}: choose one of {', '.join(FORMATS)}")
    if text.lstrip().startswith("<?xml") or "<plecoflash" in text[:500]:
        raise ZhreadError("Pleco's XML export is not read: export the cards as text instead")
    kind: ListFormat = "anki" if (format or sniff(text)) == "anki" else "pleco"
    records = _anki_records(text) if kind == "anki" else _pleco_records(text)
    found: list[Found] = []
    unread: list[Unread] = []
    for line, fields, html_fields in records:
        word, reason = _first_word(fields, html=html_fields)
        if word is not None:
            found.append(Found(word, line))
        else:
            shown = " ".join(" ".join(fields).split())
            if len(shown) > _SHOWN:
                shown = shown[: _SHOWN - 1] + "…"
            unread.append(Unread(line, shown, reason))
    return Parsed(kind, tuple(found), tuple(unread))


def sniff(text: str) -> ListFormat:
    """Anki's exports begin with ``#key:value`` headers, and older ones carry HTML; Pleco's
    carry ``//`` category lines and ``简[繁]`` headwords. Without either sign the two read
    alike, and Pleco's plainer rules are used."""
    lines = [line for line in text.splitlines() if line.strip()][:50]
    if lines and _HEADER.fullmatch(lines[0].strip()):
        return "anki"
    if any(line.startswith("//") for line in lines):
        return "pleco"
    if any(_ELEMENT.search(line) for line in lines):
        return "anki"
    return "pleco"


# --- records -------------------------------------------------------------------------------

Record = tuple[int, list[str], bool]  # first line, fields, whether the fields are HTML


def _pleco_records(text: str) -> Iterator[Record]:
    for number, line in enumerate(text.splitlines(), 1):
        stripped = line.strip()
        if not stripped or stripped.startswith("//"):
            continue  # a category: the cards after it are filed under it
        yield number, [_PRIVATE_USE.sub("", field) for field in line.split("\t")], False


def _anki_records(text: str) -> Iterator[Record]:
    """Rows of the CSV-like body under the headers, each with the line it starts on."""
    lines = text.splitlines(keepends=True)
    headers: dict[str, str] = {}
    start = 0
    while start < len(lines) and (match := _HEADER.fullmatch(lines[start].strip())):
        headers[match.group(1).strip().lower()] = match.group(2).strip()
        start += 1
    separator = _separator(headers.get("separator", "tab"))
    html_fields = headers.get("html", "true").lower() != "false"
    skipped = _meta_columns(headers)
    reader = csv.reader(lines[start:], delimiter=separator, quotechar='"', strict=False)
    first = start + 1
    for row in reader:
        line, first = first, start + reader.line_num + 1
        if not any(cell.strip() for cell in row) or row[0].startswith("#"):
            continue
        fields = [cell for column, cell in enumerate(row, 1) if column not in skipped]
        yield line, fields, html_fields


def _separator(name: str) -> str:
    if name.lower() in _SEPARATORS:
        return _SEPARATORS[name.lower()]
    return name[:1] if len(name) == 1 else "\t"


def _meta_columns(headers: dict[str, str]) -> set[int]:
    """The 1-based columns Anki declares as guid, note type, deck or tags."""
    columns = set()
    for name in _META_COLUMNS:
        value = headers.get(f"{name} column", "")
        if value.isdigit():
            columns.add(int(value))
    return columns


# --- the word of a record ------------------------------------------------------------------


def _first_word(fields: list[str], *, html: bool) -> tuple[str | None, str]:
    """The word of the first field that holds one, or None and why there is none."""
    saw_chinese = False
    for field in fields:
        word = word_in(field, html=html)
        if word is not None:
            return word, ""
        saw_chinese = saw_chinese or _HAN.search(field) is not None
    return None, "no single word (a sentence?)" if saw_chinese else "no Chinese"


def word_in(field: str, *, html: bool = True) -> str | None:
    """The Chinese word a field holds, or None when it holds none or more than a word."""
    text = _plain(field) if html else field
    cloze = _CLOZE.search(text)
    if cloze is not None:
        text = cloze.group(1)
    text = _SOUND.sub("", text)
    if _HAN.search(text) is None:
        return None
    text = _first_form(text)
    if _SENTENCE_MARKS.search(text):
        return None
    tokens = [token for token in text.split() if _HAN.search(token)]
    if len(tokens) != 1 or _WORD.fullmatch(tokens[0]) is None or len(tokens[0]) > MAX_WORD:
        return None
    return tokens[0]


def _first_form(text: str) -> str:
    """The first of the forms a field gives: 银行[銀行] and 銀行（银行） are one word in two
    scripts, 银行 / 銀行 two spellings; a reading in brackets is dropped, and with it the
    spaces Anki's ruby syntax puts between characters (銀[yín] 行[háng])."""
    readings = False

    def bracket(match: re.Match[str]) -> str:
        nonlocal readings
        if _HAN.search(match.group(1)) is None:
            readings = True
            return " "
        return f"\t{match.group(1)}\t"

    text = _BRACKETED.sub(bracket, text)
    if readings:
        text = _BETWEEN_HAN.sub("", text)
    forms = [part for part in _ALTERNATIVES.split(text.strip()) if _HAN.search(part)]
    forms = [piece for piece in (forms[0] if forms else "").split("\t") if piece.strip()]
    return forms[0] if forms else ""


def _plain(field: str) -> str:
    """A field's HTML as text: ruby readings dropped, breaks as line ends, entities read."""
    text = _RUBY_TEXT.sub("", field)
    text = _BREAK.sub("\n", text)
    return html.unescape(_TAG.sub("", text)).replace("\xa0", " ")
