"""`zhread review`: a line and no interface when there is nothing to review, a one-line error
for a word list that cannot be read, and otherwise the app opening on the review and ending
when it closes."""

from __future__ import annotations

from datetime import UTC, datetime

import fsrs
import pytest

from tui.cli import COMMANDS, main
from tui.cli.review import review_app
from tui.core import userdirs
from tui.screens.review import ReviewScreen
from tui.store.reviews import Reviews
from tui.store.wordlist import WordList


def run_main(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def save(*words: tuple[str, str]) -> None:
    with WordList.open() as saved:
        for hant, hans in words:
            saved.add(hant, hans, "", "", f"我們{hant}。")


def test_registered_with_help_and_examples(capsys) -> None:
    assert "review" in COMMANDS
    with pytest.raises(SystemExit):
        main(["review", "--help"])
    out = capsys.readouterr().out
    assert "examples:" in out and "--cloze" in out


def test_no_saved_words_is_said_in_a_line_and_is_no_error(capsys) -> None:
    code, out, err = run_main(capsys, "review")
    assert code == 0 and err == ""
    assert out.count("\n") == 1
    assert out.startswith("No saved words yet: press a on a word in the reader")


def test_nothing_due_says_when_without_opening_the_app(capsys) -> None:
    save(("銀行", "银行"))
    with WordList.open() as saved:
        reviews = Reviews(saved)
        now = datetime.now(UTC)
        (due,) = reviews.due(now)
        reviews.rate(due, fsrs.Rating.Easy, now)
    code, out, err = run_main(capsys, "review")
    assert code == 0 and err == ""
    assert out.startswith("Nothing to review now: the next card is due in ")
    assert "day" in out and out.count("\n") == 1


def test_an_unreadable_word_list_is_a_one_line_error(capsys) -> None:
    (userdirs.data_dir() / "wordlist.sqlite3").mkdir(parents=True)  # a folder, not a file
    code, out, err = run_main(capsys, "review")
    assert code == 2 and out == ""
    assert err.startswith("zhread: ") and "cannot open your word list" in err
    assert err.count("\n") == 1


def test_a_damaged_word_list_is_an_error_naming_where_it_went(capsys) -> None:
    path = userdirs.data_dir() / "wordlist.sqlite3"
    path.parent.mkdir(parents=True)
    path.write_bytes(b"not a database" * 1000)
    code, out, err = run_main(capsys, "review")
    (aside,) = path.parent.glob("wordlist.sqlite3.corrupt-*")
    assert code == 2 and out == ""
    assert err.startswith("zhread: ") and aside.name in err and "Traceback" not in err


@pytest.mark.parametrize("cloze", [False, True])
async def test_the_app_opens_on_the_review_and_ends_with_it(cloze: bool) -> None:
    save(("銀行", "银行"), ("學習", "学习"))
    app = review_app(cloze=cloze)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ReviewScreen) and screen.cloze is cloze
        front = screen.card_view.text.plain
        assert front == ("我們＿＿。" if cloze else "銀行  银行")
        await pilot.press("space", "3", "q")
        await pilot.pause()
    assert app.return_code == 0
    with WordList.open() as saved:
        assert [due.word.hant for due in Reviews(saved).due(datetime.now(UTC))] == ["學習"]
