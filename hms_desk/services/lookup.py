"""Device lookup by HMS-nr + serienr in the local register (OeBS export).

Validation and the "no loan" text follow NAV's parts service exactly.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import asdict, dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from hms_desk.domain import nav
from hms_desk.domain.errors import NoLoan
from hms_desk.domain.validation import validate_hmsnr, validate_serienr
from hms_desk.storage.db import Database
from hms_desk.storage.models import Case, Device, Loan, Municipality, PartsOrder, Product, Series

log = logging.getLogger("hms_desk.lookup")


@dataclass(frozen=True)
class HistoryItem:
    kind: str          # "sak" | "bestilling"
    number: str
    at: dt.datetime
    status: str


@dataclass(frozen=True)
class DeviceCard:
    hmsnr: str
    serial: str
    product_name: str
    article_name: str
    series: str
    supplier: str
    supplier_ref: str
    iso_category: str
    created_date: dt.date | None
    loan_date: dt.date | None
    loan_type: str
    loan_type_text: str
    article_status: str
    municipality_number: str
    municipality_name: str
    hms_unit: str
    hms_unit_name: str
    warranty_years: int
    warranty_end: dt.date | None
    under_warranty: bool
    last_battery_order: dt.datetime | None
    history: tuple[HistoryItem, ...] = field(default_factory=tuple)

    def to_json(self) -> dict:
        d = asdict(self)
        for k, v in list(d.items()):
            if isinstance(v, (dt.date, dt.datetime)):
                d[k] = v.isoformat()
        d["history"] = [
            {**asdict(h), "at": h.at.isoformat()} for h in self.history
        ]
        return d


class LookupService:
    def __init__(self, db: Database, today=dt.date.today):
        self._db = db
        self._today = today

    def lookup(self, hmsnr: str, serial: str) -> DeviceCard:
        """Raises ValidationError (NAV's texts) or NoLoan."""
        hmsnr = validate_hmsnr(hmsnr)
        serial = validate_serienr(serial)
        with self._db.session() as s:
            row = s.execute(
                select(Device, Loan)
                .join(Loan, Loan.device_id == Device.id)
                .where(Device.hmsnr == hmsnr, Device.serial == serial)
            ).first()
            if row is None:
                raise NoLoan()
            device, loan = row
            return self._card(s, device, loan)

    def _card(self, s: Session, device: Device, loan: Loan) -> DeviceCard:
        product = s.get(Product, device.hmsnr)
        series = s.get(Series, product.series_id) if product and product.series_id else None
        muni = s.get(Municipality, loan.municipality) if loan.municipality else None
        iso = device.iso_category or (product.iso_category if product else "")
        unit = muni.hms_unit if muni else ""
        orders = list(s.scalars(
            select(PartsOrder).where(PartsOrder.hmsnr == device.hmsnr, PartsOrder.serial == device.serial)
            .order_by(PartsOrder.created_at.desc()).limit(50)))
        cases = list(s.scalars(
            select(Case).where(Case.hmsnr == device.hmsnr, Case.serial == device.serial)
            .order_by(Case.started_at.desc()).limit(50)))
        history = sorted(
            [HistoryItem("sak", c.number, c.started_at, "åpen" if c.status == "open" else "lukket") for c in cases]
            + [HistoryItem("bestilling", o.number, o.created_at, o.status) for o in orders],
            key=lambda h: h.at, reverse=True)
        battery = [o.created_at for o in orders if o.has_battery and o.status != "ANNULLERT"]
        w_end = nav.warranty_end(device.created_date, iso)
        return DeviceCard(
            hmsnr=device.hmsnr,
            serial=device.serial,
            product_name=product.name if product else "(ukjent produkt)",
            article_name=(product.article_name or product.name) if product else "",
            series=(series.name or series.id) if series else "",
            supplier=product.supplier_name if product else "",
            supplier_ref=product.supplier_ref if product else "",
            iso_category=iso,
            created_date=device.created_date,
            loan_date=loan.loan_date,
            loan_type=loan.loan_type,
            loan_type_text=nav.LOAN_TYPES.get(loan.loan_type, loan.loan_type),
            article_status=loan.article_status,
            municipality_number=loan.municipality,
            municipality_name=muni.name if muni else "",
            hms_unit=unit,
            hms_unit_name=nav.HMS_UNITS.get(unit, ""),
            warranty_years=nav.warranty_years(iso),
            warranty_end=w_end,
            under_warranty=nav.under_warranty(device.created_date, iso, self._today()),
            last_battery_order=max(battery) if battery else None,
            history=tuple(history),
        )
