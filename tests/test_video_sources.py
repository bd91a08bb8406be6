"""Video sources, the demo scene and the capture pipeline (no Qt)."""

from __future__ import annotations

import logging
import threading
from pathlib import Path

import cv2
import numpy as np
import pytest
import zxingcpp

from hms_desk.video import (
    DemoSource,
    FileSource,
    Frame,
    FramePipeline,
    SourceError,
    StreamSource,
    source_from_spec,
)
from hms_desk.video.demo_scene import DEMO_HEIGHT, DEMO_WIDTH, DemoScene, render_label
from hms_desk.video.pipeline import backoff_delay
from hms_desk.video.sources import redact_url

WAIT = 10.0  # generous upper bound for waits on events; never slept


@pytest.fixture(scope="module")
def scene() -> DemoScene:
    return DemoScene()


def _decoded_texts(image: np.ndarray) -> list[str]:
    return [r.text for r in zxingcpp.read_barcodes(image)]


# -- demo scene -------------------------------------------------------------------


def test_demo_frames_have_the_right_size_and_move(scene: DemoScene) -> None:
    a, b, c = scene.render(0), scene.render(1), scene.render(50)
    assert a.shape == (DEMO_HEIGHT, DEMO_WIDTH, 3) == (720, 1280, 3)
    assert a.dtype == np.uint8
    assert not np.array_equal(a, b)  # the clock alone changes every frame
    # the whole picture moves (camera pan, person, light), not only the clock
    body = (slice(100, 700), slice(0, 1280))
    diff = np.abs(a[body].astype(np.int16) - c[body].astype(np.int16)).mean()
    assert diff > 3.0
    # rendering is a pure function of the index
    assert np.array_equal(scene.render(50), c)


def test_demo_label_barcode_decodes_on_frames(scene: DemoScene) -> None:
    for index in (0, 37, 140, 333):
        assert "250464123456" in _decoded_texts(scene.render(index))


def test_demo_label_uses_the_given_numbers() -> None:
    label = render_label("123123", "000042")
    assert _decoded_texts(label) == ["123123000042"]
    custom = DemoScene("123123", "000042")
    assert custom.barcode_text == "123123000042"
    assert "123123000042" in _decoded_texts(custom.render(3))


def test_demo_scene_rejects_bad_numbers() -> None:
    from hms_desk.domain.errors import ValidationError

    with pytest.raises(ValidationError, match="6 siffer"):
        DemoScene("1234", "123456")


def test_demo_source_reads_paced_frames(scene: DemoScene) -> None:
    src = DemoSource(scene=scene)
    assert src.size == (1280, 720) and src.fps == 25.0 and src.live is False
    src.open()
    first, second = src.read(), src.read()
    assert first is not None and second is not None
    assert first.shape == (720, 1280, 3)
    assert not np.array_equal(first, second)
    src.close()
    assert src.read() is None  # closed: the paced wait is interrupted, no picture


# -- files ------------------------------------------------------------------------


def _write_video(path: Path, frames: int = 10, fps: float = 50.0) -> None:
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter_fourcc(*"MJPG"), fps, (160, 120))
    assert writer.isOpened()
    for i in range(frames):
        img = np.full((120, 160, 3), 20 + i * 20, np.uint8)
        writer.write(img)
    writer.release()


def test_file_source_plays_a_real_video(tmp_path: Path) -> None:
    path = tmp_path / "kort.avi"
    _write_video(path)
    src = FileSource(path, loop=False)
    src.open()
    assert src.size == (160, 120)
    assert src.fps == pytest.approx(50.0)
    means = []
    for _ in range(10):
        img = src.read()
        assert img is not None and img.shape == (120, 160, 3)
        means.append(float(img.mean()))
    assert means == sorted(means) and means[-1] - means[0] > 150  # frames in order
    assert src.read() is None  # end of the file
    src.close()


def test_file_source_loops(tmp_path: Path) -> None:
    path = tmp_path / "loop.avi"
    _write_video(path, frames=4)
    src = FileSource(path)  # loop=True by default
    src.open()
    means = [float(src.read().mean()) for _ in range(9)]  # type: ignore[union-attr]
    src.close()
    assert means[4] == pytest.approx(means[0], abs=3)  # back to the first frame
    assert means[8] == pytest.approx(means[0], abs=3)


def test_missing_file_is_a_norwegian_error(tmp_path: Path) -> None:
    src = source_from_spec(f"file:{tmp_path / 'finnes-ikke.mp4'}")
    assert isinstance(src, FileSource)
    with pytest.raises(SourceError) as info:
        src.open()
    assert "Fant ikke videofilen" in info.value.message
    assert info.value.code == "VIDEOKILDE"


def test_file_that_is_not_a_video(tmp_path: Path) -> None:
    path = tmp_path / "notat.avi"
    path.write_text("dette er ikke en video")
    with pytest.raises(SourceError, match="Klarte ikke å åpne videofilen"):
        FileSource(path).open()


# -- specs ------------------------------------------------------------------------


def test_source_from_spec_kinds(tmp_path: Path) -> None:
    assert isinstance(source_from_spec("demo"), DemoSource)
    assert isinstance(source_from_spec(" DEMO "), DemoSource)
    f = source_from_spec(f"file:{tmp_path / 'a.mp4'}")
    assert isinstance(f, FileSource) and f.path == tmp_path / "a.mp4"
    s = source_from_spec("url:rtsp://kamera.local:554/strøm")
    assert isinstance(s, StreamSource) and s.live and s.url == "rtsp://kamera.local:554/strøm"


@pytest.mark.parametrize("spec, text", [
    ("webkamera", "Ukjent videokilde"),
    ("", "Ukjent videokilde"),
    ("file:", "mangler filsti"),
    ("url:ftp://server/video", "er ikke en rtsp-"),
])
def test_bad_specs_are_norwegian_errors(spec: str, text: str) -> None:
    with pytest.raises(SourceError, match=text):
        source_from_spec(spec)


def test_passwords_never_appear_in_names_or_errors() -> None:
    assert redact_url("rtsp://ola:hemmelig@10.0.0.5:554/live") == "rtsp://10.0.0.5:554/live"
    src = StreamSource("rtsp://ola:hemmelig@10.0.0.5:554/live")
    assert "hemmelig" not in src.name
    with pytest.raises(SourceError) as info:
        source_from_spec("url:ftp://ola:hemmelig@server/x")
    assert "hemmelig" not in info.value.message


# -- pipeline ---------------------------------------------------------------------


class Recorder:
    """Collects pipeline callbacks (called on the worker thread)."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.frames: list[Frame] = []
        self.states: list[tuple[str, str]] = []
        self.frame_event = threading.Event()
        self.state_events: dict[str, threading.Event] = {}
        self.want_frames = 1
        self.enough = threading.Event()

    def on_frame(self, frame: Frame) -> None:
        with self.lock:
            self.frames.append(frame)
            if len(self.frames) >= self.want_frames:
                self.enough.set()
        self.frame_event.set()

    def on_state(self, state: str, message: str) -> None:
        with self.lock:
            self.states.append((state, message))
        self.state_event(state).set()

    def state_event(self, state: str) -> threading.Event:
        with self.lock:
            return self.state_events.setdefault(state, threading.Event())

    def expect_frames(self, n: int) -> threading.Event:
        with self.lock:
            self.want_frames = len(self.frames) + n
            self.enough.clear()
            if len(self.frames) >= self.want_frames:
                self.enough.set()
        return self.enough

    @property
    def count(self) -> int:
        with self.lock:
            return len(self.frames)


class CountingDemo(DemoSource):
    """The demo scene, counting reads and skips; optionally pretending to be live."""

    def __init__(self, scene: DemoScene, *, live: bool = False, paced: bool = True) -> None:
        super().__init__(scene=scene, paced=paced)
        self.live = live
        self.reads = 0
        self.skips = 0
        self.skipped_enough = threading.Event()
        self.skips_wanted = 10

    def read(self) -> np.ndarray | None:
        self.reads += 1
        return super().read()

    def skip(self) -> bool:
        self.skips += 1
        if self.skips >= self.skips_wanted:
            self.skipped_enough.set()
        return super().skip()


class GatedDemo(DemoSource):
    """The demo scene, read only when the test lets a frame through; counts reads and opens."""

    def __init__(self, scene: DemoScene, *, live: bool = False) -> None:
        super().__init__(scene=scene, paced=False)
        self.live = live
        self.gate = threading.Semaphore(0)
        self.reads = 0
        self.opens = 0
        self.reading = threading.Event()  # a read is under way, waiting at the gate
        self.closed = threading.Event()

    def open(self) -> None:
        self.opens += 1
        self.closed.clear()
        super().open()

    def close(self) -> None:
        self.closed.set()
        super().close()

    def read(self) -> np.ndarray | None:
        self.reads += 1
        self.reading.set()
        while not self.gate.acquire(timeout=0.05):  # close() must still end a waiting read
            if self._closed.is_set():
                return None
        self.reading.clear()
        return super().read()

    def skip(self) -> bool:
        return not self.closed.is_set()


def test_standby_stops_reading_a_file_or_the_demo(scene: DemoScene) -> None:
    import queue

    frames: queue.Queue[Frame] = queue.Queue()
    src = GatedDemo(scene)
    pipe = FramePipeline(src, frames.put, lambda s, m: None)
    pipe.start()
    try:
        src.gate.release()
        assert frames.get(timeout=WAIT).seq == 0
        assert src.reading.wait(WAIT)        # the next read is waiting at the gate
        pipe.set_standby(True)               # nobody looks any more
        src.gate.release()
        assert frames.get(timeout=WAIT).seq == 1   # the read under way still finishes
        src.gate.release()                   # … but no other read starts
    finally:
        pipe.stop()
    assert src.reads == 2 and src.gate.acquire(blocking=False), "read while nobody looked"


def test_standby_resumes_reading_when_somebody_looks_again(scene: DemoScene) -> None:
    import queue

    frames: queue.Queue[Frame] = queue.Queue()
    src = GatedDemo(scene)
    pipe = FramePipeline(src, frames.put, lambda s, m: None)
    pipe.set_standby(True)
    pipe.start()
    try:
        src.gate.release()
        pipe.set_standby(False)
        assert frames.get(timeout=WAIT).seq == 0
    finally:
        pipe.stop()


def test_a_live_stream_in_a_long_standby_is_closed_and_opened_again(scene: DemoScene) -> None:
    import queue

    frames: queue.Queue[Frame] = queue.Queue()
    states: list[str] = []
    src = GatedDemo(scene, live=True)
    pipe = FramePipeline(src, frames.put, lambda s, m: states.append(s), standby_close_s=0.0)
    pipe.start()
    try:
        src.gate.release()
        assert frames.get(timeout=WAIT).seq == 0
        assert src.reading.wait(WAIT)
        pipe.set_standby(True)
        src.gate.release()
        assert frames.get(timeout=WAIT).seq == 1
        assert src.closed.wait(WAIT) and src.opens == 1      # the connection is given up …
        pipe.set_standby(False)
        src.gate.release()
        assert frames.get(timeout=WAIT).seq == 2
        assert src.opens == 2                                # … and made again
        assert "feil" not in states
    finally:
        pipe.stop()


def test_backoff_doubles_up_to_ten_seconds() -> None:
    assert [backoff_delay(i) for i in range(8)] == [0.5, 1, 2, 4, 8, 10, 10, 10]


def test_pipeline_delivers_frames_and_stops(scene: DemoScene) -> None:
    rec = Recorder()
    enough = rec.expect_frames(9)
    consumed: list[int] = []

    def consume(frame: Frame) -> None:
        rec.on_frame(frame)
        if frame.seq % 2 == 0 and frame.seq <= 8:  # take every other frame
            pipe.mark_consumed(frame.seq)
            consumed.append(frame.seq)

    pipe = FramePipeline(DemoSource(scene=scene, paced=False), consume, rec.on_state)
    pipe.start()
    assert enough.wait(WAIT)
    pipe.stop()
    assert not pipe.running
    seqs = [f.seq for f in rec.frames]
    assert seqs[:9] == list(range(9))
    assert all(f.image.shape == (720, 1280, 3) and f.source_name == "Demo" for f in rec.frames)
    assert [s for s, _ in rec.states][:2] == ["starter", "kjører"]
    assert rec.states[-1][0] == "stoppet"
    stats = pipe.stats()
    assert consumed == [0, 2, 4, 6, 8]
    assert stats.frames_dropped == 4  # 1, 3, 5, 7 were never taken
    assert stats.frames_decoded >= 9
    assert stats.latency_ms is not None and stats.latency_ms >= 0


def test_pause_on_a_file_stops_reading_and_delivering(scene: DemoScene) -> None:
    rec = Recorder()
    src = CountingDemo(scene)
    pipe = FramePipeline(src, rec.on_frame, rec.on_state)
    pipe.start()
    try:
        assert rec.expect_frames(3).wait(WAIT)
        pipe.pause()
        assert pipe.paused
        delivered, reads = rec.count, src.reads
        rec.frame_event.clear()
        assert rec.state_event("pause").wait(WAIT)
        # at 25 fps a dozen frames would arrive in this window if pause leaked
        assert not rec.frame_event.wait(0.5)
        assert rec.count == delivered
        assert src.reads <= reads + 1  # at most the read that was under way
        assert src.skips == 0  # a file/demo is simply not read while paused
        pipe.resume()
        assert rec.expect_frames(2).wait(WAIT)
        assert ("kjører", "Viser bilder fra Demo.") in rec.states[-3:]
    finally:
        pipe.stop()
    assert not pipe.running


def test_pause_on_a_live_stream_skips_without_delivering(scene: DemoScene) -> None:
    rec = Recorder()
    src = CountingDemo(scene, live=True)
    pipe = FramePipeline(src, rec.on_frame, rec.on_state)
    pipe.start()
    try:
        assert rec.expect_frames(2).wait(WAIT)
        pipe.pause()
        delivered = rec.count
        src.skips_wanted = 10
        assert src.skipped_enough.wait(WAIT)  # ten frames went by on the stream …
        assert rec.count == delivered  # … and none reached the consumer
        pipe.resume()
        assert rec.expect_frames(1).wait(WAIT)
    finally:
        pipe.stop()


class FlakyStream:
    """A live source that loses the connection after 3 frames and fails to reopen twice."""

    name = "Flaky"
    live = True
    fps = 25.0
    size = (64, 48)

    def __init__(self) -> None:
        self.opens = 0
        self.sent = 0
        self.fail_opens = 0
        self.closed = threading.Event()

    def open(self) -> None:
        self.opens += 1
        if self.opens >= 2 and self.fail_opens < 2:
            self.fail_opens += 1
            raise SourceError("Klarte ikke å åpne strømmen Flaky.")
        self.closed.clear()

    def read(self) -> np.ndarray | None:
        if self.closed.is_set():
            return None
        self.sent += 1
        if self.sent == 4:
            return None  # connection lost
        return np.full((48, 64, 3), self.sent % 256, np.uint8)

    def skip(self) -> bool:
        return not self.closed.is_set()

    def close(self) -> None:
        self.closed.set()


def test_live_stream_reconnects_with_backoff() -> None:
    rec = Recorder()
    delays: list[int] = []

    def quick(attempt: int) -> float:
        delays.append(attempt)
        return 0.001

    src = FlakyStream()
    pipe = FramePipeline(src, rec.on_frame, rec.on_state, backoff=quick)
    pipe.start()
    try:
        assert rec.expect_frames(6).wait(WAIT)
    finally:
        pipe.stop()
    states = [s for s, _ in rec.states]
    assert states[:2] == ["starter", "kjører"]
    reconnects = [m for s, m in rec.states if s == "tilkobler på nytt"]
    assert reconnects[0].startswith("Mistet forbindelsen til strømmen.")
    assert "forsøk 1" in reconnects[0] and "forsøk 3" in reconnects[2]
    assert delays[:3] == [0, 1, 2]
    assert src.opens == 4
    assert states.count("kjører") >= 2  # running again after the reconnect
    assert [f.seq for f in rec.frames] == list(range(len(rec.frames)))


def test_live_stream_gives_up_after_max_attempts() -> None:
    class NeverBack(FlakyStream):
        def open(self) -> None:
            self.opens += 1
            if self.opens >= 2:
                raise SourceError("Klarte ikke å åpne strømmen Flaky.")
            self.closed.clear()

    rec = Recorder()
    pipe = FramePipeline(NeverBack(), rec.on_frame, rec.on_state,
                         max_reconnect_attempts=2, backoff=lambda a: 0.001)
    pipe.start()
    assert rec.state_event("feil").wait(WAIT)
    pipe.stop()
    assert "Ga opp etter 2 forsøk" in rec.states[-1][1]


def test_unexpected_error_is_reported_and_logged(caplog: pytest.LogCaptureFixture) -> None:
    class Broken(FlakyStream):
        live = False

        def read(self) -> np.ndarray | None:
            raise RuntimeError("dekoder krasjet")

    rec = Recorder()
    pipe = FramePipeline(Broken(), rec.on_frame, rec.on_state)
    with caplog.at_level(logging.ERROR, logger="hms_desk.video"):
        pipe.start()
        assert rec.state_event("feil").wait(WAIT)
        pipe.stop()
    state, message = rec.states[-1]
    assert state == "feil" and "Uventet feil" in message and "dekoder krasjet" in message
    assert any(r.name == "hms_desk.video" and r.exc_info for r in caplog.records)


def test_unreachable_stream_reports_error_quickly() -> None:
    rec = Recorder()
    src = source_from_spec("url:rtsp://127.0.0.1:9/none")
    pipe = FramePipeline(src, rec.on_frame, rec.on_state)
    pipe.start()
    try:
        assert rec.state_event("feil").wait(WAIT)
    finally:
        pipe.stop(timeout=WAIT)
    assert not pipe.running
    assert rec.count == 0
    assert "Klarte ikke å åpne strømmen" in rec.states[-1][1]


def test_file_pipeline_ends_with_stopped_state(tmp_path: Path) -> None:
    path = tmp_path / "slutt.avi"
    _write_video(path, frames=5)
    rec = Recorder()
    pipe = FramePipeline(FileSource(path, loop=False), rec.on_frame, rec.on_state)
    pipe.start()
    assert rec.state_event("stoppet").wait(WAIT)
    pipe.stop()
    assert rec.count == 5
    assert rec.states[-1] == ("stoppet", "Videoen er slutt.")


def test_processor_runs_before_delivery_and_fails_closed(scene: DemoScene) -> None:
    rec = Recorder()
    pipe = FramePipeline(DemoSource(scene=scene), rec.on_frame, rec.on_state)
    pipe.set_processor(lambda img: np.zeros_like(img))        # e.g. live face blur
    pipe.start()
    try:
        assert rec.expect_frames(2).wait(WAIT)
        assert all(not f.image.any() for f in rec.frames)
        failed = threading.Event()

        def broken(img):
            failed.set()
            raise RuntimeError("detector died")
        pipe.set_processor(broken)
        assert failed.wait(WAIT)
        assert rec.state_event("feil").wait(WAIT)
        pipe.set_processor(lambda img: np.zeros_like(img))
        assert rec.expect_frames(2).wait(WAIT)          # recovers once processing works again
        assert all(not f.image.any() for f in rec.frames)    # never an unprocessed frame
    finally:
        pipe.stop()


# -- specs for Qt sources, addresses, formats, stopping ----------------------------------------


def test_capture_kinds_need_the_gui_when_not_registered(monkeypatch) -> None:
    from hms_desk.video import sources

    monkeypatch.setattr(sources, "_KINDS", {})
    with pytest.raises(SourceError, match="skjermbildet"):
        source_from_spec("camera:/dev/video0@1280x720@30")
    with pytest.raises(SourceError, match="vindustittel"):
        source_from_spec("window:")


@pytest.mark.parametrize("url", ["http://", "htp:/x", "rtsp://kamera lokal/strøm", "http://host:99999/x", "bare tekst"])
def test_garbage_addresses_are_refused(url: str) -> None:
    from hms_desk.video.sources import validate_stream_url

    with pytest.raises(SourceError):
        validate_stream_url(url)


def test_a_file_without_decodable_video_is_refused(tmp_path: Path) -> None:
    """An audio-only file opens in FFmpeg but has no picture: a clear Norwegian error."""
    import shutil
    import subprocess

    ffmpeg = shutil.which("ffmpeg")
    assert ffmpeg, "ffmpeg is needed (Debian package ffmpeg)"
    path = tmp_path / "bare_lyd.mkv"
    subprocess.run([ffmpeg, "-loglevel", "error", "-f", "lavfi", "-i", "sine=frequency=440:duration=1",
                    "-c:a", "flac", str(path)], check=True, timeout=60)
    with pytest.raises(SourceError) as info:
        FileSource(path).open()
    assert "støttes ikke" in info.value.message or "Klarte ikke å åpne videofilen" in info.value.message


class StuckStream:
    """A live source whose read blocks until released (like FFmpeg on a dead stream)."""

    name = "fast"
    live = True
    fps = None
    size = None

    def __init__(self) -> None:
        self.release = threading.Event()
        self.reading = threading.Event()

    def open(self) -> None:
        pass

    def read(self):
        self.reading.set()
        self.release.wait(WAIT)
        return np.zeros((4, 4, 3), np.uint8)

    def skip(self) -> bool:
        return True

    def close(self) -> None:
        pass  # cannot interrupt the read, like OpenCV


def test_stop_does_not_wait_for_a_stuck_read() -> None:
    rec = Recorder()
    src = StuckStream()
    pipe = FramePipeline(src, rec.on_frame, rec.on_state)
    pipe.start()
    assert src.reading.wait(WAIT)
    assert pipe.stop(timeout=0.05) is False  # detached, not joined
    assert pipe.running
    src.release.set()  # the read returns: the frame is not delivered, the thread ends
    assert rec.state_event("stoppet").wait(WAIT)
    assert rec.frames == []


def test_listeners_and_processor_get_nothing_while_paused(scene: DemoScene) -> None:
    rec = Recorder()
    heard: list[int] = []
    processed: list[int] = []
    src = CountingDemo(scene, live=True)
    pipe = FramePipeline(src, rec.on_frame, rec.on_state)
    pipe.add_listener(lambda frame: heard.append(frame.seq))
    pipe.set_processor(lambda image: (processed.append(1), image)[1])
    pipe.start()
    try:
        assert rec.expect_frames(2).wait(WAIT)
        assert heard and processed
        pipe.pause()
        n_heard, n_processed, delivered = len(heard), len(processed), rec.count
        src.skips_wanted = src.skips + 10
        src.skipped_enough.clear()
        assert src.skipped_enough.wait(WAIT)  # ten frames went by on the stream …
        assert (len(heard), len(processed), rec.count) == (n_heard, n_processed, delivered)  # … none reached anyone
        pipe.resume()
        assert rec.expect_frames(1).wait(WAIT)
        assert len(heard) > n_heard and len(processed) > n_processed
    finally:
        pipe.stop()
