"""`hms-desk lookup`: one device by HMS-nr + serienr."""

from __future__ import annotations

import sys

from hms_desk.cli.common import core_from_args, print_json


def register(sub, common) -> None:
    lk = sub.add_parser("lookup", parents=[common], help="slå opp et hjelpemiddel på HMS-nr og serienr")
    lk.add_argument("hmsnr")
    lk.add_argument("serienr")
    lk.add_argument("--json", action="store_true")
    lk.set_defaults(handler=cmd_lookup)


def cmd_lookup(args) -> int:
    """Remote OeBS first when configured, else (or when it fails) the local register.

    Both numbers are checked first and every reason is reported (NAV returns
    them all); ``--json`` lists each under ``error.violations``.
    """
    import asyncio

    from hms_desk.domain.validation import require_identity

    require_identity(args.hmsnr, args.serienr)
    core = core_from_args(args)
    try:
        result = asyncio.run(core.device_lookup.lookup(args.hmsnr, args.serienr))
    finally:
        core.close()
    card = result.card
    if result.badge_text:
        sys.stderr.write(result.badge_text + "\n")
    if args.json:
        print_json(card.to_json())
    else:
        rows = [
            ("Produkt", card.product_name), ("Serie", card.series), ("HMS-nr", card.hmsnr),
            ("Serienr", card.serial), ("Leverandør", f"{card.supplier} {card.supplier_ref}".strip()),
            ("ISO", card.iso_category), ("Status", card.article_status),
            ("Utlånstype", card.loan_type_text),
            ("Kommune", f"{card.municipality_number} {card.municipality_name}".strip()),
            ("HMS", f"{card.hms_unit} {card.hms_unit_name}".strip()),
            ("Garanti til", f"{card.warranty_end or '–'} ({'under garanti' if card.under_warranty else 'utløpt'})"),
        ]
        for k, v in rows:
            print(f"{k:<12} {v}")
    return 0
