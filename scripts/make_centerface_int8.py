#!/usr/bin/env python3
"""Make resources/models/centerface-int8.onnx from the shipped centerface.onnx (run once, by hand).

Static int8 quantisation with onnxruntime.quantization: QDQ format, weights int8 per channel
with ``reduce_range`` (7-bit: the u8×s8 products never saturate on CPUs without VNNI, so every
x86 desktop computes the same numbers as the machine the recall was measured on), activations
uint8 with min/max ranges calibrated on pictures that are NOT in the evaluation sets:
scikit-image's samples (its astronaut and motorcycle photos are, so they are left out) at 1×
and 2×, and scikit-image's LFW faces (25×25) pasted 8–64 px large on its textured samples.
Nothing from ../shared/data/faces and nothing from the demo scene (it shows the astronaut).

Then the input is changed so the picture goes in as it comes, without a float copy: the
input ``bgr_s2d`` is uint8 ``N × H/2 × W/2 × 12``, the BGR picture's 2×2 pixel blocks side by
side (``Detector`` makes it with a numpy reshape; the calibrated input scale is 1, zero point 0,
so quantising it was the identity).  The first convolution (3×3, stride 2, RGB) becomes the
same sum over the blocks: a 2×2 convolution, stride 1, padded one block at the top and left,
its int8 weights the original ones rearranged (and zeros): the answers stay bit for bit those
of the quantised model, but onnxruntime's int8 kernel is far faster on 12 channels than on 3
(its 3-channel first layer was a quarter of the pass).

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


def space_to_depth_input(model):  # noqa: ANN001, ANN201 - onnx's ModelProto
    """The quantised model, reading uint8 BGR 2×2 blocks (see the module's docstring)."""
    import onnx
    from onnx import helper, numpy_helper

    g = model.graph
    inits = {i.name: i for i in g.initializer}
    (quant,) = [n for n in g.node if n.op_type == "QuantizeLinear" and n.input[0] == "input.1"]
    assert numpy_helper.to_array(inits[quant.input[1]]) == 1.0 and numpy_helper.to_array(inits[quant.input[2]]) == 0
    (deq,) = [n for n in g.node if n.op_type == "DequantizeLinear" and n.input[0] == quant.output[0]]
    (conv,) = [n for n in g.node if n.op_type == "Conv" and n.input[0] == deq.output[0]]
    attrs = {a.name: helper.get_attribute_value(a) for a in conv.attribute}
    assert attrs["kernel_shape"] == [3, 3] and attrs["strides"] == [2, 2] and attrs["pads"] == [1, 1, 1, 1]
    assert attrs.get("group", 1) == 1 and attrs.get("dilations", [1, 1]) == [1, 1]
    (wdeq,) = [n for n in g.node if n.output[0] == conv.input[1]]
    w = numpy_helper.to_array(inits[wdeq.input[0]])  # int8 (out, RGB, 3, 3)
    assert w.dtype == np.int8 and w.shape[1:] == (3, 3, 3)
    # y[i, j] = Σ w[c, di, dj] · x[2i + di − 1, 2j + dj − 1]; row 2i − 1 is phase 1 of block i − 1
    # (tap 0 of the 2×2 kernel, padded above), rows 2i and 2i + 1 phases 0 and 1 of block i (tap 1)
    tap_phase = {0: (0, 1), 1: (1, 0), 2: (1, 1)}  # original offset → (2×2 tap, phase in the block)
    w2 = np.zeros((w.shape[0], 12, 2, 2), np.int8)
    for di, (ki, ph) in tap_phase.items():
        for dj, (kj, pw) in tap_phase.items():
            for bgr in range(3):
                w2[:, (ph * 2 + pw) * 3 + bgr, ki, kj] = w[:, 2 - bgr, di, dj]
    inits[wdeq.input[0]].CopyFrom(numpy_helper.from_array(w2, wdeq.input[0]))
    for a in conv.attribute:
        if a.name == "kernel_shape":
            a.CopyFrom(helper.make_attribute("kernel_shape", [2, 2]))
        elif a.name == "strides":
            a.CopyFrom(helper.make_attribute("strides", [1, 1]))
        elif a.name == "pads":
            a.CopyFrom(helper.make_attribute("pads", [1, 1, 0, 0]))
    # uint8 NHWC blocks → NCHW → DequantizeLinear (scale 1, zero point 0) → the convolution
    transpose = helper.make_node("Transpose", ["bgr_s2d"], ["bgr_s2d_nchw"], perm=[0, 3, 1, 2], name="to_nchw")
    deq.input[0] = "bgr_s2d_nchw"
    index = list(g.node).index(quant)
    g.node.remove(quant)
    g.node.insert(index, transpose)
    new_input = helper.make_tensor_value_info("bgr_s2d", onnx.TensorProto.UINT8, ["N", "Hb", "Wb", 12])
    g.input.remove(g.input[0])
    g.input.insert(0, new_input)
    onnx.checker.check_model(model)
    return model


def check_same_answers(plain: Path, blocks: Path) -> None:
    """The rewritten model answers exactly as the plain quantised one, on pictures of several sizes."""
    import onnxruntime as ort

    a = ort.InferenceSession(str(plain), providers=["CPUExecutionProvider"])
    b = ort.InferenceSession(str(blocks), providers=["CPUExecutionProvider"])
    rng = np.random.default_rng(1)
    pictures = calibration_pictures()[::7] + [rng.integers(0, 256, (96, 160, 3), dtype=np.uint8)]
    for image in pictures:
        h, w = image.shape[:2]
        image = cv2.copyMakeBorder(image, 0, -h % 32, 0, -w % 32, cv2.BORDER_CONSTANT, value=(0, 0, 0))
        h, w = image.shape[:2]
        blob = cv2.dnn.blobFromImage(image, 1.0, (0, 0), (0, 0, 0), swapRB=True, crop=False)
        s2d = np.ascontiguousarray(image.reshape(h // 2, 2, w // 2, 2, 3).transpose(0, 2, 1, 3, 4))
        for x, y in zip(a.run(None, {"input.1": blob}), b.run(None, {"bgr_s2d": s2d.reshape(1, h // 2, w // 2, 12)})):
            if x.shape != y.shape or not np.array_equal(x, y):
                raise SystemExit(f"the rewritten model answers differently on a {w}×{h} picture")


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
        quantised = Path(tmp) / "int8.onnx"
        quantize_static(str(pre), str(quantised), Reader(), quant_format=QuantFormat.QDQ, per_channel=True,
                        reduce_range=True, activation_type=QuantType.QUInt8, weight_type=QuantType.QInt8,
                        calibrate_method=CalibrationMethod.MinMax)
        if "--keep-float-input" in sys.argv:  # the plain quantised model, for comparing
            TARGET.write_bytes(quantised.read_bytes())
        else:
            onnx.save(space_to_depth_input(onnx.load(str(quantised))), str(TARGET))
            check_same_answers(quantised, TARGET)
    print(f"{TARGET} ({TARGET.stat().st_size} bytes) with onnx {onnx.__version__}, "
          f"onnxruntime {onnxruntime.__version__}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
