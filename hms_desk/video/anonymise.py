"""Face anonymisation for every picture HMS Desk stores, exports or shows.

The work is split by responsibility in :mod:`hms_desk.video.faces`; this
module is the door the rest of the app uses (snapshots, ``hms-desk
anonymize``).  The module **fails closed**: if the model cannot be loaded or
inference fails it raises :class:`AnonymisationError`; it never hands back an
unblurred image.
"""

from hms_desk.video.faces.detector import Detector, shared_detector
from hms_desk.video.faces.errors import AnonymisationError
from hms_desk.video.faces.hiding import HideStyle
from hms_desk.video.faces.still import (
    MAX_PIXELS,
    AnonymisedImage,
    Box,
    FaceAnonymiser,
    StillParams,
    anonymise_still,
    search_ahead_still,
    shared_anonymiser,
)

__all__ = [
    "AnonymisationError",
    "AnonymisedImage",
    "Box",
    "Detector",
    "FaceAnonymiser",
    "HideStyle",
    "MAX_PIXELS",
    "StillParams",
    "anonymise_still",
    "search_ahead_still",
    "shared_anonymiser",
    "shared_detector",
]
