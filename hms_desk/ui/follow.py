"""«Følg»: the marks drawn on a frozen frame follow the object in the live picture.

:class:`MarkFollower` runs a :class:`~hms_desk.video.tracking.MarkTracker` on its
own thread (``follow-tracker``), never on the GUI thread.  Frames are handed to
it from the capture thread (:meth:`MarkFollower.submit`, a pipeline listener):
it keeps one frame in a one-slot mailbox, so at most one update is in flight
and a frame that arrives while the tracker is busy replaces the waiting one
(newest frame wins, stale ones are dropped).  Each answer goes to the GUI
thread as a queued signal carrying the frame it was computed for, so the pane
paints the marks on exactly the picture they were fitted to.

Every :meth:`MarkFollower.start` begins a new *generation*; :meth:`stop` ends it
and an answer of an older generation that was still in flight is dropped on
arrival (privacy pause, a new source, «Slutt å følge»).  An exception in the
tracker is not swallowed: it is delivered as ``errored`` with its exc_info,
and the pane hands it to the operations layer's crash path.
"""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject, Qt, Signal

from hms_desk.platform import workers
from hms_desk.video.annotate import Annotation
from hms_desk.video.frames import Frame
from hms_desk.video.tracking import MarkTracker

log = logging.getLogger("hms_desk.ui.follow")

TrackerFactory = Callable[..., MarkTracker]


class MarkFollower(QObject):
    """The tracker's worker thread and its mailbox (see the module docstring)."""

    resultReady = Signal(int, object, object)   # generation, Frame, TrackResult — on the GUI thread
    errored = Signal(int, object)               # generation, (type, exception, traceback)

    def __init__(self, parent: QObject | None = None, *, tracker_factory: TrackerFactory = MarkTracker) -> None:
        super().__init__(parent)
        self._factory = tracker_factory
        self._cond = threading.Condition()
        self._generation = 0          # the running generation; 0 = not following
        self._last_generation = 0
        self._slot: Frame | None = None
        self._job: tuple[int, object, list[Annotation]] | None = None   # (generation, reference image, marks)
        self._busy = False
        self._stopping = False
        self._thread: threading.Thread | None = None
        self._running = False          # a worker thread is (still) in its loop
        self._handled = 0              # frames registered (tests, statistics)
        self._dropped = 0              # frames replaced in the mailbox before the tracker took them

    # -- GUI thread ---------------------------------------------------------------------
    @property
    def generation(self) -> int:
        with self._cond:
            return self._generation

    def start(self, reference: Frame, marks: Sequence[Annotation]) -> int:
        """Follow ``marks`` (in ``reference``'s pixels) from now on; returns the generation."""
        with self._cond:
            self._last_generation += 1
            self._generation = self._last_generation
            self._slot = None
            self._job = (self._generation, reference.image, list(marks))
            self._stopping = False
            self._cond.notify_all()
            generation = self._generation
            if not self._running:       # a thread still finishing its last update carries on instead
                self._running = True
                self._thread = threading.Thread(target=self._run, name="follow-tracker", daemon=True)
                self._thread.start()
                workers.track(self)
        return generation

    def stop(self, timeout: float = 0.0) -> bool:
        """End following: from now on nothing of the running generation is delivered (an answer
        in flight is dropped) and the thread ends once an update in progress is done (a few
        milliseconds).  Waits up to ``timeout`` s for that; True when the thread has ended."""
        with self._cond:
            self._generation = 0
            self._slot, self._job = None, None
            self._stopping = True
            self._cond.notify_all()
        thread = self._thread
        if thread is None or thread is threading.current_thread():
            return True
        if timeout > 0:
            thread.join(timeout)
        return not thread.is_alive()

    @property
    def running(self) -> bool:
        """The worker thread is alive (it ends soon after :meth:`stop`)."""
        with self._cond:
            return self._running

    @property
    def counts(self) -> tuple[int, int]:
        """(frames registered, frames dropped because the tracker was busy)."""
        with self._cond:
            return self._handled, self._dropped

    def wait_idle(self, timeout: float = 10.0) -> bool:
        """Block until no frame waits and none is being registered (tests)."""
        with self._cond:
            return self._cond.wait_for(lambda: self._slot is None and self._job is None and not self._busy, timeout)

    # -- capture thread -------------------------------------------------------------------
    def submit(self, frame: Frame) -> None:
        """A new live frame (any thread, must be quick): it replaces any frame still waiting."""
        with self._cond:
            if not self._generation:
                return
            if self._slot is not None:
                self._dropped += 1
            self._slot = frame
            self._cond.notify_all()

    # -- worker thread ---------------------------------------------------------------------
    def _run(self) -> None:
        try:
            self._loop()
        finally:
            with self._cond:
                self._running = False
                self._cond.notify_all()
            workers.untrack(self)

    def _loop(self) -> None:
        tracker: MarkTracker | None = None
        tracking = 0                   # the generation ``tracker`` belongs to
        while True:
            with self._cond:
                self._cond.wait_for(lambda: self._stopping or self._job is not None or
                                    (self._slot is not None and tracking == self._generation))
                if self._stopping:
                    return
                job, self._job = self._job, None
                frame = None
                if job is None:
                    frame, self._slot = self._slot, None
                generation = job[0] if job is not None else tracking
                self._busy = True
            try:
                if job is not None:
                    tracker, tracking = self._factory(job[1], job[2]), generation
                    continue
                assert tracker is not None and frame is not None
                result = tracker.update(frame.image)
            except Exception:           # noqa: BLE001 - a bug in the tracker must reach the user
                info = sys.exc_info()
                log.error("the mark tracker failed", exc_info=info)
                tracker, tracking = None, 0
                self._emit(self.errored, generation, info)
                continue
            finally:
                with self._cond:
                    self._busy = False
                    self._cond.notify_all()
            with self._cond:
                self._handled += 1
                current = generation == self._generation
            if current:
                self._emit(self.resultReady, generation, frame, result)

    @staticmethod
    def _emit(signal, *args) -> None:
        try:
            signal.emit(*args)
        except RuntimeError:           # the pane is gone (shutting down)
            log.info("tracker answer after its pane was deleted")


def connect_queued(follower: MarkFollower, on_result, on_error) -> None:
    """Answers to the GUI thread (queued: the worker never runs a slot)."""
    follower.resultReady.connect(on_result, Qt.ConnectionType.QueuedConnection)
    follower.errored.connect(on_error, Qt.ConnectionType.QueuedConnection)
