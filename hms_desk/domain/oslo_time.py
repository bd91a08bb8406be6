"""Norwegian wall-clock time (Europe/Oslo) without a time-zone database.

Meetings are agreed in Norwegian time whatever the machine's zone is, and the
invitation (:mod:`hms_desk.documents.ics`) declares ``TZID=Europe/Oslo`` with a
VTIMEZONE that spells out the EU rule Norway has followed since 1996: summer
time (CEST, UTC+2) from the last Sunday of March 01:00 UTC to the last Sunday
of October 01:00 UTC, otherwise CET (UTC+1).  These functions use exactly that
rule, so what the app shows, stores and writes into the ``.ics`` agree — on
Windows too, where Python has no zone database unless ``tzdata`` is installed.

Stored times are naive UTC (as everywhere in HMS Desk).  A wall time in the
spring gap (02:00–03:00 on the change-over night) is read as standard time
(so 02:30 becomes 03:30 summer time); in the autumn overlap the first
(summer-time) reading is taken.
"""

from __future__ import annotations

import datetime as dt

TZID = "Europe/Oslo"
CET = dt.timedelta(hours=1)
CEST = dt.timedelta(hours=2)


def _last_sunday(year: int, month: int) -> dt.date:
    day = dt.date(year, month, 31)
    return day - dt.timedelta(days=(day.weekday() + 1) % 7)


def _summer_utc(year: int) -> tuple[dt.datetime, dt.datetime]:
    """The UTC instants summer time starts and ends in ``year`` (naive UTC)."""
    start = dt.datetime.combine(_last_sunday(year, 3), dt.time(1, 0))
    end = dt.datetime.combine(_last_sunday(year, 10), dt.time(1, 0))
    return start, end


def offset_at_utc(utc: dt.datetime) -> dt.timedelta:
    """Oslo's offset from UTC at the instant ``utc`` (naive UTC or aware)."""
    if utc.tzinfo is not None:
        utc = utc.astimezone(dt.timezone.utc).replace(tzinfo=None)
    start, end = _summer_utc(utc.year)
    return CEST if start <= utc < end else CET


def to_oslo(utc: dt.datetime) -> dt.datetime:
    """A stored (naive UTC) or aware instant as Oslo wall time, aware with a fixed offset."""
    if utc.tzinfo is not None:
        utc = utc.astimezone(dt.timezone.utc).replace(tzinfo=None)
    off = offset_at_utc(utc)
    return (utc + off).replace(tzinfo=dt.timezone(off, "CEST" if off == CEST else "CET"))


def from_oslo(wall: dt.datetime) -> dt.datetime:
    """An Oslo wall time (naive, or aware: then simply converted) as naive UTC."""
    if wall.tzinfo is not None:
        return wall.astimezone(dt.timezone.utc).replace(tzinfo=None)
    summer = wall - CEST
    if offset_at_utc(summer) == CEST:         # a valid summer-time reading (the overlap's first)
        return summer
    return wall - CET


def oslo_text(utc: dt.datetime | None, empty: str = "–") -> str:
    """``05.12.2026 kl. 10:00`` in Oslo time."""
    if utc is None:
        return empty
    return to_oslo(utc).strftime("%d.%m.%Y kl. %H:%M")
