"""Personal data in free text: Norwegian national ID numbers (and D-/H-numbers), and names by label.

HMS Desk never stores a national identity number.  Free text the technician
types (summary, reasons, next contact, organisation) passes
:func:`check_free_text` before it is stored: text that contains an 11-digit
number with a valid date and valid check digits (*fødselsnummer*, D-number
or H-number, also written ``DDMMÅÅ NNNNN``) is **refused** with a Norwegian
message, so nothing is stored and the typed text stays in the field for the
technician to correct.  A labelled name ("navn: …") is refused the same way.
Other names cannot be recognised reliably in free text; the fields say so
and the technician is responsible.

:func:`find_national_ids` is the detector; :func:`redact` masks numbers in
text that must be written anyway (log records).
"""

from __future__ import annotations

import datetime as dt
import re

from hms_desk.domain.errors import ValidationError

__all__ = [
    "FNR_REFUSED_TEXT",
    "NAME_REFUSED_TEXT",
    "PersonalDataError",
    "check_free_text",
    "find_national_ids",
    "is_valid_national_id",
    "redact",
]

FNR_REFUSED_TEXT = ("Teksten ser ut til å inneholde et fødselsnummer (eller D-nummer). "
                    "HMS Desk lagrer aldri fødselsnummer – fjern det og prøv igjen.")
NAME_REFUSED_TEXT = ("Teksten ser ut til å inneholde et navn («navn: …»). Skriv rolle "
                     "(bruker, pårørende, terapeut …), aldri navn.")

_W1 = (3, 7, 6, 1, 8, 9, 4, 5, 2)
_W2 = (5, 4, 3, 2, 7, 6, 5, 4, 3, 2)
# 11 digits, optionally written 6 + 5 with a space, dot or dash, not part of a longer number
_CANDIDATE = re.compile(r"(?<![\d])(\d{6})[ .\-]?(\d{5})(?![\d])")
_NAME_LABEL = re.compile(r"\b(?:navn|name|fornavn|etternavn)\s*[:=]", re.IGNORECASE)


class PersonalDataError(ValidationError):
    code = "PERSONOPPLYSNINGER"


def _check_digit(digits: list[int], weights: tuple[int, ...]) -> int | None:
    k = 11 - sum(d * w for d, w in zip(digits, weights)) % 11
    if k == 11:
        return 0
    return None if k == 10 else k


def is_valid_national_id(number: str) -> bool:
    """True for an 11-digit fødselsnummer, D-number or H-number with a real date and valid check digits."""
    if len(number) != 11 or not number.isdigit():
        return False
    d = [int(c) for c in number]
    day, month, year2 = int(number[0:2]), int(number[2:4]), int(number[4:6])
    if day > 40:  # D-number
        day -= 40
    if month > 40:  # H-number (assistance number)
        month -= 40
    if not (1 <= day <= 31 and 1 <= month <= 12):
        return False
    try:  # the date must exist in some century (29 February needs a leap year)
        if not any(_date_ok(c + year2, month, day) for c in (1900, 2000, 1800)):
            return False
    except ValueError:
        return False
    k1 = _check_digit(d[:9], _W1)
    if k1 is None or k1 != d[9]:
        return False
    k2 = _check_digit(d[:10], _W2)
    return k2 is not None and k2 == d[10]


def _date_ok(year: int, month: int, day: int) -> bool:
    try:
        dt.date(year, month, day)
    except ValueError:
        return False
    return True


def find_national_ids(text: str) -> list[str]:
    """Every valid national ID number in ``text`` (as 11 digits)."""
    if not text:
        return []
    return [m.group(1) + m.group(2) for m in _CANDIDATE.finditer(text)
            if is_valid_national_id(m.group(1) + m.group(2))]


def redact(text: str) -> str:
    """``text`` with every valid national ID number replaced by ``[fnr fjernet]``."""
    if not text:
        return text
    return _CANDIDATE.sub(lambda m: "[fnr fjernet]" if is_valid_national_id(m.group(1) + m.group(2))
                          else m.group(0), text)


def check_free_text(text: str, field: str | None = None) -> str:
    """``text`` unchanged, or :class:`PersonalDataError` if it holds a national ID or a labelled name."""
    if find_national_ids(text):
        raise PersonalDataError(FNR_REFUSED_TEXT, field=field)
    if text and _NAME_LABEL.search(text):
        raise PersonalDataError(NAME_REFUSED_TEXT, field=field)
    return text
