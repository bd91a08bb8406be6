"""Likely person names in free text: a warning the technician must confirm.

HMS identifies equipment, not people.  A national ID number is refused
outright by :mod:`hms_desk.domain.personal_data`; a *name* cannot be
recognised with certainty, so free-text fields get a warning instead: a
known first name (``resources/names/fornavn.txt``, loaded by
:func:`hms_desk.services.cases.first_names`) followed by a capitalised
word, a pair of capitalised words after "bruker"/"navn", or a number of 11
digits (a national ID whose check digits are wrong is still one the
technician should not type).  The organisation field is stricter: a likely
person there is refused (:func:`check_organisation`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from hms_desk.domain.errors import ValidationError
from hms_desk.domain.i18n import N_, t, t_format

_WORD = r"[A-ZÆØÅÉ][a-zæøåéèüö]+(?:-[A-ZÆØÅ][a-zæøåéèüö]+)?"
_PAIR = re.compile(rf"\b({_WORD})\s+((?:[A-ZÆØÅ]\.\s*)?{_WORD})\b")
_LABELLED = re.compile(rf"\b(?i:bruker(?:en)?|navn|pasient(?:en)?|beboer(?:en)?)\s*:?\s+({_WORD}(?:\s+{_WORD})?)")
_ELEVEN = re.compile(r"(?<!\d)(\d[\s.\-]?){10}\d(?!\d)")

#: Words that look like names but are organisations or places in this domain.
_NOT_PERSONS = frozenset(("oslo", "bergen", "trondheim", "nav", "hms", "bydel", "kommune", "sykehjem",
                          "helsehus", "omsorgssenter", "hjemmetjenesten", "hjemmesykepleien", "as", "asa"))


def parse_first_names(text: str) -> frozenset[str]:
    """The shipped list (one name per line, ``#`` comments)."""
    return frozenset(line.strip().lower() for line in text.splitlines() if line.strip() and not line.startswith("#"))


@dataclass(frozen=True)
class NameWarning:
    text: str            # the words that look like a name or an ID (shown to the technician, not stored)
    reason: str          # Norwegian


def likely_names(text: str, names: frozenset[str]) -> list[NameWarning]:
    """What in ``text`` looks like a person's name or national ID number (``names``: first names)."""
    out: list[NameWarning] = []
    if not text:
        return out
    for m in _PAIR.finditer(text):
        first, last = m.group(1), m.group(2)
        if first.lower() in names and last.lower() not in _NOT_PERSONS:
            out.append(NameWarning(m.group(0), N_("ser ut som et personnavn")))
    for m in _LABELLED.finditer(text):
        words = m.group(1)
        if words.split()[0].lower() not in _NOT_PERSONS and not any(w.text in words or words in w.text for w in out):
            out.append(NameWarning(words, N_("ser ut som et navn på en person")))
    for m in _ELEVEN.finditer(text):
        out.append(NameWarning(m.group(0).strip(), N_("11 siffer ser ut som et fødselsnummer")))
    return out


def warning_text(warnings: list[NameWarning]) -> str:
    """The warning in the user's language (:func:`hms_desk.domain.i18n.t`)."""
    parts = "; ".join(f"«{w.text}» {t(w.reason)}" for w in warnings)
    return t_format("Personopplysninger skal ikke lagres: {parts}. Fjern det, eller bekreft at det ikke gjelder "
                    "en person.", parts=parts)


def check_organisation(text: str, names: frozenset[str]) -> str:
    """An organisation, not a person: refuses a likely name unless the text names an organisation."""
    value = " ".join((text or "").split())
    if not value:
        return value
    warnings = likely_names(value, names)
    if any(w.reason.startswith("11 siffer") for w in warnings):
        raise ValidationError("Organisasjonen kan ikke inneholde et fødselsnummer.", field="organisation")
    lone = value.split()[0].lower() in names and len(value.split()) == 1
    if warnings or lone:       # the message does not echo the name: it may end up in a log
        raise ValidationError(
            "Organisasjonen ser ut som navnet på en person. Skriv organisasjonen (f.eks. «Oslo kommune, "
            "hjemmetjenesten»), aldri navnet på en person.", field="organisation")
    return value
