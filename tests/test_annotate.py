"""Drawings on a frozen frame: the model, the renderer, and the snapshot that carries them."""

from __future__ import annotations

import io
import json

import cv2
import numpy as np
import pytest
from PIL import Image
from pypdf import PdfReader
from sqlalchemy import select

from hms_desk.domain.errors import HmsError
from hms_desk.platform.paths import resource
from hms_desk.storage.models import Snapshot
from hms_desk.video.annotate import Annotation, AnnotationError, from_json_list, render, stroke_px

GREY = 90
RED_BGR = (42, 32, 224)          # "#e0202a"


def _grey(w: int = 640, h: int = 360) -> np.ndarray:
    return np.full((h, w, 3), GREY, np.uint8)


def _is_red(px: np.ndarray) -> bool:
    b, g, r = (int(v) for v in px)
    return r > 180 and g < 90 and b < 90


def _ink(img: np.ndarray) -> np.ndarray:
    """Pixels that differ from the grey background."""
    return np.abs(img.astype(int) - GREY).sum(axis=2) > 30


# -- rendering ------------------------------------------------------------------------

def test_arrow_is_drawn_along_its_line_with_a_head_at_the_tip() -> None:
    img = _grey()
    out = render(img, [{"kind": "pil", "points": [[100, 100], [500, 300]]}])
    assert np.array_equal(img, _grey())                       # the input is left alone
    assert _is_red(out[200, 300])                             # the middle of the shaft
    assert _is_red(out[150, 200])
    # the head is wider than the shaft: across the line, near the tip there is more red
    normal = np.array([-200.0, 400.0]) / np.hypot(200, 400)   # (x, y) perpendicular to the arrow

    def width_at(t: float) -> int:
        cx, cy = 100 + 400 * t, 100 + 200 * t
        return sum(_is_red(out[int(cy + k * normal[1]), int(cx + k * normal[0])]) for k in range(-20, 21))
    assert width_at(0.967) > 2 * width_at(0.5)
    assert (out[5:60, 5:60] == GREY).all()                    # far from it: untouched
    assert (out[300:355, 520:635] == GREY).all()


def test_circle_and_rectangle_fill_the_box_between_the_two_points() -> None:
    out = render(_grey(), [{"kind": "sirkel", "points": [[300, 50], [500, 250]], "colour": "#1e6fe0"},
                           {"kind": "rektangel", "points": [[220, 340], [20, 200]], "colour": "#ffd400"}])
    b, g, r = (int(v) for v in out[50, 400])                  # top of the ellipse
    assert b > 180 and r < 80
    assert (out[140:160, 390:410] == GREY).all()              # its inside stays clear
    b, g, r = (int(v) for v in out[200, 120])                 # top edge of the rectangle (corners swapped)
    assert r > 200 and g > 170 and b < 60
    assert _is_red(out[270, 20]) is False and int(out[270, 20][2]) > 200   # left edge is yellow too
    assert (out[260:280, 100:140] == GREY).all()


def test_text_is_drawn_with_norwegian_letters_and_an_outline() -> None:
    def ink_box(text: str) -> tuple[int, int, int]:
        out = render(_grey(), [{"kind": "tekst", "points": [[40, 100]], "text": text, "colour": "#e0202a"}])
        red = np.array([[_is_red(out[y, x]) for x in range(0, 640)] for y in range(60, 200)])
        ys, xs = np.nonzero(red)
        assert red.sum() > 50, text
        dark_or_light = np.abs(out[60:200].astype(int) - GREY).sum(axis=2) > 30
        assert dark_or_light.sum() > red.sum()                # the outline around the letters
        return int(ys.min()), int(red.sum()), int(xs.max())

    top_a, ink_a, _ = ink_box("a")
    top_aa, ink_aa, _ = ink_box("å")
    assert top_aa < top_a - 3                                 # å has its ring above the a
    _, ink_o, _ = ink_box("o")
    _, ink_oe, _ = ink_box("ø")
    assert ink_oe > ink_o                                     # ø has the stroke through it
    _, _, right_ae = ink_box("æ")
    _, _, right_a = ink_box("a")
    assert right_ae > right_a + 5                             # æ is wider than a
    out = render(_grey(), [{"kind": "tekst", "points": [[600, 340]], "text": "Bytt bøyle på hjulet"}])
    assert _ink(out)[330:360, 600:640].any()                 # a label running off the edge is clipped, not refused


def test_strokes_scale_with_the_picture() -> None:
    def stroke(w: int, h: int) -> int:
        k = w / 640
        out = render(_grey(w, h), [{"kind": "pil", "points": [[100 * k, 180 * k], [540 * k, 180 * k]]}])
        return int(_ink(out)[:, int(300 * k)].sum())
    small, big = stroke(640, 360), stroke(1920, 1080)
    assert small >= 4 and 2 * small <= big <= 3.5 * small
    assert stroke_px(1920, 1080, 3) == pytest.approx(9.0)


def test_round_trip_through_json() -> None:
    items = [Annotation("pil", ((10.5, 20), (30, 40))),
             Annotation("tekst", ((5, 5),), "#FFFFFF", 5, "  Løs bøyle  ")]
    data = json.loads(json.dumps([a.to_dict() for a in items]))
    back = from_json_list(data)
    assert back == items
    assert back[1].text == "Løs bøyle" and back[1].colour == "#ffffff"
    assert from_json_list(None) == []


@pytest.mark.parametrize("data,words", [
    ("pil", "objekt"),
    ({"kind": "stjerne", "points": [[1, 2], [3, 4]]}, "ukjent type"),
    ({"kind": "pil", "points": [[1, 2]]}, "2 punkter"),
    ({"kind": "tekst", "points": [[1, 2], [3, 4]], "text": "x"}, "1 punkt"),
    ({"kind": "pil", "points": [[1, "a"], [3, 4]]}, "to tall"),
    ({"kind": "pil", "points": [[1, float("nan")], [3, 4]]}, "utenfor bildet"),
    ({"kind": "pil", "points": [[1, 2], [3, 4]], "colour": "red"}, "#rrggbb"),
    ({"kind": "pil", "points": [[1, 2], [3, 4]], "width": 0}, "strekbredden"),
    ({"kind": "pil", "points": [[1, 2], [3, 4]], "width": True}, "strekbredden"),
    ({"kind": "pil", "points": [[1, 2], [3, 4]], "text": "hei"}, "bare tekst"),
    ({"kind": "tekst", "points": [[1, 2]], "text": "   "}, "tomt"),
    ({"kind": "tekst", "points": [[1, 2]], "text": "a\nb"}, "linjeskift"),
    ({"kind": "tekst", "points": [[1, 2]], "text": "x" * 81}, "80 tegn"),
    ({"kind": "pil", "points": [[1, 2], [3, 4]], "farge": "#ffffff"}, "ukjent felt"),
])
def test_bad_annotations_are_refused_in_norwegian(data, words) -> None:
    with pytest.raises(AnnotationError) as err:
        from_json_list([data])
    assert err.value.message.startswith("Ugyldig tegning på bildet: ")
    assert words in err.value.message
    assert err.value.code == "UGYLDIG_TEGNING"


def test_text_with_personal_data_is_refused() -> None:
    with pytest.raises(HmsError) as err:
        Annotation("tekst", ((1, 2),), text="navn: Kari Nordmann")
    assert "navn" in err.value.message.lower() or "person" in err.value.message.lower()
    with pytest.raises(AnnotationError):
        from_json_list({"kind": "pil"})                       # not a list


# -- the snapshot carries them -------------------------------------------------------------

FACE = (slice(170, 235), slice(250, 320))    # the astronaut's face in the scene, above the arrow
ARROW = {"kind": "pil", "points": [[150.0, 220.0], [700.0, 420.0]], "colour": "#e0202a", "width": 4}
LABEL = {"kind": "tekst", "points": [[760.0, 620.0]], "colour": "#ffffff", "width": 3, "text": "Sprukket hjulgaffel – bytt"}


def _scene() -> np.ndarray:
    img = np.full((720, 1280, 3), 90, np.uint8)
    cv2.rectangle(img, (700, 200), (1200, 600), (40, 40, 160), -1)   # "the device"
    img[100:612, 60:572] = cv2.imread(str(resource("demo", "astronaut.jpg")))
    return img


def _sharpness(img: np.ndarray) -> float:
    return float(cv2.Laplacian(cv2.cvtColor(img, cv2.COLOR_BGR2GRAY), cv2.CV_64F).var())


def _on_arrow(t: float) -> tuple[int, int]:
    (x1, y1), (x2, y2) = ARROW["points"]
    return int(y1 + (y2 - y1) * t), int(x1 + (x2 - x1) * t)


def test_snapshot_is_anonymised_then_annotated(core) -> None:
    case = core.cases.start()
    scene = _scene()
    res = core.cases.take_snapshot(case.id, scene, [ARROW, LABEL])
    assert res.faces_blurred >= 1
    stored = cv2.imdecode(np.frombuffer(core.cases.snapshot_png(res.id), np.uint8), cv2.IMREAD_COLOR)
    # the face is still blurred, the arrow crossing it is crisp red on top of the blur
    assert _sharpness(stored[FACE]) < _sharpness(scene[FACE]) * 0.2
    for t in (0.1, 0.2, 0.5, 0.8):                            # 0.1 and 0.2 lie on the face
        assert _is_red(stored[_on_arrow(t)]), t
    # the label is there (white letters over the device)
    label_area = stored[620:680, 760:1200]
    assert (label_area.min(axis=2) > 230).sum() > 200
    assert np.array_equal(stored[690:, 20:60], scene[690:, 20:60])     # far from everything: untouched
    with core.db.session() as s:
        row = s.get(Snapshot, res.id)
        assert row.annotations == [ARROW, LABEL]


def test_bad_annotations_store_nothing(core) -> None:
    case = core.cases.start()
    with pytest.raises(AnnotationError):
        core.cases.take_snapshot(case.id, _scene(), [ARROW, {"kind": "pil", "points": [[1, 2]]}])
    assert sorted(f for f in core.profile.captures_dir.rglob("*") if f.is_file()) == []
    with core.db.session() as s:
        assert s.scalars(select(Snapshot)).all() == []


def test_snapshot_without_annotations_stores_none(core) -> None:
    case = core.cases.start()
    res = core.cases.take_snapshot(case.id, _scene(), [])
    with core.db.session() as s:
        assert s.get(Snapshot, res.id).annotations is None


def test_journal_pdf_embeds_the_annotated_picture(core) -> None:
    case = core.cases.start()
    core.cases.set_device(case.id, "250464", "123456", "0301")
    core.cases.take_snapshot(case.id, _scene(), [ARROW])
    core.cases.set_summary(case.id, "Sprukket hjulgaffel.", "Ny samtale ved behov")   # export needs both
    path = core.journal.export_pdf(case.id)
    images = [img for page in PdfReader(path).pages for img in page.images]
    assert len(images) == 1
    pic = np.asarray(Image.open(io.BytesIO(images[0].data)).convert("RGB"))[:, :, ::-1]
    assert pic.shape[:2] == (720, 1280)
    for t in (0.1, 0.5, 0.8):
        assert _is_red(pic[_on_arrow(t)]), t
    assert _sharpness(pic[FACE]) < _sharpness(_scene()[FACE]) * 0.2
