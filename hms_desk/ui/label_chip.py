"""The label chip: what the reader saw on the caller's picture, one key away from the device card.

Two pieces, both children of the :class:`~hms_desk.ui.video_pane.VideoPane`
(the pane itself is not changed; only its public API is used):

* :class:`LabelChip` — a quiet bar over the bottom of the video:
  «HMS-nr 250464 · Serienr 123456 — Slå opp (Enter)».  Clicking it, or Enter,
  looks the device up; a pair the register does not know says so and offers
  the forgiving search instead; a GS1 label's GTIN and the maker's serial (21)
  are shown as what they are, never as HMS-nr/serienr.
* :class:`LabelReader` — feeds the chip:

  - **live**: a QTimer takes the pane's newest picture a few times a second and
    runs the barcode path of :func:`hms_desk.labels.read_label` through
    ``ops.staged`` (the read on the CPU worker, the register check on the
    database worker) — never on the GUI thread, never two at once, nothing while
    the privacy pause is on, the picture is frozen or nobody can see the window.
    Sticker text (OCR) is read live at most every :data:`LIVE_OCR_EVERY_S`
    seconds, and only while no code is in sight.  A pair is trusted only when
    :class:`~hms_desk.labels.LiveLabelVoter` has seen it agree across frames;
  - **on demand** (Video → «Les merke», Ctrl+R): freezes the picture and reads
    all of it — codes and the sticker's text; «Les merke i område …»
    (Ctrl+Shift+R) reads only a rectangle drawn with the mouse
    (:class:`~hms_desk.ui.label_region.RegionTool`).

``ui.application._wire_labels`` connects ``lookupRequested(hmsnr, serienr)`` to
the lookup panel and ``searchRequested(text)`` to the search tab.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from typing import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QMouseEvent
from PySide6.QtWidgets import (QAbstractItemView, QAbstractSpinBox, QApplication, QComboBox, QDialog, QFrame,
                               QHBoxLayout, QKeySequenceEdit, QLabel, QLineEdit, QPlainTextEdit, QPushButton,
                               QTextEdit, QToolButton, QWidget)

from hms_desk.domain.errors import HmsError
from hms_desk.labels import LabelRead, LiveLabelVoter, Pair, read_label
from hms_desk.labels.candidates import Known
from hms_desk.ui.label_region import RegionTool
from hms_desk.ui.ops import Change, Operations, cpu, db

log = logging.getLogger("hms_desk.ui.labels")

#: The live barcode path: a read every LIVE_INTERVAL_MS (4 Hz), each within LIVE_BUDGET_S.
LIVE_INTERVAL_MS = 250
LIVE_BUDGET_S = 0.035
#: Sticker text on the live picture: at most this often, only after this long without any code in sight.
LIVE_OCR_EVERY_S = 5.0
LIVE_OCR_AFTER_NO_CODE_S = 1.5
LIVE_OCR_BUDGET_S = 0.6
#: «Les merke» on a frozen picture or a marked region.
ON_DEMAND_BUDGET_S = 4.0
#: A live pair not read again for this long is taken off the chip.
STALE_S = 15.0
#: A message (nothing found, …) stays this long.
MESSAGE_MS = 9000


@dataclass(frozen=True)
class ChipState:
    """What the chip shows.

    ``kind``: ``"pair"`` (both numbers; ``known`` from the register: True, False
    or None when it could not be asked), ``"partial"`` (one of them),
    ``"codes"`` (codes that are not NAV's numbers: GTIN, maker's serial …),
    ``"reading"``, ``"message"``, or ``"hidden"``."""

    kind: str = "hidden"
    hmsnr: str = ""
    serienr: str = ""
    known: bool | None = None
    text: str = ""                   # codes / message text
    live: bool = False               # confirmed by the live voter (else: an on-demand read)

    @property
    def actionable(self) -> bool:
        return self.kind in ("pair", "partial")

    @property
    def key(self) -> tuple[str, str]:
        return (self.hmsnr, self.serienr)


HIDDEN = ChipState()


def _eats_enter(widget: QWidget | None) -> bool:
    """True when Enter already means something where the keyboard focus is (a text field, a list, a dialog)."""
    if widget is None:
        return False
    if isinstance(widget, (QLineEdit, QTextEdit, QPlainTextEdit, QAbstractSpinBox, QComboBox, QAbstractItemView,
                           QKeySequenceEdit)):
        return True
    return isinstance(widget.window(), QDialog)


class LabelChip(QFrame):
    """The quiet bar at the bottom of the video pane."""

    activated = Signal()          # the main button, a click on the chip, Enter
    secondary = Signal()          # «Slå opp likevel» on a pair the register does not know
    dismissed = Signal()

    def __init__(self, pane: QWidget) -> None:
        super().__init__(pane)
        self._pane = pane
        self.state = HIDDEN
        self._enter_works = True
        self.setObjectName("labelChip")
        self.setAccessibleName(self.tr("Avlest merke"))
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet(
            "#labelChip { background: rgba(20, 22, 26, 225); border: 1px solid rgba(255, 255, 255, 60);"
            " border-radius: 16px; }"
            "#labelChip[tone=\"warn\"] { border: 1px solid #e0a526; }"
            "#labelChip QLabel { color: #f2f3f5; background: transparent; }"
            "#labelChip QLabel#labelChipDetail { color: #c9ccd1; }"
            "#labelChip QPushButton { color: white; background: #2f6fb6; border: none; border-radius: 11px;"
            " padding: 4px 12px; font-weight: bold; }"
            "#labelChip QPushButton:hover { background: #3a80cc; }"
            "#labelChip QPushButton#labelChipSecondary { background: rgba(255, 255, 255, 38); font-weight: normal; }"
            "#labelChip QToolButton { color: #c9ccd1; background: transparent; border: none; padding: 2px 6px; }")
        self.text = QLabel()
        self.text.setObjectName("labelChipText")
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        font = self.text.font()
        font.setPixelSize(15)
        font.setBold(True)
        self.text.setFont(font)
        self.detail = QLabel()
        self.detail.setObjectName("labelChipDetail")
        self.detail.setTextFormat(Qt.TextFormat.PlainText)
        self.button = QPushButton()
        self.button.setObjectName("labelChipButton")
        self.button.setFocusPolicy(Qt.FocusPolicy.NoFocus)       # never takes the focus from the technician
        self.button.clicked.connect(self.activated)
        self.other = QPushButton(self.tr("Slå opp likevel"))
        self.other.setObjectName("labelChipSecondary")
        self.other.setAccessibleName(self.tr("Slå opp likevel"))
        self.other.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.other.clicked.connect(self.secondary)
        self.close_button = QToolButton()
        self.close_button.setText("✕")
        self.close_button.setObjectName("labelChipClose")
        self.close_button.setAccessibleName(self.tr("Skjul avlest merke"))
        self.close_button.setToolTip(self.tr("Skjul"))
        self.close_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.close_button.clicked.connect(self.dismissed)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(16, 7, 8, 7)
        lay.setSpacing(10)
        lay.addWidget(self.text)
        lay.addWidget(self.detail)
        lay.addWidget(self.button)
        lay.addWidget(self.other)
        lay.addWidget(self.close_button)
        self.hide()
        pane.installEventFilter(self)

    # -- showing ----------------------------------------------------------------------------------
    def set_enter_works(self, works: bool) -> None:
        """Enter looks up only where it does not mean something else (a text field has the focus):
        the button then names Ctrl+Enter."""
        if works != self._enter_works:
            self._enter_works = works
            self.show_state(self.state)

    def _key(self) -> str:
        return self.tr("Enter") if self._enter_works else self.tr("Ctrl+Enter")

    def show_state(self, state: ChipState) -> None:
        self.state = state
        if state.kind == "hidden":
            self.hide()
            return
        detail, button, tone = "", "", ""
        if state.kind == "pair":
            text = self.tr("HMS-nr {0} · Serienr {1}").format(state.hmsnr, state.serienr)
            if state.known is False:
                detail = self.tr("— finnes ikke i registeret")
                button = self.tr("Søk ({0})").format(self._key())
                tone = "warn"
            else:
                button = self.tr("Slå opp ({0})").format(self._key())
        elif state.kind == "partial":
            if state.hmsnr:
                text = self.tr("HMS-nr {0} · serienr ikke lest").format(state.hmsnr)
            else:
                text = self.tr("Serienr {0} · HMS-nr ikke lest").format(state.serienr)
            button = self.tr("Søk ({0})").format(self._key())
            tone = "warn"
        elif state.kind == "codes":
            text = state.text
            detail = self.tr("— ikke HMS-nr/serienr")
        elif state.kind == "reading":
            text = self.tr("Leser merket …")
        else:
            text = state.text
        self.text.setText(text)
        self.detail.setText(detail)
        self.detail.setVisible(bool(detail))
        self.button.setText(button)
        self.button.setAccessibleName(button)
        self.button.setVisible(bool(button))
        self.other.setVisible(state.kind == "pair" and state.known is False)
        self.close_button.setVisible(state.kind != "reading")
        self.setProperty("tone", tone)
        self.style().unpolish(self)
        self.style().polish(self)
        described = " ".join(s for s in (text, detail, button) if s)
        self.setAccessibleDescription(described)
        self.setToolTip(self.tr("Lest fra videobildet – sjekk tallene før du slår opp") if state.actionable else "")
        self.show()
        self.raise_()
        self._place()

    def _place(self) -> None:
        pane = self._pane
        self.setMaximumWidth(max(200, pane.width() - 24))
        self.adjustSize()
        w, h = min(self.sizeHint().width(), pane.width() - 24), self.sizeHint().height()
        self.setGeometry((pane.width() - w) // 2, pane.height() - h - 14, w, h)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if watched is self._pane and event.type() == QEvent.Type.Resize and self.isVisible():
            self._place()
        return False

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt API
        if event.button() == Qt.MouseButton.LeftButton and self.state.actionable \
                and self.rect().contains(event.position().toPoint()):
            event.accept()
            self.activated.emit()
            return
        super().mouseReleaseEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt API
        event.accept()              # the pane under the chip does not start panning


class LabelReader(QObject):
    """Reads the video pane's picture for the chip: live (throttled, voted) and on demand."""

    lookupRequested = Signal(str, str)      # hmsnr, serienr: fill the lookup and look up
    searchRequested = Signal(str)           # the forgiving search, prefilled
    readDone = Signal(object)               # every finished read (LabelRead); tests wait on it
    ticked = Signal(str)                    # what the live timer did: "les", "ocr", or why it skipped

    def __init__(self, ops: Operations, pane, known: Callable[[], Known | None] | None = None,
                 parent: QObject | None = None, *, interval_ms: int = LIVE_INTERVAL_MS,
                 live_ocr: bool = True) -> None:
        super().__init__(parent)
        self.setObjectName("labelReader")
        self._ops = ops
        self._pane = pane
        self._make_known = known or (lambda: None)
        self._known: Known | None = self._make_known()
        self.live_ocr = live_ocr
        self.chip = LabelChip(pane)
        self.region_tool = RegionTool(pane)
        self.voter = LiveLabelVoter(needed=3, window=6, needed_known=2)
        self.ocr_voter = LiveLabelVoter(needed=2, window=3, needed_known=2)
        self.last_read: LabelRead | None = None
        self.reads_started = 0
        self._generation = 0            # bumped by the privacy pause: reads started before are dropped
        self._busy = False              # a live read is running
        self._demand_busy = False
        self._live_broken = False
        self._last_seq: tuple | None = None
        self._last_code_at = time.monotonic()
        self._last_ocr_at = 0.0
        self._pair_seen_at = 0.0
        self._taken: tuple[str, str] | None = None   # looked up or dismissed: not offered again while in sight
        self._codes_seen: list[str] = []

        self._timer = QTimer(self)
        self._timer.setObjectName("labelReaderTimer")
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.tick)
        self._message_timer = QTimer(self)
        self._message_timer.setObjectName("labelChipMessageTimer")
        self._message_timer.setSingleShot(True)
        self._message_timer.timeout.connect(self._message_expired)

        self._build_actions()
        self.chip.activated.connect(self.confirm)
        self.chip.secondary.connect(self._look_up_anyway)
        self.chip.dismissed.connect(self.dismiss)
        self.region_tool.regionChosen.connect(lambda region: self.read_now(region))
        pane.privacyChanged.connect(self._privacy_changed)
        ops.changed.connect(self._ops_changed)
        app = QApplication.instance()
        if app is not None:
            app.focusChanged.connect(self._focus_changed)
        self._timer.start()

    # -- actions -------------------------------------------------------------------------------------
    def _build_actions(self) -> None:
        def action(text: str, keys: list[str], slot, tip: str) -> QAction:
            a = QAction(text, self)
            a.setShortcuts([QKeySequence(k) for k in keys])
            a.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            a.setStatusTip(tip)
            a.setToolTip(tip)
            a.triggered.connect(slot)
            return a

        self.act_read = action(self.tr("&Les merke"), ["Ctrl+R"], lambda: self.read_now(),
                               self.tr("Fryser bildet og leser strekkoder og HMS-nr/serienr på merket"))
        self.act_region = action(self.tr("Les merke i o&mråde …"), ["Ctrl+Shift+R"], self.start_region,
                                 self.tr("Dra et rektangel rundt merket på det frosne bildet"))
        self.act_confirm = action(self.tr("Slå opp &avlest merke"), ["Ctrl+Return", "Ctrl+Enter"], self.confirm,
                                  self.tr("Fyller ut oppslaget med tallene i merkebrikken og slår opp"))
        # Enter alone only where it does not already mean something (a text field, a list, a dialog)
        self.act_confirm_enter = action(self.tr("Slå opp avlest merke (Enter)"), ["Return", "Enter"],
                                        self.confirm, self.tr("Slår opp tallene i merkebrikken"))
        for a in (self.act_read, self.act_region, self.act_confirm, self.act_confirm_enter):
            a.setObjectName("act_" + a.text().replace("&", "").split(" ")[0].lower())
        self._sync_actions()

    def actions(self) -> list[QAction]:
        """For the Video menu."""
        return [self.act_read, self.act_region, self.act_confirm]

    def hidden_actions(self) -> list[QAction]:
        """Shortcuts only (added to the window, not to a menu)."""
        return [self.act_confirm_enter]

    def _sync_actions(self) -> None:
        actionable = self.chip.state.actionable
        enter_ok = not _eats_enter(QApplication.focusWidget())
        self.act_confirm.setEnabled(actionable)
        self.act_confirm_enter.setEnabled(actionable and enter_ok)
        self.chip.set_enter_works(enter_ok)

    def _focus_changed(self, _old, _new) -> None:
        self._sync_actions()

    # -- chip state ----------------------------------------------------------------------------------
    @property
    def state(self) -> ChipState:
        return self.chip.state

    def _show(self, state: ChipState, expire: bool = False) -> None:
        self._message_timer.stop()
        self.chip.show_state(state)
        if expire:
            self._message_timer.start(MESSAGE_MS)
        self._sync_actions()

    def _message_expired(self) -> None:
        if self.chip.state.kind in ("message", "codes", "partial"):
            self._show(HIDDEN)

    def _take(self, key: tuple[str, str]) -> None:
        """Looked up or closed: not offered again while the label stays in sight."""
        self._taken = key
        self._pair_seen_at = time.monotonic()

    def confirm(self) -> None:
        """Enter / a click on the chip: the lookup (a known or unchecked pair) or the search."""
        state = self.chip.state
        if not state.actionable:
            return
        self._take(state.key)
        self._show(HIDDEN)
        if state.kind == "pair" and state.known is not False:
            self.lookupRequested.emit(state.hmsnr, state.serienr)
        elif state.kind == "pair":
            self.searchRequested.emit(f"{state.hmsnr} {state.serienr}")
        else:
            self.searchRequested.emit(state.hmsnr or state.serienr)

    def _look_up_anyway(self) -> None:
        state = self.chip.state
        if state.kind == "pair":
            self._take(state.key)
            self._show(HIDDEN)
            self.lookupRequested.emit(state.hmsnr, state.serienr)

    def dismiss(self) -> None:
        state = self.chip.state
        if state.kind == "pair":
            self._take(state.key)
        self._show(HIDDEN)

    # -- live ------------------------------------------------------------------------------------------
    def _why_not(self) -> str | None:
        pane = self._pane
        if self._live_broken:
            return "feil"
        if pane.is_privacy_paused:
            return "personvernpause"
        if not pane.isVisible() or pane.window().isMinimized() or getattr(pane, "in_standby", False):
            return "skjult"
        if pane.is_frozen:
            return "fryst"
        if self._busy:
            return "opptatt"
        return None

    def tick(self) -> None:
        """One turn of the live timer: start a read of the newest picture, or say why not."""
        reason = self._why_not()
        now = time.monotonic()
        if reason is None and now - self._pair_seen_at > STALE_S and (self.chip.state.live or self._taken):
            # the label has been out of sight for a while: start afresh
            self.voter.reset()
            self.ocr_voter.reset()
            self._taken = None
            if self.chip.state.live:
                self._show(HIDDEN)
        if reason is None:
            frame = self._pane.current_frame()
            if frame is None:
                reason = "ingen bilde"
            elif (frame.seq, frame.t_capture) == self._last_seq:
                reason = "samme bilde"
            elif frame.blanked:
                reason = "sladdet"
        if reason is not None:
            self.ticked.emit(reason)
            return
        self._last_seq = (frame.seq, frame.t_capture)
        ocr = (self.live_ocr and now - self._last_ocr_at >= LIVE_OCR_EVERY_S
               and now - self._last_code_at >= LIVE_OCR_AFTER_NO_CODE_S)
        image, generation = frame.image, self._generation
        if ocr:
            self._last_ocr_at = now
            work = lambda _: read_label(image, budget_s=LIVE_OCR_BUDGET_S)  # noqa: E731
        else:
            work = lambda _: read_label(image, live=True, budget_s=LIVE_BUDGET_S)  # noqa: E731
        self._busy = True
        self.reads_started += 1
        self.ticked.emit("ocr" if ocr else "les")
        op = self._ops.staged(self, cpu(work), db(self._scored))
        op.success(lambda read: self._live_done(read, generation, ocr)) \
            .failure(lambda exc: log.info("live label read failed: %s", exc.code)) \
            .finally_(lambda ok: self._live_finished(ok, op)).run()

    def _live_finished(self, ok: bool, op) -> None:
        self._busy = False
        if not ok and op.error is not None and not isinstance(op.error, HmsError):
            # an unexpected error was reported once (crash dialog): not again four times a second
            self._live_broken = True

    def _scored(self, read: LabelRead) -> LabelRead:
        """On the database worker: the register decides between candidate pairs."""
        known = self._known
        if known is None or not (read.hmsnr and read.serienr):
            return read
        return read.rescored(known)

    def _live_done(self, read: LabelRead, generation: int, ocr: bool) -> None:
        if generation != self._generation or self._pane.is_privacy_paused:
            return                                       # read before a privacy pause: dropped unseen
        now = time.monotonic()
        self.last_read = read
        if read.codes:
            self._last_code_at = now
        confirmed = (self.ocr_voter if ocr else self.voter).add(read)
        if confirmed is not None and read.pair == (confirmed.hmsnr, confirmed.serienr):
            self._pair_seen_at = now
            self._offer_live(confirmed)
        elif read.best is None and not ocr:
            self._offer_codes(read)
        self.readDone.emit(read)

    def _offer_live(self, pair: Pair) -> None:
        key = (pair.hmsnr, pair.serienr)
        if key == self._taken:
            return                        # looked up or closed, and still in sight
        self._taken = None
        state = self.chip.state
        if state.kind in ("reading",) or (state.kind == "pair" and not state.live):
            return                        # an on-demand result is showing: it stays until used or closed
        new = ChipState("pair", pair.hmsnr, pair.serienr, pair.known, live=True)
        if new != state:
            self._show(new)

    def _offer_codes(self, read: LabelRead) -> None:
        """Codes that are not NAV's numbers (GS1, EAN …), shown when two reads in a row agree."""
        text = self._codes_text(read)
        self._codes_seen = (self._codes_seen + [text])[-2:]
        if not text or self._codes_seen != [text, text] or self.chip.state.kind not in ("hidden", "codes"):
            return
        state = ChipState("codes", text=text, live=True)
        if state != self.chip.state:
            self._show(state, expire=True)

    def _codes_text(self, read: LabelRead) -> str:
        parts: list[str] = []
        for code in read.codes:
            if code.gs1 is not None:
                if code.gs1.gtin:
                    parts.append(self.tr("GTIN {0}").format(code.gs1.gtin))
                if code.gs1.serial:
                    parts.append(self.tr("Produsentens serienr (21) {0}").format(code.gs1.serial))
                if code.gs1.lot:
                    parts.append(self.tr("Parti (10) {0}").format(code.gs1.lot))
                if not (code.gs1.gtin or code.gs1.serial or code.gs1.lot):
                    parts.append(code.gs1.bracketed)
            elif code.format.startswith(("EAN", "UPC")):
                parts.append(self.tr("Strekkode {0} {1}").format(code.format, code.text))
            else:
                text = code.text if len(code.text) <= 40 else code.text[:39] + "…"
                parts.append(self.tr("Strekkode {0} «{1}»").format(code.format, text.replace("\x1d", " ")))
        return " · ".join(list(dict.fromkeys(parts))[:3])      # each once, in order

    # -- on demand -----------------------------------------------------------------------------------
    def start_region(self) -> None:
        if self._pane.is_privacy_paused:
            self._show(ChipState("message", text=self.tr("Personvernpause: ingen bilder leses.")), expire=True)
            return
        if not self.region_tool.start():
            self._show(ChipState("message", text=self.tr("Ingen videobilde å lese merket fra.")), expire=True)

    def read_now(self, region: tuple[int, int, int, int] | None = None) -> bool:
        """«Les merke»: freeze the picture (if live) and read all of it, or ``region`` (picture pixels)."""
        pane = self._pane
        if pane.is_privacy_paused:
            self._show(ChipState("message", text=self.tr("Personvernpause: ingen bilder leses.")), expire=True)
            return False
        if self._demand_busy:
            return False
        if not pane.freeze():
            self._show(ChipState("message", text=self.tr("Ingen videobilde å lese merket fra.")), expire=True)
            return False
        frame = pane.current_frame()
        if frame is None:
            return False
        if frame.blanked:
            self._show(ChipState("message", text=self.tr(
                "Bildet er svart mens ansiktssladdingen starter eller henger etter. Slipp bildet fri og prøv "
                "igjen om et øyeblikk.")), expire=True)
            return False
        image, generation = frame.image, self._generation
        self._demand_busy = True
        self.reads_started += 1
        self._show(ChipState("reading"))
        self._ops.staged(self, cpu(lambda _: read_label(image, region=region, budget_s=ON_DEMAND_BUDGET_S)),
                         db(self._scored)) \
            .success(lambda read: self._demand_done(read, generation)) \
            .failure(lambda exc: self._demand_failed(exc, generation)) \
            .finally_(self._demand_finished).run()
        return True

    def _demand_finished(self, ok: bool) -> None:
        self._demand_busy = False
        if not ok and self.chip.state.kind == "reading":
            self._show(HIDDEN)

    def _demand_failed(self, exc: HmsError, generation: int) -> None:
        if generation == self._generation:
            self._show(ChipState("message", text=exc.message), expire=True)

    def _demand_done(self, read: LabelRead, generation: int) -> None:
        if generation != self._generation or self._pane.is_privacy_paused:
            return
        self.last_read = read
        self._taken = None
        if read.best is not None:
            self._show(ChipState("pair", read.best.hmsnr, read.best.serienr, read.best.known))
        elif read.hmsnr or read.serienr:
            h = read.hmsnr[0].value if read.hmsnr else ""
            s = read.serienr[0].value if read.serienr else ""
            self._show(ChipState("partial", h, s))
        elif read.codes:
            self._show(ChipState("codes", text=self._codes_text(read)), expire=True)
        else:
            text = self.tr("Fant ingen strekkode eller HMS-nr/serienr.")
            if read.region is None:
                text += " " + self.tr("Marker merket med Ctrl+Shift+R.")
            if read.ocr not in ("ok", "ikke kjørt"):
                text += " " + read.ocr
            self._show(ChipState("message", text=text), expire=True)
        self.readDone.emit(read)

    # -- events ------------------------------------------------------------------------------------------
    def _privacy_changed(self, paused: bool) -> None:
        if paused:
            self._generation += 1            # whatever is being read now is dropped when it returns
            self.voter.reset()
            self.ocr_voter.reset()
            self._codes_seen.clear()
            self._last_seq = None
            self.last_read = None
            self._show(HIDDEN)

    def _ops_changed(self, changes) -> None:
        if Change.CATALOG in changes:        # a register import: ask the new register
            self._known = self._make_known()

    def stop(self) -> None:
        """Stop the live loop (on-demand reads still work)."""
        self._timer.stop()
        self._message_timer.stop()

    def start(self) -> None:
        """Start the live loop again."""
        self._timer.start()

    @property
    def running(self) -> bool:
        return self._timer.isActive()
