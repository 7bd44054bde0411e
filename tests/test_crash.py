"""Crashes and concurrency: `kill -9` in the middle of saving, again and again, never
damages the word list nor loses a word whose saving was confirmed; two processes saving
words or adding glossary entries at the same moment lose none."""

from __future__ import annotations

import random
import re
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from tests.terminal import needs_tmux
from tui.core.glossary.loader import load_glossary
from tui.store.wordlist import WordList

ROOT = Path(__file__).resolve().parent.parent

#: Saves words as fast as it can, printing each one's number only after ``add`` returned
#: (the transaction is committed and synced): a printed number is a confirmed word.
SAVER = """
import sys
from tui.store.wordlist import WordList
path, prefix = sys.argv[1], sys.argv[2]
with WordList.open(path) as words:
    print("open", flush=True)
    for i in range(1_000_000):
        words.add(f"{prefix}{i}", f"{prefix}{i}", "pīn yīn", "a definition", "句子" * (i % 200))
        if i % 4 == 0:
            words.mark_known(f"{prefix}{i}")
        if i % 7 == 0:
            words.update(f"{prefix}{i}", f"{prefix}{i}", definition=f"changed {i}")
        print(i, flush=True)
"""


def integrity(path: Path) -> str:
    with sqlite3.connect(path) as raw:
        return raw.execute("PRAGMA integrity_check").fetchone()[0]


def test_kill_9_while_saving_many_times_loses_no_confirmed_word(tmp_path: Path) -> None:
    """20 kills at varied moments: right after opening, after a few words, after many,
    and after a random delay that lands anywhere inside a transaction."""
    path = tmp_path / "words.sqlite3"
    chance = random.Random(8)
    confirmed: set[str] = set()
    for round_number in range(20):
        prefix = f"殺{round_number}-"
        proc = subprocess.Popen(
            [sys.executable, "-c", SAVER, str(path), prefix],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        assert proc.stdout is not None and proc.stdout.readline() == "open\n"
        wanted = chance.choice((0, 1, 5, 40, 200))
        for _ in range(wanted):
            confirmed.add(f"{prefix}{int(proc.stdout.readline())}")
        time.sleep(chance.random() * 0.02)
        proc.send_signal(signal.SIGKILL)
        rest, _ = proc.communicate(timeout=30)
        assert proc.returncode == -signal.SIGKILL
        confirmed |= {f"{prefix}{int(line)}" for line in rest.split()}  # printed before death
        assert integrity(path) == "ok"
        with WordList.open(path) as words:
            assert words.note is None  # never judged damaged
            saved = {w.hant for w in words.entries()}
            assert confirmed <= saved, sorted(confirmed - saved)[:5]
            assert all(words.is_known(w) for w in confirmed if int(w.rsplit("-", 1)[1]) % 4 == 0)
    assert len(confirmed) > 100


@needs_tmux
def test_kill_9_of_the_real_reader_after_adding_words(tmp_path: Path, terminal) -> None:
    """The real program in a terminal: `a` on word after word, each confirmed on screen,
    then `kill -9`; every confirmed word is in the list and the file is sound."""
    text = tmp_path / "text.txt"
    text.write_text(
        "我們今天去銀行辦理業務，然後在公園散步，晚上回家吃飯看書。\n", encoding="utf-8"
    )
    term = terminal(str(text))
    try:
        term.wait_for("wǒ men")  # segmented, and the dictionary open
        added: list[str] = []
        for _ in range(6):
            term.keys("a")
            added.append(_next_confirmation(term, added))
            term.keys("w")
        pid = _reader_pid(term.shell_pid())
        subprocess.run(["kill", "-9", str(pid)], check=True)
        term.wait_for("EXIT=137", timeout=10)
    finally:
        term.close()
    path = tmp_path / "data" / "zhread" / "wordlist.sqlite3"
    assert integrity(path) == "ok"
    with WordList.open(path) as words:
        assert set(added) <= {w.hant for w in words.entries()} and len(set(added)) >= 5


def _next_confirmation(term, seen: list[str], timeout: float = 20.0) -> str:
    """The word of an "Added WORD in your word list" on screen that is not in ``seen``."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        shown = re.findall(r"Added (\S+) in your word list", term.screen())
        new = [word for word in shown if word not in seen]
        if new:
            return new[0]
        time.sleep(0.1)
    raise AssertionError(f"no new confirmation; screen was:\n{term.screen()}")


def _reader_pid(shell: int) -> int:
    """The zhread process in the pane (the pane runs a shell that runs it)."""
    children = subprocess.run(
        ["ps", "-o", "pid=,args=", "--ppid", str(shell)], capture_output=True, text=True, check=True
    ).stdout.splitlines()
    (pid,) = [line.split()[0] for line in children if "zhread" in line]
    return int(pid)


# --- two processes at once --------------------------------------------------------------

#: Adds entries to one user glossary, starting when every adder is ready.
ADDER = """
import sys, time
from pathlib import Path
from tui.core.glossary.entries import Entry
from tui.store.userglossary import add_entry
path, name, count, together = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
hanzi = "甲乙丙丁戊己庚辛壬癸"
han = {"east": "東", "west": "西", "south": "南"}[name]
entries = [Entry(id=f"{name}-{i}", hant=f"{han}詞{hanzi[i // 10]}{hanzi[i % 10]}",
                 hans=f"{han}词{hanzi[i // 10]}{hanzi[i % 10]}", pinyin="cí", en=f"{name} {i}",
                 category="other", definition="Added by a test.") for i in range(count)]
(path.parent / f"ready-{name}").touch()
deadline = time.monotonic() + 30
while len(list(path.parent.glob("ready-*"))) < together and time.monotonic() < deadline:
    time.sleep(0.002)
for entry in entries:
    add_entry(entry, path, known_ids=())
    print(entry.id, flush=True)
"""


def test_two_processes_adding_to_the_user_glossary_lose_no_entry(tmp_path: Path) -> None:
    path = tmp_path / "glossary" / "glossary.yaml"
    path.parent.mkdir()
    names, count = ("east", "west", "south"), 8
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", ADDER, str(path), name, str(count), str(len(names))],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for name in names
    ]
    confirmed: set[str] = set()
    for proc in procs:
        out, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err
        confirmed |= set(out.split())
    assert len(confirmed) == len(names) * count
    assert set(load_glossary(path, known_ids=set()).entries) == confirmed
    assert sorted(p.name for p in path.parent.iterdir()) == [
        "glossary.yaml",
        *(f"ready-{name}" for name in sorted(names)),
    ]  # no lock file left
