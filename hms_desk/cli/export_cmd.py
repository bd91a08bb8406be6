"""`hms-desk export CASE --pdf FILE | --text | --json`: the case's journal note.

CASE is a case number (``S-2026-000001``), a case id, or ``demo`` — the demo
call, made on first use so this works on a fresh profile.  The note is the
saved draft (what the technician wrote in the editor) or, without one, the
note prefilled from the case.  Export is refused (exit 1, Norwegian message)
while the summary or the next contact is missing.

``--text`` and ``--json`` print to stdout (or ``--out FILE``); ``--pdf``
writes PDF/A-2b.  ``--lang en`` writes the document in English.  Notes about
what the PDF cannot show as typed (e.g. emoji) go to stderr.
"""

from __future__ import annotations

import sys
from pathlib import Path

from hms_desk.cli.common import core_from_args


def register(sub, common) -> None:
    ex = sub.add_parser("export", parents=[common], help="eksporter journalnotatet til en sak (PDF/A, tekst, JSON)")
    ex.add_argument("case", metavar="SAK", help="saksnummer, sak-id eller «demo»")
    fmt = ex.add_mutually_exclusive_group(required=True)
    fmt.add_argument("--pdf", type=Path, metavar="FIL", help="skriv PDF/A-2b til FIL")
    fmt.add_argument("--text", action="store_true", help="ren tekst (til journalsystemet) på stdout")
    fmt.add_argument("--json", action="store_true", help="JSON på stdout")
    ex.add_argument("--out", type=Path, metavar="FIL", help="skriv tekst/JSON til FIL i stedet for stdout")
    ex.set_defaults(handler=cmd_export)


def ensure_case(core, ref: str) -> None:
    """Make the demo call when ``ref`` is ``demo`` and it does not exist yet."""
    from hms_desk.parts.demo import ensure_demo_call
    from hms_desk.services.demo import is_demo_alias

    if is_demo_alias(ref):
        ensure_demo_call(core.db, core.cases, core.orders, core.journal)


def cmd_export(args) -> int:
    core = core_from_args(args)
    try:
        lang = getattr(args, "lang", None) or core.settings.ui.language
        ensure_case(core, args.case)
        if args.pdf is not None:
            result = core.journal.export(args.case, "pdf", args.pdf, lang=lang)
        else:
            fmt = "json" if args.json else "text"
            result = core.journal.export(args.case, fmt, args.out, lang=lang, write=args.out is not None)
    finally:
        core.close()
    for warning in result.warnings:
        sys.stderr.write(warning + "\n")
    if result.path is not None:
        sys.stderr.write(f"Skrev {result.path}\n")
    else:
        sys.stdout.flush()
        sys.stdout.buffer.write(result.rendered.data)
        sys.stdout.buffer.flush()
    return 0
