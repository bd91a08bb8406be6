"""Device lookup by HMS-nr + serienr in the local register (OeBS export).

Validation and the "no loan" text follow NAV's parts service exactly.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import asdict, dataclass, field

from sqlalchemy import Row, bindparam, select

from hms_desk.domain import nav
from hms_desk.domain.errors import NoLoan
from hms_desk.domain.i18n import N_
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


# One statement for the card (device, loan, product, series, municipality) and
# one for the history: Core, compiled once and cached, so an exact lookup on
# the national register stays well under a millisecond.
_CARD = (
    select(Device.hmsnr, Device.serial, Device.iso_category, Device.created_date,
           Loan.loan_date, Loan.loan_type, Loan.article_status, Loan.municipality,
           Product.hmsnr.label("product_hmsnr"), Product.name, Product.article_name,
           Product.supplier_name, Product.supplier_ref, Product.iso_category.label("product_iso"),
           Series.id.label("series_id"), Series.name.label("series_name"),
           Municipality.name.label("municipality_name"), Municipality.hms_unit)
    .select_from(Device)
    .join(Loan, Loan.device_id == Device.id)
    .outerjoin(Product, Product.hmsnr == Device.hmsnr)
    .outerjoin(Series, Series.id == Product.series_id)
    .outerjoin(Municipality, Municipality.number == Loan.municipality)
    .where(Device.hmsnr == bindparam("hmsnr"), Device.serial == bindparam("serial"))
)
_ORDERS = (
    select(PartsOrder.number, PartsOrder.created_at, PartsOrder.status, PartsOrder.has_battery)
    .where(PartsOrder.hmsnr == bindparam("hmsnr"), PartsOrder.serial == bindparam("serial"))
    .order_by(PartsOrder.created_at.desc()).limit(50)
)
_CASES = (
    select(Case.number, Case.started_at, Case.status)
    .where(Case.hmsnr == bindparam("hmsnr"), Case.serial == bindparam("serial"))
    .order_by(Case.started_at.desc()).limit(50)
)


class LookupService:
    def __init__(self, db: Database, today=dt.date.today):
        self._db = db
        self._today = today

    def lookup(self, hmsnr: str, serial: str) -> DeviceCard:
        """Raises ValidationError (NAV's texts) or NoLoan."""
        hmsnr = validate_hmsnr(hmsnr)
        serial = validate_serienr(serial)
        key = {"hmsnr": hmsnr, "serial": serial}
        with self._db.engine.connect() as conn:
            row = conn.execute(_CARD, key).first()
            if row is None:
                raise NoLoan()
            orders = conn.execute(_ORDERS, key).all()
            cases = conn.execute(_CASES, key).all()
        return self._card(row, orders, cases)

    def _card(self, r: Row, orders: list[Row], cases: list[Row]) -> DeviceCard:
        has_product = r.product_hmsnr is not None
        iso = r.iso_category or (r.product_iso if has_product else "")
        unit = r.hms_unit or ""
        history = sorted(
            [HistoryItem("sak", c.number, c.started_at, N_("åpen") if c.status == "open" else N_("lukket"))
             for c in cases]
            + [HistoryItem("bestilling", o.number, o.created_at, o.status) for o in orders],
            key=lambda h: h.at, reverse=True)
        battery = [o.created_at for o in orders if o.has_battery and o.status != "ANNULLERT"]
        return DeviceCard(
            hmsnr=r.hmsnr,
            serial=r.serial,
            product_name=r.name if has_product else N_("(ukjent produkt)"),
            article_name=(r.article_name or r.name) if has_product else "",
            series=(r.series_name or r.series_id) if r.series_id is not None else "",
            supplier=r.supplier_name if has_product else "",
            supplier_ref=r.supplier_ref if has_product else "",
            iso_category=iso,
            created_date=r.created_date,
            loan_date=r.loan_date,
            loan_type=r.loan_type,
            loan_type_text=nav.LOAN_TYPES.get(r.loan_type, r.loan_type),
            article_status=r.article_status,
            municipality_number=r.municipality,
            municipality_name=r.municipality_name or "",
            hms_unit=unit,
            hms_unit_name=nav.HMS_UNITS.get(unit, ""),
            warranty_years=nav.warranty_years(iso),
            warranty_end=nav.warranty_end(r.created_date, iso),
            under_warranty=nav.under_warranty(r.created_date, iso, self._today()),
            last_battery_order=max(battery) if battery else None,
            history=tuple(history),
        )
