"""The share view: one action opens and closes a clean window with the picture and its marks,
live, faces blurred — or blank when the blur cannot vouch for a frame."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QWidget

from hms_desk.ui.share_view import ShareView
from hms_desk.video.annotate import Annotation
from hms_desk.video.demo_scene import DemoScene
from hms_desk.video.live_blur import LiveBlur
from hms_desk.video.tracking import map_points

TIMEOUT_MS = 20_000

pytestmark = pytest.mark.slow


def _pixels(widget) -> np.ndarray:
    img = widget.grab().toImage().convertToFormat(QImage.Format.Format_RGB888)
    w, h, bpl = img.width(), img.height(), img.bytesPerLine()
    return np.frombuffer(img.constBits(), np.uint8).reshape(h, bpl)[:, : w * 3].reshape(h, w, 3).copy()


def _open(window, qtbot) -> ShareView:
    window.act_share.trigger()
    view = window.share_view
    assert isinstance(view, ShareView)
    qtbot.waitExposed(view)
    return view


def _blur_ok(window) -> bool:
    shown = window.video.displayed()
    return shown is not None and shown[0].coverage is not None and shown[0].coverage.guaranteed


def test_the_action_opens_a_clean_live_window_and_closes_it(window, qtbot) -> None:
    assert window.act_share in window.video_menu.actions()
    assert window.act_share.shortcut().toString() == "Ctrl+Shift+D"
    qtbot.waitUntil(lambda: window.video.current_frame() is not None, timeout=TIMEOUT_MS)
    view = _open(window, qtbot)
    assert view.isWindow() and view.parent() is None          # its own window: not minimised with the main one
    assert view.size().width() == 1280 and view.size().height() == 720
    assert view.windowTitle() == "HMS Desk – bilde til deling"
    assert view.findChildren(QWidget) == []                   # no controls, no case data: only the picture
    assert window.act_share.isChecked()
    # live: the counter goes up
    qtbot.waitUntil(lambda: view.frames_shown >= 1, timeout=TIMEOUT_MS)
    first = view.frames_shown
    qtbot.waitUntil(lambda: view.frames_shown >= first + 5, timeout=TIMEOUT_MS)
    # the same action (its shortcut) closes it
    window.activateWindow()
    qtbot.waitActive(window)
    with qtbot.waitSignal(view.closed, timeout=TIMEOUT_MS):
        qtbot.keyClick(window, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert window.share_view is None and not window.act_share.isChecked()
    # and opens it again
    view = _open(window, qtbot)
    with qtbot.waitSignal(view.closed, timeout=TIMEOUT_MS):
        window.act_share.trigger()


def test_the_video_keeps_running_for_the_share_view_while_the_window_is_minimised(window, qtbot) -> None:
    video = window.video
    qtbot.waitUntil(lambda: video.current_frame() is not None, timeout=TIMEOUT_MS)
    view = _open(window, qtbot)
    window.showMinimized()
    qtbot.waitUntil(lambda: window.isMinimized(), timeout=TIMEOUT_MS)
    assert not video.in_standby
    count = view.frames_shown
    qtbot.waitUntil(lambda: view.frames_shown >= count + 5, timeout=TIMEOUT_MS)   # still live
    with qtbot.waitSignal(view.closed, timeout=TIMEOUT_MS):
        window.act_share.trigger()
    qtbot.waitUntil(lambda: video.in_standby, timeout=TIMEOUT_MS)                 # nobody looks any more
    window.showNormal()
    qtbot.waitUntil(lambda: not video.in_standby, timeout=TIMEOUT_MS)


def _red_near(rgb: np.ndarray, x: float, y: float, r: int = 10) -> bool:
    patch = rgb[max(0, int(y) - r):int(y) + r, max(0, int(x) - r):int(x) + r].astype(int)
    red = (patch[:, :, 0] > 170) & (patch[:, :, 1] < 90) & (patch[:, :, 2] < 90)
    return red.sum() >= 20


def test_marks_are_shown_frozen_and_while_following(window, qtbot) -> None:
    video, layer = window.video, window.annotations
    window.live_blur.set_enabled(False)         # the marks, not the blur, are tested here
    qtbot.waitUntil(lambda: video.current_frame() is not None and video.coverage is None, timeout=TIMEOUT_MS)
    view = _open(window, qtbot)
    with qtbot.waitSignal(video.freezeChanged, timeout=TIMEOUT_MS):
        window.act_freeze.trigger()
    frame = video.current_frame()
    mark = (640.0, 470.0)                       # on the wheelchair's seat box in the demo scene
    with qtbot.waitSignal(view.framePainted, timeout=TIMEOUT_MS):
        assert layer.add(Annotation("nummer", (mark,), width=6, number=1))
    at = view._transform(frame.width, frame.height).map(QPointF(*mark))
    assert _red_near(_pixels(view), at.x(), at.y())
    # following: the share view shows the tracked frames with the marks through their fit
    layer.follow()
    qtbot.waitUntil(lambda: video.follow_state == "følger", timeout=TIMEOUT_MS)
    count = view.frames_shown
    qtbot.waitUntil(lambda: view.frames_shown >= count + 3, timeout=TIMEOUT_MS)
    shown = video.displayed()
    assert shown is not None and shown[1] is not None and shown[1].shown_homography is not None
    x, y = map_points(shown[1].shown_homography, [mark])[0]
    at = view._transform(shown[0].width, shown[0].height).map(QPointF(x, y))
    assert _red_near(_pixels(view), at.x(), at.y(), r=14)
    with qtbot.waitSignal(view.closed, timeout=TIMEOUT_MS):
        view.close()


def test_faces_are_blurred_in_the_share_view(window, qtbot) -> None:
    """Live blur on (the default): the share view shows the blurred frame the pane paints."""
    video = window.video
    assert window.live_blur.enabled
    view = _open(window, qtbot)
    qtbot.waitUntil(lambda: _blur_ok(window) and video.coverage.faces >= 1 and view.showing_picture,
                    timeout=TIMEOUT_MS)
    with qtbot.waitSignal(view.framePainted, timeout=TIMEOUT_MS):
        view.update()
    frame = video.displayed()[0]
    assert view.shown_image() is frame.image                 # exactly the pane's blurred picture
    boxes = window.live_blur.blur.boxes()
    assert boxes
    raw = DemoScene().render(frame.seq)                       # the same frame before the blur
    for b in boxes:
        before = raw[b.y1:b.y2, b.x1:b.x2].astype(int)
        after = view.shown_image()[b.y1:b.y2, b.x1:b.x2].astype(int)
        assert np.abs(before - after).mean() > 8, "a face reached the share view unblurred"
    with qtbot.waitSignal(view.closed, timeout=TIMEOUT_MS):
        view.close()


def test_a_failed_blur_blanks_the_share_view_while_the_pane_still_shows_the_picture(window, qtbot) -> None:
    """The detector fails (fail-closed state «feil»; the technician's own view keeps the picture
    with a warning by the setting): the share view never shows that picture, only the blank."""
    video = window.video

    def broken():
        raise RuntimeError("ingen ansiktsmodell i testen")

    window.live_blur.set_enabled(False)
    blur = LiveBlur(broken, blank_on_failure=False)
    try:
        video.set_processor(blur)
        qtbot.waitUntil(lambda: video.coverage is not None and video.coverage.state == "feil", timeout=TIMEOUT_MS)
        assert not video.coverage.blanked                       # the pane shows the picture (with a warning)
        assert _pixels(video).std() > 30
        view = _open(window, qtbot)
        seen: list[tuple[bool, bool]] = []

        def painted(_count: int) -> None:
            shown = video.displayed()
            seen.append((shown[0].coverage.guaranteed, view.showing_picture))
        view.framePainted.connect(painted)
        qtbot.waitUntil(lambda: len(seen) >= 5, timeout=TIMEOUT_MS)
        assert all(not guaranteed and not showing for guaranteed, showing in seen), seen
        shot = _pixels(view)
        image = view.shown_image()
        assert image is not None and (image == 0).all(axis=2).mean() > 0.8     # black, with the banner
        assert (shot.max(axis=2) < 20).mean() > 0.7                            # and that is what is on screen
        band = (shot[:, :, 0] > 150) & (shot[:, :, 1] < 60)
        assert band.mean() > 0.03                                              # the red banner says why
        with qtbot.waitSignal(view.closed, timeout=TIMEOUT_MS):
            view.close()
    finally:
        video.set_processor(None)
        blur.stop()


def test_privacy_pause_shows_nothing_in_the_share_view(window, qtbot) -> None:
    video = window.video
    qtbot.waitUntil(lambda: video.current_frame() is not None, timeout=TIMEOUT_MS)
    view = _open(window, qtbot)
    window.act_privacy.trigger()
    assert video.is_privacy_paused
    view.repaint()
    assert view.shown_image() is None and not view.showing_picture
    shot = _pixels(view)
    assert (shot.max(axis=2) < 40).mean() > 0.9
    window.act_privacy.trigger()
    with qtbot.waitSignal(view.closed, timeout=TIMEOUT_MS):
        view.close()


def test_closing_the_main_window_closes_the_share_view(gui_core, qtbot) -> None:
    from hms_desk.ui.application import build_window

    win = build_window(gui_core)
    qtbot.addWidget(win)
    win.show()
    try:
        view = _open(win, qtbot)
        with qtbot.waitSignal(view.closed, timeout=TIMEOUT_MS):
            win.close()
        assert not view.isVisible()
    finally:
        win.live_blur.shutdown()
        win.video.shutdown()
