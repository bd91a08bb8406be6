"""Child processes for tests/test_capture_sources.py (they need the xcb platform,
while the test process itself runs offscreen).

``python capture_child.py pattern TITLE``: show a window with a known pattern
(left half red, right half blue, a green square in the middle) and print its X id.

``python capture_child.py capture SPEC [PID]``: show SPEC in a VideoPane, report
the first picture's colours, then (with PID) kill that process and report what
the pane says.  Prints one JSON line.
"""

from __future__ import annotations

import json
import os
import signal
import sys
import time


def pattern(title: str) -> int:
    from PySide6.QtGui import QColor, QPainter
    from PySide6.QtWidgets import QApplication, QWidget

    app = QApplication(sys.argv[:1])

    class Pattern(QWidget):
        def paintEvent(self, event) -> None:  # noqa: N802
            p = QPainter(self)
            w, h = self.width(), self.height()
            p.fillRect(0, 0, w // 2, h, QColor(255, 0, 0))
            p.fillRect(w // 2, 0, w - w // 2, h, QColor(0, 0, 255))
            p.fillRect(w // 2 - 30, h // 2 - 30, 60, 60, QColor(0, 255, 0))
            p.end()

    w = Pattern()
    w.setWindowTitle(title)
    w.resize(320, 240)
    w.move(40, 60)
    w.show()
    app.processEvents()
    print(int(w.winId()), flush=True)
    return app.exec()


def capture(spec: str, victim: int | None) -> int:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from hms_desk.ui.capture_sources import install, list_windows
    from hms_desk.ui.video_pane import VideoPane
    from hms_desk.video.sources import source_from_spec

    app = QApplication(sys.argv[:1])
    install()
    out: dict = {"platform": app.platformName(), "windows": [t for _, t in list_windows()], "states": []}
    pane = VideoPane()
    pane.resize(400, 300)
    pane.move(700, 420)  # away from the pattern window (a screen capture must not see itself)
    pane.show()
    deadline = time.monotonic() + 20

    def finish() -> None:
        pane.shutdown()
        print(json.dumps(out), flush=True)
        app.quit()

    def on_state(state: str, message: str) -> None:
        out["states"].append([state, message])
        if victim is not None and out.get("killed") and state in ("tilkobler på nytt", "feil"):
            QTimer.singleShot(0, finish)

    def on_frame(seq: int) -> None:
        if "first" in out:
            return
        frame = pane.current_frame()
        img = frame.image
        if img.std() < 10:
            return  # the captured window has not painted yet (a busy machine): wait for the next
        h, w = img.shape[:2]
        out["first"] = {"size": [w, h], "left": img[h // 2, w // 8].tolist(),
                        "right": img[h // 2, w - w // 8].tolist(), "centre": img[h // 2, w // 2].tolist()}
        if victim is None:
            QTimer.singleShot(0, finish)
        else:
            os.kill(victim, signal.SIGTERM)
            out["killed"] = True

    pane.frameShown.connect(on_frame)
    pane.stateChanged.connect(on_state)

    def watchdog() -> None:
        if time.monotonic() > deadline:
            out["timeout"] = True
            finish()
    timer = QTimer()
    timer.timeout.connect(watchdog)
    timer.start(200)
    pane.start_source(source_from_spec(spec))
    return app.exec()


if __name__ == "__main__":
    if sys.argv[1] == "pattern":
        sys.exit(pattern(sys.argv[2]))
    sys.exit(capture(sys.argv[2], int(sys.argv[3]) if len(sys.argv) > 3 else None))
