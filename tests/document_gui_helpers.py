"""Shared by the GUI tests of the document screens: a real PDF printer behind the one preview
dialog, the file-dialog seam, page comparison, and the accessibility/Tab-order walk."""

from __future__ import annotations

import io
import os
from pathlib import Path
from types import SimpleNamespace

import cv2
import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import (QAbstractButton, QAbstractSpinBox, QComboBox, QLabel, QLineEdit, QListWidget,
                               QPlainTextEdit, QTableWidget, QWidget)

from hms_desk.ui import print_preview


@pytest.fixture
def printed_to_file(monkeypatch, tmp_path):
    """The preview's ``ask`` seam replaced: 'print' through the dialog's own printer into a PDF file
    (QPrinter PdfFormat), as a technician pressing Print would.  Records whether the preview was
    opened inside an asyncio task (an operation) — it never may be."""
    import asyncio

    state = SimpleNamespace(files=[], inside_task=[], titles=[], during=None)

    def ask(cls, dialog, done):
        assert isinstance(dialog, QPrintPreviewDialog)
        try:
            state.inside_task.append(asyncio.current_task() is not None)
        except RuntimeError:                   # no running loop: certainly not inside an operation
            state.inside_task.append(False)
        state.titles.append(dialog.windowTitle())
        if state.during is not None:           # e.g. run another operation while the preview is "open"
            state.during()
        printer = dialog.printer()
        out = tmp_path / f"printed-{len(state.files) + 1}.pdf"
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out))
        dialog.paintRequested.emit(printer)
        state.files.append(out)
        done(True)
        dialog.close()
    monkeypatch.setattr(print_preview.PrintPreview, "ask", classmethod(ask))
    return state


@pytest.fixture
def save_as(monkeypatch, tmp_path):
    """The «save as» seam: each ask returns the next path of ``save_as.paths`` (or None: cancelled)."""
    from hms_desk.ui import forms

    state = SimpleNamespace(paths=[], asked=[])

    def ask(cls, parent, caption, suggested, file_filter):
        state.asked.append((caption, Path(suggested).name, file_filter))
        return str(state.paths.pop(0)) if state.paths else None
    monkeypatch.setattr(forms.SaveFile, "ask", classmethod(ask))
    return state


def pages_of(source, dpi: int = 50) -> list[np.ndarray]:
    """Pages as float pixels, softened so resampling edges do not count as differences."""
    return [cv2.GaussianBlur(p.pixels.astype(np.float32), (0, 0), 2)
            for p in print_preview.render_pdf_pages(source, dpi)]


def page_difference(a: np.ndarray, b: np.ndarray) -> float:
    h, w = min(a.shape[0], b.shape[0]), min(a.shape[1], b.shape[1])
    return float(np.abs(a[:h, :w] - b[:h, :w]).mean())


def pdf_text(source) -> str:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(source) if isinstance(source, bytes) else source)
    return "\n".join(p.extract_text() or "" for p in reader.pages)


def assert_printed_like(printed: Path, source: bytes) -> None:
    """The printed PDF (raster pages from the PDF printer) is A4, has the source's pages, and each
    page looks like the source's page."""
    from pypdf import PdfReader

    reader = PdfReader(printed)
    src_pages = pages_of(source)
    assert len(reader.pages) == len(src_pages)
    for page in reader.pages:
        assert [round(float(v)) for v in page.mediabox[2:]] == [595, 842]     # A4
    for got, want in zip(pages_of(printed), src_pages):
        assert page_difference(got, want) < 2.0


def screenshot(widget: QWidget, name: str, tmp_path: Path) -> Path:
    """Grab the widget (offscreen) as a PNG; also into $HMS_DESK_SCREENSHOTS when set (to look at)."""
    image = widget.grab()
    out = tmp_path / f"{name}.png"
    assert image.save(str(out))
    target = os.environ.get("HMS_DESK_SCREENSHOTS")
    if target:
        Path(target).mkdir(parents=True, exist_ok=True)
        image.save(str(Path(target) / f"{name}.png"))
    return out


INPUTS = (QLineEdit, QPlainTextEdit, QComboBox, QAbstractSpinBox, QAbstractButton, QListWidget, QTableWidget)


def unnamed_controls(root: QWidget) -> list[str]:
    """Controls a screen reader cannot name: no accessible name and no label whose buddy they are."""
    buddies = {id(label.buddy()) for label in root.findChildren(QLabel) if label.buddy() is not None}
    out = []
    for w in root.findChildren(QWidget):
        if not isinstance(w, INPUTS) or not w.isVisibleTo(root):
            continue
        if w.parent() is not None and isinstance(w.parent(), QAbstractSpinBox):
            continue
        if isinstance(w, QAbstractButton) and w.text().replace("&", "").strip():
            continue                                   # a button's text is its name
        if w.accessibleName() or id(w) in buddies:
            continue
        out.append(f"{type(w).__name__}({w.objectName()!r})")
    return out


def tab_walk(qtbot, root: QWidget, start: QWidget, steps: int) -> list[QWidget]:
    """Press Tab ``steps`` times from ``start``; the widgets that had the focus, in order."""
    from PySide6.QtWidgets import QApplication

    start.setFocus(Qt.FocusReason.TabFocusReason)
    seen = []
    for _ in range(steps):
        focus = QApplication.focusWidget()
        seen.append(focus)
        qtbot.keyClick(focus if focus is not None else root, Qt.Key.Key_Tab)
    return seen
