"""`hms-desk read-label IMAGE... [--json]`: read the device's identity from pictures.

The same reader the GUI uses (:func:`hms_desk.labels.read_label`): barcodes
(Code 128/GS1-128, Data Matrix, QR, EAN-13, Code 39 …) with GS1 fields, then
the NAV sticker's text by OCR, and HMS-nr/serienr candidates scored against
the local register (a device the register knows wins).  Pictures are loaded by
the app's one image loader (:func:`hms_desk.video.images.read_image`).

Exit code 0 when every picture could be read as a picture, even if no code or
number was found in it; 1 if a picture could not be read at all (missing,
empty, damaged, too large — a Norwegian message per picture on stderr).
"""

from __future__ import annotations

import sys
from pathlib import Path

from hms_desk.cli.common import print_json
from hms_desk.domain.errors import HmsError


def register(sub, common) -> None:
    rl = sub.add_parser("read-label", parents=[common],
                        help="les strekkoder, GS1-felt og NAV-merkets HMS-nr/serienr fra bilder")
    rl.add_argument("images", nargs="+", type=Path, metavar="BILDE")
    rl.add_argument("--json", action="store_true")
    rl.add_argument("--no-ocr", action="store_true", help="bare strekkoder (ingen tekstgjenkjenning)")
    rl.add_argument("--no-register", action="store_true",
                    help="ikke slå kandidatene opp i registeret (ingen database åpnes)")
    rl.add_argument("--budget", type=float, default=10.0, metavar="SEK",
                    help="tidsbudsjett per bilde i sekunder (standard 10)")
    rl.set_defaults(handler=cmd_read_label)


def read_files(images: list[Path], *, known=None, ocr: bool = True, budget_s: float = 10.0) -> list[dict]:
    """One JSON-ready dict per picture (``error`` is a Norwegian message or None)."""
    from hms_desk.labels import read_label
    from hms_desk.video.images import read_image

    rows: list[dict] = []
    for path in images:
        row: dict = {"file": str(path), "error": None}
        try:
            image = read_image(path)
            read = read_label(image, known=known, ocr=ocr, budget_s=budget_s)
            row.update(read.to_json())
        except HmsError as exc:
            row.update({"width": None, "height": None, "region": None, "codes": [], "hmsnr": [], "serienr": [],
                        "best": None, "text": [], "ocr": "ikke kjørt", "elapsed_ms": None,
                        "error": exc.message})
        rows.append(row)
    return rows


def _print_text(rows: list[dict]) -> None:
    for r in rows:
        if r["error"]:
            continue
        name = Path(r["file"]).name
        print(f"{name}:")
        for c in r["codes"]:
            text = c["gs1"]["bracketed"] if c["gs1"] else c["text"].replace("\x1d", "<GS>")
            print(f"  {c['format']}: {text}")
            for f in (c["gs1"] or {}).get("fields", []):
                extra = f" ({f['date']})" if f.get("date") else ""
                print(f"    ({f['ai']}) {f['name']}: {f['value']}{extra}")
        best = r["best"]
        if best:
            status = {True: "finnes i registeret", False: "finnes ikke i registeret", None: "ikke sjekket"}
            print(f"  HMS-nr {best['hmsnr']} · Serienr {best['serienr']} — {status[best['known']]}")
        else:
            hms = ", ".join(c["value"] for c in r["hmsnr"]) or "–"
            ser = ", ".join(c["value"] for c in r["serienr"]) or "–"
            print(f"  HMS-nr: {hms}  Serienr: {ser}")
        if r["ocr"] not in ("ok", "ikke kjørt"):
            print(f"  OCR: {r['ocr']}")


def cmd_read_label(args) -> int:
    known = None
    core = None
    if not args.no_register:
        from hms_desk.cli.common import core_from_args
        from hms_desk.labels.register import known_in_register

        core = core_from_args(args)
        known = known_in_register(core.db)
    try:
        rows = read_files(list(args.images), known=known, ocr=not args.no_ocr, budget_s=args.budget)
    finally:
        if core is not None:
            core.close()
    failed = sum(1 for r in rows if r["error"])
    if args.json:
        print_json({"images": rows, "failed": failed})
    else:
        _print_text(rows)
    for r in rows:
        if r["error"]:
            sys.stderr.write(r["error"] + "\n")
    return 1 if failed else 0
