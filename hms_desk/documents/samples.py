"""Synthetic inputs for every document HMS Desk makes (tests and ``bench/documents.py``).

No personal data: people by role and organisation, devices by made-up
HMS-nr + serienr, pictures drawn from shapes and noise (no faces).
"""

from __future__ import annotations

import datetime as dt
import io

from hms_desk.documents.deviation_doc import DeviationDoc
from hms_desk.documents.journal_note import NoteBundle
from hms_desk.documents.model import (
    DeletionReceiptData,
    DeviceInfo,
    OrderDocData,
    OrderInfo,
    OrderLineInfo,
    SnapshotImage,
)
from hms_desk.documents.note import (
    JournalNote,
    NoteConsent,
    NoteDevice,
    NoteOrder,
    NoteOrderLine,
    NoteParticipant,
    NotePicture,
)

__all__ = ["DOCUMENT_KINDS", "NORWEGIAN_SENTENCE", "render_every_document", "sample_deletion_receipt",
           "sample_deviation", "sample_note", "sample_order_doc", "sample_picture"]

T0 = dt.datetime(2026, 3, 12, 9, 30, tzinfo=dt.timezone.utc)
NORWEGIAN_SENTENCE = ("Rullestolen står på kjøkkenet – bremsene må skiftes før påske; "
                      "ÆØÅ æøå é «sitat» § 4.")
DOCUMENT_KINDS = ("journalnotat", "delbestilling", "reparasjonsordre", "slettebekreftelse", "avvik")

_PARAGRAPH = ("Kommunal tekniker viste stolen på video. Venstre bakhjul har slitt dekk og slark i navet; "
              "bremsene tar ujevnt, og setet heller litt mot høyre. Batteriet ble ladet i natt og viser "
              "full spenning. Vi gikk gjennom festene på fotbrettet og fant en løs skrue som ble strammet. ")


_FINDINGS = "Venstre bakhjul har slitt dekk; resten av stolen er i orden."


def sample_picture(width: int = 1280, height: int = 720, seed: int = 1) -> bytes:
    """A camera-like picture (gradient, shapes, noise) as PNG bytes."""
    import numpy as np
    from PIL import Image, ImageDraw

    rng = np.random.default_rng(seed)
    y, x = np.mgrid[0:height, 0:width]
    base = np.stack([(x * 180 // max(1, width)) + 40, (y * 160 // max(1, height)) + 50,
                     np.full_like(x, 120 + seed * 10 % 80)], axis=-1)
    noisy = np.clip(base + rng.normal(0, 12, base.shape), 0, 255).astype(np.uint8)
    img = Image.fromarray(noisy, "RGB")
    draw = ImageDraw.Draw(img)
    draw.rectangle((width // 5, height // 4, width // 2, height * 3 // 4), fill=(40, 40, 48))
    draw.ellipse((width * 3 // 5, height // 3, width * 4 // 5, height * 2 // 3), outline=(20, 20, 20), width=18)
    draw.line((width // 10, height // 10, width * 3 // 5, height // 2), fill=(224, 32, 42), width=8)
    out = io.BytesIO()
    img.save(out, "PNG", compress_level=1)
    return out.getvalue()


def _order_lines() -> tuple[NoteOrderLine, ...]:
    return (NoteOrderLine("291356", "", "Hjul luft grovmønstret foran/bak", "Hjul", 2),
            NoteOrderLine(None, "1503-1003", "Bremsewire venstre", "Annet", 1, True))


def sample_note(pages: int = 3, pictures: int = 4, text: str | None = None, devices: int = 2) -> NoteBundle:
    """A complete note: two devices, orders, people, consent, ``pictures`` chosen pictures.

    ``pages`` sets how much text the problem and findings hold (about one page
    of text and two pictures a page: ``pages=3, pictures=4, devices=1`` is three pages).
    """
    body = text if text is not None else "\n\n".join([_PARAGRAPH] * max(0, pages - 3))
    all_devices = [
        NoteDevice("250464", "123456", "Minicrosser X1 4W", "Minicrosser X", "Medema Norge AS", "12230301",
                   "0301", "Oslo", "4703", "Oslo", "I utlån", "P", dt.date(2027, 3, 1),
                   orders=(NoteOrder("D-2026-000042", T0, "INNSENDT", "kommunelager", _order_lines()),)),
        NoteDevice("177455", "654321", "Komfortseng 90", "", "Invacare AS", "181210", "0301", "Oslo",
                   "4703", "Oslo", "I utlån", "F", None),
    ]
    note = JournalNote(
        case_id=1, case_number="S-2026-000042", template="support", date=dt.date(2026, 3, 12),
        time=dt.time(10, 30), duration_min=25, technician="T100001", hms_unit="4703", hms_unit_name="Oslo",
        user_takes_part=True,
        participants=[NoteParticipant("tekniker", "Oslo kommune", True),
                      NoteParticipant("terapeut", "Bydel Frogner"), NoteParticipant("bruker")],
        devices=all_devices[:max(0, devices)],
        problem=f"{NORWEGIAN_SENTENCE}\n{body}".strip(), findings=f"{_FINDINGS}\n{body}".strip(),
        decision="DELER_TRENGS", decision_reason="Dekket er slitt ned til lerretet; kommunen skifter det selv.",
        consents=[NoteConsent("muntlig", "bruker", "bilder", T0, "T100001")],
        consent_note="Bruker samtykket muntlig til bilder av stolen.",
        pictures=[NotePicture(i, f"Bilde av hjul og brems {i}", True, T0, i % 2) for i in range(1, pictures + 1)],
        summary="Deler bestilt til kommunens lager. Kommunen monterer selv.",
        next_contact="Kommunen ringer når delen er montert.",
    )
    images = {i: sample_picture(seed=i) for i in range(1, pictures + 1)}
    return NoteBundle(note, images, T0)


def _device() -> DeviceInfo:
    return DeviceInfo("250464", "123456", "Minicrosser X1 4W", "Minicrosser X", "Medema Norge AS", "12230301",
                      "0301", "Oslo", "4703", "Oslo", "I utlån", "Permanent utlån", dt.date(2027, 3, 1))


def sample_order_doc(picture: bool = True) -> OrderDocData:
    order = OrderInfo("D-2026-000042", T0, "Innsendt", "T100001", "kommunelager",
                      (OrderLineInfo("291356", "", "Hjul luft grovmønstret foran/bak", "Hjul", 2, False),
                       OrderLineInfo(None, "1503-1003", "Bremsewire venstre", "Annet", 1, True)),
                      "0301", "4703")
    snap = SnapshotImage(T0, 1, sample_picture(1000, 600)) if picture else None
    return OrderDocData(order, _device(), "S-2026-000042", "Deler må bestilles",
                        "Dekket er slitt ned til lerretet; kommunen skifter det selv.", snap, "Oslo")


def sample_deletion_receipt() -> DeletionReceiptData:
    later = T0 + dt.timedelta(days=1)
    return DeletionReceiptData("S-2026-000042", "0301", "Oslo", "Oslo", later,
                               tuple(("Stillbilde", f"bilde-{i}", T0, later) for i in range(1, 5)), "T100001")


def sample_deviation() -> DeviationDoc:
    return DeviationDoc(
        number="A-2026-000007", kind="feil_del", direction="fra_kommune",
        what_happened="Kommunen fikk et hjul til Minicrosser X1 i stedet for bremsewiren som ble bestilt.",
        consequence="Stolen står ubrukt i tre dager til.", measures="Ny wire sendt med ekspress; lageret varslet.",
        reporter_role="tekniker", reporter_org="Oslo kommune", recipient_role="tekniker",
        recipient_org="NAV Hjelpemiddelsentral Oslo", occurred_at=T0, reported_at=T0 + dt.timedelta(hours=2),
        registered_by="T100001", case_number="S-2026-000042", hms_unit="4703", hms_unit_name="Oslo")


def render_every_document(lang: str = "nb") -> dict[str, bytes]:
    """Each kind of PDF HMS Desk makes, rendered from the samples above."""
    from hms_desk.documents.deviation_doc import render_deviation
    from hms_desk.documents.journal_note import render_pdf
    from hms_desk.documents.orders_pdf import write_parts_order_pdf, write_repair_order_pdf
    from hms_desk.documents.receipt_pdf import write_deletion_receipt_pdf
    import tempfile
    from pathlib import Path

    out = {"journalnotat": render_pdf(sample_note(), lang).data,
           "avvik": render_deviation(sample_deviation(), "pdf", lang).data}
    with tempfile.TemporaryDirectory(prefix="hms-docs-") as tmp:
        for kind, writer, data in (("delbestilling", write_parts_order_pdf, sample_order_doc()),
                                   ("reparasjonsordre", write_repair_order_pdf, sample_order_doc()),
                                   ("slettebekreftelse", write_deletion_receipt_pdf, sample_deletion_receipt())):
            path = writer(data, Path(tmp) / f"{kind}.pdf")
            out[kind] = Path(path).read_bytes()
    return out
