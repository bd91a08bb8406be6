"""Command line: the GUI, and the same services without it.

  hms-desk [--profile DIR] [--db URL] [--demo] [--no-err-windows]
  hms-desk --version
  hms-desk lookup HMSNR SERIENR [--json]
  hms-desk parts HMSNR [--json]
  hms-desk import KIND PATH...       (grunndata, parts, products, product-parts, register)
  hms-desk read-label IMAGE... [--json]

Each command lives in its own module in this package (``*_cmd.py``).

Exit codes: 0 ok, 1 a failure the user can act on (message on stderr in
Norwegian), 2 wrong arguments, 3 not found.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from hms_desk import APP_NAME, __version__
from hms_desk.domain.errors import HmsError, NotFound

from hms_desk.cli import anonymize_cmd, import_cmd, lookup_cmd, order_cmd, parts_cmd
from hms_desk.cli import generate_cmd, read_label_cmd, search_cmd
from hms_desk.cli.common import print_json

# Each command module has ``register(subparsers, common_parent)``; add new
# commands as their own module and list it here.
COMMANDS = [lookup_cmd, parts_cmd, import_cmd, order_cmd, anonymize_cmd, search_cmd, generate_cmd,
            read_label_cmd]


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # exit 2 with a clear message
        self.print_usage(sys.stderr)
        sys.stderr.write(f"{self.prog}: feil: {message}\n")
        raise SystemExit(2)


def _common(default) -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--profile", type=Path, default=default,
                        help="kjør på en egen profilmappe (innstillinger, database, logger)")
    common.add_argument("--db", dest="db_url", default=default,
                        help="databaseadresse, f.eks. postgresql://… (ellers HMS_DESK_DB_URL eller SQLite i profilen)")
    return common


def _parser() -> argparse.ArgumentParser:
    # --profile/--db are accepted before and after the subcommand; the
    # subcommand's copy must not overwrite a value given before it.
    p = _Parser(prog="hms-desk", description=f"{APP_NAME} {__version__}", parents=[_common(None)])
    common = _common(argparse.SUPPRESS)
    p.add_argument("--version", action="store_true", help="vis versjoner og avslutt")
    p.add_argument("--demo", action="store_true", help="start med demovideo og demodata")
    p.add_argument("--no-err-windows", action="store_true", help="ingen feildialoger (for ubetjente kjøringer)")
    p.add_argument("--quit-after-show", action="store_true", help=argparse.SUPPRESS)
    p.add_argument("--lang", choices=("nb", "en"), help="språk i brukergrensesnittet")
    sub = p.add_subparsers(dest="command", parser_class=_Parser)

    for module in COMMANDS:
        module.register(sub, common)
    return p


def version_text() -> str:
    import sqlite3

    import cv2
    import PySide6
    from PySide6 import QtCore

    return (f"{APP_NAME} {__version__}\n"
            f"Qt {QtCore.qVersion()} (PySide6 {PySide6.__version__})\n"
            f"OpenCV {cv2.__version__}\n"
            f"SQLite {sqlite3.sqlite_version}\n"
            f"Python {sys.version.split()[0]}")


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.version:
        print(version_text())
        return 0
    if args.command is None:
        from hms_desk.app import Options
        from hms_desk.ui.application import run_gui

        return run_gui(Options(profile=args.profile, db_url=args.db_url, demo=args.demo,
                               no_err_windows=args.no_err_windows, quit_after_show=args.quit_after_show,
                               language=args.lang))
    try:
        return args.handler(args)
    except NotFound as exc:
        if getattr(args, "json", False):
            print_json({"error": exc.to_dict()})
        sys.stderr.write(f"{exc.message}\n")
        return 3
    except HmsError as exc:
        if getattr(args, "json", False):
            print_json({"error": exc.to_dict()})
        sys.stderr.write(f"{exc.message}\n")
        return 1
