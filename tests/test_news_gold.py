"""The annotated news set is what the skim is judged by, so its annotations must be exact:
every name, role, quote and boilerplate line verbatim in its article, every speaker one of the
article's people or organisations or an unnamed one the text writes, and every article listed
with its licence."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

NEWS = Path(__file__).parent / "data" / "news"
ARTICLES = sorted(path.name.removesuffix(".gold.yaml") for path in NEWS.glob("*.gold.yaml"))
KINDS = ("people", "organisations", "places")


def gold(name: str) -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load((NEWS / f"{name}.gold.yaml").read_text("utf-8"))
    return data


def text(name: str) -> str:
    return (NEWS / f"{name}.txt").read_text("utf-8")


def test_every_article_has_its_annotation_and_both_are_listed() -> None:
    texts = sorted(path.stem for path in NEWS.glob("*.txt"))
    assert texts == ARTICLES
    assert len(ARTICLES) >= 12
    listed = (NEWS / "LICENSES.md").read_text("utf-8")
    for name in ARTICLES:
        assert name in listed or f"every `{name[:2]}` article" in listed


def test_the_set_covers_three_regions_and_keeps_unseen_articles_apart() -> None:
    regions = {gold(name)["region"] for name in ARTICLES}
    sets = {gold(name)["set"] for name in ARTICLES}
    assert regions == {"cn", "tw", "hk"}
    assert sets == {"dev", "heldout", "fresh", "final"}


@pytest.mark.parametrize("name", ARTICLES)
def test_every_annotation_is_verbatim(name: str) -> None:
    data, article = gold(name), text(name)
    assert article.splitlines()[0].strip() == data["title"].strip()
    assert data["licence"] and data["source"]
    for kind in KINDS:
        for item in data.get(kind) or []:
            for form in [item["name"], *(item.get("mentions") or [])]:
                assert form in article, (kind, form)
    for person in data.get("people") or []:
        assert person.get("role") is None or person["role"] in article, person["role"]
        assert isinstance(person.get("english") or [], list)
    lines = {line.strip() for line in article.splitlines()}
    for line in data.get("boilerplate") or []:
        assert line.strip() in lines, line


@pytest.mark.parametrize("name", ARTICLES)
def test_every_quote_is_in_the_text_and_its_speaker_is_named_there(name: str) -> None:
    data, article = gold(name), text(name)
    names = {item["name"] for kind in ("people", "organisations") for item in data.get(kind) or []}
    for quote in data.get("quotes") or []:
        assert quote["text"] in article, quote["text"]
        speaker = quote.get("speaker")
        assert speaker is None or speaker in names or speaker in article, speaker
