"""Background work from widgets: typed operations through one dispatcher.

The *kind* of an operation decides where it runs, never the widget
(Anki's ``aqt/operations`` is the model):

  ``ops.query(parent, fn, *a)``     reads on the database worker; no change event.
  ``ops.mutate(parent, fn, *a, changes=Change.CASE)``
                                    writes on the database worker; after success every
                                    screen hears ``ops.changed(OpChanges)`` once.
  ``ops.cpu(parent, fn, *a)``       pure CPU work (pictures, PDFs) on the CPU pool; no database.
  ``ops.remote(parent, afn, *a)``   awaits a coroutine function (OeBS over the network).
  ``ops.staged(parent, db(f1), cpu(f2), db(f3), changes=...)``
                                    mixed jobs (snapshot, exports): each step gets the previous
                                    step's result; the last database step re-checks preconditions.

Each returns an :class:`Op`; chain ``.success(cb)``, ``.failure(cb)`` (expected
``HmsError``), ``.finally_(cb)`` and call ``.run()``.  Callbacks are delivered
on the GUI thread *after* the operation has finished (a queued signal), so a
dialog opened from a callback never runs a nested event loop inside an
operation.  A failure without its own handler is shown (``ops.message``, the
status bar); anything that is not an ``HmsError`` — in the work or in a
callback — goes to the crash dialog and the crash log (``report_unexpected``).
Tests and the CLI inject ``InlineTasks``: the same ops, run inline.
"""

from __future__ import annotations

import asyncio
import enum
import logging
import sys
from dataclasses import dataclass
from typing import Any, Awaitable, Callable

import shiboken6
from PySide6.QtCore import QObject, Qt, Signal

from hms_desk.domain.errors import HmsError
from hms_desk.platform import crash
from hms_desk.platform.tasks import Tasks

log = logging.getLogger("hms_desk.ops")


class Change(enum.Flag):
    """What a mutation changed; screens refresh on the kinds they show."""

    NONE = 0
    CASE = enum.auto()          # the case itself: start, close, fields, participants, consent
    DEVICE = enum.auto()        # devices linked to a case
    SNAPSHOT = enum.auto()      # pictures added or deleted
    ORDER = enum.auto()         # parts orders created or changed
    DOCUMENT = enum.auto()      # journal note, receipts, exports written
    CATALOG = enum.auto()       # catalogue or register imported
    SETTINGS = enum.auto()
    PREPARATION = enum.auto()   # an adviser's preparation (utprøving / boligsak)


@dataclass(frozen=True)
class OpChanges:
    kinds: Change
    case_id: int | None = None

    def __contains__(self, kind: Change) -> bool:
        return bool(self.kinds & kind)


@dataclass(frozen=True)
class Step:
    where: str                  # "db" | "cpu"
    fn: Callable[[Any], Any]


def db(fn: Callable[[Any], Any]) -> Step:
    """A database step of a staged operation (runs on the database worker)."""
    return Step("db", fn)


def cpu(fn: Callable[[Any], Any]) -> Step:
    """A CPU step of a staged operation (runs on the CPU pool)."""
    return Step("cpu", fn)


class Op(QObject):
    """One operation; build it through :class:`Operations`."""

    finished = Signal(bool)        # True on success; after the callbacks
    _deliver = Signal(object)      # internal: (kind, value), queued to after the task

    def __init__(self, ops: "Operations", parent: QObject | None, work: Callable[[], Awaitable[Any]],
                 changes: Change | Callable[[Any], OpChanges] = Change.NONE, label: str = ""):
        super().__init__(None)          # owned by the dispatcher, not by the widget
        self._ops = ops
        self._work = work
        self._changes = changes
        self.label = label
        self._parent = parent
        self._on_success: Callable[[Any], None] | None = None
        self._on_failure: Callable[[HmsError], None] | None = None
        self._on_finally: list[Callable[[bool], None]] = []
        self.result: Any = None
        self.error: BaseException | None = None
        self._deliver.connect(self._delivered, Qt.ConnectionType.QueuedConnection)

    @property
    def _parent_alive(self) -> bool:
        """False once the widget that started the operation is deleted (its callbacks are skipped)."""
        return self._parent is None or shiboken6.isValid(self._parent)

    def success(self, cb: Callable[[Any], None]) -> "Op":
        self._on_success = cb
        return self

    def failure(self, cb: Callable[[HmsError], None]) -> "Op":
        self._on_failure = cb
        return self

    def finally_(self, cb: Callable[[bool], None]) -> "Op":
        self._on_finally.append(cb)
        return self

    def run(self) -> "Op":
        self._ops._start(self)
        return self

    async def _go(self) -> None:
        try:
            outcome = ("ok", await self._work())
        except HmsError as exc:
            log.info("operation %s failed: %s (%s)", self.label, exc.code, type(exc).__name__)
            outcome = ("expected", exc)
        except asyncio.CancelledError:
            outcome = ("cancelled", None)
        except BaseException as exc:  # noqa: BLE001 - every unexpected error must reach the user
            outcome = ("unexpected", (type(exc), exc, exc.__traceback__))
        try:
            self._deliver.emit(outcome)
        except RuntimeError:           # the dispatcher is gone (application shutting down)
            log.info("operation %s finished after shutdown", self.label)

    def _delivered(self, outcome: tuple[str, Any]) -> None:
        kind, value = outcome
        ok = kind == "ok"
        if not shiboken6.isValid(self._ops):      # the window is gone (shutting down): nothing to show
            if kind == "unexpected":
                log.error("operation %s failed after its window closed:\n%s", self.label, crash.format_exception(*value))
            else:
                log.info("operation %s finished after its window closed (%s)", self.label, kind)
            return
        alive = self._parent_alive
        try:
            if ok:
                self.result = value
                if self._on_success is not None and alive:
                    self._on_success(value)
                changes = self._changes(value) if callable(self._changes) else OpChanges(self._changes)
                if changes.kinds:
                    self._ops.changed.emit(changes)
            elif kind == "expected":
                self.error = value
                if self._on_failure is not None and alive:
                    self._on_failure(value)
                else:
                    self._ops.message.emit(value.message)
            elif kind == "unexpected":
                self.error = value[1]
                self._ops.report_unexpected(*value)
        except Exception:             # noqa: BLE001 - a callback failed: that is a bug, show it
            self._ops.report_unexpected(*sys.exc_info())
        finally:
            for cb in self._on_finally:
                try:
                    if alive:
                        cb(ok)
                except Exception:     # noqa: BLE001
                    self._ops.report_unexpected(*sys.exc_info())
            self._ops._done(self)
            self.finished.emit(ok)


class Operations(QObject):
    """The one door: owns the executors, runs typed operations, announces changes."""

    changed = Signal(object)       # OpChanges, after every successful mutation
    message = Signal(str)          # an expected failure nobody handled (Norwegian)
    crashed = Signal(str)          # an unexpected error (redacted traceback); the crash handler listens
    idle = Signal()                # no operation running any more

    def __init__(self, tasks: Tasks, parent: QObject | None = None):
        super().__init__(parent)
        self._tasks = tasks
        self._running: set[Op] = set()

    # -- the kinds -----------------------------------------------------------------
    def query(self, parent: QObject | None, fn: Callable, *args: Any, **kwargs: Any) -> Op:
        return Op(self, parent, lambda: self._tasks.db(fn, *args, **kwargs), label=_name(fn))

    def mutate(self, parent: QObject | None, fn: Callable, *args: Any,
               changes: Change | Callable[[Any], OpChanges], **kwargs: Any) -> Op:
        return Op(self, parent, lambda: self._tasks.db(fn, *args, **kwargs), changes, label=_name(fn))

    def cpu(self, parent: QObject | None, fn: Callable, *args: Any, **kwargs: Any) -> Op:
        return Op(self, parent, lambda: self._tasks.cpu(fn, *args, **kwargs), label=_name(fn))

    def remote(self, parent: QObject | None, afn: Callable[..., Awaitable[Any]], *args: Any) -> Op:
        return Op(self, parent, lambda: afn(*args), label=_name(afn))

    def staged(self, parent: QObject | None, *steps: Step, first: Any = None,
               changes: Change | Callable[[Any], OpChanges] = Change.NONE) -> Op:
        if not steps:
            raise ValueError("a staged operation needs at least one step")

        async def work() -> Any:
            value = first
            for step in steps:
                runner = self._tasks.db if step.where == "db" else self._tasks.cpu
                value = await runner(step.fn, value)
            return value
        return Op(self, parent, work, changes, label="+".join(_name(s.fn) for s in steps))

    # -- bookkeeping --------------------------------------------------------------------
    def _start(self, op: Op) -> None:
        self._running.add(op)
        asyncio.ensure_future(op._go())

    def _done(self, op: Op) -> None:
        self._running.discard(op)
        op.deleteLater()
        if not self._running:
            self.idle.emit()

    @property
    def running(self) -> int:
        return len(self._running)

    def report_unexpected(self, exc_type, exc, tb) -> None:
        text = crash.format_exception(exc_type, exc, tb)
        log.error("unexpected error in an operation:\n%s", text)
        self.crashed.emit(text)

    def shutdown(self) -> None:
        self._tasks.shutdown()


def _name(fn: Callable) -> str:
    return getattr(fn, "__qualname__", None) or getattr(fn, "__name__", None) or type(fn).__name__


def install_loop_exception_handler(loop: asyncio.AbstractEventLoop, report: Callable[[str], None]) -> None:
    """Stray asyncio tasks that fail (nobody awaits them) reach the crash handler too."""

    def handler(_loop, context: dict) -> None:
        exc = context.get("exception")
        if exc is None:
            log.warning("event loop: %s", context.get("message"))
            return
        if isinstance(exc, asyncio.CancelledError):
            return
        text = crash.format_exception(type(exc), exc, exc.__traceback__)
        log.error("unhandled error in a background task:\n%s", text)
        report(text)
    loop.set_exception_handler(handler)
