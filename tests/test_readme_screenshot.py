"""The README's screenshot is not what a first run shows: the caption says which keys the
script that takes it presses, so a new reader can get the same look."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from tui.store.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
KEY_NAMES = {"right_square_bracket": "]", "left_square_bracket": "["}


def pressed_keys() -> list[str]:
    """The keys benchmarks/screenshot.py presses before it exports the picture."""
    tree = ast.parse((ROOT / "benchmarks" / "screenshot.py").read_text(encoding="utf-8"))
    return [
        KEY_NAMES.get(arg.value, arg.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Call) and getattr(node.func, "attr", "") == "press"
        for arg in node.args
        if isinstance(arg, ast.Constant)
    ]


def test_the_caption_names_every_key_the_screenshot_presses() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    image = readme.index("(benchmarks/screenshot.svg)")
    caption = readme[image : readme.index("\n\n", readme.index("\n", image) + 1)]
    keys = pressed_keys()
    assert keys and {"p", "t"} <= set(keys)
    named = set(re.findall(r"`([^`]+)`", caption))
    assert set(keys) <= named


def test_the_first_run_starts_without_the_look_the_caption_explains() -> None:
    """If these defaults change, the caption (and this test) should too."""
    assert (Settings().reading, Settings().tones) == ("off", "off")
