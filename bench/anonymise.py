"""Benchmark face anonymisation on the shared evaluation photos, side by side with ``deface``.

Runs :meth:`FaceAnonymiser.still` on every image in ``../shared/data/faces``
(read in place, never copied into the project), writes the anonymised
pictures to an output folder (a temporary one unless ``--out``), judges them
with ``../shared/tools/face_eval.py`` and times still mode per image, on a
1920x1080 frame, and live mode per frame.

The peer is the ``deface`` command (CenterFace at the image's own size,
threshold 0.2), installed by this script in its own virtual environment
(``--deface-venv``, default ``/tmp/deface-venv``: ``python3 -m venv`` +
``pip install deface``; it pulls ``opencv-python``, which must never meet
PySide6 in the project's environment).  Both are judged by face_eval on the
same images, and both are timed on the same 1920x1080 picture: read,
anonymise, write, each warm in its own process (start-up left out for
both), in alternating rounds so machine load hits both alike.  ``--no-deface`` skips the peer.

    .venv/bin/python bench/anonymise.py            # full run
    .venv/bin/python bench/anonymise.py --quick    # under a minute (venv already made)

The last line printed is one JSON object with the figures.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
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
    ap.add_argument("--candidate-threshold", type=float, dest="zoom_candidate_threshold")
    ap.add_argument("--full-pixels", type=int, dest="zoom_full_pixels")
    ap.add_argument("--window", type=int, dest="zoom_window")
    ap.add_argument("--zoom-max-face", type=int, dest="zoom_max_face")
    ap.add_argument("--scale-step", type=float, dest="scale_step")
    ap.add_argument("--base-side", type=int, dest="base_side")
    ap.add_argument("--overview-threshold", type=float, dest="overview_threshold")
    ap.add_argument("--upscale", type=float, default=1.0,
                    help="robustness check: resize every photo by this factor first, for ours and deface "
                         "(0.5 = smaller, harder faces; face_eval scales back)")
    ap.add_argument("--per-image", action="store_true", help="print face_eval's per-image lines")
    ap.add_argument("--no-deface", action="store_true", help="skip the deface comparison")
    ap.add_argument("--deface-venv", type=Path, default=Path("/tmp/deface-venv"))
    args = ap.parse_args(argv)

    from hms_desk.video.anonymise import FaceAnonymiser

    options = {k: v for k, v in {
        "threshold": args.threshold, "still_scales": args.scales, "overview_sides": args.overview,
        "margin": args.margin, "max_pass_side": args.max_pass_side, "method": args.method,
        "tile": args.tile, "zoom_threshold": args.zoom_threshold,
        "zoom_candidate_threshold": args.zoom_candidate_threshold, "zoom_full_pixels": args.zoom_full_pixels,
        "zoom_window": args.zoom_window, "zoom_max_face": args.zoom_max_face, "scale_step": args.scale_step,
        "base_side": args.base_side, "overview_threshold": args.overview_threshold,
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
            if args.upscale != 1.0:
                image = cv2.resize(image, None, fx=args.upscale, fy=args.upscale, interpolation=cv2.INTER_CUBIC)
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
    peer: dict = {}
    if not args.no_deface:
        deface = _deface_command(args.deface_venv)
        peer = _deface_eval(deface, files, truth, args.quick, args.upscale)
        peer.update(_time_side_by_side(deface, DATASET / "facerec_obama_and_biden.jpg",
                                       reps=3 if args.quick else 5, rounds=2 if args.quick else 4))
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
        **peer,
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


def _deface_command(venv: Path) -> Path:
    """The ``deface`` executable in its own virtual environment, made (once) if missing."""
    exe = venv / "bin" / "deface"
    if not exe.is_file():
        print(f"installerer deface i {venv} …", file=sys.stderr)
        subprocess.run(["python3", "-m", "venv", str(venv)], check=True)
        subprocess.run([str(venv / "bin" / "pip"), "install", "-q", "deface"], check=True)
    return exe


def _deface_eval(deface: Path, files: list[str], truth: list[dict], quick: bool, upscale: float = 1.0) -> dict:
    """deface on the same images (one process), judged by face_eval; recall and time per image."""
    with tempfile.TemporaryDirectory(prefix="hms_deface_bench_") as tmp:
        work, out = Path(tmp) / "in", Path(tmp) / "out"
        work.mkdir()
        out.mkdir()
        for name in files:  # temporary copies outside the project, removed at once
            if upscale == 1.0:
                shutil.copy(DATASET / name, work / name)
            else:  # the same resized picture ours got
                image = cv2.imread(str(DATASET / name), cv2.IMREAD_COLOR)
                image = cv2.resize(image, None, fx=upscale, fy=upscale, interpolation=cv2.INTER_CUBIC)
                cv2.imwrite(str(work / name), image, [cv2.IMWRITE_JPEG_QUALITY, 95])
        t0 = time.perf_counter()
        subprocess.run([str(deface), *[str(work / n) for n in files]], check=True,
                       capture_output=True, text=True)
        total = time.perf_counter() - t0
        for name in files:
            stem, ext = os.path.splitext(name)
            shutil.move(str(work / f"{stem}_anonymized{ext}"), str(out / name))
        proc = subprocess.run([sys.executable, str(FACE_EVAL), str(DATASET), str(out)],
                              capture_output=True, text=True, check=True)
        evaluation = json.loads(proc.stdout.strip().splitlines()[-1])
    if quick:
        evaluation = _subset_recall(evaluation, truth, files)
    return {
        "deface_recall": evaluation["recall"],
        "deface_anonymised": evaluation["anonymised"],
        "deface_by_size": evaluation["by_size"],
        "deface_negatives_blurred_tile_share": evaluation["negatives_blurred_tile_share"],
        "deface_ms_per_image_incl_startup": round(total / len(files) * 1000, 1),
    }


_DEFACE_TIMER = r"""
import sys, time, statistics
from deface.centerface import CenterFace
from deface.deface import image_detect
path, out, reps = sys.argv[1], sys.argv[2], int(sys.argv[3])
cf = CenterFace(in_shape=None, backend="auto")
def one():
    image_detect(ipath=path, opath=out, centerface=cf, threshold=0.2, replacewith="blur", mask_scale=1.3,
                 ellipse=True, draw_scores=False, enable_preview=False, keep_metadata=False)
one()  # warm-up
times = []
for _ in range(reps):
    t0 = time.perf_counter(); one(); times.append(time.perf_counter() - t0)
print(statistics.median(times))
"""


def _time_side_by_side(deface: Path, source: Path, reps: int, rounds: int) -> dict:
    """ms per 1920x1080 image, read -> anonymise -> write, ours and deface's (its defaults), each
    warm in its own process, measured in alternating rounds so machine load hits both alike."""
    from hms_desk.video.anonymise import anonymise_still

    image = cv2.imread(str(source), cv2.IMREAD_COLOR)
    frame = cv2.resize(image, (1920, 1080), interpolation=cv2.INTER_AREA)
    with tempfile.TemporaryDirectory(prefix="hms_1080_") as tmp:
        src = Path(tmp) / "f1080.jpg"
        cv2.imwrite(str(src), frame, [cv2.IMWRITE_JPEG_QUALITY, 95])

        def ours_once() -> float:
            t0 = time.perf_counter()
            img = cv2.imread(str(src), cv2.IMREAD_COLOR)
            res = anonymise_still(img)
            cv2.imwrite(str(Path(tmp) / "ours.jpg"), res.image, [cv2.IMWRITE_JPEG_QUALITY, 92])
            return time.perf_counter() - t0

        ours_once()  # warm-up
        deface_python = deface.parent / "python"
        ours: list[float] = []
        theirs: list[float] = []
        for _ in range(rounds):
            proc = subprocess.run([str(deface_python), "-c", _DEFACE_TIMER, str(src), str(Path(tmp) / "d.jpg"),
                                   str(reps)], capture_output=True, text=True, check=True)
            theirs.append(float(proc.stdout.strip().splitlines()[-1]))
            ours.append(statistics.median(ours_once() for _ in range(reps)))
    ours_ms, theirs_ms = statistics.median(ours) * 1000, statistics.median(theirs) * 1000
    return {
        "ms_1920x1080_per_image_ours": round(ours_ms, 1),
        "ms_1920x1080_per_image_deface": round(theirs_ms, 1),
        "time_ratio_ours_vs_deface_1920x1080": round(ours_ms / theirs_ms, 3) if theirs_ms > 0 else None,
    }


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
