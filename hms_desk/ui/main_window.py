"""The main window: video in the centre, case / lookup / parts as docks.

It only arranges widgets and wires their signals; every widget got the
narrow services it needs from ``ui.application`` (the GUI half of the
composition root).
"""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QByteArray, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDockWidget, QLabel, QMainWindow, QMessageBox, QToolBar, QWidget

from hms_desk import APP_NAME, __version__
from hms_desk.ui.annotation_layer import AnnotationLayer
from hms_desk.ui.case_panel import CasePanel
from hms_desk.ui.lookup_panel import LookupPanel
from hms_desk.ui.parts_panel import PartsPanel
from hms_desk.ui.video_pane import VideoPane


class MainWindow(QMainWindow):
    shown = Signal()
    importRequested = Signal()          # Fil → Importer …; ui.application opens the dialog
    liveBlurToggled = Signal(bool)      # Video → Sladd ansikter i sanntid; ui.application installs the processor
    auditRequested = Signal()           # Vis → Revisjonslogg …; ui.application opens the dialog

    def __init__(self, video: QWidget, case_panel: CasePanel, lookup_panel: LookupPanel,
                 parts_panel: PartsPanel, on_language: Callable[[str], None] | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(f"{APP_NAME}")
        self.setObjectName("MainWindow")
        self.video = video
        self.case_panel = case_panel
        self.lookup_panel = lookup_panel
        self.parts_panel = parts_panel
        self._on_language = on_language
        self.setCentralWidget(video)
        # drawing on the frozen frame (Annoter menu); None for a stand-in video widget
        self.annotations = AnnotationLayer(video) if isinstance(video, VideoPane) else None
        self.setDockNestingEnabled(True)

        self.case_dock = self._dock(self.tr("Sak og journal"), "caseDock", case_panel, Qt.DockWidgetArea.LeftDockWidgetArea)
        self.lookup_dock = self._dock(self.tr("Oppslag"), "lookupDock", lookup_panel, Qt.DockWidgetArea.RightDockWidgetArea)
        self.parts_dock = self._dock(self.tr("Deler og bestilling"), "partsDock", parts_panel, Qt.DockWidgetArea.RightDockWidgetArea)
        self.splitDockWidget(self.lookup_dock, self.parts_dock, Qt.Orientation.Vertical)
        self.resizeDocks([self.case_dock, self.lookup_dock], [380, 500], Qt.Orientation.Horizontal)
        self.resizeDocks([self.lookup_dock, self.parts_dock], [330, 600], Qt.Orientation.Vertical)

        # status bar: case, connection, privacy
        self.case_label = QLabel(self.tr("Ingen sak"))
        self.conn_label = QLabel(self.tr("Video: starter"))
        self.privacy_label = QLabel(self.tr("Kamera på"))
        self.privacy_label.setObjectName("privacyState")
        for w in (self.case_label, self.conn_label, self.privacy_label):
            w.setContentsMargins(8, 0, 8, 0)
        self.statusBar().addPermanentWidget(self.case_label)
        self.statusBar().addPermanentWidget(self.conn_label)
        self.statusBar().addPermanentWidget(self.privacy_label)

        self._build_actions()
        self._wire()
        self.resize(1600, 940)

    def _dock(self, title: str, name: str, widget: QWidget, area) -> QDockWidget:
        d = QDockWidget(title, self)
        d.setObjectName(name)
        d.setWidget(widget)
        d.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable | QDockWidget.DockWidgetFeature.DockWidgetFloatable
                      | QDockWidget.DockWidgetFeature.DockWidgetClosable)
        self.addDockWidget(area, d)
        return d

    def _action(self, text: str, shortcut, slot, checkable: bool = False, tip: str = "") -> QAction:
        a = QAction(text, self)
        if shortcut:
            a.setShortcuts(shortcut if isinstance(shortcut, list) else [QKeySequence(shortcut)])
        a.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        a.setCheckable(checkable)
        if tip:
            a.setStatusTip(tip)
        a.triggered.connect(slot)
        return a

    def _build_actions(self) -> None:
        v = self.video
        self.act_new_case = self._action(self.tr("&Ny sak"), QKeySequence.StandardKey.New, self.case_panel.start_case)
        self.act_export = self._action(self.tr("&Eksporter journalnotat"), "Ctrl+E", self.case_panel.export_journal)
        self.act_close_case = self._action(self.tr("&Avslutt sak"), "Ctrl+W", self.case_panel.close_case)
        self.act_import = self._action(self.tr("&Importer …"), "Ctrl+Shift+I", lambda: self.importRequested.emit(),
                                       tip=self.tr("Importer katalog- eller registerfiler"))
        self.act_quit = self._action(self.tr("A&vslutt HMS Desk"), QKeySequence.StandardKey.Quit, self.close)
        self.act_freeze = self._action(self.tr("&Frys bilde"), "F", v.toggle_freeze, checkable=True,
                                       tip=self.tr("Frys eller fortsett videobildet"))
        self.act_snapshot = self._action(self.tr("Ta &bilde"), "Ctrl+B", self.take_snapshot,
                                         tip=self.tr("Lagrer bildet i saken med ansikter sladdet"))
        self.act_privacy = self._action(self.tr("&Personvernpause"), "Ctrl+P", self.toggle_privacy, checkable=True,
                                        tip=self.tr("Slår kameraet av med en gang"))
        self.act_zoom_in = self._action(self.tr("Zoom &inn"), [QKeySequence("+"), QKeySequence("Ctrl++")], v.zoom_in)
        self.act_zoom_out = self._action(self.tr("Zoom &ut"), [QKeySequence("-"), QKeySequence("Ctrl+-")], v.zoom_out)
        self.act_zoom_reset = self._action(self.tr("&Tilbakestill zoom"), "0", v.reset_view)
        self.act_rotate = self._action(self.tr("&Roter 90°"), "R", v.rotate_clockwise)
        self.act_overlay = self._action(self.tr("Vis &måltall (fps, forsinkelse)"), "Ctrl+I", v.toggle_overlay, checkable=True)
        self.act_fullscreen = self._action(self.tr("&Fullskjerm"), "F11", self.toggle_fullscreen, checkable=True)
        self.act_lookup = self._action(self.tr("Gå til &oppslag"), "Ctrl+L", self.focus_lookup)
        self.act_about = self._action(self.tr("&Om HMS Desk"), None, self.about)
        self.act_live_blur = self._action(self.tr("&Sladd ansikter i sanntid"), "Ctrl+Shift+F",
                                          lambda checked: self.liveBlurToggled.emit(bool(checked)), checkable=True,
                                          tip=self.tr("Sladder ansikter i videobildet (på når brukeren deltar)"))
        self.act_audit = self._action(self.tr("&Revisjonslogg …"), None, lambda: self.auditRequested.emit())

        mb = self.menuBar()
        m = mb.addMenu(self.tr("&Fil"))
        for a in (self.act_new_case, self.act_export, self.act_close_case):
            m.addAction(a)
        m.addSeparator()
        m.addAction(self.act_import)
        m.addSeparator()
        m.addAction(self.act_quit)
        m = mb.addMenu(self.tr("&Video"))
        self.video_menu = m
        for a in (self.act_freeze, self.act_snapshot, self.act_privacy, self.act_live_blur):
            m.addAction(a)
        m.addSeparator()
        for a in (self.act_zoom_in, self.act_zoom_out, self.act_zoom_reset, self.act_rotate, self.act_overlay,
                  self.act_fullscreen):
            m.addAction(a)
        if self.annotations is not None:
            self._build_annotation_menu(mb)
        m = mb.addMenu(self.tr("V&is"))
        self.view_menu = m
        m.addAction(self.act_lookup)
        m.addAction(self.act_audit)
        for d in (self.case_dock, self.lookup_dock, self.parts_dock):
            m.addAction(d.toggleViewAction())
        lang = mb.addMenu(self.tr("&Språk"))
        lang.addAction(self.tr("Norsk bokmål"), lambda: self._language("nb"))
        lang.addAction("English", lambda: self._language("en"))
        mb.addMenu(self.tr("&Hjelp")).addAction(self.act_about)

        tb = QToolBar(self.tr("Video"))
        tb.setObjectName("videoToolbar")
        tb.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for a in (self.act_new_case, self.act_freeze, self.act_snapshot, self.act_privacy, self.act_zoom_in,
                  self.act_zoom_out, self.act_rotate, self.act_export):
            tb.addAction(a)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, tb)
        if self.annotations is not None:
            self.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.annotation_toolbar)

    def _build_annotation_menu(self, mb) -> None:
        """«Annoter»: the drawing tools (1–6, V), colour, width, undo/redo; usable while frozen."""
        layer = self.annotations
        m = mb.addMenu(self.tr("&Annoter"))
        self.annotation_menu = m
        layer.build_menu(m)
        self.annotation_toolbar = layer.build_toolbar(self)
        layer.failed.connect(lambda msg: self.statusBar().showMessage(msg, 8000))
        layer.toolChanged.connect(lambda kind: self.statusBar().showMessage(
            self.tr("Tegn på det frosne bildet – Esc legger fra deg verktøyet, Ctrl+Z angrer, "
                    "Ctrl+Shift+Z gjør om."), 5000)
            if kind else None)

    def _wire(self) -> None:
        cp, lp, pp, v = self.case_panel, self.lookup_panel, self.parts_panel, self.video
        cp.caseStarted.connect(self._case_started)
        cp.caseClosed.connect(self._case_closed)
        cp.message.connect(lambda m: self.statusBar().showMessage(m, 8000))
        lp.deviceFound.connect(pp.set_device)
        lp.deviceFound.connect(self._device_found)
        cp.snapshotAdded.connect(lambda sid: setattr(pp, "snapshot_id", sid))
        pp.orderCreated.connect(lambda n: self.statusBar().showMessage(self.tr("Bestilling {0} sendt").format(n), 8000))
        pp.decision_source = lambda: (cp.decision.currentData(), cp.reason.text().strip())   # for the repair order
        pp.documentFailed.connect(lambda m: self.statusBar().showMessage(m, 8000))
        v.stateChanged.connect(lambda state, msg: self.conn_label.setText(self.tr("Video: {0}").format(msg or state)))
        v.privacyChanged.connect(self._privacy_changed)
        v.freezeChanged.connect(self.act_freeze.setChecked)

    # -- slots -------------------------------------------------------------------
    def _case_started(self, case_id: int, number: str) -> None:
        self.case_label.setText(self.tr("Sak {0}").format(number))
        self.parts_panel.set_case(case_id)

    def _case_closed(self, case_id: int, deleted: int) -> None:
        self.case_label.setText(self.tr("Ingen sak"))
        self.parts_panel.set_case(None)

    def _device_found(self, card) -> None:
        self.case_panel.set_device(card)

    def take_snapshot(self) -> None:
        if self.video.is_privacy_paused:
            self.statusBar().showMessage(self.tr("Personvernpause: ingen bilder tas."), 5000)
            return
        frame = self.video.current_frame()
        if frame is None:
            self.statusBar().showMessage(self.tr("Ingen videobilde å ta bilde av."), 5000)
            return
        drawings = self.annotations.to_json() if self.annotations is not None and self.video.is_frozen else None
        self.case_panel.add_snapshot(frame.image, drawings)

    def toggle_privacy(self) -> None:
        self.video.set_privacy_paused(not self.video.is_privacy_paused)

    def _privacy_changed(self, paused: bool) -> None:
        self.act_privacy.setChecked(paused)
        self.act_snapshot.setEnabled(not paused)
        if paused:
            self.privacy_label.setText(self.tr("PERSONVERNPAUSE – kamera av"))
            self.privacy_label.setStyleSheet("background:#b00020;color:white;font-weight:bold;padding:2px 8px;")
        else:
            self.privacy_label.setText(self.tr("Kamera på"))
            self.privacy_label.setStyleSheet("")
        self.case_panel.log_event("personvernpause", "Personvernpause på" if paused else "Personvernpause av")

    def toggle_fullscreen(self) -> None:
        self.showNormal() if self.isFullScreen() else self.showFullScreen()

    def add_search_panel(self, panel: QWidget) -> QDockWidget:
        """The search dock (built by ui.application), tabbed with the lookup; Ctrl+F goes to it."""
        self.search_panel = panel
        self.search_dock = self._dock(self.tr("Søk"), "searchDock", panel, Qt.DockWidgetArea.RightDockWidgetArea)
        self.tabifyDockWidget(self.lookup_dock, self.search_dock)
        self.lookup_dock.raise_()
        self.act_search = self._action(self.tr("&Søk etter hjelpemiddel"), "Ctrl+F", self.focus_search)
        self.view_menu.insertAction(self.act_lookup, self.act_search)
        self.view_menu.addAction(self.search_dock.toggleViewAction())
        return self.search_dock

    def focus_search(self) -> None:
        self.search_dock.show()
        self.search_dock.raise_()
        box = getattr(self.search_panel, "box", None)
        if box is not None:
            box.setFocus()
            box.selectAll()

    def focus_lookup(self) -> None:
        self.lookup_dock.show()
        self.lookup_dock.raise_()
        self.lookup_panel.hmsnr.setFocus()
        self.lookup_panel.hmsnr.selectAll()

    def _language(self, lang: str) -> None:
        if self._on_language:
            self._on_language(lang)
        QMessageBox.information(self, APP_NAME, self.tr("Språket endres neste gang HMS Desk starter."))

    def about(self) -> None:
        QMessageBox.about(self, self.tr("Om HMS Desk"),
                          self.tr("{0} {1}\nVideostøtte, oppslag og delbestilling for NAV Hjelpemiddelsentral.\n"
                                  "Katalogdata: NAV (MIT-lisens).").format(APP_NAME, __version__))

    # -- layout memory ---------------------------------------------------------------
    def layout_state(self) -> tuple[str, str]:
        return (bytes(self.saveGeometry().toBase64()).decode(), bytes(self.saveState().toBase64()).decode())

    def add_video_source_actions(self, choose_source: Callable[[], None], precall_check: Callable[[], None]) -> None:
        """Video → «Velg videokilde …» (Ctrl+Shift+V) and «Forhåndssjekk …» (Ctrl+Shift+K)."""
        self.act_choose_source = self._action(self.tr("Velg &videokilde …"), "Ctrl+Shift+V", choose_source,
                                              tip=self.tr("Kamera, vindu, skjerm, strøm, fil eller demo"))
        self.act_precall = self._action(self.tr("Forhånds&sjekk …"), "Ctrl+Shift+K", precall_check,
                                        tip=self.tr("Sjekk bilde, bildefrekvens og lys før samtalen"))
        first = self.video_menu.actions()[0] if self.video_menu.actions() else None
        self.video_menu.insertAction(first, self.act_choose_source)
        self.video_menu.insertAction(first, self.act_precall)
        self.video_menu.insertSeparator(first)

    def restore_layout(self, geometry: str, state: str) -> None:
        if geometry:
            self.restoreGeometry(QByteArray.fromBase64(geometry.encode()))
        if state:
            self.restoreState(QByteArray.fromBase64(state.encode()))

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.shown.emit()
