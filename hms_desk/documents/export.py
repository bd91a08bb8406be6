"""Writing a document into the profile's exports folder, with a Norwegian error."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable

from hms_desk.domain.errors import HmsError


def write_document(writer: Callable[[Any, Path], Any], data: Any, path: Path | None,
                   default: Path, what_nb: str) -> Path:
    """``writer(data, path)`` to ``path`` (or ``default``, its folder created);
    a disk error becomes "Kunne ikke skrive <what_nb> til …"."""
    target = Path(path) if path is not None else default
    try:
        if path is None:
            target.parent.mkdir(parents=True, exist_ok=True)
        writer(data, target)
    except OSError as exc:
        raise HmsError(f"Kunne ikke skrive {what_nb} til {target}: {exc.strerror or exc}") from exc
    return target
