"""The app's preferences: the config file, remembered settings, themes and the keymap.

A helper the app owns (``ZhreadApp.prefs``). At mount the config is read (a broken
one is reported and the defaults used: a typo never keeps the reader from reading), the
keymap set, zhread's themes registered, the theme and the sidebar's width (the app's, a
stylesheet variable) put into effect,
and the settings to start with worked out: the config's, with what the reader chose last
time laid over them (see :mod:`tui.store.settings`). The reader's own settings (script,
reading line, tones, glosses, HSK, line length) are the reader screen's to apply, once its
panes are mounted; the script and the reading line take effect once the text is segmented,
like a choice made while it loads.

Whenever a setting changes the reader or the app calls :meth:`Preferences.changed`, which
remembers the settings that differ from what was in effect.

With no config file and no remembered settings, nothing here imports pydantic, so the first
frame comes as fast as without preferences.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from textual.binding import Binding
from textual.theme import Theme

from tui.core.errors import ZhreadError
from tui.store.settings import Settings, load_remembered, remember, spec_of
from tui.themes import THEMES, ZhreadStyles

if TYPE_CHECKING:
    from tui.store.config import Config, KeySpec

#: The palette's line lengths, in cells (two a Chinese character); 0 is no limit.
LINE_LENGTHS: tuple[int, ...] = spec_of("max_line_width").presets


class Preferences:
    """Config, remembered settings, themes, keymap and the sidebar's width."""

    def __init__(self, app: ZhreadStyles) -> None:
        """``app``: the app whose theme, keymap and stylesheet these are (its sidebar's
        width is a stylesheet variable, see :class:`~tui.themes.ZhreadStyles`)."""
        self.app = app
        self._reader_values: Callable[[], dict[str, Any]] | None = None
        self.config: Config | None = None  # None: no config file (or a broken one): defaults
        self.in_effect = Settings()  # the settings in effect, as last remembered or applied
        self.start = Settings()  # what the reader starts with (set at mount)
        self._remembered: dict[str, Any] = {}
        self._key_specs: list[KeySpec] | None = None
        self._ready = False  # changed() before this would record the defaults

    # -- startup -------------------------------------------------------------------------

    def load(self) -> list[str]:
        """At the app's mount, before the reader's: themes, config, keymap, the theme and the
        sidebar's width; what went wrong reading the config or the remembered settings is
        returned, to be said."""
        app = self.app
        for theme in THEMES:
            app.register_theme(theme)
        app.theme_changed_signal.subscribe(app, self._theme_changed)
        config, notes = self._read_config()
        self.config = config
        if config is not None and config.keymap:
            app.set_keymap(dict(config.keymap))
        defaults = config.settings() if config is not None else Settings()
        if self.remembers:
            remembered = load_remembered()
            self._remembered = dict(remembered.values)
            notes += [remembered.note] if remembered.note else []
        self.start = defaults.with_values(self._remembered)
        self._apply_app_part(self.start, defaults)
        return notes

    @property
    def remembers(self) -> bool:
        return self.config.remember if self.config is not None else True

    def _read_config(self) -> tuple[Config | None, list[str]]:
        """The checked config, or None and what was wrong with it."""
        from tui.store.settings import ENV_VAR, config_path

        if not config_path().exists() and not os.environ.get(ENV_VAR):
            return None, []
        from tui.store.config import ConfigError, check_keymap, check_theme, load_config

        try:
            config = load_config()
            check_theme(config, self.app.available_themes)
            if config.keymap:
                from tui.bindings import conflict_groups, normalize, reserved_keys

                check_keymap(
                    config, self.key_specs(), conflict_groups(), normalize, reserved_keys()
                )
        except ConfigError as error:
            return None, [f"{error}. Starting with the default settings."]
        return config, []

    def _apply_app_part(self, settings: Settings, defaults: Settings) -> None:
        """Put the theme and the sidebar's width of ``settings`` into effect; a remembered
        theme that no longer exists falls back to the config's. The rest is the reader's."""
        app = self.app
        themes = app.available_themes
        theme = settings.theme if settings.theme in themes else defaults.theme
        app._sidebar_width = settings.sidebar_width
        if theme in themes and theme != app.theme:
            app.theme = theme  # refreshes the stylesheet, with the sidebar's width too
        elif app._sidebar_width != Settings().sidebar_width:
            app.refresh_css(animate=False)

    def ready(self, reader_values: Callable[[], dict[str, Any]]) -> None:
        """The reader has applied its settings, and gives its part of them by calling
        ``reader_values``: from now on a change is remembered."""
        self._reader_values = reader_values
        self.in_effect = self._current()
        self._ready = True

    # -- remembering ---------------------------------------------------------------------

    def _current(self) -> Settings:
        reader = self._reader_values() if self._reader_values else {}
        return Settings(**reader, theme=self.app.theme, sidebar_width=self.app._sidebar_width)

    def changed(self) -> None:
        """Remember the settings the reader just changed (only those: the config's defaults
        still apply to the rest)."""
        if not self._ready:
            return
        now = self._current()
        changed = self.in_effect.changed(now)
        self.in_effect = now
        if not changed or not self.remembers:
            return
        self._remembered = {**self._remembered, **changed}
        try:
            remember(changed)  # only these: another running zhread may have changed others
        except ZhreadError as error:
            self.app.notify(str(error), title="Settings", severity="warning", timeout=8)

    def set_sidebar_width(self, width: int) -> None:
        """The sidebar dragged to ``width`` cells: the stylesheet's variable, refreshed."""
        self.app._sidebar_width = width
        self.app.refresh_css(animate=False)

    def _theme_changed(self, theme: Theme) -> None:
        self.changed()

    # -- keys ----------------------------------------------------------------------------

    def key_specs(self) -> list[KeySpec]:
        """Every binding id with its default keys (found once, on first use)."""
        if self._key_specs is None:
            from tui.bindings import key_specs

            self._key_specs = key_specs()
        return self._key_specs

    def keys_for(self, binding_id: str) -> str:
        """The keys of a binding as they are bound now (remapped or not), for display."""
        from tui.bindings import normalize

        keymap = self.config.keymap if self.config is not None else {}
        if binding_id in keymap:
            keys = normalize(keymap[binding_id]).split(",")
        else:
            spec = next((s for s in self.key_specs() if s.id == binding_id), None)
            keys = list(spec.keys) if spec else []
        return " ".join(self.app.get_key_display(Binding(key, "")) for key in keys)
