"""Every document HMS Desk makes passes the PDF/A-2b self-check (and pikepdf's
allowlist validator as a second opinion); the self-check catches what it
promises to catch; the pages render and the text layer reads back exactly."""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path

import pikepdf
import pypdfium2 as pdfium
import pytest
from PIL import Image
from pypdf import PdfReader

from hms_desk.documents.pdfa_check import CHECKS, check_pdf, main as check_main
from hms_desk.documents.samples import DOCUMENT_KINDS, NORWEGIAN_SENTENCE, render_every_document

ARCHIVE_TYPES = {"journalnotat": "notat", "delbestilling": "delbestilling",
                 "reparasjonsordre": "reparasjonsordre", "slettebekreftelse": "kvittering", "avvik": "avvik"}
# what each document must show, read back from its text layer
FACTS = {
    "journalnotat": ("Journalnotat", "Deler må bestilles", "Rullestolen står på kjøkkenet", "ÆØÅ æøå"),
    "delbestilling": ("Bestilling av deler til reparasjon av hjelpemidler", "D-2026-000042", "Bremsewire venstre"),
    "reparasjonsordre": ("Reparasjonsordre", "Deler må bestilles", "Dekket er slitt ned til lerretet"),
    "slettebekreftelse": ("Slettebekreftelse", "bilde-4", "Kommunen (0301 Oslo) bes slette"),
    "avvik": ("Avviksmelding", "A-2026-000007", "Feil del levert", "Tekniker (Oslo kommune)"),
}


@pytest.fixture(scope="module")
def documents() -> dict[str, bytes]:
    return render_every_document("nb")


@pytest.fixture(scope="module")
def documents_en() -> dict[str, bytes]:
    from hms_desk.documents.deviation_doc import render_deviation
    from hms_desk.documents.journal_note import render_pdf
    from hms_desk.documents.samples import sample_deviation, sample_note

    return {"journalnotat": render_pdf(sample_note(), "en").data,
            "avvik": render_deviation(sample_deviation(), "pdf", "en").data}


def test_every_kind_is_made(documents):
    assert set(documents) == set(DOCUMENT_KINDS)


@pytest.mark.parametrize("kind", DOCUMENT_KINDS)
def test_every_document_passes_the_self_check(documents, kind):
    report = check_pdf(documents[kind], expect_type=ARCHIVE_TYPES[kind], expect_lang="nb-NO")
    assert report.ok, report.describe()
    assert set(report.checks) == set(CHECKS) and report.pages >= 1
    assert report.fonts and all(f.startswith("DejaVuSans") for f in report.fonts)


@pytest.mark.parametrize("kind", DOCUMENT_KINDS)
def test_every_document_passes_pikepdfs_allowlist_validator(documents, kind):
    from pikepdf import pdfa

    result = pdfa.validate_written(io.BytesIO(documents[kind]), "2b")
    assert result.passed, [str(f) for f in result.findings]


@pytest.mark.parametrize("kind", ["journalnotat", "avvik"])
def test_english_documents_pass_too(documents_en, kind):
    report = check_pdf(documents_en[kind], expect_type=ARCHIVE_TYPES[kind], expect_lang="en-GB")
    assert report.ok, report.describe()


@pytest.mark.parametrize("kind", DOCUMENT_KINDS)
def test_text_layer_reads_back_with_norwegian_characters(documents, kind):
    data = documents[kind]
    pypdf_text = " ".join(" ".join((p.extract_text() or "").split()) for p in PdfReader(io.BytesIO(data)).pages)
    doc = pdfium.PdfDocument(data)
    pdfium_text = " ".join(" ".join(page.get_textpage().get_text_range().split()) for page in doc)
    for fact in FACTS[kind] + ("NAV Hjelpemiddelsentral Oslo", "Side 1 av"):
        assert fact in pypdf_text, fact
        assert fact in pdfium_text, fact
    if kind == "journalnotat":
        assert NORWEGIAN_SENTENCE in pypdf_text and NORWEGIAN_SENTENCE in pdfium_text
    assert "\ufffd" not in pypdf_text


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler (pdftoppm) is not installed")
@pytest.mark.parametrize("kind", DOCUMENT_KINDS)
def test_pages_render_to_png(documents, kind, tmp_path):
    pdf = tmp_path / f"{kind}.pdf"
    pdf.write_bytes(documents[kind])
    subprocess.run(["pdftoppm", "-r", "50", "-png", str(pdf), str(tmp_path / kind)], check=True,
                   capture_output=True, timeout=120)
    pages = sorted(tmp_path.glob(f"{kind}-*.png"))
    assert len(pages) == len(PdfReader(pdf).pages)
    for page in pages:
        img = Image.open(page).convert("L")
        assert abs(img.width / img.height - 210 / 297) < 0.01          # A4 portrait
        lo, hi = img.getextrema()
        assert lo < 80 and hi > 240                                      # text on white, not a blank page
        header = img.crop((0, 0, img.width, img.height // 12))
        assert header.getextrema()[0] < 120                             # the header is drawn


def test_self_check_command_line(documents, tmp_path, capsys):
    good = tmp_path / "notat.pdf"
    good.write_bytes(documents["journalnotat"])
    assert check_main([str(good)]) == 0
    out = capsys.readouterr().out
    assert "bestått" in out and "ikke ISO-validering" in out


# --- the self-check catches what it promises to catch -----------------------------------

def _plain_reportlab_pdf(path: Path) -> Path:
    from reportlab.pdfgen.canvas import Canvas

    c = Canvas(str(path))
    c.setFont("Helvetica", 12)
    c.drawString(72, 720, "Helvetica er ikke innebygd")
    c.showPage()
    c.save()
    return path


def _edit(data: bytes, path: Path, change, **save) -> Path:
    with pikepdf.open(io.BytesIO(data)) as pdf:
        change(pdf)
        pdf.save(path, **save)
    return path


def _failed(path: Path | bytes) -> set[str]:
    return {name for name, ok in check_pdf(path).checks.items() if not ok}


def test_catches_a_plain_reportlab_file(tmp_path):
    failed = _failed(_plain_reportlab_pdf(tmp_path / "plain.pdf"))
    assert {"fonts_embedded", "output_intent", "xmp", "xmp_matches_info", "norwegian_glyphs"} <= failed


def test_catches_encryption(documents, tmp_path):
    path = _edit(documents["avvik"], tmp_path / "enc.pdf", lambda pdf: None,
                 encryption=pikepdf.Encryption(owner="eier", user="", R=4))
    assert "no_encryption" in _failed(path)


def test_catches_javascript_and_launch(documents, tmp_path):
    def add_js(pdf):
        pdf.Root.OpenAction = pdf.make_indirect(pikepdf.Dictionary(S=pikepdf.Name.JavaScript, JS="app.alert(1)"))

    def add_launch(pdf):
        pdf.pages[0].obj.AA = pikepdf.Dictionary(O=pikepdf.Dictionary(S=pikepdf.Name.Launch, F="calc.exe"))

    assert "no_actions" in _failed(_edit(documents["avvik"], tmp_path / "js.pdf", add_js))
    assert "no_actions" in _failed(_edit(documents["avvik"], tmp_path / "launch.pdf", add_launch))


def test_catches_transparency(documents, tmp_path):
    def add_alpha(pdf):
        page = pdf.pages[0]
        gs = pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.ExtGState, ca=0.5, BM=pikepdf.Name.Multiply))
        page.Resources.ExtGState = pikepdf.Dictionary(GSa=gs)
        page.contents_add(pdf.make_stream(b"q /GSa gs 0 0 10 10 re f Q"), prepend=False)

    failed = _failed(_edit(documents["avvik"], tmp_path / "alpha.pdf", add_alpha))
    assert "no_transparency" in failed


def test_catches_metadata_that_disagrees(documents, tmp_path):
    def retitle(pdf):
        pdf.docinfo["/Title"] = "Et annet navn"
        pdf.docinfo["/Trapped"] = pikepdf.Name.false

    failed = _failed(_edit(documents["avvik"], tmp_path / "meta.pdf", retitle))
    assert failed == {"xmp_matches_info"}


def test_catches_a_missing_output_intent_and_id(documents, tmp_path):
    def strip(pdf):
        del pdf.Root["/OutputIntents"]

    failed = _failed(_edit(documents["avvik"], tmp_path / "oi.pdf", strip, static_id=False))
    assert "output_intent" in failed


def test_catches_notdef_glyphs(tmp_path):
    """A character the font lacks, drawn directly (our writers never do: esc() replaces it)."""
    from reportlab.pdfgen.canvas import Canvas

    from hms_desk.documents.pdf_base import FONT, register_fonts

    register_fonts()
    path = tmp_path / "notdef.pdf"
    c = Canvas(str(path))
    c.setFont(FONT, 12)
    c.drawString(72, 720, "Kinesisk \u4e2d\u6587 og æøå")
    c.showPage()
    c.save()
    failed = _failed(path)
    assert "no_notdef" in failed


def test_esc_keeps_notdef_out_of_our_documents():
    from hms_desk.documents.pdf_base import printable

    assert printable("Kinesisk \u4e2d og æøå\x00") == "Kinesisk \ufffd og æøå"
    assert printable("a\u202eb\u200bc") == "abc"                       # bidi and zero-width controls dropped
    assert printable("a\u030a") == "å"                                  # composed (NFC)


def test_every_font_carries_the_norwegian_alphabet_even_when_the_text_is_ascii():
    from hms_desk.documents.pdf_base import DocumentMeta, build_pdf_bytes, para, section

    meta = DocumentMeta("Plain", "ascii only", "Note", "Oslo", "Ref.", "X-1", lang="en")
    data = build_pdf_bytes(meta, [section("Heading"), para("Only ASCII text here.")])
    report = check_pdf(data, expect_type="note", expect_lang="en-GB")
    assert report.ok, report.describe()
    with pikepdf.open(io.BytesIO(data)) as pdf:
        fonts = [f for p in pdf.pages for f in p.Resources.Font.values()]
        text = "".join(bytes(f.ToUnicode.read_bytes()).decode("latin-1") for f in fonts)
    for ch in "ÆØÅæøå":
        assert f"<{ord(ch):04X}>" in text, ch


def test_every_code_has_words_in_both_languages():
    from hms_desk.documents import i18n
    from hms_desk.domain.nav import Decision, OrderStatus
    from hms_desk.services.cases import CONSENT_GIVERS, CONSENT_KINDS, CONSENT_SCOPES, ROLES
    from hms_desk.services.deviations import DIRECTIONS, KINDS

    pairs = [(i18n.decision_text, [d.value for d in Decision]),
             (i18n.order_status_text, [s.value for s in OrderStatus]),
             (i18n.role_text, ROLES), (i18n.consent_kind_text, CONSENT_KINDS),
             (i18n.consent_giver_text, CONSENT_GIVERS), (i18n.consent_scope_text, CONSENT_SCOPES),
             (i18n.deviation_kind_text, KINDS), (i18n.deviation_direction_text, DIRECTIONS),
             (i18n.delivery_text, ["kommunelager", "servicejobb"]), (i18n.template_text, ["support", "utproving", "boligsak"])]
    for fn, codes in pairs:
        for code in codes:
            nb, en = fn(code, "nb"), fn(code, "en")
            assert nb and en and code not in (nb, en), (fn.__name__, code)
            assert "_" not in nb and "_" not in en
    assert i18n.decision_text("NYTT_VALG") == "Nytt valg"            # an unknown code still reads as words
