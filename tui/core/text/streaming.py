"""Text read a line at a time with bounded memory, line ends exactly as they were.

`zhread convert` must give OpenCC's output byte for byte, CRLF included, on inputs far larger
than memory should hold. The encoding is decided from the first chunk (cut at a newline byte,
which no supported multi-byte encoding uses inside a character), then an incremental decoder
carries on from there.
"""

from __future__ import annotations

import codecs
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from tui.core.errors import ZhreadError
from tui.core.text.loading import decode, repaired

CHUNK = 1 << 20


def text_lines(file: str | None, encoding: str | None = None, chunk: int = CHUNK) -> Iterator[str]:
    """Lines of ``file`` (``None`` or ``-``: standard input), each with its own line end."""
    source = "<stdin>" if file in (None, "-") else str(file)
    stream = sys.stdin.buffer if source == "<stdin>" else _open(Path(str(file)), source)
    try:
        head = stream.read(chunk)
        # the codec as the whole-file reader settles it: a bad name is said here, and Big5
        # by any name is read as code page 950
        codec = decode(_detectable(head, chunk), encoding=encoding, source=source).encoding
        yield from _decoded_lines(stream, head, codec, chunk, source)
    finally:
        if stream is not sys.stdin.buffer:
            stream.close()


def _open(path: Path, source: str) -> BinaryIO:
    if path.is_dir():
        raise ZhreadError("is a directory", source)
    try:
        return path.open("rb")
    except FileNotFoundError:
        raise ZhreadError("no such file", source) from None
    except OSError as error:
        raise ZhreadError(f"cannot read ({error.strerror or error})", source) from None


def _detectable(head: bytes, chunk: int) -> bytes:
    """The first chunk, cut after its last newline when the file goes on past it."""
    if len(head) < chunk or b"\x00" in head:
        return head[: len(head) - len(head) % 2] if b"\x00" in head else head
    cut = head.rfind(b"\n")
    return head[: cut + 1] if cut > 0 else head


def _decoded_lines(
    stream: BinaryIO, head: bytes, codec: str, chunk: int, source: str
) -> Iterator[str]:
    decoder = codecs.getincrementaldecoder(codec)(errors="strict")
    pending, data, read = "", head, 0
    while True:
        try:
            pending += decoder.decode(data, final=not data)
        except UnicodeDecodeError as error:
            raise ZhreadError(
                f"does not decode as {codec} (near byte {read + error.start})", source
            ) from None
        lines = repaired(pending, codec).splitlines(keepends=True)
        pending = lines.pop() if lines and not lines[-1].endswith(("\n", "\r")) else ""
        yield from lines
        if not data:
            break
        read += len(data)
        data = stream.read(chunk)
    if pending:
        yield pending
