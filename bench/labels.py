"""Benchmark the label reader: barcodes on real photos, sticker OCR, the live barcode path.

Three parts, each side by side with a plain peer in the same run:

* **barcodes** — ``../shared/data/barcodes`` (real photos, ``expected.json``):
  ``hms_desk.labels.read_label`` (barcode part, as ``hms-desk read-label``
  runs it, loading through ``hms_desk.video.images``) against one plain
  ``zxingcpp.read_barcodes`` call per image (``cv2.imread``, text mode Plain
  so GS1 text is raw).  An image is *read* when one result equals the expected
  text (all of them for ``texts``).  A *wrong* read is a result of the
  expected symbology whose text is not expected, on an image that was not
  read (so a second, legitimate code on a read image is not counted).
* **stickers** — NAV-style sticker pictures made by ``bench/stickers.py``
  (fixed seed): the reader (find the sticker's text block, read only it)
  against a plain baseline — one RapidOCR call on the whole frame with the
  same bundled models and the angle classifier, plus a regular expression for
  the two labelled numbers.  *read* = both numbers exact; *wrong* = a pair was
  given and it is not the right one; time per frame (median and mean).
* **live** — the barcode path as the live video runs it (``live=True``) on
  1920×1080 frames (the demo scene scaled up, and the sticker frames): median
  and p95 per frame.

    .venv/bin/python bench/labels.py            # 158 photos, 80 stickers, 200 live frames
    .venv/bin/python bench/labels.py --quick    # 158 photos, 20 stickers, 60 live frames

The last line printed is one JSON object with the figures.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import cv2  # noqa: E402
import numpy as np  # noqa: E402
import zxingcpp  # noqa: E402

from hms_desk.labels import read_label  # noqa: E402
from hms_desk.video.images import read_image  # noqa: E402

DATA = ROOT.parent / "shared" / "data" / "barcodes"


def _ms(xs: list[float]) -> float:
    return round(statistics.median(xs) * 1000, 1) if xs else 0.0


def bench_barcodes(log) -> dict:
    items = json.loads((DATA / "expected.json").read_text())["images"]
    ours = base = ours_wrong = base_wrong = 0
    t_ours: list[float] = []
    t_base: list[float] = []
    for e in items:
        want = set(e.get("texts") or [e["text"]])
        fmt = e["format"]
        t = time.perf_counter()
        img = cv2.imread(str(DATA / e["file"]))
        base_res = zxingcpp.read_barcodes(img, text_mode=zxingcpp.TextMode.Plain)
        t_base.append(time.perf_counter() - t)
        base_texts = {r.text for r in base_res}
        t = time.perf_counter()
        read = read_label(read_image(DATA / e["file"]), ocr=False, budget_s=4.0)
        t_ours.append(time.perf_counter() - t)
        our_texts = {c.text for c in read.codes}
        ok_b, ok_o = want <= base_texts, want <= our_texts
        base += ok_b
        ours += ok_o
        base_wrong += (not ok_b) and any(r.format.name.startswith(fmt) and r.text not in want for r in base_res)
        ours_wrong += (not ok_o) and any(c.format.startswith(fmt) and c.text not in want for c in read.codes)
        if not ok_o:
            log(f"  barcode not read: {e['file']} ({', '.join(read.attempts)})")
    return {"images": len(items), "read": ours, "wrong": ours_wrong, "baseline_read": base,
            "baseline_wrong": base_wrong, "median_ms": _ms(t_ours), "baseline_median_ms": _ms(t_base),
            "mean_ms": round(1000 * sum(t_ours) / len(t_ours), 1),
            "baseline_mean_ms": round(1000 * sum(t_base) / len(t_base), 1)}


def bench_stickers(n: int, log) -> dict:
    from stickers import bench

    return bench(n, 12, log=log)


def bench_live(n: int) -> dict:
    from stickers import generate

    from hms_desk.video.demo_scene import DemoScene

    scene = DemoScene()
    frames = [cv2.resize(scene.render(i * 7), (1920, 1080), interpolation=cv2.INTER_LINEAR) for i in range(n // 2)]
    frames += [cv2.resize(img, (1920, 1080)) for _, img, _ in generate(n - len(frames), seed=99)]
    read_label(frames[0], live=True, budget_s=0.035)
    times, hits = [], 0
    for f in frames:
        t = time.perf_counter()
        r = read_label(f, live=True, budget_s=0.035)
        times.append(time.perf_counter() - t)
        hits += bool(r.codes)
    return {"frames": len(frames), "median_ms": _ms(times),
            "p95_ms": round(float(np.percentile(times, 95)) * 1000, 1), "frames_with_code": hits}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args(argv)
    log = (lambda s: print(s, file=sys.stderr)) if args.verbose else (lambda s: None)
    cv2.setNumThreads(2)
    result: dict = {"bench": "labels", "quick": args.quick}
    t = time.perf_counter()
    result["barcodes"] = bench_barcodes(log)
    print(f"barcodes: {json.dumps(result['barcodes'])}", file=sys.stderr)
    result["stickers"] = bench_stickers(20 if args.quick else 80, log)
    print(f"stickers: {json.dumps(result['stickers'])}", file=sys.stderr)
    result["live"] = bench_live(60 if args.quick else 200)
    result["seconds"] = round(time.perf_counter() - t, 1)
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
