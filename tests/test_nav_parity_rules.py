"""NAV's own rules, ported fact by fact from NAV's parts service and its screen.

Each ``# NAV:`` comment names the file (and test, where NAV has one) the
fact comes from: ``api`` = navikt/hm-delbestilling-api (src/main/kotlin/…,
src/test/kotlin/… under no/nav/hjelpemidler/delbestilling), ``web`` =
navikt/hm-delbestilling (client/src/…).  Where we deliberately differ, the
test says "deliberate" and asserts our behaviour.  Pure functions only: no
database, no clock.
"""

from __future__ import annotations

import datetime as dt

import pytest

from hms_desk.domain import categories, nav
from hms_desk.domain.nav import OrderStatus
from hms_desk.domain.validation import InvalidIdentity, reasons, require_identity, validation_errors
from hms_desk.parts import rules
from hms_desk.parts.rules import LineFacts, OrderFacts

TODAY = dt.date(2026, 5, 20)
NOW = dt.datetime(2026, 5, 20, 12, 0)


def facts(**kw) -> OrderFacts:
    base = dict(hmsnr="250464", serial="123456", orderer="T100001", orderer_hms_unit="4703",
                delivery="servicejobb", lines=(LineFacts(1, "Dekk", "Dekk 24", "150817", max_qty=4),),
                battery_training_confirmed=True, loan_found=True, device_hms_unit="4703",
                device_created=dt.date(2018, 1, 10), iso="12230301", municipality="0301")
    base.update(kw)
    return OrderFacts(**base)


def codes(violations) -> list[str]:
    return [v.code for v in violations]


# --- validation: every reason, in NAV's words ----------------------------------

@pytest.mark.parametrize("value, expected", [
    # NAV: api delbestilling/Validation.kt validateHmsnr — an empty field only fails the length check
    ("", ["Hmsnr må ha 6 siffer"]),
    # NAV: api Validation.kt validateHmsnr — too short, all digits
    ("25046", ["Hmsnr må ha 6 siffer"]),
    # NAV: api Validation.kt validateHmsnr — six characters, not all digits
    ("25O464", ["Hmsnr skal kun bestå av tall"]),
    # NAV: api Validation.kt validateHmsnr — both reasons, length first
    ("12a45", ["Hmsnr må ha 6 siffer", "Hmsnr skal kun bestå av tall"]),
    ("250464", []),
])
def test_hmsnr_reasons_in_navs_words(value, expected):
    assert reasons(value, "Hmsnr") == expected


def test_serienr_reasons_in_navs_words():
    # NAV: api Validation.kt validateSerienr — the same two reasons for the serial number
    assert reasons("", "Serienr") == ["Serienr må ha 6 siffer"]
    assert reasons("12x", "Serienr") == ["Serienr må ha 6 siffer", "Serienr skal kun bestå av tall"]


def test_lookup_validation_lists_every_reason_of_both_fields():
    # NAV: api Validation.kt validateOppslagRequest — hmsnr's reasons, then serienr's, all of them
    errors = validation_errors("12a45", "")
    assert [(e.field, e.message) for e in errors] == [
        ("hmsnr", "Hmsnr må ha 6 siffer"), ("hmsnr", "Hmsnr skal kun bestå av tall"),
        ("serienr", "Serienr må ha 6 siffer")]
    with pytest.raises(InvalidIdentity) as info:
        require_identity("12a45", "")
    assert [v["message"] for v in info.value.to_dict()["violations"]] == [e.message for e in errors]


def test_one_field_carries_all_its_reasons():
    # NAV: api Validation.kt requireHmsnr/validateHmsnr — both reasons of one field (parts CLI, importers)
    from hms_desk.domain.validation import InvalidNumber, validate_hmsnr

    with pytest.raises(InvalidNumber) as info:
        validate_hmsnr("12a45")
    assert info.value.message == "Hmsnr må ha 6 siffer; Hmsnr skal kun bestå av tall"
    assert [v["message"] for v in info.value.to_dict()["violations"]] == info.value.reasons


def test_deliberate_surrounding_spaces_are_trimmed():
    # deliberate: NAV checks the raw text (" 250464" would fail twice there); a pasted number keeps its space
    assert reasons(" 250464 ", "Hmsnr") == []


def test_order_identity_violations_one_per_reason():
    # NAV: api Validation.kt validateDelbestillingRequest — every hmsnr and serienr reason is returned
    v = rules.check_identity("", "12a45")
    assert [(x.code, x.message_nb) for x in v] == [
        ("UGYLDIG_HMSNR", "Hmsnr må ha 6 siffer"),
        ("UGYLDIG_SERIENR", "Serienr må ha 6 siffer"),
        ("UGYLDIG_SERIENR", "Serienr skal kun bestå av tall")]


def test_order_without_lines_in_navs_words():
    # NAV: api ValidationTest "skal returnere feilmelding når delbestilling mangler deler"
    v = rules.evaluate(facts(lines=()), NOW, TODAY)
    assert [x.message_nb for x in v] == ["Delbestillingen må inneholde minst én dellinje"]


def test_battery_training_in_navs_words():
    # NAV: api ValidationTest "skal returnere feilmelding når bestiller mangler opplæring på batteri"
    battery = (LineFacts(1, "Batteri", "Batteri 80A", "022005", max_qty=2),)
    assert rules.evaluate(facts(lines=battery, battery_training_confirmed=True), NOW, TODAY) == []
    v = rules.evaluate(facts(lines=battery, battery_training_confirmed=False), NOW, TODAY)
    assert [x.message_nb for x in v] == ["Tekniker må bekrefte opplæring i bytting av batteriene"]


def test_quantity_below_one_in_navs_words():
    # NAV: api Validation.kt validateDeler — "Kan ikke ha antall < 1. Fant antall=… for hmsnr …"
    v = rules.check_quantities([LineFacts(0, "Dekk", "Dekk", "111111", max_qty=2)], None)
    assert [x.message_nb for x in v] == ["Kan ikke ha antall < 1. Fant antall=0 for hmsnr 111111"]


# --- categories, default and maximum quantities ------------------------------

@pytest.mark.parametrize("name, category", [
    # NAV: api oppslag/FinnDelerTilHjelpemiddel.kt — kategori = artikkelnavn.split(" ").first()
    ("Hjul mrs Netti V Svinghjul m/gaffel 7\"", "Hjul"),
    ("Pute sete mrs Netti V/III/HD Netti Uno sb45x50 3D", "Pute"),
    ("Batteri 85 Ah", "Batteri"),
    ("Batterilader 10Ah", "Batterilader"),
])
def test_category_is_the_first_word(name, category):
    assert categories.category_of(name) == category


@pytest.mark.parametrize("category, default", [
    # NAV: api oppslag/legacy/Kategori.kt defaultAntall
    ("Dekk", 2), ("Hjul", 2), ("Svinghjul", 2), ("Batteri", 2), ("Drivhjul", 2),
    ("Lader", 1), ("Annet", 1), ("Pute", 1),
])
def test_default_quantity_by_category(category, default):
    assert categories.default_quantity(category) == default


@pytest.mark.parametrize("category, iso, maximum", [
    # NAV: api oppslag/legacy/Kategori.kt maksAntall / maksAntallBatteri
    ("Batteri", "123603", 1),        # person lift (Testdata.isoPersonløfter)
    ("Batteri", "122303", 2),        # electric wheelchair (Testdata.isoERS)
    ("Batteri", "122203", 4),
    ("Dekk", "123603", 4),
    ("Hjul", "122303", 4),
])
def test_catalogue_maximum_by_category_and_iso(category, iso, maximum):
    assert categories.nav_max_quantity(category, iso) == maximum


def test_hand_kept_list_maximum_stands_including_eight():
    # NAV: api oppslag/legacy/data/Deler.kt TODO_BESTEM_MAX_ANTALL = 8, and web containers/Utsjekk.tsx
    # offers 1..maksAntall: a list part with maximum 8 can be ordered 8 times, not 9
    assert rules.list_max_quantity(8) == 8 and rules.list_max_quantity(1) == 1
    line8 = LineFacts(8, "Annet", "Gripekloss seng", "149965", max_qty=rules.list_max_quantity(8))
    assert rules.check_quantities([line8], None) == []
    line9 = LineFacts(9, "Annet", "Gripekloss seng", "149965", max_qty=rules.list_max_quantity(8))
    assert codes(rules.check_quantities([line9], None)) == ["FOR_MANGE"]


@pytest.mark.parametrize("text", ["Batteri 12V", "batteri 12V", "BATTERI 12 V", "  batteri,12V", "Batteri-12V"])
def test_battery_whatever_the_case_spacing_or_punctuation(text):
    # NAV: web components/LeggTilDel.tsx — erBatteri = del.kategori.toLowerCase() === 'batteri'
    # (the screen blocks a lower-case "batteri" under warranty); one rule here, everywhere
    assert categories.is_battery(text)
    assert facts(lines=(LineFacts(1, rules.category_from_name(text), text, None, supplier_ref="X",
                                  unknown_part=True),)).has_battery


def test_a_charger_is_not_a_battery():
    # NAV: api common/Delbestilling.kt Del.erBatteri — kategori == "Batteri", the whole word
    assert not categories.is_battery("Batterilader 24V") and not categories.is_battery("Lader")


# --- warranty --------------------------------------------------------------------

def test_ers_older_than_three_years_is_not_under_warranty():
    # NAV: api GarantiTest "skal IKKE være dekket av garanti når ERS er mer enn 3 år gammel"
    created = TODAY.replace(year=TODAY.year - 5)
    assert nav.warranty_years("122303") == 3 and not nav.under_warranty(created, "122303", TODAY)


def test_ers_younger_than_three_years_is_under_warranty():
    # NAV: api GarantiTest "skal være dekket av garanti når ERS er mindre enn 3 år gammel"
    created = TODAY.replace(year=TODAY.year - 1)
    assert nav.warranty_years("122303") == 3 and nav.under_warranty(created, "122303", TODAY)


def test_other_devices_have_two_years():
    # NAV: api GarantiTest "skal beregne 2 års garanti for hjelpemiddel som ikke er ERS"
    created = TODAY.replace(year=TODAY.year - 1)
    assert nav.warranty_years("123603") == 2 and nav.under_warranty(created, "123603", TODAY)
    assert not nav.under_warranty(TODAY.replace(year=TODAY.year - 2), "123603", TODAY)


def test_no_created_date_no_warranty_block():
    # NAV: api GarantiTest "skal ikke berike hjelpemiddel hvis utlån mangler opprettetDato"
    assert not nav.under_warranty(None, "122303", TODAY)
    battery = (LineFacts(1, "Batteri", "Batteri", "022005", max_qty=2),)
    assert rules.evaluate(facts(lines=battery, device_created=None), NOW, TODAY) == []


def test_warranty_ends_on_its_end_day():
    # NAV: api oppslag/Garanti.kt erInnenforGaranti — nå.isBefore(slutt): the end day is outside
    created = dt.date(2023, 3, 1)
    assert nav.under_warranty(created, "122303", dt.date(2026, 2, 28))
    assert not nav.under_warranty(created, "122303", dt.date(2026, 3, 1))


def test_deliberate_warranty_covers_the_created_day():
    # deliberate: NAV's start.isBefore(nå) leaves a device outside its warranty on the day it was
    # created (an off-by-one); here the warranty starts that day
    assert nav.under_warranty(TODAY, "122303", TODAY)


def test_battery_under_warranty_is_refused_with_navs_text():
    # NAV: web LeggTilDel.tsx + translation.json "del.hjelpemiddelErInnenforGarantitid"
    battery = (LineFacts(1, "batteri", "batteri 85 Ah", "328154", max_qty=2),)
    v = rules.evaluate(facts(lines=battery, device_created=TODAY - dt.timedelta(days=30)), NOW, TODAY)
    assert codes(v) == ["GARANTI"]
    assert v[0].message_nb.startswith("Hjelpemiddelet er innenfor garantitid. Det er derfor ikke mulig å "
                                      "bestille nye batterier via denne tjenesten.")


# --- the 365-day battery rule ------------------------------------------------------

def test_battery_ordered_less_than_365_days_ago_is_refused():
    # NAV: web LeggTilDel.tsx — antallDagerSidenSistBatteribestilling < 365 blocks the battery
    v = rules.check_battery_recently_ordered(True, TODAY - dt.timedelta(days=364), TODAY)
    assert codes(v) == ["BATTERI_BESTILT_SISTE_ÅR"]
    assert v[0].message_nb.startswith("Batteriene til dette hjelpemiddelet ble byttet for mindre enn ett år "
                                      "siden, og er innenfor garantitid.")
    assert rules.check_battery_recently_ordered(True, TODAY - dt.timedelta(days=365), TODAY) == []


def test_battery_ordered_today_has_navs_own_text():
    # NAV: web translation.json "del.antallDagerSidenSistBatteribestilling_zero"
    v = rules.check_battery_recently_ordered(True, TODAY, TODAY)
    assert v[0].message_nb.startswith("Det er allerede bestilt batteri til dette hjelpemiddelet i dag.")


# --- orders in 24 hours -------------------------------------------------------------

def test_five_orders_in_24_hours_then_refused():
    # NAV: api DelbestillingService.validerDelbestillingRate — opprettet.isAfter(now - 1 day), >= 5 refused
    five = [NOW - dt.timedelta(hours=h) for h in (1, 2, 3, 4, 23)]
    assert rules.check_order_rate(five[:4], NOW) == []
    assert codes(rules.check_order_rate(five, NOW)) == ["FOR_MANGE_BESTILLINGER_SISTE_24_TIMER"]
    assert rules.check_order_rate(five[:4] + [NOW - dt.timedelta(days=1)], NOW) == []   # strictly after


# --- statuses ---------------------------------------------------------------------

def test_status_order_moves_forward_only():
    # NAV: api common/DelbestillingSak.kt oppdaterStatus — only to a later status
    assert nav.can_move(OrderStatus.INNSENDT, OrderStatus.KLARGJORT)
    assert not nav.can_move(OrderStatus.KLARGJORT, OrderStatus.REGISTRERT)
    assert nav.can_move(OrderStatus.SKIPNINGSBEKREFTET, OrderStatus.ANNULLERT)
    assert not nav.can_move(OrderStatus.LUKKET, OrderStatus.ANNULLERT)


def test_deliberate_cancelled_order_cannot_be_closed():
    # deliberate: in NAV's Status enum ANNULLERT comes before LUKKET, so a cancelled order can still be
    # closed there; here a cancelled order is final
    assert not nav.can_move(OrderStatus.ANNULLERT, OrderStatus.LUKKET)


@pytest.mark.parametrize("status, text", [
    # NAV: web assets/locales/nb/translation.json bestillinger.ordrestatus.*
    ("INNSENDT", "Mottatt hos NAV"), ("REGISTRERT", "Mottatt hos NAV"), ("KLARGJORT", "Mottatt hos NAV"),
    ("LUKKET", "Levert"), ("ANNULLERT", "Annullert"),
])
def test_order_status_plain_texts(status, text):
    assert nav.order_status_plain(status) == text


def test_line_status_texts():
    # NAV: web components/DellinjestatusTag.tsx — SKIPNINGSBEKREFTET "Plukket på lager", else "Klar til plukk"
    assert nav.line_status_plain("DELVIS_SKIPNINGSBEKREFTET", True) == "Plukket på lager"
    assert nav.line_status_plain("DELVIS_SKIPNINGSBEKREFTET", False) == "Klar til plukk"
    # NAV: web BestillingsKort.tsx — before shipping the order's own tag ("Mottatt hos NAV") shows
    assert nav.line_status_plain("KLARGJORT", False) == "Mottatt hos NAV"


def test_expected_delivery_text():
    # NAV: web translation.json "Forventet levering {{dato}}", dato as toLocaleString('no', long month)
    assert nav.expected_delivery_text(dt.date(2023, 10, 2)) == "Forventet levering 2. oktober 2023"


# --- expected delivery: one working day after shipping -----------------------------------

@pytest.mark.parametrize("shipped, expected", [
    # NAV: api DelbestillingStatusServiceTest "skal oppdatere status på dellinjer": Friday → Monday
    (dt.date(2023, 9, 29), dt.date(2023, 10, 2)),
    # NAV: api common/Delbestilling.kt beregnForventetLeveringsdato — 1 working day, Norwegian holidays
    (dt.date(2023, 10, 2), dt.date(2023, 10, 3)),
    (dt.date(2024, 3, 27), dt.date(2024, 4, 2)),     # Maundy Thursday, Good Friday, Easter, Easter Monday
    (dt.date(2025, 5, 28), dt.date(2025, 5, 30)),    # Ascension Day (Thursday)
    (dt.date(2024, 5, 16), dt.date(2024, 5, 21)),    # 17 May (Friday), weekend, Whit Monday
    (dt.date(2025, 4, 30), dt.date(2025, 5, 2)),     # 1 May
    (dt.date(2025, 12, 24), dt.date(2025, 12, 29)),  # Christmas Day, Boxing Day, weekend
    (dt.date(2025, 12, 30), dt.date(2025, 12, 31)),  # New Year's Eve is a working day
    (dt.date(2026, 12, 31), dt.date(2027, 1, 4)),    # New Year's Day (Friday), weekend
])
def test_expected_delivery_skips_weekends_and_public_holidays(shipped, expected):
    assert nav.expected_delivery(shipped) == expected


def test_easter_is_computed():
    assert [nav.easter_sunday(y) for y in (2023, 2024, 2025, 2026, 2038)] == [
        dt.date(2023, 4, 9), dt.date(2024, 3, 31), dt.date(2025, 4, 20), dt.date(2026, 4, 5), dt.date(2038, 4, 25)]
    assert len(nav.public_holidays(2026)) == 12


# --- storage unit, XK-lager and the text to OeBS ----------------------------------------

@pytest.mark.parametrize("municipality, unit, storage", [
    # NAV: api FinnLagerenhetTest "enhet 4702 Akershus skal mappes til 4703 Oslo" (Bærum)
    ("3201", "4702", "4703"),
    # NAV: api FinnLagerenhetTest "kommuner i Troms skal mappes til 4719 Troms" (Tromsø)
    ("5501", "4719", "4719"),
    # NAV: api FinnLagerenhetTest "kommuner i Finnmark skal mappes til 4720 Finnmark" (Karasjok)
    ("5610", "4719", "4720"),
    # NAV: api FinnLagerenhetTest "kommuner som tidligere tilhørte Sør-Trøndelag skal mappes til 4716"
    ("5001", "4716", "4716"),
    # NAV: api fakes/NorgClientFake (Nærøysund → HMS Trøndelag) + FinnLagerenhet.kt after "Trøndelag bruker
    # nå kun lageret i Sør-Trøndelag"
    ("5060", "4716", "4716"),
    # NAV: api fakes/NorgClientFake (Oslo → HMS Oslo)
    ("0301", "4703", "4703"),
])
def test_storage_unit_as_nav_finds_it(municipality, unit, storage):
    assert nav.storage_unit(municipality, unit) == storage


def test_xk_lager_only_in_oslo():
    # NAV: api delbestilling/XKLager.kt (production) — harXKLager
    assert nav.has_xk_lager("0301")
    assert not nav.has_xk_lager("3201") and not nav.has_xk_lager("5616") and not nav.has_xk_lager("")


def test_text_to_oebs_names_xk_lager():
    # NAV: api GenererForsendelsesinfoTest "forsendelsesinfo skal inneholde 'XK-Lager' ved levering til XK-Lager"
    assert nav.shipping_info("kommunelager", "Turid Tekniker") == "XK-Lager Del bestilt av: Turid Tekniker"
    assert nav.shipping_info("servicejobb", "Lars") == "Del bestilt av: Lars"


def test_xk_lager_delivery_refused_where_the_municipality_has_none():
    # NAV: web containers/Utsjekk.tsx — the XK-lager choice is offered only when sjekkXKLager says so
    assert rules.evaluate(facts(delivery="kommunelager", municipality="0301"), NOW, TODAY) == []
    v = rules.evaluate(facts(delivery="kommunelager", municipality="3201"), NOW, TODAY)
    assert codes(v) == ["INGEN_XK_LAGER"] and v[0].field == "delivery"
    assert rules.evaluate(facts(delivery="servicejobb", municipality="3201"), NOW, TODAY) == []


def test_delivery_names_as_nav_writes_them():
    # NAV: api common/Delbestilling.kt Levering; web translation.json bestillinger.tilXKLager/serviceOppdrag
    assert nav.normalise_delivery("TIL_XK_LAGER") == "kommunelager"
    assert nav.normalise_delivery("TIL_SERVICE_OPPDRAG") == "servicejobb"
    assert nav.DELIVERY_TEXT == {"kommunelager": "Til XK-lager", "servicejobb": "Brukes i serviceoppdrag"}


# --- accessories ------------------------------------------------------------------------

def test_accessory_only_when_already_on_the_device():
    # NAV: web components/LeggTilDel.tsx kanBestilleTilbehor + TilbehørSpørsmål.tsx + translation.json
    def accessory(answer):
        return (LineFacts(1, "Pute", "Pute sete", "154516", max_qty=4, is_accessory=True,
                          accessory_on_device=answer),)
    assert rules.evaluate(facts(lines=accessory(True)), NOW, TODAY) == []
    unanswered = rules.evaluate(facts(lines=accessory(None)), NOW, TODAY)
    assert [(x.code, x.message_nb) for x in unanswered] == [
        ("TILBEHØR_MÅ_BESVARES", "Du må svare på om tilbehøret finnes på hjelpemidlet fra før")]
    refused = rules.evaluate(facts(lines=accessory(False)), NOW, TODAY)
    assert codes(refused) == ["TILBEHØR_IKKE_PÅ_HJELPEMIDLET"]
    assert ("Når dette tilbehøret ikke er på hjelpemidlet allerede, kan det ikke bestilles. Ta kontakt med "
            "fysio- eller ergoterapeut som kan melde behov til Hjelpemiddelsentralen.") in refused[0].message_nb
    # a spare part is never asked
    assert rules.evaluate(facts(lines=(LineFacts(1, "Dekk", "Dekk", "150817", max_qty=4),)), NOW, TODAY) == []
