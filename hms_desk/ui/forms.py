"""Small pieces shared by the document forms (journal-note editor, deviations).

* :func:`labelled` puts a label with a buddy *and* the same accessible name on a field;
* :func:`text_box` is a multi-line field where Tab leaves the field (no keyboard trap);
* :func:`show_field_error` marks the field an :class:`HmsError` names, without touching its text;
* :class:`SaveFile` is the seam for "where should the file go?" (tests replace ``ask``);
* :func:`fit_to_screen` keeps a dialog inside a 1366×768 screen.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFileDialog, QFormLayout, QLabel, QPlainTextEdit, QWidget

ERROR_STYLE = "color: #b00020;"
NOTICE_STYLE = "color: #7a4b00;"
FIELD_ERROR_PROPERTY = "fieldError"
FIELD_ERROR_SHEET = "*[fieldError=\"true\"] { border: 2px solid #b00020; }"


def plain(text: str) -> str:
    """A label's text without its mnemonic '&' and trailing ':' (the accessible name)."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip(": ").strip()


def labelled(form: QFormLayout, text: str, widget: QWidget, field: QWidget | None = None) -> QLabel:
    """A form row: ``text`` as a label whose buddy is ``field`` (default ``widget``), which
    also gets the label's words as its accessible name."""
    label = QLabel(text)
    target = field or widget
    label.setBuddy(target)
    if not target.accessibleName():
        target.setAccessibleName(plain(text))
    form.addRow(label, widget)
    return label


def text_box(name: str, placeholder: str = "", height: int = 72) -> QPlainTextEdit:
    """A multi-line text field; Tab moves on (setTabChangesFocus), no limit that cuts text silently."""
    box = QPlainTextEdit()
    box.setObjectName(name)
    box.setTabChangesFocus(True)
    box.setPlaceholderText(placeholder)
    box.setFixedHeight(height)
    return box


def mark_field(widget: QWidget | None, on: bool) -> None:
    if widget is None:
        return
    widget.setProperty(FIELD_ERROR_PROPERTY, on)
    widget.style().unpolish(widget)
    widget.style().polish(widget)


def set_message(label: QLabel, text: str, kind: str = "info") -> None:
    label.setStyleSheet(ERROR_STYLE if kind == "error" else NOTICE_STYLE if kind == "notice" else "")
    label.setText(text)
    label.setVisible(bool(text))


class SaveFile:
    """"Where should the file go?" — one classmethod tests replace."""

    @classmethod
    def ask(cls, parent: QWidget, caption: str, suggested: Path, file_filter: str) -> str | None:
        path, _ = QFileDialog.getSaveFileName(parent, caption, str(suggested), file_filter)
        return path or None


def fit_to_screen(widget: QWidget, width: int, height: int, avail: QSize | None = None) -> QSize:
    """``width`` × ``height``, or less on a small screen (a 1366×768 laptop: ``avail`` is the
    screen's free area, default the widget's screen)."""
    if avail is None:
        screen = widget.screen() or QGuiApplication.primaryScreen()
        avail = screen.availableGeometry().size() if screen is not None else None
    if avail is not None:
        width, height = min(width, avail.width() - 24), min(height, avail.height() - 48)
    size = QSize(max(480, width), max(360, height))
    widget.resize(size)
    return size
