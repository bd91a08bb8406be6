"""How long each text field may be: one table the UI, the CLI, the importers and the database agree on.

Every field a person or a file can fill has an entry here: its maximum length
in characters, its Norwegian label (for messages) and the database column(s)
it is stored in.  For a ``String(n)`` column the limit *is* ``n``
(``tests/test_attack_limits.py`` compares them with ``storage.models``); for
a ``Text`` column the limit is the application's own.  Fields are checked at
entry by :func:`hms_desk.domain.personal_data.check_free_text` (free text)
and :func:`~hms_desk.domain.personal_data.check_identifier` (identifiers),
which look the limit up by the field name; the UI sets ``setMaxLength`` from
:func:`max_length`.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["FieldLimit", "LIMITS", "FORMAT_COLUMNS", "limit_for", "max_length", "label_for"]


@dataclass(frozen=True)
class FieldLimit:
    max_len: int
    label: str                       # Norwegian, for messages: «Oppsummering» er for lang …
    columns: tuple[str, ...] = ()    # "table.column" in storage.models that stores the field
    multiline: bool = False          # line breaks allowed (text areas)


LIMITS: dict[str, FieldLimit] = {
    # --- free text the technician types (forms, CLI) -------------------------
    "summary": FieldLimit(4000, "Oppsummering", ("cases.summary",), multiline=True),
    "reason": FieldLimit(2000, "Begrunnelse", ("cases.decision_reason",), multiline=True),
    "next_contact": FieldLimit(200, "Neste kontakt", ("cases.next_contact",)),
    "organisation": FieldLimit(120, "Organisasjon", ("participants.organisation", "deviations.reporter_org",
                                                     "deviations.recipient_org", "prep_participants.organisation")),
    "detail": FieldLimit(1000, "Hendelse", ("case_events.detail",), multiline=True),
    "annotations": FieldLimit(80, "Tekst i bildet"),             # video.annotate.MAX_TEXT
    "description": FieldLimit(400, "Beskrivelse av delen", ("order_lines.description",)),
    "supplier_ref": FieldLimit(100, "Lev. art.nr", ("order_lines.supplier_ref",)),
    "deviation": FieldLimit(4000, "Avvik", ("deviations.description",), multiline=True),
    "search": FieldLimit(200, "Søketekst"),
    # --- an adviser's preparation (services.preparations) --------------------
    "purpose": FieldLimit(4000, "Formål", ("preparations.purpose",), multiline=True),
    "questions": FieldLimit(4000, "Spørsmål som skal avklares", ("preparations.questions",), multiline=True),
    "filming": FieldLimit(4000, "Hva som skal filmes", ("preparations.filming",), multiline=True),
    "angles": FieldLimit(1000, "Vinkler", ("preparations.angles",)),
    "agenda": FieldLimit(4000, "Agenda", ("preparations.agenda",), multiline=True),
    "meeting_url": FieldLimit(400, "Videoadresse", ("preparations.meeting_url",)),
    "dial_in": FieldLimit(200, "Alternativ adresse"),
    "result": FieldLimit(2000, "Resultat", ("prep_checks.result",), multiline=True),
    "note": FieldLimit(1000, "Notat", ("prep_candidates.note",)),
    "parts": FieldLimit(200, "Del eller tilbehør"),
    "caption": FieldLimit(200, "Bildetekst", ("prep_attachments.caption",)),
    # --- identifiers (strict patterns in personal_data.check_identifier) -----
    "orderer": FieldLimit(40, "Bestiller", ("parts_orders.orderer",)),
    "by": FieldLimit(40, "Endret av", ("order_status_history.by",)),
    "actor": FieldLimit(40, "Utført av", ("audit_log.actor",)),
    "technician": FieldLimit(40, "Tekniker", ("cases.technician", "consents.recorded_by",
                                              "deviations.reported_by", "preparations.created_by",
                                              "prep_checks.done_by")),
    "iso_category": FieldLimit(16, "ISO-kode", ("devices.iso_category", "products.iso_category",
                                                "parts.iso_category", "prep_candidates.iso_category")),
    "article_status": FieldLimit(40, "Artikkelstatus", ("loans.article_status",)),
    # --- catalogue columns (importers) ----------------------------------------
    "product_name": FieldLimit(300, "Navn", ("products.name", "prep_candidates.name")),
    "article_name": FieldLimit(400, "Artikkelnavn", ("products.article_name",)),
    "part_name": FieldLimit(400, "Navn", ("parts.name", "parts.catalog_name")),
    "supplier_name": FieldLimit(200, "Leverandør", ("products.supplier_name", "parts.supplier_name",
                                                    "prep_candidates.supplier")),
    "catalog_supplier_ref": FieldLimit(100, "Lev. art.nr", ("products.supplier_ref", "parts.supplier_ref")),
    "category": FieldLimit(60, "Kategori", ("parts.category", "order_lines.category")),
    "image": FieldLimit(500, "Bilde", ("parts.image", "products.image_uri", "parts.catalog_image",
                                      "part_pictures.source")),
    "series_id": FieldLimit(64, "Serie", ("series.id", "products.series_id")),
    "series_name": FieldLimit(200, "Serienavn", ("series.name",)),
    "catalog_id": FieldLimit(64, "Katalog-id", ("products.catalog_id", "parts.catalog_id")),
    "compat_target": FieldLimit(64, "Passer til (id)", ("part_compatibility.target_id",)),
    "municipality_name": FieldLimit(100, "Kommunenavn", ("municipalities.name",)),
}

#: String columns that never take free text: fixed formats checked by their own
#: validators (HMS-nr, serienr, numbers, enums, hashes, generated names).
FORMAT_COLUMNS = frozenset({
    "products.hmsnr", "parts.hmsnr", "part_compatibility.part_hmsnr",
    "part_compatibility.target_kind", "product_parts.product_hmsnr", "product_parts.part_hmsnr",
    "municipalities.number", "municipalities.hms_unit", "devices.hmsnr", "devices.serial",
    "loans.loan_type", "loans.municipality", "cases.number", "cases.kind", "cases.status", "cases.hmsnr",
    "cases.serial", "cases.municipality", "cases.decision", "participants.role", "consents.kind",
    "consents.given_by", "consents.scope", "case_events.kind", "snapshots.file_name", "snapshots.detector",
    "snapshots.sha256", "parts_orders.number", "parts_orders.hmsnr", "parts_orders.serial",
    "parts_orders.municipality", "parts_orders.hms_unit", "parts_orders.delivery", "parts_orders.status",
    "parts_orders.request_key", "order_lines.part_hmsnr", "order_status_history.status",
    "journal_notes.pdf_sha256", "deviations.kind", "deviations.direction", "audit_log.action",
    "audit_log.object_type", "audit_log.object_id", "alembic_version.version_num",
    # bookkeeping written by the program itself (never typed or imported)
    "app_meta.key", "app_meta.value", "capture_intents.file_name", "case_devices.hmsnr",
    "case_devices.serial", "case_devices.municipality", "snapshots.hmsnr", "snapshots.serial",
    "part_pictures.part_hmsnr", "part_pictures.media_type", "order_lines.status",
    "deviations.number", "deviations.reporter_role", "deviations.recipient_role", "journal_drafts.updated_by",
    "exported_files.kind", "exported_files.file_name", "exported_files.folder", "exported_files.sha256",
    # preparations: numbers, enums, consent codes, generated names
    "preparations.number", "preparations.kind", "preparations.status", "preparations.municipality",
    "preparations.consent_kind", "preparations.consent_given_by", "preparations.consent_scope",
    "preparations.ics_uid", "prep_participants.role", "prep_checks.code", "prep_candidates.hmsnr",
    "prep_candidates.status", "prep_attachments.file_name", "prep_attachments.kind", "prep_attachments.detector",
    "prep_attachments.sha256",
})


def limit_for(field: str | None) -> FieldLimit | None:
    return LIMITS.get(field or "")


def max_length(field: str) -> int:
    """The maximum length of ``field`` (for ``QLineEdit.setMaxLength`` and argparse help)."""
    return LIMITS[field].max_len


def label_for(field: str | None, default: str = "Teksten") -> str:
    limit = limit_for(field)
    return limit.label if limit is not None else default
