"""The parts order and the repair order (printed or sent as PDF).

Both show the device, the order lines (HMS-nr, Lev.art.nr, Beskrivelse,
Antall, and — when the lines carry it — NAV's per-line status with the
expected delivery: "Plukket på lager", "Forventet levering 2. oktober 2023"),
delivery in NAV's words ("Til XK-lager", "Brukes i serviceoppdrag"),
orderer, a line to sign on and the anonymised picture that documents the
damage, if one was attached.  The repair order leads with the repair
decision and its reason.
"""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Table

from hms_desk.documents.model import OrderDocData, OrderInfo
from hms_desk.documents.pdf_base import (
    DocumentMeta,
    build_pdf,
    device_fields,
    fields_table,
    fmt_dt,
    grid_table,
    note,
    section,
    signature_block,
    snapshot_flowable,
    title_block,
)

PARTS_ORDER_TITLE = "Bestilling av deler til reparasjon av hjelpemidler"
REPAIR_ORDER_TITLE = "Reparasjonsordre"

DELIVERY_TEXTS = {                      # NAV's texts on an order (hm-delbestilling)
    "kommunelager": "Til XK-lager",
    "servicejobb": "Brukes i serviceoppdrag",
}

__all__ = [
    "PARTS_ORDER_TITLE",
    "REPAIR_ORDER_TITLE",
    "delivery_text",
    "order_lines_table",
    "write_parts_order_pdf",
    "write_repair_order_pdf",
]


def delivery_text(delivery: str) -> str:
    return DELIVERY_TEXTS.get(delivery, delivery)


def line_status(line: object) -> str:
    """The line's status text and, once shipped, its expected delivery ("" for lines without)."""
    status = getattr(line, "status_text", "") or ""
    expected = getattr(line, "expected_delivery_text", "") or ""
    return "\n".join(t for t in (status, expected) if t)


def order_lines_table(order: OrderInfo) -> Table:
    """HMS-nr | Lev.art.nr | Beskrivelse | Antall [| Status], one row per line."""
    with_status = any(line_status(line) for line in order.lines)
    rows = []
    for line in order.lines:
        description = line.description
        if line.category and not description.lower().startswith(line.category.lower()):
            description = f"{line.category}: {description}"
        if line.unknown_part:
            description = f"{description}\n(Ukjent del – beskrevet av tekniker)"
        row = [line.hmsnr or "Ukjent", line.supplier_ref or "–", description, str(line.quantity)]
        if with_status:
            row.append(line_status(line) or "–")
        rows.append(tuple(row))
    if with_status:
        return grid_table(("HMS-nr", "Lev.art.nr", "Beskrivelse", "Antall", "Status"), rows,
                          col_widths=(0.12, 0.15, 0.43, 0.08, 0.22), numeric_cols=(3,))
    return grid_table(("HMS-nr", "Lev.art.nr", "Beskrivelse", "Antall"), rows,
                      col_widths=(0.14, 0.18, 0.58, 0.10), numeric_cols=(3,))


def _order_story(data: OrderDocData, title: str, repair: bool) -> list[Flowable]:
    order = data.order
    device = data.device
    total = sum(line.quantity for line in order.lines)
    subtitle = (f"Bestillingsnr. {order.number} · opprettet {fmt_dt(order.created_at)}"
                + (f" · sak {data.case_number}" if data.case_number else ""))
    story: list[Flowable] = [*title_block(title, subtitle)]

    story.append(fields_table([
        ("Bestillingsnr.", order.number),
        ("Status", order.status),
        ("Opprettet", fmt_dt(order.created_at)),
        ("Saksnr.", data.case_number or "Ingen sak"),
        ("Kommune", " ".join(p for p in (order.municipality_number, device.municipality_name) if p)),
        ("HMS (lager)", " ".join(p for p in (order.hms_unit, device.hms_unit_name) if p)),
        ("Levering", delivery_text(order.delivery)),
        ("Bestiller", order.orderer),
    ]))

    decision_block: list[Flowable] = []
    if repair or data.repair_decision_text or data.reason:
        decision_block = [
            section("Vurdering og beslutning"),
            fields_table([("Beslutning", data.repair_decision_text or "Ikke angitt"),
                          ("Begrunnelse", data.reason or "Ikke angitt")],
                         pairs_per_row=1),
        ]

    story += [section("Hjelpemiddel"), device_fields(device)]
    if repair:
        story += decision_block
    story.append(section("Deler til reparasjonen" if repair else "Bestilte deler"))
    if order.lines:
        story.append(order_lines_table(order))
        story.append(note(f"{len(order.lines)} {'linje' if len(order.lines) == 1 else 'linjer'}, {total} stk. totalt."))
    else:
        story.append(note("Ingen deler i denne ordren."))
    if not repair:
        story += decision_block

    if data.snapshot is not None:
        snap = data.snapshot
        story.append(snapshot_flowable(
            snap.png, f"Tatt {fmt_dt(snap.created_at)}. Ansikter sladdet: {snap.faces_blurred}",
            max_height=48 * mm, heading="Bilde av skaden"))
    story.append(signature_block(("Sted og dato", "Signatur bestiller")))
    return story


def _meta(data: OrderDocData, title: str, doc_type: str) -> DocumentMeta:
    return DocumentMeta(
        title=title,
        subject=(f"{title} for HMS-nr {data.device.hmsnr} serienr {data.device.serial}"),
        doc_type=doc_type,
        unit_name=data.hms_unit_name,
        reference_label="Bestillingsnr.",
        reference=data.order.number,
        keywords=tuple(k for k in ("HMS", doc_type, data.order.number, data.case_number or "") if k),
    )


def write_parts_order_pdf(data: OrderDocData, path: Path | str) -> Path:
    """Write the parts order ("Bestilling av deler ...") to ``path``."""
    return build_pdf(path, _meta(data, PARTS_ORDER_TITLE, "Delbestilling"),
                     _order_story(data, PARTS_ORDER_TITLE, repair=False))


def write_repair_order_pdf(data: OrderDocData, path: Path | str) -> Path:
    """Write the repair order ("Reparasjonsordre") to ``path``."""
    return build_pdf(path, _meta(data, REPAIR_ORDER_TITLE, "Reparasjonsordre"),
                     _order_story(data, REPAIR_ORDER_TITLE, repair=True))
