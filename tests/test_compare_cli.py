"""`zhread compare`: the report in three formats, standard input for one side, errors.

Most cases call ``main`` in-process; standard input and the exit code go through the real
command once each.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tui.cli import COMMANDS, main

ZHREAD = str(Path(sys.executable).with_name("zhread"))
DATA = Path(__file__).parent / "data" / "compare"
MAINLAND = DATA / "mainland.txt"
TAIWAN = DATA / "taiwan.txt"


def run_main(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_the_command_is_registered() -> None:
    assert "compare" in COMMANDS


def test_plain_report_has_the_summary_and_each_difference_as_written(capsys) -> None:
    code, out, _ = run_main(capsys, "compare", str(MAINLAND), str(TAIWAN))
    assert code == 0
    lines = out.splitlines()
    assert lines[2] == (
        "paragraphs: 5 matched, 1 only in A, 0 only in B; sentences: 4 differing, "
        "0 only in A, 1 only in B; differences: 3 regional, 2 name, 1 wording"
    )
    assert "only in A, paragraph at 76-99: 一位不愿具名的官员说，政府已经为此准备了半年。" in lines
    assert "only in B, sentence at 111-125: 業者預計價格將在年底前上漲。" in lines
    assert "    name      特朗普 (4-7)  →  川普 (4-6)  [glossary]" in lines
    assert "    regional  软件 (16-18)  →  軟體 (15-17)  [regional list]" in lines
    assert "    wording   没有 (179-181)  →  並未 (166-168)" in lines
    assert "未来" not in out  # the quoted sentence differs only in script and quote marks


def test_json_has_everything_with_offsets_into_the_originals(capsys) -> None:
    code, out, _ = run_main(capsys, "compare", str(MAINLAND), str(TAIWAN), "--json")
    assert code == 0
    data = json.loads(out)
    assert set(data) == {"a", "b", "paragraphs", "only_a", "only_b", "differing", "summary"}
    assert data["summary"]["regional"] == 3 and data["summary"]["name"] == 2
    a_text = MAINLAND.read_text(encoding="utf-8")
    b_text = TAIWAN.read_text(encoding="utf-8")
    for paragraph in data["paragraphs"]:
        for pair in paragraph["sentences"]:
            for difference in pair["differences"]:
                a, b = difference["a"], difference["b"]
                assert a_text[a["start"] : a["end"]] == a["text"]
                assert b_text[b["start"] : b["end"]] == b["text"]
    (dropped,) = data["only_a"]
    assert a_text[dropped["start"] : dropped["end"]] == dropped["text"]


def test_markdown_quotes_the_sentences_and_lists_the_differences(capsys) -> None:
    code, out, _ = run_main(capsys, "compare", str(MAINLAND), str(TAIWAN), "--md")
    assert code == 0
    assert out.startswith("# Comparing ")
    assert "> A 0-25: 美国总统特朗普周二宣布，将对进口软件征收新的关税。" in out
    assert "- regional  信息 (44-46)  →  資訊 (43-45)  \\[regional list\\]" in out


def test_markdown_marks_in_a_story_are_escaped(tmp_path: Path, capsys) -> None:
    (tmp_path / "a.txt").write_text("他说*很好*。\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("他說*非常好*。\n", encoding="utf-8")
    _, out, _ = run_main(
        capsys, "compare", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "--md"
    )
    assert r"\*很好\*" in out and "*很好*" not in out.replace(r"\*", "")


def test_one_side_from_standard_input() -> None:
    done = subprocess.run(
        [ZHREAD, "compare", str(MAINLAND), "-", "--json"],
        input=TAIWAN.read_bytes(),
        capture_output=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert data["b"] == "standard input"
    assert data["summary"]["paragraphs_only_a"] == 1


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["-", "-"], "only one of the two versions can be read from standard input"),
        (["missing-file.txt", str(TAIWAN)], "missing-file.txt"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(args: list[str], message: str) -> None:
    done = subprocess.run(
        [ZHREAD, "compare", *args], capture_output=True, timeout=120, stdin=subprocess.DEVNULL
    )
    assert done.returncode == 2
    err = done.stderr.decode()
    assert len(err.strip().splitlines()) == 1 and message in err
    assert "Traceback" not in err
