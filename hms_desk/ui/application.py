"""The GUI half of the composition root (see hms_desk/app.py for the order).

QApplication -> Qt log routing -> crash handler -> translations -> core
services -> widgets (each given the narrow services it needs) -> main window
-> qasync event loop.
"""

from __future__ import annotations

import asyncio
import logging
import sys
import time

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from hms_desk import APP_NAME
from hms_desk.app import Core, Options, build_core
from hms_desk.domain.errors import HmsError
from hms_desk.domain.i18n import set_language, t
from hms_desk.platform import crash
from hms_desk.ui import qtlog
from hms_desk.ui.case_panel import CasePanel
from hms_desk.ui.crash_dialog import CrashDialog, CrashSignal
from hms_desk.ui.i18n import install_translations
from hms_desk.ui.import_dialog import ImportDialog
from hms_desk.ui.lookup_panel import LookupPanel
from hms_desk.ui.main_window import MainWindow
from hms_desk.ui.parts_panel import PartsPanel

#: Qt's translation in the main window's context (lupdate reads translate("MainWindow", …)).
translate = QCoreApplication.translate

log = logging.getLogger("hms_desk.ui")


def make_parts_loader(core: Core):
    def load(hmsnr: str, iso: str | None):
        with core.db.session() as s:
            return core.parts_for_device(s, hmsnr, iso)
    return load


def build_window(core: Core, show_windows: bool = True) -> MainWindow:
    """Widgets, each with the narrow services it needs, around one operations dispatcher,
    one shared case context and one crash handler."""
    from hms_desk.ui.capture_sources import install as install_capture_sources
    from hms_desk.ui.case_context import CaseContext
    from hms_desk.ui.ops import Operations
    from hms_desk.ui.parts_panel import Orderer
    from hms_desk.ui.video_pane import VideoPane
    from hms_desk.video.sources import source_from_spec

    install_capture_sources()  # camera:, window: and screen: sources for source_from_spec
    from hms_desk.ui.style import FOCUS_STYLESHEET

    app = QApplication.instance()
    if app is not None and FOCUS_STYLESHEET not in app.styleSheet():
        app.setStyleSheet(app.styleSheet() + FOCUS_STYLESHEET)     # a focus ring everyone can see

    crash_signal = CrashSignal(core.profile.crash_dir, show_windows)
    ops = Operations(core.tasks)
    ops.crashed.connect(crash_signal.report)
    context = CaseContext()
    video = VideoPane()
    try:
        video.start_source(source_from_spec(core.settings.video.source))
    except HmsError as exc:          # a bad source in the settings: say so in the pane
        log.warning("video source unusable: %s", exc.code)
        video.show_error(exc.message)
    if core.settings.video.show_overlay:
        video.set_overlay_visible(True)
    cases = CasePanel(ops, context, core.cases, core.journal, deletion=core.deletion,
                      delete_after_export=core.settings.delete_captures_after_export,
                      require_journal_before_close=core.settings.require_journal_before_close)
    lookup = LookupPanel(ops, core.device_lookup.lookup, context, local_card=core.lookup.lookup)
    parts = PartsPanel(ops, context, make_parts_loader(core), core.orders.create,
                       lambda: Orderer(core.settings.technician, core.settings.hms_unit),
                       documents=core.order_documents)

    def set_language(lang: str) -> None:
        core.persisted.ui.language = lang
        save_settings(core, win)

    win = MainWindow(video, cases, lookup, parts, context, ops, on_language=set_language)
    context.setParent(win)
    ops.setParent(win)
    crash_signal.setParent(win)
    win.crash_signal = crash_signal
    _wire_search(core, win, lookup)
    _wire_cases(core, win, cases)
    _wire_video_sources(core, win, video)
    _wire_prep(core, win, cases)
    _wire_settings(core, win, cases)
    restore_window_layout(core, win)
    win.importRequested.connect(lambda: open_import_dialog(core, win))
    _wire_privacy(core, win, video, cases)
    _wire_documents(core, win, cases, parts)
    _wire_labels(core, win, lookup)
    return win


def _wire_search(core: Core, win: MainWindow, lookup: LookupPanel) -> None:
    """The search dock: a chosen device fills the lookup and looks it up."""
    from hms_desk.services.search import SearchService
    from hms_desk.ui.search_panel import SearchPanel

    panel = SearchPanel(win.ops, SearchService(core.db).search)
    win.add_search_panel(panel)

    def chosen(hmsnr: str, serial: str) -> None:
        lookup.set_values(hmsnr, serial)
        win.focus_lookup()
        lookup.do_lookup()

    panel.deviceChosen.connect(chosen)


def _wire_labels(core: Core, win: MainWindow, lookup: LookupPanel) -> None:
    """The label chip under the video: a read pair fills the lookup (Enter), one the register does not
    know opens the search, prefilled (ui.label_chip)."""
    from hms_desk.labels.register import known_in_register
    from hms_desk.ui.label_chip import LabelReader
    from hms_desk.ui.video_pane import VideoPane

    if not isinstance(win.video, VideoPane):
        return
    reader = LabelReader(win.ops, win.video, lambda: known_in_register(core.db), parent=win)
    win.label_reader = reader
    win.add_label_actions(reader.actions(), reader.hidden_actions())

    def look_up(hmsnr: str, serial: str) -> None:
        lookup.set_values(hmsnr, serial)
        win.focus_lookup()
        lookup.do_lookup()

    def search(text: str) -> None:
        win.focus_search()
        win.search_panel.box.setText(text)
        win.search_panel.run_search()

    reader.lookupRequested.connect(look_up)
    reader.searchRequested.connect(search)


def _wire_cases(core: Core, win: MainWindow, cases: CasePanel) -> None:
    """The case list (open/closed cases, orders with their history) and resuming a case."""
    from hms_desk.ui.case_list import CaseListPanel

    panel = CaseListPanel(win.ops, core.cases.list_cases, core.orders.list_orders)
    win.add_case_list(panel)

    def resume(case_id: int) -> None:
        win.show_tab(win.tab_case)
        cases.resume(case_id)
    panel.resumeRequested.connect(resume)


def _wire_prep(core: Core, win: MainWindow, cases: CasePanel) -> None:
    """The advisers' workspace (Ctrl+Shift+U): «Hold møtet» opens the case in the case panel;
    the pre-call check (Video menu) can tick its checklist item; the case's exported journal
    note marks the preparation documented."""
    from hms_desk.ui.ops import Change
    from hms_desk.ui.precall_check import PreCallCheckDialog
    from hms_desk.ui.prep_workspace import PrepWorkspace

    if core.preparations is None:
        return

    def run_precall(done) -> None:
        before = set(map(id, win.findChildren(PreCallCheckDialog)))
        win.act_precall.trigger()
        dialog = next((d for d in win.findChildren(PreCallCheckDialog) if id(d) not in before), None)
        if dialog is not None:
            dialog.checkFinished.connect(lambda ok: done({
                "ok": ok, "format": dialog.format.text(), "steady": dialog.steady.text(),
                "quality": dialog.quality.text()}))

    panel = PrepWorkspace(win.ops, core.preparations, case_open=lambda: cases.case_id is not None,
                          run_precall=run_precall)
    win.add_prep_workspace(panel)

    def opened(case_id: int, _number: str) -> None:
        win.show_tab(win.tab_case)
        cases.resume(case_id)
    panel.caseOpened.connect(opened)
    cases.journalExported.connect(lambda _path: win.ops.mutate(
        win, core.preparations.documented_for_case, cases.case_id, changes=Change.PREPARATION).run()
        if cases.case_id is not None else None)


def _wire_documents(core: Core, win: MainWindow, cases: CasePanel, parts: PartsPanel) -> None:
    """The one printing service, the journal-note editor (Ctrl+E) and the deviations dialog (Ctrl+Shift+A)."""
    from hms_desk.ui.deviations import DeviationsDialog
    from hms_desk.ui.journal_editor import JournalEditor
    from hms_desk.ui.printing import PrintService

    printing = PrintService(win.ops, win)
    win.printing = printing
    parts.set_printing(printing)
    cases.set_printing(printing)
    printing.failed.connect(lambda m: win.statusBar().showMessage(m, 10000))
    printing.notice.connect(lambda m: win.statusBar().showMessage(m, 10000))
    lang = core.settings.ui.language

    def open_journal_editor(case_id: int) -> JournalEditor:
        for editor in win.findChildren(JournalEditor):
            if editor.case_id == case_id and editor.isVisible():
                editor.raise_()
                editor.activateWindow()
                return editor
        editor = JournalEditor(win.ops, core.journal, printing, case_id, picture_png=core.cases.snapshot_png,
                               exports_dir=core.profile.exports_dir, lang=lang, parent=win)
        editor.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        editor.exported.connect(lambda fmt, path: cases.journal_exported(path) if fmt == "pdf" else None)
        editor.show()
        return editor

    def open_deviations(from_case: bool = False) -> DeviationsDialog:
        dialog = win.findChild(DeviationsDialog)
        if dialog is None:
            dialog = DeviationsDialog(win.ops, core.deviations, printing, lang, core.profile.exports_dir, win)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
            win.context.caseChanged.connect(dialog.case_changed)
        case = win.context.case
        dialog.set_case(case.number if case is not None else None, True if from_case else None)
        dialog.show()
        dialog.raise_()
        dialog.show_form()
        return dialog

    cases.journalEditorRequested.connect(open_journal_editor)
    cases.deviationRequested.connect(lambda: open_deviations(True))
    win.add_deviations_action(lambda: open_deviations(False))
    win.open_journal_editor = open_journal_editor
    win.open_deviations = open_deviations


def save_settings(core: Core, win: MainWindow | None = None) -> bool:
    """Writes the persisted settings (never this run's command-line overrides); says so if it can't."""
    try:
        core.settings_store.save(core.persisted)
        return True
    except (OSError, HmsError, ValueError) as exc:
        log.warning("could not save settings: %s", type(exc).__name__)
        if win is not None:
            win.statusBar().showMessage(translate("MainWindow", "Innstillingene kunne ikke lagres: {0}").format(
                getattr(exc, "message", None) or t(str(exc))), 15000)
        return False


def restore_window_layout(core: Core, win: MainWindow) -> None:
    """The layout remembered for this screen size, else the last one (fitted), else a fresh one."""
    ui = core.persisted.ui
    remembered = ui.layouts.get(win.screen_key())
    if remembered:
        win.restore_layout(remembered.get("geometry", ""), remembered.get("state", ""))
        return
    if ui.window_geometry or ui.window_state:
        win.restore_layout(ui.window_geometry, ui.window_state)
        return
    from PySide6.QtGui import QGuiApplication

    screen = win.screen() or QGuiApplication.primaryScreen()
    if screen is not None:
        avail = screen.availableGeometry()
        win.resize(min(1600, int(avail.width() * 0.95)), min(1000, int(avail.height() * 0.95)))
    win.size_dock()


def remember_window_layout(core: Core, win: MainWindow) -> None:
    geometry, state = win.layout_state()
    ui = core.persisted.ui
    ui.window_geometry, ui.window_state = geometry, state
    ui.layouts = {**ui.layouts, win.screen_key(): {"geometry": geometry, "state": state}}


def _wire_settings(core: Core, win: MainWindow, cases: CasePanel) -> None:
    """Fil → Innstillinger … (Ctrl+,)."""
    from hms_desk.ui.settings_dialog import SettingsDialog

    def open_settings() -> SettingsDialog:
        dlg = win.findChild(SettingsDialog)
        if dlg is None:
            def save(new) -> None:
                previous = core.persisted
                core.apply_settings(new)
                try:
                    core.settings_store.save(core.persisted)
                except BaseException:
                    core.persisted = previous
                    raise
            # the dialog shows what is saved (this run's --lang/--demo are not settings)
            dlg = SettingsDialog(core.persisted, core.secrets, save, list(core.warnings), win)
            dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)

            def applied(new) -> None:
                cases.delete_after_export = new.delete_captures_after_export
                cases.require_journal_before_close = new.require_journal_before_close
                win.statusBar().showMessage(translate("MainWindow", "Innstillingene er lagret."), 8000)
            dlg.applied.connect(applied)
        dlg.open()
        return dlg
    win.settingsRequested.connect(open_settings)
    win.open_settings = open_settings


def _wire_privacy(core: Core, win: MainWindow, video, cases: CasePanel) -> None:
    """Live face blur (on by setting, always on when the user takes part) and the audit view."""
    from hms_desk.services import audit
    from hms_desk.ui.case_panel import AuditDialog
    from hms_desk.video.live_blur import LiveBlur, LiveBlurSwitch

    switch = LiveBlurSwitch(video.set_processor, lambda: LiveBlur(
        blank_on_failure=core.settings.video.blank_when_detector_fails))
    win.live_blur = switch

    def set_blur(on: bool) -> None:
        switch.set_enabled(on)
        win.act_live_blur.setChecked(on)
        win.statusBar().showMessage(translate("MainWindow", "Ansikter sladdes i videobildet.") if on
                                    else translate("MainWindow", "Ansiktssladding i videobildet er av."), 5000)

    set_blur(core.settings.video.live_face_blur)
    win.liveBlurToggled.connect(set_blur)
    cases.userTakesPartChanged.connect(lambda on: set_blur(True) if on else None)
    win.destroyed.connect(switch.shutdown)
    win.auditRequested.connect(lambda: win.ops.query(win, audit.recent, core.db)
                               .success(lambda rows: AuditDialog(rows, win).open()).run())


def install_retention_timer(core: Core, win: MainWindow) -> QTimer:
    """The hourly retention sweep (captures older than ``retention_days`` are deleted)."""
    from hms_desk.ui.ops import Change

    retention = QTimer(win)
    retention.setObjectName("retentionTimer")
    retention.setInterval(3600 * 1000)
    retention.timeout.connect(lambda: win.ops.mutate(win, core.cases.enforce_retention, core.settings.retention_days,
                                                     changes=Change.SNAPSHOT).run())
    if core.preparations is not None:       # drawings of preparations whose meeting is long past
        retention.timeout.connect(lambda: win.ops.mutate(win, core.preparations.enforce_retention,
                                                         core.settings.retention_days,
                                                         changes=Change.PREPARATION).run())
    retention.start()
    return retention


def show_start_warnings(core: Core, win: MainWindow) -> None:
    """Start-up warnings go to the status bar (and the settings dialog); none is a modal box.
    The no-keychain notice is shown once, then only in the settings dialog."""
    from hms_desk.platform.secrets import NO_KEYRING_WARNING

    shown = []
    for w in core.warnings:
        if w == NO_KEYRING_WARNING:
            if core.persisted.ui.keychain_notice_shown:
                continue
            core.persisted.ui.keychain_notice_shown = True
        shown.append(w)
    if shown:
        win.statusBar().showMessage("  ".join(t(w) for w in shown), 30000)


def start_housekeeping(core: Core, win: MainWindow, demo: bool = False):
    """After the window is shown: first-run seeding (status bar says so), the demo call (``--demo``:
    case ``demo``, listed under Saker, not resumed by itself), then the retention sweep."""
    from hms_desk.app import database_is_empty, seed_if_empty
    from hms_desk.ui.ops import Change

    def offer_open_cases(_ok=None) -> None:
        win.ops.query(win, core.cases.open_cases).success(win.case_panel.offer_resume).run()

    def sweep(_seeded=None) -> None:
        win.ops.mutate(win, core.cases.enforce_retention, core.settings.retention_days,
                       changes=Change.SNAPSHOT).finally_(offer_open_cases).run()

    def demo_call(_seeded=None) -> None:
        if not demo:
            sweep()
            return
        from hms_desk.parts.demo import ensure_demo_call

        win.ops.mutate(win, ensure_demo_call, core.db, core.cases, core.orders, core.journal, changes=Change.CASE) \
            .success(lambda _id: win.statusBar().showMessage(
                win.demo_ready_text(), 8000)) \
            .finally_(sweep).run()

    def seed_if_needed(empty: bool) -> None:
        if not empty:
            demo_call()
            return
        win.statusBar().showMessage(translate("MainWindow", "Første start: importerer produktkatalog og demoregister …"))
        win.ops.mutate(win, seed_if_empty, core.db, changes=Change.CATALOG) \
            .success(lambda _: win.statusBar().showMessage(translate("MainWindow", "Produktkatalogen er klar."), 8000)) \
            .finally_(demo_call).run()
    return win.ops.query(win, database_is_empty, core.db).success(seed_if_needed).run()


def make_importer(core: Core):
    """``do_import(kind, paths, progress, cancel)`` for the import dialog (runs in the db worker)."""
    from hms_desk.catalog import importers

    fns = {"grunndata": importers.import_grunndata, "parts": importers.import_parts,
           "products": importers.import_products, "product-parts": importers.import_product_parts,
           "register": importers.import_register}

    def do_import(kind, paths, progress, cancel):
        return fns[kind](core.db, list(paths), progress=progress, cancel=cancel)
    return do_import


def open_import_dialog(core: Core, win: MainWindow) -> ImportDialog:
    dlg = win.findChild(ImportDialog)
    if dlg is None:                     # one dialog; it keeps its last result until closed
        dlg = ImportDialog(win.ops, make_importer(core), win)
        dlg.importFinished.connect(lambda r: win.statusBar().showMessage(r.summary_nb(), 10000))
    dlg.show()
    dlg.activateWindow()
    return dlg


def _wire_video_sources(core: Core, win: MainWindow, video) -> None:
    """Video → choose source (remembered in settings.video.source) and pre-call check."""
    from hms_desk.ui.precall_check import PreCallCheckDialog
    from hms_desk.ui.source_picker import SourcePickerDialog
    from hms_desk.video.sources import source_from_spec

    def choose_source() -> None:
        dialog = SourcePickerDialog(core.settings.video.source, win)
        if dialog.exec() != SourcePickerDialog.DialogCode.Accepted or not dialog.selected_spec:
            return
        spec = dialog.selected_spec
        try:
            video.start_source(source_from_spec(spec))
        except HmsError as exc:
            video.show_error(exc.message)
            return
        core.settings.video.source = spec
        try:
            core.settings_store.save(core.settings)
        except (OSError, HmsError) as exc:
            log.warning("could not save settings: %s", exc)

    def precall_check() -> None:
        dialog = PreCallCheckDialog(video, win)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        dialog.show()

    win.add_video_source_actions(choose_source, precall_check)
    win.case_panel.caseStarted.connect(
        lambda _id, _n: precall_check() if core.settings.video.precall_on_new_case else None)


def _fatal(message: str, show: bool) -> None:
    sys.stderr.write(message + "\n")
    if show:
        QMessageBox.critical(None, APP_NAME, message)


def run_gui(opts: Options) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName("NAV")
    qtlog.install()
    show_windows = not opts.no_err_windows
    if opts.language:                   # --lang: also the messages of a failed start
        set_language(opts.language)

    try:
        core = build_core(opts, gui=True)
    except HmsError as exc:
        _fatal(exc.message, show_windows)
        return 1

    install_translations(app, core.settings.ui.language)

    import qasync

    from hms_desk.ui.ops import install_loop_exception_handler

    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)

    win = build_window(core, show_windows)
    crash.install_excepthooks(win.crash_signal.report)
    install_loop_exception_handler(loop, win.crash_signal.report)
    show_start_warnings(core, win)
    pending = crash.pending_crash_report(core.profile.crash_dir)
    if pending is not None and show_windows:
        def offer():
            CrashDialog(pending.read_text(encoding="utf-8", errors="replace"), pending, win,
                        title=translate("MainWindow", "HMS Desk stoppet uventet forrige gang")).exec()
            crash.mark_crash_report_seen(pending)
        QTimer.singleShot(0, offer)

    install_retention_timer(core, win)       # hourly retention sweep
    from hms_desk.ui.smoke import install_smoke_test   # HMS_DESK_SMOKE=snapshot: smoke test of a build
    install_smoke_test(app, win)

    win.quitConfirmed.connect(lambda: remember_window_layout(core, win))
    if opts.quit_after_show:           # for bench/startup.py and smoke tests of a frozen build
        def interactive() -> None:
            print(f"HMS_DESK_INTERACTIVE {time.time():.6f}", flush=True)
            if win.ops.running:            # first-run seeding still going: quit when it is done
                win.ops.idle.connect(app.quit)
            else:
                app.quit()
        win.shown.connect(lambda: QTimer.singleShot(0, interactive))
    win.show()
    start_housekeeping(core, win, demo=opts.demo)   # first-run seeding, demo call, retention sweep
    try:
        with loop:
            loop.run_forever()
    finally:
        remember_window_layout(core, win)
        save_settings(core)
        win.video.shutdown(wait_s=10.0)  # at exit: let the video thread leave OpenCV first
        core.close()
        crash.disable_faulthandler()
        qtlog.uninstall()
    return 0
