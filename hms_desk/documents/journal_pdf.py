"""The journal note (*journalnotat*, archive type *notat*) of a call or utprøving.

Sections, in order: Saksopplysninger, Hjelpemiddel, Til stede (role and
organisation only — never names), Samtykke, Vurdering og beslutning,
Bestillinger, Oppsummering og videre oppfølging, Hendelser and Bilder (the
anonymised stills, each captioned with how many faces were blurred).
"""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from hms_desk.documents.model import JournalData
from hms_desk.documents.pdf_base import (
    DocumentMeta,
    build_pdf,
    device_fields,
    fields_table,
    fmt_dt,
    grid_table,
    note,
    para,
    section,
    snapshot_flowable,
    styles,
    title_block,
)
from hms_desk.documents.orders_pdf import delivery_text

JOURNAL_TITLE = "Journalnotat"

KIND_TEXTS = {
    "support": "Teknisk support (videosamtale)",
    "utproving": "Forberedelse av utprøving",
}

__all__ = ["JOURNAL_TITLE", "write_journal_pdf"]


def _yes_no(value: bool) -> str:
    return "Ja" if value else "Nei"


def _story(data: JournalData) -> list[Flowable]:
    st = styles()
    kind = KIND_TEXTS.get(data.kind, data.kind)
    story: list[Flowable] = [*title_block(JOURNAL_TITLE, f"Notat · {kind} · sak {data.case_number}")]

    story += [
        section("Saksopplysninger"),
        fields_table([
            ("Saksnr.", data.case_number),
            ("Type", kind),
            ("Tekniker", data.technician),
            ("HMS", " ".join(p for p in (data.hms_unit, data.hms_unit_name) if p)),
            ("Startet", fmt_dt(data.started_at)),
            ("Avsluttet", fmt_dt(data.closed_at, "Saken er ikke avsluttet")),
            ("Bruker deltar", _yes_no(data.user_takes_part)),
        ]),
    ]

    story.append(section("Hjelpemiddel"))
    story.append(device_fields(data.device) if data.device is not None
                 else note("Ingen hjelpemiddel er knyttet til saken."))

    story.append(section("Til stede"))
    if data.participants:
        story.append(grid_table(
            ("Rolle", "Organisasjon", "I bildet"),
            [(p.role, p.organisation or "–", _yes_no(p.in_picture)) for p in data.participants],
            col_widths=(0.35, 0.5, 0.15)))
    else:
        story.append(note("Ingen deltakere registrert."))

    story.append(section("Samtykke"))
    if data.consents:
        story.append(grid_table(
            ("Type", "Gitt av", "Gjelder", "Tidspunkt", "Registrert av"),
            [(c.kind, c.given_by, c.scope, fmt_dt(c.given_at), c.recorded_by) for c in data.consents],
            col_widths=(0.15, 0.18, 0.2, 0.25, 0.22)))
    elif data.user_takes_part:
        story.append(note("Bruker deltar, men det er ikke registrert samtykke. "
                          "Det er ikke tatt bilder eller opptak av bruker."))
    else:
        story.append(note("Ikke aktuelt – bruker deltar ikke."))

    story += [
        section("Vurdering og beslutning"),
        fields_table([("Beslutning", data.decision_text or "Ingen beslutning registrert"),
                      ("Begrunnelse", data.decision_reason or "–")], pairs_per_row=1),
    ]

    story.append(section("Bestillinger"))
    if data.orders:
        rows = []
        for order in data.orders:
            head = f"{order.number}\n{order.status}\n{fmt_dt(order.created_at)}"
            for i, line in enumerate(order.lines or ()):
                rows.append((head if i == 0 else "", line.hmsnr or "Ukjent",
                             line.description + (" (ukjent del)" if line.unknown_part else ""),
                             str(line.quantity),
                             delivery_text(order.delivery) if i == 0 else ""))
            if not order.lines:
                rows.append((head, "–", "Ingen linjer", "0", delivery_text(order.delivery)))
        story.append(grid_table(("Bestilling", "HMS-nr", "Beskrivelse", "Antall", "Levering"),
                                rows, col_widths=(0.22, 0.11, 0.43, 0.08, 0.16), numeric_cols=(3,)))
    else:
        story.append(note("Ingen deler bestilt i saken."))

    story += [
        section("Oppsummering og videre oppfølging"),
        para(data.summary or "Ingen oppsummering skrevet.", st.body),
        fields_table([("Neste kontakt", data.next_contact or "Ikke avtalt")], pairs_per_row=1),
    ]

    story.append(section("Hendelser"))
    if data.events:
        story.append(grid_table(("Tidspunkt", "Hendelse"),
                                [(fmt_dt(at), text) for at, text in data.events],
                                col_widths=(0.25, 0.75)))
    else:
        story.append(note("Ingen hendelser registrert."))

    story.append(section("Bilder"))
    if data.snapshots:
        story.append(note("Alle bilder er anonymisert: ansikter er sladdet før lagring."))
        for number, snap in enumerate(data.snapshots, start=1):
            story.append(snapshot_flowable(
                snap.png,
                f"Bilde {number}, tatt {fmt_dt(snap.created_at)}. Ansikter sladdet: {snap.faces_blurred}",
                max_height=100 * mm))
    else:
        story.append(note("Ingen bilder lagret i saken."))
    return story


def write_journal_pdf(data: JournalData, path: Path | str) -> Path:
    """Write the journal note of ``data`` to ``path`` and return the path."""
    kind = KIND_TEXTS.get(data.kind, data.kind)
    meta = DocumentMeta(
        title=JOURNAL_TITLE,
        subject=f"Journalnotat (notat) for sak {data.case_number}: {kind}",
        doc_type="Notat",
        unit_name=data.hms_unit_name,
        reference_label="Saksnr.",
        reference=data.case_number,
        keywords=("HMS", "notat", "journalnotat", data.case_number),
    )
    return build_pdf(path, meta, _story(data))
