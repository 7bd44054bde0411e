"""Turning a file's bytes into one ``str``, whatever encoding the Chinese text was saved in.

Chinese text still arrives in UTF-8, UTF-16 (Windows "Unicode"), GBK/GB18030 and Big5. The
unambiguous signals (a byte-order mark, valid UTF-8, the NUL pattern of UTF-16) are trusted
first. Only what is left is guessed, and the guess that matters most is Big5 against GB18030:
most Big5 byte strings are also valid GB18030 and come out as fluent-looking mojibake, so the
candidates are decoded and the one that reads most like real Chinese wins (see
:func:`_chinese_score`).

Every problem the user can fix comes out as :class:`ZhreadError`; ``UnicodeDecodeError`` and
``OSError`` never reach the caller.
"""

from __future__ import annotations

import codecs
import math
import os
import re
import sys
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from itertools import islice
from pathlib import Path
from typing import BinaryIO

from tui.core.errors import ZhreadError, imports_for
from tui.core.scripts.convert import aligned

#: Past this a file is refused: the whole text is held in memory several times over (decoded,
#: segmented, converted), so a cap keeps a mistaken argument from eating the machine.
MAX_BYTES: int = 64 * 1024 * 1024

#: Byte-order marks, longest first: the UTF-32 LE mark begins with the UTF-16 LE one.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_BE, "utf-16"),
    (codecs.BOM_UTF16_LE, "utf-16"),
)

#: The legacy Chinese codecs, in the order that wins a tie: GB is far more common than Big5,
#: and plain Big5 is a narrower claim than Big5-HKSCS. GB18030 decodes every GBK file the same.
#: Big5 is read as Windows code page 950, which is what Taiwanese files are written in (see
#: :data:`_BIG5_AS_CP950`).
_CHINESE: tuple[str, ...] = ("gb18030", "cp950", "big5hkscs")

#: Python's ``big5`` codec follows an old table that differs from code page 950 on nine
#: punctuation marks: A1 45, the dot between the parts of a transliterated name (克麗歐‧歐德薩,
#: U+2027 in cp950), comes out as a bullet •. ``big5hkscs`` is built on the same table (the
#: HKSCS standard itself has U+2027), so its text is put right with these: each character on
#: the left is what exactly one Big5 byte pair decodes to, so the fix is exact.
_BIG5_AS_CP950 = str.maketrans(
    {"•": "‧", "､": "﹑", "‾": "¯", "∼": "～", "♁": "⊕", "☉": "⊙", "¥": "￥", "¢": "￠", "£": "￡"}
)

#: Below this even the best Chinese reading is mostly junk (kana, private use, box drawing,
#: rare characters), and charset-normalizer is asked whether the bytes are some other legacy
#: encoding (Shift-JIS, cp1251, ...). Real Chinese scores 1.5 to 2.5 on a line or more.
_FLOOR = 0.0

#: A UTF-16 reading found without NULs must score this (real Chinese scores 1.5 to 2.5).
_FLUENT = 1.0

#: How many non-ASCII characters are scored: enough to be decisive, few enough to be instant.
_SCORE_SAMPLE = 8192
#: How many characters the binary checks look at.
_CHECK_SAMPLE = 65536
#: How much charset-normalizer is shown; it is only the fallback for non-Chinese files.
_CN_SAMPLE = 1024 * 1024
#: Reading chunk, so a growing file or an endless pipe stops at the cap instead of memory.
_CHUNK = 1024 * 1024

#: Control characters that do occur in real text files (ESC for ANSI colours).
_TEXT_CONTROLS = frozenset("\t\n\r\f\v\x1b")
#: In a guessed decoding, more control characters than this means the guess (or file) is bad.
_MAX_CONTROL_SHARE = 0.10
#: A NUL-patterned file must decode to at least this share of printable text to be UTF-16.
_MIN_PRINTABLE_SHARE = 0.95

_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")
_NEWLINE = re.compile(r"\r\n?")

_BINARY = "not a text file (looks binary)"


@dataclass(frozen=True)
class Loaded:
    """A decoded text and where it came from, so the UI can say which encoding it assumed."""

    text: str
    encoding: str
    source: str
    #: The document's own title (an HTML page's, a book's), when the format has one; the
    #: reader otherwise takes the first line, which is where a plain text puts it.
    title: str | None = None


# --- public entry points -------------------------------------------------------------------


def load_path(path: str | Path, *, encoding: str | None = None) -> Loaded:
    """Read and decode a file, turning every OS failure into a message the user can act on."""
    source = os.fspath(path)
    return decode(_read_file(Path(path), source), encoding=encoding, source=source)


def load_stdin(stream: BinaryIO | None = None, *, encoding: str | None = None) -> Loaded:
    """Read and decode standard input (``zhread -`` or a pipe)."""
    return decode(read_stdin(stream), encoding=encoding, source="<stdin>")


def read_path(path: str | Path) -> bytes:
    """A file's bytes, with the same size cap and messages as :func:`load_path`: for formats
    (EPUB, HTML) that must look at the bytes before anything is decoded."""
    return _read_file(Path(path), os.fspath(path))


def read_stdin(stream: BinaryIO | None = None) -> bytes:
    """Standard input's bytes, capped like a file's."""
    source = "<stdin>"
    if stream is None:
        stream = _stdin_buffer(source)
    try:
        return _read_capped(stream, source)
    except OSError as error:
        raise ZhreadError(f"cannot read ({_reason(error)})", source) from None


def decode(data: bytes, *, encoding: str | None = None, source: str = "<text>") -> Loaded:
    """Decode bytes with ``encoding``, or with the encoding they most plausibly are in."""
    if len(data) > MAX_BYTES:
        raise _too_large(len(data), source)
    if not data:
        raise ZhreadError("file is empty", source)
    if encoding is None:
        text, codec = _detect(data, source)
    else:
        text, codec = _decode_as(data, encoding, source)
    if not text.strip():
        raise ZhreadError("file is empty", source)
    return Loaded(_NEWLINE.sub("\n", text), codec, source)


# --- reading -------------------------------------------------------------------------------


def _read_file(path: Path, source: str) -> bytes:
    """Read a whole file; the size is checked before reading so a huge file costs nothing."""
    if path.is_dir():
        raise ZhreadError("is a directory", source)
    try:
        with path.open("rb") as handle:
            size = os.fstat(handle.fileno()).st_size
            if size > MAX_BYTES:
                raise _too_large(size, source)
            return _read_capped(handle, source)
    except (FileNotFoundError, NotADirectoryError):
        raise ZhreadError("no such file", source) from None
    except IsADirectoryError:
        raise ZhreadError("is a directory", source) from None
    except PermissionError:
        raise ZhreadError("permission denied", source) from None
    except OSError as error:
        raise ZhreadError(f"cannot read ({_reason(error)})", source) from None
    except ValueError:  # a NUL inside the path itself
        raise ZhreadError("not a valid file name", source) from None


def _read_capped(stream: BinaryIO, source: str) -> bytes:
    """Read to the end, but stop one chunk past the cap: pipes and /dev files have no size."""
    chunks: list[bytes] = []
    total = 0
    while chunk := stream.read(_CHUNK):
        chunks.append(chunk)
        total += len(chunk)
        if total > MAX_BYTES:
            raise _too_large(total, source, at_least=True)
    return b"".join(chunks)


def _stdin_buffer(source: str) -> BinaryIO:
    """The binary side of stdin: decoding is ours to do, not the locale's."""
    buffer: BinaryIO | None = getattr(sys.stdin, "buffer", None)
    if buffer is None:
        raise ZhreadError("no standard input to read", source)
    return buffer


def _too_large(size: int, source: str, *, at_least: bool = False) -> ZhreadError:
    """Say the size and the limit, so the user knows how far over it is."""
    limit = f"the limit is {MAX_BYTES:,} bytes"
    amount = f"more than {MAX_BYTES:,}" if at_least else f"{size:,}"
    return ZhreadError(f"file is too large ({amount} bytes; {limit})", source)


def _reason(error: OSError) -> str:
    """The OS's own words ("Input/output error"), without errno and path noise."""
    return error.strerror or str(error)


# --- an encoding the user named ------------------------------------------------------------


def _decode_as(data: bytes, name: str, source: str) -> tuple[str, str]:
    """Decode with the user's encoding, strictly: a wrong choice should be said, not hidden."""
    codec = codec_for(name, source)
    if codec == "utf-8" and data.startswith(codecs.BOM_UTF8):
        codec = "utf-8-sig"  # the mark is not text, whichever way UTF-8 was asked for
    text = _strict(data, codec, source).removeprefix("\ufeff")
    if "\x00" in text:
        raise ZhreadError(_BINARY, source)
    return text, codec


def codec_for(name: str, source: str = "<text>") -> str:
    """The codec zhread decodes with when the user names ``name``: Python's canonical name,
    so "UTF8", "utf_8" and "u8" all report as "utf-8", and Big5 by any of its names is code
    page 950, what a user who says "big5" has. An unknown name is a :class:`ZhreadError`."""
    try:
        info = codecs.lookup(name)
    except (LookupError, ValueError, TypeError):
        raise ZhreadError(f"unknown encoding {name!r}", source) from None
    if not getattr(info, "_is_text_encoding", True):  # base64, rot13, zlib, ...
        raise ZhreadError(f"unknown encoding {name!r} (not a text encoding)", source)
    return "cp950" if info.name == "big5" else info.name


def repaired(text: str, codec: str) -> str:
    """Text decoded by Python's ``codec`` as zhread reads that encoding: Big5-HKSCS with
    code page 950's punctuation (see :data:`_BIG5_AS_CP950`); any other codec as it is."""
    return text.translate(_BIG5_AS_CP950) if codec == "big5hkscs" else text


def _strict(data: bytes, codec: str, source: str) -> str:
    """Decode or say where it fails, as a byte offset into the file as given."""
    skipped = 0
    if codec == "utf-8-sig" and data.startswith(codecs.BOM_UTF8):
        # utf-8-sig counts error positions after the mark; report them in file terms.
        codec, data, skipped = "utf-8", data[len(codecs.BOM_UTF8) :], len(codecs.BOM_UTF8)
    try:
        text = repaired(data.decode(codec), codec)
    except (UnicodeError, ValueError) as error:
        raise ZhreadError(_undecodable(data, codec, error, skipped), source) from None
    surrogate = _SURROGATE.search(text)
    if surrogate:  # utf-7, unicode_escape and friends can spell half a pair
        raise ZhreadError(
            f"does not decode as {codec} (a lone surrogate at character {surrogate.start()})",
            source,
        )
    return text


def _undecodable(data: bytes, codec: str, error: Exception, skipped: int) -> str:
    """Where and which byte, so the user can look at it; some codecs give no position."""
    start = getattr(error, "start", None)
    if not isinstance(start, int) or not 0 <= start < len(data):
        return f"does not decode as {codec}"
    return f"does not decode as {codec} (byte 0x{data[start]:02x} at offset {start + skipped})"


# --- detection -----------------------------------------------------------------------------


def _detect(data: bytes, source: str) -> tuple[str, str]:
    """Certain answers first, guesses last; a guess that reads as junk means binary."""
    certain = _by_bom(data, source) or _as_utf8(data)
    if certain is not None:
        if "\x00" in certain[0]:
            raise ZhreadError(_BINARY, source)
        return certain
    guess = _as_utf16_without_bom(data) if b"\x00" in data else _as_legacy(data)
    if guess is None or _looks_binary(guess[0]):
        raise ZhreadError(_BINARY, source)
    return guess


def _by_bom(data: bytes, source: str) -> tuple[str, str] | None:
    """A byte-order mark is a deliberate statement by the writer, so it is not second-guessed."""
    marked = [codec for bom, codec in _BOMS if data.startswith(bom)]
    for codec in marked:
        try:
            return data.decode(codec).removeprefix("\ufeff"), codec
        except UnicodeDecodeError:
            continue  # FF FE 00 00 may be UTF-16 after all; try the next mark
    if marked:
        _strict(data, marked[-1], source)  # raises, with the offset of the bad bytes
    return None


def _as_utf8(data: bytes) -> tuple[str, str] | None:
    """Strict UTF-8 is almost never valid by accident, so it is taken when it decodes.

    NUL bytes are never in a UTF-8 text file (git and grep use the same rule); data with them
    is UTF-16 or binary and is left to the next step.
    """
    if b"\x00" in data:
        return None
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        return None


def _as_utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    """UTF-16 without a mark: ASCII, digits and newlines put a NUL on one side of each pair.

    The NULs must sit almost all on one parity (even bytes for big-endian), and the result
    must be mostly printable, which random binary data with NULs never is.
    """
    if len(data) % 2:
        return None
    even, odd = data[0::2].count(0), data[1::2].count(0)
    if odd > 4 * even:
        codec = "utf-16-le"
    elif even > 4 * odd:
        codec = "utf-16-be"
    else:
        return None
    try:
        text = data.decode(codec)
    except UnicodeDecodeError:
        return None
    return (text, codec) if _printable_share(text) >= _MIN_PRINTABLE_SHARE else None


def _as_legacy(data: bytes) -> tuple[str, str] | None:
    """The best-reading Chinese decoding, unless it is junk and charset-normalizer knows better.

    This is a Chinese reader, so a Chinese reading is preferred whenever it is not junk:
    charset-normalizer's statistics are unsure on short texts and often call a line of Chinese
    Korean (cp949). It decides only files that read as junk in every Chinese codec.
    """
    scored = [(_chinese_score(text), codec, text) for codec, text in _chinese_readings(data)]
    scored += _bare_utf16_readings(data)
    best = max(scored, key=lambda entry: entry[0], default=None)  # first wins a tie
    if best is not None and best[0] >= _FLOOR:
        return best[2], best[1]
    other = _other_legacy(data)
    if other is not None:
        return other
    return None if best is None else (best[2], best[1])


def _bare_utf16_readings(data: bytes) -> list[tuple[float, str, str]]:
    """UTF-16 without a mark and without one ASCII character (all-Han text) has no NULs to
    be found by, so it is offered as a reading here, but only when it reads as fluent
    Chinese: random bytes and legacy text read as UTF-16 are a scatter of rare characters.
    """
    if len(data) % 2:
        return []
    found = []
    for codec in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        score = _chinese_score(text)
        if score >= _FLUENT and not _looks_binary(text):
            found.append((score, codec, text))
    return found


def _chinese_readings(data: bytes) -> Iterator[tuple[str, str]]:
    """Each legacy Chinese codec that decodes the bytes strictly, with its text.

    Big5-HKSCS is a superset of Big5; when both give the same text the narrower name is the
    honest one, so the HKSCS reading is only offered when it differs (a few rarely used
    symbol rows are assigned differently, so both readings are judged there).
    """
    seen: set[str] = set()
    for codec in _CHINESE:
        try:
            text = repaired(data.decode(codec), codec)
        except UnicodeDecodeError:
            continue
        if text not in seen:
            seen.add(text)
            yield codec, text


def _other_legacy(data: bytes) -> tuple[str, str] | None:
    """Ask charset-normalizer, for files that are not Chinese at all (cp1252, Shift-JIS...).

    Its answers for Chinese and for the UTF family are ignored: those were already tried
    above with stricter rules than its statistics.
    """
    with imports_for("tell which encoding the file is in"):
        from charset_normalizer import from_bytes  # only for the rare non-Chinese legacy file

    match = from_bytes(data[:_CN_SAMPLE]).best()
    if match is None:
        return None
    try:
        codec = codecs.lookup(match.encoding).name
    except LookupError:
        return None
    if codec in _CHINESE or codec in ("gbk", "gb2312", "big5") or codec.startswith("utf"):
        return None
    try:
        text = data.decode(codec)
    except (UnicodeError, ValueError):
        return None
    return None if _SURROGATE.search(text) else (text, codec)


# --- judging a decoding --------------------------------------------------------------------


def _looks_binary(text: str) -> bool:
    """NULs or many control characters: what a wrong guess or a non-text file decodes to."""
    if "\x00" in text:
        return True
    sample = text[:_CHECK_SAMPLE]
    controls = sum(1 for ch in sample if ch < " " and ch not in _TEXT_CONTROLS)
    controls += sum(1 for ch in sample if "\x7f" <= ch <= "\x9f")
    return controls > _MAX_CONTROL_SHARE * len(sample)


def _printable_share(text: str) -> float:
    """Share of printable characters: real UTF-16 text is nearly all printable, binary is not."""
    sample = text[:_CHECK_SAMPLE]
    if not sample:
        return 0.0
    return sum(1 for ch in sample if ch.isprintable() or ch.isspace()) / len(sample)


def _chinese_score(text: str) -> float:
    """How much ``text`` reads like real Chinese: the mean per-character score, ASCII ignored.

    Mojibake is made of valid characters, so validity cannot decide; frequency can. Real text
    is dominated by a few thousand common characters, while Big5 read as GB18030 yields kana,
    Greek, box drawing, private-use and rare characters, and GB read as Big5 yields a uniform
    scatter over Big5's 13,000 characters, most of them rare. Traditional characters are
    looked up by their Simplified form too, so both scripts are judged on the same table.
    """
    sample = "".join(m.group() for m in islice(_NON_ASCII.finditer(text), _SCORE_SAMPLE))
    if not sample:
        return 0.0
    simplified = _simplified(sample)
    total = sum(_char_score(ch, alt) for ch, alt in zip(sample, simplified, strict=True))
    return total / len(sample)


def _simplified(sample: str) -> str:
    """The t2s form of each character, same length, so 國 scores as 国."""
    converted = aligned(sample, "t2s")
    return converted if len(converted) == len(sample) else sample


def _char_score(ch: str, simplified: str) -> float:
    """From 3 (的, 是, 國) down to -3 (kana, private use, U+FFFD): see :func:`_chinese_score`."""
    if "\u4e00" <= ch <= "\u9fff":
        frequency = _log_frequencies()
        log_share = frequency.get(ch, frequency.get(simplified))
        if log_share is None:
            return -1.0
        # Shift so that roughly the 3,000 most common characters score above zero.
        return max(-1.0, min(3.0, log_share + 5.0))
    return _other_char_score(ch)


def _other_char_score(ch: str) -> float:
    """Punctuation and digits are expected around Chinese; other scripts' letters are not."""
    cp = ord(ch)
    if 0x3400 <= cp <= 0x4DBF or 0x20000 <= cp <= 0x323AF:
        return -1.0  # extension ideographs: real (HKSCS has many) but rare
    if 0xFF01 <= cp <= 0xFF5E:
        return 0.5  # full-width ASCII
    category = unicodedata.category(ch)
    if category[0] in "PNZ":
        return 0.5
    if category[0] == "S" and ch != "\ufffd" and not 0x2500 <= cp <= 0x257F:
        return 0.0  # symbols (※ ○ → ℃), but not box drawing, a Big5-as-GB signature
    if category[0] == "L" and unicodedata.name(ch, "").startswith("LATIN"):
        return 0.0  # pinyin (nǐ hǎo) is at home in GB text
    return -3.0  # kana, Greek, Cyrillic, Hangul, marks, controls, private use, compatibility


@lru_cache(maxsize=1)
def _log_frequencies() -> dict[str, float]:
    """log10 of each character's share of running text, from jieba's HMM emission tables.

    Those tables were trained on a large corpus and list both scripts, which makes them the
    frequency list the project already ships; jieba loads them on import in any case.
    """
    with imports_for("tell which encoding the file is in"):
        from jieba.finalseg import emit_P

    counts: dict[str, float] = {}
    for table in emit_P.values():
        for ch, log_probability in table.items():
            counts[ch] = counts.get(ch, 0.0) + math.exp(log_probability)
    total = sum(counts.values())
    return {ch: math.log10(count / total) for ch, count in counts.items()}
