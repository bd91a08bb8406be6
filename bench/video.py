"""Benchmark the live video path: file → pipeline → VideoPane, against bare OpenCV.

Makes a 1920×1080, 30 fps H.264 file with ffmpeg (Debian package ``ffmpeg``)
in a temporary folder, then, in one run:

* **ceiling** — a bare ``cv2.VideoCapture`` decode loop on the same file, as
  fast as it goes (what this machine can decode at all);
* **pane** — ``FileSource`` (paced at the file's 30 fps) → ``FramePipeline`` →
  ``VideoPane`` (offscreen Qt, 1280×720 widget, anonymisation off), counting the
  frames actually painted, the added latency from decoded frame to painted frame,
  and the process RSS from after the warm-up to the end.

Targets (issue 5): displayed ≥ 29 fps; latency p95 ≤ 40 ms; RSS growth ≤ 20 MB
over 10,000 frames.  ``ratio`` is displayed fps / min(ceiling fps, file fps):
the share of what is achievable that reaches the screen.

    .venv/bin/python bench/video.py            # 10,000 frames (about 6 minutes)
    .venv/bin/python bench/video.py --quick    # 900 frames, under a minute

The last line printed is one JSON object with the figures.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import cv2  # noqa: E402
import numpy as np  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

WIDTH, HEIGHT, FPS = 1920, 1080, 30
WARMUP_FRAMES = 150


def rss_mb() -> float:
    with open("/proc/self/statm") as f:
        pages = int(f.read().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


def make_video(folder: Path, seconds: int) -> Path:
    ffmpeg = shutil.which("ffmpeg")
    if ffmpeg is None:
        sys.exit("ffmpeg is needed (Debian package ffmpeg)")
    path = folder / "bench_1080p30.mp4"
    subprocess.run([ffmpeg, "-loglevel", "error", "-y", "-f", "lavfi",
                    "-i", f"testsrc2=size={WIDTH}x{HEIGHT}:rate={FPS}", "-t", str(seconds),
                    "-c:v", "libx264", "-preset", "veryfast", "-pix_fmt", "yuv420p", "-g", "60", str(path)],
                   check=True)
    return path


def ceiling(path: Path, frames: int) -> float:
    """Frames per second of a bare OpenCV decode loop (unpaced)."""
    cap = cv2.VideoCapture(str(path))
    n = 0
    t0 = time.perf_counter()
    while n < frames:
        ok, _ = cap.read()
        if not ok:
            cap.set(cv2.CAP_PROP_POS_FRAMES, 0)
            continue
        n += 1
    dt = time.perf_counter() - t0
    cap.release()
    return n / dt


def pane_run(path: Path, frames: int) -> dict:
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from hms_desk.ui.video_pane import VideoPane
    from hms_desk.video import FileSource

    app = QApplication.instance() or QApplication(sys.argv[:1])

    class MeasuredPane(VideoPane):
        """Records when each new frame has actually been painted."""

        def __init__(self) -> None:
            super().__init__()
            self.painted: list[tuple[int, float, float]] = []  # seq, t_capture, t_painted
            self._last_seq = -1

        def paintEvent(self, event) -> None:  # noqa: N802
            super().paintEvent(event)
            shown = self._shown()
            if shown is not None and shown.frame.seq != self._last_seq:
                self._last_seq = shown.frame.seq
                self.painted.append((shown.frame.seq, shown.frame.t_capture, time.monotonic()))

    pane = MeasuredPane()
    pane.resize(1280, 720)
    pane.show()
    loop = QEventLoop()
    rss: dict[str, float] = {}

    def check() -> None:
        n = len(pane.painted)
        if "warm" not in rss and n >= WARMUP_FRAMES:
            rss["warm"] = rss_mb()
            rss["t_warm"] = time.monotonic()
            rss["n_warm"] = n
        if n >= frames + WARMUP_FRAMES:
            loop.quit()

    timer = QTimer()
    timer.timeout.connect(check)
    timer.start(50)
    pane.start_source(FileSource(path, loop=True))
    loop.exec()
    timer.stop()
    t_end, n_end = time.monotonic(), len(pane.painted)
    rss_end = rss_mb()
    stats = pane.pipeline.stats()  # type: ignore[union-attr]
    pane.shutdown()
    pane.close()
    app.processEvents()

    measured = pane.painted[rss["n_warm"]:]
    latencies = np.array([(tp - tc) * 1000.0 for _, tc, tp in measured])
    seqs = [s for s, _, _ in measured]
    return {
        "displayed_fps": (n_end - rss["n_warm"]) / (t_end - rss["t_warm"]),
        "frames_painted": n_end - rss["n_warm"],
        "frames_skipped": (seqs[-1] - seqs[0] + 1) - len(seqs),
        "latency_p50_ms": float(np.percentile(latencies, 50)),
        "latency_p95_ms": float(np.percentile(latencies, 95)),
        "latency_max_ms": float(latencies.max()),
        "rss_warm_mb": rss["warm"],
        "rss_end_mb": rss_end,
        "rss_growth_mb": rss_end - rss["warm"],
        "pipeline_dropped": stats.frames_dropped,
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="900 frames instead of 10,000")
    ap.add_argument("--frames", type=int, default=0)
    args = ap.parse_args()
    frames = args.frames or (900 if args.quick else 10_000)
    with tempfile.TemporaryDirectory(prefix="hms-bench-video-") as tmp:
        t0 = time.perf_counter()
        path = make_video(Path(tmp), seconds=10 if args.quick else 20)
        print(f"made {path.name} in {time.perf_counter() - t0:.1f} s", flush=True)
        ceil = ceiling(path, 300 if args.quick else 1200)
        print(f"ceiling: bare OpenCV decode {ceil:.1f} fps", flush=True)
        pane = pane_run(path, frames)
        print(f"pane: {pane['displayed_fps']:.2f} fps painted, latency p95 {pane['latency_p95_ms']:.1f} ms, "
              f"RSS growth {pane['rss_growth_mb']:.1f} MB over {pane['frames_painted']} frames", flush=True)
    achievable = min(ceil, float(FPS))
    result = {
        "bench": "video", "quick": args.quick, "cpus": os.cpu_count(), "file": f"{WIDTH}x{HEIGHT}@{FPS} H.264",
        "ceiling_decode_fps": round(ceil, 1),
        **{k: round(v, 2) if isinstance(v, float) else v for k, v in pane.items()},
        "ratio_displayed_to_achievable": round(pane["displayed_fps"] / achievable, 3),
        "ratio_displayed_to_ceiling": round(pane["displayed_fps"] / ceil, 3),
        "targets": {"fps_ge_29": pane["displayed_fps"] >= 29.0, "latency_p95_le_40ms": pane["latency_p95_ms"] <= 40.0,
                    "rss_growth_le_20mb": pane["rss_growth_mb"] <= 20.0},
    }
    print(json.dumps(result))


if __name__ == "__main__":
    main()
