"""Support cases: start, participants, consent, snapshots, decision, close.

A case is the unit everything else hangs on.  Pictures are anonymised
*before* they are stored (fail closed: if anonymisation fails, nothing is
stored), and pictures while the user takes part require recorded consent.
Closing a case deletes its captures and logs the deletion without content;
so can exporting the journal note (:meth:`CaseService.delete_captures`).
Free text the technician types passes
:func:`hms_desk.domain.personal_data.check_free_text` first: text holding a
national ID number is refused before anything is stored.
"""

from __future__ import annotations

import datetime as dt
import functools
import logging
import uuid
from dataclasses import dataclass, field
from typing import Any, Callable

import numpy as np
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from hms_desk.domain.errors import HmsError, NotFound, ValidationError
from hms_desk.domain.i18n import plural
from hms_desk.domain.nav import Decision
from hms_desk.domain.names import check_organisation, parse_first_names
from hms_desk.domain.personal_data import check_free_text
from hms_desk.services import audit
from hms_desk.services.captures import CaptureStore, new_capture_name
from hms_desk.services.exports import delete_profile_exports
from hms_desk.storage.db import Database
from hms_desk.storage.models import (Case, CaseDevice, CaseEvent, CaptureIntent, Consent, Participant, Snapshot,
                                     utcnow)

log = logging.getLogger("hms_desk.cases")

ROLES = ("tekniker", "terapeut", "bruker", "pårørende", "verge", "hjelpepleier", "annen")
CONSENT_KINDS = ("muntlig", "skriftlig")
CONSENT_GIVERS = ("bruker", "pårørende", "verge")
CONSENT_SCOPES = ("bilder", "video", "opptak")


@functools.lru_cache(maxsize=1)
def first_names() -> frozenset[str]:
    """The shipped first-name list behind the "looks like a name" warning."""
    from hms_desk.platform.paths import resource

    try:
        return parse_first_names(resource("names", "fornavn.txt").read_text(encoding="utf-8"))
    except OSError:
        log.warning("first-name list missing; name warnings use the patterns only")
        return frozenset()


class ConsentRequired(HmsError):
    code = "SAMTYKKE_MANGLER"


#: Seconds a capture reservation (or an unknown file in this database's folder) is left alone by the sweep.
INTENT_GRACE_S = 15 * 60


@dataclass(frozen=True)
class SnapshotResult:
    id: int
    faces_blurred: int
    width: int
    height: int
    file_name: str
    png: bytes = field(default=b"", repr=False)     # the stored (anonymised, annotated) picture


@dataclass(frozen=True)
class SnapshotTicket:
    """The first step's answer: the case may have a picture, under this file name."""

    case_id: int
    file_name: str
    device: tuple[str, str] | None


@dataclass(frozen=True)
class PreparedSnapshot:
    """The CPU step's answer: the encrypted file is written, the row is not yet."""

    ticket: SnapshotTicket
    sha256: str
    width: int
    height: int
    faces: int
    detector: str
    annotations: list | None
    png: bytes = field(repr=False)


def decode_png(data: bytes) -> np.ndarray:
    import cv2

    img = cv2.imdecode(np.frombuffer(data, np.uint8), cv2.IMREAD_COLOR)
    if img is None:
        raise HmsError("Bildet kunne ikke leses.")
    return img


@dataclass(frozen=True)
class CaseSummary:
    """One row of the case list."""

    id: int
    number: str
    kind: str
    status: str
    started_at: dt.datetime
    closed_at: dt.datetime | None
    devices: tuple[tuple[str, str], ...]
    pictures: int
    orders: int


@dataclass(frozen=True)
class ParticipantRow:
    id: int
    role: str
    organisation: str
    in_picture: bool


@dataclass(frozen=True)
class ConsentRow:
    id: int
    kind: str
    given_by: str
    scope: str
    given_at: dt.datetime
    recorded_by: str


@dataclass(frozen=True)
class CaseState:
    """Everything the case panel shows, to resume an open case."""

    id: int
    number: str
    status: str
    started_at: dt.datetime
    user_takes_part: bool
    participants: tuple[ParticipantRow, ...]
    consents: tuple[ConsentRow, ...]
    decision: str | None
    decision_reason: str
    summary: str
    next_contact: str
    devices: tuple[tuple[str, str], ...]
    snapshots: tuple[tuple[int, int], ...]       # (id, faces blurred)

    @property
    def has_picture_consent(self) -> bool:
        return any(c.scope in ("bilder", "video", "opptak") for c in self.consents)


@dataclass(frozen=True)
class ClosePreview:
    """What closing the case will do, for the confirmation."""

    number: str
    pictures: int
    journal_exported: bool
    pictures_since_export: int
    documents_in_profile: int = 0        # exported documents HMS Desk holds and will delete
    documents_elsewhere: tuple[str, ...] = ()   # folders documents were saved to (they have left HMS Desk)


class CaseService:
    def __init__(self, db: Database, captures: CaptureStore, anonymise: Callable[[np.ndarray], Any],
                 technician: str, clock: Callable[[], dt.datetime] = utcnow,
                 search_ahead: Callable[[np.ndarray], Any] | None = None):
        self._db = db
        self._captures = captures
        self._anonymise = anonymise
        self._search_ahead = search_ahead
        self.technician = technician
        self._clock = clock

    # -- lifecycle ---------------------------------------------------------
    def start(self, kind: str = "support") -> Case:
        """A new case; its number comes from its row id, so two technicians on one
        PostgreSQL database never get the same number (as parts orders)."""
        with self._db.session() as s, s.begin():
            now = self._clock()
            prefix = f"{'S' if kind == 'support' else 'U'}-{now.year}-"
            case = Case(number=f"tmp-{uuid.uuid4().hex[:28]}", kind=kind, technician=self.technician,
                        started_at=now)
            s.add(case)
            s.flush()
            case.number = f"{prefix}{case.id:06d}"
            s.add(CaseEvent(case_id=case.id, kind="start", detail="Sak startet", at=now))
            audit.record(s, self.technician, "opened", "case", case.number)
        log.info("case %s started", case.number)
        return case

    def get(self, case_id: int) -> Case:
        with self._db.session() as s:
            case = s.get(Case, case_id)
            if case is None:
                raise NotFound("Saken finnes ikke.")
            s.refresh(case)
            _ = case.participants, case.consents
            return case

    # -- lists and resuming -------------------------------------------------
    def list_cases(self, status: str | None = None, text: str = "", limit: int = 200) -> list[CaseSummary]:
        """Cases newest first; ``status`` open|closed|None; ``text`` matches the case number or a device."""
        from hms_desk.storage.models import PartsOrder

        with self._db.session() as s:
            q = select(Case).order_by(Case.started_at.desc(), Case.id.desc())
            if status:
                q = q.where(Case.status == status)
            text = (text or "").strip()
            if text:
                like = f"%{text}%"
                q = q.where(Case.number.like(like) | Case.id.in_(
                    select(CaseDevice.case_id).where(CaseDevice.hmsnr.like(like) | CaseDevice.serial.like(like))))
            cases = list(s.scalars(q.limit(limit)))
            ids = [c.id for c in cases]
            devices: dict[int, list[tuple[str, str]]] = {}
            pictures: dict[int, int] = {}
            orders: dict[int, int] = {}
            if ids:
                for d in s.scalars(select(CaseDevice).where(CaseDevice.case_id.in_(ids)).order_by(CaseDevice.id)):
                    devices.setdefault(d.case_id, []).append((d.hmsnr, d.serial))
                pictures = dict(s.execute(select(Snapshot.case_id, func.count()).where(
                    Snapshot.case_id.in_(ids), Snapshot.deleted_at.is_(None)).group_by(Snapshot.case_id)).all())
                orders = dict(s.execute(select(PartsOrder.case_id, func.count()).where(
                    PartsOrder.case_id.in_(ids)).group_by(PartsOrder.case_id)).all())
            return [CaseSummary(c.id, c.number, c.kind, c.status, c.started_at, c.closed_at,
                                tuple(devices.get(c.id, ())), pictures.get(c.id, 0), orders.get(c.id, 0))
                    for c in cases]

    def open_cases(self) -> list[CaseSummary]:
        return self.list_cases("open")

    def case_state(self, case_id: int) -> CaseState:
        with self._db.session() as s:
            case = s.get(Case, case_id)
            if case is None:
                raise NotFound("Saken finnes ikke.")
            parts = tuple(ParticipantRow(p.id, p.role, p.organisation, p.in_picture)
                          for p in sorted(case.participants, key=lambda p: p.id))
            consents = tuple(ConsentRow(c.id, c.kind, c.given_by, c.scope, c.given_at, c.recorded_by)
                             for c in sorted(case.consents, key=lambda c: c.id) if c.withdrawn_at is None)
            devices = tuple((d.hmsnr, d.serial) for d in s.scalars(
                select(CaseDevice).where(CaseDevice.case_id == case_id).order_by(CaseDevice.id)))
            snaps = tuple((sn.id, sn.faces_blurred) for sn in s.scalars(
                select(Snapshot).where(Snapshot.case_id == case_id, Snapshot.deleted_at.is_(None))
                .order_by(Snapshot.id)))
            return CaseState(case.id, case.number, case.status, case.started_at, bool(case.user_takes_part),
                             parts, consents, case.decision, case.decision_reason or "", case.summary or "",
                             case.next_contact or "", devices, snaps)

    def close_preview(self, case_id: int) -> ClosePreview:
        """What «Avslutt sak» will delete, and whether the journal note was exported after the last picture."""
        from hms_desk.storage.models import JournalNote

        with self._db.session() as s:
            case = self._open_case(s, case_id)
            snaps = list(s.scalars(select(Snapshot).where(Snapshot.case_id == case_id,
                                                          Snapshot.deleted_at.is_(None))))
            last_export = s.scalar(select(func.max(JournalNote.exported_at)).where(JournalNote.case_id == case_id))
            since = [sn for sn in snaps if last_export is None or sn.created_at > last_export]
            from hms_desk.services.exports import exports_for_case

            exported = [e for e in exports_for_case(s, case_id) if e.deleted_at is None]
            held = sum(1 for e in exported if e.in_profile and e.kind not in ("deletion_receipt", "order_export"))
            away = tuple(sorted({e.folder for e in exported if not e.in_profile}))
            return ClosePreview(case.number, len(snaps), last_export is not None, len(since), held, away)

    # -- corrections --------------------------------------------------------
    def remove_participant(self, case_id: int, participant_id: int) -> None:
        """A participant recorded by mistake; the correction is logged, the old value is not kept."""
        with self._db.session() as s, s.begin():
            case = self._open_case(s, case_id)
            p = s.get(Participant, participant_id)
            if p is None or p.case_id != case_id:
                raise NotFound("Deltakeren finnes ikke i saken.")
            role = p.role
            s.delete(p)
            s.flush()
            if role == "bruker" and not s.scalar(select(func.count(Participant.id)).where(
                    Participant.case_id == case_id, Participant.role == "bruker")):
                case.user_takes_part = False
            s.add(CaseEvent(case_id=case_id, kind="retting", at=self._clock(),
                            detail=f"Deltaker fjernet ({role})"))
            audit.record(s, self.technician, "corrected", "participant", participant_id)

    def remove_consent(self, case_id: int, consent_id: int) -> None:
        """A consent recorded by mistake (not a withdrawal); logged without the old value."""
        with self._db.session() as s, s.begin():
            self._open_case(s, case_id)
            c = s.get(Consent, consent_id)
            if c is None or c.case_id != case_id:
                raise NotFound("Samtykket finnes ikke i saken.")
            s.delete(c)
            s.add(CaseEvent(case_id=case_id, kind="retting", at=self._clock(), detail="Samtykke rettet (fjernet)"))
            audit.record(s, self.technician, "corrected", "consent", consent_id)

    def _open_case(self, s: Session, case_id: int, lock: bool = False) -> Case:
        """The case, refused unless open; ``lock`` holds its row until the transaction ends
        (PostgreSQL ``FOR UPDATE``; on SQLite the write transaction already excludes others)."""
        if lock:
            case = s.scalar(select(Case).where(Case.id == case_id).with_for_update())
        else:
            case = s.get(Case, case_id)
        if case is None:
            raise NotFound("Saken finnes ikke.")
        if case.status != "open":
            raise HmsError("Saken er lukket.")
        return case

    def event(self, case_id: int, kind: str, detail: str = "") -> None:
        check_free_text(detail, field="detail")
        with self._db.session() as s, s.begin():
            s.add(CaseEvent(case_id=case_id, kind=kind, detail=detail, at=self._clock()))

    def events(self, case_id: int) -> list[CaseEvent]:
        with self._db.session() as s:
            return list(s.scalars(select(CaseEvent).where(CaseEvent.case_id == case_id).order_by(CaseEvent.id)))

    # -- people present and consent ----------------------------------------
    def add_participant(self, case_id: int, role: str, organisation: str = "", in_picture: bool = False) -> int:
        if role not in ROLES:
            raise ValidationError(f"Ukjent rolle: {role}", field="role")
        check_free_text(organisation, field="organisation")
        organisation = check_organisation(organisation, first_names())
        with self._db.session() as s, s.begin():
            case = self._open_case(s, case_id)
            p = Participant(case_id=case_id, role=role, organisation=organisation.strip()[:120],
                            in_picture=in_picture)
            s.add(p)
            if role == "bruker":
                case.user_takes_part = True
            s.add(CaseEvent(case_id=case_id, kind="deltaker", at=self._clock(),
                            detail=f"Til stede: {role}" + (f" ({organisation.strip()})" if organisation.strip() else "")))
            s.flush()
            return p.id

    def set_user_takes_part(self, case_id: int, takes_part: bool) -> None:
        """Whether the user takes part in the call (also when not in the picture)."""
        with self._db.session() as s, s.begin():
            case = self._open_case(s, case_id)
            if case.user_takes_part == bool(takes_part):
                return
            case.user_takes_part = bool(takes_part)
            s.add(CaseEvent(case_id=case_id, kind="deltaker", at=self._clock(),
                            detail="Brukeren deltar" if takes_part else "Brukeren deltar ikke"))

    def record_consent(self, case_id: int, kind: str, given_by: str, scope: str) -> int:
        if kind not in CONSENT_KINDS:
            raise ValidationError("Samtykke må være muntlig eller skriftlig.", field="kind")
        if given_by not in CONSENT_GIVERS:
            raise ValidationError("Samtykke gis av bruker, pårørende eller verge.", field="given_by")
        if scope not in CONSENT_SCOPES:
            raise ValidationError("Samtykke gjelder bilder, video eller opptak.", field="scope")
        with self._db.session() as s, s.begin():
            self._open_case(s, case_id)
            c = Consent(case_id=case_id, kind=kind, given_by=given_by, scope=scope,
                        given_at=self._clock(), recorded_by=self.technician)
            s.add(c)
            s.add(CaseEvent(case_id=case_id, kind="samtykke", at=self._clock(),
                            detail=f"Samtykke ({kind}) fra {given_by} til {scope}"))
            s.flush()
            return c.id

    def consent_needed(self, case_id: int) -> bool:
        """True when the user takes part and no consent to pictures is recorded."""
        with self._db.session() as s:
            case = s.get(Case, case_id)
            if case is None:
                raise NotFound("Saken finnes ikke.")
            return bool(case.user_takes_part) and not self.has_consent(s, case_id, "bilder")

    def has_consent(self, s: Session, case_id: int, scope: str) -> bool:
        scopes = {scope} | ({"video", "opptak"} if scope == "bilder" else set())
        return s.scalar(select(func.count(Consent.id)).where(
            Consent.case_id == case_id, Consent.scope.in_(scopes), Consent.withdrawn_at.is_(None))) > 0

    # -- device and decision -----------------------------------------------
    def set_device(self, case_id: int, hmsnr: str, serial: str, municipality: str) -> None:
        with self._db.session() as s, s.begin():
            case = self._open_case(s, case_id)
            case.hmsnr, case.serial, case.municipality = hmsnr, serial, municipality
            known = s.scalar(select(CaseDevice).where(CaseDevice.case_id == case_id, CaseDevice.hmsnr == hmsnr,
                                                      CaseDevice.serial == serial))
            if known is None:
                s.add(CaseDevice(case_id=case_id, hmsnr=hmsnr, serial=serial, municipality=municipality,
                                 added_at=self._clock()))
            # pictures taken before any device was looked up are of the first one looked up
            for snap in s.scalars(select(Snapshot).where(Snapshot.case_id == case_id, Snapshot.hmsnr.is_(None))):
                snap.hmsnr, snap.serial = hmsnr, serial
            s.add(CaseEvent(case_id=case_id, kind="oppslag", at=self._clock(),
                            detail=f"Hjelpemiddel {hmsnr} / {serial}"))

    def devices(self, case_id: int) -> list[CaseDevice]:
        """The devices handled in the case, in the order they were looked up."""
        with self._db.session() as s:
            return list(s.scalars(select(CaseDevice).where(CaseDevice.case_id == case_id).order_by(CaseDevice.id)))

    def set_decision(self, case_id: int, decision: Decision, reason: str = "") -> None:
        check_free_text(reason, field="reason")
        with self._db.session() as s, s.begin():
            case = self._open_case(s, case_id)
            case.decision = Decision(decision).value
            case.decision_reason = reason
            s.add(CaseEvent(case_id=case_id, kind="beslutning", at=self._clock(), detail=case.decision))

    def set_summary(self, case_id: int, summary: str, next_contact: str = "") -> None:
        check_free_text(summary, field="summary")
        check_free_text(next_contact, field="next_contact")
        with self._db.session() as s, s.begin():
            case = self._open_case(s, case_id)
            case.summary = summary
            case.next_contact = next_contact

    # -- pictures ------------------------------------------------------------
    def take_snapshot(self, case_id: int, image: np.ndarray, annotations: list | None = None,
                      device: tuple[str, str] | None = None) -> SnapshotResult:
        """Anonymise (fail closed), draw the annotations, encrypt and store one picture for the case.

        ``annotations`` (dicts or :class:`~hms_desk.video.annotate.Annotation`, image pixels) are
        checked first and drawn on the *anonymised* picture, so they never un-blur a face; they
        are also kept as data on the snapshot row.  The three steps below are what the GUI runs
        as one staged operation (database → CPU → database).
        """
        ticket = self.prepare_snapshot(case_id, device)
        return self.commit_snapshot(self.process_snapshot(ticket, image, annotations))

    def prepare_snapshot(self, case_id: int, device: tuple[str, str] | None = None) -> "SnapshotTicket":
        """Database step: the case is open, consent is there; the file's name is reserved."""
        with self._db.session() as s, s.begin():
            case = self._open_case(s, case_id)
            self._check_consent(s, case)
            name = new_capture_name()
            s.add(CaptureIntent(file_name=name, case_id=case_id, created_at=self._clock()))
            if device is None and case.hmsnr and case.serial:
                device = (case.hmsnr, case.serial)
        return SnapshotTicket(case_id, name, device)

    def search_ahead(self, image: np.ndarray) -> int:
        """CPU step, before any snapshot: search a frozen picture for faces now, so that a
        snapshot of it (same pixels) only has to hide, draw, encode and store.  Nothing is
        stored; returns the faces found (0 without a search-ahead anonymiser)."""
        return self._search_ahead(image) if self._search_ahead is not None else 0

    def process_snapshot(self, ticket: "SnapshotTicket", image: np.ndarray,
                         annotations: list | None = None) -> "PreparedSnapshot":
        """CPU step: anonymise (raises ``AnonymisationError``: nothing stored), draw, encrypt, write."""
        from hms_desk.video.annotate import fit_all, from_json_list, render, to_json_list
        from hms_desk.video.images import encode_png

        drawings = from_json_list(annotations)      # AnnotationError before anything happens
        if drawings and getattr(image, "ndim", 0) >= 2:   # a mark reaching outside is clamped, never lost
            drawings = fit_all(drawings, image.shape[1], image.shape[0])
        result = self._anonymise(image)
        picture = render(result.image, drawings) if drawings else result.image
        png = encode_png(picture)
        name, digest = self._captures.write(png, ticket.file_name)
        h, w = result.image.shape[:2]
        return PreparedSnapshot(ticket, digest, w, h, len(result.boxes), result.detector,
                                to_json_list(drawings) or None, png)

    def commit_snapshot(self, prepared: "PreparedSnapshot") -> SnapshotResult:
        """Database step: re-check (case still open, consent, reservation still there) and record
        the picture in the same transaction; otherwise the file is deleted and nothing stays."""
        t = prepared.ticket
        try:
            with self._db.session() as s, s.begin():
                case = s.scalar(select(Case).where(Case.id == t.case_id).with_for_update())
                intent = s.get(CaptureIntent, t.file_name)
                if case is None or case.status != "open" or intent is None:   # closed meanwhile
                    raise HmsError("Saken ble avsluttet før bildet ble lagret. Bildet er ikke lagret.",
                                   code="SAK_LUKKET")
                self._check_consent(s, case)
                s.delete(intent)
                snap = Snapshot(case_id=t.case_id, file_name=t.file_name, width=prepared.width,
                                height=prepared.height, faces_blurred=prepared.faces,
                                detector=prepared.detector, sha256=prepared.sha256,
                                annotations=prepared.annotations, created_at=self._clock(),
                                hmsnr=t.device[0] if t.device else None,
                                serial=t.device[1] if t.device else None)
                s.add(snap)
                s.flush()
                s.add(CaseEvent(case_id=t.case_id, kind="bilde", at=self._clock(),
                                detail=f"Bilde tatt, {plural(prepared.faces, '{n} ansikt', '{n} ansikter')} sladdet"))
                audit.record(s, self.technician, "captured", "snapshot", snap.id)
                sid = snap.id
        except BaseException:
            self._captures.delete(t.file_name)
            self._forget_intent(t.file_name)
            raise
        return SnapshotResult(sid, prepared.faces, prepared.width, prepared.height, t.file_name, prepared.png)

    def _forget_intent(self, name: str) -> None:
        try:
            with self._db.session() as s, s.begin():
                intent = s.get(CaptureIntent, name)
                if intent is not None:
                    s.delete(intent)
        except Exception:  # noqa: BLE001 - the sweep removes it later
            log.warning("capture intent %s left for the retention sweep", name)

    def _check_consent(self, s: Session, case: Case) -> None:
        if case.user_takes_part and not self.has_consent(s, case.id, "bilder"):
            raise ConsentRequired("Brukeren deltar i samtalen: registrer samtykke til bilder før du tar bilde.")

    def snapshots(self, case_id: int, include_deleted: bool = False) -> list[Snapshot]:
        with self._db.session() as s:
            q = select(Snapshot).where(Snapshot.case_id == case_id)
            if not include_deleted:
                q = q.where(Snapshot.deleted_at.is_(None))
            return list(s.scalars(q.order_by(Snapshot.id)))

    def snapshot_png(self, snapshot_id: int, purpose: str = "") -> bytes:
        """The decrypted (anonymised) picture; the opening is audited with ``purpose``."""
        with self._db.session() as s, s.begin():
            snap = s.get(Snapshot, snapshot_id)
            if snap is None or snap.deleted_at is not None:
                raise NotFound("Bildet er slettet.")
            data = self._captures.read(snap.file_name)
            audit.record(s, self.technician, "opened", "snapshot", snap.id, purpose)
            return data

    def _delete_snapshots(self, s: Session, snaps: list[Snapshot], reason: str) -> int:
        n = 0
        now = self._clock()
        for snap in snaps:
            self._captures.delete(snap.file_name)
            snap.deleted_at = now
            audit.record(s, self.technician, "deleted", "snapshot", snap.id, reason)
            n += 1
        return n

    def delete_captures(self, case_id: int, reason: str = "journalnotat eksportert") -> int:
        """Deletes the case's captures now (e.g. after the journal note was exported)."""
        with self._db.session() as s, s.begin():
            case = s.get(Case, case_id)
            if case is None:
                raise NotFound("Saken finnes ikke.")
            snaps = list(s.scalars(select(Snapshot).where(Snapshot.case_id == case_id,
                                                          Snapshot.deleted_at.is_(None))))
            n = self._delete_snapshots(s, snaps, reason)
            if n:
                s.add(CaseEvent(case_id=case_id, kind="sletting", at=self._clock(),
                                detail=f"{plural(n, '{n} bilde', '{n} bilder')} slettet ({reason})"))
        log.info("case %s: %d capture(s) deleted (%s)", case_id, n, reason)
        return n

    def close(self, case_id: int) -> int:
        """Closes the case and deletes its captures; returns how many were deleted."""
        with self._db.session() as s, s.begin():
            case = self._open_case(s, case_id, lock=True)
            snaps = list(s.scalars(select(Snapshot).where(Snapshot.case_id == case_id,
                                                          Snapshot.deleted_at.is_(None))))
            n = self._delete_snapshots(s, snaps, "saken ble lukket")
            for intent in s.scalars(select(CaptureIntent).where(CaptureIntent.case_id == case_id)):
                self._captures.delete(intent.file_name)     # a picture being taken right now
                s.delete(intent)
            exports = delete_profile_exports(s, self.technician, self._clock(), "saken ble lukket", case_id=case_id)
            case.status = "closed"
            case.closed_at = self._clock()
            s.add(CaseEvent(case_id=case_id, kind="slutt", at=self._clock(),
                            detail=f"Sak lukket, {plural(n, '{n} bilde', '{n} bilder')} og "
                                   f"{plural(exports, '{n} eksportert dokument', '{n} eksporterte dokumenter')} "
                                   "i profilen slettet"))
            audit.record(s, self.technician, "closed", "case", case.number)
        log.info("case %s closed, %d capture(s) deleted", case_id, n)
        return n

    def enforce_retention(self, days: int) -> int:
        """Deletes captures older than ``days`` (after start and hourly), then this database's
        leftovers: files whose row is deleted, or whose reservation is older than a grace period
        (a crash between the steps of a snapshot).  Files of another database, and files this
        database has a live row or a fresh reservation for, are never touched."""
        cutoff = self._clock() - dt.timedelta(days=days)
        with self._db.session() as s, s.begin():
            snaps = list(s.scalars(select(Snapshot).where(Snapshot.deleted_at.is_(None),
                                                          Snapshot.created_at < cutoff)))
            n = self._delete_snapshots(s, snaps, f"oppbevaringstid {days} dager")
            n += delete_profile_exports(s, self.technician, self._clock(), f"oppbevaringstid {days} dager",
                                        older_than=cutoff)
        n += self.sweep_leftovers()
        if n:
            log.info("retention: deleted %d capture(s)", n)
        return n

    def sweep_leftovers(self) -> int:
        files = self._captures.files()
        if not files:
            return 0
        stale = self._clock() - dt.timedelta(seconds=INTENT_GRACE_S)
        n = 0
        with self._db.session() as s, s.begin():
            live = set(s.scalars(select(Snapshot.file_name).where(Snapshot.deleted_at.is_(None),
                                                                   Snapshot.file_name.in_(files))))
            intents = {i.file_name: i for i in s.scalars(select(CaptureIntent).where(
                CaptureIntent.file_name.in_(files)))}
            for name in files:
                if name in live:
                    continue
                intent = intents.get(name)
                if intent is not None and intent.created_at > stale:
                    continue                                    # a snapshot being taken now
                if intent is None and self._captures.age_s(name) < INTENT_GRACE_S:
                    continue                                    # written a moment ago; not ours to judge yet
                self._captures.delete(name)
                if intent is not None:
                    s.delete(intent)
                audit.record(s, self.technician, "deleted", "capture_file", name[:16], "rest uten gyldig bilde")
                n += 1
        return n
