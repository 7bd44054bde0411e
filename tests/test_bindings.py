"""The plain table of bindings (tui.bindings) and theme names (tui.themenames): what it
records of Textual agrees with Textual, every class's keys come from it, and the config
subcommands that read it load neither Textual nor Rich."""

from __future__ import annotations

import importlib
import importlib.util
import pkgutil
import string
import subprocess
import sys
from pathlib import Path

import pytest
from textual.app import App
from textual.binding import Binding
from textual.dom import DOMNode
from textual.keys import _normalize_key_list
from textual.screen import Screen
from textual.theme import BUILTIN_THEMES

from tui.bindings import (
    COMMAND_PALETTE_KEY,
    RESERVED,
    SCOPES,
    conflict_groups,
    key_specs,
    normalize,
    reserved_keys,
)
from tui.themenames import TEXTUAL_THEMES, THEME_NAMES


@pytest.mark.parametrize("character", [*string.printable.strip(), "\t", "中", "é"])
def test_a_character_is_named_as_textual_names_it(character: str) -> None:
    assert normalize(character) == _normalize_key_list(character)


def test_key_lists_are_normalised_as_textual_does() -> None:
    for keys in ("?", "ctrl+f, ?", "a,A,1", "f1,h", "plus,=", "-, _,/,\\,@", "shift+space"):
        assert normalize(keys) == _normalize_key_list(keys)


def test_the_reserved_keys_are_textuals() -> None:
    recorded = {(normalize(keys), what) for keys, what in RESERVED}
    real = {
        (normalize(b.key), b.description or b.action)
        for b in (*Screen.BINDINGS, *App.BINDINGS)
        if isinstance(b, Binding)
    }
    assert recorded == real
    assert App.COMMAND_PALETTE_BINDING == COMMAND_PALETTE_KEY
    assert {"tab", "ctrl+p", "ctrl+q"} <= reserved_keys().keys()


def test_the_theme_names_are_textuals_and_zhreads() -> None:
    from tui.themes import THEMES

    assert set(BUILTIN_THEMES) == TEXTUAL_THEMES
    assert {theme.name for theme in THEMES} | TEXTUAL_THEMES == THEME_NAMES


def _declaring_classes() -> list[type[DOMNode]]:
    """The app and every widget and screen of zhread that declares BINDINGS, found in the
    packages: a class that declared keys outside the table would be missed by the checks."""
    from tui.app import ZhreadApp

    found: list[type[DOMNode]] = [
        c for c in ZhreadApp.__mro__ if "BINDINGS" in c.__dict__ and c.__module__.startswith("tui.")
    ]
    for package_name in ("tui.widgets", "tui.screens", "tui.reader"):
        if importlib.util.find_spec(package_name) is None:
            continue
        package = importlib.import_module(package_name)
        for info in pkgutil.iter_modules(package.__path__):
            module = importlib.import_module(f"{package_name}.{info.name}")
            found += [
                value
                for value in vars(module).values()
                if isinstance(value, type)
                and value.__module__ == module.__name__
                and issubclass(value, DOMNode)
                and "BINDINGS" in value.__dict__
            ]
    return found


def test_every_class_takes_its_keys_from_the_table() -> None:
    recorded = {
        (k.id, k.keys, k.action, k.description, k.show, k.priority)
        for scope in SCOPES.values()
        for k in scope.keys
    }
    classes = _declaring_classes()
    assert {scope.label for scope in SCOPES.values()} <= {cls.__name__ for cls in classes}
    for cls in classes:
        declared = {
            (b.id, b.key, b.action, b.description, b.show, b.priority)
            for b in cls.__dict__["BINDINGS"]
        }
        assert declared <= recorded, cls.__name__


def test_ids_are_unique_and_scopes_known() -> None:
    ids = [spec.id for spec in key_specs()]
    assert len(ids) == len(set(ids))
    labels = {scope.label for scope in SCOPES.values()}
    assert all(scopes <= labels for scopes in conflict_groups().values())


CHECK = (
    "import sys, io, contextlib\n"
    "from tui.cli import main\n"
    "with contextlib.redirect_stdout(io.StringIO()):\n"
    "    assert main(['config', 'init']) == 0\n"
    "    assert main(['config', 'check']) == 0\n"
    "    assert main(['config', 'check', {other!r}]) == 0\n"
    "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich'))\n"
    "assert not bad, bad\n"
)


def test_config_init_and_check_load_no_ui(tmp_path: Path) -> None:
    other = tmp_path / "other.toml"
    other.write_text('theme = "zhread-light"\n[keymap]\nnext-word = "right,z"\n', encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-c", CHECK.format(other=str(other))], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "config" / "zhread" / "config.toml").exists()
