"""The deviation report (*avviksmelding*): PDF/A-2b, plain text and JSON.

Pure functions of a :class:`DeviationDoc` (plain values copied out of the
database by :class:`hms_desk.services.deviations.DeviationService`).  People
appear by role and organisation only; the kind and direction are shown in
words (bokmål, or English with ``lang="en"``), never as codes.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from hms_desk.documents.i18n import (
    deviation_direction_text,
    deviation_kind_text,
    label,
    norm_lang,
    role_text,
)
from hms_desk.documents.rendered import MEDIA_TYPES, Rendered, safe_name
from hms_desk.documents.text import clean_text, fmt_dt

__all__ = ["DeviationDoc", "deviation_json", "render_deviation", "render_deviation_list_text"]


@dataclass(frozen=True)
class DeviationDoc:
    """Everything a deviation report shows (codes for kind and direction)."""

    number: str
    kind: str
    direction: str
    what_happened: str
    consequence: str
    measures: str
    reporter_role: str
    reporter_org: str
    recipient_role: str
    recipient_org: str
    occurred_at: dt.datetime | None
    reported_at: dt.datetime
    registered_by: str
    case_number: str | None
    hms_unit: str = ""
    hms_unit_name: str = ""


def _party(role: str, org: str, lang: str) -> str:
    r = role_text(role, lang)
    return f"{r} ({org})" if r and org else (r or org or "–")


def deviation_json(d: DeviationDoc, lang: str = "nb") -> dict[str, Any]:
    lang = norm_lang(lang)
    return {
        "dokument": label("deviation_title", lang),
        "avviksnummer": d.number,
        "type": deviation_kind_text(d.kind, lang),
        "retning": deviation_direction_text(d.direction, lang),
        "skjedde": d.occurred_at.isoformat() if d.occurred_at else None,
        "meldt": d.reported_at.isoformat(),
        "meldt_av": {"rolle": role_text(d.reporter_role, lang), "organisasjon": d.reporter_org},
        "meldt_til": {"rolle": role_text(d.recipient_role, lang), "organisasjon": d.recipient_org},
        "registrert_av": d.registered_by,
        "sak": d.case_number,
        "hva_skjedde": clean_text(d.what_happened),
        "konsekvens": clean_text(d.consequence),
        "tiltak": clean_text(d.measures),
        "språk": lang,
    }


def _text(d: DeviationDoc, lang: str) -> str:
    out = [f"{label('deviation_title', lang)} {d.number}",
           f"{label('deviation_kind', lang)}: {deviation_kind_text(d.kind, lang)}",
           f"{label('direction', lang)}: {deviation_direction_text(d.direction, lang)}",
           f"{label('occurred', lang)}: {fmt_dt(d.occurred_at, lang=lang)}",
           f"{label('reported', lang)}: {fmt_dt(d.reported_at, lang=lang)}",
           f"{label('reported_by', lang)}: {_party(d.reporter_role, d.reporter_org, lang)}",
           f"{label('reported_to', lang)}: {_party(d.recipient_role, d.recipient_org, lang)}",
           f"{label('registered_by', lang)}: {d.registered_by}",
           (f"{label('linked_case', lang)}: {d.case_number}" if d.case_number else label("standalone", lang))]
    for key, value in (("what_happened", d.what_happened), ("consequence", d.consequence),
                       ("measures", d.measures)):
        body = clean_text(value).strip("\n")
        out += ["", label(key, lang)] + (body.split("\n") if body.strip() else [label("empty_text", lang)])
    return "\n".join(out) + "\n"


def _pdf(d: DeviationDoc, lang: str) -> bytes:
    from hms_desk.documents.pdf_base import (
        DocumentMeta,
        build_pdf_bytes,
        fields_table,
        long_text,
        section,
        title_block,
    )

    kind = deviation_kind_text(d.kind, lang)
    story: list[Any] = [
        *title_block(label("deviation_title", lang), f"{label('deviation', lang)} · {kind} · {d.number}"),
        fields_table([
            (label("deviation_no", lang), d.number),
            (label("deviation_kind", lang), kind),
            (label("direction", lang), deviation_direction_text(d.direction, lang)),
            (label("linked_case", lang), d.case_number or label("standalone", lang)),
            (label("occurred", lang), fmt_dt(d.occurred_at, lang=lang)),
            (label("reported", lang), fmt_dt(d.reported_at, lang=lang)),
            (label("reported_by", lang), _party(d.reporter_role, d.reporter_org, lang)),
            (label("reported_to", lang), _party(d.recipient_role, d.recipient_org, lang)),
            (label("registered_by", lang), d.registered_by),
        ]),
    ]
    for key, value in (("what_happened", d.what_happened), ("consequence", d.consequence),
                       ("measures", d.measures)):
        story.append(section(label(key, lang)))
        story += long_text(value, empty=label("empty_text", lang))
    meta = DocumentMeta(
        title=label("deviation_title", lang),
        subject=label("subject_deviation", lang, number=d.number, kind=kind),
        doc_type=label("deviation", lang),
        unit_name=d.hms_unit_name,
        reference_label=label("deviation_no", lang),
        reference=d.number,
        keywords=tuple(k for k in ("HMS", "avvik", d.number, d.case_number or "") if k),
        lang=lang,
        archive_type="avvik",
    )
    return build_pdf_bytes(meta, story)


def render_deviation(d: DeviationDoc, fmt: str, lang: str = "nb") -> Rendered:
    """``fmt``: ``pdf`` | ``text`` | ``json`` (pure CPU work on plain data)."""
    lang = norm_lang(lang)
    if fmt == "pdf":
        from hms_desk.documents.pdf_base import count_pages

        data = _pdf(d, lang)
        return Rendered("pdf", data, safe_name("avvik", d.number, "pdf"), MEDIA_TYPES["pdf"], d.number,
                        pages=count_pages(data))
    if fmt == "text":
        data = _text(d, lang).encode("utf-8")
    elif fmt == "json":
        data = (json.dumps(deviation_json(d, lang), ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    else:
        from hms_desk.domain.errors import HmsError

        raise HmsError(f"Ukjent format «{fmt}». Velg pdf, text eller json.", code="UKJENT_FORMAT",
                       field="format")
    return Rendered(fmt, data, safe_name("avvik", d.number, fmt), MEDIA_TYPES[fmt], d.number)


def render_deviation_list_text(items: list[DeviationDoc], lang: str = "nb") -> str:
    """One line per deviation (for the CLI and a quick copy): number, when, kind, case, by."""
    lang = norm_lang(lang)
    if not items:
        return label("no_deviations", lang) + "\n"
    lines = []
    for d in items:
        when = fmt_dt(d.occurred_at or d.reported_at, lang=lang)
        case = d.case_number or "–"
        lines.append(f"{d.number}  {when}  {deviation_kind_text(d.kind, lang)}  "
                     f"{label('case', lang)} {case}  {label('reported_by', lang).lower()}: "
                     f"{_party(d.reporter_role, d.reporter_org, lang)}")
    return "\n".join(lines) + "\n"
