"""pypinyin, holding only the phrases made of characters it has been shown.

pypinyin loads all 47,000 of its phrases on import (about 60 MB with its matcher's prefix
set) unless ``PYPINYIN_NO_PHRASES`` is set. Every import of it in zhread goes through
:func:`pypinyin`, which sets that for the first; :func:`admit` then loads the phrases a
text can use (see :mod:`tui.core.readings.lexicons`), so its readings are exactly those of the whole
table. The tables are the process's, so what has been admitted is too. When pypinyin was
imported elsewhere first, with every phrase, there is nothing to add.
"""

from __future__ import annotations

import os
import sys
import threading
from types import ModuleType

from tui.core.readings import lexicons

__all__ = ["admit", "pypinyin"]

_lock = threading.Lock()
_import_lock = threading.Lock()
_admitted: frozenset[str] = frozenset()
_module: ModuleType | None = None


def pypinyin() -> ModuleType:
    """The pypinyin module; imported, if it is not yet, without its phrase table.

    pypinyin reads the variable when it is imported; it is taken out again afterwards, so
    that programs zhread starts (an editor, say) do not inherit it."""
    global _module
    if _module is None:
        with _import_lock:
            if _module is None:
                ours = "PYPINYIN_NO_PHRASES" not in os.environ
                os.environ.setdefault("PYPINYIN_NO_PHRASES", "1")
                try:
                    import pypinyin
                finally:
                    if ours:
                        os.environ.pop("PYPINYIN_NO_PHRASES", None)
                _module = pypinyin
    return _module


def admit(text: str) -> None:
    """Load the phrases made of the characters admitted so far and those of ``text``, so
    that pypinyin reads ``text`` as it would with all of them."""
    global _admitted
    if _admitted.issuperset(text):
        return
    module = pypinyin()
    with _lock, lexicons.collection_paused():
        known = _admitted
        new = set(text) - known
        if not new:
            return
        if not _holds_every_phrase():
            phrases = lexicons.pinyin_phrases(new, known)
            if phrases.prefixes:  # its matcher stops where no phrase can go on
                from pypinyin.seg import mmseg

                mmseg.seg.train(iter(phrases.prefixes))
            if phrases.readings:
                module.load_phrases_dict(phrases.readings)
        _admitted = known | new


def _holds_every_phrase() -> bool:
    """Whether pypinyin was imported with its whole phrase table."""
    shipped = sys.modules.get("pypinyin.phrases_dict")
    if shipped is None:
        return False
    from pypinyin.constants import PHRASES_DICT

    return len(PHRASES_DICT) >= len(shipped.phrases_dict)
