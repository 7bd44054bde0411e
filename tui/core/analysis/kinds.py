"""The kinds of thing a name names, and the common word that names none."""

from __future__ import annotations

__all__ = ["COMMON", "ORGANISATION", "PERSON", "PLACE"]

PERSON, ORGANISATION, PLACE, COMMON = "person", "organisation", "place", "common"
