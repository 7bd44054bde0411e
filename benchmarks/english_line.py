"""Page down with the English line (``e``) on against the same key with it off, in the same
run, on the annotated text with the dictionary open: the English line must not make
reading slower to the eye. Timed as ``benchmarks/keys.py`` times keys, from the key
reaching the app to the first frame written after the binding has run; the floor is the
page down with the line off. The reading line (``p``) is timed beside both, since the two
lines are drawn together, and so is the time from ``e`` to the glosses shown (worked out
in a thread, so the keys go on answering meanwhile).

Each setting's presses run from the top of the text, so every one draws new lines: the
strips a page draws are cached, and a page drawn before would cost nothing.

    python benchmarks/english_line.py [TEXT] [--keys N]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import tempfile
from pathlib import Path
from time import perf_counter

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.keys import Timed, at_end
from tui.widgets.article import ArticleView

#: What is timed, by the keys that set it up from nothing shown (each a toggle).
SETTINGS = {
    "off": (),
    "english": ("e",),
    "reading": ("p",),
    "reading + english": ("p", "e"),
}


#: How long the app may take to get anywhere, in seconds.
PATIENCE = 120.0


async def wait_for(pilot, condition) -> float:
    """Seconds until ``condition()`` holds."""
    started = perf_counter()
    while not condition():
        if perf_counter() - started > PATIENCE:
            raise SystemExit("timed out waiting for the app")
        await pilot.pause(0.02)
    return perf_counter() - started


async def page_downs(pilot, app: Timed, keys: int) -> list[float]:
    view = app.query_one("#article", ArticleView)
    view._strips.clear()  # nothing drawn before counts
    await pilot.press("g")
    await pilot.pause(0.1)
    for _ in range(keys):
        app.measuring = None
        if at_end(app, "page down"):
            await pilot.press("g")
            await pilot.pause(0.02)
            view._strips.clear()
        app.measuring = "page down"
        await pilot.press("space")
        await pilot.pause(0.02)
    app.measuring = None
    return app.samples.pop("page down", [])


async def run(path: str, keys: int) -> tuple[dict[str, list[float]], float, list[float]]:
    text = Path(path).read_text(encoding="utf-8")
    app = Timed(text, path)
    app.samples = {}
    results: dict[str, list[float]] = {}
    shown = 0.0
    async with app.run_test(headless=True, size=(100, 30)) as pilot:
        await wait_for(pilot, lambda: app.reader.segmented and app.dictionary is not None)
        view = app.query_one("#article", ArticleView)
        spent = timed_calls(view)
        for name, toggles in SETTINGS.items():
            started = perf_counter()
            await pilot.press(*toggles)
            await wait_for(
                pilot,
                lambda toggles=toggles: (
                    bool(view.english) == ("e" in toggles)
                    and bool(view.readings) == ("p" in toggles)
                ),
            )
            if toggles == ("e",):
                shown = perf_counter() - started
            await pilot.pause(0.2)
            results[name] = await page_downs(pilot, app, keys)
            await pilot.press(*toggles)  # off again
            while view.readings:  # p goes on to zhuyin before it is off
                await pilot.press("p")
            await wait_for(pilot, lambda: not view.english and not view.readings)
    return results, shown, spent


def timed_calls(view: ArticleView) -> list[float]:
    """The UI thread's time in each ``set_english`` call (each step's glosses shown)."""
    spent: list[float] = []
    set_english = view.set_english

    def timed(english) -> None:
        started = perf_counter()
        set_english(english)
        spent.append(perf_counter() - started)

    view.set_english = timed  # type: ignore[method-assign]
    return spent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("text", nargs="?", default=str(ROOT / "seeds" / "000_5c73e60e87bd33d6.txt"))
    parser.add_argument("--keys", type=int, default=40, help="page downs per setting")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as home:  # the reader's own settings stay out of it
        os.environ["XDG_CONFIG_HOME"] = os.environ["XDG_DATA_HOME"] = home
        results, shown, spent = asyncio.run(run(args.text, args.keys))
    floor = statistics.median(results["off"])
    print(f"text: {args.text} ({Path(args.text).stat().st_size:,} bytes)")
    print(f"{'page down with':24} {'n':>4} {'median':>9} {'p95':>9} {'vs off':>7}")
    for name, times in results.items():
        ordered = sorted(times)
        p95 = ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))]
        median = statistics.median(times)
        print(
            f"{name:24} {len(times):4d} {median * 1000:7.1f}ms {p95 * 1000:7.1f}ms "
            f"{median / floor:6.2f}x"
        )
    print(f"e pressed to glosses shown: {shown * 1000:.0f}ms (in a thread; keys answer meanwhile)")
    if spent:
        print(f"UI thread per set_english (the glosses laid out): max {max(spent) * 1000:.1f}ms")


if __name__ == "__main__":
    main()
