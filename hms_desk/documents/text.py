"""Free text as HMS Desk stores and exports it (no ReportLab, no Qt)."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

__all__ = ["clean_text", "fmt_date", "fmt_dt"]

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def clean_text(text: object) -> str:
    """``text`` composed (NFC, so «å» is one character), with ``\\n`` line
    breaks, tabs as spaces, and without control characters (NUL …) or lone
    surrogates.  Everything a person can see is kept — emoji and
    right-to-left text included."""
    s = "" if text is None else str(text)
    if not s:
        return s
    s = s.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    s = _CONTROL.sub("", s)
    if any("\ud800" <= ch <= "\udfff" for ch in s):
        s = "".join(ch for ch in s if not "\ud800" <= ch <= "\udfff")
    return unicodedata.normalize("NFC", s)


def _local(value: "dt.datetime") -> "dt.datetime":
    return value.astimezone() if value.tzinfo is not None else value


def fmt_dt(value: "dt.datetime | None", empty: str = "–", lang: str | None = "nb") -> str:
    """``12.03.2025 kl. 14:05`` (aware datetimes in local time); ``12.03.2025 at 14:05`` in English."""
    if value is None:
        return empty
    v = _local(value)
    return f"{v:%d.%m.%Y} {'at' if (lang or '').startswith('en') else 'kl.'} {v:%H:%M}"


def fmt_date(value: "dt.date | None", empty: str = "–") -> str:
    """``12.03.2025``."""
    if value is None:
        return empty
    return value.strftime("%d.%m.%Y")
