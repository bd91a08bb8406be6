"""The main window: the caller's video in the centre, the technician's work beside it.

The video is the largest thing on screen.  Everything else lives in one
dock of tabs — Sak, Hjelpemiddel, Deler, Bestilling, Søk, Saker — each page
scrolls on its own, so the window never needs to be taller than a 1366×768
laptop screen.  The dock can float (a second monitor), collapse (F9) and be
reset; its layout is remembered per screen size.

The window only arranges widgets and wires their signals; every widget got
the narrow services it needs from ``ui.application`` (the GUI half of the
composition root).  Widgets talk through the shared :class:`CaseContext` and
the operations' change events, never by reaching into each other.
"""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QByteArray, QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QDockWidget, QFrame, QLabel, QMainWindow, QMessageBox,
                               QScrollArea, QTabWidget, QTableWidget, QTableWidgetItem, QToolBar, QVBoxLayout,
                               QWidget)

from hms_desk import APP_NAME, __version__
from hms_desk.domain.i18n import t
from hms_desk.ui.annotation_layer import AnnotationLayer
from hms_desk.ui.case_context import CaseContext
from hms_desk.ui.case_panel import CasePanel
from hms_desk.ui.lookup_panel import LookupPanel
from hms_desk.ui.ops import Operations
from hms_desk.ui.parts_panel import PartsPanel
from hms_desk.ui.video_pane import VideoPane

#: The work dock's width: a share of the window, within these bounds (px).
DOCK_SHARE, DOCK_MIN, DOCK_MAX = 0.28, 390, 560


def scrolled(widget: QWidget, name: str) -> QScrollArea:
    """A page that scrolls instead of making the window taller."""
    area = QScrollArea()
    area.setObjectName(name)
    area.setWidget(widget)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
    return area


class MainWindow(QMainWindow):
    shown = Signal()
    importRequested = Signal()          # Fil → Importer …; ui.application opens the dialog
    liveBlurToggled = Signal(bool)      # Video → Sladd ansikter i sanntid; ui.application installs the processor
    auditRequested = Signal()           # Vis → Revisjonslogg …; ui.application opens the dialog
    settingsRequested = Signal()        # Fil → Innstillinger … (Ctrl+,)
    quitConfirmed = Signal()            # the window is really closing (after any question about an open case)

    def __init__(self, video: QWidget, case_panel: CasePanel, lookup_panel: LookupPanel,
                 parts_panel: PartsPanel, context: CaseContext, ops: Operations,
                 on_language: Callable[[str], None] | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.ops = ops
        self.setWindowTitle(APP_NAME)
        self.setObjectName("MainWindow")
        self.video = video
        self.case_panel = case_panel
        self.lookup_panel = lookup_panel
        self.parts_panel = parts_panel
        self._on_language = on_language
        self._quit_decided = False
        self.setCentralWidget(video)
        video.setMinimumSize(320, 180)
        # drawing on the frozen frame (Annoter menu); None for a stand-in video widget
        self.annotations = AnnotationLayer(video) if isinstance(video, VideoPane) else None
        self.setDockNestingEnabled(True)

        # the technician's work: one dock of scrolling tabs
        self.tabs = QTabWidget()
        self.tabs.setObjectName("workTabs")
        self.tabs.setAccessibleName(self.tr("Arbeidsflate"))
        self.tabs.setDocumentMode(True)
        self.tabs.setUsesScrollButtons(True)
        parts_page, order_page = parts_panel.take_pages()
        parts_panel.setParent(self)          # the controller stays, hidden; its pages live in the tabs
        parts_panel.hide()
        self.tab_case = self.tabs.addTab(scrolled(case_panel, "casePage"), self.tr("&Sak"))
        self.tab_device = self.tabs.addTab(scrolled(lookup_panel, "devicePage"), self.tr("&Hjelpemiddel"))
        self.tab_parts = self.tabs.addTab(scrolled(parts_page, "partsPage"), self.tr("&Deler"))
        self.tab_order = self.tabs.addTab(scrolled(order_page, "orderPage"), self.tr("Bes&tilling"))
        self.work_dock = self._dock(self.tr("Arbeidsflate"), "workDock", self.tabs, Qt.DockWidgetArea.RightDockWidgetArea)

        # status bar: case, consent, connection, privacy
        self.case_label = QLabel(self.tr("Ingen sak"))
        self.consent_label = QLabel()
        self.consent_label.setObjectName("consentBadge")
        self.consent_label.hide()
        self.conn_label = QLabel(self.tr("Video: starter"))
        self.conn_label.setMaximumWidth(320)
        self.privacy_label = QLabel(self.tr("Kamera på"))
        self.privacy_label.setObjectName("privacyState")
        for w in (self.case_label, self.consent_label, self.conn_label, self.privacy_label):
            w.setContentsMargins(8, 0, 8, 0)
            self.statusBar().addPermanentWidget(w)

        self._build_actions()
        self._wire()
        self.resize(1600, 940)
        self._default_state = self.saveState()

    # -- building ------------------------------------------------------------------
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
            a.setToolTip(tip)
        a.triggered.connect(slot)
        return a

    def _build_actions(self) -> None:
        v, cp = self.video, self.case_panel
        self.act_new_case = self._action(self.tr("&Ny sak"), QKeySequence.StandardKey.New, cp.start_case)
        self.act_export = self._action(self.tr("&Eksporter journalnotat …"), "Ctrl+E", cp.export_journal,
                                       tip=self.tr("Åpner journalnotatet: se over, rediger og eksporter"))
        # a deliberate shortcut (Ctrl+W is everyone's "close window"), and it asks first
        self.act_close_case = self._action(self.tr("&Avslutt sak …"), "Ctrl+Shift+W", cp.close_case,
                                           tip=self.tr("Avslutter saken etter å ha vist hva som slettes"))
        self.act_import = self._action(self.tr("&Importer …"), "Ctrl+Shift+I", lambda: self.importRequested.emit(),
                                       tip=self.tr("Importer katalog- eller registerfiler"))
        self.act_settings = self._action(self.tr("Inn&stillinger …"), "Ctrl+,", lambda: self.settingsRequested.emit())
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
        self.act_work = self.work_dock.toggleViewAction()
        self.act_work.setText(self.tr("&Arbeidsflate"))
        self.act_work.setShortcut(QKeySequence("F9"))
        self.act_reset_layout = self._action(self.tr("&Tilbakestill vindusoppsett"), None, self.reset_layout)
        self.act_about = self._action(self.tr("&Om HMS Desk"), None, self.about)
        self.act_shortcuts = self._action(self.tr("&Hurtigtaster …"), "F1", self.show_shortcuts)
        self.act_live_blur = self._action(self.tr("&Sladd ansikter i sanntid"), "Ctrl+Shift+F",
                                          lambda checked: self.liveBlurToggled.emit(bool(checked)), checkable=True,
                                          tip=self.tr("Sladder ansikter i videobildet (på når brukeren deltar)"))
        self.act_audit = self._action(self.tr("&Revisjonslogg …"), None, lambda: self.auditRequested.emit())
        self.act_share = self._action(self.tr("&Delingsvindu (bilde med merker)"), "Ctrl+Shift+D",
                                      self.toggle_share_view, checkable=True,
                                      tip=self.tr("Åpner et rent vindu med bare bildet og merkene, "
                                                  "til å dele i møteappen"))
        self.share_view = None
        self.tab_actions = []
        for i, text in enumerate((self.tr("Sak"), self.tr("Hjelpemiddel"), self.tr("Deler"), self.tr("Bestilling"))):
            self.tab_actions.append(self._action(self.tr("Vis {0}").format(text), f"Ctrl+{i + 1}",
                                                 lambda _c=False, i=i: self.show_tab(i)))

        mb = self.menuBar()
        m = mb.addMenu(self.tr("&Fil"))
        for a in (self.act_new_case, self.act_export, self.act_close_case):
            m.addAction(a)
        m.addSeparator()
        m.addAction(self.act_import)
        m.addAction(self.act_settings)
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
            m.addSeparator()
            m.addAction(self.act_share)
            self._build_annotation_menu(mb)
        m = mb.addMenu(self.tr("V&is"))
        self.view_menu = m
        m.addAction(self.act_lookup)
        for a in self.tab_actions:
            m.addAction(a)
        m.addSeparator()
        m.addAction(self.act_work)
        m.addAction(self.act_reset_layout)
        m.addSeparator()
        m.addAction(self.act_audit)
        lang = mb.addMenu(self.tr("&Språk"))
        lang.addAction(self.tr("Norsk bokmål"), lambda: self._language("nb"))
        lang.addAction("English", lambda: self._language("en"))
        help_menu = mb.addMenu(self.tr("&Hjelp"))
        help_menu.addAction(self.act_shortcuts)
        help_menu.addAction(self.act_about)

        tb = QToolBar(self.tr("Video"))
        tb.setObjectName("videoToolbar")
        tb.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for a in (self.act_new_case, self.act_freeze, self.act_snapshot, self.act_privacy, self.act_zoom_in,
                  self.act_zoom_out, self.act_rotate, self.act_export):
            tb.addAction(a)
        self.video_toolbar = tb
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
        self.video.set_error_reporter(self.ops.report_unexpected)   # a tracker error goes to the crash path
        layer.toolChanged.connect(lambda kind: self.statusBar().showMessage(
            self.tr("Tegn på det frosne bildet – Esc legger fra deg verktøyet, Ctrl+Z angrer, "
                    "Ctrl+Shift+Z gjør om."), 5000)
            if kind else None)

    def toggle_share_view(self) -> None:
        """Video → «Delingsvindu» (Ctrl+Shift+D): open the share view, or close it."""
        if self.share_view is not None:
            self.share_view.close()
            return
        from hms_desk.ui.share_view import ShareView

        view = ShareView(self.video, self.annotations)     # a window of its own: not minimised with this one
        view.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        view.closed.connect(self._share_view_closed)
        self.destroyed.connect(view.close)
        self.share_view = view
        self.act_share.setChecked(True)
        view.show()
        self.statusBar().showMessage(self.tr("Delingsvinduet er åpent: del det i møteappen. "
                                             "Ctrl+Shift+D lukker det."), 8000)

    def _share_view_closed(self) -> None:
        self.share_view = None
        self.act_share.setChecked(False)

    def _wire(self) -> None:
        cp, pp, v = self.case_panel, self.parts_panel, self.video
        self.context.caseChanged.connect(self._case_changed)
        cp.message.connect(lambda m: self.statusBar().showMessage(m, 8000))
        cp.consentStateChanged.connect(self._consent_changed)
        self.ops.message.connect(lambda m: self.statusBar().showMessage(m, 10000))
        pp.orderCreated.connect(lambda n: self.statusBar().showMessage(self.tr("Bestilling {0} sendt").format(n), 8000))
        pp.documentFailed.connect(lambda m: self.statusBar().showMessage(m, 8000))
        pp.linesCountChanged.connect(self._order_lines_changed)
        v.stateChanged.connect(self._video_state)
        v.privacyChanged.connect(self._privacy_changed)
        v.freezeChanged.connect(self.act_freeze.setChecked)
        v.freezeChanged.connect(self._search_frozen_ahead)

    # -- slots -------------------------------------------------------------------
    def _case_changed(self, case) -> None:
        self.case_label.setText(self.tr("Sak {0}").format(case.number) if case is not None else self.tr("Ingen sak"))
        self.setWindowTitle(f"{APP_NAME} – {case.number}" if case is not None else APP_NAME)

    def _consent_changed(self, blocked: bool, text: str) -> None:
        """The case's most important state stays visible whatever tab is open."""
        self.consent_label.setVisible(bool(text))
        self.consent_label.setText(text)
        self.consent_label.setStyleSheet("background:#b00020;color:white;font-weight:bold;padding:2px 8px;"
                                         if blocked else "")

    def _order_lines_changed(self, n: int) -> None:
        self.tabs.setTabText(self.tab_order, self.tr("Bes&tilling ({0})").format(n) if n else self.tr("Bes&tilling"))

    def _video_state(self, state: str, msg: str) -> None:
        text = self.tr("Video: {0}").format(t(msg or state))
        self.conn_label.setToolTip(text)
        metrics = self.conn_label.fontMetrics()
        self.conn_label.setText(metrics.elidedText(text, Qt.TextElideMode.ElideRight, 300))

    def show_tab(self, index: int) -> None:
        self.work_dock.show()
        self.work_dock.raise_()
        self.tabs.setCurrentIndex(index)
        page = self.tabs.currentWidget()
        if page is not None:
            page.setFocus()

    def take_snapshot(self) -> None:
        if self.video.is_privacy_paused:
            self.statusBar().showMessage(self.tr("Personvernpause: ingen bilder tas."), 5000)
            return
        frame = self.video.current_frame()
        if frame is None:
            self.statusBar().showMessage(self.tr("Ingen videobilde å ta bilde av."), 5000)
            return
        if frame.blanked:
            # a black frame with a banner (face blur starting, behind or failed): nothing to keep
            self.statusBar().showMessage(self.tr(
                "Bildet er svart fordi ansiktssladdingen starter eller henger etter. Ta bildet om et øyeblikk."),
                8000)
            return
        drawings = self.annotations.snapshot_json() if self.annotations is not None else None
        self.case_panel.add_snapshot(frame.image, drawings)

    def _search_frozen_ahead(self, frozen: bool) -> None:
        """The picture just frozen is searched for faces now, while the technician looks and
        draws, so its snapshot is stored without waiting for the search."""
        frame = self.video.current_frame() if frozen else None
        if frame is not None and not frame.blanked:
            self.case_panel.search_ahead(frame.image)

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

    def add_search_panel(self, panel: QWidget) -> int:
        """The search page (built by ui.application); Ctrl+F goes to it."""
        self.search_panel = panel
        self.tab_search = self.tabs.addTab(panel, self.tr("S&øk"))
        self.act_search = self._action(self.tr("&Søk etter hjelpemiddel"), "Ctrl+F", self.focus_search)
        self.view_menu.insertAction(self.act_lookup, self.act_search)
        self._default_state = self.saveState()
        return self.tab_search

    def add_case_list(self, panel: QWidget) -> int:
        """The case and order lists (Ctrl+Shift+L)."""
        self.case_list = panel
        self.tab_cases = self.tabs.addTab(panel, self.tr("Sa&ker"))
        self.act_cases = self._action(self.tr("Saker og &bestillinger"), "Ctrl+Shift+L", self.focus_cases)
        self.view_menu.insertAction(self.act_lookup, self.act_cases)
        self.tabs.currentChanged.connect(lambda i: panel.refresh() if i == self.tab_cases else None)
        return self.tab_cases

    def add_prep_workspace(self, panel: QWidget) -> int:
        """The advisers' preparations of utprøving and housing cases (Ctrl+Shift+U)."""
        self.prep_workspace = panel
        self.tab_prep = self.tabs.addTab(scrolled(panel, "prepPage"), self.tr("Forb&eredelser"))
        self.act_prep = self._action(self.tr("&Forberedelser (utprøving og bolig)"), "Ctrl+Shift+U",
                                     self.focus_prep,
                                     tip=self.tr("Forbered utprøving eller boligsak: sjekkliste, produkter, "
                                                 "tegninger, invitasjon og forberedelsesark"))
        self.view_menu.insertAction(self.act_lookup, self.act_prep)
        self.tabs.currentChanged.connect(lambda i: panel.refresh() if i == self.tab_prep else None)
        return self.tab_prep

    def focus_prep(self) -> None:
        """The workspace needs room (the video waits while an adviser prepares): the dock is widened."""
        self.show_tab(self.tab_prep)
        if not self.work_dock.isFloating() and self.work_dock.width() < self.width() * 0.5:
            self.resizeDocks([self.work_dock], [int(self.width() * 0.6)], Qt.Orientation.Horizontal)
        self.prep_workspace.refresh()
        self.prep_workspace.table.setFocus()

    def add_deviations_action(self, open_deviations: Callable[[], None]) -> None:
        """Vis → «Avvik …» (Ctrl+Shift+A): report and list deviations (ui.application opens the dialog)."""
        self.act_deviations = self._action(self.tr("A&vvik …"), "Ctrl+Shift+A", open_deviations,
                                           tip=self.tr("Meld avvik og se avvikslisten for internkontroll"))
        self.view_menu.insertAction(self.act_audit, self.act_deviations)

    def focus_cases(self) -> None:
        self.show_tab(self.tab_cases)
        self.case_list.refresh()
        self.case_list.table.setFocus()

    def focus_search(self) -> None:
        self.show_tab(self.tab_search)
        box = getattr(self.search_panel, "box", None)
        if box is not None:
            box.setFocus()
            box.selectAll()

    def focus_lookup(self) -> None:
        self.show_tab(self.tab_device)
        self.lookup_panel.hmsnr.setFocus()
        self.lookup_panel.hmsnr.selectAll()

    def _language(self, lang: str) -> None:
        if self._on_language:
            self._on_language(lang)
        self.statusBar().showMessage(self.tr("Språket endres neste gang HMS Desk starter."), 10000)

    def about(self) -> None:
        QMessageBox.about(self, self.tr("Om HMS Desk"),
                          self.tr("{0} {1}\nVideostøtte, oppslag og delbestilling for NAV Hjelpemiddelsentral.\n"
                                  "Katalogdata: NAV (MIT-lisens).").format(APP_NAME, __version__))

    def shortcut_rows(self) -> list[tuple[str, str]]:
        """(action, keys) for every action with a shortcut, as the Hjelp menu lists them."""
        rows = []
        for a in self.findChildren(QAction):
            keys = ", ".join(k.toString(QKeySequence.SequenceFormat.NativeText) for k in a.shortcuts())
            if keys and a.text():
                rows.append((a.text().replace("&", ""), keys))
        return sorted(set(rows))

    def show_shortcuts(self) -> QDialog:
        dlg = QDialog(self)
        dlg.setObjectName("shortcutsDialog")
        dlg.setWindowTitle(self.tr("Hurtigtaster"))
        rows = self.shortcut_rows()
        table = QTableWidget(len(rows), 2)
        table.setAccessibleName(self.tr("Hurtigtaster"))
        table.setHorizontalHeaderLabels([self.tr("Handling"), self.tr("Tast")])
        for r, (text, keys) in enumerate(rows):
            table.setItem(r, 0, QTableWidgetItem(text))
            table.setItem(r, 1, QTableWidgetItem(keys))
        table.resizeColumnsToContents()
        table.verticalHeader().hide()
        table.setTabKeyNavigation(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(dlg.reject)
        lay = QVBoxLayout(dlg)
        lay.addWidget(table)
        lay.addWidget(buttons)
        dlg.resize(520, 560)
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        dlg.open()
        return dlg

    # -- layout memory -----------------------------------------------------------------
    def screen_key(self) -> str:
        screen = self.screen() or QGuiApplication.primaryScreen()
        size = screen.availableGeometry().size() if screen is not None else self.size()
        return f"{size.width()}x{size.height()}"

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

    def add_label_actions(self, actions: list[QAction], shortcuts_only: list[QAction] = ()) -> None:
        """Video → the label reader's actions (ui.label_chip: «Les merke», a marked region, look up
        what was read); ``shortcuts_only`` work in the window without a menu entry."""
        self.video_menu.addSeparator()
        for a in actions:
            self.video_menu.addAction(a)
        self.addActions([*actions, *shortcuts_only])

    def restore_layout(self, geometry: str, state: str) -> None:
        if geometry:
            self.restoreGeometry(QByteArray.fromBase64(geometry.encode()))
        if state:
            self.restoreState(QByteArray.fromBase64(state.encode()))
        self._fit_to_screen()

    def reset_layout(self) -> None:
        """Vis → «Tilbakestill vindusoppsett»: the dock beside the video, sized for this screen."""
        self.restoreState(self._default_state)
        self.work_dock.setFloating(False)
        self.work_dock.show()
        self.size_dock()
        self.statusBar().showMessage(self.tr("Vindusoppsettet er tilbakestilt."), 5000)

    def size_dock(self) -> None:
        width = int(min(DOCK_MAX, max(DOCK_MIN, self.width() * DOCK_SHARE)))
        self.resizeDocks([self.work_dock], [width], Qt.Orientation.Horizontal)

    def _fit_to_screen(self) -> None:
        """Never larger than the screen's free area (a layout from a bigger monitor)."""
        screen = self.screen() or QGuiApplication.primaryScreen()
        if screen is None or self.isFullScreen() or self.isMaximized():
            return
        avail = screen.availableGeometry()
        w, h = min(self.width(), avail.width()), min(self.height(), avail.height())
        if (w, h) != (self.width(), self.height()):
            self.resize(w, h)
            self.move(avail.topLeft())

    def demo_ready_text(self) -> str:
        return self.tr("Demosamtalen er klar: sak «demo» under Saker.")

    # -- closing ---------------------------------------------------------------------
    def quit_without_asking(self) -> None:
        """For unattended runs (smoke tests): an open case stays open, as «La saken stå åpen»."""
        self._quit_decided = True

    def closeEvent(self, event) -> None:
        """Quitting with a case open asks: close it now, leave it open for later, or stay."""
        if self._quit_decided or self.context.case is None:
            self.quitConfirmed.emit()
            if self.share_view is not None:
                self.share_view.close()
            super().closeEvent(event)
            return
        event.ignore()
        number = self.context.case.number

        def answer(choice: str | None) -> None:
            if choice == "leave":
                self._quit_decided = True
                QTimer.singleShot(0, self.close)
            elif choice == "close":
                op = self.case_panel.close_now()
                if op is not None:
                    op.finally_(lambda ok: (setattr(self, "_quit_decided", True), QTimer.singleShot(0, self.close))
                                if ok else None)
        QuitDialog.ask(self, number, answer)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.shown.emit()


class QuitDialog:
    """«Saken er åpen» when quitting; ``ask`` is the seam tests replace."""

    @classmethod
    def ask(cls, parent: QWidget, number: str, done: Callable[[str | None], None]) -> QMessageBox:
        translate = QCoreApplication.translate      # lupdate reads translate("Context", …)
        box = QMessageBox(parent)
        box.setObjectName("quitDialog")
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(translate("QuitDialog", "Sak {0} er åpen").format(number))
        box.setText(translate("QuitDialog", "Sak {0} er fortsatt åpen. Vil du avslutte saken nå (bildene slettes), "
                              "eller la den stå åpen til neste gang HMS Desk starter?").format(number))
        leave = box.addButton(translate("QuitDialog", "&La saken stå åpen"), QMessageBox.ButtonRole.AcceptRole)
        close = box.addButton(translate("QuitDialog", "&Avslutt saken"), QMessageBox.ButtonRole.DestructiveRole)
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(leave)
        box.setEscapeButton(cancel)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        box.finished.connect(lambda _r: done("leave" if box.clickedButton() is leave
                                             else "close" if box.clickedButton() is close else None))
        box.open()
        return box
