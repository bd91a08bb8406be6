"""Importing from the GUI: real files, the real importers on the db worker thread, progress and cancel."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from sqlalchemy import func, select

from hms_desk.catalog.register_gen import generate_register_csv
from hms_desk.storage.models import Device, Loan
from hms_desk.ui.application import build_window, make_importer
from hms_desk.ui.import_dialog import ImportDialog

HEADER = "artikkelnummer,serie_nummer,utlåns_dato,opprettelsesdato,kategori3_nummer,artikkelstatus,utlåns_type,kommunenummer"


def counts(db) -> tuple[int, int]:
    with db.session() as s:
        return (s.scalar(select(func.count()).select_from(Device)),
                s.scalar(select(func.count()).select_from(Loan)))


@pytest.fixture
def dialog(gui_core, ops, qtbot):
    dlg = ImportDialog(ops, make_importer(gui_core))
    qtbot.addWidget(dlg)
    dlg.show()
    return dlg


@pytest.fixture(scope="module")
def big_register(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("reg") / "register.csv"
    generate_register_csv(path, 120_000, seed=11)
    return path


def test_a_register_csv_imports_with_progress_while_the_gui_ticks(dialog, gui_core, qtbot, tmp_path):
    path = tmp_path / "register.csv"
    n = generate_register_csv(path, 40_000, seed=3)
    before = counts(gui_core.db)
    seen: list[tuple[int, int]] = []
    dialog._relay.progressed.connect(lambda d, t: seen.append((d, t)))
    ticks: list[float] = []
    timer = QTimer(dialog)
    timer.timeout.connect(lambda: ticks.append(time.monotonic()))

    dialog.set_kind("register")
    dialog.set_files([path])
    timer.start(10)
    with qtbot.waitSignal(dialog.done, timeout=120_000) as done:
        dialog.start_button.click()
        assert dialog.running and not dialog.start_button.isEnabled() and dialog.cancel_button.isEnabled()
    timer.stop()
    assert done.args == [True]
    report = dialog.report
    assert report.ok and report.rows_read == n and report.inserted + report.updated == n
    after = counts(gui_core.db)
    assert after[0] == before[0] + report.inserted and after[1] == before[1] + report.inserted
    # progress reached the GUI thread: from the start to every row, never backwards
    assert seen[0][0] == 0 and seen[-1] == (n, n)
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)
    assert dialog.bar.value() == dialog.bar.maximum()
    assert dialog.status.text() == report.summary_nb()
    assert dialog.status.text().startswith(f"Lest {n} rader:")
    assert len(ticks) >= 5, "the event loop must keep running during the import"
    assert not dialog.running and dialog.start_button.isEnabled()


def test_cancel_leaves_the_database_unchanged(dialog, gui_core, qtbot, big_register):
    before = counts(gui_core.db)
    # cancel as soon as the first batch has been written inside the (open) transaction
    dialog._relay.progressed.connect(lambda d, t: d > 0 and dialog.cancel())
    dialog.set_kind("register")
    dialog.set_files([big_register])
    with qtbot.waitSignal(dialog.importFinished, timeout=120_000):
        dialog.start()
    report = dialog.report
    assert report.cancelled and not report.ok and 0 < report.rows_read <= 120_000
    assert counts(gui_core.db) == before
    assert dialog.status.text() == "Avbrutt – ingen endringer ble lagret."
    assert dialog.cancel_button.text() == "&Avbryt import" and not dialog.cancel_button.isEnabled()


def test_closing_the_dialog_mid_import_cancels_it(dialog, gui_core, qtbot, big_register):
    before = counts(gui_core.db)
    dialog.set_kind("register")
    dialog.set_files([big_register])
    with qtbot.waitSignal(dialog.done, timeout=120_000):
        dialog.start()
        dialog.close()
        assert dialog.isVisible()             # stays until the import has rolled back
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)
    assert dialog.report.cancelled and counts(gui_core.db) == before


def test_a_corrupt_file_gives_a_norwegian_error_and_changes_nothing(dialog, gui_core, qtbot, tmp_path):
    bad = tmp_path / "register.csv"
    bad.write_bytes(b"artikkelnummer,serie_nummer\x00\x01\x02" + bytes(range(256)) * 8)
    before = counts(gui_core.db)
    dialog.set_kind("register")
    dialog.set_files([bad])
    with qtbot.waitSignal(dialog.importFailed, timeout=30_000) as failed:
        dialog.start()
    qtbot.waitUntil(lambda: not dialog.running, timeout=5000)
    assert failed.args[0].startswith("Filen «register.csv» er ikke en CSV-fil")
    assert dialog.status.text() == failed.args[0]
    assert dialog.details.toPlainText() == "Ingenting ble importert. Databasen er som før."
    assert counts(gui_core.db) == before


def test_bad_rows_are_listed_with_line_numbers_and_nothing_is_stored(dialog, gui_core, qtbot, tmp_path):
    f = tmp_path / "oebs.csv"
    f.write_text("\n".join([
        HEADER,
        "250464,777001,2024-03-05,2024-03-01,12230301,I utlån,P,0301",
        "25O464,777002,2024-03-05,2024-03-01,12230301,I utlån,P,0301",
        "250464,777003,2024-03-05,2024-03-01,12230301,I utlån,P,0301",
        "250464,,2024-03-05,2024-03-01,12230301,I utlån,P,0301",
    ]) + "\n", encoding="utf-8")
    before = counts(gui_core.db)
    dialog.set_kind("register")
    dialog.set_files([f])
    with qtbot.waitSignal(dialog.importFinished, timeout=30_000):
        dialog.start()
    report = dialog.report
    assert report.error_count == 2 and not report.ok
    lines = dialog.details.toPlainText().splitlines()
    assert lines[0].startswith("oebs.csv: Linje 3: ") and "tall" in lines[0]
    assert lines[1].startswith("oebs.csv: Linje 5: ") and "mangler" in lines[1]
    assert dialog.status.text().startswith("2 rader har feil")
    assert "color: #b00020" in dialog.status.styleSheet()
    assert counts(gui_core.db) == before


def test_personal_columns_are_dropped_with_a_warning_that_never_shows_a_value(dialog, gui_core, qtbot, tmp_path):
    f = tmp_path / "utlan.csv"
    f.write_text("\n".join([
        HEADER + ",fnr,navn",
        "250464,777101,2024-03-05,2024-03-01,12230301,I utlån,P,0301,01017012345,Kari Nordmann",
        "250464,777102,2024-03-05,2024-03-01,12230301,I utlån,P,0301,02028054321,Ola Nordmann",
    ]) + "\n", encoding="utf-8")
    dialog.set_kind("register")
    dialog.set_files([f])
    with qtbot.waitSignal(dialog.importFinished, timeout=30_000):
        dialog.start()
    assert dialog.report.ok and dialog.report.inserted == 2
    shown = dialog.details.toPlainText() + dialog.status.text()
    assert "Advarsel:" in shown and "fnr" in shown and "navn" in shown
    for value in ("01017012345", "02028054321", "Kari", "Ola"):
        assert value not in shown
    assert gui_core.lookup.lookup("250464", "777101").municipality_number == "0301"


def test_file_menu_opens_the_dialog_and_imports_the_chosen_files(gui_core, qtbot, tmp_path, monkeypatch):
    f = tmp_path / "small.csv"
    generate_register_csv(f, 500, seed=5)
    asked: list[str] = []

    def fake_choose(cls, parent, caption, file_filter):
        asked.append(file_filter)
        return [f]

    monkeypatch.setattr(ImportDialog, "choose_files", classmethod(fake_choose))
    win = build_window(gui_core)
    qtbot.addWidget(win)
    win.show()
    try:
        assert win.act_import.shortcut().toString() == "Ctrl+Shift+I"
        assert win.act_import in win.menuBar().actions()[0].menu().actions()
        win.act_import.trigger()
        dlg = win.findChild(ImportDialog)
        assert dlg is not None and dlg.isVisible()
        dlg.set_kind("register")
        dlg.choose_button.click()
        assert asked and "*.csv" in asked[0]
        assert dlg.files.count() == 1 and dlg.files.item(0).text() == "small.csv"
        with qtbot.waitSignal(dlg.done, timeout=60_000):
            dlg.start_button.click()
        assert dlg.report.ok and dlg.report.rows_read == 500
        win.act_import.trigger()
        assert win.findChildren(ImportDialog) == [dlg]      # one dialog, reused
        qtbot.waitUntil(lambda: win.statusBar().currentMessage() == dlg.report.summary_nb(), timeout=5000)
    finally:
        win.video.shutdown()
