"""The cost of the learning states' tints: a page-down frame with the words tinted by state
against the same frame with the tints off (the reader as it was before them), in one run.

Timed as ``benchmarks/keys.py`` times keys: from the key reaching the app to the first
frame written out after its binding ran. The reader opens the text with a word store in
a folder of its own (the user's is never touched) holding a mix of states (a third of the
words known, a few in each learning grade and seen, the rest new); marking seen is off in
the config so that every frame draws the same states. Rounds alternate tints on and off
(``U``), so that drift in the machine's speed falls on both alike; ``--seen`` adds a third
case, tints on and marking seen on.

    python benchmarks/state_tints.py [TEXT] [--keys N] [--rounds N] [--seen]
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
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from textual import events
from textual.pilot import Pilot

from tui.app import ZhreadApp
from tui.widgets.article import ArticleView

SAMPLE = ROOT / "seeds" / "000_5c73e60e87bd33d6.txt"


class Timed(ZhreadApp):
    """The reader, recording key-to-frame times under the name of the case measured."""

    measuring: str | None = None
    samples: dict[str, list[float]]
    _start: float | None = None
    _done: str | None = None

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Key) and self.measuring and not event.is_forwarded:
            self._start = perf_counter()
        await super().on_event(event)
        if isinstance(event, events.Key) and event.is_forwarded and self._start is not None:
            self._done = self.measuring

    def _display(self, screen: Any, update: Any) -> None:
        super()._display(screen, update)
        if self._done is not None and self._start is not None:
            self.samples.setdefault(self._done, []).append(perf_counter() - self._start)
            self._done = self._start = None


def user_folders(seen: bool) -> None:
    """A config and data folder of the benchmark's own (the cache, jieba's and the
    dictionary's, stays the user's: rebuilding it is not what is measured)."""
    home = Path(tempfile.mkdtemp(prefix="zhread-bench-"))
    os.environ["XDG_DATA_HOME"] = str(home / "data")
    os.environ["XDG_CONFIG_HOME"] = str(home / "config")
    config = home / "config" / "zhread"
    config.mkdir(parents=True)
    setting = "true" if seen else "false"
    (config / "config.toml").write_text(f"mark-seen = {setting}\n", encoding="utf-8")


def store_states(text: str) -> int:
    """A mix of states over the text's distinct characters and two-character strings (the
    store keys any string; the reader looks its words up there)."""
    from tui.core.learning.states import State
    from tui.core.scripts.convert import shadow
    from tui.store.wordlist import WordList

    simplified = shadow(text)
    forms = sorted({simplified[i : i + n] for n in (1, 2) for i in range(len(simplified) - n + 1)})
    forms = [form for form in forms if all("\u4e00" <= ch <= "\u9fff" for ch in form)]
    plan = (
        State.KNOWN,
        State.KNOWN,
        State.SEEN,
        State.LEARNING_1,
        State.LEARNING_2,
        State.LEARNING_3,
        State.LEARNING_4,
        State.IGNORED,
    )
    with WordList.open() as words:
        for index, state in enumerate(plan):
            words.set_states(forms[index :: len(plan) + 4], state)
        return len(words.states())


async def press_pages(pilot: Pilot[object], app: Timed, name: str, keys: int) -> None:
    view = app.query_one("#article", ArticleView)
    for _ in range(keys):
        app.measuring = None
        if view.scroll_offset.y >= view.max_scroll_y:
            await pilot.press("g")
            await pilot.pause(0.02)
        app.measuring = name
        await pilot.press("space")
        await pilot.pause(0.02)
    app.measuring = None


async def run(path: str, keys: int, rounds: int, seen: bool) -> dict[str, list[float]]:
    text = Path(path).read_text(encoding="utf-8")
    app = Timed(text, path)
    app.samples = {}
    on = "tints on, marking seen" if seen else "tints on"
    async with app.run_test(headless=True, size=(100, 30)) as pilot:
        states = app.reader.states
        while not app.reader.segmented or app.dictionary is None or app.words is None:
            await pilot.pause(0.1)
        assert states.tints.active, "the tints should be on by default"
        for _ in range(rounds):
            await quietly(pilot, app)
            await press_pages(pilot, app, on, keys)
            await pilot.press("U")  # off: the reader's frame before the tints
            await quietly(pilot, app)
            await press_pages(pilot, app, "tints off", keys)
            await pilot.press("U")
    return app.samples


async def quietly(pilot: Pilot[object], app: Timed) -> None:
    """`U` says what it did in a notice, and a notice on screen is redrawn over the article
    in every frame: both cases are timed without one."""
    app.clear_notifications()
    await pilot.pause(0.1)


def _line(name: str, times: list[float], floor: float) -> str:
    ordered = sorted(times)
    p95 = ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))]
    median = statistics.median(times)
    ratio = median / floor
    return f"{name:24} {len(times):4d} {median * 1000:7.1f}ms {p95 * 1000:7.1f}ms {ratio:6.2f}x"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("text", nargs="?", default=str(SAMPLE))
    parser.add_argument("--keys", type=int, default=20, help="page downs per round and case")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--seen", action="store_true", help="with marking seen on")
    args = parser.parse_args()
    user_folders(args.seen)
    stored = store_states(Path(args.text).read_text(encoding="utf-8"))
    samples = asyncio.run(run(args.text, args.keys, args.rounds, args.seen))
    floor = statistics.median(samples["tints off"])
    print(f"text: {args.text} ({Path(args.text).stat().st_size:,} bytes), {stored:,} states")
    print(f"{'page down':24} {'n':>4} {'median':>9} {'p95':>9} {'/ off':>7}")
    for name, times in sorted(samples.items(), key=lambda item: item[0] != "tints off"):
        print(_line(name, times, floor))


if __name__ == "__main__":
    main()
