"""The config file: ``config.toml`` in zhread's config directory, or wherever
``$ZHREAD_CONFIG`` points.

It holds the reader's default settings (see :class:`SettingsModel`), whether to remember
what the reader changes in the app (``remember``), and a ``[keymap]`` table that rebinds keys
by binding id::

    theme = "zhread-light"
    tones = "pleco"

    [keymap]
    next-word = "right,l"
    focus-terms = "tab"

A problem is reported as one line naming the file, the line and the key
(``config.toml:7: keymap.next-word: …``), so that the reader can go straight to it. The
binding ids and theme names live in the UI; :func:`check_keymap` and :func:`check_theme` are
given them rather than importing it, so this module stays free of Textual.
"""

from __future__ import annotations

import os
import re
import textwrap
import tomllib
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import MISSING, dataclass, fields
from difflib import get_close_matches
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PrivateAttr,
    ValidationError,
    create_model,
)

from tui.core.errors import ZhreadError
from tui.core.safefiles import atomic_path
from tui.store.settings import (
    ENV_VAR,
    Settings,
    Spec,
    config_path,
    in_bounds,
    setting_types,
    spec_of,
)

__all__ = [
    "ENV_VAR",
    "Config",
    "ConfigError",
    "KeySpec",
    "SettingsModel",
    "check_keymap",
    "check_theme",
    "config_path",
    "default_config_text",
    "load_config",
    "write_config",
]


class ConfigError(ZhreadError):
    """A problem in the config file, located at ``line`` (when known) and ``key``."""

    def __init__(
        self, message: str, path: str | Path, line: int | None = None, key: str | None = None
    ) -> None:
        self.file, self.line, self.key = str(path), line, key
        super().__init__(
            f"{key}: {message}" if key else message, f"{path}:{line}" if line else path
        )


def _keys(value: str) -> str:
    """A binding's keys, comma-separated as Textual writes them; spaces around commas go."""
    keys = [key.strip() for key in value.split(",")]
    if not value.strip() or not all(keys):
        raise ValueError('give one or more keys separated by commas, such as "right,l"')
    if bad := [key for key in keys if re.search(r"\s", key)]:
        raise ValueError(
            f"{bad[0]!r} is not a key name (use names such as ctrl+n, space, question_mark)"
        )
    return ",".join(keys)


def _number_as_string(value: Any) -> Any:
    """A choice written as a number is read as its string: TOML readers write ``hsk = 2.0``
    or ``hsk = 2025`` as often as the string."""
    return str(value) if isinstance(value, int | float) and not isinstance(value, bool) else value


def _bounded(spec: Spec) -> Callable[[int], int]:
    """A check of a number that may also be ``spec.no_limit``, saying what it takes."""

    def check(value: int) -> int:
        if not in_bounds(spec, value):
            raise ValueError(
                f"give {spec.no_limit} (no limit) or {spec.what} from {spec.low} "
                f"to {spec.high} {spec.unit}".rstrip()
            )
        return value

    return check


KeyList = Annotated[str, AfterValidator(_keys)]


def _model_field(name: str, kind: type, default: Any) -> tuple[Any, Any]:
    """The pydantic annotation and field of one setting of :class:`Settings`: a choice is
    the literal of its values (so that the message lists them), a number its bounds."""
    spec = spec_of(name)
    if issubclass(kind, StrEnum):
        choices = Literal[tuple(choice.value for choice in kind)]  # type: ignore[valid-type]
        return Annotated[choices, BeforeValidator(_number_as_string)], Field(
            default, description=spec.help
        )
    if kind is int and spec.no_limit is not None:
        return Annotated[int, AfterValidator(_bounded(spec))], Field(default, description=spec.help)
    if kind is int:
        return int, Field(default, ge=spec.low, le=spec.high, description=spec.help)
    return kind, Field(default, description=spec.help)


class _SettingsBase(BaseModel):
    model_config = ConfigDict(
        alias_generator=lambda name: name.replace("_", "-"),
        populate_by_name=True,
        extra="forbid",
        strict=True,
    )

    def settings(self) -> Settings:
        return Settings(**{name: getattr(self, name) for name in setting_types()})


def _model_fields() -> dict[str, tuple[Any, Any]]:
    defaults = {f.name: f.default for f in fields(Settings) if f.default is not MISSING}
    return {
        name: _model_field(name, kind, defaults[name]) for name, kind in setting_types().items()
    }


#: The settings the reader changes often; the config gives their defaults, and the app
#: remembers the reader's last choice of each (see :mod:`tui.store.settings`). Built from
#: :class:`Settings`, where each is declared with its choices, bounds and help.
SettingsModel = create_model(  # type: ignore[call-overload]
    "SettingsModel", __base__=_SettingsBase, __module__=__name__, **_model_fields()
)


class Config(SettingsModel):  # type: ignore[misc, valid-type]
    """The whole config file: the default settings, ``remember`` and ``[keymap]``."""

    remember: bool = Field(
        True,
        description="remember the settings changed in the app between runs; the "
        "remembered values win over the ones above",
    )
    keymap: dict[str, KeyList] = Field(
        default_factory=dict,
        description="binding id -> keys, such as next-word = "
        '"right,l" (`zhread config init` lists every id with its keys)',
    )
    _origin: tuple[Path, str] | None = PrivateAttr(None)  # (file, its text) to locate keys

    def error(self, key: Sequence[str], message: str) -> ConfigError:
        """An error about ``key`` (a path into the file, such as ("keymap", "next-word")),
        located on its line when the config came from a file."""
        path, text = self._origin or (config_path(), "")
        return ConfigError(message, path, _line_of(text, key), ".".join(key))


def load_config(path: Path | None = None) -> Config:
    """The config at ``path`` (default: :func:`config_path`); no file means the defaults,
    unless ``$ZHREAD_CONFIG`` names it. Raises :class:`ConfigError`."""
    path = path or config_path()
    try:
        text = path.read_bytes().decode("utf-8")
    except FileNotFoundError:
        if os.environ.get(ENV_VAR) and path == config_path():
            raise ConfigError(f"no such file (named by ${ENV_VAR})", path) from None
        return Config()
    except UnicodeDecodeError as error:
        raise ConfigError(f"not UTF-8 text ({error.reason})", path) from None
    except OSError as error:
        raise ConfigError(f"cannot read: {error.strerror or error}", path) from None
    return parse_config(text, path)


def parse_config(text: str, path: str | Path = "config.toml") -> Config:
    """The config in ``text``, as read from ``path``; raises :class:`ConfigError`."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise _decode_error(str(error), path, text) from None
    try:
        config: Config = Config.model_validate(data)
    except ValidationError as error:
        first = error.errors()[0]
        key = [str(part) for part in first["loc"]]
        message = _validation_message(first, key)
        raise ConfigError(message, path, _line_of(text, key), ".".join(key)) from None
    config._origin = (Path(path), text)
    return config


def _decode_error(message: str, path: str | Path, text: str) -> ConfigError:
    """tomllib says "Expected '=' … (at line 3, column 5)": the line goes up front."""
    found = re.search(r"\s*\(at line (\d+), column (\d+)\)$", message)
    if found:
        return ConfigError(
            f"not valid TOML: {message[: found.start()]} (column {found[2]})", path, int(found[1])
        )
    reason = message.removesuffix(" (at end of document)")
    return ConfigError(
        f"not valid TOML: {reason} at the end of the file", path, max(1, len(text.splitlines()))
    )


def _validation_message(error: Mapping[str, Any], key: Sequence[str]) -> str:
    if error["type"] == "extra_forbidden":
        names = sorted(field.alias or name for name, field in Config.model_fields.items())
        near = get_close_matches(key[-1], names, n=1)
        hint = f"; did you mean {near[0]}?" if near else f" (known: {', '.join(names)})"
        return f"unknown setting{hint}"
    message = str(error["msg"])
    return message.removeprefix("Value error, ")


def _line_of(text: str, key: Sequence[str]) -> int | None:
    """The line that sets ``key``: a ``key = …`` line in its table, else the line of an
    inline table or a table header holding it. A best effort, for error messages only."""
    table: tuple[str, ...] = ()
    wanted, fallback = tuple(key), None
    for number, line in enumerate(text.splitlines(), 1):
        header = re.match(r"\s*\[\s*([^\[\]]+?)\s*\]\s*(#.*)?$", line)
        if header:
            table = _dotted(header[1])
            if table == wanted[: len(table)] and fallback is None:
                fallback = number
            continue
        assignment = re.match(r"\s*([^=#\[]+?)\s*=", line)
        if assignment:
            full = table + _dotted(assignment[1])
            if full == wanted:
                return number
            if full == wanted[: len(full)]:
                fallback = number
    return fallback


def _dotted(key: str) -> tuple[str, ...]:
    return tuple(part.strip().strip("\"'") for part in key.split("."))


@dataclass(frozen=True)
class KeySpec:
    """One binding as the UI declares it: its id, where it is declared (``scope``), its
    default keys (normalised as Textual writes them) and what it does."""

    id: str
    scope: str
    keys: tuple[str, ...]
    description: str


def check_keymap(
    config: Config,
    specs: Sequence[KeySpec],
    groups: Mapping[str, Collection[str]],
    normalize: Callable[[str], str] = lambda keys: keys,
    reserved: Mapping[str, str] | None = None,
) -> None:
    """Every id in ``[keymap]`` must exist, and no key may do two things at once: within each
    group of scopes that are active together (``groups``: a name such as "the article" ->
    scopes), two ids on one key are an error naming both, and so is a key in ``reserved``
    (key -> what it does: keys the toolkit takes first, such as tab). Raises
    :class:`ConfigError`."""
    reserved = reserved or {}
    known = {spec.id: spec for spec in specs}
    for binding_id, keys in config.keymap.items():
        if binding_id not in known:
            near = get_close_matches(binding_id, list(known), n=1)
            hint = f"; did you mean {near[0]}?" if near else " (`zhread config init` lists them)"
            raise config.error(("keymap", binding_id), f"no binding has this id{hint}")
        for key in normalize(keys).split(","):
            if key in reserved:
                raise config.error(
                    ("keymap", binding_id),
                    f"{key!r} is taken by {reserved[key]}, before any binding of zhread's",
                )
    for name, scopes in groups.items():
        owner: dict[str, str] = {}
        for spec in (s for s in specs if s.scope in scopes):
            remapped = config.keymap.get(spec.id)
            bound = normalize(remapped).split(",") if remapped else spec.keys
            for key in bound:
                other = owner.setdefault(key, spec.id)
                remapped_here = {spec.id, other} & config.keymap.keys()
                if other != spec.id and remapped_here:  # the defaults are not the reader's
                    culprit = spec.id if spec.id in config.keymap else other
                    raise config.error(
                        ("keymap", culprit),
                        f"{key!r} is bound to both {other} and {spec.id} ({name})",
                    )


def check_theme(config: Config, themes: Collection[str]) -> None:
    """The theme must be one the app has; raises :class:`ConfigError` with the choices."""
    if config.theme not in themes:
        near = get_close_matches(config.theme, list(themes), n=1)
        hint = f"did you mean {near[0]}?" if near else "choose one of " + ", ".join(sorted(themes))
        raise config.error(("theme",), f"no theme {config.theme!r}; {hint}")


def default_config_text(specs: Sequence[KeySpec] = ()) -> str:
    """A config file that sets every default explicitly, each setting explained, and lists
    every binding id with its default keys, commented out, ready to change."""
    lines = ["# zhread's config file (TOML). `zhread config check` validates it.", ""]
    for name, field in Config.model_fields.items():
        if name == "keymap":
            continue
        lines += textwrap.wrap(
            str(field.description), 88, initial_indent="# ", subsequent_indent="# "
        )
        lines.append(f"{field.alias or name} = {_toml_value(field.default)}")
        lines.append("")
    lines += [
        '# Keys, by binding id: "key1,key2" replaces the default keys. Names are',
        "# Textual's: a, A, ctrl+n, shift+space, space, tab, question_mark, f1 …",
        "[keymap]",
    ]
    width = max((len(spec.id) for spec in specs), default=0)
    for spec in specs:
        keys = _toml_value(",".join(spec.keys))
        lines.append(f"# {spec.id:<{width}} = {keys:<24} # {spec.description} ({spec.scope})")
    return "\n".join(lines) + "\n"


def _toml_value(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    return '"' + str(value).replace("\\", "\\\\").replace('"', '\\"') + '"'


def write_config(path: Path, text: str, force: bool = False) -> None:
    """Write a new config atomically; an existing one is replaced only with ``force``."""
    if path.exists() and not force:
        raise ZhreadError("already exists; use --force to replace it", path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with atomic_path(path) as tmp:
            tmp.write_text(text, encoding="utf-8")
    except OSError as error:
        raise ZhreadError(f"could not write: {error.strerror or error}", path) from error
