"""jieba-rs cuts as jieba does: jieba's own cut is the definition of correct."""

from __future__ import annotations

import re
import sys
from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tui.core.scripts.convert import shadow
from tui.core.words import fastcut
from tui.core.words.segment import JiebaSplitter, segment

TEXTS = sorted((Path(__file__).parent / "data" / "texts").glob("*.txt"))

#: Common and rare Han (Traditional and Simplified, CJK extensions A and B, compatibility
#: ideographs), the middle dot of names, punctuation, letters, digits and a combining mark.
POOL = list(
    "的一是了我不人在他有这中大来上国个到说们为子和你地出道也时年得就那要下以生会自着去之过"
    "家學對發們個還這說國時來晉侯公子春秋左傳鄭伯克段于鄢齊楚秦宋衛陳蔡曹許"
    "䓕𫇭𠸏𡃉㖞䟴噉樣係嘅喺咗冇諗"
    "·「」，。、？！ \nabcXYZ0123.5\u0301"
)
TEXT = st.lists(st.sampled_from(POOL), max_size=60).map("".join)
#: Characters whose repetitions are words: 世世, 乐乐, 丹丹, 几几, 人人.
REDUPLICATED = list("世乐丹几人不乃之乘举乎一下")


def tokens(document) -> list[tuple[int, int, str]]:
    return [(t.start, t.end, t.kind.name) for t in document.tokens]


def tied_cuts(tokenizer, run: str) -> set[tuple[int, ...]]:
    """The cuts jieba gives ``run`` when its routes are weighed exactly: its HMM step over
    every route whose product of counts is the greatest. jieba weighs them in floating
    point, so between routes of equal weight (世世世: 世世|世 or 世|世世) the last bit of a
    sum decides, which the order of the additions and the dictionary's total move."""
    import jieba.finalseg as finalseg

    freq, total, n = tokenizer.FREQ, tokenizer.total, len(run)
    dag = tokenizer.get_DAG(run)
    best: dict[int, tuple[Fraction, list[list[int]]]] = {n: (Fraction(1), [[]])}
    for i in range(n - 1, -1, -1):
        weighed = [
            (Fraction(freq.get(run[i : x + 1]) or 1, total) * best[x + 1][0], x) for x in dag[i]
        ]
        top = max(weight for weight, _ in weighed)
        routes = [
            [x + 1, *rest] for weight, x in weighed if weight == top for rest in best[x + 1][1]
        ]
        best[i] = (top, routes)
    cuts = set()
    for ends in best[0][1]:
        words: list[str] = []
        singles, start = "", 0
        for end in [*ends, None]:
            piece = run[start:end] if end is not None else ""
            if len(piece) == 1:
                singles += piece
            else:
                if len(singles) > 1 and not freq.get(singles):
                    words += finalseg.cut(singles)
                else:
                    words += list(singles)
                singles = ""
                words += [piece] if piece else []
            start = end or 0
        cuts.add(tuple(len(word) for word in words))
    return cuts


def assert_cuts_alike(slow: JiebaSplitter, fast: JiebaSplitter, run: str) -> None:
    """jieba-rs cuts ``run`` as jieba does, or both chose among routes of equal weight."""
    slow.admit(run)
    expected, got = slow(run), fast(run)
    if got != expected:
        assert {tuple(expected), tuple(got)} <= tied_cuts(slow._tokenizer, run), run


@pytest.fixture(scope="module")
def jieba_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("jieba-fast")


def pair(words: frozenset[str], cache: Path) -> tuple[JiebaSplitter, JiebaSplitter]:
    return JiebaSplitter(words, cache, fast=False), JiebaSplitter(words, cache)


def test_jieba_rs_is_installed_and_used(jieba_cache: Path) -> None:
    assert fastcut.load() is not None
    assert JiebaSplitter((), jieba_cache)._fast is not None


@given(data=st.data(), text=TEXT)
@settings(max_examples=40, deadline=None)
def test_generated_text_cuts_alike_with_words_added_at_run_time(
    data: st.DataObject, text: str, jieba_cache: Path
) -> None:
    """Glossary words taken from the text itself (many already jieba's, so the totals'
    bookkeeping matters) and from anywhere in the pool."""
    spans = st.tuples(st.integers(0, len(text)), st.integers(2, 5))
    picked = data.draw(st.lists(spans, max_size=6))
    words = {text[i : i + n] for i, n in picked} | set(
        data.draw(st.lists(st.text(st.sampled_from(POOL[:80]), min_size=2, max_size=4), max_size=3))
    )
    slow, fast = pair(frozenset(words), jieba_cache)
    for run in re.findall("[\u4e00-\u9fd5]+", shadow(text)):
        assert_cuts_alike(slow, fast, run)


@given(run=st.lists(st.sampled_from(REDUPLICATED), max_size=30).map("".join))
@settings(max_examples=150, deadline=None)
def test_routes_of_equal_weight_are_the_only_difference(run: str, jieba_cache: Path) -> None:
    """Repeated characters make routes of equal weight (乐乐乐, 丹丹丹): where jieba-rs and
    jieba part, both cuts are among those routes' cuts."""
    assert_cuts_alike(*pair(frozenset({"乐乐"}), jieba_cache), run)


def test_a_route_tie_is_found_and_explained(jieba_cache: Path) -> None:
    slow, fast = pair(frozenset(), jieba_cache)
    run = "乘乃丢丐之七举乎一下乎乙两世世世乘乖丛"
    slow.admit(run)
    assert {tuple(slow(run)), tuple(fast(run))} <= tied_cuts(slow._tokenizer, run)
    assert len(tied_cuts(slow._tokenizer, run)) == 2


def test_real_texts_cut_alike_with_the_glossary(glossary, jieba_cache: Path) -> None:
    slow, fast = pair(frozenset(glossary.han_forms()), jieba_cache)
    for path in TEXTS:
        text = path.read_text(encoding="utf-8")
        expected = tokens(segment(text, glossary, slow))
        assert tokens(segment(text, glossary, fast)) == expected, path.name


def test_runs_with_extension_characters_cut_as_jieba_cuts(jieba_cache: Path) -> None:
    """jieba-rs alone would keep 䓕 (extension A) inside a word; jieba makes it one."""
    slow, fast = pair(frozenset(), jieba_cache)
    for run in ["先派䓕章去求和", "使修士𫇭之法", "边个𠸏", "想死𡃉㖞", "䟴䟴脚噉样"]:
        slow.admit(run)
        assert fast(run) == slow(run), run


def test_a_glossary_word_already_in_the_dictionary_keeps_the_cuts(jieba_cache: Path) -> None:
    words = frozenset({"公子", "晋侯", "春秋", "中华人民", "中华"})
    slow, fast = pair(words, jieba_cache)
    text = "晋侯使公子去中华人民之国，春秋之时，中华之民。"
    assert tokens(segment(text, None, fast)) == tokens(segment(text, None, slow))


def test_the_tagger_tags_alike_when_jieba_rs_cuts(jieba_cache: Path) -> None:
    slow, fast = pair(frozenset({"晋侯"}), jieba_cache)
    sentence = "晋侯使公子去求和，我们中出了一个叛徒。"
    tag = lambda splitter: [(p.word, p.flag) for p in splitter.pos_tokenizer().cut(sentence)]  # noqa: E731
    assert tag(fast) == tag(slow)


def test_without_jieba_rs_jieba_cuts_silently(
    monkeypatch: pytest.MonkeyPatch, jieba_cache: Path
) -> None:
    monkeypatch.setitem(sys.modules, "rjieba", None)  # what a missing package looks like
    assert fastcut.load() is None
    splitter = JiebaSplitter(frozenset({"晋侯"}), jieba_cache)
    assert splitter._fast is None
    assert splitter("晋侯使公子去求和") == [2, 1, 2, 1, 2]


def test_characters_shown_before_the_tagger_are_read_at_once(jieba_cache: Path) -> None:
    """With jieba-rs cutting, the table stays empty until a tagger wants it; then what the
    splitter was shown is admitted in one read, not a sentence at a time."""
    fast = JiebaSplitter(frozenset(), jieba_cache)
    fast.admit("晋侯使公子去求和")
    assert not fast._admitted
    fast.pos_tokenizer()
    assert fast._admitted.issuperset("晋侯使公子去求和")


def test_only_long_texts_take_jieba_rs_and_its_whole_dictionary() -> None:
    """A short text is cut by jieba with its own small table: jieba-rs's 28 MB would buy
    nothing the reader sees."""
    from tui.core.words.segment import FAST_FROM, fast_for, shared_splitter

    assert not fast_for(FAST_FROM - 1) and fast_for(FAST_FROM)
    small = shared_splitter(frozenset({"芯粒封装"}), None, fast=False)
    large = shared_splitter(frozenset({"芯粒封装"}), None, fast=True)
    assert small is not large
    assert small("芯粒封装技术") == large("芯粒封装技术")
