"""Benchmark live face blur: frame rate shown and how well a moving face stays covered.

Makes a 1920x1080, 30 fps video from real pictures: a real room photo from
``../shared/data/faces`` (read in place) as background, and the astronaut's
head (``resources/demo/astronaut.jpg``, public domain) moving across it along
a known path, so the true face box of every frame is known.  The video is
played through the real :class:`FramePipeline` from the file, paced at its
frame rate, with :class:`LiveBlur` as the frame processor — exactly what the
video pane gets.  Measured:

* ``fps_shown``: frames handed to the consumer per second (target >= 25);
* ``coverage``: share of frames where the detail in the centre of the true
  face box dropped below 35 % of the original (the rule of face_eval.py);
* side by side, the same run with the synchronous ``FaceAnonymiser.live``
  (detection on the capture thread) as the baseline, and the ratio.

    .venv/bin/python bench/live_blur.py            # 10 s video
    .venv/bin/python bench/live_blur.py --quick    # 4 s video

The last line printed is one JSON object.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import threading
import time
from pathlib import Path

import cv2
import numpy as np

ROOT = Path(__file__).resolve().parents[1]
BACKGROUND = ROOT.parent / "shared" / "data" / "faces" / "neg_dav2_room.jpg"
W, H, FPS = 1920, 1080, 30.0
HEAD_CROP = (150, 30, 300, 210)          # the astronaut's head in astronaut.jpg
FACE_IN_CROP = (25, 24, 125, 150)        # her face inside that crop
HEAD_SCALE = 1.4
RATIO = 0.35                             # face_eval.py's "anonymised" rule


def lapvar(gray: np.ndarray) -> float:
    return float(cv2.Laplacian(gray, cv2.CV_64F).var()) if gray.size else 0.0


def face_hidden(shown: np.ndarray, original: np.ndarray) -> bool:
    """Covered if the detail in the face centre dropped (face_eval's rule), or if the
    face is not there at all (e.g. a blanked frame): shown and original do not correlate."""
    if lapvar(shown) < RATIO * lapvar(original):
        return True
    if shown.shape != original.shape or shown.size == 0:
        return False
    ncc = float(cv2.matchTemplate(shown.astype(np.float32), original.astype(np.float32),
                                  cv2.TM_CCOEFF_NORMED)[0, 0])
    return ncc < 0.3


def make_video(path: Path, frames: int) -> list[tuple[int, int, int, int]]:
    """Writes the video; returns the true face box of every frame."""
    from hms_desk.platform.resources import resource

    bg = cv2.imread(str(BACKGROUND), cv2.IMREAD_COLOR)
    if bg is None:
        raise SystemExit(f"fant ikke bakgrunnsbildet {BACKGROUND}")
    bg = cv2.resize(bg, (W, int(bg.shape[0] * W / bg.shape[1])), interpolation=cv2.INTER_AREA)[:H]
    astro = cv2.imread(str(resource("demo", "astronaut.jpg")), cv2.IMREAD_COLOR)
    x1, y1, x2, y2 = HEAD_CROP
    head = cv2.resize(astro[y1:y2, x1:x2], None, fx=HEAD_SCALE, fy=HEAD_SCALE, interpolation=cv2.INTER_CUBIC)
    hh, hw = head.shape[:2]
    # soft-edged elliptical paste so the head sits in the room
    mask = np.zeros((hh, hw), np.float32)
    cv2.ellipse(mask, (hw // 2, hh // 2), (hw // 2 - 4, hh // 2 - 4), 0, 0, 360, 1.0, -1)
    mask = cv2.GaussianBlur(mask, (0, 0), 4)[..., None]
    fx1, fy1, fx2, fy2 = (round(v * HEAD_SCALE) for v in FACE_IN_CROP)
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter_fourcc(*"mp4v"), FPS, (W, H))
    if not writer.isOpened():
        raise SystemExit("kunne ikke skrive testvideoen (mp4v)")
    truth = []
    for i in range(frames):
        t = i / FPS
        # across the room and back (~600 px/s) with a vertical bob
        px = int((W - hw) * (0.5 - 0.45 * np.cos(t * 2 * np.pi / 6.0)))
        py = int((H - hh) * (0.5 + 0.3 * np.sin(t * 2 * np.pi / 2.5)))
        frame = bg.copy()
        roi = frame[py:py + hh, px:px + hw].astype(np.float32)
        frame[py:py + hh, px:px + hw] = (head * mask + roi * (1 - mask)).astype(np.uint8)
        writer.write(frame)
        truth.append((px + fx1, py + fy1, px + fx2, py + fy2))
    writer.release()
    return truth


def play(path: Path, processor, truth, warmup_s: float = 0.0) -> dict:
    """Plays ``path`` through FramePipeline with ``processor``; fps and coverage."""
    from hms_desk.video.pipeline import FramePipeline
    from hms_desk.video.sources import FileSource

    shown: list[float] = []
    crops: dict[int, np.ndarray] = {}
    done = threading.Event()

    def on_frame(frame) -> None:
        shown.append(time.monotonic())
        x1, y1, x2, y2 = truth[frame.seq]
        w, h = x2 - x1, y2 - y1
        crops[frame.seq] = cv2.cvtColor(frame.image[y1 + int(0.2 * h):y2 - int(0.2 * h),
                                                     x1 + int(0.2 * w):x2 - int(0.2 * w)], cv2.COLOR_BGR2GRAY)

    def on_state(state: str, _message: str) -> None:
        if state in ("stoppet", "feil"):
            done.set()

    pipe = FramePipeline(FileSource(path, loop=False), on_frame, on_state)
    if processor is not None:
        pipe.set_processor(processor)
    t0 = time.monotonic()
    pipe.start()
    done.wait(len(truth) / FPS * 6 + 30)
    pipe.stop()
    elapsed = (shown[-1] - shown[0]) if len(shown) > 1 else float("nan")
    # coverage against the unprocessed frames
    cap = cv2.VideoCapture(str(path))
    covered = judged = 0
    for i in range(len(truth)):
        ok, orig = cap.read()
        if not ok:
            break
        if i not in crops:
            continue
        x1, y1, x2, y2 = truth[i]
        w, h = x2 - x1, y2 - y1
        before = cv2.cvtColor(orig[y1 + int(0.2 * h):y2 - int(0.2 * h), x1 + int(0.2 * w):x2 - int(0.2 * w)],
                              cv2.COLOR_BGR2GRAY)
        judged += 1
        covered += face_hidden(crops[i], before)
    cap.release()
    return {
        "frames_in": len(truth), "frames_shown": len(shown),
        "fps_shown": round((len(shown) - 1) / elapsed, 2) if len(shown) > 1 else 0.0,
        "coverage": round(covered / judged, 4) if judged else None,
        "wall_s": round(time.monotonic() - t0, 2),
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true", help="a 4 s video instead of 10 s")
    ap.add_argument("--no-baseline", action="store_true", help="skip the synchronous baseline run")
    args = ap.parse_args(argv)

    from hms_desk.video.anonymise import FaceAnonymiser
    from hms_desk.video.live_blur import LiveBlur

    seconds = 4 if args.quick else 10
    with tempfile.TemporaryDirectory(prefix="hms_live_bench_") as tmp:
        path = Path(tmp) / "moving_face_1080p30.mp4"
        truth = make_video(path, int(seconds * FPS))
        plain = play(path, None, truth)                       # decode only: the ceiling
        blur = LiveBlur(FaceAnonymiser)
        blur.wait_ready()
        ours = play(path, blur, truth)
        status = blur.status
        blur.stop()
        result = {"video": f"{W}x{H}@{FPS:g}", "seconds": seconds,
                  "fps_decode_only": plain["fps_shown"],
                  "fps_shown": ours["fps_shown"], "coverage": ours["coverage"],
                  "frames_shown": ours["frames_shown"], "frames_in": ours["frames_in"],
                  "detections": status.detections, "final_state": status.state}
        if not args.no_baseline:
            sync = FaceAnonymiser()
            base = play(path, lambda im: sync.live(im).image, truth)
            result.update({"baseline_sync_fps_shown": base["fps_shown"],
                           "baseline_sync_coverage": base["coverage"],
                           "fps_ratio_vs_sync": round(ours["fps_shown"] / base["fps_shown"], 2)
                           if base["fps_shown"] else None})
        result["target_fps_met"] = ours["fps_shown"] >= 25.0
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
