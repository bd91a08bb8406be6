"""Print preview and printing of our PDFs through Qt.

PySide6-Essentials has no QtPdf, so the PDF's pages are rasterised with
PDFium (``pypdfium2``) — off the GUI thread, by :func:`rasterise_pdf` — and
painted page by page into the ``QPrinter`` that a ``QPrintPreviewDialog``
hands us (:func:`paint_pages`).  What the preview shows is exactly what the
PDF shows.  Pages are kept as raw pixels up to :data:`RAW_BUDGET` (a dozen A4
pages at 200 dpi); pages beyond it are kept zlib-packed and unpacked one at a
time while painted, so a 60-page note does not hold 700 MB of pixels.

This is the one preview dialog of HMS Desk; :mod:`hms_desk.ui.printing` is
the one service that renders a document, opens it here after the operation
has finished, and audits the print.

``PrintPreview.ask`` wraps the dialog's ``exec()`` so tests can replace it
(pytest-qt's advice for dialogs) and print to a PDF file instead.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Protocol, Sequence

import numpy as np
from PySide6.QtCore import QMarginsF, QRectF, Qt
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QDialog, QWidget

from hms_desk.domain.errors import HmsError

PRINT_DPI = 200          # A4 at 200 dpi: 1654 × 2339 px a page, sharp on paper, ~11.6 MB a page
RAW_BUDGET = 140 * 1024 * 1024     # pages kept as raw pixels (≈ 12 A4 pages); the rest are packed


@dataclass(frozen=True)
class RenderedPage:
    """One PDF page as RGB pixels (height × width × 3, uint8) and its size in points."""

    pixels: np.ndarray
    width_pt: float
    height_pt: float

    def image(self) -> QImage:
        return to_qimage(self)


@dataclass(frozen=True)
class PackedPage:
    """One PDF page as zlib-packed RGB pixels (unpacked only while it is painted) and its size in points."""

    data: bytes
    width_px: int
    height_px: int
    width_pt: float
    height_pt: float

    def image(self) -> QImage:
        w, h = self.width_px, self.height_px
        raw = zlib.decompress(self.data)
        return QImage(raw, w, h, 3 * w, QImage.Format.Format_RGB888).copy()


class Page(Protocol):
    def image(self) -> QImage: ...


def _pages(source: Path | str | bytes, dpi: int):
    """(pixels, width_pt, height_pt) for each page of a PDF file or PDF bytes, one at a time."""
    import pypdfium2 as pdfium

    name = "dokumentet" if isinstance(source, (bytes, bytearray)) else Path(source).name
    try:
        pdf = pdfium.PdfDocument(bytes(source) if isinstance(source, (bytes, bytearray)) else str(source))
    except (pdfium.PdfiumError, OSError) as exc:
        raise HmsError(f"Kunne ikke lese PDF-en {name} for utskrift: {exc}") from exc
    try:
        for i in range(len(pdf)):
            page = pdf[i]
            w, h = page.get_size()
            bitmap = page.render(scale=dpi / 72, rev_byteorder=True)   # RGB(x) in memory order
            pixels = np.ascontiguousarray(bitmap.to_numpy()[:, :, :3])
            page.close()
            yield pixels, w, h
    finally:
        pdf.close()


def render_pdf_pages(path: Path | str | bytes, dpi: int = PRINT_DPI) -> list[RenderedPage]:
    """Rasterise every page of ``path`` (plain Python: run it on a worker thread)."""
    return [RenderedPage(pixels, w, h) for pixels, w, h in _pages(path, dpi)]


def rasterise_pdf(source: Path | str | bytes, dpi: int = PRINT_DPI,
                  raw_budget: int = RAW_BUDGET) -> list[RenderedPage | PackedPage]:
    """Every page, ready to paint (CPU work: run it on a worker).  Raw pixels while the pages fit in
    ``raw_budget`` bytes; after that each page is packed (zlib, fast level), so memory stays bounded."""
    out: list[RenderedPage | PackedPage] = []
    held = 0
    for pixels, w, h in _pages(source, dpi):
        if held + pixels.nbytes <= raw_budget:
            out.append(RenderedPage(pixels, w, h))
            held += pixels.nbytes
        else:
            out.append(PackedPage(zlib.compress(pixels.tobytes(), 1), pixels.shape[1], pixels.shape[0], w, h))
    return out


def to_qimage(page: RenderedPage) -> QImage:
    h, w, _ = page.pixels.shape
    return QImage(page.pixels.data, w, h, 3 * w, QImage.Format.Format_RGB888).copy()


def paint_pages(printer: QPrinter, pages: Sequence[Page | QImage]) -> None:
    """Each page fills one sheet (the PDF already has its own margins); pages are decoded one by one."""
    painter = QPainter()
    if not painter.begin(printer):
        raise HmsError("Skriveren kunne ikke startes.")
    try:
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        for i, page in enumerate(pages):
            image = page if isinstance(page, QImage) else page.image()
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
    def open(cls, parent: QWidget | None, pages: Sequence[Page], title: str,
             done: Callable[[bool], None]) -> QPrintPreviewDialog:
        images = list(pages)
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
