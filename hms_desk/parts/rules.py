"""NAV's rules for parts orders, one pure function each.

The rules mirror NAV's open-source parts service (``navikt/hm-delbestilling-api``)
and its screen (``navikt/hm-delbestilling``):

* category = first word of the part name, normalised by
  :func:`hms_desk.domain.categories.category_of` (case, spacing and
  punctuation do not matter); ``Batteri`` lines are batteries;
* default quantity 2 for Dekk/Hjul/Svinghjul/Batteri/Drivhjul, else 1;
* catalogue parts: max 4, batteries 1 for person lifts (ISO 1236) and 2 for
  electric wheelchairs (ISO 1223); hand-kept list parts: the list's maximum
  as it stands (up to 8); unknown parts: as catalogue parts, by the device;
* HMS-nr and serienr: every reason, in NAV's words ("Hmsnr må ha 6 siffer" ...);
* at least one line, every quantity 1..max; battery lines need the
  technician's confirmation of battery-change training;
* an accessory (the catalogue says so) only when it is already on the device;
* delivery to the municipality's XK-lager only where it has one;
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

from hms_desk.domain import categories, nav
from hms_desk.domain.errors import INGET_UTLAN_TEXT, ValidationError
from hms_desk.domain import i18n
from hms_desk.domain.personal_data import PersonalDataError, check_free_text, check_identifier
from hms_desk.domain.validation import validate_hmsnr, validation_errors

# --- constants -------------------------------------------------------------

BATTERY = categories.BATTERY
DEFAULT_QTY_TWO = categories.DEFAULT_TWO
MAX_QTY = categories.NAV_MAX
UNKNOWN_PART_MAX_QTY = 4
LIST_MAX_LIMIT = 99                # a hand-kept list's maximum is taken as it stands (NAV's list: up to 8)
ISO_PERSON_LIFT = categories.ISO_PERSON_LIFT
ISO_ELECTRIC_WHEELCHAIR = categories.ISO_ELECTRIC_WHEELCHAIR
MAX_ORDERS_PER_24H = 5
BATTERY_BLOCK_DAYS = 365
DELIVERIES = nav.DELIVERIES

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
INGEN_XK_LAGER = "INGEN_XK_LAGER"
TILBEHOR_MA_BESVARES = "TILBEHØR_MÅ_BESVARES"
TILBEHOR_IKKE_PA_HJELPEMIDLET = "TILBEHØR_IKKE_PÅ_HJELPEMIDLET"

# --- NAV's texts (hm-delbestilling-api Validation.kt, hm-delbestilling translation.json) ---

NO_LINES_TEXT = "Delbestillingen må inneholde minst én dellinje"
BATTERY_TRAINING_TEXT = "Tekniker må bekrefte opplæring i bytting av batteriene"
CHOOSE_DELIVERY_TEXT = "Du må velge levering."
WARRANTY_TEXT = ("Hjelpemiddelet er innenfor garantitid. Det er derfor ikke mulig å bestille nye batterier "
                 "via denne tjenesten. Ta kontakt med Nav hjelpemiddelsentral for å avklare om feilen "
                 "dekkes av garantien.")
BATTERY_YEAR_TEXT = ("Batteriene til dette hjelpemiddelet ble byttet for mindre enn ett år siden, og er "
                     "innenfor garantitid. Det er derfor ikke mulig å bestille nye batterier via denne "
                     "tjenesten. Ta kontakt med Nav hjelpemiddelsentral for å avklare om feilen dekkes av "
                     "garantien.")
BATTERY_TODAY_TEXT = ("Det er allerede bestilt batteri til dette hjelpemiddelet i dag. Ta kontakt med "
                      "Hjelpemiddelsentralen hvis det likevel er behov for nytt batteri.")
ACCESSORY_QUESTION_TEXT = "Du må svare på om tilbehøret finnes på hjelpemidlet fra før"
ACCESSORY_REFUSED_TEXT = ("Kan ikke bestilles: Når dette tilbehøret ikke er på hjelpemidlet allerede, kan det "
                          "ikke bestilles. Ta kontakt med fysio- eller ergoterapeut som kan melde behov til "
                          "Hjelpemiddelsentralen.")

UGYLDIG_BESTILLER = "UGYLDIG_BESTILLER"
FOR_LANG = "FOR_LANG"


@dataclass(frozen=True)
class RuleViolation:
    """One broken rule: stable ``code``, bokmål text, the field and/or line (0-based);
    ``message`` is the text in the user's language."""

    code: str
    message_nb: str
    field: str | None = None
    line: int | None = None

    @property
    def message(self) -> str:
        return i18n.t(self.message_nb)

    def to_dict(self) -> dict[str, str | int | None]:
        return {"code": self.code, "message": self.message, "field": self.field, "line": self.line}


# --- part facts --------------------------------------------------------------

def category_from_name(name: str) -> str:
    """NAV: the category is the first word of the part name ("batteri 12V ..." → "Batteri").

    The one rule is :func:`hms_desk.domain.categories.category_of`; this name stays for callers.
    """
    return categories.category_of(name)


def is_battery(category: str) -> bool:
    return categories.is_battery(category)


def default_quantity(category: str) -> int:
    return categories.default_quantity(category)


def max_quantity(category: str, iso: str | None, cap: int | None = None) -> int:
    """NAV's maximum of one part for a device with ISO code ``iso``, at most ``cap``.

    4 in general; batteries 1 for person lifts (ISO 1236), 2 for electric
    wheelchairs (ISO 1223).  A lower ``cap`` wins; a missing or invalid one
    (< 1) does not restrict.  (A hand-kept list's own maximum is taken as it
    stands: :func:`list_max_quantity`.)
    """
    limit = categories.nav_max_quantity(category, iso)
    if cap is not None and 1 <= cap:
        limit = min(limit, cap)
    return limit


def list_max_quantity(list_max: int | None) -> int:
    """The maximum of a part on the hand-kept list: the list's value (NAV lets you order up to it, 8
    included); a missing or nonsense value → 4."""
    if list_max is None or list_max < 1:
        return MAX_QTY
    return min(int(list_max), LIST_MAX_LIMIT)


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
    is_accessory: bool = False                 # the catalogue marks the part as an accessory
    accessory_on_device: bool | None = None    # the technician's answer: already on the device?


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
    municipality: str = ""                         # the loan's municipality (XK-lager or not)

    @property
    def has_battery(self) -> bool:
        return any(is_battery(line.category) for line in self.lines)


# --- the rules -------------------------------------------------------------

def check_identity(hmsnr: str, serial: str) -> list[RuleViolation]:
    """NAV: both exactly 6 digits; every reason of both fields, one violation each
    ("Hmsnr må ha 6 siffer", "Hmsnr skal kun bestå av tall", "Serienr må ha 6 siffer" ...)."""
    codes = {"hmsnr": UGYLDIG_HMSNR, "serienr": UGYLDIG_SERIENR}
    return [RuleViolation(codes.get(e.field or "", "UGYLDIG"), e.message_nb, field=e.field)
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
                                     e.message_nb, field="orderer"))
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
    return [RuleViolation(UGYLDIG_LEVERING, CHOOSE_DELIVERY_TEXT, field="delivery")]


def check_xk_lager(delivery: str, municipality: str) -> list[RuleViolation]:
    """NAV offers "Til XK-lager" only where the municipality has an XK-lager (``XKLager.kt``);
    elsewhere the parts are for the service job."""
    if delivery != nav.DELIVERY_XK or nav.has_xk_lager(municipality):
        return []
    return [RuleViolation(
        INGEN_XK_LAGER,
        f"Kommunen ({municipality or 'ukjent'}) har ikke XK-lager. Delene brukes i serviceoppdrag: "
        "velg levering til servicejobben.", field="delivery")]


def check_has_lines(lines: Sequence[LineFacts]) -> list[RuleViolation]:
    if lines:
        return []
    return [RuleViolation(INGEN_DELER, NO_LINES_TEXT, field="lines")]


def check_quantities(lines: Sequence[LineFacts], iso: str | None) -> list[RuleViolation]:
    """Every quantity ≥ 1 and ≤ the line's maximum (unknown parts: 4, batteries by ISO)."""
    out: list[RuleViolation] = []
    for i, line in enumerate(lines):
        label = _line_label(i, line)
        if line.quantity < 1:
            ref = line.part_hmsnr or line.supplier_ref or "(uten nummer)"
            out.append(RuleViolation(   # NAV's words (Validation.validateDeler)
                UGYLDIG_ANTALL, f"Kan ikke ha antall < 1. Fant antall={line.quantity} for hmsnr {ref}",
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
            out.append(RuleViolation(UGYLDIG_HMSNR, f"Linje {index + 1}: {e.message_nb}",
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
            out.append(RuleViolation(code, f"Linje {index + 1}: {e.message_nb}", field=field, line=index))
    return out


def check_accessories(lines: Sequence[LineFacts]) -> list[RuleViolation]:
    """NAV's screen: an accessory can only be ordered when it is already on the device
    ("Finnes dette tilbehøret på hjelpemidlet fra før?" must be answered yes)."""
    out: list[RuleViolation] = []
    for i, line in enumerate(lines):
        if line.unknown_part or not line.is_accessory or line.accessory_on_device is True:
            continue
        if line.accessory_on_device is None:
            out.append(RuleViolation(TILBEHOR_MA_BESVARES, ACCESSORY_QUESTION_TEXT,
                                     field="accessory_on_device", line=i))
        else:
            out.append(RuleViolation(TILBEHOR_IKKE_PA_HJELPEMIDLET, ACCESSORY_REFUSED_TEXT,
                                     field="accessory_on_device", line=i))
    return out


def check_battery_training(has_battery: bool, confirmed: bool) -> list[RuleViolation]:
    """NAV's text: "Tekniker må bekrefte opplæring i bytting av batteriene"."""
    if has_battery and not confirmed:
        return [RuleViolation(BATTERI_OPPLAERING_MANGLER, BATTERY_TRAINING_TEXT,
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
    nav_text = BATTERY_TODAY_TEXT if days <= 0 else BATTERY_YEAR_TEXT
    return [RuleViolation(
        BATTERI_BESTILT_SISTE_AAR,
        f"{nav_text} Det ble bestilt batteri for {days} dager siden ({last_battery_order:%d.%m.%Y}); "
        f"nytt batteri kan tidligst bestilles {allowed:%d.%m.%Y}.",
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
        f"{WARRANTY_TEXT} Garantien ({nav.warranty_years(iso)} år) varer til {end:%d.%m.%Y}.",
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
    out += check_accessories(facts.lines)
    out += check_battery_training(facts.has_battery, facts.battery_training_confirmed)
    if identity:
        return out                      # no device to check against
    out += check_loan(facts.loan_found)
    if not facts.loan_found:
        return out
    out += check_xk_lager(facts.delivery, facts.municipality)
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
