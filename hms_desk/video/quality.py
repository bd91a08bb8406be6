"""Picture-quality advisor for the pre-call check (no Qt).

:func:`assess` looks at one BGR picture with OpenCV and says, in plain
Norwegian, what is wrong with it for a support call: backlight (*motlys*),
too dark, overexposed, out of focus or motion blur.  Measures are taken on a
grey copy scaled to :data:`ANALYSIS_WIDTH` so the verdict does not depend on the
camera's resolution, and one picture costs a few milliseconds.

:class:`QualityMonitor` runs :func:`assess` on live frames: it is a pipeline
listener that keeps only the newest frame, analyses at most ``rate_hz`` times
a second on its own thread (never on the GUI thread) and reports each
:class:`QualityReport` to a callback.  The pipeline gives listeners nothing
during the privacy pause, and the monitor drops what it holds when paused.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

import cv2
import numpy as np

from hms_desk.domain.i18n import N_, t
from hms_desk.platform import workers
from hms_desk.video.frames import Frame

log = logging.getLogger("hms_desk.video")

ANALYSIS_WIDTH = 480

# thresholds, on 0..255 grey levels of the scaled picture
DARK_MEAN = 55.0  # mean below this and few bright parts → too dark
DARK_P95 = 150.0
CLIPPED_LEVEL = 245  # a pixel at or above this has lost its detail
OVEREXPOSED_FRACTION = 0.30  # share of clipped pixels over the whole picture
OVEREXPOSED_MEAN = 195.0
BACKLIGHT_GAP = 55.0  # surroundings brighter than the middle by this much …
BACKLIGHT_BRIGHT = 170.0  # … and the surroundings this bright
SHARPNESS_MIN = 0.16  # fine detail / coarse detail below this → out of focus
MOTION_RATIO = 2.0  # fine detail this much stronger across one direction → motion blur
MOTION_SHARPNESS_MAX = 0.25  # … and the picture has lost some fine detail
MIN_CONTRAST = 12.0  # a (near) flat picture: no blur verdict, it says nothing


@dataclass(frozen=True)
class QualityIssue:
    code: str  # "motlys", "mørkt", "overeksponert", "uskarpt", "bevegelsesuskarphet"
    hint: str  # plain Norwegian advice for the caller


MOTLYS = QualityIssue("motlys", N_("Motlys: snu kameraet slik at vinduet ikke er bak gjenstanden."))
MORKT = QualityIssue("mørkt", N_("For mørkt: slå på taklyset eller flytt gjenstanden nærmere lyset."))
OVEREKSPONERT = QualityIssue(
    "overeksponert", N_("For lyst: flytt gjenstanden bort fra sterkt lys eller direkte sol."))
USKARPT = QualityIssue(
    "uskarpt", N_("Uskarpt: tørk av kameralinsen og hold kameraet litt lenger unna, så det får fokusert."))
BEVEGELSE = QualityIssue(
    "bevegelsesuskarphet", N_("Bildet er utydelig fordi kameraet beveger seg: hold det stille eller støtt det mot noe."))


@dataclass(frozen=True)
class QualityReport:
    """What :func:`assess` measured and what it advises."""

    mean: float  # grey level 0..255
    p05: float
    p95: float
    clipped: float  # share of pixels at or above CLIPPED_LEVEL
    centre_mean: float
    surround_mean: float
    sharpness: float  # fine detail (σ 1) relative to coarse detail (σ 5); ~0,2–0,3 when sharp
    direction_ratio: float  # strongest / weakest direction of the fine detail (≥ 1)
    issues: tuple[QualityIssue, ...] = field(default=())

    @property
    def ok(self) -> bool:
        return not self.issues

    @property
    def codes(self) -> list[str]:
        return [i.code for i in self.issues]

    def summary(self) -> str:
        """The advice in the user's language (:func:`hms_desk.domain.i18n.t`)."""
        if not self.issues:
            return t(N_("Bildet ser bra ut."))
        return " ".join(t(i.hint) for i in self.issues)


def _grey(image: np.ndarray) -> np.ndarray:
    if image.ndim == 3:
        image = cv2.cvtColor(image, cv2.COLOR_BGR2GRAY)
    h, w = image.shape[:2]
    if w != ANALYSIS_WIDTH:
        image = cv2.resize(image, (ANALYSIS_WIDTH, max(1, round(h * ANALYSIS_WIDTH / w))),
                           interpolation=cv2.INTER_AREA)
    return image


def assess(image: np.ndarray) -> QualityReport:
    """Measure one BGR (or grey) ``uint8`` picture and list what is wrong with it."""
    if image is None or image.size == 0:
        raise ValueError("empty picture")
    g = _grey(image)
    h, w = g.shape
    gf = g.astype(np.float32)
    mean = float(gf.mean())
    p05, p95 = (float(v) for v in np.percentile(g, (5, 95)))
    clipped = float((g >= CLIPPED_LEVEL).mean())

    # the middle (where the caller holds the device) against the surroundings
    y0, y1, x0, x1 = h // 4, h - h // 4, w // 4, w - w // 4
    centre = gf[y0:y1, x0:x1]
    centre_mean = float(centre.mean())
    total = float(gf.sum())
    surround_mean = (total - float(centre.sum())) / max(1, gf.size - centre.size)

    # sharpness: the finest detail relative to coarser detail of the same picture, so
    # neither brightness nor content decides it; a blur removes the fine band first.
    # Motion blur removes it along one direction only: compare the two directions.
    contrast = p95 - p05
    fine = gf - cv2.GaussianBlur(gf, (0, 0), 1.0)
    coarse = float(np.abs(gf - cv2.GaussianBlur(gf, (0, 0), 5.0)).mean())
    sharpness = float(np.abs(fine).mean()) / max(coarse, 1e-6)
    ex = float(np.abs(cv2.Sobel(fine, cv2.CV_32F, 1, 0, ksize=3)).mean())
    ey = float(np.abs(cv2.Sobel(fine, cv2.CV_32F, 0, 1, ksize=3)).mean())
    direction_ratio = max(ex, ey) / max(min(ex, ey), 1e-6)

    issues: list[QualityIssue] = []
    backlit = (surround_mean - centre_mean >= BACKLIGHT_GAP and surround_mean >= BACKLIGHT_BRIGHT)
    if backlit:
        issues.append(MOTLYS)
    elif mean < DARK_MEAN and p95 < DARK_P95:
        issues.append(MORKT)
    elif clipped > OVEREXPOSED_FRACTION or mean > OVEREXPOSED_MEAN:
        issues.append(OVEREKSPONERT)
    if contrast >= MIN_CONTRAST:
        if direction_ratio >= MOTION_RATIO and sharpness < MOTION_SHARPNESS_MAX:
            issues.append(BEVEGELSE)
        elif sharpness < SHARPNESS_MIN:
            issues.append(USKARPT)
    return QualityReport(mean, p05, p95, clipped, centre_mean, surround_mean, sharpness,
                         direction_ratio, tuple(issues))


class QualityMonitor:
    """Analyses the newest live frame a few times a second on its own thread.

    Use :meth:`on_frame` as a pipeline listener.  ``on_report`` is called on the
    monitor's thread.  :meth:`set_paused` (privacy pause) drops the frame it holds
    and analyses nothing until resumed.
    """

    def __init__(self, on_report: Callable[[QualityReport], None], rate_hz: float = 3.0) -> None:
        self._on_report = on_report
        self._period = 1.0 / rate_hz
        self._cond = threading.Condition()
        self._frame: Frame | None = None
        self._paused = False
        self._stopping = False
        self._last = 0.0
        self.analysed = 0  # frames analysed (for tests and the overlay)
        self.received = 0  # frames offered while not paused
        self._thread = threading.Thread(target=self._run, name="video-quality", daemon=True)
        self._thread.start()
        workers.track(self)

    def on_frame(self, frame: Frame) -> None:
        """Pipeline listener: keep the newest frame (worker thread, quick)."""
        with self._cond:
            if self._paused or self._stopping:
                return
            self.received += 1
            self._frame = frame
            self._cond.notify()

    def set_paused(self, paused: bool) -> None:
        with self._cond:
            self._paused = paused
            if paused:
                self._frame = None

    def stop(self, timeout: float = 2.0) -> None:
        with self._cond:
            self._stopping = True
            self._frame = None
            self._cond.notify_all()
        if self._thread is not threading.current_thread():
            self._thread.join(timeout)

    def _run(self) -> None:
        while True:
            with self._cond:
                while not self._stopping and (self._frame is None or self._paused):
                    self._cond.wait()
                if self._stopping:
                    return
                wait = self._last + self._period - time.monotonic()
                if wait > 0:
                    self._cond.wait(wait)  # throttle; a newer frame may replace this one meanwhile
                    continue
                frame, self._frame = self._frame, None
            if frame is None:
                continue
            self._last = time.monotonic()
            try:
                report = assess(frame.image)
            except Exception:
                log.exception("Bildekvalitetsanalysen feilet")
                continue
            self.analysed += 1
            try:
                self._on_report(report)
            except Exception:
                log.exception("Feil i mottaker av bildekvalitet")
