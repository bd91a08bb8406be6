"""Helpers shared by the command modules."""

from __future__ import annotations

import json


def core_from_args(args):
    """The same core services the GUI uses (composition root), without Qt."""
    from hms_desk.app import Options, build_core

    return build_core(Options(profile=args.profile, db_url=args.db_url))


def print_json(obj) -> None:
    print(json.dumps(obj, ensure_ascii=False, indent=2, default=str))
