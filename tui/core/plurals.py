"""Counts in English: ``1 use``, ``2 uses``, ``1 entry``, ``3 entries``, ``0 matches``.

Every count the reader sees goes through :func:`plural`, so none reads ``1 uses``: a count
written with a fixed plural is right for every number except the one a short text, a new
glossary or a first search gives most often.
"""

from __future__ import annotations

__all__ = ["plural", "plural_of"]

#: Nouns whose plural the spelling rules below do not give.
_IRREGULAR = {"person": "people", "child": "children", "series": "series"}
_SIBILANT_ENDS = ("s", "x", "z", "ch", "sh")


def plural(count: int, noun: str, many: str | None = None) -> str:
    """``count`` and ``noun``, the noun in the plural unless the count is one.

    ``noun`` may be a phrase whose last word is the noun (``saved word``); ``many`` gives
    a plural the rules do not know.
    """
    return f"{count} {noun if count == 1 else many or plural_of(noun)}"


def plural_of(noun: str) -> str:
    """The plural of a phrase's last word by English spelling: ``entry`` -> ``entries``,
    ``match`` -> ``matches``, ``day`` -> ``days``, ``use`` -> ``uses``."""
    head, _, last = noun.rpartition(" ")
    lower = last.lower()
    if lower in _IRREGULAR:
        many = _IRREGULAR[lower]
    elif lower.endswith(_SIBILANT_ENDS):
        many = last + "es"
    elif len(lower) > 1 and lower.endswith("y") and lower[-2] not in "aeiou":
        many = last[:-1] + "ies"
    else:
        many = last + "s"
    return f"{head} {many}" if head else many
