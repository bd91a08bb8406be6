"""Device lookup: HMS-nr + serienr with NAV's validation, and the device card.

The panel awaits ``DeviceLookup.lookup`` (OeBS first, the local register as
fallback) on the qasync loop through ``ui.ops.Op``, so the GUI never blocks.
When OeBS could not be asked the answer comes from the local register and a
visible badge says so: "frakoblet — sist synkronisert 22.11.2026 kl. 10:15".
"""

from __future__ import annotations

import datetime as dt
from typing import Awaitable, Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QFormLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QPushButton,
                               QVBoxLayout, QWidget)

from hms_desk.documents.i18n import order_status_text
from hms_desk.domain.errors import HmsError
from hms_desk.domain.i18n import current_language, t
from hms_desk.domain.validation import validate_hmsnr, validate_serienr
from hms_desk.services.device_lookup import LookupResult
from hms_desk.services.lookup import DeviceCard
from hms_desk.ui.case_context import CaseContext
from hms_desk.ui.formats import local_date, local_time
from hms_desk.ui.ops import Change, Operations


def _history_status(h) -> str:
    """An order's status code as words ("Innsendt"), a case's "åpen"/"lukket", in the user's language."""
    return order_status_text(h.status, current_language()) if h.kind == "bestilling" else t(h.status)


def _error_label() -> QLabel:
    lab = QLabel()
    lab.setObjectName("fieldError")
    lab.setStyleSheet("color: #b00020;")
    lab.setWordWrap(True)
    lab.hide()
    return lab


class LookupPanel(QWidget):
    deviceFound = Signal(object)          # DeviceCard
    lookupFailed = Signal(str)

    def __init__(self, ops: Operations, lookup: Callable[[str, str], Awaitable[LookupResult]],
                 context: CaseContext | None = None, parent: QWidget | None = None, *,
                 local_card: Callable[[str, str], DeviceCard] | None = None):
        super().__init__(parent)
        self._ops = ops
        self._context = context
        self._lookup = lookup
        self._local_card = local_card       # the register's card (no OeBS): history after an order
        ops.changed.connect(self._on_changed)
        self.card: DeviceCard | None = None
        self.result: LookupResult | None = None

        self.hmsnr = QLineEdit()
        self.hmsnr.setPlaceholderText(self.tr("6 siffer"))
        self.hmsnr.setAccessibleName(self.tr("HMS-nr"))
        self.serial = QLineEdit()
        self.serial.setPlaceholderText(self.tr("6 siffer"))
        self.serial.setAccessibleName(self.tr("Serienr"))
        self.hmsnr_error = _error_label()
        self.serial_error = _error_label()
        self.button = QPushButton(self.tr("Slå &opp"))
        self.button.setDefault(True)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setObjectName("lookupMessage")
        self.badge = QLabel()
        self.badge.setObjectName("offlineBadge")
        self.badge.setStyleSheet("background:#8a5a00;color:white;font-weight:bold;padding:2px 8px;")
        self.badge.setWordWrap(True)
        self.badge.hide()

        form = QFormLayout()
        form.addRow(self.tr("&HMS-nr:"), self.hmsnr)
        form.addRow("", self.hmsnr_error)
        form.addRow(self.tr("&Serienr:"), self.serial)
        form.addRow("", self.serial_error)
        top = QHBoxLayout()
        top.addStretch(1)
        top.addWidget(self.button)

        self.card_box = QGroupBox(self.tr("Hjelpemiddel"))
        self.card_form = QFormLayout(self.card_box)
        self.card_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self._card_labels: dict[str, QLabel] = {}
        for key, text in (("product", self.tr("Produkt")), ("series", self.tr("Serie")),
                          ("supplier", self.tr("Leverandør")), ("iso", self.tr("ISO-kategori")),
                          ("status", self.tr("Status")), ("loan", self.tr("Utlån")),
                          ("municipality", self.tr("Kommune")), ("hms", self.tr("HMS")),
                          ("warranty", self.tr("Garanti")), ("battery", self.tr("Siste batteri")),
                          ("history", self.tr("Tidligere")), ("source", self.tr("Kilde"))):
            lab = QLabel("–")
            lab.setWordWrap(True)
            lab.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self._card_labels[key] = lab
            self.card_form.addRow(text + ":", lab)
        self.card_box.hide()

        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addLayout(top)
        lay.addWidget(self.badge)
        lay.addWidget(self.message)
        lay.addWidget(self.card_box)
        lay.addStretch(1)

        self.button.clicked.connect(self.do_lookup)
        self.hmsnr.returnPressed.connect(self.do_lookup)
        self.serial.returnPressed.connect(self.do_lookup)

    def set_values(self, hmsnr: str, serial: str) -> None:
        self.hmsnr.setText(hmsnr)
        self.serial.setText(serial)

    def _validate(self) -> bool:
        ok = True
        for fn, edit, lab in ((validate_hmsnr, self.hmsnr, self.hmsnr_error),
                              (validate_serienr, self.serial, self.serial_error)):
            try:
                fn(edit.text())
                lab.hide()
            except HmsError as exc:
                lab.setText(exc.message)
                lab.show()
                ok = False
        return ok

    def do_lookup(self) -> None:
        if not self._validate():
            self.message.setText("")
            return
        self.button.setEnabled(False)
        self.message.setStyleSheet("")
        self.message.setText(self.tr("Slår opp …"))
        self._ops.remote(self, self._lookup, self.hmsnr.text().strip(), self.serial.text().strip()) \
            .success(self._found).failure(self._failed).finally_(lambda _ok: self.button.setEnabled(True)).run()

    def _on_changed(self, changes) -> None:
        """An order was made or changed: the card's history shows it without a new lookup."""
        if Change.ORDER not in changes or self.card is None or self._local_card is None:
            return
        card = self.card
        self._ops.query(self, self._local_card, card.hmsnr, card.serial) \
            .success(lambda fresh: self._show_history(fresh) if self.card is card else None) \
            .failure(lambda _e: None).run()

    def _show_history(self, card: DeviceCard) -> None:
        self._card_labels["history"].setText(
            ", ".join(f"{h.number} ({_history_status(h)})" for h in card.history[:6]) or self.tr("ingen"))
        self._card_labels["battery"].setText(local_date(card.last_battery_order))

    def _sync_text(self, last: dt.datetime | None) -> str:
        if last is None:
            return self.tr("frakoblet — aldri synkronisert")
        local = last if last.tzinfo else last.astimezone()     # a naive time here is local
        return self.tr("frakoblet — sist synkronisert {0} kl. {1}").format(local_date(local), local_time(local))

    def _show_badge(self, offline: bool, last: dt.datetime | None, reason: str) -> None:
        if offline:
            self.badge.setText(self._sync_text(last))
            self.badge.setToolTip(t(reason))
            self.badge.setAccessibleDescription(t(reason))
            self.badge.show()
        else:
            self.badge.hide()

    def _found(self, result: LookupResult) -> None:
        self.result = result
        card = result.card
        self.card = card
        self.message.setText("")
        self._show_badge(result.offline, result.last_sync, result.reason)
        L = self._card_labels
        L["product"].setText(t(card.product_name) + (f" — {card.article_name}" if card.article_name and card.article_name != card.product_name else ""))
        L["series"].setText(card.series or "–")
        L["supplier"].setText(f"{card.supplier} {card.supplier_ref}".strip() or "–")
        L["iso"].setText(card.iso_category or "–")
        L["status"].setText(t(card.article_status) or "–")
        loan_type = f"{t(card.loan_type_text)} ({card.loan_type})" if card.loan_type else self.tr("ukjent type")
        L["loan"].setText(self.tr("{0}, fra {1}").format(loan_type, local_date(card.loan_date)))
        L["municipality"].setText(f"{card.municipality_number} {card.municipality_name}".strip() or "–")
        L["hms"].setText(f"{card.hms_unit} {card.hms_unit_name}".strip() or "–")
        if card.warranty_end:
            state = self.tr("under garanti") if card.under_warranty else self.tr("utløpt")
            L["warranty"].setText(self.tr("{0} år, til {1} ({2})").format(card.warranty_years, local_date(card.warranty_end), state))
        else:
            L["warranty"].setText("–")
        self._show_history(card)
        if result.source == "oebs":
            L["source"].setText(self.tr("OeBS"))
        elif result.offline:
            L["source"].setText(self.tr("lokalt register (OeBS svarer ikke)"))
        else:
            L["source"].setText(self.tr("lokalt register"))
        self.card_box.show()
        if self._context is not None:
            self._context.set_device(card)
        self.deviceFound.emit(card)

    def _failed(self, exc: HmsError) -> None:
        self.card = None
        self.result = None
        self.card_box.hide()
        self._show_badge(bool(getattr(exc, "offline", False)), getattr(exc, "last_sync", None),
                         getattr(exc, "reason", ""))
        self.message.setText(exc.message)
        self.message.setStyleSheet("color: #b00020;")
        self.lookupFailed.emit(exc.message)
