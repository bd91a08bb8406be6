"""NAV's order rules end to end: OrderService on the seeded catalogue, the CLI, the order PDF.

Each ``# NAV:`` comment names the file and test the fact comes from (``api`` =
navikt/hm-delbestilling-api, ``web`` = navikt/hm-delbestilling); "deliberate"
marks where we keep our own behaviour.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
import subprocess
import sys

import pytest
from pypdf import PdfReader

from hms_desk.domain.errors import HmsError, NotFound
from hms_desk.domain.nav import OrderStatus
from hms_desk.parts.orders import DraftLine, OrderDraft, OrderRefused, OrderService, to_export_dict
from hms_desk.storage.db import open_database
from hms_desk.storage.models import Device, Loan

T0 = dt.datetime(2026, 5, 20, 10, 0)          # naive UTC, as stored
OLD = dt.date(2018, 1, 10)                    # long out of warranty


class Clock:
    def __init__(self, now: dt.datetime):
        self.now = now

    def __call__(self) -> dt.datetime:
        return self.now


@pytest.fixture
def db(tmp_path, seeded_db_file):
    path = tmp_path / "orders.sqlite3"
    shutil.copyfile(seeded_db_file, path)
    database, _ = open_database(f"sqlite:///{path}")
    yield database
    database.dispose()


def device(db, hmsnr: str, serial: str, municipality: str = "0301", created: dt.date | None = OLD,
           iso: str = "12230301") -> tuple[str, str]:
    with db.session() as s:
        d = Device(hmsnr=hmsnr, serial=serial, iso_category=iso, created_date=created)
        s.add(d)
        s.flush()
        s.add(Loan(device_id=d.id, municipality=municipality))
        s.commit()
    return hmsnr, serial


def draft(dev: tuple[str, str], *lines: DraftLine, **kw) -> OrderDraft:
    base = dict(hmsnr=dev[0], serial=dev[1], orderer="T100001", orderer_hms_unit="4703",
                lines=list(lines) or [DraftLine("200842", quantity=2)])
    base.update(kw)
    return OrderDraft(**base)


def refused(service: OrderService, d: OrderDraft) -> list[str]:
    with pytest.raises(OrderRefused) as info:
        service.create(d)
    return [v.code for v in info.value.violations]


M1 = "159629"          # Minicrosser M1: 200842 Hjul, 328154 Batteri, 302543 Lader (hand-kept list)


# --- creating orders ------------------------------------------------------------------

def test_orders_are_numbered_in_sequence(db):
    # NAV: api DelbestillingServiceTest "opprettDelbestilling happy path"
    service = OrderService(db, clock=Clock(T0))
    dev = device(db, M1, "700001")
    first, second = (service.create(draft(dev, request_key=k)).order.number for k in ("a", "b"))
    assert int(second.rsplit("-", 1)[1]) == int(first.rsplit("-", 1)[1]) + 1


def test_five_orders_per_technician_and_device_in_24_hours(db):
    # NAV: api DelbestillingServiceTest "tekniker kan max sende inn 5 delbestillinger for samme artnr & serienr
    # per døgn"
    clock = Clock(T0)
    service = OrderService(db, clock=clock)
    dev = device(db, M1, "700002")
    for i in range(5):
        clock.now = T0 + dt.timedelta(minutes=i)
        service.create(draft(dev))
    assert refused(service, draft(dev)) == ["FOR_MANGE_BESTILLINGER_SISTE_24_TIMER"]
    assert len(service.list_for_device(*dev)) == 5


def test_last_battery_order_counts_from_the_newest(db):
    # NAV: api BerikMedDagerSidenForrigeBatteribestillingTest "skal returnere hjelpemiddel med korrekt antall
    # dager siden forrige batteribestilling" (orders 25 and 10 days ago → 10)
    clock = Clock(T0 - dt.timedelta(days=25))
    service = OrderService(db, clock=clock)
    dev = device(db, M1, "700003")
    battery = DraftLine("328154", quantity=2)
    service.create(draft(dev, battery, battery_training_confirmed=True))
    clock.now = T0 - dt.timedelta(days=10)
    with pytest.raises(OrderRefused) as info:
        service.create(draft(dev, battery, battery_training_confirmed=True))
    assert "for 15 dager siden" in info.value.violations[0].message_nb
    # a battery ordered by hand (outside this service) 10 days ago: the newest counts
    with db.session() as s:
        from hms_desk.storage.models import PartsOrder
        s.add(PartsOrder(number="D-2026-900000", hmsnr=dev[0], serial=dev[1], orderer="T9", has_battery=True,
                         status="INNSENDT", created_at=T0 - dt.timedelta(days=10)))
        s.commit()
    clock.now = T0
    with pytest.raises(OrderRefused) as info:
        service.create(draft(dev, battery, battery_training_confirmed=True))
    assert [v.code for v in info.value.violations] == ["BATTERI_BESTILT_SISTE_ÅR"]
    assert "for 10 dager siden" in info.value.violations[0].message_nb


def test_deliberate_cancelled_battery_order_does_not_block(db):
    # deliberate: NAV's BerikMedDagerSidenForrigeBatteribestilling counts cancelled battery orders too
    clock = Clock(T0)
    service = OrderService(db, clock=clock)
    dev = device(db, M1, "700004")
    battery = DraftLine("328154", quantity=2)
    first = service.create(draft(dev, battery, battery_training_confirmed=True)).order
    service.change_status(first.number, OrderStatus.ANNULLERT, "oebs")
    clock.now = T0 + dt.timedelta(days=1)
    assert service.create(draft(dev, battery, battery_training_confirmed=True)).created


@pytest.mark.parametrize("description", ["Batteri 12V 70Ah", "batteri 12V 70Ah", "  BATTERI, 12V 70Ah"])
def test_unknown_battery_gets_the_battery_rules_whatever_its_case(db, description):
    # NAV: web components/LeggTilDel.tsx — del.kategori.toLowerCase() === 'batteri': training, warranty and
    # the 365-day rule for a battery however its category is written (regression: "batteri 12V" slipped by)
    clock = Clock(T0)
    service = OrderService(db, clock=clock)
    unknown = DraftLine(None, "SPP-12", description, 1, unknown_part=True)
    young = device(db, M1, "700005", created=dt.date(2025, 6, 1))
    assert refused(service, draft(young, unknown)) == ["BATTERI_OPPLÆRING_MANGLER", "GARANTI"]
    old = device(db, M1, "700006")
    made = service.create(draft(old, unknown, battery_training_confirmed=True)).order
    assert made.has_battery and made.lines[0].category == "Batteri"
    clock.now = T0 + dt.timedelta(days=30)
    assert refused(service, draft(old, unknown, battery_training_confirmed=True)) == ["BATTERI_BESTILT_SISTE_ÅR"]


def test_hand_kept_maximum_eight_can_be_ordered(db):
    # NAV: api Deler.kt TODO_BESTEM_MAX_ANTALL = 8 and web Utsjekk.tsx (1..maksAntall)
    service = OrderService(db, clock=Clock(T0))
    bed = device(db, "255798", "700007", iso="181210")
    assert refused(service, draft(bed, DraftLine("149965", quantity=9))) == ["FOR_MANGE"]
    assert service.create(draft(bed, DraftLine("149965", quantity=8))).created


def test_accessory_needs_to_be_on_the_device_already(db):
    # NAV: web components/LeggTilDel.tsx kanBestilleTilbehor (catalogue's erTilbehør for Netti V's seat cushion)
    service = OrderService(db, clock=Clock(T0))
    netti = device(db, "316161", "700008", iso="12220303")
    assert refused(service, draft(netti, DraftLine("154516"))) == ["TILBEHØR_MÅ_BESVARES"]
    assert refused(service, draft(netti, DraftLine("154516", accessory_on_device=False))) == [
        "TILBEHØR_IKKE_PÅ_HJELPEMIDLET"]
    assert service.create(draft(netti, DraftLine("154516", accessory_on_device=True))).created


def test_oslo_technician_orders_for_a_baerum_device(db):
    # NAV: api FinnLagerenhetTest "enhet 4702 Akershus skal mappes til 4703 Oslo" — Bærum's storage unit is Oslo
    service = OrderService(db, clock=Clock(T0))
    baerum = device(db, M1, "700009", municipality="3201")
    order = service.create(draft(baerum)).order
    assert (order.municipality, order.hms_unit) == ("3201", "4703")


# --- delivery and the text to OeBS -------------------------------------------------------

def test_xk_lager_where_the_municipality_has_one(db):
    # NAV: api XKLager.kt, GenererForsendelsesinfoTest, web Utsjekk.tsx ("Innsendere i kommuner uten XK-lager
    # skal ikke trenge å måtte gjøre et valg her" → TIL_SERVICE_OPPDRAG)
    service = OrderService(db, clock=Clock(T0))
    oslo, baerum = device(db, M1, "700010"), device(db, M1, "700011", municipality="3201")
    in_oslo = to_export_dict(service.create(draft(oslo, delivery="TIL_XK_LAGER")).order)
    assert (in_oslo["levering"], in_oslo["levering_tekst"]) == ("kommunelager", "Til XK-lager")
    assert in_oslo["forsendelsesinfo"] == "XK-Lager Del bestilt av: T100001"
    assert refused(service, draft(baerum, delivery="kommunelager")) == ["INGEN_XK_LAGER"]
    chosen_for_me = to_export_dict(service.create(draft(baerum)).order)
    assert (chosen_for_me["levering"], chosen_for_me["levering_tekst"]) == ("servicejobb", "Brukes i serviceoppdrag")
    assert chosen_for_me["forsendelsesinfo"] == "Del bestilt av: T100001"


# --- statuses and shipping per line ---------------------------------------------------------

def two_line_order(db, service, serial: str):
    dev = device(db, M1, serial)
    return service.create(draft(dev, DraftLine("200842", quantity=2), DraftLine("302543"))).order


def test_new_order_is_innsendt(db):
    # NAV: api DelbestillingStatusServiceTest "delbestilling skal få status INNSENDT ved innsending"
    order = two_line_order(db, OrderService(db, clock=Clock(T0)), "700020")
    assert order.status == "INNSENDT" and order.plain_status_text == "Mottatt hos NAV"
    assert [ln.status_text for ln in order.lines] == ["Mottatt hos NAV", "Mottatt hos NAV"]


def test_status_update_and_no_way_back(db):
    # NAV: api DelbestillingStatusServiceTest "skal oppdatere status på delbestilling" and "skal ikke kunne
    # oppdatere delbestilling til en tidligere status"
    service = OrderService(db, clock=Clock(T0))
    number = two_line_order(db, service, "700021").number
    assert service.change_status(number, "KLARGJORT", "oebs").status == "KLARGJORT"
    with pytest.raises(HmsError):        # deliberate: NAV ignores it silently, we say so; nothing changes
        service.change_status(number, "REGISTRERT", "oebs")
    assert service.get(number).status == "KLARGJORT"


def test_shipping_one_line_then_the_other(db):
    # NAV: api DelbestillingStatusServiceTest "skal oppdatere status på dellinjer" (shipped 2023-09-29 →
    # expected 2023-10-02, the order DELVIS_SKIPNINGSBEKREFTET, the other line untouched)
    service = OrderService(db, clock=Clock(T0))
    number = two_line_order(db, service, "700022").number
    service.change_status(number, "KLARGJORT", "oebs")
    order = service.confirm_line_shipped(number, "200842", dt.date(2023, 9, 29), "oebs")
    assert order.status == "DELVIS_SKIPNINGSBEKREFTET"
    first, second = order.lines
    assert (first.status, first.shipped_on, first.expected_delivery) == (
        "SKIPNINGSBEKREFTET", dt.date(2023, 9, 29), dt.date(2023, 10, 2))
    assert (first.status_text, first.expected_delivery_text) == ("Plukket på lager", "Forventet levering 2. oktober 2023")
    assert (second.status, second.shipped_on, second.expected_delivery) == (None, None, None)
    assert second.status_text == "Klar til plukk"
    # NAV: api common/DelbestillingSak.kt oppdaterDellinjeStatus — every line shipped → SKIPNINGSBEKREFTET
    order = service.confirm_line_shipped(number, 2, dt.date(2024, 3, 27), "oebs")
    assert order.status == "SKIPNINGSBEKREFTET"
    assert order.lines[1].expected_delivery == dt.date(2024, 4, 2)           # Easter in between
    assert [h.status for h in order.history][-2:] == ["DELVIS_SKIPNINGSBEKREFTET", "SKIPNINGSBEKREFTET"]
    exported = to_export_dict(order)["linjer"][1]
    assert (exported["skipningsbekreftet"], exported["forventet_levering"]) == ("2024-03-27", "2024-04-02")


def test_no_line_shipping_once_the_order_is_shipped_cancelled_or_closed(db):
    # NAV: api DelbestillingStatusService.oppdaterDellinjeStatus — ignored when status >= SKIPNINGSBEKREFTET
    service = OrderService(db, clock=Clock(T0))
    number = two_line_order(db, service, "700023").number
    service.change_status(number, "ANNULLERT", "oebs")
    with pytest.raises(HmsError) as info:     # deliberate: NAV ignores it silently; we say so
        service.confirm_line_shipped(number, "200842", dt.date(2026, 5, 21), "oebs")
    assert info.value.code == "LINJE_KAN_IKKE_SKIPNINGSBEKREFTES"
    order = service.get(number)
    assert order.lines[0].status is None and [ln.status_text for ln in order.lines] == ["Annullert"] * 2


def test_shipping_for_an_unknown_order(db):
    # NAV: api DelbestillingStatusServiceTest "skal ignorere skipningsbekreftelse for ukjent ordrenr";
    # deliberate: a technician typing a number gets "not found" instead of silence
    with pytest.raises(NotFound):
        OrderService(db, clock=Clock(T0)).confirm_line_shipped("D-2026-999999", "200842", dt.date(2026, 5, 21), "x")


def test_closed_order_reads_levert(db):
    # NAV: web translation.json bestillinger.ordrestatus.LUKKET "Levert"
    service = OrderService(db, clock=Clock(T0))
    number = two_line_order(db, service, "700024").number
    service.confirm_line_shipped(number, "200842", dt.date(2026, 5, 20), "oebs")
    service.confirm_line_shipped(number, "302543", dt.date(2026, 5, 20), "oebs")
    order = service.change_status(number, "LUKKET", "oebs")
    assert order.plain_status_text == "Levert" and {ln.status_text for ln in order.lines} == {"Levert"}


def test_order_pdf_shows_each_lines_status_and_expected_delivery(core, tmp_path):
    # NAV: web components/BestillingsKort.tsx + DellinjestatusTag.tsx — each line's status and "Forventet
    # levering …" on the order
    order = core.orders.create(OrderDraft(hmsnr="250464", serial="123456", orderer="T100001",
                                          orderer_hms_unit="4703", lines=[DraftLine("291356", quantity=2),
                                                                          DraftLine("263638")])).order
    core.orders.confirm_line_shipped(order.number, "291356", dt.date(2023, 9, 29), "oebs")
    pdf = core.order_documents.write_pdf(order.number, "bestilling", tmp_path / "o.pdf", action="")
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(pdf).pages).split())
    for fact in ("Status", "Plukket på lager", "Forventet levering 2. oktober 2023", "Klar til plukk",
                 "Til XK-lager"):
        assert fact in text, fact


# --- the command line -------------------------------------------------------------------------

def cli(profile, *args):
    return subprocess.run([sys.executable, "-m", "hms_desk", "--profile", str(profile), *args],
                          capture_output=True, text=True, timeout=300)


def test_cli_lists_every_validation_reason(profile_dir):
    # NAV: api Validation.kt validateOppslagRequest / validateDelbestillingRequest — every reason
    expected = ["Hmsnr må ha 6 siffer", "Hmsnr skal kun bestå av tall", "Serienr må ha 6 siffer"]
    looked = cli(profile_dir, "lookup", "12a45", "", "--json")
    assert looked.returncode == 1
    assert [v["message"] for v in json.loads(looked.stdout)["error"]["violations"]] == expected
    assert looked.stderr.splitlines() == expected
    ordered = cli(profile_dir, "order", "create", "--hmsnr", "12a45", "--serienr", "", "--line", "200842:1",
                  "--json")
    assert ordered.returncode == 1
    violations = json.loads(ordered.stdout)["error"]["violations"]
    assert [(v["code"], v["message"]) for v in violations] == [
        ("UGYLDIG_HMSNR", expected[0]), ("UGYLDIG_HMSNR", expected[1]), ("UGYLDIG_SERIENR", expected[2])]


def test_cli_ship_shows_line_status_and_expected_delivery(profile_dir):
    # NAV: api DelbestillingStatusServiceTest "skal oppdatere status på dellinjer", through our CLI
    made = cli(profile_dir, "order", "create", "--hmsnr", "250464", "--serienr", "123456",
               "--line", "291356:2", "--line", "263638:1", "--json")
    assert made.returncode == 0, made.stderr
    number = json.loads(made.stdout)["bestillingsnummer"]
    shipped = cli(profile_dir, "order", "ship", number, "291356", "--date", "2023-09-29", "--json")
    assert shipped.returncode == 0, shipped.stderr
    lines = json.loads(shipped.stdout)["linjer"]
    assert [(ln["status_tekst"], ln["forventet_levering"]) for ln in lines] == [
        ("Plukket på lager", "2023-10-02"), ("Klar til plukk", None)]
    shown = cli(profile_dir, "order", "show", number)
    for fact in ("Delvis skipningsbekreftet – Delvis plukket på lager", "Plukket på lager",
                 "Forventet levering 2. oktober 2023", "Klar til plukk", "Til XK-lager",
                 "XK-Lager Del bestilt av:"):
        assert fact in shown.stdout, fact
    bad_date = cli(profile_dir, "order", "ship", number, "2", "--date", "29.09.2023")
    assert bad_date.returncode == 1 and "ÅÅÅÅ-MM-DD" in bad_date.stderr
