"""Tests for tui.core.text.loading: encodings, detection, and the errors a user can fix."""

from __future__ import annotations

import contextlib
import io
import random
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tui.core.errors import ZhreadError
from tui.core.scripts.convert import convert
from tui.core.text import loading
from tui.core.text.loading import MAX_BYTES, Loaded, decode, load_path, load_stdin

SEED = Path(__file__).parent.parent / "seeds" / "000_5c73e60e87bd33d6.txt"
TRADITIONAL = SEED.read_text(encoding="utf-8")
SIMPLIFIED = convert(TRADITIONAL, "t2s")


def encodable(text: str, codec: str) -> str:
    """``text`` without the characters ``codec`` cannot encode, so round trips can be exact."""
    return "".join(ch for ch in text if _can_encode(ch, codec))


def _can_encode(ch: str, codec: str) -> bool:
    try:
        ch.encode(codec)
    except UnicodeEncodeError:
        return False
    return True


def han_lines(text: str, minimum: int) -> list[str]:
    """Lines of the sample with at least ``minimum`` non-ASCII characters."""
    return [line for line in text.splitlines() if sum(ord(ch) > 127 for ch in line) >= minimum]


def normalised(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


# --- Unicode encodings ---------------------------------------------------------------------


def test_plain_utf8() -> None:
    loaded = decode(TRADITIONAL.encode("utf-8"))
    assert loaded == Loaded(TRADITIONAL, "utf-8", "<text>")


def test_utf8_with_bom_drops_the_mark() -> None:
    loaded = decode(b"\xef\xbb\xbf" + "中文".encode())
    assert (loaded.text, loaded.encoding) == ("中文", "utf-8-sig")


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
def test_bom_marked_unicode(codec: str) -> None:
    bom = "\ufeff".encode(codec)
    loaded = decode(bom + TRADITIONAL.encode(codec))
    assert loaded.text == TRADITIONAL
    assert loaded.encoding == codec[:6]  # "utf-16" / "utf-32": the codec that reads the BOM


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_is_found_by_its_nul_pattern(codec: str) -> None:
    loaded = decode(TRADITIONAL.encode(codec))
    assert (loaded.text, loaded.encoding) == (TRADITIONAL, codec)


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_short_utf16_without_bom(codec: str) -> None:
    loaded = decode("第1章 開始\n".encode(codec))
    assert (loaded.text, loaded.encoding) == ("第1章 開始\n", codec)


def test_utf32_le_bom_that_is_really_utf16_falls_back() -> None:
    # FF FE 00 00 is the UTF-32 LE mark, but here it is UTF-16 LE's mark and then U+0000.
    data = b"\xff\xfe\x00\x00" + "中文".encode("utf-16-le")
    with pytest.raises(ZhreadError, match="looks binary"):
        decode(data)  # it is UTF-16, and the NUL it starts with still means "not text"


def test_broken_bom_marked_file_names_the_offset() -> None:
    with pytest.raises(ZhreadError, match=r"utf-8 .*offset 5"):
        decode(b"\xef\xbb\xbfab\xffcd")


# --- newlines and what is kept -------------------------------------------------------------


@pytest.mark.parametrize("codec", ["utf-8", "utf-16", "gb18030", "big5"])
def test_crlf_and_lone_cr_become_lf(codec: str) -> None:
    loaded = decode("第一行\r\n第二行\r第三行\n第四行".encode(codec))
    assert loaded.text == "第一行\n第二行\n第三行\n第四行"


def test_tabs_and_control_characters_are_kept() -> None:
    text = "中文\tcol\x1b[1mbold\x1b[0m\x07\x0c"
    assert decode(text.encode()).text == text


# --- legacy Chinese: GB18030 / GBK / Big5 / Big5-HKSCS --------------------------------------


@pytest.mark.parametrize("codec", ["gb18030", "gbk", "gb2312"])
def test_simplified_article_in_gb(codec: str) -> None:
    text = encodable(SIMPLIFIED, codec)
    loaded = decode(text.encode(codec))
    assert (loaded.text, loaded.encoding) == (text, "gb18030")


def test_traditional_article_in_gbk_is_gb_not_big5() -> None:
    text = encodable(TRADITIONAL, "gbk")
    loaded = decode(text.encode("gbk"))
    assert (loaded.text, loaded.encoding) == (text, "gb18030")


def test_traditional_article_in_big5() -> None:
    text = encodable(TRADITIONAL, "cp950")
    data = text.encode("cp950")
    assert data.decode("gb18030") != text  # the hard case: Big5 is also valid GB18030
    loaded = decode(data)
    assert (loaded.text, loaded.encoding) == (text, "cp950")


@pytest.mark.parametrize("line", han_lines(encodable(TRADITIONAL, "cp950"), 6))
def test_every_line_of_the_article_in_big5(line: str) -> None:
    loaded = decode(line.encode("cp950"))
    assert (loaded.text, loaded.encoding) == (line, "cp950")


@pytest.mark.parametrize("line", han_lines(SIMPLIFIED, 6))
def test_every_line_of_the_article_in_gbk(line: str) -> None:
    loaded = decode(line.encode("gbk"))
    assert (loaded.text, loaded.encoding) == (line, "gb18030")


@pytest.mark.parametrize(
    ("text", "codec", "expected"),
    [
        ("你好，世界", "gbk", "gb18030"),
        ("你好，世界", "cp950", "cp950"),
        ("據香港《南華早報》7日報道", "cp950", "cp950"),
        ("据香港《南华早报》7日报道", "gb2312", "gb18030"),
        ("中國企業DeepSeek近期推出的AI模型\n引發美國的高度關注。", "cp950", "cp950"),
        ("中国企业DeepSeek近期推出的AI模型\n引发美国的高度关注。", "gbk", "gb18030"),
        ("nǐ hǎo 你好 zhōng wén 中文", "gb18030", "gb18030"),
    ],
)
def test_short_texts(text: str, codec: str, expected: str) -> None:
    loaded = decode(text.encode(codec))
    assert (loaded.text, loaded.encoding) == (text, expected)


@pytest.mark.parametrize("text", ["中文𠀀字", "版權©所有，違者必究", "價格：€100 元"])
def test_gb18030_beyond_gbk(text: str) -> None:
    data = text.encode("gb18030")
    loaded = decode(data)
    assert (loaded.text, loaded.encoding) == (text, "gb18030")


def test_gb18030_four_byte_sequences_are_really_four_bytes() -> None:
    assert len("𠀀".encode("gb18030")) == 4
    assert len("©".encode("gb18030")) == 4


@pytest.mark.parametrize(
    "text",
    [
        "佢哋話呢間餐廳啲嘢好好食㗎，我哋今晚去試下啦。",
        "你食咗飯未呀？係咪好肚餓㗎？",
        "係咪㗎",
        "我嘅書",
    ],
)
def test_big5_hkscs_cantonese(text: str) -> None:
    data = text.encode("big5hkscs")
    with pytest.raises(UnicodeDecodeError):
        data.decode("big5")  # HKSCS characters really are outside plain Big5
    loaded = decode(data)
    assert (loaded.text, loaded.encoding) == (text, "big5hkscs")


def test_large_big5_file_is_still_big5(tmp_path: Path) -> None:
    text = encodable(TRADITIONAL, "cp950") * 100
    path = tmp_path / "long.txt"
    path.write_bytes(text.encode("cp950"))
    loaded = load_path(path)
    assert (loaded.text, loaded.encoding) == (text, "cp950")


#: A Taiwan news sentence with a foreign name, its parts joined by U+2027 (Big5 A1 45).
TAIWAN_NAME = "美國商務部長克麗歐‧歐德薩表示，台灣的晶片供應鏈必須更加多元。"


def test_big5_is_code_page_950_so_the_name_dot_stays() -> None:
    data = TAIWAN_NAME.encode("cp950")
    assert b"\xa1\x45" in data
    assert data.decode("big5") != TAIWAN_NAME  # Python's big5 reads A1 45 as a bullet
    loaded = decode(data)
    assert (loaded.text, loaded.encoding) == (TAIWAN_NAME, "cp950")
    assert "克麗歐‧歐德薩" in loaded.text


@pytest.mark.parametrize("name", ["big5", "BIG5", "big5-tw", "csbig5", "cp950"])
def test_big5_named_by_the_user_is_code_page_950(name: str) -> None:
    loaded = decode(TAIWAN_NAME.encode("cp950"), encoding=name)
    assert (loaded.text, loaded.encoding) == (TAIWAN_NAME, "cp950")


def test_hkscs_text_keeps_code_page_950_punctuation() -> None:
    """A Hong Kong file needs Big5-HKSCS for its Cantonese characters; its name dot and
    punctuation are still the ones code page 950 and the HKSCS standard agree on."""
    text = "佢哋話克麗歐‧歐德薩嘅嘢好好食㗎，價錢係￥100（﹑～）。"
    data = text.translate(str.maketrans("‧﹑～￥", "•､∼¥")).encode("big5hkscs")
    with pytest.raises(UnicodeDecodeError):
        data.decode("cp950")
    for loaded in (decode(data), decode(data, encoding="big5-hkscs")):
        assert (loaded.text, loaded.encoding) == (text, "big5hkscs")


def test_each_punctuation_fix_is_what_one_byte_pair_decodes_to() -> None:
    """The HKSCS repair replaces characters, not bytes: exact only if no other byte pair
    decodes to a character it replaces, and if code page 950 reads each pair so."""
    sources: dict[str, list[bytes]] = {}
    for lead in range(0x81, 0xFF):
        for trail in range(0x40, 0xFF):
            pair = bytes((lead, trail))
            try:
                sources.setdefault(pair.decode("big5hkscs"), []).append(pair)
            except UnicodeDecodeError:
                continue
    fixes = {chr(old): new for old, new in loading._BIG5_AS_CP950.items()}
    assert "•" in fixes and fixes["•"] == "‧"
    for old, new in fixes.items():
        assert len(sources[old]) == 1, old
        assert sources[old][0].decode("cp950") == new


def test_streamed_big5_is_code_page_950_too(tmp_path: Path) -> None:
    from tui.core.text.streaming import text_lines

    path = tmp_path / "tw.txt"
    path.write_bytes((TAIWAN_NAME + "\r\n").encode("cp950") * 3)
    assert "".join(text_lines(str(path), chunk=16)) == (TAIWAN_NAME + "\r\n") * 3
    assert "".join(text_lines(str(path), encoding="big5")) == (TAIWAN_NAME + "\r\n") * 3
    hong_kong = tmp_path / "hk.txt"
    hong_kong.write_bytes("佢哋話克麗歐•歐德薩嘅嘢\n".encode("big5hkscs"))
    assert "".join(text_lines(str(hong_kong))) == "佢哋話克麗歐‧歐德薩嘅嘢\n"


# --- a named encoding ----------------------------------------------------------------------


def test_named_encoding_overrides_detection() -> None:
    data = "中文".encode("cp950")
    assert decode(data, encoding="big5").encoding == "cp950"
    assert decode(data, encoding="latin-1") == Loaded(data.decode("latin-1"), "iso8859-1", "<text>")


@pytest.mark.parametrize(
    ("name", "canonical"), [("UTF8", "utf-8"), ("cp936", "gbk"), ("Big5-HKSCS", "big5hkscs")]
)
def test_named_encoding_is_reported_by_its_canonical_name(name: str, canonical: str) -> None:
    assert decode("中文".encode(canonical), encoding=name).encoding == canonical


def test_named_utf8_on_a_bom_marked_file_drops_the_mark() -> None:
    loaded = decode(b"\xef\xbb\xbf" + "中文".encode(), encoding="utf-8")
    assert (loaded.text, loaded.encoding) == ("中文", "utf-8-sig")


@pytest.mark.parametrize("name", ["foo", "", "utf-9", "base64", "rot13", "a\x00b"])
def test_unknown_encoding(name: str) -> None:
    with pytest.raises(ZhreadError, match=f"unknown encoding {name!r}".replace("\\", "\\\\")):
        decode(b"abc", encoding=name)


def test_bytes_that_do_not_decode_with_the_named_encoding_give_the_offset() -> None:
    with pytest.raises(ZhreadError) as caught:
        decode(b"abc\xffdef", encoding="utf-8", source="book.txt")
    assert str(caught.value) == "book.txt: does not decode as utf-8 (byte 0xff at offset 3)"


def test_offset_counts_the_bom() -> None:
    with pytest.raises(ZhreadError, match="offset 5"):
        decode(b"\xef\xbb\xbfab\xff", encoding="utf-8-sig")


@pytest.mark.parametrize(
    ("data", "name"),
    [(b"\x00\xd8", "utf-16-le"), (b"\\ud800", "unicode_escape"), (b"+2AA-", "utf-7")],
)
def test_a_named_encoding_never_yields_lone_surrogates(data: bytes, name: str) -> None:
    with pytest.raises(ZhreadError, match="does not decode"):
        decode(data, encoding=name)


# --- empty and binary ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"   \n\t\r\n",
        b"\xef\xbb\xbf",
        b"\xff\xfe",
        b"\xef\xbb\xbf \n",
        "\u3000\n".encode("gbk"),
    ],
)
def test_empty(data: bytes) -> None:
    with pytest.raises(ZhreadError, match="file is empty"):
        decode(data)


def test_empty_with_a_named_encoding() -> None:
    with pytest.raises(ZhreadError, match="file is empty"):
        decode(b"  ", encoding="big5")


PNG = bytes.fromhex("89504e470d0a1a0a0000000d49484452000000100000001008060000001ff3ff61")


@pytest.mark.parametrize(
    "data",
    [
        PNG,
        b"\x00" * 64,
        b"abc\x00\x00\x00def\x00",
        b"\x7fELF\x02\x01\x01\x00" + bytes(8) + b"\x02\x00>\x00",
        random.Random(0).randbytes(4096),
        bytes(b for b in random.Random(1).randbytes(4096) if b),  # random, without NULs
        b"\x01\x02\x03\x04\x05\x06\xb0\xa1",  # decodes as GB, but mostly control characters
    ],
)
def test_binary(data: bytes) -> None:
    with pytest.raises(ZhreadError, match=r"not a text file \(looks binary\)"):
        decode(data)


def test_nul_in_a_named_encoding_is_binary() -> None:
    with pytest.raises(ZhreadError, match="looks binary"):
        decode(PNG, encoding="latin-1")


# --- files and stdin -----------------------------------------------------------------------


def test_load_path_keeps_the_path_as_given(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes("中文".encode("cp950"))
    assert load_path(path) == Loaded("中文", "cp950", str(path))
    assert load_path(str(path), encoding="big5").source == str(path)


def test_load_path_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    with pytest.raises(ZhreadError) as caught:
        load_path(path)
    assert str(caught.value) == f"{path}: file is empty"
    assert caught.value.path == str(path)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ZhreadError, match="no such file"):
        load_path(tmp_path / "missing.txt")
    with pytest.raises(ZhreadError, match="no such file"):
        load_path(tmp_path / "missing" / "deeper.txt")


def test_directory(tmp_path: Path) -> None:
    with pytest.raises(ZhreadError, match="is a directory"):
        load_path(tmp_path)


def test_permission_denied(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "secret.txt"
    path.write_text("中文", encoding="utf-8")

    def refuse(self: Path, *args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "open", refuse)  # root ignores chmod 000, so simulate it
    with pytest.raises(ZhreadError, match="permission denied"):
        load_path(path)


def test_other_os_errors_become_zhread_errors(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(self: Path, *args: object, **kwargs: object) -> None:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(Path, "open", broken)
    with pytest.raises(ZhreadError, match="Input/output error"):
        load_path(tmp_path / "x.txt")


def test_nul_in_the_path() -> None:
    with pytest.raises(ZhreadError):
        load_path("bad\x00name.txt")


def test_too_large_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(loading, "MAX_BYTES", 10)
    path = tmp_path / "big.txt"
    path.write_bytes(b"x" * 11)
    with pytest.raises(ZhreadError, match=r"too large \(11 bytes; the limit is 10 bytes\)"):
        load_path(path)
    with pytest.raises(ZhreadError, match="too large"):
        decode(b"x" * 11)
    with pytest.raises(ZhreadError, match="too large"):
        load_stdin(io.BytesIO(b"x" * 11))
    assert decode(b"x" * 10).text == "x" * 10


def test_the_cap_is_generous() -> None:
    assert MAX_BYTES >= 32 * 1024 * 1024


def test_load_stdin_from_a_stream() -> None:
    loaded = load_stdin(io.BytesIO("中文\r\n".encode("gbk")))
    assert loaded == Loaded("中文\n", "gb18030", "<stdin>")


def test_load_stdin_reads_sys_stdin_buffer(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO("中文".encode("big5"))))
    assert load_stdin(encoding="big5") == Loaded("中文", "cp950", "<stdin>")


def test_load_stdin_errors_name_stdin() -> None:
    with pytest.raises(ZhreadError) as caught:
        load_stdin(io.BytesIO(b""))
    assert str(caught.value) == "<stdin>: file is empty"


def test_load_stdin_read_error() -> None:
    class Broken(io.RawIOBase):
        def readinto(self, buffer: object) -> int:
            raise OSError(5, "Input/output error")

    with pytest.raises(ZhreadError, match="cannot read"):
        load_stdin(Broken())  # type: ignore[arg-type]


# --- properties ----------------------------------------------------------------------------


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text())
def test_any_utf8_text_round_trips(s: str) -> None:
    data = s.encode("utf-8")
    if "\x00" in s:
        # NUL bytes are never UTF-8 text (the git rule): UTF-16, or binary, but no crash.
        with contextlib.suppress(ZhreadError):
            decode(data)
        return
    body = s.removeprefix("\ufeff")  # a leading U+FEFF in UTF-8 *is* the UTF-8 BOM
    if not body.strip():
        with pytest.raises(ZhreadError, match="file is empty"):
            decode(data)
        return
    loaded = decode(data)
    assert loaded.text == normalised(body)
    assert loaded.encoding == ("utf-8-sig" if body != s else "utf-8")


ENCODINGS = [
    None,
    None,
    None,
    "utf-8",
    "utf-16",
    "gbk",
    "big5",
    "utf-7",
    "unicode_escape",
    "idna",
    "punycode",
    "latin-1",
    "shift_jis",
    "nope",
]


@pytest.mark.filterwarnings("ignore:invalid escape sequence:DeprecationWarning")
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=600), st.sampled_from(ENCODINGS))
def test_random_bytes_give_text_or_a_zhread_error(data: bytes, encoding: str | None) -> None:
    try:
        loaded = decode(data, encoding=encoding)
    except ZhreadError:
        return
    assert isinstance(loaded, Loaded)
    assert "\r" not in loaded.text
    assert not any("\ud800" <= ch <= "\udfff" for ch in loaded.text)
    assert loaded.text.strip()


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.sampled_from(han_lines(encodable(TRADITIONAL, "cp950"), 6)),
        min_size=1,
        max_size=4,
    )
)
def test_big5_never_comes_out_as_gb_mojibake(lines: list[str]) -> None:
    text = "\n".join(lines)
    assert decode(text.encode("cp950")).text == text
