"""Journal note: compose the case's facts and export them as a PDF (notat).

The note holds what is needed to document the call and nothing more: device
identification, who was present by role, consent, decision, orders, summary,
timeline and the anonymised pictures.  No names, no national ID, no diagnosis.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
from pathlib import Path
from typing import Callable

from sqlalchemy import select

from hms_desk.documents import model as doc
from hms_desk.documents.export import write_document
from hms_desk.domain import nav
from hms_desk.domain.errors import HmsError, NoLoan
from hms_desk.services import audit
from hms_desk.services.cases import CaseService
from hms_desk.services.lookup import DeviceCard, LookupService
from hms_desk.storage.db import Database
from hms_desk.storage.models import CaseEvent, JournalNote, PartsOrder, utcnow

log = logging.getLogger("hms_desk.journal")


def aware(t):
    """Database times are naive UTC; documents show them in local time."""
    if t is None or getattr(t, "tzinfo", None) is not None:
        return t
    return t.replace(tzinfo=dt.timezone.utc)


def device_info(card: DeviceCard) -> doc.DeviceInfo:
    return doc.DeviceInfo(
        hmsnr=card.hmsnr, serial=card.serial, product_name=card.product_name, series=card.series,
        supplier=card.supplier, iso_category=card.iso_category,
        municipality_number=card.municipality_number, municipality_name=card.municipality_name,
        hms_unit=card.hms_unit, hms_unit_name=card.hms_unit_name, loan_status=card.article_status,
        loan_type=card.loan_type_text, warranty_end=card.warranty_end,
    )


def order_info(o: PartsOrder) -> doc.OrderInfo:
    return doc.OrderInfo(
        number=o.number, created_at=aware(o.created_at), status=o.status, orderer=o.orderer,
        delivery=o.delivery,
        lines=tuple(doc.OrderLineInfo(l.part_hmsnr, l.supplier_ref, l.description, l.category,
                                      l.quantity, l.unknown_part) for l in o.lines),
        municipality_number=o.municipality, hms_unit=o.hms_unit,
    )


class JournalService:
    def __init__(self, db: Database, cases: CaseService, lookup: LookupService, hms_unit: str,
                 exports_dir: Path, clock: Callable = utcnow):
        self._db = db
        self._cases = cases
        self._lookup = lookup
        self._hms_unit = hms_unit
        self._exports = Path(exports_dir)
        self._clock = clock

    def compose(self, case_id: int, include_pictures: bool = True) -> doc.JournalData:
        case = self._cases.get(case_id)
        device = None
        if case.hmsnr and case.serial:
            try:
                device = device_info(self._lookup.lookup(case.hmsnr, case.serial))
            except (NoLoan, HmsError):
                device = None
        with self._db.session() as s:
            orders = list(s.scalars(select(PartsOrder).where(PartsOrder.case_id == case_id)
                                    .order_by(PartsOrder.id)))
            for o in orders:
                _ = o.lines
            events = list(s.scalars(select(CaseEvent).where(CaseEvent.case_id == case_id)
                                    .order_by(CaseEvent.id)))
        snaps = []
        if include_pictures:
            for snap in self._cases.snapshots(case_id):
                snaps.append(doc.SnapshotImage(aware(snap.created_at), snap.faces_blurred,
                                               self._cases.snapshot_png(snap.id)))
        decision = nav.DECISION_TEXT.get(nav.Decision(case.decision), "") if case.decision else ""
        return doc.JournalData(
            case_number=case.number, kind=case.kind, technician=case.technician,
            hms_unit=self._hms_unit, hms_unit_name=nav.HMS_UNITS.get(self._hms_unit, ""),
            started_at=aware(case.started_at), closed_at=aware(case.closed_at), device=device,
            participants=tuple(doc.ParticipantInfo(p.role, p.organisation, p.in_picture)
                               for p in case.participants),
            consents=tuple(doc.ConsentInfo(c.kind, c.given_by, c.scope, aware(c.given_at), c.recorded_by)
                           for c in case.consents),
            user_takes_part=case.user_takes_part, decision_text=decision,
            decision_reason=case.decision_reason, summary=case.summary, next_contact=case.next_contact,
            orders=tuple(order_info(o) for o in orders),
            events=tuple((aware(e.at), e.detail or e.kind) for e in events),
            snapshots=tuple(snaps),
        )

    def export_pdf(self, case_id: int, path: Path | None = None) -> Path:
        data = self.compose(case_id)
        from hms_desk.documents.journal_pdf import write_journal_pdf   # reportlab: load on first use

        def record(tmp: Path, target: Path) -> None:      # audit first, then the file gets its name
            digest = hashlib.sha256(tmp.read_bytes()).hexdigest()
            with self._db.session() as s, s.begin():
                s.add(JournalNote(case_id=case_id, text=_plain_text(data), exported_at=self._clock(),
                                  pdf_sha256=digest))
                s.add(CaseEvent(case_id=case_id, kind="journal", at=self._clock(),
                                detail="Journalnotat eksportert"))
                audit.record(s, self._cases.technician, "exported", "journal", data.case_number, target.name)

        path = write_document(write_journal_pdf, data, path,
                              self._exports / f"journalnotat-{data.case_number}.pdf", "journalnotatet", record)
        log.info("journal note for %s exported", data.case_number)
        return Path(path)


def _plain_text(d: doc.JournalData) -> str:
    lines = [f"Sak {d.case_number}"]
    if d.device:
        lines.append(f"Hjelpemiddel {d.device.hmsnr} / {d.device.serial} {d.device.product_name}")
    if d.decision_text:
        lines.append(f"Beslutning: {d.decision_text}. {d.decision_reason}".strip())
    if d.summary:
        lines.append(f"Oppsummering: {d.summary}")
    if d.next_contact:
        lines.append(f"Neste kontakt: {d.next_contact}")
    return "\n".join(lines)
