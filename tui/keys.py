"""Every binding zhread declares, found in the classes themselves, for the config's
``[keymap]``: to check ids and conflicts, to list them in a new config, and to show a
binding's keys as they are actually bound (in the command palette).

The classes are found rather than listed, so a new screen's keys can be remapped (and are
checked) as soon as it declares them with ids.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Iterator, Mapping

from textual.app import App
from textual.binding import Binding
from textual.dom import DOMNode
from textual.keys import _normalize_key_list
from textual.screen import Screen

from tui.store.config import KeySpec

__all__ = ["conflict_groups", "key_specs", "normalize", "reserved_keys"]


def normalize(keys: str) -> str:
    """Keys as Textual stores them ("?" is "question_mark"), so that equal keys compare equal."""
    return _normalize_key_list(keys)


def binding_classes(app_class: type[App]) -> list[type[DOMNode]]:
    """zhread's app class(es) and every widget and screen in tui.widgets and tui.screens
    that declares bindings of its own."""
    found = [c for c in app_class.__mro__ if _declares(c)]
    for package_name in ("tui.widgets", "tui.screens"):
        package = importlib.import_module(package_name)
        for info in pkgutil.iter_modules(package.__path__):
            module = importlib.import_module(f"{package_name}.{info.name}")
            found += [
                value for value in vars(module).values()
                if isinstance(value, type) and value.__module__ == module.__name__
                and issubclass(value, DOMNode) and _declares(value)
            ]
    return found


def _declares(cls: type) -> bool:
    return cls.__module__.startswith("tui.") and "BINDINGS" in cls.__dict__


def _bindings(cls: type[DOMNode]) -> Iterator[Binding]:
    yield from (b for b in cls.__dict__["BINDINGS"] if isinstance(b, Binding) and b.id)


def key_specs(app_class: type[App]) -> list[KeySpec]:
    """One :class:`KeySpec` per binding id, with its default keys."""
    return [
        KeySpec(binding.id, cls.__name__, tuple(normalize(binding.key).split(",")),
                binding.description or binding.action)
        for cls in binding_classes(app_class) for binding in _bindings(cls)
        if binding.id is not None
    ]


def reserved_keys(app_class: type[App]) -> dict[str, str]:
    """Keys Textual handles before (or instead of) the app's bindings: the screen's focus
    keys, the priority quit, the command palette."""
    reserved = {
        key: f"Textual's {binding.description or binding.action}"
        for binding in (*Screen.BINDINGS, *App.BINDINGS) if isinstance(binding, Binding)
        for key in normalize(binding.key).split(",")
    }
    palette = app_class.COMMAND_PALETTE_BINDING
    reserved.update({key: "the command palette" for key in normalize(palette).split(",")})
    return reserved


def conflict_groups(app_class: type[App]) -> Mapping[str, set[str]]:
    """Which scopes are active at once: the app's keys with each widget of the main screen
    (the focused widget's keys shadow the app's), each screen with the widgets declared in its
    module, alone (a modal screen shadows the app's keys on purpose: Esc, q)."""
    classes = binding_classes(app_class)
    apps = {c.__name__ for c in classes if issubclass(c, App)}
    screens = [c for c in classes if issubclass(c, Screen)]
    groups: dict[str, set[str]] = {}
    for cls in classes:
        if issubclass(cls, App | Screen):
            continue
        owners = [s for s in screens if s.__module__ == cls.__module__]
        for screen in owners:
            groups.setdefault(f"in {screen.__name__}", {screen.__name__}).add(cls.__name__)
        if not owners:
            groups[f"with {cls.__name__} focused"] = apps | {cls.__name__}
    for screen in screens:
        groups.setdefault(f"in {screen.__name__}", {screen.__name__})
    groups["anywhere"] = set(apps)
    return groups
