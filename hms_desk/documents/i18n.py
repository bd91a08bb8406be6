"""The words documents print, in bokmål and English — never a code.

Codes live in the database and in the program (``DELER_TRENGS``,
``INNSENDT``, ``muntlig``, ``feil_del`` …).  A document shows what a person
reads: every value that is a code goes through one of the ``*_text``
functions here, which fall back to a readable form of the code (``Deler
trengs``) rather than print the code itself when the table lacks it.

``lang`` is ``"nb"`` (default) or ``"en"``; anything else means bokmål.
"""

from __future__ import annotations

import re

__all__ = [
    "LANGS",
    "consent_giver_text",
    "consent_kind_text",
    "consent_scope_text",
    "decision_text",
    "delivery_text",
    "deviation_direction_text",
    "deviation_kind_text",
    "humanise_code",
    "label",
    "loan_status_text",
    "loan_type_text",
    "norm_lang",
    "order_status_text",
    "role_text",
    "template_text",
]

LANGS = ("nb", "en")


def norm_lang(lang: str | None) -> str:
    return "en" if (lang or "").lower().startswith("en") else "nb"


def _pick(table: dict[str, tuple[str, str]], code: str | None, lang: str | None) -> str:
    if code is None or str(code).strip() == "":
        return ""
    entry = table.get(str(code)) or table.get(str(code).upper()) or table.get(str(code).lower())
    if entry is None:
        return humanise_code(str(code))
    return entry[1] if norm_lang(lang) == "en" else entry[0]


_CODE_LIKE = re.compile(r"^[A-ZÆØÅ0-9]+(?:_[A-ZÆØÅ0-9]+)+$|^[a-zæøå0-9]+(?:_[a-zæøå0-9]+)+$")


def humanise_code(code: str) -> str:
    """``DELER_TRENGS`` → ``Deler trengs``; text that is not a code is returned as it is."""
    s = code.strip()
    if _CODE_LIKE.match(s) or (s.isupper() and len(s) > 3 and s.isalpha()):
        s = s.replace("_", " ").lower()
        return s[:1].upper() + s[1:]
    return s


DECISIONS: dict[str, tuple[str, str]] = {
    "REPARER_LOKALT": ("Repareres lokalt av kommunen", "Repaired locally by the municipality"),
    "SEND_INN": ("Sendes inn til HMS", "Sent in to the assistive technology centre"),
    "DELER_TRENGS": ("Deler må bestilles", "Parts must be ordered"),
    "NY_SAMTALE": ("Ny samtale avtales", "A new call is arranged"),
}

ORDER_STATUSES: dict[str, tuple[str, str]] = {
    "INNSENDT": ("Innsendt", "Submitted"),
    "REGISTRERT": ("Registrert", "Registered"),
    "KLARGJORT": ("Klargjort", "Prepared"),
    "DELVIS_SKIPNINGSBEKREFTET": ("Delvis skipningsbekreftet", "Partly shipped"),
    "SKIPNINGSBEKREFTET": ("Skipningsbekreftet", "Shipped"),
    "LUKKET": ("Lukket", "Closed"),
    "ANNULLERT": ("Annullert", "Cancelled"),
}

DELIVERIES: dict[str, tuple[str, str]] = {
    "kommunelager": ("Kommunens lager", "Municipal store"),
    "servicejobb": ("Servicejobb (leveres til teknikeren)", "Service job (delivered to the technician)"),
}

LOAN_TYPES: dict[str, tuple[str, str]] = {
    "P": ("Permanent utlån", "Permanent loan"),
    "F": ("Tidsbestemt utlån", "Fixed-term loan"),
    "K": ("Korttidsutlån", "Short-term loan"),
    "U": ("Utprøvingslån", "Trial loan"),
}

LOAN_STATUSES: dict[str, tuple[str, str]] = {
    "I utlån": ("I utlån", "On loan"),
    "Til reparasjon": ("Til reparasjon", "Under repair"),
    "Utlån ikke funnet": ("Utlån ikke funnet", "Loan not found"),
}

ROLES: dict[str, tuple[str, str]] = {
    "tekniker": ("Tekniker", "Technician"),
    "terapeut": ("Terapeut", "Therapist"),
    "bruker": ("Bruker", "User"),
    "pårørende": ("Pårørende", "Next of kin"),
    "verge": ("Verge", "Guardian"),
    "hjelpepleier": ("Hjelpepleier", "Care assistant"),
    "annen": ("Annen", "Other"),
    "hms-tekniker": ("Tekniker ved HMS", "Technician at the centre"),
    "kommunal tekniker": ("Kommunal tekniker", "Municipal technician"),
    "ergoterapeut": ("Ergoterapeut", "Occupational therapist"),
    "fysioterapeut": ("Fysioterapeut", "Physiotherapist"),
    "leverandør": ("Leverandør", "Supplier"),
    "saksbehandler": ("Saksbehandler", "Case officer"),
}

CONSENT_KINDS: dict[str, tuple[str, str]] = {
    "muntlig": ("Muntlig", "Oral"),
    "skriftlig": ("Skriftlig", "Written"),
}

CONSENT_GIVERS: dict[str, tuple[str, str]] = {
    "bruker": ("Bruker", "User"),
    "pårørende": ("Pårørende", "Next of kin"),
    "verge": ("Verge", "Guardian"),
}

CONSENT_SCOPES: dict[str, tuple[str, str]] = {
    "bilder": ("Bilder", "Pictures"),
    "video": ("Video", "Video"),
    "opptak": ("Opptak", "Recording"),
}

TEMPLATES: dict[str, tuple[str, str]] = {
    "support": ("Teknisk support (videosamtale)", "Technical support (video call)"),
    "utproving": ("Forberedelse av utprøving", "Preparing a trial"),
    "boligsak": ("Boligsak", "Housing case"),
}

DEVIATION_KINDS: dict[str, tuple[str, str]] = {
    "feil_samtale": ("Feil samtale (feil person eller sak)", "Wrong call (wrong person or case)"),
    "lyd_bilde_borte": ("Lyd eller bilde falt ut", "Sound or picture lost"),
    "utenforstaaende": ("Uvedkommende kom inn i samtalen", "An outsider joined the call"),
    "utenforstående": ("Uvedkommende kom inn i samtalen", "An outsider joined the call"),
    "feil_del": ("Feil del levert", "Wrong part delivered"),
    "utstyrsfeil": ("Feil på utstyr", "Equipment failure"),
    "annet": ("Annet", "Other"),
}

DEVIATION_DIRECTIONS: dict[str, tuple[str, str]] = {
    "til_kommune": ("Fra HMS til kommunen", "From the centre to the municipality"),
    "fra_kommune": ("Fra kommunen til HMS", "From the municipality to the centre"),
    "intern": ("Internt ved HMS", "Internal at the centre"),
}

# Labels and fixed sentences of the documents, by key.
LABELS: dict[str, tuple[str, str]] = {
    # page furniture
    "generated": ("Generert", "Generated"),
    "page_of": ("Side {page} av {total}", "Page {page} of {total}"),
    "doc_type": ("Dokumenttype", "Document type"),
    "made_with": ("Laget med", "Made with"),
    "centre": ("NAV Hjelpemiddelsentral", "NAV Assistive Technology Centre"),
    "at_time": ("kl.", "at"),
    # journal note
    "journal_title": ("Journalnotat", "Journal note"),
    "notat": ("Notat", "Note"),
    "case_no": ("Saksnr.", "Case no."),
    "case": ("sak", "case"),
    "case_facts": ("Saksopplysninger", "Case details"),
    "type": ("Type", "Type"),
    "date": ("Dato", "Date"),
    "time": ("Klokkeslett", "Time"),
    "duration": ("Varighet", "Duration"),
    "minutes": ("{n} min", "{n} min"),
    "technician": ("Tekniker", "Technician"),
    "hms": ("HMS", "Centre"),
    "present": ("Til stede", "Present"),
    "role": ("Rolle", "Role"),
    "organisation": ("Organisasjon", "Organisation"),
    "in_picture": ("I bildet", "In picture"),
    "yes": ("Ja", "Yes"),
    "no": ("Nei", "No"),
    "no_participants": ("Ingen deltakere registrert.", "No participants recorded."),
    "device": ("Hjelpemiddel", "Assistive device"),
    "devices": ("Hjelpemidler", "Assistive devices"),
    "no_device": ("Ingen hjelpemiddel er knyttet til saken.", "No assistive device is linked to the case."),
    "hmsnr": ("HMS-nr", "HMS no."),
    "serial": ("Serienr", "Serial no."),
    "product": ("Produkt", "Product"),
    "series": ("Serie", "Series"),
    "supplier": ("Leverandør", "Supplier"),
    "iso": ("ISO-kode", "ISO code"),
    "loan_status": ("Utlånsstatus", "Loan status"),
    "loan_type": ("Utlånstype", "Loan type"),
    "municipality": ("Kommune", "Municipality"),
    "store": ("HMS (lager)", "Centre (store)"),
    "warranty_to": ("Garanti til", "Warranty until"),
    "no_warranty": ("Ingen garanti registrert", "No warranty recorded"),
    "orders_for_device": ("Bestillinger for dette hjelpemiddelet", "Orders for this device"),
    "no_orders_for_device": ("Ingen deler bestilt til dette hjelpemiddelet.",
                             "No parts ordered for this device."),
    "order": ("Bestilling", "Order"),
    "order_no": ("Bestillingsnr.", "Order no."),
    "status": ("Status", "Status"),
    "created": ("Opprettet", "Created"),
    "delivery": ("Levering", "Delivery"),
    "description": ("Beskrivelse", "Description"),
    "quantity": ("Antall", "Qty"),
    "supplier_ref": ("Lev.art.nr", "Supplier ref."),
    "unknown": ("Ukjent", "Unknown"),
    "unknown_part": ("ukjent del", "unknown part"),
    "no_lines": ("Ingen linjer", "No lines"),
    "assessment": ("Vurdering og beslutning", "Assessment and decision"),
    "decision": ("Beslutning", "Decision"),
    "reason": ("Begrunnelse", "Reason"),
    "no_decision": ("Ingen beslutning registrert", "No decision recorded"),
    "consent": ("Samtykke", "Consent"),
    "consent_kind": ("Type", "Kind"),
    "given_by": ("Gitt av", "Given by"),
    "scope": ("Gjelder", "Covers"),
    "when": ("Tidspunkt", "Time"),
    "recorded_by": ("Registrert av", "Recorded by"),
    "consent_missing": ("Bruker deltar, men det er ikke registrert samtykke. Det er ikke tatt bilder "
                        "eller opptak av bruker.",
                        "The user takes part, but no consent is recorded. No pictures or recordings "
                        "of the user were taken."),
    "consent_na": ("Ikke aktuelt – bruker deltar ikke.", "Not applicable – the user does not take part."),
    "summary_head": ("Oppsummering og videre oppfølging", "Summary and follow-up"),
    "summary": ("Oppsummering", "Summary"),
    "next_contact": ("Neste kontakt", "Next contact"),
    "pictures": ("Bilder", "Pictures"),
    "pictures_note": ("Alle bilder er anonymisert: ansikter er sladdet og markeringer er flatet ut "
                      "før lagring.",
                      "All pictures are anonymised: faces are blurred and marks flattened before "
                      "they were stored."),
    "no_pictures": ("Ingen bilder er valgt til notatet.", "No pictures were chosen for the note."),
    "picture_n": ("Bilde {n}", "Picture {n}"),
    "taken": ("tatt", "taken"),
    "faces_blurred": ("ansikter sladdet: {n}", "faces blurred: {n}"),
    "picture_unreadable": ("bildet kunne ikke leses og vises ikke", "the picture could not be read and is not shown"),
    "picture_gone": ("bildet er slettet og vises ikke", "the picture is deleted and not shown"),
    "empty_text": ("Ikke fylt ut.", "Not filled in."),
    "subject_note": ("Journalnotat (notat) for sak {case}: {kind}", "Journal note for case {case}: {kind}"),
    # deviations
    "deviation_title": ("Avviksmelding", "Deviation report"),
    "deviation": ("Avvik", "Deviation"),
    "deviation_no": ("Avviksnr.", "Deviation no."),
    "deviation_kind": ("Type avvik", "Kind of deviation"),
    "direction": ("Retning", "Direction"),
    "occurred": ("Skjedde", "Occurred"),
    "reported": ("Meldt", "Reported"),
    "reported_by": ("Meldt av", "Reported by"),
    "reported_to": ("Meldt til", "Reported to"),
    "registered_by": ("Registrert av", "Registered by"),
    "what_happened": ("Hva skjedde", "What happened"),
    "consequence": ("Konsekvens", "Consequence"),
    "measures": ("Tiltak som er gjort", "Measures taken"),
    "linked_case": ("Knyttet til sak", "Linked to case"),
    "standalone": ("Ikke knyttet til en sak", "Not linked to a case"),
    "subject_deviation": ("Avviksmelding {number}: {kind}", "Deviation report {number}: {kind}"),
    "deviation_list": ("Avviksliste", "List of deviations"),
    "no_deviations": ("Ingen avvik i utvalget.", "No deviations in the selection."),
    "period": ("Periode", "Period"),
}


def label(key: str, lang: str | None = "nb", **fmt: object) -> str:
    nb, en = LABELS[key]
    text = en if norm_lang(lang) == "en" else nb
    return text.format(**fmt) if fmt else text


def decision_text(code: str | None, lang: str | None = "nb") -> str:
    return _pick(DECISIONS, code, lang)


def order_status_text(code: str | None, lang: str | None = "nb") -> str:
    return _pick(ORDER_STATUSES, code, lang)


def delivery_text(code: str | None, lang: str | None = "nb") -> str:
    return _pick(DELIVERIES, code, lang)


def loan_type_text(code: str | None, lang: str | None = "nb") -> str:
    return _pick(LOAN_TYPES, code, lang)


def loan_status_text(status: str | None, lang: str | None = "nb") -> str:
    """OeBS's article status (``I utlån``) in the document's language."""
    if not status:
        return ""
    entry = LOAN_STATUSES.get(status.strip())
    if entry is None:
        return humanise_code(status)
    return entry[1] if norm_lang(lang) == "en" else entry[0]


def role_text(code: str | None, lang: str | None = "nb") -> str:
    """A participant's role; a role typed by the technician is shown as typed."""
    if code is None:
        return ""
    key = str(code).strip().lower()
    if key in ROLES:
        return _pick(ROLES, key, lang)
    return humanise_code(str(code).strip())


def consent_kind_text(code: str | None, lang: str | None = "nb") -> str:
    return _pick(CONSENT_KINDS, code, lang)


def consent_giver_text(code: str | None, lang: str | None = "nb") -> str:
    return _pick(CONSENT_GIVERS, code, lang)


def consent_scope_text(code: str | None, lang: str | None = "nb") -> str:
    return _pick(CONSENT_SCOPES, code, lang)


def template_text(code: str | None, lang: str | None = "nb") -> str:
    return _pick(TEMPLATES, code, lang)


def deviation_kind_text(code: str | None, lang: str | None = "nb") -> str:
    return _pick(DEVIATION_KINDS, code, lang)


def deviation_direction_text(code: str | None, lang: str | None = "nb") -> str:
    return _pick(DEVIATION_DIRECTIONS, code, lang)
