"""OrderDocumentService: the parts order and repair order PDFs from the database, exports, audit."""

from __future__ import annotations

import csv
import io
import json

import cv2
import numpy as np
import pytest
from pypdf import PdfReader
from sqlalchemy import delete, select

from hms_desk.domain.errors import HmsError, NotFound
from hms_desk.domain.nav import Decision
from hms_desk.parts.documents import PARTS_ORDER, REPAIR_ORDER, default_file_name
from hms_desk.parts.orders import DraftLine, OrderDraft
from hms_desk.platform.resources import resource
from hms_desk.storage.models import Device, Loan

DEMO = ("250464", "123456")


def scene_with_face() -> np.ndarray:
    img = np.full((720, 1280, 3), 90, np.uint8)
    cv2.rectangle(img, (700, 200), (1200, 600), (40, 40, 160), -1)   # "the broken part"
    img[100:612, 60:572] = cv2.imread(str(resource("demo", "astronaut.jpg")))
    return img


def text_of(path) -> str:
    return "\n".join(p.extract_text() for p in PdfReader(path).pages)


def image_count(path) -> int:
    n = 0
    for page in PdfReader(path).pages:
        xobjects = page["/Resources"].get_object().get("/XObject")
        if xobjects is None:
            continue
        n += sum(1 for ref in xobjects.get_object().values() if ref.get_object().get("/Subtype") == "/Image")
    return n


def make_order(core, *, case_id=None, snapshot_id=None, key="k-doc"):
    part = next(p for p in core_parts(core) if p.category != "Batteri")
    draft = OrderDraft(hmsnr=DEMO[0], serial=DEMO[1], orderer=core.settings.technician,
                       orderer_hms_unit=core.settings.hms_unit, delivery="servicejobb",
                       lines=[DraftLine(part.hmsnr, quantity=2),
                              DraftLine(None, "1503-1003", "Bremsewire venstre 120 cm", 1, unknown_part=True)],
                       case_id=case_id, snapshot_id=snapshot_id, request_key=key)
    return core.orders.create(draft).order, part


def core_parts(core):
    with core.db.session() as s:
        return core.parts_for_device(s, DEMO[0], None)


@pytest.fixture
def case_with_picture(core):
    case = core.cases.start()
    core.cases.set_device(case.id, *DEMO, "0301")
    snap = core.cases.take_snapshot(case.id, scene_with_face())
    core.cases.set_decision(case.id, Decision.SEND_INN, "Motoren må byttes på verksted")
    return case, snap


def test_parts_order_pdf_has_order_device_lines_and_the_anonymised_picture(core, case_with_picture, tmp_path):
    case, snap = case_with_picture
    assert snap.faces_blurred >= 1
    order, part = make_order(core, case_id=case.id, snapshot_id=snap.id)
    docs = core.order_documents
    data = docs.compose(order.number)
    assert data.case_number == case.number and data.snapshot is not None
    stored = cv2.imdecode(np.frombuffer(core.cases.snapshot_png(snap.id), np.uint8), cv2.IMREAD_COLOR)
    shown = cv2.imdecode(np.frombuffer(data.snapshot.png, np.uint8), cv2.IMREAD_COLOR)
    assert shown.shape[0] <= 600 and shown.shape[1] * stored.shape[0] // stored.shape[1] == shown.shape[0]
    again = cv2.resize(stored, shown.shape[1::-1], interpolation=cv2.INTER_AREA)
    assert np.abs(again.astype(int) - shown).max() <= 1           # the stored, anonymised picture, scaled
    assert data.device.product_name == "Minicrosser X1 4W" and data.device.municipality_name == "Oslo"
    assert data.repair_decision_text == "Sendes inn til HMS"

    pdf = docs.write_pdf(order.number, PARTS_ORDER, tmp_path / "b.pdf")
    text = text_of(pdf)
    for fact in ("Bestilling av deler til reparasjon av hjelpemidler", order.number, "250464", "123456",
                 "Minicrosser X1 4W", part.hmsnr, "1503-1003", "Bremsewire venstre 120 cm", "Ukjent del",
                 "Brukes i serviceoppdrag", case.number, "Bilde av skaden", f"Ansikter sladdet: {snap.faces_blurred}",
                 "Innsendt"):
        assert fact in text, fact
    assert image_count(pdf) == 1

    repair = docs.write_pdf(order.number, REPAIR_ORDER, tmp_path / "r.pdf")
    rtext = text_of(repair)
    for fact in ("Reparasjonsordre", "Vurdering og beslutning", "Sendes inn til HMS",
                 "Motoren må byttes på verksted", order.number, part.hmsnr):
        assert fact in rtext, fact
    assert image_count(repair) == 1


def test_decision_on_screen_overrides_the_stored_one(core, case_with_picture, tmp_path):
    case, snap = case_with_picture
    order, _ = make_order(core, case_id=case.id, snapshot_id=snap.id)
    pdf = core.order_documents.write_pdf(order.number, REPAIR_ORDER, tmp_path / "r.pdf",
                                         decision="REPARER_LOKALT", reason="Kommunen bytter dekket selv")
    text = text_of(pdf)
    assert "Repareres lokalt av kommunen" in text and "Kommunen bytter dekket selv" in text
    assert "Sendes inn til HMS" not in text


def test_order_without_case_or_picture_and_after_the_case_is_closed(core, case_with_picture, tmp_path):
    case, snap = case_with_picture
    order, _ = make_order(core, case_id=case.id, snapshot_id=snap.id)
    core.cases.close(case.id)                          # the picture is deleted with the case
    data = core.order_documents.compose(order.number)
    assert data.snapshot is None and data.case_number == case.number
    pdf = core.order_documents.write_pdf(order.number, PARTS_ORDER, tmp_path / "b.pdf")
    assert image_count(pdf) == 0 and order.number in text_of(pdf)

    bare, _ = make_order(core, key="k-bare")
    data = core.order_documents.compose(bare.number)
    assert data.case_number is None and data.snapshot is None and data.repair_decision_text == ""
    assert "Ikke angitt" in text_of(core.order_documents.write_pdf(bare.number, REPAIR_ORDER, tmp_path / "r.pdf"))


def test_document_when_the_loan_is_gone_from_the_register(core, tmp_path):
    order, _ = make_order(core)
    with core.db.session() as s, s.begin():
        device_id = s.scalar(select(Device.id).where(Device.hmsnr == DEMO[0], Device.serial == DEMO[1]))
        s.execute(delete(Loan).where(Loan.device_id == device_id))
    data = core.order_documents.compose(order.number)
    assert data.device.loan_status == "Utlån ikke funnet"
    assert data.device.product_name == "Minicrosser X1 4W" and data.device.municipality_name == "Oslo"
    assert "Utlån ikke funnet" in text_of(core.order_documents.write_pdf(order.number, PARTS_ORDER,
                                                                         tmp_path / "b.pdf"))


def test_exports_for_the_order_office_have_no_personal_data_and_are_audited(core, tmp_path):
    order, part = make_order(core)
    docs = core.order_documents
    json_path, csv_path = docs.export_for_office(order.number, tmp_path)
    assert json_path.name == default_file_name(order.number, "json") == f"bestilling-{order.number}.json"
    data = json.loads(json_path.read_text(encoding="utf-8"))
    assert data["bestillingsnummer"] == order.number
    assert data["hjelpemiddel"] == {"hmsnr": "250464", "serienr": "123456"}
    assert [(ln["hmsnr"], ln["antall"], ln["ukjent_del"]) for ln in data["linjer"]] == [
        (part.hmsnr, 2, False), (None, 1, True)]
    rows = list(csv.DictReader(io.StringIO(csv_path.read_text(encoding="utf-8-sig")), delimiter=";"))
    assert [(r["del_hmsnr"], r["lev_art_nr"], r["antall"], r["ukjent_del"]) for r in rows] == [
        (part.hmsnr, part.supplier_ref, "2", "nei"), ("", "1503-1003", "1", "ja")]
    assert all(r["bestillingsnummer"] == order.number and r["serienr"] == "123456" for r in rows)
    both = (json_path.read_text(encoding="utf-8") + csv_path.read_text(encoding="utf-8-sig")).lower()
    for personal in ("fødselsnummer", "fnr", "adresse", "diagnose", "bruker_navn"):
        assert personal not in both

    docs.export(order.number, "pdf", tmp_path / "x.pdf")
    docs.record_printed(order.number, REPAIR_ORDER)
    actions = [(a, d.split()[0]) for a, _actor, d in docs.audit_entries(order.number)]
    assert actions == [("created", "2"), ("exported", "json"), ("exported", "csv"),
                       ("exported", "delbestilling"), ("printed", "reparasjonsordre")]
    assert all(actor == core.settings.technician for _a, actor, _d in docs.audit_entries(order.number))


def test_bad_format_unknown_order_and_unwritable_target(core, tmp_path):
    order, _ = make_order(core)
    with pytest.raises(HmsError) as info:
        core.order_documents.export(order.number, "xlsx", tmp_path / "x.xlsx")
    assert info.value.code == "UKJENT_FORMAT"
    with pytest.raises(NotFound):
        core.order_documents.export("D-1999-000001", "json", tmp_path / "x.json")
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(HmsError) as info:
        core.order_documents.export(order.number, "json", blocker / "sub" / "x.json")
    assert "Kunne ikke skrive" in info.value.message
    with pytest.raises(HmsError) as info:
        core.order_documents.write_pdf(order.number, PARTS_ORDER, blocker / "sub" / "x.pdf")
    assert "Kunne ikke skrive" in info.value.message
