"""An SVG snapshot of the review screen: the back of a card, with its tone-coloured reading,
the word marked in its sentence and the interval each rating would give. Update with
`pytest --snapshot-update tests/test_review_snapshots.py` after an intended change.

The screen is pushed onto a bare app with zhread's stylesheet, so the picture changes when
the review does and not when the reader does.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import fsrs

from tests.apps import Host
from tui.screens.review import ReviewScreen
from tui.store.wordlist import WordList

AT = datetime(2099, 1, 5, 9, 0, tzinfo=UTC)


def test_review_card_back_100x30(snap_compare, tmp_path: Path) -> None:
    words = WordList.open(tmp_path / "words.sqlite3")
    words.add("銀行", "银行", "yín háng", "bank; CL:家[jia1]", "我今天去銀行存錢。", "news.txt")
    words.add("學習", "学习", "xué xí", "to learn; to study")
    screen = ReviewScreen(
        words, scheduler=fsrs.Scheduler(enable_fuzzing=False), clock=lambda: AT, tones="mdbg"
    )
    try:
        assert snap_compare(Host(screen), terminal_size=(100, 30), press=["space"])
    finally:
        words.close()
