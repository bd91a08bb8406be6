"""Deviations (*avvik*): report one, list them for internal control, export and print.

One dialog with two pages:

* **Meld avvik** — kind, direction, when, what happened, consequence, measures
  taken, reported by and to *as role and organisation* (roles from a list, so
  no name can be typed there), linked to the open case or standing alone.  The
  core checks every field for personal data (:class:`~hms_desk.services.deviations.DeviationService`);
  its message is shown beside the form, the field is marked, and everything
  typed stays.
* **Avviksliste** — deviations of one case, of the open case, or without a
  case, in a period, of a kind and a direction, newest first, with the count
  per kind; the selected one exported as PDF/A (a file the technician
  chooses), copied as plain text, or printed through the one printing service.

Reached from Vis → «Avvik …» (Ctrl+Shift+A) and from the case tab («Meld avvik …»).
Work runs as operations: create and export as mutations, the list as a query,
rendering on the CPU pool; dialogs open from the GUI only.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QDate, QDateTime, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QComboBox, QDateEdit, QDateTimeEdit, QDialog,
                               QFormLayout, QFrame, QGridLayout, QGroupBox, QHBoxLayout, QHeaderView, QLabel,
                               QLineEdit, QPushButton, QScrollArea, QTableWidget, QTableWidgetItem, QTabWidget,
                               QVBoxLayout, QWidget)

from hms_desk.documents.i18n import deviation_direction_text, deviation_kind_text, role_text
from hms_desk.documents.rendered import safe_name
from hms_desk.domain.errors import HmsError
from hms_desk.services.deviations import DIRECTIONS, KINDS, REPORT_ROLES, DeviationDraft, DeviationFilter
from hms_desk.ui.forms import (FIELD_ERROR_SHEET, SaveFile, fit_to_screen, labelled, mark_field, set_message,
                               text_box)
from hms_desk.ui.formats import local_datetime
from hms_desk.ui.ops import Change, Op, Operations, cpu, db

SCOPE_ALL, SCOPE_OPEN_CASE, SCOPE_CASE, SCOPE_STANDALONE = "alle", "åpen_sak", "sak", "uten_sak"


class DeviationForm(QWidget):
    """The report form; :meth:`draft` is what it holds, :meth:`submit` stores it."""

    created = Signal(object)          # DeviationDoc
    refused = Signal(str)             # the core's message (shown beside the form)

    def __init__(self, ops: Operations, deviations, lang: str = "nb", parent: QWidget | None = None):
        super().__init__(parent)
        self._ops = ops
        self._deviations = deviations
        self.lang = lang
        self.case_number: str | None = None
        self._marked: QWidget | None = None

        self.kind = QComboBox()
        for code in KINDS:
            self.kind.addItem(deviation_kind_text(code, lang), code)
        self.direction = QComboBox()
        for code in DIRECTIONS:
            self.direction.addItem(deviation_direction_text(code, lang), code)
        self.occurred = QDateTimeEdit()
        self.occurred.setCalendarPopup(True)
        self.occurred.setDisplayFormat("dd.MM.yyyy HH:mm")
        self.what = text_box("what_happened", self.tr("Hva skjedde? (ingen navn eller fødselsnummer)"), 84)
        self.consequence = text_box("consequence", self.tr("Hva ble følgen?"), 60)
        self.measures = text_box("measures", self.tr("Hva er gjort, og hva gjøres for at det ikke skjer igjen?"), 60)
        self.reporter_role = QComboBox()
        self.recipient_role = QComboBox()
        self.recipient_role.addItem(self.tr("(ingen)"), "")
        for code in REPORT_ROLES:
            self.reporter_role.addItem(role_text(code, lang), code)
            self.recipient_role.addItem(role_text(code, lang), code)
        self.reporter_role.setCurrentIndex(max(0, self.reporter_role.findData("hms-tekniker")))
        self.reporter_org = QLineEdit()
        self.reporter_org.setObjectName("reporter_org")
        self.reporter_org.setPlaceholderText(self.tr("Organisasjon, f.eks. NAV Hjelpemiddelsentral Oslo"))
        self.recipient_org = QLineEdit()
        self.recipient_org.setObjectName("recipient_org")
        self.recipient_org.setPlaceholderText(self.tr("Organisasjon, f.eks. Oslo kommune"))
        self.link_case = QCheckBox(self.tr("Knytt til åpen sak"))
        self.link_case.setEnabled(False)
        self.submit_button = QPushButton(self.tr("&Registrer avvik"))
        self.submit_button.setDefault(False)
        self.submit_button.setAutoDefault(False)
        self.message = QLabel()
        self.message.setObjectName("deviationFormMessage")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.hide()

        what = QGroupBox(self.tr("Avviket"))
        f = QFormLayout(what)
        f.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        labelled(f, self.tr("&Type:"), self.kind)
        labelled(f, self.tr("R&etning:"), self.direction)
        labelled(f, self.tr("&Når skjedde det:"), self.occurred)
        labelled(f, self.tr("&Hva skjedde:"), self.what)
        labelled(f, self.tr("&Konsekvens:"), self.consequence)
        labelled(f, self.tr("T&iltak:"), self.measures)
        who = QGroupBox(self.tr("Meldt av og til (rolle og organisasjon – aldri navn)"))
        g = QFormLayout(who)
        g.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        labelled(g, self.tr("Meldt &av (rolle):"), self.reporter_role)
        labelled(g, self.tr("Meldt av (&organisasjon):"), self.reporter_org)
        labelled(g, self.tr("Mel&dt til (rolle):"), self.recipient_role)
        labelled(g, self.tr("Meldt til (or&ganisasjon):"), self.recipient_org)
        g.addRow(self.link_case)

        body = QWidget()
        bl = QVBoxLayout(body)
        bl.addWidget(what)
        bl.addWidget(who)
        bl.addStretch(1)
        scroll = QScrollArea()
        scroll.setObjectName("deviationFormScroll")
        scroll.setWidget(body)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.scroll = scroll
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.submit_button)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(scroll, 1)
        lay.addWidget(self.message)
        lay.addLayout(bottom)

        self.submit_button.clicked.connect(self.submit)
        self.reset_time()
        for w in (self.what, self.consequence, self.measures):
            w.textChanged.connect(self._unmark)
        for w in (self.reporter_org, self.recipient_org):
            w.textChanged.connect(self._unmark)

    def reset_time(self) -> None:
        now = QDateTime.currentDateTime()
        self.occurred.setMaximumDateTime(now.addSecs(300))
        self.occurred.setDateTime(now)

    def refresh_time_limit(self) -> None:
        """The latest time that can be chosen is now (the form may have been open a while)."""
        self.occurred.setMaximumDateTime(QDateTime.currentDateTime().addSecs(300))

    def set_case(self, number: str | None, link: bool | None = None) -> None:
        """The open case (or None); ``link`` ticks «Knytt til åpen sak»."""
        self.case_number = number
        self.link_case.setEnabled(number is not None)
        self.link_case.setText(self.tr("Knytt til åpen sak {0}").format(number) if number
                               else self.tr("Ingen sak er åpen – avviket står alene"))
        if number is None:
            self.link_case.setChecked(False)
        elif link is not None:
            self.link_case.setChecked(link)

    def draft(self) -> DeviationDraft:
        occurred = self.occurred.dateTime().toPython()
        return DeviationDraft(
            kind=self.kind.currentData(), what_happened=self.what.toPlainText(),
            reporter_role=self.reporter_role.currentData(), consequence=self.consequence.toPlainText(),
            measures=self.measures.toPlainText(), reporter_org=self.reporter_org.text(),
            recipient_role=self.recipient_role.currentData(), recipient_org=self.recipient_org.text(),
            direction=self.direction.currentData(),
            occurred_at=occurred.replace(second=0, microsecond=0) if isinstance(occurred, dt.datetime) else None,
            case=self.case_number if self.link_case.isChecked() and self.case_number else None)

    def submit(self) -> Op:
        draft = self.draft()
        self.submit_button.setEnabled(False)
        return self._ops.mutate(self, self._deviations.create, draft, changes=Change.DOCUMENT) \
            .success(self._created).failure(self._refused) \
            .finally_(lambda _ok: self.submit_button.setEnabled(True)).run()

    def _created(self, doc) -> None:
        set_message(self.message, self.tr("Avvik {0} er registrert.").format(doc.number))
        for w in (self.what, self.consequence, self.measures):
            w.clear()
        self.reset_time()
        self.created.emit(doc)

    def _field_widget(self, field: str | None) -> QWidget | None:
        return {"kind": self.kind, "direction": self.direction, "occurred_at": self.occurred,
                "what_happened": self.what, "consequence": self.consequence, "measures": self.measures,
                "reporter_role": self.reporter_role, "reporter_org": self.reporter_org,
                "recipient_role": self.recipient_role, "recipient_org": self.recipient_org,
                "case": self.link_case}.get(field or "")

    def _refused(self, exc: HmsError) -> None:
        set_message(self.message, exc.message, "error")
        self._unmark()
        widget = self._field_widget(getattr(exc, "field", None))
        if widget is not None:
            mark_field(widget, True)
            self._marked = widget
            self.scroll.ensureWidgetVisible(widget)
            widget.setFocus()
        self.refused.emit(exc.message)

    def _unmark(self) -> None:
        if self._marked is not None:
            mark_field(self._marked, False)
            self._marked = None


class DeviationList(QWidget):
    """Deviations for internal control: filters, the list, the count per kind, export and print."""

    listed = Signal(int)
    exported = Signal(str)            # path
    copied = Signal(str)              # text on the clipboard
    printed = Signal(str)             # deviation number
    failed = Signal(str)

    COLUMNS = 7

    def __init__(self, ops: Operations, deviations, printing, lang: str = "nb", exports_dir: Path | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self._ops = ops
        self._deviations = deviations
        self._printing = printing
        self.lang = lang
        self._exports = Path(exports_dir) if exports_dir is not None else Path.home()
        self.items: list = []
        self.open_case: str | None = None

        self.scope = QComboBox()
        self.scope.addItem(self.tr("Alle avvik"), SCOPE_ALL)
        self.scope.addItem(self.tr("Den åpne saken"), SCOPE_OPEN_CASE)
        self.scope.addItem(self.tr("Sak med nummer:"), SCOPE_CASE)
        self.scope.addItem(self.tr("Avvik uten sak"), SCOPE_STANDALONE)
        self.case_number = QLineEdit()
        self.case_number.setPlaceholderText(self.tr("Saksnummer"))
        self.case_number.setAccessibleName(self.tr("Saksnummer"))
        self.case_number.setEnabled(False)
        self.period = QCheckBox(self.tr("&Periode:"))
        self.since = QDateEdit()
        self.until = QDateEdit()
        for w, name in ((self.since, self.tr("Fra dato")), (self.until, self.tr("Til dato"))):
            w.setCalendarPopup(True)
            w.setDisplayFormat("dd.MM.yyyy")
            w.setAccessibleName(name)
            w.setEnabled(False)
        today = QDate.currentDate()
        self.since.setDate(today.addDays(-30))
        self.until.setDate(today)
        self.kind = QComboBox()
        self.kind.addItem(self.tr("Alle typer"), None)
        for code in KINDS:
            self.kind.addItem(deviation_kind_text(code, lang), code)
        self.direction = QComboBox()
        self.direction.addItem(self.tr("Alle retninger"), None)
        for code in DIRECTIONS:
            self.direction.addItem(deviation_direction_text(code, lang), code)
        self.refresh_button = QPushButton(self.tr("&Vis"))

        filters = QGroupBox(self.tr("Utvalg"))
        fl = QGridLayout(filters)
        scope_label = QLabel(self.tr("&Sak:"))
        scope_label.setBuddy(self.scope)
        self.scope.setAccessibleName(self.tr("Sak"))
        fl.addWidget(scope_label, 0, 0)
        fl.addWidget(self.scope, 0, 1)
        fl.addWidget(self.case_number, 0, 2)
        fl.addWidget(self.period, 1, 0)
        fl.addWidget(self.since, 1, 1)
        fl.addWidget(self.until, 1, 2)
        kind_label = QLabel(self.tr("T&ype:"))
        kind_label.setBuddy(self.kind)
        self.kind.setAccessibleName(self.tr("Type avvik"))
        fl.addWidget(kind_label, 2, 0)
        fl.addWidget(self.kind, 2, 1)
        direction_label = QLabel(self.tr("Re&tning:"))
        direction_label.setBuddy(self.direction)
        self.direction.setAccessibleName(self.tr("Retning"))
        fl.addWidget(direction_label, 3, 0)
        fl.addWidget(self.direction, 3, 1)
        fl.addWidget(self.refresh_button, 3, 2)
        fl.setColumnStretch(1, 1)
        fl.setColumnStretch(2, 1)

        self.table = QTableWidget(0, self.COLUMNS)
        self.table.setObjectName("deviationTable")
        self.table.setAccessibleName(self.tr("Avvik"))
        self.table.setHorizontalHeaderLabels([self.tr("Nummer"), self.tr("Skjedde"), self.tr("Type"),
                                              self.tr("Retning"), self.tr("Sak"), self.tr("Meldt av"),
                                              self.tr("Meldt til")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.counts = QLabel()
        self.counts.setObjectName("deviationCounts")
        self.counts.setWordWrap(True)
        self.message = QLabel()
        self.message.setObjectName("deviationListMessage")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.hide()
        self.export_button = QPushButton(self.tr("&Eksporter PDF/A …"))
        self.copy_button = QPushButton(self.tr("&Kopier som tekst"))
        self.print_button = QPushButton(self.tr("Skriv &ut …"))
        self.copy_list_button = QPushButton(self.tr("Kopier liste&n"))
        self.copy_list_button.setToolTip(self.tr("Hele utvalget som tekst, én linje per avvik"))
        buttons = QHBoxLayout()
        for b in (self.export_button, self.copy_button, self.print_button):
            b.setAutoDefault(False)
            buttons.addWidget(b)
        buttons.addStretch(1)
        self.copy_list_button.setAutoDefault(False)
        self.refresh_button.setAutoDefault(False)
        buttons.addWidget(self.copy_list_button)

        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(filters)
        lay.addWidget(self.table, 1)
        lay.addWidget(self.counts)
        lay.addWidget(self.message)
        lay.addLayout(buttons)

        self.scope.currentIndexChanged.connect(self._scope_changed)
        self.period.toggled.connect(self._period_toggled)
        for w in (self.kind, self.direction):
            w.currentIndexChanged.connect(lambda _i: self.refresh())
        self.refresh_button.clicked.connect(self.refresh)
        self.case_number.returnPressed.connect(self.refresh)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.export_button.clicked.connect(self.export_pdf)
        self.copy_button.clicked.connect(self.copy_text)
        self.print_button.clicked.connect(self.print_selected)
        self.copy_list_button.clicked.connect(self.copy_list)
        self._selection_changed()

    # -- filters -------------------------------------------------------------------------
    def set_open_case(self, number: str | None) -> None:
        self.open_case = number
        index = self.scope.findData(SCOPE_OPEN_CASE)
        self.scope.setItemText(index, self.tr("Den åpne saken ({0})").format(number) if number
                               else self.tr("Den åpne saken (ingen)"))

    def _scope_changed(self, _index: int) -> None:
        self.case_number.setEnabled(self.scope.currentData() == SCOPE_CASE)
        if self.scope.currentData() == SCOPE_CASE:
            self.case_number.setFocus()
        else:
            self.refresh()

    def _period_toggled(self, on: bool) -> None:
        self.since.setEnabled(on)
        self.until.setEnabled(on)
        self.refresh()

    def set_period(self, since: dt.date | None, until: dt.date | None) -> None:
        """A period for the list (None, None: all time)."""
        on = since is not None or until is not None
        if since is not None:
            self.since.setDate(QDate(since.year, since.month, since.day))
        if until is not None:
            self.until.setDate(QDate(until.year, until.month, until.day))
        if self.period.isChecked() == on:
            self.refresh()
        self.period.setChecked(on)

    def current_filter(self) -> DeviationFilter | None:
        scope = self.scope.currentData()
        case = None
        standalone = None
        if scope == SCOPE_OPEN_CASE:
            if not self.open_case:
                set_message(self.message, self.tr("Ingen sak er åpen."), "error")
                return None
            case = self.open_case
        elif scope == SCOPE_CASE:
            case = self.case_number.text().strip()
            if not case:
                set_message(self.message, self.tr("Skriv saksnummeret."), "error")
                self.case_number.setFocus()
                return None
        elif scope == SCOPE_STANDALONE:
            standalone = True
        since = until = None
        if self.period.isChecked():
            since, until = self.since.date().toPython(), self.until.date().toPython()
            if since > until:
                set_message(self.message, self.tr("«Fra» må være før «til»."), "error")
                return None
        return DeviationFilter(case=case, since=since, until=until, kind=self.kind.currentData(),
                               direction=self.direction.currentData(), standalone=standalone)

    def refresh(self) -> Op | None:
        flt = self.current_filter()
        if flt is None:
            return None
        return self._ops.query(self, self._deviations.list, flt).success(self._show).failure(self._failed).run()

    def _show(self, items: list) -> None:
        set_message(self.message, "")
        self.items = list(items)
        self.table.setRowCount(len(self.items))
        for r, d in enumerate(self.items):
            when = local_datetime(d.occurred_at or d.reported_at, self.lang)
            by = role_text(d.reporter_role, self.lang) + (f" ({d.reporter_org})" if d.reporter_org else "")
            to = (role_text(d.recipient_role, self.lang) + (f" ({d.recipient_org})" if d.recipient_org else "")
                  if d.recipient_role or d.recipient_org else "–")
            cells = (d.number, when, deviation_kind_text(d.kind, self.lang),
                     deviation_direction_text(d.direction, self.lang), d.case_number or "–", by, to)
            for c, text in enumerate(cells):
                self.table.setItem(r, c, QTableWidgetItem(text))
        counts: dict[str, int] = {}
        for d in self.items:
            counts[d.kind] = counts.get(d.kind, 0) + 1
        parts = [f"{deviation_kind_text(k, self.lang)}: {n}" for k, n in sorted(counts.items(), key=lambda kv: -kv[1])]
        self.counts.setText(self.tr("%n avvik i utvalget", "", len(self.items)) + (" — " + ", ".join(parts)
                                                                                   if parts else ""))
        if self.items:
            self.table.selectRow(0)
        self._selection_changed()
        self.listed.emit(len(self.items))

    def select(self, number: str) -> bool:
        for r, d in enumerate(self.items):
            if d.number == number:
                self.table.selectRow(r)
                return True
        return False

    def selected_number(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        return self.items[rows[0].row()].number if rows and rows[0].row() < len(self.items) else None

    def _selection_changed(self) -> None:
        on = self.selected_number() is not None
        for b in (self.export_button, self.copy_button, self.print_button):
            b.setEnabled(on)
        self.copy_list_button.setEnabled(bool(self.items))

    def _failed(self, exc: HmsError) -> None:
        set_message(self.message, exc.message, "error")
        self.failed.emit(exc.message)

    # -- export, copy, print ---------------------------------------------------------------
    def _staged(self, number: str, fmt: str, path: Path | None, write: bool) -> Op:
        from hms_desk.documents.deviation_doc import render_deviation

        service, lang = self._deviations, self.lang
        return self._ops.staged(
            self, db(lambda _: service.document(number)),
            cpu(lambda doc: (doc, render_deviation(doc, fmt, lang))),
            db(lambda pair: (pair[1], service.store(pair[0], pair[1], path, write=write))),
            changes=Change.DOCUMENT)

    def export_pdf(self) -> Op | None:
        number = self.selected_number()
        if number is None:
            return None
        path = SaveFile.ask(self, self.tr("Eksporter avvik (PDF/A)"), self._exports / safe_name("avvik", number, "pdf"),
                            self.tr("PDF/A (*.pdf)"))
        if not path:
            return None

        def done(result) -> None:
            _rendered, target = result
            set_message(self.message, self.tr("Avviket er lagret: {0}").format(str(target)))
            self.exported.emit(str(target))
        return self._staged(number, "pdf", Path(path), True).success(done).failure(self._failed).run()

    def copy_text(self) -> Op | None:
        number = self.selected_number()
        if number is None:
            return None

        def done(result) -> None:
            rendered, _ = result
            QGuiApplication.clipboard().setText(rendered.text)
            set_message(self.message, self.tr("Avvik {0} er kopiert som tekst.").format(number))
            self.copied.emit(rendered.text)
        return self._staged(number, "text", None, False).success(done).failure(self._failed).run()

    def copy_list(self) -> None:
        from hms_desk.documents.deviation_doc import render_deviation_list_text

        text = render_deviation_list_text(self.items, self.lang)
        QGuiApplication.clipboard().setText(text)
        set_message(self.message, self.tr("Listen er kopiert som tekst."))
        self.copied.emit(text)

    def print_selected(self) -> Op | None:
        from hms_desk.ui.printing import deviation_job

        number = self.selected_number()
        if number is None:
            return None

        def printed(_kind: str, n: str) -> None:
            set_message(self.message, self.tr("Avvik {0} er sendt til skriveren.").format(n))
            self.printed.emit(n)
        return self._printing.print_job(self, deviation_job(self._deviations, number, self.lang,
                                                            self.tr("Avvik {0}").format(number)),
                                        on_printed=printed, on_failure=self._failed)


class DeviationsDialog(QDialog):
    """«Avvik»: the form and the list, side by side as two tabs (non-modal)."""

    def __init__(self, ops: Operations, deviations, printing, lang: str = "nb", exports_dir: Path | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("deviationsDialog")
        self.setWindowTitle(self.tr("Avvik"))
        self.setStyleSheet(FIELD_ERROR_SHEET)
        self.form = DeviationForm(ops, deviations, lang)
        self.list = DeviationList(ops, deviations, printing, lang, exports_dir)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("deviationTabs")
        self.tabs.setAccessibleName(self.tr("Avvik"))
        self.tab_form = self.tabs.addTab(self.form, self.tr("&Meld avvik"))
        self.tab_list = self.tabs.addTab(self.list, self.tr("Avviks&liste"))
        self.close_button = QPushButton(self.tr("Lukk"))
        self.close_button.setAutoDefault(False)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.close_button)
        lay = QVBoxLayout(self)
        lay.addWidget(self.tabs, 1)
        lay.addLayout(bottom)
        self.close_button.clicked.connect(self.close)
        self.form.created.connect(self._created)
        self.tabs.currentChanged.connect(lambda i: self.list.refresh() if i == self.tab_list else None)
        fit_to_screen(self, 900, 720)

    def set_case(self, number: str | None, link: bool | None = None) -> None:
        self.form.set_case(number, link)
        self.list.set_open_case(number)

    def case_changed(self, case) -> None:
        """The open case changed (a CaseRef or None)."""
        self.set_case(case.number if case is not None else None)

    def show_form(self) -> None:
        self.form.refresh_time_limit()
        self.tabs.setCurrentIndex(self.tab_form)
        self.form.what.setFocus()

    def show_list(self) -> None:
        self.tabs.setCurrentIndex(self.tab_list)
        self.list.table.setFocus()

    def _created(self, doc) -> None:
        if self.tabs.currentIndex() == self.tab_list:
            self.list.refresh()


__all__ = ["DeviationForm", "DeviationList", "DeviationsDialog"]
