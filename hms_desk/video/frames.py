"""One decoded video picture as it travels from a source to the screen."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True, slots=True)
class Frame:
    """A picture from a video source.

    ``image`` is BGR ``uint8`` (height, width, 3) and is never modified after
    the frame is made; consumers that want to change it take a copy.
    ``seq`` counts frames from one pipeline run (0, 1, 2 …); ``t_capture`` is
    :func:`time.monotonic` when the picture was decoded; ``source_name`` is the
    human-readable name of the source.
    """

    image: np.ndarray
    seq: int
    t_capture: float
    source_name: str

    @property
    def width(self) -> int:
        return int(self.image.shape[1])

    @property
    def height(self) -> int:
        return int(self.image.shape[0])

    def copy(self) -> "Frame":
        """A frame with its own copy of the pixels (safe to keep or draw on)."""
        return Frame(self.image.copy(), self.seq, self.t_capture, self.source_name)
