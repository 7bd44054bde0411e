"""Conversion: OpenCC configs by name, the length-keeping shadow, script detection."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tui.core.errors import ZhreadError
from tui.core.scripts.convert import (
    CONFIGS,
    PHRASE_CONFIGS,
    Script,
    aligned,
    convert,
    detect_script,
    shadow,
)


@pytest.mark.parametrize("config", CONFIGS)
def test_every_config_loads(config: str) -> None:
    assert isinstance(convert("漢字", config), str)


def test_known_conversions() -> None:
    assert convert("漢娜·多門", "t2s") == "汉娜·多门"
    assert convert("汉字", "s2t") == "漢字"
    assert convert("演算法", "tw2sp") == "算法"
    assert convert("方便面", "s2twp") == "泡麵"


def test_unknown_config_is_a_clear_error() -> None:
    with pytest.raises(ZhreadError, match="unknown conversion config 'nope'"):
        convert("x", "nope")


@given(st.text(max_size=50), st.sampled_from(CONFIGS))
@settings(max_examples=300, deadline=None)
def test_aligned_keeps_length_under_every_config(text: str, config: str) -> None:
    assert len(aligned(text, config)) == len(text)


def test_aligned_falls_back_for_phrase_configs() -> None:
    text = "他寫了演算法。\n第二行"
    out = aligned(text, "tw2sp")
    assert len(out) == len(text)
    assert out.endswith("第二行")
    assert "tw2sp" in PHRASE_CONFIGS


def test_shadow_of_sample_keeps_offsets(sample_text: str) -> None:
    simplified = shadow(sample_text)
    assert len(simplified) == len(sample_text)
    assert "观察者网" in simplified


def test_detect_script(sample_text: str) -> None:
    assert detect_script(sample_text) is Script.TRADITIONAL
    assert detect_script(shadow(sample_text)) is Script.SIMPLIFIED
    assert detect_script("hello 123") is Script.NEUTRAL
