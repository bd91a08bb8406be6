"""The technician's window: fits a 1366×768 laptop in every state of the support call, every control
has an accessible name (main window and every dialog), Tab reaches everything, cases survive quitting."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QAbstractSlider, QAbstractSpinBox, QApplication,
                               QComboBox, QLineEdit, QPlainTextEdit, QTextEdit, QWidget)

from conftest import as_blank_start_frame, picture_shown

#: 1366×768 minus a task bar (40 px) and a window title bar (30 px).
LAPTOP = (1366, 768 - 40 - 30)
INTERACTIVE = (QAbstractButton, QLineEdit, QComboBox, QAbstractSpinBox, QAbstractItemView, QPlainTextEdit,
               QTextEdit, QAbstractSlider)

pytestmark = pytest.mark.slow


def minimum(win) -> tuple[int, int]:
    size = win.minimumSizeHint().expandedTo(win.minimumSize())
    return size.width(), size.height()


def controls(root: QWidget) -> list[QWidget]:
    """The controls a keyboard or screen-reader user meets (Qt's internal sub-controls excluded)."""
    out = []
    for w in [root, *root.findChildren(QWidget)]:
        if not isinstance(w, INTERACTIVE) or w.focusPolicy() == Qt.FocusPolicy.NoFocus:
            continue
        if isinstance(w, QLineEdit) and isinstance(w.parent(), (QComboBox, QAbstractSpinBox)):
            continue
        if w.window() is not root.window():          # a combo box's popup list
            continue
        out.append(w)
    return out


def nameless(root: QWidget) -> list[str]:
    bad = []
    for w in controls(root):
        iface = QAccessible.queryAccessibleInterface(w)
        if iface is None or not iface.text(QAccessible.Text.Name).strip():
            bad.append(f"{type(w).__name__}({w.objectName()}) in {type(w.parent()).__name__}")
    return bad


class Walk:
    """Checks taken at each state: minimum size and accessible names."""

    def __init__(self, win):
        self.win = win
        self.sizes: dict[str, tuple[int, int]] = {}
        self.named = 0

    def check(self, state: str) -> None:
        self.sizes[state] = minimum(self.win)
        assert self.sizes[state][0] <= LAPTOP[0] and self.sizes[state][1] <= LAPTOP[1], (state, self.sizes[state])
        assert nameless(self.win) == [], (state, nameless(self.win))
        self.named = max(self.named, len(controls(self.win)))


def test_every_state_of_the_support_call_fits_a_laptop_and_every_control_is_named(window, gui_core, qtbot,
                                                                                  answers, monkeypatch):
    from test_parts_gui import battery_device

    from hms_desk.ui import print_preview

    win, cp, lp, pp, video = window, window.case_panel, window.lookup_panel, window.parts_panel, window.video
    win.resize(*LAPTOP)
    walk = Walk(win)
    walk.check("start")
    with qtbot.waitSignal(cp.caseStarted, timeout=10000):
        win.act_new_case.trigger()
    walk.check("sak startet")
    hmsnr, serial = battery_device(gui_core)
    win.act_lookup.trigger()
    lp.set_values(hmsnr, serial)
    with qtbot.waitSignal(pp.partsLoaded, timeout=10000):
        lp.do_lookup()
    walk.check("oppslag")
    win.show_tab(win.tab_parts)
    battery = next(p for p in pp._parts if p.is_battery)
    pp.select_part(battery.hmsnr)
    pp.add_selected()
    pp.add_unknown()                                          # empty form: the reasons beside it
    walk.check("deler og feil i skjema")
    win.show_tab(win.tab_order)
    with qtbot.waitSignal(pp.orderRefused, timeout=10000):    # no battery training confirmed
        pp.send()
    walk.check("bestilling avvist")
    pp.battery_ok.setChecked(True)
    with qtbot.waitSignal(pp.orderCreated, timeout=10000):
        pp.send()
    walk.check("bestilling sendt")
    qtbot.waitUntil(lambda: picture_shown(video), timeout=15000)
    win.act_freeze.trigger()
    walk.check("frosset bilde")
    win.act_freeze.trigger()
    win.act_privacy.trigger()
    walk.check("personvernpause")
    win.act_privacy.trigger()
    win.show_tab(win.tab_cases)
    walk.check("saksliste")
    win.show_tab(win.tab_case)
    with qtbot.waitSignal(cp.caseClosed, timeout=10000):
        win.act_close_case.trigger()
    walk.check("sak lukket")
    win.work_dock.setFloating(True)
    walk.check("arbeidsflaten flyter")
    win.work_dock.setFloating(False)
    print("minimum size per state:", walk.sizes, "named controls:", walk.named)
    assert walk.named >= 50


def _dialog_checks(qtbot, dlg) -> None:
    qtbot.waitExposed(dlg)
    assert nameless(dlg) == [], (type(dlg).__name__, nameless(dlg))
    size = dlg.minimumSizeHint()
    assert size.width() <= LAPTOP[0] and size.height() <= LAPTOP[1], (type(dlg).__name__, size)
    dlg.close()


def test_every_dialog_has_named_controls_and_fits(window, gui_core, qtbot):
    from hms_desk.ui.application import open_import_dialog
    from hms_desk.ui.crash_dialog import CrashDialog
    from hms_desk.ui.precall_check import PreCallCheckDialog
    from hms_desk.ui.source_picker import SourcePickerDialog

    win = window
    for make in (lambda: win.open_settings(), lambda: win.show_shortcuts(), lambda: open_import_dialog(gui_core, win),
                 lambda: SourcePickerDialog("demo", win), lambda: PreCallCheckDialog(win.video, win),
                 lambda: CrashDialog("Traceback (most recent call last): …", None, win)):
        dlg = make()
        dlg.show()
        _dialog_checks(qtbot, dlg)
        dlg.deleteLater()


def test_tab_reaches_the_case_controls_without_traps(window, qtbot):
    cp = window.case_panel
    with qtbot.waitSignal(cp.caseStarted, timeout=10000):
        window.act_new_case.trigger()
    cp.summary.setFocus()
    qtbot.waitUntil(cp.summary.hasFocus, timeout=3000)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert cp.next_contact.hasFocus()                      # the summary box does not swallow Tab
    pp = window.parts_panel
    window.show_tab(window.tab_order)
    pp.lines.setFocus()
    qtbot.keyClick(pp.lines, Qt.Key.Key_Tab)
    assert not pp.lines.hasFocus()                         # nor does the order table


def test_quitting_with_a_case_open_asks_and_the_case_can_be_resumed(gui_core, qtbot, answers):
    from hms_desk.ui.application import build_window

    win = build_window(gui_core)
    qtbot.addWidget(win)
    win.show()
    cp = win.case_panel
    with qtbot.waitSignal(cp.caseStarted, timeout=10000):
        win.act_new_case.trigger()
    number = cp.case_number
    cp.summary.setPlainText("Stolen ble sjekket.")
    cp.save_decision()
    answers.quit = None                                    # «Avbryt»: the window stays
    win.close()
    assert win.isVisible() and answers.asked == [f"quit {number}"]
    answers.quit = "leave"
    win.close()
    qtbot.waitUntil(lambda: not win.isVisible(), timeout=5000)
    win.video.shutdown()
    win.live_blur.shutdown()

    again = build_window(gui_core)                         # next start: the open case is offered
    qtbot.addWidget(again)
    again.show()
    with qtbot.waitSignal(again.ops.idle, timeout=10000):
        again.ops.query(again, gui_core.cases.open_cases).success(again.case_panel.offer_resume).run()
    assert again.case_panel.resume_bar.isVisibleTo(again.case_panel) and number in again.case_panel.resume_bar.text()
    with qtbot.waitSignal(again.case_panel.caseStarted, timeout=10000):
        again.case_panel.resume_button.click()
    assert again.case_panel.case_number == number and again.case_label.text() == f"Sak {number}"
    again.video.shutdown()
    again.live_blur.shutdown()


def test_close_case_asks_first_and_refuses_by_setting_to_delete_what_the_note_needs(window, gui_core, qtbot,
                                                                                      answers):
    cp, video = window.case_panel, window.video
    with qtbot.waitSignal(cp.caseStarted, timeout=10000):
        window.act_new_case.trigger()
    qtbot.waitUntil(lambda: picture_shown(video), timeout=15000)
    with qtbot.waitSignal(cp.snapshotAdded, timeout=30000):
        window.act_snapshot.trigger()
    cp.require_journal_before_close = True
    answers.close = "close"
    closed: list = []
    cp.caseClosed.connect(lambda *a: closed.append(a))
    window.act_close_case.trigger()
    qtbot.waitUntil(lambda: len(answers.previews) == 1, timeout=10000)
    preview, required = answers.previews[0]
    assert preview.pictures == 1 and preview.pictures_since_export == 1 and required
    assert closed == [] and cp.case_id is not None          # refused: the note still needs the picture
    cp.require_journal_before_close = False
    with qtbot.waitSignal(cp.caseClosed, timeout=10000):
        window.act_close_case.trigger()


def test_ctrl_w_no_longer_closes_the_case(window, qtbot):
    cp = window.case_panel
    with qtbot.waitSignal(cp.caseStarted, timeout=10000):
        window.act_new_case.trigger()
    qtbot.keyClick(window, Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier)
    assert cp.case_id is not None
    assert window.act_close_case.shortcut().toString() == "Ctrl+Shift+W"


def test_participants_and_consent_can_be_corrected_and_organisations_are_not_people(window, gui_core, qtbot):
    cp = window.case_panel
    with qtbot.waitSignal(cp.caseStarted, timeout=10000):
        window.act_new_case.trigger()
    cp.role.setCurrentIndex(cp.role.findData("bruker"))
    cp.org.setText("Kari Nordmann 01010112345")
    cp.add_person.click()
    qtbot.waitUntil(lambda: cp.status.text().startswith("Organisasjonen"), timeout=5000)
    assert cp.people.count() == 0 and cp.org.text() == "Kari Nordmann 01010112345"   # refused, kept
    cp.org.setText("Oslo kommune, hjemmetjenesten")
    cp.add_person.click()
    qtbot.waitUntil(lambda: cp.people.count() == 1, timeout=5000)
    assert cp.pictures_blocked
    cp.add_consent.click()
    qtbot.waitUntil(lambda: cp.consents.count() == 1, timeout=5000)
    assert not cp.pictures_blocked
    cp.consents.setCurrentRow(0)
    cp.remove_consent.click()
    qtbot.waitUntil(lambda: cp.consents.count() == 0 and cp.pictures_blocked, timeout=5000)
    cp.people.setCurrentRow(0)
    cp.remove_person.click()
    qtbot.waitUntil(lambda: cp.people.count() == 0 and not cp.pictures_blocked, timeout=5000)
    events = [e.detail for e in gui_core.cases.events(cp.case_id)]
    assert "Deltaker fjernet (bruker)" in events and "Samtykke rettet (fjernet)" in events
    assert not any("hjemmetjenesten" in e for e in events if "fjernet" in e)   # the old value is not kept


def test_a_name_in_the_summary_must_be_confirmed(window, gui_core, qtbot, monkeypatch):
    cp = window.case_panel
    with qtbot.waitSignal(cp.caseStarted, timeout=10000):
        window.act_new_case.trigger()
    cp.summary.setPlainText("Ola Nordmann (010170 12346) ringte om stolen.")
    cp.next_contact.setText("Ny samtale tirsdag")
    exported: list = []
    monkeypatch.setattr(cp, "_journal", None)             # would fail loudly if the export went ahead
    cp.journalExported.connect(exported.append)
    cp.export_journal()
    assert cp.name_warning.isVisibleTo(cp) and "Ola Nordmann" in cp.name_warning.text()
    assert "fødselsnummer" in cp.name_warning.text() and cp.confirm_names.isVisibleTo(cp)
    assert cp.summary.toPlainText().startswith("Ola Nordmann")      # nothing typed is lost
    cp.summary.setPlainText("Brukeren ringte om stolen.")
    assert cp.names_ok() and not cp.name_warning.isVisibleTo(cp)


def test_settings_dialog_validates_applies_and_never_saves_command_line_overrides(profile_dir, qtbot, qloop):
    import json

    from hms_desk.app import Options, build_core
    from hms_desk.platform.secrets import MemorySecrets
    from hms_desk.platform.tasks import ThreadTasks
    from hms_desk.ui.application import build_window, remember_window_layout, save_settings

    core = build_core(Options(profile=profile_dir, secrets=MemorySecrets(), tasks=ThreadTasks(), language="en",
                              demo=True), gui=True)
    try:
        win = build_window(core)
        qtbot.addWidget(win)
        dlg = win.open_settings()
        dlg.technician.setText("Kari Nordmann")
        dlg.accept()
        assert dlg.isVisible() and "ident" in dlg.error.text()              # refused, kept
        assert dlg.technician.text() == "Kari Nordmann"
        dlg.technician.setText("T123456")
        dlg.hms_unit.setCurrentIndex(dlg.hms_unit.findData("4712"))
        dlg.oebs_url.setText("http://oebs.example")
        dlg.accept()
        assert "https" in dlg.error.text()
        dlg.oebs_url.setText("https://oebs.nav.example")
        dlg.oebs_token.setText("hemmelig-nøkkel")
        dlg.retention.setValue(3)
        dlg.accept()
        assert not dlg.isVisible()
        assert core.cases.technician == "T123456" and core.settings.hms_unit == "4712"    # at once
        assert core.settings.oebs.base_url == "https://oebs.nav.example" and core.settings.retention_days == 3
        assert core.secrets.get("oebs-token") == "hemmelig-nøkkel"
        remember_window_layout(core, win)
        assert save_settings(core)
        saved = json.loads(core.profile.settings_file.read_text(encoding="utf-8"))
        assert saved["technician"] == "T123456" and "hemmelig" not in json.dumps(saved)
        assert saved.get("ui", {}).get("language", "nb") == "nb"          # --lang en was for this run only
        assert win.screen_key() in saved["ui"]["layouts"]
        win.video.shutdown()
        win.live_blur.shutdown()
    finally:
        core.close()


def test_the_state_colours_have_enough_contrast():
    from hms_desk.ui.style import COLOUR_PAIRS, contrast

    low = [(what, round(contrast(fg, bg), 2)) for what, fg, bg in COLOUR_PAIRS if contrast(fg, bg) < 4.5]
    assert low == []


def test_the_focused_control_has_a_visible_ring(window, qtbot):
    from PySide6.QtGui import QColor

    from hms_desk.ui.style import FOCUS

    lp = window.lookup_panel
    window.act_lookup.trigger()
    qtbot.waitUntil(lp.hmsnr.hasFocus, timeout=3000)
    lp.button.setFocus()
    qtbot.waitUntil(lp.button.hasFocus, timeout=3000)
    image = lp.button.grab().toImage()
    ring = QColor(FOCUS)
    hits = sum(1 for x in range(image.width()) for y in (0, 1, image.height() - 1, image.height() - 2)
               if abs(image.pixelColor(x, y).red() - ring.red()) < 40
               and abs(image.pixelColor(x, y).blue() - ring.blue()) < 40)
    assert hits > image.width()          # the ring runs along the button's edges


def test_no_snapshot_of_the_black_start_frame(window, gui_core, qtbot, monkeypatch):
    """While the face blur starts the picture is black with a banner: «Ta bilde» says so and
    stores nothing, instead of a black picture in the case."""
    cp, video = window.case_panel, window.video
    with qtbot.waitSignal(cp.caseStarted, timeout=10000):
        window.act_new_case.trigger()
    qtbot.waitUntil(lambda: video.current_frame() is not None, timeout=15000)
    blank = as_blank_start_frame(video.current_frame())
    monkeypatch.setattr(video, "current_frame", lambda: blank)
    window.act_snapshot.trigger()
    assert "svart" in window.statusBar().currentMessage()
    assert cp.snapshots.count() == 0
