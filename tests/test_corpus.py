"""The corpus of real texts in tests/data/texts is only useful if it can be trusted: every file
must carry a licence and a source, its gold annotations must really occur in it, and nothing may
sit in the folder without a manifest entry, so an unlicensed or unlabelled text cannot slip in."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

TEXTS = Path(__file__).resolve().parent / "data" / "texts"
MANIFEST = TEXTS / "manifest.yaml"
LICENSES = TEXTS / "LICENSES.md"
PAPERWORK = {MANIFEST.name, LICENSES.name}
REGIONS = {"mainland", "taiwan", "hongkong", "classical"}
SCRIPTS = {"hans", "hant"}
GENRES = {"news", "technical", "novel", "government"}
NAMED_ENTITY_GENRES = {"news", "government"}
ANNOTATIONS = ("terms", "people", "organisations")
FIELD_DOMAINS = {"ai", "semiconductors", "computing", "policy", "organisation", "person", "media"}
MAX_FILE_BYTES = 15 * 1024
MAX_TOTAL_BYTES = 250 * 1024


def _entries() -> list[dict[str, Any]]:
    return yaml.safe_load(MANIFEST.read_text(encoding="utf-8"))["texts"]


ENTRIES = _entries()


def _text(entry: dict[str, Any]) -> str:
    return (TEXTS / entry["file"]).read_bytes().decode("utf-8")


@pytest.mark.parametrize("entry", ENTRIES, ids=lambda entry: entry["file"])
def test_listed_file_is_small_non_empty_utf8(entry: dict[str, Any]) -> None:
    raw = (TEXTS / entry["file"]).read_bytes()
    assert raw.decode("utf-8").strip()
    assert len(raw) <= MAX_FILE_BYTES


@pytest.mark.parametrize("entry", ENTRIES, ids=lambda entry: entry["file"])
def test_entry_states_licence_source_and_labels(entry: dict[str, Any]) -> None:
    assert entry["licence"].strip()
    assert entry["source"].startswith("https://github.com/")
    assert entry["file"] in LICENSES.read_text(encoding="utf-8")
    assert entry["region"] in REGIONS
    assert entry["script"] in SCRIPTS
    assert entry["genre"] in GENRES


@pytest.mark.parametrize("entry", ENTRIES, ids=lambda entry: entry["file"])
def test_gold_annotations_occur_verbatim(entry: dict[str, Any]) -> None:
    text = _text(entry)
    assert 5 <= len(entry["terms"]) <= 15
    if entry["genre"] in NAMED_ENTITY_GENRES:
        assert "people" in entry and "organisations" in entry
    missing = [s for key in ANNOTATIONS for s in entry.get(key, []) if s not in text]
    assert missing == []


FIELD_ENTRIES = [entry for entry in ENTRIES if "field_terms" in entry]


@pytest.mark.parametrize("entry", FIELD_ENTRIES, ids=lambda entry: entry["file"])
def test_field_terms_are_labelled_verbatim_and_listed_once(entry: dict[str, Any]) -> None:
    text = _text(entry)
    field_terms = entry["field_terms"]
    assert set(field_terms) <= FIELD_DOMAINS
    strings = [s for domain in field_terms.values() for s in domain]
    assert all(isinstance(s, str) and s.strip() == s and s for s in strings)
    assert [s for s in strings if s not in text] == []
    assert sorted({s for s in strings if strings.count(s) > 1}) == []


@pytest.mark.parametrize("entry", ENTRIES, ids=lambda entry: entry["file"])
def test_heldout_flag_is_a_boolean_on_field_texts(entry: dict[str, Any]) -> None:
    assert isinstance(entry.get("heldout", False), bool)
    if entry.get("heldout"):
        assert "field_terms" in entry
    if "heldout_set" in entry:
        heldout_set = entry["heldout_set"]
        assert entry.get("heldout") is True
        assert isinstance(heldout_set, int) and not isinstance(heldout_set, bool)
        assert heldout_set >= 1


def test_every_file_in_the_folder_is_listed_once() -> None:
    listed = [entry["file"] for entry in ENTRIES]
    on_disk = {path.name for path in TEXTS.iterdir()} - PAPERWORK
    assert len(listed) == len(set(listed))
    assert on_disk == set(listed)


def test_corpus_stays_small() -> None:
    assert sum((TEXTS / entry["file"]).stat().st_size for entry in ENTRIES) <= MAX_TOTAL_BYTES
