"""Benchmark the parts assistant: the parts list for a device and the parts-order PDF.

A temporary profile is seeded with the full bundled NAV catalogue and the
synthetic register (as on first start).  Measured:

* ``parts_for_device`` for the demo device (250464) many times, and once for
  every product in the catalogue ("many devices"): p50/p99 in ms, target
  p99 ≤ 20 ms;
* the parts-order PDF for a real order, without and with the case's
  anonymised snapshot: the writer alone and the whole service path (compose
  from the database, decrypt the picture, write): p50/max in ms, target
  ≤ 300 ms;
* side by side in the same run, the naive peer for the parts list: load
  every part and compatibility row through the ORM and filter in
  Python (what a first version would do), as a ratio.

    .venv/bin/python bench/parts.py            # full run
    .venv/bin/python bench/parts.py --quick    # under a minute

The last line printed is one JSON object with the figures.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import cv2  # noqa: E402
import numpy as np  # noqa: E402
from sqlalchemy import select  # noqa: E402

from hms_desk.app import Options, build_core, seed_if_empty  # noqa: E402
from hms_desk.parts.catalog import parts_for_device  # noqa: E402
from hms_desk.platform.resources import resource  # noqa: E402
from hms_desk.platform.secrets import MemorySecrets  # noqa: E402
from hms_desk.platform.tasks import InlineTasks  # noqa: E402
from hms_desk.storage.models import Part, PartCompatibility, Product, ProductPart  # noqa: E402

DEMO = ("250464", "123456")


def pct(values: list[float], q: float) -> float:
    values = sorted(values)
    if not values:
        return float("nan")
    k = min(len(values) - 1, max(0, int(round(q / 100 * (len(values) - 1)))))
    return values[k]


def ms(f, *args) -> float:
    t = time.perf_counter()
    f(*args)
    return (time.perf_counter() - t) * 1000


def naive_parts(session, hmsnr: str) -> list[str]:
    """The peer: every part and every compatibility row through the ORM, filtered in Python."""
    product = session.get(Product, hmsnr)
    ids = {hmsnr} | ({product.catalog_id} if product and product.catalog_id else set())
    series = product.series_id if product else None
    listed = set(session.scalars(select(ProductPart.part_hmsnr).where(ProductPart.product_hmsnr == hmsnr)))
    compat: dict[str, list[PartCompatibility]] = {}
    for c in session.scalars(select(PartCompatibility)):
        compat.setdefault(c.part_hmsnr, []).append(c)
    out = []
    for part in session.scalars(select(Part)):
        fits = any((c.target_kind == "series" and c.target_id == series)
                   or (c.target_kind == "product" and c.target_id in ids) for c in compat.get(part.hmsnr, ()))
        if (fits and part.for_municipal_technician is not False) or part.hmsnr in listed:
            out.append(part.hmsnr)
    return out


def scene_with_face() -> np.ndarray:
    img = np.full((720, 1280, 3), 90, np.uint8)
    cv2.rectangle(img, (700, 200), (1200, 600), (40, 40, 160), -1)
    img[100:612, 60:572] = cv2.imread(str(resource("demo", "astronaut.jpg")))
    return img


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true", help="fewer repetitions")
    args = ap.parse_args(argv)
    reps = 300 if args.quick else 2000
    pdf_reps = 8 if args.quick else 30

    with tempfile.TemporaryDirectory(prefix="hms-bench-parts-") as tmp:
        t0 = time.perf_counter()
        core = build_core(Options(profile=Path(tmp) / "profile", secrets=MemorySecrets(), tasks=InlineTasks()))
        seed_if_empty(core.db)
        print(f"seeded profile in {time.perf_counter() - t0:.1f} s", flush=True)
        try:
            result = run(core, Path(tmp), reps, pdf_reps)
        finally:
            core.close()
    result["quick"] = args.quick
    print(json.dumps(result))
    return 0


def run(core, tmp: Path, reps: int, pdf_reps: int) -> dict:
    from hms_desk.documents.orders_pdf import write_parts_order_pdf
    from hms_desk.parts.orders import DraftLine, OrderDraft

    with core.db.session() as s:
        products = list(s.scalars(select(Product.hmsnr)))
        n_parts = len(list(s.scalars(select(Part.hmsnr))))
        iso = s.get(Product, DEMO[0]).iso_category or None
        for _ in range(20):                                   # warm caches and statement cache
            parts_for_device(s, DEMO[0], iso)
        demo = [ms(parts_for_device, s, DEMO[0], iso) for _ in range(reps)]
        demo_count = len(parts_for_device(s, DEMO[0], iso))
        peer = [ms(naive_parts, s, DEMO[0]) for _ in range(max(20, reps // 10))]
        assert sorted(naive_parts(s, DEMO[0])) == sorted(p.hmsnr for p in parts_for_device(s, DEMO[0], iso))
        many = [ms(parts_for_device, s, h, None) for h in products]
    print(f"parts list: demo p50 {statistics.median(demo):.2f} ms p99 {pct(demo, 99):.2f} ms; "
          f"{len(products)} products p99 {pct(many, 99):.2f} ms; naive peer p50 {statistics.median(peer):.2f} ms",
          flush=True)

    # a real order with and without the case's anonymised picture
    case = core.cases.start()
    snap = core.cases.take_snapshot(case.id, scene_with_face())
    with core.db.session() as s:
        fitting = [p for p in parts_for_device(s, DEMO[0], iso) if not p.is_battery][:3]
    lines = [DraftLine(p.hmsnr, quantity=1) for p in fitting] + [
        DraftLine(None, "1503-1003", "Bremsewire venstre 120 cm", 1, unknown_part=True)]

    def order(key, **kw):
        return core.orders.create(OrderDraft(DEMO[0], DEMO[1], "T100001", core.settings.hms_unit, "servicejobb",
                                             lines, request_key=key, **kw)).order.number
    plain = order("bench-plain")
    pictured = order("bench-pic", case_id=case.id, snapshot_id=snap.id)
    docs = core.order_documents
    figures: dict = {}
    for label, number in (("without_snapshot", plain), ("with_snapshot", pictured)):
        data = docs.compose(number)
        assert (data.snapshot is not None) == (label == "with_snapshot")
        write_parts_order_pdf(data, tmp / "warm.pdf")
        writer = [ms(write_parts_order_pdf, data, tmp / f"{label}.pdf") for _ in range(pdf_reps)]
        service = [ms(docs.write_pdf, number, "bestilling", tmp / f"{label}-svc.pdf") for _ in range(pdf_reps)]
        figures[label] = {"writer_p50_ms": round(statistics.median(writer), 1), "writer_max_ms": round(max(writer), 1),
                          "service_p50_ms": round(statistics.median(service), 1),
                          "service_max_ms": round(max(service), 1),
                          "bytes": (tmp / f"{label}.pdf").stat().st_size}
        print(f"parts-order PDF {label}: writer p50 {figures[label]['writer_p50_ms']} ms, "
              f"service p50 {figures[label]['service_p50_ms']} ms, max {figures[label]['service_max_ms']} ms",
              flush=True)

    p99 = pct(demo, 99)
    pdf_worst = max(f["service_max_ms"] for f in figures.values())
    return {
        "bench": "parts",
        "catalogue_parts": n_parts, "catalogue_products": len(products), "demo_parts": demo_count,
        "parts_list_demo_p50_ms": round(statistics.median(demo), 3), "parts_list_demo_p99_ms": round(p99, 3),
        "parts_list_all_products_p50_ms": round(statistics.median(many), 3),
        "parts_list_all_products_p99_ms": round(pct(many, 99), 3),
        "parts_list_target_p99_ms": 20,
        "naive_peer_p50_ms": round(statistics.median(peer), 3),
        "naive_peer_over_ours_p50": round(statistics.median(peer) / statistics.median(demo), 1),
        "pdf": figures, "pdf_target_ms": 300,
        "ok": p99 <= 20 and pct(many, 99) <= 20 and pdf_worst <= 300,
    }


if __name__ == "__main__":
    raise SystemExit(main())
