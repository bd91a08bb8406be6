"""Text on the NAV sticker: find the sticker's text block first, then read only it.

The OCR engine is RapidOCR (pinned in ``pyproject.toml``) with the PP-OCR
ONNX models that ship **inside its wheel**, loaded by explicit path on the
onnxruntime HMS Desk already uses.  Nothing is ever downloaded: if a model file
is missing, :class:`OcrUnavailable` says so (Norwegian) and the reader goes on
with barcodes only.

How a frame is read (:func:`read_text`):

1. **Find** — the text detector (DB) runs once on a copy of the frame reduced
   to at most :data:`FIND_MAX_SIDE` pixels (or on the region the technician
   marked).  Its boxes are grouped into blocks of neighbouring, parallel lines
   of similar height — a sticker is such a block.
2. **Rank** — blocks of 2–6 lines with a line shaped like "250464" or
   "HMS-nr 250464", and larger text, come first.
3. **Read** — only the blocks' lines are recognised (no angle classifier, no
   other text in the frame): each line is cut out of the *full-resolution*
   frame, turned level and scaled to the recogniser's 48 px; a block's lines go
   in one batch.  Reading stops at the first block after which both labelled
   numbers are known (the caller's ``enough``), or when the time is spent —
   the best-ranked block is always read.
4. **Closer look** (:func:`look_closer`, run by the reader when no pair came
   out) — a block that looks like the sticker (a label, a NAV header — then
   with the space under it —, a bare six-digit number, else the best-ranked
   ones) is cut out with a margin of a few text heights, turned level and
   enlarged so its text is about 48 px high (at most :data:`ZOOM_MAX_PIXELS`),
   and detected again on a sharpened copy (the plain copy too only when no pair
   came out): lines the reduced frame lost or ran together are found and read.
   Variants for the sticker's block when that is not enough: ``"small"``
   (labels far smaller than their numbers: enlarged 3–5× and sharpened
   harder) and ``"contrast"`` (glare: CLAHE on the lightness).
5. **Fallback** (:func:`read_rest`) — small text (a very small sticker)
   detected again at full resolution: first only where the reduced frame's
   detector saw text (its probability map, kept from step 1) that no line read
   well explains (:func:`unread_crops`: usually a tenth of the frame or less);
   the whole frame only when there is no such look (no map, or unread text over
   half the frame) and its cost fits the reader's bound; the reader looks
   closer at those blocks too, and, when no text looked like a sticker at all,
   reads a copy turned by 90° (text turned past ~55° is not detected).  The reader bounds all of step 4–5
   in units of step 1's own detection time (``reader.EXTRA_EFFORT``).

:func:`reread` reads given lines again from differently made crops: the
reader uses it for a second opinion on every number it takes.  Every reading
keeps what the recogniser weighed for each of its characters (:class:`Read`),
so the reader can tell a digit read clearly from one it could have read as
another.

Lines are returned with their box in frame pixels and the recogniser's score.
"""

from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

import cv2
import numpy as np

from hms_desk.domain.errors import HmsError

log = logging.getLogger("hms_desk.labels.ocr")

__all__ = ["OcrLine", "OcrResult", "OcrUnavailable", "model_files", "read_rest", "read_text", "reread", "look_closer", "get_engine"]

#: The text detector sees the frame reduced to at most this many pixels on its longer side.
FIND_MAX_SIDE = 960
#: Blocks read at most before the full-resolution fallback.
MAX_BLOCKS = 6
#: Model files inside the rapidocr wheel (``rapidocr/models``).
DET_MODEL = "PP-OCRv6_det_small.onnx"
REC_MODEL = "PP-OCRv6_rec_small.onnx"
CLS_MODEL = "ch_ppocr_mobile_v2.0_cls_mobile.onnx"

UNAVAILABLE_TEXT = "Tekstgjenkjenning (OCR) er ikke tilgjengelig: {why}. Strekkoder leses fortsatt."


class OcrUnavailable(HmsError):
    code = "OCR_UTILGJENGELIG"


@dataclass(frozen=True)
class OcrLine:
    text: str
    score: float
    box: tuple[tuple[int, int], ...]    # four corners in frame pixels
    block: int = -1                     # the text block it belongs to
    #: numbers other readings of this line gave that were set aside (the reader's second opinion): text
    #: read two ways, kept so a later reading of the same printed line can be checked against them
    readings: tuple[str, ...] = ()
    #: what the recogniser weighed for each character of ``text`` (see :class:`Read`); empty when the text
    #: was not read as it stands (a number the second opinion put in)
    odds: tuple[tuple[float, ...], ...] = field(default=(), compare=False, repr=False)

    @property
    def height(self) -> float:
        p = np.asarray(self.box, np.float64)
        return float(min(np.linalg.norm(p[0] - p[3]), np.linalg.norm(p[1] - p[2])))

    def to_json(self) -> dict:
        return {"text": self.text, "score": round(self.score, 3), "box": [list(p) for p in self.box]}


class Read(NamedTuple):
    """One recognised line: its text, the recogniser's score (mean of its characters' probabilities) and,
    for each character of ``text``, eleven probabilities: each digit 0–9's at that character (the most
    any step of it gave), then the character's own.  A blurred "0" read as "8" shows as a "0" nearly as
    likely as the "8"; the reader weighs this before it trusts a number (``reader._doubts``).  Empty
    when the recogniser's output could not be had (another rapidocr)."""

    text: str
    score: float
    odds: tuple[tuple[float, ...], ...] = ()


@dataclass
class OcrResult:
    lines: list[OcrLine]
    blocks_read: int = 0
    fallback: bool = False
    elapsed_s: float = 0.0
    detect_s: float = 0.0       # the frame-wide detection alone: the unit the reader budgets its extra looks in
    detect_px: int = 0          # … and the pixels it saw (the reduced frame's)
    #: where the reduced frame's detector saw text that no well-read line explains — small text it could
    #: not split into lines, or did not box at all: each patch's rectangle x0, y0, x1, y1 and its area
    #: (frame pixels), for :func:`unread_crops`
    unread: list[tuple[float, float, float, float, float]] = field(default_factory=list)


def model_files() -> dict[str, Path]:
    """The bundled model files, by role.  Raises :class:`OcrUnavailable` if one is missing."""
    try:
        import rapidocr
    except ImportError as exc:
        raise OcrUnavailable(UNAVAILABLE_TEXT.format(why="pakken rapidocr mangler")) from exc
    folder = Path(rapidocr.__file__).resolve().parent / "models"
    files = {"det": folder / DET_MODEL, "rec": folder / REC_MODEL, "cls": folder / CLS_MODEL}
    missing = [p.name for p in files.values() if not p.is_file()]
    if missing:
        raise OcrUnavailable(UNAVAILABLE_TEXT.format(why="modellfilene mangler (" + ", ".join(missing) + ")"))
    return files


class _Engine:
    """RapidOCR with the bundled models; calls are serialised (the object keeps per-call state)."""

    def __init__(self, threads: int | None = None):
        from rapidocr import RapidOCR

        files = model_files()
        params = {
            "Global.log_level": "error",
            "Global.use_cls": False,
            "Global.max_side_len": 4096,
            "Det.model_path": str(files["det"]),
            "Det.limit_type": "max",
            "Det.limit_side_len": 4096,      # we size the picture ourselves
            "Rec.model_path": str(files["rec"]),
            "Cls.model_path": str(files["cls"]),
        }
        if threads:
            params["EngineConfig.onnxruntime.intra_op_num_threads"] = threads
        try:
            self._ocr = RapidOCR(params=params)
        except Exception as exc:    # onnxruntime or a damaged model file
            raise OcrUnavailable(UNAVAILABLE_TEXT.format(why=str(exc) or type(exc).__name__)) from exc
        self._lock = threading.Lock()
        self._map: np.ndarray | None = None
        self._odds: list[tuple[tuple[float, ...], ...]] | None = None
        self._keep_map()
        self._keep_odds()

    def _keep_map(self) -> None:
        """Keep the detector's text-probability map of each call (for :meth:`detect_with_map`): its model
        session is wrapped.  Without the hook (another rapidocr) the map is simply not there."""
        try:
            det = self._ocr._load_det_model()
            session = det.session
        except Exception:               # noqa: BLE001 — an optional hook into rapidocr's internals
            log.info("tekstdetektorens sannsynlighetskart er ikke tilgjengelig")
            return

        def keeping(x):
            out = session(x)
            self._map = np.asarray(out)[0, 0] if np.ndim(out) == 4 else None
            return out

        det.session = keeping

    def _keep_odds(self) -> None:
        """Keep what the recogniser weighed for each character (:class:`Read`): its decoder is wrapped.
        Without the hook (another rapidocr) the lines simply have no odds."""
        try:
            rec = self._ocr._load_rec_model()
            decode = rec.postprocess_op
            chars = list(decode.character)
            digits = np.array([chars.index(str(d)) for d in range(10)])
        except Exception:               # noqa: BLE001 — an optional hook into rapidocr's internals
            log.info("gjenkjennerens sannsynligheter per tegn er ikke tilgjengelige")
            return

        def keeping(preds, *args, **kwargs):
            if self._odds is not None:
                self._odds += _char_odds(np.asarray(preds), digits)
            return decode(preds, *args, **kwargs)

        rec.postprocess_op = keeping

    def detect(self, img: np.ndarray) -> list[np.ndarray]:
        """Text boxes (4×2 float arrays) in ``img``'s pixels."""
        return self._detect(img, False)[0]

    def detect_with_map(self, img: np.ndarray) -> tuple[list[np.ndarray], np.ndarray | None]:
        """Text boxes as :meth:`detect`, and the detector's text-probability map scaled to ``img``'s size
        (float32 0–1; None when it cannot be had)."""
        return self._detect(img, True)

    def _detect(self, img: np.ndarray, want_map: bool) -> tuple[list[np.ndarray], np.ndarray | None]:
        with self._lock:
            self._map = None
            out = self._ocr(img, use_det=True, use_cls=False, use_rec=False)
            pm, self._map = (self._map if want_map else None), None
        boxes = getattr(out, "boxes", None)
        boxes = [] if boxes is None else [np.asarray(b, np.float64).reshape(4, 2) for b in boxes]
        if pm is not None:
            h, w = img.shape[:2]
            ph, pw = pm.shape
            # the detector sees the picture stretched to multiples of 32; a picture it padded instead
            # (very small or very tall ones) has no map that lines up
            if abs(ph / pw - h / w) > 0.1 * h / w:
                pm = None
            else:
                pm = cv2.resize(pm.astype(np.float32), (w, h), interpolation=cv2.INTER_LINEAR)
        return boxes, pm

    def recognize(self, crops: list[np.ndarray]) -> list[Read]:
        """Each crop's line (text stripped of the spaces around it)."""
        if not crops:
            return []
        with self._lock:
            self._odds = []
            try:
                out = self._ocr.recognize_txt(crops)
            finally:
                kept, self._odds = self._odds, None
        txts = out.txts or ()
        scores = out.scores or ()
        # the recogniser reads the crops narrowest first (rapidocr's order): put its odds back in ours
        order = np.argsort(np.array([c.shape[1] / float(c.shape[0]) for c in crops]))
        odds: list[tuple] = [()] * len(crops)
        if len(kept) == len(crops):
            for k, i in enumerate(order):
                odds[int(i)] = kept[k]
        reads = []
        for t, s, o in zip(txts, scores, odds):
            t = str(t)
            if len(o) != len(t):
                o = ()
            lead = len(t) - len(t.lstrip())
            stripped = t.strip()
            reads.append(Read(stripped, float(s), o[lead:lead + len(stripped)] if o else ()))
        return reads


def _char_odds(preds: np.ndarray, digits: np.ndarray) -> list[tuple[tuple[float, ...], ...]]:
    """For each line of the recogniser's output ``preds`` (lines × steps × classes), each character's
    odds as :class:`Read` keeps them, decoded as rapidocr's CTC decoder does (a run of one class is one
    character; class 0 is the blank)."""
    out = []
    best = preds.argmax(axis=2)
    for b in range(preds.shape[0]):
        chars: list[np.ndarray] = []
        prev = -1
        for t, c in enumerate(best[b]):
            if c != 0:
                here = np.append(preds[b, t, digits], preds[b, t, c])
                if c != prev:
                    chars.append(here)
                else:
                    chars[-1] = np.maximum(chars[-1], here)
            prev = c
        out.append(tuple(tuple(round(float(v), 4) for v in ch) for ch in chars))
    return out


_ENGINE: _Engine | None = None
_ENGINE_LOCK = threading.Lock()


def get_engine() -> _Engine:
    """The shared engine (built on first use; raises :class:`OcrUnavailable`)."""
    global _ENGINE
    with _ENGINE_LOCK:
        if _ENGINE is None:
            _ENGINE = _Engine()
        return _ENGINE


# --------------------------------------------------------------------------- geometry

def _order(box: np.ndarray) -> np.ndarray:
    """The box's rectangle as top-left, top-right, bottom-right, bottom-left.

    The reading direction is the rectangle's longer side when it is clearly
    longer (a line of text is wider than high, so a line turned past 45° is
    still read left to right), else the side closest to horizontal (stickers
    are photographed roughly upright; text turned more than 90° is not read)."""
    pts = cv2.boxPoints(cv2.minAreaRect(np.asarray(box, np.float32))).astype(np.float64)
    e1, e2 = pts[1] - pts[0], pts[2] - pts[1]
    n1, n2 = float(np.linalg.norm(e1)), float(np.linalg.norm(e2))
    if max(n1, n2) >= 1.6 * max(min(n1, n2), 1e-6):
        u = e1 if n1 >= n2 else e2
    else:
        u = e1 if abs(e1[0]) >= abs(e1[1]) else e2
    u = u / (np.linalg.norm(u) or 1.0)
    if u[0] < 0:
        u = -u
    v = np.array([-u[1], u[0]])            # "down" when u points right
    a, b = pts @ u, pts @ v
    am, bm = a.mean(), b.mean()
    tl = pts[np.argmin(np.where((a < am) & (b < bm), 0, 1) * 1e9 + a + b)]
    tr = pts[np.argmin(np.where((a > am) & (b < bm), 0, 1) * 1e9 - a + b)]
    br = pts[np.argmin(np.where((a > am) & (b > bm), 0, 1) * 1e9 - a - b)]
    bl = pts[np.argmin(np.where((a < am) & (b > bm), 0, 1) * 1e9 + a - b)]
    return np.array([tl, tr, br, bl])


def _line_crop(frame: np.ndarray, box: np.ndarray, pad: float = 0.18, extend_left: float = 0.0) -> np.ndarray:
    """The text line inside ``box`` (frame pixels), level, padded, about 48 px high."""
    p = _order(box)
    w = float(np.linalg.norm(p[1] - p[0]))
    h = float(np.linalg.norm(p[3] - p[0]))
    if w < 2 or h < 2:
        return np.zeros((48, 48, 3), np.uint8)
    ux = (p[1] - p[0]) / w
    uy = (p[3] - p[0]) / h
    px, py = pad * h, pad * h
    left = px + extend_left * h
    w += extend_left * h
    src = np.array([p[0] - ux * left - uy * py, p[1] + ux * px - uy * py, p[2] + ux * px + uy * py],
                   np.float32)
    out_h = 48
    out_w = max(8, int(round((w + 2 * px) * out_h / (h + 2 * py))))
    dst = np.array([[0, 0], [out_w, 0], [out_w, out_h]], np.float32)
    m = cv2.getAffineTransform(src, dst)
    scale = out_h / (h + 2 * py)
    interp = cv2.INTER_AREA if scale < 1 else cv2.INTER_CUBIC
    return cv2.warpAffine(frame, m, (out_w, out_h), flags=interp, borderMode=cv2.BORDER_REPLICATE)


@dataclass
class _Box:
    pts: np.ndarray        # 4×2, frame pixels
    centre: np.ndarray
    angle: float           # reading direction, radians
    length: float
    height: float


def _as_box(pts: np.ndarray) -> _Box:
    p = _order(pts)
    d = p[1] - p[0]
    return _Box(p, p.mean(axis=0), float(np.arctan2(d[1], d[0])),
                float(np.linalg.norm(d)), float(np.linalg.norm(p[3] - p[0])))


def _group(boxes: list[_Box]) -> list[list[int]]:
    """Blocks of neighbouring, parallel lines of similar height (union-find)."""
    n = len(boxes)
    parent = list(range(n))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i in range(n):
        a = boxes[i]
        for j in range(i + 1, n):
            b = boxes[j]
            da = abs((a.angle - b.angle + np.pi / 2) % np.pi - np.pi / 2)
            if da > np.deg2rad(14):
                continue
            hmin, hmax = min(a.height, b.height), max(a.height, b.height)
            if hmax > 2.6 * hmin:
                continue
            u = np.array([np.cos(a.angle), np.sin(a.angle)])
            v = np.array([-u[1], u[0]])
            d = b.centre - a.centre
            along, across = abs(float(d @ u)), abs(float(d @ v))
            h = (a.height + b.height) / 2
            stacked = across < 2.8 * h and along < (a.length + b.length) / 2 + 1.5 * h
            beside = across < 0.6 * h and along < (a.length + b.length) / 2 + 3.0 * h
            if stacked or beside:
                parent[find(i)] = find(j)
    groups: dict[int, list[int]] = {}
    for i in range(n):
        groups.setdefault(find(i), []).append(i)
    return list(groups.values())


def _block_rank(boxes: list[_Box], idx: list[int]) -> float:
    k = len(idx)
    score = {1: 0.3, 2: 0.9, 3: 1.0, 4: 1.0, 5: 0.95, 6: 0.9}.get(k, 0.6 if k <= 10 else 0.3)
    ratios = [boxes[i].length / max(boxes[i].height, 1.0) for i in idx]
    if any(2.2 <= r <= 9.0 for r in ratios):        # shaped like "250464" or "HMS-nr 250464"
        score += 0.3
    size = float(np.mean([boxes[i].height for i in idx]))
    return score + min(size, 60.0) / 200.0


# --------------------------------------------------------------------------- reading

def _recognise_block(engine: _Engine, frame: np.ndarray, boxes: list[_Box], idx: list[int],
                     block_no: int) -> list[OcrLine]:
    crops = [_line_crop(frame, boxes[i].pts) for i in idx]
    lines = []
    for i, r in zip(idx, engine.recognize(crops)):
        pts = tuple((int(round(x)), int(round(y))) for x, y in boxes[i].pts)
        lines.append(OcrLine(r.text, r.score, pts, block_no, odds=r.odds))
    return lines


def reread(frame: np.ndarray, lines: list[OcrLine], variant: str, engine: _Engine | None = None) -> list[Read]:
    """Read ``lines`` again from a differently made crop, for a second opinion.

    ``variant``: ``"wide"`` (more margin), ``"contrast"`` (CLAHE on the crop),
    ``"sharp"`` (unsharp mask),
    ``"left"`` (the crop stretched six line heights to the left, for a label
    the detector cut off)."""
    engine = engine or get_engine()
    crops = []
    for line in lines:
        box = np.asarray(line.box, np.float64)
        if variant == "wide":
            crop = _line_crop(frame, box, pad=0.4)
        elif variant == "sharp":
            crop = _line_crop(frame, box, pad=0.3)
            crop = cv2.addWeighted(crop, 1.8, cv2.GaussianBlur(crop, (0, 0), 2.0), -0.8, 0)
        elif variant == "left":
            crop = _line_crop(frame, box, pad=0.25, extend_left=6.0)
        else:
            crop = _line_crop(frame, box, pad=0.25)
            lab = cv2.cvtColor(crop, cv2.COLOR_BGR2LAB)
            lab[:, :, 0] = cv2.createCLAHE(clipLimit=2.5, tileGridSize=(1, 8)).apply(lab[:, :, 0])
            crop = cv2.cvtColor(lab, cv2.COLOR_LAB2BGR)
        crops.append(crop)
    return engine.recognize(crops)


def read_text(frame: np.ndarray, *, budget_s: float = 3.0, engine: _Engine | None = None,
              enough=None, fallback: bool = True) -> OcrResult:
    """Read the text blocks of ``frame`` (BGR uint8), sticker-like blocks first.

    ``enough(lines) -> bool`` is asked after each block; True stops the search
    (the label reader passes "both numbers found").  ``fallback=False`` leaves
    out the full-resolution detection (the caller runs :func:`read_rest` when it
    wants it).  Raises :class:`OcrUnavailable`.
    """
    t0 = time.perf_counter()
    engine = engine or get_engine()
    if frame.ndim == 2:
        frame = cv2.cvtColor(frame, cv2.COLOR_GRAY2BGR)
    h, w = frame.shape[:2]
    s = min(1.0, FIND_MAX_SIDE / max(h, w))
    small = cv2.resize(frame, None, fx=s, fy=s, interpolation=cv2.INTER_AREA) if s < 1 else frame
    td = time.perf_counter()
    found, text_map = engine.detect_with_map(small)
    boxes = [_as_box(b / s) for b in found]
    detect_s = time.perf_counter() - td
    blocks = sorted(_group(boxes), key=lambda idx: -_block_rank(boxes, idx))
    result = OcrResult([], detect_s=detect_s, detect_px=small.shape[0] * small.shape[1])
    for k, idx in enumerate(blocks[:MAX_BLOCKS]):
        if k > 0 and time.perf_counter() - t0 > budget_s:
            break                         # the best-ranked block is always read
        idx = sorted(idx, key=lambda i: (boxes[i].centre[1], boxes[i].centre[0]))
        result.lines += _recognise_block(engine, frame, boxes, idx, k)
        result.blocks_read += 1
        if enough is not None and enough(result.lines):
            break
    else:
        if fallback and s < 1 and time.perf_counter() - t0 < budget_s:
            more = read_rest(frame, result.lines, budget_s=budget_s - (time.perf_counter() - t0),
                             engine=engine, enough=enough)
            result.fallback = bool(more)
            result.lines += more
    if text_map is not None and s < 1:
        result.unread = _unread(text_map, s, result.lines)
    result.elapsed_s = time.perf_counter() - t0
    return result


#: Text probability above which the detector's map counts as text seen …
MAP_TEXT_P = 0.3
#: … and the recogniser score at which a line read explains the text seen under it.
READ_WELL = 0.8


def _unread(text_map: np.ndarray, s: float, lines: list[OcrLine]) -> list[tuple[float, float, float, float, float]]:
    """The patches of ``text_map`` (the reduced frame's, scaled by ``s`` from the frame) that no line read
    well (a score of :data:`READ_WELL`, three signs or more) covers: their rectangles (x0, y0, x1, y1) and
    areas, in frame pixels."""
    n, _, stats, centres = cv2.connectedComponentsWithStats((text_map > MAP_TEXT_P).astype(np.uint8),
                                                            connectivity=8)
    good = [np.asarray(line.box, np.float32).reshape(-1, 1, 2) for line in lines
            if line.score >= READ_WELL and len(line.text.strip()) >= 3]
    out = []
    for i in range(1, n):
        x, y, w, h, area = (int(v) for v in stats[i])
        if area < 4:
            continue
        c = (float(centres[i][0] / s), float(centres[i][1] / s))
        if any(cv2.pointPolygonTest(g, c, False) >= 0 for g in good):
            continue
        out.append((x / s, y / s, (x + w) / s, (y + h) / s, area / s / s))
    return out


#: Around a patch of unread text, what the full-resolution look takes in: this many times the patch's
#: thickness (about its text's height), and at least this many frame pixels.
UNREAD_MARGIN = 3.0
UNREAD_MARGIN_MIN_PX = 40.0
#: Crops are joined only up to this many (joining is quadratic; more patches than this cover the frame).
MERGE_MAX_CROPS = 32


def unread_crops(unread: list[tuple[float, float, float, float, float]], width: int, height: int
                 ) -> list[tuple[int, int, int, int]]:
    """The parts of a ``width``×``height`` frame to detect again at full resolution: each unread patch
    with a margin (x0, y0, x1, y1); crops may overlap."""
    rects = []
    for x0, y0, x1, y1, area in unread:
        w, h = x1 - x0, y1 - y0
        # a tilted line's rectangle is high though its text is small: its thickness is its area over its length
        thick = min(w, h, area / max(np.hypot(w, h), 1.0))
        m = max(UNREAD_MARGIN_MIN_PX, UNREAD_MARGIN * thick)
        rects.append([max(0.0, x0 - m), max(0.0, y0 - m), min(float(width), x1 + m), min(float(height), y1 + m)])
    # two crops become one only where their joint rectangle costs little more than the two (a bounding
    # rectangle of scattered patches would be most of the frame); a line in two crops is kept once
    def area(r) -> float:
        return max(0.0, r[2] - r[0]) * max(0.0, r[3] - r[1])

    merged = len(rects) <= MERGE_MAX_CROPS       # (a frame full of unread text is read whole anyway)
    while merged:
        merged = False
        for i in range(len(rects)):
            for j in range(i + 1, len(rects)):
                a, b = rects[i], rects[j]
                joint = [min(a[0], b[0]), min(a[1], b[1]), max(a[2], b[2]), max(a[3], b[3])]
                inter = area([max(a[0], b[0]), max(a[1], b[1]), min(a[2], b[2]), min(a[3], b[3])])
                if area(joint) <= 1.15 * (area(a) + area(b) - inter):
                    rects[i] = joint
                    del rects[j]
                    merged = True
                    break
            if merged:
                break
    return [(int(a), int(b), int(np.ceil(c)), int(np.ceil(d))) for a, b, c, d in rects if c - a >= 8 and d - b >= 8]


def read_rest(frame: np.ndarray, lines: list[OcrLine], *, budget_s: float = 3.0, engine: _Engine | None = None,
              enough=None, crops: list[tuple[int, int, int, int]] | None = None, zoom: float = 1.0,
              first_block: int = 1000) -> list[OcrLine]:
    """Small text the reduced copy lost: detect once more at full resolution and read the lines not
    among ``lines`` (already read), best-ranked blocks first (block numbers from ``first_block``).

    ``crops`` (x0, y0, x1, y1; from :func:`unread_crops`) limits the detection to those parts of the
    frame, each enlarged ``zoom`` times; a line cut by a crop's edge is left out (part of a line)."""
    t0 = time.perf_counter()
    engine = engine or get_engine()
    if frame.ndim == 2:
        frame = cv2.cvtColor(frame, cv2.COLOR_GRAY2BGR)
    read = [_as_box(np.asarray(line.box, np.float64)) for line in lines]
    if crops is None:
        detected = engine.detect(frame)
    else:
        detected = []
        H, W = frame.shape[:2]
        for x0, y0, x1, y1 in crops:
            part = frame[y0:y1, x0:x1]
            if zoom != 1.0:
                part = cv2.resize(part, None, fx=zoom, fy=zoom, interpolation=cv2.INTER_CUBIC)
            for p in engine.detect(part):
                p = p / zoom + (x0, y0)
                if ((x0 > 0 and p[:, 0].min() < x0 + 2) or (y0 > 0 and p[:, 1].min() < y0 + 2)
                        or (x1 < W and p[:, 0].max() > x1 - 3) or (y1 < H and p[:, 1].max() > y1 - 3)):
                    continue
                detected = _merge_boxes(detected, [p])
    fresh = [b for b in (_as_box(p) for p in detected)
             if all(np.linalg.norm(b.centre - r.centre) > 0.5 * b.height for r in read)]
    out: list[OcrLine] = []
    for k, idx in enumerate(sorted(_group(fresh), key=lambda idx: -_block_rank(fresh, idx))):
        idx = sorted(idx, key=lambda i: (fresh[i].centre[1], fresh[i].centre[0]))
        out += _recognise_block(engine, frame, fresh, idx, first_block + k)
        if (enough is not None and enough(list(lines) + out)) or time.perf_counter() - t0 > budget_s:
            break
    return out


# --------------------------------------------------------------------------- a closer look at one region

#: Text height (pixels) the detector gets in a closer look.
ZOOM_TEXT_PX = 48.0
#: Longest side of a closer look's picture …
ZOOM_MAX_SIDE = 1600
#: … and its area: the detector's time grows with the pixels, and a closer look at more than half the
#: reduced frame's pixels costs more than it finds.
ZOOM_MAX_PIXELS = 360_000


def _region_transform(quad: np.ndarray, angle: float, text_h: float, margin: tuple[float, float]
                      ) -> tuple[np.ndarray, tuple[int, int]]:
    """The affine map from frame pixels to a level, enlarged picture of ``quad`` (points, frame pixels)
    turned by ``-angle``, with ``margin`` (along, across) text heights around it."""
    u = np.array([np.cos(angle), np.sin(angle)])
    v = np.array([-u[1], u[0]])
    a, b = quad @ u, quad @ v
    a0, a1 = a.min() - margin[0] * text_h, a.max() + margin[0] * text_h
    b0, b1 = b.min() - margin[1] * text_h, b.max() + margin[1] * text_h
    s = float(np.clip(ZOOM_TEXT_PX / max(text_h, 1.0), 0.5, 5.0))
    s = min(s, ZOOM_MAX_SIDE / max(a1 - a0, b1 - b0, 1.0),
            float(np.sqrt(ZOOM_MAX_PIXELS / max((a1 - a0) * (b1 - b0), 1.0))))
    m = np.array([[u[0], u[1], -a0], [v[0], v[1], -b0]]) * s
    return m, (max(16, int(round((a1 - a0) * s))), max(16, int(round((b1 - b0) * s))))


def look_closer(frame: np.ndarray, quad: np.ndarray, angle: float, text_h: float, *,
                margin: tuple[float, float] = (3.0, 2.5), block_no: int = 2000,
                engine: _Engine | None = None, variant: str = "", enough=None,
                deadline: float | None = None) -> list[OcrLine]:
    """Detect and read the text in one region again, level and enlarged.

    ``quad`` is the region (any points, frame pixels), ``angle`` its reading direction and ``text_h``
    the height of its text in frame pixels.  The region (plus ``margin`` text heights) is turned level
    and scaled so its text is about :data:`ZOOM_TEXT_PX` high — small text the frame-wide detection
    lost or merged is found again — then every line found is recognised.  Boxes are in frame pixels.

    ``variant``: ``"contrast"`` evens out glare (CLAHE) before detecting and reading; ``"small"`` sharpens
    the enlarged picture harder (text a few pixels high, blurred).  ``enough(lines) -> bool`` (the
    reader: both numbers found) spares the second detection, and so does ``deadline`` (a
    ``time.perf_counter()`` value) once passed."""
    engine = engine or get_engine()
    if frame.ndim == 2:
        frame = cv2.cvtColor(frame, cv2.COLOR_GRAY2BGR)
    m, (w, h) = _region_transform(np.asarray(quad, np.float64).reshape(-1, 2), angle, text_h, margin)
    interp = cv2.INTER_CUBIC if m[0, 0] ** 2 + m[0, 1] ** 2 > 1 else cv2.INTER_AREA
    view = cv2.warpAffine(frame, m, (w, h), flags=interp, borderMode=cv2.BORDER_REPLICATE)
    if variant == "contrast":
        # glare: local contrast (CLAHE) on the lightness brings back strokes a highlight washed out
        lab = cv2.cvtColor(view, cv2.COLOR_BGR2LAB)
        lab[:, :, 0] = cv2.createCLAHE(clipLimit=3.0, tileGridSize=(4, 8)).apply(lab[:, :, 0])
        view = cv2.cvtColor(lab, cv2.COLOR_LAB2BGR)
    elif variant == "small":
        # tiny blurred text, enlarged 3–5×: a stronger unsharp mask in proportion to the enlargement
        sigma = float(np.clip(np.sqrt(m[0, 0] ** 2 + m[0, 1] ** 2), 2.0, 5.0))
        view = cv2.addWeighted(view, 3.0, cv2.GaussianBlur(view, (0, 0), sigma), -2.0, 0)
    sharp = cv2.addWeighted(view, 2.0, cv2.GaussianBlur(view, (0, 0), 3.0), -1.0, 0)
    # the detector is unsteady on blurred small text: first a detection on a sharpened copy; only when
    # its lines are not ``enough`` a second one on the plain copy, the longer of two overlapping boxes
    # kept (a whole "Serienr 123456" rather than its number alone)
    found = _merge_boxes([], engine.detect(sharp))
    lines = _read_view(engine, view, m, w, h, found, angle, block_no)
    if (enough is None or not enough(lines)) and (deadline is None or time.perf_counter() < deadline):
        more = _merge_boxes(found, engine.detect(view))
        if len(more) != len(found) or any(a is not b for a, b in zip(more, found)):
            lines = _read_view(engine, view, m, w, h, more, angle, block_no)
    return lines


def _merge_boxes(found: list[np.ndarray], detected: list[np.ndarray]) -> list[np.ndarray]:
    found = list(found)
    for pts in detected:
        pts = np.asarray(pts, np.float32)
        clash = [k for k, q in enumerate(found) if _overlap(pts, q)]
        length = float(np.linalg.norm(pts[1] - pts[0]))
        if any(float(np.linalg.norm(found[k][1] - found[k][0])) >= length for k in clash):
            continue
        found = [q for k, q in enumerate(found) if k not in clash] + [pts]
    return found


def _read_view(engine: _Engine, view: np.ndarray, m: np.ndarray, w: int, h: int, found: list[np.ndarray],
               angle: float, block_no: int) -> list[OcrLine]:
    """Recognise the boxes ``found`` in the closer look's ``view``; boxes returned in frame pixels."""
    back = cv2.invertAffineTransform(m)
    boxes = []
    edge = 2.0
    for pts in found:
        if (pts[:, 0].min() < edge or pts[:, 1].min() < edge or pts[:, 0].max() > w - 1 - edge
                or pts[:, 1].max() > h - 1 - edge):
            continue              # cut by the edge of the closer look: part of a line ("rt.nr" of "Lev.art.nr")
        p = np.hstack([pts.astype(np.float64), np.ones((4, 1))]) @ back.T
        box = _as_box(p)
        if box.height >= 2 and box.length >= 2:
            boxes.append(box)
    if not boxes:
        return []
    boxes.sort(key=lambda b: (b.centre @ np.array([-np.sin(angle), np.cos(angle)]),
                              b.centre @ np.array([np.cos(angle), np.sin(angle)])))
    crops = [_view_crop(view, m, b) for b in boxes]
    return [OcrLine(r.text, r.score, tuple((int(round(x)), int(round(y))) for x, y in b.pts), block_no, odds=r.odds)
            for b, r in zip(boxes, engine.recognize(crops))]


def _overlap(a: np.ndarray, b: np.ndarray) -> bool:
    """Whether the centre of either quadrilateral lies inside the other."""
    return (cv2.pointPolygonTest(b.reshape(-1, 1, 2), tuple(float(v) for v in a.mean(axis=0)), False) >= 0
            or cv2.pointPolygonTest(a.reshape(-1, 1, 2), tuple(float(v) for v in b.mean(axis=0)), False) >= 0)


def _view_crop(view: np.ndarray, m: np.ndarray, box: _Box) -> np.ndarray:
    """The line ``box`` (frame pixels) cut from the enlarged ``view`` (``m``: frame → view)."""
    pts = np.hstack([box.pts, np.ones((4, 1))]) @ m.T
    return _line_crop(view, pts)
