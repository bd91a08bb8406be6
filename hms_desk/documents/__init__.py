"""PDF documents: journal note, parts order, repair order, deletion receipt.

Plain Python on ReportLab (no Qt).  Writers take the frozen values from
:mod:`hms_desk.documents.model` and write an A4 PDF (PDF/A-2b as far as
ReportLab allows) in Norwegian bokmål.
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

# The writers pull in ReportLab (~0.1 s); load them on first use, not at start-up.
_LAZY = {
    "write_journal_pdf": "hms_desk.documents.journal_pdf",
    "write_parts_order_pdf": "hms_desk.documents.orders_pdf",
    "write_repair_order_pdf": "hms_desk.documents.orders_pdf",
    "write_deletion_receipt_pdf": "hms_desk.documents.receipt_pdf",
    "DocumentError": "hms_desk.documents.pdf_base",
}


def __getattr__(name: str):
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(name)


__all__ = [
    "ConsentInfo",
    "DeletionReceiptData",
    "DeviceInfo",
    "DocumentError",
    "JournalData",
    "OrderDocData",
    "OrderInfo",
    "OrderLineInfo",
    "ParticipantInfo",
    "SnapshotImage",
    "write_deletion_receipt_pdf",
    "write_journal_pdf",
    "write_parts_order_pdf",
    "write_repair_order_pdf",
]
