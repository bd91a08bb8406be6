"""`hms-desk avvik create|list|export`: deviations (avvik) for internal control.

  hms-desk avvik create --type TYPE --hva TEKST --meldt-av-rolle ROLLE [--meldt-av-org ORG]
                        [--meldt-til-rolle ROLLE] [--meldt-til-org ORG] [--konsekvens TEKST]
                        [--tiltak TEKST] [--retning til_kommune|fra_kommune|intern]
                        [--tidspunkt "YYYY-MM-DD HH:MM"] [--sak SAK] [--json]
  hms-desk avvik list [--sak SAK] [--fra DATO] [--til DATO] [--type TYPE] [--retning R]
                      [--uten-sak] [--json]
  hms-desk avvik export NUMMER (--pdf FIL | --text | --json) [--out FIL] [--lang nb|en]

People are given by role (a fixed list) and organisation, never by name;
free text passes the personal-data check (exit 1 with a Norwegian message).
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

from hms_desk.cli.common import core_from_args, print_json
from hms_desk.domain.errors import ValidationError


def register(sub, common) -> None:
    from hms_desk.services.deviations import DIRECTIONS, KINDS, REPORT_ROLES

    av = sub.add_parser("avvik", parents=[common], help="avvik: meld, list og eksporter")
    asub = av.add_subparsers(dest="avvik_command", metavar="create|list|export")
    asub.required = True

    cr = asub.add_parser("create", parents=[common], help="meld et avvik")
    cr.add_argument("--type", dest="kind", required=True, choices=KINDS, help="type avvik")
    cr.add_argument("--hva", dest="what", required=True, help="hva skjedde")
    cr.add_argument("--konsekvens", default="", help="konsekvens")
    cr.add_argument("--tiltak", default="", help="tiltak som er gjort")
    cr.add_argument("--meldt-av-rolle", dest="by_role", required=True, choices=REPORT_ROLES,
                    help="hvem meldte (rolle, aldri navn)")
    cr.add_argument("--meldt-av-org", dest="by_org", default="", help="organisasjonen til den som meldte")
    cr.add_argument("--meldt-til-rolle", dest="to_role", default="", choices=("", *REPORT_ROLES),
                    help="hvem det ble meldt til (rolle)")
    cr.add_argument("--meldt-til-org", dest="to_org", default="", help="organisasjonen det ble meldt til")
    cr.add_argument("--retning", dest="direction", default="til_kommune", choices=DIRECTIONS)
    cr.add_argument("--tidspunkt", dest="when", help="når det skjedde, «ÅÅÅÅ-MM-DD TT:MM» (lokal tid)")
    cr.add_argument("--sak", dest="case", help="saksnummer, sak-id eller «demo» (ellers frittstående)")
    cr.add_argument("--json", action="store_true")
    cr.set_defaults(handler=cmd_create)

    ls = asub.add_parser("list", parents=[common], help="list avvik per sak eller periode")
    ls.add_argument("--sak", dest="case")
    ls.add_argument("--fra", dest="since", help="fra og med dato (ÅÅÅÅ-MM-DD)")
    ls.add_argument("--til", dest="until", help="til og med dato (ÅÅÅÅ-MM-DD)")
    ls.add_argument("--type", dest="kind", choices=KINDS)
    ls.add_argument("--retning", dest="direction", choices=DIRECTIONS)
    ls.add_argument("--uten-sak", dest="standalone", action="store_true", help="bare avvik uten sak")
    ls.add_argument("--json", action="store_true")
    ls.set_defaults(handler=cmd_list)

    ex = asub.add_parser("export", parents=[common], help="eksporter en avviksmelding")
    ex.add_argument("number", metavar="NUMMER")
    fmt = ex.add_mutually_exclusive_group(required=True)
    fmt.add_argument("--pdf", type=Path, metavar="FIL")
    fmt.add_argument("--text", action="store_true")
    fmt.add_argument("--json", action="store_true")
    ex.add_argument("--out", type=Path, metavar="FIL")
    ex.set_defaults(handler=cmd_export)


def service(core):
    from hms_desk.services.deviations import DeviationService

    return DeviationService(core.db, core.settings.technician, core.profile.exports_dir, core.settings.hms_unit)


def _date(text: str | None, option: str) -> dt.date | None:
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise ValidationError(f"{option} «{text}»: skriv datoen som ÅÅÅÅ-MM-DD.", field=option) from None


def _when(text: str | None) -> dt.datetime | None:
    if not text:
        return None
    try:
        value = dt.datetime.fromisoformat(text.strip())
    except ValueError:
        raise ValidationError(f"--tidspunkt «{text}»: skriv tidspunktet som ÅÅÅÅ-MM-DD TT:MM.",
                              field="occurred_at") from None
    return value


def cmd_create(args) -> int:
    from hms_desk.documents.deviation_doc import deviation_json
    from hms_desk.services.deviations import DeviationDraft

    draft = DeviationDraft(kind=args.kind, what_happened=args.what, consequence=args.konsekvens,
                           measures=args.tiltak, reporter_role=args.by_role, reporter_org=args.by_org,
                           recipient_role=args.to_role, recipient_org=args.to_org, direction=args.direction,
                           occurred_at=_when(args.when), case=args.case)
    core = core_from_args(args)
    try:
        if args.case:
            from hms_desk.cli.export_cmd import ensure_case

            ensure_case(core, args.case)
        made = service(core).create(draft)
    finally:
        core.close()
    if args.json:
        print_json(deviation_json(made))
    else:
        print(f"Avvik {made.number} er meldt.")
    return 0


def cmd_list(args) -> int:
    from hms_desk.documents.deviation_doc import deviation_json, render_deviation_list_text
    from hms_desk.services.deviations import DeviationFilter

    flt = DeviationFilter(case=args.case, since=_date(args.since, "--fra"), until=_date(args.until, "--til"),
                          kind=args.kind, direction=args.direction, standalone=True if args.standalone else None)
    core = core_from_args(args)
    try:
        lang = getattr(args, "lang", None) or core.settings.ui.language
        items = service(core).list(flt)
    finally:
        core.close()
    if args.json:
        print_json({"avvik": [deviation_json(d, lang) for d in items], "antall": len(items)})
    else:
        sys.stdout.write(render_deviation_list_text(items, lang))
    return 0


def cmd_export(args) -> int:
    core = core_from_args(args)
    try:
        lang = getattr(args, "lang", None) or core.settings.ui.language
        svc = service(core)
        if args.pdf is not None:
            rendered, path = svc.export(args.number, "pdf", args.pdf, lang)
        else:
            fmt = "json" if args.json else "text"
            rendered, path = svc.export(args.number, fmt, args.out, lang, write=args.out is not None)
    finally:
        core.close()
    if path is not None:
        sys.stderr.write(f"Skrev {path}\n")
    else:
        sys.stdout.flush()
        sys.stdout.buffer.write(rendered.data)
        sys.stdout.buffer.flush()
    return 0
