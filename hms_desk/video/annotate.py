"""Drawings on a frozen frame: arrows, circles, rectangles and short text labels.

The technician freezes the caller's picture and marks the broken part on it.
An :class:`Annotation` is plain data in **image pixel coordinates** (Qt's
convention: pixel *i* covers ``[i, i+1)``), so it stays on the part whatever
the view's zoom, pan or rotation.  It travels as JSON (``to_dict`` /
``from_dict``, stored on the snapshot row) and is burned into the stored
picture by :func:`render` — always *after* the picture was anonymised, so a
drawing can never un-blur a face.

Sizes follow the picture: a stroke of ``width`` 3 is 3/640 of the picture's
longer side, so a drawing looks the same on a 640×360 phone picture and on a
1920×1080 camera.  The live preview in ``ui.annotation_layer`` uses the same
:func:`stroke_px` / :func:`text_px`, so what the technician draws is what is
stored.  Text is drawn with Pillow and DejaVu Sans (OpenCV's Hershey fonts
have no æ, ø, å) with a contrasting outline.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import cv2
import numpy as np

from hms_desk.domain.errors import ValidationError
from hms_desk.domain.personal_data import check_free_text
from hms_desk.platform.resources import resource

__all__ = [
    "Annotation",
    "AnnotationError",
    "COLOURS",
    "DEFAULT_COLOUR",
    "KINDS",
    "from_json_list",
    "render",
    "stroke_px",
    "text_px",
    "to_json_list",
]

KINDS = ("pil", "sirkel", "rektangel", "tekst")
#: How many points each kind has: arrow tail→tip, the two corners of the box
#: an ellipse or rectangle fills, the top-left corner of a text label.
POINT_COUNT = {"pil": 2, "sirkel": 2, "rektangel": 2, "tekst": 1}

#: The colours the tools offer (name → ``#rrggbb``); any ``#rrggbb`` is accepted.
COLOURS = {"rød": "#e0202a", "gul": "#ffd400", "grønn": "#18b84a", "blå": "#1e6fe0", "hvit": "#ffffff"}
DEFAULT_COLOUR = COLOURS["rød"]
DEFAULT_WIDTH = 3
MAX_WIDTH = 12
MAX_TEXT = 80
MAX_ANNOTATIONS = 200
MAX_COORD = 100_000.0

_HEX = re.compile(r"^#[0-9a-fA-F]{6}$")
_FONT = ("fonts", "DejaVuSans.ttf")


class AnnotationError(ValidationError):
    code = "UGYLDIG_TEGNING"


def _fail(message: str) -> AnnotationError:
    return AnnotationError(f"Ugyldig tegning på bildet: {message}", field="annotations")


@dataclass(frozen=True)
class Annotation:
    """One drawing; ``points`` in image pixels, ``colour`` ``#rrggbb``, ``width`` 1–12."""

    kind: str
    points: tuple[tuple[float, float], ...]
    colour: str = DEFAULT_COLOUR
    width: int = DEFAULT_WIDTH
    text: str = ""
    _checked: bool = field(default=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if self._checked:
            return
        checked = Annotation.from_dict(self.to_dict())
        object.__setattr__(self, "points", checked.points)
        object.__setattr__(self, "colour", checked.colour)
        object.__setattr__(self, "text", checked.text)
        object.__setattr__(self, "_checked", True)

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {"kind": self.kind, "points": [[x, y] for x, y in self.points],
                             "colour": self.colour, "width": self.width}
        if self.kind == "tekst":
            d["text"] = self.text
        return d

    @classmethod
    def from_dict(cls, data: Any) -> Annotation:
        """Checked :class:`Annotation` from JSON-shaped ``data``; :class:`AnnotationError` if it is not one."""
        if not isinstance(data, Mapping):
            raise _fail("hver tegning må være et objekt med «kind» og «points».")
        unknown = set(data) - {"kind", "points", "colour", "width", "text"}
        if unknown:
            raise _fail(f"ukjent felt «{sorted(unknown)[0]}».")
        kind = data.get("kind")
        if kind not in KINDS:
            raise _fail(f"ukjent type «{kind}» (bruk pil, sirkel, rektangel eller tekst).")
        points = _points(data.get("points"), POINT_COUNT[kind], kind)
        colour = data.get("colour", DEFAULT_COLOUR)
        if not isinstance(colour, str) or not _HEX.match(colour):
            raise _fail(f"fargen «{colour}» er ikke på formen #rrggbb.")
        width = data.get("width", DEFAULT_WIDTH)
        if isinstance(width, bool) or not isinstance(width, int) or not 1 <= width <= MAX_WIDTH:
            raise _fail(f"strekbredden må være et heltall fra 1 til {MAX_WIDTH}.")
        text = data.get("text", "")
        if not isinstance(text, str):
            raise _fail("teksten må være tekst.")
        if kind == "tekst":
            text = text.strip()
            if not text:
                raise _fail("tekstfeltet er tomt.")
            if len(text) > MAX_TEXT:
                raise _fail(f"teksten er lengre enn {MAX_TEXT} tegn.")
            if any(ord(c) < 32 or 0x7F <= ord(c) < 0xA0 for c in text):
                raise _fail("teksten kan ikke ha linjeskift eller kontrolltegn.")
            check_free_text(text, field="annotations")
        elif text:
            raise _fail(f"bare tekst kan ha tekst, ikke {kind}.")
        return cls(kind, points, colour.lower(), width, text, _checked=True)

    def moved_to(self, index: int, point: tuple[float, float]) -> Annotation:
        """A copy with point ``index`` moved (used while dragging out a shape)."""
        pts = list(self.points)
        pts[index] = (float(point[0]), float(point[1]))
        return Annotation(self.kind, tuple(pts), self.colour, self.width, self.text)


def _points(raw: Any, count: int, kind: str) -> tuple[tuple[float, float], ...]:
    if not isinstance(raw, (list, tuple)) or len(raw) != count:
        raise _fail(f"{kind} skal ha {count} punkt{'er' if count > 1 else ''}.")
    out = []
    for p in raw:
        if (not isinstance(p, (list, tuple)) or len(p) != 2
                or not all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in p)):
            raise _fail("et punkt må være to tall [x, y].")
        x, y = float(p[0]), float(p[1])
        if not (math.isfinite(x) and math.isfinite(y)) or abs(x) > MAX_COORD or abs(y) > MAX_COORD:
            raise _fail("et punkt ligger utenfor bildet.")
        out.append((x, y))
    return tuple(out)


def from_json_list(data: Any) -> list[Annotation]:
    """The annotations of a snapshot from JSON (a list of dicts, or None)."""
    if data is None:
        return []
    if not isinstance(data, (list, tuple)):
        raise _fail("tegningene må være en liste.")
    if len(data) > MAX_ANNOTATIONS:
        raise _fail(f"mer enn {MAX_ANNOTATIONS} tegninger på ett bilde.")
    return [a if isinstance(a, Annotation) else Annotation.from_dict(a) for a in data]


def to_json_list(annotations: Iterable[Annotation]) -> list[dict[str, Any]]:
    return [a.to_dict() for a in annotations]


# --- sizes shared with the on-screen preview -------------------------------------

def stroke_px(image_w: int, image_h: int, width: int) -> float:
    """Line thickness in image pixels for stroke ``width`` on a picture this size."""
    return max(1.0, width * max(image_w, image_h) / 640.0)


def text_px(image_w: int, image_h: int, width: int) -> int:
    """Font size (pixels) of a text label: about 1/28 of the longer side at width 3."""
    return max(10, round(max(image_w, image_h) / 28.0 * (0.55 + 0.15 * width)))


def arrow_head(tail: tuple[float, float], tip: tuple[float, float], thickness: float
               ) -> tuple[tuple[float, float], tuple[float, float], tuple[float, float]] | None:
    """The triangle of an arrow's head (tip, left, right), or None for a zero-length arrow."""
    dx, dy = tip[0] - tail[0], tip[1] - tail[1]
    length = math.hypot(dx, dy)
    if length < 1e-6:
        return None
    size = min(max(6.0 * thickness, 10.0), length * 0.6)
    ux, uy = dx / length, dy / length
    bx, by = tip[0] - ux * size, tip[1] - uy * size
    half = size * 0.55
    return tip, (bx - uy * half, by + ux * half), (bx + uy * half, by - ux * half)


def contrast_of(colour: str) -> tuple[int, int, int]:
    """Black for light colours, white for dark ones (RGB)."""
    r, g, b = _rgb(colour)
    return (20, 20, 20) if 0.299 * r + 0.587 * g + 0.114 * b > 110 else (255, 255, 255)


def _rgb(colour: str) -> tuple[int, int, int]:
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


# --- rendering ------------------------------------------------------------------------

_SHIFT = 4                      # cv2 sub-pixel bits: coordinates in 1/16 pixel
_ONE = 1 << _SHIFT


def _cv(p: tuple[float, float]) -> tuple[int, int]:
    # image coordinates (pixel i covers [i, i+1)) → cv2's (pixel centres on integers), fixed point
    return round((p[0] - 0.5) * _ONE), round((p[1] - 0.5) * _ONE)


def render(image: np.ndarray, annotations: Sequence[Annotation | Mapping[str, Any]] | None) -> np.ndarray:
    """A copy of the BGR ``image`` with ``annotations`` drawn on it (anti-aliased)."""
    items = from_json_list(list(annotations) if annotations is not None else None)
    if image is None or image.ndim != 3 or image.shape[2] != 3 or image.dtype != np.uint8:
        raise _fail("bildet må være et BGR-bilde (8 bit, 3 kanaler).")
    out = np.ascontiguousarray(image).copy()
    h, w = out.shape[:2]
    for a in items:
        if a.kind == "tekst":
            _draw_text(out, a)
            continue
        t = stroke_px(w, h, a.width)
        outline = max(1.0, t / 3.0)
        r, g, b = _rgb(a.colour)
        cr, cg, cb = contrast_of(a.colour)
        # the contrasting outline first, then the colour on top
        _draw_shape(out, a, (cb, cg, cr), t, edge=2 * outline)
        _draw_shape(out, a, (b, g, r), t, edge=0.0)
    return out


def _draw_shape(img: np.ndarray, a: Annotation, bgr: tuple[int, int, int], stroke: float, edge: float) -> None:
    """Draw ``a`` with lines ``stroke + edge`` thick (``edge`` > 0: the outline pass)."""
    th = max(1, round(stroke + edge))
    p1, p2 = a.points[0], a.points[1]
    if a.kind == "pil":
        head = arrow_head(p1, p2, stroke)
        if head is None:
            return
        tip, left, right = head
        base = ((left[0] + right[0]) / 2, (left[1] + right[1]) / 2)
        cv2.line(img, _cv(p1), _cv(base), bgr, th, cv2.LINE_AA, _SHIFT)
        tri = np.array([_cv(tip), _cv(left), _cv(right)], np.int32)
        if edge > 0:        # the outline pass grows the head by its edge
            cv2.polylines(img, [tri], True, bgr, max(1, round(edge)), cv2.LINE_AA, _SHIFT)
        cv2.fillConvexPoly(img, tri, bgr, cv2.LINE_AA, _SHIFT)
    elif a.kind == "rektangel":
        x1, x2 = sorted((p1[0], p2[0]))
        y1, y2 = sorted((p1[1], p2[1]))
        cv2.rectangle(img, _cv((x1, y1)), _cv((x2, y2)), bgr, th, cv2.LINE_AA, _SHIFT)
    elif a.kind == "sirkel":
        cx, cy = (p1[0] + p2[0]) / 2, (p1[1] + p2[1]) / 2
        ax, ay = abs(p2[0] - p1[0]) / 2, abs(p2[1] - p1[1]) / 2
        cv2.ellipse(img, _cv((cx, cy)), (round(ax * _ONE), round(ay * _ONE)), 0, 0, 360, bgr, th,
                    cv2.LINE_AA, _SHIFT)


@lru_cache(maxsize=16)
def _font(size: int):
    from PIL import ImageFont

    return ImageFont.truetype(str(resource(*_FONT)), size)


def _draw_text(img: np.ndarray, a: Annotation) -> None:
    from PIL import Image, ImageDraw

    h, w = img.shape[:2]
    size = text_px(w, h, a.width)
    font = _font(size)
    stroke = max(1, round(size / 12))
    x, y = a.points[0]
    y += font.getmetrics()[0]       # the point is the top-left of the line; Pillow wants the baseline
    left, top, right, bottom = font.getbbox(a.text, stroke_width=stroke, anchor="ls")
    # only the part of the picture under the label goes through Pillow
    x0, y0 = max(0, math.floor(x + left) - 2), max(0, math.floor(y + top) - 2)
    x1, y1 = min(w, math.ceil(x + right) + 2), min(h, math.ceil(y + bottom) + 2)
    if x1 <= x0 or y1 <= y0:
        return
    crop = Image.fromarray(np.ascontiguousarray(img[y0:y1, x0:x1, ::-1]))
    ImageDraw.Draw(crop).text((x - x0, y - y0), a.text, font=font, fill=_rgb(a.colour), anchor="ls",
                              stroke_width=stroke, stroke_fill=contrast_of(a.colour))
    img[y0:y1, x0:x1] = np.asarray(crop)[:, :, ::-1]
