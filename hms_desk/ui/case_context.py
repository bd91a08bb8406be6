"""The shared case context: the open case, the device in front of the camera, the last picture.

Widgets read it and listen to it instead of reaching into each other: the
case panel sets the case, the lookup sets the device, a snapshot sets the
picture; the parts panel reads all three when it makes an order.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal


@dataclass(frozen=True)
class CaseRef:
    id: int
    number: str


class CaseContext(QObject):
    caseChanged = Signal(object)        # CaseRef | None
    deviceChanged = Signal(object)      # DeviceCard | None
    snapshotChanged = Signal(object)    # snapshot id | None

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.case: CaseRef | None = None
        self.device = None              # hms_desk.services.lookup.DeviceCard
        self.snapshot_id: int | None = None

    @property
    def case_id(self) -> int | None:
        return self.case.id if self.case is not None else None

    def set_case(self, case: CaseRef | None) -> None:
        if case == self.case:
            return
        self.case = case
        if case is None:
            self.snapshot_id = None
        self.caseChanged.emit(case)

    def set_device(self, card) -> None:
        old = self.device
        if old is not None and (card is None or (old.hmsnr, old.serial) != (card.hmsnr, card.serial)):
            self.snapshot_id = None        # a picture belongs to the device it was taken of
        self.device = card
        self.deviceChanged.emit(card)

    def set_snapshot(self, snapshot_id: int | None) -> None:
        self.snapshot_id = snapshot_id
        self.snapshotChanged.emit(snapshot_id)
