"""The core runs without the TUI: importing it, or running the text subcommands, loads
neither Textual nor Rich."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import SAMPLE

CHECK = (
    "import sys\n"
    "{body}\n"
    "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich'))\n"
    "assert not bad, bad\n"
)


def run(body: str) -> None:
    result = subprocess.run(
        [sys.executable, "-c", CHECK.format(body=body)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr


def test_importing_the_core_loads_no_ui() -> None:
    """Every module of every room, and the user's storage, which the CLI also uses."""
    run(
        "import pkgutil, importlib, tui.core, tui.store\n"
        "for package in (tui.core, tui.store):\n"
        "    for m in pkgutil.walk_packages(package.__path__, package.__name__ + '.'):\n"
        "        importlib.import_module(m.name)"
    )


def test_cli_subcommands_load_no_ui() -> None:
    run(
        "import io, contextlib\n"
        "from tui.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    assert main(['segment', {str(SAMPLE)!r}]) == 0\n"
        f"    assert main(['convert', {str(SAMPLE)!r}, '--config', 't2s']) == 0\n"
        "    assert main(['glossary', 'check']) == 0\n"
        f"    assert main(['gloss', {str(SAMPLE)!r}, '--md']) == 0\n"
        "    assert main(['glossary', 'list', '--json']) == 0"
    )


def test_lookup_and_export_load_no_ui(dictionary, tmp_path) -> None:
    """The dictionary, the word list, HSK levels and the Anki export are core too."""
    deck = tmp_path / "words.apkg"
    run(
        "import io, contextlib\n"
        "from tui.cli import main\n"
        "from tui.store.wordlist import WordList\n"
        "with WordList.open() as words:\n"
        "    words.add('銀行', '银行', 'yín háng', 'bank')\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    assert main(['lookup', '銀行', '--json']) == 0\n"
        "    assert main(['lookup', 'bank']) == 0\n"
        f"    assert main(['export', '-o', {str(deck)!r}]) == 0"
    )
    assert deck.exists()


def test_skim_config_and_completion_load_no_ui() -> None:
    """The journalist's report, the config commands and completion are core and argparse."""
    run(
        "import io, contextlib\n"
        "from tui.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    assert main(['skim', {str(SAMPLE)!r}, '--json']) == 0\n"
        "    assert main(['config', 'path']) == 0\n"
        "    assert main(['completion', 'bash']) == 0"
    )
