"""The share view: the picture with its marks, alone in a window the meeting app can share.

Technicians share this window (Teams, Pexip/NHN Join in a browser) so the
caller sees on their own screen where to look: the live picture with the marks
following the object, or the frozen frame with its marks.  It has no controls,
no case data and no title beyond the app's name, and remembers nothing (it
opens at 1280×720, any size will do).  A small frame counter in the corner
shows it is live.

What it shows is what the video pane paints — the frames *after* live face
blur — and, whenever live blur is on, only frames whose coverage the blur
guaranteed: a frame the blur could not vouch for (starting, behind, failed)
is replaced by the blank frame with its banner (:func:`hms_desk.video.live_blur.
outgoing_image`), whatever the technician's own view shows.  During the privacy
pause it is black.  While it is open the video does not go to standby when the
main window is minimised (:meth:`VideoPane.keep_running`).
"""

from __future__ import annotations

import cv2
import numpy as np
from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal, Slot
from PySide6.QtGui import QCloseEvent, QColor, QFont, QImage, QKeyEvent, QPainter, QPaintEvent, QTransform
from PySide6.QtWidgets import QWidget

from hms_desk import APP_NAME
from hms_desk.video.frames import Frame
from hms_desk.video.live_blur import outgoing_image

#: The owner name the share view keeps the pane's video running under.
KEEP_RUNNING_OWNER = "deling"
DEFAULT_SIZE = QSize(1280, 720)
_BACKGROUND = QColor(0, 0, 0)


def shareable(frame: Frame) -> tuple[np.ndarray, bool]:
    """The pixels of ``frame`` that may be shown to the caller, and whether they are the picture
    (False: the blank frame).  With live blur on (the frame carries its coverage) only a frame
    whose coverage was guaranteed is shown; with live blur off the frame is shown as it is."""
    if frame.coverage is None:
        return frame.image, True
    image = outgoing_image(frame)
    return image, image is frame.image


class ShareView(QWidget):
    """A clean top-level window showing ``pane``'s picture and the marks of ``layer``."""

    closed = Signal()
    framePainted = Signal(int)      # the counter, after each paint that showed a picture (tests wait on it)

    def __init__(self, pane, layer=None, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("shareView")
        self.setWindowTitle(self.tr("{0} – bilde til deling").format(APP_NAME))
        self.setAccessibleName(self.tr("Bilde til deling"))
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, True)
        self.setMinimumSize(320, 180)
        self.resize(DEFAULT_SIZE)
        self._pane = pane
        self._layer = layer
        self._image_frame: Frame | None = None   # the frame the cached picture is of
        self._qimage: QImage | None = None
        self._pixels: np.ndarray | None = None
        self._picture_ok = False
        self._frames = 0               # pictures shown since the view opened
        self._last_frame: Frame | None = None
        pane.pictureChanged.connect(self.update)
        if layer is not None:
            layer.annotationsChanged.connect(self.update)
        pane.keep_running(KEEP_RUNNING_OWNER, True)
        self._open = True

    # -- state ---------------------------------------------------------------------------
    @property
    def frames_shown(self) -> int:
        """How many different pictures this view has painted (the counter in the corner)."""
        return self._frames

    @property
    def showing_picture(self) -> bool:
        """False when the last paint showed the blank frame (blur could not vouch) or nothing."""
        return self._picture_ok

    def shown_image(self) -> np.ndarray | None:
        """The pixels last painted (BGR; the blank frame when the blur could not vouch)."""
        return self._pixels

    # -- closing ---------------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt API
        self._release()
        super().closeEvent(event)
        self.closed.emit()

    def _release(self) -> None:
        if self._open:
            self._open = False
            try:
                self._pane.keep_running(KEEP_RUNNING_OWNER, False)
                self._pane.pictureChanged.disconnect(self.update)
                if self._layer is not None:
                    self._layer.annotationsChanged.disconnect(self.update)
            except (RuntimeError, TypeError):   # the pane is already gone (shutting down)
                pass

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt API
        if event.key() == Qt.Key.Key_Escape and self.isFullScreen():
            self.showNormal()
            return
        super().keyPressEvent(event)

    def mouseDoubleClickEvent(self, event) -> None:  # noqa: N802 - Qt API
        """Double click: full screen and back (for sharing a whole screen)."""
        self.showNormal() if self.isFullScreen() else self.showFullScreen()

    # -- painting ---------------------------------------------------------------------------
    def _image_for(self, frame: Frame) -> QImage:
        if frame is not self._image_frame or self._qimage is None:
            pixels, ok = shareable(frame)
            bgra = cv2.cvtColor(pixels, cv2.COLOR_BGR2BGRA)
            h, w = bgra.shape[:2]
            self._pixels, self._picture_ok, self._bgra = pixels, ok, bgra
            self._qimage = QImage(bgra.data, w, h, int(bgra.strides[0]), QImage.Format.Format_RGB32)
            self._image_frame = frame
        return self._qimage

    def _transform(self, w: int, h: int) -> QTransform:
        """Frame pixels → this window: the whole picture, fitted, turned as the pane turns it."""
        rotation = self._pane.rotation
        rw, rh = (h, w) if rotation in (90, 270) else (w, h)
        s = min(self.width() / rw, self.height() / rh) if rw and rh else 1.0
        t = QTransform()
        t.translate(self.width() / 2, self.height() / 2)
        t.rotate(rotation)
        t.scale(s, s)
        t.translate(-w / 2, -h / 2)
        return t

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt API
        p = QPainter(self)
        try:
            p.fillRect(self.rect(), _BACKGROUND)
            shown = self._pane.displayed()
            if shown is None:
                self._picture_ok, self._pixels = False, None
                self._paint_centre(p, self.tr("Ingen bilde akkurat nå"))
                return
            frame, result, frozen = shown
            image = self._image_for(frame)
            transform = self._transform(frame.width, frame.height)
            p.save()
            p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
            p.setTransform(transform)
            p.drawImage(QPointF(0, 0), image)
            p.restore()
            if self._picture_ok and self._layer is not None:     # no marks on the blank frame
                if frozen:
                    self._layer.paint(p, transform, frame.width, frame.height, preview=False)
                elif result is not None:
                    self._layer.paint_tracked(p, transform, result)
            if frame is not self._last_frame:
                self._last_frame = frame
                self._frames += 1
            self._paint_counter(p, frozen)
        finally:
            p.end()
        if self._last_frame is not None and self._pixels is not None:
            self.framePainted.emit(self._frames)

    def _font(self, px: float, bold: bool = False) -> QFont:
        f = QFont(self.font())
        f.setPixelSize(max(9, int(px)))
        f.setBold(bold)
        return f

    def _paint_counter(self, p: QPainter, frozen: bool) -> None:
        text = (self.tr("Stillbilde") if frozen else self.tr("Direkte")) + f" · {self._frames}"
        p.setFont(self._font(max(11, min(self.height() / 40, 16))))
        fm = p.fontMetrics()
        w, h = fm.horizontalAdvance(text) + 26, fm.height() + 8
        box = QRectF(self.width() - w - 8, self.height() - h - 8, w, h)
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor(0, 0, 0, 150))
        p.drawRoundedRect(box, 4, 4)
        dot = QColor(40, 110, 200) if frozen else QColor(230, 40, 40)
        p.setBrush(dot)
        r = h * 0.18
        p.drawEllipse(QPointF(box.left() + 10, box.center().y()), r, r)
        p.setPen(QColor(235, 235, 235))
        p.drawText(box.adjusted(18, 0, -6, 0), int(Qt.AlignmentFlag.AlignCenter), text)

    def _paint_centre(self, p: QPainter, text: str) -> None:
        p.setPen(QColor(200, 200, 200))
        p.setFont(self._font(max(14, min(self.height() / 20, 28))))
        p.drawText(self.rect(), int(Qt.AlignmentFlag.AlignCenter), text)

    @Slot()
    def toggle_full_screen(self) -> None:
        self.showNormal() if self.isFullScreen() else self.showFullScreen()
