"""Pre-call check: the picture-quality advisor on real frames made bad, and the dialog."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import cv2
import numpy as np
import pytest

from hms_desk.platform.resources import resource
from hms_desk.ui.precall_check import PreCallCheckDialog, steadiness
from hms_desk.ui.video_pane import VideoPane
from hms_desk.video import DemoSource
from hms_desk.video.demo_scene import DemoScene
from hms_desk.video.quality import QualityMonitor, assess

TIMEOUT_MS = 15_000


@pytest.fixture(scope="module")
def scene() -> DemoScene:
    return DemoScene()


@pytest.fixture(scope="module")
def pictures(scene: DemoScene) -> dict[str, np.ndarray]:
    astronaut = cv2.imread(str(resource("demo/astronaut.jpg")))
    assert astronaut is not None
    return {"demo0": scene.render(0), "demo120": scene.render(120), "astronaut": astronaut}


def backlit(img: np.ndarray) -> np.ndarray:
    """The subject in the middle in shadow, a bright window all around it."""
    h, w = img.shape[:2]
    subject = img.astype(np.float32) * 0.35
    window = np.zeros((h, w), np.float32)
    window[: h // 4], window[-h // 4:], window[:, : w // 4], window[:, -w // 4:] = 1, 1, 1, 1
    window = cv2.GaussianBlur(window, (0, 0), w / 40)[..., None]
    return np.clip(subject * (1 - window) + (240 + subject * 0.05) * window, 0, 255).astype(np.uint8)


def dark(img: np.ndarray) -> np.ndarray:
    return (img.astype(np.float32) * 0.18).astype(np.uint8)


def overexposed(img: np.ndarray) -> np.ndarray:
    return cv2.convertScaleAbs(img, alpha=2.2, beta=90)


def out_of_focus(img: np.ndarray) -> np.ndarray:
    return cv2.GaussianBlur(img, (0, 0), img.shape[1] / 200)


def motion_blur(img: np.ndarray) -> np.ndarray:
    n = max(15, img.shape[1] // 40) | 1
    kernel = np.zeros((n, n), np.float32)
    kernel[n // 2, :] = 1.0 / n
    return cv2.filter2D(img, -1, kernel)


@pytest.mark.parametrize("name", ["demo0", "demo120", "astronaut"])
def test_good_pictures_get_no_hints(pictures, name: str) -> None:
    report = assess(pictures[name])
    assert report.ok, report
    assert report.summary() == "Bildet ser bra ut."


@pytest.mark.parametrize("name", ["demo0", "demo120", "astronaut"])
@pytest.mark.parametrize("transform, code, words", [
    (backlit, "motlys", "Motlys: snu kameraet"),
    (dark, "mørkt", "For mørkt"),
    (overexposed, "overeksponert", "For lyst"),
    (out_of_focus, "uskarpt", "Uskarpt"),
    (motion_blur, "bevegelsesuskarphet", "hold det stille"),
])
def test_bad_pictures_get_the_right_hint(pictures, name: str, transform, code: str, words: str) -> None:
    report = assess(transform(pictures[name]))
    assert report.codes == [code], report
    assert words in report.summary()


def test_the_verdict_does_not_depend_on_resolution(pictures) -> None:
    img = backlit(pictures["demo0"])
    small = cv2.resize(img, (640, 360), interpolation=cv2.INTER_AREA)
    assert assess(img).codes == assess(small).codes == ["motlys"]


def test_steadiness() -> None:
    even = [i / 25 for i in range(0, 250)]
    ok, mean, lowest, gap = steadiness(even, 0.0, 10.0)
    assert ok and mean == pytest.approx(25, rel=0.01) and lowest >= 24 and gap < 0.1
    holes = [t for t in even if not 4.0 < t < 5.2]
    ok, _mean, lowest, gap = steadiness(holes, 0.0, 10.0)
    assert not ok and gap > 1.0 and lowest <= 1


# -- the dialog on a live pane -----------------------------------------------------------------


@pytest.fixture
def pane(qtbot) -> Iterator[VideoPane]:
    widget = VideoPane()
    qtbot.addWidget(widget)
    widget.resize(480, 270)
    widget.show()
    yield widget
    widget.shutdown()


def test_precall_check_runs_and_reports(qtbot, pane: VideoPane, scene: DemoScene) -> None:
    with qtbot.waitSignal(pane.frameShown, timeout=TIMEOUT_MS):
        pane.start_source(DemoSource(scene=scene))
    dialog = PreCallCheckDialog(pane, duration_s=1.0)
    qtbot.addWidget(dialog)
    dialog.show()
    with qtbot.waitSignal(dialog.checkFinished, timeout=TIMEOUT_MS) as blocker:
        pass
    assert blocker.args == [True] and dialog.result_ok
    assert dialog.picture.text() == "Ja"
    assert dialog.format.text().startswith("1280×720")
    assert dialog.steady.text().startswith("Jevn")
    assert dialog.progress.value() == 1000
    qtbot.waitUntil(lambda: dialog.quality.text() == "Bildet ser bra ut.", timeout=TIMEOUT_MS)
    # the analysis is throttled: a few per second, not one per frame
    assert dialog.monitor.analysed <= dialog.monitor.received
    dialog.reject()  # done() stops the listener and the advisor thread
    assert not dialog.monitor._thread.is_alive()


def test_nothing_reaches_any_consumer_while_paused(qtbot, pane: VideoPane, scene: DemoScene) -> None:
    """Privacy pause: not the pane, not the processor hook (live blur), not the quality advisor."""
    processed: list[int] = []

    def processor(image: np.ndarray) -> np.ndarray:
        processed.append(1)
        return image

    pane.set_processor(processor)
    with qtbot.waitSignal(pane.frameShown, timeout=TIMEOUT_MS):
        pane.start_source(DemoSource(scene=scene))
    dialog = PreCallCheckDialog(pane, duration_s=30.0, analysis_hz=20.0)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.monitor.analysed >= 2, timeout=TIMEOUT_MS)

    pane.set_privacy_paused(True)
    seen, analysed, n_processed = dialog.frames_seen, dialog.monitor.analysed, len(processed)
    decoded = pane.pipeline.stats().frames_decoded  # type: ignore[union-attr]
    assert dialog.report is None and "Personvernpause" in dialog.state.text()

    # the live stream itself goes on (a second pipeline on the same scene shows time passing)
    ticks = threading.Event()
    count = [0]

    def tick(_frame) -> None:
        count[0] += 1
        if count[0] >= 15:
            ticks.set()

    from hms_desk.video import FramePipeline
    other = FramePipeline(DemoSource(scene=DemoScene()), tick, lambda *_: None)
    other.start()
    try:
        with qtbot.assertNotEmitted(pane.frameShown):
            qtbot.waitUntil(ticks.is_set, timeout=TIMEOUT_MS)
    finally:
        other.stop()
    assert dialog.frames_seen == seen
    assert dialog.monitor.analysed == analysed
    assert len(processed) == n_processed
    assert pane.pipeline.stats().frames_decoded == decoded  # type: ignore[union-attr]
    assert dialog.report is None and dialog.quality.text() == "–"

    pane.set_privacy_paused(False)
    qtbot.waitUntil(lambda: dialog.monitor.analysed > analysed and len(processed) > n_processed,
                    timeout=TIMEOUT_MS)
    dialog.reject()  # done() stops the listener and the advisor thread
    assert not dialog.monitor._thread.is_alive()


def test_monitor_drops_what_it_holds_when_paused(scene: DemoScene) -> None:
    from hms_desk.video import Frame

    reports = []
    done = threading.Event()
    mon = QualityMonitor(lambda r: (reports.append(r), done.set()), rate_hz=50)
    try:
        mon.set_paused(True)
        mon.on_frame(Frame(scene.render(0), 0, 0.0, "demo"))
        assert mon.received == 0
        mon.set_paused(False)
        mon.on_frame(Frame(dark(scene.render(0)), 1, 0.0, "demo"))
        assert done.wait(10)
        assert reports[-1].codes == ["mørkt"]
    finally:
        mon.stop()
