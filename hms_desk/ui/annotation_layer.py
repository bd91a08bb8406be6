"""Drawing on the frozen frame: arrows, circles, rectangles and text labels.

The layer belongs to one :class:`~hms_desk.ui.video_pane.VideoPane`.  While
the picture is frozen the technician picks a tool (1–4, or the «Annoter»
menu) and drags on the picture; the pane hands its mouse events here while a
tool is active and lets the layer paint over the frozen frame.  Every point is
mapped through the pane's view transform into **image pixels**, so a drawing
stays on the part whatever the zoom, pan or rotation, and is exactly what
:func:`hms_desk.video.annotate.render` burns into the stored (anonymised)
snapshot.  The preview uses the same sizes as the renderer.

Ctrl+Z removes the last drawing, Esc leaves the tool; unfreezing (or the
privacy pause) clears everything.  The text tool asks for its label through
:meth:`AnnotationLayer.ask_text` (monkeypatched in tests).
"""

from __future__ import annotations

import math
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QPointF, QRectF, Qt, Signal, Slot
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QBrush,
    QColor,
    QFont,
    QFontDatabase,
    QFontMetricsF,
    QKeySequence,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPen,
    QPolygonF,
    QTransform,
)
from PySide6.QtWidgets import QInputDialog, QLineEdit, QWidget

from hms_desk.domain.errors import HmsError
from hms_desk.platform.resources import resource
from hms_desk.video.annotate import (
    COLOURS,
    DEFAULT_COLOUR,
    DEFAULT_WIDTH,
    Annotation,
    arrow_head,
    contrast_of,
    stroke_px,
    text_px,
    to_json_list,
)

#: A press and release closer than this (screen pixels) is a click, not a drawing.
MIN_DRAG_PX = 4.0

_font_family: str | None = None


def _label_font(pixel_size: int) -> QFont:
    """DejaVu Sans (the font the renderer uses) at ``pixel_size``."""
    global _font_family
    if _font_family is None:
        fid = QFontDatabase.addApplicationFont(str(resource("fonts", "DejaVuSans.ttf")))
        families = QFontDatabase.applicationFontFamilies(fid) if fid >= 0 else []
        _font_family = families[0] if families else "DejaVu Sans"
    f = QFont(_font_family)
    f.setPixelSize(max(1, pixel_size))
    return f


def _qcolor(hex_colour: str) -> QColor:
    return QColor(hex_colour)


class AnnotationLayer(QObject):
    """Tools, drawings and their preview for one video pane."""

    toolChanged = Signal(str)          # the active tool ("" = none)
    annotationsChanged = Signal(int)   # how many drawings there are now
    failed = Signal(str)               # a Norwegian message (e.g. a refused label)

    def __init__(self, pane: Any) -> None:
        super().__init__(pane)
        self._pane = pane
        self._items: list[Annotation] = []
        self._draft: Annotation | None = None
        self._press_at: QPointF | None = None
        self._tool = ""
        self._colour = DEFAULT_COLOUR
        self._width = DEFAULT_WIDTH
        self._build_actions()
        pane.set_annotation_layer(self)
        pane.freezeChanged.connect(self._freeze_changed)
        self._sync_actions()

    # -- actions ----------------------------------------------------------------------
    def _action(self, text: str, shortcut: str | QKeySequence | None, slot, checkable: bool = False) -> QAction:
        a = QAction(text, self)
        if shortcut:
            a.setShortcut(QKeySequence(shortcut))
            a.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        a.setCheckable(checkable)
        a.triggered.connect(slot)
        return a

    def _build_actions(self) -> None:
        self.tool_group = QActionGroup(self)
        self.tool_group.setExclusionPolicy(QActionGroup.ExclusionPolicy.ExclusiveOptional)
        self.tool_actions: dict[str, QAction] = {
            "pil": self._action(self.tr("&Pil"), "1", lambda: self.set_tool("pil"), True),
            "sirkel": self._action(self.tr("&Sirkel"), "2", lambda: self.set_tool("sirkel"), True),
            "rektangel": self._action(self.tr("&Rektangel"), "3", lambda: self.set_tool("rektangel"), True),
            "tekst": self._action(self.tr("&Tekst"), "4", lambda: self.set_tool("tekst"), True),
        }
        for kind, a in self.tool_actions.items():
            a.setData(kind)
            self.tool_group.addAction(a)
        self.act_undo = self._action(self.tr("&Angre siste tegning"), QKeySequence.StandardKey.Undo, self.undo)
        self.act_clear = self._action(self.tr("&Fjern alle tegninger"), None, self.clear)
        self.act_leave = self._action(self.tr("&Legg fra deg verktøyet"), "Esc", lambda: self.set_tool(""))
        self.colour_group = QActionGroup(self)
        names = {"rød": self.tr("Rød"), "gul": self.tr("Gul"), "grønn": self.tr("Grønn"),
                 "blå": self.tr("Blå"), "hvit": self.tr("Hvit")}
        self.colour_actions: list[QAction] = []
        for key, hex_colour in COLOURS.items():
            a = self._action(names[key], None, lambda _=False, c=hex_colour: self.set_colour(c), True)
            a.setData(hex_colour)
            a.setChecked(hex_colour == self._colour)
            self.colour_group.addAction(a)
            self.colour_actions.append(a)
        # shortcuts work wherever the pane's window has focus, also without a menu
        self._pane.addActions([*self.tool_actions.values(), self.act_undo, self.act_leave])

    def _sync_actions(self) -> None:
        frozen = self._pane.is_frozen
        for a in (*self.tool_actions.values(), *self.colour_actions):
            a.setEnabled(frozen)
        for kind, a in self.tool_actions.items():
            a.setChecked(kind == self._tool)
        self.act_undo.setEnabled(frozen and bool(self._items))
        self.act_clear.setEnabled(frozen and bool(self._items))
        self.act_leave.setEnabled(bool(self._tool))

    # -- state --------------------------------------------------------------------------
    @property
    def tool(self) -> str:
        return self._tool

    @property
    def colour(self) -> str:
        return self._colour

    @property
    def annotations(self) -> list[Annotation]:
        return list(self._items)

    def to_json(self) -> list[dict[str, Any]] | None:
        """The drawings as stored on the snapshot (None when there are none)."""
        return to_json_list(self._items) or None

    @Slot(str)
    def set_tool(self, kind: str) -> None:
        """Pick a tool ("" puts it down). Only while the picture is frozen."""
        kind = kind or ""
        if kind and (kind not in self.tool_actions or not self._pane.is_frozen):
            kind = ""
        self._draft, self._press_at = None, None
        changed = kind != self._tool
        self._tool = kind
        if kind:
            self._pane.setCursor(Qt.CursorShape.IBeamCursor if kind == "tekst" else Qt.CursorShape.CrossCursor)
        else:
            self._pane.unsetCursor()
        self._sync_actions()
        self._pane.update()
        if changed:
            self.toolChanged.emit(kind)

    @Slot(str)
    def set_colour(self, hex_colour: str) -> None:
        self._colour = hex_colour
        for a in self.colour_actions:
            a.setChecked(a.data() == hex_colour)

    def add(self, annotation: Annotation) -> None:
        self._items.append(annotation)
        self._changed()

    @Slot()
    def undo(self) -> None:
        if self._items:
            self._items.pop()
            self._changed()

    @Slot()
    def clear(self) -> None:
        self._draft, self._press_at = None, None
        if self._items:
            self._items.clear()
            self._changed()

    def _changed(self) -> None:
        self._sync_actions()
        self._pane.update()
        self.annotationsChanged.emit(len(self._items))

    @Slot(bool)
    def _freeze_changed(self, frozen: bool) -> None:
        if not frozen:
            self.clear()
            self.set_tool("")
        self._sync_actions()

    # -- text input ------------------------------------------------------------------------
    @classmethod
    def ask_text(cls, parent: QWidget, label: str, text: str = "") -> str | None:
        """The label for the text tool (None if cancelled). Tests monkeypatch this."""
        value, ok = QInputDialog.getText(parent, QCoreApplication.translate("AnnotationLayer", "Tekst på bildet"), label,
                                         QLineEdit.EchoMode.Normal, text)
        return value if ok else None

    def _add_text_at(self, point: tuple[float, float]) -> None:
        label = self.tr("Tekst (høyst 80 tegn, ingen personopplysninger):")
        typed = ""
        while True:
            value = self.ask_text(self._pane, label, typed)
            if value is None or not value.strip():
                return
            try:
                self.add(Annotation("tekst", (point,), self._colour, self._width, value))
                return
            except HmsError as exc:
                # say why, and ask again with what was typed (nothing is lost)
                self.failed.emit(exc.message)
                typed, label = value, exc.message

    # -- mouse (called by the pane while a tool is active) ------------------------------------
    @property
    def wants_mouse(self) -> bool:
        return bool(self._tool) and self._pane.is_frozen

    def _to_image(self, pos: QPointF) -> tuple[float, float] | None:
        t = self._pane.view_transform()
        if t is None:
            return None
        inv, ok = t.inverted()
        if not ok:
            return None
        p = inv.map(pos)
        return (round(p.x(), 2), round(p.y(), 2))

    def mouse_press(self, event: QMouseEvent) -> bool:
        if not self.wants_mouse or event.button() != Qt.MouseButton.LeftButton:
            return False
        point = self._to_image(event.position())
        if point is None:
            return False
        if self._tool == "tekst":
            self._add_text_at(point)
            return True
        self._draft = Annotation(self._tool, (point, point), self._colour, self._width)
        self._press_at = QPointF(event.position())
        self._pane.update()
        return True

    def mouse_move(self, event: QMouseEvent) -> bool:
        if self._draft is None:
            return False
        point = self._to_image(event.position())
        if point is not None:
            self._draft = self._draft.moved_to(1, point)
            self._pane.update()
        return True

    def mouse_release(self, event: QMouseEvent) -> bool:
        if self._draft is None or event.button() != Qt.MouseButton.LeftButton:
            return False
        point = self._to_image(event.position())
        draft = self._draft if point is None else self._draft.moved_to(1, point)
        dragged = self._press_at is not None and math.dist(
            (self._press_at.x(), self._press_at.y()), (event.position().x(), event.position().y()))
        self._draft, self._press_at = None, None
        if dragged and dragged >= MIN_DRAG_PX:
            self.add(draft)
        else:
            self._pane.update()
        return True

    # -- painting (called by the pane over the frozen frame) -----------------------------------
    def paint(self, p: QPainter, transform: QTransform, image_w: int, image_h: int) -> None:
        items = self._items + ([self._draft] if self._draft is not None else [])
        if not items:
            return
        p.save()
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        p.setTransform(transform)
        for a in items:
            if a.kind == "tekst":
                self._paint_text(p, a, image_w, image_h)
            else:
                t = stroke_px(image_w, image_h, a.width)
                outline = max(1.0, t / 3.0)
                self._paint_shape(p, a, QColor(*contrast_of(a.colour)), t, 2 * outline)
                self._paint_shape(p, a, _qcolor(a.colour), t, 0.0)
        p.restore()

    @staticmethod
    def _paint_shape(p: QPainter, a: Annotation, colour: QColor, stroke: float, edge: float) -> None:
        pen = QPen(colour, stroke + edge)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        p.setPen(pen)
        p.setBrush(Qt.BrushStyle.NoBrush)
        (x1, y1), (x2, y2) = a.points
        if a.kind == "pil":
            head = arrow_head((x1, y1), (x2, y2), stroke)
            if head is None:
                return
            tip, left, right = head
            p.drawLine(QPointF(x1, y1), QPointF((left[0] + right[0]) / 2, (left[1] + right[1]) / 2))
            tri = QPolygonF([QPointF(*tip), QPointF(*left), QPointF(*right)])
            if edge > 0:
                p.setPen(QPen(colour, edge, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap,
                              Qt.PenJoinStyle.RoundJoin))
            else:
                p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(QBrush(colour))
            p.drawPolygon(tri)
        elif a.kind == "rektangel":
            pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
            p.setPen(pen)
            p.drawRect(QRectF(QPointF(x1, y1), QPointF(x2, y2)).normalized())
        elif a.kind == "sirkel":
            p.drawEllipse(QRectF(QPointF(x1, y1), QPointF(x2, y2)).normalized())

    @staticmethod
    def _paint_text(p: QPainter, a: Annotation, image_w: int, image_h: int) -> None:
        size = text_px(image_w, image_h, a.width)
        font = _label_font(size)
        x, y = a.points[0]
        path = QPainterPath()
        path.addText(QPointF(x, y + QFontMetricsF(font).ascent()), font, a.text)
        stroke = max(1, round(size / 12))
        p.setPen(QPen(QColor(*contrast_of(a.colour)), 2 * stroke, Qt.PenStyle.SolidLine,
                      Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin))
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawPath(path)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(_qcolor(a.colour))
        p.drawPath(path)
