"""Command line: the GUI, and the same services without it.

  hms-desk [--profile DIR] [--db URL] [--demo] [--no-err-windows]
  hms-desk --version
  hms-desk lookup HMSNR SERIENR [--json]
  hms-desk parts HMSNR [--json]
  hms-desk import KIND PATH...       (grunndata, parts, products, product-parts, register)

Exit codes: 0 ok, 1 a failure the user can act on (message on stderr in
Norwegian), 2 wrong arguments, 3 not found.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from hms_desk import APP_NAME, __version__
from hms_desk.domain.errors import HmsError, NotFound

IMPORT_KINDS = ("grunndata", "parts", "products", "product-parts", "register")


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # exit 2 with a clear message
        self.print_usage(sys.stderr)
        sys.stderr.write(f"{self.prog}: feil: {message}\n")
        raise SystemExit(2)


def _common(default) -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--profile", type=Path, default=default,
                        help="kjør på en egen profilmappe (innstillinger, database, logger)")
    common.add_argument("--db", dest="db_url", default=default,
                        help="databaseadresse, f.eks. postgresql://… (ellers HMS_DESK_DB_URL eller SQLite i profilen)")
    return common


def _parser() -> argparse.ArgumentParser:
    # --profile/--db are accepted before and after the subcommand; the
    # subcommand's copy must not overwrite a value given before it.
    p = _Parser(prog="hms-desk", description=f"{APP_NAME} {__version__}", parents=[_common(None)])
    common = _common(argparse.SUPPRESS)
    p.add_argument("--version", action="store_true", help="vis versjoner og avslutt")
    p.add_argument("--demo", action="store_true", help="start med demovideo og demodata")
    p.add_argument("--no-err-windows", action="store_true", help="ingen feildialoger (for ubetjente kjøringer)")
    p.add_argument("--quit-after-show", action="store_true", help=argparse.SUPPRESS)
    p.add_argument("--lang", choices=("nb", "en"), help="språk i brukergrensesnittet")
    sub = p.add_subparsers(dest="command", parser_class=_Parser)

    lk = sub.add_parser("lookup", parents=[common], help="slå opp et hjelpemiddel på HMS-nr og serienr")
    lk.add_argument("hmsnr")
    lk.add_argument("serienr")
    lk.add_argument("--json", action="store_true")

    pa = sub.add_parser("parts", parents=[common], help="deler som passer til et produkt (HMS-nr)")
    pa.add_argument("hmsnr")
    pa.add_argument("--json", action="store_true")

    im = sub.add_parser("import", parents=[common], help="importer katalog- eller registerfiler")
    im.add_argument("kind", choices=IMPORT_KINDS)
    im.add_argument("paths", nargs="+", type=Path)
    im.add_argument("--json", action="store_true")
    return p


def version_text() -> str:
    import sqlite3

    import cv2
    import PySide6
    from PySide6 import QtCore

    return (f"{APP_NAME} {__version__}\n"
            f"Qt {QtCore.qVersion()} (PySide6 {PySide6.__version__})\n"
            f"OpenCV {cv2.__version__}\n"
            f"SQLite {sqlite3.sqlite_version}\n"
            f"Python {sys.version.split()[0]}")


def _core(args):
    from hms_desk.app import Options, build_core

    return build_core(Options(profile=args.profile, db_url=args.db_url))


def _print_json(obj) -> None:
    print(json.dumps(obj, ensure_ascii=False, indent=2, default=str))


def cmd_lookup(args) -> int:
    core = _core(args)
    try:
        card = core.lookup.lookup(args.hmsnr, args.serienr)
    finally:
        core.close()
    if args.json:
        _print_json(card.to_json())
    else:
        rows = [
            ("Produkt", card.product_name), ("Serie", card.series), ("HMS-nr", card.hmsnr),
            ("Serienr", card.serial), ("Leverandør", f"{card.supplier} {card.supplier_ref}".strip()),
            ("ISO", card.iso_category), ("Status", card.article_status),
            ("Utlånstype", card.loan_type_text),
            ("Kommune", f"{card.municipality_number} {card.municipality_name}".strip()),
            ("HMS", f"{card.hms_unit} {card.hms_unit_name}".strip()),
            ("Garanti til", f"{card.warranty_end or '–'} ({'under garanti' if card.under_warranty else 'utløpt'})"),
        ]
        for k, v in rows:
            print(f"{k:<12} {v}")
    return 0


def cmd_parts(args) -> int:
    from hms_desk.domain.validation import validate_hmsnr
    from hms_desk.storage.models import Product

    hmsnr = validate_hmsnr(args.hmsnr)
    core = _core(args)
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
        _print_json({"hmsnr": hmsnr, "product": name,
                     "parts": [{"hmsnr": p.hmsnr, "name": p.name, "supplier_ref": p.supplier_ref,
                                "category": p.category, "default_qty": p.default_qty,
                                "max_qty": p.max_qty, "sources": list(p.sources)} for p in parts]})
    else:
        print(f"{hmsnr} {name}: {len(parts)} deler")
        for p in parts:
            print(f"  {p.hmsnr}  {p.category:<10} {p.name}  (std {p.default_qty}, maks {p.max_qty})")
    return 0


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
    core = _core(args)
    try:
        def progress(done, total):
            if not args.json and sys.stderr.isatty():
                sys.stderr.write(f"\r{done}" + (f"/{total}" if total else "") + " rader")
        report = fn(core.db, list(args.paths), progress=progress)
    finally:
        core.close()
    if args.json:
        _print_json(report.to_json() if hasattr(report, "to_json") else report.__dict__)
    else:
        print(f"\n{args.kind}: lest {report.rows_read}, nye {report.inserted}, oppdatert {report.updated}, "
              f"hoppet over {report.skipped}")
        for w in report.warnings:
            print(f"Advarsel: {w}")
        for e in report.errors[:50]:
            print(f"Feil: {e}")
    return 1 if report.errors else 0


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.version:
        print(version_text())
        return 0
    if args.command is None:
        from hms_desk.app import Options
        from hms_desk.ui.application import run_gui

        return run_gui(Options(profile=args.profile, db_url=args.db_url, demo=args.demo,
                               no_err_windows=args.no_err_windows, quit_after_show=args.quit_after_show,
                               language=args.lang))
    handlers = {"lookup": cmd_lookup, "parts": cmd_parts, "import": cmd_import}
    try:
        return handlers[args.command](args)
    except NotFound as exc:
        if getattr(args, "json", False):
            _print_json({"error": exc.to_dict()})
        sys.stderr.write(f"{exc.message}\n")
        return 3
    except HmsError as exc:
        if getattr(args, "json", False):
            _print_json({"error": exc.to_dict()})
        sys.stderr.write(f"{exc.message}\n")
        return 1
