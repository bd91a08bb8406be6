"""A real MJPEG-over-HTTP stream on 127.0.0.1 that cuts connections mid-stream.

The pane must show the stream, report the loss ("tilkobler på nytt"), reconnect
by itself ("kjører") and go on showing pictures; stopping a stream whose server
went silent must not freeze the GUI thread.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import cv2
import pytest

from hms_desk.ui.video_pane import VideoPane
from hms_desk.video import FramePipeline, StreamSource
from hms_desk.video.demo_scene import DemoScene

TIMEOUT_MS = 20_000


class MjpegServer:
    """multipart/x-mixed-replace JPEG frames of the demo scene (320×180, 25/s).

    ``cut_after``: close each connection after that many frames (None = never).
    ``stall``: stop sending but keep the socket open (a dead stream).
    """

    def __init__(self, cut_after: int | None = None) -> None:
        scene = DemoScene()
        self.jpegs = [cv2.imencode(".jpg", cv2.resize(scene.render(i), (320, 180)))[1].tobytes()
                      for i in range(0, 50, 5)]
        self.cut_after = cut_after
        self.stall = threading.Event()
        self.connections = 0
        self.frames_sent = 0
        self._stop = threading.Event()
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args) -> None:  # keep test output clean
                pass

            def do_GET(self) -> None:  # noqa: N802
                server.connections += 1
                self.send_response(200)
                self.send_header("Content-Type", "multipart/x-mixed-replace; boundary=frame")
                self.send_header("Cache-Control", "no-cache")
                self.end_headers()
                n = 0
                try:
                    while not server._stop.is_set():
                        if server.stall.is_set():
                            server._stop.wait(0.05)
                            continue
                        jpg = server.jpegs[n % len(server.jpegs)]
                        self.wfile.write(b"--frame\r\nContent-Type: image/jpeg\r\n"
                                         + f"Content-Length: {len(jpg)}\r\n\r\n".encode() + jpg + b"\r\n")
                        self.wfile.flush()
                        n += 1
                        server.frames_sent += 1
                        if server.cut_after is not None and n >= server.cut_after:
                            self.connection.shutdown(socket.SHUT_RDWR)  # cut mid-stream
                            return
                        server._stop.wait(0.04)
                except (BrokenPipeError, ConnectionResetError, OSError):
                    return

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/video.mjpg"
        self._thread = threading.Thread(target=self.httpd.serve_forever, name="mjpeg-server", daemon=True)
        self._thread.start()

    def close(self) -> None:
        self._stop.set()
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def server() -> Iterator[MjpegServer]:
    s = MjpegServer(cut_after=40)
    yield s
    s.close()


@pytest.fixture
def pane(qtbot) -> Iterator[VideoPane]:
    widget = VideoPane(pipeline_factory=lambda src, f, s: FramePipeline(src, f, s, backoff=lambda a: 0.2))
    qtbot.addWidget(widget)
    widget.resize(480, 270)
    widget.show()
    yield widget
    widget.shutdown()


def test_stream_source_reads_mjpeg_over_http(server: MjpegServer) -> None:
    src = StreamSource(server.url, open_timeout_s=5, read_timeout_s=5)
    src.open()
    try:
        image = src.read()
        assert image is not None and image.shape == (180, 320, 3)
        assert image.std() > 20
    finally:
        src.close()


def test_pane_reconnects_when_the_server_cuts_the_stream(qtbot, pane: VideoPane, server: MjpegServer) -> None:
    states: list[str] = []
    pane.stateChanged.connect(lambda state, _msg: states.append(state))
    with qtbot.waitSignal(pane.frameShown, timeout=TIMEOUT_MS):
        pane.start_source(StreamSource(server.url, open_timeout_s=5, read_timeout_s=5))
    first = pane.current_frame()
    assert first is not None and first.image.shape == (180, 320, 3)
    # the server cuts after 40 frames: the pane says so, reconnects and shows pictures again
    qtbot.waitUntil(lambda: "tilkobler på nytt" in states, timeout=TIMEOUT_MS)
    lost_at = states.index("tilkobler på nytt")
    qtbot.waitUntil(lambda: "kjører" in states[lost_at:], timeout=TIMEOUT_MS)
    assert "Mistet forbindelsen" in pane.state_message or pane.state == "kjører"
    with qtbot.waitSignal(pane.frameShown, timeout=TIMEOUT_MS):
        pass
    assert server.connections >= 2
    assert pane.state == "kjører"


def test_stopping_a_dead_stream_does_not_freeze_the_gui(qtbot, pane: VideoPane) -> None:
    server = MjpegServer(cut_after=None)
    try:
        with qtbot.waitSignal(pane.frameShown, timeout=TIMEOUT_MS):
            # a long read timeout: the reader surely sits in FFmpeg's read when we stop
            pane.start_source(StreamSource(server.url, open_timeout_s=5, read_timeout_s=60))
        server.stall.set()  # the socket stays open, nothing more comes: read() blocks in FFmpeg
        pipeline = pane.pipeline
        assert pipeline is not None
        # no picture decoded for 2 s: the reader is stuck in the read
        qtbot.waitUntil(lambda: pipeline.stats().fps == 0.0, timeout=TIMEOUT_MS)
        assert pipeline.running  # it really is stuck in the read
        t0 = time.monotonic()
        pane.shutdown()
        blocked = time.monotonic() - t0
        assert blocked < 1.0, f"shutdown blocked the GUI thread for {blocked:.2f} s"
        assert pane.pipeline is None and pane.state == "stoppet"
        # (the reader is detached, not joined: whether FFmpeg's read has returned by now is its business)
    finally:
        server.close()  # the connection closes, the read returns …
    qtbot.waitUntil(lambda: not pipeline.running, timeout=TIMEOUT_MS)  # … and the thread ends by itself


def test_a_garbage_address_is_a_clear_state(qtbot, pane: VideoPane) -> None:
    # nothing listens on this port: the open fails fast and the pane says so in Norwegian
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with qtbot.waitSignal(pane.stateChanged, timeout=TIMEOUT_MS,
                          check_params_cb=lambda state, _m: state == "feil") as blocker:
        pane.start_source(StreamSource(f"http://127.0.0.1:{port}/ingenting.mjpg", open_timeout_s=2))
    assert "Klarte ikke å åpne strømmen" in blocker.args[1]
    assert pane.current_frame() is None
