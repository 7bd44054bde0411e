"""Glossary layers (built-in, the user's file, --glossary files) and adding entries to the
user's file without ever damaging it."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from tui.core.errors import ZhreadError
from tui.core.glossary.entries import Entry, entry_from
from tui.core.glossary.layers import (
    UserGlossaryError,
    builtin_glossary,
    load_for_reader,
    load_layers,
    user_glossary_path,
)
from tui.core.glossary.loader import GlossaryError, load_glossary
from tui.store.userglossary import HEADER, add_entry

ENTRY = """\
  - id: {id}
    hant: {hant}
    hans: {hans}
    pinyin: {pinyin}
    en: {en}
    category: other
    definition: A test entry.
"""


def entry_yaml(id: str, hant: str, en: str, pinyin: str = "cè shì", hans: str = "") -> str:
    return ENTRY.format(id=id, hant=hant, hans=hans or hant, pinyin=pinyin, en=en)


def write_user(text: str) -> Path:
    path = user_glossary_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def new_entry(**fields: object) -> Entry:
    values = {
        "id": "retrieval-augmented-generation",
        "hant": "檢索增強生成",
        "hans": "检索增强生成",
        "pinyin": "jiǎn suǒ zēng qiáng shēng chéng",
        "en": "retrieval-augmented generation",
        "category": "ai",
        "definition": "Answering from documents found for the question.",
    }
    return entry_from(values | fields)


# --- layers ----------------------------------------------------------------------------


def test_user_glossary_lives_in_the_config_dir(tmp_path: Path) -> None:
    assert user_glossary_path() == tmp_path / "config" / "zhread" / "glossary.yaml"


def test_without_a_user_file_the_layers_are_the_built_in_glossary() -> None:
    assert not user_glossary_path().exists()
    assert list(load_layers().entries) == list(builtin_glossary().entries)


def test_later_layers_override_earlier_ones_by_id(tmp_path: Path) -> None:
    write_user(
        "terms:\n"
        + entry_yaml(
            "chiplet-packaging", "芯粒封裝", "user's chiplet packaging", "xīn lì fēng zhuāng"
        )
        + entry_yaml("user-only", "測試詞", "user term")
        + "    see_also: [chiplet]\n"  # a user layer may point at built-in ids
    )
    extra = tmp_path / "extra.yaml"
    extra.write_text(
        "terms:\n"
        + entry_yaml(
            "chiplet-packaging", "芯粒封裝", "extra's chiplet packaging", "xīn lì fēng zhuāng"
        )
        + "    see_also: [user-only]\n",  # and a --glossary file at the user's ids
        encoding="utf-8",
    )
    builtin = builtin_glossary()
    user = load_layers()
    assert user.get("chiplet-packaging").en == "user's chiplet packaging"
    assert "user-only" in user and len(user) == len(builtin) + 1
    assert list(user.entries)[: len(builtin)] == list(builtin.entries)  # overrides keep places
    stacked = load_layers([extra])
    assert stacked.get("chiplet-packaging").en == "extra's chiplet packaging"
    assert stacked.get("user-only").en == "user term"
    without_user = load_layers(include_user=False)
    assert without_user.get("chiplet-packaging").en == builtin.get("chiplet-packaging").en


def test_extra_files_apply_in_order(tmp_path: Path) -> None:
    first, second = tmp_path / "1.yaml", tmp_path / "2.yaml"
    first.write_text("terms:\n" + entry_yaml("x-term", "測試詞", "first"), encoding="utf-8")
    second.write_text("terms:\n" + entry_yaml("x-term", "測試詞", "second"), encoding="utf-8")
    assert load_layers([first, second]).get("x-term").en == "second"
    assert load_layers([second, first]).get("x-term").en == "first"
    matches = load_layers([first, second]).match("這是測試詞")
    assert [m.entry_id for m in matches] == ["x-term"]


def test_a_missing_glossary_file_is_an_error_naming_it(tmp_path: Path) -> None:
    missing = tmp_path / "nope.yaml"
    with pytest.raises(GlossaryError, match=r"nope\.yaml"):
        load_layers([missing])
    with pytest.raises(GlossaryError, match=r"nope\.yaml"):
        load_for_reader([missing])


def test_a_broken_user_glossary_is_reported_and_skipped_by_the_reader() -> None:
    path = write_user("terms:\n  - id: Bad Id\n")
    with pytest.raises(UserGlossaryError) as raised:
        load_layers()
    assert isinstance(raised.value, GlossaryError) and str(raised.value).startswith(f"{path}:2:")
    glossary, warning = load_for_reader()
    assert warning is not None and warning.startswith(f"{path}:2:")
    assert list(glossary.entries) == list(builtin_glossary().entries)


def test_a_broken_named_glossary_stops_the_reader_even_with_a_broken_user_file(
    tmp_path: Path,
) -> None:
    write_user("terms: [")
    broken = tmp_path / "broken.yaml"
    broken.write_text("terms:\n  - 1\n", encoding="utf-8")
    with pytest.raises(GlossaryError, match=r"broken\.yaml:2") as raised:
        load_for_reader([broken])
    assert not isinstance(raised.value, UserGlossaryError)


# --- adding to the user's file ---------------------------------------------------------


def test_add_entry_creates_the_file_with_a_header() -> None:
    path = add_entry(new_entry())
    assert path == user_glossary_path()
    text = path.read_text(encoding="utf-8")
    assert text.startswith(HEADER)
    assert load_glossary(path).get("retrieval-augmented-generation") == new_entry()
    assert "retrieval-augmented-generation" in load_layers()


def test_add_entry_appends_and_keeps_every_byte_of_the_file() -> None:
    original = (
        "\ufeff# my terms\nterms:\n"
        + entry_yaml("x-term", "測試詞", "mine")
        + "    # a comment that must survive\n    see_also: [chiplet]\n"
    )
    path = write_user(original)
    before = path.read_bytes()
    add_entry(new_entry(aliases=["RAG", {"text": "rag", "ignore_case": True}]))
    add_entry(
        new_entry(
            id="second",
            hant="第二詞",
            hans="第二词",
            pinyin="dì èr cí",
            en="a: 'quoted' #thing",
            note="見「上文」",
            definition="- not a list",
        )
    )
    after = path.read_bytes()
    assert after.startswith(before)
    glossary = load_glossary(path, known_ids=builtin_glossary().entries)
    assert list(glossary.entries) == ["x-term", "retrieval-augmented-generation", "second"]
    assert glossary.get("second").en == "a: 'quoted' #thing"
    assert glossary.get("retrieval-augmented-generation").aliases[1].ignore_case
    assert "RAG" in after.decode("utf-8-sig")  # a case-sensitive alias is a bare string


def test_add_entry_follows_the_files_indentation() -> None:
    path = write_user(
        "terms:\n- id: x-term\n  hant: 測試詞\n  hans: 测试词\n  pinyin: cè shì\n"
        "  en: mine\n  category: other\n  definition: d\n"
    )
    add_entry(new_entry())
    assert "\n- id: retrieval-augmented-generation\n" in path.read_text(encoding="utf-8")
    assert len(load_glossary(path)) == 2


@pytest.mark.parametrize("empty", ["terms:\n", "terms: []\n", "terms: ~  # none yet\n"])
def test_add_entry_to_an_empty_list(empty: str) -> None:
    path = write_user(empty)
    add_entry(new_entry())
    assert list(load_glossary(path).entries) == ["retrieval-augmented-generation"]


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        (new_entry(id="x-term"), "duplicate id 'x-term'"),
        (new_entry(forms=["測試詞"]), "already used by entry 'x-term'"),
        (new_entry(see_also=["no-such-id"]), "no entry has the id 'no-such-id'"),
    ],
)
def test_add_entry_leaves_the_file_untouched_when_the_result_is_invalid(
    entry: Entry, message: str
) -> None:
    path = write_user("# mine\nterms:\n" + entry_yaml("x-term", "測試詞", "mine"))
    before = path.read_bytes()
    with pytest.raises(GlossaryError, match=message) as raised:
        add_entry(entry)
    assert str(raised.value).startswith(f"{path}: not added:")
    assert path.read_bytes() == before
    assert os.listdir(path.parent) == [path.name]


def test_add_entry_refuses_to_touch_a_broken_file() -> None:
    path = write_user("terms:\n  - id: x\n    hant: [unclosed\n")
    before = path.read_bytes()
    with pytest.raises(GlossaryError, match=f"{path}:"):
        add_entry(new_entry())
    assert path.read_bytes() == before


def test_add_entry_into_a_read_only_directory_fails_and_keeps_the_file() -> None:
    path = write_user("terms:\n" + entry_yaml("x-term", "測試詞", "mine"))
    before = path.read_bytes()
    path.parent.chmod(0o555)
    try:
        if os.access(path.parent, os.W_OK):
            pytest.skip("running as a user that can write anywhere (root)")
        with pytest.raises(ZhreadError, match=str(path)):
            add_entry(new_entry())
    finally:
        path.parent.chmod(0o755)
    assert path.read_bytes() == before


def test_add_entry_on_a_full_disk_fails_and_keeps_the_file(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    path = write_user("terms:\n" + entry_yaml("x-term", "測試詞", "mine"))
    before = path.read_bytes()

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr("tui.store.userglossary.os.fsync", full)
    with pytest.raises(ZhreadError, match="No space left") as raised:
        add_entry(new_entry())
    assert str(path) in str(raised.value)
    assert path.read_bytes() == before
    assert os.listdir(path.parent) == [path.name]  # the temporary file is gone too


def test_add_entry_writes_through_a_symlink(tmp_path: Path) -> None:
    real = tmp_path / "dotfiles" / "zhread-glossary.yaml"
    real.parent.mkdir()
    real.write_text("terms:\n" + entry_yaml("x-term", "測試詞", "mine"), encoding="utf-8")
    link = user_glossary_path()
    link.parent.mkdir(parents=True)
    link.symlink_to(real)
    add_entry(new_entry())
    assert link.is_symlink()
    assert "retrieval-augmented-generation" in load_glossary(real)
