"""The journal note (*journalnotat*) as plain, editable data.

:class:`JournalNote` is what the editor shows and the technician changes:
prefilled from the case by :meth:`hms_desk.services.journal.JournalService.prefill`,
saved as a draft while it is typed (:meth:`JournalNote.to_dict` /
:meth:`JournalNote.from_dict`), and rendered by
:mod:`hms_desk.documents.journal_note` once it is complete.

Everything is plain Python (no ORM object, no Qt) so the note crosses
threads freely.  Codes stay codes here (``DELER_TRENGS``, ``muntlig``,
``INNSENDT``); the renderers turn them into words.  People appear by role
and organisation only.

Rules the model enforces (:meth:`JournalNote.validate` /
:meth:`JournalNote.ensure_exportable`):

* every free-text field passes :func:`hms_desk.domain.personal_data.check_free_text`
  (no national ID number, no labelled name) — the error names the field;
* a text field holds at most :data:`MAX_TEXT` characters;
* export needs a summary and an agreed next contact
  (:class:`NoteNotReady`, with a Norwegian message naming what is missing).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, fields, replace
from typing import Any, Iterator

from hms_desk.documents.i18n import label, template_text
from hms_desk.documents.text import clean_text
from hms_desk.domain.errors import HmsError, ValidationError
from hms_desk.domain.personal_data import check_free_text

__all__ = [
    "DECISIONS",
    "MAX_TEXT",
    "NOTE_SCHEMA",
    "TEMPLATES",
    "JournalNote",
    "NoteConsent",
    "NoteDevice",
    "NoteNotReady",
    "NoteOrder",
    "NoteOrderLine",
    "NoteParticipant",
    "NotePicture",
    "NoteTemplate",
    "apply_template",
    "clean_text",
]

NOTE_SCHEMA = 1
MAX_TEXT = 100_000          # characters in one field; 50 000 (a pasted legal text) is fine
DECISIONS = ("REPARER_LOKALT", "SEND_INN", "DELER_TRENGS", "NY_SAMTALE")


class NoteNotReady(HmsError):
    """The note lacks what an export needs (summary, next contact)."""

    code = "NOTAT_IKKE_KLART"


# --- parts ---------------------------------------------------------------------

@dataclass
class NoteParticipant:
    """Someone present, by role (code or typed) and organisation — never a name."""

    role: str
    organisation: str = ""
    in_picture: bool = False


@dataclass(frozen=True)
class NoteOrderLine:
    hmsnr: str | None
    supplier_ref: str
    description: str
    category: str
    quantity: int
    unknown_part: bool = False


@dataclass(frozen=True)
class NoteOrder:
    """A parts order of the case, as facts (status and delivery are codes)."""

    number: str
    created_at: dt.datetime
    status: str
    delivery: str
    lines: tuple[NoteOrderLine, ...] = ()


@dataclass
class NoteDevice:
    """A device handled in the case (HMS-nr + serienr), with the orders for it.

    ``included`` is the technician's choice: a device can be left out of the
    note without losing it from the draft.
    """

    hmsnr: str
    serial: str
    product_name: str = ""
    series: str = ""
    supplier: str = ""
    iso_category: str = ""
    municipality_number: str = ""
    municipality_name: str = ""
    hms_unit: str = ""
    hms_unit_name: str = ""
    loan_status: str = ""
    loan_type: str = ""
    warranty_end: dt.date | None = None
    orders: tuple[NoteOrder, ...] = ()
    included: bool = True

    @property
    def key(self) -> tuple[str, str]:
        return (self.hmsnr, self.serial)


@dataclass
class NoteConsent:
    """A recorded consent (codes: kind muntlig|skriftlig, by bruker|pårørende|verge, scope)."""

    kind: str
    given_by: str
    scope: str
    given_at: dt.datetime | None = None
    recorded_by: str = ""


@dataclass
class NotePicture:
    """A picture of the case (already anonymised, marks drawn in) the note may show.

    Only ``chosen`` pictures are printed; the PDF shows the picture with its
    caption, the text and JSON list the caption.  ``available`` is False
    when the capture was deleted since (the caption is still listed).
    """

    snapshot_id: int
    caption: str = ""
    chosen: bool = False
    created_at: dt.datetime | None = None
    faces_blurred: int = 0
    available: bool = True


# --- templates -------------------------------------------------------------------

@dataclass(frozen=True)
class NoteTemplate:
    """A kind of note: its headings and a skeleton for empty fields."""

    key: str
    problem_heading: tuple[str, str]      # (nb, en)
    findings_heading: tuple[str, str]
    problem_skeleton: str = ""
    findings_skeleton: str = ""
    default_duration_min: int = 20

    def title(self, lang: str | None = "nb") -> str:
        return template_text(self.key, lang)

    def heading(self, which: str, lang: str | None = "nb") -> str:
        nb, en = self.problem_heading if which == "problem" else self.findings_heading
        return en if (lang or "").startswith("en") else nb


TEMPLATES: dict[str, NoteTemplate] = {
    "support": NoteTemplate(
        "support", ("Problem", "Problem"), ("Funn", "Findings"),
        default_duration_min=20),
    "utproving": NoteTemplate(
        "utproving", ("Bakgrunn og behov", "Background and needs"),
        ("Forberedelser og funn", "Preparations and findings"),
        problem_skeleton="Hjelpemiddel som skal prøves ut:\nBehov utprøvingen skal dekke:\n",
        findings_skeleton="Klargjort før utprøvingen:\nTilpasninger som trengs:\n",
        default_duration_min=45),
    "boligsak": NoteTemplate(
        "boligsak", ("Boligforhold og behov", "Housing and needs"),
        ("Befaring og funn", "Inspection and findings"),
        problem_skeleton="Boligforhold (etasje, heis, trapp):\nBehov:\n",
        findings_skeleton="Adkomst og terskler:\nDørbredder og snuplass:\nForslag til løsning:\n",
        default_duration_min=60),
}


# --- the note --------------------------------------------------------------------

# Free-text fields of the note itself (checked, cleaned and capped).
TEXT_FIELDS = ("problem", "findings", "decision_reason", "consent_note", "summary", "next_contact")


@dataclass
class JournalNote:
    """The journal note of one case, as the technician edits it."""

    case_id: int
    case_number: str
    template: str = "support"
    date: dt.date | None = None
    time: dt.time | None = None
    duration_min: int | None = None
    technician: str = ""
    hms_unit: str = ""
    hms_unit_name: str = ""
    user_takes_part: bool = False
    participants: list[NoteParticipant] = field(default_factory=list)
    devices: list[NoteDevice] = field(default_factory=list)
    problem: str = ""
    findings: str = ""
    decision: str | None = None
    decision_reason: str = ""
    consents: list[NoteConsent] = field(default_factory=list)
    consent_note: str = ""
    pictures: list[NotePicture] = field(default_factory=list)
    summary: str = ""
    next_contact: str = ""
    revision: int = 0              # the draft's revision (set by the draft store)

    # -- derived ---------------------------------------------------------------
    @property
    def template_def(self) -> NoteTemplate:
        return TEMPLATES.get(self.template, TEMPLATES["support"])

    def included_devices(self) -> list[NoteDevice]:
        return [d for d in self.devices if d.included]

    def chosen_pictures(self) -> list[NotePicture]:
        return [p for p in self.pictures if p.chosen]

    def title(self, lang: str | None = "nb") -> str:
        return label("journal_title", lang)

    # -- checks ------------------------------------------------------------------
    def _texts(self) -> Iterator[tuple[str, str]]:
        for name in TEXT_FIELDS:
            yield name, getattr(self, name)
        for i, p in enumerate(self.participants):
            yield f"participants[{i}].organisation", p.organisation
            yield f"participants[{i}].role", p.role
        for i, pic in enumerate(self.pictures):
            yield f"pictures[{i}].caption", pic.caption

    def cleaned(self) -> "JournalNote":
        """A copy with every free text cleaned (NFC, no NUL/control characters)."""
        note = replace(self, **{n: clean_text(getattr(self, n)) for n in TEXT_FIELDS})
        note.participants = [replace(p, role=clean_text(p.role).strip(),
                                     organisation=clean_text(p.organisation).strip())
                             for p in self.participants]
        note.pictures = [replace(p, caption=clean_text(p.caption)) for p in self.pictures]
        note.devices = list(self.devices)
        note.consents = list(self.consents)
        return note

    def validate(self) -> None:
        """Raise a Norwegian :class:`ValidationError` (or ``PersonalDataError``)
        for the first field that cannot be stored; the error names the field."""
        if self.template not in TEMPLATES:
            raise ValidationError(f"Ukjent mal for notatet: «{self.template}».", field="template")
        if self.decision is not None and self.decision not in DECISIONS:
            raise ValidationError("Ukjent beslutning. Velg reparer lokalt, send inn, bestill deler "
                                  "eller ny samtale.", field="decision")
        if self.duration_min is not None and not 0 <= int(self.duration_min) <= 24 * 60:
            raise ValidationError("Varigheten må være mellom 0 og 1440 minutter.", field="duration_min")
        for name, text in self._texts():
            if text and len(text) > MAX_TEXT:
                raise ValidationError(
                    f"Teksten er for lang ({len(text):,} tegn; høyst {MAX_TEXT:,}). Del den opp eller "
                    "legg den ved i journalsystemet.".replace(",", " "), field=name)
            check_free_text(text or "", field=name)

    def missing_for_export(self) -> list[str]:
        """The fields an export still needs: ``summary`` and/or ``next_contact``."""
        return [n for n in ("summary", "next_contact") if not clean_text(getattr(self, n)).strip()]

    def ensure_exportable(self) -> None:
        """:meth:`validate`, then :class:`NoteNotReady` while summary or next contact is missing."""
        self.validate()
        missing = self.missing_for_export()
        if missing:
            what = {"summary": "oppsummering", "next_contact": "neste kontakt"}
            names = " og ".join(what[m] for m in missing)
            raise NoteNotReady(
                f"Journalnotatet kan ikke eksporteres ennå: fyll ut {names}.", field=missing[0])

    # -- (de)serialising ------------------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        """A JSON-safe dict of everything (the draft); codes stay codes."""
        def conv(value: Any) -> Any:
            if isinstance(value, (dt.datetime, dt.date, dt.time)):
                return value.isoformat()
            if isinstance(value, (list, tuple)):
                return [conv(v) for v in value]
            if hasattr(value, "__dataclass_fields__"):
                return {f.name: conv(getattr(value, f.name)) for f in fields(value)}
            return value

        d = conv(self)
        d["schema"] = NOTE_SCHEMA
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "JournalNote":
        """The inverse of :meth:`to_dict`; unknown keys are ignored, missing ones defaulted."""
        def dtime(v: Any) -> dt.datetime | None:
            return dt.datetime.fromisoformat(v) if v else None

        def ddate(v: Any) -> dt.date | None:
            return dt.date.fromisoformat(v) if v else None

        def order(o: dict[str, Any]) -> NoteOrder:
            return NoteOrder(number=o["number"], created_at=dtime(o.get("created_at")) or dt.datetime.min,
                             status=o.get("status", ""), delivery=o.get("delivery", ""),
                             lines=tuple(NoteOrderLine(**_known(NoteOrderLine, ln)) for ln in o.get("lines", ())))

        def device(v: dict[str, Any]) -> NoteDevice:
            kw = _known(NoteDevice, v)
            kw["warranty_end"] = ddate(v.get("warranty_end"))
            kw["orders"] = tuple(order(o) for o in v.get("orders", ()))
            return NoteDevice(**kw)

        def consent(v: dict[str, Any]) -> NoteConsent:
            kw = _known(NoteConsent, v)
            kw["given_at"] = dtime(v.get("given_at"))
            return NoteConsent(**kw)

        def picture(v: dict[str, Any]) -> NotePicture:
            kw = _known(NotePicture, v)
            kw["created_at"] = dtime(v.get("created_at"))
            return NotePicture(**kw)

        kw = _known(cls, d)
        kw["date"] = ddate(d.get("date"))
        kw["time"] = dt.time.fromisoformat(d["time"]) if d.get("time") else None
        kw["participants"] = [NoteParticipant(**_known(NoteParticipant, p)) for p in d.get("participants", ())]
        kw["devices"] = [device(v) for v in d.get("devices", ())]
        kw["consents"] = [consent(v) for v in d.get("consents", ())]
        kw["pictures"] = [picture(v) for v in d.get("pictures", ())]
        return cls(**kw)


def _known(kind: type, d: dict[str, Any]) -> dict[str, Any]:
    names = {f.name for f in fields(kind)}
    return {k: v for k, v in d.items() if k in names}


def apply_template(note: JournalNote, key: str) -> JournalNote:
    """``note`` with template ``key``: empty problem/findings get the template's
    skeleton; text the technician typed is never replaced."""
    if key not in TEMPLATES:
        raise ValidationError(f"Ukjent mal for notatet: «{key}».", field="template")
    old, new = note.template_def, TEMPLATES[key]
    changed = replace(note, template=key)
    for name, skeleton, old_skeleton in (("problem", new.problem_skeleton, old.problem_skeleton),
                                         ("findings", new.findings_skeleton, old.findings_skeleton)):
        current = getattr(note, name)
        if not current.strip() or current == old_skeleton:
            setattr(changed, name, skeleton)
    if note.duration_min is None:
        changed.duration_min = new.default_duration_min
    return changed
