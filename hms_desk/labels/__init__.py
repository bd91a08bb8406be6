"""Reading a device's identity from a picture: barcodes, GS1 labels and the NAV sticker's text.

Qt-free; the GUI runs :func:`read_label` on its CPU worker, the CLI
(``hms-desk read-label``) and the tests call it directly.
"""

from hms_desk.labels.barcodes import BarcodeScan, CodeRead, scan_barcodes
from hms_desk.labels.candidates import Candidate, Pair
from hms_desk.labels.gs1 import Gs1Data, Gs1Field, parse_gs1, parse_gs1_hri
from hms_desk.labels.reader import LIVE_LADDER, LabelInputError, LabelRead, LiveLabelVoter, read_label

__all__ = [
    "BarcodeScan", "Candidate", "CodeRead", "Gs1Data", "Gs1Field", "LIVE_LADDER", "LabelInputError",
    "LabelRead", "LiveLabelVoter", "Pair", "parse_gs1", "parse_gs1_hri", "read_label", "scan_barcodes",
]
