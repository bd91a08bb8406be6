"""The parts assistant through the GUI: lookup → parts → lines → refusal beside its cause → send → print.

Real services, a real SQLite file, real background threads, the demo video,
the real anonymiser.  Printing goes through the real print path (PDF →
PDFium pages → QPainter on a QPrinter from a QPrintPreviewDialog); only the
dialog's ``exec`` is replaced, by a printer that writes a PDF file, which is
read back.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import cv2
import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from pypdf import PdfReader
from sqlalchemy import select

from hms_desk.domain import nav
from hms_desk.parts.catalog import parts_for_device
from hms_desk.storage.models import Device, Loan, Municipality
from hms_desk.ui import print_preview
from hms_desk.ui.parts_panel import PartsPanel, placeholder_pixmap
from conftest import picture_shown

pytestmark = pytest.mark.slow

TRAINING_TEXT = "Tekniker må bekrefte opplæring i bytting av batteriene"


def battery_device(core) -> tuple[str, str]:
    """A device in the technician's HMS unit, out of warranty, whose parts include a battery."""
    with core.db.session() as s:
        rows = s.execute(select(Device, Loan).join(Loan, Loan.device_id == Device.id)
                         .join(Municipality, Municipality.number == Loan.municipality)
                         .where(Municipality.hms_unit == core.settings.hms_unit)
                         .order_by(Device.hmsnr, Device.serial)).all()
        for device, _loan in rows:
            if nav.under_warranty(device.created_date, device.iso_category, dt.date.today()):
                continue
            parts = parts_for_device(s, device.hmsnr, device.iso_category or None)
            if any(p.is_battery for p in parts) and sum(not p.is_battery for p in parts) >= 1:
                return device.hmsnr, device.serial
    raise AssertionError("the demo register has no out-of-warranty device with a battery part")


def pages_of(path: Path, dpi: int = 50) -> list[np.ndarray]:
    """Pages as float pixels, softened so resampling edges do not count as differences."""
    return [cv2.GaussianBlur(p.pixels.astype(np.float32), (0, 0), 2)
            for p in print_preview.render_pdf_pages(path, dpi)]


def page_difference(a: np.ndarray, b: np.ndarray) -> float:
    h, w = min(a.shape[0], b.shape[0]), min(a.shape[1], b.shape[1])
    return float(np.abs(a[:h, :w] - b[:h, :w]).mean())




@pytest.fixture
def printed_to_file(monkeypatch, tmp_path):
    """Replace the preview dialog's exec: 'print' into a PDF file through the dialog's own printer."""
    printed: list[Path] = []

    def ask(cls, dialog, done):
        assert isinstance(dialog, QPrintPreviewDialog)
        printer = dialog.printer()
        out = tmp_path / f"printed-{len(printed) + 1}.pdf"
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out))
        dialog.paintRequested.emit(printer)
        printed.append(out)
        done(True)
        dialog.close()
    monkeypatch.setattr(print_preview.PrintPreview, "ask", classmethod(ask))
    return printed


def test_order_from_lookup_to_printed_parts_and_repair_order(window, gui_core, qtbot, printed_to_file, tmp_path):
    win, cp, lp, pp, video = window, window.case_panel, window.lookup_panel, window.parts_panel, window.video
    hmsnr, serial = battery_device(gui_core)

    # a case with an anonymised picture of the damage
    with qtbot.waitSignal(cp.caseStarted, timeout=10000):
        win.act_new_case.trigger()
    qtbot.waitUntil(lambda: picture_shown(video), timeout=15000)
    with qtbot.waitSignal(cp.snapshotAdded, timeout=30000) as snap:
        win.act_snapshot.trigger()
    assert win.context.snapshot_id == snap.args[0]

    # lookup → the parts that fit, grouped, with a card
    qtbot.keyClicks(lp.hmsnr, hmsnr)
    qtbot.keyClicks(lp.serial, serial)
    with qtbot.waitSignal(pp.partsLoaded, timeout=10000):
        qtbot.keyClick(lp.hmsnr, Qt.Key.Key_Return)
    win.show_tab(win.tab_parts)
    battery = next(p for p in pp._parts if p.is_battery)
    other = next(p for p in pp._parts if not p.is_battery)
    assert pp.tree.topLevelItemCount() == len({p.category for p in pp._parts})
    assert not pp.battery_ok.isVisibleTo(pp.order_page)                         # no battery on the order yet

    assert pp.select_part(other.hmsnr)
    assert pp.card_fields["hmsnr"].text() == other.hmsnr and pp.card_name.text() == other.name
    assert pp.card_fields["max_qty"].text() == str(other.max_qty)
    assert pp.card_fields["default_qty"].text() == str(other.default_qty)
    assert pp.card_image_is_placeholder                          # no catalogue pictures offline
    qtbot.mouseClick(pp.add_button, Qt.MouseButton.LeftButton)

    # filter by category, then add the battery
    pp.category.setCurrentIndex(pp.category.findData("Batteri"))
    assert set(pp.visible_part_numbers()) == {p.hmsnr for p in pp._parts if p.is_battery}
    assert pp.select_part(battery.hmsnr)
    assert "opplæring" in pp.card_fields["category"].text()
    qtbot.mouseClick(pp.add_button, Qt.MouseButton.LeftButton)
    pp.category.setCurrentIndex(0)
    assert pp.battery_ok.isVisibleTo(pp.order_page) and not pp.battery_ok.isChecked()

    # an unknown part: first without a description (said beside the form, text kept), then right
    qtbot.keyClicks(pp.unknown_ref, "1503-1003")
    qtbot.mouseClick(pp.unknown_add, Qt.MouseButton.LeftButton)
    assert pp.unknown_error.isVisibleTo(pp.parts_page) and "Beskriv delen du trenger." in pp.unknown_error.text()
    assert pp.unknown_ref.text() == "1503-1003" and pp.model.rowCount() == 2
    qtbot.keyClicks(pp.unknown_desc, "Bremsewire venstre 120 cm")
    qtbot.mouseClick(pp.unknown_add, Qt.MouseButton.LeftButton)
    assert not pp.unknown_error.isVisibleTo(pp.parts_page) and pp.model.rowCount() == 3
    assert pp.unknown_ref.text() == "" and pp.draft_lines()[2].unknown_part

    # the same HMS-nr again as an "unknown" part: the service refuses it on that line
    qtbot.keyClicks(pp.unknown_hmsnr, other.hmsnr)
    qtbot.keyClicks(pp.unknown_desc, "Samme del en gang til")
    qtbot.mouseClick(pp.unknown_add, Qt.MouseButton.LeftButton)
    assert pp.model.rowCount() == 4

    # send without training: each reason beside what caused it, nothing stored
    with qtbot.waitSignal(pp.orderRefused, timeout=10000):
        qtbot.mouseClick(pp.send_button, Qt.MouseButton.LeftButton)
    assert pp.battery_error.text() == TRAINING_TEXT and pp.battery_error.isVisibleTo(pp.order_page)
    assert "står på flere linjer" in pp.line_note(3)
    assert pp.line_note(0) == pp.line_note(1) == pp.line_note(2) == ""
    assert pp.violations.text() == "" and pp.model.rowCount() == 4
    assert gui_core.orders.list_for_device(hmsnr, serial) == []

    # fix: remove the duplicate, confirm training, send (a double click makes one order)
    pp.lines.selectRow(3)
    qtbot.mouseClick(pp.remove_button, Qt.MouseButton.LeftButton)
    pp.battery_ok.setChecked(True)
    assert pp.battery_error.text() == ""
    with qtbot.waitSignal(pp.orderCreated, timeout=10000) as created:
        qtbot.mouseClick(pp.send_button, Qt.MouseButton.LeftButton)
        qtbot.mouseClick(pp.send_button, Qt.MouseButton.LeftButton)
    number = created.args[0]
    orders = gui_core.orders.list_for_device(hmsnr, serial)
    assert [o.number for o in orders] == [number]
    order = orders[0]
    assert order.has_battery and order.snapshot_id == snap.args[0] and order.case_id == cp.case_id
    assert pp.documents_row.isVisibleTo(pp.order_page) and pp.model.rowCount() == 0 and not pp.battery_ok.isVisibleTo(pp.order_page)

    # the repair decision chosen on the case panel (not saved yet) goes on the repair order
    cp.decision.setCurrentIndex(cp.decision.findData("DELER_TRENGS"))
    qtbot.keyClicks(cp.reason, "Batteriet holder ikke spenning")

    # print the parts order through the print path into a PDF file and read it back
    with qtbot.waitSignal(pp.documentPrinted, timeout=30000) as done:
        qtbot.mouseClick(pp.print_order_button, Qt.MouseButton.LeftButton)
    assert done.args == ["bestilling", number]
    printed = printed_to_file[0]
    reader = PdfReader(printed)
    assert len(reader.pages) == 1
    assert [round(float(v)) for v in reader.pages[0].mediabox[2:]] == [595, 842]      # A4

    source = gui_core.order_documents.write_pdf(number, "bestilling", tmp_path / "source.pdf", action="")
    repair_source = gui_core.order_documents.write_pdf(number, "reparasjonsordre", tmp_path / "rsource.pdf",
                                                       action="", decision="DELER_TRENGS",
                                                       reason="Batteriet holder ikke spenning")
    text = "\n".join(p.extract_text() for p in PdfReader(source).pages)
    for fact in (number, hmsnr, serial, other.hmsnr, battery.hmsnr, "1503-1003", "Bremsewire venstre 120 cm",
                 "Bilde av skaden", cp.case_number):
        assert fact in text, fact
    printed_page, = pages_of(printed)
    same = page_difference(printed_page, pages_of(source)[0])
    different = page_difference(printed_page, pages_of(repair_source)[0])
    assert same < 2.0 < different, (same, different)        # what was printed is this order's parts order

    with qtbot.waitSignal(pp.documentPrinted, timeout=30000) as done:
        qtbot.mouseClick(pp.print_repair_button, Qt.MouseButton.LeftButton)
    assert done.args == ["reparasjonsordre", number]
    rtext = "\n".join(p.extract_text() for p in PdfReader(repair_source).pages)
    assert "Deler må bestilles" in rtext and "Batteriet holder ikke spenning" in rtext
    assert page_difference(pages_of(printed_to_file[1])[0], pages_of(repair_source)[0]) < 2.0

    # export for the order office
    with qtbot.waitSignal(pp.orderExported, timeout=10000) as exported:
        qtbot.mouseClick(pp.export_button, Qt.MouseButton.LeftButton)
    json_path, csv_path = (Path(p) for p in exported.args[0])
    assert json.loads(json_path.read_text(encoding="utf-8"))["bestillingsnummer"] == number
    assert csv_path.suffix == ".csv" and number in csv_path.read_text(encoding="utf-8-sig")

    actions = [a for a, _actor, _d in gui_core.order_documents.audit_entries(number)]
    assert actions == ["created", "printed", "printed", "exported", "exported"]
    assert not list(Path(gui_core.profile.exports_dir).glob("*.pdf"))     # printing leaves no PDF behind


def test_part_card_shows_an_offline_catalogue_picture(gui_core, ops, qtbot, tmp_path):
    from hms_desk.parts.catalog import PartInfo

    images = tmp_path / "bilder"
    images.mkdir()
    picture = QImage(64, 48, QImage.Format.Format_RGB32)
    picture.fill(QColor("#2a6ebb"))
    assert picture.save(str(images / "150817.png"))
    from hms_desk.ui.case_context import CaseContext
    from hms_desk.ui.parts_panel import Orderer

    panel = PartsPanel(ops, CaseContext(), lambda *a: [], lambda d: None, lambda: Orderer("T1", "4703"),
                       images_dir=images)
    qtbot.addWidget(panel)

    def part(image: str) -> PartInfo:
        return PartInfo("150817", "Dekk 24x1", "1000038", "Dekk", 2, 4, True, False, image, ("serie",))

    panel._show_card(part("150817.png"))
    assert not panel.card_image_is_placeholder
    shown = panel.card_image.pixmap().toImage()
    assert shown.pixelColor(shown.width() // 2, shown.height() // 2).name() == "#2a6ebb"
    for image in ("", "missing.jpg", "../../etc/passwd", "https://example.org/150817.png.exe"):
        panel._show_card(part(image))
        assert panel.card_image_is_placeholder, image
    assert placeholder_pixmap(40, "Dekk").size().width() == 40


def test_part_card_shows_the_picture_an_import_stored_and_xk_lager_only_where_there_is_one(gui_core, ops, qtbot):
    # NAV: web components/Bilde/Bilde.tsx (the part's picture on its card) and containers/Utsjekk.tsx
    # (the XK-lager choice only where the municipality has one, else the service job)
    import dataclasses

    from PySide6.QtCore import QBuffer, QIODevice

    from hms_desk.parts.catalog import PartInfo

    picture = QImage(64, 48, QImage.Format.Format_RGB32)
    picture.fill(QColor("#bb2a6e"))
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    assert picture.save(buffer, "PNG")
    from hms_desk.ui.case_context import CaseContext
    from hms_desk.ui.parts_panel import Orderer

    panel = PartsPanel(ops, CaseContext(), lambda *a: [], lambda d: None, lambda: Orderer("T100001", "4703"))
    qtbot.addWidget(panel)
    panel._show_card(PartInfo("150817", "Dekk 24x1", "1000038", "Dekk", 2, 4, True, False, "orig/1.jpg",
                              ("serie",), picture=bytes(buffer.data())))
    assert not panel.card_image_is_placeholder
    shown = panel.card_image.pixmap().toImage()
    assert shown.pixelColor(shown.width() // 2, shown.height() // 2).name() == "#bb2a6e"

    oslo = gui_core.lookup.lookup("250464", "123456")
    with qtbot.waitSignal(panel.partsLoaded, timeout=10000):
        panel.set_device(oslo)
    assert panel.delivery.isEnabled()
    with qtbot.waitSignal(panel.partsLoaded, timeout=10000):
        panel.set_device(dataclasses.replace(oslo, serial="654321", municipality_number="3201"))
    assert not panel.delivery.isEnabled() and panel.delivery.currentData() == "servicejobb"


def _device_with_an_accessory(core):
    from hms_desk.storage.models import Device

    with core.db.session() as s:
        for device in s.scalars(select(Device).order_by(Device.hmsnr, Device.serial)):
            parts = parts_for_device(s, device.hmsnr, device.iso_category or None)
            accessory = next((p for p in parts if p.is_accessory), None)
            other = next((p for p in parts if not p.is_accessory and not p.is_battery), None)
            if accessory is not None and other is not None:
                try:
                    card = core.lookup.lookup(device.hmsnr, device.serial)
                except Exception:  # noqa: BLE001 - no loan: try the next one
                    continue
                if card.hms_unit == core.settings.hms_unit:
                    return card, accessory, other
    pytest.fail("the demo register has no device with an accessory in the technician's unit")


def test_an_accessory_is_asked_about_and_lines_show_their_shipping_in_the_case_list(window, gui_core, qtbot):
    """NAV: an accessory only when it is already on the device; per-line status and expected delivery."""
    import datetime as dt

    pp, win = window.parts_panel, window
    card, accessory, other = _device_with_an_accessory(gui_core)
    with qtbot.waitSignal(pp.partsLoaded, timeout=10000):
        win.context.set_device(card)
    assert pp.select_part(accessory.hmsnr) and pp.accessory_present.isVisibleTo(pp.parts_page)
    pp.add_selected()                                       # not ticked: "not on the device"
    with qtbot.waitSignal(pp.orderRefused, timeout=10000):
        pp.send()
    assert "tilbehør" in pp.line_note(0).lower()
    pp.remove_line(0)
    assert pp.select_part(accessory.hmsnr)
    pp.accessory_present.setChecked(True)
    pp.add_selected()
    assert pp.draft_lines()[0].accessory_on_device is True
    pp.remove_line(0)
    pp.select_part(other.hmsnr)
    pp.add_selected()
    with qtbot.waitSignal(pp.orderCreated, timeout=10000) as created:
        pp.send()
    number = created.args[0]
    gui_core.orders.change_status(number, "REGISTRERT", "T100001")
    gui_core.orders.change_status(number, "KLARGJORT", "T100001")
    gui_core.orders.confirm_line_shipped(number, 1, dt.date(2026, 11, 27), "T100001")   # a Friday
    panel = win.case_list
    with qtbot.waitSignal(panel.ordersListed, timeout=10000):
        panel.show_orders(None)
    texts = [panel.orders_table.item(r, 4).text() for r in range(panel.orders_table.rowCount())]
    assert any("forventet levering 30.11.2026" in t for t in texts), texts            # Monday
