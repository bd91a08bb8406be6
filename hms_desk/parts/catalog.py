"""Which parts fit a device: the catalogue's ``compatibleWith`` plus the hand-kept list.

As in NAV's parts service, the parts for a device (HMS-nr) are the union of

* catalogue parts whose compatibility names the product's series
  (``Product.series_id``) or the product itself (``Product.catalog_id`` or the
  HMS-nr), limited to parts suitable for municipal technicians where the
  catalogue says so (``for_municipal_technician`` is not False), and
* the hand-kept list product → parts (``ProductPart``).

Precedence as NAV's ``FinnDelerTilHjelpemiddel`` ("skal bruke info fra
grunndata dersom del finnes både i grunndata og i manuell liste"): a part the
catalogue lists for this device shows the catalogue's values — name
(``articleName``), category (its first word, ``category_of``), NAV's default
for that category, NAV's maximum (4; batteries by the part's ISO class: 1
for person lifts, 2 for electric wheelchairs), the spare-part/accessory flags
and the catalogue picture — even when the hand-kept list has the part too.
A part only on the hand-kept list keeps the list's name, category, default
and maximum as they stand (NAV lets you order up to the list's 8).
Deliberate difference: the default is never above the maximum (NAV would
start a person lift's battery line at 2 with a maximum of 1).

The lookup is two indexed queries (product by primary key, then one UNION ALL)
whatever the number of parts; a picture stored with the part comes along.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from dataclasses import dataclass, field

from sqlalchemy import and_, literal, or_, select, union_all
from sqlalchemy.orm import Session

from hms_desk.domain import categories
from hms_desk.parts import rules
from hms_desk.storage.models import Part, PartCompatibility, PartPicture, Product, ProductPart

SOURCE_SERIES = "serie"
SOURCE_PRODUCT = "produkt"
SOURCE_LIST = "deleliste"
_SOURCE_ORDER = (SOURCE_SERIES, SOURCE_PRODUCT, SOURCE_LIST)
_KIND_TO_SOURCE = {"series": SOURCE_SERIES, "product": SOURCE_PRODUCT}


@dataclass(frozen=True)
class PartInfo:
    hmsnr: str
    name: str
    supplier_ref: str
    category: str
    default_qty: int
    max_qty: int                      # already adjusted for the device
    is_spare_part: bool
    is_accessory: bool
    image: str                        # the picture's reference (file name or catalogue media URI)
    sources: tuple[str, ...]          # e.g. ("serie", "deleliste")
    picture: bytes = field(default=b"", repr=False, compare=False)   # stored picture (JPEG), if any

    @property
    def is_battery(self) -> bool:
        return rules.is_battery(self.category)

    @property
    def from_catalogue(self) -> bool:
        return SOURCE_SERIES in self.sources or SOURCE_PRODUCT in self.sources


_PART_COLUMNS = (
    Part.hmsnr, Part.name, Part.supplier_ref, Part.category, Part.default_qty, Part.max_qty,
    Part.is_spare_part, Part.is_accessory, Part.image, Part.iso_category, Part.catalog_name,
    Part.catalog_image, Part.catalog_is_spare_part, Part.catalog_is_accessory,
    PartPicture.data.label("picture"),
)


def parts_for_device(session: Session, hmsnr: str, iso: str | None = None) -> list[PartInfo]:
    """The parts that fit product ``hmsnr``; ``iso`` is the device's ISO code (falls back to the product's)."""
    product = session.get(Product, hmsnr)
    if iso is None and product is not None:
        iso = product.iso_category or None

    product_ids = [hmsnr]
    if product is not None and product.catalog_id:
        product_ids.append(product.catalog_id)
    targets = [and_(PartCompatibility.target_kind == "product", PartCompatibility.target_id.in_(product_ids))]
    if product is not None and product.series_id:
        targets.append(and_(PartCompatibility.target_kind == "series",
                            PartCompatibility.target_id == product.series_id))

    compatible = (
        select(*_PART_COLUMNS, PartCompatibility.target_kind.label("source"))
        .join(PartCompatibility, PartCompatibility.part_hmsnr == Part.hmsnr)
        .outerjoin(PartPicture, PartPicture.part_hmsnr == Part.hmsnr)
        .where(or_(*targets))
        .where(or_(Part.for_municipal_technician.is_(None), Part.for_municipal_technician.is_(True)))
    )
    hand_kept = (
        select(*_PART_COLUMNS, literal("list").label("source"))
        .join(ProductPart, ProductPart.part_hmsnr == Part.hmsnr)
        .outerjoin(PartPicture, PartPicture.part_hmsnr == Part.hmsnr)
        .where(ProductPart.product_hmsnr == hmsnr)
    )
    rows = session.execute(union_all(compatible, hand_kept)).all()

    by_part: dict[str, tuple[tuple, set[str]]] = {}
    for row in rows:
        source = _KIND_TO_SOURCE.get(row.source, SOURCE_LIST)
        entry = by_part.setdefault(row.hmsnr, (row, set()))
        entry[1].add(source)

    parts = [_part_info(row, sources, iso) for row, sources in by_part.values()]
    parts.sort(key=lambda p: (nb_sort_key(p.category), nb_sort_key(p.name), p.hmsnr))
    return parts


def _part_info(row, sources: set[str], iso: str | None) -> PartInfo:
    """One part as this device shows it: catalogue values when the catalogue lists it here (NAV)."""
    if sources & {SOURCE_SERIES, SOURCE_PRODUCT}:
        name = row.catalog_name or row.name
        category = categories.category_of(name)
        default = categories.default_quantity(category)
        # NAV: maksAntall(kategori, the part's own ISO code); without one, the device's
        max_qty = categories.nav_max_quantity(category, row.iso_category or iso)
        spare = row.catalog_is_spare_part if row.catalog_is_spare_part is not None else row.is_spare_part
        accessory = row.catalog_is_accessory if row.catalog_is_accessory is not None else row.is_accessory
        image = row.catalog_image or row.image or ""
    else:
        name = row.name
        category = categories.category_of(row.category or name)
        default = row.default_qty or categories.default_quantity(category)
        max_qty = rules.list_max_quantity(row.max_qty)
        spare, accessory, image = row.is_spare_part, row.is_accessory, row.image or ""
    return PartInfo(
        hmsnr=row.hmsnr,
        name=name,
        supplier_ref=row.supplier_ref or "",
        category=category,
        default_qty=max(1, min(default, max_qty)),
        max_qty=max_qty,
        is_spare_part=bool(spare),
        is_accessory=bool(accessory),
        image=image,
        sources=tuple(s for s in _SOURCE_ORDER if s in sources),
        picture=bytes(row.picture) if row.picture else b"",
    )


def group_by_category(parts: Iterable[PartInfo]) -> dict[str, list[PartInfo]]:
    """Parts grouped by category, categories in Norwegian alphabetical order."""
    groups: dict[str, list[PartInfo]] = {}
    for part in sorted(parts, key=lambda p: (nb_sort_key(p.category), nb_sort_key(p.name), p.hmsnr)):
        groups.setdefault(part.category, []).append(part)
    return groups


def search_parts(parts: Iterable[PartInfo], text: str) -> list[PartInfo]:
    """Parts whose name, HMS-nr or supplier art.no. contain every word of ``text`` (case-insensitive)."""
    words = (text or "").casefold().split()
    if not words:
        return list(parts)
    out = []
    for part in parts:
        haystack = f"{part.name} {part.hmsnr} {part.supplier_ref}".casefold()
        if all(w in haystack for w in words):
            out.append(part)
    return out


_NB_ORDER = str.maketrans({"æ": "{", "ø": "|", "å": "}"})


def nb_sort_key(text: str) -> str:
    """Sort key with Norwegian æ, ø, å after z."""
    return (text or "").casefold().translate(_NB_ORDER)


IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg")


def part_image_path(image: str, images_dir: Path) -> Path | None:
    """The part's catalogue picture if it is available offline in ``images_dir``; never fetched.

    ``image`` is the catalogue's file name or media URI (``"150817.jpg"``,
    ``"orig/1234.jpg"``); only its last path component is looked up, so a
    URI cannot point outside the folder.
    """
    name = Path((image or "").replace("\\", "/")).name
    if not name or Path(name).suffix.lower() not in IMAGE_SUFFIXES:
        return None
    candidate = Path(images_dir) / name
    return candidate if candidate.is_file() else None
