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

The writers build a list of flowables with the helpers here and hand it to
:func:`build_pdf`; they never touch the canvas themselves.  All user text
goes through :func:`esc` (or :func:`para`, which calls it), so ``<``, ``>``
and ``&`` print literally instead of being read as Paragraph markup.
"""

from __future__ import annotations

import io
import os
import re
import threading
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
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.pdfdoc import (
    XMP,
    PDFArray,
    PDFCatalog,
    PDFDictionary,
    PDFName,
    PDFStream,
    PDFString,
    PDFZCompress,
)
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    Flowable,
    Image,
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

from hms_desk.domain.errors import HmsError
from hms_desk.platform.resources import resource

__all__ = [
    "AUTHOR",
    "CONTENT_WIDTH",
    "DocumentError",
    "DocumentMeta",
    "LANG",
    "build_pdf",
    "centre_name",
    "device_fields",
    "esc",
    "fields_table",
    "fmt_date",
    "fmt_dt",
    "grid_table",
    "note",
    "para",
    "register_fonts",
    "section",
    "signature_block",
    "snapshot_flowable",
    "styles",
    "title_block",
]

AUTHOR = "HMS Desk"
LANG = "nb-NO"

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

PAGE_WIDTH, PAGE_HEIGHT = A4
LEFT_MARGIN = RIGHT_MARGIN = 18 * mm
TOP_MARGIN = 30 * mm
BOTTOM_MARGIN = 20 * mm
FRAME_PADDING = 6  # SimpleDocTemplate's frame pads 6 pt on every side
CONTENT_LEFT = LEFT_MARGIN + FRAME_PADDING
CONTENT_RIGHT = PAGE_WIDTH - RIGHT_MARGIN - FRAME_PADDING
CONTENT_WIDTH = CONTENT_RIGHT - CONTENT_LEFT

NAV_RED = colors.HexColor("#C30000")
TEXT_GREY = colors.HexColor("#555555")
RULE_GREY = colors.HexColor("#B0B0B0")
HEADER_FILL = colors.HexColor("#E9EEF2")

SRGB_CONDITION = "sRGB IEC61966-2.1"


class DocumentError(HmsError):
    """A document could not be produced (missing font, unreadable picture, disk)."""

    code = "DOKUMENT"


# --- fonts and styles ---------------------------------------------------------

_font_lock = threading.Lock()
_fonts_registered = False


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
        _fonts_registered = True


@dataclass(frozen=True)
class Styles:
    title: ParagraphStyle
    subtitle: ParagraphStyle
    h2: ParagraphStyle
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
    body = ParagraphStyle("body", fontName=FONT, fontSize=9.5, leading=12.5, alignment=TA_LEFT)
    return Styles(
        title=ParagraphStyle("title", parent=body, fontName=FONT_BOLD, fontSize=17, leading=21,
                             spaceAfter=2 * mm),
        subtitle=ParagraphStyle("subtitle", parent=body, textColor=TEXT_GREY, spaceAfter=3 * mm),
        h2=ParagraphStyle("h2", parent=body, fontName=FONT_BOLD, fontSize=12, leading=15,
                          spaceBefore=5 * mm, spaceAfter=2 * mm, keepWithNext=1),
        body=ParagraphStyle("bodytext", parent=body, spaceAfter=1.5 * mm),
        label=ParagraphStyle("label", parent=body, fontName=FONT_BOLD, fontSize=8.5, leading=11.5),
        cell=ParagraphStyle("cell", parent=body, fontSize=8.5, leading=11),
        cell_head=ParagraphStyle("cellhead", parent=body, fontName=FONT_BOLD, fontSize=8.5,
                                 leading=11),
        cell_num=ParagraphStyle("cellnum", parent=body, fontSize=8.5, leading=11,
                                alignment=TA_RIGHT),
        small=ParagraphStyle("small", parent=body, fontSize=8, leading=10, textColor=TEXT_GREY),
        caption=ParagraphStyle("caption", parent=body, fontName=FONT_ITALIC, fontSize=8,
                               leading=10, textColor=TEXT_GREY, spaceBefore=1 * mm,
                               spaceAfter=3 * mm),
    )


# --- text ----------------------------------------------------------------------

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def esc(text: object) -> str:
    """Escape user text for Paragraph markup: ``<``, ``>``, ``&`` print literally.

    Control characters are dropped, tabs become spaces and line breaks are
    kept as ``<br/>``.
    """
    s = "" if text is None else str(text)
    s = s.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    s = _CONTROL.sub("", s)
    return _xml_escape(s).replace("\n", "<br/>")


def para(text: object, style: ParagraphStyle | None = None) -> Paragraph:
    """A Paragraph showing ``text`` literally (escaped)."""
    return Paragraph(esc(text), style or styles().body)


def note(text: object) -> Paragraph:
    """A grey remark, e.g. "Ingen deltakere registrert."."""
    return Paragraph(esc(text), styles().small)


def _local(value: datetime) -> datetime:
    return value.astimezone() if value.tzinfo is not None else value


def fmt_dt(value: datetime | None, empty: str = "–") -> str:
    """``12.03.2025 kl. 14:05`` (aware datetimes in local time)."""
    if value is None:
        return empty
    return _local(value).strftime("%d.%m.%Y kl. %H:%M")


def fmt_date(value: date | None, empty: str = "–") -> str:
    if value is None:
        return empty
    return value.strftime("%d.%m.%Y")


def centre_name(unit_name: str) -> str:
    """``"Oslo"`` → ``"NAV Hjelpemiddelsentral Oslo"`` (full names are kept)."""
    name = unit_name.strip()
    if not name:
        return "NAV Hjelpemiddelsentral"
    if name.upper().startswith("NAV"):
        return name
    return f"NAV Hjelpemiddelsentral {name}"


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


def fields_table(rows: Sequence[tuple[str, object]], pairs_per_row: int = 2,
                 label_width: float = 30 * mm) -> Table:
    """Label/value pairs laid out ``pairs_per_row`` to a row; values wrap."""
    st = styles()
    pairs_per_row = max(1, pairs_per_row)
    value_width = CONTENT_WIDTH / pairs_per_row - label_width
    data: list[list[Paragraph | str]] = []
    for start in range(0, len(rows), pairs_per_row):
        line: list[Paragraph | str] = []
        for label, value in rows[start:start + pairs_per_row]:
            text = "–" if value is None or str(value).strip() == "" else value
            line += [Paragraph(esc(label), st.label), Paragraph(esc(text), st.cell)]
        line += [""] * (2 * pairs_per_row - len(line))
        data.append(line)
    table = Table(data, colWidths=[label_width, value_width] * pairs_per_row, hAlign="LEFT")
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
    table = Table(data, colWidths=widths, repeatRows=1, hAlign="LEFT")
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
    for i, label in enumerate(labels):
        if i:
            cells.append("")
            widths.append(gap)
        cells.append(Paragraph(esc(label), st.small))
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


def _opaque_png(png: bytes) -> tuple[io.BytesIO, int, int]:
    """``png`` as an opaque RGB PNG stream plus its size (alpha flattened onto white).

    PDF/A-2 allows soft masks, but an opaque picture is simpler for every
    archive viewer; RGB input is passed through untouched.
    """
    from PIL import Image as PILImage, UnidentifiedImageError

    try:
        img = PILImage.open(io.BytesIO(png))
        img.load()
    except (UnidentifiedImageError, OSError, ValueError) as exc:
        raise DocumentError("Et bilde kunne ikke leses, så dokumentet ble ikke laget.") from exc
    if img.mode == "RGB" and img.format == "PNG":
        return io.BytesIO(png), img.width, img.height
    if img.mode in ("RGBA", "LA", "PA") or (img.mode == "P" and "transparency" in img.info):
        rgba = img.convert("RGBA")
        rgb = PILImage.new("RGB", rgba.size, (255, 255, 255))
        rgb.paste(rgba, mask=rgba.getchannel("A"))
    else:
        rgb = img.convert("RGB")
    out = io.BytesIO()
    rgb.save(out, "PNG", compress_level=1)
    out.seek(0)
    return out, rgb.width, rgb.height


def snapshot_flowable(png: bytes, caption: str, max_width: float = CONTENT_WIDTH,
                      max_height: float = 110 * mm, heading: str | None = None) -> KeepTogether:
    """An anonymised picture scaled to fit the box, kept together with its caption.

    ``heading``, if given, is a section heading kept on the same page.
    """
    stream, w, h = _opaque_png(png)
    scale = min(max_width / w, max_height / h)
    image = Image(stream, width=w * scale, height=h * scale, hAlign="LEFT")
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


def _xmp_packet(doc: Any) -> bytes:
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
   <dc:language><rdf:Bag><rdf:li>{LANG}</rdf:li></rdf:Bag></dc:language>
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
   <pdf:Trapped>{x(info.trapped)}</pdf:Trapped>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>"""
    return xml.encode("utf-8")


def _install_pdfa(canvas: Canvas) -> None:
    """Add the OutputIntent and the XMP metadata stream to the catalogue.

    ``PDFCatalog.format`` writes only the keys named in ``__NoDefault__``, so
    the instance gets its own list with ``OutputIntents`` added.
    """
    catalog = canvas._doc.Catalog
    catalog.__NoDefault__ = [*PDFCatalog.__NoDefault__, "OutputIntents"]
    catalog.OutputIntents = PDFArray([_output_intent()])
    catalog.Metadata = XMP(creator=_xmp_packet)


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


def _fit(text: str, font: str, size: float, width: float) -> str:
    """Cut ``text`` with an ellipsis so it fits ``width`` points."""
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
    canvas.drawString(left + 4.5 * mm, top + 4 * mm, _fit(centre_name(meta.unit_name), FONT_BOLD, 11, half))
    canvas.setFont(FONT, 9)
    canvas.setFillColor(TEXT_GREY)
    canvas.drawString(left + 4.5 * mm, top - 0.5 * mm, _fit(meta.title, FONT, 9, half))
    right_width = CONTENT_WIDTH - half - 6 * mm
    canvas.setFillColor(colors.black)
    canvas.drawRightString(right, top + 4 * mm,
                           _fit(f"{meta.reference_label} {meta.reference}", FONT, 9, right_width))
    canvas.setFillColor(TEXT_GREY)
    canvas.setFont(FONT, 8)
    canvas.drawRightString(right, top - 0.5 * mm, f"Generert {fmt_dt(meta.generated_at)}")
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
    canvas.drawString(left, y, _fit(f"Dokumenttype: {meta.doc_type} · {meta.reference_label} "
                                    f"{meta.reference} · Laget med {AUTHOR}",
                                    FONT, 8, CONTENT_WIDTH - 30 * mm))
    canvas.setFillColor(colors.black)
    canvas.drawRightString(right, y, f"Side {page} av {total}")
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
        _install_pdfa(self)

    def showPage(self) -> None:  # noqa: N802 - ReportLab's name
        self._held_pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._held_pages)
        for number, state in enumerate(self._held_pages, start=1):
            self.__dict__.update(state)
            _draw_footer(self, self._meta, number, total)
            super().showPage()
        super().save()


def build_pdf(path: Path | str, meta: DocumentMeta, story: list[Flowable]) -> Path:
    """Lay out ``story`` under ``meta``'s header/footer and write ``path``.

    The file is written in one go (to a temporary name, then renamed), so a
    reader never sees half a PDF.  Returns the path written.
    """
    register_fonts()
    target = Path(path)
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=LEFT_MARGIN,
        rightMargin=RIGHT_MARGIN,
        topMargin=TOP_MARGIN,
        bottomMargin=BOTTOM_MARGIN,
        title=meta.title if not meta.reference else f"{meta.title} – {meta.reference}",
        author=AUTHOR,
        subject=meta.subject,
        creator=AUTHOR,
        keywords=", ".join(meta.keywords),
        lang=LANG,
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
        raise DocumentError(f"Dokumentet «{meta.title}» kunne ikke lages: {exc}") from exc
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_name(target.name + ".tmp")
        tmp.write_bytes(buffer.getvalue())
        os.replace(tmp, target)
    except OSError as exc:
        raise DocumentError(f"Kunne ikke lagre {target.name}: {exc.strerror or exc}") from exc
    return target


# --- blocks more than one document shows ---------------------------------------

def device_fields(device: Any) -> Table:
    """The device block: identity, product, loan and warranty.

    ``device`` is a :class:`hms_desk.documents.model.DeviceInfo`.
    """
    from hms_desk.domain.nav import LOAN_TYPES

    municipality = " ".join(p for p in (device.municipality_number, device.municipality_name) if p)
    unit = " ".join(p for p in (device.hms_unit, device.hms_unit_name) if p)
    loan_type = LOAN_TYPES.get(device.loan_type, device.loan_type)
    if device.loan_type in LOAN_TYPES:
        loan_type = f"{loan_type} ({device.loan_type})"
    return fields_table([
        ("HMS-nr", device.hmsnr),
        ("Serienr", device.serial),
        ("Produkt", device.product_name),
        ("Serie", device.series),
        ("Leverandør", device.supplier),
        ("ISO-kode", device.iso_category),
        ("Utlånsstatus", device.loan_status),
        ("Utlånstype", loan_type),
        ("Kommune", municipality),
        ("HMS (lager)", unit),
        ("Garanti til", fmt_date(device.warranty_end, "Ingen garanti registrert")),
    ])
