"""The one image loader (hms_desk.video.images): every bad input of issue 12, real files."""

from __future__ import annotations

import io
import json
import struct
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import cv2
import numpy as np
import pytest
from PIL import Image

from hms_desk.video.images import (MAX_HEADER_PIXELS, ImageInputError, ImageTooLarge, decode_image,
                                   probe_image, read_image)

ROOT = Path(__file__).resolve().parents[1]
ASTRONAUT = ROOT / "resources" / "demo" / "astronaut.jpg"


def _patch_sof(jpeg: bytes, w: int, h: int) -> bytes:
    """The same JPEG with its frame header claiming ``w``×``h``."""
    d = bytearray(jpeg)
    i = 2
    while True:
        marker = d[i + 1]
        length = struct.unpack(">H", d[i + 2:i + 4])[0]
        if marker == 0xC0:
            d[i + 5:i + 9] = struct.pack(">HH", h, w)
            return bytes(d)
        i += 2 + length


def _small_jpeg() -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", (16, 16), (200, 10, 10)).save(buf, "JPEG")
    return buf.getvalue()


@pytest.fixture(scope="module")
def astronaut() -> np.ndarray:
    return cv2.imread(str(ASTRONAUT))


# --------------------------------------------------------------------------- bad files

def test_missing_empty_directory_and_non_image_files_get_norwegian_messages(tmp_path):
    with pytest.raises(ImageInputError, match="Fant ikke filen"):
        read_image(tmp_path / "finnes-ikke.jpg")
    (tmp_path / "tom.jpg").write_bytes(b"")
    with pytest.raises(ImageInputError, match="er tom"):
        read_image(tmp_path / "tom.jpg")
    with pytest.raises(ImageInputError, match="er ikke en fil"):
        read_image(tmp_path)
    (tmp_path / "notat.png").write_text("dette er tekst, ikke et bilde")
    with pytest.raises(ImageInputError, match="ikke et bilde vi kan lese") as exc:
        read_image(tmp_path / "notat.png")
    assert exc.value.code == "UGYLDIG_BILDE"


def test_truncated_jpeg_and_png_are_refused_as_damaged(tmp_path, astronaut):
    ok, jpg = cv2.imencode(".jpg", astronaut)
    (tmp_path / "halv.jpg").write_bytes(jpg.tobytes()[: len(jpg) // 2])
    with pytest.raises(ImageInputError, match="skadet eller ufullstendig"):
        read_image(tmp_path / "halv.jpg")
    ok, png = cv2.imencode(".png", astronaut)
    (tmp_path / "halv.png").write_bytes(png.tobytes()[: len(png) // 2])
    with pytest.raises(ImageInputError) as exc:
        read_image(tmp_path / "halv.png")
    assert "halv.png" in exc.value.message and "ikke et bilde" in exc.value.message


def test_a_tiny_jpeg_claiming_30000x30000_is_refused_from_its_header_at_once(tmp_path):
    bomb = _patch_sof(_small_jpeg(), 30000, 30000)
    assert len(bomb) < 700 and probe_image(bomb) == ("JPEG", 30000, 30000)
    (tmp_path / "bomb.jpg").write_bytes(bomb)
    t = time.perf_counter()
    with pytest.raises(ImageTooLarge, match=r"for stort \(30000×30000 piksler") as exc:
        read_image(tmp_path / "bomb.jpg")
    assert time.perf_counter() - t < 0.5
    assert exc.value.code == "BILDE_FOR_STORT"
    assert 30000 * 30000 > MAX_HEADER_PIXELS


def test_a_tiny_jpeg_claiming_a_picture_its_data_cannot_hold_is_damaged_not_decoded():
    fake = _patch_sof(_small_jpeg(), 16000, 12000)      # 192 MP in 633 bytes
    with pytest.raises(ImageInputError, match="skadet"):
        decode_image(fake, "falsk.jpg")


def test_png_and_bmp_bombs_are_refused_before_decoding_pillows_bomb_error_included():
    # PNG: our own header parser
    png = bytearray(cv2.imencode(".png", np.zeros((4, 4), np.uint8))[1].tobytes())
    png[16:24] = struct.pack(">II", 40000, 40000)
    with pytest.raises(ImageTooLarge, match="40000×40000"):
        decode_image(bytes(png), "stor.png")
    # BMP: Pillow reads the header and raises its DecompressionBombError (> 179 MP),
    # which must come out as "too large", not as "not a picture"
    bmp = bytearray(cv2.imencode(".bmp", np.zeros((4, 4, 3), np.uint8))[1].tobytes())
    bmp[18:26] = struct.pack("<ii", 20000, 20000)
    with pytest.raises(ImageTooLarge, match="for stort"):
        decode_image(bytes(bmp), "stor.bmp")
    bmp[18:26] = struct.pack("<ii", 9000, 9000)           # 81 MP: over our limit, under Pillow's
    with pytest.raises(ImageTooLarge, match="9000×9000"):
        decode_image(bytes(bmp), "stor.bmp")


_RSS_CHILD = textwrap.dedent(r"""
    import json, re, sys
    from hms_desk.video.images import read_image, ImageInputError
    out = {}
    for path in sys.argv[1:]:
        try:
            img = read_image(path)
            out[path] = list(img.shape)
        except ImageInputError as exc:
            out[path] = exc.code
    # VmHWM is this process's own peak (ru_maxrss would carry the parent's over exec)
    status = open("/proc/self/status").read()
    out["peak_mb"] = int(re.search(r"VmHWM:\s+(\d+) kB", status).group(1)) / 1024
    print(json.dumps(out))
""")


@pytest.fixture(scope="module")
def big_photo(tmp_path_factory) -> Path:
    """A real 16000×12000 JPEG photo (the astronaut, enlarged with some grain)."""
    path = tmp_path_factory.mktemp("big") / "foto_16000x12000.jpg"
    small = cv2.imread(str(ASTRONAUT))
    big = cv2.resize(small, (16000, 12000), interpolation=cv2.INTER_LINEAR)
    grain = np.random.default_rng(0).integers(0, 16, (1200, 1600, 3), dtype=np.uint8)
    big += cv2.resize(grain, (16000, 12000), interpolation=cv2.INTER_NEAREST)
    ok, buf = cv2.imencode(".jpg", big, [cv2.IMWRITE_JPEG_QUALITY, 80])
    del big
    path.write_bytes(buf.tobytes())
    return path


def test_bombs_and_a_16000x12000_photo_stay_under_300_mb_in_a_fresh_process(tmp_path, big_photo):
    bomb = tmp_path / "bomb.jpg"
    bomb.write_bytes(_patch_sof(_small_jpeg(), 30000, 30000))
    png = bytearray(cv2.imencode(".png", np.zeros((4, 4), np.uint8))[1].tobytes())
    png[16:24] = struct.pack(">II", 50000, 50000)
    (tmp_path / "bomb.png").write_bytes(bytes(png))
    res = subprocess.run([sys.executable, "-c", _RSS_CHILD, str(bomb), str(tmp_path / "bomb.png"),
                          str(big_photo)], capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert res.returncode == 0, res.stderr
    out = json.loads(res.stdout)
    assert out[str(bomb)] == "BILDE_FOR_STORT"
    assert out[str(tmp_path / "bomb.png")] == "BILDE_FOR_STORT"
    # the 192 MP photo is decoded at a quarter of its size (JPEG draft mode)
    assert out[str(big_photo)] == [3000, 4000, 3]
    assert out["peak_mb"] < 300, out


def test_the_16000x12000_photo_is_read_downscaled_and_still_looks_right(big_photo, astronaut):
    img = read_image(big_photo)
    assert img.shape == (3000, 4000, 3) and img.dtype == np.uint8
    back = cv2.resize(img, (512, 512), interpolation=cv2.INTER_AREA).astype(int)
    assert np.abs(back - astronaut.astype(int)).mean() < 14     # the same picture (plus grain)


# --------------------------------------------------------------------------- pictures read as a viewer shows them

def test_exif_orientation_is_applied(astronaut):
    rgb = Image.fromarray(astronaut[:, 100:400, ::-1])      # 512×300, portrait
    exif = Image.Exif()
    exif[0x0112] = 6                                         # "rotate 90° clockwise to view"
    buf = io.BytesIO()
    rgb.save(buf, "JPEG", exif=exif, quality=95)
    img = decode_image(buf.getvalue())
    assert img.shape == (300, 512, 3)
    expected = np.rot90(astronaut[:, 100:400], -1)
    assert np.abs(img.astype(int) - expected.astype(int)).mean() < 4


def test_cmyk_jpeg_comes_out_in_the_right_colours(astronaut):
    buf = io.BytesIO()
    Image.fromarray(astronaut[:, :, ::-1]).convert("CMYK").save(buf, "JPEG", quality=95)
    assert Image.open(io.BytesIO(buf.getvalue())).mode == "CMYK"
    img = decode_image(buf.getvalue())
    assert img.shape == astronaut.shape
    assert np.abs(img.astype(int) - astronaut.astype(int)).mean() < 5


def test_png_with_alpha_is_laid_on_white():
    rgba = np.zeros((60, 80, 4), np.uint8)
    rgba[:, :, :3] = (10, 20, 200)                       # RGB red-ish
    rgba[:, 40:, 3] = 255                                # right half opaque, left half transparent
    buf = io.BytesIO()
    Image.fromarray(rgba, "RGBA").save(buf, "PNG")
    img = decode_image(buf.getvalue())
    assert img.shape == (60, 80, 3)
    assert tuple(img[30, 10]) == (255, 255, 255)         # transparent → white, not black
    assert tuple(img[30, 70]) == (200, 20, 10)           # BGR


def test_16_bit_and_grayscale_pngs_become_8_bit_bgr(astronaut):
    g16 = (np.arange(256 * 256, dtype=np.uint32).reshape(256, 256) % 65536).astype(np.uint16)
    img = decode_image(cv2.imencode(".png", g16)[1].tobytes())
    assert img.dtype == np.uint8 and img.shape == (256, 256, 3)
    assert img[255, 255, 0] == 255 and img[0, 0, 0] == 0
    c16 = astronaut.astype(np.uint16) * 257
    img = decode_image(cv2.imencode(".png", c16)[1].tobytes())
    assert np.array_equal(img, astronaut)
    gray = cv2.cvtColor(astronaut, cv2.COLOR_BGR2GRAY)
    img = decode_image(cv2.imencode(".png", gray)[1].tobytes())
    assert img.shape == (512, 512, 3) and np.array_equal(img[:, :, 0], gray)


def test_anonymize_cli_uses_the_loader_messages(tmp_path):
    (tmp_path / "bomb.jpg").write_bytes(_patch_sof(_small_jpeg(), 30000, 30000))
    res = subprocess.run([sys.executable, "-m", "hms_desk", "anonymize", str(tmp_path / "bomb.jpg"),
                          "--out", str(tmp_path / "ut"), "--json"], capture_output=True, text=True,
                         timeout=120, cwd=ROOT)
    assert res.returncode == 1
    row = json.loads(res.stdout)["images"][0]
    assert "for stort (30000×30000 piksler" in row["error"]
