"""The demo call: case ``demo``, so the demo works end to end on a fresh profile.

``hms-desk --demo`` opens it in the GUI and ``hms-desk export demo --pdf FILE``
exports its journal note; both call :func:`hms_desk.parts.demo.ensure_demo_call`,
which adds the parts order (the parts layer sits above this one) and calls
:func:`ensure_demo_case` here.  The demo call has the demo
device (HMS-nr 250464, serienr 123456, the one in the demo video), a
municipal technician and a therapist present by role and organisation, a
worn tyre found on video, a parts order for a wheel, an anonymised picture
with an arrow drawn on it, the decision, a summary and the next contact.

:func:`ensure_demo_case` is idempotent: the case is made once per database
and found again by its number ``demo`` afterwards.
"""

from __future__ import annotations

import logging
from typing import Callable

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from hms_desk.domain.errors import HmsError
from hms_desk.domain.nav import Decision
from hms_desk.services import audit
from hms_desk.services.cases import CaseService
from hms_desk.storage.db import Database
from hms_desk.storage.models import Case, CaseEvent

log = logging.getLogger("hms_desk.demo")

DEMO_CASE_NUMBER = "demo"
DEMO_HMSNR = "250464"
DEMO_SERIAL = "123456"
DEMO_MUNICIPALITY = "0301"

DEMO_REASON = "Dekket bak til venstre er slitt ned til lerretet. Kommunen kan skifte det selv."
DEMO_SUMMARY = ("Kommunal tekniker viste det venstre bakhjulet på video. Dekket er slitt og må byttes; "
                "resten av stolen er i orden. Vi bestilte nytt hjul til kommunens lager, og kommunen "
                "monterer det selv.")
DEMO_NEXT_CONTACT = "Kommunen melder fra når hjulet er montert, senest om to uker."
DEMO_ARROW = {"kind": "pil", "points": [[700.0, 250.0], [950.0, 460.0]], "colour": "#e0202a", "width": 5}
DEMO_PROBLEM = ("Kommunen meldte at stolen trekker mot venstre og at det venstre bakhjulet har "
                "mistet mønsteret.")
DEMO_FINDINGS = ("På video: dekket bak til venstre er slitt ned til lerretet. Felgen og navet er hele, "
                 "bremsene tar likt på begge sider. Batteriet er nytt (byttet i fjor).")
DEMO_CAPTION = "Venstre bakhjul, slitt dekk (pil)"


def is_demo_alias(text: str) -> bool:
    """``demo`` (any case) names the demo call."""
    return str(text).strip().lower() == DEMO_CASE_NUMBER


def demo_case_id(db: Database) -> int | None:
    with db.session() as s:
        return s.scalar(select(Case.id).where(Case.number == DEMO_CASE_NUMBER))


def ensure_demo_case(db: Database, cases: CaseService, make_order: Callable[[int, int | None], None] | None = None,
                     journal=None, with_picture: bool = True) -> int:
    """The id of case ``demo``, made (with device, people, picture, decision, summary
    and a journal-note draft) the first time.

    ``make_order(case_id, snapshot_id)`` places the demo's parts order (see
    :func:`hms_desk.parts.demo.ensure_demo_call`); ``journal`` is the
    :class:`~hms_desk.services.journal.JournalService` (no draft without it);
    ``with_picture=False`` skips the anonymised picture (it loads the face detector)."""
    existing = demo_case_id(db)
    if existing is not None:
        return existing
    try:
        with db.session() as s, s.begin():
            case = Case(number=DEMO_CASE_NUMBER, kind="support", technician=cases.technician)
            s.add(case)
            s.flush()
            s.add(CaseEvent(case_id=case.id, kind="start", detail="Demosamtale startet"))
            audit.record(s, cases.technician, "opened", "case", DEMO_CASE_NUMBER, "demo")
            case_id = case.id
    except IntegrityError:          # made by another process just now
        found = demo_case_id(db)
        if found is None:
            raise
        return found
    cases.set_device(case_id, DEMO_HMSNR, DEMO_SERIAL, DEMO_MUNICIPALITY)
    cases.add_participant(case_id, "tekniker", "Oslo kommune", in_picture=True)
    cases.add_participant(case_id, "terapeut", "Bydel Frogner")
    snapshot_id = None
    if with_picture:
        snapshot_id = _demo_picture(cases, case_id)
    if make_order is not None:
        make_order(case_id, snapshot_id)
    cases.set_decision(case_id, Decision.DELER_TRENGS, DEMO_REASON)
    cases.set_summary(case_id, DEMO_SUMMARY, DEMO_NEXT_CONTACT)
    if journal is not None:
        note = journal.prefill(case_id)
        note.problem, note.findings, note.duration_min = DEMO_PROBLEM, DEMO_FINDINGS, 15
        for pic in note.pictures:
            pic.caption = DEMO_CAPTION
        journal.save_draft(note)
    log.info("demo case made (id %s)", case_id)
    return case_id


def _demo_picture(cases: CaseService, case_id: int) -> int | None:
    """One frame of the demo video, anonymised, with an arrow at the wheel."""
    try:
        from hms_desk.video.demo_scene import DemoScene

        frame = DemoScene(DEMO_HMSNR, DEMO_SERIAL).render(0)
        return cases.take_snapshot(case_id, frame, [DEMO_ARROW]).id
    except HmsError as exc:          # anonymisation failed: fail closed, no picture
        log.warning("demo picture not taken: %s", exc.message)
        return None
