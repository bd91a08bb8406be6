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

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QIcon, QImage, QPixmap
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QGroupBox,
                               QHBoxLayout, QLabel, QLineEdit, QListWidget, QListWidgetItem,
                               QPlainTextEdit, QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout,
                               QWidget)

from hms_desk.domain.errors import HmsError
from hms_desk.domain.nav import DECISION_TEXT, Decision
from hms_desk.services.cases import CONSENT_GIVERS, CONSENT_KINDS, CONSENT_SCOPES, ROLES, CaseService
from hms_desk.ui.case_context import CaseContext, CaseRef
from hms_desk.ui.ops import Change, Op, OpChanges, Operations, cpu, db


class CasePanel(QWidget):
    caseStarted = Signal(int, str)        # id, number
    caseClosed = Signal(int, int)         # id, captures deleted
    snapshotAdded = Signal(int)
    journalExported = Signal(str)         # path
    message = Signal(str)
    userTakesPartChanged = Signal(bool)
    receiptWritten = Signal(str)          # path of the deletion receipt

    def __init__(self, ops: Operations, context: CaseContext, cases: CaseService, journal,
                 parent: QWidget | None = None, *, deletion=None, delete_after_export: bool = False):
        super().__init__(parent)
        self._ops = ops
        self._context = context
        self._cases = cases
        self._journal = journal             # services.journal.JournalService
        self._deletion = deletion           # services.deletion.DeletionService
        self.delete_after_export = delete_after_export
        self.closed_case_id: int | None = None   # the last closed case (for its deletion receipt)
        self._user_takes_part = False
        self._has_consent = False

        self.title = QLabel(self.tr("Ingen sak er startet."))
        self.title.setObjectName("caseTitle")
        self.title.setStyleSheet("font-weight: bold; font-size: 13pt;")
        self.start_button = QPushButton(self.tr("Start &ny sak"))

        # who is present (roles only, never names)
        people = QGroupBox(self.tr("Til stede (rolle, aldri navn)"))
        self.role = QComboBox()
        for r in ROLES:
            self.role.addItem(r, r)
        self.org = QLineEdit()
        self.org.setPlaceholderText(self.tr("Organisasjon, f.eks. Oslo kommune"))
        self.in_picture = QCheckBox(self.tr("I bildet"))
        self.add_person = QPushButton(self.tr("Legg til"))
        self.people = QListWidget()
        self.people.setMaximumHeight(80)
        self.user_takes_part = QCheckBox(self.tr("Brukeren deltar i samtalen (også utenfor bildet)"))
        pl = QVBoxLayout(people)
        pl.addWidget(self.user_takes_part)
        row = QHBoxLayout()
        for w in (self.role, self.org, self.in_picture, self.add_person):
            row.addWidget(w)
        pl.addLayout(row)
        pl.addWidget(self.people)

        consent = QGroupBox(self.tr("Samtykke"))
        self.c_kind = QComboBox()
        self.c_by = QComboBox()
        self.c_scope = QComboBox()
        for box, values in ((self.c_kind, CONSENT_KINDS), (self.c_by, CONSENT_GIVERS), (self.c_scope, CONSENT_SCOPES)):
            for v in values:
                box.addItem(v, v)
        self.add_consent = QPushButton(self.tr("Registrer samtykke"))
        self.consent_state = QLabel(self.tr("Brukeren deltar ikke."))
        self.consent_state.setObjectName("consentState")
        self.consent_state.setWordWrap(True)
        self.consents = QListWidget()
        self.consents.setMaximumHeight(60)
        cl = QVBoxLayout(consent)
        crow = QHBoxLayout()
        for w in (self.c_kind, self.c_by, self.c_scope, self.add_consent):
            crow.addWidget(w)
        cl.addLayout(crow)
        cl.addWidget(self.consents)
        cl.addWidget(self.consent_state)

        pics = QGroupBox(self.tr("Bilder (ansikter sladdet, kryptert, slettes når saken lukkes)"))
        self.snapshots = QListWidget()
        self.snapshots.setViewMode(QListWidget.ViewMode.IconMode)
        self.snapshots.setIconSize(QSize(120, 80))
        self.snapshots.setMaximumHeight(120)
        self.delete_pics_button = QPushButton(self.tr("Slett sakens bilder nå"))
        pics_layout = QVBoxLayout(pics)
        pics_layout.addWidget(self.snapshots)
        pics_layout.addWidget(self.delete_pics_button)

        decide = QGroupBox(self.tr("Vurdering"))
        self.decision = QComboBox()
        self.decision.addItem(self.tr("(ikke bestemt)"), None)
        for d in Decision:
            self.decision.addItem(DECISION_TEXT[d], d.value)
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("Begrunnelse"))
        self.summary = QPlainTextEdit()
        self.summary.setPlaceholderText(self.tr("Oppsummering av samtalen (ingen navn, fødselsnummer eller diagnose)"))
        self.summary.setMaximumHeight(90)
        self.next_contact = QLineEdit()
        self.next_contact.setPlaceholderText(self.tr("Neste kontakt, f.eks. ny samtale tirsdag kl. 10"))
        form = QFormLayout(decide)
        form.addRow(self.tr("Beslutning:"), self.decision)
        form.addRow(self.tr("Begrunnelse:"), self.reason)
        form.addRow(self.tr("Oppsummering:"), self.summary)
        form.addRow(self.tr("Neste kontakt:"), self.next_contact)

        self.export_button = QPushButton(self.tr("&Eksporter journalnotat (PDF)"))
        self.close_button = QPushButton(self.tr("&Avslutt sak"))
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
        bottom.addWidget(self.receipt_button)

        lay = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.start_button)
        lay.addLayout(top)
        for w in (people, consent, pics, decide):
            lay.addWidget(w)
        lay.addLayout(bottom)
        lay.addWidget(self.status)
        lay.addStretch(1)

        self.start_button.clicked.connect(self.start_case)
        self.add_person.clicked.connect(self._add_participant)
        self.add_consent.clicked.connect(self._add_consent)
        self.export_button.clicked.connect(self.export_journal)
        self.close_button.clicked.connect(self.close_case)
        self.user_takes_part.toggled.connect(self._set_user_takes_part)
        self.delete_pics_button.clicked.connect(self.delete_pictures)
        self.receipt_button.clicked.connect(self.write_receipt)
        self.decision.currentIndexChanged.connect(lambda _i: self.save_decision())
        context.deviceChanged.connect(self.set_device)
        ops.changed.connect(self._on_changed)
        self.reason.editingFinished.connect(self.save_decision)
        self._set_enabled(False)

    def _set_enabled(self, on: bool) -> None:
        for w in (self.add_person, self.add_consent, self.export_button, self.close_button,
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
        self.title.setText(self.tr("Sak {0}").format(case.number))
        self.people.clear()
        self.snapshots.clear()
        self.summary.clear()
        self.reason.clear()
        self.next_contact.clear()
        self.decision.setCurrentIndex(0)
        self.consents.clear()
        self._user_takes_part = self._has_consent = False
        self.user_takes_part.blockSignals(True)
        self.user_takes_part.setChecked(False)
        self.user_takes_part.blockSignals(False)
        self._show_consent_state()
        self.receipt_button.setEnabled(False)
        self._set_enabled(True)
        self._ok(self.tr("Sak {0} er startet.").format(case.number))
        self._context.set_case(CaseRef(case.id, case.number))
        device = self._context.device
        if device is not None:              # looked up before the case started: it belongs to it
            self.set_device(device)
        self.caseStarted.emit(case.id, case.number)

    def _add_participant(self) -> None:
        role, org, pic = self.role.currentData(), self.org.text().strip(), self.in_picture.isChecked()

        def done(_):
            self.people.addItem(f"{role}" + (f" — {org}" if org else "") + (self.tr(" (i bildet)") if pic else ""))
            if role == "bruker":
                self._user_takes_part = True
                self.user_takes_part.blockSignals(True)
                self.user_takes_part.setChecked(True)
                self.user_takes_part.blockSignals(False)
                self._show_consent_state()
                self.userTakesPartChanged.emit(True)
            self.org.clear()
        self._ops.mutate(self, self._cases.add_participant, self.case_id, role, org, pic, changes=Change.CASE) \
            .success(done).failure(self._fail).run()

    def _add_consent(self) -> None:
        kind, by, scope = self.c_kind.currentData(), self.c_by.currentData(), self.c_scope.currentData()
        self._ops.mutate(self, self._cases.record_consent, self.case_id, kind, by, scope, changes=Change.CASE) \
            .success(lambda _: self._consent_recorded(kind, by, scope)) \
            .failure(self._fail).run()

    def _consent_recorded(self, kind: str, by: str, scope: str) -> None:
        from datetime import datetime

        self.consents.addItem(self.tr("{0} samtykke fra {1} til {2} – {3}, registrert av {4}").format(
            kind, by, scope, datetime.now().strftime("%H:%M"), self._cases.technician))
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
        elif self._has_consent:
            self.consent_state.setStyleSheet("color: #1b5e20; font-weight: bold;")
            self.consent_state.setText(self.tr("Brukeren deltar. Samtykke er registrert – bilder kan tas "
                                               "(ansikter sladdes alltid)."))
        else:
            self.consent_state.setStyleSheet("background:#b00020; color:white; font-weight:bold; padding:4px;")
            self.consent_state.setText(self.tr("Brukeren deltar: INGEN BILDER før samtykke er registrert. "
                                               "Ansikter sladdes i videobildet."))

    def set_device(self, card) -> None:
        """Links the looked-up device to the open case (if any)."""
        if self.case_id is not None and card is not None:
            self._ops.mutate(self, self._cases.set_device, self.case_id, card.hmsnr, card.serial,
                             card.municipality_number, changes=Change.DEVICE).failure(self._fail).run()

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

    def _snapshot_stored(self, res) -> None:
        img = QImage.fromData(res.png)
        faces = res.faces_blurred
        item = QListWidgetItem(QIcon(QPixmap.fromImage(img)), self.tr("%n ansikt(er) sladdet", "", faces))
        item.setData(Qt.ItemDataRole.UserRole, res.id)
        self.snapshots.addItem(item)
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

    def export_journal(self) -> None:
        if self.case_id is None:
            return
        cid, values, journal = self.case_id, self._field_values(), self._journal

        def collect(_):
            self._save_fields_values(cid, values)
            return journal.compose(cid)
        self.export_button.setEnabled(False)
        self._ops.staged(self, db(collect), cpu(lambda data: (data, journal.render_pdf(data))),
                         db(lambda pair: journal.store_pdf(cid, pair[0], pair[1])),
                         changes=lambda _p: OpChanges(Change.DOCUMENT | Change.CASE, cid)) \
            .success(self._exported).failure(self._fail) \
            .finally_(lambda _ok: self.export_button.setEnabled(self.case_id is not None)).run()

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

    def close_case(self) -> None:
        if self.case_id is None:
            return
        cid, values = self.case_id, self._field_values()

        def work():
            self._save_fields_values(cid, values)
            return self._cases.close(cid)
        self._ops.mutate(self, work, changes=lambda _n: OpChanges(Change.CASE | Change.SNAPSHOT, cid)) \
            .success(lambda n: self._closed(cid, n)).failure(self._fail).run()

    def _closed(self, cid: int, deleted: int) -> None:
        self._ok(self.tr("Sak {0} er avsluttet. %n bilde(r) slettet.", "", deleted).format(self.case_number))
        self.closed_case_id = cid
        self.receipt_button.setEnabled(self._deletion is not None)
        self.title.setText(self.tr("Ingen sak er startet."))
        self.snapshots.clear()
        self._set_enabled(False)
        self._context.set_case(None)
        self.caseClosed.emit(cid, deleted)


class AuditDialog(QDialog):
    """The newest audit log entries: who opened, exported, printed and deleted what, when."""

    def __init__(self, rows: list[tuple], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Revisjonslogg"))
        self.resize(760, 420)
        self.table = QTableWidget(len(rows), 6)
        self.table.setHorizontalHeaderLabels([self.tr("Tid (UTC)"), self.tr("Hvem"), self.tr("Handling"),
                                              self.tr("Type"), self.tr("ID"), self.tr("Detalj")])
        for r, row in enumerate(rows):
            at, *rest = row
            cells = [at.strftime("%d.%m.%Y %H:%M:%S") if at else "", *(str(v) for v in rest)]
            for c, text in enumerate(cells):
                self.table.setItem(r, c, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(self.table)
        lay.addWidget(buttons)
