"""GS1 element strings: the raw text of a GS1-128 / GS1 DataMatrix / GS1 QR code.

``parse_gs1("0109501101020917\x1d10ABC\x1d21X1")`` splits the element string
into application identifiers (AI) and values and gives back the raw text (FNC1
separators as U+001D, the "group separator"), the bracketed human-readable
form ``(01)09501101020917(10)ABC(21)X1`` and one field per AI.

Lengths follow the GS1 General Specifications: the AIs whose length is fixed
(e.g. 00, 01, 11, 17, 310x, 8101) are cut at that length; every other value
runs to the next U+001D, the end or its maximum length.  Known AIs get a
Norwegian name; the rest are kept as ``AI nnnn``.  Dates (YYMMDD) are given in
ISO form as well (day 00 = the last day of the month; the century is the one
within −49/+50 years of today, as GS1 says).

Note what the fields are: (01) is the product's GTIN, not NAV's HMS-nr, and
(21) is the maker's serial number, not NAV's OeBS serienr.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass, field

__all__ = ["GS", "Gs1Data", "Gs1Field", "gtin_check_ok", "parse_gs1", "parse_gs1_hri"]

GS = "\x1d"

#: Value length by AI prefix (GS1 General Specifications, section 3): a positive
#: number is a fixed length, a negative one the maximum of a variable length.
#: The AI is as long as its prefix, except the 31x–36x, 39x, 703, 723 families,
#: whose 4th digit is part of the AI (a decimal-point position or a sequence).
_AI_TABLE: dict[str, int] = {
    "00": 18, "01": 14, "02": 14, "03": 14, "04": 16, "10": -20, "11": 6, "12": 6, "13": 6,
    "15": 6, "16": 6, "17": 6, "20": 2, "21": -20, "22": -20, "30": -8, "37": -8,
    "90": -30, **{str(n): -90 for n in range(91, 100)},
    "235": -28, "240": -30, "241": -30, "242": -6, "243": -20, "250": -30, "251": -30,
    "253": -30, "254": -20, "255": -25,
    "400": -30, "401": -30, "402": 17, "403": -30, **{str(n): 13 for n in range(410, 418)},
    "420": -20, "421": -12, "422": 3, "423": -15, "424": 3, "425": -15, "426": 3, "427": -3,
    **{str(n): -20 for n in range(710, 718)},
    **{str(n): 6 for n in (*range(310, 317), *range(320, 330), *range(330, 338),
                           *range(340, 350), *range(350, 358), *range(360, 370))},
    "390": -15, "391": -18, "392": -15, "393": -18, "394": 4, "395": 6, "703": -30, "723": -30,
    "4300": -35, "4301": -35, "4302": -70, "4303": -70, "4304": -70, "4305": -70, "4306": -70,
    "4307": 2, "4308": -30, "4309": 20, "4310": -35, "4311": -35, "4312": -70, "4313": -70,
    "4314": -70, "4315": -70, "4316": -70, "4317": 2, "4318": -20, "4319": -30, "4320": -35,
    "4321": 1, "4322": 1, "4323": 1, "4324": 10, "4325": 10, "4326": 6, "4330": -7,
    "4331": -7, "4332": -7, "4333": -7,
    "7001": 13, "7002": -30, "7003": 10, "7004": -4, "7005": -12, "7006": 6, "7007": -12,
    "7008": -3, "7009": -10, "7010": -2, "7011": -10, "7020": -20, "7021": -20, "7022": -20,
    "7023": -30, "7040": 4, "7240": -20, "7241": 2, "7242": -25,
    "8001": 14, "8002": -20, "8003": -30, "8004": -30, "8005": 6, "8006": 18, "8007": -34,
    "8008": -12, "8009": -50, "8010": -30, "8011": -12, "8012": -20, "8013": -25,
    "8014": -25, "8017": 18, "8018": 18, "8019": -10, "8020": -25, "8026": 18, "8030": -90,
    "8100": 6, "8101": 10, "8102": 2, "8110": -70, "8111": 4, "8112": -70, "8200": -70,
}
_FOUR_DIGIT_FAMILIES = ("31", "32", "33", "34", "35", "36", "39")

#: AIs that never need a separator after them (the "predefined length" table).
_PREDEFINED_PREFIXES = ("00", "01", "02", "03", "04", "11", "12", "13", "14", "15", "16",
                        "17", "18", "19", "20", "31", "32", "33", "34", "35", "36", "41")


#: Norwegian names of the AIs a technician meets on device and part labels.
AI_NAMES: dict[str, str] = {
    "00": "SSCC (kolli)",
    "01": "GTIN (produktnummer, ikke HMS-nr)",
    "02": "GTIN for innhold",
    "10": "Lot/batch",
    "11": "Produksjonsdato",
    "12": "Forfallsdato (betaling)",
    "13": "Pakkedato",
    "15": "Best før",
    "16": "Selges innen",
    "17": "Utløpsdato",
    "20": "Variant",
    "21": "Produsentens serienr (ikke OeBS-serienr)",
    "22": "Forbruksvare-variant",
    "30": "Antall",
    "37": "Antall enheter",
    "240": "Tilleggs-produkt-ID",
    "241": "Kundens delenummer",
    "250": "Sekundært serienr",
    "400": "Kundens ordrenummer",
    "401": "Forsendelsesnummer",
    "410": "Lever til (GLN)",
    "414": "Lokasjon (GLN)",
    "422": "Opprinnelsesland",
    "7003": "Utløpsdato og -tid",
    "8004": "GIAI (eiendelsnummer)",
    "8006": "Komponent (ITIP)",
}

_DATE_AIS = {"11", "12", "13", "15", "16", "17"}


@dataclass(frozen=True)
class Gs1Field:
    ai: str
    value: str
    name: str
    date: str | None = None         # ISO date for the YYMMDD AIs
    check_ok: bool | None = None    # GTIN/SSCC check digit, where there is one

    def to_json(self) -> dict:
        d: dict = {"ai": self.ai, "name": self.name, "value": self.value}
        if self.date is not None:
            d["date"] = self.date
        if self.check_ok is not None:
            d["check_ok"] = self.check_ok
        return d


@dataclass(frozen=True)
class Gs1Data:
    raw: str                          # element string, FNC1 separators as U+001D
    bracketed: str                    # "(01)…(21)…"
    fields: tuple[Gs1Field, ...] = field(default_factory=tuple)

    def get(self, ai: str) -> str | None:
        for f in self.fields:
            if f.ai == ai:
                return f.value
        return None

    @property
    def gtin(self) -> str | None:
        return self.get("01")

    @property
    def lot(self) -> str | None:
        return self.get("10")

    @property
    def production_date(self) -> str | None:
        return next((f.date for f in self.fields if f.ai == "11"), None)

    @property
    def expiry(self) -> str | None:
        return next((f.date for f in self.fields if f.ai == "17"), None)

    @property
    def serial(self) -> str | None:
        return self.get("21")

    def to_json(self) -> dict:
        return {"bracketed": self.bracketed, "raw": self.raw,
                "fields": [f.to_json() for f in self.fields]}


def gtin_check_ok(digits: str) -> bool:
    """The GS1 mod-10 check digit (GTIN-8/12/13/14, SSCC)."""
    if not digits.isdigit() or len(digits) < 2:
        return False
    body, check = digits[:-1], int(digits[-1])
    total = sum(int(c) * (3 if i % 2 == 0 else 1) for i, c in enumerate(reversed(body)))
    return (10 - total % 10) % 10 == check


def _gs1_date(yymmdd: str, today: dt.date | None = None) -> str | None:
    if len(yymmdd) != 6 or not yymmdd.isdigit():
        return None
    yy, mm, dd = int(yymmdd[:2]), int(yymmdd[2:4]), int(yymmdd[4:])
    if not 1 <= mm <= 12:
        return None
    this_year = (today or dt.date.today()).year
    year = this_year - this_year % 100 + yy
    if year - this_year > 50:          # GS1 General Specifications 7.12
        year -= 100
    elif this_year - year > 49:
        year += 100
    if dd == 0:
        dd = calendar.monthrange(year, mm)[1]
    try:
        return dt.date(year, mm, dd).isoformat()
    except ValueError:
        return None


def _field(ai: str, value: str) -> Gs1Field:
    name = AI_NAMES.get(ai) or AI_NAMES.get(ai[:2]) or f"AI {ai}"
    date = _gs1_date(value) if ai in _DATE_AIS else None
    check = gtin_check_ok(value) if ai in ("00", "01", "02") else None
    return Gs1Field(ai, value, name, date, check)


def _lookup(s: str) -> tuple[str, int] | None:
    """``(ai, value length)`` for the element string starting ``s``; None if unknown."""
    for n in (2, 3, 4):
        prefix = s[:n]
        if len(prefix) < n or not prefix.isdigit():
            return None
        size = _AI_TABLE.get(prefix)
        if size is not None:
            digits = 4 if (prefix[:2] in _FOUR_DIGIT_FAMILIES or prefix in ("703", "723")) else n
            if len(s) < digits or not s[:digits].isdigit():
                return None
            return s[:digits], size
    return None


def parse_gs1(text: str) -> Gs1Data | None:
    """Parse a raw GS1 element string (FNC1 as U+001D; a leading ``]C1``/``]d2``/``]Q3``
    symbology identifier or FNC1 is dropped).  None if it is not a valid element string."""
    raw = text
    for prefix in ("]C1", "]d2", "]Q3", "]e0", "]J1", "]d8"):
        if raw.startswith(prefix):
            raw = raw[len(prefix):]
            break
    s = raw.strip(GS)
    if not s:
        return None
    fields: list[Gs1Field] = []
    i = 0
    while i < len(s):
        found = _lookup(s[i:])
        if found is None:
            return None
        ai, size = found
        start = i + len(ai)
        if size > 0:
            end = start + size
            if end > len(s) or GS in s[start:end]:
                return None
        else:
            gs = s.find(GS, start)
            end = min(len(s) if gs < 0 else gs, start + (-size))
            if end == start:
                return None
        value = s[start:end]
        if ai[:2] in _PREDEFINED_PREFIXES and ai[:2] != "20" and not value.isdigit():
            return None
        fields.append(_field(ai, value))
        i = end
        if i < len(s) and s[i] == GS:      # a separator after any element string is tolerated
            i += 1
    bracketed = "".join(f"({f.ai}){f.value}" for f in fields)
    return Gs1Data(raw, bracketed, tuple(fields))


def _raw_from_fields(fields: list[Gs1Field]) -> str:
    parts: list[str] = []
    for k, f in enumerate(fields):
        parts.append(f.ai + f.value)
        if k < len(fields) - 1 and f.ai[:2] not in _PREDEFINED_PREFIXES:
            parts.append(GS)
    return "".join(parts)


_HRI = re.compile(r"\((\d{2,4})\)([^()]*)")


def parse_gs1_hri(text: str) -> Gs1Data | None:
    """Parse the bracketed form ``(01)…(10)…``; None if ``text`` is not entirely in that form."""
    s = text.strip()
    if not s.startswith("("):
        return None
    pos, fields = 0, []
    for m in _HRI.finditer(s):
        if m.start() != pos:
            return None
        ai, value = m.group(1), m.group(2)
        found = _lookup(ai)
        if found is None or found[0] != ai or not value:
            return None
        size = found[1]
        if (size > 0 and len(value) != size) or (size < 0 and len(value) > -size):
            return None
        fields.append(_field(ai, value))
        pos = m.end()
    if pos != len(s) or not fields:
        return None
    return Gs1Data(_raw_from_fields(fields), "".join(f"({f.ai}){f.value}" for f in fields), tuple(fields))
