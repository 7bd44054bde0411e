"""The reader's settings, and the small file that remembers them between runs.

The config file (:mod:`tui.store.config`) gives the defaults; what the reader last chose in
the app (the script shown, the reading line, tone colours, inline glosses, the theme, the
HSK standard, the sidebar's width, the line length) is remembered in ``settings.json`` in
zhread's data directory and wins over the defaults, unless the config says
``remember = false``.

Only the settings the reader actually changed are remembered, so a default changed later in
the config still applies to everything the reader never touched. This module is plain
Python: the app starts without importing pydantic unless there is a config file.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

from tui.core.errors import ZhreadError
from tui.core.safefiles import atomic_path, locked, move_aside
from tui.core.userdirs import config_dir, data_dir

__all__ = [
    "ENV_VAR", "HSK_STANDARDS", "MAX_LINE_WIDTH", "MIN_LINE_WIDTH", "READINGS", "SCRIPTS",
    "TONES", "Remembered", "Settings",
    "config_path", "load_remembered", "remember", "save_remembered", "settings_path",
]

#: Names another config file, for a second profile or a test.
ENV_VAR = "ZHREAD_CONFIG"

#: The values each setting takes, as written in the config and the settings file.
SCRIPTS = ("as-written", "hans", "tw", "hk")
READINGS = ("off", "pinyin", "zhuyin")
TONES = ("off", "pleco", "mdbg")
HSK_STANDARDS = ("2025", "2021", "2.0")
#: The bounds of ``max_line_width`` (terminal cells; 0 is no limit).
MIN_LINE_WIDTH, MAX_LINE_WIDTH = 20, 1000


@dataclass(frozen=True)
class Settings:
    """What the reader looks like: each field is a key of the config file (``_`` as ``-``)."""

    script: str = "as-written"
    reading: str = "off"
    tones: str = "off"
    inline_glosses: bool = False
    theme: str = "textual-dark"
    hsk: str = "2025"
    sidebar_width: int = 36
    max_line_width: int = 80

    def with_values(self, values: Mapping[str, Any]) -> Settings:
        """These settings with ``values`` (field names) laid over them."""
        return replace(self, **values)

    def changed(self, other: Settings) -> dict[str, Any]:
        """The fields whose value differs in ``other``, with ``other``'s values."""
        return {
            f.name: getattr(other, f.name) for f in fields(self)
            if getattr(self, f.name) != getattr(other, f.name)
        }


@dataclass
class Remembered:
    """The settings remembered from earlier runs (field names), and a note for the reader
    when the file was damaged and moved aside."""

    values: dict[str, Any]
    note: str | None = None


def settings_path() -> Path:
    return data_dir() / "settings.json"


def config_path() -> Path:
    """Where the config is read from: ``$ZHREAD_CONFIG``, else ``config.toml`` in the
    platform's config directory (``~/.config/zhread`` on Linux). Here rather than with the
    config's model so that finding no config costs no pydantic import."""
    named = os.environ.get(ENV_VAR)
    return Path(named).expanduser() if named else config_dir() / "config.toml"


def load_remembered(path: Path | None = None) -> Remembered:
    """The remembered settings; a missing file is none, a damaged one is moved aside (the
    reader is told) so that a bad write never stops the reader from opening."""
    path = path or settings_path()
    try:
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return Remembered({})
    except (OSError, UnicodeDecodeError) as error:
        return Remembered({}, f"{path}: could not read the remembered settings ({error}); "
                          "using the defaults")
    try:
        return Remembered(_validated(json.loads(raw)))
    except (ValueError, TypeError) as error:
        reason = str(error).splitlines()[0]
    try:
        aside = move_aside(path)
    except OSError as error:
        return Remembered({}, f"{path}: damaged ({reason}) and could not be moved aside "
                          f"({error}); using the defaults")
    return Remembered({}, f"{path}: damaged ({reason}); moved aside to {aside.name}, "
                      "using the defaults")


def _validated(data: object) -> dict[str, Any]:
    """Field name -> value for the settings in ``data``; keys from a later version of
    zhread are ignored, wrong values raise ValueError. Plain checks, not the config's
    pydantic model: this file is read before the first frame on every run, and importing
    pydantic would cost that frame a third of a second."""
    if not isinstance(data, dict) or not isinstance(data.get("settings"), dict):
        raise ValueError("not a zhread settings file")
    names = {f.name for f in fields(Settings)}
    given = {k.replace("-", "_"): v for k, v in data["settings"].items()}
    return {name: _checked(name, value) for name, value in given.items() if name in names}


_CHOICES: dict[str, tuple[str, ...]] = {
    "script": SCRIPTS, "reading": READINGS, "tones": TONES, "hsk": HSK_STANDARDS,
}


def _checked(name: str, value: Any) -> Any:
    """``value`` if it is one the setting ``name`` takes, else ValueError saying why."""
    if name in _CHOICES:
        if value not in _CHOICES[name]:
            raise ValueError(f"{name}: {value!r} is not one of {', '.join(_CHOICES[name])}")
    elif name == "inline_glosses":
        if not isinstance(value, bool):
            raise ValueError(f"{name}: {value!r} is not true or false")
    elif name == "theme":
        if not isinstance(value, str) or not value:
            raise ValueError(f"{name}: {value!r} is not a theme's name")
    elif name == "sidebar_width":
        if isinstance(value, bool) or not isinstance(value, int) or not 16 <= value <= 200:
            raise ValueError(f"{name}: {value!r} is not a width from 16 to 200")
    elif name == "max_line_width":
        if isinstance(value, bool) or not isinstance(value, int) or not (
                value == 0 or MIN_LINE_WIDTH <= value <= MAX_LINE_WIDTH):
            raise ValueError(f"{name}: {value!r} is not 0 (no limit) or a width from "
                             f"{MIN_LINE_WIDTH} to {MAX_LINE_WIDTH}")
    return value


def save_remembered(values: Mapping[str, Any], path: Path | None = None) -> None:
    """Write the remembered settings atomically; raises ZhreadError naming the file."""
    path = path or settings_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        _write(path, {k.replace("_", "-"): v for k, v in values.items()})
    except OSError as error:
        raise ZhreadError(f"could not remember the settings: {error.strerror or error}",
                          path) from error


def remember(changed: Mapping[str, Any], path: Path | None = None) -> None:
    """Lay the settings just ``changed`` (field names) over the file as it is now.

    Another zhread may be running and may have remembered settings of its own since this
    one started; writing this run's whole picture would undo them. So the file is read
    again under its lock, only ``changed`` replaces what it holds (keys of a later version
    of zhread included are kept), and the result replaces the file atomically.
    """
    path = path or settings_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with locked(path):
            stored = _stored(path)
            stored.update({k.replace("_", "-"): v for k, v in changed.items()})
            _write(path, stored)
    except OSError as error:
        raise ZhreadError(f"could not remember the settings: {error.strerror or error}",
                          path) from error


def _stored(path: Path) -> dict[str, Any]:
    """The file's settings as written; a missing or damaged file holds none (the damage was
    reported when the reader started, or is another writer's to report)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError):
        return {}
    settings = data.get("settings") if isinstance(data, dict) else None
    return dict(settings) if isinstance(settings, dict) else {}


def _write(path: Path, settings: Mapping[str, Any]) -> None:
    body = {"version": 1, "settings": dict(settings)}
    with atomic_path(path) as tmp:
        tmp.write_text(json.dumps(body, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
