"""`hms-desk order`: create, show, export and move parts orders from the command line.

  hms-desk order create --hmsnr H --serienr S --line HMSNR:QTY [--line ...]
                        [--unknown "REF:QTY:DESC"] [--delivery kommunelager|servicejobb]
                        [--accessory-present HMSNR] [--accessory-absent HMSNR]
                        [--battery-training] [--orderer ID] [--hms-unit NNNN] [--json]
  hms-desk order show NUMBER [--json]
  hms-desk order export NUMBER --format json|csv|pdf|repair-pdf --out PATH
  hms-desk order status NUMBER NEW_STATUS [--json]
  hms-desk order ship NUMBER LINE [--date YYYY-MM-DD] [--by ID] [--json]

The same services as the GUI (NAV's rules, locking, audit).  A refused order
prints every violation as ``CODE: Norwegian text`` on stderr and exits 1.
``ship`` records OeBS's shipping confirmation of one line (its part's HMS-nr
or its line number): the line is "Plukket på lager" with NAV's expected
delivery (the next working day), the order partly or wholly shipped.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from hms_desk.cli.common import core_from_args, print_json
from hms_desk.domain.errors import ValidationError
from hms_desk.domain import i18n
from hms_desk.domain.i18n import plural

_HMSNR = re.compile(r"^\d{6}$")


def register(sub, common) -> None:
    order = sub.add_parser("order", parents=[common], help="delbestillinger: opprett, vis, eksporter, endre status")
    osub = order.add_subparsers(dest="order_command", metavar="create|show|export|status|ship")
    osub.required = True

    cr = osub.add_parser("create", parents=[common], help="send en delbestilling")
    cr.add_argument("--hmsnr", required=True, help="hjelpemiddelets HMS-nr (6 siffer)")
    cr.add_argument("--serienr", required=True, help="hjelpemiddelets serienr (6 siffer)")
    cr.add_argument("--line", action="append", default=[], metavar="HMSNR:ANTALL",
                    help="en del fra delelisten, f.eks. 150817:2 (kan gjentas)")
    cr.add_argument("--unknown", action="append", default=[], metavar="REF:ANTALL:BESKRIVELSE",
                    help="en del som ikke står i katalogen: HMS-nr (6 siffer) eller lev.art.nr, antall, beskrivelse")
    cr.add_argument("--delivery", default="",
                    help="kommunelager (til XK-lager, bare der kommunen har det) eller servicejobb; "
                         "uten valg: XK-lager der kommunen har det, ellers servicejobb")
    cr.add_argument("--accessory-present", action="append", default=[], metavar="HMSNR",
                    help="tilbehøret finnes på hjelpemidlet fra før (kreves for å bestille tilbehør)")
    cr.add_argument("--accessory-absent", action="append", default=[], metavar="HMSNR",
                    help="tilbehøret finnes ikke på hjelpemidlet (det kan da ikke bestilles)")
    cr.add_argument("--battery-training", action="store_true",
                    help="teknikeren bekrefter opplæring i batteribytte")
    cr.add_argument("--orderer", help="bestillerens ident (standard: teknikeren i innstillingene)")
    cr.add_argument("--hms-unit", help="bestillerens hjelpemiddelsentral (standard: innstillingene)")
    cr.add_argument("--json", action="store_true")
    cr.set_defaults(handler=cmd_create)

    sh = osub.add_parser("show", parents=[common], help="vis en bestilling")
    sh.add_argument("number")
    sh.add_argument("--json", action="store_true")
    sh.set_defaults(handler=cmd_show)

    ex = osub.add_parser("export", parents=[common], help="eksporter en bestilling (uten personopplysninger)")
    ex.add_argument("number")
    ex.add_argument("--format", required=True, choices=("json", "csv", "pdf", "repair-pdf"), dest="fmt")
    ex.add_argument("--out", required=True, type=Path, help="filen som skal skrives")
    ex.add_argument("--json", action="store_true", help=argparse.SUPPRESS)
    ex.set_defaults(handler=cmd_export)

    st = osub.add_parser("status", parents=[common], help="flytt en bestilling til ny status (bare fremover)")
    st.add_argument("number")
    st.add_argument("new_status", metavar="NY_STATUS",
                    help="REGISTRERT, KLARGJORT, DELVIS_SKIPNINGSBEKREFTET, SKIPNINGSBEKREFTET, LUKKET eller ANNULLERT")
    st.add_argument("--by", help="hvem som endrer (standard: teknikeren i innstillingene)")
    st.add_argument("--json", action="store_true")
    st.set_defaults(handler=cmd_status)

    sp = osub.add_parser("ship", parents=[common], help="skipningsbekreft én linje (fra OeBS)")
    sp.add_argument("number")
    sp.add_argument("line", metavar="LINJE", help="delens HMS-nr eller linjenummeret (1, 2, ...)")
    sp.add_argument("--date", dest="shipped_on", help="skipningsdato ÅÅÅÅ-MM-DD (standard: i dag)")
    sp.add_argument("--by", help="hvem som melder (standard: teknikeren i innstillingene)")
    sp.add_argument("--json", action="store_true")
    sp.set_defaults(handler=cmd_ship)


# --- argument parsing ------------------------------------------------------------

def parse_line(text: str):
    """``150817:2`` → DraftLine for a catalogue part."""
    from hms_desk.parts.orders import DraftLine

    hmsnr, sep, qty = text.partition(":")
    if not sep:
        qty = "1"
    return DraftLine(part_hmsnr=hmsnr.strip(), quantity=_quantity(qty, text, "--line"))


def parse_unknown(text: str):
    """``1503-1003:1:Bremsewire venstre`` → DraftLine for an unknown part (6 digits = HMS-nr)."""
    from hms_desk.parts.orders import DraftLine

    parts = text.split(":", 2)
    if len(parts) != 3:
        raise ValidationError(f"--unknown «{text}»: skriv REF:ANTALL:BESKRIVELSE, "
                              "f.eks. 1503-1003:1:Bremsewire venstre.", field="unknown")
    ref, qty, desc = (p.strip() for p in parts)
    hmsnr = ref if _HMSNR.match(ref) else None
    return DraftLine(part_hmsnr=hmsnr, supplier_ref="" if hmsnr else ref, description=desc,
                     quantity=_quantity(qty, text, "--unknown"), unknown_part=True)


def _local(naive_utc):
    """Database times are naive UTC; people read local time."""
    import datetime as dt

    return naive_utc.replace(tzinfo=dt.timezone.utc).astimezone()


def _quantity(qty: str, text: str, option: str) -> int:
    try:
        return int(qty.strip())
    except ValueError:
        raise ValidationError(f"{option} «{text}»: antall må være et heltall.", field="quantity") from None


# --- commands ------------------------------------------------------------------------

def _with_accessory_answers(lines: list, present: list[str], absent: list[str]) -> list:
    """Lines whose part is named by --accessory-present/--accessory-absent carry that answer."""
    import dataclasses

    yes, no = {h.strip() for h in present}, {h.strip() for h in absent}
    both = yes & no
    if both:
        raise ValidationError(f"Tilbehøret {', '.join(sorted(both))} kan ikke både finnes og ikke finnes "
                              "på hjelpemidlet.", field="accessory_on_device")
    return [dataclasses.replace(line, accessory_on_device=True) if line.part_hmsnr in yes
            else dataclasses.replace(line, accessory_on_device=False) if line.part_hmsnr in no
            else line for line in lines]


def cmd_create(args) -> int:
    from hms_desk.parts.orders import OrderDraft, OrderRefused

    lines = [parse_line(t) for t in args.line] + [parse_unknown(t) for t in args.unknown]
    lines = _with_accessory_answers(lines, args.accessory_present, args.accessory_absent)
    core = core_from_args(args)
    try:
        draft = OrderDraft(
            hmsnr=args.hmsnr, serial=args.serienr, orderer=args.orderer or core.settings.technician,
            orderer_hms_unit=args.hms_unit or core.settings.hms_unit, delivery=args.delivery, lines=lines,
            battery_training_confirmed=args.battery_training)
        try:
            result = core.orders.create(draft)
        except OrderRefused as refused:
            if args.json:
                print_json({"error": refused.to_dict()})
            for v in refused.violations:
                mentioned = "linje" in v.message_nb.lower()
                where = f" ({i18n.t(f'linje {v.line + 1}')})" if v.line is not None and not mentioned else ""
                sys.stderr.write(f"{v.code}{where}: {v.message}\n")
            return 1
    finally:
        core.close()
    order = result.order
    if args.json:
        from hms_desk.parts.orders import to_export_dict

        print_json(to_export_dict(order))
    else:
        print(f"Bestilling {order.number} er sendt ({plural(len(order.lines), '{n} linje', '{n} linjer')}, status {order.status_text}: "
              f"{order.plain_status_text}).")
    return 0


def print_order(order) -> None:
    """The order as text: head, each line with NAV's status and expected delivery, history."""
    rows = [("Bestilling", order.number), ("Status", f"{order.status_text} – {order.plain_status_text}"),
            ("Hjelpemiddel", f"{order.hmsnr} / {order.serial}"), ("Kommune", order.municipality),
            ("HMS", order.hms_unit), ("Levering", order.delivery_text),
            ("Til OeBS", order.shipping_info),
            ("Bestiller", order.orderer), ("Opprettet", f"{_local(order.created_at):%d.%m.%Y kl. %H:%M}")]
    for k, v in rows:
        print(f"{k:<13} {v}")
    print("Linjer:")
    for i, line in enumerate(order.lines, start=1):
        number = line.part_hmsnr or line.supplier_ref or "ukjent"
        flag = "  (ukjent del)" if line.unknown_part else ""
        status = "  ".join(t for t in (line.status_text, line.expected_delivery_text) if t)
        print(f"  {i:>2}. {number:<10} {line.quantity:>2} stk  {line.description}{flag}  [{status}]")
    print("Historikk:")
    for h in order.history:
        print(f"  {_local(h.at):%d.%m.%Y kl. %H:%M}  {h.status:<26} {h.by}")


def cmd_show(args) -> int:
    from hms_desk.parts.orders import to_export_dict

    core = core_from_args(args)
    try:
        order = core.orders.get(args.number)
    finally:
        core.close()
    if args.json:
        print_json(to_export_dict(order))
        return 0
    print_order(order)
    return 0


def cmd_ship(args) -> int:
    import datetime as dt

    from hms_desk.parts.orders import to_export_dict

    if args.shipped_on:
        try:
            shipped_on = dt.date.fromisoformat(args.shipped_on.strip())
        except ValueError:
            raise ValidationError(f"--date «{args.shipped_on}»: skriv datoen som ÅÅÅÅ-MM-DD.",
                                  field="date") from None
    else:
        shipped_on = dt.date.today()
    core = core_from_args(args)
    try:
        order = core.orders.confirm_line_shipped(args.number, args.line, shipped_on,
                                                 by=args.by or core.settings.technician)
    finally:
        core.close()
    if args.json:
        print_json(to_export_dict(order))
    else:
        print_order(order)
    return 0


def cmd_export(args) -> int:
    core = core_from_args(args)
    try:
        path = core.order_documents.export(args.number, args.fmt, args.out)
    finally:
        core.close()
    print(f"Skrev {path}")
    return 0


def cmd_status(args) -> int:
    from hms_desk.parts.orders import to_export_dict

    core = core_from_args(args)
    try:
        order = core.orders.change_status(args.number, args.new_status.strip().upper(),
                                          by=args.by or core.settings.technician)
    finally:
        core.close()
    if args.json:
        print_json(to_export_dict(order))
    else:
        print(f"Bestilling {order.number} har nå status {order.status_text}.")
    return 0
