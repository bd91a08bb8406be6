"""Writing a document or an export file: atomically, audited first, with a Norwegian error.

``write_document`` renders into a temporary file beside the target
(:func:`hms_desk.platform.atomic.atomic_path`), then calls ``record(tmp,
target)`` — the caller's audit entry, committed in its own transaction — and
only then renames the file to its name.  So nothing leaves unaudited: if the
audit cannot be written the file never appears, and a crash in between
leaves at most an audit entry for a file that is not there, never a file
without one.  A disk error, or a writer that fails for any other reason,
becomes a Norwegian :class:`HmsError`; nothing half-written is left behind.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any, Callable

from hms_desk.domain.errors import HmsError
from hms_desk.platform.atomic import atomic_path

log = logging.getLogger("hms_desk.documents")

Record = Callable[[Path, Path], Any]     # (the written temporary file, the final path)


def write_document(writer: Callable[[Any, Path], Any], data: Any, path: Path | str | None,
                   default: Path, what_nb: str, record: Record | None = None) -> Path:
    """``writer(data, tmp)``, then ``record(tmp, target)``, then ``tmp`` → ``target``.

    ``target`` is ``path`` or ``default`` (whose folder is created).  Raises
    "Kunne ikke skrive <what_nb> til …" on a disk error.
    """
    target = Path(path) if path is not None else default
    try:
        if path is None:
            target.parent.mkdir(parents=True, exist_ok=True)
        with atomic_path(target) as tmp:
            try:
                writer(data, tmp)
            except (OSError, HmsError):
                raise
            except Exception as exc:  # noqa: BLE001 - a writer's own error (e.g. ReportLab's, in English)
                log.exception("writing %s failed", what_nb)
                raise HmsError(f"Kunne ikke lage {what_nb} ({type(exc).__name__}). Ingenting ble skrevet; "
                               "feilen er logget.") from None
            if record is not None:
                record(tmp, target)
    except OSError as exc:
        raise HmsError(f"Kunne ikke skrive {what_nb} til {target}: {exc.strerror or exc}") from exc
    return target


def write_text_document(text: str, path: Path | str | None, default: Path, what_nb: str,
                        record: Record | None = None, encoding: str = "utf-8") -> Path:
    """A text export (JSON, CSV) the same way: audited first, then renamed into place."""
    def writer(data: str, tmp: Path) -> None:
        with open(tmp, "wb") as fh:
            fh.write(data.encode(encoding))

    return write_document(writer, text, path, default, what_nb, record)
