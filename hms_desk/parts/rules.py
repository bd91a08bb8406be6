"""NAV's rules for parts orders, one pure function each.

The rules mirror NAV's open-source parts service (``navikt/hm-delbestilling-api``):

* category = first word of the part name; ``Batteri`` lines are batteries;
* default quantity 2 for Dekk/Hjul/Svinghjul/Batteri/Drivhjul, else 1;
* max quantity 4, batteries 1 for person lifts (ISO 1236) and 2 for electric
  wheelchairs (ISO 1223); a lower catalogue maximum wins (8 = never decided);
* at least one line, every quantity 1..max; battery lines need the
  technician's confirmation of battery-change training;
* no battery while the device is under warranty (3 years for ISO 1223, else 2,
  from the created date) or if a battery was ordered less than 365 days ago;
* at most 5 orders per orderer + device in 24 hours;
* no loan → ``INGET_UTLÅN``; another HMS unit → ``ULIK_GEOGRAFISK_TILKNYTNING``.

Inputs are plain values and the time is passed in, so every rule is testable
at its boundary without a database or a clock.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from hms_desk.domain import nav
from hms_desk.domain.errors import INGET_UTLAN_TEXT, ValidationError
from hms_desk.domain.personal_data import PersonalDataError, check_free_text, check_identifier
from hms_desk.domain.validation import validate_hmsnr, validation_errors

# --- constants -------------------------------------------------------------

BATTERY = "Batteri"
DEFAULT_QTY_TWO = frozenset({"Dekk", "Hjul", "Svinghjul", "Batteri", "Drivhjul"})
MAX_QTY = 4
UNKNOWN_PART_MAX_QTY = 4
CATALOG_MAX_UNDECIDED = 8          # parts.csv: "maks_antall 8" = never decided upstream
ISO_PERSON_LIFT = "1236"
ISO_ELECTRIC_WHEELCHAIR = "1223"
MAX_ORDERS_PER_24H = 5
BATTERY_BLOCK_DAYS = 365
DELIVERIES = ("kommunelager", "servicejobb")

# --- codes (NAV's where NAV has one) ----------------------------------------

INGEN_DELER = "INGEN_DELER"
UGYLDIG_ANTALL = "UGYLDIG_ANTALL"
FOR_MANGE = "FOR_MANGE"
BATTERI_OPPLAERING_MANGLER = "BATTERI_OPPLÆRING_MANGLER"
BATTERI_BESTILT_SISTE_AAR = "BATTERI_BESTILT_SISTE_ÅR"
GARANTI = "GARANTI"
FOR_MANGE_BESTILLINGER = "FOR_MANGE_BESTILLINGER_SISTE_24_TIMER"
INGET_UTLAN = "INGET_UTLÅN"
ULIK_GEOGRAFISK_TILKNYTNING = "ULIK_GEOGRAFISK_TILKNYTNING"
UGYLDIG_HMSNR = "UGYLDIG_HMSNR"
UGYLDIG_SERIENR = "UGYLDIG_SERIENR"
UGYLDIG_LEVERING = "UGYLDIG_LEVERING"
UGYLDIG_HMS_ENHET = "UGYLDIG_HMS_ENHET"
MANGLER_BESTILLER = "MANGLER_BESTILLER"
DEL_PASSER_IKKE = "DEL_PASSER_IKKE"
DUPLIKAT_DEL = "DUPLIKAT_DEL"
UKJENT_DEL_MANGLER_NUMMER = "UKJENT_DEL_MANGLER_NUMMER"
UKJENT_DEL_MANGLER_BESKRIVELSE = "UKJENT_DEL_MANGLER_BESKRIVELSE"
PERSONOPPLYSNINGER = "PERSONOPPLYSNINGER"
UGYLDIG_BESTILLER = "UGYLDIG_BESTILLER"
FOR_LANG = "FOR_LANG"


@dataclass(frozen=True)
class RuleViolation:
    """One broken rule: stable ``code``, Norwegian text, the field and/or line (0-based)."""

    code: str
    message_nb: str
    field: str | None = None
    line: int | None = None

    def to_dict(self) -> dict[str, str | int | None]:
        return {"code": self.code, "message": self.message_nb, "field": self.field, "line": self.line}


# --- part facts --------------------------------------------------------------

def category_from_name(name: str) -> str:
    """NAV: the category is the first word of the part name ("Batteri 12V ..." → "Batteri")."""
    words = (name or "").split()
    return words[0] if words else "Annet"


def is_battery(category: str) -> bool:
    return category == BATTERY


def default_quantity(category: str) -> int:
    return 2 if category in DEFAULT_QTY_TWO else 1


def max_quantity(category: str, iso: str | None, catalog_max: int | None = None) -> int:
    """The most of one part a single order may hold for a device with ISO code ``iso``.

    4 in general; batteries 1 for person lifts (ISO 1236), 2 for electric
    wheelchairs (ISO 1223).  A lower catalogue maximum wins; the catalogue's
    8 ("never decided") and missing/invalid values do not restrict.
    """
    limit = MAX_QTY
    if is_battery(category):
        family = nav.iso_family(iso)
        if family == ISO_PERSON_LIFT:
            limit = 1
        elif family == ISO_ELECTRIC_WHEELCHAIR:
            limit = 2
    if catalog_max is not None and 1 <= catalog_max < CATALOG_MAX_UNDECIDED:
        limit = min(limit, catalog_max)
    return limit


# --- order facts (plain values gathered by the order service) ---------------

@dataclass(frozen=True)
class LineFacts:
    """One order line as the rules see it.

    ``max_qty`` is the device-adjusted maximum for a catalogue part, or None
    when a line claims to be a catalogue part that is not in the device's list.
    """

    quantity: int
    category: str
    name: str
    part_hmsnr: str | None = None
    supplier_ref: str = ""
    unknown_part: bool = False
    max_qty: int | None = None


@dataclass(frozen=True)
class OrderFacts:
    hmsnr: str
    serial: str
    orderer: str
    orderer_hms_unit: str
    delivery: str
    lines: tuple[LineFacts, ...]
    battery_training_confirmed: bool
    loan_found: bool
    device_hms_unit: str | None = None
    device_created: dt.date | None = None
    iso: str | None = None
    last_battery_order: dt.date | None = None
    recent_orders: tuple[dt.datetime, ...] = ()   # this orderer + device; filtered by check_order_rate

    @property
    def has_battery(self) -> bool:
        return any(is_battery(line.category) for line in self.lines)


# --- the rules -------------------------------------------------------------

def check_identity(hmsnr: str, serial: str) -> list[RuleViolation]:
    """NAV: both exactly 6 digits ("Hmsnr må ha 6 siffer", "Serienr skal kun bestå av tall" ...)."""
    codes = {"hmsnr": UGYLDIG_HMSNR, "serienr": UGYLDIG_SERIENR}
    return [RuleViolation(codes.get(e.field or "", "UGYLDIG"), e.message, field=e.field)
            for e in validation_errors(hmsnr, serial)]


def check_orderer(orderer: str, orderer_hms_unit: str) -> list[RuleViolation]:
    """The orderer is an employee ident or initials (never a name or a national ID number)."""
    out: list[RuleViolation] = []
    if not (orderer or "").strip():
        out.append(RuleViolation(MANGLER_BESTILLER, "Bestiller mangler.", field="orderer"))
    else:
        try:
            check_identifier(orderer, "orderer")
        except ValidationError as e:
            out.append(RuleViolation(PERSONOPPLYSNINGER if isinstance(e, PersonalDataError) else UGYLDIG_BESTILLER,
                                     e.message, field="orderer"))
    if orderer_hms_unit not in nav.HMS_UNITS:
        shown = f" «{orderer_hms_unit}»" if len(orderer_hms_unit or "") == 4 and orderer_hms_unit.isdigit() else ""
        out.append(RuleViolation(
            UGYLDIG_HMS_ENHET,
            f"Ukjent hjelpemiddelsentral{shown}. Velg din hjelpemiddelsentral i innstillingene.",
            field="orderer_hms_unit"))
    return out


def check_delivery(delivery: str) -> list[RuleViolation]:
    if delivery in DELIVERIES:
        return []
    return [RuleViolation(UGYLDIG_LEVERING, "Du må velge levering.", field="delivery")]


def check_has_lines(lines: Sequence[LineFacts]) -> list[RuleViolation]:
    if lines:
        return []
    return [RuleViolation(INGEN_DELER, "Bestillingen må ha minst én del.", field="lines")]


def check_quantities(lines: Sequence[LineFacts], iso: str | None) -> list[RuleViolation]:
    """Every quantity ≥ 1 and ≤ the line's maximum (unknown parts: 4, batteries by ISO)."""
    out: list[RuleViolation] = []
    for i, line in enumerate(lines):
        label = _line_label(i, line)
        if line.quantity < 1:
            out.append(RuleViolation(UGYLDIG_ANTALL, f"Antall må være minst 1 ({label}).",
                                     field="quantity", line=i))
            continue
        limit = _line_max(line, iso)
        if limit is not None and line.quantity > limit:
            out.append(RuleViolation(
                FOR_MANGE, f"Du kan bestille høyst {limit} stk. ({label}).", field="quantity", line=i))
    return out


def check_lines_in_catalogue(lines: Sequence[LineFacts]) -> list[RuleViolation]:
    """A catalogue line must name a part in the device's list, and each part only once."""
    out: list[RuleViolation] = []
    for i, line in enumerate(lines):
        if not line.unknown_part and line.max_qty is None:
            out.append(RuleViolation(
                DEL_PASSER_IKKE,
                f"Delen {_shown_hmsnr(line.part_hmsnr)} står ikke i delelisten for dette "
                "hjelpemiddelet. Bestill den som ukjent del med beskrivelse.",
                field="part_hmsnr", line=i))
    counts = Counter(line.part_hmsnr for line in lines if line.part_hmsnr)
    for i, line in enumerate(lines):
        if line.part_hmsnr and counts[line.part_hmsnr] > 1:
            first = next(j for j, other in enumerate(lines) if other.part_hmsnr == line.part_hmsnr)
            if i != first:
                out.append(RuleViolation(
                    DUPLIKAT_DEL,
                    f"Delen {_shown_hmsnr(line.part_hmsnr)} står på flere linjer. Slå linjene sammen.",
                    field="part_hmsnr", line=i))
    return out


def _shown_hmsnr(value: str | None) -> str:
    """An HMS-nr as it may appear in a message: 6 digits, never whatever was typed."""
    v = (value or "").strip()
    if not v:
        return "(uten HMS-nr)"
    return v if len(v) == 6 and v.isdigit() and v.isascii() else "(ugyldig HMS-nr)"


def check_unknown_part(index: int, line: LineFacts) -> list[RuleViolation]:
    """A part not in the catalogue: HMS-nr (6 digits) or supplier art.no., and a description."""
    if not line.unknown_part:
        return []
    out: list[RuleViolation] = []
    hmsnr = (line.part_hmsnr or "").strip()
    ref = (line.supplier_ref or "").strip()
    if not hmsnr and not ref:
        out.append(RuleViolation(
            UKJENT_DEL_MANGLER_NUMMER,
            f"Linje {index + 1}: oppgi HMS-nr eller leverandørens artikkelnummer for delen.",
            field="part_hmsnr", line=index))
    elif hmsnr:
        try:
            validate_hmsnr(hmsnr)
        except ValidationError as e:
            out.append(RuleViolation(UGYLDIG_HMSNR, f"Linje {index + 1}: {e.message}",
                                     field="part_hmsnr", line=index))
    if not (line.name or "").strip():
        out.append(RuleViolation(
            UKJENT_DEL_MANGLER_BESKRIVELSE, f"Linje {index + 1}: beskriv delen du trenger.",
            field="description", line=index))
    for field, text in (("description", line.name), ("supplier_ref", line.supplier_ref)):
        try:
            check_free_text(text or "", field=field)
        except ValidationError as e:     # the order goes to the order office: no personal data, fits the form
            code = PERSONOPPLYSNINGER if isinstance(e, PersonalDataError) else e.code
            out.append(RuleViolation(code, f"Linje {index + 1}: {e.message}", field=field, line=index))
    return out


def check_battery_training(has_battery: bool, confirmed: bool) -> list[RuleViolation]:
    """NAV's text: "Tekniker må bekrefte opplæring i bytting av batteriene"."""
    if has_battery and not confirmed:
        return [RuleViolation(BATTERI_OPPLAERING_MANGLER,
                              "Tekniker må bekrefte opplæring i bytting av batteriene",
                              field="battery_training_confirmed")]
    return []


def days_since(day: dt.date, today: dt.date) -> int:
    return (today - day).days


def check_battery_recently_ordered(has_battery: bool, last_battery_order: dt.date | None,
                                   today: dt.date) -> list[RuleViolation]:
    """NAV: a battery has one year's own warranty; blocked while fewer than 365 days have passed."""
    if not has_battery or last_battery_order is None:
        return []
    days = days_since(last_battery_order, today)
    if days >= BATTERY_BLOCK_DAYS:
        return []
    allowed = last_battery_order + dt.timedelta(days=BATTERY_BLOCK_DAYS)
    return [RuleViolation(
        BATTERI_BESTILT_SISTE_AAR,
        f"Det ble bestilt batteri til dette hjelpemiddelet for {days} dager siden "
        f"({last_battery_order:%d.%m.%Y}). Batteriet er dekket av garanti i ett år, så nytt batteri kan "
        f"tidligst bestilles {allowed:%d.%m.%Y}. Ta kontakt med hjelpemiddelsentralen.",
        field="lines")]


def check_battery_warranty(has_battery: bool, created: dt.date | None, iso: str | None,
                           today: dt.date) -> list[RuleViolation]:
    """No battery while the device is under warranty (3 years for ISO 1223, else 2)."""
    if not has_battery or not nav.under_warranty(created, iso, today):
        return []
    end = nav.warranty_end(created, iso)
    assert end is not None
    return [RuleViolation(
        GARANTI,
        f"Hjelpemiddelet er innenfor garantitiden ({nav.warranty_years(iso)} år, til {end:%d.%m.%Y}). "
        "Batteriet kan være dekket av garantien og kan ikke bestilles her. "
        "Ta kontakt med hjelpemiddelsentralen.",
        field="lines")]


def orders_in_last_24h(order_times: Iterable[dt.datetime], now: dt.datetime) -> int:
    """NAV counts orders created strictly after ``now - 24 h``."""
    since = now - dt.timedelta(hours=24)
    return sum(1 for t in order_times if t > since)


def check_order_rate(order_times: Iterable[dt.datetime], now: dt.datetime) -> list[RuleViolation]:
    """At most 5 orders per orderer + device (HMS-nr + serienr) in 24 hours."""
    if orders_in_last_24h(order_times, now) < MAX_ORDERS_PER_24H:
        return []
    return [RuleViolation(
        FOR_MANGE_BESTILLINGER,
        f"Du kan kun sende inn {MAX_ORDERS_PER_24H} bestillinger per artikkelnr+serienr per døgn.")]


def check_loan(loan_found: bool) -> list[RuleViolation]:
    if loan_found:
        return []
    return [RuleViolation(INGET_UTLAN, INGET_UTLAN_TEXT)]


def check_geography(orderer_hms_unit: str, device_hms_unit: str | None) -> list[RuleViolation]:
    """NAV refuses orders for a user outside the orderer's area.

    Here the area is the HMS unit: the unit of the loan's municipality must be
    the orderer's unit.
    """
    if device_hms_unit and device_hms_unit == orderer_hms_unit:
        return []
    if not device_hms_unit:
        text = ("Vi finner ikke hvilken hjelpemiddelsentral utlånet hører til, og kan derfor ikke "
                "sende bestillingen. Ta kontakt med hjelpemiddelsentralen.")
    else:
        text = ("Du kan ikke bestille deler til et hjelpemiddel som hører til en annen "
                f"hjelpemiddelsentral. Utlånet hører til {_unit(device_hms_unit)}, "
                f"du er knyttet til {_unit(orderer_hms_unit)}.")
    return [RuleViolation(ULIK_GEOGRAFISK_TILKNYTNING, text)]


def evaluate(facts: OrderFacts, now: dt.datetime, today: dt.date) -> list[RuleViolation]:
    """All rules for one order, in the order a technician should fix them."""
    identity = check_identity(facts.hmsnr, facts.serial)
    out = list(identity)
    out += check_orderer(facts.orderer, facts.orderer_hms_unit)
    out += check_delivery(facts.delivery)
    out += check_has_lines(facts.lines)
    for i, line in enumerate(facts.lines):
        out += check_unknown_part(i, line)
    if not identity:                    # the device's part list is only known for a valid HMS-nr
        out += check_lines_in_catalogue(facts.lines)
    out += check_quantities(facts.lines, facts.iso)
    out += check_battery_training(facts.has_battery, facts.battery_training_confirmed)
    if identity:
        return out                      # no device to check against
    out += check_loan(facts.loan_found)
    if not facts.loan_found:
        return out
    out += check_geography(facts.orderer_hms_unit, facts.device_hms_unit)
    out += check_battery_warranty(facts.has_battery, facts.device_created, facts.iso, today)
    out += check_battery_recently_ordered(facts.has_battery, facts.last_battery_order, today)
    out += check_order_rate(facts.recent_orders, now)
    return out


# --- helpers -----------------------------------------------------------------

def _line_max(line: LineFacts, iso: str | None) -> int | None:
    if line.unknown_part:
        return max_quantity(line.category, iso, UNKNOWN_PART_MAX_QTY)
    return line.max_qty


def _line_label(i: int, line: LineFacts) -> str:
    name = (line.name or line.part_hmsnr or line.supplier_ref or "").strip()
    return f"linje {i + 1}: {name}" if name else f"linje {i + 1}"


def _unit(code: str) -> str:
    name = nav.HMS_UNITS.get(code)
    return f"{code} {name}" if name else (code or "ingen hjelpemiddelsentral")
