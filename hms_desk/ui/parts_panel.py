"""Parts assistant panel: the parts that fit the looked-up device, and the order."""

from __future__ import annotations

import uuid
from typing import Awaitable, Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QCheckBox, QComboBox, QHBoxLayout, QHeaderView, QLabel, QLineEdit,
                               QPushButton, QSpinBox, QTableWidget, QTableWidgetItem, QTreeWidget,
                               QTreeWidgetItem, QVBoxLayout, QWidget)

from hms_desk.domain.errors import HmsError
from hms_desk.services.lookup import DeviceCard
from hms_desk.ui.ops import Op

PART_ROLE = Qt.ItemDataRole.UserRole + 1


class PartsPanel(QWidget):
    partsLoaded = Signal(int)
    orderCreated = Signal(str)          # order number
    orderRefused = Signal(list)         # list of Norwegian messages

    def __init__(self, run_db: Callable[..., Awaitable], load_parts: Callable, create_order: Callable,
                 make_draft: Callable, parent: QWidget | None = None):
        super().__init__(parent)
        self._run_db = run_db
        self._load_parts = load_parts
        self._create_order = create_order
        self._make_draft = make_draft
        self.device: DeviceCard | None = None
        self.case_id: int | None = None
        self.snapshot_id: int | None = None
        self._parts: list = []
        self._request_key = uuid.uuid4().hex

        self.header = QLabel(self.tr("Slå opp et hjelpemiddel for å se delene som passer."))
        self.header.setWordWrap(True)
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(self.tr("Søk i deler (navn, HMS-nr, lev.art.nr)"))
        self.filter.setClearButtonEnabled(True)
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels([self.tr("Del"), self.tr("HMS-nr"), self.tr("Lev.art.nr"), self.tr("Std/maks")])
        self.tree.header().setStretchLastSection(False)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in (1, 2, 3):
            self.tree.header().setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.qty = QSpinBox()
        self.qty.setRange(1, 4)
        self.add_button = QPushButton(self.tr("&Legg til i bestilling"))
        self.add_button.setEnabled(False)

        self.lines = QTableWidget(0, 4)
        self.lines.setHorizontalHeaderLabels([self.tr("HMS-nr"), self.tr("Beskrivelse"), self.tr("Antall"), ""])
        self.lines.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for col in (0, 2, 3):
            self.lines.horizontalHeader().setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.lines.verticalHeader().hide()
        self.battery_ok = QCheckBox(self.tr("Teknikeren har opplæring i batteribytte"))
        self.delivery = QComboBox()
        self.delivery.addItem(self.tr("Til kommunens lager"), "kommunelager")
        self.delivery.addItem(self.tr("Til servicejobben"), "servicejobb")
        self.send_button = QPushButton(self.tr("&Send bestilling"))
        self.send_button.setEnabled(False)
        self.violations = QLabel()
        self.violations.setObjectName("orderViolations")
        self.violations.setWordWrap(True)
        self.violations.setStyleSheet("color: #b00020;")
        self.result = QLabel()
        self.result.setWordWrap(True)

        add_row = QHBoxLayout()
        add_row.addWidget(QLabel(self.tr("Antall:")))
        add_row.addWidget(self.qty)
        add_row.addStretch(1)
        add_row.addWidget(self.add_button)
        send_row = QHBoxLayout()
        send_row.addWidget(QLabel(self.tr("Levering:")))
        send_row.addWidget(self.delivery)
        send_row.addStretch(1)
        send_row.addWidget(self.send_button)

        lay = QVBoxLayout(self)
        lay.addWidget(self.header)
        lay.addWidget(self.filter)
        lay.addWidget(self.tree, 3)
        lay.addLayout(add_row)
        lay.addWidget(QLabel(self.tr("Bestillingslinjer:")))
        lay.addWidget(self.lines, 2)
        lay.addWidget(self.battery_ok)
        lay.addLayout(send_row)
        lay.addWidget(self.violations)
        lay.addWidget(self.result)

        self.filter.textChanged.connect(self._fill_tree)
        self.tree.currentItemChanged.connect(self._on_select)
        self.tree.itemActivated.connect(lambda *_: self.add_selected())
        self.add_button.clicked.connect(self.add_selected)
        self.send_button.clicked.connect(self.send)

    # -- device and parts ----------------------------------------------------
    def set_case(self, case_id: int | None) -> None:
        self.case_id = case_id

    def set_device(self, card: DeviceCard) -> None:
        self.device = card
        self.header.setText(self.tr("Deler til {0} ({1}/{2}) — laster …").format(card.product_name, card.hmsnr, card.serial))
        Op(self, self._run_db, self._load_parts, card.hmsnr, card.iso_category or None) \
            .success(self._parts_loaded).failure(lambda e: self.header.setText(e.message)).run()

    def _parts_loaded(self, parts: list) -> None:
        self._parts = parts
        d = self.device
        self.header.setText(self.tr("{0} deler passer til {1} ({2})").format(len(parts), d.product_name, d.hmsnr))
        self._fill_tree()
        self.partsLoaded.emit(len(parts))

    def _fill_tree(self) -> None:
        text = self.filter.text().strip().lower()
        self.tree.clear()
        groups: dict[str, QTreeWidgetItem] = {}
        for p in self._parts:
            if text and text not in p.name.lower() and text not in p.hmsnr and text not in (p.supplier_ref or "").lower():
                continue
            g = groups.get(p.category)
            if g is None:
                g = groups[p.category] = QTreeWidgetItem([p.category])
                g.setFlags(g.flags() & ~Qt.ItemFlag.ItemIsSelectable)
                self.tree.addTopLevelItem(g)
            it = QTreeWidgetItem([p.name, p.hmsnr, p.supplier_ref or "", f"{p.default_qty}/{p.max_qty}"])
            it.setData(0, PART_ROLE, p)
            g.addChild(it)
        for g in groups.values():
            g.setText(0, f"{g.text(0)} ({g.childCount()})")
        self.tree.expandAll()

    def _on_select(self, item: QTreeWidgetItem | None, _prev=None) -> None:
        part = item.data(0, PART_ROLE) if item else None
        self.add_button.setEnabled(part is not None)
        if part is not None:
            self.qty.setRange(1, part.max_qty)
            self.qty.setValue(part.default_qty)

    def select_part(self, hmsnr: str) -> bool:
        for i in range(self.tree.topLevelItemCount()):
            g = self.tree.topLevelItem(i)
            for j in range(g.childCount()):
                if g.child(j).text(1) == hmsnr:
                    self.tree.setCurrentItem(g.child(j))
                    return True
        return False

    # -- order lines -----------------------------------------------------------
    def add_selected(self) -> None:
        item = self.tree.currentItem()
        part = item.data(0, PART_ROLE) if item else None
        if part is None:
            return
        row = self.lines.rowCount()
        self.lines.insertRow(row)
        hm = QTableWidgetItem(part.hmsnr)
        hm.setData(PART_ROLE, part)
        self.lines.setItem(row, 0, hm)
        self.lines.setItem(row, 1, QTableWidgetItem(part.name))
        spin = QSpinBox()
        spin.setRange(1, part.max_qty)
        spin.setValue(self.qty.value())
        self.lines.setCellWidget(row, 2, spin)
        remove = QPushButton(self.tr("Fjern"))
        remove.clicked.connect(lambda: self._remove_row(hm))
        self.lines.setCellWidget(row, 3, remove)
        self.send_button.setEnabled(self.device is not None)

    def _remove_row(self, hm_item: QTableWidgetItem) -> None:
        self.lines.removeRow(self.lines.row(hm_item))
        self.send_button.setEnabled(self.lines.rowCount() > 0)

    def draft_lines(self) -> list[tuple]:
        out = []
        for r in range(self.lines.rowCount()):
            part = self.lines.item(r, 0).data(PART_ROLE)
            out.append((part, self.lines.cellWidget(r, 2).value()))
        return out

    def send(self) -> None:
        if self.device is None or not self.send_button.isEnabled():
            return
        self.send_button.setEnabled(False)     # a double click makes one order
        draft = self._make_draft(self.device, self.draft_lines(), self.delivery.currentData(),
                                 self.battery_ok.isChecked(), self.case_id, self.snapshot_id, self._request_key)
        self.violations.setText("")
        Op(self, self._run_db, self._create_order, draft).success(self._created).failure(self._refused).run()

    def _created(self, result) -> None:
        number = result.order.number
        self.result.setText(self.tr("Bestilling {0} er sendt.").format(number))
        self.lines.setRowCount(0)
        self._request_key = uuid.uuid4().hex
        self.orderCreated.emit(number)

    def _refused(self, exc: HmsError) -> None:
        msgs = [getattr(v, "message", str(v)) for v in getattr(exc, "violations", [])] or [exc.message]
        self.violations.setText("\n".join(msgs))
        self.send_button.setEnabled(self.lines.rowCount() > 0)
        self.orderRefused.emit(msgs)
