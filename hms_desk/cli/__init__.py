"""Command line: the GUI, and the same services without it.

  hms-desk [--profile DIR] [--db URL] [--demo] [--no-err-windows]
  hms-desk --version
  hms-desk lookup HMSNR SERIENR [--json]
  hms-desk parts HMSNR [--json]
  hms-desk import KIND PATH...       (grunndata, parts, products, product-parts, register)
  hms-desk export CASE --pdf FILE | --text | --json     (the journal note; CASE may be "demo")
  hms-desk avvik create|list|export                     (deviations)
  hms-desk read-label IMAGE... [--json]

Each command lives in its own module in this package (``*_cmd.py``).

Exit codes: 0 ok, 1 a failure the user can act on (message on stderr in
Norwegian, or English with ``--lang en``), 2 wrong arguments, 3 not found.

``--json`` failures print ``{"error": {"code", "message", "field"}}``: ``code``
is stable (programs read it), ``message`` is in the language of the run
(``--lang``, default bokmål).

Every failure is a message: arguments that are not valid UTF-8 are refused
before anything runs, every argument passes the personal-data guard (an
option that names a person — ``--orderer``, ``--by`` — must be an employee
ident or initials), and anything no command handled becomes a Norwegian
message naming the crash log it was written to (exit 1), never a traceback.
"""

from __future__ import annotations

import argparse
import logging
import re
import sys
from pathlib import Path

from hms_desk import APP_NAME, __version__
from hms_desk.domain.errors import HmsError, NotFound, ValidationError
from hms_desk.domain.i18n import set_language
from hms_desk.platform import windows

from hms_desk.cli import anonymize_cmd, import_cmd, lookup_cmd, order_cmd, parts_cmd
from hms_desk.cli import avvik_cmd, export_cmd, generate_cmd, prep_cmd, read_label_cmd, search_cmd
from hms_desk.cli.common import print_json

# Each command module has ``register(subparsers, common_parent)``; add new
# commands as their own module and list it here.
COMMANDS = [lookup_cmd, parts_cmd, import_cmd, order_cmd, anonymize_cmd, search_cmd, generate_cmd,
            export_cmd, avvik_cmd, prep_cmd, read_label_cmd]


_ARGPARSE_NB = [
    (re.compile(r"the following arguments are required: (.*)"), r"disse argumentene mangler: \1"),
    (re.compile(r"unrecognized arguments: (.*)"), r"ukjente argumenter: \1"),
    (re.compile(r"argument (\S+): invalid choice: (.*) \(choose from (.*)\)"),
     r"argumentet \1: ugyldig valg \2 (velg \3)"),
    (re.compile(r"argument (\S+): invalid (\w+) value: (.*)"), r"argumentet \1: \3 er ikke en gyldig verdi (\2)"),
    (re.compile(r"argument (\S+): expected one argument"), r"argumentet \1 trenger en verdi"),
    (re.compile(r"argument (\S+): expected at least one argument"), r"argumentet \1 trenger minst én verdi"),
    (re.compile(r"argument (\S+): ignored explicit argument (.*)"), r"argumentet \1 tar ingen verdi (fikk \2)"),
]


def _norwegian(message: str) -> str:
    from hms_desk.domain.personal_data import redact

    for pattern, text in _ARGPARSE_NB:
        if pattern.fullmatch(message):
            message = pattern.sub(text, message)
            break
    return redact(message)      # an argument is echoed only without a national ID number in it


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # exit 2 with a clear message
        self.print_usage(sys.stderr)
        sys.stderr.write(f"{self.prog}: feil: {_norwegian(message)}\n")
        raise SystemExit(2)


def _common(default) -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--profile", type=Path, default=default,
                        help="kjør på en egen profilmappe (innstillinger, database, logger)")
    common.add_argument("--db", dest="db_url", default=default,
                        help="databaseadresse, f.eks. postgresql://… (ellers HMS_DESK_DB_URL eller SQLite i profilen)")
    common.add_argument("--lang", choices=("nb", "en"), default=default,
                        help="språk: brukergrensesnittet og meldingene (standard nb), og dokumentene "
                             "(standard: innstillingene)")
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


#: Options whose value names the person who acts: strict identifier patterns.
_IDENT_OPTIONS = {"orderer": "orderer", "by": "by"}
_POSITIONAL = {"text", "number", "new_status", "hmsnr", "serienr", "kind", "command", "order_command"}


def check_argv(argv: list[str]) -> None:
    """Arguments that are not valid UTF-8 (Python hands them over as lone surrogates)."""
    for i, arg in enumerate(argv, start=1):
        if any(0xD800 <= ord(c) <= 0xDFFF for c in arg):
            raise ValidationError(f"Argument nr. {i} er ikke gyldig tekst (ugyldig UTF-8). Skriv det på nytt.",
                                  code="UGYLDIG_ARGUMENT")


def check_arguments(args: argparse.Namespace) -> None:
    """Every text argument through the personal-data guard; idents by their strict pattern."""
    from hms_desk.domain.personal_data import PersonalDataError, check_free_text, check_identifier

    for name, value in vars(args).items():
        if name in ("handler",) or isinstance(value, (Path, bool, int, float)) or value is None:
            continue
        option = "--" + name.replace("_", "-")
        values = value if isinstance(value, list) else [value]
        for v in values:
            if not isinstance(v, str):
                continue
            if name in _IDENT_OPTIONS:
                check_identifier(v, _IDENT_OPTIONS[name], label=option)
                continue
            try:
                check_free_text(v, label=option, max_len=None, multiline=False)
            except PersonalDataError as exc:
                shown = option if name not in _POSITIONAL else "Et argument"
                raise PersonalDataError(f"{shown}: {exc.message_nb}", field=name) from None


def _crash_dir(args: argparse.Namespace | None) -> Path | None:
    from hms_desk.platform.paths import Profile

    try:
        profile = getattr(args, "profile", None) if args is not None else None
        return (Profile.at(profile) if profile else Profile.default()).crash_dir
    except Exception:  # noqa: BLE001 - the crash log then goes to the temporary folder
        return None


def _fail(args: argparse.Namespace | None, exc: HmsError, code: int) -> int:
    if getattr(args, "json", False):
        print_json({"error": exc.to_dict()})
    sys.stderr.write(f"{exc.message}\n")
    return code


def main(argv: list[str] | None = None) -> int:
    """The command line; every failure ends as a Norwegian message and an exit code."""
    logging.raiseExceptions = False          # a log file that cannot be written never prints a traceback
    if not logging.getLogger("hms_desk").handlers:   # before the log file is set up: not on stderr
        logging.getLogger("hms_desk").addHandler(logging.NullHandler())
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.reconfigure(errors="backslashreplace")   # type: ignore[union-attr]
        except (AttributeError, ValueError):
            pass
    args: argparse.Namespace | None = None
    try:
        windows.prepare_process()   # console for hms-deskw.exe, running-instance mutex (no-op elsewhere)
        argv = sys.argv[1:] if argv is None else list(argv)
        check_argv(argv)
        args = _parser().parse_args(argv)
        set_language(args.lang or "nb")      # messages in English only when asked for (--lang en)
        if args.version:
            print(version_text())
            return 0
        check_arguments(args)
        if args.command is None:
            from hms_desk.app import Options
            from hms_desk.ui.application import run_gui

            return run_gui(Options(profile=args.profile, db_url=args.db_url, demo=args.demo,
                                   no_err_windows=args.no_err_windows, quit_after_show=args.quit_after_show,
                                   language=args.lang))
        return args.handler(args)
    except NotFound as exc:
        return _fail(args, exc, 3)
    except HmsError as exc:
        return _fail(args, exc, 2 if getattr(exc, "code", "") == "UGYLDIG_ARGUMENT" else 1)
    except KeyboardInterrupt:
        sys.stderr.write("Avbrutt.\n")
        return 130
    except BrokenPipeError:                  # the reader of our output went away (| head)
        return 1
    except SystemExit:
        raise
    except Exception as exc:  # noqa: BLE001 - the last line: a message, never a traceback
        from hms_desk.platform.crash import unexpected_error_message

        message, _path = unexpected_error_message(exc, _crash_dir(args))
        sys.stderr.write(message + "\n")
        return 1
