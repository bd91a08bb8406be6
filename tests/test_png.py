"""The PNG writer of stored snapshots (``hms_desk.video.images.encode_png``): lossless, read back
by OpenCV and by Pillow (what reportlab uses), split over two threads for big pictures."""

from __future__ import annotations

import io
import zlib

import cv2
import numpy as np
import pytest
from PIL import Image

from hms_desk.domain.errors import HmsError
from hms_desk.video import images
from hms_desk.video.images import PNG_SPLIT_PIXELS, encode_png


def _picture(h: int, w: int, channels: int, seed: int = 1) -> np.ndarray:
    """Camera-like: smooth gradients, a sharp edge and noise (both runs and literals for zlib)."""
    rng = np.random.default_rng(seed)
    y, x = np.mgrid[0:h, 0:w]
    base = ((x * 255) // max(w - 1, 1) + (y * 3)) % 256
    img = np.dstack([(base + 40 * c) % 256 for c in range(channels)]).astype(np.uint8)
    img[h // 3: h // 2, w // 4: w // 2] = rng.integers(0, 256, (h // 2 - h // 3, w // 2 - w // 4, channels))
    return img[:, :, 0] if channels == 1 else img


@pytest.mark.parametrize("shape", [(1080, 1920, 3), (720, 1280, 3), (37, 53, 3), (1, 1, 3), (3, 5, 3),
                                   (1200, 900, 4), (1100, 1000, 1), (64, 48, 1)])
def test_png_is_lossless_and_read_back_by_opencv_and_pillow(shape):
    h, w, c = shape
    img = _picture(h, w, c)
    data = encode_png(img)
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    flag = cv2.IMREAD_UNCHANGED
    back = cv2.imdecode(np.frombuffer(data, np.uint8), flag)
    assert back is not None and back.shape == img.shape and np.array_equal(back, img)
    pil = np.asarray(Image.open(io.BytesIO(data)))
    want = img if c == 1 else (cv2.cvtColor(img, cv2.COLOR_BGR2RGB) if c == 3 else cv2.cvtColor(img, cv2.COLOR_BGRA2RGBA))
    assert np.array_equal(pil, want)


def test_a_big_picture_is_compressed_in_two_parts_that_join_into_one_valid_stream(monkeypatch):
    img = _picture(1080, 1920, 3)
    assert 1080 * 1920 >= PNG_SPLIT_PIXELS
    calls = []
    real = images._pool

    def counting_pool():
        pool = real()

        class Spy:
            def map(self, fn, items):
                items = list(items)
                calls.append(len(items))
                return pool.map(fn, items)
        return Spy()

    monkeypatch.setattr(images, "_pool", counting_pool)
    data = encode_png(img)
    assert calls == [2]
    # the IDAT stream is one zlib stream whose Adler-32 (checked by zlib itself) is right
    idat_start = data.index(b"IDAT") + 4
    length = int.from_bytes(data[idat_start - 8:idat_start - 4], "big")
    raw = zlib.decompress(data[idat_start:idat_start + length])
    assert len(raw) == 1080 * (1920 * 3 + 1)
    # about as small as OpenCV's own PNG of the same settings
    ok, theirs = cv2.imencode(".png", img, [cv2.IMWRITE_PNG_COMPRESSION, 1])
    assert ok and len(data) <= 1.1 * len(theirs)


def test_a_view_of_a_picture_is_written_as_it_looks():
    img = _picture(1200, 1000, 3)
    for view in (img[::-1], img[100:1150, 30:990], img[:, ::-1]):
        back = cv2.imdecode(np.frombuffer(encode_png(view), np.uint8), cv2.IMREAD_UNCHANGED)
        assert np.array_equal(back, view)


def test_adler32_of_pieces_combines_into_the_whole():
    rng = np.random.default_rng(3)
    for n1, n2 in ((0, 10), (10, 0), (1, 1), (65521, 7), (100_000, 300_001)):
        a = rng.integers(0, 256, n1, dtype=np.uint8).tobytes()
        b = rng.integers(0, 256, n2, dtype=np.uint8).tobytes()
        assert images._adler32_combine(zlib.adler32(a), zlib.adler32(b), len(b)) == zlib.adler32(a + b)


@pytest.mark.parametrize("bad", [np.zeros((0, 4, 3), np.uint8), np.zeros((4, 4, 3), np.uint16),
                                 np.zeros((4, 4, 2), np.uint8), np.zeros(12, np.uint8)])
def test_what_is_not_a_picture_is_refused_with_a_message(bad):
    with pytest.raises(HmsError, match="PNG"):
        encode_png(bad)
