"""Preparations of an utprøving or a housing case (*boligsak*): the advisers' work before the call.

A preparation holds what HMS's routine says must be agreed beforehand —
purpose and the questions to settle, what to film and from which angles, who
takes part (by role and organisation, never names) and who holds the camera,
the video meeting and alternative dial-in addresses, the agenda, whether the
user takes part and the consent agreed — plus:

* the routine's **checklist** (:data:`CHECK_ITEMS`), each item ticked with the
  staff ident and the time (the pre-call check's result is kept with its item);
* **candidate products** from the catalogue (searched by name, HMS-nr, ISO
  category or supplier), each with a note, a status (to prepare, ready,
  rejected) and the parts or accessories to have ready;
* **drawings and pictures** received beforehand: read (PNG, JPEG, … or the
  pages of a PDF), passed through the still-mode anonymiser (fail closed:
  nothing is stored when it fails) and kept AES-GCM encrypted like the case
  pictures, in their own folder (``<data>/prep_attachments/<database id>``) so
  the case pictures' sweep never sees them;
* a **status** — planned, ready, held, documented — a list of upcoming
  preparations by date and **reminders** for unticked items before the date;
* the **meeting invitation** (``.ics``, :mod:`hms_desk.documents.ics`) and the
  **prep sheet** (PDF/A, :mod:`hms_desk.documents.prep_pdf`);
* **holding the meeting** (:meth:`PreparationService.hold`): opens a case
  (``CaseService.start(kind=…)``: ``utproving`` or ``boligsak``) that carries
  the participants, whether the user takes part, the consent agreed and the
  candidates, and links it to the preparation.  The journal note of that case
  reads :meth:`PreparationService.journal_facts`.

Every text passes :func:`~hms_desk.domain.personal_data.check_free_text`
(a national ID number or a labelled name is refused) and every organisation
:func:`~hms_desk.domain.names.check_organisation` before anything is stored.
Times are stored as naive UTC and agreed in Norwegian time
(:mod:`hms_desk.domain.oslo_time`).
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import re
import threading
import uuid
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Callable

import numpy as np
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from hms_desk.documents.prep_model import (PrepCandidateInfo, PrepCheckInfo, PrepParticipantInfo,
                                           PrepPictureInfo, PrepSheetData)
from hms_desk.domain import nav
from hms_desk.domain.errors import HmsError, NotFound, ValidationError
from hms_desk.domain.i18n import N_, plural
from hms_desk.domain.names import check_organisation
from hms_desk.domain.oslo_time import oslo_text
from hms_desk.domain.personal_data import check_free_text
from hms_desk.services import audit
from hms_desk.services.captures import CaptureStore, new_capture_name
from hms_desk.services.cases import CONSENT_GIVERS, CONSENT_KINDS, CONSENT_SCOPES, CaseService, first_names
from hms_desk.storage.db import Database
from hms_desk.storage.models import (Case, Municipality, Part, PrepAttachment, PrepCandidate, PrepCheck,
                                     Preparation, PrepParticipant, Product, utcnow)

log = logging.getLogger("hms_desk.preparations")

# The texts below are bokmål (CLI, documents); hms_desk.domain.i18n.t gives them in English.
KINDS: dict[str, str] = {"utproving": N_("Utprøving"), "boligsak": N_("Boligsak")}
STATUSES: dict[str, str] = {"planned": N_("Planlagt"), "ready": N_("Klar"), "held": N_("Holdt"),
                            "documented": N_("Dokumentert")}
OPEN_STATUSES = ("planned", "ready")
CANDIDATE_STATUSES: dict[str, str] = {"prepare": N_("Klargjøres"), "ready": N_("Klar"),
                                      "rejected": N_("Forkastet")}

#: Roles a participant can have → (text, the role the case records).
ROLES: dict[str, tuple[str, str]] = {
    "rådgiver": (N_("Rådgiver"), "annen"),
    "tekniker": (N_("Tekniker"), "tekniker"),
    "ergoterapeut": (N_("Ergoterapeut"), "terapeut"),
    "fysioterapeut": (N_("Fysioterapeut"), "terapeut"),
    "bruker": (N_("Bruker"), "bruker"),
    "pårørende": (N_("Pårørende"), "pårørende"),
    "verge": (N_("Verge"), "verge"),
    "hjelpepleier": (N_("Hjelpepleier"), "hjelpepleier"),
    "leverandør": (N_("Leverandør"), "annen"),
    "saksbehandler": (N_("Saksbehandler"), "annen"),
    "annen": (N_("Annen"), "annen"),
}

#: Organisations advisers usually name (the GUI offers them; any organisation may be typed).
ORGANISATIONS = ("NAV Hjelpemiddelsentral, rådgivning", "NAV Hjelpemiddelsentral, teknisk avdeling",
                 "Kommunen, ergoterapitjenesten", "Kommunen, hjemmetjenesten", "Leverandøren", "Husbanken")

#: The routine's checklist: (code, text, kinds it applies to).
CHECK_ITEMS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("forbindelse", N_("Forbindelsen er sjekket"), ("utproving", "boligsak")),
    ("forhandssjekk", N_("Forhåndssjekk av utstyret er holdt"), ("utproving", "boligsak")),
    ("rom", N_("Rommet er stort nok til å vise hele hjelpemidlet"), ("utproving", "boligsak")),
    ("lys", N_("Lys uten motlys"), ("utproving", "boligsak")),
    ("klaer", N_("Nøytrale klær"), ("utproving", "boligsak")),
    ("kolleger", N_("Kolleger er informert"), ("utproving", "boligsak")),
    ("samtykke", N_("Samtykke er innhentet der det trengs"), ("utproving", "boligsak")),
    ("tegninger", N_("Tegninger er mottatt"), ("boligsak",)),
)
CHECK_TEXT = {code: text for code, text, _k in CHECK_ITEMS}

ATTACHMENT_KINDS = {"tegning": N_("Tegning"), "bilde": N_("Bilde")}
MAX_FILE_BYTES = 40 * 1024 * 1024
MAX_SIDE = 2400                # drawings are stored at most this many pixels on the longest side
MAX_PDF_PAGES = 10
MIN_DURATION, MAX_DURATION = 5, 8 * 60
MAX_DIAL_IN = 10
#: Seconds an attachment file without its row is left alone by the sweep (an import in progress).
GRACE_S = 15 * 60
_URL = re.compile(r"^(https?://[^\s/]+\S*|sips?:\S+|tel:\+?[\d\s\-]+)$", re.IGNORECASE)
_PART = re.compile(r"^\s*(?P<ref>.+?)\s*(?:[:×xX*]\s*(?P<qty>\d{1,3}))?\s*$")
_PDF_LOCK = threading.Lock()  # PDFium is not thread-safe


class PreparationError(HmsError):
    code = "FORBEREDELSE"


class UnreadableFile(PreparationError):
    code = "UGYLDIG_FIL"


# --- values handed to the GUI, the CLI and the documents -----------------------------------

@dataclass(frozen=True)
class PrepInput:
    """What the adviser types; ``starts_at`` aware, or naive UTC."""

    kind: str
    starts_at: dt.datetime
    purpose: str
    duration_min: int = 60
    questions: str = ""
    filming: str = ""
    angles: str = ""
    meeting_url: str = ""
    dial_in: tuple[str, ...] = ()
    agenda: str = ""
    municipality: str = ""
    user_takes_part: bool = False
    consent_kind: str = ""
    consent_given_by: str = ""
    consent_scope: str = ""


@dataclass(frozen=True)
class ParticipantView:
    id: int
    role: str
    organisation: str
    holds_camera: bool

    @property
    def role_text(self) -> str:
        return ROLES.get(self.role, (self.role, ""))[0]


@dataclass(frozen=True)
class CheckView:
    code: str
    text: str
    applies: bool
    done: bool
    done_by: str
    done_at: dt.datetime | None       # naive UTC
    result: str


@dataclass(frozen=True)
class PartNeed:
    hmsnr: str | None
    name: str
    qty: int

    def text(self) -> str:
        return " ".join(x for x in (self.hmsnr or "", self.name) if x) + f" × {self.qty}"


@dataclass(frozen=True)
class CandidateView:
    id: int
    hmsnr: str
    name: str
    supplier: str
    iso_category: str
    status: str
    note: str
    parts: tuple[PartNeed, ...]
    in_catalogue: bool = True

    @property
    def status_text(self) -> str:
        return CANDIDATE_STATUSES.get(self.status, self.status)


@dataclass(frozen=True)
class AttachmentView:
    id: int
    kind: str
    caption: str
    width: int
    height: int
    faces_blurred: int
    created_at: dt.datetime


@dataclass(frozen=True)
class PrepView:
    """One preparation with everything the workspace shows."""

    id: int
    number: str
    kind: str
    status: str
    starts_at: dt.datetime            # naive UTC
    duration_min: int
    purpose: str
    questions: str
    filming: str
    angles: str
    meeting_url: str
    dial_in: tuple[str, ...]
    agenda: str
    municipality: str
    user_takes_part: bool
    consent_kind: str
    consent_given_by: str
    consent_scope: str
    created_by: str
    case_id: int | None
    case_number: str
    participants: tuple[ParticipantView, ...]
    checklist: tuple[CheckView, ...]
    candidates: tuple[CandidateView, ...]
    attachments: tuple[AttachmentView, ...]

    @property
    def kind_text(self) -> str:
        return KINDS.get(self.kind, self.kind)

    @property
    def status_text(self) -> str:
        return STATUSES.get(self.status, self.status)

    @property
    def open_items(self) -> tuple[CheckView, ...]:
        return tuple(c for c in self.checklist if c.applies and not c.done)

    @property
    def editable(self) -> bool:
        return self.status in OPEN_STATUSES

    def as_input(self, **changes: Any) -> PrepInput:
        """The form's values, to change some and save (``update``)."""
        base = PrepInput(self.kind, self.starts_at, self.purpose, self.duration_min, self.questions, self.filming,
                         self.angles, self.meeting_url, self.dial_in, self.agenda, self.municipality,
                         self.user_takes_part, self.consent_kind, self.consent_given_by, self.consent_scope)
        return replace(base, **changes)


@dataclass(frozen=True)
class PrepSummary:
    """One row of the list of preparations."""

    id: int
    number: str
    kind: str
    status: str
    starts_at: dt.datetime
    purpose: str
    open_items: int
    candidates: int
    case_number: str

    @property
    def kind_text(self) -> str:
        return KINDS.get(self.kind, self.kind)

    @property
    def status_text(self) -> str:
        return STATUSES.get(self.status, self.status)


@dataclass(frozen=True)
class Reminder:
    """Unticked checklist items of a preparation whose meeting is near (or overdue)."""

    preparation_id: int
    number: str
    starts_at: dt.datetime
    hours_left: float
    items: tuple[str, ...]

    @property
    def overdue(self) -> bool:
        return self.hours_left < 0

    def text(self) -> str:
        """In bokmål; ``t()`` gives it in English (the items too)."""
        when, items = oslo_text(self.starts_at), ", ".join(self.items)
        if self.overdue and items:
            return N_(f"{self.number} ({when}): møtet har vært, men er ikke holdt i HMS Desk. "
                      f"Ikke krysset av: {items}")
        if self.overdue:
            return N_(f"{self.number} ({when}): møtet har vært, men er ikke holdt i HMS Desk.")
        return N_(f"{self.number} ({when}): ikke krysset av: {items}")


@dataclass(frozen=True)
class ProductHit:
    hmsnr: str
    name: str
    supplier: str
    iso_category: str
    reason: str
    score: float


@dataclass(frozen=True)
class PreparedAttachment:
    """The CPU step's answer: the encrypted file is written, the row is not yet."""

    preparation_id: int
    file_name: str
    kind: str
    caption: str
    width: int
    height: int
    faces: int
    detector: str
    sha256: str
    png: bytes = field(repr=False)


@dataclass(frozen=True)
class HoldResult:
    preparation_id: int
    case_id: int
    case_number: str


@dataclass(frozen=True)
class PrepJournalFacts:
    """What the journal note of the case a preparation opened needs from the preparation."""

    number: str
    kind: str                          # utproving | boligsak (the note's template)
    purpose: str
    questions: str
    filming: str
    angles: str
    participants: tuple[ParticipantView, ...]
    candidates: tuple[CandidateView, ...]
    checklist: tuple[CheckView, ...]
    user_takes_part: bool
    consent_text: str

    def problem_text(self) -> str:
        """Background and needs: purpose and the questions to settle (plain text)."""
        parts = [f"Formål: {self.purpose.strip()}"] if self.purpose.strip() else []
        if self.questions.strip():
            parts.append("Spørsmål som skulle avklares:\n" + self.questions.strip())
        return "\n".join(parts)

    def findings_text(self) -> str:
        """What was prepared and tried: each candidate with status, note and parts (plain text)."""
        lines = [f"Forberedt i {self.number}."]
        if self.candidates:
            lines.append("Produkter:")
            for c in self.candidates:
                line = f"- {c.hmsnr} {c.name}: {c.status_text.lower()}"
                if c.note:
                    line += f" – {c.note}"
                if c.parts:
                    line += " (deler/tilbehør: " + ", ".join(p.text() for p in c.parts) + ")"
                lines.append(line)
        open_items = [c.text for c in self.checklist if c.applies and not c.done]
        if open_items:
            lines.append("Ikke krysset av før møtet: " + ", ".join(open_items) + ".")
        return "\n".join(lines)


# --- helpers ---------------------------------------------------------------------------

def _utc(t: dt.datetime) -> dt.datetime:
    if t.tzinfo is not None:
        return t.astimezone(dt.timezone.utc).replace(tzinfo=None)
    return t


def _aware(t: dt.datetime | None) -> dt.datetime | None:
    if t is None or t.tzinfo is not None:
        return t
    return t.replace(tzinfo=dt.timezone.utc)


def _text(value: str | None, field: str) -> str:
    """Free text through the one personal-data guard (length, national IDs, labelled names, control
    characters; the limit and the label come from :mod:`hms_desk.domain.limits`)."""
    s = (value or "").replace("\r\n", "\n").replace("\r", "\n").strip()
    return check_free_text(s, field=field)


def consent_text(user_takes_part: bool, kind: str, given_by: str, scope: str) -> str:
    """The consent agreed, in bokmål (``t()`` gives it in English)."""
    if not user_takes_part:
        return N_("Ikke aktuelt – brukeren deltar ikke")
    if not kind:
        return N_("Ikke innhentet ennå")
    return N_(f"{kind.capitalize()} samtykke fra {given_by} til {scope}")


def parse_part_need(text: str) -> tuple[str | None, str, int]:
    """``"150817:2"``, ``"150817 × 2"`` or ``"Ekstra sittepute"`` → (HMS-nr or None, text, quantity)."""
    m = _PART.match(text or "")
    if not m or not m.group("ref").strip():
        raise ValidationError("Skriv delen som HMS-nr (6 siffer) eller tekst, ev. med antall: «150817:2».",
                              field="parts")
    ref, qty = m.group("ref").strip(), int(m.group("qty") or 1)
    if not 1 <= qty <= 99:
        raise ValidationError(f"Antallet for «{ref}» må være mellom 1 og 99.", field="parts")
    head = ref.split()[0]
    if len(head) == 6 and head.isdigit():
        return head, ref[6:].strip(), qty
    return None, ref, qty


def read_image_file(data: bytes, name: str) -> list[np.ndarray]:
    """The picture(s) in a file: one for an image, one per page (at most 10) for a PDF.

    :class:`UnreadableFile` with a Norwegian message for an empty, corrupt or unknown file.
    """
    import cv2

    label = Path(name).name or "filen"
    if not data:
        raise UnreadableFile(f"Filen «{label}» er tom. Ingenting er lagret.")
    if len(data) > MAX_FILE_BYTES:
        raise UnreadableFile(f"Filen «{label}» er for stor ({len(data) / 1e6:.0f} MB, høyst "
                             f"{MAX_FILE_BYTES // (1024 * 1024)} MB). Ingenting er lagret.")
    if data[:5] == b"%PDF-":
        return _pdf_pages(data, label)
    image = cv2.imdecode(np.frombuffer(data, np.uint8), cv2.IMREAD_COLOR)
    if image is None or image.size == 0:
        raise UnreadableFile(f"Filen «{label}» kan ikke leses som et bilde – den er skadet eller i et format "
                             "HMS Desk ikke kjenner (bruk PNG, JPEG eller PDF). Ingenting er lagret.")
    return [image]


def _pdf_pages(data: bytes, label: str) -> list[np.ndarray]:
    import pypdfium2 as pdfium

    with _PDF_LOCK:
        try:
            pdf = pdfium.PdfDocument(data)
        except pdfium.PdfiumError as exc:
            raise UnreadableFile(f"PDF-filen «{label}» kan ikke åpnes – den er skadet eller passordbeskyttet. "
                                 "Ingenting er lagret.") from exc
        try:
            if len(pdf) == 0:
                raise UnreadableFile(f"PDF-filen «{label}» har ingen sider. Ingenting er lagret.")
            if len(pdf) > MAX_PDF_PAGES:
                raise UnreadableFile(f"PDF-filen «{label}» har {len(pdf)} sider; høyst {MAX_PDF_PAGES} kan "
                                     "importeres. Del den opp først. Ingenting er lagret.")
            pages = []
            for page in pdf:
                w, h = page.get_size()
                scale = min(MAX_SIDE / max(w, h, 1), 200 / 72)
                bitmap = page.render(scale=scale)
                rgb = np.array(bitmap.to_pil().convert("RGB"))
                pages.append(np.ascontiguousarray(rgb[:, :, ::-1]))
            return pages
        finally:
            pdf.close()


def _fit(image: np.ndarray) -> np.ndarray:
    import cv2

    h, w = image.shape[:2]
    side = max(h, w)
    if side <= MAX_SIDE:
        return image
    f = MAX_SIDE / side
    return cv2.resize(image, (max(1, round(w * f)), max(1, round(h * f))), interpolation=cv2.INTER_AREA)


# --- the service ---------------------------------------------------------------------------

class PreparationService:
    def __init__(self, db: Database, store: CaptureStore, anonymise: Callable[[np.ndarray], Any],
                 cases: CaseService, technician: str, hms_unit: str = "", exports_dir: Path | None = None,
                 clock: Callable[[], dt.datetime] = utcnow):
        self._db = db
        self._store = store
        self._anonymise = anonymise
        self._cases = cases
        self.technician = technician
        self.hms_unit = hms_unit
        self._exports = Path(exports_dir) if exports_dir is not None else None
        self._clock = clock

    # -- validation ----------------------------------------------------------------------
    def _validated(self, data: PrepInput, previous_start: dt.datetime | None = None) -> dict[str, Any]:
        if data.kind not in KINDS:
            raise ValidationError("Velg utprøving eller boligsak.", field="kind")
        purpose = _text(data.purpose, "purpose")
        if not purpose:
            raise ValidationError("Skriv formålet med møtet – hva skal forberedes eller avklares?",
                                  field="purpose")
        if data.starts_at is None:
            raise ValidationError("Velg dato og klokkeslett for møtet.", field="starts_at")
        starts = _utc(data.starts_at).replace(second=0, microsecond=0)
        if (previous_start is None or starts != previous_start) and starts <= self._clock():
            raise ValidationError(f"Tidspunktet {oslo_text(starts)} har allerede vært. "
                                  "Velg et tidspunkt fram i tid.", field="starts_at")
        try:
            duration = int(data.duration_min)
        except (TypeError, ValueError):
            raise ValidationError("Varigheten må være et antall minutter.", field="duration_min") from None
        if not MIN_DURATION <= duration <= MAX_DURATION:
            raise ValidationError(f"Varigheten må være mellom {MIN_DURATION} og {MAX_DURATION} minutter.",
                                  field="duration_min")
        url = (data.meeting_url or "").strip()
        if url:
            check_free_text(url, field="meeting_url")
            if not _URL.match(url):
                raise ValidationError("Videoadressen må være en lenke som begynner med https://, "
                                      "eller en sip:- eller tel:-adresse, uten mellomrom.", field="meeting_url")
        dial_in = tuple(_text(a, "dial_in") for a in data.dial_in if (a or "").strip())
        if len(dial_in) > MAX_DIAL_IN:
            raise ValidationError(f"Høyst {MAX_DIAL_IN} alternative adresser.", field="dial_in")
        municipality = (data.municipality or "").strip()
        if municipality and not (len(municipality) == 4 and municipality.isdigit()):
            raise ValidationError("Kommunenummeret har 4 siffer.", field="municipality")
        kind, by, scope = (data.consent_kind or "").strip(), (data.consent_given_by or "").strip(), \
            (data.consent_scope or "").strip()
        if kind:
            if kind not in CONSENT_KINDS:
                raise ValidationError("Samtykke må være muntlig eller skriftlig.", field="consent_kind")
            if by not in CONSENT_GIVERS:
                raise ValidationError("Samtykke gis av bruker, pårørende eller verge.", field="consent_given_by")
            if scope not in CONSENT_SCOPES:
                raise ValidationError("Samtykke gjelder bilder, video eller opptak.", field="consent_scope")
        else:
            by = scope = ""
        return dict(kind=data.kind, starts_at=starts, duration_min=duration, purpose=purpose,
                    questions=_text(data.questions, "questions"),
                    filming=_text(data.filming, "filming"),
                    angles=_text(data.angles, "angles"),
                    meeting_url=url, dial_in=list(dial_in), agenda=_text(data.agenda, "agenda"),
                    municipality=municipality, user_takes_part=bool(data.user_takes_part),
                    consent_kind=kind, consent_given_by=by, consent_scope=scope)

    # -- create, change, read ---------------------------------------------------------------
    def create(self, data: PrepInput) -> PrepView:
        values = self._validated(data)
        with self._db.session() as s, s.begin():
            now = self._clock()
            prep = Preparation(number=f"tmp-{uuid.uuid4().hex[:28]}", created_by=self.technician,
                               created_at=now, updated_at=now, ics_uid=f"{uuid.uuid4()}@hms-desk.nav.no",
                               **values)
            s.add(prep)
            s.flush()
            prep.number = f"F-{now.year}-{prep.id:06d}"
            self._sync_checklist(s, prep)
            audit.record(s, self.technician, "created", "preparation", prep.number)
            pid = prep.id
        log.info("preparation %s created", pid)
        return self.get(pid)

    def delete(self, prep_id: int) -> str:
        """Deletes a preparation that was never held (its drawings too); returns its number."""
        with self._db.session() as s, s.begin():
            prep = self._editable(s, prep_id)
            number = prep.number
            self._delete_attachments(s, prep, "forberedelsen ble slettet")
            s.flush()
            s.delete(prep)
            audit.record(s, self.technician, "deleted", "preparation", number)
        return number

    def update(self, prep_id: int, data: PrepInput) -> PrepView:
        with self._db.session() as s, s.begin():
            prep = self._editable(s, prep_id)
            values = self._validated(data, previous_start=prep.starts_at)
            meeting_changed = any(getattr(prep, k) != values[k] for k in
                                  ("starts_at", "duration_min", "meeting_url", "dial_in", "agenda", "purpose"))
            for k, v in values.items():
                setattr(prep, k, v)
            prep.updated_at = self._clock()
            if meeting_changed:
                prep.ics_sequence += 1
            self._sync_checklist(s, prep)
        return self.get(prep_id)

    def _sync_checklist(self, s: Session, prep: Preparation) -> None:
        """The items of the preparation's kind exist; an item of another kind goes unless ticked."""
        have = {c.code: c for c in s.scalars(select(PrepCheck).where(PrepCheck.preparation_id == prep.id))}
        for code, _text_, kinds in CHECK_ITEMS:
            if prep.kind in kinds and code not in have:
                s.add(PrepCheck(preparation_id=prep.id, code=code, result=""))
            elif prep.kind not in kinds and code in have and have[code].done_at is None:
                s.delete(have[code])

    def _get_row(self, s: Session, prep_id: int) -> Preparation:
        prep = s.get(Preparation, prep_id)
        if prep is None:
            raise NotFound("Forberedelsen finnes ikke (den kan være slettet).")
        return prep

    def _editable(self, s: Session, prep_id: int) -> Preparation:
        prep = self._get_row(s, prep_id)
        if prep.status not in OPEN_STATUSES:
            raise PreparationError(f"Forberedelse {prep.number} er {STATUSES[prep.status].lower()} og kan ikke "
                                   "endres lenger.", code="FORBEREDELSE_LÅST")
        return prep

    def id_of(self, number_or_id: str | int) -> int:
        """A preparation's id from its number (``F-2026-000001``) or id."""
        text_ = str(number_or_id).strip()
        with self._db.session() as s:
            if text_.isdigit():
                if s.get(Preparation, int(text_)) is not None:
                    return int(text_)
            pid = s.scalar(select(Preparation.id).where(Preparation.number == text_.upper()))
        if pid is None:
            raise NotFound(f"Fant ingen forberedelse med nummer «{text_}».")
        return pid

    def get(self, prep_id: int) -> PrepView:
        with self._db.session() as s:
            prep = self._get_row(s, prep_id)
            return self._view(s, prep)

    def _view(self, s: Session, prep: Preparation) -> PrepView:
        parts = tuple(ParticipantView(p.id, p.role, p.organisation, p.holds_camera) for p in s.scalars(
            select(PrepParticipant).where(PrepParticipant.preparation_id == prep.id).order_by(PrepParticipant.id)))
        checks = {c.code: c for c in s.scalars(select(PrepCheck).where(PrepCheck.preparation_id == prep.id))}
        checklist = []
        for code, text_, kinds in CHECK_ITEMS:
            c = checks.get(code)
            if c is None:
                continue
            applies = prep.kind in kinds and (code != "samtykke" or prep.user_takes_part)
            checklist.append(CheckView(code, text_, applies, c.done_at is not None, c.done_by or "", c.done_at,
                                       c.result or ""))
        cands = list(s.scalars(select(PrepCandidate).where(PrepCandidate.preparation_id == prep.id)
                               .order_by(PrepCandidate.id)))
        known = set(s.scalars(select(Product.hmsnr).where(Product.hmsnr.in_([c.hmsnr for c in cands])))) \
            if cands else set()
        candidates = tuple(CandidateView(c.id, c.hmsnr, c.name, c.supplier, c.iso_category, c.status, c.note,
                                         tuple(PartNeed(p.get("hmsnr"), p.get("name", ""), int(p.get("qty", 1)))
                                               for p in (c.parts or [])), c.hmsnr in known) for c in cands)
        atts = tuple(AttachmentView(a.id, a.kind, a.caption, a.width, a.height, a.faces_blurred, a.created_at)
                     for a in s.scalars(select(PrepAttachment).where(PrepAttachment.preparation_id == prep.id,
                                                                     PrepAttachment.deleted_at.is_(None))
                                        .order_by(PrepAttachment.id)))
        case_number = s.scalar(select(Case.number).where(Case.id == prep.case_id)) if prep.case_id else None
        return PrepView(prep.id, prep.number, prep.kind, prep.status, prep.starts_at, prep.duration_min,
                        prep.purpose, prep.questions, prep.filming, prep.angles, prep.meeting_url,
                        tuple(prep.dial_in or ()), prep.agenda, prep.municipality, prep.user_takes_part,
                        prep.consent_kind, prep.consent_given_by, prep.consent_scope, prep.created_by,
                        prep.case_id, case_number or "", parts, tuple(checklist), candidates, atts)

    def list(self, upcoming_only: bool = True, limit: int = 200) -> list[PrepSummary]:
        """Preparations by date: upcoming (planned or ready, today onwards, and any overdue that was
        never held) — or all, newest date first."""
        with self._db.session() as s:
            q = select(Preparation)
            if upcoming_only:
                q = q.where(Preparation.status.in_(OPEN_STATUSES)).order_by(Preparation.starts_at, Preparation.id)
            else:
                q = q.order_by(Preparation.starts_at.desc(), Preparation.id.desc())
            preps = list(s.scalars(q.limit(limit)))
            ids = [p.id for p in preps]
            open_counts: dict[int, int] = {}
            cand_counts: dict[int, int] = {}
            case_numbers: dict[int, str] = {}
            if ids:
                kinds = {p.id: p for p in preps}
                for c in s.scalars(select(PrepCheck).where(PrepCheck.preparation_id.in_(ids),
                                                           PrepCheck.done_at.is_(None))):
                    if self._applies(kinds[c.preparation_id], c.code):
                        open_counts[c.preparation_id] = open_counts.get(c.preparation_id, 0) + 1
                cand_counts = dict(s.execute(select(PrepCandidate.preparation_id, func.count()).where(
                    PrepCandidate.preparation_id.in_(ids)).group_by(PrepCandidate.preparation_id)).all())
                case_ids = [p.case_id for p in preps if p.case_id]
                if case_ids:
                    case_numbers = dict(s.execute(select(Case.id, Case.number).where(Case.id.in_(case_ids))).all())
            return [PrepSummary(p.id, p.number, p.kind, p.status, p.starts_at, p.purpose.split("\n")[0][:120],
                                open_counts.get(p.id, 0), cand_counts.get(p.id, 0),
                                case_numbers.get(p.case_id, "") if p.case_id else "") for p in preps]

    @staticmethod
    def _applies(prep: Preparation, code: str) -> bool:
        kinds = next((k for c, _t, k in CHECK_ITEMS if c == code), ())
        return prep.kind in kinds and (code != "samtykke" or prep.user_takes_part)

    def reminders(self, within_days: int = 7) -> list[Reminder]:
        """Unticked items of every open preparation whose meeting is within ``within_days``,
        or has passed without being held; soonest first."""
        now = self._clock()
        horizon = now + dt.timedelta(days=within_days)
        out: list[Reminder] = []
        with self._db.session() as s:
            preps = list(s.scalars(select(Preparation).where(Preparation.status.in_(OPEN_STATUSES),
                                                             Preparation.starts_at <= horizon)
                                   .order_by(Preparation.starts_at, Preparation.id)))
            for prep in preps:
                view = self._view(s, prep)
                overdue = prep.starts_at < now
                items = tuple(c.text for c in view.open_items)
                if items or overdue:
                    hours = (prep.starts_at - now).total_seconds() / 3600
                    out.append(Reminder(prep.id, prep.number, prep.starts_at, hours, items))
        return out

    # -- status ---------------------------------------------------------------------------
    def set_status(self, prep_id: int, status: str) -> PrepView:
        """planned ↔ ready while open; held → documented.  "held" comes from :meth:`hold`."""
        if status not in STATUSES:
            raise ValidationError("Ukjent status.", field="status")
        with self._db.session() as s, s.begin():
            prep = self._get_row(s, prep_id)
            allowed = {"planned": OPEN_STATUSES, "ready": OPEN_STATUSES, "documented": ("held",)}.get(status, ())
            if prep.status == status:
                return self._view(s, prep)
            if prep.status not in allowed:
                if status == "held":
                    raise PreparationError("Status «Holdt» settes når du holder møtet («Hold møtet»).")
                raise PreparationError(f"{prep.number} er {STATUSES[prep.status].lower()} og kan ikke settes til "
                                       f"«{STATUSES[status]}».")
            prep.status = status
            prep.updated_at = self._clock()
            audit.record(s, self.technician, "status_changed", "preparation", prep.number, status)
            if status == "documented":
                self._delete_attachments(s, prep, "forberedelsen er dokumentert")
        return self.get(prep_id)

    def documented_for_case(self, case_id: int) -> str | None:
        """The journal note of the case was exported: its held preparation is documented (pictures deleted)."""
        with self._db.session() as s:
            pid = s.scalar(select(Preparation.id).where(Preparation.case_id == case_id,
                                                       Preparation.status == "held"))
        if pid is None:
            return None
        return self.set_status(pid, "documented").number

    # -- participants -----------------------------------------------------------------------
    def add_participant(self, prep_id: int, role: str, organisation: str = "", holds_camera: bool = False) -> int:
        if role not in ROLES:
            raise ValidationError("Velg en rolle fra listen.", field="role")
        check_free_text(organisation, field="organisation")
        org = check_organisation(organisation, first_names())
        if len(org) > 120:
            raise ValidationError("Organisasjonen er for lang (høyst 120 tegn).", field="organisation")
        with self._db.session() as s, s.begin():
            prep = self._editable(s, prep_id)
            if holds_camera:        # one person holds the camera
                for p in s.scalars(select(PrepParticipant).where(PrepParticipant.preparation_id == prep.id)):
                    p.holds_camera = False
            p = PrepParticipant(preparation_id=prep.id, role=role, organisation=org, holds_camera=holds_camera)
            s.add(p)
            prep.updated_at = self._clock()
            s.flush()
            return p.id

    def set_camera_holder(self, prep_id: int, participant_id: int | None) -> None:
        with self._db.session() as s, s.begin():
            prep = self._editable(s, prep_id)
            found = False
            for p in s.scalars(select(PrepParticipant).where(PrepParticipant.preparation_id == prep.id)):
                p.holds_camera = p.id == participant_id
                found |= p.id == participant_id
            if participant_id is not None and not found:
                raise NotFound("Deltakeren finnes ikke i forberedelsen.")

    def remove_participant(self, prep_id: int, participant_id: int) -> None:
        with self._db.session() as s, s.begin():
            self._editable(s, prep_id)
            p = s.get(PrepParticipant, participant_id)
            if p is None or p.preparation_id != prep_id:
                raise NotFound("Deltakeren finnes ikke i forberedelsen.")
            s.delete(p)

    # -- checklist --------------------------------------------------------------------------
    def tick(self, prep_id: int, code: str, done: bool = True, result: str | dict | None = None) -> CheckView:
        """Ticks (or unticks) one item with who and when; ``result`` (text or a dict, e.g. the
        pre-call check's) is kept with it."""
        if code not in CHECK_TEXT:
            raise ValidationError("Ukjent punkt på sjekklisten.", field="code")
        if isinstance(result, dict):
            result_text = json.dumps(result, ensure_ascii=False, sort_keys=True, default=str)
        else:
            result_text = (result or "").strip()
        result_text = _text(result_text, "result")
        with self._db.session() as s, s.begin():
            prep = self._editable(s, prep_id)
            row = s.scalar(select(PrepCheck).where(PrepCheck.preparation_id == prep.id, PrepCheck.code == code))
            if row is None:
                raise PreparationError(f"«{CHECK_TEXT[code]}» hører ikke til en {KINDS[prep.kind].lower()}.")
            if done:
                row.done_by, row.done_at = self.technician, self._clock()
                if result is not None:
                    row.result = result_text
            else:
                row.done_by, row.done_at, row.result = None, None, ""
            prep.updated_at = self._clock()
            applies = self._applies(prep, code)
            return CheckView(code, CHECK_TEXT[code], applies, row.done_at is not None, row.done_by or "",
                             row.done_at, row.result or "")

    # -- candidate products -----------------------------------------------------------------
    def search_products(self, text_: str, limit: int = 30) -> list[ProductHit]:
        """Products by name, HMS-nr, supplier (the full-text search of :mod:`services.search`)
        and by ISO category (a code or its first digits, e.g. ``1222`` or ``ISO 122203``)."""
        from hms_desk.services.search import SearchService

        tokens = [t for t in re.split(r"[\s,;]+", (text_ or "").strip()) if t]
        tokens = [t for t in tokens if t.lower() not in ("iso", "iso-kode", "isokode")]
        if not tokens:
            return []
        scored: dict[str, tuple[float, str]] = {}
        words = " ".join(tokens)
        for hit in SearchService(self._db).search_products(words, limit=limit):
            scored[hit.hmsnr] = (hit.score, hit.reason_nb)
        iso = [t for t in tokens if t.isdigit() and len(t) in (2, 4, 6, 8)]
        with self._db.session() as s:
            for code in iso:
                for hmsnr, cat in s.execute(select(Product.hmsnr, Product.iso_category).where(
                        Product.iso_category.like(f"{code}%")).order_by(Product.hmsnr).limit(limit)):
                    score = 0.92 if cat == code else 0.85
                    if hmsnr not in scored or scored[hmsnr][0] < score:
                        scored[hmsnr] = (score, N_(f"ISO-kode {cat}"))
            if not scored:
                return []
            rows = {p.hmsnr: p for p in s.scalars(select(Product).where(Product.hmsnr.in_(list(scored))))}
        hits = [ProductHit(h, rows[h].name, rows[h].supplier_name, rows[h].iso_category, reason, score)
                for h, (score, reason) in scored.items() if h in rows]
        hits.sort(key=lambda x: (-x.score, x.hmsnr))
        return hits[:limit]

    def add_candidate(self, prep_id: int, hmsnr: str, note: str = "") -> CandidateView:
        hmsnr = (hmsnr or "").strip()
        note = _text(note, "note")
        with self._db.session() as s, s.begin():
            prep = self._editable(s, prep_id)
            product = s.get(Product, hmsnr) if hmsnr else None
            if product is None:
                raise NotFound(f"Produktet med HMS-nr {hmsnr or '–'} finnes ikke (lenger) i katalogen. "
                               "Søk på nytt – katalogen kan ha blitt oppdatert.", code="PRODUKT_FINNES_IKKE")
            if s.scalar(select(PrepCandidate.id).where(PrepCandidate.preparation_id == prep.id,
                                                      PrepCandidate.hmsnr == hmsnr)) is not None:
                raise PreparationError(f"{hmsnr} {product.name} står allerede på listen.", code="FINNES_ALLEREDE")
            c = PrepCandidate(preparation_id=prep.id, hmsnr=hmsnr, name=product.name,
                              supplier=product.supplier_name or "", iso_category=product.iso_category or "",
                              status="prepare", note=note, parts=[], added_at=self._clock())
            s.add(c)
            prep.updated_at = self._clock()
            s.flush()
            return CandidateView(c.id, c.hmsnr, c.name, c.supplier, c.iso_category, c.status, c.note, ())

    def update_candidate(self, prep_id: int, candidate_id: int, status: str | None = None,
                         note: str | None = None, parts: list[str] | None = None) -> CandidateView:
        """Status, note and the parts/accessories to have ready (lines: ``HMSNR[:ANTALL]`` or text)."""
        if status is not None and status not in CANDIDATE_STATUSES:
            raise ValidationError("Status må være «Klargjøres», «Klar» eller «Forkastet».", field="status")
        clean_note = _text(note, "note") if note is not None else None
        needs = [parse_part_need(line) for line in (parts or []) if line.strip()] if parts is not None else None
        with self._db.session() as s, s.begin():
            prep = self._editable(s, prep_id)
            c = s.get(PrepCandidate, candidate_id)
            if c is None or c.preparation_id != prep.id:
                raise NotFound("Produktet står ikke lenger på listen.")
            if status is not None:
                c.status = status
            if clean_note is not None:
                c.note = clean_note
            if needs is not None:
                stored = []
                for hmsnr, text_, qty in needs:
                    if hmsnr:
                        part = s.get(Part, hmsnr)
                        product = None if part is not None else s.get(Product, hmsnr)
                        if part is None and product is None:
                            raise ValidationError(f"Delen {hmsnr} finnes ikke i katalogen.", field="parts")
                        name = (part.name or part.catalog_name or "") if part is not None else product.name
                        name = name[:150]
                    else:
                        name = _text(text_, "parts")
                    stored.append({"hmsnr": hmsnr, "name": name, "qty": qty})
                c.parts = stored
            prep.updated_at = self._clock()
            s.flush()
            in_cat = s.get(Product, c.hmsnr) is not None
            return CandidateView(c.id, c.hmsnr, c.name, c.supplier, c.iso_category, c.status, c.note,
                                 tuple(PartNeed(p["hmsnr"], p["name"], p["qty"]) for p in (c.parts or [])), in_cat)

    def remove_candidate(self, prep_id: int, candidate_id: int) -> None:
        with self._db.session() as s, s.begin():
            self._editable(s, prep_id)
            c = s.get(PrepCandidate, candidate_id)
            if c is None or c.preparation_id != prep_id:
                raise NotFound("Produktet står ikke lenger på listen.")
            s.delete(c)

    # -- drawings and pictures --------------------------------------------------------------
    def check_attachable(self, prep_id: int) -> str:
        """Database step before an import: the preparation can take drawings (its number)."""
        with self._db.session() as s:
            return self._editable(s, prep_id).number

    def process_attachment(self, prep_id: int, data: bytes, name: str, caption: str = "",
                           kind: str = "tegning") -> list[PreparedAttachment]:
        """CPU step: read the file, anonymise each picture (fail closed), encrypt and write.
        A failure leaves no file behind."""
        import cv2

        if kind not in ATTACHMENT_KINDS:
            raise ValidationError("Velg tegning eller bilde.", field="kind")
        caption = _text(caption or "", "caption")
        images = read_image_file(data, name)
        written: list[PreparedAttachment] = []
        try:
            for i, image in enumerate(images, start=1):
                result = self._anonymise(_fit(image))
                ok, buf = cv2.imencode(".png", result.image)
                if not ok:
                    raise PreparationError("Bildet kunne ikke kodes som PNG. Ingenting er lagret.")
                png = buf.tobytes()
                file_name, digest = self._store.write(png, new_capture_name())
                h, w = result.image.shape[:2]
                text_ = caption or Path(name).stem[:150]
                if len(images) > 1:
                    text_ = f"{text_}, side {i}"
                written.append(PreparedAttachment(prep_id, file_name, kind, text_[:200], w, h, len(result.boxes),
                                                  result.detector, digest, png))
        except BaseException:
            for a in written:
                self._store.delete(a.file_name)
            raise
        return written

    def commit_attachments(self, prepared: list[PreparedAttachment]) -> list[AttachmentView]:
        """Database step: record the written files (the preparation still takes drawings);
        otherwise the files are deleted and nothing stays."""
        try:
            with self._db.session() as s, s.begin():
                out = []
                for a in prepared:
                    prep = self._editable(s, a.preparation_id)
                    row = PrepAttachment(preparation_id=prep.id, file_name=a.file_name, kind=a.kind,
                                         caption=a.caption, width=a.width, height=a.height, faces_blurred=a.faces,
                                         detector=a.detector, sha256=a.sha256, created_at=self._clock())
                    s.add(row)
                    s.flush()
                    audit.record(s, self.technician, "captured", "prep_attachment", row.id,
                                 N_(f"{prep.number}, {plural(a.faces, '{n} ansikt', '{n} ansikter')} sladdet"))
                    out.append(AttachmentView(row.id, row.kind, row.caption, row.width, row.height,
                                              row.faces_blurred, row.created_at))
                if prepared and any(a.kind == "tegning" for a in prepared):
                    prep = s.get(Preparation, prepared[0].preparation_id)
                    if prep is not None and prep.kind == "boligsak":
                        check = s.scalar(select(PrepCheck).where(PrepCheck.preparation_id == prep.id,
                                                                 PrepCheck.code == "tegninger"))
                        if check is not None and check.done_at is None:
                            check.done_by, check.done_at = self.technician, self._clock()
        except BaseException:
            for a in prepared:
                self._store.delete(a.file_name)
            raise
        return out

    def import_attachment(self, prep_id: int, path: Path | str, caption: str = "",
                          kind: str = "tegning") -> list[AttachmentView]:
        """Read, anonymise, encrypt and record a file in one call (CLI, tests); the GUI runs
        :meth:`check_attachable` (database) → read + :meth:`process_attachment` (CPU) →
        :meth:`commit_attachments` (database)."""
        self.check_attachable(prep_id)
        data = read_file(path)
        return self.commit_attachments(self.process_attachment(prep_id, data, Path(path).name, caption, kind))

    def attachment_png(self, attachment_id: int, purpose: str = "") -> bytes:
        """The decrypted (anonymised) picture; the opening is audited."""
        with self._db.session() as s, s.begin():
            a = s.get(PrepAttachment, attachment_id)
            if a is None or a.deleted_at is not None:
                raise NotFound("Tegningen eller bildet er slettet.")
            data = self._store.read(a.file_name)
            audit.record(s, self.technician, "opened", "prep_attachment", a.id, purpose)
            return data

    def thumbnails(self, prep_id: int) -> list[tuple[AttachmentView, bytes]]:
        view = self.get(prep_id)
        return [(a, self.attachment_png(a.id, "forberedelse vist")) for a in view.attachments]

    def delete_attachment(self, prep_id: int, attachment_id: int) -> None:
        with self._db.session() as s, s.begin():
            a = s.get(PrepAttachment, attachment_id)
            if a is None or a.preparation_id != prep_id or a.deleted_at is not None:
                raise NotFound("Tegningen eller bildet er allerede slettet.")
            self._store.delete(a.file_name)
            a.deleted_at = self._clock()
            audit.record(s, self.technician, "deleted", "prep_attachment", a.id, "slettet av rådgiver")

    def _delete_attachments(self, s: Session, prep: Preparation, reason: str) -> int:
        n = 0
        for a in s.scalars(select(PrepAttachment).where(PrepAttachment.preparation_id == prep.id,
                                                        PrepAttachment.deleted_at.is_(None))):
            self._store.delete(a.file_name)
            a.deleted_at = self._clock()
            audit.record(s, self.technician, "deleted", "prep_attachment", a.id, reason)
            n += 1
        return n

    def enforce_retention(self, days: int) -> int:
        """Deletes the drawings of preparations whose meeting is more than ``days`` ago,
        then files of this database without a live row (an import that crashed halfway)."""
        cutoff = self._clock() - dt.timedelta(days=days)
        n = 0
        with self._db.session() as s, s.begin():
            for prep in s.scalars(select(Preparation).where(Preparation.starts_at < cutoff)):
                n += self._delete_attachments(s, prep, f"oppbevaringstid {days} dager")
        files = self._store.files()
        if files:
            with self._db.session() as s, s.begin():
                live = set(s.scalars(select(PrepAttachment.file_name).where(
                    PrepAttachment.deleted_at.is_(None), PrepAttachment.file_name.in_(files))))
                for name in files:
                    if name not in live and self._store.age_s(name) >= GRACE_S:
                        self._store.delete(name)
                        audit.record(s, self.technician, "deleted", "prep_file", name[:16], "rest uten gyldig rad")
                        n += 1
        return n

    # -- the meeting --------------------------------------------------------------------------
    def hold(self, prep_id: int) -> HoldResult:
        """Opens the case of the meeting: participants (by role and organisation), whether the user
        takes part, the consent agreed beforehand and the candidates go with it; the preparation
        is linked to the case and becomes "held"."""
        with self._db.session() as s:
            prep = self._get_row(s, prep_id)
            if prep.case_id is not None:
                number = s.scalar(select(Case.number).where(Case.id == prep.case_id)) or ""
                raise PreparationError(f"Møtet for {prep.number} er allerede holdt (sak {number}).",
                                       code="ALLEREDE_HOLDT")
            if prep.status not in OPEN_STATUSES:
                raise PreparationError(f"{prep.number} er {STATUSES[prep.status].lower()}; møtet kan ikke holdes.")
            view = self._view(s, prep)
        case = self._cases.start(kind=view.kind)
        with self._db.session() as s, s.begin():            # linked at once: a second click can't open a second case
            row = self._get_row(s, prep_id)
            row.case_id = case.id
        cases = self._cases
        cases.event(case.id, "forberedelse", f"Forberedt i {view.number} ({view.kind_text.lower()})")
        for p in view.participants:
            text_, case_role = ROLES.get(p.role, (p.role, "annen"))
            org = p.organisation
            if case_role == "annen" and p.role != "annen":
                org = f"{org} ({text_.lower()})" if org else text_.lower()
            pid = cases.add_participant(case.id, case_role, org[:120], in_picture=False)
            if p.holds_camera:
                cases.event(case.id, "deltaker", f"Holder kameraet: {text_.lower()}"
                            + (f" ({p.organisation})" if p.organisation else ""))
            log.debug("participant %s carried into case %s", pid, case.number)
        if view.user_takes_part:
            cases.set_user_takes_part(case.id, True)
            if view.consent_kind:
                cases.record_consent(case.id, view.consent_kind, view.consent_given_by, view.consent_scope)
                cases.event(case.id, "samtykke", "Samtykket ble innhentet før møtet (se forberedelsen)")
        for c in view.candidates:
            detail = f"Aktuelt produkt: {c.hmsnr} {c.name} ({c.status_text.lower()})"
            if c.note:
                detail += f" – {c.note}"
            if c.parts:
                detail += "; deler/tilbehør: " + ", ".join(p.text() for p in c.parts)
            cases.event(case.id, "kandidat", detail[:2000])
        with self._db.session() as s, s.begin():
            row = self._get_row(s, prep_id)
            row.status = "held"
            row.updated_at = self._clock()
            audit.record(s, self.technician, "opened", "case", case.number, f"fra forberedelse {row.number}")
        log.info("preparation %s held as case %s", prep_id, case.number)
        return HoldResult(prep_id, case.id, case.number)

    def for_case(self, case_id: int) -> PrepView | None:
        """The preparation a case was opened from (None for a support call)."""
        with self._db.session() as s:
            prep = s.scalar(select(Preparation).where(Preparation.case_id == case_id))
            return self._view(s, prep) if prep is not None else None

    def journal_facts(self, case_id: int) -> PrepJournalFacts | None:
        """What the case's journal note (utprøving / boligsak template) shows from the preparation."""
        view = self.for_case(case_id)
        if view is None:
            return None
        return PrepJournalFacts(view.number, view.kind, view.purpose, view.questions, view.filming, view.angles,
                                view.participants, view.candidates, view.checklist, view.user_takes_part,
                                consent_text(view.user_takes_part, view.consent_kind, view.consent_given_by,
                                             view.consent_scope))

    # -- documents ----------------------------------------------------------------------------
    def sheet_data(self, prep_id: int, include_pictures: bool = True) -> PrepSheetData:
        view = self.get(prep_id)
        with self._db.session() as s:
            row = self._get_row(s, prep_id)
            uid, seq = row.ics_uid, row.ics_sequence
            muni = s.get(Municipality, view.municipality) if view.municipality else None
        pictures = ()
        if include_pictures:
            pictures = tuple(PrepPictureInfo(a.caption, ATTACHMENT_KINDS.get(a.kind, a.kind), a.faces_blurred,
                                             self.attachment_png(a.id, "forberedelsesark"))
                             for a in view.attachments)
        checks = []
        for c in view.checklist:
            result = c.result
            if result.startswith("{"):
                result = _result_text(result)
            checks.append(PrepCheckInfo(c.text, c.done, c.done_by, _aware(c.done_at), result, c.applies))
        return PrepSheetData(
            number=view.number, kind=view.kind, kind_text=view.kind_text, status_text=view.status_text,
            starts_at=_aware(view.starts_at), duration_min=view.duration_min, adviser=view.created_by,
            hms_unit=self.hms_unit, hms_unit_name=nav.HMS_UNITS.get(self.hms_unit, ""),
            municipality=" ".join(x for x in (view.municipality, muni.name if muni else "") if x),
            purpose=view.purpose, questions=view.questions, filming=view.filming, angles=view.angles,
            meeting_url=view.meeting_url, dial_in=view.dial_in, agenda=view.agenda,
            user_takes_part=view.user_takes_part,
            consent_text=consent_text(view.user_takes_part, view.consent_kind, view.consent_given_by,
                                      view.consent_scope),
            participants=tuple(PrepParticipantInfo(p.role_text, p.organisation, p.holds_camera)
                               for p in view.participants),
            checklist=tuple(checks),
            candidates=tuple(PrepCandidateInfo(c.hmsnr, c.name + ("" if c.in_catalogue else
                                                                   " (finnes ikke lenger i katalogen)"),
                                               c.supplier, c.iso_category, c.status_text, c.note,
                                               tuple(p.text() for p in c.parts)) for c in view.candidates),
            pictures=pictures, case_number=view.case_number, ics_uid=uid, ics_sequence=seq,
            generated_at=_aware(self._clock()),
        )

    def _target(self, data: PrepSheetData, suffix: str, path: Path | None) -> Path:
        if path is not None:
            return Path(path)
        if self._exports is None:
            raise PreparationError("Ingen mappe å lagre i.")
        return self._exports / f"forberedelse-{data.number}{suffix}"

    def suggested_path(self, number: str, suffix: str) -> Path:
        """Where a save dialog starts: ``<exports>/forberedelse-<number><suffix>``."""
        return (self._exports or Path.home()) / f"forberedelse-{number}{suffix}"

    def render_sheet(self, data: PrepSheetData, path: Path | None = None) -> Path:
        """CPU step: the PDF into a temporary file beside its target (no database)."""
        from hms_desk.documents.export import write_document
        from hms_desk.documents.prep_pdf import write_prep_pdf

        target = self._target(data, ".pdf", path)
        tmp = target.with_name(f".{target.name}.{uuid.uuid4().hex[:8]}.tmp")
        return write_document(write_prep_pdf, data, tmp if path is not None else None, tmp, "forberedelsesarket")

    def store_sheet(self, prep_id: int, data: PrepSheetData, rendered: Path, path: Path | None = None) -> Path:
        """Database step: audited in the same transaction that puts the file in place."""
        target = self._target(data, ".pdf", path)
        try:
            with self._db.session() as s, s.begin():
                audit.record(s, self.technician, "exported", "prep_sheet", data.number, target.name)
                s.flush()
                try:
                    os.replace(rendered, target)
                except OSError as exc:
                    raise HmsError(f"Kunne ikke skrive forberedelsesarket til {target}: "
                                   f"{exc.strerror or exc}") from exc
        finally:
            rendered.unlink(missing_ok=True)
        return target

    def render_sheet_to(self, data: PrepSheetData, path: Path) -> Path:
        """CPU step for printing: the PDF written to ``path`` (a temporary folder; not audited)."""
        from hms_desk.documents.prep_pdf import write_prep_pdf

        return write_prep_pdf(data, path)

    def record_printed(self, prep_id: int) -> None:
        """Database step after the print dialog: the prep sheet was sent to a printer."""
        with self._db.session() as s, s.begin():
            prep = self._get_row(s, prep_id)
            audit.record(s, self.technician, "printed", "prep_sheet", prep.number)

    def write_sheet(self, prep_id: int, path: Path | None = None) -> Path:
        data = self.sheet_data(prep_id)
        return self.store_sheet(prep_id, data, self.render_sheet(data, path), path)

    def ics(self, prep_id: int) -> str:
        """The invitation as text (no personal data: roles, organisations, checked free text)."""
        from hms_desk.documents.ics import ics_text

        return ics_text(self.sheet_data(prep_id, include_pictures=False), _aware(self._clock()))

    def write_ics(self, prep_id: int, path: Path | None = None) -> Path:
        from hms_desk.documents.ics import write_ics

        data = self.sheet_data(prep_id, include_pictures=False)
        target = self._target(data, ".ics", path)
        with self._db.session() as s, s.begin():
            audit.record(s, self.technician, "exported", "prep_invitation", data.number, target.name)
            s.flush()
            write_ics(data, target, _aware(self._clock()))
        return target


def prep_to_json(view: PrepView) -> dict[str, Any]:
    """The preparation as the CLI prints it with ``--json`` (stable; no personal data)."""
    def t(x: dt.datetime | None) -> str | None:
        return _aware(x).isoformat() if x is not None else None
    return {
        "nummer": view.number, "type": view.kind, "type_tekst": view.kind_text, "status": view.status,
        "status_tekst": view.status_text, "tidspunkt": t(view.starts_at), "tidspunkt_tekst": oslo_text(view.starts_at),
        "varighet_min": view.duration_min, "formål": view.purpose, "spørsmål": view.questions,
        "filming": view.filming, "vinkler": view.angles, "videoadresse": view.meeting_url,
        "alternative_adresser": list(view.dial_in), "agenda": view.agenda, "kommune": view.municipality,
        "bruker_deltar": view.user_takes_part,
        "samtykke": consent_text(view.user_takes_part, view.consent_kind, view.consent_given_by, view.consent_scope),
        "rådgiver": view.created_by, "sak": view.case_number or None,
        "deltakere": [{"rolle": p.role, "organisasjon": p.organisation, "holder_kamera": p.holds_camera}
                      for p in view.participants],
        "sjekkliste": [{"punkt": c.code, "tekst": c.text, "gjelder": c.applies, "utført": c.done,
                        "av": c.done_by or None, "tidspunkt": t(c.done_at), "resultat": c.result or None}
                       for c in view.checklist],
        "produkter": [{"hmsnr": c.hmsnr, "navn": c.name, "leverandør": c.supplier, "iso": c.iso_category,
                       "status": c.status, "status_tekst": c.status_text, "notat": c.note,
                       "i_katalogen": c.in_catalogue,
                       "deler": [{"hmsnr": p.hmsnr, "navn": p.name, "antall": p.qty} for p in c.parts]}
                      for c in view.candidates],
        "tegninger": [{"id": a.id, "type": a.kind, "tekst": a.caption, "ansikter_sladdet": a.faces_blurred}
                      for a in view.attachments],
    }


def _result_text(raw: str) -> str:
    """A stored pre-call result (JSON) as one line for the sheet."""
    try:
        d = json.loads(raw)
    except ValueError:
        return raw
    if not isinstance(d, dict):
        return raw
    parts = []
    if "ok" in d:
        parts.append(N_("Godkjent") if d.get("ok") else N_("Ikke godkjent"))
    for key in ("format", "steady", "quality"):
        if d.get(key):
            parts.append(str(d[key]))
    return ". ".join(parts) or raw


def read_file(path: Path | str) -> bytes:
    """A file's bytes, or a Norwegian message (the name only, never the folder's content)."""
    p = Path(path)
    try:
        size = p.stat().st_size
        if size > MAX_FILE_BYTES:
            raise UnreadableFile(f"Filen «{p.name}» er for stor ({size / 1e6:.0f} MB, høyst "
                                 f"{MAX_FILE_BYTES // (1024 * 1024)} MB). Ingenting er lagret.")
        return p.read_bytes()
    except FileNotFoundError:
        raise UnreadableFile(f"Filen «{p.name}» finnes ikke.") from None
    except IsADirectoryError:
        raise UnreadableFile(f"«{p.name}» er en mappe, ikke en fil.") from None
    except OSError as exc:
        raise UnreadableFile(f"Filen «{p.name}» kan ikke leses: {exc.strerror or exc}") from exc


__all__ = [
    "ATTACHMENT_KINDS", "CANDIDATE_STATUSES", "CHECK_ITEMS", "KINDS", "ORGANISATIONS", "ROLES", "STATUSES",
    "AttachmentView", "CandidateView", "CheckView", "HoldResult", "ParticipantView", "PartNeed",
    "PrepInput", "PrepJournalFacts", "PrepSummary", "PrepView", "PreparationError", "PreparationService",
    "PreparedAttachment", "ProductHit", "Reminder", "UnreadableFile", "consent_text", "parse_part_need",
    "prep_to_json",
    "read_file", "read_image_file",
]
