"""Logging: one named logger per subsystem, a rotating file in the profile.

Subsystem loggers: hms_desk.{app,settings,storage,catalog,lookup,cases,parts,
video,anonymise,documents,ui,qt,crash,audit}.  Personal data never goes into a
log message; the ``RedactingFilter`` is a last line of defence that masks
every national identity number the personal-data guard finds
(:func:`hms_desk.domain.personal_data.redact` — any spelling; here also with
wrong check digits), in the message and in a logged traceback.
"""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

from hms_desk.domain.errors import ProfileError
from hms_desk.domain.personal_data import redact

LOG_FILE_NAME = "hms_desk.log"


def mask_personal_data(text: str) -> str:
    """What a log line or crash report may keep of ``text``: national ID numbers in any
    spelling (also with wrong check digits) replaced by ``[fjernet]``."""
    return redact(text, check_digits=False, mask="[fjernet]")


_mask = mask_personal_data


class RedactingFilter(logging.Filter):
    _formatter = logging.Formatter()

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            msg = record.getMessage()
        except Exception:  # noqa: BLE001 - a bad format string: log what we have, redacted
            msg = f"{record.msg!r} {record.args!r}"
        clean = _mask(msg)
        if clean != msg or record.args:
            record.msg = clean
            record.args = None
        if record.exc_info and not record.exc_text:
            record.exc_text = _mask(self._formatter.formatException(record.exc_info))
        elif record.exc_text:
            record.exc_text = _mask(record.exc_text)
        if record.stack_info:
            record.stack_info = _mask(record.stack_info)
        return True


def setup_logging(log_dir: Path, level: int = logging.INFO, console: bool = False) -> Path:
    """A rotating log file in ``log_dir``; a folder that cannot be written is a :class:`ProfileError`."""
    path = log_dir / LOG_FILE_NAME
    try:
        log_dir.mkdir(parents=True, exist_ok=True)
        fh = logging.handlers.RotatingFileHandler(path, maxBytes=2_000_000, backupCount=5, encoding="utf-8")
    except OSError as exc:
        raise ProfileError(
            f"Kan ikke skrive loggfilen i {log_dir} ({exc.strerror or exc}). Gi brukeren skrivetilgang "
            "til mappen, eller start med en annen profil (--profile MAPPE).") from None
    root = logging.getLogger("hms_desk")
    root.setLevel(level)
    for h in list(root.handlers):
        if getattr(h, "_hms_desk", False):
            root.removeHandler(h)
            h.close()
    fh.setFormatter(logging.Formatter("%(asctime)s %(levelname)-7s %(name)s %(threadName)s: %(message)s"))
    fh.addFilter(RedactingFilter())
    fh._hms_desk = True  # type: ignore[attr-defined]
    root.addHandler(fh)
    if console:
        ch = logging.StreamHandler()
        ch.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
        ch.addFilter(RedactingFilter())
        ch._hms_desk = True  # type: ignore[attr-defined]
        root.addHandler(ch)
    return path
