"""Where pictures come from: the demo scene, a video file or a network stream.

Every source follows the :class:`FrameSource` protocol: ``open()`` (raises
:class:`SourceError` with a Norwegian message), a blocking ``read()`` that
returns a BGR picture or ``None`` at the end of the stream or when the
connection is lost, and ``close()``.  ``close()`` may be called from another
thread to wake a blocked or paced ``read()``; it never blocks on the decoder.

The settings store a source as a short text, see :func:`source_from_spec`:
``"demo"``, ``"file:<path>"``, ``"url:<rtsp/http/hls address>"``,
``"camera:<id>[@WxH[@fps]]"``, ``"window:<title or id>"`` and
``"screen:<name>[:x,y,w,h]"``.  The last three need Qt (QtMultimedia); the GUI
registers their factories with :func:`register_kind` and :func:`parse_capture_spec`
parses them here, without Qt.
"""

from __future__ import annotations

import logging
import math
import threading
import time
from pathlib import Path
import re
from collections.abc import Callable
from dataclasses import dataclass
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
        with self._lock:  # a file whose video we cannot decode fails here, not later
            cap = self._cap
            ok = cap is not None and cap.grab() and cap.retrieve()[0]
            if cap is not None:
                cap.set(cv2.CAP_PROP_POS_FRAMES, 0)
            if not ok:
                self._release_locked()
        if not ok:
            raise SourceError(f"Videoformatet i «{self.path.name}» støttes ikke: "
                              "filen har ingen bilder vi kan dekode.")
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


STREAM_SCHEMES = frozenset({"rtsp", "rtsps", "rtmp", "http", "https", "udp", "tcp", "srt"})


def validate_stream_url(url: str) -> str:
    """The address stripped, or :class:`SourceError` with a Norwegian message."""
    text = (url or "").strip()
    try:
        parts = urlsplit(text)
        port = parts.port  # raises ValueError for a port that is not a number
    except ValueError:
        raise SourceError(f"Videoadressen «{redact_url(text)}» er ikke en gyldig adresse.") from None
    if parts.scheme.lower() not in STREAM_SCHEMES:
        raise SourceError(f"Videoadressen «{redact_url(text)}» er ikke en rtsp-, http- eller https-adresse.")
    if not parts.hostname or any(c.isspace() for c in text) or (port is not None and not 0 < port < 65536):
        raise SourceError(f"Videoadressen «{redact_url(text)}» mangler en gyldig maskin (vertsnavn eller IP).")
    return text


@dataclass(frozen=True)
class CaptureSpec:
    """A Qt capture source parsed from its settings text."""

    kind: str  # "camera", "window" or "screen"
    target: str  # camera id, window title / id, screen name ("" = default)
    size: tuple[int, int] | None = None  # camera: wanted resolution
    fps: float | None = None  # camera: wanted frame rate
    region: tuple[int, int, int, int] | None = None  # screen: x, y, w, h

    def text(self) -> str:
        """The settings text (inverse of :func:`parse_capture_spec`)."""
        out = f"{self.kind}:{self.target}"
        if self.kind == "camera" and self.size:
            out += f"@{self.size[0]}x{self.size[1]}"
            if self.fps:
                out += f"@{self.fps:g}"
        if self.kind == "screen" and self.region:
            out += ":" + ",".join(str(v) for v in self.region)
        return out


CAPTURE_KINDS = ("camera", "window", "screen")
_CAMERA_RE = re.compile(r"^(?P<id>.*?)(?:@(?P<w>\d+)x(?P<h>\d+)(?:@(?P<fps>\d+(?:\.\d+)?))?)?$")
_SCREEN_RE = re.compile(r"^(?P<name>.*?)(?::(?P<x>-?\d+),(?P<y>-?\d+),(?P<w>\d+),(?P<h>\d+))?$")


def parse_capture_spec(spec: str) -> CaptureSpec:
    """Parse ``camera:<id>[@WxH[@fps]]``, ``window:<title or id>`` or ``screen:<name>[:x,y,w,h]``."""
    kind, _, rest = (spec or "").strip().partition(":")
    kind, rest = kind.strip().lower(), rest.strip()
    if kind == "camera":
        m = _CAMERA_RE.match(rest)
        assert m is not None  # the pattern matches every text
        size = (int(m["w"]), int(m["h"])) if m["w"] else None
        if size is not None and (size[0] <= 0 or size[1] <= 0):
            raise SourceError(f"Ugyldig oppløsning i videokilden «{spec}».")
        fps = float(m["fps"]) if m["fps"] else None
        if fps is not None and not 0 < fps <= 240:
            raise SourceError(f"Ugyldig bildefrekvens i videokilden «{spec}».")
        return CaptureSpec("camera", m["id"], size, fps)
    if kind == "window":
        if not rest:
            raise SourceError("Videokilden «window:» mangler vindustittel eller vindus-id.")
        return CaptureSpec("window", rest)
    if kind == "screen":
        m = _SCREEN_RE.match(rest)
        assert m is not None
        region = (int(m["x"]), int(m["y"]), int(m["w"]), int(m["h"])) if m["w"] else None
        if region is not None and (region[2] < 16 or region[3] < 16):
            raise SourceError(f"Skjermutsnittet i «{spec}» er for lite (minst 16×16 punkter).")
        return CaptureSpec("screen", m["name"], region=region)
    raise SourceError(f"«{kind}» er ikke en kamera-, vindus- eller skjermkilde.")


_KINDS: dict[str, Callable[[CaptureSpec], FrameSource]] = {}


def register_kind(kind: str, factory: Callable[[CaptureSpec], FrameSource]) -> None:
    """Let ``source_from_spec`` make ``camera:``/``window:``/``screen:`` sources (the GUI does this)."""
    if kind not in CAPTURE_KINDS:
        raise ValueError(kind)
    _KINDS[kind] = factory


def source_from_spec(spec: str) -> FrameSource:
    """Make a source from its settings text (see the module docstring for the forms)."""
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
        return StreamSource(validate_stream_url(rest))
    if sep and kind in CAPTURE_KINDS:
        parsed = parse_capture_spec(text)
        factory = _KINDS.get(kind)
        if factory is None:
            raise SourceError("Kamera, vindu og skjerm kan bare brukes fra skjermbildet til HMS Desk.")
        return factory(parsed)
    raise SourceError(
        f"Ukjent videokilde «{redact_url(text)}». Bruk «demo», «file:<sti>», «url:<adresse>», "
        "«camera:<id>», «window:<tittel>» eller «screen:<navn>»."
    )
