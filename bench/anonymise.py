"""Benchmark face anonymisation on the shared evaluation photos.

Runs :meth:`FaceAnonymiser.still` on every image in ``../shared/data/faces``
(read in place, never copied into the project), writes the anonymised
pictures to an output folder (a temporary one unless ``--out``), judges them
with ``../shared/tools/face_eval.py`` and times still mode per image, on a
1920x1080 frame, and live mode per frame.  The last line printed is one JSON
object with the figures.

    .venv/bin/python bench/anonymise.py            # full run
    .venv/bin/python bench/anonymise.py --quick    # under a minute
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import cv2
import numpy as np

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
DATASET = SHARED / "data" / "faces"
FACE_EVAL = SHARED / "tools" / "face_eval.py"

# A fixed, varied subset for --quick: crowds, small faces, big faces and all negatives.
QUICK_FILES = (
    "ulfd_1.jpg", "wider_cheering_7_16.jpg", "voc_2008_004176.jpg", "insightface_t1.jpg",
    "facerec_obama_and_biden.jpg", "skimage_astronaut.jpg", "libfd_android_test2.jpg",
    "neg_dav2_bicycles.jpg", "neg_dav2_room.jpg", "neg_dlib_dog_bicycle.jpg",
    "neg_skimage_motorcycle_room.jpg",
)


def _floats(text: str) -> tuple[float, ...]:
    return tuple(float(v) for v in text.split(",") if v.strip())


def _ints(text: str) -> tuple[int, ...]:
    return tuple(int(v) for v in text.split(",") if v.strip())


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true", help="a subset of images and fewer timing runs")
    ap.add_argument("--out", type=Path, help="keep the anonymised images here (default: temporary)")
    ap.add_argument("--threshold", type=float)
    ap.add_argument("--scales", type=_floats, help="still magnifications, e.g. 1,2")
    ap.add_argument("--overview", type=_ints, help="overview long sides, e.g. 640")
    ap.add_argument("--margin", type=float)
    ap.add_argument("--max-side", type=int, dest="max_pass_side")
    ap.add_argument("--method", choices=("blur", "pixelate"))
    ap.add_argument("--tile", type=int)
    ap.add_argument("--zoom-threshold", type=float, dest="zoom_threshold")
    ap.add_argument("--per-image", action="store_true", help="print face_eval's per-image lines")
    args = ap.parse_args(argv)

    from hms_desk.video.anonymise import FaceAnonymiser

    options = {k: v for k, v in {
        "threshold": args.threshold, "still_scales": args.scales, "overview_sides": args.overview,
        "margin": args.margin, "max_pass_side": args.max_pass_side, "method": args.method,
        "tile": args.tile, "zoom_threshold": args.zoom_threshold,
    }.items() if v is not None}
    anonymiser = FaceAnonymiser(**options)

    truth = json.loads((DATASET / "ground_truth.json").read_text(encoding="utf-8"))["images"]
    files = [im["file"] for im in truth]
    if args.quick:
        files = [f for f in files if f in QUICK_FILES]

    with tempfile.TemporaryDirectory(prefix="hms_anon_bench_") as tmp:
        out_dir = args.out or Path(tmp)
        out_dir.mkdir(parents=True, exist_ok=True)
        per_image_ms: list[float] = []
        detections = 0
        for name in files:
            image = cv2.imread(str(DATASET / name), cv2.IMREAD_COLOR)
            if image is None:
                raise SystemExit(f"kunne ikke lese {name}")
            t0 = time.perf_counter()
            result = anonymiser.still(image)
            per_image_ms.append((time.perf_counter() - t0) * 1000)
            detections += len(result.boxes)
            cv2.imwrite(str(out_dir / name), result.image, [cv2.IMWRITE_JPEG_QUALITY, 92])

        cmd = [sys.executable, str(FACE_EVAL), str(DATASET), str(out_dir)]
        if args.per_image:
            cmd.append("--per-image")
        proc = subprocess.run(cmd, capture_output=True, text=True, check=True)
        lines = proc.stdout.strip().splitlines()
        if args.per_image:
            for line in lines[:-1]:
                row = json.loads(line)
                if row["file"] in files and row["anonymised"] < row["faces"]:
                    print("miss:", line)
        evaluation = json.loads(lines[-1])

    if args.quick:  # face_eval counts images without output as all missed; discount them
        evaluation = _subset_recall(evaluation, truth, files)

    timing = _time_modes(anonymiser, DATASET / "facerec_obama_and_biden.jpg", reps=2 if args.quick else 5)
    summary = {
        "images": len(files),
        "faces": evaluation["faces"],
        "anonymised": evaluation["anonymised"],
        "recall": evaluation["recall"],
        "by_size": evaluation["by_size"],
        "negatives_blurred_tile_share": evaluation["negatives_blurred_tile_share"],
        "missing_outputs": evaluation["missing_outputs"],
        "boxes_found": detections,
        "ms_per_image_mean": round(statistics.fmean(per_image_ms), 1),
        "ms_per_image_median": round(statistics.median(per_image_ms), 1),
        "ms_per_image_max": round(max(per_image_ms), 1),
        **timing,
        "detector": anonymiser.detector_name,
        "config": {
            "threshold": anonymiser.threshold, "still_scales": anonymiser.still_scales,
            "overview_sides": anonymiser.overview_sides, "margin": anonymiser.margin,
            "zoom_threshold": anonymiser.zoom_threshold, "zoom_max_face": anonymiser.zoom_max_face,
            "tile": anonymiser.tile,
            "method": anonymiser.method, "max_pass_side": anonymiser.max_pass_side,
            "live_every": anonymiser.live_every, "live_side": anonymiser.live_side,
        },
        "quick": args.quick,
    }
    print(json.dumps(summary))
    return 0


def _subset_recall(evaluation: dict, truth: list[dict], files: list[str]) -> dict:
    """Recall over the processed images only.

    face_eval judges every image in the data set; one without output is compared
    with itself, so its faces count as missed and its tiles as untouched.
    """
    skipped = [im for im in truth if im["file"] not in files]
    skipped_faces = sum(1 for im in skipped for f in im["faces"] if not f.get("ignore"))
    faces = evaluation["faces"] - skipped_faces
    return {
        **evaluation,
        "faces": faces,
        "recall": round(evaluation["anonymised"] / faces, 4) if faces else None,
        "missing_outputs": evaluation["missing_outputs"] - len(skipped),
        "by_size": "n/a (quick)",
    }


def _time_modes(anonymiser, source: Path, reps: int) -> dict[str, float]:
    """Milliseconds for a 1920x1080 still and for live frames at 1920x1080 and 1280x720."""
    image = cv2.imread(str(source), cv2.IMREAD_COLOR)
    frame_1080 = cv2.resize(image, (1920, 1080), interpolation=cv2.INTER_AREA)
    frame_720 = cv2.resize(image, (1280, 720), interpolation=cv2.INTER_AREA)
    anonymiser.still(frame_1080)  # warm-up
    still_ms = []
    for _ in range(reps):
        t0 = time.perf_counter()
        anonymiser.still(frame_1080)
        still_ms.append((time.perf_counter() - t0) * 1000)
    result: dict[str, float] = {"ms_still_1920x1080": round(statistics.median(still_ms), 1)}
    for label, frame in (("1920x1080", frame_1080), ("1280x720", frame_720)):
        anonymiser.reset_live()
        n = anonymiser.live_every * (4 if reps < 5 else 10)
        times = []
        for i in range(n):
            # Shift the frame a little each time, like a hand-held camera.
            moved = np.roll(frame, shift=2 * i, axis=1)
            t0 = time.perf_counter()
            anonymiser.live(moved)
            times.append((time.perf_counter() - t0) * 1000)
        result[f"ms_live_frame_{label}_mean"] = round(statistics.fmean(times), 1)
        result[f"ms_live_frame_{label}_max"] = round(max(times), 1)
    return result


if __name__ == "__main__":
    sys.exit(main())
