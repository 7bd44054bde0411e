"""Property-based fuzzing of everything that reads outside input: decoding, segmentation,
conversion alignment, glossary matching and the glossary's YAML loader.

Each property says what the code promises for *any* input: text or a ZhreadError, tokens
that tile the text, pairs that tile both sides, matches inside the text that spell a term,
a Glossary or a GlossaryError that names a line. The example budgets keep the whole file
to a few seconds in CI; ``tests/fuzz/fuzz_loaders.py`` runs the loaders for as long as
you like.
"""

from __future__ import annotations

import codecs

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tui.core.compare.align import align
from tui.core.errors import ZhreadError
from tui.core.glossary.entries import Glossary
from tui.core.glossary.loader import GlossaryError, parse_glossary
from tui.core.scripts.convert import CONFIGS, aligned, shadow
from tui.core.text.loading import decode
from tui.core.words.segment import segment

FUZZ = settings(
    max_examples=400,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)

#: Every code point, surrogates and controls included: what a bad decode can hand over.
ANY_CHAR = st.one_of(
    st.characters(), st.integers(0xD800, 0xDFFF).map(chr), st.integers(0, 0x9F).map(chr)
)
CHINESE = st.sampled_from(
    [
        *"中國国語语的了是銀行长長期發发髮乾干幹後后觀察者網",
        "人工智慧",
        "演算法",
        "蒸餾",
        "晶片",
        "·",
        "（",
        "）",
        "(",
        ")",
        "「",
        "」",
        "。",
        "\n",
        "DeepSeek",
        "SFT",
        " ",
        "\t",
        "\u200d",
        "\u0301",
        "\x1b[31m",
        "\u202e",
        "👨\u200d👩",
    ]
)
TEXT = st.lists(st.one_of(CHINESE, ANY_CHAR), max_size=60).map("".join)


# --- loading ----------------------------------------------------------------------------


def _check_decoded(data: bytes, encoding: str | None) -> None:
    try:
        loaded = decode(data, encoding=encoding, source="<fuzz>")
    except ZhreadError as error:
        assert str(error).startswith("<fuzz>: ") and "\n" not in str(error)
        return
    assert loaded.text.strip() and "\r" not in loaded.text
    assert not any("\ud800" <= ch <= "\udfff" for ch in loaded.text)
    codecs.lookup(loaded.encoding)


PREFIXES = st.sampled_from(
    [
        b"",
        codecs.BOM_UTF8,
        codecs.BOM_UTF16_LE,
        codecs.BOM_UTF16_BE,
        codecs.BOM_UTF32_LE,
        b"\x00",
        b"\x1b]0;x\x07",
        b"\x81\x30\x81\x30",
    ]
)
ENCODED = st.tuples(
    TEXT,
    st.sampled_from(
        ["utf-8", "utf-16-le", "utf-16-be", "gb18030", "big5", "big5hkscs", "gbk", "utf-32"]
    ),
).map(
    lambda pair: (
        pair[0].encode(pair[1], "replace")
        if pair[1] != "utf-8"
        else pair[0].encode("utf-8", "surrogatepass")
    )
)


@FUZZ
@given(
    prefix=PREFIXES,
    body=st.one_of(st.binary(max_size=300), ENCODED),
    encoding=st.sampled_from([None, None, "utf-8", "gb18030", "big5", "utf-16", "latin-1"]),
)
def test_any_bytes_decode_to_text_or_a_one_line_error(
    prefix: bytes, body: bytes, encoding: str | None
) -> None:
    _check_decoded(prefix + body, encoding)


@FUZZ
@given(data=st.binary(min_size=1, max_size=64), cut=st.integers(min_value=0, max_value=64))
def test_truncated_multibyte_text_decodes_or_errors(data: bytes, cut: int) -> None:
    """A file cut in the middle of a character (a truncated download) is handled."""
    text = "銀行長期發展" + data.decode("latin-1")
    for codec in ("utf-8", "utf-16", "gb18030", "big5"):
        encoded = text.encode(codec, "replace")
        _check_decoded(encoded[: max(1, len(encoded) - cut % 4)], None)


# --- segmentation -----------------------------------------------------------------------


@FUZZ
@given(text=TEXT)
def test_segmentation_tiles_any_text(text: str, glossary: Glossary, splitter) -> None:
    document = segment(text, glossary, splitter, "<fuzz>", shadow(text))
    assert "".join(t.text for t in document.tokens) == text
    position = 0
    for token in document.tokens:
        assert token.start == position and token.end > token.start
        assert text[token.start : token.end] == token.text
        position = token.end
    assert position == len(text)


# --- conversion alignment ---------------------------------------------------------------


@FUZZ
@given(text=TEXT, config=st.sampled_from(CONFIGS))
def test_alignment_tiles_both_sides_of_any_text(text: str, config: str) -> None:
    assert len(aligned(text, config)) == len(text)
    document = segment(text)
    alignment = align(document, config)
    start = cstart = 0
    for pair in alignment.pairs:
        assert (pair.start, pair.cstart) == (start, cstart)
        start, cstart = pair.end, pair.cend
    assert (start, cstart) == (len(text), len(alignment.converted))
    for offset in range(len(text)):
        pair = alignment.pairs[alignment.pair_of(offset)]
        assert pair.start <= offset < pair.end


# --- glossary matching ------------------------------------------------------------------


@FUZZ
@given(text=TEXT)
def test_glossary_matches_lie_inside_the_text_and_never_overlap(
    text: str, glossary: Glossary
) -> None:
    matches = glossary.match(text, shadow(text))
    end = 0
    for match in matches:
        assert end <= match.start < match.end <= len(text)
        assert match.entry_id in glossary
        end = match.end


# --- the YAML loader --------------------------------------------------------------------

GOOD_ENTRY = """\
  - id: chiplet-packaging
    hant: 芯粒封裝
    hans: 芯粒封装
    pinyin: xīn lì fēng zhuāng
    en: chiplet packaging
    category: semiconductors
    definition: Building one processor from several small dies.
"""
YAML_PIECES = st.sampled_from(
    [
        "terms:\n",
        GOOD_ENTRY,
        "  - ",
        "id: ",
        "hant: ",
        "x",
        "測試",
        "\n",
        "    ",
        ": ",
        "- ",
        "[",
        "]",
        "{",
        "}",
        "'",
        '"',
        "&anchor ",
        "*anchor",
        "!!python/object:os.system ",
        "<<: ",
        "? ",
        "|\n",
        ">-\n",
        "---\n",
        "...\n",
        "#",
        "\t",
        "\\",
        "\ufeff",
        "%YAML 1.1\n",
        "~",
        "aliases: [a, {text: b, ignore_case: true}]\n",
        "see_also: [nope]\n",
        "forms: []\n",
        "category: person\n",
        "pinyin: ni3 hao3\n",
        "\x00",
        "\x1b",
        "\u2028",
    ]
)
YAMLISH = st.lists(st.one_of(YAML_PIECES, ANY_CHAR), max_size=40).map("".join)


@FUZZ
@given(text=YAMLISH)
def test_yaml_ish_text_gives_a_glossary_or_an_error_with_a_line(text: str) -> None:
    try:
        result = parse_glossary(text, "fuzz.yaml")
    except GlossaryError as error:
        assert str(error).startswith("fuzz.yaml")
        whole_file = (
            not text.strip() or "\ufeff" in text or any("\ud800" <= ch <= "\udfff" for ch in text)
        )
        assert error.line is not None or whole_file or _file_level(error.message), str(error)
        assert error.line is None or 1 <= error.line <= text.count("\n") + 2
        return
    assert isinstance(result, Glossary)


def _file_level(message: str) -> bool:
    """Problems that belong to the whole file rather than a line (its size, its kind)."""
    return any(word in message for word in ("bytes", "empty", "mapping", "terms", "too deeply"))
