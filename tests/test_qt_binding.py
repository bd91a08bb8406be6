"""Guards the Qt binding version we pin: PySide6 6.12.0 on Python 3.11 dropped a
reference to None/True on every void call and Signal.emit(), which aborted the
app after minutes of video.  An upgrade must keep these counts steady."""

import sys

from PySide6.QtCore import QObject, QTimer, Signal


class _Emitter(QObject):
    ping = Signal()


def test_void_calls_and_emit_do_not_leak_singleton_references(qapp):
    emitter, timer = _Emitter(), QTimer()
    none_before, true_before = sys.getrefcount(None), sys.getrefcount(True)
    for _ in range(5000):
        timer.stop()
        emitter.ping.emit()
        emitter.setObjectName("x")
    assert sys.getrefcount(None) >= none_before - 50
    assert sys.getrefcount(True) >= true_before - 50
