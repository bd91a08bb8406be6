"""Attack: the personal-data guard itself, and the doors that use it in-process (forms via the
services, the log filter, the audit log).

Every spelling of a national ID number the first attack found (and more) is refused in every
free-text field; identifiers are refused unless they match their own pattern; hostile text
(markup, control and bidi characters, NUL, lone surrogates, 50,000 characters) gets a clear
Norwegian message that never echoes the value; and afterwards nothing personal is anywhere in
the profile.
"""

from __future__ import annotations

import logging

import pytest
from hostile import (
    BIDI,
    CONTROL,
    D_NUMBER,
    FNR,
    H_NUMBER,
    LONE_SURROGATE,
    LONG,
    MARKUP,
    NAME,
    NUL,
    planted_for,
    scan_tree,
    spellings,
)

from hms_desk.domain.errors import HmsError, ValidationError
from hms_desk.domain.personal_data import (
    PersonalDataError,
    check_free_text,
    find_national_ids,
    redact,
)

pytestmark = pytest.mark.attack

SPELLINGS = spellings()
FREE_TEXT_FIELDS = ("summary", "reason", "next_contact", "organisation", "detail", "description",
                    "supplier_ref", "annotations")


@pytest.mark.parametrize("name", sorted(SPELLINGS))
def test_every_spelling_of_a_national_id_is_found(name):
    text = SPELLINGS[name]
    assert find_national_ids(text) == [FNR], name
    assert FNR not in redact(text) and "[fnr fjernet]" in redact(text)


@pytest.mark.parametrize("number", [FNR, D_NUMBER, H_NUMBER])
@pytest.mark.parametrize("field", FREE_TEXT_FIELDS)
def test_every_free_text_field_refuses_every_spelling(field, number):
    for name, text in spellings(number).items():
        if field == "annotations" or len(text) > 80:
            text = text[:80]
        with pytest.raises(PersonalDataError) as refused:
            check_free_text(text, field=field)
        assert number not in refused.value.message, name


@pytest.mark.parametrize("text", [
    "HMS-nr 250464 serienr 123456, ordre D-2026-000001",
    "250464 123456", "Møte 12.03.2024 kl. 10:30", "Ring 22 33 44 55 eller +47 915 12 345",
    "Dekk Schwalbe Marathon Plus 24\"x1 3/8", "Oslo 0301, Bydel Frogner", "Olav Olsen sin rullestol",
    "Batteri 80A inkl poler", "Ordre 1503-1003 levert 01.02.2025", "Lev.art.nr 1000038",
])
def test_ordinary_text_passes(text):
    assert check_free_text(text, field="summary") == text
    assert find_national_ids(text) == []


@pytest.mark.parametrize("field,text,code", [
    ("summary", LONG, "FOR_LANG"),
    ("description", "x" * 401, "FOR_LANG"),
    ("next_contact", "y" * 5000, "FOR_LANG"),
    ("organisation", "z" * 121, "FOR_LANG"),
    ("summary", NUL, "UGYLDIGE_TEGN"),
    ("summary", CONTROL, "UGYLDIGE_TEGN"),
    ("summary", BIDI, "UGYLDIGE_TEGN"),
    ("summary", LONE_SURROGATE, "UGYLDIGE_TEGN"),
    ("next_contact", "i morgen\nkl. 10", "UGYLDIGE_TEGN"),
    ("summary", "navn: Kari", "PERSONOPPLYSNINGER"),
])
def test_hostile_text_gets_a_norwegian_message_without_the_value(field, text, code):
    with pytest.raises(ValidationError) as refused:
        check_free_text(text, field=field)
    e = refused.value
    assert e.code == code and e.field == field
    assert text not in e.message and len(e.message) < 300
    assert any(w in e.message for w in ("tegn", "fødselsnummer", "navn", "linjeskift"))


def test_markup_is_text_not_an_attack_on_the_guard():
    assert check_free_text(MARKUP, field="summary") == MARKUP


@pytest.mark.parametrize("value,ok", [
    ("T200002", True), ("Z991234", True), ("KN", True), ("tekniker", True), ("T1", True),
    (NAME, False), (FNR, False), (f"{FNR[:6]}-{FNR[6:]}", False), ("Kari", False),
    ("kari nordmann", False), ("<b>KN</b>", False), ("KN\x00", False), ("a" * 41, False),
    (SPELLINGS["nbsp"], False), (SPELLINGS["letter O"], False), ("\u202eKN", False),
])
@pytest.mark.parametrize("field", ["orderer", "by", "actor", "technician"])
def test_identifiers_must_match_their_own_pattern(field, value, ok):
    from hms_desk.domain.personal_data import check_identifier

    if ok:
        assert check_identifier(value, field) == value
    else:
        with pytest.raises(ValidationError) as refused:
            check_identifier(value, field)
        assert FNR not in refused.value.message and NAME not in refused.value.message


@pytest.mark.parametrize("value,ok", [("12230301", True), ("122303", True), ("1223", True),
                                      (FNR, False), ("122303011", True), ("ISO 1223", False),
                                      ("12-23", False), ("", True)])
def test_iso_code_is_digits_never_eleven(value, ok):
    from hms_desk.domain.personal_data import check_identifier

    if ok:
        assert check_identifier(value, "iso_category") == value
    else:
        with pytest.raises(ValidationError):
            check_identifier(value, "iso_category")


@pytest.mark.parametrize("value,ok", [("I utlån", True), ("Til reparasjon", True),
                                      (f"Hentet av {FNR}", False), ("Hentet av Kari Nordmann", False),
                                      (f"Hentet av {FNR[:6]}-{FNR[6:]}", False), ("<b>I utlån</b>", False)])
def test_article_status_is_a_status(value, ok):
    from hms_desk.domain.personal_data import check_identifier

    if ok:
        assert check_identifier(value, "article_status") == value
    else:
        with pytest.raises(ValidationError):
            check_identifier(value, "article_status")


@pytest.mark.parametrize("name", ["dash", "nbsp", "2+2+2+5", "letter O", "line break", "zero-width"])
def test_log_file_masks_every_spelling(tmp_path, name):
    from hms_desk.platform.logs import setup_logging

    path = setup_logging(tmp_path)
    log = logging.getLogger("hms_desk.attack")
    log.warning("typed %s", SPELLINGS[name])
    try:
        raise ValueError(f"bad {SPELLINGS[name]}")
    except ValueError:
        log.exception("failed")
    for h in logging.getLogger("hms_desk").handlers:
        h.flush()
    text = path.read_text(encoding="utf-8")
    assert find_national_ids(text) == [] and SPELLINGS[name] not in text
    assert text.count("[fjernet]") >= 2


def test_forms_refuse_every_spelling_and_nothing_is_stored(core, profile_dir):
    """The case form's fields (through CaseService): every spelling, markup, long text, NUL."""
    cases = core.cases
    case = cases.start()
    hostile = list(SPELLINGS.values()) + [f"Kontakt {NAME}, navn: {NAME}", NUL, BIDI, LONE_SURROGATE]
    for text in hostile:
        for call in (lambda t: cases.set_summary(case.id, t),
                     lambda t: cases.set_summary(case.id, "ok", t),
                     lambda t: cases.add_participant(case.id, "terapeut", t),
                     lambda t: cases.set_decision(case.id, "REPARER_LOKALT", t),
                     lambda t: cases.event(case.id, "notat", t)):
            with pytest.raises(HmsError):
                call(text)
    with pytest.raises(HmsError, match="for lang"):
        cases.set_summary(case.id, "ok", "neste kontakt " + "x" * 5000)
    with pytest.raises(HmsError, match="for lang"):
        cases.set_summary(case.id, LONG)
    cases.set_summary(case.id, "Byttet dekk. " + MARKUP, "Ring tilbake tirsdag")
    assert cases.get(case.id).summary.endswith(MARKUP)       # markup is text: stored as typed
    core.db.dispose()
    assert scan_tree(profile_dir, planted_for(*hostile)) == {}


def test_audit_actor_passes_the_guard(core):
    from hms_desk.services import audit

    for actor in (NAME, FNR, f"{FNR[:6]}-{FNR[6:]}"):
        with pytest.raises(ValidationError):
            with core.db.session() as s, s.begin():
                audit.record(s, actor, "exported", "journal", "S-1")
    assert all(NAME not in row[1] and FNR not in row[1] for row in audit.recent(core.db))
