"""The walking skeleton through the GUI: start of case to journal PDF and close.

Real services, a real SQLite file, real background threads, the demo video
source, the real anonymiser and a real PDF read back.
"""

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pypdf import PdfReader

from tests.document_gui_helpers import save_as  # noqa: F401
from conftest import picture_shown


pytestmark = pytest.mark.slow




def test_whole_support_call(window, gui_core, qtbot, answers, save_as, tmp_path):
    win, cp, lp, pp, video = window, window.case_panel, window.lookup_panel, window.parts_panel, window.video

    # start a case
    with qtbot.waitSignal(cp.caseStarted, timeout=10000):
        win.act_new_case.trigger()
    assert win.case_label.text().startswith("Sak S-")
    cp.add_person.setEnabled(True)
    cp.role.setCurrentIndex(cp.role.findData("terapeut"))
    qtbot.keyClicks(cp.org, "Bydel Frogner")
    qtbot.mouseClick(cp.add_person, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: cp.people.count() == 1, timeout=5000)

    # live demo video arrives, then freeze
    qtbot.waitUntil(lambda: picture_shown(video), timeout=15000)
    with qtbot.waitSignal(video.freezeChanged, timeout=5000):
        win.act_freeze.trigger()
    assert video.is_frozen

    # snapshot: anonymised, encrypted, in the case
    with qtbot.waitSignal(cp.snapshotAdded, timeout=30000):
        win.act_snapshot.trigger()
    files = sorted(f for f in gui_core.profile.captures_dir.rglob("*") if f.is_file())
    assert len(files) == 1 and b"\x89PNG" not in files[0].read_bytes()
    assert cp.snapshots.count() == 1

    # lookup (Ctrl+L): a malformed HMS-nr gets NAV's message and the typed text stays
    win.act_lookup.trigger()
    qtbot.keyClicks(lp.hmsnr, "25O464")
    qtbot.keyClicks(lp.serial, "123456")
    qtbot.mouseClick(lp.button, Qt.MouseButton.LeftButton)
    assert lp.hmsnr_error.isVisible() and lp.hmsnr_error.text() == "Hmsnr skal kun bestå av tall"
    assert lp.hmsnr.text() == "25O464" and lp.serial.text() == "123456"
    lp.hmsnr.clear()
    qtbot.keyClicks(lp.hmsnr, "250464")
    with qtbot.waitSignal(lp.deviceFound, timeout=10000) as found:
        qtbot.keyClick(lp.hmsnr, Qt.Key.Key_Return)
    card = found.args[0]
    assert card.hmsnr == "250464" and card.serial == "123456"
    assert not lp.hmsnr_error.isVisible()

    # the device's parts, and an order
    win.show_tab(win.tab_parts)
    qtbot.waitUntil(lambda: pp.tree.topLevelItemCount() > 0, timeout=10000)
    non_battery = next(p for p in pp._parts if p.category != "Batteri")
    assert pp.select_part(non_battery.hmsnr)
    qtbot.mouseClick(pp.add_button, Qt.MouseButton.LeftButton)
    assert pp.model.rowCount() == 1
    win.show_tab(win.tab_order)
    with qtbot.waitSignal(pp.orderCreated, timeout=10000) as created:
        qtbot.mouseClick(pp.send_button, Qt.MouseButton.LeftButton)
        qtbot.mouseClick(pp.send_button, Qt.MouseButton.LeftButton)    # a double click: one order
    order_number = created.args[0]
    with gui_core.db.session() as s:
        from sqlalchemy import func, select

        from hms_desk.storage.models import PartsOrder
        assert s.scalar(select(func.count()).select_from(PartsOrder)) == 1

    # decision, summary, journal PDF
    win.show_tab(win.tab_case)
    cp.decision.setCurrentIndex(cp.decision.findData("DELER_TRENGS"))
    qtbot.keyClicks(cp.reason, "Slitt dekk <bak> & løs skjerm")
    qtbot.keyClicks(cp.summary, "Kommunen monterer delen selv.")
    qtbot.keyClicks(cp.next_contact, "Ny samtale ved behov")
    # Ctrl+E opens the journal-note editor on the case; its PDF/A export goes where the technician chose
    from hms_desk.ui.journal_editor import JournalEditor

    with qtbot.waitSignal(cp.journalEditorRequested, timeout=10000):
        win.act_export.trigger()
    editor = win.findChild(JournalEditor)
    qtbot.waitUntil(lambda: editor.current_note() is not None and not editor._loading, timeout=30000)
    assert editor.summary.toPlainText() == "Kommunen monterer delen selv."
    save_as.paths.append(tmp_path / "journalnotat.pdf")
    with qtbot.waitSignal(cp.journalExported, timeout=30000) as exported:
        qtbot.mouseClick(editor.export_pdf_button, Qt.MouseButton.LeftButton)
    editor.close()
    pdf = Path(exported.args[0])
    assert pdf == tmp_path / "journalnotat.pdf"
    text = "\n".join(p.extract_text() for p in PdfReader(pdf).pages)
    for fact in (cp.case_number, "250464", "123456", order_number, "Slitt dekk <bak> & løs skjerm",
                 "Kommunen monterer delen selv.", "Bydel Frogner", non_battery.hmsnr):
        assert fact in text, fact

    # privacy pause: black at once, no snapshot possible
    win.act_privacy.trigger()
    assert video.is_privacy_paused and "PERSONVERNPAUSE" in win.privacy_label.text()
    assert not win.act_snapshot.isEnabled()
    win.act_privacy.trigger()
    assert not video.is_privacy_paused

    # close: it asks first (what will be deleted), then the captures are deleted
    cp_number = cp.case_number
    with qtbot.waitSignal(cp.caseClosed, timeout=10000) as closed:
        win.act_close_case.trigger()
    assert closed.args[1] == 1 and answers.asked == [f"close {cp_number}"]
    assert sorted(f for f in gui_core.profile.captures_dir.rglob("*") if f.is_file()) == []
    assert win.case_label.text() == "Ingen sak"


@pytest.mark.slow
def test_the_demo_call_through_the_real_entry_point(tmp_path):
    """``python -m hms_desk --demo`` on a fresh profile: first-run seeding, the demo video, a case, the
    first snapshot (anonymised, encrypted), quit — and nothing in the log that says something went wrong."""
    import re

    from test_packaging import _run_gui

    profile = tmp_path / "fresh-profile"
    res = _run_gui(profile, "snapshot")
    assert res.returncode == 0, res.stdout + res.stderr
    assert re.search(r"HMS_DESK_SMOKE ok snapshot=\d+ faces=\d+", res.stdout), res.stdout
    log = (profile / "logs" / "hms_desk.log").read_text(encoding="utf-8")
    assert "embedded defaults imported" in log and "case S-" in log
    bad = [line for line in log.splitlines() if " ERROR " in line or " CRITICAL " in line or "Traceback" in line]
    assert bad == [], bad
    assert "Traceback" not in res.stderr
    crashes = [p for p in (profile / "logs" / "crashes").glob("*") if p.stat().st_size]
    assert crashes == []
    assert list((profile / "data" / "captures").rglob("*.hmscap"))
