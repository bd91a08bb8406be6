"""One decoded video picture as it travels from a source to the screen."""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

import numpy as np


@dataclass(frozen=True, slots=True)
class Coverage:
    """What a frame processor (live face blur) could promise about one frame.

    ``state`` is ok | starter | henger etter | feil; ``box_age`` is how many
    frames older than this one the picture is that the newest finished face
    detection ran on (None before the first); ``guaranteed`` says every face
    is hidden as far as detection and tracking can tell; ``blanked`` that the
    picture was replaced by a black frame with a banner; ``faces`` how many
    regions were hidden.
    """

    state: str
    box_age: int | None
    guaranteed: bool
    blanked: bool
    faces: int


class Processed(NamedTuple):
    """What a frame processor may return instead of a bare picture: the picture and its coverage."""

    image: np.ndarray
    coverage: Coverage


@dataclass(frozen=True, slots=True)
class Frame:
    """A picture from a video source.

    ``image`` is BGR ``uint8`` (height, width, 3) and is never modified after
    the frame is made; consumers that want to change it take a copy.
    ``seq`` counts frames from one pipeline run (0, 1, 2 …); ``t_capture`` is
    :func:`time.monotonic` when the picture was decoded; ``source_name`` is the
    human-readable name of the source; ``coverage`` is what live face blur
    promised about it (None when no processor reports one).
    """

    image: np.ndarray
    seq: int
    t_capture: float
    source_name: str
    coverage: Coverage | None = None

    @property
    def width(self) -> int:
        return int(self.image.shape[1])

    @property
    def height(self) -> int:
        return int(self.image.shape[0])

    @property
    def blanked(self) -> bool:
        """Black with a banner (live blur starting, behind or failed): nothing of the scene on it."""
        return self.coverage is not None and self.coverage.blanked

    def copy(self) -> "Frame":
        """A frame with its own copy of the pixels (safe to keep or draw on)."""
        return Frame(self.image.copy(), self.seq, self.t_capture, self.source_name, self.coverage)
