"""The journal note (*journalnotat*, archive type *notat*) as a PDF file.

The layout lives in :mod:`hms_desk.documents.journal_note` (one renderer for
PDF, text and JSON); this module writes it to a file and keeps the older
input, :class:`~hms_desk.documents.model.JournalData`, working by turning it
into a :class:`~hms_desk.documents.note.JournalNote`.
"""

from __future__ import annotations

from pathlib import Path

from hms_desk.documents.journal_note import NoteBundle, render_pdf
from hms_desk.documents.model import JournalData
from hms_desk.documents.note import (
    JournalNote,
    NoteConsent,
    NoteDevice,
    NoteOrder,
    NoteOrderLine,
    NoteParticipant,
    NotePicture,
)
from hms_desk.documents.pdf_base import write_bytes_atomic

JOURNAL_TITLE = "Journalnotat"

__all__ = ["JOURNAL_TITLE", "bundle_from_journal_data", "write_journal_pdf"]

_DECISION_CODES = {
    "Repareres lokalt av kommunen": "REPARER_LOKALT",
    "Sendes inn til HMS": "SEND_INN",
    "Deler må bestilles": "DELER_TRENGS",
    "Ny samtale avtales": "NY_SAMTALE",
}


def bundle_from_journal_data(data: JournalData) -> NoteBundle:
    """The note (and its pictures) that shows what ``data`` holds."""
    orders = tuple(
        NoteOrder(number=o.number, created_at=o.created_at, status=o.status, delivery=o.delivery,
                  lines=tuple(NoteOrderLine(ln.hmsnr, ln.supplier_ref, ln.description, ln.category,
                                            ln.quantity, ln.unknown_part) for ln in o.lines))
        for o in data.orders)
    devices = []
    if data.device is not None:
        d = data.device
        devices.append(NoteDevice(
            hmsnr=d.hmsnr, serial=d.serial, product_name=d.product_name, series=d.series, supplier=d.supplier,
            iso_category=d.iso_category, municipality_number=d.municipality_number,
            municipality_name=d.municipality_name, hms_unit=d.hms_unit, hms_unit_name=d.hms_unit_name,
            loan_status=d.loan_status, loan_type=d.loan_type, warranty_end=d.warranty_end, orders=orders))
    images = {i: snap.png for i, snap in enumerate(data.snapshots, start=1)}
    started = data.started_at
    duration = None
    if data.closed_at is not None:
        duration = max(0, round((data.closed_at - started).total_seconds() / 60))
    decision = data.decision_text
    note = JournalNote(
        case_id=0, case_number=data.case_number,
        template="utproving" if data.kind == "utproving" else "support",
        date=started.date(), time=started.time().replace(second=0, microsecond=0), duration_min=duration,
        technician=data.technician, hms_unit=data.hms_unit, hms_unit_name=data.hms_unit_name,
        user_takes_part=data.user_takes_part,
        participants=[NoteParticipant(p.role, p.organisation, p.in_picture) for p in data.participants],
        devices=devices,
        decision=_DECISION_CODES.get(decision, decision) if decision else None,
        decision_reason=data.decision_reason,
        consents=[NoteConsent(c.kind, c.given_by, c.scope, c.given_at, c.recorded_by) for c in data.consents],
        pictures=[NotePicture(snapshot_id=i, chosen=True, created_at=snap.created_at,
                              faces_blurred=snap.faces_blurred) for i, snap in enumerate(data.snapshots, start=1)],
        summary=data.summary, next_contact=data.next_contact,
    )
    return NoteBundle(note, images)


def write_journal_pdf(data: JournalData | NoteBundle, path: Path | str, lang: str = "nb") -> Path:
    """Write the journal note to ``path`` (PDF/A-2b) and return the path."""
    bundle = data if isinstance(data, NoteBundle) else bundle_from_journal_data(data)
    return write_bytes_atomic(path, render_pdf(bundle, lang).data, Path(path).name)
