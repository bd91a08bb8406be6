#!/usr/bin/env python3
"""Make resources/models/centerface-int8.onnx from the shipped centerface.onnx (run once, by hand).

Static int8 quantisation with onnxruntime.quantization: QDQ format, weights int8 per channel
with ``reduce_range`` (7-bit: the u8×s8 products never saturate on CPUs without VNNI, so every
x86 desktop computes the same numbers as the machine the recall was measured on), activations
uint8 with min/max ranges calibrated on pictures that are NOT in the evaluation sets:
scikit-image's samples (its astronaut and motorcycle photos are, so they are left out) at 1×
and 2×, and scikit-image's LFW faces (25×25) pasted 8–64 px large on its textured samples.
Nothing from ../shared/data/faces and nothing from the demo scene (it shows the astronaut).

Not a run-time step and not a dependency of the app: run it in a throw-away environment,

    python3 -m venv /tmp/q && /tmp/q/bin/pip install onnx 'onnxruntime==1.31.1' \
        opencv-python-headless scikit-image
    /tmp/q/bin/python scripts/make_centerface_int8.py

then judge the result with bench/anonymise.py (recall on the hard set must stay 1.0).
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import cv2
import numpy as np

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT / "resources" / "models" / "centerface.onnx"
TARGET = ROOT / "resources" / "models" / "centerface-int8.onnx"
SAMPLES = ("camera", "coffee", "chelsea", "rocket", "brick", "grass", "gravel", "text", "page",
           "coins", "cat", "horse", "hubble_deep_field", "colorwheel", "logo", "clock")
BACKGROUNDS = ("brick", "grass", "gravel", "coffee", "rocket", "hubble_deep_field")


def _bgr(a: np.ndarray) -> np.ndarray:
    a = np.asarray(a)
    if a.dtype != np.uint8:
        a = (np.clip(a, 0, 1) * 255).astype(np.uint8)
    if a.ndim == 2:
        return cv2.cvtColor(a, cv2.COLOR_GRAY2BGR)
    return cv2.cvtColor(a, cv2.COLOR_RGBA2BGR if a.shape[2] == 4 else cv2.COLOR_RGB2BGR)


def calibration_pictures(seed: int = 0) -> list[np.ndarray]:
    import skimage.data as data

    rng = np.random.default_rng(seed)
    out = []
    for name in SAMPLES:
        sample = _bgr(getattr(data, name)())
        out += [sample, cv2.resize(sample, None, fx=2.0, fy=2.0, interpolation=cv2.INTER_LINEAR)]
    faces = data.lfw_subset()[:100]  # the first 100 are faces, the rest are not
    backgrounds = [_bgr(getattr(data, n)()) for n in BACKGROUNDS]
    for k in range(24):
        scene = cv2.resize(backgrounds[k % len(backgrounds)], (640, 480))
        for _ in range(rng.integers(3, 12)):
            size = int(rng.integers(8, 64))
            face = cv2.resize(_bgr(faces[rng.integers(0, 100)]), (size, size), interpolation=cv2.INTER_AREA)
            face = np.clip(face.astype(np.float32) * rng.uniform(0.6, 1.2, 3), 0, 255).astype(np.uint8)
            y, x = rng.integers(0, 480 - size), rng.integers(0, 640 - size)
            scene[y:y + size, x:x + size] = face
        out.append(scene)
    return out


def main() -> int:
    import onnx
    import onnxruntime
    from onnxruntime.quantization import (CalibrationDataReader, CalibrationMethod, QuantFormat, QuantType,
                                          quantize_static)
    from onnxruntime.quantization.shape_inference import quant_pre_process

    class Reader(CalibrationDataReader):
        def __init__(self) -> None:
            blobs = []
            for image in calibration_pictures():
                h, w = image.shape[:2]
                image = cv2.copyMakeBorder(image, 0, -h % 32, 0, -w % 32, cv2.BORDER_CONSTANT, value=(0, 0, 0))
                # as the detector feeds it: RGB 0..255, no normalisation
                blobs.append(cv2.dnn.blobFromImage(image, 1.0, (0, 0), (0, 0, 0), swapRB=True, crop=False))
            self._blobs = iter([{"input.1": b} for b in blobs])

        def get_next(self):  # noqa: ANN201 - onnxruntime's interface
            return next(self._blobs, None)

    with tempfile.TemporaryDirectory() as tmp:
        opset13, pre = Path(tmp) / "opset13.onnx", Path(tmp) / "pre.onnx"
        # per-channel QDQ needs opset 13; the shipped graph is opset 9
        onnx.save(onnx.version_converter.convert_version(onnx.load(str(SOURCE)), 13), str(opset13))
        quant_pre_process(str(opset13), str(pre), skip_symbolic_shape=True)
        quantize_static(str(pre), str(TARGET), Reader(), quant_format=QuantFormat.QDQ, per_channel=True,
                        reduce_range=True, activation_type=QuantType.QUInt8, weight_type=QuantType.QInt8,
                        calibrate_method=CalibrationMethod.MinMax)
    print(f"{TARGET} ({TARGET.stat().st_size} bytes) with onnx {onnx.__version__}, "
          f"onnxruntime {onnxruntime.__version__}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
