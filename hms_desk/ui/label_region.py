"""Mark a region of the frozen picture with the mouse, for the label reader.

:class:`RegionTool` is a transparent child of the :class:`~hms_desk.ui.video_pane.VideoPane`
covering it exactly.  It is hidden until :meth:`RegionTool.start` (the
«Les merke i område» action): then it freezes the picture if it is live, takes
the mouse (a cross cursor, above the pane and its drawing layer), dims the
picture outside the rectangle being dragged and, on release, emits
``regionChosen((x, y, w, h))`` in the *picture's* pixels (the pane's zoom, pan
and rotation taken into account).  Esc, a privacy pause or unfreezing cancels.

The pane itself is not changed: the tool only uses its public API
(``view_transform``, ``freeze``, ``is_frozen``, ``current_frame`` and its signals).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent, QMouseEvent, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QWidget

#: A drag shorter than this many screen pixels on either side is not a region (a stray click).
MIN_DRAG_PX = 8
#: The smallest region the reader accepts, in picture pixels.
MIN_REGION_PX = 8


class RegionTool(QWidget):
    """A rubber band over the video pane; emits the region in picture pixels."""

    regionChosen = Signal(tuple)        # (x, y, w, h) in the frozen picture's pixels
    cancelled = Signal()
    activeChanged = Signal(bool)

    def __init__(self, pane) -> None:
        super().__init__(pane)
        self._pane = pane
        self.setObjectName("labelRegionTool")
        self.setAccessibleName(self.tr("Marker område for merkelesing"))
        self.setAccessibleDescription(self.tr("Dra et rektangel rundt merket med musen. Esc avbryter."))
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground, True)
        self._start: QPointF | None = None
        self._end: QPointF | None = None
        self.hide()
        pane.installEventFilter(self)
        pane.privacyChanged.connect(lambda paused: self.cancel() if paused else None)
        pane.freezeChanged.connect(lambda frozen: self.cancel() if not frozen else None)

    # -- state ----------------------------------------------------------------------------------
    @property
    def active(self) -> bool:
        return self.isVisible()

    def start(self) -> bool:
        """Freeze the picture (if live) and let the technician drag a rectangle.
        False when there is no picture to mark (privacy pause, no video)."""
        pane = self._pane
        if pane.is_privacy_paused or not pane.freeze():
            return False
        self._start = self._end = None
        self.setGeometry(pane.rect())
        self.show()
        self.raise_()
        self.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.activeChanged.emit(True)
        return True

    def cancel(self) -> None:
        if not self.isVisible():
            return
        self._finish()
        self.cancelled.emit()

    def _finish(self) -> None:
        self._start = self._end = None
        self.hide()
        self.activeChanged.emit(False)

    # -- geometry -------------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if watched is self._pane and event.type() == QEvent.Type.Resize:
            self.setGeometry(self._pane.rect())
        return False

    def _band(self) -> QRectF | None:
        if self._start is None or self._end is None:
            return None
        return QRectF(self._start, self._end).normalized()

    def to_picture(self, rect: QRectF) -> tuple[int, int, int, int] | None:
        """A rectangle in this widget's (= the pane's) coordinates as (x, y, w, h) in the
        picture's pixels, clipped to the picture; None when it misses the picture."""
        transform = self._pane.view_transform()
        frame = self._pane.current_frame()
        if transform is None or frame is None:
            return None
        inverse, ok = transform.inverted()
        if not ok:
            return None
        r = inverse.mapRect(rect).intersected(QRectF(0, 0, frame.width, frame.height))
        if r.width() < MIN_REGION_PX or r.height() < MIN_REGION_PX:
            return None
        x0, y0 = int(r.left()), int(r.top())
        return (x0, y0, int(round(r.right())) - x0, int(round(r.bottom())) - y0)

    # -- mouse and keys ----------------------------------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt API
        if event.button() == Qt.MouseButton.LeftButton:
            self._start = self._end = event.position()
            self.update()
        elif event.button() == Qt.MouseButton.RightButton:
            self.cancel()
        event.accept()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt API
        if self._start is not None:
            self._end = event.position()
            self.update()
        event.accept()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt API
        event.accept()
        if event.button() != Qt.MouseButton.LeftButton or self._start is None:
            return
        self._end = event.position()
        band = self._band()
        if band is None or band.width() < MIN_DRAG_PX or band.height() < MIN_DRAG_PX:
            self._start = self._end = None          # a click: keep waiting for a drag
            self.update()
            return
        region = self.to_picture(band)
        if region is None:                          # beside the picture: try again
            self._start = self._end = None
            self.update()
            return
        self._finish()
        self.regionChosen.emit(region)

    def event(self, event: QEvent) -> bool:
        # Esc belongs to the tool while it is open (the drawing layer has an Esc shortcut too)
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent) \
                and event.key() == Qt.Key.Key_Escape:
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt API
        if event.key() == Qt.Key.Key_Escape:
            self.cancel()
            event.accept()
            return
        super().keyPressEvent(event)

    # -- painting -------------------------------------------------------------------------------------
    def paintEvent(self, _event) -> None:  # noqa: N802 - Qt API
        p = QPainter(self)
        try:
            p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            shade = QPainterPath()
            shade.addRect(QRectF(self.rect()))
            band = self._band()
            if band is not None:
                hole = QPainterPath()
                hole.addRect(band)
                shade = shade.subtracted(hole)
            p.fillPath(shade, QColor(0, 0, 0, 110))
            if band is not None:
                p.setPen(QPen(QColor(255, 214, 0), 2, Qt.PenStyle.DashLine))
                p.setBrush(Qt.BrushStyle.NoBrush)
                p.drawRect(band)
            hint = self.tr("Dra et rektangel rundt merket – Esc avbryter")
            f = p.font()
            f.setPixelSize(15)
            f.setBold(True)
            p.setFont(f)
            width = p.fontMetrics().horizontalAdvance(hint) + 28
            box = QRectF((self.width() - width) / 2, 12, width, 32)
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(QColor(20, 22, 26, 220))
            p.drawRoundedRect(box, 16, 16)
            p.setPen(QColor(245, 245, 245))
            p.drawText(box, int(Qt.AlignmentFlag.AlignCenter), hint)
        finally:
            p.end()
