"""Pinyin for words, computed on the Simplified shadow (pypinyin's tables are Simplified)."""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=8192)
def pinyin(simplified: str) -> str:
    """Tone-marked pinyin for a word, syllables separated by spaces.

    pypinyin is imported on first use: its phrase tables take a moment to load and the
    first frame must not wait for them.
    """
    from pypinyin import Style, lazy_pinyin

    return " ".join(s for s in lazy_pinyin(simplified, style=Style.TONE, errors="ignore") if s)
