"""`zhread convert`: OpenCC's documented behaviour for every config, byte for byte, through the
command line; friendly targets; line ends kept; standard input; streaming in small chunks."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import SAMPLE
from tui.core.scripts.convert import convert
from tui.core.text.streaming import text_lines

ZHREAD = str(Path(sys.executable).with_name("zhread"))

# (input, expected) per config, written from OpenCC's published conversion rules: character
# tables for s2t/t2s, regional variants for tw/hk, phrase tables for the *p configs (the ones
# that change lengths), and Japanese shinjitai for t2jp/jp2t.
EXPECTED: dict[str, list[tuple[str, str]]] = {
    "s2t": [("汉字", "漢字"), ("头发", "頭髮"), ("乾燥", "乾燥")],
    "t2s": [("漢字", "汉字"), ("頭髮", "头发"), ("乾淨", "干净")],
    "s2tw": [("里面", "裡面"), ("着急", "著急")],
    "tw2s": [("裡面", "里面"), ("著急", "着急")],
    "s2twp": [
        ("方便面", "泡麵"),
        ("软件", "軟體"),
        ("鼠标", "滑鼠"),
        ("出租车", "計程車"),
        ("信息", "資訊"),
    ],
    "tw2sp": [
        ("軟體", "软件"),
        ("滑鼠", "鼠标"),
        ("演算法", "算法"),
        ("計程車", "出租车"),
        ("資訊", "信息"),
        ("矽谷", "硅谷"),
    ],
    "s2hk": [("里面", "裏面"), ("为什么", "為什麼")],
    "hk2s": [("裏面", "里面")],
    "s2hkp": [("软件", "軟件"), ("方便面", "方便麪")],
    "hk2sp": [("軟件", "软件")],
    "t2tw": [("裏面", "裡面")],
    "t2hk": [("裡面", "裡面")],
    "tw2t": [("裡面", "裏面")],
    "hk2t": [("裏面", "裏面")],
    "t2jp": [("廣國", "広国"), ("體", "体")],
    "jp2t": [("広国", "廣國"), ("体", "體")],
}


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([ZHREAD, *args], input=stdin, capture_output=True, timeout=120)


@pytest.mark.parametrize("config", sorted(EXPECTED))
def test_opencc_expectations_through_the_command(config: str, tmp_path: Path) -> None:
    source = tmp_path / "in.txt"
    source.write_text("\n".join(i for i, _ in EXPECTED[config]) + "\n", encoding="utf-8")
    result = run("convert", str(source), "--config", config)
    assert result.returncode == 0, result.stderr
    assert result.stdout.decode().split("\n")[:-1] == [o for _, o in EXPECTED[config]]


def test_whole_sample_byte_for_byte_with_crlf(tmp_path: Path, sample_text: str) -> None:
    crlf = tmp_path / "crlf.txt"
    crlf.write_bytes(sample_text.replace("\n", "\r\n").encode("utf-8"))
    for config in ("t2s", "tw2sp", "s2twp"):
        result = run("convert", str(crlf), "--config", config)
        expected = convert(sample_text.replace("\n", "\r\n"), config).encode("utf-8")
        assert result.stdout == expected


def test_targets_detect_the_source(sample_text: str) -> None:
    simplified = run("convert", str(SAMPLE), "--to", "hans").stdout.decode()
    assert simplified == convert(sample_text, "tw2s")
    phrased = run("convert", str(SAMPLE), "--to", "hans", "--phrases").stdout.decode()
    assert phrased == convert(sample_text, "tw2sp") and "算法" in phrased
    simplified = convert(sample_text, "tw2sp").encode("utf-8")
    back = run("convert", "-", "--to", "tw", "--phrases", stdin=simplified).stdout.decode()
    assert back == convert(convert(sample_text, "tw2sp"), "s2twp")


def test_stdin_in_big5_is_decoded_then_converted() -> None:
    result = run("convert", "-", "--config", "t2s", stdin="銀行的長期計劃\r\n".encode("big5"))
    assert result.stdout.decode() == "银行的长期计划\r\n"


def test_streaming_in_tiny_chunks_gives_the_same_text(tmp_path: Path, sample_text: str) -> None:
    path = tmp_path / "s.txt"
    data = sample_text.replace("\n", "\r\n") * 3
    path.write_bytes(data.encode("gb18030"))
    assert "".join(text_lines(str(path), chunk=7)) == data
    assert "".join(text_lines(str(path), encoding="gb18030", chunk=4096)) == data


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["convert", "nope.txt", "--to", "hans"], "no such file"),
        (["convert", str(SAMPLE), "--config", "x2y"], "unknown conversion config 'x2y'"),
        (["convert", str(SAMPLE), "--to", "hans", "--encoding", "nope"], "unknown encoding"),
    ],
)
def test_errors(args: list[str], message: str) -> None:
    result = run(*args)
    assert result.returncode == 2 and message in result.stderr.decode()
    assert result.stderr.decode().count("\n") == 1


# --- line for line ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "data",
    ["你好世界\n", "你好世界", "软件\r\n里面\r\n", "软件\n\n\n里面\n", "\n软件\n\n", "软件\r里面"],
)
def test_one_output_line_per_input_line_with_the_line_ends_kept(data: str) -> None:
    out = run("convert", "-", "--to", "hant", stdin=data.encode()).stdout.decode()
    assert out.splitlines(keepends=True) == [
        convert(line, "s2tw") for line in data.splitlines(keepends=True)
    ]


def test_a_page_gives_its_lines_and_one_newline_at_the_end(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text("<html><body><p>软件</p><p>里面</p></body></html>", encoding="utf-8")
    assert run("convert", str(page), "--to", "hant").stdout.decode() == "軟件\n裡面\n"


# --- hant follows the reader's region --------------------------------------------------------

#: 華為 (Huawei) and 為 are what Taiwan and Hong Kong print; OpenCC's own standard has 爲.
SIMPLIFIED = "华为说，这是为什么。里面\n"


def hant(*args: str, config: str | None = None, tmp_path: Path | None = None) -> str:
    env = dict(os.environ)
    if config is not None and tmp_path is not None:
        (tmp_path / "config.toml").write_text(config, encoding="utf-8")
        env["ZHREAD_CONFIG"] = str(tmp_path / "config.toml")
    result = subprocess.run(
        [ZHREAD, "convert", "-", "--to", "hant", *args],
        input=SIMPLIFIED.encode(),
        capture_output=True,
        env=env,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.decode()


@pytest.mark.smoke
def test_hant_is_taiwan_standard_when_nothing_says_otherwise() -> None:
    out = hant()
    assert out == "華為說，這是為什麼。裡面\n" == convert(SIMPLIFIED, "s2tw")
    assert "爲" not in out


def test_hant_follows_the_script_setting(tmp_path: Path) -> None:
    assert hant(config='script = "hk"\n', tmp_path=tmp_path) == convert(SIMPLIFIED, "s2hk")
    assert "裏面" in convert(SIMPLIFIED, "s2hk")
    assert hant(config='script = "tw"\n', tmp_path=tmp_path) == convert(SIMPLIFIED, "s2tw")


def test_hant_follows_the_script_the_reader_last_chose() -> None:
    from tui.store.settings import save_remembered

    save_remembered({"script": "hk"})
    assert hant() == convert(SIMPLIFIED, "s2hk")


def test_an_explicit_region_wins_over_the_setting(tmp_path: Path) -> None:
    assert hant("--region", "tw", config='script = "hk"\n', tmp_path=tmp_path) == convert(
        SIMPLIFIED, "s2tw"
    )
    assert hant("--region", "hk") == convert(SIMPLIFIED, "s2hk")
    assert hant("--phrases") == convert(SIMPLIFIED, "s2twp")


def test_traditional_text_stays_in_the_readers_standard() -> None:
    """A Taiwan text asked for in Traditional is left in Taiwan's standard, not turned into
    OpenCC's (裡 -> 裏, 為 stays)."""
    taiwan = "華為說，這是為什麼。裡面有軟體。\n"
    result = subprocess.run(
        [ZHREAD, "convert", "-", "--to", "hant"],
        input=taiwan.encode(),
        capture_output=True,
        timeout=120,
    )
    assert result.stdout.decode() == taiwan
