"""Import catalogue and register files from the GUI, with progress and cancel.

The dialog runs the same importer functions as ``hms-desk import`` through
the tasks door (``Op`` on the database worker thread), so the window, the
video and the lookup stay live while a national register is read.  The
importer's progress callback runs in the worker thread; it is throttled and
relayed to the GUI thread as a Qt signal.  *Avbryt* sets the importer's
``threading.Event``: the transaction is rolled back and the database is
left as it was.  The result is shown in Norwegian: counts, warnings (e.g.
personal columns that were dropped) and the first bad rows with their line
numbers.
"""

from __future__ import annotations

import threading
import time
from pathlib import Path
from typing import Any, Callable

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (QComboBox, QDialog, QFileDialog, QFormLayout, QHBoxLayout, QLabel, QListWidget,
                               QPlainTextEdit, QProgressBar, QPushButton, QVBoxLayout, QWidget)

from hms_desk.domain.errors import HmsError
from hms_desk.domain.i18n import t
from hms_desk.ui.formats import number
from hms_desk.ui.ops import Change, Operations

#: ``do_import(kind, paths, progress, cancel) -> ImportReport`` (see ``ui.application``)
ImportFn = Callable[[str, list[Path], Callable[[int, "int | None"], None], threading.Event], Any]

MAX_SHOWN_ERRORS = 50
PROGRESS_INTERVAL_S = 0.05        # at most ~20 progress updates a second reach the GUI


class _ProgressRelay(QObject):
    """Carries progress from the import thread to the GUI thread (a queued signal)."""

    progressed = Signal(int, int)      # rows done, total (-1: unknown)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._last = 0.0

    def __call__(self, done: int, total: int | None) -> None:       # called in the worker thread
        now = time.monotonic()
        final = total is not None and done >= total
        if final or now - self._last >= PROGRESS_INTERVAL_S:
            self._last = now
            self.progressed.emit(int(done), -1 if total is None else int(total))


class ImportDialog(QDialog):
    importFinished = Signal(object)    # ImportReport (committed, cancelled or with bad rows)
    importFailed = Signal(str)         # a whole file could not be read (Norwegian)
    done = Signal(bool)                # after either of the above; for tests and the main window

    def __init__(self, ops: Operations, do_import: ImportFn, parent: QWidget | None = None):
        super().__init__(parent)
        self._ops = ops
        self._do_import = do_import
        self._cancel: threading.Event | None = None
        self._close_when_done = False
        self.paths: list[Path] = []
        self.report: Any = None
        self.progress_updates = 0
        self.setWindowTitle(self.tr("Importer filer"))
        self.setObjectName("importDialog")

        self.kinds = [
            ("register", self.tr("Hjelpemiddelregister fra OeBS (CSV)"), self.tr("CSV-filer (*.csv *.txt)")),
            ("grunndata", self.tr("Produktkatalog fra NAV (grunndata, JSON)"), self.tr("JSON-filer (*.json)")),
            ("parts", self.tr("Deleliste (CSV eller Excel)"), self.tr("Deleliste (*.csv *.xlsx)")),
            ("products", self.tr("Produkter (CSV)"), self.tr("CSV-filer (*.csv *.txt)")),
            ("product-parts", self.tr("Deler per produkt (CSV)"), self.tr("CSV-filer (*.csv *.txt)")),
        ]
        self.kind = QComboBox()
        for key, label, _ in self.kinds:
            self.kind.addItem(label, key)
        self.kind.setAccessibleName(self.tr("Hva skal importeres"))
        self.files = QListWidget()
        self.files.setAccessibleName(self.tr("Valgte filer"))
        self.files.setMaximumHeight(90)
        self.choose_button = QPushButton(self.tr("&Velg filer …"))
        self.start_button = QPushButton(self.tr("&Importer"))
        self.start_button.setDefault(True)
        self.start_button.setEnabled(False)
        self.cancel_button = QPushButton(self.tr("&Avbryt import"))
        self.cancel_button.setEnabled(False)
        self.close_button = QPushButton(self.tr("&Lukk"))
        self.bar = QProgressBar()
        self.bar.setRange(0, 1)
        self.bar.setValue(0)
        self.status = QLabel(self.tr("Velg hva som skal importeres og filene."))
        self.status.setWordWrap(True)
        self.status.setObjectName("importStatus")
        self.details = QPlainTextEdit()
        self.details.setAccessibleName(self.tr("Detaljer om importen"))
        self.details.setReadOnly(True)
        self.details.setObjectName("importDetails")
        self.details.setPlaceholderText(self.tr("Resultatet vises her."))

        form = QFormLayout()
        form.addRow(self.tr("&Type:"), self.kind)
        pick = QHBoxLayout()
        pick.addWidget(self.files, 1)
        pick.addWidget(self.choose_button, 0, Qt.AlignmentFlag.AlignTop)
        form.addRow(self.tr("Filer:"), pick)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for b in (self.start_button, self.cancel_button, self.close_button):
            buttons.addWidget(b)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(self.bar)
        lay.addWidget(self.status)
        lay.addWidget(self.details, 1)
        lay.addLayout(buttons)
        self.resize(640, 460)

        self._relay = _ProgressRelay(self)
        self._relay.progressed.connect(self._on_progress)
        self.choose_button.clicked.connect(self.pick_files)
        self.start_button.clicked.connect(self.start)
        self.cancel_button.clicked.connect(self.cancel)
        self.close_button.clicked.connect(self.close)
        self.kind.currentIndexChanged.connect(lambda _i: self._idle_text())

    # -- choosing -------------------------------------------------------------------
    @classmethod
    def choose_files(cls, parent: QWidget, caption: str, file_filter: str) -> list[Path]:
        """The platform's file dialog (a seam: tests replace it)."""
        names, _ = QFileDialog.getOpenFileNames(parent, caption, "", file_filter)
        return [Path(n) for n in names]

    def set_kind(self, kind: str) -> None:
        i = self.kind.findData(kind)
        if i < 0:
            raise ValueError(kind)
        self.kind.setCurrentIndex(i)

    def set_files(self, paths: list[Path]) -> None:
        self.paths = [Path(p) for p in paths]
        self.files.clear()
        for p in self.paths:
            self.files.addItem(p.name)
            self.files.item(self.files.count() - 1).setToolTip(str(p))
        self.start_button.setEnabled(bool(self.paths) and self._cancel is None)
        self._idle_text()

    def pick_files(self) -> None:
        _, label, file_filter = self.kinds[self.kind.currentIndex()]
        chosen = type(self).choose_files(self, self.tr("Velg filer: {0}").format(label),
                                         file_filter + ";;" + self.tr("Alle filer (*)"))
        if chosen:
            self.set_files(chosen)

    def _idle_text(self) -> None:
        if self._cancel is None and self.report is None:
            self.status.setStyleSheet("")
            self.status.setText(self.tr("%n fil(er) valgt.", "", len(self.paths)) if self.paths
                                else self.tr("Velg hva som skal importeres og filene."))

    @property
    def running(self) -> bool:
        return self._cancel is not None

    # -- running --------------------------------------------------------------------
    def start(self) -> None:
        if self.running or not self.paths:
            return
        kind = self.kind.currentData()
        self._cancel = threading.Event()
        self.report = None
        self.progress_updates = 0
        self.details.clear()
        self.status.setStyleSheet("")
        self.status.setText(self.tr("Importerer …"))
        self.bar.setRange(0, 0)           # busy until the first progress arrives
        for w in (self.kind, self.choose_button, self.start_button):
            w.setEnabled(False)
        self.cancel_button.setEnabled(True)
        self.cancel_button.setText(self.tr("&Avbryt import"))
        self.op = self._ops.mutate(self, self._do_import, kind, list(self.paths), self._relay, self._cancel,
                                   changes=Change.CATALOG)
        self.op.success(self._succeeded).failure(self._failed).finally_(self._finished).run()

    def cancel(self) -> None:
        if self._cancel is not None and not self._cancel.is_set():
            self._cancel.set()
            self.cancel_button.setEnabled(False)
            self.cancel_button.setText(self.tr("Avbryter …"))
            self.status.setText(self.tr("Avbryter – ingen endringer blir lagret …"))

    def _on_progress(self, done: int, total: int) -> None:
        if not self.running:
            return
        self.progress_updates += 1
        if total > 0:
            self.bar.setRange(0, total)
            self.bar.setValue(min(done, total))
            self.status.setText(self.tr("{0} av ca. {1} rader lest …").format(number(done), number(total)))
        else:
            self.status.setText(self.tr("{0} rader lest …").format(number(done)))

    def _succeeded(self, report: Any) -> None:
        self.report = report
        lines: list[str] = []
        for w in report.warnings:
            lines.append(self.tr("Advarsel: {0}").format(t(w)))
        for e in report.errors[:MAX_SHOWN_ERRORS]:
            lines.append(self.tr("{0}: {1} {2}: {3}").format(e.file, t(e.label), e.line, t(e.reason_nb)))
        more = report.error_count - min(len(report.errors), MAX_SHOWN_ERRORS)
        if more > 0:
            lines.append(self.tr("… og {0} feil til.").format(more))
        self.details.setPlainText("\n".join(lines))
        self.status.setText(t(report.summary_nb()))
        if report.ok:
            self.status.setStyleSheet("")
            self.bar.setRange(0, 1)
            self.bar.setValue(1)
        else:
            self.status.setStyleSheet("color: #b00020;")
            self.bar.setRange(0, 1)
            self.bar.setValue(0)
        self.importFinished.emit(report)

    def _failed(self, exc: HmsError) -> None:
        self.report = None
        self.status.setText(exc.message)
        self.status.setStyleSheet("color: #b00020;")
        self.details.setPlainText(self.tr("Ingenting ble importert. Databasen er som før."))
        self.bar.setRange(0, 1)
        self.bar.setValue(0)
        self.importFailed.emit(exc.message)

    def _finished(self, ok: bool) -> None:
        self._cancel = None
        for w in (self.kind, self.choose_button):
            w.setEnabled(True)
        self.start_button.setEnabled(bool(self.paths))
        self.cancel_button.setEnabled(False)
        self.cancel_button.setText(self.tr("&Avbryt import"))
        self.done.emit(ok)
        if self._close_when_done:
            self._close_when_done = False
            self.close()

    def closeEvent(self, event) -> None:
        if self.running:                   # closing mid-import cancels it; the dialog closes when rolled back
            self._close_when_done = True
            self.cancel()
            event.ignore()
            return
        super().closeEvent(event)

    def reject(self) -> None:              # Esc
        if self.running:
            self.close()
            return
        super().reject()
