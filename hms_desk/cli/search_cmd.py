"""`hms-desk search TEXT`: forgiving device search and product search."""

from __future__ import annotations

from hms_desk.cli.common import core_from_args, print_json


def register(sub, common) -> None:
    sp = sub.add_parser("search", parents=[common],
                        help="søk etter hjelpemiddel (serienr, også feillest) eller produkt")
    sp.add_argument("text", nargs="+", help="serienr, «HMSNR SERIENR» eller ord fra produktnavn/leverandør")
    sp.add_argument("--limit", type=int, default=50, help="høyst så mange treff (standard 50)")
    sp.add_argument("--json", action="store_true")
    sp.set_defaults(handler=cmd_search)


def cmd_search(args) -> int:
    from hms_desk.services.search import SearchService

    query = " ".join(args.text)
    core = core_from_args(args)
    try:
        hits = SearchService(core.db).search(query, limit=max(1, args.limit))
    finally:
        core.close()
    if args.json:
        print_json({"query": query, "hits": [h.to_json() for h in hits]})
    else:
        if not hits:
            print(f"Ingen treff på «{query}».")
        for h in hits:
            number = f"{h.hmsnr} {h.serial}" if h.serial else h.hmsnr
            print(f"{h.score:4.2f}  {h.kind:<7} {number:<14} {h.title}  ({h.reason_nb})")
    return 0 if hits else 3
