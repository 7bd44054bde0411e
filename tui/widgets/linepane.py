"""What the line-API panes (the article, the sidebar entry) share: cheap frames.

``Widget.rich_style`` walks every ancestor to blend backgrounds, a fraction of a millisecond
each time, which a pane drawing line by line would pay on every line of every frame; it is
worked out once per style change instead (Textual clears its own component-style cache on
:meth:`notify_style_update` too). And setting ``virtual_size`` asks the whole screen for a
layout, tens of milliseconds with every pane, when a pane that draws its own lines only
needs its scrollbars told: :meth:`set_scroll_size` does just that.

Component styles are laid over the pane's by :meth:`layered_style`, not added as Rich
styles: a Rich style has no alpha, so a background such as ``$accent 50%`` would arrive
as the full colour, and a text colour chosen for the pane's background (a glossary term's
orange) would land on a highlight of the same hue. Here a background is blended over the
one beneath it, and the text colour is made to read on the result.
"""

from __future__ import annotations

from rich.style import Style
from textual.color import Color
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.widget import Widget

from tui.contrast import RGB, readable, views


class LinePane(ScrollView):
    """A scroll view that draws its own lines and owns its scrollable size."""

    _base_style: Style | None = None
    _layered: dict[tuple[str, ...], Style] | None = None

    @property
    def base_style(self) -> Style:
        """The pane's own style, under every line it draws."""
        if self._base_style is None:
            self._base_style = self.rich_style
        return self._base_style

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._base_style = None
        self._layered = None

    def layered_style(self, names: tuple[str, ...]) -> Style:
        """The pane's style with the component styles ``names`` over it, bottom first: the
        text styles added up, the backgrounds blended, and the text colour (the top one of
        its own, such as a term's or a tone's, else the top highlight's) made to reach
        WCAG AA on the background, also as a 256-colour terminal or NO_COLOR shows them.
        Worked out once per combination and style change."""
        if self._layered is None:
            self._layered = {}
        style = self._layered.get(names)
        if style is None:
            style = self._layered[names] = self._layer(names)
        return style

    def _layer(self, names: tuple[str, ...]) -> Style:
        base = style = self.base_style
        background = Color.from_rich_color(base.bgcolor)
        own: Color | None = None
        given: Color | None = None  # the text colour the top highlight brings
        for name in names:
            styles = self.get_component_styles(name)
            style += self.get_component_rich_style(name, partial=True)
            colour = styles.color if styles.has_rule("color") else None
            if styles.has_rule("background"):
                background, given = background + styles.background, colour
            elif colour is not None:
                own = colour
        text = own or given or Color.from_rich_color(base.color)
        if background.ansi is not None and given is not None:
            text = given  # a highlight in the terminal's own colours: its pair is kept whole
        if text.ansi is None:  # (a colour of the terminal's own cannot be changed into another)
            under = self._rgb(background)
            text = Color(*readable(_rgb(Color(*under) + text), under, views(self.app.no_color)))
        return style + Style.from_color(text.rich_color, background.rich_color)

    def _rgb(self, colour: Color) -> RGB:
        """A colour as RGB; one of the terminal's own as Textual's reference palette has it."""
        if colour.ansi is None:
            return _rgb(colour)
        red, green, blue = colour.rich_color.get_truecolor(self.app.ansi_theme, foreground=False)
        return red, green, blue

    def set_scroll_size(self, size: Size) -> None:
        """Make ``size`` the scrollable size without laying the screen out again. The
        pane's own size does not change with its content, so nothing else moves; the
        stylesheet keeps its scrollbars' widths fixed for the same reason."""
        if size != self.virtual_size:
            self.set_reactive(Widget.virtual_size, size)
            self._scroll_update(size)


def _rgb(colour: Color) -> RGB:
    return colour.r, colour.g, colour.b
