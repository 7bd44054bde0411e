"""The README's screenshot, exported by the app itself as SVG.

The reader opens the sample article with its reading line and tone colours on, the cursor on
a glossary term, in a temporary config and data directory (so neither your config nor your
remembered settings change the picture, and the run remembers nothing of its own). The
dictionary's index comes from the usual cache directory.

    python benchmarks/screenshot.py [OUT.svg] [--theme NAME] [--size 110x32]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


async def shoot(out: Path, theme: str, size: tuple[int, int]) -> None:
    from tui.app import ZhreadApp
    from tui.core.glossary.bundled import sample_path

    path = sample_path()
    app = ZhreadApp(path.read_text(encoding="utf-8"), str(path))
    async with app.run_test(size=size) as pilot:
        while not (app.reader.segmented and app.dictionary is not None):
            await pilot.pause(0.1)
        app.theme = theme
        await pilot.press("p", "t", "right_square_bracket", "right_square_bracket")
        while not app.query_one("#article").readings:
            await pilot.pause(0.1)
        await pilot.pause(0.3)
        out.write_text(app.export_screenshot(title="zhread"), encoding="utf-8")
    print(f"{out}: written")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", nargs="?", default=str(ROOT / "benchmarks" / "screenshot.svg"))
    parser.add_argument("--theme", default="zhread-dark")
    parser.add_argument("--size", default="110x32", help="columns x rows")
    args = parser.parse_args()
    columns, rows = (int(n) for n in args.size.split("x"))
    with tempfile.TemporaryDirectory() as home:
        os.environ["XDG_CONFIG_HOME"] = str(Path(home) / "config")
        os.environ["XDG_DATA_HOME"] = str(Path(home) / "data")
        os.environ.pop("ZHREAD_CONFIG", None)
        asyncio.run(shoot(Path(args.out), args.theme, (columns, rows)))


if __name__ == "__main__":
    main()
