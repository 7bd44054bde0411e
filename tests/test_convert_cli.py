"""`zhread convert`: OpenCC's documented behaviour for every config, byte for byte, through the
command line; friendly targets; line ends kept; standard input; streaming in small chunks."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import SAMPLE
from tui.core.convert import convert
from tui.core.streaming import text_lines

ZHREAD = str(Path(sys.executable).with_name("zhread"))

# (input, expected) per config, written from OpenCC's published conversion rules: character
# tables for s2t/t2s, regional variants for tw/hk, phrase tables for the *p configs (the ones
# that change lengths), and Japanese shinjitai for t2jp/jp2t.
EXPECTED: dict[str, list[tuple[str, str]]] = {
    "s2t": [("汉字", "漢字"), ("头发", "頭髮"), ("乾燥", "乾燥")],
    "t2s": [("漢字", "汉字"), ("頭髮", "头发"), ("乾淨", "干净")],
    "s2tw": [("里面", "裡面"), ("着急", "著急")],
    "tw2s": [("裡面", "里面"), ("著急", "着急")],
    "s2twp": [("方便面", "泡麵"), ("软件", "軟體"), ("鼠标", "滑鼠"), ("出租车", "計程車"),
              ("信息", "資訊")],
    "tw2sp": [("軟體", "软件"), ("滑鼠", "鼠标"), ("演算法", "算法"), ("計程車", "出租车"),
              ("資訊", "信息"), ("矽谷", "硅谷")],
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
    assert run("convert", str(SAMPLE), "--to", "hans").stdout.decode() == convert(sample_text, "tw2s")
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
