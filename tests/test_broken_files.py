"""Broken files lose nothing: a damaged word list, cache or glossary is reported and moved
aside (or, for the user's hand-written glossary, left as it is), the reader keeps working;
a full disk or a read-only folder while saving leaves the old data whole and says so."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tests.apps import until, until_segmented
from tests.limits import fill, listing, read_only, tiny_disk
from tui.core import userdirs
from tui.core.errors import ZhreadError
from tui.core.glossary.entries import Entry
from tui.core.glossary.loader import GlossaryError
from tui.store.wordlist import WordList

ZHREAD = str(Path(sys.executable).with_name("zhread"))


def zhread(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run([ZHREAD, *args], capture_output=True, text=True, timeout=120, input=stdin)


def saved_list(path: Path, count: int = 40) -> set[str]:
    """A word list with ``count`` words (several pages), closed; returns the words."""
    with WordList.open(path) as words:
        for i in range(count):
            words.add(f"詞{i}", f"词{i}", "cí", "word", "例句" * 40, "test")
    return {f"詞{i}" for i in range(count)}


def entry(number: int) -> Entry:
    return Entry(
        id=f"term-{number}",
        hant=f"測試詞{number:04d}甲",
        hans=f"测试词{number:04d}甲",
        pinyin="cè shì cí jiǎ",
        en=f"test term {number}",
        category="other",
        definition="A term made up by a test.",
    )


# --- a damaged word list ----------------------------------------------------------------


def truncated(path: Path) -> bytes:
    """Cut a real word list in half, as a crash of the disk (not of SQLite) could."""
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    return data[: len(data) // 2]


def test_a_truncated_word_list_is_moved_aside_with_a_note(tmp_path: Path) -> None:
    path = tmp_path / "words.sqlite3"
    saved_list(path)
    damaged = truncated(path)
    with WordList.open(path) as words:
        assert words.note is not None
        (aside,) = tmp_path.glob("words.sqlite3.corrupt-*")
        assert str(path) in words.note and aside.name in words.note
        assert aside.read_bytes() == damaged  # kept byte for byte: nothing deleted
        words.add("新", "新")  # and the reader goes on with a new list
        assert [w.hant for w in words.entries()] == ["新"]


def test_export_says_where_the_damaged_word_list_went(tmp_path: Path) -> None:
    path = userdirs.data_dir() / "wordlist.sqlite3"
    path.parent.mkdir(parents=True)
    saved_list(path)
    damaged = truncated(path)
    result = zhread("export", "-o", str(tmp_path / "out.tsv"))
    (aside,) = path.parent.glob("wordlist.sqlite3.corrupt-*")
    assert result.returncode == 2  # the new list is empty: nothing to export
    assert f"zhread: your word list {path} could not be read" in result.stderr
    assert aside.name in result.stderr and "Traceback" not in result.stderr
    assert aside.read_bytes() == damaged and not (tmp_path / "out.tsv").exists()


async def test_the_reader_says_where_the_damaged_word_list_went() -> None:
    from tests.apps import text_app

    path = userdirs.data_dir() / "wordlist.sqlite3"
    path.parent.mkdir(parents=True)
    saved_list(path)
    truncated(path)
    app = text_app("我們去銀行。\n")
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await until_segmented(pilot)
        await pilot.press("a")
        await until(
            pilot,
            lambda: any(n.message.startswith("Added") for n in app._notifications),
            "the word saved",
        )
        messages = [n.message for n in app._notifications]
        (aside,) = path.parent.glob("wordlist.sqlite3.corrupt-*")
        assert any(aside.name in m and str(path) in m for m in messages), messages
        assert any(m.startswith("Added") for m in messages), messages
    with WordList.open(path) as words:
        assert len(words) == 1 and words.note is None


# --- a damaged cache --------------------------------------------------------------------


def test_a_damaged_segmenter_cache_is_moved_aside_and_rebuilt(tmp_path: Path) -> None:
    from tui.core.words.jiebacache import cache_path, load_summary

    first, note = load_summary(tmp_path)  # built and cached
    assert note is None
    path = cache_path(tmp_path)
    path.write_bytes(path.read_bytes()[:1000])  # truncated
    second, note = load_summary(tmp_path)
    (aside,) = tmp_path.glob("jieba-*.summary.corrupt-*")
    assert note is not None and str(path) in note and aside.name in note
    assert aside.stat().st_size == 1000 and second == first
    third, note = load_summary(tmp_path)
    assert note is None and third == first


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"not a summary at all",
        b"\x80\x05K\x01.",
        b"zhread jieba summary 1\n60101967 3\n\xe4\xb8\x80\n",
    ],
)
def test_any_damage_to_the_segmenter_cache_is_a_note(tmp_path: Path, content: bytes) -> None:
    from tui.core.words.jiebacache import cache_path, load_summary

    cache_path(tmp_path).write_bytes(content)
    summary, note = load_summary(tmp_path)
    assert note is not None
    assert summary.total > 0 and summary.prefixes.count("\n") > 100_000
    (aside,) = tmp_path.glob("jieba-*.corrupt-*")
    assert aside.read_bytes() == content


def test_the_whole_tables_earlier_versions_cached_are_removed(tmp_path: Path) -> None:
    from tui.core.words.jiebacache import load_summary

    old = tmp_path / "jieba-0.42.1-5071852-1700000000.pickle"
    old.write_bytes(b"a whole frequency table")
    load_summary(tmp_path)
    assert not old.exists()


async def test_the_reader_says_where_a_damaged_segmenter_cache_went(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.apps import sample_app, until, until_segmented
    from tui.core.words.jiebacache import cache_path
    from tui.core.words.segment import shared_splitter

    cache = tmp_path / "cache"
    monkeypatch.setenv("XDG_CACHE_HOME", str(cache))
    from tui.core.userdirs import cache_dir

    path = cache_path(cache_dir())
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"damaged")
    shared_splitter.cache_clear()  # a splitter of this process would not read the cache
    try:
        app = sample_app()
        async with app.run_test(size=(100, 30)) as pilot:
            await until_segmented(pilot)
            await until(
                pilot,
                lambda: any(
                    n.title == "Cache" and str(path) in n.message for n in app._notifications
                ),
                "the notice",
            )
    finally:
        shared_splitter.cache_clear()
    (aside,) = path.parent.glob("jieba-*.corrupt-*")
    assert aside.read_bytes() == b"damaged"


@pytest.fixture
def fresh_cache(tmp_path: Path, session_cache: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A cache of its own holding a copy of the session's dictionary index."""
    cache = tmp_path / "cache"
    (cache / "zhread").mkdir(parents=True)
    from tui.core.readings.dictionary import Dictionary

    Dictionary.open().close()  # the session's index exists
    for index in (session_cache / "zhread").glob("cedict-*.sqlite3"):
        shutil.copy(index, cache / "zhread" / index.name)
    monkeypatch.setenv("XDG_CACHE_HOME", str(cache))
    return cache / "zhread"


def damage_index(cache: Path) -> tuple[Path, bytes]:
    (index,) = cache.glob("cedict-*.sqlite3")
    data = index.read_bytes()
    index.write_bytes(data[: len(data) // 3])
    return index, data[: len(data) // 3]


def test_lookup_says_where_the_damaged_index_went(fresh_cache: Path) -> None:
    index, damaged = damage_index(fresh_cache)
    result = zhread("lookup", "銀行")
    assert result.returncode == 0 and "yín háng" in result.stdout
    (aside,) = fresh_cache.glob("cedict-*.sqlite3.corrupt-*")
    assert f"the dictionary index {index} was damaged" in result.stderr
    assert aside.name in result.stderr and aside.read_bytes() == damaged


async def test_the_reader_says_where_the_damaged_index_went(fresh_cache: Path) -> None:
    from tests.apps import text_app

    index, damaged = damage_index(fresh_cache)
    app = text_app("我們去銀行。\n")
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await until(pilot, lambda: app.dictionary is not None, "the dictionary", 120)
        await until(
            pilot, lambda: any("moved it to" in n.message for n in app._notifications), "the note"
        )
        (aside,) = fresh_cache.glob("cedict-*.sqlite3.corrupt-*")
        (message,) = [n.message for n in app._notifications if "moved it to" in n.message]
        assert str(index) in message and aside.name in message
        assert aside.read_bytes() == damaged
        assert app.dictionary.lookup("銀行")  # rebuilt and working


# --- a broken glossary ------------------------------------------------------------------

BROKEN_GLOSSARIES = {
    "truncated": "terms:\n  - id: half\n    hant: 半個\n    hans: 半个\n    pinyin: bàn g",
    "not yaml": "terms: [\n  {id: x\n",
    "binary": "\x00\x01\x02PK\x03\x04",
    "not utf-8": None,
}


def write_user_glossary(kind: str) -> Path:
    from tui.core.glossary.layers import user_glossary_path

    path = user_glossary_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    text = BROKEN_GLOSSARIES[kind]
    path.write_bytes("terms:\n  - id: 中文\n".encode("big5") if text is None else text.encode())
    return path


@pytest.mark.parametrize("kind", BROKEN_GLOSSARIES)
def test_a_broken_user_glossary_is_reported_with_its_path_and_kept(kind: str) -> None:
    path = write_user_glossary(kind)
    before = path.read_bytes()
    result = zhread("gloss", "-", stdin="我們去銀行。\n")
    assert result.returncode == 2 and result.stderr.startswith(f"zhread: {path}")
    assert "Traceback" not in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert path.read_bytes() == before  # the user's own file: never moved, never rewritten


@pytest.mark.parametrize("kind", ["truncated", "not utf-8"])
async def test_the_reader_opens_without_a_broken_user_glossary(kind: str) -> None:
    from tests.apps import ZhreadApp

    path = write_user_glossary(kind)
    before = path.read_bytes()
    app = ZhreadApp("我們去銀行。觀察者網\n", "<test>")  # reads the layers itself
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await until_segmented(pilot)
        (note,) = [n for n in app._notifications if n.title == "Your glossary"]
        assert str(path) in note.message and "skipped" in note.message
        await pilot.press("w", "a")  # and the reader works
        await until(
            pilot,
            lambda: any(n.message.startswith("Added") for n in app._notifications),
            "the word saved",
        )
    assert path.read_bytes() == before


def test_adding_to_a_broken_user_glossary_changes_nothing() -> None:
    from tui.store.userglossary import add_entry

    path = write_user_glossary("truncated")
    before = listing(path.parent)
    with pytest.raises(GlossaryError) as raised:
        add_entry(entry(1))
    assert str(raised.value).startswith(str(path))
    assert listing(path.parent) == before


# --- a full disk ------------------------------------------------------------------------

#: A child that saves words under a file-size limit (RLIMIT_FSIZE: the kernel refuses to grow
#: any file past it, with EFBIG, as it refuses on a full disk with ENOSPC).
LIMITED_WRITER = """
import resource, signal, sys
from tui.core.errors import ZhreadError
from tui.store.wordlist import WordList
path, limit = sys.argv[1], int(sys.argv[2])
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails, not kills
with WordList.open(path) as words:
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, resource.RLIM_INFINITY))
    for i in range(100_000):
        try:
            words.add(f"滿{i}", f"满{i}", sentence="長句" * 500)
        except ZhreadError as error:
            print("ERROR", error, flush=True)
            break
        print(i, flush=True)
"""


def test_a_file_size_limit_while_saving_words_keeps_every_saved_word(tmp_path: Path) -> None:
    path = tmp_path / "words.sqlite3"
    earlier = saved_list(path, 10)
    limit = sum(p.stat().st_size for p in tmp_path.iterdir()) + 64 * 1024
    result = subprocess.run(
        [sys.executable, "-c", LIMITED_WRITER, str(path), str(limit)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    *confirmed, failure = result.stdout.splitlines()
    assert failure.startswith(f"ERROR {path}: not saved to your word list:"), failure
    assert confirmed and "Traceback" not in result.stderr
    with sqlite3.connect(path) as raw:
        assert raw.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    with WordList.open(path) as words:
        assert words.note is None
        saved = {w.hant for w in words.entries()}
    assert earlier | {f"滿{i}" for i in map(int, confirmed)} == saved


def test_a_full_disk_while_saving_words(tmp_path: Path) -> None:
    with tiny_disk(tmp_path / "disk", "512k") as disk:
        path = disk / "words.sqlite3"
        earlier = saved_list(path, 5)
        with WordList.open(path) as words:
            filler = fill(disk)

            def add_until_full() -> None:
                for i in range(10_000):
                    words.add(f"滿{i}", f"满{i}", sentence="長句" * 500)

            with pytest.raises(ZhreadError, match=r"not saved to your word list.*full"):
                add_until_full()
            added = {w.hant for w in words.entries()}
            filler.unlink()
        with sqlite3.connect(path) as raw:
            assert raw.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        with WordList.open(path) as words:
            assert {w.hant for w in words.entries()} == added and earlier <= added


async def test_the_reader_reports_a_full_disk_when_adding_a_word(tmp_path: Path) -> None:
    from tests.apps import text_app

    with tiny_disk(userdirs.data_dir(), "256k") as disk:
        saved_list(disk / "wordlist.sqlite3", 3)
        app = text_app("我們去銀行。\n")
        async with app.run_test(size=(100, 30), notifications=True) as pilot:
            await until_segmented(pilot)
            app.word_list()  # opened while there is room for its journal
            filler = fill(disk)
            await pilot.press("w", "a")
            await until(
                pilot, lambda: any(n.title == "Not saved" for n in app._notifications), "the error"
            )
            (error,) = [n.message for n in app._notifications if n.title == "Not saved"]
            assert "full" in error and "wordlist.sqlite3" in error
            await pilot.press("w")  # still reading
            assert app.is_running
            filler.unlink()
        with WordList.open(disk / "wordlist.sqlite3") as words:
            assert len(words) == 3


def test_a_full_disk_when_adding_to_the_user_glossary(tmp_path: Path) -> None:
    from tui.store.userglossary import add_entry

    with tiny_disk(tmp_path / "disk", "64k") as disk:
        path = disk / "glossary.yaml"
        add_entry(entry(0), path)
        before = path.read_bytes()
        filler = fill(disk)

        def add_until_full() -> None:
            for number in range(1, 200):
                add_entry(entry(number), path)

        with pytest.raises(ZhreadError, match="cannot save the glossary"):
            add_until_full()
        assert path.read_bytes().startswith(before)
        filler.unlink()
        files = listing(disk)
        assert sorted(files) == ["glossary.yaml"]  # no temporary file, no lock file left
        from tui.core.glossary.loader import parse_glossary

        parse_glossary(files["glossary.yaml"].decode(), str(path), known_ids=set())


def test_a_file_size_limit_when_adding_to_the_user_glossary(tmp_path: Path) -> None:
    path = tmp_path / "glossary.yaml"
    from tui.store.userglossary import add_entry

    add_entry(entry(0), path)
    before = path.read_bytes()
    child = (
        "import resource, signal, sys\n"
        "from pathlib import Path\n"
        "from tests.test_broken_files import entry\n"
        "from tui.store.userglossary import add_entry\n"
        "signal.signal(signal.SIGXFSZ, signal.SIG_IGN)\n"
        f"resource.setrlimit(resource.RLIMIT_FSIZE, ({len(before) + 20}, resource.RLIM_INFINITY))\n"
        "add_entry(entry(1), Path(sys.argv[1]))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", child, str(path)],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=Path(__file__).parent.parent,
    )
    assert result.returncode == 1 and "cannot save the glossary: File too large" in result.stderr
    assert path.read_bytes() == before and sorted(listing(tmp_path)) == ["glossary.yaml"]


def test_a_full_disk_when_exporting(tmp_path: Path) -> None:
    from tui.store.export import export

    with WordList.open(tmp_path / "words.sqlite3") as words:
        saved_list(words.path, 200)
        entries = words.entries()
    with tiny_disk(tmp_path / "disk", "64k") as disk:
        out = disk / "words.tsv"
        out.write_text("the previous export\n")
        fill(disk)
        for kind in ("tsv", "csv", "apkg"):
            with pytest.raises(ZhreadError, match="cannot write the export"):
                export(entries, kind, out)
            files = listing(disk)  # no temporary file left behind, the old export whole
            assert sorted(files) == ["filler", "words.tsv"]
            assert files["words.tsv"] == b"the previous export\n"


def test_a_full_disk_when_remembering_settings(tmp_path: Path) -> None:
    from tui.store.settings import load_remembered, save_remembered

    with tiny_disk(tmp_path / "disk", "64k") as disk:
        path = disk / "settings.json"
        save_remembered({"inline_glosses": True}, path)
        before = path.read_bytes()
        filler = fill(disk)
        with pytest.raises(ZhreadError, match="could not remember the settings"):
            save_remembered({"inline_glosses": False, "theme": "x" * 100_000}, path)
        filler.unlink()
        assert listing(disk) == {"settings.json": before}
        assert load_remembered(path).values == {"inline_glosses": True}


# --- a read-only folder -----------------------------------------------------------------


def test_a_read_only_data_folder_when_saving_words(tmp_path: Path) -> None:
    path = tmp_path / "data" / "words.sqlite3"
    path.parent.mkdir()
    earlier = saved_list(path, 5)
    before = listing(path.parent)
    with read_only(path.parent):
        with pytest.raises(ZhreadError) as raised, WordList.open(path) as words:
            words.add("新", "新")
        assert str(path) in str(raised.value)
        assert listing(path.parent) == before
    with WordList.open(path) as words:
        assert {w.hant for w in words.entries()} == earlier


async def test_the_reader_reports_a_read_only_data_folder(tmp_path: Path) -> None:
    from tests.apps import text_app

    data = userdirs.data_dir()
    data.mkdir(parents=True)
    saved_list(data / "wordlist.sqlite3", 2)
    before = listing(data)
    with read_only(data):
        app = text_app("我們去銀行。\n")
        async with app.run_test(size=(100, 30), notifications=True) as pilot:
            await until_segmented(pilot)
            await pilot.press("w", "a")
            await until(
                pilot, lambda: any(n.severity == "error" for n in app._notifications), "the error"
            )
            (error,) = [n for n in app._notifications if n.severity == "error"]
            assert "wordlist.sqlite3" in error.message
            await pilot.press("w")
            assert app.is_running
        assert listing(data) == before


def test_a_read_only_config_folder_when_adding_to_the_user_glossary(tmp_path: Path) -> None:
    from tui.store.userglossary import add_entry

    path = tmp_path / "config" / "glossary.yaml"
    path.parent.mkdir()
    add_entry(entry(0), path)
    before = listing(path.parent)
    with read_only(path.parent):
        with pytest.raises(ZhreadError, match="cannot save the glossary"):
            add_entry(entry(1), path)
        assert listing(path.parent) == before


def test_a_read_only_folder_when_exporting(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "words.csv").write_text("the previous export\n")
    saved_list(userdirs.data_dir() / "wordlist.sqlite3", 3)
    with read_only(out):
        result = zhread("export", "-o", str(out / "words.csv"))
        assert result.returncode == 2 and "cannot write the export" in result.stderr
        assert str(out / "words.csv") in result.stderr and "Traceback" not in result.stderr
        assert listing(out) == {"words.csv": b"the previous export\n"}


def test_a_read_only_folder_when_remembering_settings(tmp_path: Path) -> None:
    from tui.store.settings import save_remembered

    path = tmp_path / "data" / "settings.json"
    path.parent.mkdir()
    save_remembered({"inline_glosses": True}, path)
    before = listing(path.parent)
    with read_only(path.parent):
        with pytest.raises(ZhreadError, match="could not remember the settings"):
            save_remembered({"inline_glosses": False}, path)
        assert listing(path.parent) == before
