"""Crash dialog: uncaught exceptions from any thread end up here, on the GUI thread."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from hms_desk.platform import crash

log = logging.getLogger("hms_desk.crash")


class CrashDialog(QDialog):
    def __init__(self, text: str, log_path: Path | None, parent: QWidget | None = None,
                 title: str | None = None):
        super().__init__(parent)
        self.setWindowTitle(title or self.tr("HMS Desk – uventet feil"))
        lay = QVBoxLayout(self)
        msg = self.tr("Det oppstod en uventet feil. Arbeidet ditt er lagret så langt det var mulig.\n"
                      "Send gjerne feilrapporten under til brukerstøtte. Den inneholder ingen "
                      "personopplysninger.")
        if log_path is not None:
            msg += "\n" + self.tr("Rapporten er lagret i: {0}").format(str(log_path))
        label = QLabel(msg)
        label.setWordWrap(True)
        lay.addWidget(label)
        self.details = QPlainTextEdit(text)
        self.details.setAccessibleName(self.tr("Feilrapport"))
        self.details.setReadOnly(True)
        lay.addWidget(self.details)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        copy = buttons.addButton(self.tr("Kopier rapport"), QDialogButtonBox.ButtonRole.ActionRole)
        copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(text))
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
        self.resize(640, 420)


class CrashSignal(QObject):
    """Thread-safe bridge: ``report(text)`` from any thread -> dialog on the GUI thread."""

    crashed = Signal(str)

    shown = Signal(object)      # the CrashDialog, once it is open (tests wait on it)

    def __init__(self, crash_dir: Path, show_windows: bool = True):
        super().__init__()
        self._crash_dir = crash_dir
        self._show = show_windows
        self.last_report: Path | None = None
        self.reports: list[str] = []            # every report this session (tests check it stays empty)
        self.crashed.connect(self._on_crash, Qt.ConnectionType.QueuedConnection)

    def report(self, text: str) -> None:
        self.crashed.emit(text)

    def _on_crash(self, text: str) -> None:
        self.reports.append(text)
        try:
            self.last_report = crash.write_crash_log(self._crash_dir, text)
        except OSError as exc:                   # a full or read-only disk must not hide the error
            log.error("could not write the crash log: %s", exc)
            self.last_report = None
        if self._show:
            parent = self.parent() if isinstance(self.parent(), QWidget) else None
            dialog = CrashDialog(text, self.last_report, parent)
            dialog.setObjectName("crashDialog")
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
            dialog.open()                        # no nested event loop: the app keeps running
            self.shown.emit(dialog)
