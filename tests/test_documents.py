"""The PDF writers: content, escaping, pagination, embedded fonts, PDF/A parts."""

from __future__ import annotations

import io
import re
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from PIL import Image, ImageDraw
from pypdf import PdfReader
from pypdf.generic import IndirectObject

from hms_desk.documents import (
    ConsentInfo,
    DeletionReceiptData,
    DeviceInfo,
    DocumentError,
    JournalData,
    OrderDocData,
    OrderInfo,
    OrderLineInfo,
    ParticipantInfo,
    SnapshotImage,
    write_deletion_receipt_pdf,
    write_journal_pdf,
    write_parts_order_pdf,
    write_repair_order_pdf,
)
from hms_desk.documents.pdf_base import esc

T0 = datetime(2025, 3, 12, 9, 30)
TRICKY = "Hjul <venstre> & bremser"


def _png(width: int = 640, height: int = 400, alpha: bool = False) -> bytes:
    img = Image.new("RGBA" if alpha else "RGB", (width, height), (200, 210, 220))
    draw = ImageDraw.Draw(img)
    draw.rectangle((60, 80, 400, 300), fill=(40, 40, 40))
    draw.ellipse((420, 120, 600, 300), outline=(200, 0, 0), width=8)
    buf = io.BytesIO()
    img.save(buf, "PNG")
    return buf.getvalue()


def _device() -> DeviceInfo:
    return DeviceInfo(
        hmsnr="123456", serial="654321", product_name="Panthera S3 Large & Wide",
        series="Panthera S3", supplier="Panthera AB", iso_category="122203",
        municipality_number="0301", municipality_name="Oslo", hms_unit="4703",
        hms_unit_name="Oslo", loan_status="I utlån", loan_type="P",
        warranty_end=date(2026, 5, 1),
    )


def _order(number: str = "B-2025-0042") -> OrderInfo:
    return OrderInfo(
        number=number, created_at=T0, status="INNSENDT", orderer="tekn-kari",
        delivery="kommunelager",
        lines=(
            OrderLineInfo("278247", "SA-2233", "Dekk 12 1/2 x 2 1/4 massivt", "Dekk", 2, False),
            OrderLineInfo(None, "", "Bremsewire <høyre>", "Annet", 1, True),
        ),
        municipality_number="0301", hms_unit="4703",
    )


def _order_doc(snapshot: SnapshotImage | None = None) -> OrderDocData:
    return OrderDocData(
        order=_order(), device=_device(), case_number="S-2025-0007",
        repair_decision_text="Repareres lokalt", reason="Slitte dekk & løs wire",
        snapshot=snapshot, hms_unit_name="Oslo",
    )


def _journal(events: int = 4, snapshots: tuple[SnapshotImage, ...] = ()) -> JournalData:
    return JournalData(
        case_number="S-2025-0007", kind="support", technician="tekn-kari",
        hms_unit="4703", hms_unit_name="Oslo", started_at=T0,
        closed_at=T0 + timedelta(minutes=42), device=_device(),
        participants=(ParticipantInfo("Kommunal tekniker", "Oslo kommune", True),
                      ParticipantInfo("Ergoterapeut", "Bydel Frogner", False)),
        consents=(ConsentInfo("muntlig", "bruker", "bilder", T0 + timedelta(minutes=3), "tekn-kari"),),
        user_takes_part=True,
        decision_text="Repareres lokalt", decision_reason="Delene kan skiftes av kommunen",
        summary=TRICKY, next_contact="Ny samtale fredag kl. 10",
        orders=(_order(),),
        events=tuple((T0 + timedelta(minutes=i), f"Hendelse nummer {i}") for i in range(events)),
        snapshots=snapshots,
    )


def _text(reader: PdfReader) -> str:
    return " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)


def _resolve(obj):
    return obj.get_object() if isinstance(obj, IndirectObject) else obj


def _images(reader: PdfReader) -> int:
    count = 0
    for page in reader.pages:
        xobjects = _resolve(page["/Resources"]).get("/XObject")
        if xobjects is None:
            continue
        for ref in _resolve(xobjects).values():
            if _resolve(ref).get("/Subtype") == "/Image":
                count += 1
    return count


def _assert_archive_ready(path: Path, title_prefix: str) -> None:
    """Embedded TrueType fonts only, sRGB OutputIntent, XMP with PDF/A-2b id."""
    raw = path.read_bytes()
    assert b"/Helvetica" not in raw
    reader = PdfReader(path)
    fonts_seen = 0
    for page in reader.pages:
        for ref in _resolve(_resolve(page["/Resources"])["/Font"]).values():
            font = _resolve(ref)
            fonts_seen += 1
            assert "Helvetica" not in font["/BaseFont"]
            assert font["/Subtype"] == "/TrueType"
            assert "/FontFile2" in _resolve(font["/FontDescriptor"])
    assert fonts_seen > 0

    root = reader.trailer["/Root"]
    assert root["/Lang"] == "nb-NO"
    intents = _resolve(root["/OutputIntents"])
    assert len(intents) == 1
    intent = _resolve(intents[0])
    assert intent["/S"] == "/GTS_PDFA1"
    assert intent["/OutputConditionIdentifier"] == "sRGB IEC61966-2.1"
    profile = _resolve(intent["/DestOutputProfile"])
    assert profile["/N"] == 3
    icc = profile.get_data()
    assert icc[36:40] == b"acsp" and icc[16:20] == b"RGB "

    xmp = _resolve(root["/Metadata"]).get_data().decode("utf-8")
    assert re.search(r"<pdfaid:part>2</pdfaid:part>", xmp)
    assert re.search(r"<pdfaid:conformance>B</pdfaid:conformance>", xmp)
    meta = reader.metadata
    assert meta.title.startswith(title_prefix)
    assert meta.author == "HMS Desk"
    assert meta.subject
    # XMP is well-formed and mirrors the Info dictionary (PDF/A requires them to agree).
    parsed = reader.xmp_metadata
    assert parsed.dc_title == {"x-default": meta.title}
    assert parsed.dc_creator == ["HMS Desk"]
    assert parsed.dc_language == ["nb-NO"]
    assert f'<rdf:li xml:lang="x-default">{esc(meta.title)}</rdf:li>' in xmp
    assert f"<xmp:CreatorTool>{meta.creator}</xmp:CreatorTool>" in xmp
    info_date = meta["/CreationDate"]  # D:YYYYMMDDhhmmss+hh'mm'
    m = re.match(r"D:(\d{4})(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)([+-]\d\d)'(\d\d)'", info_date)
    assert m
    y, mo, d, h, mi, s, tzh, tzm = m.groups()
    assert f"<xmp:CreateDate>{y}-{mo}-{d}T{h}:{mi}:{s}{tzh}:{tzm}</xmp:CreateDate>" in xmp


def test_escape_helper_keeps_markup_literal() -> None:
    assert esc("a <b> & c\nd") == "a &lt;b&gt; &amp; c<br/>d"
    assert esc("tab\there\x00") == "tab here"


def test_parts_order_has_facts_title_and_page_numbers(tmp_path: Path) -> None:
    out = write_parts_order_pdf(_order_doc(), tmp_path / "bestilling.pdf")
    assert out == tmp_path / "bestilling.pdf" and out.is_file()
    text = _text(PdfReader(out))
    for fact in ("Bestilling av deler til reparasjon av hjelpemidler", "NAV Hjelpemiddelsentral Oslo",
                 "B-2025-0042", "123456", "654321", "Panthera S3 Large & Wide", "278247", "SA-2233",
                 "Dekk 12 1/2 x 2 1/4 massivt", "Bremsewire <høyre>", "Ukjent", "Til XK-lager",
                 "tekn-kari", "S-2025-0007", "Slitte dekk & løs wire", "Signatur bestiller",
                 "Lev.art.nr", "Beskrivelse", "Antall", "Side 1 av 1"):
        assert fact in text, fact
    assert re.search(r"Generert \d\d\.\d\d\.\d{4} kl\. \d\d:\d\d", text)
    assert _images(PdfReader(out)) == 0
    _assert_archive_ready(out, "Bestilling av deler")


def test_parts_order_embeds_snapshot_with_caption(tmp_path: Path) -> None:
    snap = SnapshotImage(created_at=T0, faces_blurred=2, png=_png(alpha=True))
    out = write_parts_order_pdf(_order_doc(snap), tmp_path / "b.pdf")
    reader = PdfReader(out)
    assert _images(reader) == 1
    assert "Ansikter sladdet: 2" in _text(reader)
    _assert_archive_ready(out, "Bestilling av deler")


def test_repair_order(tmp_path: Path) -> None:
    out = write_repair_order_pdf(_order_doc(), tmp_path / "r.pdf")
    text = _text(PdfReader(out))
    assert "Reparasjonsordre" in text
    assert "Repareres lokalt" in text
    assert "Deler til reparasjonen" in text
    assert "Side 1 av" in text
    _assert_archive_ready(out, "Reparasjonsordre")


def test_journal_sections_and_escaped_summary(tmp_path: Path) -> None:
    snaps = (SnapshotImage(T0, 1, _png()), SnapshotImage(T0 + timedelta(minutes=5), 0, _png(300, 500)))
    out = write_journal_pdf(_journal(snapshots=snaps), tmp_path / "notat.pdf")
    reader = PdfReader(out)
    text = _text(reader)
    for heading in ("Journalnotat", "Saksopplysninger", "Hjelpemiddel", "Til stede", "Samtykke", "Problem",
                    "Funn", "Vurdering og beslutning", "Bestillinger for dette hjelpemiddelet",
                    "Oppsummering og videre oppfølging", "Bilder"):
        assert heading in text, heading
    assert TRICKY in text
    for fact in ("Kommunal tekniker", "Oslo kommune", "Ergoterapeut", "Muntlig", "Bruker",
                 "Ny samtale fredag kl. 10", "B-2025-0042", "Innsendt", "Varighet 42 min",
                 "ansikter sladdet: 1", "ansikter sladdet: 0", "Notat", "Side 1 av"):
        assert fact in text, fact
    assert "INNSENDT" not in text          # codes never reach a document
    assert _images(reader) == 2
    _assert_archive_ready(out, "Journalnotat")


def test_journal_without_device_orders_or_pictures(tmp_path: Path) -> None:
    data = _journal()
    data = JournalData(**{**data.__dict__, "device": None, "orders": (), "snapshots": (),
                          "consents": (), "participants": (), "closed_at": None})
    text = _text(PdfReader(write_journal_pdf(data, tmp_path / "n.pdf")))
    assert "Ingen hjelpemiddel er knyttet til saken." in text
    assert "Ingen bilder er valgt til notatet." in text
    assert "Ingen deltakere registrert." in text
    assert "ikke registrert samtykke" in text


def test_long_journal_paginates_with_repeated_table_header(tmp_path: Path) -> None:
    lines = tuple(OrderLineInfo(f"{100000 + i}", "", f"Del nummer {i}", "Annet", 1, False) for i in range(200))
    data = _journal()
    data = JournalData(**{**data.__dict__, "orders": (OrderInfo(**{**_order().__dict__, "lines": lines}),)})
    out = write_journal_pdf(data, tmp_path / "lang.pdf")
    reader = PdfReader(out)
    pages = len(reader.pages)
    assert pages >= 3
    first = " ".join((reader.pages[0].extract_text() or "").split())
    last = " ".join((reader.pages[-1].extract_text() or "").split())
    assert f"Side 1 av {pages}" in first
    assert f"Side {pages} av {pages}" in last
    middle = " ".join((reader.pages[pages // 2].extract_text() or "").split())
    assert "Bestilling HMS-nr Beskrivelse Antall Levering" in middle  # header row repeated on later pages
    assert "NAV Hjelpemiddelsentral Oslo" in middle
    assert "Del nummer 199" in _text(reader)
    _assert_archive_ready(out, "Journalnotat")


def test_deletion_receipt(tmp_path: Path) -> None:
    data = DeletionReceiptData(
        case_number="S-2025-0007", municipality_number="0301", municipality_name="Oslo",
        hms_unit_name="Oslo", issued_at=T0 + timedelta(days=1),
        items=(("Stillbilde", "snap-17", T0, T0 + timedelta(days=1)),
               ("Stillbilde", "snap-18", T0, T0 + timedelta(days=1))),
        issued_by="tekn-kari",
    )
    out = write_deletion_receipt_pdf(data, tmp_path / "kvittering.pdf")
    text = _text(PdfReader(out))
    for fact in ("Slettebekreftelse", "S-2025-0007", "0301 Oslo", "snap-17", "snap-18",
                 "13.03.2025 kl. 09:30", "tekn-kari", "Side 1 av 1"):
        assert fact in text, fact
    _assert_archive_ready(out, "Slettebekreftelse")

    empty = DeletionReceiptData(**{**data.__dict__, "items": ()})
    text = _text(PdfReader(write_deletion_receipt_pdf(empty, tmp_path / "tom.pdf")))
    assert "ingenting måtte slettes" in text


def test_unreadable_picture_is_a_document_error(tmp_path: Path) -> None:
    bad = SnapshotImage(T0, 0, b"not a png")
    with pytest.raises(DocumentError) as info:
        write_parts_order_pdf(_order_doc(bad), tmp_path / "x.pdf")
    assert info.value.code == "DOKUMENT"
    assert not (tmp_path / "x.pdf").exists()
