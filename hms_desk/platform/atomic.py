"""Atomic file writes: a file that matters is either the old one or the new one, never half of each.

``atomic_write_bytes`` / ``atomic_write_text`` / ``atomic_path`` write to a
temporary file beside the target (same folder, so the rename stays on one
file system), flush and ``fsync`` it, rename it over the target with
``os.replace`` and ``fsync`` the folder, so a crash or a power cut at any
moment leaves either the complete old file or the complete new one.  A failure
removes the temporary file and raises the ``OSError``; callers turn that
into a Norwegian message.

Used by settings, secrets, documents and exports, and the OeBS sync state.
"""

from __future__ import annotations

import contextlib
import os
import secrets
from collections.abc import Iterator
from pathlib import Path

__all__ = ["atomic_path", "atomic_write_bytes", "atomic_write_text", "fsync_dir"]


def _temp_name(target: Path) -> Path:
    return target.with_name(f".{target.name}.{secrets.token_hex(4)}.tmp")


def fsync_dir(folder: Path) -> None:
    """Make a rename in ``folder`` durable (a no-op where folders cannot be opened, e.g. Windows)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


@contextlib.contextmanager
def atomic_path(target: Path | str, mode: int | None = None) -> Iterator[Path]:
    """Yields a temporary path to write ``target``'s new content to; on a clean exit it
    is synced and renamed over ``target``.  ``mode`` (e.g. ``0o600``) is set before
    anything is written.  An exception inside the block leaves ``target`` untouched."""
    target = Path(target)
    tmp = _temp_name(target)
    if mode is not None:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode)
        os.close(fd)
    try:
        yield tmp
        _fsync_file(tmp)
        if mode is not None:
            os.chmod(tmp, mode)
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    fsync_dir(target.parent)


def atomic_write_bytes(target: Path | str, data: bytes, mode: int | None = None) -> None:
    target = Path(target)
    with atomic_path(target, mode) as tmp:
        flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0)
        fd = os.open(tmp, flags, 0o666 if mode is None else mode)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())


def atomic_write_text(target: Path | str, text: str, encoding: str = "utf-8", mode: int | None = None,
                      newline: str | None = None) -> None:
    """``newline``: None or "" writes ``text`` as it is; "\r\n" translates line ends."""
    if newline not in (None, "", "\n"):
        text = text.replace("\n", newline)
    atomic_write_bytes(target, text.encode(encoding), mode)
