"""`hms-desk parts`: the parts that fit a product."""

from __future__ import annotations

from hms_desk.cli.common import core_from_args, print_json
from hms_desk.domain.errors import NotFound


def register(sub, common) -> None:
    pa = sub.add_parser("parts", parents=[common], help="deler som passer til et produkt (HMS-nr)")
    pa.add_argument("hmsnr")
    pa.add_argument("--json", action="store_true")
    pa.set_defaults(handler=cmd_parts)


def cmd_parts(args) -> int:
    from hms_desk.domain.validation import validate_hmsnr
    from hms_desk.storage.models import Product

    hmsnr = validate_hmsnr(args.hmsnr)
    core = core_from_args(args)
    try:
        with core.db.session() as s:
            product = s.get(Product, hmsnr)
            if product is None:
                raise NotFound(f"Fant ikke produktet med HMS-nr {hmsnr} i katalogen.")
            parts = core.parts_for_device(s, hmsnr, product.iso_category or None)
            name = product.name
    finally:
        core.close()
    if args.json:
        print_json({"hmsnr": hmsnr, "product": name,
                     "parts": [{"hmsnr": p.hmsnr, "name": p.name, "supplier_ref": p.supplier_ref,
                                "category": p.category, "default_qty": p.default_qty,
                                "max_qty": p.max_qty, "sources": list(p.sources),
                                "is_spare_part": p.is_spare_part, "is_accessory": p.is_accessory,
                                "image": p.image, "has_picture": bool(p.picture)} for p in parts]})
    else:
        print(f"{hmsnr} {name}: {len(parts)} deler")
        for p in parts:
            accessory = ", tilbehør: må finnes på hjelpemidlet" if p.is_accessory else ""
            print(f"  {p.hmsnr}  {p.category:<10} {p.name}  (std {p.default_qty}, maks {p.max_qty}{accessory})")
    return 0
