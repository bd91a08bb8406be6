"""A synthetic OeBS device register over the real catalogue (no personal data).

There is no real device register to build on (it is personal data), so tests,
benchmarks and the demo profile use this one:

* ``generate_register_csv`` streams an OeBS-shaped CSV export (the register
  columns only — never a personal column) over the catalogue's products, with
  ISO codes judged from the product names, 6-digit serials unique per product,
  real municipality numbers weighted roughly by population, loan dates
  2010–2026, created date ≤ loan date, mostly "I utlån" and loan type P.
  Vectorised with numpy: two million rows take a few seconds.
* ``generate_demo_register`` imports a small register into a database and
  makes sure the device of the demo video exists (HMS-nr 250464, serienr
  123456, Minicrosser X1 4W).
"""

from __future__ import annotations

import csv
import datetime as dt
import tempfile
from pathlib import Path

import numpy as np

from hms_desk.catalog.register import REGISTER_COLUMNS, import_register
from hms_desk.catalog.report import ImportReport
from hms_desk.platform.resources import resource
from hms_desk.storage.db import Database

CHUNK = 100_000
SERIAL_SPACE = 1_000_000

FIRST_LOAN = dt.date(2010, 1, 1)
LAST_LOAN = dt.date(2026, 10, 31)
EARLIEST_CREATED = dt.date(2006, 1, 1)

#: The device shown in the demo video.
DEMO_DEVICE: dict[str, str] = {
    "artikkelnummer": "250464",
    "serie_nummer": "123456",
    "utlåns_dato": "2024-03-15",
    "opprettelsesdato": "2024-03-01",
    "kategori3_nummer": "12230301",
    "artikkelstatus": "I utlån",
    "utlåns_type": "P",
    "kommunenummer": "0301",
}

# (substring of the product name, ISO 9999 code, relative share of a product
#  of that family among devices on loan).  First match wins.
_FAMILIES: tuple[tuple[str, str, float], ...] = (
    ("minicrosser", "12230301", 3.0),   # scooters (elektrisk rullestol, manuell styring)
    ("comet", "122303", 2.0),
    ("orion", "122303", 2.0),
    ("x850", "122303", 1.5),
    ("c500", "122306", 1.5),            # electric wheelchairs, electronic steering
    ("f5", "122306", 1.5),
    ("f3", "122306", 1.5),
    ("m5", "122306", 1.5),
    ("m3", "122306", 1.5),
    ("mc 11", "122306", 1.0),
    ("eloflex", "122306", 1.0),
    ("extreme x8", "122306", 0.5),
    ("azalea", "122218", 1.5),          # comfort wheelchair pushed by a helper
    ("netti", "122203", 2.0),           # manual wheelchairs, bimanual handrim drive
    ("cross", "122203", 2.5),
    ("panthera", "122203", 1.0),
    ("seng", "181210", 2.5),            # beds, electrically adjustable
)
_DEFAULT_FAMILY = ("122203", 1.0)

#: Rough 2024 populations of the larger municipalities; the rest weigh 5000.
_POPULATION: dict[str, int] = {
    "0301": 709_000, "4601": 291_000, "5001": 214_000, "1103": 148_000, "3201": 131_000,
    "4204": 116_000, "3301": 104_000, "3203": 98_000, "3205": 92_000, "3107": 84_000,
    "1108": 82_000, "5501": 78_000, "3907": 65_000, "3207": 62_000, "3105": 58_000,
    "3905": 58_000, "1508": 58_000, "4003": 56_000, "1804": 53_000, "3103": 51_000,
    "3909": 48_000, "3222": 48_000, "3118": 46_000, "4203": 46_000, "1149": 43_000,
    "3209": 41_000, "4626": 39_000, "1106": 38_000, "4001": 37_000, "3411": 35_000,
    "3403": 32_000, "1506": 32_000, "3407": 31_000, "3305": 31_000, "3101": 31_000,
    "4631": 30_000, "4627": 30_000, "3405": 29_000, "1124": 28_000, "3303": 28_000,
    "3312": 27_000, "3911": 27_000, "3240": 27_000, "1833": 26_000, "4624": 26_000,
    "5503": 25_000, "3903": 25_000, "3232": 25_000, "5035": 25_000, "1505": 24_000,
    "4202": 24_000, "5006": 24_000, "4205": 23_000, "4647": 22_000, "5601": 21_000,
    "1806": 21_000, "3420": 21_000, "3218": 21_000, "5037": 20_000, "3212": 20_000,
    "1120": 20_000, "3216": 19_000, "3224": 19_000, "1119": 19_000, "1121": 19_000,
    "4614": 19_000, "5059": 18_000, "3401": 18_000, "5028": 17_000, "4621": 16_000,
    "1101": 15_000, "5530": 15_000,
}
_DEFAULT_POPULATION = 5_000


def product_iso(name: str) -> str:
    """An ISO 9999 code for a catalogue product judged from its name."""
    return _family(name)[0]


def _family(name: str) -> tuple[str, float]:
    low = name.lower()
    for needle, iso, share in _FAMILIES:
        if needle in low:
            return iso, share
    return _DEFAULT_FAMILY


def catalogue_products(path: Path | None = None) -> list[tuple[str, str]]:
    """(hmsnr, iso) for every product in the shipped products.csv."""
    path = path or resource("catalog", "products.csv")
    with Path(path).open(encoding="utf-8-sig", newline="") as fh:
        return [(row["hmsnr"], product_iso(row["navn"])) for row in csv.DictReader(fh)]


def municipalities(path: Path | None = None) -> list[str]:
    path = path or resource("municipalities.csv")
    with Path(path).open(encoding="utf-8-sig", newline="") as fh:
        return [row["kommunenummer"] for row in csv.DictReader(fh)]


def _product_weights(products: list[tuple[str, str]], rng: np.random.Generator) -> np.ndarray:
    shares = {iso: share for _, iso, share in _FAMILIES}
    base = np.array([shares.get(iso, _DEFAULT_FAMILY[1]) for _, iso in products], dtype=float)
    w = base * rng.lognormal(0.0, 0.6, size=len(products))
    return w / w.sum()


def generate_register_csv(path: Path, n_devices: int, seed: int = 1,
                          products: list[tuple[str, str]] | None = None) -> int:
    """Write ``n_devices`` rows of a synthetic OeBS register export to ``path``.

    ``products`` is a list of (hmsnr, iso); default: every product in the
    shipped catalogue.  Returns the number of rows written.  (hmsnr, serienr)
    is unique across the file.
    """
    if n_devices < 0:
        raise ValueError("n_devices must be >= 0")
    products = list(products) if products is not None else catalogue_products()
    if not products:
        raise ValueError("no products to generate devices for")
    rng = np.random.default_rng(seed)
    p_weights = _product_weights(products, rng)
    munis = municipalities()
    m_weights = np.array([_POPULATION.get(m, _DEFAULT_POPULATION) for m in munis], dtype=float)
    m_weights /= m_weights.sum()

    n_products = len(products)
    # serial = (a*k + b) mod 10^6 is a bijection on k when gcd(a, 10^6) == 1, so the
    # k-th device of a product gets a serial no other device of that product has.
    a = rng.integers(1, SERIAL_SPACE // 10, size=n_products) * 10 + rng.choice([1, 3, 7, 9], size=n_products)
    b = rng.integers(0, SERIAL_SPACE, size=n_products)
    used = np.zeros(n_products, dtype=np.int64)

    hmsnrs = np.array([h for h, _ in products], dtype=object)
    isos = np.array([i for _, i in products], dtype=object)
    muni_arr = np.array(munis, dtype=object)
    statuses = np.array(["I utlån", "Til reparasjon"], dtype=object)
    loan_types = np.array(["P", "F", "K", "U"], dtype=object)
    first = np.datetime64(FIRST_LOAN.isoformat(), "D")
    span = (LAST_LOAN - FIRST_LOAN).days + 1
    earliest = np.datetime64(EARLIEST_CREATED.isoformat(), "D")

    written = 0
    with Path(path).open("w", encoding="utf-8", newline="") as fh:
        fh.write(",".join(REGISTER_COLUMNS) + "\n")
        while written < n_devices:
            size = min(CHUNK, n_devices - written)
            pidx = rng.choice(n_products, size=size, p=p_weights)
            counts = np.bincount(pidx, minlength=n_products)
            if (used + counts).max() > SERIAL_SPACE:
                raise ValueError("too many devices for one product (at most 1,000,000 serials)")
            order = np.argsort(pidx, kind="stable")
            starts = np.cumsum(counts) - counts
            rank = np.empty(size, dtype=np.int64)
            rank[order] = np.arange(size) - starts[pidx[order]]
            k = used[pidx] + rank
            used += counts
            serials = (a[pidx] * k + b[pidx]) % SERIAL_SPACE

            loan = first + rng.integers(0, span, size=size).astype("timedelta64[D]")
            # most devices are new when lent out; some are re-lent, created years before
            back = np.where(rng.random(size) < 0.7, rng.integers(0, 60, size=size),
                            rng.integers(60, 6 * 365, size=size))
            created = np.maximum(loan - back.astype("timedelta64[D]"), earliest)
            created = np.minimum(created, loan)
            loan_s = np.datetime_as_string(loan, unit="D")
            created_s = np.datetime_as_string(created, unit="D")
            status = statuses[(rng.random(size) < 0.07).astype(np.int8)]
            ltype = loan_types[rng.choice(4, size=size, p=[0.85, 0.08, 0.04, 0.03])]
            muni = muni_arr[rng.choice(len(munis), size=size, p=m_weights)]

            fh.write("".join(
                f"{h},{s:06d},{ld},{cd},{iso},{st},{lt},{m}\n"
                for h, s, ld, cd, iso, st, lt, m in zip(
                    hmsnrs[pidx], serials.tolist(), loan_s.tolist(), created_s.tolist(),
                    isos[pidx], status, ltype, muni)
            ))
            written += size
    return written


def generate_demo_register(db: Database, n: int = 3000, seed: int = 7) -> ImportReport:
    """Import a small synthetic register and guarantee the demo device (idempotent)."""
    with tempfile.TemporaryDirectory(prefix="hms-demo-register-") as tmp:
        path = Path(tmp) / "register.csv"
        generate_register_csv(path, n, seed)
        with path.open("a", encoding="utf-8", newline="") as fh:
            fh.write(",".join(DEMO_DEVICE[c] for c in REGISTER_COLUMNS) + "\n")
        return import_register(db, [path])
