"""The glossary's data: each term's validated entry, and the glossary that holds them by id
and finds them in a text."""

from __future__ import annotations

import copy
import dataclasses
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from enum import StrEnum
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    ConfigDict,
    StrictBool,
    StringConstraints,
    TypeAdapter,
    ValidationInfo,
    field_validator,
)
from pydantic.dataclasses import dataclass

from tui.core.glossary.matcher import Matcher, Spelling, TermMatch, convert_all, has_han
from tui.core.model.chars import contains_han, unify_name_dots
from tui.core.scripts import convert

__all__ = ["Alias", "Category", "Entry", "Glossary", "entry_data", "entry_fields", "entry_from"]

_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
# a syllable with a tone number (zheng1); digits of a name copied into the reading (H100) are not
_TONE_NUMBER = re.compile(r"\b[a-zü]+[1-5]\b")


class Category(StrEnum):
    """What kind of thing a term names; front ends colour and filter by it."""

    AI = "ai"
    SEMICONDUCTORS = "semiconductors"
    COMPUTING = "computing"
    POLICY = "policy"
    ORGANISATION = "organisation"
    PERSON = "person"
    MEDIA = "media"
    MODEL = "model"
    PLACE = "place"
    ECONOMICS = "economics"
    OTHER = "other"


def _one_line(value: str) -> str:
    """No reader sees a term broken across lines as one word, and forms are converted
    joined by line breaks, so a spelling must stay on one line."""
    if "\n" in value or "\r" in value:
        raise ValueError("must be on one line")
    return value


def _slug(value: str) -> str:
    """Ids are typed by people and used in links and file names: keep them plain."""
    if not _SLUG.fullmatch(value):
        raise ValueError(f"{value!r} is not a lowercase slug such as 'chiplet-packaging'")
    return value


_Text = Annotated[str, StringConstraints(strict=True, strip_whitespace=True, min_length=1)]
_Line = Annotated[_Text, AfterValidator(_one_line)]
_Slug = Annotated[_Line, AfterValidator(_slug)]


#: Entries are validated dataclasses, not models: a glossary of the whole field holds
#: thousands, and a model's per-instance bookkeeping would quadruple their memory.
_FROZEN = ConfigDict(extra="forbid")


@dataclass(frozen=True, slots=True, config=_FROZEN)
class Alias:
    """A Latin name for a term (SFT, CoT, OpenAI), matched as a whole word."""

    text: _Line
    ignore_case: StrictBool = False

    @field_validator("text")
    @classmethod
    def _latin(cls, value: str) -> str:
        """Han forms go through the shadow; an alias with Han would bypass normalisation."""
        if has_han(value):
            raise ValueError("an alias must be Latin; put Chinese spellings under 'forms'")
        return value


@dataclass(frozen=True, slots=True, kw_only=True, config=_FROZEN)
class Entry:
    """One glossary term: its spellings, reading, gloss and explanation."""

    id: _Slug
    hant: _Line
    hans: _Line
    tw: _Line | None = None
    hk: _Line | None = None
    forms: tuple[_Line, ...] = ()
    aliases: tuple[Alias, ...] = ()
    pinyin: Annotated[str, StringConstraints(strict=True, strip_whitespace=True)]
    en: _Text
    category: Category
    definition: _Text
    note: _Text | None = None
    see_also: tuple[_Slug, ...] = ()

    @field_validator("aliases", mode="before")
    @classmethod
    def _plain_aliases(cls, value: Any) -> Any:
        """Most aliases are case-sensitive, so a bare string is the short way to write one."""
        if isinstance(value, list | tuple):
            return [{"text": item} if isinstance(item, str) else item for item in value]
        return value

    @field_validator("pinyin")
    @classmethod
    def _tone_marks(cls, value: str, info: ValidationInfo) -> str:
        """Pinyin reads ``hans``; a Latin-only term has nothing to read, so it may be empty."""
        if _TONE_NUMBER.search(value):
            raise ValueError("use tone marks (zhēng liú), not tone numbers")
        if not value and has_han(info.data.get("hans", "")):
            raise ValueError("must not be empty when 'hans' contains Chinese characters")
        return value

    def written(self) -> tuple[str, ...]:
        """The term's Chinese-script slots in order: the word in both scripts, Taiwan's and
        Hong Kong's own words where they differ, then the other forms."""
        regional = tuple(form for form in (self.tw, self.hk) if form is not None)
        return (self.hant, self.hans, *regional, *self.forms)

    def spellings(self) -> Iterator[str]:
        """Every string this term is written as: the written forms, then alias texts."""
        yield from self.written()
        yield from (alias.text for alias in self.aliases)

    def other_forms(self, written: Iterable[str]) -> list[str]:
        """The term's written forms (see :meth:`written`) other than those a text uses, so a
        reader sees the headword as on the page and the glossary's other words beside it.
        Name dots count as one (漢娜‧多門 is 漢娜·多門)."""
        used = {unify_name_dots(form) for form in written}
        others = [f for f in self.written() if unify_name_dots(f) not in used]
        return list(dict.fromkeys(others))

    def reading(self, written: str) -> str:
        """Pinyin for the term as ``written``: the entry's own (checked against the
        dictionaries) when it is the word ``hans`` spells, in either script, else derived,
        since another form may be another word (晶片 jīng piàn for 芯片 xīn piàn); empty for a
        form in Latin letters."""
        if not has_han(written):
            return ""
        shadow = unify_name_dots(convert.shadow(written))
        if shadow == unify_name_dots(convert.shadow(self.hans)):
            return self.pinyin
        from tui.core.readings.reading import pinyin

        return pinyin(shadow)


_ENTRY: TypeAdapter[Entry] = TypeAdapter(Entry)


def entry_from(data: Any) -> Entry:
    """An entry from plain data (a YAML mapping); pydantic's ValidationError if it is wrong."""
    return _ENTRY.validate_python(data)


def entry_data(entry: Entry, *, exclude_defaults: bool = False) -> dict[str, Any]:
    """The entry as JSON-ready data, field by field, as a glossary file writes it."""
    data: dict[str, Any] = _ENTRY.dump_python(entry, mode="json", exclude_defaults=exclude_defaults)
    return data


def entry_fields() -> list[str]:
    """The fields an entry may have, in their order."""
    return [field.name for field in dataclasses.fields(Entry)]


class Glossary:
    """A set of entries by id, and the matcher built from all their spellings.

    Built once per glossary file (or per stack of layers), then used for every text; building
    normalises every Han form, so it is done here and not per match.
    """

    def __init__(self, entries: Iterable[Entry] = ()) -> None:
        """Later entries with the same id replace earlier ones (and their spellings)."""
        ordered = list(entries)
        self.entries: dict[str, Entry] = {}
        for entry in ordered:
            self.entries[entry.id] = entry
        self._matcher = Matcher(_spellings(e for e in ordered if self.entries[e.id] is e))
        self._han_forms: frozenset[str] | None = None
        self.text_notes: dict[str, str] = {}  # entry id -> a note on the one text read
        self.silent = False  # the text read has no Chinese: it has no terms

    def for_text(self, text: str, notes: Mapping[str, str] | None = None) -> Glossary:
        """This glossary as it applies to one text: with the ``notes`` written about that
        text (those it had for another are dropped), and finding no terms at all in a text
        without Chinese, where "AI" or "compute" is English and not the Chinese term.
        Entries and matcher are shared, so a view costs nothing to make."""
        view = copy.copy(self)
        view.text_notes = {i: note for i, note in (notes or {}).items() if i in self.entries}
        view.silent = not contains_han(text)
        return view

    def text_note(self, entry_id: str) -> str | None:
        """What the notes on the text read say about a term, if anything."""
        return self.text_notes.get(entry_id)

    @classmethod
    def merged(cls, layers: Sequence[Glossary]) -> Glossary:
        """Stack glossaries (built-in, then the user's): a later layer overrides by id.

        An overridden entry keeps its place in the order, and where two layers spell
        different terms the same way, the later layer's term is the one matched.
        """
        return cls(entry for layer in layers for entry in layer.entries.values())

    def __len__(self) -> int:
        return len(self.entries)

    def __contains__(self, entry_id: object) -> bool:
        return entry_id in self.entries

    def get(self, entry_id: str) -> Entry:
        try:
            return self.entries[entry_id]
        except KeyError:
            raise KeyError(f"no glossary entry with id {entry_id!r}") from None

    def match(self, text: str, shadow: str | None = None) -> list[TermMatch]:
        """Every term in ``text``, leftmost-longest, sorted and never overlapping.

        ``shadow`` is ``convert.shadow(text)``; callers that already have it pass it in,
        since converting a long text costs more than matching it. A view made by
        :meth:`for_text` for a text without Chinese finds nothing.
        """
        if self.silent:
            return []
        if shadow is None:
            shadow = convert.shadow(text)
        if len(shadow) != len(text):
            raise ValueError("the shadow must have exactly the length of the text")
        return self._matcher.scan(text, unify_name_dots(shadow)) if text else []

    def han_forms(self) -> set[str]:
        """Every Han spelling of the terms and its Simplified form, so the segmenter, which
        cuts the Simplified shadow, keeps each term one word."""
        if self._han_forms is None:
            forms = [
                form for entry in self.entries.values() for form in entry.written() if has_han(form)
            ]
            self._han_forms = frozenset(forms) | frozenset(convert_all(forms, "t2s"))
        return set(self._han_forms)


def _spellings(entries: Iterable[Entry]) -> Iterator[Spelling]:
    """What the matcher looks for: each spelling, its entry, whether case is ignored, and
    whether a version may follow it (the Latin names of models)."""
    for entry in entries:
        model = entry.category is Category.MODEL
        for form in entry.written():
            yield Spelling(form, entry.id, False, model and not has_han(form))
        for alias in entry.aliases:
            yield Spelling(alias.text, entry.id, alias.ignore_case, model)
