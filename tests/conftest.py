"""Shared fixtures. Every test gets its own config and data directories, so nothing a test
does can touch the user's files; the cache (jieba's dictionary) is shared per session because
rebuilding it costs a second and it is rebuildable data by definition."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "seeds" / "000_5c73e60e87bd33d6.txt"


@pytest.fixture(scope="session")
def session_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("cache")


@pytest.fixture(autouse=True)
def isolated_user_dirs(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, session_cache: Path
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(session_cache))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))


@pytest.fixture(scope="session")
def sample_text() -> str:
    return SAMPLE.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def glossary():
    from tui.core.glossary.bundled import builtin_glossary_path
    from tui.core.glossary.loader import load_glossary

    return load_glossary(builtin_glossary_path())


@pytest.fixture(scope="session")
def splitter(glossary, tmp_path_factory: pytest.TempPathFactory):
    from tui.core.words.segment import JiebaSplitter

    return JiebaSplitter(glossary.han_forms(), tmp_path_factory.mktemp("jieba"))


@pytest.fixture(scope="session")
def dictionary(session_cache: Path):
    """CC-CEDICT's index, built once per session into the shared cache (it takes seconds):
    the same place `zhread lookup` run as a subprocess of a test looks for it."""
    from tui.core.readings.dictionary import Dictionary

    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("XDG_CACHE_HOME", str(session_cache))
        opened = Dictionary.open()
    yield opened
    opened.close()


@pytest.fixture
def terminal(tmp_path: Path, session_cache: Path):
    """``terminal(*args, width=, height=, env=, clipboard=)``: zhread in tmux, with the
    test's own user folders; closed after the test."""
    from tests.terminal import Terminal, user_dirs

    opened: list[Terminal] = []

    def open_terminal(
        *args: str,
        width: int = 100,
        height: int = 30,
        env: dict[str, str] | None = None,
        clipboard: bool = False,
    ) -> Terminal:
        term = Terminal.running(
            list(args),
            {**user_dirs(tmp_path, session_cache), **(env or {})},
            width=width,
            height=height,
            clipboard=clipboard,
        )
        opened.append(term)
        return term

    yield open_terminal
    for term in opened:
        term.close()


@pytest.fixture
def shell(tmp_path: Path, session_cache: Path):
    """``shell(line, width=, height=)``: a command line in tmux (pipes allowed) where
    ``ZHREAD`` stands for the program, run with the test's own user folders."""
    import shlex

    from tests.terminal import ZHREAD, Terminal, user_dirs

    opened: list[Terminal] = []
    env = " ".join(f"{k}={shlex.quote(v)}" for k, v in user_dirs(tmp_path, session_cache).items())

    def open_terminal(line: str, width: int = 100, height: int = 30) -> Terminal:
        term = Terminal(line.replace("ZHREAD", f"env {env} {ZHREAD}"), width, height)
        opened.append(term)
        return term

    yield open_terminal
    for term in opened:
        term.close()


@pytest.fixture
def held_segmenter(monkeypatch: pytest.MonkeyPatch) -> Iterator[threading.Event]:
    """The segmenter stops after its first chunk (the one at the cursor) until the test
    sets the event: what a test sees while the text is being segmented is then there
    however fast the machine is."""
    from tui.core.words.progressive import Progressive

    go_on = threading.Event()
    step = Progressive.step

    def held(self: Progressive, focus: int) -> bool:
        if self.done:
            go_on.wait(120)
        return step(self, focus)

    monkeypatch.setattr(Progressive, "step", held)
    yield go_on
    go_on.set()  # a test that failed half-way must not leave the worker waiting
