"""Background work from widgets: the UI's side of the one door.

``Op(parent, tasks.db, fn, *args).success(cb).failure(cb).run()`` runs ``fn``
off the GUI thread through the injected ``Tasks`` and delivers the result on
the GUI thread (the qasync loop *is* the Qt loop).  Expected errors
(``HmsError``) go to the failure callback as Norwegian text; anything else is
re-raised into the crash handler.  ``Op.finished`` lets tests wait on it.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any, Awaitable, Callable

from PySide6.QtCore import QObject, Signal

from hms_desk.domain.errors import HmsError

log = logging.getLogger("hms_desk.ui")

_running: set["Op"] = set()


class Op(QObject):
    finished = Signal(bool)   # True on success

    def __init__(self, parent: QObject | None, runner: Callable[..., Awaitable[Any]], fn: Callable, *args, **kwargs):
        super().__init__(parent)
        self._runner = runner
        self._fn = fn
        self._args = args
        self._kwargs = kwargs
        self._on_success: Callable[[Any], None] | None = None
        self._on_failure: Callable[[HmsError], None] | None = None

    def success(self, cb: Callable[[Any], None]) -> "Op":
        self._on_success = cb
        return self

    def failure(self, cb: Callable[[HmsError], None]) -> "Op":
        self._on_failure = cb
        return self

    def run(self) -> "Op":
        _running.add(self)
        asyncio.ensure_future(self._go())
        return self

    async def _go(self) -> None:
        ok = False
        try:
            result = await self._runner(self._fn, *self._args, **self._kwargs)
        except HmsError as exc:
            log.info("operation failed: %s (%s)", exc.code, type(exc).__name__)
            if self._on_failure:
                self._on_failure(exc)
        except Exception:
            _running.discard(self)
            self.finished.emit(False)
            raise
        else:
            ok = True
            if self._on_success:
                self._on_success(result)
        _running.discard(self)
        self.finished.emit(ok)
