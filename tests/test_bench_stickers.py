"""The sticker benchmark's generator: which pictures have a digit erased (bench/stickers.py)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import cv2
import numpy as np
import pytest

BENCH = Path(__file__).resolve().parents[1] / "bench" / "stickers.py"
#: the benchmark's backgrounds (bench/stickers.py's SHARED_BARCODES): without them it draws other pictures
BACKGROUNDS = BENCH.parents[2] / "shared" / "data" / "barcodes" / "expected.json"


@pytest.fixture(scope="module")
def stickers():
    spec = importlib.util.spec_from_file_location("bench_stickers", BENCH)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _one_digit(px: int = 24):
    """A clean picture with one dark digit on light paper, and where the digit is (corners, height)."""
    clean = np.full((80, 120, 3), 235, np.uint8)
    cv2.putText(clean, "8", (45, 55), cv2.FONT_HERSHEY_SIMPLEX, px / 22, (20, 20, 20), 2, cv2.LINE_AA)
    corners = np.array([[45, 55 - px], [45 + px * 0.7, 55 - px], [45 + px * 0.7, 55], [45, 55]], np.float64)
    return clean, [(corners, float(px))]


def test_a_digit_under_glare_is_erased_and_a_blurred_or_faint_one_is_not(stickers):
    clean, digits = _one_digit()
    assert stickers.legibility(clean, clean, digits)["ink_left"] == pytest.approx(1.0)
    blurred = cv2.GaussianBlur(clean, (0, 0), 2.0)
    faint = (clean.astype(np.float32) * 0.3 + 160).astype(np.uint8)          # a third of the contrast
    noisy = np.clip(clean + np.random.default_rng(1).normal(0, 5, clean.shape), 0, 255).astype(np.uint8)
    for seen in (blurred, faint, noisy):
        verdict = stickers.legibility(clean, seen, digits)
        assert verdict["readable"] and verdict["ink_left"] > 0.5, verdict
    glared = np.clip(clean.astype(np.int32) + 240, 0, 255).astype(np.uint8)   # ink and paper both white
    glared = np.clip(glared + np.random.default_rng(2).normal(0, 3, clean.shape), 0, 255).astype(np.uint8)
    verdict = stickers.legibility(clean, glared, digits)
    assert not verdict["readable"] and abs(verdict["ink_left"]) < 0.3, verdict
    assert verdict["digit_px"] == 24.0
    (corners, height), = digits
    outside = stickers.legibility(clean, clean, [(corners + (200, 0), height)])   # the camera missed it
    assert not outside["readable"] and outside["ink_left"] == 0.0


@pytest.mark.skipif(not BACKGROUNDS.exists(),
                    reason="the benchmark's backgrounds are the photos in ../shared/data/barcodes")
def test_the_generator_marks_only_the_glared_sticker_of_the_first_twenty_unreadable(stickers):
    assert stickers.SHARED_BARCODES / "expected.json" == BACKGROUNDS
    seen = {name: truth for name, _, truth in stickers.generate(20, seed=12)}
    assert [name for name, t in seen.items() if not t["readable"]] == ["sticker_018.jpg"]
    # its HMS-nr's first digits are gone under the glare; every digit of the others keeps its ink
    assert seen["sticker_018.jpg"]["ink_left"] < 0.1
    assert min(t["ink_left"] for name, t in seen.items() if name != "sticker_018.jpg") > 0.45
    assert all(t["digit_px"] > 5 for t in seen.values())
