"""The journal note: prefill from the case, templates, drafts (also across a crash),
the three-step export and its formats — through the real services and SQLite."""

from __future__ import annotations

import datetime as dt
import json
import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
import pypdfium2 as pdfium
from pypdf import PdfReader
from sqlalchemy import select

from hms_desk.documents.journal_note import NoteBundle, render, render_pdf, render_text
from hms_desk.documents.note import JournalNote, NoteNotReady, TEMPLATES, apply_template
from hms_desk.documents.pdfa_check import check_pdf
from hms_desk.documents.samples import NORWEGIAN_SENTENCE, sample_note
from hms_desk.domain.nav import Decision
from hms_desk.domain.personal_data import FNR_REFUSED_TEXT, PersonalDataError
from hms_desk.storage.models import AuditEntry, CaseEvent, Device, JournalDraft, Loan, OrderLine, PartsOrder
from hms_desk.storage.models import JournalNote as JournalNoteRow

DEMO = ("250464", "123456")
from tests.test_personal_data_scan import make_fnr

FNR = make_fnr(24, 8, 51, 123)   # check digits right: the personal-data check must refuse it
CODES = ("DELER_TRENGS", "REPARER_LOKALT", "SEND_INN", "NY_SAMTALE", "INNSENDT", "kommunelager",
         "servicejobb", "GTS_PDFA1")


def _norm(text: str) -> str:
    return " ".join(text.split())


def _second_device(core) -> tuple[str, str]:
    with core.db.session() as s:
        dev = s.scalars(select(Device).join(Loan).where(Device.hmsnr != DEMO[0]).limit(1)).first()
        return dev.hmsnr, dev.serial


def _order(core, case_id: int, hmsnr: str, serial: str, number: str, status: str = "INNSENDT") -> None:
    """An order of the case as a fact in the database (the order rules are tested elsewhere)."""
    with core.db.session() as s, s.begin():
        o = PartsOrder(number=number, case_id=case_id, hmsnr=hmsnr, serial=serial, orderer="T1",
                       municipality="0301", hms_unit="4703", delivery="servicejobb", status=status)
        s.add(o)
        s.flush()
        s.add(OrderLine(order_id=o.id, part_hmsnr="291356", description="Hjul luft", category="Hjul", quantity=2))


@pytest.fixture
def case(core):
    """A support call with two devices, orders for each, people, consent, a picture and a decision."""
    c = core.cases.start()
    core.cases.set_device(c.id, *DEMO, "0301")
    core.cases.add_participant(c.id, "tekniker", "Oslo kommune", in_picture=True)
    core.cases.add_participant(c.id, "bruker")
    core.cases.record_consent(c.id, "muntlig", "bruker", "bilder")
    from tests.test_services import scene_with_face

    core.cases.take_snapshot(c.id, scene_with_face())
    other = _second_device(core)
    _order(core, c.id, *DEMO, "D-TEST-000001")
    _order(core, c.id, *other, "D-TEST-000002", status="REGISTRERT")
    core.cases.set_decision(c.id, Decision.DELER_TRENGS, "Dekket er slitt")
    return c, other


def test_prefill_has_every_device_with_its_own_orders(core, case):
    c, other = case
    note = core.journal.prefill(c.id)
    assert note.case_number == c.number and note.template == "support"
    assert [(d.hmsnr, d.serial) for d in note.devices] == [DEMO, other]
    assert [o.number for o in note.devices[0].orders] == ["D-TEST-000001"]
    assert [o.number for o in note.devices[1].orders] == ["D-TEST-000002"]
    assert note.devices[0].product_name == "Minicrosser X1 4W" and note.devices[0].loan_type == "P"
    assert [(p.role, p.organisation, p.in_picture) for p in note.participants] == [
        ("tekniker", "Oslo kommune", True), ("bruker", "", False)]
    assert [(x.kind, x.given_by, x.scope) for x in note.consents] == [("muntlig", "bruker", "bilder")]
    assert note.decision == "DELER_TRENGS" and note.decision_reason == "Dekket er slitt"
    assert len(note.pictures) == 1 and note.pictures[0].chosen and note.pictures[0].faces_blurred >= 1
    assert note.date == dt.date.today() and note.time is not None and note.duration_min is not None
    assert note.missing_for_export() == ["summary", "next_contact"]


def test_templates_fill_empty_fields_and_keep_typed_text(core, case):
    c, _ = case
    note = core.journal.prefill(c.id, "boligsak")
    assert note.template == "boligsak" and note.problem == TEMPLATES["boligsak"].problem_skeleton
    assert TEMPLATES["boligsak"].title() == "Boligsak"
    note.findings = "Terskel på 4 cm ved badet."
    switched = apply_template(note, "utproving")
    assert switched.problem == TEMPLATES["utproving"].problem_skeleton    # untouched skeleton follows
    assert switched.findings == "Terskel på 4 cm ved badet."              # typed text is never replaced
    assert core.journal.prefill(c.id).template == "support"
    text = render_text(NoteBundle(switched)).text
    assert "Forberedelse av utprøving" in text and "Bakgrunn og behov" in text
    with pytest.raises(Exception) as info:
        apply_template(note, "ukjent")
    assert "Ukjent mal" in str(info.value)


def test_export_is_refused_until_summary_and_next_contact_are_written(core, case, tmp_path):
    c, _ = case
    note = core.journal.open_note(c.id)
    with pytest.raises(NoteNotReady) as info:
        core.journal.collect(note)
    assert info.value.message == ("Journalnotatet kan ikke eksporteres ennå: fyll ut oppsummering og neste "
                                  "kontakt.")
    assert info.value.field == "summary"
    note.summary = "Hjul bestilt."
    with pytest.raises(NoteNotReady) as info:
        core.journal.export(c.number, "pdf", tmp_path / "x.pdf", note=note)
    assert "neste kontakt" in info.value.message and info.value.field == "next_contact"
    assert not (tmp_path / "x.pdf").exists()
    from hms_desk.cli import main

    assert main(["--profile", str(core.profile.config_dir.parent), "export", c.number, "--text"]) == 1


def test_draft_round_trip_keeps_typed_text_and_refreshes_facts(core, case):
    c, other = case
    note = core.journal.open_note(c.id)
    note.findings = "Dekket er slitt.\nFelgen er hel."
    note.summary, note.next_contact = "Hjul bestilt.", "Kommunen ringer."
    note.pictures[0].caption = "Venstre bakhjul"
    note.devices[1].included = False
    assert core.journal.save_draft(note) == 1
    assert core.journal.save_draft(note) == 2
    _order(core, c.id, *DEMO, "D-TEST-000003")                    # ordered after the draft was saved
    again = core.journal.open_note(c.id)
    assert again.findings == "Dekket er slitt.\nFelgen er hel." and again.revision == 2
    assert again.pictures[0].caption == "Venstre bakhjul"
    assert [d.included for d in again.devices] == [True, False]
    assert [o.number for o in again.devices[0].orders] == ["D-TEST-000001", "D-TEST-000003"]
    assert JournalNote.from_dict(json.loads(json.dumps(again.to_dict()))) == again


def test_draft_refuses_a_national_id_and_keeps_the_previous_draft(core, case):
    c, _ = case
    note = core.journal.open_note(c.id)
    note.findings = "Alt i orden."
    core.journal.save_draft(note)
    note.findings = f"Bruker {FNR} ringte."
    with pytest.raises(PersonalDataError) as info:
        core.journal.save_draft(note)
    assert info.value.message == FNR_REFUSED_TEXT and info.value.field == "findings"
    note.findings, note.participants[0].organisation = "ok", "navn: Kari"
    with pytest.raises(PersonalDataError) as info:
        core.journal.save_draft(note)
    assert info.value.field == "participants[0].organisation"
    assert core.journal.draft(c.id).findings == "Alt i orden."
    with core.db.session() as s:
        assert FNR not in s.scalar(select(JournalDraft.data).where(JournalDraft.case_id == c.id))


CHILD = textwrap.dedent("""
    import sys
    from pathlib import Path
    from hms_desk.app import Options, build_core
    from hms_desk.platform.secrets import MemorySecrets

    core = build_core(Options(profile=Path(sys.argv[1]), secrets=MemorySecrets()))
    case = core.cases.start()
    note = core.journal.open_note(case.id)
    note.findings = "Skrevet rett før krasjet: æøå ÆØÅ."
    revision = core.journal.save_draft(note)
    print("saved", case.id, revision, flush=True)
    sys.stdin.read()                 # wait here until the test kills us
""")


def test_draft_survives_a_killed_process(profile_dir):
    proc = subprocess.Popen([sys.executable, "-c", CHILD, str(profile_dir)], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            cwd=Path(__file__).resolve().parents[1])
    try:
        line = proc.stdout.readline()
        assert line.startswith("saved"), proc.stderr.read()
        _, case_id, revision = line.split()
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.wait(timeout=60)
        proc.stdin.close()
        proc.stdout.close()
        proc.stderr.close()
    assert proc.returncode == -signal.SIGKILL

    from hms_desk.app import Options, build_core
    from hms_desk.platform.secrets import MemorySecrets

    core = build_core(Options(profile=profile_dir, secrets=MemorySecrets()))
    try:
        found = core.journal.open_note(int(case_id))
        assert found.findings == "Skrevet rett før krasjet: æøå ÆØÅ."
        assert found.revision == int(revision) == 1
    finally:
        core.close()


def test_three_steps_write_record_and_audit(core, case, tmp_path):
    c, _ = case
    note = core.journal.open_note(c.id)
    note.summary, note.next_contact = "Hjul bestilt til servicejobb.", "Ny samtale fredag."
    core.journal.save_draft(note)
    bundle = core.journal.collect(note)                  # db step
    assert len(bundle.images) == 1
    rendered = render(bundle, "pdf")                     # cpu step: pure, no database
    path = core.journal.store(bundle, rendered)          # db step
    assert path == core.profile.exports_dir / f"journalnotat-{c.number}.pdf"
    assert path.read_bytes() == rendered.data
    with core.db.session() as s:
        row = s.scalars(select(JournalNoteRow).where(JournalNoteRow.case_id == c.id)).one()
        assert "Hjul bestilt til servicejobb." in row.text and len(row.pdf_sha256) == 64
        assert s.scalar(select(JournalDraft.exported_at).where(JournalDraft.case_id == c.id)) is not None
        assert s.scalar(select(CaseEvent).where(CaseEvent.case_id == c.id, CaseEvent.kind == "journal"))
        audit = s.scalars(select(AuditEntry).where(AuditEntry.object_type == "journal")).all()
        assert [(a.action, a.object_id) for a in audit] == [("exported", c.number)]
        opened = s.scalars(select(AuditEntry).where(AuditEntry.object_type == "snapshot",
                                                    AuditEntry.action == "opened")).all()
        assert any(a.detail == "journalnotat" for a in opened)
    # re-export after an edit: a second file, a second record
    note.summary = "Hjul bestilt. Endret etter første eksport."
    again = core.journal.export(c.id, "pdf", tmp_path / "igjen.pdf", note=note)
    assert "Endret etter første eksport." in _norm(PdfReader(again.path).pages[-1].extract_text()
                                                    + PdfReader(again.path).pages[0].extract_text()
                                                    + "".join(p.extract_text() for p in PdfReader(again.path).pages))
    report = check_pdf(again.path, expect_type="notat", expect_lang="nb-NO")
    assert report.ok, report.describe()


def test_plain_text_has_no_markup_no_codes_and_every_character(core, case):
    c, _ = case
    note = core.journal.open_note(c.id)
    note.problem = NORWEGIAN_SENTENCE
    note.findings = "Linje én\nLinje to <b>ikke fet</b> & **ikke markdown**"
    note.summary, note.next_contact = "Bestilt.", "Fredag kl. 10"
    note.pictures[0].caption = "Venstre bakhjul – slitt"
    text = core.journal.export(c.id, "text", note=note, write=False).rendered.text
    assert NORWEGIAN_SENTENCE in text.splitlines()
    assert "Linje én" in text.splitlines() and "Linje to <b>ikke fet</b> & **ikke markdown**" in text
    assert "- Bilde 1: Venstre bakhjul – slitt (" in text                # pictures listed by caption
    assert "Beslutning: Deler må bestilles" in text and "Innsendt" in text and "Registrert" in text
    assert "Til servicejobb" in text or "Servicejobb" in text
    for code in CODES:
        assert code not in text, code
    assert "<br" not in text and "\x00" not in text and "\r" not in text
    assert text.endswith("Neste kontakt: Fredag kl. 10\n")


def test_english_mode_and_json(core, case, tmp_path):
    c, _ = case
    note = core.journal.open_note(c.id)
    note.summary, note.next_contact = "Wheel ordered.", "Friday at 10"
    en = core.journal.export(c.id, "text", note=note, lang="en", write=False).rendered.text
    for words in ("Journal note – Technical support (video call)", "Decision: Parts must be ordered",
                  "Submitted", "Registered", "Oral, given by user, covers pictures", "Next contact: Friday at 10"):
        assert words in en, words
    for nb in ("Beslutning", "Innsendt", "Til stede", "Muntlig"):
        assert nb not in en, nb
    pdf = core.journal.export(c.id, "pdf", tmp_path / "en.pdf", note=note, lang="en").path
    reader = PdfReader(pdf)
    body = _norm(" ".join(p.extract_text() for p in reader.pages))
    assert "Assessment and decision" in body and "Page 1 of" in body and "Parts must be ordered" in body
    assert reader.trailer["/Root"]["/Lang"] == "en-GB"
    assert check_pdf(pdf, expect_type="notat", expect_lang="en-GB").ok
    data = json.loads(core.journal.export(c.id, "json", note=note, write=False).rendered.text)
    assert data["beslutning"] == "Deler må bestilles" and data["saksnummer"] == c.number
    assert [h["bestillinger"][0]["status"] for h in data["hjelpemidler"]] == ["Innsendt", "Registrert"]
    assert data["bilder"][0]["nummer"] == 1 and data["bilder"][0]["i_pdf"] is True
    assert data["deltakere"][0] == {"rolle": "Tekniker", "organisasjon": "Oslo kommune", "i_bildet": True}
    assert not any(code in json.dumps(data, ensure_ascii=False) for code in CODES)


def test_pdf_text_layer_reads_back_exactly():
    bundle = sample_note()
    data = render_pdf(bundle).data
    from io import BytesIO

    pypdf_text = "\n".join(p.extract_text() for p in PdfReader(BytesIO(data)).pages)
    doc = pdfium.PdfDocument(data)
    pdfium_text = "\n".join(page.get_textpage().get_text_range() for page in doc)
    for text in (pypdf_text, pdfium_text):
        lines = [ln.strip() for ln in text.replace("\r\n", "\n").split("\n")]
        assert NORWEGIAN_SENTENCE in lines                       # the whole line, character for character
        assert "Ny samtale" not in lines
        for word in ("Hjelpemiddelsentral", "Kommunens lager", "Deler må bestilles", "Tekniker", "Innsendt",
                     "Bilde 4: Bilde av hjul og brems 4"):
            assert word in _norm(text), word
        for code in CODES:
            assert code not in text, code


def test_export_pdf_of_the_case_is_the_edited_note(core, case):
    c, _ = case
    core.cases.set_summary(c.id, "Fra saken", "Mandag")
    path = core.journal.export_pdf(c.id)
    assert "Fra saken" in " ".join(p.extract_text() for p in PdfReader(path).pages)
    note = core.journal.open_note(c.id)
    note.summary = "Fra editoren"
    core.journal.save_draft(note)
    path = core.journal.export_pdf(c.id)
    assert "Fra editoren" in " ".join(p.extract_text() for p in PdfReader(path).pages)


def test_every_device_looked_up_in_the_case_is_in_the_note(core):
    """case_devices: a device looked up and left (no order) is still a device of the case."""
    c = core.cases.start()
    other = _second_device(core)
    core.cases.set_device(c.id, *other, "0301")
    core.cases.set_device(c.id, *DEMO, "0301")             # the case's current device is the last one
    _order(core, c.id, *DEMO, "D-TEST-000009")
    note = core.journal.prefill(c.id)
    assert [(d.hmsnr, d.serial) for d in note.devices] == [other, DEMO]
    assert [[o.number for o in d.orders] for d in note.devices] == [[], ["D-TEST-000009"]]
    note.summary, note.next_contact = "To hjelpemidler sett på.", "Ingen"
    text = render_text(NoteBundle(note)).text
    assert "Hjelpemidler" in text.splitlines() and "Ingen deler bestilt til dette hjelpemiddelet." in text
