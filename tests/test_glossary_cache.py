"""The compiled glossary cache: the same entries as the YAML, found by content, never trusted
when damaged; and libyaml's fast read giving what the checking loader gives."""

from __future__ import annotations

from pathlib import Path

import yaml

from tui.core.glossary import loader
from tui.core.glossary.bundled import builtin_glossary_path
from tui.core.glossary.compiled import load_compiled
from tui.core.glossary.loader import load_glossary, parse_glossary

TWO = """terms:
  - id: wafer
    hans: 晶圆
    hant: 晶圓
    pinyin: jīng yuán
    en: wafer
    category: semiconductors
    definition: A thin disc of silicon that chips are made on.
"""


def test_the_cache_gives_the_entries_the_yaml_gives(tmp_path: Path) -> None:
    path = builtin_glossary_path()
    first = load_compiled(path, tmp_path)
    (cached,) = (tmp_path / "glossary").glob("*.json")
    again = load_compiled(path, tmp_path)
    assert list(again.entries.values()) == list(load_glossary(path).entries.values())
    assert list(first.entries.values()) == list(again.entries.values())
    text = "台積電的CoWoS與晶片"
    assert again.match(text) == first.match(text)
    assert cached.exists()


def test_changed_content_misses_and_replaces_the_old_cache(tmp_path: Path) -> None:
    path = tmp_path / "g.yaml"
    path.write_text(TWO, encoding="utf-8")
    assert "wafer" in load_compiled(path, tmp_path / "cache")
    path.write_text(TWO.replace("wafer", "silicon-wafer"), encoding="utf-8")
    glossary = load_compiled(path, tmp_path / "cache")
    assert "silicon-wafer" in glossary and "wafer" not in glossary
    assert len(list((tmp_path / "cache" / "glossary").glob("*.json"))) == 1


def test_a_damaged_cache_is_only_a_miss(tmp_path: Path) -> None:
    path = tmp_path / "g.yaml"
    path.write_text(TWO, encoding="utf-8")
    load_compiled(path, tmp_path / "cache")
    (cached,) = (tmp_path / "cache" / "glossary").glob("*.json")
    cached.write_text('[{"id": "Not A Slug"}]', encoding="utf-8")
    assert list(load_compiled(path, tmp_path / "cache").entries) == ["wafer"]


def test_an_unwritable_cache_costs_only_time(tmp_path: Path) -> None:
    path = tmp_path / "g.yaml"
    path.write_text(TWO, encoding="utf-8")
    blocked = tmp_path / "file"
    blocked.write_text("not a directory", encoding="utf-8")
    assert list(load_compiled(path, blocked).entries) == ["wafer"]


def test_the_fast_read_is_the_checking_read() -> None:
    text = builtin_glossary_path().read_text(encoding="utf-8")
    fast = loader._fast_loader(text)
    assert fast is not None
    try:
        data = fast.get_data()
    finally:
        fast.dispose()
    assert data == yaml.safe_load(text)
    assert (
        parse_glossary(text).entries.keys() == load_glossary(builtin_glossary_path()).entries.keys()
    )
