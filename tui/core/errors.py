"""The one exception type the front ends turn into a one-line message and exit code 2."""

from __future__ import annotations

from pathlib import Path


class ZhreadError(Exception):
    """A problem the user can fix: bad input, a bad name, a broken file.

    The message is complete on its own (it names the problem and, where there is one, the
    path), so the command line prints it as it is instead of a traceback.
    """

    def __init__(self, message: str, path: str | Path | None = None) -> None:
        self.path = None if path is None else str(path)
        super().__init__(f"{self.path}: {message}" if self.path else message)
