"""Deviations (*avvik*): report, list and export them for internal control.

The routine requires deviations to be reported both ways — from HMS to the
municipality and from the municipality to HMS (and internally): a wrong
call, sound or picture lost, an outsider who joined, a wrong part delivered,
an equipment failure, or something else.  A deviation says what happened,
the consequence and the measures taken, and who reported it to whom **by
role and organisation only** (roles from a fixed list, so a name cannot be
typed there).  Every free text passes the same personal-data check as the
rest of HMS Desk before anything is stored.

A deviation is linked to a case or stands alone.  Each gets a number
``A-YYYY-NNNNNN``; creating and exporting are audited.

For the GUI, the export is split like the journal note's::

    doc = deviations.document(number)                    # db
    rendered = render_deviation(doc, "pdf", lang)        # cpu (hms_desk.documents.deviation_doc)
    path = deviations.store(doc, rendered, path)         # db + disk
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from sqlalchemy import func, or_, select
from sqlalchemy.exc import IntegrityError

from hms_desk.documents.deviation_doc import DeviationDoc, render_deviation
from hms_desk.documents.i18n import ROLES
from hms_desk.documents.rendered import Rendered
from hms_desk.documents.text import clean_text
from hms_desk.domain import nav
from hms_desk.domain.errors import HmsError, NotFound, ValidationError
from hms_desk.domain.personal_data import check_free_text
from hms_desk.services import audit
from hms_desk.storage.db import Database
from hms_desk.storage.models import Case, CaseEvent, Deviation, utcnow

log = logging.getLogger("hms_desk.deviations")

KINDS = ("feil_samtale", "lyd_bilde_borte", "utenforstaaende", "feil_del", "utstyrsfeil", "annet")
KIND_ALIASES = {"utenforstående": "utenforstaaende"}
DIRECTIONS = ("til_kommune", "fra_kommune", "intern")
REPORT_ROLES = tuple(ROLES)
MAX_TEXT = 20_000
MAX_ORG = 120


@dataclass
class DeviationDraft:
    """A deviation as the form (or the CLI) fills it in; codes for kind, direction and roles."""

    kind: str
    what_happened: str
    reporter_role: str
    consequence: str = ""
    measures: str = ""
    reporter_org: str = ""
    recipient_role: str = ""
    recipient_org: str = ""
    direction: str = "til_kommune"
    occurred_at: dt.datetime | None = None     # aware, or naive local time
    case: int | str | None = None              # case id, case number or "demo"


@dataclass(frozen=True)
class DeviationFilter:
    """What the list shows: a case, a period (on when it happened), a kind, a direction."""

    case: int | str | None = None
    since: dt.date | None = None      # inclusive, local date
    until: dt.date | None = None      # inclusive, local date
    kind: str | None = None
    direction: str | None = None
    standalone: bool | None = None    # True: only those without a case; False: only those with one
    limit: int = 500


def _to_utc_naive(value: dt.datetime | None) -> dt.datetime | None:
    if value is None:
        return None
    if value.tzinfo is None:
        value = value.astimezone()          # naive means the machine's local time
    return value.astimezone(dt.timezone.utc).replace(tzinfo=None)


def _aware(value: dt.datetime | None) -> dt.datetime | None:
    return None if value is None else value.replace(tzinfo=dt.timezone.utc)


def _day_start_utc(day: dt.date) -> dt.datetime:
    return _to_utc_naive(dt.datetime.combine(day, dt.time.min))


class DeviationService:
    def __init__(self, db: Database, technician: str, exports_dir: Path, hms_unit: str = "",
                 clock: Callable[[], dt.datetime] = utcnow):
        self._db = db
        self.technician = technician
        self._exports = Path(exports_dir)
        self._hms_unit = hms_unit
        self._clock = clock

    # -- checks --------------------------------------------------------------------
    def _checked(self, d: DeviationDraft) -> DeviationDraft:
        kind = KIND_ALIASES.get(d.kind.strip().lower(), d.kind.strip().lower())
        if kind not in KINDS:
            raise ValidationError("Velg type avvik: feil samtale, lyd eller bilde borte, uvedkommende i "
                                  "samtalen, feil del levert, feil på utstyr eller annet.", field="kind")
        direction = d.direction.strip().lower()
        if direction not in DIRECTIONS:
            raise ValidationError("Retning må være fra HMS til kommunen, fra kommunen til HMS eller intern.",
                                  field="direction")
        texts = {name: clean_text(getattr(d, name)).strip() for name in
                 ("what_happened", "consequence", "measures", "reporter_org", "recipient_org")}
        if not texts["what_happened"]:
            raise ValidationError("Skriv hva som skjedde.", field="what_happened")
        for name, text in texts.items():
            limit = MAX_ORG if name.endswith("_org") else MAX_TEXT
            if len(text) > limit:
                raise ValidationError(f"Teksten er for lang ({len(text)} tegn; høyst {limit}).", field=name)
            check_free_text(text, field=name)
        roles = {}
        for name in ("reporter_role", "recipient_role"):
            role = clean_text(getattr(d, name)).strip().lower()
            if role and role not in REPORT_ROLES:
                raise ValidationError(
                    f"Oppgi rolle, ikke navn: velg en av {', '.join(REPORT_ROLES)}.", field=name)
            roles[name] = role
        if not roles["reporter_role"]:
            raise ValidationError("Oppgi hvem som meldte avviket (rolle).", field="reporter_role")
        if d.occurred_at is not None and _to_utc_naive(d.occurred_at) > self._clock() + dt.timedelta(minutes=5):
            raise ValidationError("Tidspunktet for avviket kan ikke være fram i tid.", field="occurred_at")
        return DeviationDraft(kind=kind, direction=direction, occurred_at=d.occurred_at, case=d.case,
                              **texts, **roles)

    def _case_id(self, s, ref: int | str | None) -> int | None:
        if ref is None or (isinstance(ref, str) and not ref.strip()):
            return None
        if isinstance(ref, int):
            if s.get(Case, ref) is None:
                raise NotFound("Saken finnes ikke.")
            return ref
        from hms_desk.services.demo import DEMO_CASE_NUMBER, is_demo_alias

        number = DEMO_CASE_NUMBER if is_demo_alias(ref) else ref.strip()
        cid = s.scalar(select(Case.id).where(Case.number == number))
        if cid is None:
            raise NotFound(f"Fant ingen sak «{ref}».")
        return cid

    # -- create / read ------------------------------------------------------------------
    def create(self, draft: DeviationDraft) -> DeviationDoc:
        """Check and store a deviation; returns it as its document shows it."""
        d = self._checked(draft)
        for attempt in range(5):
            try:
                with self._db.session() as s, s.begin():
                    case_id = self._case_id(s, d.case)
                    now = self._clock()
                    prefix = f"A-{now.year}-"
                    n = s.scalar(select(func.count(Deviation.id)).where(Deviation.number.like(prefix + "%"))) or 0
                    row = Deviation(
                        number=f"{prefix}{n + 1 + attempt:06d}", case_id=case_id, kind=d.kind,
                        direction=d.direction, description=d.what_happened, consequence=d.consequence,
                        measures=d.measures, reporter_role=d.reporter_role, reporter_org=d.reporter_org,
                        recipient_role=d.recipient_role, recipient_org=d.recipient_org,
                        occurred_at=_to_utc_naive(d.occurred_at), reported_at=now, reported_by=self.technician)
                    s.add(row)
                    s.flush()
                    if case_id is not None:
                        s.add(CaseEvent(case_id=case_id, kind="avvik", at=now,
                                        detail=f"Avvik {row.number} meldt"))
                    audit.record(s, self.technician, "created", "deviation", row.number)
                    number = row.number
                break
            except IntegrityError:      # two reports got the same number at once: count again
                if attempt == 4:
                    raise HmsError("Avviket kunne ikke lagres. Prøv igjen.", code="LAGRING") from None
        log.info("deviation %s reported", number)
        return self.document(number)

    def _doc(self, s, row: Deviation) -> DeviationDoc:
        case_number = None
        if row.case_id is not None:
            case_number = s.scalar(select(Case.number).where(Case.id == row.case_id))
        return DeviationDoc(
            number=row.number or f"A-{row.id}", kind=row.kind, direction=row.direction,
            what_happened=row.description, consequence=row.consequence, measures=row.measures,
            reporter_role=row.reporter_role, reporter_org=row.reporter_org,
            recipient_role=row.recipient_role, recipient_org=row.recipient_org,
            occurred_at=_aware(row.occurred_at), reported_at=_aware(row.reported_at),
            registered_by=row.reported_by, case_number=case_number, hms_unit=self._hms_unit,
            hms_unit_name=nav.HMS_UNITS.get(self._hms_unit, ""))

    def document(self, number: str) -> DeviationDoc:
        """The deviation ``number`` as its document shows it."""
        with self._db.session() as s:
            row = s.scalar(select(Deviation).where(Deviation.number == number.strip()))
            if row is None:
                raise NotFound(f"Fant ikke avvik «{number}».")
            return self._doc(s, row)

    def list(self, flt: DeviationFilter | None = None) -> list[DeviationDoc]:
        """Deviations matching ``flt``, newest first (by when they happened, else reported)."""
        flt = flt or DeviationFilter()
        when = func.coalesce(Deviation.occurred_at, Deviation.reported_at)
        q = select(Deviation)
        with self._db.session() as s:
            if flt.case is not None:
                q = q.where(Deviation.case_id == self._case_id(s, flt.case))
            if flt.standalone is True:
                q = q.where(Deviation.case_id.is_(None))
            elif flt.standalone is False:
                q = q.where(Deviation.case_id.is_not(None))
            if flt.since is not None:
                q = q.where(when >= _day_start_utc(flt.since))
            if flt.until is not None:
                q = q.where(when < _day_start_utc(flt.until + dt.timedelta(days=1)))
            if flt.kind:
                kind = KIND_ALIASES.get(flt.kind, flt.kind)
                if kind not in KINDS:
                    raise ValidationError(f"Ukjent type avvik «{flt.kind}».", field="kind")
                q = q.where(Deviation.kind == kind)
            if flt.direction:
                if flt.direction not in DIRECTIONS:
                    raise ValidationError(f"Ukjent retning «{flt.direction}».", field="direction")
                q = q.where(Deviation.direction == flt.direction)
            rows = list(s.scalars(q.order_by(when.desc(), Deviation.id.desc()).limit(max(1, flt.limit))))
            return [self._doc(s, r) for r in rows]

    def counts_by_kind(self, flt: DeviationFilter | None = None) -> dict[str, int]:
        """How many of each kind in the selection (for internal control)."""
        out: dict[str, int] = {}
        for d in self.list(flt):
            out[d.kind] = out.get(d.kind, 0) + 1
        return out

    # -- export ---------------------------------------------------------------------------
    def store(self, doc: DeviationDoc, rendered: Rendered, path: Path | str | None = None,
              write: bool = True, action: str = "exported") -> Path | None:
        """Write ``rendered`` (default: the exports folder) unless ``write`` is False, and audit it."""
        from hms_desk.documents.pdf_base import DocumentError, write_bytes_atomic

        target = None
        if write:
            target = Path(path) if path is not None else self._exports / rendered.file_name
            try:
                write_bytes_atomic(target, rendered.data, "avviksmeldingen")
            except DocumentError as exc:
                raise HmsError(exc.message_nb, code="LAGRING") from exc
        with self._db.session() as s, s.begin():
            audit.record(s, self.technician, action, "deviation", doc.number,
                         f"{rendered.fmt} {target.name}" if target is not None else rendered.fmt)
        return target

    def export(self, number: str, fmt: str = "pdf", path: Path | str | None = None, lang: str = "nb",
               write: bool = True) -> tuple[Rendered, Path | None]:
        """Document, render and store in one go (the CLI)."""
        doc = self.document(number)
        rendered = render_deviation(doc, fmt, lang)
        return rendered, self.store(doc, rendered, path, write=write)
