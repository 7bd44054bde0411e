"""jieba's part-of-speech tagger over a splitter's own table of admitted words.

``jieba.posseg`` reads every word's tag from the dictionary twice over: once on import, for
the module's default tagger, and again for each tagger made (about 50 MB and most of a
second each). A splitter's tagger needs only the tags of the words it has admitted, which
it passes in; the module's default tagger, unused here, reads its tags when first used.
"""

from __future__ import annotations

import io
import sys
import threading
from collections.abc import Callable
from types import ModuleType
from typing import Any

__all__ = ["tagger"]

_import_lock = threading.Lock()


def tagger(tokenizer: Any, tags: dict[str, str], admit: Callable[[str], None]) -> Any:
    """A ``POSTokenizer`` cutting with ``tokenizer``, tagging from ``tags`` (which the
    caller keeps filling), and calling ``admit`` with each text before tagging it."""
    posseg = _posseg()

    class AdmittedTagger(posseg.POSTokenizer):  # type: ignore[misc, name-defined]
        def __init__(self) -> None:  # the base reads the whole dictionary's tags
            self.tokenizer = tokenizer
            self.word_tag_tab = tags

        def cut(self, sentence: str, HMM: bool = True) -> Any:  # noqa: N803 - jieba's name
            admit(sentence)
            return super().cut(sentence, HMM)

    return AdmittedTagger()


def _posseg() -> ModuleType:
    """``jieba.posseg``, imported without reading the tags of its default tagger."""
    with _import_lock:
        if "jieba.posseg" in sys.modules:
            return sys.modules["jieba.posseg"]
        import jieba

        jieba.dt.get_dict_file = io.BytesIO  # what the default tagger reads
        try:
            import jieba.posseg as posseg
        finally:
            del jieba.dt.get_dict_file
        posseg.dt.word_tag_tab = _TagsOnDemand(posseg.dt)
        return sys.modules["jieba.posseg"]


class _TagsOnDemand(dict[str, str]):
    """The default tagger's table, read whole the first time anything looks in it."""

    def __init__(self, owner: Any) -> None:
        super().__init__()
        self._owner = owner

    def _whole(self) -> dict[str, str]:
        if self._owner.word_tag_tab is self:
            self._owner.load_word_tag(self._owner.tokenizer.get_dict_file())
        whole: dict[str, str] = self._owner.word_tag_tab
        return whole

    def get(self, key: str, default: Any = None) -> Any:
        return self._whole().get(key, default)

    def __getitem__(self, key: str) -> str:
        return self._whole()[key]

    def __contains__(self, key: object) -> bool:
        return key in self._whole()

    def update(self, *args: Any, **kwargs: Any) -> None:
        self._whole().update(*args, **kwargs)
