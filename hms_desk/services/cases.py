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
import logging
from dataclasses import dataclass
from typing import Any, Callable

import numpy as np
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from hms_desk.domain.errors import HmsError, NotFound, ValidationError
from hms_desk.domain.nav import Decision
from hms_desk.domain.personal_data import check_free_text
from hms_desk.services import audit
from hms_desk.services.captures import CaptureStore
from hms_desk.storage.db import Database
from hms_desk.storage.models import Case, CaseEvent, Consent, Participant, Snapshot, utcnow

log = logging.getLogger("hms_desk.cases")

ROLES = ("tekniker", "terapeut", "bruker", "pårørende", "verge", "hjelpepleier", "annen")
CONSENT_KINDS = ("muntlig", "skriftlig")
CONSENT_GIVERS = ("bruker", "pårørende", "verge")
CONSENT_SCOPES = ("bilder", "video", "opptak")


class ConsentRequired(HmsError):
    code = "SAMTYKKE_MANGLER"


@dataclass(frozen=True)
class SnapshotResult:
    id: int
    faces_blurred: int
    width: int
    height: int
    file_name: str


def encode_png(image: np.ndarray) -> bytes:
    import cv2

    ok, buf = cv2.imencode(".png", image)
    if not ok:
        raise HmsError("Bildet kunne ikke kodes som PNG.")
    return buf.tobytes()


def decode_png(data: bytes) -> np.ndarray:
    import cv2

    img = cv2.imdecode(np.frombuffer(data, np.uint8), cv2.IMREAD_COLOR)
    if img is None:
        raise HmsError("Bildet kunne ikke leses.")
    return img


class CaseService:
    def __init__(self, db: Database, captures: CaptureStore, anonymise: Callable[[np.ndarray], Any],
                 technician: str, clock: Callable[[], dt.datetime] = utcnow):
        self._db = db
        self._captures = captures
        self._anonymise = anonymise
        self.technician = technician
        self._clock = clock

    # -- lifecycle ---------------------------------------------------------
    def start(self, kind: str = "support") -> Case:
        with self._db.session() as s, s.begin():
            year = self._clock().year
            prefix = f"{'S' if kind == 'support' else 'U'}-{year}-"
            n = s.scalar(select(func.count(Case.id)).where(Case.number.like(prefix + "%"))) or 0
            case = Case(number=f"{prefix}{n + 1:06d}", kind=kind, technician=self.technician,
                        started_at=self._clock())
            s.add(case)
            s.flush()
            s.add(CaseEvent(case_id=case.id, kind="start", detail="Sak startet", at=self._clock()))
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

    def _open_case(self, s: Session, case_id: int) -> Case:
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
    def add_participant(self, case_id: int, role: str, organisation: str = "", in_picture: bool = False) -> None:
        if role not in ROLES:
            raise ValidationError(f"Ukjent rolle: {role}", field="role")
        check_free_text(organisation, field="organisation")
        with self._db.session() as s, s.begin():
            case = self._open_case(s, case_id)
            s.add(Participant(case_id=case_id, role=role, organisation=organisation.strip()[:120],
                              in_picture=in_picture))
            if role == "bruker":
                case.user_takes_part = True
            s.add(CaseEvent(case_id=case_id, kind="deltaker", at=self._clock(),
                            detail=f"Til stede: {role}" + (f" ({organisation.strip()})" if organisation.strip() else "")))

    def set_user_takes_part(self, case_id: int, takes_part: bool) -> None:
        """Whether the user takes part in the call (also when not in the picture)."""
        with self._db.session() as s, s.begin():
            case = self._open_case(s, case_id)
            if case.user_takes_part == bool(takes_part):
                return
            case.user_takes_part = bool(takes_part)
            s.add(CaseEvent(case_id=case_id, kind="deltaker", at=self._clock(),
                            detail="Brukeren deltar" if takes_part else "Brukeren deltar ikke"))

    def record_consent(self, case_id: int, kind: str, given_by: str, scope: str) -> None:
        if kind not in CONSENT_KINDS:
            raise ValidationError("Samtykke må være muntlig eller skriftlig.", field="kind")
        if given_by not in CONSENT_GIVERS:
            raise ValidationError("Samtykke gis av bruker, pårørende eller verge.", field="given_by")
        if scope not in CONSENT_SCOPES:
            raise ValidationError("Samtykke gjelder bilder, video eller opptak.", field="scope")
        with self._db.session() as s, s.begin():
            self._open_case(s, case_id)
            s.add(Consent(case_id=case_id, kind=kind, given_by=given_by, scope=scope,
                          given_at=self._clock(), recorded_by=self.technician))
            s.add(CaseEvent(case_id=case_id, kind="samtykke", at=self._clock(),
                            detail=f"Samtykke ({kind}) fra {given_by} til {scope}"))

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
            s.add(CaseEvent(case_id=case_id, kind="oppslag", at=self._clock(),
                            detail=f"Hjelpemiddel {hmsnr} / {serial}"))

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
    def take_snapshot(self, case_id: int, image: np.ndarray, annotations: list | None = None) -> SnapshotResult:
        """Anonymise (fail closed), draw the annotations, encrypt and store one picture for the case.

        ``annotations`` (dicts or :class:`~hms_desk.video.annotate.Annotation`, image pixels) are
        checked first, placed on the picture (a mark reaching outside is clamped, never lost) and
        drawn on the *anonymised* picture, so they never un-blur a face; they are also kept as
        data on the snapshot row, exactly as drawn.
        """
        from hms_desk.video.annotate import fit_all, from_json_list, render, to_json_list

        drawings = from_json_list(annotations)      # AnnotationError before anything happens
        if drawings and getattr(image, "ndim", 0) >= 2:
            drawings = fit_all(drawings, image.shape[1], image.shape[0])
        with self._db.session() as s:
            case = self._open_case(s, case_id)
            if case.user_takes_part and not self.has_consent(s, case_id, "bilder"):
                raise ConsentRequired(
                    "Brukeren deltar i samtalen: registrer samtykke til bilder før du tar bilde.")
        result = self._anonymise(image)            # raises AnonymisationError: nothing stored
        picture = render(result.image, drawings) if drawings else result.image
        png = encode_png(picture)
        name, digest = self._captures.write(png)
        h, w = result.image.shape[:2]
        try:
            with self._db.session() as s, s.begin():
                snap = Snapshot(case_id=case_id, file_name=name, width=w, height=h,
                                faces_blurred=len(result.boxes), detector=result.detector,
                                sha256=digest, annotations=to_json_list(drawings) or None, created_at=self._clock())
                s.add(snap)
                s.flush()
                s.add(CaseEvent(case_id=case_id, kind="bilde", at=self._clock(),
                                detail=f"Bilde tatt, {len(result.boxes)} ansikt(er) sladdet"))
                audit.record(s, self.technician, "captured", "snapshot", snap.id)
                sid = snap.id
        except Exception:
            self._captures.delete(name)
            raise
        return SnapshotResult(sid, len(result.boxes), w, h, name)

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
                                detail=f"{n} bilde(r) slettet ({reason})"))
        log.info("case %s: %d capture(s) deleted (%s)", case_id, n, reason)
        return n

    def close(self, case_id: int) -> int:
        """Closes the case and deletes its captures; returns how many were deleted."""
        with self._db.session() as s, s.begin():
            case = self._open_case(s, case_id)
            snaps = list(s.scalars(select(Snapshot).where(Snapshot.case_id == case_id,
                                                          Snapshot.deleted_at.is_(None))))
            n = self._delete_snapshots(s, snaps, "saken ble lukket")
            case.status = "closed"
            case.closed_at = self._clock()
            s.add(CaseEvent(case_id=case_id, kind="slutt", at=self._clock(),
                            detail=f"Sak lukket, {n} bilde(r) slettet"))
            audit.record(s, self.technician, "closed", "case", case.number)
        log.info("case %s closed, %d capture(s) deleted", case_id, n)
        return n

    def enforce_retention(self, days: int) -> int:
        """Deletes captures older than ``days`` (run at start and hourly)."""
        cutoff = self._clock() - dt.timedelta(days=days)
        with self._db.session() as s, s.begin():
            snaps = list(s.scalars(select(Snapshot).where(Snapshot.deleted_at.is_(None),
                                                          Snapshot.created_at < cutoff)))
            n = self._delete_snapshots(s, snaps, f"oppbevaringstid {days} dager")
        known = set()
        with self._db.session() as s:
            known = set(s.scalars(select(Snapshot.file_name).where(Snapshot.deleted_at.is_(None))))
        for orphan in set(self._captures.files()) - known:   # files without a live row
            self._captures.delete(orphan)
            n += 1
        if n:
            log.info("retention: deleted %d capture(s)", n)
        return n
