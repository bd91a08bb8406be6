"""The documents of a parts order: parts-order PDF, repair-order PDF, JSON and CSV export.

``OrderDocumentService`` gathers what a document needs from the database —
the order with its lines, the device card, the case's repair decision and the
case's anonymised snapshot (decrypted through ``CaseService.snapshot_png``)
when the order carries one — into :class:`hms_desk.documents.model.OrderDocData`
and hands it to the ReportLab writers.  Exports for the order office carry no
personal data (see :func:`hms_desk.parts.orders.to_export_dict`).  Every
written, exported or printed document leaves an audit entry naming the order,
never its content.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from sqlalchemy import select

from hms_desk.documents import model as doc
from hms_desk.documents.export import write_document, write_text_document
from hms_desk.domain import nav
from hms_desk.domain.errors import HmsError, NoLoan, NotFound
from hms_desk.parts.orders import CSV_COLUMNS, OrderService, OrderView, to_export_dict, to_export_rows
from hms_desk.services import audit
from hms_desk.services.cases import CaseService
from hms_desk.services.lookup import LookupService
from hms_desk.storage.db import Database
from hms_desk.storage.models import Case, Municipality, Product, Snapshot, utcnow

log = logging.getLogger("hms_desk.parts.documents")

PARTS_ORDER = "bestilling"          # the parts order PDF
REPAIR_ORDER = "reparasjonsordre"   # the repair order PDF
KINDS = (PARTS_ORDER, REPAIR_ORDER)
EXPORT_FORMATS = ("json", "csv", "pdf", "repair-pdf")

KIND_TEXT = {PARTS_ORDER: "delbestilling", REPAIR_ORDER: "reparasjonsordre"}

# The order documents print the picture at most 48 mm high: 600 px is > 300 dpi there,
# and a smaller picture keeps the PDF fast to write (see bench/parts.py) and small.
SNAPSHOT_MAX_SIDE_PX = 1000
SNAPSHOT_MAX_HEIGHT_PX = 600


def fit_for_document(png: bytes) -> bytes:
    """The (already anonymised) picture scaled down to print size; smaller pictures pass unchanged."""
    import cv2
    import numpy as np

    image = cv2.imdecode(np.frombuffer(png, np.uint8), cv2.IMREAD_COLOR)
    if image is None:
        return png                      # the PDF writer reports an unreadable picture
    h, w = image.shape[:2]
    scale = min(SNAPSHOT_MAX_SIDE_PX / w, SNAPSHOT_MAX_HEIGHT_PX / h)
    if scale >= 1:
        return png
    small = cv2.resize(image, (max(1, round(w * scale)), max(1, round(h * scale))), interpolation=cv2.INTER_AREA)
    ok, buf = cv2.imencode(".png", small, [cv2.IMWRITE_PNG_COMPRESSION, 1])
    return buf.tobytes() if ok else png


def aware(t: dt.datetime | None) -> dt.datetime | None:
    """Database times are naive UTC; documents show them in local time."""
    if t is None or t.tzinfo is not None:
        return t
    return t.replace(tzinfo=dt.timezone.utc)


def default_file_name(number: str, fmt: str) -> str:
    """``bestilling-D-2026-000001.pdf``, ``reparasjonsordre-….pdf``, ``bestilling-….json``/``.csv``."""
    if fmt == "repair-pdf":
        return f"{REPAIR_ORDER}-{number}.pdf"
    return f"{PARTS_ORDER}-{number}.{fmt}"


def export_json_text(order: OrderView) -> str:
    return json.dumps(to_export_dict(order), ensure_ascii=False, indent=2) + "\n"


def export_csv_text(order: OrderView) -> str:
    """Semicolon-separated (opens in a Norwegian Excel), one row per line, header first."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, delimiter=";", lineterminator="\r\n")
    writer.writeheader()
    for row in to_export_rows(order):
        writer.writerow({k: ("ja" if v is True else "nei" if v is False else "" if v is None else v)
                         for k, v in row.items()})
    return out.getvalue()


class OrderDocumentService:
    """Parts-order and repair-order PDFs, and exports, for one order number."""

    def __init__(self, db: Database, orders: OrderService, cases: CaseService, lookup: LookupService,
                 exports_dir: Path, actor: str, clock: Callable[[], dt.datetime] = utcnow):
        self._db = db
        self._orders = orders
        self._cases = cases
        self._lookup = lookup
        self._exports = Path(exports_dir)
        self.actor = actor
        self._clock = clock

    # -- composing ------------------------------------------------------------
    def compose(self, number: str, decision: str | None = None, reason: str | None = None,
                include_snapshot: bool = True) -> doc.OrderDocData:
        """Everything the two PDFs show.

        ``decision``/``reason`` override the case's stored repair decision
        (the technician's choice on screen that is not saved yet).
        """
        order = self._orders.get(number)
        device = self._device(order)
        case_number: str | None = None
        stored_decision, stored_reason = None, ""
        if order.case_id is not None:
            with self._db.session() as s:
                case = s.get(Case, order.case_id)
                if case is not None:
                    case_number = case.number
                    stored_decision, stored_reason = case.decision, case.decision_reason or ""
        if decision is None:
            decision = stored_decision
            if reason is None:
                reason = stored_reason
        decision_text = nav.DECISION_TEXT.get(nav.Decision(decision), "") if decision else ""
        snapshot = self._snapshot(order.snapshot_id) if include_snapshot else None
        return doc.OrderDocData(
            order=order_info(order), device=device, case_number=case_number,
            repair_decision_text=decision_text, reason=(reason or "").strip(), snapshot=snapshot,
            hms_unit_name=nav.HMS_UNITS.get(order.hms_unit, ""),
        )

    def _device(self, order: OrderView) -> doc.DeviceInfo:
        try:
            card = self._lookup.lookup(order.hmsnr, order.serial)
        except (NoLoan, HmsError):
            card = None
        if card is not None:
            from hms_desk.services.journal import device_info

            return device_info(card)
        # the loan is gone from the register: what the order itself knows
        with self._db.session() as s:
            product = s.get(Product, order.hmsnr)
            muni = s.get(Municipality, order.municipality) if order.municipality else None
            return doc.DeviceInfo(
                hmsnr=order.hmsnr, serial=order.serial,
                product_name=product.name if product else "(ukjent produkt)", series="",
                supplier=product.supplier_name if product else "",
                iso_category=product.iso_category if product else "",
                municipality_number=order.municipality, municipality_name=muni.name if muni else "",
                hms_unit=order.hms_unit, hms_unit_name=nav.HMS_UNITS.get(order.hms_unit, ""),
                loan_status="Utlån ikke funnet", loan_type="", warranty_end=None)

    def _snapshot(self, snapshot_id: int | None) -> doc.SnapshotImage | None:
        if snapshot_id is None:
            return None
        with self._db.session() as s:
            snap = s.get(Snapshot, snapshot_id)
            if snap is None or snap.deleted_at is not None:
                log.info("snapshot %s of the order is deleted; document without picture", snapshot_id)
                return None
            created, faces = snap.created_at, snap.faces_blurred
        try:
            png = self._cases.snapshot_png(snapshot_id)     # anonymised before it was stored
        except NotFound:
            return None
        return doc.SnapshotImage(aware(created), faces, fit_for_document(png))

    # -- PDFs -------------------------------------------------------------------
    def write_pdf(self, number: str, kind: str, path: Path | str | None = None, *,
                  decision: str | None = None, reason: str | None = None,
                  action: str = "exported") -> Path:
        """Write the parts order (``kind="bestilling"``) or repair order to ``path``; audited."""
        data = self.compose(number, decision, reason)
        target = Path(path) if path is not None else self._default_path(
            number, "pdf" if kind == PARTS_ORDER else "repair-pdf")
        record = (lambda _tmp, final: self.record(number, action, kind, final.name)) if action else None
        return self.render_pdf(data, kind, target, record)

    @staticmethod
    def render_pdf(data: doc.OrderDocData, kind: str, target: Path, record=None) -> Path:
        """The PDF of composed order data (no database unless ``record`` audits): run it on a worker."""
        if kind not in KINDS:
            raise HmsError(f"Ukjent dokumenttype «{kind}».", code="UKJENT_DOKUMENT")
        from hms_desk.documents import orders_pdf     # reportlab: loaded on first use

        writer = orders_pdf.write_parts_order_pdf if kind == PARTS_ORDER else orders_pdf.write_repair_order_pdf
        # audit first (``record``), then the file gets its name (documents.export.write_document)
        return write_document(writer, data, None, target, KIND_TEXT[kind], record)   # folder created

    def record_printed(self, number: str, kind: str) -> None:
        """Audit that the order's document went to a printer."""
        self.record(number, "printed", kind)

    def record(self, number: str, action: str, kind: str, file_name: str = "") -> None:
        detail = KIND_TEXT.get(kind, kind) + (f" {file_name}" if file_name else "")
        with self._db.session() as s, s.begin():
            audit.record(s, self.actor, action, "parts_order", number, detail)

    # -- exports for the order office ----------------------------------------------
    def export(self, number: str, fmt: str, path: Path | str | None = None) -> Path:
        """``fmt``: json | csv | pdf | repair-pdf.  Returns the file written."""
        if fmt not in EXPORT_FORMATS:
            raise HmsError(f"Ukjent format «{fmt}». Velg json, csv, pdf eller repair-pdf.",
                           code="UKJENT_FORMAT", field="format")
        if fmt in ("pdf", "repair-pdf"):
            return self.write_pdf(number, PARTS_ORDER if fmt == "pdf" else REPAIR_ORDER, path)
        order = self._orders.get(number)
        target = Path(path) if path is not None else self._default_path(number, fmt)
        text = export_json_text(order) if fmt == "json" else export_csv_text(order)
        # audit first, then the file gets its name (documents.export.write_document)
        return write_text_document(text, None, target, "eksporten",
                                   lambda _tmp, final: self.record(number, "exported", fmt, final.name),
                                   encoding="utf-8-sig" if fmt == "csv" else "utf-8")

    def export_for_office(self, number: str, folder: Path | None = None) -> tuple[Path, Path]:
        """JSON and CSV side by side in ``folder`` (default: the profile's exports folder)."""
        base = Path(folder) if folder is not None else self._exports
        return (self.export(number, "json", base / default_file_name(number, "json")),
                self.export(number, "csv", base / default_file_name(number, "csv")))

    def audit_entries(self, number: str) -> list[tuple[str, str, str]]:
        """(action, actor, detail) of the order's audit entries, oldest first."""
        from hms_desk.storage.models import AuditEntry

        with self._db.session() as s:
            rows = s.execute(select(AuditEntry.action, AuditEntry.actor, AuditEntry.detail)
                             .where(AuditEntry.object_type == "parts_order", AuditEntry.object_id == number)
                             .order_by(AuditEntry.id)).all()
        return [tuple(r) for r in rows]

    def _default_path(self, number: str, fmt: str) -> Path:
        return self._exports / default_file_name(number, fmt)


@dataclass(frozen=True)
class OrderLineStatusInfo(doc.OrderLineInfo):
    """An order line with NAV's per-line status and expected delivery, for the order PDF."""

    status_text: str = ""
    expected_delivery_text: str = ""


def order_info(order: OrderView) -> doc.OrderInfo:
    return doc.OrderInfo(
        number=order.number, created_at=aware(order.created_at), status=order.status_text,
        orderer=order.orderer, delivery=order.delivery,
        lines=tuple(OrderLineStatusInfo(line.part_hmsnr, line.supplier_ref, line.description, line.category,
                                        line.quantity, line.unknown_part, line.status_text,
                                        line.expected_delivery_text) for line in order.lines),
        municipality_number=order.municipality, hms_unit=order.hms_unit,
    )
