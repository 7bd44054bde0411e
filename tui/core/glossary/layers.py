"""The glossary as the reader sees it: the built-in file, the user's own file, then any
``--glossary`` files, stacked so that a later layer overrides an earlier one by id.

The user's file lives in zhread's config directory and is optional. Because the reader opens
it without being asked, a mistake in it must not lock the user out of the reader, so
:func:`load_for_reader` falls back to the other layers and hands back the message instead.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

from tui.core import userdirs
from tui.core.glossary.bundled import builtin_glossary_path
from tui.core.glossary.compiled import load_compiled
from tui.core.glossary.entries import Glossary
from tui.core.glossary.loader import GlossaryError, load_glossary

__all__ = [
    "UserGlossaryError",
    "builtin_glossary",
    "ids_in_use",
    "load_for_reader",
    "load_layers",
    "user_glossary_path",
]


class UserGlossaryError(GlossaryError):
    """The user's own glossary (not a file named on the command line) is broken.

    A separate type so the reader can tell "your standing glossary has a typo" (go on
    without it) from "the file you just asked for is broken" (stop).
    """


def user_glossary_path() -> Path:
    """Where the user's own glossary lives; it need not exist."""
    return userdirs.config_dir() / "glossary.yaml"


@lru_cache(maxsize=2)
def _builtin(path: Path) -> Glossary:
    return load_compiled(path, userdirs.cache_dir())


def builtin_glossary() -> Glossary:
    """The glossary zhread ships with, read once per process (from the cache after the first
    run, see :mod:`tui.core.glossary.compiled`): it never changes while we run."""
    return _builtin(builtin_glossary_path())


def load_layers(extra: Sequence[str | Path] = (), *, include_user: bool = True) -> Glossary:
    """The merged glossary: built-in, then the user's file if it exists, then ``extra`` in order.

    Each layer may ``see_also`` the ids of the layers below it. A missing ``extra`` file is an
    error, since the user named it; a missing user file only means there is nothing to add.
    """
    layers = [builtin_glossary()]
    known = set(layers[0].entries)
    if include_user:
        user = _user_layer(known)
        if user is not None:
            layers.append(user)
            known |= user.entries.keys()
    for path in extra:
        layer = _named_layer(Path(path), known)
        layers.append(layer)
        known |= layer.entries.keys()
    return Glossary.merged(layers) if len(layers) > 1 else layers[0]


def load_for_reader(extra: Sequence[str | Path] = ()) -> tuple[Glossary, str | None]:
    """The layers for the reader, and a warning when the user's own glossary had to be skipped.

    A broken ``--glossary`` file still raises: the user asked for it by name right now.
    """
    try:
        return load_layers(extra), None
    except UserGlossaryError as error:
        warning = f"{error} (your glossary is skipped until this is fixed)"
    return load_layers(extra, include_user=False), warning


def ids_in_use() -> set[str]:
    """The ids a new entry for the user's glossary must avoid: built-in and the user's own.

    A broken user file contributes nothing here; adding to it will report the problem.
    """
    try:
        return set(load_layers().entries)
    except GlossaryError:
        return set(builtin_glossary().entries)


def _user_layer(known: set[str]) -> Glossary | None:
    path = user_glossary_path()
    if not path.exists():
        return None
    try:
        return load_glossary(path, known_ids=known)
    except GlossaryError as error:
        raise UserGlossaryError(error.path, error.line, error.message) from None


def _named_layer(path: Path, known: set[str]) -> Glossary:
    if not path.exists():
        raise GlossaryError(path, None, "no such glossary file")
    return load_glossary(path, known_ids=known)
