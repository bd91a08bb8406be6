"""The journal-note editor: the case's note, prefilled, edited, saved as you type, exported.

Opened from the case tab («Eksporter journalnotat …», Ctrl+E).  It shows the
note :meth:`JournalService.open_note <hms_desk.services.journal.JournalService.open_note>`
gives — the draft, or a note prefilled from the case — and every field can be
changed: when and how long, who took part (role and organisation, never
names), which devices and orders the note covers, problem, findings, the
decision and its reason, a note on consent, the pictures (anonymised, marks
drawn in; the technician picks them and writes captions), the summary and the
agreed next contact.  A template (support call, utprøving, housing case) sets
the headings and fills empty fields with a skeleton; typed text is never
replaced.

Every change is saved as a draft after a short pause (a debounced mutation on
the database worker), so a crash loses at most the last second; a refused
draft (a national ID number, a bidi override …) says why in place and keeps
what was typed.  Export runs in the core's three steps as one staged
operation — collect (database) → render (CPU) → store (database) — as PDF/A
(to a file the technician chooses), plain text (to the clipboard; nothing is
written) or JSON; it is refused with a clear message while the summary or
the next contact is missing.  Printing goes through the one printing service.
Dialogs (the file dialog, the print preview) open only from the GUI, never
inside an operation.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QDate, QSize, Qt, QTime, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QIcon, QImage, QPixmap
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDateEdit, QDialog, QFormLayout, QFrame, QGridLayout,
                               QGroupBox, QHBoxLayout, QLabel, QLineEdit, QListWidget, QListWidgetItem,
                               QPushButton, QScrollArea, QSpinBox, QTimeEdit, QVBoxLayout, QWidget)

from hms_desk.documents.i18n import (consent_giver_text, consent_kind_text, consent_scope_text, decision_text,
                                     delivery_text, order_status_text, role_text, template_text)
from hms_desk.documents.note import DECISIONS, TEMPLATES, JournalNote, NoteParticipant, apply_template
from hms_desk.documents.rendered import safe_name
from hms_desk.domain.errors import HmsError
from hms_desk.services.cases import ROLES
from hms_desk.ui.forms import (FIELD_ERROR_SHEET, SaveFile, fit_to_screen, labelled, mark_field,
                               set_message, text_box)
from hms_desk.ui.formats import local_datetime
from hms_desk.ui.ops import Change, Op, OpChanges, Operations, cpu, db

PICTURE_ROLE = Qt.ItemDataRole.UserRole
CAPTION_ROLE = Qt.ItemDataRole.UserRole + 1
DEVICE_ROLE = Qt.ItemDataRole.UserRole
THUMB_SIZE = QSize(160, 110)
TEXT_FIELDS = ("problem", "findings", "decision_reason", "consent_note", "summary", "next_contact")


def thumbnails(pngs: dict[int, bytes], size: QSize = THUMB_SIZE) -> dict[int, bytes]:
    """Small PNGs of the (already anonymised) pictures — CPU work for a worker."""
    import cv2
    import numpy as np

    out: dict[int, bytes] = {}
    for sid, data in pngs.items():
        image = cv2.imdecode(np.frombuffer(data, np.uint8), cv2.IMREAD_COLOR)
        if image is None:
            continue
        h, w = image.shape[:2]
        scale = min(size.width() / w, size.height() / h, 1.0)
        small = cv2.resize(image, (max(1, round(w * scale)), max(1, round(h * scale))),
                           interpolation=cv2.INTER_AREA)
        ok, buf = cv2.imencode(".png", small)
        if ok:
            out[sid] = buf.tobytes()
    return out


class ParticipantRow(QWidget):
    """One person present: role (from the list — never a name), organisation, in the picture."""

    changed = Signal()
    removeRequested = Signal(object)

    def __init__(self, p: NoteParticipant, n: int, lang: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.role = QComboBox()
        for code in ROLES:
            self.role.addItem(role_text(code, lang), code)
        if p.role and self.role.findData(p.role) < 0:
            self.role.addItem(role_text(p.role, lang), p.role)
        self.role.setCurrentIndex(max(0, self.role.findData(p.role)))
        self.org = QLineEdit(p.organisation)
        self.org.setPlaceholderText(self.tr("Organisasjon, f.eks. Oslo kommune"))
        self.in_picture = QCheckBox(self.tr("I bildet"))
        self.in_picture.setChecked(p.in_picture)
        self.remove = QPushButton(self.tr("Fjern"))
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.role, 2)
        lay.addWidget(self.org, 3)
        lay.addWidget(self.in_picture)
        lay.addWidget(self.remove)
        self.renumber(n)
        self.role.currentIndexChanged.connect(lambda _i: self.changed.emit())
        self.org.textChanged.connect(lambda _t: self.changed.emit())
        self.in_picture.toggled.connect(lambda _c: self.changed.emit())
        self.remove.clicked.connect(lambda: self.removeRequested.emit(self))

    def renumber(self, n: int) -> None:
        self.role.setAccessibleName(self.tr("Rolle, deltaker {0}").format(n))
        self.org.setAccessibleName(self.tr("Organisasjon, deltaker {0}").format(n))
        self.in_picture.setAccessibleName(self.tr("I bildet, deltaker {0}").format(n))
        self.remove.setAccessibleName(self.tr("Fjern deltaker {0}").format(n))

    def value(self) -> NoteParticipant:
        return NoteParticipant(self.role.currentData(), self.org.text(), self.in_picture.isChecked())


class JournalEditor(QDialog):
    """The note of one case; see the module's docstring."""

    loaded = Signal(int)              # case id: the note is shown
    draftSaved = Signal(int)          # the draft's revision
    draftRefused = Signal(str)        # why the draft could not be saved (shown in place)
    exported = Signal(str, str)       # format (pdf | json), path
    copied = Signal(str)              # the text put on the clipboard
    printed = Signal(str)             # case number
    refused = Signal(str)             # an export refused (shown in place)

    SAVE_DELAY_MS = 700

    def __init__(self, ops: Operations, journal, printing, case_id: int, *, picture_png=None,
                 exports_dir: Path | None = None, lang: str = "nb", parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("journalEditor")
        self.setWindowTitle(self.tr("Journalnotat"))
        self.setStyleSheet(FIELD_ERROR_SHEET)
        self._ops = ops
        self._journal = journal
        self._printing = printing
        self.case_id = case_id
        self._picture_png = picture_png        # CaseService.snapshot_png (audited opening)
        self._exports = Path(exports_dir) if exports_dir is not None else Path.home()
        self.lang = lang
        self._note: JournalNote | None = None
        self._loading = True
        self._dirty = False
        self._saving = False
        self._again = False
        self._marked: QWidget | None = None
        self.revision = 0
        self._template_key = "support"
        self._rows: list[ParticipantRow] = []

        self._save_timer = QTimer(self)
        self._save_timer.setObjectName("journalDraftTimer")
        self._save_timer.setSingleShot(True)
        self._save_timer.setInterval(self.SAVE_DELAY_MS)
        self._save_timer.timeout.connect(self.save_now)

        self._build()
        fit_to_screen(self, 1000, 760)
        self._set_enabled(False)
        self.draft_state.setText(self.tr("Henter notatet …"))
        self._load()

    # -- building ----------------------------------------------------------------------
    def _build(self) -> None:
        self.heading = QLabel(self.tr("Journalnotat"))
        self.heading.setObjectName("journalHeading")
        self.heading.setStyleSheet("font-weight: bold; font-size: 13pt;")
        self.template = QComboBox()
        for key in TEMPLATES:
            self.template.addItem(template_text(key, self.lang), key)
        self.draft_state = QLabel()
        self.draft_state.setObjectName("draftState")
        self.draft_state.setAccessibleName(self.tr("Kladd"))
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        template_label = QLabel(self.tr("&Mal:"))
        template_label.setBuddy(self.template)
        self.template.setAccessibleName(self.tr("Mal"))
        top.addWidget(template_label)
        top.addWidget(self.template)

        # when, who
        when = QGroupBox(self.tr("Tid og deltakere"))
        wf = QFormLayout(when)
        self.date = QDateEdit()
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("dd.MM.yyyy")
        self.time = QTimeEdit()
        self.time.setDisplayFormat("HH:mm")
        self.duration = QSpinBox()
        self.duration.setRange(0, 24 * 60)
        self.duration.setSuffix(self.tr(" min"))
        row = QHBoxLayout()
        row.addWidget(self.date)
        time_label = QLabel(self.tr("&Klokken:"))
        time_label.setBuddy(self.time)
        self.time.setAccessibleName(self.tr("Klokken"))
        row.addWidget(time_label)
        row.addWidget(self.time)
        duration_label = QLabel(self.tr("&Varighet:"))
        duration_label.setBuddy(self.duration)
        self.duration.setAccessibleName(self.tr("Varighet i minutter"))
        row.addWidget(duration_label)
        row.addWidget(self.duration)
        row.addStretch(1)
        labelled(wf, self.tr("&Dato:"), _wrap(row), self.date)
        self.technician = QLineEdit()
        self.technician.setReadOnly(True)
        self.technician.setToolTip(self.tr("Teknikeren fra innstillingene (ansattident, aldri navn)"))
        labelled(wf, self.tr("Tekniker:"), self.technician)
        self.user_takes_part = QCheckBox(self.tr("Brukeren deltok i samtalen"))
        wf.addRow(self.user_takes_part)
        self.people_box = QVBoxLayout()
        self.people_box.setSpacing(4)
        self.add_person = QPushButton(self.tr("Legg til delt&aker"))
        people = QVBoxLayout()
        people.addLayout(self.people_box)
        people.addWidget(self.add_person, 0, Qt.AlignmentFlag.AlignLeft)
        wf.addRow(QLabel(self.tr("Til stede (rolle og organisasjon, aldri navn):")))
        wf.addRow(_wrap(people))

        # devices and orders
        devices = QGroupBox(self.tr("Hjelpemidler og bestillinger"))
        dl = QVBoxLayout(devices)
        self.devices = QListWidget()
        self.devices.setObjectName("noteDevices")
        self.devices.setAccessibleName(self.tr("Hjelpemidler i notatet"))
        self.devices.setWordWrap(True)
        self.devices.setMaximumHeight(110)
        dl.addWidget(QLabel(self.tr("Kryss av for hjelpemidlene notatet gjelder:")))
        dl.addWidget(self.devices)

        # the story
        story = QGroupBox(self.tr("Samtalen"))
        sf = QFormLayout(story)
        sf.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.problem = text_box("problem", self.tr("Hva var problemet?"), 96)
        self.findings = text_box("findings", self.tr("Hva ble funnet?"), 96)
        self.problem_label = labelled(sf, self.tr("&Problem:"), self.problem)
        self.findings_label = labelled(sf, self.tr("&Funn:"), self.findings)
        self.decision = QComboBox()
        self.decision.addItem(self.tr("(ikke bestemt)"), None)
        for code in DECISIONS:
            self.decision.addItem(decision_text(code, self.lang), code)
        labelled(sf, self.tr("&Beslutning:"), self.decision)
        self.decision_reason = text_box("decision_reason", self.tr("Hvorfor?"), 56)
        labelled(sf, self.tr("Be&grunnelse:"), self.decision_reason)

        consent = QGroupBox(self.tr("Samtykke"))
        cf = QFormLayout(consent)
        self.consents = QListWidget()
        self.consents.setObjectName("noteConsents")
        self.consents.setAccessibleName(self.tr("Registrerte samtykker"))
        self.consents.setMaximumHeight(64)
        self.consents.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        cf.addRow(self.consents)
        self.consent_note = text_box("consent_note", self.tr("Merknad om samtykket (valgfritt)"), 48)
        labelled(cf, self.tr("Me&rknad:"), self.consent_note)

        pictures = QGroupBox(self.tr("Bilder (sladdet, markeringer tegnet inn)"))
        pl = QVBoxLayout(pictures)
        self.pictures = QListWidget()
        self.pictures.setObjectName("notePictures")
        self.pictures.setAccessibleName(self.tr("Bilder i notatet"))
        self.pictures.setViewMode(QListWidget.ViewMode.IconMode)
        self.pictures.setIconSize(THUMB_SIZE)
        self.pictures.setMovement(QListWidget.Movement.Static)
        self.pictures.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.pictures.setWrapping(False)
        self.pictures.setFixedHeight(THUMB_SIZE.height() + 56)
        self.no_pictures = QLabel(self.tr("Saken har ingen bilder."))
        self.caption = QLineEdit()
        self.caption.setPlaceholderText(self.tr("Bildetekst for det valgte bildet"))
        self.caption.setEnabled(False)
        cap = QFormLayout()
        labelled(cap, self.tr("B&ildetekst:"), self.caption)
        pl.addWidget(QLabel(self.tr("Kryss av for bildene som skal med i notatet:")))
        pl.addWidget(self.pictures)
        pl.addWidget(self.no_pictures)
        pl.addLayout(cap)

        end = QGroupBox(self.tr("Avslutning"))
        ef = QFormLayout(end)
        self.summary = text_box("summary", self.tr("Oppsummering (ingen navn, fødselsnummer eller diagnose)"), 72)
        labelled(ef, self.tr("&Oppsummering:"), self.summary)
        self.next_contact = QLineEdit()
        self.next_contact.setObjectName("next_contact")
        self.next_contact.setPlaceholderText(self.tr("f.eks. ny samtale tirsdag kl. 10"))
        labelled(ef, self.tr("&Neste kontakt:"), self.next_contact)

        body = QWidget()
        body.setObjectName("journalBody")
        bl = QVBoxLayout(body)
        for w in (when, devices, story, consent, pictures, end):
            bl.addWidget(w)
        bl.addStretch(1)
        self.scroll = QScrollArea()
        self.scroll.setObjectName("journalScroll")
        self.scroll.setWidget(body)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)      # Tab goes to the fields; they scroll into view

        self.missing = QLabel()
        self.missing.setObjectName("missingForExport")
        self.missing.setWordWrap(True)
        self.message = QLabel()
        self.message.setObjectName("journalMessage")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.hide()
        self.export_pdf_button = QPushButton(self.tr("&Eksporter PDF/A …"))
        self.copy_button = QPushButton(self.tr("Kopier som &tekst"))
        self.copy_button.setToolTip(self.tr("Ren tekst til utklippstavlen, klar til å lime inn i journalsystemet"))
        self.json_button = QPushButton(self.tr("Eksporter &JSON …"))
        self.print_button = QPushButton(self.tr("Skriv &ut …"))
        self.close_button = QPushButton(self.tr("&Lukk"))
        self.close_button.setAutoDefault(False)
        buttons = QGridLayout()
        for i, b in enumerate((self.export_pdf_button, self.copy_button, self.json_button, self.print_button)):
            b.setAutoDefault(False)
            buttons.addWidget(b, 0, i)
        buttons.setColumnStretch(4, 1)
        buttons.addWidget(self.close_button, 0, 5)

        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addWidget(self.draft_state)
        lay.addWidget(self.scroll, 1)
        lay.addWidget(self.missing)
        lay.addWidget(self.message)
        lay.addLayout(buttons)

        # wiring
        self.template.currentIndexChanged.connect(self._template_chosen)
        for w in (self.date, self.time):
            w.dateTimeChanged.connect(self._edited)
        self.duration.valueChanged.connect(self._edited)
        self.user_takes_part.toggled.connect(self._edited)
        self.decision.currentIndexChanged.connect(self._edited)
        for box in (self.problem, self.findings, self.decision_reason, self.consent_note, self.summary):
            box.textChanged.connect(self._edited)
        self.next_contact.textChanged.connect(self._edited)
        self.devices.itemChanged.connect(self._edited)
        self.pictures.itemChanged.connect(self._edited)
        self.pictures.currentItemChanged.connect(self._picture_selected)
        self.caption.textEdited.connect(self._caption_edited)
        self.add_person.clicked.connect(self._add_participant)
        self.export_pdf_button.clicked.connect(self.export_pdf)
        self.copy_button.clicked.connect(self.copy_text)
        self.json_button.clicked.connect(self.export_json)
        self.print_button.clicked.connect(self.print_note)
        self.close_button.clicked.connect(self.close)

    def _set_enabled(self, on: bool) -> None:
        self.scroll.widget().setEnabled(on)
        self.template.setEnabled(on)
        for b in (self.export_pdf_button, self.copy_button, self.json_button, self.print_button):
            b.setEnabled(on)

    # -- loading ---------------------------------------------------------------------------
    def _load(self) -> Op:
        journal, picture_png, cid = self._journal, self._picture_png, self.case_id

        def load(_):
            note = journal.open_note(cid)
            if note.revision:            # a draft: what the case says fills only what the draft left empty
                base = journal.prefill(cid)
                for name in ("summary", "next_contact", "decision_reason"):
                    if not getattr(note, name).strip() and getattr(base, name).strip():
                        setattr(note, name, getattr(base, name))
                if note.decision is None:
                    note.decision = base.decision
            pngs: dict[int, bytes] = {}
            if picture_png is not None:
                for pic in note.pictures:
                    if pic.available:
                        try:
                            pngs[pic.snapshot_id] = picture_png(pic.snapshot_id, "journalnotat (redigering)")
                        except HmsError:
                            continue
            return note, pngs
        return self._ops.staged(self, db(load), cpu(lambda r: (r[0], thumbnails(r[1])))) \
            .success(self._show_note).failure(self._load_failed).run()

    def _load_failed(self, exc: HmsError) -> None:
        self.draft_state.setText("")
        set_message(self.message, exc.message, "error")

    def _show_note(self, result) -> None:
        note, thumbs = result
        self._loading = True
        try:
            self._note = note
            self.revision = note.revision
            self.setWindowTitle(self.tr("Journalnotat – sak {0}").format(note.case_number))
            self.heading.setText(self.tr("Journalnotat for sak {0}").format(note.case_number))
            self.template.setCurrentIndex(max(0, self.template.findData(note.template)))
            self._headings(note.template)
            today = dt.date.today()
            d = note.date or today
            self.date.setDate(QDate(d.year, d.month, d.day))
            t = note.time or dt.time(0, 0)
            self.time.setTime(QTime(t.hour, t.minute))
            self.duration.setValue(int(note.duration_min or 0))
            self.technician.setText(note.technician)
            self.user_takes_part.setChecked(note.user_takes_part)
            for p in note.participants:
                self._append_row(p)
            self._show_devices(note)
            self._show_consents(note)
            self._show_pictures(note, thumbs)
            for name in TEXT_FIELDS:
                self._set_text(name, getattr(note, name))
            self.decision.setCurrentIndex(max(0, self.decision.findData(note.decision)))
        finally:
            self._loading = False
        self._set_enabled(True)
        self._update_missing()
        self.draft_state.setText(self.tr("Kladden er lagret (versjon {0}).").format(note.revision) if note.revision
                                 else self.tr("Nytt notat, fylt ut fra saken. Endringer lagres mens du skriver."))
        self.problem.setFocus()
        self.loaded.emit(self.case_id)

    def _show_devices(self, note: JournalNote) -> None:
        self.devices.clear()
        for d in note.devices:
            orders = ", ".join(f"{o.number} ({order_status_text(o.status, self.lang)}, "
                               f"{delivery_text(o.delivery, self.lang)})" for o in d.orders)
            text = f"{d.hmsnr} / {d.serial}" + (f" – {d.product_name}" if d.product_name else "")
            if orders:
                text += "\n" + self.tr("Bestillinger: {0}").format(orders)
            item = QListWidgetItem(text)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if d.included else Qt.CheckState.Unchecked)
            item.setData(DEVICE_ROLE, d.key)
            self.devices.addItem(item)
        if not note.devices:
            self.devices.addItem(self.tr("Ingen hjelpemiddel er slått opp i saken."))

    def _show_consents(self, note: JournalNote) -> None:
        self.consents.clear()
        for c in note.consents:
            when = local_datetime(c.given_at, self.lang) if c.given_at else ""
            self.consents.addItem(self.tr("{0} samtykke fra {1} til {2} {3}").format(
                consent_kind_text(c.kind, self.lang), consent_giver_text(c.given_by, self.lang).lower(),
                consent_scope_text(c.scope, self.lang).lower(), when).strip())
        if not note.consents:
            self.consents.addItem(self.tr("Ingen samtykke er registrert i saken."))

    def _show_pictures(self, note: JournalNote, thumbs: dict[int, bytes]) -> None:
        self.pictures.clear()
        for n, pic in enumerate(note.pictures, 1):
            label = self.tr("Bilde {0}").format(n)
            item = QListWidgetItem(label if pic.available else self.tr("Bilde {0} (slettet)").format(n))
            data = thumbs.get(pic.snapshot_id)
            if data:
                item.setIcon(QIcon(QPixmap.fromImage(QImage.fromData(data, "PNG"))))
            flags = item.flags() | Qt.ItemFlag.ItemIsUserCheckable
            if not pic.available:
                flags &= ~Qt.ItemFlag.ItemIsUserCheckable
            item.setFlags(flags)
            item.setCheckState(Qt.CheckState.Checked if pic.chosen and pic.available else Qt.CheckState.Unchecked)
            item.setData(PICTURE_ROLE, pic.snapshot_id)
            item.setData(CAPTION_ROLE, pic.caption)
            item.setData(Qt.ItemDataRole.AccessibleTextRole, label + (f": {pic.caption}" if pic.caption else ""))
            item.setToolTip(pic.caption or self.tr("%n ansikt(er) sladdet", "", pic.faces_blurred))
            self.pictures.addItem(item)
        self.no_pictures.setVisible(not note.pictures)
        self.pictures.setVisible(bool(note.pictures))
        if note.pictures:
            self.pictures.setCurrentRow(0)

    def _headings(self, key: str) -> None:
        t = TEMPLATES.get(key, TEMPLATES["support"])
        self._template_key = t.key
        self.problem_label.setText("&" + t.heading("problem", self.lang) + ":")     # Alt+P / Alt+F / Alt+B
        self.findings_label.setText("&" + t.heading("findings", self.lang) + ":")
        self.problem.setAccessibleName(t.heading("problem", self.lang))
        self.findings.setAccessibleName(t.heading("findings", self.lang))

    # -- the note from the widgets ---------------------------------------------------------
    def _text_widget(self, name: str):
        return getattr(self, name)

    def _text(self, name: str) -> str:
        w = self._text_widget(name)
        return w.text() if isinstance(w, QLineEdit) else w.toPlainText()

    def _set_text(self, name: str, text: str) -> None:
        w = self._text_widget(name)
        if isinstance(w, QLineEdit):
            w.setText(text)
        else:
            w.setPlainText(text)

    def current_note(self) -> JournalNote | None:
        """The note as the widgets show it (None until it is loaded)."""
        if self._note is None:
            return None
        n = self._note
        included = {}
        for i in range(self.devices.count()):
            item = self.devices.item(i)
            key = item.data(DEVICE_ROLE)
            if key is not None:
                included[tuple(key)] = item.checkState() == Qt.CheckState.Checked
        pictures = []
        by_id = {}
        for i in range(self.pictures.count()):
            item = self.pictures.item(i)
            by_id[item.data(PICTURE_ROLE)] = item
        for pic in n.pictures:
            item = by_id.get(pic.snapshot_id)
            if item is None:
                pictures.append(pic)
                continue
            pictures.append(replace(pic, caption=item.data(CAPTION_ROLE) or "",
                                    chosen=pic.available and item.checkState() == Qt.CheckState.Checked))
        return replace(
            n, template=self.template.currentData(), date=self.date.date().toPython(),
            time=self.time.time().toPython().replace(second=0, microsecond=0),
            duration_min=self.duration.value(), user_takes_part=self.user_takes_part.isChecked(),
            participants=[r.value() for r in self._rows],
            devices=[replace(d, included=included.get(d.key, d.included)) for d in n.devices],
            decision=self.decision.currentData(), pictures=pictures,
            **{name: self._text(name) for name in TEXT_FIELDS})

    # -- edits and the draft -------------------------------------------------------------------
    def _edited(self, *_args) -> None:
        if self._loading or self._note is None:
            return
        self._dirty = True
        self.draft_state.setText(self.tr("Endret – lagres straks …"))
        self._save_timer.start()
        self._update_missing()
        if self._marked is not None:
            mark_field(self._marked, False)
            self._marked = None

    def _update_missing(self) -> None:
        missing = [label for name, label in (("summary", self.tr("oppsummering")),
                                             ("next_contact", self.tr("neste kontakt")))
                   if not self._text(name).strip()]
        set_message(self.missing, self.tr("Før eksport: fyll ut {0}.").format(self.tr(" og ").join(missing))
                    if missing else "", "notice")

    @property
    def dirty(self) -> bool:
        return self._dirty

    def save_now(self) -> Op | None:
        """Save the note as the case's draft now (the debounce timer calls this)."""
        self._save_timer.stop()
        note = self.current_note()
        if note is None or not self._dirty:
            return None
        if self._saving:                  # one save at a time; the newest text follows
            self._again = True
            return None
        self._dirty, self._saving = False, True
        self.draft_state.setText(self.tr("Lagrer kladden …"))

        def saved(revision: int) -> None:
            self.revision = revision
            if not self._dirty:
                self.draft_state.setText(self.tr("Kladden er lagret (versjon {0}).").format(revision))
            if self.message.text() and self.message.property("draftError"):
                set_message(self.message, "")
                self.message.setProperty("draftError", False)
            self.draftSaved.emit(revision)

        def refused(exc: HmsError) -> None:
            self._dirty = True               # what was typed stays in the fields; the next edit tries again
            self.draft_state.setText(self.tr("Kladden er ikke lagret."))
            self._show_error(exc)
            self.message.setProperty("draftError", True)
            self.draftRefused.emit(exc.message)

        def finished(_ok: bool) -> None:
            self._saving = False
            if self._again:
                self._again = False
                if self._dirty:
                    self.save_now()
        return self._ops.mutate(self, self._journal.save_draft, note, changes=Change.NONE) \
            .success(saved).failure(refused).finally_(finished).run()

    # -- participants ---------------------------------------------------------------------
    def _append_row(self, p: NoteParticipant) -> ParticipantRow:
        row = ParticipantRow(p, len(self._rows) + 1, self.lang)
        row.changed.connect(self._edited)
        row.removeRequested.connect(self._remove_row)
        self._rows.append(row)
        self.people_box.addWidget(row)
        row.show()
        self._people_tab_order()
        return row

    def _people_tab_order(self) -> None:
        """Rows added later still come between «Brukeren deltok» and «Legg til deltaker» on Tab."""
        chain = [self.user_takes_part]
        for r in self._rows:
            chain += [r.role, r.org, r.in_picture, r.remove]
        chain.append(self.add_person)
        for a, b in zip(chain, chain[1:]):
            QWidget.setTabOrder(a, b)

    def _add_participant(self) -> None:
        row = self._append_row(NoteParticipant("terapeut"))
        row.role.setFocus()
        self._edited()

    def _remove_row(self, row: ParticipantRow) -> None:
        self._rows.remove(row)
        row.setParent(None)
        row.deleteLater()
        for n, r in enumerate(self._rows, 1):
            r.renumber(n)
        self._people_tab_order()
        self.add_person.setFocus()
        self._edited()

    # -- pictures --------------------------------------------------------------------------
    def _picture_selected(self, item: QListWidgetItem | None, _previous=None) -> None:
        self.caption.setEnabled(item is not None)
        self.caption.setText(item.data(CAPTION_ROLE) or "" if item is not None else "")

    def _caption_edited(self, text: str) -> None:
        item = self.pictures.currentItem()
        if item is None:
            return
        item.setData(CAPTION_ROLE, text)
        self._edited()

    # -- template --------------------------------------------------------------------------
    def _template_chosen(self, _index: int) -> None:
        if self._loading or self._note is None:
            return
        key = self.template.currentData()
        note = apply_template(replace(self.current_note(), template=self._template_key), key)
        self._loading = True
        try:
            for name in ("problem", "findings"):
                if self._text(name) != getattr(note, name):
                    self._set_text(name, getattr(note, name))
        finally:
            self._loading = False
        self._headings(key)
        self._edited()

    # -- errors in place -------------------------------------------------------------------
    def _field_widget(self, field: str | None) -> QWidget | None:
        if not field:
            return None
        if field in TEXT_FIELDS:
            return self._text_widget(field)
        m = re.fullmatch(r"participants\[(\d+)\]\.(role|organisation)", field)
        if m and int(m.group(1)) < len(self._rows):
            row = self._rows[int(m.group(1))]
            return row.role if m.group(2) == "role" else row.org
        m = re.fullmatch(r"pictures\[(\d+)\]\.caption", field)
        if m and int(m.group(1)) < self.pictures.count():
            self.pictures.setCurrentRow(int(m.group(1)))
            return self.caption
        return {"template": self.template, "decision": self.decision, "duration_min": self.duration}.get(field)

    def _show_error(self, exc: HmsError) -> None:
        set_message(self.message, exc.message, "error")
        widget = self._field_widget(getattr(exc, "field", None))
        if self._marked is not None and self._marked is not widget:
            mark_field(self._marked, False)
        if widget is not None:
            mark_field(widget, True)
            self._marked = widget
            self.scroll.ensureWidgetVisible(widget)

    # -- export ----------------------------------------------------------------------------
    def _ready_note(self) -> JournalNote | None:
        """The note, or None (and a clear message in place) while it cannot be exported."""
        note = self.current_note()
        if note is None:
            return None
        missing = note.missing_for_export()
        if missing:
            what = {"summary": self.tr("oppsummering"), "next_contact": self.tr("neste kontakt")}
            text = self.tr("Journalnotatet kan ikke eksporteres ennå: fyll ut {0}.").format(
                self.tr(" og ").join(what[m] for m in missing))
            set_message(self.message, text, "error")
            widget = self._text_widget(missing[0])
            mark_field(widget, True)
            self._marked = widget
            self.scroll.ensureWidgetVisible(widget)
            widget.setFocus()
            self.refused.emit(text)
            return None
        return note

    def _suggested(self, fmt: str) -> Path:
        return self._exports / safe_name("journalnotat", self._note.case_number if self._note else "", fmt)

    def export_pdf(self) -> Op | None:
        note = self._ready_note()
        if note is None:
            return None
        path = SaveFile.ask(self, self.tr("Eksporter journalnotat (PDF/A)"), self._suggested("pdf"),
                            self.tr("PDF/A (*.pdf)"))
        return self._export(note, "pdf", Path(path)) if path else None

    def export_json(self) -> Op | None:
        note = self._ready_note()
        if note is None:
            return None
        path = SaveFile.ask(self, self.tr("Eksporter journalnotat (JSON)"), self._suggested("json"),
                            self.tr("JSON (*.json)"))
        return self._export(note, "json", Path(path)) if path else None

    def copy_text(self) -> Op | None:
        note = self._ready_note()
        return self._export(note, "text", None) if note is not None else None

    def _export(self, note: JournalNote, fmt: str, path: Path | None) -> Op:
        """Draft saved, collect (database) → render (CPU) → store (database), as one staged operation."""
        from hms_desk.documents.journal_note import render

        journal, lang, cid = self._journal, self.lang, self.case_id
        self._save_timer.stop()
        self._dirty = False

        def collect(_):
            journal.save_draft(note)
            return journal.collect(note)

        def store(pair):
            bundle, rendered = pair
            return rendered, journal.store(bundle, rendered, path, write=fmt != "text")

        def done(result) -> None:
            rendered, target = result
            warnings = " ".join(rendered.warnings)
            if fmt == "text":
                QGuiApplication.clipboard().setText(rendered.text)
                set_message(self.message, " ".join(filter(None, (
                    self.tr("Teksten er kopiert – lim den inn i journalsystemet."), warnings))),
                    "notice" if warnings else "info")
                self.copied.emit(rendered.text)
            else:
                set_message(self.message, " ".join(filter(None, (
                    self.tr("Journalnotatet er lagret: {0}").format(str(target)), warnings))),
                    "notice" if warnings else "info")
                self.exported.emit(fmt, str(target))

        def failed(exc: HmsError) -> None:
            self._dirty = True
            self._show_error(exc)
            self.refused.emit(exc.message)

        self._busy(True)
        return self._ops.staged(self, db(collect), cpu(lambda bundle: (bundle, render(bundle, fmt, lang))),
                                db(store), changes=lambda _r: OpChanges(Change.DOCUMENT | Change.CASE, cid)) \
            .success(done).failure(failed).finally_(lambda _ok: self._busy(False)).run()

    def print_note(self) -> Op | None:
        """Through the one printing service: render (CPU) → preview (after the op) → audited print."""
        from hms_desk.ui.printing import journal_note_job

        note = self._ready_note()
        if note is None:
            return None
        self.save_now()
        title = self.tr("Journalnotat {0}").format(note.case_number)

        def failed(exc: HmsError) -> None:
            self._show_error(exc)
            self.refused.emit(exc.message)

        def printed(_kind: str, number: str) -> None:
            set_message(self.message, self.tr("Journalnotatet er sendt til skriveren."))
            self.printed.emit(number)
        self._busy(True)
        return self._printing.print_job(self, journal_note_job(self._journal, note, self.lang, title),
                                        on_printed=printed, on_failure=failed,
                                        on_finished=lambda _ok: self._busy(False))

    def _busy(self, on: bool) -> None:
        for b in (self.export_pdf_button, self.copy_button, self.json_button, self.print_button):
            b.setEnabled(not on and self._note is not None)

    # -- closing ---------------------------------------------------------------------------
    def closeEvent(self, event) -> None:
        """Closing saves what is not saved yet (the text is never lost with the window)."""
        self._save_timer.stop()
        if self._dirty:
            self.save_now()
        super().closeEvent(event)

    def done(self, result: int) -> None:        # Esc: the same as closing
        self._save_timer.stop()
        if self._dirty:
            self.save_now()
        super().done(result)


def _wrap(layout) -> QWidget:
    w = QWidget()
    layout.setContentsMargins(0, 0, 0, 0)
    w.setLayout(layout)
    return w


__all__ = ["JournalEditor", "ParticipantRow", "thumbnails"]
