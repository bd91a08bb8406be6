"""Deletion receipts (*slettebekreftelse*): proof for the municipality that a case's captures are gone.

:meth:`DeletionService.receipt` gathers every capture of a case from the
snapshot rows (when it was made, when it was deleted) and checks each
deletion against the audit log (the ``deleted`` entry written in the same
transaction as the deletion).  A capture that is not deleted yet, or whose
deletion is not in the audit log, stops the receipt: it must never claim
more than happened.  The PDF lists only ids and times — no picture content,
no personal data — and issuing it is itself audited.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import os
import uuid
from pathlib import Path
from typing import Callable

from sqlalchemy import select

from hms_desk.documents.export import write_document
from hms_desk.documents.model import DeletionReceiptData
from hms_desk.domain import nav
from hms_desk.domain.errors import HmsError, NotFound
from hms_desk.domain.i18n import plural
from hms_desk.services import audit
from hms_desk.services.exports import exports_for_case, record_export
from hms_desk.storage.db import Database
from hms_desk.storage.models import AuditEntry, Case, CaseEvent, Municipality, Snapshot, utcnow

log = logging.getLogger("hms_desk.deletion")

CAPTURE_KIND = "Stillbilde"


class ReceiptNotReady(HmsError):
    code = "IKKE_SLETTET"


def _aware(t: dt.datetime | None) -> dt.datetime | None:
    if t is None or t.tzinfo is not None:
        return t
    return t.replace(tzinfo=dt.timezone.utc)


class DeletionService:
    def __init__(self, db: Database, hms_unit: str, exports_dir: Path, technician: str,
                 clock: Callable[[], dt.datetime] = utcnow):
        self._db = db
        self._hms_unit = hms_unit
        self._exports = Path(exports_dir)
        self.technician = technician
        self._clock = clock

    def receipt_data(self, case_id: int) -> DeletionReceiptData:
        """What the receipt says; :class:`ReceiptNotReady` if a capture is not (provably) deleted."""
        with self._db.session() as s:
            case = s.get(Case, case_id)
            if case is None:
                raise NotFound("Saken finnes ikke.")
            snaps = list(s.scalars(select(Snapshot).where(Snapshot.case_id == case_id).order_by(Snapshot.id)))
            alive = [sn for sn in snaps if sn.deleted_at is None]
            if alive:
                raise ReceiptNotReady(
                    f"Saken har {plural(len(alive), '{n} bilde', '{n} bilder')} som ikke er slettet ennå. Avslutt saken "
                    "(eller slett bildene) før du lager slettebekreftelse.")
            audited = {e.object_id: e for e in s.scalars(select(AuditEntry).where(
                AuditEntry.object_type == "snapshot", AuditEntry.action == "deleted",
                AuditEntry.object_id.in_([str(sn.id) for sn in snaps])))} if snaps else {}
            missing = [sn.id for sn in snaps if str(sn.id) not in audited]
            if missing:
                log.error("deletion of snapshot(s) %s not in the audit log", missing)
                raise ReceiptNotReady("Slettingen av noen bilder står ikke i revisjonsloggen – "
                                      "slettebekreftelse kan ikke utstedes. Kontakt systemansvarlig.")
            muni = s.get(Municipality, case.municipality) if case.municipality else None
            items = tuple((CAPTURE_KIND, f"bilde-{sn.id}", _aware(sn.created_at), _aware(sn.deleted_at))
                          for sn in snaps)
            exported = [e for e in exports_for_case(s, case_id) if e.kind != "deletion_receipt"]
            held = [e for e in exported if e.in_profile and e.deleted_at is None and e.kind != "order_export"]
            if held:
                raise ReceiptNotReady(f"{plural(len(held), '{n} eksportert dokument', '{n} eksporterte dokumenter')} "
                                      "med saksopplysninger ligger "
                                      "fortsatt i HMS Desk. Avslutt saken før du lager slettebekreftelse.")
            exports = tuple((e.kind_text, e.file_name, _aware(e.exported_at), _aware(e.deleted_at),
                             "" if e.in_profile else e.folder) for e in exported)
            return DeletionReceiptData(
                case_number=case.number,
                municipality_number=case.municipality or "",
                municipality_name=muni.name if muni is not None else "",
                hms_unit_name=nav.HMS_UNITS.get(self._hms_unit, ""),
                issued_at=_aware(self._clock()),
                items=items,
                issued_by=self.technician,
                exports=exports,
            )

    def receipt(self, case_id: int, path: Path | None = None) -> Path:
        """Writes the deletion receipt PDF (default ``exports/slettebekreftelse-<saksnr>.pdf``).

        The GUI runs the three steps as one staged operation: :meth:`receipt_data`
        (database) → :meth:`render` (CPU) → :meth:`store` (database)."""
        data = self.receipt_data(case_id)
        return self.store(case_id, data, self.render(data, path), path)

    def target_path(self, data: DeletionReceiptData, path: Path | None = None) -> Path:
        return Path(path) if path is not None else self._exports / f"slettebekreftelse-{data.case_number}.pdf"

    def render(self, data: DeletionReceiptData, path: Path | None = None) -> Path:
        """CPU step: the PDF into a temporary file beside its target."""
        from hms_desk.documents.receipt_pdf import write_deletion_receipt_pdf  # reportlab: on first use

        target = self.target_path(data, path)
        tmp = target.with_name(f".{target.name}.{uuid.uuid4().hex[:8]}.tmp")
        return write_document(write_deletion_receipt_pdf, data, tmp if path is not None else None, tmp,
                              "slettebekreftelsen")

    def store(self, case_id: int, data: DeletionReceiptData, rendered: Path, path: Path | None = None) -> Path:
        """Database step: audit and put the file in place in one transaction."""
        target = self.target_path(data, path)
        try:
            with self._db.session() as s, s.begin():
                s.add(CaseEvent(case_id=case_id, kind="slettebekreftelse", at=self._clock(),
                                detail=f"Slettebekreftelse utstedt ({plural(len(data.items), '{n} element', '{n} elementer')})"))
                audit.record(s, self.technician, "exported", "deletion_receipt", data.case_number, target.name)
                record_export(s, self._exports, case_id, "deletion_receipt", target,
                              hashlib.sha256(rendered.read_bytes()).hexdigest())
                s.flush()
                try:
                    os.replace(rendered, target)
                except OSError as exc:
                    raise HmsError(f"Kunne ikke skrive slettebekreftelsen til {target}: "
                                   f"{exc.strerror or exc}") from exc
        finally:
            rendered.unlink(missing_ok=True)
        log.info("deletion receipt for %s written (%d item(s))", data.case_number, len(data.items))
        return target

    def record_printed(self, case_number: str) -> None:
        """Audit that the deletion receipt of ``case_number`` went to a printer (the print service calls this)."""
        with self._db.session() as s, s.begin():
            audit.record(s, self.technician, "printed", "deletion_receipt", case_number)
