"""Face anonymisation: faces are found and hidden, nothing else changes, and it fails closed.

Only pictures the project may ship are used: the public-domain astronaut
portrait in resources/demo and scenes composed from it.
"""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import cv2
import numpy as np
import pytest

from hms_desk.domain.errors import HmsError
from hms_desk.platform.resources import resource
from hms_desk.video import anonymise as anon
from hms_desk.video.anonymise import (
    AnonymisationError,
    AnonymisedImage,
    Box,
    FaceAnonymiser,
    anonymise_still,
)

# The astronaut's face in astronaut.jpg (CenterFace box, checked by eye).
ASTRONAUT_FACE = (175, 54, 275, 180)
# A crop around her head (with hair and neck) used to compose scenes.
HEAD_CROP = (150, 30, 300, 210)


@pytest.fixture(scope="module")
def astronaut() -> np.ndarray:
    image = cv2.imread(str(resource("demo", "astronaut.jpg")), cv2.IMREAD_COLOR)
    assert image is not None
    return image


@pytest.fixture(scope="module")
def anonymiser() -> FaceAnonymiser:
    return FaceAnonymiser()


def lapvar(image: np.ndarray) -> float:
    gray = cv2.cvtColor(image, cv2.COLOR_BGR2GRAY) if image.ndim == 3 else image
    return float(cv2.Laplacian(gray, cv2.CV_64F).var())


def iou(a: tuple[int, int, int, int], b: tuple[int, int, int, int]) -> float:
    iw = max(0, min(a[2], b[2]) - max(a[0], b[0]))
    ih = max(0, min(a[3], b[3]) - max(a[1], b[1]))
    union = (a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - iw * ih
    return iw * ih / union


def centre_region(box: tuple[int, int, int, int]) -> tuple[slice, slice]:
    """The central 60% of a box, as numpy slices (rows, cols)."""
    x1, y1, x2, y2 = box
    w, h = x2 - x1, y2 - y1
    return slice(y1 + int(0.2 * h), y2 - int(0.2 * h)), slice(x1 + int(0.2 * w), x2 - int(0.2 * w))


def detail_ratio(before: np.ndarray, after: np.ndarray, box: tuple[int, int, int, int]) -> float:
    rows, cols = centre_region(box)
    return lapvar(after[rows, cols]) / lapvar(before[rows, cols])


def covers(boxes: list[Box], point: tuple[float, float]) -> bool:
    x, y = point
    return any(b.x1 <= x <= b.x2 and b.y1 <= y <= b.y2 for b in boxes)


def textured_background(width: int, height: int, seed: int = 7) -> np.ndarray:
    """A detailed, face-free background (smoothed noise over a flat colour)."""
    rng = np.random.default_rng(seed)
    noise = cv2.GaussianBlur(rng.integers(0, 256, (height, width, 3), dtype=np.uint8), (0, 0), 1.5)
    return cv2.addWeighted(noise, 0.6, np.full_like(noise, (90, 120, 150)), 0.4, 0)


def paste_head(scene: np.ndarray, astronaut: np.ndarray, x: int, y: int, width: int) -> tuple[int, int, int, int]:
    """Paste the astronaut's head ``width`` px wide at (x, y); return where her face is."""
    cx1, cy1, cx2, cy2 = HEAD_CROP
    scale = width / (cx2 - cx1)
    height = round((cy2 - cy1) * scale)
    head = cv2.resize(astronaut[cy1:cy2, cx1:cx2], (width, height), interpolation=cv2.INTER_AREA)
    scene[y:y + height, x:x + width] = head
    fx1, fy1, fx2, fy2 = ASTRONAUT_FACE
    return (x + round((fx1 - cx1) * scale), y + round((fy1 - cy1) * scale),
            x + round((fx2 - cx1) * scale), y + round((fy2 - cy1) * scale))


# --------------------------------------------------------------------------- #
# Finding and hiding faces
# --------------------------------------------------------------------------- #

def test_astronaut_face_is_found_and_blurred(anonymiser: FaceAnonymiser, astronaut: np.ndarray) -> None:
    original = astronaut.copy()
    result = anonymiser.still(astronaut)

    assert isinstance(result, AnonymisedImage)
    assert result.detector.startswith("CenterFace")
    assert len(result.boxes) == 1
    box = result.boxes[0]
    assert iou((box.x1, box.y1, box.x2, box.y2), ASTRONAUT_FACE) > 0.7
    assert box.score > 0.5
    assert detail_ratio(astronaut, result.image, ASTRONAUT_FACE) < 0.1
    # The input is left alone; the result is a new picture of the same size.
    assert np.array_equal(astronaut, original)
    assert result.image.shape == astronaut.shape and result.image.dtype == np.uint8
    # The lower part of the picture (the suit, the flag) is not touched.
    assert np.array_equal(result.image[300:], astronaut[300:])


def test_small_faces_in_full_hd_scene(anonymiser: FaceAnonymiser, astronaut: np.ndarray) -> None:
    scene = textured_background(1920, 1080)
    faces = [paste_head(scene, astronaut, x, y, w)
             for x, y, w in ((100, 100, 120), (1500, 200, 60), (900, 700, 36), (300, 800, 24), (1700, 880, 30))]

    result = anonymiser.still(scene)

    for face in faces:
        centre = ((face[0] + face[2]) / 2, (face[1] + face[3]) / 2)
        assert covers(result.boxes, centre), f"ansiktet i {face} ble ikke funnet"
        assert detail_ratio(scene, result.image, face) < 0.35, f"ansiktet i {face} er ikke sløret nok"
    assert len(result.boxes) == len(faces)  # no blur on the plain background
    # Far from every face, the picture is byte for byte the same.
    far = np.ones(scene.shape[:2], bool)
    for x1, y1, x2, y2 in faces:
        size = max(x2 - x1, y2 - y1)
        far[max(y1 - size, 0):y2 + size, max(x1 - size, 0):x2 + size] = False
    assert far.mean() > 0.9
    assert np.array_equal(result.image[far], scene[far])


@pytest.mark.parametrize("variant", ["rotated", "dark", "grayscale", "bgra"])
def test_variants_are_anonymised(anonymiser: FaceAnonymiser, astronaut: np.ndarray, variant: str) -> None:
    face = ASTRONAUT_FACE
    if variant == "rotated":
        centre = ((face[0] + face[2]) / 2, (face[1] + face[3]) / 2)
        matrix = cv2.getRotationMatrix2D(centre, 20, 1.0)
        image = cv2.warpAffine(astronaut, matrix, (512, 512), borderMode=cv2.BORDER_REFLECT)
    elif variant == "dark":
        image = cv2.convertScaleAbs(astronaut, alpha=0.3, beta=0)
    elif variant == "grayscale":
        image = cv2.cvtColor(astronaut, cv2.COLOR_BGR2GRAY)
    else:
        image = cv2.cvtColor(astronaut, cv2.COLOR_BGR2BGRA)

    result = anonymiser.still(image)

    assert result.image.ndim == 3 and result.image.shape[2] == 3 and result.image.dtype == np.uint8
    assert covers(result.boxes, ((face[0] + face[2]) / 2, (face[1] + face[3]) / 2))
    before = cv2.cvtColor(image, cv2.COLOR_BGRA2BGR) if variant == "bgra" else image
    assert detail_ratio(before, result.image, face) < 0.35


def test_several_copies_and_pixelate(astronaut: np.ndarray) -> None:
    scene = textured_background(1280, 720, seed=3)
    faces = [paste_head(scene, astronaut, x, 200, 150) for x in (50, 450, 850)]
    pixelator = FaceAnonymiser(method="pixelate", still_scales=(1.0,))

    result = pixelator.still(scene)

    assert len(result.boxes) == 3
    for face in faces:
        assert covers(result.boxes, ((face[0] + face[2]) / 2, (face[1] + face[3]) / 2))
        assert detail_ratio(scene, result.image, face) < 0.35
    assert np.array_equal(result.image[650:], scene[650:])


def test_faceless_picture_is_unchanged(anonymiser: FaceAnonymiser) -> None:
    scene = textured_background(1024, 768, seed=11)
    result = anonymiser.still(scene)
    assert result.boxes == []
    assert np.array_equal(result.image, scene)


# --------------------------------------------------------------------------- #
# Failing closed
# --------------------------------------------------------------------------- #

def test_missing_model_fails_closed(tmp_path: Path) -> None:
    with pytest.raises(AnonymisationError) as info:
        FaceAnonymiser(model_path=tmp_path / "finnes_ikke.onnx")
    assert isinstance(info.value, HmsError)
    assert info.value.message == "Ansiktsgjenkjenning er ikke tilgjengelig – bildet ble ikke lagret."


def test_unreadable_model_fails_closed(tmp_path: Path) -> None:
    broken = tmp_path / "centerface.onnx"
    broken.write_bytes(b"dette er ikke en ONNX-modell" * 100)
    with pytest.raises(AnonymisationError, match="ikke tilgjengelig"):
        FaceAnonymiser(model_path=broken)


def test_shared_instance_fails_closed_without_model(monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                                                    astronaut: np.ndarray) -> None:
    monkeypatch.setattr(anon, "_shared", None)
    monkeypatch.setenv("HMS_DESK_RESOURCES", str(tmp_path))  # a resources folder without the model
    with pytest.raises(AnonymisationError):
        anonymise_still(astronaut)
    assert anon._shared is None  # the failure is not cached as a usable instance


class _BrokenNet:
    """Stands in for cv2.dnn.Net: inference raises, like a broken backend would."""

    def setInput(self, blob: np.ndarray, name: str = "") -> None:  # noqa: N802 - OpenCV's name
        pass

    def forward(self, names: list[str]) -> list[np.ndarray]:
        raise cv2.error("simulert feil i inferens")


class _NanNet(_BrokenNet):
    def forward(self, names: list[str]) -> list[np.ndarray]:
        return [np.full((1, c, 1, 1), np.nan, np.float32) for c in (1, 2, 2, 10)]


@pytest.mark.parametrize("net", [_BrokenNet(), _NanNet()], ids=["raises", "nonsense"])
def test_inference_error_fails_closed(monkeypatch: pytest.MonkeyPatch, astronaut: np.ndarray, net: object) -> None:
    anonymiser = FaceAnonymiser()
    monkeypatch.setattr(anonymiser._net, "_session", None)   # route inference through the fake net
    monkeypatch.setattr(anonymiser._net, "net", net)
    original = astronaut.copy()

    with pytest.raises(AnonymisationError) as info:
        anonymiser.still(astronaut)
    assert info.value.message == "Ansiktsgjenkjenningen feilet – bildet ble ikke lagret."
    with pytest.raises(AnonymisationError):
        anonymiser.live(astronaut)
    assert np.array_equal(astronaut, original)


def test_blur_error_fails_closed(monkeypatch: pytest.MonkeyPatch, anonymiser: FaceAnonymiser,
                                 astronaut: np.ndarray) -> None:
    def broken_blur(*args: object, **kwargs: object) -> None:
        raise cv2.error("simulert feil i sløring")

    monkeypatch.setattr(anon.cv2, "GaussianBlur", broken_blur)
    with pytest.raises(AnonymisationError):
        anonymiser.still(astronaut)


@pytest.mark.parametrize("bad", [
    None,
    np.zeros((0, 0, 3), np.uint8),
    np.zeros(100, np.uint8),
    np.zeros((10, 10, 2), np.uint8),
    np.zeros((10, 10, 3), np.int64),
    "bilde.jpg",
], ids=["none", "empty", "1d", "two-channels", "int64", "path"])
def test_absurd_input_is_rejected(anonymiser: FaceAnonymiser, bad: object) -> None:
    with pytest.raises(AnonymisationError, match="tomt eller ugyldig"):
        anonymiser.still(bad)  # type: ignore[arg-type]


def test_gigantic_image_is_rejected(anonymiser: FaceAnonymiser) -> None:
    huge = np.broadcast_to(np.uint8(0), (8000, 7000, 3))  # 56 MP, no memory used
    with pytest.raises(AnonymisationError, match="Bildet er for stort") as info:
        anonymiser.still(huge)
    assert info.value.code == "BILDE_FOR_STORT"


def test_other_pixel_formats_are_converted(anonymiser: FaceAnonymiser, astronaut: np.ndarray) -> None:
    as_float = astronaut.astype(np.float32) / 255.0
    as_16bit = astronaut.astype(np.uint16) * 257
    for image in (as_float, as_16bit):
        result = anonymiser.still(image)
        assert result.image.dtype == np.uint8
        assert len(result.boxes) == 1


def test_shared_instance_is_created_once_across_threads(astronaut: np.ndarray) -> None:
    barrier = threading.Barrier(3)

    def work(_: int) -> tuple[int, int]:
        barrier.wait()
        result = anonymise_still(astronaut)
        return id(anon.shared_anonymiser()), len(result.boxes)

    with ThreadPoolExecutor(max_workers=3) as pool:
        outcomes = list(pool.map(work, range(3)))
    assert len({ident for ident, _ in outcomes}) == 1
    assert all(count == 1 for _, count in outcomes)


# --------------------------------------------------------------------------- #
# Live mode
# --------------------------------------------------------------------------- #

def _moving_face_frames(astronaut: np.ndarray, count: int, step: int) -> list[tuple[np.ndarray, tuple[int, int, int, int]]]:
    background = textured_background(1280, 720, seed=5)
    frames = []
    for i in range(count):
        frame = background.copy()
        face = paste_head(frame, astronaut, 100 + step * i, 200 + (step // 2) * i, 150)
        frames.append((frame, face))
    return frames


def test_live_keeps_covering_a_moving_face(astronaut: np.ndarray) -> None:
    live = FaceAnonymiser(live_every=4)
    calls = []
    real_detect = live._net.detect

    def counting_detect(image: np.ndarray, threshold: float) -> np.ndarray:
        calls.append(image.shape)
        return real_detect(image, threshold)

    live._net.detect = counting_detect  # type: ignore[method-assign]
    frames = _moving_face_frames(astronaut, count=16, step=20)

    for i, (frame, face) in enumerate(frames):
        result = live.live(frame)
        centre = ((face[0] + face[2]) / 2, (face[1] + face[3]) / 2)
        assert covers(result.boxes, centre), f"bilde {i}: ansiktet er ikke dekket"
        assert detail_ratio(frame, result.image, face) < 0.35, f"bilde {i}: ansiktet er ikke sløret"
        assert np.array_equal(result.image[:, 1100:], frame[:, 1100:])  # far background untouched

    # Detection ran on a downscaled frame, every fourth frame only.
    assert len(calls) == 4
    assert all(max(shape[:2]) <= 640 for shape in calls)


def test_live_holds_a_face_the_detector_loses(astronaut: np.ndarray) -> None:
    live = FaceAnonymiser(live_every=2, live_hold=2)
    frame, face = _moving_face_frames(astronaut, count=1, step=0)[0]
    assert live.live(frame).boxes  # frame 0: detected

    live._net.detect = lambda image, threshold: np.empty((0, 5), np.float32)  # type: ignore[method-assign]
    covered = []
    for _ in range(6):
        result = live.live(frame)
        covered.append(detail_ratio(frame, result.image, face) < 0.35)
    # The face stays blurred through two empty detection rounds (frames 2 and 4)
    # and is let go at the third (frame 6).
    assert covered == [True, True, True, True, True, False]


def test_live_restarts_when_frame_size_changes(astronaut: np.ndarray) -> None:
    live = FaceAnonymiser(live_every=10)
    frame, _ = _moving_face_frames(astronaut, count=1, step=0)[0]
    assert len(live.live(frame).boxes) == 1
    # A new camera with another resolution: detection runs at once instead of reusing old boxes.
    result = live.live(astronaut)
    assert len(result.boxes) == 1
    box = result.boxes[0]
    assert iou((box.x1, box.y1, box.x2, box.y2), ASTRONAUT_FACE) > 0.6


def test_onnxruntime_and_opencv_backends_agree(astronaut: np.ndarray) -> None:
    """The shipped model runs on both CPU backends with the same answer."""
    from hms_desk.platform.resources import resource
    from hms_desk.video.anonymise import _CenterFace

    model = resource("models", "centerface.onnx")
    ort_net = _CenterFace(model, backend="onnxruntime")
    cv_net = _CenterFace(model, backend="opencv")
    assert "onnxruntime" in ort_net.name and "OpenCV" in cv_net.name
    a, b = ort_net.detect(astronaut, 0.3), cv_net.detect(astronaut, 0.3)
    assert len(a) == len(b) >= 1
    assert np.allclose(a, b, atol=0.5)
