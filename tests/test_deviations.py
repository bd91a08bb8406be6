"""Deviations (avvik): report, list with filters, export — service and CLI on a real database."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from hms_desk.documents.pdfa_check import check_pdf
from hms_desk.domain.errors import NotFound, ValidationError
from hms_desk.domain.personal_data import PersonalDataError
from hms_desk.services.deviations import DeviationDraft, DeviationFilter, DeviationService
from hms_desk.storage.models import AuditEntry, CaseEvent, Deviation
from tests.test_personal_data_scan import make_fnr

FNR = make_fnr(24, 8, 51, 123)


@pytest.fixture
def service(core):
    return DeviationService(core.db, core.settings.technician, core.profile.exports_dir, core.settings.hms_unit)


def _draft(**kw) -> DeviationDraft:
    base = dict(kind="feil_del", what_happened="Kommunen fikk hjul i stedet for bremsewire.",
                reporter_role="tekniker", reporter_org="Oslo kommune", recipient_role="tekniker",
                recipient_org="NAV Hjelpemiddelsentral Oslo", direction="fra_kommune",
                consequence="Stolen står ubrukt i tre dager.", measures="Ny wire sendt med ekspress.")
    base.update(kw)
    return DeviationDraft(**base)


def test_report_linked_to_a_case_and_standing_alone(core, service):
    case = core.cases.start()
    linked = service.create(_draft(case=case.number, occurred_at=dt.datetime(2026, 3, 2, 14, 5)))
    alone = service.create(_draft(kind="lyd_bilde_borte", what_happened="Bildet frøs i to minutter.",
                                  direction="intern", reporter_role="tekniker", reporter_org="HMS Oslo",
                                  recipient_role="", recipient_org=""))
    year = dt.datetime.now(dt.timezone.utc).year
    assert linked.number == f"A-{year}-000001" and alone.number == f"A-{year}-000002"
    assert linked.case_number == case.number and alone.case_number is None
    assert linked.occurred_at.astimezone().replace(tzinfo=None) == dt.datetime(2026, 3, 2, 14, 5)
    with core.db.session() as s:
        assert s.scalar(select(CaseEvent.detail).where(CaseEvent.case_id == case.id, CaseEvent.kind == "avvik")) \
            == f"Avvik {linked.number} meldt"
        assert {e.object_id for e in s.scalars(select(AuditEntry).where(AuditEntry.object_type == "deviation"))} \
            == {linked.number, alone.number}
        row = s.scalar(select(Deviation).where(Deviation.number == linked.number))
        assert (row.reporter_role, row.reporter_org, row.recipient_org) == (
            "tekniker", "Oslo kommune", "NAV Hjelpemiddelsentral Oslo")


@pytest.mark.parametrize("field,value,expected", [
    ("kind", "tull", "Velg type avvik"),
    ("what_happened", "  ", "Skriv hva som skjedde."),
    ("reporter_role", "Kari Nordmann", "Oppgi rolle, ikke navn"),
    ("recipient_role", "Ola", "Oppgi rolle, ikke navn"),
    ("reporter_role", "", "Oppgi hvem som meldte avviket (rolle)."),
    ("direction", "sidelengs", "Retning må være"),
])
def test_clear_messages(service, field, value, expected):
    with pytest.raises(ValidationError) as info:
        service.create(_draft(**{field: value}))
    assert info.value.message.startswith(expected) and info.value.field == field


@pytest.mark.parametrize("field", ["what_happened", "consequence", "measures", "reporter_org", "recipient_org"])
def test_personal_data_is_refused_in_every_free_text(core, service, field):
    value = f"Bruker {FNR}" if not field.endswith("_org") else FNR
    with pytest.raises(PersonalDataError) as info:
        service.create(_draft(**{field: value}))
    assert info.value.field == field
    with core.db.session() as s:
        assert s.scalar(select(Deviation.id)) is None


def test_a_future_time_and_an_unknown_case_are_refused(service):
    with pytest.raises(ValidationError):
        service.create(_draft(occurred_at=dt.datetime.now() + dt.timedelta(days=2)))
    with pytest.raises(NotFound):
        service.create(_draft(case="S-1999-999999"))


def test_list_per_case_per_period_and_kind(core, service):
    a, b = core.cases.start(), core.cases.start()
    service.create(_draft(case=a.number, occurred_at=dt.datetime(2026, 1, 10, 9, 0)))
    service.create(_draft(case=a.number, kind="utstyrsfeil", what_happened="Kamera sluttet å virke.",
                          occurred_at=dt.datetime(2026, 2, 1, 23, 30)))
    service.create(_draft(case=b.number, kind="utenforstående", what_happened="En nabo kom inn i rommet.",
                          occurred_at=dt.datetime(2026, 2, 15, 8, 0)))
    service.create(_draft(kind="annet", what_happened="Frittstående.", occurred_at=dt.datetime(2026, 3, 1, 12, 0)))

    def numbers(**kw):
        return [d.kind for d in service.list(DeviationFilter(**kw))]

    assert numbers() == ["annet", "utenforstaaende", "utstyrsfeil", "feil_del"]          # newest first
    assert numbers(case=a.number) == ["utstyrsfeil", "feil_del"]
    assert numbers(since=dt.date(2026, 2, 1), until=dt.date(2026, 2, 28)) == ["utenforstaaende", "utstyrsfeil"]
    assert numbers(until=dt.date(2026, 1, 31)) == ["feil_del"]
    assert numbers(kind="utstyrsfeil") == ["utstyrsfeil"]
    assert numbers(standalone=True) == ["annet"]
    assert numbers(direction="intern") == []
    assert service.counts_by_kind(DeviationFilter(case=a.number)) == {"utstyrsfeil": 1, "feil_del": 1}


def test_export_pdf_text_json_without_codes(core, service, tmp_path):
    case = core.cases.start()
    made = service.create(_draft(case=case.number, occurred_at=dt.datetime(2026, 3, 2, 14, 5)))
    rendered, path = service.export(made.number, "pdf", tmp_path / "avvik.pdf")
    report = check_pdf(path, expect_type="avvik", expect_lang="nb-NO")
    assert report.ok, report.describe()
    text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(path).pages)
    for fact in ("Avviksmelding", made.number, "Feil del levert", "Fra kommunen til HMS", "02.03.2026 kl. 14:05",
                 "Tekniker (Oslo kommune)", "Tekniker (NAV Hjelpemiddelsentral Oslo)", case.number,
                 "Kommunen fikk hjul i stedet for bremsewire.", "Ny wire sendt med ekspress."):
        assert fact in text, fact
    plain = service.export(made.number, "text", write=False)[0].text
    assert plain.startswith(f"Avviksmelding {made.number}\nType avvik: Feil del levert\n")
    en = service.export(made.number, "text", lang="en", write=False)[0].text
    assert "Kind of deviation: Wrong part delivered" in en and "Reported by: Technician (Oslo kommune)" in en
    data = json.loads(service.export(made.number, "json", write=False)[0].text)
    assert data["type"] == "Feil del levert" and data["meldt_av"] == {"rolle": "Tekniker",
                                                                     "organisasjon": "Oslo kommune"}
    for out in (text, plain, json.dumps(data, ensure_ascii=False)):
        assert "feil_del" not in out and "fra_kommune" not in out
    with core.db.session() as s:
        actions = [(e.action, e.detail) for e in s.scalars(select(AuditEntry).where(
            AuditEntry.object_type == "deviation", AuditEntry.object_id == made.number).order_by(AuditEntry.id))]
    assert actions[0] == ("created", "") and ("exported", "pdf avvik.pdf") in actions


def _cli(profile, *args):
    return subprocess.run([sys.executable, "-m", "hms_desk", "--profile", str(profile), "avvik", *args],
                          capture_output=True, text=True, timeout=300)


def test_cli_create_list_export(profile_dir, tmp_path):
    made = _cli(profile_dir, "create", "--type", "lyd_bilde_borte", "--hva", "Lyden falt ut i fem minutter.",
                "--meldt-av-rolle", "tekniker", "--meldt-av-org", "Bærum kommune", "--retning", "fra_kommune",
                "--tidspunkt", "2026-03-02 14:05", "--sak", "demo", "--json")
    assert made.returncode == 0, made.stderr
    number = json.loads(made.stdout)["avviksnummer"]
    assert json.loads(made.stdout)["sak"] == "demo"

    refused = _cli(profile_dir, "create", "--type", "annet", "--hva", f"Bruker {FNR} ringte",
                   "--meldt-av-rolle", "tekniker")
    assert refused.returncode == 1 and "fødselsnummer" in refused.stderr and "Traceback" not in refused.stderr
    bad_role = _cli(profile_dir, "create", "--type", "annet", "--hva", "x", "--meldt-av-rolle", "Kari")
    assert bad_role.returncode == 2 and "terapeut" in bad_role.stderr        # the roles to choose from

    listed = _cli(profile_dir, "list", "--sak", "demo")
    assert listed.returncode == 0 and number in listed.stdout and "Lyd eller bilde falt ut" in listed.stdout
    listed = json.loads(_cli(profile_dir, "list", "--fra", "2026-03-01", "--til", "2026-03-02", "--json").stdout)
    assert listed["antall"] == 1 and listed["avvik"][0]["avviksnummer"] == number
    assert json.loads(_cli(profile_dir, "list", "--uten-sak", "--json").stdout)["antall"] == 0

    pdf = tmp_path / "avvik.pdf"
    exported = _cli(profile_dir, "export", number, "--pdf", str(pdf))
    assert exported.returncode == 0, exported.stderr
    assert check_pdf(pdf, expect_type="avvik").ok
    text = _cli(profile_dir, "export", number, "--text")
    assert text.returncode == 0 and "Lyden falt ut i fem minutter." in text.stdout and "Bærum kommune" in text.stdout
    missing = _cli(profile_dir, "export", "A-1999-000001", "--text")
    assert missing.returncode == 3 and "Fant ikke avvik" in missing.stderr
