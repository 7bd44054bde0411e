"""Real full disks and read-only folders for tests, made with the kernel rather than mocks.

A tiny tmpfs is a disk that fills up; a read-only bind mount (or, where mounting is not
allowed, ``chattr +i``) is a folder nobody can write to, root included. Each helper skips
the test, saying why, when the machine does not allow it.
"""

from __future__ import annotations

import errno
import os
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest


def _run(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(list(command), capture_output=True, text=True)


@contextmanager
def tiny_disk(where: Path, size: str = "1m") -> Iterator[Path]:
    """A tmpfs of ``size`` mounted at ``where`` (created), unmounted afterwards."""
    where.mkdir(parents=True, exist_ok=True)
    mounted = _run("mount", "-t", "tmpfs", "-o", f"size={size},mode=0755", "tmpfs", str(where))
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here ({mounted.stderr.strip() or 'mount failed'})")
    try:
        yield where
    finally:
        if _run("umount", str(where)).returncode != 0:
            _run("umount", "-l", str(where))


def fill(disk: Path) -> Path:
    """Write a filler file until the disk is full; returns it (remove it to free the space)."""
    filler = disk / "filler"
    fd = os.open(filler, os.O_CREAT | os.O_WRONLY | os.O_TRUNC, 0o644)
    try:
        block = 65536
        while block:
            try:
                os.write(fd, b"\0" * block)
            except OSError as error:
                if error.errno != errno.ENOSPC:
                    raise
                block //= 2  # the last pages: fill them in smaller writes
    finally:
        os.close(fd)
    return filler


@contextmanager
def read_only(directory: Path) -> Iterator[str]:
    """Make ``directory`` unwritable for the body, even for root; yields how it was done.

    A read-only bind mount of the directory onto itself first; where mounting is not
    allowed, the immutable attribute (``chattr +i``: no file may be created, renamed or
    removed in it). Skips when neither works.
    """
    how = _bind_read_only(directory)
    if how is None:
        how = _immutable(directory)
    if how is None:
        pytest.skip("cannot make a folder read-only for root here (no bind mount, no chattr)")
    try:
        yield how
    finally:
        if how == "bind":
            if _run("umount", str(directory)).returncode != 0:
                _run("umount", "-l", str(directory))
        else:
            _run("chattr", "-i", str(directory))


def _bind_read_only(directory: Path) -> str | None:
    if _run("mount", "--bind", str(directory), str(directory)).returncode != 0:
        return None
    if _run("mount", "-o", "remount,ro,bind", str(directory)).returncode != 0:
        _run("umount", str(directory))
        return None
    return "bind" if not _writable(directory) else _undo_bind(directory)


def _undo_bind(directory: Path) -> None:
    _run("umount", str(directory))
    return None


def _immutable(directory: Path) -> str | None:
    if _run("chattr", "+i", str(directory)).returncode != 0:
        return None
    if _writable(directory):
        _run("chattr", "-i", str(directory))
        return None
    return "chattr"


def _writable(directory: Path) -> bool:
    probe = directory / ".probe"
    try:
        probe.touch()
    except OSError:
        return False
    probe.unlink()
    return True


def listing(directory: Path) -> dict[str, bytes]:
    """Every file in ``directory`` with its bytes: compare before and after a failed save."""
    return {p.name: p.read_bytes() for p in sorted(directory.iterdir()) if p.is_file()}


def as_root() -> bool:
    return hasattr(os, "geteuid") and os.geteuid() == 0
