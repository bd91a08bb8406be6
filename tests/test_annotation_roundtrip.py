"""Property-based: marks survive JSON, the snapshot row and the burned-in picture unchanged.

Hypothesis draws marks of every kind (arrow, ellipse, rectangle, freehand stroke, text,
numbered marker) anywhere on a picture, in any colour and width; each is first placed on the
picture as the drawing layer does (:func:`fit_to_image`).  Then:

* JSON: ``to_dict`` → ``json`` → ``from_dict`` gives the same marks, floats bit for bit;
* storage: a real snapshot through ``CaseService.take_snapshot`` keeps exactly those marks on
  its row, and the stored (encrypted, anonymised) picture is exactly ``render`` of them;
* rendering positions: each mark's ink lies inside its own bounds, and its colour is at the
  places its geometry says (the shaft of an arrow, the edge of a box, the rim of an ellipse,
  the middle of every stroke segment, the disc of a marker, the letters of a label).
"""

from __future__ import annotations

import json
import math

import cv2
import numpy as np
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from hms_desk.storage.models import Snapshot
from hms_desk.video.annotate import (
    COLOURS,
    MAX_WIDTH,
    Annotation,
    AnnotationError,
    arrow_head,
    bounds,
    contrast_of,
    fit_to_image,
    from_json_list,
    marker_radius,
    render,
    stroke_px,
    to_json_list,
)

W, H = 640, 360
GREY = 90
LETTERS = "abcdefghijklmnopqrstuvwxyzæøåABCDEFGHIJKLMNOPQRSTUVWXYZÆØÅ .,-–()"

coord_x = st.floats(min_value=-60, max_value=W + 60, allow_nan=False, allow_infinity=False)
coord_y = st.floats(min_value=-60, max_value=H + 60, allow_nan=False, allow_infinity=False)
point = st.tuples(coord_x, coord_y)
any_colour = st.integers(0, 0xFFFFFF).map(lambda v: f"#{v:06x}")
palette = st.sampled_from(sorted(COLOURS.values()))
label = st.text(LETTERS, min_size=1, max_size=24).map(str.strip).filter(bool)


@st.composite
def marks(draw, colours=any_colour, min_width: int = 1):
    kind = draw(st.sampled_from(["pil", "sirkel", "rektangel", "tekst", "penn", "nummer"]))
    colour, width = draw(colours), draw(st.integers(min_width, MAX_WIDTH))
    if kind == "penn":
        pts = tuple(draw(st.lists(point, min_size=2, max_size=12)))
    elif kind in ("tekst", "nummer"):
        pts = (draw(st.tuples(st.floats(0, W), st.floats(0, H))),)
    else:
        pts = (draw(point), draw(point))
    text = draw(label) if kind == "tekst" else ""
    number = draw(st.integers(1, 99)) if kind == "nummer" else 0
    try:
        # placed on the picture as the drawing layer does; what cannot be placed is refused there
        return fit_to_image(Annotation(kind, pts, colour, width, text, number), W, H)
    except AnnotationError:
        assume(False)


def _picture() -> np.ndarray:
    rng = np.random.default_rng(7)
    img = np.full((H, W, 3), GREY, np.uint8)
    img[::8, :] = rng.integers(60, 120, (H // 8, W, 3), dtype=np.uint8)   # a little texture, no faces
    return img


@settings(max_examples=300, deadline=None)
@given(st.lists(marks(), min_size=1, max_size=6))
def test_marks_round_trip_through_json_losslessly(items) -> None:
    text = json.dumps(to_json_list(items))
    back = from_json_list(json.loads(text))
    assert back == items
    for a, b in zip(items, back):
        assert all(math.copysign(1, p) == math.copysign(1, q) and p == q      # bit for bit (also -0.0)
                   for pa, pb in zip(a.points, b.points) for p, q in zip(pa, pb))
    assert [fit_to_image(a, W, H) for a in back] == items                   # placing again changes nothing


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                  HealthCheck.too_slow])
@given(items=st.lists(marks(), min_size=1, max_size=5))
def test_marks_round_trip_through_a_stored_snapshot(core, items) -> None:
    case = core.cases.start()
    image = _picture()
    res = core.cases.take_snapshot(case.id, image, items)
    with core.db.session() as s:
        stored = s.get(Snapshot, res.id).annotations
    assert stored == to_json_list(items)
    assert from_json_list(stored) == items
    picture = cv2.imdecode(np.frombuffer(core.cases.snapshot_png(res.id), np.uint8), cv2.IMREAD_COLOR)
    # the document's picture is exactly the marks read back, drawn on the (anonymised) picture
    assert np.array_equal(picture, render(image, from_json_list(stored)))


def _near(px: np.ndarray, colour: str) -> bool:
    """``px`` (BGR) is nearer ``colour`` than the background and the contrasting outline."""
    r, g, b = int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)
    mine = np.array([b, g, r])
    cr, cg, cb = contrast_of(colour)
    d = lambda c: float(np.abs(px.astype(int) - np.array(c)).sum())       # noqa: E731
    return d(mine) < d((GREY, GREY, GREY)) and d(mine) < d((cb, cg, cr))


def _probes(a: Annotation) -> list[tuple[float, float]]:
    """Points that must show the mark's colour, from its geometry alone."""
    t = stroke_px(W, H, a.width)
    if a.kind == "pil":
        (x1, y1), (x2, y2) = a.points
        head = arrow_head(a.points[0], a.points[1], t)
        assume(head is not None and math.dist(a.points[0], a.points[1]) > 4 * t)
        return [(x1 + 0.3 * (x2 - x1), y1 + 0.3 * (y2 - y1))]
    if a.kind == "rektangel":
        (x1, y1), (x2, y2) = a.points
        assume(abs(x2 - x1) > 2 * t and abs(y2 - y1) > 2 * t)
        return [((x1 + x2) / 2, y1), (x1, (y1 + y2) / 2)]
    if a.kind == "sirkel":
        (x1, y1), (x2, y2) = a.points
        assume(abs(x2 - x1) > 3 * t and abs(y2 - y1) > 3 * t)
        return [((x1 + x2) / 2, min(y1, y2)), (max(x1, x2), (y1 + y2) / 2)]
    if a.kind == "penn":
        segs = [(p, q) for p, q in zip(a.points, a.points[1:]) if math.dist(p, q) > 2 * t]
        assume(segs)
        return [((p[0] + q[0]) / 2, (p[1] + q[1]) / 2) for p, q in segs]
    if a.kind == "nummer":
        x, y = a.points[0]
        return [(x, y - 0.65 * marker_radius(W, H, a.width))]
    return []


@settings(max_examples=200, deadline=None)
@given(marks(colours=palette, min_width=2))
def test_marks_are_drawn_where_their_data_says(a) -> None:
    out = render(np.full((H, W, 3), GREY, np.uint8), [a])
    ink = np.abs(out.astype(int) - GREY).sum(axis=2) > 0
    assert ink.any()
    x0, y0, x1, y1 = bounds(a, W, H)
    ys, xs = np.nonzero(ink)
    # nothing outside the mark's own bounds (anti-aliasing may spill a pixel), nothing lost
    assert xs.min() >= math.floor(x0) - 2 and xs.max() <= math.ceil(x1) + 1
    assert ys.min() >= math.floor(y0) - 2 and ys.max() <= math.ceil(y1) + 1
    for x, y in _probes(a):
        px, py = min(W - 1, max(0, int(x))), min(H - 1, max(0, int(y)))
        assert _near(out[py, px], a.colour), (a, (x, y), out[py, px])
    if a.kind == "tekst":
        box = out[max(0, int(y0)):int(math.ceil(y1)), max(0, int(x0)):int(math.ceil(x1))]
        assert sum(_near(px, a.colour) for px in box.reshape(-1, 3)) > 3       # even a thin "i" has ink


def test_a_mark_wholly_outside_never_reaches_the_document(core) -> None:
    case = core.cases.start()
    with pytest.raises(AnnotationError):
        core.cases.take_snapshot(case.id, _picture(), [{"kind": "tekst", "points": [[700, 20]], "text": "Her"}])
    assert core.cases.snapshots(case.id) == []
