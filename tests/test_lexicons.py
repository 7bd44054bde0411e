"""The word tables cut down to a text's characters: jieba cuts and tags, and pypinyin reads,
exactly as with the whole tables, however the characters were admitted."""

from __future__ import annotations

import json
import os
import random
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import SAMPLE
from tui.core.model import chars
from tui.core.readings import lexicons, pinyintables
from tui.core.scripts.convert import shadow
from tui.core.words.segment import JiebaSplitter, alphabet

TEXT = SAMPLE.read_text(encoding="utf-8")
SHADOW = shadow(TEXT)
#: Characters a text is drawn from: the sample's, their Simplified forms, some punctuation
#: and Latin (jieba keeps ASCII words such as c++ in its dictionary).
LETTERS = sorted({ch for ch in alphabet(TEXT) if not ch.isspace()} | set("c+B超 的了"))
#: Stretches of the sample's shadow, so that texts hold real words and phrases.
STRETCH = st.builds(
    lambda at, n: SHADOW[at : at + n], st.integers(0, len(SHADOW) - 1), st.integers(2, 8)
)


def texts(words: list[str] | None = None) -> st.SearchStrategy[str]:
    pieces = [st.sampled_from(LETTERS), STRETCH] + ([st.sampled_from(words)] if words else [])
    return st.lists(st.one_of(*pieces), max_size=12).map("".join)


@pytest.fixture(scope="module")
def terms(glossary) -> list[str]:
    """The glossary's words as a splitter adds them: Han only, sorted."""
    return sorted(w for w in glossary.han_forms() if w and all(chars.is_han(c) for c in w))


@pytest.fixture(scope="module")
def full(terms):
    """jieba's own tokenizer over the whole dictionary, given the same words in order."""
    import jieba

    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    for word in terms:
        tokenizer.add_word(word)
    return tokenizer


@pytest.fixture(scope="module")
def cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("jieba")


def test_the_splitter_cuts_as_the_whole_dictionary(terms, full, cache) -> None:
    splitter = JiebaSplitter(terms, cache, fast=False)  # its table, not jieba-rs, cuts
    assert splitter._tokenizer.total == full.total

    @given(texts(terms))
    @settings(max_examples=200, deadline=None)
    def cuts_alike(text: str) -> None:
        splitter.admit(text)
        assert list(splitter._tokenizer.cut(text)) == list(full.cut(text))
        for run in re.findall("[\u4e00-\u9fd5]+", text):
            assert splitter(run) == [len(word) for word in full.cut(run)]

    cuts_alike()


@given(st.lists(st.lists(st.sampled_from(LETTERS), max_size=60).map("".join), max_size=6))
@settings(max_examples=8, deadline=None)
def test_admitting_in_steps_equals_admitting_at_once(terms, full, cache, steps) -> None:
    """And both hold exactly the whole table's entries made of the admitted characters."""
    stepwise = JiebaSplitter(terms, cache, fast=False)  # jieba-rs would leave the tables
    at_once = JiebaSplitter(terms, cache, fast=False)  # empty until a tagger wants them
    stepwise.pos_tokenizer()  # its tags are then filled as characters arrive
    for step in steps:
        stepwise.admit(step)
    at_once.admit("".join(steps))
    admitted = stepwise._admitted
    assert admitted == at_once._admitted
    expected = {k: v for k, v in full.FREQ.items() if admitted.issuperset(k)}
    assert stepwise._tokenizer.FREQ == at_once._tokenizer.FREQ == expected
    assert stepwise._tokenizer.total == at_once._tokenizer.total == full.total
    assert stepwise.pos_tokenizer().word_tag_tab == at_once.pos_tokenizer().word_tag_tab


def test_tagging_matches_the_whole_dictionary(terms, full, cache) -> None:
    from tui.core.words.postagger import _posseg

    splitter = JiebaSplitter(terms, cache)
    tagger = splitter.pos_tokenizer()
    whole = _posseg().POSTokenizer(full)

    @given(texts(terms))
    @settings(max_examples=80, deadline=None)
    def tags_alike(text: str) -> None:
        assert [tuple(p) for p in tagger.cut(text)] == [tuple(p) for p in whole.cut(text)]
        for word in {text[i:j] for i in range(len(text)) for j in range(i + 1, len(text) + 1)}:
            assert tagger.word_tag_tab.get(word) == whole.word_tag_tab.get(word)

    tags_alike()
    sample = [tuple(p) for p in tagger.cut(SHADOW)]
    assert sample == [tuple(p) for p in whole.cut(SHADOW)]


def test_jieba_posseg_keeps_its_own_tags() -> None:
    """Imported without reading them, its default tagger still finds them when used."""
    from tui.core.words.postagger import _posseg

    posseg = _posseg()
    assert posseg.dt.word_tag_tab.get("天安门") == "ns"
    assert len(posseg.dt.word_tag_tab) > 300_000


#: Reads each text of a JSON list on standard input with pypinyin's whole phrase table.
_WHOLE_PINYIN = """
import json, sys
from pypinyin import Style, lazy_pinyin, pinyin
texts = json.load(sys.stdin)
json.dump([[lazy_pinyin(t, style=Style.TONE), pinyin(t, style=Style.TONE3, heteronym=True)]
           for t in texts], sys.stdout)
"""


def whole_table_readings(batch: list[str]) -> list[list]:
    env = {k: v for k, v in os.environ.items() if k != "PYPINYIN_NO_PHRASES"}
    result = subprocess.run(
        [sys.executable, "-c", _WHOLE_PINYIN],
        input=json.dumps(batch),
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    return json.loads(result.stdout)


def assert_reads_as_the_whole_table(batch: list[str]) -> None:
    pypinyin = pinyintables.pypinyin()
    assert not pinyintables._holds_every_phrase()  # else this compares the table to itself
    for text, (lazy, heteronyms) in zip(batch, whole_table_readings(batch), strict=True):
        pinyintables.admit(text)
        assert pypinyin.lazy_pinyin(text, style=pypinyin.Style.TONE) == lazy, text
        assert pypinyin.pinyin(text, style=pypinyin.Style.TONE3, heteronym=True) == heteronyms


@given(st.lists(texts(), min_size=150, max_size=150))
@settings(max_examples=3, deadline=None)
def test_pinyin_reads_as_the_whole_phrase_table(batch: list[str]) -> None:
    assert_reads_as_the_whole_table(batch)


def test_pinyin_reads_a_stretch_that_only_begins_a_phrase_as_pypinyin_does() -> None:
    """一块石头 begins 一块石头落了地 and holds no phrase it begins with: pypinyin then reads
    it a character at a time (头 tóu), though 石头 (shí tou) is a phrase of its own."""
    assert_reads_as_the_whole_table(["一块石头", "一动不如", "一文钱难倒", "你一块石头"])
    pypinyin = pinyintables.pypinyin()
    assert pypinyin.lazy_pinyin("一块石头", style=pypinyin.Style.TONE)[-1] == "tóu"


def test_pypinyin_is_imported_without_leaving_the_variable_set() -> None:
    pinyintables.pypinyin()
    assert "PYPINYIN_NO_PHRASES" not in os.environ


def test_phrases_found_in_steps_equal_those_found_at_once() -> None:
    letters = [ch for ch in LETTERS if ord(ch) >= 0x2E80]
    whole = lexicons.pinyin_phrases(set(letters))
    readings, prefixes, known = {}, [], set()
    for size in (1, 3, 30, 200, 5, len(letters)):  # single characters are searched for
        new = set(letters[len(known) : len(known) + size])
        found = lexicons.pinyin_phrases(new, known)
        readings.update(found.readings)
        prefixes += found.prefixes + list(found.readings)
        known |= new
    assert readings == whole.readings

    def closed(words: list[str]) -> set[str]:
        return {w[:end] for w in words for end in range(1, len(w) + 1)}

    assert closed(prefixes) == closed(whole.prefixes + list(whole.readings))


def test_subsets_are_those_of_the_whole_files() -> None:
    """Against the files read whole, for characters from all over them (each file is read
    in pieces, so entries near every piece's end are among them)."""
    phrases = json.loads(lexicons.phrases_path().read_text(encoding="utf-8"))
    keys = sorted(phrases)
    letters = {ch for key in random.Random(7).sample(keys, 3000) for ch in key}
    found = lexicons.pinyin_phrases(letters)
    assert found.readings == {k: v for k, v in phrases.items() if letters.issuperset(k)}
    assert set(found.prefixes) == {
        lexicons._prefix_over(k, letters) for k in keys if not letters.issuperset(k)
    } - {""}

    text = lexicons.jieba_dict_path().read_text(encoding="utf-8")
    lines = [line.split(" ") for line in text.splitlines()]
    expected = {word: int(count) for word, count, _ in lines if letters.issuperset(word)}
    assert lexicons.jieba_counts(letters) == expected
    assert lexicons.jieba_summary()[0] == sum(int(count) for _, count, _ in lines)


def test_a_lone_surrogate_in_the_text_is_no_word_and_no_error() -> None:
    """A bad decode can leave half a surrogate pair in a text; no table holds one."""
    from tui.core.readings import pinyintables
    from tui.core.readings.reading import pinyin
    from tui.core.words.segment import JiebaSplitter, alphabet

    splitter = JiebaSplitter(frozenset(), None)
    splitter.admit(alphabet("銀行\udfff很好"))
    assert splitter("银行很好")[0] == 2  # 银行, one word
    pinyintables.admit("銀行\udfff")
    assert pinyin("银行") == "yín háng"
