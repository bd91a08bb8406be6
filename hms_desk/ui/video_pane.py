"""The live video pane: shows the newest picture from a :class:`FramePipeline`.

The pipeline runs capture and decoding on its own thread and calls us there.
We keep only the newest frame in a one-slot mailbox and post a single queued
signal to the GUI thread when the mailbox was empty, so a slow GUI never builds
a queue (newest frame wins).  The GUI thread only wraps the frame in a
``QImage`` and paints it.

Besides showing pictures the pane can freeze a frame, zoom and pan digitally,
rotate in steps of 90°, show an overlay with frame rate / dropped frames /
latency, and go into *privacy pause*: the picture is dropped at once, the pane
turns black with an unmistakable banner and the pipeline stops delivering.
A frozen frame can carry drawings: an ``AnnotationLayer``
(``ui.annotation_layer``) hooks in with :meth:`VideoPane.set_annotation_layer`.

*Following* (:meth:`VideoPane.start_following`, «Følg»): the frozen frame becomes the
reference, and every live frame is registered against it on the tracker's own
thread (``ui.follow``); the pane then shows each frame together with its fit and
paints the marks through it, faded as the tracker says, with a small indicator
«følger» / «usikker» / «mistet».  A new source, the privacy pause, shutting the
pane down and :meth:`VideoPane.stop_following` end it; an answer still in flight
is dropped.

While nobody can see the pane (it or its window is hidden or minimised) the
pipeline is put in standby: nothing is decoded, processed or painted.  Something
that must keep the picture flowing while the window is hidden (a share view
sending it to the caller) says so with :meth:`VideoPane.keep_running`.

Painting: a frame is converted to a 32-bit picture when it is first painted,
which Qt scales several times faster than 24-bit BGR (measured: 1.9 against
12.7 ms for 1920×1080 into 1280×720); only the bars beside the picture are
filled with the background.

Keyboard shortcuts belong to the main window; it calls the public slots here.
"""

from __future__ import annotations

import logging
import math
import sys
import threading
from collections.abc import Callable

import cv2
import numpy as np
from PySide6.QtCore import QEvent, QObject, QPoint, QPointF, QRect, QRectF, Qt, Signal, Slot
from PySide6.QtGui import (
    QCloseEvent,
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QRegion,
    QTransform,
    QWheelEvent,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from hms_desk.domain import i18n
from hms_desk.domain.i18n import N_
from hms_desk.ui.follow import MarkFollower, TrackerFactory, connect_queued
from hms_desk.video.frames import Coverage, Frame
from hms_desk.video.pipeline import FramePipeline, PipelineState
from hms_desk.video.sources import FrameSource
from hms_desk.video.tracking import MarkTracker, TrackResult

log = logging.getLogger("hms_desk.ui")


PipelineFactory = Callable[[FrameSource, Callable[[Frame], None], Callable[[str, str], None]], FramePipeline]

# Texts the pane keeps with the pipeline's messages: bokmål, shown through the core's catalogue (t).
PRIVACY_BANNER = N_("PERSONVERNPAUSE — kameraet er av")
PRIVACY_DETAIL = N_("Ingen bilder tas imot, vises eller lagres mens pausen varer.")
WAITING_TEXT = N_("Venter på bilde …")
NO_SOURCE_TEXT = N_("Ingen videokilde er startet.")

STOP_WAIT_S = 0.3  # longest the GUI thread waits for a video thread to end

ZOOM_STEP = 1.25
ZOOM_MIN = 1.0
ZOOM_MAX = 8.0

#: While following, a live frame is painted without marks once the tracker's newest answer is
#: this many frames older than it (the tracker fell behind); normally the answered frame is shown.
FOLLOW_STALE_FRAMES = 3

_BACKGROUND = QColor(16, 17, 20)
_PROBLEM_STATES = {PipelineState.FEIL.value, PipelineState.TILKOBLER.value, PipelineState.STOPPET.value}


def _default_report(exc_type, exc, tb) -> None:
    """Without an operations layer (a pane on its own): the process's exception hook,
    which the application routes to the crash dialog."""
    sys.excepthook(exc_type, exc, tb)


def _decimal(value: float, digits: int = 1) -> str:
    return f"{value:.{digits}f}".replace(".", ",")


class _Bridge(QObject):
    """Carries worker-thread callbacks to the GUI thread (queued)."""

    frameReady = Signal()
    stateReady = Signal(int, str, str)  # pipeline generation, state, message


class _Shown:
    """A frame and the 32-bit ``QImage`` it is painted from (Qt scales 24-bit BGR several
    times slower), made when the frame is first painted: a frame replaced before it is
    painted, or taken while the picture is frozen, costs no conversion; nor does a frame
    with the very (read-only) pixels of the one before (``previous``): live blur's blank
    frame while it starts or is behind."""

    __slots__ = ("frame", "_image", "_pixels")

    def __init__(self, frame: Frame, previous: _Shown | None = None) -> None:
        self.frame = frame
        self._image: QImage | None = None
        self._pixels: np.ndarray | None = None  # keeps the buffer alive as long as the QImage
        image = frame.image
        if previous is not None and previous.frame.image is image and not image.flags.writeable:
            self._image, self._pixels = previous._image, previous._pixels  # pixels nobody can change

    @property
    def image(self) -> QImage:
        if self._image is None:
            pixels = cv2.cvtColor(self.frame.image, cv2.COLOR_BGR2BGRA)  # Qt's RGB32 is B, G, R, 0xff in memory
            h, w = pixels.shape[:2]
            self._image = QImage(pixels.data, w, h, int(pixels.strides[0]), QImage.Format.Format_RGB32)
            self._pixels = pixels
        return self._image


class VideoPane(QWidget):
    """Live picture with freeze, zoom/pan, rotation, overlay and privacy pause."""

    frameShown = Signal(int)
    stateChanged = Signal(str, str)
    privacyChanged = Signal(bool)
    freezeChanged = Signal(bool)
    zoomChanged = Signal(float)
    followChanged = Signal(str)     # "" (not following), or the tracker's state: følger | usikker | mistet
    pictureChanged = Signal()       # another picture (or marks) is shown: a share view repaints

    def __init__(self, parent: QWidget | None = None, *,
                 pipeline_factory: PipelineFactory = FramePipeline,
                 tracker_factory: TrackerFactory = MarkTracker) -> None:
        super().__init__(parent)
        self.setObjectName("videoPane")
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(320, 180)
        self.setFocusPolicy(Qt.FocusPolicy.ClickFocus)

        self._factory = pipeline_factory
        self._processor = None
        self._listeners: list[Callable[[Frame], None]] = []
        self._pipeline: FramePipeline | None = None

        # mailbox shared with the worker thread
        self._slot_lock = threading.Lock()
        self._slot: Frame | None = None
        self._pending = False
        self._privacy = False
        self._generation = 0  # which pipeline the mailbox accepts; 0 = none
        self._last_generation = 0

        self._bridge = _Bridge(self)
        self._bridge.frameReady.connect(self._take_frame, Qt.ConnectionType.QueuedConnection)
        self._bridge.stateReady.connect(self._take_state, Qt.ConnectionType.QueuedConnection)

        # GUI-thread state
        self._live: _Shown | None = None
        self._frozen: _Shown | None = None
        self._state = ""
        self._state_message = NO_SOURCE_TEXT
        self._zoom = 1.0
        self._pan = QPointF(0.0, 0.0)
        self._rotation = 0
        self._overlay = False
        self._drag_start: tuple[QPointF, QPointF] | None = None
        self._annotations = None  # an AnnotationLayer: paints over the frozen frame, takes the mouse
        self._keep_running: set[str] = set()  # who needs the picture while the window is hidden
        self._watched_window: QWidget | None = None

        # following the marks (see start_following)
        self._follower = MarkFollower(self, tracker_factory=tracker_factory)
        self._submit = self._follower.submit  # one bound method: the listener is removed by identity
        connect_queued(self._follower, self._take_track, self._track_failed)
        self._follow_generation = 0
        self._follow_reference: Frame | None = None
        self._tracked: tuple[_Shown, TrackResult] | None = None   # the newest answered frame and its fit
        self._follow_state = ""
        self._report_unexpected: Callable[..., None] = _default_report

    # -- pipeline --------------------------------------------------------------

    def start_source(self, source: FrameSource) -> FramePipeline:
        """Stop any running pipeline and start showing ``source``."""
        self.shutdown()
        self.stop_following()
        self._live = None
        self._set_frozen(None)
        with self._slot_lock:
            self._last_generation += 1
            generation = self._generation = self._last_generation
            self._slot, self._pending = None, False
        pipeline = self._factory(
            source,
            lambda frame: self._frame_from_worker(generation, frame),
            lambda state, message: self._state_from_worker(generation, state, message),
        )
        if self._privacy:
            pipeline.pause()
        if self._standby_wanted() and hasattr(pipeline, "set_standby"):
            pipeline.set_standby(True)
        if self._processor is not None and hasattr(pipeline, "set_processor"):
            pipeline.set_processor(self._processor)
        for listener in self._listeners:
            pipeline.add_listener(listener)
        self._pipeline = pipeline
        self._state, self._state_message = PipelineState.STARTER.value, WAITING_TEXT
        pipeline.start()
        self.update()
        return pipeline

    @property
    def pipeline(self) -> FramePipeline | None:
        return self._pipeline

    @Slot()
    def shutdown(self, wait_s: float = STOP_WAIT_S) -> None:
        """Stop the pipeline. Safe to call more than once; never freezes the GUI.

        A thread stuck in an uninterruptible network read is detached after
        ``wait_s`` (see :meth:`FramePipeline.stop`): it delivers nothing more and
        ends by itself.  At exit the application waits longer, so no video thread
        is still inside OpenCV while the interpreter shuts down.
        """
        with self._slot_lock:
            self._generation = 0
            self._slot, self._pending = None, False
        pipeline, self._pipeline = self._pipeline, None
        self.stop_following(wait_s)
        if pipeline is not None:
            pipeline.stop(timeout=wait_s)
            self._state, self._state_message = PipelineState.STOPPET.value, N_("Videoen er stoppet.")
            self.update()

    def set_processor(self, fn) -> None:
        """Per-frame processing (live face blur) for this and every later pipeline."""
        self._processor = fn
        if self._pipeline is not None:
            self._pipeline.set_processor(fn)

    def add_frame_listener(self, fn: Callable[[Frame], None]) -> None:
        """Another consumer of every frame (capture thread), on this and every later pipeline.
        Like the pane it gets nothing during the privacy pause."""
        self._listeners.append(fn)
        if self._pipeline is not None:
            self._pipeline.add_listener(fn)

    def remove_frame_listener(self, fn: Callable[[Frame], None]) -> None:
        self._listeners = [f for f in self._listeners if f is not fn]
        if self._pipeline is not None:
            self._pipeline.remove_listener(fn)

    def show_error(self, message: str) -> None:
        """No source could be started (e.g. a bad source in the settings): say so in the pane."""
        self.shutdown()
        self._state, self._state_message = PipelineState.FEIL.value, message
        self.update()
        self.stateChanged.emit(self._state, message)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt API
        self.shutdown()
        super().closeEvent(event)

    # -- standby while nobody looks ------------------------------------------------

    def keep_running(self, owner: str, on: bool = True) -> None:
        """``owner`` (a share view, say) needs the processed picture even while this
        pane's window is hidden or minimised; ``on=False`` when it no longer does."""
        if on:
            self._keep_running.add(owner)
        else:
            self._keep_running.discard(owner)
        self._update_standby()

    @property
    def in_standby(self) -> bool:
        return self._pipeline is not None and getattr(self._pipeline, "standby", False)

    def _standby_wanted(self) -> bool:
        window = self.window()
        unseen = not self.isVisible() or window.isMinimized()
        return unseen and not self._keep_running

    def _update_standby(self) -> None:
        pipeline = self._pipeline
        if pipeline is not None and hasattr(pipeline, "set_standby"):
            pipeline.set_standby(self._standby_wanted())

    def showEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)
        window = self.window()
        if window is not self._watched_window:  # minimising only changes the window's state
            if self._watched_window is not None:
                self._watched_window.removeEventFilter(self)
            if window is not self:
                window.installEventFilter(self)
            self._watched_window = window if window is not self else None
        self._update_standby()

    def hideEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().hideEvent(event)
        self._update_standby()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt API (a pane that is its own window)
        super().changeEvent(event)
        if event.type() == QEvent.Type.WindowStateChange:
            self._update_standby()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if watched is self._watched_window and event.type() in (
                QEvent.Type.WindowStateChange, QEvent.Type.Hide, QEvent.Type.Show):
            self._update_standby()
        return False

    # worker thread ---------------------------------------------------------------

    def _frame_from_worker(self, generation: int, frame: Frame) -> None:
        with self._slot_lock:
            if self._privacy or generation != self._generation:
                return
            self._slot = frame
            if self._pending:
                return  # the GUI has not taken the previous one yet: it is replaced
            self._pending = True
        self._bridge.frameReady.emit()

    def _state_from_worker(self, generation: int, state: str, message: str) -> None:
        with self._slot_lock:
            if generation != self._generation:
                return
        self._bridge.stateReady.emit(generation, state, message)

    # GUI thread -------------------------------------------------------------------

    @Slot()
    def _take_frame(self) -> None:
        with self._slot_lock:
            frame, self._slot, self._pending = self._slot, None, False
            if self._privacy:
                frame = None
        if frame is None:
            return
        pipeline = self._pipeline
        if pipeline is not None:
            pipeline.mark_consumed(frame.seq)
        self._live = _Shown(frame, self._live)
        if self._frozen is not None:
            if self._overlay:
                self.update()
            return
        if self._follow_generation and self._tracked_fresh():
            return  # the tracker's answer for this frame will be painted (with its marks)
        self.update()
        self.frameShown.emit(frame.seq)
        self.pictureChanged.emit()

    @Slot(int, str, str)
    def _take_state(self, generation: int, state: str, message: str) -> None:
        with self._slot_lock:
            if generation != self._generation:
                return  # from a pipeline that has since been stopped or replaced
        self._state, self._state_message = state, message
        self.update()
        self.stateChanged.emit(state, message)

    # -- public state -------------------------------------------------------------

    @property
    def state(self) -> str:
        return self._state

    @property
    def state_message(self) -> str:
        return self._state_message

    @property
    def is_frozen(self) -> bool:
        return self._frozen is not None

    @property
    def is_privacy_paused(self) -> bool:
        return self._privacy

    @property
    def zoom(self) -> float:
        return self._zoom

    @property
    def rotation(self) -> int:
        return self._rotation

    @property
    def overlay_visible(self) -> bool:
        return self._overlay

    @property
    def coverage(self) -> Coverage | None:
        """What live face blur promised about the picture shown now (None without live blur)."""
        shown = self._shown()
        return shown.frame.coverage if shown is not None else None

    def current_frame(self) -> Frame | None:
        """The frozen frame, else the latest shown one, as a full-resolution copy."""
        shown = self._shown()
        return shown.frame.copy() if shown is not None else None

    def displayed(self) -> tuple[Frame, TrackResult | None, bool] | None:
        """What the pane shows now (the picture *after* live face blur): the frame, the tracker's
        fit for it while following (None otherwise), and whether it is frozen.  None when
        there is no picture (privacy pause, no source)."""
        shown = self._shown()
        if shown is None:
            return None
        tracked = self._tracked
        result = tracked[1] if tracked is not None and tracked[0] is shown else None
        return shown.frame, result, self._frozen is not None

    # -- freeze ---------------------------------------------------------------------

    def _set_frozen(self, shown: _Shown | None) -> None:
        was = self._frozen is not None
        self._frozen = shown
        if was != (shown is not None):
            self.update()
            self.freezeChanged.emit(shown is not None)
            self.pictureChanged.emit()

    @Slot()
    def freeze(self) -> bool:
        """Hold the current picture. False if there is no picture to hold.

        While following, the picture held is the one shown with the marks; the drawing layer
        takes the marks over (``freezeChanged`` comes while :attr:`follow_result` still
        holds their fit), then following ends."""
        if self._frozen is not None:
            return True
        shown = self._shown()
        if self._privacy or shown is None:
            return False
        self._set_frozen(shown)
        self.stop_following()
        return True

    @Slot()
    def unfreeze(self) -> None:
        self._set_frozen(None)

    @Slot()
    def toggle_freeze(self) -> None:
        if self._frozen is not None:
            self.unfreeze()
        else:
            self.freeze()

    # -- privacy pause ----------------------------------------------------------------

    @Slot(bool)
    def set_privacy_paused(self, paused: bool) -> None:
        """Turn the camera off (True) or on again. Off takes effect immediately."""
        if paused == self._privacy:
            return
        if paused:
            with self._slot_lock:
                self._privacy = True
                self._slot, self._pending = None, False
            if self._pipeline is not None:
                self._pipeline.pause()
            self.stop_following()  # an answer still in flight is dropped with the picture
            self._live = None
            self._set_frozen(None)
            if self.isVisible():
                self.repaint()  # black now, not at the next event loop turn
        else:
            with self._slot_lock:
                self._privacy = False
            if self._pipeline is not None:
                self._pipeline.resume()
            self.update()
        log.info("Personvernpause %s", "på" if paused else "av")
        self.privacyChanged.emit(paused)
        self.pictureChanged.emit()

    @Slot()
    def toggle_privacy(self) -> None:
        self.set_privacy_paused(not self._privacy)

    # -- zoom, pan, rotation, overlay --------------------------------------------------

    @Slot(float)
    def set_zoom(self, zoom: float) -> None:
        zoom = min(max(float(zoom), ZOOM_MIN), ZOOM_MAX)
        if abs(zoom - self._zoom) < 1e-9:
            return
        self._pan = self._pan * (zoom / self._zoom)  # keep the same spot in the middle
        self._zoom = zoom
        self._clamp_pan()
        self.update()
        self.zoomChanged.emit(zoom)

    @Slot()
    def zoom_in(self) -> None:
        self.set_zoom(self._zoom * ZOOM_STEP)

    @Slot()
    def zoom_out(self) -> None:
        self.set_zoom(self._zoom / ZOOM_STEP)

    @Slot()
    def reset_view(self) -> None:
        """Zoom 1:1 (whole picture) and no panning; keeps the rotation."""
        self._pan = QPointF(0.0, 0.0)
        self.set_zoom(1.0)
        self.update()

    def pan_by(self, dx: float, dy: float) -> None:
        """Move the zoomed picture by (dx, dy) screen pixels."""
        self._pan = QPointF(self._pan.x() + dx, self._pan.y() + dy)
        self._clamp_pan()
        self.update()

    @Slot()
    def rotate_clockwise(self) -> None:
        self._rotation = (self._rotation + 90) % 360
        self._clamp_pan()
        self.update()

    @Slot()
    def rotate_counterclockwise(self) -> None:
        self._rotation = (self._rotation - 90) % 360
        self._clamp_pan()
        self.update()

    @Slot(bool)
    def set_overlay_visible(self, visible: bool) -> None:
        self._overlay = bool(visible)
        self.update()

    @Slot()
    def toggle_overlay(self) -> None:
        self.set_overlay_visible(not self._overlay)

    # -- geometry -----------------------------------------------------------------------

    def _shown(self) -> _Shown | None:
        if self._privacy:
            return None
        if self._frozen is not None:
            return self._frozen
        if self._follow_generation and self._tracked_fresh():
            return self._tracked[0]  # type: ignore[index]
        return self._live

    def _tracked_fresh(self) -> bool:
        """The tracker's newest answer is for the newest frame, or close behind it."""
        tracked, live = self._tracked, self._live
        if tracked is None:
            return False
        return live is None or tracked[0].frame.seq >= live.frame.seq - FOLLOW_STALE_FRAMES

    def _rotated_size(self, w: float, h: float) -> tuple[float, float]:
        return (h, w) if self._rotation in (90, 270) else (w, h)

    def _scale_for(self, w: float, h: float) -> float:
        rw, rh = self._rotated_size(w, h)
        if rw <= 0 or rh <= 0 or self.width() <= 0 or self.height() <= 0:
            return 1.0
        return min(self.width() / rw, self.height() / rh) * self._zoom

    def _clamp_pan(self) -> None:
        shown = self._shown()
        if shown is None:
            return
        w, h = shown.frame.width, shown.frame.height
        s = self._scale_for(w, h)
        rw, rh = self._rotated_size(w * s, h * s)
        mx, my = max(0.0, (rw - self.width()) / 2), max(0.0, (rh - self.height()) / 2)
        self._pan = QPointF(min(max(self._pan.x(), -mx), mx), min(max(self._pan.y(), -my), my))

    def view_transform(self) -> QTransform | None:
        """Image pixel → widget coordinates for the picture shown now (None if none)."""
        shown = self._shown()
        if shown is None:
            return None
        w, h = shown.frame.width, shown.frame.height
        self._clamp_pan()
        s = self._scale_for(w, h)
        t = QTransform()
        t.translate(self.width() / 2 + self._pan.x(), self.height() / 2 + self._pan.y())
        t.rotate(self._rotation)
        t.scale(s, s)
        t.translate(-w / 2, -h / 2)
        return t

    # -- following the marks ------------------------------------------------------------------

    def set_error_reporter(self, report: Callable[..., None]) -> None:
        """Where an unexpected error of the tracker goes: ``report(type, exc, tb)``, the
        operations layer's crash path (``Operations.report_unexpected``)."""
        self._report_unexpected = report

    @property
    def following(self) -> bool:
        return bool(self._follow_generation)

    @property
    def follow_state(self) -> str:
        """"" when not following, else følger | usikker | mistet."""
        return self._follow_state

    @property
    def follow_result(self) -> TrackResult | None:
        """The tracker's fit for the picture shown now (None when not following or not answered)."""
        tracked = self._tracked
        return tracked[1] if tracked is not None and self._follow_generation else None

    @property
    def follow_reference(self) -> Frame | None:
        """The frozen frame the followed marks were drawn on."""
        return self._follow_reference if self._follow_generation else None

    @property
    def follower(self) -> MarkFollower:
        return self._follower

    def start_following(self, reference: Frame, marks) -> bool:
        """Follow ``marks`` (drawn on ``reference``) in the live picture. False, and nothing
        happens, without marks, without a running source, or during the privacy pause."""
        if not marks or self._privacy or self._pipeline is None or self._frozen is not None:
            return False
        self.stop_following()
        self._follow_reference = reference
        self._tracked = None
        self._follow_generation = self._follower.start(reference, list(marks))
        self.add_frame_listener(self._submit)
        self._set_follow_state("søker")
        log.info("Følger %d merker", len(marks))
        return True

    @Slot()
    def stop_following(self, wait_s: float = 0.0) -> None:
        """Stop following; the marks are no longer painted and an answer in flight is dropped.
        The tracker's thread ends by itself after its update in progress (``wait_s``: wait for it)."""
        if not self._follow_generation:
            if wait_s > 0:
                self._follower.stop(wait_s)
            return
        self._follow_generation = 0
        self.remove_frame_listener(self._submit)
        self._follower.stop(wait_s)
        self._tracked = None
        self._follow_reference = None
        self._set_follow_state("")
        self.update()
        self.pictureChanged.emit()

    def _set_follow_state(self, state: str) -> None:
        if state != self._follow_state:
            self._follow_state = state
            self.setAccessibleDescription(self._follow_text() if state else "")
            self.update()
            self.followChanged.emit(state)

    @Slot(int, object, object)
    def _take_track(self, generation: int, frame: Frame, result: TrackResult) -> None:
        if generation != self._follow_generation or self._privacy or self._frozen is not None:
            return  # stopped meanwhile: the answer belongs to a picture that is gone
        live = self._live
        if live is not None and frame.seq < live.frame.seq - FOLLOW_STALE_FRAMES:
            shown = None  # too late to paint; its state still counts
        else:
            shown = live if live is not None and live.frame is frame else _Shown(frame)
            self._tracked = (shown, result)
        self._set_follow_state(result.state.value)
        if shown is not None:
            self.update()
            self.frameShown.emit(frame.seq)
            self.pictureChanged.emit()

    @Slot(int, object)
    def _track_failed(self, generation: int, info) -> None:
        if generation != self._follow_generation:
            return
        self.stop_following()
        self._report_unexpected(*info)

    def _follow_text(self) -> str:
        return {"følger": self.tr("Følger"), "usikker": self.tr("Usikker"), "mistet": self.tr("Mistet"),
                "søker": self.tr("Søker …")}.get(self._follow_state, "")

    # -- annotation layer -------------------------------------------------------------------

    def set_annotation_layer(self, layer) -> None:
        """The drawing layer (``ui.annotation_layer``): it paints over the frozen frame, and
        gets the mouse first while one of its tools is active."""
        self._annotations = layer
        self.update()

    def _layer_takes(self, handler: str, event: QMouseEvent) -> bool:
        layer = self._annotations
        if layer is None or not (layer.wants_mouse or handler != "mouse_press"):
            return False
        if getattr(layer, handler)(event):
            event.accept()
            return True
        return False

    # -- mouse ----------------------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt API
        if self._layer_takes("mouse_press", event):
            return
        if event.button() == Qt.MouseButton.LeftButton and self._shown() is not None:
            self._drag_start = (event.position(), QPointF(self._pan))
            self.setCursor(Qt.CursorShape.ClosedHandCursor)
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt API
        if self._layer_takes("mouse_move", event):
            return
        if self._drag_start is not None:
            start, pan = self._drag_start
            delta = event.position() - start
            self._pan = pan + delta
            self._clamp_pan()
            self.update()
            event.accept()
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt API
        if self._layer_takes("mouse_release", event):
            return
        if self._drag_start is not None and event.button() == Qt.MouseButton.LeftButton:
            self._drag_start = None
            self.unsetCursor()
            event.accept()
            return
        super().mouseReleaseEvent(event)

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802 - Qt API
        dy = event.angleDelta().y()
        if dy and self._shown() is not None:
            self.zoom_in() if dy > 0 else self.zoom_out()
            event.accept()
            return
        super().wheelEvent(event)

    # -- painting -------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt API
        p = QPainter(self)
        try:
            if self._privacy:
                self._paint_privacy(p)
                return
            shown = self._shown()
            transform = self.view_transform()
            if shown is not None and transform is not None:
                self._fill_around(p, transform, shown.frame.width, shown.frame.height)
                p.save()
                p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
                p.setTransform(transform)
                p.drawImage(QPointF(0, 0), shown.image)
                p.restore()
                if self._frozen is not None and self._annotations is not None:
                    self._annotations.paint(p, transform, shown.frame.width, shown.frame.height)
                elif self._annotations is not None and self._tracked is not None and self._tracked[0] is shown:
                    self._annotations.paint_tracked(p, transform, self._tracked[1])
                if self._state in _PROBLEM_STATES and self._frozen is None:
                    self._paint_message_bar(p, self._state_message)
            else:
                p.fillRect(self.rect(), _BACKGROUND)
                self._paint_center_text(p, self._no_picture_text())
            if self._frozen is not None:
                self._paint_badge(p, self.tr("FRYST BILDE"), QColor(24, 92, 170))
            elif self._follow_generation:
                self._paint_follow_badge(p)
            if self._overlay:
                self._paint_overlay(p)
        finally:
            p.end()

    def _fill_around(self, p: QPainter, transform: QTransform, w: int, h: int) -> None:
        """The background where the picture does not cover the pane (the bars beside it); the
        picture is painted over the rest (filling the whole pane first costs a full pass)."""
        r = transform.mapRect(QRectF(0, 0, w, h))
        covered = QRect(QPoint(math.ceil(r.left()), math.ceil(r.top())),
                        QPoint(math.floor(r.right()) - 1, math.floor(r.bottom()) - 1))
        for bar in QRegion(self.rect()).subtracted(QRegion(covered)):
            p.fillRect(bar, _BACKGROUND)

    def _no_picture_text(self) -> str:
        if self._pipeline is None and self._state != PipelineState.STOPPET.value:
            return NO_SOURCE_TEXT
        if self._state in _PROBLEM_STATES or self._state == PipelineState.STOPPET.value:
            return self._state_message
        return WAITING_TEXT

    def _font(self, px: float, bold: bool = False) -> QFont:
        f = QFont(self.font())
        f.setPixelSize(max(9, int(px)))
        f.setBold(bold)
        return f

    def _fitted_font(self, text: str, max_width: float, px: float, bold: bool = False) -> QFont:
        """The font at ``px`` pixels, made smaller if ``text`` would not fit ``max_width``."""
        f = self._font(px, bold)
        advance = QFontMetricsF(f).horizontalAdvance(text)
        if advance > max_width > 0:
            f = self._font(px * max_width / advance * 0.96, bold)
        return f

    def _paint_privacy(self, p: QPainter) -> None:
        p.fillRect(self.rect(), Qt.GlobalColor.black)
        w, h = self.width(), self.height()
        band_h = max(90.0, h * 0.26)
        band = QRectF(w * 0.04, (h - band_h) / 2, w * 0.92, band_h)
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        p.setPen(QPen(QColor(255, 214, 0), max(3.0, h * 0.008)))
        p.setBrush(QColor(176, 20, 20))
        p.drawRoundedRect(band, 12, 12)
        title = band.adjusted(12, 8, -12, -band_h * 0.38)
        p.setPen(Qt.GlobalColor.white)
        p.setFont(self._fitted_font(i18n.t(PRIVACY_BANNER), title.width(), band_h * 0.34, bold=True))
        p.drawText(title, int(Qt.AlignmentFlag.AlignCenter), i18n.t(PRIVACY_BANNER))
        detail = band.adjusted(12, band_h * 0.62, -12, -6)
        p.setFont(self._fitted_font(i18n.t(PRIVACY_DETAIL), detail.width(), band_h * 0.16))
        p.drawText(detail, int(Qt.AlignmentFlag.AlignCenter), i18n.t(PRIVACY_DETAIL))

    def _paint_center_text(self, p: QPainter, text: str) -> None:
        p.setPen(QColor(225, 228, 232))
        p.setFont(self._font(max(14, min(self.height() / 18, 28))))
        p.drawText(self.rect().adjusted(24, 24, -24, -24),
                   int(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap), i18n.t(text))

    def _paint_message_bar(self, p: QPainter, text: str) -> None:
        f = self._font(max(13, min(self.height() / 26, 20)), bold=True)
        bar_h = f.pixelSize() * 2.2
        bar = QRectF(0, self.height() - bar_h, self.width(), bar_h)
        p.fillRect(bar, QColor(120, 20, 20, 215))
        p.setPen(Qt.GlobalColor.white)
        p.setFont(f)
        p.drawText(bar.adjusted(12, 0, -12, 0), int(Qt.AlignmentFlag.AlignCenter), i18n.t(text))

    def _paint_badge(self, p: QPainter, text: str, color: QColor) -> None:
        f = self._font(14, bold=True)
        p.setFont(f)
        width = p.fontMetrics().horizontalAdvance(text) + 20
        box = QRectF(10, 10, width, 28)
        p.fillRect(box, color)
        p.setPen(Qt.GlobalColor.white)
        p.drawText(box, int(Qt.AlignmentFlag.AlignCenter), text)

    def _paint_follow_badge(self, p: QPainter) -> None:
        """«Merker: følger» (green), «usikker» (amber: the fit is weak, check the marks),
        «mistet» (red: the marks are hidden until the object is found again)."""
        colour = {"følger": QColor(20, 120, 60), "usikker": QColor(150, 95, 0),
                  "mistet": QColor(170, 25, 25)}.get(self._follow_state, QColor(70, 74, 80))
        text = self.tr("Merker: {0}").format(self._follow_text())
        result = self.follow_result
        if self._follow_state == "usikker" and result is not None:
            text += " " + self.tr("({0} % treff)").format(round(result.quality * 100))
        self._paint_badge(p, text, colour)

    def overlay_text(self) -> str:
        """The statistics line shown by the overlay."""
        pipeline = self._pipeline
        if pipeline is None:
            return self.tr("Ingen videokilde")
        st = pipeline.stats()
        latency = "–" if st.latency_ms is None else f"{st.latency_ms:.0f} ms"
        text = self.tr("{0} bilder/s · {1} tapt · forsinkelse {2}").format(_decimal(st.fps), st.frames_dropped, latency)
        shown = self._shown()
        if shown is not None:
            text += f" · {shown.frame.width}×{shown.frame.height}"
        return text

    def _paint_overlay(self, p: QPainter) -> None:
        text = self.overlay_text()
        p.setFont(self._font(13))
        width = p.fontMetrics().horizontalAdvance(text) + 20
        box = QRectF(self.width() - width - 10, 10, width, 26)
        p.fillRect(box, QColor(0, 0, 0, 170))
        p.setPen(QColor(235, 235, 235))
        p.drawText(box, int(Qt.AlignmentFlag.AlignCenter), text)
