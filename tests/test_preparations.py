"""Preparations of an utprøving or a housing case through the real service, a real SQLite file,
the real anonymiser, a real iCalendar parser, real PDFs read back and the real command line."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys

import cv2
import icalendar
import numpy as np
import pytest
from pypdf import PdfReader
from sqlalchemy import delete, func, select

from hms_desk.documents.ics import escape_text, fold
from hms_desk.domain.errors import NotFound, ValidationError
from hms_desk.domain.oslo_time import from_oslo, to_oslo
from hms_desk.domain.personal_data import PersonalDataError
from hms_desk.platform.paths import resource
from hms_desk.services.preparations import (PreparationError, PrepInput, UnreadableFile, parse_part_need,
                                            read_image_file)
from hms_desk.storage.models import AuditEntry, Case, CaseEvent, Preparation, Product

PURPOSE = "Avklare sete; rygg, og «\\» skråstrek.\nAndre linje med æøå ÆØÅ – og mer tekst som gjør linja lang"


def valid_fnr() -> str:
    from hms_desk.domain.personal_data import is_valid_national_id

    for n in range(100, 999):
        cand = f"010190{n:03d}"
        for k in range(100):
            full = cand + f"{k:02d}"
            if is_valid_national_id(full):
                return full
    raise AssertionError("no valid test number")


def in_days(days: float, hour: int = 10) -> dt.datetime:
    """A naive UTC instant ``days`` from now at ``hour`` Norwegian time."""
    wall = to_oslo(dt.datetime.now(dt.timezone.utc) + dt.timedelta(days=days)).replace(tzinfo=None)
    return from_oslo(wall.replace(hour=hour, minute=0, second=0, microsecond=0))


def make(core, **changes) -> "object":
    data = PrepInput(kind="utproving", starts_at=in_days(3), purpose=PURPOSE, duration_min=45,
                     questions="Passer setebredden?\nTrengs hodestøtte?", filming="Hele stolen fra siden",
                     angles="forfra, fra siden", meeting_url="https://video.nav.no/møte/abc?pin=12,34",
                     dial_in=("sip:4711@video.nav.no", "Telefon 22 00 00 00, kode 1234#"),
                     agenda="1. Presentasjon\n2. Filming; vinkler\n3. Avklaringer", municipality="0301",
                     user_takes_part=True, consent_kind="muntlig", consent_given_by="bruker", consent_scope="video")
    from dataclasses import replace
    return core.preparations.create(replace(data, **changes))


def drawing_with_face() -> np.ndarray:
    """A floor plan with a photo of a person in its corner (as a municipality might send)."""
    img = np.full((900, 1400, 3), 245, np.uint8)
    cv2.rectangle(img, (600, 100), (1300, 800), (30, 30, 30), 4)
    cv2.line(img, (600, 450), (1300, 450), (30, 30, 30), 3)
    cv2.putText(img, "Bad 2,1 x 1,8 m", (700, 300), cv2.FONT_HERSHEY_SIMPLEX, 1.2, (0, 0, 0), 2)
    face = cv2.imread(str(resource("demo", "astronaut.jpg")))
    img[100:612, 40:552] = face
    return img


def lapvar(image: np.ndarray) -> float:
    return float(cv2.Laplacian(cv2.cvtColor(image, cv2.COLOR_BGR2GRAY), cv2.CV_64F).var())


# --- Norwegian time ---------------------------------------------------------------------------

@pytest.mark.parametrize("wall,offset", [(dt.datetime(2027, 1, 12, 10, 0), 1), (dt.datetime(2027, 7, 1, 10, 0), 2),
                                         (dt.datetime(2027, 3, 28, 1, 59), 1), (dt.datetime(2027, 3, 28, 3, 0), 2),
                                         (dt.datetime(2027, 10, 31, 3, 0), 1)])
def test_oslo_time_follows_the_eu_rule(wall, offset):
    utc = from_oslo(wall)
    assert wall - utc == dt.timedelta(hours=offset)
    assert to_oslo(utc).replace(tzinfo=None) == wall
    import zoneinfo
    assert utc.replace(tzinfo=dt.timezone.utc).astimezone(zoneinfo.ZoneInfo("Europe/Oslo")).replace(tzinfo=None) == wall


# --- create, validate, list, remind ----------------------------------------------------------

def test_create_keeps_everything_and_numbers_it(core):
    v = make(core)
    assert v.number.startswith("F-") and v.status == "planned" and v.kind == "utproving"
    assert v.purpose == PURPOSE.strip() and v.dial_in[1] == "Telefon 22 00 00 00, kode 1234#"
    assert [c.code for c in v.checklist] == ["forbindelse", "forhandssjekk", "rom", "lys", "klaer", "kolleger",
                                             "samtykke"]
    assert len(v.open_items) == 7                       # consent applies: the user takes part
    with core.db.session() as s:
        assert s.scalar(select(func.count()).select_from(AuditEntry).where(
            AuditEntry.object_type == "preparation", AuditEntry.action == "created")) == 1


@pytest.mark.parametrize("changes,field,words", [
    ({"purpose": "   "}, "purpose", "Skriv formålet"),
    ({"starts_at": in_days(-1)}, "starts_at", "har allerede vært"),
    ({"kind": "support"}, "kind", "utprøving eller boligsak"),
    ({"duration_min": 2}, "duration_min", "mellom 5 og 480"),
    ({"meeting_url": "video.nav.no/abc def"}, "meeting_url", "https://"),
    ({"municipality": "03"}, "municipality", "4 siffer"),
    ({"consent_kind": "muntlig", "consent_given_by": "nabo"}, "consent_given_by", "bruker, pårørende eller verge"),
    ({"purpose": "x" * 5000}, "purpose", "for lang"),
])
def test_bad_input_is_refused_with_a_norwegian_message_and_nothing_stored(core, changes, field, words):
    with pytest.raises(ValidationError) as e:
        make(core, **changes)
    assert e.value.field == field and words in e.value.message
    with core.db.session() as s:
        assert s.scalar(select(func.count()).select_from(Preparation)) == 0


def test_personal_data_is_refused_everywhere(core):
    fnr = valid_fnr()
    for changes in ({"purpose": f"Bruker {fnr}"}, {"agenda": "navn: Ola"}, {"dial_in": (f"tel:{fnr}",)},
                    {"meeting_url": f"https://video.nav.no/{fnr}"}):
        with pytest.raises(PersonalDataError):
            make(core, **changes)
    v = make(core)
    with pytest.raises(ValidationError, match="navnet på en person"):
        core.preparations.add_participant(v.id, "ergoterapeut", "Kari Nordmann")
    with pytest.raises(PersonalDataError):
        core.preparations.tick(v.id, "lys", result=f"sjekket med {fnr}")
    with pytest.raises(ValidationError, match="rolle"):
        core.preparations.add_participant(v.id, "sjef", "Oslo kommune")
    assert core.preparations.get(v.id).participants == ()


def test_a_past_date_is_kept_when_other_fields_change(core):
    v = make(core)
    with core.db.session() as s, s.begin():        # the meeting date passed, the adviser still edits
        s.get(Preparation, v.id).starts_at = in_days(-2)
    v = core.preparations.get(v.id)
    v2 = core.preparations.update(v.id, v.as_input(purpose="Nytt formål"))
    assert v2.purpose == "Nytt formål" and v2.starts_at == v.starts_at
    with pytest.raises(ValidationError, match="har allerede vært"):
        core.preparations.update(v.id, v.as_input(starts_at=in_days(-1)))


def test_list_sorted_by_date_and_reminders_for_unticked_items(core):
    late = make(core, starts_at=in_days(20), purpose="Sent møte")
    soon = make(core, starts_at=in_days(2), purpose="Snart møte")
    boligsak = make(core, kind="boligsak", starts_at=in_days(5), purpose="Bad", user_takes_part=False)
    assert [r.number for r in core.preparations.list()] == [soon.number, boligsak.number, late.number]
    for code in ("forbindelse", "forhandssjekk", "rom", "lys", "klaer", "kolleger", "samtykke"):
        core.preparations.tick(soon.id, code)
    rem = {r.number: r for r in core.preparations.reminders(within_days=7)}
    assert soon.number not in rem and late.number not in rem      # all ticked / far away
    assert rem[boligsak.number].items == ("Forbindelsen er sjekket", "Forhåndssjekk av utstyret er holdt",
                                          "Rommet er stort nok til å vise hele hjelpemidlet", "Lys uten motlys",
                                          "Nøytrale klær", "Kolleger er informert", "Tegninger er mottatt")
    assert "Samtykke" not in " ".join(rem[boligsak.number].items)   # not needed: the user does not take part
    row = next(r for r in core.preparations.list() if r.number == boligsak.number)
    assert row.open_items == 7
    # overdue and never held: reminded
    with core.db.session() as s, s.begin():
        s.get(Preparation, late.id).starts_at = in_days(-1)
    over = next(r for r in core.preparations.reminders() if r.number == late.number)
    assert over.overdue and "er ikke holdt" in over.text()


def test_tick_records_who_and_when_and_the_precall_result(core):
    v = make(core)
    core.preparations.technician = "T123456"
    c = core.preparations.tick(v.id, "forhandssjekk", result={"ok": True, "format": "1280×720, 30 bilder/s"})
    assert c.done and c.done_by == "T123456" and c.done_at is not None
    assert json.loads(c.result)["format"] == "1280×720, 30 bilder/s"
    c = core.preparations.tick(v.id, "forhandssjekk", done=False)
    assert not c.done and c.done_by == "" and c.result == ""
    with pytest.raises(PreparationError, match="hører ikke til"):
        core.preparations.tick(v.id, "tegninger")          # housing only


def test_status_moves_as_the_routine_says(core):
    v = make(core)
    assert core.preparations.set_status(v.id, "ready").status == "ready"
    assert core.preparations.set_status(v.id, "planned").status == "planned"
    with pytest.raises(PreparationError, match="Hold møtet"):
        core.preparations.set_status(v.id, "held")
    with pytest.raises(PreparationError):
        core.preparations.set_status(v.id, "documented")


# --- candidates -----------------------------------------------------------------------------------

def test_search_by_name_hmsnr_iso_and_supplier(core):
    search = core.preparations.search_products
    assert any(h.hmsnr == "316161" for h in search("Netti V"))
    assert search("316161")[0].hmsnr == "316161"
    iso = search("ISO 1222")
    assert [h.hmsnr for h in iso] == ["316161"] and iso[0].reason == "ISO-kode 12220303"
    assert search("12230301")[0].hmsnr == "250464"
    assert any(h.hmsnr == "316161" and h.supplier == "Alu Rehab AS" for h in search("Alu Rehab"))
    assert search("   ") == []


def test_candidates_with_status_note_and_parts(core):
    v = make(core)
    c = core.preparations.add_candidate(v.id, "316161", "Prøv med hodestøtte")
    assert (c.name, c.supplier, c.iso_category, c.status) == ("Netti V", "Alu Rehab AS", "12220303", "prepare")
    with pytest.raises(PreparationError, match="allerede"):
        core.preparations.add_candidate(v.id, "316161")
    c = core.preparations.update_candidate(v.id, c.id, status="ready", parts=["150817:2", "Ekstra sittepute × 1"])
    assert c.status_text == "Klar"
    assert [(p.hmsnr, p.qty) for p in c.parts] == [("150817", 2), (None, 1)]
    assert c.parts[0].name.startswith("Dekk") and c.parts[1].name == "Ekstra sittepute"
    with pytest.raises(ValidationError, match="999999 finnes ikke"):
        core.preparations.update_candidate(v.id, c.id, parts=["999999:1"])
    assert core.preparations.get(v.id).candidates[0].parts == c.parts      # nothing half saved


def test_a_product_that_no_longer_exists(core):
    v = make(core)
    hits = core.preparations.search_products("Netti V")
    with core.db.session() as s, s.begin():
        s.execute(delete(Product).where(Product.hmsnr == hits[0].hmsnr))
    with pytest.raises(NotFound) as e:
        core.preparations.add_candidate(v.id, hits[0].hmsnr)
    assert "finnes ikke (lenger) i katalogen" in e.value.message
    # a candidate whose product vanished later is kept and marked
    core.preparations.add_candidate(v.id, "250464")
    with core.db.session() as s, s.begin():
        s.execute(delete(Product).where(Product.hmsnr == "250464"))
    cand = core.preparations.get(v.id).candidates[0]
    assert cand.name.startswith("Minicrosser") and not cand.in_catalogue


@pytest.mark.parametrize("text,expected", [("150817:2", ("150817", "", 2)), ("150817 × 3", ("150817", "", 3)),
                                           ("Ekstra pute", (None, "Ekstra pute", 1)),
                                           ("Ekstra pute x 2", (None, "Ekstra pute", 2))])
def test_parse_part_need(text, expected):
    assert parse_part_need(text) == expected


# --- drawings ------------------------------------------------------------------------------------

def test_drawing_with_a_face_is_blurred_and_encrypted(core, tmp_path):
    v = make(core, kind="boligsak")
    src = tmp_path / "plan.png"
    original = drawing_with_face()
    cv2.imwrite(str(src), original)
    [att] = core.preparations.import_attachment(v.id, src, "Plantegning bad")
    assert att.faces_blurred >= 1 and att.caption == "Plantegning bad"
    files = list((core.profile.data_dir / "prep_attachments").rglob("*.hmscap"))
    assert len(files) == 1 and b"\x89PNG" not in files[0].read_bytes()
    stored = cv2.imdecode(np.frombuffer(core.preparations.attachment_png(att.id), np.uint8), cv2.IMREAD_COLOR)
    from hms_desk.video.anonymise import shared_anonymiser

    boxes = shared_anonymiser().detect_still(original)
    assert boxes and all(b.x2 <= 552 for b in boxes)          # the astronaut's face, in the photo's corner
    for b in boxes:                                           # each face's centre lost its detail
        cy, cx, h, w = (b.y1 + b.y2) // 2, (b.x1 + b.x2) // 2, (b.y2 - b.y1) // 4, (b.x2 - b.x1) // 4
        face = (slice(cy - h, cy + h), slice(cx - w, cx + w))
        assert lapvar(stored[face]) < 0.3 * lapvar(original[face])
    plan = (slice(120, 780), slice(620, 1280))         # the plan itself is untouched
    assert np.abs(stored[plan].astype(int) - original[plan].astype(int)).mean() < 1.0
    # housing: the drawing ticks «Tegninger er mottatt»
    check = next(c for c in core.preparations.get(v.id).checklist if c.code == "tegninger")
    assert check.done and check.done_by == core.preparations.technician


def test_pdf_drawing_pages_are_imported_and_anonymised(core, tmp_path):
    from PIL import Image

    v = make(core)
    pages = [Image.fromarray(cv2.cvtColor(drawing_with_face(), cv2.COLOR_BGR2RGB)),
             Image.new("RGB", (1200, 800), "white")]
    pdf = tmp_path / "tegninger.pdf"
    pages[0].save(pdf, "PDF", save_all=True, append_images=pages[1:], resolution=100)
    atts = core.preparations.import_attachment(v.id, pdf)
    assert [a.caption for a in atts] == ["tegninger, side 1", "tegninger, side 2"]
    assert atts[0].faces_blurred >= 1 and atts[1].faces_blurred == 0


@pytest.mark.parametrize("content,words", [(b"", "er tom"), (b"\x89PNG\r\n\x1a\nnot really", "kan ikke leses som et bilde"),
                                           (b"%PDF-1.7 broken", "kan ikke åpnes")])
def test_corrupt_drawing_gets_a_clear_message_and_nothing_is_stored(core, tmp_path, content, words):
    v = make(core)
    bad = tmp_path / "skadet.png"
    bad.write_bytes(content)
    with pytest.raises(UnreadableFile) as e:
        core.preparations.import_attachment(v.id, bad)
    assert words in e.value.message and "skadet.png" in e.value.message
    assert not list((core.profile.data_dir / "prep_attachments").rglob("*.hmscap"))
    assert core.preparations.get(v.id).attachments == ()


def test_a_failing_anonymiser_stores_nothing(core, tmp_path, monkeypatch):
    from hms_desk.video.anonymise import AnonymisationError

    v = make(core)
    src = tmp_path / "plan.png"
    cv2.imwrite(str(src), drawing_with_face())

    def broken(_image):
        raise AnonymisationError("Ansiktsgjenkjenningen feilet – bildet ble ikke lagret.")
    monkeypatch.setattr(core.preparations, "_anonymise", broken)
    with pytest.raises(AnonymisationError):
        core.preparations.import_attachment(v.id, src)
    assert not list((core.profile.data_dir / "prep_attachments").rglob("*.hmscap"))


def test_read_image_file_rejects_unknown_files():
    with pytest.raises(UnreadableFile, match="PNG, JPEG eller PDF"):
        read_image_file(b"GIF89a" + b"\0" * 10, "x.gif")


def test_retention_deletes_old_drawings_and_leftover_files(core, tmp_path):
    v = make(core)
    src = tmp_path / "plan.png"
    cv2.imwrite(str(src), np.full((200, 300, 3), 200, np.uint8))
    core.preparations.import_attachment(v.id, src)
    store_dir = next((core.profile.data_dir / "prep_attachments").iterdir())
    orphan = store_dir / "0123456789abcdef0123456789abcdef.hmscap"
    orphan.write_bytes(b"HMSCAP1\0junk")
    os.utime(orphan, (0, 0))
    assert core.preparations.enforce_retention(days=30) == 1          # only the orphan: the meeting is ahead
    with core.db.session() as s, s.begin():
        s.get(Preparation, v.id).starts_at = in_days(-40)
    assert core.preparations.enforce_retention(days=30) == 1
    assert not list(store_dir.glob("*.hmscap"))
    assert core.preparations.get(v.id).attachments == ()


# --- the invitation -----------------------------------------------------------------------------

def test_fold_and_escape_follow_rfc5545():
    line = "DESCRIPTION:" + "æ" * 100
    folded = fold(line)
    for part in folded.split("\r\n"):
        assert len(part.encode("utf-8")) <= 75
        part.encode("utf-8").decode("utf-8")          # never split inside a character
    assert folded.replace("\r\n ", "") == line
    assert escape_text("a,b;c\\d\ne\r\nf") == "a\\,b\\;c\\\\d\\ne\\nf"


def test_invitation_parses_back_with_every_field(core, tmp_path):
    v = make(core)
    core.preparations.add_participant(v.id, "ergoterapeut", "Bydel Frogner", holds_camera=True)
    core.preparations.add_participant(v.id, "leverandør", "Alu Rehab AS")
    path = core.preparations.write_ics(v.id, tmp_path / "invitasjon.ics")
    raw = path.read_bytes()
    lines = raw.split(b"\r\n")
    assert raw.endswith(b"\r\n") and b"\n" not in raw.replace(b"\r\n", b"")
    assert all(len(line) <= 75 for line in lines)
    cal = icalendar.Calendar.from_ical(raw)
    assert str(cal["VERSION"]) == "2.0" and "HMS Desk" in str(cal["PRODID"]) and str(cal["METHOD"]) == "PUBLISH"
    [tz] = cal.walk("VTIMEZONE")
    assert str(tz["TZID"]) == "Europe/Oslo"
    [ev] = cal.walk("VEVENT")
    with core.db.session() as s:
        row = s.get(Preparation, v.id)
        assert str(ev["UID"]) == row.ics_uid and ev["UID"].endswith("@hms-desk.nav.no")
    stamp = ev.decoded("DTSTAMP")
    assert stamp.utcoffset() == dt.timedelta(0)
    assert abs(stamp - dt.datetime.now(dt.timezone.utc)) < dt.timedelta(minutes=5)
    start, end = ev.decoded("DTSTART"), ev.decoded("DTEND")
    assert ev["DTSTART"].params["TZID"] == "Europe/Oslo" and ev["DTEND"].params["TZID"] == "Europe/Oslo"
    assert start.astimezone(dt.timezone.utc).replace(tzinfo=None) == v.starts_at
    assert start.replace(tzinfo=None) == to_oslo(v.starts_at).replace(tzinfo=None)       # 10:00 Norwegian time
    assert end - start == dt.timedelta(minutes=45)
    assert str(ev["LOCATION"]) == "https://video.nav.no/møte/abc?pin=12,34"
    assert str(ev["URL"]) == "https://video.nav.no/m%C3%B8te/abc?pin=12,34"
    assert str(ev["SUMMARY"]) == f"Utprøving: forberedende videomøte ({v.number})"
    text = str(ev["DESCRIPTION"])
    for fact in (PURPOSE.strip(), "sip:4711@video.nav.no", "Telefon 22 00 00 00, kode 1234#",
                 "1. Presentasjon\n2. Filming; vinkler\n3. Avklaringer", "Passer setebredden?",
                 "Hele stolen fra siden", "forfra, fra siden", "- Ergoterapeut, Bydel Frogner – holder kameraet",
                 "- Leverandør, Alu Rehab AS", "https://video.nav.no/møte/abc?pin=12,34"):
        assert fact in text, fact
    assert int(ev["SEQUENCE"]) == 0
    [alarm] = ev.walk("VALARM")
    assert alarm.decoded("TRIGGER") == -dt.timedelta(minutes=15)
    assert "ORGANIZER" not in ev and "ATTENDEE" not in ev
    # a change to the meeting: same UID, higher SEQUENCE
    core.preparations.update(v.id, core.preparations.get(v.id).as_input(duration_min=60))
    ev2 = icalendar.Calendar.from_ical(core.preparations.ics(v.id).encode()).walk("VEVENT")[0]
    assert str(ev2["UID"]) == str(ev["UID"]) and int(ev2["SEQUENCE"]) == 1


def test_invitation_in_summer_time(core):
    v = make(core, starts_at=from_oslo(dt.datetime(dt.date.today().year + 1, 7, 1, 9, 30)))
    ev = icalendar.Calendar.from_ical(core.preparations.ics(v.id).encode()).walk("VEVENT")[0]
    start = ev.decoded("DTSTART")
    assert (start.hour, start.minute) == (9, 30) and start.utcoffset() == dt.timedelta(hours=2)


# --- the prep sheet -----------------------------------------------------------------------------

def test_prep_sheet_reads_back_and_renders(core, tmp_path):
    v = make(core)
    core.preparations.add_participant(v.id, "ergoterapeut", "Bydel Frogner", holds_camera=True)
    c = core.preparations.add_candidate(v.id, "316161", "Prøv med hodestøtte <høy> & smal")
    core.preparations.update_candidate(v.id, c.id, status="ready", parts=["150817:2"])
    core.preparations.tick(v.id, "lys")
    core.preparations.tick(v.id, "forhandssjekk", result={"ok": True, "format": "1280×720, 30 bilder/s"})
    src = tmp_path / "plan.png"
    cv2.imwrite(str(src), drawing_with_face())
    core.preparations.import_attachment(v.id, src, "Plantegning stue")
    pdf = core.preparations.write_sheet(v.id, tmp_path / "ark.pdf")
    reader = PdfReader(pdf)
    text = "\n".join(p.extract_text() for p in reader.pages)
    flat = " ".join(text.split())
    for fact in (v.number, "Forberedelsesark: utprøving", "Avklare sete; rygg, og «\\» skråstrek.",
                 "Bydel Frogner", "316161", "Netti V", "Prøv med hodestøtte <høy> & smal", "150817",
                 "Lys uten motlys", "Utført", "Godkjent. 1280×720, 30 bilder/s", "Plantegning stue",
                 "Ansikter sladdet: 1", "Muntlig samtykke fra bruker til video", "sip:4711@video.nav.no"):
        assert " ".join(fact.split()) in flat, fact
    from hms_desk.documents.pdfa_check import check_pdf

    report = check_pdf(pdf)
    assert report.ok, report.describe()
    meta = reader.metadata
    assert meta.title == f"Forberedelsesark – {v.number}" and meta.author == "HMS Desk"
    assert "/OutputIntents" in reader.trailer["/Root"]
    xmp = reader.xmp_metadata
    assert xmp is not None and b"pdfaid" in reader.trailer["/Root"]["/Metadata"].get_object().get_data()
    prefix = tmp_path / "side"
    subprocess.run(["pdftoppm", "-r", "40", "-png", str(pdf), str(prefix)], check=True)
    pngs = sorted(tmp_path.glob("side*.png"))
    assert len(pngs) == len(reader.pages) >= 2
    first = cv2.imread(str(pngs[0]), cv2.IMREAD_GRAYSCALE)
    assert first.std() > 10            # text and tables, not a blank page
    with core.db.session() as s:
        assert s.scalar(select(func.count()).select_from(AuditEntry).where(
            AuditEntry.object_type == "prep_sheet")) == 1


# --- holding the meeting ------------------------------------------------------------------------

def test_hold_opens_a_case_that_carries_the_preparation(core):
    v = make(core)
    core.preparations.add_participant(v.id, "ergoterapeut", "Bydel Frogner", holds_camera=True)
    core.preparations.add_participant(v.id, "leverandør", "Alu Rehab AS")
    c = core.preparations.add_candidate(v.id, "316161", "Prøv med hodestøtte")
    core.preparations.update_candidate(v.id, c.id, status="ready")
    result = core.preparations.hold(v.id)
    state = core.cases.case_state(result.case_id)
    assert state.number.startswith("U-") and state.user_takes_part and state.has_picture_consent
    assert [(p.role, p.organisation) for p in state.participants] == [
        ("terapeut", "Bydel Frogner"), ("annen", "Alu Rehab AS (leverandør)")]
    with core.db.session() as s:
        assert s.get(Case, result.case_id).kind == "utproving"
        details = [e.detail for e in s.scalars(select(CaseEvent).where(CaseEvent.case_id == result.case_id))]
    assert f"Forberedt i {v.number} (utprøving)" in details
    assert "Aktuelt produkt: 316161 Netti V (klar) – Prøv med hodestøtte" in details
    assert "Holder kameraet: ergoterapeut (Bydel Frogner)" in details
    held = core.preparations.get(v.id)
    assert held.status == "held" and held.case_id == result.case_id and held.case_number == state.number
    with pytest.raises(PreparationError, match="allerede holdt"):
        core.preparations.hold(v.id)
    with pytest.raises(PreparationError, match="kan ikke endres"):
        core.preparations.add_participant(v.id, "tekniker", "NAV")
    facts = core.preparations.journal_facts(result.case_id)
    assert facts.kind == "utproving" and "Passer setebredden?" in facts.problem_text()
    assert "- 316161 Netti V: klar – Prøv med hodestøtte" in facts.findings_text()
    # the case's journal note: the utprøving template, background and what was prepared filled in
    note = core.journal.open_note(result.case_id)
    assert note.template == "utproving"
    assert note.problem.startswith("Formål: Avklare sete") and "Passer setebredden?" in note.problem
    assert "- 316161 Netti V: klar – Prøv med hodestøtte" in note.findings
    assert [p.organisation for p in note.participants] == ["Bydel Frogner", "Alu Rehab AS (leverandør)"]
    assert core.preparations.journal_facts(core.cases.start().id) is None
    # the journal note exported: documented
    assert core.preparations.documented_for_case(result.case_id) == v.number
    assert core.preparations.get(v.id).status == "documented"


def test_a_housing_case_opens_a_boligsak_case(core):
    v = make(core, kind="boligsak", user_takes_part=False, consent_kind="")
    result = core.preparations.hold(v.id)
    with core.db.session() as s:
        assert s.get(Case, result.case_id).kind == "boligsak"
    assert core.journal.open_note(result.case_id).template == "boligsak"
    assert not core.cases.case_state(result.case_id).user_takes_part


# --- the command line ---------------------------------------------------------------------------

def run(*args, profile):
    cmd = [sys.executable, "-m", "hms_desk", "--profile", str(profile), *args]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=300)


@pytest.mark.slow
def test_cli_create_list_show_ics_sheet(profile_dir, tmp_path):
    day = (to_oslo(dt.datetime.now(dt.timezone.utc)) + dt.timedelta(days=10)).date().isoformat()
    res = run("prep", "create", "--kind", "utproving", "--date", day, "--time", "10:30", "--duration", "45",
              "--purpose", "Prøve ut elektrisk rullestol", "--video", "https://video.nav.no/abc",
              "--dial-in", "sip:1@video.nav.no", "--participant", "ergoterapeut:Asker kommune:kamera",
              "--participant", "leverandør:Alu Rehab AS", "--candidate", "316161", "--user-takes-part",
              "--consent", "muntlig:bruker:video", "--json", profile=profile_dir)
    assert res.returncode == 0, res.stderr
    made = json.loads(res.stdout)
    number = made["nummer"]
    assert made["tidspunkt_tekst"] == f"{day[8:10]}.{day[5:7]}.{day[0:4]} kl. 10:30"
    assert made["deltakere"][0] == {"rolle": "ergoterapeut", "organisasjon": "Asker kommune", "holder_kamera": True}
    assert made["produkter"][0]["hmsnr"] == "316161" and made["samtykke"] == "Muntlig samtykke fra bruker til video"
    listed = json.loads(run("prep", "list", "--json", profile=profile_dir).stdout)
    assert [r["nummer"] for r in listed["forberedelser"]] == [number]
    shown = run("prep", "show", number, profile=profile_dir)
    assert shown.returncode == 0 and "Asker kommune  (holder kameraet)" in shown.stdout
    assert "[ ] Lys uten motlys" in shown.stdout
    ics = tmp_path / "inv.ics"
    assert run("prep", "ics", number, "--out", str(ics), profile=profile_dir).returncode == 0
    ev = icalendar.Calendar.from_ical(ics.read_bytes()).walk("VEVENT")[0]
    assert ev.decoded("DTSTART").strftime("%H:%M") == "10:30"
    pdf = tmp_path / "ark.pdf"
    assert run("prep", "sheet", number, "--out", str(pdf), profile=profile_dir).returncode == 0
    assert number in PdfReader(pdf).pages[0].extract_text()


@pytest.mark.slow
def test_cli_bad_input_exit_codes(profile_dir):
    res = run("prep", "create", "--kind", "utproving", "--date", "2020-01-01", "--time", "10:00", "--purpose", "x",
              profile=profile_dir)
    assert res.returncode == 1 and "har allerede vært" in res.stderr
    day = (dt.date.today() + dt.timedelta(days=10)).isoformat()
    res = run("prep", "create", "--kind", "utproving", "--date", day, "--time", "10:00", "--purpose", "x",
              "--candidate", "999999", profile=profile_dir)
    assert res.returncode == 3 and "finnes ikke (lenger) i katalogen" in res.stderr
    res = run("prep", "create", "--kind", "utproving", "--date", "12.01.2027", "--time", "10:00", "--purpose", "x",
              profile=profile_dir)
    assert res.returncode == 1 and "ÅÅÅÅ-MM-DD" in res.stderr
    assert "Ingen kommende forberedelser" in run("prep", "list", profile=profile_dir).stdout    # nothing half made
    res = run("prep", "show", "F-2020-999999", profile=profile_dir)
    assert res.returncode == 3 and "Fant ingen forberedelse" in res.stderr
    assert run("prep", "create", "--kind", "møte", profile=profile_dir).returncode == 2


# --- PostgreSQL ---------------------------------------------------------------------------------

@pytest.mark.postgres
def test_preparation_and_hold_on_postgres(pg_db, tmp_path):
    from hms_desk.platform.secrets import MemorySecrets
    from hms_desk.services.captures import CaptureStore
    from hms_desk.services.cases import CaseService
    from hms_desk.services.preparations import PreparationService
    from hms_desk.video.anonymise import anonymise_still

    secrets = MemorySecrets()
    cases = CaseService(pg_db, CaptureStore(tmp_path / "c", secrets), anonymise_still, "T1")
    prep = PreparationService(pg_db, CaptureStore(tmp_path / "p", secrets), anonymise_still, cases, "T1",
                              exports_dir=tmp_path)
    with pg_db.session() as s, s.begin():
        s.add(Product(hmsnr="316161", name="Netti V", supplier_name="Alu Rehab AS", iso_category="12220303"))
    v = prep.create(PrepInput("utproving", in_days(2), "Prøve sittestilling"))
    prep.add_candidate(v.id, prep.search_products("ISO 122203")[0].hmsnr)
    prep.tick(v.id, "lys")
    assert prep.list()[0].open_items == 5
    result = prep.hold(v.id)
    assert prep.get(v.id).case_number == result.case_number
    assert "Prøve sittestilling" in prep.ics(v.id).replace("\r\n ", "") and prep.write_sheet(v.id).exists()
    assert prep.get(v.id).candidates[0].hmsnr == "316161"
