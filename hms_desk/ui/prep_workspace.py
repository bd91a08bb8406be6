"""The advisers' workspace: preparations of an utprøving or a housing case (*boligsak*).

Left (or on top, when the dock is narrow): the upcoming preparations by date
and the reminders for unticked checklist items.  Right (or below), in one
scroll area: the selected preparation — the meeting, purpose and questions,
what to film, who takes part (role and organisation, never names) and who
holds the camera, the routine's checklist (each tick records who and when;
the pre-call check can be run and its result linked), candidate products
from the catalogue with their status, note and parts, drawings and pictures
received beforehand (anonymised before they are stored), and the buttons for
the invitation (.ics), the prep sheet (PDF/A) and «Hold møtet», which opens
the case of the meeting.

Every call to the core goes through :mod:`hms_desk.ui.ops`; file dialogs open
on the GUI thread before an operation starts (choose a drawing, where to save)
through :meth:`PrepFiles.ask`, the seam tests replace.  A refused save keeps
everything typed in the form.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Callable

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QSize, Qt, QTime, Signal
from PySide6.QtGui import QIcon, QImage, QPixmap
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QComboBox, QDateTimeEdit, QFileDialog, QFormLayout,
                               QFrame, QGridLayout, QGroupBox, QHBoxLayout, QHeaderView, QLabel, QLineEdit,
                               QListWidget, QListWidgetItem, QPlainTextEdit, QPushButton, QScrollArea, QSpinBox,
                               QSplitter, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from hms_desk.domain import i18n
from hms_desk.domain.errors import HmsError
from hms_desk.domain.limits import max_length
from hms_desk.domain.oslo_time import from_oslo, to_oslo
from hms_desk.services.cases import CONSENT_GIVERS, CONSENT_KINDS, CONSENT_SCOPES
from hms_desk.services.preparations import (CHECK_ITEMS, ORGANISATIONS, ROLES, PreparationService, PrepInput,
                                            PrepView, read_file)
from hms_desk.ui.formats import oslo_datetime
from hms_desk.ui.ops import Change, OpChanges, Operations, cpu, db

ID_ROLE = Qt.ItemDataRole.UserRole + 3
#: Below this width the list sits above the form; above it, beside it.
WIDE = 980


class PrepFiles:
    """The workspace's file dialogs; ``ask`` is the seam tests replace.

    ``purpose``: ``"drawing"`` (open a picture or PDF), ``"ics"`` or ``"pdf"`` (save as).
    Returns the chosen path, or None when the adviser cancels.
    """

    @classmethod
    def ask(cls, parent: QWidget, purpose: str, suggested: str = "") -> str | None:
        if purpose == "drawing":
            path, _f = QFileDialog.getOpenFileName(
                parent, QCoreApplication.translate("PrepWorkspace", "Velg tegning eller bilde"), suggested,
                QCoreApplication.translate("PrepWorkspace", "Bilder og PDF (*.png *.jpg *.jpeg *.bmp *.tif *.tiff "
                                                            "*.webp *.pdf);;Alle filer (*)"))
        elif purpose == "ics":
            path, _f = QFileDialog.getSaveFileName(
                parent, QCoreApplication.translate("PrepWorkspace", "Lagre møteinvitasjon"), suggested,
                QCoreApplication.translate("PrepWorkspace", "Kalenderfil (*.ics)"))
        else:
            path, _f = QFileDialog.getSaveFileName(
                parent, QCoreApplication.translate("PrepWorkspace", "Lagre forberedelsesark"), suggested,
                QCoreApplication.translate("PrepWorkspace", "PDF-dokument (*.pdf)"))
        return path or None


def _next_working_morning() -> dt.datetime:
    """Tomorrow (or Monday) at 10:00, Norwegian time — a naive wall time for the form."""
    day = to_oslo(dt.datetime.now(dt.timezone.utc)).date() + dt.timedelta(days=1)
    while day.weekday() >= 5:
        day += dt.timedelta(days=1)
    return dt.datetime.combine(day, dt.time(10, 0))


class PrepWorkspace(QWidget):
    caseOpened = Signal(int, str)        # case id, number («Hold møtet»)
    listed = Signal(int)                 # rows in the list (tests wait on it)
    loaded = Signal(int)                 # the preparation shown (id)
    saved = Signal(int)                  # a preparation created or saved (id)
    searched = Signal(int)               # product hits shown
    attachmentsAdded = Signal(int)       # pictures imported
    icsWritten = Signal(str)
    sheetWritten = Signal(str)
    sheetPrinted = Signal(str)           # number
    failed = Signal(str)                 # an expected failure, shown in the status line
    message = Signal(str)

    def __init__(self, ops: Operations, service: PreparationService, parent: QWidget | None = None, *,
                 case_open: Callable[[], bool] | None = None,
                 run_precall: Callable[[Callable[[dict], None]], None] | None = None):
        super().__init__(parent)
        self.setObjectName("prepWorkspace")
        self._ops = ops
        self._service = service
        self._case_open = case_open
        self._run_precall = run_precall
        self.current: PrepView | None = None
        self.rows: list = []
        self.hits: list = []
        self._loading = False
        self._dirty = False
        self._orientation_wide: bool | None = None
        self.reminders: list = []

        # -- list of preparations ----------------------------------------------------------
        self.new_button = QPushButton(self.tr("&Ny forberedelse"))
        self.show_all = QComboBox()
        self.show_all.setAccessibleName(self.tr("Vis forberedelser"))
        self.show_all.addItem(self.tr("Kommende"), False)
        self.show_all.addItem(self.tr("Alle"), True)
        self.refresh_button = QPushButton(self.tr("Oppdater"))
        self.reminder_label = QLabel()
        self.reminder_label.setObjectName("prepReminders")
        self.reminder_label.setWordWrap(True)
        self.reminder_label.setStyleSheet("background:#fff4ce; padding:4px;")
        self.reminder_label.setAccessibleName(self.tr("Påminnelser"))
        self.reminder_label.hide()
        self.table = QTableWidget(0, 5)
        self.table.setObjectName("prepTable")
        self.table.setAccessibleName(self.tr("Forberedelser etter dato"))
        self.table.setHorizontalHeaderLabels([self.tr("Tidspunkt"), self.tr("Status"), self.tr("Åpne"),
                                              self.tr("Type"), self.tr("Formål")])
        self.table.horizontalHeaderItem(2).setToolTip(self.tr("Punkter på sjekklisten som ikke er krysset av"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.setMinimumHeight(110)

        top = QHBoxLayout()
        top.addWidget(self.new_button)
        top.addWidget(self.show_all)
        top.addStretch(1)
        top.addWidget(self.refresh_button)
        list_box = QWidget()
        ll = QVBoxLayout(list_box)
        ll.setContentsMargins(0, 0, 0, 0)
        ll.addLayout(top)
        ll.addWidget(self.reminder_label)
        ll.addWidget(self.table, 1)

        # -- the form ----------------------------------------------------------------------
        self.title = QLabel(self.tr("Ny forberedelse"))
        self.title.setObjectName("prepTitle")
        self.title.setStyleSheet("font-weight: bold; font-size: 13pt;")
        self.title.setWordWrap(True)

        meeting = QGroupBox(self.tr("Møtet"))
        self.kind = QComboBox()
        self.kind.addItem(self.tr("Utprøving"), "utproving")
        self.kind.addItem(self.tr("Boligsak"), "boligsak")
        self.when = QDateTimeEdit()
        self.when.setDisplayFormat("dd.MM.yyyy HH:mm")
        self.when.setCalendarPopup(True)
        self.when.setToolTip(self.tr("Norsk tid"))
        self.duration = QSpinBox()
        self.duration.setRange(5, 480)
        self.duration.setSingleStep(15)
        self.duration.setValue(60)
        self.duration.setSuffix(self.tr(" min"))
        self.status_box = QComboBox()
        for code, text in self._status_texts().items():
            self.status_box.addItem(text, code)
        self.purpose = self._text_box(self.tr("Hva skal forberedes eller avklares? Ingen navn eller helseopplysninger."))
        self.questions = self._text_box(self.tr("Ett spørsmål per linje"))
        self.filming = self._text_box(self.tr("F.eks. hele rullestolen fra siden, betjeningsboksen, terskelen"))
        self.angles = QLineEdit()
        self.angles.setMaxLength(max_length("angles"))
        self.angles.setPlaceholderText(self.tr("F.eks. forfra, fra siden, ovenfra"))
        self.meeting_url = QLineEdit()
        self.meeting_url.setMaxLength(max_length("meeting_url"))
        self.meeting_url.setPlaceholderText(self.tr("https://…"))
        self.dial_in = self._text_box(self.tr("Én per linje: SIP-adresse, telefonnummer med kode"), 56)
        self.agenda = self._text_box(self.tr("1. Presentasjon  2. Filming  3. Avklaringer"))
        self.municipality = QLineEdit()
        self.municipality.setMaxLength(4)
        self.municipality.setPlaceholderText(self.tr("4 siffer"))
        self.user_takes_part = QCheckBox(self.tr("Brukeren deltar i møtet"))
        self.consent_kind = QComboBox()
        self.consent_kind.addItem(self.tr("Ikke innhentet"), "")
        for k in CONSENT_KINDS:
            self.consent_kind.addItem(i18n.t(k), k)
        self.consent_by = QComboBox()
        for k in CONSENT_GIVERS:
            self.consent_by.addItem(i18n.t(k), k)
        self.consent_scope = QComboBox()
        for k in CONSENT_SCOPES:
            self.consent_scope.addItem(i18n.t(k), k)
        self.consent_by.setAccessibleName(self.tr("Samtykke gitt av"))
        self.consent_scope.setAccessibleName(self.tr("Samtykket gjelder"))
        consent_row = QHBoxLayout()
        consent_row.addWidget(self.consent_kind)
        consent_row.addWidget(self.consent_by)
        consent_row.addWidget(self.consent_scope)
        self.save_button = QPushButton(self.tr("&Lagre forberedelsen"))
        self.discard_button = QPushButton(self.tr("Forkast endringer"))
        self.delete_button = QPushButton(self.tr("Slett forberedelsen"))
        mf = self._form(meeting)
        for label, w in ((self.tr("Type:"), self.kind), (self.tr("&Dato og tid:"), self.when),
                         (self.tr("Varighet:"), self.duration), (self.tr("Status:"), self.status_box),
                         (self.tr("Formål:"), self.purpose), (self.tr("Spørsmål som skal avklares:"), self.questions),
                         (self.tr("Hva skal filmes:"), self.filming), (self.tr("Vinkler:"), self.angles),
                         (self.tr("Videoadresse:"), self.meeting_url),
                         (self.tr("Andre måter å koble til:"), self.dial_in), (self.tr("Agenda:"), self.agenda),
                         (self.tr("Kommunenr.:"), self.municipality)):
            self._row(mf, label, w)
        mf.addRow("", self.user_takes_part)
        consent_label = QLabel(self.tr("Samtykke:"))
        consent_label.setBuddy(self.consent_kind)
        mf.addRow(consent_label, consent_row)
        save_row = QHBoxLayout()
        save_row.addWidget(self.save_button)
        save_row.addWidget(self.discard_button)
        save_row.addStretch(1)
        save_row.addWidget(self.delete_button)
        mf.addRow(save_row)

        # participants
        people = QGroupBox(self.tr("Deltakere (rolle og organisasjon, aldri navn)"))
        self.role = QComboBox()
        for code, text in self._role_texts().items():
            self.role.addItem(text, code)
        self.org = QComboBox()
        self.org.setEditable(True)
        self.org.addItems(list(ORGANISATIONS))
        self.org.setCurrentText("")
        self.org.lineEdit().setPlaceholderText(self.tr("F.eks. Bærum kommune, ergoterapitjenesten"))
        self.org.lineEdit().setMaxLength(max_length("organisation"))
        self.holds_camera = QCheckBox(self.tr("Holder kameraet"))
        self.add_person = QPushButton(self.tr("Legg til deltaker"))
        self.people = QListWidget()
        self.people.setAccessibleName(self.tr("Deltakere"))
        self.people.setMaximumHeight(96)
        self.camera_button = QPushButton(self.tr("Denne holder kameraet"))
        self.remove_person = QPushButton(self.tr("Fjern deltaker"))
        pf = self._form(people)
        self._row(pf, self.tr("Rolle:"), self.role)
        self._row(pf, self.tr("Organisasjon:"), self.org)
        person_row = QHBoxLayout()
        person_row.addWidget(self.holds_camera)
        person_row.addStretch(1)
        person_row.addWidget(self.add_person)
        pf.addRow(person_row)
        pf.addRow(self.people)
        people_buttons = QHBoxLayout()
        people_buttons.addWidget(self.camera_button)
        people_buttons.addStretch(1)
        people_buttons.addWidget(self.remove_person)
        pf.addRow(people_buttons)

        # checklist
        checks = QGroupBox(self.tr("Sjekkliste (hvem og når lagres)"))
        grid = QGridLayout(checks)
        self.check_boxes: dict[str, QCheckBox] = {}
        self.check_labels: dict[str, QLabel] = {}
        texts = self._check_texts()
        for row, (code, _text, _kinds) in enumerate(CHECK_ITEMS):
            box = QCheckBox(texts[code])
            box.setObjectName(f"check_{code}")
            info = QLabel()
            info.setObjectName(f"checkInfo_{code}")
            info.setStyleSheet("color:#555;")
            info.setWordWrap(True)
            grid.addWidget(box, row, 0)
            grid.addWidget(info, row, 1)
            self.check_boxes[code] = box
            self.check_labels[code] = info
            box.toggled.connect(lambda on, c=code: self._tick(c, on))
        grid.setColumnStretch(1, 1)
        self.precall_button = QPushButton(self.tr("Kjør forhåndssjekk og knytt resultatet …"))
        self.precall_button.setToolTip(self.tr("Sjekker bilde, bildefrekvens og lys på videokilden (Ctrl+Shift+K)"))
        self.precall_button.setEnabled(run_precall is not None)
        grid.addWidget(self.precall_button, len(CHECK_ITEMS), 0, 1, 2)

        # candidate products
        products = QGroupBox(self.tr("Aktuelle produkter"))
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Navn, HMS-nr, ISO-kode eller leverandør"))
        self.search.setClearButtonEnabled(True)
        self.search_button = QPushButton(self.tr("Søk"))
        self.results = QListWidget()
        self.results.setAccessibleName(self.tr("Treff i katalogen"))
        self.results.setMaximumHeight(110)
        self.add_product = QPushButton(self.tr("Legg til produkt"))
        self.candidates = QTableWidget(0, 4)
        self.candidates.setObjectName("candidateTable")
        self.candidates.setAccessibleName(self.tr("Aktuelle produkter"))
        self.candidates.setHorizontalHeaderLabels([self.tr("HMS-nr"), self.tr("Produkt"), self.tr("Status"),
                                                   self.tr("Deler")])
        self.candidates.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.candidates.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.candidates.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.candidates.setTabKeyNavigation(False)
        self.candidates.verticalHeader().hide()
        self.candidates.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.candidates.horizontalHeader().setStretchLastSection(True)
        self.candidates.setMaximumHeight(150)
        self.cand_status = QComboBox()
        for code, text in self._candidate_texts().items():
            self.cand_status.addItem(text, code)
        self.cand_note = QLineEdit()
        self.cand_note.setMaxLength(max_length("note"))
        self.cand_note.setPlaceholderText(self.tr("F.eks. prøv med hodestøtte"))
        self.cand_parts = self._text_box(self.tr("Én per linje: HMS-nr med antall («150817:2») eller tekst"), 56)
        self.save_product = QPushButton(self.tr("Lagre produktet"))
        self.remove_product = QPushButton(self.tr("Fjern produktet"))
        cf = self._form(products)
        search_row = QHBoxLayout()
        search_row.addWidget(self.search, 1)
        search_row.addWidget(self.search_button)
        search_label = QLabel(self.tr("Søk i katalogen:"))
        search_label.setBuddy(self.search)
        cf.addRow(search_label, search_row)
        cf.addRow(self.results)
        cf.addRow("", self.add_product)
        cf.addRow(self.candidates)
        self._row(cf, self.tr("Status:"), self.cand_status)
        self._row(cf, self.tr("Notat:"), self.cand_note)
        self._row(cf, self.tr("Deler og tilbehør:"), self.cand_parts)
        cand_buttons = QHBoxLayout()
        cand_buttons.addWidget(self.save_product)
        cand_buttons.addStretch(1)
        cand_buttons.addWidget(self.remove_product)
        cf.addRow(cand_buttons)

        # drawings and pictures
        pics = QGroupBox(self.tr("Tegninger og bilder (ansikter sladdes, lagres kryptert)"))
        self.pictures = QListWidget()
        self.pictures.setAccessibleName(self.tr("Tegninger og bilder"))
        self.pictures.setViewMode(QListWidget.ViewMode.IconMode)
        self.pictures.setIconSize(QSize(150, 104))
        self.pictures.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.pictures.setMaximumHeight(150)
        self.pic_kind = QComboBox()
        self.pic_kind.addItem(self.tr("Tegning"), "tegning")
        self.pic_kind.addItem(self.tr("Bilde"), "bilde")
        self.pic_kind.setAccessibleName(self.tr("Tegning eller bilde"))
        self.pic_caption = QLineEdit()
        self.pic_caption.setMaxLength(max_length("caption"))
        self.pic_caption.setPlaceholderText(self.tr("Bildetekst, f.eks. plantegning bad"))
        self.import_button = QPushButton(self.tr("&Importer tegning eller bilde …"))
        self.delete_picture = QPushButton(self.tr("Slett bildet"))
        gf = self._form(pics)
        gf.addRow(self.pictures)
        caption_row = QHBoxLayout()
        caption_row.addWidget(self.pic_kind)
        caption_row.addWidget(self.pic_caption, 1)
        caption_label = QLabel(self.tr("Bildetekst:"))
        caption_label.setBuddy(self.pic_caption)
        gf.addRow(caption_label, caption_row)
        pic_buttons = QHBoxLayout()
        pic_buttons.addWidget(self.import_button)
        pic_buttons.addStretch(1)
        pic_buttons.addWidget(self.delete_picture)
        gf.addRow(pic_buttons)

        # documents and the meeting
        self.ics_button = QPushButton(self.tr("Møte&invitasjon (.ics) …"))
        self.sheet_button = QPushButton(self.tr("Forberedelses&ark (PDF) …"))
        self.print_button = QPushButton(self.tr("Skriv &ut ark …"))
        self.print_button.setToolTip(self.tr("Forhåndsvisning og utskrift av forberedelsesarket"))
        self.hold_button = QPushButton(self.tr("&Hold møtet"))
        self.hold_button.setToolTip(self.tr("Åpner saken for møtet med deltakere, samtykke og produkter"))
        self.hold_button.setStyleSheet("font-weight: bold;")
        actions = QHBoxLayout()
        actions.addWidget(self.ics_button)
        actions.addWidget(self.sheet_button)
        actions.addWidget(self.print_button)
        actions.addStretch(1)
        actions.addWidget(self.hold_button)
        self.status = QLabel()
        self.status.setObjectName("prepStatus")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        form_box = QWidget()
        fl = QVBoxLayout(form_box)
        fl.setContentsMargins(0, 0, 4, 0)
        for w in (meeting, people, checks, products, pics):
            fl.addWidget(w)
        fl.addStretch(1)
        self.form_scroll = QScrollArea()
        self.form_scroll.setObjectName("prepForm")
        self.form_scroll.setAccessibleName(self.tr("Forberedelsen"))
        self.form_scroll.setWidget(form_box)
        self.form_scroll.setWidgetResizable(True)
        self.form_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.form_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # the title, the messages and the document buttons stay in view while the form scrolls
        editor = QWidget()
        el = QVBoxLayout(editor)
        el.setContentsMargins(0, 0, 0, 0)
        el.addWidget(self.title)
        el.addLayout(actions)
        el.addWidget(self.status)
        el.addWidget(self.form_scroll, 1)

        self.split = QSplitter(Qt.Orientation.Vertical)
        self.split.setChildrenCollapsible(False)
        self.split.addWidget(list_box)
        self.split.addWidget(editor)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addWidget(self.split)
        self._groups = (people, checks, products, pics)

        # -- wiring ----------------------------------------------------------------------------
        self.new_button.clicked.connect(self.new)
        self.refresh_button.clicked.connect(self.refresh)
        self.show_all.currentIndexChanged.connect(lambda _i: self.refresh())
        self.table.itemSelectionChanged.connect(self._selected)
        self.save_button.clicked.connect(self.save)
        self.discard_button.clicked.connect(self._discard)
        self.delete_button.clicked.connect(self.delete)
        self.status_box.activated.connect(lambda _i: self._set_status())
        self.add_person.clicked.connect(self._add_participant)
        self.org.lineEdit().returnPressed.connect(self._add_participant)
        self.remove_person.clicked.connect(self._remove_participant)
        self.camera_button.clicked.connect(self._set_camera_holder)
        self.precall_button.clicked.connect(self._precall)
        self.search_button.clicked.connect(self.search_products)
        self.search.returnPressed.connect(self.search_products)
        self.results.itemActivated.connect(lambda _i: self.add_candidate())
        self.add_product.clicked.connect(self.add_candidate)
        self.candidates.itemSelectionChanged.connect(self._candidate_selected)
        self.save_product.clicked.connect(self._save_candidate)
        self.remove_product.clicked.connect(self._remove_candidate)
        self.import_button.clicked.connect(self.import_drawing)
        self.delete_picture.clicked.connect(self._delete_picture)
        self.ics_button.clicked.connect(self.export_ics)
        self.sheet_button.clicked.connect(self.write_sheet)
        self.print_button.clicked.connect(self.print_sheet)
        self.hold_button.clicked.connect(self.hold)
        for w in (self.purpose, self.questions, self.filming, self.dial_in, self.agenda):
            w.textChanged.connect(self._edited)
        for w in (self.angles, self.meeting_url, self.municipality):
            w.textChanged.connect(self._edited)
        self.when.dateTimeChanged.connect(self._edited)
        self.duration.valueChanged.connect(self._edited)
        self.kind.currentIndexChanged.connect(self._edited)
        self.user_takes_part.toggled.connect(self._edited)
        for box in (self.consent_kind, self.consent_by, self.consent_scope):
            box.currentIndexChanged.connect(self._edited)
        self.consent_kind.currentIndexChanged.connect(lambda _i: self._consent_enabled())
        ops.changed.connect(self._on_changed)
        self.new()

    # -- building helpers ----------------------------------------------------------------------
    def _text_box(self, placeholder: str, height: int = 64) -> QPlainTextEdit:
        box = QPlainTextEdit()
        box.setPlaceholderText(placeholder)
        box.setTabChangesFocus(True)                   # Tab leaves the field (no keyboard trap)
        box.setFixedHeight(height)
        return box

    @staticmethod
    def _form(group: QGroupBox) -> QFormLayout:
        form = QFormLayout(group)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        return form

    @staticmethod
    def _row(form: QFormLayout, text: str, widget: QWidget) -> QLabel:
        label = QLabel(text)
        label.setBuddy(widget)
        label.setWordWrap(True)
        form.addRow(label, widget)
        return label

    def _status_texts(self) -> dict[str, str]:
        return {"planned": self.tr("Planlagt"), "ready": self.tr("Klar"), "held": self.tr("Holdt"),
                "documented": self.tr("Dokumentert")}

    def _kind_texts(self) -> dict[str, str]:
        return {"utproving": self.tr("Utprøving"), "boligsak": self.tr("Boligsak")}

    def _candidate_texts(self) -> dict[str, str]:
        return {"prepare": self.tr("Klargjøres"), "ready": self.tr("Klar"), "rejected": self.tr("Forkastet")}

    def _check_texts(self) -> dict[str, str]:
        return {"forbindelse": self.tr("Forbindelsen er sjekket"),
                "forhandssjekk": self.tr("Forhåndssjekk av utstyret er holdt"),
                "rom": self.tr("Rommet er stort nok til å vise hele hjelpemidlet"),
                "lys": self.tr("Lys uten motlys"),
                "klaer": self.tr("Nøytrale klær"),
                "kolleger": self.tr("Kolleger er informert"),
                "samtykke": self.tr("Samtykke er innhentet der det trengs"),
                "tegninger": self.tr("Tegninger er mottatt")}

    def _role_texts(self) -> dict[str, str]:
        texts = {"rådgiver": self.tr("Rådgiver"), "tekniker": self.tr("Tekniker"),
                 "ergoterapeut": self.tr("Ergoterapeut"), "fysioterapeut": self.tr("Fysioterapeut"),
                 "bruker": self.tr("Bruker"), "pårørende": self.tr("Pårørende"), "verge": self.tr("Verge"),
                 "hjelpepleier": self.tr("Hjelpepleier"), "leverandør": self.tr("Leverandør"),
                 "saksbehandler": self.tr("Saksbehandler"), "annen": self.tr("Annen")}
        return {code: texts.get(code, text) for code, (text, _case) in ROLES.items()}

    # -- layout: side by side when wide ------------------------------------------------------------
    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        wide = self.width() >= WIDE
        if wide != self._orientation_wide:
            self._orientation_wide = wide
            self.split.setOrientation(Qt.Orientation.Horizontal if wide else Qt.Orientation.Vertical)
            total = self.width() if wide else self.height()
            first = int(total * (0.38 if wide else 0.3))
            self.split.setSizes([first, max(1, total - first)])

    # -- messages ----------------------------------------------------------------------------
    def _fail(self, exc: HmsError) -> None:
        self.status.setStyleSheet("color:#b00020; font-weight:bold;")
        self.status.setText(exc.message)
        self.failed.emit(exc.message)
        self.message.emit(exc.message)
        target = {"purpose": self.purpose, "starts_at": self.when, "meeting_url": self.meeting_url,
                  "municipality": self.municipality, "duration_min": self.duration, "dial_in": self.dial_in,
                  "questions": self.questions, "filming": self.filming, "angles": self.angles,
                  "agenda": self.agenda, "organisation": self.org, "parts": self.cand_parts,
                  "note": self.cand_note}.get(getattr(exc, "field", None) or "")
        if target is not None and target.isVisible():
            self.form_scroll.ensureWidgetVisible(target)
            target.setFocus()

    def _ok(self, text: str) -> None:
        self.status.setStyleSheet("color:#1b5e20;")
        self.status.setText(text)
        self.message.emit(text)

    # -- the list -------------------------------------------------------------------------------
    def refresh(self) -> None:
        service, all_ = self._service, bool(self.show_all.currentData())
        self._ops.query(self, lambda: (service.list(upcoming_only=not all_), service.reminders())) \
            .success(self._show_list).failure(self._fail).run()

    def _show_list(self, result) -> None:
        rows, reminders = result
        self.rows = list(rows)
        keep = self.current.id if self.current is not None else None
        self.table.blockSignals(True)
        self.table.setRowCount(len(self.rows))
        status_texts, kind_texts = self._status_texts(), self._kind_texts()
        for r, p in enumerate(self.rows):
            cells = (oslo_datetime(p.starts_at), status_texts.get(p.status, p.status), str(p.open_items),
                     kind_texts.get(p.kind, p.kind), p.purpose)
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(ID_ROLE, p.id)
                item.setToolTip(f"{p.number}: {p.purpose}")
                if p.open_items and col == 2:
                    item.setForeground(Qt.GlobalColor.darkRed)
                self.table.setItem(r, col, item)
            if p.id == keep:
                self.table.selectRow(r)
        self.table.blockSignals(False)
        if reminders:
            lines = []
            for rem in reminders[:4]:
                when = oslo_datetime(rem.starts_at)
                if rem.overdue:
                    lines.append(self.tr("• {0} ({1}): møtet har vært, men er ikke holdt").format(rem.number, when))
                else:
                    lines.append(self.tr("• {0} ({1}): %n punkt(er) ikke krysset av", "", len(rem.items))
                                 .format(rem.number, when))
            if len(reminders) > 4:
                lines.append(self.tr("… og {0} til").format(len(reminders) - 4))
            self.reminder_label.setText(self.tr("Påminnelser før møtet:") + "\n" + "\n".join(lines))
            self.reminder_label.setToolTip("\n".join(i18n.t(rem.text()) for rem in reminders))
        self.reminder_label.setVisible(bool(reminders))
        self.reminders = list(reminders)
        self.listed.emit(len(self.rows))

    def _selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return
        pid = self.table.item(rows[0].row(), 0).data(ID_ROLE)
        if self.current is not None and pid == self.current.id:
            return
        if self._dirty:
            self._fail(HmsError(self.tr("Du har endringer som ikke er lagret. Trykk «Lagre forberedelsen» "
                                        "eller «Forkast endringer» først.")))
            self._select_row_of(self.current.id if self.current is not None else None)
            return
        self.load(pid)

    def _select_row_of(self, pid: int | None) -> None:
        self.table.blockSignals(True)
        self.table.clearSelection()
        for r, p in enumerate(self.rows):
            if p.id == pid:
                self.table.selectRow(r)
        self.table.blockSignals(False)

    def select(self, number: str) -> bool:
        for r, p in enumerate(self.rows):
            if p.number == number:
                self.table.selectRow(r)
                return True
        return False

    def load(self, prep_id: int, pictures: bool = True) -> None:
        """Shows a preparation; ``pictures``: decrypt its drawings too (each opening is audited)."""
        service = self._service
        self._ops.query(self, lambda: (service.get(prep_id), service.thumbnails(prep_id) if pictures else None)) \
            .success(lambda res: self._show(*res)).failure(self._fail).run()

    def _reload(self, pictures: bool = False) -> None:
        if self.current is not None:
            self.load(self.current.id, pictures)

    # -- showing one preparation ---------------------------------------------------------------
    def new(self) -> None:
        """An empty form for a new preparation (nothing is stored until «Lagre»)."""
        if self._dirty:
            self._fail(HmsError(self.tr("Du har endringer som ikke er lagret. Trykk «Lagre forberedelsen» "
                                        "eller «Forkast endringer» først.")))
            return
        self._loading = True
        self.current = None
        self.title.setText(self.tr("Ny forberedelse"))
        self.kind.setCurrentIndex(0)
        self._set_when(_next_working_morning())
        self.duration.setValue(60)
        self.status_box.setCurrentIndex(0)
        for w in (self.purpose, self.questions, self.filming, self.dial_in, self.agenda):
            w.setPlainText("")
        for w in (self.angles, self.meeting_url, self.municipality):
            w.clear()
        self.user_takes_part.setChecked(False)
        self.consent_kind.setCurrentIndex(0)
        self.people.clear()
        self.candidates.setRowCount(0)
        self.pictures.clear()
        self.results.clear()
        for code, box in self.check_boxes.items():
            box.blockSignals(True)
            box.setChecked(False)
            box.blockSignals(False)
            self.check_labels[code].setText("")
        self._loading = False
        self._dirty = False
        self._enable()
        self.table.blockSignals(True)
        self.table.clearSelection()
        self.table.blockSignals(False)
        self.status.clear()

    def _set_when(self, wall: dt.datetime) -> None:
        self.when.setDateTime(QDateTime(QDate(wall.year, wall.month, wall.day), QTime(wall.hour, wall.minute)))

    def _when_utc(self) -> dt.datetime:
        d, t = self.when.date(), self.when.time()
        return from_oslo(dt.datetime(d.year(), d.month(), d.day(), t.hour(), t.minute()))

    def _show(self, view: PrepView, thumbs: list | None = None) -> None:
        self._loading = True
        self.current = view
        kinds, statuses = self._kind_texts(), self._status_texts()
        case = self.tr(" – sak {0}").format(view.case_number) if view.case_number else ""
        self.title.setText(f"{view.number} · {kinds.get(view.kind, view.kind)} · "
                           f"{statuses.get(view.status, view.status)}{case}")
        self.kind.setCurrentIndex(max(0, self.kind.findData(view.kind)))
        self._set_when(to_oslo(view.starts_at).replace(tzinfo=None))
        self.duration.setValue(view.duration_min)
        self.status_box.setCurrentIndex(max(0, self.status_box.findData(view.status)))
        for w, text in ((self.purpose, view.purpose), (self.questions, view.questions),
                        (self.filming, view.filming), (self.dial_in, "\n".join(view.dial_in)),
                        (self.agenda, view.agenda)):
            if w.toPlainText() != text:
                w.setPlainText(text)
        self.angles.setText(view.angles)
        self.meeting_url.setText(view.meeting_url)
        self.municipality.setText(view.municipality)
        self.user_takes_part.setChecked(view.user_takes_part)
        self.consent_kind.setCurrentIndex(max(0, self.consent_kind.findData(view.consent_kind)))
        if view.consent_kind:
            self.consent_by.setCurrentIndex(max(0, self.consent_by.findData(view.consent_given_by)))
            self.consent_scope.setCurrentIndex(max(0, self.consent_scope.findData(view.consent_scope)))
        self._show_people(view)
        self._show_checklist(view)
        self._show_candidates(view)
        if thumbs is not None:
            self._show_pictures(thumbs)
        else:                                   # pictures deleted meanwhile (documented, retention) go
            alive = {a.id for a in view.attachments}
            for i in reversed(range(self.pictures.count())):
                if self.pictures.item(i).data(ID_ROLE) not in alive:
                    self.pictures.takeItem(i)
        self._loading = False
        self._dirty = False
        self._enable()
        self.loaded.emit(view.id)

    def _show_people(self, view: PrepView) -> None:
        roles = self._role_texts()
        self.people.clear()
        for p in view.participants:
            text = roles.get(p.role, p.role) + (f" — {p.organisation}" if p.organisation else "")
            if p.holds_camera:
                text += self.tr(" (holder kameraet)")
            item = QListWidgetItem(text)
            item.setData(ID_ROLE, p.id)
            self.people.addItem(item)

    def _show_checklist(self, view: PrepView) -> None:
        shown = {c.code: c for c in view.checklist}
        for code, box in self.check_boxes.items():
            c = shown.get(code)
            box.blockSignals(True)
            box.setVisible(c is not None)
            self.check_labels[code].setVisible(c is not None)
            box.setChecked(bool(c and c.done))
            box.setEnabled(bool(c and c.applies) and view.editable)
            box.blockSignals(False)
            if c is None:
                continue
            if not c.applies:
                info = self.tr("Ikke aktuelt – brukeren deltar ikke")
            elif c.done:
                info = self.tr("{0}, {1}").format(c.done_by, oslo_datetime(c.done_at))
                if c.result:
                    info += " · " + self._result_line(c.result)
            else:
                info = self.tr("Ikke krysset av")
            self.check_labels[code].setText(info)

    def _show_candidates(self, view: PrepView) -> None:
        keep = self._current_candidate()
        keep_id = keep.id if keep is not None else None
        texts = self._candidate_texts()
        self.candidates.blockSignals(True)
        self.candidates.setRowCount(len(view.candidates))
        for r, c in enumerate(view.candidates):
            name = c.name + ("" if c.in_catalogue else self.tr(" (finnes ikke lenger i katalogen)"))
            if c.supplier:
                name += f" – {c.supplier}"
            cells = (c.hmsnr, name, texts.get(c.status, c.status), ", ".join(p.text() for p in c.parts) or "–")
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(ID_ROLE, c.id)
                if c.note:
                    item.setToolTip(c.note)
                self.candidates.setItem(r, col, item)
            if c.id == keep_id:
                self.candidates.selectRow(r)
        self.candidates.blockSignals(False)
        self._candidate_selected()

    def _show_pictures(self, thumbs: list) -> None:
        self.pictures.clear()
        kinds = {"tegning": self.tr("Tegning"), "bilde": self.tr("Bilde")}
        for n, (att, png) in enumerate(thumbs, start=1):
            icon = QIcon(QPixmap.fromImage(QImage.fromData(png)))
            label = f"{kinds.get(att.kind, att.kind)} {n}: {att.caption}"[:60]
            item = QListWidgetItem(icon, label)
            item.setData(ID_ROLE, att.id)
            item.setToolTip(self.tr("{0} – %n ansikt(er) sladdet", "", att.faces_blurred).format(att.caption))
            item.setData(Qt.ItemDataRole.AccessibleTextRole, label)
            self.pictures.addItem(item)

    def _enable(self) -> None:
        saved = self.current is not None
        editable = self.current is None or self.current.editable
        for w in (self.kind, self.when, self.duration, self.purpose, self.questions, self.filming, self.angles,
                  self.meeting_url, self.dial_in, self.agenda, self.municipality, self.user_takes_part,
                  self.consent_kind, self.save_button):
            w.setEnabled(editable)
        self._consent_enabled()
        self.status_box.setEnabled(saved and self.current.status != "documented")
        self.delete_button.setEnabled(saved and editable)
        self.discard_button.setEnabled(self._dirty)
        for g in self._groups:
            g.setEnabled(saved and editable)
        self.ics_button.setEnabled(saved)
        self.sheet_button.setEnabled(saved)
        self.print_button.setEnabled(saved)
        self.hold_button.setEnabled(saved and editable)

    def _consent_enabled(self) -> None:
        on = bool(self.consent_kind.currentData()) and self.consent_kind.isEnabled()
        self.consent_by.setEnabled(on)
        self.consent_scope.setEnabled(on)

    def _edited(self, *_a) -> None:
        if not self._loading:
            self._dirty = True
            self.discard_button.setEnabled(True)

    def _discard(self) -> None:
        self._dirty = False
        if self.current is not None:
            self._reload()
        else:
            self.new()

    # -- saving --------------------------------------------------------------------------------
    def form_input(self) -> PrepInput:
        return PrepInput(
            kind=self.kind.currentData(), starts_at=self._when_utc(), purpose=self.purpose.toPlainText(),
            duration_min=self.duration.value(), questions=self.questions.toPlainText(),
            filming=self.filming.toPlainText(), angles=self.angles.text(), meeting_url=self.meeting_url.text(),
            dial_in=tuple(line for line in self.dial_in.toPlainText().splitlines() if line.strip()),
            agenda=self.agenda.toPlainText(), municipality=self.municipality.text(),
            user_takes_part=self.user_takes_part.isChecked(), consent_kind=self.consent_kind.currentData() or "",
            consent_given_by=self.consent_by.currentData() if self.consent_kind.currentData() else "",
            consent_scope=self.consent_scope.currentData() if self.consent_kind.currentData() else "")

    def save(self) -> None:
        data = self.form_input()
        service = self._service
        if self.current is None:
            op = self._ops.mutate(self, service.create, data, changes=Change.PREPARATION)
        else:
            op = self._ops.mutate(self, service.update, self.current.id, data, changes=Change.PREPARATION)
        self.save_button.setEnabled(False)
        op.success(self._saved).failure(self._fail) \
            .finally_(lambda _ok: self.save_button.setEnabled(self.current is None or self.current.editable)).run()

    def _saved(self, view: PrepView) -> None:
        new = self.current is None
        self._dirty = False
        self._show(view, None if not new else [])
        self._ok(self.tr("Forberedelse {0} er laget.").format(view.number) if new
                 else self.tr("Forberedelse {0} er lagret.").format(view.number))
        self.saved.emit(view.id)
        self.refresh()

    def delete(self) -> None:
        if self.current is None:
            return
        pid = self.current.id
        self._ops.mutate(self, self._service.delete, pid, changes=Change.PREPARATION) \
            .success(lambda number: (self._ok(self.tr("Forberedelse {0} er slettet.").format(number)),
                                     self._forget())).failure(self._fail).run()

    def _forget(self) -> None:
        self._dirty = False
        self.new()
        self.refresh()

    def _set_status(self) -> None:
        if self.current is None:
            return
        status, previous = self.status_box.currentData(), self.current.status
        if status == previous:
            return

        def failed(exc: HmsError) -> None:
            self.status_box.setCurrentIndex(max(0, self.status_box.findData(previous)))
            self._fail(exc)
        self._ops.mutate(self, self._service.set_status, self.current.id, status, changes=Change.PREPARATION) \
            .success(lambda view: (self._show(view), self._ok(self.tr("Status: {0}.").format(
                self._status_texts().get(view.status, view.status))), self.refresh())) \
            .failure(failed).run()

    # -- participants ----------------------------------------------------------------------------
    def _add_participant(self) -> None:
        if self.current is None:
            return
        role, org, camera = self.role.currentData(), self.org.currentText().strip(), self.holds_camera.isChecked()

        def done(_pid) -> None:
            self.org.setCurrentText("")
            self.holds_camera.setChecked(False)
            self._ok(self.tr("Deltaker lagt til: {0}.").format(self.role.currentText()))
            self._reload()
        self._ops.mutate(self, self._service.add_participant, self.current.id, role, org, camera,
                         changes=Change.PREPARATION).success(done).failure(self._fail).run()

    def _remove_participant(self) -> None:
        item = self.people.currentItem()
        if item is None or self.current is None:
            self._fail(HmsError(self.tr("Velg deltakeren som skal fjernes.")))
            return
        self._ops.mutate(self, self._service.remove_participant, self.current.id, item.data(ID_ROLE),
                         changes=Change.PREPARATION).success(lambda _r: self._reload()).failure(self._fail).run()

    def _set_camera_holder(self) -> None:
        item = self.people.currentItem()
        if item is None or self.current is None:
            self._fail(HmsError(self.tr("Velg deltakeren som holder kameraet.")))
            return
        self._ops.mutate(self, self._service.set_camera_holder, self.current.id, item.data(ID_ROLE),
                         changes=Change.PREPARATION).success(lambda _r: self._reload()).failure(self._fail).run()

    # -- checklist -------------------------------------------------------------------------------
    def _tick(self, code: str, on: bool, result: dict | str | None = None) -> None:
        if self.current is None:
            return
        box = self.check_boxes[code]

        def failed(exc: HmsError) -> None:
            box.blockSignals(True)
            box.setChecked(not on)
            box.blockSignals(False)
            self._fail(exc)

        def done(check) -> None:
            self._ok(self.tr("«{0}» er krysset av.").format(box.text()) if check.done
                     else self.tr("«{0}» er ikke lenger krysset av.").format(box.text()))
            self._reload()
        self._ops.mutate(self, self._service.tick, self.current.id, code, on, result,
                         changes=Change.PREPARATION).success(done).failure(failed).run()

    def _precall(self) -> None:
        if self._run_precall is None or self.current is None:
            return
        pid = self.current.id
        self._ok(self.tr("Forhåndssjekken kjører – resultatet knyttes til sjekklisten når den er ferdig."))
        self._run_precall(lambda result: self.link_precall(result, pid))

    def link_precall(self, result: dict, prep_id: int | None = None) -> None:
        """The pre-call check's result ticks «Forhåndssjekk …» (who, when, the result)."""
        if self.current is None or (prep_id is not None and prep_id != self.current.id):
            return
        box = self.check_boxes["forhandssjekk"]
        box.blockSignals(True)
        box.setChecked(True)
        box.blockSignals(False)
        self._tick("forhandssjekk", True, result)

    # -- candidate products ------------------------------------------------------------------------
    def search_products(self) -> None:
        text = self.search.text().strip()
        if not text:
            self.results.clear()
            return
        self._ops.query(self, self._service.search_products, text).success(self._show_hits) \
            .failure(self._fail).run()

    def _show_hits(self, hits: list) -> None:
        self.hits = list(hits)
        self.results.clear()
        for h in self.hits:
            details = ", ".join(x for x in (h.supplier, f"ISO {h.iso_category}" if h.iso_category else "") if x)
            item = QListWidgetItem(f"{h.hmsnr}  {h.name}" + (f" ({details})" if details else "") + f" – {i18n.t(h.reason)}")
            item.setData(ID_ROLE, h.hmsnr)
            self.results.addItem(item)
        if self.hits:
            self.results.setCurrentRow(0)
        else:
            self.results.addItem(self.tr("Ingen treff"))
        self.searched.emit(len(self.hits))

    def add_candidate(self) -> None:
        item = self.results.currentItem()
        hmsnr = item.data(ID_ROLE) if item is not None else None
        if self.current is None or not hmsnr:
            self._fail(HmsError(self.tr("Velg et produkt i trefflisten.")))
            return

        def done(c) -> None:
            self._ok(self.tr("{0} {1} er lagt til.").format(c.hmsnr, c.name))
            self._reload()
        self._ops.mutate(self, self._service.add_candidate, self.current.id, hmsnr,
                         changes=Change.PREPARATION).success(done).failure(self._fail).run()

    def _current_candidate(self):
        if self.current is None:
            return None
        rows = self.candidates.selectionModel().selectedRows()
        if not rows:
            return None
        cid = self.candidates.item(rows[0].row(), 0).data(ID_ROLE)
        return next((c for c in self.current.candidates if c.id == cid), None)

    def _candidate_selected(self) -> None:
        c = self._current_candidate()
        for w in (self.cand_status, self.cand_note, self.cand_parts, self.save_product, self.remove_product):
            w.setEnabled(c is not None)
        if c is None:
            return
        self.cand_status.setCurrentIndex(max(0, self.cand_status.findData(c.status)))
        self.cand_note.setText(c.note)
        self.cand_parts.setPlainText("\n".join(
            (f"{p.hmsnr}:{p.qty}" if p.hmsnr else (f"{p.name}:{p.qty}" if p.qty != 1 else p.name)) for p in c.parts))

    def select_candidate(self, hmsnr: str) -> bool:
        for r in range(self.candidates.rowCount()):
            if self.candidates.item(r, 0).text() == hmsnr:
                self.candidates.selectRow(r)
                return True
        return False

    def _save_candidate(self) -> None:
        c = self._current_candidate()
        if c is None or self.current is None:
            self._fail(HmsError(self.tr("Velg et produkt i listen over aktuelle produkter.")))
            return
        parts = [line for line in self.cand_parts.toPlainText().splitlines() if line.strip()]
        self._ops.mutate(self, self._service.update_candidate, self.current.id, c.id,
                         self.cand_status.currentData(), self.cand_note.text(), parts, changes=Change.PREPARATION) \
            .success(lambda v: (self._ok(self.tr("{0} er lagret.").format(v.hmsnr)), self._reload())) \
            .failure(self._fail).run()

    def _remove_candidate(self) -> None:
        c = self._current_candidate()
        if c is None or self.current is None:
            return
        self._ops.mutate(self, self._service.remove_candidate, self.current.id, c.id, changes=Change.PREPARATION) \
            .success(lambda _r: self._reload()).failure(self._fail).run()

    # -- drawings and pictures -------------------------------------------------------------------------
    def import_drawing(self) -> None:
        """Choose a file (dialog first, on the GUI thread) → check (database) → read, anonymise,
        encrypt (CPU) → record (database)."""
        if self.current is None:
            return
        path = PrepFiles.ask(self, "drawing", "")
        if not path:
            return
        pid, service = self.current.id, self._service
        caption, kind = self.pic_caption.text(), self.pic_kind.currentData()
        self.import_button.setEnabled(False)
        self._ok(self.tr("Leser og anonymiserer {0} …").format(Path(path).name))
        self._ops.staged(
            self,
            db(lambda _: service.check_attachable(pid)),
            cpu(lambda _n: service.process_attachment(pid, read_file(path), Path(path).name, caption, kind)),
            db(service.commit_attachments),
            changes=Change.PREPARATION,
        ).success(self._imported).failure(self._fail) \
            .finally_(lambda _ok: self.import_button.setEnabled(True)).run()

    def _imported(self, views: list) -> None:
        faces = sum(v.faces_blurred for v in views)
        self.pic_caption.clear()
        self._ok(self.tr("%n bilde(r) importert", "", len(views)) + ", " +
                 self.tr("%n ansikt(er) sladdet.", "", faces))
        self.attachmentsAdded.emit(len(views))
        self._reload(pictures=True)

    def _delete_picture(self) -> None:
        item = self.pictures.currentItem()
        if item is None or self.current is None:
            self._fail(HmsError(self.tr("Velg bildet som skal slettes.")))
            return
        self._ops.mutate(self, self._service.delete_attachment, self.current.id, item.data(ID_ROLE),
                         changes=Change.PREPARATION) \
            .success(lambda _r: (self._ok(self.tr("Bildet er slettet.")), self._reload(pictures=True))) \
            .failure(self._fail).run()

    # -- documents and the meeting ---------------------------------------------------------------------
    def _unsaved_first(self) -> bool:
        if self._dirty:
            self._fail(HmsError(self.tr("Lagre endringene i skjemaet først, så dokumentet viser det du har skrevet.")))
            return True
        return False

    def export_ics(self) -> None:
        if self.current is None or self._unsaved_first():
            return
        path = PrepFiles.ask(self, "ics", str(self._service.suggested_path(self.current.number, ".ics")))
        if not path:
            return
        self._ops.mutate(self, self._service.write_ics, self.current.id, Path(path), changes=Change.DOCUMENT) \
            .success(lambda p: (self._ok(self.tr("Møteinvitasjonen er lagret: {0}").format(str(p))),
                                self.icsWritten.emit(str(p)))).failure(self._fail).run()

    def write_sheet(self) -> None:
        if self.current is None or self._unsaved_first():
            return
        path = PrepFiles.ask(self, "pdf", str(self._service.suggested_path(self.current.number, ".pdf")))
        if not path:
            return
        pid, service, target = self.current.id, self._service, Path(path)
        self.sheet_button.setEnabled(False)
        self._ops.staged(self, db(lambda _: service.sheet_data(pid)),
                         cpu(lambda data: (data, service.render_sheet(data, target))),
                         db(lambda pair: service.store_sheet(pid, pair[0], pair[1], target)),
                         changes=Change.DOCUMENT) \
            .success(lambda p: (self._ok(self.tr("Forberedelsesarket er lagret: {0}").format(str(p))),
                                self.sheetWritten.emit(str(p)))).failure(self._fail) \
            .finally_(lambda _ok: self.sheet_button.setEnabled(self.current is not None)).run()

    def print_sheet(self) -> None:
        """Compose (database), write and rasterise in a temporary folder (CPU), then — after the
        operation — the one print preview (``ui.print_preview``); audited when printed."""
        if self.current is None or self._unsaved_first():
            return
        import tempfile

        from hms_desk.ui.print_preview import PrintPreview, render_pdf_pages

        pid, number, service = self.current.id, self.current.number, self._service

        def render(data):
            with tempfile.TemporaryDirectory(prefix="hms-print-") as tmp:      # nothing left behind
                return render_pdf_pages(service.render_sheet_to(data, Path(tmp) / f"forberedelse-{number}.pdf"))

        def preview(pages) -> None:
            def done(printed: bool) -> None:
                if printed:
                    self._ops.mutate(self, service.record_printed, pid, changes=Change.DOCUMENT) \
                        .success(lambda _r: (self._ok(self.tr("Forberedelsesarket for {0} er sendt til skriveren.")
                                                      .format(number)), self.sheetPrinted.emit(number))) \
                        .failure(self._fail).run()
            PrintPreview.open(self, pages, self.tr("Forberedelsesark {0}").format(number), done)
        self.print_button.setEnabled(False)
        self._ops.staged(self, db(lambda _: service.sheet_data(pid)), cpu(render)) \
            .success(preview).failure(self._fail) \
            .finally_(lambda _ok: self.print_button.setEnabled(self.current is not None)).run()

    def hold(self) -> None:
        """«Hold møtet»: opens the case of the meeting carrying the preparation."""
        if self.current is None or self._unsaved_first():
            return
        if self._case_open is not None and self._case_open():
            self._fail(HmsError(self.tr("En sak er allerede åpen. Avslutt den før du holder møtet.")))
            return
        pid = self.current.id
        self.hold_button.setEnabled(False)

        def done(result) -> None:
            self._ok(self.tr("Møtet er holdt i sak {0}.").format(result.case_number))
            self._reload()
            self.refresh()
            self.caseOpened.emit(result.case_id, result.case_number)
        self._ops.mutate(self, self._service.hold, pid,
                         changes=lambda r: OpChanges(Change.PREPARATION | Change.CASE, r.case_id)) \
            .success(done).failure(self._fail) \
            .finally_(lambda ok: None if ok else self._enable()).run()

    def _on_changed(self, changes) -> None:
        if Change.PREPARATION in changes and self.isVisible() and not self._dirty:
            self.refresh()

    def _result_line(self, raw: str) -> str:
        """The pre-call check's stored result (JSON) as one short line."""
        try:
            d = json.loads(raw)
        except ValueError:
            return raw[:120]
        if not isinstance(d, dict):
            return raw[:120]
        head = self.tr("OK") if d.get("ok") else self.tr("ikke OK") if "ok" in d else ""
        return " · ".join(x for x in (head, str(d.get("format") or ""), str(d.get("quality") or "")) if x)[:160]
