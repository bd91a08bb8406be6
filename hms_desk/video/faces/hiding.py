"""Hiding faces: blur or pixelate regions of a picture, inside an ellipse, failing closed."""

from __future__ import annotations

import functools
import logging
import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

import cv2
import numpy as np

from hms_desk.video.faces.errors import FAILED_TEXT, AnonymisationError

log = logging.getLogger("hms_desk.anonymise")

__all__ = ["HideStyle", "Method", "Region", "hide"]

Method = Literal["blur", "pixelate"]
MIN_MARGIN_PX = 4.0  # px added on every side of even the smallest face
MIN_SIGMA = 3.0  # px: the blur of the smallest face still wipes out its detail
Region = tuple[float, float, float, float]  # x1 y1 x2 y2 in image pixels


@dataclass(frozen=True)
class HideStyle:
    """How a face is hidden: ``method`` inside an ellipse around the face box grown by
    ``margin`` (a share of the box) on every side.

    ``feather`` blends a soft edge (stored pictures); without it the ellipse is
    pasted with a hard edge, which costs a fraction for the big, grown regions
    of the live view (no float blend over the whole region).
    """

    margin: float = 0.25
    method: Method = "blur"
    feather: bool = True

    def __post_init__(self) -> None:
        if self.method not in ("blur", "pixelate"):
            raise ValueError(f"ukjent metode: {self.method!r}")
        if self.margin < 0:
            raise ValueError("margin kan ikke være negativ")


def hide(image: np.ndarray, regions: Sequence[Region], style: HideStyle = HideStyle()) -> None:
    """Hide every region of ``image`` in place; any failure is :class:`AnonymisationError`
    (the caller must then not keep or show the picture)."""
    try:
        if style.feather or len(regions) < 2:
            for region in regions:
                _hide_one(image, region, style.margin, style.method, style.feather)
        else:
            for group in _overlapping(regions, style.margin):
                if len(group) == 1:
                    _hide_one(image, group[0], style.margin, style.method, False)
                else:
                    _hide_group(image, group, style.margin, style.method)
    except Exception as exc:
        log.error("Tilsløring feilet: %r", exc)
        raise AnonymisationError(FAILED_TEXT, code="ANSIKT_FEIL") from exc


def _hide_one(image: np.ndarray, box: Region, margin: float, method: Method, feather: bool) -> None:
    H, W = image.shape[:2]
    if box[2] <= box[0] or box[3] <= box[1]:
        return
    # Region to hide: the face box grown by the margin on every side – at least
    # MIN_MARGIN_PX, as the box of a tiny face is only roughly where the face is.
    rx1, ry1, rx2, ry2 = _grown(box, margin)
    rw, rh = rx2 - rx1, ry2 - ry1
    size = max(rw, rh)
    # Work on a padded crop so the filter sees real context at the edges (a hard-edged
    # paste needs little: it only hides).
    pad = math.ceil(0.15 * size) + 2 if feather else 1
    cx1, cy1 = max(math.floor(rx1) - pad, 0), max(math.floor(ry1) - pad, 0)
    cx2, cy2 = min(math.ceil(rx2) + pad, W), min(math.ceil(ry2) + pad, H)
    if cx2 <= cx1 or cy2 <= cy1:
        return
    crop = image[cy1:cy2, cx1:cx2]
    ch, cw = crop.shape[:2]
    # Area averaging is the better reduction, but costly at odd factors; the strong
    # blur that follows leaves nothing of the difference in the live view.
    hidden, fx, fy = _filtered(crop, size, method, cv2.INTER_AREA if feather else cv2.INTER_LINEAR)
    if not feather:  # a hard-edged ellipse around the region, pasted
        mask = np.zeros((ch, cw), np.uint8)
        centre = ((rx1 + rx2) / 2 - cx1, (ry1 + ry2) / 2 - cy1)
        cv2.ellipse(mask, (centre, (rw + 2.0, rh + 2.0), 0.0), 255, -1, cv2.LINE_8)
        cv2.copyTo(hidden, mask, crop)
        return
    # Elliptical mask: 1 inside the region, a soft edge just outside it.
    # Drawn at reduced size with a small fixed resolution floor, then scaled up.
    mf = max(min(fx, fy), min(1.0, 32.0 / max(cw, ch)))
    mw, mh = max(1, round(cw * mf)), max(1, round(ch * mf))
    centre = (((rx1 + rx2) / 2 - cx1) * mw / cw, ((ry1 + ry2) / 2 - cy1) * mh / ch)
    axes = (rw * mw / cw, rh * mh / ch)
    feather = max(size * 0.04 * mf, 0.5)
    mask = np.zeros((mh, mw), np.float32)
    cv2.ellipse(mask, (centre, (axes[0] + 2 * feather, axes[1] + 2 * feather), 0.0), 1.0, -1, cv2.LINE_AA)
    mask = cv2.GaussianBlur(mask, (0, 0), max(feather / 2, 0.3))
    # the region itself is always fully covered (drawn grown by one mask pixel)
    cv2.ellipse(mask, (centre, (axes[0] + 1.0, axes[1] + 1.0), 0.0), 1.0, -1, cv2.LINE_8)
    alpha = cv2.resize(mask, (cw, ch), interpolation=cv2.INTER_LINEAR) if (mw, mh) != (cw, ch) else mask
    np.clip(alpha, 0.0, 1.0, out=alpha)
    crop[:] = cv2.blendLinear(hidden, crop, alpha, 1.0 - alpha)


def _filtered(crop: np.ndarray, size: float, method: Method, reduce: int) -> tuple[np.ndarray, float, float]:
    """``crop`` blurred (or pixelated) as a region ``size`` px across needs, and the reduction used.

    Everything is computed on a reduced copy (``reduce``: its interpolation) and scaled back, so a
    big face costs no more than a small one."""
    ch, cw = crop.shape[:2]
    if method == "pixelate":
        sigma = 0.0
        factor = max(size / 8.0, 2.0)  # the cell size
    else:
        sigma = max(size / 8.0, MIN_SIGMA)  # strong Gaussian, ~1/8 of the region
        factor = max(sigma / 3.0, 1.0)
    sw, sh = max(1, round(cw / factor)), max(1, round(ch / factor))
    small = cv2.resize(crop, (sw, sh), interpolation=reduce) if (sw, sh) != (cw, ch) else crop.copy()
    if method == "pixelate":
        hidden = cv2.resize(small, (cw, ch), interpolation=cv2.INTER_NEAREST)
    else:
        kernel = _gaussian_kernel(round(sigma / factor, 3))
        small = cv2.sepFilter2D(small, -1, kernel, kernel, borderType=cv2.BORDER_REPLICATE)
        hidden = cv2.resize(small, (cw, ch), interpolation=cv2.INTER_LINEAR) if (sw, sh) != (cw, ch) else small
    return hidden, sw / cw, sh / ch


def _grown(box: Region, margin: float) -> Region:
    """The region hidden for face box ``box``: grown by ``margin`` of its size, at least MIN_MARGIN_PX."""
    bx1, by1, bx2, by2 = box
    mx, my = max(margin * (bx2 - bx1), MIN_MARGIN_PX), max(margin * (by2 - by1), MIN_MARGIN_PX)
    return bx1 - mx, by1 - my, bx2 + mx, by2 + my


def _overlapping(regions: Sequence[Region], margin: float) -> list[list[Region]]:
    """``regions`` (with a size) in groups whose hidden regions overlap, directly or through others."""
    boxes = [r for r in regions if r[2] > r[0] and r[3] > r[1]]
    grown = [_grown(b, margin) for b in boxes]
    group = list(range(len(boxes)))

    def root(i: int) -> int:
        while group[i] != i:
            group[i] = group[group[i]]
            i = group[i]
        return i

    for i, a in enumerate(grown):
        for j in range(i):
            b = grown[j]
            if a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]:
                group[root(i)] = root(j)
    out: dict[int, list[Region]] = {}
    for i, box in enumerate(boxes):
        out.setdefault(root(i), []).append(box)
    return list(out.values())


def _hide_group(image: np.ndarray, boxes: list[Region], margin: float, method: Method) -> None:
    """Hide faces whose regions overlap (hard-edged, the live view) from one filtered copy of the
    area around them, at the strongest filter any of them needs: where two ellipses cross, the
    picture stays as smooth as inside either (two pastes filtered apart leave a sharp seam there)."""
    H, W = image.shape[:2]
    grown = [_grown(b, margin) for b in boxes]
    size = max(max(r[2] - r[0], r[3] - r[1]) for r in grown)
    cx1, cy1 = max(math.floor(min(r[0] for r in grown)) - 1, 0), max(math.floor(min(r[1] for r in grown)) - 1, 0)
    cx2, cy2 = min(math.ceil(max(r[2] for r in grown)) + 1, W), min(math.ceil(max(r[3] for r in grown)) + 1, H)
    if cx2 <= cx1 or cy2 <= cy1:
        return
    crop = image[cy1:cy2, cx1:cx2]
    ch, cw = crop.shape[:2]
    hidden, _fx, _fy = _filtered(crop, size, method, cv2.INTER_LINEAR)
    mask = np.zeros((ch, cw), np.uint8)
    for rx1, ry1, rx2, ry2 in grown:
        centre = ((rx1 + rx2) / 2 - cx1, (ry1 + ry2) / 2 - cy1)
        cv2.ellipse(mask, (centre, (rx2 - rx1 + 2.0, ry2 - ry1 + 2.0), 0.0), 255, -1, cv2.LINE_8)
    cv2.copyTo(hidden, mask, crop)


@functools.lru_cache(maxsize=16)
def _gaussian_kernel(sigma: float) -> np.ndarray:
    """The Gaussian ``GaussianBlur`` would build for a ``uint8`` picture (same size), made once:
    the reduced copy blurred is tiny (about 24 px across), so building the kernel and filter
    on every call cost six times the filtering itself (65 against 10 µs a face)."""
    size = int(round(sigma * 3 * 2 + 1)) | 1
    return cv2.getGaussianKernel(size, sigma, cv2.CV_32F)
