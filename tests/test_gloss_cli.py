"""`zhread gloss` and `zhread glossary list/path`: output formats, layering, exit codes.

Most cases call ``main`` in-process (a subprocess costs a second of imports each); the exit
codes and standard input go through the real command.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import SAMPLE
from tui.cli import main
from tui.core.glossary.entries import Entry, Glossary, entry_data, entry_fields
from tui.core.glossary.layers import user_glossary_path
from tui.core.scripts.convert import shadow

ZHREAD = str(Path(sys.executable).with_name("zhread"))

EXTRA = """\
terms:
  - id: retrieval-augmented-generation
    hant: 檢索增強生成
    hans: 检索增强生成
    aliases: [RAG]
    pinyin: jiǎn suǒ zēng qiáng shēng chéng
    en: retrieval-augmented generation
    category: ai
    definition: Answering from documents | found for the question.
    see_also: [chiplet]
"""


def run_main(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def is_spelling(piece: str, entry: Entry) -> bool:
    """Whether ``piece`` is one of the entry's spellings, in either script (as matched)."""
    folded = {a.text.lower() for a in entry.aliases if a.ignore_case}
    spellings = set(entry.spellings())
    return (
        piece in spellings
        or shadow(piece) in {shadow(s) for s in spellings}
        or piece.lower() in folded
    )


@pytest.fixture(scope="module")
def sample_json(session_cache: Path, tmp_path_factory: pytest.TempPathFactory) -> dict:
    # module-scoped, so set up before the per-test user directories: isolate it here too
    home = tmp_path_factory.mktemp("gloss-json")
    env = os.environ | {
        "XDG_CACHE_HOME": str(session_cache),
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_DATA_HOME": str(home / "data"),
    }
    result = subprocess.run(
        [ZHREAD, "gloss", str(SAMPLE), "--json"], capture_output=True, env=env, timeout=60
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_gloss_json_keys(sample_json: dict) -> None:
    assert set(sample_json) == {"terms", "candidates"}
    term_keys = {
        "id",
        "en",
        "written",
        "other_forms",
        "hant",
        "hans",
        "tw",
        "hk",
        "pinyin",
        "category",
        "count",
        "occurrences",
        "text_note",
    }
    assert all(set(t) == term_keys for t in sample_json["terms"])
    candidate_keys = {"term", "en", "start", "end", "count", "known_id", "kind", "context"}
    assert all(set(c) == candidate_keys for c in sample_json["candidates"])
    assert sample_json["terms"] and sample_json["candidates"]


def test_gloss_json_offsets_slice_the_decoded_text(
    sample_json: dict, sample_text: str, glossary: Glossary
) -> None:
    firsts = []
    for term in sample_json["terms"]:
        entry = glossary.get(term["id"])
        assert term["count"] == len(term["occurrences"]) >= 1
        assert term["occurrences"] == sorted(term["occurrences"])
        for start, end in term["occurrences"]:
            assert is_spelling(sample_text[start:end], entry), (term["id"], start, end)
        firsts.append(term["occurrences"][0][0])
    assert firsts == sorted(firsts)  # in order of first occurrence
    for candidate in sample_json["candidates"]:
        assert sample_text[candidate["start"] : candidate["end"]] == candidate["term"]
    chiplet = next(t for t in sample_json["terms"] if t["id"] == "chiplet-packaging")
    assert chiplet["hant"] == "芯粒封裝" and chiplet["category"] == "semiconductors"
    chip = next(t for t in sample_json["terms"] if t["id"] == "chip")
    assert chip["written"] == ["晶元"] and chip["pinyin"] == "jīng yuán"  # as the article has it
    assert chip["other_forms"] == ["芯片", "晶片"] and "晶元" in chip["text_note"]
    for term in sample_json["terms"]:
        assert {sample_text[s:e] for s, e in term["occurrences"]} == set(term["written"])


def test_gloss_offsets_count_characters_of_decoded_standard_input() -> None:
    text = "前言\r\n研究人员用了知识蒸馏(knowledge distillation)。\r\n知识蒸馏很常见。\r\n"
    decoded = text.replace("\r\n", "\n")
    result = subprocess.run(
        [ZHREAD, "gloss", "-", "--json"],
        input=text.encode("gb18030"),
        capture_output=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    [distillation] = [t for t in data["terms"] if t["id"] == "knowledge-distillation"]
    pieces = [decoded[s:e] for s, e in distillation["occurrences"]]
    assert pieces == ["知识蒸馏", "knowledge distillation", "知识蒸馏"]
    [candidate] = data["candidates"]
    assert decoded[candidate["start"] : candidate["end"]] == "知识蒸馏" == candidate["term"]
    assert candidate["count"] == 2


def test_gloss_plain_lists_terms_then_candidates(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = run_main(capsys, "gloss", str(SAMPLE))
    assert code == 0
    terms, _, candidates = out.partition("\n\n")
    assert (
        "芯粒封裝/chiplet packaging  芯粒封装/小晶片封裝  xīn lì fēng zhuāng  chiplet packaging  ×"
    ) in terms
    assert "DeepSeek  深度求索  -  DeepSeek  ×" in terms  # a Latin term has no pinyin
    assert "晶元  芯片/晶片  jīng yuán  (semiconductor) chip  ×" in terms
    assert "漢娜·多門  Hanna Dohmen  ×1  pair  …" in candidates


def test_gloss_markdown_has_the_table_and_escapes_the_text(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    extra = tmp_path / "extra.yaml"
    extra.write_text(EXTRA, encoding="utf-8")
    story = tmp_path / "story.txt"
    story.write_text(
        "標題|*粗體*\n他們用了檢索增強生成技術，以及「管道」(pipe|line)。\n", encoding="utf-8"
    )
    code, out, _ = run_main(capsys, "gloss", str(story), "--md", "--glossary", str(extra))
    assert code == 0
    assert out.startswith("# Glossary: 標題\\|\\*粗體\\*\n")
    assert "| As written | Other forms | Pinyin | English | Count |" in out
    assert "| 檢索增強生成 | 检索增强生成 | jiǎn suǒ zēng qiáng shēng chéng | " in out
    assert "documents \\| found" in out  # from the glossary, still escaped
    [row] = [line for line in out.splitlines() if line.startswith("| 管道 |")]
    context = "檢索增強生成技術，以及「管道」(pipe\\|line)"
    assert row == f"| 管道 | pipe\\|line | 1 | pair | {context} | no |"


def test_gloss_on_the_sample_as_markdown(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_main(capsys, "gloss", str(SAMPLE), "--md")
    assert code == 0
    rows = [
        line for line in out.splitlines() if line.startswith("| 芯粒封裝 / chiplet packaging |")
    ]
    assert rows and rows[0].endswith("| chiplet packaging | 3 |")
    assert "## Definitions" in out and "`person-hanna-dohmen`" in out
    [hearing] = [line for line in out.splitlines() if line.startswith("- **聽證會**")]
    assert "In this text: The USCC's hearing" in hearing  # the sample's own notes


MAINLAND = "据新华社报道，国内企业正在为人工智能加快研发芯片，这些芯片的算力仍有差距。\n"
TAIWAN = "根據中央社報導，台積電將擴大先進製程產能，以滿足人工智慧對晶片的需求。\n"
ENGLISH = (
    "Chip makers race to meet demand for AI accelerators. Analysts say compute is scarce,\n"
    "and SFT and RL pipelines at OpenAI and DeepSeek need ever more chips.\n"
)


@pytest.mark.parametrize(
    ("text", "lines"),
    [
        (
            MAINLAND,
            [
                "人工智能  人工智慧  rén gōng zhì néng  artificial intelligence (AI)  ×1",
                "芯片  晶片/晶元  xīn piàn  (semiconductor) chip  ×2",
            ],
        ),
        (
            TAIWAN,
            [
                "人工智慧  人工智能  rén gōng zhì huì  artificial intelligence (AI)  ×1",
                "晶片  芯片/晶元  jīng piàn  (semiconductor) chip  ×1",  # read as written
            ],
        ),
    ],
)
def test_gloss_shows_terms_as_the_text_writes_them(
    text: str, lines: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    story = tmp_path / "story.txt"
    story.write_text(text, encoding="utf-8")
    code, out, _ = run_main(capsys, "gloss", str(story))
    assert code == 0
    assert all(line in out.splitlines() for line in lines), out


def test_gloss_of_a_text_without_chinese_lists_no_terms(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    story = tmp_path / "english.txt"
    story.write_text(ENGLISH, encoding="utf-8")
    code, out, _ = run_main(capsys, "gloss", str(story), "--json")
    assert code == 0 and json.loads(out) == {"terms": [], "candidates": []}


def test_gloss_of_another_text_has_none_of_the_samples_notes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    story = tmp_path / "hearing.txt"
    story.write_text("美國參議院昨天召開聽證會，研究員多門出席。\n", encoding="utf-8")
    code, out, _ = run_main(capsys, "gloss", str(story), "--md")
    assert code == 0 and "- **聽證會** (hearing)" in out and "多門" in out
    assert "In this text" not in out


def test_segment_and_gloss_take_several_glossaries(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    extra = tmp_path / "extra.yaml"
    extra.write_text(EXTRA, encoding="utf-8")
    override = tmp_path / "override.yaml"
    override.write_text(
        EXTRA.replace("en: retrieval-augmented generation", "en: RAG!"), encoding="utf-8"
    )
    story = tmp_path / "story.txt"
    story.write_text("檢索增強生成很有用。\n", encoding="utf-8")
    code, out, _ = run_main(capsys, "segment", str(story), "--glossary", str(extra))
    assert code == 0 and out.split(" ")[0] == "檢索增強生成"
    code, out, _ = run_main(
        capsys, "gloss", str(story), "--json", "--glossary", str(extra), "--glossary", str(override)
    )
    assert [t["en"] for t in json.loads(out)["terms"]] == ["RAG!"]


def test_glossary_list_json_is_the_merged_glossary(
    tmp_path: Path, glossary: Glossary, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run_main(capsys, "glossary", "list", "--json")
    assert code == 0
    entries = json.loads(out)
    assert [e["id"] for e in entries] == list(glossary.entries)
    assert entries[0] == entry_data(glossary.get(entries[0]["id"]))
    assert set(entries[0]) == set(entry_fields())
    user = user_glossary_path()
    user.parent.mkdir(parents=True)
    user.write_text(EXTRA, encoding="utf-8")
    code, out, _ = run_main(capsys, "glossary", "list", "--json")
    assert json.loads(out)[-1]["id"] == "retrieval-augmented-generation"
    code, out, _ = run_main(capsys, "glossary", "list")
    lines = out.splitlines()
    assert len(lines) == len(glossary) + 1
    assert lines[-1].startswith("retrieval-augmented-generation  檢索增強生成  检索增强生成  ")


def test_glossary_path_and_check(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run_main(capsys, "glossary", "path")[1] == f"{user_glossary_path()}\n"
    layer = tmp_path / "layer.yaml"
    layer.write_text(EXTRA, encoding="utf-8")  # see_also points at a built-in id
    code, out, _ = run_main(capsys, "glossary", "check", str(layer))
    assert code == 0 and out == f"{layer}: 1 entry, ok\n"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["gloss", "missing.txt"], "no such file"),
        (["gloss", str(SAMPLE), "--glossary", "missing.yaml"], "missing.yaml: no such glossary"),
        (["glossary", "list", "--glossary", "broken.yaml"], "broken.yaml:2:"),
        ([str(SAMPLE), "--glossary", "missing.yaml"], "missing.yaml"),
        (["gloss", str(SAMPLE), "--json", "--md"], "not allowed with"),
    ],
)
def test_problems_exit_2_with_one_line(args: list[str], message: str, tmp_path: Path) -> None:
    (tmp_path / "broken.yaml").write_text("terms:\n  - not an entry\n", encoding="utf-8")
    result = subprocess.run([ZHREAD, *args], capture_output=True, cwd=tmp_path, timeout=60)
    error = result.stderr.decode()
    assert result.returncode == 2
    assert message in error and "Traceback" not in error


def test_a_broken_user_glossary_stops_subcommands(capsys: pytest.CaptureFixture[str]) -> None:
    user = user_glossary_path()
    user.parent.mkdir(parents=True)
    user.write_text("terms:\n  - id: Bad\n", encoding="utf-8")
    code, out, err = run_main(capsys, "gloss", str(SAMPLE))
    assert code == 2 and out == ""
    assert err.startswith(f"zhread: {user}:2:") and err.count("\n") == 1


def test_a_broken_notes_file_stops_subcommands_with_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    story = tmp_path / "story.txt"
    story.write_text(TAIWAN, encoding="utf-8")
    notes = tmp_path / "story.notes.yaml"
    notes.write_text("notes:\n  Not An Id: x\n", encoding="utf-8")
    code, out, err = run_main(capsys, "gloss", str(story))
    assert code == 2 and out == ""
    assert err.startswith(f"zhread: {notes}:2:") and err.count("\n") == 1
