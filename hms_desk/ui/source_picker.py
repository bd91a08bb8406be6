"""Source picker: choose where the caller's picture comes from.

Lists the demo, the local cameras (with their resolutions and frame rates),
windows of other applications (the video meeting), screens (whole or a
region), a video file and a network stream address.  The result is a settings
text (``selected_spec``) that :func:`~hms_desk.video.sources.source_from_spec`
turns into a source; the caller remembers it in ``settings.video.source``.
Bad input (a garbage address, a bad region) is reported in Norwegian in the
dialog and what the user typed stays where it is.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, Qt, Slot
from PySide6.QtMultimedia import QMediaDevices
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from hms_desk.ui.capture_sources import CameraInfo, list_cameras, list_screens, list_windows
from hms_desk.video.sources import CaptureSpec, SourceError, parse_capture_spec, validate_stream_url

log = logging.getLogger("hms_desk.ui")

_KIND = Qt.ItemDataRole.UserRole
_TARGET = Qt.ItemDataRole.UserRole + 1


class SourcePickerDialog(QDialog):
    """Modal dialog; after ``exec()`` returns Accepted, ``selected_spec`` is the choice."""

    def __init__(self, current_spec: str = "demo", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Velg videokilde"))
        self.setObjectName("sourcePicker")
        self.selected_spec: str | None = None
        self._cameras: dict[str, CameraInfo] = {}
        self._file_path = ""

        self.list = QListWidget()
        self.list.setObjectName("sourceList")
        self.list.setAccessibleName(self.tr("Videokilder"))
        self.formats = QComboBox()
        self.formats.setObjectName("cameraFormats")
        self.region = QLineEdit()
        self.region.setPlaceholderText(self.tr("x,y,bredde,høyde (tomt = hele skjermen)"))
        self.url = QLineEdit()
        self.url.setObjectName("streamUrl")
        self.url.setPlaceholderText("rtsp://…  http://…/video.mjpg  https://…/index.m3u8")
        self.file_label = QLabel(self.tr("Ingen fil valgt"))
        self.file_button = QPushButton(self.tr("Velg &fil …"))
        self.error = QLabel()
        self.error.setObjectName("pickerError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color:#b00020;font-weight:bold;")
        self.camera_note = QLabel()
        self.camera_note.setObjectName("cameraNote")

        form = QFormLayout()
        form.addRow(self.tr("Oppløsning:"), self.formats)
        form.addRow(self.tr("Skjermutsnitt:"), self.region)
        form.addRow(self.tr("Strømadresse:"), self.url)
        file_row = QHBoxLayout()
        file_row.addWidget(self.file_label, 1)
        file_row.addWidget(self.file_button)
        form.addRow(self.tr("Videofil:"), file_row)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.refresh_button = buttons.addButton(self.tr("&Oppdater"), QDialogButtonBox.ButtonRole.ResetRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.refresh_button.clicked.connect(self.refresh)
        self.file_button.clicked.connect(self._pick_file)
        self.list.currentItemChanged.connect(self._selection_changed)
        self.url.textEdited.connect(lambda _t: self._select_kind("url"))
        self.url.textEdited.connect(lambda _t: self.error.clear())

        layout = QVBoxLayout(self)
        layout.addWidget(self.camera_note)
        layout.addWidget(self.list, 1)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(560, 520)

        self._devices = QMediaDevices(self)  # hot-plug: the list follows cameras coming and going
        self._devices.videoInputsChanged.connect(self.refresh)
        self.refresh()
        self._preselect(current_spec)

    # -- file dialog, monkeypatchable in tests ------------------------------------

    @classmethod
    def ask_for_file(cls, parent: QWidget | None) -> str:
        path, _ = QFileDialog.getOpenFileName(
            parent, QCoreApplication.translate("SourcePickerDialog", "Velg videofil"), "",
            "Video (*.mp4 *.mkv *.mov *.avi *.webm *.m4v *.mjpg *.mjpeg);;Alle filer (*)")
        return path

    # -- contents ----------------------------------------------------------------------

    def _add(self, text: str, kind: str, target: str = "", enabled: bool = True) -> QListWidgetItem:
        item = QListWidgetItem(text, self.list)
        item.setData(_KIND, kind)
        item.setData(_TARGET, target)
        if not enabled:
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEnabled & ~Qt.ItemFlag.ItemIsSelectable)
        return item

    @Slot()
    def refresh(self) -> None:
        """Read cameras, windows and screens again (keeps the current choice if it is still there)."""
        current = self.list.currentItem()
        keep = (current.data(_KIND), current.data(_TARGET)) if current is not None else None
        self.list.clear()
        self._add(self.tr("Demo (generert bilde)"), "demo")
        cameras = list_cameras()
        self._cameras = {c.id: c for c in cameras}
        if cameras:
            self.camera_note.setText(self.tr("{0} kamera funnet.").format(len(cameras)))
            for c in cameras:
                label = self.tr("Kamera: {0}").format(c.description)
                if c.is_default:
                    label += self.tr(" (standard)")
                self._add(label, "camera", c.id)
        else:
            self.camera_note.setText(self.tr("Fant ingen kamera. Du kan bruke et vindu, en skjerm, "
                                             "en strøm, en fil eller demoen."))
            self._add(self.tr("Kamera: Fant ingen kamera"), "none", enabled=False)
        windows = list_windows()
        for target, title in windows:
            self._add(self.tr("Vindu: {0}").format(title), "window", target)
        if not windows:
            self._add(self.tr("Vindu: fant ingen vinduer å ta opp"), "none", enabled=False)
        for target, label in list_screens():
            self._add(self.tr("Skjerm: {0}").format(label), "screen", target)
        self._add(self.tr("Videofil …"), "file")
        self._add(self.tr("Nettverksstrøm (RTSP, HTTP/MJPEG, HLS)"), "url")
        if keep is not None:
            self._select(*keep)
        if self.list.currentItem() is None:
            self._select("demo", "")

    def _select(self, kind: str, target: str) -> bool:
        for i in range(self.list.count()):
            item = self.list.item(i)
            if item.data(_KIND) == kind and (target is None or item.data(_TARGET) == target):
                self.list.setCurrentItem(item)
                return True
        return False

    def _select_kind(self, kind: str) -> None:
        self._select(kind, None)  # type: ignore[arg-type]

    def _preselect(self, spec: str) -> None:
        kind, _, rest = (spec or "").partition(":")
        kind = kind.strip().lower()
        try:
            if kind == "url":
                self.url.setText(rest.strip())
                self._select_kind("url")
            elif kind == "file":
                self._set_file(rest.strip())
                self._select_kind("file")
            elif kind in ("camera", "window", "screen"):
                parsed = parse_capture_spec(spec)
                if self._select(kind, parsed.target) and parsed.kind == "camera" and parsed.size:
                    self._choose_format(parsed)
                if parsed.region:
                    self.region.setText(",".join(str(v) for v in parsed.region))
        except SourceError:
            log.info("remembered video source is not usable; showing the demo as choice")

    def _choose_format(self, parsed: CaptureSpec) -> None:
        for i in range(self.formats.count()):
            w, h, fps = self.formats.itemData(i) or (0, 0, 0)
            if (w, h) == parsed.size and (parsed.fps is None or abs(fps - parsed.fps) < 0.5):
                self.formats.setCurrentIndex(i)
                return

    @Slot()
    def _selection_changed(self) -> None:
        item = self.list.currentItem()
        kind = item.data(_KIND) if item is not None else None
        self.formats.clear()
        if kind == "camera":
            self.formats.addItem(self.tr("Kameraets standard"), None)
            for f in self._cameras[item.data(_TARGET)].formats:
                self.formats.addItem(f.label(), (f.width, f.height, f.fps))
        self.formats.setEnabled(kind == "camera")
        self.region.setEnabled(kind == "screen")
        self.error.clear()

    def _set_file(self, path: str) -> None:
        self._file_path = path
        self.file_label.setText(path or self.tr("Ingen fil valgt"))

    @Slot()
    def _pick_file(self) -> None:
        path = type(self).ask_for_file(self)
        if path:
            self._set_file(path)
            self._select_kind("file")

    # -- result -------------------------------------------------------------------------------

    def spec(self) -> str:
        """The settings text for the current choice, or :class:`SourceError` (Norwegian)."""
        item = self.list.currentItem()
        kind = item.data(_KIND) if item is not None else None
        target = item.data(_TARGET) if item is not None else ""
        if kind == "demo":
            return "demo"
        if kind == "camera":
            data = self.formats.currentData()
            spec = CaptureSpec("camera", target, (data[0], data[1]) if data else None, data[2] if data else None)
            return spec.text()
        if kind == "window":
            return CaptureSpec("window", target).text()
        if kind == "screen":
            region = self.region.text().strip()
            text = f"screen:{target}" + (f":{region.replace(' ', '')}" if region else "")
            parts = region.replace(" ", "").split(",") if region else []
            if region and (len(parts) != 4 or not all(p.lstrip("-").isdigit() for p in parts)):
                raise SourceError("Skjermutsnittet må skrives som x,y,bredde,høyde, for eksempel 0,0,1280,720.")
            return parse_capture_spec(text).text()
        if kind == "file":
            if not self._file_path:
                raise SourceError("Velg en videofil først.")
            return f"file:{self._file_path}"
        if kind == "url":
            return "url:" + validate_stream_url(self.url.text())
        raise SourceError("Velg en videokilde i lista.")

    def accept(self) -> None:
        try:
            self.selected_spec = self.spec()
        except SourceError as exc:
            self.error.setText(exc.message)  # the dialog stays open with what was typed
            return
        super().accept()
