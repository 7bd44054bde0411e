"""jieba's cut, computed by jieba-rs (the optional ``rjieba`` package) when it is installed.

jieba-rs runs jieba's algorithm (the word graph, the best route through it, the HMM for
unknown words) over jieba's own dictionary, eight to ten times faster. Two details would
make its cuts differ from jieba's, and both are settled here so that they do not:

- jieba-rs counts the CJK extension blocks as Han, jieba only ``U+4E00``–``U+9FD5``; jieba
  yields every character outside that range as a word of its own, so only the stretches
  inside it are handed over, and the rest is cut one character at a time as jieba does;
- when a glossary word is already in the dictionary, jieba adds its new count to the total
  while jieba-rs replaces the old one; the difference is added back under a word no text
  handed over can hold (a private-use character), so every route is weighed against the
  same total.

Glossary words get the counts jieba gave them, so both tables hold the same entries. What
is left differs only between routes of exactly equal weight (repeated characters: 世世世 as
世世|世 or 世|世世), which jieba itself tells apart by the last bit of a floating-point sum;
the tests check that every difference is such a tie. When ``rjieba`` is missing or fails
to load, :func:`load` says so with ``None`` and jieba cuts.
"""

from __future__ import annotations

import importlib.machinery
import importlib.util
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

__all__ = ["FastCutter", "load"]

#: What jieba's ``cut`` treats as one Han block (its ``re_han_default``, letters aside).
_JIEBA_HAN = re.compile("[\u4e00-\u9fd5]+")

#: Holds the count that keeps jieba-rs's total equal to jieba's; never in a Han block.
_BALLAST = "\ue000"


class FastCutter:
    """A private jieba-rs tokenizer with the glossary words added as jieba added them."""

    def __init__(self, engine: Any) -> None:
        self._engine = engine
        self._ballast = 0

    def add_words(self, counts: Iterable[tuple[str, int, int]]) -> None:
        """Add ``(word, count, count before)`` triples: the count jieba gave each word and
        the one the dictionary had for it (0 when it held none)."""
        for word, count, before in counts:
            self._engine.add_word(word, count, None)
            self._ballast += before
        if self._ballast:
            self._engine.add_word(_BALLAST, self._ballast, None)

    def __call__(self, run: str) -> list[int]:
        """The word lengths jieba cuts ``run`` (Simplified text) into."""
        cut = self._engine.cut
        if _JIEBA_HAN.fullmatch(run):
            return [len(word) for word in cut(run, True)]
        lengths: list[int] = []
        pos = 0
        for block in _JIEBA_HAN.finditer(run):
            lengths += [1] * (block.start() - pos)
            lengths += [len(word) for word in cut(block.group(), True)]
            pos = block.end()
        lengths += [1] * (len(run) - pos)
        return lengths


def load() -> FastCutter | None:
    """A fresh jieba-rs tokenizer on jieba's dictionary, or ``None`` when there is none."""
    try:
        return FastCutter(_engine_class()())
    except Exception:  # noqa: BLE001 - missing, or built for another platform: jieba cuts
        return None


def _engine_class() -> Any:
    """``rjieba.Jieba``, from its extension module alone when it can be found: the package
    itself builds a tokenizer of its own on import, a tenth of a second and 25 MB that
    nothing here would use."""
    spec = importlib.util.find_spec("rjieba")
    folders = spec.submodule_search_locations if spec is not None else None
    for suffix in importlib.machinery.EXTENSION_SUFFIXES if folders else ():
        path = Path(next(iter(folders or ()))) / f"rjieba{suffix}"
        if path.is_file():
            loader = importlib.machinery.ExtensionFileLoader("rjieba.rjieba", str(path))
            module = importlib.util.module_from_spec(
                importlib.util.spec_from_loader("rjieba.rjieba", loader)  # type: ignore[arg-type]
            )
            loader.exec_module(module)
            return module.Jieba
    from rjieba import Jieba

    return Jieba
