"""Qt capture sources: local cameras, another application's window, a screen.

They follow the same :class:`~hms_desk.video.sources.FrameSource` protocol as
the demo, files and streams, so the :class:`~hms_desk.video.pipeline.FramePipeline`
runs them on its worker thread like any other source.

QtMultimedia objects (``QCamera``/``QWindowCapture``/``QScreenCapture``,
``QMediaCaptureSession``, ``QVideoSink``) must live on the GUI thread, so each
source owns a small :class:`_Backend` there.  The worker thread asks it to start
or stop through queued signals.  The sink's ``videoFrameChanged`` only drops
the (implicitly shared, cheap) ``QVideoFrame`` into a one-slot mailbox — newest
frame wins — and the worker converts it to a numpy BGR picture
(``QVideoFrame.toImage()``) off the GUI thread.

Faults (camera unplugged, captured window closed, screen removed, capture
error) put a Norwegian message in the source; ``read()`` then returns ``None``
and the pipeline reports and reconnects with back-off, as for a lost stream.

Specs (see :func:`~hms_desk.video.sources.parse_capture_spec`):
``camera:<id>[@WxH[@fps]]``, ``window:<title or id>``, ``screen:<name>[:x,y,w,h]``.
:func:`install` registers them with ``source_from_spec``.
"""

from __future__ import annotations

import logging
import re
import threading
import weakref
from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import QCoreApplication, QObject, QThread, QTimer, Qt, Signal, Slot
from PySide6.QtGui import QGuiApplication, QImage
from PySide6.QtMultimedia import (
    QCamera,
    QCameraDevice,
    QCameraFormat,
    QCapturableWindow,
    QMediaCaptureSession,
    QMediaDevices,
    QScreenCapture,
    QVideoFrame,
    QVideoSink,
    QWindowCapture,
)

from hms_desk.video.sources import CaptureSpec, SourceError, register_kind

log = logging.getLogger("hms_desk.ui")

OPEN_TIMEOUT_S = 5.0
READ_TIMEOUT_S = 3.0


# -- what is there to choose from -------------------------------------------------


@dataclass(frozen=True)
class CameraFormat:
    width: int
    height: int
    fps: float  # highest frame rate of the format

    def label(self) -> str:
        return f"{self.width}×{self.height} @ {self.fps:g} bilder/s"


@dataclass(frozen=True)
class CameraInfo:
    id: str
    description: str
    is_default: bool
    formats: tuple[CameraFormat, ...]


def _camera_id(device: QCameraDevice) -> str:
    return bytes(device.id().data()).decode("utf-8", "replace")


def _formats(device: QCameraDevice) -> tuple[CameraFormat, ...]:
    seen: dict[tuple[int, int, float], CameraFormat] = {}
    for f in device.videoFormats():
        size = f.resolution()
        key = (size.width(), size.height(), round(float(f.maxFrameRate()), 2))
        seen.setdefault(key, CameraFormat(*key))
    return tuple(sorted(seen.values(), key=lambda c: (-c.width * c.height, -c.fps)))


def list_cameras() -> list[CameraInfo]:
    """The local cameras QtMultimedia can see (empty when there are none)."""
    default = _camera_id(QMediaDevices.defaultVideoInput())
    return [CameraInfo(_camera_id(d), d.description(), _camera_id(d) == default, _formats(d))
            for d in QMediaDevices.videoInputs()]


def list_windows() -> list[tuple[str, str]]:
    """(spec target, title) for the windows that can be captured now."""
    out = []
    for w in QWindowCapture.capturableWindows():
        if w.isValid() and w.description():
            out.append((w.description(), w.description()))
    return out


def list_screens() -> list[tuple[str, str]]:
    """(spec target, label) for each screen."""
    out = []
    for s in QGuiApplication.screens():
        g = s.geometry()
        out.append((s.name(), f"{s.name() or 'Skjerm'} ({g.width()}×{g.height()})"))
    return out


def _find_camera(target: str) -> QCameraDevice | None:
    devices = QMediaDevices.videoInputs()
    if not target:
        default = QMediaDevices.defaultVideoInput()
        return default if not default.isNull() else (devices[0] if devices else None)
    for d in devices:
        if _camera_id(d) == target or d.description() == target:
            return d
    return None


def _choose_format(device: QCameraDevice, size: tuple[int, int] | None, fps: float | None) -> QCameraFormat | None:
    if size is None:
        return None
    best, best_key = None, None
    for f in device.videoFormats():
        r = f.resolution()
        if (r.width(), r.height()) != size:
            continue
        rate = float(f.maxFrameRate())
        key = (abs(rate - fps) if fps else -rate,)
        if best_key is None or key < best_key:
            best, best_key = f, key
    return best


def _title_pattern(title: str) -> re.Pattern[str]:
    """X11 titles set as Latin-1 arrive with U+FFFD for each non-ASCII letter: let it match one."""
    return re.compile("".join("[^\\x00-\\x7f]" if c == "\ufffd" else re.escape(c) for c in title),
                      re.IGNORECASE)


def _find_window(target: str) -> QCapturableWindow | None:
    """The window whose title is ``target`` (else the first whose title contains it)."""
    windows = [w for w in QWindowCapture.capturableWindows() if w.isValid()]
    for w in windows:
        if w.description() == target or _title_pattern(w.description()).fullmatch(target):
            return w
    low = target.casefold()
    for w in windows:
        if low and low in w.description().casefold():
            return w
    return None


def _find_screen(target: str):
    screens = QGuiApplication.screens()
    if not target:
        return QGuiApplication.primaryScreen()
    for s in screens:
        if s.name() == target:
            return s
    return None


# -- conversion ------------------------------------------------------------------------


def frame_to_bgr(frame: QVideoFrame, region: tuple[int, int, int, int] | None = None) -> np.ndarray | None:
    """A ``QVideoFrame`` as a new BGR ``uint8`` array (None if it holds no picture)."""
    image = frame.toImage()
    if image.isNull():
        return None
    if region is not None:
        x, y, w, h = region
        image = image.copy(x, y, w, h)
        if image.isNull() or image.width() == 0:
            return None
    if image.format() != QImage.Format.Format_BGR888:
        image = image.convertToFormat(QImage.Format.Format_BGR888)
    w, h, bpl = image.width(), image.height(), image.bytesPerLine()
    return np.frombuffer(image.constBits(), np.uint8, count=bpl * h).reshape(h, bpl)[:, : w * 3] \
        .reshape(h, w, 3).copy()


# -- the GUI-thread half ------------------------------------------------------------------


class _Backend(QObject):
    """Owns the QtMultimedia objects of one source, on the GUI thread."""

    startRequested = Signal()
    stopRequested = Signal()
    disposeRequested = Signal()

    def __init__(self, source: "QtCaptureSource") -> None:
        super().__init__()
        app = QCoreApplication.instance()
        if app is None:
            raise SourceError("Kamera, vindu og skjerm krever at skjermbildet til HMS Desk kjører.")
        self.moveToThread(app.thread())
        self.setParent(app)  # C++ owns it: never deleted from a worker thread by Python's GC
        self._source = weakref.ref(source)
        self._spec = source.spec
        self._session: QMediaCaptureSession | None = None
        self._sink: QVideoSink | None = None
        self._capture: QObject | None = None
        self._window: QCapturableWindow | None = None
        self._camera_id = ""
        self._devices: QMediaDevices | None = None
        self._watchdog = QTimer(self)
        self._watchdog.setInterval(500)
        self._watchdog.timeout.connect(self._check_window)
        self.startRequested.connect(self.start, Qt.ConnectionType.QueuedConnection)
        self.stopRequested.connect(self.stop, Qt.ConnectionType.QueuedConnection)
        self.disposeRequested.connect(self._dispose, Qt.ConnectionType.QueuedConnection)

    def _fail(self, message: str) -> None:
        source = self._source()
        if source is not None:
            source._fail(message)
        self.stop()

    @Slot()
    def start(self) -> None:
        self.stop()
        source = self._source()
        if source is None or source._closed.is_set():
            return
        spec = self._spec
        session, sink = QMediaCaptureSession(self), QVideoSink(self)
        session.setVideoSink(sink)
        sink.videoFrameChanged.connect(source._on_qt_frame, Qt.ConnectionType.DirectConnection)
        self._session, self._sink = session, sink
        if spec.kind == "camera":
            device = _find_camera(spec.target)
            if device is None:
                self._fail("Fant ingen kamera." if not QMediaDevices.videoInputs()
                           else f"Fant ikke kameraet «{spec.target}». Er det koblet til?")
                return
            source.name = device.description() or "Kamera"
            self._camera_id = _camera_id(device)
            camera = QCamera(device, self)
            fmt = _choose_format(device, spec.size, spec.fps)
            if fmt is not None:
                camera.setCameraFormat(fmt)
                source._fps = float(fmt.maxFrameRate())
            camera.errorOccurred.connect(self._camera_error)
            if self._devices is None:
                self._devices = QMediaDevices(self)
                self._devices.videoInputsChanged.connect(self._inputs_changed)
            session.setCamera(camera)
            self._capture = camera
            camera.start()
        elif spec.kind == "window":
            window = _find_window(spec.target)
            if window is None:
                self._fail(f"Fant ikke vinduet «{spec.target}». Er møtet eller programmet åpent?")
                return
            source.name = window.description()
            capture = QWindowCapture(self)
            capture.setWindow(window)
            capture.errorOccurred.connect(self._window_error)
            session.setWindowCapture(capture)
            self._capture, self._window = capture, window
            capture.setActive(True)
            self._watchdog.start()
        else:
            screen = _find_screen(spec.target)
            if screen is None:
                self._fail(f"Fant ikke skjermen «{spec.target}».")
                return
            source.name = f"Skjerm {screen.name()}".strip()
            capture = QScreenCapture(self)
            capture.setScreen(screen)
            capture.errorOccurred.connect(self._screen_error)
            screen.destroyed.connect(self._screen_gone)
            session.setScreenCapture(capture)
            self._capture = capture
            capture.setActive(True)

    def _camera_error(self, _error, text: str) -> None:
        self._fail(f"Kamerafeil: {text}")

    def _window_error(self, _error, text: str) -> None:
        self._fail(f"Vindusopptaket feilet: {text}")

    def _screen_error(self, _error, text: str) -> None:
        self._fail(f"Skjermopptaket feilet: {text}")

    def _screen_gone(self, *_args) -> None:
        self._fail("Skjermen ble koblet fra.")

    @Slot()
    def _inputs_changed(self) -> None:
        if self._capture is not None and self._camera_id and \
                all(_camera_id(d) != self._camera_id for d in QMediaDevices.videoInputs()):
            self._fail("Kameraet ble koblet fra.")

    @Slot()
    def _check_window(self) -> None:
        if self._window is not None and not self._window.isValid():
            self._fail("Vinduet som ble tatt opp er lukket.")

    @Slot()
    def stop(self) -> None:
        self._watchdog.stop()
        capture, self._capture, self._window = self._capture, None, None
        if isinstance(capture, QCamera):
            capture.stop()
        elif isinstance(capture, (QWindowCapture, QScreenCapture)):
            capture.setActive(False)
        sink, self._sink = self._sink, None
        source = self._source()
        if sink is not None and source is not None:
            sink.videoFrameChanged.disconnect(source._on_qt_frame)
        session, self._session = self._session, None
        for obj in (capture, sink, session):
            if obj is not None:
                obj.deleteLater()

    @Slot()
    def _dispose(self) -> None:
        self.stop()
        self.deleteLater()


# -- the source (used on the pipeline's worker thread) ------------------------------------------


class QtCaptureSource:
    """A camera, window or screen as a :class:`FrameSource`."""

    live = True

    def __init__(self, spec: CaptureSpec, *, open_timeout_s: float = OPEN_TIMEOUT_S,
                 read_timeout_s: float = READ_TIMEOUT_S) -> None:
        self.spec = spec
        self.name = {"camera": "Kamera", "window": "Vindu", "screen": "Skjerm"}[spec.kind]
        if spec.target:
            self.name += f" {spec.target}"
        self.open_timeout_s = open_timeout_s
        self.read_timeout_s = read_timeout_s
        self._cond = threading.Condition()
        self._closed = threading.Event()
        self._frame: QVideoFrame | None = None
        self._frame_no = 0
        self._taken_no = 0
        self._error: str | None = None
        self._fps: float | None = spec.fps
        self._size: tuple[int, int] | None = None
        self._backend = _Backend(self)
        weakref.finalize(self, self._backend.disposeRequested.emit)

    @property
    def fps(self) -> float | None:
        return self._fps

    @property
    def size(self) -> tuple[int, int] | None:
        return self._size

    # called by the backend (GUI or a Qt multimedia thread)
    def _on_qt_frame(self, frame: QVideoFrame) -> None:
        if not frame.isValid():
            return
        with self._cond:
            if self._closed.is_set():
                return
            self._frame = QVideoFrame(frame)  # newest wins; the old one is released
            self._frame_no += 1
            self._cond.notify_all()

    def _fail(self, message: str) -> None:
        log.warning("%s: %s", self.name, message)
        with self._cond:
            self._error = message
            self._frame = None
            self._cond.notify_all()

    @staticmethod
    def _on_gui_thread() -> bool:
        app = QCoreApplication.instance()
        return app is not None and QThread.currentThread() is app.thread()

    def open(self) -> None:
        with self._cond:
            self._closed.clear()
            self._error, self._frame = None, None
            self._taken_no = self._frame_no
        if self._on_gui_thread():
            self._backend.start()  # cannot wait for a picture here without blocking the GUI
            with self._cond:
                if self._error:
                    raise SourceError(self._error)
            return
        self._backend.startRequested.emit()
        with self._cond:
            ok = self._cond.wait_for(lambda: self._error is not None or self._closed.is_set()
                                     or self._frame_no > self._taken_no, self.open_timeout_s)
            error = self._error
        if error is not None:
            raise SourceError(error)
        if not ok:
            self._backend.stopRequested.emit()
            raise SourceError(f"Fikk ikke bilde fra {self.name} innen {self.open_timeout_s:g} s.")

    def _next(self) -> QVideoFrame | None:
        with self._cond:
            self._cond.wait_for(lambda: self._error is not None or self._closed.is_set()
                                or self._frame_no > self._taken_no, self.read_timeout_s)
            if self._error is not None or self._closed.is_set() or self._frame_no <= self._taken_no:
                return None
            frame, self._frame = self._frame, None
            self._taken_no = self._frame_no
            return frame

    def read(self) -> np.ndarray | None:
        frame = self._next()
        if frame is None:
            return None
        image = frame_to_bgr(frame, self.spec.region)
        if image is not None:
            self._size = (image.shape[1], image.shape[0])
        return image

    def skip(self) -> bool:
        return self._next() is not None

    def close(self) -> None:
        with self._cond:
            self._closed.set()
            self._frame = None
            self._cond.notify_all()
        if self._on_gui_thread():
            self._backend.stop()
        else:
            self._backend.stopRequested.emit()

    @property
    def error(self) -> str | None:
        return self._error


def install() -> None:
    """Let ``source_from_spec`` make camera, window and screen sources."""
    for kind in ("camera", "window", "screen"):
        register_kind(kind, QtCaptureSource)
