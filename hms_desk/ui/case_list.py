"""Cases and orders: open and closed cases by date, device and status; each case's orders
(or all orders) with their status history.  An open case can be resumed from here."""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QHBoxLayout, QHeaderView, QLabel, QLineEdit,
                               QPushButton, QSplitter, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from hms_desk.documents.i18n import order_status_text
from hms_desk.domain.i18n import current_language, t
from hms_desk.ui.formats import local_date, local_datetime
from hms_desk.ui.ops import Change, Operations

CASE_ROLE = Qt.ItemDataRole.UserRole + 2


class CaseListPanel(QWidget):
    resumeRequested = Signal(int)      # case id
    listed = Signal(int)               # number of cases shown (tests wait on it)
    ordersListed = Signal(int)

    def __init__(self, ops: Operations, list_cases: Callable, list_orders: Callable, parent: QWidget | None = None):
        super().__init__(parent)
        self._ops = ops
        self._list_cases = list_cases
        self._list_orders = list_orders
        self.cases: list = []
        self.orders: list = []

        self.status = QComboBox()
        self.status.setAccessibleName(self.tr("Vis saker"))
        self.status.addItem(self.tr("Åpne saker"), "open")
        self.status.addItem(self.tr("Lukkede saker"), "closed")
        self.status.addItem(self.tr("Alle saker"), None)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Saksnummer, HMS-nr eller serienr"))
        self.search.setAccessibleName(self.tr("Søk i saker"))
        self.search.setClearButtonEnabled(True)
        self.refresh_button = QPushButton(self.tr("&Oppdater"))

        self.table = QTableWidget(0, 5)
        self.table.setObjectName("caseTable")
        self.table.setAccessibleName(self.tr("Saker"))
        self.table.setHorizontalHeaderLabels([self.tr("Sak"), self.tr("Startet"), self.tr("Status"),
                                              self.tr("Hjelpemidler"), self.tr("Bilder/bestillinger")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.resume_button = QPushButton(self.tr("&Gjenoppta sak"))
        self.resume_button.setEnabled(False)
        self.all_orders_button = QPushButton(self.tr("Alle &bestillinger"))
        self.all_orders_button.setToolTip(self.tr("Vis alle bestillinger, ikke bare den valgte sakens"))

        self.orders_title = QLabel(self.tr("Bestillinger"))
        self.orders_table = QTableWidget(0, 6)
        self.orders_table.setObjectName("orderTable")
        self.orders_table.setAccessibleName(self.tr("Bestillinger med statushistorikk"))
        self.orders_table.setHorizontalHeaderLabels([self.tr("Bestilling"), self.tr("Hjelpemiddel"),
                                                     self.tr("Opprettet"), self.tr("Status"),
                                                     self.tr("Linjer"), self.tr("Historikk")])
        self.orders_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.orders_table.setTabKeyNavigation(False)
        self.orders_table.setWordWrap(True)
        self.orders_table.verticalHeader().hide()
        self.orders_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.orders_table.horizontalHeader().setStretchLastSection(True)

        top = QHBoxLayout()
        top.addWidget(self.status)
        top.addWidget(self.search, 1)
        top.addWidget(self.refresh_button)
        buttons = QHBoxLayout()
        buttons.addWidget(self.resume_button)
        buttons.addStretch(1)
        buttons.addWidget(self.all_orders_button)
        cases_box = QWidget()
        cl = QVBoxLayout(cases_box)
        cl.setContentsMargins(0, 0, 0, 0)
        cl.addLayout(top)
        cl.addWidget(self.table)
        cl.addLayout(buttons)
        orders_box = QWidget()
        ol = QVBoxLayout(orders_box)
        ol.setContentsMargins(0, 0, 0, 0)
        ol.addWidget(self.orders_title)
        ol.addWidget(self.orders_table)
        split = QSplitter(Qt.Orientation.Vertical)
        split.setChildrenCollapsible(False)
        split.addWidget(cases_box)
        split.addWidget(orders_box)
        lay = QVBoxLayout(self)
        lay.addWidget(split)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(250)
        self._debounce.timeout.connect(self.refresh)
        self.search.textChanged.connect(lambda _t: self._debounce.start())
        self.status.currentIndexChanged.connect(lambda _i: self.refresh())
        self.refresh_button.clicked.connect(self.refresh)
        self.table.itemSelectionChanged.connect(self._selected)
        self.table.itemActivated.connect(lambda _item: self._resume())
        self.resume_button.clicked.connect(self._resume)
        self.all_orders_button.clicked.connect(lambda: self.show_orders(None))
        ops.changed.connect(self._on_changed)

    # -- cases ----------------------------------------------------------------------
    def refresh(self) -> None:
        self._debounce.stop()
        status, text = self.status.currentData(), self.search.text()
        self._ops.query(self, self._list_cases, status, text).success(self._show).run()

    def _show(self, cases: list) -> None:
        self.cases = list(cases)
        self.table.setRowCount(len(self.cases))
        for r, c in enumerate(self.cases):
            devices = ", ".join(f"{h}/{s}" for h, s in c.devices) or "–"
            status = self.tr("åpen") if c.status == "open" else self.tr("lukket")
            cells = (c.number, local_datetime(c.started_at), status, devices, f"{c.pictures} / {c.orders}")
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(CASE_ROLE, c.id)
                self.table.setItem(r, col, item)
        self.resume_button.setEnabled(False)
        self.listed.emit(len(self.cases))

    def _current(self):
        rows = self.table.selectionModel().selectedRows()
        return self.cases[rows[0].row()] if rows else None

    def _selected(self) -> None:
        case = self._current()
        self.resume_button.setEnabled(case is not None and case.status == "open")
        if case is not None:
            self.show_orders(case.id, case.number)

    def _resume(self) -> None:
        case = self._current()
        if case is not None and case.status == "open":
            self.resumeRequested.emit(case.id)

    def select_case(self, number: str) -> bool:
        for r, c in enumerate(self.cases):
            if c.number == number:
                self.table.selectRow(r)
                return True
        return False

    # -- orders ---------------------------------------------------------------------
    def show_orders(self, case_id: int | None, number: str = "") -> None:
        self.orders_title.setText(self.tr("Bestillinger i sak {0}").format(number) if case_id is not None
                                  else self.tr("Alle bestillinger"))
        self._orders_for = case_id
        self._ops.query(self, self._list_orders, case_id).success(self._show_orders).run()

    def _show_orders(self, orders: list) -> None:
        self.orders = list(orders)
        self.orders_table.setRowCount(len(self.orders))
        for r, o in enumerate(self.orders):
            history = " → ".join(f"{order_status_text(h.status, current_language())} {local_datetime(h.at)}"
                                 for h in o.history)
            lines = "\n".join(self._line_text(line) for line in o.lines)
            cells = (o.number, f"{o.hmsnr}/{o.serial}", local_datetime(o.created_at), t(o.status_text), lines, history)
            for col, text in enumerate(cells):
                self.orders_table.setItem(r, col, QTableWidgetItem(text))
        self.orders_table.resizeRowsToContents()
        self.ordersListed.emit(len(self.orders))

    def _line_text(self, line) -> str:
        """«2 × Hjul luft … — Plukket på lager, forventet levering 02.12.2026» (NAV's texts per line)."""
        text = f"{line.quantity} × {line.description}"
        status = getattr(line, "status_text", "")
        expected = getattr(line, "expected_delivery", None)
        if status:
            text += f" — {status}"
        if expected is not None:
            text += " " + self.tr("(forventet levering {0})").format(local_date(expected))
        return text

    def _on_changed(self, changes) -> None:
        if changes.kinds & (Change.CASE | Change.ORDER | Change.SNAPSHOT | Change.DEVICE) and self.isVisible():
            self.refresh()
