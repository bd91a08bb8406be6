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

import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPainter, QPen, QPixmap
from PySide6.QtWidgets import (QAbstractItemView, QSplitter, QCheckBox, QComboBox, QGridLayout, QGroupBox,
                               QHBoxLayout, QHeaderView, QLabel, QLineEdit, QPushButton, QSpinBox, QTableView,
                               QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget)

from hms_desk.domain import nav
from hms_desk.domain.errors import HmsError
from hms_desk.domain.i18n import N_, t
from hms_desk.parts import rules
from hms_desk.parts.catalog import PartInfo, part_image_path
from hms_desk.parts.draft import OrderDraftBuilder, strip_line_prefix
from hms_desk.parts.orders import DraftLine
from hms_desk.services.lookup import DeviceCard
from hms_desk.ui.case_context import CaseContext
from hms_desk.ui.ops import Change, Operations
from hms_desk.ui.order_lines_model import COL_DESC, COL_NOTE, COL_QTY, OrderLinesModel, QuantityDelegate

PART_ROLE = Qt.ItemDataRole.UserRole + 1
ALL_CATEGORIES = ""
ERROR_STYLE = "color: #b00020;"
ERROR_FIELD_STYLE = "border: 1px solid #b00020;"
CARD_IMAGE_SIZE = 64
SOURCE_TEXT = {"serie": N_("katalogen (serien)"), "produkt": N_("katalogen (produktet)"), "deleliste": N_("delelisten")}

PARTS_ORDER, REPAIR_ORDER = "bestilling", "reparasjonsordre"   # as hms_desk.parts.documents


@dataclass(frozen=True)
class Orderer:
    """Who orders: the technician's ID and HMS unit (from the settings)."""

    ident: str
    hms_unit: str


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
    linesCountChanged = Signal(int)     # order lines on the draft (the Bestilling tab shows it)

    def __init__(self, ops: Operations, context: CaseContext, load_parts: Callable, create_order: Callable,
                 orderer: Callable[[], Orderer], parent: QWidget | None = None, *, documents=None,
                 images_dir: Path | None = None):
        super().__init__(parent)
        self._ops = ops
        self._context = context
        self._load_parts = load_parts
        self._create_order = create_order
        self._orderer = orderer
        self._documents = documents
        if images_dir is None:
            from hms_desk.platform.resources import resource
            images_dir = resource("catalog", "images")
        self._images_dir = Path(images_dir)
        self.device: DeviceCard | None = None
        self.last_order_number: str | None = None
        self._parts: list[PartInfo] = []
        self._request_key = uuid.uuid4().hex
        self.draft = OrderDraftBuilder()
        self.model = OrderLinesModel(self.draft, self)

        self.header = QLabel(self.tr("Slå opp et hjelpemiddel for å se delene som passer."))
        self.header.setWordWrap(True)
        self.order_header = QLabel(self.tr("Ingen hjelpemiddel valgt."))
        self.order_header.setObjectName("orderHeader")
        self.order_header.setWordWrap(True)
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(self.tr("Søk i deler (navn, HMS-nr, lev.art.nr)"))
        self.filter.setClearButtonEnabled(True)
        self.filter.setAccessibleName(self.tr("Søk i deler"))
        self.category = QComboBox()
        self.category.setToolTip(self.tr("Vis bare én kategori"))
        self.category.addItem(self.tr("Alle kategorier"), ALL_CATEGORIES)
        self.tree = QTreeWidget()
        self.tree.setAccessibleName(self.tr("Deler som passer, gruppert etter kategori"))
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
        self.accessory_present = QCheckBox(self.tr("Tilbehøret finnes på hjelpemidlet fra før"))
        self.accessory_present.setToolTip(self.tr("NAV: tilbehør kan bare bestilles når det allerede er på "
                                                  "hjelpemidlet"))
        self.accessory_present.hide()
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

        self.lines = QTableView()
        self.lines.setObjectName("orderLines")
        self.lines.setModel(self.model)
        self.lines.setItemDelegateForColumn(COL_QTY, QuantityDelegate(self.lines))
        self.lines.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.lines.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.lines.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                   | QAbstractItemView.EditTrigger.EditKeyPressed
                                   | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.lines.setTabKeyNavigation(False)          # Tab leaves the table (no trap)
        header = self.lines.horizontalHeader()
        for col in range(self.model.columnCount()):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_DESC, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COL_NOTE, QHeaderView.ResizeMode.Stretch)
        self.lines.verticalHeader().hide()
        self.lines.setWordWrap(True)
        self.remove_button = QPushButton(self.tr("&Fjern linje"))
        self.remove_button.setToolTip(self.tr("Fjerner den valgte bestillingslinjen (Delete)"))
        self.remove_button.setEnabled(False)

        self.battery_ok = QCheckBox(self.tr("Teknikeren har opplæring i batteribytte"))
        self.battery_ok.setToolTip(self.tr("Kreves når bestillingen har batteri"))
        self.battery_error = QLabel()
        self.battery_error.setObjectName("batteryError")
        self.battery_error.setWordWrap(True)
        self.battery_error.setStyleSheet(ERROR_STYLE)
        self.delivery = QComboBox()
        self.delivery.addItem(self.tr("Til XK-lager"), "kommunelager")
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
        dr = QGridLayout(self.documents_row)
        dr.setContentsMargins(0, 0, 0, 0)
        dr.addWidget(self.print_order_button, 0, 0)
        dr.addWidget(self.print_repair_button, 0, 1)
        dr.addWidget(self.export_button, 1, 0)
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
        qty_label = QLabel(self.tr("&Antall:"))
        qty_label.setBuddy(self.qty)
        add_row.addWidget(qty_label)
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

        # two pages: choosing parts, and the order (the main window shows them as tabs)
        self.parts_page = QWidget()
        self.parts_page.setObjectName("partsChooser")
        pl = QVBoxLayout(self.parts_page)
        pl.addWidget(self.header)
        pl.addLayout(search_row)
        pl.addWidget(browse, 3)
        pl.addLayout(add_row)
        pl.addWidget(self.accessory_present)
        pl.addWidget(self.unknown_box)
        self.order_page = QWidget()
        self.order_page.setObjectName("orderDraft")
        ol = QVBoxLayout(self.order_page)
        lines_row = QHBoxLayout()
        lines_label = QLabel(self.tr("Bestillingslinjer:"))
        lines_label.setBuddy(self.lines)
        lines_row.addWidget(lines_label)
        lines_row.addStretch(1)
        lines_row.addWidget(self.remove_button)
        ol.addWidget(self.order_header)
        ol.addLayout(lines_row)
        ol.addWidget(self.lines, 2)
        ol.addLayout(battery_row)
        ol.addLayout(send_row)
        ol.addWidget(self.violations)
        ol.addWidget(self.result)
        ol.addWidget(self.documents_row)
        ol.addStretch(1)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.parts_page, 3)
        lay.addWidget(self.order_page, 2)
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
        self.remove_button.clicked.connect(self.remove_selected)
        self.model.linesChanged.connect(self._lines_changed)
        self.model.quantityRefused.connect(lambda msg: self.violations.setText(msg))
        self.lines.selectionModel().selectionChanged.connect(
            lambda *_: self.remove_button.setEnabled(bool(self.lines.selectionModel().selectedRows())))
        context.deviceChanged.connect(lambda card: self.set_device(card) if card is not None else None)
        self.print_order_button.clicked.connect(lambda: self.print_document(PARTS_ORDER))
        self.print_repair_button.clicked.connect(lambda: self.print_document(REPAIR_ORDER))
        self.export_button.clicked.connect(self.export_order)

    # -- device and parts ----------------------------------------------------
    def set_device(self, card: DeviceCard) -> None:
        if self.device is None or (self.device.hmsnr, self.device.serial) != (card.hmsnr, card.serial):
            self.model.clear(card.iso_category or None)    # lines belong to one device
            self._clear_errors()
        self.device = card
        self.order_header.setText(self.tr("Bestilling til {0} ({1} / {2})").format(card.product_name, card.hmsnr,
                                                                                  card.serial))
        self.unknown_add.setEnabled(True)
        # NAV: "Til XK-lager" only where the municipality has one; elsewhere the service job
        has_xk = nav.has_xk_lager(card.municipality_number)
        if not has_xk:
            self.delivery.setCurrentIndex(self.delivery.findData(nav.DELIVERY_SERVICE))
        self.delivery.setEnabled(has_xk)
        self.header.setText(self.tr("Deler til {0} ({1}/{2}) — laster …").format(card.product_name, card.hmsnr, card.serial))
        self._ops.query(self, self._load_parts, card.hmsnr, card.iso_category or None) \
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
        self.accessory_present.setVisible(part is not None and part.is_accessory)
        self.accessory_present.setChecked(False)
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
        f["sources"].setText(", ".join(t(SOURCE_TEXT.get(s, s)) for s in part.sources))
        pix = QPixmap()
        path = part_image_path(part.image, self._images_dir)
        if (part.picture and pix.loadFromData(part.picture)) or (path is not None and pix.load(str(path))):
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
        answer = self.accessory_present.isChecked() if part.is_accessory else None
        self.model.add_part(part, self.qty.value(), answer)

    def add_unknown(self) -> None:
        """Validate the form with NAV's rules; on error keep the text and say what is wrong beside it."""
        if self.device is None:
            return
        hmsnr = self.unknown_hmsnr.text().strip()
        problems = self.model.add_unknown(hmsnr, self.unknown_ref.text(), self.unknown_desc.text(),
                                          self.unknown_qty.value())
        for w in (self.unknown_hmsnr, self.unknown_ref, self.unknown_desc, self.unknown_qty):
            w.setStyleSheet("")
        if problems:
            fields = {v.field for v in problems}
            if "part_hmsnr" in fields:
                self.unknown_hmsnr.setStyleSheet(ERROR_FIELD_STYLE)
                if not hmsnr:
                    self.unknown_ref.setStyleSheet(ERROR_FIELD_STYLE)
            if "description" in fields or "supplier_ref" in fields:
                (self.unknown_desc if "description" in fields else self.unknown_ref).setStyleSheet(ERROR_FIELD_STYLE)
            if "quantity" in fields:
                self.unknown_qty.setStyleSheet(ERROR_FIELD_STYLE)
            self.unknown_error.setText("\n".join(strip_line_prefix(v.message) for v in problems))
            self.unknown_error.show()
            return
        self.unknown_error.hide()
        self.unknown_error.setText("")
        for w in (self.unknown_hmsnr, self.unknown_ref, self.unknown_desc):
            w.clear()
        self.unknown_qty.setValue(1)

    def remove_selected(self) -> None:
        rows = self.lines.selectionModel().selectedRows()
        if rows:
            self.remove_line(rows[0].row())

    def remove_line(self, row: int) -> None:
        self.model.remove(row)

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key.Key_Delete and self.lines.hasFocus():
            self.remove_selected()
            return
        super().keyPressEvent(event)

    def take_pages(self) -> tuple[QWidget, QWidget]:
        """The two pages, for the main window's tabs; this widget itself stays hidden."""
        lay = self.layout()
        for page in (self.parts_page, self.order_page):
            lay.removeWidget(page)
            page.setParent(None)
        self.hide()
        return self.parts_page, self.order_page

    def _lines_changed(self) -> None:
        self.linesCountChanged.emit(len(self.draft))
        self.send_button.setEnabled(self.device is not None and len(self.draft) > 0)
        self.remove_button.setEnabled(bool(self.lines.selectionModel().selectedRows()))
        self._update_battery_row()

    def has_battery_line(self) -> bool:
        return self.draft.has_battery

    def _update_battery_row(self) -> None:
        """The training confirmation is asked for only when a battery is on the order."""
        on = self.has_battery_line()
        self.battery_ok.setVisible(on)
        if not on:
            self.battery_ok.setChecked(False)
            self.battery_error.setText("")
        self.battery_error.setVisible(on)

    def draft_lines(self) -> list[DraftLine]:
        return self.draft.lines()

    def line_note(self, row: int) -> str:
        return self.model.note(row)

    # -- send ------------------------------------------------------------------
    def send(self) -> None:
        if self.device is None or not self.send_button.isEnabled():
            return
        self.send_button.setEnabled(False)     # a double click makes one order
        who = self._orderer()
        ctx = self._context
        order = self.draft.to_order(
            hmsnr=self.device.hmsnr, serial=self.device.serial, orderer=who.ident, orderer_hms_unit=who.hms_unit,
            delivery=self.delivery.currentData(), battery_training_confirmed=self.battery_ok.isChecked(),
            case_id=ctx.case_id, snapshot_id=ctx.snapshot_id, request_key=self._request_key)
        self._clear_errors()
        self._ops.mutate(self, self._create_order, order, changes=Change.ORDER) \
            .success(self._created).failure(self._refused).finally_(lambda _ok: self._lines_changed()).run()

    def _created(self, result) -> None:
        number = result.order.number
        self.last_order_number = number
        self.result.setStyleSheet("")
        self.result.setText(self.tr("Bestilling {0} er sendt.").format(number))
        self.model.clear()
        self._request_key = uuid.uuid4().hex
        self.documents_row.show()
        self.orderCreated.emit(number)

    def _refused(self, exc: HmsError) -> None:
        violations = list(getattr(exc, "violations", []))
        refusal = self.model.show_refusal(violations, exc.message)
        for row in refusal.line_notes:
            self.lines.resizeRowToContents(row)
        self.battery_error.setText(refusal.battery)
        self.delivery_error.setText(refusal.delivery)
        self.violations.setText("\n".join(refusal.general))
        self.orderRefused.emit([v.message for v in violations] or [exc.message])

    def _clear_errors(self) -> None:
        self.model.show_refusal([])
        for label in (self.violations, self.battery_error, self.delivery_error):
            label.setText("")

    # -- documents after sending ---------------------------------------------------
    def set_printing(self, printing) -> None:
        """The window's one :class:`~hms_desk.ui.printing.PrintService` (made here when none is given)."""
        self._printing = printing

    @property
    def printing(self):
        if getattr(self, "_printing", None) is None:
            from hms_desk.ui.printing import PrintService

            self._printing = PrintService(self._ops, self)
        return self._printing

    def print_document(self, kind: str) -> None:
        """The order's PDF through the printing service: compose (database), render and rasterise
        (CPU), then — after the operation — the print preview; audited when printed."""
        from hms_desk.ui.printing import order_job

        number = self.last_order_number
        if number is None or self._documents is None:
            return
        title = (self.tr("Bestilling {0}") if kind == PARTS_ORDER else self.tr("Reparasjonsordre {0}")).format(number)
        self._set_document_buttons(False)
        self.printing.print_job(self, order_job(self._documents, number, kind, title),
                                on_printed=lambda k, n: self._printed(k, n), on_failure=self._document_failed,
                                on_finished=lambda _ok: self._set_document_buttons(True))

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
        self._ops.mutate(self, self._documents.export_for_office, number, changes=Change.DOCUMENT) \
            .success(self._exported).failure(self._document_failed) \
            .finally_(lambda _ok: self._set_document_buttons(True)).run()

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

