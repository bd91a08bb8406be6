"""Lookup, cases, captures and the journal through the real services and a real SQLite file."""

import datetime as dt

import cv2
import numpy as np
import pytest
from pypdf import PdfReader
from sqlalchemy import select

from hms_desk.domain.errors import INGET_UTLAN_TEXT, NoLoan, ValidationError
from hms_desk.domain.nav import Decision
from hms_desk.platform.paths import resource
from hms_desk.platform.secrets import MemorySecrets
from hms_desk.services.captures import CaptureError, CaptureStore
from hms_desk.services.cases import ConsentRequired
from hms_desk.storage.models import AuditEntry, Snapshot

DEMO = ("250464", "123456")


def scene_with_face() -> np.ndarray:
    img = np.full((720, 1280, 3), 90, np.uint8)
    cv2.rectangle(img, (700, 200), (1200, 600), (40, 40, 160), -1)   # "the device"
    face = cv2.imread(str(resource("demo", "astronaut.jpg")))
    img[100:612, 60:572] = face
    return img


@pytest.mark.parametrize("hmsnr,serial,message", [
    ("", "123456", "Hmsnr må ha 6 siffer"),          # NAV: an empty field is "må ha 6 siffer"
    ("12a45", "123456", "Hmsnr må ha 6 siffer; Hmsnr skal kun bestå av tall"),
    ("25046", "123456", "Hmsnr må ha 6 siffer"),
    ("25O464", "123456", "Hmsnr skal kun bestå av tall"),
    ("250464", "12345678", "Serienr må ha 6 siffer"),
    ("250464", "12a456", "Serienr skal kun bestå av tall"),
])
def test_lookup_validates_like_nav(core, hmsnr, serial, message):
    with pytest.raises(ValidationError) as e:
        core.lookup.lookup(hmsnr, serial)
    assert e.value.message == message


def test_lookup_unknown_device_gives_navs_text(core):
    with pytest.raises(NoLoan) as e:
        core.lookup.lookup("250464", "999998")
    assert e.value.message == INGET_UTLAN_TEXT == "Vi finner dessverre ikke et utlån på dette art.nr og serienr."


def test_lookup_demo_device_card(core):
    card = core.lookup.lookup(*DEMO)
    assert card.product_name.startswith("Minicrosser")
    assert card.iso_category.startswith("1223")
    assert card.warranty_years == 3
    assert card.warranty_end == dt.date(2027, 3, 1)
    assert card.municipality_number == "0301" and card.hms_unit == "4703" and card.hms_unit_name == "Oslo"
    assert card.article_status == "I utlån" and card.loan_type == "P"


def test_captures_are_encrypted_at_rest(tmp_path):
    store = CaptureStore(tmp_path, MemorySecrets())
    ok, png = cv2.imencode(".png", scene_with_face())
    name, digest = store.write(png.tobytes())
    raw = (tmp_path / name).read_bytes()
    assert b"\x89PNG" not in raw and png.tobytes()[:4000] not in raw
    assert store.read(name) == png.tobytes()
    lost = CaptureStore(tmp_path, MemorySecrets())    # the key is gone: no new key over the pictures
    with pytest.raises(CaptureError, match="lager ikke en ny nøkkel"):
        lost.read(name)
    other_key = MemorySecrets()
    other_key.set("capture-key-v1", "A" * 43 + "=")    # a different key
    with pytest.raises(CaptureError, match="dekrypteres"):
        CaptureStore(tmp_path, other_key).read(name)
    assert store.delete(name) and not (tmp_path / name).exists()


def test_snapshot_is_anonymised_encrypted_and_deleted_on_close(core):
    case = core.cases.start()
    img = scene_with_face()
    res = core.cases.take_snapshot(case.id, img)
    assert res.faces_blurred >= 1
    files = sorted(f for f in core.profile.captures_dir.rglob("*") if f.is_file())
    assert len(files) == 1 and b"\x89PNG" not in files[0].read_bytes()
    stored = cv2.imdecode(np.frombuffer(core.cases.snapshot_png(res.id), np.uint8), cv2.IMREAD_COLOR)
    face = (slice(170, 270), slice(250, 320))        # the astronaut's face in the scene
    face_before = cv2.Laplacian(cv2.cvtColor(img[face], cv2.COLOR_BGR2GRAY), cv2.CV_64F).var()
    face_after = cv2.Laplacian(cv2.cvtColor(stored[face], cv2.COLOR_BGR2GRAY), cv2.CV_64F).var()
    assert face_after < face_before * 0.2
    assert np.array_equal(stored[650:, 1000:], img[650:, 1000:])          # far from the face: untouched
    assert core.cases.close(case.id) == 1
    assert sorted(f for f in core.profile.captures_dir.rglob("*") if f.is_file()) == []
    with core.db.session() as s:
        snap = s.scalars(select(Snapshot)).one()
        assert snap.deleted_at is not None
        actions = [a.action for a in s.scalars(select(AuditEntry))]
    assert "captured" in actions and "deleted" in actions and "closed" in actions


def test_snapshot_fails_closed_when_anonymiser_fails(core, monkeypatch):
    from hms_desk.video.anonymise import AnonymisationError

    def broken(_img):
        raise AnonymisationError("Ansiktsgjenkjenning er ikke tilgjengelig – bildet ble ikke lagret.")
    core.cases._anonymise = broken
    case = core.cases.start()
    with pytest.raises(AnonymisationError):
        core.cases.take_snapshot(case.id, scene_with_face())
    assert sorted(f for f in core.profile.captures_dir.rglob("*") if f.is_file()) == []
    assert core.cases.snapshots(case.id) == []


def test_pictures_of_the_user_need_consent(core):
    case = core.cases.start()
    core.cases.add_participant(case.id, "bruker", "", in_picture=True)
    with pytest.raises(ConsentRequired, match="samtykke"):
        core.cases.take_snapshot(case.id, scene_with_face())
    core.cases.record_consent(case.id, "muntlig", "bruker", "bilder")
    assert core.cases.take_snapshot(case.id, scene_with_face()).faces_blurred >= 1


def test_retention_deletes_old_captures(core):
    case = core.cases.start()
    res = core.cases.take_snapshot(case.id, scene_with_face())
    with core.db.session() as s, s.begin():
        s.get(Snapshot, res.id).created_at -= dt.timedelta(days=8)
    assert core.cases.enforce_retention(7) == 1
    assert sorted(f for f in core.profile.captures_dir.rglob("*") if f.is_file()) == []


def test_journal_pdf_has_the_case_facts(core):
    case = core.cases.start()
    core.cases.add_participant(case.id, "terapeut", "Oslo kommune")
    core.cases.set_device(case.id, *DEMO, "0301")
    core.cases.take_snapshot(case.id, scene_with_face())
    core.cases.set_decision(case.id, Decision.REPARER_LOKALT, "Løs kontakt <ved> batteri & lader")
    core.cases.set_summary(case.id, "Byttet sikring & strammet kontakt", "Ny samtale ved behov")
    path = core.journal.export_pdf(case.id)
    text = "\n".join(p.extract_text() for p in PdfReader(path).pages)
    for fact in (case.number, "250464", "123456", "Repareres lokalt", "Løs kontakt <ved> batteri & lader",
                 "Byttet sikring & strammet kontakt", "Terapeut", "Oslo kommune"):
        assert fact in text, fact
