"""Parts for a device, and orders: create, refuse, idempotency, status, export, concurrency."""

from __future__ import annotations

import csv
import datetime as dt
import re
import threading
from pathlib import Path

import pytest
from sqlalchemy import event, func, select

from hms_desk.domain.errors import HmsError, NotFound
from hms_desk.domain.nav import OrderStatus
from hms_desk.parts.catalog import group_by_category, parts_for_device, search_parts
from hms_desk.parts.orders import (
    DraftLine,
    OrderDraft,
    OrderRefused,
    OrderService,
    to_export_dict,
    to_export_rows,
)
from hms_desk.storage.models import (
    AuditEntry,
    Device,
    Loan,
    Municipality,
    Part,
    PartCompatibility,
    PartsOrder,
    Product,
    ProductPart,
    Series,
)

CATALOG = Path(__file__).resolve().parents[1] / "resources" / "catalog"   # the shipped copy

SERIES_ID = "0c1ccc9c-f3b0-46e3-a235-ceda27a79978"
PRODUCT_ID = "76532a5d-938a-493c-8451-7ea4f89d9a55"
HMSNR = "250464"
SERIAL = "123456"
T0 = dt.datetime(2026, 5, 20, 12, 0, 0)


class Clock:
    def __init__(self, now: dt.datetime):
        self.now = now

    def __call__(self) -> dt.datetime:
        return self.now


def seed(db, *, iso: str = "12230301", created: dt.date = dt.date(2018, 1, 10)) -> None:
    with db.session() as s:
        s.add_all([
            Municipality(number="0301", name="Oslo", hms_unit="4703"),
            Municipality(number="4601", name="Bergen", hms_unit="4712"),
            Series(id=SERIES_ID, name="Minicrosser X"),
        ])
        s.flush()
        s.add(Product(hmsnr=HMSNR, name="Minicrosser X1 4W", series_id=SERIES_ID, catalog_id=PRODUCT_ID,
                      iso_category=iso))
        s.add_all([
            Part(hmsnr="304570", name="Batteri 12V 70-73,6 Ah C20 gele", supplier_ref="SPP50016",
                 category="Annet", max_qty=8, for_municipal_technician=True),
            Part(hmsnr="150817", name="Dekk Schwalbe Marathon Plus 24\"x1", supplier_ref="1000038",
                 category="Dekk", default_qty=2, max_qty=2),
            Part(hmsnr="157312", name="Hjul bak", category="Hjul", default_qty=2, max_qty=2),
            Part(hmsnr="999001", name="Setetrekk sittemodul", category="Annet",
                 for_municipal_technician=False),
            Part(hmsnr="168802", name="Armlene pute venstre", supplier_ref="A-1", category="Annet",
                 default_qty=1, max_qty=8),
            Part(hmsnr="200842", name="Hjul 13x5.00-6 annen modell", category="Hjul"),
        ])
        s.flush()
        s.add_all([
            PartCompatibility(part_hmsnr="304570", target_kind="series", target_id=SERIES_ID),
            PartCompatibility(part_hmsnr="999001", target_kind="series", target_id=SERIES_ID),
            PartCompatibility(part_hmsnr="150817", target_kind="product", target_id=PRODUCT_ID),
            PartCompatibility(part_hmsnr="157312", target_kind="product", target_id=HMSNR),
            PartCompatibility(part_hmsnr="200842", target_kind="series", target_id="another-series"),
            ProductPart(product_hmsnr=HMSNR, part_hmsnr="168802"),
            ProductPart(product_hmsnr=HMSNR, part_hmsnr="150817"),
        ])
        device = Device(hmsnr=HMSNR, serial=SERIAL, iso_category=iso, created_date=created)
        s.add(device)
        s.flush()
        s.add(Loan(device_id=device.id, municipality="0301"))
        s.commit()


def draft(*lines: DraftLine, key: str = "", **kw) -> OrderDraft:
    base = dict(hmsnr=HMSNR, serial=SERIAL, orderer="T100001", orderer_hms_unit="4703",
                delivery="kommunelager", lines=list(lines) or [DraftLine("150817", quantity=2)],
                request_key=key)
    base.update(kw)
    return OrderDraft(**base)


def battery(quantity: int = 1) -> DraftLine:
    return DraftLine("304570", quantity=quantity)


def refused_codes(service: OrderService, d: OrderDraft) -> list[str]:
    with pytest.raises(OrderRefused) as info:
        service.create(d)
    assert info.value.code == "BESTILLING_AVVIST"
    return [v.code for v in info.value.violations]


# --- parts for a device ----------------------------------------------------

def test_parts_for_device_union_of_series_product_and_hand_list(db):
    seed(db)
    with db.session() as s:
        parts = parts_for_device(s, HMSNR, "12230301")
    by = {p.hmsnr: p for p in parts}
    assert set(by) == {"304570", "150817", "157312", "168802"}      # 999001 not for municipal technicians
    assert by["304570"].sources == ("serie",)
    assert by["150817"].sources == ("produkt", "deleliste")          # deduplicated
    assert by["157312"].sources == ("produkt",)                      # product matched by HMS-nr
    assert by["168802"].sources == ("deleliste",)
    assert [p.hmsnr for p in parts] == ["168802", "304570", "150817", "157312"]   # Annet, Batteri, Dekk, Hjul


def test_parts_for_device_quantities_follow_nav(db):
    seed(db)
    with db.session() as s:
        ers = {p.hmsnr: p for p in parts_for_device(s, HMSNR, "12230301")}
        lift = {p.hmsnr: p for p in parts_for_device(s, HMSNR, "12360401")}
        product_iso = {p.hmsnr: p for p in parts_for_device(s, HMSNR, None)}
    battery_part = ers["304570"]
    assert battery_part.category == "Batteri" and battery_part.is_battery   # first word, not the stored "Annet"
    assert (battery_part.default_qty, battery_part.max_qty) == (2, 2)      # ERS: max 2
    assert (lift["304570"].default_qty, lift["304570"].max_qty) == (1, 1)  # person lift: max 1
    assert product_iso["304570"].max_qty == 2                              # ISO taken from the product
    # in the catalogue and on the hand-kept list: the catalogue's values win (NAV's precedence)
    assert (ers["150817"].default_qty, ers["150817"].max_qty) == (2, 4)
    assert ers["168802"].max_qty == 8                                      # the list's 8 stands (NAV)
    assert (ers["168802"].category, ers["168802"].default_qty) == ("Annet", 1)


def test_hand_list_without_product_row_and_unknown_product(db):
    seed(db)
    with db.session() as s:
        s.add(ProductPart(product_hmsnr="097765", part_hmsnr="168802"))
        s.commit()
        assert [p.hmsnr for p in parts_for_device(s, "097765", None)] == ["168802"]
        assert parts_for_device(s, "000000", None) == []


def test_group_and_search(db):
    seed(db)
    with db.session() as s:
        parts = parts_for_device(s, HMSNR, "12230301")
    groups = group_by_category(parts)
    assert list(groups) == ["Annet", "Batteri", "Dekk", "Hjul"]
    assert [p.hmsnr for p in groups["Dekk"]] == ["150817"]
    assert [p.hmsnr for p in search_parts(parts, "SCHWALBE")] == ["150817"]
    assert [p.hmsnr for p in search_parts(parts, "spp500")] == ["304570"]      # supplier ref
    assert [p.hmsnr for p in search_parts(parts, "1573")] == ["157312"]        # HMS-nr
    assert [p.hmsnr for p in search_parts(parts, "hjul bak")] == ["157312"]    # every word
    assert search_parts(parts, "  ") == parts
    assert search_parts(parts, "finnes ikke") == []


def load_real_catalogue(db) -> None:
    with db.session() as s:
        with open(CATALOG / "parts.csv", encoding="utf-8") as f:
            s.add_all(Part(hmsnr=r["hmsnr"], name=r["navn"], supplier_ref=r["lev_art_nr"], category=r["kategori"],
                           default_qty=int(r["default_antall"]), max_qty=int(r["maks_antall"]),
                           is_spare_part=r["er_reservedel"] == "true", is_accessory=r["er_tilbehor"] == "true",
                           image=r["bilde"]) for r in csv.DictReader(f))
        with open(CATALOG / "products.csv", encoding="utf-8") as f:
            s.add_all(Product(hmsnr=r["hmsnr"], name=r["navn"], has_parts_list=r["har_deleliste"] == "true")
                      for r in csv.DictReader(f))
        s.flush()
        with open(CATALOG / "product_parts.csv", encoding="utf-8") as f:
            s.add_all(ProductPart(product_hmsnr=r["product_hmsnr"], part_hmsnr=r["part_hmsnr"])
                      for r in csv.DictReader(f))
        s.commit()


def test_parts_lookup_is_two_queries_on_the_real_catalogue(db):
    load_real_catalogue(db)
    statements: list[str] = []

    def count(conn, cursor, statement, *args):
        statements.append(statement)

    with db.session() as s:
        busiest = s.execute(select(ProductPart.product_hmsnr, func.count()).group_by(ProductPart.product_hmsnr)
                            .order_by(func.count().desc()).limit(1)).one()
        event.listen(db.engine, "before_cursor_execute", count)
        try:
            parts = parts_for_device(s, busiest[0], None)
        finally:
            event.remove(db.engine, "before_cursor_execute", count)
    assert len(parts) == busiest[1] > 10
    assert len(statements) <= 2
    batteries = [p for p in parts if p.category == "Batteri"]
    assert all(1 <= p.default_qty <= p.max_qty <= 8 for p in parts)
    assert all(p.max_qty <= 2 for p in batteries)


# --- create and refuse --------------------------------------------------------

def test_create_order(db):
    seed(db)
    service = OrderService(db, clock=Clock(T0))
    result = service.create(draft(DraftLine("150817", quantity=2), battery(2),
                                  DraftLine(None, "1503-1003", "Bremse venstre side", 1, unknown_part=True),
                                  battery_training_confirmed=True, key="k-1"))
    order = result.order
    assert result.created
    assert re.fullmatch(r"D-2026-\d{6}", order.number)
    assert order.status == "INNSENDT" and order.status_text == "Innsendt"
    assert order.has_battery
    assert (order.municipality, order.hms_unit) == ("0301", "4703")
    assert [(ln.part_hmsnr, ln.category, ln.quantity, ln.unknown_part) for ln in order.lines] == [
        ("150817", "Dekk", 2, False), ("304570", "Batteri", 2, False), (None, "Bremse", 1, True)]
    assert order.lines[0].supplier_ref == "1000038"
    assert order.lines[0].description.startswith("Dekk Schwalbe")
    assert [(h.status, h.by, h.at) for h in order.history] == [("INNSENDT", "T100001", T0)]
    assert service.get(order.number) == order
    with db.session() as s:
        entry = s.scalars(select(AuditEntry).where(AuditEntry.object_id == order.number)).one()
        assert (entry.action, entry.actor, entry.object_type) == ("created", "T100001", "parts_order")


def test_order_numbers_are_unique(db):
    seed(db)
    service = OrderService(db, clock=Clock(T0))
    numbers = {service.create(draft(key=f"k-{i}")).order.number for i in range(3)}
    assert len(numbers) == 3


def test_refusal_carries_every_violation_and_stores_nothing(db):
    seed(db)
    service = OrderService(db, clock=Clock(T0))
    codes = refused_codes(service, draft(battery(3), DraftLine("999001"), delivery="hjem"))
    assert codes == ["UGYLDIG_LEVERING", "DEL_PASSER_IKKE", "FOR_MANGE", "BATTERI_OPPLÆRING_MANGLER"]
    assert refused_codes(service, draft(lines=[])) == ["INGEN_DELER"]
    assert service.list_for_device(HMSNR, SERIAL) == []


def test_validate_matches_create(db):
    seed(db)
    service = OrderService(db, clock=Clock(T0))
    assert service.validate(draft()) == []
    assert [v.code for v in service.validate(draft(battery()))] == ["BATTERI_OPPLÆRING_MANGLER"]


def test_no_loan_and_other_hms_unit(db):
    seed(db)
    service = OrderService(db, clock=Clock(T0))
    with pytest.raises(OrderRefused) as info:
        service.create(draft(serial="654321"))
    assert [v.code for v in info.value.violations] == ["INGET_UTLÅN"]
    assert info.value.message == "Vi finner dessverre ikke et utlån på dette art.nr og serienr."
    assert refused_codes(service, draft(orderer_hms_unit="4712")) == ["ULIK_GEOGRAFISK_TILKNYTNING"]
    d = info.value.to_dict()
    assert d["code"] == "BESTILLING_AVVIST" and d["violations"][0]["code"] == "INGET_UTLÅN"


def test_invalid_identity(db):
    seed(db)
    service = OrderService(db, clock=Clock(T0))
    assert refused_codes(service, draft(hmsnr="25046", serial="12345x")) == ["UGYLDIG_HMSNR", "UGYLDIG_SERIENR"]


def test_battery_under_warranty_refused(db):
    seed(db, created=dt.date(2024, 1, 10))          # ERS: warranty to 2027-01-10
    service = OrderService(db, clock=Clock(T0))
    assert refused_codes(service, draft(battery(), battery_training_confirmed=True)) == ["GARANTI"]
    assert service.create(draft(DraftLine("157312", quantity=2))).created     # other parts are fine


def test_battery_again_only_after_365_days(db):
    seed(db)
    clock = Clock(T0)
    service = OrderService(db, clock=clock)
    first = service.create(draft(battery(), battery_training_confirmed=True, key="b1")).order
    assert service.last_battery_order(HMSNR, SERIAL) == T0
    clock.now = T0 + dt.timedelta(days=364)
    assert refused_codes(service, draft(battery(), battery_training_confirmed=True)) == ["BATTERI_BESTILT_SISTE_ÅR"]
    # another technician is blocked too: the rule is per device
    assert refused_codes(service, draft(battery(), battery_training_confirmed=True, orderer="T200002")) \
        == ["BATTERI_BESTILT_SISTE_ÅR"]
    clock.now = T0 + dt.timedelta(days=365)
    second = service.create(draft(battery(), battery_training_confirmed=True, key="b2")).order
    assert second.number != first.number
    assert service.last_battery_order(HMSNR, SERIAL) == clock.now


def test_annulled_battery_order_does_not_block(db):
    seed(db)
    clock = Clock(T0)
    service = OrderService(db, clock=clock)
    first = service.create(draft(battery(), battery_training_confirmed=True)).order
    service.change_status(first.number, OrderStatus.ANNULLERT, "T100001")
    assert service.last_battery_order(HMSNR, SERIAL) is None
    clock.now = T0 + dt.timedelta(days=1)
    assert service.create(draft(battery(), battery_training_confirmed=True)).created


def test_five_orders_per_orderer_and_device_in_24_hours(db):
    seed(db)
    clock = Clock(T0)
    service = OrderService(db, clock=clock)
    for i in range(5):
        clock.now = T0 + dt.timedelta(minutes=i)
        service.create(draft(key=f"r{i}"))
    clock.now = T0 + dt.timedelta(minutes=10)
    assert refused_codes(service, draft(key="r5")) == ["FOR_MANGE_BESTILLINGER_SISTE_24_TIMER"]
    assert service.create(draft(key="other", orderer="T200002")).created     # per orderer
    clock.now = T0 + dt.timedelta(hours=24)                                  # the first is exactly 24 h old
    assert service.create(draft(key="r6")).created
    assert len(service.list_for_device(HMSNR, SERIAL)) == 7


def test_same_request_key_is_the_same_order(db):
    seed(db)
    service = OrderService(db, clock=Clock(T0))
    first = service.create(draft(key="double-click"))
    again = service.create(draft(key="double-click"))
    assert first.created and not again.created
    assert again.order == first.order
    assert len(service.list_for_device(HMSNR, SERIAL)) == 1


# --- status ------------------------------------------------------------------

def test_status_moves_forward_only(db):
    seed(db)
    clock = Clock(T0)
    service = OrderService(db, clock=clock)
    number = service.create(draft()).order.number
    clock.now = T0 + dt.timedelta(hours=1)
    order = service.change_status(number, OrderStatus.REGISTRERT, "oebs")
    assert order.status == "REGISTRERT"
    order = service.change_status(number, "DELVIS_SKIPNINGSBEKREFTET", "oebs")   # skipping ahead is forward
    with pytest.raises(HmsError) as info:
        service.change_status(number, OrderStatus.INNSENDT, "T100001")
    assert info.value.code == "UGYLDIG_STATUSENDRING"
    assert "Delvis skipningsbekreftet" in info.value.message and "Innsendt" in info.value.message
    service.change_status(number, OrderStatus.SKIPNINGSBEKREFTET, "oebs")
    service.change_status(number, OrderStatus.LUKKET, "oebs")
    with pytest.raises(HmsError):
        service.change_status(number, OrderStatus.ANNULLERT, "T100001")           # closed stays closed
    history = service.get(number).history
    assert [h.status for h in history] == ["INNSENDT", "REGISTRERT", "DELVIS_SKIPNINGSBEKREFTET",
                                           "SKIPNINGSBEKREFTET", "LUKKET"]
    assert history[1].at == T0 + dt.timedelta(hours=1) and history[1].by == "oebs"


def test_annulled_order_cannot_be_reopened_and_unknown_status(db):
    seed(db)
    service = OrderService(db, clock=Clock(T0))
    number = service.create(draft()).order.number
    service.change_status(number, OrderStatus.ANNULLERT, "T100001")
    with pytest.raises(HmsError):
        service.change_status(number, OrderStatus.REGISTRERT, "oebs")
    with pytest.raises(HmsError) as info:
        service.change_status(number, "SENDT", "oebs")
    assert info.value.code == "UKJENT_STATUS"
    with pytest.raises(NotFound):
        service.change_status("D-2026-999999", OrderStatus.REGISTRERT, "oebs")
    with pytest.raises(NotFound):
        service.get("D-2026-999999")


# --- export ------------------------------------------------------------------

def test_export_has_order_device_lines_history_and_no_personal_data(db):
    seed(db)
    service = OrderService(db, clock=Clock(T0))
    order = service.create(draft(DraftLine("157312", quantity=2), case_id=None)).order
    service.change_status(order.number, OrderStatus.REGISTRERT, "oebs")
    exported = to_export_dict(service.get(order.number))
    assert exported["bestillingsnummer"] == order.number
    assert exported["hjelpemiddel"] == {"hmsnr": HMSNR, "serienr": SERIAL}
    assert (exported["kommune"], exported["hms_enhet"], exported["hms_enhet_navn"]) == ("0301", "4703", "Oslo")
    assert exported["linjer"] == [{"hmsnr": "157312", "lev_art_nr": "", "beskrivelse": "Hjul bak",
                                   "kategori": "Hjul", "antall": 2, "ukjent_del": False,
                                   "status": None, "status_tekst": "Mottatt hos NAV", "skipningsbekreftet": None,
                                   "forventet_levering": None, "forventet_levering_tekst": ""}]
    assert (exported["status_tekst"], exported["levering_tekst"]) == ("Mottatt hos NAV", "Til XK-lager")
    assert exported["forsendelsesinfo"] == "XK-Lager Del bestilt av: T100001"
    assert [h["status"] for h in exported["statushistorikk"]] == ["INNSENDT", "REGISTRERT"]
    flat = repr(exported).lower()
    for personal in ("fnr", "fødselsnummer", "navn_bruker", "adresse", "diagnose"):
        assert personal not in flat
    rows = to_export_rows(service.get(order.number))
    assert len(rows) == 1 and rows[0]["del_hmsnr"] == "157312" and rows[0]["status"] == "REGISTRERT"


# --- concurrency -------------------------------------------------------------

def run_at_once(n: int, make) -> list:
    barrier = threading.Barrier(n)
    results: list = [None] * n

    def work(i: int) -> None:
        barrier.wait()
        try:
            results[i] = make(i)
        except Exception as exc:     # collected and asserted on below
            results[i] = exc

    threads = [threading.Thread(target=work, args=(i,)) for i in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return results


def test_concurrent_orders_for_one_device_hold_the_24_hour_limit(db):
    seed(db)
    service = OrderService(db, clock=Clock(T0))
    results = run_at_once(8, lambda i: service.create(draft(key=f"thread-{i}")))
    made = [r for r in results if not isinstance(r, Exception)]
    refused = [r for r in results if isinstance(r, OrderRefused)]
    assert len(made) == 5 and len(refused) == 3, results
    assert all([v.code for v in r.violations] == ["FOR_MANGE_BESTILLINGER_SISTE_24_TIMER"] for r in refused)
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(PartsOrder)) == 5


def test_concurrent_double_click_makes_one_order(db):
    seed(db)
    service = OrderService(db, clock=Clock(T0))
    results = run_at_once(4, lambda i: service.create(draft(key="same-click")))
    assert not any(isinstance(r, Exception) for r in results), results
    assert len({r.order.number for r in results}) == 1
    assert sum(r.created for r in results) == 1
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(PartsOrder)) == 1
