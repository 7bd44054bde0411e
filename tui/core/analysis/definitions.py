"""Reading one CC-CEDICT definition of a proper noun: whether it names a person, a place
or an organisation, and the English name it opens with ("Heping District of Shenyang",
"Zhou Enlai (1898-1976), first premier", "abbr. for 國家安全局")."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from tui.core.analysis.kinds import ORGANISATION, PERSON, PLACE
from tui.core.analysis.kindwords import (
    ORGANISATION_HEADS,
    ORGANISATION_WORDS,
    OTHER_HEADS,
    OTHER_WORDS,
    PERSON_WORDS,
    PLACE_FIRST_WORDS,
    PLACE_HEADS,
    PLACE_WORDS,
    REGIONS,
    WEAK_HEADS,
)
from tui.core.model.chars import is_han

if TYPE_CHECKING:
    from tui.core.readings.dictionary import DictEntry

__all__ = ["POINTS", "definition_kind"]

#: What :func:`definition_kind` returns for a definition that only points elsewhere.
POINTS = "points"
_TAG = re.compile(r"^\((?:[^()]*)\)\s*")
_POINTER = re.compile(
    r"^(?:(?:old|archaic|ancient|erroneous|obsolete|Japanese|Taiwan) )*"
    r"(?:variant of|abbr\. (?:for|of)|abbreviation (?:for|of)|short for|see also|see|"
    r"same as|also written|contraction of) ([^\s\[|,;/(]+)"
)
_SURNAME = re.compile(r"^(?:[\w-]+ )?surname ([A-Z][\w'’-]*)$")
#: A note after the name that says it is one: "(name)", "(Japanese surname and place name)".
_NAME_NOTE = re.compile(r"\s*\(([^()]*\b(?:name|surname)\b[^()]*)\)")
#: Dates after a name: (1898-1976), (1923-), (c. 500 BC, ...), (?-1611?), (born 1950).
_DATED = re.compile(
    r"\((?:(?:c|ca|b|d|fl|r)\.\s*|born\s+|died\s+|circa\s+|active\s+(?:c\.\s*)?)?"
    r"\??\s*\d{1,4}(?!\d|,\d)s?"
    r"(?:\s*(?:BC|BCE|AD|CE))?\s*\??\s*(?:[-–]|\)|,|or\b)|\(\s*\?\s*[-–]"
)
_WORDS = re.compile(r"[A-Za-z]+(?:[-'][A-Za-z]+)*")
_CONNECTORS = frozenset(
    "of and the de del della da di du des la le van von der den al el bin ibn y no & upon".split()
)


def definition_kind(definition: str, entry: DictEntry) -> tuple[str | None, str | None]:
    """(kind, English) for one definition, (``POINTS``, headword) for a pointer, and
    (None, English) for a name of another sort or one the definition does not place."""
    text = definition.strip()
    while (tag := _TAG.match(text)) and tag.end() < len(text):
        text = text[tag.end() :]  # "(PRC) Ministry of ...", "(Tw) ..."
    if pointer := _POINTER.match(text):
        target = pointer.group(1)
        return (POINTS, target) if any(is_han(ch) for ch in target) else (None, None)
    if surname := _SURNAME.match(text):
        return PERSON, surname.group(1)
    if "(idiom)" in text:
        return None, None  # 毛遂自薦 "Mao Sui recommends himself (idiom)"
    if text.startswith("the "):
        text = text[4:]
    name, rest = _split_name(text)
    if not name:
        return None, None
    rest = _REGISTER.sub("", rest)
    names = [name]
    while rest.startswith(" or "):  # "Xikou or Hsikou Township", "Juliet or Juliette (name)"
        other, after = _split_name(rest[4:])
        if not other:
            break
        names.append(other)
        rest = after
    if (note := _NAME_NOTE.match(rest)) is not None:
        return _named_by_note(note.group(1)), name
    if autonomous := _AUTONOMOUS.match(rest):  # "Changbai Korean autonomous county"
        name = f"{name} {autonomous.group(1).title()}"
    kind = _placed(names, rest, entry)
    if kind is None and "·" in entry.simplified:
        kind = PERSON  # only a person's name is written with a middle dot
    return kind, name


#: Notes on where or how a word is used, which say nothing of what it names.
_REGISTER = re.compile(r"\s*\((?:Tw|PRC|HK|Hong Kong|Taiwan|old|dated|coll\.|abbr\.|loanword)\)")


_AUTONOMOUS = re.compile(r"^ (autonomous (?:county|prefecture|region|banner))\b")


def _split_name(text: str) -> tuple[str, str]:
    """The capitalised name that opens a definition, and what follows it: "Heping District
    of Shenyang" and " city, ...". Lowercase connectors (of the, von) join capitalised
    words; a comma ends the name."""
    tokens = list(re.finditer(r"\S+", text))
    words: list[str] = []
    end = 0
    for index, token in enumerate(tokens):
        word = token.group()
        bare = word.rstrip(",;:")
        if _is_name_word(bare):
            words.append(bare)
            end = token.start() + len(bare)
            if bare != word:
                break
        elif bare == word and bare in _CONNECTORS and words and _name_follows(tokens, index):
            words.append(bare)
        else:
            break
    return " ".join(words), text[end:]


def _name_follows(tokens: list[re.Match[str]], index: int) -> bool:
    """Whether connectors from ``index`` on lead to a capitalised word (of the World)."""
    for token in tokens[index + 1 :]:
        word = token.group()
        if word not in _CONNECTORS:
            return _is_name_word(word.rstrip(",;:"))
    return False


def _is_name_word(word: str) -> bool:
    return (
        bool(word)
        and (word[0].isupper() or word[0].isdigit() or bool(_ELIDED.match(word)))
        and not any(ch in "()[]|" or is_han(ch) for ch in word)
    )


_ELIDED = re.compile(r"[a-z]{1,2}['’][A-Z]")  # Jeanne d'Arc


def _named_by_note(note: str) -> str | None:
    words = set(_WORDS.findall(note.lower()))
    if "of" in words:  # "(name of a mountain)": says what, not who
        return None
    if "surname" in words or words & {"person", "given", "male", "female", "personal", "pen"}:
        return PERSON
    if words & {"place", "town", "street", "city", "area", "station"}:
        return PLACE
    if words & {"brand", "company"}:
        return ORGANISATION
    return PERSON


#: What :func:`_head_kind` and :func:`_described` return for a name of another sort.
_OTHER = "other"


def _placed(names: list[str], rest: str, entry: DictEntry) -> str | None:
    """The kind a name is, judged from its own words (or those of another name it has),
    then its dates, then the words that describe it, then its shape."""
    name = names[0]
    if name in REGIONS and not rest.strip(" ,"):
        return PLACE  # before its words: "United States" is no "Warring States"
    first = _WORDS.match(rest.lstrip())
    if rest.startswith(" ") and first and first.group() in PERSON_WORDS:
        return None  # "Taiwan spy", "Qin general Meng Tian": the name only qualifies
    head = next((kind for kind in map(_head_kind, names) if kind is not None), None)
    if head is not None and name.split()[-1] in WEAK_HEADS:
        head = _described(rest) or head
    if head is None:
        head = _by_description(rest)
    if head is not None:
        return None if head == _OTHER else head
    after = rest.strip().lstrip(",").strip().strip("()")
    if after in REGIONS:
        return PLACE  # "Bournemouth, UK", "Konstanz (Germany)"
    if rest.startswith(",") and _split_name(after) == (after, ""):
        return PLACE  # "Denver, Colorado"
    if _IN_PLACE.match(rest):
        return PLACE  # "Dharamsala in Himachal Pradesh"
    return PERSON if _pinyin_shaped(name, entry) else None


def _by_description(rest: str) -> str | None:
    """The kind the description gives. Words right after the name head its phrase
    ("Chongqing city", "Wuding reign name", "Liangzhu culture"). Dates make a person,
    unless the description is of another sort of thing and names no person ("Liangzhu
    (c. 3400-2250 BC), neolithic culture"); a place word after dates is about the person's
    life ("born in Hunan province")."""
    phrase = re.match(r" [^,(]*", rest)
    if phrase and (kind := _described(phrase.group().replace(" reign ", " era "))):
        return kind
    described = _described(rest)
    if _DATED.search(_lead(rest)):
        names_person = any(word in PERSON_WORDS for word in _WORDS.findall(rest))
        return _OTHER if described == _OTHER and not names_person else PERSON
    described = described or _described(rest, capitalised=True)
    return described or (PERSON if _DATED.search(rest) else None)


_IN_PLACE = re.compile(r"^,? (?:in|near) (?:the )?[A-Z]")


def _head_kind(name: str) -> str | None:
    """What the name's own words say: its last word, or the word before "of" (District,
    University, Dynasty; Bank of China, Sea of Japan), or a first word such as Mt."""
    words = name.split()
    head = words[words.index("of") - 1] if "of" in words[1:] else words[-1]
    if head in OTHER_HEADS:
        return _OTHER
    if head in ORGANISATION_HEADS:
        return ORGANISATION
    if head in PLACE_HEADS or words[-1] == "State":  # not "The Strange State of ..."
        return PLACE
    return PLACE if words[0] in PLACE_FIRST_WORDS and len(words) > 1 else None


def _lead(rest: str) -> str:
    """What follows a name up to the first comma outside brackets."""
    depth = 0
    for index, ch in enumerate(rest):
        depth += (ch == "(") - (ch == ")")
        if ch == "," and depth == 0:
            return rest[:index]
    return rest


def _described(rest: str, *, capitalised: bool = False) -> str | None:
    """The kind named by the first lowercase word of the description that names one:
    "city", "company", "poet", or another sort of thing ("novel", "ethnic group"); with
    ``capitalised``, the first capitalised word that heads a name ("Hsikou Township")."""
    for word in _WORDS.findall(rest):
        if capitalised:
            if word in PLACE_HEADS:
                return PLACE
            if word in ORGANISATION_HEADS:
                return ORGANISATION
        elif word[0].islower():  # "Song essayist": a dynasty, not a song
            if word in OTHER_WORDS or "ethnic" in word:
                return _OTHER
            if word in PLACE_WORDS:
                return PLACE
            if word in ORGANISATION_WORDS:
                return ORGANISATION
            if word in PERSON_WORDS:
                return PERSON
    return None


def _pinyin_shaped(name: str, entry: DictEntry) -> bool:
    """Whether the English is the headword's pinyin written as a Chinese personal name:
    family name, then the given name as one word (Peng Bo, Ouyang Xiu)."""
    syllables = [s for s in _toneless(entry.pinyin) if s]
    words = name.lower().replace("ü", "u").replace("-", "").replace("'", "").split()
    if len(words) != 2 or not 2 <= len(syllables) <= 4:
        return False
    return any(words == ["".join(syllables[:cut]), "".join(syllables[cut:])] for cut in (1, 2))


@lru_cache(maxsize=4096)
def _toneless(pinyin: str) -> tuple[str, ...]:
    return tuple(
        re.sub(r"[^a-zü]", "", s.lower().replace("u:", "ü")).replace("ü", "u")
        for s in pinyin.split()
    )
