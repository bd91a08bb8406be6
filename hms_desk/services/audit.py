"""Audit log: who opened, exported, printed and deleted what, when.

Details never contain personal data or picture content; callers pass ids.
The actor passes the personal-data guard's identifier check (an employee
ident or initials, never a name or a national ID number) and the detail is
masked by the same guard, so the audit log cannot become a door.
"""

from __future__ import annotations

import logging

from sqlalchemy import select
from sqlalchemy.orm import Session

from hms_desk.domain.i18n import N_
from hms_desk.domain.personal_data import check_identifier, redact
from hms_desk.storage.models import AuditEntry

log = logging.getLogger("hms_desk.audit")


def record(session: Session, actor: str, action: str, object_type: str, object_id: str | int = "",
           detail: str = "") -> None:
    actor = check_identifier(actor, "actor", required=True)   # PersonalDataError: nothing is written
    detail = redact(detail, check_digits=False)  # never a national ID number, even by mistake
    session.add(AuditEntry(actor=actor, action=action, object_type=object_type,
                           object_id=str(object_id), detail=detail))
    log.info("%s %s %s %s", actor, action, object_type, object_id)


def entries(session: Session, limit: int = 200, object_type: str | None = None,
            object_id: str | int | None = None) -> list[AuditEntry]:
    """Newest first; optionally only one kind of object (and one object)."""
    q = select(AuditEntry)
    if object_type is not None:
        q = q.where(AuditEntry.object_type == object_type)
    if object_id is not None:
        q = q.where(AuditEntry.object_id == str(object_id))
    return list(session.scalars(q.order_by(AuditEntry.id.desc()).limit(limit)))


ACTION_TEXT = {   # bokmål; the audit view shows them in the user's language (hms_desk.domain.i18n.t)
    "opened": N_("åpnet"), "captured": N_("tok bilde"), "exported": N_("eksporterte"), "printed": N_("skrev ut"),
    "deleted": N_("slettet"), "closed": N_("avsluttet"), "created": N_("opprettet"),
    "status_changed": N_("endret status"), "corrected": N_("rettet"), "line_shipped": N_("skipningsbekreftet linje"),
}


def recent(db, limit: int = 200) -> list[tuple]:
    """``(at, actor, action text, object type, object id, detail)`` rows for the audit view."""
    with db.session() as s:
        return [(e.at, e.actor, ACTION_TEXT.get(e.action, e.action), e.object_type, e.object_id, e.detail)
                for e in entries(s, limit)]
