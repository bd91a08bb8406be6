"""The inputs of the PDF writers: plain, frozen values (never ORM objects).

The services layer copies what a document needs out of the database into
these dataclasses, so the writers are pure functions of their input and can
be tested without a database.  Nothing here can hold a national identity
number, a user's name or a diagnosis: people appear only by role and
organisation.

Datetimes are printed as given when naive; timezone-aware datetimes are
converted to the machine's local time first.  Callers that hold UTC values
from the database should pass them timezone-aware.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime


@dataclass(frozen=True)
class DeviceInfo:
    """One physical device (HMS-nr + serienr) and what OeBS says about its loan."""

    hmsnr: str
    serial: str
    product_name: str
    series: str
    supplier: str
    iso_category: str
    municipality_number: str
    municipality_name: str
    hms_unit: str
    hms_unit_name: str
    loan_status: str
    loan_type: str
    warranty_end: date | None


@dataclass(frozen=True)
class ParticipantInfo:
    """Someone present at the call, by role and organisation only."""

    role: str
    organisation: str
    in_picture: bool


@dataclass(frozen=True)
class ConsentInfo:
    """A recorded consent: kind (muntlig/skriftlig), by whom (role), for what."""

    kind: str
    given_by: str
    scope: str
    given_at: datetime
    recorded_by: str


@dataclass(frozen=True)
class OrderLineInfo:
    hmsnr: str | None
    supplier_ref: str
    description: str
    category: str
    quantity: int
    unknown_part: bool


@dataclass(frozen=True)
class OrderInfo:
    number: str
    created_at: datetime
    status: str
    orderer: str
    delivery: str
    lines: tuple[OrderLineInfo, ...]
    municipality_number: str
    hms_unit: str


@dataclass(frozen=True)
class SnapshotImage:
    """A still picture, already anonymised (faces blurred), as PNG bytes."""

    created_at: datetime
    faces_blurred: int
    png: bytes


@dataclass(frozen=True)
class JournalData:
    """Everything the journal note (*notat*) of one case shows."""

    case_number: str
    kind: str  # "support" | "utproving"
    technician: str
    hms_unit: str
    hms_unit_name: str
    started_at: datetime
    closed_at: datetime | None
    device: DeviceInfo | None
    participants: tuple[ParticipantInfo, ...]
    consents: tuple[ConsentInfo, ...]
    user_takes_part: bool
    decision_text: str
    decision_reason: str
    summary: str
    next_contact: str
    orders: tuple[OrderInfo, ...]
    events: tuple[tuple[datetime, str], ...]
    snapshots: tuple[SnapshotImage, ...]


@dataclass(frozen=True)
class OrderDocData:
    """Input of the parts order and the repair order."""

    order: OrderInfo
    device: DeviceInfo
    case_number: str | None
    repair_decision_text: str
    reason: str
    snapshot: SnapshotImage | None
    hms_unit_name: str


@dataclass(frozen=True)
class DeletionReceiptData:
    """Input of the deletion receipt sent to the municipality.

    ``items`` are ``(kind, id, created, deleted)``, e.g.
    ``("Stillbilde", "snap-12", created_at, deleted_at)``.
    """

    case_number: str
    municipality_number: str
    municipality_name: str
    hms_unit_name: str
    issued_at: datetime
    items: tuple[tuple[str, str, datetime, datetime], ...]
    issued_by: str
    #: documents HMS Desk wrote for the case: (what, file name, exported, deleted or None, where it went
    #: when it left HMS Desk, or "" when it stayed in HMS Desk's profile)
    exports: tuple[tuple[str, str, datetime, "datetime | None", str], ...] = ()
