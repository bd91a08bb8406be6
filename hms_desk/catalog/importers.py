"""Importers for the product catalogue (no Qt).

One public function per kind, all with the same shape::

    import_X(db, paths, progress=None, cancel=None) -> ImportReport

* ``import_products``      products.csv  (hmsnr, navn, serie, har_deleliste)
* ``import_parts``         parts.csv or the service's deler.xlsx (by extension)
* ``import_product_parts`` product_parts.csv (product_hmsnr, part_hmsnr)
* ``import_grunndata``     answers of NAV's catalogue search (``hits.hits[]._source``)
* ``import_register``      the OeBS device register (see ``register.py``)

Every call is one transaction: a file with bad rows, a cancel or a file that
cannot be read leaves the database exactly as it was.  Re-importing the same
file updates rows in place (``updated`` in the report).

``import_bundled_catalog`` and ``import_municipalities`` load what ships in
``resources/`` at first start; both are idempotent.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from sqlalchemy import Table, case, func
from sqlalchemy.engine import Connection

from hms_desk.catalog._base import (
    CsvSource,
    ImportRun,
    Progress,
    RowProblem,
    XlsxSource,
    clean_text,
    estimate_csv_rows,
    existing_keys,
    parse_bool,
    parse_int,
    upsert,
)
from hms_desk.catalog.register import import_register
from hms_desk.catalog.report import ImportFileError, ImportReport
from hms_desk.domain.errors import ValidationError
from hms_desk.domain.nav import HMS_UNITS
from hms_desk.domain.validation import validate_hmsnr
from hms_desk.platform.resources import resource
from hms_desk.storage.db import Database
from hms_desk.storage.models import (
    Municipality,
    Part,
    PartCompatibility,
    Product,
    ProductPart,
    Series,
)

SERIES: Table = Series.__table__  # type: ignore[assignment]
PRODUCTS: Table = Product.__table__  # type: ignore[assignment]
PARTS: Table = Part.__table__  # type: ignore[assignment]
COMPAT: Table = PartCompatibility.__table__  # type: ignore[assignment]
PRODUCT_PARTS: Table = ProductPart.__table__  # type: ignore[assignment]
MUNICIPALITIES: Table = Municipality.__table__  # type: ignore[assignment]

#: Categories where a part is normally ordered in pairs.
PAIR_CATEGORIES = frozenset({"Dekk", "Hjul", "Svinghjul", "Batteri", "Drivhjul"})
DEFAULT_MAX_QTY = 4

__all__ = [
    "import_products", "import_parts", "import_product_parts", "import_grunndata",
    "import_register", "import_bundled_catalog", "import_municipalities",
    "part_category", "default_quantity",
]


def _hmsnr(value: str, label: str = "Hmsnr") -> str:
    try:
        v = validate_hmsnr(value)
    except ValidationError as exc:
        raise RowProblem(exc.message.replace("Hmsnr", label, 1)) from None
    return v


def part_category(name: str) -> str:
    """A part's category is the first word of its name ("Dekk 24\" ..." → "Dekk")."""
    words = name.strip().split()
    if not words:
        return "Annet"
    first = words[0].strip(".,:;\"'()")
    return (first[:1].upper() + first[1:])[:60] or "Annet"


def default_quantity(category: str) -> int:
    return 2 if category in PAIR_CATEGORIES else 1


def _table_flush(table: Table, keys: Sequence[str],
                 update: Sequence[str] | Callable[[Any], dict[str, Any]] | None
                 ) -> Callable[[Connection, list[dict[str, Any]]], tuple[int, int]]:
    """A batch writer for one table: dedupe on the key, count new vs existing, upsert."""

    def flush(conn: Connection, records: list[dict[str, Any]]) -> tuple[int, int]:
        dedup = {tuple(r[k] for k in keys): r for r in records}
        before = existing_keys(conn, [table.c[k] for k in keys], list(dedup))
        upsert(conn, table, list(dedup.values()), keys, update)
        new = len(dedup) - len(before)
        return new, len(records) - new

    return flush


def _csv_rows(run: ImportRun, source: CsvSource | XlsxSource, parse: Callable[[dict[str, str]], Any]) -> None:
    """Feed one file's rows through ``parse`` into ``run`` (errors carry the line number)."""
    for line, raw in source:
        problem = raw.get("__problem__")
        try:
            if problem:
                raise RowProblem(problem)
            record = parse(raw)
        except RowProblem as exc:
            run.error(source.path, line, str(exc))
            continue
        if record is None:
            run.skip()
        else:
            run.add(record)
    for w in source.dropped_warnings:   # known once the header has been read
        run.report.warn(w)


# --- products --------------------------------------------------------------

PRODUCT_ALIASES = {"hmsnr": "hmsnr", "hms-nr": "hmsnr", "hms art.nr.": "hmsnr", "navn": "navn",
                   "serie": "serie", "har_deleliste": "har_deleliste"}


def _parse_product(raw: dict[str, str]) -> dict[str, Any]:
    serie = clean_text(raw.get("serie", ""), "Serie", 64) or None
    return {
        "hmsnr": _hmsnr(raw["hmsnr"]),
        "name": clean_text(raw["navn"], "Navn", 300, required=True),
        "series_id": serie,
        "has_parts_list": bool(parse_bool(raw.get("har_deleliste", ""), "har_deleliste", False)),
    }


def _flush_products(conn: Connection, records: list[dict[str, Any]]) -> tuple[int, int]:
    series = {r["series_id"] for r in records if r["series_id"]}
    upsert(conn, SERIES, [{"id": s, "name": s} for s in sorted(series)], ["id"], None)
    return _table_flush(PRODUCTS, ["hmsnr"], lambda ins: {
        "name": ins.excluded.name,
        "series_id": func.coalesce(ins.excluded.series_id, PRODUCTS.c.series_id),
        "has_parts_list": ins.excluded.has_parts_list,
    })(conn, records)


def import_products(db: Database, paths: list[Path], progress: Progress | None = None,
                    cancel: threading.Event | None = None) -> ImportReport:
    """products.csv: hmsnr, navn, serie, har_deleliste.  A ``serie`` name becomes a Series."""
    sources = [CsvSource(p, PRODUCT_ALIASES, ["hmsnr", "navn"]) for p in paths]
    with ImportRun(db, "products", _flush_products, progress, cancel, estimate_csv_rows(paths)) as run:
        for src in sources:
            _csv_rows(run, src, _parse_product)
    return run.report


# --- parts -----------------------------------------------------------------

PART_ALIASES = {
    "hmsnr": "hmsnr", "hms-nr": "hmsnr", "hms art.nr.": "hmsnr", "hms art.nr": "hmsnr",
    "hms artnr": "hmsnr", "navn": "navn",
    "lev_art_nr": "lev_art_nr", "lev. art.nr": "lev_art_nr", "lev. art.nr.": "lev_art_nr",
    "lev.art.nr": "lev_art_nr",
    "kategori": "kategori",
    "default_antall": "default_antall", "standard antall": "default_antall",
    "maks_antall": "maks_antall", "maks. antall": "maks_antall", "maks antall": "maks_antall",
    "er_reservedel": "er_reservedel", "er_tilbehor": "er_tilbehor", "er_tilbehør": "er_tilbehor",
    "bilde": "bilde",
}


def _parse_part(raw: dict[str, str]) -> dict[str, Any]:
    name = clean_text(raw["navn"], "Navn", 400, required=True)
    category = clean_text(raw.get("kategori", ""), "Kategori", 60) or "Annet"
    default_qty = parse_int(raw.get("default_antall", ""), "Standard antall",
                            default_quantity(category), lo=1, hi=99)
    max_qty = parse_int(raw.get("maks_antall", ""), "Maks. antall", max(DEFAULT_MAX_QTY, default_qty),
                        lo=1, hi=99)
    if max_qty < default_qty:
        raise RowProblem("Maks. antall kan ikke være mindre enn standard antall")
    return {
        "hmsnr": _hmsnr(raw["hmsnr"]),
        "name": name,
        "supplier_ref": clean_text(raw.get("lev_art_nr", ""), "Lev. art.nr", 100),
        "category": category,
        "default_qty": default_qty,
        "max_qty": max_qty,
        "is_spare_part": bool(parse_bool(raw.get("er_reservedel", ""), "er_reservedel", True)),
        "is_accessory": bool(parse_bool(raw.get("er_tilbehor", ""), "er_tilbehor", False)),
        "image": clean_text(raw.get("bilde", ""), "Bilde", 500),
    }


_flush_parts = _table_flush(PARTS, ["hmsnr"], ["name", "supplier_ref", "category", "default_qty",
                                                "max_qty", "is_spare_part", "is_accessory", "image"])


def import_parts(db: Database, paths: list[Path], progress: Progress | None = None,
                 cancel: threading.Event | None = None) -> ImportReport:
    """parts.csv, or deler.xlsx (Navn, HMS art.nr., Lev. art.nr, Standard antall, Maks. Antall,
    Kategori, Bilde) — chosen by the file extension."""
    sources: list[CsvSource | XlsxSource] = []
    for p in paths:
        if Path(p).suffix.lower() in (".xlsx", ".xlsm"):
            sources.append(XlsxSource(p, PART_ALIASES, ["hmsnr", "navn"], pad_columns=["hmsnr"]))
        else:
            sources.append(CsvSource(p, PART_ALIASES, ["hmsnr", "navn"]))
    with ImportRun(db, "parts", _flush_parts, progress, cancel, estimate_csv_rows(paths)) as run:
        for src in sources:
            _csv_rows(run, src, _parse_part)
            if isinstance(src, XlsxSource) and src.other_sheets:
                names = ", ".join(f"«{s}»" for s in src.other_sheets)
                run.report.warn(f"Arkene {names} i «{src.path.name}» ble ikke lest "
                                "(bare arket med delelisten importeres).")
    return run.report


# --- product → parts -------------------------------------------------------

PRODUCT_PART_ALIASES = {"product_hmsnr": "product", "produkt_hmsnr": "product",
                        "part_hmsnr": "part", "del_hmsnr": "part"}


def import_product_parts(db: Database, paths: list[Path], progress: Progress | None = None,
                         cancel: threading.Event | None = None) -> ImportReport:
    """product_parts.csv: product_hmsnr, part_hmsnr.  The part must already be imported."""
    sources = [CsvSource(p, PRODUCT_PART_ALIASES, ["product", "part"]) for p in paths]

    def validate(conn: Connection, records: list[tuple[Path, int, str, str]]) -> None:
        parts = {r[3] for r in records}
        known = {k[0] for k in existing_keys(conn, [PARTS.c.hmsnr], [(p,) for p in parts])}
        for file, line, _product, part in records:
            if part not in known:
                run.report.add_error(file, line, f"Delen {part} finnes ikke i delekatalogen")

    def flush(conn: Connection, records: list[tuple[Path, int, str, str]]) -> tuple[int, int]:
        keys = {(r[2], r[3]) for r in records}
        before = existing_keys(conn, [PRODUCT_PARTS.c.product_hmsnr, PRODUCT_PARTS.c.part_hmsnr],
                               list(keys))
        upsert(conn, PRODUCT_PARTS, [{"product_hmsnr": a, "part_hmsnr": b} for a, b in sorted(keys)],
               ["product_hmsnr", "part_hmsnr"], None)
        new = len(keys) - len(before)
        return new, len(records) - new

    with ImportRun(db, "product-parts", flush, progress, cancel, estimate_csv_rows(paths),
                   validate=validate) as run:
        for src in sources:
            for line, raw in src:
                try:
                    if raw.get("__problem__"):
                        raise RowProblem(raw["__problem__"])
                    product = _hmsnr(raw["product"], "Produktets hmsnr")
                    part = _hmsnr(raw["part"], "Delens hmsnr")
                except RowProblem as exc:
                    run.error(src.path, line, str(exc))
                    continue
                run.add((src.path, line, product, part))
            for w in src.dropped_warnings:
                run.report.warn(w)
    return run.report


# --- grunndata (NAV's catalogue search) -----------------------------------

def _first_image(media: Any) -> str:
    if not isinstance(media, list):
        return ""
    images = [m for m in media if isinstance(m, dict) and m.get("type") == "IMAGE" and m.get("uri")]
    images.sort(key=lambda m: m.get("priority") if isinstance(m.get("priority"), int) else 99)
    return str(images[0]["uri"])[:500] if images else ""


def _s(value: Any) -> str:
    return "" if value is None else str(value).strip()


def _load_hits(path: Path) -> list[Any]:
    name = Path(path).name
    try:
        with Path(path).open("r", encoding="utf-8-sig") as fh:
            doc = json.load(fh)
    except FileNotFoundError:
        raise ImportFileError(f"Filen «{name}» finnes ikke.") from None
    except UnicodeDecodeError:
        raise ImportFileError(f"Filen «{name}» er ikke UTF-8-kodet JSON.") from None
    except (json.JSONDecodeError, OSError):
        raise ImportFileError(f"Filen «{name}» er ikke gyldig JSON fra hjelpemiddeldatabasen.") from None
    hits = doc.get("hits") if isinstance(doc, dict) else None
    hits = hits.get("hits") if isinstance(hits, dict) else None
    if not isinstance(hits, list):
        raise ImportFileError(
            f"Filen «{name}» har ikke formen til et søkesvar fra hjelpemiddeldatabasen (hits.hits).")
    return hits


def _parse_hit(hit: Any) -> tuple[str, dict[str, Any], Any] | None:
    src = hit.get("_source") if isinstance(hit, dict) else None
    if not isinstance(src, dict):
        raise RowProblem("Treffet mangler «_source»")
    if not _s(src.get("hmsArtNr")):
        return None
    hmsnr = _hmsnr(_s(src.get("hmsArtNr")))
    attributes = src.get("attributes") if isinstance(src.get("attributes"), dict) else {}
    title = clean_text(_s(src.get("title")) or _s(src.get("articleName")), "Tittel", 400, required=True)
    supplier = src.get("supplier") if isinstance(src.get("supplier"), dict) else {}
    common = {
        "hmsnr": hmsnr,
        "supplier_name": clean_text(_s(supplier.get("name")), "Leverandør", 200),
        "supplier_ref": clean_text(_s(src.get("supplierRef")), "Lev. art.nr", 100),
        "iso_category": clean_text(_s(src.get("isoCategory")), "ISO-kode", 16),
        "catalog_id": clean_text(_s(src.get("id")), "Katalog-id", 64) or None,
    }
    series_id = clean_text(_s(src.get("seriesId")), "Serie-id", 64) or None
    if src.get("main") is True:
        product = dict(common, name=title[:300], article_name=clean_text(
            _s(src.get("articleName")), "Artikkelnavn", 400), series_id=series_id,
            image_uri=_first_image(src.get("media")))
        return "product", product, (series_id, title[:200]) if series_id else None
    if src.get("sparePart") is True or src.get("accessory") is True:
        egnet = src.get("egnetForKommunalTekniker", attributes.get("egnetForKommunalTekniker"))
        category = part_category(title)
        part = dict(common, name=title, category=category, default_qty=default_quantity(category),
                    max_qty=DEFAULT_MAX_QTY, is_spare_part=src.get("sparePart") is True,
                    is_accessory=src.get("accessory") is True,
                    for_municipal_technician=egnet if isinstance(egnet, bool) else None,
                    image=_first_image(src.get("media")))
        compat = attributes.get("compatibleWith") if isinstance(attributes.get("compatibleWith"), dict) else {}
        targets: set[tuple[str, str]] = set()
        for kind, key in (("series", "seriesIds"), ("product", "productIds")):
            ids = compat.get(key) or []
            if not isinstance(ids, list):
                raise RowProblem(f"«compatibleWith.{key}» må være en liste")
            targets.update((kind, _s(i)[:64]) for i in ids if _s(i))
        return "part", part, sorted(targets)
    return None


def _keep_if_set(table: Table, ins: Any, col: str) -> Any:
    """Keep the existing value unless it is empty."""
    return case((table.c[col] == "", ins.excluded[col]), else_=table.c[col])


def _flush_grunndata(conn: Connection, records: list[tuple[str, dict[str, Any], Any]]) -> tuple[int, int]:
    series: dict[str, str] = {}
    products: dict[str, dict[str, Any]] = {}
    parts: dict[str, dict[str, Any]] = {}
    compat: set[tuple[str, str, str]] = set()
    for kind, row, extra in records:
        if kind == "product":
            products[row["hmsnr"]] = row
            if extra:
                series.setdefault(extra[0], extra[1])
        else:
            parts[row["hmsnr"]] = row
            compat.update((row["hmsnr"], k, t) for k, t in extra)
    upsert(conn, SERIES, [{"id": k, "name": v} for k, v in sorted(series.items())], ["id"], None)
    before_products = existing_keys(conn, [PRODUCTS.c.hmsnr], [(h,) for h in products])
    upsert(conn, PRODUCTS, list(products.values()), ["hmsnr"], lambda ins: {
        "name": ins.excluded.name,
        "article_name": ins.excluded.article_name,
        "series_id": func.coalesce(ins.excluded.series_id, PRODUCTS.c.series_id),
        "catalog_id": func.coalesce(ins.excluded.catalog_id, PRODUCTS.c.catalog_id),
        "supplier_name": ins.excluded.supplier_name,
        "supplier_ref": ins.excluded.supplier_ref,
        "iso_category": ins.excluded.iso_category,
        "image_uri": case((ins.excluded.image_uri == "", PRODUCTS.c.image_uri),
                          else_=ins.excluded.image_uri),
    })
    before_parts = existing_keys(conn, [PARTS.c.hmsnr], [(h,) for h in parts])
    # name, category and quantities of a part that already exists (parts.csv /
    # deler.xlsx, kept by hand) win over what the catalogue search derives.
    upsert(conn, PARTS, list(parts.values()), ["hmsnr"], lambda ins: {
        "supplier_name": ins.excluded.supplier_name,
        "supplier_ref": _keep_if_set(PARTS, ins, "supplier_ref"),
        "iso_category": ins.excluded.iso_category,
        "catalog_id": func.coalesce(ins.excluded.catalog_id, PARTS.c.catalog_id),
        "is_spare_part": ins.excluded.is_spare_part,
        "is_accessory": ins.excluded.is_accessory,
        "for_municipal_technician": func.coalesce(ins.excluded.for_municipal_technician,
                                                  PARTS.c.for_municipal_technician),
        "image": _keep_if_set(PARTS, ins, "image"),
    })
    upsert(conn, COMPAT, [{"part_hmsnr": p, "target_kind": k, "target_id": t} for p, k, t in sorted(compat)],
           ["part_hmsnr", "target_kind", "target_id"], None)
    new = (len(products) - len(before_products)) + (len(parts) - len(before_parts))
    return new, len(records) - new


def import_grunndata(db: Database, paths: list[Path], progress: Progress | None = None,
                     cancel: threading.Event | None = None) -> ImportReport:
    """Answers of NAV's catalogue search: ``main`` → Product, ``sparePart``/``accessory`` → Part
    with its ``compatibleWith`` series and products.  Empty answers are valid."""
    loaded = [(Path(p), _load_hits(p)) for p in paths]   # read all first: a bad file changes nothing
    total = sum(len(h) for _, h in loaded)
    without_hmsnr = 0
    with ImportRun(db, "grunndata", _flush_grunndata, progress, cancel, total) as run:
        for path, hits in loaded:
            for n, hit in enumerate(hits, start=1):
                try:
                    record = _parse_hit(hit)
                except RowProblem as exc:
                    run.error(path, n, str(exc), label="Treff")
                    continue
                if record is None:
                    src = hit.get("_source", {}) if isinstance(hit, dict) else {}
                    without_hmsnr += not _s(src.get("hmsArtNr"))
                    run.skip()
                else:
                    run.add(record)
        if without_hmsnr:
            run.report.warn(f"{without_hmsnr} treff uten HMS-nr ble hoppet over.")
    return run.report


# --- municipalities and the bundled catalogue ------------------------------

MUNICIPALITY_ALIASES = {"kommunenummer": "number", "kommunenavn": "name", "hms_enhet": "hms_unit"}


def _parse_municipality(raw: dict[str, str]) -> dict[str, str]:
    number = raw["number"].strip()
    if len(number) == 3 and number.isdigit():
        number = "0" + number
    if len(number) != 4 or not number.isdigit():
        raise RowProblem("Kommunenummer må ha 4 siffer")
    unit = raw["hms_unit"].strip()
    if unit not in HMS_UNITS:
        raise RowProblem("Ukjent HMS-enhet")
    return {"number": number, "name": clean_text(raw["name"], "Kommunenavn", 100, required=True),
            "hms_unit": unit}


def import_municipalities(db: Database, paths: list[Path] | None = None, progress: Progress | None = None,
                          cancel: threading.Event | None = None) -> ImportReport:
    """kommunenummer, kommunenavn, hms_enhet — by default the shipped municipalities.csv."""
    paths = paths or [resource("municipalities.csv")]
    sources = [CsvSource(p, MUNICIPALITY_ALIASES, ["number", "name", "hms_unit"]) for p in paths]
    flush = _table_flush(MUNICIPALITIES, ["number"], ["name", "hms_unit"])
    with ImportRun(db, "municipalities", flush, progress, cancel, estimate_csv_rows(paths)) as run:
        for src in sources:
            _csv_rows(run, src, _parse_municipality)
    return run.report


def bundled_catalog_files(root: Path | None = None) -> dict[str, list[Path]]:
    root = root or resource("catalog")
    grunndata = sorted((root / "grunndata").glob("*.json"))
    return {
        "products": [root / "products.csv"],
        "parts": [root / "parts.csv"],
        "product-parts": [root / "product_parts.csv"],
        "grunndata": grunndata,
    }


def import_bundled_catalog(db: Database, progress: Progress | None = None) -> list[ImportReport]:
    """Import everything in resources/catalog in dependency order (idempotent).

    ``progress(step, steps)`` counts the four kinds.  Raises ``ImportFileError``
    if the shipped data does not import cleanly.
    """
    files = bundled_catalog_files()
    steps: list[tuple[Callable[..., ImportReport], list[Path]]] = [
        (import_products, files["products"]),
        (import_parts, files["parts"]),
        (import_product_parts, files["product-parts"]),
        (import_grunndata, files["grunndata"]),
    ]
    reports: list[ImportReport] = []
    for i, (fn, paths) in enumerate(steps):
        if progress:
            progress(i, len(steps))
        report = fn(db, paths)
        if not report.ok:
            first = report.errors[0] if report.errors else None
            raise ImportFileError(f"Den medfølgende katalogen kunne ikke importeres ({report.kind}): "
                                  f"{first or report.summary_nb()}")
        reports.append(report)
    if progress:
        progress(len(steps), len(steps))
    return reports
