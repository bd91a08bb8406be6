"""Background workers are stopped before the interpreter exits.

Video capture, the live face detector and the picture-quality analyser run on
daemon threads that spend their time inside native code (FFmpeg reads,
ONNX/OpenCV inference).  If such a thread is still inside native code when
the process exits, C++ destructors can run underneath it and the process
aborts ("terminate called without an active exception").  Every worker
registers here when it starts; at exit each still-running one is asked to
stop, with a bounded wait.
"""

from __future__ import annotations

import atexit
import logging
import weakref
from typing import Protocol

log = logging.getLogger("hms_desk.workers")

EXIT_WAIT_S = 3.0


class Stoppable(Protocol):
    def stop(self, timeout: float = ...) -> object: ...


_running: "weakref.WeakSet[Stoppable]" = weakref.WeakSet()


def track(worker: Stoppable) -> None:
    """Call when a worker starts its thread."""
    _running.add(worker)


def untrack(worker: Stoppable) -> None:
    _running.discard(worker)


def stop_all(timeout: float = EXIT_WAIT_S) -> int:
    """Stops every registered worker still running; returns how many were asked."""
    workers = list(_running)
    for w in workers:
        try:
            w.stop(timeout=timeout)
        except Exception:  # at exit nothing may stop the others from stopping
            log.exception("stopping %r at exit failed", w)
    _running.clear()
    return len(workers)


atexit.register(stop_all)
