"""`hms-desk import KIND PATH...`: catalogue and register files."""

from __future__ import annotations

import sys

from hms_desk.cli.common import core_from_args, print_json
from pathlib import Path

from hms_desk.domain.errors import HmsError

IMPORT_KINDS = ("grunndata", "parts", "products", "product-parts", "register")


def register(sub, common) -> None:
    im = sub.add_parser("import", parents=[common], help="importer katalog- eller registerfiler")
    im.add_argument("kind", choices=IMPORT_KINDS)
    im.add_argument("paths", nargs="+", type=Path)
    im.add_argument("--json", action="store_true")
    im.set_defaults(handler=cmd_import)


def cmd_import(args) -> int:
    from hms_desk.catalog import importers

    fn = {
        "grunndata": importers.import_grunndata,
        "parts": importers.import_parts,
        "products": importers.import_products,
        "product-parts": importers.import_product_parts,
        "register": importers.import_register,
    }[args.kind]
    for p in args.paths:
        if not p.exists():
            raise HmsError(f"Fant ikke filen {p}")
    core = core_from_args(args)
    try:
        def progress(done, total):
            if not args.json and sys.stderr.isatty():
                sys.stderr.write(f"\r{done}" + (f"/{total}" if total else "") + " rader")
        report = fn(core.db, list(args.paths), progress=progress)
    finally:
        core.close()
    if args.json:
        print_json(report.to_json() if hasattr(report, "to_json") else report.__dict__)
    else:
        print(f"\n{args.kind}: lest {report.rows_read}, nye {report.inserted}, oppdatert {report.updated}, "
              f"hoppet over {report.skipped}")
        for w in report.warnings:
            print(f"Advarsel: {w}")
        for e in report.errors[:50]:
            print(f"Feil: {e}")
    return 1 if report.errors else 0
