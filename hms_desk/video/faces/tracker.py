"""Tracking faces between detections in a live stream.

The detector runs every few frames on a reduced copy; in between, and while
a detection is still running, :class:`FaceTracker` says where every known
face may be *now*: carried forward along its measured motion and grown by
how uncertain that prediction is, which grows with the age of the detection
it comes from.

The growth model (per side, per frame of age, in pixels):

* every face: ``size_growth`` × its size (turning, leaning in, box jitter);
* a face seen moving: ``speed_uncertainty`` × its own speed (it may speed up,
  slow down or turn: measured on swaying and crossing heads, the error of a
  constant-speed prediction stays under a third of the speed per frame of age);
* a face seen only once: ``max_speed`` × the frame's width in every direction,
  because its speed is unknown (100 px per frame at 1920 px, the fastest
  motion the benchmark asks us to cover).

A face the detector misses is held for ``hold_misses`` detection rounds
before it is let go (a turned head, motion blur), and a face predicted out of
the picture is dropped.  Frame indices are the only clock: speeds are pixels
per frame.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from hms_desk.video.faces.hiding import Region

__all__ = ["FaceTracker", "Track", "TrackerParams", "Cover"]


@dataclass(frozen=True)
class TrackerParams:
    """Tuning of :class:`FaceTracker` (see the module docstring for the growth model)."""

    max_speed: float = 100 / 1920  # share of the frame width per frame
    size_growth: float = 0.02
    speed_uncertainty: float = 0.35
    hold_misses: int = 2
    smoothing: float = 0.7  # weight of the newest measured speed
    turn: float = 0.3  # a change of speed beyond this share of its size per frame: speed unknown again


@dataclass
class Track:
    """One face: its box at the last detection that saw it, and its speed."""

    box: np.ndarray  # x1 y1 x2 y2, frame pixels
    score: float
    frame: int  # frame index of the detection that last saw it
    velocity: np.ndarray = field(default_factory=lambda: np.zeros(2, np.float32))  # px/frame
    hits: int = 1  # detections that saw it
    misses: int = 0  # detection rounds in a row that did not

    def __post_init__(self) -> None:
        # box and speed as plain floats, for the predictions made several times a frame
        # (a box and a speed are never changed: a new detection makes a new Track)
        self._box = tuple(float(v) for v in self.box[:4])
        self._speed = (float(self.velocity[0]), float(self.velocity[1]))
        self._size = max(float(self.box[2] - self.box[0]), float(self.box[3] - self.box[1]), 1.0)

    @property
    def new(self) -> bool:
        """Seen once: its speed is not known yet."""
        return self.hits < 2

    @property
    def size(self) -> float:
        return self._size

    def centre(self) -> np.ndarray:
        return _centre(self.box)

    def shifted(self, frame: int) -> np.ndarray:
        """The box moved along its speed to ``frame``."""
        d = self.velocity * float(max(frame - self.frame, 0))
        return self.box + np.array([d[0], d[1], d[0], d[1]], np.float32)


@dataclass(frozen=True)
class Cover:
    """Where a tracked face may be in one frame: ``region`` (grown, clipped) and the age
    in frames of the detection it comes from."""

    region: Region
    age: int
    score: float


class FaceTracker:
    """Keeps the faces of one stream between detections.  Not thread-safe: the owner locks."""

    def __init__(self, params: TrackerParams = TrackerParams()) -> None:
        self.params = params
        self.tracks: list[Track] = []

    def reset(self) -> None:
        self.tracks = []

    def to_look_at(self, frame: int, width: int, height: int, share: float | None = None,
                   stale: int | None = None) -> list[Region]:
        """Where faces should be looked for again soon, in ``frame``: the regions of faces that
        are new (speed unknown) or were missed last time – and, when given, of faces whose
        region has grown by more than ``share`` of their size per side or that were last seen
        ``stale`` frames ago; the longest unseen first."""
        out = []
        for t in sorted(self.tracks, key=lambda t: t.frame):
            x1, y1, x2, y2 = self._grown(t, frame, width)
            grown = share is not None and (x2 - x1) - t.size > 2 * share * t.size
            if t.new or t.misses or grown or (stale is not None and frame - t.frame >= stale):
                r = (max(x1, 0.0), max(y1, 0.0), min(x2, float(width)), min(y2, float(height)))
                if r[2] > r[0] and r[3] > r[1]:
                    out.append(r)
        return out

    def update(self, frame: int, detections: np.ndarray, width: int, height: int,
               areas: Sequence[Region] | None = None) -> None:
        """Take the faces a detection found in ``frame`` (``(N, 5+)`` rows ``x1 y1 x2 y2 score``).

        Each detection continues the track whose predicted centre is nearest,
        among those of a similar size whose grown region holds its centre;
        the rest start new tracks.  Tracks no detection continued count a miss –
        when the detection searched only ``areas``, only those predicted wholly inside one.
        """
        p = self.params
        pairs: list[tuple[float, int, int]] = []
        # each detection's size and centre, as plain floats (the pairing runs every detection)
        rows = np.asarray(detections, np.float32)
        found = [(max(a2 - a0, a3 - a1, 1.0), (a0 + a2) / 2, (a1 + a3) / 2)
                 for a0, a1, a2, a3 in (rows[:, :4].tolist() if rows.ndim == 2 else [])]
        for ti, t in enumerate(self.tracks):
            # a detection continues a track when its centre lies where the track says the
            # face may be (its grown region, plus a quarter of its size for box jitter)
            x1, y1, x2, y2 = self._grown(t, frame, width)
            size = t.size
            slack = 0.25 * size
            dt = float(max(frame - t.frame, 0))
            b = t._box
            px, py = (b[0] + b[2]) / 2 + t._speed[0] * dt, (b[1] + b[3]) / 2 + t._speed[1] * dt
            for di, (d_size, cx, cy) in enumerate(found):
                if not 0.5 <= d_size / size <= 2.0:
                    continue
                if x1 - slack <= cx <= x2 + slack and y1 - slack <= cy <= y2 + slack:
                    pairs.append((math.hypot(cx - px, cy - py) / size, di, ti))
        match: dict[int, int] = {}
        used: set[int] = set()
        for _, di, ti in sorted(pairs):
            if di not in match and ti not in used:
                match[di] = ti
                used.add(ti)
        tracks: list[Track] = []
        for di, d in enumerate(detections):
            box = np.array([max(d[0], 0), max(d[1], 0), min(d[2], width), min(d[3], height)], np.float32)
            if di in match:
                t = self.tracks[match[di]]
                dt = max(frame - t.frame, 1)
                moved = (_centre(box) - t.centre()) / dt
                if not t.new and float(np.linalg.norm(moved - t.velocity)) > p.turn * t.size:
                    # a turn no head makes (or two faces crossing, matched the wrong way
                    # round): its speed is unknown again, and it is covered as such
                    tracks.append(Track(box, float(d[4]), frame, moved.astype(np.float32), 1, 0))
                    continue
                velocity = moved if t.new else p.smoothing * moved + (1 - p.smoothing) * t.velocity
                tracks.append(Track(box, float(d[4]), frame, velocity.astype(np.float32), t.hits + 1, 0))
            else:
                tracks.append(Track(box, float(d[4]), frame))
        for ti, t in enumerate(self.tracks):
            if ti in used:
                continue
            if areas is not None and not any(_holds(a, t.shifted(frame)) for a in areas):
                tracks.append(t)  # not looked for this time
            elif t.misses < p.hold_misses:
                t.misses += 1
                tracks.append(t)
        self.tracks = [t for t in tracks if _inside(self._grown(t, frame, width), width, height)]

    def covers(self, frame: int, width: int, height: int) -> list[Cover]:
        """Where every tracked face may be in ``frame``: predicted and grown, clipped to the picture."""
        out = []
        for t in self.tracks:
            x1, y1, x2, y2 = self._grown(t, frame, width)
            r = (max(x1, 0.0), max(y1, 0.0), min(x2, float(width)), min(y2, float(height)))
            if r[2] > r[0] and r[3] > r[1]:
                out.append(Cover(r, max(frame - t.frame, 0), t.score))
        return out

    def _grown(self, t: Track, frame: int, width: int) -> tuple[float, float, float, float]:
        """The track's box predicted to ``frame`` and grown by the growth model (plain float
        arithmetic: called for every face several times a frame)."""
        p = self.params
        dt = float(max(frame - t.frame, 0))
        x1, y1, x2, y2 = t._box
        vx, vy = t._speed
        dx, dy = vx * dt, vy * dt
        gx = gy = p.size_growth * t._size * dt
        if t.new:  # speed unknown: anywhere within the fastest motion we cover
            gx += p.max_speed * width * dt
            gy += p.max_speed * width * dt
        else:
            gx += p.speed_uncertainty * abs(vx) * dt
            gy += p.speed_uncertainty * abs(vy) * dt
        return x1 + dx - gx, y1 + dy - gy, x2 + dx + gx, y2 + dy + gy


def _centre(b: np.ndarray) -> np.ndarray:
    return np.array([(b[0] + b[2]) / 2, (b[1] + b[3]) / 2], np.float32)


def _holds(area: Region, box: np.ndarray) -> bool:
    return area[0] <= box[0] and area[1] <= box[1] and box[2] <= area[2] and box[3] <= area[3]


def _inside(r: tuple[float, float, float, float], width: int, height: int) -> bool:
    return r[2] > 0 and r[3] > 0 and r[0] < width and r[1] < height
