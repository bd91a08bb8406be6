"""Exports are captures too: every document with case details or pictures that HMS Desk writes is
recorded — where it went, and whether HMS Desk could delete it.

Files in the profile's exports folder belong to HMS Desk: they are readable
only by the user (0600), deleted with their case's pictures when the case is
closed and by the retention limit, and each deletion is audited.  A file the
technician saved somewhere else has *left* HMS Desk: it is never claimed as
deleted; the deletion receipt names it and the folder it went to.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from hms_desk.services import audit
from hms_desk.storage.models import ExportedFile

log = logging.getLogger("hms_desk.exports")

KIND_TEXT = {"journal": "Journalnotat", "deletion_receipt": "Slettebekreftelse", "bestilling": "Delbestilling",
             "reparasjonsordre": "Reparasjonsordre", "order_export": "Bestilling til ordrekontoret",
             "deviation": "Avviksmelding"}


@dataclass(frozen=True)
class ExportRow:
    kind: str
    file_name: str
    folder: str
    in_profile: bool
    has_pictures: bool
    exported_at: dt.datetime
    deleted_at: dt.datetime | None

    @property
    def kind_text(self) -> str:
        return KIND_TEXT.get(self.kind, self.kind)


def inside(path: Path, folder: Path) -> bool:
    try:
        path.resolve().relative_to(folder.resolve())
        return True
    except (ValueError, OSError):
        return False


def record_export(s: Session, profile_exports: Path, case_id: int | None, kind: str, target: Path,
                  sha256: str = "", has_pictures: bool = False, at: dt.datetime | None = None) -> ExportedFile:
    """Record a written document in the transaction that audits it; a file in the profile is
    made readable by the user only."""
    target = Path(target)
    in_profile = inside(target, Path(profile_exports))
    row = ExportedFile(case_id=case_id, kind=kind, file_name=target.name, folder=str(target.parent.resolve()),
                       in_profile=in_profile, has_pictures=has_pictures, sha256=sha256,
                       exported_at=at or dt.datetime.now(dt.timezone.utc).replace(tzinfo=None))
    s.add(row)
    return row


def protect(target: Path) -> None:
    """0600 on a file HMS Desk keeps in the profile (case details, pictures)."""
    try:
        os.chmod(target, 0o600)
    except OSError as exc:          # e.g. a file system without permissions: not worth failing the export
        log.info("could not restrict %s: %s", target.name, exc.strerror)


def exports_for_case(s: Session, case_id: int) -> list[ExportRow]:
    rows = s.scalars(select(ExportedFile).where(ExportedFile.case_id == case_id).order_by(ExportedFile.id))
    return [ExportRow(r.kind, r.file_name, r.folder, r.in_profile, r.has_pictures, r.exported_at, r.deleted_at)
            for r in rows]


def _overwrite_and_unlink(path: Path) -> bool:
    try:
        size = path.stat().st_size
        with open(path, "r+b") as fh:
            fh.write(b"\0" * size)
            fh.flush()
            os.fsync(fh.fileno())
        path.unlink()
        return True
    except FileNotFoundError:
        return False


def delete_profile_exports(s: Session, actor: str, now: dt.datetime, reason: str, *,
                           case_id: int | None = None, older_than: dt.datetime | None = None,
                           keep_kinds: frozenset[str] = frozenset({"deletion_receipt", "order_export"})) -> int:
    """Deletes the profile-held exports of a case (or all older than ``older_than``); audited.
    Files that left HMS Desk are not touched (and not claimed)."""
    q = select(ExportedFile).where(ExportedFile.in_profile.is_(True), ExportedFile.deleted_at.is_(None))
    if case_id is not None:
        q = q.where(ExportedFile.case_id == case_id)
    if older_than is not None:
        q = q.where(ExportedFile.exported_at < older_than)
    n = 0
    for row in s.scalars(q):
        if row.kind in keep_kinds:
            continue
        _overwrite_and_unlink(Path(row.folder) / row.file_name)
        row.deleted_at = now
        audit.record(s, actor, "deleted", "export", row.id, f"{KIND_TEXT.get(row.kind, row.kind)} ({reason})")
        n += 1
    return n
