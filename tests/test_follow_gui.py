"""«Følg» in the GUI: marks drawn on a frozen frame follow the object in the live picture.

A scripted source moves a picture by a known number of pixels per frame (and can
show nothing to follow), through the real pipeline, pane, tracker thread and painter.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator

import cv2
import numpy as np
import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QImage

from hms_desk.ui.annotation_layer import AnnotationLayer
from hms_desk.ui.video_pane import VideoPane
from hms_desk.video.annotate import Annotation
from hms_desk.video.demo_scene import DemoScene
from hms_desk.video.tracking import MarkTracker, map_points

TIMEOUT_MS = 15_000
W, H = 960, 540
MARGIN = 160
MARK = (480.0, 250.0)          # where the numbered marker is drawn, in reference pixels
STEP = 3                       # pixels the picture moves per frame while it moves


@pytest.fixture(scope="module")
def canvas() -> np.ndarray:
    """A grey picture (no red in it: the red marker is found by its colour), with room to move."""
    scene = DemoScene().render(5)
    grey = cv2.cvtColor(cv2.cvtColor(cv2.resize(scene, (W, H), interpolation=cv2.INTER_AREA),
                                     cv2.COLOR_BGR2GRAY), cv2.COLOR_GRAY2BGR)
    return cv2.copyMakeBorder(grey, MARGIN, MARGIN, MARGIN, MARGIN, cv2.BORDER_REFLECT)


class MovingSource:
    """A paced source (25 fps) whose picture moves right by ``STEP`` px per frame towards
    ``target``; ``lost`` shows a flat wall with nothing to follow.  Remembers each frame's shift."""

    name = "Prøvebilde"
    live = False

    def __init__(self, canvas: np.ndarray) -> None:
        self._canvas = canvas
        self._closed = threading.Event()
        self.target = 0
        self.lost = False
        self._shift = 0
        self._index = 0
        self.shift_of: dict[int, int | None] = {}

    @property
    def fps(self) -> float:
        return 25.0

    @property
    def size(self) -> tuple[int, int]:
        return W, H

    def open(self) -> None:
        self._closed.clear()

    def read(self) -> np.ndarray | None:
        if self._closed.wait(0.04):         # the source's own pace (the camera), not the test's
            return None
        if self._shift != self.target:
            self._shift += max(-STEP, min(STEP, self.target - self._shift))
        if self.lost:
            image = np.full((H, W, 3), 128, np.uint8)
            self.shift_of[self._index] = None
        else:
            x = MARGIN - self._shift
            image = self._canvas[MARGIN:MARGIN + H, x:x + W].copy()
            self.shift_of[self._index] = self._shift
        self._index += 1
        return image

    def skip(self) -> bool:
        return self.read() is not None

    def close(self) -> None:
        self._closed.set()


def _make_pane(qtbot, source, **kwargs) -> tuple[VideoPane, AnnotationLayer]:
    widget = VideoPane(**kwargs)
    layer = AnnotationLayer(widget)
    qtbot.addWidget(widget)
    widget.resize(800, 450)
    widget.show()
    qtbot.waitExposed(widget)
    with qtbot.waitSignal(widget.frameShown, timeout=TIMEOUT_MS):
        widget.start_source(source)
    return widget, layer


@pytest.fixture
def moving(qtbot, canvas) -> Iterator[tuple[VideoPane, AnnotationLayer, MovingSource]]:
    source = MovingSource(canvas)
    widget, layer = _make_pane(qtbot, source)
    yield widget, layer, source
    widget.shutdown(wait_s=2.0)


def _freeze_with_marker(qtbot, widget: VideoPane, layer: AnnotationLayer) -> None:
    with qtbot.waitSignal(widget.freezeChanged, timeout=TIMEOUT_MS):
        assert widget.freeze()
    assert layer.add(Annotation("nummer", (MARK,), width=5, number=1))


def _pixels(widget) -> np.ndarray:
    img = widget.grab().toImage().convertToFormat(QImage.Format.Format_RGB888)
    w, h, bpl = img.width(), img.height(), img.bytesPerLine()
    return np.frombuffer(img.constBits(), np.uint8).reshape(h, bpl)[:, : w * 3].reshape(h, w, 3).copy()


def _red_centre(rgb: np.ndarray) -> tuple[float, float] | None:
    r, g, b = (rgb[:, :, i].astype(int) for i in range(3))
    red = (r > 170) & (g < 90) & (b < 90)
    red[:50, :] = False                 # the indicator badge in the top left corner
    if red.sum() < 30:
        return None
    ys, xs = np.nonzero(red)
    return float(xs.mean()), float(ys.mean())


def test_unfreezing_with_marks_follows_them_as_the_picture_moves(qtbot, moving) -> None:
    widget, layer, source = moving
    _freeze_with_marker(qtbot, widget, layer)
    reference = widget.current_frame()
    s0 = source.shift_of[reference.seq]
    assert layer.act_follow.isEnabled() and not layer.act_stop_follow.isEnabled()

    errors: list[float] = []

    def check() -> None:                # every painted frame while following: the marker where the picture is
        shown = widget.displayed()
        if shown is None or shown[1] is None or shown[1].homography is None:
            return
        frame, result, _frozen = shown
        shift = source.shift_of[frame.seq]
        got = map_points(result.shown_homography, [MARK])[0]
        errors.append(float(np.hypot(got[0] - (MARK[0] + shift - s0), got[1] - MARK[1])))

    with qtbot.waitSignal(widget.freezeChanged, timeout=TIMEOUT_MS):
        widget.unfreeze()               # unfreezing with marks on the picture starts following
    assert widget.following and layer.annotations and layer.act_stop_follow.isEnabled()
    widget.frameShown.connect(check)
    qtbot.waitUntil(lambda: widget.follow_state == "følger", timeout=TIMEOUT_MS)
    source.target = 90                  # the camera pans: the picture moves 90 px to the right
    qtbot.waitUntil(lambda: (widget.displayed() is not None and widget.follow_result is not None
                             and widget.follow_result.found
                             and source.shift_of.get(widget.displayed()[0].seq) == 90), timeout=TIMEOUT_MS)
    widget.frameShown.disconnect(check)
    assert len(errors) >= 10, "too few tracked frames were painted"
    assert max(errors) <= 3.0, errors
    assert widget.follow_state == "følger" and widget.accessibleDescription() == "Følger"
    # on screen: the red marker sits where the object went, 90 px (in picture pixels) right of where it was drawn
    frame_seq = widget.displayed()[0].seq
    expected = widget.view_transform().map(QPointF(MARK[0] + 90 - s0, MARK[1]))
    start = widget.view_transform().map(QPointF(*MARK))
    centre = _red_centre(_pixels(widget))
    assert widget.displayed()[0].seq >= frame_seq
    assert centre is not None
    assert abs(centre[0] - expected.x()) <= 3 and abs(centre[1] - expected.y()) <= 3
    assert expected.x() - start.x() > 60          # it really moved on screen
    # the tracker worked off the GUI thread and dropped no frame it could keep up with
    handled, _dropped = widget.follower.counts
    assert handled >= 10


def test_follow_action_then_escape_stops_and_removes_the_marks(qtbot, moving) -> None:
    widget, layer, source = moving
    assert not layer.act_follow.isEnabled()           # live picture: nothing to follow
    with qtbot.waitSignal(widget.freezeChanged, timeout=TIMEOUT_MS):
        widget.freeze()
    assert not layer.act_follow.isEnabled()           # frozen, but no marks: nothing to follow
    with qtbot.waitSignal(widget.freezeChanged, timeout=TIMEOUT_MS):
        widget.unfreeze()
    assert not widget.following
    _freeze_with_marker(qtbot, widget, layer)
    widget.activateWindow()
    qtbot.waitActive(widget)
    qtbot.keyClick(widget, Qt.Key.Key_G)               # «Følg»
    assert widget.following and not widget.is_frozen
    qtbot.waitUntil(lambda: widget.follow_state == "følger", timeout=TIMEOUT_MS)
    qtbot.waitUntil(lambda: _red_centre(_pixels(widget)) is not None, timeout=TIMEOUT_MS)
    with qtbot.waitSignal(widget.followChanged, timeout=TIMEOUT_MS) as blocker:
        qtbot.keyClick(widget, Qt.Key.Key_Escape)      # «Slutt å følge»
    assert blocker.args == [""]
    assert not widget.following and layer.annotations == [] and widget.follow_result is None
    assert _red_centre(_pixels(widget)) is None
    qtbot.waitUntil(lambda: not widget.follower.running, timeout=TIMEOUT_MS)


def test_clearing_the_marks_stops_following(qtbot, moving) -> None:
    widget, layer, _source = moving
    _freeze_with_marker(qtbot, widget, layer)
    layer.follow()
    assert widget.following and layer.act_clear.isEnabled()
    layer.act_clear.trigger()
    assert not widget.following and layer.annotations == []


def test_freezing_again_keeps_the_marks_where_the_object_is(qtbot, moving) -> None:
    widget, layer, source = moving
    _freeze_with_marker(qtbot, widget, layer)
    s0 = source.shift_of[widget.current_frame().seq]
    layer.follow()
    source.target = 45
    qtbot.waitUntil(lambda: (widget.follow_state == "følger" and widget.displayed() is not None
                             and source.shift_of.get(widget.displayed()[0].seq) == 45), timeout=TIMEOUT_MS)
    with qtbot.waitSignal(widget.freezeChanged, timeout=TIMEOUT_MS):
        widget.freeze()
    assert widget.is_frozen and not widget.following
    assert source.shift_of[widget.current_frame().seq] == 45      # the picture shown with the marks
    [mark] = layer.annotations
    assert mark.kind == "nummer" and mark.number == 1
    assert abs(mark.points[0][0] - (MARK[0] + 45 - s0)) <= 3 and abs(mark.points[0][1] - MARK[1]) <= 3
    assert layer.tool_actions["pil"].isEnabled()                  # and can be drawn on again


def test_a_snapshot_while_following_keeps_the_marks_where_the_object_is(qtbot, moving) -> None:
    widget, layer, source = moving
    _freeze_with_marker(qtbot, widget, layer)
    s0 = source.shift_of[widget.current_frame().seq]
    layer.follow()
    source.target = 30
    qtbot.waitUntil(lambda: (widget.follow_state == "følger" and widget.displayed() is not None
                             and source.shift_of.get(widget.displayed()[0].seq) == 30), timeout=TIMEOUT_MS)
    frame = widget.current_frame()
    assert source.shift_of[frame.seq] == 30 and widget.following
    [mark] = layer.snapshot_json()
    assert mark["kind"] == "nummer"
    (x, y), = mark["points"][:1]
    assert abs(x - (MARK[0] + 30 - s0)) <= 3 and abs(y - MARK[1]) <= 3


def test_lost_object_fades_the_marks_and_says_mistet_then_finds_it_again(qtbot, moving) -> None:
    widget, layer, source = moving
    _freeze_with_marker(qtbot, widget, layer)
    layer.follow()
    qtbot.waitUntil(lambda: widget.follow_state == "følger" and _red_centre(_pixels(widget)) is not None,
                    timeout=TIMEOUT_MS)
    opacities: list[float] = []
    widget.frameShown.connect(lambda _seq: opacities.append(widget.follow_result.opacity)
                              if widget.follow_result is not None else None)
    source.lost = True                  # a hand in front: nothing to follow
    qtbot.waitUntil(lambda: widget.follow_state == "mistet" and widget.follow_result is not None
                    and widget.follow_result.opacity == 0.0, timeout=TIMEOUT_MS)
    assert any(0.0 < o < 1.0 for o in opacities), opacities       # faded, not cut
    assert widget.accessibleDescription() == "Mistet"
    assert _red_centre(_pixels(widget)) is None                   # the marks are hidden
    shot = _pixels(widget)
    badge = shot[12:36, 14:90]
    assert ((badge[:, :, 0] > 140) & (badge[:, :, 1] < 60)).mean() > 0.3      # the red «Merker: Mistet» badge
    assert widget.following                                        # still looking for it
    source.lost = False
    qtbot.waitUntil(lambda: widget.follow_state == "følger" and _red_centre(_pixels(widget)) is not None,
                    timeout=TIMEOUT_MS)


class _HeldTracker(MarkTracker):
    """A tracker whose update waits until the test lets it go (an answer in flight)."""

    entered = threading.Event()
    release = threading.Event()

    def update(self, frame_bgr):
        type(self).entered.set()
        type(self).release.wait(10)
        return super().update(frame_bgr)


def test_privacy_pause_stops_following_and_drops_the_answer_in_flight(qtbot, canvas) -> None:
    _HeldTracker.entered.clear()
    _HeldTracker.release.clear()
    source = MovingSource(canvas)
    widget, layer = _make_pane(qtbot, source, tracker_factory=_HeldTracker)
    try:
        _freeze_with_marker(qtbot, widget, layer)
        layer.follow()
        qtbot.waitUntil(_HeldTracker.entered.is_set, timeout=TIMEOUT_MS)      # an update is in flight
        with qtbot.waitSignal(widget.followChanged, timeout=TIMEOUT_MS) as blocker:
            widget.set_privacy_paused(True)
        assert blocker.args == [""] and not widget.following and layer.annotations == []
        with qtbot.assertNotEmitted(widget.frameShown):
            _HeldTracker.release.set()
            qtbot.waitUntil(lambda: not widget.follower.running, timeout=TIMEOUT_MS)
            qtbot.waitUntil(lambda: widget.follower.counts[0] >= 1, timeout=TIMEOUT_MS)
        assert widget.follow_result is None and widget.displayed() is None
        # after the pause the live picture comes back without marks, not following
        with qtbot.waitSignal(widget.frameShown, timeout=TIMEOUT_MS):
            widget.set_privacy_paused(False)
        assert not widget.following and widget.follow_state == ""
    finally:
        _HeldTracker.release.set()
        widget.shutdown(wait_s=2.0)


class _BrokenTracker(MarkTracker):
    def update(self, frame_bgr):
        raise RuntimeError("sporingsfeil i testen")


def test_a_tracker_error_reaches_the_crash_path(qtbot, canvas) -> None:
    source = MovingSource(canvas)
    widget, layer = _make_pane(qtbot, source, tracker_factory=_BrokenTracker)
    reports: list[tuple] = []
    widget.set_error_reporter(lambda *info: reports.append(info))
    try:
        _freeze_with_marker(qtbot, widget, layer)
        layer.follow()
        qtbot.waitUntil(lambda: bool(reports), timeout=TIMEOUT_MS)
        exc_type, exc, _tb = reports[0]
        assert exc_type is RuntimeError and "sporingsfeil" in str(exc)
        assert not widget.following and layer.annotations == []
    finally:
        widget.shutdown(wait_s=2.0)


@pytest.mark.slow
def test_window_follow_action_is_in_the_menu_and_tool_bar_and_errors_open_the_crash_dialog(
        window, qtbot, monkeypatch) -> None:
    layer, video = window.annotations, window.video
    assert layer.act_follow in window.annotation_menu.actions()
    assert layer.act_stop_follow in window.annotation_menu.actions()
    button = window.annotation_toolbar.widgetForAction(layer.act_follow)
    assert button is not None and button.accessibleName() == "Følg merkene"
    assert "G" in button.accessibleDescription()
    assert layer.act_stop_follow.shortcut().toString() == "Esc"

    monkeypatch.setattr(MarkTracker, "update", lambda self, frame: 1 / 0)
    qtbot.waitUntil(lambda: video.current_frame() is not None, timeout=TIMEOUT_MS)
    with qtbot.waitSignal(video.freezeChanged, timeout=TIMEOUT_MS):
        window.act_freeze.trigger()
    assert layer.add(Annotation("pil", ((300.0, 300.0), (500.0, 400.0))))
    with qtbot.waitSignal(window.crash_signal.shown, timeout=TIMEOUT_MS) as blocker:
        layer.act_follow.trigger()
    dialog = blocker.args[0]
    assert "ZeroDivisionError" in window.crash_signal.reports[0]
    assert not video.following
    dialog.close()
