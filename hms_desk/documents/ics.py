"""The meeting invitation of a preparation as an iCalendar file (RFC 5545).

One ``VEVENT`` in a ``VCALENDAR`` with ``METHOD:PUBLISH`` (it opens in Outlook,
Thunderbird and phone calendars and can be forwarded without an organiser's
address):

* ``UID`` stays the same for the preparation and ``SEQUENCE`` grows with each
  change, so a calendar updates the meeting instead of adding a second one;
* ``DTSTAMP`` in UTC; ``DTSTART``/``DTEND`` in Norwegian time with
  ``TZID=Europe/Oslo`` and a ``VTIMEZONE`` that spells out the rule
  (:mod:`hms_desk.domain.oslo_time`);
* the video address as ``LOCATION`` and ``URL``; the alternative dial-in
  addresses, the purpose, the agenda, what to film and who takes part (by role
  and organisation) in ``DESCRIPTION``;
* a reminder 15 minutes before.

No personal data: no names, no e-mail addresses (there is no ``ORGANIZER`` or
``ATTENDEE``), nothing the free-text check has not passed.

Content lines end in CRLF and are folded at 75 octets without splitting a
UTF-8 character; TEXT values escape backslash, semicolon, comma and newlines.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path
from urllib.parse import quote

from hms_desk import __version__
from hms_desk.documents.prep_model import PrepSheetData
from hms_desk.domain.errors import HmsError
from hms_desk.domain.oslo_time import TZID, to_oslo

__all__ = ["fold", "escape_text", "ics_text", "write_ics", "PRODID", "VTIMEZONE"]

PRODID = f"-//NAV Hjelpemiddelsentral//HMS Desk {__version__}//NO"
CRLF = "\r\n"
REMINDER_MIN = 15

VTIMEZONE = (
    "BEGIN:VTIMEZONE",
    f"TZID:{TZID}",
    f"X-LIC-LOCATION:{TZID}",
    "BEGIN:DAYLIGHT",
    "TZOFFSETFROM:+0100",
    "TZOFFSETTO:+0200",
    "TZNAME:CEST",
    "DTSTART:19700329T020000",
    "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
    "END:DAYLIGHT",
    "BEGIN:STANDARD",
    "TZOFFSETFROM:+0200",
    "TZOFFSETTO:+0100",
    "TZNAME:CET",
    "DTSTART:19701025T030000",
    "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
    "END:STANDARD",
    "END:VTIMEZONE",
)

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def escape_text(value: str) -> str:
    """An RFC 5545 TEXT value: ``\\`` ``;`` ``,`` escaped, line breaks as ``\\n``, control characters dropped."""
    s = (value or "").replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    s = _CONTROL.sub("", s)
    return s.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def uri_value(value: str) -> str:
    """A URI value: no whitespace or control characters, non-ASCII percent-encoded."""
    s = _CONTROL.sub("", (value or "").strip())
    return quote(s, safe=":/?#[]@!$&'()*+,;=%~-._")


def fold(line: str, limit: int = 75) -> str:
    """One content line folded into lines of at most ``limit`` octets (CRLF + space),
    never inside a UTF-8 character."""
    out: list[str] = []
    current, size = [], 0
    for ch in line:
        n = len(ch.encode("utf-8"))
        if size + n > limit:
            out.append("".join(current))
            current, size = [" "], 1           # a continuation line starts with one space
        current.append(ch)
        size += n
    out.append("".join(current))
    return CRLF.join(out)


def _utc_stamp(t: dt.datetime) -> str:
    if t.tzinfo is not None:
        t = t.astimezone(dt.timezone.utc).replace(tzinfo=None)
    return t.strftime("%Y%m%dT%H%M%SZ")


def _oslo_stamp(t: dt.datetime) -> str:
    return to_oslo(t).strftime("%Y%m%dT%H%M%S")


def description(data: PrepSheetData) -> str:
    """The invitation's plain-text body (also what the prep sheet calls the agenda mail)."""
    start, end = to_oslo(data.starts_at), to_oslo(data.starts_at + dt.timedelta(minutes=data.duration_min))
    lines = [f"Forberedende videomøte – {data.kind_text.lower()} {data.number}",
             f"Tidspunkt: {start:%d.%m.%Y} kl. {start:%H:%M}–{end:%H:%M} (norsk tid)", ""]
    if data.meeting_url:
        lines.append(f"Videomøte: {data.meeting_url}")
    if data.dial_in:
        lines.append("Andre måter å koble til:")
        lines += [f"- {a}" for a in data.dial_in]
    if data.meeting_url or data.dial_in:
        lines.append("")
    for title, text in (("Formål", data.purpose), ("Agenda", data.agenda),
                        ("Spørsmål som skal avklares", data.questions),
                        ("Hva skal filmes", data.filming), ("Vinkler", data.angles)):
        if text.strip():
            lines += [f"{title}:", text.strip(), ""]
    if data.participants:
        lines.append("Deltakere (rolle og organisasjon):")
        for p in data.participants:
            who = ", ".join(x for x in (p.role, p.organisation) if x)
            lines.append(f"- {who}" + (" – holder kameraet" if p.holds_camera else ""))
        lines.append("")
    lines.append("Hold kameraet rolig, sørg for godt lys uten motlys og vis hele hjelpemidlet. "
                 "Ingen opptak. Send aldri navn, fødselsnummer eller helseopplysninger i møtet.")
    lines.append(f"Laget med HMS Desk · {data.number}")
    return "\n".join(lines)


def ics_text(data: PrepSheetData, now: dt.datetime | None = None) -> str:
    """The whole ``.ics`` file as text (CRLF line ends, folded)."""
    now = now or dt.datetime.now(dt.timezone.utc)
    end = data.starts_at + dt.timedelta(minutes=max(1, data.duration_min))
    summary = f"{data.kind_text}: forberedende videomøte ({data.number})"
    props: list[str] = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        *VTIMEZONE,
        "BEGIN:VEVENT",
        f"UID:{data.ics_uid}",
        f"SEQUENCE:{data.ics_sequence}",
        f"DTSTAMP:{_utc_stamp(now)}",
        f"DTSTART;TZID={TZID}:{_oslo_stamp(data.starts_at)}",
        f"DTEND;TZID={TZID}:{_oslo_stamp(end)}",
        f"SUMMARY;LANGUAGE=nb:{escape_text(summary)}",
    ]
    if data.meeting_url:
        props.append(f"LOCATION;LANGUAGE=nb:{escape_text(data.meeting_url)}")
        props.append(f"URL:{uri_value(data.meeting_url)}")
    props += [
        f"DESCRIPTION;LANGUAGE=nb:{escape_text(description(data))}",
        "CLASS:PUBLIC",
        "STATUS:CONFIRMED",
        "TRANSP:OPAQUE",
        "BEGIN:VALARM",
        "ACTION:DISPLAY",
        f"TRIGGER:-PT{REMINDER_MIN}M",
        f"DESCRIPTION:{escape_text(summary)}",
        "END:VALARM",
        "END:VEVENT",
        "END:VCALENDAR",
    ]
    return "".join(fold(p) + CRLF for p in props)


def write_ics(data: PrepSheetData, path: Path | str, now: dt.datetime | None = None) -> Path:
    """Writes the invitation (UTF-8, CRLF) in one go; a disk error gets a Norwegian message."""
    target = Path(path)
    body = ics_text(data, now).encode("utf-8")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_name(f".{target.name}.tmp")
        tmp.write_bytes(body)
        os.replace(tmp, target)
    except OSError as exc:
        raise HmsError(f"Kunne ikke skrive invitasjonen til {target}: {exc.strerror or exc}",
                       code="EKSPORT") from exc
    return target
