"""Every key zhread binds, as plain data, and the keys Textual takes before any of them.

The Textual classes build their ``BINDINGS`` from this table (:func:`tui.keys.textual_bindings`),
and the config's ``[keymap]`` checks read it (ids, conflicts, reserved keys, the listing in
``zhread config init``): so ``zhread config init|check`` run without importing Textual, and a
binding is declared once. The table imports neither Textual nor Rich.

Keys are written as Textual writes them: comma-separated names such as ``ctrl+f``,
``question_mark`` or a single character; :func:`normalize` turns a character such as ``?``
into its name, so equal keys compare equal.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:  # the config's model brings pydantic, loaded only with a config
    from tui.store.config import KeySpec

__all__ = [
    "COMMAND_PALETTE_KEY",
    "RESERVED",
    "SCOPES",
    "Key",
    "Scope",
    "conflict_groups",
    "key_specs",
    "normalize",
    "reserved_keys",
]


@dataclass(frozen=True)
class Key:
    """One binding: ``id`` names it in ``[keymap]`` (None: not remappable, not listed)."""

    id: str | None
    keys: str
    action: str
    description: str
    show: bool = True
    priority: bool = False


@dataclass(frozen=True)
class Scope:
    """The bindings one class declares, in footer order. ``label`` is the class's name, as
    ``config init`` and the conflict messages give it; ``kind`` says which other scopes are
    active with it (see :func:`conflict_groups`); ``screen`` is the screen a widget lives on,
    if it is not the reader's."""

    label: str
    kind: Literal["main", "widget", "screen"]
    keys: tuple[Key, ...]
    screen: str | None = None


def _close(binding_id: str, keys: str = "escape,q", action: str = "dismiss") -> Key:
    return Key(binding_id, keys, action, "Close")


#: Per scope, the bindings in footer order: what a reader looks for first comes first.
SCOPES: dict[str, Scope] = {
    "reader": Scope(
        "ReaderScreen",
        "main",
        (
            Key("help", "f1,h", "help", "Help"),
            Key("search", "slash", "search", "Search"),
            Key("search-backward", "question_mark", "search(True)", "Search back", show=False),
            Key("skim", "o", "skim", "Skim"),
            Key("cycle-script", "s", "cycle_script", "Script"),
            Key("cycle-reading", "p", "cycle_reading", "Pinyin"),
            Key("lookup", "d,colon", "lookup", "Dictionary"),
            Key("focus-terms", "l", "focus_terms", "Terms"),
            Key("toggle-parallel", "v,S", "toggle_parallel", "Side by side"),
            Key("toggle-inline", "i", "toggle_inline", "Glosses"),
            Key("add-word", "a", "add_word", "Add word"),
            Key("library", "B", "library", "Library"),
            Key("quit", "q", "quit", "Quit"),
            Key("copy-word", "y", "copy_word", "Copy word", show=False),
            Key("copy-sentence", "Y", "copy_sentence", "Copy sentence", show=False),
            Key("review", "R", "review", "Review", show=False),
            Key("toggle-english", "e", "toggle_english", "English", show=False),
            Key("state-learning-1", "1", "set_state('learning1')", "Learning 1", show=False),
            Key("state-learning-2", "2", "set_state('learning2')", "Learning 2", show=False),
            Key("state-learning-3", "3", "set_state('learning3')", "Learning 3", show=False),
            Key("state-learning-4", "4", "set_state('learning4')", "Learning 4", show=False),
            Key("state-known", "5", "set_state('known')", "Known", show=False),
            Key("toggle-known", "W", "toggle_known", "Known", show=False),
            Key("toggle-ignored", "x", "toggle_ignored", "Ignore", show=False),
            Key("tint-unknown", "U", "tint_unknown", "Tint unknown", show=False),
            Key("cycle-tones", "t", "cycle_tones", "Tones", show=False),
            Key("word-list", "L", "word_list", "Word list", show=False),
            Key("cycle-hsk-tint", "H", "cycle_hsk_tint", "HSK tint", show=False),
            Key("stats", "I", "stats", "Stats", show=False),
        ),
    ),
    "article": Scope(
        "ArticleView",
        "widget",
        (
            Key("next-word", "right,w", "next_word", "Next word", show=False),
            Key("previous-word", "left,b", "previous_word", "Prev word", show=False),
            Key("line-down", "down,j", "line_down", "Line down", show=False),
            Key("line-up", "up,k", "line_up", "Line up", show=False),
            Key("page-down", "space,pagedown,ctrl+f", "page_down", "Page down", show=False),
            Key("page-up", "shift+space,pageup,ctrl+b", "page_up", "Page up", show=False),
            Key("top", "g,home", "first_word", "Top", show=False),
            Key("bottom", "G,end", "last_word", "Bottom", show=False),
            Key("next-term", "right_square_bracket", "next_term", "Next term"),
            Key("previous-term", "left_square_bracket", "previous_term", "Prev term", show=False),
            Key("next-match", "n", "next_match", "Next match", show=False),
            Key("previous-match", "N", "previous_match", "Prev match", show=False),
            Key("next-sentence", "right_parenthesis", "next_sentence", "Next sentence", show=False),
            Key(
                "previous-sentence",
                "left_parenthesis",
                "previous_sentence",
                "Prev sentence",
                show=False,
            ),
            Key("open-sentence", "enter", "open_sentence", "Sentence", show=False),
        ),
    ),
    "searchbar": Scope(
        "SearchBar",
        "widget",
        (
            Key("search-close", "escape", "close", "Close", show=False),
            Key("search-earlier", "up", "history(-1)", "Earlier query", show=False),
            Key("search-later", "down", "history(1)", "Later query", show=False),
        ),
    ),
    "terms": Scope(
        "TermsPane",
        "widget",
        (
            Key("add-candidate", "plus,equals_sign", "add_candidate", "Add to my glossary"),
            Key("leave-terms", "escape", "leave", "Back to article"),
            Key("terms-down", "j", "cursor_down", "Next term", show=False),
            Key("terms-up", "k", "cursor_up", "Previous term", show=False),
        ),
    ),
    "help": Scope("HelpScreen", "screen", (_close("close-help", "escape,q,question_mark"),)),
    "library": Scope(
        "LibraryScreen",
        "screen",
        (
            Key("close-library", "escape,B", "close", "Back to the reader"),
            Key("library-down", "j", "move(1)", "Down", show=False),
            Key("library-up", "k", "move(-1)", "Up", show=False),
            Key("library-first", "g,home", "edge(False)", "First", show=False),
            Key("library-last", "G,end", "edge(True)", "Last", show=False),
            Key("desk", "D", "desk", "Desk"),
        ),
    ),
    "desk": Scope(
        "DeskScreen",
        "screen",
        (
            Key("close-desk", "escape,q", "close", "Close"),
            Key("desk-filter", "slash", "filter", "Filter quotes"),
            Key("desk-next", "right,right_square_bracket", "section(1)", "Next section"),
            Key("desk-prev", "left,left_square_bracket", "section(-1)", "Previous section"),
        ),
    ),
    "lookup": Scope(
        "LookupScreen",
        "screen",
        (
            _close("close-lookup", "escape"),
            Key("focus-lookup-hits", "down", "focus_hits", "To the hits", show=False),
        ),
    ),
    "prompt": Scope(
        "PromptScreen", "screen", (Key("cancel-prompt", "escape", "cancel", "Cancel"),)
    ),
    "review": Scope(
        "ReviewScreen",
        "screen",
        (
            Key("review-show", "space,enter", "show", "Show answer"),
            Key("review-again", "1", "rate(1)", "Again", show=False),
            Key("review-hard", "2", "rate(2)", "Hard", show=False),
            Key("review-good", "3", "rate(3)", "Good", show=False),
            Key("review-easy", "4", "rate(4)", "Easy", show=False),
            Key("review-cloze", "c", "toggle_cloze", "Cloze"),
            Key("review-finish", "escape", "finish", "End"),
            Key("close-review", "q", "close", "Close"),
        ),
    ),
    "sentence": Scope(
        "SentenceScreen",
        "screen",
        (
            _close("close-sentence"),
            Key("sentence-add-word", "a", "add_word", "Add word"),
            Key("sentence-down", "j", "move(1)", "Next word", show=False),
            Key("sentence-up", "k", "move(-1)", "Previous word", show=False),
        ),
    ),
    "skim": Scope(
        "SkimScreen",
        "screen",
        (
            _close("close-skim", action="dismiss(None)"),
            Key("skim-next", "right,right_square_bracket", "section(1)", "Next section"),
            Key("skim-prev", "left,left_square_bracket", "section(-1)", "Previous section"),
        ),
    ),
    "stats": Scope("StatsScreen", "screen", (_close("close-stats"),)),
    "toosmall": Scope(
        "TooSmallScreen", "screen", (Key(None, "q", "app.quit", "Quit", show=False),)
    ),
    "wordlist": Scope(
        "WordListScreen",
        "screen",
        (
            _close("close-wordlist", action="close"),
            Key("remove-word", "x,delete", "remove", "Remove"),
            Key("edit-definition", "e", "edit", "Edit definition"),
        ),
    ),
}

#: The key that opens Textual's command palette (the App's ``COMMAND_PALETTE_BINDING``).
COMMAND_PALETTE_KEY = "ctrl+p"

#: Textual's own bindings, which it handles before (or instead of) zhread's: the Screen's
#: and the App's ``BINDINGS``, as (keys, what they do). tests/test_bindings.py checks them
#: against Textual's.
RESERVED: tuple[tuple[str, str], ...] = (
    ("tab", "Focus Next"),
    ("shift+tab", "Focus Previous"),
    ("ctrl+c,super+c", "Copy selected text"),
    ("ctrl+q", "Quit"),
    ("ctrl+c", "help_quit"),
)

# Characters whose Unicode names Textual shortens (its KEY_NAME_REPLACEMENTS).
_SHORT_NAMES = {
    "solidus": "slash",
    "reverse_solidus": "backslash",
    "commercial_at": "at",
    "hyphen_minus": "minus",
    "plus_sign": "plus",
    "low_line": "underscore",
}


def _character_key(character: str) -> str:
    """A one-character key's name as Textual gives it: letters and digits are themselves,
    other characters their Unicode name in snake case ("?" is "question_mark")."""
    if character.isalnum():
        return character
    try:
        name = unicodedata.name(character).lower().replace("-", "_").replace(" ", "_")
    except ValueError:
        name = "tab" if character == "\t" else character
    return _SHORT_NAMES.get(name, name)


def normalize(keys: str) -> str:
    """Keys as Textual stores them ("?" is "question_mark"), so that equal keys compare equal."""
    return ",".join(
        _character_key(key) if len(key) == 1 else key
        for key in (key.strip() for key in keys.split(","))
    )


def key_specs() -> list[KeySpec]:
    """One :class:`~tui.store.config.KeySpec` per binding id, with its default keys."""
    from tui.store.config import KeySpec

    return [
        KeySpec(
            key.id,
            scope.label,
            tuple(normalize(key.keys).split(",")),
            key.description or key.action,
        )
        for scope in SCOPES.values()
        for key in scope.keys
        if key.id is not None
    ]


def reserved_keys() -> dict[str, str]:
    """Keys Textual handles before (or instead of) the app's bindings: the screen's focus
    keys, the priority quit, the command palette."""
    reserved = {
        key: f"Textual's {what}" for keys, what in RESERVED for key in normalize(keys).split(",")
    }
    reserved.update(dict.fromkeys(normalize(COMMAND_PALETTE_KEY).split(","), "the command palette"))
    return reserved


def conflict_groups() -> Mapping[str, set[str]]:
    """Which scopes are active at once: the reader's keys with each widget on it (the
    focused widget's keys shadow the reader's), each other screen with the widgets on it,
    alone (a modal screen shadows the reader's keys on purpose: Esc, q)."""
    apps = {s.label for s in SCOPES.values() if s.kind == "main"}
    groups: dict[str, set[str]] = {}
    for scope in SCOPES.values():
        if scope.kind != "widget":
            continue
        if scope.screen is not None:
            screen = SCOPES[scope.screen].label
            groups.setdefault(f"in {screen}", {screen}).add(scope.label)
        else:
            groups[f"with {scope.label} focused"] = apps | {scope.label}
    for scope in SCOPES.values():
        if scope.kind == "screen":
            groups.setdefault(f"in {scope.label}", {scope.label})
    groups["anywhere"] = set(apps)
    return groups
