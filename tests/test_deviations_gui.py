"""Deviations (avvik) through the GUI: report from Vis → Avvik (Ctrl+Shift+A) and from the case
tab, the personal-data guard's message in place with nothing typed lost, the list per case and per
period with filters and counts, export as PDF/A and text, print to a PDF printer."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QGuiApplication
from sqlalchemy import select

from hms_desk.documents.deviation_doc import render_deviation
from hms_desk.documents.pdfa_check import check_pdf
from hms_desk.services.deviations import DeviationDraft, DeviationFilter
from hms_desk.storage.models import AuditEntry, Deviation
from hms_desk.ui.deviations import SCOPE_ALL, SCOPE_CASE, SCOPE_OPEN_CASE, SCOPE_STANDALONE, DeviationsDialog
from tests.document_gui_helpers import (assert_printed_like, pdf_text, printed_to_file, save_as,  # noqa: F401
                                        screenshot, tab_walk, unnamed_controls)
from tests.test_personal_data_scan import make_fnr

FNR = make_fnr(24, 8, 51, 123)

pytestmark = pytest.mark.qt_log_ignore("pipewire", "propagateSizeHints", "does not support raise")


def _fill(form, qtbot, what: str, kind: str = "feil_del", direction: str = "fra_kommune") -> None:
    form.kind.setCurrentIndex(form.kind.findData(kind))
    form.direction.setCurrentIndex(form.direction.findData(direction))
    form.what.clear()
    qtbot.keyClicks(form.what, what)
    qtbot.keyClicks(form.consequence, "Stolen sto ubrukt i tre dager.")
    qtbot.keyClicks(form.measures, "Riktig del sendt med ekspress.")
    form.reporter_role.setCurrentIndex(form.reporter_role.findData("kommunal tekniker"))
    form.reporter_org.clear()
    qtbot.keyClicks(form.reporter_org, "Oslo kommune")
    form.recipient_role.setCurrentIndex(form.recipient_role.findData("hms-tekniker"))
    form.recipient_org.clear()
    qtbot.keyClicks(form.recipient_org, "NAV Hjelpemiddelsentral Oslo")


def _rows(core) -> list[Deviation]:
    with core.db.session() as s:
        return list(s.scalars(select(Deviation).order_by(Deviation.id)))


@pytest.mark.slow
def test_report_list_export_copy_and_print_from_the_window(window, gui_core, qtbot, save_as, printed_to_file,
                                                          tmp_path, answers):
    win, cp = window, window.case_panel

    # Vis → Avvik … (Ctrl+Shift+A) with no case open: the deviation stands alone
    assert win.act_deviations.shortcut().toString() == "Ctrl+Shift+A"
    assert win.act_deviations in win.view_menu.actions()
    win.act_deviations.trigger()
    dlg = win.findChild(DeviationsDialog)
    assert dlg is not None and dlg.isVisible() and dlg.tabs.currentIndex() == dlg.tab_form
    form = dlg.form
    assert not form.link_case.isEnabled()

    # a national ID number in "what happened": the core's message in place, the field marked, text kept
    _fill(form, qtbot, f"Bruker {FNR} fikk feil hjul")
    with qtbot.waitSignal(form.refused, timeout=10000) as refused:
        qtbot.mouseClick(form.submit_button, Qt.MouseButton.LeftButton)
    assert "fødselsnummer" in refused.args[0] and FNR not in refused.args[0]
    assert form.message.isVisible() and form.message.text() == refused.args[0]
    assert form.what.toPlainText() == f"Bruker {FNR} fikk feil hjul" and form.what.property("fieldError") is True
    assert form.reporter_org.text() == "Oslo kommune" and form.measures.toPlainText() == "Riktig del sendt med ekspress."
    assert _rows(gui_core) == []

    form.what.clear()
    qtbot.keyClicks(form.what, "Kommunen fikk hjul i stedet for bremsewire, æøå.")
    assert form.what.property("fieldError") is False
    with qtbot.waitSignal(form.created, timeout=10000) as created:
        qtbot.mouseClick(form.submit_button, Qt.MouseButton.LeftButton)
    standalone = created.args[0]
    assert standalone.case_number is None and standalone.kind == "feil_del" and standalone.direction == "fra_kommune"
    assert standalone.reporter_role == "kommunal tekniker" and standalone.reporter_org == "Oslo kommune"
    assert form.message.text() == f"Avvik {standalone.number} er registrert."
    assert form.what.toPlainText() == ""                  # ready for the next one
    dlg.close()

    # from the case tab: the form opens linked to the open case
    with qtbot.waitSignal(cp.caseStarted, timeout=10000):
        win.act_new_case.trigger()
    win.resize(1366, 768)                                    # a laptop: the case tab's buttons still fit
    win.size_dock()
    page = win.tabs.widget(win.tab_case)
    qtbot.waitUntil(lambda: page.viewport().width() < 600, timeout=5000)
    qtbot.waitUntil(lambda: not page.horizontalScrollBar().isVisible(), timeout=5000)
    page.ensureWidgetVisible(cp.deviation_button)
    qtbot.mouseClick(cp.deviation_button, Qt.MouseButton.LeftButton)
    dlg = win.findChild(DeviationsDialog)
    form = dlg.form
    assert form.link_case.isChecked() and cp.case_number in form.link_case.text()
    _fill(form, qtbot, "Lyden falt ut midt i samtalen.", kind="lyd_bilde_borte", direction="intern")
    with qtbot.waitSignal(form.created, timeout=10000) as created:
        qtbot.mouseClick(form.submit_button, Qt.MouseButton.LeftButton)
    linked = created.args[0]
    assert linked.case_number == cp.case_number

    # an old one (two months ago) for the period filter
    old = gui_core.deviations.create(DeviationDraft(
        kind="feil_del", what_happened="Gammel feil.", reporter_role="tekniker",
        occurred_at=dt.datetime.now() - dt.timedelta(days=60)))

    # the list: all, the open case, without a case, by kind, by period; counts per kind
    lst = dlg.list
    with qtbot.waitSignal(lst.listed, timeout=10000) as listed:
        dlg.tabs.setCurrentIndex(dlg.tab_list)
    assert listed.args == [3] and lst.table.rowCount() == 3
    assert lst.counts.text() == "3 avvik i utvalget — Feil del levert: 2, Lyd eller bilde falt ut: 1"
    assert lst.table.item(0, 2).text() in ("Feil del levert", "Lyd eller bilde falt ut")
    assert "feil_del" not in " ".join(lst.table.item(r, c).text() for r in range(3) for c in range(lst.COLUMNS))
    with qtbot.waitSignal(lst.listed, timeout=10000) as listed:
        lst.scope.setCurrentIndex(lst.scope.findData(SCOPE_OPEN_CASE))
    assert [d.number for d in lst.items] == [linked.number]
    with qtbot.waitSignal(lst.listed, timeout=10000):
        lst.scope.setCurrentIndex(lst.scope.findData(SCOPE_STANDALONE))
    assert sorted(d.number for d in lst.items) == sorted([standalone.number, old.number])
    with qtbot.waitSignal(lst.listed, timeout=10000):
        lst.set_period(dt.date.today() - dt.timedelta(days=7), dt.date.today())
    assert [d.number for d in lst.items] == [standalone.number]
    lst.scope.setCurrentIndex(lst.scope.findData(SCOPE_CASE))          # a case typed by number
    qtbot.keyClicks(lst.case_number, cp.case_number)
    with qtbot.waitSignal(lst.listed, timeout=10000):
        qtbot.keyClick(lst.case_number, Qt.Key.Key_Return)
    assert [d.number for d in lst.items] == [linked.number]
    with qtbot.waitSignal(lst.listed, timeout=10000):
        lst.scope.setCurrentIndex(lst.scope.findData(SCOPE_ALL))
    with qtbot.waitSignal(lst.listed, timeout=10000):
        lst.kind.setCurrentIndex(lst.kind.findData("lyd_bilde_borte"))
    assert [d.number for d in lst.items] == [linked.number]
    with qtbot.waitSignal(lst.listed, timeout=10000):
        lst.kind.setCurrentIndex(0)
    with qtbot.waitSignal(lst.listed, timeout=10000):
        lst.set_period(None, None)
    assert len(lst.items) == 3

    # export the selected one as PDF/A, copy it as text, print it
    assert lst.select(standalone.number)
    out = tmp_path / "avvik.pdf"
    save_as.paths.append(out)
    with qtbot.waitSignal(lst.exported, timeout=30000):
        qtbot.mouseClick(lst.export_button, Qt.MouseButton.LeftButton)
    assert save_as.asked[-1][1] == f"avvik-{standalone.number}.pdf"
    report = check_pdf(out, expect_type="avvik")
    assert report.ok, report.describe()
    text = " ".join(pdf_text(out).split())
    for fact in (standalone.number, "Feil del levert", "Kommunen fikk hjul i stedet for bremsewire, æøå.",
                 "Oslo kommune", "Fra kommunen til HMS"):
        assert fact in text, fact
    with qtbot.waitSignal(lst.copied, timeout=30000) as copied:
        qtbot.mouseClick(lst.copy_button, Qt.MouseButton.LeftButton)
    clip = QGuiApplication.clipboard().text()
    assert clip == copied.args[0] and "Kommunen fikk hjul i stedet for bremsewire, æøå." in clip
    assert "Feil del levert" in clip and "feil_del" not in clip and "<" not in clip
    with qtbot.waitSignal(lst.printed, timeout=60000):
        qtbot.mouseClick(lst.print_button, Qt.MouseButton.LeftButton)
    assert printed_to_file.inside_task == [False]
    assert_printed_like(printed_to_file.files[0], out.read_bytes())
    qtbot.mouseClick(lst.copy_list_button, Qt.MouseButton.LeftButton)
    assert all(n in QGuiApplication.clipboard().text() for n in (standalone.number, linked.number, old.number))

    with gui_core.db.session() as s:
        actions = list(s.scalars(select(AuditEntry.action).where(AuditEntry.object_type == "deviation",
                                                                 AuditEntry.object_id == standalone.number)
                                 .order_by(AuditEntry.id)))
    assert actions == ["created", "exported", "exported", "printed"]
    dlg.close()


@pytest.fixture
def dialog(gui_core, ops, qtbot):
    from hms_desk.ui.printing import PrintService

    printing = PrintService(ops)
    dlg = DeviationsDialog(ops, gui_core.deviations, printing, "nb", gui_core.profile.exports_dir)
    qtbot.addWidget(dlg)
    dlg.show()
    yield dlg
    dlg.close()
    printing.deleteLater()


@pytest.mark.parametrize("field", ["what", "consequence", "measures", "reporter_org", "recipient_org"])
def test_every_free_text_field_is_checked_and_kept(dialog, gui_core, qtbot, field):
    form = dialog.form
    _fill(form, qtbot, "Feil del.")
    widget = getattr(form, field)
    bad = f"Navn: Kari Nordmann {FNR}" if field in ("what", "consequence", "measures") else f"Kari {FNR}"
    widget.setPlainText(bad) if hasattr(widget, "setPlainText") else widget.setText(bad)
    with qtbot.waitSignal(form.refused, timeout=10000) as refused:
        qtbot.mouseClick(form.submit_button, Qt.MouseButton.LeftButton)
    assert FNR not in refused.args[0] and "Kari" not in refused.args[0]
    assert widget.property("fieldError") is True
    assert (widget.toPlainText() if hasattr(widget, "toPlainText") else widget.text()) == bad
    assert gui_core.deviations.list(DeviationFilter()) == []


@pytest.mark.parametrize("text", ["<b>fet</b> & </para> a < b", "Funker 👍 igjen", "før\x00etter",
                                  ("Lang tekst om avviket. " * 900)[:19_000]])
def test_bad_input_makes_a_document(dialog, gui_core, qtbot, text):
    form = dialog.form
    _fill(form, qtbot, "x")
    form.what.setPlainText(text)
    with qtbot.waitSignal(form.created, timeout=10000) as created:
        qtbot.mouseClick(form.submit_button, Qt.MouseButton.LeftButton)
    doc = gui_core.deviations.document(created.args[0].number)
    assert doc.what_happened == text.replace("\x00", "").strip()
    pdf = render_deviation(doc, "pdf").data
    assert check_pdf(pdf, expect_type="avvik").ok


def test_accessible_names_tab_order_and_1366x768(dialog, gui_core, qtbot, tmp_path):
    from hms_desk.ui.forms import fit_to_screen

    dialog.set_case("S-2026-000042", link=True)
    for page in (dialog.form, dialog.list):
        dialog.tabs.setCurrentWidget(page)
        assert unnamed_controls(page) == [], page
    dialog.tabs.setCurrentWidget(dialog.form)
    size = fit_to_screen(dialog, 900, 720, QSize(1366, 768))
    assert size.height() <= 768 - 48
    qtbot.waitUntil(lambda: dialog.size() == size, timeout=5000)
    assert dialog.minimumSizeHint().height() <= size.height()
    assert dialog.form.submit_button.isVisible()
    assert dialog.form.submit_button.mapTo(dialog, dialog.form.submit_button.rect().bottomRight()).y() <= size.height()
    screenshot(dialog, "avvik_form_1366x768", tmp_path)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=5000)
    form = dialog.form
    seen = tab_walk(qtbot, dialog, form.kind, 40)
    for w in (form.direction, form.occurred, form.what, form.consequence, form.measures, form.reporter_role,
              form.reporter_org, form.recipient_role, form.recipient_org, form.link_case, form.submit_button):
        assert w in seen, w.accessibleName() or w.objectName()
    run = longest = 1
    for a, b in zip(seen, seen[1:]):
        run = run + 1 if a is b else 1
        longest = max(longest, run)
    assert longest <= 5                         # a date-time edit steps through its 5 parts; nothing traps
    assert form.what.toPlainText() == ""

    for kind, what in (("feil_del", "Hjul i stedet for bremsewire."), ("lyd_bilde_borte", "Lyden falt ut."),
                       ("utenforstaaende", "En nabo kom inn i rommet under samtalen.")):
        gui_core.deviations.create(DeviationDraft(kind=kind, what_happened=what, reporter_role="tekniker",
                                                  reporter_org="Oslo kommune", recipient_role="hms-tekniker"))
    with qtbot.waitSignal(dialog.list.listed, timeout=10000):
        dialog.tabs.setCurrentWidget(dialog.list)
    assert dialog.list.table.rowCount() == 3
    screenshot(dialog, "avvik_list_1366x768", tmp_path)


def test_fifty_thousand_characters_get_a_clear_message_and_are_kept(dialog, gui_core, qtbot):
    form = dialog.form
    _fill(form, qtbot, "x")
    text = ("Avviket gjentok seg. " * 3000)[:50_000]
    form.what.setPlainText(text)
    with qtbot.waitSignal(form.refused, timeout=10000) as refused:
        qtbot.mouseClick(form.submit_button, Qt.MouseButton.LeftButton)
    assert refused.args[0] == "Teksten er for lang (50000 tegn; høyst 20000)."
    assert form.what.toPlainText() == text and form.what.property("fieldError") is True
