"""`hms-desk prep`: preparations of an utprøving or a housing case from the command line.

  hms-desk prep create --kind utproving|boligsak --date ÅÅÅÅ-MM-DD --time TT:MM --purpose TEKST
                       [--duration MIN] [--questions T] [--filming T] [--angles T] [--agenda T]
                       [--video URL] [--dial-in ADRESSE ...] [--municipality NNNN]
                       [--participant "ROLLE:ORGANISASJON[:kamera]" ...] [--candidate HMSNR ...]
                       [--user-takes-part] [--consent TYPE:GITT_AV:GJELDER] [--json]
  hms-desk prep list [--all] [--json]
  hms-desk prep show NUMMER [--json]
  hms-desk prep ics NUMMER --out FIL.ics
  hms-desk prep sheet NUMMER --out FIL.pdf

The same service as the advisers' workspace in the GUI.  Date and time are
Norwegian time.  A preparation that cannot be made whole (a participant that
looks like a person's name, a product that is not in the catalogue) is not
left half made.  Exit codes: 0 ok, 1 an error to act on (Norwegian message on
stderr), 2 wrong arguments, 3 not found.
"""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from hms_desk.cli.common import core_from_args, print_json
from hms_desk.domain.errors import HmsError, ValidationError
from hms_desk.domain.i18n import plural


def register(sub, common) -> None:
    prep = sub.add_parser("prep", parents=[common],
                          help="forberedelser av utprøving og boligsak: opprett, vis, invitasjon, ark")
    psub = prep.add_subparsers(dest="prep_command", metavar="create|list|show|ics|sheet")
    psub.required = True

    cr = psub.add_parser("create", parents=[common], help="lag en forberedelse")
    cr.add_argument("--kind", required=True, choices=("utproving", "boligsak"))
    cr.add_argument("--date", required=True, help="møtedato ÅÅÅÅ-MM-DD")
    cr.add_argument("--time", required=True, help="klokkeslett TT:MM (norsk tid)")
    cr.add_argument("--duration", type=int, default=60, help="varighet i minutter (standard 60)")
    cr.add_argument("--purpose", required=True, help="formålet med møtet")
    cr.add_argument("--questions", default="", help="spørsmål som skal avklares")
    cr.add_argument("--filming", default="", help="hva som skal filmes")
    cr.add_argument("--angles", default="", help="fra hvilke vinkler")
    cr.add_argument("--agenda", default="", help="agenda")
    cr.add_argument("--video", default="", help="videomøtets adresse (https://…, sip:…)")
    cr.add_argument("--dial-in", action="append", default=[], metavar="ADRESSE",
                    help="alternativ måte å koble til (kan gjentas)")
    cr.add_argument("--municipality", default="", help="kommunenummer (4 siffer)")
    cr.add_argument("--participant", action="append", default=[], metavar="ROLLE:ORGANISASJON[:kamera]",
                    help="deltaker med rolle og organisasjon, aldri navn; «:kamera» = holder kameraet (kan gjentas)")
    cr.add_argument("--candidate", action="append", default=[], metavar="HMSNR",
                    help="aktuelt produkt fra katalogen (kan gjentas)")
    cr.add_argument("--user-takes-part", action="store_true", help="brukeren deltar i møtet")
    cr.add_argument("--consent", default="", metavar="TYPE:GITT_AV:GJELDER",
                    help="samtykke innhentet på forhånd, f.eks. muntlig:bruker:video")
    cr.add_argument("--json", action="store_true")
    cr.set_defaults(handler=cmd_create)

    ls = psub.add_parser("list", parents=[common], help="kommende forberedelser etter dato")
    ls.add_argument("--all", action="store_true", help="alle, også holdte og dokumenterte")
    ls.add_argument("--json", action="store_true")
    ls.set_defaults(handler=cmd_list)

    sh = psub.add_parser("show", parents=[common], help="vis en forberedelse")
    sh.add_argument("number", metavar="NUMMER")
    sh.add_argument("--json", action="store_true")
    sh.set_defaults(handler=cmd_show)

    ic = psub.add_parser("ics", parents=[common], help="skriv møteinvitasjonen (.ics)")
    ic.add_argument("number", metavar="NUMMER")
    ic.add_argument("--out", required=True, type=Path)
    ic.add_argument("--json", action="store_true", help=argparse.SUPPRESS)
    ic.set_defaults(handler=cmd_ics)

    st = psub.add_parser("sheet", parents=[common], help="skriv forberedelsesarket (PDF/A)")
    st.add_argument("number", metavar="NUMMER")
    st.add_argument("--out", required=True, type=Path)
    st.add_argument("--json", action="store_true", help=argparse.SUPPRESS)
    st.set_defaults(handler=cmd_sheet)


# --- parsing ---------------------------------------------------------------------------

def parse_when(date_text: str, time_text: str) -> dt.datetime:
    """Norwegian wall time → naive UTC."""
    from hms_desk.domain.oslo_time import from_oslo

    try:
        day = dt.date.fromisoformat(date_text.strip())
    except ValueError:
        raise ValidationError(f"--date «{date_text}»: skriv datoen som ÅÅÅÅ-MM-DD.", field="date") from None
    try:
        clock = dt.time.fromisoformat(time_text.strip())
    except ValueError:
        raise ValidationError(f"--time «{time_text}»: skriv klokkeslettet som TT:MM.", field="time") from None
    return from_oslo(dt.datetime.combine(day, clock))


def parse_participant(text: str) -> tuple[str, str, bool]:
    from hms_desk.services.preparations import ROLES

    parts = [p.strip() for p in text.split(":")]
    role = parts[0].lower()
    if role not in ROLES:
        raise ValidationError(f"--participant «{text}»: ukjent rolle «{parts[0]}». Bruk en av: "
                              f"{', '.join(ROLES)}.", field="participant")
    camera = len(parts) > 2 and parts[-1].lower() in ("kamera", "camera")
    org = ":".join(parts[1:-1] if camera else parts[1:]).strip()
    return role, org, camera


def parse_consent(text: str) -> tuple[str, str, str]:
    if not text:
        return "", "", ""
    parts = [p.strip().lower() for p in text.split(":")]
    if len(parts) != 3:
        raise ValidationError(f"--consent «{text}»: skriv TYPE:GITT_AV:GJELDER, f.eks. muntlig:bruker:video.",
                              field="consent")
    return parts[0], parts[1], parts[2]


# --- commands --------------------------------------------------------------------------

def cmd_create(args) -> int:
    from hms_desk.services.preparations import PrepInput, prep_to_json

    starts = parse_when(args.date, args.time)
    participants = [parse_participant(p) for p in args.participant]
    kind, by, scope = parse_consent(args.consent)
    data = PrepInput(kind=args.kind, starts_at=starts, purpose=args.purpose, duration_min=args.duration,
                     questions=args.questions, filming=args.filming, angles=args.angles,
                     meeting_url=args.video, dial_in=tuple(args.dial_in), agenda=args.agenda,
                     municipality=args.municipality, user_takes_part=args.user_takes_part,
                     consent_kind=kind, consent_given_by=by, consent_scope=scope)
    core = core_from_args(args)
    try:
        prep = core.preparations
        view = prep.create(data)
        try:
            for role, org, camera in participants:
                prep.add_participant(view.id, role, org, camera)
            for hmsnr in args.candidate:
                prep.add_candidate(view.id, hmsnr.strip())
        except HmsError:
            prep.delete(view.id)           # nothing half made
            raise
        view = prep.get(view.id)
    finally:
        core.close()
    if args.json:
        print_json(prep_to_json(view))
    else:
        print(f"Forberedelse {view.number} ({view.kind_text.lower()}) er laget for "
              f"{_when(view.starts_at)}. "
              + plural(len(view.open_items), "{n} punkt på sjekklisten gjenstår.",
                       "{n} punkter på sjekklisten gjenstår."))
    return 0


def _when(t: dt.datetime) -> str:
    from hms_desk.domain.oslo_time import oslo_text

    return oslo_text(t)


def cmd_list(args) -> int:
    core = core_from_args(args, seed=False)
    try:
        rows = core.preparations.list(upcoming_only=not args.all)
        reminders = core.preparations.reminders() if not args.all else []
    finally:
        core.close()
    if args.json:
        print_json({"forberedelser": [
            {"nummer": r.number, "type": r.kind, "status": r.status, "status_tekst": r.status_text,
             "tidspunkt": r.starts_at.replace(tzinfo=dt.timezone.utc).isoformat(), "tidspunkt_tekst": _when(r.starts_at),
             "formål": r.purpose, "åpne_punkter": r.open_items, "produkter": r.candidates, "sak": r.case_number or None}
            for r in rows], "påminnelser": [r.text() for r in reminders]})
        return 0
    if not rows:
        print("Ingen kommende forberedelser." if not args.all else "Ingen forberedelser.")
        return 0
    for r in rows:
        case = f"  sak {r.case_number}" if r.case_number else ""
        print(f"{r.number}  {_when(r.starts_at)}  {r.kind_text:<10} {r.status_text:<11} "
              f"{plural(r.open_items, '{n} åpent punkt', '{n} åpne punkter')}  {r.purpose[:60]}{case}")
    for rem in reminders:
        print("Påminnelse: " + rem.text())
    return 0


def cmd_show(args) -> int:
    from hms_desk.services.preparations import prep_to_json

    core = core_from_args(args, seed=False)
    try:
        view = core.preparations.get(core.preparations.id_of(args.number))
    finally:
        core.close()
    if args.json:
        print_json(prep_to_json(view))
        return 0
    rows = [("Forberedelse", view.number), ("Type", view.kind_text), ("Status", view.status_text),
            ("Tidspunkt", f"{_when(view.starts_at)} ({view.duration_min} min)"), ("Formål", view.purpose),
            ("Spørsmål", view.questions), ("Filmes", view.filming), ("Vinkler", view.angles),
            ("Videomøte", view.meeting_url), ("Alternativt", "; ".join(view.dial_in)), ("Agenda", view.agenda),
            ("Sak", view.case_number)]
    for k, v in rows:
        if v:
            print(f"{k:<13} {v}")
    print("Deltakere:")
    for p in view.participants:
        print(f"  {p.role_text}, {p.organisation or '–'}" + ("  (holder kameraet)" if p.holds_camera else ""))
    print("Sjekkliste:")
    for c in view.checklist:
        mark = "x" if c.done else ("-" if not c.applies else " ")
        who = f"  {c.done_by} {_when(c.done_at)}" if c.done else ("  ikke aktuelt" if not c.applies else "")
        print(f"  [{mark}] {c.text}{who}")
    print("Produkter:")
    for c in view.candidates:
        gone = "  (finnes ikke lenger i katalogen)" if not c.in_catalogue else ""
        print(f"  {c.hmsnr} {c.name} – {c.status_text}{gone}" + (f": {c.note}" if c.note else ""))
        for p in c.parts:
            print(f"      {p.text()}")
    if view.attachments:
        print(f"Tegninger og bilder: {len(view.attachments)} (ansikter sladdet)")
    return 0


def cmd_ics(args) -> int:
    core = core_from_args(args, seed=False)
    try:
        path = core.preparations.write_ics(core.preparations.id_of(args.number), args.out)
    finally:
        core.close()
    print(f"Skrev {path}")
    return 0


def cmd_sheet(args) -> int:
    core = core_from_args(args, seed=False)
    try:
        path = core.preparations.write_sheet(core.preparations.id_of(args.number), args.out)
    finally:
        core.close()
    print(f"Skrev {path}")
    return 0
