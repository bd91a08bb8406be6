"""Documents: journal note, parts order, repair order, deletion receipt, deviation.

Plain Python on ReportLab (no Qt).  Every PDF is A4 PDF/A-2b (checked by
:mod:`hms_desk.documents.pdfa_check`, a self-check — not ISO validation) in
Norwegian bokmål (the journal note and the deviation report also in
English).  Writers and renderers take plain values — the frozen inputs of
:mod:`hms_desk.documents.model`, the editable journal note of
:mod:`hms_desk.documents.note`, the deviation of
:mod:`hms_desk.documents.deviation_doc` — so rendering is pure CPU work a
worker thread can do.
"""

from __future__ import annotations

from hms_desk.documents.model import (
    ConsentInfo,
    DeletionReceiptData,
    DeviceInfo,
    JournalData,
    OrderDocData,
    OrderInfo,
    OrderLineInfo,
    ParticipantInfo,
    SnapshotImage,
)
from hms_desk.documents.note import JournalNote, NoteNotReady
from hms_desk.documents.rendered import Rendered

# The writers pull in ReportLab (~0.1 s); load them on first use, not at start-up.
_LAZY = {
    "write_journal_pdf": "hms_desk.documents.journal_pdf",
    "write_parts_order_pdf": "hms_desk.documents.orders_pdf",
    "write_repair_order_pdf": "hms_desk.documents.orders_pdf",
    "write_deletion_receipt_pdf": "hms_desk.documents.receipt_pdf",
    "DocumentError": "hms_desk.documents.pdf_base",
    "NoteBundle": "hms_desk.documents.journal_note",
    "render_note": "hms_desk.documents.journal_note",
    "DeviationDoc": "hms_desk.documents.deviation_doc",
    "render_deviation": "hms_desk.documents.deviation_doc",
    "check_pdf": "hms_desk.documents.pdfa_check",
}
_RENAMED = {"render_note": "render"}


def __getattr__(name: str):
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), _RENAMED.get(name, name))
    raise AttributeError(name)


__all__ = [
    "ConsentInfo",
    "DeletionReceiptData",
    "DeviceInfo",
    "DeviationDoc",
    "DocumentError",
    "JournalData",
    "JournalNote",
    "NoteBundle",
    "NoteNotReady",
    "OrderDocData",
    "OrderInfo",
    "OrderLineInfo",
    "ParticipantInfo",
    "Rendered",
    "SnapshotImage",
    "check_pdf",
    "render_deviation",
    "render_note",
    "write_deletion_receipt_pdf",
    "write_journal_pdf",
    "write_parts_order_pdf",
    "write_repair_order_pdf",
]
