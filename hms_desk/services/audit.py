"""Audit log: who opened, exported, printed and deleted what, when.

Details never contain personal data or picture content; callers pass ids.
"""

from __future__ import annotations

import logging

from sqlalchemy import select
from sqlalchemy.orm import Session

from hms_desk.storage.models import AuditEntry

log = logging.getLogger("hms_desk.audit")


def record(session: Session, actor: str, action: str, object_type: str, object_id: str | int = "",
           detail: str = "") -> None:
    session.add(AuditEntry(actor=actor, action=action, object_type=object_type,
                           object_id=str(object_id), detail=detail))
    log.info("%s %s %s %s", actor, action, object_type, object_id)


def entries(session: Session, limit: int = 200) -> list[AuditEntry]:
    return list(session.scalars(select(AuditEntry).order_by(AuditEntry.id.desc()).limit(limit)))
