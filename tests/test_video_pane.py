"""The live video pane: frames on screen, freeze, privacy pause, zoom, states."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtGui import QImage

from hms_desk.ui.video_pane import VideoPane
from hms_desk.video import DemoSource, FileSource
from hms_desk.video.demo_scene import DemoScene

TIMEOUT_MS = 10_000


@pytest.fixture(scope="module")
def scene() -> DemoScene:
    return DemoScene()


class LiveDemo(DemoSource):
    """The demo scene posing as a live stream, counting privacy-pause skips."""

    live = True

    def __init__(self, scene: DemoScene) -> None:
        super().__init__(scene=scene)
        self.skips = 0

    def skip(self) -> bool:
        self.skips += 1
        return super().skip()


def _video_threads() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name.startswith("video-") and t.is_alive()]


@pytest.fixture
def pane(qtbot) -> Iterator[VideoPane]:
    widget = VideoPane()
    qtbot.addWidget(widget)
    widget.resize(640, 360)
    widget.show()
    qtbot.waitExposed(widget)
    yield widget
    widget.shutdown()
    assert _video_threads() == []  # no thread outlives the pane


def _pixels(widget: VideoPane) -> np.ndarray:
    img = widget.grab().toImage().convertToFormat(QImage.Format.Format_RGB888)
    w, h, bpl = img.width(), img.height(), img.bytesPerLine()
    return np.frombuffer(img.constBits(), np.uint8).reshape(h, bpl)[:, : w * 3].reshape(h, w, 3).copy()


def _start_and_wait(qtbot, pane: VideoPane, source) -> int:
    with qtbot.waitSignal(pane.frameShown, timeout=TIMEOUT_MS) as blocker:
        pane.start_source(source)
    return int(blocker.args[0])


def test_frames_are_shown(qtbot, pane: VideoPane, scene: DemoScene) -> None:
    before = _pixels(pane)
    first = _start_and_wait(qtbot, pane, DemoSource(scene=scene))
    with qtbot.waitSignal(pane.frameShown, timeout=TIMEOUT_MS) as blocker:
        pass
    assert blocker.args[0] > first
    frame = pane.current_frame()
    assert frame is not None and frame.image.shape == (720, 1280, 3)
    after = _pixels(pane)
    assert after.std() > 20  # a real picture, not a flat background
    assert not np.array_equal(before, after)
    # current_frame is a private copy: drawing on it leaves the pane alone
    frame.image[:] = 0
    assert pane.current_frame().image.any()  # type: ignore[union-attr]


def test_freeze_holds_the_same_frame(qtbot, pane: VideoPane, scene: DemoScene) -> None:
    _start_and_wait(qtbot, pane, DemoSource(scene=scene))
    with qtbot.waitSignal(pane.freezeChanged, timeout=TIMEOUT_MS) as blocker:
        assert pane.freeze()
    assert blocker.args == [True] and pane.is_frozen
    held = pane.current_frame()
    assert held is not None
    shot = _pixels(pane)
    pipeline = pane.pipeline
    assert pipeline is not None
    with qtbot.assertNotEmitted(pane.frameShown):
        # the pane keeps taking new frames from the pipeline while frozen
        qtbot.waitUntil(lambda: pipeline.stats().frames_decoded >= held.seq + 6, timeout=TIMEOUT_MS)
        qtbot.waitUntil(lambda: pipeline.stats().last_consumed >= held.seq + 4, timeout=TIMEOUT_MS)
    assert pane.current_frame().seq == held.seq  # type: ignore[union-attr]
    assert np.array_equal(_pixels(pane), shot)
    with qtbot.waitSignal(pane.frameShown, timeout=TIMEOUT_MS) as shown:
        pane.unfreeze()
    assert shown.args[0] > held.seq and not pane.is_frozen


def test_privacy_pause_blacks_out_at_once(qtbot, pane: VideoPane, scene: DemoScene) -> None:
    source = LiveDemo(scene)
    _start_and_wait(qtbot, pane, source)
    with qtbot.waitSignal(pane.privacyChanged, timeout=TIMEOUT_MS) as blocker:
        pane.set_privacy_paused(True)
    assert blocker.args == [True] and pane.is_privacy_paused
    # no event loop turn needed: the picture is already gone
    assert pane.current_frame() is None
    assert not pane.freeze()
    shot = _pixels(pane)
    h, w = shot.shape[:2]
    for y, x in ((2, 2), (2, w - 3), (h - 3, 2), (h - 3, w - 3), (h // 10, w // 2)):
        assert shot[y, x].tolist() == [0, 0, 0]
    red = (shot[:, :, 0] > 150) & (shot[:, :, 1] < 60) & (shot[:, :, 2] < 60)
    white = (shot > 235).all(axis=2)
    assert red.mean() > 0.1  # the banner is big
    assert white[h // 3: 2 * h // 3].sum() > 200  # and has text on it
    black_or_banner = (shot.max(axis=2) < 8) | red | white | ((shot[:, :, 0] > 200) & (shot[:, :, 1] > 150))
    assert black_or_banner.mean() > 0.9  # nothing else: no picture under the banner

    # while paused the stream keeps going, but not one frame reaches the screen
    skips = source.skips
    with qtbot.assertNotEmitted(pane.frameShown):
        qtbot.waitUntil(lambda: source.skips >= skips + 10, timeout=TIMEOUT_MS)
    assert pane.current_frame() is None
    assert np.array_equal(_pixels(pane), shot)

    with qtbot.waitSignal(pane.frameShown, timeout=TIMEOUT_MS):
        pane.set_privacy_paused(False)
    assert pane.current_frame() is not None
    assert not np.array_equal(_pixels(pane), shot)


def test_privacy_pause_drops_a_frozen_frame(qtbot, pane: VideoPane, scene: DemoScene) -> None:
    _start_and_wait(qtbot, pane, DemoSource(scene=scene))
    pane.freeze()
    with qtbot.waitSignal(pane.freezeChanged, timeout=TIMEOUT_MS) as blocker:
        pane.set_privacy_paused(True)
    assert blocker.args == [False]
    assert pane.current_frame() is None and not pane.is_frozen
    assert pane.pipeline is not None and pane.pipeline.paused


def test_privacy_pause_before_start_delivers_nothing(qtbot, pane: VideoPane, scene: DemoScene) -> None:
    pane.set_privacy_paused(True)
    source = LiveDemo(scene)
    with qtbot.assertNotEmitted(pane.frameShown):
        pane.start_source(source)
        qtbot.waitUntil(lambda: source.skips >= 5, timeout=TIMEOUT_MS)
    assert pane.current_frame() is None


def test_zoom_pan_and_rotate_change_the_view(qtbot, pane: VideoPane, scene: DemoScene) -> None:
    _start_and_wait(qtbot, pane, DemoSource(scene=scene))
    pane.freeze()
    whole = _pixels(pane)

    pane.pan_by(80, 0)  # nothing to pan at 1:1
    assert np.array_equal(_pixels(pane), whole)

    with qtbot.waitSignal(pane.zoomChanged, timeout=TIMEOUT_MS):
        pane.zoom_in()
    pane.zoom_in()
    assert pane.zoom == pytest.approx(1.5625)
    zoomed = _pixels(pane)
    assert not np.array_equal(zoomed, whole)

    pane.pan_by(80, 0)
    panned = _pixels(pane)
    assert not np.array_equal(panned, zoomed)
    pane.pan_by(100_000, 0)  # clamped: the picture never leaves the pane
    assert pane.view_transform().map(0.0, 0.0)[0] <= 0.5  # type: ignore[union-attr]

    pane.reset_view()
    assert pane.zoom == 1.0
    assert np.array_equal(_pixels(pane), whole)
    pane.zoom_out()
    assert pane.zoom == 1.0  # never smaller than the whole picture

    pane.rotate_clockwise()
    rotated = _pixels(pane)
    assert pane.rotation == 90
    # a 16:9 picture standing on its side leaves dark bars left and right
    assert rotated[50:, :100].max() < 40 and rotated[:, -100:].max() < 40  # (badge at the top)
    pane.rotate_counterclockwise()
    assert np.array_equal(_pixels(pane), whole)


def test_bars_beside_the_picture_are_background_and_the_picture_fills_the_rest(
        qtbot, pane: VideoPane, scene: DemoScene) -> None:
    """Only the bars beside the picture are filled (the picture paints the rest): they are
    the background colour, however the picture moved, and no pixel is left unpainted."""
    pane.resize(640, 480)  # a 16:9 picture in a 4:3 pane: bars above and below
    _start_and_wait(qtbot, pane, DemoSource(scene=scene))
    pane.freeze()
    background = [16, 17, 20]
    top = round((480 - 360) / 2)

    def check(shot: np.ndarray, bars: list[tuple[slice, slice]], picture: tuple[slice, slice]) -> None:
        for rows, cols in bars:
            assert (shot[rows, cols] == background).all()
        inside = shot[picture]
        assert not (inside == background).all(axis=2).all(axis=1).any()  # no row of it left as background

    check(_pixels(pane), [(slice(50, top), slice(None)), (slice(top + 360, None), slice(None))],
          (slice(top, top + 360), slice(None)))
    pane.zoom_in()
    pane.zoom_in()  # the picture now covers the pane
    zoomed = _pixels(pane)
    assert not (zoomed[50:] == background).all(axis=2).any(axis=1).all()
    pane.reset_view()  # back: the bars are background again, not what the zoomed picture left
    check(_pixels(pane), [(slice(50, top), slice(None)), (slice(top + 360, None), slice(None))],
          (slice(top, top + 360), slice(None)))
    pane.rotate_clockwise()  # on its side: bars left and right
    left = round((640 - 480 * 720 / 1280) / 2)
    check(_pixels(pane), [(slice(50, None), slice(0, left)), (slice(50, None), slice(640 - left, None))],
          (slice(None), slice(left + 1, 640 - left - 1)))


def test_overlay_shows_statistics(qtbot, pane: VideoPane, scene: DemoScene) -> None:
    _start_and_wait(qtbot, pane, DemoSource(scene=scene))
    pane.freeze()
    plain = _pixels(pane)
    pane.set_overlay_visible(True)
    assert pane.overlay_visible
    assert "bilder/s" in pane.overlay_text() and "1280×720" in pane.overlay_text()
    with_overlay = _pixels(pane)
    assert not np.array_equal(plain[:40, -200:], with_overlay[:40, -200:])
    assert np.array_equal(plain[-100:, :200], with_overlay[-100:, :200])


def test_error_state_is_shown_in_norwegian(qtbot, pane: VideoPane, tmp_path: Path) -> None:
    with qtbot.waitSignal(pane.stateChanged, timeout=TIMEOUT_MS,
                          check_params_cb=lambda state, message: state == "feil") as blocker:
        pane.start_source(FileSource(tmp_path / "borte.mp4"))
    assert "Fant ikke videofilen" in blocker.args[1]
    assert pane.state == "feil" and "Fant ikke videofilen" in pane.state_message
    assert pane.current_frame() is None
    assert _pixels(pane).max() > 200  # the message is drawn


def test_shutdown_and_close_stop_the_thread(qtbot, pane: VideoPane, scene: DemoScene) -> None:
    _start_and_wait(qtbot, pane, DemoSource(scene=scene))
    pipeline = pane.pipeline
    assert pipeline is not None and pipeline.running
    pane.close()
    assert not pipeline.running
    assert pane.pipeline is None
    assert _video_threads() == []


def test_a_hidden_or_minimised_pane_puts_the_video_in_standby(qtbot, scene: DemoScene) -> None:
    """Nothing is decoded, blurred or painted while nobody can see the pane – unless a
    share view says it needs the picture."""
    from PySide6.QtWidgets import QVBoxLayout, QWidget

    window = QWidget()
    qtbot.addWidget(window)
    pane = VideoPane(window)
    QVBoxLayout(window).addWidget(pane)
    window.resize(640, 400)
    window.show()
    qtbot.waitExposed(window)
    try:
        _start_and_wait(qtbot, pane, DemoSource(scene=scene))
        pipeline = pane.pipeline
        assert pipeline is not None and not pipeline.standby
        window.hide()
        assert pipeline.standby and pane.in_standby
        with qtbot.waitSignal(pane.frameShown, timeout=TIMEOUT_MS):
            window.show()
        assert not pipeline.standby
        window.showMinimized()
        qtbot.waitUntil(lambda: pipeline.standby, timeout=TIMEOUT_MS)
        window.showNormal()
        qtbot.waitUntil(lambda: not pipeline.standby, timeout=TIMEOUT_MS)
        # a share view keeps the picture flowing while the window is hidden
        pane.keep_running("deling")
        window.hide()
        assert not pipeline.standby
        pane.keep_running("deling", False)
        assert pipeline.standby
        # a source started while hidden starts in standby
        restarted = pane.start_source(DemoSource(scene=scene))
        assert restarted.standby
    finally:
        pane.shutdown()


def test_frames_carry_the_live_blur_coverage(qtbot, pane: VideoPane, scene: DemoScene) -> None:
    from hms_desk.video.live_blur import LiveBlur

    blur = LiveBlur()
    try:
        assert blur.wait_ready(30)
        pane.set_processor(blur)
        _start_and_wait(qtbot, pane, DemoSource(scene=scene))
        assert pane.coverage is not None
        qtbot.waitUntil(lambda: pane.coverage.state == "ok" and pane.coverage.faces >= 1, timeout=TIMEOUT_MS)
        assert pane.coverage.guaranteed and not pane.coverage.blanked
    finally:
        pane.shutdown()
        blur.stop()


def test_a_blank_repeated_frame_after_frame_is_converted_once(qtbot, pane: VideoPane, scene: DemoScene,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    """Live blur hands the same read-only blank frame on while it starts or is behind: the
    pane converts it for painting once, not for every frame; pixels that may change (a
    writable picture, even the same array again) are converted every time they are painted."""
    from hms_desk.ui import video_pane

    blank = np.zeros((720, 1280, 3), np.uint8)
    blank[300:420] = (30, 20, 176)
    blank.flags.writeable = False
    reused = np.zeros((720, 1280, 3), np.uint8)   # a processor writing into one buffer
    delivered = {"blank": 0, "reused": 0}
    converted = {"blank": 0, "reused": 0}
    real = video_pane.cv2.cvtColor

    def counted(src, code, *args, **kwargs):
        for name, image in (("blank", blank), ("reused", reused)):
            if src is image:
                converted[name] += 1
        return real(src, code, *args, **kwargs)

    def processor(image: np.ndarray) -> np.ndarray:
        if delivered["blank"] < 12:
            delivered["blank"] += 1
            return blank
        delivered["reused"] += 1
        reused[:] = image
        return reused

    monkeypatch.setattr(video_pane.cv2, "cvtColor", counted)
    painted: list[int] = []
    pane.frameShown.connect(painted.append)
    pane.set_processor(processor)
    pane.start_source(DemoSource(scene=scene))
    qtbot.waitUntil(lambda: delivered["reused"] >= 8 and len(painted) >= 16, timeout=TIMEOUT_MS)
    pane.freeze()
    assert converted["blank"] == 1
    assert converted["reused"] >= 4   # every painted one (some are replaced before they are painted)
    frozen = _pixels(pane)
    assert np.abs(frozen.astype(int) - _pixels(pane)).max() == 0
    assert frozen.std() > 20   # the demo picture itself, not the blank
