"""The reader's preferences: the config file, remembered settings, themes and the keymap.

A mixin of :class:`tui.app.ZhreadApp`. At mount the config is read (a broken one is reported
and the defaults used: a typo never keeps the reader from reading), the keymap set, zhread's
themes registered, and the settings applied: the config's, with what the reader chose last
time laid over them (see :mod:`tui.store.settings`). The script and the reading line take
effect once the text is segmented, like a choice made while it loads.

Whenever a setting changes the app calls :meth:`settings_changed`, which remembers the
settings that differ from what was in effect.

With no config file and no remembered settings, nothing here imports pydantic, so the first
frame comes as fast as without preferences.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from textual.binding import Binding
from textual.filter import LineFilter, Monochrome, NoColor
from textual.theme import Theme

from tui.core.errors import ZhreadError
from tui.store.settings import Settings, load_remembered, remember
from tui.themes import THEMED_CSS, THEMES, variable_defaults
from tui.widgets.article import ArticleView
from tui.widgets.entry import EntryPanel
from tui.widgets.sidebar import Sidebar

if TYPE_CHECKING:
    from tui.app import ZhreadApp
    from tui.store.config import Config, KeySpec

    _Base = ZhreadApp
else:
    _Base = object


_NO_COLOR = NoColor()

#: The palette's line lengths, in cells (two a Chinese character); 0 is no limit.
LINE_LENGTHS = (60, 80, 100, 0)


class Preferences(_Base):
    """Config, remembered settings, themes, keymap and the sidebar's width."""

    CSS = THEMED_CSS

    config: Config | None = None  # None: no config file (or a broken one): the defaults
    preferences = Settings()  # the settings in effect, as last remembered or applied
    _remembered: dict[str, Any] = {}  # replaced, never mutated, so never shared
    _sidebar_width = Settings().sidebar_width
    _key_specs: list[KeySpec] | None = None
    _preferences_ready = False  # settings_changed() before this would record the defaults

    # -- startup -------------------------------------------------------------------------

    def on_mount(self) -> None:
        """Runs after the app's own on_mount (Textual calls each class's handler), before
        the first frame."""
        for theme in THEMES:
            self.register_theme(theme)
        self.theme_changed_signal.subscribe(self, self._theme_changed)
        config, notes = self._read_config()
        self.config = config
        if config is not None and config.keymap:
            self.set_keymap(dict(config.keymap))
        defaults = config.settings() if config is not None else Settings()
        if self.remembers:
            remembered = load_remembered()
            self._remembered = dict(remembered.values)
            notes += [remembered.note] if remembered.note else []
        self._apply(defaults.with_values(self._remembered), defaults)
        for note in notes:
            self.notify(note, title="Settings", severity="error", timeout=15)

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
            check_theme(config, self.available_themes)
            if config.keymap:
                from tui.keys import conflict_groups, normalize, reserved_keys

                check_keymap(config, self.key_specs(), conflict_groups(type(self)), normalize,
                             reserved_keys(type(self)))
        except ConfigError as error:
            return None, [f"{error}. Starting with the default settings."]
        return config, []

    def _apply(self, settings: Settings, defaults: Settings) -> None:
        """Put ``settings`` into effect; a remembered theme that no longer exists falls back
        to the config's."""
        themes = self.available_themes
        theme = settings.theme if settings.theme in themes else defaults.theme
        self._sidebar_width = settings.sidebar_width
        if theme in themes and theme != self.theme:
            self.theme = theme  # refreshes the stylesheet, with the sidebar's width too
        elif self._sidebar_width != Settings().sidebar_width:
            self.refresh_css(animate=False)
        article = self.query_one("#article", ArticleView)
        article.set_measure(settings.max_line_width)
        if settings.inline_glosses:
            article.set_inline(True)
        self.query_one(EntryPanel).standard = settings.hsk
        self.target = None if settings.script == "as-written" else settings.script
        self.reading_mode = None if settings.reading == "off" else settings.reading
        # the scheme now, the colours once the words' readings are known (redraw_tones)
        article.set_tones(None if settings.tones == "off" else settings.tones, None)
        self.preferences = self._current_settings()
        self._preferences_ready = True

    def get_theme_variable_defaults(self) -> dict[str, str]:
        """The highlight and tone colours for themes that do not set them, and the
        sidebar's width (a variable, so that the narrow-screen rules can still override it)."""
        return {**variable_defaults(self.current_theme, self.no_color),
                "sidebar-width": str(self._sidebar_width)}

    def redraw_tones(self) -> None:
        """After (re-)segmenting: tone colours from the words' readings in context, including
        the scheme remembered from last time."""
        article = self.query_one("#article", ArticleView)
        if article.tones:
            article.set_tones(article.tones, self._tones_of)

    # -- remembering ---------------------------------------------------------------------

    def _current_settings(self) -> Settings:
        article = self.query_one("#article", ArticleView)
        return Settings(
            script=self.target or "as-written",
            reading=self.reading_mode or "off",
            tones=article.tones or "off",
            inline_glosses=article.inline,
            theme=self.theme,
            hsk=self.query_one(EntryPanel).standard,
            sidebar_width=self._sidebar_width,
            max_line_width=article.measure,
        )

    def settings_changed(self) -> None:
        """Remember the settings the reader just changed (only those: the config's defaults
        still apply to the rest)."""
        if not self._preferences_ready:
            return
        now = self._current_settings()
        changed = self.preferences.changed(now)
        self.preferences = now
        if not changed or not self.remembers:
            return
        self._remembered = {**self._remembered, **changed}
        try:
            remember(changed)  # only these: another running zhread may have changed others
        except ZhreadError as error:
            self.notify(str(error), title="Settings", severity="warning", timeout=8)

    def set_max_line_width(self, cells: int) -> None:
        """The palette's Line length commands: the article's measure, remembered."""
        self.query_one("#article", ArticleView).set_measure(cells)
        self.settings_changed()
        self.notify(f"Lines up to {cells} cells ({cells // 2} Chinese characters)" if cells
                    else "Lines as wide as the pane", timeout=2)

    def _theme_changed(self, theme: Theme) -> None:
        self.settings_changed()

    def get_line_filters(self) -> Sequence[LineFilter]:
        """Under NO_COLOR Textual greys every colour, but a colour of an ANSI theme has no
        RGB to grey and all would be black, text and background alike: those are left to
        the terminal's own two colours instead."""
        filters = super().get_line_filters()
        if self.no_color and self.native_ansi_color:
            return [_NO_COLOR if isinstance(f, Monochrome) else f for f in filters]
        return filters

    def on_sidebar_resized(self, message: Sidebar.Resized) -> None:
        self._sidebar_width = message.width
        self.refresh_css(animate=False)
        self.query_one(Sidebar).settle()
        self.settings_changed()

    # -- keys ----------------------------------------------------------------------------

    def key_specs(self) -> list[KeySpec]:
        """Every binding id with its default keys (found once, on first use)."""
        if self._key_specs is None:
            from tui.keys import key_specs

            self._key_specs = key_specs(type(self))
        return self._key_specs

    def keys_for(self, binding_id: str) -> str:
        """The keys of a binding as they are bound now (remapped or not), for display."""
        from tui.keys import normalize

        keymap = self.config.keymap if self.config is not None else {}
        if binding_id in keymap:
            keys = normalize(keymap[binding_id]).split(",")
        else:
            spec = next((s for s in self.key_specs() if s.id == binding_id), None)
            keys = list(spec.keys) if spec else []
        return " ".join(self.get_key_display(Binding(key, "")) for key in keys)

