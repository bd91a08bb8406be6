"""`hms-desk generate-register PATH --devices N`: a synthetic OeBS register export."""

from __future__ import annotations

from pathlib import Path

from hms_desk.domain.errors import HmsError


def register(sub, common) -> None:
    gp = sub.add_parser("generate-register", parents=[common],
                        help="lag et syntetisk hjelpemiddelregister (CSV, ingen personopplysninger)")
    gp.add_argument("path", type=Path)
    gp.add_argument("--devices", type=int, required=True, help="antall hjelpemidler (rader)")
    gp.add_argument("--seed", type=int, default=1, help="startverdi for tilfeldighetene (samme gir samme fil)")
    gp.set_defaults(handler=cmd_generate)


def cmd_generate(args) -> int:
    from hms_desk.catalog.register_gen import generate_register_csv

    if args.devices < 0:
        raise HmsError("Antall hjelpemidler kan ikke være negativt.")
    if args.path.parent and not args.path.parent.exists():
        raise HmsError(f"Mappen {args.path.parent} finnes ikke.")
    try:
        n = generate_register_csv(args.path, args.devices, seed=args.seed)
    except ValueError as exc:      # too many devices for the catalogue's serial space
        raise HmsError(f"Kan ikke lage registeret: {exc}") from None
    except OSError as exc:
        raise HmsError(f"Kan ikke skrive {args.path}: {exc.strerror or exc}") from None
    print(f"Skrev {n} hjelpemidler til {args.path}")
    return 0
