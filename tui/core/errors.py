"""The exception type the front ends turn into a one-line message and exit code 2, and the
form it takes when a library zhread needs does not import."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


class ZhreadError(Exception):
    """A problem the user can fix: bad input, a bad name, a broken file.

    The message is complete on its own (it names the problem and, where there is one, the
    path), so the command line prints it as it is instead of a traceback.
    """

    def __init__(self, message: str, path: str | Path | None = None) -> None:
        self.path = None if path is None else str(path)
        super().__init__(f"{self.path}: {message}" if self.path else message)


class MissingDependency(ZhreadError):
    """A library zhread needs did not import: not installed, or installed in a version that
    breaks on import (a dependency of a dependency moved, as ``lxml.html.clean`` did).

    It is a :class:`ZhreadError` so that every front end already says it in one line and
    exits with 2: a broken install is something the user fixes, not a crash to report.
    """

    def __init__(self, purpose: str, error: ImportError) -> None:
        self.module = error.name
        super().__init__(f"cannot {purpose}: {describe_import_error(error)}")


def describe_import_error(error: ImportError) -> str:
    """What failed to import, on one line (some libraries explain themselves over several),
    and what to do about it."""
    lines = [line.strip() for line in str(error).splitlines() if line.strip()]
    reason = lines[0] if lines else f"cannot import {error.name or 'a module'}"
    return f"a package it needs did not import ({reason}); reinstall zhread with its dependencies"


@contextmanager
def imports_for(purpose: str) -> Iterator[None]:
    """Run a block whose lazy imports (the HTML extractor, the segmenter's dictionary)
    may fail on a broken install; a failure comes out as :class:`MissingDependency`.

    Heavy libraries are imported where they are first needed, so that is also where a broken
    one shows; wrapping those places keeps the message about the task ("cannot read HTML
    documents") rather than about the module.
    """
    try:
        yield
    except ImportError as error:
        raise MissingDependency(purpose, error) from None
