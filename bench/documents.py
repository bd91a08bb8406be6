"""Benchmark the documents: the journal note and every other document HMS Desk makes.

Measured (the process is pinned to 2 CPU cores where the OS allows it):

* the journal note — 3 pages with 4 anonymised 1280×720 pictures:
  - ``render``: the pure CPU step (PDF/A-2b bytes from plain data), p50/max ms;
  - ``export``: the whole export through the services on a real profile —
    collect (database, decrypt the 4 pictures), render, store (file, audit) —
    p50/max ms.  Target: ≤ 500 ms.
* the note as text and JSON; the parts order (with picture), the repair order,
  the deletion receipt and the deviation report: p50 ms each;
* the PDF/A self-check (``pdfa_check``) per document: p50 ms;
* side by side, the peer: the same 4 pictures handed to ReportLab's own
  ``Image`` flowable as PNG (what the writers did before: ReportLab decodes
  and re-compresses every pixel) against our prepared-JPEG path, as a ratio.

    .venv/bin/python bench/documents.py            # full run
    .venv/bin/python bench/documents.py --quick    # under a minute

The last line printed is one JSON object with the figures.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from hms_desk.documents.samples import (  # noqa: E402
    sample_deletion_receipt,
    sample_deviation,
    sample_note,
    sample_order_doc,
    sample_picture,
)

TARGET_MS = 500.0


def pin_two_cores() -> int:
    """Pin to two CPUs (the target machine has two); returns how many we run on."""
    try:
        cpus = sorted(os.sched_getaffinity(0))
        os.sched_setaffinity(0, cpus[:2])
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 0


def timed(fn, n: int) -> list[float]:
    out = []
    for _ in range(n):
        t = time.perf_counter()
        fn()
        out.append((time.perf_counter() - t) * 1000)
    return out


def p50(values: list[float]) -> float:
    return round(statistics.median(values), 1)


def bench_render(n: int) -> tuple[dict, bytes]:
    from hms_desk.documents.journal_note import render_pdf

    bundle = sample_note(pages=3, pictures=4, devices=1)
    first = render_pdf(bundle)                       # warm: fonts, imports
    times = timed(lambda: render_pdf(bundle), n)
    return {"pages": first.pages, "pictures": 4, "p50_ms": p50(times), "max_ms": round(max(times), 1),
            "kb": round(len(first.data) / 1024)}, first.data


def bench_export(n: int) -> dict:
    """The three steps through the services on a temporary profile."""
    import numpy as np

    from hms_desk.app import Options, build_core
    from hms_desk.documents.journal_note import render
    from hms_desk.platform.secrets import MemorySecrets

    with tempfile.TemporaryDirectory(prefix="hms-bench-docs-") as tmp:
        core = build_core(Options(profile=Path(tmp), secrets=MemorySecrets()))
        try:
            case = core.cases.start()
            core.cases.set_device(case.id, "250464", "123456", "0301")
            import cv2

            for seed in range(1, 5):
                png = sample_picture(seed=seed)
                frame = cv2.imdecode(np.frombuffer(png, np.uint8), cv2.IMREAD_COLOR)
                core.cases.take_snapshot(case.id, frame)       # anonymised, encrypted, as in a call
            note = core.journal.open_note(case.id)
            sample = sample_note(pages=3, pictures=4, devices=1).note
            note.problem, note.findings = sample.problem, sample.findings
            note.participants, note.consents = sample.participants, sample.consents
            note.decision, note.decision_reason = sample.decision, sample.decision_reason
            note.summary, note.next_contact = sample.summary, sample.next_contact
            for i, pic in enumerate(note.pictures, start=1):
                pic.caption = f"Bilde av hjul og brems {i}"
            core.journal.save_draft(note)
            out = Path(tmp) / "notat.pdf"
            steps: dict[str, list[float]] = {"collect": [], "render": [], "store": [], "total": []}
            pages = 0
            for i in range(n + 1):
                t0 = time.perf_counter()
                bundle = core.journal.collect(note)
                t1 = time.perf_counter()
                rendered = render(bundle, "pdf")
                t2 = time.perf_counter()
                core.journal.store(bundle, rendered, out)
                t3 = time.perf_counter()
                if i == 0:
                    pages = rendered.pages or 0
                    continue                                        # warm-up
                for key, value in (("collect", t1 - t0), ("render", t2 - t1), ("store", t3 - t2),
                                   ("total", t3 - t0)):
                    steps[key].append(value * 1000)
        finally:
            core.close()
    return {"pages": pages, **{f"{k}_p50_ms": p50(v) for k, v in steps.items()},
            "total_max_ms": round(max(steps["total"]), 1)}


def bench_others(n: int) -> dict:
    from hms_desk.documents.deviation_doc import render_deviation
    from hms_desk.documents.journal_note import render_json, render_text
    from hms_desk.documents.orders_pdf import write_parts_order_pdf, write_repair_order_pdf
    from hms_desk.documents.receipt_pdf import write_deletion_receipt_pdf

    note = sample_note(pages=3, pictures=4, devices=1)
    order = sample_order_doc()
    receipt = sample_deletion_receipt()
    deviation = sample_deviation()
    out: dict[str, float] = {}
    with tempfile.TemporaryDirectory(prefix="hms-bench-docs-") as tmp:
        target = Path(tmp) / "doc.pdf"
        jobs = {
            "note_text": lambda: render_text(note),
            "note_json": lambda: render_json(note),
            "parts_order_pdf": lambda: write_parts_order_pdf(order, target),
            "repair_order_pdf": lambda: write_repair_order_pdf(order, target),
            "deletion_receipt_pdf": lambda: write_deletion_receipt_pdf(receipt, target),
            "deviation_pdf": lambda: render_deviation(deviation, "pdf"),
            "deviation_text": lambda: render_deviation(deviation, "text"),
        }
        for name, job in jobs.items():
            job()
            out[f"{name}_p50_ms"] = p50(timed(job, n))
    return out


def bench_check(n: int) -> dict:
    from hms_desk.documents.pdfa_check import check_pdf
    from hms_desk.documents.samples import render_every_document

    docs = render_every_document()
    result = {}
    for kind, data in docs.items():
        report = check_pdf(data)
        if not report.ok:
            raise SystemExit(f"{kind}: self-check failed:\n{report.describe()}")
        result[f"{kind}_ms"] = p50(timed(lambda d=data: check_pdf(d), n))
    return {"all_pass": True, **result}


def bench_peer(n: int) -> dict:
    """ReportLab's own Image flowable with PNG pictures vs our prepared JPEGs (4 pictures, one story)."""
    from reportlab.platypus import Image

    from hms_desk.documents.pdf_base import (
        CONTENT_WIDTH,
        DocumentMeta,
        build_pdf_bytes,
        picture_box_px,
        prepare_images,
        snapshot_flowable,
    )

    pictures = [sample_picture(seed=s) for s in range(1, 5)]
    meta = DocumentMeta("Bilder", "benchmark", "Notat", "Oslo", "Saksnr.", "S-1")
    height = 75 * 72 / 25.4

    def ours():
        prepared = prepare_images(pictures, picture_box_px(CONTENT_WIDTH, height))
        return build_pdf_bytes(meta, [snapshot_flowable(p, "bilde", max_height=height) for p in prepared])

    def peer():
        story = []
        for png in pictures:
            img = Image(io.BytesIO(png), width=CONTENT_WIDTH, height=CONTENT_WIDTH * 720 / 1280)
            story.append(img)
        return build_pdf_bytes(meta, story)

    ours(), peer()
    t_ours, t_peer = timed(ours, n), timed(peer, n)
    return {"ours_p50_ms": p50(t_ours), "reportlab_png_p50_ms": p50(t_peer),
            "speedup": round(p50(t_peer) / max(0.1, p50(t_ours)), 2)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true", help="fewer repetitions (under a minute)")
    args = ap.parse_args(argv)
    n = 5 if args.quick else 20
    cores = pin_two_cores()
    t0 = time.perf_counter()
    render_figs, _ = bench_render(n)
    print(f"journal note render: {render_figs}", file=sys.stderr)
    export_figs = bench_export(n)
    print(f"journal note export (collect+render+store): {export_figs}", file=sys.stderr)
    others = bench_others(n)
    print(f"other documents: {others}", file=sys.stderr)
    check = bench_check(3 if args.quick else 10)
    print(f"self-check: {check}", file=sys.stderr)
    peer = bench_peer(3 if args.quick else 10)
    print(f"peer (pictures): {peer}", file=sys.stderr)
    result = {
        "bench": "documents", "quick": args.quick, "cores": cores, "repetitions": n,
        "journal_note_3p_4pic": {**render_figs, "export": export_figs, "target_ms": TARGET_MS,
                                 "meets_target": export_figs["total_p50_ms"] <= TARGET_MS},
        "other_documents": others, "pdfa_self_check": check, "peer_pictures": peer,
        "seconds": round(time.perf_counter() - t0, 1),
    }
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
