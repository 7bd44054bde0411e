"""`zhread config path|init|check` and `zhread completion`: real processes, the per-test
config directory from conftest inherited through the environment."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ZHREAD = str(Path(sys.executable).with_name("zhread"))


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    import os

    return subprocess.run(
        [ZHREAD, *args],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, **(env or {})},
    )


def test_config_path_and_settings_path(tmp_path: Path) -> None:
    assert run("config", "path").stdout.strip() == str(
        tmp_path / "config" / "zhread" / "config.toml"
    )
    assert run("config", "path", "--settings").stdout.strip() == str(
        tmp_path / "data" / "zhread" / "settings.json"
    )
    other = str(tmp_path / "other.toml")
    assert run("config", "path", env={"ZHREAD_CONFIG": other}).stdout.strip() == other


def test_init_writes_a_valid_commented_config_once(tmp_path: Path) -> None:
    path = tmp_path / "config" / "zhread" / "config.toml"
    first = run("config", "init")
    assert first.returncode == 0 and path.exists()
    text = path.read_text(encoding="utf-8")
    for expected in ("remember = true", "[keymap]", "# next-word", "# cycle-script", "theme ="):
        assert expected in text
    again = run("config", "init")
    assert again.returncode == 2 and "already exists; use --force" in again.stderr
    path.write_text("# mine\n", encoding="utf-8")
    assert run("config", "init", "--force").returncode == 0
    assert path.read_text(encoding="utf-8") == text
    checked = run("config", "check")
    assert checked.returncode == 0 and checked.stdout.strip() == f"{path}: ok"


def test_check_reports_one_line_with_file_line_and_key(tmp_path: Path) -> None:
    assert run("config", "check").returncode == 0  # no file: the defaults are fine
    bad = tmp_path / "bad.toml"
    bad.write_text('theme = "textual-light"\n\n[keymap]\nnext-word = "q"\n', encoding="utf-8")
    result = run("config", "check", str(bad))
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith(f"zhread: {bad}:4: keymap.next-word: 'q' is bound to both")
    bad.write_text('[keymap]\nnext-wrd = "x"\n', encoding="utf-8")
    result = run("config", "check", env={"ZHREAD_CONFIG": str(bad)})
    assert result.returncode == 2 and f"{bad}:2: keymap.next-wrd: no binding" in result.stderr
    bad.write_text('theme = "no-such-theme"\n', encoding="utf-8")
    assert ":1: theme: no theme 'no-such-theme'" in run("config", "check", str(bad)).stderr
    missing = run("config", "check", str(tmp_path / "missing.toml"))
    assert missing.returncode == 2 and "no such file" in missing.stderr


def test_help_shows_config_and_completion_with_examples() -> None:
    top = run("--help").stdout
    assert "config" in top and "completion" in top
    for command in ("config", "completion"):
        helped = run(command, "--help")
        assert helped.returncode == 0 and "examples:" in helped.stdout


def test_config_help_names_every_setting_the_model_declares() -> None:
    """The help is read from the one settings model, so a new setting is never missing."""
    from dataclasses import fields

    from tui.store.settings import Settings

    helped = " ".join(run("config", "--help").stdout.split())
    for field in fields(Settings):
        assert field.name.replace("_", "-") in helped


def test_bash_completion_is_valid_bash() -> None:
    script = run("completion", "bash")
    assert script.returncode == 0
    for word in ("segment", "convert", "config", "completion", "--glossary"):
        assert word in script.stdout
    checked = subprocess.run(["bash", "-n"], input=script.stdout, capture_output=True, text=True)
    assert checked.returncode == 0, checked.stderr


@pytest.mark.parametrize("shell", ["zsh", "fish"])
def test_zsh_and_fish_completion(shell: str) -> None:
    script = run("completion", shell)
    assert script.returncode == 0 and "zhread" in script.stdout and "config" in script.stdout
    if shutil.which(shell) is None:
        pytest.skip(f"{shell} is not installed to check the syntax")
    checked = subprocess.run([shell, "-n"], input=script.stdout, capture_output=True, text=True)
    assert checked.returncode == 0, checked.stderr


def test_unknown_shell_is_a_usage_error() -> None:
    assert run("completion", "tcsh").returncode == 2
