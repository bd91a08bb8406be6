"""NAV facts: HMS storage units, loan types, article statuses, warranty."""

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

LOAN_TYPES: dict[str, str] = {
    "P": "Permanent utlån",
    "F": "Tidsbestemt utlån",
    "K": "Korttidsutlån",
    "U": "Utprøvingslån",
}

ARTICLE_STATUSES = ("I utlån", "Til reparasjon")


def iso_family(iso: str | None) -> str:
    return (iso or "")[:4]


def warranty_years(iso: str | None) -> int:
    """3 years for electric wheelchairs (ISO 1223), otherwise 2."""
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
    """Statuses only move forward; ANNULLERT from any open state; terminal states stay."""
    if current in (OrderStatus.LUKKET, OrderStatus.ANNULLERT):
        return False
    if new is OrderStatus.ANNULLERT:
        return True
    return _ORDER_FLOW.index(new) > _ORDER_FLOW.index(current)


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
