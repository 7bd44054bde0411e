"""`zhread skim`: the three output formats, standard input, the glossary option, errors.

Most cases call ``main`` in-process (a subprocess costs a second of imports each); standard
input and the exit code go through the real command once each.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import SAMPLE
from tui.cli import COMMANDS, main

ZHREAD = str(Path(sys.executable).with_name("zhread"))
KEYS = ["people", "organisations", "places", "quotes", "keywords", "outline", "stats"]
ENTITY_KEYS = {"name", "english", "english_source", "english_note", "role", "count", "occurrences"}


def run_main(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_json_has_exactly_the_documented_keys(capsys) -> None:
    code, out, _ = run_main(capsys, "skim", str(SAMPLE), "--json")
    report = json.loads(out)
    assert code == 0 and list(report) == KEYS
    text = SAMPLE.read_text(encoding="utf-8")
    for section in ("people", "organisations", "places"):
        for entity in report[section]:
            assert set(entity) == ENTITY_KEYS
            assert entity["count"] == len(entity["occurrences"])
    for quote in report["quotes"]:
        assert set(quote) == {"text", "speaker", "start", "end"}
        assert text[quote["start"] : quote["end"]] == quote["text"]
    dohmen = next(p for p in report["people"] if p["name"] == "漢娜·多門")
    assert dohmen["english"] == "Hanna Dohmen" and dohmen["role"].endswith("研究分析員")
    assert {q["speaker"] for q in report["quotes"]} == {
        "漢娜·多門",
        "戴維·林",
        "盧茨·芬格",
        "戴維·尹",
    }
    assert report["stats"]["paragraphs"] == len(report["outline"]) + 2  # credit, copyright


def test_plain_output_lists_each_section(capsys) -> None:
    code, out, _ = run_main(capsys, "skim", str(SAMPLE))
    assert code == 0
    for heading in ("People", "Organisations", "Places", "Quotes", "Keywords", "Outline", "Stats"):
        assert f"\n{heading}\n" in f"\n{out}"
    assert "漢娜·多門 (Hanna Dohmen), 美國喬治敦大學安全與新興技術中心研究分析員 ×5" in out
    assert "戴維·林: 「如果你在三個月前問我" in out


def test_markdown_report(capsys) -> None:
    code, out, _ = run_main(capsys, "skim", str(SAMPLE), "--md")
    assert code == 0 and out.startswith("# Skim: ")
    assert "| 戴維·林 | David Lin | 前美國國務院外交官 | 7 |" in out
    assert "## Quotes" in out and "> — 盧茨·芬格" in out


def test_a_glossary_file_adds_english(tmp_path, capsys) -> None:
    extra = tmp_path / "extra.yaml"
    extra.write_text(
        "terms:\n  - id: person-altman-cn\n    hant: 奧爾特曼\n    hans: 奥尔特曼\n"
        "    pinyin: ào ěr tè màn\n    en: Sam Altman (OpenAI)\n    category: person\n"
        "    definition: The chief executive of OpenAI.\n",
        encoding="utf-8",
    )
    code, out, _ = run_main(capsys, "skim", str(SAMPLE), "--json", "--glossary", str(extra))
    people = {p["name"]: p for p in json.loads(out)["people"]}
    assert code == 0 and people["奧爾特曼"]["english"] == "Sam Altman (OpenAI)"


def test_standard_input_and_bad_input() -> None:
    text = "約翰·史密斯表示，「我們會繼續努力，直到成功。」\n"
    done = subprocess.run(
        [ZHREAD, "skim", "-", "--json"], input=text.encode(), capture_output=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report["quotes"][0]["speaker"] == "約翰·史密斯"
    missing = subprocess.run(
        [ZHREAD, "skim", "/nonexistent/story.txt"], capture_output=True, text=True, timeout=120
    )
    assert missing.returncode == 2
    assert missing.stderr.startswith("zhread: ") and len(missing.stderr.splitlines()) == 1


def test_registered_with_help_and_examples(capsys) -> None:
    assert "skim" in COMMANDS
    with pytest.raises(SystemExit):
        main(["skim", "--help"])
    out = capsys.readouterr().out
    assert "examples:" in out and "--json" in out and "--md" in out
