"""NAV facts: HMS storage units, loan types, article statuses, warranty, order
statuses and their plain texts, delivery, working days.

Sources are NAV's parts service (``navikt/hm-delbestilling-api``) and its
screen (``navikt/hm-delbestilling``); where we deliberately differ, the
function says so (and README.md, "NAV's rules").
"""

from __future__ import annotations

import datetime as dt
from enum import Enum

HMS_UNITS: dict[str, str] = {
    "4701": "Øst-Viken",
    "4703": "Oslo",
    "4704": "Elverum",
    "4705": "Gjøvik",
    "4706": "Vest-Viken",
    "4707": "Vestfold og Telemark",
    "4710": "Agder",
    "4711": "Rogaland",
    "4712": "Bergen",
    "4714": "Førde",
    "4715": "Møre og Romsdal",
    "4716": "Sør-Trøndelag",
    "4717": "Nord-Trøndelag",
    "4718": "Nordland",
    "4719": "Troms",
    "4720": "Finnmark",
}

#: NAV's HMS unit for the former Akershus county.  Its parts are stocked and
#: ordered through Oslo (``FinnLagerenhet``: "4702 = HMS Akershus, men når det
#: gjelder lagerstatus så håndteres dette av Oslo").
HMS_AKERSHUS = "4702"
HMS_TROMS_OG_FINNMARK = "4719"
HMS_TRONDELAG = "4716"


def storage_unit(municipality: str, hms_unit: str) -> str:
    """The storage unit (*lager*) that serves ``municipality`` whose NAV unit is ``hms_unit``.

    As NAV's ``FinnLagerenhet``: Akershus (4702) → 4703 Oslo; Troms og
    Finnmark (4719) → 4720 Finnmark for municipality numbers 56xx, else 4719
    Troms; any other unit is its own storage unit.  Trøndelag (4716) uses
    the Sør-Trøndelag storage unit for all its municipalities since NAV's
    change "Trøndelag bruker nå kun lageret i Sør-Trøndelag" (February 2026);
    4717 Nord-Trøndelag is kept as a unit but no municipality maps to it.
    """
    if hms_unit == HMS_AKERSHUS:
        return "4703"
    if hms_unit == HMS_TROMS_OG_FINNMARK:
        return "4720" if municipality[:2] == "56" else "4719"
    return hms_unit


LOAN_TYPES: dict[str, str] = {
    "P": "Permanent utlån",
    "F": "Tidsbestemt utlån",
    "K": "Korttidsutlån",
    "U": "Utprøvingslån",
}

ARTICLE_STATUSES = ("I utlån", "Til reparasjon")


def iso_family(iso: str | None) -> str:
    return (iso or "").strip()[:4]


def warranty_years(iso: str | None) -> int:
    """3 years for electric wheelchairs (ISO 1223), otherwise 2 (NAV's ``Garanti.kt``).

    Deliberate difference: NAV computes no warranty when OeBS has no ISO code
    (so a battery is never blocked); we use the product's ISO code then, and 2
    years when neither is known.
    """
    return 3 if iso_family(iso) == "1223" else 2


def warranty_end(created: dt.date | None, iso: str | None) -> dt.date | None:
    if created is None:
        return None
    years = warranty_years(iso)
    try:
        return created.replace(year=created.year + years)
    except ValueError:  # 29 February
        return created.replace(year=created.year + years, day=28)


def under_warranty(created: dt.date | None, iso: str | None, today: dt.date) -> bool:
    """From the created date (inclusive) to the end date (exclusive).

    Deliberate difference: NAV's ``Garanti.erInnenforGaranti`` needs
    ``start.isBefore(now)``, so on the created day itself a new device is
    *not* under warranty there (an off-by-one); here it is.  The end day is
    the same in both: no longer under warranty.
    """
    end = warranty_end(created, iso)
    return end is not None and today < end


class OrderStatus(str, Enum):
    INNSENDT = "INNSENDT"
    REGISTRERT = "REGISTRERT"
    KLARGJORT = "KLARGJORT"
    DELVIS_SKIPNINGSBEKREFTET = "DELVIS_SKIPNINGSBEKREFTET"
    SKIPNINGSBEKREFTET = "SKIPNINGSBEKREFTET"
    LUKKET = "LUKKET"
    ANNULLERT = "ANNULLERT"


_ORDER_FLOW = [
    OrderStatus.INNSENDT,
    OrderStatus.REGISTRERT,
    OrderStatus.KLARGJORT,
    OrderStatus.DELVIS_SKIPNINGSBEKREFTET,
    OrderStatus.SKIPNINGSBEKREFTET,
    OrderStatus.LUKKET,
]


def can_move(current: OrderStatus, new: OrderStatus) -> bool:
    """Statuses only move forward; ANNULLERT from any open state; terminal states stay.

    NAV (``DelbestillingSak.oppdaterStatus``) compares enum positions, in which
    ANNULLERT comes before LUKKET: a cancelled order can still be closed there.
    Deliberately not here: ANNULLERT and LUKKET are both final.
    """
    if current in (OrderStatus.LUKKET, OrderStatus.ANNULLERT):
        return False
    if new is OrderStatus.ANNULLERT:
        return True
    return _ORDER_FLOW.index(new) > _ORDER_FLOW.index(current)


def is_shipped_or_final(status: OrderStatus) -> bool:
    """NAV ignores a line's shipping confirmation once the order is here (SKIPNINGSBEKREFTET or later)."""
    return status in (OrderStatus.SKIPNINGSBEKREFTET, OrderStatus.LUKKET, OrderStatus.ANNULLERT)


class LineStatus(str, Enum):
    """NAV's ``DellinjeStatus``: a line is shipped (picked at the storage unit) or not yet."""

    SKIPNINGSBEKREFTET = "SKIPNINGSBEKREFTET"


# --- NAV's plain texts (hm-delbestilling, translation.json) -------------------

RECEIVED_TEXT = "Mottatt hos NAV"
DELIVERED_TEXT = "Levert"
CANCELLED_TEXT = "Annullert"
PICKED_TEXT = "Plukket på lager"
READY_TO_PICK_TEXT = "Klar til plukk"
#: NAV shows no order status text for these two (it shows each line's instead); ours:
PARTLY_PICKED_TEXT = "Delvis plukket på lager"

ORDER_STATUS_PLAIN: dict[OrderStatus, str] = {
    OrderStatus.INNSENDT: RECEIVED_TEXT,
    OrderStatus.REGISTRERT: RECEIVED_TEXT,
    OrderStatus.KLARGJORT: RECEIVED_TEXT,
    OrderStatus.DELVIS_SKIPNINGSBEKREFTET: PARTLY_PICKED_TEXT,
    OrderStatus.SKIPNINGSBEKREFTET: PICKED_TEXT,
    OrderStatus.LUKKET: DELIVERED_TEXT,
    OrderStatus.ANNULLERT: CANCELLED_TEXT,
}


def order_status_plain(status: OrderStatus | str) -> str:
    """NAV's text for the order: "Mottatt hos NAV", "Levert", "Annullert" ..."""
    try:
        return ORDER_STATUS_PLAIN[OrderStatus(status)]
    except ValueError:
        return str(status)


def line_status_plain(order_status: OrderStatus | str, line_shipped: bool) -> str:
    """The text for one order line.

    A closed or cancelled order says so on every line ("Levert", "Annullert");
    otherwise a shipped line is "Plukket på lager", and the others "Klar til
    plukk" once the order is (partly) shipped, else "Mottatt hos NAV".
    """
    status = OrderStatus(order_status)
    if status in (OrderStatus.LUKKET, OrderStatus.ANNULLERT):
        return ORDER_STATUS_PLAIN[status]
    if line_shipped:
        return PICKED_TEXT
    if status in (OrderStatus.DELVIS_SKIPNINGSBEKREFTET, OrderStatus.SKIPNINGSBEKREFTET):
        return READY_TO_PICK_TEXT
    return RECEIVED_TEXT


NB_MONTHS = ("januar", "februar", "mars", "april", "mai", "juni", "juli", "august", "september",
             "oktober", "november", "desember")


def long_date(day: dt.date) -> str:
    """``2. oktober 2023`` (as NAV's screen writes dates)."""
    return f"{day.day}. {NB_MONTHS[day.month - 1]} {day.year}"


def expected_delivery_text(day: dt.date) -> str:
    """NAV's "Forventet levering 2. oktober 2023"."""
    return f"Forventet levering {long_date(day)}"


# --- working days and expected delivery --------------------------------------

#: NAV: a shipped line is expected one working day after the shipping date.
DELIVERY_WORKING_DAYS = 1


def easter_sunday(year: int) -> dt.date:
    """Easter Sunday (Gregorian calendar; the anonymous algorithm of Meeus/Jones/Butcher)."""
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l = (32 + 2 * e + 2 * i - h - k) % 7  # noqa: E741 - the algorithm's name
    m = (a + 11 * h + 22 * l) // 451
    month, day = divmod(h + l - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


def public_holidays(year: int) -> dict[dt.date, str]:
    """Norway's public holidays (*helligdager*) in ``year`` — the days NAV's calendar
    (bekkopen ``NorwegianDateUtil``) counts as holidays.  Christmas Eve and New
    Year's Eve are ordinary working days there, and so here."""
    easter = easter_sunday(year)
    day = dt.timedelta(days=1)
    return {
        dt.date(year, 1, 1): "Første nyttårsdag",
        easter - 3 * day: "Skjærtorsdag",
        easter - 2 * day: "Langfredag",
        easter: "Første påskedag",
        easter + day: "Andre påskedag",
        dt.date(year, 5, 1): "Arbeidernes dag",
        dt.date(year, 5, 17): "Grunnlovsdag",
        easter + 39 * day: "Kristi himmelfartsdag",
        easter + 49 * day: "Første pinsedag",
        easter + 50 * day: "Andre pinsedag",
        dt.date(year, 12, 25): "Første juledag",
        dt.date(year, 12, 26): "Andre juledag",
    }


def is_working_day(day: dt.date) -> bool:
    return day.weekday() < 5 and day not in public_holidays(day.year)


def add_working_days(day: dt.date, n: int) -> dt.date:
    """The date ``n`` working days after ``day`` (weekends and public holidays skipped)."""
    current = day
    while n > 0:
        current += dt.timedelta(days=1)
        if is_working_day(current):
            n -= 1
    return current


def expected_delivery(shipped_on: dt.date) -> dt.date:
    """NAV's ``beregnForventetLeveringsdato``: the shipping date plus one working day."""
    return add_working_days(shipped_on, DELIVERY_WORKING_DAYS)


# --- delivery ------------------------------------------------------------------

DELIVERY_XK = "kommunelager"          # NAV: TIL_XK_LAGER
DELIVERY_SERVICE = "servicejobb"      # NAV: TIL_SERVICE_OPPDRAG
DELIVERIES = (DELIVERY_XK, DELIVERY_SERVICE)
DELIVERY_ALIASES = {
    "kommunelager": DELIVERY_XK, "xk-lager": DELIVERY_XK, "xk": DELIVERY_XK, "til_xk_lager": DELIVERY_XK,
    "servicejobb": DELIVERY_SERVICE, "serviceoppdrag": DELIVERY_SERVICE,
    "til_service_oppdrag": DELIVERY_SERVICE,
}
#: NAV's texts on the order ("bestillinger.tilXKLager", "bestillinger.serviceOppdrag").
DELIVERY_TEXT = {DELIVERY_XK: "Til XK-lager", DELIVERY_SERVICE: "Brukes i serviceoppdrag"}

#: Municipalities with a municipal storage (XK-lager) parts can be delivered to
#: (NAV's ``XKLager.kt``, production: Oslo).  Elsewhere parts always go to the service job.
XK_LAGER_MUNICIPALITIES = frozenset({"0301"})


def has_xk_lager(municipality: str | None) -> bool:
    return (municipality or "") in XK_LAGER_MUNICIPALITIES


def normalise_delivery(value: str | None) -> str:
    """``"Til XK-lager"``, ``"TIL_XK_LAGER"``, ``"xk-lager"`` → ``kommunelager`` etc.;
    unknown values come back as given (the rules refuse them), empty as ``""``."""
    key = (value or "").strip().lower().replace(" ", "_")
    if key.startswith("til_") and key not in DELIVERY_ALIASES:
        key = key[4:]
    return DELIVERY_ALIASES.get(key, DELIVERY_ALIASES.get(key.replace("_", "-"), (value or "").strip()))


def shipping_info(delivery: str, orderer: str) -> str:
    """The text NAV sends to OeBS with the order (``genererForsendelsesinfo``):
    ``"XK-Lager Del bestilt av: …"`` for XK-lager, else ``"Del bestilt av: …"``.

    NAV writes the orderer's first name; HMS Desk stores no names, so the
    orderer's staff ident stands there.
    """
    prefix = "XK-Lager " if delivery == DELIVERY_XK else ""
    return f"{prefix}Del bestilt av: {orderer}"


class Decision(str, Enum):
    REPARER_LOKALT = "REPARER_LOKALT"
    SEND_INN = "SEND_INN"
    DELER_TRENGS = "DELER_TRENGS"
    NY_SAMTALE = "NY_SAMTALE"


DECISION_TEXT = {
    Decision.REPARER_LOKALT: "Repareres lokalt av kommunen",
    Decision.SEND_INN: "Sendes inn til HMS",
    Decision.DELER_TRENGS: "Deler må bestilles",
    Decision.NY_SAMTALE: "Ny samtale avtales",
}
