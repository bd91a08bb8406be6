"""The order lines table: a Qt view of the core's :class:`OrderDraftBuilder`.

Quantities are edited in place with a spin box bounded by the line's maximum;
the model asks the builder (NAV's rule code) before it changes anything.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QSpinBox, QStyledItemDelegate, QWidget

from hms_desk.parts.draft import OrderDraftBuilder, Refusal

COL_HMSNR, COL_REF, COL_DESC, COL_QTY, COL_NOTE = range(5)
ERROR_COLOUR = QColor("#b00020")


class OrderLinesModel(QAbstractTableModel):
    linesChanged = Signal()            # rows added, removed or quantities changed
    quantityRefused = Signal(str)      # Norwegian reason

    def __init__(self, builder: OrderDraftBuilder, parent=None):
        super().__init__(parent)
        self.builder = builder
        self._headers = [self.tr("HMS-nr"), self.tr("Lev.art.nr"), self.tr("Beskrivelse"), self.tr("Antall"),
                         self.tr("Merknad")]

    # -- Qt model ---------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.builder)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self.builder.rows[index.row()]
        p, col = row.part, index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if col == COL_HMSNR:
                return p.part_hmsnr or self.tr("Ukjent")
            if col == COL_REF:
                return p.supplier_ref
            if col == COL_DESC:
                return p.description + (self.tr(" (ukjent del)") if p.unknown_part else "")
            if col == COL_QTY:
                return row.quantity
            if col == COL_NOTE:
                return "\n".join(row.notes)
        if role == Qt.ItemDataRole.EditRole and col == COL_QTY:
            return row.quantity
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == COL_NOTE and row.notes:
                return "\n".join(row.notes)
            if col == COL_QTY:
                return self.tr("Høyst {0} stk. for dette hjelpemiddelet").format(p.max_qty)
        if role == Qt.ItemDataRole.ForegroundRole and col == COL_NOTE and row.notes:
            return ERROR_COLOUR
        return None

    def flags(self, index):
        base = super().flags(index)
        if index.isValid() and index.column() == COL_QTY:
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or index.column() != COL_QTY or role != Qt.ItemDataRole.EditRole:
            return False
        problems = self.builder.set_quantity(index.row(), int(value))
        if problems:
            self.quantityRefused.emit(problems[0].message)
            return False
        self.dataChanged.emit(self.index(index.row(), 0), self.index(index.row(), COL_NOTE))
        self.linesChanged.emit()
        return True

    # -- editing through the builder ---------------------------------------------------------
    def max_quantity(self, row: int) -> int:
        return self.builder.rows[row].part.max_qty

    def add_part(self, part, quantity: int, accessory_on_device: bool | None = None) -> int:
        self.beginResetModel()
        row = self.builder.add_part(part, quantity, accessory_on_device)
        self.endResetModel()
        self.linesChanged.emit()
        return row

    def add_unknown(self, hmsnr: str, ref: str, desc: str, quantity: int):
        _line, problems = self.builder.check_unknown(hmsnr, ref, desc, quantity)
        if problems:
            return problems
        n = len(self.builder)
        self.beginInsertRows(QModelIndex(), n, n)
        self.builder.add_unknown(hmsnr, ref, desc, quantity)
        self.endInsertRows()
        self.linesChanged.emit()
        return []

    def remove(self, row: int) -> None:
        if not 0 <= row < len(self.builder):
            return
        self.beginRemoveRows(QModelIndex(), row, row)
        self.builder.remove(row)
        self.endRemoveRows()
        self.linesChanged.emit()

    def clear(self, iso: str | None = None) -> None:
        self.beginResetModel()
        self.builder.reset(iso if iso is not None else self.builder.iso)
        self.endResetModel()
        self.linesChanged.emit()

    def show_refusal(self, violations, fallback: str = "") -> Refusal:
        refusal = self.builder.apply_refusal(violations, fallback)
        if len(self.builder):
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.builder) - 1, COL_NOTE))
        return refusal

    def note(self, row: int) -> str:
        return "\n".join(self.builder.rows[row].notes)


class QuantityDelegate(QStyledItemDelegate):
    """A spin box from 1 to the line's maximum."""

    def createEditor(self, parent: QWidget, option, index) -> QWidget:
        spin = QSpinBox(parent)
        spin.setRange(1, index.model().max_quantity(index.row()))
        spin.setAccessibleName(self.tr("Antall"))
        spin.setFrame(False)
        return spin

    def setEditorData(self, editor: QSpinBox, index) -> None:
        editor.setValue(int(index.data(Qt.ItemDataRole.EditRole) or 1))

    def setModelData(self, editor: QSpinBox, model, index) -> None:
        editor.interpretText()
        model.setData(index, editor.value(), Qt.ItemDataRole.EditRole)
