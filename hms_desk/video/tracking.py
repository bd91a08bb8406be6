"""Marks that stay on the object while the camera moves.

The technician draws on a frozen frame; that frame is the **reference**.  Each
live frame is registered against it and the marks are drawn through the
fitted homography (reference pixels → live pixels), so an arrow on a label
stays on the label.  Planar things — labels, panels, control boxes — are the
case this is built for; a homography is exact for them.

How a frame is registered (:meth:`MarkTracker.update`, about 3–6 ms for a
1280×720 frame on one core):

1. The frame is shrunk to a working size (640 pixels on the long side) and
   turned grey.
2. **Following** — the last fit, pushed on by the motion between the last two
   frames, warps the reference into the frame's geometry; the reference's
   corner points (Shi–Tomasi, chosen once, around the marks) are found in the
   live frame by pyramidal Lucas–Kanade optical flow *from that warped
   reference*.  Because every frame is compared with the reference itself,
   not with the frame before, errors do not pile up (no drift).  A robust
   homography (RANSAC) is fitted to the point pairs.
3. **Finding it again** — when the flow does not hold (a hand in front, the
   object out of view, a jump), ORB features of the frame are matched with
   the reference's and a homography is fitted robustly; the same flow step
   then has to confirm it before the marks come back.

The share of the reference points that agree with the fit is the honest
quality figure (:attr:`TrackResult.quality`); a fit with few or poorly
agreeing points is reported as :attr:`TrackState.POOR` ("usikker"), none as
:attr:`TrackState.LOST` ("mistet").  Marks fade out over a few frames when
the object is lost and fade back in when it is found (:attr:`TrackResult.opacity`).

Plain numpy/OpenCV, no Qt: the GUI calls :meth:`MarkTracker.update` from a
worker thread, one tracker per frozen frame, and paints the marks through
:attr:`TrackResult.shown_homography` at :attr:`TrackResult.opacity`.  A
tracker is not thread-safe: one worker calls it.

Coordinates are image pixels in Qt's convention (pixel *i* covers
``[i, i+1)``), like :mod:`hms_desk.video.annotate`.
"""

from __future__ import annotations

import enum
import math
import time
from collections.abc import Sequence
from dataclasses import dataclass

import cv2
import numpy as np

from hms_desk.video.annotate import Annotation, bounds, from_json_list, key_points

__all__ = ["MarkTracker", "TrackResult", "TrackState", "TrackedMark", "map_points"]

#: Frames are registered at this size (long side, pixels).
WORK_SIZE = 640
#: The points are taken around the marks: their extent grown by this share of the picture.
ROI_GROW = 0.15
#: A mark is drawn only within a third of the found part's size (working pixels, at least 24)
#: of the points that agree with the fit.
SUPPORT_SHARE = 0.33
SUPPORT_MIN_PX = 24.0
#: Reference corner points used by the flow step.
MAX_POINTS = 300
#: At least this many points must agree with a fit to follow.
MIN_INLIERS = 14
#: ... and at least this share of the points expected in view.
MIN_INLIER_SHARE = 0.2
#: A point scores +1 for each good frame it agrees with the fit, -1 when it does not; at
#: DEMOTED or below it is taken as not on the object (left out of fits and searches).
SCORE_LIMIT = 8
DEMOTED = -4
#: A search (after the object was lost) must be confirmed by this share of the points.
SEARCH_CONFIRM_SHARE = 0.35
#: Below these the fit is reported as poor ("usikker").
GOOD_INLIERS = 30
GOOD_SHARE = 0.45
#: RANSAC threshold at the working size (pixels).
FLOW_RANSAC_PX = 1.5
ORB_RANSAC_PX = 3.0
#: RANSAC rounds for the search: enough for a third of the matches being right (99.5 %), and it
#: bounds the cost of a frame without the object (the search then runs every frame).
SEARCH_RANSAC_ITERS = 300
#: After this many frames without the object the search tries one of its two sizes per frame
#: (in turn), which halves the cost of a frame while the camera looks elsewhere.
SEARCH_BOTH_FRAMES = 3
#: Opacity lost per frame without the object (1 → 0.45 → 0: gone in two frames, 80 ms at
#: 25 fps) and gained per frame with it (0 → 0.5 → 1).
FADE_STEP = 0.55
APPEAR_STEP = 0.5


class TrackState(str, enum.Enum):
    """What the tracker knows about the object in the last frame."""

    FOLLOWING = "følger"
    POOR = "usikker"       # found, but the fit is weak: say so in the UI
    LOST = "mistet"

    @property
    def label(self) -> str:
        return self.value


@dataclass(frozen=True)
class TrackedMark:
    """One mark in the live frame: its outline points there, whether any of it is inside the
    frame, whether the fit holds where it is (``supported``: the part of the object that was
    found reaches it — a fit from a sliver of the object is not trusted far away from it), and
    the opacity to draw it with (0 when not supported)."""

    annotation: Annotation
    points: tuple[tuple[float, float], ...]
    in_frame: bool
    supported: bool
    opacity: float


@dataclass(frozen=True)
class TrackResult:
    """The answer for one live frame.

    ``homography`` maps reference pixels to this frame's pixels (3×3, float64), None when the
    object was not found in this frame.  ``shown_homography`` is the one to draw the marks with:
    the fit when found, the last fit while the marks fade out, None once they are gone.
    ``quality`` (0–1) is the share of the reference points in view that agree with the fit.
    ``marks_in_frame`` are the marks placed with ``shown_homography``.
    """

    homography: np.ndarray | None
    state: TrackState
    quality: float
    opacity: float
    marks_in_frame: tuple[TrackedMark, ...]
    shown_homography: np.ndarray | None
    inliers: int
    points_in_view: int
    found_by: str          # "flyt" (optical flow), "søk" (ORB search) or "" (not found)
    ms: float

    @property
    def found(self) -> bool:
        return self.homography is not None


def map_points(h: np.ndarray, points: Sequence[tuple[float, float]] | np.ndarray) -> np.ndarray:
    """``points`` (N×2) mapped through the 3×3 homography ``h``."""
    p = np.asarray(points, np.float64).reshape(-1, 2)
    q = np.hstack([p, np.ones((len(p), 1))]) @ np.asarray(h, np.float64).T
    w = q[:, 2:3]
    w = np.where(np.abs(w) < 1e-12, 1e-12, w)
    return q[:, :2] / w


def _shift(d: float) -> np.ndarray:
    return np.array([[1.0, 0.0, d], [0.0, 1.0, d], [0.0, 0.0, 1.0]])


_TO_CV = _shift(-0.5)       # Qt pixel convention → OpenCV's (pixel centres on integers)
_FROM_CV = _shift(0.5)


def _grey_small(image: np.ndarray, scale: float) -> tuple[np.ndarray, np.ndarray]:
    """``image`` shrunk by ``scale`` (never enlarged) and grey, and the matrix taking its pixels
    to the small picture's (exact per axis, after rounding the size)."""
    h, w = image.shape[:2]
    if scale < 1.0:
        sw, sh = max(1, round(w * scale)), max(1, round(h * scale))
        image = cv2.resize(image, (sw, sh), interpolation=cv2.INTER_AREA)
    else:
        sw, sh = w, h
    grey = image if image.ndim == 2 else cv2.cvtColor(image, cv2.COLOR_BGR2GRAY)
    return grey, np.diag([sw / w, sh / h, 1.0])


def _sane(h: np.ndarray | None, w: int, hgt: int) -> bool:
    """A homography that could come from a camera looking at a plane: finite, orientation kept,
    no extreme squeeze, and the reference's corners map to a convex quadrilateral."""
    if h is None or not np.all(np.isfinite(h)) or abs(h[2, 2]) < 1e-12:
        return False
    h = h / h[2, 2]
    det = float(np.linalg.det(h[:2, :2]))
    if not 0.1 < det < 10.0:
        return False
    corners = np.array([[0, 0], [w, 0], [w, hgt], [0, hgt]], np.float64)
    q = np.hstack([corners, np.ones((4, 1))]) @ h.T
    if np.any(q[:, 2] <= 1e-6):
        return False
    m = q[:, :2] / q[:, 2:3]
    cross = []
    for i in range(4):
        a, b, c = m[i], m[(i + 1) % 4], m[(i + 2) % 4]
        cross.append((b[0] - a[0]) * (c[1] - b[1]) - (b[1] - a[1]) * (c[0] - b[0]))
    return all(c > 0 for c in cross) or all(c < 0 for c in cross)


class MarkTracker:
    """Follows the object under the marks from a frozen reference frame into live frames.

    ``reference_bgr`` is the frozen frame (BGR uint8); ``marks`` the marks drawn on it
    (:class:`Annotation` or their JSON dicts), in its pixels.  The points the tracker follows
    are taken around the marks (``roi``: ``(x0, y0, x1, y1)`` in reference pixels; default the
    marks' extent grown by 15 % of the picture's long side on every side, the whole picture
    when there are no marks), so the marked object, not the room behind it, decides the fit;
    points that keep disagreeing with the fit (the room seen past the object's edge) are
    learnt and left out.

    Not thread-safe: construct it anywhere, then call :meth:`update` (and :meth:`set_marks`,
    :meth:`reset`) from one worker thread only.
    """

    def __init__(self, reference_bgr: np.ndarray, marks: Sequence[Annotation | dict] = (), *,
                 roi: tuple[float, float, float, float] | None = None, work_size: int = WORK_SIZE) -> None:
        if reference_bgr is None or reference_bgr.ndim not in (2, 3) or reference_bgr.dtype != np.uint8:
            raise ValueError("reference must be an 8-bit BGR or grey image")
        self._ref_h, self._ref_w = reference_bgr.shape[:2]
        self._work_size = work_size
        self._ref_scale = min(1.0, work_size / max(self._ref_w, self._ref_h))
        self._ref, self._ref_to_small = _grey_small(reference_bgr, self._ref_scale)
        self._orb = cv2.ORB_create(nfeatures=1000, scaleFactor=1.2, nlevels=6, edgeThreshold=15,
                                   patchSize=15, fastThreshold=10)
        self._orb_live = cv2.ORB_create(nfeatures=600, scaleFactor=1.2, nlevels=6, edgeThreshold=15,
                                        patchSize=15, fastThreshold=10)
        self._matcher = cv2.BFMatcher(cv2.NORM_HAMMING)
        self._marks: tuple[Annotation, ...] = ()
        self._roi_given = roi
        self.set_marks(marks)
        self.reset()

    # -- set-up -----------------------------------------------------------------------------
    @property
    def reference_size(self) -> tuple[int, int]:
        return self._ref_w, self._ref_h

    @property
    def marks(self) -> tuple[Annotation, ...]:
        return self._marks

    def set_marks(self, marks: Sequence[Annotation | dict]) -> None:
        """Other marks on the same reference (drawn, moved or removed while following).  The
        followed points are chosen again only when the marks' region changed."""
        self._marks = tuple(from_json_list(list(marks)))
        self._outlines = [np.asarray(key_points(a, self._ref_w, self._ref_h), np.float64) for a in self._marks]
        # centres in working-size reference pixels, for the support test
        self._centres = [map_points(self._ref_to_small, o.mean(axis=0, keepdims=True))[0] for o in self._outlines]
        self._support = [True] * len(self._marks)
        roi = self._roi_given or self._default_roi()
        if roi != getattr(self, "_roi", None):
            self._roi = roi
            self._choose_points(roi)

    def _default_roi(self) -> tuple[float, float, float, float]:
        w, h = self._ref_w, self._ref_h
        if not self._marks:
            return 0.0, 0.0, float(w), float(h)
        boxes = [bounds(a, w, h) for a in self._marks]
        x0, y0 = min(b[0] for b in boxes), min(b[1] for b in boxes)
        x1, y1 = max(b[2] for b in boxes), max(b[3] for b in boxes)
        grow = ROI_GROW * max(w, h)
        return max(0.0, x0 - grow), max(0.0, y0 - grow), min(float(w), x1 + grow), min(float(h), y1 + grow)

    def _choose_points(self, roi: tuple[float, float, float, float]) -> None:
        sx, sy = self._ref_to_small[0, 0], self._ref_to_small[1, 1]
        hh, ww = self._ref.shape[:2]
        x0, y0 = max(0, math.floor(roi[0] * sx)), max(0, math.floor(roi[1] * sy))
        x1, y1 = min(ww, math.ceil(roi[2] * sx)), min(hh, math.ceil(roi[3] * sy))
        mask = np.zeros_like(self._ref)
        if x1 - x0 < 16 or y1 - y0 < 16:        # a tiny region: use the whole picture
            x0, y0, x1, y1 = 0, 0, ww, hh
        mask[y0:y1, x0:x1] = 255
        corners = cv2.goodFeaturesToTrack(self._ref, MAX_POINTS, 0.005, 7, mask=mask, blockSize=7)
        pts = (np.zeros((0, 2), np.float64) if corners is None
               else corners.reshape(-1, 2).astype(np.float64) + 0.5)     # → Qt convention
        self._points = pts
        # ORB features for the search, at the working size and at half of it (the smaller one
        # still finds the object when motion blur smears the larger one)
        self._levels: list[tuple[float, np.ndarray, np.ndarray | None, np.ndarray, np.ndarray]] = []
        ref, m = self._ref, mask
        for factor in (1.0, 0.5):
            if factor != 1.0:
                ref = cv2.resize(self._ref, (max(1, round(ww * factor)), max(1, round(hh * factor))),
                                 interpolation=cv2.INTER_AREA)
                m = cv2.resize(mask, (ref.shape[1], ref.shape[0]), interpolation=cv2.INTER_NEAREST)
            kps, desc = self._orb.detectAndCompute(ref, m)
            kp = np.array([k.pt for k in kps], np.float64).reshape(-1, 2) + 0.5
            kp = kp * np.array([ww / ref.shape[1], hh / ref.shape[0]])      # → working-size pixels
            # each feature shares the score of its nearest point (see _learn)
            if len(pts) and len(kp):
                owner = (((kp[:, None, :] - pts[None, :, :]) ** 2).sum(axis=2)).argmin(axis=1)
            else:
                owner = np.zeros(len(kp), np.intp)
            self._levels.append((factor, kp, desc, owner, np.ones(len(kp), bool)))
        # how sure we are that each point lies on the object (see _learn)
        self._score = np.zeros(len(pts), np.int16)

    def reset(self) -> None:
        """Forget where the object was; the next frame searches for it."""
        self._h: np.ndarray | None = None          # working-size reference → working-size frame
        self._h_before: np.ndarray | None = None   # the one before, for the motion prediction
        self._shown: np.ndarray | None = None      # full size, what the marks are drawn with
        self._coast: tuple[np.ndarray, np.ndarray] | None = None   # (motion, last) while fading out
        self._lost_frames = 0
        self._opacity = 0.0
        self._frame_size: tuple[int, int] | None = None

    # -- per frame --------------------------------------------------------------------------
    def update(self, frame_bgr: np.ndarray) -> TrackResult:
        """Register one live frame (BGR uint8, any size) against the reference."""
        t0 = time.perf_counter()
        fh, fw = frame_bgr.shape[:2]
        scale = min(1.0, self._work_size / max(fw, fh))
        if (fw, fh) != self._frame_size:       # the first frame, or the stream changed size
            self._frame_size = (fw, fh)
            self._h = self._h_before = self._coast = None
        cur, frame_to_small = _grey_small(frame_bgr, scale)
        found = None
        found_by = ""
        if self._h is not None:
            guesses = [self._h]
            if self._h_before is not None:
                guesses.insert(0, self._h @ np.linalg.inv(self._h_before) @ self._h)
            for g in guesses:
                found = self._flow(g, cur)
                if found is not None:
                    found_by = "flyt"
                    break
        if found is None:
            levels = (list(range(len(self._levels))) if self._lost_frames < SEARCH_BOTH_FRAMES
                      else [self._lost_frames % len(self._levels)])
            guess = self._search(cur, levels)
            if guess is not None:
                found = self._flow(guess, cur)
                if found is not None and found[1] < SEARCH_CONFIRM_SHARE * found[2]:
                    found = None
                if found is not None:
                    found_by = "søk"
        to_full = np.linalg.inv(frame_to_small)
        from_ref = self._ref_to_small
        if found is not None:
            h_small, inliers, in_view, idx, agree = found
            self._lost_frames = 0
            self._h_before = self._h if found_by == "flyt" else None
            self._h = h_small
            self._coast = None
            full = to_full @ h_small @ from_ref
            full = full / full[2, 2]
            share = inliers / max(1, in_view)
            good = inliers >= GOOD_INLIERS and share >= GOOD_SHARE
            state = TrackState.FOLLOWING if good else TrackState.POOR
            if good and found_by == "flyt":
                self._learn(idx, agree)
            self._judge_support(self._points[idx][agree])
            self._shown = full
            self._opacity = min(1.0, self._opacity + APPEAR_STEP)
            quality = round(min(1.0, share), 3)
        else:
            # lost: the marks fade out where the object was heading (the last motion, continued)
            if self._h is not None:
                motion = (self._h @ np.linalg.inv(self._h_before) if self._h_before is not None
                          else np.eye(3))
                self._coast = (motion, self._h)
            self._h = self._h_before = None
            self._lost_frames += 1
            full, inliers, in_view, quality = None, 0, 0, 0.0
            state = TrackState.LOST
            self._opacity = max(0.0, self._opacity - FADE_STEP)
            if self._opacity <= 0.0 or self._coast is None:
                self._shown, self._coast, self._opacity = None, None, 0.0
            else:
                motion, last = self._coast
                nxt = motion @ last
                self._coast = (motion, nxt)
                shown = to_full @ nxt @ from_ref
                self._shown = shown / shown[2, 2] if _sane(nxt, self._ref.shape[1], self._ref.shape[0]) else None
                if self._shown is None:
                    self._coast, self._opacity = None, 0.0
        marks = self._place(self._shown, fw, fh) if self._shown is not None else ()
        ms = (time.perf_counter() - t0) * 1000.0
        return TrackResult(full, state, quality, round(self._opacity, 3), marks, self._shown,
                           int(inliers), int(in_view), found_by, ms)

    def _place(self, h: np.ndarray, fw: int, fh: int) -> tuple[TrackedMark, ...]:
        out = []
        for a, outline, ok in zip(self._marks, self._outlines, self._support):
            pts = map_points(h, outline)
            inside = bool(np.any((pts[:, 0] >= 0) & (pts[:, 0] <= fw) & (pts[:, 1] >= 0) & (pts[:, 1] <= fh)))
            out.append(TrackedMark(a, tuple((float(x), float(y)) for x, y in pts), inside, bool(ok),
                                   round(self._opacity, 3) if ok else 0.0))
        return tuple(out)

    def _judge_support(self, points: np.ndarray) -> None:
        """Which marks the agreeing ``points`` (working-size reference pixels) vouch for: a mark
        counts when its centre lies inside their hull or near it (within a third of the hull's
        size), since a homography fitted to one corner of the object drifts away from it."""
        if len(points) < 3:
            self._support = [False] * len(self._marks)
            return
        hull = cv2.convexHull(points.astype(np.float32))
        area = float(cv2.contourArea(hull))
        tol = max(SUPPORT_MIN_PX, SUPPORT_SHARE * math.sqrt(max(area, 0.0)))
        self._support = [cv2.pointPolygonTest(hull, (float(c[0]), float(c[1])), True) >= -tol
                         for c in self._centres]

    def _flow(self, guess: np.ndarray, cur: np.ndarray) -> tuple[np.ndarray, int, int, np.ndarray, np.ndarray] | None:
        """Refine ``guess`` (working-size reference → frame): find the reference points by optical
        flow from the reference warped with ``guess``, and fit a homography robustly to the
        points that belong to the object.  Returns (fit, agreeing object points, object points in
        view, indices of the points tried, whether each agrees) or None."""
        ch, cw = cur.shape[:2]
        if not _sane(guess, self._ref.shape[1], self._ref.shape[0]) or len(self._points) < MIN_INLIERS:
            return None
        pred = map_points(guess, self._points)
        margin = 4.0
        inside = ((pred[:, 0] >= margin) & (pred[:, 0] <= cw - margin)
                  & (pred[:, 1] >= margin) & (pred[:, 1] <= ch - margin))
        idx = np.flatnonzero(inside)
        active = self._score[idx] > DEMOTED
        in_view = int(active.sum())
        if in_view < MIN_INLIERS:
            return None
        warp = _TO_CV @ guess @ _FROM_CV
        warped = cv2.warpPerspective(self._ref, warp, (cw, ch), flags=cv2.INTER_LINEAR,
                                     borderMode=cv2.BORDER_REPLICATE)
        p0 = (pred[idx] - 0.5).astype(np.float32).reshape(-1, 1, 2)
        p1, st, _err = cv2.calcOpticalFlowPyrLK(
            warped, cur, p0, None, winSize=(15, 15), maxLevel=3,
            criteria=(cv2.TERM_CRITERIA_EPS | cv2.TERM_CRITERIA_COUNT, 20, 0.03))
        if p1 is None:
            return None
        ok = st.reshape(-1).astype(bool)
        use = ok & active
        if int(use.sum()) < MIN_INLIERS:
            return None
        src_all = self._points[idx]
        dst_all = p1.reshape(-1, 2).astype(np.float64) + 0.5
        h, mask = cv2.findHomography(src_all[use], dst_all[use], cv2.RANSAC, FLOW_RANSAC_PX,
                                     maxIters=500, confidence=0.995)
        if h is None or mask is None:
            return None
        h = h / h[2, 2]
        if not _sane(h, self._ref.shape[1], self._ref.shape[0]):
            return None
        residual = np.linalg.norm(map_points(h, src_all) - dst_all, axis=1)
        agree = ok & (residual <= FLOW_RANSAC_PX)
        inliers = int((agree & active).sum())
        if inliers < MIN_INLIERS or inliers < MIN_INLIER_SHARE * in_view:
            return None
        return h, inliers, in_view, idx, agree

    def _learn(self, idx: np.ndarray, agree: np.ndarray) -> None:
        """Points that keep agreeing with a good fit belong to the object; points that keep
        disagreeing (the room behind it, moving otherwise) are left out until they agree again."""
        s = self._score
        s[idx] = np.clip(s[idx] + np.where(agree, 1, -1), -SCORE_LIMIT, SCORE_LIMIT)
        for _factor, _kp, _desc, owner, active in self._levels:
            if owner.size:
                active[:] = s[owner] > DEMOTED

    def _search(self, cur: np.ndarray, levels: Sequence[int]) -> np.ndarray | None:
        """A first guess from ORB features matched with the reference's, or None: at the working
        size, then at half of it (``levels``: which of the two).  Reference features next to
        points known not to belong to the object are left out."""
        for level in levels:
            factor, ref_kp, ref_desc, _owner, active = self._levels[level]
            if ref_desc is None or len(ref_desc) < MIN_INLIERS:
                continue
            img = cur
            if factor != 1.0:
                img = cv2.resize(cur, (max(1, round(cur.shape[1] * factor)), max(1, round(cur.shape[0] * factor))),
                                 interpolation=cv2.INTER_AREA)
            kps, desc = self._orb_live.detectAndCompute(img, None)
            if desc is None or len(kps) < MIN_INLIERS:
                continue
            pairs = self._matcher.knnMatch(desc, ref_desc, k=2)
            good = [m[0] for m in pairs if len(m) == 2 and m[0].distance < 0.8 * m[1].distance
                    and active[m[0].trainIdx]]
            if len(good) < MIN_INLIERS:
                continue
            live = np.array([k.pt for k in kps], np.float64) + 0.5
            live = live * np.array([cur.shape[1] / img.shape[1], cur.shape[0] / img.shape[0]])
            src = ref_kp[[m.trainIdx for m in good]]
            dst = live[[m.queryIdx for m in good]]
            h, mask = cv2.findHomography(src, dst, cv2.RANSAC, ORB_RANSAC_PX / factor, maxIters=SEARCH_RANSAC_ITERS,
                                         confidence=0.995)
            if h is not None and mask is not None and int(mask.sum()) >= MIN_INLIERS:
                return h / h[2, 2]
        return None
