"""Crash capture that needs no Qt.

* ``faulthandler`` writes hard crashes (segfaults in native code) to
  ``logs/crashes/faulthandler.log``; if that file is non-empty at the next
  start, ``pending_crash_report()`` returns it so the UI can offer it.
* ``install_excepthooks(report)`` routes ``sys.excepthook`` and
  ``threading.excepthook`` to one callable; the GUI passes a function that
  forwards to the GUI thread through a signal, the CLI one that prints.
"""

from __future__ import annotations

import faulthandler
import logging
import sys
import threading
import time
import traceback
from pathlib import Path
from typing import Callable

from hms_desk.domain.errors import ProfileError
from hms_desk.domain.i18n import N_, t, t_format
from hms_desk.platform.logs import mask_personal_data

log = logging.getLogger("hms_desk.crash")

_fault_file = None


def enable_faulthandler(crash_dir: Path) -> Path:
    global _fault_file
    disable_faulthandler()
    path = crash_dir / "faulthandler.log"
    try:
        crash_dir.mkdir(parents=True, exist_ok=True)
        if path.exists() and path.stat().st_size > 0:
            path.rename(crash_dir / f"crash-{time.strftime('%Y%m%d-%H%M%S')}.log")
        _fault_file = open(path, "w", encoding="utf-8")  # noqa: SIM115 - must stay open
    except OSError as exc:
        raise ProfileError(
            f"Kan ikke skrive i loggmappen {crash_dir} ({exc.strerror or exc}). Gi brukeren skrivetilgang "
            "til mappen, eller start med en annen profil (--profile MAPPE).") from None
    faulthandler.enable(_fault_file, all_threads=True)
    return path


def disable_faulthandler() -> None:
    global _fault_file
    if _fault_file is not None:
        faulthandler.disable()
        _fault_file.close()
        path = Path(_fault_file.name)
        _fault_file = None
        if path.exists() and path.stat().st_size == 0:
            path.unlink()


def pending_crash_report(crash_dir: Path) -> Path | None:
    """The newest unread crash log from an earlier run, if any."""
    if not crash_dir.exists():
        return None
    logs = sorted(p for p in crash_dir.glob("crash-*.log") if p.stat().st_size > 0)
    return logs[-1] if logs else None


def mark_crash_report_seen(path: Path) -> None:
    path.rename(path.with_suffix(".seen"))


def format_exception(exc_type, exc, tb) -> str:
    text = "".join(traceback.format_exception(exc_type, exc, tb))
    return mask_personal_data(text)


def write_crash_log(crash_dir: Path, text: str) -> Path:
    crash_dir.mkdir(parents=True, exist_ok=True)
    path = crash_dir / f"exception-{time.strftime('%Y%m%d-%H%M%S')}-{threading.get_ident()}.txt"
    path.write_text(mask_personal_data(text), encoding="utf-8", errors="backslashreplace")
    return path


UNEXPECTED_TEXT = N_("HMS Desk stoppet på grunn av en uventet feil ({kind}). Ingenting du har lagret er tapt. "
                      "Detaljer er skrevet til {where}. Send gjerne filen til systemansvarlig.")


def unexpected_error_message(exc: BaseException, crash_dir: Path | None) -> tuple[str, Path | None]:
    """The message (in the user's language) for an exception nobody handled, and the crash log written for it.

    The traceback (national ID numbers masked) goes to ``crash_dir`` or, if that
    folder cannot be written, to the system's temporary folder; the message names
    the file.  Used by the CLI's top-level handler and the GUI's start-up.
    """
    import tempfile

    text = format_exception(type(exc), exc, exc.__traceback__)
    log.error("uncaught exception:\n%s", text)
    path: Path | None = None
    for folder in ([crash_dir] if crash_dir is not None else []) + [Path(tempfile.gettempdir()) / "hms-desk"]:
        try:
            path = write_crash_log(folder, text)
            break
        except OSError:
            continue
    where = str(path) if path is not None else t(N_("loggen (krasjloggen kunne ikke skrives)"))
    return t_format(UNEXPECTED_TEXT, kind=type(exc).__name__, where=where), path


def install_excepthooks(report: Callable[[str], None]) -> None:
    def hook(exc_type, exc, tb):
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        text = format_exception(exc_type, exc, tb)
        log.error("uncaught exception:\n%s", text)
        report(text)

    def thread_hook(args: threading.ExceptHookArgs) -> None:
        if args.exc_type is SystemExit:
            return
        hook(args.exc_type, args.exc_value, args.exc_traceback)

    sys.excepthook = hook
    threading.excepthook = thread_hook
