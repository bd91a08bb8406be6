"""A switch for smoke tests of a build: drive the GUI through one step and quit by itself.

``HMS_DESK_SMOKE=snapshot`` (with ``--demo``, a temporary ``--profile`` and ``--no-err-windows``):
once the main window is shown, start a case, wait for the first video frame, take the call's first
snapshot (face blur, encryption and storage — the real path) and quit.  Lines on stdout tell the
runner (``installer/smoke_frozen.py``) what happened::

    HMS_DESK_SMOKE window <unix time>        the main window is shown
    HMS_DESK_SMOKE ok snapshot=<id> faces=<n>
    HMS_DESK_SMOKE FAIL <step>: <what the app said>

``HMS_DESK_SMOKE_TIMEOUT`` (seconds, default 120) bounds the whole run.  Without the variable this
module does nothing.  ``ui.application.run_gui`` calls :func:`install_smoke_test` once, after the main
window is built.
"""

from __future__ import annotations

import logging
import os
import time

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication

log = logging.getLogger("hms_desk.ui.smoke")

ENV = "HMS_DESK_SMOKE"
TIMEOUT_ENV = "HMS_DESK_SMOKE_TIMEOUT"
SCENARIOS = ("snapshot",)


def _say(text: str) -> None:
    print(f"HMS_DESK_SMOKE {text}", flush=True)


class SnapshotSmoke(QObject):
    """Start a case, wait for a frame, take a snapshot, quit."""

    def __init__(self, app: QApplication, win, timeout_s: float) -> None:
        super().__init__(win)
        self._app, self._win, self._step, self._done = app, win, "vindu", False
        self._poll = QTimer(self)
        self._poll.setInterval(50)
        self._poll.timeout.connect(self._wait_for_frame)
        self._watchdog = QTimer(self)
        self._watchdog.setSingleShot(True)
        self._watchdog.timeout.connect(lambda: self._fail("tidsavbrudd"))
        self._watchdog.start(int(timeout_s * 1000))
        cases = win.case_panel
        cases.caseStarted.connect(self._case_started)
        cases.snapshotAdded.connect(self._snapshot_added)
        cases.message.connect(self._message)
        win.shown.connect(self._shown)

    def _shown(self) -> None:
        if self._step != "vindu":
            return
        _say(f"window {time.time():.6f}")
        self._step = "sak"
        QTimer.singleShot(0, self._win.case_panel.start_case)

    def _case_started(self, _case_id: int, _number: str) -> None:
        self._step = "videobilde"
        self._poll.start()

    def _wait_for_frame(self) -> None:
        frame = self._win.video.current_frame()
        if frame is None or frame.blanked:
            return                    # the black frame shown while the face blur starts
        self._poll.stop()
        self._step = "bilde"
        self._win.act_snapshot.trigger()

    def _snapshot_added(self, snapshot_id: int) -> None:
        item = self._win.case_panel.snapshots.item(self._win.case_panel.snapshots.count() - 1)
        faces = item.text().split()[0] if item is not None else "?"
        self._finish(f"ok snapshot={snapshot_id} faces={faces}")

    def _message(self, text: str) -> None:
        # The case panel reports failures in red through the same signal as progress.
        if self._step in ("sak", "bilde") and "color: #b00020" in self._win.case_panel.status.styleSheet():
            self._fail(text)

    def _fail(self, reason: str) -> None:
        self._finish(f"FAIL {self._step}: {reason}")

    def _finish(self, line: str) -> None:
        if self._done:
            return
        self._done = True
        self._poll.stop()
        self._watchdog.stop()
        _say(line)
        log.info("smoke test: %s", line)
        self._win.quit_without_asking()     # the smoke case stays open, as a technician may leave it
        QTimer.singleShot(0, self._app.quit)


def install_smoke_test(app: QApplication, win) -> QObject | None:
    """Arm the scenario named in ``HMS_DESK_SMOKE`` (nothing when unset)."""
    scenario = os.environ.get(ENV, "").strip()
    if not scenario:
        return None
    if scenario not in SCENARIOS:
        _say(f"FAIL oppsett: ukjent scenario {scenario!r} (kjente: {', '.join(SCENARIOS)})")
        QTimer.singleShot(0, app.quit)
        return None
    try:
        timeout_s = float(os.environ.get(TIMEOUT_ENV, "120"))
    except ValueError:
        timeout_s = 120.0
    return SnapshotSmoke(app, win, timeout_s)
