"""Live face blur for the video pane: a per-frame processor for ``FramePipeline.set_processor``.

:class:`LiveBlur` is called on the capture thread with every decoded frame
and must return quickly (a 1920×1080 stream at 30 fps leaves ~33 ms per
frame for decoding *and* this).  So it never runs the network itself:

* a detector thread takes the newest frame (downscaled to ``detect_side``
  px), runs CenterFace on its **own** :class:`FaceAnonymiser` (never the
  shared still instance, so a snapshot never stalls the live view) and
  publishes the faces it found, stamped with the frame they came from;
* every frame, the known faces are carried forward along their motion and
  grown by a motion margin for each frame since they were seen, and those
  regions are blurred on the full-resolution frame.

Fail closed: if the detector is missing, raises, or falls behind (no
finished detection for more than ``max_lag_frames`` frames), the frame is
either blanked (setting ``video.blank_when_detector_fails``) or shown with
the known faces still blurred and a red warning banner burnt into the
picture.  :attr:`LiveBlur.status` tells which ("ok", "starter", "henger
etter", "feil") for the window's status bar.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

import cv2
import numpy as np

from hms_desk.domain import i18n
from hms_desk.domain.i18n import N_
from hms_desk.platform import workers
from hms_desk.video.anonymise import (
    AnonymisationError,
    FaceAnonymiser,
    UNKNOWN_SPEED,
    _LiveState,
    _to_box,
    Box,
)

log = logging.getLogger("hms_desk.video.blur")

__all__ = ["LiveBlur", "LiveBlurStatus", "WARN_TEXT", "BLANK_TEXT", "LAG_TEXT"]

WARN_TEXT = N_("ANSIKTSSLADDING VIRKER IKKE – ansikter kan vises")
LAG_TEXT = N_("ANSIKTSSLADDINGEN HENGER ETTER – ansikter kan vises")
BLANK_TEXT = N_("Ansiktssladding virker ikke – bildet er skjult")


@dataclass(frozen=True)
class LiveBlurStatus:
    """What the live blur is doing: ``state`` is ok | starter | henger etter | feil."""

    state: str
    message: str
    detections: int  # finished detector passes
    faces: int  # regions blurred in the last frame


class LiveBlur:
    """Callable frame processor: ``image -> image with faces blurred``.  One instance per stream.

    Parameters
    ----------
    anonymiser_factory:
        Makes the detector's own :class:`FaceAnonymiser` (called on the
        detector thread; an exception there means "detector missing").
    blank_on_failure:
        Blank the picture instead of warning when detection fails or lags.
    detect_side:
        Long side (px) of the copy the detector sees.
    detect_every:
        Hand the detector at most every n-th frame (leaves CPU for decoding).
    max_lag_frames:
        A detection older than this many frames means the detector fell behind.
    hold_frames:
        Keep blurring a face this many frames after it was last detected.
    motion_margin:
        Growth per frame since the face was seen, as a share of its size.
    """

    def __init__(self, anonymiser_factory: Callable[[], FaceAnonymiser] = FaceAnonymiser, *,
                 blank_on_failure: bool = False, detect_side: int = 512, detect_every: int = 2,
                 max_lag_frames: int = 15,
                 hold_frames: int = 12, motion_margin: float = 0.06, start: bool = True) -> None:
        self._factory = anonymiser_factory
        self.blank_on_failure = bool(blank_on_failure)
        self.detect_side = int(detect_side)
        self.detect_every = max(1, int(detect_every))
        self.max_lag_frames = int(max_lag_frames)
        self.hold_frames = int(hold_frames)
        self.motion_margin = float(motion_margin)
        self._anon: FaceAnonymiser | None = None
        self._cond = threading.Condition()
        self._pending: tuple[int, np.ndarray] | None = None  # (frame index, small copy)
        self._stopping = False
        self._error: str | None = None
        self._tracks = _LiveState()
        self._last_detected_frame = -1  # frame index of the newest finished detection
        self._frame = 0  # index of the next frame
        self._submitted = -(10**9)  # index of the last frame handed to the detector
        self._busy = False  # the detector is running the network
        self._shape: tuple[int, int] | None = None
        self._detections = 0
        self._faces = 0
        self._state = "starter"
        self._thread: threading.Thread | None = None
        if start:
            self.start()

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
            self._tracks = _LiveState()
            self._pending = None
            self._last_detected_frame = -1
            self._frame = 0
            self._submitted = -(10**9)
            self._shape = None

    @property
    def status(self) -> LiveBlurStatus:
        with self._cond:
            state = self._state
            msg = {"ok": N_("Ansikter sladdes i sanntid."), "starter": N_("Ansiktssladding starter …"),
                   "henger etter": LAG_TEXT, "feil": self._error or WARN_TEXT}[state]
            return LiveBlurStatus(state, msg, self._detections, self._faces)

    def wait_ready(self, timeout: float = 10.0) -> bool:
        """Block until the detector has loaded (or failed); True when it is usable."""
        deadline = time.monotonic() + timeout
        with self._cond:
            while self._anon is None and self._error is None and time.monotonic() < deadline:
                self._cond.wait(0.05)
            return self._anon is not None

    def wait_for_detections(self, count: int, timeout: float = 10.0) -> bool:
        """Block until ``count`` detector passes have finished (or the detector failed)."""
        deadline = time.monotonic() + timeout
        with self._cond:
            while self._detections < count and self._error is None:
                left = deadline - time.monotonic()
                if left <= 0:
                    return False
                self._cond.wait(left)
            return self._detections >= count

    # -- capture thread -----------------------------------------------------------

    def __call__(self, image: np.ndarray) -> np.ndarray:
        h, w = image.shape[:2]
        with self._cond:
            submit = (not self._busy and self._pending is None
                      and self._frame - self._submitted >= self.detect_every)
        if submit:  # a downscaled copy only when the detector is free to take it
            scale = min(1.0, self.detect_side / max(w, h))
            small = cv2.resize(image, (max(1, round(w * scale)), max(1, round(h * scale))),
                               interpolation=cv2.INTER_AREA) if scale < 1.0 else image.copy()
        with self._cond:
            if self._shape != (h, w):
                self._tracks = _LiveState(shape=(h, w))
                self._last_detected_frame = -1
                self._shape = (h, w)
            index = self._frame
            self._frame += 1
            if submit:
                self._pending = (index, small)
                self._submitted = index
                self._cond.notify_all()
            regions = self._regions(index, w, h)
            lag = index - self._last_detected_frame if self._last_detected_frame >= 0 else None
            failed = self._error is not None
            ready = self._anon is not None
            if failed:
                state = "feil"
            elif lag is None:
                state = "starter" if index <= self.max_lag_frames or not ready else "henger etter"
            elif lag > self.max_lag_frames:
                state = "henger etter"
            else:
                state = "ok"
            if state != self._state:
                log.log(logging.WARNING if state in ("feil", "henger etter") else logging.INFO,
                        "live face blur: %s", state)
            self._state = state
            self._faces = len(regions)
        if state in ("feil", "henger etter") or (state == "starter" and index > self.max_lag_frames):
            if self.blank_on_failure:
                return _blank(w, h, BLANK_TEXT)
            out = image.copy()
            self._blur(out, regions)
            _banner(out, WARN_TEXT if state == "feil" else LAG_TEXT)
            return out
        if state == "starter":
            # Before the first detection nothing is known: never show an unchecked picture.
            return _blank(w, h, "Ansiktssladding starter …")
        out = image.copy()
        self._blur(out, regions)
        return out

    def boxes(self) -> list[Box]:
        """The regions blurred in the newest frame (for tests and the benchmark)."""
        with self._cond:
            if self._shape is None:
                return []
            h, w = self._shape
            return [_to_box(np.array([*r, 1.0]), w, h) for r in self._regions(self._frame - 1, w, h)]

    def _regions(self, index: int, w: int, h: int) -> list[tuple[float, float, float, float]]:
        """Known faces moved to frame ``index`` and grown for the time since they were seen."""
        out = []
        for t in self._tracks.tracks:
            dt = index - t.frame
            if dt > self.hold_frames + max(index - self._last_detected_frame, 0):
                continue
            dx, dy = float(t.velocity[0]) * dt, float(t.velocity[1]) * dt
            x1, y1, x2, y2 = (float(v) for v in t.box)
            bw, bh = x2 - x1, y2 - y1
            margin = max(self.motion_margin, UNKNOWN_SPEED) if t.new else self.motion_margin
            gx = margin * max(dt, 0) * bw + 0.5 * abs(float(t.velocity[0])) * max(dt, 0)
            gy = margin * max(dt, 0) * bh + 0.5 * abs(float(t.velocity[1])) * max(dt, 0)
            r = (max(x1 + dx - gx, 0.0), max(y1 + dy - gy, 0.0), min(x2 + dx + gx, float(w)),
                 min(y2 + dy + gy, float(h)))
            if r[2] > r[0] and r[3] > r[1]:
                out.append(r)
        return out

    def _blur(self, image: np.ndarray, regions) -> None:
        anon = self._anon
        if anon is None:  # no detector: only the banner or blanking protects
            return
        anon._hide_or_fail(image, regions)

    # -- detector thread -----------------------------------------------------------

    def _detector_loop(self) -> None:
        try:
            anon = self._factory()
        except Exception as exc:  # missing or broken model: fail closed
            msg = exc.message_nb if isinstance(exc, AnonymisationError) else WARN_TEXT
            log.error("live face detector unavailable: %r", exc)
            with self._cond:
                self._error = msg
                self._cond.notify_all()
            return
        with self._cond:
            self._anon = anon
            self._cond.notify_all()
        while True:
            with self._cond:
                while self._pending is None and not self._stopping:
                    self._cond.wait()
                if self._stopping:
                    return
                index, small = self._pending
                self._pending = None
                self._busy = True
                shape = self._shape
            try:
                dets = anon._detect_scaled_whole(small, 1.0)
            except Exception as exc:
                log.error("live face detection failed: %r", exc)
                with self._cond:
                    self._error = getattr(exc, "message_nb", None) or WARN_TEXT
                    self._busy = False
                    self._cond.notify_all()
                return
            with self._cond:
                self._busy = False
            if shape is None:
                continue
            h, w = shape
            dets = dets.copy()
            dets[:, [0, 2]] *= w / small.shape[1]
            dets[:, [1, 3]] *= h / small.shape[0]
            with self._cond:
                if self._shape != shape:
                    continue
                st = self._tracks
                st.frame = index
                anon.live_hold = max(1, self.hold_frames // max(anon.live_every, 1))
                anon._update_tracks(st, dets)
                self._last_detected_frame = index
                self._detections += 1
                self._cond.notify_all()


def _blank(w: int, h: int, text: str) -> np.ndarray:
    out = np.zeros((h, w, 3), np.uint8)
    _banner(out, text, centre=True)
    return out


def _banner(image: np.ndarray, text: str, centre: bool = False) -> None:
    """A red band with white text burnt into ``image`` (the text in the user's language, ASCII-safe)."""
    h, w = image.shape[:2]
    band = max(24, h // 12)
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

    Every switch-on makes a fresh :class:`LiveBlur` (its own detector thread
    and anonymiser); switching off stops it.
    """

    def __init__(self, install: Callable[[Callable[[np.ndarray], np.ndarray] | None], None],
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
