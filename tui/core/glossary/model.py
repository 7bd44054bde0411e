"""The glossary: a validated YAML file of terms, and a fast matcher that finds them in a text.

Terms are found in whichever script and regional wording the text uses: every Han form is
normalised to Simplified with the same length-preserving conversion the segmenter uses, and
matched on the text's Simplified shadow, so offsets into the shadow are offsets into the text.
Latin aliases (SFT, CoT, OpenAI) match only as whole words.

Every problem in a glossary file is reported as ``FILE:LINE: message`` naming the entry and the
field, because the people who edit these files are translators and readers, not programmers.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from itertools import accumulate, compress, count
from operator import add, itemgetter
from pathlib import Path
from typing import Annotated, Any

import yaml
from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    StrictBool,
    StringConstraints,
    ValidationError,
    ValidationInfo,
    field_validator,
)
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from tui.core.scripts import convert
from tui.core.glossary.bundled import builtin_glossary_path
from tui.core.model.chars import contains_han, is_han, unify_name_dots
from tui.core.errors import ZhreadError

__all__ = [
    "MAX_ENTRIES",
    "MAX_GLOSSARY_BYTES",
    "Alias",
    "Category",
    "Entry",
    "Glossary",
    "GlossaryError",
    "TermMatch",
    "builtin_glossary_path",
    "load_glossary",
    "parse_glossary",
]

#: Larger files are refused before they are read: a glossary is hand-written, not a dump.
MAX_GLOSSARY_BYTES = 10 * 1024 * 1024
#: No list in a glossary file (the terms, or one entry's forms) may be longer than this.
MAX_ENTRIES = 100_000

_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


class Category(StrEnum):
    """What kind of thing a term names; front ends colour and filter by it."""

    AI = "ai"
    SEMICONDUCTORS = "semiconductors"
    POLICY = "policy"
    ORGANISATION = "organisation"
    PERSON = "person"
    MEDIA = "media"
    MODEL = "model"
    PLACE = "place"
    ECONOMICS = "economics"
    OTHER = "other"


def has_han(text: str) -> bool:
    """Whether a form is matched as Chinese (via the shadow) rather than as a Latin word."""
    return any(is_han(ch) for ch in text)


def _is_word_char(ch: str) -> bool:
    """Latin words end where ASCII letters and digits end; everything else is a boundary."""
    return ch.isascii() and ch.isalnum()


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


class Alias(BaseModel):
    """A Latin name for a term (SFT, CoT, OpenAI), matched as a whole word."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    text: _Line
    ignore_case: StrictBool = False

    @field_validator("text")
    @classmethod
    def _latin(cls, value: str) -> str:
        """Han forms go through the shadow; an alias with Han would bypass normalisation."""
        if has_han(value):
            raise ValueError("an alias must be Latin; put Chinese spellings under 'forms'")
        return value


class Entry(BaseModel):
    """One glossary term: its spellings, reading, gloss and explanation."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: _Slug
    hant: _Line
    hans: _Line
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
        """Pinyin reads ``hant``; a Latin-only term has nothing to read, so it may be empty."""
        if any(ch.isascii() and ch.isdigit() for ch in value):
            raise ValueError("use tone marks (zhēng liú), not tone numbers")
        if not value and has_han(info.data.get("hant", "")):
            raise ValueError("must not be empty when 'hant' contains Chinese characters")
        return value

    def spellings(self) -> Iterator[str]:
        """Every string this term is written as: hant, hans, forms, then alias texts."""
        yield self.hant
        yield self.hans
        yield from self.forms
        yield from (alias.text for alias in self.aliases)

    def other_forms(self, written: Iterable[str]) -> list[str]:
        """The term's written forms (hant, hans, forms) other than those a text uses, so a
        reader sees the headword as on the page and the glossary's other words beside it.
        Name dots count as one (漢娜‧多門 is 漢娜·多門)."""
        used = {unify_name_dots(form) for form in written}
        others = [f for f in (self.hant, self.hans, *self.forms) if unify_name_dots(f) not in used]
        return list(dict.fromkeys(others))

    def reading(self, written: str) -> str:
        """Pinyin for the term as ``written``: the entry's own (checked by hand) when it is
        ``hant`` in either script, else derived, since another form may be another word
        (芯片 xīn piàn for 晶片 jīng piàn); empty for a form in Latin letters."""
        if not has_han(written):
            return ""
        shadow = unify_name_dots(convert.shadow(written))
        if shadow == unify_name_dots(convert.shadow(self.hant)):
            return self.pinyin
        from tui.core.readings.reading import pinyin

        return pinyin(shadow)


@dataclass(frozen=True, slots=True)
class TermMatch:
    """A glossary term found at ``text[start:end]``."""

    start: int
    end: int
    entry_id: str


class GlossaryError(ZhreadError):
    """A broken glossary file, located as precisely as the YAML allows.

    ``str()`` is ``FILE:LINE: message`` (``FILE: message`` when the problem is the whole
    file, such as its size), the form editors and ``grep -n`` users jump to.
    """

    def __init__(self, path: str | Path, line: int | None, message: str) -> None:
        super().__init__(message)
        self.path = str(path)
        self.line = line
        self.message = message
        where = self.path if line is None else f"{self.path}:{line}"
        self.args = (f"{where}: {message}",)


def _convert_all(forms: Sequence[str], config: str = "t2s") -> list[str]:
    """Convert many forms in one OpenCC call (the calls, not the characters, cost time).

    The default is the shadow's own conversion, so forms normalise exactly as texts do.
    """
    joined = convert.aligned("\n".join(forms), config)
    out: list[str] = []
    pos = 0
    for form in forms:
        out.append(joined[pos : pos + len(form)])
        pos += len(form) + 1
    return out


_Hit = tuple[int, str]  # (length, entry id)


class _Table:
    """Forms keyed exactly as they are looked up, plus candidate lengths by first character.

    Looking up a handful of slices per candidate position keeps matching linear in the text,
    whatever the glossary's size, where one big alternation regex would not. Each form also
    records whether it starts or ends with a Latin letter, the only case that needs a
    word-boundary check.
    """

    def __init__(self) -> None:
        self.forms: dict[str, tuple[str, bool]] = {}
        self.lengths: dict[str, tuple[int, ...]] = {}

    def add(self, key: str, entry_id: str) -> None:
        # later entries (later layers) win
        self.forms[key] = (entry_id, _is_word_char(key[0]) or _is_word_char(key[-1]))

    def finish(self) -> None:
        lengths: dict[str, set[int]] = {}
        for key in self.forms:
            lengths.setdefault(key[0], set()).add(len(key))
        self.lengths = {ch: tuple(sorted(ls, reverse=True)) for ch, ls in lengths.items()}

    def longest(self, haystack: str, text: str, i: int, best: int = 0) -> _Hit | None:
        """The longest form at ``i`` that is longer than ``best`` and cuts no Latin word."""
        forms, room = self.forms, len(haystack) - i  # a slice past the end would be shorter
        for length in self.lengths.get(haystack[i], ()):
            if length <= best:
                return None
            if length > room:
                continue
            found = forms.get(haystack[i : i + length])
            if found is not None and not (found[1] and _cuts_word(text, i, i + length)):
                return length, found[0]
        return None


class _FoldedTable(_Table):
    """Case-insensitive aliases: keyed lowercased, and looked up lowercased."""

    def add(self, key: str, entry_id: str) -> None:
        super().add(key.lower(), entry_id)

    def longest(self, haystack: str, text: str, i: int, best: int = 0) -> _Hit | None:
        room = len(haystack) - i
        for length in self.lengths.get(haystack[i].lower(), ()):
            if length <= best:
                return None
            if length > room:
                continue
            found = self.forms.get(haystack[i : i + length].lower())
            if found is not None and not (found[1] and _cuts_word(text, i, i + length)):
                return length, found[0]
        return None


def _cuts_word(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` begins or ends in the middle of a Latin word."""
    if start > 0 and _is_word_char(text[start]) and _is_word_char(text[start - 1]):
        return True
    return end < len(text) and _is_word_char(text[end - 1]) and _is_word_char(text[end])


def _char_class(chars: Iterable[str]) -> str:
    """A regex class; many astral characters become one range (sre scans them one by one)."""
    unique = sorted(set(chars))
    astral = [ch for ch in unique if ord(ch) > 0xFFFF]
    if len(astral) > 16:
        unique = [ch for ch in unique if ord(ch) <= 0xFFFF]
        return f"[{''.join(map(re.escape, unique))}{astral[0]}-{astral[-1]}]"
    return f"[{''.join(map(re.escape, unique))}]"


_LATIN_WORD = re.compile(r"([A-Za-z0-9]+)")


def _start_pattern(chars: Iterable[str]) -> re.Pattern[str] | None:
    """A plain character class: sre finds its matches with a fast scan in C."""
    unique = set(chars)
    return re.compile(_char_class(unique)) if unique else None


def _positions(pattern: re.Pattern[str] | None, haystack: str) -> list[int]:
    """Offsets of every match of a one-character pattern, without a match object for each.

    Splitting and summing the piece lengths runs entirely in C; for a dense text it is
    several times faster than ``finditer``.
    """
    if pattern is None:
        return []
    pieces = pattern.split(haystack)
    return list(map(add, accumulate(map(len, pieces[:-1])), count()))


def _word_starts(text: str, firsts: frozenset[str]) -> list[int]:
    """Offsets of the Latin words that begin with one of ``firsts``, found in C.

    A Latin form can only begin a word, so only word starts are candidates; looking at
    each letter instead would make a text full of English slow to scan.
    """
    if not firsts:
        return []
    pieces = _LATIN_WORD.split(text)  # other, word, other, word, ..., other
    starts = list(accumulate(map(len, pieces)))[0:-1:2]
    wanted = map(firsts.__contains__, map(itemgetter(0), pieces[1::2]))
    return list(compress(starts, wanted))


class _Matcher:
    """Leftmost-longest matching of every entry's spellings in a text and its shadow.

    All spellings are looked up normalised, in the shadow (conversion leaves Latin as it
    is). Where the shadow has nothing, Han spellings as written are looked up in the text:
    conversion in context can differ from conversion of the form on its own. Both happen at
    the positions where a normalised form could start. Case-insensitive aliases are looked
    up in the text, lowercased.
    """

    def __init__(self, entries: Sequence[Entry]) -> None:
        self.main, self.written, self.folded = _Table(), _Table(), _FoldedTable()
        forms: list[tuple[str, str]] = []
        for entry in entries:
            forms += [(form, entry.id) for form in (entry.hant, entry.hans, *entry.forms)]
            for alias in entry.aliases:
                if alias.ignore_case:
                    self.folded.add(alias.text, entry.id)
                else:
                    forms.append((alias.text, entry.id))
        for (form, entry_id), key in zip(forms, _convert_all([form for form, _ in forms])):
            key = unify_name_dots(key)  # as :meth:`Glossary.match` unifies the shadow
            self.main.add(key, entry_id)
            if key != form and has_han(form):
                self.written.add(form, entry_id)
        for table in (self.main, self.written, self.folded):
            table.finish()
        folded = self.folded.lengths
        self.fold_firsts = frozenset(c for first in folded for c in (first, first.upper()))
        firsts = self.fold_firsts | self.main.lengths.keys()
        self.han_starts = _start_pattern(c for c in firsts if not _is_word_char(c))
        self.word_firsts = frozenset(c for c in firsts if _is_word_char(c))

    def scan(self, text: str, shadow: str) -> list[TermMatch]:
        """One pass over the candidate starts in order, skipping those inside the last match:
        that is what makes the result leftmost-longest, sorted and free of overlaps."""
        found: list[TermMatch] = []
        pos = 0
        starts = _positions(self.han_starts, shadow) + _word_starts(text, self.word_firsts)
        main, written, folded = self.main.longest, self.written.longest, self.folded.longest
        written_firsts, fold_firsts = self.written.lengths, self.fold_firsts
        for i in sorted(starts):
            if i < pos:
                continue
            hit = main(shadow, text, i)
            if hit is None and text[i] in written_firsts:
                hit = written(text, text, i)
            if text[i] in fold_firsts:  # a case-insensitive alias must be strictly longer
                hit = folded(text, text, i, hit[0] if hit else 0) or hit
            if hit is not None:
                found.append(TermMatch(i, i + hit[0], hit[1]))
                pos = i + hit[0]
        return found


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
        self._matcher = _Matcher([e for e in ordered if self.entries[e.id] is e])
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
                form
                for entry in self.entries.values()
                for form in (entry.hant, entry.hans, *entry.forms)
                if has_han(form)
            ]
            self._han_forms = frozenset(forms) | frozenset(_convert_all(forms, "t2s"))
        return set(self._han_forms)


# --- reading and validating files -------------------------------------------------------


class _Loader(yaml.SafeLoader):
    """SafeLoader that refuses an overlong list while composing it, before the rest is read."""

    def __init__(self, stream: str, source: str) -> None:
        super().__init__(stream)
        self.source = source

    def compose_node(self, parent: Node | None, index: Any) -> Node:
        if isinstance(index, int) and index >= MAX_ENTRIES:
            line = self.peek_event().start_mark.line + 1
            raise GlossaryError(
                self.source, line, f"a list with more than {MAX_ENTRIES:,} items; refusing to load"
            )
        return super().compose_node(parent, index)


def load_glossary(path: str | Path, *, known_ids: Iterable[str] = ()) -> Glossary:
    """Read, validate and index a glossary file.

    ``known_ids`` are ids defined elsewhere (the built-in glossary, for a user's layer) that
    ``see_also`` may point to.
    """
    data = _read_limited(Path(path))
    return parse_glossary(_decode(data, path), str(path), known_ids=known_ids)


def parse_glossary(
    text: str, source: str = "<glossary>", *, known_ids: Iterable[str] = ()
) -> Glossary:
    """Validate glossary YAML given as text; ``source`` names it in error messages."""
    _check_size(text, source)
    root, data = _load_yaml(text, source)
    parsed = [
        (_build_entry(node, item, number, source), node)
        for number, (node, item) in enumerate(_term_items(root, data, source), start=1)
    ]
    _check_ids(parsed, source)
    _check_spellings(parsed, source)
    _check_see_also(parsed, source, known_ids)
    return Glossary(entry for entry, _ in parsed)


def _read_limited(path: Path) -> bytes:
    """Refuse a huge file from its size alone, and never read more than the limit."""
    try:
        size = path.stat().st_size
        if size <= MAX_GLOSSARY_BYTES:
            with path.open("rb") as stream:
                data = stream.read(MAX_GLOSSARY_BYTES + 1)
            size = len(data)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise GlossaryError(path, None, f"cannot read the glossary: {reason}") from None
    if size > MAX_GLOSSARY_BYTES:
        raise GlossaryError(path, None, _too_big(size))
    return data


def _too_big(size: int) -> str:
    return f"the file is {size:,} bytes, over the {MAX_GLOSSARY_BYTES:,}-byte limit for a glossary"


def _check_size(text: str, source: str) -> None:
    if len(text) * 4 > MAX_GLOSSARY_BYTES:  # encoding is only worth it when it could matter
        size = len(text.encode("utf-8", "surrogatepass"))
        if size > MAX_GLOSSARY_BYTES:
            raise GlossaryError(source, None, _too_big(size))


def _decode(data: bytes, path: str | Path) -> str:
    """UTF-8 only (a BOM is allowed): a glossary in a legacy encoding is a mistake to report."""
    data = data.removeprefix(b"\xef\xbb\xbf")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise GlossaryError(
            path, line, f"not valid UTF-8 (byte 0x{data[exc.start]:02x}); save the file as UTF-8"
        ) from None


def _load_yaml(text: str, source: str) -> tuple[Node | None, Any]:
    """The node tree (for line numbers) and the data built from it with safe semantics."""
    loader: _Loader | None = None
    try:
        loader = _Loader(text, source)  # this already rejects unprintable characters
        root = loader.get_single_node()
        return root, None if root is None else loader.construct_document(root)
    except yaml.MarkedYAMLError as exc:
        raise _yaml_error(exc, source) from None
    except yaml.reader.ReaderError as exc:
        line = text.count("\n", 0, exc.position) + 1
        message = f"invalid YAML: character U+{exc.character:04X} is not allowed ({exc.reason})"
        raise GlossaryError(source, line, message) from None
    except yaml.YAMLError as exc:
        raise GlossaryError(source, None, f"invalid YAML: {exc}") from None
    except RecursionError:
        raise GlossaryError(source, None, "invalid YAML: nested too deeply") from None
    finally:
        if loader is not None:
            loader.dispose()


def _yaml_error(exc: yaml.MarkedYAMLError, source: str) -> GlossaryError:
    """Report the YAML error where the parser noticed it, with what it was parsing."""
    mark = exc.problem_mark or exc.context_mark
    message = f"invalid YAML: {exc.problem or exc.context}"
    if exc.problem and exc.context and exc.context_mark is not None:
        message += f" ({exc.context} at line {exc.context_mark.line + 1})"
    return GlossaryError(source, None if mark is None else mark.line + 1, message)


def _line(node: Node) -> int:
    return node.start_mark.line + 1


def _term_items(root: Node | None, data: Any, source: str) -> list[tuple[Node, Any]]:
    """The ``terms:`` list, each item's node paired with the data built from it."""
    if root is None:
        raise GlossaryError(source, 1, "the file is empty; expected a mapping with a 'terms:' list")
    if not isinstance(root, MappingNode) or not isinstance(data, dict):
        raise GlossaryError(source, _line(root), "the top level must be a mapping with 'terms:'")
    terms: Node | None = None
    for key, value in root.value:
        if not isinstance(key, ScalarNode) or key.value != "terms":
            name = key.value if isinstance(key, ScalarNode) else "?"
            message = f"unknown top-level key {name!r} (the only one is 'terms')"
            raise GlossaryError(source, _line(key), message)
        if terms is not None:
            raise GlossaryError(source, _line(key), "duplicate top-level key 'terms'")
        terms = value
    if terms is None:
        raise GlossaryError(source, _line(root), "missing the top-level 'terms:' list")
    if data["terms"] is None:
        return []
    if not isinstance(terms, SequenceNode) or not isinstance(data["terms"], list):
        raise GlossaryError(source, _line(terms), "'terms' must be a list of entries")
    return list(zip(terms.value, data["terms"], strict=True))


def _build_entry(node: Node, item: Any, number: int, source: str) -> Entry:
    label = _label(item, number)
    if not isinstance(node, MappingNode) or not isinstance(item, dict):
        raise GlossaryError(source, _line(node), f"{label}: expected a mapping of fields")
    _check_keys(node, label, source)
    try:
        return Entry.model_validate(item)
    except ValidationError as exc:
        raise _first_problem(exc, node, label, source) from None


def _first_problem(exc: ValidationError, node: Node, label: str, source: str) -> GlossaryError:
    """The topmost problem; a missing field only last, as it is often a misspelt one."""
    problems = sorted(
        (err["type"] == "missing", _line_at(node, err["loc"]), _describe(err))
        for err in exc.errors()
    )
    _, line, message = problems[0]
    return GlossaryError(source, line, f"{label}: {message}")


def _label(item: Any, number: int) -> str:
    """Name an entry by its id when it has a usable one, else by its position."""
    entry_id = item.get("id") if isinstance(item, dict) else None
    if isinstance(entry_id, str) and entry_id.strip():
        return f"entry {entry_id.strip()!r}"
    return f"entry #{number}"


def _check_keys(node: MappingNode, label: str, source: str) -> None:
    """Field names must be text and appear once (YAML would silently keep the last)."""
    seen: set[str] = set()
    for key, _ in node.value:
        if not isinstance(key, ScalarNode) or key.tag != "tag:yaml.org,2002:str":
            raise GlossaryError(source, _line(key), f"{label}: a field name must be text")
        if not node.start_mark.index <= key.start_mark.index <= node.end_mark.index:
            continue  # brought in by a '<<' merge, which the entry's own keys may override
        if key.value in seen:
            raise GlossaryError(source, _line(key), f"{label}: duplicate field {key.value!r}")
        seen.add(key.value)


def _describe(error: Any) -> str:
    field = "".join(f"[{part}]" if isinstance(part, int) else f".{part}" for part in error["loc"])
    field = field.removeprefix(".")
    if error["type"] == "extra_forbidden":
        return f"unknown field {field!r}"
    if error["type"] == "missing":
        return f"missing required field {field!r}"
    return f"field {field!r}: {error['msg'].removeprefix('Value error, ')}"


def _line_at(node: Node, loc: Sequence[str | int]) -> int:
    """The line of the deepest key or list item along ``loc`` that exists in the file."""
    line = _line(node)
    for part in loc:
        if isinstance(node, MappingNode) and isinstance(part, str):
            pairs = [(k, v) for k, v in node.value if isinstance(k, ScalarNode) and k.value == part]
            if not pairs:
                break
            key, node = pairs[-1]
            line = _line(key)
        elif isinstance(node, SequenceNode) and isinstance(part, int) and part < len(node.value):
            node = node.value[part]
            line = _line(node)
        else:
            break
    return line


def _check_ids(parsed: Sequence[tuple[Entry, Node]], source: str) -> None:
    first: dict[str, int] = {}
    for entry, node in parsed:
        line = _line_at(node, ("id",))
        if entry.id in first:
            message = f"duplicate id {entry.id!r} (first defined at line {first[entry.id]})"
            raise GlossaryError(source, line, f"entry {entry.id!r}: {message}")
        first[entry.id] = line


def _slots(entry: Entry) -> Iterator[tuple[tuple[str, int] | tuple[str], str, bool]]:
    """Each spelling with where it sits in the entry and whether it ignores case."""
    yield ("hant",), entry.hant, False
    yield ("hans",), entry.hans, False
    for index, form in enumerate(entry.forms):
        yield ("forms", index), form, False
    for index, alias in enumerate(entry.aliases):
        yield ("aliases", index), alias.text, alias.ignore_case


def _check_spellings(parsed: Sequence[tuple[Entry, Node]], source: str) -> None:
    """Two entries may not share a spelling, or a match would pick one of them arbitrarily.

    Han spellings are compared after normalising to Simplified (蒸餾 and 蒸馏 are the same
    form); Latin ones exactly, or case-insensitively when either side ignores case.
    """
    slots = [(entry, node, *slot) for entry, node in parsed for slot in _slots(entry)]
    han = [text for *_, text, _ in slots if has_han(text)]
    normalised = iter(_convert_all(han))
    owners: dict[tuple[str, str], tuple[str, int, str]] = {}
    for entry, node, loc, text, ignore_case in slots:
        line = _line_at(node, loc)
        if has_han(text):
            claims = checks = [("han", next(normalised))]
        elif ignore_case:
            claims, checks = [("ic", text.lower()), ("any", text.lower())], [("any", text.lower())]
        else:
            claims = [("exact", text), ("any", text.lower())]
            checks = [("exact", text), ("ic", text.lower())]
        for key in checks:
            other = owners.get(key)
            if other is not None and other[0] != entry.id:
                raise GlossaryError(source, line, _clash(entry.id, loc[0], text, other))
        for key in claims:
            owners.setdefault(key, (entry.id, line, text))


def _clash(entry_id: str, field: str, text: str, other: tuple[str, int, str]) -> str:
    other_id, other_line, other_text = other
    spelled = "" if other_text == text else f" as {other_text!r}"
    return (
        f"entry {entry_id!r}: field {field!r}: {text!r} is already used by entry {other_id!r}"
        f"{spelled} (line {other_line})"
    )


def _check_see_also(
    parsed: Sequence[tuple[Entry, Node]], source: str, known_ids: Iterable[str]
) -> None:
    ids = {entry.id for entry, _ in parsed} | set(known_ids)
    for entry, node in parsed:
        for index, target in enumerate(entry.see_also):
            if target not in ids:
                raise GlossaryError(
                    source,
                    _line_at(node, ("see_also", index)),
                    f"entry {entry.id!r}: field 'see_also': no entry has the id {target!r}",
                )
