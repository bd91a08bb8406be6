"""The operations layer: every kind of operation, errors that always surface, and the races it closes.

Each test here is a probe from the review that found the layer's defects:
an unexpected error in background work vanished (a disabled button and one
log line), a snapshot taken while its case closed survived the close, the
print preview's nested event loop lost other operations' results, and two
technicians on one PostgreSQL database got the same case number.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import gc
import threading

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import func, select, update

from hms_desk.domain.errors import HmsError
from hms_desk.storage.models import AuditEntry, CaptureIntent, Case, Snapshot
from hms_desk.ui.ops import Change, Operations, OpChanges, cpu, db

from test_services import scene_with_face


def _dialogs(name: str) -> list:
    return [w for w in QApplication.topLevelWidgets() if w.objectName() == name and w.isVisible()]


def _close_crash_dialogs(win) -> None:
    for d in _dialogs("crashDialog"):
        d.close()
    win.crash_signal.reports.clear()


class Boom(RuntimeError):
    pass


def _raise(*_a):
    raise Boom("feil i bakgrunnsarbeid")


async def _araise(*_a):
    raise Boom("feil i nettverkskall")


KINDS = {
    "query": lambda ops, w: ops.query(w, _raise),
    "mutate": lambda ops, w: ops.mutate(w, _raise, changes=Change.CASE),
    "cpu": lambda ops, w: ops.cpu(w, _raise),
    "remote": lambda ops, w: ops.remote(w, _araise),
    "staged-db": lambda ops, w: ops.staged(w, db(lambda _: 1), cpu(lambda x: x + 1), db(_raise)),
    "staged-cpu": lambda ops, w: ops.staged(w, db(lambda _: 1), cpu(_raise), db(lambda x: x)),
}


@pytest.mark.parametrize("kind", list(KINDS))
def test_an_unexpected_error_in_every_kind_of_operation_reaches_the_crash_dialog(window, gui_core, qtbot, kind):
    finished = []
    with qtbot.waitSignal(window.crash_signal.shown, timeout=10000) as shown:
        KINDS[kind](window.ops, window).finally_(finished.append).run()
    dialog = shown.args[0]
    assert dialog.isVisible() and "feil i" in dialog.details.toPlainText()
    assert finished == [False]                              # the widget gets to re-enable its buttons
    logs = list(gui_core.profile.crash_dir.glob("exception-*.txt"))
    assert logs and "Boom" in logs[-1].read_text(encoding="utf-8")
    _close_crash_dialogs(window)


def test_an_error_in_a_success_callback_reaches_the_crash_dialog(window, qtbot):
    with qtbot.waitSignal(window.crash_signal.shown, timeout=10000):
        window.ops.query(window, lambda: 41).success(lambda v: 1 / 0).run()
    assert "ZeroDivisionError" in window.crash_signal.reports[-1]
    _close_crash_dialogs(window)


def test_an_expected_error_without_a_handler_is_shown_in_the_status_bar(window, qtbot):
    def refuse():
        raise HmsError("Saken er lukket.")
    with qtbot.waitSignal(window.ops.message, timeout=5000):
        window.ops.mutate(window, refuse, changes=Change.CASE).run()
    assert window.statusBar().currentMessage() == "Saken er lukket."
    assert window.crash_signal.reports == []


def test_a_failing_lookup_surfaces_and_gives_the_button_back(window, gui_core, qtbot, monkeypatch):
    """The review's first probe: a non-HmsError in a lookup used to leave «Slår opp …» and a dead button."""
    lp = window.lookup_panel

    async def broken(hmsnr, serial):
        raise Boom("databasen svarte rart")
    monkeypatch.setattr(lp, "_lookup", broken)
    lp.set_values("250464", "123456")
    with qtbot.waitSignal(window.crash_signal.shown, timeout=10000):
        qtbot.mouseClick(lp.button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lp.button.isEnabled, timeout=5000)
    _close_crash_dialogs(window)


def test_the_retention_timer_task_surfaces_its_errors(window, gui_core, qtbot, monkeypatch):
    from hms_desk.ui.application import install_retention_timer

    monkeypatch.setattr(gui_core.cases, "enforce_retention", _raise)
    timer = install_retention_timer(gui_core, window)
    with qtbot.waitSignal(window.crash_signal.shown, timeout=10000):
        timer.timeout.emit()
    timer.stop()
    _close_crash_dialogs(window)


def test_a_stray_task_that_fails_reaches_the_crash_handler(qloop, qtbot):
    from hms_desk.ui.ops import install_loop_exception_handler

    reports: list[str] = []
    install_loop_exception_handler(qloop, reports.append)

    async def stray():
        raise Boom("ingen venter på meg")
    task = asyncio.ensure_future(stray())
    qtbot.waitUntil(task.done, timeout=5000)
    del task
    gc.collect()                                    # "Task exception was never retrieved"
    assert reports and "ingen venter på meg" in reports[0]
    qloop.set_exception_handler(None)


def test_mutations_announce_their_changes_once(window, qtbot):
    seen: list[OpChanges] = []
    window.ops.changed.connect(seen.append)
    with qtbot.waitSignal(window.ops.idle, timeout=5000):
        window.ops.mutate(window, lambda: 7, changes=lambda v: OpChanges(Change.ORDER, v)).run()
        window.ops.query(window, lambda: 8).run()
    assert seen == [OpChanges(Change.ORDER, 7)] and Change.ORDER in seen[0]


def test_a_callback_is_not_called_after_its_widget_is_gone(gui_core, ops, qtbot):
    from PySide6.QtWidgets import QWidget

    w = QWidget()
    called: list = []
    gate = threading.Event()
    op = ops.query(w, gate.wait, 10).success(called.append).run()
    w.deleteLater()
    qtbot.waitUntil(lambda: not op._parent_alive, timeout=5000)
    with qtbot.waitSignal(op.finished, timeout=10000):
        gate.set()
    assert called == []


# --- the snapshot/close race --------------------------------------------------------------

def test_a_snapshot_finished_after_its_case_closed_leaves_nothing(core):
    case = core.cases.start()
    ticket = core.cases.prepare_snapshot(case.id)
    prepared = core.cases.process_snapshot(ticket, scene_with_face())
    assert list(core.profile.captures_dir.rglob("*.hmscap"))          # the file is written ...
    assert core.cases.close(case.id) == 0                             # ... the case closes meanwhile
    with pytest.raises(HmsError, match="avsluttet før bildet ble lagret|lukket"):
        core.cases.commit_snapshot(prepared)
    assert not list(core.profile.captures_dir.rglob("*.hmscap"))
    with core.db.session() as s:
        assert s.scalar(select(func.count()).select_from(Snapshot)) == 0
        assert s.scalar(select(func.count()).select_from(CaptureIntent)) == 0


@pytest.mark.slow
def test_gui_snapshot_while_the_case_closes_does_not_survive_the_close(window, gui_core, qtbot, monkeypatch,
                                                                      answers):
    """The anonymiser is held on the CPU worker while «Avslutt sak» runs on the database worker."""
    win, cp, video = window, window.case_panel, window.video
    with qtbot.waitSignal(cp.caseStarted, timeout=10000):
        win.act_new_case.trigger()
    qtbot.waitUntil(lambda: video.current_frame() is not None, timeout=15000)
    gate, entered = threading.Event(), threading.Event()
    real = gui_core.cases._anonymise

    def held(image):
        entered.set()
        assert gate.wait(20)
        return real(image)
    monkeypatch.setattr(gui_core.cases, "_anonymise", held)
    failed: list[str] = []
    cp.message.connect(failed.append)
    op = cp.add_snapshot(video.current_frame().image)
    qtbot.waitUntil(entered.is_set, timeout=10000)
    with qtbot.waitSignal(cp.caseClosed, timeout=10000):
        win.act_close_case.trigger()
    with qtbot.waitSignal(op.finished, timeout=20000) as done:
        gate.set()
    assert done.args == [False]
    assert any("ikke lagret" in m for m in failed)
    assert not list(gui_core.profile.captures_dir.rglob("*.hmscap"))
    with gui_core.db.session() as s:
        assert s.scalar(select(func.count()).select_from(Snapshot)) == 0
    assert cp.snapshots.count() == 0


def test_the_sweep_never_deletes_a_file_whose_row_is_on_its_way(core):
    case = core.cases.start()
    prepared = core.cases.process_snapshot(core.cases.prepare_snapshot(case.id), scene_with_face())
    assert core.cases.enforce_retention(7) == 0                       # between the CPU and the last step
    res = core.cases.commit_snapshot(prepared)
    assert core.cases.snapshot_png(res.id).startswith(b"\x89PNG")


def test_a_reservation_left_by_a_crash_is_swept_after_the_grace_period(core):
    from hms_desk.services.cases import INTENT_GRACE_S

    case = core.cases.start()
    core.cases.process_snapshot(core.cases.prepare_snapshot(case.id), scene_with_face())   # then "crash"
    with core.db.session() as s, s.begin():
        s.execute(update(CaptureIntent).values(
            created_at=dt.datetime.now(dt.timezone.utc).replace(tzinfo=None) - dt.timedelta(seconds=INTENT_GRACE_S + 5)))
    assert core.cases.enforce_retention(7) == 1
    assert not list(core.profile.captures_dir.rglob("*.hmscap"))
    with core.db.session() as s:
        assert s.scalar(select(AuditEntry).where(AuditEntry.object_type == "capture_file")) is not None


def test_a_start_on_another_database_leaves_this_databases_captures_alone(profile_dir, tmp_path):
    from hms_desk.app import Options, build_core
    from hms_desk.platform.secrets import MemorySecrets
    from hms_desk.platform.tasks import InlineTasks

    secrets = MemorySecrets()
    first = build_core(Options(profile=profile_dir, secrets=secrets, tasks=InlineTasks()))
    case = first.cases.start()
    snap = first.cases.take_snapshot(case.id, scene_with_face())
    first.close()
    other = build_core(Options(profile=profile_dir, db_url=f"sqlite:///{tmp_path / 'annen.sqlite3'}",
                               secrets=secrets, tasks=InlineTasks()))
    try:
        assert other.cases.enforce_retention(7) == 0
    finally:
        other.close()
    again = build_core(Options(profile=profile_dir, secrets=secrets, tasks=InlineTasks()))
    try:
        assert again.cases.snapshot_png(snap.id).startswith(b"\x89PNG")
    finally:
        again.close()


def test_cli_commands_do_not_sweep_captures(core, profile_dir, capsys):
    from hms_desk.cli import main

    case = core.cases.start()
    snap = core.cases.take_snapshot(case.id, scene_with_face())
    with core.db.session() as s, s.begin():
        s.execute(update(Snapshot).where(Snapshot.id == snap.id)
                  .values(created_at=dt.datetime(2020, 1, 1)))
    assert main(["--profile", str(profile_dir), "search", "250464"]) in (0, 3)
    with core.db.session() as s:
        assert s.get(Snapshot, snap.id).deleted_at is None


# --- dialogs after operations, never inside them ------------------------------------------------

@pytest.mark.slow
def test_print_preview_open_while_a_snapshot_and_a_lookup_complete(window, gui_core, qtbot):
    """The preview is open (window-modal); a snapshot and a lookup finish meanwhile and both land."""
    from test_parts_gui import battery_device

    win, cp, lp, pp, video = window, window.case_panel, window.lookup_panel, window.parts_panel, window.video
    with qtbot.waitSignal(cp.caseStarted, timeout=10000):
        win.act_new_case.trigger()
    hmsnr, serial = battery_device(gui_core)
    lp.set_values(hmsnr, serial)
    with qtbot.waitSignal(pp.partsLoaded, timeout=10000):
        lp.do_lookup()
    other = next(p for p in pp._parts if not p.is_battery)
    assert pp.select_part(other.hmsnr)
    pp.add_selected()
    with qtbot.waitSignal(pp.orderCreated, timeout=10000):
        pp.send()
    pp.print_document("bestilling")
    qtbot.waitUntil(lambda: bool(_dialogs("printPreview")), timeout=30000)
    preview = _dialogs("printPreview")[0]

    qtbot.waitUntil(lambda: video.current_frame() is not None, timeout=15000)
    lp.set_values("250464", "123456")
    with qtbot.waitSignals([cp.snapshotAdded, lp.deviceFound], timeout=30000):
        cp.add_snapshot(video.current_frame().image)
        lp.do_lookup()
    assert cp.snapshots.count() == 1 and lp.card.hmsnr == "250464" and lp.button.isEnabled()
    assert preview.isVisible()
    preview.reject()
    assert win.crash_signal.reports == []


# --- case numbers on a shared database ---------------------------------------------------------

@pytest.mark.postgres
def test_two_technicians_on_one_postgresql_get_different_case_numbers(pg_db, pg_url, tmp_path):
    from test_parts_postgres import at_once

    from hms_desk.platform.secrets import MemorySecrets
    from hms_desk.services.captures import CaptureStore
    from hms_desk.services.cases import CaseService
    from hms_desk.storage.db import open_database

    other, _ = open_database(pg_url)
    try:
        services = [CaseService(d, CaptureStore(tmp_path / str(i), MemorySecrets(), d.database_id()),
                                lambda img: None, technician=f"T{i}") for i, d in enumerate((pg_db, other, pg_db, other))]
        results = at_once([s.start for s in services])
        assert not [r for r in results if isinstance(r, Exception)], results
        numbers = [r.number for r in results]
        assert len(set(numbers)) == 4 and all(n.startswith(f"S-{dt.date.today().year}-") for n in numbers)
        with pg_db.session() as s:
            assert s.scalar(select(func.count()).select_from(Case)) == 4
    finally:
        other.dispose()


def test_case_numbers_follow_the_row_id(core):
    a, b = core.cases.start(), core.cases.start()
    year = dt.date.today().year
    assert (a.number, b.number) == (f"S-{year}-{a.id:06d}", f"S-{year}-{b.id:06d}")


# --- change events instead of reach-through -----------------------------------------------------

@pytest.mark.slow
def test_screens_refresh_on_change_events(window, gui_core, qtbot):
    """An order shows in the device card's history, a swept picture leaves the case panel — no widget
    told another."""
    from test_parts_gui import battery_device

    win, cp, lp, pp, video = window, window.case_panel, window.lookup_panel, window.parts_panel, window.video
    with qtbot.waitSignal(cp.caseStarted, timeout=10000):
        win.act_new_case.trigger()
    hmsnr, serial = battery_device(gui_core)
    lp.set_values(hmsnr, serial)
    with qtbot.waitSignal(pp.partsLoaded, timeout=10000):
        lp.do_lookup()
    assert win.context.device.hmsnr == hmsnr
    pp.select_part(next(p for p in pp._parts if not p.is_battery).hmsnr)
    pp.add_selected()
    with qtbot.waitSignal(pp.orderCreated, timeout=10000) as created:
        pp.send()
    qtbot.waitUntil(lambda: created.args[0] in lp._card_labels["history"].text(), timeout=10000)

    qtbot.waitUntil(lambda: video.current_frame() is not None, timeout=15000)
    with qtbot.waitSignal(cp.snapshotAdded, timeout=30000) as snap:
        cp.add_snapshot(video.current_frame().image)
    with gui_core.db.session() as s, s.begin():
        s.execute(update(Snapshot).where(Snapshot.id == snap.args[0]).values(created_at=dt.datetime(2020, 1, 1)))
    win.ops.mutate(win, gui_core.cases.enforce_retention, 7, changes=Change.SNAPSHOT).run()
    qtbot.waitUntil(lambda: cp.snapshots.count() == 0, timeout=10000)
    with gui_core.db.session() as s:
        order = s.scalar(select(Case).where(Case.id == cp.case_id))
        assert order is not None


def test_a_case_handles_several_devices_each_with_its_pictures_and_orders(core):
    case = core.cases.start()
    first = core.cases.take_snapshot(case.id, scene_with_face())            # before any lookup
    core.cases.set_device(case.id, "250464", "123456", "0301")
    core.cases.set_device(case.id, "316161", "222222", "0301")
    second = core.cases.take_snapshot(case.id, scene_with_face())
    assert [(d.hmsnr, d.serial) for d in core.cases.devices(case.id)] == [("250464", "123456"), ("316161", "222222")]
    with core.db.session() as s:
        assert (s.get(Snapshot, first.id).hmsnr, s.get(Snapshot, second.id).hmsnr) == ("250464", "316161")
    state = core.cases.case_state(case.id)
    assert state.devices == (("250464", "123456"), ("316161", "222222"))
    assert [c.number for c in core.cases.list_cases(text="222222")] == [case.number]
