"""The prep sheet (*forberedelsesark*) of an utprøving or a housing case, PDF/A-2b.

Written on the common PDF base (:mod:`hms_desk.documents.pdf_base`: fonts,
header and footer, PDF/A parts).  Sections, in order: Møtet (date, time,
video address and dial-in, status), Formål og spørsmål, Filming, Deltakere
(role and organisation only, who holds the camera), Samtykke, Sjekkliste
(each item with who ticked it and when, and the pre-call check's result),
Aktuelle produkter (status, note, parts and accessories to have ready),
Tegninger og bilder (anonymised, each captioned with the faces blurred) and
an empty "Notater fra møtet" box to write in.
"""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer, Table, TableStyle

from hms_desk.documents.prep_model import PrepSheetData
from hms_desk.documents.pdf_base import (
    CONTENT_WIDTH,
    FONT,
    RULE_GREY,
    DocumentMeta,
    build_pdf,
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
from hms_desk.domain.oslo_time import oslo_text, to_oslo

PREP_TITLE = "Forberedelsesark"

__all__ = ["PREP_TITLE", "write_prep_pdf"]


def _when(data: PrepSheetData) -> str:
    import datetime as dt

    end = to_oslo(data.starts_at + dt.timedelta(minutes=data.duration_min))
    return f"{oslo_text(data.starts_at)}–{end:%H:%M} ({data.duration_min} min, norsk tid)"


def _text_or(text: str, empty: str) -> Flowable:
    return para(text) if text.strip() else note(empty)


def _notes_box() -> Flowable:
    box = Table([[""]], colWidths=[CONTENT_WIDTH], rowHeights=[45 * mm])
    box.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), FONT, 8.5),      # never ReportLab's Helvetica
                             ("BOX", (0, 0), (-1, -1), 0.6, RULE_GREY)]))
    return box


def _story(data: PrepSheetData) -> list[Flowable]:
    st = styles()
    story: list[Flowable] = [*title_block(
        f"{PREP_TITLE}: {data.kind_text.lower()}", f"{data.number} · {data.status_text}")]

    story += [
        section("Møtet"),
        fields_table([
            ("Nummer", data.number),
            ("Type", data.kind_text),
            ("Tidspunkt", _when(data)),
            ("Status", data.status_text),
            ("Rådgiver", data.adviser),
            ("HMS", " ".join(p for p in (data.hms_unit, data.hms_unit_name) if p)),
            ("Kommune", data.municipality or "–"),
            ("Sak", data.case_number or "Ikke holdt ennå"),
        ]),
        fields_table([
            ("Videomøte", data.meeting_url or "Ikke satt"),
            ("Andre måter å koble til", "\n".join(data.dial_in) or "Ingen"),
        ], pairs_per_row=1, label_width=42 * mm),
    ]

    story += [section("Formål"), _text_or(data.purpose, "Ikke skrevet."),
              section("Spørsmål som skal avklares"), _text_or(data.questions, "Ingen spørsmål skrevet."),
              section("Agenda"), _text_or(data.agenda, "Ingen agenda skrevet.")]

    holder = next((p for p in data.participants if p.holds_camera), None)
    story += [
        section("Filming"),
        fields_table([
            ("Hva skal filmes", data.filming or "–"),
            ("Vinkler", data.angles or "–"),
            ("Holder kameraet", ", ".join(x for x in (holder.role, holder.organisation) if x)
             if holder else "Ikke avtalt"),
        ], pairs_per_row=1, label_width=36 * mm),
    ]

    story.append(section("Deltakere"))
    if data.participants:
        story.append(grid_table(
            ("Rolle", "Organisasjon", "Holder kameraet"),
            [(p.role, p.organisation or "–", "Ja" if p.holds_camera else "") for p in data.participants],
            col_widths=(0.3, 0.5, 0.2)))
        story.append(note("Deltakerne står med rolle og organisasjon, aldri med navn."))
    else:
        story.append(note("Ingen deltakere registrert."))

    story += [section("Samtykke"),
              fields_table([("Brukeren deltar", "Ja" if data.user_takes_part else "Nei"),
                            ("Samtykke", data.consent_text)])]

    story.append(section("Sjekkliste"))
    rows = []
    for c in data.checklist:
        if not c.applies:
            state, by, at = "Ikke aktuelt", "", ""
        elif c.done:
            state, by, at = "Utført", c.done_by, fmt_dt(c.done_at)
        else:
            state, by, at = "Ikke utført", "", ""
        text = c.text + (f"\n{c.result}" if c.result else "")
        rows.append((text, state, by, at))
    story.append(grid_table(("Punkt", "Status", "Av", "Når"), rows, col_widths=(0.5, 0.15, 0.13, 0.22)))

    story.append(section("Aktuelle produkter"))
    if data.candidates:
        story.append(grid_table(
            ("HMS-nr", "Produkt", "Status", "Notat", "Deler og tilbehør"),
            [(c.hmsnr, "\n".join(x for x in (c.name, c.supplier, f"ISO {c.iso_category}" if c.iso_category else "")
                                 if x),
              c.status_text, c.note or "–", "\n".join(c.parts) or "–") for c in data.candidates],
            col_widths=(0.1, 0.27, 0.12, 0.26, 0.25)))
    else:
        story.append(note("Ingen produkter valgt ennå."))

    story.append(section("Tegninger og bilder"))
    if data.pictures:
        story.append(note("Alle bilder er anonymisert: ansikter er sladdet før lagring."))
        for i, pic in enumerate(data.pictures, start=1):
            caption = f"{pic.kind_text} {i}" + (f": {pic.caption}" if pic.caption else "") + \
                f". Ansikter sladdet: {pic.faces_blurred}"
            story.append(snapshot_flowable(pic.png, caption, max_height=95 * mm))
    else:
        story.append(note("Ingen tegninger eller bilder mottatt."))

    story += [section("Notater fra møtet"), Spacer(1, 1 * mm), _notes_box(),
              para("Ingen navn, fødselsnummer eller helseopplysninger på arket.", st.small)]
    return story


def write_prep_pdf(data: PrepSheetData, path: Path | str) -> Path:
    """Write the prep sheet of ``data`` to ``path`` (PDF/A-2b) and return the path."""
    meta = DocumentMeta(
        title=PREP_TITLE,
        subject=f"Forberedelsesark for {data.kind_text.lower()} {data.number}",
        doc_type="Notat",
        unit_name=data.hms_unit_name,
        reference_label="Forberedelse",
        reference=data.number,
        keywords=("HMS", "forberedelse", data.kind, data.number),
    )
    return build_pdf(path, meta, _story(data))
