"""Journal-note drafts and deviations on PostgreSQL (the shared department database)."""

from __future__ import annotations

import datetime as dt

import pytest

from hms_desk.documents.note import JournalNote
from hms_desk.services.deviations import DeviationDraft, DeviationFilter, DeviationService
from hms_desk.storage.models import Case

pytestmark = pytest.mark.postgres


def test_drafts_and_deviations_on_postgres(pg_db, tmp_path):
    from hms_desk.services.journal import JournalService

    with pg_db.session() as s, s.begin():
        case = Case(number="S-2026-000009", technician="T1")
        s.add(case)
        s.flush()
        case_id = case.id

    class _Cases:                       # the draft store needs only the technician of a case service
        technician = "T1"

    journal = JournalService(pg_db, _Cases(), lookup=None, hms_unit="4703", exports_dir=tmp_path)
    note = JournalNote(case_id=case_id, case_number="S-2026-000009",
                       findings="Skrevet på PostgreSQL: æøå\x00 og 👍 og مرحبا")
    assert journal.save_draft(note) == 1
    note.summary = "Endret"
    assert journal.save_draft(note) == 2
    back = journal.draft(case_id)
    assert back.findings == "Skrevet på PostgreSQL: æøå og 👍 og مرحبا" and back.summary == "Endret"

    deviations = DeviationService(pg_db, "T1", tmp_path, "4703")
    made = deviations.create(DeviationDraft(kind="utstyrsfeil", what_happened="Kameraet falt ut.",
                                            reporter_role="tekniker", reporter_org="HMS Oslo", direction="intern",
                                            case="S-2026-000009", occurred_at=dt.datetime(2026, 3, 1, 10, 0)))
    assert made.case_number == "S-2026-000009"
    assert [d.number for d in deviations.list(DeviationFilter(since=dt.date(2026, 3, 1),
                                                              until=dt.date(2026, 3, 1)))] == [made.number]
