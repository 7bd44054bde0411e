"""Where a text is cut into chunks: at places no word, term or name crosses, so each chunk
can be segmented (or converted) on its own and the pieces still tile the text."""

from __future__ import annotations

from tui.core.model.chars import is_mark

#: Characters in a chunk: about 15 ms of jieba, so the part on screen is ready almost at
#: once, and a worker told to stop (the reader quit, or opened another text) stops as soon.
CHUNK_CHARS = 4096

#: Where a chunk may end when its stretch has no newline: after a sentence; failing that
#: (a text written without them), after a clause, then at a space.
_SENTENCE_ENDS = "。！？；"
_CLAUSE_ENDS = "，、："


def chunk_bounds(text: str, size: int = CHUNK_CHARS) -> list[tuple[int, int]]:
    """(start, end) of each chunk; together they tile ``text``."""
    bounds: list[tuple[int, int]] = []
    pos, length = 0, len(text)
    while pos < length:
        end = _cut(text, pos, size)
        bounds.append((pos, end))
        pos = end
    return bounds or [(0, 0)]


def _cut(text: str, pos: int, size: int) -> int:
    """End of the chunk starting at ``pos``: after the last newline in its second half, else
    after the last sentence end there, else after a clause or a space, else (one enormous
    run of words) at ``size``: a word cut there is two tokens, and the chunk stays small."""
    target = pos + size
    if target >= len(text):
        return len(text)
    newline = text.rfind("\n", pos + size // 2, target)
    if newline >= 0:
        return newline + 1
    for marks in (_SENTENCE_ENDS, _CLAUSE_ENDS, " \t\u3000"):
        found = max(text.rfind(mark, pos + size // 2, target) for mark in marks)
        if found >= 0:
            return found + 1
    while target < len(text) and is_mark(text[target]):
        target += 1  # never part a character from its combining marks
    return target
