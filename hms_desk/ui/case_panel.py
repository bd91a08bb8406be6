"""The case: who is present, consent, pictures, decision, summary, journal, close, deletion receipt.

Privacy is visible here: whether the user takes part (then live face blur
goes on and pictures are blocked until consent is recorded — the panel says
so in red), the consents recorded (kind, given by, for what, when, by whom),
deleting the case's pictures after the journal note is exported, and the
deletion receipt (*slettebekreftelse*) once the case is closed.  There is no
recording feature: the consent scope "opptak" is recorded, nothing records.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QSize, Qt, Signal
from PySide6.QtGui import QIcon, QImage, QPixmap
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QGroupBox,
                               QHBoxLayout, QLabel, QLineEdit, QListWidget, QListWidgetItem, QMessageBox,
                               QPlainTextEdit, QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout,
                               QWidget)

from hms_desk.domain.errors import HmsError
from hms_desk.domain import i18n
from hms_desk.domain.personal_data import check_free_text
from hms_desk.domain.nav import DECISION_TEXT, Decision
from hms_desk.services.cases import CONSENT_GIVERS, CONSENT_KINDS, CONSENT_SCOPES, ROLES, CaseService
from hms_desk.ui.case_context import CaseContext, CaseRef
from hms_desk.ui.formats import local_datetime, local_time
from hms_desk.ui.ops import Change, Op, OpChanges, Operations, cpu, db


class CasePanel(QWidget):
    caseStarted = Signal(int, str)        # id, number
    caseClosed = Signal(int, int)         # id, captures deleted
    snapshotAdded = Signal(int)
    journalExported = Signal(str)         # path
    message = Signal(str)
    userTakesPartChanged = Signal(bool)
    receiptWritten = Signal(str)          # path of the deletion receipt
    consentStateChanged = Signal(bool, str)   # pictures blocked?, short text for the status bar
    journalEditorRequested = Signal(int)  # case id: open the journal-note editor (ui.application does)
    deviationRequested = Signal()         # «Meld avvik …»: open the deviation form for the open case
    receiptPrinted = Signal(str)          # case number of the printed deletion receipt

    def __init__(self, ops: Operations, context: CaseContext, cases: CaseService, journal,
                 parent: QWidget | None = None, *, deletion=None, delete_after_export: bool = False,
                 require_journal_before_close: bool = False):
        super().__init__(parent)
        self._ops = ops
        self._context = context
        self._cases = cases
        self._journal = journal             # services.journal.JournalService
        self._deletion = deletion           # services.deletion.DeletionService
        self.delete_after_export = delete_after_export
        self.require_journal_before_close = require_journal_before_close
        self._devices: list[tuple[str, str]] = []
        self.closed_case_id: int | None = None   # the last closed case (for its deletion receipt)
        self._user_takes_part = False
        self._has_consent = False

        self.title = QLabel(self.tr("Ingen sak er startet."))
        self.title.setObjectName("caseTitle")
        self.title.setStyleSheet("font-weight: bold; font-size: 13pt;")
        self.title.setWordWrap(True)
        self.devices_label = QLabel()
        self.devices_label.setObjectName("caseDevices")
        self.devices_label.setWordWrap(True)
        self.start_button = QPushButton(self.tr("Start &ny sak"))
        self.resume_bar = QLabel()
        self.resume_bar.setObjectName("resumeBar")
        self.resume_bar.setWordWrap(True)
        self.resume_bar.setStyleSheet("background:#fff4ce; padding:4px;")
        self.resume_bar.hide()
        self.resume_button = QPushButton(self.tr("&Gjenoppta"))
        self.resume_button.hide()

        # who is present (roles only, never names)
        people = QGroupBox(self.tr("Til stede (rolle, aldri navn)"))
        self.role = QComboBox()
        for r in ROLES:
            self.role.addItem(i18n.t(r), r)
        self.org = QLineEdit()
        self.org.setMaxLength(120)
        self.org.setPlaceholderText(self.tr("f.eks. Oslo kommune, hjemmetjenesten"))
        self.in_picture = QCheckBox(self.tr("I bildet"))
        self.add_person = QPushButton(self.tr("Legg til"))
        self.add_person.setAccessibleName(self.tr("Legg til deltaker"))
        self.people = QListWidget()
        self.people.setAccessibleName(self.tr("Til stede"))
        self.people.setMaximumHeight(84)
        self.remove_person = QPushButton(self.tr("Fjern"))
        self.remove_person.setAccessibleName(self.tr("Fjern deltaker"))
        self.remove_person.setToolTip(self.tr("Fjerner en deltaker som ble ført opp ved en feil (loggføres)"))
        self.user_takes_part = QCheckBox(self.tr("Brukeren deltar i samtalen (også utenfor bildet)"))
        pl = QFormLayout(people)
        pl.addRow(self.user_takes_part)
        role_row = QHBoxLayout()
        role_row.addWidget(self.role, 1)
        role_row.addWidget(self.in_picture)
        role_label = QLabel(self.tr("&Rolle:"))
        role_label.setBuddy(self.role)
        pl.addRow(role_label, role_row)
        org_label = QLabel(self.tr("&Organisasjon:"))
        org_label.setBuddy(self.org)
        pl.addRow(org_label, self.org)
        people_buttons = QHBoxLayout()
        people_buttons.addStretch(1)
        people_buttons.addWidget(self.add_person)
        people_buttons.addWidget(self.remove_person)
        pl.addRow(people_buttons)
        pl.addRow(self.people)

        consent = QGroupBox(self.tr("Samtykke"))
        self.c_kind = QComboBox()
        self.c_by = QComboBox()
        self.c_scope = QComboBox()
        for box, values in ((self.c_kind, CONSENT_KINDS), (self.c_by, CONSENT_GIVERS), (self.c_scope, CONSENT_SCOPES)):
            for v in values:
                box.addItem(i18n.t(v), v)
        self.add_consent = QPushButton(self.tr("Registrer samtykke"))
        self.consent_state = QLabel(self.tr("Brukeren deltar ikke."))
        self.consent_state.setObjectName("consentState")
        self.consent_state.setWordWrap(True)
        self.consents = QListWidget()
        self.consents.setAccessibleName(self.tr("Registrerte samtykker"))
        self.consents.setMaximumHeight(64)
        self.remove_consent = QPushButton(self.tr("Fjern samtykke"))
        self.remove_consent.setToolTip(self.tr("Retter et samtykke som ble registrert ved en feil (loggføres)"))
        cl = QFormLayout(consent)
        for text, box in ((self.tr("&Type:"), self.c_kind), (self.tr("Gitt &av:"), self.c_by),
                          (self.tr("&Gjelder:"), self.c_scope)):
            label = QLabel(text)
            label.setBuddy(box)
            cl.addRow(label, box)
        cl.addRow("", self.add_consent)
        cl.addRow(self.consents)
        cl.addRow("", self.remove_consent)
        cl.addRow(self.consent_state)

        pics = QGroupBox(self.tr("Bilder (sladdet og kryptert)"))
        pics.setToolTip(self.tr("Ansikter sladdes før bildet lagres; bildene er kryptert og slettes når saken lukkes"))
        self.snapshots = QListWidget()
        self.snapshots.setAccessibleName(self.tr("Bilder i saken"))
        self.snapshots.setViewMode(QListWidget.ViewMode.IconMode)
        self.snapshots.setIconSize(QSize(96, 64))
        self.snapshots.setMaximumHeight(104)
        self.delete_pics_button = QPushButton(self.tr("Slett sakens bilder nå"))
        pics_layout = QVBoxLayout(pics)
        pics_note = QLabel(self.tr("Slettes når saken lukkes."))
        pics_note.setWordWrap(True)
        pics_layout.addWidget(pics_note)
        pics_layout.addWidget(self.snapshots)
        pics_layout.addWidget(self.delete_pics_button)

        decide = QGroupBox(self.tr("Vurdering"))
        self.decision = QComboBox()
        self.decision.addItem(self.tr("(ikke bestemt)"), None)
        for d in Decision:
            self.decision.addItem(i18n.t(DECISION_TEXT[d]), d.value)
        self.reason = QLineEdit()
        self.reason.setMaxLength(400)
        self.reason.setPlaceholderText(self.tr("Begrunnelse"))
        self.summary = QPlainTextEdit()
        self.summary.setPlaceholderText(self.tr("Oppsummering av samtalen (ingen navn, fødselsnummer eller diagnose)"))
        self.summary.setMaximumHeight(90)
        self.summary.setTabChangesFocus(True)          # Tab leaves the field (no trap)
        self.next_contact = QLineEdit()
        self.next_contact.setMaxLength(200)
        self.next_contact.setPlaceholderText(self.tr("Neste kontakt, f.eks. ny samtale tirsdag kl. 10"))
        self.name_warning = QLabel()
        self.name_warning.setObjectName("nameWarning")
        self.name_warning.setWordWrap(True)
        self.name_warning.setStyleSheet("background:#fde7e9; color:#7a0010; padding:4px;")
        self.name_warning.hide()
        self.confirm_names = QCheckBox(self.tr("Det er ikke personopplysninger – lagre likevel"))
        self.confirm_names.hide()
        form = QFormLayout(decide)
        for text, w in ((self.tr("&Beslutning:"), self.decision), (self.tr("Be&grunnelse:"), self.reason),
                        (self.tr("O&ppsummering:"), self.summary), (self.tr("Neste &kontakt:"), self.next_contact)):
            label = QLabel(text)
            label.setBuddy(w)
            form.addRow(label, w)
        form.addRow(self.name_warning)
        form.addRow(self.confirm_names)

        self.export_button = QPushButton(self.tr("&Eksporter journalnotat …"))
        self.export_button.setToolTip(self.tr("Åpner journalnotatet: se over, rediger og eksporter (Ctrl+E)"))
        self.deviation_button = QPushButton(self.tr("&Meld avvik …"))
        self.deviation_button.setToolTip(self.tr("Meld et avvik for denne saken (Ctrl+Shift+A for alle avvik)"))
        self.print_receipt_button = QPushButton(self.tr("Skriv ut …"))
        self.print_receipt_button.setAccessibleName(self.tr("Skriv ut slettebekreftelse"))
        self.print_receipt_button.setToolTip(self.tr("Skriv ut slettebekreftelsen (forhåndsvisning først)"))
        self.print_receipt_button.setEnabled(False)
        self.close_button = QPushButton(self.tr("&Avslutt sak …"))
        self.receipt_button = QPushButton(self.tr("Slettebekreftelse (PDF)"))
        self.receipt_button.setToolTip(self.tr("Bekreftelse til kommunen på at sakens bilder er slettet"))
        self.receipt_button.setEnabled(False)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setObjectName("caseStatus")
        bottom = QHBoxLayout()
        bottom.addWidget(self.export_button)
        bottom.addStretch(1)
        bottom.addWidget(self.close_button)
        bottom2 = QHBoxLayout()
        bottom2.addWidget(self.deviation_button)
        bottom2.addStretch(1)
        bottom2.addWidget(self.receipt_button)
        bottom2.addWidget(self.print_receipt_button)

        lay = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.start_button)
        lay.addLayout(top)
        lay.addWidget(self.devices_label)
        resume = QHBoxLayout()
        resume.addWidget(self.resume_bar, 1)
        resume.addWidget(self.resume_button)
        lay.addLayout(resume)
        for w in (people, consent, pics, decide):
            lay.addWidget(w)
        lay.addLayout(bottom)
        lay.addLayout(bottom2)
        lay.addWidget(self.status)
        lay.addStretch(1)

        self.start_button.clicked.connect(self.start_case)
        self.add_person.clicked.connect(self._add_participant)
        self.org.returnPressed.connect(self._add_participant)
        self.remove_person.clicked.connect(self._remove_participant)
        self.add_consent.clicked.connect(self._add_consent)
        self.remove_consent.clicked.connect(self._remove_consent)
        self.export_button.clicked.connect(self.export_journal)
        self.close_button.clicked.connect(self.close_case)
        self.user_takes_part.toggled.connect(self._set_user_takes_part)
        self.delete_pics_button.clicked.connect(self.delete_pictures)
        self.receipt_button.clicked.connect(self.write_receipt)
        self.print_receipt_button.clicked.connect(self.print_receipt)
        self.deviation_button.clicked.connect(self.deviationRequested)
        self.resume_button.clicked.connect(lambda: self.resume(self._resume_id) if self._resume_id else None)
        self.decision.currentIndexChanged.connect(lambda _i: self.save_decision())
        self.reason.editingFinished.connect(self.save_decision)
        for w in (self.reason, self.next_contact):
            w.textChanged.connect(self._text_edited)
        self.summary.textChanged.connect(self._text_edited)
        context.deviceChanged.connect(self.set_device)
        ops.changed.connect(self._on_changed)
        self._resume_id: int | None = None
        self._confirmed_text: tuple | None = None
        self._set_enabled(False)

    def _set_enabled(self, on: bool) -> None:
        for w in (self.add_person, self.add_consent, self.export_button, self.deviation_button, self.close_button,
                  self.role, self.org,
                  self.in_picture, self.c_kind, self.c_by, self.c_scope, self.remove_person, self.remove_consent,
                  self.decision, self.reason, self.summary, self.next_contact, self.user_takes_part,
                  self.delete_pics_button):
            w.setEnabled(on)
        self.start_button.setEnabled(not on)

    def _fail(self, exc: HmsError) -> None:
        self.status.setStyleSheet("color: #b00020;")
        self.status.setText(exc.message)
        self.message.emit(exc.message)

    def _ok(self, text: str) -> None:
        self.status.setStyleSheet("")
        self.status.setText(text)
        self.message.emit(text)

    # -- actions ---------------------------------------------------------------
    @property
    def case_id(self) -> int | None:
        return self._context.case_id

    @property
    def case_number(self) -> str:
        return self._context.case.number if self._context.case is not None else ""

    def start_case(self) -> None:
        if self.case_id is not None:
            return
        self.start_button.setEnabled(False)
        self._ops.mutate(self, self._cases.start, changes=Change.CASE).success(self._started) \
            .failure(self._fail).finally_(lambda ok: None if ok else self.start_button.setEnabled(True)).run()

    def _started(self, case) -> None:
        self._show_state(self._cases_state_of_new(case))
        self._ok(self.tr("Sak {0} er startet.").format(case.number))
        device = self._context.device
        if device is not None:              # looked up before the case started: it belongs to it
            self.set_device(device)
        self.caseStarted.emit(case.id, case.number)

    @staticmethod
    def _cases_state_of_new(case):
        from hms_desk.services.cases import CaseState

        return CaseState(case.id, case.number, "open", case.started_at, False, (), (), None, "", "", "", (), ())

    def _show_state(self, state) -> None:
        """Fills the panel with a case (a new one, or one resumed)."""
        self.title.setText(self.tr("Sak {0}").format(state.number))
        self._show_devices(state.devices)
        self.people.clear()
        for p in state.participants:
            self._add_person_item(p.id, p.role, p.organisation, p.in_picture)
        self.consents.clear()
        for c in state.consents:
            self._add_consent_item(c.id, c.kind, c.given_by, c.scope, c.given_at, c.recorded_by)
        self.snapshots.clear()
        for widget in (self.summary, self.reason, self.next_contact):
            widget.blockSignals(True)
        self.summary.setPlainText(state.summary)
        self.reason.setText(state.decision_reason)
        self.next_contact.setText(state.next_contact)
        for widget in (self.summary, self.reason, self.next_contact):
            widget.blockSignals(False)
        self.decision.blockSignals(True)
        self.decision.setCurrentIndex(max(0, self.decision.findData(state.decision)))
        self.decision.blockSignals(False)
        self._user_takes_part = state.user_takes_part
        self._has_consent = state.has_picture_consent
        self.user_takes_part.blockSignals(True)
        self.user_takes_part.setChecked(state.user_takes_part)
        self.user_takes_part.blockSignals(False)
        self._show_consent_state()
        self._hide_name_warning()
        self.receipt_button.setEnabled(False)
        self.print_receipt_button.setEnabled(False)
        self.resume_bar.hide()
        self.resume_button.hide()
        self._set_enabled(True)
        self._context.set_case(CaseRef(state.id, state.number))
        if state.user_takes_part:
            self.userTakesPartChanged.emit(True)

    def _show_devices(self, devices) -> None:
        self._devices = list(devices)
        self.devices_label.setText(self.tr("Hjelpemidler: {0}").format(
            ", ".join(f"{h} / {s}" for h, s in self._devices)) if self._devices else self.tr("Ingen hjelpemiddel slått opp ennå."))

    # -- resuming -----------------------------------------------------------------
    def offer_resume(self, open_cases: list) -> None:
        """At start: open cases from an earlier session are offered, never lost."""
        if not open_cases or self.case_id is not None:
            return
        newest = open_cases[0]
        self._resume_id = newest.id
        more = len(open_cases) - 1
        text = self.tr("Sak {0} fra {1} er fortsatt åpen.").format(newest.number, local_datetime(newest.started_at))
        if more:
            text += " " + self.tr("%n annen sak er også åpen (se Saker).", "", more)
        self.resume_bar.setText(text)
        self.resume_bar.show()
        self.resume_button.show()

    def resume(self, case_id: int) -> Op | None:
        if self.case_id is not None:
            self._fail(HmsError(self.tr("Avslutt eller lukk den åpne saken før du gjenopptar en annen.")))
            return None
        cases = self._cases

        def load(_):
            state = cases.case_state(case_id)
            if state.status != "open":
                raise HmsError("Saken er lukket og kan ikke gjenopptas.")
            thumbs = [(sid, faces, cases.snapshot_png(sid, "gjenopptatt sak")) for sid, faces in state.snapshots]
            return state, thumbs
        return self._ops.staged(self, db(load)).success(self._resumed).failure(self._fail).run()

    def _resumed(self, result) -> None:
        state, thumbs = result
        self._show_state(state)
        for sid, faces, png in thumbs:
            self._add_thumbnail(sid, faces, png)
        self._ok(self.tr("Sak {0} er gjenopptatt.").format(state.number))
        self.caseStarted.emit(state.id, state.number)

    # -- people and consent ---------------------------------------------------------
    def _add_person_item(self, pid: int, role: str, org: str, pic: bool) -> None:
        item = QListWidgetItem(i18n.t(role) + (f" — {org}" if org else "") + (self.tr(" (i bildet)") if pic else ""))
        item.setData(Qt.ItemDataRole.UserRole, pid)
        self.people.addItem(item)

    def _add_participant(self) -> None:
        if self.case_id is None:
            return
        role, org, pic = self.role.currentData(), self.org.text().strip(), self.in_picture.isChecked()

        def done(pid):
            self._add_person_item(pid, role, org, pic)
            if role == "bruker":
                self._user_takes_part = True
                self.user_takes_part.blockSignals(True)
                self.user_takes_part.setChecked(True)
                self.user_takes_part.blockSignals(False)
                self._show_consent_state()
                self.userTakesPartChanged.emit(True)
            self.org.clear()
            self._ok(self.tr("Deltaker lagt til: {0}.").format(role))
        self._ops.mutate(self, self._cases.add_participant, self.case_id, role, org, pic, changes=Change.CASE) \
            .success(done).failure(self._fail).run()

    def _remove_participant(self) -> None:
        item = self.people.currentItem()
        if item is None or self.case_id is None:
            self._fail(HmsError(self.tr("Velg deltakeren som skal fjernes.")))
            return
        pid = item.data(Qt.ItemDataRole.UserRole)

        def done(_):
            self.people.takeItem(self.people.row(item))
            self._ok(self.tr("Deltakeren er fjernet (rettingen er loggført)."))
            self._refresh_user_takes_part()
        self._ops.mutate(self, self._cases.remove_participant, self.case_id, pid, changes=Change.CASE) \
            .success(done).failure(self._fail).run()

    def _refresh_user_takes_part(self) -> None:
        cid = self.case_id
        if cid is None:
            return

        def show(state) -> None:
            if cid != self.case_id:
                return
            self._user_takes_part = state.user_takes_part
            self.user_takes_part.blockSignals(True)
            self.user_takes_part.setChecked(state.user_takes_part)
            self.user_takes_part.blockSignals(False)
            self._has_consent = state.has_picture_consent
            self._show_consent_state()
        self._ops.query(self, self._cases.case_state, cid).success(show).run()

    def _add_consent(self) -> None:
        kind, by, scope = self.c_kind.currentData(), self.c_by.currentData(), self.c_scope.currentData()
        self._ops.mutate(self, self._cases.record_consent, self.case_id, kind, by, scope, changes=Change.CASE) \
            .success(lambda cid: self._consent_recorded(kind, by, scope, cid)) \
            .failure(self._fail).run()

    def _add_consent_item(self, cid: int, kind: str, by: str, scope: str, at, recorded_by: str) -> None:
        item = QListWidgetItem(self.tr("{0} samtykke fra {1} til {2} – {3}, registrert av {4}").format(
            i18n.t(kind), i18n.t(by), i18n.t(scope), local_time(at), recorded_by))
        item.setData(Qt.ItemDataRole.UserRole, cid)
        self.consents.addItem(item)

    def _remove_consent(self) -> None:
        item = self.consents.currentItem()
        if item is None or self.case_id is None:
            self._fail(HmsError(self.tr("Velg samtykket som skal rettes.")))
            return
        cid = item.data(Qt.ItemDataRole.UserRole)

        def done(_):
            self.consents.takeItem(self.consents.row(item))
            self._ok(self.tr("Samtykket er fjernet (rettingen er loggført)."))
            self._refresh_user_takes_part()
        self._ops.mutate(self, self._cases.remove_consent, self.case_id, cid, changes=Change.CASE) \
            .success(done).failure(self._fail).run()

    def _consent_recorded(self, kind: str, by: str, scope: str, consent_id: int) -> None:
        from datetime import datetime, timezone

        self._add_consent_item(consent_id, kind, by, scope, datetime.now(timezone.utc), self._cases.technician)
        if scope in ("bilder", "video", "opptak"):
            self._has_consent = True
        self._show_consent_state()
        self._ok(self.tr("Samtykke registrert: {0} fra {1} til {2}.").format(kind, by, scope))

    def _set_user_takes_part(self, on: bool) -> None:
        if self.case_id is None:
            return

        def done(_):
            self._user_takes_part = on
            self._show_consent_state()
            self.userTakesPartChanged.emit(on)
        self._ops.mutate(self, self._cases.set_user_takes_part, self.case_id, on, changes=Change.CASE) \
            .success(done).failure(self._fail).run()

    @property
    def pictures_blocked(self) -> bool:
        """True while the user takes part and no consent to pictures is recorded."""
        return self.case_id is not None and self._user_takes_part and not self._has_consent

    def _show_consent_state(self) -> None:
        if not self._user_takes_part:
            self.consent_state.setStyleSheet("")
            self.consent_state.setText(self.tr("Brukeren deltar ikke."))
            self.consentStateChanged.emit(False, "")
        elif self._has_consent:
            self.consent_state.setStyleSheet("color: #1b5e20; font-weight: bold;")
            self.consent_state.setText(self.tr("Brukeren deltar. Samtykke er registrert – bilder kan tas "
                                               "(ansikter sladdes alltid)."))
            self.consentStateChanged.emit(False, self.tr("Brukeren deltar – samtykke registrert"))
        else:
            self.consent_state.setStyleSheet("background:#b00020; color:white; font-weight:bold; padding:4px;")
            self.consent_state.setText(self.tr("Brukeren deltar: INGEN BILDER før samtykke er registrert. "
                                               "Ansikter sladdes i videobildet."))
            self.consentStateChanged.emit(True, self.tr("INGEN BILDER – samtykke mangler"))

    def set_device(self, card) -> None:
        """Links the looked-up device to the open case (if any); a case may handle several."""
        if self.case_id is None or card is None:
            return
        key = (card.hmsnr, card.serial)

        def done(_):
            if key not in self._devices:
                self._show_devices([*self._devices, key])
        self._ops.mutate(self, self._cases.set_device, self.case_id, card.hmsnr, card.serial,
                         card.municipality_number, changes=Change.DEVICE).success(done).failure(self._fail).run()

    def log_event(self, kind: str, detail: str) -> None:
        if self.case_id is not None:
            self._ops.mutate(self, self._cases.event, self.case_id, kind, detail, changes=Change.CASE) \
                .failure(self._fail).run()

    def add_snapshot(self, image, annotations: list | None = None) -> Op | None:
        """Check (database) → anonymise, encrypt, write (CPU) → re-check and record (database)."""
        if self.case_id is None:
            self._fail(HmsError(self.tr("Start en sak før du tar bilde.")))
            return None
        cid = self.case_id
        card = self._context.device
        device = (card.hmsnr, card.serial) if card is not None else None
        cases = self._cases
        return self._ops.staged(
            self,
            db(lambda _: cases.prepare_snapshot(cid, device)),
            cpu(lambda ticket: cases.process_snapshot(ticket, image, annotations)),
            db(cases.commit_snapshot),
            changes=lambda res: OpChanges(Change.SNAPSHOT, cid),
        ).success(self._snapshot_stored).failure(self._fail).run()

    def search_ahead(self, image) -> Op | None:
        """A frozen picture is searched for faces at once (CPU door), so a snapshot of it only
        hides, draws and stores.  A failure says nothing here: the snapshot, if one is taken,
        searches again and reports it (fails closed)."""
        if self.case_id is None:
            return None
        return self._ops.cpu(self, self._cases.search_ahead, image).failure(lambda _err: None).run()

    def _add_thumbnail(self, sid: int, faces: int, png: bytes) -> None:
        img = QImage.fromData(png)
        item = QListWidgetItem(QIcon(QPixmap.fromImage(img)), self.tr("%n ansikt(er) sladdet", "", faces))
        item.setData(Qt.ItemDataRole.UserRole, sid)
        item.setData(Qt.ItemDataRole.AccessibleTextRole, self.tr("Bilde %n", "", self.snapshots.count() + 1))
        self.snapshots.addItem(item)

    def _snapshot_stored(self, res) -> None:
        faces = res.faces_blurred
        self._add_thumbnail(res.id, faces, res.png)
        self._ok(self.tr("Bilde lagret, %n ansikt(er) sladdet.", "", faces))
        self._context.set_snapshot(res.id)
        self.snapshotAdded.emit(res.id)

    def _on_changed(self, changes) -> None:
        """Pictures deleted elsewhere (retention sweep, «slett nå»): drop their thumbnails."""
        if Change.SNAPSHOT not in changes or self.case_id is None or self.snapshots.count() == 0:
            return
        if changes.case_id not in (None, self.case_id):
            return
        cid = self.case_id
        self._ops.query(self, lambda: [sn.id for sn in self._cases.snapshots(cid)]) \
            .success(lambda ids: self._keep_snapshots(cid, set(ids))).run()

    def _keep_snapshots(self, cid: int, alive: set[int]) -> None:
        if cid != self.case_id:
            return
        for i in reversed(range(self.snapshots.count())):
            if self.snapshots.item(i).data(Qt.ItemDataRole.UserRole) not in alive:
                self.snapshots.takeItem(i)

    def _field_values(self) -> tuple:
        return (self.decision.currentData(), self.reason.text().strip(),
                self.summary.toPlainText().strip(), self.next_contact.text().strip())

    # -- names in free text ------------------------------------------------------------
    def _text_edited(self) -> None:
        if self.name_warning.isVisible() and self._field_values()[1:] != self._confirmed_text:
            self.confirm_names.setChecked(False)

    def _hide_name_warning(self) -> None:
        self.name_warning.hide()
        self.confirm_names.hide()
        self.confirm_names.setChecked(False)
        self._confirmed_text = None

    def names_ok(self) -> bool:
        """False (and an inline warning) while the free text looks like it names a person and the
        technician has not confirmed that it doesn't."""
        from hms_desk.domain.names import likely_names, warning_text
        from hms_desk.services.cases import first_names

        texts = self._field_values()[1:]
        try:
            for t in texts:
                check_free_text(t)
        except HmsError:
            return True                 # a national ID: the core refuses it with its own message
        warnings = [w for t in texts for w in likely_names(t, first_names())]
        if not warnings:
            self._hide_name_warning()
            return True
        if self.confirm_names.isChecked() and self._confirmed_text == texts:
            return True
        self.name_warning.setText(warning_text(warnings))
        self.name_warning.show()
        self.confirm_names.show()
        self.confirm_names.setChecked(False)
        self._confirmed_text = texts
        self.confirm_names.setFocus()
        self.message.emit(self.tr("Teksten ser ut til å inneholde personopplysninger – se varselet."))
        return False

    def export_journal(self) -> None:
        """«Eksporter journalnotat …» (Ctrl+E): the panel's fields are saved to the case, then the
        journal-note editor opens (``journalEditorRequested``), where the note is checked and exported."""
        if self.case_id is None or not self.names_ok():
            return
        cid, values = self.case_id, self._field_values()
        self.export_button.setEnabled(False)
        self._ops.mutate(self, self._save_fields_values, cid, values, changes=lambda _r: OpChanges(Change.CASE, cid)) \
            .success(lambda _r: self.journalEditorRequested.emit(cid)).failure(self._fail) \
            .finally_(lambda _ok: self.export_button.setEnabled(self.case_id is not None)).run()

    def journal_exported(self, path: str) -> None:
        """The editor wrote the note's PDF: say so, and delete the pictures if the settings say so."""
        self._exported(Path(path))

    def _save_fields_values(self, cid: int, values: tuple) -> None:
        decision, reason, summary, next_contact = values
        if decision:
            self._cases.set_decision(cid, Decision(decision), reason)
        self._cases.set_summary(cid, summary, next_contact)

    def save_decision(self) -> None:
        """The decision is stored as soon as it is chosen (the repair order prints what is stored)."""
        decision, reason = self.decision.currentData(), self.reason.text().strip()
        if self.case_id is None or not decision:
            return
        self._ops.mutate(self, self._cases.set_decision, self.case_id, Decision(decision), reason,
                         changes=Change.CASE).failure(self._fail).run()

    def _exported(self, path: Path) -> None:
        self._ok(self.tr("Journalnotat lagret: {0}").format(str(path)))
        self.journalExported.emit(str(path))
        if self.delete_after_export and self.case_id is not None:
            self.delete_pictures(reason="journalnotat eksportert")
        elif self.snapshots.count():
            self.status.setText(self.status.text() + " " + self.tr(
                "Bildene trengs ikke lenger? Trykk «Slett sakens bilder nå»."))

    def delete_pictures(self, _checked: bool = False, reason: str = "slettet av tekniker") -> Op | None:
        """Deletes the open case's pictures now (audited, without content)."""
        if self.case_id is None:
            return None
        cid = self.case_id

        def done(n: int) -> None:
            self.snapshots.clear()
            self._ok(self.tr("%n bilde(r) slettet.", "", n))
        return self._ops.mutate(self, self._cases.delete_captures, cid, reason,
                                changes=lambda _n: OpChanges(Change.SNAPSHOT, cid)) \
            .success(done).failure(self._fail).run()

    def write_receipt(self) -> Op | None:
        """Writes the deletion receipt of the last closed case (database → CPU → database)."""
        cid, deletion = self.closed_case_id, self._deletion
        if cid is None or deletion is None:
            return None

        def done(path: Path) -> None:
            self._ok(self.tr("Slettebekreftelse lagret: {0}").format(str(path)))
            self.receiptWritten.emit(str(path))
        return self._ops.staged(self, db(lambda _: deletion.receipt_data(cid)),
                                cpu(lambda data: (data, deletion.render(data))),
                                db(lambda pair: deletion.store(cid, pair[0], pair[1])),
                                changes=Change.DOCUMENT).success(done).failure(self._fail).run()

    def set_printing(self, printing) -> None:
        """The window's one :class:`~hms_desk.ui.printing.PrintService`."""
        self._printing = printing

    def print_receipt(self) -> Op | None:
        """The deletion receipt of the last closed case through the printing service."""
        from hms_desk.ui.printing import deletion_receipt_job

        cid, number, printing = self.closed_case_id, getattr(self, "closed_case_number", ""), \
            getattr(self, "_printing", None)
        if cid is None or self._deletion is None or printing is None:
            return None

        def printed(_kind: str, n: str) -> None:
            self._ok(self.tr("Slettebekreftelsen for {0} er sendt til skriveren.").format(n))
            self.receiptPrinted.emit(n)
        return printing.print_job(self, deletion_receipt_job(self._deletion, cid, number,
                                                             self.tr("Slettebekreftelse {0}").format(number)),
                                  on_printed=printed, on_failure=self._fail)

    def close_case(self) -> None:
        """«Avslutt sak …»: says what will be deleted and offers to export the journal note first."""
        if self.case_id is None or not self.names_ok():
            return
        self._ops.query(self, self._cases.close_preview, self.case_id) \
            .success(self._confirm_close).failure(self._fail).run()

    def _confirm_close(self, preview) -> None:
        def answer(choice: str | None) -> None:
            if choice == "export":
                self.export_journal()
            elif choice == "close":
                self.close_now()
        CloseCaseDialog.ask(self, preview, self.require_journal_before_close, answer)

    def close_now(self) -> Op | None:
        """Closes the open case without asking (the confirmation already happened)."""
        if self.case_id is None:
            return None
        cid, values = self.case_id, self._field_values()

        def work():
            self._save_fields_values(cid, values)
            return self._cases.close(cid)
        return self._ops.mutate(self, work, changes=lambda _n: OpChanges(Change.CASE | Change.SNAPSHOT, cid)) \
            .success(lambda n: self._closed(cid, n)).failure(self._fail).run()

    def _closed(self, cid: int, deleted: int) -> None:
        self._ok(self.tr("Sak {0} er avsluttet. %n bilde(r) slettet.", "", deleted).format(self.case_number))
        self.closed_case_id = cid
        self.closed_case_number = self.case_number
        self.receipt_button.setEnabled(self._deletion is not None)
        self.print_receipt_button.setEnabled(self._deletion is not None and getattr(self, "_printing", None) is not None)
        self.title.setText(self.tr("Ingen sak er startet."))
        self.snapshots.clear()
        self.people.clear()
        self.consents.clear()
        self._show_devices([])
        self.devices_label.setText("")
        self._hide_name_warning()
        self._user_takes_part = self._has_consent = False
        self.consentStateChanged.emit(False, "")
        self._set_enabled(False)
        self._context.set_case(None)
        self.caseClosed.emit(cid, deleted)


class _CloseCaseCounts(QObject):
    """The close dialog's counted texts: lupdate files numerus strings only from a class's tr()."""

    def pictures(self, n: int) -> str:
        return self.tr("Når saken avsluttes, slettes %n bilde(r) for godt (slettingen loggføres).", "", n)

    def documents(self, n: int) -> str:
        return self.tr("%n eksportert(e) dokument(er) som ligger i HMS Desk slettes også.", "", n)


class CloseCaseDialog:
    """The confirmation before a case is closed; ``ask`` is the seam tests replace."""

    @classmethod
    def ask(cls, parent: QWidget, preview, require_journal: bool, done) -> QMessageBox:
        translate = QCoreApplication.translate      # lupdate reads translate("Context", …)
        box = QMessageBox(parent)
        box.setObjectName("closeCaseDialog")
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(translate("CloseCaseDialog", "Avslutt sak {0}").format(preview.number))
        counts = _CloseCaseCounts()
        lines = [counts.pictures(preview.pictures)]
        if preview.pictures and preview.pictures_since_export:
            lines.append(translate("CloseCaseDialog",
                                   "Journalnotatet er ikke eksportert med alle bildene ennå."))
        elif preview.journal_exported:
            lines.append(translate("CloseCaseDialog", "Journalnotatet er eksportert."))
        else:
            lines.append(translate("CloseCaseDialog", "Journalnotatet er ikke eksportert."))
        if preview.documents_in_profile:
            lines.append(counts.documents(preview.documents_in_profile))
        if preview.documents_elsewhere:
            lines.append(translate("CloseCaseDialog",
                                   "Dokumenter lagret utenfor HMS Desk ({0}) slettes ikke av HMS Desk; "
                                   "slettebekreftelsen sier hvor de ble lagret.").format(
                ", ".join(preview.documents_elsewhere)))
        needs_export = bool(require_journal and preview.pictures_since_export)
        if needs_export:
            lines.append(translate("CloseCaseDialog",
                                   "Innstillingen krever at journalnotatet eksporteres før bildene slettes."))
        box.setText("\n\n".join(lines))
        export = box.addButton(translate("CloseCaseDialog", "&Eksporter journalnotat først"),
                               QMessageBox.ButtonRole.AcceptRole)
        close = None
        if not needs_export:
            close = box.addButton(translate("CloseCaseDialog", "&Avslutt og slett bildene"),
                                  QMessageBox.ButtonRole.DestructiveRole)
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(export)
        box.setEscapeButton(cancel)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)

        def finished(_result) -> None:
            clicked = box.clickedButton()
            done("export" if clicked is export else "close" if close is not None and clicked is close else None)
        box.finished.connect(finished)
        box.open()
        return box


class AuditDialog(QDialog):
    """The newest audit log entries: who opened, exported, printed and deleted what, when."""

    def __init__(self, rows: list[tuple], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Revisjonslogg"))
        self.resize(760, 420)
        self.table = QTableWidget(len(rows), 6)
        self.table.setHorizontalHeaderLabels([self.tr("Tid"), self.tr("Hvem"), self.tr("Handling"),
                                              self.tr("Type"), self.tr("ID"), self.tr("Detalj")])
        for r, row in enumerate(rows):
            at, actor, action, kind, ident, detail = row
            cells = [local_datetime(at) if at else "", str(actor), i18n.t(str(action)), str(kind), str(ident),
                     i18n.t(str(detail))]
            for c, text in enumerate(cells):
                self.table.setItem(r, c, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(self.table)
        lay.addWidget(buttons)
