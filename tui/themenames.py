"""The names of the themes the reader can choose, without importing Textual: for
``zhread config check``, which checks the config's ``theme`` without the UI.

tests/test_bindings.py checks :data:`TEXTUAL_THEMES` against Textual's own.
"""

from __future__ import annotations

__all__ = ["TEXTUAL_THEMES", "THEME_NAMES", "ZHREAD_DARK", "ZHREAD_LIGHT"]

#: zhread's own two themes (:mod:`tui.themes`).
ZHREAD_DARK, ZHREAD_LIGHT = "zhread-dark", "zhread-light"

#: Textual's built-in themes (``textual.theme.BUILTIN_THEMES``).
TEXTUAL_THEMES = frozenset(
    {
        "ansi-dark",
        "ansi-light",
        "atom-one-dark",
        "atom-one-light",
        "catppuccin-frappe",
        "catppuccin-latte",
        "catppuccin-macchiato",
        "catppuccin-mocha",
        "dracula",
        "flexoki",
        "gruvbox",
        "monokai",
        "nord",
        "rose-pine",
        "rose-pine-dawn",
        "rose-pine-moon",
        "solarized-dark",
        "solarized-light",
        "textual-dark",
        "textual-light",
        "tokyo-night",
    }
)

THEME_NAMES = TEXTUAL_THEMES | {ZHREAD_DARK, ZHREAD_LIGHT}
