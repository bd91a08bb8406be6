"""Barcodes in a picture with zxing-cpp, trying harder than one plain call.

One ``zxingcpp.read_barcodes`` call misses codes that a technician's camera
produces all the time: zxing-cpp scans 1D codes along rows and columns only,
so a label held at 20–60° is not seen; a small code in a big photo is lost in
its downscaled pyramid; blur and low contrast defeat the binariser.
:func:`scan_barcodes` runs a short ladder of attempts and stops after the
first one that reads a code (or when the time budget is spent):

1. ``direkte`` — the picture as it is (a picture over 2.5 MP at 2.5 MP);
2. ``utsnitt (1D)`` — OpenCV's barcode detector finds bar-like regions at any
   angle; each is cut out of the full-resolution picture, turned level,
   enlarged towards 1100 px and read (plain, then sharpened);
3. ``full oppløsning`` — a large picture at full resolution (small codes
   vanish in the downscaled copy);
4. ``forstørret`` — a small picture enlarged (up to 2×);
5. ``skjerpet`` — sharpened (unsharp mask);
6. ``rotert`` — rotated by ±30° and ±60°: with zxing's own 90° this puts
   every 1D code within 15° of a scan direction;
7. ``stillesone`` — a light, then a dark, border added (codes cut tight);
8. ``kontrast`` — contrast equalised (CLAHE), then a global threshold;
9. ``fliser`` — a large picture in overlapping full-resolution tiles.

The live path runs only the first two (:data:`hms_desk.labels.reader.LIVE_LADDER`).
Every read carries the attempt that found it and its corners in the
coordinates of the picture given.  Reads come from zxing's decoders, which
check each symbology's checksum or error correction; Code 39 has no
mandatory check digit, so a Code 39 text found only in a processed copy is
accepted only when a second, different copy gives the same text.

Pure functions on numpy arrays, Qt-free, safe on a worker thread.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field

import cv2
import numpy as np
import zxingcpp as zx

from hms_desk.labels.gs1 import Gs1Data, parse_gs1, parse_gs1_hri

__all__ = ["CodeRead", "BarcodeScan", "scan_barcodes", "FORMATS", "LADDER"]

_F = zx.BarcodeFormat
#: The symbologies read: those on device, part and NAV labels.
FORMATS = (_F.Code128, _F.Code39, _F.EAN13, _F.EAN8, _F.UPCA, _F.UPCE, _F.DataMatrix, _F.QRCode)
_LINEAR = (_F.Code128, _F.Code39, _F.EAN13, _F.EAN8, _F.UPCA, _F.UPCE)
#: Symbologies without a mandatory checksum: a read from a processed copy needs a second copy to agree.
_WEAK = {"Code39", "Code39Std", "Code39Ext"}
_GS1_IDS = {"]C1", "]d2", "]Q3", "]e0", "]J1", "]d8"}

#: Pictures above this many pixels are first read from a downscaled copy.
_DIRECT_MAX_PIXELS = 2_500_000


Point = tuple[int, int]


@dataclass(frozen=True)
class CodeRead:
    """One code: zxing's format name, the raw text, GS1 fields when GS1, corners."""

    format: str                       # "Code128", "DataMatrix", "QRCode", "EAN13", "Code39", …
    text: str                         # raw text; GS1 separators as U+001D
    position: tuple[Point, Point, Point, Point]   # top-left, top-right, bottom-right, bottom-left
    symbology: str = ""               # "]C1", "]d2", …
    gs1: Gs1Data | None = None
    method: str = "direkte"           # the attempt that read it

    def to_json(self) -> dict:
        xs = [p[0] for p in self.position]
        ys = [p[1] for p in self.position]
        return {
            "format": self.format,
            "text": self.text,
            "symbology": self.symbology,
            "gs1": self.gs1.to_json() if self.gs1 else None,
            "position": {"points": [list(p) for p in self.position],
                         "box": [min(xs), min(ys), max(xs), max(ys)]},
            "method": self.method,
        }


@dataclass
class BarcodeScan:
    codes: list[CodeRead] = field(default_factory=list)
    attempts: list[str] = field(default_factory=list)   # the attempts run, in order
    elapsed_s: float = 0.0
    timed_out: bool = False
    unconfirmed: list[CodeRead] = field(default_factory=list)   # weak reads no second copy agreed with


# --------------------------------------------------------------------------- helpers

def _gray(image: np.ndarray) -> np.ndarray:
    if image.ndim == 2:
        return image
    if image.shape[2] == 4:
        return cv2.cvtColor(image, cv2.COLOR_BGRA2GRAY)
    if image.shape[2] == 1:
        return image[:, :, 0]
    return cv2.cvtColor(image, cv2.COLOR_BGR2GRAY)


def _scaled(g: np.ndarray, s: float) -> np.ndarray:
    interp = cv2.INTER_AREA if s < 1 else cv2.INTER_CUBIC
    return cv2.resize(g, None, fx=s, fy=s, interpolation=interp)


def _sharpen(g: np.ndarray, sigma: float, amount: float = 1.0) -> np.ndarray:
    return cv2.addWeighted(g, 1 + amount, cv2.GaussianBlur(g, (0, 0), sigma), -amount, 0)


def _rotation(w: int, h: int, angle: float, scale: float = 1.0) -> tuple[np.ndarray, int, int]:
    """Affine matrix rotating a w×h picture by ``angle`` degrees onto a canvas that holds all of it."""
    m = cv2.getRotationMatrix2D((w / 2, h / 2), angle, scale)
    c, s = abs(m[0, 0]), abs(m[0, 1])
    nw, nh = int(h * s + w * c + 0.5), int(h * c + w * s + 0.5)
    m[0, 2] += nw / 2 - w / 2
    m[1, 2] += nh / 2 - h / 2
    return m, nw, nh


def _invert(m: np.ndarray) -> np.ndarray:
    return cv2.invertAffineTransform(m)


_IDENTITY = np.array([[1.0, 0.0, 0.0], [0.0, 1.0, 0.0]])


def _scale_matrix(s: float) -> np.ndarray:
    """Maps picture coordinates to a copy scaled by ``s``."""
    return np.array([[s, 0.0, 0.0], [0.0, s, 0.0]])


class _Reader:
    """Runs zxing on derived views and collects the reads in original coordinates."""

    def __init__(self, formats, deadline: float, direct_max_pixels: int = 2_500_000):
        self.formats = list(formats)
        self.direct_max_pixels = direct_max_pixels
        self.deadline = deadline
        self.found: dict[tuple[str, str], CodeRead] = {}
        self.pending: dict[tuple[str, str], CodeRead] = {}    # weak reads waiting for a second view
        self.pending_views: dict[tuple[str, str], str] = {}
        self.attempts: list[str] = []

    def expired(self) -> bool:
        return time.perf_counter() >= self.deadline

    def read(self, view: np.ndarray, to_view: np.ndarray, method: str, *, derived: bool = True,
             formats=None, **kw) -> int:
        """Read ``view`` (a copy made from the picture by the affine ``to_view``); returns new codes."""
        try:
            results = zx.read_barcodes(view, formats=list(formats or self.formats),
                                       text_mode=zx.TextMode.Plain, **kw)
        except (ValueError, RuntimeError):
            return 0
        back = _invert(to_view)
        new = 0
        for r in results:
            if not r.valid or not r.text:
                continue
            fmt = r.format.name
            key = (fmt.replace("Std", "").replace("Ext", ""), r.text)
            if key in self.found:
                continue
            pos = r.position
            pts = np.array([[pos.top_left.x, pos.top_left.y], [pos.top_right.x, pos.top_right.y],
                            [pos.bottom_right.x, pos.bottom_right.y], [pos.bottom_left.x, pos.bottom_left.y]],
                           np.float64)
            orig = pts @ back[:, :2].T + back[:, 2]
            corners = tuple((int(round(x)), int(round(y))) for x, y in orig)
            sym = r.symbology_identifier
            gs1 = None
            if sym in _GS1_IDS or r.content_type == zx.ContentType.GS1:
                gs1 = parse_gs1(r.text)
            elif r.text.startswith("(01)") or r.text.startswith("(00)"):
                gs1 = parse_gs1_hri(r.text)
            code = CodeRead(fmt, r.text, corners, sym, gs1, method)   # type: ignore[arg-type]
            if derived and fmt in _WEAK:
                seen_in = self.pending_views.get(key)
                if seen_in is None:
                    self.pending[key] = code
                    self.pending_views[key] = method
                    continue
                if seen_in == method:
                    continue
                code = self.pending.pop(key)
            self.found[key] = code
            new += 1
        return new


# --------------------------------------------------------------------------- attempts

def _direct(rd: _Reader, g: np.ndarray) -> None:
    h, w = g.shape
    if h * w > rd.direct_max_pixels:
        s = (rd.direct_max_pixels / (h * w)) ** 0.5
        rd.read(_scaled(g, s), _scale_matrix(s), "direkte (forminsket)", derived=False)
    else:
        rd.read(g, _IDENTITY, "direkte", derived=False)


def _full_resolution(rd: _Reader, g: np.ndarray) -> None:
    """A large picture at full resolution (small codes vanish in the downscaled copy)."""
    h, w = g.shape
    if h * w > _DIRECT_MAX_PIXELS:
        rd.read(g, _IDENTITY, "full oppløsning", derived=False)


_LOCAL = threading.local()


def _barcode_detector():
    """OpenCV's 1D barcode detector, one per thread (it keeps state between calls)."""
    det = getattr(_LOCAL, "detector", None)
    if det is None:
        det = _LOCAL.detector = cv2.barcode.BarcodeDetector()
    return det


def _linear_candidates(g: np.ndarray, max_side: int = 1280) -> list[tuple[tuple[float, float], tuple[float, float], float]]:
    """Rotated rectangles (centre, (length along bars' direction, bar height), angle) of 1D code candidates."""
    h, w = g.shape
    s = min(1.0, max_side / max(h, w))
    small = _scaled(g, s) if s < 1 else g
    try:
        ok, quads = _barcode_detector().detectMulti(small)
    except cv2.error:
        return []
    if not ok or quads is None:
        return []
    rects = []
    for q in quads:
        (cx, cy), (rw, rh), ang = cv2.minAreaRect((np.asarray(q, np.float32) / s).reshape(-1, 2))
        if rw < rh:
            rw, rh, ang = rh, rw, ang + 90
        if rw < 8 or rh < 4:
            continue
        rects.append(((cx, cy), (rw, rh), ang))
    rects.sort(key=lambda r: -r[1][0] * r[1][1])
    return rects[:10]


def _cut_level(g: np.ndarray, rect, target_width: float = 1100.0) -> tuple[np.ndarray, np.ndarray]:
    """The region of ``rect`` turned level, with quiet zones, enlarged towards ``target_width``."""
    (cx, cy), (rw, rh), ang = rect
    W = rw * 1.35 + 24
    H = max(rh * 1.4, rw * 0.22) + 12
    s = float(np.clip(target_width / W, 0.5, 4.0))
    m = cv2.getRotationMatrix2D((cx, cy), ang, s)
    m[0, 2] += W * s / 2 - cx
    m[1, 2] += H * s / 2 - cy
    out = cv2.warpAffine(g, m, (max(int(W * s), 8), max(int(H * s), 8)), flags=cv2.INTER_CUBIC,
                         borderMode=cv2.BORDER_REPLICATE)
    return out, m


def _linear_crops(rd: _Reader, g: np.ndarray) -> None:
    for rect in _linear_candidates(g):
        if rd.expired():
            return
        view, m = _cut_level(g, rect)
        scale = float(np.hypot(m[0, 0], m[0, 1]))
        if rd.read(view, m, "utsnitt (1D)", formats=_LINEAR, try_rotate=False):
            continue
        if rd.expired():
            return
        rd.read(_sharpen(view, 1.5 * scale), m, "utsnitt (1D, skjerpet)", formats=_LINEAR, try_rotate=False)


def _work_copy(g: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    h, w = g.shape
    if h * w > _DIRECT_MAX_PIXELS:
        s = (_DIRECT_MAX_PIXELS / (h * w)) ** 0.5
        return _scaled(g, s), _scale_matrix(s)
    return g, _IDENTITY


def _enlarged(rd: _Reader, g: np.ndarray) -> None:
    h, w = g.shape
    if max(h, w) >= 1400:
        return
    s = 2.0 if max(h, w) * 2 <= 2000 else 2000 / max(h, w)
    rd.read(_scaled(g, s), _scale_matrix(s), "forstørret")


def _sharpened(rd: _Reader, g: np.ndarray) -> None:
    view, m = _work_copy(g)
    rd.read(_sharpen(view, 2.0), m, "skjerpet")


def _rotated(rd: _Reader, g: np.ndarray) -> None:
    view, m0 = _work_copy(g)
    h, w = view.shape
    for angle in (30, -30, 60, -60):
        if rd.expired():
            return
        m, nw, nh = _rotation(w, h, angle)
        rot = cv2.warpAffine(view, m, (nw, nh), flags=cv2.INTER_LINEAR, borderValue=255)
        full = m @ np.vstack([m0, [0.0, 0.0, 1.0]])
        if rd.read(rot, full, f"rotert {angle}°"):
            return


def _padded(rd: _Reader, g: np.ndarray) -> None:
    view, m = _work_copy(g)
    pad = max(view.shape) // 8 + 4
    for value, name in ((255, "lys"), (0, "mørk")):
        if rd.expired():
            return
        framed = cv2.copyMakeBorder(view, pad, pad, pad, pad, cv2.BORDER_CONSTANT, value=value)
        shift = m.copy()
        shift[:, 2] += pad
        if rd.read(framed, shift, f"stillesone ({name})"):
            return


def _contrast(rd: _Reader, g: np.ndarray) -> None:
    view, m = _work_copy(g)
    clahe = cv2.createCLAHE(clipLimit=3.0, tileGridSize=(8, 8)).apply(view)
    if rd.read(clahe, m, "kontrast (CLAHE)"):
        return
    if not rd.expired():
        rd.read(view, m, "kontrast (global terskel)", binarizer=zx.Binarizer.GlobalHistogram)


def _tiles(rd: _Reader, g: np.ndarray) -> None:
    h, w = g.shape
    if h * w <= _DIRECT_MAX_PIXELS:
        return
    n = int(np.ceil(np.sqrt(h * w / _DIRECT_MAX_PIXELS)))
    th, tw = int(h / n * 1.5), int(w / n * 1.5)
    ys = np.linspace(0, h - th, n + 1 if n > 1 else 1).astype(int) if h > th else [0]
    xs = np.linspace(0, w - tw, n + 1 if n > 1 else 1).astype(int) if w > tw else [0]
    for y in ys:
        for x in xs:
            if rd.expired():
                return
            tile = np.ascontiguousarray(g[y:y + th, x:x + tw])
            m = np.array([[1.0, 0.0, -float(x)], [0.0, 1.0, -float(y)]])
            rd.read(tile, m, "utsnitt (flis)")


_LADDER = (
    ("direkte", _direct),
    ("utsnitt (1D)", _linear_crops),
    ("full oppløsning", _full_resolution),
    ("forstørret", _enlarged),
    ("skjerpet", _sharpened),
    ("rotert", _rotated),
    ("stillesone", _padded),
    ("kontrast", _contrast),
    ("fliser", _tiles),
)


#: The attempts' names, in the order they run.
LADDER = tuple(name for name, _ in _LADDER)


def scan_barcodes(image: np.ndarray, *, budget_s: float = 2.0, formats=FORMATS,
                  exhaustive: bool = False, ladder: tuple[str, ...] | None = None,
                  unconfirmed: list[CodeRead] | None = None,
                  direct_max_pixels: int = _DIRECT_MAX_PIXELS) -> BarcodeScan:
    """Every code found in ``image`` (BGR or gray uint8), trying harder until one is read.

    Stops after the first attempt that reads a code (``exhaustive=False``) or
    when ``budget_s`` seconds are spent; the first attempt always runs.
    ``ladder`` limits the attempts by name (e.g. ``("direkte",)`` for the live
    path).  ``unconfirmed`` carries weak reads (Code 39 from a processed copy)
    of an earlier call on the same picture, still waiting for a second copy to
    agree (see :attr:`BarcodeScan.unconfirmed`).  ``direct_max_pixels`` sizes
    the first, direct read (the live path reads a 1920×1080 frame at 1280×720;
    its 1D crops still come from full resolution).  Positions are in ``image``'s pixels.
    """
    t0 = time.perf_counter()
    g = np.ascontiguousarray(_gray(image))
    rd = _Reader(formats, t0 + budget_s, direct_max_pixels)
    for c in unconfirmed or []:
        key = (c.format.replace("Std", "").replace("Ext", ""), c.text)
        rd.pending[key] = c
        rd.pending_views[key] = c.method
    timed_out = False
    for k, (name, attempt) in enumerate(_LADDER):
        if ladder is not None and name not in ladder:
            continue
        if k > 0 and rd.expired():
            timed_out = True
            break
        rd.attempts.append(name)
        attempt(rd, g)
        if rd.found and not exhaustive:
            break
    codes = sorted(rd.found.values(), key=lambda c: (c.position[0][1], c.position[0][0]))
    return BarcodeScan(codes, rd.attempts, time.perf_counter() - t0, timed_out, list(rd.pending.values()))
