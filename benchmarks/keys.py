"""Key-to-frame latency, measured inside the app, while the text is annotated and after.

Pilot's own waits cost about 60 ms a key, so they are not what is timed: the app stamps the
moment a key event reaches it (``App.on_event``, before any binding runs) and the moment the
first screen update is written out (``App._display``) after what the key asked for has been
done: the binding has run (moves, script switch); the sidebar has shown the new word's entry
(*sidebar entry*, after a ``w``); the dictionary screen is shown (*lookup*, ``d``); its hits
for the word under the cursor are listed (*lookup hits*). Escape closes the dictionary
between presses, untimed. A press that cannot move (at the end of the text) draws nothing,
so the cursor goes back to the top first, untimed.

Three floors are measured the same way in the same run, in bare Textual apps at the same
size: a key that changes one short line (*one line*: the floor of a move), one that
replaces a pane of Chinese text (*whole pane*: page down, script switch) and one that shows
an installed screen holding an input and a list (*screen*: lookup). Each action is printed
with its ratio to its floor.

A held key is timed too, once the text is annotated: fifty presses queued at once (as a
terminal delivers a key's repeats to a busy app), from the first to the last frame of the
settled screen, against the bare app's one-line key held the same way (*held key*).

    python benchmarks/keys.py [TEXT] [--keys N]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
from pathlib import Path
from time import perf_counter

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from textual import events
from textual.app import App
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import Input, OptionList, Static

from tui.app import ZhreadApp
from tui.reader.screen import ReaderScreen
from tui.screens import lookup as lookup_module
from tui.screens.lookup import LookupScreen
from tui.widgets.article import ArticleView

#: name -> the key pressed
ACTIONS = {
    "next word": "w",
    "next line": "j",
    "page down": "space",
    "next term": "right_square_bracket",
    "script switch": "s",
    "sidebar entry": "w",
    "lookup": "d",
}


class Timed(ZhreadApp):
    """The reader, recording key-to-frame times under the name of the action measured."""

    measuring: str | None = None
    samples: dict[str, list[float]]
    last_frame = 0.0  # when the last frame was written out
    _start: float | None = None  # when the key being timed reached the app
    _done_keys: list[tuple[str, float]] = []  # done, waiting for the next frame: (name, start)

    async def on_event(self, event: events.Event) -> None:
        if not isinstance(event, events.Key) or not self.measuring:
            await super().on_event(event)
            return
        if not event.is_forwarded:  # reaching the app: before any binding runs
            self._start = perf_counter()
        await super().on_event(event)
        came_back = event.is_forwarded and self._start is not None  # the binding has run
        if came_back and self.measuring not in ("sidebar entry", "lookup"):
            self.ready(self.measuring)

    def ready(self, name: str) -> None:
        """What the key asked for is done: the next frame written out shows it."""
        if self._start is not None:
            self._done_keys = [*self._done_keys, (name, self._start)]
            if name != "lookup":
                self._start = None

    def _display(self, screen, update) -> None:
        super()._display(screen, update)
        now = perf_counter()
        self.last_frame = now
        for name, start in self._done_keys:
            self.samples.setdefault(name, []).append(now - start)
        self._done_keys = []


class TimedReader(ReaderScreen):
    """The reader's screen, telling the app when the sidebar has shown the new word."""

    def _show_entry(self) -> None:
        super()._show_entry()
        app = self.app
        if isinstance(app, Timed) and app.measuring == "sidebar entry":
            app.ready("sidebar entry")


Timed.Reader = TimedReader


class TimedLookup(LookupScreen):
    """The dictionary screen, telling the app when it is mounted and when hits are listed."""

    def on_screen_resume(self) -> None:
        app = self.app
        if isinstance(app, Timed) and app.measuring == "lookup":
            app.ready("lookup")

    def _show_hits(self, hits) -> None:
        super()._show_hits(hits)
        app = self.app
        if isinstance(app, Timed) and app.measuring == "lookup" and hits.query:
            app.ready("lookup hits")
            app._start = None


def at_end(app: Timed, name: str) -> bool:
    """Whether the move ``name`` has nowhere to go: such a press draws no frame, so it is
    not timed; the cursor goes back to the top first."""
    view = app.query_one("#article", ArticleView)
    if view.token is None:
        return False
    if name == "page down":
        return view.scroll_offset.y >= view.max_scroll_y
    if name == "next term":
        return not any(term.start > view.token.start for term in view.document.terms())
    if name == "next line":
        return view.lines.complete and view.line_of(view.token.start) >= len(view.lines) - 1
    if name in ("next word", "sidebar entry"):
        return view._word_at_or_after(view.cursor + 1) == view.cursor
    return False


async def press_all(pilot, app: Timed, keys: int, phase: str, until_done: bool) -> None:
    """Each action ``keys`` times (fewer if annotation ends first when ``until_done``)."""
    for name, key in ACTIONS.items():
        for _ in range(keys):
            if until_done and app.reader.segmented:
                break
            app.measuring = None
            if at_end(app, name):
                await pilot.press("g")
                await pilot.pause(0.02)
            app.measuring = name
            await pilot.press(key)
            await pilot.pause(0.02)
            if name == "lookup":
                await pilot.pause(0.2)  # the hits
                app.measuring = None
                await pilot.press("escape")
                await pilot.pause(0.02)
                app.measuring = name
        app.measuring = None
    for name in (*ACTIONS, "lookup hits"):
        app.samples.setdefault(f"{phase}:{name}", []).extend(app.samples.pop(name, []))
        app.samples[name] = []


async def run(path: str, keys: int) -> dict[str, list[float]]:
    text = Path(path).read_text(encoding="utf-8")
    app = Timed(text, path)
    app.samples = {name: [] for name in ACTIONS}
    lookup_module.LookupScreen = TimedLookup  # what `d` opens, found by name when pressed
    async with app.run_test(headless=True, size=(100, 30)) as pilot:
        while app.reader.script is None:  # the glossary and the script: `s` needs them
            await pilot.pause(0.05)
        if not app.reader.segmented:
            await press_all(pilot, app, keys, "annotating", until_done=True)
        while not app.reader.segmented or app.dictionary is None:
            await pilot.pause(0.1)
        await pilot.press("g")
        await press_all(pilot, app, keys, "annotated", until_done=False)
        for name, key in BURSTS.items():
            await pilot.press("g")
            app.samples[f"held:{name}"] = [await burst(pilot, app, key)]
    return {name: times for name, times in app.samples.items() if ":" in name and times}


#: name -> the key held down
BURSTS = {"next line x50": "j", "next word x50": "w"}
#: Keys in one burst: a held key's repeats queued while the app is busy.
BURST = 50


async def burst(pilot, app: Timed | Floor, key: str) -> float:
    """Time from the first of ``BURST`` presses of ``key``, all queued at once as a terminal
    delivers a held key to a busy app, to the last frame once the screen has settled (every
    key handled, and no frame for a tenth of a second)."""
    await pilot.pause(0.2)
    started = perf_counter()
    app.last_frame = started
    for _ in range(BURST):
        app.post_message(events.Key(key, None))
    while True:
        await pilot.pause(0.1)
        queues = [node._message_queue for node in (app, app.screen, app.focused) if node]
        if all(queue.empty() for queue in queues) and perf_counter() - app.last_frame > 0.1:
            return app.last_frame - started


class Floor(App[None]):
    """A bare app whose keys do the least work each kind of action can: ``w`` changes one
    short line, ``s`` replaces a pane of the sample's text, ``d`` shows a screen."""

    BINDINGS = [("w", "line"), ("s", "pane"), ("d", "screen"), ("escape", "back")]
    last_frame = 0.0

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text, self.at, self.samples = text, 0, {}
        self._start: float | None = None
        self._name: str | None = None

    def compose(self):
        with Horizontal():
            yield Static(self.text[:2000], id="pane", markup=False)
            yield Static("", id="line", markup=False)

    def on_mount(self) -> None:
        self.install_screen(FloorScreen(), "floor")

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Key) and not event.is_forwarded:
            self._start = perf_counter()
        await super().on_event(event)

    def _done(self, name: str) -> None:
        self._name = name

    def action_line(self) -> None:
        self.at += 1
        self.query_one("#line", Static).update(self.text[self.at : self.at + 4], layout=False)
        self._done("one line")

    def action_pane(self) -> None:
        self.at += 37
        self.query_one("#pane", Static).update(self.text[self.at : self.at + 2000])
        self._done("whole pane")

    def action_screen(self) -> None:
        self.push_screen("floor")
        self._done("screen")

    def action_back(self) -> None:
        if len(self.screen_stack) > 1:
            self.pop_screen()

    def _display(self, screen, update) -> None:
        super()._display(screen, update)
        self.last_frame = perf_counter()
        if self._name is not None and self._start is not None:
            self.samples.setdefault(self._name, []).append(perf_counter() - self._start)
            self._name = self._start = None


class FloorScreen(Screen[None]):
    def compose(self):
        yield Input("銀行")
        yield OptionList(*[f"銀行 yín háng bank {i}" for i in range(40)])


async def floors(keys: int) -> dict[str, list[float]]:
    app = Floor(Path(ROOT / "seeds" / "000_5c73e60e87bd33d6.txt").read_text(encoding="utf-8"))
    async with app.run_test(headless=True, size=(100, 30)) as pilot:
        for key in ("w", "s", "d"):
            for _ in range(keys):
                await pilot.press(key)
                await pilot.pause(0.02)
                if key == "d":
                    await pilot.press("escape")
                    await pilot.pause(0.02)
        app.samples["held key"] = [await burst(pilot, app, "w")]
    return app.samples


#: The floor each action is compared with.
FLOOR_OF = {
    "next word": "one line",
    "next line": "one line",
    "next term": "one line",
    "sidebar entry": "one line",
    "page down": "whole pane",
    "script switch": "whole pane",
    "lookup": "screen",
    "lookup hits": "screen",
    "next line x50": "held key",
    "next word x50": "held key",
}


def _line(name: str, times: list[float], floor: float | None) -> str:
    ordered = sorted(times)
    p95 = ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))]
    median = statistics.median(times)
    ratio = f"{median / floor:6.1f}x" if floor else ""
    return f"{name:32} {len(times):4d} {median * 1000:7.1f}ms {p95 * 1000:7.1f}ms {ratio}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("text", nargs="?", default=str(ROOT / "seeds" / "000_5c73e60e87bd33d6.txt"))
    parser.add_argument("--keys", type=int, default=40, help="presses per action and phase")
    args = parser.parse_args()
    bare = asyncio.run(floors(args.keys))
    samples = asyncio.run(run(args.text, args.keys))
    print(f"text: {args.text} ({Path(args.text).stat().st_size:,} bytes)")
    print(f"{'phase: action':32} {'n':>4} {'median':>9} {'p95':>9} {'floor':>7}")
    for name, times in bare.items():
        print(_line(f"floor: {name}", times, None))
    for name, times in samples.items():
        floor = bare.get(FLOOR_OF[name.split(":", 1)[1]])
        print(_line(name, times, statistics.median(floor) if floor else None))


if __name__ == "__main__":
    main()
