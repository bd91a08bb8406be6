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

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from hms_desk import APP_NAME
from hms_desk.app import Core, Options, build_core
from hms_desk.domain.errors import HmsError
from hms_desk.platform import crash
from hms_desk.ui import qtlog
from hms_desk.ui.case_panel import CasePanel
from hms_desk.ui.crash_dialog import CrashDialog, CrashSignal
from hms_desk.ui.i18n import install_translations
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
            lines=[DraftLine(part_hmsnr=p.hmsnr, supplier_ref=p.supplier_ref or "", description=p.name,
                             quantity=q, unknown_part=False) for p, q in lines],
            battery_training_confirmed=battery_ok, case_id=case_id, snapshot_id=snapshot_id,
            request_key=request_key)
    return make


def make_parts_loader(core: Core):
    def load(hmsnr: str, iso: str | None):
        with core.db.session() as s:
            return core.parts_for_device(s, hmsnr, iso)
    return load


def build_window(core: Core) -> MainWindow:
    from hms_desk.ui.video_pane import VideoPane
    from hms_desk.video.sources import source_from_spec

    t = core.tasks
    video = VideoPane()
    try:
        video.start_source(source_from_spec(core.settings.video.source))
    except HmsError as exc:          # a bad source in the settings: say so in the pane
        log.warning("video source unusable: %s", exc.code)
        video.show_error(exc.message)
    if core.settings.video.show_overlay:
        video.set_overlay_visible(True)
    cases = CasePanel(t.db, t.cpu, core.cases, core.journal.export_pdf)
    lookup = LookupPanel(t.db, core.lookup.lookup)
    parts = PartsPanel(t.db, make_parts_loader(core), core.orders.create, make_order_draft(core))

    def set_language(lang: str) -> None:
        core.settings.ui.language = lang
        core.settings_store.save(core.settings)

    win = MainWindow(video, cases, lookup, parts, on_language=set_language)
    win.restore_layout(core.settings.ui.window_geometry, core.settings.ui.window_state)
    return win


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

    retention = QTimer(win)                  # hourly retention sweep
    retention.setInterval(3600 * 1000)
    retention.timeout.connect(lambda: asyncio.ensure_future(
        core.tasks.db(core.cases.enforce_retention, core.settings.retention_days)))
    retention.start()

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
        win.video.shutdown()
        core.close()
        crash.disable_faulthandler()
        qtlog.uninstall()
    return 0
