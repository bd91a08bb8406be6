"""Logging: one named logger per subsystem, a rotating file in the profile.

Subsystem loggers: hms_desk.{app,settings,storage,catalog,lookup,cases,parts,
video,anonymise,documents,ui,qt,crash,audit}.  Personal data never goes into a
log message; the ``RedactingFilter`` is a last line of defence that masks
anything shaped like an 11-digit national identity number.
"""

from __future__ import annotations

import logging
import logging.handlers
import re
from pathlib import Path

_FNR = re.compile(r"(?<!\d)\d{6}\s?\d{5}(?!\d)")
LOG_FILE_NAME = "hms_desk.log"


class RedactingFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        msg = record.getMessage()
        if _FNR.search(msg):
            record.msg = _FNR.sub("[fjernet]", msg)
            record.args = None
        return True


def setup_logging(log_dir: Path, level: int = logging.INFO, console: bool = False) -> Path:
    log_dir.mkdir(parents=True, exist_ok=True)
    path = log_dir / LOG_FILE_NAME
    root = logging.getLogger("hms_desk")
    root.setLevel(level)
    for h in list(root.handlers):
        if getattr(h, "_hms_desk", False):
            root.removeHandler(h)
            h.close()
    fh = logging.handlers.RotatingFileHandler(path, maxBytes=2_000_000, backupCount=5, encoding="utf-8")
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
