"""The order being built on screen lives in the core and obeys the same rule code as the order service."""

from __future__ import annotations

import pytest

from hms_desk.parts import rules
from hms_desk.parts.catalog import PartInfo
from hms_desk.parts.draft import OrderDraftBuilder

TYRE = PartInfo("150817", "Dekk 24x1", "1000038", "Dekk", 2, 4, True, False, "", ("serie",))
BATTERY = PartInfo("200001", "Batteri 12V 50Ah", "B-50", "Batteri", 2, 2, True, False, "", ("deleliste",))


def test_the_same_part_twice_is_one_line_capped_at_its_maximum():
    d = OrderDraftBuilder("12230301")
    assert d.add_part(TYRE, 2) == 0
    assert d.add_part(TYRE, 3) == 0
    assert len(d) == 1 and d.rows[0].quantity == 4          # 2 + 3, but at most 4
    assert d.lines()[0].quantity == 4 and not d.lines()[0].unknown_part


def test_quantity_edits_are_checked_by_nav_rules():
    d = OrderDraftBuilder("12230301")
    d.add_part(BATTERY, 1)
    assert d.set_quantity(0, 2) == []
    problems = d.set_quantity(0, 3)                          # batteries: 2 for an electric wheelchair
    assert [p.code for p in problems] == [rules.FOR_MANGE] and problems[0].line == 0
    assert d.rows[0].quantity == 2                           # unchanged
    assert [p.code for p in d.set_quantity(0, 0)] == [rules.UGYLDIG_ANTALL]
    assert d.has_battery


def test_unknown_parts_need_a_number_and_a_description_and_no_personal_data():
    d = OrderDraftBuilder()
    codes = {p.code for p in d.add_unknown("", "", "", 1)}
    assert {rules.UKJENT_DEL_MANGLER_NUMMER, rules.UKJENT_DEL_MANGLER_BESKRIVELSE} <= codes and len(d) == 0
    assert [p.code for p in d.add_unknown("12345", "", "Bremsewire", 1)] == [rules.UGYLDIG_HMSNR]
    assert rules.PERSONOPPLYSNINGER in {p.code for p in d.add_unknown("", "X-1", "Til bruker 01019010046", 1)}
    assert len(d) == 0
    assert d.add_unknown("", "1503-1003", "  Bremsewire   venstre 120 cm ", 1) == []
    assert d.rows[0].part.description == "Bremsewire venstre 120 cm" and d.rows[0].part.unknown_part
    assert [p.code for p in d.add_unknown("", "X", "Hjul foran", rules.UNKNOWN_PART_MAX_QTY + 1)] == [rules.FOR_MANGE]


def test_what_the_draft_checks_is_what_the_order_service_checks():
    d = OrderDraftBuilder("12230301")
    assert [v.code for v in d.check()] == [rules.INGEN_DELER]
    d.add_part(TYRE, 1)
    d.add_unknown("", "X-9", "Pute sete", 1)
    assert d.check() == []
    facts = [rules.LineFacts(quantity=r.quantity, category=r.part.category, name=r.part.description,
                             part_hmsnr=r.part.part_hmsnr, supplier_ref=r.part.supplier_ref,
                             unknown_part=r.part.unknown_part, max_qty=r.part.max_qty) for r in d.rows]
    assert rules.check_quantities(facts, d.iso) == []


def test_a_refusal_lands_beside_its_cause():
    d = OrderDraftBuilder("12230301")
    d.add_part(TYRE, 1)
    d.add_part(BATTERY, 1)
    refusal = d.apply_refusal([
        rules.RuleViolation(rules.DUPLIKAT_DEL, "Linje 1: delen står på flere linjer.", field="part_hmsnr", line=0),
        rules.RuleViolation(rules.GARANTI, "Hjelpemiddelet er under garanti."),
        rules.RuleViolation(rules.BATTERI_OPPLAERING_MANGLER, "Opplæring mangler.", field="battery_training_confirmed"),
        rules.RuleViolation(rules.UGYLDIG_LEVERING, "Ugyldig levering.", field="delivery"),
        rules.RuleViolation(rules.FOR_MANGE_BESTILLINGER, "For mange bestillinger."),
    ])
    assert d.rows[0].notes == ["Delen står på flere linjer."]
    assert d.rows[1].notes == ["Hjelpemiddelet er under garanti."]          # on the battery line
    assert refusal.battery == "Opplæring mangler." and refusal.delivery == "Ugyldig levering."
    assert refusal.general == ("For mange bestillinger.",)
    d.apply_refusal([])
    assert all(not r.notes for r in d.rows)


@pytest.mark.parametrize("text", ["batteri 12V", "BATTERI 24 V", "Batteri, 12V"])
def test_a_described_battery_counts_as_a_battery_whatever_its_spelling(text):
    d = OrderDraftBuilder("12230301")
    assert d.add_unknown("", "B-1", text, 1) == []
    assert d.has_battery, text
