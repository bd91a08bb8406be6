"""One Norwegian way to write dates, times and numbers, used by the UI, the CLI and documents.

Dates are ``28.11.2026``, times ``14:05``, both ``28.11.2026 kl. 14:05``;
stored times are naive UTC and are shown in local time.  Numbers group
thousands with a (non-breaking) space and use a decimal comma.
"""

from __future__ import annotations

import datetime as dt

from hms_desk.domain.i18n import current_language
from hms_desk.domain.oslo_time import to_oslo

NBSP = "\u00a0"


def to_local(t: dt.datetime) -> dt.datetime:
    """A stored (naive UTC) or aware time in the local time zone."""
    if t.tzinfo is None:
        t = t.replace(tzinfo=dt.timezone.utc)
    return t.astimezone()


def local_date(d: dt.date | dt.datetime | None) -> str:
    if d is None:
        return "–"
    if isinstance(d, dt.datetime):
        d = to_local(d).date()
    return d.strftime("%d.%m.%Y")


def local_time(t: dt.datetime | None) -> str:
    return "–" if t is None else to_local(t).strftime("%H:%M")


def _datetime_text(wall: dt.datetime, lang: str | None) -> str:
    return wall.strftime("%d.%m.%Y %H:%M" if (lang or current_language()) == "en" else "%d.%m.%Y kl. %H:%M")


def local_datetime(t: dt.datetime | None, lang: str | None = None) -> str:
    """``28.11.2026 kl. 14:05``; in English (``lang``, default the process's language) without "kl."."""
    if t is None:
        return "–"
    return _datetime_text(to_local(t), lang)


def oslo_datetime(t: dt.datetime | None, lang: str | None = None, empty: str = "–") -> str:
    """A meeting's time as agreed, in Norwegian time whatever the machine's zone
    (:mod:`hms_desk.domain.oslo_time`): ``05.12.2026 kl. 10:00`` (English without "kl.")."""
    if t is None:
        return empty
    return _datetime_text(to_oslo(t), lang)


def number(n: int | float, decimals: int = 0) -> str:
    text = f"{n:,.{decimals}f}"
    return text.replace(",", NBSP).replace(".", ",")
