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

Categories go through :func:`hms_desk.domain.categories.category_of` (one
rule for import, order rules and screen).  The catalogue's values for a part
(name = ``articleName`` as NAV uses it, flags, picture reference) are kept in
``catalog_*`` columns beside the hand-kept ones, so the parts list of a
device can follow NAV's precedence (see ``hms_desk.parts.catalog``).

Pictures: a part's picture reference (grunndata ``media``, the ``bilde``
column) is stored; when the picture itself comes with the import — a file of
that name beside the imported file (also in ``bilder/`` or ``images/``
there), or a ``data:image/…;base64,`` reference — it is read, its faces are
blurred (fail closed: a picture that cannot be anonymised is not kept), it
is scaled to at most 800 pixels and stored in ``part_pictures``.  Nothing is
ever fetched from the network.
"""

from __future__ import annotations

import base64
import json
import logging
import threading
import urllib.parse
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
    clean_identifier,
    clean_text,
    estimate_csv_rows,
    existing_keys,
    parse_bool,
    parse_int,
    upsert,
)
from hms_desk.catalog.register import import_register
from hms_desk.catalog.report import ImportFileError, ImportReport
from hms_desk.domain import categories
from hms_desk.domain.errors import ValidationError
from hms_desk.domain.i18n import plural
from hms_desk.domain.nav import HMS_UNITS, storage_unit
from hms_desk.domain.validation import validate_hmsnr
from hms_desk.platform.resources import resource
from hms_desk.storage.db import Database
from hms_desk.storage.models import (
    Municipality,
    Part,
    PartCompatibility,
    PartPicture,
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
PICTURES: Table = PartPicture.__table__  # type: ignore[assignment]

log = logging.getLogger("hms_desk.catalog.importers")

#: Categories where a part is normally ordered in pairs.
PAIR_CATEGORIES = categories.DEFAULT_TWO
DEFAULT_MAX_QTY = categories.NAV_MAX
#: The largest maximum a hand-kept list may set (NAV's list uses up to 8).
MAX_QTY_LIMIT = 99

__all__ = [
    "import_products", "import_parts", "import_product_parts", "import_grunndata",
    "import_register", "import_bundled_catalog", "import_municipalities",
    "part_category", "default_quantity",
]


def _hmsnr(value: str, label: str = "Hmsnr") -> str:
    try:
        v = validate_hmsnr(value)
    except ValidationError as exc:
        raise RowProblem(exc.message_nb.replace("Hmsnr", label)) from None
    return v


def part_category(name: str) -> str:
    """A part's category: the first word of its name, normalised (``category_of``)."""
    return categories.category_of(name)


def default_quantity(category: str) -> int:
    return categories.default_quantity(category)


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
    serie = clean_text(raw.get("serie", ""), "Serie", field="series_id") or None
    return {
        "hmsnr": _hmsnr(raw["hmsnr"]),
        "name": clean_text(raw["navn"], "Navn", field="product_name", required=True),
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
    name = clean_text(raw["navn"], "Navn", field="part_name", required=True)
    label = clean_text(raw.get("kategori", ""), "Kategori", field="category")
    category = categories.category_of(label) if label else categories.ANNET
    default_qty = parse_int(raw.get("default_antall", ""), "Standard antall",
                            default_quantity(category), lo=1, hi=MAX_QTY_LIMIT)
    # the list's maximum is NAV's answer as it stands, 8 included ("TODO_BESTEM_MAX_ANTALL")
    max_qty = parse_int(raw.get("maks_antall", ""), "Maks. antall", max(DEFAULT_MAX_QTY, default_qty),
                        lo=1, hi=MAX_QTY_LIMIT)
    if max_qty < default_qty:
        raise RowProblem("Maks. antall kan ikke være mindre enn standard antall")
    return {
        "hmsnr": _hmsnr(raw["hmsnr"]),
        "name": name,
        "supplier_ref": _null_text(clean_text(raw.get("lev_art_nr", ""), "Lev. art.nr", field="catalog_supplier_ref")),
        "category": category,
        "default_qty": default_qty,
        "max_qty": max_qty,
        "is_spare_part": bool(parse_bool(raw.get("er_reservedel", ""), "er_reservedel", True)),
        "is_accessory": bool(parse_bool(raw.get("er_tilbehor", ""), "er_tilbehor", False)),
        "image": _null_text(clean_text(raw.get("bilde", ""), "Bilde", field="image")),
    }


def _null_text(value: str) -> str:
    """NAV's list writes a missing value as ``null``; that is no value."""
    return "" if value.strip().lower() == "null" else value


_flush_part_rows = _table_flush(PARTS, ["hmsnr"], ["name", "supplier_ref", "category", "default_qty",
                                                    "max_qty", "is_spare_part", "is_accessory", "image"])


def _flush_parts(conn: Connection, records: list[dict[str, Any]]) -> tuple[int, int]:
    pictures = [r.pop(_PICTURE) for r in records if _PICTURE in r]
    counts = _flush_part_rows(conn, records)
    _store_pictures(conn, pictures)
    return counts


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
        pictures = _PictureReader()
        for src in sources:
            base = Path(src.path).parent
            _csv_rows(run, src, lambda raw, base=base: pictures.attach(_parse_part(raw), "image", base))
            if isinstance(src, XlsxSource) and src.other_sheets:
                names = ", ".join(f"«{s}»" for s in src.other_sheets)
                run.report.warn(f"Arkene {names} i «{src.path.name}» ble ikke lest "
                                "(bare arket med delelisten importeres).")
        pictures.report(run)
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
    except RecursionError:
        raise ImportFileError(f"Filen «{name}» er for dypt nøstet til å være et søkesvar fra "
                              "hjelpemiddeldatabasen.") from None
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
    title = clean_text(_s(src.get("title")) or _s(src.get("articleName")), "title", field="part_name",
                       required=True)
    supplier = src.get("supplier") if isinstance(src.get("supplier"), dict) else {}
    common = {
        "hmsnr": hmsnr,
        "supplier_name": clean_text(_s(supplier.get("name")), "supplier.name", field="supplier_name"),
        "supplier_ref": clean_text(_s(src.get("supplierRef")), "supplierRef", field="catalog_supplier_ref"),
        "iso_category": clean_identifier(_s(src.get("isoCategory")), "isoCategory", "iso_category"),
        "catalog_id": clean_text(_s(src.get("id")), "id", field="catalog_id") or None,
    }
    series_id = clean_text(_s(src.get("seriesId")), "seriesId", field="series_id") or None
    if src.get("main") is True:
        product = dict(common, name=title[:300], article_name=clean_text(
            _s(src.get("articleName")), "articleName", field="article_name"), series_id=series_id,
            image_uri=clean_text(_first_image(src.get("media")), "media.uri", field="image"))
        return "product", product, (series_id, title[:200]) if series_id else None
    if src.get("sparePart") is True or src.get("accessory") is True:
        egnet = src.get("egnetForKommunalTekniker", attributes.get("egnetForKommunalTekniker"))
        # NAV names a catalogue part by its articleName (FinnDelerTilHjelpemiddel)
        name = clean_text(_s(src.get("articleName")) or title, "Artikkelnavn", field="part_name", required=True)
        category = part_category(name)
        spare, accessory = src.get("sparePart") is True, src.get("accessory") is True
        image = clean_text(_first_image(src.get("media")), "media.uri", field="image")
        part = dict(common, name=name, category=category, default_qty=default_quantity(category),
                    max_qty=categories.nav_max_quantity(category, common["iso_category"]),
                    is_spare_part=spare, is_accessory=accessory,
                    for_municipal_technician=egnet if isinstance(egnet, bool) else None,
                    image=image, catalog_name=name, catalog_image=image,
                    catalog_is_spare_part=spare, catalog_is_accessory=accessory)
        compat = attributes.get("compatibleWith") if isinstance(attributes.get("compatibleWith"), dict) else {}
        targets: set[tuple[str, str]] = set()
        for kind, key in (("series", "seriesIds"), ("product", "productIds")):
            ids = compat.get(key) or []
            if not isinstance(ids, list):
                raise RowProblem(f"«compatibleWith.{key}» må være en liste")
            targets.update((kind, clean_text(_s(i), f"compatibleWith.{key}", field="compat_target"))
                           for i in ids if _s(i))
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
    pictures: list[tuple[str, str, str, bytes]] = []
    for kind, row, extra in records:
        if kind == "product":
            products[row["hmsnr"]] = row
            if extra:
                series.setdefault(extra[0], extra[1])
        else:
            if _PICTURE in row:
                pictures.append(row.pop(_PICTURE))
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
    # The hand-kept values of a part that already exists (parts.csv / deler.xlsx:
    # name, category, quantities, flags, picture) stay; the catalogue's go to
    # the catalog_* columns.  Which a device shows is decided when its parts
    # list is made (NAV: the catalogue's, when the part comes from there).
    upsert(conn, PARTS, list(parts.values()), ["hmsnr"], lambda ins: {
        "supplier_name": ins.excluded.supplier_name,
        "supplier_ref": _keep_if_set(PARTS, ins, "supplier_ref"),
        "iso_category": ins.excluded.iso_category,
        "catalog_id": func.coalesce(ins.excluded.catalog_id, PARTS.c.catalog_id),
        "for_municipal_technician": func.coalesce(ins.excluded.for_municipal_technician,
                                                  PARTS.c.for_municipal_technician),
        "image": _keep_if_set(PARTS, ins, "image"),
        "catalog_name": ins.excluded.catalog_name,
        "catalog_image": ins.excluded.catalog_image,
        "catalog_is_spare_part": ins.excluded.catalog_is_spare_part,
        "catalog_is_accessory": ins.excluded.catalog_is_accessory,
    })
    _store_pictures(conn, pictures)
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
        pictures = _PictureReader()
        for path, hits in loaded:
            for n, hit in enumerate(hits, start=1):
                try:
                    record = _parse_hit(hit)
                    if record is not None and record[0] == "part":
                        pictures.attach(record[1], "catalog_image", path.parent)
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
        pictures.report(run)
    return run.report


# --- pictures that come with an import -------------------------------------

_PICTURE = "_picture"            # record key: (hmsnr, source, media_type, data)
PICTURE_MAX_BYTES = 8 * 1024 * 1024
PICTURE_MAX_SIDE = 800
_PICTURE_FOLDERS = ("", "bilder", "images")
_MAGIC = ((b"\x89PNG\r\n\x1a\n", "image/png"), (b"\xff\xd8\xff", "image/jpeg"),
          (b"GIF87a", "image/gif"), (b"GIF89a", "image/gif"))


def _sniff(data: bytes) -> str | None:
    for magic, media_type in _MAGIC:
        if data.startswith(magic):
            return media_type
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp"
    return None


def picture_file(reference: str, base: Path) -> Path | None:
    """The file an import's picture reference names, inside ``base`` (never outside it)."""
    path = urllib.parse.urlparse(reference).path if "://" in reference else reference
    path = urllib.parse.unquote(path).replace("\\", "/").strip("/")
    if not path:
        return None
    root = Path(base).resolve()
    name = Path(path).name
    candidates = [root / path] + [root / folder / name for folder in _PICTURE_FOLDERS]
    for candidate in candidates:
        try:
            resolved = candidate.resolve()
        except OSError:
            continue
        if resolved.is_relative_to(root) and resolved.is_file():
            return resolved
    return None


def picture_bytes(reference: str, base: Path) -> bytes | None:
    """The picture a reference carries (``data:`` URI) or names beside the import, else None."""
    ref = (reference or "").strip()
    if not ref:
        return None
    if ref.startswith("data:"):
        head, sep, payload = ref.partition(",")
        if not sep or ";base64" not in head or not head[5:].startswith("image/"):
            return None
        try:
            return base64.b64decode(payload, validate=False)
        except ValueError:
            return None
    found = picture_file(ref, base)
    if found is None or found.stat().st_size > PICTURE_MAX_BYTES:
        return None
    return found.read_bytes()


def prepare_picture(data: bytes) -> tuple[str, bytes]:
    """(media type, bytes) ready to store: decoded, faces blurred, at most 800 px, JPEG.

    Raises ``ValueError`` for what is not a readable picture; the anonymiser's
    ``AnonymisationError`` (fail closed) passes through.
    """
    import cv2
    import numpy as np

    if len(data) > PICTURE_MAX_BYTES or _sniff(data) is None:
        raise ValueError("not a picture")
    image = cv2.imdecode(np.frombuffer(data, np.uint8), cv2.IMREAD_COLOR)
    if image is None:
        raise ValueError("unreadable picture")
    from hms_desk.video.anonymise import anonymise_still   # every stored picture: faces blurred

    image = anonymise_still(image).image
    h, w = image.shape[:2]
    scale = min(1.0, PICTURE_MAX_SIDE / max(h, w))
    if scale < 1.0:
        image = cv2.resize(image, (max(1, round(w * scale)), max(1, round(h * scale))),
                           interpolation=cv2.INTER_AREA)
    ok, buf = cv2.imencode(".jpg", image, [cv2.IMWRITE_JPEG_QUALITY, 88])
    if not ok:
        raise ValueError("could not encode")
    return "image/jpeg", buf.tobytes()


class _PictureReader:
    """Attaches the picture an import row carries to its record; counts what could not be used."""

    def __init__(self) -> None:
        self.stored = 0
        self.failed: list[str] = []

    def attach(self, record: dict[str, Any], key: str, base: Path) -> dict[str, Any]:
        reference = record.get(key) or ""
        data = picture_bytes(reference, base)
        if data is None:
            if reference.startswith("data:"):
                record[key] = ""
                self.failed.append(record["hmsnr"])
            return record
        if reference.startswith("data:"):
            record[key] = f"innebygd:{record['hmsnr']}"     # no base64 blob in a 500-character column
        try:
            media_type, stored = prepare_picture(data)
        except Exception as exc:       # unreadable, or the anonymiser failed: not kept (fail closed)
            log.warning("picture of part %s not stored: %s", record["hmsnr"], type(exc).__name__)
            self.failed.append(record["hmsnr"])
            return record
        record[_PICTURE] = (record["hmsnr"], record[key][:500], media_type, stored)
        self.stored += 1
        return record

    def report(self, run: ImportRun) -> None:
        if self.failed:
            shown = ", ".join(self.failed[:5]) + (" …" if len(self.failed) > 5 else "")
            run.report.warn(f"{plural(len(self.failed), '{n} bilde', '{n} bilder')} kunne ikke leses eller sladdes og ble ikke lagret "
                            f"(del {shown}).")


def _store_pictures(conn: Connection, pictures: list[tuple[str, str, str, bytes]]) -> None:
    if not pictures:
        return
    rows = {h: {"part_hmsnr": h, "source": src, "media_type": mt, "data": data} for h, src, mt, data in pictures}
    upsert(conn, PICTURES, list(rows.values()), ["part_hmsnr"], ["source", "media_type", "data"])


# --- municipalities and the bundled catalogue ------------------------------

MUNICIPALITY_ALIASES = {"kommunenummer": "number", "kommunenavn": "name", "hms_enhet": "hms_unit"}


def _parse_municipality(raw: dict[str, str]) -> dict[str, str]:
    number = raw["number"].strip()
    if len(number) == 3 and number.isdigit():
        number = "0" + number
    if len(number) != 4 or not number.isdigit():
        raise RowProblem("Kommunenummer må ha 4 siffer")
    unit = storage_unit(number, raw["hms_unit"].strip())    # NAV: Akershus 4702 → Oslo 4703 ...
    if unit not in HMS_UNITS:
        raise RowProblem("Ukjent HMS-enhet")
    return {"number": number, "name": clean_text(raw["name"], "Kommunenavn", field="municipality_name", required=True),
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
