"""Sticker OCR: offline models from the wheel, reading NAV stickers, regions, OCR missing."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import cv2
import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from hms_desk.labels import read_label

ROOT = Path(__file__).resolve().parents[1]
FONT = ROOT / "resources" / "fonts" / "DejaVuSans-Bold.ttf"


def sticker(lines: list[str], px: int = 30) -> np.ndarray:
    font = ImageFont.truetype(str(FONT), px)
    w = max(font.getbbox(t)[2] for t in lines) + 2 * px
    h = len(lines) * int(px * 1.5) + px
    img = Image.new("RGB", (w, h), (250, 250, 246))
    d = ImageDraw.Draw(img)
    for k, t in enumerate(lines):
        d.text((px, px // 2 + k * int(px * 1.5)), t, font=font, fill=(20, 20, 20))
    return cv2.cvtColor(np.asarray(img), cv2.COLOR_RGB2BGR)


def scene_with(card: np.ndarray, angle: float = 12.0, at=(700, 300)) -> tuple[np.ndarray, tuple]:
    """A 1280×720 frame: the astronaut photo, distractor numbers, and ``card`` turned by ``angle``."""
    frame = cv2.resize(cv2.imread(str(ROOT / "resources" / "demo" / "astronaut.jpg")), (1280, 720))
    font = ImageFont.truetype(str(ROOT / "resources" / "fonts" / "DejaVuSans.ttf"), 26)
    pil = Image.fromarray(frame)
    d = ImageDraw.Draw(pil)
    for (x, y), t in (((40, 40), "Ordre 482913"), ((60, 620), "Tlf 55 55 33 33"), ((980, 660), "Lot 230915")):
        d.rectangle((x - 6, y - 4, x + 230, y + 34), fill=(235, 235, 235))
        d.text((x, y), t, font=font, fill=(30, 30, 30))
    frame = np.asarray(pil).copy()
    h, w = card.shape[:2]
    m = cv2.getRotationMatrix2D((w / 2, h / 2), angle, 1.0)
    m[:, 2] += np.array(at) - [w / 2, h / 2]
    warped = cv2.warpAffine(card, m, (1280, 720))
    mask = cv2.warpAffine(np.full((h, w), 255, np.uint8), m, (1280, 720))
    frame[mask > 0] = warped[mask > 0]
    x, y, bw, bh = cv2.boundingRect(mask)
    return frame, (x, y, bw, bh)


def test_a_tilted_sticker_on_a_busy_picture_is_read_and_distractors_ignored():
    frame, _ = scene_with(sticker(["NAV Hjelpemiddelsentral", "HMS-nr 250464", "Serienr 123456"]))
    read = read_label(frame)
    assert read.ocr == "ok"
    assert read.pair == ("250464", "123456")
    assert read.hmsnr[0].source == "ocr" and read.hmsnr[0].label.startswith("HMS-nr")
    assert all(c.value not in ("482913", "230915") for c in read.hmsnr + read.serienr)


def test_a_sticker_with_the_numbers_under_their_labels_is_read():
    frame, _ = scene_with(sticker(["Art.nr.", "250464", "Ser.nr.", "123456"]), angle=-8, at=(400, 380))
    assert read_label(frame).pair == ("250464", "123456")


def test_a_small_sticker_turned_35_degrees_among_numbers_is_read_and_only_its_numbers_taken():
    card = cv2.resize(sticker(["NAV Hjelpemiddelsentral", "HMS-nr 250464", "Serienr 123456"], px=30), None,
                      fx=0.42, fy=0.42, interpolation=cv2.INTER_AREA)    # text about 11 px high
    frame, _ = scene_with(card, angle=35, at=(820, 330))
    read = read_label(frame, budget_s=20.0)       # the method, not the time budget of a shared test machine
    assert read.pair == ("250464", "123456")
    assert {c.value for c in read.hmsnr} == {"250464"} and {c.value for c in read.serienr} == {"123456"}


def test_a_closer_look_reads_a_tiny_tilted_line_the_frame_wide_detection_loses():
    from hms_desk.labels.ocr import look_closer

    card = cv2.resize(sticker(["HMS-nr 250464", "Serienr 123456"], px=30), None, fx=0.3, fy=0.3,
                      interpolation=cv2.INTER_AREA)                     # text about 8 px high
    frame, (x, y, w, h) = scene_with(card, angle=-30, at=(500, 400))
    quad = np.array([[x, y], [x + w, y], [x + w, y + h], [x, y + h]], np.float64)
    lines = look_closer(frame, quad, np.deg2rad(30), 8.0, margin=(1.0, 1.0))
    texts = " ".join(line.text for line in lines)
    assert "250464" in texts and "123456" in texts
    for line in lines:                      # boxes come back in frame pixels, inside the region
        xs, ys = [p[0] for p in line.box], [p[1] for p in line.box]
        assert x - 30 <= min(xs) and max(xs) <= x + w + 30 and y - 30 <= min(ys) and max(ys) <= y + h + 30


def test_a_frozen_frame_region_read_reads_only_that_region_in_frame_coordinates():
    frame, (x, y, w, h) = scene_with(sticker(["HMS-nr 250464", "Serienr 123456"]), angle=5, at=(900, 420))
    region = (x - 20, y - 20, w + 40, h + 40)
    read = read_label(frame, region=region)
    assert read.pair == ("250464", "123456")
    assert read.region == region
    for line in read.text:                 # every line found lies inside the region, in frame pixels
        xs = [p[0] for p in line.box]
        ys = [p[1] for p in line.box]
        assert x - 40 <= min(xs) and max(xs) <= x + w + 40 and y - 40 <= min(ys) and max(ys) <= y + h + 40
    assert not any("Ordre" in line.text for line in read.text)


def test_without_the_ocr_models_barcodes_are_still_read_and_the_reason_is_given(monkeypatch):
    import hms_desk.labels.ocr as ocr
    from hms_desk.video.demo_scene import render_label

    def missing():
        raise ocr.OcrUnavailable(ocr.UNAVAILABLE_TEXT.format(why="modellfilene mangler (x.onnx)"))

    monkeypatch.setattr(ocr, "_ENGINE", None)
    monkeypatch.setattr(ocr, "model_files", missing)
    frame = np.full((400, 600, 3), 255, np.uint8)
    frame[100:308, 100:430] = render_label("250464", "123456")
    read = read_label(frame, known=lambda h, s: False)    # an unknown pair: OCR is tried and is missing
    assert [c.text for c in read.codes] == ["250464123456"]
    assert read.ocr.startswith("Tekstgjenkjenning (OCR) er ikke tilgjengelig") and "x.onnx" in read.ocr
    assert read.pair == ("250464", "123456") and read.best.known is False


_NO_NETWORK = textwrap.dedent(r"""
    import json, socket, sys
    attempts = []
    def refuse(*a, **k):
        attempts.append(repr(a[:2]))
        raise OSError("network is off in this test")
    socket.socket.connect = refuse
    socket.socket.connect_ex = refuse
    socket.create_connection = refuse
    socket.getaddrinfo = refuse
    import cv2, numpy as np
    from pathlib import Path
    import rapidocr
    from hms_desk.labels.ocr import model_files, read_text
    files = model_files()
    inside = all(Path(p).resolve().is_relative_to(Path(rapidocr.__file__).resolve().parent) for p in files.values())
    img = cv2.imread(sys.argv[1])
    lines = [l.text for l in read_text(img).lines]
    print(json.dumps({"lines": lines, "attempts": attempts, "inside_wheel": inside}))
""")


def test_ocr_never_touches_the_network_and_uses_the_models_inside_the_wheel(tmp_path):
    path = tmp_path / "sticker.png"
    cv2.imwrite(str(path), sticker(["HMS-nr 250464", "Serienr 123456"]))
    env = {"HOME": str(tmp_path), "PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT)}
    res = subprocess.run([sys.executable, "-c", _NO_NETWORK, str(path)], capture_output=True, text=True,
                         timeout=300, cwd=tmp_path, env=env)
    assert res.returncode == 0, res.stderr
    out = json.loads(res.stdout.strip().splitlines()[-1])
    assert out["attempts"] == []
    assert out["inside_wheel"] is True
    assert any("250464" in t for t in out["lines"]) and any("123456" in t for t in out["lines"])


def test_a_small_marked_region_gets_the_time_for_a_closer_look(monkeypatch):
    """The reader bounds its extra looks in units of its first detection's time.  A small marked region is
    detected in a few milliseconds, but a closer look at it costs what a detection of a closer look's
    picture costs: the unit is that, so the look is not cut short (standard sticker 068, marked: the
    detector missed the HMS-nr line, and the closer look that finds it was stopped half-way)."""
    from hms_desk.labels import reader
    from hms_desk.labels.ocr import ZOOM_MAX_PIXELS, OcrResult

    assert reader._effort_unit(OcrResult([], detect_s=0.01, detect_px=960 * 540)) == pytest.approx(0.01)
    assert reader._effort_unit(OcrResult([], detect_s=0.01, detect_px=ZOOM_MAX_PIXELS // 4)) == pytest.approx(0.04)

    frame, (x, y, w, h) = scene_with(sticker(["NAV", "HMS-nr 250464", "Serienr 123456"], px=16), angle=-5,
                                     at=(640, 360))
    first = reader.read_text

    def missing_the_hms_line(*args, **kwargs):          # the first detection misses a line, as in 068
        found = first(*args, **kwargs)
        found.lines = [ln for ln in found.lines if "250464" not in ln.text]
        return found

    monkeypatch.setattr(reader, "read_text", missing_the_hms_line)
    read = read_label(frame, region=(x - w // 4, y - h // 4, w + w // 2, h + h // 2), budget_s=20.0)
    assert read.pair == ("250464", "123456")
