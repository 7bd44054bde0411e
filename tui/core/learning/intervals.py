"""How long until a card is due, written as a learner reads it: under the rating keys
(``10m``, ``8d``, as Anki writes them) and in sentences (``in 3 days (Mon 5 Jan 09:10)``)."""

from __future__ import annotations

from datetime import datetime, timedelta

from tui.core.plurals import plural

__all__ = ["interval_label", "when"]


def interval_label(delta: timedelta) -> str:
    """An interval as Anki writes it under its buttons: <1m, 10m, 3h, 8d, 2.5mo, 1.2y."""
    minutes = delta.total_seconds() / 60
    if minutes < 1:
        return "<1m"
    if minutes < 60:
        return f"{round(minutes)}m"
    hours = minutes / 60
    if hours < 24:
        return f"{round(hours)}h"
    days = hours / 24
    if days < 30:
        return f"{round(days)}d"
    if days < 365:
        return f"{days / 30:.1f}".removesuffix(".0") + "mo"
    return f"{days / 365:.1f}".removesuffix(".0") + "y"


def when(due: datetime, now: datetime) -> str:
    """``now``, or ``in 10 minutes (Mon 5 Jan 09:10)`` in the reader's own time zone."""
    if due <= now:
        return "now"
    local = due.astimezone()
    return f"in {_span(due - now)} ({local:%a} {local.day} {local:%b %Y %H:%M})"


def _span(delta: timedelta) -> str:
    minutes = round(delta.total_seconds() / 60)
    if minutes < 60:
        return plural(max(minutes, 1), "minute")
    if minutes < 48 * 60:
        return plural(round(minutes / 60), "hour")
    return plural(round(minutes / (24 * 60)), "day")
