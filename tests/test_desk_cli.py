"""`zhread skim FOLDER`: the desk as JSON and Markdown, and a cache that makes a second
build skim nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.pageserver import site
from tui.cli import main
from tui.store.desk import build_desk, desk_cache

__all__ = ["site"]  # the fixture, used by name

NEWS = Path(__file__).parent / "data" / "news"
STORIES = ["x-real-tw-mccarthy", "x-real-tw-rights-day", "cn-chip-export"]


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """Three stories, each with a line naming this test's folder, so their cache entries
    are this test's alone."""
    desk = tmp_path / "desk"
    desk.mkdir()
    for name in STORIES:
        text = (NEWS / f"{name}.txt").read_text(encoding="utf-8")
        (desk / f"{name}.txt").write_text(f"{text}\n\n{tmp_path.name}\n", encoding="utf-8")
    (desk / "notes.yaml").write_text("not a story", encoding="utf-8")  # not a document
    return desk


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["skim", *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_json_has_every_field(capsys, folder: Path) -> None:
    code, out, _ = run(capsys, str(folder), "--json")
    desk = json.loads(out)
    assert code == 0
    assert list(desk) == ["documents", "entities", "quotes", "terms", "timeline", "skipped"]
    assert [Path(d["source"]).stem for d in desk["documents"]] == sorted(STORIES)
    assert set(desk["documents"][0]) == {"source", "title", "region", "date", "digest"}
    tsai = next(e for e in desk["entities"] if e["name"] == "蔡英文")
    assert set(tsai) == {"name", "kind", "english", "forms", "appearances", "count"}
    assert [a["document"] for a in tsai["appearances"]] == [1, 2]
    assert tsai["count"] == sum(a["count"] for a in tsai["appearances"])
    for quote in desk["quotes"]:
        text = Path(desk["documents"][quote["document"]]["source"]).read_text(encoding="utf-8")
        assert text[quote["start"] : quote["end"]] == quote["text"]
    assert all(len(t["documents"]) >= 2 for t in desk["terms"])


def test_markdown_names_each_quotes_document_and_paragraph(capsys, folder: Path) -> None:
    code, out, _ = run(capsys, str(folder), "--md")
    assert code == 0
    for heading in (
        "## People",
        "## Organisations",
        "## Places",
        "## Quotes",
        "## Terms",
        "## Timeline",
    ):
        assert f"\n{heading}\n" in out
    assert "| 蔡英文 |" in out and "| 2 ×" in out
    assert "> 我要向您以及所有為人權付出的前輩，致上最深的敬意\n>\n> — 蔡英文, document 3 " in out
    assert "paragraph 4" in out


def test_a_second_build_skims_nothing(folder: Path, glossary) -> None:
    sources = [str(p) for p in sorted(folder.glob("*.txt"))]
    counts: dict[str, int] = {}
    seen: list[tuple[int, int, str]] = []
    first = build_desk(
        sources, glossary, workers=1, counts=counts, progress=lambda *a: seen.append(a)
    )
    assert counts == {"skimmed": 3, "cached": 0}
    assert [(done, total) for done, total, _ in seen] == [(1, 3), (2, 3), (3, 3)]
    again = build_desk(sources, glossary, workers=1, counts=counts)
    assert counts == {"skimmed": 0, "cached": 3} and again == first


def test_a_damaged_cache_entry_is_skimmed_again(folder: Path, glossary) -> None:
    sources = [str(p) for p in sorted(folder.glob("*.txt"))]
    before = set(desk_cache().glob("*.json"))
    first = build_desk(sources, glossary, workers=1)
    mine = sorted(set(desk_cache().glob("*.json")) - before)
    assert len(mine) == 3
    mine[0].write_text("{ damaged", encoding="utf-8")
    counts: dict[str, int] = {}
    assert build_desk(sources, glossary, workers=1, counts=counts) == first
    assert counts == {"skimmed": 1, "cached": 2}
    assert json.loads(mine[0].read_text(encoding="utf-8"))["document"]["digest"]


def test_an_unreadable_file_is_skipped_and_said(capsys, folder: Path) -> None:
    code, out, err = run(
        capsys, str(folder / "cn-chip-export.txt"), str(folder / "missing.txt"), "--json"
    )
    assert code == 0
    assert json.loads(out)["skipped"][0]["source"].endswith("missing.txt")
    assert "skipped" in err and "missing.txt" in err


def test_a_folder_without_documents_is_a_one_line_error(capsys, tmp_path: Path) -> None:
    code, _, err = run(capsys, str(tmp_path))
    assert code == 2 and "no documents" in err and "Traceback" not in err


def test_a_page_by_its_address_is_a_document(capsys, folder: Path, site: str) -> None:
    code, out, err = run(
        capsys, f"{site}/utf8.html", str(folder / "cn-chip-export.txt"), f"{site}/gone", "--md"
    )
    assert code == 0
    assert f"(undated), {site}/utf8.html" in out and "城市交通的新變化" in out
    assert f"skipped {site}/gone: " in err
