"""NAV's parts-order rules, case by case, at their boundaries."""

from __future__ import annotations

import datetime as dt

import pytest

from hms_desk.domain.errors import INGET_UTLAN_TEXT
from hms_desk.parts import rules
from hms_desk.parts.rules import LineFacts, OrderFacts

NOW = dt.datetime(2026, 5, 20, 12, 0, 0)
TODAY = NOW.date()


def codes(violations: list[rules.RuleViolation]) -> list[str]:
    return [v.code for v in violations]


def line(category: str = "Dekk", quantity: int = 1, max_qty: int | None = 4, **kw) -> LineFacts:
    return LineFacts(quantity=quantity, category=category, name=kw.pop("name", f"{category} test"),
                     part_hmsnr=kw.pop("part_hmsnr", "150817"), max_qty=max_qty, **kw)


def facts(**kw) -> OrderFacts:
    base = dict(hmsnr="250464", serial="123456", orderer="T123456", orderer_hms_unit="4703",
                delivery="kommunelager", lines=(line(),), battery_training_confirmed=False,
                loan_found=True, device_hms_unit="4703", device_created=dt.date(2018, 1, 10),
                iso="12230301", last_battery_order=None, recent_orders=(), municipality="0301")
    base.update(kw)
    return OrderFacts(**base)


# --- category, default and max quantity --------------------------------------

@pytest.mark.parametrize("name, category", [
    ("Batteri 12V 70-73,6 Ah C20 gele", "Batteri"),
    ("Dekk Schwalbe Marathon Plus 24\"x1", "Dekk"),
    ("Svinghjul kompakt 5\"/120mm", "Svinghjul"),
    ("  Drivhjul komplett ", "Drivhjul"),
    ("Batterilader 24V", "Batterilader"),
    ("batteri 12V", "Batteri"),           # one normalising rule: case does not matter
    ("", "Annet"),
])
def test_category_is_first_word_of_name(name, category):
    assert rules.category_from_name(name) == category


@pytest.mark.parametrize("category, expected", [
    ("Dekk", 2), ("Hjul", 2), ("Svinghjul", 2), ("Batteri", 2), ("Drivhjul", 2),
    ("Slange", 1), ("Lader", 1), ("Annet", 1), ("Håndkontroll", 1),
])
def test_default_quantity(category, expected):
    assert rules.default_quantity(category) == expected


@pytest.mark.parametrize("category, iso, catalog_max, expected", [
    ("Batteri", "12360401", None, 1),     # person lift
    ("Batteri", "1236", 8, 1),
    ("Batteri", "12230301", None, 2),     # electric wheelchair
    ("Batteri", "12230301", 8, 2),
    ("Batteri", "12220303", None, 4),     # manual wheelchair: the general max
    ("Batteri", None, None, 4),
    ("Dekk", "12360401", None, 4),        # only batteries depend on the ISO code
    ("Hjul", "12230301", 2, 2),           # a lower cap wins
    ("Hjul", "12230301", 8, 4),           # a higher cap does not raise NAV's max
    ("Hjul", "12230301", 6, 4),
    ("Batteri", "12230301", 1, 1),
    ("Annet", "", 0, 4),                  # nonsense catalogue value is ignored
])
def test_max_quantity(category, iso, catalog_max, expected):
    assert rules.max_quantity(category, iso, catalog_max) == expected


# --- lines and quantities --------------------------------------------------

def test_order_needs_at_least_one_line():
    v = rules.check_has_lines([])
    assert codes(v) == ["INGEN_DELER"]
    assert v[0].message_nb == "Delbestillingen må inneholde minst én dellinje"     # NAV's words
    assert rules.check_has_lines([line()]) == []


def test_quantity_must_be_at_least_one():
    assert codes(rules.check_quantities([line(quantity=0)], "12230301")) == ["UGYLDIG_ANTALL"]
    assert codes(rules.check_quantities([line(quantity=-3)], "12230301")) == ["UGYLDIG_ANTALL"]
    assert rules.check_quantities([line(quantity=1)], "12230301") == []


def test_quantity_up_to_max_and_not_above():
    assert rules.check_quantities([line(quantity=4, max_qty=4)], None) == []
    v = rules.check_quantities([line(quantity=1), line(quantity=5, max_qty=4)], None)
    assert codes(v) == ["FOR_MANGE"]
    assert v[0].line == 1
    assert "høyst 4" in v[0].message_nb


def test_battery_max_one_for_person_lift_and_two_for_electric_wheelchair():
    lift_max = rules.max_quantity("Batteri", "12360401")
    assert rules.check_quantities([line("Batteri", quantity=1, max_qty=lift_max)], "12360401") == []
    assert codes(rules.check_quantities([line("Batteri", quantity=2, max_qty=lift_max)], "12360401")) \
        == ["FOR_MANGE"]
    ers_max = rules.max_quantity("Batteri", "12230301")
    assert rules.check_quantities([line("Batteri", quantity=2, max_qty=ers_max)], "12230301") == []
    assert codes(rules.check_quantities([line("Batteri", quantity=3, max_qty=ers_max)], "12230301")) \
        == ["FOR_MANGE"]


def test_unknown_part_max_four_and_battery_limit_applies():
    unknown = dict(max_qty=None, unknown_part=True, part_hmsnr=None, supplier_ref="X-1")
    assert rules.check_quantities([line("Bremse", quantity=4, **unknown)], None) == []
    assert codes(rules.check_quantities([line("Bremse", quantity=5, **unknown)], None)) == ["FOR_MANGE"]
    assert codes(rules.check_quantities([line("Batteri", quantity=2, **unknown)], "12360401")) == ["FOR_MANGE"]


def test_unknown_part_needs_number_or_supplier_ref_and_description():
    ok_ref = line("Bremse", max_qty=None, unknown_part=True, part_hmsnr=None, supplier_ref="1503-1003")
    ok_hms = line("Bremse", max_qty=None, unknown_part=True, part_hmsnr="291358", supplier_ref="")
    assert rules.check_unknown_part(0, ok_ref) == []
    assert rules.check_unknown_part(0, ok_hms) == []

    none = line("Bremse", max_qty=None, unknown_part=True, part_hmsnr=None, supplier_ref=" ")
    assert codes(rules.check_unknown_part(2, none)) == ["UKJENT_DEL_MANGLER_NUMMER"]
    assert rules.check_unknown_part(2, none)[0].line == 2

    bad = line("Bremse", max_qty=None, unknown_part=True, part_hmsnr="29135", supplier_ref="")
    v = rules.check_unknown_part(0, bad)
    assert codes(v) == ["UGYLDIG_HMSNR"] and "Hmsnr må ha 6 siffer" in v[0].message_nb
    assert "skal kun bestå av tall" not in v[0].message_nb

    nameless = LineFacts(quantity=1, category="Annet", name=" ", supplier_ref="X-1", unknown_part=True)
    assert codes(rules.check_unknown_part(0, nameless)) == ["UKJENT_DEL_MANGLER_BESKRIVELSE"]


def test_catalogue_line_must_be_in_device_list_and_once():
    not_in_list = line(max_qty=None, part_hmsnr="777777")
    assert codes(rules.check_lines_in_catalogue([not_in_list])) == ["DEL_PASSER_IKKE"]
    dup = rules.check_lines_in_catalogue([line(part_hmsnr="150817"), line(part_hmsnr="150817")])
    assert codes(dup) == ["DUPLIKAT_DEL"] and dup[0].line == 1
    assert rules.check_lines_in_catalogue([line(part_hmsnr="150817"), line(part_hmsnr="157312")]) == []


# --- battery rules -----------------------------------------------------------

def test_battery_needs_training_confirmation():
    v = rules.check_battery_training(True, False)
    assert codes(v) == ["BATTERI_OPPLÆRING_MANGLER"]
    assert v[0].message_nb == "Tekniker må bekrefte opplæring i bytting av batteriene"
    assert rules.check_battery_training(True, True) == []
    assert rules.check_battery_training(False, False) == []


def test_battery_ordered_within_365_days_is_refused_at_the_boundary():
    day_364 = TODAY - dt.timedelta(days=364)
    day_365 = TODAY - dt.timedelta(days=365)
    v = rules.check_battery_recently_ordered(True, day_364, TODAY)
    assert codes(v) == ["BATTERI_BESTILT_SISTE_ÅR"]
    assert "364 dager" in v[0].message_nb
    assert rules.check_battery_recently_ordered(True, day_365, TODAY) == []
    assert rules.check_battery_recently_ordered(True, TODAY, TODAY) != []
    assert rules.check_battery_recently_ordered(True, None, TODAY) == []
    assert rules.check_battery_recently_ordered(False, day_364, TODAY) == []


def test_battery_refused_under_warranty_until_the_end_day():
    created = dt.date(2023, 3, 1)
    # electric wheelchair: 3 years → ends 2026-03-01
    assert codes(rules.check_battery_warranty(True, created, "12230301", dt.date(2026, 2, 28))) == ["GARANTI"]
    assert rules.check_battery_warranty(True, created, "12230301", dt.date(2026, 3, 1)) == []
    # anything else: 2 years → ends 2025-03-01
    assert codes(rules.check_battery_warranty(True, created, "12360401", dt.date(2025, 2, 28))) == ["GARANTI"]
    assert rules.check_battery_warranty(True, created, "12360401", dt.date(2025, 3, 1)) == []
    # no battery, or no created date: no warranty block
    assert rules.check_battery_warranty(False, created, "12230301", dt.date(2024, 1, 1)) == []
    assert rules.check_battery_warranty(True, None, "12230301", dt.date(2024, 1, 1)) == []


def test_warranty_message_names_years_and_end():
    v = rules.check_battery_warranty(True, dt.date(2024, 6, 1), "12230301", dt.date(2025, 1, 1))
    assert "3 år" in v[0].message_nb and "01.06.2027" in v[0].message_nb


# --- orders per 24 hours, loan, geography ----------------------------------

def test_five_orders_in_24_hours_then_refused():
    four = [NOW - dt.timedelta(hours=h) for h in (1, 2, 3, 23)]
    assert rules.check_order_rate(four, NOW) == []
    five = four + [NOW - dt.timedelta(hours=23, minutes=59, seconds=59)]
    v = rules.check_order_rate(five, NOW)
    assert codes(v) == ["FOR_MANGE_BESTILLINGER_SISTE_24_TIMER"]
    assert "5 bestillinger" in v[0].message_nb


def test_order_exactly_24_hours_old_no_longer_counts():
    four = [NOW - dt.timedelta(hours=h) for h in (1, 2, 3, 4)]
    assert rules.check_order_rate(four + [NOW - dt.timedelta(hours=24)], NOW) == []
    assert rules.orders_in_last_24h(four + [NOW - dt.timedelta(hours=24)], NOW) == 4


def test_no_loan_gives_navs_text():
    v = rules.check_loan(False)
    assert codes(v) == ["INGET_UTLÅN"]
    assert v[0].message_nb == INGET_UTLAN_TEXT == "Vi finner dessverre ikke et utlån på dette art.nr og serienr."
    assert rules.check_loan(True) == []


def test_geography_orderer_unit_must_match_the_loans_unit():
    assert rules.check_geography("4703", "4703") == []
    v = rules.check_geography("4712", "4703")
    assert codes(v) == ["ULIK_GEOGRAFISK_TILKNYTNING"]
    assert "4703 Oslo" in v[0].message_nb and "4712 Bergen" in v[0].message_nb
    assert codes(rules.check_geography("4703", None)) == ["ULIK_GEOGRAFISK_TILKNYTNING"]


def test_identity_uses_navs_validation_texts():
    v = rules.check_identity("12345", "12a456")
    assert [(x.code, x.message_nb, x.field) for x in v] == [
        ("UGYLDIG_HMSNR", "Hmsnr må ha 6 siffer", "hmsnr"),
        ("UGYLDIG_SERIENR", "Serienr skal kun bestå av tall", "serienr"),
    ]
    assert rules.check_identity("250464", "123456") == []


def test_orderer_and_delivery():
    assert codes(rules.check_orderer("", "4799")) == ["MANGLER_BESTILLER", "UGYLDIG_HMS_ENHET"]
    assert rules.check_orderer("T1", "4720") == []
    assert codes(rules.check_delivery("hjem")) == ["UGYLDIG_LEVERING"]
    assert rules.check_delivery("servicejobb") == []


# --- all rules together ------------------------------------------------------

def test_evaluate_accepts_a_valid_order():
    assert rules.evaluate(facts(), NOW, TODAY) == []


def test_evaluate_collects_every_violation():
    battery = line("Batteri", quantity=3, max_qty=2, part_hmsnr="304570")
    v = rules.evaluate(facts(
        lines=(battery,), orderer_hms_unit="4712", device_created=TODAY - dt.timedelta(days=100),
        last_battery_order=TODAY - dt.timedelta(days=10),
        recent_orders=tuple(NOW - dt.timedelta(hours=h) for h in range(5))), NOW, TODAY)
    assert set(codes(v)) == {"FOR_MANGE", "BATTERI_OPPLÆRING_MANGLER", "ULIK_GEOGRAFISK_TILKNYTNING",
                             "GARANTI", "BATTERI_BESTILT_SISTE_ÅR", "FOR_MANGE_BESTILLINGER_SISTE_24_TIMER"}


def test_evaluate_stops_device_checks_when_no_loan_or_bad_identity():
    assert codes(rules.evaluate(facts(loan_found=False, device_hms_unit=None), NOW, TODAY)) == ["INGET_UTLÅN"]
    v = rules.evaluate(facts(hmsnr="25046", lines=(line(max_qty=None),), loan_found=False), NOW, TODAY)
    assert codes(v) == ["UGYLDIG_HMSNR"]


def test_battery_flag_comes_from_category():
    assert facts(lines=(line("Batteri"),)).has_battery
    assert not facts(lines=(line("Lader", name="Batterilader"),)).has_battery


def test_unknown_part_text_with_a_national_id_is_refused():
    from hms_desk.parts.rules import PERSONOPPLYSNINGER, LineFacts, check_unknown_part

    line = LineFacts(quantity=1, category="Annet", name="Bremsewire til bruker 01010012356",
                     part_hmsnr=None, supplier_ref="SPP-1", unknown_part=True)
    codes = [v.code for v in check_unknown_part(0, line)]
    assert PERSONOPPLYSNINGER in codes
    ok = LineFacts(quantity=1, category="Annet", name="Bremsewire venstre 120 cm",
                   part_hmsnr=None, supplier_ref="SPP-1", unknown_part=True)
    assert check_unknown_part(0, ok) == []
