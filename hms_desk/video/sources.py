"""Where pictures come from: the demo scene, a video file or a network stream.

Every source follows the :class:`FrameSource` protocol: ``open()`` (raises
:class:`SourceError` with a Norwegian message), a blocking ``read()`` that
returns a BGR picture or ``None`` at the end of the stream or when the
connection is lost, and ``close()``.  ``close()`` may be called from another
thread to wake a blocked or paced ``read()``; it never blocks on the decoder.

The settings store a source as a short text, see :func:`source_from_spec`:
``"demo"``, ``"file:<path>"`` or ``"url:<rtsp/http/hls address>"``.
"""

from __future__ import annotations

import logging
import math
import threading
import time
from pathlib import Path
from typing import Protocol, runtime_checkable
from urllib.parse import urlsplit, urlunsplit

import cv2
import numpy as np

from hms_desk.domain.errors import HmsError
from hms_desk.video.demo_scene import DEMO_FPS, DemoScene

log = logging.getLogger("hms_desk.video")


class SourceError(HmsError):
    """A video source could not be opened or read."""

    code = "VIDEOKILDE"


@runtime_checkable
class FrameSource(Protocol):
    """What the pipeline needs from a source of pictures."""

    name: str
    live: bool  # a live stream (reconnect when lost) rather than a file or generator

    @property
    def fps(self) -> float | None: ...

    @property
    def size(self) -> tuple[int, int] | None: ...  # (width, height) once open

    def open(self) -> None: ...

    def read(self) -> np.ndarray | None: ...

    def skip(self) -> bool:
        """Let one picture go by without decoding it for anyone (privacy pause on a
        live stream keeps the connection alive this way). False = stream lost."""
        ...

    def close(self) -> None: ...


class _Pacer:
    """Spaces reads ``1/fps`` apart on the monotonic clock; interruptible."""

    def __init__(self, fps: float, wake: threading.Event) -> None:
        self.period = 1.0 / fps
        self._wake = wake
        self._next: float | None = None

    def reset(self) -> None:
        self._next = None

    def wait(self) -> bool:
        """Wait for the next slot. False if woken by ``close()``."""
        now = time.monotonic()
        if self._next is None or now - self._next > 0.5:  # first frame, or we fell far behind
            self._next = now
        delay = self._next - now
        self._next += self.period
        if delay > 0 and self._wake.wait(delay):
            return False
        return not self._wake.is_set()


class DemoSource:
    """The generated demo scene, delivered at its frame rate."""

    live = False

    def __init__(self, hms_nr: str = "250464", serial: str = "123456", *, paced: bool = True,
                 scene: DemoScene | None = None) -> None:
        """``paced=False`` renders as fast as the reader asks; ``scene`` reuses a
        scene already drawn (drawing the static layers takes about a second).
        A scene keeps per-frame state: never share one between two running sources."""
        self.name = "Demo"
        self._hms_nr, self._serial = hms_nr, serial
        self._paced = paced
        self._scene: DemoScene | None = scene
        self._closed = threading.Event()
        self._pacer = _Pacer(DEMO_FPS, self._closed)
        self._index = 0

    @property
    def fps(self) -> float | None:
        return DEMO_FPS

    @property
    def size(self) -> tuple[int, int] | None:
        return self._scene.size if self._scene else None

    def open(self) -> None:
        self._closed.clear()
        self._pacer.reset()
        if self._scene is None:
            try:
                self._scene = DemoScene(self._hms_nr, self._serial)
            except (OSError, cv2.error) as e:
                raise SourceError(f"Klarte ikke å lage demobildet: {e}") from e

    def _advance(self) -> int | None:
        if self._scene is None or self._closed.is_set():
            return None
        if self._paced and not self._pacer.wait():
            return None
        index = self._index
        self._index += 1
        return index

    def read(self) -> np.ndarray | None:
        index = self._advance()
        if index is None or self._scene is None:
            return None
        return self._scene.render(index)

    def skip(self) -> bool:
        return self._advance() is not None

    def close(self) -> None:
        self._closed.set()


class _CaptureSource:
    """Shared OpenCV ``VideoCapture`` handling for files and streams.

    The capture is used by one reading thread; ``close()`` from any other
    thread marks the source closed and releases the capture only if no read is
    in progress (otherwise the reader releases it when its read returns).
    """

    live = False

    def __init__(self, name: str) -> None:
        self.name = name
        self._cap: cv2.VideoCapture | None = None
        self._lock = threading.Lock()
        self._closed = threading.Event()
        self._fps: float | None = None
        self._size: tuple[int, int] | None = None

    @property
    def fps(self) -> float | None:
        return self._fps

    @property
    def size(self) -> tuple[int, int] | None:
        return self._size

    def _make_capture(self) -> cv2.VideoCapture:
        raise NotImplementedError

    def _open_failed_message(self) -> str:
        raise NotImplementedError

    def open(self) -> None:
        with self._lock:
            self._release_locked()
            self._closed.clear()
            cap = self._make_capture()
            if not cap.isOpened():
                cap.release()
                raise SourceError(self._open_failed_message())
            fps = float(cap.get(cv2.CAP_PROP_FPS) or 0.0)
            self._fps = fps if math.isfinite(fps) and 1.0 <= fps <= 240.0 else None
            w, h = int(cap.get(cv2.CAP_PROP_FRAME_WIDTH)), int(cap.get(cv2.CAP_PROP_FRAME_HEIGHT))
            self._size = (w, h) if w > 0 and h > 0 else None
            self._cap = cap
        log.info("Videokilde åpnet: %s (%s bilder/s, %s)", self.name, self._fps, self._size)

    def _release_locked(self) -> None:
        if self._cap is not None:
            self._cap.release()
            self._cap = None

    def _grab_or_read(self, decode: bool) -> tuple[bool, np.ndarray | None]:
        with self._lock:
            cap = self._cap
            if cap is None or self._closed.is_set():
                return False, None
            if decode:
                ok, image = cap.read()
            else:
                ok, image = cap.grab(), None
            if self._closed.is_set():
                self._release_locked()
                return False, None
            return bool(ok), image if ok else None

    def close(self) -> None:
        self._closed.set()
        if self._lock.acquire(blocking=False):
            try:
                self._release_locked()
            finally:
                self._lock.release()


class FileSource(_CaptureSource):
    """A video file, played at its own frame rate, looping by default."""

    live = False

    def __init__(self, path: str | Path, loop: bool = True) -> None:
        self.path = Path(path)
        super().__init__(self.path.name)
        self.loop = loop
        self._pacer: _Pacer | None = None

    def _make_capture(self) -> cv2.VideoCapture:
        if not self.path.is_file():
            raise SourceError(f"Fant ikke videofilen «{self.path}».")
        return cv2.VideoCapture(str(self.path))

    def _open_failed_message(self) -> str:
        return f"Klarte ikke å åpne videofilen «{self.path.name}». Er det en video i et format vi kan lese?"

    def open(self) -> None:
        super().open()
        self._pacer = _Pacer(self._fps or 25.0, self._closed)

    def _next(self, decode: bool) -> tuple[bool, np.ndarray | None]:
        if self._pacer is not None and not self._pacer.wait():
            return False, None
        ok, image = self._grab_or_read(decode)
        if not ok and self.loop and not self._closed.is_set():
            with self._lock:
                if self._cap is not None:
                    self._cap.set(cv2.CAP_PROP_POS_FRAMES, 0)
            ok, image = self._grab_or_read(decode)
        return ok, image

    def read(self) -> np.ndarray | None:
        ok, image = self._next(decode=True)
        return image if ok else None

    def skip(self) -> bool:
        return self._next(decode=False)[0]


def redact_url(url: str) -> str:
    """The address without user name and password (for messages and logs)."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return url
    if parts.username is None and parts.password is None:
        return url
    host = parts.hostname or ""
    if parts.port:
        host = f"{host}:{parts.port}"
    return urlunsplit((parts.scheme, host, parts.path, parts.query, parts.fragment))


class StreamSource(_CaptureSource):
    """A network stream through OpenCV's FFmpeg backend (RTSP, HTTP MJPEG, HLS).

    The stream sets the pace; ``read()`` gives up after ``read_timeout_s``.
    """

    live = True

    def __init__(self, url: str, *, open_timeout_s: float = 5.0, read_timeout_s: float = 5.0) -> None:
        self.url = url
        super().__init__(redact_url(url))
        self.open_timeout_s = open_timeout_s
        self.read_timeout_s = read_timeout_s

    def _make_capture(self) -> cv2.VideoCapture:
        params = [
            cv2.CAP_PROP_OPEN_TIMEOUT_MSEC, int(self.open_timeout_s * 1000),
            cv2.CAP_PROP_READ_TIMEOUT_MSEC, int(self.read_timeout_s * 1000),
        ]
        return cv2.VideoCapture(self.url, cv2.CAP_FFMPEG, params)

    def _open_failed_message(self) -> str:
        return (f"Klarte ikke å åpne strømmen {self.name}. "
                "Sjekk adressen og at kameraet eller møtet sender.")

    def read(self) -> np.ndarray | None:
        ok, image = self._grab_or_read(decode=True)
        return image if ok else None

    def skip(self) -> bool:
        return self._grab_or_read(decode=False)[0]


def source_from_spec(spec: str) -> FrameSource:
    """Make a source from its settings text: ``demo``, ``file:<sti>`` or ``url:<adresse>``."""
    text = (spec or "").strip()
    kind, sep, rest = text.partition(":")
    kind = kind.strip().lower()
    if kind == "demo" and not rest.strip():
        return DemoSource()
    if sep and kind == "file":
        if not rest.strip():
            raise SourceError("Videokilden «file:» mangler filsti.")
        return FileSource(Path(rest.strip()).expanduser())
    if sep and kind == "url":
        url = rest.strip()
        scheme = urlsplit(url).scheme.lower() if url else ""
        if scheme not in {"rtsp", "rtsps", "rtmp", "http", "https", "udp", "tcp", "srt"}:
            raise SourceError(f"Videoadressen «{redact_url(url)}» er ikke en rtsp-, http- eller https-adresse.")
        return StreamSource(url)
    raise SourceError(
        f"Ukjent videokilde «{redact_url(text)}». Bruk «demo», «file:<sti>» eller «url:<adresse>»."
    )
