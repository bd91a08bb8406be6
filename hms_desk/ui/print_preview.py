"""Print preview and printing of our PDFs through Qt.

PySide6-Essentials has no QtPdf, so the PDF's pages are rasterised with
PDFium (``pypdfium2``) — off the GUI thread, by :func:`render_pdf_pages` —
and painted page by page into the ``QPrinter`` that a
``QPrintPreviewDialog`` hands us (:func:`paint_pages`).  What the preview
shows is exactly what the PDF shows.

``PrintPreview.ask`` wraps the dialog's ``exec()`` so tests can replace it
(pytest-qt's advice for dialogs) and print to a PDF file instead.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import numpy as np
from PySide6.QtCore import QMarginsF, QRectF, Qt
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QDialog, QWidget

from hms_desk.domain.errors import HmsError

PRINT_DPI = 200          # A4 at 200 dpi: 1654 × 2339 px a page, sharp on paper, ~15 MB a page


@dataclass(frozen=True)
class RenderedPage:
    """One PDF page as RGB pixels (height × width × 3, uint8) and its size in points."""

    pixels: np.ndarray
    width_pt: float
    height_pt: float


def render_pdf_pages(path: Path | str, dpi: int = PRINT_DPI) -> list[RenderedPage]:
    """Rasterise every page of ``path`` (plain Python: run it on a worker thread)."""
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(str(path))
    except (pdfium.PdfiumError, OSError) as exc:
        raise HmsError(f"Kunne ikke lese PDF-en {Path(path).name} for utskrift: {exc}") from exc
    try:
        pages = []
        for i in range(len(pdf)):
            page = pdf[i]
            w, h = page.get_size()
            bitmap = page.render(scale=dpi / 72, rev_byteorder=True)   # RGB(x) in memory order
            pixels = np.ascontiguousarray(bitmap.to_numpy()[:, :, :3])
            pages.append(RenderedPage(pixels, w, h))
            page.close()
        return pages
    finally:
        pdf.close()


def to_qimage(page: RenderedPage) -> QImage:
    h, w, _ = page.pixels.shape
    return QImage(page.pixels.data, w, h, 3 * w, QImage.Format.Format_RGB888).copy()


def paint_pages(printer: QPrinter, images: list[QImage]) -> None:
    """Each image fills one page (the PDF already has its own margins)."""
    painter = QPainter()
    if not painter.begin(printer):
        raise HmsError("Skriveren kunne ikke startes.")
    try:
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        for i, image in enumerate(images):
            if i:
                printer.newPage()
            target = QRectF(printer.pageLayout().fullRectPixels(printer.resolution()))
            scale = min(target.width() / image.width(), target.height() / image.height())
            w, h = image.width() * scale, image.height() * scale
            painter.drawImage(QRectF(target.x() + (target.width() - w) / 2,
                                     target.y() + (target.height() - h) / 2, w, h), image)
    finally:
        painter.end()


def a4_printer(title: str) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(title)
    printer.setFullPage(True)
    printer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                                      QMarginsF(0, 0, 0, 0)))
    return printer


class PrintPreview:
    """The preview dialog, opened *after* the operation that rendered the pages.

    ``ask`` is the one seam where the user decides (tests replace it and print
    to a PDF file instead): it opens the dialog window-modal without a nested
    event loop and calls ``done(True)`` when the user printed.
    """

    @classmethod
    def ask(cls, dialog: QPrintPreviewDialog, done: Callable[[bool], None]) -> None:
        dialog.finished.connect(lambda result: done(result == QDialog.DialogCode.Accepted))
        dialog.open()

    @classmethod
    def open(cls, parent: QWidget | None, pages: list[RenderedPage], title: str,
             done: Callable[[bool], None]) -> QPrintPreviewDialog:
        images = [to_qimage(p) for p in pages]
        printer = a4_printer(title)
        dialog = QPrintPreviewDialog(printer, parent)
        dialog.setObjectName("printPreview")
        dialog.setWindowTitle(title)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        dialog.paintRequested.connect(lambda p: paint_pages(p, images))
        dialog._printer = printer          # keep the printer alive as long as the dialog
        cls.ask(dialog, done)
        return dialog
