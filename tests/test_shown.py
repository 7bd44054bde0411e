"""The text as shown in another script: converted a chunk at a time, it reads exactly as
the whole text converted at once, slice by slice."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import SAMPLE
from tui.core.compare import shown
from tui.core.compare.shown import ShownText
from tui.core.scripts.convert import aligned
from tui.core.text.sanitize import visible

TEXT = st.text(
    alphabet="漢娜·多門人工智慧銀行發展乾隆頭髮 DeepSeek，。！\n\x1b\u202e", max_size=400
)


def test_the_sample_reads_as_the_whole_text_converted(monkeypatch) -> None:
    text = "\n".join([SAMPLE.read_text(encoding="utf-8")] * 3)
    monkeypatch.setattr(shown, "CHUNK", 512)  # many chunks, cut where the text allows
    for config in ("t2s", "tw2s", "s2tw", "s2hk"):
        view = ShownText(text, config)
        assert len(view) == len(text)
        assert str(view) == visible(aligned(text, config))


@settings(max_examples=150, deadline=None)
@given(TEXT, st.integers(0, 450), st.integers(0, 450), st.integers(1, 64))
def test_any_slice_or_index_is_that_of_the_converted_text(
    text: str, start: int, stop: int, chunk: int
) -> None:
    shown.CHUNK = chunk
    try:
        view = ShownText(text, "t2s")
        whole = "".join(view[i] for i in range(len(view)))
        assert len(whole) == len(text)
        assert view[start:stop] == whole[start:stop]
        assert "\x1b" not in whole and "\u202e" not in whole  # shown, so made safe
    finally:
        shown.CHUNK = 8_192


def test_only_the_chunks_read_are_converted(monkeypatch) -> None:
    monkeypatch.setattr(shown, "CHUNK", 256)
    text = "\n".join(["頭髮很長。"] * 400)
    view = ShownText(text, "t2s")
    assert view[:5] == "头发很长。"
    assert len(view._done) == 1


def test_the_chunks_kept_are_bounded(monkeypatch) -> None:
    """Reading a whole novel in another script keeps only the chunks read last."""
    monkeypatch.setattr(shown, "CHUNK", 64)
    monkeypatch.setattr(shown, "KEPT", 4)
    text = "\n".join(["頭髮很長。"] * 400)
    view = ShownText(text, "t2s")
    whole = "".join(view[i : i + 50] for i in range(0, len(text), 50))
    assert whole == visible(aligned(text, "t2s"))
    assert len(view._done) <= 4


def test_the_script_modes_change_characters_never_words() -> None:
    """`s` shows a Taiwan text in Simplified, Taiwan or Hong Kong characters; OpenCC's
    regional phrases (執行 -> 运行, 複製 -> 拷贝) belong to the side-by-side view only."""
    from tui.core.scripts.convert import Region, Script, config_for
    from tui.reader.scripts import SCRIPT_CYCLE

    text = "工程師執行測試之後，把日誌複製到共用資料夾，再檢驗理論核心。"
    shown_as = {
        target: str(ShownText(text, config_for(target, Script.TRADITIONAL, region=Region.TAIWAN)))
        for target in SCRIPT_CYCLE
        if target
    }
    assert shown_as["hans"] == "工程师执行测试之后，把日志复制到共用资料夹，再检验理论核心。"
    assert shown_as["tw"] == shown_as["hk"] == text
