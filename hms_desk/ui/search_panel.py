"""Search box with ranked results: forgiving serial search and product search.

The technician types a serial (also misread: "12345O"), "HMSNR SERIENR" or
words from a product or supplier name; the search runs off the GUI thread
(``Op`` over ``tasks.db``) a moment after typing stops, and the list shows
each hit with its reason ("0 lest som O").  Enter or a double-click on a
device hit emits ``deviceChosen(hmsnr, serial)`` — ui.application fills the
lookup with it; a product hit emits ``productChosen(hmsnr)``.
"""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QLabel, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from hms_desk.domain.errors import HmsError
from hms_desk.domain.i18n import t
from hms_desk.services.search import SearchHit
from hms_desk.ui.ops import Operations

#: Milliseconds of quiet typing before the search runs.
DEBOUNCE_MS = 250


class SearchPanel(QWidget):
    deviceChosen = Signal(str, str)       # hmsnr, serial
    productChosen = Signal(str)           # hmsnr
    resultsShown = Signal(int)            # number of hits (tests wait on it)

    def __init__(self, ops: Operations, search: Callable[[str], list[SearchHit]],
                 parent: QWidget | None = None):
        super().__init__(parent)
        self._ops = ops
        self._search = search
        self._asked = ""              # the text of the newest search sent
        self.hits: list[SearchHit] = []

        self.box = QLineEdit()
        self.box.setObjectName("searchBox")
        self.box.setClearButtonEnabled(True)
        self.box.setPlaceholderText(self.tr("Serienr, «HMS-nr serienr» eller produkt/leverandør"))
        self.box.setAccessibleName(self.tr("Søk"))
        self.results = QListWidget()
        self.results.setObjectName("searchResults")
        self.results.setAccessibleName(self.tr("Søketreff"))
        self.status = QLabel()
        self.status.setObjectName("searchStatus")
        self.status.setWordWrap(True)

        lay = QVBoxLayout(self)
        lay.addWidget(self.box)
        lay.addWidget(self.status)
        lay.addWidget(self.results, 1)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.run_search)
        self.box.textChanged.connect(lambda _t: self._timer.start())
        self.box.returnPressed.connect(self._enter_in_box)
        self.results.itemActivated.connect(self._choose)          # Enter and double-click

    # searching ----------------------------------------------------------------

    def run_search(self) -> None:
        self._timer.stop()
        query = self.box.text().strip()
        self._asked = query
        if not query:
            self._show(query, [])
            return
        self.status.setText(self.tr("Søker …"))
        self._ops.query(self, self._search, query) \
            .success(lambda hits, q=query: self._show(q, hits)) \
            .failure(lambda exc, q=query: self._failed(q, exc)).run()

    def _show(self, query: str, hits: list[SearchHit]) -> None:
        if query != self._asked:       # an older answer arriving late
            return
        self.hits = list(hits)
        self.results.clear()
        for hit in self.hits:
            if hit.kind == "enhet":
                line = self.tr("{0} · HMS-nr {1} · serienr {2} — {3}").format(
                    t(hit.title), hit.hmsnr, hit.serial, t(hit.reason_nb))
            else:
                line = self.tr("{0} · HMS-nr {1} (produkt) — {2}").format(t(hit.title), hit.hmsnr, t(hit.reason_nb))
            item = QListWidgetItem(line)
            item.setData(Qt.ItemDataRole.UserRole, hit)
            item.setToolTip(self.tr("Treffsikkerhet {0:.0%}").format(hit.score))
            self.results.addItem(item)
        if not query:
            self.status.setText("")
        elif not self.hits:
            self.status.setText(self.tr("Ingen treff på «{0}».").format(query))
        else:
            self.status.setText(self.tr("{0} treff – Enter eller dobbeltklikk fyller ut oppslaget.")
                                .format(len(self.hits)))
            self.results.setCurrentRow(0)
        self.resultsShown.emit(len(self.hits))

    def _failed(self, query: str, exc: HmsError) -> None:
        if query == self._asked:
            self.status.setText(exc.message)

    # choosing -----------------------------------------------------------------

    def _enter_in_box(self) -> None:
        """Enter in the box: search now; if the results are already for this text, take the first."""
        if self.hits and self._asked == self.box.text().strip() and not self._timer.isActive():
            item = self.results.currentItem() or self.results.item(0)
            if item is not None:
                self._choose(item)
                return
        self.run_search()

    def _choose(self, item: QListWidgetItem) -> None:
        hit: SearchHit = item.data(Qt.ItemDataRole.UserRole)
        if hit.kind == "enhet" and hit.serial:
            self.deviceChosen.emit(hit.hmsnr, hit.serial)
        else:
            self.productChosen.emit(hit.hmsnr)
