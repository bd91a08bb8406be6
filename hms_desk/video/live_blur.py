"""Live face blur for the video pane: a per-frame processor for ``FramePipeline.set_processor``.

:class:`LiveBlur` is called on the capture thread with every decoded frame
and must return quickly (a 1920×1080 stream at 30 fps leaves ~33 ms per
frame for decoding, this and painting), on an ordinary 2-core desktop that
also runs the meeting client.  So:

* **Detection runs beside the stream, where and when it is worth it.**  A
  detector thread runs CenterFace on a reduced copy (long side
  ``detect_side`` for the whole frame) of the newest frame it is handed, on
  the process-wide session shared with still mode.  What it is handed
  depends on what changed: every frame a 64-cell-wide grey thumbnail is
  compared, cell by cell, with the picture as it was when that cell was last
  searched (light changes and camera pans undone); a change at least 2×2
  cells big (about 60 px at 1920×1080) outside the regions already covered
  is *pending*.  Pending cells, and faces that are new, were missed, moved
  unpredictably or were not looked at for ``refresh_s``, are searched in a
  crop around them – a face coming in at the edge costs a search of a few
  hundred pixels, not of the frame – and the whole frame every
  ``idle_refresh_s``.  A still scene thus costs almost nothing, a moving one
  what moves.  The detector's own CPU time (measured on its thread) is paid
  from a bucket that fills at ``budget`` cores and holds ``burst`` seconds,
  so a busy machine is not made busier.
* **Tracking predicts between detections.**  :class:`~hms_desk.video.faces.
  tracker.FaceTracker` moves every face along its measured speed and grows
  the covered region with the age of the detection (see its docstring).
* **Every frame knows how old its boxes are** (:class:`~hms_desk.video.frames.
  Coverage`, carried by the frame: ``box_age``, frames since the frame of the
  newest finished detection).  Coverage is guaranteed while no change, and
  no face seen only once, has waited for a search more than ``hard_lag``
  frames: whatever moved is inside a covered region, or was searched at most
  ``hard_lag`` frames after it appeared.  What comes in at the edge of the
  picture is hidden (blurred) until it has been searched, so a face walking
  in is covered from its first frame; so is every change after a freeze (no
  frame for ``freeze_s``: the call stalled, or the window was hidden), when a
  face may have gone anywhere.  When the camera itself moves, the
  comparison has to be lenient (a pan is undone only to a fraction of a
  cell), so the whole frame must be searched again within ``hard_lag``
  frames; while the camera keeps moving (it moved twice within
  ``camera_settle`` frames), what changed waits for that search, handed
  over as late as it still comes back in time – a hand-held camera costs a
  whole-frame search about every third frame, not a search (or a crop of
  every cell the shake set shimmering) every frame.  The bound, 4 frames:
  a search comes back within one frame on an idle machine and within two
  with a core taken by the meeting client (measured, bench/live_blur.py),
  and a change may wait for one search in
  progress first; a face moving 100 px per frame (the fastest the benchmark
  asks for) is inside a region grown for 4 frames of its motion.  Longer
  means the detector is behind.
* **It fails closed.**  When coverage is not guaranteed (the detector is
  missing, failed, or is behind), the frame is blanked with a banner when
  ``blank_on_failure`` is set (setting ``video.blank_when_detector_fails``),
  otherwise shown with the known faces blurred and a red warning burnt into
  the picture – from that very frame, and for ``recover_frames`` after
  coverage is back, so the warning does not flicker.  Anything sent out must
  go through :func:`outgoing_image`, which blanks every frame whose coverage
  is not guaranteed, whatever the setting.  Before the first detection the
  picture is always blank.

:attr:`LiveBlur.status` tells the state ("ok", "starter", "henger etter",
"feil") for the window's status bar.
"""

from __future__ import annotations

import functools
import logging
import math
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

import cv2
import numpy as np

from hms_desk.domain import i18n
from hms_desk.domain.i18n import N_
from hms_desk.platform import workers
from hms_desk.video.faces.detector import Detector, nms, shared_detector
from hms_desk.video.faces.errors import AnonymisationError
from hms_desk.video.faces.hiding import HideStyle, Region, hide
from hms_desk.video.faces.still import Box
from hms_desk.video.faces.tracker import FaceTracker, TrackerParams
from hms_desk.video.frames import Coverage, Frame, Processed

log = logging.getLogger("hms_desk.video.blur")

__all__ = ["BLANK_TEXT", "LAG_TEXT", "LiveBlur", "LiveBlurParams", "LiveBlurStatus", "LiveBlurSwitch",
           "STARTING_TEXT", "WARN_TEXT", "outgoing_image"]

WARN_TEXT = N_("ANSIKTSSLADDING VIRKER IKKE – ansikter kan vises")
LAG_TEXT = N_("ANSIKTSSLADDINGEN HENGER ETTER – ansikter kan vises")
BLANK_TEXT = N_("Ansiktssladding virker ikke – bildet er skjult")
STARTING_TEXT = N_("Ansiktssladding starter …")

THUMB_WIDTH = 64  # cells across the change thumbnail
_BLOCK = np.ones((2, 2), np.uint8)  # a change must fill this many cells to count
_AROUND = np.ones((3, 3), np.uint8)  # … and leave the range of the cells around it


@dataclass(frozen=True)
class LiveBlurParams:
    """Tuning of :class:`LiveBlur` (see the module docstring)."""

    detect_side: int = 480  # long side (px) of the whole frame as the detector sees it
    threshold: float = 0.25  # heat-map score of a face
    budget: float = 0.2  # cores the detector may use on average
    burst: float = 0.1  # CPU seconds it may spend at once (new faces, a scene cut)
    refresh_s: float = 0.5  # look at every known face at least this often …
    regrow: float = 0.5  # … and as soon as its region has grown by this share of its size
    idle_refresh_s: float = 2.0  # search the whole frame at least this often
    full_share: float = 0.4  # search the whole frame when the crop would be this big a share of it
    hard_lag: int = 4  # frames a change may stay unsearched before coverage is not guaranteed
    recover_frames: int = 8  # the warning stays this many frames after coverage is back
    change_threshold: float = 10.0  # grey levels a thumbnail cell must move to count as changed
    camera_moved: float = 0.25  # cells (8 px at 1920×1080) the picture shifted: the camera moved
    camera_settle: int = 15  # two moves within this many frames: the camera keeps moving
    head_zone: float = 0.5  # share of a face's size around it where change is most likely its own
    freeze_s: float = 0.25  # no frame for this long (the call froze): what changed is hidden until searched
    style: HideStyle = field(default_factory=lambda: HideStyle(feather=False))
    tracker: TrackerParams = field(default_factory=TrackerParams)


@dataclass(frozen=True)
class LiveBlurStatus:
    """What the live blur is doing: ``state`` is ok | starter | henger etter | feil."""

    state: str
    message: str
    detections: int  # finished detector passes
    faces: int  # regions blurred in the last frame


class LiveBlur:
    """Callable frame processor: ``image -> Processed(image with faces hidden, coverage)``.

    One instance per stream.  ``detector_factory`` makes (or returns the
    shared) :class:`Detector`; it is called on the detector thread, and an
    exception there means "detector missing" (fail closed).  ``clock`` (seconds)
    paces the refreshes and fills the budget (tests may pass their own).
    """

    def __init__(self, detector_factory: Callable[[], Detector] = shared_detector, *,
                 blank_on_failure: bool = False, params: LiveBlurParams = LiveBlurParams(),
                 clock: Callable[[], float] = time.monotonic, start: bool = True) -> None:
        self._factory = detector_factory
        self._clock = clock
        self.blank_on_failure = bool(blank_on_failure)
        self.params = params
        self._cond = threading.Condition()
        self._tracker = FaceTracker(params.tracker)
        self._detector: Detector | None = None
        self._error: str | None = None
        self._stopping = False
        self._thread: threading.Thread | None = None
        self._blanks: dict[tuple[int, int, str], np.ndarray] = {}
        self._detections = 0
        self._detector_cpu = 0.0  # CPU seconds the detector thread spent in passes
        self._logged = -1e9  # clock of the last state change logged
        self._state = "starter"
        self._faces = 0
        self._reset_locked(None)
        if start:
            self.start()

    def _reset_locked(self, shape: tuple[int, int] | None) -> None:
        self._tracker.reset()
        self._shape = shape
        self._generation = getattr(self, "_generation", 0) + 1  # detections of older frames are dropped
        self._frame = 0  # index of the next frame
        self._last_detected = -1  # index of the frame of the newest finished detection
        self._ref: np.ndarray | None = None  # thumbnail as each cell was when last searched
        self._ref_index = -1  # the frame whose geometry the reference is kept in
        self._moved_since = -1  # first frame the camera had moved since the reference, -1
        self._panned_at = self._panned_before = -10**9  # the last two frames a camera move was seen in
        self._pending_since: np.ndarray | None = None  # per cell: frame its unsearched change began, -1
        self._job: _Job | None = None  # handed to the detector, not taken yet
        self._busy = False
        self._last_full = -1e9  # monotonic time the last whole-frame search was handed over
        self._tokens = self.params.burst
        self._tokens_at = self._clock()
        self._bad_until = -1  # frames before this index keep the warning
        self._latency = 0.0  # frames a search takes to come back (smoothed)
        self._hidden: list[Region] = []  # changes that came in at the edge, hidden until searched
        self._last_at: float | None = None  # clock of the previous frame

    # -- life cycle -------------------------------------------------------------

    def start(self) -> None:
        if self._thread is not None and self._thread.is_alive():
            return
        with self._cond:
            self._stopping = False
        self._thread = threading.Thread(target=self._detector_loop, name="live-face-detector", daemon=True)
        self._thread.start()
        workers.track(self)

    def stop(self, timeout: float = 5.0) -> None:
        with self._cond:
            self._stopping = True
            self._cond.notify_all()
        if self._thread is not None and self._thread is not threading.current_thread():
            self._thread.join(timeout)

    def reset(self) -> None:
        """Forget known faces (new stream or new call)."""
        with self._cond:
            self._reset_locked(None)

    @property
    def status(self) -> LiveBlurStatus:
        with self._cond:
            state = self._state
            msg = {"ok": N_("Ansikter sladdes i sanntid."), "starter": STARTING_TEXT,
                   "henger etter": LAG_TEXT, "feil": self._error or WARN_TEXT}[state]
            return LiveBlurStatus(state, msg, self._detections, self._faces)

    @property
    def detector_cpu_s(self) -> float:
        """CPU seconds spent in detector passes so far (for the benchmark)."""
        return self._detector_cpu

    def wait_ready(self, timeout: float = 10.0) -> bool:
        """Block until the detector has loaded (or failed); True when it is usable."""
        with self._cond:
            self._cond.wait_for(lambda: self._detector is not None or self._error is not None, timeout)
            return self._detector is not None

    def wait_for_detections(self, count: int, timeout: float = 10.0) -> bool:
        """Block until ``count`` detector passes have finished (or the detector failed)."""
        with self._cond:
            self._cond.wait_for(lambda: self._detections >= count or self._error is not None, timeout)
            return self._detections >= count

    def wait_idle(self, timeout: float = 10.0) -> bool:
        """Block until the detector has finished every frame handed to it (tests: real time
        gives it ~33 ms a frame; a test loop feeding frames at once does not)."""
        with self._cond:
            return self._cond.wait_for(
                lambda: (self._job is None and not self._busy) or self._error is not None, timeout)

    # -- capture thread -----------------------------------------------------------

    def __call__(self, image: np.ndarray) -> Processed:
        """Hide the faces in ``image`` (in place: the pipeline hands over a fresh picture)
        and say what this frame's coverage is."""
        h, w = image.shape[:2]
        p = self.params
        thumb = _thumbnail(image)
        now = self._clock()
        with self._cond:
            if self._shape != (h, w):
                self._reset_locked((h, w))
            index = self._frame
            self._frame += 1
            froze = self._last_at is not None and now - self._last_at >= p.freeze_s
            self._last_at = now
            faces = [c.region for c in self._tracker.covers(index, w, h)]
            regions = list(faces)
            blobs = self._note_changes(index, thumb, regions, w, h, froze)
            lag = self._lag(index, blobs)
            areas = self._next_job(index, now, w, h, blobs, faces)
            # what comes in at the edge is hidden until it has been searched
            cell = w / THUMB_WIDTH
            self._hidden = [_grow_px(b.area, cell, w, h) for b in blobs if b.edge]
            regions += self._hidden
            if areas:
                self._job = _Job(self._generation, index, [_detector_input(image, a, p.detect_side) for a in areas],
                                 thumb)
                if areas == [(0, 0, w, h)]:
                    self._last_full = now
                self._cond.notify_all()
            age = index - self._last_detected if self._last_detected >= 0 else None
            if self._error is not None:
                state = "feil"
            elif age is None:
                state = "starter"
            else:
                if lag > p.hard_lag:
                    self._bad_until = index + p.recover_frames
                state = "henger etter" if index < self._bad_until else "ok"
            if state != self._state and (state not in ("ok", "henger etter") or now - self._logged >= 5.0):
                # a detector that keeps falling behind is logged every 5 s, not every flicker
                log.log(logging.WARNING if state in ("feil", "henger etter") else logging.INFO,
                        "live face blur: %s (bildealder %s, uavklart i %s bilder)", state, age, lag)
                self._logged = now
            self._state = state
            self._faces = len(regions)
        blanked = False
        if state == "ok":
            out = image
            hide(out, regions, p.style)
        elif state == "starter":  # nothing is known yet: never show an unchecked picture
            out, blanked = self._blank(w, h, STARTING_TEXT), True
        elif self.blank_on_failure:
            out, blanked = self._blank(w, h, BLANK_TEXT), True
        else:
            out = image
            if regions:
                hide(out, regions, p.style)
            band = self._band(w, h, WARN_TEXT if state == "feil" else LAG_TEXT)
            out[:band.shape[0]] = band
        return Processed(out, Coverage(state, age, state == "ok", blanked, len(regions)))

    def boxes(self) -> list[Box]:
        """The regions covered in the newest frame (for tests and the benchmark)."""
        with self._cond:
            if self._shape is None:
                return []
            h, w = self._shape
            return [Box.from_row((*c.region, c.score), w, h) for c in self._tracker.covers(self._frame - 1, w, h)]

    def _note_changes(self, index: int, thumb: np.ndarray, regions: list[Region], w: int, h: int,
                      froze: bool = False) -> list[_Blob]:
        """The changes, outside the covered regions, since their cells were last searched.

        After a freeze (``froze``: no frame for ``freeze_s``; the call stalled, or the
        window was hidden) a face may have gone anywhere, beyond what the tracker and the
        motion bound allow for: every change is then hidden until searched, as one coming
        in at the edge is.

        The thumbnails are compared after undoing a change of light (gain) and
        a camera pan (phase correlation; the reference is kept in the geometry
        of the newest searched frame, see :meth:`_take`); a change must fill
        2×2 cells (about 60 px at 1920×1080, more than the smallest face live
        detection finds), so a clock, noise or an edge shimmering in the shake
        does not count.
        """
        ref = self._ref
        if ref is None:
            return []
        limit = self.params.change_threshold
        gain = min(max((float(thumb.mean()) + 1.0) / (float(ref.mean()) + 1.0), 0.5), 2.0)
        ref = ref * gain
        changed = np.abs(thumb - ref) > limit
        panned = _undo_pan(ref, thumb, limit, self.params.camera_moved, int(np.count_nonzero(changed)))
        if panned is not None:
            # Undone to a fraction of a cell, which in a detailed picture still changes a
            # cell's mean; so a cell counts as changed only outside the range of the cells
            # around it – and the whole frame is searched again soon, which this lenient
            # test must not wait for long.
            if self._moved_since < 0:
                self._moved_since = index
            if self._panned_at != index:
                self._panned_before, self._panned_at = self._panned_at, index
            if not froze:  # after a freeze every change counts, the camera's too: hidden until searched
                changed = (thumb < cv2.erode(panned, _AROUND) - limit) | (thumb > cv2.dilate(panned, _AROUND) + limit)
        changed = changed.astype(np.uint8)
        th, tw = thumb.shape
        if changed.any():
            sx, sy = tw / w, th / h
            for x1, y1, x2, y2 in regions:
                changed[int(y1 * sy):math.ceil(y2 * sy), int(x1 * sx):math.ceil(x2 * sx)] = 0
            changed = cv2.dilate(cv2.erode(changed, _BLOCK, borderType=cv2.BORDER_CONSTANT, borderValue=0),
                                 _BLOCK, anchor=(0, 0))
        since = self._pending_since
        since[changed == 0] = -1
        since[(changed > 0) & (since < 0)] = index
        if not (since >= 0).any():
            return []
        count, labels, stats, _ = cv2.connectedComponentsWithStats((since >= 0).astype(np.uint8), 8)
        # what came in at the edge stays hidden while it moves on, unsearched, at up to the
        # fastest speed we cover (a small fast face leaves the edge within a frame)
        reach = self.params.tracker.max_speed * w
        before = [_grow(r, 0.0, reach) for r in self._hidden]
        blobs = []
        for label in range(1, count):
            x, y, bw, bh, _n = stats[label]
            area = (x * w / tw, y * h / th, (x + bw) * w / tw, (y + bh) * h / th)
            edge = froze or x == 0 or y == 0 or x + bw == tw or y + bh == th or any(_overlap(area, r) for r in before)
            blobs.append(_Blob(area, index - int(since[labels == label].min()), edge))
        return blobs

    def _lag(self, index: int, blobs: list[_Blob], hidden_too: bool = False) -> int:
        """Frames the oldest unsearched, unhidden change has waited (0: none).  A change at
        the edge is hidden until searched (counted only with ``hidden_too``); a face seen
        once waits for its second look like a change (its region grows fast, as its speed
        is not known)."""
        waits = [b.waited for b in blobs if hidden_too or not b.edge]
        waits += [index - t.frame for t in self._tracker.tracks if t.new]
        if self._moved_since >= 0:  # the camera moved and the whole frame was not searched since
            waits.append(index - self._moved_since)
        return max(waits, default=0)

    def _next_job(self, index: int, now: float, w: int, h: int, blobs: list[_Blob], faces: list[Region]
                  ) -> list[tuple[int, int, int, int]]:
        """What to hand the detector now: the whole frame, crops of it, or nothing (under the lock).

        Urgent (changes waiting, faces seen once or missed) may run the
        budget into debt by one burst; routine looks (faces not looked at for
        a while, the whole-frame refresh) wait for the budget.  A change
        within ``head_zone`` of a known face (its hair, neck, shoulders), and
        not at the edge of the picture, is most likely that person moving: it
        is searched with that face's next look, but never later than
        ``hard_lag`` frames after it began.
        """
        if self._busy or self._job is not None or self._detector is None:
            return []
        whole = (0, 0, w, h)
        if self._last_detected < 0:
            return [whole]
        p = self.params
        self._tokens = min(p.burst, self._tokens + (now - self._tokens_at) * p.budget)
        self._tokens_at = now
        urgent: list[Region] = self._tracker.to_look_at(index, w, h)  # new or missed faces
        deferred: list[Region] = []
        zones = [_grow(f, p.head_zone) for f in faces]
        for blob in blobs:
            near = not blob.edge and any(_overlap(blob.area, z) for z in zones)
            # deferred only as long as its search would still finish in time, allowing
            # for the detector to come free and to run (each about ``_latency`` + 1 frames)
            in_time = blob.waited + 2 * (self._latency + 1) < p.hard_lag
            (deferred if near and in_time else urgent).append(blob.area)
        # the camera keeps moving (a hand-held camera): it moved twice within ``camera_settle`` frames
        moving = index - self._panned_before <= p.camera_settle
        if self._moved_since >= 0 or (urgent and moving):
            if moving:
                # Nearly every cell changes, so what changed (and a face seen once) waits for the
                # whole-frame search the move needs anyway, handed over as late as it still comes
                # back within ``hard_lag`` frames (``_latency`` + 1 frames after it is handed over,
                # and one frame to spare) – not a search, or a crop of every cell the shake set
                # shimmering, each frame.  A single move (a jump, a cut) is searched at once.
                if self._lag(index, blobs, hidden_too=True) + self._latency + 2 < p.hard_lag:
                    return []
            urgent.append(whole)
        if self._tokens <= (-p.burst if urgent else 0.0):
            return []
        since_full = now - self._last_full
        if self._moved_since >= 0 or since_full >= 2 * p.idle_refresh_s \
                or (since_full >= p.idle_refresh_s and not urgent):
            return [whole]
        stale = max(1, round(p.refresh_s * 30))  # frames, at the 30 fps of a camera
        routine = self._tracker.to_look_at(index, w, h, p.regrow, stale) + deferred
        margin = min(w, h) / 18  # some context around a face: 60 px at 1920×1080
        crops = _merge([_crop(a, margin, faces, w, h) for a in urgent])
        if _area(crops) >= p.full_share * w * h:
            return [whole]
        for a in routine:  # as many routine looks as fit in the job, at least one
            more = _merge(crops + [_crop(a, margin, faces, w, h)])
            if crops and _area(more) > p.full_share * w * h / 2:
                break
            crops = more
        if _area(crops) >= p.full_share * w * h:
            return [whole]
        return [c for c in crops if c[2] - c[0] >= 8 and c[3] - c[1] >= 8]

    def _band(self, w: int, h: int, text: str) -> np.ndarray:
        """The warning band burnt into the top of a frame (drawn once per size and text)."""
        key = (w, -h, text)
        band = self._blanks.get(key)
        if band is None:
            band = np.zeros((max(24, h // 12), w, 3), np.uint8)
            _banner(band, text, height=h)
            self._blanks[key] = band
        return band

    def _blank(self, w: int, h: int, text: str) -> np.ndarray:
        """A black frame with ``text`` on a red band (made once per size and text; never changed)."""
        key = (w, h, text)
        blank = self._blanks.get(key)
        if blank is None:
            blank = _blank(w, h, text)
            blank.flags.writeable = False
            self._blanks[key] = blank
        return blank

    # -- detector thread -----------------------------------------------------------

    def _detector_loop(self) -> None:
        try:
            detector = self._factory()
        except Exception as exc:  # missing or broken model: fail closed
            msg = exc.message_nb if isinstance(exc, AnonymisationError) else WARN_TEXT
            log.error("live face detector unavailable: %r", exc)
            with self._cond:
                self._error = msg
                self._cond.notify_all()
            return
        with self._cond:
            self._detector = detector
            self._cond.notify_all()
        while True:
            with self._cond:
                self._cond.wait_for(lambda: self._job is not None or self._stopping)
                if self._stopping:
                    return
                job, self._job = self._job, None
                self._busy = True
            cpu = time.thread_time()
            try:
                found = [detector.detect(image, self.params.threshold) for _area, _scale, image in job.crops]
            except Exception as exc:
                log.error("live face detection failed: %r", exc)
                with self._cond:
                    self._error = getattr(exc, "message_nb", None) or WARN_TEXT
                    self._busy = False
                    self._cond.notify_all()
                return
            cost = time.thread_time() - cpu
            with self._cond:
                self._busy = False
                self._detector_cpu += cost
                self._tokens -= cost
                if job.generation == self._generation and self._shape is not None:
                    self._take(job, found)
                self._cond.notify_all()

    def _take(self, job: "_Job", found: list[np.ndarray]) -> None:
        """A finished search: faces to the tracker, the searched cells to the reference (under the lock)."""
        h, w = self._shape
        rows = []
        for (x1, y1, _x2, _y2), scale, dets in zip((c[0] for c in job.crops), (c[1] for c in job.crops), found):
            dets = dets.copy()
            dets[:, [0, 2]] = dets[:, [0, 2]] / scale + x1
            dets[:, [1, 3]] = dets[:, [1, 3]] / scale + y1
            rows.append(dets)
        areas = [c[0] for c in job.crops]
        whole = areas == [(0, 0, w, h)]
        dets = np.concatenate(rows)
        if len(areas) > 1:  # crops may overlap: one face, one box
            dets = dets[nms(dets, 0.3, containment=0.8)]
        self._tracker.update(job.index, dets, w, h, areas=None if whole else areas)
        thumb = job.thumb
        th, tw = thumb.shape
        if self._ref is None or self._ref.shape != thumb.shape:
            self._ref = thumb.copy()
            self._pending_since = np.full(thumb.shape, -1, np.int64)
        elif job.index >= self._ref_index:
            # keep the whole reference in the geometry of the newest searched frame: a camera
            # that moved since would otherwise leave old and new cells out of line
            panned = _undo_pan(self._ref, thumb, self.params.change_threshold, self.params.camera_moved)
            if panned is not None:
                self._ref = panned
        self._ref_index = max(self._ref_index, job.index)
        if whole and self._moved_since <= job.index:
            self._moved_since = -1
        for x1, y1, x2, y2 in areas:
            # the cells wholly inside a searched area are now known as they were in that frame
            cx1, cy1 = math.ceil(x1 * tw / w), math.ceil(y1 * th / h)
            cx2, cy2 = int(x2 * tw / w), int(y2 * th / h)
            self._ref[cy1:cy2, cx1:cx2] = thumb[cy1:cy2, cx1:cx2]
            since = self._pending_since[cy1:cy2, cx1:cx2]
            since[since <= job.index] = -1
        self._last_detected = max(self._last_detected, job.index)
        self._detections += 1
        # frames that went by while it ran (smoothed): how long a search takes on this machine now
        self._latency = 0.7 * self._latency + 0.3 * (self._frame - 1 - job.index)


@dataclass(frozen=True)
class _Blob:
    """A change not searched yet: where (frame pixels), for how many frames, at the picture's edge?"""

    area: Region
    waited: int
    edge: bool


@dataclass(frozen=True)
class _Job:
    """A frame, or crops of it, handed to the detector: each crop is (area in frame pixels,
    detector pixels per frame pixel, the pixels as the detector sees them)."""

    generation: int
    index: int
    crops: list[tuple[tuple[int, int, int, int], float, np.ndarray]]
    thumb: np.ndarray  # the whole frame's thumbnail


def _crop(area: Region, margin: float, faces: list[Region], w: int, h: int) -> tuple[int, int, int, int]:
    """``area`` grown by ``margin`` and by every known face it touches (a crop never cuts a
    known face in two), in whole pixels inside the frame."""
    x1, y1, x2, y2 = area[0] - margin, area[1] - margin, area[2] + margin, area[3] + margin
    grown = True
    while grown:
        grown = False
        for f in faces:
            if f[0] < x2 and x1 < f[2] and f[1] < y2 and y1 < f[3] and \
                    not (x1 <= f[0] and y1 <= f[1] and f[2] <= x2 and f[3] <= y2):
                x1, y1, x2, y2 = min(x1, f[0]), min(y1, f[1]), max(x2, f[2]), max(y2, f[3])
                grown = True
    return max(int(x1), 0), max(int(y1), 0), min(math.ceil(x2), w), min(math.ceil(y2), h)


def _merge(crops: list[tuple[int, int, int, int]]) -> list[tuple[int, int, int, int]]:
    """Crops that overlap much (a third of the smaller one) become their bounding box."""
    out = list(crops)
    merged = True
    while merged:
        merged = False
        for i in range(len(out)):
            for j in range(i + 1, len(out)):
                a, b = out[i], out[j]
                iw = min(a[2], b[2]) - max(a[0], b[0])
                ih = min(a[3], b[3]) - max(a[1], b[1])
                if iw > 0 and ih > 0 and 3 * iw * ih >= min(_area([a]), _area([b])):
                    out[i] = (min(a[0], b[0]), min(a[1], b[1]), max(a[2], b[2]), max(a[3], b[3]))
                    del out[j]
                    merged = True
                    break
            if merged:
                break
    return out


def _overlap(a: Region, b: Region) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _grow(r: Region, share: float, px: float = 0.0) -> Region:
    gx, gy = share * (r[2] - r[0]) + px, share * (r[3] - r[1]) + px
    return r[0] - gx, r[1] - gy, r[2] + gx, r[3] + gy


def _grow_px(r: Region, px: float, w: int, h: int) -> Region:
    return max(r[0] - px, 0.0), max(r[1] - px, 0.0), min(r[2] + px, float(w)), min(r[3] + px, float(h))


def _area(crops: list[tuple[int, int, int, int]]) -> int:
    return sum(max(c[2] - c[0], 0) * max(c[3] - c[1], 0) for c in crops)


def _detector_input(image: np.ndarray, area: tuple[int, int, int, int], side: int
                    ) -> tuple[tuple[int, int, int, int], float, np.ndarray]:
    """The crop ``area`` of ``image`` at the scale that brings the whole frame to a long side
    of ``side``: (area, detector pixels per frame pixel, pixels)."""
    h, w = image.shape[:2]
    if area == (0, 0, w, h):
        small = _detector_copy(image, side)
        return area, small.shape[1] / w, small
    x1, y1, x2, y2 = area
    scale = min(1.0, side / max(w, h))
    small = _reduce(image[y1:y2, x1:x2], scale)
    return area, small.shape[1] / (x2 - x1), small


def _undo_pan(ref: np.ndarray, thumb: np.ndarray, limit: float, least: float,
              unexplained: int | None = None) -> np.ndarray | None:
    """``ref`` moved as the camera moved to ``thumb`` (phase correlation), or None when the
    camera did not move by ``least`` cells.  What phase correlation sees may be faces moving
    in front of a still camera: the camera moved only if undoing it explains more cells than
    the ``unexplained`` ones (cells more than ``limit`` apart in ``ref`` and ``thumb``; counted
    here when not given) – so when none is, as in a still scene, nothing is correlated."""
    if unexplained is None:
        unexplained = int(np.count_nonzero(np.abs(thumb - ref) > limit))
    if unexplained == 0:
        return None
    (dx, dy), _response = cv2.phaseCorrelate(ref, thumb)
    if math.hypot(dx, dy) < least:
        return None
    panned = cv2.warpAffine(ref, np.float32([[1, 0, dx], [0, 1, dy]]), (ref.shape[1], ref.shape[0]),
                            borderMode=cv2.BORDER_REPLICATE)
    if np.count_nonzero(np.abs(thumb - panned) > limit) >= unexplained:
        return None
    return panned


def _thumbnail(image: np.ndarray) -> np.ndarray:
    """A small grey copy (``THUMB_WIDTH`` cells across), each cell the mean of 16 samples."""
    h, w = image.shape[:2]
    tw = THUMB_WIDTH
    th = max(1, round(h * tw / w))
    sampled = cv2.resize(image, (tw * 4, th * 4), interpolation=cv2.INTER_NEAREST)
    grey = cv2.cvtColor(sampled, cv2.COLOR_BGR2GRAY)
    return cv2.resize(grey, (tw, th), interpolation=cv2.INTER_AREA).astype(np.float32)


def _detector_copy(image: np.ndarray, side: int) -> np.ndarray:
    """``image`` reduced to a long side of at most ``side``."""
    return _reduce(image, min(1.0, side / max(image.shape[:2])))


def _reduce(image: np.ndarray, scale: float) -> np.ndarray:
    """A copy of ``image`` scaled by ``scale`` ≤ 1: halved by area averaging (OpenCV's fast
    path for exact halves) while that stays at least as big, then linear."""
    h, w = image.shape[:2]
    tw, th = max(1, round(w * scale)), max(1, round(h * scale))
    small = image
    while small.shape[1] >= 2 * tw and small.shape[0] >= 2 * th and small.shape[1] % 2 == 0 \
            and small.shape[0] % 2 == 0:
        small = cv2.resize(small, (small.shape[1] // 2, small.shape[0] // 2), interpolation=cv2.INTER_AREA)
    if small.shape[:2] != (th, tw):
        small = cv2.resize(small, (tw, th), interpolation=cv2.INTER_LINEAR)
    return small if small is not image else image.copy()


def outgoing_image(frame: Frame) -> np.ndarray:
    """The picture of ``frame`` as it may leave this machine (a share view, a recording):
    itself only when live blur guaranteed its coverage, otherwise a blank frame with the
    banner – whatever the technician's own view shows."""
    cov = frame.coverage
    if cov is not None and cov.guaranteed and not cov.blanked:
        return frame.image
    return _outgoing_blank(frame.width, frame.height, i18n.t(BLANK_TEXT))


@functools.lru_cache(maxsize=4)
def _outgoing_blank(w: int, h: int, _label: str) -> np.ndarray:
    """The blank frame sent out, drawn once per size and language (``_label``: the banner as
    shown) – not again for every frame while coverage cannot be guaranteed; never changed."""
    blank = _blank(w, h, BLANK_TEXT)
    blank.flags.writeable = False
    return blank


def _blank(w: int, h: int, text: str) -> np.ndarray:
    out = np.zeros((h, w, 3), np.uint8)
    _banner(out, text, centre=True)
    return out


def _banner(image: np.ndarray, text: str, centre: bool = False, height: int | None = None) -> None:
    """A red band with white text burnt into ``image`` (ASCII-safe rendering of the Norwegian text),
    as high as for a frame ``height`` px high (default: ``image``'s)."""
    h, w = image.shape[:2]
    band = max(24, (height or h) // 12)
    y0 = (h - band) // 2 if centre else 0
    image[y0:y0 + band] = (30, 20, 176)
    label = i18n.t(text).replace("–", "-").replace("…", "...").replace("Æ", "AE").replace("Ø", "O").replace("Å", "AA") \
        .replace("æ", "ae").replace("ø", "o").replace("å", "aa")
    scale = band / 40
    (tw, th), _ = cv2.getTextSize(label, cv2.FONT_HERSHEY_SIMPLEX, scale, max(1, int(scale * 2)))
    if tw > w * 0.96:
        scale *= w * 0.96 / tw
        (tw, th), _ = cv2.getTextSize(label, cv2.FONT_HERSHEY_SIMPLEX, scale, max(1, int(scale * 2)))
    cv2.putText(image, label, ((w - tw) // 2, y0 + (band + th) // 2), cv2.FONT_HERSHEY_SIMPLEX, scale,
                (255, 255, 255), max(1, int(scale * 2)), cv2.LINE_AA)


class LiveBlurSwitch:
    """Turns live blur on and off for a video pane (no Qt: ``install`` is ``VideoPane.set_processor``).

    Every switch-on makes a fresh :class:`LiveBlur` (its own detector thread;
    the network session is shared); switching off stops it.
    """

    def __init__(self, install: Callable[[Callable[[np.ndarray], Processed] | None], None],
                 make: Callable[[], LiveBlur] = LiveBlur) -> None:
        self._install = install
        self._make = make
        self.blur: LiveBlur | None = None

    @property
    def enabled(self) -> bool:
        return self.blur is not None

    def set_enabled(self, on: bool) -> None:
        if on == self.enabled:
            return
        if on:
            self.blur = self._make()
            self._install(self.blur)
            log.info("live face blur on")
        else:
            old, self.blur = self.blur, None
            self._install(None)
            if old is not None:
                old.stop()
            log.info("live face blur off")

    def shutdown(self) -> None:
        if self.blur is not None:
            self.blur.stop()
