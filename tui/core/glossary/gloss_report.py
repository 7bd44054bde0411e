"""What a document holds from the glossary, as data (JSON) or as a study sheet (Markdown).

Both are built from the document's tokens, so every count and offset is the one the reader
shows; offsets count characters of the decoded text, like everywhere else in zhread. A term
is headed by the form the document writes it in (芯片 in a mainland text, 晶片 in a Taiwan
one), the glossary's other forms beside it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from tui.core.glossary.candidates import Candidate
from tui.core.glossary.entries import Entry, Glossary
from tui.core.model.chars import unify_name_dots
from tui.core.model.document import Document
from tui.core.scripts import convert

__all__ = ["TermUse", "as_json", "as_markdown", "terms_found"]


@dataclass(frozen=True)
class TermUse:
    """One glossary entry and everywhere the document uses it, in text order.

    ``written`` holds the forms the document uses, the most used first; ``text_note`` is
    what the glossary's notes on this particular text say about the term.
    """

    entry: Entry
    count: int
    occurrences: list[tuple[int, int]]
    written: tuple[str, ...] = ()
    text_note: str | None = None

    @property
    def headword(self) -> str:
        """The term as this document writes it most often."""
        return self.written[0] if self.written else self.entry.hant

    @property
    def other_forms(self) -> list[str]:
        """The glossary's forms of the term that this document does not use."""
        return self.entry.other_forms(self.written or (self.entry.hant,))

    @property
    def other_words(self) -> list[str]:
        """The other forms that are other words, each once, and not this document's words
        in the other script: 晶片 beside 芯片, but not 蒸馏 beside 蒸餾."""
        words: dict[str, str] = {}
        for form in self.other_forms:
            words.setdefault(_word(form), form)  # one script of each word is enough here
        used = {_word(form) for form in self.written}
        return [form for word, form in words.items() if word not in used]

    @property
    def reading(self) -> str:
        """Pinyin for the headword (empty when it is in Latin letters)."""
        return self.entry.reading(self.headword)


def _word(form: str) -> str:
    """A form as compared across scripts, name dots and letter case."""
    return unify_name_dots(convert.shadow(form)).casefold()


def terms_found(document: Document, glossary: Glossary) -> list[TermUse]:
    """The glossary terms in ``document``, in order of first occurrence.

    Tokens marked with an id the glossary does not have (a document segmented with another
    glossary) are left out rather than guessed at.
    """
    spans: dict[str, list[tuple[int, int]]] = {}
    forms: dict[str, Counter[str]] = {}
    for token in document.terms():
        if token.term is not None and token.term in glossary:
            spans.setdefault(token.term, []).append((token.start, token.end))
            forms.setdefault(token.term, Counter())[token.text] += 1
    return [
        TermUse(
            glossary.get(i),
            len(found),
            found,
            tuple(form for form, _ in forms[i].most_common()),
            glossary.text_note(i),
        )
        for i, found in spans.items()
    ]


# --- JSON ------------------------------------------------------------------------------


def as_json(terms: Sequence[TermUse], candidates: Sequence[Candidate]) -> dict[str, Any]:
    """``{"terms": [...], "candidates": [...]}``, ready for ``json.dump``.

    ``written`` are the forms the text uses (the most used first) and ``pinyin`` reads the
    first of them; ``hant``, ``hans``, ``tw`` and ``hk`` are the glossary's own spellings.
    """
    return {
        "terms": [
            {
                "id": use.entry.id,
                "en": use.entry.en,
                "written": list(use.written),
                "other_forms": use.other_forms,
                "hant": use.entry.hant,
                "hans": use.entry.hans,
                "tw": use.entry.tw,
                "hk": use.entry.hk,
                "pinyin": use.reading,
                "category": use.entry.category.value,
                "count": use.count,
                "occurrences": [[start, end] for start, end in use.occurrences],
                "text_note": use.text_note,
            }
            for use in terms
        ],
        "candidates": [
            {
                "term": c.term,
                "en": c.english,
                "start": c.start,
                "end": c.end,
                "count": c.count,
                "known_id": c.known_id,
                "kind": c.kind.value,
                "context": c.context,
            }
            for c in candidates
        ],
    }


# --- Markdown --------------------------------------------------------------------------

#: Characters of the document's title kept in the sheet's heading.
MAX_TITLE = 60

# Characters with a meaning somewhere in (GitHub-flavoured) Markdown when mid-line: a
# document's text must come out as text, whatever it contains.
_SPECIAL = re.compile(r"([\\`*_\[\]<>|~#&!])")


def _md(text: str) -> str:
    """``text`` as literal Markdown on one line (a line break would end a table row)."""
    return _SPECIAL.sub(r"\\\1", " ".join(text.split()))


def as_markdown(
    terms: Sequence[TermUse], candidates: Sequence[Candidate], *, title: str, source: str
) -> str:
    """A study sheet: the terms in a table, their definitions, then the candidates.

    ``title`` is usually the document's first line: a headline, or a whole paragraph when
    the text has none, so it is shortened.
    """
    title = " ".join(title.split())
    if len(title) > MAX_TITLE:
        title = title[: MAX_TITLE - 1] + "…"
    lines = [f"# Glossary: {_md(title)}", "", f"From {_md(source)}.", ""]
    lines += _terms_table(terms) + _definitions(terms) + _candidates_table(candidates)
    return "\n".join(lines).rstrip("\n") + "\n"


def _row(cells: Sequence[object]) -> str:
    return "| " + " | ".join(str(cell) for cell in cells) + " |"


def _terms_table(terms: Sequence[TermUse]) -> list[str]:
    if not terms:
        return ["## Terms", "", "No glossary terms in this text.", ""]
    lines = ["## Terms", ""]
    lines.append(_row(["As written", "Other forms", "Pinyin", "English", "Count"]))
    lines.append(_row(["---", "---", "---", "---", "---:"]))
    for use in terms:
        written, others = (" / ".join(map(_md, forms)) for forms in (use.written, use.other_forms))
        lines.append(_row([written, others, _md(use.reading), _md(use.entry.en), use.count]))
    return [*lines, ""]


def _definitions(terms: Sequence[TermUse]) -> list[str]:
    if not terms:
        return []
    lines = ["## Definitions", ""]
    for use in terms:
        entry = use.entry
        line = f"- **{_md(use.headword)}** ({_md(entry.en)}): {_md(entry.definition)}"
        if entry.note:
            line += f" *{_md(entry.note)}*"
        if use.text_note:
            line += f" In this text: {_md(use.text_note)}"
        lines.append(line)
    return [*lines, ""]


def _candidates_table(candidates: Sequence[Candidate]) -> list[str]:
    if not candidates:
        return []
    lines = ["## Candidates", ""]
    lines.append(
        "Terms no glossary explains yet: those the text glosses in English (pair), its Latin"
        " acronyms, and the nouns it repeats that no HSK list holds."
    )
    lines += ["", _row(["Chinese", "English", "Count", "Kind", "Context", "In glossary"])]
    lines.append(_row(["---", "---", "---:", "---", "---", "---"]))
    for c in candidates:
        known = f"`{c.known_id}`" if c.known_id else "no"  # ids are slugs: safe in backticks
        cells = [_md(c.term), _md(c.english), c.count, c.kind.value, _md(c.context), known]
        lines.append(_row(cells))
    return [*lines, ""]
