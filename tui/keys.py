"""zhread's bindings as Textual's: each class's ``BINDINGS`` built from the plain table in
:mod:`tui.bindings`, where the config's ``[keymap]`` checks read them too."""

from __future__ import annotations

from textual.binding import Binding, BindingType

from tui.bindings import SCOPES, normalize

__all__ = ["normalize", "textual_bindings"]


def textual_bindings(scope: str) -> list[BindingType]:
    """The ``BINDINGS`` of the class that declares ``scope`` in :data:`tui.bindings.SCOPES`."""
    return [
        Binding(
            key.keys, key.action, key.description, show=key.show, priority=key.priority, id=key.id
        )
        for key in SCOPES[scope].keys
    ]
