"""The command line: subcommands, their output formats, and one-line errors with exit code 2."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import SAMPLE
from tui.core.scripts.convert import convert

ZHREAD = str(Path(sys.executable).with_name("zhread"))


def run(*args: str, stdin: bytes | None = None, command: list[str] | None = None):
    return subprocess.run(
        [*(command or [ZHREAD]), *args], input=stdin, capture_output=True, timeout=120
    )


@pytest.mark.smoke
def test_version_and_help() -> None:
    from tui import __version__

    version = run("--version")
    assert version.returncode == 0 and version.stdout.decode().strip() == f"zhread {__version__}"
    helped = run("--help").stdout.decode()
    for word in ("segment", "convert", "glossary", "--encoding", "examples"):
        assert word in helped
    for command in ("segment", "convert", "glossary"):
        assert run(command, "--help").returncode == 0


def test_python_dash_m_is_the_same_command() -> None:
    result = run("--version", command=[sys.executable, "-m", "tui"])
    assert result.returncode == 0 and result.stdout.decode().startswith("zhread ")


@pytest.mark.smoke
def test_segment_plain_keeps_lines_and_drops_whitespace(tmp_path: Path) -> None:
    source = tmp_path / "a.txt"
    source.write_text("中國企業DeepSeek推出模型。\n\n  監督微調 (SFT)\n", encoding="utf-8")
    out = run("segment", str(source)).stdout.decode()
    lines = out.split("\n")
    assert len(lines) == 4 and lines[-1] == ""  # three lines in, three out
    assert lines[1] == ""
    assert "DeepSeek" in lines[0].split(" ") and "。" in lines[0].split(" ")
    assert lines[2].split(" ") == ["監督微調", "(", "SFT", ")"]


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"\xe4\xbd\xa0\xe5\xa5\xbd\xe4\xb8\x96\xe7\x95\x8c\n", "你好 世界\n"),
        ("你好世界".encode(), "你好 世界\n"),  # no newline at the end: still its own line
        ("你好\r\n世界\r\n".encode(), "你好\n世界\n"),
        ("你好\n\n\n世界\n".encode(), "你好\n\n\n世界\n"),
        ("\n你好\n\n".encode(), "\n你好\n\n"),
        ("你好  \n  ".encode(), "你好\n\n"),  # a last line of spaces is a line
    ],
)
def test_segment_prints_one_line_per_input_line(data: bytes, expected: str) -> None:
    result = run("segment", "-", stdin=data)
    assert result.returncode == 0
    assert result.stdout.decode() == expected


def test_segment_json_offsets_point_into_the_decoded_text(sample_text: str) -> None:
    result = run("segment", str(SAMPLE), "--json")
    assert result.returncode == 0
    tokens = json.loads(result.stdout)["tokens"]
    assert "".join(t["text"] for t in tokens) == sample_text
    for token in tokens:
        assert sample_text[token["start"] : token["end"]] == token["text"]
        assert token["kind"] in {"han", "latin", "number", "punct", "space", "other"}
    assert any(t["text"] == "芯粒封裝" for t in tokens)


def test_segment_reads_stdin_in_any_encoding() -> None:
    text = "銀行的長期計劃"
    result = run("segment", "-", stdin=text.encode("big5"))
    assert result.returncode == 0
    assert result.stdout.decode().strip().replace(" ", "") == text


@pytest.mark.parametrize("config", ["t2s", "s2twp", "tw2sp", "hk2s"])
def test_convert_matches_opencc(config: str, sample_text: str) -> None:
    result = run("convert", str(SAMPLE), "--config", config)
    assert result.returncode == 0
    assert result.stdout.decode() == convert(sample_text, config)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["missing.txt"], "no such file"),
        (["segment", "missing.txt"], "no such file"),
        (["convert", str(SAMPLE), "--config", "zz"], "unknown conversion config 'zz'"),
        (["segment", str(SAMPLE), "--encoding", "klingon"], "unknown encoding 'klingon'"),
        (["glossary", "check", "missing.yaml"], "missing.yaml"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(args: list[str], message: str, tmp_path: Path) -> None:
    result = subprocess.run([ZHREAD, *args], capture_output=True, cwd=tmp_path, timeout=60)
    error = result.stderr.decode()
    assert result.returncode == 2
    assert message in error
    assert error.count("\n") == 1 and "Traceback" not in error


@pytest.mark.parametrize(
    ("content", "message"),
    [(b"", "empty"), (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary")],
)
def test_empty_and_binary_files_are_refused(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    for args in ([str(path)], ["segment", str(path)]):
        result = run(*args)
        assert result.returncode == 2
        assert message in result.stderr.decode() and str(path) in result.stderr.decode()


def test_directory_is_refused(tmp_path: Path) -> None:
    result = run(str(tmp_path))
    assert result.returncode == 2 and "directory" in result.stderr.decode()


def test_broken_glossary_is_refused_before_the_reader_starts(tmp_path: Path) -> None:
    broken = tmp_path / "g.yaml"
    broken.write_text("terms:\n  - id: x\n    hant: [unclosed\n", encoding="utf-8")
    result = run(str(SAMPLE), "--glossary", str(broken))
    assert result.returncode == 2
    assert f"{broken}:" in result.stderr.decode()
