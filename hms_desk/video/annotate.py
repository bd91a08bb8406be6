"""Marks on a frozen frame: arrows, ellipses, rectangles, freehand strokes, text
labels and numbered markers (1, 2, 3 … for "first this, then that").

The technician freezes the caller's picture and marks the broken part on it.
An :class:`Annotation` is plain data in **image pixel coordinates** (Qt's
convention: pixel *i* covers ``[i, i+1)``), so it stays on the part whatever
the view's zoom, pan or rotation.  It travels as JSON (``to_dict`` /
``from_dict``, stored on the snapshot row; rows written before freehand and
numbered marks existed read unchanged) and is burned into the stored picture
by :func:`render` — always *after* the picture was anonymised, so a drawing
can never un-blur a face.

A mark is never shown on screen and then lost from the document: before a
mark is kept (and again before it is burned in) :func:`fit_to_image` clamps it
into the picture — points onto the edge, a text label or numbered marker
moved inside whole — and refuses what cannot be placed (a shape squeezed to
nothing, a label wider than the picture) with a Norwegian message.  A mark
that is already inside comes back unchanged, so data round-trips losslessly.

Sizes follow the picture: a stroke of ``width`` 3 is 3/640 of the picture's
longer side, so a drawing looks the same on a 640×360 phone picture and on a
1920×1080 camera.  The live preview in ``ui.annotation_layer`` uses the same
:func:`stroke_px` / :func:`text_px` / :func:`marker_radius` and the same
placement, so what the technician draws is what is stored.  Text is drawn
with Pillow and DejaVu Sans (OpenCV's Hershey fonts have no æ, ø, å) with a
contrasting outline.
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
from hms_desk.domain.i18n import plural
from hms_desk.domain.personal_data import check_free_text
from hms_desk.platform.resources import resource

__all__ = [
    "Annotation",
    "AnnotationError",
    "COLOURS",
    "DEFAULT_COLOUR",
    "KINDS",
    "bounds",
    "distance_to",
    "fit_all",
    "fit_to_image",
    "from_json_list",
    "key_points",
    "marker_radius",
    "next_number",
    "render",
    "simplify_stroke",
    "stroke_px",
    "text_box",
    "text_px",
    "to_json_list",
]

KINDS = ("pil", "sirkel", "rektangel", "tekst", "penn", "nummer")
#: How many points each kind has: arrow tail→tip, the two corners of the box
#: an ellipse or rectangle fills, the top-left corner of a text label, the
#: centre of a numbered marker.  A freehand stroke (``penn``) has 2 to
#: :data:`MAX_STROKE_POINTS`.
POINT_COUNT = {"pil": 2, "sirkel": 2, "rektangel": 2, "tekst": 1, "nummer": 1}
KIND_NAMES = {"pil": "pil", "sirkel": "sirkel", "rektangel": "rektangel", "tekst": "tekst",
              "penn": "frihåndsstrek", "nummer": "nummermerke"}

#: The colours the tools offer (name → ``#rrggbb``); any ``#rrggbb`` is accepted.
COLOURS = {"rød": "#e0202a", "gul": "#ffd400", "grønn": "#18b84a", "blå": "#1e6fe0", "hvit": "#ffffff"}
DEFAULT_COLOUR = COLOURS["rød"]
DEFAULT_WIDTH = 3
MAX_WIDTH = 12
MAX_TEXT = 80
MAX_NUMBER = 99
MAX_ANNOTATIONS = 200
MAX_STROKE_POINTS = 2000
MAX_COORD = 100_000.0

_HEX = re.compile(r"^#[0-9a-fA-F]{6}$")
_FONT = ("fonts", "DejaVuSans.ttf")
_FIELDS = {"kind", "points", "colour", "width", "text", "number"}

Point = tuple[float, float]


class AnnotationError(ValidationError):
    code = "UGYLDIG_TEGNING"


def _fail(message: str) -> AnnotationError:
    return AnnotationError(f"Ugyldig tegning på bildet: {message}", field="annotations")


@dataclass(frozen=True)
class Annotation:
    """One mark; ``points`` in image pixels, ``colour`` ``#rrggbb``, ``width`` 1–12,
    ``text`` for ``tekst``, ``number`` (1–99) for ``nummer``."""

    kind: str
    points: tuple[Point, ...]
    colour: str = DEFAULT_COLOUR
    width: int = DEFAULT_WIDTH
    text: str = ""
    number: int = 0
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
        if self.kind == "nummer" or self.number:
            d["number"] = self.number
        return d

    @classmethod
    def from_dict(cls, data: Any) -> Annotation:
        """Checked :class:`Annotation` from JSON-shaped ``data``; :class:`AnnotationError` if it is not one."""
        if not isinstance(data, Mapping):
            raise _fail("hver tegning må være et objekt med «kind» og «points».")
        unknown = set(data) - _FIELDS
        if unknown:
            raise _fail(f"ukjent felt «{sorted(unknown)[0]}».")
        kind = data.get("kind")
        if kind not in KINDS:
            raise _fail(f"ukjent type «{kind}» (bruk pil, sirkel, rektangel, tekst, penn eller nummer).")
        points = _points(data.get("points"), kind)
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
        number = data.get("number", 0)
        if kind == "nummer":
            if isinstance(number, bool) or not isinstance(number, int) or not 1 <= number <= MAX_NUMBER:
                raise _fail(f"nummeret må være et heltall fra 1 til {MAX_NUMBER}.")
        elif "number" in data:
            raise _fail(f"bare et nummermerke kan ha nummer, ikke {kind}.")
        return cls(kind, points, colour.lower(), width, text, number, _checked=True)

    # -- copies ---------------------------------------------------------------------------
    def with_points(self, points: Sequence[Point]) -> Annotation:
        """A checked copy with other ``points``."""
        return Annotation(self.kind, tuple((float(x), float(y)) for x, y in points), self.colour, self.width,
                          self.text, self.number)

    def moved_to(self, index: int, point: Point) -> Annotation:
        """A copy with point ``index`` moved (used while dragging out a shape)."""
        pts = list(self.points)
        pts[index] = (float(point[0]), float(point[1]))
        return self.with_points(pts)

    def translated(self, dx: float, dy: float) -> Annotation:
        """A copy moved by ``(dx, dy)`` image pixels."""
        return self.with_points([(x + dx, y + dy) for x, y in self.points])

    def styled(self, colour: str | None = None, width: int | None = None) -> Annotation:
        """A copy in another colour and/or stroke width."""
        return Annotation(self.kind, self.points, colour or self.colour, width or self.width, self.text, self.number)


def _points(raw: Any, kind: str) -> tuple[Point, ...]:
    if kind == "penn":
        if not isinstance(raw, (list, tuple)) or not 2 <= len(raw) <= MAX_STROKE_POINTS:
            raise _fail(f"en frihåndsstrek skal ha fra 2 til {MAX_STROKE_POINTS} punkter.")
    else:
        count = POINT_COUNT[kind]
        if not isinstance(raw, (list, tuple)) or len(raw) != count:
            raise _fail(f"{kind} skal ha {plural(count, '{n} punkt', '{n} punkter')}.")
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


def next_number(annotations: Iterable[Annotation]) -> int:
    """The number the next numbered marker gets: one more than the highest so far (at most 99)."""
    return min(MAX_NUMBER, max((a.number for a in annotations if a.kind == "nummer"), default=0) + 1)


# --- sizes shared with the on-screen preview -------------------------------------

def stroke_px(image_w: int, image_h: int, width: int) -> float:
    """Line thickness in image pixels for stroke ``width`` on a picture this size."""
    return max(1.0, width * max(image_w, image_h) / 640.0)


def text_px(image_w: int, image_h: int, width: int) -> int:
    """Font size (pixels) of a text label: about 1/28 of the longer side at width 3."""
    return max(10, round(max(image_w, image_h) / 28.0 * (0.55 + 0.15 * width)))


def marker_radius(image_w: int, image_h: int, width: int) -> float:
    """Radius (image pixels) of a numbered marker's disc, outline included."""
    return max(8.0, 0.8 * text_px(image_w, image_h, width))


def marker_font_px(image_w: int, image_h: int, width: int) -> int:
    """Font size of the digits in a numbered marker."""
    return max(8, round(1.1 * marker_radius(image_w, image_h, width)))


def text_outline_px(size: int) -> int:
    """Width of the contrasting outline around the letters of a label of font ``size``."""
    return max(1, round(size / 12))


def arrow_head(tail: Point, tip: Point, thickness: float) -> tuple[Point, Point, Point] | None:
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


# --- geometry: where a mark's ink lies ------------------------------------------------

def text_box(a: Annotation, image_w: int, image_h: int) -> tuple[float, float, float, float]:
    """The box ``(x0, y0, x1, y1)`` a text label's letters (with outline) cover, image pixels.

    The label's point is the top-left of its line box (ascent above the baseline)."""
    size = text_px(image_w, image_h, a.width)
    font = _font(size)
    stroke = text_outline_px(size)
    x, y = a.points[0]
    base = y + font.getmetrics()[0]
    left, top, right, bottom = font.getbbox(a.text, stroke_width=stroke, anchor="ls")
    return x + left, base + top, x + right, base + bottom


def bounds(a: Annotation, image_w: int, image_h: int) -> tuple[float, float, float, float]:
    """The box ``(x0, y0, x1, y1)`` the mark's ink covers (strokes and outlines included)."""
    if a.kind == "tekst":
        return text_box(a, image_w, image_h)
    if a.kind == "nummer":
        (x, y), r = a.points[0], marker_radius(image_w, image_h, a.width)
        return x - r, y - r, x + r, y + r
    xs = [p[0] for p in a.points]
    ys = [p[1] for p in a.points]
    t = stroke_px(image_w, image_h, a.width)
    pad = t / 2 + max(1.0, t / 3.0)
    if a.kind == "pil":
        head = arrow_head(a.points[0], a.points[1], t)
        if head is not None:
            xs += [p[0] for p in head]
            ys += [p[1] for p in head]
    return min(xs) - pad, min(ys) - pad, max(xs) + pad, max(ys) + pad


def key_points(a: Annotation, image_w: int, image_h: int, segments: int = 32) -> list[Point]:
    """Points along the mark's outline (the stroke's path; a label's or marker's box corners).

    Used to hit-test a click and to say where a tracked mark lies in a live frame."""
    if a.kind in ("pil", "penn"):
        return list(a.points)
    if a.kind == "rektangel":
        (x1, y1), (x2, y2) = a.points
        return [(x1, y1), (x2, y1), (x2, y2), (x1, y2), (x1, y1)]
    if a.kind == "sirkel":
        (x1, y1), (x2, y2) = a.points
        cx, cy, rx, ry = (x1 + x2) / 2, (y1 + y2) / 2, abs(x2 - x1) / 2, abs(y2 - y1) / 2
        return [(cx + rx * math.cos(2 * math.pi * i / segments), cy + ry * math.sin(2 * math.pi * i / segments))
                for i in range(segments + 1)]
    x0, y0, x1, y1 = bounds(a, image_w, image_h)
    return [(x0, y0), (x1, y0), (x1, y1), (x0, y1), (x0, y0)]


def _segment_distance(p: Point, a: Point, b: Point) -> float:
    dx, dy = b[0] - a[0], b[1] - a[1]
    n = dx * dx + dy * dy
    t = 0.0 if n == 0 else max(0.0, min(1.0, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / n))
    return math.hypot(p[0] - (a[0] + t * dx), p[1] - (a[1] + t * dy))


def distance_to(a: Annotation, point: Point, image_w: int, image_h: int) -> float:
    """How far ``point`` (image pixels) is from the mark's ink: 0 on a label, a marker or inside
    a stroke; used to pick the mark under the mouse."""
    if a.kind in ("tekst", "nummer"):
        x0, y0, x1, y1 = bounds(a, image_w, image_h)
        dx = max(x0 - point[0], 0.0, point[0] - x1)
        dy = max(y0 - point[1], 0.0, point[1] - y1)
        return math.hypot(dx, dy)
    path = key_points(a, image_w, image_h)
    d = min(_segment_distance(point, path[i], path[i + 1]) for i in range(len(path) - 1))
    if a.kind == "pil":
        head = arrow_head(a.points[0], a.points[1], stroke_px(image_w, image_h, a.width))
        if head is not None:
            d = min(d, math.dist(point, head[0]))
    return max(0.0, d - stroke_px(image_w, image_h, a.width) / 2)


# --- keeping marks on the picture -----------------------------------------------------

def _clamp(v: float, lo: float, hi: float) -> float:
    return lo if v < lo else hi if v > hi else v


_EPS = 1e-6


def fit_to_image(a: Annotation, image_w: int, image_h: int) -> Annotation:
    """``a`` placed wholly on a picture ``image_w`` × ``image_h``.

    Points of strokes and shapes that reach outside are clamped onto the picture (less half a
    stroke, so the whole line shows); a text label or numbered marker that reaches outside is
    moved inside whole.  A mark that is already inside comes back unchanged (the same object).
    :class:`AnnotationError` when the mark cannot be placed: a stroke or shape wholly outside
    the picture or squeezed to nothing, a label or marker whose point is outside the picture,
    a label wider than the picture.
    """
    if image_w < 1 or image_h < 1:
        raise _fail("bildet har ingen størrelse.")
    name = KIND_NAMES[a.kind]
    if a.kind in ("tekst", "nummer"):
        x, y = a.points[0]
        if not (0 <= x <= image_w and 0 <= y <= image_h):
            raise _fail(f"{'teksten' if a.kind == 'tekst' else 'nummermerket'} er plassert utenfor bildet"
                        " – sett det på bildet.")
        x0, y0, x1, y1 = bounds(a, image_w, image_h)
        if x1 - x0 > image_w or y1 - y0 > image_h:
            raise _fail("teksten er bredere enn bildet – skriv kortere eller velg tynnere strek."
                        if a.kind == "tekst" else "nummermerket er større enn bildet.")
        # a tolerance (and positions kept to a micro-pixel) so that placing again changes nothing
        dx = -x0 if x0 < -_EPS else (image_w - x1 if x1 > image_w + _EPS else 0.0)
        dy = -y0 if y0 < -_EPS else (image_h - y1 if y1 > image_h + _EPS else 0.0)
        if dx == 0 and dy == 0:
            return a
        moved = a.translated(dx, dy)
        return moved.with_points(tuple((round(px, 6), round(py, 6)) for px, py in moved.points))
    if a.kind == "pil" and math.dist(a.points[0], a.points[1]) < 1.0:
        raise _fail("pilen er for kort – dra fra der den skal starte til der den skal peke.")
    inset = min(stroke_px(image_w, image_h, a.width) / 2, image_w / 2, image_h / 2)
    lo_x, hi_x, lo_y, hi_y = inset, image_w - inset, inset, image_h - inset
    if all(lo_x <= x <= hi_x and lo_y <= y <= hi_y for x, y in a.points):
        return a
    outside = _fail(f"{name}en ligger utenfor bildet – tegn den på bildet.")
    xs, ys = [p[0] for p in a.points], [p[1] for p in a.points]
    if max(xs) < 0 or min(xs) > image_w or max(ys) < 0 or min(ys) > image_h:
        raise outside                       # wholly outside: refused, not squeezed onto the edge
    pts = [(_clamp(x, lo_x, hi_x), _clamp(y, lo_y, hi_y)) for x, y in a.points]
    xs, ys = [p[0] for p in pts], [p[1] for p in pts]
    extent = max(max(xs) - min(xs), max(ys) - min(ys))
    if extent < 1.0 or (a.kind == "pil" and math.dist(pts[0], pts[1]) < 1.0):
        raise outside
    return a.with_points(pts)


def fit_all(annotations: Iterable[Annotation], image_w: int, image_h: int) -> list[Annotation]:
    """Every mark placed on the picture (:func:`fit_to_image`); refuses the whole list if one cannot be."""
    return [fit_to_image(a, image_w, image_h) for a in annotations]


def simplify_stroke(points: Sequence[Point], tolerance: float = 0.75,
                    max_points: int = MAX_STROKE_POINTS) -> list[Point]:
    """A freehand stroke with the points that lie within ``tolerance`` pixels of the line
    through their neighbours dropped (Douglas–Peucker), at most ``max_points`` long.  The
    first and last points and every kept point are the caller's exact values."""
    pts = [(float(x), float(y)) for x, y in points]
    tol = tolerance
    while True:
        kept = _douglas_peucker(pts, tol)
        if len(kept) <= max_points:
            return kept
        tol *= 2


def _douglas_peucker(pts: list[Point], tol: float) -> list[Point]:
    if len(pts) <= 2:
        return list(pts)
    keep = [False] * len(pts)
    keep[0] = keep[-1] = True
    stack = [(0, len(pts) - 1)]
    while stack:
        i, j = stack.pop()
        far, at = -1.0, -1
        for k in range(i + 1, j):
            d = _segment_distance(pts[k], pts[i], pts[j])
            if d > far:
                far, at = d, k
        if at >= 0 and far > tol:
            keep[at] = True
            stack += [(i, at), (at, j)]
    return [p for p, k in zip(pts, keep) if k]


# --- rendering ------------------------------------------------------------------------

_SHIFT = 4                      # cv2 sub-pixel bits: coordinates in 1/16 pixel
_ONE = 1 << _SHIFT


def _cv(p: Point) -> tuple[int, int]:
    # image coordinates (pixel i covers [i, i+1)) → cv2's (pixel centres on integers), fixed point
    return round((p[0] - 0.5) * _ONE), round((p[1] - 0.5) * _ONE)


def render(image: np.ndarray, annotations: Sequence[Annotation | Mapping[str, Any]] | None) -> np.ndarray:
    """A copy of the BGR ``image`` with ``annotations`` drawn on it (anti-aliased).

    Each mark is first placed on the picture (:func:`fit_to_image`), so nothing drawn is lost."""
    items = from_json_list(list(annotations) if annotations is not None else None)
    if image is None or image.ndim != 3 or image.shape[2] != 3 or image.dtype != np.uint8:
        raise _fail("bildet må være et BGR-bilde (8 bit, 3 kanaler).")
    out = np.ascontiguousarray(image).copy()
    h, w = out.shape[:2]
    for a in fit_all(items, w, h):
        if a.kind == "tekst":
            _draw_text(out, a)
            continue
        if a.kind == "nummer":
            _draw_marker(out, a)
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
    if a.kind == "penn":
        line = np.array([_cv(p) for p in a.points], np.int32)
        cv2.polylines(img, [line], False, bgr, th, cv2.LINE_AA, _SHIFT)
        return
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
    stroke = text_outline_px(size)
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


def marker_text_origin(a: Annotation, image_w: int, image_h: int) -> Point:
    """Where a numbered marker's digits start (left end of the baseline) so their ink is
    centred on the marker; the preview uses the same glyph-box centring."""
    font = _font(marker_font_px(image_w, image_h, a.width))
    left, top, right, bottom = font.getbbox(str(a.number), anchor="ls")
    x, y = a.points[0]
    return x - (left + right) / 2, y - (top + bottom) / 2


def _draw_marker(img: np.ndarray, a: Annotation) -> None:
    """A filled disc in the mark's colour with a contrasting rim and the number in the middle."""
    from PIL import Image, ImageDraw

    h, w = img.shape[:2]
    r = marker_radius(w, h, a.width)
    rim = max(1.0, r / 8)
    x, y = a.points[0]
    cr, cg, cb = contrast_of(a.colour)
    rr, rg, rb = _rgb(a.colour)
    cv2.circle(img, _cv((x, y)), round(r * _ONE), (cb, cg, cr), -1, cv2.LINE_AA, _SHIFT)
    cv2.circle(img, _cv((x, y)), round((r - rim) * _ONE), (rb, rg, rr), -1, cv2.LINE_AA, _SHIFT)
    font = _font(marker_font_px(w, h, a.width))
    ox, oy = marker_text_origin(a, w, h)
    x0, y0 = max(0, math.floor(x - r) - 1), max(0, math.floor(y - r) - 1)
    x1, y1 = min(w, math.ceil(x + r) + 1), min(h, math.ceil(y + r) + 1)
    if x1 <= x0 or y1 <= y0:
        return
    crop = Image.fromarray(np.ascontiguousarray(img[y0:y1, x0:x1, ::-1]))
    ImageDraw.Draw(crop).text((ox - x0, oy - y0), str(a.number), font=font, fill=contrast_of(a.colour), anchor="ls")
    img[y0:y1, x0:x1] = np.asarray(crop)[:, :, ::-1]
