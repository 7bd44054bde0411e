"""Review queue costs on a large word list: 10,000 saved words with their cards and 100,000
review logs, synthetic, from a fixed seed, built in a temporary directory.

Each figure is printed beside a floor measured in the same run on the same file, so the
ratio means something where the absolute time would not:

- queue: ``Reviews(words).due(now, limit=N)`` on an open list (the Word and Card of each
  row built); the floor is the bare ``SELECT word_id, card FROM cards WHERE due <= ? ORDER
  BY due LIMIT ?`` on a plain ``sqlite3`` connection to the same file;
- count: ``Reviews.count_due(now)``, against ``SELECT count(*) FROM cards WHERE due <= ?``;
- cold open + first queue: ``WordList.open`` (its durability pragmas and ``quick_check``
  included) then the first queue, as the review screen does on a fresh start; the floor is
  ``sqlite3.connect`` plus the bare query. The open alone is shown too, against a connect
  and ``PRAGMA quick_check``, which reads the whole file and is most of it;
- rate: one rating (card, log row and state in one ``synchronous=FULL`` transaction);
  the floor is one bare ``UPDATE`` of a card committed on a connection set up the same way.

The aim is a queue under 100 ms.

    python benchmarks/review_queue.py [--words N] [--logs N] [--limit N] [--runs N]
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import fsrs

from tui.core.learning.states import State, from_stability
from tui.store.reviews import Reviews
from tui.store.wordlist import WordList, encode_card

NOW = datetime(2030, 1, 7, 9, 0, tzinfo=UTC)
FLOOR_QUEUE = "SELECT word_id, card FROM cards WHERE due <= ? ORDER BY due LIMIT ?"
FLOOR_COUNT = "SELECT count(*) FROM cards WHERE due <= ?"


def timed(action: Callable[[], object]) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def synthetic_card(word_id: int, rng: random.Random) -> fsrs.Card:
    """A card reviewed at some time in the last half year, due up to two months either side
    of ``NOW``: about half the cards are due."""
    stability = rng.lognormvariate(2.0, 1.5)
    due = NOW + timedelta(minutes=rng.randint(-60 * 24 * 60, 60 * 24 * 60))
    return fsrs.Card(
        card_id=word_id,
        state=fsrs.State.Review,
        stability=stability,
        difficulty=rng.uniform(1, 10),
        due=due,
        last_review=due - timedelta(days=max(stability, 1 / 24)),
    )


def build(path: Path, words: int, logs: int, seed: int) -> None:
    """The store's own schema (made by opening it), filled with executemany in one go."""
    WordList.open(path).close()
    rng = random.Random(seed)
    cards = [synthetic_card(i, rng) for i in range(1, words + 1)]
    added = (NOW - timedelta(days=200)).isoformat(timespec="seconds")
    conn = sqlite3.connect(path)
    with conn:
        conn.executemany(
            "INSERT INTO words(id, hant, hans, pinyin, definition, sentence, source, added, "
            "updated) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (i, f"詞{i}", f"词{i}", f"cí {i}", "word", f"第{i}個詞。", "x", added, added)
                for i in range(1, words + 1)
            ],
        )
        conn.executemany(
            "INSERT INTO cards(word_id, key, due, card) VALUES (?, ?, ?, ?)",
            [(card.card_id, f"词{card.card_id}", *encode_card(card)) for card in cards],
        )
        conn.executemany(
            "INSERT INTO states(word, state, updated) VALUES (?, ?, ?)",
            [(f"词{card.card_id}", state_of(card, rng).value, added) for card in cards],
        )
        conn.executemany(
            "INSERT INTO reviews(word_id, reviewed, rating, duration_ms) VALUES (?, ?, ?, ?)",
            [synthetic_log(rng, words) for _ in range(logs)],
        )
    conn.close()


def state_of(card: fsrs.Card, rng: random.Random) -> State:
    return State.IGNORED if rng.random() < 0.03 else from_stability(card.stability)


def synthetic_log(rng: random.Random, words: int) -> tuple[int, str, int, int]:
    reviewed = NOW - timedelta(minutes=rng.randint(1, 365 * 24 * 60))
    rating = rng.choice([1, 2, 3, 3, 3, 4])
    return rng.randint(1, words), reviewed.isoformat(), rating, rng.randint(800, 12_000)


def shown(seconds: float) -> str:
    return f"{seconds * 1e3:.2f} ms" if seconds >= 1e-3 else f"{seconds * 1e6:.1f} µs"


def row(name: str, ours: list[float], floor_name: str, floor: list[float]) -> str:
    value, base = statistics.median(ours), statistics.median(floor)
    return f"| {name} | {shown(value)} | {floor_name} | {shown(base)} | {value / base:.1f}x |"


def measure_queue(path: Path, limit: int, runs: int) -> list[str]:
    """The queue and its count on an open list, each against the bare query."""
    due_ms = int(NOW.timestamp() * 1000)
    bare = sqlite3.connect(path)
    with WordList.open(path) as words:
        reviews = Reviews(words)
        queue = [timed(lambda: reviews.due(NOW, limit=limit)) for _ in range(runs)]
        count = [timed(lambda: reviews.count_due(NOW)) for _ in range(runs)]
    bare.execute(FLOOR_QUEUE, (due_ms, limit)).fetchall()  # warm, as the list is
    floor_queue = [
        timed(lambda: bare.execute(FLOOR_QUEUE, (due_ms, limit)).fetchall()) for _ in range(runs)
    ]
    floor_count = [
        timed(lambda: bare.execute(FLOOR_COUNT, (due_ms,)).fetchone()) for _ in range(runs)
    ]
    bare.close()
    return [
        row(f"due(now, limit={limit}), median", queue, "bare indexed SELECT", floor_queue),
        row("count_due(now), median", count, "bare SELECT count(*)", floor_count),
    ]


def measure_cold(path: Path, limit: int, runs: int) -> list[str]:
    due_ms = int(NOW.timestamp() * 1000)
    cold = [timed(lambda: cold_queue(path, limit)) for _ in range(runs)]
    floor = [timed(lambda: bare_cold_queue(path, due_ms, limit)) for _ in range(runs)]
    opens = [timed(lambda: WordList.open(path).close()) for _ in range(runs)]
    checks = [timed(lambda: quick_check(path)) for _ in range(runs)]
    return [
        row("cold open + first queue, median", cold, "connect + bare SELECT", floor),
        row("of which the open, median", opens, "connect + quick_check", checks),
    ]


def quick_check(path: Path) -> None:
    """What ``WordList.open`` does to know the file is sound: most of a cold open."""
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA quick_check").fetchone()
    conn.close()


def measure_rate(path: Path, runs: int) -> list[str]:
    """Ratings of the first cards due; the floor commits one bare UPDATE the same durable way."""
    with WordList.open(path) as words:
        reviews = Reviews(words, fsrs.Scheduler(enable_fuzzing=False))
        due = reviews.due(NOW, limit=runs)
        rate = [timed(partial(reviews.rate, d, fsrs.Rating.Good, NOW, 3000)) for d in due]
    bare = sqlite3.connect(path, isolation_level="IMMEDIATE")
    bare.execute("PRAGMA journal_mode = WAL")
    bare.execute("PRAGMA synchronous = FULL")

    def update(word_id: int) -> None:
        with bare:
            bare.execute("UPDATE cards SET due = due + 1 WHERE word_id = ?", (word_id,))

    floor = [timed(partial(update, i)) for i in range(1, runs + 1)]
    bare.close()
    return [row("rate one card, median", rate, "bare UPDATE + commit", floor)]


def measure(path: Path, limit: int, runs: int) -> list[str]:
    with WordList.open(path) as words:
        total = Reviews(words).count_due(NOW)
    return [
        f"{total} cards due at {NOW:%Y-%m-%d %H:%M} UTC; queue limit {limit}; {runs} runs\n",
        "| measure | time | floor | floor time | ratio |",
        "| --- | ---: | --- | ---: | ---: |",
        *measure_queue(path, limit, runs),
        *measure_cold(path, limit, runs),
        *measure_rate(path, runs),  # last: it changes the file
    ]


def cold_queue(path: Path, limit: int) -> None:
    with WordList.open(path) as words:
        Reviews(words).due(NOW, limit=limit)


def bare_cold_queue(path: Path, due_ms: int, limit: int) -> None:
    conn = sqlite3.connect(path)
    conn.execute(FLOOR_QUEUE, (due_ms, limit)).fetchall()
    conn.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=10_000)
    parser.add_argument("--logs", type=int, default=100_000)
    parser.add_argument("--limit", type=int, default=200)
    parser.add_argument("--runs", type=int, default=31)
    parser.add_argument("--seed", type=int, default=20300107)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="zhread-bench-") as folder:
        path = Path(folder) / "wordlist.sqlite3"
        seconds = timed(lambda: build(path, args.words, args.logs, args.seed))
        size = path.stat().st_size
        print(
            f"built {args.words} words and cards, {args.logs} review logs "
            f"({size / 1e6:.1f} MB) in {seconds:.1f} s"
        )
        for line in measure(path, args.limit, args.runs):
            print(line)


if __name__ == "__main__":
    main()
