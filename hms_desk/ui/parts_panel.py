"""Parts assistant panel: the parts that fit the looked-up device, the order, its documents.

Left to right, top to bottom: search and category filter; the parts grouped
by category above a card for the selected part (HMS-nr, name, supplier
art.no., category, default and maximum quantity for this device, where the
part comes from, and the catalogue picture when it is available offline —
a neutral placeholder otherwise, never fetched); a small form for a part
that is not in the catalogue (*ukjent del*); the order lines; the battery
training confirmation (only when a battery is on the order); delivery and
send.  A refusal's reasons are shown next to what caused them: the line's
"Merknad" cell, the battery checkbox, the delivery choice, the unknown-part
form.  After an order is sent the panel offers to print the parts order and
the repair order (print preview through Qt) and to export it as JSON + CSV.
"""

from __future__ import annotations

import tempfile
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Awaitable, Callable

from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPainter, QPen, QPixmap
from PySide6.QtWidgets import (QSplitter, QCheckBox, QComboBox, QGridLayout, QGroupBox, QHBoxLayout,
                               QHeaderView, QLabel, QLineEdit, QPushButton, QSpinBox, QTableWidget,
                               QTableWidgetItem, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget)

from hms_desk.domain.errors import HmsError
from hms_desk.parts import rules
from hms_desk.parts.catalog import PartInfo, part_image_path
from hms_desk.parts.orders import DraftLine
from hms_desk.services.lookup import DeviceCard
from hms_desk.ui.ops import Op
from hms_desk.ui.print_preview import PrintPreview, render_pdf_pages

PART_ROLE = Qt.ItemDataRole.UserRole + 1
ALL_CATEGORIES = ""
ERROR_STYLE = "color: #b00020;"
ERROR_FIELD_STYLE = "border: 1px solid #b00020;"
CARD_IMAGE_SIZE = 64
SOURCE_TEXT = {"serie": "katalogen (serien)", "produkt": "katalogen (produktet)", "deleliste": "delelisten"}

# columns of the lines table
COL_HMSNR, COL_REF, COL_DESC, COL_QTY, COL_NOTE, COL_REMOVE = range(6)

PARTS_ORDER, REPAIR_ORDER = "bestilling", "reparasjonsordre"   # as hms_desk.parts.documents
BATTERY_RULES = frozenset({rules.GARANTI, rules.BATTERI_BESTILT_SISTE_AAR})


@dataclass(frozen=True)
class PanelLine:
    """One order line as the panel holds it."""

    part_hmsnr: str | None
    supplier_ref: str
    description: str
    category: str
    max_qty: int
    unknown_part: bool

    @property
    def is_battery(self) -> bool:
        return rules.is_battery(self.category)


def placeholder_pixmap(size: int, category: str, caption: str = "Ingen bilde") -> QPixmap:
    """A neutral grey tile with the category's initial: no picture available offline."""
    pix = QPixmap(size, size)
    pix.fill(QColor("#eef0f2"))
    p = QPainter(pix)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setPen(QPen(QColor("#9aa3ab"), 2, Qt.PenStyle.DashLine))
    p.drawRoundedRect(QRectF(3, 3, size - 6, size - 6), 8, 8)
    font = QFont()
    font.setPixelSize(size // 3)
    font.setBold(True)
    p.setFont(font)
    p.setPen(QColor("#7a848d"))
    p.drawText(QRectF(0, 0, size, size * 0.8), Qt.AlignmentFlag.AlignCenter, (category or "?")[:1].upper())
    font.setPixelSize(max(9, size // 11))
    font.setBold(False)
    p.setFont(font)
    p.drawText(QRectF(0, size * 0.62, size, size * 0.3), Qt.AlignmentFlag.AlignCenter, caption)
    p.end()
    return pix


class PartsPanel(QWidget):
    partsLoaded = Signal(int)
    orderCreated = Signal(str)          # order number
    orderRefused = Signal(list)         # list of Norwegian messages
    documentPrinted = Signal(str, str)  # kind (bestilling | reparasjonsordre), order number
    orderExported = Signal(list)        # paths written (JSON, CSV)
    documentFailed = Signal(str)        # Norwegian message

    def __init__(self, run_db: Callable[..., Awaitable], load_parts: Callable, create_order: Callable,
                 make_draft: Callable, parent: QWidget | None = None, *,
                 run_cpu: Callable[..., Awaitable] | None = None, documents=None,
                 images_dir: Path | None = None):
        super().__init__(parent)
        self._run_db = run_db
        self._run_cpu = run_cpu or run_db
        self._load_parts = load_parts
        self._create_order = create_order
        self._make_draft = make_draft
        self._documents = documents
        if images_dir is None:
            from hms_desk.platform.resources import resource
            images_dir = resource("catalog", "images")
        self._images_dir = Path(images_dir)
        self.device: DeviceCard | None = None
        self.case_id: int | None = None
        self.snapshot_id: int | None = None
        self.last_order_number: str | None = None
        self.decision_source: Callable[[], tuple[str | None, str]] | None = None   # set by the main window
        self._parts: list[PartInfo] = []
        self._request_key = uuid.uuid4().hex
        self.line_errors: dict[int, list[str]] = {}

        self.header = QLabel(self.tr("Slå opp et hjelpemiddel for å se delene som passer."))
        self.header.setWordWrap(True)
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(self.tr("Søk i deler (navn, HMS-nr, lev.art.nr)"))
        self.filter.setClearButtonEnabled(True)
        self.category = QComboBox()
        self.category.setToolTip(self.tr("Vis bare én kategori"))
        self.category.addItem(self.tr("Alle kategorier"), ALL_CATEGORIES)
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels([self.tr("Del"), self.tr("HMS-nr"), self.tr("Lev.art.nr"), self.tr("Std/maks")])
        self.tree.header().setStretchLastSection(False)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in (1, 2, 3):
            self.tree.header().setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)

        # the part card
        self.card = QGroupBox(self.tr("Valgt del"))
        self.card_image = QLabel()
        self.card_image.setObjectName("partImage")
        self.card_image.setFixedSize(CARD_IMAGE_SIZE, CARD_IMAGE_SIZE)
        self.card_image.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.card_image_is_placeholder = True
        self.card_name = QLabel(self.tr("Velg en del i listen."))
        self.card_name.setWordWrap(True)
        self.card_name.setStyleSheet("font-weight: bold;")
        self.card_fields: dict[str, QLabel] = {}
        card_form = QGridLayout()              # facts in two columns to keep the card low
        for i, (key, label) in enumerate((("hmsnr", self.tr("HMS-nr:")), ("default_qty", self.tr("Standard antall:")),
                                          ("supplier_ref", self.tr("Lev.art.nr:")), ("max_qty", self.tr("Maks antall her:")),
                                          ("category", self.tr("Kategori:")), ("sources", self.tr("Kilde:")))):
            value = QLabel("–")
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setWordWrap(True)
            self.card_fields[key] = value
            row, col = divmod(i, 2)
            card_form.addWidget(QLabel(label), row, col * 2)
            card_form.addWidget(value, row, col * 2 + 1)
        card_form.setColumnStretch(1, 1)
        card_form.setColumnStretch(3, 1)
        card_lay = QGridLayout(self.card)      # picture left, name and facts right
        card_lay.addWidget(self.card_image, 0, 0, 2, 1, Qt.AlignmentFlag.AlignTop)
        card_lay.addWidget(self.card_name, 0, 1)
        card_lay.addLayout(card_form, 1, 1)
        card_lay.setColumnStretch(1, 1)
        self._show_card(None)

        self.qty = QSpinBox()
        self.qty.setRange(1, 4)
        self.add_button = QPushButton(self.tr("&Legg til i bestilling"))
        self.add_button.setEnabled(False)

        # parts not in the catalogue
        self.unknown_box = QGroupBox(self.tr("Ukjent del (ikke i katalogen)"))
        self.unknown_hmsnr = QLineEdit()
        self.unknown_hmsnr.setPlaceholderText(self.tr("HMS-nr (6 siffer)"))
        self.unknown_hmsnr.setMaxLength(12)
        self.unknown_ref = QLineEdit()
        self.unknown_ref.setPlaceholderText(self.tr("eller lev.art.nr"))
        self.unknown_ref.setMaxLength(100)
        self.unknown_desc = QLineEdit()
        self.unknown_desc.setPlaceholderText(self.tr("Beskrivelse, f.eks. Bremsewire venstre, 120 cm"))
        self.unknown_desc.setMaxLength(400)
        self.unknown_qty = QSpinBox()
        self.unknown_qty.setRange(1, rules.UNKNOWN_PART_MAX_QTY)
        self.unknown_add = QPushButton(self.tr("Legg til &ukjent del"))
        self.unknown_add.setEnabled(False)
        self.unknown_error = QLabel()
        self.unknown_error.setObjectName("unknownPartError")
        self.unknown_error.setWordWrap(True)
        self.unknown_error.setStyleSheet(ERROR_STYLE)
        self.unknown_error.hide()
        ug = QGridLayout(self.unknown_box)
        ug.addWidget(self.unknown_hmsnr, 0, 0)
        ug.addWidget(self.unknown_ref, 0, 1)
        ug.addWidget(QLabel(self.tr("Antall:")), 0, 2)
        ug.addWidget(self.unknown_qty, 0, 3)
        ug.addWidget(self.unknown_desc, 1, 0, 1, 3)
        ug.addWidget(self.unknown_add, 1, 3)
        ug.addWidget(self.unknown_error, 2, 0, 1, 4)

        self.lines = QTableWidget(0, 6)
        self.lines.setHorizontalHeaderLabels([self.tr("HMS-nr"), self.tr("Lev.art.nr"), self.tr("Beskrivelse"),
                                              self.tr("Antall"), self.tr("Merknad"), ""])
        header = self.lines.horizontalHeader()
        header.setSectionResizeMode(COL_DESC, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COL_NOTE, QHeaderView.ResizeMode.Stretch)
        for col in (COL_HMSNR, COL_REF, COL_QTY, COL_REMOVE):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.lines.verticalHeader().hide()
        self.lines.setWordWrap(True)

        self.battery_ok = QCheckBox(self.tr("Teknikeren har opplæring i batteribytte"))
        self.battery_ok.setToolTip(self.tr("Kreves når bestillingen har batteri"))
        self.battery_error = QLabel()
        self.battery_error.setObjectName("batteryError")
        self.battery_error.setWordWrap(True)
        self.battery_error.setStyleSheet(ERROR_STYLE)
        self.delivery = QComboBox()
        self.delivery.addItem(self.tr("Til kommunens lager"), "kommunelager")
        self.delivery.addItem(self.tr("Til servicejobben"), "servicejobb")
        self.delivery_error = QLabel()
        self.delivery_error.setObjectName("deliveryError")
        self.delivery_error.setWordWrap(True)
        self.delivery_error.setStyleSheet(ERROR_STYLE)
        self.send_button = QPushButton(self.tr("&Send bestilling"))
        self.send_button.setEnabled(False)
        self.violations = QLabel()
        self.violations.setObjectName("orderViolations")
        self.violations.setWordWrap(True)
        self.violations.setStyleSheet(ERROR_STYLE)
        self.result = QLabel()
        self.result.setWordWrap(True)
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        # after sending: documents
        self.print_order_button = QPushButton(self.tr("Skriv ut &bestilling"))
        self.print_repair_button = QPushButton(self.tr("Skriv ut &reparasjonsordre"))
        self.export_button = QPushButton(self.tr("&Eksporter (JSON/CSV)"))
        self.documents_row = QWidget()
        dr = QHBoxLayout(self.documents_row)
        dr.setContentsMargins(0, 0, 0, 0)
        for b in (self.print_order_button, self.print_repair_button, self.export_button):
            dr.addWidget(b)
        dr.addStretch(1)
        self.documents_row.hide()

        search_row = QHBoxLayout()
        search_row.addWidget(self.filter, 2)
        search_row.addWidget(self.category, 1)
        # the list gets the full width (part names are long); the card sits below it
        browse = QSplitter(Qt.Orientation.Vertical)
        browse.setObjectName("partsSplitter")
        browse.setChildrenCollapsible(False)
        self.tree.setMinimumHeight(170)
        browse.addWidget(self.tree)
        browse.addWidget(self.card)
        browse.setStretchFactor(0, 3)
        browse.setStretchFactor(1, 2)
        add_row = QHBoxLayout()
        add_row.addWidget(QLabel(self.tr("Antall:")))
        add_row.addWidget(self.qty)
        add_row.addStretch(1)
        add_row.addWidget(self.add_button)
        battery_row = QHBoxLayout()
        battery_row.addWidget(self.battery_ok)
        battery_row.addWidget(self.battery_error, 1)
        send_row = QHBoxLayout()
        send_row.addWidget(QLabel(self.tr("Levering:")))
        send_row.addWidget(self.delivery)
        send_row.addWidget(self.delivery_error, 1)
        send_row.addWidget(self.send_button)

        lay = QVBoxLayout(self)
        lay.addWidget(self.header)
        lay.addLayout(search_row)
        lay.addWidget(browse, 3)
        lay.addLayout(add_row)
        lay.addWidget(self.unknown_box)
        lay.addWidget(QLabel(self.tr("Bestillingslinjer:")))
        lay.addWidget(self.lines, 2)
        lay.addLayout(battery_row)
        lay.addLayout(send_row)
        lay.addWidget(self.violations)
        lay.addWidget(self.result)
        lay.addWidget(self.documents_row)
        self._update_battery_row()

        self.filter.textChanged.connect(self._fill_tree)
        self.category.currentIndexChanged.connect(self._fill_tree)
        self.tree.currentItemChanged.connect(self._on_select)
        self.tree.itemActivated.connect(lambda *_: self.add_selected())
        self.add_button.clicked.connect(self.add_selected)
        self.unknown_add.clicked.connect(self.add_unknown)
        self.unknown_desc.returnPressed.connect(self.add_unknown)
        self.battery_ok.toggled.connect(lambda _on: self.battery_error.setText(""))
        self.delivery.currentIndexChanged.connect(lambda _i: self.delivery_error.setText(""))
        self.send_button.clicked.connect(self.send)
        self.print_order_button.clicked.connect(lambda: self.print_document(PARTS_ORDER))
        self.print_repair_button.clicked.connect(lambda: self.print_document(REPAIR_ORDER))
        self.export_button.clicked.connect(self.export_order)

    # -- device and parts ----------------------------------------------------
    def set_case(self, case_id: int | None) -> None:
        self.case_id = case_id
        if case_id is None:
            self.snapshot_id = None

    def set_device(self, card: DeviceCard) -> None:
        if self.device is not None and (self.device.hmsnr, self.device.serial) != (card.hmsnr, card.serial):
            self.lines.setRowCount(0)          # lines belong to one device
            self._lines_changed()
        self.device = card
        self.unknown_add.setEnabled(True)
        self.header.setText(self.tr("Deler til {0} ({1}/{2}) — laster …").format(card.product_name, card.hmsnr, card.serial))
        Op(self, self._run_db, self._load_parts, card.hmsnr, card.iso_category or None) \
            .success(self._parts_loaded).failure(lambda e: self.header.setText(e.message)).run()

    def _parts_loaded(self, parts: list) -> None:
        self._parts = parts
        d = self.device
        self.header.setText(self.tr("{0} deler passer til {1} ({2})").format(len(parts), d.product_name, d.hmsnr))
        current = self.category.currentData()
        self.category.blockSignals(True)
        self.category.clear()
        self.category.addItem(self.tr("Alle kategorier"), ALL_CATEGORIES)
        for cat in dict.fromkeys(p.category for p in parts):
            self.category.addItem(cat, cat)
        index = self.category.findData(current)
        self.category.setCurrentIndex(max(0, index))
        self.category.blockSignals(False)
        self._fill_tree()
        self.partsLoaded.emit(len(parts))

    def _fill_tree(self) -> None:
        from hms_desk.parts.catalog import search_parts

        only = self.category.currentData() or ALL_CATEGORIES
        shown = search_parts(self._parts, self.filter.text())
        self.tree.clear()
        groups: dict[str, QTreeWidgetItem] = {}
        for p in shown:
            if only and p.category != only:
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

    def visible_part_numbers(self) -> list[str]:
        out = []
        for i in range(self.tree.topLevelItemCount()):
            g = self.tree.topLevelItem(i)
            out += [g.child(j).text(1) for j in range(g.childCount())]
        return out

    def _on_select(self, item: QTreeWidgetItem | None, _prev=None) -> None:
        part = item.data(0, PART_ROLE) if item else None
        self.add_button.setEnabled(part is not None)
        self._show_card(part)
        if part is not None:
            self.qty.setRange(1, part.max_qty)
            self.qty.setValue(part.default_qty)

    def _show_card(self, part: PartInfo | None) -> None:
        if part is None:
            self.card_name.setText(self.tr("Velg en del i listen."))
            for label in self.card_fields.values():
                label.setText("–")
            self.card_image.setPixmap(placeholder_pixmap(CARD_IMAGE_SIZE, "", self.tr("Ingen bilde")))
            self.card_image_is_placeholder = True
            return
        f = self.card_fields
        self.card_name.setText(part.name)
        f["hmsnr"].setText(part.hmsnr)
        f["supplier_ref"].setText(part.supplier_ref or "–")
        f["category"].setText(part.category + (self.tr(" (krever opplæring)") if part.is_battery else ""))
        f["default_qty"].setText(str(part.default_qty))
        f["max_qty"].setText(str(part.max_qty))
        f["sources"].setText(", ".join(SOURCE_TEXT.get(s, s) for s in part.sources))
        pix = QPixmap()
        path = part_image_path(part.image, self._images_dir)
        if path is not None and pix.load(str(path)):
            self.card_image.setPixmap(pix.scaled(CARD_IMAGE_SIZE, CARD_IMAGE_SIZE, Qt.AspectRatioMode.KeepAspectRatio,
                                                 Qt.TransformationMode.SmoothTransformation))
            self.card_image_is_placeholder = False
        else:
            self.card_image.setPixmap(placeholder_pixmap(CARD_IMAGE_SIZE, part.category, self.tr("Ingen bilde")))
            self.card_image_is_placeholder = True

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
        for r in range(self.lines.rowCount()):           # the same part again: one line, more pieces
            line = self._line(r)
            if not line.unknown_part and line.part_hmsnr == part.hmsnr:
                spin = self.lines.cellWidget(r, COL_QTY)
                spin.setValue(min(line.max_qty, spin.value() + self.qty.value()))
                return
        self._add_line(PanelLine(part.hmsnr, part.supplier_ref or "", part.name, part.category, part.max_qty, False),
                       self.qty.value())

    def add_unknown(self) -> None:
        """Validate the form with NAV's rules; on error keep the text and say what is wrong beside it."""
        if self.device is None:
            return
        hmsnr = self.unknown_hmsnr.text().strip()
        ref = self.unknown_ref.text().strip()
        desc = " ".join(self.unknown_desc.text().split())
        category = rules.category_from_name(desc)
        limit = rules.max_quantity(category, self.device.iso_category or None, rules.UNKNOWN_PART_MAX_QTY)
        facts = rules.LineFacts(quantity=self.unknown_qty.value(), category=category, name=desc,
                                part_hmsnr=hmsnr or None, supplier_ref=ref, unknown_part=True)
        problems = rules.check_unknown_part(self.lines.rowCount(), facts)
        if facts.quantity > limit:
            problems.append(rules.RuleViolation(rules.FOR_MANGE, self.tr("Du kan bestille høyst {0} stk.").format(limit),
                                                field="quantity"))
        for w in (self.unknown_hmsnr, self.unknown_ref, self.unknown_desc, self.unknown_qty):
            w.setStyleSheet("")
        if problems:
            fields = {v.field for v in problems}
            if "part_hmsnr" in fields:
                self.unknown_hmsnr.setStyleSheet(ERROR_FIELD_STYLE)
                if not hmsnr:
                    self.unknown_ref.setStyleSheet(ERROR_FIELD_STYLE)
            if "description" in fields:
                self.unknown_desc.setStyleSheet(ERROR_FIELD_STYLE)
            if "quantity" in fields:
                self.unknown_qty.setStyleSheet(ERROR_FIELD_STYLE)
            self.unknown_error.setText("\n".join(_strip_line_prefix(v.message_nb) for v in problems))
            self.unknown_error.show()
            return
        self.unknown_error.hide()
        self.unknown_error.setText("")
        self._add_line(PanelLine(hmsnr or None, ref, desc, category, limit, True), self.unknown_qty.value())
        for w in (self.unknown_hmsnr, self.unknown_ref, self.unknown_desc):
            w.clear()
        self.unknown_qty.setValue(1)

    def _add_line(self, line: PanelLine, quantity: int) -> None:
        row = self.lines.rowCount()
        self.lines.insertRow(row)
        hm = QTableWidgetItem(line.part_hmsnr or self.tr("Ukjent"))
        hm.setData(PART_ROLE, line)
        hm.setFlags(hm.flags() & ~Qt.ItemFlag.ItemIsEditable)
        self.lines.setItem(row, COL_HMSNR, hm)
        desc = line.description + (self.tr(" (ukjent del)") if line.unknown_part else "")
        for col, text in ((COL_REF, line.supplier_ref), (COL_DESC, desc), (COL_NOTE, "")):
            cell = QTableWidgetItem(text)
            cell.setFlags(cell.flags() & ~Qt.ItemFlag.ItemIsEditable)
            self.lines.setItem(row, col, cell)
        spin = QSpinBox()
        spin.setRange(1, line.max_qty)
        spin.setValue(min(max(1, quantity), line.max_qty))
        spin.valueChanged.connect(lambda _v, it=hm: self._clear_line_error(self.lines.row(it)))
        self.lines.setCellWidget(row, COL_QTY, spin)
        remove = QPushButton(self.tr("Fjern"))
        remove.clicked.connect(lambda: self._remove_row(hm))
        self.lines.setCellWidget(row, COL_REMOVE, remove)
        self._lines_changed()

    def _remove_row(self, hm_item: QTableWidgetItem) -> None:
        self.lines.removeRow(self.lines.row(hm_item))
        self._lines_changed()

    def _line(self, row: int) -> PanelLine:
        return self.lines.item(row, COL_HMSNR).data(PART_ROLE)

    def _lines_changed(self) -> None:
        self.send_button.setEnabled(self.device is not None and self.lines.rowCount() > 0)
        self._update_battery_row()

    def has_battery_line(self) -> bool:
        return any(self._line(r).is_battery for r in range(self.lines.rowCount()))

    def _update_battery_row(self) -> None:
        """The training confirmation is asked for only when a battery is on the order."""
        on = self.has_battery_line()
        self.battery_ok.setVisible(on)
        if not on:
            self.battery_ok.setChecked(False)
            self.battery_error.setText("")
        self.battery_error.setVisible(on)

    def draft_lines(self) -> list[DraftLine]:
        out = []
        for r in range(self.lines.rowCount()):
            line = self._line(r)
            out.append(DraftLine(part_hmsnr=line.part_hmsnr, supplier_ref=line.supplier_ref,
                                 description=line.description, quantity=self.lines.cellWidget(r, COL_QTY).value(),
                                 unknown_part=line.unknown_part))
        return out

    # -- send ------------------------------------------------------------------
    def send(self) -> None:
        if self.device is None or not self.send_button.isEnabled():
            return
        self.send_button.setEnabled(False)     # a double click makes one order
        draft = self._make_draft(self.device, self.draft_lines(), self.delivery.currentData(),
                                 self.battery_ok.isChecked(), self.case_id, self.snapshot_id, self._request_key)
        self._clear_errors()
        Op(self, self._run_db, self._create_order, draft).success(self._created).failure(self._refused).run()

    def _created(self, result) -> None:
        number = result.order.number
        self.last_order_number = number
        self.result.setStyleSheet("")
        self.result.setText(self.tr("Bestilling {0} er sendt.").format(number))
        self.lines.setRowCount(0)
        self._lines_changed()
        self._request_key = uuid.uuid4().hex
        self.documents_row.show()
        self.orderCreated.emit(number)

    def _refused(self, exc: HmsError) -> None:
        violations = list(getattr(exc, "violations", []))
        general: list[str] = []
        for v in violations:
            battery_rows = [r for r in range(self.lines.rowCount()) if self._line(r).is_battery]
            if v.line is not None and 0 <= v.line < self.lines.rowCount():
                self._set_line_error(v.line, _strip_line_prefix(v.message_nb))
            elif v.code in BATTERY_RULES and battery_rows:     # about the battery: on the battery lines
                for r in battery_rows:
                    self._set_line_error(r, v.message_nb)
            elif v.field == "battery_training_confirmed":
                self.battery_error.setText(v.message_nb)
            elif v.field == "delivery":
                self.delivery_error.setText(v.message_nb)
            else:
                general.append(v.message_nb)
        if not violations:
            general.append(exc.message)
        self.violations.setText("\n".join(general))
        self._lines_changed()
        self.orderRefused.emit([v.message_nb for v in violations] or [exc.message])

    def _set_line_error(self, row: int, text: str) -> None:
        self.line_errors.setdefault(row, []).append(text)
        cell = self.lines.item(row, COL_NOTE)
        cell.setText("\n".join(self.line_errors[row]))
        cell.setToolTip(cell.text())
        cell.setForeground(QColor("#b00020"))
        self.lines.resizeRowToContents(row)

    def _clear_line_error(self, row: int) -> None:
        if row in self.line_errors and row >= 0:
            del self.line_errors[row]
            self.lines.item(row, COL_NOTE).setText("")

    def line_note(self, row: int) -> str:
        return self.lines.item(row, COL_NOTE).text()

    def _clear_errors(self) -> None:
        for row in list(self.line_errors):
            if row < self.lines.rowCount():
                self.lines.item(row, COL_NOTE).setText("")
        self.line_errors.clear()
        for label in (self.violations, self.battery_error, self.delivery_error):
            label.setText("")

    # -- documents after sending ---------------------------------------------------
    def print_document(self, kind: str) -> None:
        """Render the order's PDF off the GUI thread, then the print preview; audited when printed."""
        number = self.last_order_number
        if number is None or self._documents is None:
            return
        decision, reason = None, None
        if kind == REPAIR_ORDER and self.decision_source is not None:
            decision, reason = self.decision_source()
            if not decision:
                decision, reason = None, None         # nothing chosen on screen: the stored decision
        documents = self._documents

        def work():
            with tempfile.TemporaryDirectory(prefix="hms-print-") as tmp:   # nothing left behind
                path = documents.write_pdf(number, kind, Path(tmp) / f"{kind}-{number}.pdf",
                                           decision=decision, reason=reason, action="")
                return render_pdf_pages(path)
        self._set_document_buttons(False)
        Op(self, self._run_cpu, work).success(lambda pages: self._preview(number, kind, pages)) \
            .failure(self._document_failed).run().finished.connect(lambda _ok: self._set_document_buttons(True))

    def _preview(self, number: str, kind: str, pages: list) -> None:
        title = (self.tr("Bestilling {0}") if kind == PARTS_ORDER else self.tr("Reparasjonsordre {0}")).format(number)
        if not PrintPreview.show(self, pages, title):
            return
        Op(self, self._run_db, self._documents.record_printed, number, kind) \
            .success(lambda _: self._printed(kind, number)).failure(self._document_failed).run()

    def _printed(self, kind: str, number: str) -> None:
        self.result.setStyleSheet("")
        self.result.setText(self.tr("{0} for {1} er sendt til skriveren.").format(
            self.tr("Bestillingen") if kind == PARTS_ORDER else self.tr("Reparasjonsordren"), number))
        self.documentPrinted.emit(kind, number)

    def export_order(self) -> None:
        number = self.last_order_number
        if number is None or self._documents is None:
            return
        self._set_document_buttons(False)
        Op(self, self._run_cpu, self._documents.export_for_office, number).success(self._exported) \
            .failure(self._document_failed).run().finished.connect(lambda _ok: self._set_document_buttons(True))

    def _exported(self, paths) -> None:
        self.result.setStyleSheet("")
        self.result.setText(self.tr("Eksportert til ordrekontoret: {0}").format(", ".join(str(p) for p in paths)))
        self.orderExported.emit([str(p) for p in paths])

    def _document_failed(self, exc: HmsError) -> None:
        self.result.setStyleSheet(ERROR_STYLE)
        self.result.setText(exc.message)
        self.documentFailed.emit(exc.message)

    def _set_document_buttons(self, on: bool) -> None:
        for b in (self.print_order_button, self.print_repair_button, self.export_button):
            b.setEnabled(on)


def _strip_line_prefix(text: str) -> str:
    """"Linje 2: beskriv delen …" → "Beskriv delen …" (the line is already where it is shown)."""
    if text.startswith("Linje ") and ": " in text[:12]:
        rest = text.split(": ", 1)[1]
        return rest[:1].upper() + rest[1:]
    return text
