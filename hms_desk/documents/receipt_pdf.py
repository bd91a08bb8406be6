"""The deletion receipt (*slettebekreftelse*) sent to the municipality.

It lists every capture of a case (kind, id, when it was made, when it was
deleted) so the municipality can see that nothing identifying is kept at HMS,
and reminds them to delete their own copies.
"""

from __future__ import annotations

from pathlib import Path

from reportlab.platypus import Flowable

from hms_desk.documents.model import DeletionReceiptData
from hms_desk.documents.pdf_base import (
    DocumentMeta,
    build_pdf,
    centre_name,
    fields_table,
    fmt_dt,
    grid_table,
    note,
    para,
    section,
    signature_block,
    styles,
    title_block,
)

RECEIPT_TITLE = "Slettebekreftelse"

__all__ = ["RECEIPT_TITLE", "write_deletion_receipt_pdf"]


def _story(data: DeletionReceiptData) -> list[Flowable]:
    st = styles()
    municipality = " ".join(p for p in (data.municipality_number, data.municipality_name) if p)
    story: list[Flowable] = [
        *title_block(RECEIPT_TITLE, f"Sletting av bilder og opptak · sak {data.case_number}"),
        fields_table([
            ("Saksnr.", data.case_number),
            ("Kommune", municipality),
            ("Utstedt", fmt_dt(data.issued_at)),
            ("Utstedt av", data.issued_by),
            ("Antall slettet", str(len(data.items))),
        ]),
        section("Bekreftelse"),
        para(f"{centre_name(data.hms_unit_name)} bekrefter at bildene og opptakene som er "
             f"listet nedenfor, og som ble tatt i forbindelse med sak {data.case_number}, "
             f"er slettet fra HMS Desk hos HMS.", st.body),
        section("Slettede elementer"),
    ]
    if data.items:
        story.append(grid_table(
            ("Type", "ID", "Opprettet", "Slettet"),
            [(kind, ident, fmt_dt(created), fmt_dt(deleted))
             for kind, ident, created, deleted in data.items],
            col_widths=(0.2, 0.3, 0.25, 0.25)))
    else:
        story.append(note("Det ble ikke lagret bilder eller opptak i saken, så ingenting "
                          "måtte slettes."))
    if data.exports:
        story.append(section("Dokumenter fra saken"))
        story.append(para("Dokumentene HMS Desk skrev i saken. Det som lå hos HMS Desk er slettet; det som ble "
                          "lagret et annet sted, er utlevert og slettes etter rutinene der det ligger – HMS Desk "
                          "kan ikke bekrefte at det er slettet.", st.body))
        story.append(grid_table(
            ("Dokument", "Fil", "Eksportert", "Status"),
            [(kind, name, fmt_dt(exported),
              f"Slettet {fmt_dt(deleted)}" if deleted is not None and not where
              else f"Utlevert til {where}" if where else "Ligger i HMS Desk")
             for kind, name, exported, deleted, where in data.exports],
            col_widths=(0.2, 0.3, 0.2, 0.3)))
    story += [
        section("Kommunens ansvar"),
        para(f"Kommunen ({municipality or 'mottaker'}) bes slette eventuelle bilder, opptak og "
             "notater fra samtalen som er lagret hos kommunen, i tråd med egne rutiner.", st.body),
        signature_block(("Sted og dato", "Signatur HMS")),
    ]
    return story


def write_deletion_receipt_pdf(data: DeletionReceiptData, path: Path | str) -> Path:
    """Write the deletion receipt of ``data`` to ``path`` and return the path."""
    meta = DocumentMeta(
        title=RECEIPT_TITLE,
        subject=f"Slettebekreftelse for sak {data.case_number} til kommune {data.municipality_number}",
        doc_type="Kvittering",
        unit_name=data.hms_unit_name,
        reference_label="Saksnr.",
        reference=data.case_number,
        keywords=("HMS", "slettebekreftelse", data.case_number),
    )
    return build_pdf(path, meta, _story(data))
