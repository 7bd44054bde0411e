"""The reader's settings, and the small file that remembers them between runs.

The config file (:mod:`tui.store.config`) gives the defaults; what the reader last chose in
the app (the script shown, the reading line, the English line, tone colours, inline glosses,
the theme, the HSK standard, the sidebar's width, the line length) is remembered in
``settings.json`` in zhread's data directory and wins over the defaults, unless the config
says ``remember = false``.

Only the settings the reader actually changed are remembered, so a default changed later in
the config still applies to everything the reader never touched. This module is plain
Python: the app starts without importing pydantic unless there is a config file.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from dataclasses import Field, dataclass, field, fields, replace
from enum import StrEnum
from pathlib import Path
from typing import Any, Self, get_type_hints

from tui.core.errors import ZhreadError
from tui.core.learning.states import State
from tui.core.readings.levels import HskStandard
from tui.core.safefiles import atomic_path, locked, move_aside
from tui.core.userdirs import config_dir, data_dir

__all__ = [
    "ENV_VAR",
    "MAX_LINE_WIDTH",
    "MIN_LINE_WIDTH",
    "Choice",
    "HskStandard",
    "Reading",
    "Remembered",
    "ScriptChoice",
    "Settings",
    "Spec",
    "StateTints",
    "Tones",
    "config_path",
    "load_remembered",
    "remember",
    "save_remembered",
    "setting_types",
    "settings_path",
    "spec_of",
]

#: Names another config file, for a second profile or a test.
ENV_VAR = "ZHREAD_CONFIG"

#: The bounds of ``max_line_width`` (terminal cells; 0 is no limit).
MIN_LINE_WIDTH, MAX_LINE_WIDTH = 20, 1000


class Choice(StrEnum):
    """The values of a setting that is one of a few, as the config and the settings file
    write them. The first is none: the app holds it as None (the text as written, no
    reading line, no tone colours)."""

    @classmethod
    def actives(cls) -> tuple[Self, ...]:
        """Every choice but the first: the ones that do something."""
        return tuple(cls)[1:]

    @classmethod
    def cycle(cls) -> tuple[Self | None, ...]:
        """The choices as the app holds them, in the order a key cycles through them."""
        return (None, *cls.actives())

    @classmethod
    def of(cls, value: str | None) -> Self:
        """The choice the app's ``value`` is (None: the first)."""
        return cls(value) if value else next(iter(cls))

    @property
    def active(self) -> Self | None:
        """The choice as the app holds it: None for the first."""
        return None if self is next(iter(type(self))) else self


class ScriptChoice(Choice):
    AS_WRITTEN = "as-written"
    HANS = "hans"
    TW = "tw"
    HK = "hk"


class Reading(Choice):
    OFF = "off"
    PINYIN = "pinyin"
    ZHUYIN = "zhuyin"


class Tones(Choice):
    OFF = "off"
    PLECO = "pleco"
    MDBG = "mdbg"


#: Tone colours per scheme and tone 1-5: Pleco's and MDBG's own, made lighter on dark
#: backgrounds and darker on light ones where the original is hard to read. The reader's
#: themes and the exported Anki cards (day and night mode) both take them from here.
TONES_DARK: dict[str, tuple[str, ...]] = {
    Tones.PLECO: ("#ff5a5a", "#3ccf4e", "#6b8cff", "#c070f0", "#a0a0a0"),
    Tones.MDBG: ("#f2393e", "#ff9b00", "#2fc257", "#5c8fff", "#a0a0a0"),
}
TONES_LIGHT: dict[str, tuple[str, ...]] = {
    Tones.PLECO: ("#d00000", "#00861a", "#1510f0", "#8900bf", "#666666"),
    Tones.MDBG: ("#d61f25", "#b86200", "#0c812b", "#1f5ce0", "#6a6a6a"),
}


class StateTints(Choice):
    """Which learning states the article tints; known and ignored words never are."""

    OFF = "off"
    ALL = "all"  # new, seen, learning 1-4
    NEW_AND_LEARNING = "new-and-learning"  # seen words left plain
    LEARNING = "learning"  # learning 1-4 only

    @property
    def states(self) -> tuple[State, ...]:
        """The states tinted."""
        learning = (State.LEARNING_1, State.LEARNING_2, State.LEARNING_3, State.LEARNING_4)
        return {
            StateTints.OFF: (),
            StateTints.ALL: (State.NEW, State.SEEN, *learning),
            StateTints.NEW_AND_LEARNING: (State.NEW, *learning),
            StateTints.LEARNING: learning,
        }[self]


@dataclass(frozen=True)
class Spec:
    """What a setting takes beyond its type, and the help the config file gives it.

    ``what`` names the value in error messages ("a width"); a number lies from ``low`` to
    ``high``, or is ``no_limit`` when that is given; ``unit`` follows the bounds in the
    config's messages; ``presets`` are the values the palette offers."""

    help: str
    what: str = ""
    low: int | None = None
    high: int | None = None
    no_limit: int | None = None
    unit: str = ""
    presets: tuple[Any, ...] = ()


def _spec(help: str, **spec: Any) -> dict[str, Spec]:
    """A field's metadata: its :class:`Spec`."""
    return {"spec": Spec(help, **spec)}


@dataclass(frozen=True)
class Settings:
    """What the reader looks like: each field is a key of the config file (``_`` as ``-``),
    declared once here with its choices and bounds; the remembered settings' checks below,
    the config's model (:mod:`tui.store.config`) and the palette's commands read them."""

    script: ScriptChoice = field(
        default=ScriptChoice.AS_WRITTEN,
        metadata=_spec(
            "the article's script: as written, Simplified, Taiwan or Hong Kong Traditional (the "
            "`s` key)"
        ),
    )
    reading: Reading = field(
        default=Reading.OFF, metadata=_spec("the reading line over the text (the `p` key)")
    )
    tones: Tones = field(
        default=Tones.OFF,
        metadata=_spec("tone colours: Pleco's scheme, MDBG's, or none (the `t` key)"),
    )
    inline_glosses: bool = field(
        default=False, metadata=_spec("English after each term's first use (the `i` key)")
    )
    english_line: bool = field(
        default=False,
        metadata=_spec("a short English gloss under each word, cut to its width (the `e` key)"),
    )
    theme: str = field(
        default="textual-dark",
        metadata=_spec(
            "a Textual theme: zhread-dark, zhread-light, textual-dark, textual-light, nord, … (the "
            "palette's Theme command)",
            what="a theme's name",
        ),
    )
    hsk: HskStandard = field(
        default=HskStandard.HSK_2025, metadata=_spec("the HSK syllabus levels are given by")
    )
    state_tints: StateTints = field(
        default=StateTints.ALL,
        metadata=_spec(
            "the words tinted by learning state once you have a word list: all (new, seen, "
            "learning 1-4), new-and-learning, learning, or off (the `U` key turns them off and on)"
        ),
    )
    mark_seen: bool = field(
        default=True,
        metadata=_spec("moving on past a new word marks it seen (its tint fades)"),
    )
    sidebar_width: int = field(
        default=36,
        metadata=_spec(
            "the sidebar's width in cells (drag its left edge)", what="a width", low=16, high=200
        ),
    )
    max_line_width: int = field(
        default=80,
        metadata=_spec(
            "the longest line of the article in cells, two a Chinese character (80: 40 characters, "
            "as e-readers set them), centred in a wider pane; 0 for no limit (the palette's Line "
            "length commands)",
            what="a width",
            low=MIN_LINE_WIDTH,
            high=MAX_LINE_WIDTH,
            no_limit=0,
            unit="cells",
            presets=(60, 80, 100, 0),
        ),
    )

    def __post_init__(self) -> None:
        """A choice given as its string (``Settings(tones="pleco")``) is held as the enum."""
        for name, kind in setting_types().items():
            value = getattr(self, name)
            if isinstance(kind, type) and issubclass(kind, StrEnum) and type(value) is not kind:
                object.__setattr__(self, name, kind(value))

    def with_values(self, values: Mapping[str, Any]) -> Settings:
        """These settings with ``values`` (field names) laid over them."""
        return replace(self, **values)

    def changed(self, other: Settings) -> dict[str, Any]:
        """The fields whose value differs in ``other``, with ``other``'s values."""
        return {
            f.name: getattr(other, f.name)
            for f in fields(self)
            if getattr(self, f.name) != getattr(other, f.name)
        }


_TYPES: dict[str, type] = {}


def setting_types() -> dict[str, type]:
    """Field name -> its type (bool, int, str or a StrEnum of choices), in field order."""
    if not _TYPES:
        hints = get_type_hints(Settings)
        _TYPES.update({f.name: hints[f.name] for f in fields(Settings)})
    return _TYPES


def spec_of(name: str) -> Spec:
    """The :class:`Spec` of the setting ``name`` (a field name)."""
    spec: Spec = _field(name).metadata["spec"]
    return spec


def _field(name: str) -> Field[Any]:
    return next(f for f in fields(Settings) if f.name == name)


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
        return Remembered(
            {}, f"{path}: could not read the remembered settings ({error}); using the defaults"
        )
    try:
        return Remembered(_validated(json.loads(raw)))
    except (ValueError, TypeError) as error:
        reason = str(error).splitlines()[0]
    try:
        aside = move_aside(path)
    except OSError as error:
        return Remembered(
            {},
            f"{path}: damaged ({reason}) and could not be moved aside "
            f"({error}); using the defaults",
        )
    return Remembered(
        {}, f"{path}: damaged ({reason}); moved aside to {aside.name}, using the defaults"
    )


def _validated(data: object) -> dict[str, Any]:
    """Field name -> value for the settings in ``data``; keys from a later version of
    zhread are ignored, wrong values raise ValueError. Plain checks, not the config's
    pydantic model: this file is read before the first frame on every run, and importing
    pydantic would cost that frame a third of a second."""
    if not isinstance(data, dict) or not isinstance(data.get("settings"), dict):
        raise ValueError("not a zhread settings file")
    types = setting_types()
    given = {k.replace("-", "_"): v for k, v in data["settings"].items()}
    return {
        name: _checked(name, types[name], value) for name, value in given.items() if name in types
    }


def _checked(name: str, kind: type, value: Any) -> Any:
    """``value`` if it is one the setting ``name`` (of type ``kind``) takes, else
    ValueError saying why."""
    spec = spec_of(name)
    if issubclass(kind, StrEnum):
        if value not in tuple(choice.value for choice in kind):
            raise ValueError(f"{name}: {value!r} is not one of {', '.join(kind)}")
        return kind(value)
    if kind is bool:
        if not isinstance(value, bool):
            raise ValueError(f"{name}: {value!r} is not true or false")
    elif kind is str:
        if not isinstance(value, str) or not value:
            raise ValueError(f"{name}: {value!r} is not {spec.what}")
    elif kind is int and (
        isinstance(value, bool) or not isinstance(value, int) or not in_bounds(spec, value)
    ):
        no_limit = f"{spec.no_limit} (no limit) or " if spec.no_limit is not None else ""
        raise ValueError(
            f"{name}: {value!r} is not {no_limit}{spec.what} from {spec.low} to {spec.high}"
        )
    return value


def in_bounds(spec: Spec, value: int) -> bool:
    """Whether ``value`` lies within ``spec``'s bounds, or is its ``no_limit``."""
    if spec.no_limit is not None and value == spec.no_limit:
        return True
    return (spec.low is None or spec.low <= value) and (spec.high is None or value <= spec.high)


def save_remembered(values: Mapping[str, Any], path: Path | None = None) -> None:
    """Write the remembered settings atomically; raises ZhreadError naming the file."""
    path = path or settings_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        _write(path, {k.replace("_", "-"): v for k, v in values.items()})
    except OSError as error:
        raise ZhreadError(
            f"could not remember the settings: {error.strerror or error}", path
        ) from error


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
        raise ZhreadError(
            f"could not remember the settings: {error.strerror or error}", path
        ) from error


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
