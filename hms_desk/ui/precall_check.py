"""Pre-call check (*forhåndssamtale*): is the chosen source good enough for a call?

The dialog watches the source running in the video pane (it does not open the
camera a second time) through a frame listener and checks, step by step:

1. a picture arrives;
2. its resolution and frame rate;
3. the frame rate stays steady for ``duration_s`` seconds (20 by default; a
   progress bar shows how far it has come);
4. the live picture-quality advisor (:mod:`hms_desk.video.quality`): backlight,
   too dark, overexposed, out of focus or motion blur, with plain hints.

The listener runs on the capture thread and only records time stamps; the
quality analysis runs a few times a second on the advisor's own thread; the
GUI thread reads both on a timer.  During the privacy pause the pipeline gives
the listener nothing and the advisor is paused as well, and the dialog says so.
"""

from __future__ import annotations

import threading
import time

from PySide6.QtCore import QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from hms_desk.ui.video_pane import VideoPane
from hms_desk.video.frames import Frame
from hms_desk.video.quality import QualityMonitor, QualityReport

STEADY_MIN_RATIO = 0.75  # every second must have at least this share of the mean rate
STEADY_MAX_GAP_S = 0.5  # and no gap between two pictures longer than this


def steadiness(times: list[float], start: float, end: float) -> tuple[bool, float, float, float]:
    """(steady, mean fps, lowest fps in a whole second, longest gap in s) for frame times."""
    ts = [t for t in times if start <= t <= end]
    if len(ts) < 2 or end - start < 1.0:
        return False, 0.0, 0.0, end - start
    mean = (len(ts) - 1) / (ts[-1] - ts[0]) if ts[-1] > ts[0] else 0.0
    per_second = [0] * int(end - start)
    for t in ts:
        k = int(t - start)
        if k < len(per_second):
            per_second[k] += 1
    lowest = float(min(per_second)) if per_second else 0.0
    gap = max(b - a for a, b in zip([start, *ts], [*ts, end], strict=True))
    steady = mean > 0 and lowest >= STEADY_MIN_RATIO * mean and gap <= STEADY_MAX_GAP_S
    return steady, mean, lowest, gap


class PreCallCheckDialog(QDialog):
    """Guided check of the source in ``pane``. ``finished_check(ok)`` when the run is over."""

    checkFinished = Signal(bool)

    def __init__(self, pane: VideoPane, parent: QWidget | None = None, *, duration_s: float = 20.0,
                 analysis_hz: float = 3.0) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Forhåndssjekk av video"))
        self.setObjectName("preCallCheck")
        self._pane = pane
        self.duration_s = float(duration_s)
        self._lock = threading.Lock()
        self._times: list[float] = []
        self._size: tuple[int, int] | None = None
        self._report: QualityReport | None = None
        self._start: float | None = None  # monotonic time the steady-rate measurement began
        self.result_ok: bool | None = None
        self.frames_seen = 0  # frames the listener received (tests assert none while paused)

        self.picture = QLabel(self.tr("Venter på bilde …"))
        self.format = QLabel("–")
        self.steady = QLabel(self.tr("Venter på bilde …"))
        self.progress = QProgressBar()
        self.progress.setRange(0, 1000)
        self.quality = QLabel("–")
        self.quality.setWordWrap(True)
        self.quality.setObjectName("qualityHints")
        self.state = QLabel()
        self.state.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("1. Bilde kommer fram:"), self.picture)
        form.addRow(self.tr("2. Oppløsning og bildefrekvens:"), self.format)
        form.addRow(self.tr("3. Jevn bildefrekvens:"), self.steady)
        form.addRow("", self.progress)
        form.addRow(self.tr("4. Bildekvalitet:"), self.quality)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.state)
        layout.addWidget(buttons)
        self.resize(560, 320)

        self.monitor = QualityMonitor(self._on_report, rate_hz=analysis_hz)
        self.monitor.set_paused(pane.is_privacy_paused)
        pane.privacyChanged.connect(self._privacy_changed)
        pane.add_frame_listener(self._on_frame)
        self._timer = QTimer(self)
        self._timer.setInterval(200)
        self._timer.timeout.connect(self._update)
        self._timer.start()
        self._privacy_changed(pane.is_privacy_paused)

    # capture thread / advisor thread: record only ------------------------------------------

    def _on_frame(self, frame: Frame) -> None:
        with self._lock:
            self.frames_seen += 1
            self._times.append(frame.t_capture)
            self._size = (frame.width, frame.height)
            if len(self._times) > 20_000:
                del self._times[:10_000]
        self.monitor.on_frame(frame)

    def _on_report(self, report: QualityReport) -> None:
        with self._lock:
            self._report = report

    # GUI thread ----------------------------------------------------------------------------

    @Slot(bool)
    def _privacy_changed(self, paused: bool) -> None:
        self.monitor.set_paused(paused)
        if paused:
            with self._lock:
                self._times.clear()
                self._report = None
                self._start = None  # the steady-rate measurement starts over afterwards
            self.state.setText(self.tr("Personvernpause: sjekken venter. Ingen bilder tas imot eller analyseres."))
            self.quality.setText("–")
        else:
            self.state.clear()

    @property
    def report(self) -> QualityReport | None:
        with self._lock:
            return self._report

    @Slot()
    def _update(self) -> None:
        if self._pane.is_privacy_paused:
            return
        now = time.monotonic()
        with self._lock:
            times = list(self._times)
            size, report = self._size, self._report
        if not times:
            return
        self.picture.setText(self.tr("Ja"))
        if self._start is None:
            self._start = times[0]
        recent = [t for t in times if t >= now - 2.0]
        fps = (len(recent) - 1) / (recent[-1] - recent[0]) if len(recent) >= 2 and recent[-1] > recent[0] else 0.0
        if size:
            self.format.setText(self.tr("{0}×{1}, {2} bilder/s").format(size[0], size[1], f"{fps:.1f}".replace(".", ",")))
        elapsed = now - self._start
        if self.result_ok is None:
            self.progress.setValue(int(min(1.0, elapsed / self.duration_s) * 1000))
            if elapsed >= self.duration_s:
                ok, mean, lowest, gap = steadiness(times, self._start, self._start + self.duration_s)
                self.result_ok = ok
                mean_t, low_t = f"{mean:.1f}".replace(".", ","), f"{lowest:.0f}"
                if ok:
                    self.steady.setText(self.tr("Jevn: {0} bilder/s i snitt, minst {1} i hvert sekund.")
                                        .format(mean_t, low_t))
                else:
                    self.steady.setText(self.tr("Ujevn: {0} bilder/s i snitt, ned til {1} i ett sekund, "
                                                "lengste opphold {2} s. Sjekk nettet eller lukk andre programmer.")
                                        .format(mean_t, low_t, f"{gap:.1f}".replace(".", ",")))
                self.checkFinished.emit(ok)
            else:
                self.steady.setText(self.tr("Måler … {0} av {1} s").format(int(elapsed), f"{self.duration_s:g}"))
        if report is not None:
            self.quality.setText(report.summary())

    def done(self, result: int) -> None:
        self._stop()
        super().done(result)

    def _stop(self) -> None:
        self._timer.stop()
        self._pane.remove_frame_listener(self._on_frame)
        try:
            self._pane.privacyChanged.disconnect(self._privacy_changed)
        except (RuntimeError, TypeError):
            pass  # already disconnected (done() called twice)
        self.monitor.stop()
