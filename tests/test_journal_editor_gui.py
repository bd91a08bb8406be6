"""The journal-note editor through the GUI: Ctrl+E opens it on the case, the technician edits,
exports PDF/A (self-check), copies plain text, exports JSON, prints to a PDF printer and exports
again — on real services, a real SQLite file, real background threads and real files read back.
Drafts are saved as the technician types and are found again by a window rebuilt from the same
profile; bad input gets a document or a clear message and loses nothing typed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QGuiApplication
from sqlalchemy import select

from hms_desk.documents.pdfa_check import check_pdf
from hms_desk.domain.nav import Decision
from hms_desk.storage.models import AuditEntry
from hms_desk.ui.journal_editor import JournalEditor
from tests.document_gui_helpers import (assert_printed_like, pdf_text, printed_to_file, save_as,  # noqa: F401
                                        screenshot, tab_walk, unnamed_controls)
from tests.test_personal_data_scan import make_fnr

FNR = make_fnr(24, 8, 51, 123)

pytestmark = pytest.mark.qt_log_ignore("pipewire", "propagateSizeHints", "does not support raise")


def _audit(core, number: str) -> list[tuple[str, str]]:
    with core.db.session() as s:
        rows = s.execute(select(AuditEntry.action, AuditEntry.detail)
                         .where(AuditEntry.object_type == "journal", AuditEntry.object_id == number)
                         .order_by(AuditEntry.id)).all()
    return [(a, d or "") for a, d in rows]


def _open_editor(win, qtbot) -> JournalEditor:
    """Ctrl+E on the open case: the panel's fields are saved, then the editor opens and loads."""
    cp = win.case_panel
    with qtbot.waitSignal(cp.journalEditorRequested, timeout=10000):
        win.act_export.trigger()
    editor = win.findChild(JournalEditor)
    assert editor is not None and editor.isVisible()
    qtbot.waitUntil(lambda: editor.current_note() is not None and not editor._loading, timeout=30000)
    return editor


def _demo_case(core, win, qtbot) -> int:
    from hms_desk.parts.demo import ensure_demo_call

    cid = ensure_demo_call(core.db, core.cases, core.orders, core.journal)
    with qtbot.waitSignal(win.case_panel.caseStarted, timeout=20000):
        win.case_panel.resume(cid)
    return cid


@pytest.mark.slow
def test_edit_export_copy_json_print_and_export_again(window, gui_core, qtbot, save_as, printed_to_file, tmp_path,
                                                      answers):
    win, cp = window, window.case_panel
    _demo_case(gui_core, win, qtbot)
    editor = _open_editor(win, qtbot)
    note = editor.current_note()
    assert note.case_number == "demo" and editor.template.currentData() == "support"
    # prefilled from the case: device with its order, people by role, the picture, decision, summary
    assert editor.devices.count() == 1 and "250464 / 123456" in editor.devices.item(0).text()
    order = note.devices[0].orders[0].number
    assert order in editor.devices.item(0).text()
    assert [r.role.currentData() for r in editor._rows] == ["tekniker", "terapeut"]
    assert editor.pictures.count() == 1 and not editor.pictures.item(0).icon().isNull()   # a thumbnail
    assert editor.decision.currentData() == "DELER_TRENGS" and editor.summary.toPlainText().startswith("Kommunal")

    # edit: findings typed (Norwegian letters), the summary emptied — export is refused, clearly
    editor.findings.setFocus()
    editor.findings.moveCursor(editor.findings.textCursor().MoveOperation.End)
    with qtbot.waitSignal(editor.draftSaved, timeout=10000):
        qtbot.keyClicks(editor.findings, " Bøylen på høyre side må også skiftes, ærlig talt.")
    editor.summary.clear()
    with qtbot.waitSignal(editor.refused, timeout=5000) as refused:
        qtbot.mouseClick(editor.export_pdf_button, Qt.MouseButton.LeftButton)
    assert refused.args[0] == "Journalnotatet kan ikke eksporteres ennå: fyll ut oppsummering."
    assert editor.message.isVisible() and editor.message.text() == refused.args[0]
    assert save_as.asked == []                       # no file dialog for a note that cannot go out
    assert editor.summary.property("fieldError") is True
    qtbot.keyClicks(editor.summary, "Hjul og bøyle bestilt; kommunen monterer selv.")
    assert editor.summary.property("fieldError") is False

    # the template: utprøving changes the headings and keeps the typed text
    editor.template.setCurrentIndex(editor.template.findData("utproving"))
    assert editor.problem_label.text().replace("&", "") == "Bakgrunn og behov:"
    assert "Bøylen på høyre side" in editor.findings.toPlainText()
    editor.template.setCurrentIndex(editor.template.findData("support"))

    # PDF/A to a file the technician chose: passes the self-check, text reads back with æøå
    pdf_path = tmp_path / "ut" / "notat.pdf"
    pdf_path.parent.mkdir()
    save_as.paths.append(pdf_path)
    with qtbot.waitSignal(editor.exported, timeout=30000) as exported:
        qtbot.mouseClick(editor.export_pdf_button, Qt.MouseButton.LeftButton)
    assert exported.args == ["pdf", str(pdf_path)]
    assert save_as.asked[-1][1] == "journalnotat-demo.pdf"
    report = check_pdf(pdf_path, expect_type="notat")
    assert report.ok, report.describe()
    text = " ".join(pdf_text(pdf_path).split())
    for fact in ("demo", "250464", "123456", order, "Bøylen på høyre side må også skiftes, ærlig talt.",
                 "Hjul og bøyle bestilt; kommunen monterer selv.", "Deler må bestilles", "Bydel Frogner"):
        assert fact in text, fact
    assert "DELER_TRENGS" not in text
    assert str(pdf_path) in editor.message.text()
    assert cp.status.text().startswith("Journalnotat lagret")          # the case panel heard it

    # plain text on the clipboard: no markup, no codes, Norwegian letters intact
    with qtbot.waitSignal(editor.copied, timeout=30000) as copied:
        qtbot.mouseClick(editor.copy_button, Qt.MouseButton.LeftButton)
    clip = QGuiApplication.clipboard().text()
    assert clip == copied.args[0]
    assert "Bøylen på høyre side må også skiftes, ærlig talt." in clip and "Deler må bestilles" in clip
    assert "DELER_TRENGS" not in clip and "<" not in clip and "**" not in clip
    assert "Venstre bakhjul, slitt dekk (pil)" in clip                  # the picture, by its caption

    # JSON
    json_path = tmp_path / "ut" / "notat.json"
    save_as.paths.append(json_path)
    with qtbot.waitSignal(editor.exported, timeout=30000) as exported:
        qtbot.mouseClick(editor.json_button, Qt.MouseButton.LeftButton)
    data = json.loads(json_path.read_text(encoding="utf-8"))
    assert data["beslutning"] == "Deler må bestilles"
    assert "Bøylen på høyre side" in json.dumps(data, ensure_ascii=False)

    # print: rendered off the GUI thread, the preview opened after the operation, printed to a PDF printer
    with qtbot.waitSignal(editor.printed, timeout=60000) as printed:
        qtbot.mouseClick(editor.print_button, Qt.MouseButton.LeftButton)
    assert printed.args == ["demo"] and printed_to_file.inside_task == [False]
    assert_printed_like(printed_to_file.files[0], pdf_path.read_bytes())

    # export again after another edit: the new text is in the new file
    editor.next_contact.clear()
    qtbot.keyClicks(editor.next_contact, "Ny samtale fredag kl. 10")
    second = tmp_path / "ut" / "notat-2.pdf"
    save_as.paths.append(second)
    with qtbot.waitSignal(editor.exported, timeout=30000):
        qtbot.mouseClick(editor.export_pdf_button, Qt.MouseButton.LeftButton)
    assert check_pdf(second, expect_type="notat").ok
    assert "Ny samtale fredag kl. 10" in " ".join(pdf_text(second).split())

    actions = [(a, d.split()[0] if d else "") for a, d in _audit(gui_core, "demo")]
    assert actions == [("exported", "PDF"), ("exported", "tekst"), ("exported", "JSON"), ("printed", ""),
                       ("exported", "PDF")]
    # the draft has what was typed
    assert gui_core.journal.draft(cp.case_id).next_contact == "Ny samtale fredag kl. 10"
    editor.close()


@pytest.mark.slow
def test_draft_is_found_again_by_a_window_rebuilt_from_the_same_profile(window, gui_core, qtbot, profile_dir,
                                                                        answers):
    from hms_desk.app import Options, build_core
    from hms_desk.platform.secrets import MemorySecrets
    from hms_desk.platform.tasks import ThreadTasks
    from hms_desk.ui.application import build_window

    win, cp = window, window.case_panel
    with qtbot.waitSignal(cp.caseStarted, timeout=10000):
        win.act_new_case.trigger()
    cid = cp.case_id
    editor = _open_editor(win, qtbot)
    with qtbot.waitSignal(editor.draftSaved, timeout=10000):          # saved while typing, no button
        qtbot.keyClicks(editor.findings, "Skrevet før krasjet: æøå ÆØÅ <b> & ok")
    assert editor.dirty is False

    # a second window from the same profile (as after a crash): the text is there
    core2 = build_core(Options(profile=profile_dir, secrets=MemorySecrets(), tasks=ThreadTasks()), gui=True)
    win2 = build_window(core2)
    qtbot.addWidget(win2)
    try:
        win2.show()
        with qtbot.waitSignal(win2.case_panel.caseStarted, timeout=10000):
            win2.case_panel.resume(cid)
        editor2 = _open_editor(win2, qtbot)
        assert editor2.findings.toPlainText() == "Skrevet før krasjet: æøå ÆØÅ <b> & ok"
        assert editor2.revision >= 1 and "lagret" in editor2.draft_state.text()
        editor2.close()
    finally:
        editor.close()
        win2.quit_without_asking()
        win2.close()
        win2.live_blur.shutdown()
        win2.video.shutdown()
        core2.close()


# --- bad input: a document or a clear message, nothing typed lost ----------------------------------

BAD = {
    "markup": "Bruk <b>fet</b> & <i>kursiv</i> </para> <para> a < b && c > d &amp;",
    "emoji": "Stolen virker 👍 igjen 🦽🔧 – takk!",
    "nul": "før\x00etter og mer",
    "long": ("§ 10-7 Hjelpemidler gir rett til stønad når funksjonsevnen er nedsatt. " * 800)[:50_000],
}


@pytest.fixture
def editor_on_case(gui_core, ops, qtbot):
    """An editor on a fresh case with summary and next contact filled (built without the main window)."""
    from hms_desk.ui.printing import PrintService

    case = gui_core.cases.start()
    gui_core.cases.set_summary(case.id, "Oppsummert.", "Ny samtale ved behov")
    printing = PrintService(ops)
    editor = JournalEditor(ops, gui_core.journal, printing, case.id, picture_png=gui_core.cases.snapshot_png,
                           exports_dir=gui_core.profile.exports_dir)
    qtbot.addWidget(editor)
    with qtbot.waitSignal(editor.loaded, timeout=20000):
        editor.show()
    yield editor
    editor.close()
    printing.deleteLater()


@pytest.mark.parametrize("name", BAD)
def test_bad_input_in_findings_renders_and_nothing_typed_is_lost(editor_on_case, qtbot, save_as, tmp_path, name):
    editor = editor_on_case
    text = BAD[name]
    with qtbot.waitSignal(editor.draftSaved, timeout=20000):
        editor.findings.setPlainText(text)                             # as pasted
    assert editor.findings.toPlainText() == text                       # nothing typed lost
    out = tmp_path / f"{name}.pdf"
    save_as.paths.append(out)
    with qtbot.waitSignal(editor.exported, timeout=60000):
        qtbot.mouseClick(editor.export_pdf_button, Qt.MouseButton.LeftButton)
    report = check_pdf(out, expect_type="notat")
    assert report.ok, report.describe()
    assert editor.findings.toPlainText() == text
    printed = " ".join(pdf_text(out).split())
    if name == "markup":
        assert "<b>fet</b> & <i>kursiv</i> </para> <para> a < b && c > d &amp;" in printed
    elif name == "nul":
        assert "føretter og mer" in printed and "\x00" not in printed
    elif name == "emoji":
        assert "Stolen virker" in printed and "igjen" in printed
        assert editor.message.text().count("Journalnotatet er lagret") == 1
        assert "tegn" in editor.message.text()                            # the font-lacks-a-character note
    elif name == "long":
        assert printed.count("§ 10-7 Hjelpemidler") > 100
    with qtbot.waitSignal(editor.copied, timeout=30000):
        qtbot.mouseClick(editor.copy_button, Qt.MouseButton.LeftButton)
    clip = QGuiApplication.clipboard().text()
    assert (text.replace("\x00", "") if name == "nul" else text) in clip


def test_too_long_summary_and_a_national_id_get_a_message_in_place_and_keep_the_text(editor_on_case, qtbot,
                                                                                      save_as):
    editor = editor_on_case
    long = "Oppsummering. " * 4000                                      # 56 000 characters; the limit is 4000
    with qtbot.waitSignal(editor.draftRefused, timeout=20000) as refused:
        editor.summary.setPlainText(long)
    assert "«Oppsummering» er for lang: høyst 4000 tegn" in refused.args[0]
    assert editor.message.isVisible() and editor.message.text() == refused.args[0]
    assert editor.summary.toPlainText() == long and editor.summary.property("fieldError") is True
    assert "ikke lagret" in editor.draft_state.text() and editor.dirty
    # export says the same and writes nothing
    save_as.paths.append(Path(editor._exports) / "x.pdf")
    with qtbot.waitSignal(editor.refused, timeout=20000):
        qtbot.mouseClick(editor.export_pdf_button, Qt.MouseButton.LeftButton)
    assert not (Path(editor._exports) / "x.pdf").exists()

    # a national ID number in the findings: refused by the core's guard, said in place, text kept
    editor.summary.setPlainText("Kort.")
    with qtbot.waitSignal(editor.draftRefused, timeout=20000) as refused:
        editor.findings.setPlainText(f"Bruker {FNR} ringte")
    assert "fødselsnummer" in refused.args[0] and FNR not in refused.args[0]
    assert editor.findings.toPlainText() == f"Bruker {FNR} ringte"
    assert editor.findings.property("fieldError") is True
    # fixed: the draft is saved again, the mark goes
    with qtbot.waitSignal(editor.draftSaved, timeout=20000):
        editor.findings.setPlainText("Bruker ringte")
    assert editor.findings.property("fieldError") is False and not editor.dirty


def test_a_participant_is_added_by_role_and_organisation(editor_on_case, qtbot):
    editor = editor_on_case
    qtbot.mouseClick(editor.add_person, Qt.MouseButton.LeftButton)
    row = editor._rows[-1]
    row.role.setCurrentIndex(row.role.findData("pårørende"))
    with qtbot.waitSignal(editor.draftSaved, timeout=20000):
        qtbot.keyClicks(row.org, "Bydel Grunerløkka")
    saved = editor._journal.draft(editor.case_id)
    assert [(p.role, p.organisation) for p in saved.participants] == [("pårørende", "Bydel Grunerløkka")]
    with qtbot.waitSignal(editor.draftSaved, timeout=20000):
        qtbot.mouseClick(row.remove, Qt.MouseButton.LeftButton)
    assert editor._journal.draft(editor.case_id).participants == []


def test_accessible_names_tab_order_and_1366x768(editor_on_case, qtbot, tmp_path):
    from hms_desk.ui.forms import fit_to_screen

    editor = editor_on_case
    qtbot.mouseClick(editor.add_person, Qt.MouseButton.LeftButton)        # a participant row too
    assert unnamed_controls(editor) == []
    size = fit_to_screen(editor, 1000, 760, QSize(1366, 768))
    assert size.width() <= 1366 and size.height() <= 768 - 48
    qtbot.waitUntil(lambda: editor.size() == size, timeout=5000)
    assert editor.minimumSizeHint().height() <= size.height()
    assert not editor.scroll.horizontalScrollBar().isVisible()          # nothing cut off sideways
    for b in (editor.export_pdf_button, editor.copy_button, editor.json_button, editor.print_button):
        assert b.isVisible() and editor.rect().contains(b.geometry())  # the buttons never scroll away
    screenshot(editor, "journal_editor_1366x768", tmp_path)

    # Tab goes through every field and out of the text boxes (no trap), and comes round again
    editor.activateWindow()
    qtbot.waitUntil(editor.isActiveWindow, timeout=5000)
    before = {name: editor._text(name) for name in ("problem", "findings", "summary")}
    seen = tab_walk(qtbot, editor, editor.template, 70)
    for box in (editor.date, editor.duration, editor._rows[0].org, editor.add_person, editor.problem,
                editor.findings, editor.decision, editor.decision_reason, editor.consent_note, editor.summary,
                editor.next_contact, editor.export_pdf_button, editor.print_button, editor.close_button):
        assert box in seen, box.accessibleName() or box.objectName() or box.text()
    run = longest = 1
    for a, b in zip(seen, seen[1:]):
        run = run + 1 if a is b else 1
        longest = max(longest, run)
    assert longest <= 3                                 # a date edit steps through its 3 parts; nothing traps
    assert seen.count(editor.template) >= 2             # round the whole dialog and back again
    assert {name: editor._text(name) for name in before} == before        # Tab typed nothing



@pytest.mark.slow
def test_demo_start_makes_case_demo_lists_it_and_does_not_resume_it(window, gui_core, qtbot):
    """``hms-desk --demo``: after first-run housekeeping, case ``demo`` exists (with its order and a
    draft), the case list shows it and the case tab offers it — it is not opened by itself."""
    from hms_desk.services.demo import demo_case_id
    from hms_desk.ui.application import start_housekeeping

    win, cp = window, window.case_panel
    assert demo_case_id(gui_core.db) is None
    start_housekeeping(gui_core, win, demo=True)
    qtbot.waitUntil(lambda: cp.resume_bar.isVisible(), timeout=60000)
    cid = demo_case_id(gui_core.db)
    assert cid is not None and cp.case_id is None                   # offered, not resumed
    assert "Sak demo" in cp.resume_bar.text()
    assert gui_core.journal.draft(cid) is not None
    win.focus_cases()
    qtbot.waitUntil(lambda: win.case_list.select_case("demo"), timeout=10000)
    start_housekeeping(gui_core, win, demo=True)                    # a second start: still one demo case
    qtbot.waitUntil(lambda: win.ops.running == 0, timeout=30000)
    assert [c.number for c in gui_core.cases.open_cases()].count("demo") == 1


def test_english_mode_shows_english_everywhere_in_the_editor(gui_core, ops, qtbot):
    from PySide6.QtWidgets import QApplication

    from hms_desk.ui.i18n import install_translations
    from hms_desk.ui.printing import PrintService

    app = QApplication.instance()
    case = gui_core.cases.start()
    gui_core.cases.set_decision(case.id, Decision.SEND_INN)
    assert install_translations(app, "en")
    printing = PrintService(ops)
    try:
        editor = JournalEditor(ops, gui_core.journal, printing, case.id, lang="en")
        qtbot.addWidget(editor)
        with qtbot.waitSignal(editor.loaded, timeout=20000):
            editor.show()
        assert editor.export_pdf_button.text() == "&Export PDF/A …"
        assert editor.heading.text() == f"Journal note for case {case.number}"
        assert editor.decision.currentText() == "Sent in to the assistive technology centre"
        assert editor.missing.text() == "Before export: fill in summary and next contact."
        assert editor.findings_label.text().replace("&", "") == "Findings:"
        editor.close()
    finally:
        install_translations(app, "nb")
        printing.deleteLater()
