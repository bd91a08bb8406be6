"""Drawing on the frozen frame in the video pane, and the Annoter menu in the main window."""

from __future__ import annotations

import math
import os
from collections.abc import Iterator

import numpy as np
import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QImage
from sqlalchemy import select

from hms_desk.storage.models import Snapshot
from hms_desk.ui.annotation_layer import AnnotationLayer
from hms_desk.ui.application import build_window
from hms_desk.ui.video_pane import VideoPane
from hms_desk.video import DemoSource
from hms_desk.video.demo_scene import DemoScene
from conftest import picture_shown

TIMEOUT_MS = 10_000


@pytest.fixture(scope="module")
def scene() -> DemoScene:
    return DemoScene()


@pytest.fixture
def pane(qtbot, scene: DemoScene) -> Iterator[tuple[VideoPane, AnnotationLayer]]:
    widget = VideoPane()
    layer = AnnotationLayer(widget)
    qtbot.addWidget(widget)
    widget.resize(800, 450)
    widget.show()
    qtbot.waitExposed(widget)
    with qtbot.waitSignal(widget.frameShown, timeout=TIMEOUT_MS):
        widget.start_source(DemoSource(scene=scene))
    yield widget, layer
    widget.shutdown()


def _pixels(widget) -> np.ndarray:
    img = widget.grab().toImage().convertToFormat(QImage.Format.Format_RGB888)
    w, h, bpl = img.width(), img.height(), img.bytesPerLine()
    return np.frombuffer(img.constBits(), np.uint8).reshape(h, bpl)[:, : w * 3].reshape(h, w, 3).copy()


def _screen(pane: VideoPane, x: float, y: float) -> QPoint:
    p = pane.view_transform().map(QPointF(x, y))
    return QPoint(round(p.x()), round(p.y()))


def _drag(qtbot, pane: VideoPane, a: QPoint, b: QPoint) -> None:
    qtbot.mousePress(pane, Qt.MouseButton.LeftButton, pos=a)
    mid = QPoint((a.x() + b.x()) // 2, (a.y() + b.y()) // 2)
    qtbot.mouseMove(pane, mid)
    qtbot.mouseMove(pane, b)
    qtbot.mouseRelease(pane, Qt.MouseButton.LeftButton, pos=b)


def _red(px) -> bool:
    r, g, b = (int(v) for v in px)
    return r > 170 and g < 100 and b < 100


def test_tools_only_while_frozen(qtbot, pane) -> None:
    widget, layer = pane
    assert not layer.tool_actions["pil"].isEnabled()
    layer.set_tool("pil")
    assert layer.tool == ""                                    # live video: no drawing
    widget.set_zoom(2.0)
    with qtbot.waitSignal(widget.freezeChanged, timeout=TIMEOUT_MS):
        widget.freeze()
    assert layer.tool_actions["pil"].isEnabled()
    widget.activateWindow()
    qtbot.waitActive(widget)
    qtbot.keyClick(widget, Qt.Key.Key_2)
    assert layer.tool == "sirkel" and layer.act_leave.isEnabled()
    qtbot.keyClick(widget, Qt.Key.Key_Escape)
    assert layer.tool == ""
    qtbot.keyClick(widget, Qt.Key.Key_1)
    assert layer.tool == "pil"
    layer.act_leave.trigger()
    assert layer.tool == ""
    # without a tool a drag still pans the zoomed picture (the pane's own behaviour)
    before = widget.view_transform().map(QPointF(0, 0))
    _drag(qtbot, widget, QPoint(400, 225), QPoint(300, 200))
    assert widget.view_transform().map(QPointF(0, 0)) != before
    assert layer.annotations == []


def test_arrow_drawn_zoomed_in_stays_on_the_picture(qtbot, pane, tmp_path) -> None:
    widget, layer = pane
    with qtbot.waitSignal(widget.freezeChanged, timeout=TIMEOUT_MS):
        widget.freeze()
    frozen = widget.current_frame().image
    widget.set_zoom(2.5)
    widget.pan_by(-120, 40)
    layer.set_tool("pil")
    tail, tip = (560.0, 300.0), (700.0, 380.0)                 # image pixels of the 1280×720 frame
    with qtbot.waitSignal(layer.annotationsChanged, timeout=TIMEOUT_MS):
        _drag(qtbot, widget, _screen(widget, *tail), _screen(widget, *tip))
    [arrow] = layer.annotations
    assert arrow.kind == "pil"
    scale = 1 / widget.view_transform().m11()                  # one screen pixel in image pixels
    for got, want in zip(arrow.points, (tail, tip)):
        assert got == pytest.approx(want, abs=scale + 0.01)
    assert layer.to_json()[0]["points"] == [list(arrow.points[0]), list(arrow.points[1])]
    # the arrow is painted where it belongs, also after zooming out and rotating the view
    mid = _screen(widget, (tail[0] + tip[0]) / 2, (tail[1] + tip[1]) / 2)
    assert _red(_pixels(widget)[mid.y(), mid.x()])
    widget.reset_view()
    widget.rotate_clockwise()
    assert layer.annotations == [arrow]                        # the view changed, the drawing did not
    mid = _screen(widget, (tail[0] + tip[0]) / 2, (tail[1] + tip[1]) / 2)
    assert _red(_pixels(widget)[mid.y(), mid.x()])
    assert np.array_equal(widget.current_frame().image, frozen)   # the frame itself is untouched

    # a click without a drag draws nothing; undo removes the last drawing
    layer.set_tool("rektangel")
    p = _screen(widget, 300, 300)
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=p)
    assert len(layer.annotations) == 1
    with qtbot.waitSignal(layer.annotationsChanged, timeout=TIMEOUT_MS):
        _drag(qtbot, widget, _screen(widget, 200, 150), _screen(widget, 420, 330))
    assert [a.kind for a in layer.annotations] == ["pil", "rektangel"]
    widget.activateWindow()
    qtbot.waitActive(widget)
    qtbot.keyClick(widget, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert [a.kind for a in layer.annotations] == ["pil"]

    # unfreezing puts the tool down; the marks follow the object (tests/test_follow_gui.py) until
    # «Slutt å følge» removes them
    with qtbot.waitSignal(widget.freezeChanged, timeout=TIMEOUT_MS):
        widget.unfreeze()
    assert layer.tool == "" and widget.following
    assert not layer.tool_actions["pil"].isEnabled() and not layer.act_undo.isEnabled()
    layer.stop_following()
    assert layer.annotations == [] and not widget.following


def test_text_tool_asks_and_keeps_refused_text(qtbot, pane, monkeypatch) -> None:
    widget, layer = pane
    with qtbot.waitSignal(widget.freezeChanged, timeout=TIMEOUT_MS):
        widget.freeze()
    asked: list[tuple[str, str]] = []
    answers = iter(["navn: Kari Nordmann", "Løs bøyle – stram skruen"])

    def ask(cls, parent, label, text=""):
        asked.append((label, text))
        return next(answers)
    monkeypatch.setattr(AnnotationLayer, "ask_text", classmethod(ask))
    failures: list[str] = []
    layer.failed.connect(failures.append)
    layer.set_tool("tekst")
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=_screen(widget, 100, 80))
    [label] = layer.annotations
    assert label.kind == "tekst" and label.text == "Løs bøyle – stram skruen"
    assert label.points[0] == pytest.approx((100, 80), abs=2)
    # the refused text was offered again with the reason, nothing typed was lost
    assert len(asked) == 2 and asked[1][1] == "navn: Kari Nordmann"
    assert failures and asked[1][0] == failures[0]


def test_screenshot_of_an_annotated_frozen_frame(qtbot, pane, monkeypatch, tmp_path) -> None:
    widget, layer = pane
    with qtbot.waitSignal(widget.freezeChanged, timeout=TIMEOUT_MS):
        widget.freeze()
    widget.set_zoom(1.25)
    for kind, a, b, colour in (("pil", (300, 560), (560, 420), "#e0202a"),
                               ("sirkel", (560, 260), (900, 560), "#ffd400"),
                               ("rektangel", (940, 120), (1240, 320), "#1e6fe0")):
        layer.set_colour(colour)
        layer.set_tool(kind)
        with qtbot.waitSignal(layer.annotationsChanged, timeout=TIMEOUT_MS):
            _drag(qtbot, widget, _screen(widget, *a), _screen(widget, *b))
    monkeypatch.setattr(AnnotationLayer, "ask_text", classmethod(lambda cls, parent, label, text="": "Bytt bøyle på hjul"))
    layer.set_colour("#ffffff")
    layer.set_tool("tekst")
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=_screen(widget, 240, 600))
    assert [a.kind for a in layer.annotations] == ["pil", "sirkel", "rektangel", "tekst"]
    out = os.environ.get("HMS_DESK_SCREENSHOT_DIR") or str(tmp_path)
    path = os.path.join(out, "annotated_pane.png")
    assert widget.grab().save(path)
    widget.reset_view()
    assert widget.grab().save(os.path.join(out, "annotated_pane_whole.png"))
    # the preview matches the burned-in picture where both show the arrow
    from hms_desk.video.annotate import render
    burned = render(widget.current_frame().image, layer.annotations)
    assert QImage(burned.data, 1280, 720, 1280 * 3, QImage.Format.Format_BGR888).save(
        os.path.join(out, "annotated_burned.png"))
    x, y = 430, 490                                            # middle of the arrow, image pixels
    assert _red(burned[y, x][::-1])
    p = _screen(widget, x, y)
    assert _red(_pixels(widget)[p.y(), p.x()])


@pytest.mark.slow
def test_annoter_menu_and_snapshot_with_drawings(gui_core, qtbot) -> None:
    win = build_window(gui_core)
    qtbot.addWidget(win)
    win.show()
    try:
        cp, video, layer = win.case_panel, win.video, win.annotations
        menus = [a.text() for a in win.menuBar().actions()]
        assert "&Annoter" in menus
        assert not layer.tool_actions["pil"].isEnabled()
        with qtbot.waitSignal(cp.caseStarted, timeout=10_000):
            win.act_new_case.trigger()
        qtbot.waitUntil(lambda: picture_shown(video), timeout=15_000)
        with qtbot.waitSignal(video.freezeChanged, timeout=5000):
            win.act_freeze.trigger()
        assert layer.tool_actions["pil"].isEnabled()
        layer.tool_actions["pil"].trigger()
        with qtbot.waitSignal(layer.annotationsChanged, timeout=5000):
            _drag(qtbot, video, _screen(video, 200, 200), _screen(video, 600, 400))
        with qtbot.waitSignal(cp.snapshotAdded, timeout=30_000) as blocker:
            win.act_snapshot.trigger()
        with gui_core.db.session() as s:
            snap = s.get(Snapshot, blocker.args[0])
            assert snap.annotations == layer.to_json()
            assert snap.annotations[0]["kind"] == "pil"
        with qtbot.waitSignal(video.freezeChanged, timeout=5000):
            win.act_freeze.trigger()
        assert video.following and not layer.tool_actions["pil"].isEnabled()    # the marks follow
        win.annotations.act_stop_follow.trigger()
        assert layer.annotations == [] and not video.following
        with gui_core.db.session() as s:
            assert len(s.scalars(select(Snapshot)).all()) == 1
    finally:
        win.video.shutdown()


def test_a_frozen_picture_is_searched_for_faces_before_its_snapshot(gui_core, qtbot, monkeypatch) -> None:
    """Freezing starts the still search at once (CPU door); the snapshot of that picture then
    uses it instead of searching again.  Without a case nothing is searched."""
    from hms_desk.video.anonymise import shared_anonymiser

    anon = shared_anonymiser()
    monkeypatch.setattr(anon, "_ahead", type(anon._ahead)())   # the demo repeats: forget earlier tests' searches
    searches: list[tuple[int, ...]] = []
    real = anon._detect_still
    monkeypatch.setattr(anon, "_detect_still", lambda bgr: searches.append(bgr.shape) or real(bgr))
    win = build_window(gui_core)
    qtbot.addWidget(win)
    win.show()
    try:
        cp, video = win.case_panel, win.video
        qtbot.waitUntil(lambda: picture_shown(video), timeout=15_000)
        with qtbot.waitSignal(video.freezeChanged, timeout=5000):
            win.act_freeze.trigger()
        qtbot.waitUntil(lambda: win.ops.running == 0, timeout=5000)
        assert searches == []                                   # no case: nothing to store, no search
        with qtbot.waitSignal(video.freezeChanged, timeout=5000):
            win.act_freeze.trigger()
        with qtbot.waitSignal(cp.caseStarted, timeout=10_000):
            win.act_new_case.trigger()
        qtbot.waitUntil(lambda: picture_shown(video), timeout=15_000)
        with qtbot.waitSignal(video.freezeChanged, timeout=5000):
            win.act_freeze.trigger()
        qtbot.waitUntil(lambda: len(searches) == 1 and win.ops.running == 0, timeout=30_000)
        with qtbot.waitSignal(cp.snapshotAdded, timeout=30_000) as blocker:
            win.act_snapshot.trigger()
        assert len(searches) == 1                               # the snapshot used that search
        with gui_core.db.session() as s:
            snap = s.get(Snapshot, blocker.args[0])
            assert (snap.width, snap.height) == (searches[0][1], searches[0][0])
    finally:
        win.video.shutdown()


# -- the full tool set ----------------------------------------------------------------------

def _freeze(qtbot, widget) -> None:
    with qtbot.waitSignal(widget.freezeChanged, timeout=TIMEOUT_MS):
        widget.freeze()
    widget.activateWindow()
    qtbot.waitActive(widget)


def _stroke(qtbot, pane: VideoPane, points: list[tuple[float, float]]) -> None:
    """Press at the first image point, move through the others, release at the last."""
    screen = [_screen(pane, *p) for p in points]
    qtbot.mousePress(pane, Qt.MouseButton.LeftButton, pos=screen[0])
    for s in screen[1:]:
        qtbot.mouseMove(pane, s)
    qtbot.mouseRelease(pane, Qt.MouseButton.LeftButton, pos=screen[-1])


def test_every_tool_has_a_key_and_the_toolbar_has_accessible_names(qtbot, pane) -> None:
    widget, layer = pane
    keys = {kind: a.shortcut().toString() for kind, a in layer.tool_actions.items()}
    assert keys == {"pil": "1", "sirkel": "2", "rektangel": "3", "tekst": "4", "penn": "5", "nummer": "6",
                    "velg": "V"}
    assert layer.act_leave.shortcut().toString() == "Esc"
    assert [s.toString() for s in layer.act_redo.shortcuts()] == ["Ctrl+Shift+Z", "Ctrl+Y"]
    assert layer.act_undo.shortcut().toString() == "Ctrl+Z"
    tb = layer.build_toolbar(widget)
    qtbot.addWidget(tb)
    assert tb.accessibleName() == "Tegneverktøy"
    names = {}
    for a in layer.tool_actions.values():
        button = tb.widgetForAction(a)
        assert button is not None and button.accessibleName(), a.text()
        assert a.shortcut().toString() in button.accessibleDescription()
        names[a.data()] = button.accessibleName()
    assert names["penn"] == "Frihånd" and names["nummer"] == "Nummer" and names["velg"] == "Velg og flytt"
    for a in (layer.act_undo, layer.act_redo):
        assert tb.widgetForAction(a).accessibleName() in ("Angre", "Gjør om")
    _freeze(qtbot, widget)
    for kind, key in (("penn", Qt.Key.Key_5), ("nummer", Qt.Key.Key_6), ("velg", Qt.Key.Key_V),
                      ("tekst", Qt.Key.Key_4), ("rektangel", Qt.Key.Key_3)):
        qtbot.keyClick(widget, key)
        assert layer.tool == kind
        assert layer.tool_actions[kind].isChecked()
    qtbot.keyClick(widget, Qt.Key.Key_Escape)
    assert layer.tool == ""


def test_pen_and_numbered_markers_zoomed_and_rotated(qtbot, pane) -> None:
    widget, layer = pane
    _freeze(qtbot, widget)
    widget.set_zoom(2.0)
    widget.rotate_clockwise()
    widget.pan_by(60, -30)
    layer.set_colour("#18b84a")
    qtbot.keyClick(widget, Qt.Key.Key_5)
    path = [(500.0 + 6 * i, 300.0 + 40 * math.sin(i / 4)) for i in range(30)]
    with qtbot.waitSignal(layer.annotationsChanged, timeout=TIMEOUT_MS):
        _stroke(qtbot, widget, path)
    [pen] = layer.annotations
    assert pen.kind == "penn" and pen.colour == "#18b84a"
    scale = 1 / layer._screen_scale()                          # one screen pixel in image pixels
    assert pen.points[0] == pytest.approx(path[0], abs=scale + 0.01)
    assert pen.points[-1] == pytest.approx(path[-1], abs=scale + 0.01)
    # the simplified stroke still runs through the drawn path
    from hms_desk.video.annotate import distance_to
    for x, y in path:
        assert distance_to(pen, (x, y), 1280, 720) <= 1.0
    qtbot.keyClick(widget, Qt.Key.Key_6)
    for x in (560.0, 620.0, 680.0):
        qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=_screen(widget, x, 420.0))
    numbers = [a for a in layer.annotations if a.kind == "nummer"]
    assert [a.number for a in numbers] == [1, 2, 3]
    assert numbers[1].points[0] == pytest.approx((620.0, 420.0), abs=scale + 0.01)
    # undo takes the 3 back; the next marker is 3 again, then redo is gone
    qtbot.keyClick(widget, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert [a.number for a in layer.annotations if a.kind == "nummer"] == [1, 2]
    assert layer.act_redo.isEnabled()
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=_screen(widget, 700.0, 420.0))
    assert [a.number for a in layer.annotations if a.kind == "nummer"] == [1, 2, 3]
    assert not layer.act_redo.isEnabled()
    # painted where they are: the green stroke and the marker disc
    shot = _pixels(widget)
    x, y = pen.points[len(pen.points) // 2]
    p = _screen(widget, x, y)
    r, g, b = (int(v) for v in shot[p.y(), p.x()])
    assert g > 140 and r < 90
    from hms_desk.video.annotate import marker_radius
    rad = marker_radius(1280, 720, layer.width)
    p = _screen(widget, 620.0, 420.0 - 0.65 * rad)
    r, g, b = (int(v) for v in shot[p.y(), p.x()])               # the green disc above the digit
    assert g > 140 and r < 90
    p = _screen(widget, 620.0, 420.0 - 1.3 * rad)                # outside the disc: no green
    r, g, b = (int(v) for v in shot[p.y(), p.x()])
    assert not (g > 140 and r < 90)


def test_select_move_restyle_delete_with_undo_and_redo(qtbot, pane) -> None:
    widget, layer = pane
    _freeze(qtbot, widget)
    widget.set_zoom(1.5)
    widget.rotate_clockwise()
    layer.set_tool("rektangel")
    with qtbot.waitSignal(layer.annotationsChanged, timeout=TIMEOUT_MS):
        _drag(qtbot, widget, _screen(widget, 400, 250), _screen(widget, 600, 400))
    [box] = layer.annotations
    qtbot.keyClick(widget, Qt.Key.Key_V)
    assert layer.tool == "velg" and not layer.act_delete.isEnabled()
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=_screen(widget, 500, 300))   # inside, not on it
    assert layer.selected == -1
    with qtbot.waitSignal(layer.selectionChanged, timeout=TIMEOUT_MS):
        qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=_screen(widget, 500, 250))   # its top edge
    assert layer.selected == 0 and layer.act_delete.isEnabled()
    # drag it 100 px right and 50 px down (image pixels) in the rotated view
    with qtbot.waitSignal(layer.annotationsChanged, timeout=TIMEOUT_MS):
        _drag(qtbot, widget, _screen(widget, 500, 250), _screen(widget, 600, 300))
    [moved] = layer.annotations
    tol = 2 / layer._screen_scale() + 0.01
    assert moved.points[0] == pytest.approx((500, 300), abs=tol)
    assert moved.points[1] == pytest.approx((700, 450), abs=tol)
    # a colour picked while it is selected restyles it
    layer.colour_actions[3].trigger()                             # blå
    assert layer.annotations[0].colour == "#1e6fe0" and layer.annotations[0].points == moved.points
    qtbot.keyClick(widget, Qt.Key.Key_Delete)
    assert layer.annotations == []
    ctrl, shift = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(widget, Qt.Key.Key_Z, ctrl)                    # the delete undone
    assert layer.annotations[0].colour == "#1e6fe0"
    qtbot.keyClick(widget, Qt.Key.Key_Z, ctrl)                    # the colour
    assert layer.annotations == [moved]
    qtbot.keyClick(widget, Qt.Key.Key_Z, ctrl)                    # the move
    assert layer.annotations == [box]
    qtbot.keyClick(widget, Qt.Key.Key_Z, ctrl)                    # the drawing
    assert layer.annotations == [] and not layer.act_undo.isEnabled()
    for want in ([box], [moved]):
        qtbot.keyClick(widget, Qt.Key.Key_Z, ctrl | shift)
        assert layer.annotations == want
    qtbot.keyClick(widget, Qt.Key.Key_Y, ctrl)                    # Ctrl+Y redoes too
    assert layer.annotations[0].colour == "#1e6fe0"
    # clear is one step as well
    layer.act_clear.trigger()
    assert layer.annotations == []
    qtbot.keyClick(widget, Qt.Key.Key_Z, ctrl)
    assert len(layer.annotations) == 1


def test_marks_stop_at_the_edge_and_clicks_outside_are_refused(qtbot, pane, monkeypatch) -> None:
    widget, layer = pane
    _freeze(qtbot, widget)
    widget.set_zoom(0.6)                                          # the whole picture with room around it
    failures: list[str] = []
    layer.failed.connect(failures.append)
    layer.set_tool("rektangel")
    # dragged past the right and bottom edges: kept on the edge, and the preview showed that
    with qtbot.waitSignal(layer.annotationsChanged, timeout=TIMEOUT_MS):
        _drag(qtbot, widget, _screen(widget, 1000, 500), _screen(widget, 1400, 900))
    [box] = layer.annotations
    from hms_desk.video.annotate import stroke_px
    half = stroke_px(1280, 720, layer.width) / 2
    assert box.points[1] == pytest.approx((1280 - half, 720 - half))
    # a press outside the picture draws nothing and says why
    _drag(qtbot, widget, _screen(widget, -60, 300), _screen(widget, 200, 300))
    assert len(layer.annotations) == 1 and failures and "utenfor" in failures[-1]
    # a label near the right edge moves inside whole
    monkeypatch.setattr(AnnotationLayer, "ask_text", classmethod(lambda cls, parent, label, text="": "Bytt bøyle"))
    layer.set_tool("tekst")
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=_screen(widget, 1250, 100))
    label = layer.annotations[-1]
    from hms_desk.video.annotate import bounds
    x0, y0, x1, y1 = bounds(label, 1280, 720)
    assert x1 <= 1280 and label.points[0][0] < 1250
    # Esc drops a drag in progress first, then the tool
    layer.set_tool("pil")
    qtbot.mousePress(widget, Qt.MouseButton.LeftButton, pos=_screen(widget, 300, 300))
    qtbot.mouseMove(widget, _screen(widget, 500, 400))
    qtbot.keyClick(widget, Qt.Key.Key_Escape)
    qtbot.mouseRelease(widget, Qt.MouseButton.LeftButton, pos=_screen(widget, 500, 400))
    assert [a.kind for a in layer.annotations] == ["rektangel", "tekst"] and layer.tool == "pil"
    qtbot.keyClick(widget, Qt.Key.Key_Escape)
    assert layer.tool == ""


def test_screenshot_of_every_tool(qtbot, pane, monkeypatch, tmp_path) -> None:
    widget, layer = pane
    _freeze(qtbot, widget)
    widget.set_zoom(1.1)
    draws = (("pil", [(300, 560), (560, 420)], "#e0202a", 4),
             ("sirkel", [(560, 260), (900, 560)], "#ffd400", 3),
             ("rektangel", [(940, 120), (1240, 320)], "#1e6fe0", 3),
             ("penn", [(120 + 8 * i, 200 + 30 * math.sin(i / 3)) for i in range(25)], "#18b84a", 5))
    for kind, pts, colour, width in draws:
        layer.set_colour(colour)
        layer.set_width(width)
        layer.set_tool(kind)
        with qtbot.waitSignal(layer.annotationsChanged, timeout=TIMEOUT_MS):
            _stroke(qtbot, widget, pts)
    layer.set_colour("#ffd400")
    layer.set_tool("nummer")
    for x, y in ((620, 300), (1000, 420), (300, 480)):
        qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=_screen(widget, x, y))
    monkeypatch.setattr(AnnotationLayer, "ask_text", classmethod(lambda cls, parent, label, text="": "Bytt bøyle på hjul"))
    layer.set_colour("#ffffff")
    layer.set_tool("tekst")
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=_screen(widget, 240, 620))
    layer.set_tool("velg")
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=_screen(widget, 1090, 120))   # pick the rectangle
    assert layer.selected == 2
    assert [a.kind for a in layer.annotations] == ["pil", "sirkel", "rektangel", "penn", "nummer", "nummer",
                                                    "nummer", "tekst"]
    out = os.environ.get("HMS_DESK_SCREENSHOT_DIR") or str(tmp_path)
    assert widget.grab().save(os.path.join(out, "annotated_all_tools.png"))
    from hms_desk.video.annotate import marker_radius, render
    burned = render(widget.current_frame().image, layer.annotations)
    assert QImage(burned.data, 1280, 720, 1280 * 3, QImage.Format.Format_BGR888).save(
        os.path.join(out, "annotated_all_tools_burned.png"))
    shot = _pixels(widget)
    rad = marker_radius(1280, 720, 3)
    # the preview and the burned picture agree where the marks are
    for x, y in ((430, 490), (1000, 420 - 0.65 * rad), (120 + 8 * 12, 200 + 30 * math.sin(4))):
        p = _screen(widget, x, y)
        want = burned[int(y), int(x)][::-1].astype(int)
        got = shot[p.y(), p.x()].astype(int)
        assert np.abs(want - got).sum() < 90, ((x, y), want, got)


def test_tracked_marks_painted_through_the_homography(qtbot, tmp_path) -> None:
    """A live frame with the marks of the frozen frame drawn where the tracker says (the shape
    the video pane and share view will use): the arrow lands on the moved object."""
    import cv2

    from hms_desk.ui.annotation_layer import homography_transform, paint_marks
    from hms_desk.video.annotate import Annotation, render
    from hms_desk.video.tracking import MarkTracker, TrackState, map_points
    from PySide6.QtGui import QPainter

    scene = DemoScene()
    ref = scene.render(3)
    marks = [Annotation("pil", ((420.0, 300.0), (560.0, 380.0)), width=4),
             Annotation("sirkel", ((560.0, 260.0), (900.0, 560.0)), "#ffd400"),
             Annotation("nummer", ((960.0, 420.0),), "#1e6fe0", number=1),
             Annotation("tekst", ((600.0, 580.0),), "#ffffff", 3, "Bytt her")]
    g = np.array([[0.95, -0.17, 120.0], [0.17, 0.95, -20.0], [0.00002, 0.0, 1.0]])   # the camera moved
    to_cv = np.array([[1, 0, -0.5], [0, 1, -0.5], [0, 0, 1]])
    live = cv2.warpPerspective(ref, to_cv @ g @ np.linalg.inv(to_cv), (1280, 720), borderValue=(40, 40, 40))
    tracker = MarkTracker(ref, marks)
    first = tracker.update(live)
    assert first.found_by == "søk" and first.opacity == 0.5        # found: the marks fade in
    r = tracker.update(live)
    assert r.state is TrackState.FOLLOWING and r.opacity == 1.0
    img = QImage(np.ascontiguousarray(live).data, 1280, 720, 1280 * 3, QImage.Format.Format_BGR888).copy()
    p = QPainter(img)
    p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    p.setOpacity(r.opacity)
    p.setTransform(homography_transform(r.shown_homography))
    paint_marks(p, marks, 1280, 720)
    p.end()
    out = os.environ.get("HMS_DESK_SCREENSHOT_DIR") or str(tmp_path)
    assert img.save(os.path.join(out, "tracked_marks_live.png"))
    # the middle of the arrow's shaft, carried by the true motion, is red in the live picture
    (x, y), = map_points(g, [(455.0, 320.0)])
    c = img.pixelColor(int(x), int(y))
    assert c.red() > 170 and c.green() < 100 and c.blue() < 100
    # and it matches the arrow burned into the reference, moved the same way
    burned = render(ref, marks[:1])
    assert _red(burned[320, 455][::-1])
