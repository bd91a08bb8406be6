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

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from hms_desk import APP_NAME
from hms_desk.app import Core, Options, build_core
from hms_desk.domain.errors import HmsError
from hms_desk.platform import crash
from hms_desk.ui import qtlog
from hms_desk.ui.case_panel import CasePanel
from hms_desk.ui.crash_dialog import CrashDialog, CrashSignal
from hms_desk.ui.i18n import install_translations
from hms_desk.ui.import_dialog import ImportDialog
from hms_desk.ui.lookup_panel import LookupPanel
from hms_desk.ui.main_window import MainWindow
from hms_desk.ui.parts_panel import PartsPanel

log = logging.getLogger("hms_desk.ui")


def make_order_draft(core: Core):
    from hms_desk.parts.orders import DraftLine, OrderDraft

    def make(card, lines, delivery, battery_ok, case_id, snapshot_id, request_key):
        return OrderDraft(
            hmsnr=card.hmsnr, serial=card.serial, orderer=core.settings.technician,
            orderer_hms_unit=core.settings.hms_unit, delivery=delivery,
            lines=[line if isinstance(line, DraftLine) else   # (PartInfo, quantity) still accepted
                   DraftLine(part_hmsnr=line[0].hmsnr, supplier_ref=line[0].supplier_ref or "",
                             description=line[0].name, quantity=line[1]) for line in lines],
            battery_training_confirmed=battery_ok, case_id=case_id, snapshot_id=snapshot_id,
            request_key=request_key)
    return make


def make_parts_loader(core: Core):
    def load(hmsnr: str, iso: str | None):
        with core.db.session() as s:
            return core.parts_for_device(s, hmsnr, iso)
    return load


def build_window(core: Core) -> MainWindow:
    from hms_desk.ui.capture_sources import install as install_capture_sources
    from hms_desk.ui.video_pane import VideoPane
    from hms_desk.video.sources import source_from_spec

    install_capture_sources()  # camera:, window: and screen: sources for source_from_spec

    t = core.tasks
    video = VideoPane()
    try:
        video.start_source(source_from_spec(core.settings.video.source))
    except HmsError as exc:          # a bad source in the settings: say so in the pane
        log.warning("video source unusable: %s", exc.code)
        video.show_error(exc.message)
    if core.settings.video.show_overlay:
        video.set_overlay_visible(True)
    cases = CasePanel(t.db, t.cpu, core.cases, core.journal.export_pdf,
                      deletion_receipt=core.deletion.receipt if core.deletion is not None else None,
                      delete_after_export=core.settings.delete_captures_after_export)
    lookup = LookupPanel(core.device_lookup.lookup)
    parts = PartsPanel(t.db, make_parts_loader(core), core.orders.create, make_order_draft(core),
                       run_cpu=t.cpu, documents=core.order_documents)

    def set_language(lang: str) -> None:
        core.settings.ui.language = lang
        core.settings_store.save(core.settings)

    win = MainWindow(video, cases, lookup, parts, on_language=set_language)
    _wire_search(core, win, lookup)
    _wire_video_sources(core, win, video)
    win.restore_layout(core.settings.ui.window_geometry, core.settings.ui.window_state)
    win.importRequested.connect(lambda: open_import_dialog(core, win))
    _wire_privacy(core, win, video, cases)
    return win


def _wire_search(core: Core, win: MainWindow, lookup: LookupPanel) -> None:
    """The search dock: a chosen device fills the lookup and looks it up."""
    from hms_desk.services.search import SearchService
    from hms_desk.ui.search_panel import SearchPanel

    panel = SearchPanel(core.tasks.db, SearchService(core.db).search)
    win.add_search_panel(panel)

    def chosen(hmsnr: str, serial: str) -> None:
        lookup.set_values(hmsnr, serial)
        win.focus_lookup()
        lookup.do_lookup()

    panel.deviceChosen.connect(chosen)


def _wire_privacy(core: Core, win: MainWindow, video, cases: CasePanel) -> None:
    """Live face blur (on by setting, always on when the user takes part) and the audit view."""
    from hms_desk.services import audit
    from hms_desk.ui.case_panel import AuditDialog
    from hms_desk.ui.ops import Op
    from hms_desk.video.live_blur import LiveBlur, LiveBlurSwitch

    switch = LiveBlurSwitch(video.set_processor, lambda: LiveBlur(
        blank_on_failure=core.settings.video.blank_when_detector_fails))
    win.live_blur = switch

    def set_blur(on: bool) -> None:
        switch.set_enabled(on)
        win.act_live_blur.setChecked(on)
        win.statusBar().showMessage(win.tr("Ansikter sladdes i videobildet.") if on
                                    else win.tr("Ansiktssladding i videobildet er av."), 5000)

    set_blur(core.settings.video.live_face_blur)
    win.liveBlurToggled.connect(set_blur)
    cases.userTakesPartChanged.connect(lambda on: set_blur(True) if on else None)
    win.destroyed.connect(switch.shutdown)
    win.auditRequested.connect(lambda: Op(win, core.tasks.db, audit.recent, core.db)
                               .success(lambda rows: AuditDialog(rows, win).open()).run())


def install_retention_timer(core: Core, parent) -> QTimer:
    """The hourly retention sweep (captures older than ``retention_days`` are deleted)."""
    retention = QTimer(parent)
    retention.setObjectName("retentionTimer")
    retention.setInterval(3600 * 1000)
    retention.timeout.connect(lambda: asyncio.ensure_future(
        core.tasks.db(core.cases.enforce_retention, core.settings.retention_days)))
    retention.start()
    return retention


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
        dlg = ImportDialog(core.tasks.db, make_importer(core), win)
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

    try:
        core = build_core(opts, gui=True)
    except HmsError as exc:
        _fatal(exc.message, show_windows)
        return 1

    crash_signal = CrashSignal(core.profile.crash_dir, show_windows)
    crash.install_excepthooks(crash_signal.report)
    install_translations(app, core.settings.ui.language)

    import qasync

    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)

    win = build_window(core)
    for w in core.warnings:
        win.statusBar().showMessage(w, 15000)
        if show_windows:
            QTimer.singleShot(0, lambda w=w: QMessageBox.warning(win, APP_NAME, w))
    pending = crash.pending_crash_report(core.profile.crash_dir)
    if pending is not None and show_windows:
        def offer():
            CrashDialog(pending.read_text(encoding="utf-8", errors="replace"), pending, win,
                        title=win.tr("HMS Desk stoppet uventet forrige gang")).exec()
            crash.mark_crash_report_seen(pending)
        QTimer.singleShot(0, offer)

    install_retention_timer(core, win)       # hourly retention sweep
    from hms_desk.ui.smoke import install_smoke_test   # HMS_DESK_SMOKE=snapshot: smoke test of a build
    install_smoke_test(app, win)

    if opts.quit_after_show:           # for bench/startup.py and smoke tests of a frozen build
        def interactive() -> None:
            print(f"HMS_DESK_INTERACTIVE {time.time():.6f}", flush=True)
            app.quit()
        win.shown.connect(lambda: QTimer.singleShot(0, interactive))
    win.show()
    try:
        with loop:
            loop.run_forever()
    finally:
        geometry, state = win.layout_state()
        core.settings.ui.window_geometry, core.settings.ui.window_state = geometry, state
        try:
            core.settings_store.save(core.settings)
        except (OSError, HmsError) as exc:
            log.warning("could not save settings: %s", exc)
        win.video.shutdown(wait_s=10.0)  # at exit: let the video thread leave OpenCV first
        core.close()
        crash.disable_faulthandler()
        qtlog.uninstall()
    return 0
