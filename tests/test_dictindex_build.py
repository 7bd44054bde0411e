"""The dictionary index built in a process of its own, as the reader builds it on a first
run, and a build stopped half-way: the same index, and nothing left behind when stopped."""

from __future__ import annotations

import gzip
import threading
from pathlib import Path

import pytest

from tui.core import apart
from tui.core.errors import ZhreadError
from tui.core.readings import cedict, dictindex
from tui.core.readings.dictionary import Dictionary

WORDS = ("行", "長", "了", "銀行", "長期", "你好", "干", "乾", "幹")


@pytest.fixture(scope="module")
def source(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real header and the real lines of a few headwords, for builds in milliseconds."""
    path = tmp_path_factory.mktemp("cedict") / "cedict.txt.gz"
    with (
        gzip.open(cedict.data_file(), "rt", encoding="utf-8") as data,
        gzip.open(path, "wt", encoding="utf-8") as out,
    ):
        out.writelines(
            line for line in data if line.startswith("#") or line.split(" ", 1)[0] in WORDS
        )
    return path


def leftovers(cache: Path) -> list[Path]:
    return list(cache.glob("cedict-*")) + list(cache.glob(".cedict-*"))


def test_built_apart_it_is_the_index_built_here(source: Path, tmp_path: Path) -> None:
    calls: list[tuple[int, int]] = []
    with (
        Dictionary.open(
            lambda *a: calls.append(a), source=source, cache_dir=tmp_path / "a", apart=True
        ) as separate,
        Dictionary.open(source=source, cache_dir=tmp_path / "b") as here,
    ):
        for word in WORDS:
            assert separate.lookup(word) == here.lookup(word)
        assert separate.search("bank") == here.search("bank")
    done = [d for d, _ in calls]
    assert done[0] == 0 and done == sorted(done) and calls[-1][0] == calls[-1][1]
    assert len({t for _, t in calls}) == 1
    assert apart._children == {}  # the builder process is gone


@pytest.mark.parametrize("separate", [True, False])
def test_a_cancelled_build_leaves_nothing(source: Path, tmp_path: Path, separate: bool) -> None:
    stop = threading.Event()

    def progress(done: int, total: int) -> None:
        stop.set()  # stop once the build is under way

    with pytest.raises(dictindex.BuildCancelled):
        Dictionary.open(
            progress, source=source, cache_dir=tmp_path, apart=separate, cancelled=stop.is_set
        )
    assert leftovers(tmp_path) == []
    assert apart._children == {}
    Dictionary.open(source=source, cache_dir=tmp_path).close()  # and the next run builds it


def test_a_builder_that_fails_says_why_in_one_line(source: Path, tmp_path: Path) -> None:
    """The data file's header reads, its entries do not: the child's error comes back as
    the reader's one-line error, not a traceback."""
    broken = tmp_path / "broken.txt.gz"
    data = source.read_bytes()
    broken.write_bytes(data[: len(data) - 40])  # the gzip stream cut short
    with pytest.raises(ZhreadError, match="cannot build the dictionary index") as error:
        Dictionary.open(source=broken, cache_dir=tmp_path / "cache", apart=True)
    assert "\n" not in str(error.value) and "Traceback" not in str(error.value)
    assert leftovers(tmp_path / "cache") == []


def test_a_data_file_cut_short_is_a_user_error_built_here_too(source: Path, tmp_path: Path) -> None:
    broken = tmp_path / "broken.txt.gz"
    data = source.read_bytes()
    broken.write_bytes(data[: len(data) - 40])
    with pytest.raises(ZhreadError, match="cannot read CC-CEDICT"):
        Dictionary.open(source=broken, cache_dir=tmp_path / "cache")
