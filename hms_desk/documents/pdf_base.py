"""What all HMS Desk PDFs share: fonts, styles, layout, PDF/A-2b hooks.

Every document is A4, set in the shipped DejaVu fonts (embedded TrueType
subsets; the base-14 Helvetica is never used), with a header naming the
Hjelpemiddelsentral, the document title, its reference number and when it
was generated, and a footer with "Side X av Y".

NAV archives documents as PDF/A-2.  ReportLab has no PDF/A mode, so
:class:`_ArchiveCanvas` adds what the standard asks for and ReportLab lets us
add: an sRGB OutputIntent (``/S /GTS_PDFA1``) carrying an ICC profile made by
Pillow, an XMP metadata stream (``pdfaid:part`` 2, ``pdfaid:conformance`` B)
whose Dublin Core, XMP and PDF properties mirror the document information
dictionary exactly, and the document language (``/Lang (nb-NO)``).

What else PDF/A-2b asks of every file, and where it is done:

* every glyph a text operator shows exists in the embedded font: :func:`esc`
  (the one door for text) composes characters (NFC), drops control and
  invisible format characters and replaces what DejaVu cannot draw with
  U+FFFD, so ``.notdef`` is never shown; each font subset also carries the
  whole Norwegian alphabet (:data:`NORWEGIAN_GLYPHS`);
* no transparency: pictures are flattened onto white and embedded as
  opaque JPEG (:func:`document_image`); nothing draws with alpha;
* no page transitions (ReportLab writes an empty ``/Trans``), no
  ``/Trapped`` (it has no XMP twin in PDF/A-2), no encryption, no actions;
* a trailer ``/ID`` (ReportLab writes one).

:mod:`hms_desk.documents.pdfa_check` verifies all of it on the written bytes.

The writers build a list of flowables with the helpers here and hand it to
:func:`build_pdf` (or :func:`build_pdf_bytes`); they never touch the canvas
themselves.  All user text goes through :func:`esc` (or :func:`para`, which
calls it), so ``<``, ``>`` and ``&`` print literally instead of being read
as Paragraph markup.  Layout failures become a Norwegian
:class:`DocumentError`; ReportLab's English text only reaches the log.
"""

from __future__ import annotations

import hashlib
import io
import logging
import os
import re
import threading
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import lru_cache, partial
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape as _xml_escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.pdfdoc import (
    XMP,
    PDFArray,
    PDFCatalog,
    PDFDate,
    PDFDictionary,
    PDFInfo,
    PDFName,
    PDFStream,
    PDFString,
    PDFZCompress,
)
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

# Binary (Flate only) streams instead of ASCII85 + Flate: ReportLab's ASCII85 encoder is
# pure Python without its C accelerator and took ~0.3 s for one snapshot (bench/parts.py);
# binary streams are also a quarter smaller and allowed in PDF/A.
from reportlab import rl_config  # noqa: E402

rl_config.useA85 = 0

from hms_desk.documents.i18n import label, norm_lang
from hms_desk.documents.text import clean_text, fmt_date, fmt_dt
from hms_desk.domain.errors import HmsError
from hms_desk.platform.paths import resource

log = logging.getLogger("hms_desk.documents")

__all__ = [
    "AUTHOR",
    "CONTENT_WIDTH",
    "DocumentError",
    "DocumentMeta",
    "LANG",
    "NORWEGIAN_GLYPHS",
    "build_pdf",
    "build_pdf_bytes",
    "centre_name",
    "clean_text",
    "device_fields",
    "PreparedImage",
    "document_image",
    "picture_box_px",
    "prepare_images",
    "esc",
    "fields_table",
    "fmt_date",
    "fmt_dt",
    "grid_table",
    "long_text",
    "note",
    "para",
    "pdf_lang",
    "register_fonts",
    "section",
    "signature_block",
    "snapshot_flowable",
    "styles",
    "title_block",
    "write_bytes_atomic",
]

AUTHOR = "HMS Desk"
LANG = "nb-NO"
_PDF_LANGS = {"nb": "nb-NO", "en": "en-GB"}

FONT = "DejaVuSans"
FONT_BOLD = "DejaVuSans-Bold"
FONT_ITALIC = "DejaVuSans-Oblique"
FONT_MONO = "DejaVuSansMono"
_FONT_FILES = {
    FONT: "DejaVuSans.ttf",
    FONT_BOLD: "DejaVuSans-Bold.ttf",
    FONT_ITALIC: "DejaVuSans-Oblique.ttf",
    FONT_MONO: "DejaVuSansMono.ttf",
}
# The fonts text is set in.  The oblique face lacks Arabic, so captions are
# set upright; :func:`esc` only lets through characters both faces can draw.
_TEXT_FONTS = (FONT, FONT_BOLD)

#: Every embedded font subset carries these, used in the text or not, so an
#: archived note can be searched and amended with the whole alphabet.
NORWEGIAN_GLYPHS = "ÆØÅæøåÉéÈèÊêÓóÒòÔôÀàÜüÄäÖö«»–—§"

PAGE_WIDTH, PAGE_HEIGHT = A4
LEFT_MARGIN = RIGHT_MARGIN = 18 * mm
TOP_MARGIN = 30 * mm
BOTTOM_MARGIN = 20 * mm
FRAME_PADDING = 6  # SimpleDocTemplate's frame pads 6 pt on every side
CONTENT_LEFT = LEFT_MARGIN + FRAME_PADDING
CONTENT_RIGHT = PAGE_WIDTH - RIGHT_MARGIN - FRAME_PADDING
CONTENT_WIDTH = CONTENT_RIGHT - CONTENT_LEFT
CONTENT_HEIGHT = PAGE_HEIGHT - TOP_MARGIN - BOTTOM_MARGIN - 2 * FRAME_PADDING

NAV_RED = colors.HexColor("#C30000")
TEXT_GREY = colors.HexColor("#555555")
RULE_GREY = colors.HexColor("#B0B0B0")
HEADER_FILL = colors.HexColor("#E9EEF2")

SRGB_CONDITION = "sRGB IEC61966-2.1"

# Pictures are embedded at this resolution at most (sharp on paper, fast to write).
IMAGE_DPI = 300
JPEG_QUALITY = 88


class DocumentError(HmsError):
    """A document could not be produced (missing font, unreadable picture, disk)."""

    code = "DOKUMENT"


def pdf_lang(lang: str | None) -> str:
    """``"nb"`` → ``"nb-NO"``, ``"en"`` → ``"en-GB"`` (the catalogue's /Lang and dc:language)."""
    return _PDF_LANGS[norm_lang(lang)]


# --- fonts and styles ---------------------------------------------------------

_font_lock = threading.Lock()
_fonts_registered = False


def _to_unicode_cmap(fontname: str, subset: Sequence[int]) -> str:
    """ReportLab's ToUnicode CMap, corrected: code points above U+FFFF as UTF-16
    surrogate pairs (ReportLab writes an odd-length hex string such as ``<1F600>``,
    which readers cannot decode), and at most 100 entries per ``bfchar`` block,
    as the CMap specification asks."""
    def utf16(code: int) -> str:
        return chr(code).encode("utf-16-be", "surrogatepass").hex().upper()

    entries = [f"<{i:02X}> <{utf16(v)}>" for i, v in enumerate(subset)]
    blocks: list[str] = []
    for start in range(0, len(entries), 100):
        chunk = entries[start:start + 100]
        blocks += [f"{len(chunk)} beginbfchar", *chunk, "endbfchar"]
    return "\n".join([
        "/CIDInit /ProcSet findresource begin", "12 dict begin", "begincmap", "/CIDSystemInfo",
        f"<< /Registry ({fontname})", f"/Ordering ({fontname})", "/Supplement 0", ">> def",
        f"/CMapName /{fontname} def", "/CMapType 2 def", "1 begincodespacerange",
        f"<00> <{len(subset) - 1:02X}>", "endcodespacerange", *blocks, "endcmap",
        "CMapName currentdict /CMap defineresource pop", "end", "end"])


def register_fonts() -> None:
    """Register the shipped DejaVu fonts with ReportLab, once per process."""
    global _fonts_registered
    with _font_lock:
        if _fonts_registered:
            return
        for name, file_name in _FONT_FILES.items():
            path = resource("fonts", file_name)
            if not path.is_file():
                raise DocumentError(f"Skriften {file_name} mangler i installasjonen ({path}).")
            pdfmetrics.registerFont(TTFont(name, str(path)))
        pdfmetrics.registerFontFamily(
            FONT, normal=FONT, bold=FONT_BOLD, italic=FONT_ITALIC, boldItalic=FONT_BOLD
        )
        from reportlab.pdfbase import ttfonts

        ttfonts.makeToUnicodeCMap = _to_unicode_cmap
        _fonts_registered = True


@lru_cache(maxsize=1)
def _drawable() -> frozenset[int]:
    """Code points every text face has a glyph for."""
    register_fonts()
    sets = [set(pdfmetrics.getFont(name).face.charToGlyph) for name in _TEXT_FONTS]
    return frozenset(set.intersection(*sets))


@dataclass(frozen=True)
class Styles:
    title: ParagraphStyle
    subtitle: ParagraphStyle
    h2: ParagraphStyle
    h3: ParagraphStyle
    body: ParagraphStyle
    label: ParagraphStyle
    cell: ParagraphStyle
    cell_head: ParagraphStyle
    cell_num: ParagraphStyle
    small: ParagraphStyle
    caption: ParagraphStyle


@lru_cache(maxsize=1)
def styles() -> Styles:
    """The paragraph styles every document uses (fonts are registered first)."""
    register_fonts()
    body = ParagraphStyle("body", fontName=FONT, fontSize=9.5, leading=12.5, alignment=TA_LEFT,
                          splitLongWords=1)
    return Styles(
        title=ParagraphStyle("title", parent=body, fontName=FONT_BOLD, fontSize=17, leading=21,
                             spaceAfter=2 * mm),
        subtitle=ParagraphStyle("subtitle", parent=body, textColor=TEXT_GREY, spaceAfter=3 * mm),
        h2=ParagraphStyle("h2", parent=body, fontName=FONT_BOLD, fontSize=12, leading=15,
                          spaceBefore=5 * mm, spaceAfter=2 * mm, keepWithNext=1),
        h3=ParagraphStyle("h3", parent=body, fontName=FONT_BOLD, fontSize=10, leading=13,
                          spaceBefore=3 * mm, spaceAfter=1.5 * mm, keepWithNext=1),
        body=ParagraphStyle("bodytext", parent=body, spaceAfter=1.5 * mm),
        label=ParagraphStyle("label", parent=body, fontName=FONT_BOLD, fontSize=8.5, leading=11.5),
        cell=ParagraphStyle("cell", parent=body, fontSize=8.5, leading=11),
        cell_head=ParagraphStyle("cellhead", parent=body, fontName=FONT_BOLD, fontSize=8.5,
                                 leading=11),
        cell_num=ParagraphStyle("cellnum", parent=body, fontSize=8.5, leading=11,
                                alignment=TA_RIGHT),
        small=ParagraphStyle("small", parent=body, fontSize=8, leading=10, textColor=TEXT_GREY),
        caption=ParagraphStyle("caption", parent=body, fontSize=8, leading=10, textColor=TEXT_GREY,
                               spaceBefore=1 * mm, spaceAfter=3 * mm),
    )


# --- text ----------------------------------------------------------------------

REPLACEMENT = "\ufffd"


def printable(text: object) -> str:
    """:func:`clean_text`, minus what a PDF cannot show: invisible format
    characters (bidi controls, zero-width joiners …) are dropped and
    characters the fonts have no glyph for become U+FFFD."""
    s = clean_text(text)
    if not s or s.isascii():
        return s
    ok = _drawable()
    out = []
    for ch in s:
        code = ord(ch)
        if code < 0x80 or ch == "\n":
            out.append(ch)
        elif unicodedata.category(ch) == "Cf":
            continue                       # invisible: bidi controls, zero-width (non-)joiners, BOM
        elif code in ok:
            out.append(ch)
        else:
            out.append(REPLACEMENT)
    return "".join(out)


def esc(text: object) -> str:
    """Escape user text for Paragraph markup: ``<``, ``>``, ``&`` print literally.

    The text is made printable first (:func:`printable`); line breaks are
    kept as ``<br/>``.
    """
    return _xml_escape(printable(text)).replace("\n", "<br/>")


def para(text: object, style: ParagraphStyle | None = None) -> Paragraph:
    """A Paragraph showing ``text`` literally (escaped)."""
    return Paragraph(esc(text), style or styles().body)


def long_text(text: object, style: ParagraphStyle | None = None, empty: str = "–") -> list[Flowable]:
    """Free text of any length as body paragraphs that break across pages.

    One Paragraph per line: a 50 000-character legal text neither overflows a
    table cell nor makes ReportLab re-wrap one huge paragraph on every page.
    Blank lines become a little space.
    """
    st = style or styles().body
    s = clean_text(text).strip("\n")
    if not s.strip():
        return [Paragraph(esc(empty), styles().small)]
    out: list[Flowable] = []
    for line in s.split("\n"):
        if line.strip():
            out.append(Paragraph(esc(line), st))
        else:
            out.append(Spacer(1, 1.5 * mm))
    return out


def note(text: object) -> Paragraph:
    """A grey remark, e.g. "Ingen deltakere registrert."."""
    return Paragraph(esc(text), styles().small)


def centre_name(unit_name: str, lang: str | None = "nb") -> str:
    """``"Oslo"`` → ``"NAV Hjelpemiddelsentral Oslo"`` (full names are kept)."""
    name = unit_name.strip()
    centre = label("centre", lang)
    if not name:
        return centre
    if name.upper().startswith("NAV"):
        return name
    return f"{centre} {name}"


# --- flowables -----------------------------------------------------------------

# Cells holding plain strings (even "") are drawn in the table's font, which
# defaults to Helvetica; name ours so no base-14 font reaches the PDF.
_TABLE_FONT: tuple[tuple[Any, ...], ...] = (("FONT", (0, 0), (-1, -1), FONT, 8.5),)


def title_block(title: str, subtitle: str = "") -> list[Flowable]:
    st = styles()
    out: list[Flowable] = [Paragraph(esc(title), st.title)]
    if subtitle:
        out.append(Paragraph(esc(subtitle), st.subtitle))
    return out


def section(title: str) -> Paragraph:
    return Paragraph(esc(title), styles().h2)


def subsection(title: str) -> Paragraph:
    return Paragraph(esc(title), styles().h3)


def fields_table(rows: Sequence[tuple[str, object]], pairs_per_row: int = 2,
                 label_width: float = 30 * mm) -> Table:
    """Label/value pairs laid out ``pairs_per_row`` to a row; values wrap.

    A row may break across pages (``splitInRow``), so a long value never
    makes the table too tall for a page.
    """
    st = styles()
    pairs_per_row = max(1, pairs_per_row)
    value_width = CONTENT_WIDTH / pairs_per_row - label_width
    data: list[list[Paragraph | str]] = []
    for start in range(0, len(rows), pairs_per_row):
        line: list[Paragraph | str] = []
        for label_text, value in rows[start:start + pairs_per_row]:
            text = "–" if value is None or str(value).strip() == "" else value
            line += [Paragraph(esc(label_text), st.label), Paragraph(esc(text), st.cell)]
        line += [""] * (2 * pairs_per_row - len(line))
        data.append(line)
    table = Table(data, colWidths=[label_width, value_width] * pairs_per_row, hAlign="LEFT",
                  splitInRow=1)
    table.setStyle(TableStyle([
        *_TABLE_FONT,
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
    ]))
    return table


def grid_table(header: Sequence[str], rows: Sequence[Sequence[object]],
               col_widths: Sequence[float], numeric_cols: Sequence[int] = ()) -> Table:
    """A ruled table with a bold header row repeated on every page.

    ``col_widths`` are fractions of the content width (they need not sum to 1).
    """
    st = styles()
    total = sum(col_widths)
    widths = [CONTENT_WIDTH * w / total for w in col_widths]
    head_num = ParagraphStyle("cellheadnum", parent=st.cell_head, alignment=TA_RIGHT)
    data: list[list[Paragraph]] = [[Paragraph(esc(h), head_num if i in numeric_cols else st.cell_head)
                                    for i, h in enumerate(header)]]
    for row in rows:
        data.append([
            Paragraph(esc(value), st.cell_num if i in numeric_cols else st.cell)
            for i, value in enumerate(row)
        ])
    table = Table(data, colWidths=widths, repeatRows=1, hAlign="LEFT", splitInRow=1)
    table.setStyle(TableStyle([
        *_TABLE_FONT,
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
        ("LINEBELOW", (0, 0), (-1, 0), 0.8, colors.black),
        ("LINEBELOW", (0, 1), (-1, -1), 0.3, RULE_GREY),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
    ]))
    return table


def signature_block(labels: Sequence[str] = ("Sted og dato", "Signatur")) -> Flowable:
    """Empty lines to sign on, each with its label underneath."""
    st = styles()
    gap = 8 * mm
    width = (CONTENT_WIDTH - gap * (len(labels) - 1)) / len(labels)
    cells: list[Paragraph | str] = []
    widths: list[float] = []
    for i, text in enumerate(labels):
        if i:
            cells.append("")
            widths.append(gap)
        cells.append(Paragraph(esc(text), st.small))
        widths.append(width)
    table = Table([cells], colWidths=widths, hAlign="LEFT")
    commands: list[tuple[Any, ...]] = [
        *_TABLE_FONT,
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
    ]
    for col in range(0, len(cells), 2):
        commands.append(("LINEABOVE", (col, 0), (col, 0), 0.6, colors.black))
    table.setStyle(TableStyle(commands))
    return KeepTogether([Spacer(1, 12 * mm), table])


@dataclass(frozen=True)
class PreparedImage:
    """A picture ready for the PDF: opaque RGB (or grey) JPEG bytes and the pixel size."""

    jpeg: bytes
    width: int
    height: int


def _jpeg_passthrough(data: bytes, max_px: tuple[int, int] | None) -> PreparedImage | None:
    """A baseline RGB/grey JPEG that already fits is embedded as it is (no decoding)."""
    if not data.startswith(b"\xff\xd8"):
        return None
    from PIL import Image as PILImage

    try:
        img = PILImage.open(io.BytesIO(data))      # reads the header only
    except Exception:  # noqa: BLE001 - not readable as JPEG: the slow path decides
        return None
    if img.format != "JPEG" or img.mode not in ("RGB", "L"):
        return None
    if max_px is not None and (img.width > max_px[0] or img.height > max_px[1]):
        return None
    return PreparedImage(data, img.width, img.height)


def document_image(data: bytes, max_px: tuple[int, int] | None = None) -> PreparedImage:
    """A picture as opaque JPEG, scaled down to ``max_px`` (width, height).

    Alpha is flattened onto white (no soft masks: nothing transparent reaches
    the PDF) and the picture is encoded as JPEG, which the PDF embeds as it is
    (``DCTDecode``) — far faster than ReportLab compressing raw pixels.
    Unreadable data is a :class:`DocumentError` with a Norwegian message.
    """
    import cv2
    import numpy as np

    passthrough = _jpeg_passthrough(data, max_px)
    if passthrough is not None:
        return passthrough
    img = cv2.imdecode(np.frombuffer(data, np.uint8), cv2.IMREAD_UNCHANGED) if data else None
    if img is None:
        img = _decode_with_pillow(data)
    if img.dtype != np.uint8:
        img = (img / (256 if img.dtype == np.uint16 else max(1.0, float(img.max())) / 255.0)).astype(np.uint8)
    if img.ndim == 3 and img.shape[2] == 4:
        alpha = img[:, :, 3:4].astype(np.float32) / 255.0
        img = (img[:, :, :3].astype(np.float32) * alpha + 255.0 * (1.0 - alpha)).astype(np.uint8)
    elif img.ndim == 3 and img.shape[2] == 2:
        alpha = img[:, :, 1].astype(np.float32) / 255.0
        img = (img[:, :, 0].astype(np.float32) * alpha + 255.0 * (1.0 - alpha)).astype(np.uint8)
    elif img.ndim == 3 and img.shape[2] == 1:
        img = img[:, :, 0]
    h, w = img.shape[:2]
    if w < 1 or h < 1:
        raise DocumentError("Et bilde er tomt, så dokumentet ble ikke laget.")
    if max_px is not None:
        scale = min(max_px[0] / w, max_px[1] / h)
        if scale < 1:
            img = cv2.resize(img, (max(1, round(w * scale)), max(1, round(h * scale))),
                             interpolation=cv2.INTER_AREA)
    ok, buf = cv2.imencode(".jpg", img, [cv2.IMWRITE_JPEG_QUALITY, JPEG_QUALITY,
                                         cv2.IMWRITE_JPEG_SAMPLING_FACTOR,
                                         cv2.IMWRITE_JPEG_SAMPLING_FACTOR_444])
    if not ok:
        raise DocumentError("Et bilde kunne ikke gjøres klart for dokumentet.")
    h, w = img.shape[:2]
    return PreparedImage(buf.tobytes(), w, h)


def _decode_with_pillow(data: bytes):
    """Formats OpenCV cannot read (GIF, palette PNG with odd chunks …), as BGR(A)/grey pixels."""
    import numpy as np
    from PIL import Image as PILImage, UnidentifiedImageError

    try:
        img = PILImage.open(io.BytesIO(data))
        img.load()
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError, PILImage.DecompressionBombError) as exc:
        raise DocumentError("Et bilde kunne ikke leses, så dokumentet ble ikke laget.") from exc
    if img.mode in ("RGBA", "LA", "PA") or (img.mode == "P" and "transparency" in img.info):
        arr = np.asarray(img.convert("RGBA"))
        return arr[:, :, [2, 1, 0, 3]]
    if img.mode in ("L", "1", "I", "I;16", "F"):
        return np.asarray(img.convert("L"))
    return np.asarray(img.convert("RGB"))[:, :, ::-1]


def prepare_images(pictures: Sequence[bytes], max_px: tuple[int, int] | None = None,
                   workers: int = 2) -> list[PreparedImage | DocumentError]:
    """:func:`document_image` for several pictures at once, on ``workers`` threads
    (OpenCV releases the GIL).  A picture that cannot be read gives its
    :class:`DocumentError` in its place instead of stopping the others."""
    def one(data: bytes) -> PreparedImage | DocumentError:
        try:
            return document_image(data, max_px)
        except DocumentError as exc:
            return exc

    if len(pictures) < 2 or workers < 2:
        return [one(p) for p in pictures]
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(max_workers=min(workers, len(pictures)), thread_name_prefix="hms-pdfimg") as pool:
        return list(pool.map(one, pictures))


def picture_box_px(max_width: float, max_height: float) -> tuple[int, int]:
    """The most pixels worth embedding in a box of ``max_width`` × ``max_height`` points."""
    return (max(1, round(max_width / 72 * IMAGE_DPI)), max(1, round(max_height / 72 * IMAGE_DPI)))


class _JpegReader(ImageReader):
    """An ImageReader over JPEG bytes that never decodes them.

    ``Canvas.drawImage`` asks a reader for all its RGB data only to name the
    image XObject; a digest of the JPEG names it just as well, and the bytes
    are then embedded as they are.
    """

    def __init__(self, jpeg: bytes) -> None:
        super().__init__(io.BytesIO(jpeg))
        self._dataA = None
        self._name_digest = hashlib.sha256(jpeg).digest()

    def getRGBData(self) -> bytes:  # noqa: N802 - ReportLab's name
        return self._name_digest


class _Picture(Flowable):
    """A prepared JPEG drawn at a fixed size."""

    def __init__(self, prepared: PreparedImage, width: float, height: float) -> None:
        super().__init__()
        self._reader = _JpegReader(prepared.jpeg)
        self.drawWidth, self.drawHeight = width, height
        self.hAlign = "LEFT"

    def wrap(self, _aw: float, _ah: float) -> tuple[float, float]:
        return self.drawWidth, self.drawHeight

    def draw(self) -> None:
        self.canv.drawImage(self._reader, 0, 0, self.drawWidth, self.drawHeight)


def snapshot_flowable(png: bytes | PreparedImage, caption: str, max_width: float = CONTENT_WIDTH,
                      max_height: float = 110 * mm, heading: str | None = None) -> KeepTogether:
    """An anonymised picture scaled to fit the box, kept together with its caption.

    ``png`` is the picture's bytes (any format Pillow/OpenCV reads) or a
    :class:`PreparedImage`; ``heading``, if given, is a section heading kept on
    the same page.
    """
    max_height = min(max_height, CONTENT_HEIGHT - 40 * mm)
    prepared = png if isinstance(png, PreparedImage) else document_image(png, picture_box_px(max_width, max_height))
    scale = min(max_width / prepared.width, max_height / prepared.height)
    image = _Picture(prepared, prepared.width * scale, prepared.height * scale)
    parts: list[Flowable] = [section(heading)] if heading else []
    return KeepTogether([*parts, image, Paragraph(esc(caption), styles().caption)])


# --- PDF/A-2b ------------------------------------------------------------------

@lru_cache(maxsize=1)
def srgb_icc_profile() -> bytes:
    """An sRGB ICC profile (made by Pillow's LittleCMS, no file needed)."""
    from PIL import ImageCms

    return ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()


def _output_intent() -> PDFDictionary:
    profile = PDFStream(PDFDictionary({"N": 3}), srgb_icc_profile(), filters=[PDFZCompress])
    return PDFDictionary({
        "Type": PDFName("OutputIntent"),
        "S": PDFName("GTS_PDFA1"),
        "OutputConditionIdentifier": PDFString(SRGB_CONDITION),
        "Info": PDFString(SRGB_CONDITION),
        "RegistryName": PDFString("http://www.color.org"),
        "DestOutputProfile": profile,
    })


def _xmp_date(doc: Any) -> str:
    ts = doc._timeStamp
    y, mo, d, h, mi, s = ts.YMDhms
    sign = "-" if ts.dhh < 0 else "+"
    return f"{y:04d}-{mo:02d}-{d:02d}T{h:02d}:{mi:02d}:{s:02d}{sign}{abs(ts.dhh):02d}:{ts.dmm:02d}"


def _xmp_packet(doc: Any, meta: "DocumentMeta") -> bytes:
    """XMP whose properties equal the Info dictionary ReportLab writes."""
    info = doc.info
    x = _xml_escape
    when = _xmp_date(doc)
    xml = f"""<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about="" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/">
   <pdfaid:part>2</pdfaid:part>
   <pdfaid:conformance>B</pdfaid:conformance>
  </rdf:Description>
  <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">
   <dc:format>application/pdf</dc:format>
   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">{x(info.title)}</rdf:li></rdf:Alt></dc:title>
   <dc:creator><rdf:Seq><rdf:li>{x(info.author)}</rdf:li></rdf:Seq></dc:creator>
   <dc:description><rdf:Alt><rdf:li xml:lang="x-default">{x(info.subject)}</rdf:li></rdf:Alt></dc:description>
   <dc:language><rdf:Bag><rdf:li>{pdf_lang(meta.lang)}</rdf:li></rdf:Bag></dc:language>
   <dc:type><rdf:Bag><rdf:li>{x(meta.archive_type)}</rdf:li></rdf:Bag></dc:type>
  </rdf:Description>
  <rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">
   <xmp:CreatorTool>{x(info.creator)}</xmp:CreatorTool>
   <xmp:CreateDate>{when}</xmp:CreateDate>
   <xmp:ModifyDate>{when}</xmp:ModifyDate>
   <xmp:MetadataDate>{when}</xmp:MetadataDate>
  </rdf:Description>
  <rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">
   <pdf:Producer>{x(info.producer)}</pdf:Producer>
   <pdf:Keywords>{x(info.keywords)}</pdf:Keywords>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>"""
    return xml.encode("utf-8")


class _ArchiveInfo(PDFInfo):
    """The document information dictionary without ``/Trapped``: PDF/A-2's
    XMP (2005) has no ``pdf:Trapped``, and every Info entry must have its
    XMP twin."""

    def format(self, document: Any) -> bytes:
        when = PDFDate(ts=document._timeStamp, dateFormatter=self._dateFormatter)
        return PDFDictionary({
            "Title": PDFString(self.title),
            "Author": PDFString(self.author),
            "CreationDate": when,
            "ModDate": when,
            "Producer": PDFString(self.producer),
            "Creator": PDFString(self.creator),
            "Subject": PDFString(self.subject),
            "Keywords": PDFString(self.keywords),
        }).format(document)


def _install_pdfa(canvas: Canvas, meta: "DocumentMeta") -> None:
    """Add the OutputIntent and the XMP metadata stream to the catalogue.

    ``PDFCatalog.format`` writes only the keys named in ``__NoDefault__``, so
    the instance gets its own list with ``OutputIntents`` added.
    """
    doc = canvas._doc
    info = _ArchiveInfo()
    info.__dict__.update(doc.info.__dict__)
    doc.info = info
    catalog = doc.Catalog
    catalog.__NoDefault__ = [*PDFCatalog.__NoDefault__, "OutputIntents"]
    catalog.OutputIntents = PDFArray([_output_intent()])
    catalog.Metadata = XMP(creator=partial(_xmp_packet, meta=meta))
    add_page = doc.addPage

    def add_page_without_transition(page: Any) -> None:
        trans = getattr(page, "Trans", None)
        if trans is not None and not getattr(trans, "dict", None):
            page.Trans = None
        add_page(page)

    doc.addPage = add_page_without_transition


# --- page furniture and build --------------------------------------------------

@dataclass(frozen=True)
class DocumentMeta:
    """What the header, the footer and the metadata of one document say."""

    title: str                 # "Journalnotat", "Reparasjonsordre", ...
    subject: str               # one line for the metadata
    doc_type: str              # archive type shown in the footer, e.g. "Notat"
    unit_name: str             # the HMS, e.g. "Oslo"
    reference_label: str       # "Saksnr.", "Bestillingsnr."
    reference: str
    generated_at: datetime = field(default_factory=datetime.now)
    keywords: tuple[str, ...] = ()
    lang: str = "nb"           # "nb" | "en": page furniture, /Lang and dc:language
    archive_type: str = ""     # dc:type in the XMP, e.g. "notat" (default: doc_type in lower case)

    def __post_init__(self) -> None:
        if not self.archive_type:
            object.__setattr__(self, "archive_type", self.doc_type.lower())

    @property
    def full_title(self) -> str:
        """The Info /Title and dc:title."""
        return self.title if not self.reference else f"{self.title} – {self.reference}"


def _fit(text: str, font: str, size: float, width: float) -> str:
    """Cut ``text`` with an ellipsis so it fits ``width`` points."""
    text = printable(text).replace("\n", " ")
    if pdfmetrics.stringWidth(text, font, size) <= width:
        return text
    while text and pdfmetrics.stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text + "…"


def _draw_header(canvas: Canvas, meta: DocumentMeta) -> None:
    top = PAGE_HEIGHT - 12 * mm
    left, right = CONTENT_LEFT, CONTENT_RIGHT
    half = CONTENT_WIDTH * 0.58
    canvas.saveState()
    canvas.setFillColor(NAV_RED)
    canvas.rect(left, top - 1 * mm, 2.2 * mm, 9 * mm, stroke=0, fill=1)
    canvas.setFillColor(colors.black)
    canvas.setFont(FONT_BOLD, 11)
    canvas.drawString(left + 4.5 * mm, top + 4 * mm,
                      _fit(centre_name(meta.unit_name, meta.lang), FONT_BOLD, 11, half))
    canvas.setFont(FONT, 9)
    canvas.setFillColor(TEXT_GREY)
    canvas.drawString(left + 4.5 * mm, top - 0.5 * mm, _fit(meta.title, FONT, 9, half))
    right_width = CONTENT_WIDTH - half - 6 * mm
    canvas.setFillColor(colors.black)
    canvas.drawRightString(right, top + 4 * mm,
                           _fit(f"{meta.reference_label} {meta.reference}", FONT, 9, right_width))
    canvas.setFillColor(TEXT_GREY)
    canvas.setFont(FONT, 8)
    canvas.drawRightString(right, top - 0.5 * mm,
                           f"{label('generated', meta.lang)} {fmt_dt(meta.generated_at, lang=meta.lang)}")
    canvas.setStrokeColor(RULE_GREY)
    canvas.setLineWidth(0.6)
    canvas.line(left, top - 4 * mm, right, top - 4 * mm)
    canvas.restoreState()


def _draw_footer(canvas: Canvas, meta: DocumentMeta, page: int, total: int) -> None:
    y = 11 * mm
    left, right = CONTENT_LEFT, CONTENT_RIGHT
    canvas.saveState()
    canvas.setStrokeColor(RULE_GREY)
    canvas.setLineWidth(0.6)
    canvas.line(left, y + 4 * mm, right, y + 4 * mm)
    canvas.setFont(FONT, 8)
    canvas.setFillColor(TEXT_GREY)
    canvas.drawString(left, y, _fit(f"{label('doc_type', meta.lang)}: {meta.doc_type} · "
                                    f"{meta.reference_label} {meta.reference} · "
                                    f"{label('made_with', meta.lang)} {AUTHOR}",
                                    FONT, 8, CONTENT_WIDTH - 30 * mm))
    canvas.setFillColor(colors.black)
    canvas.drawRightString(right, y, label("page_of", meta.lang, page=page, total=total))
    canvas.restoreState()


class _ArchiveCanvas(Canvas):
    """A canvas that adds the PDF/A parts and numbers pages "Side X av Y".

    Pages are held back until :meth:`save`, when the total is known (the
    usual ReportLab recipe), so one layout pass is enough.
    """

    def __init__(self, *args: Any, meta: DocumentMeta, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._meta = meta
        self._held_pages: list[dict[str, Any]] = []
        _install_pdfa(self, meta)

    def showPage(self) -> None:  # noqa: N802 - ReportLab's name
        self._held_pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._held_pages)
        for number, state in enumerate(self._held_pages, start=1):
            self.__dict__.update(state)
            _draw_footer(self, self._meta, number, total)
            super().showPage()
        self._add_norwegian_glyphs()
        super().save()

    def _add_norwegian_glyphs(self) -> None:
        """Put the whole Norwegian alphabet into every font the document uses."""
        for name in _FONT_FILES:
            font = pdfmetrics.getFont(name)
            if self._doc in getattr(font, "state", {}):
                font.splitString(NORWEGIAN_GLYPHS, self._doc)


def build_pdf_bytes(meta: DocumentMeta, story: list[Flowable]) -> bytes:
    """Lay out ``story`` under ``meta``'s header/footer; the PDF's bytes.

    Pure CPU work on plain data (no file, no database): the GUI runs it on a
    worker.  Any layout failure is a :class:`DocumentError` in Norwegian;
    ReportLab's own (English) message goes to the log only.
    """
    register_fonts()
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=LEFT_MARGIN,
        rightMargin=RIGHT_MARGIN,
        topMargin=TOP_MARGIN,
        bottomMargin=BOTTOM_MARGIN,
        title=printable(meta.full_title),
        author=AUTHOR,
        subject=printable(meta.subject),
        creator=AUTHOR,
        keywords=printable(", ".join(meta.keywords)),
        lang=pdf_lang(meta.lang),
        initialFontName=FONT,
        displayDocTitle=True,
    )
    on_page: Callable[[Canvas, Any], None] = lambda canvas, _doc: _draw_header(canvas, meta)
    try:
        doc.build(story, onFirstPage=on_page, onLaterPages=on_page,
                  canvasmaker=partial(_ArchiveCanvas, meta=meta))
    except DocumentError:
        raise
    except Exception as exc:  # ReportLab raises LayoutError, ValueError, ...
        log.error("layout of %r failed: %s: %s", meta.title, type(exc).__name__, exc)
        raise DocumentError(
            f"Dokumentet «{meta.title}» kunne ikke lages: innholdet fikk ikke plass på siden "
            "eller inneholdt noe som ikke kan skrives ut. Feilen er logget.") from exc
    return buffer.getvalue()


def write_bytes_atomic(target: Path | str, data: bytes | str, what_nb: str = "dokumentet") -> Path:
    """Write ``data`` to ``target`` in one go (temporary name, then rename),
    so a reader never sees half a file.  A disk error becomes a Norwegian
    :class:`DocumentError`."""
    target = Path(target)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    tmp = target.with_name(target.name + ".tmp")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp.write_bytes(payload)
        os.replace(tmp, target)
    except OSError as exc:
        try:
            tmp.unlink(missing_ok=True)
        except OSError:
            pass
        raise DocumentError(f"Kunne ikke lagre {what_nb} som {target}: {exc.strerror or exc}") from exc
    return target


def count_pages(pdf: bytes) -> int:
    """Pages of a PDF this module wrote (ReportLab writes one ``/Type /Page`` per page)."""
    return len(re.findall(rb"/Type /Page\b(?!s)", pdf))


def build_pdf(path: Path | str, meta: DocumentMeta, story: list[Flowable]) -> Path:
    """Lay out ``story`` under ``meta``'s header/footer and write ``path``.

    The file is written in one go (to a temporary name, then renamed), so a
    reader never sees half a PDF.  Returns the path written.
    """
    data = build_pdf_bytes(meta, story)
    return write_bytes_atomic(path, data, Path(path).name)


# --- blocks more than one document shows ---------------------------------------

def device_fields(device: Any, lang: str | None = "nb") -> Table:
    """The device block: identity, product, loan and warranty.

    ``device`` is a :class:`hms_desk.documents.model.DeviceInfo`; its
    ``loan_type`` may be NAV's code (``P``) or its text.
    """
    from hms_desk.documents.i18n import LOAN_TYPES, loan_status_text, loan_type_text

    municipality = " ".join(p for p in (device.municipality_number, device.municipality_name) if p)
    unit = " ".join(p for p in (device.hms_unit, device.hms_unit_name) if p)
    loan_type = device.loan_type
    if loan_type in LOAN_TYPES:
        loan_type = f"{loan_type_text(loan_type, lang)} ({loan_type})"
    return fields_table([
        (label("hmsnr", lang), device.hmsnr),
        (label("serial", lang), device.serial),
        (label("product", lang), device.product_name),
        (label("series", lang), device.series),
        (label("supplier", lang), device.supplier),
        (label("iso", lang), device.iso_category),
        (label("loan_status", lang), loan_status_text(device.loan_status, lang)),
        (label("loan_type", lang), loan_type),
        (label("municipality", lang), municipality),
        (label("store", lang), unit),
        (label("warranty_to", lang), fmt_date(device.warranty_end, label("no_warranty", lang))),
    ])
