"""Journal note: prefill from the case, drafts, and export in three steps.

The note holds what is needed to document the call and nothing more: the
device(s) by HMS-nr + serienr with their orders, who was present by role and
organisation, consent, problem, findings, decision, summary, next contact
and the anonymised pictures the technician picked.  No names, no national
ID, no diagnosis — every free text passes the personal-data check before it
is stored as a draft or exported.

How the GUI uses it (each call is one background operation; the lead's
operation layer decides the thread — ``db`` for database work, ``cpu`` for
rendering)::

    note = journal.open_note(case_id)              # db:  the draft, or a note prefilled from the case
    journal.save_draft(note)                       # db:  as the technician types (debounced)
    bundle = journal.collect(note)                 # db:  checks it, loads the chosen pictures
    rendered = render(bundle, "pdf", lang)         # cpu: hms_desk.documents.journal_note.render
    path = journal.store(bundle, rendered, path)   # db:  writes the file, records and audits it

:meth:`JournalService.export` runs the three steps inline (the CLI);
:meth:`JournalService.export_pdf` is the one-call PDF export of the case's
note (draft or prefill); :meth:`~JournalService.compose` →
:meth:`~JournalService.render_pdf` → :meth:`~JournalService.store_pdf` are the
same three steps for the staged operation the case panel runs today.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Callable

from sqlalchemy import select

from hms_desk.documents import model as doc
from hms_desk.documents.journal_note import NoteBundle, Rendered, render, render_text
from hms_desk.documents.note import (
    JournalNote,
    NoteConsent,
    NoteDevice,
    NoteOrder,
    NoteOrderLine,
    NoteParticipant,
    NotePicture,
    TEMPLATES,
    apply_template,
)
from hms_desk.domain import nav
from hms_desk.domain.errors import HmsError, NoLoan, NotFound, StorageError, ValidationError
from hms_desk.services import audit
from hms_desk.services.exports import inside, protect, record_export
from hms_desk.services.cases import CaseService
from hms_desk.services.lookup import DeviceCard, LookupService
from hms_desk.storage.db import Database
from hms_desk.storage.models import (
    Case,
    CaseDevice,
    CaseEvent,
    JournalDraft,
    JournalNote as JournalNoteRow,
    Municipality,
    PartsOrder,
    Product,
    Snapshot,
    utcnow,
)

log = logging.getLogger("hms_desk.journal")

FORMAT_TEXT = {"pdf": "PDF", "text": "tekst", "json": "JSON"}


def aware(t):
    """Database times are naive UTC; documents show them in local time."""
    if t is None or getattr(t, "tzinfo", None) is not None:
        return t
    return t.replace(tzinfo=dt.timezone.utc)


def device_info(card: DeviceCard) -> doc.DeviceInfo:
    return doc.DeviceInfo(
        hmsnr=card.hmsnr, serial=card.serial, product_name=card.product_name, series=card.series,
        supplier=card.supplier, iso_category=card.iso_category,
        municipality_number=card.municipality_number, municipality_name=card.municipality_name,
        hms_unit=card.hms_unit, hms_unit_name=card.hms_unit_name, loan_status=card.article_status,
        loan_type=card.loan_type_text, warranty_end=card.warranty_end,
    )


def order_info(o: PartsOrder) -> doc.OrderInfo:
    return doc.OrderInfo(
        number=o.number, created_at=aware(o.created_at), status=o.status, orderer=o.orderer,
        delivery=o.delivery,
        lines=tuple(doc.OrderLineInfo(l.part_hmsnr, l.supplier_ref, l.description, l.category,
                                      l.quantity, l.unknown_part) for l in o.lines),
        municipality_number=o.municipality, hms_unit=o.hms_unit,
    )


@dataclass(frozen=True)
class ExportResult:
    """What :meth:`JournalService.export` did: the rendered document and where it went."""

    rendered: Rendered
    path: Path | None

    @property
    def warnings(self) -> tuple[str, ...]:
        return self.rendered.warnings


class JournalService:
    def __init__(self, db: Database, cases: CaseService, lookup: LookupService, hms_unit: str,
                 exports_dir: Path, clock: Callable = utcnow):
        self._db = db
        self._cases = cases
        self._lookup = lookup
        self._hms_unit = hms_unit
        self._exports = Path(exports_dir)
        self._clock = clock
        #: ``fn(case_id) -> PrepJournalFacts | None`` (``PreparationService.journal_facts``, set by the
        #: composition root): the note of a case opened from a preparation starts from what was prepared.
        self.prep_facts: Callable[[int], object | None] | None = None

    @property
    def technician(self) -> str:
        return self._cases.technician

    # -- the case → a note -------------------------------------------------------------
    def resolve_case(self, ref: str | int) -> int:
        """A case id from an id, a case number (``S-2026-000001``) or the demo alias ``demo``."""
        if isinstance(ref, int):
            return ref
        text = str(ref).strip()
        from hms_desk.services.demo import DEMO_CASE_NUMBER, is_demo_alias

        with self._db.session() as s:
            number = DEMO_CASE_NUMBER if is_demo_alias(text) else text
            cid = s.scalar(select(Case.id).where(Case.number == number))
            if cid is None and text.isdigit():
                cid = s.scalar(select(Case.id).where(Case.id == int(text)))
        if cid is None:
            raise NotFound(f"Fant ingen sak «{text}».")
        return cid

    def _device(self, s, hmsnr: str, serial: str, orders: list[PartsOrder]) -> NoteDevice:
        try:
            card = self._lookup.lookup(hmsnr, serial)
        except (NoLoan, HmsError):
            card = None
        note_orders = tuple(
            NoteOrder(number=o.number, created_at=aware(o.created_at), status=o.status, delivery=o.delivery,
                      lines=tuple(NoteOrderLine(ln.part_hmsnr, ln.supplier_ref, ln.description, ln.category,
                                                ln.quantity, ln.unknown_part) for ln in o.lines))
            for o in orders)
        if card is not None:
            return NoteDevice(
                hmsnr=hmsnr, serial=serial, product_name=card.product_name, series=card.series,
                supplier=card.supplier, iso_category=card.iso_category,
                municipality_number=card.municipality_number, municipality_name=card.municipality_name,
                hms_unit=card.hms_unit, hms_unit_name=card.hms_unit_name, loan_status=card.article_status,
                loan_type=card.loan_type, warranty_end=card.warranty_end, orders=note_orders)
        # the loan is not in the register (any more): what the catalogue and the orders know
        product = s.get(Product, hmsnr)
        municipality = next((o.municipality for o in orders if o.municipality), "")
        muni = s.get(Municipality, municipality) if municipality else None
        return NoteDevice(
            hmsnr=hmsnr, serial=serial, product_name=product.name if product else "",
            supplier=product.supplier_name if product else "",
            iso_category=product.iso_category if product else "",
            municipality_number=municipality, municipality_name=muni.name if muni else "",
            loan_status="Utlån ikke funnet", orders=note_orders)

    def _facts(self, case_id: int) -> tuple[Case, list[NoteDevice], list[NotePicture]]:
        """The case, its devices (its own device and those of its orders, each with its
        orders) and its pictures — the facts a note shows and the technician cannot edit."""
        with self._db.session() as s:
            case = s.get(Case, case_id)
            if case is None:
                raise NotFound("Saken finnes ikke.")
            _ = case.participants, case.consents
            orders = list(s.scalars(select(PartsOrder).where(PartsOrder.case_id == case_id)
                                    .order_by(PartsOrder.id)))
            for o in orders:
                _ = o.lines
            # the devices handled in the case (in the order they were looked up), the case's
            # current device, then any device an order of the case was for
            keys: list[tuple[str, str]] = [
                (d.hmsnr, d.serial) for d in s.scalars(select(CaseDevice).where(CaseDevice.case_id == case_id)
                                                      .order_by(CaseDevice.id))]
            for key in ([(case.hmsnr, case.serial)] if case.hmsnr and case.serial else []) + \
                    [(o.hmsnr, o.serial) for o in orders]:
                if key not in keys:
                    keys.append(key)
            devices = [self._device(s, h, sn, [o for o in orders if (o.hmsnr, o.serial) == (h, sn)])
                       for h, sn in keys]
            snaps = list(s.scalars(select(Snapshot).where(Snapshot.case_id == case_id).order_by(Snapshot.id)))
            pictures = [NotePicture(snapshot_id=sn.id, caption=f"{sn.hmsnr} / {sn.serial}" if sn.hmsnr else "",
                                    chosen=sn.deleted_at is None,
                                    created_at=aware(sn.created_at), faces_blurred=sn.faces_blurred,
                                    available=sn.deleted_at is None) for sn in snaps]
        return case, devices, pictures

    def prefill(self, case_id: int, template: str | None = None) -> JournalNote:
        """A note filled from the case: when, who, device(s) with orders, decision,
        consent, pictures (all chosen), summary and next contact as stored."""
        case, devices, pictures = self._facts(case_id)
        started = aware(case.started_at).astimezone() if case.started_at else None
        ended = aware(case.closed_at).astimezone() if case.closed_at else None
        duration = None
        if started is not None:
            end = ended or aware(self._clock()).astimezone()
            duration = max(0, round((end - started).total_seconds() / 60))
        key = template or (case.kind if case.kind in TEMPLATES else "support")   # utproving, boligsak
        note = JournalNote(
            case_id=case.id, case_number=case.number, template="support",
            date=started.date() if started else None,
            time=started.time().replace(second=0, microsecond=0) if started else None,
            duration_min=duration, technician=case.technician, hms_unit=self._hms_unit,
            hms_unit_name=nav.HMS_UNITS.get(self._hms_unit, ""), user_takes_part=case.user_takes_part,
            participants=[NoteParticipant(p.role, p.organisation, p.in_picture) for p in case.participants],
            devices=devices,
            decision=case.decision or None, decision_reason=case.decision_reason or "",
            consents=[NoteConsent(c.kind, c.given_by, c.scope, aware(c.given_at), c.recorded_by)
                      for c in case.consents if c.withdrawn_at is None],
            pictures=pictures, summary=case.summary or "", next_contact=case.next_contact or "",
        )
        note = apply_template(note, key) if key != "support" else note
        facts = self.prep_facts(case_id) if self.prep_facts is not None else None
        if facts is not None:              # background and what was prepared, instead of the skeleton
            t = note.template_def
            if not note.problem.strip() or note.problem == t.problem_skeleton:
                note = replace(note, problem=facts.problem_text())
            if not note.findings.strip() or note.findings == t.findings_skeleton:
                note = replace(note, findings=facts.findings_text())
        return note

    # -- drafts ---------------------------------------------------------------------------
    def draft(self, case_id: int) -> JournalNote | None:
        """The saved draft of the case's note, or None."""
        with self._db.session() as s:
            row = s.scalar(select(JournalDraft).where(JournalDraft.case_id == case_id))
            if row is None:
                return None
            try:
                note = JournalNote.from_dict(json.loads(row.data))
            except (ValueError, TypeError, KeyError) as exc:
                log.error("draft of case %s cannot be read: %s", case_id, exc)
                raise StorageError("Kladden til journalnotatet kan ikke leses. Start et nytt notat.") from exc
            note.revision = row.revision
            return note

    def open_note(self, case_id: int) -> JournalNote:
        """The draft with its facts (devices, orders, pictures, consents) brought up to
        date, or a prefilled note when there is no draft.  Text the technician typed,
        and which devices and pictures they picked, are kept."""
        saved = self.draft(case_id)
        if saved is None:
            return self.prefill(case_id)
        fresh = self.prefill(case_id, saved.template)
        included = {d.key: d.included for d in saved.devices}
        chosen = {p.snapshot_id: p for p in saved.pictures}
        devices = [replace(d, included=included.get(d.key, True)) for d in fresh.devices]
        pictures = []
        for p in fresh.pictures:
            old = chosen.get(p.snapshot_id)
            pictures.append(replace(p, caption=old.caption if old else "",
                                    chosen=(old.chosen if old else True) and p.available))
        return replace(saved, devices=devices, pictures=pictures, consents=fresh.consents,
                       case_number=fresh.case_number)

    def save_draft(self, note: JournalNote) -> int:
        """Store ``note`` as the case's draft (checked first: a national ID number or a
        labelled name is refused, naming the field); returns the new revision."""
        note = note.cleaned()
        note.validate()
        payload = json.dumps(note.to_dict(), ensure_ascii=False)
        with self._db.session() as s, s.begin():
            if s.get(Case, note.case_id) is None:
                raise NotFound("Saken finnes ikke.")
            row = s.scalar(select(JournalDraft).where(JournalDraft.case_id == note.case_id))
            if row is None:
                row = JournalDraft(case_id=note.case_id, data=payload, revision=1, updated_at=self._clock(),
                                   updated_by=self.technician)
                s.add(row)
            else:
                row.data, row.revision = payload, row.revision + 1
                row.updated_at, row.updated_by = self._clock(), self.technician
            s.flush()
            revision = row.revision
        note.revision = revision
        return revision

    def discard_draft(self, case_id: int) -> bool:
        with self._db.session() as s, s.begin():
            row = s.scalar(select(JournalDraft).where(JournalDraft.case_id == case_id))
            if row is None:
                return False
            s.delete(row)
        return True

    def templates(self) -> list[str]:
        return list(TEMPLATES)

    # -- export: collect (db) → render (cpu) → store (db) ------------------------------------
    def collect(self, note: JournalNote) -> NoteBundle:
        """Check the note (refused with :class:`~hms_desk.documents.note.NoteNotReady`
        while summary or next contact is missing) and load the chosen pictures
        (anonymised, marks drawn in; each opening is audited)."""
        note = note.cleaned()
        note.ensure_exportable()
        images: dict[int, bytes] = {}
        for pic in note.chosen_pictures():
            if not pic.available:
                continue
            try:
                images[pic.snapshot_id] = self._cases.snapshot_png(pic.snapshot_id, purpose="journalnotat")
            except NotFound:
                continue
            except HmsError as exc:
                log.warning("picture %s of case %s cannot be read: %s", pic.snapshot_id, note.case_id, exc)
        return NoteBundle(note, images, aware(self._clock()).astimezone())

    def default_path(self, rendered: Rendered) -> Path:
        return self._exports / rendered.file_name

    def store(self, bundle: NoteBundle, rendered: Rendered, path: Path | str | None = None,
              action: str = "exported", write: bool = True) -> Path | None:
        """Record the export: write ``rendered`` to ``path`` (default: the exports
        folder) unless ``write`` is False (text copied to the clipboard or printed to
        stdout), keep the note's text and checksum, mark the draft exported and audit it.

        The file is written beside its target first and moved into place inside the
        transaction that records it, so nothing is placed unaudited and nothing is
        recorded that was not placed."""
        import os
        import uuid

        from hms_desk.documents.pdf_base import DocumentError, write_bytes_atomic

        target: Path | None = None
        tmp: Path | None = None
        if write:
            target = Path(path) if path is not None else self.default_path(rendered)
            if path is None:
                target.parent.mkdir(parents=True, exist_ok=True)
            tmp = target.with_name(f".{target.name}.{uuid.uuid4().hex[:8]}.tmp")
            try:
                write_bytes_atomic(tmp, rendered.data, "journalnotatet")
            except DocumentError as exc:
                raise HmsError(exc.message_nb.replace(tmp.name, target.name).replace(str(tmp), str(target)),
                               code="LAGRING") from exc
        what = FORMAT_TEXT.get(rendered.fmt, rendered.fmt)
        text = render_text(bundle).text if rendered.fmt != "text" else rendered.text
        digest = hashlib.sha256(rendered.data).hexdigest()
        case_id = bundle.note.case_id
        try:
            with self._db.session() as s, s.begin():
                if s.get(Case, case_id) is None:
                    raise NotFound("Saken finnes ikke.")
                s.add(JournalNoteRow(case_id=case_id, text=text, exported_at=self._clock(), pdf_sha256=digest))
                s.add(CaseEvent(case_id=case_id, kind="journal", at=self._clock(),
                                detail=f"Journalnotat eksportert ({what})"))
                draft = s.scalar(select(JournalDraft).where(JournalDraft.case_id == case_id))
                if draft is not None:
                    draft.exported_at = self._clock()
                audit.record(s, self.technician, action, "journal", bundle.note.case_number,
                             f"{what} {target.name}" if target is not None else what)
                if target is not None:
                    record_export(s, self._exports, case_id, "journal", target, digest,
                                  has_pictures=any(bundle.images.values()) and rendered.fmt == "pdf")
                s.flush()
                if tmp is not None and target is not None:
                    try:
                        os.replace(tmp, target)
                        if inside(target, self._exports):
                            protect(target)
                    except OSError as exc:
                        raise HmsError(f"Kunne ikke lagre journalnotatet som {target}: {exc.strerror or exc}",
                                       code="LAGRING") from exc
        finally:
            if tmp is not None:
                tmp.unlink(missing_ok=True)
        log.info("journal note for %s exported (%s)", bundle.note.case_number, rendered.fmt)
        return target

    def export(self, case: int | str, fmt: str = "pdf", path: Path | str | None = None, lang: str = "nb",
               note: JournalNote | None = None, write: bool = True) -> ExportResult:
        """Collect, render and store in one go (the CLI; the GUI runs the steps itself).

        ``note`` defaults to :meth:`open_note` (the draft, or a prefilled note).
        """
        case_id = self.resolve_case(case)
        note = note if note is not None else self.open_note(case_id)
        if note.case_id != case_id:
            raise ValidationError("Notatet hører til en annen sak.", field="case")
        bundle = self.collect(note)
        rendered = render(bundle, fmt, lang)
        target = self.store(bundle, rendered, path, write=write)
        return ExportResult(rendered, target)

    def export_pdf(self, case_id: int, path: Path | None = None) -> Path:
        """The case's note (draft or prefill) as PDF/A in the exports folder (or ``path``)."""
        result = self.export(case_id, "pdf", path)
        assert result.path is not None
        return result.path

    # -- the staged PDF export the GUI runs today (database → CPU → database) -----------------
    def compose(self, case_id: int) -> NoteBundle:
        """Database step: the case's note (draft or prefill), checked, with its pictures."""
        return self.collect(self.open_note(case_id))

    def render_pdf(self, bundle: NoteBundle, path: Path | None = None, lang: str = "nb") -> Rendered:
        """CPU step: the note as PDF/A bytes (no database, no file)."""
        from hms_desk.documents.journal_note import render_pdf

        return render_pdf(bundle, lang)

    def store_pdf(self, case_id: int, bundle: NoteBundle, rendered: Rendered, path: Path | None = None) -> Path:
        """Database step: file placed and audited in one transaction (see :meth:`store`)."""
        if bundle.note.case_id != case_id:
            raise ValidationError("Notatet hører til en annen sak.", field="case")
        target = self.store(bundle, rendered, path)
        assert target is not None
        return target

    def record_printed(self, case_number: str) -> None:
        """Audit that the note went to a printer (the print service calls this)."""
        with self._db.session() as s, s.begin():
            audit.record(s, self.technician, "printed", "journal", case_number)
