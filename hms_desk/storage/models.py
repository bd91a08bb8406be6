"""The database schema.

Privacy by construction: there is no column for a national identity number,
a user's name, an address or a diagnosis anywhere.  Participants are stored
by role and organisation only; devices are identified by HMS-nr + serienr.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    JSON,
    Boolean,
    LargeBinary,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


# --- catalogue -------------------------------------------------------------

class Series(Base):
    __tablename__ = "series"
    id: Mapped[str] = mapped_column(String(64), primary_key=True)   # grunndata seriesId or a name
    name: Mapped[str] = mapped_column(String(200), default="")


class Product(Base):
    __tablename__ = "products"
    hmsnr: Mapped[str] = mapped_column(String(6), primary_key=True)
    name: Mapped[str] = mapped_column(String(300))
    article_name: Mapped[str] = mapped_column(String(400), default="")
    series_id: Mapped[str | None] = mapped_column(ForeignKey("series.id"), index=True)
    catalog_id: Mapped[str | None] = mapped_column(String(64), index=True)  # grunndata product id
    supplier_name: Mapped[str] = mapped_column(String(200), default="")
    supplier_ref: Mapped[str] = mapped_column(String(100), default="")
    iso_category: Mapped[str] = mapped_column(String(16), default="")
    has_parts_list: Mapped[bool] = mapped_column(Boolean, default=False)
    image_uri: Mapped[str] = mapped_column(String(500), default="")
    series: Mapped[Series | None] = relationship()


class Part(Base):
    __tablename__ = "parts"
    hmsnr: Mapped[str] = mapped_column(String(6), primary_key=True)
    name: Mapped[str] = mapped_column(String(400))
    supplier_ref: Mapped[str] = mapped_column(String(100), default="")
    supplier_name: Mapped[str] = mapped_column(String(200), default="")
    category: Mapped[str] = mapped_column(String(60), default="Annet", index=True)
    default_qty: Mapped[int] = mapped_column(Integer, default=1)
    max_qty: Mapped[int] = mapped_column(Integer, default=4)
    is_spare_part: Mapped[bool] = mapped_column(Boolean, default=True)
    is_accessory: Mapped[bool] = mapped_column(Boolean, default=False)
    for_municipal_technician: Mapped[bool | None] = mapped_column(Boolean)
    iso_category: Mapped[str] = mapped_column(String(16), default="")
    catalog_id: Mapped[str | None] = mapped_column(String(64), index=True)
    image: Mapped[str] = mapped_column(String(500), default="")
    # What NAV's catalogue (grunndata) says, kept beside the hand-kept values
    # above: a device whose part comes from the catalogue shows these (NAV's
    # precedence), one that has it only from the hand-kept list the others.
    # NULL: the part was never in a catalogue answer.
    catalog_name: Mapped[str | None] = mapped_column(String(400))
    catalog_image: Mapped[str | None] = mapped_column(String(500))
    catalog_is_spare_part: Mapped[bool | None] = mapped_column(Boolean)
    catalog_is_accessory: Mapped[bool | None] = mapped_column(Boolean)


class PartPicture(Base):
    """A part's picture as an import carried it (faces blurred before it is stored)."""

    __tablename__ = "part_pictures"
    part_hmsnr: Mapped[str] = mapped_column(ForeignKey("parts.hmsnr", ondelete="CASCADE"), primary_key=True)
    source: Mapped[str] = mapped_column(String(500), default="")      # the reference it was read from
    media_type: Mapped[str] = mapped_column(String(40), default="image/jpeg")
    data: Mapped[bytes] = mapped_column(LargeBinary)


class PartCompatibility(Base):
    """A part fits a series or a product (grunndata ``compatibleWith``)."""

    __tablename__ = "part_compatibility"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    part_hmsnr: Mapped[str] = mapped_column(ForeignKey("parts.hmsnr", ondelete="CASCADE"))
    target_kind: Mapped[str] = mapped_column(String(10))   # "series" | "product"
    target_id: Mapped[str] = mapped_column(String(64))
    __table_args__ = (
        UniqueConstraint("part_hmsnr", "target_kind", "target_id", name="uq_part_compat"),
        Index("ix_part_compat_target", "target_kind", "target_id"),
    )


class ProductPart(Base):
    """The hand-kept list product → parts."""

    __tablename__ = "product_parts"
    product_hmsnr: Mapped[str] = mapped_column(String(6), primary_key=True)
    part_hmsnr: Mapped[str] = mapped_column(ForeignKey("parts.hmsnr", ondelete="CASCADE"), primary_key=True)


class Municipality(Base):
    __tablename__ = "municipalities"
    number: Mapped[str] = mapped_column(String(4), primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    hms_unit: Mapped[str] = mapped_column(String(4))


# --- device register (OeBS) ------------------------------------------------

class Device(Base):
    __tablename__ = "devices"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    hmsnr: Mapped[str] = mapped_column(String(6))
    serial: Mapped[str] = mapped_column(String(20))
    iso_category: Mapped[str] = mapped_column(String(16), default="")
    created_date: Mapped[dt.date | None] = mapped_column(Date)     # warranty start
    __table_args__ = (UniqueConstraint("hmsnr", "serial", name="uq_devices_hmsnr_serial"),
                      Index("ix_devices_serial_hmsnr", "serial", "hmsnr"))   # serial search
    loan: Mapped["Loan | None"] = relationship(back_populates="device", uselist=False)


class Loan(Base):
    __tablename__ = "loans"
    device_id: Mapped[int] = mapped_column(ForeignKey("devices.id", ondelete="CASCADE"), primary_key=True)
    loan_date: Mapped[dt.date | None] = mapped_column(Date)
    loan_type: Mapped[str] = mapped_column(String(1), default="P")
    article_status: Mapped[str] = mapped_column(String(40), default="I utlån")
    municipality: Mapped[str] = mapped_column(String(4), default="")
    device: Mapped[Device] = relationship(back_populates="loan")


# --- support cases ---------------------------------------------------------

class Case(Base):
    __tablename__ = "cases"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    number: Mapped[str] = mapped_column(String(32), unique=True)
    kind: Mapped[str] = mapped_column(String(20), default="support")   # support | utproving
    status: Mapped[str] = mapped_column(String(10), default="open")   # open | closed
    technician: Mapped[str] = mapped_column(String(40))
    started_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    closed_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    hmsnr: Mapped[str | None] = mapped_column(String(6))
    serial: Mapped[str | None] = mapped_column(String(20))
    municipality: Mapped[str | None] = mapped_column(String(4))
    user_takes_part: Mapped[bool] = mapped_column(Boolean, default=False)
    decision: Mapped[str | None] = mapped_column(String(30))
    decision_reason: Mapped[str] = mapped_column(Text, default="")
    summary: Mapped[str] = mapped_column(Text, default="")
    next_contact: Mapped[str] = mapped_column(String(200), default="")
    participants: Mapped[list["Participant"]] = relationship(cascade="all, delete-orphan")
    consents: Mapped[list["Consent"]] = relationship(cascade="all, delete-orphan")
    __table_args__ = (Index("ix_cases_device", "hmsnr", "serial"),)


class Participant(Base):
    """Who is present, by role and organisation only (never a name)."""

    __tablename__ = "participants"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    role: Mapped[str] = mapped_column(String(40))
    organisation: Mapped[str] = mapped_column(String(120), default="")
    in_picture: Mapped[bool] = mapped_column(Boolean, default=False)


class Consent(Base):
    __tablename__ = "consents"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(20))          # muntlig | skriftlig
    given_by: Mapped[str] = mapped_column(String(20))      # bruker | pårørende | verge
    scope: Mapped[str] = mapped_column(String(20))         # bilder | video | opptak
    given_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    recorded_by: Mapped[str] = mapped_column(String(40))
    withdrawn_at: Mapped[dt.datetime | None] = mapped_column(DateTime)


class CaseEvent(Base):
    """The case timeline (privacy pause, snapshot, lookup, decision ...)."""

    __tablename__ = "case_events"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    kind: Mapped[str] = mapped_column(String(40))
    detail: Mapped[str] = mapped_column(Text, default="")


class Snapshot(Base):
    """Metadata of one capture; the pixels live encrypted in the profile."""

    __tablename__ = "snapshots"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    file_name: Mapped[str] = mapped_column(String(80), unique=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    width: Mapped[int] = mapped_column(Integer)
    height: Mapped[int] = mapped_column(Integer)
    faces_blurred: Mapped[int] = mapped_column(Integer, default=0)
    detector: Mapped[str] = mapped_column(String(60), default="")
    sha256: Mapped[str] = mapped_column(String(64))
    annotations: Mapped[list | None] = mapped_column(JSON)
    deleted_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    hmsnr: Mapped[str | None] = mapped_column(String(6))        # the device the picture is of
    serial: Mapped[str | None] = mapped_column(String(20))


# --- parts orders ----------------------------------------------------------

class PartsOrder(Base):
    __tablename__ = "parts_orders"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    number: Mapped[str] = mapped_column(String(32), unique=True)
    case_id: Mapped[int | None] = mapped_column(ForeignKey("cases.id", ondelete="SET NULL"), index=True)
    hmsnr: Mapped[str] = mapped_column(String(6))
    serial: Mapped[str] = mapped_column(String(20))
    orderer: Mapped[str] = mapped_column(String(40))
    municipality: Mapped[str] = mapped_column(String(4), default="")
    hms_unit: Mapped[str] = mapped_column(String(4), default="")
    delivery: Mapped[str] = mapped_column(String(30), default="kommunelager")  # kommunelager | servicejobb
    status: Mapped[str] = mapped_column(String(30), default="INNSENDT")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    has_battery: Mapped[bool] = mapped_column(Boolean, default=False)
    snapshot_id: Mapped[int | None] = mapped_column(ForeignKey("snapshots.id", ondelete="SET NULL"))
    request_key: Mapped[str | None] = mapped_column(String(64), unique=True)   # idempotency
    lines: Mapped[list["OrderLine"]] = relationship(cascade="all, delete-orphan", order_by="OrderLine.id")
    history: Mapped[list["OrderStatusChange"]] = relationship(cascade="all, delete-orphan",
                                                               order_by="OrderStatusChange.id")
    __table_args__ = (Index("ix_orders_device_time", "hmsnr", "serial", "created_at"),)


class OrderLine(Base):
    __tablename__ = "order_lines"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("parts_orders.id", ondelete="CASCADE"), index=True)
    part_hmsnr: Mapped[str | None] = mapped_column(String(6))
    supplier_ref: Mapped[str] = mapped_column(String(100), default="")
    description: Mapped[str] = mapped_column(String(400), default="")
    category: Mapped[str] = mapped_column(String(60), default="")
    quantity: Mapped[int] = mapped_column(Integer)
    unknown_part: Mapped[bool] = mapped_column(Boolean, default=False)
    status: Mapped[str | None] = mapped_column(String(30))        # NAV's DellinjeStatus: SKIPNINGSBEKREFTET
    shipped_on: Mapped[dt.date | None] = mapped_column(Date)      # the shipping date OeBS confirmed


class OrderStatusChange(Base):
    __tablename__ = "order_status_history"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("parts_orders.id", ondelete="CASCADE"), index=True)
    status: Mapped[str] = mapped_column(String(30))
    at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    by: Mapped[str] = mapped_column(String(40))


# --- journal, deviations, audit -------------------------------------------

class JournalNote(Base):
    __tablename__ = "journal_notes"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    text: Mapped[str] = mapped_column(Text)
    exported_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    pdf_sha256: Mapped[str] = mapped_column(String(64), default="")


class JournalDraft(Base):
    """The journal note being written for a case, saved as it is typed (one per case).

    ``data`` is :meth:`hms_desk.documents.note.JournalNote.to_dict` as JSON
    text; its free text passed the personal-data check before it was stored.
    """

    __tablename__ = "journal_drafts"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), unique=True)
    data: Mapped[str] = mapped_column(Text)
    revision: Mapped[int] = mapped_column(Integer, default=1)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    updated_by: Mapped[str] = mapped_column(String(40), default="")
    exported_at: Mapped[dt.datetime | None] = mapped_column(DateTime)


class Deviation(Base):
    """A deviation (*avvik*) for internal control: what happened, by role and organisation only."""

    __tablename__ = "deviations"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int | None] = mapped_column(ForeignKey("cases.id", ondelete="SET NULL"), index=True)
    # feil_samtale | lyd_bilde_borte | utenforstaaende | feil_del | utstyrsfeil | annet
    kind: Mapped[str] = mapped_column(String(40))
    direction: Mapped[str] = mapped_column(String(20), default="til_kommune")   # til_kommune | fra_kommune | intern
    description: Mapped[str] = mapped_column(Text, default="")                   # what happened
    reported_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    reported_by: Mapped[str] = mapped_column(String(40))                         # staff ident who registered it
    number: Mapped[str | None] = mapped_column(String(32), unique=True)          # A-2026-000001
    occurred_at: Mapped[dt.datetime | None] = mapped_column(DateTime, index=True)
    consequence: Mapped[str] = mapped_column(Text, default="")
    measures: Mapped[str] = mapped_column(Text, default="")
    reporter_role: Mapped[str] = mapped_column(String(60), default="")
    reporter_org: Mapped[str] = mapped_column(String(120), default="")
    recipient_role: Mapped[str] = mapped_column(String(60), default="")
    recipient_org: Mapped[str] = mapped_column(String(120), default="")


class AuditEntry(Base):
    __tablename__ = "audit_log"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow, index=True)
    actor: Mapped[str] = mapped_column(String(40))
    action: Mapped[str] = mapped_column(String(40))      # opened | exported | printed | deleted ...
    object_type: Mapped[str] = mapped_column(String(40))
    object_id: Mapped[str] = mapped_column(String(64), default="")
    detail: Mapped[str] = mapped_column(Text, default="")


# --- bookkeeping ----------------------------------------------------------------

class AppMeta(Base):
    """Key/value facts about this database, e.g. its ``database_id`` (captures are filed under it)."""

    __tablename__ = "app_meta"
    key: Mapped[str] = mapped_column(String(40), primary_key=True)
    value: Mapped[str] = mapped_column(String(200), default="")


class CaptureIntent(Base):
    """A capture file about to be written for a case; the row exists before the file does.

    The snapshot's last step replaces it with a ``Snapshot`` row in one
    transaction; closing the case removes it (and the file), so a picture taken
    while the case closes cannot survive the close.
    """

    __tablename__ = "capture_intents"
    file_name: Mapped[str] = mapped_column(String(80), primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


class CaseDevice(Base):
    """Each device handled in a case (a case may look at several)."""

    __tablename__ = "case_devices"
    __table_args__ = (UniqueConstraint("case_id", "hmsnr", "serial"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    hmsnr: Mapped[str] = mapped_column(String(6))
    serial: Mapped[str] = mapped_column(String(20))
    municipality: Mapped[str | None] = mapped_column(String(4))
    added_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


class ExportedFile(Base):
    """A document that carries case details or pictures, written by HMS Desk.

    Inside the profile's exports folder it is HMS Desk's to delete (with the
    case, or by retention); written elsewhere it has *left* HMS Desk, and the
    deletion receipt says where, never that it was deleted.
    """

    __tablename__ = "exported_files"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int | None] = mapped_column(ForeignKey("cases.id", ondelete="SET NULL"), index=True)
    kind: Mapped[str] = mapped_column(String(40))               # journal | deletion_receipt | parts_order ...
    file_name: Mapped[str] = mapped_column(String(255))
    folder: Mapped[str] = mapped_column(String(1000))
    in_profile: Mapped[bool] = mapped_column(Boolean, default=False)
    has_pictures: Mapped[bool] = mapped_column(Boolean, default=False)
    sha256: Mapped[str] = mapped_column(String(64), default="")
    exported_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    deleted_at: Mapped[dt.datetime | None] = mapped_column(DateTime)


# --- preparations of an utprøving or a housing case (boligsak) ---------------------

class Preparation(Base):
    """An adviser's preparation of an utprøving or a housing case (no personal data:
    people by role and organisation, the user only as "takes part" and consent facts)."""

    __tablename__ = "preparations"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    number: Mapped[str] = mapped_column(String(32), unique=True)
    kind: Mapped[str] = mapped_column(String(20), default="utproving")     # utproving | boligsak
    status: Mapped[str] = mapped_column(String(12), default="planned")     # planned|ready|held|documented
    starts_at: Mapped[dt.datetime] = mapped_column(DateTime, index=True)    # naive UTC
    duration_min: Mapped[int] = mapped_column(Integer, default=60)
    purpose: Mapped[str] = mapped_column(Text, default="")
    questions: Mapped[str] = mapped_column(Text, default="")
    filming: Mapped[str] = mapped_column(Text, default="")                 # what to film
    angles: Mapped[str] = mapped_column(Text, default="")                  # from which angles
    meeting_url: Mapped[str] = mapped_column(String(400), default="")       # the video meeting
    dial_in: Mapped[list | None] = mapped_column(JSON)                     # alternative addresses
    agenda: Mapped[str] = mapped_column(Text, default="")
    municipality: Mapped[str] = mapped_column(String(4), default="")
    user_takes_part: Mapped[bool] = mapped_column(Boolean, default=False)
    consent_kind: Mapped[str] = mapped_column(String(20), default="")     # "" | muntlig | skriftlig
    consent_given_by: Mapped[str] = mapped_column(String(20), default="")
    consent_scope: Mapped[str] = mapped_column(String(20), default="")
    created_by: Mapped[str] = mapped_column(String(40))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    ics_uid: Mapped[str] = mapped_column(String(80), unique=True)
    ics_sequence: Mapped[int] = mapped_column(Integer, default=0)
    case_id: Mapped[int | None] = mapped_column(ForeignKey("cases.id", ondelete="SET NULL"), index=True)


class PrepParticipant(Base):
    __tablename__ = "prep_participants"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    preparation_id: Mapped[int] = mapped_column(ForeignKey("preparations.id", ondelete="CASCADE"), index=True)
    role: Mapped[str] = mapped_column(String(40))
    organisation: Mapped[str] = mapped_column(String(120), default="")
    holds_camera: Mapped[bool] = mapped_column(Boolean, default=False)


class PrepCheck(Base):
    """One item of the routine's checklist; ticked with who (staff ident) and when."""

    __tablename__ = "prep_checks"
    __table_args__ = (UniqueConstraint("preparation_id", "code"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    preparation_id: Mapped[int] = mapped_column(ForeignKey("preparations.id", ondelete="CASCADE"), index=True)
    code: Mapped[str] = mapped_column(String(30))
    done_by: Mapped[str | None] = mapped_column(String(40))
    done_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    result: Mapped[str] = mapped_column(Text, default="")      # e.g. the pre-call check's result (JSON)


class PrepCandidate(Base):
    """A product from the catalogue considered for the trial (name copied: the catalogue may change)."""

    __tablename__ = "prep_candidates"
    __table_args__ = (UniqueConstraint("preparation_id", "hmsnr"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    preparation_id: Mapped[int] = mapped_column(ForeignKey("preparations.id", ondelete="CASCADE"), index=True)
    hmsnr: Mapped[str] = mapped_column(String(6))
    name: Mapped[str] = mapped_column(String(300), default="")
    supplier: Mapped[str] = mapped_column(String(200), default="")
    iso_category: Mapped[str] = mapped_column(String(16), default="")
    status: Mapped[str] = mapped_column(String(12), default="prepare")    # prepare | ready | rejected
    note: Mapped[str] = mapped_column(Text, default="")
    parts: Mapped[list | None] = mapped_column(JSON)       # [{"hmsnr": str|None, "name": str, "qty": int}]
    added_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


class PrepAttachment(Base):
    """A drawing or picture received beforehand: anonymised, encrypted in the profile."""

    __tablename__ = "prep_attachments"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    preparation_id: Mapped[int] = mapped_column(ForeignKey("preparations.id", ondelete="CASCADE"), index=True)
    file_name: Mapped[str] = mapped_column(String(80), unique=True)
    kind: Mapped[str] = mapped_column(String(12), default="tegning")      # tegning | bilde
    caption: Mapped[str] = mapped_column(String(200), default="")
    width: Mapped[int] = mapped_column(Integer)
    height: Mapped[int] = mapped_column(Integer)
    faces_blurred: Mapped[int] = mapped_column(Integer, default=0)
    detector: Mapped[str] = mapped_column(String(60), default="")
    sha256: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    deleted_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
