"""Innstillinger (Ctrl+,): who orders, for which HMS, OeBS, database, retention, language, video.

Values are checked with Norwegian messages before anything is saved; what
can change at once does (technician, HMS unit, OeBS, retention, video
defaults), the database address and the language at the next start.  The
OeBS token goes to the keychain, never into the settings file.  Values given
on the command line for this run (``--lang``, ``--demo``) are not saved.
"""

from __future__ import annotations

import copy
import re
from typing import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QGroupBox, QLabel,
                               QLineEdit, QSpinBox, QVBoxLayout, QWidget)

from hms_desk.domain import nav
from hms_desk.domain.i18n import t
from hms_desk.platform.settings import Settings, SettingsError, validate

from hms_desk.services.device_lookup import TOKEN_SECRET  # noqa: E402
#: A NAV staff ident (one letter and six digits) or initials (2–4 letters).
TECHNICIAN_PATTERN = re.compile(r"^(?:[A-Za-z]\d{6}|[A-Za-zÆØÅæøå]{2,4})$")


class SettingsDialog(QDialog):
    applied = Signal(object)      # the new Settings (already validated)

    def __init__(self, settings: Settings, secrets, save: Callable[[Settings], None],
                 notices: list[str] | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.setWindowTitle(self.tr("Innstillinger"))
        self._settings = settings
        self._secrets = secrets
        self._save = save

        self.technician = QLineEdit(settings.technician)
        self.technician.setMaxLength(40)
        self.technician.setToolTip(self.tr("NAV-ident (f.eks. T123456) eller initialer – aldri navn"))
        self.hms_unit = QComboBox()
        for number, name in sorted(nav.HMS_UNITS.items()):
            self.hms_unit.addItem(f"{number} {name}", number)
        self.hms_unit.setCurrentIndex(max(0, self.hms_unit.findData(settings.hms_unit)))
        self.oebs_url = QLineEdit(settings.oebs.base_url)
        self.oebs_url.setPlaceholderText(self.tr("https://… (tomt: bare det lokale registeret)"))
        self.oebs_token = QLineEdit()
        self.oebs_token.setEchoMode(QLineEdit.EchoMode.Password)
        self.oebs_token.setPlaceholderText(self.tr("uendret") if secrets.get(TOKEN_SECRET) else self.tr("ikke satt"))
        self.oebs_timeout = QSpinBox()
        self.oebs_timeout.setRange(1, 120)
        self.oebs_timeout.setSuffix(self.tr(" s"))
        self.oebs_timeout.setValue(int(round(settings.oebs.timeout_s)))
        self.db_url = QLineEdit(settings.db_url)
        self.db_url.setPlaceholderText(self.tr("tomt: SQLite i profilen; ellers postgresql://…"))
        self.retention = QSpinBox()
        self.retention.setRange(1, 365)
        self.retention.setSuffix(self.tr(" dager"))
        self.retention.setValue(settings.retention_days)
        self.language = QComboBox()
        self.language.addItem("Norsk bokmål", "nb")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(max(0, self.language.findData(settings.ui.language)))
        self.live_blur = QCheckBox(self.tr("Sladd ansikter i videobildet fra start"))
        self.live_blur.setChecked(settings.video.live_face_blur)
        self.blank = QCheckBox(self.tr("Svart bilde når ansiktssladdingen ikke henger med"))
        self.blank.setChecked(settings.video.blank_when_detector_fails)
        self.precall = QCheckBox(self.tr("Åpne forhåndssjekken når en ny sak startes"))
        self.precall.setChecked(settings.video.precall_on_new_case)
        self.delete_after_export = QCheckBox(self.tr("Slett sakens bilder når journalnotatet er eksportert"))
        self.delete_after_export.setChecked(settings.delete_captures_after_export)
        self.require_journal = QCheckBox(self.tr("Krev eksportert journalnotat før bildene slettes"))
        self.require_journal.setChecked(settings.require_journal_before_close)

        who = QGroupBox(self.tr("Bestiller"))
        f = QFormLayout(who)
        self._row(f, self.tr("&Tekniker (ident):"), self.technician)
        self._row(f, self.tr("&Hjelpemiddelsentral:"), self.hms_unit)
        oebs = QGroupBox(self.tr("OeBS og database"))
        f = QFormLayout(oebs)
        self._row(f, self.tr("OeBS-&adresse:"), self.oebs_url)
        self._row(f, self.tr("OeBS-&nøkkel:"), self.oebs_token)
        self._row(f, self.tr("&Tidsavbrudd:"), self.oebs_timeout)
        self._row(f, self.tr("&Database:"), self.db_url)
        privacy = QGroupBox(self.tr("Personvern og video"))
        f = QFormLayout(privacy)
        self._row(f, self.tr("&Oppbevaring av bilder:"), self.retention)
        for box in (self.live_blur, self.blank, self.precall, self.delete_after_export, self.require_journal):
            f.addRow(box)
        general = QGroupBox(self.tr("Språk"))
        f = QFormLayout(general)
        self._row(f, self.tr("&Språk:"), self.language)

        self.error = QLabel()
        self.error.setObjectName("settingsError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020;")
        self.error.hide()
        self.notices = QLabel("\n".join(t(n) for n in notices or []))
        self.notices.setObjectName("settingsNotices")
        self.notices.setWordWrap(True)
        self.notices.setVisible(bool(notices))
        keychain = QLabel(self.tr("Hemmeligheter lagres i: {0}").format(getattr(secrets, "description", "")))
        keychain.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        lay = QVBoxLayout(self)
        for w in (who, oebs, privacy, general, keychain, self.notices, self.error, self.buttons):
            lay.addWidget(w)
        self.setMinimumWidth(520)

    @staticmethod
    def _row(form: QFormLayout, text: str, field: QWidget) -> None:
        label = QLabel(text)
        label.setBuddy(field)
        form.addRow(label, field)

    def values(self) -> Settings:
        """The settings as the dialog shows them (not yet checked)."""
        s = copy.deepcopy(self._settings)
        s.technician = self.technician.text().strip()
        s.hms_unit = self.hms_unit.currentData()
        s.oebs.base_url = self.oebs_url.text().strip()
        s.oebs.timeout_s = float(self.oebs_timeout.value())
        s.db_url = self.db_url.text().strip()
        s.retention_days = self.retention.value()
        s.ui.language = self.language.currentData()
        s.video.live_face_blur = self.live_blur.isChecked()
        s.video.blank_when_detector_fails = self.blank.isChecked()
        s.video.precall_on_new_case = self.precall.isChecked()
        s.delete_captures_after_export = self.delete_after_export.isChecked()
        s.require_journal_before_close = self.require_journal.isChecked()
        return s

    def check(self) -> tuple[Settings | None, str, QWidget | None]:
        s = self.values()
        if not TECHNICIAN_PATTERN.match(s.technician) and s.technician != self._settings.technician:
            return None, self.tr("Tekniker må være en NAV-ident (én bokstav og seks siffer) eller initialer "
                                 "(2–4 bokstaver) – aldri et navn eller fødselsnummer."), self.technician
        if s.db_url and not re.match(r"^(sqlite|postgresql)(\+\w+)?://", s.db_url):
            return None, self.tr("Databaseadressen må begynne med sqlite:// eller postgresql://."), self.db_url
        token = self.oebs_token.text()
        if token and (any(c.isspace() for c in token) or len(token) > 4096):
            return None, self.tr("OeBS-nøkkelen kan ikke inneholde mellomrom eller linjeskift."), self.oebs_token
        try:
            validate(s)
        except SettingsError as exc:
            field = self.oebs_url if "oebs" in str(exc) else None
            return None, t(str(exc)), field
        return s, "", None

    def accept(self) -> None:
        s, problem, field = self.check()
        if s is None:
            self.error.setText(problem)
            self.error.show()
            if field is not None:
                field.setFocus()
            return                      # nothing typed is lost: the dialog stays open
        try:
            if self.oebs_token.text():
                self._secrets.set(TOKEN_SECRET, self.oebs_token.text())
            self._save(s)
        except Exception as exc:        # noqa: BLE001 - a settings file we may not write: say so, keep the dialog
            self.error.setText(self.tr("Innstillingene kunne ikke lagres: {0}").format(
                getattr(exc, "message", None) or t(str(exc))))
            self.error.show()
            return
        self.applied.emit(s)
        super().accept()
