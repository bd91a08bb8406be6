"""Helpers shared by the command modules."""

from __future__ import annotations

import json


def core_from_args(args, seed: bool = True):
    """The same core services the GUI uses (composition root), without Qt.

    ``seed``: a command that reads the catalogue or the register imports the
    embedded defaults into an empty database first (as the GUI's first start).
    The warnings the GUI shows at start (a corrupt or newer settings file, no
    keychain …) are printed on stderr, and a write that waits for the database
    says "venter på databasen …" there.
    """
    import sys

    from hms_desk.app import Options, build_core, seed_if_empty
    from hms_desk.storage.db import WAITING_TEXT

    core = build_core(Options(profile=args.profile, db_url=args.db_url))
    for w in core.warnings:
        sys.stderr.write(f"Advarsel: {w}\n")
    core.db.set_wait_notifier(lambda: sys.stderr.write(WAITING_TEXT + "\n"))
    if seed:
        seed_if_empty(core.db)
    return core


def print_json(obj) -> None:
    print(json.dumps(obj, ensure_ascii=False, indent=2, default=str))
