"""Drawing on the frozen frame: the tool set, the marks and their preview.

The layer belongs to one :class:`~hms_desk.ui.video_pane.VideoPane`.  While
the picture is frozen the technician picks a tool and draws on the picture;
the pane hands its mouse events here while a tool is active and lets the
layer paint over the frozen frame.

Tools (each has a key): arrow 1, ellipse 2, rectangle 3, text 4, freehand
pen 5, numbered marker 6 (1, 2, 3 … for "first this, then that"), select V
(click a mark to pick it, drag to move it, Delete removes it; a colour or
width chosen while a mark is picked restyles it).  Esc drops the drag in
progress, then the tool.  Ctrl+Z undoes, Ctrl+Shift+Z (or Ctrl+Y) redoes —
every change (drawing, moving, restyling, deleting, clearing) is one step.
``[`` and ``]`` make the stroke thinner or thicker.

Every point is mapped through the pane's view transform into **image
pixels**, so a mark stays on the part whatever the zoom, pan or rotation.
Before a mark is kept it is placed on the picture with
:func:`hms_desk.video.annotate.fit_to_image` — a shape dragged past the edge
stops at the edge (the preview shows it doing so), a label near the edge
moves inside whole, a click outside the picture is refused with a message —
so what is on screen is exactly what :func:`hms_desk.video.annotate.render`
burns into the stored (anonymised) snapshot.  The preview uses the same sizes
as the renderer.

**Følg** (G, or just unfreezing with marks on the picture): the frozen frame becomes
the reference and the marks follow the object in the live picture
(:meth:`VideoPane.start_following`); the pane paints them here through the
tracker's fit (:meth:`AnnotationLayer.paint_tracked`).  «Slutt å følge» (Esc),
removing the marks or the privacy pause end it and the marks are gone;
freezing again keeps the marks that are on the object, moved to where it is now,
to draw on.  Unfreezing without marks, a new source or the privacy pause
clear everything.

The text tool asks for its label through :meth:`AnnotationLayer.ask_text`
(monkeypatched in tests).  :meth:`build_menu` and :meth:`build_toolbar` give
the main window the «Annoter» menu and a tool bar whose buttons carry
accessible names.
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
from PySide6.QtWidgets import QInputDialog, QLineEdit, QMenu, QToolBar, QToolButton, QWidget

from hms_desk.domain.errors import HmsError
from hms_desk.platform.resources import resource
from hms_desk.video.annotate import (
    COLOURS,
    DEFAULT_COLOUR,
    DEFAULT_WIDTH,
    MAX_WIDTH,
    Annotation,
    arrow_head,
    bounds,
    contrast_of,
    distance_to,
    fit_to_image,
    marker_font_px,
    marker_radius,
    marker_text_origin,
    next_number,
    simplify_stroke,
    stroke_px,
    text_outline_px,
    text_px,
    to_json_list,
)
from hms_desk.video.tracking import TrackResult, map_points

#: A press and release closer than this (screen pixels) is a click, not a drawing.
MIN_DRAG_PX = 4.0
#: A click this close (screen pixels) to a mark picks it.
PICK_PX = 8.0
#: A freehand stroke takes a new point when the mouse moved this far (screen pixels).
PEN_STEP_PX = 2.0
#: How many steps undo remembers.
HISTORY = 200
#: The widths the tools offer (name, width 1–12).
WIDTHS = ((2, "Tynn"), (3, "Middels"), (5, "Tykk"), (8, "Ekstra tykk"))

DRAW_TOOLS = ("pil", "sirkel", "rektangel", "tekst", "penn", "nummer")
TOOLS = (*DRAW_TOOLS, "velg")

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


def _plain(text: str) -> str:
    """Menu text without its mnemonic ampersand, for accessible names."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


class AnnotationLayer(QObject):
    """Tools, marks, undo history and their preview for one video pane."""

    toolChanged = Signal(str)          # the active tool ("" = none)
    annotationsChanged = Signal(int)   # how many marks there are now
    selectionChanged = Signal(int)     # index of the picked mark, -1 for none
    failed = Signal(str)               # a Norwegian message (e.g. a refused label)

    def __init__(self, pane: Any) -> None:
        super().__init__(pane)
        self._pane = pane
        self._items: list[Annotation] = []
        self._undo: list[tuple[Annotation, ...]] = []
        self._redo: list[tuple[Annotation, ...]] = []
        self._draft: Annotation | None = None
        self._stroke: list[tuple[float, float]] = []
        self._press_at: QPointF | None = None
        self._last_screen: QPointF | None = None
        self._selected = -1
        self._move: tuple[tuple[float, float], Annotation, bool] | None = None   # (grab point, original, moved)
        self._tool = ""
        self._colour = DEFAULT_COLOUR
        self._width = DEFAULT_WIDTH
        self._build_actions()
        self._reference = None          # the frozen frame the marks are drawn on (a Frame)
        pane.set_annotation_layer(self)
        pane.freezeChanged.connect(self._freeze_changed)
        pane.followChanged.connect(self._follow_changed)
        self._sync_actions()

    # -- actions ----------------------------------------------------------------------
    def _action(self, text: str, shortcuts: list | str | QKeySequence.StandardKey | None, slot,
                checkable: bool = False, tip: str = "") -> QAction:
        a = QAction(text, self)
        if shortcuts:
            seqs = shortcuts if isinstance(shortcuts, list) else [shortcuts]
            a.setShortcuts([s if isinstance(s, QKeySequence) else QKeySequence(s) for s in seqs])
            a.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        a.setCheckable(checkable)
        keys = a.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        tip = tip or _plain(text)
        a.setToolTip(f"{tip} ({keys})" if keys else tip)
        a.setStatusTip(tip)
        a.triggered.connect(slot)
        return a

    def _build_actions(self) -> None:
        self.tool_group = QActionGroup(self)
        self.tool_group.setExclusionPolicy(QActionGroup.ExclusionPolicy.ExclusiveOptional)
        specs = {
            "pil": (self.tr("&Pil"), "1", self.tr("Pil: dra fra halen til spissen")),
            "sirkel": (self.tr("&Sirkel"), "2", self.tr("Sirkel eller ellipse: dra over det som skal rammes inn")),
            "rektangel": (self.tr("&Rektangel"), "3", self.tr("Rektangel: dra fra hjørne til hjørne")),
            "tekst": (self.tr("&Tekst"), "4", self.tr("Tekst: klikk der teksten skal stå")),
            "penn": (self.tr("Fri&hånd"), "5", self.tr("Frihåndspenn: tegn med musen")),
            "nummer": (self.tr("&Nummer"), "6", self.tr("Nummermerke: klikk for 1, 2, 3 … i rekkefølge")),
            "velg": (self.tr("&Velg og flytt"), "V", self.tr("Velg en tegning, dra for å flytte, Delete fjerner")),
        }
        self.tool_actions: dict[str, QAction] = {}
        for kind, (text, key, tip) in specs.items():
            a = self._action(text, key, lambda _=False, k=kind: self.set_tool(k), True, tip)
            a.setData(kind)
            self.tool_group.addAction(a)
            self.tool_actions[kind] = a
        self.act_undo = self._action(self.tr("&Angre"), [QKeySequence.StandardKey.Undo], self.undo,
                                     tip=self.tr("Angre siste endring"))
        self.act_redo = self._action(self.tr("&Gjør om"), ["Ctrl+Shift+Z", "Ctrl+Y"], self.redo,
                                     tip=self.tr("Gjør om det som ble angret"))
        self.act_delete = self._action(self.tr("&Slett valgt tegning"), ["Delete", "Backspace"], self.delete_selected)
        self.act_clear = self._action(self.tr("&Fjern alle tegninger"), None, self.clear)
        self.act_leave = self._action(self.tr("&Legg fra deg verktøyet"), "Esc", self.escape)
        self.act_follow = self._action(self.tr("&Følg merkene"), "G", self.follow,
                                       tip=self.tr("Merkene følger tingen når bildet går videre"))
        self.act_stop_follow = self._action(self.tr("&Slutt å følge"), "Esc", self.stop_following,
                                            tip=self.tr("Merkene fjernes, bildet går videre"))
        self.act_thinner = self._action(self.tr("&Tynnere strek"), "[", lambda: self._step_width(-1))
        self.act_thicker = self._action(self.tr("T&ykkere strek"), "]", lambda: self._step_width(1))
        self.colour_group = QActionGroup(self)
        names = {"rød": self.tr("Rød"), "gul": self.tr("Gul"), "grønn": self.tr("Grønn"), "blå": self.tr("Blå"), "hvit": self.tr("Hvit")}
        self.colour_actions: list[QAction] = []
        for key, hex_colour in COLOURS.items():
            a = self._action(names[key], None, lambda _=False, c=hex_colour: self.set_colour(c), True,
                             self.tr("Farge: {0}").format(names[key]))
            a.setData(hex_colour)
            a.setChecked(hex_colour == self._colour)
            self.colour_group.addAction(a)
            self.colour_actions.append(a)
        self.width_group = QActionGroup(self)
        width_names = {2: self.tr("Tynn"), 3: self.tr("Middels"), 5: self.tr("Tykk"), 8: self.tr("Ekstra tykk")}
        self.width_actions: list[QAction] = []
        for width, _name in WIDTHS:
            a = self._action(width_names[width], None, lambda _=False, w=width: self.set_width(w), True,
                             self.tr("Strek: {0}").format(width_names[width]))
            a.setData(width)
            a.setChecked(width == self._width)
            self.width_group.addAction(a)
            self.width_actions.append(a)
        # shortcuts work wherever the pane's window has focus, also without a menu
        self._pane.addActions([*self.tool_actions.values(), self.act_undo, self.act_redo, self.act_delete,
                               self.act_leave, self.act_thinner, self.act_thicker, self.act_follow,
                               self.act_stop_follow])

    def build_menu(self, menu: QMenu) -> None:
        """Fill the «Annoter» menu: tools, colour, width, undo/redo, delete, clear."""
        menu.setToolTipsVisible(True)
        for a in self.tool_actions.values():
            menu.addAction(a)
        menu.addAction(self.act_leave)
        colours = menu.addMenu(self.tr("&Farge"))
        for a in self.colour_actions:
            colours.addAction(a)
        widths = menu.addMenu(self.tr("S&trek"))
        for a in self.width_actions:
            widths.addAction(a)
        widths.addSeparator()
        widths.addAction(self.act_thinner)
        widths.addAction(self.act_thicker)
        menu.addSeparator()
        for a in (self.act_undo, self.act_redo, self.act_delete, self.act_clear):
            menu.addAction(a)
        menu.addSeparator()
        menu.addAction(self.act_follow)
        menu.addAction(self.act_stop_follow)

    def build_toolbar(self, parent: QWidget | None = None) -> QToolBar:
        """A tool bar with the tools, colour and width menus and undo/redo; every button has an
        accessible name and its shortcut in the description (for screen readers)."""
        tb = QToolBar(self.tr("Tegneverktøy"), parent)
        tb.setObjectName("annotationToolbar")
        tb.setAccessibleName(self.tr("Tegneverktøy"))
        tb.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for a in self.tool_actions.values():
            tb.addAction(a)
        tb.addSeparator()
        tb.addAction(self.act_follow)
        tb.addAction(self.act_stop_follow)
        tb.addSeparator()
        for title, acts in ((self.tr("Farge"), self.colour_actions), (self.tr("Strek"), self.width_actions)):
            m = QMenu(title, tb)
            for a in acts:
                m.addAction(a)
            button = QToolButton(tb)
            button.setText(title)
            button.setMenu(m)
            button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
            button.setAccessibleName(title)
            tb.addWidget(button)
        tb.addSeparator()
        for a in (self.act_undo, self.act_redo, self.act_delete, self.act_clear):
            tb.addAction(a)
        for a in tb.actions():
            w = tb.widgetForAction(a)
            if w is not None and a.text():
                w.setAccessibleName(_plain(a.text()))
                keys = a.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
                w.setAccessibleDescription(self.tr("{0} – hurtigtast {1}").format(a.statusTip(), keys)
                                           if keys else a.statusTip())
        return tb

    def _sync_actions(self) -> None:
        frozen = self._pane.is_frozen
        for a in (*self.tool_actions.values(), *self.colour_actions, *self.width_actions,
                  self.act_thinner, self.act_thicker):
            a.setEnabled(frozen)
        for kind, a in self.tool_actions.items():
            a.setChecked(kind == self._tool)
        self.act_undo.setEnabled(frozen and bool(self._undo))
        self.act_redo.setEnabled(frozen and bool(self._redo))
        self.act_delete.setEnabled(frozen and self._selected >= 0)
        following = self._pane.following
        self.act_clear.setEnabled((frozen or following) and bool(self._items))
        self.act_leave.setEnabled(bool(self._tool))
        self.act_follow.setEnabled(frozen and bool(self._items) and not self._pane.is_privacy_paused)
        self.act_stop_follow.setEnabled(following)

    # -- state --------------------------------------------------------------------------
    @property
    def tool(self) -> str:
        return self._tool

    @property
    def colour(self) -> str:
        return self._colour

    @property
    def width(self) -> int:
        return self._width

    @property
    def annotations(self) -> list[Annotation]:
        return list(self._items)

    @property
    def selected(self) -> int:
        """Index of the picked mark (select tool), -1 for none."""
        return self._selected

    def to_json(self) -> list[dict[str, Any]] | None:
        """The marks as stored on the snapshot (None when there are none)."""
        return to_json_list(self._items) or None

    def snapshot_json(self) -> list[dict[str, Any]] | None:
        """The marks to store with a snapshot of the picture shown now: the drawn marks on a
        frozen picture; while following, the marks where the tracker placed them on the picture
        shown (those it found on the object), so a snapshot taken while following keeps them."""
        if self._pane.is_frozen:
            return self.to_json()
        if self._pane.following:
            frame = self._pane.current_frame()
            if frame is not None:
                return to_json_list(self._carry_over(self._pane.follow_result, frame.width, frame.height)) or None
        return None

    def _image_size(self) -> tuple[int, int] | None:
        frame = self._pane.current_frame() if self._pane.is_frozen else None
        return (frame.width, frame.height) if frame is not None else None

    @Slot(str)
    def set_tool(self, kind: str) -> None:
        """Pick a tool ("" puts it down). Only while the picture is frozen."""
        kind = kind or ""
        if kind and (kind not in self.tool_actions or not self._pane.is_frozen):
            kind = ""
        self._cancel_drag()
        changed = kind != self._tool
        self._tool = kind
        if kind != "velg":
            self._select(-1)
        if kind == "velg":
            self._pane.setCursor(Qt.CursorShape.ArrowCursor)
        elif kind:
            self._pane.setCursor(Qt.CursorShape.IBeamCursor if kind == "tekst" else Qt.CursorShape.CrossCursor)
        else:
            self._pane.unsetCursor()
        self._sync_actions()
        self._pane.update()
        if changed:
            self.toolChanged.emit(kind)

    @Slot()
    def escape(self) -> None:
        """Esc: drop the drag in progress; else put the tool down."""
        if self._draft is not None or self._stroke or self._move is not None:
            self._cancel_drag(restore=True)
            self._pane.update()
            return
        self.set_tool("")

    @Slot(str)
    def set_colour(self, hex_colour: str) -> None:
        """The colour of the next mark; with a mark picked, that mark takes it too (one undo step)."""
        self._colour = hex_colour
        for a in self.colour_actions:
            a.setChecked(a.data() == hex_colour)
        self._restyle(colour=hex_colour)

    @Slot(int)
    def set_width(self, width: int) -> None:
        """The stroke width (1–12) of the next mark; with a mark picked, that mark takes it too."""
        width = max(1, min(MAX_WIDTH, int(width)))
        self._width = width
        for a in self.width_actions:
            a.setChecked(a.data() == width)
        self._restyle(width=width)

    def _step_width(self, step: int) -> None:
        steps = [w for w, _ in WIDTHS]
        now = self._width
        if step > 0:
            bigger = [w for w in steps if w > now]
            self.set_width(bigger[0] if bigger else min(MAX_WIDTH, now + 1))
        else:
            smaller = [w for w in steps if w < now]
            self.set_width(smaller[-1] if smaller else max(1, now - 1))

    def _restyle(self, colour: str | None = None, width: int | None = None) -> None:
        if self._selected < 0 or not self._pane.is_frozen:
            return
        old = self._items[self._selected]
        size = self._image_size()
        try:
            new = old.styled(colour, width)
            if size is not None:
                new = fit_to_image(new, *size)      # a thicker label may need to move inside
        except HmsError as exc:
            self.failed.emit(exc.message)
            return
        if new != old:
            self._commit([*self._items[:self._selected], new, *self._items[self._selected + 1:]])

    # -- changes and history -------------------------------------------------------------
    def _commit(self, items: list[Annotation]) -> None:
        """Make ``items`` the marks, as one undo step."""
        self._undo.append(tuple(self._items))
        del self._undo[:-HISTORY]
        self._redo.clear()
        self._items = list(items)
        if self._selected >= len(self._items):
            self._select(-1)
        self._changed()

    def add(self, annotation: Annotation) -> bool:
        """Keep ``annotation`` (placed on the picture first). False, with :attr:`failed`, if it
        cannot be placed."""
        size = self._image_size()
        try:
            placed = fit_to_image(annotation, *size) if size is not None else annotation
        except HmsError as exc:
            self.failed.emit(exc.message)
            return False
        self._commit([*self._items, placed])
        return True

    @Slot()
    def undo(self) -> None:
        if self._undo and self._drag_idle():
            self._redo.append(tuple(self._items))
            self._items = list(self._undo.pop())
            self._select(-1)
            self._changed()

    @Slot()
    def redo(self) -> None:
        if self._redo and self._drag_idle():
            self._undo.append(tuple(self._items))
            self._items = list(self._redo.pop())
            self._select(-1)
            self._changed()

    @Slot()
    def delete_selected(self) -> None:
        if 0 <= self._selected < len(self._items):
            i = self._selected
            self._select(-1)
            self._commit([*self._items[:i], *self._items[i + 1:]])

    @Slot()
    def clear(self) -> None:
        """Remove every mark (one undo step); while following, following ends."""
        self._cancel_drag()
        if self._pane.following:
            self._pane.stop_following()     # forgets the marks (see _follow_changed)
            return
        if self._items:
            self._select(-1)
            self._commit([])

    # -- following -------------------------------------------------------------------------
    @Slot()
    def follow(self) -> None:
        """«Følg»: the picture goes live again and the marks follow the object."""
        if self._pane.is_frozen and self._items:
            self._pane.unfreeze()           # _freeze_changed starts following

    @Slot()
    def stop_following(self) -> None:
        """«Slutt å følge»: the marks are removed, the live picture goes on."""
        self._pane.stop_following()

    @Slot(str)
    def _follow_changed(self, state: str) -> None:
        if not state and not self._pane.is_frozen:
            self._reference = None
            self._forget()                  # following ended: the marks belonged to it
        self._sync_actions()

    def _carry_over(self, result: TrackResult | None, width: int, height: int) -> list[Annotation]:
        """The followed marks moved to where the object is in the picture just frozen: those the
        tracker placed on it (found, in the picture, supported by the fit), fitted to the picture."""
        if result is None or result.homography is None:
            return []
        out = []
        for mark, placed in zip(self._items, result.marks_in_frame):
            if not (placed.in_frame and placed.supported and placed.opacity > 0):
                continue
            pts = map_points(result.homography, mark.points)
            try:
                out.append(fit_to_image(mark.with_points(tuple((float(x), float(y)) for x, y in pts)), width, height))
            except (HmsError, ValueError):
                continue
        return out

    def _forget(self) -> None:
        """A new picture: no marks, no history."""
        self._cancel_drag()
        self._select(-1)
        had = bool(self._items)
        self._items.clear()
        self._undo.clear()
        self._redo.clear()
        if had:
            self._changed()

    def _changed(self) -> None:
        self._sync_actions()
        self._pane.update()
        self.annotationsChanged.emit(len(self._items))

    def _select(self, index: int) -> None:
        if index != self._selected:
            self._selected = index
            self._sync_actions()
            self._pane.update()
            self.selectionChanged.emit(index)

    def _drag_idle(self) -> bool:
        return self._draft is None and not self._stroke and self._move is None

    def _cancel_drag(self, restore: bool = False) -> None:
        if restore and self._move is not None and self._move[2]:
            # put the mark back where it was (the move is not in the history yet)
            _grab, original, _moved = self._move
            self._items[self._selected] = original
            self._changed()
        self._draft, self._stroke, self._press_at, self._move, self._last_screen = None, [], None, None, None

    @Slot(bool)
    def _freeze_changed(self, frozen: bool) -> None:
        if frozen:
            frame = self._pane.current_frame()
            if self._pane.following and frame is not None:
                # freezing while following: the marks stay on the object, in the new picture
                carried = self._carry_over(self._pane.follow_result, frame.width, frame.height)
                self._forget()
                if carried:
                    self._items = carried
                    self._changed()
            self._reference = frame
        else:
            reference, self._reference = self._reference, None
            self.set_tool("")
            if not (self._items and reference is not None and self._pane.start_following(reference, self._items)):
                self._forget()
            else:                           # the marks are the followed ones now: no undo into the frozen frame
                self._undo.clear()
                self._redo.clear()
                self._select(-1)
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
                mark = Annotation("tekst", (point,), self._colour, self._width, value)
                size = self._image_size()
                mark = fit_to_image(mark, *size) if size is not None else mark
            except HmsError as exc:
                # say why, and ask again with what was typed (nothing is lost)
                self.failed.emit(exc.message)
                typed, label = value, exc.message
                continue
            self._commit([*self._items, mark])
            return

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

    def _screen_scale(self) -> float:
        """Screen pixels per image pixel in the pane's view now."""
        t = self._pane.view_transform()
        return math.sqrt(abs(t.m11() * t.m22() - t.m12() * t.m21())) if t is not None else 1.0

    def _on_picture(self, point: tuple[float, float]) -> bool:
        size = self._image_size()
        return size is not None and 0 <= point[0] <= size[0] and 0 <= point[1] <= size[1]

    def _placed(self, mark: Annotation) -> Annotation | None:
        size = self._image_size()
        try:
            return fit_to_image(mark, *size) if size is not None else mark
        except HmsError:
            return None

    def pick(self, point: tuple[float, float]) -> int:
        """Index of the topmost mark at ``point`` (image pixels), -1 for none."""
        size = self._image_size()
        if size is None:
            return -1
        tol = PICK_PX / max(self._screen_scale(), 1e-6)
        best, best_d = -1, tol
        for i in range(len(self._items) - 1, -1, -1):
            d = distance_to(self._items[i], point, *size)
            if d <= best_d and (best < 0 or d < best_d):
                best, best_d = i, d
                if d == 0:
                    break
        return best

    def mouse_press(self, event: QMouseEvent) -> bool:
        if not self.wants_mouse or event.button() != Qt.MouseButton.LeftButton:
            return False
        point = self._to_image(event.position())
        if point is None:
            return False
        if self._tool == "velg":
            index = self.pick(point)
            self._select(index)
            if index >= 0:
                self._move = (point, self._items[index], False)
                self._press_at = QPointF(event.position())
            return True
        if not self._on_picture(point):
            self.failed.emit(self.tr("Tegn på bildet – punktet er utenfor."))
            return True
        if self._tool == "tekst":
            self._add_text_at(point)
            return True
        if self._tool == "nummer":
            self.add(Annotation("nummer", (point,), self._colour, self._width, number=next_number(self._items)))
            return True
        self._press_at = QPointF(event.position())
        self._last_screen = QPointF(event.position())
        if self._tool == "penn":
            self._stroke = [point]
            self._draft = None
        else:
            self._draft = Annotation(self._tool, (point, point), self._colour, self._width)
        self._pane.update()
        return True

    def mouse_move(self, event: QMouseEvent) -> bool:
        if self._move is not None:
            self._drag_selected(event.position())
            return True
        if self._draft is None and not self._stroke:
            return False
        point = self._to_image(event.position())
        if point is None:
            return True
        if self._stroke:
            last = self._last_screen
            if last is None or math.dist((last.x(), last.y()), (event.position().x(), event.position().y())) >= PEN_STEP_PX:
                self._stroke.append(point)
                self._last_screen = QPointF(event.position())
        else:
            self._draft = self._draft.moved_to(1, point)
        self._pane.update()
        return True

    def _drag_selected(self, pos: QPointF) -> None:
        point = self._to_image(pos)
        if point is None or self._move is None:
            return
        grab, original, _moved = self._move
        dx, dy = point[0] - grab[0], point[1] - grab[1]
        size = self._image_size()
        if size is not None:
            # the mark stays on the picture: it slides along the edge instead of leaving it
            x0, y0, x1, y1 = bounds(original, *size)
            dx = min(max(dx, min(0.0, -x0)), max(0.0, size[0] - x1))
            dy = min(max(dy, min(0.0, -y0)), max(0.0, size[1] - y1))
        moved = original.translated(dx, dy)
        if size is not None and fit_to_image_safe(moved, *size) != moved:
            return
        self._items[self._selected] = moved
        self._move = (grab, original, True)
        self._pane.update()

    def mouse_release(self, event: QMouseEvent) -> bool:
        if event.button() != Qt.MouseButton.LeftButton:
            return False
        if self._move is not None:
            self._drag_selected(event.position())
            _grab, original, moved = self._move
            self._move, self._press_at = None, None
            now = self._items[self._selected]
            if moved and now != original:
                self._items[self._selected] = original
                self._commit([*self._items[:self._selected], now, *self._items[self._selected + 1:]])
            return True
        if self._draft is None and not self._stroke:
            return False
        point = self._to_image(event.position())
        dragged = self._press_at is not None and math.dist(
            (self._press_at.x(), self._press_at.y()), (event.position().x(), event.position().y()))
        if self._stroke:
            pts = self._stroke + ([point] if point is not None and point != self._stroke[-1] else [])
            self._stroke, self._press_at, self._last_screen = [], None, None
            if dragged and dragged >= MIN_DRAG_PX and len(pts) >= 2:
                tol = 0.5 / max(self._screen_scale(), 1e-6)      # half a screen pixel
                self.add(Annotation("penn", tuple(simplify_stroke(pts, tol)), self._colour, self._width))
            else:
                self._pane.update()
            return True
        draft = self._draft if point is None else self._draft.moved_to(1, point)
        self._draft, self._press_at, self._last_screen = None, None, None
        if dragged and dragged >= MIN_DRAG_PX:
            self.add(draft)
        else:
            self._pane.update()
        return True

    # -- painting (called by the pane over the frozen frame) -----------------------------------
    def _drafts(self) -> list[Annotation]:
        out = []
        if self._draft is not None:
            placed = self._placed(self._draft)      # the preview stops at the edge, as the kept mark will
            if placed is not None:
                out.append(placed)
        if len(self._stroke) >= 2:
            placed = self._placed(Annotation("penn", tuple(self._stroke), self._colour, self._width))
            if placed is not None:
                out.append(placed)
        return out

    def paint_tracked(self, p: QPainter, transform: QTransform, result: TrackResult) -> None:
        """Paint the followed marks over a live frame: through the tracker's fit for that frame
        (``result.shown_homography``, reference pixels → frame pixels) and ``transform``
        (frame pixels → device), each at the opacity the tracker gives it (faded when lost)."""
        h = result.shown_homography
        if h is None or not result.marks_in_frame:
            return
        ref_w, ref_h = self._reference_size(result)
        p.save()
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        p.setTransform(homography_transform(h) * transform)
        for placed in result.marks_in_frame:
            if placed.opacity <= 0.0 or not placed.in_frame:
                continue
            p.setOpacity(min(1.0, placed.opacity))
            paint_marks(p, [placed.annotation], ref_w, ref_h)
        p.restore()

    def _reference_size(self, result: TrackResult) -> tuple[int, int]:
        ref = self._pane.follow_reference
        if ref is not None:
            return ref.width, ref.height
        return self._pane.width(), self._pane.height()

    def paint(self, p: QPainter, transform: QTransform, image_w: int, image_h: int,
              preview: bool = True) -> None:
        items = self._items + (self._drafts() if preview else [])
        if not items:
            return
        p.save()
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        p.setTransform(transform)
        paint_marks(p, items, image_w, image_h)
        if preview and 0 <= self._selected < len(self._items):
            x0, y0, x1, y1 = bounds(self._items[self._selected], image_w, image_h)
            pad = 4 / max(self._screen_scale(), 1e-6)
            rect = QRectF(QPointF(x0 - pad, y0 - pad), QPointF(x1 + pad, y1 + pad))
            for colour, style in ((QColor(255, 255, 255), Qt.PenStyle.SolidLine), (QColor(0, 0, 0), Qt.PenStyle.DashLine)):
                pen = QPen(colour, 0)       # cosmetic: one screen pixel at any zoom
                pen.setStyle(style)
                p.setPen(pen)
                p.setBrush(Qt.BrushStyle.NoBrush)
                p.drawRect(rect)
        p.restore()


def fit_to_image_safe(mark: Annotation, image_w: int, image_h: int) -> Annotation | None:
    try:
        return fit_to_image(mark, image_w, image_h)
    except HmsError:
        return None


# -- drawing marks with QPainter (the preview; also usable for a share view) ------------------

def homography_transform(h: Any) -> QTransform:
    """The 3×3 homography ``h`` (numpy, column-vector convention, as
    :attr:`hms_desk.video.tracking.TrackResult.shown_homography`) as a :class:`QTransform`
    (Qt keeps the transposed, row-vector form).  To draw tracked marks over a live frame:
    ``p.setTransform(homography_transform(h) * view_transform)``, then :func:`paint_marks` with
    the *reference* frame's size, at :attr:`TrackedMark.opacity`."""
    return QTransform(float(h[0][0]), float(h[1][0]), float(h[2][0]),
                      float(h[0][1]), float(h[1][1]), float(h[2][1]),
                      float(h[0][2]), float(h[1][2]), float(h[2][2]))


def paint_marks(p: QPainter, items: list[Annotation], image_w: int, image_h: int) -> None:
    """Paint ``items`` in image coordinates (``p``'s transform maps image pixels to the device),
    the way :func:`hms_desk.video.annotate.render` burns them in."""
    for a in items:
        if a.kind == "tekst":
            _paint_text(p, a, image_w, image_h)
        elif a.kind == "nummer":
            _paint_marker(p, a, image_w, image_h)
        else:
            t = stroke_px(image_w, image_h, a.width)
            outline = max(1.0, t / 3.0)
            _paint_shape(p, a, QColor(*contrast_of(a.colour)), t, 2 * outline)
            _paint_shape(p, a, _qcolor(a.colour), t, 0.0)


def _paint_shape(p: QPainter, a: Annotation, colour: QColor, stroke: float, edge: float) -> None:
    pen = QPen(colour, stroke + edge)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    p.setPen(pen)
    p.setBrush(Qt.BrushStyle.NoBrush)
    if a.kind == "penn":
        p.drawPolyline(QPolygonF([QPointF(x, y) for x, y in a.points]))
        return
    (x1, y1), (x2, y2) = a.points
    if a.kind == "pil":
        head = arrow_head((x1, y1), (x2, y2), stroke)
        if head is None:
            return
        tip, left, right = head
        p.drawLine(QPointF(x1, y1), QPointF((left[0] + right[0]) / 2, (left[1] + right[1]) / 2))
        tri = QPolygonF([QPointF(*tip), QPointF(*left), QPointF(*right)])
        if edge > 0:
            p.setPen(QPen(colour, edge, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin))
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


def _paint_text(p: QPainter, a: Annotation, image_w: int, image_h: int) -> None:
    size = text_px(image_w, image_h, a.width)
    font = _label_font(size)
    x, y = a.points[0]
    path = QPainterPath()
    path.addText(QPointF(x, y + QFontMetricsF(font).ascent()), font, a.text)
    stroke = text_outline_px(size)
    p.setPen(QPen(QColor(*contrast_of(a.colour)), 2 * stroke, Qt.PenStyle.SolidLine,
                  Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin))
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawPath(path)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(_qcolor(a.colour))
    p.drawPath(path)


def _paint_marker(p: QPainter, a: Annotation, image_w: int, image_h: int) -> None:
    r = marker_radius(image_w, image_h, a.width)
    rim = max(1.0, r / 8)
    (x, y) = a.points[0]
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor(*contrast_of(a.colour)))
    p.drawEllipse(QPointF(x, y), r, r)
    p.setBrush(_qcolor(a.colour))
    p.drawEllipse(QPointF(x, y), r - rim, r - rim)
    path = QPainterPath()
    ox, oy = marker_text_origin(a, image_w, image_h)
    path.addText(QPointF(ox, oy), _label_font(marker_font_px(image_w, image_h, a.width)), str(a.number))
    p.setBrush(QColor(*contrast_of(a.colour)))
    p.drawPath(path)
