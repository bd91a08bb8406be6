"""Drawing on the frozen frame in the video pane, and the Annoter menu in the main window."""

from __future__ import annotations

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

    # unfreezing clears the drawings and puts the tool down
    with qtbot.waitSignal(widget.freezeChanged, timeout=TIMEOUT_MS):
        widget.unfreeze()
    assert layer.annotations == [] and layer.tool == ""
    assert not layer.tool_actions["pil"].isEnabled() and not layer.act_undo.isEnabled()


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
        qtbot.waitUntil(lambda: video.current_frame() is not None, timeout=15_000)
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
        assert layer.annotations == [] and not layer.tool_actions["pil"].isEnabled()
        with gui_core.db.session() as s:
            assert len(s.scalars(select(Snapshot)).all()) == 1
    finally:
        win.video.shutdown()
