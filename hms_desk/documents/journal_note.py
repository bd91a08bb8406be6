"""Rendering the journal note: PDF/A-2b for the archive, plain text for the
clipboard, JSON.  Pure functions of plain data — the CPU step of an export.

The export runs in three steps so the GUI can put each on the right worker:

1. *collect* (database): :meth:`hms_desk.services.journal.JournalService.collect`
   checks the note and loads the chosen pictures → :class:`NoteBundle`;
2. *render* (CPU, this module): :func:`render` → :class:`Rendered` bytes;
3. *store* (database + disk): :meth:`~hms_desk.services.journal.JournalService.store`
   writes the file and the audit entry.

No code ever reaches a document: decisions, order statuses, deliveries,
roles and consent values go through :mod:`hms_desk.documents.i18n`
(bokmål, or English with ``lang="en"``).  The text has no markup: headings
are lines of their own, lists start with "- ", pictures are listed by
caption.  Norwegian characters and everything else typed are kept as typed
(composed to NFC); only control characters such as NUL are dropped.
"""

from __future__ import annotations

import datetime as dt
import json
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from hms_desk.documents.i18n import (
    consent_giver_text,
    consent_kind_text,
    consent_scope_text,
    decision_text,
    delivery_text,
    label,
    loan_status_text,
    loan_type_text,
    norm_lang,
    order_status_text,
    role_text,
)
from hms_desk.documents.note import JournalNote, NoteDevice, NoteOrder, NotePicture
from hms_desk.documents.rendered import FORMATS, MEDIA_TYPES, Rendered, safe_name
from hms_desk.documents.text import clean_text, fmt_date, fmt_dt

__all__ = ["FORMATS", "NoteBundle", "Rendered", "note_json", "render", "render_json", "render_pdf", "render_text"]


@dataclass(frozen=True)
class NoteBundle:
    """What the render step needs: the (checked) note and the chosen pictures.

    ``images`` maps a snapshot id to its anonymised picture (PNG/JPEG bytes,
    marks already drawn in); a chosen picture without bytes is listed by
    caption as deleted.
    """

    note: JournalNote
    images: Mapping[int, bytes] = field(default_factory=dict)
    generated_at: dt.datetime = field(default_factory=lambda: dt.datetime.now().astimezone())


# --- shared pieces --------------------------------------------------------------

def _kind(note: JournalNote, lang: str) -> str:
    return note.template_def.title(lang)


def _when(note: JournalNote) -> str:
    return fmt_date(note.date, "") if note.date else ""


def _clock(note: JournalNote) -> str:
    return note.time.strftime("%H:%M") if note.time else ""


def _duration(note: JournalNote, lang: str) -> str:
    return label("minutes", lang, n=note.duration_min) if note.duration_min is not None else ""


def _unit(note: JournalNote) -> str:
    return " ".join(p for p in (note.hms_unit, note.hms_unit_name) if p)


def _yes_no(value: bool, lang: str) -> str:
    return label("yes" if value else "no", lang)


def _picture_caption(n: int, pic: NotePicture, lang: str, available: bool) -> str:
    head = label("picture_n", lang, n=n)
    caption = clean_text(pic.caption).strip()
    facts = []
    if pic.created_at is not None:
        facts.append(f"{label('taken', lang)} {fmt_dt(pic.created_at, lang=lang)}")
    facts.append(label("faces_blurred", lang, n=pic.faces_blurred))
    if not available:
        facts.append(label("picture_gone", lang))
    return f"{head}: {caption} ({', '.join(facts)})" if caption else f"{head} ({', '.join(facts)})"


def _order_line_text(line: Any, lang: str) -> str:
    ref = line.hmsnr or line.supplier_ref or label("unknown", lang)
    desc = clean_text(line.description)
    extra = f" ({label('unknown_part', lang)})" if line.unknown_part else ""
    return f"{line.quantity} × {ref} {desc}{extra}".strip()


def _device_title(d: NoteDevice, lang: str) -> str:
    name = f" · {d.product_name}" if d.product_name else ""
    return f"{label('hmsnr', lang)} {d.hmsnr} · {label('serial', lang).lower()} {d.serial}{name}"


def _all_texts(note: JournalNote) -> list[str]:
    texts = [note.problem, note.findings, note.decision_reason, note.consent_note, note.summary,
             note.next_contact, note.case_number, note.technician]
    texts += [p.organisation for p in note.participants] + [p.role for p in note.participants]
    texts += [p.caption for p in note.chosen_pictures()]
    return [t for t in texts if t]


def _warnings(note: JournalNote, lang: str) -> tuple[str, ...]:
    """Plain-language notes about what the PDF cannot show as typed."""
    from hms_desk.documents.pdf_base import REPLACEMENT, printable

    replaced = 0
    rtl = False
    for t in _all_texts(note):
        c = clean_text(t)
        p = printable(c)
        if p != c:
            replaced += p.count(REPLACEMENT) - c.count(REPLACEMENT)
        if not rtl and any(unicodedata.bidirectional(ch) in ("R", "AL") for ch in c):
            rtl = True
    out = []
    if replaced > 0:
        out.append(f"{replaced} tegn (f.eks. emoji) finnes ikke i skriften og vises som � i PDF-en; "
                   "tekstutgaven har dem slik de ble skrevet." if lang == "nb" else
                   f"{replaced} character(s) (e.g. emoji) are not in the font and show as � in the PDF; "
                   "the text version keeps them as typed.")
    if rtl:
        out.append("Tekst fra høyre mot venstre (arabisk, hebraisk) står i skriverekkefølge i PDF-en; "
                   "tekstutgaven har den riktig." if lang == "nb" else
                   "Right-to-left text (Arabic, Hebrew) is shown in typing order in the PDF; "
                   "the text version has it right.")
    return tuple(out)


def file_name(note: JournalNote, fmt: str) -> str:
    return safe_name("journalnotat", note.case_number, fmt)


# --- plain text --------------------------------------------------------------------

def render_text(bundle: NoteBundle, lang: str = "nb") -> Rendered:
    """The note as plain text for the journal system's clipboard (no markup)."""
    lang = norm_lang(lang)
    note = bundle.note.cleaned()
    tpl = note.template_def
    out: list[str] = []

    def head(text: str) -> None:
        if out and out[-1] != "":
            out.append("")
        out.append(text)

    def block(text: str) -> None:
        body = text.strip("\n")
        out.extend(body.split("\n") if body.strip() else [label("empty_text", lang)])

    out.append(f"{label('journal_title', lang)} – {_kind(note, lang)}")
    out.append(f"{label('case_no', lang)} {note.case_number}")
    when = " ".join(p for p in (_when(note), f"{label('at_time', lang)} {_clock(note)}" if note.time else "") if p)
    if when:
        dur = _duration(note, lang)
        out.append(f"{label('date', lang)}: {when}" + (f", {label('duration', lang).lower()} {dur}" if dur else ""))
    out.append(f"{label('technician', lang)}: {note.technician}" + (f" ({_unit(note)})" if _unit(note) else ""))

    head(label("present", lang))
    if note.participants:
        for p in note.participants:
            org = f", {p.organisation}" if p.organisation else ""
            pic = f" ({label('in_picture', lang).lower()})" if p.in_picture else ""
            out.append(f"- {role_text(p.role, lang)}{org}{pic}")
    else:
        out.append(label("no_participants", lang))

    devices = note.included_devices()
    head(label("devices" if len(devices) > 1 else "device", lang))
    if not devices:
        out.append(label("no_device", lang))
    for d in devices:
        out.append(f"- {_device_title(d, lang)}")
        muni = " ".join(p for p in (d.municipality_number, d.municipality_name) if p)
        facts = [f"{label(k, lang)}: {v}" for k, v in (
            ("municipality", muni), ("loan_status", loan_status_text(d.loan_status, lang)),
            ("loan_type", loan_type_text(d.loan_type, lang)),
            ("warranty_to", fmt_date(d.warranty_end) if d.warranty_end else "")) if v]
        if facts:
            out.append("  " + "; ".join(facts))
        if d.orders:
            for o in d.orders:
                out.append(f"  {label('order', lang)} {o.number} ({order_status_text(o.status, lang)}, "
                           f"{fmt_dt(o.created_at, lang=lang)}), {label('delivery', lang).lower()}: "
                           f"{delivery_text(o.delivery, lang)}")
                for line in o.lines:
                    out.append(f"    {_order_line_text(line, lang)}")
        else:
            out.append(f"  {label('no_orders_for_device', lang)}")

    head(tpl.heading("problem", lang))
    block(note.problem)
    head(tpl.heading("findings", lang))
    block(note.findings)

    head(label("assessment", lang))
    out.append(f"{label('decision', lang)}: {decision_text(note.decision, lang) or label('no_decision', lang)}")
    if note.decision_reason.strip():
        out.append(f"{label('reason', lang)}:")
        block(note.decision_reason)

    head(label("consent", lang))
    if note.consents:
        for c in note.consents:
            out.append(f"- {consent_kind_text(c.kind, lang)}, {label('given_by', lang).lower()} "
                       f"{consent_giver_text(c.given_by, lang).lower()}, {label('scope', lang).lower()} "
                       f"{consent_scope_text(c.scope, lang).lower()}, {fmt_dt(c.given_at, lang=lang)}"
                       + (f" ({label('recorded_by', lang).lower()} {c.recorded_by})" if c.recorded_by else ""))
    elif note.user_takes_part:
        out.append(label("consent_missing", lang))
    else:
        out.append(label("consent_na", lang))
    if note.consent_note.strip():
        block(note.consent_note)

    chosen = note.chosen_pictures()
    head(label("pictures", lang))
    if chosen:
        for n, pic in enumerate(chosen, start=1):
            available = pic.available and pic.snapshot_id in bundle.images
            out.append(f"- {_picture_caption(n, pic, lang, available)}")
    else:
        out.append(label("no_pictures", lang))

    head(label("summary", lang))
    block(note.summary)
    out.append(f"{label('next_contact', lang)}: {note.next_contact.strip()}")
    text = "\n".join(out).rstrip("\n") + "\n"
    return Rendered("text", text.encode("utf-8"), file_name(note, "text"), MEDIA_TYPES["text"],
                    note.case_number)


# --- JSON ------------------------------------------------------------------------------

def note_json(bundle: NoteBundle, lang: str = "nb") -> dict[str, Any]:
    """The note as a JSON-ready dict: plain words for every value, never a code."""
    lang = norm_lang(lang)
    note = bundle.note.cleaned()

    def iso(v: Any) -> str | None:
        return v.isoformat() if v is not None else None

    def order(o: NoteOrder) -> dict[str, Any]:
        return {"bestillingsnummer": o.number, "status": order_status_text(o.status, lang),
                "opprettet": iso(o.created_at), "levering": delivery_text(o.delivery, lang),
                "linjer": [{"hmsnr": ln.hmsnr, "lev_art_nr": ln.supplier_ref,
                            "beskrivelse": clean_text(ln.description), "kategori": ln.category,
                            "antall": ln.quantity, "ukjent_del": ln.unknown_part} for ln in o.lines]}

    chosen = note.chosen_pictures()
    return {
        "dokument": label("journal_title", lang),
        "dokumenttype": label("notat", lang),
        "mal": _kind(note, lang),
        "saksnummer": note.case_number,
        "dato": iso(note.date),
        "klokkeslett": note.time.strftime("%H:%M") if note.time else None,
        "varighet_minutter": note.duration_min,
        "tekniker": note.technician,
        "hms": _unit(note),
        "deltakere": [{"rolle": role_text(p.role, lang), "organisasjon": p.organisation,
                       "i_bildet": p.in_picture} for p in note.participants],
        "hjelpemidler": [{"hmsnr": d.hmsnr, "serienr": d.serial, "produkt": d.product_name,
                          "kommune": " ".join(p for p in (d.municipality_number, d.municipality_name) if p),
                          "utlånsstatus": loan_status_text(d.loan_status, lang), "utlånstype": loan_type_text(d.loan_type, lang),
                          "garanti_til": iso(d.warranty_end),
                          "bestillinger": [order(o) for o in d.orders]} for d in note.included_devices()],
        "problem": note.problem,
        "funn": note.findings,
        "beslutning": decision_text(note.decision, lang) or None,
        "begrunnelse": note.decision_reason,
        "bruker_deltar": note.user_takes_part,
        "samtykke": [{"type": consent_kind_text(c.kind, lang), "gitt_av": consent_giver_text(c.given_by, lang),
                      "gjelder": consent_scope_text(c.scope, lang), "tidspunkt": iso(c.given_at),
                      "registrert_av": c.recorded_by} for c in note.consents],
        "samtykke_merknad": note.consent_note,
        "bilder": [{"nummer": n, "bildetekst": pic.caption, "tatt": iso(pic.created_at),
                    "ansikter_sladdet": pic.faces_blurred,
                    "i_pdf": pic.available and pic.snapshot_id in bundle.images}
                   for n, pic in enumerate(chosen, start=1)],
        "oppsummering": note.summary,
        "neste_kontakt": note.next_contact,
        "generert": iso(bundle.generated_at),
        "språk": lang,
    }


def render_json(bundle: NoteBundle, lang: str = "nb") -> Rendered:
    text = json.dumps(note_json(bundle, lang), ensure_ascii=False, indent=2) + "\n"
    return Rendered("json", text.encode("utf-8"), file_name(bundle.note, "json"), MEDIA_TYPES["json"],
                    bundle.note.case_number)


# --- PDF ---------------------------------------------------------------------------------

PICTURE_HEIGHT = 75 * 72 / 25.4      # 75 mm: two pictures with captions and some text fit on a page

def _story(bundle: NoteBundle, lang: str, problems: list[str]) -> list[Any]:
    from reportlab.lib.units import mm
    from reportlab.platypus import Spacer

    from hms_desk.documents.pdf_base import (
        CONTENT_WIDTH,
        DocumentError,
        fields_table,
        picture_box_px,
        prepare_images,
        grid_table,
        long_text,
        note as grey,
        section,
        snapshot_flowable,
        subsection,
        title_block,
    )

    note = bundle.note.cleaned()
    tpl = note.template_def
    kind = _kind(note, lang)
    story: list[Any] = [*title_block(label("journal_title", lang),
                                     f"{label('notat', lang)} · {kind} · {label('case', lang)} {note.case_number}")]

    story += [
        section(label("case_facts", lang)),
        fields_table([
            (label("case_no", lang), note.case_number),
            (label("type", lang), kind),
            (label("date", lang), _when(note)),
            (label("time", lang), _clock(note)),
            (label("duration", lang), _duration(note, lang)),
            (label("technician", lang), note.technician),
            (label("hms", lang), _unit(note)),
        ]),
    ]

    story.append(section(label("present", lang)))
    if note.participants:
        story.append(grid_table(
            (label("role", lang), label("organisation", lang), label("in_picture", lang)),
            [(role_text(p.role, lang), p.organisation or "–", _yes_no(p.in_picture, lang))
             for p in note.participants],
            col_widths=(0.35, 0.5, 0.15)))
    else:
        story.append(grey(label("no_participants", lang)))

    devices = note.included_devices()
    story.append(section(label("devices" if len(devices) > 1 else "device", lang)))
    if not devices:
        story.append(grey(label("no_device", lang)))
    from hms_desk.documents.pdf_base import device_fields

    for d in devices:
        if len(devices) > 1:
            story.append(subsection(_device_title(d, lang)))
        story.append(device_fields(d, lang))
        story.append(subsection(label("orders_for_device", lang)))
        if d.orders:
            rows = []
            for o in d.orders:
                head = f"{o.number}\n{order_status_text(o.status, lang)}\n{fmt_dt(o.created_at, lang=lang)}"
                for i, line in enumerate(o.lines or ()):
                    desc = clean_text(line.description) + (f" ({label('unknown_part', lang)})"
                                                           if line.unknown_part else "")
                    rows.append((head if i == 0 else "", line.hmsnr or line.supplier_ref or label("unknown", lang),
                                 desc, str(line.quantity), delivery_text(o.delivery, lang) if i == 0 else ""))
                if not o.lines:
                    rows.append((head, "–", label("no_lines", lang), "0", delivery_text(o.delivery, lang)))
            story.append(grid_table(
                (label("order", lang), label("hmsnr", lang), label("description", lang),
                 label("quantity", lang), label("delivery", lang)),
                rows, col_widths=(0.22, 0.11, 0.43, 0.08, 0.16), numeric_cols=(3,)))
        else:
            story.append(grey(label("no_orders_for_device", lang)))

    story.append(section(tpl.heading("problem", lang)))
    story += long_text(note.problem, empty=label("empty_text", lang))
    story.append(section(tpl.heading("findings", lang)))
    story += long_text(note.findings, empty=label("empty_text", lang))

    story.append(section(label("assessment", lang)))
    story.append(fields_table([(label("decision", lang),
                                decision_text(note.decision, lang) or label("no_decision", lang))],
                              pairs_per_row=1))
    if note.decision_reason.strip():
        story.append(subsection(label("reason", lang)))
        story += long_text(note.decision_reason)

    story.append(section(label("consent", lang)))
    if note.consents:
        story.append(grid_table(
            (label("consent_kind", lang), label("given_by", lang), label("scope", lang),
             label("when", lang), label("recorded_by", lang)),
            [(consent_kind_text(c.kind, lang), consent_giver_text(c.given_by, lang),
              consent_scope_text(c.scope, lang), fmt_dt(c.given_at, lang=lang), c.recorded_by)
             for c in note.consents],
            col_widths=(0.15, 0.18, 0.2, 0.25, 0.22)))
    elif note.user_takes_part:
        story.append(grey(label("consent_missing", lang)))
    else:
        story.append(grey(label("consent_na", lang)))
    if note.consent_note.strip():
        story.append(Spacer(1, 2 * mm))
        story += long_text(note.consent_note)

    story.append(section(label("summary_head", lang)))
    story += long_text(note.summary, empty=label("empty_text", lang))
    story.append(fields_table([(label("next_contact", lang), note.next_contact.strip())], pairs_per_row=1))

    chosen = note.chosen_pictures()
    story.append(section(label("pictures", lang)))
    if chosen:
        story.append(grey(label("pictures_note", lang)))
        shown = [pic for pic in chosen if pic.available and pic.snapshot_id in bundle.images]
        prepared = dict(zip((p.snapshot_id for p in shown),
                            prepare_images([bundle.images[p.snapshot_id] for p in shown],
                                           picture_box_px(CONTENT_WIDTH, PICTURE_HEIGHT))))
        for n, pic in enumerate(chosen, start=1):
            image = prepared.get(pic.snapshot_id)
            if isinstance(image, DocumentError):
                problems.append(label("picture_n", lang, n=n))
                story.append(grey(_picture_caption(n, pic, lang, True) + " – " + label("picture_unreadable", lang)))
            elif image is None:
                story.append(grey(_picture_caption(n, pic, lang, False)))
            else:
                story.append(snapshot_flowable(image, _picture_caption(n, pic, lang, True),
                                               max_height=PICTURE_HEIGHT))
    else:
        story.append(grey(label("no_pictures", lang)))
    return story


def render_pdf(bundle: NoteBundle, lang: str = "nb") -> Rendered:
    """The note as a PDF/A-2b file (archive type *notat*)."""
    from hms_desk.documents.pdf_base import DocumentMeta, build_pdf_bytes, count_pages

    lang = norm_lang(lang)
    note = bundle.note
    kind = _kind(note, lang)
    meta = DocumentMeta(
        title=label("journal_title", lang),
        subject=label("subject_note", lang, case=note.case_number, kind=kind),
        doc_type=label("notat", lang),
        unit_name=note.hms_unit_name,
        reference_label=label("case_no", lang),
        reference=note.case_number,
        generated_at=bundle.generated_at,
        keywords=("HMS", "notat", "journalnotat", note.case_number),
        lang=lang,
        archive_type="notat",
    )
    problems: list[str] = []
    data = build_pdf_bytes(meta, _story(bundle, lang, problems))
    warnings = _warnings(note, lang)
    if problems:
        warnings += ((f"{', '.join(problems)} kunne ikke leses og er ikke med i PDF-en." if lang == "nb" else
                      f"{', '.join(problems)} could not be read and is not in the PDF."),)
    return Rendered("pdf", data, file_name(note, "pdf"), MEDIA_TYPES["pdf"], note.case_number,
                    pages=count_pages(data), warnings=warnings)


def render(bundle: NoteBundle, fmt: str, lang: str = "nb") -> Rendered:
    """``fmt``: ``pdf`` | ``text`` | ``json``."""
    if fmt == "pdf":
        return render_pdf(bundle, lang)
    if fmt == "text":
        return render_text(bundle, lang)
    if fmt == "json":
        return render_json(bundle, lang)
    from hms_desk.domain.errors import HmsError

    raise HmsError(f"Ukjent format «{fmt}». Velg pdf, text eller json.", code="UKJENT_FORMAT", field="format")
