"""Parts orders: validate a draft against NAV's rules, create it once, move its status forward,
take OeBS's shipping confirmation per line.

Concurrency: validation and insert run in one transaction that first takes a
write lock for the device — ``pg_advisory_xact_lock`` on PostgreSQL, ``BEGIN
IMMEDIATE`` on SQLite — so two technicians ordering for the same device at the
same moment cannot both slip under the 24-hour limit.  The UI's
``request_key`` is unique: sending the same draft twice (a double click)
returns the order already made instead of a second one.

Orders, lines and status history are handed out as frozen views, safe to pass
to another thread; the export carries no personal data.

As NAV's ``DelbestillingStatusService``: a shipping confirmation marks one
line SKIPNINGSBEKREFTET with its date, the expected delivery is the next
working day (``nav.expected_delivery``), and the order becomes
DELVIS_SKIPNINGSBEKREFTET, or SKIPNINGSBEKREFTET when every line is shipped.
Confirmations for an order that is already SKIPNINGSBEKREFTET, closed or
cancelled are not taken (NAV ignores them silently; we say so).

Delivery: "Til XK-lager" (``kommunelager``) only where the municipality has an
XK-lager (NAV's ``XKLager.kt``); a draft that names no delivery gets NAV's
choice for it: XK-lager there, the service job elsewhere.
"""

from __future__ import annotations

import datetime as dt
import logging
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from sqlalchemy import func, select, text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, selectinload

from hms_desk.domain import nav
from hms_desk.domain.errors import HmsError, NotFound
from hms_desk.domain.nav import OrderStatus
from hms_desk.domain.personal_data import check_identifier
from hms_desk.parts import rules
from hms_desk.parts.catalog import PartInfo, parts_for_device
from hms_desk.services import audit
from hms_desk.storage.db import Database
from hms_desk.storage.models import (
    Device,
    Loan,
    Municipality,
    OrderLine,
    OrderStatusChange,
    PartsOrder,
    Product,
    utcnow,
)

log = logging.getLogger("hms_desk.parts.orders")

STATUS_TEXT: dict[OrderStatus, str] = {
    OrderStatus.INNSENDT: "Innsendt",
    OrderStatus.REGISTRERT: "Registrert",
    OrderStatus.KLARGJORT: "Klargjort",
    OrderStatus.DELVIS_SKIPNINGSBEKREFTET: "Delvis skipningsbekreftet",
    OrderStatus.SKIPNINGSBEKREFTET: "Skipningsbekreftet",
    OrderStatus.LUKKET: "Lukket",
    OrderStatus.ANNULLERT: "Annullert",
}

DELIVERY_TEXT = nav.DELIVERY_TEXT


# --- input ---------------------------------------------------------------

@dataclass(frozen=True)
class DraftLine:
    part_hmsnr: str | None
    supplier_ref: str = ""
    description: str = ""
    quantity: int = 1
    unknown_part: bool = False
    accessory_on_device: bool | None = None    # accessories: "Finnes tilbehøret på hjelpemidlet fra før?"


@dataclass
class OrderDraft:
    hmsnr: str
    serial: str
    orderer: str                       # staff ident of the technician
    orderer_hms_unit: str              # e.g. "4703"
    delivery: str = ""                 # kommunelager (XK-lager) | servicejobb | "" = NAV's choice
    lines: list[DraftLine] = field(default_factory=list)
    battery_training_confirmed: bool = False
    case_id: int | None = None
    snapshot_id: int | None = None
    request_key: str = ""              # idempotency key from the UI


# --- output --------------------------------------------------------------

@dataclass(frozen=True)
class OrderLineView:
    part_hmsnr: str | None
    supplier_ref: str
    description: str
    category: str
    quantity: int
    unknown_part: bool
    status: str | None = None                  # NAV's DellinjeStatus: SKIPNINGSBEKREFTET or None
    shipped_on: dt.date | None = None
    status_text: str = ""                      # NAV's plain text for this line ("Plukket på lager" ...)

    @property
    def expected_delivery(self) -> dt.date | None:
        """The shipping date plus one working day (NAV), once the line is shipped."""
        return nav.expected_delivery(self.shipped_on) if self.shipped_on is not None else None

    @property
    def expected_delivery_text(self) -> str:
        """"Forventet levering 2. oktober 2023", or "" before shipping."""
        day = self.expected_delivery
        return nav.expected_delivery_text(day) if day is not None else ""


@dataclass(frozen=True)
class StatusChangeView:
    status: str
    at: dt.datetime
    by: str


@dataclass(frozen=True)
class OrderView:
    number: str
    hmsnr: str
    serial: str
    orderer: str
    municipality: str
    hms_unit: str
    delivery: str
    status: str
    created_at: dt.datetime
    has_battery: bool
    case_id: int | None
    snapshot_id: int | None
    lines: tuple[OrderLineView, ...]
    history: tuple[StatusChangeView, ...]

    @property
    def status_text(self) -> str:
        return STATUS_TEXT.get(OrderStatus(self.status), self.status)

    @property
    def plain_status_text(self) -> str:
        """NAV's text for the technician: "Mottatt hos NAV", "Levert", "Annullert" ..."""
        return nav.order_status_plain(self.status)

    @property
    def delivery_text(self) -> str:
        return nav.DELIVERY_TEXT.get(self.delivery, self.delivery)

    @property
    def shipping_info(self) -> str:
        """The text NAV sends to OeBS with the order ("XK-Lager Del bestilt av: …")."""
        return nav.shipping_info(self.delivery, self.orderer)


@dataclass(frozen=True)
class OrderResult:
    order: OrderView
    created: bool          # False: the request_key was seen before, this is the earlier order


class OrderRefused(HmsError):
    """The draft breaks one or more rules; ``violations`` lists them all."""

    code = "BESTILLING_AVVIST"

    def __init__(self, violations: Sequence[rules.RuleViolation]):
        self.violations = tuple(violations)
        super().__init__("\n".join(v.message_nb for v in self.violations) or "Bestillingen ble avvist.")

    def to_dict(self) -> dict:
        d: dict = dict(super().to_dict())
        d["violations"] = [v.to_dict() for v in self.violations]
        return d


# --- the service -----------------------------------------------------------

def local_date(naive_utc: dt.datetime) -> dt.date:
    """The local calendar date of a naive UTC timestamp (as stored in the database)."""
    return naive_utc.replace(tzinfo=dt.timezone.utc).astimezone().date()


class OrderService:
    def __init__(self, db: Database, clock: Callable[[], dt.datetime] = utcnow):
        """``clock`` returns naive UTC, like the timestamps in the database."""
        self._db = db
        self._clock = clock

    # queries ---------------------------------------------------------------

    def validate(self, draft: OrderDraft) -> list[rules.RuleViolation]:
        now = self._clock()
        with self._db.session() as s:
            facts = self._facts(s, draft, now)[0]
        return rules.evaluate(facts, now, local_date(now))

    def get(self, number: str) -> OrderView:
        with self._db.session() as s:
            order = s.scalar(_with_children(select(PartsOrder).where(PartsOrder.number == number)))
            if order is None:
                raise NotFound(f"Fant ingen bestilling med nummer {number}.")
            return _view(order)

    def list_for_device(self, hmsnr: str, serial: str) -> list[OrderView]:
        """The device's orders, newest first."""
        with self._db.session() as s:
            orders = s.scalars(_with_children(
                select(PartsOrder).where(PartsOrder.hmsnr == hmsnr, PartsOrder.serial == serial)
                .order_by(PartsOrder.created_at.desc(), PartsOrder.id.desc())))
            return [_view(o) for o in orders]

    def list_orders(self, case_id: int | None = None, limit: int = 200) -> list[OrderView]:
        """Orders newest first, of one case or overall, with their status history."""
        with self._db.session() as s:
            q = select(PartsOrder).order_by(PartsOrder.created_at.desc(), PartsOrder.id.desc())
            if case_id is not None:
                q = q.where(PartsOrder.case_id == case_id)
            return [_view(o) for o in s.scalars(_with_children(q.limit(limit)))]

    def last_battery_order(self, hmsnr: str, serial: str) -> dt.datetime | None:
        with self._db.session() as s:
            return _last_battery_order(s, hmsnr, serial)

    # commands --------------------------------------------------------------

    def create(self, draft: OrderDraft) -> OrderResult:
        """Validate and store in one locked transaction; raises OrderRefused with every violation."""
        key = (draft.request_key or "").strip() or None
        try:
            with self._db.session() as s:
                _lock_device(s, draft.hmsnr.strip(), draft.serial.strip())
                if key is not None:
                    existing = s.scalar(_with_children(select(PartsOrder).where(PartsOrder.request_key == key)))
                    if existing is not None:
                        log.info("order %s already made for this request", existing.number)
                        return OrderResult(_view(existing), created=False)
                now = self._clock()
                facts, parts, municipality = self._facts(s, draft, now)
                violations = rules.evaluate(facts, now, local_date(now))
                if violations:
                    log.info("order refused: %s", ", ".join(v.code for v in violations))
                    raise OrderRefused(violations)
                order = self._insert(s, draft, facts, parts, municipality, key, now)
                s.commit()
                log.info("order %s created (%d lines)", order.number, len(order.lines))
                return OrderResult(_view(order), created=True)
        except IntegrityError:
            if key is None:
                raise
            with self._db.session() as s:      # the same key won a race on another device lock
                existing = s.scalar(_with_children(select(PartsOrder).where(PartsOrder.request_key == key)))
                if existing is None:
                    raise
                return OrderResult(_view(existing), created=False)

    def change_status(self, number: str, new_status: OrderStatus | str, by: str) -> OrderView:
        """Move an order forward (or to ANNULLERT from an open state); never backwards."""
        by = check_identifier(by, "by", required=True)     # an ident, never a name or a national ID
        try:
            new = OrderStatus(new_status)
        except ValueError:
            raise HmsError("Ukjent status. Bruk REGISTRERT, KLARGJORT, DELVIS_SKIPNINGSBEKREFTET, "
                           "SKIPNINGSBEKREFTET, LUKKET eller ANNULLERT.", code="UKJENT_STATUS") from None
        with self._db.session() as s:
            _begin_write(s, f"delbestilling-status:{number}")
            order = s.scalar(_with_children(
                select(PartsOrder).where(PartsOrder.number == number).with_for_update()))
            if order is None:
                raise NotFound(f"Fant ingen bestilling med nummer {number}.")
            current = OrderStatus(order.status)
            if not nav.can_move(current, new):
                raise HmsError(
                    f"Bestilling {number} kan ikke endres fra «{STATUS_TEXT[current]}» til "
                    f"«{STATUS_TEXT[new]}». Status kan bare gå fremover, og en lukket eller "
                    "annullert bestilling kan ikke endres.",
                    code="UGYLDIG_STATUSENDRING", field="status")
            now = self._clock()
            order.status = new.value
            order.history.append(OrderStatusChange(status=new.value, at=now, by=by))
            audit.record(s, by, "status_changed", "parts_order", number, f"{current.value} -> {new.value}")
            s.commit()
            return _view(order)

    def confirm_line_shipped(self, number: str, line: str | int, shipped_on: dt.date, by: str) -> OrderView:
        """OeBS confirms that a line was shipped on ``shipped_on`` (NAV's ``oppdaterDellinjeStatus``).

        ``line`` is the part's HMS-nr (every line with it, as NAV) or the line's
        number (1, 2, ...; for an unknown part without HMS-nr).  The order then
        moves forward to DELVIS_SKIPNINGSBEKREFTET, or SKIPNINGSBEKREFTET when
        every line is shipped.
        """
        with self._db.session() as s:
            _begin_write(s, f"delbestilling-status:{number}")
            order = s.scalar(_with_children(
                select(PartsOrder).where(PartsOrder.number == number).with_for_update()))
            if order is None:
                raise NotFound(f"Fant ingen bestilling med nummer {number}.")
            current = OrderStatus(order.status)
            if nav.is_shipped_or_final(current):
                raise HmsError(
                    f"Bestilling {number} har status «{STATUS_TEXT[current]}»; skipningsbekreftelse for "
                    "enkeltlinjer tas ikke imot lenger.", code="LINJE_KAN_IKKE_SKIPNINGSBEKREFTES")
            targets = _lines_named(order.lines, line)
            if not targets:
                raise NotFound(f"Bestilling {number} har ingen linje {line}.")
            for target in targets:
                target.status = nav.LineStatus.SKIPNINGSBEKREFTET.value
                target.shipped_on = shipped_on
            all_shipped = all(ln.status == nav.LineStatus.SKIPNINGSBEKREFTET.value for ln in order.lines)
            new = OrderStatus.SKIPNINGSBEKREFTET if all_shipped else OrderStatus.DELVIS_SKIPNINGSBEKREFTET
            now = self._clock()
            if nav.can_move(current, new):
                order.status = new.value
                order.history.append(OrderStatusChange(status=new.value, at=now, by=by))
            audit.record(s, by, "line_shipped", "parts_order", number,
                         f"linje {line} skipningsbekreftet {shipped_on.isoformat()}")
            s.commit()
            return _view(order)

    # internals -------------------------------------------------------------

    def _facts(self, s: Session, draft: OrderDraft, now: dt.datetime
               ) -> tuple[rules.OrderFacts, dict[str, PartInfo], str]:
        hmsnr, serial = draft.hmsnr.strip(), draft.serial.strip()
        identity_ok = not rules.check_identity(hmsnr, serial)
        loan_found = False
        device_unit: str | None = None
        created: dt.date | None = None
        iso: str | None = None
        municipality = ""
        parts: dict[str, PartInfo] = {}
        recent: tuple[dt.datetime, ...] = ()
        last_battery: dt.date | None = None
        if identity_ok:
            row = s.execute(
                select(Device, Loan, Municipality)
                .join(Loan, Loan.device_id == Device.id)
                .outerjoin(Municipality, Municipality.number == Loan.municipality)
                .where(Device.hmsnr == hmsnr, Device.serial == serial)
            ).first()
            product = s.get(Product, hmsnr)
            if row is not None:
                device, loan, muni = row
                loan_found = True
                municipality = loan.municipality or ""
                device_unit = muni.hms_unit if muni is not None else None
                created = device.created_date
                iso = device.iso_category or None
            if iso is None and product is not None:
                iso = product.iso_category or None
            parts = {p.hmsnr: p for p in parts_for_device(s, hmsnr, iso)}
            recent = tuple(s.scalars(
                select(PartsOrder.created_at).where(
                    PartsOrder.orderer == draft.orderer, PartsOrder.hmsnr == hmsnr, PartsOrder.serial == serial,
                    PartsOrder.created_at > now - dt.timedelta(hours=24))))
            last = _last_battery_order(s, hmsnr, serial)
            last_battery = local_date(last) if last is not None else None

        facts = rules.OrderFacts(
            hmsnr=hmsnr, serial=serial, orderer=draft.orderer, orderer_hms_unit=draft.orderer_hms_unit,
            delivery=resolve_delivery(draft.delivery, municipality),
            lines=tuple(_line_facts(line, parts) for line in draft.lines),
            battery_training_confirmed=draft.battery_training_confirmed, loan_found=loan_found,
            device_hms_unit=device_unit, device_created=created, iso=iso,
            last_battery_order=last_battery, recent_orders=recent, municipality=municipality,
        )
        return facts, parts, municipality

    def _insert(self, s: Session, draft: OrderDraft, facts: rules.OrderFacts, parts: dict[str, PartInfo],
                municipality: str, key: str | None, now: dt.datetime) -> PartsOrder:
        order = PartsOrder(
            number=f"tmp-{uuid.uuid4().hex[:28]}",
            case_id=draft.case_id, hmsnr=facts.hmsnr, serial=facts.serial, orderer=draft.orderer,
            municipality=municipality, hms_unit=facts.device_hms_unit or "", delivery=facts.delivery,
            status=OrderStatus.INNSENDT.value, created_at=now, has_battery=facts.has_battery,
            snapshot_id=draft.snapshot_id, request_key=key,
        )
        for line, lf in zip(draft.lines, facts.lines, strict=True):
            part = None if line.unknown_part else parts.get(line.part_hmsnr or "")
            order.lines.append(OrderLine(
                part_hmsnr=(line.part_hmsnr or "").strip() or None,
                supplier_ref=(line.supplier_ref or "").strip() or (part.supplier_ref if part else ""),
                description=(line.description or "").strip() or (part.name if part else ""),
                category=lf.category, quantity=line.quantity, unknown_part=line.unknown_part,
            ))
        order.history.append(OrderStatusChange(status=OrderStatus.INNSENDT.value, at=now, by=draft.orderer))
        s.add(order)
        s.flush()
        order.number = f"D-{now.year}-{order.id:06d}"
        audit.record(s, draft.orderer, "created", "parts_order", order.number,
                     f"{len(order.lines)} linjer, levering {facts.delivery}")
        s.flush()
        return order


# --- export ------------------------------------------------------------------

def to_export_dict(order: OrderView) -> dict:
    """The order for JSON export: device, lines (with NAV's per-line shipping status), status
    history, area, and the text NAV sends to OeBS.  No personal data."""
    return {
        "bestillingsnummer": order.number,
        "hjelpemiddel": {"hmsnr": order.hmsnr, "serienr": order.serial},
        "kommune": order.municipality,
        "hms_enhet": order.hms_unit,
        "hms_enhet_navn": nav.HMS_UNITS.get(order.hms_unit, ""),
        "levering": order.delivery,
        "levering_tekst": order.delivery_text,
        "forsendelsesinfo": order.shipping_info,
        "bestiller": order.orderer,
        "opprettet": order.created_at.isoformat(),
        "status": order.status,
        "status_tekst": order.plain_status_text,
        "har_batteri": order.has_battery,
        "linjer": [
            {"hmsnr": line.part_hmsnr, "lev_art_nr": line.supplier_ref, "beskrivelse": line.description,
             "kategori": line.category, "antall": line.quantity, "ukjent_del": line.unknown_part,
             "status": line.status, "status_tekst": line.status_text,
             "skipningsbekreftet": line.shipped_on.isoformat() if line.shipped_on else None,
             "forventet_levering": line.expected_delivery.isoformat() if line.expected_delivery else None,
             "forventet_levering_tekst": line.expected_delivery_text}
            for line in order.lines
        ],
        "statushistorikk": [
            {"status": h.status, "tidspunkt": h.at.isoformat(), "av": h.by} for h in order.history
        ],
    }


CSV_COLUMNS = ("bestillingsnummer", "hmsnr", "serienr", "kommune", "hms_enhet", "levering", "bestiller",
               "opprettet", "status", "del_hmsnr", "lev_art_nr", "beskrivelse", "kategori", "antall",
               "ukjent_del", "linjestatus", "skipningsbekreftet", "forventet_levering")


def to_export_rows(order: OrderView) -> list[dict[str, str | int | bool | None]]:
    """One flat row per order line (columns ``CSV_COLUMNS``) for CSV export."""
    head = {"bestillingsnummer": order.number, "hmsnr": order.hmsnr, "serienr": order.serial,
            "kommune": order.municipality, "hms_enhet": order.hms_unit, "levering": order.delivery,
            "bestiller": order.orderer, "opprettet": order.created_at.isoformat(), "status": order.status}
    return [{**head, "del_hmsnr": line.part_hmsnr, "lev_art_nr": line.supplier_ref,
             "beskrivelse": line.description, "kategori": line.category, "antall": line.quantity,
             "ukjent_del": line.unknown_part, "linjestatus": line.status_text,
             "skipningsbekreftet": line.shipped_on.isoformat() if line.shipped_on else None,
             "forventet_levering": line.expected_delivery.isoformat() if line.expected_delivery else None}
            for line in order.lines]


# --- helpers -------------------------------------------------------------

def resolve_delivery(delivery: str | None, municipality: str) -> str:
    """The draft's delivery in our words; none chosen → NAV's choice for the municipality
    (its screen asks only where there is an XK-lager)."""
    chosen = nav.normalise_delivery(delivery)
    if chosen:
        return chosen
    return nav.DELIVERY_XK if nav.has_xk_lager(municipality) else nav.DELIVERY_SERVICE


def _lines_named(lines: Sequence[OrderLine], ref: str | int) -> list[OrderLine]:
    text = str(ref).strip()
    if len(text) == 6 and text.isdigit():
        return [ln for ln in lines if ln.part_hmsnr == text]
    if text.isdigit() and 1 <= int(text) <= len(lines):
        return [lines[int(text) - 1]]
    return []


def _line_facts(line: DraftLine, parts: dict[str, PartInfo]) -> rules.LineFacts:
    hmsnr = (line.part_hmsnr or "").strip() or None
    if line.unknown_part:
        desc = (line.description or "").strip()
        return rules.LineFacts(quantity=line.quantity, category=rules.category_from_name(desc), name=desc,
                               part_hmsnr=hmsnr, supplier_ref=line.supplier_ref, unknown_part=True)
    part = parts.get(hmsnr or "")
    if part is None:
        desc = (line.description or "").strip()
        return rules.LineFacts(quantity=line.quantity, category=rules.category_from_name(desc), name=desc,
                               part_hmsnr=hmsnr, supplier_ref=line.supplier_ref, max_qty=None)
    return rules.LineFacts(quantity=line.quantity, category=part.category, name=part.name,
                           part_hmsnr=part.hmsnr, supplier_ref=part.supplier_ref, max_qty=part.max_qty,
                           is_accessory=part.is_accessory, accessory_on_device=line.accessory_on_device)


def _last_battery_order(s: Session, hmsnr: str, serial: str) -> dt.datetime | None:
    """Newest battery order for the device (any orderer); annulled orders delivered nothing.

    Deliberate difference: NAV (``BerikMedDagerSidenForrigeBatteribestilling``)
    counts a cancelled battery order too, so a cancelled order blocks a new
    battery for a year there.
    """
    return s.scalar(select(func.max(PartsOrder.created_at)).where(
        PartsOrder.hmsnr == hmsnr, PartsOrder.serial == serial, PartsOrder.has_battery.is_(True),
        PartsOrder.status != OrderStatus.ANNULLERT.value))


def _lock_device(s: Session, hmsnr: str, serial: str) -> None:
    _begin_write(s, f"delbestilling:{hmsnr}:{serial}")


def _begin_write(s: Session, lock_key: str) -> None:
    """Start the session's transaction holding a write lock; must be its first statement.

    SQLite: ``BEGIN IMMEDIATE`` takes the database's write lock now (waiting
    up to ``busy_timeout``), so reads made inside the transaction stay true
    until commit.  PostgreSQL: a transaction-scoped advisory lock on the key.
    """
    dialect = s.get_bind().dialect.name
    if dialect == "sqlite":
        s.connection().exec_driver_sql("BEGIN IMMEDIATE")
    elif dialect == "postgresql":
        s.execute(text("SELECT pg_advisory_xact_lock(hashtext(:key))"), {"key": lock_key})


def _with_children(stmt):
    return stmt.options(selectinload(PartsOrder.lines), selectinload(PartsOrder.history))


def _view(order: PartsOrder) -> OrderView:
    return OrderView(
        number=order.number, hmsnr=order.hmsnr, serial=order.serial, orderer=order.orderer,
        municipality=order.municipality, hms_unit=order.hms_unit, delivery=order.delivery,
        status=order.status, created_at=order.created_at, has_battery=order.has_battery,
        case_id=order.case_id, snapshot_id=order.snapshot_id,
        lines=tuple(OrderLineView(part_hmsnr=line.part_hmsnr, supplier_ref=line.supplier_ref,
                                  description=line.description, category=line.category,
                                  quantity=line.quantity, unknown_part=line.unknown_part,
                                  status=line.status, shipped_on=line.shipped_on,
                                  status_text=nav.line_status_plain(
                                      order.status, line.status == nav.LineStatus.SKIPNINGSBEKREFTET.value))
                    for line in order.lines),
        history=tuple(StatusChangeView(status=h.status, at=h.at, by=h.by) for h in order.history),
    )
