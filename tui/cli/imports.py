"""``zhread import``: the words of a Pleco or Anki export, given a learning state at once.

A learner who has studied for years with Pleco or Anki should not have to mark a thousand
words known one at a time before the reader's tints mean anything. The file is read as any
text zhread opens (UTF-8, UTF-16, GB18030, Big5: Pleco exports in each), parsed by
:mod:`tui.core.learning.imports`, and the states written in one transaction.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from tui.cli.options import command_parser
from tui.core.errors import ZhreadError
from tui.core.plurals import plural

if TYPE_CHECKING:
    from tui.core.learning.imports import Parsed
    from tui.core.learning.states import State

SUMMARY = "mark the words of a Pleco or Anki export as known (or learning)"

_STATES = ("known", "learning1", "learning2", "learning3", "learning4", "ignored")
_EXAMPLES = 3  # lines not understood that the summary quotes

EPILOG = """\
examples:
  zhread import pleco-flashcards.txt
  zhread import anki-notes.txt --state learning3 --dry-run
  zhread import hsk4.txt --format pleco --overwrite

Pleco: Flashcards > Import/Export > Export Cards, as text. Anki: File > Export, "Notes in
Plain Text". Words already in a state (known, learning, ignored) keep it unless --overwrite;
words the reader only marked seen take the new state."""


def parser() -> argparse.ArgumentParser:
    built = command_parser(
        "zhread import",
        "Read a Pleco flashcard export or an Anki plain-text notes export and give its words\n"
        "a learning state (known by default). The word of each line is the first field that\n"
        "holds one: 简[繁], HTML, ruby and pinyin in brackets are understood.",
        EPILOG,
    )
    built.add_argument("file", help="the exported word list (a text file)")
    built.add_argument(
        "--format", choices=("pleco", "anki"), help="pleco or anki (default: told from the file)"
    )
    built.add_argument(
        "--state",
        choices=_STATES,
        default="known",
        help="the state to give the words: known (the default), learning1..learning4, ignored",
    )
    built.add_argument(
        "--overwrite",
        action="store_true",
        help="also change words that already have a state",
    )
    built.add_argument(
        "--dry-run", action="store_true", help="print what would change and write nothing"
    )
    built.add_argument(
        "--encoding", metavar="NAME", help="decode with this encoding instead of detecting it"
    )
    return built


@dataclass
class Plan:
    """What an import does to each word, keyed by its Simplified form as states are."""

    change: dict[str, tuple[str, State]] = field(default_factory=dict)  # key: (word, had)
    kept: dict[str, State] = field(default_factory=dict)

    @property
    def read(self) -> int:
        return len(self.change) + len(self.kept)


def plan(words: Iterable[str], states: Mapping[str, State], to: State, overwrite: bool) -> Plan:
    """Which words change: those with no state, or only SEEN (the reader's mark for a word
    read past, not the learner's judgement), and any other with ``overwrite``; a word
    already in ``to`` is kept either way."""
    from tui.core.learning.states import State
    from tui.core.scripts.convert import shadow

    made = Plan()
    for word in words:
        key = shadow(word)
        if key in made.change or key in made.kept:
            continue
        had = states.get(key, State.NEW)
        if had is not to and (had in (State.NEW, State.SEEN) or overwrite):
            made.change[key] = (word, had)
        else:
            made.kept[key] = had
    return made


def run(args: argparse.Namespace) -> int:
    import sys

    from tui.core.learning.states import State
    from tui.store.wordlist import WordList

    parsed = _read(args.file, args.format, args.encoding)
    state = State(args.state)
    with WordList.open() as store:
        if store.note:
            print(f"zhread: {store.note}", file=sys.stderr)
        made = plan(parsed.words, store.states(), state, args.overwrite)
        if args.dry_run:
            for word, had in made.change.values():
                print(f"{word}\t{had.label} -> {state.label}")
            changed = len(made.change)
        else:
            changed = store.set_states(made.change, state)
    print(summary(parsed, made, changed, state, dry_run=args.dry_run))
    return 0


def _read(file: str, format: str | None, encoding: str | None) -> Parsed:
    """The file parsed; every problem with it is one line naming the file."""
    from tui.core.learning.imports import parse
    from tui.core.text.loading import decode, read_path

    data = read_path(file)
    if data.startswith(b"PK\x03\x04"):
        raise ZhreadError(
            "a zip archive (an Anki .apkg?): export the notes from Anki as "
            '"Notes in Plain Text" and import that',
            file,
        )
    loaded = decode(data, encoding=encoding, source=file)
    try:
        parsed = parse(loaded.text, format)
    except ZhreadError as error:
        raise ZhreadError(str(error), file) from None
    if len(parsed.unread) > len(parsed.found):  # no words, or not a word list at all
        lines = len(parsed.unread) + len(parsed.found)
        raise ZhreadError(
            f"not a {parsed.format.capitalize()} export of words: no word on "
            f"{len(parsed.unread)} of {plural(lines, 'line')} ({_examples(parsed)})",
            file,
        )
    return parsed


def summary(parsed: Parsed, made: Plan, changed: int, state: State, *, dry_run: bool) -> str:
    """One line: the words read, changed and left, and where lines were not understood."""
    from tui.core.learning.states import State

    verb = "would be" if dry_run else "newly" if state in (State.KNOWN, State.IGNORED) else "now"
    parts = [
        f"{plural(made.read, 'word')} read from the {parsed.format.capitalize()} export",
        f"{changed} {verb} {state.label}",
        f"{len(made.kept)} skipped{_kept(made.kept.values(), state)}",
    ]
    line = ", ".join(parts) + _unread(parsed)
    return f"dry run, nothing written: {line}" if dry_run else line


def _kept(states: Iterable[State], to: State) -> str:
    held = set(states)
    if not held:
        return ""
    if held == {to}:
        return f" (already {to.label})"
    return " (already in a state; --overwrite changes them)"


def _unread(parsed: Parsed) -> str:
    if not parsed.unread:
        return ""
    return f"; {plural(len(parsed.unread), 'line')} not understood ({_examples(parsed)})"


def _examples(parsed: Parsed) -> str:
    """The first few lines not understood, with their numbers and why."""
    shown = "; ".join(
        f"line {item.line}: {item.reason}: {item.text!r}" for item in parsed.unread[:_EXAMPLES]
    )
    return shown + ("; ..." if len(parsed.unread) > _EXAMPLES else "")
